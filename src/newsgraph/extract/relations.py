"""Relations between actors, from trigger words over the dependency parse.

The triggers are data (`data/relation_triggers.tsv`): a verb or noun lemma, the predicate it
states, and where its two ends stand ("subj", "obj", "prep:with", "holder", "poss",
"between"). Each end is resolved to an actor with the same resolver quotes use, so "its
commanders", "the Front" and "he" work as well as names. Roles read by the roles stage
("Oskar Vellin, a spokesman for the HLF") give member_of / leader_of / founder_of too.

Every relation carries its evidence sentence, who asserts it (the speaker when it stands in a
quote or reported speech), its modality and its time bounds ("since 2018").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.provenance import modality, sentence_of, time_bounds
from newsgraph.extract.resolve import (
    GROUP_TYPES,
    PARENT_NOUNS,
    Context,
    actor_for_token,
    offshoot_of,
)
from newsgraph.extract.syntax import (
    ATTACK_NOUNS,
    is_passive,
    object_heads,
    prep_objects,
    sentence,
    subject_heads,
    word_kind,
)
from newsgraph.model import SYMMETRIC_PREDICATES, Evidence, Predicate, Relation, Role

_ACTING_TYPES = GROUP_TYPES | {"person"}
# Nouns of what a clause's subject does or keeps ("consulted X during the negotiations
# with Y", "keep ties with Y"); an "affiliate" in a clause is not its subject's.
_HELD_BY_CLAUSE = {"tie", "ties", "link", "links", "relationship", "talk", "talks",
                   "negotiation", "fight", "war", "battle", "support", "alliance", "allegiance",
                   "loyalty"}  # fmt: skip
_WAGING_VERBS = {"launch", "carry", "conduct", "mount", "stage", "wage", "begin", "start",
                 "lead", "intensify", "step", "continue", "escalate", "order"}  # fmt: skip
_FIGHT_NOUNS = {"fight", "war", "battle", "struggle", "campaign"}
# Words of help: "support for X in the fight against Y" makes X the fighter.
_HELP_WORDS = {"support", "help", "aid", "assist", "assistance", "back", "backing"}
# Nouns of what an actor decides or does, whose "of" names the doer ("the decision of X",
# "the brutality of X"), unlike "the killing of X", whose "of" names the victim.
_DOER_NOUNS = {"decision", "choice", "announcement", "initiative", "move", "call", "effort",
               "efforts", "commitment", "leadership", "terrorism", "brutality", "savagery",
               "violence", "aggression", "cruelty", "barbarity", "inhumanity",
               "scourge", "menace", "threat"}  # fmt: skip
# What a force holds, attacked or taken in its stead: "shelled rebel positions" (plurals
# too: the lemmatizer makes "bases" a "basis").
_HELD_NOUNS = {"position", "positions", "base", "bases", "target", "targets", "convoy",
               "convoys", "checkpoint", "checkpoints", "headquarters", "stronghold",
               "strongholds", "camp", "camps", "outpost", "outposts", "hideout", "hideouts",
               "garrison", "garrisons"}  # fmt: skip
_ORG_OBJECT = {"member_of", "leader_of", "founder_of", "affiliate_of", "splinter_of"}
_JOINING = {"member_of", "pledged_allegiance_to"}
_CREATION_VERBS = {"set", "establish", "create", "form", "found", "launch", "build"}


@dataclass(frozen=True)
class Pattern:
    kind: str
    word: str
    predicate: Predicate
    subject: tuple[str, ...]
    object: tuple[str, ...]
    condition: tuple[str, frozenset[str]] | None


@cache
def patterns() -> dict[tuple[str, str], tuple[Pattern, ...]]:
    table: dict[tuple[str, str], list[Pattern]] = {}
    for row in lexicons.rows("relation_triggers.tsv"):
        kind, word, predicate, subject, obj = row[:5]
        condition = None
        if len(row) > 5 and row[5]:
            name, _, values = row[5].partition("=")
            condition = (name, frozenset(values.split("|")))
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


def extract_relations(facts: ArticleFacts) -> None:
    context = Context.after_quotes(facts)
    found: list[Relation] = []
    triggers = {word for _, word in patterns()}
    for token in facts.tokens():
        lemma = token.lemma_.lower()
        if lemma not in triggers:
            continue
        kind = word_kind(token)
        for pattern in patterns().get((kind or "", lemma), ()):
            if _condition_holds(pattern, token):
                found.extend(_relations(facts, context, pattern, token))
    found.extend(_role_relations(facts))
    facts.relations.extend(_deduplicated(found))


def _condition_holds(pattern: Pattern, trigger: Token) -> bool:
    if pattern.condition is None:
        return True
    name, values = pattern.condition
    if name == "prt":  # "broke away" is parsed with "away" as a particle or an adverb
        return any(c.dep_ in {"prt", "advmod"} and c.lower_ in values for c in trigger.children)
    if name == "dobj":
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        return any(c.lemma_.lower() in values or c.lower_ in values for c in objects)
    return True  # "subj=person", "obj=government", "objs=…" are checked once ends are resolved


def _relations(
    facts: ArticleFacts, context: Context, pattern: Pattern, trigger: Token
) -> Iterator[Relation]:
    subjects, objects = _ends(facts, context, pattern, trigger)
    if pattern.condition and pattern.condition[0] == "subj":
        subjects = [s for s in subjects if s.type in pattern.condition[1]]
    if pattern.condition and pattern.condition[0] == "obj":
        objects = [o for o in objects if o.type in pattern.condition[1]]
    if pattern.condition and pattern.condition[0] == "objs":
        # "joined the Kestrian minister and other partners in Rask": joining people is
        # meeting them, not becoming a member of anything
        objects = objects if all(o.type in pattern.condition[1] for o in objects) else []
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
    are allies."""
    if pattern.predicate != "fighting" or pattern.kind != "verb" or not objects:
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
        pair = _resolved(facts, context, _between(trigger)) or _hyphen_pair(facts, trigger)
        if len(pair) >= 2:
            return pair[:1], pair[1:]
    if _with_help_of(pattern, trigger):  # "took the town with the support of X"
        helpers = _resolved(facts, context, prep_objects(trigger, "of"))
        return helpers, _resolved(facts, context, subject_heads(trigger.head.head))
    subjects = _first_filled(facts, context, pattern.subject, trigger)
    if pattern.predicate in _JOINING and _said_of_members(pattern, trigger):
        subjects = []
    objects = _first_filled(facts, context, pattern.object, trigger)
    creation = _creation_verb(trigger) if pattern.kind == "noun" else None
    if creation is not None and not (subjects and objects):
        creators = _resolved(facts, context, subject_heads(creation)) or _sentence_subject(
            facts, context, trigger
        )
        if pattern.word in PARENT_NOUNS:  # "ISIS … set up an affiliate": ISIS is the parent
            objects = objects or creators
        else:  # "… forming their own splinter group": the formers are the splinter
            subjects = subjects or creators
            objects = objects or _nearest_other_group(facts, trigger, subjects)
    if "co" in pattern.object and not objects and len(subjects) > 1:
        subjects, objects = subjects[:1], subjects[1:]  # "X and Y signed a truce"
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
        and pattern.word in _HELP_WORDS
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
        groups = _resolved(facts, context, modifiers)  # "Taliban" hangs from "Mullah"
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
    root = sentence(token).root
    heads = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [a for a in _resolved(facts, context, heads) if a.type in GROUP_TYPES]


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
    for place in pattern.subject:
        tokens = _tokens_at(place, trigger)
        if tokens:
            return all(t.pos_ == "NOUN" and joining.get(t.lower_) == "people" for t in tokens)
    return False


def _first_filled(
    facts: ArticleFacts, context: Context, places: tuple[str, ...], trigger: Token
) -> list[ActorDraft]:
    for place in places:
        tokens = _tokens_at(place, trigger)
        if place == "obj" or place.startswith("prep:"):
            actors = _acted_on(facts, context, tokens)
        else:
            actors = _resolved(facts, context, tokens)
        if actors:
            return actors
    return []


def _acted_on(facts: ArticleFacts, context: Context, tokens: list[Token]) -> list[ActorDraft]:
    """The actors acted on; each thing acted on that is no actor stands for its owner or
    doer ("from Assad's inhumanity and ISIL's savagery")."""
    actors: list[ActorDraft] = []
    for token in tokens:
        actor = actor_for_token(facts, token, context)
        found = [actor] if actor is not None else _resolved(facts, context, _owners([token]))
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


def _resolved(facts: ArticleFacts, context: Context, tokens: list[Token]) -> list[ActorDraft]:
    actors: list[ActorDraft] = []
    for token in tokens:
        actor = actor_for_token(facts, token, context)
        if actor is not None and actor not in actors:
            actors.append(actor)
    return actors


def _tokens_at(place: str, trigger: Token) -> list[Token]:
    """The heads standing at `place` relative to the trigger, conjuncts included."""
    if place == "subj":
        heads = subject_heads(trigger)
    elif place == "obj":
        heads = object_heads(trigger)
    elif place.startswith("prep:"):
        heads = prep_objects(trigger, place[5:])
    elif place == "holder":
        heads = _holders(trigger)
    elif place == "poss":
        heads = [c for c in trigger.children if c.dep_ in {"poss", "compound"}]
    elif place == "pobj":
        heads = [c for c in trigger.children if c.dep_ == "pobj"]
    elif place == "head":
        heads = [trigger.head] if trigger.head.pos_ in {"NOUN", "PROPN"} else []
    elif place == "recipient":
        heads = _recipients(trigger)
    elif place == "prefix":
        heads = _hyphen_prefix(trigger)
    elif place == "sufferer":
        heads = _sufferers(trigger)
    else:
        heads = []
    if place == "holder" and trigger.dep_ in {"appos", "compound"}:
        # "leader Ayman al-Zawahiri and Mullah Haibatullah": only the first
        return heads
    return [c for head in heads for c in (head, *head.conjuncts, *_listed_appositions(head))]


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


def _recipients(verb: Token) -> list[Token]:
    """Who is given something: "provided the rebels weapons", "provided the government with
    training" (not "provided 125 soldiers": what is given)."""
    datives = [c for c in verb.children if c.dep_ == "dative"]
    if datives or not prep_objects(verb, "with"):
        return datives
    return [c for c in verb.children if c.dep_ == "dobj"]


def _listed_appositions(head: Token) -> list[Token]:
    """ "The UK, the Coalition and the Government of Iraq": the parser takes the second
    item of a list for an apposition of the first; an apposition with conjuncts is a list."""
    return [
        c for a in head.children if a.dep_ == "appos" and a.conjuncts for c in (a, *a.conjuncts)
    ]


def _holders(noun: Token) -> list[Token]:
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
        return subject_heads(noun.head)
    return []


def _fighters_helped(noun: Token) -> list[Token]:
    """ "support for X in the fight against Y", "its support of X and Y in their fight
    against Y", "backs X in its war on Y": the fight is the one helped, not the helper's."""
    if noun.lemma_.lower() not in _FIGHT_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return []
    host = noun.head.head
    if host.pos_ in {"VERB", "AUX"}:  # "backs X in …", "reiterates support for X in …"
        objects = [c for c in host.children if c.dep_ == "dobj"]
        if host.lemma_.lower() in _HELP_WORDS:
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
    if first.dep_ in {"dobj", "pobj"} and helper.lemma_.lower() in _HELP_WORDS:
        return [first]
    return _helped_by(host)


def _helped_by(noun: Token) -> list[Token]:
    """Who the help noun is for: "support for X", "its support of X"."""
    if noun.lemma_.lower() not in _HELP_WORDS:
        return []
    return [pobj for word in ("for", "of", "to") for pobj in prep_objects(noun, word)]


def _between(noun: Token) -> list[Token]:
    return [
        c
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for c in (pobj, *pobj.conjuncts)
    ]


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
    place_acting = subject.type == "location" and pattern.kind == "verb"
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
        yield Relation(
            subject=person_id,
            predicate=role_predicate(role),
            object=role.organization,
            asserted_by=quote.speaker if quote else None,
            evidence=Evidence(start=start, end=end, text=facts.text[start:end]),
        )


def role_predicate(role: Role) -> Predicate:
    """ "leader", "managing director" -> leader_of; "founder" -> founder_of; "deputy
    director", "spokesman" -> member_of."""
    table = lexicons.mapping("role_predicates.tsv")
    words = role.title.lower().split()
    if len(words) > 1 and table.get(words[-2]) == "member_of":
        return "member_of"
    return table.get(words[-1], "member_of")  # type: ignore[return-value]


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
