"""Ingest: read inputs, run the per-document pipeline, store each document, then resolve.

A bad input or a document that breaks a stage fails alone with one line naming it; the rest go
on. Each document is stored in its own transaction; the corpus-level records are rebuilt once at
the end of the run.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from dossier.document import Document
from dossier.messages import one_line
from dossier.pipeline import Pipeline
from dossier.resolve.rebuild import rebuild
from dossier.sources import InputError, read_inputs
from dossier.store.schema import ActorRow, EventRow, FigureRow
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
    events: int = 0
    actors: int = 0
    figures: int = 0


def ingest(store: Store, paths: Iterable[str], stdin=None,
           on_message: Callable[[str], None] = lambda line: None,
           on_document: Callable[[], None] = lambda: None) -> IngestReport:
    """Ingest every input; `on_message` gets each error or warning line as it happens."""
    report = IngestReport()
    pipeline = Pipeline()
    for item in read_inputs(paths, stdin):
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
        outcome = _process(store, pipeline, item)
        if isinstance(outcome, str):
            report.failed += 1
            report.errors.append(outcome)
            on_message(outcome)
        else:
            setattr(report, outcome.value, getattr(report, outcome.value) + 1)
    if report.new or report.updated:
        rebuild(store)
    with store.session() as s:
        report.events = s.scalar(select(func.count()).select_from(EventRow))
        report.actors = s.scalar(select(func.count()).select_from(ActorRow))
        report.figures = s.scalar(select(func.count()).select_from(FigureRow))
    return report


def _process(store: Store, pipeline: Pipeline, doc: Document) -> Saved | str:
    """Annotate and store one document, or say in one line why it could not be."""
    if store.has_content(doc.content_hash):
        return Saved.UNCHANGED   # checked before the costly stages, and again when saving
    try:
        return store.save_document(pipeline(doc))
    except Exception as err:  # one document's failure must not stop the others
        return f"error: {doc.source}: could not process ({one_line(err)})"
