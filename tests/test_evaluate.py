"""The relation scorer on small hand-made cases: the rules of ../shared/docs/scoring.md."""

from __future__ import annotations

from newsgraph.evaluate.relations import RelationScore, ScoredRelation, score_article


def _predicted(subject: str, predicate: str, obj: str, *mentions: str) -> ScoredRelation:
    return ScoredRelation(
        frozenset({predicate}), {subject, *mentions}, {obj}, label=f"{subject} {predicate} {obj}"
    )


def _gold(subject: str, predicates: set[str], obj: str, neutral: bool = False) -> ScoredRelation:
    return ScoredRelation(frozenset(predicates), {subject}, {obj}, neutral, f"{subject} {obj}")


FIGHTING = {"fighting", "opposes"}


def _scored(ours: list[ScoredRelation], gold: list[ScoredRelation]) -> RelationScore:
    score = RelationScore()
    score_article(ours, gold, score, "a")
    return score


def test_one_prediction_finds_a_fact_the_gold_gives_once_per_mention() -> None:
    """re3d gives "we" fighting ISIL twice in one quote; the actor holding "we" states it once."""
    ours = [_predicted("Darvel Union", "fighting", "ISIL", "we")]
    gold = [_gold("we", FIGHTING, "ISIL"), _gold("We", FIGHTING, "ISIL")]
    score = _scored(ours, gold)
    assert (score.score.tp_pred, score.score.predicted) == (1, 1)
    assert (score.score.tp_gold, score.score.gold) == (2, 2)
    assert (score.one_to_one.tp_gold, score.one_to_one.gold) == (1, 2)


def test_a_predicate_outside_the_group_or_ends_not_contained_miss() -> None:
    gold = [_gold("the Red Ridge Front", FIGHTING, "Kestrian army")]
    wrong_predicate = _predicted("Red Ridge Front", "allied_with", "Kestrian army")
    wrong_end = _predicted("Red Ridge Front", "fighting", "Kestria")  # not a run of words
    score = _scored([wrong_predicate, wrong_end], gold)
    assert (score.score.tp_pred, score.score.predicted, score.score.tp_gold) == (0, 2, 0)
    assert len(score.misses) == 3


def test_symmetric_predicates_match_either_way_and_neutral_gold_costs_nothing() -> None:
    gold = [
        _gold("Kestrian army", FIGHTING, "Red Ridge Front"),
        _gold("Red Ridge Front", FIGHTING, "Mount Drisna", neutral=True),  # a place
    ]
    ours = [
        _predicted("Red Ridge Front", "fighting", "Kestrian army"),
        _predicted("Red Ridge Front", "fighting", "Mount Drisna"),
    ]
    score = _scored(ours, gold)
    assert (score.score.tp_pred, score.score.predicted) == (1, 1)
    assert (score.score.tp_gold, score.score.gold) == (1, 1)


def test_a_directed_predicate_must_keep_its_direction() -> None:
    gold = [_gold("Osric Vane", {"leader_of", "founder_of"}, "Red Ridge Front")]
    score = _scored([_predicted("Red Ridge Front", "leader_of", "Osric Vane")], gold)
    assert (score.score.tp_pred, score.score.tp_gold) == (0, 0)


def test_unmatched_claims_and_beliefs_are_neutral_on_speech_gold() -> None:
    from newsgraph.evaluate import quotes

    def quote(start: int, end: int, kind: str) -> quotes.ScoredQuote:
        return quotes.ScoredQuote(
            spans=[(start, end)], kind=kind, speaker_names=None, speaker_is_person=False, label=""
        )

    gold = [quote(0, 20, "indirect")]
    ours = [quote(0, 20, "indirect"), quote(30, 40, "claim"), quote(50, 60, "belief")]
    score = quotes.QuoteScore()
    quotes.score_article(ours, gold, score, "a")
    assert (score.predicted, score.matched) == (1, 1)
    matched_claim = quotes.QuoteScore()
    quotes.score_article(
        [quote(0, 20, "claim"), quote(30, 40, "indirect")], gold, matched_claim, "a"
    )
    assert (matched_claim.predicted, matched_claim.matched) == (2, 1)
