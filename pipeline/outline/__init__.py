"""Outline stage: every document's headings, levels, parents and section spans (SPEC.md §3).

Public API: OutlineStage, format_outline, outline (one document), prepare and section_columns /
sections (a batch of documents), train (pipeline.outline.train).
"""
from itertools import chain

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..config import OutlineConfig
from ..schemas import from_columns
from ..segment.simplify import simplified_view
from . import classify
from .document import Section, Sections, batch_scores, outline, prepare, section_columns, sections
from .features import FEATURES
from .markers import STYLES
from .render import format_outline

# Documents featurised and classified together: large enough for numpy to pay off (a
# document's features never depend on its neighbours in the chunk).
CHUNK = 128
# the columns of Sections that go to the sections table as they are
SECTION_COLUMNS = ("level", "marker", "title", "start", "end", "body_end", "run_in", "score")


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
        parts = []
        for a in range(0, len(ids), CHUNK):
            b = a + CHUNK
            prepared = prepare(texts[a:b], titles[a:b], kinds[a:b], views[a:b])
            secs = section_columns(prepared, batch_scores(self.model, prepared), self.cfg.threshold)
            parts.append(secs._replace(doc=secs.doc + a))
        table = _sections_table(ids, parts)
        sents = batch.get("sentences")
        return {"sections": table, "sentences": assign_sections(sents, table, ids) if sents is not None
                else from_columns("sentences", {})}


def _column(table: pa.Table, name: str) -> list:
    """A column as a list, or Nones when the table lacks it."""
    return table[name].to_pylist() if name in table.column_names else [None] * table.num_rows


def _sections_table(doc_ids: list[str], parts: list[Sections]) -> pa.Table:
    """The sections table of a batch from the section columns of its chunks."""
    if not parts:
        return from_columns("sections", {})
    secs = Sections(*(np.concatenate(col) if isinstance(col[0], np.ndarray)
                      else list(chain.from_iterable(col)) for col in zip(*parts)))
    doc_id = pa.array(doc_ids, pa.string()).take(secs.doc)
    section_id = pc.binary_join_element_wise(doc_id, pa.array(secs.index).cast(pa.string()), "-s")
    parent_row = np.arange(len(secs.doc)) - secs.index + secs.parent
    cols = {"doc_id": doc_id, "section_id": section_id,
            "parent_id": section_id.take(pa.array(parent_row, mask=secs.parent < 0)),
            "style": pa.array(STYLES).take(secs.style)}
    return from_columns("sections", {**cols, **{name: getattr(secs, name) for name in SECTION_COLUMNS}})


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
    h_doc = _index_in(secs["doc_id"], value_set)
    span = np.int64(1) << 40  # offsets stay far below 2**40 characters
    key = h_doc * span + secs["start"].to_numpy()
    order = np.argsort(key, kind="stable")  # searchsorted needs (doc, start) order
    h_doc, key = h_doc[order], key[order]
    s_doc = _index_in(doc, value_set)
    pos = np.searchsorted(key, s_doc * span + starts, side="right") - 1
    ok = (pos >= 0) & (h_doc[np.maximum(pos, 0)] == s_doc) & (s_doc >= 0)
    row = _innermost(np.where(ok, order[np.maximum(pos, 0)], -1), starts, secs)
    ids = secs["section_id"].take(pa.array(np.maximum(row, 0)))
    return pc.if_else(pa.array(row < 0), pa.scalar(None, pa.string()), ids)


def _index_in(values, value_set: pa.Array) -> np.ndarray:
    """Index of each value in value_set, -1 when it is missing or null."""
    return pc.fill_null(pc.index_in(values, value_set=value_set), -1).to_numpy().astype(np.int64)


def _innermost(row: np.ndarray, starts: np.ndarray, secs: pa.Table) -> np.ndarray:
    """Walk up from each section row (-1: none) to the first enclosing one whose body holds the start."""
    body_end = secs["body_end"].to_numpy()
    bad = np.flatnonzero((row >= 0) & (body_end[np.maximum(row, 0)] <= starts))
    if len(bad) == 0:
        return row
    # rare: a sentence after a section's body_end but before the next heading
    parents = _index_in(secs["parent_id"], secs["section_id"].combine_chunks())
    row = row.copy()
    for i in bad:
        p = row[i]
        while p >= 0 and body_end[p] <= starts[i]:
            p = parents[p]
        row[i] = p
    return row


def _with_section_ids(sentences: pa.Table, ids) -> pa.Table:
    """The sentences table, explicit schema, with its section_id column replaced."""
    cols = {name: sentences[name].combine_chunks() if name in sentences.column_names else None
            for name in ("doc_id", "sent_id", "start", "end", "text")}
    cols = {k: v for k, v in cols.items() if v is not None}
    cols["section_id"] = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    return from_columns("sentences", cols)


__all__ = ["OutlineStage", "Section", "assign_sections", "format_outline", "outline", "prepare", "section_at",
           "section_columns", "sections"]
