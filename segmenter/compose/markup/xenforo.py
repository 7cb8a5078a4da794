"""XenForo 2 thread and forum pages, with XenForo's own markup (``article.message``, ``bbWrapper``,
``blockquote.bbCodeBlock--quote``, ``message-userDetails``, ``p-breadcrumbs`` ...)."""

from __future__ import annotations

from segmenter.compose import names, phrases
from segmenter.compose.markup import chrome
from segmenter.compose.markup.body import PASTE_IN_QUOTE, BodyMarkup, signature_lines, write_body, write_quote_inner
from segmenter.compose.markup.writer import HtmlWriter, slug
from segmenter.compose.model import Part, Post, Thread
from segmenter.labels import BOILERPLATE

_NAV = ["Forums", "What's new", "Media", "Members", "Resources", "Articles"]
_SECTION = ["New posts", "Search forums", "Latest activity", "Trending", "Find threads"]


def _quote(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    rng = w.rng
    attributed = part.author is not None
    attrs = {"data_quote": part.author.name, "data_source": f"post: {rng.randint(1000, 999999)}"} if attributed else {}
    with w.el("blockquote", "bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch", **attrs):
        if attributed:
            with w.el("div", "bbCodeBlock-title"):
                w.link(f"{part.author.name} said:", f"/goto/post?id={rng.randint(1000, 999999)}",
                       cls="bbCodeBlock-sourceJump", rel="nofollow", data_xf_click="attribution")
        with w.el("div", "bbCodeBlock-content"):
            with w.el("div", "bbCodeBlock-expandContent js-expandContent "):
                write_quote_inner(w, part, markup)
            if attributed or rng.random() < 0.5:
                with w.el("div", "bbCodeBlock-expandLink js-expandLink"):
                    w.leaf("a", "Click to expand...", role="button", tabindex="0")


def _user_cell(w: HtmlWriter, post: Post) -> None:
    rng = w.rng
    user = post.user
    with (
        w.el("div", "message-cell message-cell--user"),
        w.el("section", "message-user", itemprop="author", itemscope=True),
    ):
        with w.el("div", "message-avatar "):
            w.raw(f'<a href="/members/{slug(user.name)}.{rng.randint(1, 99999)}/" class="avatar avatar--m">'
                  f'<img src="/data/avatars/m/{rng.randint(1, 99)}.jpg" alt="{slug(user.name)}"></a>')
        with w.el("div", "message-userDetails"):
            with w.el("h4", "message-name"):
                w.link(user.name, f"/members/{slug(user.name)}/", cls="username ", dir="auto")
            if rng.random() < 0.75:
                w.leaf("h5", user.title, cls="userTitle message-userTitle", dir="auto")
            if rng.random() < 0.2:
                w.leaf("div", phrases.user_title_quirky(rng), cls="userBanner message-userBanner")
        if rng.random() < 0.8:
            with w.el("div", "message-userExtras"):
                facts = [("Joined", chrome.date_text(user.joined, rng)), ("Messages", f"{user.posts:,}"),
                         ("Reaction score", f"{user.score:,}")]
                if rng.random() < 0.4:
                    facts.append(("Location", user.location))
                if rng.random() < 0.15:
                    facts.append(("Political Leaning", rng.choice(("Moderate", "Liberal", "Conservative"))))
                for term, value in facts[: rng.randint(2, len(facts))]:
                    with w.el("dl", "pairs pairs--justified"):
                        w.leaf("dt", term)
                        w.leaf("dd", value)
        w.raw('<span class="message-userArrow"></span>\n')


def _post(w: HtmlWriter, thread: Thread, post: Post, markup: BodyMarkup) -> None:
    rng = w.rng
    number = rng.randint(10000, 9999999)
    with w.el("article", "message message--post js-post js-inlineModContainer", data_author=post.user.name,
              data_content=f"post-{number}", id=f"js-post-{number}"), w.el("div", "message-inner"):
        _user_cell(w, post)
        with w.el("div", "message-cell message-cell--main"), w.el("div", "message-main js-quickEditTarget"):
            with w.el("header", "message-attribution message-attribution--split"):
                with w.el("ul", "message-attribution-main listInline "), w.el("li", "u-concealed"):
                    w.open("a", href=f"/threads/{slug(thread.title)}/post-{number}", rel="nofollow")
                    w.leaf("time", chrome.date_text(post.when, rng), cls="u-dt", datetime=chrome.iso(post.when))
                    w.raw("</a>")
                with w.el("ul", "message-attribution-opposite message-attribution-opposite--list "):
                    if rng.random() < 0.5:
                        with w.el("li"):
                            w.raw('<a href="#" class="message-attribution-gadget" data-xf-init="share-tooltip">'
                                  '<i class="fa--xf far fa-share-alt" aria-hidden="true"></i></a>')
                    with w.el("li"):
                        w.link(f"#{post.number}", f"/posts/{number}/")
            with w.el("div", "message-content js-messageContent"):
                with (
                    w.el("div", "message-userContent lbContainer js-lbContainer ", data_lb_id=f"post-{number}"),
                    w.el("article", "message-body js-selectToQuote"),
                ):
                    with w.el("div", itemprop="text"), w.el("div", "bbWrapper"):
                        write_body(w, post.parts, markup)
                    w.raw('<div class="js-selectToQuoteEnd">&nbsp;</div>\n')
                if post.edited and rng.random() < 0.8:
                    with w.el("div", "message-lastEdit"):
                        w.text("Last edited: ", BOILERPLATE)
                        w.leaf("time", chrome.date_text(post.edited, rng), cls="u-dt")
                signature = signature_lines(w, 0.25)
                if signature:
                    with w.el("aside", "message-signature"), w.el("div", "bbWrapper"):
                        for line in signature:
                            w.text(line, BOILERPLATE)
                            w.br()
            with w.el("footer", "message-footer"):
                with w.el("div", "message-actionBar actionBar"):
                    with w.el("div", "actionBar-set actionBar-set--external"):
                        for action in rng.sample(("Like", "Reply", "Quote"), rng.randint(1, 3)):
                            w.link(action, "#", cls=f"actionBar-action actionBar-action--{action.lower()}")
                            w.raw("\n")
                    if rng.random() < 0.6:
                        with w.el("div", "actionBar-set actionBar-set--internal"):
                            w.link("Report", "#", cls="actionBar-action actionBar-action--report")
                if post.likes or rng.random() < 0.35:
                    with w.el("div", "reactionsBar js-reactionsList is-active"):
                        w.link(f"{names.username(rng)}, {names.username(rng)} and {rng.randint(1, 40)} others",
                               "#", cls="reactionsBar-link")


def _index(w: HtmlWriter, thread: Thread) -> None:
    rng = w.rng
    with w.el("div", "structItemContainer"):
        for title in thread.index_titles:
            with w.el("div", "structItem structItem--thread js-inlineModContainer"):
                with w.el("div", "structItem-cell structItem-cell--main"):
                    with w.el("div", "structItem-title"):
                        w.link(title, f"/threads/{slug(title)}.{rng.randint(1, 99999)}/")
                    with w.el("div", "structItem-minor"), w.el("ul", "structItem-parts"):
                        with w.el("li"):
                            w.link(names.username(rng), "#", cls="username ")
                        with w.el("li", "structItem-startDate"):
                            w.leaf("time", chrome.date_text(names.random_date(rng, 2015, 2024), rng), cls="u-dt")
                with w.el("div", "structItem-cell structItem-cell--meta"):
                    for term in ("Replies", "Views"):
                        with w.el("dl", "pairs pairs--justified"):
                            w.leaf("dt", term)
                            w.leaf("dd", f"{rng.randint(0, 5000):,}")


def render(w: HtmlWriter, thread: Thread, related: list[str]) -> None:
    """A XenForo 2 thread page (or forum page when the thread has no posts)."""
    rng = w.rng
    site = chrome.site_name(rng)
    year = thread.posts[0].when.year if thread.posts else 2020
    markup = BodyMarkup("br", _quote, paste_in_quote=rng.choice(PASTE_IN_QUOTE), gap=rng.choice((0.2, 0.8, 0.95)),
                        link_cls="link link--external")
    with (
        chrome.document(w, f"{thread.title} | {site}", "template-thread_view", data_template="thread_view"),
        w.el("div", "p-pageWrapper", id="top"),
    ):
        with (
            w.el("header", "p-header", id="header"),
            w.el("div", "p-header-inner"),
            w.el("div", "p-header-content"),
            w.el("div", "p-header-logo p-header-logo--image"),
        ):
            w.raw(f'<a href="/"><img src="/styles/logo.png" alt="{site}"></a>')
        with (
            w.el("div", "p-navSticky p-navSticky--primary"),
            w.el("nav", "p-nav"),
            w.el("div", "p-nav-inner"),
        ):
            w.chrome_list(_NAV[: rng.randint(3, len(_NAV))], "p-nav-list js-offCanvasNavSource")
            with (
                w.el("div", "p-nav-opposite"),
                w.el("div", "p-navgroup p-account p-navgroup--guest"),
            ):
                w.link("Log in", "/login/", cls="p-navgroup-link p-navgroup-link--logIn")
                w.raw("\n")
                w.link("Register", "/register/", cls="p-navgroup-link p-navgroup-link--register")
        with w.el("div", "p-sectionLinks"):
            w.chrome_list(rng.sample(_SECTION, rng.randint(2, len(_SECTION))), "p-sectionLinks-list")
        with w.el("div", "p-body"), w.el("div", "p-body-inner"):
            if rng.random() < 0.35:
                with (
                    w.el("ul", "notices notices--block"),
                    w.el("li", "notice js-notice notice--primary"),
                ):
                    chrome.notice(w, "notice-content")
            chrome.breadcrumbs(w, ["Home", "Forums", thread.forum][rng.randint(0, 1):], "p-breadcrumbs")
            with w.el("div", "p-body-header"):
                with w.el("div", "p-title "):
                    w.leaf("h1", thread.title, cls="p-title-value")
                if thread.posts and rng.random() < 0.7:
                    with (
                        w.el("div", "p-description"),
                        w.el("ul", "listInline listInline--bullet"),
                    ):
                        with w.el("li"):
                            w.leaf("span", "Thread starter", cls="u-srOnly")
                            w.link(thread.posts[0].user.name, "#", cls="username  u-concealed")
                        with w.el("li"):
                            w.leaf("span", "Start date", cls="u-srOnly")
                            w.leaf("time", chrome.date_text(thread.posts[0].when, rng), cls="u-dt")
            with w.el("div", "p-body-main p-body-main--withSidebar" if related else "p-body-main"):
                with w.el("div", "p-body-content"), w.el("div", "p-body-pageContent"):
                    pages = rng.randint(1, 30)
                    if pages > 1:
                        chrome.pagination(w, pages, "pageNav", "pageNav-page pageNav-page--current")
                    with (
                        w.el("div", "block block--messages"),
                        w.el("div", "block-container lbContainer"),
                        w.el("div", "block-body js-replyNewMessageContainer"),
                    ):
                        if thread.posts:
                            for post in thread.posts:
                                _post(w, thread, post, markup)
                        else:
                            _index(w, thread)
                    if rng.random() < 0.5:
                        w.leaf("div", "You must log in or register to reply here.",
                               cls="blockMessage blockMessage--alt")
                    if rng.random() < 0.6:
                        chrome.share_buttons(w, "shareButtons")
                if related:
                    with w.el("div", "p-body-sidebar"):
                        chrome.sidebar(w, related, "block", aside=False)
        chrome.footer(w, site, year, "p-footer",
                      "Community platform by XenForo® © 2010-2023 XenForo Ltd." if rng.random() < 0.7 else "")
        if rng.random() < 0.4:
            chrome.cookie_notice(w, "u-bottomFixer js-bottomFixTarget")
