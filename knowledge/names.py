"""How product names are compared: the same normal form for what a person types and for the catalogue.

Case, accents, trade marks, punctuation, volumes and units ("1ml", "0.55 ml", "50 U") and the words a
catalogue lists as noise ("XC", "with lidocaine") do not count. A "+" or "(+)" reads as "plus". Letters
and digits are split ("RHA2" reads as "rha 2"), and Roman numerals read as digits ("Redensity II"). Hangul
is kept, split into its letters (jamo), so a one-letter slip in a Korean name is a small difference, as it
is in a Latin one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_UNITS = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:ml|mls|cc|mg|iu|u|units?|syringes?|vials?|x)\b|\bx\s*\d+\b", re.IGNORECASE)
_PLUS = re.compile(r"\(\s*\+\s*\)|\+")
_MARKS = re.compile(r"[®™©]")
_ACRONYM_DOTS = re.compile(r"(?<=\b\w)\.(?=\w\b)")  # "E.P.T.Q." reads as "EPTQ"
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_NOT_WORD = re.compile(r"[^\w]+")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _fold(text: str) -> str:
    """Lower case without accents; Hangul syllables become their jamo (not combining marks, so kept)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str, noise: Iterable[str] = ()) -> tuple[str, ...]:
    """The words of a name in normal form, without noise words."""
    text = _MARKS.sub(" ", text)
    text = _UNITS.sub(" ", text)
    text = _PLUS.sub(" plus ", text)
    text = _ACRONYM_DOTS.sub("", text)
    text = _fold(text)
    text = _LETTER_DIGIT.sub(" ", text)
    skip = set(noise)
    words = _NOT_WORD.sub(" ", text).split()
    # Roman numerals read as digits ("Zyderm I", "Redensity II"); a leading "I" is the pronoun ("I think ...").
    words = [_ROMAN.get(w, w) if w != "i" or n > 0 else w for n, w in enumerate(words)]
    return tuple(word for word in words if word not in skip)


def normal(text: str, noise: Iterable[str] = ()) -> str:
    return " ".join(tokens(text, noise))


def fold_words(words: Iterable[str]) -> frozenset[str]:
    """A word list from the content, in the same normal form as names (so 'Lidocaïne' matches 'lidocaine')."""
    return frozenset(word for phrase in words for word in tokens(phrase))


def distinctive(words: Iterable[str], general: frozenset[str]) -> list[str]:
    """The words that can name a product: not a general word ("lips", "ultra"), a number or a single letter."""
    return [w for w in words if w not in general and not w.isdigit() and len(w) > 1]
