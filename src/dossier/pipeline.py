"""The per-document pipeline: small named stages in one registry, run in a fixed order.

Every stage is a function of one `Document` that returns it, registered under a versioned name
(`dossier.clean.boilerplate.v1`). The CLI, and later a worker pool or a Spark task, all call
`process()`, so they cannot drift apart. A stage declares what it needs and what it adds; the
order is checked once when the pipeline is built, not at every document.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dossier.document import Document

StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    needs: tuple[str, ...]
    adds: tuple[str, ...]


REGISTRY: dict[str, Stage] = {}


def stage(name: str, needs: Iterable[str] = (), adds: Iterable[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register a stage function under `name`."""

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, fn, tuple(needs), tuple(adds))
        return fn

    return register


DEFAULT_STAGES = (
    "dossier.clean.metadata.v1",
    "dossier.clean.boilerplate.v1",
    "dossier.clean.repair.v1",
    "dossier.annotate.fingerprint.v1",
    "dossier.annotate.nlp.v1",
    "dossier.annotate.dates.v1",
    "dossier.annotate.people.v1",
    "dossier.annotate.money.v1",
    "dossier.annotate.quotes.v1",
    "dossier.annotate.initiatives.v1",
    "dossier.annotate.events.v1",
    "dossier.annotate.typed_events.v1",
)


class PipelineError(ValueError):
    """A stage is unknown or runs before what it needs."""


class Pipeline:
    def __init__(self, names: Iterable[str] = DEFAULT_STAGES):
        _load_builtin_stages()
        self.stages: list[Stage] = []
        available = {"raw"}
        for name in names:
            if name not in REGISTRY:
                raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(REGISTRY))}")
            st = REGISTRY[name]
            missing = [n for n in st.needs if n not in available]
            if missing:
                raise PipelineError(f"stage {name} needs {', '.join(missing)}, which no earlier stage adds")
            available.update(st.adds)
            self.stages.append(st)

    def __call__(self, doc: Document) -> Document:
        for st in self.stages:
            doc = st.fn(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def _load_builtin_stages() -> None:
    """Import the modules whose decorators fill the registry."""
    from dossier.annotate import (dates, events, fingerprint, initiatives, money, nlp,  # noqa: F401
                                  people, quotes, typed_events)
    from dossier.clean import boilerplate, metadata, repair  # noqa: F401
