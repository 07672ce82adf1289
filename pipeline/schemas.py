"""Every table's pyarrow schema, declared once (SPEC.md §5 plus documented extras)."""
import pyarrow as pa


def col(name: str, type_: pa.DataType, doc: str) -> pa.Field:
    """A column with its description kept in the field metadata (the data dictionary)."""
    return pa.field(name, type_, metadata={"doc": doc})


DOC_ID = col("doc_id", pa.string(), "document id: digest of source, part and text (stable across runs)")
SENT_ID = col("sent_id", pa.int32(), "sentence number within the document, from 0")
START = col("start", pa.int64(), "start offset in documents.text (characters, half-open)")
END = col("end", pa.int64(), "end offset in documents.text (exclusive)")
SECTION_ID = col("section_id", pa.string(), "innermost section holding the start (sections.section_id), null before the first heading")

DOCUMENTS = pa.schema([
    DOC_ID,
    col("source", pa.string(), "input file path relative to INPUT"),
    col("part", pa.int32(), "index of the document in its source file, from 0"),
    col("title", pa.string(), "document title without the bundle's numbering (篇三, 6), or null"),
    col("kind", pa.string(), "summary | plan | other"),
    col("text", pa.string(), "normalised text (see README, 'The text'); every offset indexes it"),
    col("n_chars", pa.int64(), "length of text in characters"),
    col("encoding", pa.string(), "encoding the file was decoded with: utf-8, gb18030, utf-16, docx, or two joined by + for mixed files"),
    col("dup_of", pa.string(), "doc_id of the first copy this document nearly or exactly duplicates, else null"),
    col("dup_score", pa.float32(), "estimated Jaccard similarity (character 5-grams) with dup_of"),
    col("script", pa.string(), "simplified | traditional (text keeps the characters it came with)"),
    col("placeholders", pa.bool_(), "the text holds anonymised placeholders (20xx, xx市, x余人, 郭z校长)"),
    col("year", pa.string(), "year or school year named at the start (may be a placeholder such as 20xx)"),
    col("term", pa.string(), "term named at the start: 上学期, 下学期, 第二学期, 学年, 期末 …, or null"),
    col("school_level", pa.string(), "小学 | 初中 | 中学 | 高中 | 幼儿园 … named at the start, or null"),
    col("org", pa.string(), "school or bureau named in a signature line at the end, or null"),
    col("file_sha1", pa.string(), "SHA-1 of the input file's bytes"),
    col("removed", pa.string(), "what ingest dropped from this document and why, e.g. preview=2;boilerplate:footer=5"),
])

SENTENCES = pa.schema([
    DOC_ID, SENT_ID, START, END, SECTION_ID,
    col("text", pa.string(), "the sentence: documents.text[start:end]"),
])

TOKENS = pa.schema([
    DOC_ID, SENT_ID, START, END,
    col("text", pa.string(), "the token: documents.text[start:end] (traditional documents keep their characters)"),
    col("pos", pa.string(), "part-of-speech tag (jieba's ICTCLAS-style tag set), null where the backend gives none"),
    col("segmenter", pa.string(), "jieba | pkuseg: the backend that produced the token"),
])

SECTIONS = pa.schema([
    DOC_ID,
    col("section_id", pa.string(), "section id: <doc_id>-s<k>"),
    col("parent_id", pa.string(), "enclosing section, null at level 1"),
    col("level", pa.int32(), "1-based level, relative inside the document (outermost heading style = 1)"),
    col("marker", pa.string(), "the marker as written (一、 （1） 1. ① 九月份), null for label headings"),
    col("style", pa.string(), "cn_dun | cn_paren | num_dun | num_paren | circled | month | label"),
    col("title", pa.string(), "heading title without marker, run-in body or trailing punctuation"),
    col("start", pa.int64(), "start of the heading (its marker) in documents.text"),
    col("end", pa.int64(), "end of the heading title in documents.text"),
    col("body_end", pa.int64(), "end of the section's content, subsections included"),
    col("run_in", pa.bool_(), "the heading shares its line with body text (1．教科沙龙。10月16日……)"),
    col("score", pa.float32(), "classifier probability that the line is a heading"),
])

ENTITIES = pa.schema([
    DOC_ID,
    col("entity_id", pa.string(), "entity id: <doc_id>-e<k>, in order of start"),
    col("type", pa.string(), "teacher | count | award | project | student | ..."),
    col("text", pa.string(), "the mention: documents.text[start:end]"),
    START, END,
    col("sent_id", pa.int32(), "sentence holding the start"),
    SECTION_ID,
    col("name", pa.string(), "teacher: the person's name (surname only for 潘老师); project: title without brackets"),
    col("role", pa.string(), "teacher: title next to the name (校长, 老师, 组长, 专家 …)"),
    col("value", pa.float64(), "count: the number (二十 → 20, 4万多 → 40000), null for placeholders"),
    col("value_high", pa.float64(), "count: upper end of a range (3-5人 → value 3, value_high 5), else null"),
    col("approx", pa.string(), "count: 多 | 余 | 近 | 约 | 左右 | range …"),
    col("unit", pa.string(), "count: measure word or unit (名 人 节 篇 次 项 个 元 万元 课时 人次 % …)"),
    col("item", pa.string(), "count: the counted noun next to it (教师, 作品)"),
    col("rank", pa.string(), "award: prize grade (特等奖 一等奖 … 优秀奖 第一名) or 称号 for honour titles"),
    col("level", pa.string(), "award/project: national | provincial | municipal | district | county | township | school (township: 镇/乡/学区, an extension of SPEC §4)"),
    col("event", pa.string(), "award: the competition when named"),
    col("kind", pa.string(), "project: research | programme"),
    col("status", pa.string(), "project: 申报 | 立项 | 开题 | 中期 | 结题 when stated"),
    col("recipient", pa.string(), "award: who won it when stated (teacher names, 学生, 学校)"),
    col("placeholder", pa.bool_(), "the number or name is anonymised (x余人, 郭z)"),
])

ERRORS = pa.schema([
    col("source", pa.string(), "input file path relative to INPUT"),
    col("stage", pa.string(), "discover | ingest | segment | outline | extract"),
    col("error", pa.string(), "reason code, e.g. decode:binary, empty:file, size:too_large, docx:too_large, crash:segment"),
    col("detail", pa.string(), "readable message"),
])

# Internal: MinHash signatures written by ingest, read by the corpus-wide dedup pass.
MINHASH = pa.schema([
    DOC_ID,
    col("text_sha1", pa.string(), "SHA-1 of documents.text (exact duplicates)"),
    col("signature", pa.binary(), "MinHash values: num_perm uint32, one-permutation hashing of character 5-grams"),
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


def from_columns(name: str, columns: dict) -> pa.Table:
    """Build a table from column lists; missing columns are null, unknown ones an error."""
    schema = TABLES[name]
    extra = set(columns) - set(schema.names)
    if extra:
        raise KeyError(f"{name}: unknown columns {sorted(extra)}")
    n = len(next(iter(columns.values()))) if columns else 0
    arrays = [pa.array(columns[f.name], type=f.type) if f.name in columns else pa.nulls(n, f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def from_rows(name: str, rows: list[dict]) -> pa.Table:
    """Build a table from row dicts (small tables: documents, errors)."""
    return from_columns(name, {c: [r.get(c) for r in rows] for c in TABLES[name].names})


def data_dictionary() -> str:
    """Markdown: every public table's columns, types and meanings (for the README)."""
    out = []
    for name, schema in TABLES.items():
        if name.startswith("_"):
            continue
        out += [f"#### `{name}`", "", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{f.name}` | {f.type} | {f.metadata[b'doc'].decode().replace('|', '&#124;')} |" for f in schema]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(data_dictionary())
