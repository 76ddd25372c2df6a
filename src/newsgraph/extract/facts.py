"""The facts found so far in one article, shared by the extraction stages.

Stages add to it in order (actors, quotes, relations, events); `to_article` turns it into the
contract's `Article`. Offsets are character offsets into the record's text as read.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.dictionaries.cameo import VerbLexicon, load_verbs
from newsgraph.dictionaries.gazetteer import Gazetteer, default_gazetteer
from newsgraph.model import (
    Actor,
    ActorType,
    Article,
    ArticleMeta,
    Event,
    Evidence,
    Mention,
    Quote,
    Record,
    Relation,
    Role,
)


@dataclass
class ActorDraft:
    """An actor while the article is being read; mentions are kept sorted by offset."""

    id: str
    name: str
    type: ActorType
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    wikidata: str | None = None
    cameo: list[str] = field(default_factory=list)

    def add_alias(self, surface: str) -> None:
        folded = surface.casefold()
        if folded != self.name.casefold() and all(a.casefold() != folded for a in self.aliases):
            self.aliases.append(surface)


@dataclass(frozen=True)
class Resources:
    """Dictionaries the stages consult, replaceable for evaluation (PETRARCH2's fictional
    validation dictionaries) or for a user's own."""

    verbs: VerbLexicon | None = None  # None: the CAMEO dictionary shipped in the package
    gazetteer: Gazetteer | None = None  # None: the Phoenix actors shipped in the package
    any_event_verb: bool = False  # code every verb the dictionary knows, PETRARCH-style

    def verb_lexicon(self) -> VerbLexicon:
        return self.verbs if self.verbs is not None else load_verbs()

    def actor_gazetteer(self) -> Gazetteer:
        return self.gazetteer if self.gazetteer is not None else default_gazetteer()


@dataclass
class ArticleFacts:
    record: Record
    doc: Doc
    resources: Resources = field(default_factory=Resources)
    actors: list[ActorDraft] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Where each role was read: (person id, role, start, end of its sentence).
    role_sentences: list[tuple[str, Role, int, int]] = field(default_factory=list)
    _tokens: list[Token] | None = None
    # (start, end, actor id) of every mention, sorted: the index behind `actor_at`.
    _mentions: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.record.text

    def tokens(self) -> list[Token]:
        """The document's tokens, made once: every `doc[i]` makes a new Token object, and
        the stages walk the document several times."""
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    def new_actor(self, name: str, type: ActorType) -> ActorDraft:
        actor = ActorDraft(id=f"a{len(self.actors) + 1}", name=name, type=type)
        self.actors.append(actor)
        return actor

    def actor(self, actor_id: str) -> ActorDraft:
        return self.actors[int(actor_id[1:]) - 1]

    def add_mention(self, actor: ActorDraft, start: int, end: int) -> None:
        if (start, end) in actor.mentions:
            return
        bisect.insort(actor.mentions, (start, end))
        bisect.insort(self._mentions, (start, end, actor.id))

    def actor_at(self, start: int, end: int) -> ActorDraft | None:
        """The actor with a mention overlapping [start, end), the longest overlap winning."""
        index = bisect.bisect_left(self._mentions, (start, -1, ""))
        # Mentions do not nest, so only the one starting just before `start` can reach in.
        index = max(0, index - 1)
        best: tuple[int, str] | None = None
        for m_start, m_end, actor_id in self._mentions[index:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, actor_id)
        return self.actor(best[1]) if best else None

    def mentions_before(self, offset: int) -> Iterator[tuple[int, int, str]]:
        """The mentions that end before `offset`, nearest first (callers stop early)."""
        index = bisect.bisect_left(self._mentions, (offset, -1, ""))
        for position in range(index - 1, -1, -1):
            if self._mentions[position][1] <= offset:
                yield self._mentions[position]

    def asserted_by(self, start: int, end: int) -> Quote | None:
        """The quote holding [start, end), if any: a fact stated inside a quote or reported
        speech is asserted by its speaker, not by the article."""
        for quote in self.quotes:
            if any(span.start <= start and end <= span.end + 1 for span in quote.spans):
                return quote
        return None

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(start=start, end=end, text=self.text[start:end])

    def to_article(self, include_text: bool = False) -> Article:
        record = self.record
        meta = ArticleMeta.of(record, include_text)
        return Article(
            article=meta,
            actors=[self._actor(draft) for draft in self.actors],
            relations=self.relations,
            quotes=self.quotes,
            events=self.events,
        )

    def _actor(self, draft: ActorDraft) -> Actor:
        return Actor(
            id=draft.id,
            name=draft.name,
            type=draft.type,
            aliases=draft.aliases,
            wikidata=draft.wikidata,
            roles=draft.roles,
            mentions=[Mention(start=s, end=e, text=self.text[s:e]) for s, e in draft.mentions],
            cameo=draft.cameo,
        )
