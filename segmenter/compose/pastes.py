"""Turn a news document into what users paste, and the helpers all pastes share.

A pasted news article may keep its headline, byline, "Published ..." line, photo caption, dateline
and credits (all ``news``), and drag some of its web page along ("Advertisement", "Read more", a
source URL: ``boilerplate``). Releases are pasted by :mod:`segmenter.compose.releases`.
"""

from __future__ import annotations

import random
import re
from datetime import datetime

from segmenter.compose import names, phrases
from segmenter.compose.corpus import Document
from segmenter.compose.model import Para
from segmenter.labels import BOILERPLATE, NEWS, PRESS_RELEASE

CITIES = ("WASHINGTON", "NEW YORK", "LONDON", "MOSCOW", "BEIJING", "KYIV", "KIEV", "PARIS", "BERLIN",
          "BRUSSELS", "GENEVA", "TOKYO", "SEOUL", "JERUSALEM", "GAZA CITY", "CAIRO", "NEW DELHI",
          "ISLAMABAD", "TEHRAN", "BAGHDAD", "ANKARA", "ROME", "MADRID", "WARSAW", "OTTAWA", "SYDNEY",
          "LOS ANGELES", "CHICAGO", "HONG KONG", "TAIPEI", "MANILA", "NAIROBI", "JOHANNESBURG",
          "BEIRUT", "DAMASCUS", "KABUL", "MEXICO CITY", "BRASILIA", "BUENOS AIRES", "STOCKHOLM")
WIRES = ("AP", "UPI", "Reuters", "AFP", "Reuter")
_CAPITALISED = re.compile(r"(?<![.!?] )\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b")
OWN_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'/-]{2,45}(?:\([^)]{1,30}\))?\s*(?:--|—|–|-|:)\s")
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S%z", "%B %d, %Y", "%d-%b-%Y %H:%M:%S.%f",
                 "%Y-%m-%dT%H:%M:%SZ", "%Y%m%dT%H%M%SZ", "%Y-%m-%d %H:%M:%S")
_PHOTO_VERBS = ("is pictured", "is seen", "speaks to reporters", "arrives for a meeting", "attends a ceremony",
                "looks on", "speaks during a news conference", "gestures as he speaks", "waves to supporters")


def parse_date(text: str) -> datetime | None:
    """The document's date when it is in one of the corpus' formats."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=None)
        except ValueError:
            continue
    return None


def outlet_name(doc: Document) -> str:
    """A short outlet or issuer name for lead-ins and bylines (``"New York Times"``, ``"the Kremlin"``)."""
    issuer = doc.issuer.split(" - ")[0].strip()
    if doc.label == PRESS_RELEASE:
        return {
            "whitehouse": "the White House", "us_senate": "the Senator's office", "kremlin": "the Kremlin",
            "ukraine_president": "the President's office", "china_mfa": "the Foreign Ministry",
            "un_general_debate": "the UN delegation",
        }.get(doc.file, issuer or "the ministry")
    return issuer or ""


def domain_for(doc: Document, rng: random.Random) -> str:
    """A plausible web domain for the document's source."""
    base = re.sub(r"[^a-z]", "", outlet_name(doc).lower().replace("the ", "")) or names.syllable_word(rng)
    return f"{rng.choice(('www.', '', 'news.'))}{base[:18]}.{rng.choice(('com', 'com', 'org', 'co.uk', 'net'))}"


def url_for(doc: Document, rng: random.Random, when: datetime | None = None) -> str:
    """A made-up article URL for the document (never the corpus URL)."""
    when = when or parse_date(doc.date) or names.random_date(rng, 2005, 2023)
    slug = "-".join(re.findall(r"[a-z0-9]+", (doc.title or " ".join(doc.paragraphs[0].split()[:8])).lower())[:9])
    path = rng.choice((f"{when.year}/{when.month:02d}/{when.day:02d}/{slug}",
                       f"news/{slug}-{rng.randint(10**5, 10**8)}",
                       f"article/{slug}", f"{rng.choice(('world', 'politics', 'us', 'business'))}/{slug}.html"))
    return f"{rng.choice(('http://', 'https://'))}{domain_for(doc, rng)}/{path}"


def excerpt(paragraphs: list[str], rng: random.Random, max_chars: int, from_start: float = 0.7
            ) -> list[tuple[int, str]]:
    """Consecutive paragraphs (with their index) up to about ``max_chars``; the first always kept."""
    if not paragraphs:
        return []
    start = 0 if rng.random() < from_start else rng.randrange(max(len(paragraphs) * 2 // 3, 1))
    chosen: list[tuple[int, str]] = []
    total = 0
    for index in range(start, len(paragraphs)):
        if total > 250 and total + len(paragraphs[index]) > max_chars:
            break
        chosen.append((index, paragraphs[index]))
        total += len(paragraphs[index])
    return chosen


def with_snips(chosen: list[tuple[int, str]], rng: random.Random, label: str, chance: float) -> list[Para]:
    """Paragraphs with some left out and a snip marker ("[...]") where text was cut."""
    out: list[Para] = []
    marker = rng.choice(phrases.SNIPS)
    for position, (_, text) in enumerate(chosen):
        if 0 < position < len(chosen) - 1 and rng.random() < chance:
            if not out or out[-1].text != marker:
                out.append(Para(marker, label))
            continue
        out.append(Para(text, label))
    return out


def _caption(doc: Document, rng: random.Random, when: datetime) -> str:
    found = [m.group(1) for p in doc.paragraphs[:3] for m in _CAPITALISED.finditer(p) if m.start() > 0]
    subject = rng.choice(found) if found else "A man"
    date = names.long_date(when, rng)
    photographer = names.real_name(rng)
    return rng.choice((
        f"{subject} {rng.choice(_PHOTO_VERBS)} in this file photo taken on {date}. REUTERS/{photographer}",
        f"FILE - {subject} {rng.choice(_PHOTO_VERBS)} on {date}. (AP Photo/{photographer}, File)",
        f"{subject} {rng.choice(_PHOTO_VERBS)} on {date}. Photograph: {photographer}/Getty Images",
        f"Image caption, {subject} {rng.choice(_PHOTO_VERBS)}",
        f"In this photo taken on {date}, {subject} {rng.choice(_PHOTO_VERBS)}. ({photographer}/AFP)",
    ))


def _byline(doc: Document, rng: random.Random) -> str:
    outlet = outlet_name(doc) or rng.choice(("Associated Press", "Reuters", "Staff"))
    name = names.real_name(rng)
    return rng.choice((
        f"By {name}", f"By {name.upper()}", f"{name}, {outlet}", f"The {outlet} Staff",
        f"By {name} | {outlet}", f"{name} and {names.real_name(rng)}", f"{outlet} Newsroom",
        f"Editor {name}", f"By {name}, {outlet} staff writer", f"{name}\nReporter",
    ))


def _published(when: datetime, rng: random.Random) -> str:
    date = names.long_date(when, rng)
    time = names.clock(when, rng)
    return rng.choice((
        f"Published {names.WEEKDAYS[when.weekday()]}, {names.MONTHS[when.month - 1]} {when.day}, {when.year} "
        f"{time.replace(' ', '')} EST", f"Updated {time} ET, {date}", f"Posted: {date} {time}",
        f"Last updated {date}", date, f"{date} {time}", f"UPDATED {time} PT — {date}",
        f"Time {when:%Y-%m-%d %H:%M:%S}", f"Published in {rng.choice(('World', 'Politics', 'Asia', 'Europe'))}",
    ))


def _dateline(doc: Document, rng: random.Random, when: datetime, wire_era: bool) -> str:
    if doc.dateline and rng.random() < 0.8:
        return doc.dateline.strip() + " "
    text = " ".join(doc.paragraphs[:2]).upper()
    mentioned = [c for c in CITIES if c in text]
    if not mentioned and not wire_era:
        return ""
    city = rng.choice(mentioned) if mentioned else rng.choice(("WASHINGTON", "NEW YORK", "LONDON"))
    wire = rng.choice(WIRES)
    mon = names.MON[when.month - 1]
    if wire_era:
        return rng.choice((f"{city} ({wire}) -- ", f"{city}, {mon} {when.day} ({wire}) - ", f"{city} -- "))
    return rng.choice((f"{city} ({wire}) — ", f"{city} -- ", f"{city.title()} ({wire}) - ", f"{city}: ",
                       f"{city}, {mon}. {when.day} -- "))


def _credit(rng: random.Random) -> str:
    return rng.choice((
        f"(Reporting by {names.real_name(rng)}; Editing by {names.real_name(rng)})",
        f"Additional reporting by {names.real_name(rng)}.",
        f"Associated Press writer {names.real_name(rng)} contributed to this report.",
        f"({names.real_name(rng)} reported from {rng.choice(CITIES).title()}.)",
        "REUTER", "Reuter", "(AP)", f"-- {names.real_name(rng)}",
    ))


def news_paste(doc: Document, rng: random.Random, *, era: int, max_chars: int,
               chrome: float = 0.3, when: datetime | None = None) -> list[Para]:
    """A news document as a user pastes it (labels ``news``, site chrome ``boilerplate``)."""
    when = parse_date(doc.date) or when or names.random_date(rng, max(era - 1, 1985), era)
    wire_era = era < 2000
    out: list[Para] = []
    if rng.random() < chrome * 0.3:
        out.append(Para(rng.choice(phrases.ARTICLE_CHROME), BOILERPLATE))
    if doc.title and rng.random() < 0.75:
        title = doc.title
        if wire_era and rng.random() < 0.4:
            title = title.upper()
        elif rng.random() < 0.05:
            title = f"_{title}_"
        out.append(Para(title, NEWS))
    if rng.random() < 0.35:
        out.extend(Para(line, NEWS) for line in _byline(doc, rng).split("\n"))
    if rng.random() < 0.35:
        out.append(Para(_published(when, rng), NEWS))
    if not wire_era and rng.random() < 0.12:
        out.append(Para(_caption(doc, rng, when), NEWS))
    chosen = excerpt(list(doc.paragraphs), rng, max_chars)
    body = with_snips(chosen, rng, NEWS, 0.12 if rng.random() < 0.25 else 0.0)
    if body and chosen[0][0] == 0 and not OWN_DATELINE.match(body[0].text) and rng.random() < 0.5:
        body[0] = Para(_dateline(doc, rng, when, wire_era) + body[0].text, NEWS)
    if not wire_era and rng.random() < chrome * 0.4 and len(body) > 3:
        body.insert(rng.randint(1, len(body) - 1), Para(rng.choice(phrases.ARTICLE_CHROME), BOILERPLATE))
    out.extend(body)
    if rng.random() < 0.15:
        out.append(Para(_credit(rng), NEWS))
    if rng.random() < chrome:
        outlet = outlet_name(doc) or "the source"
        out.append(Para(rng.choice((
            f"(Excerpt) Read more at {domain_for(doc, rng)} ...", f"More at {outlet} - {doc.title or 'story'}",
            f"Source: {url_for(doc, rng, when)}", url_for(doc, rng, when), rng.choice(phrases.ARTICLE_CHROME),
            f"Read more: {url_for(doc, rng, when)}",
        )), BOILERPLATE))
    return out
