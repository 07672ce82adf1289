"""documents_of end to end on constructed site pages: boilerplate out, titles in, boundaries right."""
import opencc
import pytest

from pipeline.config import IngestConfig
from pipeline.ingest import documents_of, ingest_file, normalised_lines

BODY_1 = ["本学期，我校德育工作以立德树人为根本任务，扎实开展了一系列主题教育活动，取得了较好的成效。" * 3,
          "一、加强班主任队伍建设", "学校每月召开一次班主任工作例会，交流班级管理经验，共有班主任28名参加培训。" * 3]
BODY_2 = ["一年来，我校教研组认真落实学校工作计划，围绕课堂教学改革开展了丰富的教研活动。" * 3,
          "一、抓好集体备课", "各备课组每周开展一次集体备课活动，全年共开展集体备课36次。" * 3]
PAGE = "\n".join([
    "首页 > 工作总结 > 德育工作总结",
    "城南小学德育工作总结",
    "时间：2023-06-30 10:12:45 工作总结 我要投稿",
    "城南小学德育工作总结（精选2篇）",
    "总结是对过去工作的回顾和分析。下面是小编为大家整理的城南小学德育工作总结，欢迎阅读，希望对你有所帮助。",
    "城南小学德育工作总结 篇1",
    *BODY_1,
    "城南小学德育工作总结 篇2",
    *BODY_2,
    "上一篇：班主任工作计划",
])


def _docs(text: str) -> list[dict]:
    return documents_of(text, "page.txt", "utf-8", "0" * 40, IngestConfig())


def test_a_site_page_keeps_only_its_documents_and_their_titles():
    docs = _docs(PAGE)
    assert [d["title"] for d in docs] == ["城南小学德育工作总结"] * 2
    assert [d["text"] for d in docs] == ["\n".join(BODY_1), "\n".join(BODY_2)]
    assert docs[0]["removed"] == ("boilerplate:blurb=1;boilerplate:breadcrumb=1;boilerplate:header=1;"
                                  "boilerplate:meta=1;boilerplate:nav=1")


def test_a_traditional_copy_of_the_page_splits_the_same_way():
    trad = _docs(opencc.OpenCC("s2t").convert(PAGE))
    simple = _docs(PAGE)
    assert [d["title"] for d in trad] == ["城南小學德育工作總結"] * 2
    assert [d["n_chars"] for d in trad] == [d["n_chars"] for d in simple]


def test_a_traditional_title_and_its_subtitle_line_keep_their_characters():
    page = opencc.OpenCC("s2t").convert("\n".join(["凤梧学校德育工作总结", "——以德为先，构建和谐校园", *BODY_1]))
    assert [d["title"] for d in _docs(page)] == ["鳳梧學校德育工作總結——以德爲先，構建和諧校園"]


def test_a_blurb_after_document_text_is_cut_and_the_text_kept():
    own = "为使我校德育工作扎实有效地开展，特制定本计划。"
    text = "\n".join(["城南小学德育工作计划篇一", *BODY_1, "城南小学德育工作计划篇二",
                      own + "下面就是小编给大家带来的德育工作计划，希望能帮助到大家！", *BODY_2])
    docs = _docs(text)
    assert docs[1]["text"].split("\n")[0] == own


def test_a_page_that_indents_every_paragraph_has_no_space_boundaries():
    indented = "\n".join("\u3000\u3000" + line for line in BODY_1 + BODY_2)
    assert len(_docs(indented)) == 1
    assert not any(led for _, led in normalised_lines(indented))
    # a bundle whose few space-led lines open documents still splits there
    bundle = "\n".join([" " + BODY_1[0], *BODY_1[1:], *BODY_1[1:] * 3, " " + BODY_2[0], *BODY_2[1:], *BODY_2[1:] * 3])
    assert len(_docs(bundle)) == 2


def test_html_paragraph_spaces_do_not_split_an_article():
    html = ("<p><b> 城关小学教研简报</b></p><p> 常态教研促成长</p><p> ——城关小学校本教研纪实</p>"
            + "".join(f"<p>&nbsp;&nbsp;{line}</p>" for line in BODY_2))
    docs = _docs(html)
    assert len(docs) == 1 and docs[0]["text"].startswith("城关小学教研简报\n常态教研促成长\n——城关小学")


def test_a_file_of_boilerplate_only_gives_an_errors_row(tmp_path):
    path = tmp_path / "furniture.txt"
    path.write_text("\n".join(["当前位置：范文网工作总结栏目", "德育工作总结（精选5篇）", "2023-06-15 16:18:01 工作总结 访问手机版",
                               "下面是小编为大家整理的德育工作总结，欢迎阅读。", "继续免费阅读"]), encoding="utf-8")
    docs, errors = ingest_file(path, "furniture.txt")
    assert docs == [] and [e["error"] for e in errors] == ["empty:no_documents"]


@pytest.mark.parametrize("head, title", [
    # the page's title with its site's name, the site name alone, the title printed twice
    (["城南小学第二学期工作总结 - 作文大全", "作文大全", "城南小学第二学期工作总结", "城南小学第二学期工作总结"],
     "城南小学第二学期工作总结"),
    # a document site's file name and page list
    (["县教研工作总结综述Word格式.docx", "县教研工作总结综述Word格式.docx_第1页", "第1页 / 共6页"], "县教研工作总结综述"),
    (["城南小学教科研工作总结_第1页", "城南小学教科研工作总结_第2页"], "城南小学教科研工作总结"),
    # a document site's bulleted file card
    (["城南小学体育组工作总结.docxVIP", "  • 0", "  • 约3.2千字", "  • 约 7页", "  • 2026-01-20 发布于四川", "  • 举报",
      "城南小学体育组工作总结"], "城南小学体育组工作总结"),
])
def test_the_page_header_names_the_document(head, title):
    docs = _docs("\n".join(head + BODY_1))
    assert [(d["title"], d["text"]) for d in docs] == [(title, "\n".join(BODY_1))]
    trad = _docs(opencc.OpenCC("s2t").convert("\n".join(head + BODY_1)))
    assert trad[0]["title"] == opencc.OpenCC("s2t").convert(title)


def test_a_dash_in_a_title_is_no_site_name():
    # the part after the dash stands on no line of its own: no site name, the line is kept
    docs = _docs("\n".join(["城南小学工作总结 - 德育部分", *BODY_1]))
    assert [(d["title"], d["text"]) for d in docs] == [(None, "\n".join(["城南小学工作总结 - 德育部分", *BODY_1]))]


def test_an_untitled_page_takes_its_kind_from_the_headers_blurb():
    page = "\n".join(["下面就是小编给大家带来的幼儿园班级工作计划，希望能帮助到大家！", "一、创建平安校园",
                      "规范每日安全值班人员和传达人员工作流程，细化工作要求。" * 8])
    assert [(d["title"], d["kind"]) for d in _docs(page)] == [(None, "plan")]


def test_a_headline_right_above_the_page_meta_is_the_title():
    body = ["2020年1月6日中午，锦园幼儿园开展了本学期“优秀教研组长”评选活动。" * 4, "评选结束，侯园长对各位教研组工作给与了充分的肯定。"]
    head = "团结协作 共促教科研工作辉煌—锦园幼儿园开展“优秀教研组长”评选活动"
    docs = _docs("\n".join([head, "作者：锦园幼儿园 来源：未知 发布时间：2020-01-06 16:31", *body]))
    assert [(d["title"], d["text"]) for d in docs] == [(head, "\n".join(body))]
    assert [d["title"] for d in _docs("\n".join([head, *body]))] == [None]  # no meta under it: body text
