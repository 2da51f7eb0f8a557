"""Write the White House slice of the built-in sample: the documents of a corpus about Kenya.

The demo's sample is the five founding reports plus these, so `dossier demo` tells a dated
Kenya-US story (the founding reports carry no publication date). A document is about Kenya
when its title names Kenya, when Kenya is named three times or more in a document of ordinary
length (a summit communiqué naming Kenya among forty countries is not), or twice in a short
statement (a readout of a call). The corpus is public domain (whitehouse.gov).

    python scripts/kenya_sample.py ../shared/corpora/whitehouse-2021-2026.jsonl.gz \
        src/dossier/sample/whitehouse-kenya.jsonl.gz
"""
from __future__ import annotations

import argparse
import gzip
import json
import re

KENYA = re.compile(r"\bKenya")
SHORT = 5_000   # characters: a readout or a statement
LONG = 30_000   # characters: a communiqué or a list of commitments


def about_kenya(record: dict) -> bool:
    named = len(KENYA.findall(record["text"]))
    size = len(record["text"])
    return bool(KENYA.search(record.get("title") or "")) or (named >= 3 and size < LONG) \
        or (named >= 2 and size < SHORT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    args = parser.parse_args()
    kept = 0
    # mtime=0: the same corpus gives the same bytes, so the shipped file only changes with it
    with gzip.open(args.corpus, "rt", encoding="utf-8") as corpus, \
            gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        for line in corpus:
            record = json.loads(line)
            if about_kenya(record):
                raw.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
                kept += 1
    print(f"{kept} documents written to {args.out}")


if __name__ == "__main__":
    main()
