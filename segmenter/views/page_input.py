"""The pages a view or an export works on, read with :func:`segmenter.io.sources.iter_records`: text and
HTML files, folders, JSONL and WARC dumps, standard input. HTML pages come with their DOM's blocks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from segmenter.blocks import Block
from segmenter.io.records import Record
from segmenter.io.sources import check_inputs, iter_records


@dataclass(frozen=True, slots=True)
class InputPage:
    """A page to segment: its id, its text, and its blocks when they come from an HTML DOM."""

    id: str
    text: str
    blocks: list[Block] | None = None


def page_of(record: Record) -> InputPage:
    """The text (and DOM blocks) of a record; ``ValueError`` with a one-line message naming it if unreadable."""
    if record.error is not None:
        where = record.origin or record.id
        raise ValueError(record.error if record.error.startswith(where) else f"{where}: {record.error}")
    if record.html is None:
        return InputPage(record.id, record.text or "")
    from segmenter.html import html_to_page

    text, blocks = html_to_page(record.html)
    return InputPage(record.id, text, list(blocks))


def iter_pages(inputs: Sequence[str]) -> Iterator[InputPage | ValueError]:
    """Every page of ``inputs``, or the ``ValueError`` saying why one could not be read (in order).

    Raises ``ValueError`` up front when an input path does not exist.
    """
    check_inputs(inputs)
    for record in iter_records(inputs):
        try:
            yield page_of(record)
        except ValueError as err:
            yield err


def read_page(path: str, page_id: str | None = None) -> InputPage:
    """The page of ``path``, or the record ``page_id`` of a dump (its first when ``None``).

    Raises ``ValueError`` with a one-line message when the page cannot be read or is not found.
    """
    check_inputs([path])
    for record in iter_records([path]):
        if page_id is None or record.id == page_id:
            return page_of(record)
    raise ValueError(f"{path}: no page with id {page_id!r}" if page_id else f"{path}: no page")
