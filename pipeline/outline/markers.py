"""Heading markers (SPEC.md §3): which style a line opens with, its ordinal, and its head."""
import re
from typing import NamedTuple

# Outermost first: the canonical nesting order of SPEC.md §3 (a prior; documents mix them).
STYLES = ("cn_dun", "cn_paren", "num_dun", "num_paren", "circled", "month", "label")

_CN = "一二三四五六七八九十"
_DIGIT = "0-9０-９"
_CN_NUM = f"[{_CN}]{{1,3}}"
_NUM = f"[{_DIGIT}]{{1,3}}"
_OPEN = "[（(]"
_CLOSE = "[）)]"
# `1、` `2.` `3．` `1。`; doubled `1、、` is swallowed by _TRAIL. `3.8` or `1.5万` is a number,
# not a marker: no digit right after a dot (but `2、20xx年…` is a marker).
_SEP = f"(?:[、。,，]|[.．](?![{_DIGIT}]))"
_TRAIL = r"[\s、.．,，]*"  # `（1）、` `1)、` `1、 开学初`: separators and spaces after a marker

# Scraping debris before a marker: `>一、` `:⑴《…》` `　一、`
_LEAD = re.compile(r"[\s>＞:：\u3000]*")
DEBRIS = frozenset(" \t>＞:：\u3000")

# One anchored alternation; the group that matched names the style. Every branch has one
# bounded numeral group and no nested quantifier, so matching is linear in the line.
_MARKER = re.compile(
    rf"{_OPEN}\s?(?P<cn_paren>{_CN_NUM})\s?{_CLOSE}{_TRAIL}"
    rf"|{_OPEN}\s?(?P<num_paren>{_NUM})\s?{_CLOSE}{_TRAIL}"
    rf"|﹝(?P<num_paren2>{_NUM})﹞{_TRAIL}"
    rf"|(?P<num_paren3>[⑴-⒇]){_TRAIL}"
    rf"|(?P<num_paren4>{_NUM}){_CLOSE}{_TRAIL}"
    rf"|(?P<num_dun>{_NUM}){_SEP}{_TRAIL}"
    rf"|(?P<num_dun2>[⒈-⒛]){_TRAIL}"
    rf"|(?P<cn_dun>{_CN_NUM}){_SEP}{_TRAIL}"
    rf"|(?P<circled>[①-⑳❶-❿➀-➉➊-➓]){_TRAIL}"
    # `九月份` `三月份：` `9月：`; not `12月23日，…` (a date opens that line)
    rf"|(?P<month>十[一二]?|[一二三四五六七八九]|[{_DIGIT}]{{1,2}})月份?(?=[：:\s]|$)[：:\s]*"
)
_GROUP_STYLE = {g: g.rstrip("234") for g in _MARKER.groupindex}
MARKER_START = frozenset(_CN + "0123456789０１２３４５６７８９（(﹝"
                          + "".join(map(chr, range(0x2460, 0x2474)))  # ①-⑳
                          + "".join(map(chr, range(0x2474, 0x249C)))  # ⑴-⒇ ⒈-⒛
                          + "".join(map(chr, range(0x2776, 0x2794))))  # ❶-➓

# A run-in head ends at the first of these (`1．教科沙龙。10月16日，…` → 教科沙龙); a `.` only
# between Chinese characters (`培训.新一轮`), and not in the scraping debris `的.规划`.
_HEAD_END = re.compile(r"[。！？!?；;：:.]")
_BODY_LEAD = " \t>＞:：\u3000"  # debris between a run-in head and its body
_TRAILING_PUNCT = " \t\u3000。，、；：.,;:！？!?…"
_LABEL = re.compile(r"[^\s。，、；：.,;:！？!?]{2,14}(?P<colon>[：:])?")
# Words that end a section label (`存在的问题` `工作目标` `改进建议`), simplified and traditional;
# a label line without a colon must end in one of them (`凉水河中心校` `待定` are not labels).
LABEL_WORDS = tuple(
    "思想 目标 目標 措施 问题 問題 不足 建议 建議 优点 優點 缺点 缺點 成绩 成績 做法 安排 内容 內容 "
    "打算 设想 設想 体会 體會 反思 收获 收穫 经验 經驗 形式 方式 重点 重點 任务 任務 原则 原則 "
    "要求 成果 特色 情况 情況 背景 概况 概況 思路 回顾 回顧 展望 方向 意见 意見".split())
# `现将工作总结如下：` `从资料方法上有：` introduce a list: sentences, not labels
INTRO_ENDINGS = tuple("如下 以下 下列 有 是 为 了".split())
RUN_IN_MAX = 40  # a `：`/`；` head longer than this is a clause of a long sentence, not a head
LABEL_LINE_MAX = 18  # a label line is short: 2-14 characters, a colon, maybe spaces
_CN_VALUE = {c: i for i, c in enumerate(_CN, 1)}
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class Marker(NamedTuple):
    """A line's marker: offsets are relative to the line."""

    style: str
    ordinal: int  # 0 when the style has no ordinal (labels)
    start: int  # first character of the marker
    end: int  # first character of the title
    text: str  # the marker as written, e.g. `（1）、`


def cn_value(s: str) -> int:
    """Value of a small Chinese numeral: 三 → 3, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" not in s:
        return _CN_VALUE.get(s[-1], 0) if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (_CN_VALUE.get(tens, 0) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)


def _ordinal(g: str) -> int:
    """Ordinal of a captured numeral in any of the supported forms."""
    if g.isascii():
        return int(g)
    c = g[0]
    if c in _CN_VALUE:
        return cn_value(g)
    if "\u2460" <= c <= "\u2473":
        return ord(c) - 0x2460 + 1
    if "\u2474" <= c <= "\u2487":
        return ord(c) - 0x2474 + 1
    if "\u2488" <= c <= "\u249b":
        return ord(c) - 0x2488 + 1
    if "\u2776" <= c <= "\u277f":
        return ord(c) - 0x2776 + 1
    if "\u2780" <= c <= "\u2789":
        return ord(c) - 0x2780 + 1
    if "\u278a" <= c <= "\u2793":
        return ord(c) - 0x278A + 1
    return int(g.translate(_FULL_DIGITS))


def find_marker(line: str) -> Marker | None:
    """The numbered or month marker that opens `line`, or None."""
    lead = _LEAD.match(line).end() if line[:1] in DEBRIS else 0
    if lead >= len(line) or line[lead] not in MARKER_START:
        return None
    m = _MARKER.match(line, lead)
    if m is None:
        return None
    group = m.lastgroup
    style = _GROUP_STYLE[group]
    value = _ordinal(m.group(group))
    if style == "month":
        if not 1 <= value <= 12:
            return None
        return Marker("month", value, lead, lead, line[lead:m.end()].rstrip(" \t\u3000：:"))
    if value == 0:
        return None
    return Marker(style, value, lead, m.end(), line[lead:m.end()].rstrip())


def find_label(line: str) -> Marker | None:
    """A short label line (`优点：` `存在的问题`) with no marker, or None; `组长：王建民` is not one."""
    lead = _LEAD.match(line).end() if line[:1] in DEBRIS else 0
    m = _LABEL.fullmatch(line.rstrip(), lead)
    if not m or not (m.group("colon") or m.group().endswith(LABEL_WORDS)):
        return None
    words = m.group().rstrip("：:")
    if words.endswith(INTRO_ENDINGS) or "了" in words:
        return None  # `现将工作总结如下：` `我校开展了如下工作：` are sentences, not labels
    return Marker("label", 0, lead, lead, "")


def split_head(line: str, start: int) -> tuple[int, int]:
    """(title_end, body_start) of the text after a marker: a run-in head or the whole line."""
    # the head ends at the first `。！？` or at a `：；` within RUN_IN_MAX characters, never
    # inside 《》 or “” (`组织学习《课改纲要》。` keeps the book title whole)
    end = len(line)
    quoted = "《" in line or "“" in line
    pos = start
    depth = 0  # open 《 and “ so far; counted per stretch so long lines stay linear
    while True:
        m = _HEAD_END.search(line, pos)
        if m is None:
            return _strip_end(line, start, end), end
        cut = m.start()
        if quoted:
            depth += (line.count("《", pos, cut) - line.count("》", pos, cut)
                      + line.count("“", pos, cut) - line.count("”", pos, cut))
        pos = cut + 1
        if depth > 0 or (cut - start > RUN_IN_MAX and line[cut] in "：:；;"):
            continue
        if line[cut] == "." and not _sentence_dot(line, cut):
            continue
        body = pos
        if body < end and line[body] in _BODY_LEAD:
            body = end - len(line[pos:].lstrip(_BODY_LEAD))
        if body >= end:
            return _strip_end(line, start, end), end
        return _strip_end(line, start, cut), body


def _sentence_dot(line: str, i: int) -> bool:
    """A `.` that ends a sentence: between Chinese characters, and not the debris `的.`."""
    return (0 < i < len(line) - 1 and "\u4e00" <= line[i - 1] <= "\u9fff" and line[i - 1] != "的"
            and "\u4e00" <= line[i + 1] <= "\u9fff")


def _strip_end(line: str, start: int, end: int) -> int:
    """End offset of line[start:end] without its trailing punctuation and spaces."""
    if end <= start or line[end - 1] not in _TRAILING_PUNCT:
        return end
    return start + len(line[start:end].rstrip(_TRAILING_PUNCT))
