"""The four labels of the annotation contract (see the README's "Labels" section)."""

from typing import Final

NEWS: Final = "news"
PRESS_RELEASE: Final = "press_release"
OPINION: Final = "opinion"
BOILERPLATE: Final = "boilerplate"

#: Every label, in the fixed order used for model columns.
LABELS: Final[tuple[str, ...]] = (NEWS, PRESS_RELEASE, OPINION, BOILERPLATE)
#: The labels whose mean F1 is the project's headline figure (macro-F1).
MISSION_LABELS: Final[tuple[str, ...]] = (NEWS, PRESS_RELEASE, OPINION)


def check_label(label: str) -> str:
    """Return ``label`` if it is one of :data:`LABELS`, else raise ``ValueError``."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    return label
