"""Documents run through the real pipeline: the seed articles and short snippets.

The spaCy model loads once per process; the seeds are annotated once per test session.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES, Pipeline

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
# Everything before event gathering, for snippets that report no meeting at all.
WITHOUT_EVENTS = DEFAULT_STAGES[:DEFAULT_STAGES.index("dossier.annotate.events.v1")]

Annotate = Callable[..., Document]


@pytest.fixture(scope="session")
def full_pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def seed_docs(full_pipeline: Pipeline) -> dict[str, Document]:
    """The five seed articles, keyed by their number ("000" ... "004")."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"seed articles not found in {SEEDS}")
    return {p.stem[:3]: full_pipeline(Document(id=p.stem, source=p.name,
                                               raw=p.read_text(encoding="utf-8")))
            for p in paths}


@pytest.fixture(scope="session")
def annotate(full_pipeline: Pipeline) -> Annotate:
    """annotate(text, published=None, events=True, title=None) -> the annotated Document."""
    without_events = Pipeline(WITHOUT_EVENTS)

    def run(text: str, published: date | None = None, events: bool = True,
            title: str | None = None) -> Document:
        doc = Document(id="snippet", source="snippet", raw=text, published=published, title=title)
        return (full_pipeline if events else without_events)(doc)

    return run
