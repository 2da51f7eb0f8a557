"""How much time and memory one document's stages may take, and the check that enforces it.

A run must not be held for minutes by one document (a server's writer, a corpus of millions).
The stages are not interrupted from outside: a signal can reach only the main thread, and a
killed worker loses its neighbours' work. Instead the pipeline looks at the clock and at the
process's memory after every stage, and the language model between the pieces of a long text
(`annotate/nlp.py`); past the budget, the document fails alone with one line saying so. With
degenerate text made cheap (runs of symbols, overlong words), a piece costs seconds, so the
budget is kept to within seconds.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    seconds: float = 300.0
    megabytes: int = 4000   # resident memory of the process, which holds one document at a time


class OverBudget(RuntimeError):
    """A document took more time or memory than its budget allows."""


_current: ContextVar[tuple[Budget, float] | None] = ContextVar("budget", default=None)


@contextmanager
def spending(budget: Budget | None) -> Iterator[None]:
    """Count time from now against `budget` for the work inside the block (one document)."""
    token = _current.set((budget, time.monotonic()) if budget is not None else None)
    try:
        yield
    finally:
        _current.reset(token)


def check(where: str) -> None:
    """Raise OverBudget if the document being processed is past its budget; `where` names the
    stage for the error line."""
    current = _current.get()
    if current is None:
        return
    budget, started = current
    spent = time.monotonic() - started
    if spent > budget.seconds:
        raise OverBudget(f"over the time budget of {budget.seconds:g} s ({spent:.0f} s) in {where}")
    used = resident_megabytes()
    if used is not None and used > budget.megabytes:
        raise OverBudget(f"over the memory budget of {budget.megabytes:,} MB ({used:,} MB) "
                         f"in {where}")


def resident_megabytes() -> int | None:
    """The process's resident memory now (Linux: /proc/self/statm), or None where unknown;
    `resource.getrusage` gives only the peak, which never comes down after a large document."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") // 1_000_000
