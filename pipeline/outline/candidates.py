"""Heading candidates of a batch of documents: lines that open with a marker, or short label lines.

A batch is the documents' texts joined by "\\n" into one text; every offset below indexes it.
One regular expression over that text finds the marker lines, numpy splits their heads from
their run-in bodies, and only the short lines without a marker are read one by one (labels).
A line whose break before a heading was lost is cut in two there (outline.inline).
"""
from bisect import bisect_right
from typing import NamedTuple

import numpy as np

from .codes import Symbols
from .inline import inline_starts
from .markers import LABEL_LINE_MAX, STYLES, Marks, head_ends, label_title, marker_lines, markers_at, merged

LABEL = STYLES.index("label")
MONTH = STYLES.index("month")


class Lines(NamedTuple):
    """The lines of a batch text, and where each document's lines begin."""

    start: np.ndarray  # offset of each line
    end: np.ndarray  # offset of its end: its "\n", the end of the text, or a lost break (outline.inline)
    doc_first: np.ndarray  # index of each document's first line, then the number of lines


class Candidates(NamedTuple):
    """A batch's heading candidates in text order, one array element each."""

    doc: np.ndarray  # index of the document in the batch
    line: np.ndarray  # index of the line in the batch (Lines)
    style: np.ndarray  # index into STYLES
    ordinal: np.ndarray  # 1-based numeral of the marker (month number for `month`), 0 for labels
    start: np.ndarray  # marker start (after scraping debris such as `>`)
    marker_end: np.ndarray  # end of the marker as matched, trailing separators included (== start for labels)
    title_start: np.ndarray
    title_end: np.ndarray  # end of the title: trailing punctuation and run-in body excluded
    body_start: np.ndarray  # start of the run-in body on the same line (== line_end when none)
    line_end: np.ndarray


class Links(NamedTuple):
    """Sibling structure of a batch's candidates, one value per candidate."""

    prev: np.ndarray  # previous candidate of the same style in the document, -1 when none
    nxt: np.ndarray  # next candidate of the same style in the document, -1 when none
    rank: np.ndarray  # order in which the candidate's style first appears in the document
    run: np.ndarray  # run id: a run is a chain of same-style siblings counting up (1 → 2 → 3)


def lines_of(length: int, symbols: Symbols, doc_start: np.ndarray) -> Lines:
    """The lines of a batch text of `length` characters; doc_start holds each document's offset."""
    breaks = symbols.find("\n")
    start = np.r_[0, breaks + 1]
    return Lines(start, np.r_[breaks, length], np.r_[np.searchsorted(start, doc_start), len(start)])


def scan(view: str, cp: np.ndarray, symbols: Symbols, lines: Lines,
         titles: list[str | None]) -> tuple[Lines, Candidates]:
    """All heading candidates of a batch text (`cp` its code points), given each document's title.

    Returns the lines too: a line whose break was lost before an inline heading is cut in two
    there (outline.inline), and the heading gets a line of its own.
    """
    marks = marker_lines(view)
    inline = inline_starts(cp, symbols, lines, marks)
    if len(inline):
        lines = _with_breaks(lines, inline)
        marks = merged(marks, markers_at(view, inline.tolist()))
    marked, bare = _marker_lines(marks, cp, symbols, lines)
    # a line without a valid marker may be a label line; a bare `1、` line is nothing
    length = lines.end - lines.start
    short = (length >= 2) & (length <= LABEL_LINE_MAX)
    short[marked.line] = short[bare] = False
    both = _merge(marked, _label_lines(view, lines, np.flatnonzero(short)))
    return lines, _take(both, ~np.isin(both.line, _title_lines(view, lines, titles)))


def _with_breaks(lines: Lines, at: np.ndarray) -> Lines:
    """The lines with each also cut before the offsets `at` (no line break there: the line ends at it)."""
    start = np.sort(np.r_[lines.start, at])
    doc_first = np.r_[np.searchsorted(start, lines.start[lines.doc_first[:-1]]), len(start)]
    return Lines(start, np.sort(np.r_[lines.end, at]), doc_first)


def _marker_lines(marks: Marks, cp: np.ndarray, symbols: Symbols, lines: Lines) -> tuple[Candidates, np.ndarray]:
    """Candidates of the lines that open with a valid marker, and the lines whose marker is bare (`1、`)."""
    line_start, start, marker_end, style, value = marks
    valid = (value > 0) & ((style != MONTH) | (value <= 12))
    line = np.searchsorted(lines.start, line_start[valid])
    style, value, start, marker_end = style[valid], value[valid], start[valid], marker_end[valid]
    # a month marker is its own title (`九月份`); the title of the others follows the marker
    title_start = np.where(style == MONTH, start, marker_end)
    line_end = lines.end[line]
    title_end, body_start = head_ends(cp, symbols, title_start, line_end)
    bare = (title_end <= title_start) & (style != MONTH)
    c = Candidates(_doc_of(lines, line), line, style, value, start, marker_end, title_start, title_end,
                   body_start, line_end)
    return _take(c, ~bare), line[bare]


def _label_lines(view: str, lines: Lines, which: np.ndarray) -> Candidates:
    """Candidates of the lines `which` that are labels (`存在的问题：`)."""
    found = []
    for k, s, e in zip(which.tolist(), lines.start[which].tolist(), lines.end[which].tolist()):
        span = label_title(view[s:e])
        if span is not None:
            found.append((k, s + span[0], s + span[1], e))
    if not found:
        return _empty()
    line, start, title_end, end = (np.array(v) for v in zip(*found))
    zeros = np.zeros(len(line), dtype=np.int64)
    return Candidates(_doc_of(lines, line), line, zeros + LABEL, zeros, start, start, start, title_end, end,
                      end)


def _doc_of(lines: Lines, line: np.ndarray) -> np.ndarray:
    """The document of each line."""
    return np.searchsorted(lines.doc_first, line, side="right") - 1


def _merge(a: Candidates, b: Candidates) -> Candidates:
    """Candidates of distinct lines as one set, in text order."""
    both = Candidates(*(np.concatenate([x, y]) for x, y in zip(a, b)))
    return _take(both, np.argsort(both.line, kind="stable"))


def _title_lines(view: str, lines: Lines, titles: list[str | None]) -> list[int]:
    """Lines that are their document's title, stripped (SPEC §3: that is documents.title, not a heading)."""
    starts, ends, first = lines.start.tolist(), lines.end.tolist(), lines.doc_first.tolist()
    found = []
    for d, title in enumerate(titles):
        title = (title or "").strip()
        if not title:
            continue
        stop = ends[first[d + 1] - 1]  # the end of the document
        at = view.find(title, starts[first[d]], stop)
        while at >= 0:  # each line that holds the title is looked at once
            k = bisect_right(starts, at) - 1
            if view[starts[k]:ends[k]].strip() == title:
                found.append(k)
            at = view.find(title, ends[k], stop)
    return found


def _take(c: Candidates, which: np.ndarray) -> Candidates:
    """The candidates selected by a mask or an index array."""
    return Candidates(*(x[which] for x in c))


def _empty() -> Candidates:
    """No candidates."""
    return Candidates(*(np.zeros(0, dtype=np.int64) for _ in Candidates._fields))


def next_ordinal(style: np.ndarray, ordinal: np.ndarray) -> np.ndarray:
    """The ordinal the next sibling carries (months wrap: 十二月份 → 一月份)."""
    return np.where(style == MONTH, ordinal % 12 + 1, ordinal + 1)


def links(c: Candidates) -> Links:
    """Previous and next same-style candidate, style rank and sibling run of each candidate."""
    n = len(c.style)
    if n == 0:
        return Links(*(np.zeros(0, dtype=np.int64) for _ in Links._fields))
    order = np.lexsort((np.arange(n), c.style, c.doc))  # by document, then style, then position
    doc, style, ordinal = c.doc[order], c.style[order], c.ordinal[order]
    same = (doc[1:] == doc[:-1]) & (style[1:] == style[:-1])  # order[i + 1] is the next sibling of order[i]
    prev, nxt = np.full(n, -1), np.full(n, -1)
    prev[order[1:][same]] = order[:-1][same]
    nxt[order[:-1][same]] = order[1:][same]
    # a style's rank: how many styles of the document have appeared before its first candidate
    group_head = np.r_[True, ~same]
    first = np.empty(n, dtype=np.int64)
    first[order] = order[group_head][np.cumsum(group_head) - 1]
    opens_style = np.zeros(n, dtype=bool)
    opens_style[first] = True
    opened = np.r_[0, np.cumsum(opens_style)]  # styles opened before each candidate
    rank = opened[first] - opened[np.searchsorted(c.doc, c.doc)]  # less those of earlier documents
    # a run goes on from a candidate to its next sibling when that one counts up from it; runs
    # are numbered in text order of their first candidate
    counts_up = same & (style[:-1] != LABEL) & (ordinal[1:] == next_ordinal(style, ordinal)[:-1])
    run_head = np.r_[True, ~counts_up]
    run = np.empty(n, dtype=np.int64)
    run[order] = _ranks(order[run_head])[np.cumsum(run_head) - 1]
    return Links(prev, nxt, rank, run)


def _ranks(values: np.ndarray) -> np.ndarray:
    """Position of each of distinct `values` in their sorted order."""
    out = np.empty(len(values), dtype=np.int64)
    out[np.argsort(values)] = np.arange(len(values))
    return out
