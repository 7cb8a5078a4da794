"""Byte streams of inputs: gzip undone whatever the file is called, and a peek at the first bytes.

Works on pipes as well as files: what is peeked at is put back in front of the stream, so nothing
needs to seek. Sizes are capped while reading, so a decompression bomb costs no more than the cap.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"

#: How many leading bytes decide the format of an input whose name does not.
SNIFF_BYTES = 65536

_HTML_START = re.compile(
    rb"\s*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|!--|\?xml)[\s>/]", re.IGNORECASE
)

_CHUNK = 1 << 16
_BOM = b"\xef\xbb\xbf"
#: Non-blank leading bytes enough for :func:`sniff_format` to decide (the longest HTML start it knows is shorter).
_SNIFF_ENOUGH = 64

#: Errors of a damaged input: a truncated or corrupt gzip stream, or the disk failing.
READ_ERRORS = (EOFError, OSError, zlib.error)


class _Rewound(io.RawIOBase):
    """``head`` followed by the rest of ``stream``: a stream with its first bytes put back."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = read_available(self._stream, len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_available(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of what ``stream`` has now, waiting only if it has nothing yet (b"" at its end).

    ``read(size)`` of a buffered pipe waits for all ``size`` bytes; a slow producer's first pages would
    then sit unread until it had written that much.
    """
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 is not None else stream.read(size)


def put_back(head: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream that reads ``head`` and then the rest of ``stream``."""
    if not head:
        return stream
    return io.BufferedReader(_Rewound(head, stream), buffer_size=SNIFF_BYTES)


def peek(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """Read the first ``size`` bytes (fewer at the end); return them and an unchanged stream."""
    head = stream.read(size)
    return head, put_back(head, stream)


def peek_format(stream: BinaryIO) -> tuple[str, BinaryIO]:
    """The format of ``stream`` (see :func:`sniff_format`) and the unchanged stream.

    Reads only until the first non-blank bytes decide (at most :data:`SNIFF_BYTES`), so that a slow
    pipe's first pages are segmented before the producer has written more.
    """
    head = b""
    while len(head) < SNIFF_BYTES and len(head.removeprefix(_BOM).lstrip()) < _SNIFF_ENOUGH:
        data = read_available(stream, SNIFF_BYTES - len(head))
        if not data:
            break
        head += data
    return sniff_format(head), put_back(head, stream)


class _Gunzip(io.RawIOBase):
    """Decompresses a (multi-member) gzip stream, giving out every byte before a truncation.

    Unlike ``gzip.GzipFile``, which raises and drops the data of the read that meets a truncated
    end, this hands out all that could be decompressed, then ends the data and sets ``truncated``.
    Corrupt compressed data raises ``zlib.error``.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._member_open = False
        self._input = b""
        self._output = memoryview(b"")
        self.truncated = False

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self._output:
            if not self._input:
                self._input = read_available(self._stream, _CHUNK)
                if not self._input:
                    self.truncated = self._member_open
                    return
            self._member_open = True
            output = self._decompressor.decompress(self._input, _CHUNK)
            self._input = self._decompressor.unconsumed_tail
            if self._decompressor.eof:
                self._input = self._decompressor.unused_data + self._input
                self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._member_open = False
                if not self._input.strip(b"\x00"):  # zero padding after the last member
                    self._input = b""
            self._output = memoryview(output)

    def readinto(self, buffer: memoryview | bytearray) -> int:
        self._fill()
        n = min(len(buffer), len(self._output))
        buffer[:n] = self._output[:n]
        self._output = self._output[n:]
        return n


def ungzipped(stream: BinaryIO) -> tuple[BinaryIO, Callable[[], bool]]:
    """The stream, decompressed if it starts with the gzip magic bytes (whatever the file's name),
    and a function that tells, once the stream is read to its end, whether it was cut short.
    """
    magic, stream = peek(stream, len(GZIP_MAGIC))
    if magic != GZIP_MAGIC:
        return stream, never_truncated
    gunzip = _Gunzip(stream)
    return io.BufferedReader(gunzip, buffer_size=_CHUNK), lambda: gunzip.truncated


def never_truncated() -> bool:
    """The truncation test of an uncompressed stream."""
    return False


def sniff_format(head: bytes) -> str:
    """Guess ``"warc"``, ``"jsonl"``, ``"html"`` or ``"text"`` from the first (decompressed) bytes.

    A WARC starts with ``WARC/``; a JSONL dump's first non-blank line starts with ``{``; an HTML page
    starts with a tag such as ``<!DOCTYPE html>``, ``<html>`` or ``<div>``. Anything else is text.
    """
    start = head.removeprefix(_BOM).lstrip()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if _HTML_START.match(start):
        return "html"
    return "text"


def read_capped(stream: BinaryIO, cap: int) -> bytes | None:
    """All of ``stream`` if it holds at most ``cap`` bytes, else None (reading ``cap + 1`` at most)."""
    data = stream.read(cap + 1)
    return data if len(data) <= cap else None
