"""What a reader reports when an input cannot become a document, and the size limit.

A bad input must fail alone: one unreadable file in a directory of thousands, or one malformed
line in a JSON Lines dump, is reported and the run goes on. So readers *yield* an `InputError`
in place of the document instead of raising, and the caller decides whether to print, count or
raise it (it is an exception too, so `raise err` works).
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 10_000_000
"""Largest text file or JSON line read, in bytes (10 MB): a bigger input is almost certainly not
one news article, and reading it would hold the whole thing in memory."""


@dataclass(unsafe_hash=True)
class InputError(Exception):
    """One input (a file, "path:LINE" of a JSON Lines file, or "-" for stdin) that gave no document.

    `reason` is written for the person who gave the input: it says what is wrong with it, not
    which function failed.
    """

    input: str
    reason: str

    def __post_init__(self) -> None:
        # Keep `args` filled so that the error pickles to a worker process and back.
        super().__init__(self.input, self.reason)

    def __str__(self) -> str:
        return f"error: {self.input}: {self.reason}"


def format_size(n_bytes: int) -> str:
    """A size as a person reads it: "52.4 MB", "10 MB", "812 bytes" (decimal units, like `ls -h --si`)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n_bytes >= scale:
            return f"{n_bytes / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n_bytes} bytes"


def too_large(what: str, size: int, limit: int) -> str:
    """The reason for an input over the limit, e.g. "file too large (52.4 MB > 10 MB limit)"."""
    shown, shown_limit = format_size(size), format_size(limit)
    if shown == shown_limit:  # 10.00004 MB would read "10 MB > 10 MB": give the bytes instead
        shown, shown_limit = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{what} too large ({shown} > {shown_limit} limit)"
