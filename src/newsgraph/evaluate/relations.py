"""Relation scoring, by the rules of docs/scoring.md.

A predicted relation matches a gold one when its predicate is in the gold's group and both
ends match the gold ends by containment (name, aliases or mention texts), either direction
for symmetric predicates. Unlike quotes and events, scoring.md does not make this matching
one-to-one, and re3d needs it not to be: it gives a fact once per pair of mentions ("we" and
"We" fighting ISIL, two sentences apart), while a contract relation joins two actors once.
So a prediction is right when it matches some gold relation, and a gold relation is found
when some prediction matches it. The one-to-one figure is kept beside it (`one_to_one`).
re3d relation types map to groups of our predicates; relations whose gold ends are not
actors (places, weapons) are neutral. Against our own contract-shaped gold the predicate must
be the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.dictionaries.names import contains
from newsgraph.evaluate.metrics import Score
from newsgraph.evaluate.re3d import GoldDocument
from newsgraph.model import SYMMETRIC_PREDICATES, Article

RE3D_GROUPS: dict[str, frozenset[str]] = {
    "FightingAgainst": frozenset({"fighting", "opposes"}),
    "Dislikes": frozenset({"fighting", "opposes"}),
    "AlliesOf": frozenset({"allied_with", "supports"}),
    "Likes": frozenset({"allied_with", "supports"}),
    "BelongsTo": frozenset({"member_of", "affiliate_of", "pledged_allegiance_to"}),
    "InChargeOf": frozenset({"leader_of", "founder_of"}),
}
_ACTOR_CLASSES = {"Person", "Organisation", "Nationality"}
_GROUP_NAMES = {
    "fighting": "conflict",
    "opposes": "conflict",
    "allied_with": "alliance",
    "supports": "alliance",
    "member_of": "belonging",
    "affiliate_of": "belonging",
    "pledged_allegiance_to": "belonging",
    "splinter_of": "belonging",
    "leader_of": "leadership",
    "founder_of": "leadership",
    "negotiates_with": "talks",
}


@dataclass
class ScoredRelation:
    predicates: frozenset[str]  # those that match (gold) or the one stated (predicted)
    subject: set[str]
    object: set[str]
    neutral: bool = False
    label: str = ""

    @property
    def symmetric(self) -> bool:
        return bool(self.predicates & SYMMETRIC_PREDICATES)


@dataclass
class RelationScore:
    score: Score = field(default_factory=Score)
    by_group: dict[str, Score] = field(default_factory=dict)
    one_to_one: Score = field(default_factory=Score)  # each gold relation found once at most
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.score.as_dict(),
            "by_group": {k: v.as_dict() for k, v in sorted(self.by_group.items())},
            "one_to_one": self.one_to_one.as_dict(),
            "misses": self.misses,
        }


def _names(actor: Any) -> set[str]:
    return {actor.name, *actor.aliases, *(m.text for m in actor.mentions)}


def predicted(article: Article) -> list[ScoredRelation]:
    actors = {a.id: a for a in article.actors}
    return [
        ScoredRelation(
            frozenset({r.predicate}),
            _names(actors[r.subject]),
            _names(actors[r.object]),
            label=f"{actors[r.subject].name} {r.predicate} {actors[r.object].name}",
        )
        for r in article.relations
    ]


def gold_from_contract(gold: dict[str, Any]) -> list[ScoredRelation]:
    actors = {a["id"]: a for a in gold["actors"]}

    def names(actor_id: str) -> set[str]:
        return {actors[actor_id]["name"], *actors[actor_id].get("aliases", [])}

    return [
        ScoredRelation(
            frozenset({r["predicate"]}),
            names(r["subject"]),
            names(r["object"]),
            label=f"{actors[r['subject']]['name']} {r['predicate']} {actors[r['object']]['name']}",
        )
        for r in gold["relations"]
    ]


def gold_from_re3d(document: GoldDocument) -> list[ScoredRelation]:
    """re3d relations of the mapped types; an end that is no actor makes the relation neutral."""
    classes = {(e.begin, e.end): e.type for e in document.entities}
    relations = []
    for relation in document.relations:
        group = RE3D_GROUPS.get(relation.type)
        if group is None:
            continue
        ends = (classes.get(relation.source), classes.get(relation.target))
        relations.append(
            ScoredRelation(
                group,
                {relation.source_text},
                {relation.target_text},
                neutral=any(c not in _ACTOR_CLASSES for c in ends) or relation.confidence < 0.5,
                label=f"{relation.source_text} {relation.type} {relation.target_text}",
            )
        )
    return relations


def _matches(p: ScoredRelation, g: ScoredRelation) -> bool:
    if not p.predicates & g.predicates:
        return False
    if _ends_match(p.subject, g.subject) and _ends_match(p.object, g.object):
        return True
    return p.symmetric and _ends_match(p.subject, g.object) and _ends_match(p.object, g.subject)


def _ends_match(predicted_names: Iterable[str], gold_names: Iterable[str]) -> bool:
    return any(contains(p, g) for p in predicted_names for g in gold_names)


def score_article(
    ours: list[ScoredRelation], gold: list[ScoredRelation], into: RelationScore, article_id: str
) -> None:
    found: set[int] = set()  # gold relations some prediction matches
    used: set[int] = set()  # gold relations taken, one per prediction, for `one_to_one`
    for p in ours:
        group = _GROUP_NAMES[next(iter(p.predicates))]
        score = into.by_group.setdefault(group, Score())
        matches = [j for j, g in enumerate(gold) if _matches(p, g)]
        found.update(matches)
        first_free = next((j for j in matches if j not in used), None)
        if first_free is not None:
            used.add(first_free)
        if matches and all(gold[j].neutral for j in matches):
            continue  # only neutral gold matches it: neither earns nor costs
        if matches:
            into.score.tp_pred += 1
            score.tp_pred += 1
            if first_free is not None and not gold[first_free].neutral:
                into.one_to_one.tp_pred += 1
        else:
            into.misses.append(f"{article_id}: predicted {p.label!r} is not in the gold")
        into.score.predicted += 1
        into.one_to_one.predicted += 1
        score.predicted += 1
    for j, g in enumerate(gold):
        if g.neutral:
            continue
        group = _GROUP_NAMES.get(next(iter(sorted(g.predicates))), "other")
        counts = (into.score, into.by_group.setdefault(group, Score()))
        for score in counts:
            score.gold += 1
            score.tp_gold += j in found
        into.one_to_one.gold += 1
        into.one_to_one.tp_gold += j in used
        if j not in found:
            into.misses.append(f"{article_id}: gold {g.label!r} not found")
