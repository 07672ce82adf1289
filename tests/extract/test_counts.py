"""Count entities: values, units, approximations, placeholders, and every exclusion."""
import time

import pytest

from pipeline.extract.counts import find_counts


def counts(text):
    """(text, value, unit, approx) of each count, after checking its offsets."""
    found = find_counts(text)
    for e in found:
        assert text[e["start"]:e["end"]] == e["text"]
    return [(e["text"], e["value"], e["unit"], e["approx"]) for e in found]


@pytest.mark.parametrize("text,expected", [
    ("我校现有教师66名，学生1015人。", [("66名", 66.0, "名", None), ("1015人", 1015.0, "人", None)]),
    ("共送出作品52件，听课22节。", [("52件", 52.0, "件", None), ("22节", 22.0, "节", None)]),
    ("本期学校投入30多万元购置了4万多册书籍。", [("30多万元", 30.0, "万元", "多"), ("4万多册", 40000.0, "册", "多")]),
    ("投入近五万元资金。", [("近五万元", 5.0, "万元", "近")]),
    ("投入资金约120万元。", [("约120万元", 120.0, "万元", "约")]),
    ("正在研究三个课题。", [("三个", 3.0, "个", None)]),
    ("安排近二十位教师上课。", [("近二十位", 20.0, "位", "近")]),
    ("组织了一千多名学生报名。", [("一千多名", 1000.0, "名", "多")]),
    ("撰写论文30余篇，参训教师达三百余人次。", [("30余篇", 30.0, "篇", "余"), ("三百余人次", 300.0, "人次", "余")]),
    ("培训50人次左右。", [("50人次左右", 50.0, "人次", "左右")]),
    ("获奖率达28.6%，优秀率94％。", [("28.6%", 28.6, "%", None), ("94％", 94.0, "%", None)]),
    ("占教师人数的63、2%。", [("63、2%", 63.2, "%", None)]),
    ("完成了教学的40%—50%。", [("40%", 40.0, "%", None), ("50%", 50.0, "%", None)]),
    ("每学期12学时培训，共16课时。", [("12学时", 12.0, "学时", None), ("16课时", 16.0, "课时", None)]),
    ("提出两点不足和三条建议，从三方面入手。", [("两点", 2.0, "点", None), ("三条", 3.0, "条", None), ("三方面", 3.0, "方面", None)]),
    ("语文作业2次/周。", [("2次", 2.0, "次", None)]),
    ("三等奖1名。", [("1名", 1.0, "名", None)]),
    ("二等奖二件、三等奖三件。", [("二件", 2.0, "件", None), ("三件", 3.0, "件", None)]),
    ("举行二次学生作业评比活动。", [("二次", 2.0, "次", None)]),
    ("共有教师12人", [("12人", 12.0, "人", None)]),
    ("10名师生参加。", [("10名", 10.0, "名", None)]),
    ("百余人参加，近千册图书。", [("百余人", 100.0, "人", "余"), ("近千册", 1000.0, "册", "近")]),
    ("合格率达百分之九十五点五，百分之百完成。", [("百分之九十五点五", 95.5, "%", None), ("百分之百", 100.0, "%", None)]),
    ("投入2万余元。", [("2万余元", 2.0, "万元", "余")]),
    ("有3-5人参加。", [("3-5人", 3.0, "人", "range")]),
])
def test_counts(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "有x余人参加。", "共有xx名教师。", "培训X人次。", "共有××人。",
])
def test_placeholders_have_no_value(text):
    (e,) = find_counts(text)
    assert e["value"] is None and e["placeholder"] is True
    assert text[e["start"]:e["end"]] == e["text"]


def test_several_hundred_has_no_value():
    assert counts("发表文章数百篇。") == [("数百篇", None, "篇", "数")]


@pytest.mark.parametrize("text,reason", [
    ("11月5日召开会议，20xx年完成。", "date"),
    ("每周三下午3点开展活动。", "time of day"),
    ("本学期计划两个月完成，用了一个学期。", "duration"),
    ("学期初用了两年时间。", "duration without measure word"),
    ("星期四下午第二节课，第五届大赛。", "ordinal"),
    ("评优活动的前三名：杨国庆。", "rank"),
    ("1、抓好常规\n2、组织参加比赛", "list markers"),
    ("织教师参加“五个一工程”，做到“六个一”，三位一体。", "name"),
    ("实施“343”模式和“三全”育人，落实“四个一”。", "quoted name"),
    ("对象为28周岁以下，35岁以上。", "age"),
    ("每周一次教研，上一节课，写一篇反思。", "one"),
    ("设计一两个话题，配上两三位骨干，三四个人。", "vague range"),
    ("计划培训一到两次，检查一至二次。", "loose range"),
    ("坚持二次备课，讲二次函数，没法进行二次授课或二次纠正。", "second round"),
    ("学习了教育局22期教育周报，27～12。26期间。", "issue number"),
    ("优秀率提高了3.5个百分点。", "percentage points"),
    ("三字经里的十字路口，陈xx名师工作室，1元旦。", "words"),
    ("为人民服务，培养人才。", "no numeral"),
])
def test_exclusions(text, reason):
    assert counts(text) == [], reason


def test_ordinal_after_first_still_counts_the_rest():
    assert counts("第二节课有42名教师参加。") == [("42名", 42.0, "名", None)]


def test_item_is_the_noun_next_to_the_count():
    items = [e["item"] for e in find_counts("立项的两项市级课题；教师66名；听课不少于4节；6位青年教师。")]
    assert items == ["市级课题", "教师", "听课", "青年教师"]


def test_items_from_tokens():
    text = "二位老师同学校领导"
    tokens = {"start": [0, 1, 2, 4, 5, 7], "end": [1, 2, 4, 5, 7, 9], "pos": ["m", "q", "n", "p", "n", "n"]}
    (e,) = find_counts(text, {k: __import__("numpy").array(v) for k, v in tokens.items()})
    assert e["item"] == "老师"


@pytest.mark.parametrize("text, start, end, pos, item", [
    ("教师66名参加", [0, 2, 4, 5], [2, 4, 5, 7], ["n", "m", "q", "v"], "教师"),  # no noun after: the one before
    ("3个的课题", [0, 1, 2, 3], [1, 2, 3, 5], ["m", "q", "uj", "n"], "课题"),  # 的 skipped
    ("共3个", [0, 1, 2], [1, 2, 3], ["d", "m", "q"], None),  # no token after, an adverb before
])
def test_items_from_tokens_before_and_after(text, start, end, pos, item):
    tokens = {k: __import__("numpy").array(v) for k, v in (("start", start), ("end", end), ("pos", pos))}
    (e,) = find_counts(text, tokens)
    assert e["item"] == item


@pytest.mark.parametrize("line", [
    "1" * 100_000,
    "一" * 100_000,
    "1." * 50_000,
    "1-" * 50_000,
    "x" * 100_000,
    "、1" * 50_000,
    "30多万" * 20_000,
    "“" * 50_000 + "”" * 50_000,
    "（1）" * 25_000,
    "第一二三四五六七八九十百千万亿" * 7_000,
])
def test_linear_on_adversarial_lines(line):
    t = time.perf_counter()
    find_counts(line)
    assert time.perf_counter() - t < 2.0
