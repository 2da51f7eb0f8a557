"""Counts and facets computed once per state of the store, not once per request.

A timeline's total and facets (counts by type, month, country, actor, topic, initiative) read
every filtered event: 90% of the time of `/api/events` on 10,000 documents, for numbers that
change only when the store does. The store counts its changes (`store_state`: `inputs` for
every document or table stored, `resolved` for every rebuild of the derived tables), so a
result kept under that pair and the request's arguments is exact until the next write, and a
write makes every older entry unreachable; the least recently used entries go first.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.store.schema import StoreStateRow

T = TypeVar("T")
SESSION_KEY = "view_cache"   # where `read_session` puts the app's cache in `Session.info`


class ViewCache:
    """A bounded, thread-safe map from (state of the store, key) to a computed value."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._values: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]   # type: ignore[return-value]
        value = compute()   # outside the lock: two threads may compute one key, never block
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value


def cached(s: Session, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """`compute()`, or its value from the session's cache for the store's present state. A
    session without a cache (the CLI, the export) always computes."""
    cache: ViewCache | None = s.info.get(SESSION_KEY)
    if cache is None:
        return compute()
    if "store_state" not in s.info:   # read once per request, before anything it qualifies
        s.info["store_state"] = tuple(sorted(s.execute(
            select(StoreStateRow.name, StoreStateRow.value)).all()))
    return cache.get((s.info["store_state"], *key), compute)
