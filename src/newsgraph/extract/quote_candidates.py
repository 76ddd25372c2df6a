"""A proposed quote and the small readings of the parse that the quote finders share
(extract/quotes.py for quotation marks, extract/reported.py for reported content)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.facts import ActorDraft
from newsgraph.extract.quote_marks import Segment
from newsgraph.model import QuoteKind

MARK_TOKENS = {'"', "“", "”", "„", "«", "»", "''", "``"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MIN_WORDS = 3


@dataclass
class Candidate:
    """A proposed quote: its spans, kind, and the cue and subject that attribute it."""

    kind: QuoteKind
    spans: list[tuple[int, int]]
    paragraph: int
    cue: Token | None = None
    cue_text: str | None = None
    subject: Token | None = None
    segments: list[Segment] = field(default_factory=list)
    speaker: ActorDraft | None = None

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def anchor(self) -> int:
        """Where the quote stands in reading order: its cue when that comes first."""
        return min(self.start, self.cue.idx) if self.cue is not None else self.start


def speech_verbs() -> frozenset[str]:
    return lexicons.words("speech_verbs.tsv")


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens wholly inside [start, end), white space left out."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return [t for t in span if not t.is_space] if span is not None else []


def inside(candidate: Candidate | None, offset: int) -> bool:
    """Within the quoted words themselves (an interrupted quote's attribution is not)."""
    if candidate is None:
        return False
    if candidate.segments:
        return any(s.start <= offset < s.end for s in candidate.segments)
    return any(start <= offset < end for start, end in candidate.spans)


def within(inner: Candidate, outer: Candidate) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end + 1


def negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def speaker_subject(verb: Token, candidate: Candidate | None = None) -> Token | None:
    """The cue's subject: who speaks. "tells Newsweek" names the listener, not the speaker."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not inside(candidate, child.idx):
            return child
    # "said Smith" is sometimes parsed with Smith as an object or attribute (a speech verb's
    # only: "praised Smith" names whom it praised).
    if verb.lemma_.lower() in speech_verbs():
        addressing = lexicons.words("addressing_verbs.tsv")
        inverted = {"attr", "npadvmod", "dep"} | (set() if verb.lemma_ in addressing else {"dobj"})
        for child in verb.rights:
            named = child.pos_ in {"PROPN", "PRON"} and child.dep_ in inverted
            if named and not inside(candidate, child.idx):
                return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        return speaker_subject(verb.head, candidate)
    return None


def cue_text(verb: Token) -> str:
    particle = next((c.text for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.text} {particle}" if particle else verb.text
