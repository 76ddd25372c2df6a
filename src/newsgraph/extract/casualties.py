"""Casualty counts: how many were killed, injured or abducted, who, and by whose count
("41 villagers were killed, according to the Coastal Press Agency")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from spacy.tokens import Span, Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.facts import ArticleFacts
from newsgraph.extract.syntax import according_to
from newsgraph.model import CasualtyKind, Fatality

_CASUALTY_VERBS = cast(dict[str, CasualtyKind], lexicons.mapping("casualty_verbs.tsv"))


_RANGE = re.compile(r"^\s*(?:between\s+)?(\S+)\s+(?:and|to|-|–)\s+(\S+)\s*$", re.I)


def casualties(facts: ArticleFacts, sentence: Span) -> list[Fatality]:
    """Counts of people killed, injured or abducted in the sentence, with their source."""
    found = []
    source = _according_to(sentence)
    if source is None:
        quote = facts.asserted_by(sentence.start_char, sentence.start_char + 1)
        if quote is not None and quote.speaker is not None:
            source = facts.actor(quote.speaker).name
    for token in sentence:
        kind: CasualtyKind | None = _casualty_kind(token)
        if kind is None:
            continue
        for groups in _counted_groups(token):
            counts = [c for g in groups if (c := _count(g) or _one_named(g)) is not None]
            if not counts:
                continue
            low = sum(c[0] for c in counts)
            high = sum(c[1] or c[0] for c in counts) if any(c[1] for c in counts) else None
            who = " and ".join(_who(g) for g in groups)
            found.append(Fatality(count=low, count_max=high, who=who, source=source, kind=kind))
    return found


def _casualty_kind(token: Token) -> CasualtyKind | None:
    if token.lower_ == "dead" or token.lemma_.lower() in _CASUALTY_VERBS:
        return _CASUALTY_VERBS.get(token.lemma_.lower(), "killed")
    return None


def _counted_groups(verb: Token) -> list[list[Token]]:
    """The nouns counted as the verb's victims, conjoined ones together ("three women and
    three children were killed" is 6): "41 villagers were killed", "killing nine soldiers",
    "left 12 dead", "along with 13 U.S. service members"."""
    heads = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj", "nsubj"}]
    # "wounding between 12 and 15 civilians" is parsed with "between" as a preposition
    heads += [
        g for c in verb.children if c.lower_ == "between" for g in c.children if g.dep_ == "pobj"
    ]
    if verb.dep_ in {"amod", "acomp"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        heads.append(verb.head)
    groups: list[list[Token]] = []
    for head in heads:
        groups.append([n for n in (head, *head.conjuncts) if _counted(n)])
        # "…were killed, …, along with 13 U.S. service members"
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "along"):
            groups += [[g] for p in prep.children for g in p.children if g.dep_ == "pobj"]
    return [[g for g in group if _counted(g)] for group in groups if group]


def _counted(noun: Token) -> bool:
    return _count(noun) is not None or _one_named(noun) is not None


def _one_named(noun: Token) -> tuple[int, None] | None:
    """ "Aldo Renn was killed": one named person is one."""
    return (1, None) if noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN" else None


def _count(noun: Token) -> tuple[int, int | None] | None:
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    if not numbers and noun.like_num:
        numbers = [noun]
    if not numbers:
        return None
    number = numbers[0]
    words = " ".join(
        t.text for t in number.subtree if t.i <= number.i or t.like_num or t.lower_ in {"and", "to"}
    )
    words = re.sub(
        r"^(?:at least|more than|over|nearly|almost|some|about|around)\s+", "", words, flags=re.I
    )
    ranged = _RANGE.match(words)
    if ranged:
        low, high = parse_number(ranged.group(1)), parse_number(ranged.group(2))
        if low is not None and high is not None:
            return low, high
    value = parse_number(number.text)
    return (value, None) if value is not None else None


@lru_cache(maxsize=4096)
def parse_number(text: str) -> int | None:
    """ "169", "1,800", "4 500", "nine", "seventeen", "two hundred"."""
    digits = re.sub(r"[,\s\u00a0\u202f]", "", text)
    if digits.isdigit():
        return int(digits)
    from number_parser import parse_number as words_to_number

    value = words_to_number(text.lower())
    return int(value) if isinstance(value, int | float) else None


def _who(noun: Token) -> str:
    """The counted people: "villagers", "U.S. service members", "teenage boys"."""
    words = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod"} and not t.like_num]
    start = words[0].i if words else noun.i
    return noun.doc[start : noun.i + 1].text


def _according_to(sentence: Span) -> str | None:
    """The source the sentence's "according to" names, as written ("Associated Press")."""
    for token in sentence:
        head = according_to(token)
        if head is not None:
            first = min(t.i for t in head.subtree if t.dep_ != "det" or t.i != head.left_edge.i)
            phrase = head.doc[first : head.right_edge.i + 1].text
            return re.sub(r"^(?:the|The)\s+", "", phrase).strip(" ,.")
    return None
