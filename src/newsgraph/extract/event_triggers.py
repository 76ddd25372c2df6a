"""Event triggers: which words report an event, and with which CAMEO code.

- Verbs: the whole compiled CAMEO dictionary (`newsgraph.cameo`), PETRARCH-style. A verb of
  `data/event_verbs.tsv` is an event verb by itself (with the objects listed there); any
  other verb the dictionary codes is a candidate whose event the caller keeps only when a
  political actor stands at one of its ends.
- Nouns: `data/event_nouns.tsv`, else a nominalisation of a dictionary verb
  (`data/event_noun_verbs.tsv`, derived by `scripts/derive_event_nouns.py`): "the
  liberation of Ostrel" is coded as "liberate Ostrel", "talks with" as "talk with".
- A verb of releasing done to a place is taking it (`data/event_place_objects.tsv`).
- Urged, not done: a clause under "must", "should", "it is vital that"
  (`data/event_modal_words.tsv`) or under a verb of appeal, accusation, refusal, demand or
  threat ("urged X to withdraw") reports no event; nor does what is intended or habitual.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.cameo import VerbLexicon, VerbMatch
from newsgraph.dictionaries.plover import plover_type
from newsgraph.extract.facts import Resources
from newsgraph.extract.syntax import date_phrases, sentence

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# appeal, intend/offer, accuse, reject, demand, threaten: what they ask for, offer, allege,
# refuse or threaten is not reported as done
_URGING_ROOTS = ("02", "03", "10", "11", "12", "13")


@dataclass(frozen=True)
class Trigger:
    code: str
    type: str
    listed: bool  # from the project's own lists: an event without further checks
    framed: bool = False  # a dictionary pattern matched its object or preposition frame


def light_verb(verb: Token) -> bool:
    """ "conducted (strikes)", "carried out (an attack)": a verb that only carries its
    object's event (data/event_light_verbs.tsv)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return (f"{lemma} {particle}" if particle else lemma) in lexicons.words("event_light_verbs.tsv")


def carried_event(verb: Token) -> bool:
    """The light verb's object is an event noun: the noun tells the event."""
    if not light_verb(verb):
        return False
    return any(c.dep_ == "dobj" and is_event_noun(c) for c in verb.children)


def is_event_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in event_nouns() or lemma in noun_verbs())


def verb_trigger(verb: Token, resources: Resources) -> Trigger | None:
    """The CAMEO code of an event verb: event_verbs.tsv refined by the dictionary with its
    particle, object and preposition; else the dictionary's own code."""
    if not resources.any_event_verb and carried_event(verb):
        return None  # "conducted 12 airstrikes": the strikes are the event
    lemma = verb.lemma_.lower()
    if not resources.any_event_verb and lemma in _intentions():
        return None  # "wanted", "expects": a state of mind, no act
    fallback = event_verbs().get(lemma)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    obj_token = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    obj = obj_token.lemma_.lower() if obj_token is not None else None
    needed = _needed_objects().get(lemma)
    if fallback is not None and needed and obj not in needed and not resources.any_event_verb:
        return None  # "moved on", "sent a letter": not a troop movement
    prep_token = next((c for c in verb.children if c.dep_ == "prep"), None)
    prep = prep_token.lower_ if prep_token is not None else None
    pobj_token = (
        next((c for c in prep_token.children if c.dep_ == "pobj"), None) if prep_token else None
    )
    pobj = pobj_token.lemma_.lower() if pobj_token is not None else None
    found = _match(resources.verb_lexicon(), lemma, particle, obj, prep, pobj)
    code = found.code if found is not None and found.plover is not None else None
    plover = found.plover if found is not None else None
    if found is not None and obj_token is not None and is_place(obj_token):
        taken = _place_codes().get(found.block)
        if taken is not None:  # "liberated Ostrel": taking a place is political by itself
            return Trigger(taken, plover_type(taken), listed=True)
    if fallback is None and verb.pos_ != "VERB":
        return None  # "Ostrel is free": an adjective of the dictionary is a state
    unusable = code is None or code.startswith("01") or plover == "OTHER"
    if fallback is not None:
        # The dictionary refines our code within its family ("withdraw from" 0874 for 087);
        # a code of another family ("arrest members" as an abduction) is a pattern misfiring.
        misfired = code is not None and code[:2] != fallback[:2]
        if unusable or (misfired and not resources.any_event_verb):
            return Trigger(fallback, plover_type(fallback), listed=True)
        return Trigger(code, plover, listed=True)  # type: ignore[arg-type]
    if unusable or code is None or plover is None:
        return None
    return Trigger(code, plover, listed=False, framed=found is not None and found.pattern)


@lru_cache(maxsize=16384)
def _match(
    verbs: VerbLexicon,
    lemma: str,
    particle: str | None,
    obj: str | None,
    prep: str | None,
    pobj: str | None,
) -> VerbMatch | None:
    """The dictionary's reading of a verb in its frame (the phrasal verb first), once per
    frame: news repeats its verbs and their objects."""
    found = (
        verbs.match(f"{lemma} {particle}", obj, prep, prep_object_lemma=pobj) if particle else None
    )
    if found is None or found.plover is None:
        found = verbs.match(lemma, obj, prep, prep_object_lemma=pobj)
    return found


def noun_trigger(noun: Token, resources: Resources) -> Trigger | None:
    """An event noun's code: its own (event_nouns.tsv), else its verb's, with the noun's
    "of" phrase as the verb's object ("the siege of Dunmere") and its other preposition."""
    if noun.dep_ in {"compound", "amod"} or noun.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}:
        return None  # "Liberation Front", "strike force"
    lemma = noun.lemma_.lower()
    if lemma in _intentions():
        return None  # "their resolve", "the determination to win"
    code = event_nouns().get(lemma)
    if code is not None:
        return Trigger(code, plover_type(code), listed=True)
    verb = noun_verbs().get(lemma)
    if verb is None:
        return None
    of = next(
        (p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None
    )
    prep = next((c.lower_ for c in noun.children if c.dep_ == "prep" and c.lower_ != "of"), None)
    found = resources.verb_lexicon().match(
        verb, of.lemma_.lower() if of is not None else None, prep
    )
    if found is None or found.plover is None:
        return None
    if of is not None and is_place(of) and found.block in _place_codes():
        taken = _place_codes()[found.block]
        return Trigger(taken, plover_type(taken), listed=False)
    if found.code.startswith("01") or found.plover == "OTHER":
        return None
    return Trigger(found.code, found.plover, listed=False, framed=found.pattern)


def is_place(token: Token) -> bool:
    """A place's name or a noun for one ("Ostrel", "the town")."""
    return token.ent_type_ in _PLACE_LABELS or token.lower_ in {
        "city",
        "town",
        "village",
        "district",
        "province",
        "region",
    }


def urging_clause(trigger: Token) -> Token | None:
    """The head of the clause that makes the trigger urged rather than done: "the regime
    must comply" (comply), "it is vital that Orvana allows aid in" (allows), or None. The
    trigger may lie anywhere inside that clause ("must act by cutting off its funds")."""
    for token in (trigger, *trigger.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in _modals() for c in token.children):
            return token
        head = token.head
        if token.dep_ == "ccomp" and (
            (
                head.lemma_.lower() == "be"
                and any(
                    c.dep_ in {"acomp", "attr"} and c.lower_ in _urging_words()
                    for c in head.children
                )
            )
            or head.lower_ in _urging_words()
        ):
            return token
    return None


def intended(trigger: Token) -> bool:
    """The trigger is what someone intends, keeps doing or hopes for: "will continue to
    press", "committed to defeating", "working to end", "I hope that the truce holds"."""
    for token in (trigger, *trigger.ancestors):
        if token.i != trigger.i and token.lemma_.lower() in _intentions():
            return True
        if token.dep_ not in {
            "xcomp",
            "ccomp",
            "pcomp",
            "pobj",
            "prep",
            "acl",
            "advcl",
            "conj",
            "dobj",
        }:
            return False
    return False


def urged(trigger: Token, resources: Resources) -> bool:
    """The trigger is what a verb of appeal, accusation, refusal, demand or threat is
    about: "urged Orvana to withdraw", "accused the Front of shielding", "threatened to
    bomb", "refused to sever ties"."""
    token = trigger
    for _ in range(4):
        if token.dep_ not in {"xcomp", "ccomp", "pcomp", "prep"} or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ not in {"VERB", "AUX"}:
            continue  # "of" in "accused X of shielding"
        lemma = token.lemma_.lower()
        found = resources.verb_lexicon().match(lemma)
        if found is not None and found.code.startswith(_URGING_ROOTS):
            return True
        return event_verbs().get(lemma, "").startswith(_URGING_ROOTS)
    return False


@cache
def event_verbs() -> dict[str, str]:
    return lexicons.mapping("event_verbs.tsv")


@cache
def _needed_objects() -> dict[str, frozenset[str]]:
    rows = lexicons.rows("event_verbs.tsv")
    return {row[0].casefold(): frozenset(row[2].split("|")) for row in rows if len(row) > 2}


@cache
def event_nouns() -> dict[str, str]:
    return lexicons.mapping("event_nouns.tsv")


@cache
def noun_verbs() -> dict[str, str]:
    return lexicons.mapping("event_noun_verbs.tsv")


@cache
def _place_codes() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicons.rows("event_place_objects.tsv")}


@cache
def _modals() -> frozenset[str]:
    return frozenset(r[0] for r in lexicons.rows("event_modal_words.tsv") if r[1:] == ["modal"])


@cache
def _urging_words() -> frozenset[str]:
    return frozenset(r[0] for r in lexicons.rows("event_modal_words.tsv") if r[1:] == ["adjective"])


@cache
def _intentions() -> frozenset[str]:
    return frozenset(r[0] for r in lexicons.rows("event_modal_words.tsv") if r[1:] == ["intention"])


@cache
def _plans() -> frozenset[str]:
    return frozenset(r[0] for r in lexicons.rows("event_modal_words.tsv") if r[1:] == ["plan"])


def planned(trigger: Token) -> bool:
    """A future event is planned when a head of planning governs it ("announced that it
    would send", "is due to meet") or its sentence dates it ("will meet on Friday")."""
    if date_phrases(sentence(trigger)):
        return True
    return any(t.lemma_.lower() in _plans() for t in (trigger, *trigger.ancestors))
