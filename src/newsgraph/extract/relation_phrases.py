"""Relations stated by the shape of a phrase rather than by a trigger's two ends.

Each reader starts from one word (`readers()`: by lemma) and yields the relations the phrase
around it states:
- a unit named with a larger unit belongs to it ("2nd Battalion, 7th Mountain Brigade", "the
  3rd Battalion of the 7th Brigade", "the Brigade's 3rd Battalion"; data/unit_nouns.tsv);
- "X, together with Y, …", "X, alongside Y, …": X and Y act as allies;
- "a spokesman for X, Oskar Vellin": the parser hangs the holder of a title on the
  organisation after it; the holder belongs to the organisation.
Titles read here for relations and roles alike: "a senior Front commander", "a Front cell
leader" are one of the Front, not its leader (`one_of_several`, `title_predicate`).
Ends are resolved by the one resolver (`extract/resolve.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.provenance import modality, sentence_of
from newsgraph.extract.resolve import GROUP_TYPES, Context, actor_for_token, actors_for_tokens
from newsgraph.extract.syntax import prep_objects, subject_heads, word_kind
from newsgraph.model import Predicate, Relation, Role

_ACTING_TYPES = GROUP_TYPES | {"person"}
_WHOLE = 100  # the rank of a group whose name no unit word heads ("the Harrow Front")
_SUB_UNIT_RANK = 4  # up to a battalion: a title modified by one is a member's
_TITLE_PREPOSITIONS = {"for", "of", "at", "with"}

Reader = Callable[[ArticleFacts, Context, Token], Iterator[Relation]]


@cache
def unit_ranks() -> dict[str, int]:
    return {word: int(rank) for word, rank in lexicons.mapping("unit_nouns.tsv").items()}


def sub_unit(token: Token) -> bool:
    """A common noun naming a small unit ("cell", "gang", "squad", "battalion")."""
    rank = unit_ranks().get(token.lemma_.lower())
    return token.pos_ == "NOUN" and rank is not None and rank <= _SUB_UNIT_RANK


def stated(
    facts: ArticleFacts, trigger: Token, subject: ActorDraft, predicate: Predicate, obj: ActorDraft
) -> Relation:
    """The relation with its evidence sentence, who asserts it and its modality."""
    sentence = sentence_of(trigger)
    quote = facts.asserted_by(trigger.idx, trigger.idx + len(trigger))
    return Relation(
        subject=subject.id,
        predicate=predicate,
        object=obj.id,
        asserted_by=quote.speaker if quote else None,
        modality=modality(trigger) if trigger.pos_ in {"VERB", "AUX"} else "asserted",
        evidence=facts.evidence(sentence.start_char, sentence.end_char),
    )


def unit_membership(facts: ArticleFacts, context: Context, token: Token) -> Iterator[Relation]:
    """ "2nd Battalion, 7th Mountain Brigade", "the 3rd Battalion of the 7th Brigade", "the
    7th Brigade's 3rd Battalion": a named unit belongs to the larger unit named with it."""
    rank = unit_ranks().get(token.lemma_.lower())
    if rank is None or token.pos_ != "PROPN":
        return
    unit = actor_for_token(facts, token, context)
    if unit is None or unit.type not in GROUP_TYPES:
        return
    larger = [c for c in token.children if c.dep_ in {"appos", "poss"}] + prep_objects(token, "of")
    for other in larger:
        whole = actor_for_token(facts, other, context)
        if whole is None or whole is unit or whole.type not in GROUP_TYPES:
            continue
        if unit_ranks().get(other.lemma_.lower(), _WHOLE) > rank:
            yield stated(facts, token, unit, "member_of", whole)


def companions(facts: ArticleFacts, context: Context, token: Token) -> Iterator[Relation]:
    """ "X, together with Y, cleared the town", "Together with Y, X retook it", "X,
    alongside Y, advanced": who act together are allies."""
    together = any(c.lower_ == "together" for c in token.children)
    if token.dep_ != "prep" or not (
        (token.lower_ == "with" and together) or token.lower_ == "alongside"
    ):
        return
    host = token.head
    kind = word_kind(host)  # "retook" is sometimes tagged a noun with a subject and object
    if kind == "noun":
        firsts = [host]
    elif kind == "verb" and together:
        firsts = subject_heads(host)
    else:
        return
    seconds = [p for c in token.children if c.dep_ == "pobj" for p in (c, *c.conjuncts)]
    for first in actors_for_tokens(facts, firsts, context):
        for second in actors_for_tokens(facts, seconds, context):
            if first.id != second.id and {first.type, second.type} <= _ACTING_TYPES:
                yield stated(facts, token, first, "allied_with", second)


def title_holder_after_organisation(
    facts: ArticleFacts, context: Context, title: Token
) -> Iterator[Relation]:
    """ "a spokesman for the Front, Oskar Vellin, said": the parser hangs the name on the
    organisation; the name is the title's holder, who belongs to the organisation."""
    for preposition in title.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in _TITLE_PREPOSITIONS:
            continue
        for organisation in preposition.children:
            if organisation.dep_ != "pobj":
                continue
            for name in organisation.children:
                if name.dep_ != "appos" or name.pos_ != "PROPN":
                    continue
                person = actor_for_token(facts, name, context)
                group = actor_for_token(facts, organisation, context)
                if person is None or group is None or person.type != "person":
                    continue
                if group.type in GROUP_TYPES:
                    predicate = title_predicate([title.lower_])
                    yield stated(facts, name, person, predicate, group)


def title_predicate(words: list[str]) -> Predicate:
    """ "leader", "managing director" -> leader_of; "founder" -> founder_of; "deputy
    director", "spokesman", "a cell commander" -> member_of (data/role_predicates.tsv)."""
    table = lexicons.mapping("role_predicates.tsv")
    if len(words) > 1 and (table.get(words[-2]) == "member_of" or _small_unit_word(words[-2])):
        return "member_of"
    return table.get(words[-1], "member_of")  # type: ignore[return-value]


def one_of_several(noun: Token) -> bool:
    """ "a commander of X", "a senior X commander", "X commanders", "a Front cell leader":
    a title several people hold at once makes its holder one of the group, not its leader."""
    if noun.tag_ in {"NNS", "NNPS"}:
        return True
    if any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in noun.children):
        return True
    table = lexicons.mapping("role_predicates.tsv")
    modifiers = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}]
    return any(table.get(m.lower_) == "member_of" or sub_unit(m) for m in modifiers)


def sub_unit_led(noun: Token) -> Token | None:
    """ "a Front cell commander", "the leader of a Front cell", "a gang leader": the small
    unit a title's holder leads (data/unit_nouns.tsv)."""
    if word_kind(noun) != "noun":
        return None
    for child in noun.children:
        if child.dep_ in {"compound", "nmod"} and sub_unit(child):
            return child
    return next((pobj for pobj in prep_objects(noun, "of") if sub_unit(pobj)), None)


def title_token(
    facts: ArticleFacts, person_id: str, role: Role, start: int, end: int
) -> Token | None:
    """The title's head word in the sentence, the one nearest a mention of its holder."""
    span = facts.doc.char_span(start, end, alignment_mode="expand")
    words = role.title.lower().split()
    candidates = [t for t in span if words and t.lower_ == words[-1]] if span is not None else []
    mentions = [m for m, _ in facts.actor(person_id).mentions if start <= m < end]
    if not candidates or not mentions:
        return candidates[0] if candidates else None
    return min(candidates, key=lambda t: min(abs(t.idx - m) for m in mentions))


def _small_unit_word(word: str) -> bool:
    rank = unit_ranks().get(word)
    return rank is not None and rank <= _SUB_UNIT_RANK


@cache
def readers() -> dict[str, tuple[Reader, ...]]:
    """The readers by the lower-case lemma of the token they start from."""
    table: dict[str, list[Reader]] = {}
    for word in unit_ranks():
        table.setdefault(word, []).append(unit_membership)
    for word in ("with", "alongside"):
        table.setdefault(word, []).append(companions)
    for word in lexicons.words("titles.tsv"):
        table.setdefault(word, []).append(title_holder_after_organisation)
    return {word: tuple(found) for word, found in table.items()}
