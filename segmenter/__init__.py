"""segmenter: split forum pages into news, press releases, users' opinions and forum chrome.

>>> from segmenter import Segmenter
>>> seg = Segmenter.load()              # the bundled model
>>> for s in seg.segment(page_text):    # doctest: +SKIP
...     print(s.label, s.start, s.end, s.score)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

#: Where each public name lives. They are imported on first use, so that a process which only reads
#: and writes pages (the command line's parent process, ``segmenter --help``) never loads scikit-learn.
_EXPORTS = {
    "Block": "segmenter.blocks",
    "split_blocks": "segmenter.blocks",
    "LABELS": "segmenter.labels",
    "AnnotatedPage": "segmenter.pages",
    "Span": "segmenter.pages",
    "read_annotated": "segmenter.pages",
    "Segmenter": "segmenter.segmenter",
    "Segment": "segmenter.segments",
}

__all__ = [
    "LABELS", "AnnotatedPage", "Block", "Segment", "Segmenter", "Span", "__version__", "read_annotated", "split_blocks",
]

if TYPE_CHECKING:
    from segmenter.blocks import Block, split_blocks
    from segmenter.labels import LABELS
    from segmenter.pages import AnnotatedPage, Span, read_annotated
    from segmenter.segmenter import Segmenter
    from segmenter.segments import Segment


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'segmenter' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
