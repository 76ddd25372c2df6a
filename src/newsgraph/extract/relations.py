"""Relations between actors, from trigger words over the dependency parse.

The triggers are data (`data/relation_triggers.tsv`): a verb or noun lemma, the predicate it
states, and where its two ends stand ("subj", "obj", "prep:with", "holder", "poss",
"between"). Each end is resolved to an actor with the same resolver quotes use, so "its
commanders", "the Front" and "he" work as well as names. Roles read by the roles stage
("Oskar Vellin, a spokesman for the HLF") give member_of / leader_of / founder_of too.

Every relation carries its evidence sentence, who asserts it (the speaker when it stands in a
quote or reported speech), its modality and its time bounds ("since 2018").

Besides the table: verbs it does not list, through their CAMEO codes (`relation_cameo.py`),
and relations stated by the shape of a phrase (`relation_phrases.py`: units, "together
with", a title's holder set after its organisation).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract import relation_conditions
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.provenance import modality, sentence_of, time_bounds
from newsgraph.extract.relation_cameo import verb_stance
from newsgraph.extract.relation_phrases import (
    one_of_several,
    readers,
    sub_unit_led,
    title_predicate,
    title_token,
)
from newsgraph.extract.relation_places import HELP_WORDS, between, place
from newsgraph.extract.resolve import (
    GROUP_TYPES,
    PARENT_NOUNS,
    Context,
    actor_for_token,
    actors_for_tokens,
    offshoot_of,
)
from newsgraph.extract.syntax import (
    ATTACK_NOUNS,
    prep_objects,
    root_subjects,
    sentence,
    subject_heads,
    word_kind,
)
from newsgraph.model import SYMMETRIC_PREDICATES, Evidence, Predicate, Relation, Role

_ACTING_TYPES = GROUP_TYPES | {"person"}
_DOER_NOUNS = lexicons.words("doer_nouns.tsv")
_HELD_NOUNS = lexicons.words("held_nouns.tsv")
_ORG_OBJECT = {"member_of", "leader_of", "founder_of", "affiliate_of", "splinter_of"}
_JOINING = {"member_of", "pledged_allegiance_to"}
_CREATION_VERBS = lexicons.words("creation_verbs.tsv")


@dataclass(frozen=True)
class Pattern:
    kind: str
    word: str
    predicate: Predicate
    subject: tuple[str, ...]
    object: tuple[str, ...]
    condition: tuple[str, frozenset[str]] | None
    # from a CAMEO code, not the table: both ends must be actors as named (no owner standing
    # for a thing acted on, no place acting for its government)
    broad: bool = False


class TriggerTableError(ValueError):
    """A line of data/relation_triggers.tsv names a place or condition nothing registered."""


@cache
def patterns() -> dict[tuple[str, str], tuple[Pattern, ...]]:
    table: dict[tuple[str, str], list[Pattern]] = {}
    for row in lexicons.rows("relation_triggers.tsv"):
        kind, word, predicate, subject, obj = row[:5]
        condition = None
        if len(row) > 5 and row[5]:
            name, _, values = row[5].partition("=")
            condition = (name, frozenset(values.split("|")))
        _check_names(row, kind, (*subject.split("|"), *obj.split("|")), condition)
        pattern = Pattern(
            kind,
            word,
            predicate,  # type: ignore[arg-type]  # checked by tests/test_relations.py
            tuple(subject.split("|")),
            tuple(obj.split("|")),
            condition,
        )
        table.setdefault((kind, word), []).append(pattern)
    return {key: tuple(value) for key, value in table.items()}


def _check_names(
    row: list[str],
    kind: str,
    places: tuple[str, ...],
    condition: tuple[str, frozenset[str]] | None,
) -> None:
    """Raise on a kind, place or condition that nothing registered: a typo in the data file
    fails when it is loaded, not silently on every article."""
    line = "\t".join(row)
    if kind not in {"verb", "noun"}:
        raise TriggerTableError(f"relation_triggers.tsv: unknown kind {kind!r} in: {line}")
    for name in places:
        try:
            place(name)
        except KeyError:
            raise TriggerTableError(
                f"relation_triggers.tsv: unknown place {name!r} in: {line}"
            ) from None
    if condition is not None and not relation_conditions.known(condition[0]):
        raise TriggerTableError(
            f"relation_triggers.tsv: unknown condition {condition[0]!r} in: {line}"
        )


def extract_relations(facts: ArticleFacts) -> None:
    context = Context.after_quotes(facts)
    found: list[Relation] = []
    table = patterns()
    triggers = {word for _, word in table}
    phrase_readers = readers()
    verbs = facts.resources.verb_lexicon()
    for token in facts.tokens():
        lemma = token.lemma_.lower()
        for read in phrase_readers.get(lemma, ()):
            found.extend(read(facts, context, token))
        kind = word_kind(token) if lemma in triggers or token.pos_ == "VERB" else None
        listed = [p for p in table.get((kind or "", lemma), ()) if _condition_holds(p, token)]
        for pattern in listed:
            found.extend(_relations(facts, context, pattern, token))
        if not listed and token.pos_ == "VERB":
            stance = verb_stance(verbs, token)  # a verb the table does not read here
            if stance is not None:
                broad = Pattern("verb", lemma, stance[0], ("subj",), stance[1], None, True)
                found.extend(_relations(facts, context, broad, token))
    found.extend(_role_relations(facts))
    facts.relations.extend(_deduplicated(found))


def _condition_holds(pattern: Pattern, trigger: Token) -> bool:
    if pattern.condition is None:
        return True
    name, values = pattern.condition
    check = relation_conditions.TRIGGER_CONDITIONS.get(name)
    return check is None or check(trigger, values)  # end conditions wait for the ends


def _relations(
    facts: ArticleFacts, context: Context, pattern: Pattern, trigger: Token
) -> Iterator[Relation]:
    unit = sub_unit_led(trigger) if pattern.predicate == "leader_of" else None
    if pattern.predicate == "leader_of" and (unit is not None or one_of_several(trigger)):
        # "a Front cell commander" leads a cell, "a senior Front commander" is one of
        # several: either is one of the Front, not its leader
        pattern = replace(pattern, predicate="member_of")
    subjects, objects = _ends(facts, context, pattern, trigger)
    if unit is not None and not objects:  # "the leader of a Front cell"
        owners = [c for c in unit.children if c.dep_ in {"compound", "poss", "nmod"}]
        objects = [a for a in actors_for_tokens(facts, owners, context) if a.type in GROUP_TYPES]
    if pattern.condition is not None:
        name, values = pattern.condition
        keep = relation_conditions.END_CONDITIONS.get(name)
        if keep is not None:
            subjects, objects = keep(subjects, objects, values)
    if not subjects or not objects:
        return
    sentence = sentence_of(trigger)
    evidence = facts.evidence(sentence.start_char, sentence.end_char)
    quote = facts.asserted_by(trigger.idx, trigger.idx + len(trigger))
    creation = _creation_verb(trigger) if pattern.kind == "noun" else None
    since, until = (
        time_bounds(creation, climb=True) if creation is not None else time_bounds(trigger)
    )
    mood = (
        modality(trigger)
        if pattern.kind == "verb" or trigger.dep_ in {"attr", "acomp"}
        else "asserted"
    )
    speaker = quote.speaker if quote else None
    yield from _joint_fighters(pattern, subjects, objects, trigger, evidence, speaker)
    for subject in subjects:
        for obj in objects:
            if _fits(pattern, subject, obj):
                yield Relation(
                    subject=subject.id,
                    predicate=pattern.predicate,
                    object=obj.id,
                    asserted_by=quote.speaker if quote else None,
                    modality=mood,
                    since=since,
                    until=until,
                    evidence=evidence,
                )


def _joint_fighters(
    pattern: Pattern,
    subjects: list[ActorDraft],
    objects: list[ActorDraft],
    trigger: Token,
    evidence: Evidence,
    asserted_by: str | None,
) -> Iterator[Relation]:
    """ "X, Y and Z are committed to defeating W": those who fight a common enemy together
    are allies; so are those who launch an attack together ("X and Y launched an offensive
    against Z"), not those helped in a fight ("support for X and Y in their fight")."""
    if pattern.predicate != "fighting" or not objects:
        return
    if pattern.kind == "noun" and pattern.word not in ATTACK_NOUNS:
        return
    fighters = [s for s in subjects if s.type in _ACTING_TYPES and not _vague(s)]
    if any(o in fighters for o in objects):
        return
    for i, first in enumerate(fighters):
        for second in fighters[i + 1 :]:
            yield Relation(
                subject=first.id,
                predicate="allied_with",
                object=second.id,
                asserted_by=asserted_by,
                modality=modality(trigger),
                evidence=evidence,
            )


def _ends(
    facts: ArticleFacts, context: Context, pattern: Pattern, trigger: Token
) -> tuple[list[ActorDraft], list[ActorDraft]]:
    if "between" in pattern.subject:
        pair = actors_for_tokens(facts, between(trigger), context) or _hyphen_pair(facts, trigger)
        if len(pair) >= 2:
            return pair[:1], pair[1:]
    if _with_help_of(pattern, trigger):  # "took the town with the support of X"
        helpers = actors_for_tokens(facts, prep_objects(trigger, "of"), context)
        return helpers, actors_for_tokens(facts, subject_heads(trigger.head.head), context)
    if pattern.broad:
        subjects = _first_filled(facts, context, pattern.subject, trigger, as_named=True)
        return subjects, _first_filled(facts, context, pattern.object, trigger, as_named=True)
    subjects = _first_filled(facts, context, pattern.subject, trigger)
    if pattern.predicate in _JOINING and _said_of_members(pattern, trigger):
        subjects = []
    objects = _first_filled(facts, context, pattern.object, trigger)
    creation = _creation_verb(trigger) if pattern.kind == "noun" else None
    if creation is not None and not (subjects and objects):
        creators = actors_for_tokens(facts, subject_heads(creation), context) or _sentence_subject(
            facts, context, trigger
        )
        if pattern.word in PARENT_NOUNS:  # "ISIS … set up an affiliate": ISIS is the parent
            objects = objects or creators
        else:  # "… forming their own splinter group": the formers are the splinter
            subjects = subjects or creators
            objects = objects or _nearest_other_group(facts, trigger, subjects)
    if "co" in pattern.object and not objects and len(subjects) > 1:
        objects = subjects  # "X and Y signed a truce", "X, Y and Z advanced": each pair
    if pattern.kind == "noun" and not subjects and objects:
        subjects = _implied_holder(facts, pattern, trigger, objects)
    if pattern.kind == "noun" and not subjects:
        subjects, objects = _person_with_group(facts, context, trigger) or (subjects, objects)
    return subjects, objects


def _with_help_of(pattern: Pattern, noun: Token) -> bool:
    """ "X captured the town with the help of Y": Y helps X, whatever the help noun's own
    ends say."""
    return (
        pattern.kind == "noun"
        and pattern.word in HELP_WORDS
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
        and noun.head.head.pos_ in {"VERB", "AUX"}
    )


def _person_with_group(
    facts: ArticleFacts, context: Context, noun: Token
) -> tuple[list[ActorDraft], list[ActorDraft]] | None:
    """ "the founder of the Taliban Mullah Omar": the parse puts the whole name after "of";
    the person is the holder, the group compounded into the name the object."""
    for pobj in prep_objects(noun, "of"):
        person = actor_for_token(facts, pobj, context)
        if person is None or person.type != "person":
            continue
        modifiers = [t for t in pobj.subtree if t.i < pobj.i and t.dep_ in {"compound", "nmod"}]
        groups = actors_for_tokens(facts, modifiers, context)  # "Taliban" hangs from "Mullah"
        groups = [g for g in groups if g.type in GROUP_TYPES]
        if groups:
            return [person], groups[:1]
    return None


def _creation_verb(noun: Token) -> Token | None:
    """The verb that creates the thing the noun names: "set up an affiliate", "formed their
    own splinter group" (the noun may modify the object: "splinter group")."""
    head = noun.head if noun.dep_ in {"compound", "amod", "nmod"} else noun
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _CREATION_VERBS:
        return head.head
    return None


def _sentence_subject(facts: ArticleFacts, context: Context, token: Token) -> list[ActorDraft]:
    heads = root_subjects(sentence(token))
    return [a for a in actors_for_tokens(facts, heads, context) if a.type in GROUP_TYPES]


def _nearest_other_group(
    facts: ArticleFacts, trigger: Token, exclude: list[ActorDraft]
) -> list[ActorDraft]:
    """The group named last before the trigger in its sentence, other than `exclude`."""
    start = sentence(trigger).start_char
    for m_start, _, actor_id in facts.mentions_before(trigger.idx):
        if m_start < start:
            break
        actor = facts.actor(actor_id)
        if actor.type in GROUP_TYPES and actor not in exclude:
            return [actor]
    return []


def _said_of_members(pattern: Pattern, trigger: Token) -> bool:
    """ "Taliban members may defect to ISIS-K", "some of its fighters pledged allegiance to
    X": members who join or pledge do so as people; their group does not (its leadership
    does: data/member_nouns.tsv says which)."""
    joining = lexicons.mapping("member_nouns.tsv")
    for name in pattern.subject:
        tokens = place(name).tokens(trigger)
        if tokens:
            return all(t.pos_ == "NOUN" and joining.get(t.lower_) == "people" for t in tokens)
    return False


def _first_filled(
    facts: ArticleFacts,
    context: Context,
    places: tuple[str, ...],
    trigger: Token,
    as_named: bool = False,
) -> list[ActorDraft]:
    for name in places:
        where = place(name)
        tokens = where.tokens(trigger)
        if where.acted_on and not as_named:
            actors = _acted_on(facts, context, tokens)
        else:
            actors = actors_for_tokens(facts, tokens, context)
        if actors:
            return actors
    return []


def _acted_on(facts: ArticleFacts, context: Context, tokens: list[Token]) -> list[ActorDraft]:
    """The actors acted on; each thing acted on that is no actor stands for its owner or
    doer ("from Assad's inhumanity and ISIL's savagery")."""
    actors: list[ActorDraft] = []
    for token in tokens:
        actor = actor_for_token(facts, token, context)
        found = (
            [actor] if actor is not None else actors_for_tokens(facts, _owners([token]), context)
        )
        actors.extend(a for a in found if a not in actors)
    return actors


def _owners(tokens: list[Token]) -> list[Token]:
    """ "condemned ISIL's treatment of prisoners", "welcomed Kestria's decision", "appalled
    by the latest attack by the regime", "encouraged by the decision of X", "shelled army
    positions": a thing that belongs to an actor, or an act done by one, acted on, stands
    for that actor."""
    nouns = [t for t in tokens if t.pos_ == "NOUN"]
    return (
        [c for t in nouns for c in t.children if c.dep_ == "poss"]
        + [  # "attacked army positions": the army's
            c
            for t in nouns
            if t.lower_ in _HELD_NOUNS or t.lemma_.lower() in _HELD_NOUNS
            for c in t.children
            if c.dep_ == "compound"
        ]
        + [agent for t in nouns for agent in prep_objects(t, "by")]
        + [doer for t in nouns if t.lemma_.lower() in _DOER_NOUNS for doer in prep_objects(t, "of")]
    )


def _hyphen_pair(facts: ArticleFacts, noun: Token) -> list[ActorDraft]:
    """ "the Kestria-Velmar war": two actors joined by a hyphen in the noun's compounds."""
    words = [t for t in noun.lefts if t.dep_ == "compound" for t in t.subtree]
    if not any(t.text in {"-", "–"} for t in words):
        return []
    pair: list[ActorDraft] = []
    for token in words:
        actor = facts.actor_at(token.idx, token.idx + len(token)) or _named(facts, token.text)
        if actor is not None and actor.type in _ACTING_TYPES | {"location"} and actor not in pair:
            pair.append(actor)
    return pair if len(pair) == 2 else []


def _named(facts: ArticleFacts, word: str) -> ActorDraft | None:
    """The actor whose name or alias is exactly `word` (a name the actor stage did not mark
    inside a compound such as "HLF-OSD")."""
    return next((a for a in facts.actors if word in (a.name, *a.aliases)), None)


def _implied_holder(
    facts: ArticleFacts, pattern: Pattern, noun: Token, parents: list[ActorDraft]
) -> list[ActorDraft]:
    """ "ISIS sent emissaries to set up an affiliate": the affiliate is not named here, but
    an actor named after its parent ("ISIS-K") is it."""
    if pattern.word not in PARENT_NOUNS:
        return []
    offshoot = offshoot_of(facts, parents[0])
    return [offshoot] if offshoot is not None else []


def _fits(pattern: Pattern, subject: ActorDraft, obj: ActorDraft) -> bool:
    # A place that acts ("Kestria supplied weapons") stands for its government; a place acted
    # on, or described, is a place, not a party to a relation.
    predicate = pattern.predicate
    place_acting = subject.type == "location" and pattern.kind == "verb" and not pattern.broad
    acting = subject.type in _ACTING_TYPES or place_acting
    if subject is obj or not acting or obj.type not in _ACTING_TYPES:
        return False
    if _vague(subject) or (_vague(obj) and not _victims(predicate, obj)):
        return False
    if predicate in _ORG_OBJECT:
        return obj.type in GROUP_TYPES
    return True


def _victims(predicate: str, actor: ActorDraft) -> bool:
    """ "targeted families", "killed civilians": people attacked as a class are its victims;
    "killing 12 soldiers" names members of some force, which a bare plural leaves unknown."""
    return predicate == "fighting" and actor.name.lower() not in lexicons.words("member_nouns.tsv")


def _vague(actor: ActorDraft) -> bool:
    """ "fighters", "soldiers", "gunmen": a bare plural names no one in particular."""
    name = actor.name
    return " " not in name and name.islower() and name.endswith(("s", "men"))


def _role_relations(facts: ArticleFacts) -> Iterator[Relation]:
    for person_id, role, start, end in facts.role_sentences:
        if role.organization is None:
            continue
        quote = facts.asserted_by(start, end)
        predicate = role_predicate(role)
        title = title_token(facts, person_id, role, start, end)
        if predicate == "leader_of" and title is not None and one_of_several(title):
            predicate = "member_of"  # "X, a senior Front commander": one of several
        yield Relation(
            subject=person_id,
            predicate=predicate,
            object=role.organization,
            asserted_by=quote.speaker if quote else None,
            evidence=Evidence(start=start, end=end, text=facts.text[start:end]),
        )


def role_predicate(role: Role) -> Predicate:
    """ "leader", "managing director" -> leader_of; "founder" -> founder_of; "deputy
    director", "spokesman", "cell commander" -> member_of."""
    return title_predicate(role.title.lower().split())


def _deduplicated(relations: list[Relation]) -> list[Relation]:
    """One relation per (subject, predicate, object, asserted_by), the first stated, with
    the time bounds a later statement adds."""
    kept: dict[tuple[str, str, str, str | None], Relation] = {}
    for relation in relations:
        ends = (relation.subject, relation.object)
        if relation.predicate in SYMMETRIC_PREDICATES:
            ends = (min(ends), max(ends))
        key = (ends[0], relation.predicate, ends[1], relation.asserted_by)
        first = kept.setdefault(key, relation)
        first.since = first.since or relation.since
        first.until = first.until or relation.until
    return list(kept.values())
