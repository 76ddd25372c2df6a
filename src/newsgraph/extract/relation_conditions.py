"""The conditions of `data/relation_triggers.tsv` ("prt=away", "subj=person").

A trigger condition is read on the trigger before its ends are looked for; an end condition
filters the resolved ends. Each is one small function registered under its data-file name;
a name nothing registered is an error when the file is loaded.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.facts import ActorDraft

TriggerCheck = Callable[[Token, frozenset[str]], bool]
Ends = tuple[list[ActorDraft], list[ActorDraft]]
EndFilter = Callable[[list[ActorDraft], list[ActorDraft], frozenset[str]], Ends]

TRIGGER_CONDITIONS: dict[str, TriggerCheck] = {}
END_CONDITIONS: dict[str, EndFilter] = {}


def trigger_condition(name: str) -> Callable[[TriggerCheck], TriggerCheck]:
    def add(check: TriggerCheck) -> TriggerCheck:
        TRIGGER_CONDITIONS[name] = check
        return check

    return add


def end_condition(name: str) -> Callable[[EndFilter], EndFilter]:
    def add(keep: EndFilter) -> EndFilter:
        END_CONDITIONS[name] = keep
        return keep

    return add


def known(name: str) -> bool:
    return name in TRIGGER_CONDITIONS or name in END_CONDITIONS


@trigger_condition("prt")
def _particle(trigger: Token, values: frozenset[str]) -> bool:
    """ "broke away": the parse makes "away" a particle or an adverb."""
    return any(c.dep_ in {"prt", "advmod"} and c.lower_ in values for c in trigger.children)


@trigger_condition("dobj")
def _object_noun(trigger: Token, values: frozenset[str]) -> bool:
    """ "pledged allegiance", "imposed sanctions": the verb's object is one of the words."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return any(c.lemma_.lower() in values or c.lower_ in values for c in objects)


@trigger_condition("as")
def _described_as(trigger: Token, values: frozenset[str]) -> bool:
    """ "designated X a terrorist organisation", "listed X as a terrorist group": what the
    object is made or called holds one of the words."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    described = [c for c in trigger.children if c.dep_ == "oprd"] + objects[1:]  # two objects
    described += [
        pobj
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return any(t.lower_ in values for noun in described for t in noun.subtree)


@end_condition("subj")
def _subject_type(
    subjects: list[ActorDraft], objects: list[ActorDraft], types: frozenset[str]
) -> Ends:
    """ "subj=person": only subjects of these types."""
    return [s for s in subjects if s.type in types], objects


@end_condition("obj")
def _object_type(
    subjects: list[ActorDraft], objects: list[ActorDraft], types: frozenset[str]
) -> Ends:
    """ "obj=government": only objects of these types."""
    return subjects, [o for o in objects if o.type in types]


@end_condition("objs")
def _every_object_type(
    subjects: list[ActorDraft], objects: list[ActorDraft], types: frozenset[str]
) -> Ends:
    """ "joined the Kestrian minister and other partners in Rask": joining people is
    meeting them, not becoming a member of anything; every object must be of these types."""
    return subjects, objects if all(o.type in types for o in objects) else []
