"""The outline stage over a batch: sections table, sentences with section_id, spans."""
import re

import numpy as np
import pyarrow as pa
import pytest

from pipeline.config import OutlineConfig
from pipeline.outline import OutlineStage, format_outline, section_at
from pipeline.schemas import SECTIONS, SENTENCES, from_columns

TEXT_A = "本学期工作总结如下。\n一、加强学习\n组织教师学习。认真读书。\n1、集中学习\n每周一次。\n二、完善制度\n建立制度。"
TEXT_B = "1．教科沙龙。10月16日，本学期首次沙龙举行。\n2．教科讲座。专家来校讲座。"


def sentences_of(doc_id: str, text: str) -> list[tuple]:
    """Naive sentences: runs of text ending in 。 or at a line end."""
    return [(doc_id, m.start(), m.end(), m.group()) for m in re.finditer(r"[^。\n]+。?", text)]


@pytest.fixture(scope="module")
def result():
    docs = from_columns("documents", {"doc_id": ["a", "b", "c"], "text": [TEXT_A, TEXT_B, ""],
                                      "title": ["工作总结", None, None], "kind": ["summary", "summary", None]})
    rows = [r for d, t in (("a", TEXT_A), ("b", TEXT_B)) for r in sentences_of(d, t)]
    sent_ids = [sum(1 for q in rows[:i] if q[0] == r[0]) for i, r in enumerate(rows)]
    sents = from_columns("sentences", {"doc_id": [r[0] for r in rows], "sent_id": sent_ids,
                                       "start": [r[1] for r in rows], "end": [r[2] for r in rows],
                                       "text": [r[3] for r in rows]})
    stage = OutlineStage(OutlineConfig())
    return stage({"documents": docs, "sentences": sents}), {"a": TEXT_A, "b": TEXT_B}


def test_stage_contract():
    assert OutlineStage.name == "outline"
    assert OutlineStage.reads == ("documents", "sentences")
    assert OutlineStage.writes == ("sections", "sentences")


def test_sections_table(result):
    out, texts = result
    secs = out["sections"]
    assert secs.schema == SECTIONS
    rows = secs.to_pylist()
    assert [(r["section_id"], r["parent_id"], r["level"], r["marker"], r["style"], r["title"], r["run_in"])
            for r in rows] == [
        ("a-s0", None, 1, "一、", "cn_dun", "加强学习", False),
        ("a-s1", "a-s0", 2, "1、", "num_dun", "集中学习", False),
        ("a-s2", None, 1, "二、", "cn_dun", "完善制度", False),
        ("b-s0", None, 1, "1．", "num_dun", "教科沙龙", True),
        ("b-s1", None, 1, "2．", "num_dun", "教科讲座", True)]
    for r in rows:
        text = texts[r["doc_id"]]
        assert text[r["start"]:r["end"]] == (r["marker"] or "") + r["title"]
        assert r["end"] <= r["body_end"] <= len(text)
        assert 0.5 <= r["score"] <= 1.0


def test_sentences_get_the_innermost_section(result):
    out, _ = result
    sents = out["sentences"]
    assert sents.schema == SENTENCES
    got = [(r["doc_id"], r["text"], r["section_id"]) for r in sents.to_pylist()]
    assert got == [
        ("a", "本学期工作总结如下。", None),  # before the first heading
        ("a", "一、加强学习", "a-s0"), ("a", "组织教师学习。", "a-s0"), ("a", "认真读书。", "a-s0"),
        ("a", "1、集中学习", "a-s1"), ("a", "每周一次。", "a-s1"),
        ("a", "二、完善制度", "a-s2"), ("a", "建立制度。", "a-s2"),
        ("b", "1．教科沙龙。", "b-s0"), ("b", "10月16日，本学期首次沙龙举行。", "b-s0"),
        ("b", "2．教科讲座。", "b-s1"), ("b", "专家来校讲座。", "b-s1")]


def test_empty_batch():
    stage = OutlineStage(OutlineConfig())
    out = stage({"documents": from_columns("documents", {}), "sentences": from_columns("sentences", {})})
    assert out["sections"].num_rows == 0 and out["sentences"].num_rows == 0
    assert out["sentences"].schema == SENTENCES


def test_format_outline(result):
    out, texts = result
    rows = [r for r in out["sections"].to_pylist() if r["doc_id"] == "a"]
    assert format_outline(rows) == "一、加强学习\n  1、集中学习\n二、完善制度"
    shown = format_outline(pa.Table.from_pylist(rows), texts["a"]).splitlines()
    assert shown[1].startswith("  1、集中学习  [")


def test_traditional_documents_keep_their_characters():
    text = "一、存在的問題\n個別教師參與不夠積極。\n二、今後的打算\n加強學習，提高認識。"
    docs = from_columns("documents", {"doc_id": ["t"], "text": [text], "script": ["traditional"]})
    out = OutlineStage(OutlineConfig())({"documents": docs, "sentences": from_columns("sentences", {})})
    rows = out["sections"].to_pylist()
    assert [(r["title"], r["level"]) for r in rows] == [("存在的問題", 1), ("今後的打算", 1)]
    assert all(text[r["start"]:r["end"]] == r["marker"] + r["title"] for r in rows)


def test_section_at_a_line_break_that_ends_sections():
    # `1、集中学习` and `一、加强学习` both end at the line break before `二、完善制度`: an offset
    # there walks up past both to no section
    text = TEXT_A
    docs = from_columns("documents", {"doc_id": ["a"], "text": [text]})
    secs = OutlineStage(OutlineConfig())({"documents": docs})["sections"]
    offsets = np.array([text.index("\n1、"), text.index("\n二、"), text.index("二、"), 0])
    assert section_at(pa.array(["a"] * 4), offsets, secs, ["a"]).to_pylist() == ["a-s0", None, "a-s2", None]
