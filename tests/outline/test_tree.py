"""Levels, parents and spans from the marker styles alone (every candidate taken as a heading)."""
import numpy as np

from pipeline.outline.document import prepare, sections


def tree(text: str) -> list[tuple[str, int, str | None]]:
    """(title, level, parent title) of every candidate line, all kept as headings."""
    batch = prepare([text])
    secs = sections(batch, np.ones(len(batch.cands.line)), 0.5)[0]
    return [(s.title, s.level, secs[s.parent].title if s.parent >= 0 else None) for s in secs]


def test_canonical_nesting():
    text = "一、总体\n（一）方面\n1、要点\n（1）细则\n①小点\n二、其次"
    assert tree(text) == [("总体", 1, None), ("方面", 2, "总体"), ("要点", 3, "方面"),
                          ("细则", 4, "要点"), ("小点", 5, "细则"), ("其次", 1, None)]


def test_levels_are_relative_to_the_outermost_style_used():
    assert tree("1、加强学习\n（1）读书\n（2）写作\n2、注重反思") == [
        ("加强学习", 1, None), ("读书", 2, "加强学习"), ("写作", 2, "加强学习"), ("注重反思", 1, None)]


def test_skipped_level_nests_by_depth():
    assert tree("一、指导思想\n（1）认真学习\n（2）加强备课\n二、工作重点") == [
        ("指导思想", 1, None), ("认真学习", 2, "指导思想"), ("加强备课", 2, "指导思想"), ("工作重点", 1, None)]


def test_numbering_restarts_under_a_new_parent():
    text = "一、学习\n1、读书\n2、写作\n二、教研\n1、听课\n2、评课"
    assert tree(text) == [("学习", 1, None), ("读书", 2, "学习"), ("写作", 2, "学习"),
                          ("教研", 1, None), ("听课", 2, "教研"), ("评课", 2, "教研")]


def test_outer_style_after_an_inner_one_closes_it():
    # `（一）` after `1、`…`3、` at the top: the list was an overview, the parts come next
    text = "1、目标一\n2、目标二\n（一）加强常规管理\n1、严格课程管理\n（二）推进课程改革"
    assert [lv for _, lv, _ in tree(text)] == [1, 1, 1, 2, 1]


def test_restart_at_one_right_under_a_heading_of_the_same_style_nests():
    text = "2、加强新课程学习\n学习内容丰富。\n3、注重青年教师的培养\n1、开展月循环听评课活动\n每月一次。\n2、积极开展帮扶教研活动\n4、注重骨干教师的引领作用"
    assert [lv for _, lv, _ in tree(text)] == [1, 1, 2, 2, 1]


def test_month_blocks_start_at_the_top_and_hold_their_items():
    text = "（三）加强教学研究\n1、开展专题研究\n研究内容。\n九月份\n1、制定计划\n2、组织学习\n十月份\n1、开展公开课"
    assert tree(text) == [("加强教学研究", 1, None), ("开展专题研究", 2, "加强教学研究"),
                          ("九月份", 1, None), ("制定计划", 2, "九月份"), ("组织学习", 2, "九月份"),
                          ("十月份", 1, None), ("开展公开课", 2, "十月份")]


def test_month_blocks_right_under_a_heading_nest_in_it():
    assert [lv for _, lv, _ in tree("三、行事历\n九月份\n1、制定计划\n十月份\n1、开展公开课")] == [1, 2, 3, 2, 3]


def test_labels_take_the_level_they_nest_at():
    text = "三、听课情况\n本学期共听课22节。\n优点：\n1、备课充分。\n2、结构合理。\n建议：\n1、加强学法指导。\n四、今后打算"
    assert tree(text) == [("听课情况", 1, None), ("优点", 2, "听课情况"), ("备课充分", 3, "优点"),
                          ("结构合理", 3, "优点"), ("建议", 2, "听课情况"), ("加强学法指导", 3, "建议"),
                          ("今后打算", 1, None)]


def test_body_end_runs_to_the_next_heading_of_the_same_or_higher_level():
    text = "一、学习\n正文一。\n1、读书\n正文二。\n二、教研\n正文三。"
    batch = prepare([text])
    secs = sections(batch, np.ones(len(batch.cands.line)), 0.5)[0]
    assert [text[s.start:s.body_end] for s in secs] == [
        "一、学习\n正文一。\n1、读书\n正文二。", "1、读书\n正文二。", "二、教研\n正文三。"]
