"""The type of a dictionary entry (person, organization, armed_group, government, state):
from its name, its comments and its CAMEO actor codes, read as trigrams."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from newsgraph.dictionaries.compilers import word_set
from newsgraph.dictionaries.compilers.person_names import (
    HONORIFICS,
    NON_PERSON_WORDS,
    PHRASE_WORDS,
    all_parts,
    gender_named,
    honorific_name,
    is_group_like,
    shares_name,
    significant,
    strip_titles,
    titled_person,
)
from newsgraph.dictionaries.gazetteer import CodeSpan
from newsgraph.dictionaries.names import normalize_name
from newsgraph.model import ORGANISATION_TYPES

# CAMEO trigrams.
_ARMED_ROLES = frozenset({"REB", "INS", "SEP", "UAF", "IMG"})
_GOVERNMENT_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRE"})
_ORGANIZATION_ROLES = word_set(
    """
    IGO NGO NGM MNC OPP PTY MED BUS EDU HLH HRI LAB AGR ENV DEV REF CVL CRM REL RAD MOD AMN IRC
    CHR CTH ORT PRO MUS MOS SUN SHI SUF ALE DRZ JEW BUD HIN SIK JAN ZRO ATH TAO CON CPT BAH
    UNO UIS
    """
)

# CAMEO region codes (and two the MilNonState file uses): a bare one is no state.
_REGIONS = word_set(
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF "
    "WAF WST WEU INT"
)
_INTERNATIONAL_HEADS = frozenset({"IGO", "NGO", "NGM", "MNC", "UIS"})
_ELITE = "ELI"

_PERSON_COMMENT = re.compile(
    r"countryinfo|igorulers|rulers|\bleader\b|\bmember\b|\bcommander\b|\bhead of\b|"
    r"\bspokes|\balias\b|\bfounder\b|\bbomb maker\b",
    re.IGNORECASE,
)
# The organisation lists: Phoenix.MilNonState's entries from the START TOPS database.
_GROUP_COMMENT = re.compile(r"\bkkl\b", re.IGNORECASE)
_LEADERS_COMMENT = re.compile(r"countryinfo|igorulers", re.IGNORECASE)
# Codes of companies and NGOs: a first name alone does not make such an entry a person.
_COMPANY_HEADS = frozenset({"MNC", "NGO", "NGM"})


def _person_strength(
    words: Sequence[str],
    synonyms: Sequence[Sequence[str]],
    codes: Sequence[CodeSpan],
    comments: Sequence[str],
) -> int:
    """2: surely a person's name, 1: probably, 0: no sign of one; -1: an organisation's name."""
    dated = any(span.since or span.until for span in codes)
    if any(_GROUP_COMMENT.search(comment) for comment in comments):
        return -1
    group_words = all_parts(words) & NON_PERSON_WORDS
    if group_words:
        leaders_list = any(_LEADERS_COMMENT.search(comment) for comment in comments)
        if (leaders_list and len(group_words) == 1) or titled_person(words, dated):
            return 2
        return -1
    if any(_PERSON_COMMENT.search(comment) for comment in comments):
        return 2
    rest = strip_titles(words)
    if not rest or (len(rest) < len(words) and rest[0].casefold() in PHRASE_WORDS):
        return 0  # a title alone, or "President of the ..."
    if any(_trigrams(span.code)[0] in _COMPANY_HEADS for span in codes):
        return 0  # "General Electric", "Dr Pepper Snapple": the name alone is not enough
    if honorific_name(words) or titled_person(words, dated):
        return 2
    own = significant(words)
    for synonym in synonyms:
        if (
            synonym
            and synonym[0].casefold().rstrip(".") in HONORIFICS
            and not is_group_like(synonym)
            and significant(synonym)
            and set(significant(synonym)) <= set(own)
        ):
            return 2
    roles = {_trigrams(span.code)[1] for span in codes if len(_trigrams(span.code)) > 1}
    elite = any(_trigrams(span.code)[0] == _ELITE for span in codes) or _ELITE in roles
    if 2 <= len(rest) <= 4 and (elite or (dated and roles & _GOVERNMENT_ROLES)):
        return 1  # a career: elite, or in government for a time
    if 2 <= len(words) <= 6 and own and gender_named(words):
        return 1
    if own and any(  # "MOAZ_AL_KHATIB" with "+AHMAD_MOUATH_AL_KHATIB_AL_HASANI"
        2 <= len(synonym) <= 6
        and not is_group_like(synonym)
        and shares_name(significant(synonym), own)
        and gender_named(synonym)
        for synonym in synonyms
    ):
        return 1
    return 0


def _trigrams(code: str) -> list[str]:
    return [code[index : index + 3] for index in range(0, len(code), 3)] or [""]


def _code_type(code: str) -> str | None:
    """The entry type one CAMEO code stands for; None for elites (ELI), which name people."""
    parts = _trigrams(code)
    head, roles = parts[0], parts[1:]
    if head == "IMG" or any(role in _ARMED_ROLES for role in roles):
        return "armed_group"
    if head == _ELITE:
        return None
    if head in _INTERNATIONAL_HEADS:
        return "organization"
    if not roles:
        if head in _REGIONS:
            return None
        if head in _ORGANIZATION_ROLES and head not in _iso_alpha3():
            return "organization"
        return "state"
    for role in roles:  # the first known role; PSEHMSGOV is Palestine, Hamas, government
        if role in _GOVERNMENT_ROLES:
            return "government"
        if role == _ELITE:
            return None
        if role in _ORGANIZATION_ROLES:
            return "organization"
    if head in _ORGANIZATION_ROLES and head not in _iso_alpha3():
        return "organization"
    return "state"  # a dependent territory or a status: GBRVGB, USAPRI, ARMUNR, ESTOCC


@cache
def _iso_alpha3() -> frozenset[str]:
    """ISO 3166 alpha-3 codes, current and withdrawn."""
    import pycountry

    codes = {country.alpha_3 for country in pycountry.countries}
    codes |= {country.alpha_3 for country in pycountry.historic_countries}
    return frozenset(codes)


def _recency(span: CodeSpan) -> tuple[bool, str, str]:
    return (span.until is None, span.until or "", span.since or "")


def _by_recency(codes: Iterable[CodeSpan]) -> list[CodeSpan]:
    return sorted(codes, key=_recency, reverse=True)


def type_from_codes(codes: Sequence[CodeSpan]) -> str | None:
    for span in _by_recency(codes):
        found = _code_type(span.code)
        if found is not None:
            return found
    return None


def _is_state_code(codes: Sequence[CodeSpan]) -> bool:
    ordered = _by_recency(codes)
    return bool(ordered) and _code_type(ordered[0].code) == "state"


def entry_type(
    words: Sequence[str],
    synonyms: Sequence[Sequence[str]],
    codes: Sequence[CodeSpan],
    comments: Sequence[str],
) -> str:
    strength = _person_strength(words, synonyms, codes, comments)
    # A group named after a person: "IZZ_AD-DIN_AL_QASSAM" with "+IZZ_AD-DIN_AL_QASSAM_BRIGADES".
    if strength > 0:
        own = normalize_name(" ".join(words))
        for synonym in synonyms:
            text = normalize_name(" ".join(synonym))
            if text.startswith(own + " ") and is_group_like(synonym):
                strength = -1
                break
    if _is_state_code(codes):
        # A country's synonyms hold anything ("SIR_LANKA_" under "SRI_LANKA_"): only the name
        # itself or the leaders lists make a person here.
        if strength == 2 and (
            any(_PERSON_COMMENT.search(comment) for comment in comments)
            or honorific_name(words)
            or titled_person(words, True)
        ):
            return "person"
    elif strength > 0:
        return "person"
    found = type_from_codes(codes)
    if (
        any(_GROUP_COMMENT.search(comment) for comment in comments)
        and found not in ORGANISATION_TYPES
    ):
        return "armed_group"  # the START TOPS list of terrorist organisations
    if found is not None:
        return found
    if codes:  # elites (ELI) only
        return "person" if strength >= 0 else "organization"
    return "person" if strength > 0 else "organization"  # no readable code


# --------------------------------------------------------------------------- entries
