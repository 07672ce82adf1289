"""Count entities: a cardinal number with a measure word (SPEC.md §4), and what is not one."""
import functools
import json
import re
from pathlib import Path

import numpy as np

from .names import load_words
from .numbers import CN_DIGITS, parse_number
from .spans import char_offsets

PATTERNS = Path(__file__).resolve().parents[2] / "models" / "patterns"

# A numeral run: Arabic (with an optional 万/千 and "63、2" decimal artefact only
# before %), Chinese, or anonymised. The look-behind refuses starts inside a run,
# so each run is tried once and the scan stays linear on 100,000 digits.
NUMERAL = (
    r"(?P<pre>大约|将近|近|约)?"
    r"(?P<num>(?<![0-9A-Za-z.零〇一二两三四五六七八九十百千万亿几数])"
    r"[0-9]+(?:[.、][0-9]+(?=[%％]))?(?:\.[0-9]+)?(?:[-~～至到][0-9]+(?:\.[0-9]+)?)?[万千亿]?"
    r"|(?<![零〇一二两三四五六七八九十百千万亿几数])[零〇一二两三四五六七八九十百千万亿几数]+"
    r"|(?<![0-9A-Za-z_×])[xX×]{1,3})"
    r"(?P<mid>多|余|来)?(?P<mag>[万亿])?(?P<post>多|余)?"
)
# The characters a NUMERAL match can open with (大约 将近 近 约, digits, numerals, blanks),
# and those that can come second in a count (约 近 after 大 将, the rest of a numeral, 多余来;
# . and 、 only before a digit, as in 1.5 and 63、2%; else a whole unit): the count regex, which
# has no literal prefix to skip ahead on, is tried only where such a start is (not at 1、 一、 数学).
NUMERAL_FIRST = "大将近约0123456789零〇一二两三四五六七八九十百千万亿几数xX×"
NUMERAL_SECOND = "约近0123456789零〇一二两三四五六七八九十百千万亿几数xX×-~～至到多余来"
PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百点]{1,8})")
# Words after a unit that make it a duration (`两个月`, `一个学期`), not a count.
DURATION_AFTER = ("月", "学期", "学年", "星期", "小时", "钟头", "礼拜", "年度", "多月", "半月", "百分点")
# `二次备课` (a verb after it) is second-round planning, `二次函数` a quadratic: not counts.
SECOND_ROUND = ("函数", "方程", "根式", "曲线", "元", "备", "教", "授")
# `人民` `人才` `人员`: 人 opens a word here instead of being the unit.
REN_WORDS = "民才员口物格文类性士事大社工为生家们"
PUBLICATIONS = ("周报", "简报", "日报", "月报", "期刊", "刊物", "杂志", "通讯")
STOP_ITEM = set("的了和与及在是为有等对把被将从向都也还并又就其各每共达约近个未不没，。；：、！？（）()“”《》 \n")
RANGE_MARKS = "到至~～-—"
POINT_AFTER = ("钟", "半", "整", "前", "后", "至", "到")  # 3点钟, 两点半: times, not 两点不足
WORD_AFTER = {("字", "经"), ("名", "师"), ("元", "旦")}  # 三字经; 名师 (a master teacher); 元旦
NOUNISH = frozenset({"n", "vn", "nz", "nt", "ng", "j", "b", "an", "l"})
MODIFIERS = frozenset({"b", "a", "t"})  # 省级 in 省级课题, 优秀 in 优秀教师, 青年 in 青年教师
BEFORE_FILLERS = ("不少于", "不低于", "至少", "共计", "达到", "共", "达", "有")
TIME_OF_DAY = ("上午", "下午", "晚上", "早上", "凌晨", "中午", "晚", "早")


@functools.cache
def load_units(folder: str = str(PATTERNS)) -> tuple[str, ...]:
    """Measure words, longest first (models/patterns/units.json)."""
    data = json.loads((Path(folder) / "units.json").read_text(encoding="utf-8"))
    return tuple(sorted(set(data["units"]), key=len, reverse=True))


@functools.cache
def count_starts(folder: str = str(PATTERNS)) -> re.Pattern:
    """Where a count may start: a NUMERAL_FIRST character before a NUMERAL_SECOND one, . or 、 and a digit, or a unit."""
    units = "|".join(re.escape(u) for u in load_units(folder))
    return re.compile(f"[{re.escape(NUMERAL_FIRST)}](?=[{re.escape(NUMERAL_SECOND)}]|[.、][0-9]|{units})")


@functools.cache
def count_regex(folder: str = str(PATTERNS)) -> re.Pattern:
    """The compiled count pattern: numeral, approximation, unit, 左右."""
    units = "|".join(re.escape(u) for u in load_units(folder))
    return re.compile(NUMERAL + rf"(?P<unit>{units})(?P<tail>左右|上下)?")


def _quoted_spans(text: str, limit: int = 12) -> list[tuple[int, int]]:
    """Short “…” stretches: slogans and names such as “六个一” “343模式”."""
    spans, open_at = [], None
    for i in char_offsets(text, "“”"):
        if text[i] == "“":
            open_at = i
        elif open_at is not None:
            if i - open_at - 1 <= limit and "\n" not in text[open_at:i]:
                spans.append((open_at, i + 1))  # a line end between them closes nothing
            open_at = None
    return spans


def count_matches(text: str, regex: re.Pattern, starts: re.Pattern):
    """The matches of regex.finditer(text) for the count regex, trying it only where `starts` matches."""
    end = 0
    for start in starts.finditer(text):
        if start.start() >= end:
            m = regex.match(text, start.start())  # look-behinds still see the text before
            if m:
                end = m.end()
                yield m


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when pos lies inside one of the sorted spans."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] <= pos


def _excluded(text: str, m: re.Match) -> str | None:
    """Why a numeral+unit match is not a count, or None when it is one."""
    num, unit, start, end = m.group("num"), m.group("unit"), m.start("num"), m.end()
    return _numeral_reason(text, num, start, m) or _unit_reason(text, num, unit, start, text[end:end + 4])


def _numeral_reason(text: str, num: str, start: int, m: re.Match) -> str | None:
    """Reasons in the numeral itself: ordinals, grades, ranges, the idiomatic 一."""
    before = text[max(0, start - 2):start]
    if before.endswith("第") or (before.endswith("前") and m.group("unit") in "名位"):
        return "ordinal"  # 第二节, 前三名
    if before.endswith(("初", "高")) and len(num) == 1 and num in CN_DIGITS:
        return "grade"  # 高一3班 names a grade
    if before[-1:] in RANGE_MARKS and start >= 2 and (text[start - 2].isdigit() or text[start - 2] in CN_DIGITS):
        return "range"  # 一到两次, 一至二次: a loose range, not a statistic
    if num == "一" or (num.startswith("一") and m.group("mag") is None and len(num) == 2 and num[1] in "两二"):
        return "one"  # 一次, 一两个: idiomatic, not a statistic
    if m.group("mid") is None and len(num) == 2 and num[0] in CN_DIGITS and num[1] in CN_DIGITS:
        return "range"  # 两三位, 三四个: a guess, not a statistic
    return None


def _unit_reason(text: str, num: str, unit: str, start: int, after: str) -> str | None:
    """Reasons in the measure word and what follows it: names, durations, words, times."""
    if after[:1] and after[0] in CN_DIGITS and unit in ("个", "位", "项", "条", "种"):
        return "name"  # 五个一工程, 三位一体
    if unit == "个" and after.startswith(DURATION_AFTER):
        return "duration"  # 两个月, 一个学期 (and 3.5个百分点, a difference)
    if num == "二" and unit == "次" and (after.startswith(SECOND_ROUND) or _verb_at(after)):
        return "ordinal"  # 二次备课, 二次纠正 (but 举行二次学生作业评比活动 counts)
    if unit == "期" and (after[:1] == "间" or (num[:1].isdigit() and any(p in after for p in PUBLICATIONS))):
        return "issue"  # 22期教育周报 is the 22nd issue; 26期间 is a date
    if unit == "点" and (num[:1].isdigit() or after[:1] in POINT_AFTER or after[:1] in CN_DIGITS
                        or text[max(0, start - 2):start].endswith(TIME_OF_DAY)):
        return "time"  # 下午3点; 九十五点五 is a decimal
    if after[:2] != "师生" and ((unit, after[:1]) in WORD_AFTER or (unit == "人" and after[:1] and after[0] in REN_WORDS)):
        return "word"  # 人民 人才, 三字经, 陈xx名师工作室 (but 10名师生 counts)
    if num == "十" and unit == "字":
        return "word"  # 十字路口
    return None


def _verb_at(s: str) -> bool:
    """True when s opens with a dictionary verb (纠正, 开发)."""
    words = load_words()
    return any(words.get(s[:n], ("",))[0] in ("v", "vn") for n in (3, 2))


def _items_from_tokens(tokens: dict, spans: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """The span of each count's item: the noun tokens right after it (三个/教研组), else the noun right before
    (教师/66名). One search per document for all its counts: a NumPy call costs more than the reading."""
    t_start, t_end, pos = tokens["start"], tokens["end"], tokens["pos"]
    after = np.searchsorted(t_start, [e for _, e in spans]).tolist()
    before = (np.searchsorted(t_end, [s for s, _ in spans], side="right") - 1).tolist()
    return [_token_item(t_start, t_end, pos, s, e, k, b) for (s, e), k, b in zip(spans, after, before)]


def _token_item(t_start, t_end, pos, start: int, end: int, k: int, b: int) -> tuple[int, int] | None:
    """_items_from_tokens for one count [start, end): k is the first token from its end, b the last before it."""
    # the six tokens from k as plain Python values: one optional skip plus four nouns is all we read;
    # their offsets only when a noun follows (else the item is the noun before)
    tp = pos[k:k + 6].tolist()
    i = 1 if tp and tp[0] in ("uj", "f") and t_end[k] - t_start[k] <= 2 else 0  # 8节以上的公开课: skip 以上 / 的
    if i < len(tp) and tp[i] in NOUNISH:
        ts, te, j = t_start[k:k + 6].tolist(), t_end[k:k + 6].tolist(), i + 1
        while j < len(ts) and j - i < 4 and tp[j] in NOUNISH and ts[j] == te[j - 1]:
            j += 1
        return None if ts[i] - end > 3 else (ts[i], te[j - 1])
    if b >= 0 and t_end[b] == start and pos[b] in NOUNISH:
        return int(t_start[b]), int(t_end[b])
    return None


def _item(text: str, start: int, end: int) -> str | None:
    """The counted noun next to the count, from the dictionary: after it (三个课题) or before it (教师66名)."""
    j = end
    for filler in ("以上的", "以下的", "左右的", "以上", "以下", "的"):
        if text.startswith(filler, j):
            j += len(filler)
            break
    after = _dictionary_nouns(text, j) or _char_run(text, j)
    if after:
        return after
    k = start
    for filler in BEFORE_FILLERS:
        if text.endswith(filler, 0, k):
            k -= len(filler)
            break
    words = load_words()
    # an activity may be counted in lessons or times (听课不少于4节), money never in verbs (投入30万元)
    allowed = NOUNISH | {"v"} if text[end - 1] in "节次时堂" else NOUNISH
    return next((text[k - n:k] for n in (3, 2) if words.get(text[k - n:k], ("",))[0] in allowed), None)


def _char_run(text: str, j: int) -> str | None:
    """Up to four characters of an unknown noun (子课题组), unless a dictionary verb starts there."""
    if load_words().get(text[j:j + 2], ("n",))[0] not in NOUNISH:
        return None
    k = j
    while k < len(text) and k - j < 4 and text[k] not in STOP_ITEM and "\u4e00" <= text[k] <= "\u9fff":
        k += 1
    return text[j:k] if k - j >= 2 else None


def _dictionary_nouns(text: str, j: int) -> str | None:
    """The noun at j by longest dictionary match, with any modifiers before it (市级课题, 优秀教师)."""
    words, k = load_words(), j
    for _ in range(3):
        word = next((text[k:k + n] for n in (3, 2) if text[k:k + n] in words), None)
        if word is None:
            return None
        k += len(word)
        if words[word][0] in MODIFIERS or word.endswith("级"):
            continue
        return text[j:k] if words[word][0] in NOUNISH else None
    return None


def _entity(text: str, m: re.Match) -> dict | None:
    """One count entity from a match (its item still None), or None when the numeral does not parse."""
    pre, num, mid, mag, post, unit, tail = m.group("pre", "num", "mid", "mag", "post", "unit", "tail")
    mag = mag or ""
    if unit == "元" and (mag == "万" or (num.endswith("万") and not mag)):
        unit = "万元"  # 30多万元 / 近五万元: the annotators count in 万元
        if not mag:
            num = num[:-1]
        mag = ""
    number = parse_number((pre or "") + num.replace("、", ".") + (mid or "") + mag + (post or ""))
    if number is None or (number.value is None and not number.placeholder):
        if not (number and number.approx in ("几", "数")):
            return None
    approx = tail or number.approx
    start = m.start("pre") if pre else m.start("num")
    return {
        "type": "count", "start": start, "end": m.end(), "text": text[start:m.end()],
        "value": number.value, "approx": approx, "unit": "%" if unit == "％" else unit,
        "item": None, "placeholder": number.placeholder,
        "value_high": number.high,
    }


def _percent_words(text: str) -> list[dict]:
    """百分之九十 / 百分之九十五点五 as counts in %."""
    out = []
    for m in PERCENT_WORDS.finditer(text):
        words = m.group(1)
        value = 100.0 if words == "百" else _decimal_words(words)  # 百分之百
        if value is not None:
            out.append({"type": "count", "start": m.start(), "end": m.end(), "text": m.group(0),
                        "value": value, "approx": None, "unit": "%", "item": None, "placeholder": False})
    return out


def _decimal_words(s: str) -> float | None:
    """九十五点五 → 95.5 (cn2an reads 点 as the decimal point)."""
    import cn2an

    try:
        return float(cn2an.cn2an(s, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def _set_items(text: str, counts: list[dict], tokens: dict | None) -> None:
    """Fill in each count's item: from the tokens when there are some, else from the dictionary."""
    if tokens is not None and len(tokens.get("start", ())) and counts:
        spans = _items_from_tokens(tokens, [(e["start"], e["end"]) for e in counts])
        for e, span in zip(counts, spans):
            e["item"] = text[span[0]:span[1]] if span else None
    else:
        for e in counts:
            e["item"] = _item(text, e["start"], e["end"])


def find_counts(text: str, tokens: dict | None = None, patterns: str = str(PATTERNS)) -> list[dict]:
    """Every count in one document's text, in order, with value, approx, unit and item.

    tokens ({"start", "end", "pos"} arrays sorted by start) only sharpen `item`.
    """
    quoted, out = None, []
    for m in count_matches(text, count_regex(patterns), count_starts(patterns)):
        if m.group("num") == "一" or _excluded(text, m):
            continue  # 一次, 一个: _excluded says "one" if nothing earlier; half the matches, so test it first
        num = m.start("num")
        if "“" in text[num - 12 if num > 12 else 0:num]:  # only then can a short quote hold it
            quoted = _quoted_spans(text) if quoted is None else quoted
            if _inside(num, quoted):
                continue
        entity = _entity(text, m)
        if entity is not None:
            out.append(entity)
    _set_items(text, out, tokens)
    if "百分之" in text:
        words = _percent_words(text)
        spans = [(e["start"], e["end"]) for e in words]
        out = sorted([e for e in out if not _inside(e["start"], spans)] + words, key=lambda e: e["start"])
    return out
