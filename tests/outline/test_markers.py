"""Markers of every SPEC §3 style, odd scraped variants, and run-in heads."""
import re

import numpy as np
import pytest

from pipeline.outline.document import prepare, sections
from pipeline.outline.markers import SPACE, label_title


def candidate(line: str) -> dict | None:
    """The heading candidate of a one-line document: its Section fields, ordinal and run-in body; or None."""
    batch = prepare([line])
    if len(batch.cands.line) == 0:
        return None
    (section,), = sections(batch, np.ones(1), 0.5)
    c = batch.cands
    return {**section._asdict(), "ordinal": int(c.ordinal[0]), "body": line[c.body_start[0]:]}


@pytest.mark.parametrize("line, style, ordinal, marker", [
    ("一、转变观念", "cn_dun", 1, "一、"),
    ("二．整体布局", "cn_dun", 2, "二．"),
    ("三.建章立制", "cn_dun", 3, "三."),
    ("十二、其他工作", "cn_dun", 12, "十二、"),
    ("（一）加强业务学习", "cn_paren", 1, "（一）"),
    ("(二)积极开展", "cn_paren", 2, "(二)"),
    ("(一)、教研常规工作", "cn_paren", 1, "(一)、"),
    ("1、抓好教学常规", "num_dun", 1, "1、"),
    ("2.改革教学研讨模式", "num_dun", 2, "2."),
    ("3．搞好听评课活动", "num_dun", 3, "3．"),
    ("１、认真做好网上宣传", "num_dun", 1, "１、"),
    ("1。认真开展课堂教学研究", "num_dun", 1, "1。"),
    ("1、、开展月循环听评课活动", "num_dun", 1, "1、、"),
    ("10、 认真做好申报工作", "num_dun", 10, "10、"),
    ("2、20xx年四川省送教活动", "num_dun", 2, "2、"),
    ("（1）对全体教师的推门课", "num_paren", 1, "（1）"),
    ("(2)多渠道地学", "num_paren", 2, "(2)"),
    ("1)、认真组织了教师学习", "num_paren", 1, "1)、"),
    ("2）、针对参加培训的教师", "num_paren", 2, "2）、"),
    ("﹝1﹞组织上到位", "num_paren", 1, "﹝1﹞"),
    ("⑴我校改变传统的学习机制", "num_paren", 1, "⑴"),
    ("（１）full-width digits", "num_paren", 1, "（１）"),
    ("①学校领导深入一线", "circled", 1, "①"),
    ("⑤有的教师", "circled", 5, "⑤"),
    ("九月份", "month", 9, "九月份"),
    ("三月份：", "month", 3, "三月份"),
    ("十二月份", "month", 12, "十二月份"),
    ("9月：开学工作", "month", 9, "9月"),
])
def test_marker_styles(line, style, ordinal, marker):
    c = candidate(line)
    assert (c["style"], c["ordinal"], c["marker"]) == (style, ordinal, marker)
    assert line[c["start"]:].startswith(marker)


@pytest.mark.parametrize("line", [">一、转变观念", "：⑴《视角下的教学研究》课题", "　一、指导思想"])
def test_scraping_debris_before_marker(line):
    c = candidate(line)
    assert c is not None and c["start"] > 0
    assert c["marker"] in ("一、", "⑴")


@pytest.mark.parametrize("line", [
    "3.8万元用于购置图书", "12月23日，我校邀请专家", "一年级", "20xx年，学校加大了培训",
    "4（3.8）", "本学期工作总结", "二十一世纪，是一个信息飞速发展的时代", "13",
])
def test_not_markers(line):
    assert candidate(line) is None


@pytest.mark.parametrize("line, title", [("优点：", "优点"), ("改进建议:", "改进建议"), ("存在的问题", "存在的问题"),
                                         ("名師工作室分享", "名師工作室分享")])  # a news report's section label
def test_labels(line, title):
    start, end = label_title(line)
    assert line[start:end] == title
    assert (candidate(line)["style"], candidate(line)["title"]) == ("label", title)


@pytest.mark.parametrize("line", ["组长：王建民", "凉水河中心校", "待定", "现将这学期工作总结如下：",
                                  "本学期我校开展了如下工作：", "语文星期四下午第二节课"])
def test_not_labels(line):
    assert label_title(line) is None


@pytest.mark.parametrize("line", [
    # page meta above a scraped text, and field names whose value follows
    "时间:", "时间：", "時間：", "字号：", "字號:", "日期：", "来源：", "作者：", "发布时间：", "浏览次数：", "地点：",
    # the greeting of a speech or a letter
    "尊敬的老师们：", "亲爱的同学们:", "各位领导、老师：", "各位领导老师：", "敬爱的各位家长：", "老师们：",
    "同志们:", "家长朋友們：", "各级各类学校：", "各中小学：",  # and the addressee of a notice
])
def test_page_meta_and_greetings_are_not_labels(line):
    assert label_title(line) is None
    assert candidate(line) is None


@pytest.mark.parametrize("line, title", [("活动时间安排：", "活动时间安排"), ("教研活动时间：", "教研活动时间"),
                                         ("作业布置要求：", "作业布置要求"), ("存在问题：", "存在问题")])
def test_labels_that_hold_a_field_word_stay_labels(line, title):
    assert candidate(line)["title"] == title


@pytest.mark.parametrize("line", ["活动目的", "实施步骤", "保障措施", "工作亮点", "研究方法", "组织机构"])
def test_plan_section_labels_without_a_colon(line):
    assert candidate(line)["title"] == line


@pytest.mark.parametrize("line, title, body", [
    ("1．教科沙龙。10月16日，本学期……", "教科沙龙", "10月16日，本学期……"),
    ("1、语文组：学习新课标，转变观念。", "语文组", "学习新课标，转变观念。"),
    ("1、抓好教学常规的治理工作", "抓好教学常规的治理工作", ""),
    ("三、加强教学研究，注重实效。", "加强教学研究，注重实效", ""),
    ("（1）组织学习《课改纲要。摘要》。然后交流", "组织学习《课改纲要。摘要》", "然后交流"),
    ("4.积极参加新一轮教师基本功培训.新一轮培训是国家举办的", "积极参加新一轮教师基本功培训", "新一轮培训是国家举办的"),
    ("1、加强对学习内容的.规划，精心安排。", "加强对学习内容的.规划，精心安排", ""),
    ("1、加强“三课”活动：每周一次。", "加强“三课”活动", "每周一次。"),
    ("3、开展《“读书”月》活动；全员参与", "开展《“读书”月》活动", "全员参与"),
    ("2、学习：\u3000> 正文内容", "学习", "正文内容"),
    ("5、做好.工作", "做好", "工作"),
    ("①认真备课…", "认真备课", ""),
    ("九月份：开学工作", "九月份", "开学工作"),
    # a colon between digits is a clock time or a ratio, not the end of the head
    ("2、每周认真开展星期五13:10开展教研活动;各班每周更换家园窗", "每周认真开展星期五13:10开展教研活动", "各班每周更换家园窗"),
    ("1、每天早上8：30前到校：检查卫生", "每天早上8：30前到校", "检查卫生"),
    ("3、师生按１：２０配备。然后分组", "师生按１：２０配备", "然后分组"),
    ("4、下午14:00—16:30集体备课", "下午14:00—16:30集体备课", ""),
    ("5、时间：8:30", "时间", "8:30"),
    # a space between Chinese characters is a line break a scrape turned into a space
    ("一、加强领导，明确责任 长期以来，我县高度重视。", "加强领导，明确责任", "长期以来，我县高度重视。"),
    ("一、创建平安校园 确保师幼平安健康", "创建平安校园 确保师幼平安健康", ""),  # a heading of two phrases
    ("1、获区第 1 名", "获区第 1 名", ""),
    # a closing quote with no opening one in the head is debris; a matched pair stays
    ("（二）以研修为基础，凝聚团队智慧”：教研组坚持每周研讨。", "以研修为基础，凝聚团队智慧", "教研组坚持每周研讨。"),
    ("（三）开展“读书月”", "开展“读书月”", ""),
])
def test_run_in_heads(line, title, body):
    c = candidate(line)
    assert (c["title"], c["body"], c["run_in"]) == (title, body, body != "")


def test_colon_far_into_a_sentence_is_not_a_head():
    line = "2、老师们参加每两周一次的数学教研活动（周二下午），每次时间不少于2节课，做到“三定”：定时、定主题。"
    assert candidate(line)["title"].endswith("定时、定主题")


def test_markers_stay_on_their_line():
    # the marker pattern runs over whole texts: its spaces are \s without the line break
    space = re.compile(f"[{SPACE}]")
    assert [c for c in range(0x110000) if bool(space.match(chr(c))) != (chr(c).isspace() and c != 10)] == []
    assert len(prepare(["（\n一）不是\n1\n、也不是\n1、\n加强学习"]).cands.line) == 0
