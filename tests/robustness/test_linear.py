"""Adversarial 100,000-character lines through every stage: no catastrophic backtracking, time roughly linear.

The bounds are generous on purpose: they catch quadratic or exponential behaviour, they do not
measure speed (a 100,000-character line takes well under a second per stage on a laptop).
"""
import time

import pytest

from pipeline.config import IngestConfig
from pipeline.ingest import documents_of
from pipeline.outline.tree import MAX_DEPTH
from pipeline.segment.sentences import split_sentences

from .conftest import doc_table

N = 100_000
BOUND = 10.0  # seconds per stage per line: only a runaway regex or a quadratic loop gets near it


def _rep(piece: str, n: int = N) -> str:
    """piece repeated to exactly n characters."""
    return (piece * (n // len(piece) + 1))[:n]


SCHOOL = "我校教师王明老师获得市级一等奖，课题《小学语文阅读研究》结题，教师66名。"
ADVERSARIAL = {
    "digits": "1" * N, "cn_dun": _rep("一、"), "num_dun": _rep("1、"), "paren_open": "（" * N,
    "paren_num": _rep("（1）"), "paren_unclosed": _rep("(1"), "circled": "①" * N, "commas": "，" * N,
    "stops": "。" * N, "punct_mix": _rep("！？；：，、…"), "ascii_dots": "." * N, "decimals": _rep("1.1."),
    "dengjiang": _rep("等奖"), "yidengjiang": _rep("一等奖"), "ronghuo": _rep("荣获一等奖"),
    "chenghao": _rep("称号"), "laoshi": _rep("王老师、"), "name_list": _rep("张红芳、陈永祥、"),
    "ming": _rep("5名"), "cn_numerals": _rep("一二三四五六七八九十百千万亿"), "placeholders": _rep("20xx"),
    "book_open": "《" * N, "book_keti": _rep("《课题"), "quote_open": "“" * N, "quote_odd": _rep('"中'),
    "gt": ">" * N, "tags": _rep("<p"), "amp": "&" * N, "page_numbers": _rep("-1-"), "months": _rep("九月份"),
    "labels": _rep("存在的问题："), "headings": _rep("一、工作总结\n"), "short_items": _rep("1、短\n"),
    "blank_lines": _rep("，\n"), "single_line_200k": _rep(SCHOOL, 2 * N),
    "space_run": "投" + " " * (N - 2) + "5", "spaced_digits": _rep("投 5 "), "qmarks": _rep("字，?"),
    "list_items": _rep("。一、加强。1、开展；（1）组织："),
}


def _stage_times(stages: dict, text: str) -> dict[str, float]:
    """Seconds each stage spends on one document holding `text`."""
    times = {}

    def timed(name, call):
        t0 = time.perf_counter()
        result = call()
        times[name] = time.perf_counter() - t0
        return result

    timed("ingest", lambda: documents_of(text, "adv.txt", "utf-8", "0" * 40, IngestConfig()))
    timed("sentences", lambda: split_sentences(text))
    docs = doc_table(text)
    seg = timed("segment", lambda: stages["segment"]({"documents": docs}))
    out = timed("outline", lambda: stages["outline"]({"documents": docs, "sentences": seg["sentences"]}))
    timed("extract", lambda: stages["extract"]({"documents": docs, "sentences": out["sentences"],
                                                "tokens": seg["tokens"], "sections": out["sections"]}))
    return times


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_line_finishes_in_every_stage(stages, name):
    times = _stage_times(stages, ADVERSARIAL[name])
    slow = {k: round(v, 2) for k, v in times.items() if v > BOUND}
    assert not slow, f"{name}: {slow}"


@pytest.mark.parametrize("piece", [SCHOOL, "一、工作总结\n", "王老师、一等奖5名，"])
def test_time_grows_roughly_linearly(stages, piece):
    # 4× the text may take at most 8× the time (quadratic would be 16×); stages under
    # 50 ms at the large size are too quick to time reliably and pass. Best of two runs
    # at each size, so a busy machine does not fail a linear stage.
    small = [_stage_times(stages, _rep(piece, 50_000)) for _ in range(2)]
    large = [_stage_times(stages, _rep(piece, 200_000)) for _ in range(2)]
    for stage in large[0]:
        base, t = min(s[stage] for s in small), min(s[stage] for s in large)
        assert t < 0.05 or t < 8 * max(base, 1e-3), f"{stage}: 50k {base:.3f}s, 200k {t:.3f}s"


def test_repeated_heading_lines_nest_a_bounded_depth(stages):
    # `一、工作总结` repeated: each restart at 1 right under its own style used to nest one level
    # deeper (a 14,000-level tree, and a quadratic scan of the open headings)
    text = "一、工作总结\n" * 3000
    out = stages["outline"]({"documents": doc_table(text)})["sections"]
    assert out.num_rows == 3000 and max(out["level"].to_pylist()) <= MAX_DEPTH
