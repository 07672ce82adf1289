"""Line features a careful reader uses to tell a heading from a list item or body text.

The features of a whole batch are computed at once: the batch text as an array of code
points (line lengths, last characters, counts), the candidates as integer columns, and the
joined titles as code points — no per-line Python.
"""
import numpy as np

from .candidates import LABEL, next_ordinal
from .codes import Symbols, count_in, isin, spans
from .markers import INTRO_ENDINGS, LABEL_WORDS, STYLES

# `共送出作品52件` `6人获奖`: a count makes a line a report of results, not a head
_MEASURES = "名人件节篇次项个所本册元位"
# `在…中` `我校…` `本学期…`: a sentence that opens with a subject or setting tells what
# happened; a head opens with its verb (`加强…` `开展…`)
NARRATIVE_OPENINGS = tuple("在 我 本 由 对 从 通过 为了 按照 根据 经过 今年 这学期 学校 老师 教师".split())
_STOPS, _COLONS = "。！？!?", "：:"

_RUN_MEANS = (("run_body_after", "body_after"), ("run_log_title_len", "log_title_len"),
              ("run_run_in", "run_in"), ("run_line_end_stop", "line_end_stop"),
              ("run_title_le20", "title_le20"))
FEATURES = tuple(
    [f"style={s}" for s in STYLES]
    + ["ordinal_1", "continues_prev", "continued_next", "opens_under_parent",
       "first_seen_0", "first_seen_1", "first_seen_2plus",
       "log_title_len", "title_le8", "title_le20", "title_gt40", "commas_in_title", "digit_in_title",
       "run_in", "log_rest_len", "head_end_stop", "head_end_colon",
       "line_end_stop", "line_end_semicolon", "line_end_colon", "line_end_comma", "line_end_none",
       "label_word", "body_after", "many_body_after", "next_is_candidate", "next_is_short",
       "prev_ends_colon", "prev_is_short", "first_line", "last_line",
       "title_has_le", "title_has_date", "parallel_title", "stops_in_line", "table_cell", "doc_plan",
       "title_has_count", "narrative_opening", "intro_ending", "next_is_field",
       "prev_is_candidate", "run_first_prev_candidate", "run_first_prev_colon", "run_size_log"]
    + [dst for dst, _ in _RUN_MEANS]
)
_F = {name: k for k, name in enumerate(FEATURES)}


def batch_matrix(batch) -> np.ndarray:
    """Feature rows (FEATURES) of every candidate of a document.Prepared batch."""
    n = len(batch.cands.style)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    lines = _line_table(batch.cp, batch.symbols, batch.lines)
    c = _candidate_table(batch)
    _style_and_siblings(x, c)
    _line_features(x, c, lines)
    _title_cues(x, batch.cp, c)
    _run_features(x, c["run"])
    return x


def _line_table(cp: np.ndarray, symbols: Symbols, lines) -> dict[str, np.ndarray]:
    """Per line of the batch text: length, last character, 。 count, field/cell flags."""
    start, end = lines.start, lines.end
    length = end - start
    # `组长：王建民`: a short field name, a colon, then its value: the line's first `，。：:` is a
    # colon 1-6 characters in, with something after it
    punct = symbols.find("，。：:；")
    stopper = punct[isin(cp[punct], "，。：:")]
    at = np.append(stopper, len(cp))[np.searchsorted(stopper, start)]  # the first one from each line start
    colon = isin(cp[np.minimum(at, len(cp) - 1)], _COLONS)
    field = colon & (at - start >= 1) & (at - start <= 6) & (at + 1 < end)
    # `地点` `待定`: a short line without punctuation, like a flattened table cell, followed by a
    # line break in its document (so never a document's last line, whatever follows it in the batch)
    cell = (length >= 1) & (length <= 12) & (count_in(punct[isin(cp[punct], "。，；：")], start, end) == 0)
    last = lines.doc_first[1:] - 1
    cell[last[last >= 0]] = False
    return {"cp": cp, "len": length, "last": np.where(length > 0, cp[np.maximum(end - 1, 0)], 0),
            "stops": count_in(punct[cp[punct] == ord("。")], start, end), "field": field, "cell": cell}


def _candidate_table(batch) -> dict[str, np.ndarray]:
    """The batch's candidates as columns, with their lines, links and documents."""
    cands, links, doc_first = batch.cands, batch.links, batch.lines.doc_first
    c = {**cands._asdict(), **links._asdict()}
    c["local"] = cands.line - doc_first[cands.doc]  # line index in the document
    c["n_lines"] = doc_first[cands.doc + 1] - doc_first[cands.doc]
    c["first"] = np.r_[True, cands.doc[1:] != cands.doc[:-1]]  # first candidate of its document
    c["plan"] = batch.plan[cands.doc]
    c["is_last_line"] = c["local"] == c["n_lines"] - 1
    last_cand = np.append(c["first"][1:], True)
    c["next_cand_line"] = np.where(last_cand, doc_first[cands.doc + 1], np.append(cands.line[1:], 0))
    return c


def _style_and_siblings(x: np.ndarray, c: dict) -> None:
    """Marker style, sibling continuity (一 → 二 → 三) and the style's order of first use."""
    x[np.arange(len(x)), c["style"]] = 1.0
    nxt_ord = next_ordinal(c["style"], c["ordinal"])
    prev, nxt = c["prev"], c["nxt"]
    x[:, _F["ordinal_1"]] = c["ordinal"] == 1
    x[:, _F["continues_prev"]] = (prev >= 0) & (nxt_ord[np.maximum(prev, 0)] == c["ordinal"])
    x[:, _F["continued_next"]] = (nxt >= 0) & (c["ordinal"][np.maximum(nxt, 0)] == nxt_ord)
    before = np.concatenate([[-1], c["style"][:-1]])
    x[:, _F["opens_under_parent"]] = (c["ordinal"] == 1) & ~c["first"] & (before != c["style"])
    x[:, _F["first_seen_0"]] = c["rank"] == 0
    x[:, _F["first_seen_1"]] = c["rank"] == 1
    x[:, _F["first_seen_2plus"]] = c["rank"] >= 2
    x[:, _F["doc_plan"]] = c["plan"]


def _line_features(x: np.ndarray, c: dict, lines: dict) -> None:
    """Length and ending of the line and its run-in head, and the lines around it."""
    cp, tlen, rest = lines["cp"], c["title_end"] - c["title_start"], c["line_end"] - c["body_start"]
    head = np.where(rest > 0, cp[np.minimum(c["title_end"], len(cp) - 1)], 0)
    end = lines["last"][c["line"]]
    has_next, has_prev = ~c["is_last_line"], c["local"] > 0
    nxt, prv = np.minimum(c["line"] + 1, len(lines["len"]) - 1), np.maximum(c["line"] - 1, 0)
    next_cand = has_next & (c["next_cand_line"] == c["line"] + 1)
    body = np.minimum(c["next_cand_line"] - c["line"] - 1, 3)
    cols = {
        "log_title_len": np.log1p(tlen), "title_le8": tlen <= 8, "title_le20": tlen <= 20,
        "title_gt40": tlen > 40, "run_in": rest > 0, "log_rest_len": np.log1p(rest),
        "head_end_stop": isin(head, _STOPS), "head_end_colon": isin(head, _COLONS),
        "line_end_stop": end == ord("。"), "line_end_semicolon": end == ord("；"),
        "line_end_colon": end == ord("："), "line_end_comma": end == ord("，"),
        "line_end_none": ~isin(end, "。；：，"), "body_after": body > 0, "many_body_after": body > 1,
        "next_is_candidate": next_cand, "next_is_short": has_next & (lines["len"][nxt] <= 20),
        "prev_ends_colon": has_prev & isin(lines["last"][prv], _COLONS),
        "prev_is_short": has_prev & (lines["len"][prv] > 0) & (lines["len"][prv] <= 20),
        "first_line": c["local"] == 0, "last_line": c["is_last_line"],
        "stops_in_line": np.log1p(lines["stops"][c["line"]]),
        "table_cell": (c["style"] == LABEL) & has_prev & has_next & lines["cell"][prv] & lines["cell"][nxt],
        "next_is_field": has_next & ~next_cand & lines["field"][nxt],
        "prev_is_candidate": has_prev & ~c["first"] & (np.append(-1, c["line"][:-1]) == c["line"] - 1),
    }
    for name, values in cols.items():
        x[:, _F[name]] = values


def _title_cues(x: np.ndarray, text: np.ndarray, c: dict) -> None:
    """Word cues in the titles, from the code points of all titles joined by \\n (`text`: the batch's)."""
    start, end = c["title_start"], c["title_end"]
    first = np.cumsum(np.r_[1, end[:-1] - start[:-1] + 1])  # where each title starts
    ends = first + (end - start)
    cp = np.full(ends[-1] + 1, 10, dtype=np.uint32)  # "\n", the titles joined by "\n", "\n"
    cp[spans(first, ends)] = text[spans(start, end)]

    def per_title(mask: np.ndarray) -> np.ndarray:
        """How many positions of `mask` fall in each title."""
        idx = np.searchsorted(first, np.flatnonzero(mask), side="right") - 1
        return np.bincount(idx, minlength=len(x))

    digit = ((cp >= 48) & (cp <= 57)) | ((cp >= 0xFF10) & (cp <= 0xFF19))
    before = np.concatenate([[0], cp[:-1]])
    commas = per_title(cp == ord("，"))
    x[:, _F["commas_in_title"]] = np.minimum(commas, 5) / 5
    x[:, _F["digit_in_title"]] = per_title(digit) > 0
    x[:, _F["title_has_le"]] = per_title(cp == ord("了")) > 0
    # `10月16日` `20xx`: a date; `52件` `9人次`: a count
    numeral = digit | isin(cp, "一二三四五六七八九十")
    date = (isin(cp, "月日号") & np.concatenate([[False], numeral[:-1]])) | _year(cp)
    x[:, _F["title_has_date"]] = per_title(date) > 0
    before_digit = np.concatenate([[False], digit[:-1]])
    approx_digit = isin(before, "多余") & np.concatenate([[False, False], digit[:-2]])
    x[:, _F["title_has_count"]] = per_title(isin(cp, _MEASURES) & (before_digit | approx_digit)) > 0
    x[:, _F["parallel_title"]] = (commas > 0) & (_longest_phrase(cp, first, len(x)) <= 10)
    x[:, _F["narrative_opening"]] = _affix(cp, first, ends, NARRATIVE_OPENINGS, at_end=False)
    x[:, _F["intro_ending"]] = _affix(cp, first, ends, INTRO_ENDINGS, at_end=True)
    x[:, _F["label_word"]] = _affix(cp, first, ends, LABEL_WORDS, at_end=True)


def _affix(cp: np.ndarray, first: np.ndarray, ends: np.ndarray, words: tuple[str, ...],
           at_end: bool) -> np.ndarray:
    """Which titles (cp[first:ends]) start, or end, with one of `words`."""
    out = np.zeros(len(first), dtype=bool)
    for k in sorted({len(w) for w in words}):
        ok = ends - first >= k
        at = (ends - k if at_end else first)[ok]
        code = np.zeros(len(at), dtype=np.int64)
        for j in range(k):  # k code points packed into one integer (21 bits each)
            code = (code << 21) | cp[at + j].astype(np.int64)
        targets = np.sort([_pack(w) for w in words if len(w) == k])
        found = np.minimum(np.searchsorted(targets, code), len(targets) - 1)
        out[ok] |= targets[found] == code
    return out


def _pack(word: str) -> int:
    """A short word's code points packed 21 bits each, as _affix packs them."""
    code = 0
    for ch in word:
        code = (code << 21) | ord(ch)
    return code


def _year(cp: np.ndarray) -> np.ndarray:
    """Positions starting `20` + two digits or placeholders (`2019` `20xx` `20__`)."""
    out = np.zeros(len(cp), dtype=bool)
    if len(cp) >= 4:
        tail = isin(cp, "0123456789x_")
        out[:-3] = (cp[:-3] == ord("2")) & (cp[1:-2] == ord("0")) & tail[2:-1] & tail[3:]
    return out


def _longest_phrase(cp: np.ndarray, first: np.ndarray, n: int) -> np.ndarray:
    """Length of the longest comma-separated phrase of each title."""
    seps = np.flatnonzero((cp == 10) | (cp == ord("，")))
    lengths = np.diff(seps) - 1
    owner = np.searchsorted(first, seps[:-1] + 1, side="right") - 1  # each title owns one phrase or more
    return np.maximum.reduceat(lengths, np.searchsorted(owner, np.arange(n)))


def _run_features(x: np.ndarray, run: np.ndarray) -> None:
    """Fill the run_* columns: aggregates over each candidate's sibling run."""
    counts = np.bincount(run).astype(np.float64)
    safe = np.maximum(counts, 1.0)
    for dst, src in _RUN_MEANS:
        x[:, _F[dst]] = (np.bincount(run, weights=x[:, _F[src]]) / safe)[run]
    x[:, _F["run_size_log"]] = np.log1p(counts)[run]
    # how a list is introduced: right under a heading (`九月份` then `1、…；`) or by a
    # sentence ending in a colon (`从资料方法上有：` then `①…；`)
    ids, first_rows = np.unique(run, return_index=True)
    first = np.zeros(len(counts), dtype=np.int64)
    first[ids] = first_rows
    x[:, _F["run_first_prev_candidate"]] = x[first, _F["prev_is_candidate"]][run]
    colon_body = x[:, _F["prev_ends_colon"]] * (1 - x[:, _F["prev_is_candidate"]])
    x[:, _F["run_first_prev_colon"]] = colon_body[first][run]


def paragraph_lists(x: np.ndarray, run: np.ndarray) -> np.ndarray:
    """Rows whose whole sibling run is long sentences with no short head (title > 40 chars)."""
    # numbered paragraphs of body text are never headings (SPEC §3: `1、开学初，所有教师从…
    # 进行了年度规划，认真填写了…`), whatever the classifier says
    if len(x) == 0:
        return np.zeros(0, dtype=bool)
    long_rows = x[:, _F["title_gt40"]]
    return (np.bincount(run, weights=long_rows) == np.bincount(run))[run] & (long_rows > 0)
