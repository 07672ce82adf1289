"""Near-duplicate detection: MinHash signatures per document, LSH over the corpus."""
import hashlib
import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_RE_SKIP = re.compile(r"[\s\W_\d]+")  # spun copies differ in words, not in layout or numbers


def shingles(text: str, k: int) -> set[bytes]:
    """Character k-grams of the text without punctuation, spaces or digits."""
    s = _RE_SKIP.sub("", text)
    if len(s) <= k:
        return {s.encode()}
    return {s[i:i + k].encode() for i in range(len(s) - k + 1)}


def signature(text: str, num_perm: int = 128, k: int = 5) -> bytes:
    """A document's MinHash signature as bytes (affine32 scheme: uint32 values)."""
    m = MinHash(num_perm=num_perm, seed=1, scheme="affine32")
    m.update_batch(list(shingles(text, k)))
    return m.hashvalues.astype(np.uint32).tobytes()


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def find_duplicates(rows, threshold: float, num_perm: int = 128) -> dict[str, tuple[str, float]]:
    """Map doc_id -> (doc_id of its first copy, similarity) over rows in corpus order.

    `rows` yields (doc_id, text_sha1, signature). Exact copies match by digest;
    near copies through LSH (sub-quadratic), each pointing at the earliest document
    of its cluster. Memory is about num_perm * 8 bytes a document, never the texts.
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
                dups[doc_id] = (dups.get(cand, (cand,))[0], round(score, 3))
                break
        order[doc_id] = len(order)
        sigs[doc_id] = values
        lsh.insert(doc_id, m)
    return dups
