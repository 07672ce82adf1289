"""Award entities (SPEC §4): ranked prizes (一等奖, 优秀组织奖, 第一名); find_awards adds honour titles."""
from __future__ import annotations

import re

from .award_phrases import (QUOTES, Lexicon, clean, entity, giver_level, is_plan, last_end, load_lexicon,
                            organiser_level, recipient_before, span_start, strip_level, trim_lead, verb_ending_at)
from .levels import PATTERNS, level_of
from .spans import CLAUSE_STOPS, LIST_JOINERS, SENT_RE, clause_start
from .titles import commended_titles, suffixed_titles, title_awards


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
        if text[m.end():m.end() + 1] != "名" and verb_ending_at(text, m.start(), lex):
            yield m.start(), m.end(), [m.group() + "名"], False


def _event(body: str, lex: Lexicon) -> str | None:
    """The competition named in an award phrase, up to its last event word (level kept)."""
    s = clean(body)
    cut = last_end(lex.event_back_re, s, -1)
    if cut < 0 and body[:1] not in QUOTES:
        return None  # 团体二等奖, 个人一等奖 name a category, not the competition
    s = s[:cut] if cut > 0 else s
    return s if len(strip_level(s, lex)) >= 2 else None


def _context_event(text: str, start: int, lex: Lexicon) -> str | None:
    """The competition named earlier in the sentence: 在县……比赛活动中，杨骁……获一等奖 (with level)."""
    seg = _sentence_before(text, start)
    if not lex.event_re.search(seg):
        return None  # no event word: nothing below can match
    best, opened = -1, -1
    for w in lex.events:
        j = seg.rfind(w)
        while j >= 0:
            named = seg[j + len(w):].lstrip("”’》")  # 参加“……技能比赛”荣获小学组二等奖
            rest = _skip_aside(named)
            nxt = rest[:1]
            if nxt in ("中", "上", "里", "") or rest.startswith(("荣获", "获得", "获", "喜获", "夺得", "摘得")):
                best = max(best, len(seg) - len(named))
                break
            if nxt == "，" and _opener_end(seg[:j], lex) >= 0:  # 开展了自制课件评比活动，评出……
                opened = max(opened, j + len(w))
                break
            j = seg.rfind(w, 0, j)
    return _event_name(seg[:best if best >= 0 else opened], lex) if best >= 0 or opened >= 0 else None


def _event_name(head: str, lex: Lexicon) -> str | None:
    """The competition ending head, from its opener (在, 参加) on: no time word, lead-in or award before it."""
    k = clause_start(head, len(head), len(head))
    k = max(k, _opener_end(head[k:], lex) + k)
    if "”" in head[k:] and "“" not in head[k:head.find("”", k)]:  # “一师一优课，一课一名师”讲课比赛
        k = max(head.rfind("“", 0, k), 0)
    j = head.rfind("奖、", k)  # ……获A节目一等奖、学生综合实践展示获得市一等奖: the event starts after the award before
    ev = head[max(k, j + 2 if j >= 0 else k):]
    ev = next((ev[len(w):] for w in lex.d["time_words"] if ev.startswith(w)), ev)  # 本期郑州市…大赛
    i = ev.find("的")  # 刚刚揭晓的新北区……评比: a short lead-in without a level word is no part of the name
    if 0 < i <= 6 and not level_of(ev[:i], lex.levels) and not any(q in ev[:i] for q in QUOTES):
        ev = ev[i + 1:]
    return clean(ev) or None


def _sentence_before(text: str, start: int) -> str:
    """The sentence before start; one opening with 其中 takes in the sentence before it, which names the event:
    在……评比中，……获奖31篇。其中获得一等奖7篇."""
    lo = clause_start(text, start, 150, SENT_RE)
    if lo > 0 and text[lo:start].lstrip().startswith("其中"):
        lo = clause_start(text, lo - 1, 150, SENT_RE)
    return text[lo:start]


def _skip_aside(rest: str) -> str:
    """rest without a short parenthesis opening it: 评比（含成功教育案例）中 reads as 评比中."""
    if rest[:1] in "（(":
        close = max(rest.find("）", 1, 24), rest.find(")", 1, 24))
        return rest[close + 1:] if close > 0 else rest
    return rest


def _opener_end(clause: str, lex: Lexicon) -> int:
    """End of the word that opens an event in a clause: 在, else 参加/开展了 (not 组织的), or -1."""
    k = clause_start(clause, len(clause), len(clause))
    j = clause.find("在", k)
    if j >= 0:
        return j + 1
    ends = [clause.rfind(w, k) + len(w) for w in lex.d["event_openers"] if clause.rfind(w, k) >= 0]
    return max((e for e in ends if clause[e:e + 1] != "的"), default=-1)


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
        start, kind, vstart = span_start(text, rs, floor, lex)
        verb = text[vstart:start] if kind == "verb" else ""  # 获得, 被评为; empty when a comma or list opens it
        start = trim_lead(text, start, rs)
        lead = lex.lead_re.match(text, start, rs)  # 其中一等奖3件 → 一等奖
        start = lead.end() if lead else start
        named = ranks == [None]
        if needs_verb and (kind not in ("verb", "list") or named and not 3 <= re_ - start <= 20):
            continue  # a bare …奖 needs 获/荣获 before it: 获优秀组织奖, not 奖惩条例
        if is_plan(text, start, re_, lex):
            continue
        if named:  # a named prize keeps a grade it states: 特等组织奖 → 特等奖
            j = text.find("等", start, re_)
            ranks = [lex.d["grades"].get(text[j - 1]) if j > start else None]
        who = recipient_before(text, vstart, lex) if verb and verb not in lex.d["giver_verbs"] else None
        # 分获区级数学、英语赛课一等奖: both district; 被xx市评为优质课一等奖: the level of the city that judged
        shared = level_of(text[start:re_], lex.levels) or (giver_level(text, vstart, verb, lex) if verb else None)
        for s in _respective_starts(text, start, rs, vstart) if kind == "verb" else [start]:
            event = None if named else _event(text[s:rs], lex)
            if not event or not lex.event_re.search(event):  # “五小作品”一等奖: the 比赛 is named before
                event = _context_event(text, s, lex) or event
            # 一二等奖 is two awards; the later ones start at their grade so spans stay distinct
            starts = [s] + [p for p in range(rs, re_ - 2) if text[p] in lex.d["grades"]][1:]
            out += [entity(text, a, re_, r, event, who, lex, shared) for a, r in zip(starts, ranks)]
        floor = re_
    return out


# words that make an event no particular one: 在各级比赛中获奖, 在历届评选中获奖
GENERIC_EVENT_WORDS = ("以上", "各级", "各类", "各项", "各种", "历届", "历次", "历年", "每届", "多次", "多项")


def _won_in_event(text: str, lex: Lexicon) -> list[dict]:
    """在全市中学生英语模仿秀比赛中获奖: a prize without a grade in a named competition."""
    out, i = [], text.find("中获奖")
    while i >= 0:
        k = text.rfind("在", clause_start(text, i, 40, SENT_RE), i)
        event = text[k + 1:i] if k >= 0 else ""
        core = strip_level(event, lex)
        for w in lex.events + GENERIC_EVENT_WORDS:
            core = core.replace(w, "")
        if len(core) >= 2 and event != core and not is_plan(text, k + 1, i + 3, lex):  # not 在各级比赛中获奖
            out.append(entity(text, k + 1, i + 3, None, event, None, lex))
        i = text.find("中获奖", i + 3)
    return out


_RE_COUNTED = re.compile(r"[0-9一二三四五六七八九十两]+余?多?[篇件项人个名幅份次]")


def _level_rewards(text: str, lex: Lexicon) -> list[dict]:
    """Prizes named by a level alone (获国家级奖励, 省级奖励5篇): won when a win verb is before or a count after."""
    out, i = [], text.find("奖励")
    while i >= 0:
        # the level vocabulary's cue that ends right before 奖励 (国家级, 省, 市级…)
        cue = next((m for m in lex.levels.cue_re.finditer(text, max(0, i - 3), i) if m.end() == i), None)
        if cue and level_of(cue.group(), lex.levels):
            s, e = cue.start(), i + 2
            lo = clause_start(text, s, 12)
            won = any(verb_ending_at(text, k, lex) for k in range(lo + 1, s + 1))
            if (won or _RE_COUNTED.match(text, e)) and not is_plan(text, s, e, lex):
                out.append(entity(text, s, e, None, None, None, lex))
        i = text.find("奖励", i + 2)
    return out


def find_awards(text: str, patterns: str | None = None) -> list[dict]:
    """Every award won or given in one document's (simplified) text, in text order."""
    lex = load_lexicon(str(patterns or PATTERNS))
    titles = title_awards(text, lex)
    found = (_rank_awards(text, lex) + _won_in_event(text, lex) + _level_rewards(text, lex) + titles
             + suffixed_titles(text, titles, lex) + (commended_titles(text, lex) if "表彰" in text else []))
    seen, out = set(), []
    for a in sorted(found, key=lambda a: (a["start"], a["end"])):
        if (a["start"], a["end"]) not in seen:  # one award per span: 健康促进学校铜牌 is no medal and a title too
            seen.add((a["start"], a["end"]))
            if out and text[out[-1]["end"]:a["start"]] in LIST_JOINERS:  # 海淀区第一名和第五名: both district
                a["level"] = a["level"] or out[-1]["level"]
                if "称号" not in (a["rank"], out[-1]["rank"]):  # a title names no competition
                    a["event"] = a["event"] or out[-1]["event"]
            out.append(a)
    for a in out:
        if a["level"] is None:  # 在XX市教育局组织的考评中被评为“优秀奖”: municipal
            a["level"] = organiser_level(text, a["start"], lex)
    return out
