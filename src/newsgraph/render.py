"""Writing articles out: JSON Lines, a JSON document, or a report for a person.

Writers take articles one at a time, so output streams as the pipeline produces it.
"""

from __future__ import annotations

from typing import IO, Protocol

import msgspec
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.model import Actor, Article, to_json


class Writer(Protocol):
    def write(self, article: Article) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    """One JSON object per line, flushed per article."""

    def __init__(self, out: IO[bytes]):
        self.out = out

    def write(self, article: Article) -> None:
        self.out.write(to_json(article) + b"\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """One indented JSON document: a list of articles, written as they come."""

    def __init__(self, out: IO[bytes]):
        self.out = out
        self.count = 0

    def write(self, article: Article) -> None:
        self.out.write(b"[\n" if self.count == 0 else b",\n")
        self.out.write(msgspec.json.format(to_json(article), indent=2))
        self.count += 1

    def close(self) -> None:
        self.out.write(b"[]\n" if self.count == 0 else b"\n]\n")
        self.out.flush()


class PrettyWriter:
    """A report per article: actors, relations, events and quotes with their evidence."""

    def __init__(self, console: Console):
        self.console = console

    def write(self, article: Article) -> None:
        self.console.print(article_report(article))

    def close(self) -> None:
        pass


def article_report(article: Article) -> Panel:
    meta = article.article
    names = {actor.id: actor.name for actor in article.actors}
    parts: list[Table | Text] = [
        _actors_table(article.actors),
        _relations_table(article, names),
        _events_table(article, names),
        _quotes_table(article, names),
    ]
    title = escape(meta.title or meta.id)
    subtitle = " · ".join(escape(p) for p in (meta.id, meta.published, meta.source) if p)
    return Panel(Group(*parts), title=f"[bold]{title}[/]", subtitle=subtitle, title_align="left")


def _actors_table(actors: list[Actor]) -> Table | Text:
    if not actors:
        return Text("No actors found.", style="dim")
    table = Table(title="Actors", title_justify="left", expand=True)
    _columns(table, id=1, name=3, type=2, aliases=3, roles=3, mentions=1)
    for actor in actors:
        roles = "; ".join(
            r.title + (f" ({r.organization_name})" if r.organization_name else "")
            for r in actor.roles
        )
        table.add_row(
            actor.id,
            escape(actor.name),
            actor.type,
            escape(", ".join(actor.aliases)),
            escape(roles),
            str(len(actor.mentions)),
        )
    return table


def _relations_table(article: Article, names: dict[str, str]) -> Table | Text:
    if not article.relations:
        return Text("No relations found.", style="dim")
    table = Table(title="Relations", title_justify="left", expand=True)
    _columns(table, subject=2, predicate=2, object=2, when=1, modality=1, asserted_by=2, evidence=6)
    for rel in article.relations:
        when = "–".join(p for p in (rel.since, rel.until) if p) or ""
        table.add_row(
            escape(names.get(rel.subject, rel.subject)),
            rel.predicate,
            escape(names.get(rel.object, rel.object)),
            when,
            rel.modality,
            escape(names.get(rel.asserted_by or "", "article")),
            escape(_squash(rel.evidence.text)),
        )
    return table


def _events_table(article: Article, names: dict[str, str]) -> Table | Text:
    if not article.events:
        return Text("No events found.", style="dim")
    table = Table(title="Events", title_justify="left", expand=True)
    _columns(table, type=2, who=2, whom=2, when=2, where=2, casualties=3, evidence=5)
    for event in article.events:
        casualties = "; ".join(
            f"{f.count} {f.who or ''} {f.kind}".strip() + (f" (per {f.source})" if f.source else "")
            for f in event.fatalities
        )
        table.add_row(
            f"{event.type} {event.cameo or ''}".strip(),
            escape(", ".join(names.get(a, a) for a in event.actors)),
            escape(", ".join(names.get(a, a) for a in event.targets)),
            escape(event.date or event.date_text or ""),
            escape(event.place.name if event.place else ""),
            escape(casualties),
            escape(_squash(event.evidence.text)),
        )
    return table


def _quotes_table(article: Article, names: dict[str, str]) -> Table | Text:
    if not article.quotes:
        return Text("No quotes found.", style="dim")
    table = Table(title="Quotes", title_justify="left", expand=True)
    table.add_column("speaker", ratio=2, min_width=16, overflow="fold")
    table.add_column("cue", ratio=1, min_width=10)
    table.add_column("quote", ratio=5, overflow="fold")
    for quote in article.quotes:
        name = names.get(quote.speaker, "") if quote.speaker else ""
        speaker = escape(name) if name else "[dim](unnamed)[/]"
        if quote.speaker_text and quote.speaker_text != name:
            speaker += f" [dim]← {escape(quote.speaker_text)}[/]"
        table.add_row(
            speaker,
            escape(f"{quote.cue or '—'} · {quote.kind}"),
            escape(_squash(quote.text, 400)),
        )
    return table


def _columns(table: Table, **ratios: int) -> None:
    """Columns sharing the width by ratio: evidence gets room, labels do not wrap mid-word."""
    for name, ratio in ratios.items():
        label = name.replace("_", " ")
        table.add_column(label, ratio=ratio, overflow="fold", min_width=max(ratio * 3, len(label)))


def _squash(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
