"""Sentence spans of a document: Chinese sentence ends and line ends, closers kept with their sentence."""
import bisect
import re

_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# A cut goes after a run of sentence ends and the closing quotes/brackets that follow it:
# `他说：“好。”然后` cuts after `。”`. The pattern starts with one character set, so the
# scan is fast, and every quantifier follows a fixed prefix, so it stays linear on long runs.
_CUT = re.compile(r"[\n。！？；!?;…．.][。！？；!?;…．.]*[”’」』）)\]】》〉〕\"']*")
# `二．整体布局`, `1。抓好常规`: a number then a dot at the start of a line is a list marker.
_MARKER = re.compile(r"[\s>]*[(（]?(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[)）]?[。.．]+")
_MARKER_MAX = 10  # list markers are short: a cut further into the line skips the check
# 《》 may hold 。 (`《关于开展“教学开放周”活动的通知。》`): no cut inside a closed title.
_TITLE = re.compile(r"《[^《》\n]{0,100}》")


def _title_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of closed 《》 titles, in order."""
    starts, ends = [], []
    for m in _TITLE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside_title(titles: tuple[list[int], list[int]], pos: int) -> bool:
    """True when pos falls inside a 《》 title, after its 《."""
    i = bisect.bisect_right(titles[0], pos) - 1
    return i >= 0 and pos < titles[1][i]


def _dot_ends(text: str, start: int, end: int) -> bool:
    """A run opening with `.`/`．` ends a sentence as an ellipsis (`...`) or after a Chinese character.

    `完成了.下一步` ends at the dot; `3.5`, `www.a.cn` and `1.` do not.
    """
    return text.startswith("...", start) or (start > 0 and _CJK.match(text, start - 1) is not None)


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """text[start:end] without its surrounding whitespace, or None when nothing is left."""
    piece = text[start:end]
    core = piece.strip()
    if not core:
        return None
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + lead + len(core)


def _pieces(text: str) -> list[tuple[int, int]]:
    """Raw sentence pieces between cuts, whitespace included."""
    titles = _title_spans(text) if "《" in text else None
    pieces: list[tuple[int, int]] = []
    start = line_start = 0
    for m in _CUT.finditer(text):
        at, cut = m.span()
        first = text[at]
        if first == "\n":
            pieces.append((start, at))
            start = line_start = at + 1
            continue
        if first in ".．" and not _dot_ends(text, at, cut):
            continue
        if titles and _inside_title(titles, at):
            continue
        if cut - line_start <= _MARKER_MAX and _MARKER.fullmatch(text, line_start, cut):
            continue
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open sentence spans; every line is at least one sentence, whitespace is left out."""
    isspace = str.isspace
    spans = [(s, e) if not isspace(text[s]) and not isspace(text[e - 1]) else _strip(text, s, e)
             for s, e in _pieces(text) if s < e]
    return [s for s in spans if s is not None] if None in spans else spans
