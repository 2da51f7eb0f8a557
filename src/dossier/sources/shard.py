"""One of n disjoint parts of the inputs, picked without reading the others: how each Spark task
reads its own part of a corpus instead of receiving it through the driver.

Every task walks the same inputs in the same order and counts the units it passes (a file, a
line of JSON Lines, a URL, an error about a path); it reads and parses only the units whose
number modulo n is its own index. So the parts are disjoint and cover everything, a task holds
one document at a time, and each item's number is its place in the whole input: the order
`dossier ingest` would store it in.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Shard:
    index: int        # this part, 0 <= index < count
    count: int
    position: int = -1   # the number of the last unit passed

    def take(self) -> bool:
        """Count one more unit; whether it belongs to this part."""
        self.position += 1
        return self.position % self.count == self.index


def takes(shard: Shard | None) -> bool:
    """Whether the next unit is to be read: always, when the inputs are not split."""
    return shard is None or shard.take()
