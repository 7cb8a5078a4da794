"""Build a thread from the corpus: who posts what, what gets pasted, quoted and commented.

The result is style-free (:mod:`segmenter.compose.model`); a style renders it. Recipes follow real
pages: a user pastes a news story or an official release (often with a lead-in, sometimes with a link),
others argue, quote each other (a quote of a user stays ``opinion``) or quote the pasted article
(a quote of pasted news stays ``news``), comment between quoted paragraphs, or paste more. Some threads
are pure argument. Usenet pages are single messages (:mod:`segmenter.compose.messages`).
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from datetime import timedelta

from segmenter.compose import names, phrases
from segmenter.compose.corpus import Corpus, Document
from segmenter.compose.model import Para, Part, Post, Thread, User
from segmenter.compose.opinion import UserPost
from segmenter.compose.pastes import news_paste, outlet_name, url_for
from segmenter.compose.releases import release_paste
from segmenter.labels import BOILERPLATE, NEWS, OPINION, PRESS_RELEASE

#: Thread recipes and their weights (multi-post forums).
RECIPES = {"news": 0.36, "release": 0.2, "mixed": 0.12, "argument": 0.22, "comments": 0.05, "index": 0.05}


@dataclass(frozen=True, slots=True)
class Setting:
    """What a style asks of the composer: era, thread or single message, where opinion comes from."""

    era: tuple[int, int]
    single_message: bool = False
    comments: float = 0.3
    length: tuple[int, int] = (1500, 9000)
    prefer_news: tuple[str, ...] = ()
    prefer_releases: tuple[str, ...] = ()
    index_ok: bool = True


def target_length(rng: random.Random, low: int, high: int) -> int:
    """A page length drawn log-uniformly between ``low`` and ``high``."""
    return int(low * (high / low) ** rng.random())


def text_part(text: str, label: str = OPINION) -> Part:
    """The user's own words as a text part: one paragraph a line, raw (leading spaces kept)."""
    return Part("text", [Para(line, label) for line in text.split("\n")])


class ThreadComposer:
    """Composes one thread (or Usenet message) for a :class:`Setting`, drawing from a :class:`Corpus`."""

    def __init__(self, corpus: Corpus, rng: random.Random, setting: Setting) -> None:
        self.corpus = corpus
        self.rng = rng
        self.setting = setting
        self.year = rng.randint(*setting.era)
        self.start = names.random_date(rng, self.year, self.year)
        self._users: dict[str, User] = {}
        self.doc_ids: list[str] = []
        self.budget = target_length(rng, *setting.length)

    # -- people ------------------------------------------------------------------------------------

    def user(self, key: str | None = None) -> User:
        """The made-up user standing for a real author ``key`` (a new one when ``key`` is None)."""
        if key is not None and key in self._users:
            return self._users[key]
        rng = self.rng
        name = names.username(rng)
        real = names.real_name(rng)
        joined = self.start - timedelta(days=rng.randint(20, 4000))
        user = User(name=name, title=rng.choice(phrases.USER_TITLES) if rng.random() < 0.7
                    else phrases.user_title_quirky(rng), joined=joined, posts=int(rng.paretovariate(1.1) * 40),
                    score=int(rng.paretovariate(1.2) * 25), location=rng.choice(names.COUNTRIES + names.PLACES),
                    real_name=real, email=names.email(rng, real, self.year),
                    organization=names.organization(rng, self.year))
        self._users[key if key is not None else f"#new{len(self._users)}"] = user
        return user

    # -- pieces ------------------------------------------------------------------------------------

    def _long_enough(self, draw, max_chars: int) -> Document | None:
        """Draw up to three documents, keeping the first long enough to fill most of ``max_chars``."""
        doc = None
        for _ in range(3):
            doc = draw(self.rng, self.setting.prefer_news if draw == self.corpus.news_doc
                       else self.setting.prefer_releases)
            if doc is None or sum(len(p) for p in doc.paragraphs) >= min(max_chars * 0.6, 5000):
                break
        return doc

    def _news(self, max_chars: int) -> tuple[Document | None, list[Para]]:
        doc = self._long_enough(self.corpus.news_doc, max_chars)
        if doc is None:
            return None, []
        self.doc_ids.append(doc.id)
        chrome = 0.15 if self.year < 2000 else 0.35
        return doc, news_paste(doc, self.rng, era=self.year, max_chars=max_chars, chrome=chrome, when=self.start)

    def _release(self, max_chars: int) -> tuple[Document | None, list[Para]]:
        doc = self._long_enough(self.corpus.release_doc, max_chars)
        if doc is None:
            return None, []
        self.doc_ids.append(doc.id)
        return doc, release_paste(doc, self.rng, era=self.year, max_chars=max_chars, when=self.start)

    def paste_parts(self, kind: str, max_chars: int, lead_in: float = 0.5) -> tuple[list[Part], str]:
        """A lead-in (sometimes), a link (sometimes) and the pasted document; returns the parts and a title."""
        rng = self.rng
        doc, paras = self._news(max_chars) if kind == NEWS else self._release(max_chars)
        if doc is None:
            return [], ""
        parts: list[Part] = []
        source = outlet_name(doc)
        if rng.random() < lead_in:
            bank = phrases.NEWS_LEAD_INS if kind == NEWS else phrases.RELEASE_LEAD_INS
            template = rng.choice(bank)
            if "{source}" in template and not source:
                template = rng.choice([t for t in bank if "{source}" not in t])
            lead = phrases.fill(template, source)
            parts.append(Part("text", [Para(lead[0].upper() + lead[1:], OPINION)]))
        if rng.random() < (0.15 if self.year < 2000 else 0.35):
            parts.append(Part("link", [Para(url_for(doc, rng, self.start), BOILERPLATE)]))
        parts.append(Part("paste", paras, source=source))
        return parts, doc.title or _title_from(doc)

    def opinion_parts(self, post: UserPost, raw: bool = False) -> list[Part]:
        """A real post's pieces as parts; quoted authors become made-up users, pasted news stays news."""
        parts: list[Part] = []
        for piece in post.pieces:
            text = piece.text if raw else html.unescape(piece.text)
            if piece.kind == "own":
                parts.append(text_part(text))
            elif piece.kind == "quote":
                author = self.user(piece.author) if piece.author else None
                parts.append(Part("quote", author=author, inner=[text_part(text)]))
            elif piece.kind == "news":
                parts.append(Part("quote", author=None, inner=[text_part(text, NEWS)]))
            elif piece.kind == "link":
                parts.append(Part("link", [Para(text, BOILERPLATE)]))
        return parts

    def reaction(self) -> Part:
        """A one-line reaction or a short comment from the opinion pool."""
        if self.rng.random() < 0.5:
            return Part("text", [Para(self.rng.choice(phrases.REACTIONS), OPINION)])
        post = self.corpus.random_post(self.rng, short=True)
        own = post.own_text if post else ""
        return text_part(html.unescape(own) if own else self.rng.choice(phrases.REACTIONS))

    def quote_of(self, post: Post, max_paras: int = 3) -> Part | None:
        """A quote of an earlier post: its own words, or a few paragraphs of what it pasted."""
        rng = self.rng
        candidates = [p for p in post.parts if p.kind in ("text", "paste") and any(q.text.strip() for q in p.paras)]
        if not candidates:
            return None
        part = rng.choice(candidates)
        paras = [q for q in part.paras if q.text.strip()]
        if part.kind == "paste":
            paras = [q for q in paras if len(q.text) > 80] or paras  # quote the body, not a byline
        if part.kind == "paste" or len(paras) > max_paras:
            start = rng.randrange(len(paras))
            paras = paras[start : start + rng.randint(1, max_paras)]
        return Part("quote", author=post.user, inner=[Part(part.kind, paras)])

    def interleaved(self, author: User | None, paras: list[Para], comments: int) -> list[Part]:
        """Quoted paragraphs with short comments between them (the inline-reply pattern)."""
        rng = self.rng
        parts: list[Part] = []
        # cut only before a body paragraph that follows a body paragraph, never inside headers
        allowed = [k for k in range(1, len(paras))
                   if not paras[k].pre and not paras[k - 1].pre and len(paras[k - 1].text) > 60]
        cut_points = sorted(rng.sample(allowed, min(comments, len(allowed))))
        previous = 0
        for index, cut in enumerate([*cut_points, len(paras)]):
            chunk = paras[previous:cut]
            previous = cut
            if chunk:
                parts.append(Part("quote", author=author, inner=[Part("paste", chunk)], continued=index > 0))
            if index < len(cut_points) or rng.random() < 0.6:
                if rng.random() < 0.35:
                    parts.append(Part("text", [Para(rng.choice(phrases.INLINE_COMMENTS), OPINION)]))
                else:
                    parts.append(self.reaction())
        return parts

    # -- threads -----------------------------------------------------------------------------------

    def _posts_from(self, source_posts, first_number: int, raw: bool) -> list[Post]:
        posts = []
        when = self.start
        for number, real in enumerate(source_posts, first_number):
            when = names.later(self.rng, when)
            posts.append(Post(self.user(real.author or None), when, self.opinion_parts(real, raw), number))
        return posts

    def thread(self, raw: bool = False) -> Thread:
        """A multi-post thread following one of :data:`RECIPES`."""
        rng = self.rng
        recipes = dict(RECIPES)
        if not self.setting.index_ok:
            recipes.pop("index")
        recipe = rng.choices(list(recipes), list(recipes.values()))[0]
        use_comments = recipe == "comments" or rng.random() < self.setting.comments
        source = (self.corpus.comment_thread(rng) if use_comments else self.corpus.debate_thread(rng))
        title = source.display_title if source else ""
        forum = source.forum if source else ""
        if recipe == "index":
            return self._index(title, forum)
        posts: list[Post] = []
        if recipe in ("news", "release", "mixed"):
            kind = NEWS if recipe == "news" or (recipe == "mixed" and rng.random() < 0.5) else PRESS_RELEASE
            parts, doc_title = self.paste_parts(kind, int(self.budget * rng.uniform(0.3, 0.7)), lead_in=0.55)
            if rng.random() < 0.4:
                parts.append(self.reaction())
            if parts:
                posts.append(Post(self.user(), self.start, parts, 1))
                title = doc_title or title
        real_posts = list(source.posts) if source else []
        start = 0 if posts or not real_posts else 0
        for post in self._posts_from(real_posts[start:], len(posts) + 1, raw):
            if sum(_size(p) for p in posts) > self.budget:
                break
            posts.append(post)
            roll = rng.random()
            if roll < 0.18 and len(posts) > 1:
                quoted = self.quote_of(rng.choice(posts[:-1]))
                if quoted:
                    post.parts.insert(0, quoted)
            elif roll < 0.26 and len(posts) > 1 and any(p.kind == "paste" for p in posts[0].parts):
                paste = next(p for p in posts[0].parts if p.kind == "paste")
                paras = [q for q in paste.paras if len(q.text) > 80]
                if len(paras) > 2:
                    start = rng.randrange(len(paras) - 1)
                    paras = paras[start:]
                post.parts[:0] = self.interleaved(posts[0].user, paras[: rng.randint(2, 5)], rng.randint(1, 2))
            elif roll < 0.26 + (0.12 if recipe == "mixed" else 0.04):
                kind = NEWS if rng.random() < 0.55 else PRESS_RELEASE
                parts, _ = self.paste_parts(kind, int(self.budget * rng.uniform(0.15, 0.4)), lead_in=0.6)
                post.parts.extend(parts)
        if not posts:
            posts.append(Post(self.user(), self.start, [self.reaction()], 1))
        if rng.random() < 0.1:
            posts[rng.randrange(len(posts))].edited = names.later(rng, self.start, 48)
        return Thread(title or "General discussion", forum or "General Discussion", posts,
                      doc_ids=list(self.doc_ids))

    def _index(self, title: str, forum: str) -> Thread:
        rng = self.rng
        titles = []
        for _ in range(rng.randint(12, 40)):
            pick = rng.random()
            if pick < 0.5:
                doc = self.corpus.news_doc(rng) if pick < 0.4 else self.corpus.release_doc(rng)
                title_of = doc.title if doc else ""
            else:
                source = self.corpus.debate_thread(rng)
                title_of = source.display_title if source else ""
            if title_of:
                titles.append(title_of)
        return Thread(title, forum or "General Discussion", [], index_titles=titles)

def _title_from(doc: Document) -> str:
    """A subject line for an untitled document: its opening words."""
    words = doc.paragraphs[0].split()[:9] if doc.paragraphs else []
    return " ".join(words).rstrip(",.;:") if words else ""


def _size(post: Post) -> int:
    total = 0
    for part in post.parts:
        total += sum(len(q.text) + 1 for q in part.paras)
        total += sum(len(q.text) + 1 for inner in part.inner for q in inner.paras)
    return total + 60
