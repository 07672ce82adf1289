"""Honour-title awards (SPEC §4): titles conferred after 被评为, 荣获, 授予, or named before 称号."""
from __future__ import annotations

import re

from .award_phrases import (QUOTES, Lexicon, entity, giver_level, is_plan, last_end, recipient_before, span_start,
                            trim_lead)
from .levels import level_of
from .spans import CLAUSE_STOPS, SENT_RE, YEARS, clause_end, clause_start

# the characters _items acts on: quotes, clause stops, list separators
ITEM_MARKS = re.compile("[" + re.escape("“‘「”’」、和及与" + CLAUSE_STOPS) + "]")
COUNTED_RE = re.compile("[0-9]+[名个份件篇人项位所]")
_RE_YEARS = re.compile(YEARS)  # a title's year adds no words to it
TITLE_SPAN = 120  # chars after a trigger (被评为, 荣获) read as a list of titles (quoted lists run long)


def _items(text: str, pos: int, lex: Lexicon) -> list[tuple[int, int, bool]]:
    """Split what follows a trigger into (start, end, after a comma) items on 、 ， and 和 after a title."""
    items, start, quoted, comma = [], pos, False, False
    end = min(len(text), pos + TITLE_SPAN)
    for m in ITEM_MARKS.finditer(text, pos, end):  # other characters change nothing
        i, ch = m.start(), m.group()
        if ch in "“‘「”’」":
            quoted = ch in "“‘「"
            if quoted and i > start and text[i - 1] in "”’」":  # “全国文明校园”“省绿色学校”: two titles
                items.append((start, i, comma))
                start = i
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
    if "奖" in item[-2:] or "等奖" in item or "奖的" in item or item.strip(QUOTES) in lex.d["appraisals"] \
            or item.startswith(tuple(lex.d["entry_heads"])):
        # prizes belong to awards._rank_awards (被授予十佳奖的老师 too); 考核被评为优秀 is a rating;
        # 评出获奖优秀论文 are entries
        return None
    if item[:1] in "“‘「" and item.find("”") > 0 and mode != "weak":
        return s + item.find("”") + 1
    core = item.rstrip("”’」")  # 荣获20xx年度“教育教学先进单位”: the quote closes the title
    cut = last_end(lex.ending_back_re, core, 0)
    cut = len(item) if cut == len(core) else cut
    has_cue = lex.cue_re.search(item if mode in ("tail", "strong") else item[:cut]) is not None
    if mode == "tail" or mode == "strong" and not cut:  # 评选出……为远安一高首届十大名师, 被评为全国文明校园
        words = len(item) - sum(map(len, _RE_YEARS.findall(item)))  # …为耒阳市2018—2020年度优秀教学教研团队
        return e if (cut == len(item) or has_cue) and words <= 20 else None
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


def title_awards(text: str, lex: Lexicon) -> list[dict]:
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
        items = _items(text, trim_lead(text, m.end(), len(text)), lex)
        first = [it for it in items if not it[2]]
        if mode == "weak" and first and lex.suffix_re.search(text, first[-1][0], first[-1][1]):
            mode = "strong"  # 获得了“A”和“B”荣誉称号: the 称号 at the end covers every quoted item
        found = _read_titles(text, items, mode, lex)
        done = max(e for _, e in found) if found else max([e for _, e, c in items if not c] + [m.end()])
        if mode == "level" and not any(level_of(text[s:e], lex.levels) for s, e in found):
            continue  # 成为骨干教师 is an aim; 成为调兵山市20xx年度的文明单位 a title
        if found:
            who = None if m.group() in lex.d["giver_verbs"] else recipient_before(text, m.start(), lex)
            given = giver_level(text, m.start(), m.group(), lex)
            out += [entity(text, s, e, "称号", None, who, lex, given) for s, e in found]
    return out


def _read_titles(text: str, items: list, mode: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The title spans among a trigger's items; after a comma only whole titles go on (被评为A，B)."""
    found = []
    for s, e, comma in items:
        if comma and (mode == "weak" or lex.trigger_re.search(text, s, e)):
            break  # 被评为A，B，成为C: 成为 starts its own list
        n = COUNTED_RE.search(text, s + 1, e)  # 评出优秀作业50份 → 优秀作业
        e = n.start() if n else e
        j = text.rfind("为", s, e - 2)  # 杜庆联老师为远安一高首届十大名师 → the title after 为
        s = trim_lead(text, j + 1 if j >= 0 and "“" not in text[s:j] else s, e)
        end = _title_end(text, s, e, mode, lex)
        ok = end is not None and 2 <= end - s <= 25 and not is_plan(text, s, end, lex)
        if comma and (not ok or end != e or end - s > 15):
            break
        if ok:
            found.append((s, end))
    return found


def suffixed_titles(text: str, taken: list[dict], lex: Lexicon) -> list[dict]:
    """…称号 in a later clause of a win: 荣获A，舟山市陶研、教科研双优单位称号 (when no trigger read it)."""
    out, i, spans = [], text.find("称号"), [(a["start"], a["end"]) for a in taken]
    while i >= 0:
        s, kind, _ = span_start(text, i, 0, lex)
        s = trim_lead(text, s, i)
        body = text[s:i].removesuffix("荣誉").removesuffix("光荣").rstrip("的")
        looks = lex.cue_re.search(body) or body.endswith(lex.endings) or body[-1:] in "”’"
        won = kind == "verb" or lex.trigger_re.search(text, clause_start(text, s, 60, SENT_RE), s)
        if looks and won and 2 <= len(body) <= 25 and not any(a < i + 2 and s < b for a, b in spans) \
                and not is_plan(text, s, i + 2, lex):
            out.append(entity(text, s, i + 2, "称号", None, None, lex))
        i = text.find("称号", i + 2)
    return out


# 对党秋芳等25名优秀班主任、余遐等75名教学优胜者……予以表彰: each counted group names a title given
_RE_COMMENDED = re.compile(r"[0-9一二三四五六七八九十百两]+(?:名|位|个|人)(?P<t>[^、，,。；：:和及“”（）()]{2,12}?)"
                           r"(?=[、，,。和及]|予以|进行|给予|$)")
_COMMEND_VERBS = ("予以表彰", "进行表彰", "进行了表彰", "给予表彰", "给予了表彰", "表彰")


def commended_titles(text: str, lex: Lexicon) -> list[dict]:
    """Titles given at a commendation: 对……等25名优秀班主任、……等19个优秀教研组予以表彰 (rank 称号)."""
    out, i = [], text.find("表彰")
    while i >= 0:
        lo = clause_start(text, i, 120, SENT_RE)
        j = text.rfind("对", lo, i)
        if j >= 0:  # 对……予以表彰: the groups come before the verb
            a, b = j + 1, next((k for k in (text.rfind(v, j, i + 2) for v in _COMMEND_VERBS) if k > j), i)
        else:  # 表彰了12名优秀教师: after it, to the clause end
            a, b = i + 2 + (text[i + 2:i + 3] == "了"), clause_end(text, i + 2, 80)
        if not is_plan(text, a, b, lex):
            for m in _RE_COMMENDED.finditer(text, a, b):
                t = m.group("t")
                if lex.cue_re.search(t) or t.endswith(lex.endings) or t.endswith(("优胜者", "工作者")):
                    out.append(entity(text, m.start("t"), m.end("t"), "称号", None, None, lex))
        i = text.find("表彰", i + 2)
    return out
