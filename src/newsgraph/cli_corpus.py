"""The corpus commands of `newsgraph`: ingest, query, export and curate a store.

A thin shell: each command opens the store, calls one function of `newsgraph.corpus`,
`newsgraph.store` or `newsgraph.export`, and prints a Rich table or, with --json, JSON.
SQLAlchemy and the queries are imported by the commands that run, so `--help` is quick.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar, get_args

import msgspec
import typer
from rich.table import Table

from newsgraph.cli_help import App
from newsgraph.console import err, error, out, ticker, warn
from newsgraph.model import ActorType, EventType, ReadError, Record
from newsgraph.render import (
    CORPUS_EVENT_COLUMNS,
    CORPUS_RELATION_COLUMNS,
    DataTable,
    FactTable,
    safe_markup,
)
from newsgraph.store import DEFAULT_DB, PAGE, StoreError, shown_db

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from newsgraph.store import Store
    from newsgraph.store import queries as q

corpus_app = App()
T = TypeVar("T")

ActorTypeChoice = StrEnum("ActorTypeChoice", {t: t for t in get_args(ActorType)})  # type: ignore[misc]
EventTypeChoice = StrEnum("EventTypeChoice", {t: t for t in get_args(EventType)})  # type: ignore[misc]


class Engine(StrEnum):
    local = "local"
    ray = "ray"


DbOpt = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSGRAPH_DB",
        help="The store: a SQLite file path, or postgresql://user@host/dbname.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
LimitOpt = Annotated[int, typer.Option(min=1, max=100_000, help="At most this many rows.")]
OffsetOpt = Annotated[int, typer.Option(min=0, help="Skip this many rows first.")]


def date_option(value: str | None) -> str | None:
    """A date option (a Typer callback): YYYY-MM-DD, or a usage error saying so."""
    from newsgraph.read.records import RecordError, parse_published

    if value is None:
        return None
    try:
        return parse_published(value)
    except RecordError as problem:
        raise typer.BadParameter(f"must be a date as YYYY-MM-DD, got {value!r}") from problem


DateOpt = Annotated[str | None, typer.Option(help="YYYY-MM-DD.", callback=date_option)]


def open_or_exit(db: str, create: bool = True) -> Store:
    """The store at `db`, or its problem in one line and exit 1 (2 for no store at all)."""
    from newsgraph.store import MissingStore, open_store

    try:
        return open_store(db, create=create)
    except StoreError as problem:
        error(str(problem))
        raise typer.Exit(code=2 if isinstance(problem, MissingStore) else 1) from problem


@contextmanager
def _session(db: str, create: bool = False) -> Iterator[Session]:
    store = open_or_exit(db, create)
    with store, store.session() as session:
        yield session


def open_output(path: Path) -> TextIO:
    """`path` opened for writing, or why it cannot be in one line and exit 1."""
    try:
        return path.open("w", encoding="utf-8", newline="")
    except OSError as problem:
        cannot_write(path, problem)


def cannot_write(path: Path, problem: OSError) -> NoReturn:
    error(f"cannot write {path}: {problem.strerror or problem}")
    raise typer.Exit(code=1) from problem


def capped_workers(
    requested: int, items: Iterable[T], *, local: bool = True
) -> tuple[int, Iterator[T]]:
    """At most one worker per record to read (looking a few records ahead) and, on this
    machine, per CPU core: each worker loads the model. Says so on stderr when it caps;
    returns the workers and the items, unchanged."""
    iterator = iter(items)
    ahead = list(islice(iterator, requested)) if requested > 1 else []
    limits = [(requested, "")]
    if len(ahead) < requested:  # all of them: no more workers than records
        records = sum(isinstance(item, Record) for item in ahead)
        limits.append((max(records, 1), f"{records} article(s) to read" if records else ""))
    if local:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        cores = cores or os.cpu_count() or 1
        limits.append((cores, f"{cores} CPU core(s) here"))
    workers, reason = min(limits, key=lambda limit: limit[0])
    if workers < requested and reason:
        warn(f"using {workers} worker(s), not {requested}: {reason}")
    return workers, chain(ahead, iterator)


def _actor(session: Session, name: str) -> Any:
    from newsgraph.store import queries as q

    try:
        return q.find_actor(session, name)
    except q.NotFound as problem:
        hint = (
            f"; did you mean {', '.join(map(repr, problem.suggestions))}?"
            if problem.suggestions
            else ""
        )
        error(f"{problem}{hint}")
        raise typer.Exit(code=1) from problem


def _print_json(value: Any) -> None:
    sys.stdout.buffer.write(msgspec.json.format(msgspec.json.encode(value)) + b"\n")


# -------------------------------------------------------------------------------- ingest


@corpus_app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .json, .jsonl, .rss/.atom feeds, .warc/.warc.gz), "
            "directories (read recursively) or - for standard input.",
            show_default=False,
        ),
    ],
    db: DbOpt = DEFAULT_DB,
    workers: Annotated[
        int, typer.Option(min=1, max=1024, help="Processes (local) or Ray actors for NLP.")
    ] = 1,
    engine: Annotated[
        Engine, typer.Option(help="local: this machine; ray: a Ray cluster (Ray Data).")
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option(help="With --engine ray: auto or ray://host:port; default a local Ray."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date for articles that carry none.", callback=date_option),
    ] = None,
) -> None:
    """Read articles into the corpus store, resolving actors and fusing events across them.

    Idempotent and resumable: an article whose text is already stored is skipped before any
    NLP, and each article is written whole in one transaction, so an interrupted run is
    finished by running it again.
    """
    from newsgraph.corpus.ingest import ingest as run_ingest
    from newsgraph.read import count_records, iter_records

    store = open_or_exit(db)
    records = iter_records(paths, published=published, warn=warn)
    workers, records = capped_workers(workers, records, local=engine is Engine.local)
    try:
        total = count_records(paths) if err.is_terminal else None
        with store, ticker("ingesting", total) as tick:

            def on_result(result: Any) -> None:
                if isinstance(result, ReadError):
                    error(str(result))
                tick()

            report = run_ingest(
                store,
                records,
                workers=workers,
                engine=engine.value,
                address=address,
                on_result=on_result,
            )
    except StoreError as problem:
        error(str(problem))
        raise typer.Exit(code=3) from problem
    except RuntimeError as problem:  # the spaCy model is missing
        error(str(problem))
        raise typer.Exit(code=2) from problem
    except ImportError as problem:  # --engine ray without Ray
        error(f"{problem}: install the Ray engine with pip install 'newsgraph[ray]'")
        raise typer.Exit(code=2) from problem
    share = report.store_seconds / report.seconds if report.seconds else 0.0
    err.print(
        f"{report.stored} stored, {report.skipped} already in the store, {report.failed} failed "
        f"in {report.seconds:.1f} s (store writes {share:.0%}) → {shown_db(db)}",
        highlight=False,
    )
    raise typer.Exit(code=1 if report.failed else 0)


# ------------------------------------------------------------------------------- queries


@corpus_app.command()
def actors(
    db: DbOpt = DEFAULT_DB,
    type: Annotated[ActorTypeChoice | None, typer.Option("--type", help="Only this type.")] = None,
    search: Annotated[str | None, typer.Option(help="Names or aliases containing this.")] = None,
    all: Annotated[
        bool, typer.Option("--all", help='Also actors named only by a common noun ("fighters").')
    ] = False,
    limit: LimitOpt = PAGE,
    offset: OffsetOpt = 0,
    json: JsonOpt = False,
) -> None:
    """List the corpus's actors, those in most articles first."""
    from newsgraph.store import queries as q

    with _session(db) as session:
        found = q.list_actors(
            session,
            type=type.value if type else None,
            search=search,
            include_unnamed=all,
            limit=limit,
            offset=offset,
        )
    if json:
        _print_json(found)
        return
    if not found:
        out.print("no actors match")
        return
    table = DataTable(title=f"Actors in {shown_db(db)}", title_justify="left")
    for column in ("id", "name", "type", "articles", "aliases", "CAMEO"):
        table.add_column(
            column,
            justify="right" if column in ("id", "articles") else "left",
            min_width=len(column),
        )
    for actor in found:
        table.add_row(
            str(actor.id),
            actor.name,
            actor.type,
            str(actor.articles),
            ", ".join(actor.aliases[:6]),
            " ".join(actor.cameo),
        )
    out.print(table)


@corpus_app.command()
def actor(
    name: Annotated[str, typer.Argument(help="A name, an alias, or an id as #12.")],
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[
        int, typer.Option(min=1, max=100_000, help="The newest this many of each section.")
    ] = PAGE,
    json: JsonOpt = False,
) -> None:
    """One actor's dossier: aliases, roles over time, relations with evidence and who asserted
    them, events as actor and as target, quotes by and about the actor, articles."""
    from newsgraph.store import queries as q

    with _session(db) as session:
        found = q.dossier(session, _actor(session, name), limit)
    if json:
        _print_json(found)
        return
    print_dossier(found)


def print_dossier(dossier: q.Dossier) -> None:
    actor = dossier.actor
    out.rule(
        f"[bold]{safe_markup(actor.name)}[/] · {actor.type} · #{actor.id} · "
        f"{actor.articles} article(s)"
    )
    forms = ", ".join(f"{form} ({count})" for form, count in dossier.surface_forms.items())
    out.print(f"[bold]Names:[/] {safe_markup(forms)}", highlight=False)
    if actor.cameo:
        out.print(f"[bold]CAMEO:[/] {safe_markup(' '.join(actor.cameo))}")
    if dossier.roles:
        table = _table("Roles over time", "date", "title", "organisation", "article")
        for role in dossier.roles:
            organisation = role.organization.name if role.organization else role.organization_name
            table.add_row(
                role.article.published or "", role.title, organisation or "", _title(role.article)
            )
        out.print(table)
    if dossier.relations:
        relations = FactTable("Relations", CORPUS_RELATION_COLUMNS, "evidence", out.width)
        for relation in dossier.relations:
            source = relation.provenance
            relations.add_row(
                subject=relation.subject.name,
                predicate=relation.predicate
                + ("" if source.modality == "asserted" else f" ({source.modality})"),
                object=relation.object.name,
                since_until=f"{relation.since or ''}–{relation.until or ''}".strip("–"),
                asserted_by=source.asserted_by or f"the article ({_title(source.article)})",
                evidence=source.sentence,
            )
        out.print(relations.table)
    for label, events in (
        ("Events as actor", dossier.events_as_actor),
        ("Events as target", dossier.events_as_target),
    ):
        if events:
            out.print(_events_table(label, events))
    for label, quotes in (("Quotes by", dossier.quotes_by), ("Quotes about", dossier.quotes_about)):
        if quotes:
            out.print(_quotes_table(f"{label} {actor.name}", quotes))
    table = _table("Articles", "date", "title", "source")
    for article in dossier.articles:
        table.add_row(
            article.published or "", article.title or f"#{article.id}", article.source or ""
        )
    out.print(table)


@corpus_app.command()
def quotes(
    db: DbOpt = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Quotes by this actor.")] = None,
    about: Annotated[str | None, typer.Option(help="Quotes that name this actor.")] = None,
    search: Annotated[str | None, typer.Option(help="Quotes containing all these words.")] = None,
    since: DateOpt = None,
    until: DateOpt = None,
    limit: LimitOpt = PAGE,
    offset: OffsetOpt = 0,
    json: JsonOpt = False,
) -> None:
    """Search the corpus's quotes by speaker, by the actors they name and by their words."""
    from newsgraph.store import queries as q

    with _session(db) as session:
        found = q.search_quotes(
            session,
            speaker_id=_actor(session, speaker).id if speaker else None,
            about_id=_actor(session, about).id if about else None,
            search=search,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    if json:
        _print_json(found)
        return
    out.print(_quotes_table("Quotes", found) if found else "no quotes match")


@corpus_app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Events this actor took part in.")] = None,
    type: Annotated[EventTypeChoice | None, typer.Option("--type", help="PLOVER type.")] = None,
    since: DateOpt = None,
    until: DateOpt = None,
    place: Annotated[str | None, typer.Option(help="A place name or country code.")] = None,
    limit: LimitOpt = PAGE,
    offset: OffsetOpt = 0,
    json: JsonOpt = False,
) -> None:
    """List corpus events (each fusing its reports), oldest first."""
    from newsgraph.store import queries as q

    with _session(db) as session:
        found = q.list_events(
            session,
            actor_id=_actor(session, actor).id if actor else None,
            type=type.value if type else None,
            since=since,
            until=until,
            place=place,
            limit=limit,
            offset=offset,
        )
    if json:
        _print_json(found)
        return
    out.print(_events_table("Events", found) if found else "no events match")


def _table(title: str, *columns: str) -> Table:
    table = DataTable(title=title, title_justify="left", show_lines=False)
    for column in columns:  # a header wraps between words, never inside one
        table.add_column(column, overflow="fold", min_width=max(map(len, column.split())))
    return table


def _title(article: q.ArticleRef) -> str:
    return article.title or f"article #{article.id}"


def _events_table(title: str, events: list[q.CorpusEventView]) -> Table:
    table = FactTable(title, CORPUS_EVENT_COLUMNS, "actors", out.width)
    for event in events:
        casualties = dict.fromkeys(
            f"{c.kind} {c.count}{'–' + str(c.count_max) if c.count_max else ''} ({c.source})"
            for report in event.reports
            for c in report.fatalities
        )
        table.add_row(
            id=str(event.id),
            date=event.date or "",
            type=event.type,
            actors=", ".join(a.name for a in event.actors),
            targets=", ".join(t.name for t in event.targets),
            place=event.place or "",
            casualties="; ".join(casualties),
            reports=str(len(event.reports)),
        )
    return table.table


def _quotes_table(title: str, quotes: list[q.QuoteView]) -> Table:
    table = _table(title, "date", "speaker", "kind", "quote", "article")
    for quote in quotes:
        speaker = quote.speaker.name if quote.speaker else (quote.speaker_text or "—")
        table.add_row(
            quote.article.published or "", speaker, quote.kind, quote.text, _title(quote.article)
        )
    return table


# ------------------------------------------------------------------------------- export


class ExportChoice(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    gexf = "gexf"
    graphml = "graphml"
    ftm = "ftm"


@corpus_app.command()
def export(
    format: Annotated[ExportChoice, typer.Option("--format", "-f", help="What to write.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; default standard output.")
    ] = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Export the corpus: csv (an ACLED-like event table), jsonl (everything), gexf (Gephi),
    graphml (networkx, yEd) or ftm (FollowTheMoney entities for Aleph)."""
    from newsgraph.export import ExportFormat
    from newsgraph.export import export as run_export

    with _session(db) as session:
        if output is None:
            written = run_export(session, ExportFormat(format.value), sys.stdout)
        else:
            with open_output(output) as handle:
                try:
                    written = run_export(session, ExportFormat(format.value), handle)
                except OSError as problem:  # the disk filled up, the device went away
                    cannot_write(output, problem)
    err.print(f"{written} record(s) written{f' to {output}' if output else ''}", highlight=False)


# ---------------------------------------------------------------------------------- serve


@corpus_app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (local only by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_edits: Annotated[
        bool, typer.Option("--allow-edits", help="Let the browser merge and split actors.")
    ] = False,
) -> None:
    """Open the corpus in the browser: actor graph, dossiers, timeline, map, quote search and
    articles, plus the JSON API under /api (schema at /openapi.json). Read-only by default."""
    import uvicorn

    from newsgraph.web.app import create_app

    store = open_or_exit(db, create=False)
    # the app only shows `db` (the store is given): never with its password
    app = create_app(shown_db(db), allow_edits=allow_edits, store=store, hosts=[host])
    if host not in ("127.0.0.1", "localhost", "::1"):
        warn(f"listening on {host}: anyone who can reach it can read the corpus")
    err.print(
        f"newsgraph on http://{host}:{port}/ (store {shown_db(db)}); Ctrl+C stops it",
        highlight=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


# ------------------------------------------------------------------------------ curation


@corpus_app.command()
def merge(
    keep: Annotated[str, typer.Argument(help="The actor to keep (name, alias or #id).")],
    other: Annotated[str, typer.Argument(help="The actor merged into it.")],
    note: Annotated[str | None, typer.Option(help="Why, for the record.")] = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Merge two corpus actors the resolver kept apart. Recorded; `split` undoes it."""
    from newsgraph.store.curation import CurationError
    from newsgraph.store.curation import merge as run_merge

    with _session(db) as session:
        first, second = _actor(session, keep), _actor(session, other)
        try:
            record = run_merge(session, first, second, note)
        except CurationError as problem:
            error(str(problem))
            raise typer.Exit(code=1) from problem
        session.commit()
        out.print(
            f"merged #{second.id} {safe_markup(second.name)} into #{first.id} "
            f"{safe_markup(first.name)} "
            f"({len(record.moved)} article actor(s) moved; curation #{record.id})",
            highlight=False,
        )


@corpus_app.command()
def split(
    actor: Annotated[str, typer.Argument(help="The actor to split (name, alias or #id).")],
    other: Annotated[
        str | None, typer.Argument(help="An actor once merged into it: undo that merge.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Move the mentions with this surface form out.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Why, for the record.")] = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Split a corpus actor: undo an earlier merge (`split A B`) or move one surface form's
    mentions into an actor of their own (`split A --name FORM`). Recorded."""
    from newsgraph.store import queries as q
    from newsgraph.store.curation import CurationError, merged_into, split_name, unmerge

    if (other is None) == (name is None):
        error("give either another actor (to undo a merge) or --name FORM, not both")
        raise typer.Exit(code=2)
    with _session(db) as session:
        target = _actor(session, actor)
        try:
            if other is not None:
                record = unmerge(session, target, merged_into(session, target, other))
            else:
                assert name is not None
                record = split_name(session, target, name, note)
        except (CurationError, q.NotFound) as problem:
            error(str(problem))
            raise typer.Exit(code=1) from problem
        session.commit()
        out.print(
            f"moved {len(record.moved)} article actor(s) from #{record.kept_id} to "
            f"#{record.other_id} (curation #{record.id})",
            highlight=False,
        )


@corpus_app.command()
def curations(db: DbOpt = DEFAULT_DB, json: JsonOpt = False) -> None:
    """The record of merges and splits, newest first."""
    from newsgraph.store.curation import history

    with _session(db) as session:
        records = [
            {
                "id": r.id,
                "action": r.action,
                "kept": r.kept_id,
                "other": r.other_id,
                "moved": len(r.moved),
                "note": r.note,
                "at": r.created_at.isoformat(timespec="seconds"),
                "undone_at": r.undone_at.isoformat(timespec="seconds") if r.undone_at else None,
            }
            for r in history(session)
        ]
    if json:
        _print_json(records)
        return
    if not records:
        out.print("no curations yet")
        return
    table = _table("Curations", *records[0].keys())
    for record in records:
        table.add_row(*(str(v) if v is not None else "" for v in record.values()))
    out.print(table)
