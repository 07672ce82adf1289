"""Heading markers (SPEC.md §3): which style a line opens with, its ordinal, and its head.

Markers are found in the whole text of a batch at once (MARKER_LINE) and heads are split from
their run-in bodies with numpy (head_ends); only label lines are read one at a time.
"""
import functools
import re
from itertools import chain
from typing import NamedTuple

import numpy as np

from .codes import Symbols, count_in, is_ideograph, isin, spans

# Outermost first: the canonical nesting order of SPEC.md §3 (a prior; documents mix them).
STYLES = ("cn_dun", "cn_paren", "num_dun", "num_paren", "circled", "month", "label")

# The whitespace of `\s` but the line break, for character classes: the patterns below run over
# whole texts, and a marker must not reach into the next line.
SPACE = "\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CN = "一二三四五六七八九十"
_DIGIT = "0-9０-９"
DIGITS = "0123456789０１２３４５６７８９"
_CN_NUM = f"[{_CN}]{{1,3}}"
_NUM = f"[{_DIGIT}]{{1,3}}"
_OPEN = f"[（(][{SPACE}]?"
_CLOSE = f"[{SPACE}]?[）)]"
# `1、` `2.` `3．` `1。`; doubled `1、、` is swallowed by _TRAIL. `3.8` or `1.5万` is a number,
# not a marker: no digit right after a dot (but `2、20xx年…` is a marker).
_SEP = f"(?:[、。,，]|[.．](?![{_DIGIT}]))"
_TRAIL = f"[{SPACE}、.．,，]*"  # `（1）、` `1)、` `1、 开学初`: separators and spaces after a marker

# Scraping debris before a marker: `>一、` `:⑴《…》` `　一、`; a line opening with one of DEBRIS
# starts after all the spaces, `>` and colons that follow it.
DEBRIS = " \t>＞:：\u3000"
_LEAD_CHARS = f"[{SPACE}>＞:：]"
_LEAD = re.compile(f"{_LEAD_CHARS}*")

# The characters a marker line can open with: debris, or the first character of a marker.
_FIRST = f"[{DEBRIS}（(﹝{_DIGIT}{_CN}⑴-⒇⒈-⒛①-⑳❶-❿➀-➉➊-➓]"
# One alternation whose matching group names the style. Every branch has one bounded numeral
# group and no nested quantifier, so matching is linear.
_MARKERS = (
    rf"{_OPEN}(?P<cn_paren>{_CN_NUM}){_CLOSE}{_TRAIL}"
    rf"|{_OPEN}(?P<num_paren>{_NUM}){_CLOSE}{_TRAIL}"
    rf"|﹝(?P<num_paren2>{_NUM})﹞{_TRAIL}"
    rf"|(?P<num_paren3>[⑴-⒇]){_TRAIL}"
    rf"|(?P<num_paren4>{_NUM})[）)]{_TRAIL}"
    rf"|(?P<num_dun>{_NUM}){_SEP}{_TRAIL}"
    rf"|(?P<num_dun2>[⒈-⒛]){_TRAIL}"
    rf"|(?P<cn_dun>{_CN_NUM}){_SEP}{_TRAIL}"
    rf"|(?P<circled>[①-⑳❶-❿➀-➉➊-➓]){_TRAIL}"
    # `九月份` `三月份：` `9月：`; not `12月23日，…` (a date opens that line)
    rf"|(?P<month>十[一二]?|[一二三四五六七八九]|[{_DIGIT}]{{1,2}})月份?(?=[：:\s]|\Z)[：:{SPACE}]*"
)
# A line break, the debris, then a marker. The pattern opens with a literal `\n`, so the
# search skips from line break to line break, and drops a line at once when its first
# character cannot open a marker. It runs over "\n" + text: a match's start is the start of
# its line in the text.
MARKER_LINE = re.compile(f"\n(?={_FIRST})(?P<lead>(?:[{DEBRIS}]{_LEAD_CHARS}*+)?+)(?:{_MARKERS})")
# The same markers where a line break was lost (outline.inline): matched at a given offset.
MARKER_AT = re.compile(_MARKERS)
GROUP_STYLE = {g: STYLES.index(g.rstrip("234")) for g in MARKER_LINE.groupindex if g != "lead"}
MONTH_STRIP = " \t\u3000：:"  # stripped from the end of a month marker (`三月份：` → 三月份)

# A run-in head ends at the first of these (`1．教科沙龙。10月16日，…` → 教科沙龙); a `.` only
# between Chinese characters (`培训.新一轮`), and not in the scraping debris `的.规划`.
_HEAD_END = "。！？!?；;：:."
_CLAUSE_END = "：:；;"  # these end a head only within RUN_IN_MAX characters
_BODY_LEAD = " \t>＞:：\u3000"  # debris between a run-in head and its body
_TRAILING_PUNCT = " \t\u3000。，、；：.,;:！？!?…"
_LABEL = re.compile(r"[^\s。，、；：.,;:！？!?]{2,14}(?P<colon>[：:])?")
# Words that end a section label (`存在的问题` `工作目标` `改进建议`), simplified and traditional;
# a label line without a colon must end in one of them (`凉水河中心校` `待定` are not labels).
LABEL_WORDS = tuple(
    "思想 目标 目標 措施 问题 問題 不足 建议 建議 优点 優點 缺点 缺點 成绩 成績 做法 安排 内容 內容 "
    "打算 设想 設想 体会 體會 反思 收获 收穫 经验 經驗 形式 方式 重点 重點 任务 任務 原则 原則 "
    "要求 成果 特色 情况 情況 背景 概况 概況 思路 回顾 回顧 展望 方向 意见 意見 "
    "目的 步骤 步驟 亮点 亮點 成效 方法 职责 職責 分工 保障 意义 意義 过程 過程 机构 機構 分享".split())
# `现将工作总结如下：` `从资料方法上有：` introduce a list: sentences, not labels
INTRO_ENDINGS = tuple("如下 以下 下列 有 是 为 了".split())
# A label ends a block intro (SPEC §3: `优点：` `建议：`). The page meta above a scraped text
# (`时间：` `字号：` `来源：`) and a field name whose value follows (`地点：`) end in a colon
# too but open no block; simplified and traditional.
PAGE_FIELDS = frozenset(
    "时间 時間 日期 地点 地點 字号 字號 来源 來源 作者 出处 出處 编辑 編輯 责编 責編 责任编辑 責任編輯 "
    "发布 發布 发布时间 發布時間 发布日期 發布日期 发布者 發布者 更新时间 更新時間 上传时间 上傳時間 "
    "点击 點擊 点击数 點擊數 点击量 點擊量 浏览 瀏覽 浏览量 瀏覽量 浏览次数 瀏覽次數 阅读量 閱讀量 "
    "阅读次数 閱讀次數 栏目 欄目 分类 分類 标签 標籤 关键词 關鍵詞 关键字 關鍵字 文章来源 文章來源 "
    "信息来源 信息來源 新闻来源 新聞來源 投稿 供稿 撰稿 摄影 攝影 审核 審核".split())
# The greeting of a speech or letter (`尊敬的老师们：` `亲爱的同学们:` `各位领导老师：`) addresses
# people; it opens no block either.
SALUTATION_OPENINGS = tuple("尊敬 敬爱 敬愛 亲爱 親愛 各位 诸位 諸位".split())
ADDRESS_ENDINGS = ("们", "們")  # `老师们：` `同志们：` `家长朋友们：`
# … and a notice addresses the bodies it goes to: `各级各类学校：` `各中小学：`
ADDRESSEES = tuple("学校 學校 单位 單位 中小学 中小學 中心校 幼儿园 幼兒園 教育局 教体局 教體局 科室 处室 處室".split())
RUN_IN_MAX = 40  # a `：`/`；` head longer than this is a clause of a long sentence, not a head
LABEL_LINE_MAX = 18  # a label line is short: 2-14 characters, a colon, maybe spaces
_CN_VALUE = {c: i for i, c in enumerate(_CN, 1)}
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_value(s: str) -> int:
    """Value of a small Chinese numeral: 三 → 3, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" not in s:
        return _CN_VALUE.get(s[-1], 0) if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (_CN_VALUE.get(tens, 0) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)


# Enclosed numerals, each block counting from 1: ①-⑳, ⑴-⒇, ⒈-⒛, ❶-❿, ➀-➉, ➊-➓ (first code point, size)
_ENCLOSED = ((0x2460, 20), (0x2474, 20), (0x2488, 20), (0x2776, 10), (0x2780, 10), (0x278A, 10))


@functools.cache  # a few hundred distinct numerals in any corpus
def ordinal(g: str) -> int:
    """Ordinal of a captured numeral in any of the supported forms; 0 when it is none."""
    if g.isascii():
        return int(g)
    c = g[0]
    if c in _CN_VALUE:
        return cn_value(g)
    for first, count in _ENCLOSED:
        if 0 <= ord(c) - first < count:
            return ord(c) - first + 1
    return int(g.translate(_FULL_DIGITS))


class Marks(NamedTuple):
    """Markers found in a batch text, one array element each, in text order."""

    line_start: np.ndarray  # start of the marker's line (the marker itself when its break was lost)
    start: np.ndarray  # marker start (after scraping debris such as `>`)
    end: np.ndarray  # marker end, trailing separators included
    style: np.ndarray  # index into STYLES
    ordinal: np.ndarray  # ordinal(numeral); 0 when it is none


def marker_lines(view: str) -> Marks:
    """The markers that open a line of a batch text."""
    # MARKER_LINE runs over "\n" + view: a match starts at its line's start in the view. Rows
    # are built as the matches come: holding the match objects for a second pass was a third
    # slower on a text of nothing but heading lines.
    return _marks([_row(m.start(), m.end("lead") - 1, m.end() - 1, m) for m in MARKER_LINE.finditer("\n" + view)])


def markers_at(view: str, at: list[int]) -> Marks:
    """The markers at the offsets `at` of a batch text, each taken as the start of its line."""
    return _marks([_row(k, k, m.end(), m) for k, m in ((k, MARKER_AT.match(view, k)) for k in at)])


def _row(line_start: int, start: int, end: int, m: re.Match) -> tuple[int, int, int, int, int]:
    """One marker as (line start, start, end, style, ordinal)."""
    return line_start, start, end, GROUP_STYLE[m.lastgroup], ordinal(m[m.lastgroup])


def _marks(rows: list[tuple[int, int, int, int, int]]) -> Marks:
    """Marks from (line start, start, end, style, ordinal) rows."""
    cols = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=5 * len(rows)).reshape(-1, 5)
    return Marks(*cols.T)


def merged(a: Marks, b: Marks) -> Marks:
    """Two sets of marks of distinct lines as one, in text order."""
    both = [np.r_[x, y] for x, y in zip(a, b)]
    order = np.argsort(both[0], kind="stable")
    return Marks(*(x[order] for x in both))


def label_title(line: str) -> tuple[int, int] | None:
    """(start, end) of the title of a short label line (`优点：` `存在的问题`), or None; `组长：王建民` is not one."""
    lead = _LEAD.match(line).end() if line[:1] in DEBRIS else 0
    m = _LABEL.fullmatch(line.rstrip(), lead)
    if not m or not (m.group("colon") or m.group().endswith(LABEL_WORDS)):
        return None
    words = m.group().rstrip("：:")
    if words.endswith(INTRO_ENDINGS) or "了" in words:
        return None  # `现将工作总结如下：` `我校开展了如下工作：` are sentences, not labels
    if words in PAGE_FIELDS or words.startswith(SALUTATION_OPENINGS) or words.endswith(ADDRESS_ENDINGS) \
            or words.startswith("各") and words.endswith(ADDRESSEES):
        return None  # `时间：` `字号：` page meta, `尊敬的老师们：` a greeting, `各级各类学校：` an addressee
    # a label's title is the whole line without its colon: `改进建议:` → 改进建议
    return lead, lead + len(line[lead:].rstrip("：: \u3000"))


def head_ends(cp: np.ndarray, symbols: Symbols, start: np.ndarray,
              end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(title_end, body_start) of the text cp[start:end] after each marker: a run-in head or the whole line.

    `cp` holds the code points of a whole text (`symbols` its Symbols), `start` and `end` one
    entry per marker line.
    """
    # the head ends at the first `。！？` or at a `：；` within RUN_IN_MAX characters, never
    # inside 《》 or “” (`组织学习《课改纲要》。` keeps the book title whole); the body starts
    # after the debris that follows
    owner, at = _positions_within(symbols.find(_HEAD_END + " "), start, end)  # every stop of every line
    s, e, ch = start[owner], end[owner], cp[at]
    opens, closes = symbols.find("《“"), symbols.find("》”")
    depth = count_in(opens, s, at) - count_in(closes, s, at)  # quotes open at the stop
    far_clause = (at - s > RUN_IN_MAX) & isin(ch, _CLAUSE_END + " ")
    # a space between Chinese characters, before a sentence that ends later in the line, is a line
    # break a scrape turned into a space (`一、加强领导，明确责任 长期以来，…。`); in a heading of two
    # phrases (`一、创建平安校园 确保师幼平安健康`), `第 1 名` or after the marker it ends nothing
    space = ch == ord(" ")
    n = len(cp)
    far_clause |= space & ~(is_ideograph(cp[np.maximum(at - 1, 0)]) & is_ideograph(cp[np.minimum(at + 1, n - 1)])
                            & (at > s) & (at + 1 < e) & (count_in(at[isin(ch, "。！？!?")], at, e) > 0))
    ok = (depth <= 0) & ~far_clause & ((ch != ord(".")) | _sentence_dot(cp, at, e)) & ~_digit_colon(cp, at, ch)
    cut = np.full(len(start), -1)
    heads, first = np.unique(owner[ok], return_index=True)  # the first good stop of each line
    cut[heads] = at[ok][first]
    body = _run_end(symbols.find(_BODY_LEAD), cut + 1)
    whole = (cut < 0) | (body >= end)
    trailing = symbols.find(_TRAILING_PUNCT)
    title_end = _strip_end(trailing, start, np.where(whole, end, cut))
    # a closing quote that no opening one in the title matches is debris (`…，凝聚团队智慧”：教研组…`)
    lone = (title_end > start) & (cp[np.maximum(title_end - 1, 0)] == ord("”")) & (count_in(symbols.find("“"), start, title_end) == 0)
    title_end = np.where(lone, _strip_end(trailing, start, title_end - 1), title_end)
    return title_end, np.where(whole, end, body)


def _positions_within(positions: np.ndarray, start: np.ndarray,
                      end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(k, p) for every p of sorted `positions` inside [start[k], end[k]), ordered by k then p."""
    lo, hi = np.searchsorted(positions, start), np.searchsorted(positions, end)
    return np.repeat(np.arange(len(start)), hi - lo), positions[spans(lo, hi)]


def _sentence_dot(cp: np.ndarray, at: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Which `.` at `at` end a sentence: between Chinese characters, and not the debris `的.`."""
    # a head starts after its marker's first character, so cp[at - 1] is still on the line
    before, after = cp[at - 1], cp[np.minimum(at + 1, len(cp) - 1)]
    return (at + 1 < end) & is_ideograph(before) & (before != ord("的")) & is_ideograph(after)


def _digit_colon(cp: np.ndarray, at: np.ndarray, ch: np.ndarray) -> np.ndarray:
    """Which stops at `at` are a colon between digits: a clock time or a ratio, not a clause end."""
    # `2、每周认真开展星期五13:10开展教研活动；` `8：30到校` `按3:1的比例`: the head goes on
    after = cp[np.minimum(at + 1, len(cp) - 1)]
    return isin(ch, "：:") & isin(cp[at - 1], DIGITS) & isin(after, DIGITS)


def _run_end(positions: np.ndarray, at: np.ndarray) -> np.ndarray:
    """First offset from each `at` on that is not one of sorted `positions` (skips a run of them)."""
    if len(positions) == 0:
        return at
    k, found = _find(positions, at)
    return np.where(found, positions[_run_edge(positions, k, "right")] + 1, at)


def _strip_end(trailing: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """End of each text[start:end] without the run of sorted `trailing` positions it ends with."""
    if len(trailing) == 0:
        return end
    k, found = _find(trailing, end - 1)
    return np.where(found & (end > start), np.maximum(trailing[_run_edge(trailing, k, "left")], start), end)


def _find(positions: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index of each `at` in sorted, non-empty `positions` (clipped to a valid one), and whether it is there."""
    k = np.minimum(np.searchsorted(positions, at), len(positions) - 1)
    return k, positions[k] == at


def _run_edge(positions: np.ndarray, k: np.ndarray, side: str) -> np.ndarray:
    """Index of the first ("left") or last ("right") of the run of consecutive `positions` around each k."""
    shift = positions - np.arange(len(positions))  # constant along a run, rising between runs
    return np.searchsorted(shift, shift[k], side=side) - (side == "right")
