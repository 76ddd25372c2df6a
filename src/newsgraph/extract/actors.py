"""Actors: the article's mentions of people, groups, governments and places, merged into
typed actors with aliases.

The way of a mention:
1. spaCy's NER, trimmed to the name and repaired where the small model errs (long
   organisation names cut short, people tagged as organisations or works of art, "OSD-H"
   split at its hyphen, demonym adjectives and portfolio words taken for names);
2. names the Phoenix gazetteer knows and NER missed, and people NER missed altogether;
3. grouped by normalised name, then joined: acronyms and their expansions ("ISIS" = "Islamic
   State of Iraq and Syria"), countries by ISO code ("U.S." = "United States"), surnames
   ("Castellane" = "Mira Castellane"), head words ("the Front"), variants ("Afghan Taliban");
4. group nouns that stand for actors ("the Velmoran army", "rebels", "civilians");
5. typed (NER label, data/actor_words.tsv, countries, cities) and enriched by the gazetteer
   (CAMEO codes, armed group or government).
Every further occurrence of a known name becomes a mention too.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pycountry
from spacy.tokens import Doc, Span, Token

from newsgraph import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.layout import headline_lines
from newsgraph.extract.resolve import first_name_gender
from newsgraph.extract.syntax import NOT_HEADS, doc_text, noun_phrase
from newsgraph.geo import city, country_code
from newsgraph.model import ORGANISATION_TYPES, ActorType
from newsgraph.names import normalize_name

_LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
    "NORP": "organization",  # "Syrians", "Afghans": a people acting or acted on as one
    "NOMINAL": "other",
}
# Labels spaCy's small model puts on people often enough ("Magnus Ranstorp" as a work of
# art): kept only when the name is person-shaped or joins a person's full name.
_WEAK_LABELS = {"WORK_OF_ART", "PRODUCT"}
_EDGE_TAGS = {"DT", "POS", "``", "''", ",", ":", "-LRB-", "-RRB-", "HYPH", "NFP"}
_HONORIFICS = lexicons.words("honorifics.tsv")
_NAME_STOPWORDS = {"of", "the", "and", "for", "in", "on", "to", "al", "el", "de"}
_CAPITALISED = re.compile(r"[A-Z]")
_ACRONYM_SUFFIX = re.compile(r"-[A-Z0-9]{1,3}\b")
_COMMON_STARTS = lexicons.words("common_starts.tsv")
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
    candidates = _without_overlaps(_repaired_org_names(facts.doc, candidates))
    candidates += _known_names(facts, [(c.start, c.end) for c in candidates])
    candidates += _unlabelled_people(facts.doc, [(c.start, c.end) for c in candidates])
    candidates = _without_headline_noise(candidates, facts.text)
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.key:
            groups.setdefault(candidate.key, []).append(candidate)
    _merge_acronyms(groups, facts.doc, facts.text)
    _merge_countries(groups)
    _merge_surnames(groups)
    _merge_head_words(groups)
    _merge_variants(groups)
    _merge_known(groups, facts)
    for key in [k for k, group in groups.items() if all(c.label in _WEAK_LABELS for c in group)]:
        del groups[key]
    taken = [(c.start, c.end) for group in groups.values() for c in group]
    for candidate in _group_nouns(facts.doc, facts.tokens(), taken):
        groups.setdefault(candidate.key, []).append(candidate)
    _merge_bare_group_nouns(groups)
    ordered = sorted(groups.values(), key=lambda group: min(c.start for c in group))
    for group in ordered:
        actor = facts.new_actor(_best_name(group), _actor_type(group))
        for candidate in group:
            actor.add_alias(candidate.surface)
            facts.add_mention(actor, candidate.start, candidate.end)
    _find_repeated_names(facts)
    for actor in facts.actors:
        _enrich(actor, facts)
        actor.wikidata = actor.wikidata or _country_qid(actor)


def _enrich(actor: ActorDraft, facts: ArticleFacts) -> None:
    """What the gazetteer knows of the actor: its CAMEO codes (those in force on the
    publication date, for leaders) and, for an organisation, whether it is an armed group or
    a government. A name it does not know stays as the article gives it."""
    gazetteer = facts.resources.actor_gazetteer()
    for name in (actor.name, *actor.aliases):
        entry = gazetteer.lookup(name)
        if entry is None or not _same_kind(actor.type, entry.type, name):
            continue
        if actor.type in {"organization", "other"} and entry.type in ORGANISATION_TYPES:
            actor.type = entry.type  # type: ignore[assignment]
        if actor.type == "location" and entry.type == "state":
            actor.type = "state"
        published = facts.record.published or ""
        current = [
            c.code
            for c in entry.codes
            if (c.since or "") <= published
            and (c.until is None or not published or published <= c.until)
        ]
        actor.cameo = current or [c.code for c in entry.codes]
        return


def _same_kind(ours: str, theirs: str, name: str) -> bool:
    if ours == "person" or theirs == "person":
        return ours == theirs
    if ours == "location":
        # the dictionaries file cities under their country: Kabul is no state
        return theirs == "state" and city(name) is None
    return ours == "state" if theirs == "state" else ours != "state"


def _candidate(ent: Span, text: str) -> Candidate | None:
    """The entity as an actor mention, trimmed and with its label corrected; None when the
    entity is no actor (an adjective, a lone group noun, a portfolio word)."""
    if ent.label_ not in _LABEL_TYPES and ent.label_ not in _WEAK_LABELS:
        return None
    tokens = _trimmed_tokens(ent)
    if not tokens or _not_an_actor(ent.label_, tokens):
        return None
    if ent.label_ != "PERSON":  # "the Middle East Tobias Ellwood": a title, then a name
        for cut in range(len(tokens) - 2, 0, -1):
            if _person_shaped(tokens[cut:]) and first_name_gender(tokens[cut].text):
                tokens = tokens[cut:]
                break
    label = ent.label_
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    suffix = _ACRONYM_SUFFIX.match(text, end)
    if suffix:  # "OSD-H", "ISIS-K": the tokenizer splits what is one name
        end = suffix.end()
    following = ent.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(ent.doc) else None
    if following is not None and following.is_lower and following.lower_ in _heads():
        end, label = following.idx + len(following), "ORG"  # "the Haqqani network"
    elif label != "PERSON" and _person_shaped(tokens):
        label = "PERSON"
    elif label == "GPE" and len(tokens) == 1 and tokens[0].tag_ == "NNPS":
        label = "NORP"  # "Pakistanis": people, not a place
    surface = " ".join(text[start:end].split())
    if len(surface) < 2 or not _CAPITALISED.search(surface):
        return None
    return Candidate(start=start, end=end, surface=surface, label=label)


_GAZETTEER_LABELS = {"person": "PERSON", "state": "GPE"}
_LONGEST_NAME = 6  # words


def _known_names(facts: ArticleFacts, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Names the gazetteer knows that NER missed: runs of up to six words that start with a
    capitalised proper noun and are an entry's name, the longest first."""
    gazetteer = facts.resources.actor_gazetteer()
    tokens = facts.tokens()
    found: list[Candidate] = []
    i = 0
    covered = _covered(tokens, taken)
    while i < len(tokens):
        token = tokens[i]
        if (
            i in covered
            or not (token.is_alpha and token.text[:1].isupper())
            or token.ent_type_ in {"DATE", "TIME"}
            or (token.is_sent_start and token.pos_ != "PROPN")  # "The", "Police" opening
        ):
            i += 1
            continue
        for n in range(min(_LONGEST_NAME, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            start, end = token.idx, last.idx + len(last)
            if not last.text[:1].isupper() or any(k in covered for k in range(i, i + n)):
                continue
            surface = facts.text[start:end]
            entry = gazetteer.lookup(surface)
            if entry is not None:
                label = _GAZETTEER_LABELS.get(entry.type, "ORG")
                found.append(Candidate(start, end, " ".join(surface.split()), label))
                i += n - 1
                break
        i += 1
    return found


def _covered(tokens: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that start inside one of the character spans."""
    covered: set[int] = set()
    ordered = sorted(spans)
    j = 0
    for token in tokens:
        while j < len(ordered) and ordered[j][1] <= token.idx:
            j += 1
        if j < len(ordered) and ordered[j][0] <= token.idx:
            covered.add(token.i)
    return covered


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Where two mentions overlap, the longer stands."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []  # sorted, disjoint
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        index = bisect.bisect_left(taken, (candidate.start, candidate.end))
        before = taken[index - 1] if index > 0 else None
        after = taken[index] if index < len(taken) else None
        if (before is None or before[1] <= candidate.start) and (
            after is None or candidate.end <= after[0]
        ):
            taken.insert(index, (candidate.start, candidate.end))
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _repaired_org_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Organisation names the small NER model cuts or misses ("the Order of the Seventh Dawn"
    as "the Order of the" and an ordinal): a run of capitalised words, joined by "of",
    "the", "and", "–", whose head is an organisation noun ("Order", "Company", "Brigade"),
    replaces the pieces NER made of it."""
    for start, end in _name_runs(doc):
        same = [c for c in candidates if c.start == start and c.end == end]
        if same and same[0].label in {"ORG", "PERSON", "NORP"}:
            continue  # NER agrees; "Northern Alliance" as a place it does not
        candidates = [c for c in candidates if c.end <= start or c.start >= end]
        surface = " ".join(doc_text(doc)[start:end].split())
        candidates.append(Candidate(start, end, surface, "ORG"))
    return sorted(candidates, key=lambda c: c.start)


_CONNECTORS = {"of", "the", "and", "for", "&", "-", "–", "al", "de"}


def _name_runs(doc: Doc) -> Iterator[tuple[int, int]]:
    """(start, end) of capitalised runs headed by an organisation noun."""
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and (_capitalised(token) or (run and token.lower_ in _CONNECTORS)):
            run.append(token)
            continue
        while run and not _capitalised(run[-1]):
            run.pop()
        yield from _qualifying(run)
        run = []


def _capitalised(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and token.pos_ in {"PROPN", "ADJ", "NOUN", "NUM"}
    )


def _qualifying(run: list[Token]) -> Iterator[tuple[int, int]]:
    """The run, or its tail after a connector, when headed by an organisation noun."""
    while len(run) >= 2:
        words = [t for t in run if _capitalised(t)]
        of = next((i for i, t in enumerate(run) if t.lower_ == "of"), len(run))
        head = run[of - 1] if of > 0 else run[-1]  # "Order" in "Order of the Seventh Dawn"
        if len(words) >= 2 and head.lower_ in _heads() and words[0].lower_ not in _COMMON_STARTS:
            yield run[0].idx, run[-1].idx + len(run[-1])
            return
        cut = next((i for i, t in enumerate(run) if i > 0 and t.lower_ in _CONNECTORS), None)
        if cut is None:
            return
        run = run[cut:]
        while run and not _capitalised(run[0]):
            run = run[1:]


def _trimmed_tokens(ent: Span) -> list[Token]:
    tokens = list(ent)
    if ent.label_ == "PERSON":  # "Tobiah Renn" tagged as just "Renn", "Liesl" without "Orvana"
        doc = ent.doc
        while tokens[0].i > 0 and _is_name_word(doc[tokens[0].i - 1], tokens[-1]):
            tokens.insert(0, doc[tokens[0].i - 1])
        while tokens[-1].i + 1 < len(doc) and _continues_name(tokens[-1], doc[tokens[-1].i + 1]):
            tokens.append(doc[tokens[-1].i + 1])
    cut = next((i for i, t in enumerate(tokens) if t.text == "(" and i > 0), None)
    if cut is not None:  # "Association of … (AFD": the acronym is found on its own
        tokens = tokens[:cut]
    while tokens and (tokens[0].tag_ in _EDGE_TAGS or tokens[0].is_space or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].tag_ in _EDGE_TAGS or tokens[-1].is_space or tokens[-1].is_punct):
        if tokens[-1].text == "." and len(tokens) > 1 and len(tokens[-2]) <= 2:
            break  # keep the dot of "U.S."
        tokens.pop()
    return tokens


def _not_an_actor(label: str, tokens: list[Token]) -> bool:
    last = tokens[-1]
    doc = last.doc
    if label == "NORP" and not _stands_for_group(last):
        return True
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and doc[last.i + 2].is_lower:
        # "Salafi-oriented": an adjective made from a name; but "Kestria-backed" names a backer
        return doc[last.i + 2].lemma_.lower() not in _party_participles()
    if len(tokens) == 1:
        word = tokens[0]
        # "Velmoran" in "the Velmoran army"; "Gunmen" is a group noun, not a name
        return _is_modifier_word(word) or word.lower_ in lexicons.mapping("group_nouns.tsv")
    return False


@cache
def _party_participles() -> frozenset[str]:
    """ "backed", "led": participles that make the name hyphened before them a party to a
    relation (the triggers whose subject is the `prefix`, data/relation_triggers.tsv)."""
    return frozenset(row[1] for row in lexicons.rows("relation_triggers.tsv") if row[3] == "prefix")


def _heads() -> frozenset[str]:
    return lexicons.words("head_nouns.tsv")


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


def _continues_name(last: Token, following: Token) -> bool:
    """ "Liesl" tagged PERSON and "Orvana" GPE: the surname the first name is compounded to."""
    return (
        last.dep_ == "compound"
        and last.head == following
        and following.pos_ == "PROPN"
        and following.text[:1].isupper()
        and following.lower_ not in lexicons.words("titles.tsv")
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
            found.append(Candidate(start, end, doc_text(doc)[start:end], "PERSON"))
    return found


def _person_shaped(tokens: list[Token]) -> bool:
    """ "Hans-Jakob Schindler" tagged ORG: capitalised name words after a known first name."""
    words = _name_words(tokens)
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if not all(t.pos_ == "PROPN" or t.text == "-" for t in tokens):
        return False
    last = words[-1].lower()
    if last in lexicons.words("place_words.tsv") or last in _heads():
        return False
    return _type_from_words(" ".join(words)) is None and first_name_gender(words[0]) is not None


def _name_words(tokens: list[Token]) -> list[str]:
    """The words as written: "Hans-Jakob" is one word of three tokens."""
    words, current = [], ""
    for token in tokens:
        current += token.text
        if token.whitespace_ or token.i == tokens[-1].i:
            words.append(current)
            current = ""
    return words


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
                group.append(Candidate(start, start + len(acronym), acronym, candidate.label))
    for key, group in list(groups.items()):
        surface = group[0].surface
        if key in groups and surface.isupper() and _org_like(group) and len(key.split()) == 1:
            span = _expansion(text, surface)
            if span is not None:
                _join_expansion(groups, key, span, text)
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


def _widen_to_spelled_names(groups: dict[str, list[Candidate]], text: str) -> None:
    """ "al-Qaeda in Iraq (AQI)": NER found "al-Qaeda" and "Iraq", but the acronym names the
    words before it that spell it out. Those words become one name, taking the mentions they
    cover, so that the acronym joins them and not "Iraq"."""
    for candidate in [c for group in groups.values() for c in group]:
        found = _parenthesised_after(text, candidate.end)
        if found is None or _spells(candidate.surface, found[0]):
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
        name = Candidate(start, candidate.end, " ".join(text[start : candidate.end].split()), "ORG")
        groups.setdefault(name.key, []).append(name)


def _spells(name: str, acronym: str) -> bool:
    """Whether the words of `name` (hyphenated parts apart) give the acronym's capitals, each
    word one letter, small words ("of", "al", "in") used or skipped."""
    letters = re.sub(r"[^A-Z]", "", acronym).lower()
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", name)]

    @cache
    def fits(word: int, letter: int) -> bool:
        if word == len(words):
            return letter == len(letters)
        skipped = words[word] in _NAME_STOPWORDS and fits(word + 1, letter)
        used = letter < len(letters) and words[word][0] == letters[letter]
        return skipped or (used and fits(word + 1, letter + 1))

    return (
        len(letters) >= 2
        and bool(words)
        and words[0] not in _NAME_STOPWORDS - {"al"}
        and fits(0, 0)
    )


def _spelled_before(text: str, end: int, acronym: str) -> int | None:
    """Where the shortest run of words ending at `end`, within its clause, that spells the
    acronym begins, or None."""
    clause_start = max(text.rfind(mark, 0, end) for mark in (",", ".", ";", ":", "(", ")", "\n"))
    clause_start = max(clause_start, end - 200)  # a name spelling an acronym is short
    words = list(re.finditer(r"(?<![\w-])[^\W\d_]", text[clause_start + 1 : end]))
    for match in reversed(words):
        start = clause_start + 1 + match.start()
        if _spells(text[start:end], acronym):
            return start
    return None


def _join_expansion(
    groups: dict[str, list[Candidate]], key: str, span: tuple[int, int], text: str
) -> None:
    """The spelled-out name joins the acronym, and so does any name NER cut out of it
    ("Islamic State of Iraq" of "Islamic State of Iraq and Syria")."""
    start, end = span
    for other in [k for k in groups if k != key]:
        if all(start <= c.start and c.end <= end for c in groups[other]):
            groups[key].extend(groups.pop(other))
    groups[key] = [c for c in groups[key] if not (start <= c.start and c.end <= end)]
    groups[key].append(Candidate(start, end, " ".join(text[start:end].split()), "ORG"))


def _expansion(text: str, acronym: str) -> tuple[int, int] | None:
    """Where the article spells the acronym out ("ISIS stands for the Islamic State of Iraq
    and Syria"): capitalised words whose initials, small words skipped, are its letters."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    if not 2 <= len(letters) <= 6:
        return None
    glue = r"(?:\s+(?:of|and|the|for|in|al|de|on)\s+|\s+|-)"
    pattern = glue.join(rf"{letter}[a-z]+" for letter in letters)
    match = re.search(rf"\b{pattern}\b", text)
    return match.span() if match else None


def _parenthesised_after(text: str, end: int) -> tuple[str, int] | None:
    """ "(HLF)" right after a name: the acronym and where it starts."""
    match = re.match(r"\s*\(([A-Z][A-Za-z0-9.\-]{1,11})\)", text[end : end + 16])
    return (match.group(1), end + match.start(1)) if match else None


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _NAME_STOPWORDS)


def _org_like(group: list[Candidate]) -> bool:
    return any(c.label in {"ORG", "NORP"} for c in group)


def _merge_countries(groups: dict[str, list[Candidate]]) -> None:
    """ "the United States", "U.S." and "US" are one state."""
    by_code: dict[str, str] = {}
    for key in list(groups):
        if _label(groups[key]) != "GPE":
            continue
        code = next((c for c in map(country_code, {x.surface for x in groups[key]}) if c), None)
        if code is None:
            continue
        if code in by_code:
            groups[by_code[code]].extend(groups.pop(key))
        else:
            by_code[code] = key


def _without_headline_noise(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Title Case headlines fool NER ("Why the Taliban May Struggle to Defeat ISIS-K"): a
    name seen only in such a line is dropped."""
    headlines = headline_lines(text)
    if not headlines:
        return candidates

    def in_headline(c: Candidate) -> bool:
        return any(s <= c.start and c.end <= e for s, e in headlines)

    body = {c.key for c in candidates if not in_headline(c)}
    return [c for c in candidates if not in_headline(c) or c.key in body or _headline_person(c)]


def _headline_person(candidate: Candidate) -> bool:
    """A person named in a headline: a known first name that is not also a common word."""
    first = candidate.surface.split()[0]
    return (
        candidate.label == "PERSON"
        and len(candidate.surface.split()) > 1
        and first.lower() not in lexicons.words("headline_words.tsv")
        and first_name_gender(first) is not None
    )


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


def _merge_known(groups: dict[str, list[Candidate]], facts: ArticleFacts) -> None:
    """Two names of one gazetteer entry ("ISIS" and "Islamic State") are one organisation.
    Places are left alone: the dictionaries file cities under their country."""
    gazetteer = facts.resources.actor_gazetteer()
    by_entry: dict[str, str] = {}
    for key in list(groups):
        if not _org_like(groups[key]) or key not in groups:
            continue
        entry = next((e for c in groups[key] if (e := gazetteer.lookup(c.surface))), None)
        if entry is None or entry.type == "person":
            continue
        if entry.name in by_entry:
            groups[by_entry[entry.name]].extend(groups.pop(key))
        else:
            by_entry[entry.name] = key


def _merge_variants(groups: dict[str, list[Candidate]]) -> None:
    """ "Taliban movement" and "Afghan Taliban" are the Taliban: a name plus a generic head
    noun, or a nationality word plus a name, joins the bare name."""
    for key in list(groups):
        words = key.split()
        if len(words) < 2 or key not in groups or not _org_like(groups[key]):
            continue
        shorter = None
        if words[-1] in _heads():
            shorter = " ".join(words[:-1])
        elif words[0].endswith(_DEMONYM_ENDINGS):
            shorter = " ".join(words[1:])
        if shorter in groups and shorter != key and _org_like(groups[shorter]):
            groups[shorter].extend(groups.pop(key))


def _head_word(key: str) -> str:
    words = key.split(" of ")[0].split()
    return words[-1] if len(words) > 1 or " of " in key else ""


def _group_nouns(doc: Doc, tokens: list[Token], taken: list[tuple[int, int]]) -> list[Candidate]:
    """Noun phrases headed by a group noun ("the Velmoran army", "government forces",
    "rebels", "the people of Mosul") that no name covers, named by their modifiers, the
    noun and an "of" place."""
    types = lexicons.mapping("group_nouns.tsv")
    members = lexicons.words("member_nouns.tsv")
    found = []
    covered = _covered(tokens, taken)
    for head in tokens:
        actor_type = types.get(head.lower_)
        if actor_type is None or head.pos_ not in {"NOUN", "PROPN"} or head.i in covered:
            continue
        if head.dep_ in NOT_HEADS - {"poss"}:  # "the Coalition's strategy" is the Coalition's
            continue  # "army" in "an army checkpoint" modifies; it heads no phrase
        chunk = noun_phrase(head)
        modifiers = [t for t in chunk if t.i < head.i and _names_the_group(t)]
        start = modifiers[0].idx if modifiers else head.idx
        named = any(t.i in covered for t in chunk if t.i < head.i)
        if head.lower_ in members and (named or _of_an_actor(head, taken)):
            continue  # "OSD-H gunmen", "fighters of the Company" are the group acting
        if any(t.dep_ == "poss" for t in chunk if t.i < head.i):
            continue  # "its fighters", "the HLF's army"
        end = head.idx + len(head)
        of_place = _of_place(head)
        if of_place is not None:  # "the people of Mosul"
            end = of_place.idx + len(of_place)
        surface = " ".join(doc_text(doc)[start:end].split())
        found.append(Candidate(start, end, surface, "NOMINAL", actor_type))  # type: ignore[arg-type]
    return found


_QUANTIFIERS = {"other", "all", "many", "several", "some", "such", "own", "more", "most",
                "few", "both", "each", "various", "certain", "new", "former", "young"}  # fmt: skip


def _names_the_group(token: Token) -> bool:
    """ "Velmoran", "government", "international" in "the international community"; not
    "other" or "many"."""
    return (
        token.dep_ in {"compound", "amod", "nmod"}
        and token.is_alpha
        and token.lower_ not in _QUANTIFIERS
        and token.pos_ in {"PROPN", "ADJ", "NOUN"}
    )


def _of_place(head: Token) -> Token | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}:
                    return pobj
    return None


def _of_an_actor(head: Token, taken: list[tuple[int, int]]) -> bool:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if any(s <= pobj.idx < e for s, e in taken):
                    return True
    return False


def _merge_bare_group_nouns(groups: dict[str, list[Candidate]]) -> None:
    """ "the army" joins "the Velmoran army", "the ministry" joins "Interior Ministry",
    when the article has only one of them."""
    for key in [k for k in groups if k.startswith("~") and " " not in k]:
        noun = key[1:]
        named = [k for k in groups if k != key and k.lstrip("~").split()[-1] == noun]
        if len(named) == 1:
            groups[named[0]].extend(groups.pop(key))


def _label(group: list[Candidate]) -> str:
    """The group's NER label: by majority, ties going to the longest mention's; the weak
    labels only when there is no other."""
    strong = [c for c in group if c.label not in _WEAK_LABELS] or group
    counts = Counter(c.label for c in strong)
    longest = max(strong, key=lambda c: len(c.surface)).label
    top = max(counts.values())
    return longest if counts[longest] == top else counts.most_common(1)[0][0]


def _best_name(group: list[Candidate]) -> str:
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
        or (words[0].lower().endswith(_DEMONYM_ENDINGS) and rest in surfaces and rest.istitle())
    )


def _actor_type(group: list[Candidate]) -> ActorType:
    nominal = next((c.nominal_type for c in group if c.nominal_type), None)
    if nominal is not None:
        return nominal
    label = _label(group)
    names = {c.surface for c in group}
    for name in names:
        # NER takes "Saray al-Jihad Group" or "Tharthar Barrage" for a person; the name's
        # head word says otherwise
        typed = _type_from_words(name) if label != "PERSON" else _type_from_head(name)
        if typed:
            return typed
    if label in {"GPE", "LOC", "FAC", "NORP", "ORG"} | _WEAK_LABELS:
        if label in {"GPE", "LOC", "NORP"} and any(country_code(name) for name in names):
            return "state"
        # NER calls Aleppo a nationality and Sarmin an organisation: a known city is a place
        one_word = len(names) == 1 and " " not in next(iter(names))
        if (label != "ORG" or one_word) and any(city(name) for name in names):
            return "location"
    if label == "GPE":
        return "location"
    return _LABEL_TYPES.get(label, "other")


def _type_from_head(name: str) -> ActorType | None:
    """The type the name's head word gives: its last word in English ("… Brigades", "…
    Group", "… Barrage"), its first in Arabic ("Jaish al-…") or in "Operation …"."""
    words = name.split()
    if len(words) < 2:
        return None
    return _type_from_words(f"{words[0]} {words[-1]}")  # the lexicon's order decides


def _type_from_words(name: str) -> ActorType | None:
    folded = f" {normalize_name(name)} "
    for word, actor_type in lexicons.rows("actor_words.tsv"):
        if f" {normalize_name(word)} " in folded:
            return actor_type  # type: ignore[return-value]
    return None


def _country_qid(actor: ActorDraft) -> str | None:
    """The Wikidata QID of the country the actor names ("Iraq", "the U.S.") or stands for
    (the CAMEO country code of "Afghan"), from the territory data of rigour (OpenSanctions'
    library, which followthemoney ships with)."""
    if actor.type not in {"state", "location"}:
        return None
    code = next(filter(None, map(country_code, (actor.name, *actor.aliases))), None)
    if code is None and actor.type == "state":
        countries = [pycountry.countries.get(alpha_3=c) for c in actor.cameo if len(c) == 3]
        code = next((str(c.alpha_2) for c in countries if c is not None), None)
    if code is None:
        return None
    from rigour.territories import get_territory  # its data loads on first use

    territory = get_territory(code.lower())
    return territory.qid if territory is not None else None


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
