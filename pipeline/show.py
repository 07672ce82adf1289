"""One document or one file for a person to read: outline tree, entities, JSON."""
from pathlib import Path

import pandas as pd

from .config import RunConfig
from .datasets import Dataset
from .errors import UsageError
from .outline import format_outline
from .runner import STAGES, apply_stages

ENTITY_COLUMNS = ["type", "text", "start", "end", "section_id", "name", "role", "value", "approx", "unit",
                  "item", "rank", "level", "event", "kind", "status"]


def render(ds: Dataset, doc_id: str) -> str:
    """A document's header, outline tree and entities as text."""
    docs = ds.sql(f"SELECT * FROM documents WHERE doc_id = '{doc_id.replace(chr(39), '')}'")
    if docs.empty:
        raise UsageError(f"no document {doc_id!r} in {ds.out}")
    d = docs.iloc[0]
    sections = ds.sql(f"SELECT * FROM sections WHERE doc_id = '{d.doc_id}'")
    entities = ds.sql(f"SELECT * FROM entities WHERE doc_id = '{d.doc_id}' ORDER BY start")
    lines = [f"{d.doc_id}  {d.source} part {d.part}  {d.kind}  {d.n_chars} chars",
             f"title: {d.title}" + (f"  (near-duplicate of {d.dup_of})" if isinstance(d.dup_of, str) else ""),
             "", "outline:", format_outline(sections, d.text) or "  (no headings)", "", "entities:"]
    for e in entities.itertuples(index=False):
        attrs = {c: getattr(e, c) for c in ENTITY_COLUMNS[5:] if pd.notna(getattr(e, c))}
        lines.append(f"  {e.type:8s} {e.text}  {attrs}")
    return "\n".join(lines)


def _records(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    return [{k: v for k, v in row.items() if pd.notna(v)} for row in df[columns].to_dict("records")]


def one_file(path: Path, cfg: RunConfig = RunConfig()) -> dict:
    """Run every stage in memory over one file; its documents with outline and entities."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"not a file: {path}")
    tables = apply_stages(STAGES, cfg, [(path, path.name)])
    docs = tables["documents"].to_pandas()
    sections = tables["sections"].to_pandas() if "sections" in tables else pd.DataFrame(columns=["doc_id"])
    entities = tables["entities"].to_pandas() if "entities" in tables else pd.DataFrame(columns=["doc_id"])
    out = []
    for d in docs.itertuples(index=False):
        out.append({
            "doc_id": d.doc_id, "part": int(d.part), "title": d.title if isinstance(d.title, str) else None,
            "kind": d.kind, "n_chars": int(d.n_chars),
            "dup_of": None, "text": d.text,
            "outline": _records(sections[sections.doc_id == d.doc_id], ["section_id", "parent_id", "level", "marker",
                                                                         "style", "title", "start", "end"])
            if len(sections) else [],
            "entities": _records(entities[entities.doc_id == d.doc_id], ENTITY_COLUMNS) if len(entities) else [],
        })
    return {"source": str(path), "documents": out, "errors": tables["errors"].to_pylist()}
