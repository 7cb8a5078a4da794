"""Output formats: JSONL (the contract), CSV, only some labels, errors apart, and atomic files."""

from __future__ import annotations

import csv
import io
import json

import pytest

from segmenter.io.writers import (
    CSV_COLUMNS,
    OutputOptions,
    PageWriter,
    atomic_output,
    encode_line,
    page_line,
    text_stream,
)

TEXT = "Site menu\n\nThe council met on Tuesday.\n\nWhat a waste of time, honestly."
PAGE = {
    "id": "p1",
    "segments": [
        {"start": 0, "end": 9, "label": "boilerplate", "score": 0.9, "text": "Site menu"},
        {"start": 11, "end": 38, "label": "news", "score": 0.75, "text": "The council met on Tuesday."},
        {"start": 40, "end": 71, "label": "opinion", "score": 0.5, "text": "What a waste of time, honestly."},
    ],
}
FAILED = {"id": "p2", "error": "dump.jsonl:2: invalid JSON"}
EMPTY = {"id": "p3", "segments": []}


def written(options: OutputOptions, pages: list[dict], errors: io.StringIO | None = None) -> str:
    out = io.StringIO()
    writer = PageWriter(out, options, errors)
    for page in pages:
        writer.write(page)
    return out.getvalue()


def test_the_example_page_is_consistent():
    assert all(TEXT[s["start"] : s["end"]] == s["text"] for s in PAGE["segments"])


def test_jsonl_is_one_contract_object_per_page_errors_included():
    lines = written(OutputOptions(), [PAGE, FAILED, EMPTY]).splitlines()
    assert [json.loads(line) for line in lines] == [PAGE, FAILED, EMPTY]


def test_csv_is_one_row_per_segment_and_one_per_failed_page():
    rows = list(csv.reader(io.StringIO(written(OutputOptions("csv"), [PAGE, FAILED, EMPTY]))))
    assert rows == [
        list(CSV_COLUMNS),
        ["p1", "0", "9", "boilerplate", "0.9", "Site menu", ""],
        ["p1", "11", "38", "news", "0.75", "The council met on Tuesday.", ""],
        ["p1", "40", "71", "opinion", "0.5", "What a waste of time, honestly.", ""],
        ["p2", "", "", "", "", "", "dump.jsonl:2: invalid JSON"],
    ]


def test_csv_keeps_line_breaks_inside_a_quoted_field():
    page = {"id": "x", "segments": [{"start": 0, "end": 3, "label": "news", "score": 1.0, "text": "a\n\nb"}]}
    rows = list(csv.reader(io.StringIO(written(OutputOptions("csv"), [page]))))
    assert rows[1][5] == "a\n\nb"


def test_only_writes_the_text_of_the_chosen_labels_one_line_per_page():
    lines = written(OutputOptions(only=("news", "opinion")), [PAGE, FAILED, EMPTY]).splitlines()
    assert [json.loads(line) for line in lines] == [
        {"id": "p1", "text": "The council met on Tuesday.\n\nWhat a waste of time, honestly."},
        FAILED,
        {"id": "p3", "text": ""},
    ]


def test_only_as_csv_is_one_row_per_page():
    rows = list(csv.reader(io.StringIO(written(OutputOptions("csv", only=("boilerplate",)), [PAGE, FAILED]))))
    assert rows == [["id", "text", "error"], ["p1", "Site menu", ""], ["p2", "", "dump.jsonl:2: invalid JSON"]]


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
def test_errors_can_go_to_their_own_stream(output_format):
    errors = io.StringIO()
    out = written(OutputOptions(output_format), [PAGE, FAILED], errors)
    assert "p2" not in out
    assert [json.loads(line) for line in errors.getvalue().splitlines()] == [FAILED]


def test_unknown_formats_and_labels_are_refused():
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        OutputOptions("xml")
    with pytest.raises(ValueError, match="unknown label 'sports'"):
        OutputOptions(only=("sports",))


def test_a_lone_surrogate_is_written_as_its_json_escape():
    page = {"id": "odd\ud800", "segments": []}
    line = encode_line(page_line(page))
    assert line == b'{"id": "odd\\ud800", "segments": []}\n'
    assert json.loads(line) == page


def test_text_stream_writes_utf8_without_closing_the_binary_stream():
    binary = io.BytesIO()
    stream = text_stream(binary)
    stream.write("caf\u00e9 \ud800\n")
    stream.flush()
    stream.detach()
    assert binary.getvalue() == "caf\u00e9 \\ud800\n".encode()


def test_an_atomic_file_appears_only_complete(tmp_path):
    path = tmp_path / "out.jsonl"
    with atomic_output(path) as out:
        out.write("first\n")
        assert not path.exists()
    assert path.read_text() == "first\n"
    with pytest.raises(RuntimeError, match="disk on fire"), atomic_output(path) as out:
        out.write("second, unfinished\n")
        raise RuntimeError("disk on fire")
    assert path.read_text() == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
