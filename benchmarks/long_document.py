"""Seconds per stage on one long document, at several lengths: does any stage grow faster
than the text?

    python benchmarks/long_document.py ../shared/corpora/whitehouse-2021-2026.jsonl.gz \\
        --sizes 100000 200000 400000

The document is made of the corpus's statements that name Kenya or Nigeria, joined and cut at
each length; every stage runs without a time budget. Each line printed is one JSON object:
{"characters", "seconds", "stages": {stage: seconds}} (stages under 0.05 s left out).
"""
from __future__ import annotations

import argparse
import gzip
import json
import time

from dossier.budget import spending
from dossier.document import Document
from dossier.pipeline import Pipeline


def long_text(corpus: str, limit: int) -> str:
    texts: list[str] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text", "")
            if "Kenya" in text or "Nigeria" in text:
                texts.append(text)
            if sum(map(len, texts)) > limit:
                break
    return "\n\n".join(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    args = parser.parse_args()
    text = long_text(args.corpus, max(args.sizes))
    pipeline = Pipeline(budget=None)
    for size in args.sizes:
        doc = Document(id="long", source="long", raw=text[:size])
        stages: dict[str, float] = {}
        with spending(None):
            for stage in pipeline.stages:
                if stage.reads(doc):
                    t0 = time.perf_counter()
                    doc = stage.fn(doc)
                    stages[stage.name] = round(time.perf_counter() - t0, 2)
        print(json.dumps({"characters": size, "seconds": round(sum(stages.values()), 1),
                          "stages": {k: v for k, v in stages.items() if v >= 0.05}}))


if __name__ == "__main__":
    main()
