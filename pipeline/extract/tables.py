"""Batch plumbing of the extract stage: group tables by document once, place entities, build columns."""
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..schemas import TABLES, from_columns

ENTITY_COLUMNS = tuple(TABLES["entities"].names)
ATTRIBUTES = tuple(c for c in ENTITY_COLUMNS if c not in ("doc_id", "entity_id", "text", "sent_id", "section_id"))


def group_by_doc(table: pa.Table | None, columns: tuple[str, ...]) -> dict[str, dict[str, np.ndarray]]:
    """doc_id -> {column: array} for one table, rows sorted by start (ties keep their row order)."""
    if table is None or table.num_rows == 0 or "doc_id" not in table.column_names:
        return {}
    table = table.select(["doc_id", *columns])
    if table["doc_id"].null_count or table["start"].null_count:
        return _group_sorted(table, columns)
    runs = pc.run_end_encode(table["doc_id"].combine_chunks())
    ids, bounds = runs.values.to_pylist(), [0] + runs.run_ends.to_numpy().tolist()
    start = table["start"].to_numpy()
    step_ok = np.diff(start) >= 0
    step_ok[np.array(bounds[1:-1], dtype=np.int64) - 1] = True  # a new document may start lower
    if len(set(ids)) < len(ids) or not step_ok.all():
        return _group_sorted(table, columns)
    # Upstream stages write each document's rows together and in order: no sort is needed.
    cols = {c: table[c].to_numpy(zero_copy_only=False) for c in columns}
    return {i: {c: v[a:b] for c, v in cols.items()} for i, a, b in zip(ids, bounds[:-1], bounds[1:])}


def _group_sorted(table: pa.Table, columns: tuple[str, ...]) -> dict[str, dict[str, np.ndarray]]:
    """group_by_doc through one stable Arrow sort, for tables out of order or with nulls."""
    table = table.sort_by([("doc_id", "ascending"), ("start", "ascending")])
    ids = table["doc_id"].to_numpy(zero_copy_only=False)
    cuts = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    bounds = np.concatenate([[0], cuts, [len(ids)]])
    cols = {c: table[c].to_numpy(zero_copy_only=False) for c in columns}
    return {ids[a]: {c: v[a:b] for c, v in cols.items()} for a, b in zip(bounds[:-1], bounds[1:])}


def sentence_ids(starts: np.ndarray, sentences: dict | None) -> list[int | None]:
    """sent_id of the sentence holding each start (the last sentence starting at or before it)."""
    if not sentences or len(starts) == 0:
        return [None] * len(starts)
    pos = np.searchsorted(sentences["start"], starts, side="right") - 1
    ids = sentences["sent_id"][np.maximum(pos, 0)]
    return [int(i) if p >= 0 else None for i, p in zip(ids.tolist(), pos.tolist())]


def order_entities(found: list[dict]) -> list[dict]:
    """Entities sorted by start, exact duplicates (same type and span) dropped."""
    seen, out = set(), []
    for e in sorted(found, key=lambda e: (e["start"], -e["end"], e["type"])):
        key = (e["type"], e["start"], e["end"])
        if key not in seen and 0 <= e["start"] < e["end"]:
            seen.add(key)
            out.append(e)
    return out


def entity_columns(rows: list[tuple[str, str, list[dict], list]]) -> pa.Table:
    """The entities table (section_id null) from (doc_id, original text, entities, sent_ids) per document."""
    cols = {c: [] for c in ("doc_id", "entity_id", "text", "sent_id")}
    every = []
    for doc_id, text, ents, sents in rows:
        cols["doc_id"] += [doc_id] * len(ents)
        cols["entity_id"] += [f"{doc_id}-e{k}" for k in range(len(ents))]
        cols["text"] += [text[e["start"]:e["end"]] for e in ents]
        cols["sent_id"] += sents
        every += ents
    cols |= {c: [e.get(c) for e in every] for c in ATTRIBUTES}  # one pass per column over the batch
    if cols["placeholder"]:
        cols["placeholder"] = [bool(p) for p in cols["placeholder"]]
    return from_columns("entities", cols)


def column(table: pa.Table, name: str, default=None) -> list:
    """A column as a Python list, or [default] * rows when the table lacks it."""
    if name in table.column_names:
        return pc.fill_null(table[name], default).to_pylist() if default is not None else table[name].to_pylist()
    return [default] * table.num_rows
