"""Date expressions against TempEval-3 (TimeML) gold: extents and normalised values.

    python benchmarks/tempeval_dates.py /work/shared/benchmarks/tempeval3/TimeBank [more dirs...]
        [--errors N] [--seed S] [--gold-extents]

For every .tml file: the document creation time (the TIMEX3 with functionInDocument=
"CREATION_TIME") is the anchor, the content of <TEXT> with the tags stripped (and XML entities
unescaped) is the text, and our system runs on it end to end through the same code path as the
product: the spaCy stage (`dossier.annotate.nlp.annotate_nlp`, i.e. `load_model()`) gives DATE
entity extents and sentences, and the stage `dossier.annotate.dates.annotate_dates` (which calls
`normalise(text, published, future)`) keeps the ones that denote a date. Each resulting
`DateValue` is written as a TIMEX3 value (`timex_value`): day -> YYYY-MM-DD, week -> YYYY-Www,
month -> YYYY-MM, quarter -> YYYY-Qn, year -> YYYY, decade -> YYY, century -> YY, a window open
at the start / end -> PAST_REF / FUTURE_REF, anything else (a fully open window) -> no value,
which always counts as a wrong value. A window narrowed by "early" / "late" keeps its
precision's value ("early 1990" -> 1990, as TimeML writes it with mod="START").

Gold: the TIMEX3 elements of type DATE inside <TEXT> (the creation-time TIMEX3 sits in <DCT>,
outside <TEXT>, and is not an expression to find, as in the official TempEval-3 scorer). System
mentions are all our date mentions, so a mention on a gold DURATION / TIME / SET counts as a false
positive (the summary says how many of those there are).

Scores, following the TempEval-3 entity evaluation (UzZaman et al. 2013, task A, "timex
extraction" and "attribute F1"):
  strict   a system mention and a gold DATE with exactly the same character offsets;
  relaxed  at least one character in common. Precision = system mentions matching some gold /
           system mentions; recall = gold matched by some system mention / gold;
  value    attribute F1 for `value`: c = relaxed-matched gold whose value equals ours (each gold
           paired with its most-overlapping system mention), P = c / system mentions,
           R = c / gold, F1 = 2PR/(P+R) -- the same as relaxed F1 x value accuracy.
The official scorer matches on whitespace tokens; character offsets give the same result except
when an extent differs only by punctuation glued to a token.

Published reference points (TempEval-3 platinum test set, task A, all timex types, so only for
orientation): HeidelTime value F1 about 0.78 (77.6; strict extent F1 81.3, relaxed 90.3); SUTime
value F1 about 0.67 (67.4). These corpora (TimeBank + AQUAINT) are the TE-3 *training* data and
we score DATE only, so the figures are comparable in kind, not directly.

Options:
  --errors N       print up to N false positives, false negatives and wrong values per corpus
  --seed S         seed for that sample (default 0)
  --gold-extents   give the normaliser the gold DATE extents instead of spaCy's (isolates the
                   normalisation from extent finding; extent scores are then trivially 1.0)

Output: a summary per corpus (directory) and overall, and as the LAST line one JSON object:
{"files": n, "strict": {"p","r","f1"}, "relaxed": {...}, "value": {...}, "corpora": {...}}.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dossier.annotate.dates import annotate_dates
from dossier.annotate.nlp import annotate_nlp
from dossier.document import DateValue, Document, Entity, Span

TAG_OR_ENTITY = re.compile(r"<[^>]+>|&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass
class TmlFile:
    name: str
    dct: date
    text: str
    gold: list[Timex]          # all TIMEX3 in TEXT, every type


def parse_tml(path: Path) -> TmlFile:
    """The creation time, the plain text of <TEXT> and the TIMEX3 in it with offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = next(m for m in TIMEX_OPEN.finditer(raw) if "CREATION_TIME" in m.group(1))
    dct_value = dict(ATTR.findall(dct_tag.group(1)))["value"]
    dct = date.fromisoformat(dct_value[:10])
    body_start = raw.index("<TEXT>") + len("<TEXT>")
    body = raw[body_start:raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict]] = []
    gold: list[Timex] = []
    pos = 0
    for m in TAG_OR_ENTITY.finditer(body):
        out.append(body[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        token = m.group(0)
        if token.startswith("&"):
            char = html.unescape(token)
            out.append(char)
            length += len(char)
        elif token.startswith("<TIMEX3"):
            open_timex.append((length, dict(ATTR.findall(token))))
        elif token.startswith("</TIMEX3"):
            start, attrs = open_timex.pop()
            gold.append(Timex(start, length, "", attrs.get("type", ""), attrs.get("value")))
    out.append(body[pos:])
    text = "".join(out)
    for t in gold:
        t.text = text[t.start:t.end]
    return TmlFile(path.stem, dct, text, gold)


def timex_value(value: DateValue) -> str | None:
    """A DateValue as a TIMEX3 value string (None when it has no TimeML equivalent)."""
    lo, hi, p = value.earliest, value.latest, value.precision
    if lo is None and hi is None:
        return None
    if lo is None:
        return "PAST_REF"
    if hi is None:
        return "FUTURE_REF"
    if p == "day" and lo == hi:
        return lo.isoformat()
    if p == "week":
        year, week, _ = lo.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if p == "month":
        return f"{lo.year:04d}-{lo.month:02d}"
    if p == "quarter":
        return f"{lo.year:04d}-Q{(lo.month - 1) // 3 + 1}"
    if p == "year" and lo.year == hi.year:
        return f"{lo.year:04d}"
    if p == "decade":
        return f"{lo.year // 10:03d}"
    if p == "century":
        return f"{lo.year // 100:02d}"
    return None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    value: str | None
    window: DateValue | None = None


def run_system(tml: TmlFile, gold_extents: bool = False) -> tuple[list[Mention], list[Entity]]:
    """Our date mentions for one file, through the product's own stages (and spaCy's entities,
    to tell in the error listing an expression spaCy missed from one the normaliser refused)."""
    doc = Document(id=tml.name, source="tempeval3", raw=tml.text, text=tml.text, published=tml.dct)
    doc = annotate_nlp(doc)
    if gold_extents:
        doc.entities = [Entity(Span(t.start, t.end), t.text, "DATE")
                        for t in tml.gold if t.type == "DATE"]
    entities = list(doc.entities)
    doc = annotate_dates(doc)
    return [Mention(d.span.start, d.span.end, d.text, timex_value(d.value), d.value)
            for d in doc.dates], entities


def _overlap(a, b) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


@dataclass
class Tally:
    files: int = 0
    gold: int = 0
    system: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    value_ok: int = 0
    fp_on_other_type: int = 0
    false_pos: list = field(default_factory=list)
    false_neg: list = field(default_factory=list)
    wrong_value: list = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("files", "gold", "system", "strict_sys", "strict_gold", "relaxed_sys",
                     "relaxed_gold", "value_ok", "fp_on_other_type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.false_pos += other.false_pos
        self.false_neg += other.false_neg
        self.wrong_value += other.wrong_value

    def prf(self, sys_hits: int, gold_hits: int) -> dict:
        p = sys_hits / self.system if self.system else 0.0
        r = gold_hits / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}

    def figures(self) -> dict:
        return {"files": self.files,
                "strict": self.prf(self.strict_sys, self.strict_gold),
                "relaxed": self.prf(self.relaxed_sys, self.relaxed_gold),
                "value": self.prf(self.value_ok, self.value_ok)}


def _context(tml: TmlFile, start: int, end: int, width: int = 50) -> str:
    left = tml.text[max(0, start - width):start].replace("\n", " ")
    right = tml.text[end:end + width].replace("\n", " ")
    return f"...{left}[[{tml.text[start:end]}]]{right}..."


def score_file(tml: TmlFile, system: list[Mention], entities: list[Entity] = ()) -> Tally:
    t = Tally(files=1)
    gold = [g for g in tml.gold if g.type == "DATE"]
    others = [g for g in tml.gold if g.type != "DATE"]
    t.gold, t.system = len(gold), len(system)
    for s in system:
        if any(s.start == g.start and s.end == g.end for g in gold):
            t.strict_sys += 1
        if any(_overlap(s, g) for g in gold):
            t.relaxed_sys += 1
        else:
            other = next((o for o in others if _overlap(s, o)), None)
            if other is not None:
                t.fp_on_other_type += 1
            note = f" (gold {other.type} {other.value})" if other else ""
            t.false_pos.append(f"{tml.name} DCT {tml.dct}: {s.text!r} -> {s.value}{note}  "
                               f"{_context(tml, s.start, s.end)}")
    for g in gold:
        if any(s.start == g.start and s.end == g.end for s in system):
            t.strict_gold += 1
        best = max(system, key=lambda s: _overlap(s, g), default=None)
        if best is None or not _overlap(best, g):
            ents = [e for e in entities if _overlap(e.span, g)]
            why = ("; ".join(f"spaCy {e.label} {e.text!r}"
                             + (" refused by normalise" if e.label == "DATE" else "") for e in ents)
                   or "spaCy: nothing")
            t.false_neg.append(f"{tml.name} DCT {tml.dct}: {g.text!r} = {g.value} ({why})  "
                               f"{_context(tml, g.start, g.end)}")
            continue
        t.relaxed_gold += 1
        if best.value is not None and best.value == g.value:
            t.value_ok += 1
        else:
            t.wrong_value.append(f"{tml.name} DCT {tml.dct}: ours {best.text!r} -> {best.value}"
                                 f" | gold {g.text!r} = {g.value}  {_context(tml, g.start, g.end)}")
    return t


def _line(name: str, t: Tally) -> str:
    f = t.figures()
    cells = "  ".join(f"{k} P {f[k]['p']:.3f} R {f[k]['r']:.3f} F1 {f[k]['f1']:.3f}"
                      for k in ("strict", "relaxed", "value"))
    return (f"{name:<10} files {t.files:>3}  gold {t.gold:>4}  ours {t.system:>4}  {cells}"
            f"  (FP on gold non-DATE: {t.fp_on_other_type})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="directories of .tml files")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N false positives, false negatives and wrong values")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--gold-extents", action="store_true",
                    help="normalise the gold DATE extents instead of spaCy's")
    args = ap.parse_args(argv)

    total, corpora = Tally(), {}
    rng = random.Random(args.seed)
    for directory in args.dirs:
        files = sorted(directory.glob("*.tml"))
        if not files:
            print(f"no .tml files in {directory}", file=sys.stderr)
            return 2
        tally = Tally()
        for path in files:
            tml = parse_tml(path)
            tally.add(score_file(tml, *run_system(tml, args.gold_extents)))
        name = directory.name or str(directory)
        corpora[name] = tally
        total.add(tally)
        if args.errors:
            for label, items in (("FALSE POSITIVES", tally.false_pos),
                                 ("FALSE NEGATIVES", tally.false_neg),
                                 ("WRONG VALUES", tally.wrong_value)):
                sample = rng.sample(items, min(args.errors, len(items)))
                print(f"== {name}: {label} ({len(sample)} of {len(items)})")
                for item in sorted(sample):
                    print("  " + item)
    for name, tally in corpora.items():
        print(_line(name, tally))
    if len(corpora) > 1:
        print(_line("ALL", total))
    figures = total.figures()
    figures["corpora"] = {name: tally.figures() for name, tally in corpora.items()}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
