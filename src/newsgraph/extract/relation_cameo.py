"""Relations from the CAMEO verb dictionary, for verbs the trigger table does not list.

The dictionary (`newsgraph.dictionaries.cameo`, 15,000 patterns from PETRARCH2) codes a verb in its
context; `data/relation_cameo.tsv` maps hostile and cooperative codes to a predicate and to
where the other end stands: "seized the town from X", "fired on X", "pushed into X",
"collaborated with X", "lauded X". Coverage comes from the dictionary; precision from the
ends (both actors as named, see relations._ends) and from the verb's own code: a verb whose
own code takes no stance keeps none whatever its object.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.cameo import VerbLexicon
from newsgraph.model import Predicate

Stance = tuple[Predicate, tuple[str, ...]]  # the predicate, and where the object stands


@cache
def _stances() -> tuple[tuple[str, Predicate, tuple[str, ...]], ...]:
    """(code prefix, predicate, object places), the longest prefix first."""
    rows: list[tuple[str, Predicate, tuple[str, ...]]] = [
        (row[0], row[1], tuple(row[2].split("|")))  # type: ignore[misc]  # checked by the tests
        for row in lexicons.rows("relation_cameo.tsv")
    ]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def object_places() -> set[str]:
    """Every place the table names (checked against the registered places by the tests)."""
    return {name for _, _, places in _stances() for name in places}


def stance_of(code: str) -> Stance | None:
    """The predicate a CAMEO code states and where its object stands; None: no stance."""
    for prefix, predicate, places in _stances():
        if code.startswith(prefix):
            return predicate, places
    return None


def verb_stance(verbs: VerbLexicon, verb: Token) -> Stance | None:
    """The stance the verb takes in its sentence, by its CAMEO code; None when it takes none
    or reports speech ("warned the army that …": a report to someone, no stance on them)."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    phrasal = f"{lemma} {particle}" if particle else None
    if not (_takes_a_stance(verbs, lemma) or (phrasal and _takes_a_stance(verbs, phrasal))):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    obj = next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((c.lower_ for c in verb.children if c.dep_ == "prep"), None)
    found = (verbs.match(phrasal, obj, prep) if phrasal else None) or verbs.match(lemma, obj, prep)
    return stance_of(found.code) if found is not None else None


_KNOWN: dict[tuple[int, str], bool] = {}  # (lexicon, verb) -> its own code takes a stance


def _takes_a_stance(verbs: VerbLexicon, verb: str) -> bool:
    """Whether the verb's own code (without context) is hostile or cooperative: its object
    may refine a stance ("seized the town": occupying territory) but not give one."""
    key = (id(verbs), verb)
    known = _KNOWN.get(key)
    if known is None:
        default = verbs.match(verb)
        known = _KNOWN[key] = default is not None and stance_of(default.code) is not None
    return known
