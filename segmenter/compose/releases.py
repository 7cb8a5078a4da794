"""Turn a release or official statement into what users paste.

A pasted release may keep its headers and footers ("For Immediate Release", contacts,
"RELEASE: 93-12", "###", "-30-": all ``press_release``). Header styles follow the issuer (White House,
Kremlin, Senate office, foreign ministry, UN delegation) and the era of the page: 1990s pages get
newswire, agency and 1993 White House layouts.
"""

from __future__ import annotations

import random
from datetime import datetime

from segmenter.compose import names
from segmenter.compose.corpus import Document
from segmenter.compose.model import Para
from segmenter.compose.pastes import OWN_DATELINE, excerpt, parse_date, with_snips
from segmenter.labels import PRESS_RELEASE

_UN_NAMES = {"USA": "the United States of America", "GBR": "the United Kingdom", "FRA": "France",
             "CHN": "China", "RUS": "the Russian Federation", "DEU": "Germany", "IND": "India",
             "BRA": "Brazil", "JPN": "Japan", "UKR": "Ukraine", "TUR": "Turkey", "EGY": "Egypt"}


def _centre(text: str, width: int = 70) -> str:
    return " " * max((width - len(text)) // 2, 0) + text


def _phone(rng: random.Random) -> str:
    return rng.choice((f"202-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                       f"({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                       f"202/{rng.randint(200, 999)}-{rng.randint(1000, 9999)}"))


def _release_head(doc: Document, rng: random.Random, when: datetime, era: int) -> list[Para]:
    date = names.long_date(when, rng)
    title = doc.title
    p = PRESS_RELEASE
    if era < 2000:
        family = rng.choice(("wh93", "newswire", "agency", "plain"))
    else:
        family = {"whitehouse": "wh", "kremlin": "kremlin", "ukraine_president": "kyiv", "china_mfa": "mfa",
                  "un_general_debate": "un", "us_senate": "senate"}.get(doc.file, "plain")
        if rng.random() < 0.2:
            family = rng.choice(("plain", "newswire", "senate"))
    if family == "wh93":
        width = rng.choice((62, 66, 70))
        return [Para(_centre("THE WHITE HOUSE", width), p, True),
                Para(_centre("Office of the Press Secretary", width), p, True),
                Para("_" * rng.randint(40, 62), p, True) if rng.random() < 0.5 else Para("", p),
                Para(f"For Immediate Release{' ' * rng.randint(8, 30)}{date}", p, True),
                Para(_centre((title or "STATEMENT BY THE PRESS SECRETARY").upper()[:width], width), p, True)]
    if family == "newswire":
        head = [Para(f" {title}", p, True)] if title else []
        desks = rng.choice(("National Desk", "National and Assignment desks", "Foreign Desk",
                            "National Desk, Science Writer", "Political Writer"))
        head += [Para(f" To: {desks}", p, True),
                 Para(f" Contact: {names.real_name(rng)}, {_phone(rng)}", p, True)]
        return head
    if family == "agency":
        return [Para(names.real_name(rng), p, True),
                Para(f"Headquarters, Washington, D.C.{' ' * rng.randint(4, 30)}{date}", p, True),
                Para(f"(Phone:  {_phone(rng)})", p, True), Para("", p),
                Para(f"RELEASE:  {when.year % 100:02d}-{rng.randint(1, 140)}", p, True),
                Para((title or "").upper(), p)]
    if family == "wh":
        head = [Para(rng.choice(("Statements and Releases", "Briefing Room", "THE WHITE HOUSE",
                                 "Presidential Actions", "Press Briefings")), p)] if rng.random() < 0.6 else []
        return head + [Para(title, p)] * bool(title) + [Para(date, p)] * (rng.random() < 0.6)
    if family == "kremlin":
        return [Para(title, p)] * bool(title) + [Para(f"{date}, {names.clock(when, rng)}", p)] + [
            Para(rng.choice(("The Kremlin, Moscow", "Novo-Ogaryovo, Moscow Region", "Moscow")), p)] * (
            rng.random() < 0.5) + [Para(doc.summary, p)] * bool(doc.summary and rng.random() < 0.6)
    if family == "kyiv":
        return [Para(title, p)] * bool(title) + [Para(f"{when.day} {names.MONTHS[when.month - 1]} {when.year} - "
                                                      f"{when:%H:%M}", p)] * (rng.random() < 0.7)
    if family == "mfa":
        return [Para(title, p)] * bool(title) + [Para(f"Updated: {date}", p)] * (rng.random() < 0.4)
    if family == "un":
        country = _UN_NAMES.get(doc.issuer, f"the delegation of {doc.issuer}")
        return [Para(f"Statement by the Head of Delegation of {country}", p),
                Para(f"General Debate of the General Assembly, {when.year}", p),
                Para("Check against delivery", p)][: rng.randint(1, 3)]
    if family == "senate":
        return [Para("FOR IMMEDIATE RELEASE", p), Para(date, p),
                Para(f"Contact: {names.real_name(rng)} {_phone(rng)}", p)][: rng.randint(1, 3)] + (
            [Para(title, p)] if title else [])
    head = [Para(rng.choice(("FOR IMMEDIATE RELEASE", "For Immediate Release", "PRESS RELEASE", "News Release",
                             f"Release Number: {when.year % 100:02d}-{when.month:02d}-{rng.randint(1, 40):02d}")),
                 p)]
    if rng.random() < 0.5:
        head.append(Para(date, p))
    return head + ([Para(title, p)] if title else [])


def _release_tail(doc: Document, rng: random.Random, era: int) -> list[Para]:
    p = PRESS_RELEASE
    choice = rng.random()
    if choice < 0.25:
        return [Para(rng.choice(("###", "# # #", "-30-", " -30-", "- 30 -", "END")), p, True)]
    if choice < 0.4:
        return [Para(f"For further information, please contact {names.real_name(rng)} at {_phone(rng)}.", p)]
    if choice < 0.5:
        return [Para(f"{' ' * rng.randint(20, 32)}END{' ' * 7}{rng.randint(9, 11)}:{rng.randint(10, 59)} A.M. EDT",
                     p, True)]
    if choice < 0.6 and era >= 2000:
        return [Para("Media contact:", p), Para(f"{names.real_name(rng)}, {_phone(rng)}", p)]
    return []


def release_paste(doc: Document, rng: random.Random, *, era: int, max_chars: int,
                  when: datetime | None = None) -> list[Para]:
    """A release as a user pastes it: headers (sometimes), an excerpt of the body, footers (sometimes)."""
    when = parse_date(doc.date) or when or names.random_date(rng, max(era - 1, 1985), era)
    out: list[Para] = []
    if rng.random() < 0.7:
        out.extend(q for q in _release_head(doc, rng, when, era) if q.text.strip() or q.pre)
    elif doc.title and rng.random() < 0.6:
        out.append(Para(doc.title, PRESS_RELEASE))
    chosen = excerpt(list(doc.paragraphs), rng, max_chars, from_start=0.8)
    body = with_snips(chosen, rng, PRESS_RELEASE, 0.12 if rng.random() < 0.2 else 0.0)
    if (body and era < 2000 and chosen[0][0] == 0 and rng.random() < 0.4 and len(body[0].text) > 120
            and not OWN_DATELINE.match(body[0].text)):
        city = rng.choice(("WASHINGTON", "NEW YORK", "LOS ANGELES", "HOUSTON"))
        body[0] = Para(f"{city}, {names.MONTHS[when.month - 1]} {when.day} -- {body[0].text}", PRESS_RELEASE)
    out.extend(body)
    if rng.random() < 0.45:
        out.extend(_release_tail(doc, rng, era))
    return [q for q in out if q.text.strip()]
