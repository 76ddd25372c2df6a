"""Scoring newsgraph's output against gold, one module per kind of fact.

Gold comes as re3d folders (`re3d.py`, with their event gold), PolNeAR brat folders
(`polnear.py`) or our contract-shaped gold sets (`gold.py`, the bundled `demo` among
them). Each `evaluate_*` function returns a plain, JSON-ready report that the CLI prints as a
table or as JSON.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from newsgraph.evaluate import entities, events, gold, polnear, quotes, re3d, relations
from newsgraph.evaluate.metrics import Score
from newsgraph.model import Article, ReadError, Record
from newsgraph.nlp import MODEL, clean_text
from newsgraph.pipeline import analyze

T = TypeVar("T")
Progress = Callable[[Iterable[T], int, str], Iterator[T]]
GoldError = (gold.GoldError, re3d.GoldFormatError, polnear.PolnearFormatError)


def _no_progress(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    del total, label
    yield from items


def _gold(
    path: Path,
    from_contract: Callable[[dict[str, Any]], T],
    from_re3d: Callable[[re3d.GoldDocument], T],
    sources: Sequence[str] | None = None,
) -> tuple[list[Record], dict[str, T]]:
    """The records of a gold set and, by record id, what each scorer needs of its gold:
    contract-shaped gold sets and re3d folders (of the named sources only) alike."""
    if gold.is_contract_gold(path):
        if sources:
            raise gold.GoldError(f"{path}: sources and splits choose among re3d sources only")
        articles = gold.load(path)
        return [a.record for a in articles], {a.record.id: from_contract(a.gold) for a in articles}
    documents = re3d.load(path, sources)
    return [d.record for d in documents], {d.record.id: from_re3d(d) for d in documents}


def source_names(sources: Sequence[str] | None, split: str | None) -> list[str] | None:
    """The re3d sources chosen by name and/or by split (a or b); None: all of them."""
    names = [n for n in sources or [] if n.strip()]
    if split:
        names += re3d.split_sources(split)
    return names or None


def subset(items: list[T], limit: int | None, sample: bool = False, seed: int = 0) -> list[T]:
    """The first `limit` items, or with `sample` a random `limit` of them (a fixed seed, so
    the same run scores the same articles), kept in their order."""
    if limit is None or limit >= len(items):
        return items
    if not sample:
        return items[:limit]
    chosen = sorted(random.Random(seed).sample(range(len(items)), limit))
    return [items[i] for i in chosen]


def _articles(
    records: list[Record], progress: Progress[Any], errors: list[str]
) -> Iterator[Article]:
    """newsgraph's articles for the gold records; failures are noted, not fatal."""
    for result in progress(analyze(records), len(records), "newsgraph"):
        if isinstance(result, ReadError):
            errors.append(str(result))
        else:
            yield result


def evaluate_entities(
    gold_path: Path, progress: Progress[Any] = _no_progress, baseline: bool = True
) -> dict[str, Any]:
    """Entity precision/recall/F1 per class, for newsgraph and the bare spaCy NER."""
    records, gold_actors = _gold(
        gold_path, lambda g: entities.gold_from_contract(g["actors"]), entities.gold_actors
    )
    errors: list[str] = []
    ours = score_entities(_articles(records, progress, errors), gold_actors)
    systems = {"newsgraph": ours}
    if baseline:
        systems["spacy"] = _spacy_baseline(records, gold_actors, progress)
    report: dict[str, Any] = {"gold": str(gold_path), "documents": len(records), "errors": errors}
    for name, scores in systems.items():
        report[name] = {cls: s.as_dict() for cls, s in scores.items()}
        report[name]["overall"] = entities.total(scores).as_dict()
    return report


def _spacy_baseline(
    records: list[Record],
    gold_actors: dict[str, list[entities.GoldActor]],
    progress: Progress[Any],
) -> dict[str, Score]:
    """Bare en_core_web_sm NER on the same texts: the baseline newsgraph must beat."""
    import spacy

    nlp = spacy.load(MODEL)
    scores = {cls: Score() for cls in entities.CLASSES}
    texts = ((clean_text(r.text), r.id) for r in records)
    for doc, doc_id in progress(nlp.pipe(texts, as_tuples=True), len(records), "spaCy NER"):
        predicted = entities.from_spacy_ents((e.label_, e.text) for e in doc.ents)
        _add(scores, entities.score_document(gold_actors[doc_id], predicted))
    return scores


def _add(into: dict[str, Score], scores: dict[str, Score]) -> None:
    for cls, score in scores.items():
        into[cls].add(score)


def evaluate_quotes(
    gold_path: Path,
    progress: Progress[Any] = _no_progress,
    baseline: bool = True,
    limit: int | None = None,
    sample: bool = False,
    examples: int = 0,
) -> dict[str, Any]:
    """Quote extraction P/R/F1, recall by kind and attribution accuracy, beside textacy's;
    on a PolNeAR folder, by the PolNeAR scorer's rules (`examples` per kind of miss)."""
    if polnear.is_polnear(gold_path):
        return evaluate_polnear(gold_path, progress, limit, sample, examples)
    articles = subset(gold.load(gold_path), limit, sample)
    errors: list[str] = []
    predicted = _articles([a.record for a in articles], progress, errors)
    report: dict[str, Any] = {
        "gold": str(gold_path),
        "documents": len(articles),
        "errors": errors,
        "newsgraph": score_quotes(predicted, articles).as_dict(),
    }
    if baseline:
        report["textacy"] = _textacy_baseline(articles, progress)
    return report


def evaluate_polnear(
    folder: Path,
    progress: Progress[Any] = _no_progress,
    limit: int | None = None,
    sample: bool = False,
    examples: int = 0,
) -> dict[str, Any]:
    """Quotes and attribution on a PolNeAR brat folder, as the held-out PolNeAR split is
    scored; an article newsgraph fails on counts with no quotes."""
    documents = polnear.load(folder)
    chosen = subset(documents, limit, sample)
    errors: list[str] = []
    predicted = {
        a.article.id: _builtins(a) for a in _articles([d.record for d in chosen], progress, errors)
    }
    score = polnear.PolnearScore()
    for document in chosen:
        score.add(document, predicted.get(document.record.id))
    report: dict[str, Any] = {
        "gold": str(folder),
        "documents": len(chosen),
        "documents_in_gold": len(documents),
        "errors": errors,
        "newsgraph": score.as_dict(),
    }
    if examples:
        report["examples"] = score.examples(examples)
    return report


def score_quotes(
    predicted: Iterable[Article], articles: list[gold.GoldArticle]
) -> quotes.QuoteScore:
    """Score newsgraph's quotes in `predicted` against the gold articles of the same ids."""
    by_id = {a.record.id: a for a in articles}
    score = quotes.QuoteScore()
    for article in predicted:
        gold_article = by_id[article.article.id]
        text = gold_article.record.text
        ours = quotes.from_contract(
            (_builtins(q) for q in article.quotes), (_builtins(a) for a in article.actors), text
        )
        wanted = quotes.from_contract(
            gold_article.gold["quotes"], gold_article.gold["actors"], text
        )
        quotes.score_article(ours, wanted, score, article.article.id)
    return score


def score_entities(
    predicted: Iterable[Article], gold_actors: dict[str, list[entities.GoldActor]]
) -> dict[str, Score]:
    scores = {cls: Score() for cls in entities.CLASSES}
    for article in predicted:
        found = entities.from_article(article)
        _add(scores, entities.score_document(gold_actors[article.article.id], found))
    return scores


def score_demo(predicted: list[Article]) -> dict[str, Any]:
    """What `newsgraph demo` found, scored against the demo corpus's gold."""
    articles = gold.load(Path("demo"))
    gold_actors = {a.record.id: entities.gold_from_contract(a.gold["actors"]) for a in articles}
    by_id = {a.record.id: a for a in articles}
    found_relations = relations.RelationScore()
    found_events = events.EventScore()
    for article in predicted:
        wanted = by_id[article.article.id].gold
        relations.score_article(
            relations.predicted(article),
            relations.gold_from_contract(wanted),
            found_relations,
            article.article.id,
        )
        events.score_article(article, wanted, found_events)
    return {
        "entities": entities.total(score_entities(predicted, gold_actors)).as_dict(),
        "quotes": score_quotes(predicted, articles).as_dict(),
        "relations": found_relations.as_dict(),
        "events": found_events.as_dict(),
    }


def evaluate_relations(
    gold_path: Path,
    progress: Progress[Any] = _no_progress,
    baseline: bool = True,
    sources: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Relation P/R/F1, overall and per group of predicates (of the named re3d sources)."""
    del baseline  # no relation baseline to run beside ours
    records, wanted = _gold(
        gold_path, relations.gold_from_contract, relations.gold_from_re3d, sources
    )
    errors: list[str] = []
    score = relations.RelationScore()
    for article in _articles(records, progress, errors):
        found = relations.predicted(article)
        relations.score_article(found, wanted[article.article.id], score, article.article.id)
    return {
        "gold": str(gold_path),
        "sources": list(sources or []),
        "documents": len(records),
        "errors": errors,
        "newsgraph": score.as_dict(),
    }


def evaluate_events(
    gold_path: Path,
    progress: Progress[Any] = _no_progress,
    baseline: bool = True,
    sources: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Events against contract-shaped gold or re3d's event gold (F1 and field accuracies),
    or CAMEO coding on PETRARCH2's validation records (a .xml file) per category."""
    del baseline
    if gold_path.suffix.lower() == ".xml":
        return _evaluate_petrarch(gold_path, progress)
    if not gold.is_contract_gold(gold_path):
        return _evaluate_re3d_events(gold_path, progress, sources)
    if sources:
        raise gold.GoldError(f"{gold_path}: sources and splits choose among re3d sources only")
    articles = gold.load(gold_path)
    by_id = {a.record.id: a for a in articles}
    errors: list[str] = []
    score = events.EventScore()
    for article in _articles([a.record for a in articles], progress, errors):
        events.score_article(article, by_id[article.article.id].gold, score)
    return {
        "gold": str(gold_path),
        "documents": len(articles),
        "errors": errors,
        "newsgraph": score.as_dict(),
    }


def _evaluate_re3d_events(
    path: Path, progress: Progress[Any], sources: Sequence[str] | None
) -> dict[str, Any]:
    """re3d documents against events_gold.json beside their source folders."""
    loaded = re3d.load(path, sources)
    documents = [d for d in loaded if d.events is not None]
    if not documents:
        where = re3d.events_file(path)
        raise re3d.GoldFormatError(f"{where}: not found or no event gold for these documents")
    by_id = {d.record.id: d for d in documents}
    errors: list[str] = []
    score = events.EventScore()
    for article in _articles([d.record for d in documents], progress, errors):
        events.score_re3d_article(article, by_id[article.article.id].events or [], score)
    return {
        "gold": str(path),
        "sources": list(sources or []),
        "documents": len(documents),
        "documents_without_event_gold": [d.record.id for d in loaded if d.events is None],
        "errors": errors,
        "newsgraph": score.as_dict(),
    }


def _evaluate_petrarch(path: Path, progress: Progress[Any]) -> dict[str, Any]:
    """Code PETRARCH2's validation sentences with its own (fictional) dictionaries."""
    from newsgraph.dictionaries.compilers.cameo import lexicon_from_file
    from newsgraph.dictionaries.compilers.gazetteer import read_dictionaries
    from newsgraph.extract import Resources
    from newsgraph.pipeline import Analyzer

    dictionaries = path.parent.parent / "dictionaries"
    actors, _ = read_dictionaries([dictionaries / "PETR.Validate.actors.txt"])
    resources = Resources(
        verbs=lexicon_from_file(dictionaries / "PETR.Validate.verbs.txt"),
        gazetteer=actors,
        any_event_verb=True,
    )
    records = events.load_records(path)
    inputs = [
        Record(id=r.id, text=r.text, published=r.date, origin=f"{path}:{r.id}") for r in records
    ]
    by_id = {r.id: r for r in records}
    overall = events.CodingScore()
    categories: dict[str, events.CodingScore] = {}
    errors: list[str] = []
    analyzer = Analyzer(resources=resources)
    for result in progress(analyzer.run(inputs), len(inputs), "newsgraph"):
        if isinstance(result, ReadError):
            errors.append(str(result))
            continue
        record = by_id[result.article.id]
        codes_of = {actor.id: set(actor.cameo) for actor in result.actors}
        for score in (overall, categories.setdefault(record.category, events.CodingScore())):
            events.score_record(record, result.events, codes_of, score)
    return {
        "gold": str(path),
        "documents": len(records),
        "errors": errors,
        "newsgraph": {
            **overall.as_dict(),
            "by_category": {k: v.as_dict() for k, v in sorted(categories.items())},
        },
    }


def _builtins(struct: Any) -> dict[str, Any]:
    import msgspec

    built: dict[str, Any] = msgspec.to_builtins(struct)
    return built


def _textacy_baseline(articles: list[gold.GoldArticle], progress: Progress[Any]) -> dict[str, Any]:
    """textacy's `direct_quotations` on the same texts, speakers taken as it gives them."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return {"error": "textacy is not installed (pip install 'newsgraph[eval]')"}
    import spacy

    nlp = spacy.load(MODEL)
    score = quotes.QuoteScore()
    failures = 0
    texts = ((clean_text(a.record.text), a) for a in articles)
    for doc, article in progress(nlp.pipe(texts, as_tuples=True), len(articles), "textacy"):
        predicted = []
        try:
            for triple in direct_quotations(doc):
                content = triple.content
                start, end = content.start_char + 1, content.end_char - 1
                speaker = " ".join(t.text for t in triple.speaker)
                predicted.append(
                    quotes.ScoredQuote([(start, end)], "direct", [speaker] if speaker else None)
                )
        except ValueError:  # textacy refuses texts with an odd number of quotation marks
            failures += 1
        text = article.record.text
        wanted = quotes.from_contract(article.gold["quotes"], article.gold["actors"], text)
        quotes.score_article(predicted, wanted, score, article.record.id)
    result = score.as_dict()
    result["documents_refused"] = failures
    del result["misses"]
    return result


__all__ = [
    "GoldError",
    "evaluate_entities",
    "evaluate_events",
    "evaluate_polnear",
    "evaluate_quotes",
    "evaluate_relations",
    "score_demo",
    "source_names",
    "subset",
]
