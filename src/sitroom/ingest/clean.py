"""Strip page chrome from a text report while keeping its line, paragraph and bullet structure.

Reports copied from blogs and news sites carry bylines, repeated headlines, image captions,
copyright and tag lines, navigation rows and comment boxes.  `clean_text` removes them by
general rules (no rule names a site), normalises whitespace and bullet glyphs, and returns
what it removed so a surprising cut can be traced.

Every decision is made on the normalised line plus what has been *kept* so far, and the
normalised form of a line is a fixed point, so cleaning twice gives the same text as once.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

BULLET = "• "

# Line separators other than \n that str.splitlines would honour; folded to \n first.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[^\S\n]+")
_HEADING = re.compile(r"^(?:#{1,6} )+")  # markdown headings
# Glyph bullets need no space after them; dash-like ones do ("-3 degrees" is not a bullet).
_BULLET = re.compile(r"^(?:[•●▪◦‣∙○■□➢►▸◆◇]|[-*+–—](?= ))\s*")
_SEPARATOR = re.compile(r"[-*_=~•·.#+ ]{3,}")

# Lines that open a comment box or a "more stories" block: they and everything after go.
_TRUNCATE_PREFIXES = (
    "post a new comment", "anonymous comments are disabled", "leave a comment", "leave a reply",
    "add a comment", "add comment", "add new comment", "write a comment", "post a comment",
    "comments are closed", "you must be logged in to post a comment", "log in to comment",
    "login to comment", "default userpic", "related posts", "related articles", "related stories",
    "related news", "you may also like", "you might also like", "recommended for you",
    "more stories", "most read", "most popular", "join the discussion", "discussion",
    "show comments", "view comments", "load comments",
)
_TRUNCATE_RE = re.compile(r"^(?:\d+ )?comments?(?: \(\d+\))?$|^\d+ (?:comments?|replies)$")
# Whole lines that are page furniture wherever they stand.
_CHROME_EXACT = frozenset({
    "reply", "share", "share this", "shares", "tweet", "print", "email", "e-mail", "subscribe",
    "advertisement", "sponsored", "illustrative image", "illustrative photo", "illustration",
    "file photo", "click to see full-size map", "click to enlarge", "read more", "continue reading",
    "link", "permalink", "flag", "thread", "expand", "collapse", "next post", "previous post",
    "next", "previous", "back to top", "top", "menu", "search", "home", "login", "log in",
    "sign in", "sign up", "register", "skip to content", "skip to main content", "loading",
    "like", "follow", "hide comments", "edit", "delete", "report", "report abuse",
})
_CHROME_PREFIXES = (
    "share this", "share on ", "subscribe to ", "subscribe for ", "follow us", "sign up for ",
    "click to see ", "click here to ", "click to enlarge", "illustrative image", "illustrative photo",
    "photo:", "photo credit", "image:", "picture:", "source of image", "posted by ",
    "originally posted by ", "original taken from ", "original post by ", "reposted from ",
    "read also:", "read more:", "see also:", "also read:", "related:",
)
_CHROME_PREFIX_MAX = 150  # a prefix rule only removes a line this short
_BYLINE = re.compile(r"^[^.!?]{1,80}\bwrote(?: in [^.!?]{1,60})?\s*[,:]?$", re.IGNORECASE)
_BYLINE_ZONE = 3  # a byline counts only before this many content lines were kept
_COPYRIGHT = re.compile(r"©|\ball rights reserved\b|^\(c\)\s*\d{4}|^copyright\b", re.IGNORECASE)
_COPYRIGHT_MAX = 300
_TAGS = re.compile(
    r"^(?:tags?|tagged(?: with| as)?|labels?|categories|category|filed under|topics?|keywords)\s*:",
    re.IGNORECASE,
)
_NAV_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[›»>/]\s+")
_NAV_ITEM_WORDS = 4
_NAV_ITEM_CHARS = 30


class Cleaned(NamedTuple):
    """The cleaned text, and the (normalised) lines that were removed from it."""

    text: str
    removed: list[str]


def normalise_chars(text: str) -> str:
    """One line break, no invisible characters, no control characters but newline and tab."""
    text = _LINE_BREAKS.sub("\n", text).translate(_INVISIBLE)
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn")
    )


def normalise_line(line: str) -> str:
    """Collapse spaces, drop markdown heading marks, turn any bullet glyph into '• '."""
    line = _SPACES.sub(" ", line).strip()
    line = _HEADING.sub("", line)
    m = _BULLET.match(line)
    if m:
        rest = line[m.end():].strip()
        return BULLET + rest if rest else ""
    return line


_NUMBERED_ITEM = re.compile(r"(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-h]\))\s")  # "1. On the night of ...", "(a) "


def _hanging_indent(line: str, indent: int) -> int | None:
    """How deep a following line must be set in to go on this one: any depth under a list item,
    marked or numbered; deeper than an item that is itself set in ("  Tue 27.10  Barda: rockets
    hit" over "             houses; 5 killed"); a line flush left has no hanging lines."""
    if line.startswith(BULLET) or _NUMBERED_ITEM.match(line):
        return indent + 1
    return indent + 1 if indent else None


def _body(line: str) -> str:
    return line[len(BULLET):] if line.startswith(BULLET) else line


def _key(line: str) -> str:
    return line.casefold().strip(" .:!…»›>-–—|")


def _is_truncation_marker(key: str) -> bool:
    if _TRUNCATE_RE.match(key):
        return True
    return len(key) <= 80 and key.startswith(_TRUNCATE_PREFIXES)


def _is_navigation(line: str) -> bool:
    parts = [p for p in _NAV_SPLIT.split(line) if p]
    if len(parts) < 3:
        return False
    return all(
        len(p) <= _NAV_ITEM_CHARS and len(p.split()) <= _NAV_ITEM_WORDS and not p.endswith((".", "?", "!"))
        for p in parts
    )


def chrome_reason(line: str, kept_lines: int) -> str | None:
    """Why a normalised, non-empty line is page chrome (None if it is content)."""
    body = _body(line)
    key = _key(body)
    if _SEPARATOR.fullmatch(line):
        return "separator"
    if key in _CHROME_EXACT:
        return "chrome"
    if len(body) <= _CHROME_PREFIX_MAX and key.startswith(_CHROME_PREFIXES):
        return "chrome"
    if kept_lines < _BYLINE_ZONE and _BYLINE.match(body):
        return "byline"
    if len(line) <= _COPYRIGHT_MAX and _COPYRIGHT.search(body):
        return "copyright"
    if _TAGS.match(body):
        return "tags"
    if _is_navigation(line):
        return "navigation"
    return None


def clean_text(text: str) -> Cleaned:
    """Remove page chrome from `text`; keep paragraphs (blank lines), line breaks and bullets.

    Removed: blog bylines at the top ("NAME (NAME) wrote,", "Posted by ..."), lines repeating an
    earlier line (a headline printed twice), captions ("Illustrative image", "Click to see
    full-size map"), copyright, tag and navigation lines, share/subscribe buttons, and a comment
    box or related-posts block together with everything after it.
    """
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    content = 0  # kept non-blank lines
    gap = False  # a blank line since the last kept line
    truncated = False
    hanging: int | None = None  # lines set in at least this deep go on the last kept list item
    for raw in normalise_chars(text).split("\n"):
        line = normalise_line(raw)
        if not line:
            gap, hanging = True, None
            continue
        if truncated:
            removed.append(line)
            continue
        indent = len(raw) - len(raw.lstrip())
        if kept and not gap and hanging is not None and indent >= hanging and not line.startswith(BULLET):
            joined = kept[-1] + " " + line  # "* 07/02 | Khanozai | ... Final toll:" / "  18 killed, around 30 injured."
            if normalise_line(joined) == joined and chrome_reason(joined, content - 1) is None \
                    and joined.casefold() not in seen:  # as a second cleaning would keep it
                seen.discard(kept[-1].casefold())
                kept[-1] = joined
                seen.add(joined.casefold())
                continue
        hanging = _hanging_indent(line, indent)
        key = _key(_body(line))
        if _is_truncation_marker(key):
            removed.append(line)
            truncated = content > 0
            continue
        if chrome_reason(line, content) is not None or line.casefold() in seen:
            removed.append(line)
            continue
        if kept and gap:
            kept.append("")
        kept.append(line)
        seen.add(line.casefold())
        content += 1
        gap = False
    return Cleaned("\n".join(kept), removed)
