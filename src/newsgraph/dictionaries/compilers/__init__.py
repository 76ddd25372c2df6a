"""Compilers of the shipped dictionary data, run by `scripts/compile_gazetteer.py` and
`scripts/compile_cameo.py` (and by the PETRARCH2 evaluation on its own small dictionaries)."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of `text`, split on white space: the compilers' closed word lists."""
    return frozenset(text.split())
