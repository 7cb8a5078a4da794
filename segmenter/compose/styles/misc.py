"""Smaller modern families: Reddit, Tildes, Drupal/small boards, Discuz BBS, news-site comments, link boards."""

from __future__ import annotations

import random
from datetime import datetime

from segmenter.compose import names, phrases
from segmenter.compose.model import Part, Post, Thread
from segmenter.compose.page import PageBuilder
from segmenter.compose.styles.common import chrome, clean, count, emit_body, emit_paras, relative_age
from segmenter.labels import BOILERPLATE


def _plain_quote(rng: random.Random, gap: float, attribution=None, indent: str = ""):
    def quote(b: PageBuilder, part: Part, depth: int) -> None:
        if attribution and part.author is not None and not part.continued:
            b.line(indent + attribution(part), BOILERPLATE)
        for inner in part.inner:
            if inner.kind != "quote":
                emit_paras(b, inner.paras, rng, gap, indent)
        b.blank_maybe(rng, gap)
    return quote


def _titles(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    for title in thread.index_titles:
        b.blank_maybe(rng, 0.4)
        chrome(b, [clean(title), f"{count(rng)} comments" if rng.random() < 0.5 else relative_age(rng)])


# -- Reddit ----------------------------------------------------------------------------------------

def render_reddit(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """Old or new Reddit: submission header, comments with points, ages and action links."""
    old = rng.random() < 0.5
    chrome(b, [f"r/{thread.forum or 'worldnews'}", thread.title])
    if not thread.posts:
        _titles(thread, rng, b)
        return
    op = thread.posts[0]
    age = relative_age(rng)
    chrome(b, [f"submitted {age} by {op.user.name}" if old else f"Posted by u/{op.user.name} {age}"])
    gap = 0.9
    quote = _plain_quote(rng, gap)
    raw_quotes = rng.random() < 0.3

    def md_quote(builder: PageBuilder, part: Part, depth: int) -> None:
        for inner in part.inner:
            if inner.kind != "quote":
                for para in inner.paras:
                    if para.text.strip():
                        builder.line(f">{clean(para.text)}", para.label)
        builder.blank()

    for k, post in enumerate(thread.posts):
        b.blank()
        if old:
            chrome(b, [f"[–] {post.user.name} {rng.randint(-20, 900)} points {relative_age(rng)}"])
        else:
            chrome(b, [f"level {1 if k < 2 else rng.randint(1, 4)}", post.user.name, f"· {relative_age(rng)}"]
                   [rng.randint(0, 1):])
        emit_body(b, post.parts, rng, md_quote if raw_quotes else quote, gap)
        if k == 0:
            chrome(b, [f"{rng.randint(2, 3000)} comments", "share save hide report" if old else "Share"])
            if old:
                chrome(b, ["sorted by: best"])
        elif rng.random() < 0.7:
            chrome(b, ["permalink embed save report reply" if old else "Reply Share Report Save Follow"])
            if not old and rng.random() < 0.5:
                chrome(b, [str(rng.randint(1, 500))])


# -- Tildes ----------------------------------------------------------------------------------------

def render_tildes(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """Tildes: votes, title, topic text, tags, numbered and indented comments."""
    chrome(b, [f"{rng.randint(2, 80)} votes"])
    b.blank()
    chrome(b, [thread.title])
    if not thread.posts:
        _titles(thread, rng, b)
        return
    b.blank()
    gap = 0.95
    emit_body(b, thread.posts[0].parts, rng, _plain_quote(rng, gap), gap)
    b.blank()
    if rng.random() < 0.6:
        chrome(b, [f"Tags: {', '.join(w.strip('.,:').lower() for w in thread.title.split()[:3])}"])
    chrome(b, [f"{len(thread.posts) - 1 + rng.randint(0, 20)} comments"])
    for k, post in enumerate(thread.posts[1:], 1):
        depth = 0 if k == 1 else rng.choice((0, 1, 1, 2))
        indent = "    " * (depth + 1)
        b.blank()
        chrome(b, [f"{'    ' * depth}  {k}. [{rng.randint(1, 40)}]", f"{indent}{post.user.name}", f"{indent}Link"])
        emit_body(b, post.parts, rng, _plain_quote(rng, gap, indent=indent), gap, indent=indent)


# -- Drupal and small boards -------------------------------------------------------------------------

def _long_stamp(when: datetime) -> str:
    return f"{names.WEEKDAYS[when.weekday()]}, {names.MONTHS[when.month - 1]} {when.day}, {when.year}, {when:%H:%M}"


def render_drupal(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """A Drupal forum or a small threaded board ("by X, date (N days ago) @ Y")."""
    board = rng.random() < 0.5
    chrome(b, [f"{thread.title} ({thread.forum})" if board else thread.title])
    if not thread.posts:
        _titles(thread, rng, b)
        return
    gap = rng.choice((0.9, 0.5))
    quote = _plain_quote(rng, gap, lambda p: f"{p.author.name} wrote:" if rng.random() < 0.6 else "Quote:")
    previous = thread.posts[0].user.name
    for post in thread.posts:
        b.blank()
        if board:
            chrome(b, [f"by {post.user.name}, {_long_stamp(post.when)} ({rng.randint(1, 400)} days ago) @ {previous}"])
        else:
            chrome(b, [f"Submitted by {post.user.name} on {post.when:%a, %m/%d/%Y - %H:%M}"])
        b.blank_maybe(rng)
        emit_body(b, post.parts, rng, quote, gap)
        if not board and rng.random() < 0.5:
            b.blank_maybe(rng)
            chrome(b, [rng.choice(("Log in or register to post comments", "Permalink", "Reply"))])
        previous = post.user.name


# -- Discuz ----------------------------------------------------------------------------------------

_FLOORS = ("楼主", "沙发", "板凳", "地板")


def render_discuz(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """A Discuz-style BBS: notices, title, user ranks, "发表于" stamps, floors, mixed Chinese chrome."""
    for _ in range(rng.randint(0, 2)):
        chrome(b, [f"• {rng.choice(phrases.NOTICES)}"])
        b.blank_maybe(rng)
    chrome(b, [thread.title])
    if not thread.posts:
        _titles(thread, rng, b)
        return
    gap = rng.choice((0.9, 0.4))
    quote = _plain_quote(rng, gap, lambda p: f"{p.author.name} 发表于 {p.author.joined:%Y-%m-%d %H:%M}")
    for k, post in enumerate(thread.posts):
        b.blank()
        user = post.user
        box = [user.name, rng.choice(("Alfrescian", "Member", "Loyal", "注册会员", "中级会员", "高级会员"))]
        if rng.random() < 0.4:
            box.append(phrases.user_title_quirky(rng))
        chrome(b, box)
        chrome(b, [rng.choice((f"发表于 {post.when:%Y-%m-%d %H:%M}", f"Posted on {post.when:%Y-%m-%d %H:%M}"))]
               + ["只看该作者"] * (rng.random() < 0.4) + [_FLOORS[k] if k < len(_FLOORS) else f"{k + 1}#"])
        b.blank_maybe(rng)
        emit_body(b, post.parts, rng, quote, gap)
        if rng.random() < 0.4:
            chrome(b, ["回复 支持 反对"] if rng.random() < 0.5 else ["Reply Like Dislike"])


# -- News-site comment sections ---------------------------------------------------------------------

def render_comments(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """An article page with its comment section: the article, then "name N minutes ago" and comments."""
    if not thread.posts:
        _titles(thread, rng, b)
        return
    first: Post = thread.posts[0]
    gap = rng.choice((0.9, 0.3, 0.0))
    emit_body(b, [p for p in first.parts if p.kind != "text" or rng.random() < 0.3], rng, _plain_quote(rng, gap), gap)
    b.blank()
    if rng.random() < 0.5:
        chrome(b, [f"{count(rng)} Comments", rng.choice(("Sort by Newest", "Sort by Oldest", "Sort by Best"))])
    for post in thread.posts[1:]:
        stamp = relative_age(rng) if rng.random() < 0.6 else str(rng.randint(-9, 30))
        chrome(b, [f"{post.user.name} {stamp}"])
        emit_body(b, [p for p in post.parts if p.kind != "quote"], rng, _plain_quote(rng, gap), gap)
        if rng.random() < 0.3:
            chrome(b, [rng.choice(("Reply", "Like Reply", "Reply · Report"))])
        b.blank_maybe(rng, 0.3)


# -- Link-sharing boards (Free Republic / Democratic Underground-like) ---------------------------------

def render_linkboard(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """A board where each thread is a posted article: poster stamp, the excerpt, numbered replies."""
    site = names.syllable_word(rng).capitalize() + rng.choice((" Republic", " Underground", " Forum", "Net"))
    if rng.random() < 0.4:
        chrome(b, [f"Welcome to {site}! The discussion community where members, not algorithms, decide what matters."])
        b.blank()
    chrome(b, [thread.title])
    if not thread.posts:
        _titles(thread, rng, b)
        return
    first = thread.posts[0]
    when = first.when
    hour = when.hour % 12 or 12
    if rng.random() < 0.5:
        noon = "AM" if when.hour < 12 else "PM"
        chrome(b, [f"Posted on {when:%m/%d/%Y} {hour}:{when:%M:%S} {noon} PDT by {first.user.name}"])
    else:
        chrome(b, [first.user.name, f"({first.user.posts:,} posts)", f"{when:%a %b %d, %Y, %I:%M %p}"])
    gap = rng.choice((0.0, 0.5, 0.9))
    quote = _plain_quote(rng, gap, lambda p: f"To: {p.author.name}")
    emit_body(b, first.parts, rng, quote, gap)
    for k, post in enumerate(thread.posts[1:], 1):
        b.blank_maybe(rng, 0.6)
        chrome(b, [rng.choice((f"{k} posted on {post.when:%m/%d/%Y %I:%M:%S %p} PDT by {post.user.name}",
                               f"Response to {thread.posts[k - 1].user.name} (Reply #{k})"))])
        emit_body(b, post.parts, rng, quote, gap)
    if rng.random() < 0.5:
        chrome(b, [f"Disclaimer: Opinions posted on {site} are those of the individual posters and not of the site."])
    if rng.random() < 0.4:
        chrome(b, [f"Latest Discussions»{thread.forum}»{thread.title[:28]}..."])
