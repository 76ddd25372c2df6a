"""Compile the Phoenix actor dictionaries into the gazetteer (`data/gazetteer.jsonl.gz`).

Run by `scripts/compile_gazetteer.py`; the dictionary format is read by
`newsgraph.dictionaries.compilers.phoenix`, and the compiled file is read by
`newsgraph.dictionaries.gazetteer`.

Types
-----
An entry is a `person` when its name looks like a person's and not like an organisation's:
no organisation or place word in it ("Front", "Brigades", "Ministry", "Republic", "Islamic",
"Province", ...) unless a title stands before a name ("SECRETARY_OF_STATE_JOHN_KERRY"), and
one of: a CountryInfo/IGOrulers comment (the leaders lists) or a "leader"/"member" comment;
an honorific or title before a name (`ABU_`, `MULLAH_`, `SHEIKH_`, `MR_`, `PRESIDENT_`, ...);
a synonym that is a title plus the name's own words (`MR_ASSAD`); elite (ELI) codes, or
dated government codes, on a two-to-four word name; a first name that `gender-guesser` knows.
Three priors overrule the name: an entry commented `kkl` (Phoenix.MilNonState's list from the
START TOPS database of terrorist organisations) is a group, an armed_group unless its code says
another group type; a company or NGO code (MNC, NGO, NGM) needs a comment to make a person
("General Electric"); a state code needs a comment, honorific or title ("SIR_LANKA_" is a
synonym of Sri Lanka). Otherwise the type comes from the most recent code (an open `>date`
code before the undated default, before closed ranges), read as CAMEO trigrams:

- `IMG...` (international militarized group), or any role REB, INS, SEP, UAF -> armed_group
- `IGO...`, `NGO...`, `NGM...`, `MNC...`, `UIS...` -> organization
- a bare country code (`AFG`; not a role or region code such as `MED`, `MEA`), or country +
  territory or status (`GBRVGB`, `USAPRI`, `ARMUNR`, `ESTOCC`) -> state
- country + GOV, MIL, COP, JUD, LEG, SPY, PRE -> government (the first known role decides:
  `PSEHMSGOV`, Palestine + Hamas + government)
- country + OPP, PTY, MED, BUS, EDU, HLH, HRI, LAB, AGR, ENV, DEV, REF, CVL, CRM, REL, a
  religion code, ...; or a bare role code (`MED`, `BAH`) -> organization
- ELI (elites) -> the next most recent code decides; failing that, person unless the name
  is an organisation's. A bare region code (`WEU`) decides nothing either.

People listed under a group (`ABU_BAKR_AL-BAGHDADI_` under the Islamic State, `KHALED_MESHAAL`
under Hamas) become person entries of their own, with the group's codes -- which is what the
codes mean to PETRARCH: such a person is coded as the group. Variants of one name become one
entry; a bare surname synonym (`ZARQAWI_`) joins the one such person whose name it ends, and
is dropped (and reported) if it fits several. Likewise group-like synonyms under a person
(`ASSAD_REGIME_`, `OBAMA_ADMINISTRATION`) become one entry of their own, typed by the codes,
and other people under a person (TABARI rulers lists share codes between people) become their
own entries; another primary line of the same record that is a form of a person's name
("YELTSIN" after "BORIS_YELTSIN_") becomes a synonym. Entries of one file with the same name,
type and country are merged, and so is a group into the group whose name is its name plus
"of ..." when both have the same actor-specific codes ("The Islamic State", IMGMUSISI, into
"Islamic State of Iraq and the Levant"). A country's synonyms are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.dictionaries.compilers.actor_types import entry_type, type_from_codes
from newsgraph.dictionaries.compilers.person_names import (
    gender_named,
    honorific_name,
    is_group_like,
    shares_name,
    significant,
    similar,
    synonym_is_person,
    titled_person,
)
from newsgraph.dictionaries.compilers.phoenix import Head, Record, read_records
from newsgraph.dictionaries.compilers.readable_names import (
    canonical_words,
    entry_acronyms,
    readable_name,
)
from newsgraph.dictionaries.gazetteer import (
    CodeSpan,
    Gazetteer,
    GazetteerEntry,
    entry_sort_key,
)
from newsgraph.dictionaries.names import normalize_name


@dataclass
class _Draft:
    words: list[str]
    type: str
    codes: list[CodeSpan]
    synonyms: list[list[str]]


def _within(small: Sequence[str], large: Sequence[str]) -> bool:
    return all(any(similar(word, other) for other in large) for word in small)


def _cluster_people(people: list[list[str]]) -> list[list[list[str]]]:
    """Variants of one person's name together: equal names, or one's words within another's."""
    clusters: list[list[list[str]]] = []
    for name in people:
        own = significant(name)
        for cluster in clusters:
            for other in cluster:
                theirs = significant(other)
                if own and theirs and (_within(own, theirs) or _within(theirs, own)):
                    cluster.append(name)
                    break
            else:
                continue
            break
        else:
            clusters.append([name])
    return clusters


def _surname(words: Sequence[str]) -> str | None:
    own = significant(words)
    return own[-1] if own else None


def _head_comments(head: Head, record: Record) -> list[str]:
    # Comments on code lines belong to the record, so to its head only if it has one.
    return [head.comment, *record.comments] if len(record.heads) == 1 else [head.comment]


def _typed_heads(record: Record) -> list[tuple[Head, str]]:
    """The record's heads with their types; a head that is another form of an earlier
    person's name ("BORIS_N._YELTSIN", "YELTSIN" after "BORIS_YELTSIN_") is folded into it."""
    typed: list[tuple[Head, str]] = []
    for head in record.heads:
        if head.broken:
            continue
        kind = entry_type(head.words, head.synonyms, record.codes, _head_comments(head, record))
        own = significant(head.words)
        if typed and own and (kind == "person" or not is_group_like(head.words)):
            for other, other_kind in typed:
                if other_kind == "person" and shares_name(own, significant(other.words)):
                    other.synonyms.append(head.words)
                    other.synonyms.extend(head.synonyms)
                    break
            else:
                typed.append((head, kind))
        else:
            typed.append((head, kind))
    return typed


def _drafts_for_head(
    head: Head, kind: str, codes: list[CodeSpan], source: str, problems: list[str]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    kept: list[list[str]] = []
    people: list[list[str]] = []
    groups: list[list[str]] = []
    singles: list[list[str]] = []
    if kind == "state":
        kept = list(head.synonyms)
    elif kind == "person":
        own = significant(head.words)
        for synonym in head.synonyms:
            last = _surname(synonym)
            if (
                is_group_like(synonym)
                and not (last and shares_name([last], own))
                and not titled_person(synonym, True)
            ):
                groups.append(synonym)
            elif (
                len(synonym) >= 2
                and significant(synonym)
                and not shares_name(significant(synonym), own)
                and (honorific_name(synonym) or gender_named(synonym))
            ):
                people.append(synonym)
            else:
                kept.append(synonym)
    else:
        for synonym in head.synonyms:
            if synonym_is_person(synonym, head.words):
                people.append(synonym)
            elif len(significant(synonym)) == 1 and not is_group_like(synonym):
                singles.append(synonym)
            else:
                kept.append(synonym)

    clusters = _cluster_people(people)
    surnames: dict[str, list[int]] = {}
    for index, cluster in enumerate(clusters):
        for name in cluster:
            last = _surname(name)
            if last and index not in surnames.setdefault(last, []):
                surnames[last].append(index)
    for single in singles:
        last = _surname(single)
        owners = sorted(
            {
                index
                for name, found in surnames.items()
                if last and similar(name, last)
                for index in found
            }
        )
        if len(owners) == 1:
            clusters[owners[0]].append(single)
        elif len(owners) > 1:
            problems.append(
                f"{source}:{head.line}: surname {readable_name(single)!r} fits "
                f"{len(owners)} people under {readable_name(head.words)!r}, dropped"
            )
        else:
            kept.append(single)
    order = {id(words): index for index, words in enumerate(head.synonyms)}
    kept.sort(key=lambda words: order.get(id(words), len(order)))

    drafts.append(_Draft(list(head.words), kind, codes, kept))
    for cluster in clusters:
        name = max(cluster, key=lambda words: len(significant(words)))
        rest = [words for words in cluster if words is not name]
        drafts.append(_Draft(list(name), "person", codes, rest))
    if groups:
        group_type = type_from_codes(codes) or "organization"
        drafts.append(_Draft(list(groups[0]), group_type, codes, groups[1:]))
    return drafts


def _collapse_codes(codes: Iterable[CodeSpan]) -> tuple[CodeSpan, ...]:
    """Codes in order, without repeats or spans inside another dated span of the same code
    (an undated code is the default when no dated one applies, so it contains none)."""
    unique = list(dict.fromkeys(codes))

    def inside(inner: CodeSpan, outer: CodeSpan) -> bool:
        return (
            inner != outer
            and inner.code == outer.code
            and (outer.since is not None or outer.until is not None)
            and (outer.since is None or (inner.since is not None and inner.since >= outer.since))
            and (outer.until is None or (inner.until is not None and inner.until <= outer.until))
        )

    return tuple(span for span in unique if not any(inside(span, other) for other in unique))


def _finish(draft: _Draft, source: str) -> GazetteerEntry:
    names = [draft.words, *draft.synonyms]
    acronyms = entry_acronyms(names)
    name = readable_name(canonical_words(draft.words), acronyms)
    seen = {normalize_name(name), normalize_name(readable_name(draft.words, acronyms))}
    synonyms = []
    for words in draft.synonyms:
        text = readable_name(words, acronyms)
        key = normalize_name(text)
        if key in seen:
            continue
        seen.add(key)
        synonyms.append(text)
    return GazetteerEntry(name, draft.type, _collapse_codes(draft.codes), tuple(synonyms), source)


def _merge(entries: list[GazetteerEntry]) -> GazetteerEntry:
    main = max(entries, key=lambda entry: (len(entry.name.split()), len(entry.synonyms)))
    keys = {normalize_name(main.name)}
    synonyms = []
    for entry in [main, *[other for other in entries if other is not main]]:
        for text in (entry.name, *entry.synonyms):
            key = normalize_name(text)
            if key not in keys:
                keys.add(key)
                synonyms.append(text)
    codes = _collapse_codes(span for entry in entries for span in entry.codes)
    return GazetteerEntry(main.name, main.type, codes, tuple(synonyms), main.source)


def _countries(entry: GazetteerEntry) -> frozenset[str]:
    return frozenset(span.code[:3] for span in entry.codes)


def _merge_duplicates(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Merge entries of one name, type and country; and a group into the group whose name is
    its name plus "of ..." when both have the same actor-specific codes ("Islamic State" into
    "Islamic State of Iraq and the Levant")."""
    groups: dict[tuple[str, str], list[list[GazetteerEntry]]] = {}
    order: list[tuple[str, str]] = []
    for entry in entries:
        key = (normalize_name(entry.name), entry.type)
        if key not in groups:
            groups[key] = []
            order.append(key)
        for cluster in groups[key]:
            if _countries(cluster[0]) == _countries(entry) or (
                _countries(cluster[0]) & _countries(entry)
            ):
                cluster.append(entry)
                break
        else:
            groups[key].append([entry])
    merged = [_merge(cluster) for key in order for cluster in groups[key]]

    by_codes: dict[tuple[frozenset[str], str], list[int]] = {}
    for index, entry in enumerate(merged):
        if entry.type in ("person", "state") or not entry.codes:
            continue
        code_set = frozenset(span.code for span in entry.codes)
        if not any(len(code) >= 9 for code in code_set):
            continue
        by_codes.setdefault((code_set, entry.type), []).append(index)
    absorbed: dict[int, int] = {}
    for indices in by_codes.values():
        if len(indices) < 2:
            continue
        for short in indices:
            short_name = normalize_name(merged[short].name)
            targets = [
                long
                for long in indices
                if long != short
                and long not in absorbed
                and normalize_name(merged[long].name).startswith(short_name + " of ")
            ]
            if len(targets) == 1 and short not in absorbed.values():
                absorbed[short] = targets[0]
    if not absorbed:
        return merged
    extra: dict[int, list[GazetteerEntry]] = {}
    for short, long in absorbed.items():
        extra.setdefault(long, []).append(merged[short])
    result = []
    for index, entry in enumerate(merged):
        if index in absorbed:
            continue
        if index in extra:
            combined = _merge([entry, *extra[index]])
            entry = GazetteerEntry(
                entry.name, entry.type, combined.codes, combined.synonyms, entry.source
            )
        result.append(entry)
    return result


def parse_actor_dictionary(text: str, source: str) -> tuple[list[GazetteerEntry], list[str]]:
    """Entries of one actor dictionary, and the problems met reading it (never raises)."""
    problems: list[str] = []
    entries: list[GazetteerEntry] = []
    for record in read_records(text, source, problems):
        if record.null and not record.codes:
            continue  # a phrase listed so as not to be coded: no actor
        for head, kind in _typed_heads(record):
            for draft in _drafts_for_head(head, kind, record.codes, source, problems):
                entries.append(_finish(draft, source))
    return _merge_duplicates(entries), list(dict.fromkeys(problems))


def read_dictionaries(
    paths: Iterable[str | Path], stopwords: frozenset[str] | None = None
) -> tuple[Gazetteer, list[str]]:
    """The gazetteer of the actor dictionaries at `paths` (each entry's source is its file's
    name), and the problems met reading them."""
    entries: list[GazetteerEntry] = []
    problems: list[str] = []
    for path in paths:
        path = Path(path)
        text = path.read_bytes().decode("utf-8", errors="replace")
        found, trouble = parse_actor_dictionary(text, path.name)
        entries.extend(found)
        problems.extend(trouble)
    return Gazetteer(sorted(entries, key=entry_sort_key), stopwords), problems
