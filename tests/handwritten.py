"""Hand-written forum pages for the tests: every line here was written for this project."""

from __future__ import annotations

from segmenter.pages import AnnotatedPage, Span

CHROME = ["Forum index > World affairs", "quietbadger", "Joined Mar 3, 2019", "Messages 1,204", "Reply"]
NEWS = [
    "Ferry service resumes across the northern strait",
    "By Lena Vork, Staff Correspondent",
    "HARBOURTON (Wire) -- Ferry operators restarted crossings on Monday after a week of storms, officials said.",
    "The port authority said in a statement that inspections found no damage to the main piers.",
    "Traffic is expected to return to normal by Thursday, a spokesman told reporters.",
]
RELEASE = [
    "MINISTRY OF COASTAL AFFAIRS",
    "For Immediate Release",
    "The Ministry welcomes the resumption of ferry services and reaffirms its commitment to safe crossings.",
    "We will continue to work with our partners to strengthen the resilience of the national fleet.",
    "###",
]
OPINION = [
    "Honestly I think this is great news, about time they fixed it.",
    "You really believe the piers were fine? I doubt it lol.",
    "My cousin works there and says it was chaos all week!",
]


def compose(parts: list[tuple[str, list[str]]], page_id: str) -> AnnotatedPage:
    """Join labelled groups of lines into a page (blank line between lines) with exact spans."""
    text, spans = "", []
    for label, lines in parts:
        for line in lines:
            if text:
                text += "\n\n"
            spans.append(Span(len(text), len(text) + len(line), label))
            text += line
    return AnnotatedPage(page_id, text, tuple(spans))


def tiny_pages() -> list[AnnotatedPage]:
    """Twelve small pages mixing the four kinds of text in different orders."""
    pages = []
    layouts = [
        [("boilerplate", CHROME), ("news", NEWS), ("opinion", OPINION), ("boilerplate", ["Reply"])],
        [("boilerplate", CHROME[:3]), ("opinion", OPINION[:1]), ("press_release", RELEASE), ("opinion", OPINION[1:])],
        [("boilerplate", CHROME), ("opinion", OPINION), ("news", NEWS[2:]), ("boilerplate", CHROME[-1:])],
        [("boilerplate", CHROME[:2]), ("press_release", RELEASE), ("opinion", OPINION[2:]), ("news", NEWS)],
    ]
    for k in range(12):
        pages.append(compose(layouts[k % len(layouts)], f"tiny-{k}"))
    return pages
