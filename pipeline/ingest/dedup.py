"""Near-duplicate detection: MinHash signatures per document, datasketch LSH over the corpus.

Signatures are computed in numpy (a polynomial hash of each character k-gram, then
multiply-shift hashing per permutation): datasketch's own MinHash hashes every shingle
with SHA-1 in Python, which was the slowest step of ingest. The LSH index and its
banding are datasketch's.
"""
import hashlib
import re

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

_RE_SKIP = re.compile(r"[\s\W_\d]+")  # spun copies differ in words, not in layout or numbers
_SEED = 20240601


def _perms(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """Distinct 64-bit hashes of the character k-grams of the text (punctuation, digits, spaces removed)."""
    s = _RE_SKIP.sub("", text)
    cp = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(cp) < k:
        cp = np.pad(cp, (0, k - len(cp)))
    h = np.zeros(len(cp) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic mod 2^64 is the point
        for j in range(k):
            h = h * np.uint64(1_000_003) + cp[j:len(cp) - k + 1 + j]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
    return np.unique(h)


def signature(text: str, num_perm: int = 128, k: int = 5) -> bytes:
    """A document's MinHash signature: num_perm uint32 minima, as bytes."""
    a, b = _perms(num_perm)
    h = shingle_hashes(text, k)
    mins = np.full(num_perm, 2**32 - 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(0, len(h), 4096):  # bounded memory on very long documents
            block = (h[i:i + 4096, None] * a + b) >> np.uint64(32)
            mins = np.minimum(mins, block.min(axis=0))
    return mins.astype(np.uint32).tobytes()


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def find_duplicates(rows, threshold: float, num_perm: int = 128) -> dict[str, tuple[str, float]]:
    """Map doc_id -> (doc_id of its first copy, similarity) over rows in corpus order.

    `rows` yields (doc_id, text_sha1, signature). Exact copies match by digest;
    near copies through LSH (sub-quadratic), each pointing at the earliest document
    of its cluster. Only a cluster's first document enters the index: a corpus with
    thousands of copies of one text keeps its buckets (and each query) small.
    Memory is about num_perm * 8 bytes per distinct document, never the texts.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    first_by_sha: dict[str, str] = {}
    sigs: dict[str, np.ndarray] = {}
    order: dict[str, int] = {}
    dups: dict[str, tuple[str, float]] = {}
    for doc_id, sha, sig in rows:
        if sha in first_by_sha:
            dups[doc_id] = (first_by_sha[sha], 1.0)
            continue
        first_by_sha[sha] = doc_id
        values = np.frombuffer(sig, dtype=np.uint32)
        m = LeanMinHash(seed=1, hashvalues=values, scheme="affine32")
        for cand in sorted(lsh.query(m), key=order.__getitem__):
            score = float(np.mean(sigs[cand] == values))
            if score >= threshold:
                dups[doc_id] = (cand, round(score, 3))
                break
        else:
            order[doc_id] = len(order)
            sigs[doc_id] = values
            lsh.insert(doc_id, m)
    return dups
