"""Something Awful-like (vBulletin 2 era) thread and forum pages: ``table.post`` with
``td.userinfo > dl.userinfo`` (``dt.author``, ``dd.registered``, ``dd.title``), ``td.postbody``,
``div.bbc-block`` quotes (``h4`` + ``blockquote``), ``td.postdate`` and ``ul.profilelinks``; global
menus, breadcrumbs, page links and a forum-jump ``select``. Menu entries are written for this project."""

from __future__ import annotations

from segmenter.compose import names, phrases
from segmenter.compose.markup import chrome
from segmenter.compose.markup.body import PASTE_IN_QUOTE, BodyMarkup, write_body, write_quote_inner
from segmenter.compose.markup.writer import HtmlWriter
from segmenter.compose.model import Part, Post, Thread
from segmenter.compose.styles.common import short_date
from segmenter.labels import BOILERPLATE

_STORE = ("Upgrade Account", "New Avatar", "Change Avatar", "Archives", "Remove Ads", "New Username", "Banner Ad",
          "Smilies", "Sticky a Thread", "Gift Certificate", "Donate")
_MENU = ("Front Page", "Search the Forums", "User Control Panel", "Private Messages", "Edit Options", "Forum Rules",
         "Wiki", "Probation Log", "Support", "Log Out")
_JUMP = ("Private Messages", "User Control Panel", "Search Forums", "Forums Home", "Main", "Discussion",
         "Games", "Debate & Discussion", "Ask / Tell", "Archives", "The Finer Arts", "Community")


def _quote(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    rng = w.rng
    with w.el("div", "bbc-block"):
        if part.author is not None and not part.continued:
            with w.el("h4"):
                w.link(f"{part.author.name} posted:", f"/showthread.php?goto=post&postid={rng.randint(1, 9999999)}",
                       cls="quote_link")
        else:
            w.leaf("h4", "quote:")
        with w.el("blockquote"):
            write_quote_inner(w, part, markup)


def _post(w: HtmlWriter, post: Post, markup: BodyMarkup, k: int) -> None:
    rng = w.rng
    user = post.user
    number = rng.randint(1000000, 999999999)
    with w.el("table", "post", id=f"post{number}", data_idx=str(k + 1)):
        w.raw("<tbody><tr>")
        with (
            w.el("td", f"userinfo userid-{rng.randint(1, 999999)}"),
            w.el("dl", "userinfo"),
        ):
            badges = (" op" if k == 0 else "") + (" platinum" if rng.random() < 0.3 else "")
            w.leaf("dt", user.name, cls=f"author{badges}")
            w.leaf("dd", short_date(user.joined, rng), cls="registered")
            if rng.random() < 0.7:
                with w.el("dd", "title"):
                    w.br()
                    w.text(phrases.user_title_quirky(rng), BOILERPLATE)
                    w.br()
                    w.raw('<img src="https://fi.example/title.gif" alt="">')
        with w.el("td", f"postbody{' seen' if rng.random() < 0.5 else ''}"):
            write_body(w, post.parts, markup)
            if post.edited:
                with w.el("p", "editedby"):
                    w.leaf("span", f"{rng.choice((user.name, 'Somebody'))} edited this message at "
                           f"{short_date(post.edited, rng)} around {post.edited:%H:%M}")
        w.raw("</tr>\n<tr>")
        with w.el("td", "postdate"):
            w.link("#", f"#post{number}", title="Link to this post")
            w.raw(" ")
            w.link(rng.choice(("?", "¿")), "#", title="Back to the top")
            w.text(f" {short_date(post.when, rng)} {post.when:%H:%M}", BOILERPLATE)
        with w.el("td", "postlinks"):
            w.chrome_list(["Profile", "Message", "Post History"] + ["Rap Sheet"] * (rng.random() < 0.5), "profilelinks")
            with w.el("ul", "postbuttons"):
                w.raw('<li><a href="#"><img src="/images/button-quote.png" alt="Quote" title="Quote"></a></li>')
        w.raw("</tr></tbody>\n</table>\n")


def _pages(w: HtmlWriter, pages: int) -> None:
    with w.el("div", "pages top" if w.rng.random() < 0.5 else "pages bottom"):
        for number in range(1, min(pages, 12) + 1):
            w.link(str(number), f"?pagenumber={number}", title=f"Page {number}")
            w.raw(" ")


def _index(w: HtmlWriter, thread: Thread) -> None:
    rng = w.rng
    with w.el("table", "threadlist", id="forum"):
        w.raw("<thead><tr>")
        for head in ("Icon", "Title (Pages)", "Author", "Re", "Views", "Rating", "Last post"):
            w.leaf("th", head, cls=head.split()[0].lower())
        w.raw("</tr></thead>\n<tbody>")
        when = names.random_date(rng, 2005, 2016)
        for title in thread.index_titles:
            w.open("tr", "thread")
            with w.el("td", "title"):
                w.link(title, f"showthread.php?threadid={rng.randint(1, 9999999)}", cls="thread_title")
            with w.el("td", "author"):
                w.link(names.username(rng), "#")
            w.leaf("td", str(rng.randint(0, 5000)), cls="replies")
            w.leaf("td", str(rng.randint(10, 200000)), cls="views")
            with w.el("td", "lastpost"):
                w.leaf("div", f"{when:%H:%M} {names.MON[when.month - 1]} {when.day}, {when.year}", cls="date")
                w.link(names.username(rng), "#", cls="author")
            w.raw("</tr>\n")
            when = names.later(rng, when, 5)
        w.raw("</tbody></table>\n")


def render(w: HtmlWriter, thread: Thread, related: list[str]) -> None:
    """A Something Awful-like thread page (or forum page when the thread has no posts)."""
    rng = w.rng
    site = names.syllable_word(rng).capitalize() + rng.choice((" Awful", "", " Goons", " Forums"))
    markup = BodyMarkup("br", _quote, paste_in_quote=rng.choice(PASTE_IN_QUOTE), gap=rng.choice((0.5, 0.9)))
    crumbs = [f"The {site} Forums", rng.choice(("Discussion", "Main", "Community")), thread.forum]
    with chrome.document(w, f"{thread.title} - The {site} Forums", f"showthread forum_{rng.randint(1, 300)}"):
        w.leaf("div", names.username(rng), id="loggedinusername", style="display:none;")
        with w.el("ul", id="globalmenu", cls="globalmenu"):
            with w.el("li", "first"):
                w.link(f"{site} Store" if rng.random() < 0.7 else "Buy Forum Stuff", "#")
            with w.el("li", "nav purchase container"):
                w.text("Purchase:", BOILERPLATE)
                w.chrome_list([f"- {item}" for item in rng.sample(_STORE, rng.randint(5, len(_STORE)))])
        with w.el("ul", id="navigation", cls="navigation container"):
            with w.el("li", "first"):
                w.link(f"{site} Forums", "/")
            for item in _MENU[: rng.randint(6, len(_MENU))]:
                with w.el("li"):
                    w.link(f"- {item}", "#")
        with w.el("div", id="content", cls="content"):
            with w.el("div", "breadcrumbs mainbodytextlarge"):
                for k, crumb in enumerate([*crumbs, thread.title] if thread.posts else crumbs):
                    if k:
                        w.text(" > ", BOILERPLATE)
                    w.link(crumb, "#", cls="bclast" if k == len(crumbs) else "")
            pages = rng.randint(1, 30)
            if pages > 1:
                _pages(w, pages)
            with w.el("div", id="thread", cls="thread"):
                if thread.posts:
                    for k, post in enumerate(thread.posts):
                        _post(w, post, markup, k)
                else:
                    _index(w, thread)
            if pages > 1 and rng.random() < 0.7:
                _pages(w, pages)
            if rng.random() < 0.5:
                with w.el("div", "threadbar bottom"):
                    w.chrome_list([str(n) for n in range(1, 6)], "threadrate buttons rating", links=False)
            with w.el("div", "breadcrumbs mainbodytextlarge"):
                for k, crumb in enumerate(crumbs):
                    if k:
                        w.text(" > ", BOILERPLATE)
                    w.link(crumb, "#")
            with (
                w.el("div", "forms bottom"),
                w.el("form", "forum_jump", action="forumdisplay.php", method="get"),
            ):
                w.leaf("label", "Jump to another forum:", for_="forumid")
                with w.el("select", name="forumid", id="forumid"):
                    w.leaf("option", "--------------------", value="-1")
                    for item in rng.sample(_JUMP, rng.randint(4, len(_JUMP))):
                        w.leaf("option", rng.choice(("", "-- ", "---- ")) + item, value=str(rng.randint(1, 300)))
            if rng.random() < 0.6:
                w.link("Bookmark this thread", "#", cls="bookmark")
        with w.el("div", id="copyright", cls="copyright"):
            w.leaf("p", f"Powered by: vBulletin Version 2.2.{rng.randint(1, 9)}")
            w.leaf("p", f"Copyright ©{rng.randint(2010, 2020)}, {site} LLC")
