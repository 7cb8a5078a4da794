"""The record: one input page as read from a file or a dump, or the reason it could not be read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Record:
    """One input page.

    Exactly one of ``text``, ``html`` or ``error`` is set: the decoded page text, the decoded HTML
    source (blocks then come from the DOM), or a one-line reason why the page could not be read.
    ``origin`` names where it came from (``path`` or ``path:line``) for messages.
    """

    id: str
    text: str | None = None
    html: str | None = None
    error: str | None = None
    origin: str = ""

    @property
    def ok(self) -> bool:
        """Whether the record holds a page (text or HTML) rather than an error."""
        return self.error is None
