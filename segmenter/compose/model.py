"""The style-free shape of a composed thread: users, posts, and the labelled parts of a post.

The composer fills these; a style renderer turns them into page lines. Every paragraph carries its
label, so that a renderer never has to decide one: quoting, wrapping and indenting keep the label of
the paragraph they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class Para:
    """One paragraph (no line breaks) with its label.

    ``pre`` marks preformatted lines (centred headers, contact blocks): never re-wrapped or re-indented.
    """

    text: str
    label: str
    pre: bool = False


@dataclass(slots=True)
class User:
    """A made-up forum member (or Usenet poster) with the facts chrome shows about them."""

    name: str
    title: str = ""
    joined: datetime | None = None
    posts: int = 0
    score: int = 0
    location: str = ""
    real_name: str = ""
    email: str = ""
    organization: str = ""
    signature: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Part:
    """A piece of a post body.

    ``kind`` is ``"text"`` (the user's words), ``"paste"`` (a pasted document, its own labels),
    ``"quote"`` (another post quoted: ``author`` is a :class:`User` or ``None`` for an unattributed
    quote, ``inner`` the quoted parts; ``continued`` when it resumes the quote before it, so that no new
    attribution is printed) or ``"link"`` (a bare URL or link title, chrome).
    """

    kind: str
    paras: list[Para] = field(default_factory=list)
    author: User | None = None
    inner: list[Part] = field(default_factory=list)
    continued: bool = False
    source: str = ""


@dataclass(slots=True)
class Post:
    """One post: author, time, body parts, and its place in the thread."""

    user: User
    when: datetime
    parts: list[Part]
    number: int = 1
    likes: int = 0
    edited: datetime | None = None


@dataclass(slots=True)
class Thread:
    """A composed thread: its title and forum, and posts in order."""

    title: str
    forum: str
    posts: list[Post]
    site: str = ""
    index_titles: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    @property
    def users(self) -> list[User]:
        """Distinct authors, in order of first post."""
        seen: dict[str, User] = {}
        for post in self.posts:
            seen.setdefault(post.user.name, post.user)
        return list(seen.values())
