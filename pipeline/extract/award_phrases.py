"""The award lexicon and the phrase reading ranks and titles share: span start, recipient, plan, entity."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .levels import PATTERNS, Levels, level_of, load_levels
from .spans import CLAUSE_STOPS, SENT_RE, YEARS, alt, clause_end, clause_start

SPAN_STOPS = CLAUSE_STOPS.translate({ord(c): None for c in "（）()"})  # 实践活动（NOC）一等奖
# a list separator right after one of these closes the previous award: 一等奖5名、二等奖12名
LIST_CLOSERS = frozenset("奖号名件个人项篇次份位幅0123456789")
QUOTES = "“”‘’\"'「」『』《》"
PAIRS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
CLOSING = frozenset(PAIRS.values())
WINDOW = 30  # chars scanned back from a rank for its event: award phrases are short


@dataclass(frozen=True)
class Lexicon:
    """Award words from models/patterns/awards.json, with the literal alternations built from them."""

    d: dict  # the JSON as read
    levels: Levels
    verbs: dict  # last character -> the win verbs ending in it, longest first
    trim_re: re.Pattern  # adverbs around a recipient: 因此, 其中
    lead_re: re.Pattern  # the same adverbs opening an award phrase
    place_re: re.Pattern  # 第一名, 冠军
    trigger_re: re.Pattern  # 被评为, 荣获, 成为, 为
    strong: frozenset  # the strong title triggers
    endings: tuple
    suffixes: tuple
    events: tuple
    # one search instead of testing each word: any_re finds any of a list, back_re any reversed
    plan_re: re.Pattern
    cue_re: re.Pattern
    suffix_re: re.Pattern
    judged_re: re.Pattern
    event_re: re.Pattern
    event_back_re: re.Pattern
    ending_back_re: re.Pattern


def _any_re(words, reverse: bool = False) -> re.Pattern:
    """A pattern finding any of the words (reversed when `reverse`); it never matches when there are none."""
    return re.compile(alt(w[::-1] if reverse else w for w in words) or "(?!)")


def last_end(back: re.Pattern, s: str, default: int) -> int:
    """max(s.rfind(w) + len(w)) over the words of `back` found in s: its first match in s reversed."""
    m = back.search(s[::-1])
    return len(s) - m.start() if m else default


def _longest_first(words) -> tuple:
    """Distinct words, longest first (then in code-point order: the same on every run)."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@functools.cache
def load_lexicon(folder: str = str(PATTERNS)) -> Lexicon:
    """Read the award lexicon (awards.json, levels.json) once per process."""
    d = json.loads((Path(folder) / "awards.json").read_text(encoding="utf-8"))
    t, verbs, trim = d["title_triggers"], _longest_first(d["win_verbs"]), alt(d["recipient_trim"])
    return Lexicon(
        d, load_levels(folder), {c: tuple(v for v in verbs if v[-1] == c) for c in {v[-1] for v in verbs}},
        re.compile(f"(?:{trim})+$|^(?:{trim})+"), re.compile(f"(?:{trim})+"),
        re.compile(alt(list(d["places"]) + list(d["medals"]))),
        re.compile(alt(t["strong"] + t["weak"] + ["成为", "为"])), frozenset(t["strong"]),
        _longest_first(d["title_endings"]), _longest_first(d["title_suffixes"]), _longest_first(d["event_words"]),
        _any_re(d["plan_cues"]), _any_re(d["title_cues"]), _any_re(d["title_suffixes"]), _any_re(t["judged"]),
        _any_re(d["event_words"]), _any_re(d["event_words"], True), _any_re(d["title_endings"], True),
    )


def verb_ending_at(text: str, end: int, lex: Lexicon) -> str | None:
    """The longest win verb (获得, 被评为) whose last character is text[end - 1]."""
    verbs = lex.verbs.get(text[end - 1]) if end >= 1 else None
    return next((v for v in verbs if end >= len(v) and text.startswith(v, end - len(v))), None) if verbs else None


def span_start(text: str, rs: int, floor: int, lex: Lexicon) -> tuple[int, str, int]:
    """Scan back from a rank to where its phrase starts: (start, what stopped us, verb start)."""
    k, lo = rs - 1, max(floor, rs - WINDOW)
    while k >= lo:
        v = verb_ending_at(text, k + 1, lex)
        if v:  # 获得区级……
            return k + 1, "verb", k + 1 - len(v)
        if text[k] == "了":  # 获得了区级……
            v = verb_ending_at(text, k, lex)
            return (k + 1, "verb", k - len(v)) if v else (k + 1, "punct", k + 1)
        if text[k] in SPAN_STOPS or text[k] == "奖":  # 奖 closes the prize before: 组织奖组织奖
            return k + 1, "punct", k + 1
        if text[k] in "、和及与" and k > 0 and text[k - 1] in LIST_CLOSERS:
            return k + 1, "list", k + 1
        k -= 1
    if rs - WINDOW > floor:
        return rs, "none", rs  # no clause start near: keep the rank alone
    return (floor, "list", floor) if floor else (0, "punct", 0)


# prizes a contest offers, listed after 设: 比赛设了十佳奖、一等奖和二等奖 (the list runs up to the award)
_RE_OFFERED = re.compile(r"设[了立置有]?(?:[^，。；：、和及与]{1,10}奖(?:[、和及与]|以及))*$")


def is_plan(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the sentence before an award speaks of aims or rules: 力争获一等奖, 设一等奖3名, 设了十佳奖、一等奖."""
    lo = clause_start(text, start, 30, SENT_RE)
    window = text[lo:clause_end(text, end, 12)]  # 获奖的教师给予奖励
    return lex.plan_re.search(window) is not None or _RE_OFFERED.search(text, lo, start) is not None


def strip_level(s: str, lex: Lexicon) -> str:
    """Drop level words and particles from both ends of an event: 区级演讲比赛 → 演讲比赛."""
    lv, s = lex.levels, clean(s)
    for _ in range(2):  # 江苏省……比赛 drops 江苏 and 省
        if s[:1] in lv.firsts:  # a cue can open s only with one of its first characters
            s = s[next((n for n in (3, 2, 1) if s[:n] in lv.cues), 0):]
        if s[-1:] in lv.lasts:  # a one-character cue never closes an event: 健康促进学校 keeps its 校
            s = s[:len(s) - next((n for n in (3, 2) if len(s) >= n and s[-n:] in lv.cues), 0)]
    return clean(s.lstrip("里级"))


def clean(s: str) -> str:
    """Trim particles, spaces, list commas and unpaired quotes from both ends: “希望杯”全国数学邀请赛 keeps its pair."""
    s = s.strip("的 、，")
    while s and s[0] in QUOTES and not _paired(s, 0):
        s = s[1:].strip("的 ")
    while s and s[-1] in QUOTES and not _paired(s, len(s) - 1):
        s = s[:-1].strip("的 ")
    return s


def _paired(s: str, i: int) -> bool:
    """True when the quote at s[i] has its partner inside s (“…” or 《…》)."""
    if s[i] in PAIRS:
        return PAIRS[s[i]] in s[i + 1:]
    opener = next((o for o, c in PAIRS.items() if c == s[i]), None)
    return opener is not None and opener in s[:i]


# a time phrase at either end of a recipient (2017年以来, 化学教研组还在2019年), and a bare count of
# entries, which says how many won but not who (36篇, 论文、教案等共有6篇)
_YEAR_LIST = rf"(?:{YEARS}[、和]?)+"  # 2019年, 20xx年、20xx年
_RE_WHEN = re.compile(rf"^{_YEAR_LIST}(?:以来|来)?|(?:还?在)?{_YEAR_LIST}(?:以来)?$")
_RE_ENTRIES = re.compile(r".{0,12}?[0-9一二三四五六七八九十两]+[篇件项幅份]")


def recipient_before(text: str, verb_start: int, lex: Lexicon) -> str | None:
    """Who won: the words between the clause start and the verb (房玉、臧海霞获得…)."""
    s = text[clause_start(text, verb_start, 40):verb_start]
    j = max(s.rfind("中"), s.rfind("上"))
    if j > 0 and lex.event_re.search(s, 0, j):  # 在……比赛中王老师获 → 王老师
        s = s[j + 1:]
    for c in "《被":  # 杨骁同学的《孩童吸汗贴》, 王老师被区教育局 → 杨骁同学, 王老师
        s = s[:s.find(c)].rstrip("的") if c in s else s
    for _ in range(2):  # 远安一高因此, 其中王老师 → the name alone; 2017年以来共计, 还在2019年: when, not who
        s = _RE_WHEN.sub("", lex.trim_re.sub("", s)).strip(QUOTES)
    return s if 1 <= len(s) <= 20 and not _RE_ENTRIES.fullmatch(s) else None


def entity(text: str, start: int, end: int, rank, event, recipient, lex: Lexicon, given=None) -> dict:
    """One award dict; level from the phrase itself, else from its event as written, else as given."""
    start, end = paired_span(text, start, end)
    level = level_of(text[start:end], lex.levels) or level_of(event, lex.levels) or given
    return {"type": "award", "start": start, "end": end, "text": text[start:end], "rank": rank,
            "level": level, "event": strip_level(event, lex) or None if event else None, "recipient": recipient}


def trim_lead(text: str, start: int, limit: int) -> int:
    """Skip particles and the copula a phrase may open with: 了, 过, 的, 是 (颁发的是“……奖”)."""
    while start < limit and text[start] in "了过的是 ":
        start += 1
    return start


def paired_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span whose quotes pair up: ”“特别贡献奖 → “特别贡献奖”, and “发表论文奖 takes the ” right after it."""
    if start < end - 1 and text[start] in CLOSING:
        start += 1  # the end of the quote before: 分为“A奖”“B优秀奖”
    close = PAIRS.get(text[start]) if start < end else None
    if close and close not in text[start + 1:end]:
        if text[end:end + 1] == close:
            end += 1
        else:
            start += 1  # “教育教学竞赛奖的获得者 has no partner near: drop the opener
    return start, end


# who ran the contest, earlier in the sentence: 在XX市教育局组织的…考评中, 由安徽省教育厅主办的…
_RE_ORGANISER = re.compile(r"[^，。；！？]{0,12}?(?:教育局|教育厅|教育部|教研室|教体局|教科所|教委|教育委员会|进修学校|政府)"
                           r"(?=(?:联合)?(?:组织|主办|举办|承办|开展))")


# … or the event the winner took part in: 参加…浙江省…省级培训，并获优秀学员荣誉称号
_RE_TOOK_PART = re.compile(r"参加[^，。；！？]{2,40}")


def organiser_level(text: str, start: int, lex: Lexicon) -> str | None:
    """The level of the office that ran the contest an award was won in, or of the event taken part
    in, named before the award in its sentence."""
    lo = clause_start(text, start, 80, SENT_RE)
    before = text[lo:start]
    if not any(w in before for w in ("组织", "办", "开展", "参加")):
        return None  # nearly every sentence: no organiser or event named
    found = sorted((m.start(), m.group()) for r in (_RE_ORGANISER, _RE_TOOK_PART) for m in r.finditer(text, lo, start))
    levels = (level_of(phrase, lex.levels) for _, phrase in reversed(found))  # the nearest first
    return next((lv for lv in levels if lv), None)


def giver_level(text: str, verb_start: int, verb: str, lex: Lexicon) -> str | None:
    """The level of whoever confers: 教育部为……颁发 → national, 被区教育局评为 / 被xx市评为 → municipal."""
    clause = text[clause_start(text, verb_start, 30):verb_start]
    if verb not in lex.d["giver_verbs"]:
        j = clause.rfind("被")
        clause = clause[j + 1:] if j >= 0 else ""
    body = clause.removesuffix("里")  # 被市里评为
    if any(c in clause for c in "局委厅部府会室所院") or body[-1:] in "省市区县州":
        return level_of(clause, lex.levels)
    return None
