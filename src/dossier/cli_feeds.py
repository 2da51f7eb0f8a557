"""The feed commands: `dossier feeds add|list|remove`, `dossier watch` and `dossier sources`.

They use the `--db` option, consoles and store opener of `dossier.cli`, which registers them;
import `dossier.cli` (not this module first) to get the whole command.
"""
from __future__ import annotations

import time
from typing import Annotated, Optional
from urllib.parse import urlsplit

import typer
from rich.table import Table
from rich.text import Text

from dossier.cli import DEFAULT_DB, DbOption, _open, err, out
from dossier.sources.fetch import Fetcher, FetchPolicy
from dossier.store import ledger
from dossier.store.store import Store
from dossier.watch import watch_once

feeds_app = typer.Typer(help="The RSS and Atom feeds `dossier watch` polls: add, list, remove "
                             "(each takes --db like every command).", no_args_is_help=True)

UrlArgument = Annotated[str, typer.Argument(metavar="URL", help="The feed's http(s) URL.")]
DEFAULT_INTERVAL = 900


@feeds_app.command("add")
def feeds_add(url: UrlArgument, db: DbOption = DEFAULT_DB) -> None:
    """Watch a feed: `dossier watch` polls it and ingests the articles it lists."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        err.print(f"error: {url}: not a web address (a feed URL starts with http:// or https://)",
                  markup=False)
        raise typer.Exit(2)
    if ledger.add_feed(_open(db), url):
        out.print(f"added feed {url}; run `dossier watch` to fetch its articles", markup=False)
    else:
        out.print(f"{url}: already watched", markup=False)


@feeds_app.command("list")
def feeds_list(db: DbOption = DEFAULT_DB) -> None:
    """The watched feeds with what their last poll said."""
    store = _open(db, must_exist=True)
    out.print(_feeds_table(store))


@feeds_app.command("remove")
def feeds_remove(url: UrlArgument, db: DbOption = DEFAULT_DB) -> None:
    """Stop watching a feed. Its articles already stored stay in the knowledge base."""
    if not ledger.remove_feed(_open(db, must_exist=True), url):
        err.print(f"error: {url}: not a watched feed (see: dossier feeds list)", markup=False)
        raise typer.Exit(1)
    out.print(f"removed feed {url}", markup=False)


def watch_command(
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop.")] = False,
    interval: Annotated[float, typer.Option(
        "--interval", min=1, help="Seconds between polls when not --once.")] = DEFAULT_INTERVAL,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Also fetch feeds and articles on loopback, private and "
        "link-local addresses (refused by default).")] = False,
    user_agent: Annotated[Optional[str], typer.Option(
        "--user-agent", metavar="TEXT", help="User-Agent sent with requests, also the name "
        "robots.txt rules are matched against.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Poll the watched feeds and ingest their new articles, every --interval seconds.

    An interrupted run resumes where it stopped; an article already stored is never fetched
    again, and one that failed is retried on later runs (up to 3 tries). Stop with Ctrl-C.
    """
    store = _open(db, must_exist=True)
    with store.session() as s:
        if not ledger.feeds(s):
            err.print(f"error: no feeds to watch (add one with: dossier feeds add URL --db {db})",
                      markup=False)
            raise typer.Exit(2)
    policy = FetchPolicy(allow_private=allow_private,
                         **({"user_agent": user_agent} if user_agent else {}))
    try:
        while True:
            with Fetcher(policy) as fetcher:   # a fresh one per round: robots.txt is re-read
                report = watch_once(store, fetcher,
                                    on_message=lambda line: err.print(line, markup=False))
            out.print(report.summary(), markup=False)
            if once:
                raise typer.Exit(1 if report.errors else 0)
            time.sleep(interval)
    except KeyboardInterrupt:
        err.print("watch stopped; what was stored is recorded, the next run resumes from there")


def sources_command(db: DbOption = DEFAULT_DB) -> None:
    """The watched feeds and every article URL they listed: status, tries, error, content hash."""
    store = _open(db, must_exist=True)
    out.print(_feeds_table(store))
    table = Table(title="Articles")
    for col in ("url", "status", "attempts", "document", "content hash", "last error"):
        table.add_column(col, overflow="fold")
    with store.session() as s:
        for r in ledger.entries(s):
            _add_row(table, r.url, r.status, str(r.attempts), r.doc_id or "",
                     (r.content_hash or "")[:16], r.last_error or "")
        tally = ledger.counts(s)
    out.print(table)
    out.print(", ".join(f"{tally.get(k, 0)} {k}" for k in (ledger.DONE, ledger.PENDING, ledger.FAILED)))


def _feeds_table(store: Store) -> Table:
    table = Table(title="Feeds")
    for col in ("url", "title", "last polled", "status", "last error"):
        table.add_column(col, overflow="fold")
    with store.session() as s:
        for f in ledger.feeds(s):
            polled = f"{f.last_polled_at:%Y-%m-%d %H:%M} UTC" if f.last_polled_at else "never"
            _add_row(table, f.url, f.title or "", polled, f.last_status or "", f.last_error or "")
    return table


def _add_row(table: Table, *cells: str) -> None:
    """Cells as plain text: URLs, titles and server errors come from strangers, and a "[b]" in
    them must show as written rather than as Rich markup."""
    table.add_row(*(Text(cell) for cell in cells))
