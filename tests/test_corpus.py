"""The corpus store on SQLite and on PostgreSQL: ingest, resolution, fusion, queries,
curation and exports, over a fictional four-article scenario (fixtures/corpus/drisna.jsonl).

Every test runs on both backends (the `db_url` fixture); PostgreSQL comes from the pgserver
wheel and its tests skip, saying why, where it cannot start.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
import time

import networkx as nx
import pytest
import sqlalchemy as sa

from newsgraph.corpus.ingest import ingest
from newsgraph.export import ExportFormat, export
from newsgraph.model import Actor, Article, ArticleMeta, Record
from newsgraph.pipeline import Analyzer
from newsgraph.read import iter_records, make_record
from newsgraph.store import Store, open_store
from newsgraph.store import queries as q
from newsgraph.store.curation import CurationError, merge, split_name, unmerge
from newsgraph.store.tables import ArticleActor, ArticleRow, Base, is_search_object
from tests.conftest import CORPUS_FIXTURE, kill_ingest_midway_and_resume, stored

pytestmark = pytest.mark.slow


@pytest.fixture
def store(db_url: str, corpus_articles: list[tuple[Article, Record]]) -> Store:
    """A fresh store holding the scenario, written as `ingest` writes each article."""
    return stored(db_url, corpus_articles)


def _count(store: Store, table: str) -> int:
    with store.session() as session:
        return session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_migrations_match_the_tables(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = open_store(db_url)
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": lambda name, *_: not is_search_object(name)}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_reingesting_changes_nothing(store: Store, analyzer: Analyzer) -> None:
    tables = ["articles", "corpus_actors", "article_actors", "relations", "quotes", "events"]
    before = {table: _count(store, table) for table in tables}
    report = ingest(store, iter_records([str(CORPUS_FIXTURE)]), analyzer=analyzer)
    assert (report.stored, report.skipped) == (0, 4)
    assert {table: _count(store, table) for table in tables} == before


def test_a_repeated_text_in_one_run_is_stored_once(db_url: str, analyzer: Analyzer) -> None:
    store = open_store(db_url)
    twice = [str(CORPUS_FIXTURE), str(CORPUS_FIXTURE)]
    report = ingest(store, iter_records(twice), analyzer=analyzer)
    assert (report.stored, report.skipped) == (4, 4)
    assert _count(store, "articles") == 4


def test_one_actor_across_articles_keeps_every_surface_form(store: Store) -> None:
    with store.session() as session:
        varga = q.dossier(session, q.find_actor(session, "Varga"))
        front = q.find_actor(session, "RRF")
    assert varga.actor.name == "Ilse Varga"
    assert varga.actor.articles == 3
    assert set(varga.surface_forms) == {"Ilse Varga", "Varga"}
    assert front.name == "Red Ridge Front"
    assert front.type == "armed_group"


def test_common_nouns_stay_apart_across_articles(store: Store) -> None:
    with store.session() as session:
        soldiers = session.execute(
            sa.text("SELECT count(*) FROM corpus_actors WHERE name = 'soldiers'")
        ).scalar_one()
        listed = {a.name for a in q.list_actors(session, limit=1000)}
    assert soldiers == 2  # one per article that names them so; never merged
    assert "soldiers" not in listed  # unnamed actors only with include_unnamed


def test_reports_of_one_attack_fuse_and_keep_each_sources_toll(store: Store) -> None:
    with store.session() as session:
        # the Red Ridge Front's raid; a later article's "accused of planning the Drisna attack" is a
        # report of its own (known: the place is read as the doer, issue 18), left out here
        (attack,) = [
            e
            for e in q.list_events(session, type="ASSAULT", place=None)
            if "Red Ridge Front" in {a.name for a in e.actors}
        ]
    assert attack.date == "2026-02-09"
    assert len(attack.reports) == 2
    assert {a.name for a in attack.actors} == {"Red Ridge Front"}
    tolls = {(c.count, c.source) for r in attack.reports for c in r.fatalities}
    assert tolls == {(12, "Kelmoran Defence Ministry"), (15, "Valley Courier")}


def test_relations_over_time_keep_every_sourced_assertion(store: Store) -> None:
    with store.session() as session:
        front = q.find_actor(session, "Red Ridge Front")
        fighting = [r for r in q.relations(session, actor_id=front.id) if r.predicate == "fighting"]
    assert [(r.since, r.provenance.article.published) for r in fighting] == [
        ("2019", "2026-02-10"),
        ("2019", "2026-04-02"),
    ]
    assert [r.provenance.asserted_by for r in fighting] == [None, "Tomas Reuel"]
    assert {r.object.name for r in fighting} == {"Kelmoran government"}


def test_quote_queries(store: Store) -> None:
    with store.session() as session:
        varga = q.find_actor(session, "Ilse Varga")
        front = q.find_actor(session, "RRF")
        by_varga = q.search_quotes(session, speaker_id=varga.id)
        about_front = q.search_quotes(session, about_id=front.id)
        courage = q.search_quotes(session, search="COURAGE sides")
    assert {(quote.kind, quote.text.rstrip(",")) for quote in by_varga} == {
        ("direct", "We will not stop until the checkpoints are gone"),
        ("direct", "The army has been warned"),
        ("claim", "the attack"),  # "Varga … claimed the attack in a statement": her claim
    }
    assert any("The RRF" in quote.text for quote in about_front)
    assert [quote.speaker.name for quote in courage if quote.speaker] == ["Tomas Reuel"]


def test_event_filters(store: Store) -> None:
    with store.session() as session:
        varga = q.find_actor(session, "Ilse Varga")
        as_target = q.list_events(session, actor_id=varga.id)
        in_march = q.list_events(session, since="2026-03-01", until="2026-03-31")
    assert [e.type for e in as_target] == ["COERCE"]
    assert all("2026-03-01" <= (e.date or "") <= "2026-03-31" for e in in_march)
    assert in_march


def test_finding_an_actor_suggests_close_names(store: Store) -> None:
    with store.session() as session, pytest.raises(q.NotFound) as raised:
        q.find_actor(session, "Ilse Vargaa")
    assert raised.value.suggestions[0] == "Ilse Varga"


def test_merge_and_its_undo(store: Store) -> None:
    with store.session() as session:
        government = q.find_actor(session, "Kelmoran government")
        ministry = q.find_actor(session, "Kelmoran Defence Ministry")
        before = q.dossier(session, government).actor.articles
        record = merge(session, government, ministry, note="the ministry speaks for it")
        session.commit()
        merged = q.dossier(session, government)
        assert "Kelmoran Defence Ministry" in merged.surface_forms
        assert q.find_actor(session, "Kelmoran Defence Ministry").id == government.id
        assert record.moved
        with pytest.raises(CurationError):
            merge(session, government, government)
        unmerge(session, government, ministry)
        session.commit()
        assert q.dossier(session, government).actor.articles == before
        assert q.find_actor(session, "Kelmoran Defence Ministry").id == ministry.id
        with pytest.raises(CurationError):
            unmerge(session, government, ministry)  # already undone


def test_split_by_surface_form(store: Store) -> None:
    with store.session() as session:
        varga = q.find_actor(session, "Ilse Varga")
        record = split_name(session, varga, "Varga")
        session.commit()
        assert len(record.moved) == 2  # the two articles that also call her "Varga"
        # they call her "Ilse Varga" too: that name, and their facts, stay with her; only
        # the form "Varga" leaves
        kept = q.dossier(session, varga)
        assert (kept.actor.articles, set(kept.surface_forms)) == (3, {"Ilse Varga"})
        split = q.dossier(session, q.find_actor(session, "Varga"))
        assert split.actor.id == record.other_id
        assert (split.actor.articles, set(split.surface_forms)) == (2, {"Varga"})


def _exported(store: Store, format: ExportFormat) -> str:
    buffer = io.StringIO()
    with store.session() as session:
        export(session, format, buffer)
    return buffer.getvalue()


def test_event_table_export(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_exported(store, ExportFormat.csv))))
    # the Red Ridge Front's raid; a later article's "accused of planning the Drisna attack" is a
    # report of its own (known: the place is read as the doer, issue 18), left out here
    (attack,) = [
        row
        for row in rows
        if row["event_type"] == "ASSAULT" and "Red Ridge Front" in " ".join(row.values())
    ]
    # two sources' figures for one toll: the range, and ACLED's conservative figure
    assert (attack["fatalities_min"], attack["fatalities_max"]) == ("12", "15")
    assert attack["fatalities"] == "12"
    assert attack["reports"] == "2"
    assert "(Kelmoran Defence Ministry)" in attack["fatalities_by_source"]
    assert "(Valley Courier)" in attack["fatalities_by_source"]


def test_graph_exports_read_back_with_networkx(store: Store, tmp_path) -> None:
    for format, reader in (
        (ExportFormat.gexf, nx.read_gexf),
        (ExportFormat.graphml, nx.read_graphml),
    ):
        path = tmp_path / f"graph.{format.value}"
        path.write_text(_exported(store, format), encoding="utf-8")
        graph = reader(path)
        labels = {data.get("label") for _, data in graph.nodes(data=True)}
        assert "Red Ridge Front" in labels
        fighting = [d for _, _, d in graph.edges(data=True) if d.get("predicate") == "fighting"]
        assert fighting and fighting[0]["assertions"] == 2 and fighting[0]["articles"] == 2


def test_ftm_export_validates_with_followthemoney(store: Store, tmp_path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text(_exported(store, ExportFormat.ftm), encoding="utf-8")
    validated = subprocess.run(
        [
            sys.executable,
            "-c",
            "from followthemoney.cli.cli import cli; cli()",
            "validate",
            "-i",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stderr
    lines = path.read_text().splitlines()
    assert len(validated.stdout.splitlines()) == len(lines)  # nothing rejected
    schemata = {json.loads(line)["schema"] for line in lines}
    assert {"Person", "Organization", "Event", "Article", "UnknownLink"} <= schemata


def test_jsonl_export_holds_every_article_with_corpus_ids(store: Store) -> None:
    lines = [json.loads(line) for line in _exported(store, ExportFormat.jsonl).splitlines()]
    articles = [line for line in lines if line["kind"] == "article"]
    assert len(articles) == 4
    assert all(set(a["corpus"]["actors"]) == {x["id"] for x in a["actors"]} for a in articles)
    assert {line["kind"] for line in lines} == {"actor", "article", "event"}


def test_articles_keep_their_text_and_facts(store: Store) -> None:
    with store.session() as session:
        row = session.scalars(sa.select(ArticleRow).where(ArticleRow.doc_id == "harbor-1")).one()
    assert row.text.startswith("Fighters of the Red Ridge Front")
    assert row.facts["article"]["id"] == "harbor-1"
    assert "text" not in row.facts["article"]


def test_an_ingest_killed_midway_resumes_without_loss_or_duplicates(db_url: str, tmp_path) -> None:
    kill_ingest_midway_and_resume(db_url, tmp_path)


def test_an_ingest_rides_out_a_postgresql_restart(
    postgres: object, postgres_server: str, analyzer: Analyzer
) -> None:
    import psycopg

    from newsgraph.demo.synthetic import articles
    from tests.conftest import restart_postgres

    name = "newsgraph_restart"
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    url = postgres_server.replace("/postgres?", f"/{name}?")
    store = open_store(url)
    records = [make_record(r, f"r:{i}") for i, r in enumerate(articles(12, seed=8))]
    stored: list[object] = []
    restarts = []

    def on_result(result: object) -> None:
        stored.append(result)
        if len(stored) == 4:  # mid-ingest: the next writes find the server down for 2 s
            restarts.append(restart_postgres(postgres, down_for=2.0))

    started = time.monotonic()
    report = ingest(store, records, analyzer=analyzer, on_result=on_result)
    restarts[0].join()
    assert (report.stored, report.failed) == (12, 0)
    assert _count(store, "articles") == 12
    assert time.monotonic() - started > 2.0  # it waited for the server, then went on


def _actors_only(article_id: str, *actors: Actor) -> Article:
    digest = hashlib.sha256(article_id.encode()).hexdigest()
    return Article(article=ArticleMeta(id=article_id, text_sha256=digest), actors=list(actors))


def test_a_shared_acronym_does_not_merge_two_full_names(db_url: str) -> None:
    from newsgraph.corpus.write import write_article
    from newsgraph.dictionaries.gazetteer import Gazetteer

    store = open_store(db_url)
    articles = [
        _actors_only(
            "1", Actor(id="a1", name="Tulhal Tekrik Ministry", type="government", aliases=["TTM"])
        ),
        _actors_only(
            "2", Actor(id="a1", name="Tovra Tulgan Ministry", type="government", aliases=["TTM"])
        ),
        _actors_only("3", Actor(id="a1", name="TTM", type="government")),
        _actors_only("4", Actor(id="a1", name="Tulhal Tekrik Ministry", type="government")),
    ]
    with store.transaction() as session:
        for article in articles:
            write_article(session, article, "", "test", Gazetteer([]))
    with store.session() as session:
        ids = session.scalars(
            sa.select(ArticleActor.corpus_actor_id).order_by(ArticleActor.id)
        ).all()
    first, second, acronym, again = ids
    assert first != second  # two ministries that abbreviate alike
    assert again == first  # the full name finds its actor
    assert acronym not in (first, second)  # "TTM" alone: two candidates, no context
