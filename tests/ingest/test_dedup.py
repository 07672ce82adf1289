import numpy as np
import pytest

from pipeline.ingest.dedup import find_duplicates, lsh_bands, signature

BASE = ("本学期，我校校本教研工作依据学校工作计划，以课堂教学为中心，努力提高教学质量。"
        "开展了丰富多彩的教研活动，组织教师外出学习培训二十余人次，取得了较好的成效。") * 6


def similarity(a: str, b: str) -> float:
    return float(np.mean(np.frombuffer(signature(a), np.uint32) == np.frombuffer(signature(b), np.uint32)))


def test_layout_digits_and_punctuation_do_not_change_the_signature():
    variant = BASE.replace("，", ", ").replace("二十余", "二十余(20)").replace("。", "。\n  ") + "123"
    assert signature(variant) == signature(BASE)


def test_near_copies_score_high_and_unrelated_texts_low():
    spun = BASE.replace("形成", "构成").replace("努力", "用心")
    other = "春季运动会在操场举行，全体学生参加了田径比赛和趣味游戏，家长委员会协助组织。" * 6
    assert similarity(BASE, spun) > 0.8
    assert similarity(BASE, other) < 0.2


@pytest.mark.parametrize("text", ["", "a", "一二", "😀😀😀", "\ud800\udc00 教研活动", "𠀀𠀁𠀂𠀃𠀄𠀅"])
def test_any_text_gets_a_full_signature(text):
    assert len(signature(text)) == 128 * 4
    assert signature(text) == signature(text)


def test_find_duplicates_points_at_the_first_copy():
    spun = BASE.replace("努力", "用心")
    rows = [("a", "sa", signature(BASE)), ("b", "sb", signature("完全不同的一篇文章，讲述运动会。" * 9)),
            ("c", "sc", signature(spun)), ("d", "sa", signature(BASE))]
    dups = find_duplicates(rows, 0.7)
    assert dups["d"] == ("a", 1.0)
    assert dups["c"][0] == "a" and "b" not in dups


@pytest.mark.parametrize("num_perm", [64, 128, 256])
@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9])
def test_bands_are_the_ones_datasketch_chooses(threshold, num_perm):
    lsh = pytest.importorskip("datasketch.lsh")
    assert lsh_bands(threshold, num_perm) == lsh._optimal_param(threshold, num_perm, 0.5, 0.5)
