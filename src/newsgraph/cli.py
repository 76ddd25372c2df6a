"""The `newsgraph` command: a thin shell over the library (read, evaluate, schema, demo).

Heavy libraries (spaCy, SQLAlchemy, Ray, FastAPI) are imported by the commands that use
them, never here, so that `--help` and `--version` answer at once.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable
from enum import StrEnum
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph import __version__
from newsgraph.cli_corpus import cannot_write, capped_workers, corpus_app, date_option
from newsgraph.cli_help import App
from newsgraph.console import err, error, out
from newsgraph.console import progress as _progress
from newsgraph.console import warn as _warn
from newsgraph.model import Article, ReadError, json_schema
from newsgraph.render import JsonlWriter, JsonWriter, PrettyWriter, Writer, safe_markup

app = App(
    help="Read conflict and political news into a sourced graph of actors, relations, "
    "events and quotes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
evaluate_app = App(help="Score newsgraph's output against gold annotations.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
app.add_typer(corpus_app)


class Format(StrEnum):
    pretty = "pretty"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        out.print(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Read conflict and political news into a sourced graph."""


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files: plain text (.txt), HTML pages (.html, .htm), JSON (.json: a record or a "
        "list of them), JSON Lines (.jsonl: a record a line), RSS/Atom feeds (.rss, .atom, "
        ".xml), WARC archives (.warc, .warc.gz); directories (read recursively); or - for "
        "plain text on standard input. Another suffix is read as plain text.",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", help="Output format. Default: pretty on a terminal, else jsonl."
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        help="Publication date (YYYY-MM-DD) for articles that carry none; relative dates "
        '("on Thursday") resolve against it.',
        callback=date_option,
    ),
]
WorkersOpt = Annotated[
    int,
    typer.Option(min=1, max=64, help="Processes for NLP and extraction (each loads the model)."),
]
IncludeTextOpt = Annotated[
    bool, typer.Option("--include-text", help="Print each article's text under article.text.")
]


@app.command()
def read(
    paths: PathsArg,
    format: FormatOpt = None,
    published: PublishedOpt = None,
    include_text: IncludeTextOpt = False,
    workers: WorkersOpt = 1,
) -> None:
    """Read articles and print their actors, relations, events and quotes.

    Bad records are reported on stderr with file and line; the others are still printed, and
    the exit code is 1 when any record failed, or when there was no article to read at all.
    """
    chosen = format or (Format.pretty if out.is_terminal else Format.jsonl)
    failed = _run(paths, chosen, published, include_text, workers)
    raise typer.Exit(code=1 if failed else 0)


@app.command()
def demo(
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.pretty,
    workers: WorkersOpt = 1,
    db: Annotated[
        Path, typer.Option("--db", help="The demo store, replaced by a fresh one on each run.")
    ] = Path("newsgraph-demo.db"),
) -> None:
    """Run newsgraph on its bundled corpus of fictional news: print what it found and how it
    scores against the corpus's hand-made gold, store it in a fresh SQLite corpus and show the
    dossier of the actor in most articles."""
    from newsgraph.evaluate import score_demo
    from newsgraph.read import iter_records

    articles: list[Article] = []
    corpus = resources.files("newsgraph.demo").joinpath("articles.jsonl")
    with resources.as_file(corpus) as path:
        failed = _run([str(path)], format, None, False, workers, keep=articles)
        texts = {r.id: r for r in iter_records([str(path)]) if not isinstance(r, ReadError)}
    console = out if format is Format.pretty else err
    _print_demo_scores(score_demo(articles), console)
    _store_demo(db, articles, texts, console)
    raise typer.Exit(code=1 if failed else 0)


def _store_demo(
    db: Path, articles: list[Article], records: dict[str, Any], console: Console
) -> None:
    """The demo's articles in a fresh store, without reading them a second time."""
    from newsgraph.cli_corpus import open_or_exit, print_dossier
    from newsgraph.corpus.ingest import store_article
    from newsgraph.dictionaries.gazetteer import default_gazetteer
    from newsgraph.store import queries as q

    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        try:
            stale.unlink(missing_ok=True)
        except OSError as problem:
            cannot_write(stale, problem)
    gazetteer = default_gazetteer()
    with open_or_exit(str(db)) as store:
        for article in articles:
            record = records[article.article.id]
            store_article(store, article, record.text, record.origin, gazetteer)
        with store.session() as session:
            (top,) = q.list_actors(session, limit=1)
            dossier = q.dossier(session, q.find_actor(session, f"#{top.id}"))
    if console is out:
        print_dossier(dossier)
    shown, name = safe_markup(str(db)), safe_markup(dossier.actor.name)  # text, not markup
    console.print(
        f"\nStored {len(articles)} articles in [bold]{shown}[/]. Explore it with:\n"
        f"  newsgraph actors --db {shown}\n"
        f'  newsgraph actor "{name}" --db {shown}\n'
        f"  newsgraph events --db {shown} --type ASSAULT\n"
        f"  newsgraph export --format gexf -o demo.gexf --db {shown}\n"
        f"and in the browser: newsgraph serve --db {shown}  →  http://127.0.0.1:8000/",
        highlight=False,
    )


def _print_demo_scores(scores: dict[str, Any], console: Console) -> None:
    table = Table(
        title="Against the demo gold (newsgraph evaluate … --gold demo)", title_justify="left"
    )
    for column in ("facts", "precision", "recall", "F1", "note"):
        table.add_column(column, justify="left" if column in ("facts", "note") else "right")
    quotes, events = scores["quotes"], scores["events"]
    table.add_row("actors", *_prf(scores["entities"]), "")
    table.add_row(
        "quotes", *_prf(quotes), f"speaker right on {quotes['attribution_accuracy']:.0%} of matches"
    )
    table.add_row("relations", *_prf(scores["relations"]), "")
    dates = events["accuracy"]["date"]
    note = f"date right on {dates:.0%} of matches" if dates is not None else ""
    table.add_row("events", *_prf(events), note)
    console.print(table)


def _prf(score: dict[str, Any]) -> list[str]:
    return [f"{score[m]:.3f}" for m in ("precision", "recall", "f1")]


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of one `newsgraph read` output object."""
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as problem:
        cannot_write(output, problem)


GoldOpt = Annotated[
    Path,
    typer.Option(
        help="Gold: a re3d folder (documents.json, entities.json, relations.json) or a folder "
        "of them; or a contract-shaped gold set (a folder with gold.jsonl); or 'demo'.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]
SourcesOpt = Annotated[
    str | None,
    typer.Option(
        "--sources",
        help="re3d gold: score these sources only, comma-separated (a folder name, part of "
        "one, or uk, dfat, eu, wikipedia).",
    ),
]
SplitOpt = Annotated[
    str | None,
    typer.Option(
        "--split",
        help="re3d gold: score one fixed half of the sources, a or b (docs/evaluation.md).",
    ),
]
ListSourcesOpt = Annotated[
    bool,
    typer.Option(
        "--list-sources", help="re3d gold: list the sources with their counts and splits, and stop."
    ),
]
LimitOpt = Annotated[
    int | None, typer.Option("--limit", min=1, help="Score only this many articles (the first).")
]
SampleOpt = Annotated[
    bool, typer.Option("--sample", help="With --limit: a fixed random sample, not the first.")
]
BaselineOpt = Annotated[bool, typer.Option(help="Also score the baseline on the same texts.")]


@evaluate_app.command("entities")
def evaluate_entities_command(
    gold: GoldOpt, as_json: JsonOpt = False, baseline: BaselineOpt = True
) -> None:
    """Entity precision, recall and F1 per type (Person, Organisation, Location) and overall,
    beside the bare spaCy NER baseline."""
    from newsgraph.evaluate import evaluate_entities

    report = _evaluate(evaluate_entities, gold, baseline)
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        _print_scores(report, ("Person", "Organisation", "Location", "overall"))


@evaluate_app.command("quotes")
def evaluate_quotes_command(
    gold: GoldOpt,
    as_json: JsonOpt = False,
    baseline: BaselineOpt = True,
    misses: Annotated[bool, typer.Option(help="List gold quotes missed or misattributed.")] = False,
    limit: LimitOpt = None,
    sample: SampleOpt = False,
) -> None:
    """Quote extraction precision, recall and F1, recall by kind, and attribution accuracy on
    matched quotes, beside textacy's direct_quotations. On a PolNeAR folder (STEM.txt +
    STEM.ann), scored as the held-out PolNeAR split is."""
    from newsgraph.evaluate import evaluate_quotes

    examples = 10 if misses else 0
    report = _evaluate(
        evaluate_quotes, gold, baseline, limit=limit, sample=sample, examples=examples
    )
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    if "documents_in_gold" in report:
        _print_polnear(report)
        return
    systems = [name for name in ("newsgraph", "textacy") if "precision" in report.get(name, {})]
    table = Table(title=f"{report['gold']} — {report['documents']} documents, quotes")
    table.add_column("measure")
    for name in systems:
        table.add_column(name, justify="right")
    measures = ["precision", "recall", "f1", "attribution_accuracy"]
    for measure in measures:
        table.add_row(measure, *(f"{report[n][measure]:.3f}" for n in systems))
    for kind in ("direct", "indirect", "mixed"):
        cells = [report[n]["recall_by_kind"][kind] for n in systems]
        table.add_row(f"recall {kind}", *("—" if c is None else f"{c:.3f}" for c in cells))
    table.add_row(
        "matched / gold / predicted",
        *(
            f"{report[n]['matched']} / {report[n]['gold']} / {report[n]['predicted']}"
            for n in systems
        ),
    )
    out.print(table)
    if misses:
        for line in report["newsgraph"]["misses"]:
            out.print(line, highlight=False, markup=False)


@evaluate_app.command("relations")
def evaluate_relations_command(
    gold: GoldOpt,
    as_json: JsonOpt = False,
    misses: Annotated[
        bool, typer.Option(help="List gold relations missed and false ones.")
    ] = False,
    sources: SourcesOpt = None,
    split: SplitOpt = None,
    list_sources: ListSourcesOpt = False,
) -> None:
    """Relation precision, recall and F1, overall and per group of predicates (re3d types
    map to groups as in ../shared/data/README.md)."""
    from newsgraph.evaluate import evaluate_relations

    if list_sources:
        _list_sources(gold)
        return
    report = _evaluate(evaluate_relations, gold, False, sources=_sources(sources, split))
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    ours = report["newsgraph"]
    table = Table(
        title=f"{report['gold']}{_of_sources(report)} — {report['documents']} documents, relations"
    )
    for column in ("group", "P", "R", "F1", "gold", "predicted"):
        table.add_column(column, justify="left" if column == "group" else "right")
    rows = [*ours["by_group"].items(), ("overall", ours), ("one-to-one", ours["one_to_one"])]
    for name, score in rows:
        table.add_row(name, *_prf(score), str(score["gold"]), str(score["predicted"]))
    out.print(table)
    if misses:
        for line in ours["misses"]:
            out.print(line, highlight=False, markup=False)


@evaluate_app.command("events")
def evaluate_events_command(
    gold: Annotated[
        Path,
        typer.Option(
            help="A re3d folder with events_gold.json beside its source folders; a "
            "contract-shaped gold set (a folder with gold.jsonl, or 'demo'); or PETRARCH2's "
            "validation records (PETR.UnitTest.records.xml).",
        ),
    ],
    as_json: JsonOpt = False,
    misses: Annotated[bool, typer.Option(help="List gold events missed and false ones.")] = False,
    sources: SourcesOpt = None,
    split: SplitOpt = None,
    list_sources: ListSourcesOpt = False,
) -> None:
    """Events: F1 and the accuracy of actor, target, date, place and fatalities against our
    gold; or CAMEO root and full code accuracy per category on PETRARCH2's records."""
    from newsgraph.evaluate import evaluate_events

    if list_sources:
        _list_sources(gold)
        return
    report = _evaluate(evaluate_events, gold, False, sources=_sources(sources, split))
    if report.get("documents_without_event_gold"):
        left = report["documents_without_event_gold"]
        _warn(f"{len(left)} document(s) have no event gold: not scored")
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    ours = report["newsgraph"]
    if "by_category" in ours:
        table = Table(title=f"{report['gold']} — {report['documents']} records, CAMEO coding")
        columns = ("root_accuracy", "full_accuracy", "source_agreement", "target_agreement")
        table.add_column("category")
        for column in (*columns, "gold_codings"):
            table.add_column(column.replace("_", " "), justify="right")
        for name, score in [*ours["by_category"].items(), ("overall", ours)]:
            table.add_row(name, *(f"{score[c]:.3f}" for c in columns), str(score["gold_codings"]))
        out.print(table)
        return
    table = Table(
        title=f"{report['gold']}{_of_sources(report)} — {report['documents']} documents, events"
    )
    table.add_column("measure")
    table.add_column("newsgraph", justify="right")
    for measure in ("precision", "recall", "f1"):
        table.add_row(measure, f"{ours[measure]:.3f}")
    for name, value in ours["accuracy"].items():
        table.add_row(f"{name} accuracy", "—" if value is None else f"{value:.3f}")
    table.add_row(
        "matched / gold / predicted", f"{ours['matched']} / {ours['gold']} / {ours['predicted']}"
    )
    out.print(table)
    if misses:
        for line in ours["misses"]:
            out.print(line, highlight=False, markup=False)


def _evaluate(function: Any, gold: Path, baseline: bool, **options: Any) -> dict[str, Any]:
    from newsgraph.evaluate import GoldError

    if str(gold) != "demo" and not gold.exists():
        error(f"{gold}: no such file or directory")
        raise typer.Exit(code=2)
    try:
        report: dict[str, Any] = function(gold, progress=_progress, baseline=baseline, **options)
    except GoldError as problem:
        error(str(problem))
        raise typer.Exit(code=2) from problem
    for message in report["errors"]:
        error(str(message))
    return report


def _sources(sources: str | None, split: str | None) -> list[str] | None:
    from newsgraph.evaluate import GoldError, source_names

    try:
        return source_names(sources.split(",") if sources else None, split)
    except GoldError as problem:
        error(str(problem))
        raise typer.Exit(code=2) from problem


def _of_sources(report: dict[str, Any]) -> str:
    return f" ({', '.join(report['sources'])})" if report.get("sources") else ""


def _list_sources(gold: Path) -> None:
    from newsgraph.evaluate import re3d

    try:
        rows = re3d.source_counts(gold)
    except re3d.GoldFormatError as problem:
        error(str(problem))
        raise typer.Exit(code=2) from problem
    table = Table(title=f"{gold} — re3d sources (scored relations, gold events)")
    for column in ("source", "split", "documents", "relations", "events"):
        table.add_column(column, justify="left" if column in ("source", "split") else "right")
    for row in rows:
        table.add_row(*(str(row[c] or "") for c in ("source", "split")),
                      *(str(row[c]) for c in ("documents", "relations", "events")))  # fmt: skip
    out.print(table)


def _print_polnear(report: dict[str, Any]) -> None:
    ours = report["newsgraph"]
    of = f"{report['documents']} of {report['documents_in_gold']} articles"
    table = Table(title=f"{report['gold']} — {of}, attributions (PolNeAR rules)")
    table.add_column("measure")
    table.add_column("newsgraph", justify="right")
    for measure in ("f1", "precision", "recall", "attribution_accuracy"):
        table.add_row(measure.replace("_", " "), f"{ours[measure]:.3f}")
    for name in ("recall_by_kind", "recall_by_quoted_fraction"):
        totals = ours["gold_by_kind" if name == "recall_by_kind" else "gold_by_quoted_fraction"]
        for key, value in ours[name].items():
            label = f"recall {key}" if name == "recall_by_kind" else f"recall quoted {key}"
            table.add_row(f"{label} (of {totals[key]})", f"{value:.3f}")
    table.add_row("precision excusing touching", f"{ours['precision_excusing_touching']:.3f}")
    table.add_row(
        "attribution right / gold with source",
        f"{ours['attribution_right']} / {ours['attribution_n']}",
    )
    table.add_row(
        "matched / gold / predicted", f"{ours['matched']} / {ours['gold']} / {ours['predicted']}"
    )
    out.print(table)
    for heading, items in report.get("examples", {}).items():
        out.print(f"{heading}:", highlight=False, markup=False)
        for item in items:
            parts = [item.get("source"), item.get("cue"), item.get("said"), item["text"]]
            line = " | ".join(" ".join(str(p).split()) for p in parts if p is not None)
            out.print(f"  [{item['doc_id'][:30]}] {line[:160]}", highlight=False, markup=False)
    out.print(
        f"polnear quotes F1={ours['f1']:.3f} P={ours['precision']:.2f} R={ours['recall']:.2f} "
        f"attribution={ours['attribution_accuracy']:.2f} (n_gold={ours['gold']}, "
        f"n_pred={ours['predicted']}, matched={ours['matched']})",
        highlight=False,
    )


def _print_scores(report: dict[str, Any], rows: Iterable[str]) -> None:
    systems = [name for name in ("newsgraph", "spacy") if name in report]
    table = Table(title=f"{report['gold']} — {report['documents']} documents")
    table.add_column("type")
    for name in systems:
        for measure in ("P", "R", "F1"):
            table.add_column(f"{name} {measure}", justify="right")
    for row in rows:
        cells = [row]
        for name in systems:
            score = report[name][row]
            cells += [f"{score['precision']:.3f}", f"{score['recall']:.3f}", f"{score['f1']:.3f}"]
        table.add_row(*cells)
    out.print(table)


def _run(
    paths: list[str],
    format: Format,
    published: str | None,
    include_text: bool,
    workers: int,
    keep: list[Article] | None = None,
) -> int:
    """Stream records through the pipeline to the writer; return how many records failed.

    With `keep`, the articles are also collected there and a summary is printed at the end."""
    from newsgraph.pipeline import analyze
    from newsgraph.read import count_records, iter_records

    writer = _writer(format)
    counts = Counts()
    records = iter_records(paths, published=published, warn=_warn)
    workers, records = capped_workers(workers, records)
    first = next(records, None)  # with nothing to read, the model is not even loaded
    try:
        results = (
            analyze(chain([first], records), workers=workers, include_text=include_text)
            if first is not None
            else iter(())
        )
        show_progress = format is not Format.pretty or not out.is_terminal
        total = count_records(paths) if show_progress and err.is_terminal else None
        for result in _progress(results, total, "reading") if show_progress else results:
            if isinstance(result, ReadError):
                counts.failed += 1
                error(str(result))
            else:
                counts.add(result)
                writer.write(result)
                if keep is not None:
                    keep.append(result)
    except RuntimeError as problem:  # the model is missing: nothing can be read
        error(str(problem))
        return 1
    finally:
        writer.close()
    if counts.failed:
        err.print(f"[yellow]{counts.failed} record(s) failed, {counts.articles} read.[/]")
    elif not counts.articles:
        named = ", ".join("standard input" if path == "-" else path for path in paths)
        err.print(
            f"[red]error:[/] no readable articles in {escape(named)}",
            highlight=False,
            soft_wrap=True,
        )
        return 1
    if keep is not None:
        counts.print(err if format is not Format.pretty else out)
    return counts.failed


def _writer(format: Format) -> Writer:
    if format is Format.jsonl:
        return JsonlWriter(sys.stdout.buffer)
    if format is Format.json:
        return JsonWriter(sys.stdout.buffer)
    return PrettyWriter(out)


class Counts:
    """What a run found, for the closing summary."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.articles = self.failed = 0
        self.facts = {"actors": 0, "relations": 0, "quotes": 0, "events": 0}
        self.types: dict[str, int] = {}

    def add(self, article: Article) -> None:
        self.articles += 1
        for section in self.facts:
            self.facts[section] += len(getattr(article, section))
        for actor in article.actors:
            self.types[actor.type] = self.types.get(actor.type, 0) + 1

    def print(self, console: Console) -> None:
        elapsed = time.perf_counter() - self.started
        table = Table(title="Summary", title_justify="left")
        table.add_column("what")
        table.add_column("count", justify="right")
        table.add_row("articles", str(self.articles))
        table.add_row("failed records", str(self.failed))
        for section, count in self.facts.items():
            table.add_row(section, str(count))
        for actor_type, count in sorted(self.types.items()):
            table.add_row(f"  actors: {actor_type}", str(count))
        table.add_row("seconds", f"{elapsed:.1f}")
        console.print(table)


def main() -> None:
    app()
