"""What the gazetteer adds to a typed actor: CAMEO codes, armed group or government, the
Wikidata QID of a country."""

from __future__ import annotations

import pycountry

from newsgraph.dictionaries.geo import city, country_code
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.model import ORGANISATION_TYPES


def enrich(actor: ActorDraft, facts: ArticleFacts) -> None:
    """What the gazetteer knows of the actor: its CAMEO codes (those in force on the
    publication date, for leaders) and, for an organisation, whether it is an armed group or
    a government. A name it does not know stays as the article gives it."""
    gazetteer = facts.resources.actor_gazetteer()
    for name in (actor.name, *actor.aliases):
        entry = gazetteer.lookup(name)
        if entry is None or not _same_kind(actor.type, entry.type, name):
            continue
        if actor.type in {"organization", "other"} and entry.type in ORGANISATION_TYPES:
            actor.type = entry.type  # type: ignore[assignment]
        if actor.type == "location" and entry.type == "state":
            actor.type = "state"
        published = facts.record.published or ""
        current = [
            c.code
            for c in entry.codes
            if (c.since or "") <= published
            and (c.until is None or not published or published <= c.until)
        ]
        actor.cameo = current or [c.code for c in entry.codes]
        return


def _same_kind(ours: str, theirs: str, name: str) -> bool:
    if ours == "person" or theirs == "person":
        return ours == theirs
    if ours == "location":
        # the dictionaries file cities under their country: Kabul is no state
        return theirs == "state" and city(name) is None
    return ours == "state" if theirs == "state" else ours != "state"


def country_qid(actor: ActorDraft) -> str | None:
    """The Wikidata QID of the country the actor names ("Iraq", "the U.S.") or stands for
    (the CAMEO country code of "Afghan"), from the territory data of rigour (OpenSanctions'
    library, which followthemoney ships with)."""
    if actor.type not in {"state", "location"}:
        return None
    code = next(filter(None, map(country_code, (actor.name, *actor.aliases))), None)
    if code is None and actor.type == "state":
        countries = [pycountry.countries.get(alpha_3=c) for c in actor.cameo if len(c) == 3]
        code = next((str(c.alpha_2) for c in countries if c is not None), None)
    if code is None:
        return None
    from rigour.territories import get_territory  # its data loads on first use

    territory = get_territory(code.lower())
    return territory.qid if territory is not None else None
