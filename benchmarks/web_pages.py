"""Time the workbench's heaviest pages on a store (e.g. the 5,000-article store of
benchmarks/ingest_corpus.py), over real HTTP to `newsgraph serve`'s app:

    python benchmarks/ingest_corpus.py --articles 5000 --db /tmp/bench5000.db
    python benchmarks/web_pages.py --db /tmp/bench5000.db

Each figure is the median of --repeat loads: the graph (its page and the /api/graph data it
draws), the dossier of the actor in most articles, and a quote search.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time

import httpx
import uvicorn

from newsgraph.store import open_store
from newsgraph.store import queries as q
from newsgraph.web.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--words", default="attacks continue")
    options = parser.parse_args()

    with open_store(options.db, create=False) as store, store.session() as session:
        (top,) = q.list_actors(session, limit=1)
        counts = {
            "articles": session.execute(q.sa.text("SELECT count(*) FROM articles")).scalar(),
            "quotes": session.execute(q.sa.text("SELECT count(*) FROM quotes")).scalar(),
            "actors": session.execute(q.sa.text("SELECT count(*) FROM corpus_actors")).scalar(),
        }
    server = uvicorn.Server(
        uvicorn.Config(create_app(options.db), port=options.port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{options.port}"
    pages = {
        "graph (page + /api/graph)": ["/graph", "/api/graph"],
        f"dossier of {top.name} ({top.articles} articles)": [f"/actors/{top.id}"],
        f"quote search {options.words!r}": [f"/quotes?search={options.words}"],
    }
    results = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for label, urls in pages.items():
            for url in urls:
                client.get(url).raise_for_status()  # warm the caches once
            times = []
            for _ in range(options.repeat):
                started = time.perf_counter()
                for url in urls:
                    client.get(url).raise_for_status()
                times.append(time.perf_counter() - started)
            results[label] = round(statistics.median(times), 3)
    server.should_exit = True
    print(json.dumps({"store": options.db, **counts, "seconds": results}, indent=2))


if __name__ == "__main__":
    main()
