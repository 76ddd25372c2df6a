"""Cross-article actor resolution: which corpus actor an article's actor is.

In order, the first that decides wins:
1. identity: the same Wikidata QID, or the same gazetteer entry (for actors the extractor
   matched to the Phoenix gazetteer, i.e. those with CAMEO codes);
2. names: a corpus actor of a compatible type that has carried any of the actor's names or
   aliases (normalised). A one-word person name ("Varga") or a short acronym is ambiguous:
   it links only when one candidate has it, or context picks one (a shared role
   organisation);
3. similarity: a rapidfuzz token-sort ratio of at least `FUZZY_THRESHOLD` against the names
   sharing the actor's last word (the block), for names of two words or more;
otherwise the actor is new to the corpus. Lookups go through indexed columns only, so each
resolution costs the same however large the corpus grows.

An actor the article names only by a common noun ("fighters", "the army", "Gunmen") is not
a name at all: it stays its article's own corpus actor, marked `named=False`, since the
fighters of one report are not those of another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import sqlalchemy as sa
from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from newsgraph.gazetteer import Gazetteer
from newsgraph.lexicons import words
from newsgraph.model import Actor
from newsgraph.names import normalize_name
from newsgraph.store.tables import ActorName, ArticleActor, CorpusActor, RoleRow

FUZZY_THRESHOLD = 92
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
    return key.rsplit(" ", 1)[-1][:128]


def identity_key(actor: Actor, gazetteer: Gazetteer) -> str | None:
    """The key of the real actor this one is known as, if any."""
    if actor.wikidata:
        return f"wikidata:{actor.wikidata}"
    if not actor.cameo:  # the extractor found no gazetteer entry for it
        return None
    for name in (actor.name, *actor.aliases):
        entry = gazetteer.lookup(name)
        if entry is not None and compatible(actor.type, entry.type):
            return f"gazetteer:{entry.type}:{normalize_name(entry.name)}"
    return None


class ActorResolver:
    """Finds or creates the corpus actor of each article actor, within one session."""

    def __init__(self, session: Session, gazetteer: Gazetteer):
        self.session = session
        self.gazetteer = gazetteer

    def resolve(self, actor: Actor, context: Iterable[str] = ()) -> CorpusActor:
        """The corpus actor for `actor`; `context` holds normalised names of the
        organisations the actor has roles in, to tell namesakes apart."""
        keys = name_keys(actor)
        identity = identity_key(actor, self.gazetteer)
        named = is_named(actor)
        found = None
        if named or identity:
            found = (
                self._by_identity(identity)
                or self._by_names(actor, keys, set(context))
                or self._by_similarity(actor, keys)
            )
        if found is None:
            found = CorpusActor(
                name=actor.name,
                type=actor.type,
                named=named or identity is not None,
                wikidata=actor.wikidata,
                cameo=actor.cameo,
            )
            self.session.add(found)
            self.session.flush()
        _absorb(found, actor, identity)
        return found

    def _by_identity(self, identity: str | None) -> CorpusActor | None:
        if identity is None:
            return None
        query = sa.select(CorpusActor).where(CorpusActor.gazetteer_key == identity).limit(1)
        return self.session.scalars(query).first()

    def _by_names(self, actor: Actor, keys: list[str], context: set[str]) -> CorpusActor | None:
        if not keys:
            return None
        rows = self.session.execute(
            sa.select(ActorName.corpus_actor_id, ActorName.norm).where(ActorName.norm.in_(keys))
        ).all()
        shared: Counter[int] = Counter()
        strong: set[int] = set()
        for corpus_id, norm in set(rows):
            shared[corpus_id] += 1
            if not _ambiguous(norm, actor.type):
                strong.add(corpus_id)
        candidates = [c for c in self._compatible(actor.type, shared) if c.named]
        if not candidates:
            return None
        confident = [c for c in candidates if c.id in strong]
        if confident:
            return max(confident, key=lambda c: (shared[c.id], -c.id))
        if len(candidates) == 1:
            return candidates[0]
        in_context = [c for c in candidates if self._organisations(c.id) & context]
        return in_context[0] if len(in_context) == 1 else None

    def _by_similarity(self, actor: Actor, keys: list[str]) -> CorpusActor | None:
        long_keys = [key for key in keys if " " in key]
        if not long_keys:
            return None
        blocks = {block_of(key) for key in long_keys}
        rows = self.session.execute(
            sa.select(ActorName.corpus_actor_id, ActorName.norm)
            .where(ActorName.block.in_(blocks))
            .distinct()
            .limit(500)
        ).all()
        scores: dict[int, float] = {}
        for corpus_id, norm in rows:
            if " " not in norm:
                continue
            best = max(fuzz.token_sort_ratio(key, norm) for key in long_keys)
            if best >= FUZZY_THRESHOLD and _same_initial(long_keys[0], norm, actor.type):
                scores[corpus_id] = max(scores.get(corpus_id, 0.0), best)
        candidates = [c for c in self._compatible(actor.type, scores) if c.named]
        return max(candidates, key=lambda c: (scores[c.id], -c.id)) if candidates else None

    def _compatible(self, type_: str, ids: Iterable[int]) -> list[CorpusActor]:
        wanted = list(ids)
        if not wanted:
            return []
        rows = self.session.scalars(sa.select(CorpusActor).where(CorpusActor.id.in_(wanted)))
        return [row for row in rows if compatible(type_, row.type)]

    def _organisations(self, corpus_id: int) -> set[str]:
        names = self.session.scalars(
            sa.select(RoleRow.organization_name)
            .join(ArticleActor, RoleRow.article_actor_id == ArticleActor.id)
            .where(ArticleActor.corpus_actor_id == corpus_id)
        )
        return {normalize_name(name) for name in names if name}


def _ambiguous(norm: str, type_: str) -> bool:
    """A name too short to identify an actor on its own: a surname, a short acronym."""
    if " " in norm:
        return False
    return type_ == "person" or len(norm) <= 3


def _same_initial(first: str, second: str, type_: str) -> bool:
    # "Ilse Varga" is not "Ilya Varga" however close the letters: first names must agree
    return type_ != "person" or first[:1] == second[:1]


def _absorb(corpus: CorpusActor, actor: Actor, identity: str | None) -> None:
    """What a new report teaches about the corpus actor: a fuller name, a sharper type."""
    if identity and not corpus.gazetteer_key:
        corpus.gazetteer_key = identity
    if actor.wikidata and not corpus.wikidata:
        corpus.wikidata = actor.wikidata
    if actor.cameo and not corpus.cameo:
        corpus.cameo = list(actor.cameo)
    if len(actor.name.split()) > len(corpus.name.split()) and actor.type == corpus.type:
        corpus.name = actor.name
    rank = _SPECIFICITY.index
    if (
        actor.type in _SPECIFICITY
        and corpus.type in _SPECIFICITY
        and rank(actor.type) > rank(corpus.type)
    ):
        corpus.type = actor.type
