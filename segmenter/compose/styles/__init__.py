"""The forum styles a composed thread can be rendered in, with their era and default share.

Each style is a renderer ``render(thread, rng, builder)`` plus what it asks of the composer
(:class:`segmenter.compose.composer.Setting`). ``modern`` styles are also cut into ~2,000-character
slices, the way the modern evaluation pages are.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from segmenter.compose.composer import Setting
from segmenter.compose.model import Thread
from segmenter.compose.page import PageBuilder
from segmenter.compose.styles import awful, misc, modern, usenet, vbulletin

Renderer = Callable[[Thread, random.Random, PageBuilder], None]

_OLD_NEWS = ("bbc", "allsides")
_MID_NEWS = ("allsides", "bbc")
_NEW_NEWS = ("ukraine_war_2022_24", "bbc_israel_gaza_2023", "allsides", "semeval25_narratives")
_NEW_RELEASES = ("whitehouse", "kremlin", "ukraine_president", "china_mfa")


@dataclass(frozen=True, slots=True)
class Style:
    """A named forum style: renderer, composer setting, default weight, and whether it is sliced."""

    name: str
    render: Renderer
    setting: Setting
    weight: float = 1.0
    modern: bool = False
    raw: bool = False


STYLES: dict[str, Style] = {s.name: s for s in (
    Style("usenet", usenet.render, Setting((1992, 1993), single_message=True, comments=0.25, length=(900, 15000),
                                           prefer_news=_OLD_NEWS, prefer_releases=("whitehouse", "us_senate")), 3.0),
    Style("4forums", vbulletin.render_4forums, Setting((2004, 2012), comments=0.1, length=(1500, 14000),
                                                       prefer_news=_MID_NEWS, prefer_releases=("us_senate",)),
          2.0, raw=True),
    Style("vbulletin", vbulletin.render_thread, Setting((2003, 2014), comments=0.2, length=(1500, 12000),
                                                        prefer_news=_MID_NEWS), 0.6),
    Style("vb_archive", vbulletin.render_archive, Setting((2008, 2020), comments=0.4, length=(1500, 8000)),
          0.4, modern=True),
    Style("awful", awful.render, Setting((2003, 2017), comments=0.4, length=(2000, 12000)), 1.0),
    Style("xenforo", modern.render_xenforo, Setting((2011, 2024), comments=0.5, length=(1500, 10000),
                                                    prefer_news=_NEW_NEWS, prefer_releases=_NEW_RELEASES), 2.0,
          modern=True),
    Style("invision", modern.render_invision, Setting((2010, 2024), comments=0.5, length=(1500, 8000),
                                                      prefer_news=_NEW_NEWS), 0.6, modern=True),
    Style("discourse", modern.render_discourse, Setting((2014, 2024), comments=0.6, length=(1500, 8000),
                                                        prefer_news=_NEW_NEWS), 0.8, modern=True),
    Style("phpbb", modern.render_phpbb, Setting((2005, 2022), comments=0.4, length=(1500, 8000)), 0.5, modern=True),
    Style("reddit", misc.render_reddit, Setting((2015, 2025), comments=0.85, length=(1200, 6000),
                                                prefer_news=_NEW_NEWS), 0.6, modern=True),
    Style("tildes", misc.render_tildes, Setting((2018, 2024), comments=0.7, length=(1500, 6000),
                                                prefer_news=_NEW_NEWS), 0.4, modern=True),
    Style("drupal", misc.render_drupal, Setting((2008, 2022), comments=0.5, length=(800, 6000)), 0.4, modern=True),
    Style("discuz", misc.render_discuz, Setting((2010, 2022), comments=0.5, length=(1500, 6000),
                                                prefer_releases=("china_mfa",)), 0.3, modern=True),
    Style("comments", misc.render_comments, Setting((2012, 2024), comments=0.9, length=(1200, 6000),
                                                    prefer_news=_NEW_NEWS, index_ok=False), 0.5, modern=True),
    Style("linkboard", misc.render_linkboard, Setting((2010, 2024), comments=0.7, length=(900, 6000),
                                                      prefer_news=_NEW_NEWS, index_ok=False), 0.4, modern=True),
)}


def resolve(names: str | list[str] | tuple[str, ...] | None) -> list[Style]:
    """The styles named (comma-separated string or list); all styles for ``None``.

    Raises ``ValueError`` naming the unknown style and the known ones.
    """
    if names is None:
        return list(STYLES.values())
    if isinstance(names, str):
        names = [n for n in names.split(",")]
    chosen = []
    for name in (n.strip() for n in names):
        if not name:
            continue
        if name not in STYLES:
            raise ValueError(f"unknown style {name!r}; known styles: {', '.join(STYLES)}")
        chosen.append(STYLES[name])
    if not chosen:
        raise ValueError(f"no style given; known styles: {', '.join(STYLES)}")
    return chosen
