"""Designed features: cues of genre that carry across forums and eras.

Each cue is a small function of a block, valued in [0, 1] (or a few counts squashed into it), so the
family needs no fitted scaling and a model file needs nothing but the classifier's weights. The cues are
grouped (``GROUPS``) so that experiments can ablate one group at a time.

The cues are computed a batch of blocks at a time, one column per cue: character classes are counted
over the code points of all blocks at once, and each pattern is tried only where it can match
(:mod:`segmenter.features.scan`); cues of a block's text are computed once per distinct text of the
batch (:mod:`segmenter.features.distinct`); every value is the one the per-block definition gives.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from segmenter.blocks import Block
from segmenter.features.distinct import distinct_texts
from segmenter.features.scan import HintedPattern, Starts, TextBatch, bmp_table, word_list_starts


def _words(pattern: str) -> HintedPattern:
    return HintedPattern(re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE), word_list_starts(pattern))


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = HintedPattern(
    re.compile(
        r"^[A-Z][A-Za-z.'\-]*(?:[ ,]+(?:[A-Z][A-Za-z.'\-]*|\d{1,4}\.?)){0,6},?\s*(?:\([A-Za-z .\-]+\)\s*)?"
        r"(?:--|—|–|-|:)\s"
    ),
    Starts(line_start="[A-Z]", requires="-—–:"),
)
_CAPS_DATELINE = HintedPattern(
    re.compile(
        r"^[A-Z][A-Z.'\-]{2,}(?:[ ,]+(?:[A-Z][A-Za-z.'\-]*|\d{1,4}\.?)){0,5},?\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)"
    ),
    Starts(line_start="[A-Z]", requires="-—–"),
)
_AGENCY = HintedPattern(
    re.compile(r"\((?:AP|Reuters|UPI|AFP|Xinhua|TASS|CNN|BBC|dpa|Bloomberg|IANS|PTI|ANI|RIA)\)"),
    Starts(literals=("(",)),
)
_BYLINE = HintedPattern(
    re.compile(r"^(?:By|BY|Written by|Reporting by)\s+[A-Z]", re.UNICODE), Starts(line_start="[BWR]")
)
_OUTLET = _words(
    r"Associated Press|Reuters|Xinhua|AFP|Agence France|Bloomberg|BBC News|CNN|New York Times|Washington Post|"
    r"Guardian|Staff Writer|Correspondent|News Service|Press Association|Al Jazeera|TASS|UPI"
)
_PUBLISHED = HintedPattern(
    re.compile(r"^(?:Published|Updated|Posted|Last updated|First published)\b", re.IGNORECASE),
    Starts(line_start="[PpUuLlFf]"),
)
_CREDIT = HintedPattern(
    re.compile(
        r"\((?:Reporting|Additional reporting|Writing|Editing) by|contributed to this report|\bEditing by\b|"
        r"\bPhoto(?:graph)?:|\(AP Photo|via AP\)|Getty Images|\bFile photo\b",
        re.IGNORECASE,
    ),
    Starts(
        words=frozenset({"editing by", "file photo"}),
        word_prefixes=("photo",),
        word_suffixes=("contributed to", "via ap", "getty"),
        literals=("(",),
    ),
)
_REPORTING = _words(
    r"said|says|told|according to|reported|announced|added|stated|confirmed|declined to comment|"
    r"spokes(?:man|woman|person)|officials?|sources? said|told reporters|news agency|in a statement"
)
_OFFICIAL = _words(
    r"President|Minister|Ministry|Secretary|Spokesperson|Embassy|Government|Administration|Department|"
    r"Council|Committee|Senator|Governor|Excellency|His Excellency|State Councilor|Vice President|Premier|"
    r"Chancellor|Ambassador|Commission|Parliament|Congress"
)
_RELEASE = HintedPattern(
    re.compile(
        r"For Immediate Release|Office of the Press Secretary|Press Release|PRESS RELEASE|\bRELEASE:|"
        r"^\s*#{3}\s*$|^\s*-\s*30\s*-\s*$|^\s*Contact:|\bMedia Contact\b|^THE WHITE HOUSE|\bStatement (?:by|from|of)\b|"
        r"\bReadout\b|\bFact Sheet\b|\bFACT SHEET\b|\bEmbargoed\b|\bFOR RELEASE\b|\bNews Release\b|"
        r"\bRemarks by\b|\bJoint Statement\b|\bCommuniqu",
        re.IGNORECASE | re.MULTILINE,
    ),
    Starts(
        words=frozenset(
            {"release", "media contact", "statement by", "statement from", "statement of", "readout", "fact sheet",
             "embargoed", "for release", "news release", "remarks by", "joint statement"}
        ),
        word_prefixes=("communiqu",),
        word_suffixes=("for immediate", "office of", "press"),
        line_start=r"[\s#\-CcTt]",
    ),
)
_OFFICIAL_WE = _words(
    r"we will continue|we welcome|we call on|we strongly|we reaffirm|the United States will|our commitment|"
    r"I am pleased|I am proud|pleased to announce|today announced|reaffirmed|underscored|highlighted|"
    r"bilateral|multilateral|cooperation|partnership|delegation|the two sides|both sides|"
    r"stands ready|condemns|strongly condemn"
)
_TRANSCRIPT = HintedPattern(
    re.compile(
        r"^(?:Q|Question|A|Answer)\s*[:.]\s|^(?:MR|MS|MRS|DR|SECRETARY|PRESIDENT)\.?\s+[A-Z]+\s*:|"
        r"^[A-Z][A-Z .'\-]{2,30}:\s"
    ),
    Starts(line_start="[A-Z]", requires=":."),
)
_FIRST_SINGULAR = _words(r"I|I'm|I've|I'd|I'll|me|my|mine|myself|im|ive")
_FIRST_PLURAL = _words(r"we|we're|we've|us|our|ours")
_SECOND = _words(r"you|you're|your|yours|yourself|u|ya")
_THIRD = _words(r"he|she|they|his|her|their|them|it's")
_HEDGE = _words(
    r"think|believe|maybe|perhaps|probably|guess|seems?|imo|imho|i suppose|kind of|sort of|apparently|"
    r"honestly|frankly|actually|pretty sure|i doubt|i wonder|doubt"
)
_EVALUATIVE = _words(
    r"good|bad|great|stupid|idiots?|ridiculous|nonsense|awesome|terrible|crap|shit|damn|lol|lmao|wtf|"
    r"hilarious|pathetic|sad|funny|joke|insane|crazy|dumb|moron|clown|fuck\w*|bs|lame|naive|hypocrit\w*|"
    r"propaganda|agree|disagree|wrong|right\?|obviously|clearly|of course|nice|cool|wow|yeah|yes|no way"
)
_INFORMAL = HintedPattern(
    re.compile(
        r"\b(?:lol|lmao|rofl|imo|imho|btw|afaik|iirc|tbh|smh|ok|yeah|nah|gonna|wanna|dunno)\b|"
        r"[!?]{2,}|\.\.\.|:\)|:\(|;\)|:D|\bxD\b",
        re.IGNORECASE,
    ),
    Starts(
        words=frozenset(("lol", "lmao", "rofl", "imo", "imho", "btw", "afaik", "iirc", "tbh", "smh", "ok", "yeah",
                         "nah", "gonna", "wanna", "dunno", "xd")),
        literals=("!!", "!?", "?!", "??", "...", ":)", ":(", ";)", ":d"),
    ),
)
_QUOTE_INTRO = HintedPattern(
    re.compile(
        r"^(?:Quote:?|Originally Posted by\b)|\b(?:said|wrote|writes|posted):\s*$|^In (?:article|message)\b|"
        r"\bClick to expand\b|^> ?\S.*\bwrote:$|\bsaid:$",
        re.IGNORECASE,
    ),
    Starts(words=frozenset({"said", "wrote", "writes", "posted", "click to"}), line_start="[QqOoIi>]"),
)
_KEY_VALUE = HintedPattern(re.compile(r"^[A-Z][A-Za-z\-]{1,25}:\s+\S"), Starts(line_start="[A-Z]", requires=":"))
_MAIL_HEADER = HintedPattern(
    re.compile(
        r"^(?:From|Subject|Organization|Organisation|Lines|Date|Newsgroups|Message-ID|Reply-To|Sender|"
        r"NNTP-Posting-Host|Nntp-Posting-Host|Keywords|Summary|Distribution|Expires|References|Path|"
        r"X-[A-Za-z\-]+|Article-I\.D\.|Followup-To|Approved):\s",
        re.IGNORECASE,
    ),
    Starts(line_start="[FfSsOoLlDdNnMmRrKkEePpXxAa]", requires=":"),
)
_EMAIL = HintedPattern(re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+|<[^>\s]+@[^>\s]+>"), Starts(needs=("@",)))
_URL = HintedPattern(
    re.compile(r"https?://|www\.|\.com\b|\.org\b|\.gov\b", re.IGNORECASE),
    Starts(word_suffixes=("http", "https", "www"), literals=(".com", ".org", ".gov")),
)
_DATE = HintedPattern(
    re.compile(
        r"\b" + _MONTH + r"\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+" + _MONTH + r"\s+\d{4}\b|"
        r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|"
        r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\s*(?:AM|PM|am|pm)?\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|"
        r"years?)\s+ago\b|\b(?:Yesterday|Today) at\b"
    ),
    Starts(
        words=frozenset({"yesterday at", "today at"}),
        word_prefixes=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        digit_words=True,
    ),
)
_CHROME_WORDS = _words(
    r"Reply|Quote|Report|Share|Like|Likes|Reactions?|Reaction score|Joined|Messages|Posts|Points|Location|"
    r"Top|Bottom|Permalink|Edit|Delete|Bookmark|Thread|Forums?|Members?|Log in|Register|Sign up|Login|"
    r"Search|Home|Menu|Next|Prev|Previous|Page \d+ of \d+|Unread|Watch|Follow|Upvote|Downvote|Award|"
    r"level \d+|Moderator|Administrator|Senior Member|Registered User|Banned|Online|Offline|views|replies"
)
_SIGNATURE_SEP = HintedPattern(re.compile(r"^(?:--|-- |__+|={3,}|-{3,}|\*{3,})\s*$"), Starts(line_start="[-_=*]"))
_SNIP = HintedPattern(
    re.compile(r"^\s*(?:\[?\s*(?:\.\.\.|…|snip|SNIP|snipped|deleted|edited)\s*\]?|\((?:\.\.\.|…|snip)\))\s*$"),
    Starts(line_start=r"[\s\[.…sSde(]"),
)
#: What a word is for the word counts (``n_words``, ``title_ratio``); counted by ``_Batch`` over code points.
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")

# Per-code-point flags of the basic multilingual plane, from the same str methods the definitions use.
_ALPHA, _UPPER, _DIGIT, _ASCII_LETTER, _WORD_CHAR = 1, 2, 4, 8, 16


@cache
def _bmp_flags() -> np.ndarray:
    flags = bmp_table(str.isalpha).astype(np.uint8) * _ALPHA
    flags |= bmp_table(str.isupper).astype(np.uint8) * _UPPER
    flags |= bmp_table(str.isdigit).astype(np.uint8) * _DIGIT
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
        flags[ord(c)] |= _ASCII_LETTER | _WORD_CHAR
    flags[ord("'")] |= _WORD_CHAR
    flags[ord("-")] |= _WORD_CHAR
    return flags


def _char_flags(codepoints: np.ndarray) -> np.ndarray:
    flags = _bmp_flags()[np.minimum(codepoints, 0xFFFF)]
    astral = np.flatnonzero(codepoints > 0xFFFF)
    for i in astral.tolist():
        c = chr(int(codepoints[i]))
        flags[i] = c.isalpha() * _ALPHA | c.isupper() * _UPPER | c.isdigit() * _DIGIT
    return flags


def _squash(count: float, scale: float = 1.0) -> float:
    """Map a count in [0, inf) into [0, 1)."""
    return 1.0 - math.exp(-count / scale)


def _ratio(count: int, total: int) -> float:
    return count / total if total else 0.0


def _each(fn: Callable[..., float], *columns: np.ndarray) -> np.ndarray:
    """``fn`` of each row's values as Python numbers (bit for bit what per-block code gives), once per
    distinct row; rows whose first value is 0 map to 0 without a call (``fn`` must give 0 there)."""
    out = np.zeros(len(columns[0]), dtype=np.float64)
    rows = np.flatnonzero(columns[0])
    if len(rows):
        values = list(zip(*(c[rows].tolist() for c in columns), strict=True))
        memo: dict[tuple, float] = {}
        out[rows] = [memo[v] if v in memo else memo.setdefault(v, fn(*v)) for v in values]
    return out


@dataclass(frozen=True)
class _Scan:
    """A pattern to count in each block's body (or raw text); ``first_only``: whether it matches at all."""

    pattern: HintedPattern
    on_raw: bool = False
    first_only: bool = False


class _Batch:
    """Facts about a batch of blocks, one array per fact, computed once and shared by the cue columns."""

    def __init__(self, blocks: Sequence[Block], scans: Sequence[_Scan]) -> None:
        self.blocks = list(blocks)
        self.matches: dict[_Scan, np.ndarray] = {}
        self._attributes: dict[str, np.ndarray] = {}
        for on_raw in (False, True):
            group = list(dict.fromkeys(s for s in scans if s.on_raw == on_raw))
            if group:
                # A text and its body differ by quote markers and white space, never by exotic characters.
                text = TextBatch([b.text for b in self.blocks], self.body_text.exotic) if on_raw else self.body_text
                counts = text.count([s.pattern for s in group], [s.first_only for s in group])
                self.matches.update(zip(group, counts, strict=True))

    def __len__(self) -> int:
        return len(self.blocks)

    @cached_property
    def bodies(self) -> list[str]:
        return [b.body for b in self.blocks]

    @cached_property
    def body_text(self) -> TextBatch:
        return TextBatch(self.bodies)

    @cached_property
    def n_chars(self) -> np.ndarray:
        return self.body_text.lengths

    @cached_property
    def _flags(self) -> np.ndarray:
        return _char_flags(self.body_text.codepoints)

    def _per_block(self, mask: np.ndarray) -> np.ndarray:
        cumulative = np.concatenate([[0], np.cumsum(mask, dtype=np.int64)])
        starts = self.body_text.offsets
        return cumulative[starts + self.n_chars] - cumulative[starts]

    @cached_property
    def n_letters(self) -> np.ndarray:
        return self._per_block((self._flags & _ALPHA) != 0)

    @cached_property
    def n_upper(self) -> np.ndarray:
        return self._per_block((self._flags & _UPPER) != 0)

    @cached_property
    def n_digits(self) -> np.ndarray:
        return self._per_block((self._flags & _DIGIT) != 0)

    @cached_property
    def _word_starts(self) -> np.ndarray:
        """Where the matches of ``_WORD`` begin: the first ASCII letter of each run of ``[A-Za-z'\\-]``."""
        in_word = (self._flags & _WORD_CHAR) != 0
        run_start = in_word.copy()
        run_start[1:] &= ~in_word[:-1]
        run = np.cumsum(run_start)
        letters = np.flatnonzero((self._flags & _ASCII_LETTER) != 0)
        first = np.ones(len(letters), dtype=bool)
        first[1:] = run[letters[1:]] != run[letters[:-1]]
        return letters[first]

    @cached_property
    def n_words(self) -> np.ndarray:
        return np.bincount(self.body_text.block_of(self._word_starts), minlength=len(self))

    @cached_property
    def n_title(self) -> np.ndarray:
        capital = (self._flags[self._word_starts] & _UPPER) != 0
        return np.bincount(self.body_text.block_of(self._word_starts[capital]), minlength=len(self))

    @cached_property
    def last_char(self) -> list[str]:
        """The last non-space character of each body ('' if none)."""
        return [body.rstrip()[-1:] for body in self.bodies]

    @cached_property
    def first_char(self) -> list[str]:
        return [body[:1] for body in self.bodies]

    def attribute(self, name: str) -> np.ndarray:
        if name not in self._attributes:
            self._attributes[name] = np.array([getattr(b, name) for b in self.blocks], dtype=np.int64)
        return self._attributes[name]


def _column(values: Sequence[float | bool]) -> np.ndarray:
    return np.array(values, dtype=np.float64)


@dataclass(frozen=True)
class _PatternCue:
    """A cue computed from the matches of one pattern: ``value(matches, batch)``."""

    scan: _Scan
    value: Callable[[np.ndarray, _Batch], np.ndarray]

    def __call__(self, batch: _Batch) -> np.ndarray:
        return self.value(batch.matches[self.scan], batch)


def _count(pattern: HintedPattern) -> _PatternCue:
    return _PatternCue(_Scan(pattern), lambda m, b: _each(_squash, m))


def _rate(pattern: HintedPattern, scale: float = 0.05) -> _PatternCue:
    return _PatternCue(
        _Scan(pattern), lambda m, b: _each(lambda k, n: _squash(_ratio(k, max(n, 1)), scale), m, b.n_words)
    )


def _has(pattern: HintedPattern, on_raw: bool = False) -> _PatternCue:
    return _PatternCue(_Scan(pattern, on_raw, first_only=True), lambda m, b: (m > 0).astype(np.float64))


def _title_ratio(b: _Batch) -> np.ndarray:
    return np.divide(b.n_title, b.n_words, out=np.zeros(len(b)), where=b.n_words > 0)


def _terminal(chars: str) -> Callable[[_Batch], np.ndarray]:
    return lambda b: _column([bool(last) and last in chars for last in b.last_char])


def _log_scaled(count: np.ndarray, scale: float) -> np.ndarray:
    values, inverse = np.unique(count, return_inverse=True)
    return np.array([min(math.log1p(v) / scale, 1.0) for v in values.tolist()], dtype=np.float64)[inverse]


#: name -> (group, function of a batch giving the cue's column)
CUES: dict[str, tuple[str, Callable[[_Batch], np.ndarray]]] = {
    # length and shape
    "log_chars": ("shape", lambda b: _log_scaled(b.n_chars, 8.0)),
    "log_words": ("shape", lambda b: _log_scaled(b.n_words, 6.0)),
    "one_or_two_words": ("shape", lambda b: b.n_words <= 2),
    "short_line": ("shape", lambda b: b.n_words <= 6),
    "long_line": ("shape", lambda b: b.n_words >= 40),
    "upper_ratio": ("shape", lambda b: np.divide(b.n_upper, b.n_letters, out=np.zeros(len(b)), where=b.n_letters > 0)),
    "all_caps": ("shape", lambda b: (b.n_letters >= 4) & (b.n_upper == b.n_letters)),
    "title_ratio": ("shape", _title_ratio),
    "digit_ratio": ("shape", lambda b: b.n_digits / np.maximum(b.n_chars, 1)),
    "letter_ratio": ("shape", lambda b: b.n_letters / np.maximum(b.n_chars, 1)),
    "ends_period": ("shape", _terminal(".\"'”’)")),
    "ends_question": ("shape", _terminal("?")),
    "ends_exclaim": ("shape", _terminal("!")),
    "ends_colon": ("shape", _terminal(":")),
    "ends_open": ("shape", lambda b: _column([last.isalnum() for last in b.last_char])),
    "starts_lower": ("shape", lambda b: _column([first.islower() for first in b.first_char])),
    "starts_quote_mark": ("shape", lambda b: _column([first in "\"“'‘" for first in b.first_char])),
    "indented": ("shape", lambda b: _column([block.text[:1] in " \t" for block in b.blocks])),
    # news conventions
    "dateline": ("news", _has(_DATELINE)),
    "caps_dateline": ("news", _has(_CAPS_DATELINE)),
    "agency": ("news", _has(_AGENCY)),
    "byline": ("news", _has(_BYLINE)),
    "outlet": ("news", _has(_OUTLET)),
    "published": ("news", _has(_PUBLISHED)),
    "credit": ("news", _has(_CREDIT)),
    "reporting_verbs": ("news", _rate(_REPORTING)),
    "third_person": ("news", _rate(_THIRD)),
    # official statements
    "official_titles": ("official", _rate(_OFFICIAL)),
    "release_marker": ("official", _has(_RELEASE)),
    "official_phrases": ("official", _rate(_OFFICIAL_WE)),
    "transcript_speaker": ("official", _has(_TRANSCRIPT)),
    "first_plural": ("official", _rate(_FIRST_PLURAL)),
    # the users' voice
    "first_singular": ("voice", _rate(_FIRST_SINGULAR)),
    "second_person": ("voice", _rate(_SECOND)),
    "hedges": ("voice", _rate(_HEDGE)),
    "evaluative": ("voice", _rate(_EVALUATIVE)),
    "informal": ("voice", _count(_INFORMAL)),
    "question_marks": ("voice", lambda b: _each(_squash, np.array([body.count("?") for body in b.bodies]))),
    "exclamations": ("voice", lambda b: _each(_squash, np.array([body.count("!") for body in b.bodies]))),
    # quoting and forum chrome
    "quote_depth_1": ("chrome", lambda b: b.attribute("quote_depth") == 1),
    "quote_depth_2plus": ("chrome", lambda b: b.attribute("quote_depth") >= 2),
    "quote_intro": ("chrome", _has(_QUOTE_INTRO)),
    "key_value": ("chrome", _has(_KEY_VALUE)),
    "mail_header": ("chrome", _has(_MAIL_HEADER)),
    "email": ("chrome", _has(_EMAIL)),
    "url": ("chrome", _has(_URL)),
    "date_or_time": ("chrome", _has(_DATE)),
    "chrome_words": ("chrome", _PatternCue(_Scan(_CHROME_WORDS), lambda m, b: m / np.maximum(b.n_words, 1))),
    "signature_sep": ("chrome", _has(_SIGNATURE_SEP, on_raw=True)),
    "snip": ("chrome", _has(_SNIP)),
    "no_letters": ("chrome", lambda b: b.n_letters == 0),
    # layout
    "gap_before": ("layout", lambda b: b.attribute("gap_before") > 0),
    "big_gap_before": ("layout", lambda b: b.attribute("gap_before") > 1),
    "position": ("layout", lambda b: b.attribute("index") / np.maximum(b.attribute("n_blocks") - 1, 1)),
    "first_block": ("layout", lambda b: b.attribute("index") == 0),
    "last_block": ("layout", lambda b: b.attribute("index") == b.attribute("n_blocks") - 1),
    "near_start": ("layout", lambda b: b.attribute("index") < 5),
    "near_end": ("layout", lambda b: b.attribute("n_blocks") - b.attribute("index") <= 3),
}

GROUPS: tuple[str, ...] = tuple(dict.fromkeys(group for group, _ in CUES.values()))
#: Groups of cues that depend on where a block is in its page; every other cue depends on its text alone.
PLACE_GROUPS = frozenset({"layout"})


class DesignedFeatures(TransformerMixin, BaseEstimator):
    """Dense designed cues of each block, all in [0, 1].

    Parameters
    ----------
    groups : sequence of str or None, default=None
        The cue groups to compute (see ``GROUPS``); ``None`` computes all of them. Used by ablations.
    """

    def __init__(self, groups: Sequence[str] | None = None) -> None:
        self.groups = groups

    def _selected(self) -> list[tuple[str, Callable[[_Batch], np.ndarray]]]:
        keep = set(self.groups) if self.groups is not None else set(GROUPS)
        return [(name, fn) for name, (group, fn) in CUES.items() if group in keep]

    def fit(self, blocks: Sequence[Block], y=None) -> DesignedFeatures:
        """Stateless: record the feature count and return ``self``."""
        self.n_features_out_ = len(self._selected())
        return self

    def transform(self, blocks: Sequence[Block]) -> np.ndarray:
        """Return an array of shape (n_blocks, n_cues)."""
        selected = self._selected()
        out = np.zeros((len(blocks), len(selected)), dtype=np.float32)
        if not len(blocks):
            return out
        # Cues of the text are computed once per distinct text, cues of the place for every block.
        repeats = distinct_texts([block.text for block in blocks])
        texts = blocks if repeats is None else [blocks[i] for i in repeats.first]
        text_batch = _Batch(texts, [fn.scan for _, fn in selected if isinstance(fn, _PatternCue)])
        place_batch = _Batch(blocks, [])
        for j, (name, fn) in enumerate(selected):
            if CUES[name][0] in PLACE_GROUPS:
                out[:, j] = fn(place_batch)
            else:
                out[:, j] = fn(text_batch) if repeats is None else repeats.spread(fn(text_batch))
        return out

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The cue names, in column order."""
        return np.array([name for name, _ in self._selected()], dtype=object)
