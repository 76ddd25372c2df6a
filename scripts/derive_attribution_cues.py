"""Count, per verb lemma, how often PolNeAR train annotates it as an attribution cue.

    PYTHONPATH=src python scripts/derive_attribution_cues.py ../shared/data/polnear/train

Parses every train article with newsgraph's spaCy pipeline, counts each verb lemma's uses and
the uses that lie inside a gold Cue span, and prints the lemmas annotated as a cue in at
least a quarter of their uses (and three times in all) as rows of
src/newsgraph/data/attribution_cues.tsv: lemma, class, cue uses, verb uses. The class is kept
from the current data file; a new lemma is printed with class `?` to be classed by hand
(say, speech, stance or belief; see the file's header). Lemmas only: no text is copied.
Takes about five minutes on one core.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from newsgraph.dictionaries import lexicons
from newsgraph.evaluate import polnear
from newsgraph.nlp import clean_text, load_pipeline

MIN_RATE = 0.25
MIN_USES = 3


def cue_spans(folder: Path, stem: str) -> list[tuple[int, int]]:
    spans, events = polnear.parse_ann((folder / f"{stem}.ann").read_text(encoding="utf-8"))
    found: list[tuple[int, int]] = []
    for _type, roles in events:
        for cue in roles.get("Cue", []):
            if cue in spans:
                found.extend(spans[cue][1])
    return found


def main(folder: Path) -> None:
    nlp = load_pipeline()
    documents = polnear.load(folder)
    cues = {d.record.id: cue_spans(folder, d.record.id) for d in documents}
    uses: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    texts = ((clean_text(d.record.text), d.record.id) for d in documents)
    for doc, stem in nlp.pipe(texts, as_tuples=True, batch_size=16):
        for token in doc:
            if token.pos_ != "VERB":
                continue
            lemma = token.lemma_.lower()
            uses[lemma] += 1
            if any(start <= token.idx < end for start, end in cues[stem]):
                as_cue[lemma] += 1
    classes = lexicons.mapping("attribution_cues.tsv")
    for lemma in sorted(as_cue):
        hits, total = as_cue[lemma], uses[lemma]
        if lemma in classes or (hits >= MIN_USES and hits / total >= MIN_RATE):
            print(f"{lemma}\t{classes.get(lemma, '?')}\t{hits}\t{total}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
