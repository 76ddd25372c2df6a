"""spaCy tokens and spans are fresh views: `doc[3] is doc[3]` is False, so an identity test
between two of them never holds (and `is not` always does). Compare positions (`.i`,
`.start`) instead. This walks the extraction code for `is` / `is not` between names that
look like tokens or spans."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
TOKEN_LIKE = re.compile(
    r"^(token|tokens|cue|verb|noun|head|root|span|sent|sentence|trigger|child|children|pobj|"
    r"dobj|prep|clause|zone|hands|participle|host|ent|first|last|word|words)$"
)


def _name(node: ast.expr) -> str | None:
    """The identifier an expression ends in: `c.cue` -> cue, `tokens[-1]` -> tokens."""
    while isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def identity_tests(source: str) -> list[tuple[int, str]]:
    """(line, expression) of each `is` / `is not` whose sides both look like tokens or spans."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, sides[:-1], sides[1:], strict=True):
            if not isinstance(op, ast.Is | ast.IsNot):
                continue
            if isinstance(left, ast.Constant) or isinstance(right, ast.Constant):
                continue
            names = (_name(left), _name(right))
            if any(n is not None and TOKEN_LIKE.match(n) for n in names):
                found.append((node.lineno, ast.unparse(node)))
    return found


@pytest.mark.parametrize(
    "path", sorted(SRC.joinpath("extract").rglob("*.py")), ids=lambda p: p.name
)
def test_no_identity_tests_between_tokens(path: Path) -> None:
    assert identity_tests(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("any(c.cue is token for c in direct)", True),
        ("verb is not noun", True),
        ("token is tokens[-1]", True),
        ("token.i == tokens[-1].i", False),
        ("cue is None", False),
        ("actor is parent", False),  # actor drafts are kept objects: identity is meant
    ],
)
def test_the_walk_flags_token_identity(source: str, flagged: bool) -> None:
    assert bool(identity_tests(source)) is flagged
