"""Outline stage: every document's headings, levels, parents and section spans (SPEC.md §3).

Public API: OutlineStage, format_outline, prepare, sections, train (pipeline.outline.train).
"""
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..config import OutlineConfig
from ..schemas import from_columns
from ..segment.simplify import simplified_view
from . import classify
from .document import Section, batch_scores, outline, prepare, sections
from .features import FEATURES
from .render import format_outline

# Documents featurised and classified together: large enough for numpy to pay off, small
# enough that the per-line objects of a chunk do not slow the garbage collector down.
CHUNK = 128
SECTION_COLUMNS = ("doc_id", "section_id", "parent_id", "level", "marker", "style", "title",
                   "start", "end", "body_end", "run_in", "score")


class OutlineStage:
    """documents (+ sentences) → sections, and sentences with section_id filled."""

    name = "outline"
    reads = ("documents", "sentences")
    writes = ("sections", "sentences")

    def __init__(self, cfg: OutlineConfig):
        self.cfg = cfg
        self.model = classify.load(str(cfg.model), FEATURES)

    def __call__(self, batch: dict[str, pa.Table]) -> dict[str, pa.Table]:
        docs = batch["documents"]
        ids = docs["doc_id"].to_pylist()
        texts = [t or "" for t in docs["text"].to_pylist()]
        titles = _column(docs, "title")
        kinds = _column(docs, "kind")
        # traditional documents are analysed through a same-length simplified view (問題 → 问题)
        scripts = _column(docs, "script")
        views = [simplified_view(t, s) for t, s in zip(texts, scripts)]
        cols: dict[str, list] = {c: [] for c in SECTION_COLUMNS}
        for a in range(0, len(ids), CHUNK):
            b = a + CHUNK
            prepared = [prepare(*d) for d in zip(texts[a:b], titles[a:b], kinds[a:b], views[a:b])]
            for doc_id, doc, p in zip(ids[a:b], prepared, batch_scores(self.model, prepared)):
                _append_rows(cols, doc_id, sections(doc, p, self.cfg.threshold))
        table = from_columns("sections", cols)
        sents = batch.get("sentences")
        return {"sections": table, "sentences": assign_sections(sents, table, ids) if sents is not None
                else from_columns("sentences", {})}


def _column(table: pa.Table, name: str) -> list:
    """A column as a list, or Nones when the table lacks it."""
    return table[name].to_pylist() if name in table.column_names else [None] * table.num_rows


def _append_rows(cols: dict[str, list], doc_id: str, secs: list[Section]) -> None:
    """Add one document's sections to the column lists."""
    if not secs:
        return
    ids = [f"{doc_id}-s{k}" for k in range(len(secs))]
    cols["doc_id"] += [doc_id] * len(secs)
    cols["section_id"] += ids
    fields = dict(zip(Section._fields, zip(*secs)))
    cols["parent_id"] += [ids[p] if p >= 0 else None for p in fields["parent"]]
    for name in SECTION_COLUMNS[3:]:
        cols[name] += fields[name]


def assign_sections(sentences: pa.Table, secs: pa.Table, doc_ids: list[str]) -> pa.Table:
    """Sentences with section_id = the innermost section whose [start, body_end) holds their start."""
    ids = section_at(sentences["doc_id"], sentences["start"].to_numpy(), secs, doc_ids)
    return _with_section_ids(sentences, ids)


def section_at(doc: pa.Array, starts: np.ndarray, secs: pa.Table, doc_ids: list[str]) -> pa.Array:
    """section_id of the innermost section whose [start, body_end) holds each (doc, start); null outside.

    The one answer to "which section is this offset in", for sentences and entities alike.
    """
    n = len(starts)
    if n == 0 or secs is None or secs.num_rows == 0:
        return pa.nulls(n, pa.string())
    value_set = pa.array(doc_ids, pa.string())
    h_doc = pc.index_in(secs["doc_id"], value_set=value_set).to_numpy(zero_copy_only=False)
    h_doc = np.where(np.isnan(h_doc.astype(float)), -1, h_doc).astype(np.int64)
    span = np.int64(1) << 40  # offsets stay far below 2**40 characters
    key = h_doc * span + secs["start"].to_numpy()
    order = np.argsort(key, kind="stable")  # searchsorted needs (doc, start) order
    secs, h_doc, key = secs.take(pa.array(order)), h_doc[order], key[order]
    s_doc = pc.index_in(doc, value_set=value_set).to_numpy(zero_copy_only=False)
    s_doc = np.where(np.isnan(s_doc.astype(float)), -1, s_doc).astype(np.int64)
    pos = np.searchsorted(key, s_doc * span + starts, side="right") - 1
    ok = (pos >= 0) & (h_doc[np.maximum(pos, 0)] == s_doc) & (s_doc >= 0)
    pos = _innermost(pos, ok, starts, secs)
    ids = secs["section_id"].take(pa.array(np.maximum(pos, 0)))
    return pc.if_else(pa.array(pos < 0), pa.scalar(None, pa.string()), ids)


def _innermost(pos: np.ndarray, ok: np.ndarray, starts: np.ndarray, secs: pa.Table) -> np.ndarray:
    """Walk up to the first enclosing section whose body still holds the sentence start."""
    body_end = secs["body_end"].to_numpy()
    parent = {sid: i for i, sid in enumerate(secs["section_id"].to_pylist())}
    parents = np.array([parent.get(p, -1) if p else -1 for p in secs["parent_id"].to_pylist()])
    pos = np.where(ok, pos, -1)
    bad = np.flatnonzero((pos >= 0) & (body_end[np.maximum(pos, 0)] <= starts))
    for i in bad:  # rare: a sentence after a section's body_end but before the next heading
        p = pos[i]
        while p >= 0 and body_end[p] <= starts[i]:
            p = parents[p]
        pos[i] = p
    return pos


def _with_section_ids(sentences: pa.Table, ids) -> pa.Table:
    """The sentences table, explicit schema, with its section_id column replaced."""
    cols = {name: sentences[name].combine_chunks() if name in sentences.column_names else None
            for name in ("doc_id", "sent_id", "start", "end", "text")}
    cols = {k: v for k, v in cols.items() if v is not None}
    cols["section_id"] = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    return from_columns("sentences", cols)


__all__ = ["OutlineStage", "assign_sections", "format_outline", "outline", "prepare", "section_at", "sections"]
