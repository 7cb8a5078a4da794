"""The columns scikit-learn's feature hashing gives strings, computed for many strings at once.

``FeatureHasher`` puts a string in column ``abs(h) % n_features``, where ``h`` is the signed 32-bit
MurmurHash3 (x86, seed 0) of its UTF-8 bytes. It hashes one string at a time, and its loop costs about as
much per string as building the string. Here the same hash runs in numpy over all the strings of a
batch together, four bytes of each per step; the few long strings (which would add steps for only
themselves) go through scikit-learn's own ``murmurhash3_32``. ``tests/test_hashing.py`` checks both
against ``FeatureHasher``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.utils import murmurhash3_32

_C1, _C2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)
#: Strings of more UTF-8 bytes than this are hashed one by one.
LONGEST_VECTORISED = 128
#: Masks of the first 0 to 3 bytes of a little-endian 32-bit word.
_TAIL_MASKS = np.array([0, 0xFF, 0xFFFF, 0xFFFFFF], dtype=np.uint32)


def _rotate(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _scramble(k: np.ndarray) -> np.ndarray:
    """MurmurHash3's mixing of one 32-bit block before it enters the hash."""
    return _rotate(k * _C1, 15) * _C2


def _utf8_offsets(strings: Sequence[str], data: bytes) -> np.ndarray:
    """Where each string starts in ``data``, the UTF-8 bytes of their concatenation, and where the last ends."""
    chars = np.zeros(len(strings) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, strings), dtype=np.int64, count=len(strings)), out=chars[1:])
    if len(data) == chars[-1]:  # all ASCII: a byte per character
        return chars
    # A character's bytes after its first are continuation bytes (0b10xxxxxx): a character starts as many bytes
    # after its index as there are continuation bytes of the characters before it.
    continuation = np.flatnonzero((np.frombuffer(data, dtype=np.uint8) & 0xC0) == 0x80)
    owner = continuation - np.arange(1, len(continuation) + 1)  # the index of the character of each
    return chars + np.searchsorted(owner, chars, side="left")


def _murmur_short(data: bytes, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """MurmurHash3_x86_32 (seed 0) of the byte strings ``data[starts[i] : starts[i] + lengths[i]]``, as uint32."""
    padded = np.frombuffer(data + bytes(4), dtype=np.uint8)
    # The little-endian 32-bit word that begins at each byte: an unaligned view that numpy reads correctly.
    word_at = np.ndarray((len(data) + 1,), dtype="<u4", buffer=padded, strides=(1,))
    blocks = lengths // 4
    # Most blocks first, so that the strings still going at each step are a prefix. A stable sort of small
    # unsigned integers is a radix sort in numpy: much faster than a comparison sort.
    order = np.argsort((blocks.max(initial=0) - blocks).astype(np.uint8), kind="stable")
    starts, lengths, blocks = starts[order], lengths[order], blocks[order]
    h = np.zeros(len(lengths), dtype=np.uint32)
    going = np.searchsorted(-blocks, -np.arange(int(blocks.max(initial=0))), side="left")
    for j, n in enumerate(going.tolist()):
        mixed = _rotate(h[:n] ^ _scramble(word_at[starts[:n] + 4 * j]), 13)
        h[:n] = mixed * np.uint32(5) + np.uint32(0xE6546B64)
    tail = word_at[starts + 4 * blocks] & _TAIL_MASKS[lengths & 3]
    h ^= np.where(lengths & 3, _scramble(tail), np.uint32(0))
    h ^= lengths.astype(np.uint32)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    out = np.empty_like(h)
    out[order] = h
    return out


def murmur3_32(strings: Sequence[str]) -> np.ndarray:
    """``sklearn.utils.murmurhash3_32(s)`` of each string (signed, seed 0), as an int32 array.

    Raises ``UnicodeEncodeError`` on a string that UTF-8 cannot encode (a lone surrogate), as
    ``FeatureHasher`` does.
    """
    data = "".join(strings).encode("utf-8")
    offsets = _utf8_offsets(strings, data)
    starts, lengths = offsets[:-1], np.diff(offsets)
    # Long strings are hashed capped here (few steps for all), then replaced by their own hashes.
    hashes = _murmur_short(data, starts, np.minimum(lengths, LONGEST_VECTORISED)).view(np.int32)
    for i in np.flatnonzero(lengths > LONGEST_VECTORISED).tolist():
        hashes[i] = murmurhash3_32(strings[i])
    return hashes


def hashed_columns_of(strings: Sequence[str], n_features: int) -> np.ndarray:
    """The column ``FeatureHasher(n_features, alternate_sign=False)`` gives each string, as int32."""
    # In 64 bits abs(-2**31) is 2**31, the value FeatureHasher defines for that hash.
    return (np.abs(murmur3_32(strings).astype(np.int64)) % n_features).astype(np.int32)
