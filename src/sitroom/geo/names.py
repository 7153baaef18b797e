"""Place-name normalisation: the one place where spellings are folded into lookup keys.

Two keys per name:

* ``normalize(name)`` -- the *primary* key: accents stripped, lower case, apostrophes and
  ayn/hamza marks dropped, hyphens and runs of spaces folded into one space.  Exact enough to
  look up capitalised words in running text without a flood of false hits.
* ``skeleton(name)`` -- a *secondary* key that folds Arabic romanisation variants without a
  list of pairs: the Arabic article goes, letters that romanisers swap (q/k, dh/z, ou/u, ee/i,
  ...) are folded, doubled letters collapse, a trailing -iyah/-iya/-iyeh is cut and vowels after
  the first letter vanish.  So Yusufiya, Yusufiyah and Al-Yusufiyah share one skeleton, as do
  Naseriyah and Nasiriyah, and Tal Afar and Tall 'Afar.  It is deliberately lossy: callers use
  it only as a fallback and re-rank its hits by string similarity.

Arabic-script names are transliterated letter by letter (consonant skeleton; short vowels
are not written in Arabic anyway), so an Arabic alternate name and its Latin romanisation
meet under the same skeleton, and the primary key keeps the Arabic letters for exact lookup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Marks that romanisations use for ayn/hamza or as apostrophes: they carry no letter.
_DROP = dict.fromkeys(map(ord, "'`´‘’ʼʻʿʾ′ʹ\u02bc\u02bb\u02be\u02bf"), None)
_SEP = re.compile(r"[\s\-‐‑‒–—_./,()\"]+")
_ARTICLE = re.compile(r"(?:^| )(?:al|el|ul|ad|ar|as|ash|at|an|az|adh|ath|ed|er|es|et|en|ez) (?=\S{2})")
# Arabic letters -> the consonant a romaniser would write (a rough but consistent mapping).
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "", "ئ": "", "ب": "b", "ت": "t",
    "ة": "", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ھ": "h", "و": "w",
    "ي": "y", "ى": "a", "ی": "y", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v",
}
_ARABIC_ARTICLE = re.compile(r"(?:^| )ال(?=\S{2})")
# Romanisation swaps folded for the skeleton: digraphs first, then single letters in one pass.
_DIGRAPHS = (("ou", "u"), ("ee", "i"), ("oo", "u"), ("dh", "z"), ("th", "t"), ("kh", "k"), ("gh", "g"),
             ("sh", "s"), ("ch", "s"), ("ph", "f"))
_LETTERS = str.maketrans("qcxjwveoy", "kkkgufiui")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff"
                        "\u20d0-\u20ff\ufe20-\ufe2f]+")
_IYA_END = re.compile(r"ii+a?h?$|iah?$|ih$")
_VOWELS = re.compile(r"(?<=.)[aeiouh]")
_DOUBLES = re.compile(r"(.)\1+")


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


_LONG_VOWEL = re.compile(r"([aiu])\1+")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Primary lookup key: accents off, lower case, marks dropped, separators folded to one space."""
    if not isinstance(name, str):
        raise TypeError(f"normalize() needs str, not {type(name).__name__}")
    text = name.translate(_DROP)
    if not text.isascii():  # the common all-ASCII case needs no decomposition
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    # Arabic tatweel and the Arabic comma are decoration/separators, not letters.
    text = text.replace("\u0640", "").replace("،", " ").lower()
    # long vowels written double ("Banaadir", "Kismaayo") are the same name as single ones; English
    # "ee"/"oo" are left alone
    text = _LONG_VOWEL.sub(r"\1", text)
    return _SEP.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """Drop Arabic definite articles ("al-", "as-", "ال") from an already normalised key."""
    out = _ARTICLE.sub(" ", key).strip()
    out = _ARABIC_ARTICLE.sub(" ", out).strip()
    return out or key


def transliterate_arabic(key: str) -> str:
    """Arabic letters -> Latin consonants; other characters pass through."""
    if not any(_is_arabic(ch) for ch in key):
        return key
    return "".join(_ARABIC.get(ch, "" if _is_arabic(ch) else ch) for ch in key)


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Secondary key that folds romanisation variants (see the module docstring)."""
    key = strip_article(normalize(name))
    key = transliterate_arabic(key)
    key = _NON_ALNUM.sub("", key)
    for a, b in _DIGRAPHS:
        if a in key:
            key = key.replace(a, b)
    key = key.translate(_LETTERS)
    # -iyah/-iya endings; after the e->i and y->i folds they read "iia", "iiah", "iih", ...
    if len(key) > 5:
        key = _IYA_END.sub("", key)
    key = _DOUBLES.sub(r"\1", key)
    if key.endswith("h") and len(key) > 3:
        key = key[:-1]
    key = _VOWELS.sub("", key)
    return _DOUBLES.sub(r"\1", key)


def keys(name: str) -> tuple[str, ...]:
    """Every primary key a name is indexed under: as written, and without the article."""
    primary = normalize(name)
    if not primary:
        return ()
    bare = strip_article(primary)
    return (primary,) if bare == primary else (primary, bare)
