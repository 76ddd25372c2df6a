"""Where a relation's ends stand relative to its trigger: the places of
`data/relation_triggers.tsv`.

Each place is one small function from the trigger to the head tokens standing there,
registered under the name the data file uses (as spaCy registers its components). A new
phenomenon is one function here, one line in the data file and its test; a name the data
file uses that nothing registered is an error when the file is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.syntax import (
    ATTACK_NOUNS,
    is_passive,
    object_heads,
    prep_objects,
    subject_heads,
)

Finder = Callable[[Token], list[Token]]

_HELD_BY_CLAUSE = lexicons.words("clause_held_nouns.tsv")
_WAGING_VERBS = lexicons.words("waging_verbs.tsv")
_FIGHT_NOUNS = lexicons.words("fight_nouns.tsv")
HELP_WORDS = lexicons.words("help_words.tsv")
_SPECIFIERS = {"det", "poss", "compound", "amod", "nummod", "nmod"}


@dataclass(frozen=True)
class Place:
    """A named place: how to find its heads, and how its actors are read.

    `acted_on`: the end is acted on, so a thing there that is no actor stands for its owner
    or doer ("condemned ISIL's savagery"). `listed`: the heads' conjuncts and listed
    appositions stand there too ("X and Y").
    """

    name: str
    find: Finder
    acted_on: bool = False
    listed: bool = True

    def tokens(self, trigger: Token) -> list[Token]:
        """The heads standing at this place relative to the trigger, conjuncts included."""
        heads = self.find(trigger)
        return with_conjuncts(heads) if self.listed else heads


def with_conjuncts(heads: list[Token]) -> list[Token]:
    """Each head, then its conjuncts and listed appositions ("X, Y and Z")."""
    return [c for head in heads for c in (head, *head.conjuncts, *listed_appositions(head))]


PLACES: dict[str, Place] = {}
PREFIXED: dict[str, Callable[[str], Place]] = {}


def register(name: str, acted_on: bool = False, listed: bool = True) -> Callable[[Finder], Finder]:
    """Register the decorated function as the place `name` of the data file."""

    def add(find: Finder) -> Finder:
        PLACES[name] = Place(name, find, acted_on=acted_on, listed=listed)
        return find

    return add


def place(name: str) -> Place:
    """The place the data file calls `name` ("subj", "prep:with"); KeyError if none is."""
    if name in PLACES:
        return PLACES[name]
    prefix, colon, argument = name.partition(":")
    if colon and prefix in PREFIXED and argument:
        return PREFIXED[prefix](argument)
    raise KeyError(name)


def _preposition(word: str) -> Place:
    """ "prep:with": the object of the preposition on the trigger (or its direct object)."""
    return Place(f"prep:{word}", partial(prep_objects, word=word), acted_on=True)


PREFIXED["prep"] = _preposition


@register("obj", acted_on=True)
def objects(verb: Token) -> list[Token]:
    """Who it is done to (`syntax.object_heads`); a past participle with no agent describes
    its object: "a group affiliated with X", "the town captured last week"."""
    found = object_heads(verb)
    if found or verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return found
    noun = verb.head
    return [noun.head if noun.dep_ == "appos" else noun]


@register("subj")
def doers(verb: Token) -> list[Token]:
    """Who does it: the verb's subjects (`participle_subjects`), each attack among them
    standing for whoever made it: "airstrikes by X killed Y", "X's shelling wounded Y"."""
    found: list[Token] = []
    for subject in participle_subjects(verb):
        if subject.lower_ in ATTACK_NOUNS or subject.lemma_.lower() in ATTACK_NOUNS:
            makers = [c for c in subject.children if c.dep_ == "poss"]
            found.extend(makers + prep_objects(subject, "by") or [subject])
        else:
            found.append(subject)
    return found


def participle_subjects(verb: Token) -> list[Token]:
    """The verb's subjects (`syntax.subject_heads`); a present participle describing a noun
    has that noun for its subject: "a coalition conducting strikes against X", "the Guard,
    fighting X since May, …", "militias fighting X"."""
    participle = verb.dep_ == "acl" and verb.tag_ == "VBG"
    adjective = verb.dep_ in {"amod", "acl"} and verb.pos_ == "ADJ" and verb.i > verb.head.i
    if (participle or adjective) and verb.head.pos_ in {"NOUN", "PROPN"}:
        noun = verb.head  # "the 5th Brigade, loyal to X": an adjective after its noun
        if noun.tag_ == "NNS" and not any(
            c.dep_ in _SPECIFIERS and c.i != verb.i for c in noun.children
        ):
            return []  # "fighters loyal to X": a bare plural names a class, no one in particular
        return [noun.head if noun.dep_ == "appos" else noun]
    return subject_heads(verb)


@register("members")
def _listed_members(verb: Token) -> list[Token]:
    """ "the alliance includes / comprises X and Y", "is made up of / consists of X and Y":
    the members listed, when they are organisations named one by one; not a class of
    people ("made up of Afghans and Pakistanis", "comprises 40 tribes")."""
    heads = [c for c in verb.children if c.dep_ == "dobj"] or prep_objects(verb, "of")
    return [h for h in heads if h.tag_ not in {"NNS", "NNPS"}]


@register("poss")
def _possessors(noun: Token) -> list[Token]:
    """ "the Front's commander", "Taliban leader": the possessor or a compounded name."""
    return [c for c in noun.children if c.dep_ in {"poss", "compound"}]


@register("pobj")
def _own_object(trigger: Token) -> list[Token]:
    """ "the coalition, including X": the object of a preposition-like verb."""
    return [c for c in trigger.children if c.dep_ == "pobj"]


@register("head")
def _host_noun(trigger: Token) -> list[Token]:
    """ "the coalition, including X": the noun the trigger hangs from."""
    return [trigger.head] if trigger.head.pos_ in {"NOUN", "PROPN"} else []


@register("between")
@register("co")
def _read_as_pair(trigger: Token) -> list[Token]:
    """ "between X and Y", "X and Y signed a truce": both ends come from one pair, which
    relations._ends reads; alone, the place holds nobody."""
    return []


@register("recipient")
def _recipients(verb: Token) -> list[Token]:
    """Who is given something: "provided the rebels weapons", "provided the government with
    training" (not "provided 125 soldiers": what is given)."""
    datives = [c for c in verb.children if c.dep_ == "dative"]
    # "provided training and equipment to X": the parser may call "to" the dative
    datives = [o for d in datives for o in (_objects_of(d) if d.pos_ == "ADP" else [d])]
    if datives or not prep_objects(verb, "with"):
        return datives
    return [c for c in verb.children if c.dep_ == "dobj"]


def _objects_of(preposition: Token) -> list[Token]:
    return [c for c in preposition.children if c.dep_ == "pobj"]


@register("claimed", acted_on=True)
def _claimed_targets(verb: Token) -> list[Token]:
    """ "claimed responsibility for the attack on X", "took credit for strikes against X":
    the target of the attack claimed."""
    attacks = [a for a in prep_objects(verb, "for") if a.lemma_.lower() in ATTACK_NOUNS]
    return [t for a in attacks for word in ("on", "against") for t in prep_objects(a, word)]


@register("prefix")
def _hyphen_prefix(participle: Token) -> list[Token]:
    """ "Iran-backed", "the U.S.-led coalition": the name joined by a hyphen before the
    participle (the tokenizer splits it off)."""
    doc, i = participle.doc, participle.i
    if (
        i < 2
        or doc[i - 1].text not in {"-", "–"}
        or doc[i - 1].whitespace_
        or doc[i - 2].whitespace_
    ):
        return []
    return [doc[i - 2]]


@register("sufferer")
def _sufferers(hands: Token) -> list[Token]:
    """ "citizens who suffered at the hands of X", "were killed at the hands of X", "the
    Yazidis' plight at the hands of X": who suffered what X did."""
    at = hands.head
    if hands.dep_ != "pobj" or at.lower_ != "at":
        return []
    host = at.head
    if host.pos_ in {"VERB", "AUX"}:
        return object_heads(host) if is_passive(host) else subject_heads(host)
    owners = [c for c in host.children if c.dep_ in {"poss", "compound", "amod"}]
    return owners or [host]


@register("holder", listed=False)
def _holder_place(noun: Token) -> list[Token]:
    """What the noun describes (see `holders`), with its conjuncts unless the noun is itself
    set beside a name."""
    heads = holders(noun)
    if noun.dep_ in {"appos", "compound"}:
        # "leader Ayman al-Zawahiri and Mullah Haibatullah": only the first
        return heads
    return with_conjuncts(heads)


def holders(noun: Token) -> list[Token]:
    """What the noun describes: "X, an affiliate of Y", "Y's affiliate, X", "X is an
    affiliate of Y", "recognised X as an affiliate", "Taliban leader Haibatullah"."""
    if noun.dep_ == "appos":
        return [noun.head]
    named = [c for c in noun.children if c.dep_ == "appos"]
    if named:
        return named
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        return [noun.head]
    if noun.dep_ in {"attr", "acomp"}:
        return [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if noun.dep_ == "oprd":  # "X was appointed head of Y", "Y named X its commander"
        return [c for c in noun.head.children if c.dep_ in {"dobj", "nsubjpass"}]
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        # "recognised X as an affiliate"; "X is working as part of Y", "X, as part of Y, …"
        verb = noun.head.head
        described = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if noun.lemma_.lower() == "part" and not any(d.pos_ == "PROPN" for d in described):
            # "we protect those in need as part of Y", "bombed its positions as part of Y":
            # the doers are part of Y, not what they act on
            return subject_heads(verb)
        return described or subject_heads(verb)
    fighters = _fighters_helped(noun)
    if fighters:
        return fighters
    if noun.lemma_.lower() in _HELD_BY_CLAUSE and noun.dep_ in {"pobj", "dobj"}:
        # "consulted X during the negotiations with Y", "keep ties with Y": the clause's
        # subject holds the talks, the ties
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ in {"VERB", "AUX"}:
            return subject_heads(verb)
    waged = noun.dep_ == "dobj" and noun.head.lemma_.lower() in _WAGING_VERBS
    # an attack is a clause subject's only when it launches or carries it out: "launched
    # strikes against X", not "condemned the attack on X"
    if noun.lemma_.lower() in ATTACK_NOUNS and waged:
        return participle_subjects(noun.head)
    return []


def _fighters_helped(noun: Token) -> list[Token]:
    """ "support for X in the fight against Y", "its support of X and Y in their fight
    against Y", "backs X in its war on Y": the fight is the one helped, not the helper's."""
    if noun.lemma_.lower() not in _FIGHT_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return []
    host = noun.head.head
    if host.pos_ in {"VERB", "AUX"}:  # "backs X in …", "reiterates support for X in …"
        objects = [c for c in host.children if c.dep_ == "dobj"]
        if host.lemma_.lower() in HELP_WORDS:
            return objects
        if objects:
            return _helped_by(objects[0])
        # "remains steadfast in its support of X … in their fight against Y"
        helps = [t for t in host.subtree if t.pos_ == "NOUN" and t not in noun.subtree]
        return [helped for help in helps for helped in _helped_by(help)]
    first = host
    while first.dep_ == "conj":  # "X and the people in their fight": both of them
        first = first.head
    helper = first.head.head if first.dep_ == "pobj" else first.head
    if first.dep_ in {"dobj", "pobj"} and helper.lemma_.lower() in HELP_WORDS:
        return [first]
    return _helped_by(host)


def _helped_by(noun: Token) -> list[Token]:
    """Who the help noun is for: "support for X", "its support of X"."""
    if noun.lemma_.lower() not in HELP_WORDS:
        return []
    return [pobj for word in ("for", "of", "to") for pobj in prep_objects(noun, word)]


def listed_appositions(head: Token) -> list[Token]:
    """ "The UK, the Coalition and the Government of Iraq": the parser takes the second
    item of a list for an apposition of the first; an apposition with conjuncts is a list."""
    return [
        c for a in head.children if a.dep_ == "appos" and a.conjuncts for c in (a, *a.conjuncts)
    ]


def between(noun: Token) -> list[Token]:
    """ "talks between X and Y": both ends, X and its conjuncts."""
    return [
        c
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for c in (pobj, *pobj.conjuncts)
    ]
