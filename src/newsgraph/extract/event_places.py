"""Where an event happened: the most specific place its trigger's phrases name, else its
sentence's, else (for events that happen somewhere) the article's latest town before it;
never a people ("Velmoran troops") nor a country acting in the event. Geocoded offline."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.dictionaries.geo import city, country_code
from newsgraph.extract.event_draft import Draft
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.model import Place

_PLACE_PREPS = {"in", "at", "near", "outside", "around", "across", "inside", "into", "to", "on"}


def place_of(facts: ArticleFacts, draft: Draft, countries: frozenset[str]) -> Place | None:
    """The most specific place the trigger's phrases name, else its sentence's first; never
    a people ("Velmoran") nor a country that acts in the event rather than hosting it."""
    near: list[ActorDraft] = []
    preps = _PLACE_PREPS | {"from"} if draft.type == "RETREAT" else _PLACE_PREPS  # withdrew from X
    for token in draft.trigger.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in preps and _names_place(token):
            actor = facts.actor_at(token.idx, token.idx + len(token))
            if actor is not None and actor.type in {"location", "state"} and actor not in near:
                near.append(actor)
    if not near:
        for start, _, actor_id in facts.mentions_before(draft.sentence.end_char):
            if start < draft.sentence.start_char:
                break
            actor = facts.actor(actor_id)
            named = _token_at(draft.sentence, start)
            if actor.type in {"location", "state"} and (named is None or _names_place(named)):
                near.insert(0, actor)  # in reading order
    if draft.cameo.startswith("042"):  # "visited Orvana": the visit happens there
        visited = next((t for t in draft.targets if t.type in {"location", "state"}), None)
        if visited is not None:
            return geocode(visited.name, countries)
    parties = {a.id for a in (*draft.actors, *draft.targets) if a.type == "state"}
    near = [a for a in near if a.id not in parties] or [a for a in near if a.type == "location"]
    if not near:
        return None
    chosen = next((a for a in near if a.type == "location"), near[0])
    return geocode(chosen.name, countries)


# Events that happen somewhere: when their sentence names no place, the article's latest
# place before it is theirs (statements and condemnations happen nowhere in particular).
PLACED = {"ASSAULT", "COERCE", "CONSULT", "AID", "MOBILIZE", "RETREAT", "COOPERATE", "PROTEST"}


def place_before(facts: ArticleFacts, draft: Draft, countries: frozenset[str]) -> Place | None:
    """The latest town named before the event's sentence (a dateline, an earlier sentence)."""
    for start, _, actor_id in facts.mentions_before(draft.sentence.start_char):
        actor = facts.actor(actor_id)
        if actor.type == "location":
            token = _token_at(draft.sentence, start)
            if token is None or _names_place(token):
                return geocode(actor.name, countries)
    return None


def _names_place(token: Token) -> bool:
    """A place's name, not a people's adjective ("Velmoran troops")."""
    return token.ent_type_ != "NORP" and not (token.pos_ == "ADJ" or token.dep_ == "amod")


def _token_at(span: Span, offset: int) -> Token | None:
    doc = span.doc
    char_span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return char_span[0] if char_span is not None and len(char_span) else None


def geocode(name: str, countries: frozenset[str] = frozenset()) -> Place:
    code = country_code(name)
    if code is not None:
        return Place(name=name, country=code)
    found = city(name, countries)
    if found is None:
        return Place(name=name)
    return Place(
        name=name,
        country=found.country,
        lat=round(found.lat, 4),
        lon=round(found.lon, 4),
        geonames_id=found.geonames_id,
    )
