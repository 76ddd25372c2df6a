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
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.facts import ArticleFacts
from newsgraph.extract.layout import paragraph_bounds, stripped_bounds
from newsgraph.extract.quote_candidates import (
    MARK_TOKENS,
    MIN_WORDS,
    Candidate,
    cue_text,
    inside,
    speaker_subject,
    speech_verbs,
    tokens_in,
    within,
)
from newsgraph.extract.quote_marks import (
    QUOTE_MARKS,
    Segment,
    chained_segments,
    paragraph_spans,
    quoted_segments,
)
from newsgraph.extract.reported import cue_class, reported
from newsgraph.extract.resolve import FIRST_PERSON, Context, actor_for_token
from newsgraph.extract.syntax import according_to, doc_text, phrase_text
from newsgraph.model import Quote
from newsgraph.model import Span as TextSpan

_ATTRIBUTION_TOKENS = 14  # an attribution after a quote longer than this is a sentence
_ATTRIBUTION_WORDS = 20  # between two parts: "said X, a spokesman for Y, which represents Z."
_SENTENCE_END = {".", "!", "?"}


def extract_quotes(facts: ArticleFacts) -> None:
    doc = facts.doc
    paragraphs = list(paragraph_bounds(doc_text(doc)))
    direct = _direct_quotes(doc, paragraphs)
    told = list(reported(doc, direct))
    absorbed = {id(c) for r in told for c in direct if r.kind == "mixed" and within(c, r)}
    candidates = _outermost([c for c in direct if id(c) not in absorbed] + told)
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


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """An attribution whose cue stands inside another's content is part of that content
    ("X said he believes …" is what X said), as news annotation counts them."""
    return [
        c
        for c in candidates
        if c.cue is None or not any(o is not c and inside(o, c.cue.idx) for o in candidates)
    ]


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
    quotes += _named_colons(doc, paragraphs, quotes)
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
        candidate.cue, candidate.cue_text = cue, cue_text(cue)
        lead = _from_sentence_start(tokens_in(doc, start, cue.idx + len(cue)))
        candidate.subject = speaker_subject(cue, candidate) or _named_in(lead, candidate)
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
    for colon in (t for t in tokens_in(doc, start, end) if t.text == ":"):
        lead = _from_sentence_start(tokens_in(doc, start, colon.idx))
        if text[colon.idx + 1 : end].strip():
            first = stripped_bounds(text, colon.idx + 1, end)
            cue = _cue_before_colon(lead)
        elif following:
            first = following[0]
            cue = next((t for t in reversed(lead) if _introduces(t)), None)
        else:
            return None
        if cue is None:
            continue
        if QUOTE_MARKS.match(text, first[0]) or len(text[first[0] : first[1]].split()) < MIN_WORDS:
            return None
        return cue, first
    return None


def _cue_before_colon(lead: list[Token]) -> Token | None:
    """ "Y said:", "Y told reporters:", "Y said in a statement:" (not "Y said the aims
    were two:", where the colon belongs to the reported words)."""
    for token in reversed(lead):
        if _introduces(token):
            return token
        if token.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _introduces(token: Token) -> bool:
    """A speech cue, or a verb whose object is a statement: "released the following
    statement:", "issued a communique:" (data/statement_nouns.tsv)."""
    if _is_cue(token):
        return True
    nouns = lexicons.words("statement_nouns.tsv")
    return token.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in token.children
    )


def _named_colons(
    doc: Doc, paragraphs: list[tuple[int, int]], quoted: list[Candidate]
) -> list[Candidate]:
    """Headlines and transcripts: "Varnova: Talks Are Over", "RHEE: We will not retreat." A
    paragraph that opens with a short name and a colon gives the rest of the paragraph to
    that name (quoted words after the colon are a direct quote already)."""
    text = doc_text(doc)
    found: list[Candidate] = []
    for number, (start, end) in enumerate(paragraphs):
        colon = text.find(":", start, min(end, start + 60))
        if colon == -1:
            continue
        first = stripped_bounds(text, colon + 1, end)
        if QUOTE_MARKS.match(text, first[0]) or len(text[first[0] : first[1]].split()) < MIN_WORDS:
            continue
        name = _speaker_name(tokens_in(doc, start, colon))
        if name is None or any(c.start < first[1] and first[0] < c.end for c in quoted):
            continue
        segment = Segment(first[0], first[1], number, True, False)
        candidate = Candidate("direct", [first], number, segments=[segment])
        candidate.subject = name
        found.append(candidate)
    return found


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
        tokens = tokens_in(doc, start, end)
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
    if verb.lemma_.lower() not in speech_verbs() or verb.dep_ not in {"ROOT", "conj"}:
        return False
    subjects = (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
    return any(c.pos_ in {"NOUN", "PROPN"} for c in subjects)


def _join_interrupted(doc: Doc, chains: list[list[Segment]]) -> list[list[Segment]]:
    """One quotation in parts, one span each: two segments in one paragraph with only a
    short attribution between them. Interrupted ("The group," he said, "is finished.") or
    going on after the attribution ("We tried," he said. "We failed."); a second part with
    a cue of its own is a quote of its own ("We tried," he said. "We failed," he added.)."""
    text = doc_text(doc)
    joined: list[list[Segment]] = []
    for chain in chains:
        if joined:
            tail, head = joined[-1][-1], chain[0]
            if (
                tail.closed
                and tail.paragraph == head.paragraph
                and _is_attribution(between := tokens_in(doc, tail.end + 1, head.start - 1))
                and _one_stretch(between)
                and (
                    (_leads_on(text, tail.end, head.start) and not _ends_sentence_in(text, tail))
                    or not _own_cue(doc, chain)
                )
            ):
                joined[-1].extend(chain)
                continue
        joined.append(chain)
    return joined


def _leads_on(text: str, end: int, start: int) -> bool:
    """The attribution between two quoted parts leads on into the second: it ends with a
    comma, a dash or a colon, not a full stop."""
    between = QUOTE_MARKS.sub(" ", text[end:start]).strip()
    return between.endswith((",", "—", "–", ":"))


def _one_stretch(tokens: list[Token]) -> bool:
    """The attribution between two parts is one stretch, not a sentence and the start of
    another ('"the Hammer" Volny was seen in the town. Its plan, called "…"')."""
    words = [t for t in tokens if t.text not in MARK_TOKENS]
    return not any(t.text in _SENTENCE_END for t in words[:-1])


def _ends_sentence_in(text: str, segment: Segment) -> bool:
    return text[segment.start : segment.end].rstrip().endswith((".", "?", "!"))


def _own_cue(doc: Doc, chain: list[Segment]) -> bool:
    last = chain[-1]
    if not last.closed:
        return False
    text = doc_text(doc)
    after = _until_sentence_end(tokens_in(doc, last.end + 1, _paragraph_end(text, last.end)))
    return any(_is_cue(t) for t in after)


def _is_attribution(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct]
    return 0 < len(words) <= _ATTRIBUTION_WORDS and any(_is_cue(t) for t in words)


def _is_cue(token: Token) -> bool:
    """A verb that reports speech next to a quotation (data/speech_verbs.tsv, and the speech
    verbs of data/attribution_cues.tsv)."""
    return cue_class(token) in {"speech", "say"}


def _attribute_direct(doc: Doc, candidate: Candidate) -> None:
    """The cue next to the quote: between its segments, right after its last mark, or right
    before its first; the cue's subject is the speaker to resolve. A quote that ends its
    sentence is answered, not attributed, by a new sentence after it ('… May." The Front
    denied it.'): a cue before it binds first. "Varnova: …" names its speaker with no cue."""
    for zone in _zones(doc, candidate.segments):
        for token in zone:
            source = according_to(token)
            if source is not None:
                candidate.cue, candidate.cue_text, candidate.subject = token, "according to", source
                return
            if _is_cue(token) and not inside(candidate, token.idx):
                candidate.cue, candidate.cue_text = token, cue_text(token)
                candidate.subject = speaker_subject(token, candidate) or _named_in(zone, candidate)
                return
    candidate.subject = _name_before_colon(doc, candidate.segments[0])


def _zones(doc: Doc, segments: list[Segment]) -> Iterator[list[Token]]:
    text = doc_text(doc)
    for left, right in itertools.pairwise(segments):
        if left.paragraph == right.paragraph:
            yield tokens_in(doc, left.end + 1, right.start - 1)
    last = segments[-1]
    after: list[Token] = []
    if last.closed:
        after = _until_sentence_end(tokens_in(doc, last.end + 1, _paragraph_end(text, last.end)))
    if after and not _ends_sentence(text, last, after[0]):
        yield after
        after = []
    first = segments[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    before = tokens_in(doc, line_start, first.start - 1)
    yield list(reversed(_from_sentence_start(before)))
    if first.opens_paragraph and text[:line_start].rstrip().endswith(":"):
        # "Schindler said:" closing the paragraph before the quote.
        lead = text[:line_start].rstrip()
        previous = tokens_in(doc, text.rfind("\n", 0, len(lead)) + 1, len(lead))
        yield list(reversed(_from_sentence_start(previous[:-1])))
    if after:
        yield after


def _ends_sentence(text: str, last: Segment, next_token: Token) -> bool:
    """The quotation closes its sentence and a new one starts after it."""
    closing = text[last.start : last.end].rstrip().endswith((".", "!", "?"))
    return closing and next_token.text[:1].isupper() and next_token.pos_ != "PRON"


def _name_before_colon(doc: Doc, first: Segment) -> Token | None:
    """ "Varnova: "…"" or a transcript's "RHEE: …": a short name and a colon open the
    paragraph right before the quotation."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, first.start) + 1
    lead = text[line_start : first.start].rstrip(" \"“„«'`")
    if not lead.endswith(":"):
        return None
    return _speaker_name(tokens_in(doc, line_start, line_start + len(lead) - 1))


def _speaker_name(tokens: list[Token]) -> Token | None:
    """The head of a name of one to four words that is all there is: a person or a group
    (an entity, or a capitalised word the article names as one elsewhere)."""
    words = [t for t in tokens if not t.is_punct]
    if not 0 < len(words) <= 4 or len(words) != len(tokens):
        return None
    if not all(t.pos_ == "PROPN" or t.text.isupper() for t in words):
        return None
    head = words[-1]
    if head.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return head
    return head if _named_elsewhere(head) else None


def _named_elsewhere(token: Token) -> bool:
    lower = token.lower_
    return any(
        t.lower_ == lower and t.ent_type_ in {"PERSON", "ORG"} for t in token.doc if t.i != token.i
    )


def _until_sentence_end(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    for token in tokens:
        if token.text in MARK_TOKENS:
            break
        kept.append(token)
        if token.text in _SENTENCE_END and len(kept) > 1:
            break
    return kept[: _ATTRIBUTION_TOKENS + 4]


def _from_sentence_start(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    for token in reversed(tokens):
        if token.text in _SENTENCE_END or token.text in MARK_TOKENS:
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
    if words < MIN_WORDS:
        return False
    content = text[candidate.start : candidate.end].rstrip()
    if content.endswith((".", ",", "?", "!", "—", "…")) or candidate.segments[0].opens_paragraph:
        return True
    return candidate.cue is not None and words >= 5


# Shared --------------------------------------------------------------------------------


def _named_in(zone: list[Token], candidate: Candidate) -> Token | None:
    """When the parse loses the subject ("…," said Teodor Hadrava, the minister, "…"), the
    attribution's first named person or organisation."""
    for token in zone:
        if token.ent_type_ in {"PERSON", "ORG"} and not inside(candidate, token.idx):
            return token
    return None


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
