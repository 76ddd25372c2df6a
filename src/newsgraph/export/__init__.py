"""Exports of the corpus store, each streamed page by page so memory stays flat:

- `csv`: an ACLED-like event table, one row per corpus event (`events.py`);
- `gexf` / `graphml`: the actor graph for Gephi and networkx/yEd (`graph.py`);
- `ftm`: FollowTheMoney entities for Aleph (`ftm.py`);
- `jsonl`: everything, one typed object per line (`everything.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TextIO

from sqlalchemy.orm import Session


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    gexf = "gexf"
    graphml = "graphml"
    ftm = "ftm"


def export(session: Session, format: ExportFormat, out: TextIO) -> int:
    """Write the store in `format` to `out`; returns the number of records written."""
    from newsgraph.export import everything, ftm, graph, table

    writers: dict[ExportFormat, Callable[[Session, TextIO], int]] = {
        ExportFormat.csv: table.write_events_csv,
        ExportFormat.jsonl: everything.write_jsonl,
        ExportFormat.gexf: graph.write_gexf,
        ExportFormat.graphml: graph.write_graphml,
        ExportFormat.ftm: ftm.write_ftm,
    }
    return writers[format](session, out)
