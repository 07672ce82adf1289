"""Projects: titled research projects with and without brackets, programmes, non-projects, linear time."""
import json
import shutil
import time

import pytest

from pipeline.config import MODELS
from pipeline.extract.projects import find_projects


def projects(text: str) -> list[tuple]:
    """(name, kind, level, status) of every project, after checking every offset."""
    found = find_projects(text)
    for p in found:
        assert p["type"] == "project"
        assert text[p["start"]:p["end"]] == p["text"]
    return [(p["name"], p["kind"], p["level"], p["status"]) for p in found]


def names(text: str) -> list[str]:
    return [n for n, *_ in projects(text)]


def test_bracketed_titles_tied_to_keti():
    assert projects("我校承担的省级课题《小学语文阅读教学有效性的研究》已顺利结题。") == [
        ("小学语文阅读教学有效性的研究", "research", "provincial", "结题")]
    assert projects("现在正在进行《村校管理模式的研究》这一课题，该课题的研究进展良好。") == [
        ("村校管理模式的研究", "research", None, None)]
    assert projects("10月，张敏校长申报的《青年教师专业素养培训研究》课题已被列为湖北省教育科学规划立项课题。") == [
        ("青年教师专业素养培训研究", "research", "provincial", "立项")]


def test_title_lists_share_their_context():
    text = "开展了《潜能生的潜能开发研究》、《以问题为中心的语文教学研究》、《备课与教案关系的研究》等课题研究，"
    assert names(text) == ["潜能生的潜能开发研究", "以问题为中心的语文教学研究", "备课与教案关系的研究"]
    text = "本学期，我校《在小学阶段开展诵读经典古诗文活动的研究》《小学英语课堂教学生活化的研究》等两项区教育科学规划课题顺利结题。"
    assert projects(text) == [
        ("在小学阶段开展诵读经典古诗文活动的研究", "research", "district", "结题"),
        ("小学英语课堂教学生活化的研究", "research", "district", "结题")]
    # the first title does not end in 研究: it is no edge of an unbracketed title after 课题有
    text = "省级课题有《离异家庭子女心理与教育》、《建构心理健康教育内容体系研究》、《主题班会的实践研究》等研究课题。"
    assert names(text) == ["离异家庭子女心理与教育", "建构心理健康教育内容体系研究", "主题班会的实践研究"]


def test_a_title_led_by_a_person_in_a_sentence_on_keti():
    text = ("三个课题完成了结题工作，即王主任主持的省级课题“新课程理念下教学行为的变化研究”、"
            "朱老师主持的“化学教学中合作探究式学习的协同配合初探”。")
    assert names(text) == ["新课程理念下教学行为的变化研究", "化学教学中合作探究式学习的协同配合初探"]
    assert names("王老师主持的“读书沙龙”活动很成功，课题组也参加了。") == []  # short: an activity
    assert names("本周王老师主持的“化学教学中合作探究式学习的协同配合”讲座受到好评。") == []  # no 课题 word


def test_quoted_titles_after_keti():
    assert names("学校的科研课题“双轨运行，以读促写”、新教育实验课题“追寻幸福而完整的教育生活”顺利通过结题验收。") == [
        "双轨运行，以读促写", "新教育实验", "追寻幸福而完整的教育生活"]
    assert names("重点放在子课题“课堂教学基本框架研究”和“数学教育文化校本教材的开发研究”上。") == [
        "课堂教学基本框架研究", "数学教育文化校本教材的开发研究"]
    found = projects("结合国家级课题“纵横信息数字化学习研究”、省级课题“傩文化走进美术课堂”以及校本课题“主题式校本教研模式的研究”的主旨")
    assert [(n, lv) for n, _, lv, _ in found] == [
        ("纵横信息数字化学习研究", "national"), ("傩文化走进美术课堂", "provincial"), ("主题式校本教研模式的研究", "school")]


def test_broken_bracket_closes_at_the_next_title():
    text = "9月我校研究的区级课题《我是小导游小学语文口语交际研究《苗族歌舞走进校园》、《民族工艺品制作研究》已经顺利结题。"
    assert names(text) == ["我是小导游小学语文口语交际研究", "苗族歌舞走进校园", "民族工艺品制作研究"]


def test_titles_without_brackets():
    assert projects("我校申报的课题小学数学分层作业设计研究已被批准立项。") == [
        ("小学数学分层作业设计研究", "research", None, "立项")]
    assert names("课题名称：小学英语情境教学的实践研究") == ["小学英语情境教学的实践研究"]
    assert names("本学期我们承担了农村小学留守儿童心理健康教育的研究课题。") == ["农村小学留守儿童心理健康教育的研究"]
    # 省级重点研究课题 names the kind of project; the title follows in brackets
    assert names("相继完成了省级重点研究课题《“五星”教学设计的探索》的结题报告。") == ["“五星”教学设计的探索"]


def test_programmes():
    assert projects("我校积极参加国培计划，实施青蓝工程，以新教育实验为抓手。") == [
        ("国培计划", "programme", "national", None), ("青蓝工程", "programme", None, None),
        ("新教育实验", "programme", None, None)]
    assert names("“国培计划（20xx）”—四川省农村中小学教师远程培训") == ["国培计划（20xx）"]
    assert names("3、积极完成20xx国培计划") == ["国培计划（20xx）"]  # one programme, written as it is officially
    assert names("制订《沟陡中学青年骨干教师培养、“青蓝”工程培养制度》等一系列制度") == ["青蓝工程"]
    assert names("争取在“3361”师训强教工程课堂大比武中取得好成绩。") == ["3361师训强教工程"]
    assert names("继续做好“做小学”实验项目的研究。") == ["做小学"]
    # quotes listed before the last share its head
    assert names("开展“音乐习字”和“大量阅读”的校本实验。") == ["音乐习字的校本实验", "大量阅读的校本实验"]
    assert names("实施“青蓝”、“名师”和“领雁”工程。") == ["青蓝工程", "名师工程", "领雁工程"]
    assert names("大家都说“好”和“大量阅读”的校本实验。") == ["大量阅读的校本实验"]
    # a name that ends in its head inside the quotes, taken up by a verb
    assert names("从初一就开始抓起，实施“保尖计划”。借助“甲地市教育质量提升项目”等平台。") == [
        "保尖计划", "甲地市教育质量提升项目"]
    assert names("制定“个人读书计划”。组织教师参加“五个一工程”论文竞赛。") == []  # a plan; a contest's name


@pytest.mark.parametrize("text", [
    "教师们积极开展课题研究，人人有课题。",
    "组织了有关“各学科教学基本模式”、“课题研究的过程与方法”等教学理论的学习。",
    "课题组成员认真开展研究，加强课题的研究与管理。",
    "两个课题正在实施研究。我校又有三个教师小课题在区里立项开始研究。",
    "进一步突出“有效教学研究”这一主题。",
    "做好本学期的教学计划和工作计划，开展“六个一”活动。",
    "要求把推进新课程中遇到的困难和困惑变成研究课题来共同研究。",
])
def test_generic_research_talk_is_no_project(text):
    assert projects(text) == []


@pytest.mark.parametrize("text", [
    "组织教师学习《数学课程标准》和《新课标》，课题组认真研读。",
    "制定了《校本教研工作计划》和《教科研课题管理办法》。",
    "对照《扬州市教育科学“十二五”规划课题结题新规定》整理资料。",
    "要求教研组组织学习《微型课题升华教师的实践智慧》，观看了小课题研究专家讲座。",
    "王老师的论文《浅谈作文教学的研究》获一等奖，课题组成员深受鼓舞。",
    "我校“十二五”规划课题全部结题。",
])
def test_document_titles_are_no_projects(text):
    assert projects(text) == []


def test_sample_document_offsets_and_attributes():
    text = ("新教育实验课题《在经典阶梯阅读中孕育古典情怀》，市级课题《课堂教学中学生表达能力训练的研究》"
            "《小学数学分层作业设计研究》三个课题正在规范有序运行之中。\n3、积极完成20xx国培计划\n")
    found = find_projects(text)
    assert [p["text"] for p in found][1:3] == ["《在经典阶梯阅读中孕育古典情怀》", "《课堂教学中学生表达能力训练的研究》"]
    assert [(p["start"], p["end"], p["name"], p["kind"], p["level"]) for p in found] == [
        (0, 5, "新教育实验", "programme", None),
        (7, 23, "在经典阶梯阅读中孕育古典情怀", "research", None),
        (28, 46, "课堂教学中学生表达能力训练的研究", "research", "municipal"),
        (46, 60, "小学数学分层作业设计研究", "research", "municipal"),
        (86, 90, "国培计划（20xx）", "programme", "national"),
    ]


@pytest.mark.parametrize("text, found", [
    ("英语科省级研究课题-—《小学英语课堂评价设计》都已取得阶段性成果。", [("小学英语课堂评价设计", "provincial", None)]),
    ("我校申报的市级课题 ——《小学生阅读习惯培养的研究》已经立项。", [("小学生阅读习惯培养的研究", "municipal", "立项")]),
    ("区级课题——《农村小学作文教学的研究》顺利结题。", [("农村小学作文教学的研究", "district", "结题")]),
    ("课题 - 小学数学分层作业设计研究已结题。", [("小学数学分层作业设计研究", None, "结题")]),
    ("组织学习 ——《小学生阅读习惯培养的研究》一文。", []),  # no 课题 before the dashes
])
def test_dashes_and_spaces_between_keti_and_its_title(text, found):
    assert [(n, lv, st) for n, _, lv, st in projects(text)] == found


def test_programmes_named_after_a_label():
    text = ("分别是首批省级“四有”好教师重点培育团队建设项目：“自治自动·共研共享”好教师团队、"
            "江苏省基础教育内涵建设项目：自治自动--高中数学发展创新中心。")
    assert projects(text) == [("自治自动·共研共享好教师团队", "programme", "provincial", None),
                              ("自治自动--高中数学发展创新中心", "programme", "provincial", None)]
    assert find_projects(text)[0]["text"] == "“自治自动·共研共享”好教师团队"
    assert projects("市级课程基地建设项目：初中物理实验创新基地，已通过验收。") == [
        ("初中物理实验创新基地", "programme", "municipal", "结题")]
    assert projects("区级改革试点项目: 小学作业设计与实施创新。") == [
        ("小学作业设计与实施创新", "programme", "district", None)]


@pytest.mark.parametrize("text", [
    "学校建设项目：操场改造、食堂翻新。",  # no level: school building work
    "比赛项目：跳绳、踢毽子、拔河。",  # not a programme label
    "省级示范项目：教学。",  # too short for a name
])
def test_labels_that_name_no_programme(text):
    assert projects(text) == []


@pytest.mark.parametrize("line", [
    "1" * 100_000, "《" * 100_000, "“" * 100_000, "”" * 100_000, "“”" * 50_000, "《》" * 50_000,
    "课题" * 50_000, "课题《" * 33_000, "研究课题" * 25_000, "课题小学数学研究研究" * 10_000,
    "“青蓝”工程" * 16_000, "等奖" * 50_000, "省级建设项目：" * 14_000, "省级建设项目：“" * 12_000,
    "课题" + " " * 100_000 + "《》", "课题-—" * 33_000, ("获一、二等奖《课题“研究”》被评为优秀教师、" * 5000),
])
def test_adversarial_lines_finish_fast(line):
    t0 = time.perf_counter()
    find_projects(line)
    assert time.perf_counter() - t0 < 3.0


def test_patterns_folder_can_be_swapped(tmp_path):
    for name in ("projects.json", "levels.json"):
        shutil.copy(MODELS / "patterns" / name, tmp_path / name)
    lexicon = json.loads((tmp_path / "projects.json").read_text(encoding="utf-8"))
    lexicon["programmes"]["春晖计划"] = None
    (tmp_path / "projects.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    assert names("积极参与春晖计划。") == []
    assert [p["name"] for p in find_projects("积极参与春晖计划。", patterns=str(tmp_path))] == ["春晖计划"]


@pytest.mark.parametrize("text, found", [
    ("学习了《小学语文阅读教学的研究》课题", []),  # 学习了 just before: a document read
    ("学《小学语文阅读教学的研究》课题", [("小学语文阅读教学的研究", "research", None, None)]),  # shorter than the window
    ("论文《小学语文阅读教学研究》获一等奖，该课题已结题", []),
])
def test_document_words_just_before_a_title(text, found):
    assert projects(text) == found
