"""Time the actor graph at scale: a store of --articles generated fictional articles, the
graph API over real HTTP, and the graph page in Chromium until its layout has settled.

    python benchmarks/web_graph.py --articles 1000 --db /tmp/web_graph.db

The store is written without spaCy: each article's facts (actors with their mentions,
relations, an event, a quote) are generated with the text, in the contract's shape, and
stored the way `newsgraph ingest` stores an article (resolution, event fusion, indexes), so
1,000 articles take seconds, not the minutes the full pipeline would. Each article also has
the generic actors real copy is full of ("the army", "residents", "officials"), so the graph
has something to fold and hide. An existing --db is reused as it is.

Figures: the median of --repeat requests of /api/graph (the overview and an actor-centred
view), and for the page the time from navigation to `data-graph-ready` (the graph drawn,
the preset layout done) and the longest main-thread task (PerformanceObserver 'longtask'),
which says whether the page stayed interactive.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from newsgraph.model import (
    Actor,
    Article,
    ArticleMeta,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Relation,
    Span,
)
from newsgraph.store import open_store

CHROMIUM = "/usr/bin/chromium"
_GROUP_WORDS = ["Front", "Brigades", "Movement", "Council", "Guard", "Legion"]
_COLOURS = ["Red", "Iron", "Northern", "Free", "Dawn", "Silver", "Eastern", "Black", "Grey"]
_FIRST = ["Ilse", "Marek", "Tomas", "Anja", "Pavel", "Lena", "Oskar", "Mira", "Jonas", "Vera"]
_SYLLABLES = "ka ri vo len dar mes tul an ora bel sen rik ma tov ul ven ash ko".split()  # noqa: SIM905
_COUNTRIES = ["Kelmora", "Varnia", "Ostrel", "Dunmark", "Selvar"]
_OUTLETS = ["Harbor Gazette", "Valley Courier", "Kelmora Ledger", "Northlight Weekly"]


def _word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


class _Text:
    """An article's text built piece by piece, remembering where each actor is mentioned."""

    def __init__(self) -> None:
        self.text = ""
        self.mentions: dict[str, list[Mention]] = {}

    def add(self, piece: str, actor: str | None = None) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        if actor is not None:
            self.mentions.setdefault(actor, []).append(
                Mention(start=start, end=len(self.text), text=piece)
            )
        return start, len(self.text)

    def evidence(self, start: int) -> Evidence:
        return Evidence(start=start, end=len(self.text), text=self.text[start:])


def generate(count: int, seed: int = 11) -> list[tuple[Article, str]]:
    """`count` fictional articles with their facts."""
    rng = random.Random(seed)
    groups = [f"{rng.choice(_COLOURS)} {_word(rng)} {rng.choice(_GROUP_WORDS)}" for _ in range(70)]
    people = [f"{rng.choice(_FIRST)} {_word(rng, 3)}" for _ in range(120)]
    governments = [f"{country} government" for country in _COUNTRIES]
    towns = [(_word(rng), rng.uniform(-40, 60), rng.uniform(-170, 170)) for _ in range(80)]
    start = date(2026, 1, 1)
    found = []
    for number in range(count):
        group, rival = rng.sample(groups[: rng.choice((20, 70))], 2)  # a few groups dominate
        leader, official = rng.sample(people, 2)
        government = rng.choice(governments)
        town, lat, lon = rng.choice(towns)
        day = (start + timedelta(days=rng.randrange(300))).isoformat()
        t = _Text()
        relations, events, quotes = [], [], []

        first = len(t.text)
        t.add("Fighters of the ")
        t.add(group, "group")
        t.add(f" attacked a post in {town}, where ")
        t.add("the army", "army")
        t.add(" had dug in; the ")
        t.add(group, "group")
        t.add(" has been fighting the ")
        t.add(rival, "rival")
        t.add(" for years.")
        sentence = t.evidence(first)
        relations.append(
            Relation(subject="group", predicate="fighting", object="rival", evidence=sentence)
        )
        events.append(
            Event(
                type="ASSAULT",
                actors=["group"],
                targets=["army"],
                date=day,
                place=Place(name=town, country="XX", lat=lat, lon=lon),
                evidence=sentence,
            )
        )
        t.add("\n\n")
        second = len(t.text)
        t.add("The army", "army")
        t.add(" answers to the ")
        t.add(government, "government")
        t.add(", and ")
        t.add(official, "official")
        t.add(" of the ")
        t.add(government, "government")
        t.add(" said the post would be retaken.")
        sentence = t.evidence(second)
        relations.append(
            Relation(subject="army", predicate="member_of", object="government", evidence=sentence)
        )
        relations.append(
            Relation(subject="army", predicate="fighting", object="group", evidence=sentence)
        )
        relations.append(
            Relation(
                subject="official", predicate="member_of", object="government", evidence=sentence
            )
        )
        t.add("\n\n")
        third = len(t.text)
        t.add("Its commander, ")
        t.add(leader, "leader")
        t.add(", leads the ")
        t.add(group, "group")
        t.add("; ")
        t.add("residents", "residents")
        t.add(" said they oppose the ")
        t.add(group, "group")
        t.add(".")
        sentence = t.evidence(third)
        relations.append(
            Relation(subject="leader", predicate="leader_of", object="group", evidence=sentence)
        )
        relations.append(
            Relation(subject="residents", predicate="opposes", object="group", evidence=sentence)
        )
        if rng.random() < 0.3:
            t.add(" The ")
            t.add(group, "group")
            t.add(" is allied with the ")
            t.add(rng.choice([g for g in groups if g not in (group, rival)]), "ally")
            t.add(".")
            relations.append(
                Relation(
                    subject="group",
                    predicate="allied_with",
                    object="ally",
                    evidence=t.evidence(third),
                )
            )
        t.add('\n\n"')
        quote_start = len(t.text)
        t.add(f"We will hold {town}")
        quote_end = len(t.text)
        t.add('," ')
        t.add(leader.split()[-1], "leader")
        t.add(" told reporters, and ")
        t.add("officials", "officials")
        t.add(" declined to comment.")
        quotes.append(
            Quote(
                kind="direct",
                text=t.text[quote_start:quote_end],
                spans=[Span(start=quote_start, end=quote_end)],
                speaker="leader",
                speaker_text=leader,
                cue="told",
            )
        )
        names = {
            "group": (group, "armed_group"),
            "rival": (rival, "armed_group"),
            "ally": (None, "armed_group"),
            "army": ("the army", "armed_group"),
            "government": (government, "government"),
            "official": (official, "person"),
            "leader": (leader, "person"),
            "residents": ("residents", "other"),
            "officials": ("officials", "other"),
        }
        actors = [
            Actor(
                id=key,
                name=names[key][0] or mentions[0].text,
                type=names[key][1],  # type: ignore[arg-type]
                mentions=mentions,
            )
            for key, mentions in t.mentions.items()
        ]
        digest = hashlib.sha256(t.text.encode()).hexdigest()
        article = Article(
            article=ArticleMeta(
                id=f"bench-{number}",
                title=f"{group} attack in {town}",
                published=day,
                source=rng.choice(_OUTLETS),
                url=None,
                text_sha256=digest,
            ),
            actors=actors,
            relations=relations,
            quotes=quotes,
            events=events,
        )
        found.append((article, t.text))
    return found


def build(db: str, count: int) -> float:
    from newsgraph.corpus.ingest import store_article
    from newsgraph.dictionaries.gazetteer import default_gazetteer

    started = time.perf_counter()
    gazetteer = default_gazetteer()
    with open_store(db) as store:
        for done, (article, text) in enumerate(generate(count), 1):
            store_article(store, article, text, "benchmark", gazetteer)
            if done % 100 == 0:
                print(f"  stored {done}/{count} articles", flush=True)
    return time.perf_counter() - started


def time_api(base: str, urls: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    figures = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for label, url in urls.items():
            # computed afresh: a filter that changes nothing but the server's cache key
            fresh = url + ("&" if "?" in url else "?") + f"since=1900-01-{len(figures) + 1:02d}"
            began = time.perf_counter()
            client.get(fresh).raise_for_status()
            cold = time.perf_counter() - began
            body = client.get(url).raise_for_status().json()
            times = []
            for _ in range(repeat):
                began = time.perf_counter()
                client.get(url).raise_for_status()
                times.append(time.perf_counter() - began)
            figures[label] = {
                "computed_seconds": round(cold, 3),
                "cached_seconds": round(statistics.median(times), 3),
                "nodes": len(body["nodes"]),
                "edges": len(body["edges"]),
            }
    return figures


LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


def time_page(base: str, urls: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--headless", "--no-sandbox"]
        )
        for label, url in urls.items():
            settled, longest, marks = [], [], []
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.add_init_script(LONG_TASKS)
                page.goto(base + url, wait_until="commit")
                page.wait_for_selector("body[data-graph-ready=yes]", timeout=120_000)
                # ms from navigation start to the graph drawn
                settled.append(page.evaluate("() => performance.now()") / 1000)
                marks.append(
                    page.evaluate(
                        "() => Object.fromEntries(performance.getEntriesByType('mark')"
                        ".map((m) => [m.name, m.startTime / 1000]))"
                    )
                )
                page.wait_for_timeout(300)  # any task still running shows up
                tasks = page.evaluate("() => window.__longTasks")
                longest.append(max(tasks, default=0) / 1000)
                context.close()
            figures[label] = {
                "first_settled_seconds": round(settled[0], 3),
                "settled_seconds": round(statistics.median(settled[1:] or settled), 3),
                "longest_task_seconds": round(max(longest), 3),
                "data_arrived_seconds": round(statistics.median(m["graph-data"] for m in marks), 3),
            }
        browser.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--db", default="/tmp/newsgraph-web-graph.db")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--port", type=int, default=8798)
    options = parser.parse_args()

    built = None
    if not Path(options.db).exists():
        print(f"writing {options.articles} generated articles to {options.db}", flush=True)
        built = round(build(options.db, options.articles), 1)
    # the server in a process of its own, as `newsgraph serve` runs (not sharing a GIL with
    # the browser driver)
    serving = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, uvicorn; from newsgraph.web.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), port=int(sys.argv[2]), log_level='warning')",
            options.db,
            str(options.port),
        ]
    )
    base = f"http://127.0.0.1:{options.port}"
    try:
        _wait_for(base)
        result = _measure(base, options, built)
    finally:
        serving.terminate()
        serving.wait(timeout=30)
    print(json.dumps(result, indent=2))


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/openapi.json").raise_for_status()
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _measure(base: str, options: argparse.Namespace, built: float | None) -> dict[str, object]:
    with httpx.Client(base_url=base, timeout=120) as client:
        top = client.get("/api/actors", params={"limit": 1}).json()[0]
    centred = f"/graph?actor=%23{top['id']}"
    pages = time_page(  # first, so that its first load finds nothing cached
        base,
        {"/graph": "/graph", "/graph?limit=500": "/graph?limit=500", centred: centred},
        options.repeat,
    )
    with httpx.Client(base_url=base, timeout=120) as client:
        everything = client.get("/api/graph", params={"limit": 1000}).json()
        left_out = client.get("/api/graph").json()["left_out"]
    return {
        "store": options.db,
        "articles": options.articles,
        "store_written_seconds": built,
        "connected_actors": len(everything["nodes"]) + everything["left_out"]["beyond_limit"],
        "left_out_by_default": left_out,
        "page": pages,
        "api": time_api(
            base,
            {
                "/api/graph (default: 150 actors)": "/api/graph",
                "/api/graph?limit=500": "/api/graph?limit=500",
                f"/api/graph?actor=#{top['id']} ({top['name']})": centred.replace("/", "/api/", 1),
            },
            options.repeat,
        ),
    }


if __name__ == "__main__":
    main()
