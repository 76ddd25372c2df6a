"""`--help` pages without Typer's noise: no `<bool>` beside a flag, arguments named in
capitals (`PATHS...`, not `{paths}...`) and without a type label, and docstrings reflowed
to the terminal (Typer's rich mode keeps their line breaks).

Every Typer app of the command line is an `App`, whose commands are `Command`s. (Typer
0.29 carries its own copy of Click, hence the contexts and parameters typed as Any.)
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _Argument(TyperArgument):
    """An argument shown by its name in capitals: the help text says what it takes."""

    @property
    def display_name_raw(self) -> str:
        return self.metavar or str(self.name).upper()

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = self.display_name_raw + ("..." if self.nargs != 1 else "")
        return [name if self.required else f"[{name}]"]


def _tidy(params: list[Any]) -> list[Any]:
    for param in params:
        if isinstance(param, TyperOption) and (param.is_flag or param.count):
            param.metavar = ""  # Typer shows the metavar, when set, instead of <bool>
        elif type(param) is TyperArgument:
            param.__class__ = _Argument
    return params


def _reflow(text: str | None) -> str | None:
    """Each paragraph of a docstring on one line; the terminal wraps it."""
    if not text:
        return text
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(re.sub(r"\s*\n\s*", " ", p) for p in paragraphs)


class Command(TyperCommand):
    def __init__(self, *args: Any, help: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, help=_reflow(help), **kwargs)

    def get_params(self, ctx: Any) -> list[Any]:
        return _tidy(super().get_params(ctx))


class Group(TyperGroup):
    def __init__(self, *args: Any, help: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, help=_reflow(help), **kwargs)

    def get_params(self, ctx: Any) -> list[Any]:
        return _tidy(super().get_params(ctx))


class App(typer.Typer):
    """A Typer app whose group and commands have the tidy help above."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)
