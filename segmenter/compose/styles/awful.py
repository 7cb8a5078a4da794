"""A browser's select-all copy of a Something Awful-like (vBulletin 2) thread or forum page.

One block element a line, mostly with a blank line between: navigation menus, breadcrumb, page
numbers, per-post user box (name, registration date, personal title), ``X posted:`` quotes, the
post footer (``#``, date, Profile, Message, Post History) and the page footer. Menu entries are
written for this project.
"""

from __future__ import annotations

import random

from segmenter.compose import names, phrases
from segmenter.compose.model import Part, Thread
from segmenter.compose.page import PageBuilder
from segmenter.compose.styles.common import clean, count, emit_paras, short_date
from segmenter.labels import BOILERPLATE

_STORE = ("Upgrade Account", "New Avatar", "Change Avatar", "Archives", "Remove Ads", "New Username",
          "Banner Ad", "Smilies", "Sticky a Thread", "Gift Certificate", "Donate")
_FORUM_MENU = ("Front Page", "Search the Forums", "User Control Panel", "Private Messages", "Edit Options",
               "Forum Rules", "Wiki", "Probation Log", "Support", "Log Out")
_SECTIONS = ("Discussion", "Main", "The Finer Arts", "Archives", "Community", "Serious Hardware")


class _Writer:
    def __init__(self, rng: random.Random, b: PageBuilder) -> None:
        self.rng = rng
        self.b = b
        self.gap = rng.choice((1.0, 1.0, 0.85))

    def chrome(self, *lines: str) -> None:
        for line in lines:
            self.b.line(line, BOILERPLATE)
            if self.rng.random() < self.gap:
                self.b.blank()

    def tight(self, *lines: str) -> None:
        self.b.lines(lines, BOILERPLATE)


def _menu(w: _Writer, site: str, viewer: str) -> None:
    rng = w.rng
    w.chrome(viewer, "Buy Forum Stuff" if rng.random() < 0.3 else f"{site} Store", "Purchase:", "Account")
    for item in rng.sample(_STORE, rng.randint(5, len(_STORE))):
        w.chrome(f"- {item}")
    w.chrome(f"{site} Forums")
    for item in _FORUM_MENU[: rng.randint(6, len(_FORUM_MENU))]:
        w.chrome(f"- {item}")


def _quote(w: _Writer, part: Part) -> None:
    rng = w.rng
    if part.author is not None and not part.continued:
        w.chrome(f"{part.author.name} posted:")
    elif part.author is None:
        w.chrome("quote:")
    for inner in part.inner:
        if inner.kind != "quote":
            emit_paras(w.b, inner.paras, rng, 1.0)
            w.b.blank()


def render(thread: Thread, rng: random.Random, b: PageBuilder) -> None:
    """A thread page (or a forum index page when the thread has no posts)."""
    w = _Writer(rng, b)
    site = names.syllable_word(rng).capitalize() + rng.choice((" Awful", "", " Goons", " Forums"))
    _menu(w, site, names.username(rng))
    crumb = f"The {site} Forums > {rng.choice(_SECTIONS)} > {thread.forum}"
    if not thread.posts:
        _forum_index(w, crumb, thread)
        return
    w.chrome(f"{crumb} > {thread.title}")
    pages = rng.randint(1, 30)
    if pages > 1:
        for k in range(1, min(pages, 12) + 1):
            w.chrome(str(k))
    for post in thread.posts:
        user = post.user
        w.chrome(user.name, short_date(user.joined, rng))
        if rng.random() < 0.65:
            w.chrome(phrases.user_title_quirky(rng))
        for part in post.parts:
            if part.kind == "quote":
                _quote(w, part)
            else:
                emit_paras(b, part.paras, rng, 0.9)
                b.blank()
        if post.edited:
            w.chrome(f"{rng.choice((user.name, 'Somebody'))} edited this message at "
                     f"{short_date(post.edited, rng)} around {post.edited:%H:%M}")
        w.tight("#", rng.choice(("?", "¿")), f"{short_date(post.when, rng)} {post.when:%H:%M}")
        b.blank()
        w.chrome("Profile", "Message", "Post History")
        if rng.random() < 0.5:
            w.chrome("Rap Sheet")
    if pages > 1:
        for k in range(1, min(pages, 12) + 1):
            w.chrome(str(k))
    w.chrome(f"{crumb} > {thread.title}")
    _footer(w, site)


def _forum_index(w: _Writer, crumb: str, thread: Thread) -> None:
    rng = w.rng
    w.chrome(crumb, f"({rng.randint(20, 900)} users browsing)")
    w.chrome("Threads", "Icon", "Title (Pages)", "Author", "Re", "Views", "Rating", "Last post")
    when = names.random_date(rng, 2005, 2016)
    for title in thread.index_titles:
        lines = [clean(title)]
        if rng.random() < 0.5:
            lines += ["Pages:"] + [str(k) for k in range(1, rng.randint(2, 8))]
        lines += [names.username(rng), count(rng), count(rng, 200000),
                  f"{when:%H:%M} {names.MON[when.month - 1]} {when.day:>2}, {when.year}", names.username(rng)]
        w.chrome(*lines)
        when = names.later(rng, when, 5)
    _footer(w, crumb.split(" Forums")[0].removeprefix("The "))


def _footer(w: _Writer, site: str) -> None:
    rng = w.rng
    w.chrome("Jump to another forum:")
    w.tight("--------------------", "Private Messages", "User Control Panel", "Search Forums", "Forums Home",
            "--------------------")
    w.b.blank()
    w.chrome("Bookmark this thread") if rng.random() < 0.6 else None
    w.chrome(f"Powered by: vBulletin Version 2.2.{rng.randint(1, 9)}",
             "Copyright ©2000, 2001, Jelsoft Enterprises Limited.",
             f"Copyright ©{rng.randint(2010, 2020)}, {site} LLC")
