"""PLOVER events in one sentence, read from the dependency parse by small general rules.

A trigger word (a verb, an event noun, or an adjective like "willing to") gives a type from the
tables in `plover_lexicon.py`; the parse then says who did it (subject, passive agent, the owner
of an event noun), to whom (object, "with", "to", "on", ...), whether it is negated, and whether
it is only planned. Words that frame another action — agree, promise, urge, demand, refuse,
threaten, accuse — swallow the action they govern: "urged Kenya to host talks" is one REQUEST
(mode `meet`), not a REQUEST and a CONSULT, because the talks have not happened.

`PloverMention.type` is what the words say happened or is planned ("will visit" is a planned
CONSULT); `PloverMention.codebook_type` applies the codebook's reductions (a planned
cooperative action is AGREE, a planned retreat CONCEDE, a planned hostile act THREATEN, a
refused future action REJECT), which is what a PLOVER data set would record.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from dossier.annotate import plover_lexicon as lex
from dossier.annotate.plover_roles import (PRONOUNS, RECEIVING, is_actor, lemma, object_of,
                                            object_words, owner, phrase, prep_object,
                                            slot_target, subject)

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
FRAMING = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"}
# Dependencies through which a framing word governs the action it frames.
FRAMED_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "pcomp", "nsubjpass", "attr",
               "oprd", "compound", "acomp", "dative"}


@dataclass
class PloverMention:
    """One event a sentence reports, with character offsets into the parsed document.

    `source` is the codebook's actor and `target` its recipient: in a visit the visitor and
    the host ("Biden hosted Ruto": Ruto, Biden). A span is one phrase, so coordinated actors
    share it ("Kenya and Uganda"); for talks between two sides with no host the codebook lists
    both as actors, and the other side named by "with" is given as the target.
    `mode` is one of the codebook's modes for the type (CONSULT visit/phone/multilateral/
    third-party, REQUEST and REJECT assist/change/yield/meet, ...) or None; AGREE, SUPPORT,
    COOPERATE and AID have no modes in the codebook, so the kind of aid (economic, military,
    health, human security, asylum) shows in `context`, named as in codebook Table 2.1.
    """

    type: str
    trigger: int
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    mode: str | None
    context: list[str]
    negated: bool
    planned: bool

    @property
    def codebook_type(self) -> str | None:
        """The single category the codebook records; None for an event that did not happen
        ("did not meet"), which the codebook leaves out."""
        if self.negated:
            return "REJECT" if self.planned or self.type in ("AGREE", "SUPPORT") else None
        if not self.planned:
            return self.type
        if self.type in COOPERATIVE:
            return "AGREE"
        if self.type == "RETREAT":
            return "CONCEDE"
        if self.type in HOSTILE:
            return "THREATEN"
        return self.type


@dataclass
class _Candidate:
    type: str
    mode: str | None
    word: Token            # the word that carries the meaning ("talks", "signed", "willing")
    head: Token            # the clause word whose subject, auxiliaries and negation apply
    target: Token | None = None
    content: _Candidate | None = None   # the framed action ("urged X to <host talks>")
    framed: bool = False
    planned: bool | None = None         # decided by a rule rather than read from the clause
    object_is_event: bool = False       # "imposed a curfew": the object says what, not whom
    experiencer: bool = False           # "X is alarmed by Y's violence": X disapproves of Y


def classify(sent: Span) -> list[PloverMention]:
    """The events of one sentence, the main clause's first: ordered by how close the trigger's
    clause is to the root of the parse, then by position."""
    candidates = _frame(_candidates(sent))
    words = _words(sent)
    out = []
    for c in sorted(candidates, key=lambda c: (_depth(c.head), c.head.i)):
        source, target = _arguments(c)
        out.append(PloverMention(c.type, c.word.i, phrase(source), phrase(target),
                                 _mode(c, words), _contexts(c, words), _negated(c),
                                 _planned(c)))
    return out


# --- triggers -------------------------------------------------------------------------------

def _verb_trigger(tok: Token) -> tuple[lex.Trigger | None | bool, str | None]:
    """The verb's (type, mode), and the part its object played in deciding it: "event" when
    the object says what was done ("imposed a curfew"), "party" when it says to whom
    ("released prisoners", "hosted the president"), None when it played none. The trigger
    is None when the verb is explicitly not a trigger with this object, False when no table
    speaks about it."""
    verb, obj = lemma(tok), object_of(tok)
    for verbs, objects, trigger in lex.VERB_OBJECT:
        if verb not in verbs:
            continue
        if objects == lex.NO_OBJECT:
            matched = obj is None
        elif obj is None:
            matched = False
        elif objects == lex.ANY:
            matched = True
        elif objects == lex.PERSON:
            if is_actor(obj):
                return trigger, "party"
            continue
        else:   # "held refugees as human shields": the "as" phrase qualifies the object
            found = (object_words(obj) | object_words(tok)) & objects
            if found:
                return trigger, "party" if found & lex.PARTY_NOUNS else "event"
            continue
        if matched:
            return trigger, None if obj is None else "party" if is_actor(obj) else "event"
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "dative") and (verb, child.lower_) in lex.PHRASAL:
            return lex.PHRASAL[(verb, child.lower_)], None
    return False, None


def _noun_trigger(tok: Token) -> lex.Trigger | None:
    word = lemma(tok)
    modifiers = sorted(object_words(tok) - {word, tok.lower_})
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        modifiers.append(lemma(tok.head.head))
    if tok.dep_ == "pobj" and tok.head.lower_ == "in":
        modifiers.append("in")
    for mod in modifiers:
        if (word, mod) in lex.NOUN_MODIFIERS:
            return lex.NOUN_MODIFIERS[(word, mod)]
    if word not in lex.NOUNS and word not in lex.EXERCISES:
        return None
    kind, mode = lex.NOUNS.get(word, (None, None))
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "acl")}
    if word == "strike" and (verb := _light_verb(tok)) is not None \
            and (doer := subject(verb)) is not None and object_words(doer) & lex.FORCES:
        return "ASSAULT", None   # "the strike U.S. forces took against ISIS-K": not a walkout
    if word == "call":   # "calls for restraint" asks; "a call with" is a phone call
        return ("REQUEST", None) if preps & {"for", "on"} or any(
            c.dep_ == "acl" for c in tok.children) else None
    if word in lex.EXERCISES:
        verb = _light_verb(tok)
        doer = subject(verb) if verb is not None else None
        armed = object_words(doer) & lex.FORCES if doer is not None else set()
        if not (set(modifiers) & lex.EXERCISE_CUES or armed):
            return None      # "an exercise in patience"
        return ("COOPERATE", None) if _joint(tok, set(modifiers), preps) \
            else ("MOBILIZE", "troops")
    return kind, mode


def _joint(noun: Token, modifiers: set[str], preps: set[str]) -> bool:
    """"joint drills", "drills with the US navy", "French and Egyptian warships held drills"."""
    verb = _light_verb(noun)
    if modifiers & lex.JOINT_CUES or "with" in preps or (
            verb is not None and prep_object(verb, "with") is not None):
        return True
    doer = subject(verb) if verb is not None else None
    return doer is not None and any(
        t.dep_ == "conj" for t in doer.subtree if t.head.i == doer.i or t.head.head.i == doer.i)


def _candidates(sent: Span) -> list[_Candidate]:
    out: list[_Candidate] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.dep_ in ("amod", "compound"):
            continue     # "the promised funds" describes; it does not report a promise
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
            trigger, object_role = _verb_trigger(tok)
            obj = object_of(tok)
            if trigger is None:
                continue
            if trigger:
                out.append(_adjusted(_Candidate(*trigger, word=tok, head=tok,
                                                object_is_event=object_role == "event")))
                if object_role is not None:
                    consumed.add(obj.i)
                continue
            if obj is not None and lemma(tok) in lex.LIGHT_VERBS and (_noun_trigger(obj) or any(
                    c.dep_ == "compound" and _noun_trigger(c) for c in obj.children)
                    and lemma(obj) in lex.EVENT_CARRIERS):
                continue     # the object noun is the trigger; see below
            if lemma(tok) in lex.ATTEMPT_VERBS and any(ch.dep_ == "xcomp" for ch in tok.children):
                continue     # "Russia sought to undermine ...": an attempt, told by its verb
            if lemma(tok) in lex.ENABLING_VERBS and (doer := subject(tok)) is not None \
                    and not is_actor(doer):
                continue     # "an investment that will allow Mexico to ...": it enables, no one concedes
            if lemma(tok) in lex.VERBS:
                out.append(_adjusted(_Candidate(*lex.VERBS[lemma(tok)], word=tok, head=tok)))
            elif lemma(tok) in lex.DISMAY_VERBS and (cause := _dismayed_by(tok)) is not None:
                out.append(_adjusted(_Candidate("ACCUSE", "disapprove", word=tok, head=tok,
                                                target=cause, experiencer=True)))
            elif lemma(tok) in lex.SPEECH_VERBS:
                demand = _demand_on_other(tok)
                if demand:
                    out.append(demand)
        elif tok.pos_ == "ADJ" and lemma(tok) in lex.ADJECTIVES and any(
                c.dep_ in ("xcomp", "prep") and (lemma(tok) not in lex.ADJECTIVE_PREPOSITION
                                                 or c.lower_ == lex.ADJECTIVE_PREPOSITION[lemma(tok)])
                for c in tok.children):
            head = tok.head if tok.dep_ == "acomp" else tok
            out.append(_Candidate(*lex.ADJECTIVES[lemma(tok)], word=tok, head=head))
    for tok in sent:
        named_meeting = tok.pos_ == "PROPN" and tok.lower_ in lex.NAMED_MEETINGS \
            and tok.dep_ != "compound"   # "the G7 Summit", "the U.S.-EU Summit"
        if (tok.pos_ != "NOUN" and not named_meeting) or tok.i in consumed or (
                tok.dep_ == "compound" and lemma(tok.head) not in lex.EVENT_CARRIERS):
            continue
        trigger = _noun_trigger(tok)
        if trigger:
            out.append(_adjusted(_Candidate(*trigger, word=tok, head=_light_verb(tok) or tok)))
    return out


def _adjusted(c: _Candidate) -> _Candidate:
    """Rules that need the subject or the governing word, not just the trigger."""
    if lemma(c.word) in lex.TRAVEL_VERBS and c.type == "CONSULT":
        traveller = subject(c.head)
        words = object_words(traveller) if traveller is not None else set()
        if words & lex.FORCES or words & lex.PEACEKEEPERS:
            c.type, c.mode = ("AID", None) if words & lex.PEACEKEEPERS else ("MOBILIZE", "troops")
    if (c.type, c.mode) == ("CONSULT", "visit") and lemma(c.head) in lex.DESIGNATING_VERBS:
        c.planned = True   # a delegation named today travels later
    if c.type == "PROTEST" and any(ch.dep_ == "ccomp" for ch in c.word.children):
        c.type, c.mode = "ACCUSE", "disapprove"   # "protested that ...": a verbal protest
    if (c.type, c.mode) == ("COERCE", "deport") and object_of(c.head) is not None and (
            object_of(c.head).ent_type_ == "ORG"
            or lemma(object_of(c.head)) in lex.DIPLOMATS):
        c.type, c.mode = "SANCTION", "expel"     # organisations are expelled, people deported
    governor = c.head
    while c.type == "ASSAULT" and governor.dep_ == "xcomp":
        governor = governor.head
        if lemma(governor) in lex.READINESS_WORDS:
            c.type, c.mode, c.planned = "MOBILIZE", None, False
    return c


def _light_verb(noun: Token) -> Token | None:
    """The verb that lends its subject to an event noun: "staged a protest", "talks were
    held", "took part in talks", "undertook a mediation mission"."""
    if noun.dep_ == "compound" and lemma(noun.head) in lex.EVENT_CARRIERS:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj" \
            and lemma(noun.head.head) in lex.MEASURE_NOUNS:
        noun = noun.head.head     # "launched ten days of war games", "a series of raids"
    if noun.dep_ in ("dobj", "nsubjpass") and lemma(noun.head) in lex.LIGHT_VERBS:
        return noun.head
    amount = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
    if amount is not None and amount.ent_type_ == "MONEY" and amount.dep_ == "dobj" \
            and lemma(amount.head) in lex.LIGHT_VERBS:
        return amount.head    # "announce $2.5 billion in security assistance"
    for clause in (c for c in noun.children if c.dep_ == "relcl" and lemma(c) in lex.LIGHT_VERBS):
        if not any(c.dep_ == "dobj" and c.lower_ not in ("that", "which") for c in clause.children):
            return clause     # "the strike that U.S. forces took last night"
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "on") and lemma(
            noun.head.head) in ("engage", "participate", "take", "join", "involve", "go",
                                "stay", "remain", "put", "place", "keep"):
        return noun.head.head     # "took part in talks", "went on strike"
    return None


def _demand_on_other(verb: Token) -> _Candidate | None:
    """"Russia said Sudan must return the helicopter": a demand voiced as an obligation on
    someone other than the speaker."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        modal = next((c for c in clause.children if c.dep_ == "aux"
                      and c.lower_ in lex.OBLIGATION_AUX), None)
        other = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if modal is not None and other is not None and other.lower_ not in PRONOUNS:
            return _Candidate("REQUEST", None, word=modal, head=verb, target=other)
    return None


# --- framing: agree/urge/refuse/threaten/accuse + the action they govern ----------------------

def _frame(candidates: list[_Candidate]) -> list[_Candidate]:
    """Fold each framed action into the word that frames it, and drop a noun that only
    repeats its verb ("killed in a bombing")."""
    by_head = {}
    for c in candidates:
        by_head.setdefault(c.head.i, c)
    for c in sorted(candidates, key=lambda c: -_depth(c.head)):
        parent, framed = _governing(c, by_head)
        if parent is None or not framed:
            continue
        if parent.type in FRAMING:
            c.framed = True
            if parent.content is None or _depth(c.head) < _depth(parent.content.head):
                parent.content = c
        elif parent.type == c.type:
            c.framed = True
            parent.mode = parent.mode or c.mode
    for c in candidates:
        if c.content is not None:
            _reframe(c)
    return [c for c in candidates if not c.framed]


def _governing(c: _Candidate, by_head: dict[int, _Candidate]) -> tuple[_Candidate | None, bool]:
    tok, framed = c.head, True
    while tok.head != tok:
        framed = framed and (tok.dep_ in FRAMED_DEPS or (tok.dep_ == "advcl" and any(
            ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)))
        tok = tok.head
        parent = by_head.get(tok.i)
        if parent is not None and parent is not c:
            return parent, framed
    return None, False


def _gist(c: _Candidate) -> _Candidate:
    """What is ultimately asked for, offered or refused ("rejected calls for aid" -> aid)."""
    while c.content is not None and c.type in ("REQUEST", "AGREE"):
        c = c.content
    return c


def _reframe(c: _Candidate) -> None:
    gist = _gist(c.content)
    if c.type == "AGREE" and gist.type in HOSTILE | {"THREATEN"} and gist.head.dep_ in (
            "xcomp", "ccomp", "advcl"):
        c.type = "THREATEN"      # "vowed to fight on" threatens; "agreed to postpone a
                                 # demonstration" does not
    if c.type == "THREATEN":
        c.mode = c.mode or lex.THREAT_MODES_BY_MODE.get(gist.mode or "") \
            or lex.THREAT_MODES.get(gist.type)
    elif c.type in ("REQUEST", "REJECT") and gist.type not in (
            "ACCUSE", "THREATEN", "REJECT", "PROTEST"):   # denying an accusation has no mode
        c.mode = c.mode or lex.ASKED_MODES.get(gist.type, "change")


# --- arguments ------------------------------------------------------------------------------

def _dismayed_by(verb: Token) -> Token | None:
    """ "The United States is alarmed by the Burmese security forces' violence": in the passive,
    what dismays (the agent, or what one is dismayed at) is the act disapproved of."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return prep_object(verb, "at") or prep_object(verb, "over")


def _arguments(c: _Candidate) -> tuple[Token | None, Token | None]:
    h, w = c.head, c.word
    if c.experiencer:
        return next((ch for ch in h.children if ch.dep_ == "nsubjpass"), None), c.target
    if w.pos_ == "NOUN" and h == w:
        source = owner(w)
    else:
        source = subject(h) or (owner(w) if w.pos_ == "NOUN" else None)
    target = c.target or (slot_target(w, c.type) if w != h else None) \
        or slot_target(h, c.type, skip_object=c.object_is_event)
    if target is None:   # "stands by Mexico", "sided with Kyiv": the phrasal verb's object
        target = next((found for ch in h.children if ch.dep_ == "prep"
                       and (lemma(h), ch.lower_) in lex.PHRASAL
                       and (found := prep_object(h, ch.lower_)) is not None and is_actor(found)),
                      None)
    if target is None and c.type in FRAMING:     # "threatened to deliver blows to X"
        clause = next((ch for ch in h.children if ch.dep_ in ("xcomp", "ccomp")), None)
        target = slot_target(clause, c.type) if clause is not None else None
    if target is None and lemma(h) in lex.TRAVEL_VERBS:
        target = prep_object(h, "in") or prep_object(h, "to") or prep_object(h, "at")
    if target is None and c.content is not None:
        target = _arguments(c.content)[1]
    if target is None and c.type == "AID":   # "provide $3.5 million to help Fiji and Samoa"
        helped = next((ch for ch in h.children if ch.dep_ in ("advcl", "xcomp")
                       and lemma(ch) in ("help", "assist", "support")), None)
        if helped is not None:   # "help Fiji reduce ...": the one helped is the clause's subject
            target = slot_target(helped, "AID") or next(
                (g for ch in helped.children if ch.dep_ in ("ccomp", "xcomp")
                 for g in ch.children if g.dep_ == "nsubj" and is_actor(g)), None)
    if target is None and c.mode == "meet" and (obj := object_of(h)) is not None:
        # "cancelled his trip to Italy", "postponed the talks with Japan": whom it was with
        target = prep_object(obj, "to") or prep_object(obj, "with")
    if lemma(h) in RECEIVING and c.type in ("CONSULT", "AID") and (
            c.type == "AID" or is_actor(target or h)):
        giver = prep_object(h, "from") if c.type == "AID" else target
        source, target = giver, source
    if c.type == "CONSULT" and source is None and target is not None \
            and target.head.lower_ == "between":
        source, target = target, None     # no host: every participant is an actor
    if source is not None and target is not None and source.i == target.i:
        target = None
    return source, target


# --- negation, plans, mode and context ------------------------------------------------------

def _negated(c: _Candidate) -> bool:
    for tok in (c.head, c.word):
        if any(ch.dep_ == "neg" or (ch.dep_ == "det" and ch.lower_ == "no")
               for ch in tok.children):
            return True
    return c.head.dep_ in ("xcomp", "acl") and any(
        ch.dep_ == "neg" or (ch.dep_ == "det" and ch.lower_ == "no")
        for ch in c.head.head.children)


def _planned(c: _Candidate) -> bool:
    if c.planned is not None:
        return c.planned
    if c.word != c.head and lemma(c.head) in lex.PLAN_WORDS | {"arrange"}:
        return True
    if any(lemma(ch) in lex.PLANNED_MODIFIERS for ch in c.word.children if ch.dep_ == "amod"):
        return True
    return _token_planned(c.head)


def _token_planned(tok: Token, depth: int = 0) -> bool:
    """'will visit', 'is expected to visit', 'plans to visit', 'is due to sign', 'would meet';
    a purpose clause inherits the plan of its clause ('will visit X to mediate')."""
    if any(ch.dep_ in ("aux", "auxpass") and ch.tag_ == "MD" for ch in tok.children):
        return True
    if tok.head == tok or depth > 3:
        return False
    if tok.dep_ in ("xcomp", "acl") and lemma(tok.head) in lex.PLAN_WORDS:
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "to" and lemma(tok.head.head) == "look" \
            and any(ch.lower_ == "forward" for ch in tok.head.head.children):
        return True   # "I look forward to working with Prime Minister Bennett"
    purpose = tok.dep_ == "advcl" and any(ch.lower_ == "to" for ch in tok.children)
    if tok.dep_ in ("xcomp", "conj", "acomp") or purpose:
        return _token_planned(tok.head, depth + 1)
    return False


def _words(sent: Span) -> set[str]:
    """Lemmas, lower-cased words and two-word phrases of a sentence, for keyword tables."""
    lemmas = [lemma(t) for t in sent]
    lower = [t.lower_ for t in sent]
    return set(lemmas) | set(lower) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])} \
        | {f"{a} {b}" for a, b in zip(lower, lower[1:])}


def _mode(c: _Candidate, words: set[str]) -> str | None:
    if c.type == "ASSAULT" and c.mode is None:
        return next((mode for mode, cues in lex.ASSAULT_MODES if cues & words), None)
    if c.type == "MOBILIZE" and c.mode is None:
        near = object_words(object_of(c.head) or c.word)
        if near & {"police", "policeman", "patrol"}:
            return "police"
        if near & {"militia", "paramilitary", "supporter"}:
            return "militia"
        return "weapons" if near & {"weapon", "warship", "tank", "missile"} else "troops"
    if c.type == "CONSULT" and c.mode is None and words & {"phone", "telephone", "video"}:
        return "phone"
    return c.mode


def _contexts(c: _Candidate, words: set[str]) -> list[str]:
    found = [name for name, cues in lex.CONTEXT_WORDS.items() if cues & words]
    implied = {"cyber": "cyber", "misinformation": "misinformation"}.get(c.mode or "")
    if implied and implied not in found:
        found.append(implied)
    return found


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head != tok:
        tok, depth = tok.head, depth + 1
    return depth
