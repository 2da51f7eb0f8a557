"""The seed articles as web pages score as well as the seed articles as text.

Each seed is wrapped in a plain news page (site header, navigation menu, footer, one <p> per
paragraph) and saved under the seed's file name, so the gold file's document ids still match.
Ingesting the pages must give the knowledge base the text files give: if the HTML reader lost
paragraphs or let the menu into the text, the core score would drop.
"""
from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from dossier.cli import app

SHARED = Path(__file__).parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
TOLERANCE = 0.02

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>The Nairobi Ledger</title></head>
<body>
<header class="site-header">
  <div class="logo"><a href="/">The Nairobi Ledger</a></div>
  <nav class="menu"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/business">Business</a></li><li><a href="/world">World</a></li>
    <li><a href="/opinion">Opinion</a></li>
  </ul></nav>
</header>
<main><article class="story">
{paragraphs}
</article></main>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
  <p>© 2026 The Nairobi Ledger. All rights reserved.</p>
</footer>
</body>
</html>
"""


def as_page(text: str) -> str:
    """A seed as a news page: every non-blank line a paragraph, exactly as written."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return PAGE.format(paragraphs="\n".join(f"<p>{html.escape(line, quote=False)}</p>"
                                            for line in lines))


def core_score(inputs: Path, tmp_path: Path, name: str) -> float:
    runner, db, out = CliRunner(), str(tmp_path / f"{name}.db"), tmp_path / f"{name}-export"
    ingested = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    exported = runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", db])
    assert exported.exit_code == 0, exported.output
    result = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--export", str(out),
                             "--gold", str(GOLD), "--json"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["core"]


def test_seed_pages_score_like_the_seed_texts(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (pages / f"{seed.stem}.html").write_text(as_page(seed.read_text(encoding="utf-8")),
                                                 encoding="utf-8")
    text_core = core_score(SEEDS, tmp_path, "text")
    html_core = core_score(pages, tmp_path, "html")
    print(f"seed core score: text {text_core:.3f}, html {html_core:.3f}")
    assert abs(html_core - text_core) <= TOLERANCE, (text_core, html_core)


def test_seed_pages_keep_every_paragraph_and_drop_the_menu(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[1]
    page = tmp_path / f"{seed.stem}.html"
    page.write_text(as_page(seed.read_text(encoding="utf-8")), encoding="utf-8")
    db, out = str(tmp_path / "kb.db"), tmp_path / "export"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(page), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", db]).exit_code == 0
    (doc,) = map(json.loads, (out / "documents.jsonl").open())
    assert doc["id"] == seed.stem
    for line in seed.read_text(encoding="utf-8").splitlines():
        assert " ".join(line.split()) in " ".join(doc["text"].split())
    for chrome in ("Opinion", "Privacy policy", "All rights reserved", "The Nairobi Ledger"):
        assert chrome not in doc["text"]
