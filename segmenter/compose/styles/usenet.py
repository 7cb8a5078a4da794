"""Usenet messages of the early 1990s: headers, attributions, ``>`` quoting, hard wraps, signatures."""

from __future__ import annotations

import random
import textwrap

from segmenter.compose import names, phrases
from segmenter.compose.model import Para, Part, Thread, User
from segmenter.compose.page import PageBuilder
from segmenter.labels import BOILERPLATE, NEWS, PRESS_RELEASE

_GROUPS = ("talk.politics.misc", "talk.politics.guns", "talk.politics.mideast", "sci.space", "soc.culture.misc",
           "alt.activism", "misc.headlines", "talk.religion.misc", "sci.med", "rec.sport.hockey", "clari.news")
_SOFTWARE = ("VAX/VMS VNEWS 1.41", "NN version 6.4.19", "rn 4.3", "Tin 1.1 PL4", "trn 2.4.5")


class _Lines:
    """Body lines collected before the headers, so that ``Lines:`` can count them."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str | None]] = []

    def add(self, text: str, label: str | None) -> None:
        self.items.append((text, label if text.strip() else None))


def _msgid(rng: random.Random, user: User) -> str:
    host = user.email.partition("@")[2] or names.host(rng, 1993)
    return rng.choice((
        f"1993{names.MON[rng.randint(2, 4)]}{rng.randint(1, 28)}.{rng.randint(0, 235959):06d}."
        f"{rng.randint(1, 29999)}@{host}",
        f"1q{names.syllable_word(rng, 2)[:4]}INN{names.syllable_word(rng, 1)[:3]}@{host}",
        f"C5{names.syllable_word(rng, 1)[:4].upper()}.{rng.choice('ABCDEFGH')}{rng.randint(1, 9)}"
        f"{rng.choice('JKLMN')}@{host}",
        f"{user.email.partition('@')[0]}.{rng.randint(733000000, 737999999)}@{host.split('.')[0]}",
    ))


def _attribution(rng: random.Random, user: User, style: int) -> str:
    who = f"{user.email} ({user.real_name})"
    return (
        f"In article <{_msgid(rng, user)}>, {who} writes:",
        f"In article <{_msgid(rng, user)}> {user.email} writes:",
        f"{who} writes:",
        f"In a previous article, {who} says:",
        f"{user.real_name.split()[0]} sez:",
        f"{user.email} writes in {rng.choice(_GROUPS)}:",
        f"In <{_msgid(rng, user)}> {user.email} writes:",
    )[style]


def _wrap(text: str, width: int, first_indent: str = "", indent: str = "") -> list[str]:
    return textwrap.wrap(text, max(width, 20), initial_indent=first_indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [text]


class UsenetWriter:
    """Renders one message; style choices (width, quote prefix, indents) are drawn once per message."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.width = rng.choice((64, 70, 72, 72, 74, 76, 78))
        self.prefix = rng.choice((">", "> ", ">", "> ", "|> ", " >", ": "))
        self.attribution_style = rng.randrange(7)
        self.quote_blank = rng.choice(("prefix", "blank", "none"))
        self.own_indent = rng.choice(("", "", "", "\t", "      "))
        self.body = _Lines()

    def paragraph(self, para: Para, prefix: str, wire: bool, release: bool) -> None:
        rng = self.rng
        if para.pre:
            self.body.add(prefix + para.text, para.label)
            return
        text = para.text.strip()
        first = ""
        if wire:
            first = "\t" if rng.random() < 0.8 else "    "
        elif release:
            first = " " * rng.choice((0, 3, 5, 5))
        elif self.own_indent and not prefix:
            first = self.own_indent
        indent = self.own_indent if (self.own_indent.strip() == "" and self.own_indent and not prefix
                                     and not wire and not release and self.own_indent != "\t") else ""
        width = self.width - len(prefix) - (6 if "\t" in first else 0)
        lines = _wrap(text, width, first, indent)
        if rng.random() < 0.04:  # re-wrapped at a narrower width on the way: ragged lines
            lines = [piece for line in lines for piece in _wrap(line, width - 12)]
        for line in lines:
            self.body.add(prefix + line, para.label)

    def paras(self, paras: list[Para], prefix: str) -> None:
        labels = {p.label for p in paras}
        wire = NEWS in labels and self.rng.random() < 0.6
        release = PRESS_RELEASE in labels
        gap = "none" if wire else (self.quote_blank if prefix else "blank")
        for k, para in enumerate(p for p in paras if p.text.strip()):
            if k and gap != "none":
                self.body.add(prefix.rstrip() if gap == "prefix" and prefix else "", para.label)
            self.paragraph(para, prefix, wire, release)

    def parts(self, parts: list[Part], depth: int) -> None:
        prefix = (self.prefix.strip() * depth + " ") if depth and self.prefix.endswith(" ") else self.prefix * depth
        for k, part in enumerate(parts):
            if part.kind == "quote":
                if part.author is not None and not part.continued:
                    if k or depth:
                        self.body.add(prefix.rstrip(), None)
                    self.body.add(prefix + _attribution(self.rng, part.author, self.attribution_style), BOILERPLATE)
                    if self.rng.random() < 0.4:
                        self.body.add(prefix.rstrip(), None)
                self.parts(part.inner, depth + 1)
            else:
                if k and (depth == 0 or self.rng.random() < 0.3):
                    self.body.add("", None)
                self.paras(part.paras, prefix)

    def signature(self, user: User) -> None:
        rng = self.rng
        lines: list[str] = []
        style = rng.random()
        if style < 0.3:
            lines = [user.real_name, user.email]
        elif style < 0.55:
            quip = _wrap(rng.choice(phrases.SIGNATURE_QUIPS), 38)
            left = [user.email, user.real_name] + [""] * max(len(quip) - 2, 0)
            lines = [f"{a:<32}{'--' if k == 0 else '  '}{b}".rstrip()
                     for k, (a, b) in enumerate(zip(left, quip + [""] * (len(left) - len(quip)), strict=True))]
        elif style < 0.75:
            lines = [f"** {user.real_name}  -  {user.organization} **", f"** {user.email} **"]
        elif style < 0.9:
            lines = [f"{user.real_name} | {user.email}", user.organization, f'"{rng.choice(phrases.SIGNATURE_QUIPS)}"']
        else:
            lines = ["\t\t\t\t\t\t" + user.real_name]
        self.body.add("", None)
        if style < 0.9:
            self.body.add(rng.choice(("-- ", "--", "-- ", "-" * rng.randint(20, 72))), BOILERPLATE)
        for line in lines:
            self.body.add(line, BOILERPLATE)


def _headers(rng: random.Random, thread: Thread, user: User, lines: int) -> list[str]:
    when = thread.posts[0].when
    sender = rng.choice((f"{user.email} ({user.real_name})", f'"{user.real_name}" <{user.email}>', user.email))
    fields = [f"From: {sender}", f"Subject: {thread.title}"]
    if rng.random() < 0.3:
        fields.reverse()
    host = user.email.partition("@")[2]
    optional = [f"Organization: {user.organization}", f"Lines: {lines}"]
    optional += [f"{rng.choice(('NNTP-Posting-Host', 'Nntp-Posting-Host'))}: {host}"] * (rng.random() < 0.6)
    optional += [f"Distribution: {rng.choice(('world', 'usa', 'na', 'sci', 'rec', 'ca'))}"] * (rng.random() < 0.35)
    optional += [f"Reply-To: {user.email}"] * (rng.random() < 0.2)
    words = [w.strip(",.:;\"'()").lower() for w in thread.title.split() if len(w) > 4][:4]
    optional += [f"Keywords: {', '.join(words)}"] * (bool(words) and rng.random() < 0.2)
    optional += [f"News-Software: {rng.choice(_SOFTWARE)}"] * (rng.random() < 0.1)
    optional += [f"Summary: {thread.title[:50]}"] * (rng.random() < 0.05)
    if thread.title.startswith("Re:") and rng.random() < 0.2:
        optional.append(f"In-Reply-To: {names.host(rng, 1993)}'s message of "
                        f"{names.WEEKDAYS[when.weekday()][:3]}, {when.day} {names.MON[when.month - 1]} 1993 "
                        f"{when:%H:%M:%S} GMT")
    if rng.random() < 0.05:
        optional += ["X-Added: Forwarded by Space Digest", "Original-Sender: isu@" + names.host(rng, 1993)]
    rng.shuffle(optional)
    return fields + optional


def render(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """One Usenet message: headers, blank line, body (quotes, pastes, own text), signature."""
    post = thread.posts[0]
    writer = UsenetWriter(rng)
    writer.parts(post.parts, 0)
    if rng.random() < 0.65:
        writer.signature(post.user)
    for _ in range(rng.choice((0, 0, 1, 2))):
        writer.body.add("", None)
    lines = len(writer.body.items)
    b.lines(_headers(rng, thread, post.user, lines), BOILERPLATE)
    b.blank(rng.choice((1, 1, 2)))
    for text, label in writer.body.items:
        if label is None:
            b.line(text, BOILERPLATE)  # blank or a bare quote prefix: chrome when it has any character
        else:
            b.line(text, label)
