"""A URL on the command line becomes a document, or one error line naming it."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner
from webserver import page, redirect, serve

from dossier.cli import app
from dossier.sources import InputError, read_inputs
from dossier.sources.fetch import Fetcher, FetchPolicy
from dossier.sources.url import MAX_ID_LENGTH, read_url, url_id
from dossier.store import queries
from dossier.store.store import Store

NEWS = """<!doctype html>
<html><head><title>Kenya and US hold talks on trade</title></head>
<body><header><p>Subscribe to our newsletter</p></header>
<article><h1>Kenya and US hold talks on trade</h1>
<p>NAIROBI - Kenyan President William Ruto met US Deputy Secretary of State Christopher Landau
at State House, Nairobi, on 29 January 2026.</p>
<p>The two discussed trade and the security mission to Haiti, the presidency said.</p></article>
<footer><p>All rights reserved</p></footer></body></html>"""
LEGACY = ("<html><head><title>Caf\u00e9 diplomacy</title></head><body><p>Kenya\u2019s Prime Cabinet "
          "Secretary Musalia Mudavadi met US Ambassador Meg Whitman at a caf\u00e9 in Nairobi "
          "on 5 May 2024.</p></body></html>")
LOCAL = FetchPolicy(allow_private=True, per_host_interval=0.0, retries=0)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(LOCAL) as f:
        yield f


def test_a_news_page_becomes_a_document(fetcher: Fetcher) -> None:
    with serve({"/news/kenya-us-talks.html": page(NEWS), "/k": redirect("/news/kenya-us-talks.html")}) as server:
        doc = read_url(server.base + "/k", fetcher)
    assert not isinstance(doc, InputError), doc
    port = server.base.rsplit(":", 1)[1]
    assert doc.id == f"127.0.0.1-{port}-news-kenya-us-talks"
    assert doc.source == server.base + "/k"
    assert doc.url == server.base + "/news/kenya-us-talks.html"
    assert doc.title == "Kenya and US hold talks on trade"
    assert "William Ruto met US Deputy Secretary of State" in doc.extracted
    assert "All rights reserved" not in doc.extracted   # the HTML reader's extraction is used
    assert doc.warnings == [] and doc.fetched_at is not None


def test_a_charset_declared_only_in_the_content_type_header_is_used(fetcher: Fetcher) -> None:
    body = LEGACY.encode("windows-1252")
    with serve({"/news": page(body, "text/html; charset=windows-1252")}) as server:
        doc = read_url(server.base + "/news", fetcher)
    assert not isinstance(doc, InputError), doc
    assert "Kenya\u2019s Prime Cabinet Secretary" in doc.extracted and "caf\u00e9 in Nairobi" in doc.extracted
    assert doc.title == "Caf\u00e9 diplomacy"
    assert doc.warnings == []   # declared, not guessed


def test_a_fetch_failure_is_one_error_line_naming_the_url(fetcher: Fetcher) -> None:
    with serve({"/report.pdf": page(b"%PDF-1.7", "application/pdf")}) as server:
        missing = read_url(server.base + "/gone", fetcher)
        pdf = read_url(server.base + "/report.pdf", fetcher)
    assert isinstance(missing, InputError) and isinstance(pdf, InputError)
    assert str(missing) == f"error: {server.base}/gone: HTTP 404 Not Found"
    assert str(pdf) == f"error: {server.base}/report.pdf: not an HTML page (application/pdf)"


def test_the_id_is_a_stable_slug_of_the_canonical_url() -> None:
    assert url_id("https://www.example.com/news/kenya-us-talks.html?utm_source=x#top") == \
        "example.com-news-kenya-us-talks"
    assert url_id("http://example.com/news/kenya-us-talks/") == "example.com-news-kenya-us-talks"
    assert url_id("https://example.com/story?id=42") == "example.com-story-id-42"
    long_a = url_id("https://example.com/" + "kenya-us-" * 30 + "a")
    long_b = url_id("https://example.com/" + "kenya-us-" * 30 + "b")
    assert len(long_a) <= MAX_ID_LENGTH and long_a != long_b
    assert re.fullmatch(r"[a-z0-9.-]+", long_a)


def test_read_inputs_takes_urls_among_files(tmp_path: Path, fetcher: Fetcher) -> None:
    (tmp_path / "notes.txt").write_text("Ruto met Whitman in Nairobi.\n", encoding="utf-8")
    with serve({"/news": page(NEWS)}) as server:
        items = list(read_inputs([str(tmp_path / "notes.txt"), server.base + "/news"], fetcher=fetcher))
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
    assert items[1].url == server.base + "/news"


# ---------------------------------------------------------------- the command


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "250", "DOSSIER_DB": None})


def test_ingest_url_with_allow_private_stores_the_page(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    agents: list[str] = []

    def news(request):
        agents.append(request.headers["User-Agent"])
        return page(NEWS)(request)

    with serve({"/news/kenya-us-talks": news}) as server:
        url = server.base + "/news/kenya-us-talks"
        result = runner.invoke(app, ["ingest", url, "--allow-private", "--user-agent",
                                     "dossier-test/1.0", "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 read, 1 new" in " ".join(result.stdout.split())
    store = Store(db)
    with store.session() as s:
        [doc] = list(queries.documents(s))
    store.close()
    assert doc["url"] == url and "Christopher Landau" in doc["text"]
    assert agents == ["dossier-test/1.0"]


def test_ingest_url_without_allow_private_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    with serve({"/news": page(NEWS)}) as server:
        url = server.base + "/news"
        result = runner.invoke(app, ["ingest", url, "--db", str(tmp_path / "kb.db")],
                               catch_exceptions=False)
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith(f"error: {url}: refused to connect to 127.0.0.1")
    assert server.hits == {}


def test_ingest_help_says_private_addresses_are_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ingest", "--help"])
    text = " ".join(result.stdout.split())
    assert "--allow-private" in text and "--user-agent" in text
    assert "refused by default" in text
