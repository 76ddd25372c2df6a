"""Acronyms and their expansions: "ISIS" = "Islamic State of Iraq and Syria", "the Harrow
Liberation Front (HLF)"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.dictionaries.names import SMALL_WORDS, normalize_name, spells
from newsgraph.extract.actors.candidates import MentionCandidate


def merge_acronyms(groups: dict[str, list[MentionCandidate]], doc: Doc, text: str) -> None:
    """ "Harrow Liberation Front (HLF)" and initials that spell an acronym join one group."""
    _widen_to_spelled_names(groups, text)
    for key, group in list(groups.items()):
        if key not in groups:
            continue
        for candidate in list(group):
            found = _parenthesised_after(text, candidate.end)
            if found is None:
                continue
            acronym, start = found
            acronym_key = normalize_name(acronym)
            if acronym_key == key:
                continue
            if acronym_key in groups:
                groups[key].extend(groups.pop(acronym_key))
            elif not any(c.start == start for c in group):  # NER missed it: still an alias
                group.append(
                    MentionCandidate(start, start + len(acronym), acronym, candidate.label)
                )
    for key, group in list(groups.items()):
        surface = group[0].surface
        if key in groups and surface.isupper() and org_like(group) and len(key.split()) == 1:
            span = _expansion(text, surface)
            if span is not None:
                _join_expansion(groups, key, span, text)
    long_names = [key for key, group in groups.items() if len(key.split()) > 1 and org_like(group)]
    for key in list(groups):
        group = groups[key]
        surface = group[0].surface
        letters = re.sub(r"[^A-Za-z]", "", surface.split("-")[0])
        if not (2 <= len(letters) <= 8 and letters.isupper() and org_like(group)):
            continue
        matches = [name for name in long_names if name in groups and spells(name.split(), letters)]
        if len(matches) == 1 and "-" not in surface:
            groups[matches[0]].extend(groups.pop(key))


def _widen_to_spelled_names(groups: dict[str, list[MentionCandidate]], text: str) -> None:
    """ "al-Qaeda in Iraq (AQI)": NER found "al-Qaeda" and "Iraq", but the acronym names the
    words before it that spell it out. Those words become one name, taking the mentions they
    cover, so that the acronym joins them and not "Iraq"."""
    for candidate in [c for group in groups.values() for c in group]:
        found = _parenthesised_after(text, candidate.end)
        if found is None or _name_spells(candidate.surface, found[0]):
            continue
        start = _spelled_before(text, candidate.end, found[0])
        if start is None or start >= candidate.start:
            continue
        for key in list(groups):
            groups[key] = [
                c for c in groups[key] if not (start <= c.start and c.end <= candidate.end)
            ]
            if not groups[key]:
                del groups[key]
        name = MentionCandidate(
            start, candidate.end, " ".join(text[start : candidate.end].split()), "ORG"
        )
        groups.setdefault(name.key, []).append(name)


def _name_spells(name: str, acronym: str) -> bool:
    """Whether the words of `name` (hyphenated parts apart) spell the acronym's capitals, and
    the name begins with a word of its own ("al" may begin one, "of" and "the" not)."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", name)]
    return (
        len(letters) >= 2
        and bool(words)
        and words[0] not in SMALL_WORDS - {"al"}
        and spells(words, letters)
    )


def _spelled_before(text: str, end: int, acronym: str) -> int | None:
    """Where the shortest run of words ending at `end`, within its clause, that spells the
    acronym begins, or None."""
    clause_start = max(text.rfind(mark, 0, end) for mark in (",", ".", ";", ":", "(", ")", "\n"))
    clause_start = max(clause_start, end - 200)  # a name spelling an acronym is short
    words = list(re.finditer(r"(?<![\w-])[^\W\d_]", text[clause_start + 1 : end]))
    for match in reversed(words):
        start = clause_start + 1 + match.start()
        if _name_spells(text[start:end], acronym):
            return start
    return None


def _join_expansion(
    groups: dict[str, list[MentionCandidate]], key: str, span: tuple[int, int], text: str
) -> None:
    """The spelled-out name joins the acronym, and so does any name NER cut out of it
    ("Islamic State of Iraq" of "Islamic State of Iraq and Syria")."""
    start, end = span
    for other in [k for k in groups if k != key]:
        if all(start <= c.start and c.end <= end for c in groups[other]):
            groups[key].extend(groups.pop(other))
    groups[key] = [c for c in groups[key] if not (start <= c.start and c.end <= end)]
    groups[key].append(MentionCandidate(start, end, " ".join(text[start:end].split()), "ORG"))


def _expansion(text: str, acronym: str) -> tuple[int, int] | None:
    """Where the article spells the acronym out ("ISIS stands for the Islamic State of Iraq
    and Syria"): capitalised words whose initials, small words skipped, are its letters."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    if not 2 <= len(letters) <= 6:
        return None
    glue = rf"(?:\s+(?:{'|'.join(sorted(SMALL_WORDS))})\s+|\s+|-)"
    pattern = glue.join(rf"{letter}[a-z]+" for letter in letters)
    match = re.search(rf"\b{pattern}\b", text)
    return match.span() if match else None


def _parenthesised_after(text: str, end: int) -> tuple[str, int] | None:
    """ "(HLF)" right after a name: the acronym and where it starts."""
    match = re.match(r"\s*\(([A-Z][A-Za-z0-9.\-]{1,11})\)", text[end : end + 16])
    return (match.group(1), end + match.start(1)) if match else None


def org_like(group: list[MentionCandidate]) -> bool:
    return any(c.label in {"ORG", "NORP"} for c in group)
