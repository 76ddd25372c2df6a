"""Who a noun phrase is: names, pronouns and nominals resolved to the article's actors.

Rules over the actors found so far, in the spirit of news writing:
- a name, or a word of one, is the actor it names;
- "he"/"she" is the latest person speaking in the last paragraphs, else the latest person
  named, skipping people of the other gender (first names via gender-guesser, titles such as
  "spokeswoman") and names that stand inside quotations (the speaker's words, not the
  narrative);
- "it"/"they" likewise for groups;
- "the ministry", "the spokesman" is the latest actor whose name or role holds that noun; an
  indefinite or bare plural ("a Kestrian official", "officials") is nobody in particular.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.names import normalize_name, person_gender
from newsgraph.extract.descriptions import (
    described_actor,
    describes_a_person,
    description_of,
    names_a_plural,
    narrowed,
    organisation_type,
    part_of,
    speaks,
)
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.syntax import previous_sentence, root_subjects, sentence
from newsgraph.model import GROUP_TYPES

PERSON_PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
FIRST_PERSON = {"i": "singular", "me": "singular", "my": "singular", "we": "plural",
                "us": "plural", "our": "plural"}  # fmt: skip
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
PARENT_NOUNS = lexicons.words("parent_nouns.tsv")
_NOT_NAME_DEPS = {"appos", "acl", "relcl", "prep", "punct", "cc", "conj", "det", "poss", "case"}
_RELATIVES = {"who", "which", "that", "whom"}
_VOICES = lexicons.words("voice_nouns.tsv")
_GROUP_WORDS = lexicons.words("group_words.tsv")
_SPEAKER_WINDOW = 1200  # characters: how far back a speaker stays the one "he" means


@dataclass
class Context:
    """What the resolver knows besides the actors: recent speakers and quoted stretches."""

    speakers: list[tuple[int, ActorDraft]] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def is_quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    @classmethod
    def after_quotes(cls, facts: ArticleFacts) -> Context:
        """The context of the stages after quotes: every quote's speaker, where it spoke."""
        return cls(
            speakers=[(q.spans[0].start, facts.actor(q.speaker)) for q in facts.quotes if q.speaker]
        )


def actor_for_token(facts: ArticleFacts, head: Token, context: Context) -> ActorDraft | None:
    """The actor that the noun phrase headed by `head` refers to, or None."""
    if head.lower_ in _RELATIVES and head.head.dep_ == "relcl":
        actor = actor_for_token(facts, head.head.head, context)  # "Kaltane, who leads it"
        if actor is not None:
            facts.add_mention(actor, head.idx, head.idx + len(head))
        return actor
    if head.pos_ in {"NOUN", "PROPN"} and head.lower_ in lexicons.words("member_nouns.tsv"):
        # "its commanders", "OSD-H gunmen", "fighters of the Company": the group acting
        owners = [c for c in head.children if c.dep_ in {"poss", "compound", "nmod"}]
        owners += [
            g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        for owner in owners:
            actor = actor_for_token(facts, owner, context)
            if actor is not None and actor.type in GROUP_TYPES:
                facts.add_mention(actor, head.idx, head.idx + len(head))
                return actor
    whole = part_of(head)
    if whole is not None:  # "52 percent of registered voters said": the voters
        return actor_for_token(facts, whole, context)
    offshoot = _named_offshoot(facts, head, context)
    if offshoot is not None:
        return offshoot
    holder = facts.actor_at(head.idx, head.idx + len(head)) or _named_in_apposition(facts, head)
    if holder is not None:  # "the Iraqi Foreign Minister, X": X, not Iraq
        return holder
    if head.pos_ == "NOUN" and speaks(head) and _names_no_actor(head):
        named = _group_in_name(facts, head)  # "the Pentagon statement said", "a CNN tally"
        if named is not None:
            facts.add_mention(named, head.idx, head.idx + len(head))
            return named
    if head.pos_ == "NOUN" and _owned_by_no_group(facts, head):
        # "the Varnova campaign", "Obama aides", "a leaked ministry memo": an actor of its own
        described = described_actor(facts, head, context.is_quoted, _resolver(facts, context))
        if described is not None:
            return described
    names = _name_tokens(head) if head.pos_ == "PROPN" else []
    for token in names:
        actor = facts.actor_at(token.idx, token.idx + len(token))
        if actor is not None:
            return actor
    if head.pos_ == "PRON":
        actor = resolve_pronoun(facts, head.lower_, head.idx, context)
    elif head.lower_ in _VOICES and (voiced := _voiced(facts, head, context)) is not None:
        return voiced
    elif head.pos_ in {"NOUN", "PROPN"} and _is_definite(head):
        actor = resolve_nominal(facts, head, context) or _group_taken_up(facts, head)
        if actor is not None:
            actor = narrowed(actor, head)
        else:
            actor = described_actor(facts, head, context.is_quoted, _resolver(facts, context))
    elif head.pos_ in {"NOUN", "ADJ"}:
        actor = _named_by_owner(facts, head) or described_actor(
            facts, head, context.is_quoted, _resolver(facts, context)
        )
    else:
        actor = None
    if actor is not None and facts.actor_at(head.idx, head.idx + len(head)) is None:
        facts.add_mention(actor, head.idx, head.idx + len(head))
    return actor


def actors_for_tokens(
    facts: ArticleFacts, heads: list[Token], context: Context, conjuncts: bool = False
) -> list[ActorDraft]:
    """The distinct actors the heads stand for, in order; with `conjuncts`, each head's
    conjuncts too ("Osk and Tarn")."""
    found: list[ActorDraft] = []
    for head in heads:
        for token in (head, *head.conjuncts) if conjuncts else (head,):
            actor = actor_for_token(facts, token, context)
            if actor is not None and actor not in found:
                found.append(actor)
    return found


def _named_in_apposition(facts: ArticleFacts, head: Token) -> ActorDraft | None:
    """ "Kestria's deputy minister, Pavel Oring, said", "One young girl, Noor, said": the
    person the noun is set beside. A one-word name NER took for something else is a person
    when set beside a noun that describes people."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            actor = facts.actor_at(child.idx, child.idx + len(child))
            if actor is None:
                continue
            if actor.type != "person" and describes_a_person(head) and " " not in actor.name:
                actor.type = "person"
            if actor.type == "person":
                return actor
    return None


def _resolver(facts: ArticleFacts, context: Context) -> Callable[[Token], ActorDraft | None]:
    return lambda token: actor_for_token(facts, token, context)


def _names_no_actor(head: Token) -> bool:
    """A document or a noun that describes no actor ("statement", "tally", "average")."""
    entry = description_of(head)
    return entry is None or entry.kind == "document"


def _group_in_name(facts: ArticleFacts, head: Token) -> ActorDraft | None:
    for token in _name_tokens(head):
        if token.ent_type_ == "NORP":
            continue
        actor = facts.actor_at(token.idx, token.idx + len(token))
        if actor is not None and actor.type in GROUP_TYPES:
            return actor
    return None


def _owned_by_no_group(facts: ArticleFacts, head: Token) -> bool:
    """True unless a name inside the phrase is a group the phrase stands for ("the HLF
    group", "Taliban fighters" are the HLF, the Taliban)."""
    own = description_of(head)
    if own is None or own.kind == "person":
        return False  # a person description takes up a person: nothing of its own
    for token in _name_tokens(head):
        if token.ent_type_ == "NORP":
            continue  # "the Velmoran daily", "Velmoran farmers" are not the Velmorans
        actor = facts.actor_at(token.idx, token.idx + len(token))
        if actor is not None and actor.type in GROUP_TYPES:
            return False
    return True


def _named_offshoot(facts: ArticleFacts, head: Token, context: Context) -> ActorDraft | None:
    """ "an ISIS offshoot group", "the Islamic State affiliate": the group named after ISIS."""
    modifiers = [c for c in head.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    words = {m.lower_ for m in modifiers} | {head.lower_}
    if not words & PARENT_NOUNS:
        return None
    for modifier in (t for m in modifiers for t in m.subtree):  # "ISIS" in "ISIS offshoot"
        parent = facts.actor_at(modifier.idx, modifier.idx + len(modifier))
        if parent is not None and parent.type in GROUP_TYPES:
            return offshoot_of(facts, parent)
    return None


def offshoot_of(facts: ArticleFacts, parent: ActorDraft) -> ActorDraft | None:
    """The group named after `parent` ("ISIS-K" after "ISIS", "OSD-H" after "OSD"): in news
    the usual way an offshoot is named."""
    prefixes = [n for n in (parent.name, *parent.aliases) if len(n) >= 3]
    for actor in facts.actors:
        if actor is parent or actor.type not in GROUP_TYPES:
            continue
        names = (actor.name, *actor.aliases)
        if any(n.startswith(p) and _branch_suffix(n[len(p) :]) for n in names for p in prefixes):
            return actor
    return None


def _branch_suffix(rest: str) -> bool:
    """ "-K", " – Harrow Province", " in the Arabian Peninsula": what names a branch; not
    " of Iraq and Syria", which spells the parent out."""
    return rest.startswith(("-", "–", "—", " -", " –", " —", " in "))


def _name_tokens(head: Token) -> list[Token]:
    """The head's own name words (compounds, flat names), leaving out appositions."""
    return [t for t in head.lefts if t.dep_ not in _NOT_NAME_DEPS] + [
        t for t in head.rights if t.dep_ in {"compound", "flat"}
    ]


def _is_definite(head: Token) -> bool:
    determiners = [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}]
    return any(d in {"the", "this", "that", "its", "their"} for d in determiners)


def resolve_pronoun(
    facts: ArticleFacts, pronoun: str, offset: int, context: Context
) -> ActorDraft | None:
    if pronoun in FIRST_PERSON:
        return _speaking(facts, pronoun, offset, context)
    if pronoun in PERSON_PRONOUNS:
        gender = PERSON_PRONOUNS[pronoun]

        def fits(actor: ActorDraft) -> bool:
            return actor.type == "person" and gender_of(actor) in (gender, None)

    elif pronoun in GROUP_PRONOUNS:
        owner = _clause_subject(facts, offset) if pronoun in {"its", "their"} else None
        if owner is not None and owner.type in GROUP_TYPES:
            return owner
        if _refers_to_a_thing(facts, offset):
            return None  # "The statement carried no signature. '…,' it read."

        singular = pronoun in {"it", "its"}

        def fits(actor: ActorDraft) -> bool:  # "it" is never "the officials"
            return actor.type in GROUP_TYPES and not (singular and names_a_plural(actor.name))

    else:
        return None
    voice = _voice_at(facts, offset)
    for spoke_at, speaker in reversed(context.speakers):
        if spoke_at > offset:
            continue  # a speaker not yet met (the stages after quotes know every speaker)
        if offset - spoke_at > _SPEAKER_WINDOW:
            break
        if fits(speaker) and speaker is not voice:
            return speaker
    if pronoun in {"it", "its"}:
        topic = _previous_subject(facts, offset)
        if topic is not None and fits(topic):
            return topic
    for start, _, actor_id in facts.mentions_before(offset):
        actor = facts.actor(actor_id)
        if not context.is_quoted(start) and fits(actor) and actor is not voice:
            return actor
    return None


def _voice_at(facts: ArticleFacts, offset: int) -> ActorDraft | None:
    """Who speaks the words at `offset` in a direct quote: in his own words a speaker is
    "I", never "he" (in reported speech he is: "Vantic said he was appalled")."""
    quote = facts.asserted_by(offset, offset + 1)
    if quote is None or quote.kind != "direct" or not quote.speaker:
        return None
    return facts.actor(quote.speaker)


def _group_taken_up(facts: ArticleFacts, head: Token) -> ActorDraft | None:
    """ "X is a militant group in Y. The group was founded by …": "the group" opening a
    sentence takes up the group the previous sentence was about, as "it" does."""
    if head.lemma_.lower() not in _GROUP_WORDS:
        return None
    topic = _previous_subject(facts, head.idx)
    return topic if topic is not None and topic.type in GROUP_TYPES else None


def _previous_subject(facts: ArticleFacts, offset: int) -> ActorDraft | None:
    """ "The Society is an organisation in Kestria. It was founded by …", "… Its commander
    said": "it" opening a sentence as its subject (or its subject's owner) takes up the
    previous sentence's subject, not the last name read."""
    token = _token_at(facts, offset)
    if token is not None and token.dep_ == "poss":  # "Its commander, X, said": the owner
        token = token.head
    if token is None or token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    current = sentence(token)
    if any(t.dep_ in {"nsubj", "nsubjpass"} for t in facts.doc[current.start : token.i]):
        return None
    previous = previous_sentence(token)
    subjects = root_subjects(previous) if previous is not None else []
    if not subjects:
        return None
    return facts.actor_at(subjects[0].idx, subjects[0].idx + len(subjects[0]))


def _clause_subject(facts: ArticleFacts, offset: int) -> ActorDraft | None:
    """ "the EU is united in its condemnation of X", "the Union reiterated its support": a
    possessive inside a clause belongs to the clause's subject, named before it."""
    token = _token_at(facts, offset)
    if token is None or token.dep_ != "poss":
        return None
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:  # tokens are views: no `is`
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i]
    if not subjects or subjects[0].pos_ == "PRON":
        return None
    return actor_for_token(facts, subjects[0], Context())  # "the Members of the Council"


def _token_at(facts: ArticleFacts, offset: int) -> Token | None:
    span = facts.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _refers_to_a_thing(facts: ArticleFacts, offset: int) -> bool:
    """True when the previous sentence's subject is a common noun that is no actor: "it"
    and "they" most likely take that subject up."""
    token = _token_at(facts, offset)
    previous = previous_sentence(token) if token is not None else None
    subjects = root_subjects(previous) if previous is not None else []
    if not subjects:
        return False
    subject = subjects[0]
    return (
        subject.pos_ == "NOUN" and facts.actor_at(subject.idx, subject.idx + len(subject)) is None
    )


def _speaking(
    facts: ArticleFacts, pronoun: str, offset: int, context: Context
) -> ActorDraft | None:
    """ "I" in a quote is its speaker; "we" is the organisation the speaker speaks for (a
    spokesman's, a minister's), or the speaker when a group speaks or the organisation is
    not known. Outside quotations, in the prose of a press release, "we" is the issuing
    body: the record's source."""
    quote = facts.asserted_by(offset, offset + 1)
    if quote is None:
        return None if context.is_quoted(offset) else issuer(facts)
    if quote.speaker is None:
        return None
    speaker = facts.actor(quote.speaker)
    if FIRST_PERSON[pronoun] == "singular" or speaker.type != "person":
        return speaker
    organisation = next((r.organization for r in speaker.roles if r.organization), None)
    return facts.actor(organisation) if organisation else speaker  # he speaks for it


def issuer(facts: ArticleFacts) -> ActorDraft | None:
    """The body a text speaks for when it says "we" in its own voice: the actor the record's
    source names (made an actor when the text never names it)."""
    source = (facts.record.source or "").strip()
    if not source:
        return None
    key = normalize_name(source)
    for actor in facts.actors:
        if any(normalize_name(n) == key for n in (actor.name, *actor.aliases)):
            return actor
    return facts.new_actor(source, organisation_type(source))


def resolve_nominal(facts: ArticleFacts, head: Token, context: Context) -> ActorDraft | None:
    """ "the ministry" -> the latest actor whose name or role holds "ministry"."""
    noun = head.lemma_.lower()
    if len(noun) < 3:
        return None
    for start, _, actor_id in facts.mentions_before(head.idx):
        if context.is_quoted(start):
            continue
        actor = facts.actor(actor_id)
        names = [actor.name, *actor.aliases, *(role.title for role in actor.roles)]
        if any(noun in name.lower().split() for name in names):
            return actor
    return None


def _named_by_owner(facts: ArticleFacts, head: Token) -> ActorDraft | None:
    """ "Assad's regime" is the actor named "the Assad regime": a possessor and a noun that
    together spell an actor's name."""
    owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if not owners:
        return None
    words = {w.lower_ for w in owners[0].subtree if w.pos_ == "PROPN"} | {head.lower_}
    for actor in facts.actors:
        if actor.type in GROUP_TYPES and words <= set(actor.name.lower().split()):
            return actor
    return None


def gender_of(actor: ActorDraft) -> str | None:
    """ "male", "female" or None (unknown), from the actor's titles and name."""
    return person_gender(actor.name, [role.title for role in actor.roles])


def _voiced(facts: ArticleFacts, head: Token, context: Context) -> ActorDraft | None:
    """ "a spokesman for the ministry", "a Foreign Office spokesman": the organisation speaks
    through an unnamed voice (a named spokesman is found by his name or role instead)."""
    owners = [c for c in head.children if c.dep_ in {"compound", "poss", "nmod"}]
    owners += [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for owner in owners:
        actor = actor_for_token(facts, owner, context)
        if actor is not None and actor.type in GROUP_TYPES:
            return actor
    return None
