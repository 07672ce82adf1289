"""Teacher entities (SPEC.md §4): named educators with their role; pupils kept apart as students."""
import functools
import re
from bisect import bisect_right

from .fields import author_names, byline_names, field_names
from .name_lists import CLAUSE_BREAK, list_names, name_end
from .spans import bracketed_titles
from .names import (COMMON_NAME_WORD, FAMOUS, PATTERNS, PLACEHOLDER, Lexicon, first_char_alternation, is_famous,
                    is_word, load_lexicon, name_after, name_before, name_before_word)

BLANKS = frozenset(PLACEHOLDER)
STUDENT_BEFORE = ("学生", "同学", "幼儿", "学生代表")
# 让光辉等5人, 王明等老师: one name closed by 等 and a count or a title; a count of schools may come
# first (杜兴武等3校共5位老师, 田江海等4所学校5名教师)
ETC = re.compile(r"等(?:(?:[0-9一二两三四五六七八九十]{1,4}(?:所学校|个学校|个单位|所|校|园)共?)?"
                 r"[0-9一二两三四五六七八九十]{1,6}[多余]?[人位名]|(?:老师|教师|同志|领导|专家))")
# A name closed by one of these verbs, when a clause edge or a particle opens it
STRONG_VERBS = re.compile("获得|荣获|分获|获|执教|参加|撰写|被评为|主持|代表")
LEFT_EDGE = CLAUSE_BREAK + "的校组由是为有和与及、"
# Titles a lone surname never takes (潘老师, but not 潘教师)
NOT_ALONE = frozenset(("教师", "同志", "工作室", "名师工作室", "教研员"))


def _entity(start: int, span: str, role: str | None, kind: str = "teacher") -> dict:
    """One teacher (or student) entity from its span as written; alignment spaces in it (沈 伟) leave the name."""
    name = "".join(span.split())
    return {"type": kind, "start": start, "end": start + len(span), "text": span, "name": name,
            "role": role, "placeholder": not BLANKS.isdisjoint(name)}


@functools.cache
def _student_after(words: tuple) -> re.Pattern:
    """What makes the names before it pupils, not teachers: 同学, 等10名学生."""
    return re.compile(r"等?[0-9零〇一二两三四五六七八九十百千几数多余]{0,6}[名位个]?(?:%s)" % "|".join(words))


def _is_student(text: str, end: int, lex: Lexicon) -> bool:
    """True when the words after a name make it a pupil (杨骁同学, 郭欣宸等10名学生)."""
    return _student_after(lex.students).match(text, end, min(len(text), end + 12)) is not None


@functools.cache
def _title_regex(titles: tuple) -> re.Pattern:
    """Alternation of literal titles, longest first."""
    return re.compile(first_char_alternation(list(titles), [""] * len(titles)))


def _overlapping(words: tuple) -> bool:
    """True when a word is a prefix of another, or starts inside another and ends elsewhere (主任, 任务 in 主任务).

    A word inside another that ends where it does (组长 in 副组长) does not count.
    """
    return any(k + len(b) != len(a) and (b.startswith(a[k:]) or a[k:].startswith(b))
               for a in words for b in words for k in range(len(a)) if k or a != b)


@functools.cache
def _title_before_regex(titles: tuple, heads: frozenset) -> re.Pattern:
    """_title_regex of the titles, matching only where a surname or a blank follows (校长陈彦, not 校长们).

    Most titles (教师, 主任) open no name: leaving them to the regex spares a Python step per match.
    A title the lookahead refuses no longer hides the text it spans from the scan, so this finds
    exactly the plain matches that a head follows only when no titles overlap; otherwise the plain
    alternation is returned, and prefixed_names's own test does the filtering.
    """
    plain = _title_regex(titles)
    if _overlapping(titles):
        return plain
    return re.compile(f"(?:{plain.pattern})(?=[{re.escape(''.join(sorted(heads)))}])")


_FILE_NUMBER = re.compile(r"[【〔\[][0-9xX]")  # an official document's number: 温教师〔2019〕5号


def titled_names(text: str, lex: Lexicon) -> list[dict]:
    """Names before a title (潘老师, 陈彦副校长, 郭z校长, 陈xx名师工作室)."""
    out, heads = [], lex.heads
    for m in _title_regex(lex.titles_after).finditer(text):
        p = m.start()
        lo = p - 4 if p > 4 else 0
        if heads.isdisjoint(text[lo:p]) or text.startswith(("们", "：", ":"), m.end()) or _FILE_NUMBER.match(text, m.end()):
            continue  # no surname near enough; 老师们; 陈衍副组长： is a value, then a label; 温教师〔20xx〕63号 a file number
        title = m.group()
        alone = title not in NOT_ALONE
        if not alone and heads.isdisjoint(text[lo:p - 1]):
            continue  # only a lone surname (潘老师) may stand right before the title
        found = name_before(text, p, lex, ambiguous=True, alone=alone, strict=False)
        if found and not (title == "教师" and _generic_teacher(text, *found)) and not _serves_as(text, *found, title, lex):
            out.append(_entity(found[0], found[1], title.replace("名师工作室", "名师").replace("工作室", "") or None))
    return out


def _serves_as(text: str, start: int, name: str, title: str, lex: Lexicon) -> bool:
    """True for 由校长任组长, 由片长任组长: after a title or any 长, a lone surname (任) before another title is the verb "serve as"."""
    return len(name) == 1 and title != "老师" and (text.endswith(lex.titles_before, 0, start) or text[start - 1:start] == "长")


def _generic_teacher(text: str, start: int, name: str) -> bool:
    """True for 提高全体教师 / 培养一支优秀教师: words before 教师, not 林成忠教师."""
    return len(name) < 3 or is_word(name[1:]) or (start > 0 and is_word(text[start - 1:start + 1]))


def prefixed_names(text: str, lex: Lexicon) -> list[dict]:
    """Names after a title (副校长陈彦主持, 教研员刘四方和, 组长梁发刚校长)."""
    out, heads = [], lex.heads
    for m in _title_before_regex(lex.titles_before, heads).finditer(text):
        e = m.end()
        if text[e:e + 1] not in heads or text.startswith("们", e):
            continue  # no surname opens a name here; 校长们 (the regex has seen to it unless titles overlap)
        # after a title, a word may close the name where no follower does (特级教师肖培东引领)
        found = name_after(text, e, lex) or name_before_word(text, e, lex)
        if found:
            out.append(_entity(e, found[1], m.group(0)))
    return out


def _dash_clause_starts(text: str) -> list[int]:
    """Starts of the clauses whose first 2-4 characters are closed by —— (刘国荣——物理), in order."""
    out, q = [], text.find("——")
    while q >= 0:
        s = q
        while s > 0 and q - s < 5 and text[s - 1] not in CLAUSE_BREAK:
            s -= 1
        if 2 <= q - s <= 4 and (not out or out[-1] != s):
            out.append(s)
        q = text.find("——", q + 2)
    return out


def listed_names(text: str, lex: Lexicon) -> list[dict]:
    """Names in 、-lists (张红芳、陈永祥、房玉老师; 物理组孙洪顺、刘玉兰、袁晓伟)."""
    out = []
    for names in list_names(text, lex):
        tail_end, head = name_end(names[-1]), text[max(0, names[0][0] - 5):names[0][0]].rstrip("：:")
        # 学生张小明、李华 / 少先队员：张小明、李华 are pupils
        pupils = _is_student(text, tail_end, lex) or head.endswith(STUDENT_BEFORE + lex.students)
        kind = "student" if pupils else "teacher"
        title = next((t for t in ("老师", "校长", "主任") if text.startswith(t, tail_end)), None)
        out += [_entity(i, n, title, kind) for i, n in names]
    return out


def line_names(text: str, lex: Lexicon) -> list[dict]:
    """Names in field lines and their continuations (组长：王建民, 成  员：沈 伟), in bylines (…小学钟明书)
    and alone on an author's line (梁晓华).

    A padded name's span holds its alignment space (沈 伟); its name does not (沈伟).
    """
    return [_entity(a, text[a:b], role)
            for a, b, _, role in field_names(text, lex) + byline_names(text, lex) + author_names(text, lex)]


def anchored_names(text: str, lex: Lexicon) -> list[dict]:
    """Single names closed by 等N人 or —— or a strong verb at a clause start (张贤卓获得)."""
    out = []
    for m in ETC.finditer(text):
        found = name_before(text, m.start(), lex, ambiguous=True, strict=False)
        if found:
            pupils = _is_student(text, m.start(), lex) or _is_student(text, m.end(), lex)  # 等2校共9名学生
            kind = "student" if pupils else "teacher"
            out.append(_entity(found[0], found[1], None, kind))
    for s in _dash_clause_starts(text):
        found = name_after(text, s, lex, extra=("——",))
        if found and text.startswith("——", found[0]):
            out.append(_entity(s, found[1], None))  # 刘国荣——物理
    for m in STRONG_VERBS.finditer(text):
        p = m.start()
        if lex.heads.isdisjoint(text[p - 4 if p > 4 else 0:p]):
            continue  # name_before would find nothing
        found = name_before(text, p, lex)
        if found and (found[0] == 0 or text[found[0] - 1] in LEFT_EDGE):
            out.append(_entity(found[0], found[1], None))  # 我校的王芳获得, 数学组郭丽娟执教
    return out


def student_names(text: str, lex: Lexicon) -> list[dict]:
    """Pupils named by 同学 or 学生 (杨骁同学, 学生王明)."""
    out, i = [], text.find("同学")
    while i >= 0:
        found = name_before(text, i, lex, strict=False)
        if found:
            out.append(_entity(found[0], found[1], None, "student"))
        i = text.find("同学", i + 2)
    i = text.find("学生")
    while i >= 0:
        found = name_after(text, i + 2, lex, strict=False)
        if found:
            out.append(_entity(i + 2, found[1], None, "student"))
        i = text.find("学生", i + 2)
    return out


def _resolve(found: list[dict], lex: Lexicon) -> list[dict]:
    """One entity per span (a student reading beats a teacher one; a role beats none), no public figures."""
    best = {}
    for e in found:
        if is_famous(e["name"], lex, COMMON_NAME_WORD if e["role"] == "同志" else FAMOUS):
            continue  # 以习近平同志为核心, 学习雷锋同志
        key = (e["start"], e["end"])
        old = best.get(key)
        if old is None or (e["type"] == "student") > (old["type"] == "student") or (
                e["type"] == old["type"] and e["role"] and not old["role"]):
            best[key] = e
    spans = sorted(best.values(), key=lambda e: (e["start"], -e["end"]))
    out, last_end = [], -1
    for e in spans:
        if e["start"] >= last_end:
            out.append(e)
            last_end = e["end"]
    return out


def find_teachers(text: str, tokens: dict | None = None, patterns: str = str(PATTERNS)) -> list[dict]:
    """Teacher (and student) entities of one document's text, in order of start.

    tokens ({"start", "end", "pos"} arrays from the tokens table) are accepted for the
    stage interface but not used: segmenters split names (童 / 明星) and jieba tags its
    own dictionary's words as names (高超 nr, 荣誉 nr), so names are found on characters.
    """
    return find_teachers_batch([text], patterns)[0]


def find_teachers_batch(texts: list[str], patterns: str = str(PATTERNS)) -> list[list[dict]]:
    """find_teachers of each text, running one way of finding names over all texts at a time (warmer caches)."""
    lex = load_lexicon(patterns)
    found = [[] for _ in texts]
    for finder in (titled_names, prefixed_names, listed_names, line_names, anchored_names, student_names):
        for k, text in enumerate(texts):
            found[k] += finder(text, lex)
    return [_resolve(_outside_titles(f, text), lex) for f, text in zip(found, texts)]


def _outside_titles(found: list[dict], text: str) -> list[dict]:
    """The names not inside a 《》 title: `潘慧玲老师的《连加、连减》` lists lessons, not people."""
    if not found or "《" not in text:
        return found
    spans = [(s, e) for s, e, bracket in bracketed_titles(text) if bracket == "《"]
    opens = [s for s, _ in spans]

    def inside(e: dict) -> bool:
        k = bisect_right(opens, e["start"]) - 1
        return k >= 0 and e["end"] <= spans[k][1]
    return [e for e in found if not inside(e)]
