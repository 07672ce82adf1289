"""Count entities: a cardinal number with a measure word (SPEC.md §4), and what is not one."""
import functools
import json
import re
from pathlib import Path

from .count_items import NOUNISH, set_items
from .names import load_words
from .numbers import CN_DIGITS, parse_number
from .spans import char_offsets

PATTERNS = Path(__file__).resolve().parents[2] / "models" / "patterns"

# A numeral run: Arabic (thousands maybe grouped: 5,200; an optional 万/千, maybe with a second digit: 1万3千;
# the "63、2" decimal artefact only
# before %), Chinese, or anonymised. The look-behind refuses starts inside a run,
# so each run is tried once and the scan stays linear on 100,000 digits.
NUMERAL = (
    r"(?P<pre>大约|将近|近|约)?"
    r"(?P<num>(?<![0-9A-Za-z.零〇一二两三四五六七八九十百千万亿几])"  # 人数1563人: 数 is no numeral before digits
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[.、][0-9]+(?=[%％]))?(?:\.[0-9]+)?(?:[%％]?[-~～至到][0-9]+(?:\.[0-9]+)?)?(?:[万千亿](?:[0-9][千百])?)?"
    # not after another numeral, unless that one ends a list of numerals (六、七、八三个年级: 三个)
    r"|(?:(?<![零〇一二两三四五六七八九十百千万亿几数])|(?<=、[一二三四五六七八九十]))[零〇一二两三四五六七八九十百千万亿几数]+"
    r"(?:[至到~～\-][零〇一二两三四五六七八九十百千万亿]+)?"  # 两到三次, 三至五人: whole, like 1-2篇
    r"|(?<![0-9A-Za-z_×])[xX×]{1,3})"
    r"(?P<mid>多|余|来)?(?P<mag>[万亿])?(?P<post>多|余)?"
)
# The characters a NUMERAL match can open with (大约 将近 近 约, digits, numerals, blanks),
# and those that can come second in a count (约 近 after 大 将, the rest of a numeral, 多余来;
# . and 、 only before a digit, as in 1.5 and 63、2%, and the , of 5,200; else a whole unit): the count regex, which
# has no literal prefix to skip ahead on, is tried only where such a start is (not at 1、 一、 数学).
NUMERAL_FIRST = "大将近约0123456789零〇一二两三四五六七八九十百千万亿几数xX×"
NUMERAL_SECOND = ",约近0123456789零〇一二两三四五六七八九十百千万亿几数xX×-~～至到多余来"
PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百点]{1,8})")
# Words after a unit that make it a duration (`两个月`, `一个学期`), not a count.
DURATION_AFTER = ("月", "学期", "学年", "星期", "小时", "钟头", "礼拜", "年度", "多月", "半月", "百分点")
# `二次备课` (a verb after it) is second-round planning, `二次函数` a quadratic: not counts.
SECOND_ROUND = ("函数", "方程", "根式", "曲线", "元", "备", "教", "授")
PUBLICATIONS = ("周报", "简报", "日报", "月报", "期刊", "刊物", "杂志", "通讯")
RANGE_MARKS = "到至~～-—"
POINT_AFTER = ("钟", "半", "整", "前", "后", "至", "到")  # 3点钟, 两点半: times, not 两点不足
TIME_OF_DAY = ("上午", "下午", "晚上", "早上", "凌晨", "中午", "晚", "早")


@functools.cache
def load_unit_words(folder: str = str(PATTERNS)) -> dict:
    """models/patterns/units.json as read: units, and the characters that make a unit part of a word."""
    return json.loads((Path(folder) / "units.json").read_text(encoding="utf-8"))


@functools.cache
def load_units(folder: str = str(PATTERNS)) -> tuple[str, ...]:
    """Measure words, longest first (models/patterns/units.json)."""
    return tuple(sorted(set(load_unit_words(folder)["units"]), key=len, reverse=True))


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


def _excluded(text: str, m: re.Match, words: dict) -> str | None:
    """Why a numeral+unit match is not a count, or None when it is one (words: load_unit_words)."""
    num, unit, start, end = m.group("num"), m.group("unit"), m.start("num"), m.end()
    after = text[end:end + 4]
    return _numeral_reason(text, num, start, m) or _unit_reason(text, num, unit, start, after) \
        or _word_reason(unit, after, words)


def _numeral_reason(text: str, num: str, start: int, m: re.Match) -> str | None:
    """Reasons in the numeral itself: ordinals, grades, ranges, the idiomatic 一."""
    before = text[max(0, start - 2):start]
    if before.endswith("第") or (before.endswith("前") and m.group("unit") in "名位"):
        return "ordinal"  # 第二节, 前三名
    if before.endswith(("初", "高")) and len(num) == 1 and num in CN_DIGITS:
        return "grade"  # 高一3班 names a grade
    if before[-1:] in RANGE_MARKS and start >= 2 and (text[start - 2].isdigit() or text[start - 2] in CN_DIGITS):
        return "range"  # 一至2次: the high end of a range mixing scripts, which NUMERAL does not read whole
    if num == "一" or (num.startswith("一") and m.group("mag") is None and len(num) == 2 and num[1] in "两二"):
        return "one"  # 一次, 一两个: idiomatic, not a statistic
    if num[:1] == "一" and num[1:2] in RANGE_MARKS:
        return "one"  # 一至两篇, 一到两次: "one or two", as idiomatic as 一两个 (两到三次 counts)
    if m.group("mid") is None and len(num) == 2 and num[0] in CN_DIGITS and num[1] in CN_DIGITS:
        return "range"  # 两三位, 三四个: a guess, not a statistic
    return None


def _unit_reason(text: str, num: str, unit: str, start: int, after: str) -> str | None:
    """Reasons in the measure word and what follows it: names, durations, words, times."""
    if after[:1] and after[0] in CN_DIGITS and unit in ("个", "位", "项", "条", "种") and after[1:2] != "等":
        return "name"  # 五个一工程, 三位一体; 7个一等奖 counts prizes
    if unit == "个" and after.startswith(DURATION_AFTER):
        return "duration"  # 两个月, 一个学期 (and 3.5个百分点, a difference)
    if num == "二" and unit == "次" and (after.startswith(SECOND_ROUND) or _verb_at(after)):
        return "ordinal"  # 二次备课, 二次纠正 (but 举行二次学生作业评比活动 counts)
    if unit == "期" and (after[:1] == "间" or (num[:1].isdigit() and any(p in after for p in PUBLICATIONS))):
        return "issue"  # 22期教育周报 is the 22nd issue; 26期间 is a date
    if unit == "点" and (num[:1].isdigit() or after[:1] in POINT_AFTER or after[:1] in CN_DIGITS
                        or text[max(0, start - 2):start].endswith(TIME_OF_DAY)):
        return "time"  # 下午3点; 九十五点五 is a decimal
    if num == "十" and unit == "字":
        return "word"  # 十字路口
    return None


def _word_reason(unit: str, after: str, words: dict) -> str | None:
    """The unit opens a word with what follows, so the number counts nothing: 两部分, 组长：xx组员, 人民, 名师."""
    nxt = after[:1]
    if not nxt or after.startswith(tuple(words["count_after"])):
        return None  # 10名师生 counts
    if nxt in words["word_after"].get(unit, ""):
        return "word"
    if nxt in words["word_before_noun"].get(unit, "") and load_words().get(after[1:3], ("",))[0] in NOUNISH:
        return "word"  # 三个人课题: 个人 (personal) before a noun; 三个人参加 counts
    return None


def _verb_at(s: str) -> bool:
    """True when s opens with a dictionary verb (纠正, 开发)."""
    words = load_words()
    return any(words.get(s[:n], ("",))[0] in ("v", "vn") for n in (3, 2))


def _entity(text: str, m: re.Match) -> dict | None:
    """One count entity from a match (its item still None), or None when the numeral does not parse."""
    pre, num, mid, mag, post, unit, tail = m.group("pre", "num", "mid", "mag", "post", "unit", "tail")
    mag = mag or ""
    if unit == "元" and text[m.start("unit") - 1] == "万":
        unit = "万元"  # 30多万元 / 近五万元: the annotators count in 万元 (1万多元 is 1万多 of 元: 10000)
        if not mag:
            num = num[:-1]
        mag = ""
    if unit not in "%％" and ("%" in num or "％" in num):
        return None  # 5%-8人 is no range
    num = num.replace("%", "").replace("％", "")  # 5%-8%: one range, written with both percent signs
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


def _after_numeral_list(text: str, m: re.Match, regex: re.Pattern) -> re.Match:
    """The count itself when a list of numerals runs into it: `六、七、八三个年级` counts 三个, not 八三个."""
    num, i = m.group("num"), m.start("num")
    if len(num) == 2 and text[i - 1:i] == "、" and num[0] in CN_DIGITS and parse_number(num) is None:
        return regex.match(text, i + 1) or m
    return m


def find_counts(text: str, tokens: dict | None = None, patterns: str = str(PATTERNS)) -> list[dict]:
    """Every count in one document's text, in order, with value, approx, unit and item.

    tokens ({"start", "end", "pos"} arrays sorted by start) only sharpen `item`.
    """
    quoted, out, words, regex = None, [], load_unit_words(patterns), count_regex(patterns)
    for m in count_matches(text, regex, count_starts(patterns)):
        m = _after_numeral_list(text, m, regex)
        if m.group("num") == "一" or _excluded(text, m, words):
            continue  # 一次, 一个: _excluded says "one" if nothing earlier; half the matches, so test it first
        num = m.start("num")
        if "“" in text[num - 12 if num > 12 else 0:num]:  # only then can a short quote hold it
            quoted = _quoted_spans(text) if quoted is None else quoted
            if _inside(num, quoted):
                continue
        entity = _entity(text, m)
        if entity is not None:
            out.append(entity)
    set_items(text, out, tokens)
    if "百分之" in text:
        words = _percent_words(text)
        spans = [(e["start"], e["end"]) for e in words]
        out = sorted([e for e in out if not _inside(e["start"], spans)] + words, key=lambda e: e["start"])
    return out
