"""Copies of reports: the same canonical URL, or nearly the same text (MinHash LSH).

Candidates come from locality-sensitive hashing over the stored signatures, so finding them
costs about linear time; each candidate pair is then checked on its estimated Jaccard
similarity. Groups are closed transitively and the original of a group is the earliest
published report (ties: the smallest id), so the answer does not depend on ingest order.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from dossier.annotate.fingerprint import NUM_PERM, SCHEME, SEED

THRESHOLD = 0.5   # share of word 3-grams; a spun copy keeps well over half, a new report far less


@dataclass(frozen=True)
class DocIn:
    id: str
    published: date | None
    canonical_url: str | None
    minhash: list[int]


@dataclass(frozen=True)
class Duplicate:
    doc_id: str
    duplicate_of: str
    similarity: float
    reason: str


def _minhash(values: list[int]) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME,
                   hashvalues=np.array(values, dtype=np.uint32))


def find_duplicates(docs: list[DocIn]) -> list[Duplicate]:
    order = sorted(docs, key=lambda d: (d.published is None, d.published or date.min, d.id))
    rank = {d.id: i for i, d in enumerate(order)}
    parent = {d.id: d.id for d in order}
    evidence: dict[str, tuple[float, str]] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str, similarity: float, reason: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=rank.get)
            parent[drop] = keep
        later = max(a, b, key=rank.get)
        evidence[later] = max(evidence.get(later, (0.0, reason)), (similarity, reason))

    by_url: dict[str, str] = {}
    for d in order:
        if d.canonical_url:
            if d.canonical_url in by_url:
                union(by_url[d.canonical_url], d.id, 1.0, "url")
            else:
                by_url[d.canonical_url] = d.id
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    hashes = {d.id: _minhash(d.minhash) for d in order if len(d.minhash) == NUM_PERM}
    for d in order:
        if d.id not in hashes:
            continue
        for other in lsh.query(hashes[d.id]):
            similarity = hashes[d.id].jaccard(hashes[other])
            if similarity >= THRESHOLD:
                union(other, d.id, similarity, "near-duplicate")
        lsh.insert(d.id, hashes[d.id])
    return [Duplicate(d.id, find(d.id), *evidence.get(d.id, (1.0, "near-duplicate")))
            for d in order if find(d.id) != d.id]
