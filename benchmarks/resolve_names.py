"""Cross-article actor resolution alone, on generated names, at growing corpus sizes:

    python benchmarks/resolve_names.py --sizes 10000 100000 1000000

Names come in "articles" of 20 actors (people, armed groups, governments), about a third of
them new spellings of actors seen before (surname only, an acronym, a typo, "The ..."),
and each article goes through `corpus.write.write_article` into a fresh SQLite store, as
`ingest` does. Reported per size: seconds, names per second and the cost of the last
10,000 names, which stays flat when resolution is near-linear (blocked, indexed lookups).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from newsgraph.corpus.write import write_article
from newsgraph.dictionaries.gazetteer import Gazetteer
from newsgraph.model import Actor, Article, ArticleMeta
from newsgraph.store import open_store

SYLLABLES = [
    "ka",
    "ri",
    "vo",
    "len",
    "dar",
    "mes",
    "tul",
    "an",
    "ora",
    "bel",
    "sen",
    "rik",
    "ma",
    "tov",
    "ul",
    "ven",
    "ash",
    "ko",
    "pi",
    "ne",
    "zor",
    "quin",
    "hal",
    "bre",
    "gan",
    "lot",
    "fes",
    "wyn",
    "dro",
    "sal",
    "mur",
    "tek",
    "jov",
    "plam",
    "cru",
    "nis",
    "hev",
    "gor",
    "ith",
    "yul",
]
FIRST = ["Ilse", "Marek", "Tomas", "Anja", "Pavel", "Lena", "Oskar", "Mira", "Jonas", "Vera"]
HEADS = ["Front", "Brigades", "Movement", "Army", "Council", "Guard", "Ministry"]


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def new_actor(rng: random.Random) -> tuple[str, str, list[str]]:
    if rng.random() < 0.5:
        surname = word(rng, 3)
        return f"{rng.choice(FIRST)} {surname}", "person", [surname]
    name = f"{word(rng, 2)} {word(rng, 3)} {rng.choice(HEADS)}"
    acronym = "".join(part[0] for part in name.split())
    kind = "government" if name.endswith("Ministry") else "armed_group"
    return name, kind, [acronym]


def variant(name: str, kind: str, aliases: list[str], rng: random.Random) -> tuple[str, list[str]]:
    choice = rng.random()
    if choice < 0.4:
        return aliases[0], []  # the surname or the acronym alone
    if choice < 0.7 and len(name) > 8:
        at = rng.randrange(2, len(name) - 1)
        return name[:at] + name[at + 1 :], []  # a letter dropped
    return name, list(aliases)


def run(size: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    seen: list[tuple[str, str, list[str]]] = []
    truth: list[int] = []  # which generated actor each name is
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "names.db"))
        gazetteer = Gazetteer([])  # generated names are in no gazetteer
        started = time.perf_counter()
        tail_started = started
        made = 0
        while made < size:
            actors = []
            for index in range(min(20, size - made)):
                if seen and rng.random() < 0.35:
                    who = rng.randrange(len(seen))
                    name, kind, aliases = seen[who]
                    name, aliases = variant(name, kind, aliases, rng)
                else:
                    name, kind, aliases = new_actor(rng)
                    who = len(seen)
                    seen.append((name, kind, aliases))
                truth.append(who)
                actors.append(Actor(id=f"a{index + 1}", name=name, type=kind, aliases=aliases))  # type: ignore[arg-type]
            made += len(actors)
            digest = hashlib.sha256(f"{seed}:{made}".encode()).hexdigest()
            article = Article(
                article=ArticleMeta(id=str(made), text_sha256=digest, published="2026-01-01"),
                actors=actors,
            )
            with store.transaction() as session:
                write_article(session, article, "", "generated", gazetteer)
            if made % 10_000 == 0 and made < size:
                tail_started = time.perf_counter()
        elapsed = time.perf_counter() - started
        with store.session() as session:
            corpus_actors = session.execute(sa.text("SELECT count(*) FROM corpus_actors")).scalar()
            resolved = session.scalars(
                sa.text("SELECT corpus_actor_id FROM article_actors ORDER BY id")
            ).all()
        store.close()
    precision, recall = b_cubed(list(resolved), truth)
    return {
        "names": size,
        "b_cubed_precision": round(precision, 3),
        "b_cubed_recall": round(recall, 3),
        "distinct_actors_generated": len(seen),
        "corpus_actors": corpus_actors,
        "seconds": round(elapsed, 1),
        "names_per_second": round(size / elapsed),
        "seconds_for_last_10k": round(time.perf_counter() - tail_started, 2)
        if size > 10_000
        else round(elapsed, 2),
    }


def b_cubed(predicted: list[int], truth: list[int]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering of names against the true actors."""
    pairs = Counter(zip(predicted, truth, strict=True))
    sizes_predicted, sizes_true = Counter(predicted), Counter(truth)
    total = len(truth)
    precision = sum(n * n / sizes_predicted[p] for (p, _), n in pairs.items()) / total
    recall = sum(n * n / sizes_true[t] for (_, t), n in pairs.items()) / total
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=3)
    options = parser.parse_args()
    for size in options.sizes:
        print(json.dumps(run(size, options.seed)), flush=True)


if __name__ == "__main__":
    main()
