"""Who a noun phrase is: names, pronouns and nominals resolved to the article's actors.

Rules over the actors found so far, in the spirit of news writing: a pronoun speaker is the
person (or group) most recently speaking or named before it; "the ministry" is the most
recent actor whose name holds that noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.facts import ActorDraft, ArticleFacts

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}
_GROUP_TYPES = {"organization", "armed_group", "government", "state"}
_APPOSITION_DEPS = {"appos", "acl", "relcl", "prep", "punct", "cc", "conj"}


def actor_for_token(
    facts: ArticleFacts, head: Token, recent_speakers: list[ActorDraft] | None = None
) -> ActorDraft | None:
    """The actor that the noun phrase headed by `head` refers to, or None."""
    actor = facts.actor_at(head.idx, head.idx + len(head))
    if actor is not None:
        return actor
    for token in _name_tokens(head):
        actor = facts.actor_at(token.idx, token.idx + len(token))
        if actor is not None:
            return actor
    lower = head.lower_
    if head.pos_ == "PRON":
        actor = resolve_pronoun(facts, lower, head.idx, recent_speakers or [])
    elif head.pos_ in {"NOUN", "PROPN"}:
        actor = resolve_nominal(facts, head)
    if actor is not None:
        facts.add_mention(actor, head.idx, head.idx + len(head))
    return actor


def _name_tokens(head: Token) -> list[Token]:
    """The head's own name words (compounds, flat names), leaving out appositions."""
    return [t for t in head.subtree if t.dep_ not in _APPOSITION_DEPS and t.head == head]


def resolve_pronoun(
    facts: ArticleFacts, pronoun: str, offset: int, recent_speakers: list[ActorDraft]
) -> ActorDraft | None:
    """he/she: the latest person speaking, else the latest person named before `offset`;
    they/it: the same for groups."""
    if pronoun in PERSON_PRONOUNS:
        wanted: set[str] = {"person"}
    elif pronoun in GROUP_PRONOUNS:
        wanted = _GROUP_TYPES
    else:
        return None
    for speaker in reversed(recent_speakers):
        if speaker.type in wanted:
            return speaker
    for _, _, actor_id in reversed(facts.mentions_before(offset)):
        actor = facts.actor(actor_id)
        if actor.type in wanted:
            return actor
    return None


def resolve_nominal(facts: ArticleFacts, head: Token) -> ActorDraft | None:
    """ "the ministry" -> the latest actor whose name or role holds "ministry"."""
    noun = head.lemma_.lower()
    if len(noun) < 3:
        return None
    for _, _, actor_id in reversed(facts.mentions_before(head.idx)):
        actor = facts.actor(actor_id)
        names = [actor.name, *actor.aliases, *(role.title for role in actor.roles)]
        if any(noun in name.lower().split() for name in names):
            return actor
    return None
