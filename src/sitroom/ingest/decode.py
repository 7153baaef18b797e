"""Bytes to text: UTF-8 first, then Windows-1252 when it reads as Western text, then a best guess.

charset-normalizer alone misreads short Western European texts (a two-line cp1252 report with
curly quotes comes back as cp775 or big5), so a cheap cp1252 plausibility check runs before it.
Binary input (NUL bytes, or mostly control characters once decoded) is rejected.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from sitroom.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Non-ASCII characters that real cp1252 text is made of: Latin-1 letters and typography.
_WESTERN_PUNCT = frozenset("“”‘’„‚–—…•«»°€£§©®™·¿¡\u00a0")
_MAX_NON_ASCII_LETTERS = 0.5  # above this, the text is more likely a non-Latin script
_MIN_WESTERN = 0.9
_MAX_JUNK = 0.05  # share of control / unassigned characters that makes a text "binary"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _looks_western(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    western = sum(1 for ch in non_ascii if ch in _WESTERN_PUNCT or (ch.isalpha() and ord(ch) < 0x180))
    if western < _MIN_WESTERN * len(non_ascii):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    non_ascii_letters = sum(1 for ch in non_ascii if ch.isalpha())
    return non_ascii_letters <= _MAX_NON_ASCII_LETTERS * max(letters, 1)


def junk_share(text: str) -> float:
    """Share of characters that no text contains: controls (but whitespace), unassigned, U+FFFD."""
    if not text:
        return 0.0
    junk = sum(
        1
        for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and not ch.isspace())
    )
    return junk / len(text)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start, if Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode `data` (a whole input) or raise InputError naming `source`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), source)
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes)")
    try:
        return _check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _check_text(data.decode(declared), source)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return _check_text(text, source)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(source, "not text in any encoding we can detect (binary or unknown encoding)")
    return _check_text(str(best), source)


def _check_text(text: str, source: str) -> str:
    if junk_share(text) > _MAX_JUNK:
        raise InputError(source, "binary file (mostly control or unassigned characters)")
    return text
