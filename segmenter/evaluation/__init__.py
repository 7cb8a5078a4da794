"""Evaluating segmentations against gold pages: character scores, boundary metrics, calibration, errors.

>>> from segmenter.evaluation import evaluate_pages, read_predictions, render_text
>>> from segmenter.pages import read_annotated
>>> gold = list(read_annotated("dev.jsonl"))                               # doctest: +SKIP
>>> print(render_text(evaluate_pages(gold, read_predictions("pred.jsonl"))))  # doctest: +SKIP
"""

from segmenter.evaluation.alignment import COLUMNS, NONE, PredictedSegment
from segmenter.evaluation.boundaries import BoundaryScores, PageWindows, half_mean_segment_length, page_windows
from segmenter.evaluation.calibration import HIGH_CONFIDENCE, Calibration, ScoreBin
from segmenter.evaluation.errors import MislabelledLine, PageErrors, error_listing, mislabelled_lines, worst_pages
from segmenter.evaluation.evaluate import Evaluation, evaluate_pages
from segmenter.evaluation.predictions import read_predictions
from segmenter.evaluation.report import render_json, render_text
from segmenter.evaluation.scores import LabelScore, PageScore, Report, score_pages

__all__ = [
    "COLUMNS",
    "HIGH_CONFIDENCE",
    "NONE",
    "BoundaryScores",
    "Calibration",
    "Evaluation",
    "LabelScore",
    "MislabelledLine",
    "PageErrors",
    "PageScore",
    "PageWindows",
    "PredictedSegment",
    "Report",
    "ScoreBin",
    "error_listing",
    "evaluate_pages",
    "half_mean_segment_length",
    "mislabelled_lines",
    "page_windows",
    "read_predictions",
    "render_json",
    "render_text",
    "score_pages",
    "worst_pages",
]
