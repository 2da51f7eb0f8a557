"""Run the per-document stages on every core of one machine, keeping the input order.

The stages are pure functions of one document, so they can run in worker processes while the
parent does what must stay single: reading inputs and writing to the store (one transaction per
document). Each worker loads the spaCy model once, when it starts. Documents go to the workers
in small chunks with a bounded window of chunks in flight, so a corpus of millions of lines never
sits in memory (`multiprocessing.Pool.imap` would read its whole input ahead of the workers).
The spaCy `Doc` stays in the worker: it is dropped after the last stage, since nothing after the
stages (storing, resolving) reads it.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from dossier.budget import Budget
from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES, Failed, Pipeline, failed
from dossier.sources import InputError

Item = Document | InputError
Outcome = Document | Failed | None   # annotated, failed, or nothing to do

CHUNK = 4          # documents per task: fewer round trips, still fine-grained
WINDOW = 2         # chunks in flight per worker: every worker busy, memory bounded

# The pipeline of this worker process, made once by the initializer. It is a per-process
# cache of the model and the stages, not state that changes what a document becomes.
_PIPELINE: Pipeline | None = None


def annotate_in_pool(items: Iterable[Item], workers: int, wanted: Callable[[Document], bool],
                     stages: Iterable[str] = DEFAULT_STAGES,
                     budget: Budget | None = Budget()) -> Iterator[tuple[Item, Outcome]]:
    """Yield each item, in input order, with its annotated document or an error line.

    Items that are input errors, or documents `wanted` declines (already stored), are yielded
    with None and never sent to a worker.
    """
    context = multiprocessing.get_context("spawn")   # no forked copy of the parent's state
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(tuple(stages), budget)) as pool:
        pending: deque[tuple[list[Item], list[bool], Future]] = deque()
        it = iter(items)
        while chunk := list(islice(it, CHUNK)):
            sent = [isinstance(x, Document) and wanted(x) for x in chunk]
            todo = [x for x, s in zip(chunk, sent) if s]
            pending.append((chunk, sent, pool.submit(_annotate_chunk, todo)))
            while len(pending) > WINDOW * workers:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(chunk: list[Item], sent: list[bool], future: Future) -> Iterator[tuple[Item, Outcome]]:
    results = iter(future.result())
    for item, was_sent in zip(chunk, sent):
        yield item, next(results) if was_sent else None


def _start(stages: tuple[str, ...], budget: Budget | None) -> None:
    """Worker initializer: build the pipeline and load the model before the first document."""
    global _PIPELINE
    from dossier.annotate.nlp import load_model
    _PIPELINE = Pipeline(stages, budget)
    load_model()


def _annotate_chunk(docs: list[Document]) -> list[Document | Failed]:
    assert _PIPELINE is not None, "worker started without its initializer"
    return [annotate_one(_PIPELINE, doc) for doc in docs]


def annotate_one(pipeline: Pipeline, doc: Document) -> Document | Failed:
    """Run the stages on one document, ready to cross a process boundary, or say why not."""
    try:
        done = pipeline(doc)
    except Exception as err:  # one document's failure must not stop the others
        return failed(doc, err)
    done.nlp = None
    return done
