"""Descriptions: common noun phrases that refer to actors (the later passes of a
deterministic coreference sieve, in the manner of Stanford's multi-pass resolver).

Called by the resolver (extract/resolve.py) for a phrase in an actor slot that no name covers;
the head nouns and what they describe are data (data/description_nouns.tsv):
- a definite person description ("the senator", "the 43-year-old", "the woman") takes up the
  person named before: strict head match on the person's role titles first, then the nearest
  person outside quotations whose gender agrees;
- a definite organisation description ("the ministry", "the daily", "the terrorist group")
  takes up the latest actor whose name holds the noun, else the latest of an agreeing type; a
  modifier that names it and no antecedent ("the Varnova campaign") make it an actor itself;
- a plural of people acting as one ("Velmoran officials", "analysts", "residents") is a group
  actor, the same name later the same group; a singular one ("a source") is nobody;
- a document ("the report", "a leaked ministry memo") is an actor of type other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.names import normalize_name
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.syntax import noun_phrase
from newsgraph.model import GROUP_TYPES, ActorType

_DEFINITE = {"the", "this", "that", "these", "those"}
_QUANTIFIERS = {"some", "several", "many", "most", "other", "others", "few", "all", "both",
                "multiple", "various", "numerous", "certain", "more", "two", "three", "dozens",
                "hundreds", "thousands", "a", "an", "one", "each", "any", "no"}  # fmt: skip
_NAME_DEPS = {"compound", "amod", "nmod"}
_PERSON_WINDOW = 1500  # characters: how far back a description finds its person
Quoted = Callable[[int], bool]  # whether an offset lies inside a quotation
Resolve = Callable[[Token], "ActorDraft | None"]  # the resolver, for an owner's phrase


@dataclass(frozen=True)
class Description:
    type: ActorType
    kind: str  # person, organisation, group, document, modifier
    gender: str | None


@cache
def _descriptions() -> dict[str, Description]:
    table = {}
    for row in lexicons.rows("description_nouns.tsv"):
        gender = row[3] if len(row) > 3 and row[3] else None
        table[row[0].casefold()] = Description(row[1], row[2], gender)  # type: ignore[arg-type]
    return table


def description_of(head: Token) -> Description | None:
    """What the head noun describes, by its form and then its lemma; "43-year-old" is a
    person."""
    table = _descriptions()
    entry = table.get(head.lower_) or table.get(head.lemma_.lower())
    if entry is not None and entry.kind != "modifier":
        return entry
    if _is_age(head) or head.lower_ in lexicons.words("titles.tsv"):
        return Description("person", "person", None)  # "the 43-year-old", "the minister"
    return None


def part_of(head: Token) -> Token | None:
    """ "voters" in "52 percent of registered voters", "half of the residents": the group a
    share of it stands for."""
    entry = _descriptions().get(head.lower_)
    if entry is None or entry.kind != "part":
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((t for t in prep.children if t.dep_ == "pobj"), None)
    return None


def speaks(head: Token) -> bool:
    """The phrase is the subject of a speech verb, or what "according to" names."""
    verb = head.head
    if head.dep_ in {"nsubj", "nsubjpass"}:
        return verb.lemma_.lower() in lexicons.words("speech_verbs.tsv")
    return head.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lower_ == "according"


def _is_age(head: Token) -> bool:
    """ "the 43-year-old": "old" after "year" and a number."""
    if head.lower_ != "old" or head.i < 2:
        return False
    words = [t.lower_ for t in head.doc[max(0, head.i - 4) : head.i]]
    return "year" in words or "years" in words


def described_actor(
    facts: ArticleFacts, head: Token, quoted: Quoted, resolve: Resolve
) -> ActorDraft | None:
    """The actor a common-noun phrase headed by `head` refers to, found or made; None when
    it is nobody in particular. `quoted(offset)` says whether an offset lies in a quotation;
    `resolve` is the resolver itself, for an owner ("his campaign")."""
    entry = description_of(head)
    if entry is None:
        return None
    determiners = {t.lower_ for t in head.children if t.dep_ in {"det", "predet"}}
    definite = bool(determiners & _DEFINITE)
    plural = head.tag_ in {"NNS", "NNPS"}
    actor: ActorDraft | None = None
    if entry.kind == "person" and definite and not plural:  # not "a local pediatrician"
        actor = _person_before(facts, head, entry, quoted)
    elif entry.kind == "organisation" and (owner := _possessor(head)) is not None:
        actor = _owned(facts, head, entry, resolve(owner))
    elif entry.kind == "organisation":
        actor = _organisation(facts, head, entry, definite, quoted)
    elif entry.kind == "group" and plural:  # not "an official", "a source"
        actor = _group(facts, head, entry)
    elif entry.kind == "document" and speaks(head):  # "the memo said"; not "seized documents"
        actor = _document(facts, head, definite)
    if actor is not None and facts.actor_at(head.idx, head.idx + len(head)) is None:
        start = min((t.left_edge.idx for t in head.lefts if t.dep_ != "det"), default=head.idx)
        if facts.actor_at(start, head.idx) is not None:
            start = head.idx
        facts.add_mention(actor, start, head.idx + len(head))  # "43-year-old", not "old"
    return actor


def narrowed(actor: ActorDraft, head: Token) -> ActorDraft:
    """ "The Order ... The terrorist group said": a description that types the actor it takes
    up tells what the actor is (an organisation is an armed group)."""
    if actor.type == "organization" and _modifier_type(head) == "armed_group":
        actor.type = "armed_group"
    return actor


def _person_before(
    facts: ArticleFacts, head: Token, entry: Description, quoted: Quoted
) -> ActorDraft | None:
    """Strict head match (a role title holding the noun) first, then the nearest person
    outside quotations whose gender agrees."""
    from newsgraph.extract.resolve import gender_of

    noun = head.lower_
    nearest: ActorDraft | None = None
    for start, _, actor_id in facts.mentions_before(head.idx):
        if head.idx - start > _PERSON_WINDOW:
            break
        actor = facts.actor(actor_id)
        if actor.type != "person" or quoted(start):
            continue
        if any(noun in role.title.lower().split() for role in actor.roles):
            return actor
        if nearest is None and (entry.gender is None or gender_of(actor) in (entry.gender, None)):
            nearest = actor
    return nearest


def _possessor(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "poss"), None)


def _owned(
    facts: ArticleFacts, head: Token, entry: Description, owner: ActorDraft | None
) -> ActorDraft | None:
    """ "Trump's campaign", "his campaign": a person's organisation is an actor of its own,
    named after its owner; "Kestria's government" is Kestria."""
    if owner is None:
        return None
    if owner.type != "person":
        return owner if owner.type in GROUP_TYPES else None
    name = f"{owner.name} {head.lemma_.lower()}"
    key = normalize_name(name)
    actor = next((a for a in facts.actors if normalize_name(a.name) == key), None)
    return actor or facts.new_actor(name, entry.type)


def _organisation(
    facts: ArticleFacts, head: Token, entry: Description, definite: bool, quoted: Quoted
) -> ActorDraft | None:
    names = _naming_modifiers(head)
    wanted: ActorType = _modifier_type(head) or entry.type
    if definite and not names:
        actor = _organisation_before(facts, head, wanted, quoted)
        return narrowed(actor, head) if actor is not None else None
    if not names:
        return None  # "a company", "a party": nobody in particular
    return _find_or_make(facts, head, names, wanted)


def _organisation_before(
    facts: ArticleFacts, head: Token, wanted: ActorType, quoted: Quoted
) -> ActorDraft | None:
    """The latest actor whose name holds the noun ("the ministry" after "Ministry of
    Water"), else the latest of the wanted type (a newspaper is an organisation)."""
    noun = head.lemma_.lower()
    typed: ActorDraft | None = None
    for start, _, actor_id in facts.mentions_before(head.idx):
        if quoted(start):
            continue
        actor = facts.actor(actor_id)
        words = {w for n in (actor.name, *actor.aliases) for w in normalize_name(n).split()}
        if noun in words and actor.type != "person":
            return actor
        if typed is None and _agrees(actor.type, wanted):
            typed = actor
    return typed


def _agrees(actual: str, wanted: str) -> bool:
    if wanted == "organization":
        return actual in {"organization", "armed_group"}
    return actual == wanted or (wanted == "government" and actual == "state")


def _modifier_type(head: Token) -> ActorType | None:
    table = _descriptions()
    for child in head.lefts:
        entry = table.get(child.lower_)
        if entry is not None and entry.kind == "modifier":
            return entry.type
    return None


def _naming_modifiers(head: Token) -> list[Token]:
    """ "Varnova" in "the Varnova campaign", "Velmoran" in "the influential Velmoran daily":
    capitalised words that name the actor (not "influential", not "leaked")."""
    return [
        t
        for t in noun_phrase(head)
        if t.i < head.i
        and t.dep_ in _NAME_DEPS
        and t.text[:1].isupper()
        and t.lower_ not in _QUANTIFIERS
        and t.is_alpha
    ]


def _group(facts: ArticleFacts, head: Token, entry: Description) -> ActorDraft:
    """ "Kestrian tribesmen", "Democratic strategists", "residents": named by the words that
    name it and the noun, the same group wherever the same name comes back."""
    phrase = noun_phrase(head)
    words = [
        t
        for t in phrase
        if t.i < head.i
        and t.dep_ in _NAME_DEPS
        and t.lower_ not in _QUANTIFIERS
        and not t.like_num
        and (t.is_alpha or "-" in t.text)
    ]
    return _find_or_make(facts, head, words, entry.type)


def _document(facts: ArticleFacts, head: Token, definite: bool) -> ActorDraft:
    """ "the report" takes up the latest document with that head noun; any other document
    phrase is one of its own, named by its words ("leaked ministry memo")."""
    noun = head.lemma_.lower()
    if definite:
        for _, _, actor_id in facts.mentions_before(head.idx):
            actor = facts.actor(actor_id)
            if actor.type == "other" and noun in normalize_name(actor.name).split():
                return actor
    words = [t for t in noun_phrase(head) if t.i < head.i and t.dep_ in _NAME_DEPS]
    return _find_or_make(facts, head, words, "other")


def _find_or_make(
    facts: ArticleFacts, head: Token, words: list[Token], type: ActorType
) -> ActorDraft:
    """The actor already so named (exact match, the sieve's first pass), else a new one named
    by the words that name it and the noun."""
    start = words[0].idx if words else head.idx
    name = " ".join(facts.text[start : head.idx + len(head)].split())
    key = normalize_name(name)
    actor = next(
        (a for a in facts.actors if normalize_name(a.name) == key and a.type != "person"), None
    )
    if actor is None:
        actor = facts.new_actor(name, type)
    _mention(facts, actor, head, start)
    return actor


def _mention(facts: ArticleFacts, actor: ActorDraft, head: Token, start: int) -> None:
    """The phrase as the actor's mention: from its first naming word to the head when no
    other actor's mention lies inside it (mentions do not nest), else the head alone."""
    end = head.idx + len(head)
    if start >= head.idx or facts.actor_at(start, head.idx) is not None:
        start = head.idx
    facts.add_mention(actor, start, end)


def describes_a_person(head: Token) -> bool:
    """ "girl", "farmer", "spokesman": a noun for one person (a description or a title)."""
    entry = description_of(head)
    return entry is not None and entry.kind == "person"


def organisation_type(name: str) -> ActorType:
    """The type a body's own name gives it: "Kestrian Ministry of Defence" is a government."""
    table = _descriptions()
    for word in normalize_name(name).split():
        entry = table.get(word)
        if entry is not None and entry.kind == "organisation":
            return entry.type
    return "organization"


def names_a_plural(name: str) -> bool:
    """ "Kestrian officials", "rebels", "Velmoran troops": a name headed by a plural noun of
    people, which "they" may take up and "it" may not."""
    words = name.lower().split()
    if not words or not words[-1].endswith("s"):
        return False
    entry = _descriptions().get(words[-1])
    return (entry is not None and entry.kind == "group") or words[-1] in lexicons.words(
        "group_nouns.tsv"
    )
