"""Context features: what surrounds a block.

A pasted article is a run of lines, so a line's neighbours say as much about it as the line itself.
This family gives each block the designed cues of its neighbours (shifted copies), their means over
small windows, and whether the block repeats an earlier block of the page or is repeated later (quoted
replies repeat posts; pasted text is quoted again in replies).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter, is_

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from segmenter.blocks import Block
from segmenter.decoder import page_groups
from segmenter.features.designed import DesignedFeatures
from segmenter.features.distinct import distinct_texts


def block_attribute(blocks: Sequence[Block], name: str) -> np.ndarray:
    """An integer attribute (or property) of each block, as an array."""
    return np.fromiter(map(attrgetter(name), blocks), dtype=np.int64, count=len(blocks))


def page_slices(blocks: Sequence[Block]) -> list[slice]:
    """Slices of consecutive blocks that belong to one page (blocks of a page are contiguous): a page ends
    where ``Block.page`` changes or ``Block.index`` does not grow."""
    if not len(blocks):
        return []
    page, index = block_attribute(blocks, "page"), block_attribute(blocks, "index")
    edges = [0, *(np.flatnonzero((page[1:] != page[:-1]) | (index[1:] <= index[:-1])) + 1).tolist(), len(blocks)]
    return [slice(start, stop) for start, stop in zip(edges[:-1], edges[1:], strict=True)]


def shifted(values: np.ndarray, offset: int) -> np.ndarray:
    """Rows moved by ``offset`` within one page (row i gets row i+offset), zero where none exists."""
    out = np.zeros_like(values)
    n = len(values)
    if offset > 0 and offset < n:
        out[: n - offset] = values[offset:]
    elif offset < 0 and -offset < n:
        out[-offset:] = values[: n + offset]
    return out


def window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of rows i-radius..i+radius (clipped to the page), excluding row i itself."""
    n = len(values)
    cumulative = np.vstack([np.zeros((1, values.shape[1]), dtype=np.float64), np.cumsum(values, axis=0)])
    idx = np.arange(n)
    lo = np.clip(idx - radius, 0, n)
    hi = np.clip(idx + radius + 1, 0, n)
    total = cumulative[hi] - cumulative[lo] - values
    count = np.maximum(hi - lo - 1, 1)[:, None]
    return (total / count).astype(values.dtype)


def reach_max(values: np.ndarray, reach: int, forward: bool) -> np.ndarray:
    """Per row, the maximum of the ``reach`` rows before it (or after it, if ``forward``); zero if none.

    A release header or a dateline marks every line of the paste below it: the maximum over the
    preceding lines carries that mark down the paste, where a window mean would dilute it.
    """
    out = np.zeros_like(values)
    for k in range(1, reach + 1):
        np.maximum(out, shifted(values, k if forward else -k), out=out)
    return out


def page_bounds(pages: Sequence[slice]) -> tuple[np.ndarray, np.ndarray]:
    """Per row of a batch of pages: where its page starts and where it ends."""
    lengths = [page.stop - page.start for page in pages]
    return np.repeat([page.start for page in pages], lengths), np.repeat([page.stop for page in pages], lengths)


def shifted_in_pages(values: np.ndarray, offset: int, bounds: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """:func:`shifted` of each page of a batch at once (``bounds`` from :func:`page_bounds`)."""
    out = shifted(values, offset)  # across the whole batch, then rows whose source lies in another page cleared
    source = np.arange(len(values)) + offset
    out[(source < bounds[0]) | (source >= bounds[1])] = 0
    return out


def window_means_in_pages(values: np.ndarray, pages: Sequence[slice], radii: Sequence[int]) -> list[np.ndarray]:
    """:func:`window_mean` of each page of a batch at once, for each radius.

    The pages of a group of similar length are padded to one length so that one ``cumsum`` runs along
    all of them; each page's running sums are the same additions in the same order as page by page.
    The groups hold at most as many padding rows as real rows: the running sums cost what they pad.
    """
    out = [np.zeros_like(values) for _ in radii]
    for group in page_groups(pages, padding_allowed=0):
        lengths = np.array([pages[k].stop - pages[k].start for k in group])
        page_of = np.repeat(np.arange(len(group)), lengths)
        rows = np.concatenate([np.arange(pages[k].start, pages[k].stop) for k in group])
        local = rows - np.repeat([pages[k].start for k in group], lengths)
        padded = np.zeros((len(group), int(lengths.max()), values.shape[1]), dtype=values.dtype)
        padded[page_of, local] = values[rows]
        cumulative = np.zeros((len(group), padded.shape[1] + 1, values.shape[1]), dtype=np.float64)
        cumulative[:, 1:] = np.cumsum(padded, axis=1)
        n = lengths[page_of]
        for r, radius in enumerate(radii):
            lo = np.clip(local - radius, 0, n)
            hi = np.clip(local + radius + 1, 0, n)
            total = cumulative[page_of, hi] - cumulative[page_of, lo] - values[rows]
            count = np.maximum(hi - lo - 1, 1)[:, None]
            out[r][rows] = (total / count).astype(values.dtype)
    return out


def reach_max_in_pages(
    values: np.ndarray, reach: int, forward: bool, bounds: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """:func:`reach_max` of each page of a batch at once.

    Maxima over spans that double: the maximum over the ``2w`` rows before a row is that over the ``w``
    rows before it and the ``w`` before those (rows of other pages count as zero); a maximum is exact
    whatever the order its values are taken in.
    """
    out = np.zeros_like(values)
    if reach < 1:
        return out
    step = 1 if forward else -1
    span, width = shifted_in_pages(values, step, bounds), 1  # per row, the maximum over `width` rows
    covered = 0  # rows of the reach already in ``out``
    while True:
        if (reach - covered) & width:  # take this span: it reaches ``width`` rows further
            np.maximum(out, shifted_in_pages(span, step * covered, bounds) if covered else span, out=out)
            covered += width
        if covered == reach:
            return out
        span = np.maximum(span, shifted_in_pages(span, step * width, bounds))
        width *= 2


def repeat_key(block: Block) -> str:
    """The normalised text by which repeated (quoted) blocks are recognised: white space runs made one
    space (``str.split`` cuts where ``\\s+`` matches), trimmed, lower-cased."""
    return " ".join(block.body.split()).lower()


#: The last batch :func:`earlier_twins` was asked about (its blocks and pages) and the answer: stage one's
#: context and stage two's inputs ask about the same batch in turn.
_last_twins: tuple[tuple[Block, ...], list[slice], np.ndarray] | None = None


def earlier_twins(blocks: Sequence[Block], pages: Sequence[slice]) -> np.ndarray:
    """Per block of a batch of pages: the row of the first block of its page with the same
    :func:`repeat_key`, if that key has five or more words and that block comes earlier; else -1."""
    global _last_twins
    last = _last_twins
    if last is not None and len(last[0]) == len(blocks) and last[1] == list(pages) and all(map(is_, last[0], blocks)):
        return last[2].copy()  # the same blocks (immutable) of the same pages
    twins = _earlier_twins(blocks, pages)
    _last_twins = (tuple(blocks), list(pages), twins.copy())
    return twins


def _earlier_twins(blocks: Sequence[Block], pages: Sequence[slice]) -> np.ndarray:
    texts = [block.text for block in blocks]
    repeats = distinct_texts(texts)  # the key depends on the text alone
    keys = [repeat_key(block) for block in (blocks if repeats is None else [blocks[i] for i in repeats.first])]
    key_ids = dict(zip(keys, range(len(keys)), strict=True))  # equal keys, one id (the last of them)
    ids = np.fromiter(map(key_ids.__getitem__, keys), dtype=np.int64, count=len(keys))
    long_key = np.fromiter((key.count(" ") >= 4 for key in keys), dtype=bool, count=len(keys))
    if repeats is not None:
        ids, long_key = repeats.spread(ids), repeats.spread(long_key)
    twins = np.full(len(blocks), -1, dtype=np.int64)
    rows = np.flatnonzero(long_key)
    if len(rows):
        page_of = np.repeat(np.arange(len(pages)), [page.stop - page.start for page in pages])
        _, first, inverse = np.unique(page_of[rows] * len(keys) + ids[rows], return_index=True, return_inverse=True)
        earliest = rows[first[inverse]]
        twins[rows] = np.where(earliest < rows, earliest, -1)
    return twins


def repeat_flags_in_pages(blocks: Sequence[Block], pages: Sequence[slice]) -> np.ndarray:
    """:func:`repeat_flags` of each page of a batch at once."""
    out = np.zeros((len(blocks), 4), dtype=np.float32)
    twins = earlier_twins(blocks, pages)
    out[twins >= 0, 0] = 1.0
    out[twins[twins >= 0], 1] = 1.0
    if len(blocks) > 1:
        depth = block_attribute(blocks, "quote_depth")
        same_page = np.ones(len(blocks) - 1, dtype=bool)
        same_page[[page.start - 1 for page in pages[1:]]] = False
        out[1:, 2] = (depth[1:] > depth[:-1]) & same_page
        out[1:, 3] = (depth[1:] < depth[:-1]) & same_page
    return out


def repeat_flags(blocks: Sequence[Block]) -> np.ndarray:
    """Per block of one page: [repeats an earlier block, is repeated later, quote depth rose, fell].

    Only blocks of five or more words count as repeats, so that "Reply" or a date does not.
    """
    n = len(blocks)
    out = np.zeros((n, 4), dtype=np.float32)
    first_seen: dict[str, int] = {}
    keys = [repeat_key(b) for b in blocks]
    for i, key in enumerate(keys):
        if key.count(" ") < 4:
            continue
        if key in first_seen:
            out[i, 0] = 1.0
            out[first_seen[key], 1] = 1.0
        else:
            first_seen[key] = i
    depth = np.array([b.quote_depth for b in blocks])
    if n > 1:
        out[1:, 2] = depth[1:] > depth[:-1]
        out[1:, 3] = depth[1:] < depth[:-1]
    return out


#: Cues that mark a whole paste below (or above) them; only these are carried over ``reach`` blocks.
#: Shape, layout and voice cues are left out: their maximum over many lines says nothing about a line.
REACH_CUES = (
    "dateline", "caps_dateline", "agency", "byline", "published", "release_marker", "transcript_speaker",
    "mail_header", "quote_intro",
)

REPEAT_NAMES = ("repeats_earlier", "repeated_later", "quote_deeper", "quote_shallower")


class ContextFeatures(TransformerMixin, BaseEstimator):
    """A block's designed cues, its neighbours' cues, window means and repeat flags (dense).

    Parameters
    ----------
    offsets : tuple of int, default=(-2, -1, 1, 2)
        Neighbours whose cues are copied in.
    radii : tuple of int, default=(3, 8)
        Window radii (in blocks) over which the neighbours' cues are averaged.
    reach : int, default=0
        If positive, also the maximum of each of :data:`REACH_CUES` over the ``reach`` blocks before and after.
    groups : sequence of str or None, default=None
        Designed cue groups to use (``None``: all); see :data:`segmenter.features.designed.GROUPS`.
    """

    def __init__(
        self,
        offsets: tuple[int, ...] = (-2, -1, 1, 2),
        radii: tuple[int, ...] = (3, 8),
        groups: Sequence[str] | None = None,
        reach: int = 0,
    ) -> None:
        self.offsets = offsets
        self.radii = radii
        self.reach = reach
        self.groups = groups

    def _designed(self) -> DesignedFeatures:
        return DesignedFeatures(groups=self.groups)

    def _reach_columns(self) -> list[int]:
        names = list(self._designed().get_feature_names_out())
        return [names.index(cue) for cue in REACH_CUES if cue in names]

    def fit(self, blocks: Sequence[Block], y=None) -> ContextFeatures:
        """Stateless: record the output width and return ``self``."""
        self.n_features_out_ = len(self.get_feature_names_out())
        return self

    def transform(self, blocks: Sequence[Block]) -> np.ndarray:
        """Return a dense array of shape (n_blocks, n_features_out_)."""
        own = self._designed().fit(blocks).transform(blocks)
        pages = page_slices(blocks)
        if not pages:
            return np.zeros((0, len(self.get_feature_names_out())), dtype=np.float32)
        # All pages at once; each column is what the page-by-page function (shifted, window_mean,
        # reach_max) gives on each page.
        bounds = page_bounds(pages)
        columns = [own]
        columns += [shifted_in_pages(own, k, bounds) for k in self.offsets]
        columns += window_means_in_pages(own, pages, self.radii)
        if self.reach > 0:
            marks = own[:, self._reach_columns()]
            columns += [reach_max_in_pages(marks, self.reach, forward, bounds) for forward in (False, True)]
        columns.append(repeat_flags_in_pages(blocks, pages))
        return np.hstack(columns).astype(np.float32, copy=False)

    def project(self, blocks: Sequence[Block], weights: np.ndarray) -> np.ndarray:
        """``self.transform(blocks) @ weights`` for a ``weights`` of one row per column, without the wide
        matrix.

        Copying a neighbour's row and averaging rows over a window are linear, so they commute with the
        product: the cues are multiplied by each group's weights first, and the few product columns are
        shifted and averaged instead of the cues. Maxima over a reach are not linear and are taken first.
        """
        k = weights.shape[1]
        own = self._designed().fit(blocks).transform(blocks).astype(np.float64)
        pages = page_slices(blocks)
        if not pages:
            return np.zeros((0, k))
        n_cues, marks = own.shape[1], self._reach_columns()
        moved = 1 + len(self.offsets) + len(self.radii)  # column groups that are functions of ``own``
        widths = [n_cues] * moved + ([len(marks)] * 2 if self.reach > 0 else []) + [len(REPEAT_NAMES)]
        groups = np.split(weights, np.cumsum(widths)[:-1])
        products = own @ np.hstack(groups[:moved])  # group g's product in columns g*k:(g+1)*k
        bounds = page_bounds(pages)
        out = products[:, :k].copy()
        for g, offset in enumerate(self.offsets, start=1):
            out += shifted_in_pages(products[:, g * k : (g + 1) * k], offset, bounds)
        first = 1 + len(self.offsets)
        means = window_means_in_pages(products[:, first * k :], pages, self.radii)
        for r, mean in enumerate(means):
            out += mean[:, r * k : (r + 1) * k]
        if self.reach > 0:
            for forward, group in ((False, groups[moved]), (True, groups[moved + 1])):
                out += reach_max_in_pages(own[:, marks], self.reach, forward, bounds) @ group
        out += repeat_flags_in_pages(blocks, pages) @ groups[-1]
        return out

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Readable names: ``cue``, ``prev1:cue``, ``next2:cue``, ``win3:cue``, repeat flags."""
        names = list(self._designed().get_feature_names_out())
        out = list(names)
        for k in self.offsets:
            out += [f"{'prev' if k < 0 else 'next'}{abs(k)}:{n}" for n in names]
        for r in self.radii:
            out += [f"win{r}:{n}" for n in names]
        if self.reach > 0:
            marks = [names[k] for k in self._reach_columns()]
            out += [f"max_before{self.reach}:{n}" for n in marks] + [f"max_after{self.reach}:{n}" for n in marks]
        out += list(REPEAT_NAMES)
        return np.array(out, dtype=object)
