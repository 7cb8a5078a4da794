"""Modern forum software as a select-all copy shows it: XenForo, Invision, Discourse, phpBB."""

from __future__ import annotations

import random
from datetime import datetime

from segmenter.compose import names, phrases
from segmenter.compose.model import Part, Thread
from segmenter.compose.page import PageBuilder
from segmenter.compose.styles.common import chrome, clean, count, emit_body, emit_paras, short_date
from segmenter.labels import BOILERPLATE


def _index(thread: Thread, rng: random.Random, b: PageBuilder, stamp) -> None:
    for title in thread.index_titles:
        b.blank_maybe(rng, 0.5)
        chrome(b, [clean(title), f"{names.username(rng)} · {stamp(names.random_date(rng, 2015, 2024))}",
                   f"Replies {count(rng)}", f"Views {count(rng, 90000)}"][: rng.randint(2, 4)])


def _quote_paras(b: PageBuilder, part: Part, rng: random.Random, gap: float) -> None:
    for inner in part.inner:
        if inner.kind != "quote":
            emit_paras(b, inner.paras, rng, gap)


# -- XenForo ---------------------------------------------------------------------------------------

def render_xenforo(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """XenForo: notices, "What's new", title, user boxes with "Reaction score", "X said: ... Click to expand..."."""
    if rng.random() < 0.3:
        chrome(b, [f"• {rng.choice(phrases.NOTICES)}"])
        b.blank_maybe(rng)
    if rng.random() < 0.5:
        chrome(b, ["What's new"])
        b.blank_maybe(rng, 0.7)
    viewers = f" ({rng.randint(1, 9)} Viewer{'s' if rng.random() < 0.5 else ''})" if rng.random() < 0.2 else ""
    chrome(b, [f"{'Featured ' if rng.random() < 0.2 else ''}{thread.title}{viewers}"])
    if not thread.posts:
        _index(thread, rng, b, lambda d: short_date(d, rng))
        return
    if rng.random() < 0.3:
        b.blank_maybe(rng)
        first = thread.posts[0]
        started = short_date(first.when, rng)
        chrome(b, [rng.choice((f"Discussion in '{thread.forum}' started by {first.user.name}, {started}.",
                               f"Thread starter {first.user.name} Start date {started}"))])
    minimal = rng.random() < 0.25  # select-all that lost the user boxes of later posts
    gap = rng.choice((0.9, 0.9, 0.5, 0.1))
    per_post_top = rng.random() < 0.4

    def quote(builder: PageBuilder, part: Part, depth: int) -> None:
        if part.author is not None and not part.continued:
            builder.line(f"{part.author.name} said:", BOILERPLATE)
        elif part.author is None and rng.random() < 0.5:
            builder.line("Quote:", BOILERPLATE)
        _quote_paras(builder, part, rng, gap)
        if part.author is not None and rng.random() < 0.85:
            builder.line("Click to expand...", BOILERPLATE)
        builder.blank_maybe(rng, gap)

    for k, post in enumerate(thread.posts):
        b.blank_maybe(rng, 0.7)
        if not minimal or k == 0:
            user = post.user
            box = [user.name]
            if rng.random() < 0.6:
                box.append(user.title)
            if rng.random() < 0.15:
                box.append(phrases.user_title_quirky(rng))
            box.append(short_date(user.joined, rng) if rng.random() < 0.7 else f"Joined {short_date(user.joined, rng)}")
            box.append("Reaction score")
            if rng.random() < 0.3:
                box.append(f"{user.score:,}")
            if rng.random() < 0.15:
                box += ["Political Leaning", rng.choice(("Moderate", "Liberal", "Conservative", "Undisclosed"))]
            chrome(b, box)
            b.blank_maybe(rng, 0.3)
        emit_body(b, post.parts, rng, quote, gap)
        if post.edited and rng.random() < 0.7:
            chrome(b, ["Last edited:" if rng.random() < 0.5 else f"Last edited: {short_date(post.edited, rng)}"])
        if post.likes or rng.random() < 0.25:
            n = post.likes or rng.randint(1, 12)
            chrome(b, [rng.choice((f"{n} Like{'s' if n > 1 else ''}",
                                   f"Reactions: {names.username(rng)} and {n} others", "Like Reply Report"))])
        if per_post_top and not minimal:
            chrome(b, ["Top Bottom"])
    if not per_post_top or minimal:
        chrome(b, ["Top Bottom"] if rng.random() < 0.8 else ["Top"])
    if rng.random() < 0.3:
        b.blank()
        chrome(b, ["You must log in or register to reply here."])


# -- Invision --------------------------------------------------------------------------------------

def _ips_date(when: datetime, rng: random.Random) -> str:
    month = names.MONTHS[when.month - 1]
    return rng.choice((f"{month} {when.day}, {when.year}", f"{when.month}/{when.day}/{when.year}",
                       f"{when.day} {month} {when.year}"))


def render_invision(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """Invision Community: "Posted ...", "On ... said:", "Expand", "Quote", "Link to comment"."""
    chrome(b, [thread.title])
    if not thread.posts:
        _index(thread, rng, b, lambda d: _ips_date(d, rng))
        return
    first = thread.posts[0]
    chrome(b, [rng.choice((f"By {first.user.name}, {_ips_date(first.when, rng)} in {thread.forum}",
                           f"Started by {first.user.name}, {_ips_date(first.when, rng)}"))])
    if rng.random() < 0.4:
        chrome(b, ["Share", f"Followers {rng.randint(1, 20)}"])
    gap = rng.choice((0.9, 0.5))

    def quote(builder: PageBuilder, part: Part, depth: int) -> None:
        if part.author is not None and not part.continued:
            when = names.later(rng, first.when, 20)
            stamp = f"{when.month}/{when.day}/{when.year} at {names.clock(when, rng)}"
            builder.line(f"On {stamp}, {part.author.name} said:", BOILERPLATE)
        _quote_paras(builder, part, rng, gap)
        if rng.random() < 0.4:
            builder.line("Expand", BOILERPLATE)
        builder.blank_maybe(rng, gap)

    for post in thread.posts:
        b.blank_maybe(rng, 0.8)
        user = post.user
        box = [user.name]
        if rng.random() < 0.6:
            box.append(rng.choice(("Members", "Advanced Member", "Senior Member", "Moderators", "Banned")))
        box.append(f"{user.posts:,} posts")
        if rng.random() < 0.3:
            box.append(f"Location: {user.location}")
        box.append(rng.choice((f"Posted {_ips_date(post.when, rng)}", f"Posted {rng.randint(2, 23)} hours ago",
                               f"Posted {_ips_date(post.when, rng)} (edited)")))
        chrome(b, box)
        b.blank_maybe(rng, 0.4)
        emit_body(b, post.parts, rng, quote, gap)
        if rng.random() < 0.5:
            chrome(b, rng.sample(["Quote", "Link to comment", "Share on other sites", f"{rng.randint(1, 9)} reactions"],
                                 rng.randint(1, 3)))


# -- Discourse -------------------------------------------------------------------------------------

def _discourse_age(when: datetime, rng: random.Random) -> str:
    return rng.choice((f"{names.MON[when.month - 1]} '{when.year % 100:02d}", f"{rng.randint(1, 29)}d",
                       f"{names.MON[when.month - 1]} {when.day}", f"{rng.randint(1, 11)}h"))


def render_discourse(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """Discourse: title, category, posts with or without the poster line, "N Likes", quotes as "name:"."""
    chrome(b, [thread.title])
    if rng.random() < 0.4:
        chrome(b, [thread.forum])
    if not thread.posts:
        _index(thread, rng, b, lambda d: _discourse_age(d, rng))
        return
    named = rng.random() < 0.5
    gap = rng.choice((0.9, 0.9, 0.3))

    def quote(builder: PageBuilder, part: Part, depth: int) -> None:
        if part.author is not None and not part.continued:
            builder.line(f"{part.author.name}{rng.choice((':', ' wrote:', ':'))}", BOILERPLATE)
        _quote_paras(builder, part, rng, gap)
        builder.blank_maybe(rng, gap)

    for post in thread.posts:
        b.blank_maybe(rng, 0.8)
        if named:
            line = post.user.name if rng.random() < 0.5 else f"{post.user.name}    {_discourse_age(post.when, rng)}"
            chrome(b, [line])
        emit_body(b, post.parts, rng, quote, gap)
        if rng.random() < 0.45:
            n = rng.randint(1, 30)
            b.blank_maybe(rng, 0.5)
            likes = f"{n} Like{'s' if n > 1 else ''}"
            chrome(b, [likes if rng.random() < 0.8 else f"{n} Repl{'ies' if n > 1 else 'y'}"])
    if rng.random() < 0.3:
        b.blank()
        chrome(b, ["Related Topics", "Topic Replies Views Activity"])


# -- phpBB -----------------------------------------------------------------------------------------

def _php_date(when: datetime) -> str:
    hour = when.hour % 12 or 12
    return (f"{names.WEEKDAYS[when.weekday()][:3]} {names.MON[when.month - 1]} {when.day:02d}, {when.year} "
            f"{hour}:{when.minute:02d} {'am' if when.hour < 12 else 'pm'}")


def render_phpbb(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """phpBB: "Post by X » date", "X wrote:", user box after the post, "Top"."""
    chrome(b, [f"Board index » {thread.forum}", thread.title])
    if rng.random() < 0.5:
        chrome(b, ["Post Reply", f"{rng.randint(2, 300)} posts • Page 1 of {rng.randint(1, 20)}"])
    if not thread.posts:
        _index(thread, rng, b, _php_date)
        return
    gap = rng.choice((0.9, 0.4))

    def quote(builder: PageBuilder, part: Part, depth: int) -> None:
        builder.line(f"{part.author.name} wrote:" if part.author else "Quote:", BOILERPLATE)
        _quote_paras(builder, part, rng, gap)
        builder.blank_maybe(rng, gap)

    for k, post in enumerate(thread.posts):
        b.blank()
        chrome(b, [thread.title if k == 0 else f"Re: {thread.title}",
                   f"Post by {post.user.name} » {_php_date(post.when)}"])
        emit_body(b, post.parts, rng, quote, gap)
        if rng.random() < 0.15:
            chrome(b, ["_________________", rng.choice(phrases.SIGNATURE_QUIPS)])
        user = post.user
        chrome(b, [user.name, f"Posts: {user.posts}", f"Joined: {_php_date(user.joined)}"][: rng.randint(1, 3)]
               + ["Top"] * (rng.random() < 0.7))
