"""Throughput of the per-document stages, as a ratio to bare spaCy over the same texts.

Why a ratio: absolute documents/s depend on the machine; the cost of dossier's own stages on top
of the spaCy parse it needs anyway does not, so that is the figure to watch. Each measurement
runs in its own child process (spawned), so its peak resident memory (ru_maxrss) is its own.

    python benchmarks/throughput.py CORPUS.jsonl.gz --limit 200

The last line of output is JSON.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import time

from dossier.document import Document
from dossier.sources import read_inputs


def _sample(path: str, limit: int) -> list[Document]:
    docs: list[Document] = []
    for item in read_inputs([path]):
        if isinstance(item, Document):
            docs.append(item)
            if len(docs) >= limit:
                break
    return docs


def _pipeline(path: str, limit: int) -> dict:
    from dossier.annotate.nlp import load_model
    from dossier.pipeline import Pipeline
    docs, pipeline = _sample(path, limit), Pipeline()
    load_model()
    start, words, texts, failed = time.perf_counter(), 0, [], 0
    for doc in docs:
        try:
            done = pipeline(doc)
        except Exception:  # counted, as ingest would report it
            failed += 1
            continue
        words += len(done.text.split())
        texts.append(done.text)
        done.nlp = None
    seconds = time.perf_counter() - start
    return {"documents": len(docs), "failed": failed, "words": words, "seconds": seconds,
            "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "texts": texts}


def _spacy(texts: list[str]) -> dict:
    from dossier.annotate.nlp import load_model
    nlp = load_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return {"seconds": time.perf_counter() - start,
            "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="A corpus readable by dossier (e.g. .jsonl.gz).")
    parser.add_argument("--limit", type=int, default=200, help="Documents to sample.")
    args = parser.parse_args()
    with multiprocessing.get_context("spawn").Pool(1, maxtasksperchild=1) as pool:
        ours = pool.apply(_pipeline, (args.path, args.limit))
        texts = ours.pop("texts")
        bare = pool.apply(_spacy, (texts,))
    result = {
        "documents": ours["documents"], "failed": ours["failed"], "words": ours["words"],
        "pipeline_docs_per_s": round(ours["documents"] / ours["seconds"], 2),
        "pipeline_words_per_s": round(ours["words"] / ours["seconds"]),
        "spacy_docs_per_s": round(len(texts) / bare["seconds"], 2),
        "spacy_words_per_s": round(ours["words"] / bare["seconds"]),
        "time_ratio_to_spacy": round(ours["seconds"] / bare["seconds"], 2),
        "pipeline_peak_rss_mb": round(ours["maxrss_kb"] / 1024, 1),
        "spacy_peak_rss_mb": round(bare["maxrss_kb"] / 1024, 1),
        "memory_ratio_to_spacy": round(ours["maxrss_kb"] / bare["maxrss_kb"], 2),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
