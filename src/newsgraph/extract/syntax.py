"""Small readings of the dependency parse shared by the extraction stages."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from newsgraph.dictionaries import lexicons

ATTACK_NOUNS = lexicons.words("attack_nouns.tsv")


def doc_text(doc: Doc) -> str:
    """The parsed (cleaned, same-length) text. `Doc.text` joins every token on each call,
    so it is kept once per document."""
    text = doc.user_data.get("newsgraph.text")
    if text is None:
        text = doc.user_data["newsgraph.text"] = doc.text
    return str(text)


def sentence(token: Token) -> Span:
    """The token's sentence. `Token.sent` walks the document's sentences on every call;
    the sentence starts are found once per document and searched."""
    doc = token.doc
    starts = doc.user_data.get("newsgraph.sentence_starts")
    if starts is None:
        starts = doc.user_data["newsgraph.sentence_starts"] = [
            i for i, is_start in enumerate(doc.to_array("SENT_START")) if is_start == 1 or i == 0
        ]
    index = bisect.bisect_right(starts, token.i) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]


def root_subjects(sent: Span) -> list[Token]:
    """The subjects of the sentence's main verb, in order ("nsubj", "nsubjpass")."""
    return [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]


def previous_sentence(token: Token) -> Span | None:
    """The sentence before the token's, if any."""
    current = sentence(token)
    return sentence(token.doc[current.start - 1]) if current.start > 0 else None


def date_phrases(span: Span) -> list[Span]:
    """The DATE entities inside `span`. `Span.ents` walks every entity of the document on
    each call; the document's dates are listed once and searched."""
    doc = span.doc
    dates = doc.user_data.get("newsgraph.dates")
    if dates is None:
        dates = doc.user_data["newsgraph.dates"] = [
            (e.start, e.end) for e in doc.ents if e.label_ == "DATE"
        ]
    first = bisect.bisect_left(dates, (span.start, -1))
    found = []
    for start, end in dates[first:]:
        if start >= span.end:
            break
        if end <= span.end:
            found.append(doc[start:end])
    return found


def word_kind(token: Token) -> str | None:
    """Verb or noun, as the trigger is used; a "noun" with a subject and an object is a verb
    the tagger got wrong ("Does the Order fund the Company?")."""
    if token.pos_ in {"VERB", "AUX", "ADJ"}:  # "opposed to" is an adjective here
        return "verb"
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    deps = {c.dep_ for c in token.children}
    return "verb" if {"nsubj", "dobj"} <= deps else "noun"


def is_passive(verb: Token) -> bool:
    """ "was founded by X", "and was later headed by Y" (the subject shared with the verb
    before), "the government, led by X" (a participle with its agent)."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"nsubjpass", "auxpass"}:
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not deps & {"nsubj", "aux"}:
        return is_passive(verb.head)  # "was targeted and killed": killed is passive too
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and "agent" in deps


def subject_heads(verb: Token) -> list[Token]:
    """Who does it: the subject, or the agent ("by X") of a passive, or the subject the verb
    shares with the verb it hangs from."""
    if is_passive(verb):
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        return agents or _attackers(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects or verb.head == verb:
        return subjects
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "are committed to defeating X", "forces focused on defeating X": whoever is
        # committed or focused does it
        return _controller(verb.head.head)
    if verb.dep_ == "xcomp":
        return _controller(verb.head)
    if verb.dep_ in {"conj", "advcl", "acomp"}:
        # "broke away from X and formed …": a shared subject
        return subject_heads(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "its determination to defeat ISIL", "the Coalition's strategy to defeat ISIL"
        return [c for c in verb.head.children if c.dep_ == "poss"]
    return []


def _attackers(verb: Token) -> list[Token]:
    """ "was killed in a raid by X", "in an airstrike carried out by X": a passive's doer
    named by the attack in which it was done."""
    attacks = [
        noun
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in ATTACK_NOUNS
    ]
    return [
        doer
        for attack in attacks
        for link in (attack, *(c for c in attack.children if c.dep_ == "acl"))
        for by in link.children
        if by.dep_ in {"prep", "agent"} and by.lower_ == "by"
        for doer in by.children
        if doer.dep_ == "pobj"
    ]


def _controller(host: Token) -> list[Token]:
    """Who does what `host` governs ("is likely to fund", "is committed to defeating",
    "forces focused on defeating"): its grammatical subject, passive or not, or the noun a
    participle describes."""
    if host.pos_ not in {"VERB", "AUX", "ADJ"}:
        return []
    # the parser sometimes hangs the subject from the auxiliary ("X, Y and Z are committed")
    auxiliaries = [c for c in host.children if c.dep_ in {"aux", "auxpass"}]
    subjects = [
        c for h in (host, *auxiliaries) for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}
    ]
    if subjects:
        return subjects
    if host.dep_ == "acl" and host.tag_ in {"VBN", "VBG", "VBD"}:
        noun = host.head  # "X, a militia focused on …": the militia is X
        return [noun.head if noun.dep_ == "appos" else noun]
    described = _described_by_participle(host)
    if described is not None:
        return [described]
    return subject_heads(host) if host.head != host else []


def _described_by_participle(host: Token) -> Token | None:
    """ "provided air support for ground forces, focused on defeating X": a participle set
    off by a comma right after the object of a preposition describes that object, though
    the parser hangs it from the verb (after a direct object it is as often the subject's:
    "attacked the town, determined to …")."""
    if host.dep_ != "advcl" or host.tag_ not in {"VBN", "VBD"} or host.i < 2:
        return None
    comma, noun = host.doc[host.i - 1], host.doc[host.i - 2]
    if comma.text != "," or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    after_the_verb = noun.i > host.head.i
    return noun if noun.dep_ == "pobj" and after_the_verb else None


def object_heads(verb: Token) -> list[Token]:
    """Who it is done to: the direct object, or the subject of a passive (shared with the
    verb before: "was founded by X and later headed by Y"; or the noun a participle
    describes: "the government, led by X")."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    if is_passive(verb):
        if verb.dep_ == "acl":
            return [_set_off_party(verb) or verb.head]
        return _shared_subject(verb.head) if verb.dep_ == "conj" else []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    return objects or _shared_object(verb) or _object_taken_for_subject(verb)


def _set_off_party(participle: Token) -> Token | None:
    """ "talks between the Government of Iraq, led by X, and …": a participle set off by a
    comma right after a party to "between" describes that party, though the parser hangs it
    from the talks."""
    if participle.i < 2 or participle.doc[participle.i - 1].text != ",":
        return None
    noun = participle.doc[participle.i - 2]
    while noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "the Government of Iraq"
        noun = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in {"between", "among"} and noun != participle.head:
        return noun
    return None


def _object_taken_for_subject(verb: Token) -> list[Token]:
    """ "The Coalition's strategy to defeat ISIL is succeeding": the small model often makes
    the infinitive's object a second subject of the main verb. A main verb with two subjects,
    one before the infinitive and one after it, had its second as the infinitive's object."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    main = verb.head.head
    subjects = [c for c in main.children if c.dep_ == "nsubj"]
    before = [s for s in subjects if s.i < verb.i]
    after = [s for s in subjects if s.i > verb.i]
    return after[:1] if before and after else []


def _shared_object(verb: Token) -> list[Token]:
    """ "to kill and injure civilians": a verb conjoined right before another shares its
    object."""
    following = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if not following or following[0].i - verb.i > 2:  # "kill and injure", "kill or maim"
        return []
    return [c for c in following[0].children if c.dep_ == "dobj"]


def _shared_subject(verb: Token) -> list[Token]:
    """The grammatical subject a conjoined verb takes from the verb before it."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects or verb.dep_ != "conj":
        return subjects
    return _shared_subject(verb.head)


def prep_objects(trigger: Token, word: str) -> list[Token]:
    """The objects of the preposition `word` on the trigger (or on its object or particle)."""
    # "pledged allegiance to X", "broke away from X": the preposition may hang lower
    hosts = [trigger, *(c for c in trigger.children if c.dep_ in {"dobj", "prt", "advmod"})]
    return [
        pobj
        for host in hosts
        for prep in host.children
        if prep.dep_ in {"prep", "agent"} and prep.lower_ == word
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


_PHRASE_DEPS = {"det", "amod", "compound", "nmod", "nummod", "poss", "case", "quantmod"}


NOT_HEADS = {"compound", "amod", "nmod", "poss", "npadvmod"}


def noun_phrase(head: Token) -> Span:
    """The noun phrase the head ends: its determiners and modifiers, what `Doc.noun_chunks`
    would give, for one head at a fraction of the cost."""
    first = head.i
    for left in reversed(list(head.lefts)):
        if left.dep_ not in _PHRASE_DEPS or left.right_edge.i != first - 1:
            break
        first = left.left_edge.i
    return head.doc[first : head.i + 1]


def phrase_text(head: Token) -> str:
    """The words of the head's noun phrase as a speaker is named ("the Kestrian foreign
    minister Ivo Brask"): unlike `noun_phrase`, flat names to its right count, numbers and
    quantities to its left do not, and modifiers need not be contiguous; appositions and
    clauses are left out."""
    left = [t for t in head.lefts if t.dep_ in {"compound", "det", "poss", "amod", "nmod", "case"}]
    right = [t for t in head.rights if t.dep_ in {"compound", "flat"}]
    first = min((t.left_edge.i for t in left), default=head.i)
    last = max((t.right_edge.i for t in right), default=head.i)
    span: Span = head.doc[first : last + 1]
    return span.text


def according_to(token: Token) -> Token | None:
    """The source of "according to X", when `token` is its "according"."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    to = token.doc[token.i + 1]
    if to.lower_ != "to":
        return None
    objects = [c for c in (*to.children, *token.children) if c.dep_ == "pobj"]
    if objects:
        return objects[0]
    following = to.nbor(1) if to.i + 1 < len(to.doc) else None
    return following if following is not None and following.pos_ in {"PROPN", "NOUN"} else None
