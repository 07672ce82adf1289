from pipeline.ingest.boilerplate import mark_boilerplate
from pipeline.ingest.split import clean_title, glued_title, split_documents, title_line

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
        assert docs[1].title == (clean_title(title_line(title)) or None)
    assert title_line("小学校本教研工作计划篇三") == "小学校本教研工作计划"
    assert title_line("第二篇:校本教研工作总结2") == "校本教研工作总结"
    assert title_line("一、工作计划") is None
    assert title_line("本学期，我们制定了工作计划") is None


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


def test_site_footer_and_ads_are_marked():
    text = ["正文最后一段。", "相关推荐", "小学校本教研工作计划", "教科室工作总结范文", "[百范文]精选范文", "首页 > 工作总结 > 教研总结"]
    assert mark_boilerplate(text) == [None, "boilerplate:footer", "boilerplate:footer", "boilerplate:footer",
                                      "boilerplate:ad", "boilerplate:breadcrumb"]


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
