"""Scoring newsgraph's output against gold, one module per kind of fact.

Each `evaluate_*` function returns a plain report (a dict, JSON-ready) that the CLI prints as
a table or as JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from newsgraph.evaluate import entities, re3d
from newsgraph.evaluate.metrics import Score
from newsgraph.model import Article, ReadError
from newsgraph.nlp import MODEL, clean_text
from newsgraph.pipeline import analyze

T = TypeVar("T")
Progress = Callable[[Iterable[T], int, str], Iterator[T]]


def _no_progress(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    del total, label
    yield from items


def evaluate_entities(
    gold_path: Path, progress: Progress[Any] = _no_progress, baseline: bool = True
) -> dict[str, Any]:
    """Entity precision/recall/F1 per re3d class, for newsgraph and the bare spaCy NER."""
    documents = re3d.load(gold_path)
    gold = {d.record.id: entities.gold_actors(d) for d in documents}
    ours = {cls: Score() for cls in entities.CLASSES}
    errors: list[str] = []
    results = analyze(d.record for d in documents)
    for result in progress(results, len(documents), "newsgraph"):
        if isinstance(result, ReadError):
            errors.append(str(result))
            continue
        _add(ours, entities.score_document(gold[result.article.id], entities.from_article(result)))
    systems = {"newsgraph": ours}
    if baseline:
        systems["spacy"] = _spacy_baseline(documents, gold, progress)
    report: dict[str, Any] = {"gold": str(gold_path), "documents": len(documents), "errors": errors}
    for name, scores in systems.items():
        report[name] = {cls: s.as_dict() for cls, s in scores.items()}
        report[name]["overall"] = entities.total(scores).as_dict()
    return report


def _spacy_baseline(
    documents: list[re3d.GoldDocument],
    gold: dict[str, list[entities.GoldActor]],
    progress: Progress[Any],
) -> dict[str, Score]:
    """Bare en_core_web_sm NER on the same texts: the baseline newsgraph must beat."""
    import spacy

    nlp = spacy.load(MODEL)
    scores = {cls: Score() for cls in entities.CLASSES}
    texts = ((clean_text(d.record.text), d.record.id) for d in documents)
    for doc, doc_id in progress(nlp.pipe(texts, as_tuples=True), len(documents), "spaCy NER"):
        predicted = entities.from_spacy_ents((e.label_, e.text) for e in doc.ents)
        _add(scores, entities.score_document(gold[doc_id], predicted))
    return scores


def _add(into: dict[str, Score], scores: dict[str, Score]) -> None:
    for cls, score in scores.items():
        into[cls].add(score)


__all__ = ["Article", "evaluate_entities"]
