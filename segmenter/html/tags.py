"""Which HTML elements start lines, which are dropped, and which nest: the tag vocabularies."""

from __future__ import annotations


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Block-level elements: each starts and ends a line.
BLOCK_TAGS = _names(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol "
    "optgroup option p plaintext pre section summary table tbody td tfoot th thead title tr ul xmp"
)

#: Elements whose content is not visible text: dropped with everything inside.
SKIPPED_TAGS = _names("script style noscript template head iframe object embed applet canvas audio video map frame")

HEADINGS = _names("h1 h2 h3 h4 h5 h6")

#: Elements whose source newlines are line breaks.
PREFORMATTED = _names("pre textarea listing plaintext xmp")

#: Inline elements that change nothing about a line unless they carry attributes.
PLAIN_INLINE = _names("b i u s em strong span font small big sup sub code tt abbr cite mark q time")

#: Elements that never deepen the parser's stack for long: void elements, elements whose end tag is
#: implied by the next one (``p``, ``li``, ``td``, ...) and elements whose content is raw text.
NOT_NESTING = _names(
    "area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th "
    "thead tbody tfoot caption colgroup rb rt rp script style textarea title xmp iframe noembed noframes "
    "noscript template plaintext"
)
