"""Users' posts in the opinion files: their own words, quotes of other users, and what they pasted.

4forums threads give ``posts`` with ``quotes`` ranges; a quote whose author is ``null`` is usually a
pasted article (kept as ``news`` when it reads as reporting, as an unattributed user quote when it reads
as conversation, dropped otherwise). Reddit comments paste news in ``>`` blockquotes. Posts whose own
words hold a pasted passage without quote markup are dropped: they are neither clean opinion nor a
known paste.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: The site name 4forums puts before every thread title.
FORUM_TITLE_PREFIX = "4Forums.com Political Debates and Polls -"
_BLANK = re.compile(r"\n\s*\n")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|mine|you|your|you're|lol|imo|IMO)\b")
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|officials?|spokes(?:man|woman|person)|percent"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mr\.|Mrs\.|Ms\.)\b")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z. ]+\))?\s*(?:--|-|—)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((https?://[^)\s]+)\)")
_URL_ONLY = re.compile(r"^\s*(?:\[[^\]]*\]\(https?://[^)\s]+\)|https?://\S+)\s*$")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a user's post: ``own`` words, a ``quote`` of another user, pasted ``news``, or a ``link``."""

    kind: str
    text: str
    author: str | None = None


@dataclass(frozen=True, slots=True)
class UserPost:
    """One post of a real thread, cut into pieces in reading order."""

    author: str
    pieces: tuple[Piece, ...]

    @property
    def own_text(self) -> str:
        """The user's own words only."""
        return "\n".join(p.text for p in self.pieces if p.kind == "own")


@dataclass(frozen=True, slots=True)
class ForumThread:
    """A real thread's title, forum and posts (4forums) or one Reddit submission's comments."""

    id: str
    title: str
    forum: str
    posts: tuple[UserPost, ...]
    source: str

    @property
    def display_title(self) -> str:
        """The title without the 4forums site prefix."""
        return self.title.removeprefix(FORUM_TITLE_PREFIX).strip()


def looks_like_reporting(text: str) -> bool:
    """Whether a stretch reads like pasted reporting: third person, attributions or a dateline.

    Cheap and deliberately strict; used to keep pasted articles out of the opinion pool.
    """
    words = len(text.split())
    if words < 35:
        return False
    first_person = len(_FIRST_PERSON.findall(text)) / words
    reporting = len(_REPORTING.findall(text)) / words
    return first_person < 0.006 and (reporting >= 0.012 or bool(_DATELINE.match(text.strip())))


def pasted_without_markup(text: str) -> bool:
    """Whether a user's "own" text holds a pasted passage: reporting, or a long run in quotation marks."""
    for paragraph in _BLANK.split(text):
        paragraph = paragraph.strip()
        if len(paragraph) > 200 and looks_like_reporting(paragraph):
            return True
        if len(paragraph) > 150 and paragraph[0] in "\"“" and paragraph[-1] in "\"”":
            return True
    return False


def _conversational(text: str) -> bool:
    words = max(len(text.split()), 1)
    return len(_FIRST_PERSON.findall(text)) / words >= 0.02


def forum_post(raw: dict) -> UserPost | None:
    """A 4forums post (``text`` with ``quotes`` ranges) as pieces; ``None`` when it holds an unmarked paste."""
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    quotes = sorted((q for q in raw.get("quotes") or () if isinstance(q, list) and len(q) == 3),
                    key=lambda q: q[0])
    pieces: list[Piece] = []
    cursor = 0

    def own(chunk: str) -> bool:
        chunk = chunk.strip("\n")
        if not chunk.strip():
            return True
        if pasted_without_markup(chunk):
            return False  # pasted without quote markup: neither clean opinion nor a known paste
        pieces.append(Piece("own", chunk))
        return True

    for start, end, author in quotes:
        if not (isinstance(start, int) and isinstance(end, int) and cursor <= start < end <= len(text)):
            continue
        if not own(text[cursor:start]):
            return None
        quoted = text[start:end].strip("\n")
        if author is not None:
            pieces.append(Piece("quote", quoted, str(author)))
        elif looks_like_reporting(quoted):
            pieces.append(Piece("news", quoted))
        elif _conversational(quoted):
            pieces.append(Piece("quote", quoted, None))
        cursor = end
    if not own(text[cursor:]):
        return None
    if not any(p.kind == "own" for p in pieces):
        return None
    return UserPost(str(raw.get("author") or "Guest"), tuple(pieces))


def reddit_pieces(text: str) -> tuple[Piece, ...]:
    """A Reddit comment as pieces: ``>`` lines are pasted news, bare link lines are links."""
    pieces: list[Piece] = []
    kind_of = []
    for line in html.unescape(text).split("\n"):
        stripped = line.strip()
        if stripped.startswith(">"):
            body = stripped.lstrip("> ").strip()
            kind_of.append(("news", _MD_LINK.sub(r"\1", body).replace("*", "").strip()))
        elif _URL_ONLY.match(stripped):
            match = _MD_LINK.search(stripped)
            kind_of.append(("link", match.group(2) if match else stripped))
        else:
            kind_of.append(("own", _MD_LINK.sub(r"\1", stripped).replace("**", "").replace("*", "").strip()))
    for kind, body in kind_of:
        if not body:
            continue
        if pieces and pieces[-1].kind == kind and kind != "link":
            pieces[-1] = Piece(kind, pieces[-1].text + "\n\n" + body)
        else:
            pieces.append(Piece(kind, body))
    return tuple(pieces)
