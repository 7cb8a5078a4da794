"""HTML pages: blocks built straight from the lines, contexts shared by elements, tags told apart by id."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_html import lines_of, tag_soup, tokens_of

from segmenter.blocks import MAX_BLOCK_CHARS, split_blocks
from segmenter.html import MAX_DEPTH, html_to_page, tokens


def spans(blocks):
    return [(b.text, b.start, b.end, b.page, b.index, b.n_blocks, b.gap_before) for b in blocks]


long_words = st.builds(lambda n, w: f"<p>{' '.join([w] * n)}</p>", st.integers(1, 1500), st.sampled_from(["a", "word"]))
pages = st.lists(st.one_of(tag_soup, long_words), max_size=4).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_blocks_are_the_text_blocks_of_the_page_text(html):
    text, blocks = html_to_page(html)
    assert spans(blocks) == spans(split_blocks(text))


def test_an_overlong_line_is_cut_into_blocks_of_its_line():
    text, blocks = html_to_page("<p>first</p><p class='post'>" + "word " * 2000 + "</p>")
    first, *pieces = blocks
    assert len(pieces) > 1 and all(len(b.text) <= MAX_BLOCK_CHARS for b in pieces)
    assert [b.gap_before for b in pieces] == [1] + [0] * (len(pieces) - 1)
    assert {b.html for b in pieces} == {tokens_of("<p class='post'>word</p>", "word")}
    assert first.html != pieces[0].html


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tag_soup)
def test_remembering_contexts_never_changes_a_page(html):
    remembered = html_to_page(html)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "REMEMBERED", 1)
        assert html_to_page(html) == remembered


def test_a_page_more_varied_than_remembered_keeps_its_tokens(monkeypatch):
    posts = "".join(f"<div class='post{k} {'ab' * (k % 7 + 1)}'><p>text {k}</p></div>" for k in range(40))
    remembered = html_to_page(posts)
    monkeypatch.setattr(tokens, "REMEMBERED", 5)
    assert html_to_page(posts) == remembered


def test_a_walked_page_leaves_no_garbage_for_the_cyclic_collector():
    """Its contexts refer to each other; left as cycles, they made the collector run often and long."""
    import gc

    posts = "".join(
        f"<div class='post' id='p{k}'><blockquote class='quote'><p>quoted {k}</p></blockquote><p>reply {k}</p></div>"
        for k in range(30)
    )
    page = f"<nav class='menu'><a href='/'>Home</a></nav><main>{posts}</main>"
    expected = html_to_page(page)
    gc.collect()
    gc.disable()
    try:
        assert html_to_page(page) == expected
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_posts_with_their_own_ids_share_their_tokens():
    html = "".join(f"<div class='post' id='post{k}'><p>text {k} <a href='/u'>link</a></p></div>" for k in range(5))
    _, blocks = html_to_page(html)
    assert len(blocks) == 5 and len({b.html for b in blocks}) == 1
    assert {"in:post", "tag:p", "cls:post"} <= set(blocks[0].html)


def test_the_same_element_gets_the_same_tokens_on_every_page():
    html = "<nav><ul><li><a href='/'>Home</a></li></ul></nav><p>Body</p>"
    assert html_to_page(html) == html_to_page(html)
    assert tokens_of(html, "Home") == tokens_of("<div>other</div>" + html, "Home")


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ("<p>one<x-br>two</x-br>three</p>", ["onetwothree"]),
        ("<p>one<my-p>two</my-p></p>", ["onetwo"]),
        ("<p>one<x-script>two</x-script></p>", ["onetwo"]),
        ("<p>one<svg><title>two</title></svg></p>", ["one", "two"]),
        ("<p>one<svg><script>no()</script><text>two</text></svg></p>", ["onetwo"]),
        ("<P>one<BR>two</P><SCRIPT>no()</SCRIPT>", ["one", "two"]),
    ],
)
def test_custom_and_foreign_elements(html, lines):
    assert lines_of(html) == lines


def test_tokens_of_custom_elements_come_from_their_attributes():
    assert {"in:post", "cls:post", "tag:body"} <= set(tokens_of("<my-post class='post'>Text</my-post>", "Text"))


def test_lone_surrogates_in_a_page_nested_too_deep():
    html = "<div>\ud800" * (MAX_DEPTH + 10) + "core \udfff" + "</div>" * (MAX_DEPTH + 10)
    text, blocks = html_to_page(html)
    assert "core \ufffd" in text and "\ud800" not in text
    assert all(text[b.start : b.end] == b.text for b in blocks)
