"""Project entities (SPEC §4): titled research projects (课题) and named programmes (国培计划)."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .levels import PATTERNS, Levels, level_of, load_levels
from .spans import LIST_JOINERS, SENT_RE, TITLE_MAX, bracketed_titles, clause_end, clause_start

CONTEXT = 25  # chars before/after a title read for 课题 and level words
NAME_END = re.compile("[，。；、！？,;!?\n（(]")  # where a programme name after its label ends
LABELLED_MAX = 30  # chars such a name may span
# what may link 课题 to its title: 课题：《…》, scraped dashes 课题-—《…》, spaces 课题 ——《…》
LINKS = "：: 　-—–－~～"
# a clause stop, except ：, which may sit between 课题 and its title (课题如：“…”)
BEFORE_RE = re.compile("[，。；！？,;!?\n\r\t （）()【】]")
AFTER_RE = re.compile("[，。；：！？,;:!?\n\r\t （）()【】]")
RESEARCH_ENDS = ("的研究与实验", "研究与实践", "实践研究", "的研究", "研究", "实验", "探究", "探索")
# what follows a bare title in its clause: 课题小学……的研究已被批准立项
PROGRAMME_VERBS = ("实施", "开展", "启动", "推进", "参与", "参加", "借助", "依托", "承担", "落实", "入选", "加入")
PROGRAMME_AFTER = ("建设", "活动", "工作", "实施", "中")  # what may follow a programme taken up: 开展“名师工程”建设
LEADS = ("主持的", "承担的", "负责的", "领衔的")  # a person leads a project: 王老师主持的《…》
LED_TITLE_MIN = 8
BARE_TAILS = ("已", "正在", "顺利", "被", "通过", "获", "于", "在", "的", "已经", "进行", "列为", "成功")
# what follows 课题 when no title does: 课题研究的过程, 课题组, 课题的研究
BARE_STOP_HEADS = ("研究", "的", "组", "工作", "管理", "实施", "申报", "立项", "结题", "开题", "资料",
                   "成果", "材料", "活动", "研讨", "汇报", "进行", "月报", "负责", "报告", "阶段", "实验",
                   "领导", "带动", "形成", "出人才", "如", "与", "和", "中", "是", "要", "来")
# words no title holds, so the span is talk about a project: 正在实施研究, 在区里立项开始研究
BARE_VERBS = ("课题", "立项", "结题", "开题", "申报", "正在", "已经", "开始", "进行", "继续", "认真", "积极",
              "扎实", "深入", "实施研究", "组织", "要求", "我们", "我校", "老师", "教师们")
BARE_GENERIC = ("国家级", "省级", "市级", "区级", "县级", "校级", "重点", "规划", "一般", "专项", "青年", "个人",
                "教育科学", "教育", "科研", "课题", "的")
START_VERBS = ("承担了", "承担", "开展了", "开展", "进行了", "进行", "主持了", "主持", "参与了", "参与",
               "完成了", "完成", "申报了", "申报", "立项了", "正在进行")


@dataclass(frozen=True)
class Lexicon:
    """Project words from models/patterns/projects.json."""

    d: dict
    levels: Levels
    programme_re: re.Pattern
    status_re: re.Pattern
    heads: tuple
    head_re: re.Pattern  # any of the heads
    tie_re: re.Pattern  # any of the tie words, or 课题名称
    doc_before_re: re.Pattern  # any of the doc_before words: one search instead of a test per word
    label_re: re.Pattern  # a programme label and its colon: 内涵建设项目：


@functools.cache
def load_lexicon(folder: str = str(PATTERNS)) -> Lexicon:
    """Read the project lexicon (projects.json, levels.json) once per process; regexes are literal alternations."""
    d = json.loads((Path(folder) / "projects.json").read_text(encoding="utf-8"))
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    return Lexicon(d, load_levels(folder), re.compile(alt(d["programmes"])), re.compile(alt(d["status"])),
                   tuple(sorted(d["heads"], key=len, reverse=True)), re.compile(alt(d["heads"]) or "(?!)"),
                   re.compile(alt(d["tie_words"] + ["课题名称"])), re.compile(alt(d["doc_before"]) or "(?!)"),
                   re.compile(f"(?:{alt(d['programme_labels']) or '(?!)'})[：:]"))


def _groups(titles: list, text: str) -> list[list]:
    """Titles listed together (《A》、《B》等课题, “A”和“B”) share their 课题 context."""
    groups = []
    for t in titles:
        gap = text[groups[-1][-1][1]:t[0]] if groups else "x"
        if groups and groups[-1][-1][2] == t[2] and len(gap) <= 3 and not gap.strip("、，,和及与 "):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _before(text: str, start: int, n: int = CONTEXT) -> str:
    """Up to n chars before start, from the clause start (课题：《…》 keeps its colon, 课题 ——《…》 its dashes)."""
    j = start
    while j > 0 and start - j < 6 and text[j - 1] in LINKS:
        j -= 1  # a space before the title is a link here, not a clause stop
    return text[clause_start(text, j, n, BEFORE_RE):start]


def _after(text: str, end: int, n: int = CONTEXT) -> str:
    """Up to n chars after end, to the clause end."""
    return text[end:clause_end(text, end, n, AFTER_RE)]


def _tied(before: str, after: str, lex: Lexicon) -> bool:
    """True when 课题 words bind a title: 市级课题《…》, 课题-—《…》, 《…》这一课题, 《…》等五项课题."""
    b = before.rstrip(LINKS + "如")
    if b.endswith(tuple(lex.d["tie_words"])) or b.endswith("课题名称"):
        return True
    a = after.lstrip("等这一个该两三四五六七八九十几项些0123456789")  # every word below holds 课题 (_may_tie)
    return a.startswith(("课题", "子课题", "小课题", "研究课题")) or (after[:1] == "等" and "课题" in after)


def _may_tie(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """False when _tied cannot hold for titles at text[start:end]: no tie word before, no 课题 after."""
    return lex.tie_re.search(text, max(0, start - CONTEXT), start) is not None or "课题" in text[end:end + 40]


def _status(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """The furthest status stated in the sentence around a project (申报 < 立项 < … < 结题)."""
    lo, hi = clause_start(text, start, 40, SENT_RE), clause_end(text, end, 40, SENT_RE)
    order, best = lex.d["status_order"], -1
    for m in lex.status_re.finditer(text, lo, hi):
        if not text[max(0, m.start() - 6):m.start()].endswith(tuple(lex.d["negations"])):  # 未能如期进行结题
            best = max(best, order.index(lex.d["status"][m.group()]))
    return order[best] if best >= 0 else None


def _entity(text: str, start: int, end: int, name: str, kind: str, level, status) -> dict:
    """One project dict."""
    return {"type": "project", "start": start, "end": end, "text": text[start:end], "name": name,
            "kind": kind, "level": level, "status": status}


def _is_document(inner: str, before: str, lex: Lexicon) -> bool:
    """《数学课程标准》, 《…管理办法》, 学习《…》, 论文《…》 are documents, not projects."""
    return inner.endswith(tuple(lex.d["doc_suffixes"])) or lex.doc_before_re.search(before, len(before) - 6) is not None


def _sentence_has_project_word(text: str, pos: int) -> bool:
    """A 《…研究》 title counts when its sentence speaks of 课题/立项/结题/开题."""
    s = text[clause_start(text, pos, 80, SENT_RE):clause_end(text, pos, 80, SENT_RE)]
    return any(w in s for w in ("课题", "立项", "结题", "开题"))


def _titled_projects(text: str, lex: Lexicon) -> list[dict]:
    """Research projects named by a 《》 or “” title tied to 课题 words."""
    out = []
    for group in _groups(bracketed_titles(text), text):
        # most quotes are short or slogans: read the context only for titles that may be projects
        inners = [(s, e, br, text[s + 1:e - 1] if text[e - 1] in "》”" else text[s + 1:e]) for s, e, br in group]
        inners = [t for t in inners if len(t[3]) >= 4 and t[3] not in lex.d["five_year"]]
        if not inners:
            continue
        research = any(br == "《" and inner.endswith(RESEARCH_ENDS) for _, _, br, inner in inners)
        led = text.endswith(LEADS, max(0, group[0][0] - 5), group[0][0])
        if not research and not led and not _may_tie(text, group[0][0], group[-1][1], lex):
            continue  # no 《…研究》 title and no 课题 word near: nothing below can hold
        before, after = _before(text, group[0][0]), _after(text, group[-1][1], 40)
        tied = _tied(before, after, lex)
        # 朱老师主持的“…初探” in a sentence on 课题: who leads a long title makes it a project (not 主持的“读书沙龙”)
        led = led and _sentence_has_project_word(text, group[0][0])
        found = [(s, e, inner) for s, e, br, inner in inners
                 if (tied or led and len(inner) >= LED_TITLE_MIN
                     or br == "《" and inner.endswith(RESEARCH_ENDS) and _sentence_has_project_word(text, s))
                 and not _is_document(inner, before, lex)]
        if found:
            level = _group_level(before, after, lex)
            status = _status(text, group[0][0], group[-1][1], lex)
            out += [_entity(text, s, e, inner, "research", level, status) for s, e, inner in found]
    return out


def _group_level(before: str, after: str, lex: Lexicon) -> str | None:
    """The level of a group of titles, from the words right before it or the 课题 words after it."""
    near = before[max(before.rfind(c) for c in "》”、") + 1:]  # 省级课题“A”以及校本课题“B”: B is school
    keti = after[:after.rfind("课题") + 2] if "课题" in after else ""  # 《…》课题已被列为湖北省……立项课题
    return level_of(near, lex.levels) or level_of(keti, lex.levels)


def _bare_after(text: str, lex: Lexicon) -> list[dict]:
    """Unbracketed titles after 课题: 省级课题小学语文阅读教学有效性的研究已结题, 课题名称：……研究."""
    out, i = [], text.find("课题")
    while i >= 0:
        s = i + 2 + (2 if text.startswith("名称", i + 2) else 0)
        while s < len(text) and text[s] in LINKS:
            s += 1
        body = _after(text, s, 40)
        cut = _bare_cut(body) if body[:1] not in "《“\"'" and not body.startswith(BARE_STOP_HEADS) else 0
        # 课题有《A》、《B研究》: a bracket inside is a titled project's, not the edge of a bare one
        if cut and not any(w in body[:cut] for w in BARE_VERBS) and not any(c in body[:cut] for c in "《》“”"):
            level = level_of(_before(text, i + 2), lex.levels)
            out.append(_entity(text, s, s + cut, body[:cut], "research", level, _status(text, s, s + cut, lex)))
        i = text.find("课题", i + 2)
    return out


def _bare_cut(body: str) -> int:
    """Length of a title ending in 研究/实验 where the clause ends or 已/正在/通过 follows, else 0."""
    for p in range(6, len(body) + 1):
        if body.endswith(RESEARCH_ENDS, 0, p) and (p == len(body) or body.startswith(BARE_TAILS, p)):
            return p
    return 0


def _bare_before(text: str, lex: Lexicon) -> list[dict]:
    """Unbracketed titles before 课题 after a start verb: 承担了小学数学分层作业设计研究课题."""
    out = []
    for m in re.finditer("研究(?:这一|这个|该)?课题", text):
        head = _before(text, m.start(), 40)
        j, v = max(((head.rfind(w), w) for w in START_VERBS if w in head), default=(-1, ""))
        s, e = m.start() - len(head) + j + len(v), m.start() + 2
        name, core = text[s:e], text[s:e - 2]
        for w in BARE_GENERIC:  # 省级重点研究课题《…》: level and kind words, no title
            core = core.replace(w, "")
        if j >= 0 and len(core) >= 4 and text[m.end():m.end() + 2].lstrip("：:")[:1] not in "《“" \
                and not any(c in name for c in "《》“”、") and not any(w in name[:-2] for w in BARE_VERBS):
            out.append(_entity(text, s, e, name, "research", level_of(head, lex.levels), _status(text, s, e, lex)))
    return out


def _programme_name(text: str, s: int, e: int) -> str:
    """A programme's name with its year as officially written: 20xx国培计划 → 国培计划（20xx）."""
    m = re.match(r"[（(]([0-9xX]{2,4})[)）]", text[e:e + 7])
    m = m or re.search(r"((?:19|20)[0-9xX]{2})年?$", text[max(0, s - 5):s])
    return f"{text[s:e]}（{m.group(1)}）" if m else text[s:e]


def _programmes(text: str, lex: Lexicon) -> list[dict]:
    """Named programmes: lexicon names (国培计划, 新教育实验) and quoted ones (“青蓝”工程)."""
    out = []
    for m in lex.programme_re.finditer(text):
        s, e = m.span()
        level = lex.d["programmes"][m.group()] or level_of(_before(text, s, 8), lex.levels)
        out.append(_entity(text, s, e, _programme_name(text, s, e), "programme", level, _status(text, s, e, lex)))
    i = text.find("”")
    while i >= 0:
        if lex.head_re.search(text, i + 1, i + 11):  # “青蓝”工程: a head must follow soon
            out += _quoted_programme(text, i, lex)
        elif text.endswith(tuple(lex.d["heads"]), 0, i):  # 实施“保尖计划”: the head inside the quotes
            out += _named_in_quotes(text, i, lex)
        i = text.find("”", i + 1)
    return out + _labelled_programmes(text, lex)


def _named_in_quotes(text: str, i: int, lex: Lexicon) -> list[dict]:
    """A quoted programme name that ends in its head, after a verb taking it up: 实施“保尖计划”, 借助“…提升项目”."""
    q = text.rfind("“", max(0, i - 24), i)
    inner = text[q + 1:i] if q >= 0 else ""
    head = next((h for h in lex.d["heads"] if inner.endswith(h)), "")
    core = inner[:len(inner) - len(head)]
    if len(core) < 2 or core.endswith(tuple(lex.d["generic_middles"])) or any(c in inner for c in "，。、；“"):
        return []  # “工作计划”, “学习计划” are plans
    if not text[max(0, q - 3):q].removesuffix("了").endswith(PROGRAMME_VERBS):  # 实施“…”, 启动了“…”
        return []
    if i + 1 < len(text) and text[i + 1] not in "，。；、！,;等的）\n" and not text.startswith(PROGRAMME_AFTER, i + 1):
        return []  # 参加“五个一工程”论文竞赛: the quote names a contest, not a programme taken up
    level = level_of(_before(text, q, 8), lex.levels)
    return [_entity(text, q, i + 1, inner, "programme", level, _status(text, q, i + 1, lex))]


def _labelled_programmes(text: str, lex: Lexicon) -> list[dict]:
    """A programme named after a label with a level: 江苏省基础教育内涵建设项目：自治自动--高中数学发展创新中心."""
    out = []
    for m in lex.label_re.finditer(text):
        label = _before(text, m.start(), 40) + text[m.start():m.end() - 1]
        level = level_of(label[label.rfind("、") + 1:], lex.levels)  # ……团队、江苏省……建设项目: this label only
        s = m.end() + 1 if text.startswith(" ", m.end()) else m.end()
        k = text.find("”", s + 1, s + TITLE_MAX) + 1 if text[s:s + 1] == "“" else s  # “自治自动·共研共享”好教师团队
        stop = NAME_END.search(text, max(k, s), s + LABELLED_MAX)
        name = text[s:stop.start()].replace("“", "").replace("”", "") if stop else ""
        if level and len(name) >= 4:
            out.append(_entity(text, s, stop.start(), name, "programme", level, _status(text, s, stop.start(), lex)))
    return out


_RE_QUOTE_BEFORE = re.compile(rf"“([\u4e00-\u9fff]{{2,20}})”(?:{'|'.join(LIST_JOINERS)})$")


def _quoted_programme(text: str, i: int, lex: Lexicon) -> list[dict]:
    """A quoted name closed at i and a head soon after: “青蓝”工程, “3361”师训强教工程, “做小学”实验项目."""
    q, after = text.rfind("“", max(0, i - 12), i), text[i + 1:i + 11]
    if q < 0:
        return []
    h = next(((after.find(w), w) for w in lex.heads if 0 <= after.find(w) <= 6), None)
    if h is None:
        return []
    middle, inner = after[:h[0]], text[q + 1:i]
    if not inner or any(c in inner for c in "，。、；") or not all("\u4e00" <= c <= "\u9fff" for c in middle) \
            or middle.endswith(tuple(lex.d["generic_middles"])):
        return []  # “青年教师培养”工作计划 is a work plan
    e = i + 1 + h[0] + len(h[1])
    tail = "" if h[1] in ("项目", "实验项目") and not middle else text[i + 1:e]
    level, status = level_of(_before(text, q, 8), lex.levels), _status(text, q, e, lex)
    out = [_entity(text, q, e, inner + tail, "programme", level, status)]
    # “音乐习字”和“大量阅读”的校本实验: the quotes listed before share the head
    while (m := _RE_QUOTE_BEFORE.search(text, max(0, q - TITLE_MAX), q)) and m.end() == q:
        q, inner = m.start(), m.group(1)
        out.append(_entity(text, q, m.end(1) + 1, inner + tail, "programme", level, status))
    return out


def find_projects(text: str, patterns: str | None = None) -> list[dict]:
    """Every research project and named programme in one document's (simplified) text, in text order."""
    lex = load_lexicon(str(patterns or PATTERNS))
    found = _titled_projects(text, lex) + _programmes(text, lex) + _bare_after(text, lex) + _bare_before(text, lex)
    out, reach = [], -1
    for p in sorted(found, key=lambda p: (p["start"], -p["end"])):
        if p["end"] <= reach:
            continue  # a bare or programme match inside a span already taken
        reach = p["end"]
        out.append(p)
    return out
