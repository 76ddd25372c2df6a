"""Quotes: who said what, direct, reported or mixed, attributed to the article's actors.

Three finders propose candidates, then speakers are resolved in reading order (so "he adds"
finds the speaker before it):

- direct: quotation marks paired paragraph by paragraph, so the news convention of a quote
  running over several paragraphs (each opening with a mark, none closed until the last)
  gives one quote with one span per paragraph, and a quote interrupted by its attribution
  ("The group," he said, "is finished.") is one quote. A quote needs a speech cue next to it,
  or must stand as a paragraph of its own, or it is a scare quote, title or nickname;
- reported: a speech verb (data/speech_verbs.tsv) governing a clause, "X said (that) …",
  "X told Y that …", "X denied …"; a quoted fragment inside the clause makes it mixed;
- "according to X, …": the clause the phrase is attached to, except a casualty figure,
  whose "according to" names the figure's source (an event fact, not a quote).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.layout import paragraph_bounds, stripped_bounds
from newsgraph.extract.provenance import sentence_of
from newsgraph.extract.quote_marks import (
    QUOTE_MARKS,
    Segment,
    chained_segments,
    paragraph_spans,
    quoted_segments,
)
from newsgraph.extract.resolve import FIRST_PERSON, Context, actor_for_token
from newsgraph.extract.syntax import according_to, doc_text, phrase_text
from newsgraph.model import Quote, QuoteKind
from newsgraph.model import Span as TextSpan

_MARK_TOKENS = {'"', "“", "”", "„", "«", "»", "''", "``"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLAUSE_DEPS = {"ccomp"}
_MIN_WORDS = 3
_ATTRIBUTION_TOKENS = 14  # an attribution longer than this is a sentence of its own
_CASUALTY = re.compile(
    r"\b(kill|killed|dead|died|wounded|injured|hurt|abducted|kidnapped|missing|casualt)", re.I
)
_SENTENCE_END = {".", "!", "?"}
_ADDRESSING = lexicons.words("addressing_verbs.tsv")


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


def extract_quotes(facts: ArticleFacts) -> None:
    doc = facts.doc
    paragraphs = list(paragraph_bounds(doc_text(doc)))
    direct = _direct_quotes(doc, paragraphs)
    reported = list(_reported_speech(doc, direct))
    absorbed = {id(c) for r in reported for c in direct if r.kind == "mixed" and _within(c, r)}
    candidates = [c for c in direct if id(c) not in absorbed] + reported
    candidates.sort(key=lambda c: c.anchor)
    context = Context(quoted=[span for c in candidates for span in c.spans])
    previous: Candidate | None = None
    for candidate in candidates:
        if candidate.subject is not None:
            candidate.speaker = actor_for_token(facts, candidate.subject, context)
        elif candidate.cue is None and previous is not None and _continues(previous, candidate):
            candidate.speaker = previous.speaker
        if candidate.speaker is not None:
            context.speakers.append((candidate.anchor, candidate.speaker))
        facts.quotes.append(_quote(facts.text, candidate))
        previous = candidate


# Direct quotes -------------------------------------------------------------------------


def _direct_quotes(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[Candidate]:
    text = doc_text(doc)
    quotes = []
    for segments in _join_interrupted(doc, chained_segments(quoted_segments(text, paragraphs))):
        candidate = Candidate(
            kind="direct",
            spans=paragraph_spans(text, segments),
            paragraph=segments[0].paragraph,
            segments=segments,
        )
        _attribute_direct(doc, candidate)
        if _is_speech(text, candidate):
            quotes.append(candidate)
    quotes += _statements(doc, paragraphs, quotes)
    return sorted(quotes, key=lambda c: c.start)


def _statements(
    doc: Doc, paragraphs: list[tuple[int, int]], quoted: list[Candidate]
) -> list[Candidate]:
    """Press releases and transcripts print the words unquoted after "X said:": what
    follows the colon, to the end of its paragraph or in the next paragraph, is the
    speaker's own words, and the statement runs on over the paragraphs after it (see
    `_statement_paragraphs`)."""
    found: list[Candidate] = []
    for number, (start, end) in enumerate(paragraphs):
        opening = _statement_opening(doc, start, end, paragraphs[number + 1 :])
        if opening is None:
            continue
        cue, first = opening
        if any(c.start < first[1] and first[0] < c.end for c in quoted + found):
            continue
        first_number = number if first[0] < end else number + 1
        spans = _statement_paragraphs(doc, first, paragraphs[first_number + 1 :])
        segments = [
            Segment(s, e, first_number + i, True, i > 0 or first_number > number)
            for i, (s, e) in enumerate(spans)
        ]
        candidate = Candidate("direct", spans, first_number, segments=segments)
        candidate.cue, candidate.cue_text = cue, _cue_text(cue)
        lead = _from_sentence_start(_tokens(doc, start, cue.idx + len(cue)))
        candidate.subject = _subject(cue, candidate) or _named_in(lead, candidate)
        found.append(candidate)
    return found


def _statement_opening(
    doc: Doc, start: int, end: int, following: list[tuple[int, int]]
) -> tuple[Token, tuple[int, int]] | None:
    """The cue of "X said:" in this paragraph and the first stretch of the statement: the
    next paragraph when the colon ends this one, else the rest of the paragraph after the
    colon ("Y said: The …"), where the cue must be the last verb before it. None when the
    words are quoted (a direct quote) or too short."""
    text = doc_text(doc)
    for colon in (t for t in _tokens(doc, start, end) if t.text == ":"):
        lead = _from_sentence_start(_tokens(doc, start, colon.idx))
        if text[colon.idx + 1 : end].strip():
            first = stripped_bounds(text, colon.idx + 1, end)
            cue = _cue_before_colon(lead)
        elif following:
            first = following[0]
            cue = next((t for t in reversed(lead) if _is_cue(t)), None)
        else:
            return None
        if cue is None:
            continue
        if QUOTE_MARKS.match(text, first[0]) or len(text[first[0] : first[1]].split()) < _MIN_WORDS:
            return None
        return cue, first
    return None


def _cue_before_colon(lead: list[Token]) -> Token | None:
    """ "Y said:", "Y told reporters:", "Y said in a statement:" (not "Y said the aims
    were two:", where the colon belongs to the reported words)."""
    for token in reversed(lead):
        if _is_cue(token):
            return token
        if token.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _statement_paragraphs(
    doc: Doc, first: tuple[int, int], following: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A statement runs on over the unquoted paragraphs after its first as long as the
    speaker's own voice ("I", "we", "our") comes back; it ends before a quotation, a new
    "X said:", or a paragraph that reports someone speaking in the article's own voice."""
    spans = [first]
    last_voiced = 0
    text = doc_text(doc)
    for start, end in following:
        if QUOTE_MARKS.search(text, start, end) or text[start:end].endswith(":"):
            break
        tokens = _tokens(doc, start, end)
        if any(_reports_speech(t) for t in tokens):
            break
        spans.append((start, end))
        if any(t.pos_ == "PRON" and t.lower_ in FIRST_PERSON for t in tokens):
            last_voiced = len(spans) - 1
    return spans[: last_voiced + 1]


def _reports_speech(verb: Token) -> bool:
    """ "The minister also said …", "Following the meeting, the Foreign Secretary said":
    a speech verb that heads its sentence with a named or nominal subject is the article
    reporting (not "we acknowledge that …", nor "those they claim to defend")."""
    if not _is_cue(verb) or verb.dep_ not in {"ROOT", "conj"}:
        return False
    return any(c.dep_ in _SUBJECT_DEPS and c.pos_ in {"NOUN", "PROPN"} for c in verb.children)


def _join_interrupted(doc: Doc, chains: list[list[Segment]]) -> list[list[Segment]]:
    """ "The group," he said, "is finished." -> one chain: two segments in one paragraph
    with only a short attribution between them, the first not ending its sentence."""
    joined: list[list[Segment]] = []
    for chain in chains:
        if joined:
            tail, head = joined[-1][-1], chain[0]
            if (
                tail.closed
                and tail.paragraph == head.paragraph
                and not doc_text(doc)[tail.start : tail.end].rstrip().endswith((".", "?", "!"))
                and _is_attribution(_tokens(doc, tail.end + 1, head.start - 1))
            ):
                joined[-1].extend(chain)
                continue
        joined.append(chain)
    return joined


def _is_attribution(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct]
    return 0 < len(words) <= _ATTRIBUTION_TOKENS and any(_is_cue(t) for t in words)


def _is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in speech_verbs()


def _attribute_direct(doc: Doc, candidate: Candidate) -> None:
    """The cue next to the quote: between its segments, right after its last mark, or right
    before its first; the cue's subject is the speaker to resolve."""
    for zone in _zones(doc, candidate.segments):
        for token in zone:
            source = according_to(token)
            if source is not None:
                candidate.cue, candidate.cue_text, candidate.subject = token, "according to", source
                return
            if _is_cue(token) and not _inside(candidate, token.idx):
                candidate.cue, candidate.cue_text = token, _cue_text(token)
                candidate.subject = _subject(token, candidate) or _named_in(zone, candidate)
                return


def _zones(doc: Doc, segments: list[Segment]) -> Iterator[list[Token]]:
    text = doc_text(doc)
    for left, right in itertools.pairwise(segments):
        if left.paragraph == right.paragraph:
            yield _tokens(doc, left.end + 1, right.start - 1)
    last = segments[-1]
    if last.closed:
        after = _tokens(doc, last.end + 1, _paragraph_end(text, last.end))
        yield _until_sentence_end(after)
    first = segments[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    before = _tokens(doc, line_start, first.start - 1)
    yield list(reversed(_from_sentence_start(before)))
    if first.opens_paragraph and text[:line_start].rstrip().endswith(":"):
        # "Schindler said:" closing the paragraph before the quote.
        lead = text[:line_start].rstrip()
        previous = _tokens(doc, text.rfind("\n", 0, len(lead)) + 1, len(lead))
        yield list(reversed(_from_sentence_start(previous[:-1])))


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return [t for t in span if not t.is_space] if span is not None else []


def _until_sentence_end(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    for token in tokens:
        if token.text in _MARK_TOKENS:
            break
        kept.append(token)
        if token.text in _SENTENCE_END and len(kept) > 1:
            break
    return kept[: _ATTRIBUTION_TOKENS + 4]


def _from_sentence_start(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    for token in reversed(tokens):
        if token.text in _SENTENCE_END or token.text in _MARK_TOKENS:
            break
        kept.insert(0, token)
    return kept


def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def _is_speech(text: str, candidate: Candidate) -> bool:
    """Speech ends with punctuation inside the marks, runs as a paragraph, or has a cue and
    some length; titles, nicknames and scare quotes do none of these."""
    words = sum(len(text[s:e].split()) for s, e in candidate.spans)
    if words < _MIN_WORDS:
        return False
    content = text[candidate.start : candidate.end].rstrip()
    if content.endswith((".", ",", "?", "!", "—", "…")) or candidate.segments[0].opens_paragraph:
        return True
    return candidate.cue is not None and words >= 5


# Reported speech -----------------------------------------------------------------------


def _reported_speech(doc: Doc, direct: list[Candidate]) -> Iterator[Candidate]:
    """Clauses governed by a speech verb, and clauses "according to" someone."""
    quoted = {t.i for c in direct for s in c.segments for t in _tokens(doc, s.start, s.end)}
    for token in doc:
        if token.i in quoted:
            continue
        if _is_cue(token) and not _negated(token):
            for clause in (c for c in token.children if c.dep_ in _CLAUSE_DEPS):
                tokens, speaker = _split_trailing_speaker(list(clause.subtree), token)
                candidate = _clause_quote(doc, tokens, direct)
                if candidate is not None:
                    candidate.cue, candidate.cue_text = token, _cue_text(token)
                    candidate.subject = _subject(token, candidate) or speaker
                    yield candidate
        source = according_to(token)
        if source is not None and not any(c.cue is not None and c.cue.i == token.i for c in direct):
            # an "according to" that already attributes a direct quote (tokens are fresh
            # views: compare positions, an identity test never holds)
            candidate = _according_quote(doc, token, source, direct)
            if candidate is not None:
                yield candidate


def _split_trailing_speaker(tokens: list[Token], verb: Token) -> tuple[list[Token], Token | None]:
    """ "CLAUSE, Ivan Sheehan, associate professor at X, tells Newsweek." is sometimes parsed
    with the speaker inside the clause: cut the clause at the comma before a name that runs,
    with no verb of its own, up to the cue."""
    if not tokens or verb.i < tokens[-1].i or verb.i - tokens[-1].i > 2:
        return tokens, None
    for index in range(len(tokens) - 2, 0, -1):
        token = tokens[index]
        if token.pos_ in {"VERB", "AUX"}:
            break
        if (
            tokens[index - 1].text == ","
            and token.ent_type_ in {"PERSON", "ORG"}
            and token.ent_iob_ == "B"
        ):
            return tokens[: index - 1], token
    return tokens, None


def _clause_quote(doc: Doc, tokens: list[Token], direct: list[Candidate]) -> Candidate | None:
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (
        (tokens[-1].is_punct and tokens[-1].text not in _MARK_TOKENS) or tokens[-1].is_space
    ):
        tokens.pop()
    if len([t for t in tokens if not t.is_punct]) < _MIN_WORDS:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if tokens[-1].text in _MARK_TOKENS:
        end = tokens[-1].idx
    return _with_fragments(doc, start, end, direct)


def _according_quote(
    doc: Doc, according: Token, source: Token, direct: list[Candidate]
) -> Candidate | None:
    """ "According to X, CLAUSE." or "CLAUSE, according to X." -> CLAUSE."""
    sentence = sentence_of(according)
    phrase = {t.i for t in according.subtree} | {according.i + 1}
    tokens = [t for t in sentence if t.i not in phrase and not t.is_space]
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if len(tokens) < _MIN_WORDS or _CASUALTY.search(sentence.text):
        return None
    candidate = _with_fragments(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), direct)
    if candidate is not None:
        candidate.cue, candidate.cue_text, candidate.subject = according, "according to", source
    return candidate


def _with_fragments(doc: Doc, start: int, end: int, direct: list[Candidate]) -> Candidate | None:
    """A reported clause; mixed when it holds a quoted fragment, nothing when it is mostly
    a direct quote already found or cuts across one (the parse ran into an attribution)."""
    overlapping = [c for c in direct if c.start < end and start < c.end]
    if any(not _within(c, Candidate("direct", [(start, end)], 0)) for c in overlapping):
        return None
    quoted = sum(max(0, min(end, e) - max(start, s)) for c in overlapping for s, e in c.spans)
    if quoted > (end - start) / 2:
        return None
    kind: QuoteKind = (
        "mixed" if quoted or QUOTE_MARKS.search(doc_text(doc), start, end) else "indirect"
    )
    paragraph = doc_text(doc).count("\n", 0, start)
    return Candidate(kind=kind, spans=[(start, end)], paragraph=paragraph)


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


# Shared --------------------------------------------------------------------------------


def _inside(candidate: Candidate, offset: int) -> bool:
    """Within the quoted words themselves (an interrupted quote's attribution is not)."""
    if candidate.segments:
        return any(s.start <= offset < s.end for s in candidate.segments)
    return any(start <= offset < end for start, end in candidate.spans)


def _within(inner: Candidate, outer: Candidate) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end + 1


def _subject(verb: Token, candidate: Candidate) -> Token | None:
    """The cue's subject: who speaks. "tells Newsweek" names the listener, not the speaker."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and not _inside(candidate, child.idx):
            return child
    # "said Smith" is sometimes parsed with Smith as an object or attribute.
    inverted = {"attr", "npadvmod", "dep"} | (set() if verb.lemma_ in _ADDRESSING else {"dobj"})
    for child in verb.rights:
        named = child.pos_ in {"PROPN", "PRON"} and child.dep_ in inverted
        if named and not _inside(candidate, child.idx):
            return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, candidate)
    return None


def _named_in(zone: list[Token], candidate: Candidate) -> Token | None:
    """When the parse loses the subject ("…," said Teodor Hadrava, the minister, "…"), the
    attribution's first named person or organisation."""
    for token in zone:
        if token.ent_type_ in {"PERSON", "ORG"} and not _inside(candidate, token.idx):
            return token
    return None


def _cue_text(verb: Token) -> str:
    particle = next((c.text for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.text} {particle}" if particle else verb.text


def _continues(previous: Candidate, candidate: Candidate) -> bool:
    """A quote paragraph with no cue of its own goes on the previous speaker's words."""
    return bool(candidate.segments) and (
        (candidate.segments[0].opens_paragraph and candidate.paragraph - previous.paragraph <= 1)
        or candidate.paragraph == previous.paragraph
    )


def _quote(text: str, candidate: Candidate) -> Quote:
    spans = [TextSpan(start=s, end=e) for s, e in candidate.spans]
    content = [stripped_bounds(text, s.start, s.end) for s in candidate.segments] or candidate.spans
    subject = candidate.subject
    return Quote(
        kind=candidate.kind,
        text=" ".join(text[s:e] for s, e in content),
        spans=spans,
        speaker=candidate.speaker.id if candidate.speaker else None,
        speaker_text=phrase_text(subject) if subject is not None else None,
        cue=candidate.cue_text,
    )
