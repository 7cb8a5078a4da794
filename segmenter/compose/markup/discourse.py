"""Discourse topic and category pages as the browser shows them: ``div.topic-post > article``,
``div.topic-meta-data`` with ``span.username``, ``div.cooked`` with ``aside.quote`` quotes,
``nav.post-controls``, the topic map and the suggested-topics table."""

from __future__ import annotations

from segmenter.compose import names
from segmenter.compose.markup import chrome
from segmenter.compose.markup.body import PASTE_IN_QUOTE, BodyMarkup, write_body, write_quote_inner
from segmenter.compose.markup.writer import HtmlWriter, slug
from segmenter.compose.model import Part, Post, Thread
from segmenter.labels import BOILERPLATE


def _age(post: Post, rng) -> str:
    when = post.when
    return rng.choice((f"{names.MON[when.month - 1]} '{when.year % 100:02d}", f"{rng.randint(1, 29)}d",
                       f"{names.MON[when.month - 1]} {when.day}", f"{rng.randint(1, 11)}h"))


def _quote(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    rng = w.rng
    if part.author is None:
        with w.el("blockquote"):
            write_quote_inner(w, part, markup)
        return
    with w.el("aside", "quote no-group", data_username=slug(part.author.name), data_post=str(rng.randint(1, 90))):
        with w.el("div", "title"):
            w.raw('<div class="quote-controls"><button class="quote-toggle btn-flat"></button>'
                  '<a href="#" title="go to the quoted post" class="back"></a></div>'
                  '<img loading="lazy" alt="" width="24" height="24" src="/user_avatar/24.png" class="avatar"> ')
            w.text(f"{part.author.name}:", BOILERPLATE)
        with w.el("blockquote"):
            write_quote_inner(w, part, markup)


def _post(w: HtmlWriter, post: Post, markup: BodyMarkup) -> None:
    rng = w.rng
    user = post.user
    with (
        w.el("div", "topic-post clearfix regular"),
        w.el("article", "boxed onscreen-post", id=f"post_{post.number}", role="region",
                  aria_label=f"post #{post.number} by @{slug(user.name)}", data_post_id=str(rng.randint(1, 99999))),
        w.el("div", "row"),
    ):
        with w.el("div", "topic-avatar"):
            w.raw('<div class="post-avatar"><a class="trigger-user-card main-avatar" href="#" aria-hidden="true">'
                  '<img alt="" width="45" height="45" src="/user_avatar/45.png" class="avatar"></a></div>\n')
        with w.el("div", "topic-body clearfix"):
            with w.el("div", "topic-meta-data", role="heading", aria_level="2"):
                with w.el("div", "names trigger-user-card"):
                    with w.el("span", "first username"):
                        w.link(slug(user.name).replace("-", "_") if rng.random() < 0.5 else user.name,
                               f"/u/{slug(user.name)}", data_user_card=slug(user.name))
                    if rng.random() < 0.3:
                        with w.el("span", "second full-name"):
                            w.link(user.real_name, f"/u/{slug(user.name)}")
                    if rng.random() < 0.2:
                        w.leaf("span", user.title, cls="user-title")
                with w.el("div", "post-infos"), w.el("div", "post-info post-date"):
                    w.open("a", "post-date", href=f"/t/{post.number}", data_post_number=str(post.number))
                    w.leaf("span", _age(post, rng), cls="relative-date", title=chrome.date_text(post.when, rng))
                    w.raw("</a>")
            with w.el("div", "regular contents"):
                with w.el("div", "cooked"):
                    write_body(w, post.parts, markup)
                with (
                    w.el("section", "post-menu-area clearfix"),
                    w.el("nav", "post-controls"),
                    w.el("div", "actions"),
                ):
                    likes = rng.randint(1, 40) if rng.random() < 0.5 else 0
                    if likes:
                        w.leaf("button", str(likes), cls="widget-button btn-flat button-count like-count")
                    w.raw('<button class="widget-button btn-flat toggle-like like no-text btn-icon" '
                          'title="like this post"><svg class="fa d-icon d-icon-d-unliked"></svg></button>')
                    w.raw('<button class="widget-button btn-flat share no-text btn-icon" '
                          'title="share a link to this post"></button>')
                    if rng.random() < 0.7:
                        with w.el("button", "widget-button btn-flat reply create fade-out btn-icon-text"):
                            w.leaf("span", "Reply", cls="d-button-label")
                if rng.random() < 0.3:
                    with w.el("section", "post-actions"):
                        w.text(f"{rng.randint(1, 60)} Likes" if rng.random() < 0.5 else "1 Like", BOILERPLATE)


def _topic_map(w: HtmlWriter, thread: Thread) -> None:
    rng = w.rng
    with w.el("div", "topic-map"), w.el("section", "map"), w.el("ul"):
        with w.el("li"):
            w.leaf("h4", "created", role="presentation")
            w.leaf("span", _age(thread.posts[0], rng), cls="relative-date")
        with w.el("li"):
            w.leaf("h4", "last reply", role="presentation")
            w.leaf("span", _age(thread.posts[-1], rng), cls="relative-date")
        for what in ("replies", "views", "users", "likes")[: rng.randint(2, 4)]:
            with w.el("li", "secondary" if what != "replies" else ""):
                w.leaf("span", f"{rng.randint(1, 900)}", cls="number")
                w.leaf("h4", what, role="presentation")


def _topic_list(w: HtmlWriter, titles: list[str], heading: str) -> None:
    rng = w.rng
    with (
        w.el("div", "more-topics__container"),
        w.el("div", "more-topics__list suggested-topics", id="suggested-topics"),
    ):
        if heading:
            w.leaf("h3", heading, cls="more-topics__list-title")
        with w.el("table", "topic-list"):
            w.raw("<thead><tr>")
            for head in ("Topic", "Replies", "Views", "Activity"):
                w.leaf("th", head, cls="default" if head == "Topic" else f"{head.lower()} num")
            w.raw("</tr></thead>\n<tbody>")
            for title in titles:
                w.open("tr", "topic-list-item")
                with w.el("td", "main-link clearfix topic-list-data"):
                    with w.el("span", "link-top-line"):
                        w.link(title, f"/t/{slug(title)}/{rng.randint(1, 99999)}", cls="title raw-link raw-topic-link")
                    if rng.random() < 0.5:
                        with w.el("div", "link-bottom-line"):
                            w.leaf("span", rng.choice(("General", "News", "World", "Politics")), cls="category-name")
                w.leaf("td", str(rng.randint(0, 300)), cls="num posts topic-list-data")
                w.leaf("td", f"{rng.randint(1, 90)}.{rng.randint(0, 9)}k", cls="num views topic-list-data")
                w.leaf("td", f"{rng.randint(1, 29)}d", cls="num topic-list-data age activity")
                w.raw("</tr>\n")
            w.raw("</tbody>\n</table>\n")


def render(w: HtmlWriter, thread: Thread, related: list[str]) -> None:
    """A Discourse topic page (or category page when the thread has no posts)."""
    rng = w.rng
    site = chrome.site_name(rng)
    markup = BodyMarkup("p", _quote, paste_in_quote=rng.choice(PASTE_IN_QUOTE), link_cls="")
    with chrome.document(w, f"{thread.title} - {thread.forum} - {site}", "crawler" if rng.random() < 0.2 else "docked"):
        with w.el("section", id="main", cls="ember-application"):
            with w.el("header", "d-header"), w.el("div", "wrap"), w.el("div", "contents"):
                w.raw(f'<div class="title"><a href="/"><img id="site-logo" class="logo-big" alt="{slug(site)}" '
                      'src="/logo.png"></a></div>\n')
                with w.el("div", "panel"), w.el("span", "header-buttons"):
                    for button in ("Sign Up", "Log In"):
                        with w.el("button", f"btn btn-small {slug(button)}-button btn-icon-text"):
                            w.leaf("span", button, cls="d-button-label")
            if rng.random() < 0.4:
                with w.el("div", "sidebar-wrapper"), w.el("div", "sidebar-sections"):
                    w.leaf("div", "Categories", cls="sidebar-section-header-text")
                    w.chrome_list(["Topics", "More", "News", "General", "Site Feedback", "All categories"]
                                  [: rng.randint(3, 6)], "sidebar-section-content", "sidebar-section-link-wrapper")
            with (
                w.el("div", "topic-title" if thread.posts else "category-heading", id="topic-title"),
                w.el("div", "title-wrapper"),
            ):
                with w.el("h1", data_topic_id=str(rng.randint(1, 99999))):
                    w.link(thread.title, f"/t/{slug(thread.title)}", cls="fancy-title")
                with w.el("div", "topic-category"):
                    with w.el("span", "badge-wrapper bullet"):
                        w.leaf("span", thread.forum, cls="badge-category clear-badge category-name")
                    if rng.random() < 0.4:
                        with w.el("div", "list-tags"):
                            for tag in thread.title.lower().split()[:2]:
                                w.link(tag.strip(".,:!?"), "#", cls="discourse-tag simple")
                                w.raw(" ")
            with w.el("div", "container posts"):
                if thread.posts:
                    with w.el("div", "post-stream"):
                        for k, post in enumerate(thread.posts):
                            _post(w, post, markup)
                            if k == 0 and rng.random() < 0.5:
                                _topic_map(w, thread)
                    if rng.random() < 0.5:
                        with w.el("div", "topic-footer-buttons"):
                            for button in ("Share", "Bookmark", "Reply")[: rng.randint(1, 3)]:
                                w.leaf("button", button, cls="btn btn-icon-text")
                    if related:
                        _topic_list(w, related, rng.choice(("Suggested Topics", "Related Topics", "")))
                else:
                    _topic_list(w, thread.index_titles, "")
        if rng.random() < 0.3:
            with w.el("footer", "noscript-footer-nav"):
                w.link("Home", "/")
                w.raw(" ")
                w.link("Categories", "/categories")
                w.raw(" ")
                w.link("FAQ/Guidelines", "/guidelines")
                w.raw(" ")
                w.link("Terms of Service", "/tos")
                w.raw(" ")
                w.link("Privacy Policy", "/privacy")
                w.leaf("p", "Powered by Discourse, best viewed with JavaScript enabled", cls="powered-by-link")
