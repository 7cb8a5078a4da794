"""Composed threads rendered as forum HTML pages: exact labels, the ``html`` field, training and
evaluating through the DOM. Every line of text here was written for these tests."""

from __future__ import annotations

import gzip
import json
import random
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from segmenter.cli import main
from segmenter.cli.evaluate_cmd import segment_pages
from segmenter.compose import compose_pages
from segmenter.compose.html_render import HTML_STYLES, AlignmentError, label_spans, render_html_page
from segmenter.compose.model import Para, Part, Post, Thread, User
from segmenter.formats import read_pages
from segmenter.html import html_to_page
from segmenter.labels import BOILERPLATE, LABELS, NEWS, OPINION, PRESS_RELEASE
from segmenter.pages import AnnotatedPage, AnnotationError, page_blocks, page_from_json, read_annotated, write_annotated
from segmenter.segmenter import Segmenter
from segmenter.segments import Segment
from segmenter.train import TrainingSource, train_segmenter

HEADLINE = "Harbour bridge reopens after months of repairs"
NEWS_BODY = [
    "WESTPORT (Wire) -- The harbour bridge reopened to traffic on Friday after eight months of repairs, "
    "the city's transport office said.",
    "Engineers replaced two corroded supports and resurfaced the deck, the office said in a statement, "
    "adding that the work came in under budget.",
]
RELEASE_BODY = [
    "OFFICE OF THE HARBOUR COMMISSIONER",
    "The Commissioner thanks residents for their patience during the works and confirms that all lanes "
    "are open to traffic from today.",
]
OWN_WORDS = [
    "Finally! I have been driving the long way round since the spring and it doubled my commute.",
    "Under budget? I will believe that when I see the final invoice from the contractors.",
    "My neighbour works on the crew and says the night shifts were brutal but worth it.",
]
QUOTED_NEWS = "Engineers replaced two corroded supports and resurfaced the deck, the office said in a statement."
LINK = "https://news.example.org/harbour-bridge-reopens"


def _user(name: str) -> User:
    return User(name=name, title="Senior Member", joined=datetime(2015, 3, 4), posts=1234, score=56,
                location="Westport")


def hand_thread() -> Thread:
    """A thread with a lead-in, a link, a pasted article, a pasted release, user quotes and a quoted article."""
    alder, birch, cedar = _user("alder_fox"), _user("Birch Owl"), _user("cedarwing")
    first = Post(alder, datetime(2021, 6, 4, 9, 30), [
        Part("text", [Para("Saw this in the local paper this morning:", OPINION)]),
        Part("link", [Para(LINK, BOILERPLATE)]),
        Part("paste", [Para(HEADLINE, NEWS)] + [Para(text, NEWS) for text in NEWS_BODY]),
    ], number=1)
    second = Post(birch, datetime(2021, 6, 4, 10, 5), [
        Part("quote", author=alder, inner=[Part("text", [Para("Saw this in the local paper this morning:", OPINION)])]),
        Part("text", [Para(OWN_WORDS[0], OPINION), Para(OWN_WORDS[1], OPINION)]),
        Part("quote", author=None, inner=[Part("paste", [Para(QUOTED_NEWS, NEWS)])]),
    ], number=2, edited=datetime(2021, 6, 4, 11, 0))
    third = Post(cedar, datetime(2021, 6, 4, 12, 40), [
        Part("text", [Para(OWN_WORDS[2], OPINION)]),
        Part("paste", [Para(text, PRESS_RELEASE) for text in RELEASE_BODY]),
    ], number=3)
    return Thread("Harbour bridge is open again", "Local News", [first, second, third])


def index_thread() -> Thread:
    return Thread("Local News", "Local News", [], index_titles=["Bridge works start in March", "Ferry timetable"])


def labels_of(page: AnnotatedPage, needle: str) -> set[str | None]:
    """The labels of the non-white-space characters of every occurrence of ``needle`` in the page."""
    labels = page.char_labels()
    found: set[str | None] = set()
    start = page.text.find(needle)
    assert start >= 0, f"{needle!r} is not in the page"
    while start >= 0:
        found |= {labels[start + k] for k, char in enumerate(needle) if not char.isspace()}
        start = page.text.find(needle, start + 1)
    return found


def render(style: str, seed: int, thread: Thread | None = None) -> AnnotatedPage:
    return render_html_page(thread or hand_thread(), style, random.Random(seed), f"{style}-{seed}",
                            related=["Council approves new cycle lanes", "Weekend ferry delays"])


@pytest.mark.parametrize("style", sorted(HTML_STYLES))
@pytest.mark.parametrize("seed", range(6))
def test_rendered_page_text_is_the_html_text_and_fully_labelled(style, seed):
    page = render(style, seed)
    assert page.text == html_to_page(page.html)[0]
    labels = page.char_labels()
    assert all(label is not None for label, char in zip(labels, page.text, strict=True) if not char.isspace())
    previous_end = 0
    for span in page.spans:
        assert previous_end <= span.start < span.end <= len(page.text)
        assert span.label in LABELS
        previous_end = span.end


@pytest.mark.parametrize("style", sorted(HTML_STYLES))
@pytest.mark.parametrize("seed", range(4))
def test_rendered_text_keeps_the_labels_the_thread_gave(style, seed):
    page = render(style, seed)
    for text in NEWS_BODY[1:]:
        assert labels_of(page, text) == {NEWS}
    assert labels_of(page, RELEASE_BODY[1]) == {PRESS_RELEASE}
    for text in OWN_WORDS if style != "comments" else OWN_WORDS[:2]:
        assert labels_of(page, text) == {OPINION}
    assert labels_of(page, HEADLINE) == {NEWS}
    if style != "comments":  # an article page shows the article's headline, not the thread's title
        assert labels_of(page, "Harbour bridge is open again") == {BOILERPLATE}
    assert labels_of(page, "cedarwing") == {BOILERPLATE}


@pytest.mark.parametrize("style", sorted(HTML_STYLES))
def test_rendered_pages_carry_structure_tokens(style):
    page = render(style, 1)
    tokens = {token for block in page_blocks(page) for token in block.html}
    assert "in:post" in tokens
    assert any(token.startswith("cls:") for token in tokens)
    assert any(token.startswith("linkdens:") for token in tokens)


@pytest.mark.parametrize("style", sorted(HTML_STYLES))
def test_a_forum_index_page_is_all_chrome(style):
    page = render(style, 2, index_thread())
    assert page.text == html_to_page(page.html)[0]
    assert {span.label for span in page.spans} == {BOILERPLATE}
    assert "Bridge works start in March" in page.text


def test_same_seed_same_page():
    assert render("xenforo", 5).to_json() == render("xenforo", 5).to_json()
    assert render("xenforo", 5).html != render("xenforo", 6).html


def test_label_spans_refuses_text_that_was_not_written():
    assert label_spans("Hello\n\nworld", [("Hello", OPINION), ("world", NEWS)]) == (
        label_spans("Hello\n\nworld", [("Hello", OPINION), ("world", NEWS)]))
    with pytest.raises(AlignmentError):
        label_spans("Hello there", [("Hello", OPINION)])


def test_label_spans_merges_pieces_of_one_label():
    spans = label_spans("User name\nposted", [("User", BOILERPLATE), ("name", BOILERPLATE), ("posted", OPINION)])
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 9, BOILERPLATE), (10, 16, OPINION)]


# -- the html field -------------------------------------------------------------------------------

def test_jsonl_keeps_the_html(tmp_path):
    page = render("phpbb", 3)
    path = tmp_path / "pages.jsonl"
    write_annotated([page, AnnotatedPage("plain", "Just text.", ())], path)
    back = list(read_annotated(path))
    assert back[0] == page
    assert back[0].html == page.html
    assert back[1].html is None and "html" not in back[1].to_json()
    assert next(read_pages(path)).html == page.html


def test_html_must_be_a_string():
    with pytest.raises(AnnotationError, match="'html'"):
        page_from_json({"id": "x", "text": "a", "spans": [], "html": 3})


def test_page_blocks_come_from_the_dom_for_html_pages():
    page = render("discourse", 0)
    blocks = page_blocks(page, page_number=7)
    assert [b.text for b in blocks] == [b.text for b in html_to_page(page.html)[1]]
    assert {b.page for b in blocks} == {7}
    assert all(b.html for b in blocks)
    plain = AnnotatedPage("plain", "One line\nand another", ())
    assert [b.html for b in page_blocks(plain)] == [(), ()]


def test_page_blocks_refuses_html_whose_text_is_not_the_page_text():
    page = render("invision", 0)
    broken = AnnotatedPage(page.id, page.text + "\nmore", page.spans, html=page.html)
    with pytest.raises(ValueError, match="not the text of its 'html'"):
        page_blocks(broken)


# -- training and evaluating through the DOM --------------------------------------------------------

_TINY = {"word_features": 2**12, "edge_features": 2**10, "html_features": 2**8, "stack_folds": 2}


def _html_columns(segmenter: Segmenter) -> np.ndarray:
    model = segmenter.model
    start = model.word_features + model.edge_features
    return model.coef_[:, start : start + model.html_features]


def test_training_on_html_pages_gives_the_structure_features_weight():
    pages = [render(style, seed) for style in sorted(HTML_STYLES) for seed in range(2)]
    trained = train_segmenter([TrainingSource("html", pages)], _TINY)
    assert np.abs(_html_columns(trained)).sum() > 0
    text_only = [AnnotatedPage(p.id, p.text, p.spans) for p in pages]
    assert np.abs(_html_columns(train_segmenter([TrainingSource("text", text_only)], _TINY))).sum() == 0


class _RecordingSegmenter:
    """Records the blocks it is given; labels every block boilerplate."""

    def __init__(self) -> None:
        self.seen = []

    def segment_blocks_many(self, pages):
        for _, blocks in pages:
            self.seen.append(blocks)
            yield [Segment(b.start, b.end, BOILERPLATE, 1.0, b.text) for b in blocks]


def test_evaluation_segments_html_pages_through_their_dom():
    html_page, text_page = render("awful", 0), AnnotatedPage("plain", "Only text here.", ())
    recorder = _RecordingSegmenter()
    predicted = segment_pages(recorder, [html_page, text_page])
    assert set(predicted) == {html_page.id, "plain"}
    assert all(b.html for b in recorder.seen[0])
    assert [b.html for b in recorder.seen[1]] == [()]


def test_evaluate_command_scores_an_html_annotated_page(tmp_path, tiny_model_path):
    gold = tmp_path / "gold.jsonl"
    write_annotated([render("xenforo", 4), render("vbulletin", 4)], gold)
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--model", str(tiny_model_path), "--json"])
    assert result.exit_code == 0, result.output
    assert 0.0 <= json.loads(result.output)["accuracy"] <= 1.0


# -- composing HTML pages -----------------------------------------------------------------------------

def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    _write(root / "news" / "wire.jsonl.gz", [
        {"id": f"n{k}", "label": NEWS, "issuer": "Westport Wire", "title": f"{HEADLINE} ({k})",
         "date": "2021-06-04", "text": "\n\n".join(NEWS_BODY[k:] + NEWS_BODY[:k])} for k in range(2)])
    _write(root / "press_release" / "harbour.jsonl.gz", [
        {"id": "r0", "label": PRESS_RELEASE, "issuer": "Harbour Commissioner", "title": "All lanes open",
         "date": "2021-06-04", "text": "\n\n".join(RELEASE_BODY)}])
    posts = [{"post_id": k, "author": author, "parent": None, "text": text, "quotes": []}
             for k, (author, text) in enumerate(zip(("ash", "elm", "oak"), OWN_WORDS, strict=True), 1)]
    _write(root / "opinion" / "threads.jsonl.gz", [
        {"id": "t1", "label": OPINION, "title": "Bridge works", "forum": "Local News", "text": "", "posts": posts}])
    return root


def test_html_share_adds_html_pages_to_the_same_text_pages(corpus_dir):
    pages = list(compose_pages(corpus_dir, 24, seed=2, html_share=0.5))
    html_pages = [p for p in pages if p.html is not None]
    assert 4 <= len(html_pages) <= 20
    for page in html_pages:
        assert page.text == html_to_page(page.html)[0]
        assert page.meta["style"] in HTML_STYLES
        assert page.id.endswith("-html")
    plain = [p.to_json() for p in compose_pages(corpus_dir, 24, seed=2)]
    assert [p.to_json() for p in pages if p.html is None] == plain
    assert [p.to_json() for p in compose_pages(corpus_dir, 24, seed=2, html_share=0.5)] == [p.to_json() for p in pages]


def test_html_share_needs_a_style_with_html(corpus_dir):
    assert all(p.html is None for p in compose_pages(corpus_dir, 6, seed=0, styles="usenet", html_share=1.0))


def test_compose_and_train_commands_take_html_share(corpus_dir, tmp_path):
    out = tmp_path / "composed.jsonl"
    result = CliRunner().invoke(main, ["compose", str(corpus_dir), "-n", "4", "--html-share", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 8
    html_rows = [row for row in rows if "html" in row]
    assert len(html_rows) == 4
    assert all(row["text"] == html_to_page(row["html"])[0] for row in html_rows)
    model = tmp_path / "m.npz"
    result = CliRunner().invoke(main, ["train", "--corpus", str(corpus_dir), "--composed", "6", "--html-share", "1",
                                       "--no-stack", "-o", str(model)])
    assert result.exit_code == 0, result.output
    trained = Segmenter.load(model)
    assert trained.metadata["composed_html_share"] == 1.0
    assert np.abs(_html_columns(trained)).sum() > 0
