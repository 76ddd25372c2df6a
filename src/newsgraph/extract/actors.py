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
from spacy.tokens import Doc, Span, Token

from newsgraph import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.resolve import first_name_gender
from newsgraph.model import ActorType
from newsgraph.names import normalize_name

_LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
    "NORP": "other",
    "NOMINAL": "other",
}
# Labels spaCy's small model puts on people often enough ("Magnus Ranstorp" as a work of
# art): kept only when the name is person-shaped or joins a person's full name.
_WEAK_LABELS = {"WORK_OF_ART", "PRODUCT"}
_EDGE_TAGS = {"DT", "POS", "``", "''", ",", ":", "-LRB-", "-RRB-", "HYPH", "NFP"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mullah", "sheikh", "gen", "col"}
_NAME_STOPWORDS = {"of", "the", "and", "for", "in", "on", "to", "al", "el", "de"}
_CAPITALISED = re.compile(r"[A-Z]")
_ACRONYM_SUFFIX = re.compile(r"-[A-Z0-9]{1,3}\b")
_DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic")


@dataclass
class Candidate:
    """One mention, trimmed to the name itself: from NER, or a group noun ("the army")."""

    start: int
    end: int
    surface: str
    label: str
    nominal_type: ActorType | None = None  # set for group nouns, typed by data/group_nouns.tsv

    @property
    def key(self) -> str:
        prefix = "~" if self.nominal_type else ""  # group nouns never share a key with names
        return prefix + normalize_name(self.surface)


def extract_actors(facts: ArticleFacts) -> None:
    candidates = [c for ent in facts.doc.ents if (c := _candidate(ent, facts.text)) is not None]
    candidates += _unlabelled_people(facts.doc, [(c.start, c.end) for c in candidates])
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.key:
            groups.setdefault(candidate.key, []).append(candidate)
    _merge_acronyms(groups, facts.doc, facts.text)
    _merge_surnames(groups)
    _merge_head_words(groups)
    for key in [k for k, group in groups.items() if all(c.label in _WEAK_LABELS for c in group)]:
        del groups[key]
    taken = [(c.start, c.end) for group in groups.values() for c in group]
    for candidate in _group_nouns(facts.doc, taken):
        groups.setdefault(candidate.key, []).append(candidate)
    _merge_bare_group_nouns(groups)
    ordered = sorted(groups.values(), key=lambda group: min(c.start for c in group))
    for group in ordered:
        actor = facts.new_actor(_best_name(group), _actor_type(group))
        for candidate in group:
            actor.add_alias(candidate.surface)
            facts.add_mention(actor, candidate.start, candidate.end)
    _find_repeated_names(facts)


def _candidate(ent: Span, text: str) -> Candidate | None:
    if ent.label_ not in _LABEL_TYPES and ent.label_ not in _WEAK_LABELS:
        return None
    tokens = list(ent)
    if ent.label_ == "PERSON":  # "Tobiah Renn" tagged as just "Renn"
        while tokens[0].i > 0 and _is_name_word(ent.doc[tokens[0].i - 1], tokens[-1]):
            tokens.insert(0, ent.doc[tokens[0].i - 1])
    cut = next((i for i, t in enumerate(tokens) if t.text == "(" and i > 0), None)
    if cut is not None:  # "Association of … (AFD": the acronym is found on its own
        tokens = tokens[:cut]
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
    if len(tokens) == 1 and (
        _is_modifier_word(tokens[0]) or tokens[0].lower_ in lexicons.mapping("group_nouns.tsv")
    ):
        return None  # "Velmoran" in "the Velmoran army"; "Gunmen" is a group noun, not a name
    label = "PERSON" if ent.label_ != "PERSON" and _person_shaped(tokens) else ent.label_
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    suffix = _ACRONYM_SUFFIX.match(text, end)
    if suffix:  # "OSD-H", "ISIS-K": the tokenizer splits what is one name
        end = suffix.end()
    surface = " ".join(text[start:end].split())
    if len(surface) < 2 or not _CAPITALISED.search(surface):
        return None
    return Candidate(start=start, end=end, surface=surface, label=label)


def _is_name_word(token: Token, head: Token) -> bool:
    """A capitalised word compounded into a name, not a title ("Minister") or another name."""
    return (
        token.pos_ == "PROPN"
        and token.dep_ == "compound"
        and token.head == head
        and token.text[:1].isupper()
        and not token.ent_type_
        and token.lower_ not in lexicons.words("titles.tsv")
        and token.lower_ not in lexicons.words("portfolios.tsv")
    )


def _unlabelled_people(doc: Doc, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Names NER missed altogether ("Ruta Maelis led the march"): a run of capitalised
    proper nouns that starts with a known first name."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ == "compound":
            continue
        words = [token]
        while words[0].i > 0 and _is_name_word(doc[words[0].i - 1], token):
            words.insert(0, doc[words[0].i - 1])
        start, end = words[0].idx, token.idx + len(token)
        if _person_shaped(words) and not any(s < end and start < e for s, e in taken):
            found.append(Candidate(start, end, doc.text[start:end], "PERSON"))
    return found


def _person_shaped(tokens: list[Token]) -> bool:
    """ "Hans-Jakob Schindler" tagged ORG: a known first name and capitalised name words."""
    if not 2 <= len(tokens) <= 4 or not all(
        t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens
    ):
        return False
    last = tokens[-1].lower_
    if last in lexicons.words("place_words.tsv") or last in lexicons.words("head_nouns.tsv"):
        return False
    name = " ".join(t.text for t in tokens)
    return _type_from_words(name) is None and first_name_gender(tokens[0].text) is not None


def _is_modifier_word(token: Token) -> bool:
    """ "Velmoran" in "the Velmoran army", "Interior" in "Interior Minister": no actor."""
    word = token.text.casefold()
    if word in lexicons.words("portfolios.tsv"):
        return True
    demonym = word.endswith(_DEMONYM_ENDINGS) and _type_from_words(token.text) is None
    modifies_noun = token.dep_ == "amod" or (token.dep_ == "compound" and token.head.pos_ == "NOUN")
    return demonym and modifies_noun


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
                group.append(Candidate(start, start + len(acronym), acronym, candidate.label))
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


def _parenthesised_after(text: str, end: int) -> tuple[str, int] | None:
    """ "(HLF)" right after a name: the acronym and where it starts."""
    match = re.match(r"\s*\(([A-Z][A-Za-z0-9.\-]{1,11})\)", text[end : end + 16])
    return (match.group(1), end + match.start(1)) if match else None


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


def _merge_head_words(groups: dict[str, list[Candidate]]) -> None:
    """ "the Front" joins "Harrow Liberation Front"; "the Order" the shortest name it heads."""
    heads = lexicons.words("head_nouns.tsv")
    for key in list(groups):
        if key not in heads or not _org_like(groups[key]):
            continue
        named = [
            other
            for other in groups
            if other != key and _org_like(groups[other]) and _head_word(other) == key
        ]
        if named:
            target = min(named, key=lambda name: len(name.split()))
            groups[target].extend(groups.pop(key))


def _head_word(key: str) -> str:
    words = key.split(" of ")[0].split()
    return words[-1] if len(words) > 1 or " of " in key else ""


def _group_nouns(doc: Doc, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Noun phrases headed by a group noun ("the Velmoran army", "government forces",
    "rebels") that no name covers, named by their modifiers and the noun."""
    types = lexicons.mapping("group_nouns.tsv")
    found = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        actor_type = types.get(head.lower_)
        start = chunk[0].idx
        if actor_type is None or any(s < head.idx + len(head) and start < e for s, e in taken):
            continue  # "OSD-H gunmen" are OSD-H's, not an actor of their own
        if any(t.dep_ == "poss" for t in chunk):  # "its fighters", "the HLF's army"
            continue
        modifiers = [
            t
            for t in chunk
            if t.i < head.i
            and t.dep_ in {"compound", "amod"}
            and (t.is_title or t.lower_ == "government")
        ]
        first = modifiers[0] if modifiers else head
        start, end = first.idx, head.idx + len(head)
        surface = doc.text[start:end]
        found.append(Candidate(start, end, " ".join(surface.split()), "NOMINAL", actor_type))  # type: ignore[arg-type]
    return found


def _merge_bare_group_nouns(groups: dict[str, list[Candidate]]) -> None:
    """ "the army" joins "the Velmoran army", "the ministry" joins "Interior Ministry",
    when the article has only one of them."""
    for key in [k for k in groups if k.startswith("~") and " " not in k]:
        noun = key[1:]
        named = [k for k in groups if k != key and k.lstrip("~").split()[-1] == noun]
        if len(named) == 1:
            groups[named[0]].extend(groups.pop(key))


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
    nominal = next((c.nominal_type for c in group if c.nominal_type), None)
    if nominal is not None:
        return nominal
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
