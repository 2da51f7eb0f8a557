"""A document's fingerprints for finding copies: its canonical URL and a MinHash signature.

Computed per document (so it runs in any worker) and compared across the corpus by
`resolve.duplicates`. The signature hashes word 3-grams of the cleaned text with a fixed seed,
so the same text always gets the same signature on any machine; a reworded or "spun" copy that
keeps most of its wording keeps most of its 3-grams.
"""
from __future__ import annotations

import re

from datasketch import MinHash

from dossier.document import Document
from dossier.pipeline import stage
from dossier.sources.canonical import canonical_url

NUM_PERM = 128
SEED = 20240101
SCHEME = "affine32"   # named, so stored signatures stay readable across datasketch releases
SHINGLE = 3
def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(max(1, len(words) - SHINGLE + 1))}


def signature(text: str) -> list[int]:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return [int(v) for v in m.hashvalues]


@stage("dossier.annotate.fingerprint.v1", needs=("text",), adds=("fingerprint",))
def annotate_fingerprint(doc: Document) -> Document:
    # a page's own canonical link, when the reader found one, names it better than the URL it
    # was fetched from (an AMP copy, a link with a campaign's parameters)
    doc.canonical_url = canonical_url(doc.canonical_url or doc.url)
    doc.minhash = signature(doc.text)
    return doc
