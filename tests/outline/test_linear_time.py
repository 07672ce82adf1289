"""Every regular expression on document text runs in linear time: 100,000-character lines."""
import time

import numpy as np
import pytest

from pipeline.outline.document import batch_scores, prepare, sections

N = 100_000
ADVERSARIAL = [
    "1、" + "，" * N, "1、" + "《" * N + "。" * N, "1" * N, "（" * N, "（1" * N, "一" * N + "、",
    "十" * N, ":" * N + "1、x", ">" * N, "1、" + "、" * N, "1." * N, "1、" + "：" * N, "①" * N,
    "1、" + "“" * N + "：" * N, "1、" + "的." * N, "九月份" + "：" * N, "20" * N, "月" * N,
    "1、" + "a" * N + "。", "\n".join(["1、短"] * 2000), "，\n" * N,
    # mid-line markers (outline.inline): many candidates, and many lines cut in two
    "，一、加" * N, "一、" + "合1、建" * N + "\n2、做", "，一、加\n二、加\n" * (N // 8),
    "（一）加1、建\n2、做\n" * (N // 10), "：（一）（二）" * N, "字1．" * N,
]


@pytest.mark.parametrize("line", ADVERSARIAL, ids=[f"adv{i}" for i in range(len(ADVERSARIAL))])
def test_long_adversarial_lines_are_fast(line, model):
    t = time.perf_counter()
    batch = prepare([line])
    secs = sections(batch, batch_scores(model, batch), 0.5)[0]
    assert time.perf_counter() - t < 2.0
    for s in secs:
        assert 0 <= s.start <= s.end <= s.body_end <= len(line)


def test_random_text_spans_index_the_text(model):
    rng = np.random.default_rng(7)
    alphabet = list("一二三四五六七八九十1234567890１２（）()、.．。，：；①②⑴﹝﹞月份>\n 加强教研工作学习")
    for _ in range(50):
        text = "".join(rng.choice(alphabet, size=400))
        batch = prepare([text])
        for s in sections(batch, batch_scores(model, batch), 0.5)[0]:
            assert text[s.start:s.end].endswith(s.title)
            assert s.end <= s.body_end <= len(text)


def test_odd_characters_do_not_break_the_outline(heads):
    text = "一、指导\x00思想\n正文\ud800。\n二、工作𠀀重点\n\n\n三、\n1、"
    assert [t for _, t, _ in heads(text)] == ["指导\x00思想", "工作𠀀重点"]
