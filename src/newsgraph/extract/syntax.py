"""Small readings of the dependency parse shared by the relation and event stages."""

from __future__ import annotations

from spacy.tokens import Token


def word_kind(token: Token) -> str | None:
    """Verb or noun, as the trigger is used; a "noun" with a subject and an object is a verb
    the tagger got wrong ("Does the Order fund the Company?")."""
    if token.pos_ in {"VERB", "AUX", "ADJ"}:  # "opposed to" is an adjective here
        return "verb"
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    deps = {c.dep_ for c in token.children}
    return "verb" if {"nsubj", "dobj"} <= deps else "noun"


def subject_heads(verb: Token) -> list[Token]:
    """Who does it: the subject, or the agent ("by X") of a passive, or the subject the verb
    shares with the verb it hangs from."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive:
        return [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in {"conj", "xcomp", "advcl", "acomp"} and verb.head != verb:
        # "broke away from X and formed …", "is likely to fund …": a shared subject
        return subject_heads(verb.head)
    return subjects


def object_heads(verb: Token) -> list[Token]:
    """Who it is done to: the direct object, or the subject of a passive."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    return [c for c in verb.children if c.dep_ in {"dobj", "dative"}]


def prep_objects(trigger: Token, word: str) -> list[Token]:
    """The objects of the preposition `word` on the trigger (or on its object or particle)."""
    # "pledged allegiance to X", "broke away from X": the preposition may hang lower
    hosts = [trigger, *(c for c in trigger.children if c.dep_ in {"dobj", "prt", "advmod"})]
    return [
        pobj
        for host in hosts
        for prep in host.children
        if prep.dep_ in {"prep", "agent"} and prep.lower_ == word
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
