"""The actor stage: mentions to groups to typed, enriched actors."""

from __future__ import annotations

from newsgraph.extract.actors.acronyms import merge_acronyms
from newsgraph.extract.actors.candidates import WEAK_LABELS, MentionCandidate
from newsgraph.extract.actors.enrichment import country_qid, enrich
from newsgraph.extract.actors.group_nouns import group_noun_candidates
from newsgraph.extract.actors.mentions import (
    candidate_from_entity,
    find_repeated_names,
    known_names,
    repaired_org_names,
    unlabelled_people,
    without_headline_noise,
    without_overlaps,
)
from newsgraph.extract.actors.merging import (
    merge_bare_group_nouns,
    merge_countries,
    merge_head_words,
    merge_known,
    merge_surnames,
    merge_variants,
)
from newsgraph.extract.actors.short_names import find_short_names
from newsgraph.extract.actors.typing_rules import best_name, type_of
from newsgraph.extract.facts import ArticleFacts


def extract_actors(facts: ArticleFacts) -> None:
    candidates = [
        c for ent in facts.doc.ents if (c := candidate_from_entity(ent, facts.text)) is not None
    ]
    candidates = without_overlaps(repaired_org_names(facts.doc, candidates))
    candidates += known_names(facts, [(c.start, c.end) for c in candidates])
    candidates += unlabelled_people(facts.doc, [(c.start, c.end) for c in candidates])
    candidates = without_headline_noise(candidates, facts.text)
    groups: dict[str, list[MentionCandidate]] = {}
    for candidate in candidates:
        if candidate.key:
            groups.setdefault(candidate.key, []).append(candidate)
    merge_acronyms(groups, facts.doc, facts.text)
    merge_countries(groups)
    merge_surnames(groups)
    merge_head_words(groups)
    merge_variants(groups)
    merge_known(groups, facts)
    for key in [k for k, group in groups.items() if all(c.label in WEAK_LABELS for c in group)]:
        del groups[key]
    taken = [(c.start, c.end) for group in groups.values() for c in group]
    for candidate in group_noun_candidates(facts.doc, facts.tokens(), taken):
        groups.setdefault(candidate.key, []).append(candidate)
    merge_bare_group_nouns(groups)
    ordered = sorted(groups.values(), key=lambda group: min(c.start for c in group))
    for group in ordered:
        actor = facts.new_actor(best_name(group), type_of(group))
        for candidate in group:
            actor.add_alias(candidate.surface)
            facts.add_mention(actor, candidate.start, candidate.end)
    find_repeated_names(facts)
    find_short_names(facts)
    for actor in facts.actors:
        enrich(actor, facts)
        actor.wikidata = actor.wikidata or country_qid(actor)
