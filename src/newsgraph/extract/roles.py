"""Roles: the titles and affiliations the article gives its people.

Read off the dependency parse around each named person:
- an apposition: "Mira Castellane, senior fellow at the Orsino Institute" (and its conjuncts:
  "expert and managing director of …");
- a noun the name stands in apposition to: "the Front's commander, Tavish Morrow";
- title words before the name: "Interior Minister Casimir Dorn", "Taliban leader Haibatullah";
- a title said of the name: "X is the president of Y", "X was appointed head of Y".
The role's organisation is the actor named by the title's preposition ("at", "of", "for",
"to", "with"), its possessor ("the HLF's spokesman") or a name compounded into it ("Taliban
leader"). Only nouns in `data/titles.tsv` make roles, so "the death of X" never does.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.provenance import sentence_of
from newsgraph.extract.syntax import NOT_HEADS, noun_phrase
from newsgraph.model import GROUP_TYPES, Role

_ORG_PREPOSITIONS = {"at", "of", "for", "to", "with", "in"}
_TITLE_MODIFIERS = {"compound", "amod", "nmod"}
_BEING_VERBS = {"be", "become", "remain"}
_OFFICE_VERBS = lexicons.words("office_verbs.tsv")


def titles() -> frozenset[str]:
    return lexicons.words("titles.tsv")


def extract_roles(facts: ArticleFacts) -> None:
    for actor in facts.actors:
        if actor.type != "person":
            continue
        for start, end in list(actor.mentions):
            span = facts.doc.char_span(start, end, alignment_mode="expand")
            if span is None or span.root.pos_ == "PRON":
                continue
            for noun in _role_nouns(span):
                role = _add_role(actor, _role(facts, noun, span))
                sentence = sentence_of(noun)
                facts.role_sentences.append(
                    (actor.id, role, sentence.start_char, sentence.end_char)
                )
    title_mentions(facts)


def title_mentions(facts: ArticleFacts) -> None:
    """ "The Foreign Secretary said": a person named by title. The title joins the person the
    article gave that role, else a capitalised title stands as a person of its own."""
    for head in facts.tokens():
        if not _is_title(head) or head.tag_ in {"NNS", "NNPS"} or head.dep_ in NOT_HEADS:
            continue
        chunk = noun_phrase(head)
        if facts.actor_at(head.idx, head.idx + len(head)) is not None:
            continue
        if any(c.dep_ in {"appos", "poss"} or c.ent_type_ == "PERSON" for c in head.children):
            continue  # "Kestria's minister, Pavel Oring": a role, read above
        words = [
            t for t in chunk if t.dep_ not in {"det", "poss", "case"} and t.ent_type_ != "PERSON"
        ]
        definite = any(t.lower_ == "the" for t in chunk) or head.text[:1].isupper()
        if not words or not definite:
            continue
        start, end = words[0].idx, head.idx + len(head)
        title = " ".join(facts.text[start:end].split())
        person = _holder_of(facts, title, start)
        if person is None and head.text[:1].isupper():  # "The Foreign Secretary", not
            # "the Florida senator": a description of someone named before (resolve.py)
            person = facts.new_actor(title, "person")
        if person is not None:
            if title[:1].isupper():
                person.add_alias(title)
            facts.add_mention(person, start, end)


def _holder_of(facts: ArticleFacts, title: str, offset: int) -> ActorDraft | None:
    """The person last named before `offset` whose role title ends with `title`."""
    wanted = title.lower()
    for _, _, actor_id in facts.mentions_before(offset):
        actor = facts.actor(actor_id)
        if actor.type == "person" and any(r.title.lower().endswith(wanted) for r in actor.roles):
            return actor
    for actor in facts.actors:  # a title before the person was named, same title
        if actor.type == "person" and actor.name == title:
            return actor
    return None


def _role_nouns(name: Span) -> list[Token]:
    head = name.root
    nouns: list[Token] = []
    for child in head.children:
        if child.dep_ == "appos" and _is_title(child):
            nouns.append(child)
            nouns.extend(c for c in child.conjuncts if _is_title(c))
    if head.dep_ == "appos" and _is_title(head.head):
        nouns.append(head.head)
    for left in head.lefts:
        if left.dep_ == "compound" and left.i < name.start and _is_title(left):
            nouns.append(left)
    nouns.extend(_predicated_titles(head))
    return nouns


def _predicated_titles(subject: Token) -> list[Token]:
    """ "X is the president of Y", "X became its leader", "X was appointed head of Y", "X
    serves as Y's envoy": a title said of the subject."""
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    verb = subject.head
    said = [
        c
        for c in verb.children
        if c.dep_ == "oprd" or (c.dep_ == "attr" and verb.lemma_ in _BEING_VERBS)
    ]
    said += [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as" and verb.lemma_ in _OFFICE_VERBS
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return [noun for noun in said if _is_title(noun)]


def _is_title(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and (
        token.lemma_.lower() in titles() or token.lower_ in titles()
    )


def _role(facts: ArticleFacts, noun: Token, name: Span) -> Role:
    """The title's words, and the organisation it is held in when the article names it."""
    first = noun.i
    for left in reversed(list(noun.lefts)):  # nearest first: "senior" in "senior fellow"
        adjacent = left.right_edge.i == first - 1
        modifies = left.dep_ in _TITLE_MODIFIERS and not _inside(left, name)
        if not (adjacent and modifies and _actor(facts, left) is None):
            break
        first = left.left_edge.i
    org_token = _organisation_token(facts, noun, name)
    organization = _actor(facts, org_token)
    return Role(
        title=noun.doc[first : noun.i + 1].text,
        organization=organization.id if organization else None,
        organization_name=organization.name if organization else _org_text(org_token),
    )


def _organisation_token(facts: ArticleFacts, noun: Token, name: Span) -> Token | None:
    envoy = noun.lemma_.lower() in lexicons.words("envoy_titles.tsv")
    for child in noun.children:
        if child.dep_ == "poss" and not _inside(child, name):
            return child
        if child.dep_ == "prep" and child.lower_ in _ORG_PREPOSITIONS and not envoy:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for left in (*noun.lefts, *(t for t in name.root.lefts if t.i < noun.i)):
        if left.dep_ == "compound" and _actor(facts, left) is not None and not _placed(left):
            return left
    return None


def _placed(token: Token) -> bool:
    """ "In Kestria Minister Holt met …": a name right after a preposition is where the
    person was, though the parser compounds it into the title."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].pos_ == "ADP"


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _actor(facts: ArticleFacts, token: Token | None) -> ActorDraft | None:
    if token is None:
        return None
    actor = facts.actor_at(token.idx, token.idx + len(token))
    return actor if actor is not None and actor.type in GROUP_TYPES else None


def _org_text(token: Token | None) -> str | None:
    if token is None:
        return None
    words = [t for t in token.subtree if t.dep_ not in {"det", "case", "punct", "prep"}]
    words = [t for t in words if t.i <= token.i or t.dep_ in {"compound", "flat"}]
    return " ".join(t.text for t in words) or None


def _add_role(actor: ActorDraft, role: Role) -> Role:
    """The actor's role with this title, completed with its organisation if now known."""
    for known in actor.roles:
        if known.title.lower() == role.title.lower():
            if known.organization is None and role.organization is not None:
                known.organization = role.organization
                known.organization_name = role.organization_name
            return known
    actor.roles.append(role)
    return role
