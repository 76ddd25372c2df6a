"""Quote scoring, by the rules of docs/scoring.md.

A predicted quote matches a gold quote when its spans cover at least half of the gold span;
matching is one-to-one, largest overlaps first. Attribution is right when the predicted
speaker's name or an alias equals the gold speaker's fullest name (or, for a person, the
surname does); a gold quote with no speaker wants a null speaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.dictionaries.names import normalize_name
from newsgraph.evaluate.metrics import prf

KINDS = ("direct", "indirect", "mixed")


@dataclass
class ScoredQuote:
    """A quote reduced to what scoring needs: spans, kind and the speaker's names."""

    spans: list[tuple[int, int]]
    kind: str
    speaker_names: list[str] | None  # None: no speaker
    speaker_is_person: bool = False
    label: str = ""


@dataclass
class QuoteScore:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    attributed: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    found_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            **prf(self.matched, self.predicted, self.gold),
            "attribution_accuracy": round(self.attributed / self.matched, 4)
            if self.matched
            else 0.0,
            "recall_by_kind": {
                kind: round(self.found_by_kind[kind] / total, 4) if total else None
                for kind, total in self.gold_by_kind.items()
            },
            "gold_by_kind": self.gold_by_kind,
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            "attributed": self.attributed,
            "misses": self.misses,
        }


def coverage(predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> float:
    """The share of the gold span's characters that the predicted spans cover."""
    total = sum(end - start for start, end in gold)
    if total <= 0:
        return 0.0
    covered = sum(
        max(0, min(g_end, p_end) - max(g_start, p_start))
        for g_start, g_end in gold
        for p_start, p_end in predicted
    )
    return covered / total


def match(predicted: list[ScoredQuote], gold: list[ScoredQuote]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs covering at least half the gold span."""
    pairs = sorted(
        (
            (coverage(p.spans, g.spans), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for share, i, j in pairs:
        if share < 0.5:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def same_speaker(predicted: ScoredQuote, gold: ScoredQuote) -> bool:
    if gold.speaker_names is None or predicted.speaker_names is None:
        return gold.speaker_names is None and predicted.speaker_names is None
    wanted = normalize_name(gold.speaker_names[0])
    names = {normalize_name(n) for n in predicted.speaker_names}
    if wanted in names:
        return True
    if gold.speaker_is_person and wanted:
        surname = wanted.split()[-1]
        return surname in names or any(n.split()[-1:] == [surname] for n in names if n)
    return False


NEUTRAL_KINDS = frozenset({"claim", "belief"})


def score_article(
    predicted: list[ScoredQuote], gold: list[ScoredQuote], into: QuoteScore, article_id: str
) -> None:
    pairs = list(match(predicted, gold))
    matched = {i for i, _ in pairs}
    # scoring.md: on speech gold, the wider kinds claim and belief are neutral unless they match.
    into.predicted += sum(
        1 for i, q in enumerate(predicted) if i in matched or q.kind not in NEUTRAL_KINDS
    )
    into.gold += len(gold)
    found: set[int] = set()
    for i, j in pairs:
        found.add(j)
        into.matched += 1
        into.found_by_kind[gold[j].kind] = into.found_by_kind.get(gold[j].kind, 0) + 1
        if same_speaker(predicted[i], gold[j]):
            into.attributed += 1
        else:
            said, wanted = _first(predicted[i].speaker_names), _first(gold[j].speaker_names)
            into.misses.append(f"{article_id}: {gold[j].label!r} speaker {said!r}, gold {wanted!r}")
    for j, quote in enumerate(gold):
        into.gold_by_kind[quote.kind] = into.gold_by_kind.get(quote.kind, 0) + 1
        if j not in found:
            into.misses.append(f"{article_id}: {quote.label!r} ({quote.kind}) not found")


def _first(names: list[str] | None) -> str | None:
    return names[0] if names else None


def from_contract(
    quotes: Iterable[dict[str, Any]], actors: Iterable[dict[str, Any]], text: str
) -> list[ScoredQuote]:
    """Quotes as the contract (or contract-shaped gold) gives them."""
    by_id = {a["id"]: a for a in actors}
    scored = []
    for quote in quotes:
        spans = [(s["start"], s["end"]) for s in quote["spans"]]
        speaker = by_id.get(quote.get("speaker") or "")
        scored.append(
            ScoredQuote(
                spans=spans,
                kind=quote.get("kind", "direct"),
                speaker_names=[speaker["name"], *speaker.get("aliases", [])] if speaker else None,
                speaker_is_person=bool(speaker and speaker.get("type") == "person"),
                label=" ".join(text[spans[0][0] : spans[0][1]].split()[:6]) if spans else "",
            )
        )
    return scored
