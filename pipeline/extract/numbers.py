"""Numeral parsing: Arabic and Chinese numerals, approximations, ranges and placeholders.

A parsed numeral is a `Number`. Ranges (`3-5`, `三四个`, `两三百`) keep the low end
in `value`, the high end in `high`, and `approx="range"`; approximations keep the
word as written (`多` `余` `近` `约` `左右` `几` `数`); anonymised numerals (`x`, `xx`,
`×`) have `value=None` and `placeholder=True`; `几十` `数百` have `value=None` too.
"""
import functools
import math
import re
from typing import NamedTuple

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九"
CN_MAGNITUDES = "十百千万亿"
CN_NUMERAL = CN_DIGITS + CN_MAGNITUDES
CN_MAX = 24  # the longest Chinese numeral read; real ones stay under 20 characters
PLACEHOLDER_CHARS = "xX×ｘＸ*＊_＿"
PREFIX_APPROX = ("大约", "将近", "近", "约")
SUFFIX_APPROX = ("左右", "上下", "多", "余", "来")
RANGE_SEPARATORS = "-~～—–至到"
MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}

# "30多万" / "十多万": the approximation sits between the number and its magnitude
INNER_APPROX = re.compile(r"^(.+?)([多余])([万亿千百]+)$")
# "三四" "两三百" "七八十": two neighbouring digits name a range, not 34
CN_RANGE = re.compile(r"^([一二两三四五六七八九])([二两三四五六七八九])([十百千万亿]*)$")
# "十几" is ten-odd; "几十" "数百" (tens / hundreds of) have no value
TEN_ODD = re.compile(r"^([一二两三四五六七八九]?十)几$")
SEVERAL = re.compile(r"^([几数])([十百千万]+)$")
ARABIC = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
ARABIC_COMPOUND = re.compile(r"^([0-9]+)([万千亿])([0-9])([千百])$")


class Number(NamedTuple):
    """A parsed numeral."""

    value: float | None
    approx: str | None = None
    placeholder: bool = False
    high: float | None = None


def is_placeholder(s: str) -> bool:
    """True when the numeral is wholly anonymised (`x`, `xx`, `××`)."""
    return bool(s) and not s.strip(PLACEHOLDER_CHARS)


def _strip_approx(s: str) -> tuple[str, str | None]:
    """Split an approximation word off the front or back of a numeral."""
    if not s.startswith(PREFIX_APPROX) and not s.endswith(SUFFIX_APPROX):
        return s, None  # most numerals: one test instead of nine
    for word in PREFIX_APPROX:
        if s.startswith(word) and len(s) > len(word):
            return s[len(word):], word
    for word in SUFFIX_APPROX:
        if s.endswith(word) and len(s) > len(word):
            return s[: -len(word)], word
    return s, None


@functools.lru_cache(maxsize=4096)
def plain_value(s: str) -> float | None:
    """Value of a numeral without approximations or ranges, or None when it is not one."""
    if not s:
        return None
    if ARABIC.match(s):
        return float(s)
    if GROUPED.match(s):
        return float(s.replace(",", ""))  # 5,200
    if s[0] in "0123456789" and s[-1] in MAGNITUDE:
        if ARABIC.match(s[:-1]):
            return float(s[:-1]) * MAGNITUDE[s[-1]]  # "4万" "1.5万" "3千"
        m = ARABIC_COMPOUND.match(s)
        if m and MAGNITUDE[m.group(2)] > MAGNITUDE[m.group(4)]:  # "1万3千" "1千5百" (text copied from a PDF)
            return float(m.group(1)) * MAGNITUDE[m.group(2)] + float(m.group(3)) * MAGNITUDE[m.group(4)]
    if len(s) > CN_MAX or not all(c in CN_NUMERAL for c in s):
        return None  # 一千二百三十四万五千六百七十八 has 15: a longer run is debris (and cn2an is quadratic in it)
    if len(s) == 1 and s in MAGNITUDE:
        return float(MAGNITUDE[s]) if s == "十" else None  # a bare 百/万 is a word, not a number
    if len(s) == 2 and not any(c in MAGNITUDE or c in "零〇" for c in s):
        return None  # "三四" is a range and "一二" a list, never 34 or 12
    try:
        return float(cn2an.cn2an(s, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def _range(s: str) -> Number | None:
    """`3-5`, `3至5万`, `三四`, `两三百` as a range, else None."""
    m = CN_RANGE.match(s)
    if m:
        lo, hi = DIGIT[m.group(1)], DIGIT[m.group(2)]
        # "一两个" is one or two; "一二" is a list marker pair, not a range
        if (hi in (lo + 1, lo + 2) and lo != 1) or m.group(1, 2) == ("一", "两"):
            scale = plain_value("一" + m.group(3)) if m.group(3) else 1.0
            if scale is not None:
                return Number(lo * scale, "range", False, hi * scale)
        return None
    for sep in RANGE_SEPARATORS:
        left, found, right = s.partition(sep)
        if found and left and right:
            hi = plain_value(right)
            lo = plain_value(left)
            if len(right) > 1 and right[-1] in "百千万亿" and left[-1] not in MAGNITUDE:
                lo = plain_value(left + right[-1])  # "3-5万" is 30000 to 50000
            if lo is not None and hi is not None and lo < hi:
                return Number(lo, "range", False, hi)
            return None
    return None


def _approximate(s: str) -> Number | None:
    """`十几`, `几十`, `数百`, `30多万` as approximate numbers, else None."""
    m = TEN_ODD.match(s)
    if m:
        return Number(plain_value(m.group(1)), "多")
    m = SEVERAL.match(s)
    if m:
        return Number(None, m.group(1))  # the annotators give 数百 no value
    m = INNER_APPROX.match(s)
    if m:
        base = plain_value(m.group(1))
        scale = plain_value("一" + m.group(3))
        if base is not None and scale is not None:
            return Number(base * scale, m.group(2))
    return None


def parse_number(s: str) -> Number | None:
    """Parse one numeral as written (`4万多`, `近五`, `三四`, `xx`); None when it is not one."""
    number = _parse(s.strip())
    if number is not None and not (_finite(number.value) and _finite(number.high)):
        return None  # a run of 400 digits overflows to inf: an artefact, not a count
    return number


def _finite(v: float | None) -> bool:
    """True for None or a finite number."""
    return v is None or math.isfinite(v)


def _parse(s: str) -> Number | None:
    """parse_number without the finiteness check."""
    core, approx = _strip_approx(s)
    if is_placeholder(core):
        return Number(None, approx, True)
    value = plain_value(core)
    if value is not None:
        return Number(value, approx)
    if approx and core in ("百", "千", "万"):
        return Number(float(MAGNITUDE[core]), approx)  # 百余人, 近千册
    other = _range(core) or _approximate(core)
    if other is None:
        return None
    if approx and other.approx != "range":
        return other._replace(approx=approx)
    return other
