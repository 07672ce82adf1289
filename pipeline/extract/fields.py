"""Teacher names in field lines (组长：王建民), their continuation lines, and bylines (…小学钟明书)."""
import functools
import re

from .names import Lexicon, first_char_alternation, is_cjk, name_ok

FIELD_CHARS = 120
CONTINUATION_LINES = 6
LABEL_CHARS = 6
BYLINE_CHARS = 30
# What a byline holds before its school word: the rest of the school's name, no punctuation
BYLINE_HEAD = re.compile("[\u4e00-\u9fff \u3000]*")
NUMBERED = "一二三四五六七八九十"  # 三小, 一中
BYLINE_DATE = r"\d{4}(?:[.\-/年]\d{1,2}(?:[.\-/月]\d{1,2}日?|月)?)?"  # 2022.6, 2022年6月, 2022-06-30
# Official lists pad labels and two-character names to one width with spaces: 组  长：孙小明, 副组长：沈 伟
PAD = "[ \u3000]*"
PADS = " \u3000"
AUTHOR_HEAD_STOP = re.compile("[，。；：:！？]")  # a line of prose or a field ends the lines an author's name may sit among
AUTHOR_DATE = re.compile(rf"{PAD}{BYLINE_DATE}{PAD}")  # the closing date under a signature
AUTHOR_CHARS = 8  # an author's line: a name of up to four characters and the spaces padding it
# A field value ends at a clause end, or at the colon of the next label (组长：王建民，成员：李红)
VALUE_END = re.compile(r"[\n。；;:：]")
# The parts of a field value: what lies between separators; a bracketed role is a part of its own
# that names no one and is skipped (陈瑶（教导主任）赵伟 gives 陈瑶, 赵伟)
FIELD_PART = re.compile(r"[（(][^（）()\n]{0,12}[）)]|[^、，,；;。\s和与及（）()]+")
BRACKETS = "（("


def field_names(text: str, lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, name, role) of the names in field lines: 组长：王建民 / 副组长：谭x谢x / 成  员：沈 伟.

    A label the lexicon lists takes loose names (ambiguous surnames, dictionary names); a label
    only known by its ending (联络员：, 执教教师：) takes strict ones. Lines of names alone right
    after a field line continue it (成员：鲍胜荣  黄昌强 / 朱静杰).
    """
    out, taken = [], set()
    labels = list(_field_regex(lex.field_labels).finditer(text))
    for m, nxt in zip(labels, labels[1:] + [None]):
        role = "".join(m.group(0)[:-1].split())
        # 组长：陈衍副组长：吴志进: a value ends where the next label starts
        out += _field_value(text, m.end(), role, lex, strict=False, limit=nxt.start() if nxt else len(text))
        taken.add(m.end())
    for m in _suffix_regex(lex.field_suffixes).finditer(text):
        role = _suffix_label(text, m)
        if m.end() not in taken and role and not role.endswith(lex.students):
            out += _field_value(text, m.end(), role, lex, strict=True)
    return out


def _field_value(text: str, s: int, role: str, lex: Lexicon, strict: bool,
                 limit: int | None = None) -> list[tuple[int, int, str, str]]:
    """The names of the value starting at s (and ending by limit), and of the lines of names that continue it."""
    # a field value is short: bounding the search keeps one 200,000-character line linear
    m = VALUE_END.search(text, s, s + FIELD_CHARS)
    e = min(m.start() if m else min(len(text), s + FIELD_CHARS), len(text) if limit is None else limit)
    close = _bracket_close(text, s, e)
    if close >= 0:
        return [(a, b, n, role) for a, b, n in _value_names(text, s, close, lex, strict)[0]]
    names, _ = _value_names(text, s, e, lex, strict)
    lines = 0
    while names and lines < CONTINUATION_LINES and text.startswith("\n", e):
        nl = text.find("\n", e + 1, e + 1 + FIELD_CHARS)
        line_end = nl if nl >= 0 else min(len(text), e + 1 + FIELD_CHARS)
        more, unnamed = _value_names(text, e + 1, line_end, lex, strict=True)
        if unnamed or not more or (nl < 0 and line_end < len(text)):
            break  # 朱静杰 alone on a line continues the list; （二）组织实施 ends it
        names += more
        e, lines = line_end, lines + 1
    return [(a, b, n, role) for a, b, n in names]


def _bracket_close(text: str, s: int, e: int) -> int:
    """Where a field inside brackets closes (马梦瑶（指导教师：汪若冰）获一等奖), or -1: its value ends there."""
    i = s
    while i > 0 and text[i - 1] not in "（(\n" and s - i < LABEL_CHARS + 2:
        i -= 1
    if i == 0 or text[i - 1] not in "（(":
        return -1
    return min((k for k in (text.find("）", s, e), text.find(")", s, e)) if k >= 0), default=-1)


def _value_names(text: str, a: int, b: int, lex: Lexicon, strict: bool) -> tuple[list[tuple[int, int, str]], int]:
    """(start, end, name) of the names in text[a:b], and how many of its parts hold none.

    A one-character part and the part after it, apart only by spaces, are one padded name (沈 伟).
    """
    parts = [(m.start(), m.group()) for m in FIELD_PART.finditer(text, a, b) if m.group()[0] not in BRACKETS]
    out, unnamed, k = [], 0, 0
    while k < len(parts):
        start, s = parts[k]
        if len(s) == 1 and k + 1 < len(parts):
            after, t = parts[k + 1]
            if len(t) <= 2 and text[start + 1:after].isspace() and name_ok(s + t, lex, not strict, strict):
                out.append((start, after + len(t), s + t))
                k += 2
                continue
        found = _split_glued(s, lex, strict)
        out += [(start + i, start + i + len(n), n) for i, n in found]
        unnamed += not found
        k += 1
    return out, unnamed


def _split_glued(s: str, lex: Lexicon, strict: bool = False) -> list[tuple[int, str]]:
    """One field value as names: 王建民, or two glued ones (汪智源唐爱民, 谭x谢x)."""
    if name_ok(s, lex, not strict, strict):
        return [(0, s)]
    for k in range(2, len(s) - 1):
        if len(s) <= 6 and name_ok(s[:k], lex, not strict, strict) and name_ok(s[k:], lex, not strict, strict):
            return [(0, s[:k]), (k, s[k:])]
    return []


@functools.cache
def _field_regex(labels: tuple) -> re.Pattern:
    """A field label and its colon (组长：), or a person label and 为/是 (执教者为刘倩倩); one character follows the label.

    Alignment spaces may pad the label (组  长：). Each alternative opens with a literal, so the
    regex engine skips ahead on their first characters.
    """
    people = [t for t in labels if t.endswith(("人", "者", "师", "长"))]
    return re.compile(first_char_alternation(list(labels) + people,
                                             [PAD + "[:：]"] * len(labels) + ["(?:为|是)"] * len(people), PAD))


@functools.cache
def _suffix_regex(suffixes: tuple) -> re.Pattern:
    """The end of a person label and its colon (联络员：, 执教教师：, 成  员：)."""
    return re.compile(first_char_alternation(list(suffixes), [PAD + "[:：]"] * len(suffixes), PAD))


def _suffix_label(text: str, m: re.Match) -> str:
    """The whole label whose ending m matched (信息联络员 for 员：), spaces removed; '' when it is too long.

    The label runs back over ideographs to a line start, a space or punctuation; alignment spaces
    are crossed only between single characters (成  员：, 副 组 长：), never into a word (王明  联络员：).
    """
    i, k = m.start(), 0
    while i > 0 and k < LABEL_CHARS:
        j = i
        while j > 0 and i - j < LABEL_CHARS and text[j - 1] in PADS:
            j -= 1
        if j == 0 or not is_cjk(text[j - 1]) or (j < i and j > 1 and is_cjk(text[j - 2])):
            break
        i, k = j - 1, k + 1
    if k >= LABEL_CHARS and i > 0 and is_cjk(text[i - 1]):
        return ""  # 学校成立了教研工作领导小组成员： is a sentence, not a label
    return "".join(text[i:m.end()].split()).rstrip(":：")


def byline_names(text: str, lex: Lexicon) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, None) of authors named after their school at the end of a short line (习酒镇中心小学钟明书)."""
    out = []
    for m in _byline_regex(lex.byline_orgs).finditer(text):
        line_start = text.rfind("\n", max(0, m.start() - BYLINE_CHARS), m.start()) + 1
        if m.start() - line_start > BYLINE_CHARS or not BYLINE_HEAD.fullmatch(text, line_start, m.start()):
            continue  # a sentence that happens to end in 学校 + two characters, not a byline
        if text[m.start() + 1] in " \u3000" and text[m.start() - 1:m.start()] not in NUMBERED:
            continue  # 小/中 alone ends a school's short name only after its number: 丽华三小 丁红枫
        name = m.group(1)
        if name_ok(name, lex):
            out.append((m.start(1), m.end(1), name, None))
    return out


def author_names(text: str, lex: Lexicon) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, None) of an author's name alone on a line (梁晓华, 梁 晓 华).

    The line is among the first three, under nothing but title-like lines (城南小学化学组),
    or it signs the document: the last line, or the one before a closing date.
    """
    lines, a = [], 0
    while len(lines) < 3 and a <= len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        lines.append((a, b))
        if AUTHOR_HEAD_STOP.search(text, a, b) or b - a > BYLINE_CHARS:
            break
        a = b + 1
    last = text.rfind("\n") + 1
    lines.append((last, len(text)))
    if last and AUTHOR_DATE.fullmatch(text, last):
        lines.append((text.rfind("\n", 0, last - 1) + 1, last - 1))
    out = []
    for a, b in sorted(set(lines)):
        name = "".join(text[a:b].split()) if b - a <= AUTHOR_CHARS else ""  # 梁 晓 华
        if name and b - a <= 2 * len(name) and name_ok(name, lex):
            out.append((a, b, name, None))
    return out


@functools.cache
def _byline_regex(orgs: tuple) -> re.Pattern:
    """A school or office word, then a name that ends its line (…中心小学钟明书, …教研室 王明), maybe dated.

    A numbered school's short name (丽华三小, 实验一中) needs a space before the name: `三小丁红枫` is no byline.
    """
    # a bare 小/中 (丽华三小) is the short name's end; byline_names checks the numeral before it. It joins
    # the org words' alternation by first character, which keeps sre's skip to those characters.
    words = list(orgs) + ["小", "中"]
    orgs = first_char_alternation(words, [""] * len(orgs) + ["(?=[ \u3000])"] * 2)
    return re.compile(f"(?:{orgs}){PAD}([\u4e00-\u9fff]{{2,4}})(?:[ \u3000]*{BYLINE_DATE})?{PAD}$", re.M)
