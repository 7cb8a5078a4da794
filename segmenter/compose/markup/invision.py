"""Invision Community 4 topic and forum pages with Invision's markup: ``article.ipsComment``,
``aside.cAuthorPane``, ``div[data-role=commentContent]``, ``blockquote.ipsQuote`` with
``div.ipsQuote_citation``, ``nav.ipsBreadcrumb``, ``ul.ipsComment_controls``."""

from __future__ import annotations

from segmenter.compose import names
from segmenter.compose.markup import chrome
from segmenter.compose.markup.body import PASTE_IN_QUOTE, BodyMarkup, signature_lines, write_body, write_quote_inner
from segmenter.compose.markup.writer import HtmlWriter, slug
from segmenter.compose.model import Part, Post, Thread
from segmenter.labels import BOILERPLATE

_NAV = ["Browse", "Forums", "Activity", "Leaderboard", "Calendar", "Guidelines", "Staff", "Online Users", "Clubs"]
_GROUPS = ("Members", "Advanced Member", "Senior Member", "Moderators", "Banned", "Newbie", "Contributor")


def _ips_date(when, rng) -> str:
    month = names.MONTHS[when.month - 1]
    return rng.choice((f"{month} {when.day}, {when.year}", f"{when.month}/{when.day}/{when.year}",
                       f"{when.day} {month} {when.year}"))


def _quote(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    rng = w.rng
    attrs = {"data_ipsquote": True, "data_ipsquote_contentapp": "forums"}
    if part.author is not None:
        attrs["data_ipsquote_username"] = part.author.name
    with w.el("blockquote", "ipsQuote", **attrs):
        if part.author is not None and not part.continued:
            when = names.random_date(rng, 2012, 2024)
            citation = rng.choice((f"On {when.month}/{when.day}/{when.year} at {names.clock(when, rng)}, "
                                   f"{part.author.name} said:", f"{part.author.name} said:"))
            w.leaf("div", citation, cls="ipsQuote_citation")
        elif rng.random() < 0.6:
            w.leaf("div", "Quote", cls="ipsQuote_citation")
        with w.el("div", "ipsQuote_contents ipsClearfix"):
            write_quote_inner(w, part, markup)


def _post(w: HtmlWriter, post: Post, markup: BodyMarkup) -> None:
    rng = w.rng
    user = post.user
    number = rng.randint(1000, 9999999)
    with w.el("article", "cPost ipsBox ipsResponsive_pull ipsComment ipsComment_parent ipsClearfix ipsClear "
              "ipsColumns ipsColumns_noSpacing ipsColumns_collapsePhone", id=f"elComment_{number}"):
        with w.el("aside", "ipsComment_author cAuthorPane ipsColumn ipsColumn_medium ipsResponsive_hidePhone"):
            with w.el("h3", "ipsType_sectionHead cAuthorPane_author ipsType_blendLinks ipsType_break"):
                w.open("strong")
                w.link(user.name, f"/profile/{rng.randint(1, 99999)}-{slug(user.name)}/", cls="ipsType_break",
                       data_ipshover=True)
                w.close("strong")
            with w.el("ul", "cAuthorPane_info ipsList_reset"):
                if rng.random() < 0.8:
                    w.leaf("li", rng.choice(_GROUPS), cls="ipsType_break", data_role="group")
                w.raw('<li data-role="photo" class="cAuthorPane_photo">'
                      '<a href="#" class="ipsUserPhoto ipsUserPhoto_large">'
                      '<img src="/uploads/profile/photo-thumb.png" alt=""></a></li>\n')
                with (
                    w.el("li", "ipsMargin_top", data_role="stats"),
                    w.el("ul", "ipsList_reset ipsType_light ipsFlex cAuthorPane_stats"),
                    w.el("li"),
                ):
                    w.link(f"{user.posts:,}" if rng.random() < 0.5 else f"{user.posts:,} posts", "#",
                           cls="ipsType_blendLinks", title=f"{user.posts:,} posts")
                if rng.random() < 0.3:
                    w.leaf("li", f"Location: {user.location}", cls="ipsType_break")
        with (
            w.el("div", "ipsColumn ipsColumn_fluid ipsMargin:none"),
            w.el("div", "ipsComment_content ipsType_medium", id=f"comment-{number}_wrap"),
        ):
            with (
                w.el("div", "ipsComment_meta ipsType_light ipsFlex ipsFlex-ai:center ipsFlex-jc:between"),
                w.el("div", "ipsType_reset ipsResponsive_hidePhone"),
            ):
                w.open("a", "ipsType_blendLinks", href=f"?do=findComment&comment={number}", rel="nofollow")
                w.text("Posted ", BOILERPLATE)
                w.leaf("time", _ips_date(post.when, rng), datetime=chrome.iso(post.when))
                w.raw("</a>")
                if post.edited:
                    w.leaf("span", " (edited)", cls="ipsResponsive_hidePhone")
            with w.el("div", "cPost_contentWrap"):
                with w.el("div", "ipsType_normal ipsType_richText ipsPadding_bottom ipsContained",
                          data_role="commentContent", data_controller="core.front.core.lightboxedImages"):
                    write_body(w, post.parts, markup)
                with w.el("div", "ipsItemControls"):
                    if rng.random() < 0.5:
                        with w.el("div", "ipsReact ipsPos_right"):
                            w.leaf("div", str(rng.randint(1, 40)), cls="ipsReact_reactCount")
                    with w.el("ul", "ipsComment_controls ipsClearfix ipsItemControls_left",
                              data_role="commentControls"):
                        for control in rng.sample(("Quote", "Link to comment", "Share on other sites",
                                                   "Report post"), rng.randint(1, 3)):
                            with w.el("li"):
                                w.link(control, "#", cls="ipsButton ipsButton_light ipsButton_verySmall")
                signature = signature_lines(w, 0.25)
                if signature:
                    with w.el("div", "ipsResponsive_hidePhone", data_role="memberSignature"):
                        w.void("hr", "ipsHr")
                        with w.el("div", "ipsType_reset ipsType_medium ipsType_richText", data_ipslazyload=True):
                            for line in signature:
                                w.leaf("p", line)


def _index(w: HtmlWriter, thread: Thread) -> None:
    rng = w.rng
    with w.el("ol", "ipsClear ipsDataList cForumTopicTable", data_role="tableRows"):
        for title in thread.index_titles:
            with w.el("li", "ipsDataItem ipsDataItem_responsivePhoto"):
                with w.el("div", "ipsDataItem_main"):
                    with w.el("h4", "ipsDataItem_title ipsContained_container"):
                        w.link(title, f"/topic/{rng.randint(1, 99999)}-{slug(title)}/")
                    with w.el("div", "ipsDataItem_meta ipsType_reset ipsType_light ipsType_blendLinks"):
                        w.text("By ", BOILERPLATE)
                        w.link(names.username(rng), "#")
                        w.text(", ", BOILERPLATE)
                        w.leaf("time", _ips_date(names.random_date(rng, 2012, 2024), rng))
                with w.el("ul", "ipsDataItem_stats"):
                    w.leaf("li", f"{rng.randint(0, 900)} replies")
                    w.leaf("li", f"{rng.randint(10, 90000):,} views", cls="ipsType_light")


def render(w: HtmlWriter, thread: Thread, related: list[str]) -> None:
    """An Invision Community topic page (or forum page when the thread has no posts)."""
    rng = w.rng
    site = chrome.site_name(rng)
    year = thread.posts[0].when.year if thread.posts else 2018
    markup = BodyMarkup("p", _quote, paste_in_quote=rng.choice(PASTE_IN_QUOTE), link_cls="ipsLink")
    with chrome.document(w, f"{thread.title} - {thread.forum} - {site}", "ipsApp ipsApp_front ipsJS_none "
                         "ipsClearfix", data_pageapp="forums", data_pagecontroller="topic"):
        w.link("Jump to content", "#elContent", cls="ipsHide", title="Go to main content on this page")
        with w.el("div", id="ipsLayout_header", cls="ipsClearfix"):
            with w.el("header"), w.el("div", "ipsLayout_container"):
                w.link(site, "/", id="elSiteTitle", accesskey="1")
                with w.el("ul", "ipsList_inline cSignedOut ipsResponsive_showDesktop", id="elUserNav"):
                    with w.el("li", id="elSignInLink"):
                        w.link("Existing user? Sign In", "/login/")
                    with w.el("li"):
                        w.link("Sign Up", "/register/", cls="ipsButton ipsButton_normal ipsButton_primary")
            with (
                w.el("nav", "ipsNavBar_noSubBars ipsResponsive_showDesktop", data_controller="core.front.core.navBar"),
                w.el("div", "ipsNavBar_primary ipsLayout_container ipsNavBar_noSubBars"),
            ):
                w.chrome_list(_NAV[: rng.randint(3, len(_NAV))], "ipsClearfix")
        with (
            w.el("main", id="ipsLayout_body", cls="ipsLayout_container"),
            w.el("div", id="ipsLayout_contentArea"),
            w.el("div", id="ipsLayout_contentWrapper"),
        ):
            with w.el("nav", "ipsBreadcrumb ipsBreadcrumb_top ipsFaded_withHover"):
                chrome.breadcrumbs(w, ["Home", "Forums", thread.forum][rng.randint(0, 1):], "ipsList_inline", "",
                                   separator="")
            with w.el("div", id="ipsLayout_mainArea"):
                w.raw('<a id="elContent"></a>\n')
                with w.el("div", "ipsPageHeader ipsResponsive_pull ipsBox ipsPadding"):
                    with (
                        w.el("h1", "ipsType_pageTitle ipsContained_container"),
                        w.el("span", "ipsType_break ipsContained"),
                    ):
                        w.leaf("span", thread.title)
                    if thread.posts:
                        with w.el("div", "ipsPageHeader__meta ipsFlex ipsFlex-jc:between"):
                            with w.el("p", "ipsType_reset ipsType_blendLinks"):
                                w.text("By ", BOILERPLATE)
                                w.link(thread.posts[0].user.name, "#")
                                w.text(f", {_ips_date(thread.posts[0].when, rng)} in ", BOILERPLATE)
                                w.link(thread.forum, "#")
                            if rng.random() < 0.5:
                                with w.el("a", "ipsFollow ipsButton ipsButton_light ipsButton_verySmall",
                                          href="#", data_role="followButton"):
                                    w.leaf("span", "Followers")
                                    w.leaf("span", str(rng.randint(1, 20)), cls="ipsCommentCount")
                pages = rng.randint(1, 20)
                if pages > 1:
                    chrome.pagination(w, pages, "ipsPagination", "ipsPagination_page ipsPagination_active")
                if thread.posts:
                    with w.el("div", "cTopic ipsClear ipsSpacer_top", data_role="commentFeed"):
                        for post in thread.posts:
                            _post(w, post, markup)
                else:
                    _index(w, thread)
                if rng.random() < 0.5:
                    with w.el("div", "ipsBox ipsPadding ipsResponsive_pull ipsResponsive_showPhone"):
                        w.leaf("h2", "Create an account or sign in to comment",
                               cls="ipsType_sectionHead ipsType_center")
                if rng.random() < 0.5:
                    chrome.share_buttons(w, "ipsShareLinks", "Share")
                if related:
                    chrome.sidebar(w, related, "ipsWidget ipsWidget_vertical ipsBox", "h3", aside=True)
        with w.el("footer", id="ipsLayout_footer", cls="ipsClearfix"), w.el("div", "ipsLayout_container"):
            w.chrome_list(rng.sample(["Language", "Theme", "Privacy Policy", "Contact Us", "Cookies"], 3),
                          "ipsList_inline ipsType_center ipsSpacer_top")
            with w.el("p", id="elCopyright"):
                w.leaf("span", f"Copyright © {year} {site}", id="elCopyright_userLine")
                w.raw(" ")
                w.link("Powered by Invision Community", "https://invisioncommunity.com/", rel="nofollow")
