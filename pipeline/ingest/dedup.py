"""Near-duplicate detection: MinHash signatures per document, banded LSH over the corpus.

Signatures are computed in numpy (a polynomial hash of each character k-gram, then
one-permutation hashing): datasketch's MinHash hashes every shingle with SHA-1 in Python,
which was the slowest step of ingest. The banding follows datasketch's MinHashLSH (same
bands, same candidates) on plain dicts keyed by the signature's bytes: datasketch's index
cost 50 µs per document in the corpus-wide pass, this about 5.
"""
import functools
import hashlib
import re

import numpy as np

from ..segment.words import codepoints

_RE_SKIP = re.compile(r"[\s\W_\d]+")  # spun copies differ in words, not in layout or numbers
# The same test as a lookup table over the BMP: one numpy gather instead of a regex pass
_KEEP = np.array([not _RE_SKIP.match(chr(c)) for c in range(0x10000)])


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """64-bit hashes of the character k-grams of the text (punctuation, digits, spaces removed)."""
    cp = codepoints(text)
    keep = _KEEP[np.minimum(cp, 0xFFFF)]
    astral = np.flatnonzero(cp > 0xFFFF)
    keep[astral] = [not _RE_SKIP.match(chr(c)) for c in cp[astral]]
    cp = cp[keep].astype(np.uint64)
    if len(cp) < k:
        cp = np.pad(cp, (0, k - len(cp)))
    n = len(cp) - k + 1
    h = cp[:n].copy()
    with np.errstate(over="ignore"):  # arithmetic mod 2^64 is the point
        for j in range(1, k):
            h *= np.uint64(1_000_003)
            h += cp[j:n + j]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
    return h


def signature(text: str, num_perm: int = 128, k: int = 5) -> bytes:
    """A document's MinHash signature by one-permutation hashing: num_perm uint32 values.

    Each shingle hash falls in one of num_perm bins (its top bits) and each bin keeps
    its minimum (low 32 bits): one pass instead of num_perm hash functions, and no
    sort (repeated shingles cannot change a minimum). An empty bin borrows the next
    non-empty bin's value, offset by the distance (rotation densification,
    Shrivastava & Li 2014), so short documents still compare bin by bin.
    """
    if num_perm & (num_perm - 1):
        raise ValueError("num_perm must be a power of two")
    h = shingle_hashes(text, k)
    bins = (h >> np.uint64(64 - num_perm.bit_length() + 1)).astype(np.intp)
    empty_value = np.uint64(1 << 32)
    mins = np.full(num_perm, empty_value, dtype=np.uint64)
    np.minimum.at(mins, bins, h & np.uint64(0xFFFFFFFF))
    empty = np.flatnonzero(mins == empty_value)
    if len(empty):
        filled = np.flatnonzero(mins != empty_value)
        nxt = filled[np.searchsorted(filled, empty) % len(filled)]
        dist = ((nxt - empty) % num_perm).astype(np.uint64)
        mins[empty] = (mins[nxt] + dist * np.uint64(0x9E3779B1)) & np.uint64(0xFFFFFFFF)
    return mins.astype(np.uint32).tobytes()


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


@functools.cache
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising the equal-weighted false positive and negative areas.

    The choice datasketch's MinHashLSH makes (its _optimal_param), with Gauss-Legendre
    quadrature in place of scipy's adaptive integration.
    """
    nodes, weights = np.polynomial.legendre.leggauss(64)

    def integral(f, lo: float, hi: float) -> float:
        x = (hi - lo) / 2 * nodes + (hi + lo) / 2
        return float((hi - lo) / 2 * weights @ f(x))

    best, params = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = integral(lambda s: 1 - (1 - s ** r) ** b, 0.0, threshold)
            fn = integral(lambda s: (1 - s ** r) ** b, threshold, 1.0)
            if 0.5 * fp + 0.5 * fn < best:
                best, params = 0.5 * fp + 0.5 * fn, (b, r)
    return params


def find_duplicates(rows, threshold: float, num_perm: int = 128) -> dict[str, tuple[str, float]]:
    """Map doc_id -> (doc_id of its first copy, similarity) over rows in corpus order.

    `rows` yields (doc_id, text_sha1, signature). Exact copies match by digest; near
    copies through banded LSH (sub-quadratic): a document is compared with the earlier
    documents that share a band of its signature, earliest first, and points at the
    first one that is similar enough. Only a cluster's first document enters the bands:
    a corpus with thousands of copies of one text keeps its buckets (and each query)
    small. Memory is about 2 KB per distinct document, never the texts.
    """
    bands, rows_per_band = lsh_bands(threshold, num_perm)
    width = 4 * rows_per_band  # bytes of one band of uint32 values
    buckets: list[dict[bytes, list[int]]] = [{} for _ in range(bands)]
    first_by_sha: dict[str, str] = {}
    reps: list[tuple[str, bytes]] = []  # cluster representatives in corpus order
    dups: dict[str, tuple[str, float]] = {}
    for doc_id, sha, sig in rows:
        if sha in first_by_sha:
            dups[doc_id] = (first_by_sha[sha], 1.0)
            continue
        first_by_sha[sha] = doc_id
        keys = [sig[i * width:(i + 1) * width] for i in range(bands)]
        candidates = {c for bucket, key in zip(buckets, keys) for c in bucket.get(key, ())}
        if candidates:
            order = sorted(candidates)  # representatives are numbered in corpus order
            theirs = np.frombuffer(b"".join(reps[c][1] for c in order), dtype=np.uint32).reshape(len(order), -1)
            scores = (theirs == np.frombuffer(sig, dtype=np.uint32)).mean(axis=1)
            hit = np.flatnonzero(scores >= threshold)
            if len(hit):
                dups[doc_id] = (reps[order[hit[0]]][0], round(float(scores[hit[0]]), 3))
                continue
        for bucket, key in zip(buckets, keys):
            bucket.setdefault(key, []).append(len(reps))
        reps.append((doc_id, sig))
    return dups
