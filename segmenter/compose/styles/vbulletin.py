"""vBulletin text dumps: the 4forums-like archive view, a full thread view, and forum index pages."""

from __future__ import annotations

import random

from segmenter.compose import names, phrases
from segmenter.compose.model import Part, Post, Thread
from segmenter.compose.page import PageBuilder
from segmenter.compose.styles.common import chrome, clean, count, emit_body, emit_paras, us_numeric
from segmenter.labels import BOILERPLATE

_SITE_WORDS = ("Debate", "Politics", "Forum", "Talk", "Opinion", "Commons", "Agora", "Square", "Soapbox")


def _site(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "4Forums.com Political Debates and Polls"
    word = names.syllable_word(rng).capitalize()
    kind = rng.choice(_SITE_WORDS)
    return rng.choice((f"{word}{kind}.com", f"{word} Forums", f"The {word} {kind}",
                       f"{word}{kind} - Political Discussion Forums"))


def _quote_header(rng: random.Random, part: Part, b: PageBuilder, two_lines: bool) -> None:
    if part.author is None:
        if rng.random() < 0.2:
            b.line(rng.choice(("Originally Posted by", "Source:", "Excerpt:")), BOILERPLATE)
        b.line("Quote:", BOILERPLATE)
    elif two_lines:
        b.line("Quote:", BOILERPLATE)
        b.line(f"Originally Posted by {part.author.name}", BOILERPLATE)
    else:
        b.line(f"Quote: Originally Posted by {part.author.name}", BOILERPLATE)


def _body(b: PageBuilder, post: Post, rng: random.Random, raw: bool, two_lines: bool) -> None:
    def quote(builder: PageBuilder, part: Part, depth: int) -> None:
        _quote_header(rng, part, builder, two_lines)
        for inner in part.inner:
            if inner.kind == "quote":
                continue  # vBulletin drops nested quotes
            emit_paras(builder, inner.paras, rng, 0.15, raw=raw)
        builder.blank_maybe(rng, 0.8)

    if not raw:
        emit_body(b, post.parts, rng, quote, gap=0.1, raw=raw)
        return
    for k, part in enumerate(post.parts):  # the 4forums dump: pasted paragraphs meet as "\n \n "
        if k and rng.random() < 0.3:
            b.blank()
        if part.kind == "quote":
            quote(b, part, 0)
        elif part.kind == "paste":
            spaced = rng.random() < 0.75
            for n, para in enumerate(q for q in part.paras if q.text.strip()):
                if n and spaced:
                    b.line(" ", para.label)
                b.line((" " if n and spaced else "") + para.text.strip(), para.label)
        else:
            emit_paras(b, part.paras, rng, 0.1, raw=True)


def render_4forums(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """The archive view of a vBulletin thread, as the 4forums pages are dumped."""
    site = _site(rng)
    b.line(f"{site} -  {thread.title}", BOILERPLATE)
    b.line(f"{rng.choice(('Political Debates', 'Forums', 'Discussion'))} > {thread.forum}", BOILERPLATE)
    b.blank()
    if not thread.posts:
        _index(thread, rng, b)
        return
    for post in thread.posts:
        b.line(post.user.name, BOILERPLATE)
        b.line(us_numeric(post.when), BOILERPLATE)
        b.blank()
        _body(b, post, rng, raw=True, two_lines=False)
        if post.edited and rng.random() < 0.5:
            b.blank()
            b.line(f"Last edited by {post.user.name}; {us_numeric(post.edited).replace(',', ' at')}.", BOILERPLATE)
        b.blank()
        b.line("Reply With Quote", BOILERPLATE)
        b.blank()


def render_thread(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """A vBulletin thread view: breadcrumb, per-post user box (title, join date, posts), signature."""
    site = _site(rng).split(" - ")[0]
    chrome(b, [f"{site} > {rng.choice(('Forums', 'Discussion', 'Politics'))} > {thread.forum}", thread.title])
    if rng.random() < 0.5:
        chrome(b, [f"Page 1 of {rng.randint(2, 40)}", "1 2 3 > Last »"])
    if not thread.posts:
        _index(thread, rng, b)
        return
    sep = rng.random() < 0.5
    for post in thread.posts:
        b.blank()
        header = [us_numeric(post.when), f"#{post.number}"] if rng.random() < 0.8 else [f"#{post.number}"]
        user = post.user
        box = [user.name, user.title]
        if rng.random() < 0.7:
            box.append(f"Join Date: {names.MON[user.joined.month - 1]} {user.joined.year}")
        if rng.random() < 0.4:
            box.append(f"Location: {user.location}")
        box.append(f"Posts: {user.posts:,}")
        chrome(b, header + box)
        b.blank_maybe(rng, 0.6)
        _body(b, post, rng, raw=False, two_lines=rng.random() < 0.6)
        if user.signature or rng.random() < 0.2:
            chrome(b, ["__________________", rng.choice(phrases.SIGNATURE_QUIPS)])
        if post.edited:
            chrome(b, [f"Last edited by {user.name}; {us_numeric(post.edited).replace(',', ' at')}."])
        b.blank_maybe(rng, 0.5)
        chrome(b, ["Reply With Quote"] if not sep else ["Reply With Quote", "Report Post"])
    b.blank()
    chrome(b, ["« Previous Thread | Next Thread »", f"Currently Active Users Viewing This Thread: {rng.randint(1, 9)}"]
           [: rng.randint(0, 2)])


def render_archive(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """The light "View Full Version" archive of a vBulletin thread."""
    site = _site(rng).split(" - ")[0]
    chrome(b, ["Log in"] * (rng.random() < 0.5) + [f"View Full Version : {thread.title}"])
    b.blank()
    if rng.random() < 0.5:
        chrome(b, [f"{site} > {thread.forum} > {thread.title}"])
    if not thread.posts:
        _index(thread, rng, b)
        return
    for post in thread.posts:
        b.blank()
        chrome(b, [post.user.name, us_numeric(post.when)] if rng.random() < 0.5 else [us_numeric(post.when)])
        _body(b, post, rng, raw=False, two_lines=False)
    b.blank()
    chrome(b, [f"Powered by vBulletin® Version {rng.choice(('3.8.7', '4.2.2', '3.6.8'))} Copyright © "
               f"{rng.randint(2008, 2016)} vBulletin Solutions, Inc. All rights reserved."][: rng.randint(0, 1)])


def _index(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    chrome(b, ["Threads in This Forum", "Title / Thread Starter", "Replies / Views", "Last Post By"])
    when = names.random_date(rng, 2004, 2012)
    for title in thread.index_titles:
        b.blank_maybe(rng, 0.3)
        lines = [clean(title), names.username(rng)]
        if rng.random() < 0.4:
            lines.append(f"( 1 2 3 ... {rng.randint(4, 60)} )")
        lines += [f"Replies: {count(rng)}", f"Views: {count(rng, 90000)}", us_numeric(when),
                  f"by {names.username(rng)}"]
        chrome(b, lines)
        when = names.later(rng, when, 10)
