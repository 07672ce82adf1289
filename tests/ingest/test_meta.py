import pytest

from pipeline.ingest.meta import doc_kind

PAST = "本学期我校开展了丰富的教研活动，取得了较好的成绩，完成了各项任务。"
FUTURE = "新学期我校将继续开展教研活动，力争取得更好的成绩。"


@pytest.mark.parametrize("title, text, kind", [
    ("城南小学教研工作总结", FUTURE, "summary"),
    ("城南小学教研工作计划", PAST, "plan"),
    ("城南小学教学研究制度", PAST, "other"),  # neither a summary nor a plan, whatever its tense
    ("青年教师校本培训心得体会", PAST, "other"),
    ("开学典礼校长讲话", FUTURE, "other"),
    ("教研组长述职报告", PAST, "summary"),
    ("学习制度建设工作总结", FUTURE, "summary"),  # the kind word wins over 制度
    (None, PAST, "summary"),
    (None, FUTURE, "plan"),
])
def test_doc_kind(title, text, kind):
    assert doc_kind(title, text) == kind
