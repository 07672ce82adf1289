"""Shared strategies and stages for the robustness tests: hostile text that still makes the rules fire."""
import os

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import pipeline
from pipeline.config import RunConfig
from pipeline.schemas import from_rows

# Modest and reproducible: the same examples every run, no example database in the repo.
# ROBUSTNESS_EXAMPLES=5000 makes a long random hunt instead (new examples each run).
_HUNT = int(os.environ.get("ROBUSTNESS_EXAMPLES", "0"))
settings.register_profile("robustness", deadline=None, max_examples=_HUNT or 60, derandomize=not _HUNT,
                          database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROPERTY = settings.get_profile("robustness")

# Real Chinese school-text fragments so the heading, count, teacher, award and project rules fire.
FRAGMENTS = (
    "一、", "二、", "十二、", "三．", "（一）", "(二)", "（十）", "1、", "2.", "3．", "１２、", "1。", "1)", "2）",
    "（1）", "(2)", "﹝1﹞", "⑴", "⒉", "①", "②", "❸", "九月份", "三月份：", "12月：", "优点：", "存在的问题",
    "改进建议:", "现将工作总结如下：", "组长：王建民", "老师", "教师", "校长", "副校长", "主任", "组长", "专家",
    "王建民", "潘老师", "郭z校长", "xx老师", "张红芳、陈永祥、房玉老师", "陈彦", "名", "人", "节", "篇", "项",
    "万元", "人次", "%", "教师66名", "学生1015人", "30多万元", "4万多册", "x余人", "3-5人", "二十", "两",
    "一等奖", "二等奖", "特等奖", "优秀奖", "第一名", "金奖", "市级", "区级", "省级", "全国", "校级", "荣获",
    "获得", "被评为", "称号", "“校本教研先进集体”荣誉称号", "区级演讲比赛二等奖", "课题", "子课题", "《", "》",
    "课题《村校管理模式的研究》", "申报", "立项", "开题", "结题", "国培计划", "青蓝工程", "新教育实验",
    "。", "，", "、", "：", "；", "！", "？", ",", ":", ";", "!", "?", "\n", "\n", " ", "\u3000", "\t",
    ">", "……", "...", "“", "”", '"', '\\"', "<br>", "<p>", "&nbsp;", "&amp;", "-1-", "第1页共3页",
    "……此处隐藏1234个字……", "繼續(xù)", "20xx", "20__", "xx市", "工作总结", "小学校本教研工作计划篇三", "篇1",
    "第二篇:校本教研工作总结2", "相关推荐", "百分之二十", "本学期，我校", "教學", "問題", "\r\n", "\ufeff",
)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
CJK_EXT = st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF) | st.characters(min_codepoint=0x20000,
                                                                                    max_codepoint=0x2A6DF)
# Any code point but lone surrogates (no decoded file holds them): controls, combining marks, RTL...
ANY = st.characters(blacklist_categories=("Cs",))
CONTROL = st.characters(max_codepoint=0x9F, whitelist_categories=("Cc",)) | st.sampled_from(
    "\u2028\u2029\u200b\u200d\u00ad\ufeff\ufffd\U000e0001")
HUGE_NUMBER = st.integers(min_value=0, max_value=10**400).map(str) | st.text(
    "零〇一二两三四五六七八九十百千万亿几多余", min_size=1, max_size=30)
MARKER_RUN = st.tuples(st.sampled_from(["一、", "1、", "（1）", "①", "（", "、", "等奖", "。", "《", "老师"]),
                       st.integers(1, 60)).map(lambda p: p[0] * p[1])

# Built school phrases, so that headings, teachers, counts, awards and projects occur often.
WORDS = st.sampled_from("教研 课堂 教学 常规 管理 队伍 建设 学习 培训 活动 德育 安全 读书 评价 反思 师资".split())
TITLE = st.lists(WORDS | st.text(CJK, min_size=1, max_size=3), min_size=1, max_size=4).map("".join)
MARKER = st.sampled_from(["一、", "二、", "三．", "（一）", "（二）", "1、", "2.", "3．", "（1）", "（2）", "⑴", "①",
                          "②", "九月份", "十月份："])
HEADING = st.tuples(st.sampled_from(["", "\n", "\n"]), MARKER, TITLE, st.sampled_from(["", "：", "。", "。本学期"]),
                    st.sampled_from(["\n", "\n", ""])).map("".join)
NAME = st.tuples(st.sampled_from("王李张刘陈杨黄赵周吴徐孙潘郭"), st.text(CJK, min_size=1, max_size=2)).map("".join)
TEACHER = st.tuples(NAME, st.sampled_from(["老师", "校长", "副校长", "主任", "组长", "、", "等"])).map("".join)
COUNT = st.tuples(st.sampled_from(["", "教师", "学生", "共", "近", "约"]),
                  st.integers(2, 99999).map(str) | st.sampled_from(["二十", "三百", "两", "十几", "4万", "x"]),
                  st.sampled_from(["", "多", "余"]), st.sampled_from(["名", "人", "节", "篇", "项", "万元", "%", "人次"]),
                  st.sampled_from(["", "教师", "作品", "。", "，"])).map("".join)
AWARD = st.tuples(st.sampled_from(["荣获", "获得", "获", ""]), st.sampled_from(["市级", "区级", "省", "全国", "校级", ""]),
                  TITLE, st.sampled_from(["比赛", "大赛", "评比", ""]),
                  st.sampled_from(["一等奖", "二等奖", "特等奖", "优秀奖", "第一名", "荣誉称号"])).map("".join)
PROJECT = st.tuples(st.sampled_from(["课题", "省级课题", "子课题", "参与"]), TITLE, st.sampled_from(["研究", ""]),
                    st.sampled_from(["顺利结题", "已立项", "开题", ""])).map(lambda p: f"{p[0]}《{p[1]}{p[2]}》{p[3]}")
SCHOOL = st.one_of(HEADING, TEACHER, COUNT, AWARD, PROJECT)

PIECE = st.one_of(
    SCHOOL, SCHOOL, SCHOOL, st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS), st.text(CJK, min_size=1, max_size=12),
    st.text(ANY, max_size=6), st.text(CONTROL, min_size=1, max_size=3), st.text(CJK_EXT, min_size=1, max_size=3),
    HUGE_NUMBER, MARKER_RUN)
# A whole (possibly hostile) text; weighted toward school text so the rules fire.
TEXT = st.lists(PIECE, max_size=80).map("".join)
# What a document's text may be after ingest: the text above, without CR (ingest splits lines on it).
DOC_TEXT = TEXT.map(lambda t: t.replace("\r", ""))


def doc_table(text: str, script: str = "simplified", doc_id: str = "d0", title: str | None = None) -> pa.Table:
    """A one-document documents table as ingest writes it."""
    return from_rows("documents", [{"doc_id": doc_id, "source": "x.txt", "part": 0, "text": text,
                                    "n_chars": len(text), "script": script, "title": title, "kind": "summary"}])


@pytest.fixture(scope="session")
def stages() -> dict:
    """The segment, outline and extract stages with default settings, built once."""
    cfg = RunConfig()
    return {name: pipeline.stage_factory(name, cfg) for name in ("segment", "outline", "extract")}


def run_chain(stages: dict, docs: pa.Table) -> dict[str, pa.Table]:
    """segment → outline → extract in memory over a documents table; every table they write."""
    seg = stages["segment"]({"documents": docs})
    out = stages["outline"]({"documents": docs, "sentences": seg["sentences"]})
    ents = stages["extract"]({"documents": docs, "sentences": out["sentences"], "tokens": seg["tokens"],
                              "sections": out["sections"]})
    return {"sentences": out["sentences"], "tokens": seg["tokens"], "sections": out["sections"], **ents}
