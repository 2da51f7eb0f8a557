"""What degenerate text costs, as a ratio to ordinary text of the same size.

A report padded with a run of symbols, a page of capitals with no sentence end, a base64 blob:
none may cost much more than prose of its length. Each text is the same news article followed
by padding of the same size; each runs through the whole pipeline in its own spawned child, so
its peak resident memory (ru_maxrss) is its own. The baseline is the article padded with more
copies of itself.

    python benchmarks/degenerate_text.py ../shared/seeds --size 200000

The last line of output is JSON.
"""
from __future__ import annotations

import argparse
import base64
import json
import multiprocessing
import resource
import time
from pathlib import Path


def _padding(kind: str, article: str, size: int) -> str:
    if kind == "prose":
        return ("\n\n" + article) * (size // (len(article) + 2) + 1)
    if kind == "symbols":
        return "!" * size
    if kind == "capitals":
        words = "KENYA AND THE UNITED STATES SIGNED A TRADE DEAL "
        return words * (size // len(words) + 1)
    if kind == "base64":
        return base64.b64encode(bytes(range(256)) * (size // 340 + 1)).decode("ascii")
    raise ValueError(kind)


def _run(text: str) -> dict:
    from dossier.annotate.nlp import load_model
    from dossier.document import Document
    from dossier.pipeline import Pipeline
    pipeline = Pipeline(budget=None)
    load_model()
    start = time.perf_counter()
    pipeline(Document(id="x", source="x", raw=text))
    return {"seconds": time.perf_counter() - start,
            "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path, help="a folder of .txt articles; the first is used")
    parser.add_argument("--size", type=int, default=200_000, help="characters of padding")
    args = parser.parse_args()
    article = sorted(args.seeds.glob("*.txt"))[0].read_text(encoding="utf-8")
    context = multiprocessing.get_context("spawn")
    results = {}
    for kind in ("prose", "symbols", "capitals", "base64"):
        text = article + "\n\n" + _padding(kind, article, args.size)[:args.size]
        with context.Pool(1) as pool:
            results[kind] = pool.apply(_run, (text,))
    base = results["prose"]
    summary = {kind: {"seconds": round(r["seconds"], 2), "maxrss_mb": r["maxrss_kb"] // 1000,
                      "time_ratio": round(r["seconds"] / base["seconds"], 2),
                      "memory_ratio": round(r["maxrss_kb"] / base["maxrss_kb"], 2)}
               for kind, r in results.items()}
    for kind, r in summary.items():
        print(f"{kind:9} {r['seconds']:7.2f} s  x{r['time_ratio']:<5}  {r['maxrss_mb']:5} MB  "
              f"x{r['memory_ratio']}")
    print(json.dumps({"size": args.size, "results": summary}))


if __name__ == "__main__":
    main()
