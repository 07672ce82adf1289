"""Headings whose line break was lost: where a line is cut in two before an inline marker.

Scraped text runs lines together (SPEC §1). Two forms are read as lost line breaks:

- glued: a sub-list opener right after the title of a heading, on its line
  (`（二）、实现教研与科研的有机结合1、建立课题研究网络图…`, then `2、教研活动课题化` on a line);
- after a clause: a first section opened after an intro clause
  (`…主要开展以下方面的工作，一、确定两个重点工作：`, then `二、开展“四个一”活动：` on a line).

Either marker is an `一` / `1` whose list goes on at the start of a later line with `二` / `2`.
A later item (`…的思路，3、继续完善…`) is one when the two items before it open lines.
SPEC §1 asks for headings in run-together text, GUIDELINES §2.1 keeps numbers in the middle of a
line out; the list going on at a line start is what tells a lost line break from a number in
body text (`…体现：①教师讲的过多…`, `抓好1、2年级`, `一是…，二是…`, `做到三点：一、…，二、…`),
which stays body text. A whole document on one line is first broken before its inline
headings by ingest (normalise.reflow); its first heading, after the intro, is found here.
"""
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .codes import Symbols, count_in, is_ideograph, isin
from .markers import RUN_IN_MAX, STYLES, Marks

if TYPE_CHECKING:
    from .candidates import Lines

CN_DUN, CN_PAREN, NUM_DUN = (STYLES.index(s) for s in ("cn_dun", "cn_paren", "num_dun"))
# The styles looked for mid-line: `一、` `（一）` `1、`. Mid-line `（1）` and `①` are inline lists
# (`三年级（1）班`, `…体现：①…②…`).
_STYLES = (CN_DUN, CN_PAREN, NUM_DUN)
# `统一、规范` `十一、` glue `一、` to a character: a glued `一、` is no marker
_GLUED_STYLES = (CN_PAREN, NUM_DUN)
# the single-character numerals of a list's items, by ordinal: `一1１` opens it, `二2２` goes on
_BY_ORDINAL = ("一1１", "二2２", "三3３", "四4４", "五5５", "六6６", "七7７", "八8８", "九9９")
_FIRST, _SECOND = _BY_ORDINAL[:2]
_NUMERALS = "".join(_BY_ORDINAL)
_ORDINAL = np.zeros(0x10000, dtype=np.int8)  # ordinal by code point, 0 for any other character
_ORDINAL[[ord(c) for c in _NUMERALS]] = [k for k, cs in enumerate(_BY_ORDINAL, 1) for _ in cs]
_CLAUSE_ENDS = "，,：:。！？!?；;"  # `…的工作，一、确定…` `…回顾和总结：一、重师德…`
_SPACES = " \u3000"
_HEAD_STOPS = "。！？!?；;：:"  # a clause end in a title before a glued marker: that is a run-in body


class Inline(NamedTuple):
    """Markers of the first two items of a list found mid-line, with a head after them, in text order."""

    at: np.ndarray  # offset of the marker
    style: np.ndarray  # index into STYLES
    ordinal: np.ndarray  # 1 or 2
    glued: np.ndarray  # right after a Chinese character
    clause: np.ndarray  # right after a clause end (maybe and a space)


def inline_starts(cp: np.ndarray, symbols: Symbols, lines: "Lines", marks: Marks) -> np.ndarray:
    """Offsets of the inline markers of a batch text that open a heading of their own (sorted).

    `cp`, `symbols`: the batch text; `lines`: its lines; `marks`: the markers that open them.
    """
    found = _found(cp, symbols)
    first = (found.ordinal == 1) & (found.glued | found.clause)
    later = (found.ordinal >= 3) & found.clause
    if not first.any() and not later.any():
        return np.zeros(0, dtype=np.int64)
    line = np.searchsorted(lines.start, found.at, side="right") - 1
    doc = np.searchsorted(lines.doc_first, line, side="right") - 1
    mark_doc = np.searchsorted(lines.doc_first, np.searchsorted(lines.start, marks.line_start), side="right") - 1
    ok = np.zeros(len(found.at), dtype=bool)
    for style in _STYLES:
        which = first & (found.style == style)
        if which.any():
            seconds = found.at[(found.style == style) & (found.ordinal == 2)]
            ok[which] = _opens_list(marks, mark_doc, style, found.at[which], doc[which], seconds)
    glued = found.glued & ok
    ok[glued] = _hosted(marks, symbols, found.style[glued], found.at[glued], lines.start[line[glued]])
    if later.any():
        ok[later] = _continues_list(marks, mark_doc, found.style[later], found.at[later], doc[later],
                                    found.ordinal[later])
    return found.at[ok]


def _continues_list(marks: Marks, mark_doc: np.ndarray, style: np.ndarray, at: np.ndarray, doc: np.ndarray,
                    ordinal: np.ndarray) -> np.ndarray:
    """Which later items (`3、` after a clause) go on a list whose two items before them open lines.

    `2、…的思路，3、继续完善…` after `1、` and `2、` at line starts lost its break; in
    `1、认真备课，2、认真上课，3、…` the `2、` is mid-line too, so its `3、` stays body text.
    """
    ok = np.zeros(len(at), dtype=bool)
    for st in np.unique(style):
        which = np.flatnonzero(style == st)
        rows = np.flatnonzero(marks.style == st)
        if len(rows) < 2:
            continue  # no two items of this style open lines
        k = np.searchsorted(marks.start[rows], at[which], side="right")
        prev, prev2 = rows[np.maximum(k - 1, 0)], rows[np.maximum(k - 2, 0)]
        nxt = rows[np.minimum(k, len(rows) - 1)]
        outer = marks.start[marks.style < st]
        ok[which] = ((k >= 2) & (mark_doc[prev] == doc[which]) & (mark_doc[prev2] == doc[which])
                     & (marks.ordinal[prev] == ordinal[which] - 1) & (marks.ordinal[prev2] == ordinal[which] - 2)
                     & (count_in(outer, marks.start[prev2] + 1, at[which]) == 0)
                     # not an item a line start holds already
                     & ~((k < len(rows)) & (mark_doc[nxt] == doc[which]) & (marks.ordinal[nxt] == ordinal[which])))
    return ok


def _found(cp: np.ndarray, symbols: Symbols) -> Inline:
    """Every `一、` `1.` `（一）` `二、` `2.` `（二）` in a text that is not at a line start and has a head after it."""
    n = len(cp)
    sep = symbols.find("、.．")
    sep = sep[(sep > 2) & isin(cp[np.maximum(sep - 1, 0)], _NUMERALS)]  # `一、` `1.` `三、`
    close = symbols.find("）)")
    close = close[(close > 3) & isin(cp[np.maximum(close - 1, 0)], "一二三四五六七八九")]
    close = close[isin(cp[close - 2], "（(")]  # `（一）`
    after = close + 1  # `（一）、加强…`: a `、` may follow a bracketed marker
    after += (after < n) & (cp[np.minimum(after, n - 1)] == ord("、"))
    numeral = cp[np.r_[sep - 1, close - 1]]
    at = np.r_[sep - 1, close - 2]
    style = np.r_[np.where(isin(numeral[:len(sep)], "一二三四五六七八九"), CN_DUN, NUM_DUN), np.full(len(close), CN_PAREN)]
    head = cp[np.minimum(np.r_[sep + 1, after], n - 1)]
    has_head = (np.r_[sep + 1, after] < n) & (is_ideograph(head) | isin(head, "“《"))  # not `1、2年级` `1.5万`
    spaced = isin(cp[at - 1], _SPACES)  # `…总结： 一、`
    context = cp[at - 1 - spaced]
    # `落实第（一）项任务` `第1、2单元`: after 第 the numeral is an ordinal in a phrase
    glued = ~spaced & is_ideograph(context) & (context != ord("第")) & np.isin(style, _GLUED_STYLES)
    clause = isin(context, _CLAUSE_ENDS)
    keep = has_head & (cp[at - 1] != 10)
    order = np.argsort(at[keep], kind="stable")
    return Inline(*(x[keep][order] for x in (at, style, _ORDINAL[np.minimum(numeral, 0xFFFF)], glued, clause)))


def _opens_list(marks: Marks, mark_doc: np.ndarray, style: int, at: np.ndarray, doc: np.ndarray,
                seconds: np.ndarray) -> np.ndarray:
    """Which `一`/`1` at `at` (of `style`, in documents `doc`) open a list going on at a line start with `二`/`2`."""
    rows = np.flatnonzero(marks.style == style)
    if len(rows) == 0:
        return np.zeros(len(at), dtype=bool)
    starts = marks.start[rows]
    k = np.searchsorted(starts, at, side="right")
    nxt, prev = rows[np.minimum(k, len(rows) - 1)], rows[np.maximum(k - 1, 0)]
    ok = (k < len(rows)) & (mark_doc[nxt] == doc) & (marks.ordinal[nxt] == 2)
    if len(seconds):  # `做到三点：一、…，二、…`: an inline `二、` before the next line's: an inline list
        j = np.minimum(np.searchsorted(seconds, at, side="right"), len(seconds) - 1)
        ok &= ~((seconds[j] > at) & (seconds[j] < marks.start[nxt]))
    # a list of the style earlier in the document must be closed by an outer heading in between
    # (a new `1、` under `（二）`); otherwise this `1` sits in the middle of that list
    fresh = (k == 0) | (mark_doc[prev] != doc)
    outer = marks.start[marks.style < style]
    return ok & (fresh | (count_in(outer, marks.start[prev] + 1, at) > 0))


def _hosted(marks: Marks, symbols: Symbols, style: np.ndarray, at: np.ndarray, line_start: np.ndarray) -> np.ndarray:
    """Which markers `at` lie inside the title of the marker line they are on, of a canonically outer style."""
    # `（二）、…有机结合1、建立…`: the title went on for 2 to RUN_IN_MAX characters, with no
    # clause end before the glued marker
    if len(marks.start) == 0:
        return np.zeros(len(at), dtype=bool)
    h = np.minimum(np.searchsorted(marks.line_start, line_start), len(marks.start) - 1)
    into = at - marks.end[h]
    clause_ends = count_in(symbols.find(_HEAD_STOPS), marks.end[h], at)
    return (marks.line_start[h] == line_start) & (marks.style[h] < style) & (into >= 2) & (into <= RUN_IN_MAX) & (
        clause_ends == 0)
