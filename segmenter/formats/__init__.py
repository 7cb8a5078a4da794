"""Users' own annotations: doccano, Label Studio and Prodigy exports in, model output out.

>>> from segmenter.formats import read_pages, write_pages
>>> pages = list(read_pages("export.jsonl", label_map="NEWS=news,PR=press_release"))  # doctest: +SKIP
>>> write_pages(pages, "for-prodigy.jsonl", "prodigy")                                # doctest: +SKIP

Reading checks every record against the annotation contract (see :mod:`segmenter.formats.spans`):
bad records raise :class:`~segmenter.pages.AnnotationError` naming the file and line or index; records
with nothing to learn from (not annotated, rejected) are skipped and reported through ``on_skip``.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from segmenter.formats import doccano, labelstudio, native, prodigy
from segmenter.formats.labelmap import LabelMap, parse_label_map
from segmenter.formats.rows import iter_rows
from segmenter.formats.spans import SkipRecord, page_segments, predicted_page
from segmenter.pages import AnnotatedPage, AnnotationError

#: Format name → module with ``looks_like(row)``, ``read_row(...)`` and ``write_row(...)``.
FORMATS = {module.NAME: module for module in (native, doccano, labelstudio, prodigy)}
#: The names ``--format`` accepts when reading (``auto`` detects the format from the first record).
READ_FORMATS = ("auto", *FORMATS)

LabelMapSpec = LabelMap | Mapping[str, str] | str | Path | None

__all__ = [
    "FORMATS",
    "READ_FORMATS",
    "LabelMap",
    "detect_format",
    "page_segments",
    "parse_label_map",
    "predicted_page",
    "read_pages",
    "write_pages",
]


def detect_row_format(row: dict, where: str) -> str:
    """The name of the one format whose shape ``row`` has; :class:`AnnotationError` if none or several."""
    matches = [name for name, module in FORMATS.items() if module.looks_like(row)]
    if len(matches) == 1:
        return matches[0]
    keys = ", ".join(sorted(map(str, row))) or "none"
    if not matches:
        raise AnnotationError(f"{where}: cannot tell the annotation format from its keys ({keys}); name it")
    raise AnnotationError(f"{where}: the record fits {' and '.join(matches)}; name the format")


def detect_format(path: str | Path) -> str:
    """The format of the annotation file ``path``, told from its first record."""
    for where, row in iter_rows(path):
        return detect_row_format(row, where)
    raise AnnotationError(f"{path}: no records")


def read_pages(
    path: str | Path,
    format: str = "auto",
    label_map: LabelMapSpec = None,
    *,
    fill_label: str | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[AnnotatedPage]:
    """Yield the annotated pages of a doccano, Label Studio, Prodigy or annotated-page export.

    ``label_map`` renames the user's labels (see :func:`parse_label_map`); ``fill_label`` labels the
    non-white-space text that no span covers (without it such text is an error). ``on_skip`` receives
    a one-line reason for every skipped record. A page without a ``source`` gets the file's path.
    """
    if format not in READ_FORMATS:
        raise ValueError(f"unknown annotation format {format!r}; expected one of {', '.join(READ_FORMATS)}")
    labels = parse_label_map(label_map)
    name = detect_format(path) if format == "auto" else format
    module = FORMATS[name]
    for where, row in iter_rows(path):
        try:
            page = module.read_row(row, where, labels, fill_label)
        except SkipRecord as skip:
            if on_skip is not None:
                on_skip(f"{where}: skipped, {skip}")
            continue
        yield page if page.source else replace(page, source=str(path))


def _rows(
    pages: Iterable[AnnotatedPage], format: str, labels: LabelMap, as_predictions: bool
) -> Iterator[dict]:
    module = FORMATS[format]
    for page in pages:
        if module is labelstudio:
            yield labelstudio.write_row(page, labels, as_predictions)
        else:
            yield module.write_row(page, labels)


@contextlib.contextmanager
def _opened(target: str | Path | TextIO) -> Iterator[TextIO]:
    if hasattr(target, "write"):
        yield target  # type: ignore[misc]
    elif str(target) == "-":
        yield sys.stdout
    else:
        with Path(target).open("w", encoding="utf-8") as handle:
            yield handle


def write_pages(
    pages: Iterable[AnnotatedPage],
    target: str | Path | TextIO,
    format: str,
    *,
    label_map: LabelMapSpec = None,
    as_predictions: bool = True,
) -> int:
    """Write pages for an annotation tool; return how many were written.

    ``format`` is one of :data:`FORMATS`. Labels are renamed back to the user's through ``label_map``.
    Label Studio gets a JSON array whose spans are ``predictions`` (``as_predictions=False``: annotations);
    the others get JSON lines. ``target`` is a path, ``"-"`` for standard output, or an open text stream.
    Span scores come from ``page.meta["scores"]`` (see :func:`predicted_page`).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown annotation format {format!r}; expected one of {', '.join(FORMATS)}")
    labels = parse_label_map(label_map)
    count = 0
    array = format == labelstudio.NAME
    with _opened(target) as handle:
        handle.write("[\n" if array else "")
        for row in _rows(pages, format, labels, as_predictions):
            handle.write((",\n" if array and count else "") + json.dumps(row, ensure_ascii=False))
            handle.write("" if array else "\n")
            count += 1
        handle.write("\n]\n" if array else "")
    return count
