"""Designed features: cues of genre that carry across forums and eras.

Each cue is a small function of a block, valued in [0, 1] (or a few counts squashed into it), so the
family needs no fitted scaling and a model file needs nothing but the classifier's weights. The cues are
grouped (``GROUPS``) so that experiments can ablate one group at a time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from segmenter.blocks import Block


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'\-]*(?:[ ,]+(?:[A-Z][A-Za-z.'\-]*|\d{1,4}\.?)){0,6},?\s*(?:\([A-Za-z .\-]+\)\s*)?"
    r"(?:--|—|–|-|:)\s"
)
_CAPS_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\-]{2,}(?:[ ,]+(?:[A-Z][A-Za-z.'\-]*|\d{1,4}\.?)){0,5},?\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)"
)
_AGENCY = re.compile(r"\((?:AP|Reuters|UPI|AFP|Xinhua|TASS|CNN|BBC|dpa|Bloomberg|IANS|PTI|ANI|RIA)\)")
_BYLINE = re.compile(r"^(?:By|BY|Written by|Reporting by)\s+[A-Z]", re.UNICODE)
_OUTLET = _words(
    r"Associated Press|Reuters|Xinhua|AFP|Agence France|Bloomberg|BBC News|CNN|New York Times|Washington Post|"
    r"Guardian|Staff Writer|Correspondent|News Service|Press Association|Al Jazeera|TASS|UPI"
)
_PUBLISHED = re.compile(r"^(?:Published|Updated|Posted|Last updated|First published)\b", re.IGNORECASE)
_CREDIT = re.compile(
    r"\((?:Reporting|Additional reporting|Writing|Editing) by|contributed to this report|\bEditing by\b|"
    r"\bPhoto(?:graph)?:|\(AP Photo|via AP\)|Getty Images|\bFile photo\b",
    re.IGNORECASE,
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
_RELEASE = re.compile(
    r"For Immediate Release|Office of the Press Secretary|Press Release|PRESS RELEASE|\bRELEASE:|"
    r"^\s*#{3}\s*$|^\s*-\s*30\s*-\s*$|^\s*Contact:|\bMedia Contact\b|^THE WHITE HOUSE|\bStatement (?:by|from|of)\b|"
    r"\bReadout\b|\bFact Sheet\b|\bFACT SHEET\b|\bEmbargoed\b|\bFOR RELEASE\b|\bNews Release\b|"
    r"\bRemarks by\b|\bJoint Statement\b|\bCommuniqu",
    re.IGNORECASE | re.MULTILINE,
)
_OFFICIAL_WE = _words(
    r"we will continue|we welcome|we call on|we strongly|we reaffirm|the United States will|our commitment|"
    r"I am pleased|I am proud|pleased to announce|today announced|reaffirmed|underscored|highlighted|"
    r"bilateral|multilateral|cooperation|partnership|delegation|the two sides|both sides|"
    r"stands ready|condemns|strongly condemn"
)
_TRANSCRIPT = re.compile(r"^(?:Q|Question|A|Answer)\s*[:.]\s|^(?:MR|MS|MRS|DR|SECRETARY|PRESIDENT)\.?\s+[A-Z]+\s*:|"
                         r"^[A-Z][A-Z .'\-]{2,30}:\s")
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
_INFORMAL = re.compile(r"\b(?:lol|lmao|rofl|imo|imho|btw|afaik|iirc|tbh|smh|ok|yeah|nah|gonna|wanna|dunno)\b|"
                       r"[!?]{2,}|\.\.\.|:\)|:\(|;\)|:D|\bxD\b", re.IGNORECASE)
_QUOTE_INTRO = re.compile(
    r"^(?:Quote:?|Originally Posted by\b)|\b(?:said|wrote|writes|posted):\s*$|^In (?:article|message)\b|"
    r"\bClick to expand\b|^> ?\S.*\bwrote:$|\bsaid:$", re.IGNORECASE
)
_KEY_VALUE = re.compile(r"^[A-Z][A-Za-z\-]{1,25}:\s+\S")
_MAIL_HEADER = re.compile(
    r"^(?:From|Subject|Organization|Organisation|Lines|Date|Newsgroups|Message-ID|Reply-To|Sender|"
    r"NNTP-Posting-Host|Nntp-Posting-Host|Keywords|Summary|Distribution|Expires|References|Path|"
    r"X-[A-Za-z\-]+|Article-I\.D\.|Followup-To|Approved):\s", re.IGNORECASE
)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+|<[^>\s]+@[^>\s]+>")
_URL = re.compile(r"https?://|www\.|\.com\b|\.org\b|\.gov\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b" + _MONTH + r"\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+" + _MONTH + r"\s+\d{4}\b|"
    r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\s*(?:AM|PM|am|pm)?\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|"
    r"years?)\s+ago\b|\b(?:Yesterday|Today) at\b"
)
_CHROME_WORDS = _words(
    r"Reply|Quote|Report|Share|Like|Likes|Reactions?|Reaction score|Joined|Messages|Posts|Points|Location|"
    r"Top|Bottom|Permalink|Edit|Delete|Bookmark|Thread|Forums?|Members?|Log in|Register|Sign up|Login|"
    r"Search|Home|Menu|Next|Prev|Previous|Page \d+ of \d+|Unread|Watch|Follow|Upvote|Downvote|Award|"
    r"level \d+|Moderator|Administrator|Senior Member|Registered User|Banned|Online|Offline|views|replies"
)
_SIGNATURE_SEP = re.compile(r"^(?:--|-- |__+|={3,}|-{3,}|\*{3,})\s*$")
_SNIP = re.compile(r"^\s*(?:\[?\s*(?:\.\.\.|…|snip|SNIP|snipped|deleted|edited)\s*\]?|\((?:\.\.\.|…|snip)\))\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_TOKEN = re.compile(r"\S+")


def _squash(count: float, scale: float = 1.0) -> float:
    """Map a count in [0, inf) into [0, 1)."""
    return 1.0 - math.exp(-count / scale)


def _ratio(count: int, total: int) -> float:
    return count / total if total else 0.0


class _Cues:
    """Cheap facts about one block's text, computed once and shared by the cue functions."""

    __slots__ = ("block", "body", "words", "n_words", "n_chars", "n_letters", "n_upper")

    def __init__(self, block: Block) -> None:
        self.block = block
        self.body = block.body
        self.words = _WORD.findall(self.body)
        self.n_words = len(self.words)
        self.n_chars = len(self.body)
        self.n_letters = sum(ch.isalpha() for ch in self.body)
        self.n_upper = sum(ch.isupper() for ch in self.body)


def _count(pattern: re.Pattern[str]) -> Callable[[_Cues], float]:
    return lambda c: _squash(len(pattern.findall(c.body)))


def _rate(pattern: re.Pattern[str], scale: float = 0.05) -> Callable[[_Cues], float]:
    return lambda c: _squash(_ratio(len(pattern.findall(c.body)), max(c.n_words, 1)), scale)


def _has(pattern: re.Pattern[str], on_raw: bool = False) -> Callable[[_Cues], float]:
    return lambda c: float(bool(pattern.search(c.block.text if on_raw else c.body)))


def _title_ratio(c: _Cues) -> float:
    return _ratio(sum(w[0].isupper() for w in c.words), c.n_words)


def _terminal(chars: str) -> Callable[[_Cues], float]:
    return lambda c: float(c.body.rstrip()[-1:] in chars) if c.body.strip() else 0.0


#: name -> (group, function of the block's cues)
CUES: dict[str, tuple[str, Callable[[_Cues], float]]] = {
    # length and shape
    "log_chars": ("shape", lambda c: min(math.log1p(c.n_chars) / 8.0, 1.0)),
    "log_words": ("shape", lambda c: min(math.log1p(c.n_words) / 6.0, 1.0)),
    "one_or_two_words": ("shape", lambda c: float(c.n_words <= 2)),
    "short_line": ("shape", lambda c: float(c.n_words <= 6)),
    "long_line": ("shape", lambda c: float(c.n_words >= 40)),
    "upper_ratio": ("shape", lambda c: _ratio(c.n_upper, c.n_letters)),
    "all_caps": ("shape", lambda c: float(c.n_letters >= 4 and c.n_upper == c.n_letters)),
    "title_ratio": ("shape", _title_ratio),
    "digit_ratio": ("shape", lambda c: _ratio(sum(ch.isdigit() for ch in c.body), max(c.n_chars, 1))),
    "letter_ratio": ("shape", lambda c: _ratio(c.n_letters, max(c.n_chars, 1))),
    "ends_period": ("shape", _terminal(".\"'”’)")),
    "ends_question": ("shape", _terminal("?")),
    "ends_exclaim": ("shape", _terminal("!")),
    "ends_colon": ("shape", _terminal(":")),
    "ends_open": ("shape", lambda c: float(bool(c.body) and c.body.rstrip()[-1:].isalnum())),
    "starts_lower": ("shape", lambda c: float(c.body[:1].islower())),
    "starts_quote_mark": ("shape", lambda c: float(c.body[:1] in "\"“'‘")),
    "indented": ("shape", lambda c: float(c.block.text[:1] in " \t")),
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
    "question_marks": ("voice", lambda c: _squash(c.body.count("?"))),
    "exclamations": ("voice", lambda c: _squash(c.body.count("!"))),
    # quoting and forum chrome
    "quote_depth_1": ("chrome", lambda c: float(c.block.quote_depth == 1)),
    "quote_depth_2plus": ("chrome", lambda c: float(c.block.quote_depth >= 2)),
    "quote_intro": ("chrome", _has(_QUOTE_INTRO)),
    "key_value": ("chrome", _has(_KEY_VALUE)),
    "mail_header": ("chrome", _has(_MAIL_HEADER)),
    "email": ("chrome", _has(_EMAIL)),
    "url": ("chrome", _has(_URL)),
    "date_or_time": ("chrome", _has(_DATE)),
    "chrome_words": ("chrome", lambda c: _ratio(len(_CHROME_WORDS.findall(c.body)), max(c.n_words, 1))),
    "signature_sep": ("chrome", _has(_SIGNATURE_SEP, on_raw=True)),
    "snip": ("chrome", _has(_SNIP)),
    "no_letters": ("chrome", lambda c: float(c.n_letters == 0)),
    # layout
    "gap_before": ("layout", lambda c: float(c.block.gap_before > 0)),
    "big_gap_before": ("layout", lambda c: float(c.block.gap_before > 1)),
    "position": ("layout", lambda c: c.block.position),
    "first_block": ("layout", lambda c: float(c.block.index == 0)),
    "last_block": ("layout", lambda c: float(c.block.index == c.block.n_blocks - 1)),
    "near_start": ("layout", lambda c: float(c.block.index < 5)),
    "near_end": ("layout", lambda c: float(c.block.n_blocks - c.block.index <= 3)),
}

GROUPS: tuple[str, ...] = tuple(dict.fromkeys(group for group, _ in CUES.values()))


class DesignedFeatures(TransformerMixin, BaseEstimator):
    """Dense designed cues of each block, all in [0, 1].

    Parameters
    ----------
    groups : sequence of str or None, default=None
        The cue groups to compute (see ``GROUPS``); ``None`` computes all of them. Used by ablations.
    """

    def __init__(self, groups: Sequence[str] | None = None) -> None:
        self.groups = groups

    def _selected(self) -> list[tuple[str, Callable[[_Cues], float]]]:
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
        for i, block in enumerate(blocks):
            cues = _Cues(block)
            out[i] = [fn(cues) for _, fn in selected]
        return out

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The cue names, in column order."""
        return np.array([name for name, _ in self._selected()], dtype=object)
