"""Writing articles out: JSON Lines, a JSON document, or a report for a person.

Writers take articles one at a time, so output streams as the pipeline produces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO, Any, Protocol

import msgspec
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.model import Actor, Article, to_json

# C0 controls but tab and line feed, DEL and C1 controls: ESC starts terminal commands
# (clear the screen, set the title, hyperlinks), C1 0x9b is ESC [ on some terminals.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Text that reaches a terminal as text: control characters removed (tab and line feed
    kept for layout)."""
    return _CONTROL.sub("", text)


def safe_markup(text: str) -> str:
    """Article-derived text to embed in Rich markup: brackets escaped ("[the]" stays),
    control characters removed."""
    return escape(plain(text))


def safe_text(text: str, style: str = "") -> Text:
    """Article-derived text as a Rich `Text`: never parsed as markup, no control characters."""
    return Text(plain(text), style=style)


class DataTable(Table):
    """A table whose string cells and title are data, not markup: shown as written, control
    characters removed. Pass a `Text` for a styled cell."""

    def __init__(self, *headers: Any, title: str | None = None, **options: Any):
        super().__init__(*headers, title=safe_text(title) if title else None, **options)

    def add_row(self, *renderables: RenderableType | None, **options: Any) -> None:
        cells = [safe_text(cell) if isinstance(cell, str) else cell for cell in renderables]
        super().add_row(*cells, **options)


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
        self.console.print(article_report(article, self.console.width))

    def close(self) -> None:
        pass


def article_report(article: Article, width: int = 120) -> Panel:
    """One article for a person, `width` columns wide: the title (else the id) on the panel,
    then its facts; columns that do not fit are folded under each row."""
    meta = article.article
    names = {actor.id: actor.name for actor in article.actors}
    inner = max(width - 4, 40)  # the panel's borders and padding
    parts: list[Table | Text] = [
        _actors_table(article.actors, inner),
        _relations_table(article, names, inner),
        _events_table(article, names, inner),
        _quotes_table(article, names, inner),
    ]
    title = safe_markup(meta.title or meta.id)
    subtitle = " · ".join(safe_markup(p) for p in (meta.id, meta.published, meta.source) if p)
    return Panel(Group(*parts), title=f"[bold]{title}[/]", subtitle=subtitle, title_align="left")


@dataclass(frozen=True)
class Column:
    """A column of a fact table: its share of the width, the narrowest it may be, and when it
    gives way on a narrow terminal (0: never; higher numbers first)."""

    name: str
    ratio: int  # 0: as wide as its content (labels, counts); else a share of the rest
    min_width: int
    priority: int = 0


class FactTable:
    """A table that fits its width: the columns of lowest priority that do not fit are shown
    as "name: value" lines under the row, in the column `fold_into`. Widths are set here,
    not by Rich, so that no column is narrower than its `min_width` (headers never wrap
    letter by letter)."""

    def __init__(self, title: str, columns: list[Column], fold_into: str, width: int):
        self.title = title
        self.width = width
        self.all_columns = columns
        self.fold_into = fold_into
        self.rows: list[dict[str, str]] = []

    def add_row(self, **cells: str) -> None:
        self.rows.append(cells)

    @property
    def table(self) -> Table:
        needed = {column.name: self._needed(column) for column in self.all_columns}
        budget = self.width - 1  # the left border
        shown: set[str] = set()
        for column in sorted(self.all_columns, key=lambda c: c.priority):
            if column.priority and budget < needed[column.name] + 3:
                break  # this one and every column of lower priority fold under the row
            shown.add(column.name)
            budget -= needed[column.name] + 3  # padding and right border
        columns = [c for c in self.all_columns if c.name in shown]
        folded = [c.name for c in self.all_columns if c.name not in shown]
        widths = self._widths(columns, needed)
        table = DataTable(title=self.title, title_justify="left")
        for column in columns:
            table.add_column(
                column.name.replace("_", " "), width=widths[column.name], overflow="fold"
            )
        for cells in self.rows:
            details = [
                f"{name.replace('_', ' ')}: {cells[name]}" for name in folded if cells.get(name)
            ]
            row: list[RenderableType] = []
            for column in columns:
                cell = safe_text(cells.get(column.name, ""))
                if column.name == self.fold_into and details:
                    cell.append("\n" + "\n".join(plain(d) for d in details), style="dim")
                row.append(cell)
            table.add_row(*row)
        return table

    def _needed(self, column: Column) -> int:
        """The narrowest a column may be: a label column as wide as its widest cell."""
        content = max((len(row.get(column.name, "")) for row in self.rows), default=0)
        return max(column.min_width, len(column.name), content if not column.ratio else 0)

    def _widths(self, columns: list[Column], needed: dict[str, int]) -> dict[str, int]:
        """What is left after every column's need is shared by the others, by ratio."""
        widths = {column.name: needed[column.name] for column in columns}
        spare = self.width - 1 - sum(w + 3 for w in widths.values())
        ratios = sum(c.ratio for c in columns)
        if spare <= 0 or not ratios:
            return widths
        for column in columns:
            widths[column.name] += spare * column.ratio // ratios
        largest = max(columns, key=lambda c: c.ratio)  # what rounding left over
        widths[largest.name] += spare - sum(spare * c.ratio // ratios for c in columns)
        return widths


_ACTOR_COLUMNS = [
    Column("id", 0, 3),
    Column("name", 3, 12),
    Column("type", 0, 12),
    Column("aliases", 2, 10, priority=2),
    Column("roles", 2, 10, priority=2),
    Column("mentions", 0, 8, priority=1),
]
_RELATION_COLUMNS = [
    Column("subject", 2, 10),
    Column("predicate", 2, 10),
    Column("object", 2, 10),
    Column("when", 0, 9, priority=3),
    Column("modality", 0, 9, priority=2),
    Column("asserted_by", 2, 10, priority=1),
    Column("evidence", 6, 20),
]
_EVENT_COLUMNS = [
    Column("type", 0, 10),
    Column("who", 2, 10),
    Column("whom", 2, 10, priority=1),
    Column("when", 0, 10, priority=1),
    Column("where", 2, 10, priority=2),
    Column("casualties", 3, 12, priority=2),
    Column("evidence", 5, 20),
]
_QUOTE_COLUMNS = [
    Column("speaker", 2, 16),
    Column("cue", 1, 10, priority=1),
    Column("quote", 5, 20),
]

# The corpus's events (`newsgraph events`, the dossier): casualties with their sources.
CORPUS_EVENT_COLUMNS = [
    Column("id", 0, 2),
    Column("date", 0, 10),
    Column("type", 0, 7),
    Column("actors", 2, 10),
    Column("targets", 2, 10, priority=1),
    Column("place", 1, 8, priority=2),
    Column("casualties", 3, 12, priority=2),
    Column("reports", 0, 7, priority=3),
]

# An actor's relations in the corpus (`newsgraph actor`), each with its sentence.
CORPUS_RELATION_COLUMNS = [
    Column("subject", 2, 10),
    Column("predicate", 2, 10),
    Column("object", 2, 10),
    Column("since_until", 0, 11, priority=2),
    Column("asserted_by", 2, 11, priority=1),
    Column("evidence", 5, 20),
]


def _actors_table(actors: list[Actor], width: int) -> Table | Text:
    if not actors:
        return Text("No actors found.", style="dim")
    table = FactTable("Actors", _ACTOR_COLUMNS, "name", width)
    for actor in actors:
        roles = "; ".join(
            r.title + (f" ({r.organization_name})" if r.organization_name else "")
            for r in actor.roles
        )
        table.add_row(
            id=actor.id,
            name=actor.name,
            type=actor.type.replace("_", " "),
            aliases=", ".join(actor.aliases),
            roles=roles,
            mentions=str(len(actor.mentions)),
        )
    return table.table


def _relations_table(article: Article, names: dict[str, str], width: int) -> Table | Text:
    if not article.relations:
        return Text("No relations found.", style="dim")
    table = FactTable("Relations", _RELATION_COLUMNS, "evidence", width)
    for rel in article.relations:
        table.add_row(
            subject=names.get(rel.subject, rel.subject),
            predicate=rel.predicate.replace("_", " "),
            object=names.get(rel.object, rel.object),
            when="–".join(p for p in (rel.since, rel.until) if p),
            modality=rel.modality,
            asserted_by=names.get(rel.asserted_by or "", "article"),
            evidence=_squash(rel.evidence.text),
        )
    return table.table


def _events_table(article: Article, names: dict[str, str], width: int) -> Table | Text:
    if not article.events:
        return Text("No events found.", style="dim")
    table = FactTable("Events", _EVENT_COLUMNS, "evidence", width)
    for event in article.events:
        casualties = "; ".join(
            f"{f.count} {f.who or ''} {f.kind}".strip() + (f" (per {f.source})" if f.source else "")
            for f in event.fatalities
        )
        table.add_row(
            type=f"{event.type} {event.cameo or ''}".strip(),
            who=", ".join(names.get(a, a) for a in event.actors),
            whom=", ".join(names.get(a, a) for a in event.targets),
            when=event.date or event.date_text or "",
            where=event.place.name if event.place else "",
            casualties=casualties,
            evidence=_squash(event.evidence.text),
        )
    return table.table


def _quotes_table(article: Article, names: dict[str, str], width: int) -> Table | Text:
    if not article.quotes:
        return Text("No quotes found.", style="dim")
    table = FactTable("Quotes", _QUOTE_COLUMNS, "quote", width)
    for quote in article.quotes:
        name = names.get(quote.speaker, "") if quote.speaker else ""
        speaker = name or "(unnamed)"
        if quote.speaker_text and quote.speaker_text != name:
            speaker += f" ← {quote.speaker_text}"
        table.add_row(
            speaker=speaker,
            cue=f"{quote.cue or '—'} · {quote.kind}",
            quote=_squash(quote.text, 400),
        )
    return table.table


def _squash(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
