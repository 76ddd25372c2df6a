"""Corpus facts an analyst can sum: places that are not their country, one row per incident,
totals that add up, dates that were never given, and a split that moves one surface form.

Articles are built by hand (fictional actors, places and figures) and written with
`write_article`, as `ingest` writes them, so no NLP runs here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsgraph.corpus.write import write_article
from newsgraph.gazetteer import CodeSpan, Gazetteer, GazetteerEntry
from newsgraph.model import (
    Actor,
    Article,
    ArticleMeta,
    Event,
)
from newsgraph.store import Store, open_store
from newsgraph.store.tables import ArticleActor, CorpusActor

# A fictional state whose gazetteer entry, as the Phoenix dictionaries do, lists its
# demonym, provinces and cities among its names.
VELMORA = GazetteerEntry(
    name="Velmora",
    type="state",
    codes=(CodeSpan("VLM"),),
    synonyms=("Velmoran", "Harrow province", "Halbrook", "the Harrow highlands"),
    source="test",
)
GAZETTEER = Gazetteer([VELMORA])


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(str(tmp_path / "corpus.db"))


def _article(
    doc: str,
    actors: list[Actor],
    events: list[Event] | None = None,
    published: str | None = "2031-05-02",
    source: str | None = None,
) -> Article:
    digest = hashlib.sha256(doc.encode()).hexdigest()
    meta = ArticleMeta(
        id=doc, title=f"Report {doc}", published=published, source=source, text_sha256=digest
    )
    return Article(article=meta, actors=actors, events=events or [])


def _write(store: Store, *articles: Article, text: str = "") -> None:
    with store.transaction() as session:
        for article in articles:
            write_article(session, article, text, "test", GAZETTEER)


def _place(name: str, type_: str = "state") -> Actor:
    """A place as the extractor files it: under the country's code."""
    return Actor(id="p", name=name, type=type_, cameo=["VLM"])  # type: ignore[arg-type]


def _corpus_of(store: Store, doc: str, name: str) -> CorpusActor:
    with store.session() as session:
        return session.scalars(
            sa.select(CorpusActor)
            .join(ArticleActor, ArticleActor.corpus_actor_id == CorpusActor.id)
            .where(ArticleActor.name == name)
        ).one()


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("province", "wording"),
    [
        ("Harrow province", "a province the gazetteer files under the country"),
        ("Halbrook", "a city the gazetteer files under the country"),
        ("the Harrow highlands", "a region the gazetteer files under the country"),
    ],
)
def test_a_place_filed_under_its_country_is_not_the_country(
    store: Store, province: str, wording: str
) -> None:
    _write(
        store,
        _article("1", [_place("Velmora")]),
        _article("2", [_place(province)]),
        _article("3", [_place("Velmoran")]),
    )
    country = _corpus_of(store, "1", "Velmora")
    place = _corpus_of(store, "2", province)
    assert place.id != country.id, wording
    assert place.type == "location"  # a place in the country, not the state
    assert country.name == "Velmora"
    assert country.type == "state"


def test_a_country_keeps_its_own_name_whatever_longer_names_its_reports_use(
    store: Store,
) -> None:
    _write(
        store,
        _article("1", [_place("Velmoran")]),
        _article("2", [_place("Harrow province")]),
        _article("3", [_place("Velmora")]),
    )
    with store.session() as session:
        countries = session.scalars(sa.select(CorpusActor).where(CorpusActor.type == "state"))
        assert [c.name for c in countries] == ["Velmora"]


def test_a_province_seen_twice_is_one_place_by_its_name(store: Store) -> None:
    _write(
        store,
        _article("1", [_place("Harrow province")]),
        _article("2", [_place("Harrow Province")]),
    )
    assert (
        _corpus_of(store, "1", "Harrow province").id == _corpus_of(store, "2", "Harrow Province").id
    )


def test_a_country_and_its_demonym_in_one_article_are_one_new_actor(store: Store) -> None:
    country = _place("Velmora")
    demonym = Actor(id="p2", name="Velmoran", type="state", cameo=["VLM"])
    _write(store, _article("1", [country, demonym]))
    with store.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(CorpusActor)) == 1


def test_a_state_unknown_to_the_gazetteer_stays_a_state(store: Store) -> None:
    _write(store, _article("1", [Actor(id="a1", name="Kestria", type="state")]))
    assert _corpus_of(store, "1", "Kestria").type == "state"


@pytest.mark.parametrize(
    ("word", "country", "expected"),
    [
        ("Velmoran", "Velmora", True),  # -n
        ("Kestrian", "Kestria", True),  # -n after -ia
        ("Ostrani", "Ostran", True),  # -i
        ("Drisnese", "Drisna", True),  # -ese
        ("Halbrook", "Velmora", False),  # a city filed under the country
        ("Velmora Province", "Velmora", False),  # a province named after its country
        ("Velmora", "Velmora", False),  # the name itself is no demonym
    ],
)
def test_a_demonym_by_its_form(word: str, country: str, expected: bool) -> None:
    from newsgraph.corpus.actors import is_demonym

    assert is_demonym(word, country) is expected
