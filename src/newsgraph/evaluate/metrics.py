"""Counts and the precision / recall / F1 they give."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Score:
    """True positives among predictions (`tp_pred`), gold items found (`tp_gold`), and totals.

    The two true-positive counts differ when matching is not one-to-one (an actor with many
    aliases may find several gold names)."""

    tp_pred: int = 0
    predicted: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.predicted += other.predicted
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp_predicted": self.tp_pred,
            "predicted": self.predicted,
            "tp_gold": self.tp_gold,
            "gold": self.gold,
        }


def prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 of one-to-one matching, rounded for reports."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
