"""The sentences and tokens tables of a batch, built column-wise: one segmenter call per chunk of documents."""
from itertools import chain

import numpy as np
import pyarrow as pa

from ..schemas import from_columns
from .sentences import split_sentences
from .simplify import simplified_view
from .words import Segmenter

CHUNK_CHARS = 1 << 16  # characters segmented per call: large enough to amortise, small in memory


def slice_strings(text: str, starts: np.ndarray, ends: np.ndarray) -> pa.Array:
    """text[s:e] for each sorted, non-overlapping span, as one Arrow string array (no Python strings)."""
    n = len(starts)
    if n == 0:
        return pa.array([], pa.string())
    data = text.encode("utf-8")
    raw = np.frombuffer(data, dtype=np.uint8)
    # byte offset of every character: the bytes that are not UTF-8 continuation bytes, then the end
    byte_at = np.append(np.flatnonzero((raw & 0xC0) != 0x80), len(data))
    # Interleave span starts and ends: even items are the spans, odd ones the gaps between them.
    bounds = np.empty(2 * n, dtype=np.int32)
    bounds[0::2] = byte_at[starts]
    bounds[1::2] = byte_at[ends]
    both = pa.StringArray.from_buffers(2 * n - 1, pa.py_buffer(bounds), pa.py_buffer(data))
    return both.take(pa.array(np.arange(0, 2 * n - 1, 2)))


def _chunks(texts: list[str], limit: int):
    """Index ranges of consecutive documents holding about `limit` characters each."""
    lo, size = 0, 0
    for i, text in enumerate(texts):
        size += len(text)
        if size >= limit:
            yield lo, i + 1
            lo, size = i + 1, 0
    if lo < len(texts):
        yield lo, len(texts)


def _sentence_index(texts: list[str]):
    """Per sentence: document index, sentence number, start and end, over a list of documents."""
    spans: list[tuple[int, int]] = []
    counts = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        found = split_sentences(text)
        spans.extend(found)
        counts[i] = len(found)
    n = len(spans)
    flat = np.fromiter(chain.from_iterable(spans), dtype=np.int64, count=2 * n).reshape(n, 2)
    doc = np.repeat(np.arange(len(texts)), counts)
    sid = np.arange(n) - np.repeat(np.cumsum(counts) - counts, counts)
    return doc, sid.astype(np.int32), flat[:, 0], flat[:, 1]


def _joined(texts: list[str], doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> str:
    """The sentences, one per line, so no token can cross a sentence boundary."""
    return "\n".join([texts[d][s:e] for d, s, e in zip(doc.tolist(), start.tolist(), end.tolist())])


def segment_chunk(doc_ids: list[str], texts: list[str], scripts: list[str], seg: Segmenter):
    """Sentences and tokens columns for a few documents, segmented in one call."""
    doc, sid, start, end = _sentence_index(texts)
    original = _joined(texts, doc, start, end)
    views = [simplified_view(t, s) for t, s in zip(texts, scripts)]
    view = original if views == texts else _joined(views, doc, start, end)
    jstart = np.zeros(len(doc), dtype=np.int64)  # where each sentence starts in the joined text
    np.cumsum(end[:-1] - start[:-1] + 1, out=jstart[1:])
    ids = pa.array(doc_ids, pa.string())
    sentences = {
        "doc_id": ids.take(pa.array(doc)), "sent_id": sid, "start": start, "end": end,
        "text": slice_strings(original, jstart, jstart + end - start),
    }
    toks = seg.segment(view)
    k = np.searchsorted(jstart, toks.starts, side="right") - 1  # the sentence of each token
    shift = start[k] - jstart[k]
    tokens = {
        "doc_id": ids.take(pa.array(doc[k])), "sent_id": sid[k],
        "start": toks.starts + shift, "end": toks.ends + shift,
        # the original characters, also for a traditional document segmented through its view
        "text": slice_strings(original, toks.starts, toks.ends), "pos": toks.pos,
        "segmenter": pa.array([seg.name], pa.string()).take(pa.array(np.zeros(len(k), dtype=np.int64))),
    }
    return sentences, tokens


def segment_documents(doc_ids: list[str], texts: list[str], scripts: list[str], seg: Segmenter) -> dict:
    """The sentences and tokens tables (SPEC §5) of a list of documents."""
    parts = [segment_chunk(doc_ids[lo:hi], texts[lo:hi], scripts[lo:hi], seg) for lo, hi in _chunks(texts, CHUNK_CHARS)]
    if not parts:
        parts = [segment_chunk([], [], [], seg)]
    # one table per chunk, concatenated without copying: Parquet writes chunked columns as they are
    return {
        "sentences": pa.concat_tables([from_columns("sentences", s) for s, _ in parts]),
        "tokens": pa.concat_tables([from_columns("tokens", t) for _, t in parts]),
    }
