"""Regular expressions over all the blocks of a batch at once, with exactly the per-block results.

Scanning every block with each of some twenty cue patterns was the slow part of feature extraction:
Python's regex engine tries a case-insensitive word alternation at every position of the text. Yet most
patterns can only begin a match at a few places: at one of a few words, at the start of a line, or in a
block that contains some string. A :class:`Starts` states those places for a pattern. A
:class:`TextBatch` finds them for all blocks with a few passes over the joined texts, and tries the
pattern only there, with ``regex.match(text, pos)``: that is what ``findall`` and ``search`` try at each
position, so the counts equal ``len(regex.findall(text))`` (or ``bool(regex.search(text))``) as long as
the hints are sound, i.e. every position where the pattern can match is among them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import repeat

import numpy as np

#: Characters that match an ASCII letter case-insensitively but do not lower-case to one character of
#: the same kind; blocks containing one are scanned whole. ``tests/test_designed_batch.py`` recomputes
#: this set from the regex engine.
CASE_EXOTIC = "\u0130\u0131\u017f\u212a"
_EXOTIC_TO_NUL = {ord(c): "\x00" for c in CASE_EXOTIC}
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Starts:
    """Where a match of a pattern can begin: a superset of its match positions is enough, a miss is a bug.

    A match can begin

    - at the start of a word (a maximal ``\\w+`` run) whose lower-cased text is one of ``words``, or begins
      with one of ``word_prefixes``, or (``digit_words``) begins with a decimal digit;
    - inside a word that ends with one of ``word_suffixes``, where that suffix begins;
    - where the lower-cased text holds one of ``literals``;
    - at the start of a line (of the text, or after a ``\\n`` in it) whose first character is in the
      regex character class ``line_start`` (case-sensitive; empty: never);
    - anywhere in a text whose lower-cased form contains one of ``needs`` (such texts are scanned whole).

    An entry of ``words`` or ``word_suffixes`` may be two words, ``"a b"``: the next word of the text must
    then be ``b``. Word hints may only describe matches that begin at the start of a word, e.g. patterns
    that open with ``\\b`` and a word character; a suffix must be followed by a non-word character in every
    match. A text holding none of the characters ``requires`` (if given) has no match at all. Hints
    compare lower-cased text with lower-case ASCII strings, which is exact for case-insensitive ASCII
    patterns because texts holding one of ``CASE_EXOTIC`` are scanned whole. Patterns must not match the
    empty string.
    """

    words: frozenset[str] = frozenset()
    word_prefixes: tuple[str, ...] = ()
    word_suffixes: tuple[str, ...] = ()
    digit_words: bool = False
    literals: tuple[str, ...] = ()
    line_start: str = ""
    needs: tuple[str, ...] = ()
    requires: str = ""

    def __post_init__(self) -> None:
        strings = [*self.words, *self.word_prefixes, *self.word_suffixes, *self.literals, *self.needs]
        if any(s != s.lower() or not s.isascii() or not s or "\n" in s for s in strings):
            raise ValueError("Starts strings must be non-empty lower-case ASCII without newlines")
        if any(len(s.split(" ")) > 2 for s in (*self.words, *self.word_suffixes)):
            raise ValueError("word hints hold one word or two")
        if "\n" in self.requires:
            raise ValueError("requires cannot hold a newline")


@dataclass(frozen=True)
class HintedPattern:
    """A compiled regex and where its matches can begin."""

    regex: re.Pattern[str]
    starts: Starts = field(default_factory=Starts)


def _split_alternatives(alternation: str) -> list[str]:
    """Top-level ``|`` alternatives of a regex source (groups, classes and escapes kept whole)."""
    parts, current, depth, in_class, i = [], [], 0, False, 0
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\":
            current.append(alternation[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _lead(alternative: str) -> tuple[str, str]:
    """The leading letters of a regex alternative (none that a quantifier makes optional) and the rest."""
    lead = ""
    while len(lead) < len(alternative) and alternative[len(lead)].isascii() and alternative[len(lead)].isalpha():
        if alternative[len(lead) + 1 : len(lead) + 2] in ("?", "*", "{"):
            break
        lead += alternative[len(lead)]
    return lead.lower(), alternative[len(lead) :]


def _closed(rest: str) -> bool:
    """Whether what follows leading letters in an alternative makes them a whole word."""
    return rest == "" or rest[0] in " '" or rest.startswith("\\?")


def word_list_starts(alternation: str) -> Starts:
    """The word hints of ``\\b(?:alternation)\\b``: each alternative's leading letters.

    An alternative whose leading letters are followed by a space, an apostrophe, ``\\?`` or nothing begins
    with exactly that word (and, if a space and another whole word follow, with that pair of words);
    otherwise (a group, a class, a quantifier) with a word that has that prefix. Raises ``ValueError``
    for an alternative that does not begin with a letter.
    """
    words, prefixes = set(), set()
    for alternative in _split_alternatives(alternation):
        lead, rest = _lead(alternative)
        if not lead:
            raise ValueError(f"alternative {alternative!r} does not begin with a letter")
        if not _closed(rest):
            prefixes.add(lead)
            continue
        second, after = _lead(rest[1:]) if rest.startswith(" ") else ("", "")
        words.add(f"{lead} {second}" if second and _closed(after) else lead)
    return Starts(words=frozenset(words), word_prefixes=tuple(sorted(prefixes)))


#: Where a pattern may begin in a word: (pattern, offset in the word, the next words it needs or None).
_Place = tuple[int, int, frozenset[str] | None]


class _WordIndex:
    """For a list of patterns: where each may begin a match in a given lower-cased word (cached per word)."""

    _CACHE_LIMIT = 200_000

    def __init__(self, starts: Sequence[Starts]) -> None:
        self.exact: dict[str, list[tuple[int, str | None]]] = {}
        self.suffixes: list[tuple[str, int, str | None]] = []
        for j, s in enumerate(starts):
            for entry in s.words:
                word, _, following = entry.partition(" ")
                self.exact.setdefault(word, []).append((j, following or None))
            for entry in s.word_suffixes:
                suffix, _, following = entry.partition(" ")
                self.suffixes.append((suffix, j, following or None))
        self.prefixes = [(p, j) for j, s in enumerate(starts) for p in s.word_prefixes]
        self.digit = [j for j, s in enumerate(starts) if s.digit_words]
        self.cache: dict[str, tuple[_Place, ...]] = {}
        # A cheap necessary condition, word by word: its first two letters and length are those of a word
        # of ``exact``, or its first (last) three letters those of a prefix (suffix), or its first (last)
        # letter that of a shorter prefix (suffix). Code points beyond ASCII count as 0, which no hint holds.
        self.exact_keys = np.zeros((128, 128, 64), dtype=bool)
        # Words all of whose hints need a next word (``"the united"``) ask of the next word's first letter too:
        # the letters that may begin a next word, by key (row 0 of ``next_letters``: none).
        paired: dict[tuple[int, int, int], set[str]] = {}
        for word, entries in self.exact.items():
            key = (ord(word[0]), ord(word[1]) if len(word) > 1 else 0, min(len(word), 63))
            if any(following is None for _, following in entries):
                self.exact_keys[key] = True
            else:
                paired.setdefault(key, set()).update(following[0] for _, following in entries)
        self.paired_keys = np.zeros((128, 128, 64), dtype=np.int64)
        self.next_letters = np.zeros((len(paired) + 1, 128), dtype=bool)
        for row, (key, letters) in enumerate(paired.items(), start=1):
            if not self.exact_keys[key]:
                self.paired_keys[key] = row
                self.next_letters[row, [ord(letter) for letter in letters]] = True
        self.prefix_keys = np.zeros((128, 128, 128), dtype=bool)
        self.short_prefix_keys = np.zeros(128, dtype=bool)
        for prefix, _ in self.prefixes:
            if len(prefix) >= 3:
                self.prefix_keys[ord(prefix[0]), ord(prefix[1]), ord(prefix[2])] = True
            else:
                self.short_prefix_keys[ord(prefix[0])] = True
        self.suffix_keys = np.zeros((128, 128, 128), dtype=bool)
        self.short_suffix_keys = np.zeros(128, dtype=bool)
        for suffix, _, _ in self.suffixes:
            if len(suffix) >= 3:
                self.suffix_keys[ord(suffix[-3]), ord(suffix[-2]), ord(suffix[-1])] = True
            else:
                self.short_suffix_keys[ord(suffix[-1])] = True

    def may_begin(self, run_starts: np.ndarray, run_ends: np.ndarray, points: np.ndarray) -> np.ndarray:
        """Per word (given by its start and end in ``points``), whether :meth:`lookup` may find a place."""
        lengths = run_ends - run_starts
        last = len(points) - 1

        def letter(positions: np.ndarray, present: np.ndarray) -> np.ndarray:
            return np.where(present, _ascii_lower(points[np.clip(positions, 0, last)]), 0)

        two, three = lengths >= 2, lengths >= 3
        first = letter(run_starts, lengths >= 1)
        second, length = letter(run_starts + 1, two), np.minimum(lengths, 63)
        maybe = self.exact_keys[first, second, length]
        if len(self.next_letters) > 1:
            following = np.zeros(len(run_starts), dtype=np.int64)  # the first letter of the next word, if any
            following[:-1] = letter(run_starts[1:], lengths[1:] >= 1)
            maybe |= self.next_letters[self.paired_keys[first, second, length], following]
        if self.prefixes:
            maybe |= self.prefix_keys[first, letter(run_starts + 1, two), letter(run_starts + 2, three)] & three
            maybe |= self.short_prefix_keys[first]
        if self.suffixes:
            ends = run_ends - 1
            maybe |= self.suffix_keys[letter(ends - 2, three), letter(ends - 1, two), letter(ends, three)] & three
            maybe |= self.short_suffix_keys[letter(ends, lengths >= 1)]
        if self.digit:
            maybe |= _decimal(points[run_starts])
        return maybe

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes or self.suffixes or self.digit)

    def lookup(self, word: str) -> tuple[_Place, ...]:
        """Where in this word a match of each pattern may begin (and the next word it needs, if any)."""
        found = self.cache.get(word)
        if found is None:
            places: dict[tuple[int, int], set[str | None]] = {}
            for j, following in self.exact.get(word, ()):
                places.setdefault((j, 0), set()).add(following)
            for p, j in self.prefixes:
                if word.startswith(p):
                    places.setdefault((j, 0), set()).add(None)
            if word[0].isdecimal():
                for j in self.digit:
                    places.setdefault((j, 0), set()).add(None)
            for suffix, j, following in self.suffixes:
                if word.endswith(suffix):
                    places.setdefault((j, len(word) - len(suffix)), set()).add(following)
            found = tuple(
                (j, offset, None if None in nexts else frozenset(nexts))
                for (j, offset), nexts in sorted(places.items(), key=lambda item: item[0])
            )
            if len(self.cache) >= self._CACHE_LIMIT:
                self.cache.clear()
            self.cache[word] = found
        return found


@cache
def _word_index(starts: tuple[Starts, ...]) -> _WordIndex:
    return _WordIndex(starts)


@cache
def bmp_plane() -> str:
    """Every code point of the basic multilingual plane (lone surrogates included), in order."""
    return np.arange(0x10000, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")


def bmp_table(predicate: Callable[[str], bool]) -> np.ndarray:
    """``predicate`` of each code point of the basic multilingual plane, as a boolean array."""
    return np.fromiter(map(predicate, bmp_plane()), dtype=bool, count=0x10000)


@cache
def _bmp_word_chars() -> np.ndarray:
    """Whether each code point of the basic multilingual plane is a regex word character (``\\w``)."""
    table = np.ones(0x10000, dtype=bool)
    table[codepoints(_WORD_CHAR.sub("", bmp_plane()))] = False
    return table


@cache
def _in_class(character_class: str, point: int) -> bool:
    """Whether the character of code point ``point`` is in the regex character class."""
    return re.fullmatch(character_class, chr(point)) is not None


@cache
def _bmp_decimals() -> np.ndarray:
    return bmp_table(str.isdecimal)


def _decimal(points: np.ndarray) -> np.ndarray:
    """Whether each code point is a decimal digit (what ``\\d`` matches)."""
    flags = _bmp_decimals()[np.minimum(points, 0xFFFF)]
    for i in np.flatnonzero(points > 0xFFFF).tolist():
        flags[i] = chr(int(points[i])).isdecimal()
    return flags


def _ascii_lower(points: np.ndarray) -> np.ndarray:
    """ASCII code points lower-cased; every other code point becomes 0."""
    lowered = np.where((points >= 65) & (points <= 90), points + 32, points)
    return np.where(lowered < 128, lowered, 0)


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` (lone surrogates included) as an array."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def _word_chars(points: np.ndarray) -> np.ndarray:
    flags = _bmp_word_chars()[np.minimum(points, 0xFFFF)]
    for i in np.flatnonzero(points > 0xFFFF).tolist():
        flags[i] = _WORD_CHAR.match(chr(int(points[i]))) is not None
    return flags


class TextBatch:
    """The texts of a batch of blocks joined by ``\\n``, with what the scans need computed once."""

    def __init__(self, texts: Sequence[str], exotic: np.ndarray | None = None) -> None:
        """``exotic``: the per-text flags of :attr:`exotic`, if the caller knows them already."""
        self.texts = list(texts)
        self.joined = "\n".join(self.texts)
        self.lengths = np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts))
        self.offsets = np.zeros(len(self.texts), dtype=np.int64)
        if len(self.texts) > 1:
            self.offsets[1:] = np.cumsum(self.lengths[:-1] + 1)
        self._codepoints: np.ndarray | None = None
        self._exotic = exotic
        self._holding_char: dict[str, np.ndarray] = {}
        # The texts' first characters: the distinct code points, and each text's index among them.
        self._firsts: tuple[np.ndarray, np.ndarray] | None = None
        self._folded: str | None = None
        self._runs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def block_of(self, positions: np.ndarray) -> np.ndarray:
        """The index of the text each position of the joined string falls in."""
        return np.searchsorted(self.offsets, positions, side="right") - 1

    @property
    def codepoints(self) -> np.ndarray:
        """The code points of the joined string."""
        if self._codepoints is None:
            self._codepoints = codepoints(self.joined)
        return self._codepoints

    @property
    def exotic(self) -> np.ndarray:
        """Per text, whether it holds a character of ``CASE_EXOTIC``."""
        if self._exotic is None:
            self._exotic = self._holding("".join(CASE_EXOTIC))
        return self._exotic

    @property
    def folded(self) -> str:
        """The joined string lower-cased, position for position (exotic characters become ``\\x00``)."""
        if self._folded is None:
            text = self.joined.translate(_EXOTIC_TO_NUL) if self.exotic.any() else self.joined
            folded = text.lower()
            if len(folded) != len(text):  # pragma: no cover - only CASE_EXOTIC changes length
                raise AssertionError("lower-casing changed the text length")
            self._folded = folded
        return self._folded

    @property
    def runs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Start and end positions of the words (``\\w+`` runs) of the joined string, and the code points
        of the text they were found in."""
        if self._runs is None:
            # Lower-casing keeps every character's word-ness, so the words of the original text are those
            # of the folded one, unless an exotic character became \x00.
            points = codepoints(self.folded) if self.exotic.any() else self.codepoints
            edges = np.diff(_word_chars(points).view(np.int8), prepend=0, append=0)
            self._runs = (np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), points)
        return self._runs

    def _word_candidates(self, starts: tuple[Starts, ...]) -> list[list[int]]:
        """Per pattern, the positions in words where its matches may begin."""
        index = _word_index(starts)
        candidates: list[list[int]] = [[] for _ in starts]
        if not index:
            return candidates
        run_starts, run_ends, points = self.runs
        if not len(run_starts):
            return candidates
        folded = self.folded
        maybe = np.flatnonzero(index.may_begin(run_starts, run_ends, points))
        words = [folded[a:b] for a, b in zip(run_starts[maybe].tolist(), run_ends[maybe].tolist(), strict=True)]
        found = list(map(index.lookup, words))
        hits = [i for i, places in enumerate(found) if places]
        if not hits:
            return candidates
        starts_list, ends_list, last = run_starts.tolist(), run_ends.tolist(), len(run_starts) - 1
        for i, k in zip(hits, maybe[hits].tolist(), strict=True):
            start = starts_list[k]
            for j, offset, following in found[i]:
                if following is None or (k < last and folded[starts_list[k + 1] : ends_list[k + 1]] in following):
                    candidates[j].append(start + offset)
        return candidates

    def _literal_positions(self, literals: tuple[str, ...]) -> list[int]:
        """Where the lower-cased joined string holds one of ``literals`` (overlapping occurrences too)."""
        if not literals:
            return []
        found, folded = [], self.folded
        for literal in literals:
            at = folded.find(literal)
            while at >= 0:
                found.append(at)
                at = folded.find(literal, at + 1)
        return found

    def _text_needs(self, literals: tuple[str, ...]) -> np.ndarray:
        """Per text, whether its lower-cased form contains one of ``literals``."""
        flagged = np.zeros(len(self), dtype=bool)
        if not literals:
            return flagged
        folded, ends = self.folded, (self.offsets + self.lengths).tolist()
        for literal in literals:
            at = folded.find(literal)
            while at >= 0:
                block = int(self.block_of(np.array([at]))[0])
                flagged[block] = True
                at = folded.find(literal, ends[block] + 1)
        return flagged

    def _holding(self, chars: str) -> np.ndarray:
        """Per text, whether it holds one of ``chars``."""
        holding = np.zeros(len(self), dtype=bool)
        for char in chars:
            if char not in self._holding_char:
                flags = np.zeros(len(self), dtype=bool)
                flags[self.block_of(np.flatnonzero(self.codepoints == ord(char)))] = True
                self._holding_char[char] = flags
            holding |= self._holding_char[char]
        return holding

    @cached_property
    def _inner_line_starts(self) -> list[int]:
        """Where lines start after a newline inside a text."""
        if self.joined.count("\n") == len(self) - 1:
            return []
        inner = [m.end() for m in re.finditer("\n", self.joined)]
        return sorted(set(inner) - set(self.offsets.tolist()))

    def _line_starts(self, line_start: str) -> list[int]:
        """Positions of line starts whose first character is in the class ``line_start``."""
        if not line_start:
            return []
        if self._firsts is None:
            firsts = codepoints("".join([text[:1] or "\n" for text in self.texts]))
            self._firsts = np.unique(firsts, return_inverse=True)
        distinct, inverse = self._firsts
        starting = np.fromiter(map(_in_class, repeat(line_start), distinct.tolist()), dtype=bool, count=len(distinct))
        return self.offsets[starting[inverse]].tolist() + self._inner_line_starts

    def places(self, patterns: Sequence[HintedPattern]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Per pattern, where its hints say it may match: ``(texts, positions, whole)``; ``positions`` are the
        candidate positions (in their texts, ``texts`` the texts' indices, in order) and ``whole`` flags the
        texts to scan whole. A text neither flagged nor holding a candidate has no match."""
        n = len(self)
        word_candidates = self._word_candidates(tuple(p.starts for p in patterns)) if n else [[] for _ in patterns]
        out = []
        for j, pattern in enumerate(patterns):
            starts = pattern.starts
            possible = self._holding(starts.requires) if starts.requires else np.ones(n, dtype=bool)
            whole = (self.exotic | self._text_needs(starts.needs)) & possible if n else np.zeros(0, dtype=bool)
            candidates = word_candidates[j] + self._literal_positions(starts.literals)
            candidates += self._line_starts(starts.line_start)
            positions = np.unique(np.array(candidates, dtype=np.int64))
            blocks = self.block_of(positions)
            keep = possible[blocks] & ~whole[blocks]
            positions, blocks = positions[keep], blocks[keep]
            out.append((blocks, positions - self.offsets[blocks], whole))
        return out

    def count(self, patterns: Sequence[HintedPattern], first_only: Sequence[bool]) -> list[np.ndarray]:
        """Per pattern, per text: ``len(regex.findall(text))``, or ``bool(regex.search(text))`` as 0/1
        where ``first_only``."""
        results = [np.zeros(len(self), dtype=np.int64) for _ in patterns]
        if not len(self):
            return results
        for j, (blocks, positions, whole) in enumerate(self.places(patterns)):
            counts, regex = results[j], patterns[j].regex
            for b in np.flatnonzero(whole).tolist():
                text = self.texts[b]
                counts[b] = (regex.search(text) is not None) if first_only[j] else len(regex.findall(text))
            matched = self._verify(regex, positions.tolist(), blocks.tolist(), first_only[j])
            counts += np.bincount(np.array(matched, dtype=np.int64), minlength=len(self))
        return results

    def _verify(
        self, regex: re.Pattern[str], positions: list[int], blocks: list[int], first_only: bool
    ) -> list[int]:
        """Try ``regex`` at each candidate (position in its text, in order) as ``findall`` would, skipping
        positions inside an earlier match in the same text (or, ``first_only``, all after a first match);
        returns the text of each match."""
        texts = self.texts
        matched: list[int] = []
        current, resume = -1, 0
        for position, b in zip(positions, blocks, strict=True):
            if b == current and position < resume:
                continue
            match = regex.match(texts[b], position)
            if match is None:
                continue
            matched.append(b)
            current = b
            resume = len(texts[b]) + 1 if first_only else max(match.end(), position + 1)
        return matched
