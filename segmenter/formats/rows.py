"""The records of an export file: a JSON array (Label Studio) or JSON lines (doccano, Prodigy, ours)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from segmenter.pages import AnnotationError, iter_json_lines


def _first_char(path: Path) -> str:
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                return line.lstrip()[0]
    return ""


def iter_rows(path: str | Path) -> Iterator[tuple[str, dict]]:
    """Yield ``(where, record)`` for every JSON object of ``path``.

    ``where`` names the record for messages: ``path:LINE`` in JSON lines, ``path[INDEX]`` in an array.
    Raises :class:`AnnotationError` on unreadable files, invalid JSON and records that are not objects.
    """
    path = Path(path)
    try:
        if _first_char(path) == "[":
            yield from _array_rows(path)
        else:
            yield from _line_rows(path)
    except UnicodeDecodeError:
        raise AnnotationError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise AnnotationError(f"{path}: {err.strerror or err}") from None


def _array_rows(path: Path) -> Iterator[tuple[str, dict]]:
    try:
        items = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as err:
        raise AnnotationError(f"{path}: invalid JSON at line {err.lineno} ({err.msg})") from None
    for index, item in enumerate(items):
        yield _checked(f"{path}[{index}]", item)


def _line_rows(path: Path) -> Iterator[tuple[str, dict]]:
    for where, item in iter_json_lines(path, encoding="utf-8-sig"):
        yield _checked(where, item)


def _checked(where: str, item: object) -> tuple[str, dict]:
    if not isinstance(item, dict):
        raise AnnotationError(f"{where}: expected a JSON object, got {type(item).__name__}")
    return where, item
