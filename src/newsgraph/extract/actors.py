"""Actors: named-entity mentions merged within one article into typed actors with aliases.

Mentions come from spaCy's NER; they are grouped by normalised name, then surnames join
their full names ("Castellane" -> "Mira Castellane") and acronyms their expansions ("HLF" ->
"Harrow Liberation Front"). Every further occurrence of a known name in the text becomes a
mention too, so NER misses later in the article are still counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pycountry
from spacy.tokens import Doc, Span

from newsgraph import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.model import ActorType
from newsgraph.names import normalize_name

_LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
    "NORP": "other",
}
_EDGE_TAGS = {"DT", "POS", "``", "''", ",", ":", "-LRB-", "-RRB-", "HYPH", "NFP"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mullah", "sheikh", "gen", "col"}
_NAME_STOPWORDS = {"of", "the", "and", "for", "in", "on", "to", "al", "el", "de"}
_CAPITALISED = re.compile(r"[A-Z]")


@dataclass
class Candidate:
    """One NER mention, trimmed to the name itself."""

    start: int
    end: int
    surface: str
    label: str

    @property
    def key(self) -> str:
        return normalize_name(self.surface)


def extract_actors(facts: ArticleFacts) -> None:
    candidates = [c for ent in facts.doc.ents if (c := _candidate(ent, facts.text)) is not None]
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.key:
            groups.setdefault(candidate.key, []).append(candidate)
    _merge_acronyms(groups, facts.doc, facts.text)
    _merge_surnames(groups)
    ordered = sorted(groups.values(), key=lambda group: min(c.start for c in group))
    for group in ordered:
        actor = facts.new_actor(_best_name(group), _actor_type(group))
        for candidate in group:
            actor.add_alias(candidate.surface)
            facts.add_mention(actor, candidate.start, candidate.end)
    _find_repeated_names(facts)


def _candidate(ent: Span, text: str) -> Candidate | None:
    if ent.label_ not in _LABEL_TYPES:
        return None
    tokens = list(ent)
    while tokens and (tokens[0].tag_ in _EDGE_TAGS or tokens[0].is_space or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].tag_ in _EDGE_TAGS or tokens[-1].is_space or tokens[-1].is_punct):
        if tokens[-1].text == "." and len(tokens) > 1 and len(tokens[-2]) <= 2:
            break  # keep the dot of "U.S."
        tokens.pop()
    if not tokens:
        return None
    if ent.label_ == "NORP" and not _stands_for_group(tokens[-1]):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    surface = " ".join(text[start:end].split())
    if len(surface) < 2 or not _CAPITALISED.search(surface):
        return None
    return Candidate(start=start, end=end, surface=surface, label=ent.label_)


def _stands_for_group(token: object) -> bool:
    """A nationality word used as a noun ("Afghans were killed"), not as an adjective."""
    return getattr(token, "pos_", "") in {"NOUN", "PROPN"} and getattr(token, "dep_", "") not in {
        "amod",
        "compound",
    }


def _merge_acronyms(groups: dict[str, list[Candidate]], doc: Doc, text: str) -> None:
    """ "Harrow Liberation Front (HLF)" and initials that spell an acronym join one group."""
    for key, group in list(groups.items()):
        if key not in groups:
            continue
        for candidate in group:
            acronym = _parenthesised_after(text, candidate.end)
            if acronym and normalize_name(acronym) in groups and normalize_name(acronym) != key:
                groups[key].extend(groups.pop(normalize_name(acronym)))
    long_names = [key for key, group in groups.items() if len(key.split()) > 1 and _org_like(group)]
    for key in list(groups):
        group = groups[key]
        surface = group[0].surface
        letters = re.sub(r"[^A-Za-z]", "", surface.split("-")[0])
        if not (2 <= len(letters) <= 8 and letters.isupper() and _org_like(group)):
            continue
        matches = [
            name for name in long_names if name in groups and _initials(name) == letters.lower()
        ]
        if len(matches) == 1 and "-" not in surface:
            groups[matches[0]].extend(groups.pop(key))


def _parenthesised_after(text: str, end: int) -> str | None:
    match = re.match(r"\s*\(([A-Z][A-Za-z0-9.\-]{1,11})\)", text[end : end + 16])
    return match.group(1) if match else None


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _NAME_STOPWORDS)


def _org_like(group: list[Candidate]) -> bool:
    return any(c.label in {"ORG", "NORP"} for c in group)


def _merge_surnames(groups: dict[str, list[Candidate]]) -> None:
    """A person named by surname alone (or with an honorific) joins the one full name that
    ends with it; a mislabelled surname ("Sheehan" as ORG) joins it too."""
    people = {key: group for key, group in groups.items() if _label(group) == "PERSON"}
    full_names = [key for key in people if len(key.split()) > 1]
    for key in list(groups):
        words = [w for w in key.split() if w not in _HONORIFICS]
        if not words or len(words) > 2 or key not in groups:
            continue
        matches = [
            name
            for name in full_names
            if name != key and name in groups and name.split()[-len(words) :] == words
        ]
        if len(matches) == 1 and (key in people or len(words) == 1):
            groups[matches[0]].extend(groups.pop(key))


def _label(group: list[Candidate]) -> str:
    """The group's NER label: by majority, ties going to the longest mention's."""
    counts = Counter(c.label for c in group)
    longest = max(group, key=lambda c: len(c.surface)).label
    top = max(counts.values())
    return longest if counts[longest] == top else counts.most_common(1)[0][0]


def _best_name(group: list[Candidate]) -> str:
    """The fullest name: most words, then not all capitals, then longest."""
    return max(
        (c.surface for c in group),
        key=lambda s: (len(s.split()), not s.isupper(), len(s)),
    )


def _actor_type(group: list[Candidate]) -> ActorType:
    label = _label(group)
    names = {c.surface for c in group}
    if label != "PERSON":
        for name in names:
            typed = _type_from_words(name)
            if typed:
                return typed
    if label == "GPE":
        return "state" if any(country_code(name) for name in names) else "location"
    return _LABEL_TYPES[label]


def _type_from_words(name: str) -> ActorType | None:
    folded = f" {normalize_name(name)} "
    for word, actor_type in lexicons.rows("actor_words.tsv"):
        if f" {normalize_name(word)} " in folded:
            return actor_type  # type: ignore[return-value]
    return None


@cache
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 code when `name` names a country ("the U.S." -> "US")."""
    aliases = lexicons.mapping("country_aliases.tsv")
    cleaned = name.strip()
    if cleaned.lower().startswith("the "):
        cleaned = cleaned[4:]
    if cleaned.islower():
        return None  # "us" is a pronoun, not the United States
    if cleaned.casefold() in aliases:
        return aliases[cleaned.casefold()]
    if len(cleaned) <= 3 and not cleaned.isupper():
        return None
    try:
        country = pycountry.countries.lookup(cleaned)
    except LookupError:
        return None
    return str(country.alpha_2)


def _find_repeated_names(facts: ArticleFacts) -> None:
    """Occurrences of an actor's names that NER missed become mentions as well."""
    surfaces: dict[str, ActorDraft] = {}
    for actor in facts.actors:
        for surface in [actor.name, *actor.aliases]:
            if len(surface) >= 3 or surface.isupper():
                surfaces.setdefault(surface, actor)
    if not surfaces:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for match in pattern.finditer(facts.text):
        if facts.actor_at(match.start(), match.end()) is None:
            facts.add_mention(surfaces[match.group()], match.start(), match.end())
