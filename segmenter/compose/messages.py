"""Single Usenet-style messages: a repost of a release or story, an inline reply to a paste, or a reply
to another user's post quoted in rounds (quote, answer, quote, answer), with deeper quotes inside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmenter.compose import phrases
from segmenter.compose.model import Para, Part, Post, Thread, User
from segmenter.labels import BOILERPLATE, NEWS, PRESS_RELEASE

if TYPE_CHECKING:
    from segmenter.compose.composer import ThreadComposer

#: Single-message recipes and their weights.
MESSAGE_RECIPES = {"repost_release": 0.22, "repost_news": 0.14, "reply_paste": 0.24, "reply_opinion": 0.32,
                   "plain": 0.08}


def compose_message(composer: ThreadComposer) -> Thread:
    """A single Usenet-style message following one of :data:`MESSAGE_RECIPES`."""
    rng = composer.rng
    recipe = rng.choices(list(MESSAGE_RECIPES), list(MESSAGE_RECIPES.values()))[0]
    poster = composer.user()
    parts: list[Part] = []
    title = ""
    if recipe in ("repost_release", "repost_news"):
        kind = PRESS_RELEASE if recipe == "repost_release" else NEWS
        parts, title = composer.paste_parts(kind, int(composer.budget * 0.85), lead_in=0.45)
        parts = [p for p in parts if p.kind != "link" or rng.random() < 0.3]
        if rng.random() < 0.3:
            parts.append(composer.reaction())
    elif recipe == "reply_paste":
        kind = NEWS if rng.random() < 0.6 else PRESS_RELEASE
        pasted, title = composer.paste_parts(kind, int(composer.budget * 0.6), lead_in=0.3)
        original = composer.user()
        lead = [q for p in pasted if p.kind == "text" for q in p.paras]
        body = [q for p in pasted if p.kind == "paste" for q in p.paras]
        if body:
            if rng.random() < 0.4:
                parts.extend(composer.reaction() for _ in range(rng.randint(1, 2)))
            if lead:
                parts.append(Part("quote", author=original, inner=[Part("text", lead)]))
            replies = composer.interleaved(original, body, rng.randint(0, 4))
            if rng.random() < 0.35:
                replies = _requoted(composer, original, replies)
            parts.extend(replies)
            for part in parts[1:]:
                if part.kind == "quote" and part.author is original:
                    part.continued = True
            first_quote = next((p for p in parts if p.kind == "quote"), None)
            if first_quote:
                first_quote.continued = False
    if recipe in ("reply_opinion", "plain") or not parts:
        source = composer.corpus.debate_thread(rng) if rng.random() > composer.setting.comments \
            else composer.corpus.comment_thread(rng)
        real = list(source.posts) if source else []
        title = source.display_title if source else title
        if recipe == "reply_opinion" and len(real) >= 2:
            k = rng.randrange(1, len(real))
            author = composer.user(real[k - 1].author or None)
            earlier = [q for p in composer.opinion_parts(real[k - 1]) if p.kind == "text" for q in p.paras
                       if q.text.strip()]
            replies = [q for p in composer.opinion_parts(real[k]) if p.kind == "text" for q in p.paras
                       if q.text.strip()]
            nested: list[Part] = []
            if rng.random() < 0.5 and k >= 2:
                older = [p for p in composer.opinion_parts(real[k - 2]) if p.kind == "text"][:1]
                nested.append(Part("quote", author=composer.user(real[k - 2].author or None), inner=older))
            rounds = rng.randint(1, 4)
            signed = rng.random() < 0.15
            for r in range(rounds):
                chunk = _chunk(earlier, r, rounds)
                if chunk:
                    inner = (nested if r == 0 else []) + [Part("text", chunk)]
                    if signed and r == rounds - 1:
                        inner.append(Part("text", [Para("-- ", BOILERPLATE), Para(author.real_name, BOILERPLATE)]))
                    parts.append(Part("quote", author=author, inner=inner, continued=r > 0))
                answer = _chunk(replies, r, rounds)
                if answer:
                    parts.append(Part("text", answer))
                elif rng.random() < 0.5:
                    parts.append(composer.reaction())
        elif real:
            parts.extend(p for p in composer.opinion_parts(rng.choice(real)) if p.kind == "text")
    if not parts:
        parts.append(composer.reaction())
    title = title or "Re: " + rng.choice(phrases.REACTIONS)
    if recipe.startswith("reply") and not title.startswith("Re:") and rng.random() < 0.8:
        title = "Re: " + title
    return Thread(title, "", [Post(poster, composer.start, parts, 1)], doc_ids=list(composer.doc_ids))


def _requoted(composer: ThreadComposer, original: User, parts: list[Part]) -> list[Part]:
    """The inline reply of ``original`` quoted as a whole by the poster: quotes one level deeper."""
    third = composer.user()
    inner: list[Part] = []
    for part in parts:
        if part.kind == "quote":
            started = any(p.kind == "quote" for p in inner)
            inner.append(Part("quote", author=third, inner=part.inner, continued=started))
        else:
            inner.append(part)
    result = [Part("quote", author=original, inner=inner)]
    result.append(composer.reaction())
    return result


def _chunk(items: list, index: int, count: int) -> list:
    """The ``index``-th of ``count`` contiguous chunks of ``items`` (the last takes the rest)."""
    step = max(len(items) // count, 1)
    return items[index * step : (index + 1) * step] if index < count - 1 else items[index * step :]
