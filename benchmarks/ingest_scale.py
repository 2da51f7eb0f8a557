"""Whole `dossier ingest --workers N` runs on growing prefixes of a corpus: wall time, documents
per second, and the peak memory of the workers (the per-document stages, which must stay flat
as the corpus grows) and of the parent (reading, storing, then the cross-document stages).

Memory is read from /proc every 0.2 s for the parent and each of its children, so no process
needs instrumenting; the store is a fresh SQLite file per size. The run with the largest size is
the "whole corpus on one machine" figure.

    python benchmarks/ingest_scale.py CORPUS.jsonl.gz --sizes 500 2000 0 --workers 2   # 0: all

The last line of output is JSON.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DOSSIER = str(Path(sys.executable).with_name("dossier"))   # the installed command
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0   # the process has ended


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _watch(process: subprocess.Popen, peaks: dict[str, int]) -> None:
    while process.poll() is None:
        peaks["parent_kb"] = max(peaks["parent_kb"], _rss_kb(process.pid))
        for child in _children(process.pid):
            peaks["worker_kb"] = max(peaks["worker_kb"], _rss_kb(child))
        time.sleep(0.2)


def run(corpus: str, size: int, workers: int, work: Path) -> dict:
    sample = work / f"first-{size or 'all'}.jsonl"
    opener = gzip.open if corpus.endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        lines = itertools.islice(src, size) if size else src
        count = sum(1 for line in lines if dst.write(line))
    db = work / f"kb-{size or 'all'}.db"
    db.unlink(missing_ok=True)
    peaks = {"parent_kb": 0, "worker_kb": 0}
    start = time.perf_counter()
    process = subprocess.Popen([DOSSIER, "ingest", str(sample), "--db", str(db), "--workers",
                                str(workers)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    watcher = threading.Thread(target=_watch, args=(process, peaks))
    watcher.start()
    summary, _ = process.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    return {"documents": count, "workers": workers, "seconds": round(seconds, 1),
            "docs_per_s": round(count / seconds, 2),
            "peak_worker_rss_mb": round(peaks["worker_kb"] / 1024),
            "peak_parent_rss_mb": round(peaks["parent_kb"] / 1024),
            "summary": " ".join(summary.split())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="A .jsonl or .jsonl.gz corpus.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 0],
                        help="Documents from the start of the corpus; 0 for all of it.")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="dossier-ingest-") as tmp:
        for size in args.sizes:
            results.append(run(args.corpus, size, args.workers, Path(tmp)))
            print(results[-1], flush=True)
    print(json.dumps({"runs": results}))


if __name__ == "__main__":
    main()
