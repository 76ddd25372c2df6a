"""The terminal: one console for results (stdout), one for messages and progress (stderr)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsgraph.render import safe_markup

out = Console()
err = Console(stderr=True)
T = TypeVar("T")


def warn(message: str) -> None:
    """A warning on stderr; the message is text (file names, article text), not markup."""
    err.print(f"[yellow]warning:[/] {safe_markup(message)}", highlight=False, soft_wrap=True)


def error(message: str) -> None:
    """An error on stderr; the message is text, not markup."""
    err.print(f"[red]error:[/] {safe_markup(message)}", highlight=False, soft_wrap=True)


@contextmanager
def ticker(label: str, total: int | None = None) -> Iterator[Callable[[], None]]:
    """A counter on stderr when it is a terminal; call what it yields once per item done."""
    if not err.is_terminal:
        yield lambda: None
        return
    with _bar(total) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def progress(items: Iterable[T], total: int | None, label: str) -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; the items pass through unchanged."""
    if not err.is_terminal:
        yield from items
        return
    with _bar(total) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def _bar(total: int | None) -> Progress:
    """Done out of the total, a bar and the time left when the total is known; always the
    time spent and a spinner, refreshed from a thread, so that a long article shows the
    run is alive."""
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total:
        columns += [BarColumn(), MofNCompleteColumn(), TextColumn("eta"), TimeRemainingColumn()]
    else:
        columns += [MofNCompleteColumn()]
    columns += [TimeElapsedColumn()]
    return Progress(*columns, console=err, transient=True)
