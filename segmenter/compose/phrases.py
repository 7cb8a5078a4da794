"""Short texts written for composing pages: lead-ins, reactions, chrome words, signature lines.

All of it is written for this project. ``{source}`` stands for an outlet or an issuing body.
"""

from __future__ import annotations

import random

#: Opinion lines that introduce a pasted news article.
NEWS_LEAD_INS = (
    "Saw this on {source} today:", "From {source}:", "Interesting article from {source}.",
    "Here's the story.", "This just came out.", "Anyone see this?", "Well, this is interesting...",
    "Relevant to the discussion:", "Meanwhile:", "More on this:", "And another one:",
    "Thought this was worth posting.", "Posting this for those who haven't seen it yet.",
    "Breaking:", "Not sure if this was posted already, but here goes.", "Latest from {source}:",
    "Here is the article everyone is talking about:", "Found this in the paper this morning.",
    "The following appeared in {source}:", "Hmm:", "Now this:", "So it begins.",
    "I found this article and thought people here might want to read it.", "Update:",
    "Here we go again.", "Read this and tell me I'm wrong to be worried.", "FYI--",
    "For those who keep asking for a source:", "This is from {source}, not exactly a right-wing rag:",
    "Some good news for a change:", "Can't say I'm surprised by this one.",
    "Here's what {source} is reporting:", "Quick update from {source}.", "Worth a read:",
    "This was on the news tonight.", "Story here:", "Copied from {source} since the site is paywalled:",
)

#: Opinion lines that introduce a pasted official release or statement.
RELEASE_LEAD_INS = (
    "Here is a press release from {source}.", "The following press release was issued by {source}.",
    "{source} put out this statement today:", "Official statement:", "Readout from the call:",
    "Straight from the horse's mouth:", "From the {source} website:",
    "Here's the full text of the statement.", "The official version, for what it's worth:",
    "Posted without comment:", "Press release below. Make of it what you will.",
    "I found this release from {source} on another system and thought it would be of interest.",
    "Here's the statement they released this morning:", "Full statement from {source}:",
    "For the record, here's what {source} actually said:", "This came out of {source} today:",
    "The transcript, for those who missed it:", "Their own words:", "The press office says:",
    "Typed in verbatim from the release, for you folks to chew over.",
)

#: Short opinion reactions, posted alone or around a paste.
REACTIONS = (
    "Great news.", "Not surprised.", "Told you so.", "Wow.", "This is huge.", "Good.", "About time.",
    "lol", "Figures.", "Interesting.", "Well that escalated quickly.", "Source?", "Unbelievable.",
    "Good riddance.", "What could possibly go wrong?", "Called it.", "Sad, but predictable.",
    "This won't end well.", "Agreed.", "Exactly this.", "Same old, same old.", "Bullish.",
    "I'll believe it when I see it.", "Thanks for posting.", "Yikes.", "Oh boy.", "Bad move.",
    "+1", "This.", "Nothing to see here, move along.", "Propaganda, plain and simple.",
    "And nobody will be held accountable.", "Says who?", "Big if true.", "Can confirm.",
    "Let's see how long that lasts.", "Hard to argue with that.", "Well said.", "Nope.",
    "Tell me again how this is a good idea?", "Meh.", "Finally some sense.", "Scary stuff.",
)

#: Short comments inserted between quoted paragraphs.
INLINE_COMMENTS = (
    "Really? Based on what?", "Note the wording here.", "Here's the key part.", "Convenient.",
    "That's not what they said last week.", "So who pays for it?", "Read that again.",
    "Which is exactly the problem.", "Interesting choice of words.", "And there it is.",
    "Nobody believes this.", "Of course they did.", "Emphasis mine.", "This part is important.",
    "Hmm. Funny how that works.", "Not according to the other reports I've read.",
    "I'd like to see the numbers behind that.", "Translation: they have no idea.",
    "Why is this reported from there?", "Doing what, exactly?", "Right.", "Sure it is.",
)

#: Snip markers users leave in pasted text.
SNIPS = ("[...]", "(...)", "[snip]", "...", "<snip>", "[ ... ]", "(snip)", "[cut]")

#: XenForo/vBulletin-like member titles (chrome).
USER_TITLES = (
    "Well-Known Member", "Registered Member", "Senior Member", "Junior Member", "New Member", "Member",
    "Active Member", "Veteran", "Moderator", "Staff Member", "Banned", "Full Member", "Platinum Member",
    "Lieutenant General", "Brigadier", "Colonel", "Major", "Captain", "Corporal", "Private",
    "Forum Regular", "Addict", "Elite Member", "Super Moderator", "Administrator", "Guest",
    "Respected Member", "Established Member", "Supporting Member", "Contributor",
)

#: Words for quirky personal titles under a username (Something Awful style), joined at random.
_TITLE_WORDS = ("the", "of", "my", "a", "is", "not", "cat", "doom", "fix", "things", "bird", "gently",
                "posting", "probation", "cheese", "tiny", "volcano", "spooky", "wizard", "mustard",
                "toast", "legal", "haunted", "goose", "forever", "sad", "robot", "feral", "honk",
                "unlicensed", "business", "vibes", "boat", "dad", "extremely", "online", "frog")

#: Notices forum software shows at the top of pages (written for this project).
NOTICES = (
    "Welcome to our community! Register a free account to post, reply and remove the ads.",
    "This forum is for discussion only. Keep it civil and stay on topic.",
    "Scheduled maintenance this weekend: the forum may be unavailable for short periods.",
    "New here? Please read the forum rules before posting.",
    "You are currently viewing our boards as a guest, which gives you limited access.",
    "Posting links to paywalled articles? Please include a short excerpt and the source.",
    "The views expressed by members are their own and not those of the site owners.",
    "Cookies help us deliver our services. By using the site you agree to our use of cookies.",
    "Please report rule-breaking posts instead of replying to them.",
)

#: Lines that close or open a pasted article on a web page: site chrome, not reporting.
ARTICLE_CHROME = (
    "Advertisement", "ADVERTISEMENT", "Share this article", "Share", "Share on Facebook",
    "Share on Twitter", "Related Articles", "Read more", "Continue reading", "Sign up for our newsletter",
    "Story continues below advertisement", "Follow us on Twitter", "Comments", "Print",
    "Email this story", "Most Popular", "Recommended", "Click here to subscribe", "Subscribe",
    "Skip Ad", "Listen to this article", "Save", "Copy link", "Report an error",
)

#: Signature quips (written for this project).
SIGNATURE_QUIPS = (
    "Opinions are my own; my employer has none.", "If you believe that I speak for my company, think again.",
    "Never attribute to malice what can be explained by a tight deadline.",
    "The early bird gets the worm, but the second mouse gets the cheese.",
    "Free speech is not the same as a free lunch.", "Nothing in this post is legal advice.",
    "I came, I saw, I posted.", "There are two kinds of people: those who back up, and those who will.",
    "My other computer is a pencil.", "Still waiting for my flying car.",
    "Disclaimer: I am not a lawyer, but I have watched a lot of them on TV.",
    "Any resemblance to coherent thought is purely coincidental.",
    "Question authority -- but raise your hand first.", "Support your local library.",
    "The map is not the territory.", "Measure twice, post once.", "Ask me about my petunias.",
    "All generalizations are false, including this one.", "Life is short. Eat dessert first.",
)


def user_title_quirky(rng: random.Random) -> str:
    """A short made-up personal title, such as ``"spooky goose forever"``."""
    words = rng.sample(_TITLE_WORDS, rng.randint(2, 4))
    text = " ".join(words)
    return text.capitalize() + "." if rng.random() < 0.4 else text


def fill(template: str, source: str) -> str:
    """Insert the source name into a lead-in template."""
    return template.replace("{source}", source or "the wire")
