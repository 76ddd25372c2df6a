"""Reported speech, claims and beliefs: a cue verb and the content it governs.

A cue is a verb lemma of data/speech_verbs.tsv or data/attribution_cues.tsv (derived from
PolNeAR train's annotated cues by lemma); its class there (speech, say, belief, stance) and
the shape of its content give the quote's kind:

- a clause ("X said (that) …", "X believes …") or an infinitive ("X urged Y to withdraw",
  "X pledged to …", "X accused Y of shelling …"): `indirect` for speech, `belief` for thought
  and intention (a stance verb with an infinitive, "refused to", is an intention);
- a noun phrase ("X denied the claims", "called for an inquiry", "endorsed Y"): `claim`;
- a quoted fragment inside any of these makes it `mixed` ('spoke of a "stolen vote"');
- a parenthetical cue ("That plan, they said, would fail"): the sentence around it;
- "according to X" (the clause it is attached to, not a casualty figure's source).

Coverage comes from the lexicon; precision from the arguments: the cue needs a subject that
can hold a statement (a name, a pronoun, a person, group or document noun) or, for an
agentless passive ("it was reported that …"), a clause; a noun-phrase content is never a
date or a place ("warned on Friday").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.provenance import sentence_of
from newsgraph.extract.quote_candidates import (
    MARK_TOKENS,
    MIN_WORDS,
    Candidate,
    cue_text,
    inside,
    negated,
    speaker_subject,
    speech_verbs,
    tokens_in,
    within,
)
from newsgraph.extract.quote_marks import QUOTE_MARKS
from newsgraph.extract.syntax import according_to, doc_text
from newsgraph.model import QuoteKind

# Content that is a noun phrase or an infinitive stands right of the cue in these relations.
_OBJECT_DEPS = {"dobj", "oprd", "dative"}
_INFINITIVE_DEPS = {"xcomp"}
_CLAUSE_DEPS = {"ccomp"}
_NOT_CONTENT_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "PERCENT"}
_SOURCE_PRONOUNS = {"i", "we", "you", "he", "she", "they", "who", "it"}
_SOURCE_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_PEOPLE_SUFFIXES = ("ers", "ists", "ians", "ants", "ents", "ics", "ors")
_CASUALTY = lexicons.words("casualty_verbs.tsv")


def cue_classes() -> dict[str, str]:
    return lexicons.mapping("attribution_cues.tsv")


def cue_class(token: Token) -> str | None:
    """speech, say (speech whose content must be a clause), belief, stance or None."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = token.lemma_.lower()
    found = cue_classes().get(lemma)
    if found is None and lemma in speech_verbs():
        return "say"
    return found


def reported(doc: Doc, direct: list[Candidate]) -> Iterator[Candidate]:
    """Every reported statement, claim and belief outside the direct quotes."""
    quoted = {t.i for c in direct for s in c.segments for t in tokens_in(doc, s.start, s.end)}
    for token in doc:
        if token.i in quoted:
            continue
        kind = cue_class(token)
        if kind is not None and not negated(token):
            yield from _governed(doc, token, kind, direct)
        source = according_to(token)
        if source is not None and not any(c.cue is not None and c.cue.i == token.i for c in direct):
            candidate = _according_quote(doc, token, source, direct)
            if candidate is not None:
                yield candidate


def _governed(doc: Doc, verb: Token, kind: str, direct: list[Candidate]) -> Iterator[Candidate]:
    """The content a cue governs: its clauses, the sentence it interrupts, or its objects."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    core = verb.lemma_.lower() in speech_verbs()
    subject = speaker_subject(verb)
    if not core and not _holds_statements(subject) and not _agentless_passive(verb, clauses):
        return
    base: QuoteKind = "belief" if kind == "belief" else "indirect"
    if clauses:
        for clause in clauses:
            tokens, named = _split_trailing_speaker(list(clause.subtree), verb)
            candidate = _content(doc, tokens, direct, base)
            if candidate is not None:
                _attribute(candidate, verb, subject or named)
                yield candidate
        return
    if verb.dep_ == "parataxis" and kind in {"speech", "say"}:
        candidate = _parenthetical(doc, verb, direct)
        if candidate is not None:
            _attribute(candidate, verb, subject)
            yield candidate
        return
    parts = _complements(verb)
    if not parts or all(p.lemma_.lower() in lexicons.words("statement_nouns.tsv") for p in parts):
        return  # "issued a statement": the vehicle, not the content
    clausal = any(p.dep_ in _INFINITIVE_DEPS or _gerund(p) for p in parts)
    if not clausal and kind in {"say", "belief"}:
        return  # "said on Friday", "saw the ruins": no statement
    if kind == "stance":
        base = "belief" if clausal else "claim"
    elif not clausal:
        base = "claim"
    parts += [c for c in verb.rights if c.i > parts[-1].i and _condition(c)]
    first = min(p.left_edge.i for p in parts)
    last = _before_medium(doc, first, max(p.right_edge.i for p in parts))
    candidate = _content(doc, list(doc[first : last + 1]), direct, base)
    if candidate is not None:
        _attribute(candidate, verb, subject)
        yield candidate


def _before_medium(doc: Doc, first: int, last: int) -> int:
    """Where the content ends when the parser hung the medium of the speech act on its
    object: "condemned the attack [in a statement]", "denied the report [in a letter to the
    council]" (the nouns of data/statement_nouns.tsv)."""
    for token in doc[first + 1 : last + 1]:
        if token.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.lemma_.lower() in lexicons.words("statement_nouns.tsv")
            for c in token.children
        ):
            return token.i - 1
    return last


def _complements(verb: Token) -> list[Token]:
    """The noun phrases, infinitives and prepositional objects right of the cue that hold
    its content: "urged [the militia] [to withdraw]", "called [for an inquiry]"."""
    parts = []
    for child in verb.rights:
        if child.dep_ in _OBJECT_DEPS or child.dep_ in _INFINITIVE_DEPS:
            if child.dep_ in _INFINITIVE_DEPS and not _infinitive(child):
                continue
            if child.ent_type_ in _NOT_CONTENT_ENTS:
                continue
            parts.append(child)
        elif child.dep_ == "prep" and _content_preposition(verb, child):
            parts.append(child)
    return parts


def _content_preposition(verb: Token, prep: Token) -> bool:
    """ "called [for an inquiry]", "referred [to the deal]" (data/attribution_prepositions.tsv:
    a preposition, and the cues it is limited to)."""
    if prep.lower_ not in lexicons.words("attribution_prepositions.tsv"):
        return False
    wanted = lexicons.mapping("attribution_prepositions.tsv").get(prep.lower_, "*")
    if wanted != "*" and verb.lemma_.lower() not in wanted.split(","):
        return False
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    return bool(objects) and all(o.ent_type_ not in _NOT_CONTENT_ENTS for o in objects)


def _condition(clause: Token) -> bool:
    """ "threatened to bomb the port unless the army withdraws": a threat's or a demand's
    condition is part of what was said."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in {"unless", "if", "until"} for c in clause.children
    )


def _infinitive(verb: Token) -> bool:
    return verb.pos_ in {"VERB", "AUX"} and (
        verb.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _gerund(prep: Token) -> bool:
    """ "accused Y of shelling …": a clause in the shape of a prepositional object."""
    return prep.dep_ == "prep" and any(c.dep_ == "pcomp" for c in prep.children)


def _holds_statements(subject: Token | None) -> bool:
    """A subject that can state, claim or believe: a name, a personal pronoun, a person,
    group or document noun (data/source_nouns.tsv and the title and group lists), or a plural
    of people ("critics", "voters")."""
    if subject is None:
        return False
    lower = subject.lower_
    if subject.pos_ == "PRON":
        return lower in _SOURCE_PRONOUNS
    if subject.pos_ == "PROPN" or subject.ent_type_ in _SOURCE_ENTS:
        return True
    if subject.pos_ != "NOUN":
        return False
    lemma = subject.lemma_.lower()
    nouns = _source_nouns()
    return (
        lemma in nouns
        or lower in nouns
        or (subject.tag_ == "NNS" and lower.endswith(_PEOPLE_SUFFIXES))
    )


@cache
def _source_nouns() -> frozenset[str]:
    return (
        lexicons.words("source_nouns.tsv")
        | lexicons.words("titles.tsv")
        | lexicons.words("group_nouns.tsv")
        | lexicons.words("head_nouns.tsv")
        | lexicons.words("member_nouns.tsv")
    )


def _agentless_passive(verb: Token, clauses: list[Token]) -> bool:
    """ "It was reported that …", "it is believed that …": a clause and no one named."""
    return bool(clauses) and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)


def _attribute(candidate: Candidate, verb: Token, subject: Token | None) -> None:
    candidate.cue, candidate.cue_text = verb, cue_text(verb)
    if subject is not None and subject.dep_ == "nsubjpass" and subject.lower_ == "it":
        subject = None  # "it was reported": nobody named
    candidate.subject = subject


def _parenthetical(doc: Doc, verb: Token, direct: list[Candidate]) -> Candidate | None:
    """ "That plan, they said, would fail." / "In any case, X said, the industry …": the
    sentence the cue interrupts, the cue's own words left out."""
    own = {t.i for t in verb.subtree}
    tokens = [t for t in verb.head.subtree if t.i not in own]
    return _content(doc, tokens, direct, "indirect", spans_per_gap=True)


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


def _content(
    doc: Doc,
    tokens: list[Token],
    direct: list[Candidate],
    kind: QuoteKind,
    spans_per_gap: bool = False,
) -> Candidate | None:
    """The content's span without a leading "that" or punctuation, nor a final stop; None
    when too short. With `spans_per_gap`, one span per stretch of consecutive tokens."""
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (
        (tokens[-1].is_punct and tokens[-1].text not in MARK_TOKENS) or tokens[-1].is_space
    ):
        tokens.pop()
    if len([t for t in tokens if not t.is_punct]) < (1 if kind == "claim" else MIN_WORDS):
        return None
    end_token = tokens[-1]
    end = end_token.idx if end_token.text in MARK_TOKENS else end_token.idx + len(end_token)
    spans = [(tokens[0].idx, end)]
    if spans_per_gap:
        spans = _runs(tokens, end)
    return with_fragments(doc, spans, direct, kind)


def _runs(tokens: list[Token], end: int) -> list[tuple[int, int]]:
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    spans = []
    for run in runs:
        while len(run) > 1 and run[-1].is_punct:
            run.pop()
        if run and not all(t.is_punct for t in run):
            spans.append((run[0].idx, run[-1].idx + len(run[-1])))
    if spans:
        spans[-1] = (spans[-1][0], min(spans[-1][1], end))
    return spans


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
    if len(tokens) < MIN_WORDS or any(t.lemma_.lower() in _CASUALTY for t in sentence):
        return None
    end = tokens[-1].idx + len(tokens[-1])
    candidate = with_fragments(doc, [(tokens[0].idx, end)], direct, "indirect")
    if candidate is not None:
        candidate.cue, candidate.cue_text, candidate.subject = according, "according to", source
    return candidate


def with_fragments(
    doc: Doc, spans: list[tuple[int, int]], direct: list[Candidate], kind: QuoteKind
) -> Candidate | None:
    """Reported content; mixed when it holds a quoted fragment with words of its own around
    it, nothing when it is all a direct quote already found or cuts across one (the parse
    ran into an attribution)."""
    start, end = spans[0][0], spans[-1][1]
    overlapping = [c for c in direct if c.start < end and start < c.end]
    outer = Candidate("direct", [(start, end)], 0)
    if any(not within(c, outer) for c in overlapping):
        return None
    quoted = sum(max(0, min(end, e) - max(start, s)) for c in overlapping for s, e in c.spans)
    if quoted and _words_outside(doc_text(doc), spans, overlapping) < 2:
        return None
    if quoted or QUOTE_MARKS.search(doc_text(doc), start, end):
        kind = "mixed"
    paragraph = doc_text(doc).count("\n", 0, start)
    return Candidate(kind=kind, spans=spans, paragraph=paragraph)


def _words_outside(text: str, spans: list[tuple[int, int]], quotes: list[Candidate]) -> int:
    """The words of the content's own spans that no quotation holds."""
    count = 0
    for start, end in spans:
        chars = list(text[start:end])
        for quote in quotes:
            for s, e in quote.spans:
                for i in range(max(s, start), min(e, end)):
                    chars[i - start] = " "
        count += len([w for w in "".join(chars).split() if any(ch.isalnum() for ch in w)])
    return count


__all__ = ["cue_class", "inside", "reported", "with_fragments"]
