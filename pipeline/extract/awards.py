"""Award entities (SPEC §4): prizes and honour titles won or given, with rank, level and event."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import MODELS

PATTERNS = MODELS / "patterns"  # ExtractConfig.patterns; a finder's `patterns` argument overrides it
CLAUSE_STOPS = "，。；：！？,;:!?\n\r\t （）()【】[]<>「」…"
SENT_STOPS = "。；！？;!?\n"
SPAN_STOPS = CLAUSE_STOPS.translate({ord(c): None for c in "（）()"})  # 实践活动（NOC）一等奖
CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_STOPS) + "]")
SENT_RE = re.compile("[" + re.escape(SENT_STOPS) + "]")
# a list separator right after one of these closes the previous award: 一等奖5名、二等奖12名
LIST_CLOSERS = frozenset("奖号名件个人项篇次份位幅0123456789")
# the characters _items acts on: quotes, clause stops, list separators
ITEM_MARKS = re.compile("[" + re.escape("“‘「”’」、和及与" + CLAUSE_STOPS) + "]")
COUNTED_RE = re.compile("[0-9]+[名个份件篇人项位所]")
QUOTES = "“”‘’\"'「」『』《》"
WINDOW = 30  # chars scanned back from a rank for its event: award phrases are short
TITLE_SPAN = 60  # chars after a trigger (被评为, 荣获) read as a list of titles


@dataclass(frozen=True)
class Levels:
    """Level cues (全国 → national) and stop words that only contain a cue (学校, 社区)."""

    cues: dict
    cue_re: re.Pattern
    stop_re: re.Pattern
    firsts: frozenset  # first and last characters of the cues: most strings open and end with neither
    lasts: frozenset


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


def _alt(words) -> str:
    """A regex alternation of literals, longest first (linear: no quantifiers)."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def _any_re(words, reverse: bool = False) -> re.Pattern:
    """A pattern finding any of the words (reversed when `reverse`); it never matches when there are none."""
    return re.compile(_alt(w[::-1] if reverse else w for w in words) or "(?!)")


def _last_end(back: re.Pattern, s: str, default: int) -> int:
    """max(s.rfind(w) + len(w)) over the words of `back` found in s: its first match in s reversed."""
    m = back.search(s[::-1])
    return len(s) - m.start() if m else default


def _longest_first(words) -> tuple:
    """Distinct words, longest first (then in code-point order: the same on every run)."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@functools.cache
def load_levels(folder: str = str(PATTERNS)) -> Levels:
    """Read the level lexicon (levels.json) once per process."""
    d = json.loads((Path(folder) / "levels.json").read_text(encoding="utf-8"))
    cues = d["cues"]
    return Levels(cues, re.compile(_alt(cues)), re.compile(_alt(d["stop"])),
                  frozenset(c[0] for c in cues if c), frozenset(c[-1] for c in cues if c))


@functools.cache
def load_lexicon(folder: str = str(PATTERNS)) -> Lexicon:
    """Read the award lexicon (awards.json, levels.json) once per process."""
    d = json.loads((Path(folder) / "awards.json").read_text(encoding="utf-8"))
    t, verbs, trim = d["title_triggers"], _longest_first(d["win_verbs"]), _alt(d["recipient_trim"])
    return Lexicon(
        d, load_levels(folder), {c: tuple(v for v in verbs if v[-1] == c) for c in {v[-1] for v in verbs}},
        re.compile(f"(?:{trim})+$|^(?:{trim})+"), re.compile(f"(?:{trim})+"),
        re.compile(_alt(list(d["places"]) + list(d["medals"]))),
        re.compile(_alt(t["strong"] + t["weak"] + ["成为", "为"])), frozenset(t["strong"]),
        _longest_first(d["title_endings"]), _longest_first(d["title_suffixes"]), _longest_first(d["event_words"]),
        _any_re(d["plan_cues"]), _any_re(d["title_cues"]), _any_re(d["title_suffixes"]), _any_re(t["judged"]),
        _any_re(d["event_words"]), _any_re(d["event_words"], True), _any_re(d["title_endings"], True),
    )


def level_of(s: str | None, lv: Levels | None = None) -> str | None:
    """The level named by the cue closest to the end of s (扬州市一等奖 → municipal), or None."""
    if not s:
        return None
    lv = lv or load_levels()
    cues = list(lv.cue_re.finditer(s))
    if not cues:
        return None  # most strings name no level: no need to look for stop words
    stops = [m.span() for m in lv.stop_re.finditer(s)]
    found = None
    for m in cues:  # a longer cue wins over a stop word: 校本课题 → school
        if not any(a <= m.start() and m.end() <= b for a, b in stops):
            found = lv.cues[m.group()]
    return found


def char_offsets(text: str, chars: str) -> list[int]:
    """Offsets of every occurrence of any of the chars, in order: a str.find loop per character
    outruns a character-class regex, which tests each character of the text in turn."""
    found = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    return sorted(found)


def clause_start(text: str, pos: int, n: int, stops: re.Pattern = CLAUSE_RE) -> int:
    """Start of the clause (or sentence) holding pos, looking back at most n chars (stops: single characters)."""
    lo = pos - n if pos > n else 0
    m = stops.search(text[lo:pos][::-1])  # stops are single characters: the first one in the reversed window
    return pos - m.start() if m else lo


def clause_end(text: str, pos: int, n: int, stops: re.Pattern = CLAUSE_RE) -> int:
    """End of the clause (or sentence) holding pos, looking ahead at most n chars."""
    m = stops.search(text, pos, min(len(text), pos + n))
    return m.start() if m else min(len(text), pos + n)


def _verb_ending_at(text: str, end: int, lex: Lexicon) -> str | None:
    """The longest win verb (获得, 被评为) whose last character is text[end - 1]."""
    verbs = lex.verbs.get(text[end - 1]) if end >= 1 else None
    return next((v for v in verbs if end >= len(v) and text.startswith(v, end - len(v))), None) if verbs else None


def _span_start(text: str, rs: int, floor: int, lex: Lexicon) -> tuple[int, str, int]:
    """Scan back from a rank to where its phrase starts: (start, what stopped us, verb start)."""
    k, lo = rs - 1, max(floor, rs - WINDOW)
    while k >= lo:
        v = _verb_ending_at(text, k + 1, lex)
        if v:  # 获得区级……
            return k + 1, "verb", k + 1 - len(v)
        if text[k] == "了":  # 获得了区级……
            v = _verb_ending_at(text, k, lex)
            return (k + 1, "verb", k - len(v)) if v else (k + 1, "punct", k + 1)
        if text[k] in SPAN_STOPS or text[k] == "奖":  # 奖 closes the prize before: 组织奖组织奖
            return k + 1, "punct", k + 1
        if text[k] in "、和及与" and k > 0 and text[k - 1] in LIST_CLOSERS:
            return k + 1, "list", k + 1
        k -= 1
    if rs - WINDOW > floor:
        return rs, "none", rs  # no clause start near: keep the rank alone
    return (floor, "list", floor) if floor else (0, "punct", 0)


def _grades(text: str, i: int, lex: Lexicon) -> tuple[int, list[str]]:
    """Grades written before 等奖 at i (一、二、三等奖 → three), and where they start."""
    grades, k, found = lex.d["grades"], i - 1, []
    while k >= 0 and i - k <= 12:
        ch = text[k]
        if ch in grades and not (ch.isdigit() and found):
            found.append(grades[ch])
            if ch.isdigit():  # 1等奖: Arabic grades never come in lists
                k -= 1
                break
        elif not (found and ch in "、，,和及与" and k > 0 and text[k - 1] in grades):
            break
        k -= 1
    return k + 1, found[::-1]


def _rank_anchors(text: str, lex: Lexicon):
    """Yield (start, end, ranks, needs a verb) for every prize word: 一等奖, 优秀奖, 第一名, 组织奖."""
    d, i = lex.d, text.find("奖")
    while i >= 0:
        after, before = text[i + 1:i + 2], text[i - 1:i]
        if after and after in d["not_after_jiang"] or not before:
            pass
        elif before == "等":
            gs, ranks = _grades(text, i - 1, lex)
            if ranks:
                yield gs, i + 1, ranks, False
        elif named := next((w for w in (text[i - 2:i + 1], text[i - 1:i + 1]) if w in d["named_ranks"]), None):
            yield i + 1 - len(named), i + 1, [d["named_ranks"][named]], False
        elif before not in d["not_before_jiang"] and before not in CLAUSE_STOPS and before != "奖":
            yield i, i + 1, [None], True  # 优秀组织奖, 县优质课奖: the name is found by scanning back
        i = text.find("奖", i + 1)
    for m in lex.place_re.finditer(text):
        rank = d["places"].get(m.group())
        yield m.start(), m.end(), [rank or d["medals"][m.group()]], rank is None
    for m in re.finditer("第[一二三]", text):  # 获得第二的好成绩
        if text[m.end():m.end() + 1] != "名" and _verb_ending_at(text, m.start(), lex):
            yield m.start(), m.end(), [m.group() + "名"], False


def _is_plan(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the sentence before an award speaks of aims or rules: 力争获一等奖, 设一等奖3名."""
    window = text[clause_start(text, start, 30, SENT_RE):clause_end(text, end, 12)]  # 获奖的教师给予奖励
    return lex.plan_re.search(window) is not None


def _strip_level(s: str, lex: Lexicon) -> str:
    """Drop level words and particles from both ends of an event: 区级演讲比赛 → 演讲比赛."""
    lv, s = lex.levels, _clean(s)
    for _ in range(2):  # 江苏省……比赛 drops 江苏 and 省
        if s[:1] in lv.firsts:  # a cue can open s only with one of its first characters
            s = s[next((n for n in (3, 2, 1) if s[:n] in lv.cues), 0):]
        if s[-1:] in lv.lasts:
            s = s[:len(s) - next((n for n in (3, 2, 1) if len(s) >= n and s[-n:] in lv.cues), 0)]
    return _clean(s.lstrip("里级"))


def _clean(s: str) -> str:
    """Trim particles, spaces and unpaired quotes from both ends: “希望杯”全国数学邀请赛 keeps its pair."""
    s = s.strip("的 ")
    while s and s[0] in QUOTES and not _paired(s, 0):
        s = s[1:].strip("的 ")
    while s and s[-1] in QUOTES and not _paired(s, len(s) - 1):
        s = s[:-1].strip("的 ")
    return s


def _paired(s: str, i: int) -> bool:
    """True when the quote at s[i] has its partner inside s (“…” or 《…》)."""
    pairs = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
    if s[i] in pairs:
        return pairs[s[i]] in s[i + 1:]
    opener = next((o for o, c in pairs.items() if c == s[i]), None)
    return opener is not None and opener in s[:i]


def _event(body: str, lex: Lexicon) -> str | None:
    """The competition named in an award phrase, up to its last event word (level kept)."""
    s = _clean(body)
    cut = _last_end(lex.event_back_re, s, -1)
    if cut < 0 and body[:1] not in QUOTES:
        return None  # 团体二等奖, 个人一等奖 name a category, not the competition
    s = s[:cut] if cut > 0 else s
    return s if len(_strip_level(s, lex)) >= 2 else None


def _context_event(text: str, start: int, lex: Lexicon) -> str | None:
    """The competition named earlier in the sentence: 在县……比赛活动中，杨骁……获一等奖 (with level)."""
    seg = text[clause_start(text, start, 150, SENT_RE):start]
    if not lex.event_re.search(seg):
        return None  # no event word: nothing below can match
    best, opened = -1, -1
    for w in lex.events:
        j = seg.rfind(w)
        while j >= 0:
            rest = seg[j + len(w):].lstrip("”’》")  # 参加“……技能比赛”荣获小学组二等奖
            nxt = rest[:1]
            if nxt in ("中", "上", "里", "") or rest.startswith(("荣获", "获得", "获", "喜获", "夺得", "摘得")):
                best = max(best, len(seg) - len(rest))
                break
            if nxt == "，" and _opener_end(seg[:j], lex) >= 0:  # 开展了自制课件评比活动，评出……
                opened = max(opened, j + len(w))
                break
            j = seg.rfind(w, 0, j)
    head = seg[:best if best >= 0 else opened]
    if best < 0 and opened < 0:
        return None
    k = clause_start(head, len(head), len(head))
    k = max(k, _opener_end(head[k:], lex) + k)
    if "”" in head[k:] and "“" not in head[k:head.find("”", k)]:  # “一师一优课，一课一名师”讲课比赛
        k = max(head.rfind("“", 0, k), 0)
    ev = head[k:]
    ev = next((ev[len(w):] for w in lex.d["time_words"] if ev.startswith(w)), ev)  # 本期郑州市…大赛
    return _clean(ev) or None


def _opener_end(clause: str, lex: Lexicon) -> int:
    """End of the word that opens an event in a clause: 在, else 参加/开展了 (not 组织的), or -1."""
    k = clause_start(clause, len(clause), len(clause))
    j = clause.find("在", k)
    if j >= 0:
        return j + 1
    ends = [clause.rfind(w, k) + len(w) for w in lex.d["event_openers"] if clause.rfind(w, k) >= 0]
    return max((e for e in ends if clause[e:e + 1] != "的"), default=-1)


def _recipient(text: str, verb_start: int, lex: Lexicon) -> str | None:
    """Who won: the words between the clause start and the verb (房玉、臧海霞获得…)."""
    s = text[clause_start(text, verb_start, 40):verb_start]
    j = max(s.rfind("中"), s.rfind("上"))
    if j > 0 and lex.event_re.search(s, 0, j):  # 在……比赛中王老师获 → 王老师
        s = s[j + 1:]
    for c in "《被":  # 杨骁同学的《孩童吸汗贴》, 王老师被区教育局 → 杨骁同学, 王老师
        s = s[:s.find(c)].rstrip("的") if c in s else s
    s = lex.trim_re.sub("", s).strip(QUOTES)  # 远安一高因此, 其中王老师 → the name alone
    return s if 1 <= len(s) <= 20 else None


def _entity(text: str, start: int, end: int, rank, event, recipient, lex: Lexicon, given=None) -> dict:
    """One award dict; level from the phrase itself, else from its event as written, else as given."""
    level = level_of(text[start:end], lex.levels) or level_of(event, lex.levels) or given
    return {"type": "award", "start": start, "end": end, "text": text[start:end], "rank": rank,
            "level": level, "event": _strip_level(event, lex) or None if event else None, "recipient": recipient}


def _respective_starts(text: str, start: int, rs: int, vstart: int) -> list[int]:
    """分获区级数学、英语赛课一等奖 is one award per event listed: where each starts."""
    if text[max(0, vstart - 2):vstart] != "分别" and not text.startswith("分获", vstart):
        return [start]
    return [start] + [j + 1 for j in range(start, rs) if text[j] == "、"]


def _rank_awards(text: str, lex: Lexicon) -> list[dict]:
    """Awards anchored on a prize word, with the level and event words before it."""
    out, floor = [], 0
    for rs, re_, ranks, needs_verb in sorted(_rank_anchors(text, lex), key=lambda a: a[0]):
        if rs < floor:
            continue
        start, kind, vstart = _span_start(text, rs, floor, lex)
        start = _trim_lead(text, start, rs)
        lead = lex.lead_re.match(text, start, rs)  # 其中一等奖3件 → 一等奖
        start = lead.end() if lead else start
        named = ranks == [None]
        if needs_verb and (kind not in ("verb", "list") or named and not 3 <= re_ - start <= 20):
            continue  # a bare …奖 needs 获/荣获 before it: 获优秀组织奖, not 奖惩条例
        if _is_plan(text, start, re_, lex):
            continue
        if named:  # a named prize keeps a grade it states: 特等组织奖 → 特等奖
            j = text.find("等", start, re_)
            ranks = [lex.d["grades"].get(text[j - 1]) if j > start else None]
        givers = lex.d["giver_verbs"]
        who = _recipient(text, vstart, lex) if kind == "verb" and text[vstart:start] not in givers else None
        for s in _respective_starts(text, start, rs, vstart) if kind == "verb" else [start]:
            event = None if named else _event(text[s:rs], lex)
            if not event or not lex.event_re.search(event):  # “五小作品”一等奖: the 比赛 is named before
                event = _context_event(text, s, lex) or event
            # 一二等奖 is two awards; the later ones start at their grade so spans stay distinct
            starts = [s] + [p for p in range(rs, re_ - 2) if text[p] in lex.d["grades"]][1:]
            shared = level_of(text[start:re_], lex.levels)  # 分获区级数学、英语赛课一等奖: both district
            out += [_entity(text, a, re_, r, event, who, lex, shared) for a, r in zip(starts, ranks)]
        floor = re_
    return out


def _won_in_event(text: str, lex: Lexicon) -> list[dict]:
    """在全市中学生英语模仿秀比赛中获奖: a prize without a grade in a named competition."""
    out, i = [], text.find("中获奖")
    while i >= 0:
        k = text.rfind("在", clause_start(text, i, 40, SENT_RE), i)
        event = text[k + 1:i] if k >= 0 else ""
        core = _strip_level(event, lex)
        for w in lex.events + ("以上", "各级", "各类", "各项", "各种"):
            core = core.replace(w, "")
        if len(core) >= 2 and event != core and not _is_plan(text, k + 1, i + 3, lex):  # not 在各级比赛中获奖
            out.append(_entity(text, k + 1, i + 3, None, event, None, lex))
        i = text.find("中获奖", i + 3)
    return out


def _trim_lead(text: str, start: int, limit: int) -> int:
    """Skip particles a phrase may open with: 了, 过, 的."""
    while start < limit and text[start] in "了过的 ":
        start += 1
    return start


def _items(text: str, pos: int, lex: Lexicon) -> list[tuple[int, int, bool]]:
    """Split what follows a trigger into (start, end, after a comma) items on 、 ， and 和 after a title."""
    items, start, quoted, comma = [], pos, False, False
    end = min(len(text), pos + TITLE_SPAN)
    for m in ITEM_MARKS.finditer(text, pos, end):  # other characters change nothing
        i, ch = m.start(), m.group()
        if ch in "“‘「”’」":
            quoted = ch in "“‘「"
        elif quoted:
            continue
        elif ch in "，,":
            items.append((start, i, comma))
            start, comma = i + 1, True
        elif ch in CLAUSE_STOPS:
            end = i
            break
        elif ch == "、" or ch in "和及与" and (text[i - 1] in "”号" or text[start:i].endswith(lex.endings)):
            items.append((start, i, comma))
            start = i + 1
    items.append((start, end, comma))
    return [it for it in items if it[1] > it[0]]


def _title_end(text: str, s: int, e: int, mode: str, lex: Lexicon) -> int | None:
    """Where an honour title in text[s:e] ends (after 称号 or a title noun), or None."""
    item = text[s:e]
    j = 0
    if lex.suffix_re.search(item, 1):  # the ordered scan below finds nothing without a suffix past the start
        j = next((item.find(w) + len(w) for w in lex.suffixes if item.find(w) > 0), 0)
    if j:  # “科研兴教先进单位”荣誉证书及奖牌 ends at 证书
        return s + j
    if "奖" in item[-2:] or "等奖" in item or item.strip(QUOTES) in lex.d["appraisals"]:
        return None  # prizes belong to _rank_awards; 考核被评为优秀 is a rating
    if item[:1] in "“‘「" and item.find("”") > 0 and mode != "weak":
        return s + item.find("”") + 1
    core = item.rstrip("”’」")  # 荣获20xx年度“教育教学先进单位”: the quote closes the title
    cut = _last_end(lex.ending_back_re, core, 0)
    cut = len(item) if cut == len(core) else cut
    has_cue = lex.cue_re.search(item if mode in ("tail", "strong") else item[:cut]) is not None
    if mode == "tail" or mode == "strong" and not cut:  # 评选出……为远安一高首届十大名师, 被评为全国文明校园
        return e if (cut == len(item) or has_cue) and len(item) <= 20 else None
    rest_ok = cut == len(item) or item.startswith(("称号", "荣誉", "等"), cut)
    if not cut or mode == "weak" and (not has_cue or not rest_ok):
        return None  # 获得骨干教师培训机会, 获得优秀教师的指导: no title conferred
    return s + cut


def _trigger_mode(text: str, m: re.Match, lex: Lexicon) -> str | None:
    """How sure a trigger is: strong 被评为, weak 荣获, level 成为, tail 为 after 评选/推荐."""
    g = m.group()
    if text[m.end():m.end() + 1] == "的":
        return None  # 对评选出的优秀论文: a relative clause, not a title conferred
    if g in lex.strong:
        return "strong"
    if g != "为":
        return "level" if g == "成为" else "weak"
    if text[m.start() - 1:m.start()] in "成评作认因行以称选":
        return None  # 成为, 评为, 作为, 认为: 为 ends a word here
    if not lex.judged_re.search(text, max(0, m.start() - 60), m.start()):
        return None  # the sentence read below lies inside these 60 characters
    before = text[clause_start(text, m.start(), 60, SENT_RE):m.start()]
    return "tail" if lex.judged_re.search(before) else None


def _title_awards(text: str, lex: Lexicon) -> list[dict]:
    """Honour titles after 被评为/荣获/授予: 市级骨干教师称号, “校本教研先进集体”荣誉称号."""
    out, done = [], 0
    for m in lex.trigger_re.finditer(text):
        p = m.start()
        if p < done:
            continue  # a trigger inside the list just read (获获获…) starts nothing new
        if m.group() == "为" and (text[p - 1:p] in "成评作认因行以称选"
                                 or not lex.judged_re.search(text, p - 60 if p > 60 else 0, p)):
            continue  # what _trigger_mode says of most 为 (成为 评为, no 评选 before), without the call
        mode = _trigger_mode(text, m, lex)
        if mode is None:
            continue
        items = _items(text, _trim_lead(text, m.end(), len(text)), lex)
        first = [it for it in items if not it[2]]
        if mode == "weak" and first and lex.suffix_re.search(text, first[-1][0], first[-1][1]):
            mode = "strong"  # 获得了“A”和“B”荣誉称号: the 称号 at the end covers every quoted item
        found = _read_titles(text, items, mode, lex)
        done = max(e for _, e in found) if found else max([e for _, e, c in items if not c] + [m.end()])
        if mode == "level" and not any(level_of(text[s:e], lex.levels) for s, e in found):
            continue  # 成为骨干教师 is an aim; 成为调兵山市20xx年度的文明单位 a title
        if found:
            who = None if m.group() in lex.d["giver_verbs"] else _recipient(text, m.start(), lex)
            given = _giver_level(text, m, lex)
            out += [_entity(text, s, e, "称号", None, who, lex, given) for s, e in found]
    return out


def _giver_level(text: str, m: re.Match, lex: Lexicon) -> str | None:
    """The level of whoever confers a title: 教育部为……颁发 → national, 被区教育局评为 → district."""
    clause = text[clause_start(text, m.start(), 30):m.start()]
    if m.group() not in lex.d["giver_verbs"]:
        j = clause.rfind("被")
        clause = clause[j + 1:] if j >= 0 else ""
    return level_of(clause, lex.levels) if any(c in clause for c in "局委厅部府会室所院") else None


def _read_titles(text: str, items: list, mode: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The title spans among a trigger's items; after a comma only whole titles go on (被评为A，B)."""
    found = []
    for s, e, comma in items:
        if comma and (mode == "weak" or lex.trigger_re.search(text, s, e)):
            break  # 被评为A，B，成为C: 成为 starts its own list
        n = COUNTED_RE.search(text, s + 1, e)  # 评出优秀作业50份 → 优秀作业
        e = n.start() if n else e
        j = text.rfind("为", s, e - 2)  # 杜庆联老师为远安一高首届十大名师 → the title after 为
        s = _trim_lead(text, j + 1 if j >= 0 and "“" not in text[s:j] else s, e)
        end = _title_end(text, s, e, mode, lex)
        ok = end is not None and 2 <= end - s <= 25 and not _is_plan(text, s, end, lex)
        if comma and (not ok or end != e or end - s > 15):
            break
        if ok:
            found.append((s, end))
    return found


def _suffixed_titles(text: str, taken: list[dict], lex: Lexicon) -> list[dict]:
    """…称号 in a later clause of a win: 荣获A，舟山市陶研、教科研双优单位称号 (when no trigger read it)."""
    out, i, spans = [], text.find("称号"), [(a["start"], a["end"]) for a in taken]
    while i >= 0:
        s, kind, _ = _span_start(text, i, 0, lex)
        s = _trim_lead(text, s, i)
        body = text[s:i].removesuffix("荣誉").removesuffix("光荣").rstrip("的")
        looks = lex.cue_re.search(body) or body.endswith(lex.endings) or body[-1:] in "”’"
        won = kind == "verb" or lex.trigger_re.search(text, clause_start(text, s, 60, SENT_RE), s)
        if looks and won and 2 <= len(body) <= 25 and not any(a < i + 2 and s < b for a, b in spans) \
                and not _is_plan(text, s, i + 2, lex):
            out.append(_entity(text, s, i + 2, "称号", None, None, lex))
        i = text.find("称号", i + 2)
    return out


def find_awards(text: str, patterns: str | None = None) -> list[dict]:
    """Every award won or given in one document's (simplified) text, in text order."""
    lex = load_lexicon(str(patterns or PATTERNS))
    titles = _title_awards(text, lex)
    found = _rank_awards(text, lex) + _won_in_event(text, lex) + titles + _suffixed_titles(text, titles, lex)
    seen, out = set(), []
    for a in sorted(found, key=lambda a: (a["start"], a["end"])):
        if (a["start"], a["end"], a["rank"]) not in seen:
            seen.add((a["start"], a["end"], a["rank"]))
            out.append(a)
    return out
