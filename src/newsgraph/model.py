"""The contract: every type that crosses a stage boundary, defined once.

`Record` is what readers produce; `Article` and its parts are what `newsgraph read` prints
(../shared/docs/article-json.md). Field order here is the order in the JSON output.
Extensions to the published contract are marked "extension" and documented in
docs/contract-extensions.md; they only ever add fields.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

import msgspec

SCHEMA_VERSION = "newsgraph/article@1"

ActorType = Literal[
    "person", "organization", "armed_group", "government", "state", "location", "other"
]
# Actors that act as one body: a relation's organisation end, "they" and "it".
GROUP_TYPES: frozenset[str] = frozenset({"organization", "armed_group", "government", "state"})
# Groups that are not states: what a name in the gazetteer may be retyped between.
ORGANISATION_TYPES: frozenset[str] = GROUP_TYPES - {"state"}
Predicate = Literal[
    "fighting",
    "opposes",
    "allied_with",
    "supports",
    "member_of",
    "leader_of",
    "founder_of",
    "affiliate_of",
    "splinter_of",
    "pledged_allegiance_to",
    "negotiates_with",
]
SYMMETRIC_PREDICATES: frozenset[str] = frozenset(
    {"fighting", "opposes", "allied_with", "negotiates_with"}
)
Modality = Literal["asserted", "hedged", "predicted", "negated", "question"]
QuoteKind = Literal["direct", "indirect", "mixed", "claim", "belief"]
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "OTHER",
]
CasualtyKind = Literal["killed", "injured", "abducted"]


class Record(msgspec.Struct, kw_only=True):
    """One article as read, before any NLP. `origin` says where it came from (file, line)."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = "-"


class Span(msgspec.Struct, kw_only=True):
    start: int
    end: int


class Evidence(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str


class Mention(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str


class Role(msgspec.Struct, kw_only=True):
    title: str
    organization: str | None = None
    organization_name: str | None = None


class Actor(msgspec.Struct, kw_only=True):
    id: str
    name: str
    type: ActorType
    aliases: list[str] = msgspec.field(default_factory=list)
    wikidata: str | None = None
    roles: list[Role] = msgspec.field(default_factory=list)
    mentions: list[Mention] = msgspec.field(default_factory=list)
    cameo: list[str] = msgspec.field(default_factory=list)  # extension: CAMEO actor codes


class Relation(msgspec.Struct, kw_only=True):
    subject: str
    predicate: Predicate
    object: str
    asserted_by: str | None = None
    modality: Modality = "asserted"
    since: str | None = None
    until: str | None = None
    evidence: Evidence


class Quote(msgspec.Struct, kw_only=True):
    kind: QuoteKind
    text: str
    spans: list[Span]
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None


class Place(msgspec.Struct, kw_only=True):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class Fatality(msgspec.Struct, kw_only=True):
    count: int
    who: str | None = None
    source: str | None = None
    kind: CasualtyKind = "killed"  # extension: killed, injured or abducted
    count_max: int | None = None  # extension: the upper bound of a range ("between 12 and 15")


class Event(msgspec.Struct, kw_only=True):
    type: EventType
    cameo: str | None = None
    actors: list[str] = msgspec.field(default_factory=list)
    targets: list[str] = msgspec.field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    place: Place | None = None
    fatalities: list[Fatality] = msgspec.field(default_factory=list)
    asserted_by: str | None = None
    modality: Modality = "asserted"
    evidence: Evidence


class ArticleMeta(msgspec.Struct, kw_only=True):
    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    text_sha256: str
    # Printed only with --include-text: UNSET fields are left out of the JSON.
    text: str | msgspec.UnsetType = msgspec.UNSET

    @classmethod
    def of(cls, record: Record, include_text: bool = False) -> ArticleMeta:
        """The output's description of the article `record` holds."""
        meta = cls(
            id=record.id,
            title=record.title,
            published=record.published,
            url=record.url,
            source=record.source,
            text_sha256=hashlib.sha256(record.text.encode("utf-8")).hexdigest(),
        )
        if include_text:
            meta.text = record.text
        return meta


class Article(msgspec.Struct, kw_only=True):
    schema: str = SCHEMA_VERSION
    article: ArticleMeta
    actors: list[Actor] = msgspec.field(default_factory=list)
    relations: list[Relation] = msgspec.field(default_factory=list)
    quotes: list[Quote] = msgspec.field(default_factory=list)
    events: list[Event] = msgspec.field(default_factory=list)


class ReadError(msgspec.Struct, kw_only=True):
    """A record that could not be read or processed: reported, never silently dropped."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


_encoder = msgspec.json.Encoder()


def to_json(article: Article) -> bytes:
    """The contract's JSON for one article, fields in the published order."""
    return _encoder.encode(article)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output object, as published by `newsgraph schema`.

    Every field is always printed (null when unknown), so every field is required, except
    `article.text`, which only `--include-text` prints.
    """
    schema: dict[str, Any] = msgspec.json.schema(Article)
    for name, definition in schema["$defs"].items():
        optional = {"text"} if name == "ArticleMeta" else set()
        definition["required"] = [p for p in definition["properties"] if p not in optional]
    schema["$defs"]["Article"]["properties"]["schema"] = {"const": SCHEMA_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": SCHEMA_VERSION,
        **schema,
    }
