"""Shortcuts give what plain scans give: count starts, quotes, lists, dashes, triggers, grouping, batches."""
import time

import numpy as np
import pyarrow as pa
import pytest

from pipeline.extract import extract_batch, extract_document
from pipeline.extract.awards import find_awards
from pipeline.extract.counts import _quoted_spans, count_matches, count_regex, count_starts, find_counts
from pipeline.extract.tables import group_by_doc
from pipeline.extract.teachers import find_teachers


def people(text):
    """(start, name, role) of each teacher found, after checking offsets."""
    found = find_teachers(text)
    for e in found:
        assert text[e["start"]:e["end"]] == e["text"] == e["name"]
    return [(e["start"], e["name"], e["role"]) for e in found if e["type"] == "teacher"]


@pytest.mark.parametrize("text", [
    "大约30人、将近五十名、近20个、约3万元、3-5位、三四个、xx人、1.5万人、63、2%的学生",
    "第二节课，前三名，高一3班，一到两次，两三位，二次备课，二次函数，下午3点，人民，三字经",
    "大家将来近日约定数学一些一起统一进一步十分万一",
    "12345678901234567890个，3十个，x三人，十几个，几十人，数百名，30多万元，十多万元",
    "共有教师1１２名，学生x余人，“六个一”工程，百分之九十五点五",
    "两到三次，三至五人，十~十五本，一至两篇，一至2次，五-六个，两部分，组长：xx组员，1万多元",
])
def test_count_matches_equal_a_plain_scan(text):
    regex = count_regex()
    assert [m.span() for m in count_matches(text, regex, count_starts())] == [m.span() for m in regex.finditer(text)]


def test_quoted_spans_end_at_a_line_end():
    assert _quoted_spans("开展“六个一”活动，共3个。") == [(2, 7)]
    assert _quoted_spans("“六个\n一”3个") == []
    assert [e["text"] for e in find_counts("开展“六个一”活动，共3个。")] == ["3个"]
    assert [e["text"] for e in find_counts("“六个\n一”3个")] == ["六个", "3个"]


@pytest.mark.parametrize("text,expected", [
    ("刘国荣——物理，张小燕————数学", [(0, "刘国荣", None), (8, "张小燕", None)]),
    ("教学——研究，——王明", []),
    ("听课、评课、议课。", []),
    ("全面提高、积极参与、认真总结。", []),
    ("物理组孙洪顺、刘玉兰、袁晓伟老师。", [(3, "孙洪顺", "老师"), (7, "刘玉兰", "老师"), (11, "袁晓伟", "老师")]),
    ("认真组织张良国、李华参加。", [(4, "张良国", None), (8, "李华", None)]),
    ("赵成平和邬亚祥、李华六位教师参加。", [(0, "赵成平", None), (4, "邬亚祥", None), (8, "李华", None)]),
])
def test_lists_and_dashes(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("获得市级优秀教师称号。", [(2, "市级优秀教师称号", "称号", "municipal")]),
    ("荣获区级一等奖。", [(2, "区级一等奖", "一等奖", "district")]),
    ("被评为市级骨干教师。", [(3, "市级骨干教师", "称号", "municipal")]),
    ("为学校争光。", []),
])
def test_award_triggers_at_the_text_start(text, expected):
    found = find_awards(text)
    assert all(text[a["start"]:a["end"]] == a["text"] for a in found)
    assert [(a["start"], a["text"], a["rank"], a["level"]) for a in found] == expected


def test_group_by_doc_sorts_only_when_needed():
    rows = {"doc_id": ["b", "a", "b", "a", "c"], "start": [5, 3, 1, 3, 0], "end": [6, 4, 2, 5, 1],
            "pos": ["n", "v", "m", "q", "n"]}
    mixed = group_by_doc(pa.table(rows), ("start", "end", "pos"))
    assert sorted(mixed) == ["a", "b", "c"]
    assert mixed["a"]["start"].tolist() == [3, 3] and mixed["a"]["pos"].tolist() == ["v", "q"]  # ties keep row order
    assert mixed["b"]["start"].tolist() == [1, 5] and mixed["b"]["end"].tolist() == [2, 6]
    ordered = group_by_doc(pa.table({k: [v[i] for i in (2, 0, 1, 3, 4)] for k, v in rows.items()}), ("start", "pos"))
    assert {d: v["start"].tolist() for d, v in ordered.items()} == {"a": [3, 3], "b": [1, 5], "c": [0]}


def test_extract_batch_equals_documents_one_by_one():
    texts = ["我校现有教师66名，学生1015人。", "派张杰、陆春芬二位老师去北京学习。", "", "郭欣宸等10名学生荣获一等奖。"]
    tokens = [None, None, None, {"start": np.array([0]), "end": np.array([3]), "pos": np.array(["nr"])}]
    assert extract_batch(texts, tokens) == [extract_document(t, k) for t, k in zip(texts, tokens)]


@pytest.mark.parametrize("line", [
    "——" * 50_000,
    "王明——" * 20_000,
    "、王" * 50_000,
    "和" * 100_000 + "、",
    "王" * 100_000 + "、",
    "一个" * 50_000,
    "大约" * 50_000,
    "“1个" * 30_000,
])
def test_linear_on_adversarial_lines(line):
    t = time.perf_counter()
    find_teachers(line), find_counts(line)
    assert time.perf_counter() - t < 5.0
