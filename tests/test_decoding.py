"""Bytes to text: BOMs, UTF-8, legacy encodings, mixed and undecodable bytes, binary data."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segmenter.io.decoding import (
    NotTextError,
    check_encoding,
    declared_charset,
    decode_bytes,
    decode_page,
)

ENGLISH = "The mayor said the “new” bridge’s repairs were late — again."
FRENCH = "Le maire a déclaré que la réparation du pont était en retard, à nouveau."
CHINESE = "市长表示，桥梁的维修工作又一次延误了。居民对此非常不满。"
JAPANESE = "市長は、橋の修理がまた遅れていると述べました。住民は怒っています。"
KOREAN = "시장은 다리 수리가 또 늦어졌다고 말했다. 주민들은 화가 났다."
RUSSIAN = "Мэр сказал, что ремонт моста снова задерживается."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ENGLISH, "utf-8"),
        (ENGLISH, "cp1252"),
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (CHINESE, "gb18030"),
        (JAPANESE, "shift_jis"),
        (KOREAN, "euc-kr"),
        (RUSSIAN, "cp1251"),
        (ENGLISH + CHINESE, "utf-16"),
        (ENGLISH + KOREAN, "utf-32"),
        (ENGLISH, "utf-16-le"),
        (ENGLISH, "utf-16-be"),
    ],
)
def test_detects_the_encoding(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]
)
def test_byte_order_marks_are_removed(bom):
    encoding = {
        codecs.BOM_UTF8: "utf-8",
        codecs.BOM_UTF16_LE: "utf-16-le",
        codecs.BOM_UTF16_BE: "utf-16-be",
        codecs.BOM_UTF32_LE: "utf-32-le",
        codecs.BOM_UTF32_BE: "utf-32-be",
    }[bom]
    assert decode_bytes(bom + "caf\u00e9 page".encode(encoding)) == "caf\u00e9 page"


def test_utf8_with_a_few_cp1252_bytes_reads_both():
    data = ("Gr\u00fc\u00dfe aus M\u00fcnchen. " * 20).encode("utf-8") + "\u201cquoted\u201d".encode("cp1252")
    assert decode_bytes(data) == "Gr\u00fc\u00dfe aus M\u00fcnchen. " * 20 + "\u201cquoted\u201d"


def test_undecodable_bytes_never_raise():
    text = decode_bytes(b"plain words \x81\x8d\x8f\x90\x9d and more words " * 3)
    assert text.startswith("plain words ")
    assert "and more words" in text


def test_stray_nul_bytes_become_spaces_keeping_the_length():
    data = b"first line\x00\nsecond line with enough text to be clearly text\n" * 10
    text = decode_bytes(data)
    assert "\x00" not in text
    assert len(text) == len(data)
    assert text.startswith("first line \n")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 200,
        bytes(range(256)) * 40,
        b"\x00" * 1000,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x03\x00\x3e\x00" * 100,
    ],
)
def test_binary_data_is_refused(data):
    with pytest.raises(NotTextError, match="looks binary"):
        decode_bytes(data, origin="image.txt")


def test_binary_message_names_the_origin():
    with pytest.raises(NotTextError, match=r"^image\.txt: looks binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 100, origin="image.txt")


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\t\n", b"\r\n"])
def test_empty_and_white_space_pages_are_kept(data):
    assert decode_bytes(data) == data.decode("ascii")


def test_line_ends_are_kept_as_they_are():
    assert decode_bytes(b"one\r\ntwo\rthree\nfour") == "one\r\ntwo\rthree\nfour"


def test_a_three_megabyte_single_line():
    line = ("w\u00f6rd " * 500_000).encode("utf-8")
    assert len(line) >= 3_000_000
    assert decode_bytes(line) == line.decode("utf-8")


def test_forced_encoding_wins_over_detection():
    data = RUSSIAN.encode("cp1251")
    assert decode_bytes(data, encoding="cp1251") == RUSSIAN
    assert decode_bytes(data, encoding="latin-1") == data.decode("latin-1")


def test_forced_encoding_replaces_undecodable_bytes_and_drops_the_bom():
    assert decode_bytes(b"\xef\xbb\xbfok \xff", encoding="utf-8") == "ok \ufffd"


def test_unknown_encoding_is_a_clear_value_error():
    with pytest.raises(ValueError, match="unknown encoding 'klingon-8'"):
        decode_bytes(b"text", encoding="klingon-8")


def test_check_encoding_canonical_names():
    assert check_encoding("Windows-1252") == "cp1252"
    with pytest.raises(ValueError, match="unknown encoding"):
        check_encoding("no-such-thing")


@pytest.mark.parametrize(
    ("content_type", "html", "expected"),
    [
        ("text/html; charset=windows-1251", None, "cp1251"),
        ('text/html; charset="UTF-8"', None, "utf-8"),
        (None, b'<html><head><meta charset="shift_jis"></head>', "shift_jis"),
        (None, b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso8859-1"),
        ("text/html; charset=made-up", None, None),
        ("text/html", b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(content_type, html, expected):
    assert declared_charset(content_type, html) == expected


def test_decode_page_uses_the_declared_charset():
    assert decode_page(RUSSIAN.encode("cp1251"), "cp1251") == RUSSIAN


def test_decode_page_reads_latin1_declarations_as_cp1252():
    assert decode_page(ENGLISH.encode("cp1252"), "iso8859-1") == ENGLISH


def test_decode_page_ignores_a_wrong_declaration_for_utf8():
    assert decode_page(FRENCH.encode("utf-8"), "cp1251") == FRENCH


def test_decode_page_falls_back_when_the_declaration_cannot_decode():
    assert decode_page(CHINESE.encode("gb18030"), "utf-16-le") == CHINESE


def test_decode_page_treats_a_latin1_declaration_as_a_default_not_a_fact():
    assert decode_page(CHINESE.encode("gb18030"), "iso8859-1") == CHINESE


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([None, "utf-8", "cp1252", "utf-16"]))
def test_any_bytes_decode_to_text_or_are_called_binary(data, encoding):
    try:
        text = decode_bytes(data, encoding)
    except NotTextError as err:
        assert "looks binary" in str(err)
    else:
        assert isinstance(text, str) and "\x00" not in text
