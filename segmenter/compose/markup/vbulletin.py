"""vBulletin 3 and 4 thread and forum pages with vBulletin's markup: vB4's ``li.postbitlegacy`` with
``div.postrow`` and ``blockquote.postcontent``, ``div.bbcode_container`` quotes; vB3's tables with
``td.alt1``, ``div[id^=post_message_]`` and its class-less quote tables."""

from __future__ import annotations

from segmenter.compose import names
from segmenter.compose.markup import chrome
from segmenter.compose.markup.body import PASTE_IN_QUOTE, BodyMarkup, signature_lines, write_body, write_quote_inner
from segmenter.compose.markup.writer import HtmlWriter, slug
from segmenter.compose.model import Part, Post, Thread
from segmenter.compose.styles.common import us_numeric
from segmenter.labels import BOILERPLATE

_NAV = ["Home", "Forum", "What's New?", "Blogs", "Calendar", "Community", "Forum Actions", "Quick Links",
        "Advanced Search", "FAQ", "Members List", "Today's Posts"]


def _quote4(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    """vBulletin 4: ``div.bbcode_container > div.bbcode_quote > div.quote_container``."""
    rng = w.rng
    with (
        w.el("div", "bbcode_container"),
        w.el("div", "bbcode_quote"),
        w.el("div", "quote_container"),
    ):
        w.raw('<div class="bbcode_quote_container"></div>\n')
        if part.author is not None:
            with w.el("div", "bbcode_postedby"):
                w.raw('<img title="Originally Posted by" class="inlineimg" src="images/misc/quote_icon.png" '
                      'alt="Quote"> ')
                w.text("Originally Posted by ", BOILERPLATE)
                w.leaf("strong", part.author.name)
                w.raw(f' <a href="showthread.php?p={rng.randint(1000, 999999)}" rel="nofollow">'
                      '<img class="inlineimg" src="images/buttons/viewpost-right.png" alt="View Post"></a>')
        with w.el("div", "message"):
            write_quote_inner(w, part, markup)


def _quote3(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    """vBulletin 3: a styled ``div`` with "Quote:" and a table cell, no class saying "quote"."""
    with w.el("div", style="margin:20px; margin-top:5px; "):
        w.leaf("div", "Quote:", cls="smallfont", style="margin-bottom:2px")
        with w.el("table", cellpadding="6", cellspacing="0", border="0", width="100%"):
            w.raw("<tr>")
            with w.el("td", "alt2", style="border:1px inset"):
                if part.author is not None:
                    with w.el("div"):
                        w.text("Originally Posted by ", BOILERPLATE)
                        w.leaf("strong", part.author.name)
                    with w.el("div", style="font-style:italic"):
                        write_quote_inner(w, part, markup)
                else:
                    write_quote_inner(w, part, markup)
            w.raw("</tr></table>\n")


def _post4(w: HtmlWriter, thread: Thread, post: Post, markup: BodyMarkup) -> None:
    rng = w.rng
    user = post.user
    number = rng.randint(1000, 999999)
    with w.el("li", "postbitlegacy postbitim postcontainer old", id=f"post_{number}"):
        with w.el("div", "posthead"):
            with w.el("span", "postdate old"):
                w.leaf("span", us_numeric(post.when), cls="date")
            with w.el("span", "nodecontrols"):
                w.link(f"#{post.number}", f"showthread.php?p={number}#post{number}", cls="postcounter")
        with w.el("div", "postdetails"):
            with w.el("div", "userinfo"):
                with w.el("div", "username_container"):
                    w.link(user.name, f"member.php?u={rng.randint(1, 99999)}", cls="username offline popupctrl",
                           title=f"{user.name} is offline")
                w.leaf("span", user.title, cls="usertitle")
                w.raw('<a class="postuseravatar" href="#"><img src="customavatars/avatar.gif" alt=""></a>\n<hr>\n')
                with w.el("dl", "userinfo_extra"):
                    facts = [("Join Date", f"{names.MON[user.joined.month - 1]} {user.joined.year}"),
                             ("Location", user.location), ("Posts", f"{user.posts:,}")]
                    for term, value in facts if rng.random() < 0.6 else facts[::2]:
                        w.leaf("dt", term)
                        w.leaf("dd", value)
            with w.el("div", "postbody"):
                with w.el("div", "postrow has_after_content"):
                    if rng.random() < 0.6:
                        w.leaf("h2", thread.title if post.number == 1 else f"Re: {thread.title}", cls="title icon")
                    with (
                        w.el("div", "content"),
                        w.el("div", id=f"post_message_{number}"),
                        w.el("blockquote", "postcontent restore "),
                    ):
                        write_body(w, post.parts, markup)
                signature = signature_lines(w, 0.3)
                if signature or (post.edited and rng.random() < 0.7):
                    with w.el("div", "after_content"):
                        if post.edited:
                            with w.el("blockquote", "postcontent lastedited"):
                                w.text(f"Last edited by {user.name}; {us_numeric(post.edited)}.", BOILERPLATE)
                        if signature:
                            with (
                                w.el("blockquote", "signature restore"),
                                w.el("div", "signaturecontainer"),
                            ):
                                for line in signature:
                                    w.text(line, BOILERPLATE)
                                    w.br()
        with w.el("div", "postfoot"), w.el("div", "textcontrols floatcontainer"), w.el("span", "postcontrols"):
            for action in rng.sample(("Reply With Quote", "Quote", "Reply", "Multi-Quote"), rng.randint(1, 2)):
                w.link(action, f"newreply.php?do=newreply&p={number}", cls="newreply", rel="nofollow")
                w.raw("\n")


def _post3(w: HtmlWriter, thread: Thread, post: Post, markup: BodyMarkup) -> None:
    rng = w.rng
    user = post.user
    number = rng.randint(1000, 999999)
    with (
        w.el("div", id=f"edit{number}", style="padding:0px 0px 6px 0px"),
        w.el("table", "tborder", id=f"post{number}", cellpadding="6", cellspacing="0", width="100%"),
    ):
        w.raw("<tr>")
        with w.el("td", "thead", style="font-weight:normal"):
            w.raw('<a name="post"><img class="inlineimg" src="images/statusicon/post_old.gif" alt="Old"></a> ')
            w.text(us_numeric(post.when), BOILERPLATE)
        with w.el("td", "thead", align="right"):
            w.text("#", BOILERPLATE)
            w.link(str(post.number), f"showpost.php?p={number}&postcount={post.number}", target="new")
        w.raw('</tr>\n<tr valign="top">')
        with w.el("td", "alt2", width="175"):
            with w.el("div", id=f"postmenu_{number}"):
                w.link(user.name, f"member.php?u={rng.randint(1, 99999)}", cls="bigusername")
            w.leaf("div", user.title, cls="smallfont")
            with w.el("div", "smallfont"):
                w.br()
                if rng.random() < 0.8:
                    w.leaf("div", f"Join Date: {names.MON[user.joined.month - 1]} {user.joined.year}")
                if rng.random() < 0.4:
                    w.leaf("div", f"Location: {user.location}")
                w.leaf("div", f"Posts: {user.posts:,}")
        with w.el("td", "alt1", id=f"td_post_{number}"):
            if rng.random() < 0.6:
                with w.el("div", "smallfont"):
                    w.leaf("strong", thread.title if post.number == 1 else f"Re: {thread.title}")
                w.void("hr", size="1")
            with w.el("div", id=f"post_message_{number}"):
                write_body(w, post.parts, markup)
            signature = signature_lines(w, 0.3)
            if signature:
                with w.el("div"):
                    w.text("__________________", BOILERPLATE)
                    w.br()
                    for line in signature:
                        w.text(line, BOILERPLATE)
                        w.br()
            if post.edited:
                with w.el("div", "smallfont"):
                    w.leaf("em", f"Last edited by {user.name}; {us_numeric(post.edited)}.")
        w.raw("</tr>\n<tr>")
        with w.el("td", "alt2"):
            w.raw(f'<img class="inlineimg" src="images/statusicon/user_offline.gif" alt="{slug(user.name)} offline">')
        with w.el("td", "alt1", align="right"):
            w.link("Reply With Quote", f"newreply.php?do=newreply&p={number}", rel="nofollow")
        w.raw("</tr>\n</table>\n")


def _index(w: HtmlWriter, thread: Thread) -> None:
    rng = w.rng
    with w.el("ol", "threads", id="threads"):
        for title in thread.index_titles:
            with w.el("li", "threadbit hot"):
                with w.el("div", "threadinfo"):
                    with w.el("h3", "threadtitle"):
                        w.link(title, f"showthread.php?t={rng.randint(1, 99999)}", cls="title")
                    with w.el("div", "author"):
                        w.text("Started by ", BOILERPLATE)
                        w.link(names.username(rng), "#", cls="username understate")
                with w.el("ul", "threadstats td alt"):
                    w.leaf("li", f"Replies: {rng.randint(0, 900):,}")
                    w.leaf("li", f"Views: {rng.randint(10, 90000):,}")
                with w.el("dl", "threadlastpost td"):
                    w.leaf("dd", us_numeric(names.random_date(rng, 2004, 2014)))


def render(w: HtmlWriter, thread: Thread, related: list[str]) -> None:
    """A vBulletin 4 or 3 thread page (or forum page when the thread has no posts)."""
    rng = w.rng
    site = chrome.site_name(rng)
    year = thread.posts[0].when.year if thread.posts else 2010
    four = rng.random() < 0.55
    markup = BodyMarkup("br", _quote4 if four else _quote3, paste_in_quote=rng.choice(PASTE_IN_QUOTE),
                        gap=rng.choice((0.3, 0.9)))
    post = _post4 if four else _post3
    with chrome.document(w, f"{thread.title} - {site}", "showthread" if rng.random() < 0.5 else ""):
        with w.el("div", "above_body" if four else "", id="header" if not four else None):
            with w.el("div", "floatcontainer doc_header" if four else ""):
                w.raw(f'<a name="top" href="/" class="logo-image"><img src="images/misc/logo.png" alt="{site}"></a>\n')
                with w.el("div", "toplinks" if four else "smallfont"):
                    w.link("Register", "register.php")
                    w.raw(" ")
                    w.link("Help", "faq.php")
            chrome.menu(w, rng.sample(_NAV, rng.randint(4, 8)), "navtabs" if four else "", "floatcontainer")
        with w.el("div", "body_wrapper"):
            with w.el("div", "breadcrumb" if four else "navbar", id="breadcrumb" if four else None):
                separator = "›" if rng.random() < 0.3 else ""
                crumbs = [site, "Forum", thread.forum, thread.title]
                chrome.breadcrumbs(w, crumbs, "floatcontainer", "navbit", separator=separator)
            if not four or rng.random() < 0.4:
                heading = thread.title if four else f"{thread.forum} - {thread.title}"
                w.leaf("h1", heading, cls="threadtitle" if four else "")
            pages = rng.randint(1, 40)
            if pages > 1:
                with w.el("div", "pagination_top" if four else "pagenav"):
                    w.leaf("span", f"Page 1 of {pages}")
                    chrome.pagination(w, pages, "pagination popupmenu nohovermenu", "selected")
            with w.el("div", "postlist restrain" if four else "", id="postlist" if four else "posts"):
                if not thread.posts:
                    _index(w, thread)
                elif four:
                    with w.el("ol", "posts", id="posts", start="1"):
                        for each in thread.posts:
                            post(w, thread, each, markup)
                else:
                    for each in thread.posts:
                        post(w, thread, each, markup)
            if rng.random() < 0.5:
                with w.el("div", "thread_info block" if four else "smallfont"):
                    w.leaf("h4", "Thread Information" if four else "Currently Active Users Viewing This Thread: "
                           f"{rng.randint(1, 9)}", cls="threadinfohead blockhead" if four else "")
            if related and rng.random() < 0.7:
                chrome.sidebar(w, related, "similar_threads block" if four else "alt1", "h4", aside=False)
            if rng.random() < 0.5:
                with w.el("div", "navlinks" if four else "smallfont"):
                    w.link("« Previous Thread", "#")
                    w.text(" | ", BOILERPLATE)
                    w.link("Next Thread »", "#")
        with w.el("div", "below_body" if four else "", id="footer_morecopyright" if not four else None):
            chrome.footer(w, site, year, "footer" if four else "tfoot",
                          f"Powered by vBulletin® Version {rng.choice(('4.2.2', '4.2.5', '3.8.7', '3.8.11'))}")
