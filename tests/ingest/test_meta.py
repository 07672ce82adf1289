import pytest

from pipeline.ingest.meta import doc_kind, doc_meta

PAST = "本学期我校开展了丰富的教研活动，取得了较好的成绩，完成了各项任务。"
FUTURE = "新学期我校将继续开展教研活动，力争取得更好的成绩。"


@pytest.mark.parametrize("title, text, kind", [
    ("城南小学教研工作总结", FUTURE, "summary"),
    ("城南小学教研工作计划", PAST, "plan"),
    ("城南小学教学研究制度", PAST, "other"),  # neither a summary nor a plan, whatever its tense
    ("青年教师校本培训心得体会", PAST, "other"),
    ("开学典礼校长讲话", FUTURE, "other"),
    ("关于2021年度优秀教研团队评选结果的通报", PAST, "other"),
    ("教研组长述职报告", PAST, "summary"),
    ("学习制度建设工作总结", FUTURE, "summary"),  # the kind word wins over 制度
    (None, PAST, "summary"),
    (None, FUTURE, "plan"),
])
def test_doc_kind(title, text, kind):
    assert doc_kind(title, text) == kind


@pytest.mark.parametrize("title, text, flag", [
    ("20xx年学校工作总结", PAST, True), ("202X-202X学年教研组工作总结", PAST, True),
    ("201*-201*學年工作總結", PAST, True), (None, "20_年，我校" + PAST, True), (None, "郭z校长指出，" + PAST, True),
    (None, "x余人参加。", True), ("2023年学校工作总结", PAST, False), (None, "型号201X8的电脑" + PAST, False),
])
def test_placeholder_flag(title, text, flag):
    assert doc_meta(title, text.split("\n"), text)["placeholders"] is flag


def test_a_page_blurbs_topic_decides_only_when_the_text_has_no_tense():
    plain = "一、创建平安校园\n规范每日安全值班人员工作流程，细化工作要求。"
    assert doc_kind(None, plain) == "other"
    assert doc_kind(None, plain, "幼儿园班级工作计划") == "plan"
    assert doc_kind(None, PAST, "幼儿园班级工作计划") == "summary"  # the text's own tense wins
    assert doc_kind("城南小学教研工作总结", plain, "幼儿园班级工作计划") == "summary"  # and the title
