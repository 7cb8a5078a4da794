"""Label maps: how the labels of a user's annotation project translate into the four labels.

A map is written ``THEIRS=ours`` pairs, inline (``NEWS=news,PR=press_release``) or in a file, one
pair a line (``#`` starts a comment) or as a JSON object. Labels that are not in the map but already
name one of :data:`~segmenter.labels.LABELS` (``news``, ``NEWS``, ``Press Release``, ``press-release``)
need no entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from segmenter.labels import LABELS
from segmenter.pages import AnnotationError

_SEPARATORS = re.compile(r"[\s\-]+")


def normalise_label(label: str) -> str:
    """``"Press Release"``, ``"PRESS-RELEASE"`` and ``"press_release"`` all become ``"press_release"``."""
    return _SEPARATORS.sub("_", label.strip()).lower()


@dataclass(frozen=True)
class LabelMap:
    """Their label → our label; labels missing from ``mapping`` pass if they already name one of ours."""

    mapping: Mapping[str, str] = field(default_factory=dict)

    def to_ours(self, label: object, where: str) -> str:
        """Our label for ``label``; raise :class:`AnnotationError` naming ``where`` when there is none."""
        if not isinstance(label, str):
            raise AnnotationError(f"{where}: span label {label!r} is not a string")
        if label in self.mapping:
            return self.mapping[label]
        if normalise_label(label) in LABELS:
            return normalise_label(label)
        raise AnnotationError(
            f"{where}: label {label!r} is not one of {', '.join(LABELS)}; "
            f"map it with a label map entry such as '{label}=opinion'"
        )

    def to_theirs(self, label: str) -> str:
        """The first of their labels that maps to our ``label`` (our label itself when none does)."""
        return next((theirs for theirs, ours in self.mapping.items() if ours == label), label)


def _pairs_from_text(text: str, separator: str) -> list[tuple[str, str]]:
    pairs = []
    for item in text.split(separator):
        item = item.split("#", 1)[0].strip() if separator == "\n" else item.strip()
        if not item:
            continue
        theirs, equals, ours = item.rpartition("=")
        if not equals or not theirs.strip():
            hint = "" if separator == "\n" else " (or the path of a label map file)"
            raise ValueError(f"label map: expected THEIRS=ours{hint}, got {item!r}")
        pairs.append((theirs.strip(), ours.strip()))
    return pairs


def parse_label_map(spec: str | Path | Mapping[str, str] | LabelMap | None) -> LabelMap:
    """Build a :class:`LabelMap` from a mapping, a file (pairs or JSON object) or an inline ``A=b,C=d``.

    Raises :class:`ValueError` with a one-line message when the spec is malformed or maps to a label
    that is not one of ours.
    """
    if spec is None:
        return LabelMap()
    if isinstance(spec, LabelMap):
        return spec
    if isinstance(spec, Mapping):
        pairs = list(spec.items())
    elif Path(spec).is_file():
        text = Path(spec).read_text(encoding="utf-8-sig")
        if text.lstrip().startswith("{"):
            try:
                pairs = list(json.loads(text).items())
            except (json.JSONDecodeError, AttributeError) as err:
                raise ValueError(f"label map {spec}: not a JSON object ({err})") from None
        else:
            pairs = _pairs_from_text(text, "\n")
    else:
        pairs = _pairs_from_text(str(spec), ",")
    mapping: dict[str, str] = {}
    for theirs, ours in pairs:
        if not isinstance(ours, str) or normalise_label(ours) not in LABELS:
            raise ValueError(f"label map: {theirs!r} maps to {ours!r}, not one of {', '.join(LABELS)}")
        mapping[str(theirs)] = normalise_label(ours)
    return LabelMap(mapping)
