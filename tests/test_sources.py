"""Reading inputs: pages, folders, JSONL and WARC dumps, standard input, and everything that goes wrong."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from segmenter.io.read_options import ReadOptions, ReadStats
from segmenter.io.records import Record
from segmenter.io.sources import check_inputs, format_of, iter_records

PAGE = "Thread title\n\nI think the council got this one wrong.\r\nReply\n"
HTML = "<html><body><h1>Thread</h1><p>I think the council got this one wrong.</p></body></html>"


def read(*inputs: object, options: ReadOptions | None = None, stats: ReadStats | None = None) -> list[Record]:
    return list(iter_records([str(path) for path in inputs], options, stats))


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- single pages and folders -------------------------------------------------------------------


def test_text_and_html_files(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8", newline="")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "page.htm").write_text(HTML, encoding="utf-8")
    text, html, htm = read(tmp_path / "page.txt", tmp_path / "page.html", tmp_path / "page.htm")
    assert text == Record(str(tmp_path / "page.txt"), text=PAGE, origin=str(tmp_path / "page.txt"))
    assert html.html == HTML and html.text is None and html.error is None
    assert htm.html == HTML


def test_gzipped_pages(tmp_path):
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(HTML.encode("utf-8")))
    text, html = read(tmp_path / "page.txt.gz", tmp_path / "page.html.gz")
    assert text.text == PAGE
    assert html.html == HTML


def test_gzip_is_recognised_by_its_bytes_not_its_name(tmp_path):
    (tmp_path / "page.txt").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (tmp_path / "plain.txt.gz").write_text(PAGE, encoding="utf-8", newline="")
    assert [r.text for r in read(tmp_path / "page.txt", tmp_path / "plain.txt.gz")] == [PAGE, PAGE]


def test_a_legacy_encoded_page_is_decoded(tmp_path):
    (tmp_path / "page.txt").write_bytes("\u201cNo,\u201d she said. Caf\u00e9 closed.".encode("cp1252"))
    assert read(tmp_path / "page.txt")[0].text == "\u201cNo,\u201d she said. Caf\u00e9 closed."


def test_html_meta_charset_is_used(tmp_path):
    body = "\u041c\u044d\u0440 \u0441\u043a\u0430\u0437\u0430\u043b \u043d\u0435\u0442."
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{body}</p></body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("cp1251"))
    assert body in read(tmp_path / "page.html")[0].html


def test_folder_is_read_recursively_in_sorted_order_with_relative_ids(tmp_path):
    folder = tmp_path / "pages"
    for name in ("b.txt", "a.html", "sub/c.txt", "sub/deeper/d.htm.gz", "z.txt"):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = f"page {name}".encode()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text("hidden", encoding="utf-8")
    (folder / ".dotfile.txt").write_text("hidden", encoding="utf-8")
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    (folder / "dump.jsonl").write_text('{"id": "x", "text": "in a dump"}\n', encoding="utf-8")
    records = read(folder)
    assert [r.id for r in records] == ["a.html", "b.txt", "sub/c.txt", "sub/deeper/d.htm.gz", "z.txt"]
    assert records[2].origin == str(folder / "sub" / "c.txt")
    assert records[3].html == "page sub/deeper/d.htm.gz"


def test_empty_and_white_space_pages_are_pages(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")
    assert [r.text for r in read(tmp_path / "empty.txt", tmp_path / "blank.txt")] == ["", " \n\t\r\n"]


def test_crlf_and_lone_cr_are_kept(tmp_path):
    (tmp_path / "page.txt").write_bytes(b"one\r\ntwo\rthree")
    assert read(tmp_path / "page.txt")[0].text == "one\r\ntwo\rthree"


def test_a_three_megabyte_single_line_page(tmp_path):
    line = "word " * 600_000
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")
    assert read(tmp_path / "long.txt")[0].text == line


def test_binary_file_is_an_error_record(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500)
    (record,) = read(tmp_path / "photo.txt")
    assert record.error is not None and "looks binary" in record.error
    assert record.id == str(tmp_path / "photo.txt")


def test_page_over_the_size_cap_is_an_error_naming_the_option(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 1000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("ok", encoding="utf-8")
    big, small = read(tmp_path / "big.txt", tmp_path / "small.txt", options=ReadOptions(max_page_bytes=100))
    assert "larger than 100 bytes" in big.error and "--max-page-bytes" in big.error
    assert small.text == "ok"


def test_gzip_bomb_is_stopped_at_the_cap(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    (record,) = read(tmp_path / "bomb.txt.gz", options=ReadOptions(max_page_bytes=1000))
    assert "larger than 1000 bytes" in record.error


def test_truncated_gzip_page_is_an_error_record(tmp_path):
    data = gzip.compress(os.urandom(3000).hex().encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    (record,) = read(tmp_path / "cut.txt.gz")
    assert "truncated" in record.error


def test_missing_and_unreadable_files_are_error_records(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "ok.txt").write_text("fine", encoding="utf-8")
    records = read(folder, tmp_path / "missing.txt")
    assert [r.id for r in records] == ["gone.txt", "ok.txt", "pipe.txt", str(tmp_path / "missing.txt")]
    assert "cannot read the file" in records[0].error
    assert records[1].text == "fine"
    assert records[2].error == "not a regular file"
    assert "No such file" in records[3].error


def test_check_inputs_refuses_missing_paths_and_a_second_stdin(tmp_path):
    (tmp_path / "page.txt").write_text("x", encoding="utf-8")
    check_inputs([str(tmp_path / "page.txt"), str(tmp_path), "-"])
    with pytest.raises(ValueError, match="input not found: .*nope.txt"):
        check_inputs([str(tmp_path / "nope.txt")])
    with pytest.raises(ValueError, match=r"standard input \('-'\) can be given only once"):
        check_inputs(["-", "-"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("a.TXT.gz", "text"),
        ("a.html", "html"),
        ("a.htm.gz", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson.gz", "jsonl"),
        ("a.warc.gz", "warc"),
        ("a.arc", "warc"),
        ("a.dat", None),
        ("README", None),
    ],
)
def test_format_of(name, expected):
    assert format_of(name) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"id": "1", "text": "from a dump"}\n', Record("1", text="from a dump")),
        (HTML.encode(), Record("PATH", html=HTML)),
        (b"just words", Record("PATH", text="just words")),
    ],
)
def test_unknown_extensions_are_sniffed(tmp_path, content, expected):
    path = tmp_path / "input.dat"
    path.write_bytes(content)
    (record,) = read(path)
    assert (record.id, record.text, record.html) == (
        str(path) if expected.id == "PATH" else expected.id,
        expected.text,
        expected.html,
    )


def test_forced_input_format(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (record,) = read(tmp_path / "page.html", options=ReadOptions(input_format="text"))
    assert record.text == HTML


# --- standard input ---------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PAGE.encode(), [("stdin", PAGE, None)]),
        (HTML.encode(), [("stdin", None, HTML)]),
        (
            b'{"id": "a", "text": "one"}\n{"id": "b", "html": "<p>two</p>"}\n',
            [("a", "one", None), ("b", None, "<p>two</p>")],
        ),
        (gzip.compress(b'\n\n{"id": "a", "text": "one"}\n'), [("a", "one", None)]),
        (b"", [("stdin", "", None)]),
    ],
)
def test_standard_input(monkeypatch, data, expected):
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    assert [(r.id, r.text, r.html) for r in read("-")] == expected


# --- JSONL dumps --------------------------------------------------------------------------------


def test_jsonl_records_and_every_kind_of_bad_line(tmp_path):
    path = write_jsonl(
        tmp_path / "dump.jsonl",
        [
            '{"id": "p1", "text": "first page"}',
            "",
            "   ",
            '{"id": "p2", "html": "<p>second</p>"}',
            '{"id": "p3", "text": "text wins", "html": "<p>html loses</p>"}',
            "{not json",
            "[1, 2]",
            '"just a string"',
            '{"id": "p4"}',
            '{"id": "p5", "text": 42}',
            '{"id": "p6", "text": null}',
            '{"id": "p7", "text": ["a"]}',
            '{"text": "no id here"}',
            '{"id": 7, "text": "numeric id"}',
            '{"id": {"nested": true}, "text": "object id"}',
            '{"id": "p8", "text": "nul\\u0000here \\ud800 lone"}',
        ],
    )
    stats = ReadStats()
    records = read(path, stats=stats)
    where = str(path)
    assert [(r.id, r.text, r.html, r.error, r.origin) for r in records] == [
        ("p1", "first page", None, None, f"{where}:1"),
        ("p2", None, "<p>second</p>", None, f"{where}:4"),
        ("p3", "text wins", None, None, f"{where}:5"),
        (f"{where}:6", None, None, records[3].error, f"{where}:6"),
        (f"{where}:7", None, None, "expected a JSON object, got an array", f"{where}:7"),
        (f"{where}:8", None, None, "expected a JSON object, got a string", f"{where}:8"),
        (
            "p4",
            None,
            None,
            'no "text" or "html" field (name the fields with --text-field or --html-field)',
            f"{where}:9",
        ),
        ("p5", None, None, 'field "text" must be a string, not a number', f"{where}:10"),
        ("p6", None, None, 'field "text" must be a string, not null', f"{where}:11"),
        ("p7", None, None, 'field "text" must be a string, not an array', f"{where}:12"),
        (f"{where}:13", "no id here", None, None, f"{where}:13"),
        ("7", "numeric id", None, None, f"{where}:14"),
        (f"{where}:15", None, None, 'field "id" must be a string or a number, not an object', f"{where}:15"),
        ("p8", "nul here \ufffd lone", None, None, f"{where}:16"),
    ]
    assert records[3].error.startswith("invalid JSON (")
    assert (stats.pages, stats.errors, stats.blank_lines) == (6, 8, 2)


def test_jsonl_with_bom_and_crlf_lines(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "one"}\r\n{"id": "b", "text": "two\\r\\nlines"}\r\n')
    assert [(r.id, r.text) for r in read(path)] == [("a", "one"), ("b", "two\r\nlines")]


def test_jsonl_line_in_a_legacy_encoding_is_decoded(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes('{"id": "a", "text": "caf\u00e9 \u201cquoted\u201d"}\n'.encode("cp1252"))
    assert read(path)[0].text == "caf\u00e9 \u201cquoted\u201d"


def test_jsonl_custom_field_names(tmp_path):
    path = write_jsonl(
        tmp_path / "dump.jsonl", ['{"url": "u1", "body": "page body"}', '{"url": "u2", "markup": "<p>x</p>"}']
    )
    options = ReadOptions(id_field="url", text_field="body", html_field="markup")
    assert [(r.id, r.text, r.html) for r in read(path, options=options)] == [
        ("u1", "page body", None),
        ("u2", None, "<p>x</p>"),
    ]


def test_jsonl_hostile_values_are_error_records(tmp_path):
    path = write_jsonl(
        tmp_path / "dump.jsonl",
        ["[" * 100_000 + "]" * 100_000, '{"id": "big", "text": ' + "9" * 10_000 + "}", '{"id": "ok", "text": "fine"}'],
    )
    deep, big_number, ok = read(path)
    assert deep.error == "invalid JSON (nested too deeply)"
    assert big_number.error.startswith("invalid JSON (")
    assert ok.text == "fine"


def test_jsonl_line_over_the_cap_is_skipped_with_an_error(tmp_path):
    path = write_jsonl(
        tmp_path / "dump.jsonl",
        ['{"id": "a", "text": "short"}', '{"id": "b", "text": "' + "x" * 5000 + '"}', '{"id": "c", "text": "after"}'],
    )
    records = read(path, options=ReadOptions(max_page_bytes=1000))
    assert [r.text for r in records] == ["short", None, "after"]
    assert records[1].origin == f"{path}:2"
    assert "--max-page-bytes" in records[1].error


def test_repeated_ids_are_renamed_never_dropped(tmp_path):
    path = write_jsonl(
        tmp_path / "dump.jsonl",
        [
            '{"id": "a", "text": "one"}',
            '{"id": "a", "text": "two"}',
            '{"id": "a#2", "text": "three"}',
            '{"id": "a", "text": "four"}',
        ],
    )
    stats = ReadStats()
    records = read(path, path, stats=stats)
    assert [r.id for r in records] == ["a", "a#2", "a#2#2", "a#3", "a#4", "a#5", "a#2#3", "a#6"]
    assert [r.text for r in records] == ["one", "two", "three", "four"] * 2
    assert stats.renamed_ids == 7


def test_jsonl_ndjson_and_gzip(tmp_path):
    (tmp_path / "dump.ndjson.gz").write_bytes(gzip.compress(b'{"id": "a", "text": "one"}\n'))
    assert [(r.id, r.text) for r in read(tmp_path / "dump.ndjson.gz")] == [("a", "one")]


def test_truncated_jsonl_gz_gives_the_records_read_then_one_error(tmp_path):
    lines = [json.dumps({"id": f"p{k}", "text": os.urandom(200).hex()}) for k in range(200)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    records = read(path)
    *pages, last = records
    assert pages and all(r.ok for r in pages[:-1])
    assert [r.id for r in pages if r.ok] == [f"p{k}" for k in range(len([r for r in pages if r.ok]))]
    assert "truncated" in last.error
    assert last.origin.startswith(f"{path}:")


# --- WARC archives ------------------------------------------------------------------------------


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)


def write_warc(path: Path, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "forum.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("http://forum.example/t/1", "request", http_headers=request))
    writer.write_record(_response(writer, "http://forum.example/t/1", HTML.encode(), "text/html; charset=utf-8"))
    writer.write_record(_response(writer, "http://forum.example/logo.png", b"\x89PNG\x00\x00", "image/png"))
    writer.write_record(_response(writer, "http://forum.example/gone", b"<p>gone</p>", "text/html", "404 Not Found"))
    cyrillic = "<p>\u041c\u044d\u0440 \u0441\u043a\u0430\u0437\u0430\u043b \u043d\u0435\u0442.</p>"
    writer.write_record(
        _response(writer, "http://forum.example/t/2", cyrillic.encode("cp1251"), "text/html; charset=windows-1251")
    )
    writer.write_record(
        writer.create_warc_record(
            "http://forum.example/notes.txt",
            "resource",
            payload=io.BytesIO(PAGE.encode()),
            warc_content_type="text/plain",
        )
    )
    writer.write_record(_response(writer, "http://forum.example/t/1", b"<p>again</p>", "text/html"))
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("compress", [True, False])
def test_warc_pages_and_skipped_records(tmp_path, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress)
    stats = ReadStats()
    records = read(path, stats=stats)
    assert [(r.id, r.html is not None, r.text is not None) for r in records] == [
        ("http://forum.example/t/1", True, False),
        ("http://forum.example/t/2", True, False),
        ("http://forum.example/notes.txt", False, True),
        ("http://forum.example/t/1#2", True, False),
    ]
    assert records[0].html == HTML
    assert "\u041c\u044d\u0440" in records[1].html
    assert records[2].text == PAGE
    assert records[0].origin == f"{path}:record 3"
    assert stats.skipped == {
        "WARC warcinfo records": 1,
        "WARC request records": 1,
        "WARC responses of type image/png": 1,
        "WARC responses with HTTP status 404": 1,
    }
    assert "4 skipped" in stats.summary()


@pytest.mark.parametrize("compress", [True, False])
def test_truncated_warc_gives_the_records_read_then_one_error(tmp_path, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    data = write_warc(path, compress)
    path.write_bytes(data[: len(data) - 60])
    records = read(path)
    assert [r.id for r in records[:3]] == [
        "http://forum.example/t/1",
        "http://forum.example/t/2",
        "http://forum.example/notes.txt",
    ]
    assert all(r.ok for r in records[:3])
    assert len(records) == 4
    assert "truncated" in records[3].error
    assert records[3].origin.startswith(f"{path}:record ")


def test_garbage_named_warc_is_an_error_record(tmp_path):
    (tmp_path / "junk.warc").write_bytes(b"this is not an archive at all\r\n\r\n" * 3)
    (tmp_path / "tiny.warc").write_bytes(b"WARC/1.0\r\n")
    records = read(tmp_path / "junk.warc", tmp_path / "tiny.warc")
    assert len(records) == 2
    assert all(r.error and "WARC" in r.error for r in records)


def test_warc_page_over_the_cap_is_an_error_and_reading_goes_on(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    records = read(path, options=ReadOptions(max_page_bytes=60))
    assert "--max-page-bytes" in records[0].error
    assert records[-1].html == "<p>again</p>"


def test_warc_is_sniffed_on_standard_input(tmp_path, monkeypatch):
    data = write_warc(tmp_path / "crawl.warc.gz")
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    assert len(read("-")) == 4


# --- options ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"encoding": "no-such-codec"}, "unknown encoding"),
        ({"max_page_bytes": 0}, "max_page_bytes must be a positive"),
        ({"input_format": "pdf"}, "input format must be one of"),
        ({"text_field": ""}, "text_field must not be empty"),
    ],
)
def test_bad_options_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ReadOptions(**kwargs)


def test_forced_encoding_applies_to_every_input(tmp_path):
    (tmp_path / "page.txt").write_bytes("\u00e9t\u00e9".encode("latin-1"))
    assert read(tmp_path / "page.txt", options=ReadOptions(encoding="cp437"))[0].text == "\u0398t\u0398"


def test_stats_summary():
    stats = ReadStats(pages=3, errors=1, blank_lines=2, renamed_ids=1)
    stats.skipped["WARC request records"] += 2
    assert stats.summary() == (
        "3 pages, 1 error, 2 skipped (2 WARC request records), 2 blank lines, 1 repeated ids renamed"
    )


def test_warc_record_with_a_wrong_content_length_is_reported_not_printed(tmp_path, capsys):
    path = tmp_path / "crawl.warc"
    data = write_warc(path, compress=False)
    marker = b"Content-Length: 146\r\n"  # the first HTML response's block
    assert data.count(marker) == 1
    path.write_bytes(data.replace(marker, b"Content-Length: 136\r\n"))
    records = read(path)
    assert [r.id for r in records if r.ok][-1] == "http://forum.example/t/1#2"
    assert "did not end where their Content-Length said" in records[-1].error
    assert capsys.readouterr().err == ""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=80).filter(lambda line: b"\n" not in line), max_size=20))
def test_any_jsonl_lines_give_one_record_per_non_blank_line(lines):
    assume(not b"".join(lines).startswith(b"\x1f\x8b"))  # that is a gzip file, whatever its name
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dump.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        records = read(path)
    assert len(records) == sum(1 for line in lines if line.strip())
    assert all(sum(x is not None for x in (r.text, r.html, r.error)) == 1 for r in records)
    assert len({r.id for r in records}) == len(records)
