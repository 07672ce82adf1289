"""Golden outlines of two sample documents (titles and levels as in corpus/gold)."""
from pathlib import Path

from pipeline.config import ROOT
from pipeline.outline import outline

CORPUS = ROOT / "corpus" / "sample"


def document(source: str, starts_with: str) -> dict:
    from pipeline.ingest import ingest_file

    docs, _ = ingest_file(Path(CORPUS) / source, source)
    return next(d for d in docs if d["text"].startswith(starts_with))


def test_run_in_headings_of_a_summary(model):
    d = document("002_de4ba366cc12e037.txt", "本学期，我室在市教科室的悉心指导")
    got = [(s.title, s.level) for s in outline(d["text"], d["title"], model)]
    assert got == [("课题研究方面", 1), ("科研活动方面", 1), ("教科沙龙", 2), ("教科讲座", 2),
                   ("教科知识竞赛", 2), ("读博写博", 2), ("课堂观察", 2), ("教科常规方面", 1),
                   ("信息发布", 2), ("校刊编印", 2), ("文章上荐", 2)]


def test_plan_with_month_blocks(model):
    d = document("003_8c6cd234ada55600.txt", "本学期小学科学教研工作以深化课程改革")
    got = [(s.title, s.level) for s in outline(d["text"], d["title"], model)]
    check = "常规检查三、四年级科学实验册、教师备课、听课、读书笔记"
    check5 = "常规检查五、六年级科学实验册、教师备课、听课、读书笔记"
    assert got == [
        ("加强业务学习，增强教师的课程意识", 1), ("加强对学习内容的.规划，精心安排系列学习内容", 2),
        ("积极参加各种学习培训活动", 2), ("加强课程管理，推动课程的健康发展", 1),
        ("加强教学常规管理，严格执行课程计划", 2), ("加强学科教研组建设", 2),
        ("加强评价改革，促进科学课程常态有效地发展", 2), ("加强教学研究，提升课程的实施水平", 1),
        ("继续开展形式多样的专题研究", 2), ("继续做好“做小学”实验项目的研究", 2),
        ("九月份", 1), ("制定本学期学科教学计划", 2), ("组织观摩xx市小学科学教师基本功竞赛", 2), (check, 2),
        ("十月份", 1), ("积极参加区科学学科专题研讨活动", 2), ("组织参加省五四杯论文评选活动", 2), (check5, 2),
        ("十一月份", 1), ("积极参加小学科学省规划课题教学研讨活动", 2), ("组织xx老师的科学公开课", 2),
        ("组织参加市小学科学——初中物理衔接教学活动", 2), (check, 2),
        ("十二月份", 1), ("组织参加市科学教学专题研讨活动", 2), (check5, 2),
        ("一月份", 1), ("组织参加小学科学省规划课题研讨活动", 2), (check, 2), ("本学期工作总结", 2)]
