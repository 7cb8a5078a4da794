"""Tests of segmenter.evaluation and `segmenter evaluate` on tiny pages written for these tests."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from click.testing import CliRunner

from segmenter.evaluation import (
    BoundaryScores,
    PageWindows,
    evaluate_pages,
    half_mean_segment_length,
    mislabelled_lines,
    page_windows,
    read_predictions,
    render_text,
    score_pages,
    worst_pages,
)
from segmenter.evaluation.calibration import bin_index
from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage, AnnotationError, Span, write_annotated
from segmenter.segments import Segment


def make_page(page_id: str, lines: list[tuple[str, str]]) -> AnnotatedPage:
    """A page from ``(label, line)`` pairs; each non-blank line's stripped text is one gold span."""
    spans, position = [], 0
    for label, line in lines:
        if line.strip():
            start = position + len(line) - len(line.lstrip())
            spans.append(Span(start, position + len(line.rstrip()), label))
        position += len(line) + 1
    return AnnotatedPage(page_id, "\n".join(line for _, line in lines), tuple(spans))


def seg(start: int, end: int, label: str, score: float | None = None) -> dict:
    return {"start": start, "end": end, "label": label, "score": score}


# A page of two lines: 8 news characters, then 8 opinion characters.
TWO_LINES = make_page("two", [("news", "abcd efgh"), ("opinion", "ijkl mnop")])


# --- character scores -------------------------------------------------------------------------------


def test_known_precision_recall_f1_and_macro():
    report = score_pages([TWO_LINES], {"two": [seg(0, 19, "news")]})
    news, opinion = report.labels["news"], report.labels["opinion"]
    assert (news.precision, news.recall, news.support) == (0.5, 1.0, 8)
    assert news.f1 == pytest.approx(2 / 3)
    assert (opinion.precision, opinion.recall, opinion.f1, opinion.support) == (0.0, 0.0, 0.0, 8)
    assert report.mission_labels == ("news", "opinion")
    assert report.macro_f1 == pytest.approx(1 / 3)
    assert report.accuracy == 0.5
    assert report.chars == 16


def test_perfect_prediction_scores_one_and_ignores_absent_labels():
    gold = [{"start": s.start, "end": s.end, "label": s.label} for s in TWO_LINES.spans]
    report = score_pages([TWO_LINES], {"two": gold})
    assert report.accuracy == report.macro_f1 == report.page_mean_accuracy == 1.0
    assert report.labels["press_release"].support == 0
    assert report.passes(1.0)


def test_white_space_never_counts():
    page = make_page("ws", [("news", "ab\u00a0cd\u2003ef"), ("", "   "), ("opinion", "gh")])
    # Every white-space character is predicted wrong; no figure may move.
    whitespace = [seg(i, i + 1, "boilerplate") for i, char in enumerate(page.text) if char.isspace()]
    labels = [seg(0, 8, "news"), seg(8, len(page.text), "opinion")]
    report = score_pages([page], {"ws": labels + whitespace})
    assert report.accuracy == 1.0
    assert report.chars == 8
    assert report.labels["boilerplate"].precision == 0.0
    assert report.confusion[:, LABELS.index("boilerplate")].sum() == 0


def test_missing_page_counts_all_its_characters_as_missed():
    other = make_page("other", [("opinion", "qrst")])
    report = score_pages([TWO_LINES, other], {"two": [seg(0, 9, "news"), seg(10, 19, "opinion")]})
    assert report.missing == ["other"]
    assert [(p.id, p.accuracy, p.missing) for p in report.pages] == [("two", 1.0, False), ("other", 0.0, True)]
    assert report.accuracy == 16 / 20
    assert report.page_mean_accuracy == 0.5
    assert report.labels["opinion"].recall == 8 / 12
    assert not report.passes(0.0)


def test_uncovered_and_unknown_labels_go_to_the_none_column():
    report = score_pages([TWO_LINES], {"two": [seg(0, 4, "news"), seg(10, 19, "gossip")]})
    assert report.confusion.tolist() == [
        [4, 0, 0, 0, 4],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 8],
        [0, 0, 0, 0, 0],
    ]
    assert report.labels["news"].precision == 1.0  # uncovered text is no false positive
    assert report.to_json()["confusion"]["opinion"]["none"] == 8


def test_later_segments_win_and_offsets_are_clipped():
    segments = [seg(-10, 100, "opinion"), seg(0, 9, "news")]
    report = score_pages([TWO_LINES], {"two": segments})
    assert report.accuracy == 1.0


def test_page_without_scored_characters_has_accuracy_zero():
    blank = AnnotatedPage("blank", "  \n ", ())
    report = score_pages([TWO_LINES, blank], {"two": [seg(0, 19, "news")], "blank": []})
    assert report.pages[1].accuracy == 0.0
    assert report.page_mean_accuracy == 0.25
    assert report.accuracy == 0.5


def test_segment_objects_are_accepted():
    segments = [Segment(0, 9, "news", 0.9, TWO_LINES.text[0:9]), Segment(10, 19, "opinion", 0.8, "")]
    assert score_pages([TWO_LINES], {"two": segments}).accuracy == 1.0


def naive_counts(pages, predicted):
    """Per-character reference: (correct, total) pooled, built the obvious way."""
    correct = total = 0
    for page in pages:
        gold = {i: s.label for s in page.spans for i in range(s.start, s.end)}
        guess = {}
        for s in predicted[page.id]:
            for i in range(max(s["start"], 0), min(s["end"], len(page.text))):
                guess[i] = s["label"]
        for i, char in enumerate(page.text):
            if not char.isspace() and i in gold:
                total += 1
                correct += guess.get(i) == gold[i]
    return correct, total


def random_page(rng: random.Random, page_id: str) -> AnnotatedPage:
    words = ["lorem", "ipsum", " ", "\t", "dolor", "x"]
    lines = [(rng.choice(LABELS), " ".join(rng.choice(words) for _ in range(rng.randint(0, 5))))
             for _ in range(rng.randint(1, 12))]
    return make_page(page_id, lines)


def test_accuracy_matches_a_naive_count_on_random_pages():
    rng = random.Random(7)
    pages = [random_page(rng, f"p{i}") for i in range(40)]
    predicted = {p.id: [seg(rng.randint(-3, len(p.text)), rng.randint(0, len(p.text) + 3), rng.choice(LABELS))
                        for _ in range(rng.randint(0, 6))] for p in pages}
    correct, total = naive_counts(pages, predicted)
    report = score_pages(pages, predicted)
    assert report.chars == total
    assert report.accuracy == correct / max(total, 1)


# --- boundaries -------------------------------------------------------------------------------------


def test_k_is_half_the_mean_gold_segment_length_rounded_half_up():
    assert half_mean_segment_length("AAAAABBBBB") == 3  # mean 5, half 2.5
    assert half_mean_segment_length("AAAABBBB") == 2
    assert half_mean_segment_length("ABAB") == 1  # never below 1


def test_pk_and_windowdiff_by_hand():
    # gold AAA|BBB, predicted AA|BBBB, k = 2: windows see gold 0,1,1,0 and predicted 1,1,0,0 boundaries.
    assert page_windows("AAABBB", "AABBBB") == PageWindows(k=2, windows=4, pk_errors=2, windowdiff_errors=2)
    # gold AAAA|BBBB, predicted AAAA|B|A|BB: window counts gold 0,0,1,1,0,0 and predicted 0,0,1,2,2,1.
    assert page_windows("AAAABBBB", "AAAABABB") == PageWindows(k=2, windows=6, pk_errors=2, windowdiff_errors=3)


def test_perfect_and_degenerate_pages():
    assert page_windows("AABBC", "AABBC").pk_errors == 0
    assert page_windows("A", "B") == PageWindows(1, 0, 0, 0)
    assert page_windows("", "") == PageWindows(1, 0, 0, 0)
    assert BoundaryScores.pool([page_windows("A", "B")]).pk is None
    with pytest.raises(ValueError, match="gold labels"):
        page_windows("AB", "A")


def brute_force(gold: str, predicted: str, k: int) -> tuple[int, int, int]:
    """Pk and WindowDiff the textbook way, window by window."""
    def count(labels, i):
        return sum(labels[j] != labels[j + 1] for j in range(i, i + k))

    windows = pk = wd = 0
    for i in range(len(gold) - k):
        windows += 1
        pk += (count(gold, i) > 0) != (count(predicted, i) > 0)
        wd += count(gold, i) != count(predicted, i)
    return windows, pk, wd


@pytest.mark.parametrize("seed", range(30))
def test_linear_pk_and_windowdiff_agree_with_brute_force(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 60)
    gold = "".join(rng.choice("AAAB") for _ in range(n))
    predicted = "".join(rng.choice("ABC") if rng.random() < 0.3 else g for g in gold)
    for k in (None, 1, 3, n):
        result = page_windows(gold, predicted, k)
        assert (result.windows, result.pk_errors, result.windowdiff_errors) == brute_force(gold, predicted, result.k)


def test_pooling_sums_errors_and_windows_over_pages():
    pooled = BoundaryScores.pool([PageWindows(2, 4, 2, 2), PageWindows(3, 6, 0, 3), PageWindows(1, 0, 0, 0)])
    assert (pooled.pk, pooled.windowdiff, pooled.windows, pooled.pages) == (0.2, 0.5, 10, 2)
    assert pooled.mean_k == 2.5


def test_line_labels_are_the_majority_of_their_characters():
    page = make_page("lines", [("news", "one"), ("news", "two"), ("news", "three"), ("opinion", "four"),
                               ("opinion", "five"), ("opinion", "six")])
    # "three" is 3/5 predicted opinion, so the line moves to opinion: predicted AABBBB vs gold AAABBB.
    three = page.text.index("three")
    predicted = {"lines": [seg(0, three + 2, "news"), seg(three + 2, len(page.text), "opinion")]}
    boundaries = evaluate_pages([page], predicted).boundaries
    assert (boundaries.pk, boundaries.windowdiff, boundaries.mean_k) == (0.5, 0.5, 2)


# --- calibration ------------------------------------------------------------------------------------


def test_bin_edges():
    assert [bin_index(s) for s in (0.0, 0.49, 0.5, 0.59, 0.6, 0.89, 0.9, 1.0, 1.2, -0.1)] == [
        0, 0, 1, 1, 2, 4, 5, 5, 5, 0]


def test_reliability_table_and_headline_check():
    predicted = {"two": [seg(0, 9, "news", 0.95), seg(9, 15, "opinion", 0.55), seg(15, 19, "news", 0.52),
                         seg(0, 0, "news")]}
    calibration = evaluate_pages([TWO_LINES], predicted).calibration
    high, middle = calibration.bins[5], calibration.bins[1]
    assert (high.segments, high.chars, high.accuracy) == (1, 8, 1.0)
    # The 0.55 segment covers 4 opinion characters, the 0.52 one 4 opinion characters labelled news.
    assert (middle.segments, middle.chars, middle.correct) == (2, 8, 4)
    assert middle.mean_score == pytest.approx((0.55 * 4 + 0.52 * 4) / 8)
    assert calibration.ece == pytest.approx((8 * 0.05 + abs(4 - (0.55 * 4 + 0.52 * 4))) / 16)
    assert calibration.confident().accuracy == 1.0
    assert calibration.confident_accuracy_at_least(0.99)
    assert calibration.confident(0.5).accuracy == 12 / 16
    assert not calibration.confident_accuracy_at_least(0.8, threshold=0.5)


# --- errors -----------------------------------------------------------------------------------------


def test_mislabelled_lines_name_line_number_labels_and_score():
    page = make_page("err", [("boilerplate", "Menu"), ("", ""), ("opinion", "I think " + "so " * 40)])
    opinion_start = page.text.index("I think")
    lines = mislabelled_lines(page, [seg(0, 4, "boilerplate", 0.9), seg(opinion_start, len(page.text), "news", 0.7)])
    assert len(lines) == 1
    wrong = lines[0]
    assert (wrong.page_id, wrong.line, wrong.gold, wrong.predicted, wrong.score) == ("err", 3, "opinion", "news", 0.7)
    assert wrong.text.startswith("I think so") and wrong.text.endswith("…") and len(wrong.text) == 80


def test_worst_pages_come_first():
    other = make_page("other", [("opinion", "qrst")])
    report = score_pages([TWO_LINES, other], {"two": [seg(0, 19, "news")], "other": [seg(0, 4, "opinion")]})
    assert [p.id for p in worst_pages(report, 5)] == ["two", "other"]
    assert [p.id for p in worst_pages(report, 1)] == ["two"]


def test_render_text_states_every_section():
    text = render_text(evaluate_pages([TWO_LINES], {"two": [seg(0, 19, "news", 0.9)]}))
    for expected in ("macro-F1", "page-mean accuracy", "Pk", "WindowDiff", "k = half the mean gold segment",
                     "gold \\ predicted", "[0.9, 1.0]", "expected calibration error"):
        assert expected in text


# --- prediction files and the command ---------------------------------------------------------------


@pytest.fixture()
def files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    write_annotated([TWO_LINES, make_page("other", [("opinion", "qrst")])], gold)
    predicted = tmp_path / "pred.jsonl"
    rows = [{"id": "two", "segments": [seg(0, 9, "news", 0.95), seg(10, 19, "news", 0.6)]},
            {"id": "other", "segments": [seg(0, 4, "opinion", 0.99)]}]
    predicted.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return gold, predicted


def test_read_predictions_names_the_bad_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a", "segments": []}\n{"id": "b", "segments": [{"start": 0}]}\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"pred.jsonl:2: segment 0: missing field 'end'"):
        read_predictions(path)


def invoke(*args):
    from segmenter.cli.evaluate_cmd import evaluate

    return CliRunner().invoke(evaluate, [str(a) for a in args])


def test_cli_scores_a_prediction_file(files):
    gold, predicted = files
    result = invoke(gold, "--predictions", predicted, "--errors", "--top", "1")
    assert result.exit_code == 0, result.output
    assert "character accuracy   0.600" in result.output
    assert "worst 1 pages" in result.output
    assert "line 2: opinion -> news 0.60  ijkl mnop" in result.output


def test_cli_json_output(files):
    gold, predicted = files
    result = invoke(gold, "--predictions", predicted, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["accuracy"] == 12 / 20
    assert data["labels"]["opinion"]["recall"] == 4 / 12
    assert data["missing"] == []
    assert data["calibration"]["confident"]["chars"] == 12


def test_cli_bar_sets_the_exit_code(files):
    gold, predicted = files
    assert invoke(gold, "-p", predicted, "--min-macro-f1", "0.5").exit_code == 0
    missed = invoke(gold, "-p", predicted, "--min-macro-f1", "0.9")
    assert missed.exit_code == 1
    assert "macro-F1 0." in missed.output and "below 0.9" in missed.output


def test_cli_reports_bad_files_in_one_line(files, tmp_path):
    gold, predicted = files
    predicted.write_text('{"id": "two", "segments": [}\n', encoding="utf-8")
    result = invoke(gold, "-p", predicted)
    assert result.exit_code == 1
    assert f"{predicted}:1: invalid JSON" in result.output
    assert "Traceback" not in result.output
    bad_gold = tmp_path / "bad.jsonl"
    bad_gold.write_text('{"id": "x", "text": "ab", "spans": [{"start": 0, "end": 5, "label": "news"}]}\n')
    result = invoke(bad_gold, "-p", predicted)
    assert result.exit_code == 1 and f"{bad_gold}:1: span 0" in result.output


def test_cli_refuses_model_and_predictions_together(files):
    gold, predicted = files
    result = invoke(gold, "--model", gold, "--predictions", predicted)
    assert result.exit_code == 2
    assert "not both" in result.output


class FakeSegmenter:
    """Labels every non-blank page as one news segment."""

    def segment(self, text: str) -> list[Segment]:
        return [Segment(0, len(text), "news", 0.8, text)] if text.strip() else []

    def segment_many(self, texts):
        return (self.segment(text) for text in texts)

    def segment_blocks_many(self, pages):
        return (self.segment(text) for text, _ in pages)


def test_cli_runs_a_model(files, monkeypatch):
    from segmenter.cli import evaluate_cmd

    monkeypatch.setattr(evaluate_cmd, "load_segmenter", lambda model: FakeSegmenter())
    gold, _ = files
    result = invoke(gold, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["accuracy"] == 8 / 20
    assert data["labels"]["news"]["precision"] == 8 / 20
    assert np.isclose(data["calibration"]["bins"][4]["mean_score"], 0.8)


def test_cli_rejects_a_page_id_given_twice(files):
    gold, predicted = files
    result = invoke(gold, gold, "-p", predicted)
    assert result.exit_code == 1
    assert "page id 'two' occurs twice" in result.output


def test_cli_names_pages_without_prediction(files):
    gold, predicted = files
    predicted.write_text('{"id": "two", "segments": []}\n', encoding="utf-8")
    result = invoke(gold, "-p", predicted, "--min-macro-f1", "0")
    assert result.exit_code == 1
    assert "no prediction for: other" in result.output
    assert "no prediction for 1 of 2 pages" in result.output


def test_cli_with_a_real_model_matches_scoring_its_predictions(tmp_path, tiny_model_path, tiny_segmenter):
    from handwritten import tiny_pages

    pages = tiny_pages()
    gold = tmp_path / "gold.jsonl"
    write_annotated(pages, gold)
    result = invoke(gold, "--model", tiny_model_path, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    expected = score_pages(pages, {page.id: tiny_segmenter.segment(page.text) for page in pages})
    assert data["missing"] == []
    assert data["accuracy"] == expected.accuracy
    assert data["macro_f1"] == expected.macro_f1
