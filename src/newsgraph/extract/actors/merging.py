"""Joining groups of mentions that name one actor: countries by ISO code, surnames, head
words ("the Front"), variants ("Afghan Taliban"), names the gazetteer joins, bare group
nouns."""

from __future__ import annotations

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.geo import country_code
from newsgraph.extract.actors.acronyms import org_like
from newsgraph.extract.actors.candidates import DEMONYM_ENDINGS, HONORIFICS, MentionCandidate
from newsgraph.extract.actors.mentions import actor_head_nouns
from newsgraph.extract.actors.typing_rules import group_label
from newsgraph.extract.facts import ArticleFacts


def merge_countries(groups: dict[str, list[MentionCandidate]]) -> None:
    """ "the United States", "U.S." and "US" are one state."""
    by_code: dict[str, str] = {}
    for key in list(groups):
        if group_label(groups[key]) != "GPE":
            continue
        code = next((c for c in map(country_code, {x.surface for x in groups[key]}) if c), None)
        if code is None:
            continue
        if code in by_code:
            groups[by_code[code]].extend(groups.pop(key))
        else:
            by_code[code] = key


def merge_surnames(groups: dict[str, list[MentionCandidate]]) -> None:
    """A person named by surname alone (or with an honorific) joins the one full name that
    ends with it; a mislabelled surname ("Sheehan" as ORG) joins it too."""
    people = {key: group for key, group in groups.items() if group_label(group) == "PERSON"}
    full_names = [key for key in people if len(key.split()) > 1]
    for key in list(groups):
        words = [w for w in key.split() if w not in HONORIFICS]
        if not words or len(words) > 2 or key not in groups:
            continue
        matches = [
            name
            for name in full_names
            if name != key and name in groups and name.split()[-len(words) :] == words
        ]
        if len(matches) == 1 and (key in people or len(words) == 1):
            groups[matches[0]].extend(groups.pop(key))


def merge_head_words(groups: dict[str, list[MentionCandidate]]) -> None:
    """ "the Front" joins "Harrow Liberation Front"; "the Order" the shortest name it heads."""
    heads = lexicons.words("head_nouns.tsv")
    for key in list(groups):
        if key not in heads or not org_like(groups[key]):
            continue
        named = [
            other
            for other in groups
            if other != key and org_like(groups[other]) and _head_word(other) == key
        ]
        if named:
            target = min(named, key=lambda name: len(name.split()))
            groups[target].extend(groups.pop(key))


def merge_known(groups: dict[str, list[MentionCandidate]], facts: ArticleFacts) -> None:
    """Two names of one gazetteer entry ("ISIS" and "Islamic State") are one organisation.
    Places are left alone: the dictionaries file cities under their country."""
    gazetteer = facts.resources.actor_gazetteer()
    by_entry: dict[str, str] = {}
    for key in list(groups):
        if not org_like(groups[key]) or key not in groups:
            continue
        entry = next((e for c in groups[key] if (e := gazetteer.lookup(c.surface))), None)
        if entry is None or entry.type == "person":
            continue
        if entry.name in by_entry:
            groups[by_entry[entry.name]].extend(groups.pop(key))
        else:
            by_entry[entry.name] = key


def merge_variants(groups: dict[str, list[MentionCandidate]]) -> None:
    """ "Taliban movement" and "Afghan Taliban" are the Taliban: a name plus a generic head
    noun, or a nationality word plus a name, joins the bare name."""
    for key in list(groups):
        words = key.split()
        if len(words) < 2 or key not in groups or not org_like(groups[key]):
            continue
        shorter = None
        if words[-1] in actor_head_nouns():
            shorter = " ".join(words[:-1])
        elif words[0].endswith(DEMONYM_ENDINGS):
            shorter = " ".join(words[1:])
        if shorter in groups and shorter != key and org_like(groups[shorter]):
            groups[shorter].extend(groups.pop(key))


def _head_word(key: str) -> str:
    words = key.split(" of ")[0].split()
    return words[-1] if len(words) > 1 or " of " in key else ""


def merge_bare_group_nouns(groups: dict[str, list[MentionCandidate]]) -> None:
    """ "the army" joins "the Velmoran army", "the ministry" joins "Interior Ministry",
    when the article has only one of them."""
    for key in [k for k in groups if k.startswith("~") and " " not in k]:
        noun = key[1:]
        named = [k for k in groups if k != key and noun in _head_nouns(k.lstrip("~"))]
        if len(named) == 1:
            groups[named[0]].extend(groups.pop(key))


def _head_nouns(key: str) -> set[str]:
    """ "ministry" in "kestrian ministry of water", "army" in "velmoran army": the last word,
    and the last word before an "of"."""
    return {key.split()[-1], key.split(" of ")[0].split()[-1]}
