"""Progress of long work on a terminal: documents done, of how many, how fast, how long left;
then the cross-document stages by name. Nothing is drawn when the output is not a terminal
(a log or a pipe gets only the summary line).
"""
from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task,
                           TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from dossier.sources import InputError
from dossier.sources.files import JSONL_SUFFIXES, supported_files
from dossier.sources.url import is_url

COUNT_UP_TO = 256 * 2 ** 20   # bytes of JSON Lines counted line by line; a larger file is not


class RateColumn(ProgressColumn):
    """Documents per second (Rich has a column for bytes per second, not for items)."""

    def render(self, task: Task) -> Text:
        if not task.fields.get("rate", True):
            return Text("")
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f} docs/s", style="progress.data.speed")


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know: a file is one, a JSON
    Lines file one per non-blank line, a directory what its supported files hold. None when
    any input cannot be counted cheaply (standard input, a very large JSON Lines file)."""
    total = 0
    for path in paths:
        if path == "-" or is_url(path):
            total += 1
        elif os.path.isdir(path):
            for found in supported_files(path):   # the files the reader will read
                n = 1 if isinstance(found, InputError) else _count_file(found)
                if n is None:
                    return None
                total += n
        else:
            n = _count_file(path)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: str) -> int | None:
    if not path.lower().endswith(JSONL_SUFFIXES):
        return 1
    try:
        if os.path.getsize(path) > COUNT_UP_TO:
            return None
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except (OSError, EOFError):
        return 1   # unreadable: the reader will report it, as one failed input


@dataclass
class Tracker:
    """What a long job calls as it goes; each call redraws the bar (or does nothing)."""

    progress: Progress
    task: int

    def total(self, n: int | None) -> None:
        self.progress.update(self.task, total=n)

    def document(self) -> None:
        self.progress.advance(self.task)

    def share(self, done: float) -> None:
        """`done` of the work (0 to 1) is finished, for jobs that count tasks, not documents."""
        total = self.progress.tasks[self.task].total
        if total:
            self.progress.update(self.task, completed=round(done * total))

    def stage(self, name: str) -> None:
        self.progress.update(self.task, description=f"resolving: {name}")


@contextmanager
def tracking(console: Console, what: str, total: int | None = None,
             rate: bool = True) -> Iterator[Tracker]:
    """A progress bar on `console` while the block runs, removed when it ends; `rate` says
    whether documents per second mean anything (not for a rebuild's stages)."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  RateColumn(), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                  console=console, disable=not console.is_terminal,
                  transient=True) as progress:
        yield Tracker(progress, progress.add_task(what, total=total, rate=rate))
