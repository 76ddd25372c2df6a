"""Provenance shared by relations and events: how a fact is asserted, and since when.

- `modality`: hedged ("may", "could", "reportedly", "is believed to"), predicted ("will", "is
  likely to", "plans to"), negated ("did not", "never"), a question, or asserted;
- `time_bounds`: "since 2018", "in 2014", "from 2011 to 2014", "until March" attached to the
  trigger, as ISO dates or years (resolved against the publication date);
- `sentence_of`: the evidence span, the trigger's sentence without its trailing line break.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.syntax import sentence
from newsgraph.model import Modality

_HEDGES = lexicons.words("hedge_words.tsv")
_HEDGING_HEADS = lexicons.words("hedging_heads.tsv")
_FUTURE = {"will", "shall", "'ll", "would"}
_PREDICTING_HEADS = lexicons.words("predicting_heads.tsv")
_NEGATIONS = {"not", "n't", "never", "no", "nor", "neither"}
_POSSIBLE = lexicons.words("possibility_words.tsv")
_DENIALS = lexicons.words("denial_verbs.tsv")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_SINCE = {"since"}
_FROM = {"from"}
_UNTIL = {"until", "till", "to", "through"}
_AT = {"in", "on", "during"}


def modality(trigger: Token) -> Modality:
    """How the sentence asserts the fact the trigger states."""
    if _hypothetical(trigger) or _scheduled(trigger):
        return "predicted"
    tokens = _governing(trigger)
    words = {
        t.lower_ for head in tokens for t in head.children if t.dep_ in {"aux", "advmod", "neg"}
    }
    words |= {t.lower_ for t in tokens}
    # "no soldiers were harmed", "no one was killed": a negated subject
    words |= {
        d.lower_
        for s in tokens[0].children
        if s.dep_ in {"nsubj", "nsubjpass"}
        for d in (s, *s.children)
        if d.lower_ in {"no", "none", "nobody"} and (d is s or d.dep_ == "det")
    }
    lemmas = {t.lemma_.lower() for t in tokens}
    if sentence(trigger).text.rstrip().endswith("?"):
        return "question"
    if words & _NEGATIONS or _denied(trigger) or _nor(trigger):
        return "negated"
    if words & _HEDGES or lemmas & _HEDGING_HEADS - {"say"} or _passive_report(tokens):
        return "hedged"
    if words & _FUTURE or lemmas & _PREDICTING_HEADS:
        return "predicted"
    return "asserted"


def conditional(trigger: Token) -> bool:
    """A condition or a possibility governs the trigger ("if Orvana attacks")."""
    return _hypothetical(trigger)


def _scheduled(trigger: Token) -> bool:
    """ "the army is to pull back": an arrangement for the future."""
    head = trigger.head
    return (
        trigger.dep_ == "xcomp"
        and head.lemma_.lower() == "be"
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in trigger.children)
    )


def _hypothetical(trigger: Token) -> bool:
    """ "if U.S. decides to strike", "it is possible that the Taliban will adopt …": a
    condition or a possibility governs the trigger."""
    for token in (trigger, *trigger.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children):
            return True
        if token.lemma_.lower() in _POSSIBLE or any(
            c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in _POSSIBLE for c in token.children
        ):
            return True
    return False


def _nor(trigger: Token) -> bool:
    """ "has refused to sever ties, nor have they asked …": the second of a "nor" pair."""
    return trigger.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in {"nor", "neither"} for c in trigger.head.children
    )


def _denied(trigger: Token) -> bool:
    """ "Orvana denied that Kestria had supplied weapons": the clause a denial governs."""
    token = trigger
    while token.dep_ in {"xcomp", "conj", "aux"} and token.head != token:
        token = token.head
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in _DENIALS


def _governing(trigger: Token) -> list[Token]:
    """The trigger and the verbs or adjectives it hangs from within its clause ("is likely
    to fight", "is believed to have fought")."""
    chain = [trigger]
    token = trigger
    while token.dep_ in {"xcomp", "acomp", "ccomp"} and token.head != token and len(chain) < 4:
        token = token.head
        chain.append(token)
        if token.dep_ not in {"xcomp", "acomp"}:
            break
    return chain


def _passive_report(tokens: list[Token]) -> bool:
    """ "is said to", "was reported to": a passive reporting verb hedges."""
    return any(
        t.lemma_.lower() in _HEDGING_HEADS and any(c.dep_ == "auxpass" for c in t.children)
        for t in tokens
    )


def time_bounds(trigger: Token, climb: bool = False) -> tuple[str | None, str | None]:
    """(since, until) from the time phrases on the trigger, as years; with `climb`, on the
    verbs it hangs from too ("it was in 2014 that ISIS sent emissaries to set up …")."""
    since = until = None
    heads = [trigger, *(c for c in trigger.children if c.dep_ in {"dobj", "attr"})]
    if climb:
        heads += [a for a in trigger.ancestors if a.pos_ in {"VERB", "AUX"}]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            when = _year_of(prep)
            if when is None:
                continue
            word = prep.lower_
            if word in _SINCE or word in _FROM or word in _AT:
                since = since or when
            elif word in _UNTIL:
                until = until or when
    return since, until


def _year_of(prep: Token) -> str | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            for token in child.subtree:
                if _YEAR.match(token.text):
                    return token.text
    return None


def sentence_of(token: Token) -> Span:
    """The trigger's sentence without surrounding whitespace."""
    whole = sentence(token)
    tokens = [t for t in whole if not t.is_space]
    return whole.doc[tokens[0].i : tokens[-1].i + 1] if tokens else whole
