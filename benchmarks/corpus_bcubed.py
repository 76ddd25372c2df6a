"""B-cubed precision and recall of cross-article actor resolution against a who-is-who gold.

    python benchmarks/corpus_bcubed.py --db corpus.db --gold gold.json

The items are the store's article actors; the system puts each in the cluster of its corpus
actor, the gold in the cluster of the real-world entity it names. The gold is a JSON object
`{"items": [{"doc": <article doc_id>, "name": <article actor name>, "entity": <label>}, ...]}`:
article actors with the same label are one entity. An article actor the gold does not list is
counted as an entity of its own, and how many there were is printed, so a gold written
against another extractor's output still scores (and says how far it fits).

B-cubed (Bagga and Baldwin 1998): for each item, precision is the share of its system
cluster that is in its gold cluster, recall the share of its gold cluster that is in its
system cluster; both are averaged over items.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

import sqlalchemy as sa

from newsgraph.store import open_store
from newsgraph.store.tables import ArticleActor, ArticleRow


def bcubed(system: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float]:
    """B-cubed precision and recall of the clustering `system` against `gold`, both given
    as one cluster label per item, in the same order."""
    if len(system) != len(gold):
        raise ValueError("one label per item in both clusterings")
    if not system:
        return 1.0, 1.0
    pairs: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    system_sizes: dict[Hashable, int] = defaultdict(int)
    gold_sizes: dict[Hashable, int] = defaultdict(int)
    for mine, theirs in zip(system, gold, strict=True):
        pairs[(mine, theirs)] += 1
        system_sizes[mine] += 1
        gold_sizes[theirs] += 1
    precision = sum(count * count / system_sizes[mine] for (mine, _), count in pairs.items())
    recall = sum(count * count / gold_sizes[theirs] for (_, theirs), count in pairs.items())
    return precision / len(system), recall / len(system)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store: a SQLite path or a URL")
    parser.add_argument("--gold", required=True, type=Path, help="the who-is-who gold (JSON)")
    args = parser.parse_args(argv)
    try:
        items = json.loads(args.gold.read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError, KeyError) as error:
        print(f"error: cannot read the gold {args.gold}: {error}", file=sys.stderr)
        return 2
    entities: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in items:
        entities[(item["doc"], item["name"])].append(str(item["entity"]))
    store = open_store(args.db)
    with store.session() as session:
        rows = session.execute(
            sa.select(ArticleRow.doc_id, ArticleActor.name, ArticleActor.corpus_actor_id)
            .join(ArticleRow, ArticleActor.article_id == ArticleRow.id)
            .order_by(ArticleActor.id)
        ).all()
    system, gold, unlisted = [], [], 0
    for doc, name, corpus_id in rows:
        listed = entities.get((doc, name))
        if listed:
            gold.append(listed.pop(0))
        else:
            gold.append(f"unlisted:{doc}:{name}")
            unlisted += 1
        system.append(corpus_id)
    precision, recall = bcubed(system, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{len(system)} article actors in {len(set(system))} corpus actors; "
        f"gold: {len(set(gold))} entities ({unlisted} article actors not in the gold)"
    )
    print(f"B-cubed precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
