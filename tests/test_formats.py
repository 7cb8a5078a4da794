"""Users' annotation exports (doccano, Label Studio, Prodigy, our own JSONL): read, write, round trip."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segmenter.formats import FORMATS, detect_format, parse_label_map, predicted_page, read_pages, write_pages
from segmenter.formats.labelmap import LabelMap
from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage, AnnotationError, Span
from segmenter.segments import Segment

TEXT = (
    "Board index > World affairs\n"
    "\n"
    "CAPITAL CITY -- The harbour authority said on Monday that ferries will run again.\n"
    "FOR IMMEDIATE RELEASE: the ministry confirms the new timetable.\n"
    "I doubt the ferries will be on time, honestly.\n"
)


def _line_spans(text: str, labels: list[str]) -> tuple[Span, ...]:
    spans, position = [], 0
    non_blank = iter(labels)
    for line in text.split("\n"):
        if line.strip():
            spans.append(Span(position, position + len(line), next(non_blank)))
        position += len(line) + 1
    return tuple(spans)


PAGE = AnnotatedPage("page-1", TEXT, _line_spans(TEXT, ["boilerplate", "news", "press_release", "opinion"]))


def _key(page: AnnotatedPage) -> tuple:
    return page.id, page.text, page.spans


def _write_rows(path, rows, array: bool = False) -> None:
    if array:
        path.write_text(json.dumps(rows), encoding="utf-8")
    else:
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


# -- round trips ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_written_pages_read_back_identical_and_the_format_is_detected(tmp_path, fmt):
    # Label Studio gets the spans as annotations: predictions alone are (rightly) not read as gold.
    path = tmp_path / f"out.{fmt}"
    other = AnnotatedPage("page-2", "Reply\nNice one.\n", _line_spans("Reply\nNice one.\n", ["boilerplate", "opinion"]))
    assert write_pages([PAGE, other], path, fmt, as_predictions=False) == 2
    assert detect_format(path) == fmt
    assert [_key(p) for p in read_pages(path)] == [_key(PAGE), _key(other)]


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "prodigy"])
def test_a_label_map_renames_labels_on_the_way_out_and_back(tmp_path, fmt):
    label_map = "NEWS=news,PR=press_release,COMMENT=opinion,CHROME=boilerplate"
    path = tmp_path / "out"
    write_pages([PAGE], path, fmt, label_map=label_map, as_predictions=False)
    written = path.read_text(encoding="utf-8")
    assert '"PR"' in written and '"press_release"' not in written
    assert [_key(p) for p in read_pages(path, fmt, label_map)] == [_key(PAGE)]


@settings(max_examples=30, deadline=None)
@given(
    lines=st.lists(
        st.text(alphabet="ab \u00e9\U0001f600", min_size=1, max_size=12).filter(str.strip), min_size=1, max_size=6
    ),
    labels=st.lists(st.sampled_from(LABELS), min_size=6, max_size=6),
    fmt=st.sampled_from(sorted(FORMATS)),
)
def test_any_page_survives_a_round_trip(tmp_path_factory, lines, labels, fmt):
    text = "\n\n".join(lines)
    page = AnnotatedPage("p", text, _line_spans(text, labels[: len(lines)]))
    path = tmp_path_factory.mktemp("rt") / "out"
    write_pages([page], path, fmt, as_predictions=False)
    assert [_key(p) for p in read_pages(path, fmt)] == [_key(page)]


def test_predicted_pages_carry_scores_into_label_studio_predictions(tmp_path):
    segments = [Segment(0, 27, "boilerplate", 0.9, TEXT[:27]), Segment(29, len(TEXT) - 1, "news", 0.7, TEXT[29:-1])]
    path = tmp_path / "tasks.json"
    write_pages([predicted_page("p", TEXT, segments)], path, "labelstudio")
    (task,) = json.loads(path.read_text(encoding="utf-8"))
    prediction = task["predictions"][0]
    assert prediction["score"] == 0.8
    assert [r["score"] for r in prediction["result"]] == [0.9, 0.7]
    assert prediction["result"][1]["value"]["text"] == TEXT[29:-1]
    assert "annotations" not in task


def test_label_studio_can_take_the_spans_as_annotations(tmp_path):
    path = tmp_path / "tasks.json"
    write_pages([PAGE], path, "labelstudio", as_predictions=False)
    (task,) = json.loads(path.read_text(encoding="utf-8"))
    assert "predictions" not in task and len(task["annotations"][0]["result"]) == 4
    assert [_key(p) for p in read_pages(path)] == [_key(PAGE)]


def test_pages_without_a_source_get_the_file_path(tmp_path):
    path = tmp_path / "d.jsonl"
    write_pages([PAGE], path, "doccano")
    assert next(read_pages(path)).source == str(path)


# -- doccano --------------------------------------------------------------------------------------


def test_doccano_older_labels_key_and_newer_entities_form_are_read(tmp_path):
    text = "Top\nSaid the mayor.\n"
    path = tmp_path / "d.jsonl"
    _write_rows(path, [
        {"id": 7, "text": text, "labels": [[0, 3, "CHROME"], [4, 19, "NEWS"]]},
        {"id": 8, "text": text, "entities": [
            {"id": 1, "label": "CHROME", "start_offset": 0, "end_offset": 3},
            {"id": 2, "label": "NEWS", "start_offset": 4, "end_offset": 19},
        ], "relations": []},
    ])
    pages = list(read_pages(path, label_map={"CHROME": "boilerplate", "NEWS": "news"}))
    assert [p.id for p in pages] == ["7", "8"]
    assert pages[0].spans == pages[1].spans == (Span(0, 3, "boilerplate"), Span(4, 19, "news"))


def test_doccano_text_classification_exports_are_refused_with_a_reason(tmp_path):
    path = tmp_path / "d.jsonl"
    _write_rows(path, [{"text": "Great news.", "label": ["opinion"]}])
    with pytest.raises(AnnotationError, match=r"d\.jsonl:1: labels are whole-record categories"):
        list(read_pages(path))


def test_unannotated_records_are_skipped_and_reported(tmp_path):
    path = tmp_path / "d.jsonl"
    _write_rows(path, [{"text": "Nothing marked yet.", "label": []}, {"text": "Fine.", "label": [[0, 5, "opinion"]]}])
    skipped: list[str] = []
    pages = list(read_pages(path, on_skip=skipped.append))
    assert [p.text for p in pages] == ["Fine."]
    assert skipped == [f"{path}:1: skipped, no spans (not annotated)"]


# -- Label Studio ---------------------------------------------------------------------------------


def _region(start: int, end: int, label: str, text: str | None = None) -> dict:
    value = {"start": start, "end": end, "labels": [label]}
    if text is not None:
        value["text"] = text
    return {"from_name": "label", "to_name": "text", "type": "labels", "value": value}


def test_label_studio_uses_the_latest_annotation_that_was_not_cancelled(tmp_path):
    text = "Menu\nWell said.\n"
    path = tmp_path / "export.json"
    _write_rows(path, [{
        "id": 3,
        "data": {"text": text},
        "annotations": [
            {"updated_at": "2024-01-01T10:00:00Z", "result": [_region(0, 4, "boilerplate"), _region(5, 15, "news")]},
            {"updated_at": "2024-03-01T10:00:00Z", "result": [_region(0, 4, "boilerplate"), _region(5, 15, "opinion")]},
            {"updated_at": "2024-05-01T10:00:00Z", "was_cancelled": True, "result": []},
        ],
    }], array=True)
    (page,) = read_pages(path)
    assert page.id == "3"
    assert page.spans == (Span(0, 4, "boilerplate"), Span(5, 15, "opinion"))


def test_label_studio_tasks_with_only_predictions_are_skipped(tmp_path):
    path = tmp_path / "export.json"
    task = {"id": 1, "data": {"text": "Hi."}, "annotations": [], "predictions": [{"result": []}]}
    _write_rows(path, [task], array=True)
    skipped: list[str] = []
    assert list(read_pages(path, on_skip=skipped.append)) == []
    assert skipped == [f"{path}[0]: skipped, only predictions, no annotation"]


def test_label_studio_text_may_sit_under_another_data_key(tmp_path):
    path = tmp_path / "export.json"
    task = {"data": {"body": "Hi all."}, "annotations": [{"result": [_region(0, 7, "opinion")]}]}
    _write_rows(path, [task], array=True)
    assert next(read_pages(path)).text == "Hi all."


def test_label_studio_utf16_offsets_are_repaired_when_the_region_text_shows_them(tmp_path):
    text = "\U0001f600 Top\nReal words here.\n"
    path = tmp_path / "export.json"
    regions = [_region(0, 6, "boilerplate", "\U0001f600 Top"), _region(7, 23, "opinion", "Real words here.")]
    _write_rows(path, [{"data": {"text": text}, "annotations": [{"result": regions}]}], array=True)
    (page,) = read_pages(path)
    assert [text[s.start : s.end] for s in page.spans] == ["\U0001f600 Top", "Real words here."]


# -- Prodigy --------------------------------------------------------------------------------------


def test_prodigy_rejected_answers_are_skipped_and_ids_come_from_meta(tmp_path):
    path = tmp_path / "p.jsonl"
    spans = [{"start": 0, "end": 5, "label": "OPINION", "token_start": 0, "token_end": 0}]
    _write_rows(path, [
        {"text": "Fine.", "spans": spans, "answer": "reject", "_input_hash": 1},
        {"text": "Fine.", "spans": spans, "answer": "accept", "_input_hash": 2, "meta": {"id": "t-2"}},
        {"text": "Fine.", "spans": spans, "answer": "accept", "_input_hash": 3},
    ])
    assert detect_format(path) == "prodigy"
    assert [p.id for p in read_pages(path)] == ["t-2", "3"]


# -- contract checks ------------------------------------------------------------------------------


def test_an_unknown_label_names_the_record_and_how_to_map_it(tmp_path):
    path = tmp_path / "d.jsonl"
    _write_rows(path, [{"text": "ok", "label": [[0, 2, "opinion"]]}, {"text": "Hi", "label": [[0, 2, "RUMOUR"]]}])
    with pytest.raises(AnnotationError, match=r"d\.jsonl:2: label 'RUMOUR' is not one of .*'RUMOUR=opinion'"):
        list(read_pages(path))


def test_labels_that_already_name_ours_need_no_map():
    assert LabelMap().to_ours("Press Release", "x") == "press_release"
    assert LabelMap().to_ours("NEWS", "x") == "news"


def test_uncovered_text_is_an_error_naming_the_record_and_the_text(tmp_path):
    path = tmp_path / "d.jsonl"
    _write_rows(path, [{"text": "Menu\nMy view.\nReply", "label": [[5, 13, "opinion"]]}])
    message = r"d\.jsonl:1: 9 non-space characters are covered by no span, first at \[0, 4\) 'Menu'"
    with pytest.raises(AnnotationError, match=message):
        list(read_pages(path))


def test_a_fill_label_covers_the_unmarked_stretches(tmp_path):
    path = tmp_path / "d.jsonl"
    _write_rows(path, [{"text": "Menu\nMy view.\nReply\n", "label": [[5, 13, "opinion"]]}])
    (page,) = read_pages(path, fill_label="boilerplate")
    assert page.spans == (Span(0, 4, "boilerplate"), Span(5, 13, "opinion"), Span(14, 19, "boilerplate"))


def test_overlapping_spans_of_one_label_merge_and_of_two_labels_fail(tmp_path):
    path = tmp_path / "d.jsonl"
    _write_rows(path, [{"text": "Two words", "label": [[0, 5, "news"], [3, 9, "news"], [0, 5, "news"]]}])
    assert next(read_pages(path)).spans == (Span(0, 9, "news"),)
    _write_rows(path, [{"text": "Two words", "label": [[0, 5, "news"], [3, 9, "opinion"]]}])
    with pytest.raises(AnnotationError, match=r"d\.jsonl:1: span \[3, 9\) opinion overlaps \[0, 5\) news"):
        list(read_pages(path))


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ([0, 99, "news"], r"span \[0, 99\) lies outside the text"),
        (["0", 2, "news"], "span start '0' is not an integer"),
    ],
)
def test_bad_offsets_are_errors(tmp_path, span, message):
    path = tmp_path / "d.jsonl"
    _write_rows(path, [{"text": "Hi", "label": [span]}])
    with pytest.raises(AnnotationError, match=message):
        list(read_pages(path))


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "a", "label": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"d\.jsonl:2: invalid JSON"):
        list(read_pages(path, "doccano"))


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "no records"), ('{"segments": []}\n', r"cannot tell the annotation format from its keys \(segments\)")],
)
def test_undetectable_files_say_why(tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnnotationError, match=message):
        detect_format(path)


def test_unknown_format_names_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown annotation format 'brat'"):
        list(read_pages(tmp_path / "x", "brat"))


# -- label maps -----------------------------------------------------------------------------------


def test_label_maps_parse_inline_from_a_pairs_file_and_from_json(tmp_path):
    pairs = tmp_path / "map.txt"
    pairs.write_text("# ours on the right\nPR = press_release\nCHROME=Boilerplate\n", encoding="utf-8")
    as_json = tmp_path / "map.json"
    as_json.write_text('{"PR": "press_release", "CHROME": "boilerplate"}', encoding="utf-8")
    expected = {"PR": "press_release", "CHROME": "boilerplate"}
    assert parse_label_map("PR=press_release, CHROME=boilerplate").mapping == expected
    assert parse_label_map(pairs).mapping == expected
    assert parse_label_map(as_json).mapping == expected
    assert parse_label_map(None).to_theirs("news") == "news"


@pytest.mark.parametrize(
    ("spec", "message"),
    [("PR=gossip", "'PR' maps to 'gossip', not one of"), ("nofile.txt", "expected THEIRS=ours .* got 'nofile.txt'")],
)
def test_bad_label_maps_say_what_is_wrong(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_label_map(spec)
