"""Ingest: read inputs, run the per-document pipeline, store each document, then resolve.

`Ingestion` is the one way documents enter the store, for `dossier ingest`, `dossier load`,
`dossier watch` and `POST /api/documents` alike: `add` a document, get its outcome (`Saved` or
`Failed`); `close` resolves across documents and counts the knowledge base. A bad input or a
document that breaks a stage fails alone with one line naming it; the rest go on. Each document
is stored in its own transaction; the corpus-level records are rebuilt once, at the close.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dossier.budget import Budget
from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES, Failed, Pipeline, failed
from dossier.pool import annotate_in_pool
from dossier.resolve.corrections import APPLIED
from dossier.resolve.rebuild import resolve_if_stale
from dossier.sources import InputError, read_inputs
from dossier.sources.fetch import Fetcher
from dossier.store.schema import ActorRow, CorrectionRow, DocumentRow, EventRow, FigureRow
from dossier.store.store import Saved, Store


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    totals: Totals | None = None   # what the knowledge base holds after the run
    # documents stored without extraction because of their language, by language
    unextracted: Counter[str] = field(default_factory=Counter)
    unparsed: int = 0   # named no country: stored and fingerprinted, not parsed
    partly: int = 0     # named one country: only the sentences around it were parsed

    def count(self, outcome: Saved | Failed, doc: Document, pipeline: Pipeline,
              on_message: Callable[[str], None]) -> None:
        """Tally one document's outcome: failed (an error line), or new / updated / unchanged."""
        if isinstance(outcome, Failed):
            self.failed += 1
            self.errors.append(str(outcome))
            on_message(str(outcome))
            return
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)
        if outcome is Saved.UNCHANGED:
            return
        if doc.focus == []:
            self.unparsed += 1
        elif pipeline.skipped(doc):
            self.unextracted[doc.language or "?"] += 1
        elif doc.focus is not None:
            self.partly += 1


def ingest(store: Store, paths: Iterable[str], stdin=None,
           on_message: Callable[[str], None] = lambda line: None,
           on_document: Callable[[], None] = lambda: None,
           on_stage: Callable[[str], None] = lambda name: None,
           fetcher: Fetcher | None = None, workers: int = 1,
           stages: Iterable[str] = DEFAULT_STAGES,
           budget: Budget | None = Budget()) -> IngestReport:
    """Ingest every input; `on_message` gets each error or warning line as it happens.
    URLs are fetched by `fetcher` (default: one with the default policy). With `workers` > 1
    the per-document stages run in that many processes; storing stays here, in input order.
    Each document's stages get `budget` (time and memory; None for no limit); `on_stage`
    gets the name of each cross-document stage as it starts."""
    report = IngestReport()
    stages = tuple(stages)
    ingestion = Ingestion(store, stages=stages, budget=budget)
    items = read_inputs(paths, stdin, fetcher=fetcher)
    stream = (((item, None) for item in items) if workers <= 1 else
              annotate_in_pool(items, workers, lambda d: not store.has_content(d.content_hash),
                               stages, budget))
    for item, annotated in stream:
        on_document()
        if isinstance(item, InputError):
            report.failed += 1
            report.errors.append(str(item))
            on_message(str(item))
            continue
        report.read += 1
        for w in item.warnings:
            line = f"warning: {item.source}: {w}"
            report.warnings.append(line)
            on_message(line)
        if workers <= 1:
            outcome = ingestion.add(item)
        else:
            outcome = ingestion.add_annotated(annotated)
            item = annotated if isinstance(annotated, Document) else item
        report.count(outcome, item, ingestion.pipeline, on_message)
    report.totals = ingestion.close(on_stage)
    return report


@dataclass(frozen=True)
class Totals:
    """What the knowledge base holds, for a summary line or an API answer."""

    documents: int
    events: int
    actors: int
    figures: int
    unapplied: int = 0   # corrections in force whose records are gone

    @classmethod
    def of(cls, store: Store) -> Totals:
        with store.session() as s:
            counts = [s.scalar(select(func.count()).select_from(row))
                      for row in (DocumentRow, EventRow, ActorRow, FigureRow)]
            unapplied = s.scalar(select(func.count()).select_from(CorrectionRow).where(
                CorrectionRow.undone_at.is_(None), CorrectionRow.outcome != APPLIED))
            return cls(*counts, unapplied=unapplied)


class Ingestion:
    """Documents into one store: annotated here (`add`) or by a worker, a batch job or a Spark
    task (`add_annotated`), each stored in its own transaction; `close` resolves.

    The pipeline (and with it the language model) is loaded on the first document that needs
    it, so an ingestion that only finds what is already stored never loads it."""

    def __init__(self, store: Store, pipeline: Pipeline | None = None,
                 stages: Iterable[str] = DEFAULT_STAGES, budget: Budget | None = Budget()):
        self.store = store
        self._pipeline = pipeline
        self._stages, self._budget = tuple(stages), budget

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self._stages, self._budget)
        return self._pipeline

    def add(self, doc: Document, then: Callable[[Session], None] | None = None) -> Saved | Failed:
        """Annotate and store one document, or say why it could not be.

        `then(session)` runs in the transaction that stores the document (or finds it already
        stored), so that a caller's bookkeeping, such as the feed ledger, commits with it.
        """
        try:
            # checked before the costly stages, and again when saving
            if self.store.has_content(doc.content_hash):
                if then is not None:
                    with self.store.session() as s:
                        then(s)
                return Saved.UNCHANGED
            annotated = self.pipeline(doc)
        except Exception as err:  # one document's failure must not stop the others
            return failed(doc, err)
        return self.add_annotated(annotated, then=then)

    def add_annotated(self, annotated: Document | Failed | None,
                      then: Callable[[Session], None] | None = None) -> Saved | Failed:
        """Store a document annotated elsewhere: None means it was already stored, a failure
        is passed on."""
        if annotated is None:
            return Saved.UNCHANGED
        if isinstance(annotated, Failed):
            return annotated
        try:
            return self.store.save_document(annotated, then=then)
        except Exception as err:  # one document's failure must not stop the others
            return failed(annotated, err, doing="store")

    def close(self, on_stage: Callable[[str], None] = lambda name: None) -> Totals:
        """Resolve across documents if anything changed, or if an earlier run stored documents
        it did not live to resolve, and count what the store now holds."""
        resolve_if_stale(self.store, on_stage)   # every document stored makes the store stale
        return Totals.of(self.store)
