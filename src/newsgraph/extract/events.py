"""Events: who did what to whom, when, where, how many were killed, and according to whom.

- Triggers: verbs through the CAMEO verb dictionary (`newsgraph.cameo`, compiled from
  PETRARCH2's), nouns through `data/event_nouns.tsv` ("a pair of attacks", "the raid").
  The PLOVER type follows from the CAMEO code. Statements are quotes, not events.
- Who and whom: the verb's subject and object (the agent and subject of a passive), a noun's
  "by", "on", "against" and possessor, resolved to actors as everywhere.
- When: the date phrase on the trigger (else in its sentence), resolved with dateparser
  against the publication date: "on Thursday" in an article of Friday 2021-08-27 is
  2021-08-26; a month or a year is kept at that precision; "last week" is no date.
- Where: the place the trigger's phrases name, geocoded offline (`newsgraph.geo`), cities in
  the article's countries preferred.
- Casualties: counts of killed, injured and abducted people in the sentence ("at least 41
  villagers", "between 12 and 15 civilians", "nine soldiers") with their source ("according
  to the Coastal Press Agency"), or the speaker when the figure is quoted.
- One event, not five: a later report of the same kind within two sentences, or a definite
  "the attacks", "the raid", joins the event it refers to, adding what it tells.
- Only what the article reports as having happened (asserted or hedged) is an event; a
  threat is an event of its own kind (THREATEN), a predicted attack is not an attack.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.geo import country_code
from newsgraph.dictionaries.plover import plover_type
from newsgraph.extract.casualties import casualties
from newsgraph.extract.event_dates import attached, published_date, resolve_date
from newsgraph.extract.event_draft import Draft
from newsgraph.extract.event_places import PLACED, place_before, place_of
from newsgraph.extract.event_triggers import (
    Trigger,
    event_nouns,
    event_verbs,
    intended,
    is_event_noun,
    is_place,
    light_verb,
    noun_trigger,
    noun_verbs,
    planned,
    urged,
    urging_clause,
    verb_trigger,
)
from newsgraph.extract.facts import ActorDraft, ArticleFacts
from newsgraph.extract.layout import headline_lines
from newsgraph.extract.provenance import conditional, modality, sentence_of
from newsgraph.extract.resolve import Context, actors_for_tokens
from newsgraph.extract.syntax import (
    according_to,
    date_phrases,
    object_heads,
    prep_objects,
    subject_heads,
    word_kind,
)
from newsgraph.model import Event, Modality

_REPORTED: set[Modality] = {"asserted", "hedged", "predicted"}  # planned events are events
# Who can do or suffer a political event: a place alone cannot ("Velmoran" is no doer).
_POLITICAL = {"person", "organization", "armed_group", "government", "state"}
_TARGET_PREPS = ("on", "against", "at")
_MERGE_WINDOW = 2  # sentences


def extract_events(facts: ArticleFacts) -> None:
    context = Context.after_quotes(facts)
    published = published_date(facts.record.published)
    countries = frozenset(
        code for a in facts.actors if a.type == "state" and (code := country_code(a.name))
    )
    drafts: list[Draft] = []
    headlines = headline_lines(facts.text)
    lexicon = facts.resources.verb_lexicon()
    nouns, verbs = event_nouns(), event_verbs()
    for token in facts.tokens():
        lemma = token.lemma_.lower()
        if token.pos_ in {"NOUN", "PROPN"}:
            if lemma not in nouns and lemma not in noun_verbs() and lemma not in verbs:
                continue
        elif token.pos_ not in {"VERB", "AUX", "ADJ"} or (
            lemma not in verbs and lemma not in lexicon
        ):
            continue
        if any(start <= token.idx < end for start, end in headlines):
            continue  # a headline announces what the body reports
        draft = _draft(facts, context, token)
        if draft is None:
            continue
        draft.date, draft.date_text = _date(draft, published)
        draft.place = place_of(facts, draft, countries)
        draft.fatalities = casualties(facts, draft.sentence)
        if not draft.actors and _report_line(draft):
            draft.actors = _report_force(drafts)  # "Near Ostrel, four strikes destroyed …"
        told = draft.actors or draft.targets or draft.fatalities or draft.date_attached
        if told or draft.anaphoric:
            _merge_or_add(drafts, draft)
    for draft in drafts:
        if draft.place is None and draft.type in PLACED:
            draft.place = place_before(facts, draft, countries)
    facts.events.extend(_event(facts, d) for d in drafts)


_STATING = lexicons.words("stating_verbs.tsv")


def _draft(facts: ArticleFacts, context: Context, token: Token) -> Draft | None:
    if token.ent_type_ in {"DATE", "TIME"}:
        return None  # "March" in "March 13"
    kind = word_kind(token)
    stating = kind == "verb" and token.lemma_.lower() in _STATING
    petrarch = facts.resources.any_event_verb  # PETRARCH codes every verb, statements too
    if stating and not petrarch and any(c.dep_ == "ccomp" for c in token.children):
        return None  # "Renn warned that …" is a quote; "threatened to bomb" an event
    if kind == "noun" and _manner_of_event(token):
        return None  # "arrested 11 men in a raid": one event, the arrest
    trigger: Trigger | None = None
    if kind == "verb":
        trigger = verb_trigger(token, facts.resources)
    elif kind == "noun":
        trigger = noun_trigger(token, facts.resources)
    if trigger is None:
        return None
    if not petrarch:
        if (asked := urging_clause(token)) is not None:
            return _request(facts, context, token, asked)
        if kind == "verb" and urged(token, facts.resources):
            return None  # "urged the Front to withdraw": the urging is the event
        if intended(token):
            return None  # "committed to defeating the Front": a standing aim
        if not trigger.listed and kind == "verb" and _describing(token):
            return None  # "the city controlled by the Front", "the road leading to Ostrel"
        if kind == "verb" and _told_by_its_subject(token):
            return None
        if kind == "verb" and _habitual(token, trigger):
            return None  # "the council meets monthly", "the Front is led by Morrow"
        if not trigger.listed and kind == "noun" and _told_by_verb(token, trigger, facts):
            return None  # "reiterated their support", "conducted airdrops": the verb's event
    mood = modality(token) if kind == "verb" else _noun_modality(token)
    if mood not in _REPORTED and trigger.type != "THREATEN":
        return None
    unplanned = conditional(token) or not planned(token)
    if mood == "predicted" and trigger.type != "THREATEN" and unplanned:
        return None  # "if Orvana attacks", "I expect Orvana will attack": no plan
    quote = facts.asserted_by(token.idx, token.idx + len(token))
    draft = Draft(
        type=trigger.type,  # type: ignore[arg-type]
        cameo=trigger.code,
        trigger=token,
        sentence=sentence_of(token),
        modality=mood,
        asserted_by=quote.speaker if quote else None,
        anaphoric=kind == "noun" and any(c.lower_ in {"the", "these", "this"} for c in token.lefts),
    )
    ends = _verb_ends if kind == "verb" else _noun_ends
    draft.actors, targets = ends(facts, context, token)
    draft.targets = [t for t in targets if t not in draft.actors]
    if kind == "verb" and not petrarch:
        _appeal(draft, token)
    if not trigger.listed and not petrarch:
        loose = trigger.framed or trigger.code.startswith(_SPOKEN)
        if not _political(draft, both=kind == "verb" and not loose):
            return None  # a dictionary verb in its ordinary sense: "free time", "offer advice"
        if kind == "noun" and not _specific(facts, token):
            return None  # "in their fight against the Front": no one event
    return draft


_PLACING_PREPS = {"of", "in", "at", "near", "on", "to", "around", "outside"}


def _specific(facts: ArticleFacts, noun: Token) -> bool:
    """An event noun reports one event when its phrase places, dates or counts it ("the
    liberation of Ostrel", "Monday's talks", "12 strikes", "the Front's withdrawal"); "any
    cooperation", "their fight against the Front" are no one event."""
    if any(c.dep_ == "det" and c.lower_ in {"any", "no", "every", "such"} for c in noun.children):
        return False
    if any(c.dep_ == "nummod" for c in noun.children):
        return True
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _PLACING_PREPS):
        for token in prep.subtree:
            place = facts.actor_at(token.idx, token.idx + len(token))
            if is_place(token) or (place is not None and place.type == "location"):
                return True
    if any(t.ent_type_ == "DATE" for t in noun.subtree):
        return True
    return any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children) and noun.tag_ == "NN"


def _describing(verb: Token) -> bool:
    """A participle or relative clause that describes a noun ("the city controlled by the
    Front", "the road leading to Ostrel", "the Front, which opposes the truce") tells a
    state, unless it is dated ("the town, which the Front seized on Monday")."""
    if according_to(verb) is not None:
        return True  # "according to"
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}:
        return True
    if verb.dep_ != "relcl":
        return False
    return not _dated(verb)


def _told_by_verb(noun: Token, trigger: Trigger, facts: ArticleFacts) -> bool:
    """The noun is the object of a verb that tells the same kind of event ("reiterated
    their support"); "welcomed the liberation of Ostrel" tells two."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or light_verb(verb):
        return False
    told = verb_trigger(verb, facts.resources)
    return told is not None and told.type == trigger.type


def _appeal(draft: Draft, token: Token) -> None:
    """ "encouraged the Front to negotiate", "pressed Orvana to open the border": support or
    pressure aimed at someone's doing something is a REQUEST of them."""
    if (
        draft.type in {"SUPPORT", "REQUEST"}
        and any(
            c.dep_ in {"xcomp", "ccomp"}
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.children
        )
        and any(c.dep_ == "dobj" for c in token.children)
    ):
        draft.type, draft.cameo = "REQUEST", "020"


_PRESENT_BE = {"is", "are", "am", "'s", "'re", "be"}  # "continues to be opposed to"
# CAMEO codes of acts done by saying them ("I welcome", "Orvana condemns"): appeal, praise,
# verbal defence, recognition, apology, forgiveness, demand, disapproval, rejection, threat.
_SPOKEN = ("02", "051", "052", "054", "055", "056", "10", "11", "12", "13")


def _habitual(verb: Token, trigger: Trigger) -> bool:
    """A verb in the simple present tells a habit or a standing state ("the council meets
    monthly", "they keep close ties", "the Front is led by Morrow"), unless it is a speech
    act done by saying it ("I welcome …", a headline's "Renn condemns …") or it is dated."""
    present_passive = verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _PRESENT_BE for c in verb.children
    )
    if verb.tag_ not in {"VBZ", "VBP"} and not present_passive:
        return False
    if any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" for c in verb.children):
        return False  # "will meet": the future, not a habit
    if present_passive and trigger.listed:
        return False  # "is killed" in a report of the moment ("a soldier is killed in …")
    if trigger.code.startswith(_SPOKEN) and (_first_person(verb) or sentence_of(verb).start == 0):
        return False
    return not _dated(verb)


def _dated(verb: Token) -> bool:
    """A date phrase hangs from the verb itself ("met on Monday"), not from a clause
    further down ("led by Morrow, who took charge in 2019")."""
    for phrase in date_phrases(sentence_of(verb)):
        head = phrase.root.head
        if head == verb or (head.dep_ in {"prep", "npadvmod"} and head.head == verb):
            return True
    return False


def _first_person(verb: Token) -> bool:
    return any(s.lower_ in {"i", "we"} for s in subject_heads(verb))


def _report_line(draft: Draft) -> bool:
    """A counted strike with no doer in its sentence ("Near Ostrel, four strikes destroyed
    two fighting positions"): a line of a strike report."""
    trigger = draft.trigger
    return (
        draft.type == "ASSAULT"
        and trigger.pos_ == "NOUN"
        and any(c.dep_ == "nummod" for c in trigger.children)
    )


def _report_force(drafts: list[Draft]) -> list[ActorDraft]:
    """The force a strike report is about: the doer of the article's latest assault."""
    return next((d.actors[:1] for d in reversed(drafts) if d.type == "ASSAULT" and d.actors), [])


def _told_by_its_subject(verb: Token) -> bool:
    """ "four strikes destroyed two positions", "two strikes struck a unit": the subject
    noun tells the event; the verb only says what it did."""
    return any(is_event_noun(s) and s.tag_ == "NNS" for s in subject_heads(verb))


def _political(draft: Draft, both: bool) -> bool:
    """A political actor stands at one end of the event; at both, for a verb that neither a
    dictionary frame nor its being a speech act confirmed ("the Front faced the army", not
    "the group faces attempts")."""
    ends = [any(a.type in _POLITICAL for a in end) for end in (draft.actors, draft.targets)]
    return all(ends) if both else any(ends)


def _request(facts: ArticleFacts, context: Context, token: Token, asked: Token) -> Draft | None:
    """ "The regime must comply": what is urged is no event; said by someone, it is that
    speaker's REQUEST of the clause's subject (one per urged clause)."""
    if token.i != asked.i:
        return None
    quote = facts.asserted_by(token.idx, token.idx + len(token))
    speaker = facts.actor(quote.speaker) if quote is not None and quote.speaker else None
    draft = Draft(
        type="REQUEST",
        cameo="020",
        trigger=token,
        sentence=sentence_of(token),
        asserted_by=speaker.id if speaker is not None else None,
    )
    draft.actors = [speaker] if speaker is not None else []
    draft.targets = [
        a
        for a in actors_for_tokens(facts, subject_heads(token), context, conjuncts=True)
        if a not in draft.actors
    ]
    return draft if draft.actors or draft.targets else None


def _verb_ends(
    facts: ArticleFacts, context: Context, verb: Token
) -> tuple[list[ActorDraft], list[ActorDraft]]:
    """Who did it (subject, or "by X") and to whom (object, else "met with Gondor", "fired
    on the convoy"; a place is where, not whom)."""
    actors = actors_for_tokens(facts, subject_heads(verb), context, conjuncts=True)
    objects = object_heads(verb)
    # "condemned the Front's attack": the target of a stance on an event is its doer
    done = [o for o in objects if is_event_noun(o)]
    targets = actors_for_tokens(
        facts, [a for o in done for a in _noun_agents(o)], context, conjuncts=True
    )
    targets = targets or actors_for_tokens(facts, objects, context, conjuncts=True)
    if not targets:  # "welcomed the Board's report", "the agreement reached between X and Y"
        owners = [a for o in objects for a in _noun_agents(o)]
        targets = actors_for_tokens(facts, owners, context, conjuncts=True)
    if not targets:
        heads = [t for word in (*_TARGET_PREPS, "with", "to") for t in prep_objects(verb, word)]
        targets = [
            a
            for a in actors_for_tokens(facts, heads, context, conjuncts=True)
            if a.type != "location"
        ]
    for clause in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
        if targets:
            break
        # "threatened to bomb Port Anselm", "demanded that the HLF hand over …"
        heads = object_heads(clause) if clause.dep_ == "xcomp" else subject_heads(clause)
        targets = actors_for_tokens(facts, heads, context, conjuncts=True)
    return _dyad(verb, actors, targets)


_DYADIC = {"CONSULT", "AGREE", "COOPERATE"}


def _dyad(
    trigger: Token, actors: list[ActorDraft], targets: list[ActorDraft]
) -> tuple[list[ActorDraft], list[ActorDraft]]:
    """ "X and Y signed a truce", "talks between X and Y": the first party acts, the
    others are its counterparts."""
    if not targets and len(actors) > 1:
        code = event_verbs().get(trigger.lemma_.lower()) or event_nouns().get(
            trigger.lemma_.lower()
        )
        if code is not None and plover_type(code) in _DYADIC:
            return actors[:1], actors[1:]
    return actors, targets


def _noun_ends(
    facts: ArticleFacts, context: Context, noun: Token
) -> tuple[list[ActorDraft], list[ActorDraft]]:
    """ "attacks by X on Y", "X's offensive against Y", "X conducted strikes on Y"."""
    agents = _noun_agents(noun)
    carrier = _carrier(noun)
    if not agents and carrier is not None:
        agents = subject_heads(carrier)  # "the Front carried out an attack"
    actors = [
        a for a in actors_for_tokens(facts, agents, context, conjuncts=True) if a.type != "location"
    ]
    targets = [t for word in _TARGET_PREPS for t in prep_objects(noun, word)]
    return _dyad(noun, actors, actors_for_tokens(facts, targets, context, conjuncts=True))


def _manner_of_event(noun: Token) -> bool:
    """The noun says how another event happened: "arrested … in a raid"."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in {"in", "during", "after"}:
        return False
    verb = head.head
    return verb.lemma_.lower() in event_verbs() and verb.i != noun.i


def _carrier(noun: Token) -> Token | None:
    """The light verb that carries the noun: "conducted (strikes)", "carried out (an
    attack)", also when the parser takes "out" for a preposition."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "out" and head.dep_ in {"prep", "prt"}:
        head = head.head
        return head if head.lemma_.lower() == "carry" else None
    return head if noun.dep_ == "dobj" and light_verb(head) else None


def _noun_modality(noun: Token) -> Modality:
    """A noun reports what its clause says of it: "will involve drone strikes", "a planned
    attack"."""
    if any(c.lower_ in {"planned", "possible", "potential", "threatened"} for c in noun.lefts):
        return "predicted"
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return modality(verb) if verb is not None else "asserted"


def _noun_agents(noun: Token) -> list[Token]:
    """ "attacks by an ISIS offshoot group", "the Front's offensive", "OSD-H attacks"."""
    hosts = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a pair of attacks … by X"
        hosts.append(noun.head.head)
    # "the agreement reached on Monday between X and Y"
    hosts += [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    agents = [
        a for host in hosts for word in ("by", "from", "between") for a in prep_objects(host, word)
    ]
    agents += [c for c in noun.children if c.dep_ in {"poss", "compound", "nmod"}]
    # "the attack, for which the Front claimed responsibility"
    agents += [
        s
        for clause in noun.children
        if clause.dep_ == "relcl" and clause.lemma_.lower() in {"claim", "admit", "accept"}
        for s in clause.children
        if s.dep_ == "nsubj"
    ]
    return agents


# When -----------------------------------------------------------------------------------


def _date(draft: Draft, published: dt.datetime | None) -> tuple[str | None, str | None]:
    dates = date_phrases(draft.sentence)
    if not dates:
        return None, None
    near = [e for e in dates if attached(e, draft.trigger)]
    draft.date_attached = bool(near)
    phrase = (near or dates)[0]
    text = " ".join(phrase.text.split())
    return resolve_date(text, published, future=draft.modality == "predicted"), text


# One event, not five ----------------------------------------------------------------------


# Speech acts: each verb is an act of its own ("X urged A … X urged B"); only a definite
# noun ("the appeal") takes one up again.
_ACTS_OF_SPEECH = {"REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN"}


def _merge_or_add(drafts: list[Draft], draft: Draft) -> None:
    """Join the draft to the event it reports again, or add it as a new event; "the truce"
    with no truce reported before refers to one reported elsewhere and adds nothing."""
    for earlier in reversed(drafts):
        if earlier.type != draft.type:
            continue
        if _elaborates(draft, earlier):
            _absorb(earlier, draft)  # "imposed sanctions on X, freezing the assets of Y"
            return
        if not draft.anaphoric and (
            _report_line(draft)  # each line of a strike report is a strike of its own
            or earlier.modality != draft.modality
            or draft.type in _ACTS_OF_SPEECH
            or not _same_parties(earlier, draft)
        ):
            break
        if earlier.date is not None and earlier.date == draft.date and len(draft.date) == 10:
            _absorb(earlier, draft)  # "Thursday's attack" again
            return
        gap = _sentence_gap(earlier, draft)
        if draft.anaphoric or (gap <= _MERGE_WINDOW and _compatible(earlier, draft)):
            _absorb(earlier, draft)
            return
        break
    if not draft.anaphoric or draft.actors:
        drafts.append(draft)  # "the siege of Dunmere by the Front": told in full here


def _elaborates(later: Draft, earlier: Draft) -> bool:
    """A participle hung on the earlier trigger tells more of the same event."""
    trigger = later.trigger
    return (
        trigger.tag_ == "VBG"
        and trigger.dep_ in {"advcl", "conj", "xcomp"}
        and (trigger.head.i == earlier.trigger.i)
    )


def _same_parties(earlier: Draft, later: Draft) -> bool:
    """No party of the later report contradicts the earlier's (a different doer or target)."""
    return not any(
        mine and theirs and not {a.id for a in mine} & {a.id for a in theirs}
        for mine, theirs in ((earlier.actors, later.actors), (earlier.targets, later.targets))
    )


def _sentence_gap(earlier: Draft, later: Draft) -> int:
    doc = later.trigger.doc
    between = doc[earlier.sentence.start : later.sentence.end]
    return sum(1 for token in between if token.is_sent_start) - 1


def _compatible(earlier: Draft, later: Draft) -> bool:
    same_day = earlier.date is None or later.date is None or earlier.date == later.date
    same_place = (
        earlier.place is None or later.place is None or earlier.place.name == later.place.name
    )
    return same_day and same_place


def _absorb(earlier: Draft, later: Draft) -> None:
    earlier.actors += [a for a in later.actors if a not in earlier.actors]
    earlier.targets += [a for a in later.targets if a not in earlier.targets + earlier.actors]
    earlier.date, earlier.date_text = (
        earlier.date or later.date,
        earlier.date_text or later.date_text,
    )
    earlier.place = earlier.place or later.place
    known = {(f.count, f.kind, f.who) for f in earlier.fatalities}
    earlier.fatalities += [f for f in later.fatalities if (f.count, f.kind, f.who) not in known]


def _event(facts: ArticleFacts, draft: Draft) -> Event:
    return Event(
        type=draft.type,
        cameo=draft.cameo,
        actors=[a.id for a in draft.actors],
        targets=[a.id for a in draft.targets],
        date=draft.date,
        date_text=draft.date_text,
        place=draft.place,
        fatalities=draft.fatalities,
        asserted_by=draft.asserted_by,
        modality=draft.modality,
        evidence=facts.evidence(draft.sentence.start_char, draft.sentence.end_char),
    )
