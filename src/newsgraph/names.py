"""Name comparison shared by extraction and evaluation (the rules of docs/scoring.md).

Names are compared after `normalize_name`; `contains` is the scorer's "containment": one
name's words are a contiguous run of the other's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?=\s|$)", re.IGNORECASE)
_DROPPED = re.compile(r"[.'’`]")
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Case-folded, possessive 's removed, dots and apostrophes dropped, other punctuation as
    spaces, a leading "the" removed: "The U.S.'s" -> "us"."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _DROPPED.sub("", text)
    text = _PUNCT.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def contains(first: str, second: str) -> bool:
    """True when one normalised name's words are a contiguous run of the other's."""
    a, b = normalize_name(first).split(), normalize_name(second).split()
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    width = len(short)
    return any(long[i : i + width] == short for i in range(len(long) - width + 1))
