"""Dictionary names as people write them: "ISLAMIC_STATE_OF_IRAQ" -> "Islamic State of Iraq"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.dictionaries.compilers import word_set
from newsgraph.dictionaries.names import is_acronym_of

# Particles written in lower case inside a name ("Islamic State of Iraq and the Levant").
_LOWER_PARTICLES = word_set(
    "of the and in for on at to by with from de del della di da du van von der den bin ibn "
    "al el ul wa fi y e i il"
)
# Particles that are lower case when hyphen-joined to the next word ("al-Qaeda").
_HYPHEN_PARTICLES = word_set("al el ul ud ur ad as ash az an at e i bin wa wal fi y de di")

_KNOWN_ACRONYMS = word_set(
    """
    US USA UN UK EU UAE NATO ISIS ISIL UNICEF UNHCR UNESCO OPEC ASEAN IAEA ECOWAS SADC
    OSCE PLO PKK FARC ELN LTTE CIA FBI NSA KGB FSB BBC CNN AFP ICRC MSF HRW ICC
    ICJ IMF WTO OECD DPRK PRC ROK DRC SPLM SPLA ANC AQI AQAP AQIM TTP YPG PYD SDF FSA PMF IDF
    IRGC USSR GCC OAS OAU OIC UNDP UNEP WFP FAO ILO IOM UNSC MI5 MI6 NPA MILF MNLF RPF RUF
    """
)

_ROMAN = word_set("II III IV V VI VII VIII IX X XI XII")
_SHORT_TITLES = word_set("MR MRS MS DR ST JR SR LT SGT CPL GEN COL MT FT")


def entry_acronyms(names: Sequence[Sequence[str]]) -> set[str]:
    """Single-word names that are the initials of another of the entry's names ("ISIS"), and
    parenthesised ones that are the initials of their own name ("ARMY_(AAIA)")."""
    acronyms = set()
    for name in names:
        cut = next((index for index, word in enumerate(name) if word.startswith("(")), len(name))
        outer, inner = list(name[:cut]), " ".join(name[cut:]).strip("()").split()
        if len(inner) == 1 and is_acronym_of(inner[0], outer):
            acronyms.add(inner[0].upper())
        if len(outer) == 1 and len(inner) > 1 and is_acronym_of(outer[0], inner):
            acronyms.add(outer[0].upper())  # "EPA_(EJERCITO_DEL_PUEBLO_EN_ARMAS)"
        if len(name) != 1:
            continue
        if any(is_acronym_of(name[0], other) for other in names if other is not name):
            acronyms.add(name[0].upper().strip("."))
    return acronyms


def _case_part(part: str, acronyms: set[str]) -> str:
    upper = part.upper()
    if not part:
        return part
    if upper in acronyms or upper in _KNOWN_ACRONYMS:
        return upper
    if part[0].isdigit():
        return part.lower()
    letters = re.sub(r"[^A-Za-z]", "", upper)
    if len(letters) >= 3 and not re.search(r"[AEIOUY]", letters) and letters not in _SHORT_TITLES:
        return upper
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}[A-Za-z]?", part):
        return upper
    if upper.startswith("MC") and len(part) > 3 and part[2:].isalpha():
        return "Mc" + part[2:].capitalize()
    if "'" in part:
        pieces = part.split("'")
        head = pieces[0].capitalize()
        if len(pieces[0]) == 1 and len(pieces) > 1 and len(pieces[1]) > 1:  # O'Neill
            return head + "'" + "'".join(piece.capitalize() for piece in pieces[1:])
        return head + "'" + "'".join(piece.lower() for piece in pieces[1:])
    return part[0].upper() + part[1:].lower()


def _case_word(word: str, first: bool, acronyms: set[str]) -> str:
    if word.startswith("(") and len(word) > 1:
        inner = word[1:-1] if word.endswith(")") else word[1:]
        return "(" + _case_word(inner, True, acronyms) + word[1 + len(inner) :]
    if word.upper() in _ROMAN and not first:
        return word.upper()
    pieces = re.split(r"([-/])", word)
    out = []
    for index, piece in enumerate(pieces):
        if piece in ("-", "/") or not piece:
            out.append(piece)
            continue
        lower = piece.casefold()
        followed_by_hyphen = index + 1 < len(pieces) and pieces[index + 1] == "-"
        if (
            (followed_by_hyphen and lower in _HYPHEN_PARTICLES and (index > 0 or lower != "bin"))
            or (index > 0 and pieces[index - 1] == "-" and lower in ("e", "i", "ul", "ud", "ur"))
            or (index == 0 and not first and lower in _LOWER_PARTICLES)
        ):
            out.append(lower)
        else:
            out.append(_case_part(piece, acronyms))
    return "".join(out)


def readable_name(words: Sequence[str], acronyms: set[str] | None = None) -> str:
    """`["ISLAMIC", "STATE", "OF", "IRAQ"]` -> "Islamic State of Iraq"."""
    known = acronyms or set()
    words = [word for word in words if word]
    return " ".join(_case_word(word, index == 0, known) for index, word in enumerate(words))


def canonical_words(words: Sequence[str]) -> list[str]:
    if len(words) > 1 and words[0].casefold() == "the":
        return list(words[1:])
    return list(words)


# --------------------------------------------------------------------------- types
