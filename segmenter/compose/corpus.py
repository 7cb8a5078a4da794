"""The training corpus, loaded lazily: pure documents per label, and users' posts.

The corpus folder holds one sub-folder per label (``news/``, ``press_release/``, ``opinion/``) with
``*.jsonl.gz`` files of one JSON document a line. Loading all of it is slow and large, so each file
gives a bounded, seeded sample of its lines (reservoir sampling over raw lines, JSON parsed only for
the kept ones). Documents are drawn file first, by a per-file weight, so that one big file (and its
topics) does not dominate a label: topic should not leak into the label.

Opinion files get their own shapes, read by :mod:`segmenter.compose.opinion`.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from segmenter.compose.opinion import (
    ForumThread,
    UserPost,
    forum_post,
    pasted_without_markup,
    reddit_pieces,
)
from segmenter.labels import NEWS, PRESS_RELEASE

#: Documents kept per file (a seeded sample when the file has more).
DOCS_PER_FILE = 1500
#: 4forums threads kept (each holds many posts).
THREADS_PER_FILE = 900
#: Paragraphs kept per document: pages paste excerpts, never more than this.
MAX_PARAGRAPHS = 60

#: Relative chance of drawing from each file (by file stem); files not listed weigh 1.
FILE_WEIGHTS = {
    "allsides": 3.0, "reuters21578": 2.0, "bbc": 1.5, "bbc_israel_gaza_2023": 1.5,
    "ukraine_war_2022_24": 1.5, "semeval25_narratives": 1.0, "peoples_daily": 1.0, "tass": 0.3,
    "whitehouse": 3.0, "us_senate": 2.0, "china_mfa": 1.0, "kremlin": 1.5, "ukraine_president": 1.5,
    "un_general_debate": 1.0,
}

_BLANK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_PROMO = ("join us on", "follow us", "follow our coverage", "click here", "sign up", "subscribe to",
          "subscribe now", "read more", "advertisement", "download the app", "download our app", "share this",
          "media playback is unsupported")


@dataclass(frozen=True, slots=True)
class Document:
    """A pure document of one label, split into paragraphs (no line breaks inside a paragraph)."""

    id: str
    label: str
    file: str
    paragraphs: tuple[str, ...]
    title: str = ""
    issuer: str = ""
    date: str = ""
    kind: str = ""
    dateline: str = ""
    summary: str = ""


def split_paragraphs(text: str, rng: random.Random) -> list[str]:
    """Paragraphs of a document; a long single paragraph is cut into groups of 1-4 sentences.

    Promotional lines scraped along with some articles ("JOIN US ON TELEGRAM", "Click here to ...")
    are dropped: they are neither the document's text nor a forum's chrome.
    """
    raw = _BLANK.split(text[: MAX_PARAGRAPHS * 1500], maxsplit=MAX_PARAGRAPHS)[:MAX_PARAGRAPHS]
    paragraphs = [" ".join(p.split()) for p in raw]
    paragraphs = [p for p, low in zip(paragraphs, map(str.lower, paragraphs), strict=True)
                  if p and low not in ("ad", "ads") and not any(key in low for key in _PROMO)]
    if len(paragraphs) == 1 and len(paragraphs[0]) > 600:
        sentences = _SENTENCE.split(paragraphs[0])
        paragraphs, group = [], []
        for sentence in sentences:
            group.append(sentence)
            if len(group) >= rng.choice((1, 2, 2, 3, 3, 4)):
                paragraphs.append(" ".join(group))
                group = []
        if group:
            paragraphs.append(" ".join(group))
    return paragraphs[:MAX_PARAGRAPHS]


def _sample_lines(path: Path, keep: int, rng: random.Random) -> list[str]:
    """A seeded reservoir sample of ``keep`` raw lines, in file order."""
    chosen: list[tuple[int, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if len(chosen) < keep:
                chosen.append((number, line))
            else:
                slot = rng.randint(0, number)
                if slot < keep:
                    chosen[slot] = (number, line)
    return [line for _, line in sorted(chosen)]


def _rows(path: Path, keep: int, seed: int):
    rng = random.Random(f"{seed}:{path.parent.name}/{path.name}")
    for line in _sample_lines(path, keep, rng):
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and isinstance(row.get("text"), str):
            yield row, rng


def _usable(row: dict, stem: str, label: str) -> bool:
    text = row["text"]
    if len(text) < 250 or str(row.get("id", "")).endswith("README"):
        return False
    dots = text.count(".") / len(text)
    if dots < 0.005:  # punctuation stripped (some Senate files): unlike anything pasted
        return False
    if stem.startswith("reuters"):
        digits = sum(c.isdigit() for c in text) / len(text)
        if digits > 0.08 or text.count(" vs ") > 1:
            return False
    return True


def _clean_title(title: str) -> str:
    return _SPACE.sub(" ", title.replace("\\_", " ").replace("\\", " ")).strip()


def _document(row: dict, stem: str, label: str, rng: random.Random) -> Document | None:
    if not _usable(row, stem, label):
        return None
    paragraphs = split_paragraphs(row["text"], rng)
    if not paragraphs:
        return None
    title = _clean_title(str(row.get("title") or ""))
    if title and paragraphs[0].startswith(title[: max(len(title) - 2, 1)]):
        paragraphs = paragraphs[1:] or paragraphs  # some files repeat the headline as paragraph one
    return Document(
        id=str(row.get("id", "")), label=label, file=stem, paragraphs=tuple(paragraphs), title=title,
        issuer=str(row.get("issuer") or ""), date=str(row.get("date") or ""), kind=str(row.get("kind") or ""),
        dateline=str(row.get("dateline") or ""), summary=_SPACE.sub(" ", str(row.get("summary") or "")).strip(),
    )


class Corpus:
    """Lazily loaded, sampled view of a corpus folder.

    ``Corpus(root)`` reads nothing; the first draw of a label loads that label's files. Draws take a
    ``random.Random`` so that composing is deterministic for a seed.
    """

    def __init__(self, root: str | Path, docs_per_file: int = DOCS_PER_FILE,
                 threads_per_file: int = THREADS_PER_FILE, seed: int = 0) -> None:
        self.root = Path(root)
        self.docs_per_file = docs_per_file
        self.threads_per_file = threads_per_file
        self.seed = seed

    def has_files(self) -> bool:
        """Whether the folder holds any ``*.jsonl.gz`` file under a label folder (nothing is loaded)."""
        return any(self._files(d) for d in (NEWS, PRESS_RELEASE, "opinion"))

    def _files(self, label_dir: str) -> list[Path]:
        folder = self.root / label_dir
        return sorted(folder.glob("*.jsonl.gz")) if folder.is_dir() else []

    def _load_documents(self, label: str) -> dict[str, list[Document]]:
        by_file: dict[str, list[Document]] = {}
        for path in self._files(label):
            stem = path.name.removesuffix(".jsonl.gz")
            docs = [d for row, rng in _rows(path, self.docs_per_file, self.seed)
                    if (d := _document(row, stem, label, rng)) is not None]
            if docs:
                by_file[stem] = docs
        return by_file

    @cached_property
    def news(self) -> dict[str, list[Document]]:
        """News documents by file stem."""
        return self._load_documents(NEWS)

    @cached_property
    def releases(self) -> dict[str, list[Document]]:
        """Press releases and official statements by file stem."""
        return self._load_documents(PRESS_RELEASE)

    @cached_property
    def _opinion(self) -> tuple[list[ForumThread], list[ForumThread]]:
        threads: list[ForumThread] = []
        groups: dict[str, list[UserPost]] = defaultdict(list)
        for path in self._files("opinion"):
            keep = self.threads_per_file if "4forums" in path.name else 10 * self.docs_per_file
            for row, _rng in _rows(path, keep, self.seed):
                if isinstance(row.get("posts"), list):
                    posts = tuple(p for raw in row["posts"] if isinstance(raw, dict)
                                  and (p := forum_post(raw)) is not None)
                    if posts:
                        threads.append(ForumThread(str(row.get("id", "")), str(row.get("title") or ""),
                                                   str(row.get("forum") or ""), posts, "4forums"))
                else:
                    pieces = reddit_pieces(row["text"])
                    if any(p.kind == "own" for p in pieces) and not any(
                            p.kind == "own" and pasted_without_markup(p.text) for p in pieces):
                        author = str(row.get("author") or "")
                        groups[str(row.get("title") or "")].append(UserPost(author, pieces))
        comment_threads = [ForumThread(f"reddit-{k}", title, "worldnews", tuple(posts), "reddit")
                           for k, (title, posts) in enumerate(sorted(groups.items()))]
        return threads, comment_threads

    @property
    def threads(self) -> list[ForumThread]:
        """Long debate threads (4forums-like)."""
        return self._opinion[0]

    @property
    def comment_threads(self) -> list[ForumThread]:
        """Short comments grouped by submission title (Reddit-like)."""
        return self._opinion[1]

    # -- draws -------------------------------------------------------------------------------------

    @staticmethod
    def _draw(by_file: dict[str, list[Document]], rng: random.Random,
              prefer: tuple[str, ...] = ()) -> Document | None:
        if not by_file:
            return None
        stems = sorted(by_file)
        weights = [FILE_WEIGHTS.get(s, 1.0) * (3.0 if s in prefer else 1.0) for s in stems]
        stem = rng.choices(stems, weights)[0]
        return rng.choice(by_file[stem])

    def news_doc(self, rng: random.Random, prefer: tuple[str, ...] = ()) -> Document | None:
        """A news document, file drawn by weight (``prefer`` triples the weight of some files)."""
        return self._draw(self.news, rng, prefer)

    def release_doc(self, rng: random.Random, prefer: tuple[str, ...] = ()) -> Document | None:
        """A press release or official statement."""
        return self._draw(self.releases, rng, prefer)

    def debate_thread(self, rng: random.Random) -> ForumThread | None:
        """A real debate thread (or a comment group when no debate threads are loaded)."""
        pool = self.threads or self.comment_threads
        return rng.choice(pool) if pool else None

    def comment_thread(self, rng: random.Random) -> ForumThread | None:
        """A group of short comments (or a debate thread when no comments are loaded)."""
        pool = self.comment_threads or self.threads
        return rng.choice(pool) if pool else None

    def random_post(self, rng: random.Random, short: bool = False) -> UserPost | None:
        """One post from anywhere in the opinion pool; ``short`` prefers comment-sized posts."""
        for _ in range(6):
            thread = self.comment_thread(rng) if short and rng.random() < 0.7 else self.debate_thread(rng)
            if thread is None:
                return None
            post = rng.choice(thread.posts)
            if not short or len(post.own_text) < 400:
                return post
        return post

    def load_all(self) -> Corpus:
        """Load every label now (useful before timing or forking); returns ``self``."""
        _ = self.news, self.releases, self._opinion
        return self
