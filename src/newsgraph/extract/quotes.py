"""Quotes: direct speech in quotation marks, attributed to the article's actors.

Quotation marks are paired paragraph by paragraph, so the news convention of a quote running
over several paragraphs (each opening with a mark, none closed until the last) gives one quote
with one span per paragraph; a quote interrupted by its attribution ("The group," he said,
"is finished.") is one quote too. A quote needs a speech cue next to it, or must stand as a
paragraph of its own, or it is a scare quote, a title or a nickname and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicons
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.resolve import actor_for_token
from newsgraph.model import Quote
from newsgraph.model import Span as TextSpan

OPENERS = "“„«"
CLOSERS = "”»"
_MARKS = re.compile(r'["“”„«»]')
_OPEN_AFTER = set("([{—–-:/") | {"‘"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_MIN_WORDS = 3
_ATTRIBUTION_TOKENS = 14  # an attribution longer than this is a sentence of its own


@dataclass
class Segment:
    """Text between a pair of quotation marks (or an opening mark and the paragraph's end)."""

    start: int
    end: int
    paragraph: int
    closed: bool
    opens_paragraph: bool


@dataclass
class Chain:
    """Segments that make one quote, and what attributes it."""

    segments: list[Segment]
    cue: Token | None = None
    according_to: Token | None = None
    speaker: ActorDraft | None = None
    speaker_text: str | None = None
    extra: list[Segment] = field(default_factory=list)

    @property
    def paragraph(self) -> int:
        return self.segments[0].paragraph

    @property
    def last_paragraph(self) -> int:
        return self.segments[-1].paragraph


def speech_verbs() -> frozenset[str]:
    return lexicons.words("speech_verbs.tsv")


def extract_quotes(facts: ArticleFacts) -> None:
    doc = facts.doc
    text = doc.text
    paragraphs = list(paragraph_bounds(text))
    chains = _chain(_segments(text, paragraphs))
    recent: list[ActorDraft] = []
    previous: Chain | None = None
    for chain in _join_interrupted(doc, chains):
        _attribute(facts, doc, chain, recent)
        if chain.cue is None and chain.according_to is None:
            if chain.segments[0].opens_paragraph and _continues(previous, chain):
                chain.speaker = previous.speaker if previous else None
            elif not _looks_like_speech(text, chain):
                continue
        elif not _looks_like_speech(text, chain) and _word_count(text, chain) < 5:
            continue
        if _word_count(text, chain) < _MIN_WORDS:
            continue
        facts.quotes.append(_quote(facts, chain))
        if chain.speaker is not None:
            recent.append(chain.speaker)
        previous = chain


def paragraph_bounds(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line: news paragraphs are split by one or more newlines."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def _segments(text: str, paragraphs: list[tuple[int, int]]) -> Iterator[Segment]:
    for number, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        for match in _MARKS.finditer(text, p_start, p_end):
            mark, at = match.group(), match.start()
            before = text[at - 1] if at > p_start else " "
            after = text[at + 1] if at + 1 < p_end else " "
            can_open = mark in OPENERS or (
                mark == '"' and not after.isspace() and (before.isspace() or before in _OPEN_AFTER)
            )
            can_close = mark in CLOSERS or (mark == '"' and not before.isspace())
            if opened is None:
                if can_open:
                    opened = at
            elif can_close:
                yield Segment(opened + 1, at, number, True, opened == p_start)
                opened = None
            elif can_open:
                opened = at
        if opened is not None:
            yield Segment(opened + 1, p_end, number, False, opened == p_start)


def _chain(segments: Iterator[Segment]) -> list[Chain]:
    """Join an unclosed paragraph to the next paragraph when that one opens with a mark."""
    chains: list[Chain] = []
    for segment in segments:
        last = chains[-1].segments[-1] if chains else None
        if (
            last is not None
            and not last.closed
            and segment.opens_paragraph
            and segment.paragraph == last.paragraph + 1
        ):
            chains[-1].segments.append(segment)
        else:
            chains.append(Chain([segment]))
    return chains


def _join_interrupted(doc: Doc, chains: list[Chain]) -> list[Chain]:
    """ "The group," he said, "is finished." -> one chain: two segments in one paragraph
    with only a short attribution between them."""
    joined: list[Chain] = []
    for chain in chains:
        if joined:
            last = joined[-1]
            tail, head = last.segments[-1], chain.segments[0]
            if (
                tail.closed
                and tail.paragraph == head.paragraph
                and _is_attribution(doc, tail.end + 1, head.start - 1)
                and not _ends_sentence(doc.text, tail)
            ):
                last.segments.extend(chain.segments)
                continue
        joined.append(chain)
    return joined


def _ends_sentence(text: str, segment: Segment) -> bool:
    content = text[segment.start : segment.end].rstrip()
    return content.endswith((".", "?", "!"))


def _is_attribution(doc: Doc, start: int, end: int) -> bool:
    gap = doc.char_span(start, end, alignment_mode="expand")
    if gap is None:
        return False
    words = [t for t in gap if not t.is_punct and not t.is_space]
    return 0 < len(words) <= _ATTRIBUTION_TOKENS and any(_is_cue(t) for t in words)


def _is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in speech_verbs()


def _attribute(facts: ArticleFacts, doc: Doc, chain: Chain, recent: list[ActorDraft]) -> None:
    """Find the cue next to the quote and resolve its subject to an actor."""
    for zone in _zones(doc, chain):
        for token in zone:
            if (
                token.lower_ == "according"
                and token.i + 1 < len(doc)
                and doc[token.i + 1].lower_ == "to"
            ):
                source = _object_of(doc[token.i + 1])
                if source is not None:
                    chain.according_to = token
                    chain.speaker = actor_for_token(facts, source, recent)
                    chain.speaker_text = _phrase(source)
                    return
            if _is_cue(token) and not _inside(chain, token.idx):
                chain.cue = token
                subject = _subject(token, chain)
                if subject is not None:
                    chain.speaker = actor_for_token(facts, subject, recent)
                    chain.speaker_text = _phrase(subject)
                return


def _zones(doc: Doc, chain: Chain) -> Iterator[list[Token]]:
    """Where an attribution may stand: between the segments, right after the quote's last
    mark (to the end of that sentence), right before its first mark (from the sentence start)."""
    text = doc.text
    for left, right in zip(chain.segments, chain.segments[1:], strict=False):
        if left.paragraph == right.paragraph:
            yield _tokens(doc, left.end + 1, right.start - 1)
    last = chain.segments[-1]
    if last.closed:
        after = _tokens(doc, last.end + 1, _paragraph_end(text, last.end))
        yield _until_sentence_end(after)
    first = chain.segments[0]
    before = _tokens(doc, _paragraph_start(text, first.start), first.start - 1)
    yield list(reversed(_from_sentence_start(before)))


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return [t for t in span if not t.is_space] if span is not None else []


def _until_sentence_end(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    for token in tokens:
        if token.text in _MARKS_TEXT:
            break
        kept.append(token)
        if token.text in {".", "!", "?"} and len(kept) > 1:
            break
    return kept[: _ATTRIBUTION_TOKENS + 4]


def _from_sentence_start(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    for token in reversed(tokens):
        if token.text in {".", "!", "?"} or token.text in _MARKS_TEXT:
            break
        kept.insert(0, token)
    return kept


_MARKS_TEXT = {'"', "“", "”", "„", "«", "»"}


def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _inside(chain: Chain, offset: int) -> bool:
    return any(s.start <= offset < s.end for s in chain.segments)


def _subject(verb: Token, chain: Chain) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and not _inside(chain, child.idx):
            return child
    # "said Smith" is sometimes parsed with Smith as an object or attribute.
    for child in verb.rights:
        if child.pos_ in {"PROPN", "PRON"} and child.dep_ in {"dobj", "attr", "npadvmod", "dep"}:
            return child
    if verb.dep_ in {"conj", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, chain)
    return None


def _object_of(preposition: Token) -> Token | None:
    for child in preposition.children:
        if child.dep_ == "pobj":
            return child
    nxt = preposition.nbor(1) if preposition.i + 1 < len(preposition.doc) else None
    return nxt if nxt is not None and nxt.pos_ in {"PROPN", "NOUN", "PRON"} else None


def _phrase(head: Token) -> str:
    """The words of the head's noun phrase, appositions left out."""
    tokens = [head, *(t for t in head.lefts if t.dep_ in {"compound", "det", "poss", "amod"})]
    tokens += [t for t in head.rights if t.dep_ in {"compound", "flat"}]
    tokens.sort(key=lambda t: t.i)
    span: Span = head.doc[tokens[0].i : tokens[-1].i + 1]
    return span.text


def _continues(previous: Chain | None, chain: Chain) -> bool:
    """A quote paragraph with no cue of its own goes on the previous speaker's words."""
    return previous is not None and chain.paragraph - previous.last_paragraph <= 1


def _looks_like_speech(text: str, chain: Chain) -> bool:
    """Speech ends with punctuation inside the marks or runs as a paragraph; titles,
    nicknames and scare quotes do neither."""
    content = text[chain.segments[0].start : chain.segments[-1].end].rstrip()
    return content.endswith((".", ",", "?", "!", "—", "…")) or chain.segments[0].opens_paragraph


def _word_count(text: str, chain: Chain) -> int:
    return sum(len(text[s.start : s.end].split()) for s in chain.segments)


def _quote(facts: ArticleFacts, chain: Chain) -> Quote:
    spans = [_trimmed(facts.text, s) for s in chain.segments]
    if chain.according_to is not None:
        cue = "according to"
    elif chain.cue is not None:
        particle = next((c.text for c in chain.cue.children if c.dep_ == "prt"), None)
        cue = f"{chain.cue.text} {particle}" if particle else chain.cue.text
    else:
        cue = None
    return Quote(
        kind="direct",
        text=" ".join(facts.text[s.start : s.end] for s in spans),
        spans=spans,
        speaker=chain.speaker.id if chain.speaker else None,
        speaker_text=chain.speaker_text,
        cue=cue,
    )


def _trimmed(text: str, segment: Segment) -> TextSpan:
    start, end = segment.start, segment.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(start=start, end=end)
