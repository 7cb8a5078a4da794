"""Blocks keep exact offsets, whatever the line endings."""

import pytest

from segmenter.blocks import Block, block_labels, split_blocks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n\t\n", []),
        ("one line", ["one line"]),
        ("a\n\n  b  \nc", ["a", "b", "c"]),
        ("crlf one\r\ncrlf two\r\n", ["crlf one", "crlf two"]),
        ("lone\rcarriage\rreturns", ["lone", "carriage", "returns"]),
    ],
)
def test_blocks_are_trimmed_non_blank_lines(text, expected):
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == expected
    for block in blocks:
        assert text[block.start : block.end] == block.text


def test_block_positions_and_gaps():
    blocks = split_blocks("first\nsecond\n\n\nthird")
    assert [b.index for b in blocks] == [0, 1, 2]
    assert all(b.n_blocks == 3 for b in blocks)
    assert [b.gap_before for b in blocks] == [0, 0, 2]
    assert blocks[0].position == 0.0 and blocks[-1].position == 1.0


def test_quote_markers():
    block = Block("> > nested quote", 0, 16)
    assert block.quote_depth == 2
    assert block.body == "nested quote"


def test_overlong_line_is_cut_at_white_space():
    text = " ".join(["word"] * 3000)
    blocks = split_blocks(text, max_chars=1000)
    assert len(blocks) > 1
    assert all(len(b.text) <= 1000 for b in blocks)
    assert all(text[b.start : b.end] == b.text for b in blocks)
    covered = "".join(text[b.start : b.end] for b in blocks).replace(" ", "")
    assert covered == text.replace(" ", "")


def test_block_labels_take_the_majority_label():
    text = "alpha beta\ngamma"
    labels = ["news"] * 6 + ["opinion"] * 4 + [None] + ["boilerplate"] * 5
    assert block_labels(split_blocks(text), labels, default="opinion") == ["news", "boilerplate"]
