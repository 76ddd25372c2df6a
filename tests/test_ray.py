"""The Ray engine: the same per-article code on a local Ray (`ray.init(num_cpus=2)`),
results identical to the local path; a worker killed mid-run costs nothing, and a driver
killed mid-run resumes where it stopped."""

from __future__ import annotations

import functools
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
import sqlalchemy as sa

from newsgraph.corpus.ingest import ingest
from newsgraph.demo.synthetic import articles as synthetic
from newsgraph.model import Article
from newsgraph.pipeline import Analyzer
from newsgraph.read import iter_records, make_record
from newsgraph.store import open_store
from newsgraph.store.tables import ArticleRow

from .conftest import ROOT, kill_ingest_midway_and_resume

ray = pytest.importorskip("ray", reason="ray is not installed")
pytestmark = [pytest.mark.slow, pytest.mark.ray]
DEMO = ROOT / "src" / "newsgraph" / "demo" / "articles.jsonl"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ingest_on_ray_stores_what_the_local_path_finds(
    local_ray: None, analyzer: Analyzer, tmp_path: Path
) -> None:
    """The store's facts of each article, analysed on Ray, are the local path's exactly."""
    store = open_store(str(tmp_path / "ray.db"))
    report = ingest(store, iter_records([str(DEMO)]), engine="ray", workers=2)
    assert (report.stored, report.failed) == (10, 0)
    local = {}
    for result in analyzer.run(iter_records([str(DEMO)])):
        assert isinstance(result, Article)
        local[result.article.id] = msgspec.to_builtins(result)
    with store.session() as session:
        stored = {row.doc_id: row.facts for row in session.scalars(sa.select(ArticleRow))}
    assert stored == local
    again = ingest(store, iter_records([str(DEMO)]), engine="ray", workers=2)
    assert (again.stored, again.skipped) == (0, 10)


def test_a_killed_worker_loses_and_doubles_nothing(
    local_ray: None, analyzer: Analyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor killed while its batch is in flight: the batch is retried on a restarted
    actor, and the store ends with every article once, as the local path computes it."""
    from newsgraph import ray_pipeline

    records = [make_record(fields, f"s:{i}") for i, fields in enumerate(synthetic(24, seed=5))]
    markers = tmp_path / "actors"
    markers.mkdir()
    monkeypatch.setattr(  # small batches, and actors that wait for "go" in each batch
        ray_pipeline,
        "analyze_on_ray",
        functools.partial(ray_pipeline.analyze_on_ray, batch_size=2, pid_dir=str(markers)),
    )
    store = open_store(str(tmp_path / "ray.db"))
    reports: list = []
    run = threading.Thread(
        target=lambda: reports.append(ingest(store, records, engine="ray", workers=2))
    )
    run.start()
    deadline = time.monotonic() + 120
    while not (busy := sorted(markers.glob("*.busy"))):
        assert time.monotonic() < deadline, "no Ray worker took a batch"
        time.sleep(0.1)
    os.kill(int(busy[0].stem), signal.SIGKILL)  # its batch is held until "go": in flight
    (markers / "go").touch()
    run.join(timeout=300)
    assert not run.is_alive()
    assert len(list(markers.glob("*.pid"))) >= 3  # the killed actor was restarted
    assert (reports[0].stored, reports[0].failed) == (24, 0)
    expected = {result.article.id: msgspec.to_builtins(result) for result in analyzer.run(records)}
    with store.session() as session:
        rows = session.execute(sa.select(ArticleRow.doc_id, ArticleRow.facts)).all()
    assert sorted(doc_id for doc_id, _ in rows) == sorted(expected)  # each article once
    assert {doc_id: facts for doc_id, facts in rows} == expected


def test_a_killed_ray_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    """SIGKILL the driver of `ingest --engine ray` (which starts its own local Ray) midway.
    The store alone decides what is left to do, whatever the engine, so the rerun is a local
    one (a second Ray start would cost the suite 20 s and test nothing more)."""
    kill_ingest_midway_and_resume(
        str(tmp_path / "ray.db"), tmp_path, "--engine", "ray", "--workers", "1", resume_with=()
    )
