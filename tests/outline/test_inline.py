"""Headings whose line break was lost (SPEC §1), and mid-line numbers that stay body text (GUIDELINES §2.1)."""
import numpy as np
import pytest

from pipeline.outline.document import prepare, sections


def candidates(text: str) -> list[tuple[str, str]]:
    """(marker, title) of every heading candidate, all kept, checking that each span indexes the text."""
    batch = prepare([text])
    secs = sections(batch, np.ones(len(batch.cands.line)), 0.5)[0]
    for s in secs:
        assert text[s.start:s.end] == (s.marker or "") + s.title
        assert s.end <= s.body_end <= len(text)
    return [(s.marker, s.title) for s in secs]


@pytest.mark.parametrize("text, first", [
    ("本学期我们教研组主要开展以下方面的工作，一、抓好常规管理：\n1、认真备课，精心设计每一节课。\n"
     "2、认真上课。\n二、开展教研活动：\n1、每周听课一节。", ("一、", "抓好常规管理")),
    ("现就本学期教科研工作做一个回顾和总结：一、重师德、抓学习，注重队伍建设。我园组织教师学习法规。\n"
     "二、抓常规、重实效，提高保教质量。我园坚持每周教研。", ("一、", "重师德、抓学习，注重队伍建设")),
    ("具体安排如下： 一、指导思想\n以新课标为指导。\n二、工作措施\n加强管理。", ("一、", "指导思想")),
    ("为此我们做了以下工作：（一）加强理论学习。组织教师读书。\n（二）开展课题研究。全员参与。",
     ("（一）", "加强理论学习")),
    ("要求如下，1、按时参加教研活动\n2、认真做好记录\n3、及时上交材料", ("1、", "按时参加教研活动")),
])
def test_a_first_heading_after_an_intro_clause_gets_its_own_line(text, first):
    got = candidates(text)
    assert got[0] == first
    assert text.index(first[0] + first[1]) > 0  # it was mid-line


@pytest.mark.parametrize("text, host, glued", [
    ("（二）、实现教研与科研的有机结合1、建立课题研究网络图（学期计划）根据教研员提供的课题确定\n"
     "2、教研活动课题化\n3、建立课题成果展示机制\n（三）、完善课题管理", "实现教研与科研的有机结合", "建立课题研究网络图（学期计划）根据教研员提供的课题确定"),
    ("一、常规工作1.认真备课，写好教案\n2.认真上课\n二、教研工作", "常规工作", "认真备课，写好教案"),
    ("一、加强教师队伍建设（一）加强师德教育。组织学习师德规范。\n（二）提高业务水平。\n二、其他",
     "加强教师队伍建设", "加强师德教育"),
])
def test_a_sub_list_glued_to_a_heading_title_is_cut_off(text, host, glued):
    titles = [t for _, t in candidates(text)]
    assert titles[:2] == [host, glued]


def test_glued_and_inline_headings_in_the_trained_outline(heads):
    text = ("本学期我们数学教研组主要开展以下方面的工作，一、确定两个重点工作：\n"
            "1、以今年跨入大校为契机，努力提高我校的数学教学质量，从平时的每次测验开始抓起，及时全面监控教学质量。\n"
            "2、数学组将申请一个课题。\n"
            "二、实现教研与科研的有机结合1、建立课题研究网络\n2、教研活动课题化\n3、建立课题成果展示机制")
    assert heads(text) == [
        ("一、", "确定两个重点工作", 1),
        ("1、", "以今年跨入大校为契机，努力提高我校的数学教学质量，从平时的每次测验开始抓起，及时全面监控教学质量", 2),
        ("2、", "数学组将申请一个课题", 2), ("二、", "实现教研与科研的有机结合", 1),
        ("1、", "建立课题研究网络", 2), ("2、", "教研活动课题化", 2), ("3、", "建立课题成果展示机制", 2)]


def test_a_section_closed_by_an_inline_heading_ends_where_its_line_was_cut():
    text = "一、学习\n内容。\n二、教研1、听课\n2、评课"
    batch = prepare([text])
    secs = sections(batch, np.ones(len(batch.cands.line)), 0.5)[0]
    assert [text[s.start:s.body_end] for s in secs] == [
        "一、学习\n内容。", "二、教研1、听课\n2、评课", "1、听课", "2、评课"]


@pytest.mark.parametrize("text", [
    # an inline list: its `二、` is on the same line
    "本学期主要做到三点：一、思想上重视，二、行动上落实，三、效果上明显。\n二、工作措施\n加强管理。",
    "做到两点：一、思想上重视二、行动上落实。\n二、工作措施",
    # a number in a sentence: no head after it, or a grade, or a decimal
    "我校抓好1、2年级的识字教学，3、4年级的阅读教学。\n2、加强写字教学",
    "全校共投入1.5万元用于添置图书。\n2、加强管理",
    # glued `一、` is part of a word; glued `（1）` names a class
    "一、统一、规范教学常规\n二、加强管理",
    "一、三年级（1）班开展读书活动\n（2）班开展写字比赛\n二、其他",
    "一、落实第（一）项任务\n（二）加强管理",
    # the list does not go on at a line start with `二` / `2`
    "学校提出以下要求，一、按时到岗\n三、其他工作",
    "工作总结如下：一、加强学习。本学期组织教师读书。",
    # a `一、` after the document's own `一、`: a restart in the middle of a body, not a lost break
    "一、指导思想\n我们要做到：一、思想统一。\n二、工作措施",
    # `1、` in the middle of an open `1、` list with no outer heading between
    "1、加强学习\n要求如下：1、按时参加\n2、认真记录",
    # glued after a run-in head's clause end: that is the heading's body, not a glued title
    "（二）加强管理：建立制度1、完善考核\n2、落实检查",
    # glued to a line that is no heading
    "学校积极开展教研活动1、听课评课\n2、集体备课",
])
def test_mid_line_numbers_stay_body_text(text):
    lines = {line for line in text.split("\n")}
    for marker, title in candidates(text):
        assert any(line.startswith((marker or "") + title) or line.lstrip().startswith((marker or "") + title)
                   for line in lines), (marker, title)


def test_a_whole_document_on_one_line_is_outlined_after_ingest(heads):
    from pipeline.ingest import normalised_lines

    from ..ingest.test_normalise import ONE_LINE

    text = "\n".join(line for line, _ in normalised_lines("小学教导处工作总结\n" + ONE_LINE))
    assert heads(text) == [
        ("一、", "加强教师的业务学习，提高教师的综合素质", 1), ("1、", "组织教师学习课程标准，认真做好读书笔记", 2),
        ("2、", "开展教研活动", 2), ("（1）", "组织教师参加校外的教学研讨活动", 3), ("（2）", "开展校内的教学研讨活动", 3),
        ("二、", "抓好教学常规管理，提高课堂效率", 1), ("三、", "存在的问题", 1)]


def test_a_later_item_after_a_lost_break_continues_its_list():
    text = ("一、加强班子建设\n1、加强学习，提高班子成员素质。组织学习。\n"
            "2、定期召开班子会议。不断探索工作的思路，3、继续完善班子成员的工作职责。\n二、教学工作")
    assert ("3、", "继续完善班子成员的工作职责") in candidates(text)


@pytest.mark.parametrize("text", [
    "一、常规\n1、认真备课，2、认真上课，3、认真批改作业。\n2、其他",  # its 2、 is mid-line too: an inline list
    "一、常规\n1、认真备课。\n2、认真上课，主要做到三点，3、认真批改作业。\n3、辅导学生",  # 3、 opens a line already
    "1、认真备课。\n2、认真上课。\n二、教研\n听课评课，3、认真批改作业。",  # an outer heading closed that list
])
def test_a_later_item_stays_body_text_when_no_list_is_waiting_for_it(text):
    assert ("3、", "认真批改作业") not in candidates(text)
