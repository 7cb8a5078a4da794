"""segmenter: split forum pages into news, press releases, users' opinions and forum chrome.

>>> from segmenter import Segmenter
>>> seg = Segmenter.load()              # the bundled model
>>> for s in seg.segment(page_text):    # doctest: +SKIP
...     print(s.label, s.start, s.end, s.score)
"""

__version__ = "0.1.0"

from segmenter.blocks import Block, split_blocks  # noqa: E402
from segmenter.labels import LABELS  # noqa: E402
from segmenter.pages import AnnotatedPage, Span, read_annotated  # noqa: E402
from segmenter.segmenter import Segmenter  # noqa: E402
from segmenter.segments import Segment  # noqa: E402

__all__ = [
    "LABELS", "AnnotatedPage", "Block", "Segment", "Segmenter", "Span", "__version__", "read_annotated", "split_blocks",
]
