import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import SegmentConfig
from pipeline.schemas import SENTENCES, TOKENS
from pipeline.segment import SegmentStage, pkuseg_model
from pipeline.segment import tables as seg_tables
from pipeline.segment.tables import slice_strings

SIMPLIFIED = "本学期，我校积极开展校本教研活动。教师66名参加了集体备课！\n一、实施青蓝工程\n他说：“国培计划很好。”"
TRADITIONAL = "本學期，我校積極開展校本教研活動。教師66名參加了集體備課！\n一、實施青藍工程\n他說：“國培計劃很好。”"


def documents() -> pa.Table:
    return pa.table({
        "doc_id": ["d1", "d2", "d3", "d4"],
        "text": [SIMPLIFIED, TRADITIONAL, "", " \n\u3000"],
        "script": ["simplified", "traditional", "simplified", "simplified"],
    })


@pytest.fixture(scope="module", params=["jieba", "pkuseg"])
def stage(request):
    if request.param == "pkuseg" and not pkuseg_model.is_ready():
        pytest.skip("pkuseg model cache missing: run `python -m pipeline.segment.pkuseg_model`")
    return SegmentStage(SegmentConfig(segmenter=request.param))


def rows(table: pa.Table) -> list[dict]:
    return table.to_pylist()


def test_stage_contract(stage):
    assert stage.name == "segment" and stage.reads == ("documents",) and stage.writes == ("sentences", "tokens")
    out = stage({"documents": documents()})
    assert set(out) == {"sentences", "tokens"}
    assert out["sentences"].schema == SENTENCES and out["tokens"].schema == TOKENS


def test_sentences_index_the_documents(stage):
    docs = dict(zip(documents()["doc_id"].to_pylist(), documents()["text"].to_pylist()))
    sents = rows(stage({"documents": documents()})["sentences"])
    assert [s["text"] for s in sents if s["doc_id"] == "d1"] == [
        "本学期，我校积极开展校本教研活动。", "教师66名参加了集体备课！", "一、实施青蓝工程", "他说：“国培计划很好。”"]
    assert all(docs[s["doc_id"]][s["start"]:s["end"]] == s["text"] for s in sents)
    assert all(s["section_id"] is None for s in sents)
    assert [s["sent_id"] for s in sents if s["doc_id"] == "d2"] == [0, 1, 2, 3]
    assert {s["doc_id"] for s in sents} == {"d1", "d2"}  # empty and whitespace-only documents have none


def test_tokens_index_the_documents_and_stay_in_their_sentence(stage):
    out = stage({"documents": documents()})
    docs = dict(zip(documents()["doc_id"].to_pylist(), documents()["text"].to_pylist()))
    sents = {(s["doc_id"], s["sent_id"]): (s["start"], s["end"]) for s in rows(out["sentences"])}
    toks = rows(out["tokens"])
    assert toks and all(docs[t["doc_id"]][t["start"]:t["end"]] == t["text"] for t in toks)
    assert all(sents[t["doc_id"], t["sent_id"]][0] <= t["start"] < t["end"] <= sents[t["doc_id"], t["sent_id"]][1]
               for t in toks)
    assert all(t["text"].strip() == t["text"] and t["pos"] for t in toks)
    assert {t["segmenter"] for t in toks} == {stage.cfg.segmenter}
    words = [t["text"] for t in toks if t["doc_id"] == "d1"]
    assert {"校本教研", "集体备课", "青蓝工程", "国培计划"} <= set(words)


def test_traditional_document_is_cut_through_its_simplified_view(stage):
    toks = rows(stage({"documents": documents()})["tokens"])
    simp = [(t["start"], t["end"], t["pos"]) for t in toks if t["doc_id"] == "d1"]
    trad = [(t["start"], t["end"], t["pos"]) for t in toks if t["doc_id"] == "d2"]
    assert trad == simp  # same cut as the simplified copy...
    assert "集體備課" in [t["text"] for t in toks if t["doc_id"] == "d2"]  # ...in the original characters


def test_many_documents_over_several_chunks(monkeypatch):
    monkeypatch.setattr(seg_tables, "CHUNK_CHARS", 50)
    stage = SegmentStage(SegmentConfig())
    docs = pa.table({"doc_id": [f"d{i}" for i in range(30)], "text": [SIMPLIFIED] * 30, "script": ["simplified"] * 30})
    out = stage({"documents": docs})
    one = stage({"documents": docs.slice(0, 1)})["tokens"]
    assert out["tokens"].num_rows == 30 * one.num_rows
    assert out["tokens"].column("doc_id").to_pylist()[-1] == "d29"
    assert out["sentences"].column("sent_id").to_pylist() == list(range(4)) * 30


def test_empty_batch():
    out = SegmentStage(SegmentConfig())({"documents": documents().slice(0, 0)})
    assert out["sentences"].num_rows == 0 and out["tokens"].num_rows == 0
    assert out["tokens"].schema == TOKENS


def test_slice_strings_handles_every_utf8_width():
    text = "aé学𠀀 b\n校本"
    starts, ends = np.array([0, 1, 2, 3, 5, 7]), np.array([1, 2, 3, 4, 6, 9])
    assert slice_strings(text, starts, ends).to_pylist() == ["a", "é", "学", "𠀀", "b", "校本"]
    assert slice_strings(text, starts[:0], ends[:0]).to_pylist() == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="校本教研组集體備課。！？“”《》…\n \u3000\t\x00\ufeffa1.é😀\u200b\r", max_size=40),
                max_size=4))
def test_any_text_gives_valid_tables(stage, texts):
    docs = pa.table({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts,
                     "script": ["traditional" if i % 2 else "simplified" for i in range(len(texts))]},
                    schema=pa.schema([("doc_id", pa.string()), ("text", pa.string()), ("script", pa.string())]))
    out = stage({"documents": docs})
    by_id = dict(zip(docs["doc_id"].to_pylist(), texts))
    for t in out["tokens"].to_pylist() + out["sentences"].to_pylist():
        assert by_id[t["doc_id"]][t["start"]:t["end"]] == t["text"] and t["text"].strip()
    solid = lambda s: "".join(s.split())  # noqa: E731
    for doc_id, text in by_id.items():
        words = [t["text"] for t in out["tokens"].to_pylist() if t["doc_id"] == doc_id]
        assert "".join(words) == solid(text)
