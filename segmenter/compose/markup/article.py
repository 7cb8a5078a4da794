"""A news-site or blog article page with its comment section, in WordPress-like markup: the first post
as the article (``article > header.entry-header > h1.entry-title``, ``div.entry-content``,
``figure > figcaption``), share links, related articles, then ``ol.comment-list`` of
``article.comment-body`` (``div.comment-author``, ``div.comment-content``, reply link)."""

from __future__ import annotations

from segmenter.compose import names
from segmenter.compose.markup import chrome
from segmenter.compose.markup.body import BodyMarkup, write_body, write_quote_inner
from segmenter.compose.markup.writer import HtmlWriter, slug
from segmenter.compose.model import Part, Post, Thread
from segmenter.compose.styles.common import relative_age
from segmenter.labels import BOILERPLATE

_SECTIONS = ["World", "Politics", "Business", "Opinion", "Science", "Sport", "Culture", "Video", "Live"]


def _quote(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    with w.el("blockquote", "wp-block-quote" if w.rng.random() < 0.5 else ""):
        write_quote_inner(w, part, markup)


def _article(w: HtmlWriter, thread: Thread, post: Post, markup: BodyMarkup) -> None:
    rng = w.rng
    paste = next((p for p in post.parts if p.kind == "paste"), None)
    # an article page keeps the poster's own words only as a blogger's comment; a post without a paste is a blog post
    parts = [p for p in post.parts if p.kind != "text" or paste is None or rng.random() < 0.3]
    with w.el("article", f"post-{rng.randint(1, 99999)} post type-post status-publish format-standard hentry"):
        with w.el("header", "entry-header"):
            headline = paste.paras[0] if paste and paste.paras and len(paste.paras[0].text) < 160 else None
            if headline is not None:
                w.leaf("h1", headline.text.strip(), headline.label, cls="entry-title")
                parts = [Part("paste", paste.paras[1:]) if p is paste else p for p in parts]
            else:
                w.leaf("h1", thread.title, cls="entry-title")
            with w.el("div", "entry-meta"):
                with w.el("span", "posted-on"):
                    w.leaf("time", chrome.date_text(post.when, rng), cls="entry-date published",
                           datetime=chrome.iso(post.when))
                if rng.random() < 0.5:
                    with w.el("span", "cat-links"):
                        w.link(rng.choice(_SECTIONS), "#", rel="category tag")
        if rng.random() < 0.3:
            with w.el("figure", "wp-block-image size-large"):
                w.raw('<img src="/wp-content/uploads/photo.jpg" alt="">')
                w.leaf("figcaption", rng.choice(("File photo", "Photo: Archive", "Image: handout")),
                       cls="wp-element-caption")
        with w.el("div", "entry-content"):
            write_body(w, parts, markup)
        with w.el("footer", "entry-footer"):
            if rng.random() < 0.5:
                with w.el("span", "tags-links"):
                    w.text("Tagged ", BOILERPLATE)
                    for word in thread.title.lower().split()[:3]:
                        w.link(word.strip(".,:;!?'\""), "#", rel="tag")
                        w.text(", ", BOILERPLATE)


def _comment(w: HtmlWriter, post: Post, markup: BodyMarkup, depth: int) -> None:
    rng = w.rng
    number = rng.randint(1, 999999)
    with (
        w.el("li", f"comment {'even' if number % 2 else 'odd'} depth-{depth}", id=f"comment-{number}"),
        w.el("article", "comment-body", id=f"div-comment-{number}"),
    ):
        with w.el("footer", "comment-meta"):
            with w.el("div", "comment-author vcard"):
                w.raw('<img alt="" src="/avatar/40.png" class="avatar avatar-40 photo" height="40" width="40">')
                w.leaf("b", post.user.name, cls="fn")
                if rng.random() < 0.5:
                    w.leaf("span", " says:", cls="says")
            with w.el("div", "comment-metadata"):
                w.open("a", href=f"#comment-{number}")
                w.leaf("time", relative_age(rng) if rng.random() < 0.5 else chrome.date_text(post.when, rng),
                       datetime=chrome.iso(post.when))
                w.raw("</a>")
        with w.el("div", "comment-content"):
            write_body(w, [p for p in post.parts if p.kind != "quote"], markup)
        if rng.random() < 0.7:
            with w.el("div", "reply"):
                w.link("Reply", f"#respond-{number}", cls="comment-reply-link", rel="nofollow")


def render(w: HtmlWriter, thread: Thread, related: list[str]) -> None:
    """An article page with comments (or a section front listing headlines when the thread has no posts)."""
    rng = w.rng
    site = names.syllable_word(rng).capitalize() + rng.choice((" Times", " Post", " News", " Herald", " Daily",
                                                               " Report", " Blog"))
    year = thread.posts[0].when.year if thread.posts else 2020
    markup = BodyMarkup("p", _quote, paste_in_quote=0.0)
    with chrome.document(w, f"{thread.title} - {site}", "post-template-default single single-post"):
        chrome.skip_link(w, "skip-link screen-reader-text")
        with w.el("header", "site-header", id="masthead"):
            with w.el("div", "site-branding"):
                w.leaf("p", site, cls="site-title")
                if rng.random() < 0.5:
                    w.leaf("p", rng.choice(("Independent news and comment", "News you can use", "Since 1998")),
                           cls="site-description")
            sections = rng.sample(_SECTIONS, rng.randint(4, len(_SECTIONS)))
            chrome.menu(w, sections, "main-navigation", "menu", "menu-item")
        if rng.random() < 0.3:
            chrome.breadcrumbs(w, ["Home", rng.choice(_SECTIONS)], "breadcrumbs", separator="»")
        with w.el("div", "content-area", id="primary"), w.el("main", "site-main", id="main"):
            if not thread.posts:
                with w.el("ul", "archive-list"):
                    for title in thread.index_titles:
                        with w.el("li"):
                            w.link(title, f"/{slug(title)}/", cls="entry-title")
            else:
                _article(w, thread, thread.posts[0], markup)
                if rng.random() < 0.6:
                    chrome.share_buttons(w, "sharedaddy sd-sharing")
                if related and rng.random() < 0.7:
                    chrome.sidebar(w, related, "related-posts", "h3", aside=False)
                comments = thread.posts[1:]
                if comments:
                    with w.el("div", "comments-area", id="comments"):
                        w.leaf("h2", f"{len(comments)} {rng.choice(('Comments', 'Responses', 'thoughts on'))}"
                               + (f" “{thread.title}”" if rng.random() < 0.3 else ""), cls="comments-title")
                        with w.el("ol", "comment-list"):
                            for post in comments:
                                _comment(w, post, markup, 1 if rng.random() < 0.7 else 2)
                        with w.el("div", "comment-respond", id="respond"):
                            w.leaf("h3", "Leave a Reply", cls="comment-reply-title")
                            w.leaf("p", "Your email address will not be published.", cls="comment-notes")
        if related and rng.random() < 0.5:
            with w.el("aside", "widget-area", id="secondary"):
                chrome.sidebar(w, related, "widget widget_recent_entries", "h2", aside=False)
        chrome.footer(w, site, year, "site-footer", "Proudly powered by WordPress" if rng.random() < 0.4 else "")
        if rng.random() < 0.4:
            chrome.cookie_notice(w, "cookie-notice-container")
