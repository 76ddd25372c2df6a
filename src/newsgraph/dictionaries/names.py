"""Names: comparison shared by extraction and evaluation (the rules of docs/scoring.md),
acronyms and the gender of first names.

Names are compared after `normalize_name`; `contains` is the scorer's "containment": one
name's words are a contiguous run of the other's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from newsgraph.dictionaries import lexicons

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


# --------------------------------------------------------------------------- acronyms


SMALL_WORDS = lexicons.words("name_small_words.tsv")


def spells(words: Sequence[str], letters: str, *, skip_any: bool = False) -> bool:
    """Whether `words` spell the acronym `letters` (case aside): each word in turn gives its
    first letter or is skipped, and every letter is given. A small word ("of", "the", "al":
    `SMALL_WORDS`) may be skipped; with `skip_any`, any word may ("AQI" in "al-Qaeda in the
    Islamic Republic of Iraq")."""
    letters = letters.casefold()
    initials = [word[:1].casefold() for word in words if word]
    skippable = [skip_any or word.casefold() in SMALL_WORDS for word in words if word]

    @cache
    def fits(word: int, letter: int) -> bool:
        if word == len(initials):
            return letter == len(letters)
        skipped = skippable[word] and fits(word + 1, letter)
        used = letter < len(letters) and initials[word] == letters[letter]
        return skipped or (used and fits(word + 1, letter + 1))

    return fits(0, 0)


def is_acronym_of(token: str, words: Sequence[str]) -> bool:
    """`token` ("AQI") could be the initials of `words` ("AL-QAEDA_IN_IRAQ"), hyphenated parts
    apart, any word skipped: the dictionaries' loose reading."""
    token = token.upper().strip(".")
    parts = [part for word in words for part in re.split(r"[-/]", word)]
    return token.isalpha() and 2 <= len(token) <= 8 and spells(parts, token, skip_any=True)


# --------------------------------------------------------------------------- gender

_FEMALE_WORDS = lexicons.words("female_words.tsv")
_MALE_WORDS = lexicons.words("male_words.tsv")


def person_gender(name: str, titles: Iterable[str] = ()) -> str | None:
    """ "male", "female" or None (unknown), from titles first ("spokeswoman", "Mrs"), then the
    first name of a name of two words or more."""
    words = {w.lower().strip(".") for title in titles for w in title.split()}
    words |= {w.lower().strip(".") for w in name.split()[:1]}
    if words & _FEMALE_WORDS:
        return "female"
    if words & _MALE_WORDS:
        return "male"
    parts = name.split()
    guess = first_name_gender(parts[0]) if len(parts) > 1 else None
    return guess if guess in ("male", "female") else None


@cache
def first_name_gender(name: str) -> str | None:
    """gender-guesser's answer for a first name ("Hans-Jakob" tried as "Hans" too): male,
    female, mostly_male, mostly_female, andy; None when it does not know the name."""
    detector = _detector()
    for candidate in (name, *name.split("-")[:1]):
        guess = detector.get_gender(candidate)
        if guess != "unknown":
            return str(guess)
    return None


@cache
def _detector() -> Any:
    """gender-guesser parses its name table on every start; the parsed detector is kept."""
    from importlib import metadata

    from newsgraph.cache import cached

    version = metadata.version("gender-guesser")
    return cached(f"gender-guesser-{version}", _new_detector)


def _new_detector() -> Any:
    import gender_guesser.detector as gender_guesser

    return gender_guesser.Detector(case_sensitive=False)
