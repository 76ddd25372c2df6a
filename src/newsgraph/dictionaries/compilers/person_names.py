"""Whether a dictionary name is a person's: titles, honorifics, particles and first names.

Names are lists of upper-case dictionary words ("ABU_BAKR_AL-BAGHDADI" read as four words).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from newsgraph.dictionaries.compilers import word_set
from newsgraph.dictionaries.names import first_name_gender

# Words that make a name an organisation's or a place's, never a person's.
NON_PERSON_WORDS = word_set(
    """
    organization organisation organizations front fronts army armies brigade brigades battalion
    battalions party parties movement movements group groups groupe council councils committee
    committees force forces ministry ministries government governments administration regime
    union unions association associations league corps command commando commandos cell cells
    network networks faction factions alliance coalition federation confederation congress
    parliament assembly senate court courts police agency agencies service services department
    office bureau institute institution foundation fund bank company corporation corp inc ltd llc
    plc university college school academy church mosque republic kingdom state states empire
    emirate caliphate islands island nations militia militias resistance liberation
    revolutionary revolution jihad jihadi mujahideen mujahedeen mujahidin mujahedin martyrs
    commission authority board directorate secretariat cabinet tribunal guard guards navy marines
    troops soldiers rebels insurgents militants fighters operatives supporters loyalists members
    security intelligence centre center society club team news times post press television tv
    radio network hospital program programme project initiative trust watch international
    national islamic democratic socialist communist anarchist anarchists peoples people popular
    unity independence freedom solidarity legion squad squads unit units division regiment
    patrol platoon harakat hizb hezb hizbul jaish jaysh jeish lashkar liwa kataib katiba tanzim
    tanzeem jabhat jabha fedayeen saraya majlis jamaat jamiat jamaah jemaah jamiyat
    province city district region valley river street palace house airport port mountains
    forum order brotherhood sisterhood council ministers embassy consulate mission
    assemblies delegation chamber duma knesset houses bloc camp partnership holdings holding
    bancorp bancshares industries pharmaceuticals energy limited incorporated technologies
    systems qaeda qaida qa'ida qaidah qa'idah taliban taleban hamas hezbollah hizbollah
    hizballah hizbullah shabaab boko ansar ansaru islami islamia islamiya islamiyah islamiyya
    islamiyyah mujahiden laskar harakut harkat tehrik tehreek sipah intifada guerrilla
    guerrillas nuclei nucleus vanguard tank based rifles rangers scouts dynasty
    """
)

# Titles and honorifics that may stand before a person's name.
_TITLES = word_set(
    """
    mr mrs ms miss dr sir lord lady dame president president-elect vice vice-president former
    prime minister foreign defense defence interior finance secretary secretary-general general
    gen lt lieutenant colonel col major maj captain capt admiral marshal field senator sen
    governor ambassador king queen prince princess crown emir amir sultan sheikh sheik shaikh
    shaykh shiekh mullah mulla maulana mawlana molla imam ayatollah grand haji hajji hajj sayyid
    sayed pope cardinal archbishop bishop reverend rev chairman chancellor premier leader chief
    commander speaker deputy acting us u.s. un american british french russian chinese
    representative rep judge justice attorney spokesman comrade brother professor prof mayor
    seyyed sayyed baroness baron advisor adviser director envoy undersecretary under
    """
)

# Honorifics that make the words after them a person's name ("Abu Bakr", "Mullah Omar").
HONORIFICS = word_set(
    """
    abu umm mullah mulla maulana mawlana sheikh sheik shaikh shaykh shiekh imam ayatollah
    haji hajji mr mrs ms dr sir king queen prince princess sultan emir president premier
    president-elect general gen colonel col senator pope comrade sayyid sayyed seyyed sayed
    lady baroness baron
    """
)

# Name particles: lower case inside a name, and not significant when comparing names.
PARTICLES = word_set(
    """
    of the and in for on at to by with from de del della dei di da du des la le les el van von
    der den ten ter bin ibn bint ben ul ud ur ad as ash az an wa wal fi y e i al abu umm il
    """
)
# Words that start a phrase, not a name, after a title ("President of the United States").
PHRASE_WORDS = word_set("of the for and to in on at by with from")
# Name suffixes, not significant when comparing names.
_SUFFIXES = word_set("jr sr ii iii iv 2d 3d 2nd 3rd")

_NOT_SIGNIFICANT = PARTICLES | _TITLES | _SUFFIXES
_TITLE_WORDS = _TITLES | HONORIFICS


def _split_token(token: str) -> list[str]:
    return [part for part in re.split(r"[-'’./()]+", token.casefold()) if part]


def significant(words: Sequence[str]) -> list[str]:
    """The words of a name that identify it: no titles, particles or initials."""
    out = []
    for word in words:
        for part in _split_token(word):
            if len(part) > 1 and part not in _NOT_SIGNIFICANT:
                out.append(part)
    return out


def all_parts(words: Sequence[str]) -> set[str]:
    return {part for word in words for part in _split_token(word)}


def is_group_like(words: Sequence[str]) -> bool:
    return bool(all_parts(words) & NON_PERSON_WORDS)


def strip_titles(words: Sequence[str]) -> list[str]:
    index = 0
    while index < len(words) and words[index].casefold().rstrip(".") in _TITLE_WORDS:
        index += 1
    return list(words[index:])


def similar(first: str, second: str) -> bool:
    if first == second:
        return True
    if min(len(first), len(second)) < 4:
        return False
    return difflib.SequenceMatcher(None, first, second).ratio() >= 0.8


def shares_name(first: Iterable[str], second: Iterable[str]) -> bool:
    second = list(second)
    return any(similar(a, b) for a in first for b in second)


def _given_name(words: Sequence[str]) -> str | None:
    """The first word of a name that is not a title or particle, if it could be a first name."""
    for word in strip_titles(words):
        for part in re.split(r"[-'.]", word.casefold()):
            if not part or part in PARTICLES:
                continue
            return part if part.isalpha() and len(part) > 1 else None
    return None


def gender_named(words: Sequence[str]) -> bool:
    given = _given_name(words)
    return given is not None and first_name_gender(given) in (
        "male",
        "female",
        "mostly_male",
        "mostly_female",
    )


def honorific_name(words: Sequence[str]) -> bool:
    """An honorific or title followed by something that is a name, not "of the ..."."""
    if not words or words[0].casefold().rstrip(".") not in HONORIFICS:
        return False
    rest = strip_titles(words)
    return bool(rest) and rest[0].casefold() not in PARTICLES


def titled_person(words: Sequence[str], dated: bool) -> bool:
    """A title, then a person's name: "HOUSE_SPEAKER_JOHN_BOEHNER", "SECRETARY_OF_STATE_KERRY"
    (a bare surname only with dated codes)."""
    for size in (4, 3, 2, 1):
        if len(words) <= size:
            continue
        tail, prefix = words[-size:], words[:-size]
        before, first = prefix[-1].casefold().rstrip(".,"), prefix[0].casefold().rstrip(".,")
        if before in PARTICLES or not (before in _TITLES or first in _TITLES):
            continue
        lead = tail[0].casefold().rstrip(".")
        if is_group_like(tail) or lead in _TITLES or lead in PARTICLES:
            continue
        if size == 1:
            if dated and re.fullmatch(r"[A-Za-z][A-Za-z'-]+", tail[0]):
                return True
        elif dated or gender_named(tail):
            return True
    return False


def synonym_is_person(words: Sequence[str], group_words: Sequence[str]) -> bool:
    """A synonym of a group that names a person rather than the group."""
    if len(words) < 2 or is_group_like(words):
        return False
    if shares_name(significant(words), significant(group_words)):
        return False
    return honorific_name(words) or (len(words) <= 5 and gender_named(words))
