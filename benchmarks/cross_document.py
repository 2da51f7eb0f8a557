"""Cost of the cross-document stages (`rebuild`) at growing corpus sizes, and of loading a store.

Why synthetic copies: the White House corpus has 7,855 documents, and the issue asks for 10k and
100k. So the per-document stages run once over a sample of real documents (cached as batch
records), and a corpus of n documents is made of n / sample copies of it, each copy with its own
people (every surname varied), its own dates (shifted by a whole number of weeks), its own URLs
and an unrelated MinHash signature (so copies are not taken for near-duplicates of each other).
Countries and programmes stay as they are: the United States is in most events of every copy,
which is the worst case for blocking by participant.

Each size runs in its own spawned process, so its peak resident memory (ru_maxrss) is its own;
the figure of merit is how time grows against n and n log n. Last, one more document is added
the way `watch` and `POST /api/documents` add one (store it, resolve the store), timed against
the full rebuild.

    python benchmarks/cross_document.py CORPUS.jsonl.gz --sample 1000 --sizes 1000 10000 100000
    python benchmarks/cross_document.py CORPUS.jsonl.gz --sizes 1000 10000 --db postgresql+psycopg://127.0.0.1/test

The last line of output is JSON.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import math
import multiprocessing
import random
import resource
import time
from datetime import timedelta
from pathlib import Path

from dossier.participants import PERSON, kind_of
from dossier.batch.records import from_record, to_record
from dossier.document import DateValue, Document, PersonMention
from dossier.sources import InputError, read_inputs

SYLLABLES = ("ka", "ri", "mo", "te", "lu", "sa", "ne", "vo", "di", "pa", "zu", "ho")


def annotated_sample(corpus: str, size: int, cache: Path, workers: int) -> list[dict]:
    """Records of the first `size` documents of `corpus`, annotated once and cached."""
    if cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f]
    from dossier.pool import annotate_in_pool
    docs = (x for x in read_inputs([corpus]) if not isinstance(x, InputError))
    records = []
    for _, done in annotate_in_pool((d for _, d in zip(range(size), docs)), workers, lambda d: True):
        if isinstance(done, Document):
            records.append(to_record(done))
    with gzip.open(cache, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return records


def _tag(copy: int) -> str:
    """A name-like suffix unique to a copy: 0 -> "", 1 -> "ka", 13 -> "kari" ..."""
    out = ""
    while copy:
        copy, k = divmod(copy - 1, len(SYLLABLES))
        out = SYLLABLES[k] + out
    return out


def varied(doc: Document, copy: int) -> Document:
    """Copy number `copy` of `doc`: other people, other dates, other URLs, other fingerprint."""
    if copy == 0:
        return doc
    tag, shift = _tag(copy), timedelta(weeks=copy)

    def name(n: str) -> str:
        # "Joe Biden" -> "Joe Bidenka"; countries, organisations and role-only keys stay
        return n + tag if n and kind_of(n) == PERSON else n

    def when(v: DateValue | None) -> DateValue | None:
        if v is None:
            return None
        return dataclasses.replace(v, earliest=v.earliest and v.earliest + shift,
                                   latest=v.latest and v.latest + shift)

    rng = random.Random(copy)
    out = dataclasses.replace(
        doc, id=f"{doc.id}~{copy}", raw=f"{doc.raw}\n<!-- copy {copy} -->",
        url=doc.url and f"{doc.url}-{copy}", canonical_url=doc.canonical_url and f"{doc.canonical_url}-{copy}",
        published=doc.published and doc.published + shift,
        minhash=[h ^ rng.getrandbits(32) for h in doc.minhash],
        people=[PersonMention(p.span, p.surface, name(p.name), p.roles, p.country) for p in doc.people],
        quotes=[dataclasses.replace(q, speaker=q.speaker and name(q.speaker)) for q in doc.quotes],
        dates=[dataclasses.replace(d, value=when(d.value)) for d in doc.dates],
        events=[dataclasses.replace(e, participants=[name(p) for p in e.participants],
                                    date=when(e.date)) for e in doc.events])
    return out


def _run_size(records: list[dict], size: int, db: str) -> dict:
    from sqlalchemy import func, select

    from dossier.ingest import Ingestion
    from dossier.resolve.rebuild import rebuild
    from dossier.store.schema import ActorRow, DocumentRow, EventRow
    from dossier.store.store import Store
    store = Store(db)
    loaded = None
    with store.session() as s:
        kept = s.scalar(select(func.count()).select_from(DocumentRow))
    if not kept:   # else a store kept from an earlier run (--reuse): time the rebuild only
        docs = [from_record(r) for r in records]
        start = time.perf_counter()
        for i in range(size):
            store.save_document(varied(docs[i % len(docs)], i // len(docs)))
        loaded = round(time.perf_counter() - start, 1)
    start = time.perf_counter()
    rebuild(store)
    rebuilt = time.perf_counter() - start
    with store.session() as s:
        events = s.scalar(select(func.count()).select_from(EventRow))
        actors = s.scalar(select(func.count()).select_from(ActorRow))
    # one more document, annotated already, as `watch` or `POST /api/documents` would add it:
    # stored, then the store resolved (the target: 1/50 of a rebuild at 100,000)
    docs = [from_record(r) for r in records[:1]]
    start = time.perf_counter()
    ingestion = Ingestion(store)
    ingestion.add_annotated(varied(docs[0], size // len(records) + 1))
    ingestion.close()
    one = time.perf_counter() - start
    store.close()
    return {"documents": size, "load_s": loaded, "rebuild_s": round(rebuilt, 1),
            "one_more_document_s": round(one, 1),
            "one_more_document_ratio": round(one / max(rebuilt, 1e-9), 2),
            "events": events, "actors": actors,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _fresh(db: str, size: int, workdir: Path, reuse: bool = False) -> str:
    """An empty store for one size: a new SQLite file, or a new PostgreSQL schema; with `reuse`,
    the SQLite file of an earlier run when there is one."""
    if "://" not in db:
        path = workdir / f"cross-{size}.db"
        if not reuse:
            path.unlink(missing_ok=True)
        return str(path)
    from sqlalchemy import create_engine, text
    schema = f"bench_cross_{size}"
    engine = create_engine(db)
    with engine.begin() as c:
        c.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        c.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    sep = "&" if "?" in db else "?"
    return f"{db}{sep}options=-csearch_path%3D{schema}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="A corpus readable by dossier (e.g. .jsonl.gz).")
    parser.add_argument("--sample", type=int, default=1000, help="Real documents to annotate.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--db", default="", help="SQLAlchemy URL (default: a new SQLite file per size).")
    parser.add_argument("--workdir", default="/tmp/dossier-bench", help="Cache and SQLite files.")
    parser.add_argument("--workers", type=int, default=2, help="Processes annotating the sample.")
    parser.add_argument("--reuse", action="store_true",
                        help="Keep the SQLite stores of an earlier run and time only the rebuild.")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    records = annotated_sample(args.corpus, args.sample, workdir / f"sample-{args.sample}.jsonl.gz",
                               args.workers)
    results = []
    context = multiprocessing.get_context("spawn")
    for size in args.sizes:
        with context.Pool(1) as pool:
            result = pool.apply(_run_size, (records, size, _fresh(args.db, size, workdir, args.reuse)))
        results.append(result)
        print(result, flush=True)
    base = results[0]
    for r in results:
        ratio = r["documents"] / base["documents"]
        r["rebuild_ratio"] = round(r["rebuild_s"] / max(base["rebuild_s"], 1e-9), 1)
        r["n_ratio"] = round(ratio, 1)
        r["n_log_n_ratio"] = round(ratio * math.log(r["documents"]) / math.log(base["documents"]), 1)
    print(json.dumps({"engine": "postgresql" if "://" in args.db else "sqlite",
                      "sample": len(records), "sizes": results}))


if __name__ == "__main__":
    main()
