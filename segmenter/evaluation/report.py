"""Rendering an evaluation for people (aligned text tables) and for programs (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from segmenter.evaluation.alignment import COLUMNS
from segmenter.evaluation.calibration import HIGH_CONFIDENCE, Calibration
from segmenter.evaluation.errors import PageErrors
from segmenter.evaluation.evaluate import Evaluation
from segmenter.evaluation.scores import Report
from segmenter.labels import LABELS

#: How many ids of pages without a prediction the text report names.
MISSING_LISTED = 10


def _figure(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows aligned in columns: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in [header, *rows]]


def render_scores(report: Report) -> list[str]:
    """Per-label table and the headline figures."""
    rows = [[label, _figure(s.precision), _figure(s.recall), _figure(s.f1), f"{s.support:,}"]
            for label, s in report.labels.items()]
    mission = ", ".join(report.mission_labels) or "none present"
    missing = report.missing
    listed = ", ".join(missing[:MISSING_LISTED]) + (", ..." if len(missing) > MISSING_LISTED else "")
    return [
        f"pages {len(report.pages)}, missing {len(missing)}, scored characters {report.chars:,}",
        *([f"no prediction for: {listed}"] if missing else []),
        "",
        *_table(["label", "precision", "recall", "F1", "support"], rows),
        "",
        f"character accuracy   {_figure(report.accuracy)}",
        f"page-mean accuracy   {_figure(report.page_mean_accuracy)}",
        f"macro-F1             {_figure(report.macro_f1)}  (over {mission})",
    ]


def render_boundaries(evaluation: Evaluation) -> list[str]:
    """Pk and WindowDiff with the window size stated."""
    b = evaluation.boundaries
    return [
        f"boundaries over lines: k = half the mean gold segment length per page (mean k {_figure(b.mean_k, 1)}, "
        f"{b.windows:,} windows on {b.pages} pages)",
        f"Pk                   {_figure(b.pk)}",
        f"WindowDiff           {_figure(b.windowdiff)}",
    ]


def render_confusion(report: Report) -> list[str]:
    """Gold x predicted character counts."""
    rows = [[gold, *(f"{int(n):,}" for n in report.confusion[g])] for g, gold in enumerate(LABELS)]
    return ["confusion (characters; rows gold, columns predicted, none = uncovered)",
            *_table(["gold \\ predicted", *COLUMNS], rows)]


def render_calibration(calibration: Calibration) -> list[str]:
    """The reliability table, the confident-segment check and the ECE."""
    rows = []
    for i, b in enumerate(calibration.bins):
        closing = "]" if i == len(calibration.bins) - 1 else ")"
        rows.append([f"[{b.low:.1f}, {b.high:.1f}{closing}", f"{b.segments:,}", f"{b.chars:,}",
                     _figure(b.mean_score), _figure(b.accuracy)])
    confident = calibration.confident()
    share = "-" if confident.accuracy is None else f"{100 * confident.accuracy:.1f}%"
    return [
        "reliability of segment scores",
        *_table(["score", "segments", "characters", "mean score", "right"], rows),
        f"segments scored >= {HIGH_CONFIDENCE}: right on {share} of their characters "
        f"({confident.segments:,} segments)",
        f"expected calibration error {_figure(calibration.ece)}",
    ]


def render_errors(listing: Sequence[PageErrors]) -> list[str]:
    """The worst pages, each with its mislabelled lines."""
    lines = [f"worst {len(listing)} pages by character accuracy"]
    for entry in listing:
        note = " (no prediction)" if entry.page.missing else ""
        lines.append(f"{entry.page.id}: accuracy {_figure(entry.page.accuracy)} over "
                     f"{entry.page.chars:,} characters{note}")
        for line in entry.lines:
            score = "" if line.score is None else f" {line.score:.2f}"
            lines.append(f"  line {line.line}: {line.gold} -> {line.predicted}{score}  {line.text}")
    return lines


def render_text(evaluation: Evaluation, errors: Sequence[PageErrors] | None = None) -> str:
    """The whole evaluation as readable text (``errors`` adds the worst pages)."""
    sections = [render_scores(evaluation.scores), render_boundaries(evaluation),
                render_confusion(evaluation.scores), render_calibration(evaluation.calibration)]
    if errors is not None:
        sections.append(render_errors(errors))
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def render_json(evaluation: Evaluation, errors: Sequence[PageErrors] | None = None) -> str:
    """The whole evaluation as one JSON document (``errors`` adds a ``worst_pages`` list)."""
    data = evaluation.to_json()
    if errors is not None:
        data["worst_pages"] = [entry.to_json() for entry in errors]
    return json.dumps(data, ensure_ascii=False, indent=2)
