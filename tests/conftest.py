"""Shared fixtures: one spaCy pipeline for the whole session, and the paths to ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.model import Article, Record
from newsgraph.pipeline import Analyzer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "taliban-isisk-2021-08.txt"
RE3D = SHARED / "data" / "re3d"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def read_text(analyzer: Analyzer) -> Callable[..., Article]:
    """Run the whole pipeline over one text and return its article."""

    def run(
        text: str, published: str | None = "2025-03-14", include_text: bool = False, **fields: str
    ) -> Article:
        record = Record(id=fields.pop("id", "t"), text=text, published=published, **fields)
        (result,) = analyzer.run([record], include_text=include_text)
        assert isinstance(result, Article), result
        return result

    return run
