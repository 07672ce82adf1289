"""Every table's pyarrow schema, declared once (SPEC.md §5 plus documented extras)."""
import pyarrow as pa

DOCUMENTS = pa.schema([
    ("doc_id", pa.string()),
    ("source", pa.string()),
    ("part", pa.int32()),
    ("title", pa.string()),
    ("kind", pa.string()),  # summary | plan | other
    ("text", pa.string()),  # normalised text (ingest/normalise.py); every offset indexes it
    ("n_chars", pa.int64()),
    ("encoding", pa.string()),
    ("dup_of", pa.string()),  # doc_id of the first near/exact copy, else null
    ("dup_score", pa.float32()),  # estimated Jaccard similarity with dup_of
    ("script", pa.string()),  # simplified | traditional
    ("placeholders", pa.bool_()),  # text holds anonymised placeholders (20xx, xx市, x余人)
    ("year", pa.string()),  # school year or year named in the title (may hold 20xx)
    ("term", pa.string()),  # 上学期 | 下学期 | 学年 | null
    ("school_level", pa.string()),  # 小学 | 初中 | 高中 | 中学 | 幼儿园 | null
    ("org", pa.string()),  # school or bureau named in the title or signature
    ("file_sha1", pa.string()),  # digest of the input file's bytes
    ("removed", pa.string()),  # what ingest dropped and why: "preview=2;boilerplate:footer=5"
])

SENTENCES = pa.schema([
    ("doc_id", pa.string()),
    ("sent_id", pa.int32()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("section_id", pa.string()),
    ("text", pa.string()),
])

TOKENS = pa.schema([
    ("doc_id", pa.string()),
    ("sent_id", pa.int32()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", pa.string()),
    ("pos", pa.string()),
    ("segmenter", pa.string()),
])

SECTIONS = pa.schema([
    ("doc_id", pa.string()),
    ("section_id", pa.string()),
    ("parent_id", pa.string()),
    ("level", pa.int32()),
    ("marker", pa.string()),
    ("style", pa.string()),
    ("title", pa.string()),
    ("start", pa.int64()),  # heading span (marker included)
    ("end", pa.int64()),
    ("body_end", pa.int64()),  # end of the section's body, subsections included
    ("run_in", pa.bool_()),
    ("score", pa.float32()),  # classifier probability that the line is a heading
])

ENTITIES = pa.schema([
    ("doc_id", pa.string()),
    ("entity_id", pa.string()),
    ("type", pa.string()),  # teacher | count | award | project | student | ...
    ("text", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("sent_id", pa.int32()),
    ("section_id", pa.string()),
    ("name", pa.string()),
    ("role", pa.string()),
    ("value", pa.float64()),
    ("approx", pa.string()),
    ("unit", pa.string()),
    ("item", pa.string()),
    ("rank", pa.string()),
    ("level", pa.string()),
    ("event", pa.string()),
    ("kind", pa.string()),
    ("status", pa.string()),
    ("placeholder", pa.bool_()),  # number or name is anonymised (x余人, 郭z)
])

ERRORS = pa.schema([
    ("source", pa.string()),
    ("stage", pa.string()),
    ("error", pa.string()),  # machine-readable reason, e.g. decode:binary
    ("detail", pa.string()),  # readable message
])

# Internal: MinHash signatures written by ingest, read by the dedup pass.
MINHASH = pa.schema([
    ("doc_id", pa.string()),
    ("text_sha1", pa.string()),
    ("signature", pa.binary()),
])

TABLES = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "sections": SECTIONS,
    "entities": ENTITIES,
    "errors": ERRORS,
    "_minhash": MINHASH,
}


def empty(name: str) -> pa.Table:
    """An empty table of the named schema."""
    return TABLES[name].empty_table()


def from_columns(name: str, columns: dict) -> pa.Table:
    """Build a table from column lists; missing columns are null, extra ones an error."""
    schema = TABLES[name]
    extra = set(columns) - set(schema.names)
    if extra:
        raise KeyError(f"{name}: unknown columns {sorted(extra)}")
    n = len(next(iter(columns.values()))) if columns else 0
    arrays = [
        pa.array(columns[f.name], type=f.type) if f.name in columns else pa.nulls(n, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def from_rows(name: str, rows: list[dict]) -> pa.Table:
    """Build a table from row dicts (for small tables: documents, errors, sections)."""
    names = TABLES[name].names
    return from_columns(name, {c: [r.get(c) for r in rows] for c in names})
