"""Two ways to use every core on one machine: `dossier ingest --workers N` against Spark
`local[N]` (`dossier batch` then `dossier load`), on the same documents, in one run.

Each command runs as a subprocess (as a user would run it) and is timed from start to exit, so
Spark's JVM start-up counts against it, as it would for the user. The two knowledge bases are
exported and compared: both engines must give the same one.

    python benchmarks/engines.py CORPUS.jsonl.gz --limit 400 --cores 2

The last line of output is JSON.
"""
from __future__ import annotations

import argparse
import filecmp
import gzip
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOSSIER = [str(Path(sys.executable).with_name("dossier"))]   # the installed command


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([*DOSSIER, *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):   # 1: some documents failed, which both engines report
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    return time.perf_counter() - start


def _export(db: Path, out: Path) -> Path:
    _run(["export", "--db", str(db), "--out", str(out)])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="A .jsonl or .jsonl.gz corpus.")
    parser.add_argument("--limit", type=int, default=400, help="Documents to take from its start.")
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dossier-engines-"))
    try:
        sample = work / "sample.jsonl"
        opener = gzip.open if args.corpus.endswith(".gz") else open
        with opener(args.corpus, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, args.limit))
        words = sum(len(json.loads(line).get("text", "").split()) for line in sample.open(encoding="utf-8"))

        pool = _run(["ingest", str(sample), "--db", str(work / "pool.db"), "--workers", str(args.cores)])
        batch = _run(["batch", "--engine", "spark", str(sample), "--out", str(work / "parquet"),
                      "--master", f"local[{args.cores}]"])
        load = _run(["load", str(work / "parquet"), "--db", str(work / "spark.db"),
                     "--master", f"local[{args.cores}]"])
        a, b = _export(work / "pool.db", work / "pool"), _export(work / "spark.db", work / "spark")
        names = sorted(p.name for p in a.glob("*.jsonl"))
        same = all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)
        print(json.dumps({
            "documents": args.limit, "words": words, "cores": args.cores,
            "ingest_workers_s": round(pool, 1),
            "spark_batch_s": round(batch, 1), "spark_load_s": round(load, 1),
            "spark_total_s": round(batch + load, 1),
            "spark_to_workers_ratio": round((batch + load) / pool, 2),
            "same_knowledge_base": same}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
