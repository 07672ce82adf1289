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
    # 万 right before 元 makes the unit 万元; 多/余 between them makes the number N万多 of 元 (SPEC: 4万多 → 40000)
    ("投入2万余元。", [("2万余元", 20000.0, "元", "余")]),
    ("累计培训费用1万多元。", [("1万多元", 10000.0, "元", "多")]),
    ("覆盖全校学生共计5,200人次。", [("5,200人次", 5200.0, "人次", None)]),  # thousands grouped
    ("骨干专业群人数1563人，教职工人数140人。", [("1563人", 1563.0, "人", None), ("140人", 140.0, "人", None)]),
    ("获得7个一等奖，5个二等奖。", [("7个", 7.0, "个", None), ("5个", 5.0, "个", None)]),  # prizes, not 五个一工程
    ("力争各学科成绩提升5%-8%。", [("5%-8%", 5.0, "%", "range")]),  # one range
    ("校园占地面积11亩，建筑面积8000平方米。", [("11亩", 11.0, "亩", None), ("8000平方米", 8000.0, "平方米", None)]),
    ("投资1万3千元添置广播，1千5百多元购买床铺。",  # a compound written with Arabic digits (copied from a PDF)
     [("1万3千元", 13000.0, "元", None), ("1千5百多元", 1500.0, "元", "多")]),
    ("购书花了五万多元，维修用去3千余元。", [("五万多元", 50000.0, "元", "多"), ("3千余元", 3000.0, "元", "余")]),
    ("投入5万元，又筹集十多万元。", [("5万元", 5.0, "万元", None), ("十多万元", 10.0, "万元", "多")]),
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
    ("计划培训一到两次，检查一至二次。", "one or two"),
    ("每月精读一至两篇文章，听课一到二节。", "one or two"),
    ("学习内容分为必读文章和自选文章两部分，由三部门联合检查。", "部分, 部门"),
    ("成立中心组，组长：xx组员：xx、xx、xx。", "组员 after a placeholder name"),
    ("组长：××组长助理：××。", "组长"),
    ("每人承担三个人课题。", "个人 before a noun"),
    ("为人民服务，组织三名师徒结对。", "名师 is a word"),
    ("坚持二次备课，讲二次函数，没法进行二次授课或二次纠正。", "second round"),
    ("学习了教育局22期教育周报，27～12。26期间。", "issue number"),
    ("优秀率提高了3.5个百分点。", "percentage points"),
    ("三字经里的十字路口，陈xx名师工作室，1元旦。", "words"),
    ("为人民服务，培养人才。", "no numeral"),
])
def test_exclusions(text, reason):
    assert counts(text) == [], reason


@pytest.mark.parametrize("text,expected", [
    ("每学期培训两到三次。", [("两到三次", 2.0, 3.0, "次")]),
    ("三至五人一组，每组读十到十五本书。", [("三至五人", 3.0, 5.0, "人"), ("十到十五本", 10.0, 15.0, "本")]),
    ("有3-5人参加，写2～3篇。", [("3-5人", 3.0, 5.0, "人"), ("2～3篇", 2.0, 3.0, "篇")]),
])
def test_ranges_are_read_whole(text, expected):
    found = find_counts(text)
    assert [(e["text"], e["value"], e["value_high"], e["unit"]) for e in found] == expected
    assert all(e["approx"] == "range" and text[e["start"]:e["end"]] == e["text"] for e in found)


@pytest.mark.parametrize("text,expected", [
    ("落实六、七、八三个年级的第二课堂活动。", [("三个", 3.0, "个", None)]),  # not 八三个
    ("一、二两个年级参加。", [("两个", 2.0, "个", None)]),
    ("在八三个班开展。", []),  # no list before it: an odd numeral, left out
    ("每班三四个小组。", []),  # a guess, not a statistic
])
def test_a_list_of_numerals_running_into_a_count(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("分成三组，组员轮流发言。", [("三组", 3.0, "组", None)]),  # a comma between: 三组 counts
    ("全校有两部手机借给学生。", [("两部", 2.0, "部", None)]),
    ("三个人参加比赛，建立两个人才库。", [("三个", 3.0, "个", None), ("两个", 2.0, "个", None)]),
    ("10名师生参加，另有3名师范生。", [("10名", 10.0, "名", None), ("3名", 3.0, "名", None)]),
    ("学生每5人为一组。", [("5人", 5.0, "人", None)]),  # 人为 is a word, but not after a count
])
def test_units_before_other_words_still_count(text, expected):
    assert counts(text) == expected


def test_ordinal_after_first_still_counts_the_rest():
    assert counts("第二节课有42名教师参加。") == [("42名", 42.0, "名", None)]


def test_item_is_the_noun_next_to_the_count():
    items = [e["item"] for e in find_counts("立项的两项市级课题；教师66名；听课不少于4节；6位青年教师。")]
    assert items == ["市级课题", "教师", "听课", "青年教师"]


def test_item_without_tokens_stops_at_a_verb():
    assert [e["item"] for e in find_counts("5名教师参加区级培训，2人获教学比赛奖项。")] == ["教师", None]


def test_items_from_tokens():
    text = "二位老师同学校领导"
    tokens = {"start": [0, 1, 2, 4, 5, 7], "end": [1, 2, 4, 5, 7, 9], "pos": ["m", "q", "n", "p", "n", "n"]}
    (e,) = find_counts(text, {k: __import__("numpy").array(v) for k, v in tokens.items()})
    assert e["item"] == "老师"


@pytest.mark.parametrize("text, start, end, pos, item", [
    ("教师66名参加", [0, 2, 4, 5], [2, 4, 5, 7], ["n", "m", "q", "v"], "教师"),  # no noun after: the one before
    ("3个的课题", [0, 1, 2, 3], [1, 2, 3, 5], ["m", "q", "uj", "n"], "课题"),  # 的 skipped
    ("共3个", [0, 1, 2], [1, 2, 3], ["d", "m", "q"], None),  # no token after, an adverb before
    ("分别指导12个不同的班级", [0, 2, 4, 6, 7, 9, 10], [2, 4, 6, 7, 9, 10, 12], ["d", "n", "m", "q", "a", "uj", "n"],
     "班级"),  # an adjective and its 的 skipped
    ("含教师机1台", [0, 1, 3, 4, 5], [1, 3, 4, 5, 6], ["v", "n", "n", "m", "q"], "教师机"),  # nouns glued before it
])
def test_items_from_tokens_before_and_after(text, start, end, pos, item):
    tokens = {k: __import__("numpy").array(v) for k, v in (("start", start), ("end", end), ("pos", pos))}
    (e,) = find_counts(text, tokens)
    assert e["item"] == item


@pytest.mark.parametrize("text, start, end, pos, item", [
    # 2人获: the segmenter glues 获 to the unit, so what follows is no counted noun (and nothing comes before)
    ("2人获教学比赛奖项", [0, 1, 3, 5, 7], [1, 3, 5, 7, 9], ["m", "v", "n", "vn", "n"], None),
    ("共3人获奖", [0, 1, 2, 4], [1, 2, 4, 5], ["d", "m", "v", "n"], None),
    # only nouns extend the head noun: 立项 (b) and 榜上有名 (l) are no part of the item
    ("76项微型课题立项为校级课题", [0, 2, 3, 7, 9, 10, 12], [2, 3, 7, 9, 10, 12, 14],
     ["m", "n", "n", "b", "p", "n", "n"], "微型课题"),
    ("11名教师榜上有名", [0, 2, 3, 5], [2, 3, 5, 9], ["m", "q", "n", "l"], "教师"),
    ("12篇教学论文获奖", [0, 2, 3, 5, 7], [2, 3, 5, 7, 9], ["m", "q", "n", "n", "v"], "教学论文"),
])
def test_item_is_only_the_counted_noun(text, start, end, pos, item):
    tokens = {k: __import__("numpy").array(v) for k, v in (("start", start), ("end", end), ("pos", pos))}
    assert find_counts(text, tokens)[0]["item"] == item


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
    "一至" * 50_000,
    "两" * 50_000 + "至" + "三" * 50_000 + "人",
    "三至四至五至六人" * 12_000,
    "六、七、八三个" * 14_000,  # a numeral list running into each count: re-read from the list's last numeral
])
def test_linear_on_adversarial_lines(line):
    t = time.perf_counter()
    find_counts(line)
    assert time.perf_counter() - t < 2.0
