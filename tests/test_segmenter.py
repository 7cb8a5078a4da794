"""The library call: segments honour the output contract."""

import subprocess
import sys

import pytest

from segmenter import Segment
from segmenter.labels import LABELS


def _check_contract(text, segments):
    previous_end = 0
    covered = set()
    for segment in segments:
        assert isinstance(segment, Segment)
        assert previous_end <= segment.start < segment.end <= len(text)
        assert segment.text == text[segment.start : segment.end]
        assert segment.label in LABELS and 0.0 <= segment.score <= 1.0
        covered.update(range(segment.start, segment.end))
        previous_end = segment.end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_segment_labels_a_page_the_way_a_reader_would(tiny_segmenter, sample_page_text):
    segments = tiny_segmenter.segment(sample_page_text)
    _check_contract(sample_page_text, segments)
    assert [s.label for s in segments] == ["boilerplate", "news", "opinion"]
    for neighbour_a, neighbour_b in zip(segments, segments[1:], strict=False):
        assert neighbour_a.label != neighbour_b.label


def test_segment_many_matches_segment(tiny_segmenter, sample_page_text):
    pages = [sample_page_text, "", "just one line from a user, I think", sample_page_text[::-1]]
    lazy = tiny_segmenter.segment_many(iter(pages), batch_pages=3)
    assert next(lazy) == tiny_segmenter.segment(pages[0])
    assert list(lazy) == [tiny_segmenter.segment(p) for p in pages[1:]]


def test_empty_and_blank_pages(tiny_segmenter):
    assert tiny_segmenter.segment("") == []
    assert tiny_segmenter.segment(" \n\t\r\n") == []


def test_strange_strings_do_not_raise(tiny_segmenter):
    for text in ["\ud800 lone surrogate", "\x00\x00", "é" * 10000, "\r\r\r>\n>>>", "###\n-30-"]:
        _check_contract(text, tiny_segmenter.segment(text))


def test_explain_reports_the_decoded_label(tiny_segmenter, sample_page_text):
    detail = tiny_segmenter.explain(sample_page_text, 0)
    assert detail["decoded_label"] == "boilerplate"
    assert abs(sum(detail["probabilities"].values()) - 1.0) < 1e-6
    assert detail["block"]["text"] == sample_page_text.splitlines()[0]


def test_huge_pages_are_classified_window_by_window(tiny_segmenter, sample_page_text, monkeypatch):
    import segmenter.segmenter as module

    page = "\n\n".join([sample_page_text] * 12)
    whole = tiny_segmenter.segment(page)
    monkeypatch.setattr(module, "WINDOW_BLOCKS", 20)
    monkeypatch.setattr(module, "WINDOW_OVERLAP", 5)
    windowed = tiny_segmenter.segment(page)
    _check_contract(page, windowed)
    assert [s.label for s in windowed] == [s.label for s in whole]
    together = list(tiny_segmenter.segment_many([page, sample_page_text]))
    assert together == [windowed, tiny_segmenter.segment(sample_page_text)]


def test_segment_blocks_many_takes_given_blocks_and_cuts_the_rest(tiny_segmenter, sample_page_text):
    from segmenter.blocks import split_blocks

    given = split_blocks(sample_page_text)
    results = list(tiny_segmenter.segment_blocks_many([(sample_page_text, given), (sample_page_text, None), ("", [])]))
    assert results[0] == tiny_segmenter.segment_blocks(sample_page_text, given)
    assert results[1] == tiny_segmenter.segment(sample_page_text)
    assert results[2] == []


def test_pages_of_given_blocks_stay_apart_in_a_batch(tiny_segmenter, sample_page_text):
    from segmenter.blocks import split_blocks

    # Given blocks all say page 0, as an HTML page's do; each page must still be classified alone.
    pages = [(sample_page_text, split_blocks(sample_page_text)), ("Reply", split_blocks("Reply"))] * 2
    together = list(tiny_segmenter.segment_blocks_many(pages))
    assert together == [tiny_segmenter.segment_blocks(text, blocks) for text, blocks in pages]


def test_the_documented_names_import_from_the_package():
    import segmenter

    for name in segmenter.__all__:
        assert getattr(segmenter, name) is not None
    from segmenter import Segmenter

    assert hasattr(Segmenter, "load") and hasattr(Segmenter, "segment_many")
    assert set(segmenter.__all__) <= set(dir(segmenter))
    with pytest.raises(AttributeError, match="no attribute 'Segmentr'"):
        segmenter.Segmentr  # noqa: B018


def test_importing_the_package_loads_no_model_code():
    """The command line's parent process and ``--help`` import the package without scikit-learn."""
    script = "import sys, segmenter, segmenter.cli; print('sklearn' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_a_segments_json_has_the_contracts_fields():
    from dataclasses import asdict

    from segmenter.segments import Segment

    segment = Segment(3, 9, "news", 0.5, "abcdef")
    assert segment.to_json() == asdict(segment)
    assert list(segment.to_json()) == ["start", "end", "label", "score", "text"]
