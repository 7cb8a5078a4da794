"""Batched computations give exactly what the plain per-block (per-page) definitions give.

The designed cues are computed for a whole batch at once (``segmenter.features.scan``); here a slow,
straightforward per-block reference — each regex run with ``findall``/``search`` on each block, each
character class counted with ``str`` methods — must agree bit for bit on hand-written and generated
blocks. The pattern hints are also checked directly: every position where a pattern matches must be
one the hints name. Context and stage-two columns, hashing and decoding of a batch are checked against
their page-by-page (token-by-token) definitions too. All text here was written for these tests.
"""

from __future__ import annotations

import math
import random
import re

import numpy as np
import pytest

from segmenter.blocks import Block, split_blocks
from segmenter.decoder import _posteriors_log, learn_transitions, posteriors_pages, viterbi_pages
from segmenter.features import designed as d
from segmenter.features.context import (
    ContextFeatures,
    page_slices,
    reach_max,
    repeat_flags,
    repeat_key,
    shifted,
    window_mean,
)
from segmenter.features.designed import CUES, DesignedFeatures
from segmenter.features.lexical import WordNgrams, hash_token_lists
from segmenter.features.scan import CASE_EXOTIC, HintedPattern, Starts, TextBatch, word_list_starts
from segmenter.stacking import OFFSETS, RADII, stack_features

# -- the per-block reference ---------------------------------------------------------------------------


def twin_probabilities(blocks: list[Block], probabilities: np.ndarray) -> np.ndarray:
    """Stage two's twin columns for one page: the probabilities of each block's earlier identical block
    (zeros if none), plus a flag column saying a twin exists."""
    out = np.zeros((len(blocks), probabilities.shape[1] + 1), dtype=np.float32)
    first_seen: dict[str, int] = {}
    for i, block in enumerate(blocks):
        key = repeat_key(block)
        if key.count(" ") < 4:
            continue
        if key in first_seen:
            out[i, :-1] = probabilities[first_seen[key]]
            out[i, -1] = 1.0
        else:
            first_seen[key] = i
    return out



def _squash(count: float, scale: float = 1.0) -> float:
    return 1.0 - math.exp(-count / scale)


def _ratio(count: int, total: int) -> float:
    return count / total if total else 0.0


def _reference_row(block: Block) -> dict[str, float]:
    body = block.body
    words = d._WORD.findall(body)
    n_words, n_chars = len(words), len(body)
    n_letters = sum(ch.isalpha() for ch in body)
    n_upper = sum(ch.isupper() for ch in body)

    def has(pattern: HintedPattern, raw: bool = False) -> float:
        return float(bool(pattern.regex.search(block.text if raw else body)))

    def rate(pattern: HintedPattern) -> float:
        return _squash(_ratio(len(pattern.regex.findall(body)), max(n_words, 1)), 0.05)

    def terminal(chars: str) -> float:
        return float(body.rstrip()[-1:] in chars) if body.strip() else 0.0

    return {
        "log_chars": min(math.log1p(n_chars) / 8.0, 1.0),
        "log_words": min(math.log1p(n_words) / 6.0, 1.0),
        "one_or_two_words": float(n_words <= 2),
        "short_line": float(n_words <= 6),
        "long_line": float(n_words >= 40),
        "upper_ratio": _ratio(n_upper, n_letters),
        "all_caps": float(n_letters >= 4 and n_upper == n_letters),
        "title_ratio": _ratio(sum(w[0].isupper() for w in words), n_words),
        "digit_ratio": _ratio(sum(ch.isdigit() for ch in body), max(n_chars, 1)),
        "letter_ratio": _ratio(n_letters, max(n_chars, 1)),
        "ends_period": terminal(".\"'”’)"),
        "ends_question": terminal("?"),
        "ends_exclaim": terminal("!"),
        "ends_colon": terminal(":"),
        "ends_open": float(bool(body) and body.rstrip()[-1:].isalnum()),
        "starts_lower": float(body[:1].islower()),
        "starts_quote_mark": float(body[:1] in "\"“'‘"),
        "indented": float(block.text[:1] in " \t"),
        "dateline": has(d._DATELINE),
        "caps_dateline": has(d._CAPS_DATELINE),
        "agency": has(d._AGENCY),
        "byline": has(d._BYLINE),
        "outlet": has(d._OUTLET),
        "published": has(d._PUBLISHED),
        "credit": has(d._CREDIT),
        "reporting_verbs": rate(d._REPORTING),
        "third_person": rate(d._THIRD),
        "official_titles": rate(d._OFFICIAL),
        "release_marker": has(d._RELEASE),
        "official_phrases": rate(d._OFFICIAL_WE),
        "transcript_speaker": has(d._TRANSCRIPT),
        "first_plural": rate(d._FIRST_PLURAL),
        "first_singular": rate(d._FIRST_SINGULAR),
        "second_person": rate(d._SECOND),
        "hedges": rate(d._HEDGE),
        "evaluative": rate(d._EVALUATIVE),
        "informal": _squash(len(d._INFORMAL.regex.findall(body))),
        "question_marks": _squash(body.count("?")),
        "exclamations": _squash(body.count("!")),
        "quote_depth_1": float(block.quote_depth == 1),
        "quote_depth_2plus": float(block.quote_depth >= 2),
        "quote_intro": has(d._QUOTE_INTRO),
        "key_value": has(d._KEY_VALUE),
        "mail_header": has(d._MAIL_HEADER),
        "email": has(d._EMAIL),
        "url": has(d._URL),
        "date_or_time": has(d._DATE),
        "chrome_words": _ratio(len(d._CHROME_WORDS.regex.findall(body)), max(n_words, 1)),
        "signature_sep": has(d._SIGNATURE_SEP, raw=True),
        "snip": has(d._SNIP),
        "no_letters": float(n_letters == 0),
        "gap_before": float(block.gap_before > 0),
        "big_gap_before": float(block.gap_before > 1),
        "position": block.position,
        "first_block": float(block.index == 0),
        "last_block": float(block.index == block.n_blocks - 1),
        "near_start": float(block.index < 5),
        "near_end": float(block.n_blocks - block.index <= 3),
    }


def _reference(blocks: list[Block], names: list[str]) -> np.ndarray:
    out = np.zeros((len(blocks), len(names)), dtype=np.float32)
    for i, block in enumerate(blocks):
        row = _reference_row(block)
        out[i] = [row[name] for name in names]
    return out


# -- hand-written and generated blocks --------------------------------------------------------------

HAND = """\
PORTVALE (Wire) -- The harbour board said on Monday that ferries would resume, officials said.
NORTHMERE, March 3 (AP) - Regional officials announced a plan.
QUAYSIDE: the tide turned early
By Ada Quill, Staff Writer
BY ROSA WEN
Reporting by Ivo Lark; Editing by Mae Dunn
Published: 12/03/2019 10:45 AM
Updated 3 hours ago
(Additional reporting by Tam Oro) Sam Fenn contributed to this report. Photo: Getty Images (AP Photo/Lu Ro) via AP)
FOR IMMEDIATE RELEASE
Office of the Press Secretary
Therefor immediate release; express release notes; press releases: boxoffice of the press secretary
###
 - 30 -
Contact: desk@harbour.example
THE WHITE HOUSE
Statement by the Harbour Board. Readout of the call. FACT SHEET: Embargoed. FOR RELEASE. News Release. Communique
We will continue to work with our partners; we welcome the delegation and reaffirm our commitment to cooperation.
The United States will act; the two sides agreed; both sides strongly condemn it. I am pleased to announce it.
Q: What about the piers?
MR. VANE: Thank you.
MR\tVANE: Tabbed.
I'm sure I've seen my own myself, I'd say I'll go, im ive me mine
We're sure we've got us our ours. You're right, your yours yourself u ya
He said she told they his her their them it's
I think maybe perhaps probably I guess it seems imo imho i suppose kind of sort of honestly i doubt i wonder
good bad great stupid idiots fucking hypocrites propaganda wrong right?stuff right? of course no way yes
lol!!! what?!?! ... :) :( ;) :D xD ok gonna wanna dunno :Dunno
Quote:
Originally Posted by tidewatcher
He said:
In article <k1@harbour.example> Lu Ro wrote:
Click to expand...
> Lu Ro wrote:
Subject: Re: the piers
From: lu@harbour.example (Lu Ro)
X-Newsreader: Quill 1.0
Mail me at lu.ro@harbour.example or <a@b> or see http://harbour.example.com and https://www.harbour.org/x
March 3, 2019; 3 March 2019; 12/03/19; 2019-03-12; 10:45 pm; 5 minutes ago; Yesterday at 10:00; Today at noon
Reply Quote Report Share Likes Reactions Reaction score Joined Posts Forums Members Log in Page 2 of 15 level 5
--
--\x20
=====
[snip]
(...)
…
>> deeply quoted text
> > spaced quote
| pipe quoted
>|> mixed
ALL CAPS HEADLINE HERE
1234 5678
"Quoted start
“Curly quoted start”
lower case start
	tab indented
Ends with quote."
Ends with question?
Ends with colon:
ſaid the long s, Kelvin \u212a said, \u0130t's dotted, \u0131t's dotless, SA\u0130D and ſtatement by
ﬁne ligature, ǅ titlecase, Ａ fullwidth, \U0001d400\U0001d401 bold, \U0001d7cf digit, ² ½ ٣:٤٥ pm, ٣ March ٢٠١٩
Ünïcödé wörds said: café naïve résumé; ΣΊΣΥΦΟΣ said ΟΔΟΣ
emoji \U0001f600 said ok \U0001f44d and lone \ud800 surrogate
tabs\tand\x0bvertical and\x0cfeed and line\u2028sep and next\x85line and fs\x1cgs
"""


def _hand_blocks() -> list[Block]:
    blocks = []
    for k, text in enumerate([HAND, HAND.replace("\n", "\r\n\n")]):
        blocks += split_blocks(text, page=k)
    # Blocks as a caller may give them: newlines inside, empty, white space only.
    texts = ["line one\nline two said", "said\n", "\nsaid", "Quote:\nsomething", "", " ", "By Ada\nQuill",
             "PORTVALE -\nThe", "###\n", "x\n###", "lol\n!!", "- 30 -\n", "\u0130t's\nſaid", "end.\n"]
    blocks += [Block(t, 0, len(t), page=9, index=i, n_blocks=len(texts), gap_before=i % 3) for i, t in enumerate(texts)]
    return blocks


def _vocabulary() -> list[str]:
    words = []
    for value in vars(d).values():
        if isinstance(value, HintedPattern):
            for alternative in value.regex.pattern.split("|"):
                word = re.sub(r"\\[bsSdwW]|[()?:^$*+\[\]{}\\]", "", alternative).strip()
                if word:
                    words += [word, word.lower(), word.upper()]
    return words + ["ſ", "\u212a", "\u0130", "\u0131", "é", "—", "–", "-", "...", "…", "!", "?", "!!", ":", ";", ")",
                    "(", ">", "|", "@", "#", "'", '"', "“", "’", "0", "12", "2019", "12:30", "3/4/21", "\t", "\xa0",
                    "\U0001f600", "\U0001d7cf", "٣", "Ａ", "_", "xD", ":D", "MR.", "Sept", "ago", "at", "by", "es"]


def _generated_blocks(n_pages: int = 150, seed: int = 3) -> list[Block]:
    rng = random.Random(seed)
    vocabulary = _vocabulary()
    blocks = []
    for page in range(n_pages):
        lines = []
        for _ in range(rng.randint(1, 20)):
            tokens = [rng.choice(vocabulary) for _ in range(rng.randint(0, 12))]
            line = "".join(t + rng.choice([" ", " ", "", "  ", "\t", ", ", ": "]) for t in tokens)
            lines.append(rng.choice(["", "", "> ", ">>", "| ", " "]) + line)
        blocks += split_blocks("\n".join(lines), page=page)
    return blocks


@pytest.fixture(scope="module")
def all_blocks() -> list[Block]:
    return _hand_blocks() + _generated_blocks()


# -- tests -----------------------------------------------------------------------------------------


def test_reference_covers_every_cue():
    assert list(_reference_row(split_blocks("x")[0])) == list(CUES)


def test_batched_cues_equal_the_per_block_reference(all_blocks):
    names = list(DesignedFeatures().get_feature_names_out())
    got = DesignedFeatures().transform(all_blocks)
    expected = _reference(all_blocks, names)
    mismatched = sorted({names[j] for j in np.argwhere(got != expected)[:, 1]})
    assert not mismatched
    assert got.dtype == np.float32


def test_batches_of_any_size_give_the_same_rows(all_blocks):
    whole = DesignedFeatures().transform(all_blocks[:300])
    one_by_one = np.vstack([DesignedFeatures().transform([block]) for block in all_blocks[:300]])
    assert np.array_equal(whole, one_by_one)
    assert DesignedFeatures().transform([]).shape == (0, len(CUES))


def test_cue_groups_select_the_same_columns(all_blocks):
    full = DesignedFeatures().transform(all_blocks[:200])
    names = list(DesignedFeatures().get_feature_names_out())
    for group in d.GROUPS:
        part = DesignedFeatures(groups=[group])
        columns = [names.index(name) for name in part.get_feature_names_out()]
        assert np.array_equal(part.transform(all_blocks[:200]), full[:, columns])


def test_every_match_position_is_among_the_hinted_places(all_blocks):
    patterns = [value for value in vars(d).values() if isinstance(value, HintedPattern)]
    raw_patterns = [d._SIGNATURE_SEP]
    blocks = all_blocks[:600]
    for texts, chosen in (([b.body for b in blocks], patterns), ([b.text for b in blocks], raw_patterns)):
        batch = TextBatch(texts)
        for pattern, (blocks, positions, whole) in zip(chosen, batch.places(chosen), strict=True):
            hinted = set(zip(blocks.tolist(), positions.tolist(), strict=True))
            for b, text in enumerate(texts):
                if whole[b]:
                    continue
                for position in range(len(text) + 1):
                    if pattern.regex.match(text, position):
                        assert (b, position) in hinted, (pattern.regex.pattern[:40], text, position)


def test_case_exotic_characters_are_exactly_those_lower_casing_cannot_fold():
    everything = "".join(chr(c) for c in range(0x80, 0x110000))
    matching_ascii = set(re.findall("[a-z]", everything, re.IGNORECASE))
    odd_lower = {c for c in everything if len(c.lower()) != 1 or c.lower().isascii()}
    assert matching_ascii | odd_lower == set(CASE_EXOTIC)
    # Elsewhere lower-casing keeps the length and every character's word-ness, space-ness and digit-ness.
    rest = re.sub("[" + CASE_EXOTIC + "]", "", everything)
    lowered = rest.lower()
    assert len(lowered) == len(rest)
    for pattern in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(pattern, rest)] == [m.start() for m in re.finditer(pattern, lowered)]


def test_word_list_hints():
    starts = word_list_starts(r"said|officials?|according to|I'm|right\?|fuck\w*|Page \d+ of \d+|of course")
    assert starts.words == {"said", "according to", "i", "right", "page", "of course"}
    assert starts.word_prefixes == ("fuck", "official")
    with pytest.raises(ValueError):
        word_list_starts(r"\d+ days")
    with pytest.raises(ValueError):
        Starts(words=frozenset({"Said"}))


def test_word_ngrams_analyzer_gives_scikit_learns_tokens():
    from sklearn.feature_extraction.text import HashingVectorizer

    from segmenter.features.lexical import _normalise_masking_names

    reference = HashingVectorizer(
        ngram_range=(1, 3), preprocessor=_normalise_masking_names, token_pattern=r"(?u)\b\w+\b|[^\w\s]"
    ).build_analyzer()
    ours = WordNgrams(ngram_range=(1, 3), mask_names=True)
    for text in HAND.splitlines() + ["", "a", "It's Port Vale, said Ada Quill-Lark (AP)."]:
        assert ours._analyze(text) == reference(text)


def test_pages_decode_as_one_page_at_a_time():
    rng = np.random.default_rng(5)
    log_start, log_trans = learn_transitions([rng.integers(0, 4, size=30) for _ in range(6)], 4)
    lengths = [0, 1, 7, 40, 3, 90, 2]
    proba = rng.integers(1, 4, size=(sum(lengths), 4)).astype(float)  # small integers: ties in Viterbi
    log_emission = np.log(proba / proba.sum(axis=1, keepdims=True))
    edges = np.cumsum([0, *lengths])
    pages = [slice(a, b) for a, b in zip(edges[:-1], edges[1:], strict=True)]
    paths = viterbi_pages(log_emission, pages, log_start, log_trans)
    marginals = posteriors_pages(log_emission, pages, log_start, log_trans)
    for page in pages:
        alone = viterbi_pages(log_emission[page], [slice(0, page.stop - page.start)], log_start, log_trans)
        assert np.array_equal(paths[page], alone)
        assert np.allclose(marginals[page], _posteriors_log(log_emission[page], log_start, log_trans), atol=1e-12)


def test_hashing_each_distinct_token_once_gives_the_hashers_matrix():
    from sklearn.feature_extraction import FeatureHasher

    rng = random.Random(2)
    words = [w.lower() for w in _vocabulary()[:300]]
    rows = [[rng.choice(words) for _ in range(rng.randint(0, 9))] for _ in range(200)] + [[]]
    hasher = FeatureHasher(n_features=2**10, input_type="string", alternate_sign=False, dtype=np.float32)
    ours, theirs = hash_token_lists(hasher, rows), hasher.transform(rows)
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    for field in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(ours, field), getattr(theirs, field))
    assert hash_token_lists(hasher, [[], []]).nnz == 0


def test_context_columns_of_a_batch_equal_page_by_page(all_blocks):
    context = ContextFeatures(offsets=(-2, 1, 3), radii=(1, 8), reach=5)
    own = DesignedFeatures().transform(all_blocks)
    marks = context._reach_columns()
    expected = []
    for page in page_slices(all_blocks):
        values = own[page]
        columns = [values, *(shifted(values, k) for k in context.offsets)]
        columns += [window_mean(values, r) for r in context.radii]
        columns += [reach_max(values[:, marks], 5, forward) for forward in (False, True)]
        expected.append(np.hstack([*columns, repeat_flags(all_blocks[page])]))
    assert np.array_equal(context.transform(all_blocks), np.vstack(expected).astype(np.float32))


def test_stage_two_columns_of_a_batch_equal_page_by_page(all_blocks):
    probabilities = np.random.default_rng(4).dirichlet(np.ones(4), size=len(all_blocks))
    expected = []
    for page in page_slices(all_blocks):
        p = probabilities[page].astype(np.float32)
        columns = [p, *(shifted(p, k) for k in OFFSETS), *(window_mean(p, r) for r in RADII)]
        columns.append(twin_probabilities(all_blocks[page], p))
        flags = [[b.quote_depth > 0, b.gap_before > 0, b.index == 0] for b in all_blocks[page]]
        expected.append(np.hstack([*columns, np.array(flags, dtype=np.float32)]))
    assert np.array_equal(stack_features(all_blocks, probabilities), np.vstack(expected))


# -- lexical families, blocks and stage-one assembly ------------------------------------------------


def _same_sparse(ours, theirs) -> bool:
    return (
        type(ours) is type(theirs) and ours.dtype == theirs.dtype and ours.shape == theirs.shape
        and np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
        and np.array_equal(ours.data, theirs.data, equal_nan=True)
    )


def _texts_with_repeats_and_breaks(all_blocks: list[Block]) -> list[list[Block]]:
    """Batches to feature (hashable text: no lone surrogate): generated blocks, the same twice over, and
    blocks holding line breaks."""
    hashable = [b for b in all_blocks if not re.search("[\ud800-\udfff]", b.text)]
    with_breaks = [Block(t, 0, len(t), index=i) for i, t in enumerate(["a b\nc d", "ΑΣ\nΣα", "x", "x", "\n"])]
    return [hashable, hashable[:80] * 2, with_breaks, hashable[:3]]


@pytest.mark.parametrize(
    "options", [{}, {"mask_names": True}, {"mask_names": True, "ngram_range": (1, 3)}, {"ngram_range": (2, 3)}]
)
def test_word_ngrams_of_a_batch_equal_hashing_each_block(all_blocks, options):
    from sklearn.feature_extraction.text import HashingVectorizer

    ngrams = WordNgrams(n_features=2**12, **options)
    reference = HashingVectorizer(
        n_features=2**12, analyzer=ngrams._analyze, alternate_sign=False, norm="l2", dtype=np.float32
    )
    for blocks in _texts_with_repeats_and_breaks(all_blocks):
        assert _same_sparse(ngrams.transform(blocks), reference.transform([b.body for b in blocks]))


def _reference_edge_tokens(block: Block) -> list[str]:
    """The edge tokens of one block, written out plainly."""
    body = block.body
    head = body[:200].split(None, 2)
    if not head:
        return ["empty"]
    normalise = lambda word: re.sub(r"\d", "0", word.lower())  # noqa: E731

    def shape(token: str) -> str:
        for pattern, symbol in ((r"[A-Z]+", "A"), (r"[a-z]+", "a"), (r"\d+", "0")):
            token = re.sub(pattern, symbol, token)
        return token[:6]

    first = [normalise(t) for t in head[:2]]
    raw = body[:80].split(None, 3)[:3]
    shapes = " ".join(shape(t) for t in raw)
    n = len(body.split())
    length = "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"
    return [
        f"first={first[0]}",
        f"first2={' '.join(first)}",
        f"last={normalise(body.split()[-1])}",
        f"shape={shapes}",
        f"len={length}",
        f"shape_len={shapes}|{length}",
        f"quote={min(block.quote_depth, 2)}|{shape(raw[0]) if raw else ''}",
    ]


def test_edge_tokens_of_a_batch_equal_each_blocks_tokens(all_blocks):
    from sklearn.feature_extraction import FeatureHasher

    from segmenter.features.lexical import EdgeTokens

    edges = EdgeTokens(n_features=2**10)
    hasher = FeatureHasher(n_features=2**10, input_type="string", alternate_sign=False, dtype=np.float32)
    for blocks in _texts_with_repeats_and_breaks(all_blocks):
        blocks = [b for b in blocks if not b.body[-60:].isspace()]  # (a body must not end in 60 spaces)
        expected = [_reference_edge_tokens(b) for b in blocks]
        assert [edges.block_tokens(b) for b in blocks] == expected
        assert _same_sparse(edges.transform(blocks), hasher.transform(expected))


def test_html_tokens_of_text_blocks_are_none(all_blocks):
    from segmenter.features.lexical import HtmlStructure

    matrix = HtmlStructure(n_features=2**6).transform(all_blocks[:50])
    assert matrix.shape == (50, 2**6) and matrix.nnz == 0


def test_distinct_texts_point_each_text_to_its_first_occurrence():
    from segmenter.features.distinct import distinct_texts

    assert distinct_texts(["a", "b", "c"]) is None
    repeats = distinct_texts(["a", "b", "a", "c", "b", "a"])
    assert repeats.first == [0, 1, 3]
    assert repeats.of.tolist() == [0, 1, 0, 2, 1, 0]
    assert repeats.spread(np.array([10, 20, 30])).tolist() == [10, 20, 10, 30, 20, 10]


def _reference_split(text: str) -> list[tuple[str, int, int, int]]:
    """Non-blank lines (cut at \\n, \\r\\n or \\r), stripped; the gap before a line counts the line breaks
    between it and the line before (\\n or \\r, whichever are more), less one."""
    out, offset = [], 0
    for line in re.split(r"(\r\n|\r|\n)", text)[::2]:
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            between = text[out[-1][2] : start] if out else ""
            gap = max(between.count("\n"), between.count("\r"), 1) - 1 if out else 0
            out.append((stripped, start, start + len(stripped), gap))
        offset += len(line)
        offset += 2 if text[offset : offset + 2] == "\r\n" else 1
    return out


def test_split_blocks_cuts_stripped_lines_with_their_gaps():
    rng = random.Random(9)
    pieces = ["word", "Two words", " ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\xa0",
              "\u3000", "> quoted", "\u200b"]
    texts = [HAND] + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        blocks = split_blocks(text)
        assert [(b.text, b.start, b.end, b.gap_before) for b in blocks] == _reference_split(text), repr(text)
        assert all(text[b.start : b.end] == b.text for b in blocks)


def test_dense_to_csr_gives_scipys_matrix():
    import scipy.sparse as sp

    from segmenter.classifier import dense_to_csr

    rng = np.random.default_rng(3)
    for shape in ((0, 5), (4, 0), (1, 1), (30, 17)):
        dense = (rng.random(shape) * (rng.random(shape) < 0.3)).astype(np.float32)
        if dense.size:
            dense.flat[0] = np.nan  # nonzero
        assert _same_sparse(dense_to_csr(dense), sp.csr_matrix(dense))


def test_reach_of_any_length_equals_page_by_page(all_blocks):
    from segmenter.features.context import page_bounds, reach_max_in_pages

    values = DesignedFeatures().transform(all_blocks)[:, :6] - 0.25  # negative values too
    pages = page_slices(all_blocks)
    for reach in range(0, 18):
        for forward in (False, True):
            expected = np.vstack([reach_max(values[page], reach, forward) for page in pages])
            assert np.array_equal(reach_max_in_pages(values, reach, forward, page_bounds(pages)), expected)


def test_earlier_twins_answer_each_batch_afresh(all_blocks):
    from segmenter.features.context import earlier_twins

    batches = [all_blocks[:400], all_blocks[400:], all_blocks[:400], all_blocks[:399]]
    fresh = [earlier_twins(list(b), page_slices(b)).tolist() for b in batches]
    for blocks, expected in zip(batches, fresh, strict=True):
        twins = earlier_twins(blocks, page_slices(blocks))
        assert twins.tolist() == expected
        twins[:] = -7  # the caller's copy
        assert earlier_twins(blocks, page_slices(blocks)).tolist() == expected


def test_code_point_tables_hold_what_the_str_methods_say():
    from segmenter.features import scan

    plane = [chr(c) for c in range(0x10000)]
    flags = d._bmp_flags()
    assert [bool(f & d._ALPHA) for f in flags.tolist()] == [c.isalpha() for c in plane]
    assert [bool(f & d._UPPER) for f in flags.tolist()] == [c.isupper() for c in plane]
    assert [bool(f & d._DIGIT) for f in flags.tolist()] == [c.isdigit() for c in plane]
    assert scan._bmp_decimals().tolist() == [c.isdecimal() for c in plane]
    assert scan._bmp_word_chars().tolist() == [re.match(r"\w", c) is not None for c in plane]
