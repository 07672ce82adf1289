"""Awards: prize lists, honour titles, levels, events, awards not won, offsets, linear time."""
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.award_phrases import paired_span
from pipeline.extract.awards import find_awards
from pipeline.extract.levels import level_of


def awards(text: str) -> list[tuple]:
    """(text, rank, level) of every award, after checking every offset."""
    found = find_awards(text)
    for a in found:
        assert a["type"] == "award"
        assert text[a["start"]:a["end"]] == a["text"]
    return [(a["text"], a["rank"], a["level"]) for a in found]


def test_award_with_level_and_event():
    text = "房玉、臧海霞获得区级演讲比赛二等奖，吉普清获得区级诵读比赛二等奖。"
    assert awards(text) == [("区级演讲比赛二等奖", "二等奖", "district"), ("区级诵读比赛二等奖", "二等奖", "district")]
    first = find_awards(text)[0]
    assert first["event"] == "演讲比赛" and first["recipient"] == "房玉、臧海霞"


def test_national_prize_and_place_level_near_the_rank():
    assert awards("学校荣获全国美术书法摄影作品大赛特等奖；") == [
        ("全国美术书法摄影作品大赛特等奖", "特等奖", "national")]
    assert awards("学校荣获运河情中小学生才艺大赛扬州市一等奖；") == [
        ("运河情中小学生才艺大赛扬州市一等奖", "一等奖", "municipal")]


def test_list_with_counts_gives_one_award_per_rank():
    assert awards("本次比赛共评出一等奖5名、二等奖12名、三等奖20名。") == [
        ("一等奖", "一等奖", None), ("二等奖", "二等奖", None), ("三等奖", "三等奖", None)]
    assert [r for _, r, _ in awards("评出一等奖一件、二等奖二件、三等奖三件、鼓励奖三件。")] == [
        "一等奖", "二等奖", "三等奖", "鼓励奖"]


def test_grade_lists_before_one_prize_word():
    found = awards("在区教师基本功大赛中，我校3名教师分别获得一、二、三等奖。")
    assert [r for _, r, _ in found] == ["一等奖", "二等奖", "三等奖"]
    assert [t for t, _, _ in found] == ["一、二、三等奖", "二、三等奖", "三等奖"]  # distinct spans
    assert {lv for _, _, lv in found} == {"district"}  # from 在区……大赛中
    assert awards("作品获全国美术书法摄影作品大赛一二等奖。") == [
        ("全国美术书法摄影作品大赛一二等奖", "一等奖", "national"), ("二等奖", "二等奖", "national")]


def test_respectively_won_events_are_separate_awards():
    assert awards("孙红梅、马正凤分获区级数学、英语赛课一等奖，") == [
        ("区级数学、英语赛课一等奖", "一等奖", "district"), ("英语赛课一等奖", "一等奖", "district")]


def test_named_ranks_medals_and_places():
    assert awards("李少意老师获金奖；我校获特等组织奖；") == [("金奖", "金奖", None), ("特等组织奖", "特等奖", None)]
    assert awards("我校合唱队获得市合唱比赛银奖，舞蹈队获铜奖。") == [
        ("市合唱比赛银奖", "银奖", "municipal"), ("铜奖", "铜奖", None)]
    assert awards("我校取得了全局数学教师平均成绩第一名的成绩。") == [("全局数学教师平均成绩第一名", "第一名", None)]
    assert awards("金黎和张良国获得第二的好成绩。") == [("第二", "第二名", None)]
    assert awards("我校篮球队获得冠军。") == [("冠军", "冠军", None)]


def test_named_prize_needs_a_win_verb():
    assert awards("远安一高因此获得优秀组织奖。") == [("优秀组织奖", None, None)]
    assert awards("张老师获县优质课奖。") == [("县优质课奖", None, "county")]
    assert awards("杜庆联老师制作的课件获得一等奖及创新发明奖，") == [("一等奖", "一等奖", None), ("创新发明奖", None, None)]
    assert awards("制订教研奖惩条例，建立奖励机制，对获奖教师发放奖金。") == []


def test_prize_without_grade_in_a_named_competition():
    assert awards("有两名教师指导的学生在全市中学生英语模仿秀比赛中获奖，") == [
        ("全市中学生英语模仿秀比赛中获奖", None, "municipal")]
    assert awards("有8人次基本功在区级以上比赛中获奖。本学期共有15人次获奖。") == []
    assert awards("近百篇学生和教师文章在历届评选中获奖。多篇论文在各类评比中获奖。") == []  # no particular event


@pytest.mark.parametrize("text", [
    "学校力争在全市艺术节中获得一等奖。",
    "争取在县运动会上获得团体第一名。",
    "本次比赛设一等奖3名，二等奖5名。",
    "凡获得市级以上一等奖的教师，学校给予奖励。",
    "争取被评为省级示范学校。",
    "学校将评选出优秀教研组和先进个人。",
    "要充分发挥骨干教师的作用，评选优秀教师。",
    "加快教师专业成长步伐，成为骨干教师、学科带头人。",
    "对评选出的优秀论文，做到多修改。",
    "他获得了很大的进步，取得了优秀成绩。",
    "获得一等奖学金，举行了隆重的颁奖典礼。",
    "年度考核被评为优秀。",
    "这次比赛设了十佳奖、一等奖和二等奖。",  # the prizes a contest offers
])
def test_awards_not_won_are_left_out(text):
    assert awards(text) == []


def test_a_prize_offered_and_then_given():
    assert awards("比赛设了十佳奖、一等奖和二等奖，要特别表扬被授予十佳奖的老师。") == [("十佳奖", None, None)]


def test_words_that_only_look_like_plans():
    # 希望杯 is a contest, 模拟考试 an exam, and a reward given afterwards is no rule
    found = awards("在“希望杯”全国数学邀请赛中，我校有12名学生获奖，其中一等奖2名，二等奖4名。")
    assert found == [("一等奖", "一等奖", "national"), ("二等奖", "二等奖", "national")]
    assert find_awards("在“希望杯”全国数学邀请赛中，王明获一等奖。")[0]["event"] == "“希望杯”全国数学邀请赛"
    assert awards("在全市模拟考试中取得第一名。") == [("第一名", "第一名", "municipal")]
    assert awards("王老师荣获一等奖，学校给予奖励。") == [("一等奖", "一等奖", None)]
    assert awards("经过激烈争夺，我校获得冠军。") == [("冠军", "冠军", None)]


def test_empty_text():
    assert find_awards("") == []


def test_honour_titles():
    assert awards("李明被评为市级骨干教师。") == [("市级骨干教师", "称号", "municipal")]
    assert awards("张华老师获得市级骨干教师称号。") == [("市级骨干教师称号", "称号", "municipal")]
    assert awards("我校被授予“校本教研先进集体”荣誉称号。") == [("“校本教研先进集体”荣誉称号", "称号", None)]
    assert awards("王老师荣获2019年度县级优秀班主任。") == [("2019年度县级优秀班主任", "称号", "county")]
    assert awards("学校被评为全国文明校园。") == [("全国文明校园", "称号", "national")]
    assert awards("学校荣获区级优秀学校奖牌。") == [("区级优秀学校奖牌", "称号", "district")]  # a plaque
    long_list = ("学校先后荣获“江苏省科技教育先进学校”、“XX市教育现代化学校”、“XX市平安学校”“XX市女职工先进集体”、"
                 "“XX市红十字示范学校”等荣誉称号。")
    assert len(find_awards(long_list)) == 5  # a long quoted list is read to its end
    assert [a["text"] for a in find_awards("表扬一下被授予十佳奖的老师。")] == ["十佳奖"]  # the prize, once
    assert awards("学校被评为“市文明单位”“区平安校园”。") == [  # quoted titles side by side are two
        ("“市文明单位”", "称号", "municipal"), ("“区平安校园”", "称号", "district")]
    assert awards("我校荣获20xx年度“教育教学先进单位”。") == [("20xx年度“教育教学先进单位”", "称号", None)]
    assert awards("评出了优秀教研组。") == [("优秀教研组", "称号", None)]
    assert awards("开展评比活动，评出优秀作业50份。") == [("优秀作业", "称号", None)]  # the count is no part of it


def test_title_lists():
    assert awards("我校先后还获得了“校本教研先进集体”和“校本教材开发先进集体”荣誉称号。") == [
        ("“校本教研先进集体”", "称号", None), ("“校本教材开发先进集体”荣誉称号", "称号", None)]
    assert awards("王芳被评为区优秀教师、区先进工作者。") == [
        ("区优秀教师", "称号", "district"), ("区先进工作者", "称号", "district")]
    assert awards("我校被评为县级先进单位和市级示范学校。") == [
        ("县级先进单位", "称号", "county"), ("市级示范学校", "称号", "municipal")]
    assert awards("我校被评为校本教研先进集体，校本教材开发先进集体，成为调兵山市20xx年度的文明单位。") == [
        ("校本教研先进集体", "称号", None), ("校本教材开发先进集体", "称号", None),
        ("调兵山市20xx年度的文明单位", "称号", "municipal")]
    assert awards("李老师获得市教学能手称号，王老师获得市学科带头人称号。") == [
        ("市教学能手称号", "称号", "municipal"), ("市学科带头人称号", "称号", "municipal")]


def test_title_in_a_later_clause_of_the_same_win():
    text = "学校荣获2007年度浙江省优秀级陶研实验学校，舟山市陶研、教科研双优单位称号，该两项称号全市仅两所学校获得。"
    assert awards(text) == [("2007年度浙江省优秀级陶研实验学校", "称号", "provincial"),
                            ("舟山市陶研、教科研双优单位称号", "称号", "municipal")]


def test_event_named_in_quotes_before_the_verb():
    found = find_awards("何健老师参加“一师一优课，一课一名师”讲课比赛荣获湖南省一等奖。")
    assert [(a["text"], a["level"], a["event"]) for a in found] == [
        ("湖南省一等奖", "provincial", "“一师一优课，一课一名师”讲课比赛")]
    assert awards("多年年底考核被评为“优秀”，还荣获了国家级“优秀辅导老师”称号。") == [
        ("国家级“优秀辅导老师”称号", "称号", "national")]


def test_titles_conferred_by_a_selection():
    text = "评选出曹德宏、赵成平和杜庆联老师为远安一高首届十大名师。"
    assert awards(text) == [("远安一高首届十大名师", "称号", None)]
    assert awards("教育部为远安一高颁发“科研兴教先进单位”荣誉证书及奖牌。") == [
        ("“科研兴教先进单位”荣誉证书", "称号", "national")]
    assert find_awards("教育部为远安一高颁发“科研兴教先进单位”荣誉证书。")[0]["recipient"] is None
    given = find_awards("王老师被区教育局评为优秀教师。")[0]
    assert (given["text"], given["level"], given["recipient"]) == ("优秀教师", "district", "王老师")


@pytest.mark.parametrize("words,level", [
    ("全国", "national"), ("国家级", "national"), ("省级", "provincial"), ("湖北省", "provincial"),
    ("市级", "municipal"), ("全市", "municipal"), ("区级", "district"), ("江都区", "district"),
    ("县级", "county"), ("全县", "county"), ("镇级", "township"), ("校级", "school"), ("全校", "school"),
    ("学校", None), ("社区", None), ("城市", None), ("校本", None), ("", None),
])
def test_level_words(words, level):
    assert level_of(words + "演讲比赛一等奖") == level


def test_traditional_text_is_read_through_its_simplified_view():
    # the stage passes the same-length simplified view; offsets index both
    assert awards("房玉获得区级演讲比赛二等奖。") == [("区级演讲比赛二等奖", "二等奖", "district")]


def test_sample_document_offsets_and_attributes():
    text = ("5、参加县电教仪器站实验教学论文评比活动中，章宝老师的论文《浅议化学实验教学》获一等奖，"
            "徐圣平老师的论文《例谈测定电阻的实验方法》获二等奖。\n本学期，成果如下：\n学校荣获全国美术书法摄影作品大赛特等奖；\n")
    found = find_awards(text)
    assert [(a["start"], a["end"], a["rank"]) for a in found] == [
        (40, 43, "一等奖"), (66, 69, "二等奖"), (85, 100, "特等奖")]
    assert [a["level"] for a in found] == ["county", "county", "national"]
    assert found[0]["event"] == "电教仪器站实验教学论文评比活动"
    assert found[0]["recipient"] == "章宝老师的论文"
    assert found[2]["recipient"] == "学校"


@pytest.mark.parametrize("line", [
    "1" * 100_000, "《" * 100_000, "“”" * 50_000, "等奖" * 50_000, "一等奖" * 33_000, "一、" * 50_000 + "等奖",
    "获" * 100_000, "奖" * 100_000, "被评为" * 33_000, "评选" + "为" * 100_000, "组织奖" * 33_000,
    "中获奖" * 33_000, "获得第一" * 25_000, "被评为" + "先进集体，" * 20_000, "王老师获得市一等奖，" * 10_000,
])
def test_adversarial_lines_finish_fast(line):
    t0 = time.perf_counter()
    find_awards(line)
    assert time.perf_counter() - t0 < 3.0


ALPHABET = "获得荣被评为一二三特等奖优秀称号“”《》课题市区县省全国校级，。、和及中在比赛第名冠军组织的了12x\n（）成荣誉先进集体教师骨干"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_offsets_hold_on_any_text(text):
    for a in find_awards(text):
        assert 0 <= a["start"] < a["end"] <= len(text) and text[a["start"]:a["end"]] == a["text"]


@pytest.mark.parametrize("text, found", [
    ("经过层层评选，推荐王老师为区级骨干教师。", [("区级骨干教师", "称号", "district")]),  # 为 after 评选
    ("他为区级骨干教师做了示范课。", []),  # a bare 为 with no judging word before
    ("张老师取得了优异的成绩，获得学生好评。", []),  # weak triggers without a title
])
def test_title_after_wei_needs_a_judging_word(text, found):
    assert awards(text) == found


@pytest.mark.parametrize("s, level", [("", None), ("比赛", None), ("学校", None), ("社区", None),
                                      ("校本课题", "school"), ("扬州市一等奖", "municipal")])
def test_level_of_stop_words_and_strings_without_cues(s, level):
    assert level_of(s) == level


@pytest.mark.parametrize("text, found", [
    ("首先，颁发的是“教育教学竞赛奖”。", [("“教育教学竞赛奖”", None, None)]),  # not 是“教育教学竞赛奖
    ("王俊老师荣获“特别贡献奖”，李老师获得了“优秀辅导奖”。", [("“特别贡献奖”", None, None), ("“优秀辅导奖”", None, None)]),
    ("典礼分为“教学竞赛奖”“省级以上重大项目结项优秀奖”两个篇章。",
     [("“省级以上重大项目结项优秀奖”", "优秀奖", "provincial")]),  # not ”“省级……优秀奖
    ("学校获得了“书香校园”称号。", [("“书香校园”称号", "称号", None)]),  # a pair inside stays as it is
])
def test_quoted_award_names_keep_both_quotes(text, found):
    assert awards(text) == found


@pytest.mark.parametrize("text, start, end, span", [
    ("是“教学奖”。", 1, 5, (1, 6)),  # the closing quote right after joins
    ("”“优秀奖”", 0, 5, (1, 6)),  # a closing quote never opens a span
    ("“教学奖的老师", 0, 4, (1, 4)),  # no partner near: the opener goes
    ("“A”一等奖", 0, 6, (0, 6)),
])
def test_paired_span(text, start, end, span):
    assert paired_span(text, start, end) == span


def test_qizhong_takes_the_event_of_the_sentence_before():
    text = "在刚刚结束的区青年教师论文评比中，我校报送的论文获奖20篇。其中获得一等奖3篇，二等奖5篇。"
    found = find_awards(text)
    assert [(a["text"], a["level"], a["event"]) for a in found] == [
        ("一等奖", "district", "青年教师论文评比"), ("二等奖", "district", "青年教师论文评比")]
    # no event before 其中, or no 其中: nothing is carried across the 。
    assert awards("我校报送的论文获奖20篇。其中获得一等奖3篇。") == [("一等奖", "一等奖", None)]
    assert [a["event"] for a in find_awards("在市演讲比赛中我校获奖5人。王老师获一等奖。")] == [None]


@pytest.mark.parametrize("text, level, event", [
    ("在县教学成果评比（含优秀案例）中，获一等奖2篇。", "county", "教学成果评比"),
    ("在市优质课比赛(初中组)中获二等奖。", "municipal", "优质课比赛"),
    ("在本届读书节征文比赛中，张明获二等奖。", None, "读书节征文比赛"),  # 本届 is no part of the name
])
def test_event_read_past_an_aside(text, level, event):
    (a,) = find_awards(text)
    assert (a["level"], a["event"]) == (level, event)


@pytest.mark.parametrize("text, found", [
    ("王老师的《认识钟表》一课被xx市评为优质课一等奖。", [("优质课一等奖", "一等奖", "municipal")]),
    ("李老师的课被区教育局评为优质课二等奖。", [("优质课二等奖", "二等奖", "district")]),
    ("这节课被学生评为最受欢迎课堂一等奖。", [("最受欢迎课堂一等奖", "一等奖", None)]),  # students judge: no level
])
def test_level_of_whoever_judged(text, found):
    assert awards(text) == found


@pytest.mark.parametrize("text, level, event", [
    ("在市第十届中小学生艺术节中，我校选送的舞蹈《春天》荣获一等奖。", "municipal", "第十届中小学生艺术节"),
    ("在县第五届读书节中获一等奖。", "county", "第五届读书节"),
    # a quoted contest ending in 赛, and a district named …城区 (城区学校 stays no level)
    ("宽城区教师进修学校举办了首届宽城区青年教师“争艳赛”，我校教师获特等奖。", "district", "首届宽城区青年教师“争艳赛”"),
])
def test_school_festivals_are_events(text, level, event):
    assert [(a["level"], a["event"]) for a in find_awards(text)] == [(level, event)]


def test_an_award_joined_to_the_one_before_shares_its_level():
    found = find_awards("在区绑腿跑比赛中获得了海淀区第一名和第五名的骄人成绩。")
    assert [(a["rank"], a["level"]) for a in found] == [("第一名", "district"), ("第五名", "district")]


@pytest.mark.parametrize("text, found", [
    ("大会对党秋芳等25名优秀班主任、余遐等75名教学优胜者、高三语文组等19个优秀教研组予以公开表彰。",
     ["优秀班主任", "教学优胜者", "优秀教研组"]),
    ("会上表彰了12名优秀教师、3个先进集体。", ["优秀教师", "先进集体"]),
    ("学校对在比赛中获奖的30名学生进行了表彰。", []),  # pupils, no title
    ("对表现突出的5名优秀教师将予以表彰。", []),  # not given yet
    ("召开表彰大会，25名优秀教师发言。", []),
])
def test_titles_given_at_a_commendation(text, found):
    assert [(a["text"], a["rank"]) for a in find_awards(text)] == [(t, "称号") for t in found]


def test_prizes_named_by_a_level_alone():
    found = find_awards("论文获国家级奖励2篇，省级奖励5篇。本学期教师获得县级奖励。")
    assert [(a["text"], a["rank"], a["level"]) for a in found] == [
        ("国家级奖励", None, "national"), ("省级奖励", None, "provincial"), ("县级奖励", None, "county")]
    assert find_awards("对获奖教师给予校级奖励。学校设立校级奖励基金。") == []  # a rule, a fund: nothing won


def test_event_starts_after_the_award_before():
    found = find_awards("李老师辅导的节目获艺术节一等奖、学生实践展示获得市一等奖。")
    assert [(a["text"], a["event"]) for a in found] == [("艺术节一等奖", "艺术节"), ("市一等奖", "学生实践展示")]


@pytest.mark.parametrize("text", [
    "该奖项用于奖励在省、市级教学竞赛活动中获奖的教师。",  # who may win: a rule, not a win
    "奖励对象为在市级以上比赛中获一等奖的教师。",
    "评出获奖作品30件。",  # the winning entries, not a title conferred
])
def test_rules_and_winning_entries_are_no_awards(text):
    assert awards(text) == []


def test_winning_entries_before_their_prizes():
    assert awards("共评出了获奖优秀论文106篇，其中一等奖13篇。") == [("一等奖", "一等奖", None)]
    assert awards("开展评比活动，评出优秀作业50份。") == [("优秀作业", "称号", None)]  # a title still


@pytest.mark.parametrize("s, level", [("在州中学化学论文评选中", "municipal"), ("全州", "municipal"),
                                      ("贵州省", "provincial"), ("贵州", "provincial"), ("广州", "municipal"),
                                      ("神州大地", None)])
def test_prefecture_is_municipal(s, level):
    assert level_of(s) == level


@pytest.mark.parametrize("text, expected", [
    # adverbs and time phrases around the winners go; a count of entries names no winner
    ("吴风琴、成群老师双双获得常州市比赛一等奖。", [("吴风琴、成群老师", "常州市比赛")]),
    ("此次成群老师、吴风琴老师共同捧回常州市教师基本功比赛一等奖。", [("成群老师、吴风琴老师", "常州市教师基本功比赛")]),
    ("化学教研组还在2019年被评为常州市优秀教研组。", [("化学教研组", None)]),
    ("20xx年、20xx年荣获未央区教学质量优秀奖。", [(None, None)]),
    ("论文、教案等共有6篇获国家级奖。", [(None, None)]),
    # an event keeps its 学校, loses a list comma; titles listed after a medal take no event from it
    ("学生在市、区地方课程知识竞赛中获区一等奖24名。", [(None, "区地方课程知识竞赛")]),
    ("先后荣获“江苏省健康促进学校铜牌”、“江苏省科技教育先进学校”等荣誉称号。", [(None, "健康促进学校"), (None, None)]),
])
def test_award_recipient_and_event(text, expected):
    assert [(a["recipient"], a["event"]) for a in find_awards(text)] == expected


@pytest.mark.parametrize("text, level", [
    ("连续两年在XX市教育局组织的学校教育综合考评中被评为“优秀奖”。", "municipal"),
    ("在由安徽省教育厅主办的中小学教师说课比赛中，王老师获一等奖。", "provincial"),
    ("学校组织了演讲比赛，王明获一等奖。", None),  # a school is no office that sets a level
    ("陈老师参加由浙江师范大学举办的浙江省中小学科学教师省级培训，并获优秀学员荣誉称号。", "provincial"),  # the event taken part in
])
def test_the_organisers_level(text, level):
    assert [a["level"] for a in find_awards(text)] == [level]


def test_a_team_title_with_its_years():
    text = "经市教研室评审，确定“金星小学语文教研组”等124个团队为耒阳市2018—2020年度优秀教学教研团队。"
    assert awards(text) == [("耒阳市2018—2020年度优秀教学教研团队", "称号", "municipal")]
    assert awards("学校组建了三个研究团队。") == []
