"""Entity scoring against re3d gold, by the rules of docs/scoring.md.

Gold: per document, entity annotations of type Person, Organisation and Location, joined into
one gold actor when re3d marks them IsSynonymOf or they share a normalised name. Pronouns are
left out; Nationality annotations and those with confidence below 0.5 are neutral (matching
one neither earns nor costs). A predicted actor matches a gold actor of its class when any of
its names, aliases or mention texts contains, or is contained in, any of the gold names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.dictionaries.names import contains, normalize_name
from newsgraph.evaluate.metrics import Score
from newsgraph.evaluate.re3d import GoldDocument
from newsgraph.model import Article

CLASSES = ("Person", "Organisation", "Location")
_SCORED_TYPES = {
    "person": "Person",
    "organization": "Organisation",
    "armed_group": "Organisation",
    "government": "Organisation",
    "location": "Location",
    "state": "state",  # Organisation or Location, whichever the gold gives that name
}
_SPACY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "state",
    "LOC": "location",
    "FAC": "location",
}
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "who",
        "whom",
        "which",
        "himself",
        "herself",
        "itself",
        "themselves",
    ]
)


@dataclass
class GoldActor:
    cls: str
    names: set[str] = field(default_factory=set)
    neutral: bool = False
    either: bool = False  # a state: matches an Organisation or a Location prediction


@dataclass
class PredictedActor:
    type: str  # a contract actor type
    names: set[str]


def gold_actors(document: GoldDocument) -> list[GoldActor]:
    """The document's gold actors: synonyms and same-name annotations joined."""
    entities = [
        e
        for e in document.entities
        if e.type in (*CLASSES, "Nationality") and normalize_name(e.value) not in PRONOUNS
    ]
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    by_offsets = {(e.begin, e.end): i for i, e in enumerate(entities)}
    by_name: dict[tuple[str, str], int] = {}
    for i, entity in enumerate(entities):
        key = (entity.type, normalize_name(entity.value))
        if key in by_name:
            union(i, by_name[key])
        by_name.setdefault(key, i)
    for relation in document.relations:
        if relation.type == "IsSynonymOf":
            a, b = by_offsets.get(relation.source), by_offsets.get(relation.target)
            if a is not None and b is not None and entities[a].type == entities[b].type:
                union(a, b)
    clusters: dict[int, list[int]] = {}
    for i in range(len(entities)):
        clusters.setdefault(find(i), []).append(i)
    actors = []
    for members in clusters.values():
        scored = [entities[i] for i in members if entities[i].type in CLASSES]
        sure = [e for e in scored if e.confidence >= 0.5]
        cls = (sure or scored or [entities[members[0]]])[0].type
        actor = GoldActor(cls=cls, names={entities[i].value for i in members}, neutral=not sure)
        actors.append(actor)
    return actors


def gold_from_contract(actors: Iterable[dict[str, Any]]) -> list[GoldActor]:
    """Gold actors of a contract-shaped gold article; `other` actors are not scored."""
    gold = []
    for actor in actors:
        cls = _SCORED_TYPES.get(actor["type"])
        if cls is not None:
            names = {actor["name"], *actor.get("aliases", [])}
            state = cls == "state"
            gold.append(GoldActor("Location" if state else cls, names, either=state))
    return gold


def from_article(article: Article) -> list[PredictedActor]:
    return [
        PredictedActor(a.type, {a.name, *a.aliases, *(m.text for m in a.mentions)})
        for a in article.actors
    ]


def from_spacy_ents(ents: Iterable[tuple[str, str]]) -> list[PredictedActor]:
    """The bare-NER baseline: one actor per distinct (label, normalised text)."""
    actors: dict[tuple[str, str], PredictedActor] = {}
    for label, text in ents:
        if label in _SPACY_TYPES and normalize_name(text):
            key = (label, normalize_name(text))
            actors.setdefault(key, PredictedActor(_SPACY_TYPES[label], set())).names.add(text)
    return list(actors.values())


def score_document(gold: list[GoldActor], predicted: list[PredictedActor]) -> dict[str, Score]:
    scores = {cls: Score() for cls in CLASSES}
    found: set[int] = set()
    for actor in predicted:
        cls = _SCORED_TYPES.get(actor.type)
        if cls is None:
            continue
        matches = [
            i
            for i, g in enumerate(gold)
            if (cls in ("state", g.cls) or g.cls == "Nationality")
            and _names_match(actor.names, g.names)
        ]
        scored = [i for i in matches if not gold[i].neutral and gold[i].cls in CLASSES]
        if cls == "state":
            cls = gold[scored[0]].cls if scored else "Location"
        if matches and not scored:
            continue  # matched only neutral gold: no credit, no cost
        scores[cls].predicted += 1
        if scored:
            scores[cls].tp_pred += 1
            found.update(scored)
    for i, g in enumerate(gold):
        if not g.neutral and g.cls in CLASSES:
            scores[g.cls].gold += 1
            if i in found:
                scores[g.cls].tp_gold += 1
    return scores


def _names_match(predicted: set[str], gold: set[str]) -> bool:
    return any(contains(p, g) for p in predicted for g in gold)


def total(scores: dict[str, Score]) -> Score:
    overall = Score()
    for score in scores.values():
        overall.add(score)
    return overall
