"""CAMEO event codes for verbs, from the PETRARCH2 verb dictionary: the runtime lookup.

The PETRARCH2 coder (Open Event Data Alliance, MIT licence; see `data/PETRARCH2-LICENSE.txt`)
ships `CAMEO.2.0.txt`, a dictionary of verb synonym blocks and patterns that give CAMEO event
codes. `newsgraph.dictionaries.compilers.cameo` (run by `scripts/compile_cameo.py`) reduces it
to what a dependency-based extractor can use and writes `newsgraph/data/cameo_verbs.json.gz`;
`load_verbs()` reads that file once per process. CAMEO codes map to PLOVER types in
`newsgraph.dictionaries.plover`.

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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple, NotRequired, TypedDict

from newsgraph.dictionaries.plover import plover_or_none

__all__ = [
    "DATA_FILE",
    "FORMAT",
    "PARTICLES",
    "PURE_PARTICLES",
    "BlockData",
    "LexiconData",
    "PatternData",
    "VerbData",
    "VerbLexicon",
    "VerbMatch",
    "load_verbs",
]

DATA_FILE = "cameo_verbs.json.gz"
FORMAT = 1


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


# Words that after a verb are particles ("set up", "pull out"), never prepositions here.
PURE_PARTICLES = frozenset(
    {"up", "down", "out", "off", "back", "away", "forward", "aside", "apart", "together", "ahead"}
)
# Words that may be either a particle or a preposition, decided by what follows.
PARTICLES = PURE_PARTICLES | {
    "over",
    "on",
    "in",
    "through",
    "along",
    "around",
    "about",
    "across",
    "by",
}


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
                plover_or_none(best.code),
                best.passive,
                plover_or_none(best.passive),
                best.block,
                best.line,
                True,
            )
        passive = entry.get("passive")
        return VerbMatch(
            verb,
            entry["code"],
            plover_or_none(entry["code"]),
            passive,
            plover_or_none(passive),
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
