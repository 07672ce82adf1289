import pytest

from pipeline.ingest.boilerplate import blurb_start, line_reason, mark_boilerplate

BODY = "本学期，我校德育工作以立德树人为根本任务，扎实开展了一系列主题教育活动，取得了较好的成效。"


def test_site_footer_and_ads_are_marked():
    text = ["正文最后一段。", "相关推荐", "小学校本教研工作计划", "教科室工作总结范文", "[百范文]精选范文", "首页 > 工作总结 > 教研总结"]
    assert mark_boilerplate(text).reasons == [None, "boilerplate:footer", "boilerplate:footer", "boilerplate:footer",
                                      "boilerplate:ad", "boilerplate:breadcrumb"]


@pytest.mark.parametrize("line", [
    "初中语文教研组工作总结（精选6篇）", "《幼儿园保教工作计划通用9篇》", "学校安全工作述职报告【五篇】",
    "有关班主任工作计划12篇", "德育工作总结推荐8篇", "教师读书心得体会（优秀4篇）", "家长会发言稿（精选3篇）",
])
def test_collection_page_headers(line):
    assert line_reason(line) == "boilerplate:header"


@pytest.mark.parametrize("line", [
    "（3）撰写教学反思（2篇）", "3、发表论文12篇", "全年共发表论文12篇，获奖5篇。", "阅读经典美文10篇",
    "小学校本教研工作计划篇三", "每位教师撰写读书笔记（2篇）", "撰写学期工作总结（2篇）",
])
def test_counts_of_articles_in_the_text_are_not_headers(line):
    assert line_reason(line) is None


def test_unqualified_collection_header_only_in_the_page_header():
    item = "教学工作总结（2篇）"
    assert mark_boilerplate([item, BODY]).reasons == ["boilerplate:header", None]
    assert mark_boilerplate([BODY, BODY, item]).reasons == [None, None, None]  # after the body: a plan's item


@pytest.mark.parametrize("line", [
    "我校网站（www.school.cn）全年发布教研新闻200余篇。",  # a sentence naming a web address is text
    "王主任为大家介绍了新课标的要点，希望老师们有所启发。",  # a report's sentence, not a site's blurb
])
def test_sentences_that_look_like_site_furniture_are_kept(line):
    assert line_reason(line) is None and blurb_start(line) is None


@pytest.mark.parametrize("line", [
    "作者：佚名 文章来源：本站整理 点击数：312", "发布时间：2022-05-10 09:12 信息来源：城南小学",
    "2023-09-01 14:20:33 工作计划 我要投稿", "2022-11-03 版权声明 我要投稿", "字号：大 中 小",
    "2021-04-12 08:05 心得体会 访问手机版", "更新时间：2021-6-3 责任编辑：李明",
    "发表日期：2026/2/5 12:49:35作者：王杨 有位读者读过", "2025-09-30人已围观",
])
def test_page_meta_lines(line):
    assert line_reason(line) == "boilerplate:meta"


@pytest.mark.parametrize("line", [
    "活动时间：2023年3月5日下午", "成绩发布时间：每学期期末", "学生阅读次数明显增加，阅读兴趣日渐浓厚。",
    "参观老字号企业，了解传统工艺。", "时间：2023-03-05", "本学期已有120人已围观学习",
    "学生收藏了作品，登录平台后注册。",
])
def test_school_field_lines_are_not_page_meta(line):
    assert line_reason(line) is None


def test_time_and_date_lines_are_page_meta_only_in_the_page_header():
    lines = ["城南小学德育工作计划", "时间：2022-03-01", "2022-03-01", "时间：", BODY,
             "三、读书节活动", "时间：2022-04-23", "地点：学校报告厅", "2022-04-23"]
    reasons = mark_boilerplate(lines).reasons
    assert reasons[:4] == [None] + ["boilerplate:meta"] * 3
    assert reasons[4:] == [None] * 5  # the activity block's own fields stay


@pytest.mark.parametrize("line", [
    "城南小学教研工作总结_第3页", "已阅读3页，还剩7页未读", "继续免费阅读", "版权说明：本文档由用户提供并上传，如有侵权请联系删除",
    "文档简介",
])
def test_document_site_furniture(line):
    assert line_reason(line) == "boilerplate:docsite"


@pytest.mark.parametrize("line, reason", [
    ("上一篇：教研组长述职报告", "boilerplate:nav"), ("- 下一篇：期末家长会发言稿", "boilerplate:nav"),
    ("当前位置：范文网工作总结栏目", "boilerplate:breadcrumb"), ("您现在的位置：首页", "boilerplate:breadcrumb"),
    ("了解本市更多教育资讯，尽在城市教育网。", "boilerplate:ad"), ("扫描下方二维码免费阅读全文", "boilerplate:ad"),
    ("日韩精品,欧美专区,中文字幕在线,成人免费视频", "boilerplate:spam"),
])
def test_navigation_footers_and_spam(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", [
    "下一步工作打算", "学生阅读课外书籍30本", "请家长扫描二维码填写问卷。", "借鉴欧美国家成人教育的经验",
    "当前，学校所处的位置十分重要。",
])
def test_school_sentences_are_not_navigation_or_ads(line):
    assert line_reason(line) is None


@pytest.mark.parametrize("line", [
    "下面是小编为大家整理的德育工作计划，欢迎阅读参考。",
    "以下是为大家整理的《教研组工作总结》，欢迎阅读，希望对你有所帮助。",
    "这里给大家分享一些优秀的工作计划范文，方便大家学习。",
    "下面我就给大家讲一讲计划怎么写，我们一起来看一看吧。",
])
def test_site_blurb_lines(line):
    assert blurb_start(line) == 0 and line_reason(line) == "boilerplate:blurb"


@pytest.mark.parametrize("line", [
    "希望大家在新学期取得更好的成绩。",  # an invitation but no collector
    "学校为大家整理了复习资料，放在图书室。",  # a collector but no invitation
    BODY,
])
def test_school_sentences_are_not_blurbs(line):
    assert blurb_start(line) is None and line_reason(line) is None


def test_blurb_prose_in_the_page_header_goes_whole():
    intro = "计划是对未来工作的安排，写好计划很有必要。下面是小编为大家整理的德育工作计划，欢迎阅读参考。"
    reasons = mark_boilerplate(["德育工作计划", intro, "德育工作计划 篇1", BODY]).reasons
    assert reasons == [None, "boilerplate:blurb", None, None]


def test_blurb_after_document_text_is_cut_off():
    own = "为使我校德育工作扎实有效地开展，特制定本计划。"
    lines = [BODY, BODY, own + "下面就是小编给大家带来的德育工作计划，希望能帮助到大家！"]
    reasons = mark_boilerplate(lines).reasons
    assert reasons == [None] * 3
    assert mark_boilerplate(lines).cuts == {2: len(own)}


def test_a_schedule_of_short_lines_keeps_its_time_fields():
    schedule = ["城南小学读书节活动安排"] + [line for k in range(1, 8) for line in (f"{k}、读书活动", "时间：2023-04-23")]
    assert mark_boilerplate(schedule).reasons == [None] * len(schedule)  # the first heading ends the page header
    assert mark_boilerplate(["时间：2023-04-23"] * 20).reasons[12:] == [None] * 8  # the header is a dozen lines at most


@pytest.mark.parametrize("line", [
    "找范文网 > 工作总结 > 教研组工作总结 > 2021年小学英语教研组工作总结", "某某文库 › 教育 › 校本研修计划",
])
def test_breadcrumbs_that_open_on_a_site_name(line):
    assert line_reason(line) == "boilerplate:breadcrumb"


@pytest.mark.parametrize("line", ["成绩 > 90分的学生有12人。", "一、指导思想", "A组 > B组，差距明显。"])
def test_lines_with_a_greater_than_sign_are_no_breadcrumb(line):
    assert line_reason(line) != "boilerplate:breadcrumb"


@pytest.mark.parametrize("line", [
    "第1页 / 共6页", "县教研工作总结综述Word格式.docx", "- 26.00 KB", "下载 相关 举报", "全文预览已结束",
    "资源描述", "网站客服QQ:12345678", "推荐人： 来源： 阅读： 2.44W 次", "- 2021-04-13 发布",
    "来源： 范文大全2023-12-22 22:49:36", "导读：第二学期工作总结本学期，教科室围绕学校中心工作……", "当前位置",
])
def test_document_site_furniture_of_other_sites(line):
    assert line_reason(line) in ("boilerplate:docsite", "boilerplate:meta", "boilerplate:breadcrumb")


@pytest.mark.parametrize("line", [
    "教师下载相关资料，认真学习。", "本学期共上传教学资源120份。", "来源于课堂的问题才是真问题。",
    "学生阅读量明显增加，作者意识增强。", "2023-03-05 发布了学期计划，全体教师学习。", "导读课上，学生兴趣浓厚。",
])
def test_school_text_with_those_words_is_kept(line):
    assert line_reason(line) is None


def test_a_stray_code_in_the_page_header_is_meta_but_not_in_the_body():
    assert mark_boilerplate(["cwl2", "城南小学工作总结", BODY, "2023", BODY]).reasons == [
        "boilerplate:meta", None, None, None, None]


def test_document_site_terms_and_resource_labels_are_furniture():
    lines = ["- 1、原创力文档（book118）网站文档一经付费（服务费），不意味着购买了该文档的版权。",
             "- 7、本文档每下载1次， 网站将根据您的下载情况给予奖励。", "资源下载", "资源简介", BODY,
             "学校付费订阅了一批教育期刊，供教师学习。"]
    assert mark_boilerplate(lines).reasons == ["boilerplate:docsite"] * 4 + [None, None]


def test_a_document_sites_numbered_terms_are_furniture_however_long():
    terms = "- 2、本站所有内容均由合作方或网友上传，本站不对文档的完整性、权威性及其观点立场正确性做任何保证或承诺！" * 2
    assert mark_boilerplate([terms, "- 4、该文档为VIP文档，如果想要下载，成为VIP会员后，下载免费。", BODY,
                             "- 2、整理教学文档，建立业务档案，下载优秀课件。"]).reasons == [
        "boilerplate:docsite", "boilerplate:docsite", None, None]


@pytest.mark.parametrize("line", ["设为首页 | 收藏本站 | 后台管理", "网站首页 联系我们 网站地图", "登录 注册"])
def test_rows_of_site_links(line):
    assert line_reason(line) == "boilerplate:nav"


@pytest.mark.parametrize("line", ["- 0", "—PAGE1—", "- 约4.21千字", "- 2026-01-20 发布于河北"])
def test_a_document_sites_file_card_with_dashes(line):
    assert line_reason(line) == "boilerplate:docsite"


def test_a_document_sites_slogan():
    assert line_reason("文档视界 最新最全的文档下载") == "boilerplate:docsite"
    assert line_reason("学生可在平台上完成作业下载。") is None
