import pytest

from pipeline.ingest.normalise import join_pages, normalise_line, normalise_lines, raw_lines, reflow, unwrap


@pytest.mark.parametrize("raw, clean", [
    (">一、转变观念，增强教研意识", "一、转变观念，增强教研意识"),
    ("“互联>网+”，共享城乡教研", "“互联网+”，共享城乡教研"),
    ('采取\\"自学\\"与\\"互教\\"相结合', "采取“自学”与“互教”相结合"),
    ("1、、抓好教学常规", "1、抓好教学常规"),
    ("（1）、开展了全员性的教师论坛", "（1）开展了全员性的教师论坛"),
    ("１、教师６６名", "1、教师66名"),
    ("组长:王建民,副组长:李明", "组长：王建民，副组长：李明"),
    ("(二)积极开展教学研讨活动", "（二）积极开展教学研讨活动"),
    ("二．整体布局", "二.整体布局"),
    ("繼續(xù)努力", "繼續努力"),
    ("计划……此处隐藏3200个字……好", "计划好"),
    ("教研-12-活动", "教研活动"),
    ("会议于3:30召开，到会1.5小时", "会议于3:30召开，到会1.5小时"),
    ("现简要回顾如下...", "现简要回顾如下……"),
    ("\u3000\u3000本学期，我校", "本学期，我校"),
    ("a\x00b\x07c", "abc"),
    # each rewritten pattern's edges: the first character decides, the lookarounds check
    ("结束。。下一句", "结束。下一句"),
    ("结束。。。下一句", "结束……下一句"),
    ("等等...。。。…", "等等……"),
    ("老师、、学生，，家长", "老师、学生，家长"),
    ("第 2 页 共 9 页正文", "正文"),
    ("见表A-3-1", "见表A-3-1"),
    ("-3-正文", "正文"),
    ("第3-4周", "第3-4周"),
    ("  >>中>文", "中文"),
    ("a>b", "a>b"),
    ("中,文;a,b", "中，文；a,b"),
    ("ok!“好”", "ok！“好”"),
    ("\u3000（2）、内容", "（2）内容"),
    # a site's name in brackets injected mid-sentence goes; a bracketed title stays
    ("开展教学反思活动，[精品范文]不断提高教研水平", "开展教学反思活动，不断提高教研水平"),
    ("【课件资料网】本学期我校", "本学期我校"),
    ("[学习網]繼續努力", "繼續努力"),
    ("【小学数学组工作总结】本学期", "【小学数学组工作总结】本学期"),
    ("见文献[1]和[教材]", "见文献[1]和[教材]"),
    # table-cell pipes at a line's ends
    ("| 课题研究成果展示 | ||||", "课题研究成果展示"),
    ("||||", ""),
    ("项目 | 内容 | 成果", "项目 | 内容 | 成果"),
    # converter debris: a lost character left as `?pinyin)`, stray commas before other punctuation
    ("向?qū)W校汇报", "向校汇报"),
    ("繼續(xù)A級", "繼續A級"),
    ("實踐,、思考", "實踐、思考"),
    ("成長,。下一步", "成長。下一步"),
    ("1,、各班開展活動", "1、各班開展活動"),
    ("怎么寫呢,?我們", "怎么寫呢？我們"),
    ("甲,，、乙", "甲、乙"),
    ("a,b，c", "a,b，c"),
])
def test_normalise_line(raw, clean):
    assert normalise_line(raw) == clean


def test_raw_lines_keep_the_space_signal_and_fold_crlf():
    assert raw_lines(" 标题\r\n正文<br>续行&amp;") == [(" 标题", True), ("正文", False), ("续行&", False)]


def test_spaces_after_markup_are_no_boundary_signal():
    html = '<p> ——城关小学教研活动纪实</p><p>&nbsp;&nbsp;本周我校开展了教研活动。</p><P class=x><B> 一、活动概况</B></P>'
    assert [(t, led) for t, led in raw_lines(html) if t] == [
        ("——城关小学教研活动纪实", False), ("本周我校开展了教研活动。", False), ("一、活动概况", False)]
    assert raw_lines(" 标题\n正文") == [(" 标题", True), ("正文", False)]  # a plain text's leading space stays


def test_word_html_processing_instructions_are_removed():
    html = '<p>一、重点工作<?xml:namespace prefix = o ns = "urn:schemas-microsoft-com:office:office" /><o:p></o:p></p>'
    assert [normalise_line(t) for t, _ in raw_lines(html) if t] == ["一、重点工作"]


def test_unwrap_joins_fixed_width_hard_wraps():
    para = "本学期我校教研工作以课堂教学为中心，努力提高教学质量，开展了丰富多彩的教研活动。"
    wrapped = [para[i:i + 20] for i in range(0, len(para), 20)] * 6
    joined = unwrap(wrapped)
    assert len(joined) < len(wrapped)
    assert "".join(joined) == "".join(wrapped)


def test_unwrap_joins_a_pdf_wrap_measured_in_columns():
    # a PDF wraps at a column: lines with digits hold fewer characters, justified lines fall short
    lines = ["学校投资近5千元添置了多媒体教室的桌凳，投资5千余元更换了讲", "台，投资2千余元更换了各班教室的门，还投资4千多元安装了窗户",
             "钢膜网。这些硬件设施的建设，大大改善了学校的办学条件，并为学", "校开展教育教学活动提供了物质保障。"] * 4
    joined = unwrap(lines)
    assert joined == ["".join(lines[:4])] * 4


def test_unwrap_never_joins_a_list_item_to_the_line_before():
    para = "本学期我校教研工作以课堂教学为中心，努力提高教学质量，开展了丰富多彩的教研活"
    lines = [para, "动。", "2、" + para[2:], "动。"] * 4
    assert [line[:2] for line in unwrap(lines)].count("2、") == 4


def test_unwrap_leaves_ordinary_paragraphs():
    lines = ["一、指导思想", "本学期我校将继续深化课程改革。", "二、工作目标"] * 5
    assert unwrap(lines) == lines


def test_reflow_breaks_a_whole_document_on_one_line():
    body = "本学期，我校开展了丰富的教研活动，取得了较好的成效。" * 30
    line = body + "一、加强理论学习。" + body + "二、开展课堂教学研究。" + body
    pieces = reflow(line)
    assert [p[:2] for p in pieces[1:]] == ["一、", "二、"]
    assert "".join(pieces) == line
    intro = body + "现将本学期工作总结如下：一、加强理论学习。" + body  # the first heading follows the intro's colon
    assert [p[:2] for p in reflow(intro)[1:]] == ["一、"]


# A document run together on one line, shorter than reflow's max_len, heads holding commas.
ONE_LINE = ("期末教导处工作总结本学期，我校教导处在校长室的领导下，认真落实学校工作计划，现将工作总结如下："
            "一、加强教师的业务学习，提高教师的综合素质。1、组织教师学习课程标准，认真做好读书笔记。"
            "本学期共组织集中学习六次。2、开展教研活动。（1）、组织教师参加校外的教学研讨活动。各教研组积极参加。"
            "（2）、开展校内的教学研讨活动。每位教师上一节公开课。二、抓好教学常规管理，提高课堂效率。"
            "教导处每月检查一次教案和作业，并及时反馈。三、存在的问题。少数教师的作业批改还不够细致。")


def test_reflow_breaks_a_line_holding_its_file_before_every_list_item():
    pieces = reflow(ONE_LINE, alone=True)
    assert [p[:3] for p in pieces[1:]] == ["一、加", "1、组", "2、开", "（1）", "（2）", "二、抓", "三、存"]
    assert "".join(pieces) == ONE_LINE


@pytest.mark.parametrize("line, heads", [
    # a sub-list's first item glued to its heading: the heading ends where `1.` starts
    ("学校概况介绍，" * 30 + "荣获市级称号。一、优化育人环境，创设教育氛围1.美化校园。校园内整洁。2.净化校园。各班保洁。",
     ["一、优化育人环境，创设教育氛围", "1.美化校园。", "2.净化校园。"]),
    ("学校概况介绍，" * 30 + "如下：（一）加强常规管理（1）备课。每周集体备课。（2）上课。推门听课。",
     ["（一）加强常规管理", "（1）备课。", "（2）上课。"]),
    # glued heads chain down the levels: 二、 › （一） › 1、
    ("学区基本情况介绍，" * 30 + "。一、基本情况。学校七所。二、 具体工作（一）、高校课堂1、加强领导，统一思想。召开大会。",
     ["一、基本情况。", "二、 具体工作", "（一）、高校课堂", "1、加强领导，统一思想。"]),
    # a bundle's `篇1` before the first heading, no clause end between
    ("小学信息技术教学总结 篇1一、基本情况" + "我校现有计算机九十台，" * 20 + "。二、考核方式教师命题。",
     ["一、基本情况", "二、考核方式"]),
])
def test_reflow_breaks_before_heads_without_a_clause_end(line, heads):
    pieces = reflow(line, alone=True)
    assert [p[:len(h)] for p, h in zip(pieces[1:], heads)] == heads and len(pieces) == len(heads) + 1
    assert "".join(pieces) == line


@pytest.mark.parametrize("line, alone", [
    (ONE_LINE, False),  # one line among others, under max_len: a paragraph with an inline list
    (ONE_LINE[:ONE_LINE.index("2、")], True),  # each list has its first item only: no list is confirmed
    ("我们要求教师做到三点：一、认真备课，二、认真上课，三、认真批改作业。" * 8, True),  # items after commas
    ("积极开展教研活动：" + "组织教师参加1、2年级的集体备课。" * 20, True),  # `1、2年级` is a range
    # a head followed by `1、2年级` (a range) and no second item of the outer list
    ("学校概况介绍，" * 30 + "如下：一、加强教学管理1、2年级每周测验。2、3年级每月测验。", True),
])
def test_reflow_keeps_lines_that_are_not_a_document_run_together(line, alone):
    assert reflow(line, alone=alone) == [line]


def test_normalise_is_linear_on_adversarial_lines():
    import time

    for junk in ("1、" * 50_000, ">" * 100_000, '\\"' * 50_000, "、" * 100_000, "-1-" * 33_000, "(ā" * 50_000):
        t0 = time.perf_counter()
        normalise_line(junk)
        assert time.perf_counter() - t0 < 5.0  # catastrophic backtracking would take hours


@pytest.mark.parametrize("raw, clean", [
    ("学校投资近 5 千元添置了", "学校投资近5千元添置了"),  # text copied out of a PDF
    ("超市食品卫生安全工作 , 及时清理过期食品 ; 对寝室、 厕所消毒", "超市食品卫生安全工作，及时清理过期食品；对寝室、厕所消毒"),
    ("5 、安全工作警钟长鸣。", "5、安全工作警钟长鸣。"),
    ("我校教师李 xx、高 xx 九位老师参加", "我校教师李xx、高xx九位老师参加"),  # placeholders too
    ("使用 PPT 课件", "使用 PPT 课件"),
    ("以幼儿园 “幼儿良好生活习惯养成的实践研究” 课题研究为载体", "以幼儿园“幼儿良好生活习惯养成的实践研究”课题研究为载体"),
    ("精品文档---下载后可任意编辑中小学教师继续教育工作总结", "中小学教师继续教育工作总结"),  # a site watermark
    ("组长：王明 李华 张三", "组长：王明 李华 张三"),  # between Chinese characters a space may part names
    ("组  长：孙小明", "组  长：孙小明"),
])
def test_spaces_around_digits_and_punctuation_go(raw, clean):
    assert normalise_lines([raw]) == [clean]


def test_question_marks_a_converter_injected_every_few_characters_are_removed():
    clean = "在学校里，有些现状是很难改变的，比如小学科学是一门弱势学科，任教科学的老师都担任语文的教学任务，打造校园科技文化。一、校园科技活动，初具端倪：前几年，我校的科技活动很少。"
    debris = "".join(c + ("?" if k % 5 == 4 else "") for k, c in enumerate(clean))
    assert normalise_lines([debris, "第5頁共5頁" + debris]) == [clean, clean]


@pytest.mark.parametrize("line", [
    "我们的课堂有效吗？学生学会了吗？作业多吗？老师累吗？家长满意吗？学生快乐吗？我们反思了吗？改进了吗？",
    "反思：为什么学生不爱提问？怎样让学生敢问？",
])
def test_real_question_marks_stay(line):
    assert normalise_lines([line]) == [line]


PAGE_TEXT = "教研室将继续发挥教研、指导、服务和管理功能，围绕课改、研训、育人和评价四大主题开展工作。" * 8


def test_pages_opened_by_their_numbers_are_joined():
    pages = [("1、" + PAGE_TEXT + "借助名校长的影", False), ("2、响和带动更多校长开拓思路。" + PAGE_TEXT + "在开全开好", False),
             ("3、课程的基础上，强化思想教育。", False)]
    assert join_pages(pages) == [(PAGE_TEXT + "借助名校长的影响和带动更多校长开拓思路。" + PAGE_TEXT + "在开全开好课程的基础上，强化思想教育。", False)]


@pytest.mark.parametrize("lines", [
    [("1、" + PAGE_TEXT, False), ("2、开展教研活动", False)],  # a finished sentence before: a list item
    [("1、开展教研活动", False), ("2、加强集体备课", False)],  # short items
    [("2、" + PAGE_TEXT + "借助", False), ("3、响和带动", False)],  # not numbered from 1
])
def test_list_items_are_no_pages(lines):
    assert join_pages(lines) == lines
