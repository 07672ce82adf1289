"""The extract stage on a golden sample document: offsets, ids, sentences, sections, attributes."""
import re
import time

import pyarrow as pa

from pipeline.config import ExtractConfig
from pipeline.extract import ExtractStage
from pipeline.schemas import ENTITIES, from_columns

TEXT = (
    "本学期，我校校本教研工作在郭光恒校长的带领下扎实开展。\n"
    "一、加强队伍建设\n"
    "我校现有教师66名，学生1015人。派张杰、陆春芬二位老师去北京学习。\n"
    "（一）课题研究\n"
    "课题负责人：汪智源\n"
    "郭欣宸等10名学生荣获一等奖。本期学校投入30多万元购置了4万多册书籍。\n"
    "二、存在问题\n"
    "xx老师提出，有x余人未参加。"
)
DOC = "d0"


def _sentences(text: str) -> pa.Table:
    """Sentences split after 。 and at line ends (what the segment stage gives)."""
    spans = [m.span() for m in re.finditer(r"[^。\n]+。?", text)]
    return from_columns("sentences", {
        "doc_id": [DOC] * len(spans), "sent_id": list(range(len(spans))),
        "start": [s for s, _ in spans], "end": [e for _, e in spans], "text": [text[s:e] for s, e in spans]})


def _sections(text: str) -> pa.Table:
    """一、 (level 1) holding （一） (level 2), then 二、 (level 1) to the end."""
    a, b, c = text.index("一、"), text.index("（一）"), text.index("二、")
    return from_columns("sections", {
        "doc_id": [DOC] * 3, "section_id": [f"{DOC}-s0", f"{DOC}-s1", f"{DOC}-s2"],
        "parent_id": [None, f"{DOC}-s0", None], "level": [1, 2, 1],
        "marker": ["一、", "（一）", "二、"], "style": ["cn_dun", "cn_paren", "cn_dun"],
        "title": ["加强队伍建设", "课题研究", "存在问题"],
        "start": [a, b, c], "end": [text.index("\n", a), text.index("\n", b), text.index("\n", c)],
        "body_end": [c, c, len(text)], "run_in": [False] * 3})


def _batch(text: str, script: str = "simplified") -> dict:
    docs = pa.table({"doc_id": [DOC], "text": [text], "script": [script]})
    sections = _sections(text) if "二、" in text else from_columns("sections", {"doc_id": []})
    return {"documents": docs, "sentences": _sentences(text), "sections": sections,
            "tokens": pa.table({"doc_id": pa.array([], pa.string()), "start": pa.array([], pa.int64()),
                                "end": pa.array([], pa.int64()), "pos": pa.array([], pa.string())})}


def _run(text: str, script: str = "simplified") -> list[dict]:
    stage = ExtractStage(ExtractConfig())
    out = stage(_batch(text, script))["entities"]
    assert out.schema == ENTITIES
    return out.to_pylist()


EXPECTED = [  # (type, text, sent_id, section, name, role, value, approx, unit, item)
    ("teacher", "郭光恒", 0, None, "郭光恒", "校长", None, None, None, None),
    ("count", "66名", 2, "s0", None, None, 66.0, None, "名", "教师"),
    ("count", "1015人", 2, "s0", None, None, 1015.0, None, "人", "学生"),
    ("teacher", "张杰", 3, "s0", "张杰", None, None, None, None, None),
    ("teacher", "陆春芬", 3, "s0", "陆春芬", None, None, None, None, None),
    ("count", "二位", 3, "s0", None, None, 2.0, None, "位", "老师"),
    ("teacher", "汪智源", 5, "s1", "汪智源", "课题负责人", None, None, None, None),
    ("student", "郭欣宸", 6, "s1", "郭欣宸", None, None, None, None, None),
    ("count", "10名", 6, "s1", None, None, 10.0, None, "名", "学生"),
    ("count", "30多万元", 7, "s1", None, None, 30.0, "多", "万元", None),
    ("count", "4万多册", 7, "s1", None, None, 40000.0, "多", "册", "书籍"),
    ("count", "x余人", 9, "s2", None, None, None, "余", "人", None),
]
MINE = ("teacher", "student", "count")


def test_every_entity_of_the_sample_document():
    rows = _run(TEXT)
    for k, r in enumerate(rows):
        assert r["entity_id"] == f"{DOC}-e{k}"
        assert TEXT[r["start"]:r["end"]] == r["text"]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    got = [(r["type"], r["text"], r["sent_id"], r["section_id"] and r["section_id"][len(DOC) + 1:],
            r["name"], r["role"], r["value"], r["approx"], r["unit"], r["item"]) for r in rows if r["type"] in MINE]
    assert got == EXPECTED
    placeholders = [r["text"] for r in rows if r["placeholder"]]
    assert placeholders == ["x余人"]


def test_offsets_are_exact():
    rows = {r["text"]: r for r in _run(TEXT)}
    assert (rows["郭光恒"]["start"], rows["郭光恒"]["end"]) == (13, 16)
    assert (rows["4万多册"]["start"], rows["4万多册"]["end"]) == (TEXT.index("4万多册"), TEXT.index("4万多册") + 4)


def test_traditional_text_is_read_through_a_simplified_view():
    text = "本學期，張紅芳、陳永祥、房玉老師執教了研究課，共有教師66名。"
    rows = [r for r in _run(text, "traditional") if r["type"] in MINE]
    assert [(r["type"], r["text"], r["name"]) for r in rows] == [
        ("teacher", "張紅芳", "张红芳"), ("teacher", "陳永祥", "陈永祥"), ("teacher", "房玉", "房玉"),
        ("count", "66名", None)]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_empty_batch():
    stage = ExtractStage(ExtractConfig())
    empty = {"documents": pa.table({"doc_id": pa.array([], pa.string()), "text": pa.array([], pa.string())})}
    assert stage(empty)["entities"].num_rows == 0


def test_adversarial_line_through_every_finder_is_fast():
    stage = ExtractStage(ExtractConfig())
    for unit in ("1、", "一等奖", "张红芳、", "x余人，", "“课题”", "第"):
        line = (unit * (100_000 // len(unit)))[:100_000]
        docs = pa.table({"doc_id": [DOC], "text": [line]})
        t = time.perf_counter()
        out = stage({"documents": docs})["entities"]
        assert time.perf_counter() - t < 10.0, unit
        assert all(line[s:e] == x for s, e, x in zip(out["start"].to_pylist(), out["end"].to_pylist(),
                                                      out["text"].to_pylist()))
