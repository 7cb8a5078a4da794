"""Reading a prediction file: one JSON object per page, ``{"id", "segments": [{"start", "end", "label"}]}``.

This is what ``segmenter segment`` writes; ``score`` and ``text`` of a segment are optional here. When
an id occurs twice, the later record wins (as in the reference scorer).
"""

from __future__ import annotations

from pathlib import Path

from segmenter.evaluation.alignment import PredictedSegment
from segmenter.pages import AnnotationError, iter_json_lines


def predicted_from_json(row: object, where: str = "record") -> tuple[str, list[PredictedSegment]]:
    """The page id and segments of one decoded prediction record.

    Raises :class:`~segmenter.pages.AnnotationError` naming ``where`` when the record is malformed.
    Labels are not checked: an unknown label scores as uncovered text.
    """
    if not isinstance(row, dict) or "id" not in row:
        raise AnnotationError(f"{where}: expected a JSON object with an 'id'")
    raw_segments = row.get("segments", [])
    if not isinstance(raw_segments, list):
        raise AnnotationError(f"{where}: 'segments' must be a list of {{start, end, label}}")
    segments = []
    for k, raw in enumerate(raw_segments):
        try:
            score = raw.get("score")
            segments.append(PredictedSegment(_offset(raw["start"]), _offset(raw["end"]), str(raw["label"]),
                                             None if score is None else float(score)))
        except (AttributeError, KeyError, TypeError, ValueError) as err:
            raise AnnotationError(f"{where}: segment {k}: {_reason(err)}") from None
    return str(row["id"]), segments


def _offset(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"offset {value!r} is not an integer")
    return value


def _reason(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"missing field {err.args[0]!r}"
    if isinstance(err, AttributeError):
        return "expected an object with start, end and label"
    return str(err)


def read_predictions(path: str | Path) -> dict[str, list[PredictedSegment]]:
    """Map page ids to predicted segments from a prediction JSONL file."""
    path = Path(path)
    predicted: dict[str, list[PredictedSegment]] = {}
    for where, row in iter_json_lines(path):
        page_id, segments = predicted_from_json(row, where)
        predicted[page_id] = segments
    return predicted
