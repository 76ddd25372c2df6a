"""CAMEO event codes for verbs, from the PETRARCH2 verb dictionary, and their PLOVER types.

The PETRARCH2 coder (Open Event Data Alliance, MIT licence; see `data/PETRARCH2-LICENSE.txt`)
ships `CAMEO.2.0.txt`, a dictionary of verb synonym blocks and patterns that give CAMEO event
codes. `scripts/compile_cameo.py` reduces it to what a dependency-based extractor can use and
writes `newsgraph/data/cameo_verbs.json.gz`; `load_verbs()` reads that file once per process.

CAMEO → PLOVER
--------------
`plover_type()` maps a CAMEO code to one of the project's PLOVER event types (`EventType` in
`model.py`). The most specific entry wins: `PLOVER_SUBCODES` (three or four digits) before
`CAMEO_TO_PLOVER` (the two-digit root). The table follows the PLOVER project's own mapping,
`CAMEO2PLOVER-2021.txt` in github.com/openeventdata/PLOVER (with its older
`cameo/CAMEO-PLOV.txt`), reduced to the types this project uses:

====  ===============================  =========  ===============================================
root  CAMEO                            PLOVER     note
====  ===============================  =========  ===============================================
01    make public statement            OTHER      PLOVER has no statement type
02    appeal                           REQUEST    PLOVER REQUEST
03    express intent to cooperate      AGREE
04    consult                          CONSULT
05    diplomatic cooperation           SUPPORT    057 sign formal agreement → AGREE (*)
06    material cooperation             COOPERATE
07    provide aid                      AID
08    yield                            CONCEDE    084–087, 0813, 0814 → RETREAT (release,
                                                  ease sanctions, allow involvement,
                                                  de-escalate: 0871 ceasefire … 0874 retreat)
09    investigate                      ACCUSE     PLOVER: ACCUSE, mode "investigate"
10    demand                           REQUEST    PLOVER DEMAND; this project folds it in
11    disapprove                       ACCUSE
12    reject                           REJECT
13    threaten                         THREATEN
14    protest                          PROTEST
15    exhibit force posture            MOBILIZE
16    reduce relations                 SANCTION   163 embargo/sanctions → SANCTION (**)
17    coerce                           COERCE     1712 destroy property, 175 violent
                                                  repression → ASSAULT
18    assault                          ASSAULT
19    fight                            ASSAULT    191 blockade, 192 occupy territory → COERCE
20    unconventional mass violence     ASSAULT
====  ===============================  =========  ===============================================

(*) PLOVER's tables put 057 under SUPPORT; this project counts a signed agreement as AGREE.
(**) `CAMEO-PLOV.txt` says SANCTION, the 2021 table COERCE; we keep SANCTION.

Compiled lexicon (JSON, gzip)
-----------------------------
::

    {"format": 1, "source": "...", "counts": {"verbs": 1234, ...},
     "synsets": {"&WEAPON": ["weapon", "assault rifle", ...], ...},
     "blocks":  {"RETREAT": {"code": "080", "patterns": [
                   {"code": "0874", "subj": "&MILITARY", "line": 6914},
                   {"code": "0874", "obj": "&MILITARY", "line": 6915},
                   {"code": "161", "prep": "from", "pobj": "&TREATY", "line": 6922}, ...]},
                 ...},
     "verbs":   {"withdraw": {"block": "RETREAT", "code": "080", "line": 6907},
                 "pull out": {"block": "GO_SOMEWHERE", "code": "040", "line": 5341,
                              "also": ["RETREAT"]}, ...},
     "forms":   {"withdrew": "withdraw", "drew back": "draw back", ...}}

- A verb is a lower-case lemma; a multi-word verb is space-joined ("pull out", "ask for").
  Its `code` is its own code or its block's; `---` means "no event". `also` lists the later
  blocks that list the same verb again (PETRARCH2 keeps the first; so do we for the default).
- `forms` maps the irregular forms given in `{...}` to the lemma (regular ones are left to
  the tagger's lemmatiser).
- A pattern applies to every verb of its block. Every key but `code` is optional and is a
  requirement: `subj` the subject, `obj` the direct object, `prt` a particle (the verb is then
  the phrasal "set out"), `prep` a preposition ("by/with" = either), `pobj` that preposition's
  object. A noun is space-separated tokens, the last the head, the others modifiers; a token is
  a lower-case word or an `&SYNSET` name. `passive` is the second half of CAMEO's `[active:passive]`
  codes: the event with the roles reversed (`[042:043]`: A visits B, so B hosts A); a pattern
  with only `[:173]` has `code` `---` and `passive` `173`.
- Role markers (`+` target, `$` source, `%`, `^`) are not kept: a `(FROM ^)` phrase becomes
  "from, any object". Consecutive bare words (TABARI style, "ARMS EMBARGO") are read as one
  noun phrase, head last; a wrong head only makes a pattern unmatchable, never wrong.
- Patterns the structure cannot hold are dropped and counted by reason: several prepositional
  phrases, several nouns, adverbs, clause words ("if", "will not"), role markers alone, a
  pre-verb prepositional phrase, undefined synsets, unbalanced brackets. `~` transformations
  (verb-within-verb rules) are skipped and counted. Of identical patterns the last wins, as in
  PETRARCH2. Synsets may be used before they are defined.

Matching (`VerbLexicon.lookup`)
-------------------------------
A pattern matches when every requirement it has is met; the one meeting most requirements
(each noun token, particle and preposition counts one) wins, then the one with most literal
words (a word beats a synset), then the earlier one. Without a match, the verb's default
code. Nouns are compared after a crude singularisation on both sides (troops = troop, gunmen =
gunman). Patterns of the `also` blocks are tried too, after the first block's. A phrasal verb
that is not in the dictionary ("set off") is its head verb ("set") with that particle: only
patterns with that particle match, else the head verb's default applies.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple, NotRequired, TypedDict, get_args

from newsgraph.model import EventType

__all__ = [
    "CAMEO_TO_PLOVER",
    "NULL_CODE",
    "PLOVER_SUBCODES",
    "PLOVER_TYPES",
    "CompileReport",
    "Problem",
    "VerbLexicon",
    "VerbMatch",
    "compile_dictionary",
    "is_cameo_code",
    "load_verbs",
    "plover_type",
]

DATA_FILE = "cameo_verbs.json.gz"
FORMAT = 1
NULL_CODE = "---"

PLOVER_TYPES: tuple[str, ...] = get_args(EventType)

# CAMEO root (two digits) → PLOVER type; see the module docstring for sources and notes.
CAMEO_TO_PLOVER: dict[str, str] = {
    "01": "OTHER",  # make public statement
    "02": "REQUEST",  # appeal
    "03": "AGREE",  # express intent to cooperate
    "04": "CONSULT",  # consult
    "05": "SUPPORT",  # engage in diplomatic cooperation
    "06": "COOPERATE",  # engage in material cooperation
    "07": "AID",  # provide aid
    "08": "CONCEDE",  # yield
    "09": "ACCUSE",  # investigate
    "10": "REQUEST",  # demand
    "11": "ACCUSE",  # disapprove
    "12": "REJECT",  # reject
    "13": "THREATEN",  # threaten
    "14": "PROTEST",  # protest
    "15": "MOBILIZE",  # exhibit force posture
    "16": "SANCTION",  # reduce relations
    "17": "COERCE",  # coerce
    "18": "ASSAULT",  # assault
    "19": "ASSAULT",  # fight
    "20": "ASSAULT",  # use unconventional mass violence
}

# Sub-codes whose PLOVER type differs from their root's; the longest matching prefix wins.
PLOVER_SUBCODES: dict[str, str] = {
    "057": "AGREE",  # sign formal agreement
    "0813": "RETREAT",  # ease curfew
    "0814": "RETREAT",  # ease state of emergency or martial law
    "084": "CONCEDE",  # return, release: prisoners freed are a concession, not a retreat
    "085": "RETREAT",  # ease economic sanctions, boycott, embargo
    "086": "RETREAT",  # allow international involvement
    "087": "RETREAT",  # de-escalate: 0872 ease blockade, 0873 demobilize,
    #                    0874 retreat or surrender militarily
    "0871": "AGREE",  # declare truce, ceasefire: news reports a truce signed as an agreement
    "163": "SANCTION",  # impose embargo, boycott or sanctions
    "1712": "ASSAULT",  # destroy property
    "175": "ASSAULT",  # use tactics of violent repression
    "191": "COERCE",  # impose blockade, restrict movement
    "192": "COERCE",  # occupy territory
}

_CAMEO_RE = re.compile(r"\d{2,4}")


def is_cameo_code(code: str) -> bool:
    """Whether `code` is a CAMEO event code: two to four digits with a root from 01 to 20."""
    return bool(_CAMEO_RE.fullmatch(code)) and code[:2] in CAMEO_TO_PLOVER


def plover_type(cameo_code: str) -> str:
    """The PLOVER event type of a CAMEO event code ("190", "0874", "14").

    Raises ValueError for anything that is not a CAMEO code, including the null code `---`.
    """
    code = cameo_code.strip()
    if not is_cameo_code(code):
        raise ValueError(f"not a CAMEO event code: {cameo_code!r}")
    for length in range(len(code), 2, -1):
        found = PLOVER_SUBCODES.get(code[:length])
        if found is not None:
            return found
    return CAMEO_TO_PLOVER[code[:2]]


def _plover_or_none(code: str | None) -> str | None:
    """PLOVER type of a dictionary code: None for no event, OTHER for non-CAMEO test codes."""
    if code is None or code == NULL_CODE:
        return None
    return plover_type(code) if is_cameo_code(code) else "OTHER"


# ---------------------------------------------------------------------------------------------
# Compiled data


class PatternData(TypedDict):
    code: str
    line: int
    passive: NotRequired[str]
    subj: NotRequired[str]
    obj: NotRequired[str]
    prt: NotRequired[str]
    prep: NotRequired[str]
    pobj: NotRequired[str]


class BlockData(TypedDict):
    code: str
    patterns: list[PatternData]
    passive: NotRequired[str]


class VerbData(TypedDict):
    block: str
    code: str
    line: int
    passive: NotRequired[str]
    also: NotRequired[list[str]]


class LexiconData(TypedDict):
    format: int
    source: str
    counts: dict[str, int]
    synsets: dict[str, list[str]]
    blocks: dict[str, BlockData]
    verbs: dict[str, VerbData]
    forms: dict[str, str]


class Problem(NamedTuple):
    """Something in the dictionary the compiler did not take over as it stood."""

    line: int
    kind: str
    text: str


@dataclass
class CompileReport:
    """What `compile_dictionary` read, kept and dropped."""

    source: str
    blocks: int = 0
    verbs: int = 0
    compound_verbs: int = 0
    forms: int = 0
    synsets: int = 0
    patterns_read: int = 0
    patterns: int = 0
    overridden: int = 0
    transformations: int = 0
    unparseable: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    def counts(self) -> dict[str, int]:
        return {
            "blocks": self.blocks,
            "verbs": self.verbs,
            "compound_verbs": self.compound_verbs,
            "forms": self.forms,
            "synsets": self.synsets,
            "patterns_read": self.patterns_read,
            "patterns": self.patterns,
            "patterns_dropped": self.dropped_total,
            "patterns_overridden": self.overridden,
            "transformations_skipped": self.transformations,
            "unparseable_lines": self.unparseable,
        }

    def problem(self, line: int, kind: str, text: str) -> None:
        self.problems.append(Problem(line, kind, text.strip()))


# ---------------------------------------------------------------------------------------------
# Reading the PETRARCH2 verb dictionary format


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREPOSITIONS = _wordset(
    "about above across after against along alongside amid amidst among amongst around as at "
    "before behind below beneath beside besides between beyond by despite down during except "
    "for from in inside into near of off on onto out outside over past per since through "
    "throughout to toward towards under underneath until unlike up upon via with within "
    "without"
)
# Words that after a verb are particles ("set up", "pull out"), never prepositions here.
PURE_PARTICLES = _wordset("up down out off back away forward aside apart together ahead")
# Words that may be either a particle or a preposition, decided by what follows.
PARTICLES = PURE_PARTICLES | _wordset("over on in through along around about across by")
# Bare words that show a pattern is about clause context, which a verb lookup cannot see.
FUNCTION_WORDS = _wordset(
    "if that when whether which who whom whose what where while and or but nor neither not no "
    "never so than then will would shall should can could may might must do did does done has "
    "have had having was were been being is are am be to also even ever now only just still "
    "yet it its he she they we i you him her them us his their our"
)
DETERMINERS = _wordset("a an the")
_NOUNS_IN_LY = _wordset(
    "ally rally assembly supply apply reply family italy july monopoly anomaly bully early "
    "daily weekly monthly"
)
_MARKERS = frozenset("+$%^")  # target, source, compound actor, skip-a-phrase

_HEADER_RE = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\](?P<rest>.*))?$")
_VERB_RE = re.compile(
    r"^(?P<verb>[^\s{\[]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*(?P<rest>.*)$"
)
_VERB_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z+_'.\-]*|\+[A-Za-z][A-Za-z+_'.\-]*")
_CODE_AT_END_RE = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*(?P<rest>[^\[\]]*)$")
_PATTERN_TOKEN_RE = re.compile(r"[(){}]|[^\s(){}]+")
_XML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


class _Drop(Exception):
    """A pattern the compiled structure cannot represent; the message is the reason."""


# A pattern element: ("w", word), ("np", words) or ("pp", elements).
_Elem = tuple[str, object]


def _phrase(token: str) -> str:
    """A dictionary verb or word token as a lower-case, space-joined phrase."""
    return " ".join(token.replace("+", " ").replace("_", " ").lower().split())


def _label(token: str) -> str:
    """The canonical name of a synset: `&NAME`, upper case, without the no-plural `_`."""
    return "&" + token.lstrip("&").rstrip("_").upper()


def _parse_code(raw: str) -> tuple[str, str | None, str | None]:
    """(active, passive, note) from the inside of `[...]`, e.g. "042:043", ":173", "---"."""
    note = None
    active, _, passive = raw.strip().partition(":")
    active, passive = active.strip(), passive.strip()
    if active.endswith("!") or passive.endswith("!"):
        note = f"code [{raw}]: trailing '!' removed"
        active, passive = active.rstrip("!"), passive.rstrip("!")
    for part in (active, passive):
        if part and part != NULL_CODE and not is_cameo_code(part):
            note = f"code [{raw}] is not a CAMEO code; kept as it is"
    return active or NULL_CODE, (passive if passive and passive != NULL_CODE else None), note


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


@dataclass
class _RawBlock:
    name: str
    code: str
    passive: str | None
    line: int
    patterns: list[tuple[int, str]] = field(default_factory=list)


def compile_dictionary(text: str, source: str = "<text>") -> tuple[LexiconData, CompileReport]:
    """Compile a PETRARCH2 verb dictionary (the text of e.g. `CAMEO.2.0.txt`).

    Never raises on bad input: what cannot be read is counted in the report's `dropped`,
    `unparseable` and `problems`.
    """
    report = CompileReport(source=source)
    # XML-style comments may span lines; blank them but keep the line numbering.
    text = _XML_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)

    raw_synsets: dict[str, list[tuple[int, str]]] = {}
    blocks: dict[str, _RawBlock] = {}
    verbs: dict[str, VerbData] = {}
    forms: dict[str, str] = {}
    block: _RawBlock | None = None
    synset: str | None = None

    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw_line).strip()
        if not line:
            continue  # blank and comment lines do not end a synset
        if synset is not None and line.startswith("+"):
            raw_synsets[synset].append((number, line[1:].strip()))
            continue
        synset = None
        if line.startswith("---"):
            block = _read_header(line, number, blocks, report)
        elif line.startswith("&"):
            synset = _label(line.split()[0])
            if synset in raw_synsets:
                report.problem(number, "synset defined twice; members merged", line)
            raw_synsets.setdefault(synset, [])
        elif line.startswith("~"):
            report.transformations += 1
        elif line.startswith("-"):
            report.patterns_read += 1
            if block is None:
                report.dropped["pattern outside a verb block"] += 1
                report.problem(number, "pattern outside a verb block", line)
            else:
                block.patterns.append((number, line))
        elif block is None or line.startswith("<"):
            report.unparseable += 1
            report.problem(number, "unparseable line", line)
        else:
            _read_verb(line, number, block, verbs, forms, report)

    synsets = _resolve_synsets(raw_synsets, report)
    data_blocks: dict[str, BlockData] = {}
    for raw_block in blocks.values():
        patterns = _compile_patterns(raw_block, synsets, report)
        entry: BlockData = {"code": raw_block.code, "patterns": patterns}
        if raw_block.passive:
            entry["passive"] = raw_block.passive
        data_blocks[raw_block.name] = entry

    report.blocks = len(data_blocks)
    report.verbs = len(verbs)
    report.compound_verbs = sum(" " in lemma for lemma in verbs)
    report.forms = len(forms)
    report.synsets = len(synsets)
    report.patterns = sum(len(b["patterns"]) for b in data_blocks.values())
    data: LexiconData = {
        "format": FORMAT,
        "source": source,
        "counts": report.counts(),
        "synsets": {name: sorted(members) for name, members in synsets.items()},
        "blocks": data_blocks,
        "verbs": verbs,
        "forms": forms,
    }
    return data, report


def _read_header(
    line: str, number: int, blocks: dict[str, _RawBlock], report: CompileReport
) -> _RawBlock:
    match = _HEADER_RE.match(line)
    name = (match.group("name") if match else line).strip(" -") or f"BLOCK@{number}"
    name = "_".join(name.split()).upper()
    raw_code = match.group("code") if match else None
    if match and match.group("rest") is not None and match.group("rest").strip(" -"):
        report.problem(number, "text after the block code ignored", line)
    active, passive, note = (NULL_CODE, None, None) if raw_code is None else _parse_code(raw_code)
    if note:
        report.problem(number, note, line)
    unique = name
    suffix = 2
    while unique in blocks:
        unique = f"{name}~{suffix}"
        suffix += 1
    if unique != name:
        report.problem(number, f"block name repeated; renamed {unique}", line)
    blocks[unique] = _RawBlock(unique, active, passive, number)
    return blocks[unique]


def _read_verb(
    line: str,
    number: int,
    block: _RawBlock,
    verbs: dict[str, VerbData],
    forms: dict[str, str],
    report: CompileReport,
) -> None:
    text = line.split(";", 1)[0].strip()  # TABARI-era ';' comments
    if text != line:
        report.problem(number, "';' comment removed", line)
    match = _VERB_RE.match(text)
    if match is None or not _VERB_TOKEN_RE.fullmatch(match.group("verb")):
        report.unparseable += 1
        report.problem(number, "unparseable verb line", line)
        return
    if match.group("rest"):
        report.problem(number, "text after the verb ignored", line)
    lemma = _phrase(match.group("verb"))
    if match.group("code") is not None:
        active, passive, note = _parse_code(match.group("code"))
        if note:
            report.problem(number, note, line)
    else:
        active, passive = block.code, block.passive
    if lemma not in verbs:
        entry: VerbData = {"block": block.name, "code": active, "line": number}
        if passive:
            entry["passive"] = passive
        verbs[lemma] = entry
    elif verbs[lemma]["block"] != block.name:
        also = verbs[lemma].setdefault("also", [])
        if block.name not in also:
            also.append(block.name)
        first = f"{verbs[lemma]['block']}, line {verbs[lemma]['line']}"
        report.problem(number, "verb repeated in another block; first kept", f"{line} ({first})")
    for form_token in re.split(r"[\s,]+", match.group("forms") or ""):
        form = _phrase(form_token)
        if not form or form == lemma:
            continue
        known = forms.get(form)
        if known is None:
            forms[form] = lemma
        elif known != lemma:
            report.problem(number, "form of two verbs; first kept", f"{line} ({form}: {known})")


def _resolve_synsets(
    raw: dict[str, list[tuple[int, str]]], report: CompileReport
) -> dict[str, set[str]]:
    """Synset members as lower-case phrases, with synsets inside synsets expanded."""

    def expand(name: str, seen: tuple[str, ...]) -> set[str]:
        members: set[str] = set()
        for number, member in raw[name]:
            if member.startswith("&"):
                inner = _label(member.split()[0])
                if inner in seen:
                    report.problem(number, f"synset {inner} includes itself", member)
                elif inner not in raw:
                    report.problem(number, f"undefined synset {inner} in {name}", member)
                else:
                    members |= expand(inner, (*seen, inner))
            elif phrase := _phrase(member.rstrip("_")):
                members.add(phrase)
        return members

    return {name: expand(name, (name,)) for name in raw}


def _compile_patterns(
    block: _RawBlock, synsets: dict[str, set[str]], report: CompileReport
) -> list[PatternData]:
    by_signature: dict[tuple[str, ...], PatternData] = {}
    for number, line in block.patterns:
        try:
            pattern = _parse_pattern(line, number, synsets, report)
        except _Drop as reason:
            report.dropped[str(reason)] += 1
            report.problem(number, f"pattern dropped: {reason}", line)
            continue
        signature = tuple(
            str(pattern.get(key, "")) for key in ("subj", "obj", "prt", "prep", "pobj")
        )
        if signature in by_signature:
            report.overridden += 1
            del by_signature[signature]  # the later pattern wins, at its own place
        by_signature[signature] = pattern
    return list(by_signature.values())


def _parse_pattern(
    line: str, number: int, synsets: dict[str, set[str]], report: CompileReport
) -> PatternData:
    body = line[1:].split(";", 1)[0]
    code_match = _CODE_AT_END_RE.search(body)
    if code_match is None:
        raise _Drop("no [code]")
    if code_match.group("rest").strip():
        report.problem(number, "text after the pattern code ignored", line)
    active, passive, note = _parse_code(code_match.group("code"))
    if note:
        report.problem(number, note, line)
    body = body[: code_match.start()]
    if body.count("*") != 1:
        raise _Drop("not exactly one verb marker '*'")
    before, _, after = body.partition("*")
    pattern: PatternData = {"code": active, "line": number}
    if passive:
        pattern["passive"] = passive
    subj = _read_pre_verb(_elements(before), synsets)
    if subj:
        pattern["subj"] = subj
    _read_post_verb(_elements(after), synsets, pattern)
    if len(pattern) == 2 + bool(passive):
        raise _Drop("no word to match (only role markers)")
    return pattern


def _elements(text: str) -> list[_Elem]:
    """Scan pattern text into words, {noun phrases} and (prepositional phrases)."""
    top: list[_Elem] = []
    stack: list[tuple[str, list[_Elem]]] = []
    for token in _PATTERN_TOKEN_RE.findall(text):
        if token in "({":
            kind = "pp" if token == "(" else "np"
            if any(k == kind for k, _ in stack) or (kind == "pp" and stack):
                raise _Drop("nested brackets")
            stack.append((kind, []))
        elif token in ")}":
            kind = "pp" if token == ")" else "np"
            if not stack or stack[-1][0] != kind:
                raise _Drop("unbalanced brackets")
            _, items = stack.pop()
            element = _group(kind, items)
            if element is not None:
                (stack[-1][1] if stack else top).append(element)
        else:
            for element in _word(token, inside=bool(stack)):
                (stack[-1][1] if stack else top).append(element)
    if stack:
        raise _Drop("unbalanced brackets")
    return top


def _word(token: str, inside: bool) -> list[_Elem]:
    """A bare token; `A_B` (consecutive words) becomes a noun or prepositional phrase."""
    parts = [p for p in token.split("_") if p]
    if not parts:
        return []
    if len(parts) == 1:
        return [("w", parts[0])]
    words = [p for p in parts if p not in _MARKERS]
    if not words:
        return []
    if not inside and words[0].lower() in PREPOSITIONS and len(words) > 1:
        return [("pp", [("w", words[0]), ("np", words[1:])])]
    return [("np", words)] if len(words) > 1 else [("w", words[0])]


def _group(kind: str, items: list[_Elem]) -> _Elem | None:
    if kind == "pp":
        return ("pp", items) if items else None
    words: list[str] = []
    for item_kind, value in items:
        if item_kind == "w":
            words.append(str(value))
        elif isinstance(value, list):
            words.extend(str(v) for v in value)
    words = [w for w in words if w not in _MARKERS]
    return ("np", words) if words else None


def _noun(element: _Elem, synsets: dict[str, set[str]]) -> str:
    """A noun element as the compiled noun string ("financial aid", "&MILITARY aid")."""
    kind, value = element
    if kind == "w":
        words = [str(value)]
    else:
        words = [str(v) for v in value] if isinstance(value, list) else []
    tokens: list[str] = []
    for word in words:
        if word.startswith("&"):
            label = _label(word)
            if label not in synsets:
                raise _Drop("undefined synset")
            tokens.append(label)
        elif word.lower() not in DETERMINERS or len(words) == 1:
            tokens.append(word.lower())
    if not tokens:
        raise _Drop("empty noun phrase")
    return " ".join(tokens)


def _check_bare_word(word: str) -> None:
    lower = word.lower()
    if lower in FUNCTION_WORDS:
        raise _Drop("clause context (function word)")
    if lower.endswith("ly") and len(lower) > 4 and lower not in _NOUNS_IN_LY:
        raise _Drop("adverb")


def _is_content_word(element: _Elem) -> bool:
    return element[0] == "w" and str(element[1]).lower() not in PREPOSITIONS


def _merge(elements: list[_Elem]) -> _Elem:
    """One element, or consecutive bare words as one noun phrase (head last)."""
    if len(elements) == 1:
        return elements[0]
    return ("np", [str(value) for _, value in elements])


def _without_markers(elements: list[_Elem]) -> list[_Elem]:
    return [e for e in elements if not (e[0] == "w" and str(e[1]) in _MARKERS)]


def _read_pre_verb(elements: list[_Elem], synsets: dict[str, set[str]]) -> str | None:
    elements = _without_markers(elements)
    if not elements:
        return None
    if any(kind == "pp" for kind, _ in elements):
        raise _Drop("pre-verb prepositional phrase")
    for kind, value in elements:
        if kind == "w":
            _check_bare_word(str(value))
    if len(elements) > 1 and not all(_is_content_word(e) for e in elements):
        raise _Drop("several pre-verb words")
    return _noun(_merge(elements), synsets)


def _read_post_verb(
    elements: list[_Elem], synsets: dict[str, set[str]], pattern: PatternData
) -> None:
    elements = _without_markers(elements)
    preps: list[tuple[str, str | None]] = []
    position = 0
    if elements and elements[0][0] == "w":
        first = str(elements[0][1]).lower()
        following = elements[1] if len(elements) > 1 else None
        if first in PARTICLES and (
            first in PURE_PARTICLES or following is None or following[0] == "pp"
        ):
            pattern["prt"] = first
            position = 1
    rest = elements[position:]
    index = 0
    while index < len(rest):
        kind, value = rest[index]
        index += 1
        if kind == "w" and str(value).lower() in PREPOSITIONS:
            prep = str(value).lower()
            if index < len(rest) and rest[index][0] != "pp":
                following = rest[index]
                index += 1
                if following[0] == "w" and str(following[1]).lower() in PREPOSITIONS:
                    raise _Drop("several prepositional phrases")
                preps.append((prep, _noun(following, synsets)))
            else:
                preps.append((prep, None))
        elif kind == "pp":
            assert isinstance(value, list)
            _read_prep_phrase(value, synsets, pattern, preps)
        else:
            run: list[_Elem] = [(kind, value)]
            while kind == "w" and index < len(rest) and _is_content_word(rest[index]):
                run.append(rest[index])  # TABARI style "ARMS EMBARGO": one noun phrase
                index += 1
            for element in run:
                if element[0] == "w":
                    _check_bare_word(str(element[1]))
            if "obj" in pattern:
                raise _Drop("several nouns")
            pattern["obj"] = _noun(_merge(run), synsets)
    if len(preps) > 1:
        raise _Drop("several prepositional phrases")
    if preps:
        prep, pobj = preps[0]
        pattern["prep"] = prep
        if pobj:
            pattern["pobj"] = pobj


def _read_prep_phrase(
    items: list[_Elem],
    synsets: dict[str, set[str]],
    pattern: PatternData,
    preps: list[tuple[str, str | None]],
) -> None:
    head_kind, head = items[0]
    head_word = str(head).lower() if head_kind == "w" else ""
    skip = _MARKERS | DETERMINERS
    objects = [item for item in items[1:] if not (item[0] == "w" and str(item[1]).lower() in skip)]
    if len(objects) > 1:
        if not all(_is_content_word(o) for o in objects):
            raise _Drop("several nouns in a prepositional phrase")
        objects = [_merge(objects)]
    alternatives = head_word.split("/")
    if head_word in PURE_PARTICLES and not objects and "prt" not in pattern:
        pattern["prt"] = head_word  # "(OUT) (OF COALITION)": pull out of a coalition
    elif head_word and all(p in PREPOSITIONS for p in alternatives):
        for kind, value in items[1:]:
            if kind == "w" and str(value) not in _MARKERS:
                _check_bare_word(str(value))
        noun = _noun(objects[0], synsets) if objects else None  # "(FROM ^)": any object
        preps.append(("/".join(alternatives), noun))
    elif head_word in PARTICLES and "prt" not in pattern:
        pattern["prt"] = head_word  # "(ASIDE RIFT)": set aside a rift
        if objects:
            if "obj" in pattern:
                raise _Drop("several nouns")
            pattern["obj"] = _noun(objects[0], synsets)
    else:
        raise _Drop("prepositional phrase without a preposition")


# ---------------------------------------------------------------------------------------------
# Looking verbs up


def _stem(word: str) -> str:
    """Crude singular of a noun, applied to both sides of every comparison."""
    if len(word) > 4 and word.endswith("men"):
        return word[:-3] + "man"  # gunmen, policemen, servicemen
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class _Noun:
    head: str  # a stemmed word or a synset name
    mods: tuple[str, ...]

    @classmethod
    def parse(cls, text: str | None) -> _Noun | None:
        if not text:
            return None
        tokens = [t if t.startswith("&") else _stem(t) for t in text.split()]
        return cls(tokens[-1], tuple(tokens[:-1]))


@dataclass(frozen=True, slots=True)
class _Pattern:
    code: str
    passive: str | None
    subj: _Noun | None
    obj: _Noun | None
    prt: str | None
    preps: frozenset[str] | None
    pobj: _Noun | None
    line: int
    block: str


class VerbMatch(NamedTuple):
    """What `VerbLexicon.match` found for a verb in its context."""

    lemma: str  # the dictionary verb that matched ("set" for "set off")
    code: str  # CAMEO code for the subject acting on the object; "---" = no event
    plover: str | None  # its PLOVER type; None for "---"
    passive: str | None  # CAMEO code with the roles reversed, if the dictionary gives one
    passive_plover: str | None
    block: str  # the verb block whose default or pattern gave the code
    line: int  # line in the source dictionary (of the pattern, or of the verb)
    pattern: bool  # True if a pattern matched, False if this is the verb's default


_Given = tuple[str, frozenset[str]]


def _given(phrase: str | None) -> _Given | None:
    if not phrase:
        return None
    tokens = [_stem(t) for t in re.split(r"[\s_]+", phrase.lower().strip()) if t]
    if not tokens:
        return None
    return tokens[-1], frozenset(tokens[:-1])


def _key(lemma: str) -> str:
    return " ".join(lemma.lower().replace("_", " ").split())


class VerbLexicon:
    """The compiled CAMEO verb dictionary: verb lemma (+ context) → CAMEO code and PLOVER type.

    Pass lemmas, lower or upper case: the verb ("attack"; a phrasal verb space-joined with
    its particle, "pull out", "set off"), the head lemma of its direct object, a preposition
    attached to the verb (or to its object, as in "lifting of sanctions") and that
    preposition's object. A noun may be given as a phrase whose last word is the head
    ("humanitarian aid"), so patterns that need modifiers can match. If `prep_object_lemma`
    is not given, `object_lemma` also stands for the preposition's object in patterns that
    have no direct object, so `lookup("protest", "plan", "against")` matches `* (AGAINST PLAN)`.
    """

    def __init__(self, data: LexiconData) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported compiled CAMEO data format: {data.get('format')!r}")
        self.data = data
        self.source = data["source"]
        self.counts = data["counts"]
        self._verbs = data["verbs"]
        self._forms = data["forms"]
        self._synsets: dict[str, dict[str, list[frozenset[str]]]] = {}
        for name, members in data["synsets"].items():
            index: dict[str, list[frozenset[str]]] = {}
            for member in members:
                tokens = [_stem(t) for t in member.split()]
                index.setdefault(tokens[-1], []).append(frozenset(tokens[:-1]))
            self._synsets[name] = index
        self._patterns: dict[str, tuple[_Pattern, ...]] = {}
        for name, block in data["blocks"].items():
            self._patterns[name] = tuple(
                _Pattern(
                    code=p["code"],
                    passive=p.get("passive"),
                    subj=_Noun.parse(p.get("subj")),
                    obj=_Noun.parse(p.get("obj")),
                    prt=p.get("prt"),
                    preps=frozenset(p["prep"].split("/")) if "prep" in p else None,
                    pobj=_Noun.parse(p.get("pobj")),
                    line=p["line"],
                    block=name,
                )
                for p in block["patterns"]
            )

    @classmethod
    def from_text(cls, text: str, source: str = "<text>") -> VerbLexicon:
        data, _ = compile_dictionary(text, source)
        return cls(data)

    @classmethod
    def from_file(cls, path: str | Path) -> VerbLexicon:
        """Compile a PETRARCH2 verb dictionary file now (e.g. `PETR.Validate.verbs.txt`)."""
        path = Path(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        return cls.from_text(text, source=path.name)

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and self._entry(_key(lemma))[0] is not None

    def __len__(self) -> int:
        return len(self._verbs)

    @property
    def verbs(self) -> frozenset[str]:
        return frozenset(self._verbs)

    def lemma_of(self, word: str) -> str | None:
        """The dictionary lemma of a verb or one of its irregular forms ("withdrew")."""
        key = _key(word)
        if key in self._verbs:
            return key
        return self._forms.get(key)

    def lookup(
        self,
        lemma: str,
        object_lemma: str | None = None,
        preposition: str | None = None,
        *,
        prep_object_lemma: str | None = None,
        subject_lemma: str | None = None,
    ) -> tuple[str, str] | None:
        """(CAMEO code, PLOVER type) for the verb in this context, or None for no event.

        The most specific matching pattern decides; without one, the verb's default code.
        None when the verb is unknown or the code is the null code `---` (including
        patterns that only give a passive code; see `match` for those). Codes that are not
        CAMEO (the validation dictionary's test codes such as "212") have PLOVER type OTHER.
        """
        found = self.match(
            lemma,
            object_lemma,
            preposition,
            prep_object_lemma=prep_object_lemma,
            subject_lemma=subject_lemma,
        )
        if found is None or found.plover is None:
            return None
        return found.code, found.plover

    def match(
        self,
        lemma: str,
        object_lemma: str | None = None,
        preposition: str | None = None,
        *,
        prep_object_lemma: str | None = None,
        subject_lemma: str | None = None,
    ) -> VerbMatch | None:
        """Like `lookup`, with the passive code and where the answer came from."""
        verb, particle = self._entry(_key(lemma))
        if verb is None:
            return None
        entry = self._verbs[verb]
        obj = _given(object_lemma)
        pobj = _given(prep_object_lemma) if prep_object_lemma else None
        prep = preposition.lower().strip() if preposition else None
        subj = _given(subject_lemma)

        best: _Pattern | None = None
        best_score = (0, 0)
        for block in (entry["block"], *entry.get("also", [])):
            for pattern in self._patterns.get(block, ()):
                score = self._score(pattern, particle, subj, obj, prep, pobj)
                if score is not None and score > best_score:
                    best, best_score = pattern, score
        if best is not None:
            return VerbMatch(
                verb,
                best.code,
                _plover_or_none(best.code),
                best.passive,
                _plover_or_none(best.passive),
                best.block,
                best.line,
                True,
            )
        passive = entry.get("passive")
        return VerbMatch(
            verb,
            entry["code"],
            _plover_or_none(entry["code"]),
            passive,
            _plover_or_none(passive),
            entry["block"],
            entry["line"],
            False,
        )

    def _entry(self, key: str) -> tuple[str | None, str | None]:
        """(dictionary verb, particle left over) for a lemma key."""
        verb = self.lemma_of(key)
        if verb is not None:
            return verb, None
        head, _, particle = key.rpartition(" ")
        if head and particle in PARTICLES:
            verb = self.lemma_of(head)
            if verb is not None:
                return verb, particle
        return None, None

    def _score(
        self,
        pattern: _Pattern,
        particle: str | None,
        subj: _Given | None,
        obj: _Given | None,
        prep: str | None,
        pobj: _Given | None,
    ) -> tuple[int, int] | None:
        """(requirements met, literal words met) if `pattern` matches, else None."""
        if pattern.prt != particle:
            return None
        met, literal = (1, 1) if particle else (0, 0)
        # Without a prepositional object, the object stands for it in `* (PREP NOUN)` patterns.
        pobj_given = pobj if pobj is not None or pattern.obj is not None else obj
        for noun, given in ((pattern.subj, subj), (pattern.obj, obj), (pattern.pobj, pobj_given)):
            if noun is None:
                continue
            found = self._noun_score(noun, given)
            if found is None:
                return None
            met, literal = met + found[0], literal + found[1]
        if pattern.preps is not None:
            if prep is None or prep not in pattern.preps:
                return None
            met, literal = met + 1, literal + 1
        return met, literal

    def _noun_score(self, noun: _Noun, given: _Given | None) -> tuple[int, int] | None:
        if given is None:
            return None
        head, mods = given
        if not self._token_matches(noun.head, head, mods):
            return None
        for mod in noun.mods:
            if not any(self._token_matches(mod, word, mods) for word in mods):
                return None
        tokens = (noun.head, *noun.mods)
        return len(tokens), sum(not t.startswith("&") for t in tokens)

    def _token_matches(self, token: str, word: str, context: frozenset[str]) -> bool:
        if not token.startswith("&"):
            return token == word
        required = self._synsets.get(token, {}).get(word)
        return bool(required) and any(r <= context for r in required or ())


@cache
def load_verbs() -> VerbLexicon:
    """The compiled CAMEO.2.0 verb lexicon shipped in `newsgraph.data` (read once)."""
    blob = resources.files("newsgraph.data").joinpath(DATA_FILE).read_bytes()
    data: LexiconData = json.loads(gzip.decompress(blob).decode("utf-8"))
    return VerbLexicon(data)


def dump_compiled(data: LexiconData) -> bytes:
    """The compiled data as deterministic gzip'd JSON (sorted keys, no timestamp)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
