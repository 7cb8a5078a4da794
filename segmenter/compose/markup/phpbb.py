"""phpBB 3 (prosilver) topic and forum pages with phpBB's markup: ``div.post > div.inner``,
``dl.postprofile``, ``div.postbody > div.content``, ``blockquote`` with an inline ``cite``."""

from __future__ import annotations

from segmenter.compose import names
from segmenter.compose.markup import chrome
from segmenter.compose.markup.body import PASTE_IN_QUOTE, BodyMarkup, signature_lines, write_body, write_quote_inner
from segmenter.compose.markup.writer import HtmlWriter
from segmenter.compose.model import Part, Post, Thread
from segmenter.labels import BOILERPLATE

_QUICK = ["Quick links", "Unanswered topics", "Active topics", "Search", "FAQ", "Members", "The team"]


def _quote(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    rng = w.rng
    with w.el("blockquote", "uncited" if part.author is None and rng.random() < 0.5 else ""), w.el("div"):
        if part.author is not None:
            w.open("cite")
            w.link(part.author.name, f"./memberlist.php?mode=viewprofile&u={rng.randint(2, 9999)}")
            w.text(" wrote: ", BOILERPLATE)
            w.raw(f'<a href="./viewtopic.php?p={rng.randint(1, 99999)}" data-post-id="1">'
                  '<i class="icon fa-arrow-circle-up fa-fw" aria-hidden="true"></i></a>')
            if rng.random() < 0.5:
                w.leaf("span", chrome.php_date(names.random_date(rng, 2008, 2022)), cls="responsive-hide")
            w.close("cite")
        elif rng.random() < 0.4:
            w.leaf("cite", "Quote:")
        write_quote_inner(w, part, markup)


def _post(w: HtmlWriter, thread: Thread, post: Post, markup: BodyMarkup, k: int) -> None:
    rng = w.rng
    user = post.user
    number = rng.randint(1, 999999)
    with (
        w.el("div", f"post has-profile {'bg2' if k % 2 else 'bg1'}", id=f"p{number}"),
        w.el("div", "inner"),
    ):
        with w.el("dl", "postprofile", id=f"profile{number}"):
            with w.el("dt", "has-profile-rank no-avatar"):
                w.link(user.name, f"./memberlist.php?mode=viewprofile&u={rng.randint(2, 9999)}", cls="username")
            if rng.random() < 0.6:
                w.leaf("dd", user.title, cls="profile-rank")
            with w.el("dd", "profile-posts"):
                w.leaf("strong", "Posts:")
                w.text(" ", BOILERPLATE)
                w.link(str(user.posts), f"./search.php?author_id={number}&sr=posts")
            with w.el("dd", "profile-joined"):
                w.leaf("strong", "Joined:")
                w.text(f" {chrome.php_date(user.joined)}", BOILERPLATE)
            if rng.random() < 0.3:
                with w.el("dd", "profile-custom-field profile-phpbb_location"):
                    w.leaf("strong", "Location:")
                    w.text(f" {user.location}", BOILERPLATE)
        with (
            w.el("div", "postbody"),
            w.el("div", id=f"post_content{number}"),
        ):
            with w.el("h3", "first" if k == 0 else ""):
                w.link(thread.title if k == 0 else f"Re: {thread.title}", f"#p{number}")
            with w.el("ul", "post-buttons"):
                for action in ("Quote",) if rng.random() < 0.6 else ("Report", "Quote"):
                    with w.el("li"):
                        w.raw('<a href="#" class="button button-icon-only"><i class="icon fa-quote-left fa-fw" '
                              'aria-hidden="true"></i>')
                        w.leaf("span", action, cls="sr-only")
                        w.raw("</a>")
            with w.el("p", "author"):
                if rng.random() < 0.3:
                    w.raw('<a class="unread" href="#"><i class="icon fa-file fa-fw" aria-hidden="true"></i>')
                    w.leaf("span", "Post", cls="sr-only")
                    w.raw("</a>")
                with w.el("span", "responsive-hide"):
                    w.text("by ", BOILERPLATE)
                    w.open("strong")
                    w.link(user.name, "#", cls="username")
                    w.close("strong")
                    w.text(" » ", BOILERPLATE)
                w.leaf("time", chrome.php_date(post.when), datetime=chrome.iso(post.when))
            with w.el("div", "content"):
                write_body(w, post.parts, markup)
            if post.edited and rng.random() < 0.7:
                w.leaf("div", f"Last edited by {user.name} on {chrome.php_date(post.edited)}, edited 1 time in total.",
                       cls="notice")
            signature = signature_lines(w, 0.3)
            if signature:
                with w.el("div", "signature", id=f"sig{number}"):
                    for line in signature:
                        w.text(line, BOILERPLATE)
                        w.br()
        if rng.random() < 0.7:
            with w.el("div", "back2top"):
                w.raw('<a href="#top" class="top" title="Top"><i class="icon fa-chevron-circle-up fa-fw" '
                      'aria-hidden="true"></i>')
                w.leaf("span", "Top", cls="sr-only")
                w.raw("</a>")
    w.void("hr", "divider")


def _index(w: HtmlWriter, thread: Thread) -> None:
    rng = w.rng
    with w.el("div", "forumbg"), w.el("div", "inner"):
        with w.el("ul", "topiclist"), w.el("li", "header"), w.el("dl", "row-item"):
            for head in ("Topics", "Replies", "Views", "Last post"):
                w.leaf("dt" if head == "Topics" else "dd", head)
        with w.el("ul", "topiclist topics"):
            for k, title in enumerate(thread.index_titles):
                with w.el("li", f"row {'bg2' if k % 2 else 'bg1'}"), w.el("dl", "row-item topic_read"):
                    with w.el("dt"), w.el("div", "list-inner"):
                        w.link(title, f"./viewtopic.php?t={rng.randint(1, 99999)}", cls="topictitle")
                        with w.el("div", "topic-poster responsive-hide left-box"):
                            w.text("by ", BOILERPLATE)
                            w.link(names.username(rng), "#", cls="username")
                    w.leaf("dd", f"{rng.randint(0, 400)}", cls="posts")
                    w.leaf("dd", f"{rng.randint(10, 40000)}", cls="views")


def render(w: HtmlWriter, thread: Thread, related: list[str]) -> None:
    """A phpBB 3 topic page (or forum page when the thread has no posts)."""
    rng = w.rng
    site = chrome.site_name(rng)
    year = thread.posts[0].when.year if thread.posts else 2015
    markup = BodyMarkup("br", _quote, paste_in_quote=rng.choice(PASTE_IN_QUOTE), gap=rng.choice((0.3, 0.9)),
                        link_cls="postlink")
    with (
        chrome.document(w, f"{thread.title} - {site}", "nojs notouch section-viewtopic ltr ", id="phpbb"),
        w.el("div", id="wrap", cls="wrap"),
    ):
        w.link("Skip to content", "#start_here", cls="top-anchor", accesskey="t")
        with w.el("div", id="page-header"):
            with (
                w.el("div", "headerbar", role="banner"),
                w.el("div", "inner"),
                w.el("div", id="site-description", cls="site-description"),
            ):
                w.leaf("h1", site)
                if rng.random() < 0.5:
                    w.leaf("p", rng.choice(("Discussion forum", "Politics, news and current affairs",
                                            "A place to talk")))
                w.link("Skip to content", "#start_here", cls="skiplink")
            with w.el("div", "navbar", role="navigation"), w.el("div", "inner"):
                w.chrome_list(rng.sample(_QUICK, rng.randint(2, 5)), "nav-main linklist")
                with (
                    w.el("ul", "nav-breadcrumbs linklist navlinks", id="nav-breadcrumbs", role="menubar"),
                    w.el("li", "breadcrumbs"),
                ):
                    for crumb in ("Board index", thread.forum):
                        with w.el("span", "crumb"):
                            w.link(crumb, "./index.php")
                        w.raw(" ")
        w.raw('<a id="start_here" class="anchor"></a>\n')
        with w.el("div", id="page-body", cls="page-body", role="main"):
            with w.el("h2", "topic-title"):
                w.link(thread.title, "./viewtopic.php")
            with w.el("div", "action-bar bar-top"):
                w.link("Post Reply", "./posting.php?mode=reply", cls="button")
                with w.el("div", "pagination"):
                    w.text(f"{max(len(thread.posts), 1) + rng.randint(0, 200)} posts", BOILERPLATE)
                    pages = rng.randint(1, 20)
                    if pages > 1:
                        chrome.pagination(w, pages, "", "active")
            if thread.posts:
                for k, post in enumerate(thread.posts):
                    _post(w, thread, post, markup, k)
            else:
                _index(w, thread)
            with w.el("div", "action-bar bar-bottom"):
                w.link("Post Reply", "./posting.php?mode=reply", cls="button")
            if rng.random() < 0.5:
                with w.el("div", "stat-block online-list"):
                    w.leaf("h3", "Who is online")
                    w.leaf("p", f"Users browsing this forum: No registered users and {rng.randint(1, 30)} guests")
        with w.el("div", id="page-footer", cls="page-footer", role="contentinfo"):
            with w.el("div", "navbar", role="navigation"):
                w.chrome_list(["Board index", "Contact us", "Delete cookies", "All times are UTC"][: rng.randint(1, 4)],
                              "nav-footer linklist")
            with w.el("div", "copyright"):
                w.leaf("p", "Powered by phpBB® Forum Software © phpBB Limited", cls="footer-row")
                if rng.random() < 0.5:
                    w.leaf("p", f"© {year} {site}", cls="footer-row")
                if rng.random() < 0.5:
                    w.leaf("p", "Privacy | Terms", cls="footer-row")
