"""An actor's name and type from its mentions: NER labels, data/actor_words.tsv, head nouns,
countries and cities."""

from __future__ import annotations

from collections import Counter

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.geo import city, country_code
from newsgraph.dictionaries.names import normalize_name
from newsgraph.extract.actors.candidates import (
    DEMONYM_ENDINGS,
    LABEL_TYPES,
    WEAK_LABELS,
    MentionCandidate,
)
from newsgraph.model import ActorType


def group_label(group: list[MentionCandidate]) -> str:
    """The group's NER label: by majority, ties going to the longest mention's; the weak
    labels only when there is no other."""
    strong = [c for c in group if c.label not in WEAK_LABELS] or group
    counts = Counter(c.label for c in strong)
    longest = max(strong, key=lambda c: len(c.surface)).label
    top = max(counts.values())
    return longest if counts[longest] == top else counts.most_common(1)[0][0]


def best_name(group: list[MentionCandidate]) -> str:
    """The fullest name: most words, then not all capitals, then longest; a variant with a
    generic head noun ("Taliban movement") only when there is nothing else."""
    first_seen: dict[str, int] = {}
    for candidate in sorted(group, key=lambda c: c.start):
        first_seen.setdefault(candidate.surface, candidate.start)
    surfaces = set(first_seen)
    plain = {s for s in surfaces if not _generic_variant(s, surfaces)} or surfaces
    # ties ("Gunmen" opening a sentence, "gunmen" inside one) go to the first mention, so
    # the name never depends on the order of a set
    return max(plain, key=lambda s: (len(s.split()), not s.isupper(), len(s), -first_seen[s]))


def _generic_variant(surface: str, surfaces: set[str]) -> bool:
    words = surface.split()
    rest = " ".join(words[1:])
    return len(words) > 1 and (
        (words[-1].islower() and " ".join(words[:-1]) in surfaces)
        or (words[0].lower().endswith(DEMONYM_ENDINGS) and rest in surfaces and rest.istitle())
    )


def type_of(group: list[MentionCandidate]) -> ActorType:
    nominal = next((c.nominal_type for c in group if c.nominal_type), None)
    if nominal is not None:
        return nominal
    label = group_label(group)
    names = {c.surface for c in group}
    for name in names:
        # NER takes "Saray al-Jihad Group" or "Tharthar Barrage" for a person; the name's
        # head word says otherwise
        typed = type_from_words(name) if label != "PERSON" else _type_from_head(name)
        if typed:
            return typed
    if label in {"GPE", "LOC", "FAC", "NORP", "ORG"} | WEAK_LABELS:
        if label in {"GPE", "LOC", "NORP"} and any(country_code(name) for name in names):
            return "state"
        # NER calls Aleppo a nationality and Sarmin an organisation: a known city is a place
        one_word = len(names) == 1 and " " not in next(iter(names))
        if (label != "ORG" or one_word) and any(city(name) for name in names):
            return "location"
    if label == "GPE":
        return "location"
    return LABEL_TYPES.get(label, "other")


def _type_from_head(name: str) -> ActorType | None:
    """The type the name's head word gives: its last word in English ("… Brigades", "…
    Group", "… Barrage"), its first in Arabic ("Jaish al-…") or in "Operation …"."""
    words = name.split()
    if len(words) < 2:
        return None
    return type_from_words(f"{words[0]} {words[-1]}")  # the lexicon's order decides


def type_from_words(name: str) -> ActorType | None:
    folded = f" {normalize_name(name)} "
    for word, actor_type in lexicons.rows("actor_words.tsv"):
        if f" {normalize_name(word)} " in folded:
            return actor_type  # type: ignore[return-value]
    return None
