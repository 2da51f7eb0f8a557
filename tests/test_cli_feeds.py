"""`dossier feeds`, `dossier watch` and `dossier sources` as a user meets them."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from feedsite import Site
from typer.testing import CliRunner, Result
from webserver import serve

from dossier.cli import app

SERVER_ERROR = (500, {"Content-Type": "text/plain"}, b"Internal Server Error")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    """A wide terminal (one table row per line) and no DOSSIER_DB from the outer environment."""
    return CliRunner(env={"COLUMNS": "250", "DOSSIER_DB": None})


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "kb.db")


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def table_rows(output: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip().strip("│").split("│")]
            for line in output.splitlines() if line.startswith("│")]


def test_feeds_add_list_remove_round_trip(runner: CliRunner, db: str) -> None:
    kenya, nigeria = "https://www.nation.africa/rss.xml", "https://www.premiumtimesng.com/feed"
    for url in (kenya, nigeria):
        added = run(runner, "feeds", "add", url, "--db", db)
        assert added.exit_code == 0 and added.stdout.startswith(f"added feed {url}")
    again = run(runner, "feeds", "add", kenya, "--db", db)
    assert (again.exit_code, again.stdout.strip()) == (0, f"{kenya}: already watched")
    listed = run(runner, "feeds", "list", "--db", db)
    assert [row[:4] for row in table_rows(listed.stdout)] == [
        [kenya, "", "never", ""], [nigeria, "", "never", ""]]
    removed = run(runner, "feeds", "remove", kenya, "--db", db)
    assert (removed.exit_code, removed.stdout.strip()) == (0, f"removed feed {kenya}")
    assert [row[0] for row in table_rows(run(runner, "feeds", "list", "--db", db).stdout)] == [nigeria]
    unknown = run(runner, "feeds", "remove", kenya, "--db", db)
    assert unknown.exit_code == 1
    assert lines(unknown.stderr) == [f"error: {kenya}: not a watched feed (see: dossier feeds list)"]


def test_feeds_add_refuses_what_is_not_a_web_address(runner: CliRunner, db: str) -> None:
    result = run(runner, "feeds", "add", "feeds/kenya.xml", "--db", db)
    assert result.exit_code == 2
    assert lines(result.stderr) == ["error: feeds/kenya.xml: not a web address (a feed URL starts "
                                    "with http:// or https://)"]


def test_watch_without_feeds_says_how_to_add_one(runner: CliRunner, db: str) -> None:
    run(runner, "feeds", "add", "https://example.org/feed", "--db", db)
    run(runner, "feeds", "remove", "https://example.org/feed", "--db", db)
    result = run(runner, "watch", "--once", "--db", db)
    assert result.exit_code == 2
    assert lines(result.stderr) == [
        f"error: no feeds to watch (add one with: dossier feeds add URL --db {db})"]


def test_watch_once_ingests_and_sources_shows_every_url(runner: CliRunner, db: str) -> None:
    site = Site()
    site.routes["/news/mudavadi-whitman"] = lambda request: SERVER_ERROR
    with serve(site.routes) as server:
        site.base = server.base
        feed = site.feed("/kenya.rss", "rss", ["/news/ruto-blinken", "/news/mudavadi-whitman"])
        run(runner, "feeds", "add", feed, "--db", db)
        result = run(runner, "watch", "--once", "--allow-private", "--db", db)
    assert result.exit_code == 1   # one article failed
    assert lines(result.stderr) == [f"error: {server.base}/news/mudavadi-whitman: HTTP 500 "
                                    "Internal Server Error (attempt 1 of 3; retried on the next run)"]
    assert lines(result.stdout) == ["feeds: 1 polled, 0 not modified, 0 failed; articles: 2 new in "
                                    "feeds, 1 stored, 0 updated, 0 unchanged, 1 failed"]
    shown = run(runner, "sources", "--db", db)
    assert shown.exit_code == 0
    feeds, articles = table_rows(shown.stdout.split("Articles")[0]), \
        table_rows(shown.stdout.split("Articles")[1])
    assert [(f[0], f[1], f[3]) for f in feeds] == [(feed, "Example News: Africa", "ok")]
    done, failed = articles
    assert done[:3] == [f"{server.base}/news/ruto-blinken", "done", "1"]
    assert done[3] and len(done[4]) == 16   # the document id and the start of its content hash
    assert failed == [f"{server.base}/news/mudavadi-whitman", "failed", "1", "", "",
                      "HTTP 500 Internal Server Error"]
    assert lines(shown.stdout)[-1] == "1 done, 0 pending, 1 failed"
    document = run(runner, "show", done[3], "--db", db)
    assert "Blinken" in document.stdout


def test_watch_refuses_a_loopback_feed_unless_allowed(runner: CliRunner, db: str) -> None:
    site = Site()
    with serve(site.routes) as server:
        site.base = server.base
        feed = site.feed("/kenya.rss", "rss", ["/news/ruto-blinken"])
        run(runner, "feeds", "add", feed, "--db", db)
        result = run(runner, "watch", "--once", "--db", db)
    assert result.exit_code == 1
    [line] = lines(result.stderr)
    assert line.startswith(f"error: {feed}: refused to connect to 127.0.0.1: a loopback address")
    assert sum(server.hits.values()) == 0   # nothing was sent


def test_watch_polls_until_ctrl_c_and_stops_with_one_line(runner: CliRunner, db: str,
                                                          monkeypatch) -> None:
    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        if seconds == 300:   # the wait between rounds: the user presses Ctrl-C
            raise KeyboardInterrupt
        real_sleep(seconds)

    monkeypatch.setattr(time, "sleep", sleep)
    site = Site()
    with serve(site.routes) as server:
        site.base = server.base
        run(runner, "feeds", "add", site.feed("/quiet.rss", "rss", []), "--db", db)
        result = run(runner, "watch", "--interval", "300", "--allow-private", "--db", db)
    assert result.exit_code == 0
    assert lines(result.stdout) == ["feeds: 1 polled, 0 not modified, 0 failed; articles: 0 new in "
                                    "feeds, 0 stored, 0 updated, 0 unchanged, 0 failed"]
    assert lines(result.stderr) == [
        "watch stopped; what was stored is recorded, the next run resumes from there"]
