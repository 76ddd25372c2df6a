"""Events: who did what to whom, when, where, how many were killed, and according to whom.

- Triggers: verbs through the CAMEO verb dictionary (`newsgraph.cameo`, compiled from
  PETRARCH2's), nouns through `data/event_nouns.tsv` ("a pair of attacks", "the raid").
  The PLOVER type follows from the CAMEO code. Statements are quotes, not events.
- Who and whom: the verb's subject and object (the agent and subject of a passive), a noun's
  "by", "on", "against" and possessor, resolved to actors as everywhere.
- When: the date phrase on the trigger (else in its sentence), resolved with dateparser
  against the publication date: "on Thursday" in an article of Friday 2021-08-27 is
  2021-08-26; a month or a year is kept at that precision; "last week" is no date.
- Where: the place the trigger's phrases name, geocoded offline (`newsgraph.geo`), cities in
  the article's countries preferred.
- Casualties: counts of killed, injured and abducted people in the sentence ("at least 41
  villagers", "between 12 and 15 civilians", "nine soldiers") with their source ("according
  to the Coastal Press Agency"), or the speaker when the figure is quoted.
- One event, not five: a later report of the same kind within two sentences, or a definite
  "the attacks", "the raid", joins the event it refers to, adding what it tells.
- Only what the article reports as having happened (asserted or hedged) is an event; a
  threat is an event of its own kind (THREATEN), a predicted attack is not an attack.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Span, Token

from newsgraph import lexicons
from newsgraph.cameo import plover_type
from newsgraph.extract.casualties import casualties
from newsgraph.extract.facts import ActorDraft, ArticleFacts, Resources
from newsgraph.extract.layout import headline_lines
from newsgraph.extract.provenance import modality, sentence_of
from newsgraph.extract.resolve import Context, actors_for_tokens
from newsgraph.extract.syntax import (
    date_phrases,
    object_heads,
    prep_objects,
    subject_heads,
    word_kind,
)
from newsgraph.geo import city, country_code
from newsgraph.model import Event, EventType, Fatality, Modality, Place

_REPORTED: set[Modality] = {"asserted", "hedged"}
_TARGET_PREPS = ("on", "against", "at")
_PLACE_PREPS = {"in", "at", "near", "outside", "around", "across", "inside", "into", "to", "on"}
_MERGE_WINDOW = 2  # sentences


@dataclass
class Draft:
    """An event while the article is read."""

    type: EventType
    cameo: str
    trigger: Token
    sentence: Span
    actors: list[ActorDraft] = field(default_factory=list)
    targets: list[ActorDraft] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    place: Place | None = None
    fatalities: list[Fatality] = field(default_factory=list)
    modality: Modality = "asserted"
    asserted_by: str | None = None
    anaphoric: bool = False  # "the attacks": refers back to an event already reported
    date_attached: bool = False  # the date phrase hangs from the trigger itself


def extract_events(facts: ArticleFacts) -> None:
    context = Context.after_quotes(facts)
    published = _published(facts.record.published)
    countries = frozenset(
        code for a in facts.actors if a.type == "state" and (code := country_code(a.name))
    )
    drafts: list[Draft] = []
    headlines = headline_lines(facts.text)
    any_verb = facts.resources.any_event_verb
    for token in facts.tokens():
        lemma = token.lemma_.lower()
        if lemma not in _event_verbs() and lemma not in _event_nouns() and not any_verb:
            continue
        if any(start <= token.idx < end for start, end in headlines):
            continue  # a headline announces what the body reports
        draft = _draft(facts, context, token)
        if draft is None:
            continue
        draft.date, draft.date_text = _date(draft, published)
        draft.place = _place(facts, draft, countries)
        draft.fatalities = casualties(facts, draft.sentence)
        told = draft.actors or draft.targets or draft.fatalities or draft.date_attached
        if told or draft.anaphoric:
            _merge_or_add(drafts, draft)
    facts.events.extend(_event(facts, d) for d in drafts)


_STATING = lexicons.words("stating_verbs.tsv")


def _draft(facts: ArticleFacts, context: Context, token: Token) -> Draft | None:
    if token.ent_type_ in {"DATE", "TIME"}:
        return None  # "March" in "March 13"
    kind = word_kind(token)
    stating = kind == "verb" and token.lemma_.lower() in _STATING
    petrarch = facts.resources.any_event_verb  # PETRARCH codes every verb, statements too
    if stating and not petrarch and any(c.dep_ == "ccomp" for c in token.children):
        return None  # "Renn warned that …" is a quote; "threatened to bomb" an event
    if kind == "noun" and _manner_of_event(token):
        return None  # "arrested 11 men in a raid": one event, the arrest
    if kind == "verb":
        found = _verb_code(token, facts.resources)
    elif kind == "noun":
        found = _noun_code(token)
    else:
        found = None
    if found is None:
        return None
    code, event_type = found
    mood = modality(token) if kind == "verb" else _noun_modality(token)
    if mood not in _REPORTED and event_type != "THREATEN":
        return None
    quote = facts.asserted_by(token.idx, token.idx + len(token))
    draft = Draft(
        type=event_type,  # type: ignore[arg-type]
        cameo=code,
        trigger=token,
        sentence=sentence_of(token),
        modality=mood,
        asserted_by=quote.speaker if quote else None,
        anaphoric=kind == "noun" and any(c.lower_ in {"the", "these", "this"} for c in token.lefts),
    )
    ends = _verb_ends if kind == "verb" else _noun_ends
    draft.actors, targets = ends(facts, context, token)
    draft.targets = [t for t in targets if t not in draft.actors]
    return draft


def _verb_ends(
    facts: ArticleFacts, context: Context, verb: Token
) -> tuple[list[ActorDraft], list[ActorDraft]]:
    """Who did it (subject, or "by X") and to whom (object, else "met with Gondor", "fired
    on the convoy"; a place is where, not whom)."""
    actors = actors_for_tokens(facts, subject_heads(verb), context, conjuncts=True)
    targets = actors_for_tokens(facts, object_heads(verb), context, conjuncts=True)
    if not targets:
        heads = [t for word in (*_TARGET_PREPS, "with", "to") for t in prep_objects(verb, word)]
        targets = [
            a
            for a in actors_for_tokens(facts, heads, context, conjuncts=True)
            if a.type != "location"
        ]
    for clause in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
        if targets:
            break
        # "threatened to bomb Port Anselm", "demanded that the HLF hand over …"
        heads = object_heads(clause) if clause.dep_ == "xcomp" else subject_heads(clause)
        targets = actors_for_tokens(facts, heads, context, conjuncts=True)
    return _dyad(verb, actors, targets)


_DYADIC = {"CONSULT", "AGREE", "COOPERATE"}


def _dyad(
    trigger: Token, actors: list[ActorDraft], targets: list[ActorDraft]
) -> tuple[list[ActorDraft], list[ActorDraft]]:
    """ "X and Y signed a truce", "talks between X and Y": the first party acts, the
    others are its counterparts."""
    if not targets and len(actors) > 1:
        code = _event_verbs().get(trigger.lemma_.lower()) or _event_nouns().get(
            trigger.lemma_.lower()
        )
        if code is not None and plover_type(code) in _DYADIC:
            return actors[:1], actors[1:]
    return actors, targets


def _noun_ends(
    facts: ArticleFacts, context: Context, noun: Token
) -> tuple[list[ActorDraft], list[ActorDraft]]:
    """ "attacks by X on Y", "X's offensive against Y"."""
    actors = [
        a
        for a in actors_for_tokens(facts, _noun_agents(noun), context, conjuncts=True)
        if a.type != "location"
    ]
    targets = [t for word in _TARGET_PREPS for t in prep_objects(noun, word)]
    return _dyad(noun, actors, actors_for_tokens(facts, targets, context, conjuncts=True))


def _verb_code(verb: Token, resources: Resources) -> tuple[str, str] | None:
    """The CAMEO code of an event verb (data/event_verbs.tsv), refined by the dictionary
    with its particle, object and preposition."""
    lemma = verb.lemma_.lower()
    fallback = _event_verbs().get(lemma)
    if fallback is None and not resources.any_event_verb:
        return None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    obj = next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), None)
    needed = _needed_objects().get(lemma)
    if needed and obj not in needed and not resources.any_event_verb:
        return None  # "moved on", "sent a letter": not a troop movement
    prep = next((c.lower_ for c in verb.children if c.dep_ == "prep"), None)
    verbs = resources.verb_lexicon()
    found = verbs.lookup(f"{lemma} {particle}", obj, prep) if particle else None
    found = found or verbs.lookup(lemma, obj, prep)
    unusable = found is None or found[0].startswith("01") or found[1] == "OTHER"
    # The dictionary refines our code within its family ("withdraw from" 0874 for 087); a
    # code of another family ("arrest members" as an abduction) is a pattern misfiring.
    misfired = found is not None and fallback is not None and found[0][:2] != fallback[:2]
    if fallback is not None and (unusable or (misfired and not resources.any_event_verb)):
        return fallback, plover_type(fallback)
    return None if unusable else found


@cache
def _event_verbs() -> dict[str, str]:
    return lexicons.mapping("event_verbs.tsv")


@cache
def _needed_objects() -> dict[str, frozenset[str]]:
    rows = lexicons.rows("event_verbs.tsv")
    return {row[0].casefold(): frozenset(row[2].split("|")) for row in rows if len(row) > 2}


def _manner_of_event(noun: Token) -> bool:
    """The noun says how another event happened: "arrested … in a raid"."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in {"in", "during", "after"}:
        return False
    verb = head.head
    return verb.lemma_.lower() in _event_verbs() and verb.i != noun.i


def _noun_code(noun: Token) -> tuple[str, str] | None:
    code = _event_nouns().get(noun.lemma_.lower())
    if code is None or noun.dep_ in {"compound", "amod"}:
        return None
    return code, plover_type(code)


@cache
def _event_nouns() -> dict[str, str]:
    return lexicons.mapping("event_nouns.tsv")


def _noun_modality(noun: Token) -> Modality:
    """A noun reports what its clause says of it: "will involve drone strikes", "a planned
    attack"."""
    if any(c.lower_ in {"planned", "possible", "potential", "threatened"} for c in noun.lefts):
        return "predicted"
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return modality(verb) if verb is not None else "asserted"


def _noun_agents(noun: Token) -> list[Token]:
    """ "attacks by an ISIS offshoot group", "the Front's offensive", "OSD-H attacks"."""
    hosts = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a pair of attacks … by X"
        hosts.append(noun.head.head)
    agents = [
        a for host in hosts for word in ("by", "from", "between") for a in prep_objects(host, word)
    ]
    agents += [c for c in noun.children if c.dep_ in {"poss", "compound", "nmod"}]
    return agents


# When -----------------------------------------------------------------------------------


def _published(published: str | None) -> dt.datetime | None:
    if published is None:
        return None
    try:
        return dt.datetime.fromisoformat(published)
    except ValueError:
        return None


def _date(draft: Draft, published: dt.datetime | None) -> tuple[str | None, str | None]:
    dates = date_phrases(draft.sentence)
    if not dates:
        return None, None
    near = [e for e in dates if _attached(e, draft.trigger)]
    draft.date_attached = bool(near)
    phrase = (near or dates)[0]
    text = " ".join(phrase.text.split())
    return resolve_date(text, published), text


def _attached(phrase: Span, trigger: Token) -> bool:
    """The date phrase hangs from the trigger (directly or through its preposition)."""
    root = phrase.root
    return root.head == trigger or root.head.head == trigger or trigger in root.ancestors


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: dt.datetime | None) -> str | None:
    """An ISO date at the precision the text gives ("2021-08-26", "2021-08", "2014"), or None
    ("last week", or a relative date with no publication date to resolve it against)."""
    has_year = re.search(r"\b(1[89]|20)\d\d\b", text) is not None
    if published is None and not has_year:
        return None
    data = _date_parser(published).get_date_data(text)
    if data.date_obj is None:
        return None
    period = data.period or "day"
    if period == "day":
        return str(data.date_obj.date().isoformat())
    if period == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}"
    if period == "year":
        return f"{data.date_obj.year:04d}"
    return None


@cache
def _date_parser(published: dt.datetime | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = published
    return DateDataParser(languages=["en"], settings=settings)


# Where ----------------------------------------------------------------------------------


def _place(facts: ArticleFacts, draft: Draft, countries: frozenset[str]) -> Place | None:
    """The most specific place the trigger's phrases name, else its sentence's first."""
    near: list[ActorDraft] = []
    preps = _PLACE_PREPS | {"from"} if draft.type == "RETREAT" else _PLACE_PREPS  # withdrew from X
    for token in draft.trigger.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in preps:
            actor = facts.actor_at(token.idx, token.idx + len(token))
            if actor is not None and actor.type in {"location", "state"} and actor not in near:
                near.append(actor)
    if not near:
        for start, _, actor_id in facts.mentions_before(draft.sentence.end_char):
            if start < draft.sentence.start_char:
                break
            actor = facts.actor(actor_id)
            if actor.type in {"location", "state"}:
                near.insert(0, actor)  # in reading order
    if not near:
        return None
    chosen = next((a for a in near if a.type == "location"), near[0])
    return geocode(chosen.name, countries)


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


# One event, not five ----------------------------------------------------------------------


def _merge_or_add(drafts: list[Draft], draft: Draft) -> None:
    """Join the draft to the event it reports again, or add it as a new event; "the truce"
    with no truce reported before refers to one reported elsewhere and adds nothing."""
    for earlier in reversed(drafts):
        if earlier.type != draft.type:
            continue
        if earlier.date is not None and earlier.date == draft.date and len(draft.date) == 10:
            _absorb(earlier, draft)  # "Thursday's attack" again
            return
        gap = _sentence_gap(earlier, draft)
        if draft.anaphoric or (gap <= _MERGE_WINDOW and _compatible(earlier, draft)):
            _absorb(earlier, draft)
            return
        break
    if not draft.anaphoric:
        drafts.append(draft)


def _sentence_gap(earlier: Draft, later: Draft) -> int:
    doc = later.trigger.doc
    between = doc[earlier.sentence.start : later.sentence.end]
    return sum(1 for token in between if token.is_sent_start) - 1


def _compatible(earlier: Draft, later: Draft) -> bool:
    same_day = earlier.date is None or later.date is None or earlier.date == later.date
    same_place = (
        earlier.place is None or later.place is None or earlier.place.name == later.place.name
    )
    return same_day and same_place


def _absorb(earlier: Draft, later: Draft) -> None:
    earlier.actors += [a for a in later.actors if a not in earlier.actors]
    earlier.targets += [a for a in later.targets if a not in earlier.targets + earlier.actors]
    earlier.date, earlier.date_text = (
        earlier.date or later.date,
        earlier.date_text or later.date_text,
    )
    earlier.place = earlier.place or later.place
    known = {(f.count, f.kind, f.who) for f in earlier.fatalities}
    earlier.fatalities += [f for f in later.fatalities if (f.count, f.kind, f.who) not in known]


def _event(facts: ArticleFacts, draft: Draft) -> Event:
    return Event(
        type=draft.type,
        cameo=draft.cameo,
        actors=[a.id for a in draft.actors],
        targets=[a.id for a in draft.targets],
        date=draft.date,
        date_text=draft.date_text,
        place=draft.place,
        fatalities=draft.fatalities,
        asserted_by=draft.asserted_by,
        modality=draft.modality,
        evidence=facts.evidence(draft.sentence.start_char, draft.sentence.end_char),
    )
