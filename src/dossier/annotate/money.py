"""Money amounts with their currency, the period they refer to and what they measure.

Reports quote the same figure in several currencies and notations ("$737 million",
"Ksh95 billion", "US$1.2bn"); the knowledge base compares them only once each is a number in
an ISO 4217 currency. A bare number is never taken for money: a figure needs a currency symbol,
code or word next to it, so years, percentages and counts stay out.

"Shillings" (and the "Sh"/"Shs" prefix) are used by several countries; the currency is taken
from the shilling country the document names most and the figure is left out when it names
none, rather than guessing.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.document import Document, MoneyMention, Span
from dossier.annotate.language import EXTRACTION_LANGUAGES
from dossier.pipeline import stage

SHILLING = "shilling"  # resolved per document by _shilling_currency

# Symbols and codes written before the number. Longest first, so "US$" wins over "$".
PREFIXES: dict[str, str] = {
    "US$": "USD", "USD": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD",
    "$": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "Kshs": "KES", "KShs": "KES", "Ksh": "KES", "KSh": "KES", "KSH": "KES", "KES": "KES",
    "Shs": SHILLING, "Sh": SHILLING, "UGX": "UGX", "TZS": "TZS",
    "₦": "NGN", "NGN": "NGN", "N": "NGN", "₹": "INR", "Rs": "INR", "INR": "INR",
    "¥": "JPY", "JPY": "JPY", "CNY": "CNY", "ZAR": "ZAR",
}
# Codes and words written after the number ("5 billion shillings", "300,000 USD").
SUFFIXES: dict[str, str] = {
    "US dollars": "USD", "dollars": "USD", "USD": "USD", "euros": "EUR", "euro": "EUR",
    "EUR": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "GBP": "GBP",
    "Kenyan shillings": "KES", "Kenya shillings": "KES", "KES": "KES",
    "Ugandan shillings": "UGX", "Tanzanian shillings": "TZS", "shillings": SHILLING,
    "naira": "NGN", "NGN": "NGN", "rupees": "INR", "INR": "INR", "yen": "JPY", "yuan": "CNY",
}
MULTIPLIERS: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6, "m": 1e6,
    "crore": 1e7, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
SHILLING_COUNTRIES = {"KES": r"Kenyan?", "UGX": r"Ugandan?", "TZS": r"Tanzanian?", "SOS": r"Somalia"}


def _alternatives(words: dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Word multipliers may stand after a space; one-letter ones only attached ("$5m", not "$5 m").
_MULT = r"(?i:\s?(?:trillion|billion|million|thousand|crore|lakh|tn|bn|mn)|[mbk])\b"
AMOUNT = re.compile(
    rf"(?:(?<![\w$£€])(?P<pre>{_alternatives(PREFIXES)})\.?\s?|(?<![\w.,$£€]))"
    rf"(?P<num>{_NUMBER})(?P<mult>{_MULT})?"
    rf"(?:\s?(?P<post>(?<!\w){_alternatives(SUFFIXES)})\b)?"
)
# "$2-3 billion", "$2 and $3 billion": the first number borrows the multiplier of the second
# ("and"/"or" only when the currency is repeated: in "$5 and 3 million people" it is not).
RANGE_TAIL = re.compile(
    rf"\s*(?:(?:-|–|to)\s*|(?:and|or)\s+(?=[^\s\d]))(?P<cur>\D{{0,4}})(?P<num>{_NUMBER})(?P<mult>{_MULT})"
)
MONTHS = ("january february march april may june july august september october november "
          "december").split()
# "In 2024, ...", "during March 2024", "for the financial year 2023/24", "in FY2024".
PERIOD = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+year\s+|FY\s?)?"
    r"(?:(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + r")\s+)?"
    r"(?P<year>(?:19|20)\d{2}(?:/\d{2,4})?)\b"
)
# "$2.5 billion (Sh322 billion)", "1.5 trillion yen (about $10 billion)"
RESTATED = re.compile(r"\s*\(\s*(?:(?:about|around|approximately|roughly|some|nearly|or|i\.e\.)\s+)?")
WHAT_MAX_WORDS = 12
# Verbs whose money argument says what their subject is worth: the subject is the "what".
VALUE_VERBS = {"value", "be", "total", "reach", "amount", "stand", "cost", "estimate", "worth"}
NOUN_PREPS = {"of", "for", "from", "to", "into", "in", "on", "with", "between"}
VERB_PREPS = {"to", "from", "into", "for", "on", "in", "with", "between"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos", "cc", "mark",
               "punct", "aux", "auxpass", "advmod", "intj", "prep", "dative",
               "conj", "npadvmod", "quantmod"}


@stage("dossier.annotate.money.v1", needs=("text", "sentences"), adds=("money",),
       languages=EXTRACTION_LANGUAGES)
def annotate_money(doc: Document) -> Document:
    shilling = _shilling_currency(doc.text)
    mentions: list[MoneyMention] = []
    for m in AMOUNT.finditer(doc.text):
        pre, post = m.group("pre"), m.group("post")
        if (not pre and not post) or (mentions and m.start() < mentions[-1].span.end):
            continue
        mult = (m.group("mult") or "").strip().lower()
        if pre == "N" and not mult:  # "N95 masks": a bare N is naira only with "billion" etc.
            continue
        if post == "pounds" and not pre and re.match(r"\s+of\b", doc.text[m.end():]):
            continue  # "5 million pounds of coffee" is a weight
        currency = PREFIXES[pre] if pre else SUFFIXES[post]
        if currency == SHILLING:
            currency = (SUFFIXES[post] if post and SUFFIXES[post] != SHILLING else shilling) or ""
        if not currency:
            continue
        tail = None if mult else RANGE_TAIL.match(doc.text, m.end())
        if tail:  # "$2-3 billion": two figures, the first borrowing the multiplier
            mult = tail.group("mult").strip().lower()
            upper = float(tail.group("num").replace(",", "")) * MULTIPLIERS[mult]
        value = float(m.group("num").replace(",", "")) * MULTIPLIERS.get(mult, 1.0)
        mentions.append(MoneyMention(Span(m.start(), m.end()), m.group(), value, currency))
        if tail:
            start = tail.start("cur")
            upper_text = doc.text[start:tail.end()]
            mentions.append(MoneyMention(Span(start, tail.end()), upper_text, upper, currency))
    money_tokens = _tokens_of(doc, [m.span for m in mentions])
    for i, mention in enumerate(mentions):
        previous = mentions[i - 1] if i else None
        between = doc.text[previous.span.end:mention.span.start] if previous else ""
        if previous and RESTATED.fullmatch(between):
            # "$2.5 billion (Sh322 billion)": the same figure restated in another currency.
            mention.period, mention.what = previous.period, previous.what
            continue
        mention.period = _period(doc, mention.span)
        mention.what = _what(doc, mention.span, money_tokens)
    doc.money = mentions
    return doc


def _shilling_currency(text: str) -> str | None:
    """The shilling of the country the document names most, or None when it names none."""
    counts = {code: len(re.findall(rf"\b{name}\b", text)) for code, name in SHILLING_COUNTRIES.items()}
    code, count = max(counts.items(), key=lambda kv: kv[1])
    return code if count else None


def _period(doc: Document, span: Span) -> str | None:
    """The year (or year-month) the sentence says the amount refers to, nearest one first."""
    # The sentence(s) the amount lies in: the splitter sometimes cuts "KSh | 1.5 trillion".
    start, end = doc.sentence_of(span.start).start, doc.sentence_of(max(span.start, span.end - 1)).end
    found = []
    for p in PERIOD.finditer(doc.text, start, max(start, end)):
        if p.start() < span.end and span.start < p.end():
            continue
        month = p.group("month")
        value = p.group("year") + (f"-{MONTHS.index(month.lower()) + 1:02d}" if month else "")
        found.append((min(abs(p.start() - span.start), abs(p.end() - span.end)), value))
    return min(found)[1] if found else None


def _tokens_of(doc: Document, spans: list[Span]) -> set[int]:
    """Indices of the parse tokens that belong to any amount, kept out of every "what"."""
    if doc.nlp is None:
        return set()
    spans_ = (doc.nlp.char_span(s.start, s.end, alignment_mode="expand") for s in spans)
    return {t.i for sp in spans_ if sp is not None for t in sp}


def _what(doc: Document, span: Span, skip: set[int]) -> str:
    """A short phrase of the sentence naming what the amount measures, from the parse.

    Left modifier ("the Ksh208 billion <Framework>") -> that noun phrase; argument of a value
    verb ("imports ... were valued at $771 million") -> its subject; otherwise the clause of the
    nearest verb without the amount ("Kenya exported goods to the US").
    """
    parsed: SpacyDoc | None = doc.nlp
    if parsed is None:
        return ""
    money = parsed.char_span(span.start, span.end, alignment_mode="expand")
    if money is None or not len(money):
        return ""
    outside = [t for t in money if not (money.start <= t.head.i < money.end) or t.head.i == t.i]
    root = outside[-1] if outside else money.root  # "KSh 1.5 trillion": the number, not "KSh"
    skip = skip | {t.i for t in money}
    while root.dep_ == "conj" and root.head.i != root.i:  # "$X and $Y": the first one's place
        skip.add(root.i)
        root = root.head
    of = [c for t in money for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i not in skip]
    if of:  # "KSh 1.5 trillion of debt"
        return _render(_noun_phrase_of_prep(of[0], skip))
    head = root.head
    if head.i != root.i and head.pos_ in ("NOUN", "PROPN") and head.i > money.end - 1 \
            and root.dep_ in ("nummod", "compound", "nmod", "amod"):
        phrase = _noun_phrase(head, skip)
        if len(phrase) == 1 and head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.pos_ == "VERB":
            return _render(_clause(head.head, skip))  # "approved a $2.5 billion loan to Kenya"
        return _render(phrase)
    node = root
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return _render(_noun_phrase(node, skip))
    if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
        return _render(_noun_phrase(node.head, skip))
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if node.lemma_ in VALUE_VERBS and subject is not None and root.i not in {t.i for t in subject.subtree}:
        return _render(_noun_phrase(subject, skip))
    return _render(_clause(node, skip))


def _noun_phrase(noun: Token, skip: set[int]) -> list[Token]:
    """The noun with its modifiers and plain prepositional attachments, minus the amount."""
    tokens = [noun]
    for child in noun.children:
        if child.i in skip:
            continue
        if any(t.i in skip for t in child.subtree) and child.pos_ in ("ADJ", "ADP", "VERB"):
            # "goods worth $737 million to the US": "worth" only carries the amount; keep "to the US".
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ in NOUN_PREPS:
                    tokens.extend(_noun_phrase_of_prep(grandchild, skip))
        elif child.dep_ == "prep" and child.lower_ in NOUN_PREPS and child.i > noun.i:
            tokens.extend(_noun_phrase_of_prep(child, skip))
        elif child.dep_ == "punct" and child.text in ("-", "–", "/") and _glued(child):
            tokens.append(child)
        elif child.dep_ == "conj":  # "Nigeria and the UK"; an amount in the list is skipped
            tokens.extend(c for c in noun.children if c.dep_ == "cc" and c.i < child.i)
            tokens.extend(_noun_phrase(child, skip))
        elif child.dep_ not in CLAUSE_DEPS and child.dep_ not in ("nsubj", "nsubjpass"):
            tokens.extend(_noun_phrase(child, skip))
    return tokens


def _glued(tok: Token) -> bool:
    """A dash written without spaces joins its neighbours ("Kenya–U.S.")."""
    return not tok.whitespace_ and (tok.i == 0 or not tok.doc[tok.i - 1].whitespace_)


def _noun_phrase_of_prep(prep: Token, skip: set[int]) -> list[Token]:
    objects = [c for c in prep.children if c.dep_ == "pobj" and c.i not in skip]
    objects = [o for o in objects if o.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")]
    if not objects:
        return []
    return [prep] + [t for o in objects for t in _noun_phrase(o, skip)]


def _clause(verb: Token, skip: set[int]) -> list[Token]:
    """Subject, verb, object and plain prepositional phrases; repeated phrases once."""
    tokens = [verb]
    seen: set[str] = set()
    for child in verb.children:
        if child.i in skip:
            continue
        part: list[Token] = []
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "neg", "prt", "oprd"):
            part = _noun_phrase(child, skip)
        elif child.dep_ in ("prep", "dative") and (child.lower_ in VERB_PREPS or child.dep_ == "dative"):
            part = _noun_phrase_of_prep(child, skip)
        if not part:
            continue
        key = " ".join(t.lower_ for t in sorted(part, key=lambda t: t.i))
        if key not in seen:
            seen.add(key)
            tokens.extend(part)
    return tokens


def _render(tokens: list[Token]) -> str:
    """Tokens in text order with their own spacing; a leading article and the tail past
    WHAT_MAX_WORDS words are dropped."""
    ordered = sorted({t.i: t for t in tokens if t.tag_ not in ("WDT", "WP")}.values(), key=lambda t: t.i)
    while ordered and ordered[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ"):
        ordered.pop(0)
    out, words = "", 0
    for k, tok in enumerate(ordered):
        if not tok.is_punct:
            words += 1
        if words > WHAT_MAX_WORDS:
            break
        out += tok.text
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        if nxt is not None:
            out += tok.whitespace_ if nxt.i == tok.i + 1 else " "
    return out.strip(" ,;:-–")
