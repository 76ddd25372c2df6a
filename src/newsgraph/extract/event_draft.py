"""An event while the article is read (shared by the event stage's modules)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.extract.facts import ActorDraft
from newsgraph.model import EventType, Fatality, Modality, Place


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
