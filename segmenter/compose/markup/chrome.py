"""Page chrome shared by the forum renderers: document head, menus, breadcrumbs, share links,
sidebars, cookie notices and footers. All of it is ``boilerplate``; every word is written here."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from segmenter.compose import names, phrases
from segmenter.compose.markup.writer import HtmlWriter, slug
from segmenter.labels import BOILERPLATE

SHARE_TARGETS = ("Facebook", "Twitter", "X", "Reddit", "Pinterest", "Tumblr", "WhatsApp", "Email", "Link",
                 "Telegram", "LinkedIn", "Share")
FOOTER_LINKS = ("Contact us", "Terms and rules", "Privacy policy", "Help", "Home", "RSS", "About us",
                "Advertise", "Cookie settings", "Accessibility", "Forum rules", "Staff", "Archive", "Top")
SIDEBAR_HEADINGS = ("Similar threads", "Latest threads", "Trending", "Latest posts", "Popular this week",
                    "Recommended", "Most read", "Related", "Hot topics", "Featured content")
COOKIE_TEXTS = (
    "This site uses cookies to help personalise content, tailor your experience and keep you logged in.",
    "We use cookies to improve your experience. By continuing to browse you accept their use.",
    "Our partners and we use cookies for analytics and advertising. You can change your choice at any time.",
)
COOKIE_BUTTONS = (("Accept", "Learn more…"), ("Accept all", "Manage settings"), ("OK", "More info"))


def site_name(rng) -> str:
    """A made-up forum site name (``Trosek Defence Forum``)."""
    word = names.syllable_word(rng).capitalize()
    return rng.choice((f"{word} Forums", f"{word} Defence Forum", f"{word}Talk", f"The {word} Board",
                       f"{word} Community", f"{word} Politics Forum", f"{word}.net"))


@contextmanager
def document(w: HtmlWriter, title: str, body_cls: str = "", lang: str = "en", **body_attrs: object) -> Iterator[None]:
    """``<!DOCTYPE html>``, a head with title, styles and scripts (no visible text), and the body."""
    rng = w.rng
    w.raw(f'<!DOCTYPE html>\n<html lang="{lang}" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
          f"<title>{html.escape(title)}</title>\n"
          '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
          f'<link rel="stylesheet" href="/css/{rng.choice(("style", "main", "app"))}.css?v={rng.randint(1, 9999)}">\n'
          '<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>\n'
          "<style>.hidden { display: none }</style>\n</head>\n")
    with w.el("body", body_cls, **body_attrs):
        if rng.random() < 0.3:
            w.raw('<noscript><div class="noscript-warning">Please enable JavaScript.</div></noscript>\n')
        yield
        w.raw('<script src="/js/app.min.js" defer></script>\n')
    w.raw("</html>\n")


def skip_link(w: HtmlWriter, cls: str = "skip-link") -> None:
    """A "Skip to content" link (visible to screen readers only, but text all the same)."""
    w.link(w.rng.choice(("Skip to content", "Skip to main content", "Jump to content")), "#content", cls=cls)


def menu(w: HtmlWriter, items: list[str], nav_cls: str = "", ul_cls: str = "", li_cls: str = "",
         nav_tag: str = "nav") -> None:
    """A navigation menu of links."""
    with w.el(nav_tag, nav_cls):
        w.chrome_list(items, ul_cls, li_cls)


def breadcrumbs(w: HtmlWriter, crumbs: list[str], cls: str = "breadcrumb", item_cls: str = "",
                tag: str = "ul", separator: str = "") -> None:
    """A breadcrumb trail: each crumb a link in a list item (``separator`` between them)."""
    with w.el(tag, cls):
        for k, crumb in enumerate(crumbs):
            with w.el("li", item_cls):
                if separator and k:
                    w.text(separator + " ", BOILERPLATE)
                w.link(crumb, f"/{slug(crumb)}/")


def share_buttons(w: HtmlWriter, cls: str = "share-buttons", label: str | None = None) -> None:
    """A row of share links (``Share: Facebook Twitter ...``)."""
    rng = w.rng
    with w.el("div", cls):
        if label is None:
            label = rng.choice(("Share:", "Share this:", "Share", ""))
        if label:
            w.leaf("span", label, cls=f"{cls}-label")
        for target in rng.sample(SHARE_TARGETS, rng.randint(2, 6)):
            name = target.lower()
            w.link(target, f"https://share.example/{name}", cls=f"{cls}-button {cls}-button--{name}")
            w.raw(" ")


def sidebar(w: HtmlWriter, titles: list[str], cls: str = "sidebar", heading_tag: str = "h3",
            aside: bool = True) -> None:
    """A sidebar block: a heading and a list of linked thread or article titles."""
    rng = w.rng
    if not titles:
        return
    with w.el("aside" if aside else "div", cls):
        w.leaf(heading_tag, rng.choice(SIDEBAR_HEADINGS), cls="block-minorHeader" if rng.random() < 0.3 else "")
        with w.el("ul", "list-unstyled" if rng.random() < 0.5 else ""):
            for title in titles:
                with w.el("li"):
                    w.link(title, f"/threads/{slug(title)}.{rng.randint(100, 99999)}/")
                    if rng.random() < 0.5:
                        w.leaf("div", f"{names.username(rng)} · {rng.randint(1, 200)} replies", cls="meta")


def cookie_notice(w: HtmlWriter, cls: str = "cookie-notice") -> None:
    """A cookie banner: a sentence and two buttons (sometimes hidden until the scripts run)."""
    rng = w.rng
    hidden = rng.random() < 0.3
    with w.el("div", cls, style="display:none" if hidden else None, role="dialog"):
        w.leaf("div", rng.choice(COOKIE_TEXTS), cls=f"{cls}-content")
        for label in rng.choice(COOKIE_BUTTONS):
            tag = "a" if rng.random() < 0.5 else "button"
            w.leaf(tag, label, cls="button", href="#" if tag == "a" else None)


def notice(w: HtmlWriter, cls: str = "notice") -> None:
    """A forum notice at the top of the page."""
    w.leaf("div", w.rng.choice(phrases.NOTICES), cls=cls)


def footer(w: HtmlWriter, site: str, year: int, cls: str = "footer", software: str = "") -> None:
    """A page footer: links, a copyright line, and the forum software's credit."""
    rng = w.rng
    with w.el("footer" if rng.random() < 0.7 else "div", cls, id="footer" if rng.random() < 0.5 else None):
        w.chrome_list(rng.sample(FOOTER_LINKS, rng.randint(3, 7)), f"{cls}-links")
        w.leaf("div", f"Copyright © {year - rng.randint(2, 10)}-{year} {site}. All rights reserved."
               if rng.random() < 0.5 else f"© {year} {site}", cls=f"{cls}-copyright")
        if software:
            w.leaf("div", software, cls="copyright")


def pagination(w: HtmlWriter, pages: int, cls: str = "pagination", current_cls: str = "current") -> None:
    """Page links: ``1 2 3 … N Next``."""
    rng = w.rng
    with w.el("nav" if rng.random() < 0.5 else "div", cls), w.el("ul"):
        for number in [n for n in range(1, min(pages, 5) + 1)] + ([pages] if pages > 5 else []):
            with w.el("li", current_cls if number == 1 else ""):
                w.link(str(number), f"?page={number}")
        with w.el("li"):
            w.link(rng.choice(("Next", "Next »", "›", "Next page")), "?page=2")


def date_text(when: datetime, rng) -> str:
    """A date as forums print it (``Mar 3, 2022``, ``3/3/2022``, ``03 March 2022``)."""
    month = names.MON[when.month - 1]
    return rng.choice((f"{month} {when.day}, {when.year}", f"{when.month}/{when.day}/{when.year}",
                       f"{when.day:02d} {names.MONTHS[when.month - 1]} {when.year}"))


def iso(when: datetime) -> str:
    """``2022-03-03T10:22:00+0000`` (a ``datetime`` attribute)."""
    return when.strftime("%Y-%m-%dT%H:%M:%S+0000")


def php_date(when: datetime) -> str:
    """``Tue Mar 03, 2015 10:22 am`` (phpBB)."""
    hour = when.hour % 12 or 12
    return (f"{names.WEEKDAYS[when.weekday()][:3]} {names.MON[when.month - 1]} {when.day:02d}, {when.year} "
            f"{hour}:{when.minute:02d} {'am' if when.hour < 12 else 'pm'}")
