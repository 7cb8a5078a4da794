"""A model's card, rendered: what it is, what it was trained on, how it scored.

The card is the model file's stored metadata (``Segmenter.metadata``). Known entries are laid out by
hand; anything else the trainer recorded is listed after them, so nothing stored is hidden.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

import click

_KNOWN = {"format_version", "created", "segmenter_version", "sklearn_version", "python_version", "labels",
          "features", "training_data", "dev_scores"}
_KEY_WIDTH = 16
_WIDTH = 96


def human_size(size: int) -> str:
    """``1234567`` → ``"1.2 MB"``."""
    value = float(size)
    for unit in ("bytes", "kB", "MB"):
        if value < 1000 or unit == "MB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"  # pragma: no cover - unreachable


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return ", ".join(map(_value, value))
    return str(value)


def _flat(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """``{"a": {"b": 1}}`` → ``("a.b", "1")``."""
    if isinstance(value, dict) and value:
        for key, inner in value.items():
            yield from _flat(inner, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, _value(value)


def _field(name: str, lines: list[str], wrap: bool = True) -> Iterator[str]:
    wrapped = lines or ["–"]
    if wrap:
        wrapped = [piece for line in wrapped for piece in textwrap.wrap(line, _WIDTH, subsequent_indent="  ")]
    yield click.style(f"{name:<{_KEY_WIDTH}}", bold=True) + (wrapped[0] if wrapped else "")
    for line in wrapped[1:]:
        yield " " * _KEY_WIDTH + line


def _training(data: dict) -> list[str]:
    rows = [f"{'source':<28} {'pages':>6} {'blocks':>8} {'weight':>6}  block labels"]
    for name, facts in data.items():
        facts = facts if isinstance(facts, dict) else {"pages": facts}
        labels = facts.get("block_labels") or {}
        spread = " · ".join(f"{label} {count:,}" for label, count in labels.items())
        rows.append(f"{name:<28} {facts.get('pages', 0):>6,} {facts.get('blocks', 0):>8,} "
                    f"{_value(facts.get('weight', '')):>6}  {spread}")
    return rows


def _dev_scores(scores: dict) -> list[str]:
    """One table row per scored gold file: the headline figures (``segmenter info --json`` has them all)."""
    rows = [f"{'gold file':<22} {'macro-F1':>8} {'accuracy':>8} {'Pk':>6} {'WinDiff':>7}  F1 per label"]
    for name, report in scores.items():
        labels = report.get("labels", {})
        per_label = " · ".join(f"{label} {facts.get('f1', 0):.3f}" for label, facts in labels.items())
        boundaries = report.get("boundaries", {})
        rows.append(f"{name:<22} {report.get('macro_f1', 0):>8.3f} {report.get('accuracy', 0):>8.3f} "
                    f"{boundaries.get('pk', 0):>6.3f} {boundaries.get('windowdiff', 0):>7.3f}  {per_label}")
    return rows


def render_model_card(metadata: dict, path: str, size: int) -> str:
    """The card as aligned text: file, format, versions, labels, features, training data, the rest."""
    versions = ", ".join(
        f"{name} {metadata[key]}"
        for name, key in (("segmenter", "segmenter_version"), ("scikit-learn", "sklearn_version"),
                          ("Python", "python_version"))
        if key in metadata
    )
    out = [
        *_field("Model", [f"{path} ({human_size(size)})"]),
        *_field("Format version", [_value(metadata.get("format_version", "–"))]),
        *_field("Created", [_value(metadata.get("created", "–"))]),
        *_field("Trained with", [versions or "–"]),
        *_field("Labels", [_value(metadata.get("labels", "–"))]),
        *_field("Features", [f"{key}: {value}" for key, value in _flat(metadata.get("features", {}))]),
        *_field("Training data", _training(metadata.get("training_data") or {}), wrap=False),
        *_field("Dev scores", _dev_scores(metadata.get("dev_scores") or {}), wrap=False),
    ]
    for key, value in metadata.items():
        if key not in _KNOWN:
            lines = [f"{name}: {text}" if name else text for name, text in _flat(value)]
            out += _field(key.replace("_", " ").capitalize(), lines)
    return "\n".join(out)
