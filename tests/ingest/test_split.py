import pytest

from pipeline.ingest.split import clean_title, glued_title, plain_title, split_documents, title_line

BODY_A = ["本学期，我校校本教研工作依据教育局的工作意见，以全面实施素质教育为目标。" * 4,
          "一、转变观念，增强教研意识", "开展校本教研是推进课改的客观要求。" * 16]
BODY_B = ["在刚刚过去的一个学期，嘎栋小学教科室认真贯彻市局教科研工作计划。" * 4,
          "一、课题研究", "本学期我校申报的课题顺利立项。" * 16]


def lines(*pairs):
    return [(t, led) for t, led in pairs]


def texts(docs):
    return [d.lines[0][:10] for d in docs]


def test_space_led_line_starts_a_document():
    docs = split_documents(lines(*[(t, i == 0) for i, t in enumerate(BODY_A)], *[(t, i == 0) for i, t in enumerate(BODY_B)]))
    assert texts(docs) == [BODY_A[0][:10], BODY_B[0][:10]]


def test_title_lines_with_number_or_pian_marker():
    for title in ("小学校本教研工作计划篇三", "教科室期末工作总结6", "第二篇:校本教研工作总结2", "篇1"):
        docs = split_documents(lines(*[(t, False) for t in BODY_A], (title, False), *[(t, False) for t in BODY_B]))
        assert len(docs) == 2, title
        assert docs[1].title == (title_line(title)[0] or None)
    assert title_line("小学校本教研工作计划篇三") == ("小学校本教研工作计划", "")
    assert title_line("第二篇:校本教研工作总结2") == ("校本教研工作总结", "")
    assert title_line("一、工作计划") is None
    assert title_line("本学期，我们制定了工作计划") is None


@pytest.mark.parametrize("line, title", [
    ("城南小学德育工作计划 篇2", "城南小学德育工作计划"),  # a space before the marker
    ("2.初中英语教研组工作总结 篇二", "初中英语教研组工作总结"),  # the list number in front too
    ("家校共育的实践与反思 篇3", "家校共育的实践与反思"),  # no kind word: the space makes 篇3 a marker
    ("小学德育工作总结秋季篇二", "小学德育工作总结秋季"),  # a term between the kind word and the marker
    ("德育处工作总结3月 德育处工作总结春季篇四", "德育处工作总结3月 德育处工作总结春季"),
    ("篇二：青年教师培训心得体会", "青年教师培训心得体会"),  # the marker in front
    ("范文三:数学组工作总结", "数学组工作总结"),
    ("（范文一：教务处工作计划", "教务处工作计划"),
    ("【篇三】", ""), ("（篇4）", ""), ("篇十二", ""),
    ("城关中学课程建设规划纲要（2023-2026）1", "城关中学课程建设规划纲要（2023-2026）"),
])
def test_numbered_title_lines_in_site_forms(line, title):
    assert title_line(line) == (title, "")
    docs = split_documents(lines(*[(t, False) for t in BODY_A], (line, False), *[(t, False) for t in BODY_B]))
    assert len(docs) == 2 and docs[1].title == (title or None) and docs[1].lines == BODY_B


@pytest.mark.parametrize("line", [
    "阅读经典美文篇一",  # 篇一 glued to a phrase with no kind word: a heading's text, not a marker
    "1.加强教学常规管理", "一、工作计划", "（3）撰写教学反思2篇", "本学期，我们制定了工作计划篇一",
    "第三篇", "全年共撰写论文12篇",
])
def test_lines_that_are_not_numbered_titles(line):
    assert title_line(line) is None


def test_title_line_with_its_first_heading_glued_on():
    assert title_line("实验小学教学工作总结2一、教学常规管理") == ("实验小学教学工作总结", "一、教学常规管理")
    assert title_line("实验小学教学工作总结2（一）常规管理：") == ("实验小学教学工作总结", "（一）常规管理：")
    assert title_line("实验小学教学工作总结二、教学常规管理") is None  # 二 is no number of a bundle here
    docs = split_documents(lines(*[(t, False) for t in BODY_A], ("实验小学教学工作总结2一、课题研究", False),
                                 *[(t, False) for t in BODY_B[2:]]))
    assert docs[1].title == "实验小学教学工作总结" and docs[1].lines == ["一、课题研究", *BODY_B[2:]]


def test_page_title_above_the_first_numbered_document_is_no_document():
    page = [("城南小学教研工作总结", False), ("城南小学教研工作总结 篇1", False), *[(t, False) for t in BODY_A],
            ("城南小学教研工作总结 篇2", False), *[(t, False) for t in BODY_B]]
    docs = split_documents(page)
    assert [d.title for d in docs] == ["城南小学教研工作总结"] * 2 and docs[0].lines == BODY_A
    # with no numbered title after it, the page's title names the document
    docs = split_documents([("家校共育的实践与反思", True), *[(t, i == 0) for i, t in enumerate(BODY_A)]])
    assert len(docs) == 1 and docs[0].title == "家校共育的实践与反思" and docs[0].lines == BODY_A
    # a heading alone above the body stays in the text
    docs = split_documents([("一、指导思想", True), *[(t, i == 0) for i, t in enumerate(BODY_A)]])
    assert docs[0].lines[0] == "一、指导思想"


def test_title_repeated_as_the_first_body_line_is_dropped():
    docs = split_documents(lines(("第一篇：城西小学数学组工作总结", False), ("城西小学数学组工作总结", False),
                                 *[(t, False) for t in BODY_A]))
    assert docs[0].title == "城西小学数学组工作总结" and docs[0].lines == BODY_A
    assert docs[0].removed["title_echo"] == 1


def test_preview_line_is_dropped_and_gives_the_title():
    preview = "省级校本教研基地工作总结1" + BODY_A[0][:40] + "..."
    docs = split_documents(lines((preview, True), *[(t, i == 0) for i, t in enumerate(BODY_A)]))
    assert len(docs) == 1
    assert docs[0].title == "省级校本教研基地工作总结"
    assert docs[0].lines == BODY_A
    assert docs[0].removed["preview"] == 1


def test_two_line_preview_at_the_end_of_the_previous_document():
    nxt = ["20xx学年小学校本教研工作总结本学年，我校继续围绕以“课堂作业优化”为抓手，提升农村课堂教学质量。" * 2,
           "1.依托互联网等信息技术优势，进行“城乡同步课堂”。" * 3,
           "2.本校教师通过理论学习、专家引领、同伴互助、自主研修等活动，精心优化课堂作业。" * 2]
    preview = [nxt[0][:60], nxt[2][:50]]
    docs = split_documents(lines(*[(t, i == 0) for i, t in enumerate(BODY_A)], *[(p, False) for p in preview],
                                 *[(t, i == 0) for i, t in enumerate(nxt)]))
    assert len(docs) == 2
    assert docs[0].lines == BODY_A
    assert docs[1].title == "20xx学年小学校本教研工作总结"
    assert docs[1].lines[0].startswith("本学年，我校继续")


def test_repeated_heading_before_a_document_is_not_a_preview():
    nxt = ["一、指导思想", "本学期继续深化课程改革。" * 30]
    docs = split_documents(lines(*[(t, i == 0) for i, t in enumerate(BODY_A)], ("一、指导思想", False),
                                 *[(t, i == 0) for i, t in enumerate(nxt)]))
    assert docs[0].lines[-1] == "一、指导思想"


def test_short_untitled_fragment_stays_with_the_document_before():
    fragment = ["（1）本学期继续以“小组合作”为校本课程开发的思路。", "（2）完善小组建设的校本课程。"]
    docs = split_documents(lines(*[(t, i == 0) for i, t in enumerate(BODY_A)], *[(t, i == 0) for i, t in enumerate(fragment)]))
    assert len(docs) == 1
    assert docs[0].lines[-2:] == fragment


def test_glued_title():
    assert glued_title("20xx学年小学校本教研工作总结本学年，我校继续围绕以“课堂作业优化”为抓手，提升质量") == (
        "20xx学年小学校本教研工作总结", "本学年，我校继续围绕以“课堂作业优化”为抓手，提升质量")
    assert glued_title("本学期教学教研工作即将结束，现将本期工作汇报如下：一、强化管理，提升质量和水平") is None
    assert glued_title("一、工作计划要点，认真落实各项教研工作，提高教学质量和水平") is None


@pytest.mark.parametrize("line, title", [
    ("【初中数学组工作总结】本学期，我组全体教师在学校领导的关心下扎实开展教研活动。", "初中数学组工作总结"),
    ("【城北小学教务处工作计划（修订）】为进一步规范教学管理，提高教学质量，特制定本计划。", "城北小学教务处工作计划（修订）"),
    ("2022年幼儿园保教工作总结上学期在园领导的带领下，全体保教人员团结协作，圆满完成了各项任务。",
     "2022年幼儿园保教工作总结上学期"),
])
def test_glued_title_in_brackets_or_with_a_term(line, title):
    glued = glued_title(line)
    assert glued is not None and glued[0] == title and title in line and line.endswith(glued[1])
    assert glued[1].startswith(("本学期", "为进一步", "在园"))


@pytest.mark.parametrize("line", [
    # a site's generic opening sentence: the subject carries a copula, or the predicate follows the kind word
    "总结不只是总结经验，更是一次对过去工作的全面梳理和深刻反思，值得每个人认真对待。",
    "学期工作总结是对一学期教学工作的回顾和检查，也是下一步工作的起点和依据。",
    "教学计划就是教师在学期开始前对整个学期教学工作的通盘考虑和周密安排。",
    "年度工作计划不仅能帮助我们明确目标，还能让我们合理安排时间和精力。",
    "如何写好工作总结呢？这里有一些经验和方法供老师们参考借鉴，希望对你有用。",
])
def test_generic_opening_sentence_is_no_glued_title(line):
    assert glued_title(line) is None


def test_bare_title_lines_with_a_bracket_or_in_brackets():
    body = ["本学期，我校教科室在校长室的领导下开展工作。" * 12, "一、课题研究", "本学期课题研究稳步推进。" * 10]
    for line, title in (("城关中学课程建设规划纲要（2023-2026）", "城关中学课程建设规划纲要（2023-2026）"),
                        ("【小学美术组工作计划】", "小学美术组工作计划"),
                        ("城东小学教研工作总结秋季", "城东小学教研工作总结秋季")):
        docs = split_documents(lines((line, True), *[(t, False) for t in body]))
        assert docs[0].title == title and docs[0].lines == body, line
    assert split_documents(lines(("【篇一】精彩回顾", True), *[(t, False) for t in body]))[0].title is None


def test_preview_glued_before_its_body_on_one_line():
    body = "本学期教科室在校长室部署和要求下，立足于课堂教学质量的提升，突出校本教研，加强课堂教学模式的探索和改革。" * 6
    docs = split_documents(lines(*[(t, i == 0) for i, t in enumerate(BODY_A)], (body[:60] + "……" + body, True)))
    assert docs[1].lines == [body]
    assert docs[1].removed["preview"] == 1


def test_bare_title_on_the_first_line():
    body = ["本学期，我校教科室在校长室的领导下开展工作。" * 12, "一、课题研究", "本学期课题研究稳步推进。" * 10]
    docs = split_documents(lines(("阳光小学2023-2024学年第一学期教科室工作总结", True), *[(t, False) for t in body]))
    assert docs[0].title == "阳光小学2023-2024学年第一学期教科室工作总结" and docs[0].lines == body
    assert split_documents(lines(("本学期工作总结", True), *[(t, False) for t in body]))[0].title is None  # a body opener
    assert split_documents(lines(("一、工作计划", True), *[(t, False) for t in body]))[0].title is None  # a heading


def test_short_site_prose_above_the_first_numbered_document_is_dropped():
    prose = ["德育工作总结范文", "写总结是一件很重要的事情，它能帮我们理清思路。怎样才能写好一篇总结呢？"]
    docs = split_documents(lines(*[(t, False) for t in prose], ("城南小学德育工作总结 篇1", False),
                                 *[(t, False) for t in BODY_A]))
    assert len(docs) == 1 and docs[0].lines == BODY_A and docs[0].removed["boilerplate:page_header"] == 2
    # a short first document with a heading stays a document
    short = ["本学期工作如下。", "一、课题研究", "课题顺利立项。"]
    docs = split_documents(lines(*[(t, False) for t in short], ("城南小学德育工作总结 篇1", False),
                                 *[(t, False) for t in BODY_A]))
    assert len(docs) == 2 and docs[0].lines == short
    # without a numbered document after it, short text is a document
    alone = split_documents(lines(*[(t, False) for t in prose]))[0]
    assert (alone.title, alone.lines) == ("德育工作总结范文", prose[1:])


def test_bare_title_with_a_sites_template_word():
    assert plain_title(["小学教导处工作总结范本", "本学期，我校教导处……"]) == "小学教导处工作总结范本"
    assert plain_title(["本学期我们学会了写总结范文", "下学期……"]) is None  # a sentence, not a title


@pytest.mark.parametrize("first, title", [
    ("2024年度凤梧学校德育工作总结——以德为先，构建和谐校园", "2024年度凤梧学校德育工作总结——以德为先，构建和谐校园"),
    ("凤梧学校德育工作总结：以德为先，构建和谐校园", "凤梧学校德育工作总结：以德为先，构建和谐校园"),
    ("以德为先 构建和谐校园——凤梧学校2024年度德育工作总结", "以德为先 构建和谐校园——凤梧学校2024年度德育工作总结"),
    # a page title with the site's tag, section and name around it
    ("【（推荐）20xx年下学期期中教学工作总结】工作总结-某某网", "20xx年下学期期中教学工作总结"),
    # not titles: a sentence after the colon, a subtitle cut at a comma, a body opener
    ("学校工作总结：本学期我们完成了各项任务。", None),
    ("学校工作总结：以德为先，", None),
    ("以学生发展为本，全面落实学校工作计划", None),
])
def test_bare_title_with_a_subtitle(first, title):
    assert plain_title([first, "本学期，我校德育工作取得了较好的成绩。"]) == title


def test_a_subtitle_on_its_own_line_joins_the_title():
    body = ["本学期，我校德育工作在上级部门的领导下，取得了较好的成绩。" * 8, "一、加强队伍建设", "组织培训三次。"]
    docs = split_documents(lines(("凤梧学校德育工作总结", False), ("——以德为先，构建和谐校园", False),
                                 *[(t, False) for t in body]))
    assert [(d.title, d.lines) for d in docs] == [("凤梧学校德育工作总结——以德为先，构建和谐校园", body)]


BODY_T = ["本学期，我校音乐教研组在学校的引领下，扎实开展教研活动，取得了较好的成效。" * 3, "一、课堂教学", "每周听课一次。"]


@pytest.mark.parametrize("head, title, kept", [
    # the title nearest the body wins; a shorter page title above it is its echo, furniture stays
    (["视频资源", "音乐备课组工作总结", "陶吴中心小学2025学年音乐教研组工作总结"], "陶吴中心小学2025学年音乐教研组工作总结", ["视频资源"]),
    (["2011—2012学年上学期", "教科所工作总结"], "教科所工作总结", ["2011—2012学年上学期"]),
    (["城南小学", "一、课堂教学"], None, ["城南小学", "一、课堂教学"]),  # a heading ends the block: no title below
])
def test_a_title_below_other_short_lines(head, title, kept):
    docs = split_documents(lines(*[(t, False) for t in head + BODY_T]))
    assert [(d.title, d.lines) for d in docs] == [(title, kept + BODY_T)]


def test_a_title_glued_to_a_body_that_opens_on_the_year():
    assert glued_title("教育局教研室工作计划2023年，教研室将继续发挥教研、指导、服务和管理功能。") == (
        "教育局教研室工作计划", "2023年，教研室将继续发挥教研、指导、服务和管理功能。")


def test_a_news_headline_is_a_title():
    assert plain_title(["喜报：吴风琴、成群老师双双获得常州市高中化学教师基本功比赛一等奖", "2020年常州市……"]) == (
        "喜报：吴风琴、成群老师双双获得常州市高中化学教师基本功比赛一等奖")
    assert plain_title(["喜报：我校获奖。", "……"]) is None  # a sentence


def test_title_echoes_with_a_template_word_and_after_an_intro_go():
    intro = "开学初，我们制订了教研组工作计划，如今一学期工作已接近尾声，特进行工作对照和相关总结。" * 3
    chunk = ["科学教研组的工作总结", "科学教研组的工作总结范文", intro, "科学教研组的工作总结范文", "一、主要工作和成绩回顾",
             "陈建秋老师参加省级培训。" * 10]
    (doc,) = split_documents(lines(*[(t, False) for t in chunk]))
    assert (doc.title, doc.lines, doc.removed["title_echo"]) == ("科学教研组的工作总结", [intro, *chunk[4:]], 2)


def test_a_glued_title_keeps_the_sites_template_word():
    assert glued_title("第一学期中学语文组工作参考计划范文本学期，语文教研组将全面贯彻落实学校教育教学工作计划。") == (
        "第一学期中学语文组工作参考计划范文", "本学期，语文教研组将全面贯彻落实学校教育教学工作计划。")


def test_echoes_filling_the_first_lines_leave_the_body_whole():
    body = ["本学期，我校教研工作扎实开展，取得了较好的成绩。" * 4, "一、课堂教学", "每周听课一次。"]
    (doc,) = split_documents(lines(*[(t, False) for t in ["城南小学教研工作总结"] * 5 + body]))
    assert (doc.title, doc.lines, doc.removed["title_echo"]) == ("城南小学教研工作总结", body, 4)


def test_an_official_notice_title():
    title = "关于耒阳市2018-2020年度优秀教学教研团队评选结果的通报"
    assert plain_title([title, "各级各类学校："]) == title
    assert plain_title(["关于加强教研工作的几点思考", "……"]) is None  # an essay's title names no notice


def test_a_schools_rules_have_a_bare_title_and_its_echoes_go():
    body = ["为了更好地搞好学校德育工作，学校必须成立德育领导小组，并做好以下工作：" * 3, "1、制定德育工作计划。"]
    chunk = ["德育工作考评制度", "德育工作考评制度", "德育工作考评制度", "深圳市金田小学", "德育工作考评制度", *body]
    (doc,) = split_documents(lines(*[(t, False) for t in chunk]))
    assert (doc.title, doc.lines) == ("德育工作考评制度", ["深圳市金田小学", *body])


@pytest.mark.parametrize("line, title", [
    ("【英语教研】2024-2025学年第二学期英语教研组工作总结", "2024-2025学年第二学期英语教研组工作总结"),  # a column tag goes
    ("【2023】学校工作总结", "【2023】学校工作总结"),  # a year stays
    ("【小学教研组工作总结】", "小学教研组工作总结"),
])
def test_a_site_column_tag_leaves_the_title(line, title):
    assert clean_title(line) == title


def test_a_phrase_printed_twice_at_the_top_is_the_title():
    body = ["中小学教师的教科研主要是一种行动研究，是一种扎根于教育实践的研究。" * 3, "一、教师为什么要开展教科研？"]
    chunk = ["青年教师如何开展教科研活动"] * 3 + body
    (doc,) = split_documents(lines(*[(t, False) for t in chunk]))
    assert (doc.title, doc.lines) == ("青年教师如何开展教科研活动", body)
    (doc,) = split_documents(lines(*[(t, False) for t in ["城南小学", "青年教师如何开展教科研活动", *body]]))
    assert doc.title is None  # printed once: no telling a title from the school's name
