"""Heading candidates of one document: lines that open with a marker, or short label lines."""
from itertools import accumulate
from typing import NamedTuple

from .markers import DEBRIS, LABEL_LINE_MAX, MARKER_START, STYLES, find_label, find_marker, split_head

_STYLE_INDEX = {name: k for k, name in enumerate(STYLES)}
LABEL = STYLES.index("label")
MONTH = STYLES.index("month")


class Candidate(NamedTuple):
    """A line that may open a section; offsets index the document text."""

    line: int  # index of the line in the document
    style: int  # index into STYLES
    ordinal: int  # 1-based numeral of the marker (month number for `month`), 0 for labels
    start: int  # marker start (after scraping debris such as `>`)
    title_start: int
    title_end: int  # end of the title: trailing punctuation and run-in body excluded
    body_start: int  # start of the run-in body on the same line (== line_end when none)
    line_end: int
    marker: str


class Lines(NamedTuple):
    """The document's lines: their text and start offsets, and which are candidates."""

    text: list[str]
    starts: list[int]
    cand_of_line: list[int]  # index into the candidate list, -1 for a body line


def scan(text: str, title: str | None = None) -> tuple[Lines, list[Candidate]]:
    """All lines of `text` and the heading candidates among them."""
    # a line equal to the document title is never a candidate (SPEC §3: it is documents.title)
    lines = text.split("\n")
    starts = list(accumulate((len(s) + 1 for s in lines), initial=0))
    cand_of_line = [-1] * len(lines)
    cands: list[Candidate] = []
    title = (title or "").strip()
    for i, line in enumerate(lines):
        first = line[:1]
        # most lines are body text: skip them on their first character and length
        if not (first in MARKER_START or first in DEBRIS or 1 < len(line) <= LABEL_LINE_MAX):
            continue
        cand = _candidate(i, starts[i], line)
        if cand is not None and not (title and line.strip() == title):
            cand_of_line[i] = len(cands)
            cands.append(cand)
    return Lines(lines, starts[:-1], cand_of_line), cands


def _candidate(i: int, pos: int, line: str) -> Candidate | None:
    """The candidate a line opens, or None."""
    marker = find_marker(line) or (find_label(line) if len(line) <= LABEL_LINE_MAX else None)
    if marker is None:
        return None
    style = _STYLE_INDEX[marker.style]
    if style == LABEL:
        # a label's title is the whole line without its colon: `改进建议:` → 改进建议
        title_end, body_start = marker.start + len(line[marker.start:].rstrip("：: \u3000")), len(line)
    else:
        title_end, body_start = split_head(line, marker.end)
        if title_end <= marker.end and style != MONTH:
            return None  # a bare `1、` with nothing after it
    return Candidate(i, style, marker.ordinal, pos + marker.start, pos + marker.end,
                     pos + title_end, pos + body_start, pos + len(line), marker.text)


def next_ordinal(c: Candidate) -> int:
    """The ordinal the next sibling of `c` carries (months wrap: 十二月份 → 一月份)."""
    return c.ordinal % 12 + 1 if c.style == MONTH else c.ordinal + 1


class Links(NamedTuple):
    """Sibling structure of a document's candidates, one value per candidate."""

    prev: list[int]  # previous candidate of the same style, -1 when none
    nxt: list[int]  # next candidate of the same style, -1 when none
    rank: list[int]  # order in which the candidate's style first appears in the document
    run: list[int]  # run id: a run is a chain of same-style siblings counting up (1 → 2 → 3)


def links(cands: list[Candidate]) -> Links:
    """Previous and next same-style candidate, style rank and sibling run of each candidate."""
    n = len(cands)
    prev, nxt, rank, run = [-1] * n, [-1] * n, [0] * n, [-1] * n
    last: dict[int, int] = {}
    first_seen: dict[int, int] = {}
    for i, c in enumerate(cands):
        j = last.get(c.style, -1)
        prev[i] = j
        if j >= 0:
            nxt[j] = i
        rank[i] = first_seen.setdefault(c.style, len(first_seen))
        last[c.style] = i
    k = 0
    for i in range(n):
        if run[i] < 0:
            j = i
            while j >= 0 and run[j] < 0:
                run[j] = k
                q = nxt[j]
                ok = q >= 0 and cands[j].style != LABEL and cands[q].ordinal == next_ordinal(cands[j])
                j = q if ok else -1
            k += 1
    return Links(prev, nxt, rank, run)
