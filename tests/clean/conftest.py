"""Fixtures for the cleaning stages: the seed articles, and a runner for the clean stages."""
from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from dossier.clean import boilerplate, metadata, repair  # noqa: F401  (fills the registry)
from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES, REGISTRY

SHARED_SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
CLEAN_STAGES = tuple(name for name in DEFAULT_STAGES if name.startswith("dossier.clean."))


def shared_seed(name: str) -> str:
    """A seed article as saved in the shared corpus."""
    path = SHARED_SEEDS / name
    if not path.exists():
        pytest.skip(f"shared seed corpus not found at {SHARED_SEEDS}")
    return path.read_text(encoding="utf-8")


def sample_seed(name: str) -> str:
    """The same article as shipped with the package (what `dossier demo` reads)."""
    return (resources.files("dossier") / "sample" / name).read_text(encoding="utf-8")


@pytest.fixture(params=[shared_seed, sample_seed], ids=["shared", "sample"])
def seed(request: pytest.FixtureRequest) -> Callable[[str], str]:
    """Read a seed article, once from the shared corpus and once from the package's sample."""
    return request.param


def _run(raw: str, *names: str, **fields: object) -> Document:
    doc = Document(id="test", source="test", raw=raw, **fields)
    for name in names or CLEAN_STAGES:
        doc = REGISTRY[name].fn(doc)
    return doc


@pytest.fixture
def clean() -> Callable[..., Document]:
    """Run stages by registered name on raw text (all clean stages, in pipeline order, by
    default); keyword arguments become Document fields (e.g. a reader's `published`).

    Helpers are fixtures rather than imports because test directories have no __init__.py and
    every directory's conftest is imported under the same module name.
    """
    return _run
