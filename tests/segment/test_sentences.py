import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment.sentences import split_sentences


def texts(text: str) -> list[str]:
    spans = split_sentences(text)
    assert all(text[s:e] == text[s:e].strip() and text[s:e] for s, e in spans)
    return [text[s:e] for s, e in spans]


def test_offsets_of_a_simple_pair():
    assert split_sentences("今天开会。明天放假！") == [(0, 5), (5, 10)]


@pytest.mark.parametrize("text, sentences", [
    # closing quotes and brackets stay with their sentence
    ("他说：“今天开会。”明天放假。", ["他说：“今天开会。”", "明天放假。"]),
    ("“我们要学习。要进步。”他说。", ["“我们要学习。", "要进步。”", "他说。"]),
    ("「好。」他说", ["「好。」", "他说"]),
    ("校长说：‘认真备课！’大家鼓掌。", ["校长说：‘认真备课！’", "大家鼓掌。"]),
    ("（详见附件。）下面是安排。", ["（详见附件。）", "下面是安排。"]),
    ("要求如下(见表一.)然后", ["要求如下(见表一.)", "然后"]),
    # ellipses, runs of ends
    ("开展校本教研……我们继续。", ["开展校本教研……", "我们继续。"]),
    ("现简要回顾如下...一、转变观念", ["现简要回顾如下...", "一、转变观念"]),
    ("真的吗？！太好了！！！", ["真的吗？！", "太好了！！！"]),
    ("一是备课；二是上课；", ["一是备课；", "二是上课；"]),
    # half-width punctuation
    ("完成了.下一步!好?对;行", ["完成了.", "下一步!", "好?", "对;", "行"]),
    ('他说:"好."然后', ['他说:"好."', "然后"]),
    ("数值3.5%提高，见www.a.cn网站", ["数值3.5%提高，见www.a.cn网站"]),
    # no final punctuation
    ("没有结尾标点", ["没有结尾标点"]),
    ("第一句。第二句没有结尾", ["第一句。", "第二句没有结尾"]),
    # 《》 titles may hold sentence ends
    ("学习《关于开展“教学开放周”活动的通知。》精神。好", ["学习《关于开展“教学开放周”活动的通知。》精神。", "好"]),
    ("读了《你好！老师》一书。", ["读了《你好！老师》一书。"]),
    ("读《论语。然后", ["读《论语。", "然后"]),  # an unclosed 《 does not swallow the line
])
def test_sentence_ends(text, sentences):
    assert texts(text) == sentences


@pytest.mark.parametrize("text, sentences", [
    ("一、转变观念，增强教研意识\n开展校本教研是推进课改的要求。", ["一、转变观念，增强教研意识", "开展校本教研是推进课改的要求。"]),
    ("（1）开展了全员性的教师论坛\n（2）组织全体任课教师", ["（1）开展了全员性的教师论坛", "（2）组织全体任课教师"]),
    ("二.整体布局，构成规模\n1。抓好教学常规。下一步", ["二.整体布局，构成规模", "1。抓好教学常规。", "下一步"]),
    ("二．整体布局\n3.加强教学研究", ["二．整体布局", "3.加强教学研究"]),
    ("1．教科沙龙。10月16日，本学期开展。", ["1．教科沙龙。", "10月16日，本学期开展。"]),
    ("存在的问题：\n1、教师参与不够", ["存在的问题：", "1、教师参与不够"]),
])
def test_every_line_is_at_least_a_sentence(text, sentences):
    assert texts(text) == sentences


def test_whitespace_is_left_out():
    text = " 省级校本教研 \r\n\n  \n\u3000\u3000本学期，我校开展。 \t"
    assert texts(text) == ["省级校本教研", "本学期，我校开展。"]
    assert split_sentences(text)[0] == (1, 7)
    assert split_sentences("") == []
    assert split_sentences(" \n\u3000\n\t") == []


def test_spans_do_not_hold_the_newline():
    text = "第一行。\n第二行\n"
    assert split_sentences(text) == [(0, 4), (5, 8)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="学校教研。！？；…”」）》《.!?;\n 1二、\u3000\"", max_size=60))
def test_spans_cover_all_text_in_order(text):
    spans = split_sentences(text)
    covered = [False] * len(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert "\n" not in text[s:e] and text[s:e].strip() == text[s:e]
        covered[s:e] = [True] * (e - s)
        last = e
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))


@pytest.mark.parametrize("line", [
    "。" * 100_000, "." * 100_000, "．" * 100_000, "”" * 100_000, "《" * 100_000,
    "《" + "学" * 100_000, "《" + "。" * 100_000, "1" * 100_000, "\n" * 100_000,
    "。”" * 50_000, "二．" * 50_000, "学." * 50_000, "a." * 50_000, " " * 100_000,
])
def test_linear_time_on_adversarial_lines(line):
    t = time.perf_counter()
    split_sentences(line)
    assert time.perf_counter() - t < 1.0
