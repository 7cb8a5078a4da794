"""Feature families, one transformer each, over lists of :class:`~segmenter.blocks.Block`.

- :mod:`~segmenter.features.lexical`: hashed word n-grams, line-edge tokens and HTML structure tokens;
- :mod:`~segmenter.features.designed`: hand-designed cues that carry across sites and eras;
- :mod:`~segmenter.features.context`: the neighbours' designed cues and repeated (quoted) blocks.
"""

from segmenter.features.context import ContextFeatures
from segmenter.features.designed import DesignedFeatures
from segmenter.features.lexical import LexicalFeatures

__all__ = ["ContextFeatures", "DesignedFeatures", "LexicalFeatures"]
