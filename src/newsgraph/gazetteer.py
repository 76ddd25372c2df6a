"""A gazetteer of real actors, compiled from the PETRARCH2 / Phoenix actor dictionaries.

The Phoenix actor dictionaries (MIT licence, Open Event Data Alliance; see
`data/PETRARCH2-LICENSE.txt`) list states, leaders with their dates in office, international
organisations and non-state armed groups, each with CAMEO actor codes. `scripts/
compile_gazetteer.py` parses them into `data/gazetteer.jsonl.gz`; `default_gazetteer()` loads
that file and `Gazetteer.lookup` finds an entry by any of its names.

Dictionary format (PETRARCH2's `dictionaries.upstream.rst`, "Actor Dictionary")
--------------------------------------------------------------------------------
A record is a primary name line (words joined by `_` or blanks, usually a trailing `_`),
optional `+SYNONYM` lines, and codes: `[CODE]` inline after a name, or on tab-indented lines,
each with an optional date restriction -- `[AFGGOV 20140929-20210815]` (between, inclusive),
`[IMGMUSISI >20130408]` (from), `[HOB <950601]` (until), dates YYYYMMDD or YYMMDD (YY <= 30
is 20YY, as in PETRARCH). `#` starts a comment, so does `;` on a name line (TABARI style), and
`<!-- ... -->` blocks are skipped. As in PETRARCH's reader, a primary line that has no code
yet shares the codes of the record that follows it (several primaries, one block of codes);
every primary line becomes its own entry with those codes. `[---]` is the null code: it is
dropped, and a record with no other code ("INDIAN_OCEAN  [---]", listed so that PETRARCH does
not read it as India) gives no entry. Also handled: several `[...]` on one line, several `+`
synonyms on one line, names with blanks, trailing data after the codes (ignored), lower-case
codes, blanks inside a restriction (`[HOB < 950601]`) and indented primary lines. Lines that
cannot be read (malformed dates, stray brackets, control characters) are skipped and
reported, never raised.

Types
-----
An entry is a `person` when its name looks like a person's and not like an organisation's:
no organisation or place word in it ("Front", "Brigades", "Ministry", "Republic", "Islamic",
"Province", ...) unless a title stands before a name ("SECRETARY_OF_STATE_JOHN_KERRY"), and
one of: a CountryInfo/IGOrulers comment (the leaders lists) or a "leader"/"member" comment;
an honorific or title before a name (`ABU_`, `MULLAH_`, `SHEIKH_`, `MR_`, `PRESIDENT_`, ...);
a synonym that is a title plus the name's own words (`MR_ASSAD`); elite (ELI) codes, or
dated government codes, on a two-to-four word name; a first name that `gender-guesser` knows.
Three priors overrule the name: an entry commented `kkl` (Phoenix.MilNonState's list from the
START TOPS database of terrorist organisations) is a group, an armed_group unless its code says
another group type; a company or NGO code (MNC, NGO, NGM) needs a comment to make a person
("General Electric"); a state code needs a comment, honorific or title ("SIR_LANKA_" is a
synonym of Sri Lanka). Otherwise the type comes from the most recent code (an open `>date`
code before the undated default, before closed ranges), read as CAMEO trigrams:

- `IMG...` (international militarized group), or any role REB, INS, SEP, UAF -> armed_group
- `IGO...`, `NGO...`, `NGM...`, `MNC...`, `UIS...` -> organization
- a bare country code (`AFG`; not a role or region code such as `MED`, `MEA`), or country +
  territory or status (`GBRVGB`, `USAPRI`, `ARMUNR`, `ESTOCC`) -> state
- country + GOV, MIL, COP, JUD, LEG, SPY, PRE -> government (the first known role decides:
  `PSEHMSGOV`, Palestine + Hamas + government)
- country + OPP, PTY, MED, BUS, EDU, HLH, HRI, LAB, AGR, ENV, DEV, REF, CVL, CRM, REL, a
  religion code, ...; or a bare role code (`MED`, `BAH`) -> organization
- ELI (elites) -> the next most recent code decides; failing that, person unless the name
  is an organisation's. A bare region code (`WEU`) decides nothing either.

People listed under a group (`ABU_BAKR_AL-BAGHDADI_` under the Islamic State, `KHALED_MESHAAL`
under Hamas) become person entries of their own, with the group's codes -- which is what the
codes mean to PETRARCH: such a person is coded as the group. Variants of one name become one
entry; a bare surname synonym (`ZARQAWI_`) joins the one such person whose name it ends, and
is dropped (and reported) if it fits several. Likewise group-like synonyms under a person
(`ASSAD_REGIME_`, `OBAMA_ADMINISTRATION`) become one entry of their own, typed by the codes,
and other people under a person (TABARI rulers lists share codes between people) become their
own entries; another primary line of the same record that is a form of a person's name
("YELTSIN" after "BORIS_YELTSIN_") becomes a synonym. Entries of one file with the same name,
type and country are merged, and so is a group into the group whose name is its name plus
"of ..." when both have the same actor-specific codes ("The Islamic State", IMGMUSISI, into
"Islamic State of Iraq and the Levant"). A country's synonyms are kept as they are.

Lookup keys are `newsgraph.names.normalize_name` of the name, of each synonym and, for names
with a parenthesised part, of the name without it and of the part if one is the initials of
the other ("Harakat ul-Mujahidin (HUM)", not "Red Flag (Venezuela)"). Keys of one or two
characters ("US", "UN"), all-digit keys and the generic words of
`data/gazetteer_stopwords.tsv` ("army", "police", "government", "rebels") are not keys.
State entries keep their synonyms, which include demonyms and cities ("Afghan", "Kabul"):
CAMEO codes a capital as its state. Where several entries share a key, `lookup` prefers the
entry's own name over a synonym, MilNonState and International over Countries, then the entry
with more synonyms; `candidates` gives them all in that order.
"""

from __future__ import annotations

import difflib
import gzip
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

from newsgraph.model import ORGANISATION_TYPES
from newsgraph.names import normalize_name

TYPES = ("person", "organization", "armed_group", "government", "state")
COMPILED_FILE = "gazetteer.jsonl.gz"
STOPWORDS_FILE = "gazetteer_stopwords.tsv"


@dataclass(frozen=True)
class CodeSpan:
    """One CAMEO actor code and the dates (ISO, inclusive) it applies between; None is open."""

    code: str
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    codes: tuple[CodeSpan, ...]
    synonyms: tuple[str, ...]
    source: str


# --------------------------------------------------------------------------- word lists


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make a name an organisation's or a place's, never a person's.
_NON_PERSON_WORDS = _word_set(
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
_TITLES = _word_set(
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
_HONORIFICS = _word_set(
    """
    abu umm mullah mulla maulana mawlana sheikh sheik shaikh shaykh shiekh imam ayatollah
    haji hajji mr mrs ms dr sir king queen prince princess sultan emir president premier
    president-elect general gen colonel col senator pope comrade sayyid sayyed seyyed sayed
    lady baroness baron
    """
)

# Name particles: lower case inside a name, and not significant when comparing names.
_PARTICLES = _word_set(
    """
    of the and in for on at to by with from de del della dei di da du des la le les el van von
    der den ten ter bin ibn bint ben ul ud ur ad as ash az an wa wal fi y e i al abu umm il
    """
)
# Particles written in lower case inside a name ("Islamic State of Iraq and the Levant").
_LOWER_PARTICLES = _word_set(
    "of the and in for on at to by with from de del della di da du van von der den bin ibn "
    "al el ul wa fi y e i il"
)
# Words that start a phrase, not a name, after a title ("President of the United States").
_PHRASE_WORDS = _word_set("of the for and to in on at by with from")
# Name suffixes, not significant when comparing names.
_SUFFIXES = _word_set("jr sr ii iii iv 2d 3d 2nd 3rd")
# Particles that are lower case when hyphen-joined to the next word ("al-Qaeda").
_HYPHEN_PARTICLES = _word_set("al el ul ud ur ad as ash az an at e i bin wa wal fi y de di")

_NOT_SIGNIFICANT = _PARTICLES | _TITLES | _SUFFIXES
_TITLE_WORDS = _TITLES | _HONORIFICS

_KNOWN_ACRONYMS = _word_set(
    """
    US USA UN UK EU UAE NATO ISIS ISIL UNICEF UNHCR UNESCO OPEC ASEAN IAEA ECOWAS SADC
    OSCE PLO PKK FARC ELN LTTE CIA FBI NSA KGB FSB BBC CNN AFP ICRC MSF HRW ICC
    ICJ IMF WTO OECD DPRK PRC ROK DRC SPLM SPLA ANC AQI AQAP AQIM TTP YPG PYD SDF FSA PMF IDF
    IRGC USSR GCC OAS OAU OIC UNDP UNEP WFP FAO ILO IOM UNSC MI5 MI6 NPA MILF MNLF RPF RUF
    """
)
_ROMAN = _word_set("II III IV V VI VII VIII IX X XI XII")
_SHORT_TITLES = _word_set("MR MRS MS DR ST JR SR LT SGT CPL GEN COL MT FT")

# CAMEO trigrams.
_ARMED_ROLES = frozenset({"REB", "INS", "SEP", "UAF", "IMG"})
_GOVERNMENT_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRE"})
_ORGANIZATION_ROLES = _word_set(
    """
    IGO NGO NGM MNC OPP PTY MED BUS EDU HLH HRI LAB AGR ENV DEV REF CVL CRM REL RAD MOD AMN IRC
    CHR CTH ORT PRO MUS MOS SUN SHI SUF ALE DRZ JEW BUD HIN SIK JAN ZRO ATH TAO CON CPT BAH
    UNO UIS
    """
)
# CAMEO region codes (and two the MilNonState file uses): a bare one is no state.
_REGIONS = _word_set(
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF "
    "WAF WST WEU INT"
)
_INTERNATIONAL_HEADS = frozenset({"IGO", "NGO", "NGM", "MNC", "UIS"})
_ELITE = "ELI"
_NULL_CODE = "---"

_SOURCE_PREFERRED = ("MilNonState", "International")

# --------------------------------------------------------------------------- parsing

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"[A-Z0-9]+|---")
_SPLIT_WORDS = re.compile(r"[_\s]+")
_PARENS = re.compile(r"\s*\(([^()]*)\)")


class _DateError(ValueError):
    pass


def _iso(text: str) -> str:
    """A PETRARCH date (YYYYMMDD, or YYMMDD with YY <= 30 meaning 20YY) as YYYY-MM-DD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise _DateError(text)
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day).isoformat()
    except ValueError as error:
        raise _DateError(text) from error


def _code_span(inner: str) -> CodeSpan | None:
    """`AFGGOV 20140929-20210815` -> CodeSpan; None for the null code; _DateError if bad."""
    parts = inner.strip().split(None, 1)
    if not parts:
        raise _DateError("empty code")
    code = parts[0].upper()
    if not _CODE.fullmatch(code):
        raise _DateError(f"bad code {code!r}")
    rest = re.sub(r"\s+", "", parts[1]) if len(parts) > 1 else ""
    since = until = None
    if rest.startswith("<"):
        until = _iso(rest[1:])
    elif rest.startswith(">"):
        since = _iso(rest[1:])
    elif "-" in rest:
        first, _, second = rest.partition("-")
        since, until = _iso(first), _iso(second)
        if until < since:
            raise _DateError(f"range ends before it starts: {rest}")
    elif rest:
        raise _DateError(f"bad date restriction {rest!r}")
    if code == _NULL_CODE:
        return None
    return CodeSpan(code, since, until)


@dataclass
class _Head:
    words: list[str]
    line: int
    comment: str
    broken: bool = False
    synonyms: list[list[str]] = field(default_factory=list)


@dataclass
class _Record:
    heads: list[_Head] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    coded: bool = False  # a code was written, readable or not: the next primary starts anew
    null: bool = False  # [---]: PETRARCH must not code this phrase ("INDIAN_OCEAN  [---]")


def _words(phrase: str) -> list[str]:
    return [word for word in _SPLIT_WORDS.split(phrase.strip()) if word]


def _read_records(text: str, source: str, problems: list[str]) -> list[_Record]:
    records: list[_Record] = []
    current: _Record | None = None
    in_xml_comment = False

    def problem(lineno: int, reason: str, line: str) -> None:
        shown = line.strip()
        shown = shown if len(shown) <= 100 else shown[:97] + "..."
        problems.append(f"{source}:{lineno}: {reason}: {shown!r}")

    def read_codes(lineno: int, segment: str, line: str) -> list[CodeSpan]:
        assert current is not None
        spans = []
        for match in _BRACKETED.finditer(segment):
            try:
                span = _code_span(match.group(1))
            except _DateError as error:
                problem(lineno, f"unreadable code [{match.group(1).strip()}] ({error})", line)
                continue
            if span is None:
                current.null = True
            else:
                spans.append(span)
        leftover = _BRACKETED.sub(" ", segment)
        if "[" in leftover or "]" in leftover:
            problem(lineno, "unbalanced bracket in codes", line)
        elif leftover.strip():
            problem(lineno, "text after the codes ignored", line)
        return spans

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_xml_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_xml_comment = False
            line = line[end + 3 :]
        while "<!--" in line:
            start = line.index("<!--")
            end = line.find("-->", start)
            if end < 0:
                in_xml_comment = True
                line = line[:start]
            else:
                line = line[:start] + " " + line[end + 3 :]
        body, _, comment = line.partition("#")
        stripped = body.strip()
        if not stripped:
            continue
        broken = bool(_CONTROL.search(stripped.replace("\t", " ")))

        if stripped.startswith("["):
            if current is None or not current.heads:
                problem(lineno, "code before any name", raw)
                continue
            current.codes.extend(read_codes(lineno, stripped, raw))
            current.coded = True
            if comment.strip():
                current.comments.append(comment.strip())
            continue

        if stripped.startswith("+"):
            if current is None or not current.heads:
                problem(lineno, "synonym before any name", raw)
                continue
            head = current.heads[-1]
            content = stripped.split(";", 1)[0]
            names_part, bracket, code_part = content.partition("[")
            if bracket:
                current.codes.extend(read_codes(lineno, bracket + code_part, raw))
                current.coded = True
            pieces = [piece for piece in names_part.split("+") if piece.strip()]
            if len(pieces) > 1:
                problem(lineno, f"{len(pieces)} synonyms on one line, read separately", raw)
            for piece in pieces:
                words = _words(piece)
                if broken:
                    problem(lineno, "control character in name, synonym skipped", raw)
                elif "]" in piece:
                    problem(lineno, "stray bracket in name, synonym skipped", raw)
                elif words:
                    head.synonyms.append(words)
            continue

        # A primary name line, possibly with inline codes (and indented, once).
        content = stripped.split(";", 1)[0] if "[" not in stripped else stripped
        name_part, bracket, code_part = content.partition("[")
        name_part = name_part.split(";", 1)[0]
        words = _words(name_part)
        if current is None or current.coded:
            current = _Record()
            records.append(current)
        head = _Head(words, lineno, comment.strip(), broken=broken)
        if broken:
            problem(lineno, "control character in name, entry skipped", raw)
        elif "]" in name_part:
            head.broken = True
            problem(lineno, "stray bracket in name, entry skipped", raw)
        elif not words:
            head.broken = True
            problem(lineno, "no name", raw)
        current.heads.append(head)
        if bracket:
            current.codes.extend(read_codes(lineno, bracket + code_part, raw))
            current.coded = True
    if current is not None and not current.coded:
        for head in current.heads:
            if not head.broken:
                problems.append(f"{source}:{head.line}: no code for this name (end of file)")
    return records


# --------------------------------------------------------------------------- names


def _split_token(token: str) -> list[str]:
    return [part for part in re.split(r"[-'’./()]+", token.casefold()) if part]


def _significant(words: Sequence[str]) -> list[str]:
    """The words of a name that identify it: no titles, particles or initials."""
    out = []
    for word in words:
        for part in _split_token(word):
            if len(part) > 1 and part not in _NOT_SIGNIFICANT:
                out.append(part)
    return out


def _all_parts(words: Sequence[str]) -> set[str]:
    return {part for word in words for part in _split_token(word)}


def _is_group_like(words: Sequence[str]) -> bool:
    return bool(_all_parts(words) & _NON_PERSON_WORDS)


def _strip_titles(words: Sequence[str]) -> list[str]:
    index = 0
    while index < len(words) and words[index].casefold().rstrip(".") in _TITLE_WORDS:
        index += 1
    return list(words[index:])


def _similar(first: str, second: str) -> bool:
    if first == second:
        return True
    if min(len(first), len(second)) < 4:
        return False
    return difflib.SequenceMatcher(None, first, second).ratio() >= 0.8


def _shares_name(first: Iterable[str], second: Iterable[str]) -> bool:
    second = list(second)
    return any(_similar(a, b) for a in first for b in second)


@cache
def _gender_detector() -> Any:
    try:
        import gender_guesser.detector as gender_guesser
    except ImportError:  # pragma: no cover - the package is a compile-time aid
        return None
    return gender_guesser.Detector(case_sensitive=False)


@cache
def _first_name_gender(word: str) -> str:
    detector = _gender_detector()
    if detector is None:
        return "unknown"
    guess: str = detector.get_gender(word.capitalize())
    return guess


def _given_name(words: Sequence[str]) -> str | None:
    """The first word of a name that is not a title or particle, if it could be a first name."""
    for word in _strip_titles(words):
        for part in re.split(r"[-'.]", word.casefold()):
            if not part or part in _PARTICLES:
                continue
            return part if part.isalpha() and len(part) > 1 else None
    return None


def _gender_named(words: Sequence[str]) -> bool:
    given = _given_name(words)
    return given is not None and _first_name_gender(given) in (
        "male",
        "female",
        "mostly_male",
        "mostly_female",
    )


def _honorific_name(words: Sequence[str]) -> bool:
    """An honorific or title followed by something that is a name, not "of the ..."."""
    if not words or words[0].casefold().rstrip(".") not in _HONORIFICS:
        return False
    rest = _strip_titles(words)
    return bool(rest) and rest[0].casefold() not in _PARTICLES


def _titled_person(words: Sequence[str], dated: bool) -> bool:
    """A title, then a person's name: "HOUSE_SPEAKER_JOHN_BOEHNER", "SECRETARY_OF_STATE_KERRY"
    (a bare surname only with dated codes)."""
    for size in (4, 3, 2, 1):
        if len(words) <= size:
            continue
        tail, prefix = words[-size:], words[:-size]
        before, first = prefix[-1].casefold().rstrip(".,"), prefix[0].casefold().rstrip(".,")
        if before in _PARTICLES or not (before in _TITLES or first in _TITLES):
            continue
        lead = tail[0].casefold().rstrip(".")
        if _is_group_like(tail) or lead in _TITLES or lead in _PARTICLES:
            continue
        if size == 1:
            if dated and re.fullmatch(r"[A-Za-z][A-Za-z'-]+", tail[0]):
                return True
        elif dated or _gender_named(tail):
            return True
    return False


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
    group_words = _all_parts(words) & _NON_PERSON_WORDS
    if group_words:
        leaders_list = any(_LEADERS_COMMENT.search(comment) for comment in comments)
        if (leaders_list and len(group_words) == 1) or _titled_person(words, dated):
            return 2
        return -1
    if any(_PERSON_COMMENT.search(comment) for comment in comments):
        return 2
    rest = _strip_titles(words)
    if not rest or (len(rest) < len(words) and rest[0].casefold() in _PHRASE_WORDS):
        return 0  # a title alone, or "President of the ..."
    if any(_trigrams(span.code)[0] in _COMPANY_HEADS for span in codes):
        return 0  # "General Electric", "Dr Pepper Snapple": the name alone is not enough
    if _honorific_name(words) or _titled_person(words, dated):
        return 2
    own = _significant(words)
    for synonym in synonyms:
        if (
            synonym
            and synonym[0].casefold().rstrip(".") in _HONORIFICS
            and not _is_group_like(synonym)
            and _significant(synonym)
            and set(_significant(synonym)) <= set(own)
        ):
            return 2
    roles = {_trigrams(span.code)[1] for span in codes if len(_trigrams(span.code)) > 1}
    elite = any(_trigrams(span.code)[0] == _ELITE for span in codes) or _ELITE in roles
    if 2 <= len(rest) <= 4 and (elite or (dated and roles & _GOVERNMENT_ROLES)):
        return 1  # a career: elite, or in government for a time
    if 2 <= len(words) <= 6 and own and _gender_named(words):
        return 1
    if own and any(  # "MOAZ_AL_KHATIB" with "+AHMAD_MOUATH_AL_KHATIB_AL_HASANI"
        2 <= len(synonym) <= 6
        and not _is_group_like(synonym)
        and _shares_name(_significant(synonym), own)
        and _gender_named(synonym)
        for synonym in synonyms
    ):
        return 1
    return 0


def _synonym_is_person(words: Sequence[str], group_words: Sequence[str]) -> bool:
    """A synonym of a group that names a person rather than the group."""
    if len(words) < 2 or _is_group_like(words):
        return False
    if _shares_name(_significant(words), _significant(group_words)):
        return False
    return _honorific_name(words) or (len(words) <= 5 and _gender_named(words))


# --------------------------------------------------------------------------- readable names


def _initials(words: Sequence[str]) -> str:
    return "".join(part[0] for word in words for part in re.split(r"[-/]", word) if part)


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


def _is_acronym_of(token: str, words: Sequence[str]) -> bool:
    """`token` ("AQI") could be the initials of `words` ("AL-QAEDA_IN_IRAQ")."""
    token = token.upper().strip(".")
    return (
        token.isalpha()
        and 2 <= len(token) <= 8
        and len(_initials(words)) >= len(token)
        and _is_subsequence(token, _initials(words).upper())
    )


def _entry_acronyms(names: Sequence[Sequence[str]]) -> set[str]:
    """Single-word names that are the initials of another of the entry's names ("ISIS"), and
    parenthesised ones that are the initials of their own name ("ARMY_(AAIA)")."""
    acronyms = set()
    for name in names:
        cut = next((index for index, word in enumerate(name) if word.startswith("(")), len(name))
        outer, inner = list(name[:cut]), " ".join(name[cut:]).strip("()").split()
        if len(inner) == 1 and _is_acronym_of(inner[0], outer):
            acronyms.add(inner[0].upper())
        if len(outer) == 1 and len(inner) > 1 and _is_acronym_of(outer[0], inner):
            acronyms.add(outer[0].upper())  # "EPA_(EJERCITO_DEL_PUEBLO_EN_ARMAS)"
        if len(name) != 1:
            continue
        if any(_is_acronym_of(name[0], other) for other in names if other is not name):
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


def _canonical_words(words: Sequence[str]) -> list[str]:
    if len(words) > 1 and words[0].casefold() == "the":
        return list(words[1:])
    return list(words)


# --------------------------------------------------------------------------- types


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


def _type_from_codes(codes: Sequence[CodeSpan]) -> str | None:
    for span in _by_recency(codes):
        found = _code_type(span.code)
        if found is not None:
            return found
    return None


def _is_state_code(codes: Sequence[CodeSpan]) -> bool:
    ordered = _by_recency(codes)
    return bool(ordered) and _code_type(ordered[0].code) == "state"


def _entry_type(
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
            if text.startswith(own + " ") and _is_group_like(synonym):
                strength = -1
                break
    if _is_state_code(codes):
        # A country's synonyms hold anything ("SIR_LANKA_" under "SRI_LANKA_"): only the name
        # itself or the leaders lists make a person here.
        if strength == 2 and (
            any(_PERSON_COMMENT.search(comment) for comment in comments)
            or _honorific_name(words)
            or _titled_person(words, True)
        ):
            return "person"
    elif strength > 0:
        return "person"
    found = _type_from_codes(codes)
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


@dataclass
class _Draft:
    words: list[str]
    type: str
    codes: list[CodeSpan]
    synonyms: list[list[str]]


def _within(small: Sequence[str], large: Sequence[str]) -> bool:
    return all(any(_similar(word, other) for other in large) for word in small)


def _cluster_people(people: list[list[str]]) -> list[list[list[str]]]:
    """Variants of one person's name together: equal names, or one's words within another's."""
    clusters: list[list[list[str]]] = []
    for name in people:
        own = _significant(name)
        for cluster in clusters:
            for other in cluster:
                theirs = _significant(other)
                if own and theirs and (_within(own, theirs) or _within(theirs, own)):
                    cluster.append(name)
                    break
            else:
                continue
            break
        else:
            clusters.append([name])
    return clusters


def _surname(words: Sequence[str]) -> str | None:
    significant = _significant(words)
    return significant[-1] if significant else None


def _head_comments(head: _Head, record: _Record) -> list[str]:
    # Comments on code lines belong to the record, so to its head only if it has one.
    return [head.comment, *record.comments] if len(record.heads) == 1 else [head.comment]


def _typed_heads(record: _Record) -> list[tuple[_Head, str]]:
    """The record's heads with their types; a head that is another form of an earlier
    person's name ("BORIS_N._YELTSIN", "YELTSIN" after "BORIS_YELTSIN_") is folded into it."""
    typed: list[tuple[_Head, str]] = []
    for head in record.heads:
        if head.broken:
            continue
        kind = _entry_type(head.words, head.synonyms, record.codes, _head_comments(head, record))
        own = _significant(head.words)
        if typed and own and (kind == "person" or not _is_group_like(head.words)):
            for other, other_kind in typed:
                if other_kind == "person" and _shares_name(own, _significant(other.words)):
                    other.synonyms.append(head.words)
                    other.synonyms.extend(head.synonyms)
                    break
            else:
                typed.append((head, kind))
        else:
            typed.append((head, kind))
    return typed


def _drafts_for_head(
    head: _Head, kind: str, codes: list[CodeSpan], source: str, problems: list[str]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    kept: list[list[str]] = []
    people: list[list[str]] = []
    groups: list[list[str]] = []
    singles: list[list[str]] = []
    if kind == "state":
        kept = list(head.synonyms)
    elif kind == "person":
        own = _significant(head.words)
        for synonym in head.synonyms:
            last = _surname(synonym)
            if (
                _is_group_like(synonym)
                and not (last and _shares_name([last], own))
                and not _titled_person(synonym, True)
            ):
                groups.append(synonym)
            elif (
                len(synonym) >= 2
                and _significant(synonym)
                and not _shares_name(_significant(synonym), own)
                and (_honorific_name(synonym) or _gender_named(synonym))
            ):
                people.append(synonym)
            else:
                kept.append(synonym)
    else:
        for synonym in head.synonyms:
            if _synonym_is_person(synonym, head.words):
                people.append(synonym)
            elif len(_significant(synonym)) == 1 and not _is_group_like(synonym):
                singles.append(synonym)
            else:
                kept.append(synonym)

    clusters = _cluster_people(people)
    surnames: dict[str, list[int]] = {}
    for index, cluster in enumerate(clusters):
        for name in cluster:
            last = _surname(name)
            if last and index not in surnames.setdefault(last, []):
                surnames[last].append(index)
    for single in singles:
        last = _surname(single)
        owners = sorted(
            {
                index
                for name, found in surnames.items()
                if last and _similar(name, last)
                for index in found
            }
        )
        if len(owners) == 1:
            clusters[owners[0]].append(single)
        elif len(owners) > 1:
            problems.append(
                f"{source}:{head.line}: surname {readable_name(single)!r} fits "
                f"{len(owners)} people under {readable_name(head.words)!r}, dropped"
            )
        else:
            kept.append(single)
    order = {id(words): index for index, words in enumerate(head.synonyms)}
    kept.sort(key=lambda words: order.get(id(words), len(order)))

    drafts.append(_Draft(list(head.words), kind, codes, kept))
    for cluster in clusters:
        name = max(cluster, key=lambda words: len(_significant(words)))
        rest = [words for words in cluster if words is not name]
        drafts.append(_Draft(list(name), "person", codes, rest))
    if groups:
        group_type = _type_from_codes(codes) or "organization"
        drafts.append(_Draft(list(groups[0]), group_type, codes, groups[1:]))
    return drafts


def _collapse_codes(codes: Iterable[CodeSpan]) -> tuple[CodeSpan, ...]:
    """Codes in order, without repeats or spans inside another dated span of the same code
    (an undated code is the default when no dated one applies, so it contains none)."""
    unique = list(dict.fromkeys(codes))

    def inside(inner: CodeSpan, outer: CodeSpan) -> bool:
        return (
            inner != outer
            and inner.code == outer.code
            and (outer.since is not None or outer.until is not None)
            and (outer.since is None or (inner.since is not None and inner.since >= outer.since))
            and (outer.until is None or (inner.until is not None and inner.until <= outer.until))
        )

    return tuple(span for span in unique if not any(inside(span, other) for other in unique))


def _finish(draft: _Draft, source: str) -> GazetteerEntry:
    names = [draft.words, *draft.synonyms]
    acronyms = _entry_acronyms(names)
    name = readable_name(_canonical_words(draft.words), acronyms)
    seen = {normalize_name(name), normalize_name(readable_name(draft.words, acronyms))}
    synonyms = []
    for words in draft.synonyms:
        text = readable_name(words, acronyms)
        key = normalize_name(text)
        if key in seen:
            continue
        seen.add(key)
        synonyms.append(text)
    return GazetteerEntry(name, draft.type, _collapse_codes(draft.codes), tuple(synonyms), source)


def _merge(entries: list[GazetteerEntry]) -> GazetteerEntry:
    main = max(entries, key=lambda entry: (len(entry.name.split()), len(entry.synonyms)))
    keys = {normalize_name(main.name)}
    synonyms = []
    for entry in [main, *[other for other in entries if other is not main]]:
        for text in (entry.name, *entry.synonyms):
            key = normalize_name(text)
            if key not in keys:
                keys.add(key)
                synonyms.append(text)
    codes = _collapse_codes(span for entry in entries for span in entry.codes)
    return GazetteerEntry(main.name, main.type, codes, tuple(synonyms), main.source)


def _countries(entry: GazetteerEntry) -> frozenset[str]:
    return frozenset(span.code[:3] for span in entry.codes)


def _merge_duplicates(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Merge entries of one name, type and country; and a group into the group whose name is
    its name plus "of ..." when both have the same actor-specific codes ("Islamic State" into
    "Islamic State of Iraq and the Levant")."""
    groups: dict[tuple[str, str], list[list[GazetteerEntry]]] = {}
    order: list[tuple[str, str]] = []
    for entry in entries:
        key = (normalize_name(entry.name), entry.type)
        if key not in groups:
            groups[key] = []
            order.append(key)
        for cluster in groups[key]:
            if _countries(cluster[0]) == _countries(entry) or (
                _countries(cluster[0]) & _countries(entry)
            ):
                cluster.append(entry)
                break
        else:
            groups[key].append([entry])
    merged = [_merge(cluster) for key in order for cluster in groups[key]]

    by_codes: dict[tuple[frozenset[str], str], list[int]] = {}
    for index, entry in enumerate(merged):
        if entry.type in ("person", "state") or not entry.codes:
            continue
        code_set = frozenset(span.code for span in entry.codes)
        if not any(len(code) >= 9 for code in code_set):
            continue
        by_codes.setdefault((code_set, entry.type), []).append(index)
    absorbed: dict[int, int] = {}
    for indices in by_codes.values():
        if len(indices) < 2:
            continue
        for short in indices:
            short_name = normalize_name(merged[short].name)
            targets = [
                long
                for long in indices
                if long != short
                and long not in absorbed
                and normalize_name(merged[long].name).startswith(short_name + " of ")
            ]
            if len(targets) == 1 and short not in absorbed.values():
                absorbed[short] = targets[0]
    if not absorbed:
        return merged
    extra: dict[int, list[GazetteerEntry]] = {}
    for short, long in absorbed.items():
        extra.setdefault(long, []).append(merged[short])
    result = []
    for index, entry in enumerate(merged):
        if index in absorbed:
            continue
        if index in extra:
            combined = _merge([entry, *extra[index]])
            entry = GazetteerEntry(
                entry.name, entry.type, combined.codes, combined.synonyms, entry.source
            )
        result.append(entry)
    return result


def parse_actor_dictionary(text: str, source: str) -> tuple[list[GazetteerEntry], list[str]]:
    """Entries of one actor dictionary, and the problems met reading it (never raises)."""
    problems: list[str] = []
    entries: list[GazetteerEntry] = []
    for record in _read_records(text, source, problems):
        if record.null and not record.codes:
            continue  # a phrase listed so as not to be coded: no actor
        for head, kind in _typed_heads(record):
            for draft in _drafts_for_head(head, kind, record.codes, source, problems):
                entries.append(_finish(draft, source))
    return _merge_duplicates(entries), list(dict.fromkeys(problems))


# --------------------------------------------------------------------------- lookup


def _source_rank(source: str) -> int:
    if any(marker in source for marker in _SOURCE_PREFERRED):
        return 0
    return 1 if "Countries" in source else 2


def lookup_keys(entry: GazetteerEntry) -> list[tuple[str, bool]]:
    """Every normalised key of an entry, each with whether it is the entry's own name."""
    keys: dict[str, bool] = {}

    def add(text: str, primary: bool) -> None:
        key = normalize_name(text)
        if key and (key not in keys or (primary and not keys[key])):
            keys[key] = primary

    for text, primary in [(entry.name, True), *((synonym, False) for synonym in entry.synonyms)]:
        add(text, primary)
        if "(" in text:  # "Harakat ul-Mujahidin (HUM)", "Epa (Ejercito del Pueblo en Armas)"
            outer = _PARENS.sub("", text)
            add(outer, primary)
            for inner in _PARENS.findall(text):
                if _is_acronym_of(inner, _words(outer)) or _is_acronym_of(outer, _words(inner)):
                    add(inner, False)
    return list(keys.items())


@cache
def default_stopwords() -> frozenset[str]:
    """The generic words of `data/gazetteer_stopwords.tsv`, normalised."""
    try:
        text = resources.files("newsgraph.data").joinpath(STOPWORDS_FILE).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset()
    words = set()
    for line in text.splitlines():
        cell = line.split("\t", 1)[0].strip()
        if cell and not cell.startswith("#"):
            words.add(normalize_name(cell))
    return frozenset(words)


def is_usable_key(key: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """Not too short, not only digits, not a generic word."""
    if key in stopwords:
        return False
    compact = key.replace(" ", "") if " " in key else key
    return len(compact) > 2 and not compact.isdigit()


# The compiled file: a header line; one entry a line, sorted; and a last line with the index
# from every normalised name (stop-list not applied) to its entries, the preferred first.
# Loading decodes the header and the index only; an entry is decoded when a lookup finds it.
# The header holds `normalize_name` of a probe string: if the function has changed since the
# file was written, the index is built anew from the entries.
_FORMAT = 2
_PROBE = "The U.S.'s  Al-Qa'ida_(ISIS) Ḥarakat—“Front” Bashar al-Assad’s"


class _Row(msgspec.Struct, array_like=True):
    name: str
    type: str
    codes: list[tuple[str, str | None, str | None]]
    synonyms: list[str]
    source: str


class _Header(msgspec.Struct):
    gazetteer: int
    probe: str
    entries: int


_ROW = msgspec.json.Decoder(_Row)
_HEADER = msgspec.json.Decoder(_Header)
_INDEX = msgspec.json.Decoder(dict[str, list[int]])


def _sort_key(entry: GazetteerEntry) -> tuple[str, str, str, str, str]:
    return (entry.source, entry.name, entry.type, repr(entry.codes), repr(entry.synonyms))


def _full_index(entries: Sequence[GazetteerEntry]) -> dict[str, list[int]]:
    """Every key of every entry, to the entries' positions in order of preference: the entry's
    own name before a synonym, MilNonState and International before Countries, more synonyms
    first, then position."""
    source_ranks: dict[str, int] = {}
    ranked: dict[str, list[tuple[int, int, int, int]]] = {}
    for index, entry in enumerate(entries):
        source = source_ranks.get(entry.source)
        if source is None:
            source = source_ranks[entry.source] = _source_rank(entry.source)
        for key, primary in lookup_keys(entry):
            rank = (0 if primary else 1, source, -len(entry.synonyms), index)
            ranked.setdefault(key, []).append(rank)
    return {key: [rank[3] for rank in sorted(found)] for key, found in sorted(ranked.items())}


class Gazetteer:
    """Entries and an index from normalised names to them."""

    def __init__(
        self, entries: Iterable[GazetteerEntry], stopwords: frozenset[str] | None = None
    ) -> None:
        listed = list(entries)
        self._entries: list[GazetteerEntry | None] = list(listed)
        self._rows: list[bytes] = []
        self.problems: list[str] = []  # what `from_files` could not read
        self.stopwords = default_stopwords() if stopwords is None else stopwords
        self._index = self._usable(_full_index(listed))

    def _usable(self, index: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
        return {
            key: tuple(found) for key, found in index.items() if is_usable_key(key, self.stopwords)
        }

    def _entry(self, index: int) -> GazetteerEntry:
        entry = self._entries[index]
        if entry is None:
            row = _ROW.decode(self._rows[index])
            entry = GazetteerEntry(
                row.name,
                row.type,
                tuple(CodeSpan(*code) for code in row.codes),
                tuple(row.synonyms),
                row.source,
            )
            self._entries[index] = entry
        return entry

    @property
    def entries(self) -> tuple[GazetteerEntry, ...]:
        """All entries, in order."""
        return tuple(self._entry(index) for index in range(len(self._entries)))

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return (self._entry(index) for index in range(len(self._entries)))

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The preferred entry named `name` (any of its names), or None."""
        found = self._index.get(normalize_name(name))
        return self._entry(found[0]) if found else None

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry named `name`, the preferred first."""
        return [self._entry(index) for index in self._index.get(normalize_name(name), ())]

    def names(self) -> list[str]:
        """The lookup keys (normalised names), sorted."""
        return sorted(self._index)

    @classmethod
    def from_files(
        cls, paths: Iterable[str | Path], stopwords: frozenset[str] | None = None
    ) -> Gazetteer:
        """Parse actor dictionaries (each entry's source is its file's name); what could not
        be read is in the result's `problems`."""
        entries: list[GazetteerEntry] = []
        problems: list[str] = []
        for path in paths:
            path = Path(path)
            text = path.read_bytes().decode("utf-8", errors="replace")
            found, trouble = parse_actor_dictionary(text, path.name)
            entries.extend(found)
            problems.extend(trouble)
        gazetteer = cls(sorted(entries, key=_sort_key), stopwords)
        gazetteer.problems = problems
        return gazetteer

    def save(self, path: str | Path) -> None:
        """Write the compiled form: gzip'd JSON lines, sorted, byte-for-byte reproducible."""
        entries = sorted(self, key=_sort_key)
        header = _Header(gazetteer=_FORMAT, probe=normalize_name(_PROBE), entries=len(entries))
        lines = [msgspec.json.encode(header)]
        for entry in entries:
            codes = [(span.code, span.since, span.until) for span in entry.codes]
            row = _Row(entry.name, entry.type, codes, list(entry.synonyms), entry.source)
            lines.append(msgspec.json.encode(row))
        lines.append(msgspec.json.encode(_full_index(entries)))
        raw = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
            out.write(b"\n".join(lines) + b"\n")
        Path(path).write_bytes(raw.getvalue())

    @classmethod
    def load(cls, path: str | Path, stopwords: frozenset[str] | None = None) -> Gazetteer:
        """Read what `save` wrote."""
        return cls._from_bytes(Path(path).read_bytes(), stopwords)

    @classmethod
    def _from_bytes(cls, data: bytes, stopwords: frozenset[str] | None = None) -> Gazetteer:
        first, _, rest = gzip.decompress(data).partition(b"\n")
        header = _HEADER.decode(first)
        if header.gazetteer != _FORMAT:
            raise ValueError(f"gazetteer file format {header.gazetteer}, expected {_FORMAT}")
        lines = rest.split(b"\n", header.entries)
        self = cls([], stopwords)
        self._rows = lines[: header.entries]
        self._entries = [None] * header.entries
        if header.probe == normalize_name(_PROBE):
            self._index = self._usable(_INDEX.decode(lines[header.entries]))
        else:  # normalize_name has changed: index the entries anew
            self._index = self._usable(_full_index(self.entries))
        return self


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped in the package; empty if the compiled file is missing."""
    try:
        data = resources.files("newsgraph.data").joinpath(COMPILED_FILE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return Gazetteer([])
    return Gazetteer._from_bytes(data)
