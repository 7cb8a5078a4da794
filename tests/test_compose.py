"""Composing labelled training pages from a corpus folder (a tiny corpus written by these tests)."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from segmenter.cli import main
from segmenter.compose import STYLES, Corpus, compose_pages
from segmenter.compose.page import PageBuilder, slice_page
from segmenter.labels import BOILERPLATE, LABELS, NEWS, OPINION, PRESS_RELEASE
from segmenter.pages import AnnotatedPage, read_annotated

_NEWS_BODY = [
    "The city council of Brookhaven voted on Tuesday to close the old river bridge for repairs, officials said.",
    "The bridge, built in 1931, carries about 12,000 vehicles a day, according to a report by the state "
    "transport department. Engineers found cracks in two of its supports last month.",
    "\"We cannot wait for a failure,\" said the council's chairwoman, Dana Pell. \"Safety comes first.\"",
    "Local businesses said the closure, expected to last eight months, would hurt trade. A detour will run "
    "through the industrial district, the council said in a statement.",
]
_RELEASE_BODY = [
    "The Department of Parks announced today the opening of three new public trails in the northern valley.",
    "The trails were built with funds from the regional recreation program and volunteers from local clubs. "
    "They add eleven miles of paths for walkers, riders and families.",
    "\"These trails belong to everyone,\" the Director of Parks said. \"We thank the volunteers who made them.\"",
    "The trails open at sunrise on Saturday. Maps are available at every visitor centre.",
]
_OWN_WORDS = [
    "I really don't think closing the bridge will fix anything. They should have repaired it years ago.",
    "You always say that. My commute is going to double and nobody at the council cares.",
    "Honestly I'm glad they're doing it. I drive over that thing every day and it shakes.",
    "Does anyone know if the detour will be open at night? I work late shifts.",
]


def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    news = [{"id": f"n{k}", "label": NEWS, "issuer": "Valley Gazette", "title": f"Council closes bridge {k}",
             "date": f"2019-05-0{k + 1}", "text": "\n\n".join(_NEWS_BODY[k:] + _NEWS_BODY[:k])}
            for k in range(3)]
    releases = [{"id": f"r{k}", "label": PRESS_RELEASE, "issuer": "Department of Parks",
                 "title": "New trails open" if k else None, "date": "2021-03-04",
                 "text": "\n\n".join(_RELEASE_BODY[k:] + _RELEASE_BODY[:k])} for k in range(3)]
    pasted = ("Officials said on Monday that the dam upstream of the town would be inspected next week, "
              "according to a statement from the water board. The board said the inspection was routine "
              "and that no problems had been reported by engineers during the spring season.")
    reply = "Typical council. They never plan ahead, do they? I give it a year before it closes again."
    thread_text = pasted + "\n \n " + _OWN_WORDS[0]
    forum_thread = {
        "id": "t1", "label": OPINION, "title": "Board Name -  Bridge closure", "forum": "Local News",
        "text": thread_text,
        "posts": [
            {"post_id": 1, "author": "alpha", "parent": None, "text": thread_text,
             "quotes": [[0, len(pasted), None]]},
            {"post_id": 2, "author": "beta", "parent": 1, "text": _OWN_WORDS[0] + "\n \n " + reply,
             "quotes": [[0, len(_OWN_WORDS[0]), "alpha"]]},
            {"post_id": 3, "author": "gamma", "parent": 2, "text": _OWN_WORDS[1], "quotes": []},
            {"post_id": 4, "author": "alpha", "parent": 3, "text": _OWN_WORDS[2] + "\n" + _OWN_WORDS[3],
             "quotes": []},
        ],
    }
    comments = [
        {"id": "c1", "label": OPINION, "title": "Bridge to close for eight months",
         "text": ">The bridge, built in 1931, carries about 12,000 vehicles a day, officials said.\n\n"
                 "Eight months for a bridge? Wow.", "contains_blockquote": True},
        {"id": "c2", "label": OPINION, "title": "Bridge to close for eight months", "text": _OWN_WORDS[3]},
        {"id": "c3", "label": OPINION, "title": "Bridge to close for eight months",
         "text": "[Local paper](https://example.org/bridge)\n\nGood, about time."},
    ]
    _write(root / "news" / "gazette.jsonl.gz", news)
    _write(root / "press_release" / "parks.jsonl.gz", releases)
    _write(root / "opinion" / "forum_threads.jsonl.gz", [forum_thread])
    _write(root / "opinion" / "comments.jsonl.gz", comments)
    return root


def _lines_with_labels(page: AnnotatedPage):
    labels = page.char_labels()
    position = 0
    for line in page.text.split("\n"):
        found = {labels[position + i] for i, c in enumerate(line) if not c.isspace()}
        yield line, found
        position += len(line) + 1


def assert_valid(page: AnnotatedPage) -> None:
    previous_end = 0
    for span in page.spans:
        assert previous_end <= span.start < span.end <= len(page.text)
        assert span.label in LABELS
        previous_end = span.end
    for line, found in _lines_with_labels(page):
        assert None not in found, f"{page.id}: uncovered character in {line!r}"
        assert len(found) <= 1, f"{page.id}: two labels in {line!r}"


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("slice_share", [0.0, 1.0])
def test_every_style_renders_valid_pages(corpus_dir, style, slice_share):
    pages = list(compose_pages(corpus_dir, 12, seed=3, styles=[style], slice_share=slice_share))
    assert len(pages) == 12
    for page in pages:
        assert page.text.strip()
        assert page.source == f"composed:{style}"
        assert_valid(page)


def test_same_seed_same_pages_other_seed_other_pages(corpus_dir):
    first = [p.to_json() for p in compose_pages(corpus_dir, 20, seed=7)]
    again = [p.to_json() for p in compose_pages(corpus_dir, 20, seed=7)]
    other = [p.to_json() for p in compose_pages(corpus_dir, 20, seed=8)]
    assert first == again
    assert first != other


def test_page_depends_only_on_seed_and_index(corpus_dir):
    short = [p.to_json() for p in compose_pages(corpus_dir, 5, seed=1)]
    long = [p.to_json() for p in compose_pages(corpus_dir, 9, seed=1)]
    assert long[:5] == short


def test_all_labels_occur(corpus_dir):
    seen = set()
    for page in compose_pages(corpus_dir, 60, seed=0):
        seen.update(span.label for span in page.spans)
    assert seen == set(LABELS)


def _label_of_lines(pages, predicate):
    return [(line, found) for page in pages for line, found in _lines_with_labels(page) if predicate(line)]


def test_usenet_headers_and_attributions_are_boilerplate(corpus_dir):
    pages = list(compose_pages(corpus_dir, 30, seed=2, styles="usenet"))
    headers = _label_of_lines(pages, lambda line: line.startswith(("From: ", "Subject: ", "Lines: ")))
    assert len(headers) >= 90
    assert all(found == {BOILERPLATE} for _, found in headers)
    attributions = _label_of_lines(pages, lambda line: line.lstrip(">|: ").startswith("In article <"))
    assert all(found == {BOILERPLATE} for _, found in attributions)


def test_release_headers_are_press_release(corpus_dir):
    pages = list(compose_pages(corpus_dir, 80, seed=4, styles=["usenet", "4forums", "xenforo"], slice_share=0))
    headers = _label_of_lines(pages, lambda line: line.strip(" >|:").lower() in (
        "for immediate release", "the white house", "office of the press secretary", "###", "-30-"))
    assert headers
    assert all(found == {PRESS_RELEASE} for _, found in headers)


def test_vbulletin_chrome_and_quotes(corpus_dir):
    pages = list(compose_pages(corpus_dir, 30, seed=5, styles="4forums"))
    chrome = _label_of_lines(pages, lambda line: line.startswith(("Reply With Quote", "Quote: Originally Posted by")))
    assert chrome and all(found == {BOILERPLATE} for _, found in chrome)
    own = _label_of_lines(pages, lambda line: line.strip() in _OWN_WORDS)
    assert own and all(found == {OPINION} for _, found in own)


def test_corpus_reads_pasted_news_inside_opinion(corpus_dir):
    corpus = Corpus(corpus_dir)
    thread = corpus.threads[0]
    kinds = [[piece.kind for piece in post.pieces] for post in thread.posts]
    assert kinds[0] == ["news", "own"]  # a null-author quote that reads as reporting
    assert kinds[1] == ["quote", "own"] and thread.posts[1].pieces[0].author == "alpha"
    comments = corpus.comment_threads[0].posts
    by_kind = {piece.kind: piece.text for post in comments for piece in post.pieces}
    assert by_kind["news"].startswith("The bridge, built in 1931")
    assert by_kind["link"] == "https://example.org/bridge"


def test_corpus_documents_and_draws(corpus_dir):
    corpus = Corpus(corpus_dir)
    assert sorted(corpus.news) == ["gazette"]
    doc = corpus.news_doc(random.Random(0))
    assert doc is not None and doc.label == NEWS and len(doc.paragraphs) == 4
    assert corpus.release_doc(random.Random(0)).label == PRESS_RELEASE
    assert Corpus(corpus_dir / "missing").news_doc(random.Random(0)) is None


def test_unknown_style_is_refused(corpus_dir):
    with pytest.raises(ValueError, match="unknown style 'nntp'"):
        compose_pages(corpus_dir, 1, styles="usenet,nntp")


def test_slice_cuts_both_ends_and_clips_spans():
    builder = PageBuilder()
    for k in range(60):
        builder.line(f"Line number {k} of the chrome", BOILERPLATE)
        builder.line(f"A user says something about item {k}.", OPINION)
    page = builder.build("p1")
    cut = slice_page(page, random.Random(0), 500)
    assert len(cut.text) == 500 and cut.text in page.text
    assert cut.meta["sliced"] is True
    assert_valid(cut)
    assert slice_page(page, random.Random(0), 10**6) is page


def test_builder_spans_merge_runs_and_skip_blank_lines():
    builder = PageBuilder()
    builder.blank()
    builder.line("  Title  ", BOILERPLATE)
    builder.line("first", OPINION)
    builder.blank()
    builder.line("second", OPINION)
    page = builder.build("p2")
    assert page.text == "  Title  \nfirst\n\nsecond\n"
    assert [(s.label, page.text[s.start:s.end]) for s in page.spans] == [
        (BOILERPLATE, "Title"), (OPINION, "first\n\nsecond")]


def test_cli_writes_annotated_pages(corpus_dir, tmp_path):
    out = tmp_path / "composed.jsonl"
    result = CliRunner().invoke(main, ["compose", str(corpus_dir), "-n", "6", "--seed", "1",
                                       "--styles", "usenet,xenforo", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = list(read_annotated(out))
    assert len(pages) == 6
    assert {p.source for p in pages} <= {"composed:usenet", "composed:xenforo"}
    assert "wrote 6 pages" in result.output


def test_cli_refuses_unknown_style_and_empty_folder(corpus_dir, tmp_path):
    result = CliRunner().invoke(main, ["compose", str(corpus_dir), "--styles", "nntp"])
    assert result.exit_code == 2
    assert "unknown style 'nntp'" in result.output
    result = CliRunner().invoke(main, ["compose", str(tmp_path)])
    assert result.exit_code == 1
    assert "no *.jsonl.gz files" in result.output
