"""The library entry point: load a model and segment pages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from pathlib import Path

import numpy as np

from segmenter.blocks import Block, split_blocks
from segmenter.classifier import BlockClassifier
from segmenter.labels import LABELS
from segmenter.model_io import default_model_path, load_model, save_model
from segmenter.segments import Segment, merge_blocks

#: Pages are classified together in batches of this many, which amortises the vectorisers' overhead.
BATCH_PAGES = 32
#: A page of more blocks than this is classified in windows of this many blocks, each seeing
#: ``WINDOW_OVERLAP`` blocks of context on either side, so that memory stays bounded on huge pages.
WINDOW_BLOCKS = 4000
WINDOW_OVERLAP = 100
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def _renumber(blocks: Sequence[Block], page: int) -> list[Block]:
    """The blocks numbered as the blocks of one page, ``page``: index 0 to n - 1 of n.

    Blocks that already are (as :func:`segmenter.html.html_to_page` cuts them) are kept, whatever their
    ``page``: pages are told apart by their index starting again (``page_slices``), and building the
    blocks anew cost a fifth as much as reading the HTML page.
    """
    n = len(blocks)
    if all(b.index == i and b.n_blocks == n for i, b in enumerate(blocks)):
        return list(blocks)
    return [
        Block(b.text, b.start, b.end, page=page, index=i, n_blocks=n, gap_before=b.gap_before, html=b.html)
        for i, b in enumerate(blocks)
    ]


def _clean_page(blocks: list[Block]) -> list[Block]:
    """:func:`_clean` of each block of a page (the page itself when no block holds a lone surrogate)."""
    if not _SURROGATES.search("".join(map(attrgetter("text"), blocks))):
        return blocks
    return [_clean(b) for b in blocks]


def _clean(block: Block) -> Block:
    """A block whose text the feature code can hash (lone surrogates replaced; offsets unchanged)."""
    if not _SURROGATES.search(block.text):
        return block
    return Block(_SURROGATES.sub("\ufffd", block.text), block.start, block.end, block.page, block.index,
                 block.n_blocks, block.gap_before, block.html)


class Segmenter:
    """Segments forum pages into labelled runs with a trained :class:`BlockClassifier`.

    Parameters
    ----------
    model : BlockClassifier
        A fitted classifier.
    metadata : dict, optional
        The model card (training data, scores, versions), as stored in the model file.
    """

    def __init__(self, model: BlockClassifier, metadata: dict | None = None) -> None:
        self.model = model
        self.metadata = dict(metadata or {})

    @classmethod
    def load(cls, path: str | Path | None = None) -> Segmenter:
        """Load a model file; ``None`` loads the bundled default model.

        Raises :class:`segmenter.model_io.ModelError` with a one-line message if the file is unusable.
        """
        model, metadata = load_model(default_model_path() if path is None else path)
        return cls(model, metadata)

    def save(self, path: str | Path) -> Path:
        """Write the model and its card to ``path`` (a ``.npz`` file)."""
        return save_model(self.model, self.metadata, path)

    def _decode_windowed(self, blocks: list[Block]) -> tuple[np.ndarray, np.ndarray]:
        """Decode one huge page window by window; each window keeps its own blocks' results."""
        labels = np.zeros(len(blocks), dtype=np.int64)
        marginals = np.zeros((len(blocks), len(LABELS)))
        for start in range(0, len(blocks), WINDOW_BLOCKS):
            stop = min(start + WINDOW_BLOCKS, len(blocks))
            low, high = max(0, start - WINDOW_OVERLAP), min(len(blocks), stop + WINDOW_OVERLAP)
            window_labels, window_marginals = self.model.decode([_clean(b) for b in _renumber(blocks[low:high], 0)])
            labels[start:stop] = window_labels[start - low : stop - low]
            marginals[start:stop] = window_marginals[start - low : stop - low]
        return labels, marginals

    def _decode_pages(self, pages: list[list[Block]]) -> Iterator[tuple[list[str], list[float], np.ndarray]]:
        """Labels, scores and marginals of each page's blocks, all pages classified in one pass
        (a page longer than ``WINDOW_BLOCKS`` blocks on its own, window by window)."""
        flat = [b for blocks in pages if len(blocks) <= WINDOW_BLOCKS for b in _clean_page(blocks)]
        labels, marginals = self.model.decode(flat) if flat else (np.zeros(0, int), np.zeros((0, len(LABELS))))
        names = np.array(LABELS, dtype=object)[labels].tolist()
        confidences = marginals[np.arange(len(labels)), labels].tolist()
        offset = 0
        for blocks in pages:
            if len(blocks) > WINDOW_BLOCKS:
                page_labels, page_marginals = self._decode_windowed(blocks)
                scores = page_marginals[np.arange(len(blocks)), page_labels].tolist()
                yield [LABELS[k] for k in page_labels], scores, page_marginals
            else:
                page = slice(offset, offset + len(blocks))
                offset += len(blocks)
                yield names[page], confidences[page], marginals[page]

    def label_blocks(
        self, text: str, blocks: Sequence[Block] | None = None
    ) -> tuple[list[Block], list[str], list[float], np.ndarray]:
        """Blocks of ``text`` (cut here unless given), their labels, scores and label marginals."""
        blocks = _renumber(split_blocks(text) if blocks is None else blocks, 0)
        labels, scores, marginals = next(self._decode_pages([blocks]))
        return blocks, labels, scores, marginals

    def segment(self, text: str) -> list[Segment]:
        """Segment one page of text: maximal runs of one label, with offsets into ``text``."""
        return self.segment_blocks(text, split_blocks(text))

    def segment_blocks(self, text: str, blocks: Sequence[Block]) -> list[Segment]:
        """Segment a page whose blocks are already cut (e.g. from an HTML page's DOM)."""
        blocks, labels, scores, _ = self.label_blocks(text, blocks)
        return merge_blocks(text, blocks, labels, scores)

    def segment_many(self, texts: Iterable[str], batch_pages: int = BATCH_PAGES) -> Iterator[list[Segment]]:
        """Segment many pages lazily, in order, classifying ``batch_pages`` pages at a time."""
        return self.segment_blocks_many(((text, None) for text in texts), batch_pages)

    def segment_blocks_many(
        self, pages: Iterable[tuple[str, Sequence[Block] | None]], batch_pages: int = BATCH_PAGES
    ) -> Iterator[list[Segment]]:
        """Segment many ``(text, blocks)`` pages lazily, in order, a batch at a time.

        ``blocks`` are the page's blocks when they are already cut (from an HTML page's DOM), or ``None``
        to cut the text into lines here.
        """
        batch: list[tuple[str, Sequence[Block] | None]] = []
        for page in pages:
            batch.append(page)
            if len(batch) == batch_pages:
                yield from self._segment_batch(batch)
                batch = []
        if batch:
            yield from self._segment_batch(batch)

    def _segment_batch(self, batch: list[tuple[str, Sequence[Block] | None]]) -> Iterator[list[Segment]]:
        pages = [
            split_blocks(text, page=k) if blocks is None else _renumber(blocks, k)  # numbered as _renumber does
            for k, (text, blocks) in enumerate(batch)
        ]
        for (text, _), blocks, (labels, scores, _) in zip(batch, pages, self._decode_pages(pages), strict=True):
            yield merge_blocks(text, blocks, labels, scores)

    def explain(self, text: str, block_index: int, top: int = 10) -> dict:
        """Why block ``block_index`` of ``text`` got its label: per-label feature contributions.

        Returns ``{"block", "probabilities", "decoded_label", "contributions", "intercept", "stage_two"}``.
        """
        blocks, labels, _, marginals = self.label_blocks(text)
        if not 0 <= block_index < len(blocks):
            raise IndexError(f"block {block_index} is out of range: the page has {len(blocks)} blocks")
        block = blocks[block_index]
        detail = self.model.explain([_clean(b) for b in blocks], block_index, top=top)
        return {
            "block": {"index": block_index, "start": block.start, "end": block.end, "text": block.text},
            "probabilities": {label: float(marginals[block_index, k]) for k, label in enumerate(LABELS)},
            "decoded_label": labels[block_index],
            **detail,
        }
