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

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dossier.annotate import plover_lexicon as lex

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
FRAMING = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"}
# Dependencies through which a framing word governs the action it frames.
FRAMED_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "pcomp", "nsubjpass", "attr",
               "oprd", "compound", "acomp", "dative"}
# Hosts and recipients: the subject receives, so the codebook's actor is the other side.
RECEIVING = {"host", "receive", "welcome", "get", "obtain", "secure"}
PRONOUNS = {"he", "she", "it", "they", "we", "i"}

TARGET_SLOTS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("obj_actor", "with", "to", "between"),
    "AGREE": ("with", "to", "obj_actor"),
    "SUPPORT": ("obj_actor", "for", "with", "to"),
    "CONCEDE": ("obj_actor", "on", "to", "for", "in"),
    "COOPERATE": ("with", "obj_actor", "to"),
    "AID": ("dative", "to", "for", "obj_actor", "in"),
    "RETREAT": ("from", "obj_actor", "on", "of", "to"),
    "REQUEST": ("obj_actor", "on", "upon", "clause_subject", "from", "to"),
    "ACCUSE": ("obj_actor", "against", "with", "to"),
    "REJECT": ("obj_actor", "by", "from", "of"),
    "THREATEN": ("obj_actor", "against", "with", "to", "on", "in"),
    "PROTEST": ("against", "obj_actor", "of", "from"),
    "SANCTION": ("on", "against", "obj_actor", "with", "from", "to", "for", "of"),
    "MOBILIZE": ("against",),
    "COERCE": ("obj", "on", "in", "against", "of"),
    "ASSAULT": ("obj", "on", "against", "at", "of"),
}


@dataclass
class PloverMention:
    """One event a sentence reports, with character offsets into the parsed document."""

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
    children: list[_Candidate] = field(default_factory=list)


def classify(sent: Span) -> list[PloverMention]:
    """The events of one sentence, the main clause's first: ordered by how close the trigger's
    clause is to the root of the parse, then by position."""
    candidates = _frame(_candidates(sent))
    words = _words(sent)
    out = []
    for c in sorted(candidates, key=lambda c: (_depth(c.head), c.head.i)):
        source, target = _arguments(c)
        out.append(PloverMention(c.type, c.word.i, _phrase(source), _phrase(target),
                                 _mode(c, words), _contexts(c, words), _negated(c),
                                 _planned(c)))
    return out


# --- triggers -------------------------------------------------------------------------------

def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _object(tok: Token) -> Token | None:
    for dep in ("dobj", "nsubjpass"):
        for child in tok.children:
            if child.dep_ == dep:
                return child
    return None


def _object_words(obj: Token) -> set[str]:
    """The object and what qualifies it: "military aid", "state of emergency", "inspectors
    and humanitarian workers"."""
    words = {_lemma(obj), obj.lower_}
    for child in obj.children:
        if child.dep_ in ("compound", "amod", "nmod", "conj"):
            words |= {_lemma(child), child.lower_}
        if child.dep_ == "prep" and child.lower_ == "of":
            words |= {_lemma(g) for g in child.children if g.dep_ == "pobj"}
    return words


def _is_actor(tok: Token) -> bool:
    return (tok.ent_type_ in lex.ACTOR_ENTITIES or tok.pos_ == "PROPN"
            or _lemma(tok) in lex.ACTOR_NOUNS
            or (tok.pos_ == "PRON" and tok.lower_ in ("him", "her", "them", "us")))


def _verb_trigger(tok: Token) -> tuple[lex.Trigger | None | bool, bool]:
    """The verb's (type, mode) and whether its object decided it; the trigger is None when
    the verb is explicitly not a trigger with this object, False when no table speaks."""
    lemma, obj = _lemma(tok), _object(tok)
    for verbs, objects, trigger in lex.VERB_OBJECT:
        if lemma not in verbs:
            continue
        if objects == lex.NO_OBJECT:
            matched = obj is None
        elif obj is None:
            matched = False
        elif objects == lex.ANY:
            matched = True
        elif objects == lex.PERSON:
            matched = _is_actor(obj)
        else:
            matched = bool(_object_words(obj) & objects)
        if matched:
            return trigger, obj is not None
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "dative") and (lemma, child.lower_) in lex.PHRASAL:
            return lex.PHRASAL[(lemma, child.lower_)], False
    return False, False


def _noun_trigger(tok: Token) -> lex.Trigger | None:
    lemma = _lemma(tok)
    modifiers = [_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        modifiers.append(_lemma(tok.head.head))
    if tok.dep_ == "pobj" and tok.head.lower_ == "in":
        modifiers.append("in")
    for mod in modifiers:
        if (lemma, mod) in lex.NOUN_MODIFIERS:
            return lex.NOUN_MODIFIERS[(lemma, mod)]
    if lemma not in lex.NOUNS:
        return None
    kind, mode = lex.NOUNS[lemma]
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "acl")}
    if lemma == "call":   # "calls for restraint" asks; "a call with" is a phone call
        return ("REQUEST", None) if preps & {"for", "on"} or any(
            c.dep_ == "acl" for c in tok.children) else None
    if lemma in ("exercise", "drill", "maneuver", "manoeuvre"):   # joint or one-sided
        joint = {"joint", "combined", "bilateral", "multilateral", "naval"} & set(modifiers)
        if not (joint or "with" in preps or set(modifiers) & {"military", "war", "air"}):
            return None
        return ("COOPERATE", None) if joint or "with" in preps else ("MOBILIZE", "troops")
    return kind, mode


def _candidates(sent: Span) -> list[_Candidate]:
    out: list[_Candidate] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
            trigger, by_object = _verb_trigger(tok)
            obj = _object(tok)
            if trigger is None:
                continue
            if trigger:
                out.append(_Candidate(*trigger, word=tok, head=tok))
                if by_object:
                    consumed.add(obj.i)
                continue
            if obj is not None and _lemma(tok) in lex.LIGHT_VERBS and _noun_trigger(obj):
                continue     # the object noun is the trigger; see below
            if _lemma(tok) in lex.VERBS:
                out.append(_Candidate(*lex.VERBS[_lemma(tok)], word=tok, head=tok))
            elif _lemma(tok) in lex.SPEECH_VERBS:
                demand = _demand_on_other(tok)
                if demand:
                    out.append(demand)
        elif tok.pos_ == "ADJ" and _lemma(tok) in lex.ADJECTIVES and any(
                c.dep_ in ("xcomp", "prep") for c in tok.children):
            head = tok.head if tok.dep_ == "acomp" else tok
            out.append(_Candidate(*lex.ADJECTIVES[_lemma(tok)], word=tok, head=head))
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.i in consumed:
            continue
        trigger = _noun_trigger(tok)
        if trigger:
            out.append(_Candidate(*trigger, word=tok, head=_light_verb(tok) or tok))
    return out


def _light_verb(noun: Token) -> Token | None:
    """The verb that lends its subject to an event noun: "staged a protest", "talks were
    held", "took part in talks"."""
    if noun.dep_ in ("dobj", "nsubjpass") and _lemma(noun.head) in lex.LIGHT_VERBS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and _lemma(noun.head.head) in (
            "engage", "participate", "take", "join", "involve"):
        return noun.head.head
    return None


def _demand_on_other(verb: Token) -> _Candidate | None:
    """"Russia said Sudan must return the helicopter": a demand voiced as an obligation on
    someone other than the speaker."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        modal = next((c for c in clause.children if c.dep_ == "aux"
                      and c.lower_ in lex.OBLIGATION_AUX), None)
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if modal is not None and subject is not None and subject.lower_ not in PRONOUNS:
            return _Candidate("REQUEST", None, word=modal, head=verb, target=subject)
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
        elif parent.type == c.type and c.word.pos_ == "NOUN":
            c.framed = True
            parent.mode = parent.mode or c.mode
    for c in candidates:
        if c.content is not None:
            _reframe(c)
    return [c for c in candidates if not c.framed]


def _governing(c: _Candidate, by_head: dict[int, _Candidate]) -> tuple[_Candidate | None, bool]:
    tok, framed = c.head, True
    while tok.head is not tok:
        framed = framed and tok.dep_ in FRAMED_DEPS
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
    if c.type == "AGREE" and gist.type in HOSTILE | {"THREATEN"}:
        c.type = "THREATEN"      # "vowed to fight on" is a threat, not an offer
    if c.type == "THREATEN":
        c.mode = c.mode or lex.THREAT_MODES_BY_MODE.get(gist.mode or "") \
            or lex.THREAT_MODES.get(gist.type)
    elif c.type in ("REQUEST", "REJECT"):
        c.mode = c.mode or lex.ASKED_MODES.get(gist.type, "change")


# --- arguments ------------------------------------------------------------------------------

def _arguments(c: _Candidate) -> tuple[Token | None, Token | None]:
    h, w = c.head, c.word
    if w.pos_ == "NOUN" and h is w:
        source = _owner(w)
    else:
        source = _subject(h)
    target = c.target or (_slot_target(w, c.type) if w is not h else None) \
        or _slot_target(h, c.type)
    if target is None and c.content is not None:
        target = _arguments(c.content)[1]
    if _lemma(h) in RECEIVING and c.type in ("CONSULT", "AID") and (
            c.type == "AID" or _is_actor(target or h)):
        giver = _prep_object(h, "from") if c.type == "AID" else target
        source, target = giver, source
    if source is not None and target is not None and source.i == target.i:
        target = None
    return source, target


def _subject(h: Token, inherited: bool = False) -> Token | None:
    deps = ("nsubj", "nsubjpass") if inherited else ("nsubj",)
    for child in h.children:
        if child.dep_ in deps:
            return _resolve_pronoun(child, h)
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if h.dep_ in ("xcomp", "conj", "advcl", "acomp") and h.head is not h:
        return _subject(h.head, inherited=True)
    if h.dep_ in ("relcl", "acl"):
        return h.head
    return None


def _resolve_pronoun(tok: Token, h: Token) -> Token:
    """"Syria says it is willing": a pronoun subject inside a reported clause is the speaker."""
    if tok.lower_ not in PRONOUNS:
        return tok
    while h.dep_ in ("ccomp", "xcomp", "conj") and h.head is not h:
        h = h.head
        speaker = next((c for c in h.children if c.dep_ == "nsubj"), None)
        if speaker is not None and speaker.lower_ not in PRONOUNS:
            return speaker
    return tok


def _owner(noun: Token) -> Token | None:
    """Whose event noun or proposal it is: "Israel's invasion", "an Indian proposal", "calls
    by Belarus"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in lex.ACTOR_ENTITIES:
            return child
    return _prep_object(noun, "by")


def _prep_object(tok: Token, prep: str) -> Token | None:
    for child in tok.children:
        if child.lower_ == prep and child.dep_ in ("prep", "dative", "agent"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _slot_target(tok: Token, kind: str) -> Token | None:
    obj = _object(tok) if tok.pos_ != "NOUN" else None
    for slot in TARGET_SLOTS[kind]:
        found = None
        if slot == "obj":
            found = obj
        elif slot == "obj_actor" and obj is not None:
            found = obj if _is_actor(obj) else _owner(obj)
        elif slot == "dative":
            found = next((c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"),
                         None)
        elif slot == "clause_subject":
            clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            found = clause and next((c for c in clause.children if c.dep_ == "nsubj"), None)
        elif slot == "of" and tok.pos_ == "NOUN":
            found = _prep_object(tok, "of")
        elif slot not in ("obj", "obj_actor", "of"):
            found = _prep_object(tok, slot)
        if found is not None:
            return found
    return None


def _phrase(tok: Token | None) -> tuple[int, int] | None:
    """Character offsets of the phrase a word heads, without relative clauses, appositions
    and a leading article: "the United States and Jordan" -> "United States and Jordan"."""
    if tok is None:
        return None
    keep: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in (
            "relcl", "acl", "appos", "advcl", "parataxis") and not (
            c.dep_ == "punct" and c.text in "()-—"))
    lo = hi = tok.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = tok.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].lower_ in ("the", "a", "an")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ == "POS"):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


# --- negation, plans, mode and context ------------------------------------------------------

def _negated(c: _Candidate) -> bool:
    for tok in (c.head, c.word):
        if any(ch.dep_ == "neg" or (ch.dep_ == "det" and ch.lower_ == "no")
               for ch in tok.children):
            return True
    return c.head.dep_ == "xcomp" and any(ch.dep_ == "neg" for ch in c.head.head.children)


def _planned(c: _Candidate) -> bool:
    if c.word is not c.head and _lemma(c.head) in lex.PLAN_WORDS | {"arrange"}:
        return True
    if any(_lemma(ch) in lex.PLANNED_MODIFIERS for ch in c.word.children if ch.dep_ == "amod"):
        return True
    return _token_planned(c.head)


def _token_planned(tok: Token, depth: int = 0) -> bool:
    """'will visit', 'is expected to visit', 'plans to visit', 'is due to sign', 'would meet';
    a purpose clause inherits the plan of its clause ('will visit X to mediate')."""
    if any(ch.dep_ in ("aux", "auxpass") and ch.tag_ == "MD" for ch in tok.children):
        return True
    if tok.head is tok or depth > 3:
        return False
    if tok.dep_ == "xcomp" and (_lemma(tok.head) in lex.PLAN_WORDS):
        return True
    purpose = tok.dep_ == "advcl" and any(ch.lower_ == "to" for ch in tok.children)
    if tok.dep_ in ("xcomp", "conj", "acomp") or purpose:
        return _token_planned(tok.head, depth + 1)
    return False


def _words(sent: Span) -> set[str]:
    """Lemmas, lower-cased words and two-word phrases of a sentence, for keyword tables."""
    lemmas = [_lemma(t) for t in sent]
    lower = [t.lower_ for t in sent]
    return set(lemmas) | set(lower) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])} \
        | {f"{a} {b}" for a, b in zip(lower, lower[1:])}


def _mode(c: _Candidate, words: set[str]) -> str | None:
    if c.type == "ASSAULT" and c.mode is None:
        return next((mode for mode, cues in lex.ASSAULT_MODES if cues & words), None)
    if c.type == "MOBILIZE" and c.mode is None:
        near = _object_words(_object(c.head) or c.word)
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
    while tok.head is not tok:
        tok, depth = tok.head, depth + 1
    return depth
