"""Hand-built dependency parses for tests that pin a rule without loading the model.

As spaCy's own tests do: a `Doc` on a blank English vocabulary, with the words, heads
(absolute token indices), dependency labels and parts of speech a rule reads written out.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab


@cache
def _vocab() -> Vocab:
    return spacy.blank("en").vocab


def parse(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    *,
    lemmas: list[str] | None = None,
    tags: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A parsed document; `lemmas` default to the lower-cased words, `tags` to none."""
    return Doc(
        _vocab(),
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas or [w.lower() for w in words],
        tags=tags,
    )


def indices(tokens: object) -> list[int]:
    """Token positions: spaCy tokens are fresh views, so tests compare `.i`, never identity."""
    return [t.i for t in tokens]  # type: ignore[attr-defined]
