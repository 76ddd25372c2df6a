"""Mentions: spaCy's entities trimmed to the name and repaired where the small model errs,
names the gazetteer knows that NER missed, people NER missed altogether, headline noise
dropped, and every further occurrence of a known name."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.names import first_name_gender
from newsgraph.extract.actors.candidates import (
    ACRONYM_SUFFIX,
    CAPITALISED,
    COMMON_STARTS,
    DEMONYM_ENDINGS,
    EDGE_TAGS,
    LABEL_TYPES,
    WEAK_LABELS,
    MentionCandidate,
)
from newsgraph.extract.actors.typing_rules import type_from_words
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.layout import headline_lines
from newsgraph.extract.syntax import doc_text


def candidate_from_entity(ent: Span, text: str) -> MentionCandidate | None:
    """The entity as an actor mention, trimmed and with its label corrected; None when the
    entity is no actor (an adjective, a lone group noun, a portfolio word)."""
    if ent.label_ not in LABEL_TYPES and ent.label_ not in WEAK_LABELS:
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
    suffix = ACRONYM_SUFFIX.match(text, end)
    if suffix:  # "OSD-H", "ISIS-K": the tokenizer splits what is one name
        end = suffix.end()
    following = ent.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(ent.doc) else None
    if following is not None and following.is_lower and following.lower_ in actor_head_nouns():
        end, label = following.idx + len(following), "ORG"  # "the Haqqani network"
    elif label != "PERSON" and _person_shaped(tokens):
        label = "PERSON"
    elif label == "GPE" and len(tokens) == 1 and tokens[0].tag_ == "NNPS":
        label = "NORP"  # "Pakistanis": people, not a place
    surface = " ".join(text[start:end].split())
    if len(surface) < 2 or not CAPITALISED.search(surface):
        return None
    return MentionCandidate(start=start, end=end, surface=surface, label=label)


_GAZETTEER_LABELS = {"person": "PERSON", "state": "GPE"}
_LONGEST_NAME = 6  # words


def known_names(facts: ArticleFacts, taken: list[tuple[int, int]]) -> list[MentionCandidate]:
    """Names the gazetteer knows that NER missed: runs of up to six words that start with a
    capitalised proper noun and are an entry's name, the longest first."""
    gazetteer = facts.resources.actor_gazetteer()
    tokens = facts.tokens()
    found: list[MentionCandidate] = []
    i = 0
    covered = covered_indices(tokens, taken)
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
                found.append(MentionCandidate(start, end, " ".join(surface.split()), label))
                i += n - 1
                break
        i += 1
    return found


def covered_indices(tokens: list[Token], spans: list[tuple[int, int]]) -> set[int]:
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


def without_overlaps(candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """Where two mentions overlap, the longer stands."""
    kept: list[MentionCandidate] = []
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


def repaired_org_names(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
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
        candidates.append(MentionCandidate(start, end, surface, "ORG"))
    return sorted(candidates, key=lambda c: c.start)


_DASHES = {"-", "–", "—"}
_CONNECTORS = {"of", "the", "and", "for", "&", "al", "de"} | _DASHES


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
        heads = {run[of - 1] if of > 0 else run[-1]}  # "Order" in "Order of the Seventh Dawn"
        # "Joint Task Force – Operation Northern Shield": a dash inside a name after its head
        heads |= {run[i - 1] for i, t in enumerate(run) if i > 0 and t.text in _DASHES}
        if (
            len(words) >= 2
            and any(head.lower_ in actor_head_nouns() for head in heads)
            and words[0].lower_ not in COMMON_STARTS
        ):
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
    while tokens and (tokens[0].tag_ in EDGE_TAGS or tokens[0].is_space or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].tag_ in EDGE_TAGS or tokens[-1].is_space or tokens[-1].is_punct):
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


def actor_head_nouns() -> frozenset[str]:
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


def unlabelled_people(doc: Doc, taken: list[tuple[int, int]]) -> list[MentionCandidate]:
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
            found.append(MentionCandidate(start, end, doc_text(doc)[start:end], "PERSON"))
    return found


def _person_shaped(tokens: list[Token]) -> bool:
    """ "Hans-Jakob Schindler" tagged ORG: capitalised name words after a known first name."""
    words = _name_words(tokens)
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if not all(t.pos_ == "PROPN" or t.text == "-" for t in tokens):
        return False
    last = words[-1].lower()
    if last in lexicons.words("place_words.tsv") or last in actor_head_nouns():
        return False
    return type_from_words(" ".join(words)) is None and first_name_gender(words[0]) is not None


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
    demonym = word.endswith(DEMONYM_ENDINGS) and type_from_words(token.text) is None
    modifies_noun = token.dep_ == "amod" or (token.dep_ == "compound" and token.head.pos_ == "NOUN")
    return demonym and modifies_noun


def _stands_for_group(token: object) -> bool:
    """A nationality word used as a noun ("Afghans were killed"), not as an adjective."""
    return getattr(token, "pos_", "") in {"NOUN", "PROPN"} and getattr(token, "dep_", "") not in {
        "amod",
        "compound",
    }


def without_headline_noise(candidates: list[MentionCandidate], text: str) -> list[MentionCandidate]:
    """Title Case headlines fool NER ("Why the Taliban May Struggle to Defeat ISIS-K"): a
    name seen only in such a line is dropped."""
    headlines = headline_lines(text)
    if not headlines:
        return candidates

    def in_headline(c: MentionCandidate) -> bool:
        return any(s <= c.start and c.end <= e for s, e in headlines)

    body = {c.key for c in candidates if not in_headline(c)}
    return [c for c in candidates if not in_headline(c) or c.key in body or _headline_person(c)]


def _headline_person(candidate: MentionCandidate) -> bool:
    """A person named in a headline: a known first name that is not also a common word."""
    first = candidate.surface.split()[0]
    return (
        candidate.label == "PERSON"
        and len(candidate.surface.split()) > 1
        and first.lower() not in lexicons.words("headline_words.tsv")
        and first_name_gender(first) is not None
    )


def find_repeated_names(facts: ArticleFacts) -> None:
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
