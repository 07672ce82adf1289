"""Near-duplicate detection: MinHash signatures per document, datasketch LSH over the corpus.

Signatures are computed in numpy (a polynomial hash of each character k-gram, then
one-permutation hashing): datasketch's own MinHash hashes every shingle with SHA-1 in
Python, which was the slowest step of ingest. The LSH index and its banding are datasketch's.
"""
import hashlib
import re

import numpy as np

_RE_SKIP = re.compile(r"[\s\W_\d]+")  # spun copies differ in words, not in layout or numbers
# The same test as a lookup table over the BMP: one numpy gather instead of a regex pass
_KEEP = np.array([not _RE_SKIP.match(chr(c)) for c in range(0x10000)])


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """64-bit hashes of the character k-grams of the text (punctuation, digits, spaces removed)."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
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


def find_duplicates(rows, threshold: float, num_perm: int = 128) -> dict[str, tuple[str, float]]:
    """Map doc_id -> (doc_id of its first copy, similarity) over rows in corpus order.

    `rows` yields (doc_id, text_sha1, signature). Exact copies match by digest;
    near copies through LSH (sub-quadratic), each pointing at the earliest document
    of its cluster. Only a cluster's first document enters the index: a corpus with
    thousands of copies of one text keeps its buckets (and each query) small.
    Memory is about num_perm * 8 bytes per distinct document, never the texts.
    """
    from datasketch import LeanMinHash, MinHashLSH  # here: it imports scipy, which workers need not load

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
