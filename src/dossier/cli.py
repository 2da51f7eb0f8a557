"""The `dossier` command.

Every command that reads or writes a knowledge base (all but `batch`) takes `--db` (a file
path or an SQLAlchemy URL; default `$DOSSIER_DB`, else `./dossier.db`). Errors are one readable line on stderr, never a traceback.
"""
from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from sqlalchemy import delete
from rich.console import Console

from dossier.budget import Budget
from dossier.ingest import IngestReport, Totals, ingest
from dossier.messages import one_line
from dossier.offices import load_offices
from dossier.pipeline import DEFAULT_STAGES, FOCUSED_STAGES
from dossier.progress import count_documents, tracking
from dossier.resolve.rebuild import STAGES, rebuild, resolve_if_stale
from dossier.sources.fetch import Fetcher, FetchPolicy
from dossier.rates import load_user_rates
from dossier.store.schema import OfficeHolderRow, UserRateRow
from dossier.store.store import Store, inputs_changed

app = typer.Typer(help="Build and query a sourced knowledge base of relations between countries.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
# soft_wrap: a message is one line however narrow the terminal, so scripts can read it
out = Console(soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", envvar="DOSSIER_DB",
                                       help="SQLite file path or SQLAlchemy URL.")]
DEFAULT_DB = "dossier.db"
DEMO_DB = "dossier-demo.db"


def _open(db: str, must_exist: bool = False) -> Store:
    """The store at `db`; a reading command refuses to create an empty one from a typo."""
    if must_exist and "://" not in db and not Path(db).exists():
        err.print(f"error: {db}: no knowledge base here (create one with: dossier ingest PATH --db {db})",
                  markup=False)
        raise typer.Exit(2)
    try:
        return Store(db)
    except Exception as e:   # a bad URL, a locked or foreign file: say so in one line
        err.print(f"error: {db}: cannot open the knowledge base ({one_line(e)})", markup=False)
        raise typer.Exit(2) from None


def _open_current(db: str) -> Store:
    """An existing store whose derived tables are current: if a run stored documents and was
    stopped before it resolved them, they are resolved now."""
    store = _open(db, must_exist=True)
    if resolve_if_stale(store):
        err.print(f"{db}: finished resolving documents an interrupted run stored", markup=False)
    return store


FocusedOption = Annotated[bool, typer.Option(
    "--focused", help="Read a document naming one country only around its mentions, and skip "
    "one naming none (a domestic report): about 13% faster on a White House corpus, but the "
    "people and figures of those reports are missed. By default every document is read whole.")]


def _run_ingest(store: Store, paths: list[str], fetcher: Fetcher | None = None,
                workers: int = 1, stages: tuple[str, ...] = DEFAULT_STAGES,
                budget: Budget = Budget()) -> IngestReport:
    total = count_documents(paths) if err.is_terminal else None
    with tracking(err, "ingesting", total) as track:
        return ingest(store, paths, stdin=sys.stdin.buffer,
                      on_message=lambda line: err.print(line, markup=False),
                      on_document=track.document, on_stage=track.stage, fetcher=fetcher,
                      workers=workers, stages=stages, budget=budget)


def _unapplied(totals: Totals | None) -> None:
    if totals and totals.unapplied:
        n = totals.unapplied
        out.print(f"{n} correction{'s' if n > 1 else ''} no longer appl{'y' if n > 1 else 'ies'}: "
                  "the records they correct are gone (see: dossier corrections)")


def _knowledge_base(totals: Totals | None) -> str:
    if totals is None:
        return "knowledge base not resolved"
    return (f"knowledge base: {totals.events} events, {totals.actors} actors, "
            f"{totals.figures} figures")


def _summary(r: IngestReport) -> None:
    out.print(f"documents: {r.read} read, {r.new} new, {r.updated} updated, {r.unchanged} "
              f"unchanged, {r.failed} failed; {_knowledge_base(r.totals)}")
    _unapplied(r.totals)
    if r.unextracted:
        n = sum(r.unextracted.values())
        languages = ", ".join(f"{lang}: {k}" for lang, k in sorted(r.unextracted.items()))
        out.print(f"{n} document{'s' if n > 1 else ''} kept without extraction because "
                  f"{'their' if n > 1 else 'its'} language is not English ({languages}); "
                  "extraction is English-only for now")
    if r.unparsed or r.partly:
        out.print(f"the model read {r.partly} document{'s' if r.partly != 1 else ''} naming one "
                  f"country only around its mentions, and skipped {r.unparsed} naming none "
                  "(stored and checked for copies), as --focused asks")


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files, directories, .jsonl(.gz), http(s):// URLs or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Also fetch URLs on loopback, private and link-local addresses "
        "(refused by default, so that a link cannot reach this machine or its network).")] = False,
    user_agent: Annotated[Optional[str], typer.Option(
        "--user-agent", metavar="TEXT", help="User-Agent sent with requests, also the name "
        "robots.txt rules are matched against.")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Processes running the per-document stages (each loads the "
        "language model once); storing stays in one process, in input order.")] = 1,
    focused: FocusedOption = False,
    time_limit: Annotated[float, typer.Option(
        "--time-limit", min=0, metavar="SECONDS", help="Time one document's stages may take; "
        "past it the document fails alone with one line.")] = Budget.seconds,
    memory_limit: Annotated[int, typer.Option(
        "--memory-limit", min=1, metavar="MB", help="Memory (resident, in MB) a process may "
        "hold while it reads one document; past it the document fails alone.")] = Budget.megabytes,
) -> None:
    """Read articles, extract what they say and add it to the knowledge base.

    URLs are fetched politely (robots.txt, one request per second per host, retries) and only
    from public addresses: private addresses are refused unless --allow-private is given.
    """
    store = _open(db)
    policy = FetchPolicy(allow_private=allow_private,
                         **({"user_agent": user_agent} if user_agent else {}))
    with Fetcher(policy) as fetcher:
        report = _run_ingest(store, paths, fetcher, workers,
                             FOCUSED_STAGES if focused else DEFAULT_STAGES,
                             Budget(seconds=time_limit, megabytes=memory_limit))
    _summary(report)
    raise typer.Exit(1 if report.failed else 0)


def _replace_reference_table(db: str, path: Path, load, table, to_rows, what: str) -> None:
    """Read a user's reference file, replace the table it fills, and re-resolve the corpus."""
    try:
        loaded = load(path)
    except ValueError as e:   # OfficesFileError, RatesFileError: one line naming file and line
        err.print(f"error: {e}", markup=False)
        raise typer.Exit(1) from None
    store = _open(db)
    with store.session() as s:
        s.execute(delete(table))
        s.add_all(to_rows(loaded))
        inputs_changed(s)
    rebuild(store)
    out.print(f"loaded {len(loaded)} {what} from {path}")


@app.command()
def offices(
    path: Annotated[Path, typer.Argument(help="CSV: name,title,country,valid_from,valid_to")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load a dictionary of office holders (replacing the previous one) and re-resolve."""
    _replace_reference_table(db, path, load_offices, OfficeHolderRow, lambda holders: (
        OfficeHolderRow(name=h.name, title=h.title, country=h.country, valid_from=h.valid_from,
                        valid_to=h.valid_to) for h in holders), "office holder(s)")


@app.command()
def rates(
    path: Annotated[Path, typer.Argument(help="CSV: currency,month,units_per_usd (month YYYY-MM or YYYY)")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load your own exchange rates (replacing earlier ones), preferred to the bundled HMRC rates."""
    _replace_reference_table(db, path, load_user_rates, UserRateRow, lambda loaded: (
        UserRateRow(currency=c, period=p, units_per_usd=v) for (c, p), v in loaded.items()),
        "rate(s)")


@app.command("rebuild")
def rebuild_command(db: DbOption = DEFAULT_DB) -> None:
    """Recompute what is derived across documents (actors, events, initiatives, figures in
    USD, findings) from the stored documents."""
    store = _open(db, must_exist=True)
    with tracking(err, "resolving", total=len(STAGES), rate=False) as track:
        rebuild(store, on_stage=lambda name: (track.stage(name), track.document()))
    totals = Totals.of(store)
    out.print(_knowledge_base(totals))
    _unapplied(totals)


@app.command()
def demo(db: DbOption = DEMO_DB,
         serve_it: Annotated[bool, typer.Option(
             "--serve", help="Then serve it in the browser at http://127.0.0.1:8000/.")] = False,
         ) -> None:
    """Build a knowledge base from the built-in sample (five news reports on Kenya and the
    United States, and the White House's documents on Kenya, 2021-2026) and print the
    timeline of the relationship it is most about."""
    path = Path(db)
    if "://" not in db and path.exists():
        path.unlink()   # a fresh demo every time
        for suffix in ("-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    store = _open(db)
    with resources.as_file(resources.files("dossier") / "sample") as sample:
        report = _run_ingest(store, [str(sample)])
    _summary(report)
    cli_views.print_relationship(store)
    out.print(f"knowledge base written to {db}; try: dossier actors --db {db}", markup=False)
    if serve_it:
        serve(db=db)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(
        "--token", envvar="DOSSIER_TOKEN", show_default=False,
        help="Accept new documents (POST /api/documents) from requests bearing this token "
        "('Authorization: Bearer TOKEN'); without it the server is read-only. Prefer the "
        "environment variable: a command line is visible to other users.")] = None,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Server processes: each answers requests on its own core "
        "(writes still go one at a time through the store).")] = 1,
) -> None:
    """Serve the knowledge base: JSON API under /api/ (OpenAPI at /openapi.json) and web pages."""
    _open_current(db).close()
    import uvicorn   # imported here: the other commands do not need the web stack

    from dossier.web.app import SERVE_DB, SERVE_TOKEN, SERVER_LIMITS
    mode = "accepting documents with the token" if token else "read-only"
    err.print(f"serving {db} on http://{host}:{port}/ ({mode}, {workers} process"
              f"{'es' if workers > 1 else ''}); Ctrl-C stops", markup=False)
    # each worker process builds its app from the environment (uvicorn's factory)
    os.environ[SERVE_DB], os.environ[SERVE_TOKEN] = db, token or ""
    uvicorn.run("dossier.web.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning", **SERVER_LIMITS)


def _spark(master: Optional[str]):
    """A Spark session, or one line saying how to get pyspark."""
    from dossier.batch.spark import SPARK_MISSING, spark_session
    try:
        return spark_session(master)
    except ImportError:
        err.print(SPARK_MISSING, markup=False)
        raise typer.Exit(2) from None


MasterOption = Annotated[Optional[str], typer.Option(
    "--master", help="Spark master URL (default: the spark-submit one, else local[*]).")]


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or .jsonl(.gz).")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory to write the Parquet into.")],
    engine: Annotated[str, typer.Option("--engine", help="Batch engine (spark).")] = "spark",
    master: MasterOption = None,
    focused: FocusedOption = False,
) -> None:
    """Run the per-document stages as Spark tasks and write Parquet; then use `dossier load`.

    Each task reads its own share of the inputs, so they must be readable where the tasks run."""
    if engine != "spark":
        err.print(f"error: --engine {engine}: unsupported engine (supported: spark)")
        raise typer.Exit(2)
    if "-" in paths:
        err.print("error: -: standard input cannot be read by Spark tasks; save it to a file first")
        raise typer.Exit(2)
    from dossier.batch.spark import run_batch
    spark = _spark(master)
    with tracking(err, "annotating", count_documents(paths) if err.is_terminal else None) as track:
        report = run_batch(spark, paths, str(out_dir),
                           stages=FOCUSED_STAGES if focused else DEFAULT_STAGES,
                           on_message=lambda line: err.print(line, markup=False),
                           on_progress=track.share)
    out.print(f"documents: {report.read} read, {report.failed} failed; rows written to {out_dir}; "
              f"next: dossier load {out_dir}", markup=False)
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def load(
    in_dir: Annotated[Path, typer.Argument(help="Parquet written by `dossier batch`.")],
    db: DbOption = DEFAULT_DB,
    master: MasterOption = None,
) -> None:
    """Store the documents a batch job annotated, then resolve across documents."""
    from dossier.batch.load import load as load_rows
    spark = _spark(master)
    with tracking(err, "loading") as track:
        report = load_rows(spark, _open(db), str(in_dir),
                           on_message=lambda line: err.print(line, markup=False),
                           on_total=track.total, on_document=track.document,
                           on_stage=track.stage)
    _summary(report)
    raise typer.Exit(1 if report.failed else 0)


# The reading commands live in cli_views.py, corrections in cli_corrections.py, feeds, watch
# and sources in cli_feeds.py; they use the helpers above.
from dossier import cli_views  # noqa: E402
from dossier.cli_corrections import correct_app, corrections_command  # noqa: E402
from dossier.cli_feeds import feeds_app, sources_command, watch_command  # noqa: E402

for command in (cli_views.timeline, cli_views.actors, cli_views.show, cli_views.export):
    app.command()(command)
app.add_typer(correct_app, name="correct")
app.command("corrections")(corrections_command)
app.add_typer(feeds_app, name="feeds")
app.command("watch")(watch_command)
app.command("sources")(sources_command)


def main() -> None:
    """The console entry point: an unexpected failure is one line on stderr, not a traceback."""
    try:
        code = app(standalone_mode=False)   # Click returns the exit code instead of exiting
    except typer.Exit as done:
        raise SystemExit(done.exit_code) from None
    except (typer.Abort, KeyboardInterrupt):
        err.print("interrupted: documents stored so far are complete; run again to continue")
        raise SystemExit(130) from None
    except Exception as e:  # noqa: BLE001 - the last line of defence for the user's terminal
        if hasattr(e, "show") and hasattr(e, "exit_code"):   # a usage error from Click
            e.show()
            raise SystemExit(e.exit_code) from None
        err.print(f"error: {one_line(e)}", markup=False)
        raise SystemExit(1) from None
    raise SystemExit(code if isinstance(code, int) else 0)
