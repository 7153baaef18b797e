"""Split a document into blocks (paragraphs, bullets) and sentences, keeping character offsets.

Offsets always index the document text, so every later stage can cite its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET_RE = re.compile(r"^[ \t]*(?:[•●▪◦‣∙·*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))[ \t]*")
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec gen maj lt col capt sgt cpl pvt brig adm gov sen rep "
    "dr mr mrs ms st no vs jr sr inc ltd co corp u.s u.n u.k e.g i.e approx est dept mt ft c ca".split()
)
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(body: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    if body[dot] != ".":
        return False
    word = _WORD_BEFORE_RE.search(body, 0, dot)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and word.group(1).isupper())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index of the paragraph or bullet the sentence belongs to
    bullet: bool  # the block is a list item
    first_in_block: bool


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    bullet: bool


# A line of running text broken by a hard wrap: it ends mid-clause and the next line goes on with it
WRAP_MIN_CHARS = 50
_ENDS_MID_CLAUSE_RE = re.compile(r"(?:[,;(/-]|\b(?:and|or|but|of|the|a|an|in|on|at|to|by|for|with|from|near|between|"
                                 r"into|onto|after|before|during|while|as|than|that|which|who|its|their|his|her))$", re.I)
_GOES_ON_RE = re.compile(r"[a-z(]")


def split_blocks(text: str) -> list[Block]:
    """Paragraphs and list items: each non-empty line is a block, except that a hard-wrapped line of
    running text ("... attacked the Catholic parish during a" / "night vigil at around 01:00, ...")
    goes on in the next one."""
    blocks: list[Block] = []
    pos = 0
    wrapped = False  # the line before was cut by a hard wrap: this one continues its block
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            wrapped = False
        else:
            marker = BULLET_RE.match(line)
            body_end = pos + len(line.rstrip())
            goes_on = not marker and blocks and wrapped and (
                _GOES_ON_RE.match(stripped) or _ENDS_MID_CLAUSE_RE.search(text[blocks[-1].start:blocks[-1].end]))
            if goes_on:
                blocks[-1] = Block(blocks[-1].start, body_end, blocks[-1].bullet)
            else:
                lead = marker.end() if marker else len(line) - len(line.lstrip())
                blocks.append(Block(min(pos + lead, body_end), body_end, bullet=bool(marker)))  # "- " alone: empty
            wrapped = len(stripped) >= WRAP_MIN_CHARS and stripped[-1] not in ".!?:\"”’)]|"
        pos += len(line)
    return blocks


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with document offsets, grouped by block."""
    out: list[Sentence] = []
    for index, block in enumerate(split_blocks(text)):
        body = text[block.start:block.end]
        cursor = 0
        first = True
        for match in SENTENCE_END_RE.finditer(body):
            if _is_abbreviation(body, match.start()):
                continue
            end = match.end()
            _append(out, text, block, index, body, cursor, end, first)
            first = False
            cursor = end
        _append(out, text, block, index, body, cursor, len(body), first)
    return out


def _append(out: list[Sentence], text: str, block: Block, index: int, body: str, start: int, end: int,
            first: bool) -> None:
    piece = body[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if not piece:
        return
    abs_start = block.start + start + lead
    out.append(Sentence(abs_start, abs_start + len(piece), piece, index, block.bullet, first))
