"""How well web pages are cleaned: the share of boilerplate lines removed and of article lines kept.

    python benchmarks/html_cleaning.py tests/data/pages

Each page `NAME.html` in the directory comes with `NAME.article.txt`, the lines of the page that
are the article (headline, standfirst, paragraphs, subheadings, quotes), one per line. Every
other visible line of the page (menus, share bars, related stories, cookie notices, comments,
bylines and date lines, footers) is boilerplate. The visible lines are the text of the page's
block elements (p, li, h1-h6, div, td, ...), one line per block, with scripts, styles and the
<head> left out.

The page goes through the product's own path: `decode_html` and `html_document` (trafilatura),
then the cleaning stages. Both outputs are scored, so that it shows what each step removes:
  extraction  `doc.extracted`, the main text trafilatura found;
  cleaned     `doc.text` after the cleaning stages (metadata lines, boilerplate, repair).
An article line is kept when it occurs in the output (whitespace folded). A boilerplate line
survives when it is a line of the output, or, if it has at least MIN_WORDS_INSIDE words, when it
occurs inside one (a short label like "World" occurs inside prose by chance).

Output: a table per page, then the LAST line one JSON object:
{"pages": n, "article_lines": n, "boilerplate_lines": n,
 "extraction": {"article_kept": x, "boilerplate_removed": y},
 "cleaned": {"article_kept": x, "boilerplate_removed": y}, "by_page": {...}}
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from dossier.pipeline import Pipeline
from dossier.sources.html import decode_html, html_document

CLEANING = ("dossier.clean.metadata.v1", "dossier.clean.boilerplate.v1", "dossier.clean.repair.v1")
BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 td th tr table ul ol dl dt dd blockquote figure "
                   "figcaption header footer nav aside section article main form button label "
                   "title br pre address".split())
MIN_WORDS_INSIDE = 4


def fold(text: str) -> str:
    return " ".join(text.split())


def page_lines(html: str) -> list[str]:
    """The visible text of a page, one line per block element, in page order."""
    tree = lxml.html.document_fromstring(html)
    for element in tree.xpath("//head|//script|//style|//noscript|//template"):
        element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return [line for raw in tree.text_content().split("\n") if (line := fold(raw))]


@dataclass
class Score:
    article: int = 0
    article_kept: int = 0
    boilerplate: int = 0
    boilerplate_removed: int = 0

    def add(self, other: "Score") -> None:
        for name in ("article", "article_kept", "boilerplate", "boilerplate_removed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def shares(self) -> dict[str, float]:
        return {"article_kept": round(self.article_kept / max(self.article, 1), 3),
                "boilerplate_removed": round(self.boilerplate_removed / max(self.boilerplate, 1), 3)}


def survivors(output: str, boilerplate: list[str]) -> list[str]:
    """The boilerplate lines still in `output`."""
    text, lines = fold(output), {fold(line) for line in output.split("\n")}
    return [b for b in boilerplate if b in lines or (len(b.split()) >= MIN_WORDS_INSIDE and b in text)]


def score(output: str, article: list[str], boilerplate: list[str]) -> Score:
    text = fold(output)
    return Score(article=len(article), article_kept=sum(1 for a in article if a in text),
                 boilerplate=len(boilerplate),
                 boilerplate_removed=len(boilerplate) - len(survivors(output, boilerplate)))


def evaluate_page(path: Path, cleaning: Pipeline) -> tuple[Score, Score, list[str]]:
    """(extraction score, cleaned score, boilerplate lines that survived cleaning)."""
    html, _, _ = decode_html(path.read_bytes())
    article = [fold(line) for line in path.with_suffix(".article.txt").read_text(encoding="utf-8")
               .splitlines() if line.strip()]
    visible = page_lines(html)
    unknown = [a for a in article if a not in visible]
    if unknown:
        raise SystemExit(f"{path}: article lines that are not lines of the page: {unknown}")
    boilerplate = [line for line in visible if line not in set(article)]
    doc = html_document(html, id=path.stem, source=str(path))
    extraction = score(doc.extracted or "", article, boilerplate)
    doc = cleaning(doc)
    return extraction, score(doc.text, article, boilerplate), survivors(doc.text, boilerplate)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path, help="directory of NAME.html + NAME.article.txt")
    parser.add_argument("--show", action="store_true", help="list the boilerplate lines left")
    args = parser.parse_args(argv)
    pages = sorted(p for p in args.pages.glob("*.htm*") if p.with_suffix(".article.txt").exists())
    if not pages:
        raise SystemExit(f"{args.pages}: no NAME.html with a NAME.article.txt")
    cleaning = Pipeline(CLEANING)
    totals = {"extraction": Score(), "cleaned": Score()}
    by_page = {}
    print(f"{'page':32} {'article':>8} {'boiler':>7}  extraction kept/removed  cleaned kept/removed")
    for path in pages:
        extraction, cleaned, left = evaluate_page(path, cleaning)
        totals["extraction"].add(extraction)
        totals["cleaned"].add(cleaned)
        by_page[path.stem] = {"extraction": extraction.shares(), "cleaned": cleaned.shares()}
        e, c = extraction.shares(), cleaned.shares()
        print(f"{path.stem:32} {extraction.article:8} {extraction.boilerplate:7}  "
              f"{e['article_kept']:10.3f} / {e['boilerplate_removed']:.3f}    "
              f"{c['article_kept']:8.3f} / {c['boilerplate_removed']:.3f}")
        if args.show:
            for line in left:
                print(f"    left: {line}")
    summary = {"pages": len(pages), "article_lines": totals["cleaned"].article,
               "boilerplate_lines": totals["cleaned"].boilerplate,
               "extraction": totals["extraction"].shares(), "cleaned": totals["cleaned"].shares(),
               "by_page": by_page}
    print(json.dumps(summary))


if __name__ == "__main__":
    sys.exit(main())
