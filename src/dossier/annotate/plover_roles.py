"""Who did it and to whom: actors, recipients and their phrases in a parsed sentence.

The primitives `plover.py` uses to fill a PLOVER mention's source and target: the subject of a
clause (through control verbs, conjunctions, passives and "X said it will ..."), the owner of
an event noun ("Israel's invasion", "an Indian proposal"), the first of a type's target slots
that names someone, and the character span of the phrase an actor word heads.
"""
from __future__ import annotations

from spacy.tokens import Token

from dossier.annotate import plover_lexicon as lex

# Hosts and recipients: the subject receives, so the codebook's actor is the other side.
RECEIVING = {"host", "receive", "welcome", "get", "obtain", "secure"}
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
# Prepositions that belong in an actor's name ("leaders of the opposition", "rebels in the
# north", "envoy to Kenya"); others ("over the incident", "on Monday") are the clause's.
PHRASE_PREPS = ("of", "in", "from", "to", "for", "at", "throughout", "across", "within")
NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}

TARGET_SLOTS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("obj_actor", "with", "to", "between"),
    "AGREE": ("with", "to", "obj_actor", "for"),
    "SUPPORT": ("obj_actor", "for", "with", "to"),
    "CONCEDE": ("obj_actor", "clause_subject", "on", "to", "for", "from", "in"),
    "COOPERATE": ("with", "obj_actor", "to"),
    "AID": ("dative", "to", "for", "obj_actor", "in"),
    "RETREAT": ("from", "obj_actor", "on", "with", "to"),
    "REQUEST": ("obj_actor", "on", "upon", "clause_subject", "from", "to"),
    "ACCUSE": ("obj_actor", "against", "with", "to"),
    "REJECT": ("obj_actor", "by", "from"),
    "THREATEN": ("obj_actor", "against", "with", "to", "on", "in"),
    "PROTEST": ("against", "obj_actor", "from", "with"),
    "SANCTION": ("on", "against", "obj_actor", "with", "from", "to", "for"),
    "MOBILIZE": ("against",),
    "COERCE": ("obj", "on", "in", "against", "into"),
    "ASSAULT": ("obj", "on", "against", "at"),
}


def lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lex.LEMMA_FIXES.get(lemma, lemma) if tok.pos_ == "VERB" else lemma


def object_of(tok: Token) -> Token | None:
    for dep in ("dobj", "nsubjpass"):
        for child in tok.children:
            if child.dep_ == dep:
                return child
    return None


def object_words(obj: Token) -> set[str]:
    """The object and what qualifies it: "military aid", "state of emergency", "inspectors
    and humanitarian workers"."""
    words = {lemma(obj), obj.lower_}
    for child in obj.children:
        if child.dep_ in ("compound", "amod", "nmod", "conj"):
            words |= {lemma(child), child.lower_}
        if child.dep_ == "prep" and child.lower_ in ("of", "as"):
            for g in child.children:
                if g.dep_ == "pobj":
                    words |= {lemma(g)} | {lemma(m) for m in g.children
                                            if m.dep_ in ("compound", "amod")}
    return words


def is_actor(tok: Token) -> bool:
    return (tok.ent_type_ in lex.ACTOR_ENTITIES or tok.pos_ == "PROPN"
            or lemma(tok) in lex.ACTOR_NOUNS
            or (tok.pos_ == "PRON" and tok.lower_ in ("him", "her", "them", "us")))


def subject(h: Token, inherited: bool = False) -> Token | None:
    deps = ("nsubj", "nsubjpass") if inherited else ("nsubj",)
    for child in h.children:
        if child.dep_ in deps:
            return _resolve_pronoun(child, h)
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if h.dep_ in ("xcomp", "conj", "advcl", "acomp") and h.head != h:
        return subject(h.head, inherited=True)
    if h.dep_ == "pcomp" and h.head.dep_ == "prep" and h.head.lower_ in ("to", "by") \
            and h.head.head.pos_ in ("VERB", "AUX"):
        # "I look forward to working with X", "responded by imposing"; not "thanked Y for its
        # support, including imposing sanctions"
        return subject(h.head.head, inherited=True)
    if h.dep_ == "acl" and (any(ch.lower_ == "to" for ch in h.children)
                            or not is_actor(h.head)):
        # "Kenya has plans to send troops", "issued a declaration demanding"
        return subject(h.head.head, inherited=True) if h.head.dep_ != "ROOT" else None
    if h.dep_ in ("relcl", "acl"):
        return h.head
    return None


def _resolve_pronoun(tok: Token, h: Token) -> Token:
    """"Syria says it is willing": a pronoun subject inside a reported clause is the speaker."""
    if tok.lower_ not in PRONOUNS:
        return tok
    while h.dep_ in ("ccomp", "xcomp", "conj") and h.head != h:
        h = h.head
        speaker = next((c for c in h.children if c.dep_ == "nsubj"), None)
        if speaker is not None and speaker.lower_ not in PRONOUNS:
            return speaker
    return tok


def owner(noun: Token) -> Token | None:
    """Whose event noun or proposal it is: "Israel's invasion", "an Indian proposal", "calls
    by Belarus"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in lex.ACTOR_ENTITIES:
            return child
    return prep_object(noun, "by")


def _actor_of(noun: Token) -> Token | None:
    found = prep_object(noun, "of")
    return found if found is not None and is_actor(found) else None


def prep_object(tok: Token, prep: str) -> Token | None:
    """The object of the word's preposition, leaving out fixed phrases ("in response to",
    "in the wake of")."""
    for child in tok.children:
        if child.lower_ == prep and child.dep_ in ("prep", "dative", "agent"):
            found = next((g for g in child.children if g.dep_ == "pobj"), None)
            if found is not None and lemma(found) not in lex.FIXED_PHRASE_NOUNS:
                return found
    return None


def slot_target(tok: Token, kind: str, skip_object: bool = False) -> Token | None:
    """The first slot of the type's list that names someone: "imposed sanctions on X" looks
    at the object's prepositions too, and an event noun's object is its "of" phrase ("the
    invasion of X"); dates and amounts are never targets."""
    obj = object_of(tok) if tok.pos_ != "NOUN" else prep_object(tok, "of")
    for slot in TARGET_SLOTS[kind]:
        found = None
        if slot in ("obj", "obj_actor") and (obj is None or skip_object):
            continue
        if slot == "obj":
            found = obj
        elif slot == "obj_actor":   # "praised Haiti's efforts", "demanded the removal of X"
            found = obj if is_actor(obj) else owner(obj) or _actor_of(obj)
        elif slot == "dative":
            found = next((c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"),
                         None)
        elif slot == "clause_subject":
            clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
            found = next((c for c in clause.children if c.dep_ == "nsubj"), None) \
                if clause is not None else None
        elif skip_object:
            found = (prep_object(obj, slot) if obj else None) or prep_object(tok, slot)
        else:
            found = prep_object(tok, slot) or (prep_object(obj, slot) if obj else None)
        if found is not None and found.ent_type_ not in NOT_ACTORS \
                and found.tag_ not in ("WDT", "WP"):   # "the strike that forces took": no one
            return found
    return None


def _in_name(head: Token, prep: Token) -> bool:
    """Whether a prepositional phrase belongs to the actor's name: any of PHRASE_PREPS after a
    common noun ("rebels in the north"), but after a name only "of" or a capitalised part
    ("Agency for International Development", not "Ruto for talks")."""
    if head.pos_ != "PROPN":
        return prep.lower_ in PHRASE_PREPS
    return prep.lower_ == "of" or (prep.lower_ in ("for", "on") and any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" for g in prep.children))


def phrase(tok: Token | None) -> tuple[int, int] | None:
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
            "relcl", "acl", "appos", "advcl", "parataxis") and c.text not in ("(", ")")
            and (c.dep_ != "prep" or _in_name(t, c)))
    doc = tok.doc
    keep |= {t.i for t in doc[min(keep):max(keep) + 1] if t.text in ("(", ")")}   # "the US and
    lo = hi = tok.i                                    # European Union (EU)": one phrase
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while lo > 0 and doc[lo].ent_iob_ == "I":     # a name stays whole
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I":
        hi += 1
    while lo < hi and (doc[lo].is_punct or doc[lo].lower_ in ("the", "a", "an")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ == "POS"):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)
