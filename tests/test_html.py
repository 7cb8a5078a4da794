"""HTML pages to text and blocks: lines per block element, exact offsets, structural tokens, hostile markup."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segmenter.html import class_words, html_lines, html_to_page, limit_nesting, nesting_depth


def lines_of(html: str) -> list[str]:
    return [block.text for block in html_to_page(html)[1]]


def tokens_of(html: str, text: str) -> tuple[str, ...]:
    (block,) = [b for b in html_to_page(html)[1] if b.text == text]
    return block.html


def check_blocks(html: str) -> None:
    text, blocks = html_to_page(html)
    previous_end = 0
    for index, block in enumerate(blocks):
        assert text[block.start : block.end] == block.text
        assert block.text and block.text == block.text.strip()
        assert previous_end <= block.start < block.end <= len(text)
        assert block.index == index and block.n_blocks == len(blocks)
        assert all(isinstance(token, str) for token in block.html)
        previous_end = block.end


# --- text and lines -----------------------------------------------------------------------------


def test_block_elements_and_line_breaks():
    text, blocks = html_to_page("<p>First para</p><div>Second <b>bold</b> line<br>after break<br><br>new para</div>")
    assert text == "First para\n\nSecond bold line\nafter break\n\nnew para"
    assert [(b.text, b.gap_before) for b in blocks] == [
        ("First para", 0),
        ("Second bold line", 1),
        ("after break", 0),
        ("new para", 1),
    ]


def test_white_space_is_collapsed_within_a_line():
    assert lines_of("<p>  spread \n over\t\tthe&nbsp;&nbsp;source  </p>") == ["spread over the source"]


def test_inline_elements_join_without_adding_spaces():
    assert lines_of("<p>un<b>break</b>able and <i>two</i> <em>words</em></p>") == ["unbreakable and two words"]


@pytest.mark.parametrize("tag", ["script", "style", "noscript", "template", "iframe", "object"])
def test_invisible_elements_are_dropped(tag):
    assert lines_of(f"<p>shown</p><{tag}>hidden stuff</{tag}><p>also shown</p>") == ["shown", "also shown"]


def test_head_and_title_are_dropped():
    assert lines_of("<html><head><title>Tab title</title><meta charset=utf-8></head><body>Body</body></html>") == [
        "Body"
    ]


def test_comments_are_dropped():
    assert lines_of("<p>a<!-- secret --> b</p>") == ["a b"]


def test_entities_known_and_unknown():
    assert lines_of("<p>Fish &amp; chips &lt;3 &copy; &nosuchentity; &#8220;q&#x201D;</p>") == [
        "Fish & chips <3 \u00a9 &nosuchentity; \u201cq\u201d"
    ]


def test_preformatted_text_keeps_its_lines():
    assert lines_of("<pre>line one\n  line two\r\nline three</pre>") == ["line one", "line two", "line three"]


def test_table_cells_list_items_and_options_are_lines():
    html = (
        "<table><tr><td>Author</td><td>Posted today</td></tr></table>"
        "<ul><li>Home</li><li>Forums</li></ul><select><option>Jump</option><option>Elsewhere</option></select>"
    )
    assert lines_of(html) == ["Author", "Posted today", "Home", "Forums", "Jump", "Elsewhere"]


def test_images_and_inputs_give_no_text():
    assert lines_of('<p>Reply <img src="x.png" alt="smiley"> <input type="submit" value="Go"></p>') == ["Reply"]


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<p> \n </p>", "<script>only()</script>"])
def test_empty_pages(html):
    assert html_to_page(html) == ("", [])


def test_plain_text_without_tags():
    assert lines_of("just some words") == ["just some words"]


def test_text_after_the_end_of_the_document_is_kept():
    assert lines_of("<html><body><p>one</p></body></html><p>two</p>trailing") == ["one", "two", "trailing"]


def test_select_all_lines_of_a_forum_post():
    html = """
    <table class="post"><tr><td class="userinfo"><dl><dt class="author">Poster</dt>
    <dd class="registered">Jan 1, 2001</dd></dl></td>
    <td class="postbody"><div class="bbc-block"><h4>Someone posted:</h4><blockquote>Quoted words<br></blockquote></div>
    <br>My reply here.<br><br>Second paragraph.</td></tr></table>
    """
    assert lines_of(html) == [
        "Poster",
        "Jan 1, 2001",
        "Someone posted:",
        "Quoted words",
        "My reply here.",
        "Second paragraph.",
    ]


# --- broken and hostile markup ------------------------------------------------------------------


def test_unclosed_paragraphs_and_list_items():
    assert lines_of("<p>one<p>two<ul><li>three<li>four</ul>") == ["one", "two", "three", "four"]


def test_misnested_tags_keep_all_text_in_order():
    assert " ".join(lines_of("<b><i>one</b> two</i><p>three<div>four</p>five</div>")) == "one two three four five"


def test_hundred_thousand_nested_divs():
    depth = 100_000
    text, blocks = html_to_page("<div>" * depth + "deep inside" + "</div>" * depth + "<p>after</p>")
    assert [b.text for b in blocks] == ["deep inside", "after"]


def test_twenty_thousand_unclosed_divs_keep_every_line():
    text, blocks = html_to_page("".join(f"<div>line {k}" for k in range(20_000)))
    assert [b.text for b in blocks] == [f"line {k}" for k in range(20_000)]


def test_deeply_nested_inline_elements():
    assert lines_of("<span>" * 50_000 + "core" + "</span>" * 50_000) == ["core"]


def test_huge_attribute_values():
    huge = "x" * 2_000_000
    assert lines_of(f'<div class="{huge}" title="{huge}"><p data-x="{huge}">kept</p></div>') == ["kept"]


def test_nul_control_characters_and_lone_surrogates():
    text, blocks = html_to_page("<p>a\x00b\x01c \ud800 d\x1b</p>")
    text.encode("utf-8")
    assert blocks and "\ud800" not in text


def test_unterminated_comment_and_script():
    assert lines_of("<p>before</p><!-- never closed <p>swallowed") == ["before"]
    assert lines_of("<p>before</p><script>var x = '<p>not text</p>';") == ["before"]


def test_xml_declaration_and_external_entities_are_not_resolved():
    html = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>safe &x;</p>'
    assert lines_of(html)[-1] == "safe &x;"  # "]>" before it is text to an HTML5 parser, as in browsers


def test_long_lines_are_cut_like_text_blocks():
    text, blocks = html_to_page("<p>" + "word " * 3000 + "</p>")
    assert len(blocks) > 1
    assert all(text[b.start : b.end] == b.text for b in blocks)
    assert len({b.html for b in blocks}) == 1


# --- structural tokens --------------------------------------------------------------------------


def test_quote_and_post_containers():
    html = (
        '<div class="message-body"><blockquote class="bbCodeBlock bbCodeBlock--quote">Quoted text</blockquote>'
        "<p>Own words</p></div>"
    )
    quoted = tokens_of(html, "Quoted text")
    own = tokens_of(html, "Own words")
    assert {"in:blockquote", "in:quote", "in:post", "tag:blockquote", "cls:quote", "cls:code"} <= set(quoted)
    assert "in:post" in own and "in:blockquote" not in own and "tag:p" in own


@pytest.mark.parametrize(
    ("html", "token"),
    [
        ("<nav><a href='/'>Home</a></nav>", "in:nav"),
        ("<ul id='navigation'><li>Home</li></ul>", "in:nav"),
        ("<div role='navigation'>Home</div>", "in:nav"),
        ("<div class='breadcrumbs'>Home</div>", "in:nav"),
        ("<header>Home</header>", "in:header"),
        ("<div id='page-header'>Home</div>", "in:header"),
        ("<footer>Home</footer>", "in:footer"),
        ("<div class='copyright'>Home</div>", "in:footer"),
        ("<aside>Home</aside>", "in:aside"),
        ("<div class='sidebar-left'>Home</div>", "in:aside"),
        ("<form>Home</form>", "in:form"),
        ("<ul><li>Home</li></ul>", "in:list"),
        ("<table><tr><td>Home</td></tr></table>", "in:table"),
        ("<div hidden>Home</div>", "in:hidden"),
        ("<div style='display: none'>Home</div>", "in:hidden"),
        ("<div aria-hidden='true'>Home</div>", "in:hidden"),
        ("<h2>Home</h2>", "tag:h2"),
        ("<h3><span>Home</span></h3>", "tag:h3"),
        ("<li>Home</li>", "tag:li"),
    ],
)
def test_landmark_tokens(html, token):
    assert token in tokens_of(html, "Home")


def test_link_density_and_link_lines():
    html = "<p><a href='/a'>all link text</a></p><p>plain words and <a href='/b'>one link</a></p><p>no links</p>"
    assert {"tag:a", "linkdens:4"} <= set(tokens_of(html, "all link text"))
    mixed = tokens_of(html, "plain words and one link")
    assert "linkdens:1" in mixed and "tag:a" not in mixed  # 7 of 20 characters are link text
    assert "linkdens:0" in tokens_of(html, "no links")


def test_anchors_without_href_are_not_links():
    assert "linkdens:0" in tokens_of("<p><a name='top'>anchor</a></p>", "anchor")


def test_class_tokens_come_from_the_three_nearest_classed_elements():
    html = (
        '<div class="outermost"><div class="third"><div id="secondLevel"><div class="first_one">'
        "<span>Home</span></div></div></div></div>"
    )
    words = [token for token in tokens_of(html, "Home") if token.startswith("cls:")]
    assert words == ["cls:first", "cls:one", "cls:second", "cls:level", "cls:third"]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("bbCodeBlock--quote", ("bb", "code", "block", "quote")),
        ("post_message_12345", ("post", "message")),
        ("HTMLParser x", ("html", "parser")),
        ("a b c", ()),
        ("", ()),
    ],
)
def test_class_words(value, words):
    assert class_words(value) == words


def test_line_tokens_use_the_first_text_of_the_line():
    html = '<div class="post"><a class="username" href="/u/1">Alice</a> wrote:</div>'
    tokens = tokens_of(html, "Alice wrote:")
    assert "cls:username" in tokens and "in:post" in tokens


# --- the nesting limit --------------------------------------------------------------------------


def test_limit_nesting_leaves_ordinary_pages_alone():
    html = "<div><p>one<p>two</div>" * 600
    assert limit_nesting(html, max_depth=50) == html


def test_limit_nesting_removes_excess_tags_but_keeps_text():
    html = "<div>" * 10 + "core" + "</div>" * 10
    limited = limit_nesting(html, max_depth=3)
    assert limited.count("<div>") == 3 and limited.count("</div>") == 3 and "core" in limited
    assert nesting_depth(limited) == 3


def test_nesting_depth_ignores_void_and_self_closed_elements():
    assert nesting_depth("<div><img src=x><br><svg><path d='1'/><path/></svg><p>x</div>") == 2


def test_html_lines_reports_the_break_before_each_line():
    assert [(line, gap) for line, _, gap in html_lines("<p>a</p><p>b<br>c</p>")] == [("a", 2), ("b", 2), ("c", 1)]


# --- properties ---------------------------------------------------------------------------------

_TAGS = ["div", "p", "span", "b", "a", "li", "ul", "td", "tr", "table", "br", "blockquote", "pre", "script", "h2"]
_ATTRIBUTES = ["", ' class="post quote"', ' id="nav"', " hidden", ' href="/x"', ' style="display:none"', ' class="']

tag_soup = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(_TAGS), st.sampled_from(_ATTRIBUTES)),
        st.builds(lambda t: f"</{t}>", st.sampled_from(_TAGS)),
        st.sampled_from(["&amp;", "&nbsp;", "&#0;", "&bogus;", "<!--", "-->", "\r\n", "\x00", "<", ">", "\u2028"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_string_gives_consistent_blocks(html):
    check_blocks(html)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tag_soup)
def test_any_tag_soup_gives_consistent_blocks(html):
    check_blocks(html)


@settings(max_examples=100, deadline=None)
@given(tag_soup)
def test_html_to_page_is_deterministic(html):
    assert html_to_page(html) == html_to_page(html)
