"""The terminal and HTML views, the explanation and the model card, rendered from hand-made inputs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import click
import pytest

from segmenter.segments import Segment
from segmenter.views.explanation import render_explanation
from segmenter.views.html_page import render_html
from segmenter.views.model_card import human_size, render_model_card
from segmenter.views.summary import label_totals
from segmenter.views.terminal import render_page, render_totals, render_view, text_lines

PAGE = "Forum index\n\nTIDEPORT -- Crews reopened the bridge, officials said.\nSo glad. Reply\n"


def _segments(text: str, cuts: list[tuple[str, str, float]]) -> list[Segment]:
    """Segments from (first words, label, score) triples, each running to the start of the next."""
    starts = [text.index(words) for words, _, _ in cuts] + [len(text.rstrip())]
    return [
        Segment(a, len(text[a:b].rstrip()) + a, label, score, text[a:b].rstrip())
        for (_, label, score), a, b in zip(cuts, starts, starts[1:], strict=False)
    ]


SEGMENTS = _segments(
    PAGE,
    [
        ("Forum", "boilerplate", 0.91),
        ("TIDEPORT", "news", 0.8),
        ("So glad", "opinion", 0.6),
        ("Reply", "boilerplate", 0.7),
    ],
)


def _plain(styled: str) -> str:
    return click.unstyle(styled)


# -- terminal -------------------------------------------------------------------------------------


def test_the_terminal_page_names_each_segment_in_the_gutter_and_marks_mid_line_starts():
    lines = [_plain(line) for line in render_page(PAGE, SEGMENTS)]
    assert lines == [
        "boilerplate   0.91 │ Forum index",
        "                   │",
        "news          0.80 │ TIDEPORT -- Crews reopened the bridge, officials said.",
        "opinion       0.60 │ So glad. «boilerplate 0.70» Reply",
    ]


def test_each_label_gets_its_own_colour():
    styled = "\n".join(render_page(PAGE, SEGMENTS))
    news_line = next(line for line in styled.splitlines() if "TIDEPORT" in line)
    assert click.style("TIDEPORT -- Crews reopened the bridge, officials said.", fg="cyan") in news_line
    assert click.style("Forum index", fg="bright_black") in styled


def test_long_lines_wrap_behind_an_empty_gutter():
    text = "word " * 30
    (segment,) = _segments(text, [("word", "opinion", 0.5)])
    lines = [_plain(line) for line in render_page(text, [segment], width=60)]
    assert len(lines) > 1
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].startswith("opinion       0.50 │ word")
    assert all(line.startswith(" " * 19 + "│ word") for line in lines[1:])
    assert " ".join(line[21:] for line in lines).split() == text.split()


def test_text_lines_keep_every_kind_of_line_break():
    assert text_lines("a\r\nb\rc\n\nd") == [(0, 1), (3, 4), (5, 6), (7, 7), (8, 9)]
    assert text_lines("") == [(0, 0)]


def test_totals_count_segments_and_non_space_characters_per_label():
    totals = {row.label: row for row in label_totals(SEGMENTS)}
    assert (totals["boilerplate"].segments, totals["boilerplate"].chars) == (2, 15)
    assert totals["news"].chars == len("TIDEPORT--Crewsreopenedthebridge,officialssaid.")
    assert totals["press_release"].score is None and totals["press_release"].share == 0
    assert totals["boilerplate"].score == pytest.approx((0.91 * 10 + 0.7 * 5) / 15)
    table = [_plain(line) for line in render_totals(SEGMENTS)]
    assert table[0].split() == ["label", "segments", "characters", "share", "score"]
    assert table[-1].split() == ["total", "4", "69", "100.0%"]


def test_the_whole_view_reads_without_colour():
    view = _plain(render_view("page.txt", PAGE, SEGMENTS, width=80))
    assert view.splitlines()[:2] == ["page.txt", "█ news  █ press_release  █ opinion  █ boilerplate"]
    assert "news          0.80 │ TIDEPORT" in view
    assert "\x1b[" not in view


# -- HTML -----------------------------------------------------------------------------------------


class _Spans(HTMLParser):
    """Collects each ``span.seg``'s attributes and text, and every tag used."""

    def __init__(self) -> None:
        super().__init__()
        self.segments: list[dict] = []
        self.tags: list[str] = []
        self._inside: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "span" and attributes.get("class") == "seg":
            self._inside = {**attributes, "text": ""}

    def handle_data(self, data):
        if self._inside is not None:
            self._inside["text"] += data

    def handle_endtag(self, tag):
        if tag == "span" and self._inside is not None:
            self.segments.append(self._inside)
            self._inside = None


def test_the_html_view_wraps_every_segment_with_its_label_and_score():
    parser = _Spans()
    parser.feed(render_html("page.txt", PAGE, SEGMENTS))
    assert [(s["data-label"], s["data-score"], s["text"]) for s in parser.segments] == [
        (seg.label, f"{seg.score:.2f}", seg.text) for seg in SEGMENTS
    ]
    assert parser.segments[1]["title"] == f"news · score 0.80 · characters {SEGMENTS[1].start}–{SEGMENTS[1].end}"


def test_the_html_view_escapes_page_text_and_title_and_loads_nothing():
    text = 'Look: <script>alert("x")</script> & <img src=x onerror=alert(1)>\n'
    segments = _segments(text, [("Look", "opinion", 0.5)])
    html = render_html('<b>"title"</b>', text, segments)
    parser = _Spans()
    parser.feed(html)
    assert parser.segments[0]["text"] == text.rstrip()
    assert "img" not in parser.tags and parser.tags.count("script") == 1
    assert "&lt;b&gt;&quot;title&quot;&lt;/b&gt;" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)


def test_the_html_legend_and_totals_list_every_label():
    html = render_html("page.txt", PAGE, SEGMENTS)
    for label in ("news", "press_release", "opinion", "boilerplate"):
        assert f'data-show="{label}"' in html
        assert f'<tr data-label="{label}">' in html
    assert "<td>boilerplate</td>" not in html  # the label cell carries a swatch
    assert "4 segments · 69 non-space characters" in html


# -- explanation and model card -------------------------------------------------------------------

EXPLANATION = {
    "block": {"index": 2, "start": 13, "end": 67, "text": "TIDEPORT -- Crews reopened the bridge, officials said."},
    "probabilities": {"news": 0.7, "press_release": 0.1, "opinion": 0.15, "boilerplate": 0.05},
    "decoded_label": "news",
    "contributions": {
        "news": [('word:"officials said"', 1.0, 0.9, 0.9), ("dateline", 1.0, 0.5, 0.5)],
        "press_release": [("dateline", 1.0, -0.2, -0.2)],
        "opinion": [],
        "boilerplate": [("prev1:one_or_two_words", 1.0, 0.3, 0.3)],
    },
    "intercept": {"news": -0.1, "press_release": 0.0, "opinion": 0.2, "boilerplate": 0.1},
    "stage_two": {"news": [("prev1:p:boilerplate", 0.9, -0.4, -0.36)], "press_release": [], "opinion": [],
                  "boilerplate": []},
}


def test_the_explanation_lists_labels_by_probability_with_their_features():
    text = _plain(render_explanation(EXPLANATION, line=3))
    lines = text.splitlines()
    assert lines[0] == "Block 3 · line 3 · characters 13–67"
    assert "Decoded label: news (probability 0.70" in text
    assert [line.split()[0] for line in lines if re.match(r"  [a-z_]+ +0\.\d\d ", line)] == [
        "news", "opinion", "press_release", "boilerplate"
    ]
    assert '+0.900  =   1.000 ×  +0.900   word:"officials said"' in text
    assert "news   intercept -0.100" in text
    assert "(no active feature)" in text
    assert "-0.360  =   0.900 ×  -0.400   prev1:p:boilerplate" in text


def test_the_model_card_shows_known_fields_and_keeps_unknown_ones():
    metadata = {
        "format_version": 1,
        "created": "2024-05-01T12:00:00+00:00",
        "segmenter_version": "0.1.0",
        "sklearn_version": "1.5.0",
        "labels": ["news", "press_release", "opinion", "boilerplate"],
        "features": {"context": {"radii": [3, 8]}, "stacked": True},
        "training_data": {"train.jsonl": {"pages": 66, "blocks": 4000, "weight": 3.0,
                                          "block_labels": {"news": 1000, "opinion": 3000}}},
        "dev_scores": {"dev.jsonl": {"macro_f1": 0.8123456, "accuracy": 0.83, "labels": {"news": {"f1": 0.7}},
                                     "boundaries": {"pk": 0.1, "windowdiff": 0.15}}},
        "composer_seed": 7,
    }
    card = _plain(render_model_card(metadata, "models/x.npz", 1_234_567))
    assert card.splitlines()[0] == "Model           models/x.npz (1.2 MB)"
    assert "Trained with    segmenter 0.1.0, scikit-learn 1.5.0" in card
    assert "context.radii: 3, 8" in card
    assert re.search(r"train\.jsonl +66 +4,000 +3  news 1,000 · opinion 3,000", card)
    assert "dev.jsonl                 0.812    0.830  0.100   0.150  news 0.700" in card
    assert "Composer seed   7" in card


@pytest.mark.parametrize(("size", "shown"), [(512, "512 bytes"), (10_190, "10.2 kB"), (3_400_000, "3.4 MB")])
def test_file_sizes_read_as_people_write_them(size, shown):
    assert human_size(size) == shown
