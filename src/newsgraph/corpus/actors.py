"""Cross-article actor resolution: which corpus actor an article's actor is.

In order, the first that decides wins:
1. identity: the same Wikidata QID, or the same gazetteer entry (for actors the extractor
   matched to the Phoenix gazetteer, i.e. those with CAMEO codes). A place (a state or a
   location) has an identity only when one of its names names a country: the gazetteer's own
   name of a state entry, or a country's name or demonym that rigour knows (not one of the
   country's cities or provinces). The gazetteer files provinces and cities under their
   country's code, and the extractor may give them the country's QID, but a province is never
   its country: it stays a place of its own, resolved by its names. A country's corpus actor
   is named as the gazetteer names the country ("Iraq"), never after a longer name it absorbed;
2. names: a corpus actor of a compatible type that has carried any of the actor's names or
   aliases (normalised). A one-word person name ("Varga") or a short acronym is ambiguous:
   it links only an actor known by nothing fuller, and only when one candidate has it or
   context picks one (a shared role organisation);
3. similarity: a rapidfuzz token-sort ratio of at least `FUZZY_THRESHOLD` against the names
   sharing the actor's longest word (the block), and against the candidate's own name, for
   names of two words or more;
otherwise the actor is new to the corpus. Lookups go through indexed columns only, so each
resolution costs the same however large the corpus grows.

An actor the article names only by a common noun ("fighters", "the army", "Gunmen") is not
a name at all: it stays its article's own corpus actor, marked `named=False`, since the
fighters of one report are not those of another.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from newsgraph.dictionaries.gazetteer import Gazetteer
from newsgraph.dictionaries.lexicons import words
from newsgraph.dictionaries.names import normalize_name
from newsgraph.model import Actor
from newsgraph.store.tables import ActorName, ArticleActor, CorpusActor, RoleRow

FUZZY_THRESHOLD = 92
SIMILARITY_CANDIDATES = 5000  # rows read per article for the fuzzy step, at most
_KINDS = {
    "person": "person",
    "organization": "group",
    "armed_group": "group",
    "government": "group",
    "state": "place",
    "location": "place",
    "other": "other",
}
# When two articles type one actor differently, the more specific type is kept.
_SPECIFICITY = ["other", "organization", "location", "government", "armed_group", "state"]


def compatible(first: str, second: str) -> bool:
    """Whether actors of these types may be one actor (an organisation may be an armed group)."""
    return _KINDS.get(first, first) == _KINDS.get(second, second)


def name_keys(actor: Actor) -> list[str]:
    """The actor's normalised names, its own name first, without duplicates or blanks."""
    keys = (normalize_name(name) for name in (actor.name, *actor.aliases))
    return list(dict.fromkeys(key for key in keys if key))


def is_named(actor: Actor) -> bool:
    """Whether the article names the actor: a capitalised word that is no group noun."""
    generic = words("group_nouns.tsv") | words("member_nouns.tsv")
    for name in (actor.name, *actor.aliases):
        for word in name.split():
            if word[:1].isupper() and word.casefold() not in generic and word != "The":
                return True
    return False


def block_of(key: str) -> str:
    """The word of a name that fuzzy matching blocks on: its longest (the last of equals)
    that is not a generic head noun, "belvo" in "black belvo front", so that common words
    ("front", "ministry", "brigades") make no block."""
    words = key.split() or [""]
    specific = [word for word in words if word not in _generic_words()] or words
    return max(reversed(specific), key=len)[:128]


@cache
def _generic_words() -> frozenset[str]:
    return words("head_nouns.tsv") | words("group_nouns.tsv") | words("member_nouns.tsv")


_PLACE_TYPES = frozenset({"state", "location"})


@dataclass(frozen=True)
class Identity:
    """The real actor an article actor is known as: its key, and for a country the name the
    corpus gives it."""

    key: str
    country_name: str | None = None


def identity_of(actor: Actor, gazetteer: Gazetteer) -> Identity | None:
    """The real actor this one is known as, if any. A place is known only as the country one
    of its names names: a shared country code or QID alone makes no identity."""
    if actor.type in _PLACE_TYPES:
        return _country_identity(actor, gazetteer)
    if actor.wikidata:
        return Identity(f"wikidata:{actor.wikidata}")
    if not actor.cameo:  # the extractor found no gazetteer entry for it
        return None
    for name in (actor.name, *actor.aliases):
        entry = gazetteer.lookup(name)
        if entry is not None and compatible(actor.type, entry.type):
            return Identity(f"gazetteer:{entry.type}:{normalize_name(entry.name)}")
    return None


def identity_key(actor: Actor, gazetteer: Gazetteer) -> str | None:
    """The key of the real actor this one is known as, if any."""
    identity = identity_of(actor, gazetteer)
    return identity.key if identity else None


def _country_identity(actor: Actor, gazetteer: Gazetteer) -> Identity | None:
    for name in (actor.name, *actor.aliases):
        entry = gazetteer.lookup(name)
        if entry is not None and entry.type != "state":
            entry = None
        territory = country_territory(name)
        if entry is not None and (
            normalize_name(name) == normalize_name(entry.name) or is_demonym(name, entry.name)
        ):
            pass  # the gazetteer's own name of the state, or its demonym: "Iraq", "Iraqi"
        elif territory is None:
            continue  # a province, a city, a region: "Ninewa province", "Kabul"
        country_name = entry.name if entry is not None else territory.name
        qid = actor.wikidata or (territory.qid if territory is not None else None)
        if qid:
            return Identity(f"wikidata:{qid}", country_name)
        if entry is not None:
            return Identity(f"gazetteer:state:{normalize_name(entry.name)}", country_name)
    return None


def is_demonym(word: str, country: str) -> bool:
    """Whether `word` is the demonym of `country` by its form: one word, the country's name
    but for its last two letters at most, and a demonym's ending ("Velmoran", "Iraqi")."""
    word, country = word.casefold(), country.casefold()
    if " " in word or " " in country or word == country:
        return False
    stem = country[: max(4, len(country) - 2)]
    if not word.startswith(stem):
        return False
    return any(word.endswith(suffix) for suffix in words("demonym_suffixes.tsv"))


def country_territory(name: str) -> Any:
    """The country rigour knows `name` as (its name, a variant or a demonym: "UK",
    "Iraqi"), not a place inside it ("Kabul", which rigour also files under Afghanistan)."""
    if not name[:1].isupper():
        return None  # "us" is a pronoun
    from rigour.territories import lookup_territory  # its data loads on first use

    territory = lookup_territory(name)
    if territory is None or not territory.is_country:
        return None
    key = normalize_name(name)
    if any(normalize_name(place) == key for place in territory.places):
        return None
    return territory


@dataclass
class _Wanted:
    """One article actor on its way to a corpus actor."""

    actor: Actor
    keys: list[str]
    identity: Identity | None
    named: bool
    context: set[str]  # normalised names of the organisations it has roles in
    found: CorpusActor | None = None


class ActorResolver:
    """Finds or creates the corpus actors of an article's actors, in a few batched queries
    (identities, names, similar names), whatever the number of actors."""

    def __init__(self, session: Session, gazetteer: Gazetteer):
        self.session = session
        self.gazetteer = gazetteer

    def resolve_all(self, actors: Sequence[Actor]) -> list[CorpusActor]:
        """The corpus actor of each of `actors`, in order."""
        wanted = [self._wanted(actor) for actor in actors]
        searched = [w for w in wanted if w.named or w.identity]
        with self.session.no_autoflush:
            self._match_identities(searched)
            self._match_names([w for w in searched if w.found is None])
            self._match_similar([w for w in searched if w.found is None])
        created = []
        by_identity: dict[str, CorpusActor] = {}
        for w in wanted:
            if w.found is None and w.identity is not None:
                # "France" and "French" in one article: one new country, not two
                w.found = by_identity.get(w.identity.key)
            if w.found is None:
                w.found = CorpusActor(
                    name=w.actor.name,
                    type=_corpus_type(w.actor, w.identity),
                    named=w.named or w.identity is not None,
                    wikidata=w.actor.wikidata if w.identity else None,
                    cameo=list(w.actor.cameo),
                )
                created.append(w.found)
                if w.identity is not None:
                    by_identity[w.identity.key] = w.found
            _absorb(w.found, w.actor, w.identity)
        self.session.add_all(created)
        self.session.flush()
        return [w.found for w in wanted if w.found is not None]

    def _wanted(self, actor: Actor) -> _Wanted:
        context = {normalize_name(r.organization_name) for r in actor.roles if r.organization_name}
        identity = identity_of(actor, self.gazetteer)
        return _Wanted(actor, name_keys(actor), identity, is_named(actor), context)

    def _match_identities(self, wanted: list[_Wanted]) -> None:
        identities = {w.identity.key for w in wanted if w.identity}
        if not identities:
            return
        rows = self.session.scalars(
            sa.select(CorpusActor)
            .where(CorpusActor.gazetteer_key.in_(identities))
            .order_by(CorpusActor.id.desc())
        )
        known = {row.gazetteer_key: row for row in rows}  # the oldest wins
        for w in wanted:
            w.found = known.get(w.identity.key) if w.identity else None

    def _match_names(self, wanted: list[_Wanted]) -> None:
        keys = {key for w in wanted for key in w.keys}
        if not keys:
            return
        holders: dict[str, set[int]] = defaultdict(set)
        rows = self.session.execute(
            sa.select(ActorName.norm, ActorName.corpus_actor_id)
            .where(ActorName.norm.in_(keys))
            .distinct()
        )
        for norm, corpus_id in rows:
            holders[norm].add(corpus_id)
        # a lone surname held by many actors decides nothing without context: those
        # namesakes (many, in a large corpus) are not even loaded
        needed = {
            corpus_id
            for w in wanted
            for key in w.keys
            if not _ambiguous(key, w.actor.type) or len(holders[key]) == 1 or w.context
            for corpus_id in holders[key]
        }
        corpus = self._named_actors(needed)
        for w in wanted:
            w.found = self._by_names(w, holders, corpus)

    def _by_names(
        self, w: _Wanted, holders: dict[str, set[int]], corpus: dict[int, CorpusActor]
    ) -> CorpusActor | None:
        shared: Counter[int] = Counter()
        strong: set[int] = set()
        for key in w.keys:
            for corpus_id in holders.get(key, ()):
                shared[corpus_id] += 1
                if not _ambiguous(key, w.actor.type):
                    strong.add(corpus_id)
        candidates = _fitting(corpus, shared, w.actor.type)
        if not candidates:
            return None
        confident = [c for c in candidates if c.id in strong]
        if confident:
            return max(confident, key=lambda c: (shared[c.id], -c.id))
        if any(not _ambiguous(key, w.actor.type) for key in w.keys):
            # a full name that matched no one is someone new, whatever acronym or surname
            # it shares with another ("TTM" of two different ministries)
            return None
        if len(candidates) == 1:
            return candidates[0]
        if not w.context:
            return None  # nothing tells the namesakes apart
        in_context = [c for c in candidates if self._organisations(c.id) & w.context]
        return in_context[0] if len(in_context) == 1 else None

    def _match_similar(self, wanted: list[_Wanted]) -> None:
        long_keys = {w.actor.id: [key for key in w.keys if " " in key] for w in wanted}
        blocks = {block_of(key) for keys in long_keys.values() for key in keys}
        if not blocks:
            return
        rows = self.session.execute(
            sa.select(ActorName.block, ActorName.norm, ActorName.corpus_actor_id)
            .where(ActorName.block.in_(blocks))
            .distinct()
            .limit(SIMILARITY_CANDIDATES)
        ).all()
        by_block: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for block, norm, corpus_id in rows:
            if " " in norm:
                by_block[block].append((norm, corpus_id))
        corpus = self._named_actors({corpus_id for _, _, corpus_id in rows})
        for w in wanted:
            scores: dict[int, float] = {}
            for key in long_keys[w.actor.id]:
                for norm, corpus_id in by_block.get(block_of(key), ()):
                    score = fuzz.token_sort_ratio(key, norm)
                    if score >= FUZZY_THRESHOLD and _same_initial(key, norm, w.actor.type):
                        scores[corpus_id] = max(scores.get(corpus_id, 0.0), score)
            # the name must be close to the actor's own name too, not only to some alias it
            # absorbed: otherwise one wrong merge draws in that name's neighbours as well
            candidates = [
                c
                for c in _fitting(corpus, scores, w.actor.type)
                if _close(long_keys[w.actor.id], normalize_name(c.name))
            ]
            if candidates:
                w.found = max(candidates, key=lambda c: (scores[c.id], -c.id))

    def _named_actors(self, ids: set[int]) -> dict[int, CorpusActor]:
        if not ids:
            return {}
        rows = self.session.scalars(
            sa.select(CorpusActor).where(CorpusActor.id.in_(ids), CorpusActor.named.is_(True))
        )
        return {row.id: row for row in rows}

    def _organisations(self, corpus_id: int) -> set[str]:
        names = self.session.scalars(
            sa.select(RoleRow.organization_name)
            .join(ArticleActor, RoleRow.article_actor_id == ArticleActor.id)
            .where(ArticleActor.corpus_actor_id == corpus_id)
        )
        return {normalize_name(name) for name in names if name}


def _close(keys: list[str], name: str) -> bool:
    return any(fuzz.token_sort_ratio(key, name) >= FUZZY_THRESHOLD for key in keys)


def _fitting(corpus: dict[int, CorpusActor], ids: Iterable[int], type_: str) -> list[CorpusActor]:
    """The named corpus actors among `ids` that an actor of `type_` may be."""
    return [corpus[i] for i in ids if i in corpus and compatible(type_, corpus[i].type)]


def _ambiguous(norm: str, type_: str) -> bool:
    """A name too short to identify an actor on its own: a surname, a short acronym."""
    if " " in norm:
        return False
    return type_ == "person" or len(norm) <= 3


def _same_initial(first: str, second: str, type_: str) -> bool:
    # "Ilse Varga" is not "Ilya Varga" however close the letters: first names must agree
    return type_ != "person" or first[:1] == second[:1]


def _corpus_type(actor: Actor, identity: Identity | None) -> str:
    """The actor's type in the corpus: a "state" filed under a country's code or QID that
    names no country is a place in that country ("Ninewa province")."""
    filed = bool(actor.cameo or actor.wikidata)
    if actor.type == "state" and filed and (identity is None or identity.country_name is None):
        return "location"
    return actor.type


def _absorb(corpus: CorpusActor, actor: Actor, identity: Identity | None) -> None:
    """What a new report teaches about the corpus actor: a fuller name, a sharper type. A
    country keeps the country's own name, whatever longer names its reports use."""
    if identity and not corpus.gazetteer_key:
        corpus.gazetteer_key = identity.key
    if identity and actor.wikidata and not corpus.wikidata:
        corpus.wikidata = actor.wikidata
    if actor.cameo and not corpus.cameo:
        corpus.cameo = list(actor.cameo)
    type_ = _corpus_type(actor, identity)
    if identity and identity.country_name:
        corpus.name = identity.country_name
    elif (
        len(actor.name.split()) > len(corpus.name.split())
        and type_ == corpus.type
        and not _is_country(corpus)
    ):
        corpus.name = actor.name
    rank = _SPECIFICITY.index
    if type_ in _SPECIFICITY and corpus.type in _SPECIFICITY and rank(type_) > rank(corpus.type):
        corpus.type = type_


def _is_country(corpus: CorpusActor) -> bool:
    return corpus.type == "state" and bool(corpus.gazetteer_key)
