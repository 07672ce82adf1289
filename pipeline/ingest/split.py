"""Split a bundled scrape into documents: boundaries, preview lines, titles (SPEC §1)."""
import re
from collections import Counter
from dataclasses import dataclass, field

NUM = "一二三四五六七八九十百零两〇"
_N = rf"[{NUM}\d]{{1,3}}"
_CN = "一二三四五六七八九十"
KIND_WORD = r"(?:工作总结|工作计划|工作汇报|工作要点|总结|计划|小结|汇报|方案|报告|安排|规划|纲要)"
RULES_WORD = r"(?:制度|办法|细则|章程|条例|守则)"  # a school's rules: a bare title too (德育工作考评制度)
_TERM = r"(?:上学期|下学期|第[一二]学期|春季|秋季)"  # written after the kind word: …工作总结秋季篇一
# The bundle marker comes before the title: 第二篇:校本教研工作总结2 / 篇一：中学教师校本培训的心得体会 / （范文一：教科室工作总结
_RE_TITLE_PREFIX = re.compile(rf"^(?:第{_N}篇[:：]?|篇{_N}[:：]|（?范文{_N}[:：])\s*(?P<t>[^，。；！？]{{2,40}})$")
# … or after it: 小学校本教研工作计划篇三 / 小学学校教研工作计划 篇1 / 1.教科所工作总结 篇一 / 【篇一】 / 篇1
_RE_TITLE_PIAN = re.compile(rf"^(?:\d{{1,2}}[.、]\s*)?(?P<t>[^，。；！？：]{{0,40}}?)(?P<sep>\s|[（【])?篇{_N}[）】]?$")
# … or is a number: 教科室期末工作总结6 / 小学教科室工作计划（2） / …规划纲要（2023-2026）1
_RE_TITLE_NUMBER = re.compile(rf"^(?P<t>[^，。；！？：]{{2,40}}?{KIND_WORD}(?:（[^（）]{{1,12}}）)?)"
                              rf"[（]?(?:[{NUM}]{{1,3}}|\d{{1,3}})[）]?$")
# … with the first heading glued on: 幼儿园教育工作总结1一、本期教研工作的基本情景：
_RE_TITLE_HEAD = re.compile(rf"^(?P<t>[^，。；！？：]{{2,40}}?{KIND_WORD})\d{{1,2}}(?P<rest>(?:[{_CN}]{{1,3}}、|（[{_CN}]{{1,3}}）).+)$")
_RE_KIND = re.compile(KIND_WORD)
_RE_KIND_THEN_DIGIT = re.compile(r"[结划报点案告排要]\d")  # a kind word's last character, then the number
# a title glued to the first sentence: 20xx学年小学校本教研工作总结本学年，我校…… / 【小学教研组工作总结】本学期，…
_RE_GLUED = re.compile(
    rf"^(?:第{_N}篇[:：]?)?(?P<t>[^，。；！？：:“”、.\s【】]{{2,36}}?{KIND_WORD}{_TERM}?(?:范文|范本|模板)?)"
    rf"(?:篇{_N}|\d{{1,2}})?(?=[\u4e00-\u9fff“]|\d{{4}}年[，,])"  # …工作计划2023年，教研室将…
    rf"|^【(?P<b>[^【】，。；！？]{{0,36}}?{KIND_WORD}[^【】，。；！？]{{0,6}})】(?=\S)")
_RE_BODY_OPENER = re.compile(r"^[本我今现在为随根按以时转弹回]")
# A site's opening sentence reads like a glued title (总结不仅仅是总结成绩，… / 教师工作总结是教育教学…):
# its subject carries a copula, or its "body" goes on with the predicate.
_RE_NOT_TITLE = re.compile(r"是|不仅|怎么|怎样|如何|什么|哪些|应该|大家")
_RE_PREDICATE = re.compile(r"^(?:是|不[仅但是只]|就|也|既|要|能|可以|应|都|又|则|即|的|了|着|和|与|或|等)")
SITE_QUALIFIERS = r"精选|通用|推荐|优秀|热门|最新|实用|经典|优质|精品"  # a site's praise for its own page
_SITE_TAG = rf"[（【](?:{SITE_QUALIFIERS})[）】]"  # before a title: （推荐）20xx年…工作总结
_RE_TITLE_HEAD_CUT = re.compile(rf"^(?:第{_N}篇[:：]?|篇{_N}[:：]|（?范文{_N}[:：]|\d{{1,2}}[.、](?=.*篇{_N})|{_SITE_TAG}"
                                rf"|【[^【】，。\d]{{2,8}}】(?=[^【】]{{4,}}{KIND_WORD}))\s*")  # 【英语教研】2024…工作总结: a column tag
_RE_TITLE_TAIL = re.compile(rf"(?:\s*[（(【]?篇{_N}[）)】]?|(?<![\d\-—.])[（(]?\d{{1,3}}[）)]?)$")
# … with a subtitle after a dash or colon (…德育工作总结——以德为先，构建和谐校园) or before a dash
# (以德为先 构建和谐校园——凤梧学校德育工作总结)
_RE_PLAIN_TITLE = re.compile(
    rf"^[^，。；！？：:、“”]{{4,40}}(?:{KIND_WORD}|{RULES_WORD}){_TERM}?(?:（[^（）]{{1,12}}）)?(?:范本|范文|模板)?"  # …规划纲要（2022-2025）, …总结范本
    rf"(?:(?:——|[：:])[^。；！？：:“”]{{2,24}}(?<![，、]))?$"
    # a school news headline: 喜报：吴风琴、成群老师双双获得…一等奖
    rf"|^(?:喜报|捷报|简报|快讯|简讯)[:：][^。；！？]{{4,60}}$"
    # an official notice: 关于耒阳市2018-2020年度优秀教学教研团队评选结果的通报
    rf"|^关于[^。；！？]{{4,60}}的(?:通知|通报|决定|意见|批复|函)$"
    # 【…工作总结】 alone, or with the page's section and site after it (【…】工作总结-某某网)
    rf"|^【(?P<b>[^【】，。；！？]{{0,36}}{KIND_WORD}[^【】，。；！？]{{0,6}})】(?:[^【】，。；！？]{{0,20}}[-_|][^【】，。；！？]{{1,20}})?$")
_RE_SUBTITLE_FIRST = re.compile(r"^[^。；！？：:“”]{2,24}——")
_RE_SUBTITLE_LINE = re.compile(r"^——[^。；！？：:“”]{2,24}(?<![，、])$")  # the subtitle on a line of its own
RE_HEADING = re.compile(rf"^(?:[{_CN}]{{1,3}}[、.]|[（(]|\d{{1,2}}[、.)）])")
_RE_CLAUSE_END = re.compile(r"[。！？；]")
_RE_CUT = re.compile(r"(……|\.\.\.|…)$")


@dataclass
class RawDoc:
    """A document as found in a file: its title, its lines, what was removed and why."""

    title: str | None
    lines: list[str]
    removed: Counter = field(default_factory=Counter)


def clean_title(title: str | None) -> str | None:
    """Drop the bundle's numbering (篇三, trailing 6, 第二篇:, 范文一：, 1.… 篇一) and brackets from a title."""
    if not title:
        return None
    title = _RE_TITLE_HEAD_CUT.sub("", title.strip())
    title = _RE_TITLE_TAIL.sub("", title).strip()
    if title.startswith("【") and title.endswith("】"):
        title = title[1:-1]
    return title or None


def title_line(line: str) -> tuple[str, str] | None:
    """(title, rest) when the line is a numbered title line: title '' for a bare 篇N, rest the
    first heading glued after the number ('' when none); else None."""
    # each pattern is tried only on lines holding what it needs (篇, 范文, a closing numeral, a
    # kind word's last character before a digit): nearly every line is body text
    pian = "篇" in line
    if len(line) <= 60:
        m = ((pian or "范文" in line) and _RE_TITLE_PREFIX.match(line)
             or _closes_with_number(line) and _RE_TITLE_NUMBER.match(line))
        if m:
            return clean_title(m.group("t")) or "", ""
        m = pian and _RE_TITLE_PIAN.match(line)
        # 篇一 after a bare phrase needs a space or a bracket to be a marker (阅读经典篇一 is a heading)
        if m and (m.group("sep") or not m.group("t") or _RE_KIND.search(m.group("t"))):
            return clean_title(m.group("t")) or "", ""
    m = _RE_KIND_THEN_DIGIT.search(line, 0, 48) and _RE_TITLE_HEAD.match(line)
    return (clean_title(m.group("t")) or "", m.group("rest")) if m else None


def _closes_with_number(line: str) -> bool:
    """The line ends in a numeral or `）`, as _RE_TITLE_NUMBER requires."""
    last = line[-1:]
    return bool(last) and (last.isdecimal() or last in NUM or last == "）")


def bare_title(line: str) -> str | None:
    """The title a line holds when it is a bare title (阳光小学2023-2024学年教科室工作总结), else None."""
    m = _RE_PLAIN_TITLE.match(line)
    if m and (not _RE_BODY_OPENER.match(line) or _RE_SUBTITLE_FIRST.match(line)):
        return clean_title(m.group("b") or line)
    return None


def plain_title(lines: list[str]) -> str | None:
    """A document's first line when it is a bare title and a body follows."""
    return bare_title(lines[0]) if len(lines) > 1 else None


TITLE_BLOCK = 4  # lines above a body that may hold its title among site furniture and short echoes


def title_block(chunk: list[str], title: str | None) -> tuple[str, list[str]] | None:
    """(title, chunk without its title lines) when a title sits below other short lines.

    `视频资源 / 音乐备课组工作总结 / 陶吴中心小学…音乐教研组工作总结 / 2024-2025学年…`: of the short
    phrases opening the chunk, the last bare title (nearest the body) is the document's, unless
    a title found earlier is not part of it; the shorter titles above it are the page's echoes.
    With no bare title, a phrase printed twice or more is the title.
    """
    block = []
    for line in chunk[:TITLE_BLOCK]:
        if not page_title(line):
            break
        block.append(line)
    if len(block) == len(chunk):
        return None  # no body below
    titles = [bare_title(line) for line in block]
    found = [i for i, t in enumerate(titles) if t]
    if not found and title is None:  # a phrase the site prints twice or more is its title (青年教师如何开展教科研活动)
        found = [i for i, line in enumerate(block) if block.count(line) > 1]
    if not found or found[-1] == 0 or (title and title not in block[found[-1]]):
        return None
    last = found[-1]
    return titles[last] or clean_title(block[last]), [line for i, line in enumerate(chunk) if i > last or i not in found]


def page_title(line: str) -> bool:
    """A page's own title line: short, one phrase, no heading marker (教科所工作总结, 校本教研的探索与思考)."""
    return 2 <= len(line) <= 60 and not _RE_CLAUSE_END.search(line) and not RE_HEADING.match(line)


def page_head(chunk: list[str], following: list[str], min_chars: int) -> tuple[str | None, int] | None:
    """(title, lines of site prose) when the text above a page's first document is no document:
    the page's title alone, or short prose with no heading above a numbered title line."""
    if not following:
        return None
    if len(chunk) == 1 and page_title(chunk[0]):
        return clean_title(chunk[0]), 0
    if (title_line(following[0]) is not None and sum(map(len, chunk)) < min_chars
            and not any(map(RE_HEADING.match, chunk))):
        return None, len(chunk)
    return None


def glued_title(line: str) -> tuple[str, str] | None:
    """(title, rest) when a title is glued to the body's first sentence."""
    m = _RE_GLUED.match(line)
    if not m or len(line) - m.end() < 20 or _RE_BODY_OPENER.match(line):
        return None
    if m.group("b"):
        return m.group("b"), line[m.end():]
    rest = line[m.end():]
    if _RE_NOT_TITLE.search(m.group("t")) or _RE_PREDICATE.match(rest):
        return None
    return clean_title(m.group(0)) or m.group("t"), rest


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def preview_head(line: str, body: list[str]) -> str | None:
    """If `line` is a title glued to the cut-off start of `body`, return that title
    ('' when none); otherwise None."""
    head = body[0][:12] if body else ""
    p = line.find(head) if len(head) >= 6 else -1
    if p < 0:
        return None
    rest = _RE_CUT.sub("", line[p:])
    if len(rest) < 20:  # too short to tell a preview from a repeated heading
        return None
    return (clean_title(line[:p]) or "") if _common_prefix(rest, "".join(body[:30])) >= 0.8 * len(rest) - 2 else None


def is_echo(line: str, body: list[str]) -> bool:
    """A preview's second line: a cut-off repeat of one of the body's first lines."""
    core = _RE_CUT.sub("", line)
    return len(core) >= 15 and any(core in b for b in body[:12])


def preview_tail(chunk: list[str], body: list[str]) -> tuple[int, str | None]:
    """Where the preview of `body` starts at the end of `chunk`, and its title.

    A preview is a head line (title + cut-off first sentence) followed by at most two
    echo lines; echoes alone are never dropped, so repeated headings stay.
    """
    for j in range(len(chunk) - 1, max(-1, len(chunk) - 4), -1):
        title = preview_head(chunk[j], body)
        if title is not None and all(is_echo(x, body) for x in chunk[j + 1:]):
            return j, title
    return len(chunk), None


def strip_inline_preview(line: str) -> str | None:
    """The body when a preview is glued before it on the same line (`开头……开头全文`)."""
    i = line.find("……", 10, 400)
    if i < 0:
        return None
    rest = line[i + 2:]
    return rest if len(rest) > i and rest.startswith(line[: min(i, 20)]) else None


def _starts(lines: list[tuple[str, bool]]) -> list[int]:
    """Indices of lines that open a new document: space-led lines and title lines."""
    return [i for i, (text, led) in enumerate(lines) if i == 0 or led or title_line(text) is not None]


ECHO_LINES = 6  # how far into a document a site repeats its title (after an intro or the school's name too)
TEMPLATE_WORDS = ("", "范文", "范本", "范例", "模板")  # what a site appends to a title it repeats


def _is_echo(line: str, title: str) -> bool:
    """The line repeats the title, maybe with a site's 范文 after it (科学教研组的工作总结范文)."""
    core = clean_title(line) or ""
    return core.startswith(title) and core[len(title):] in TEMPLATE_WORDS


def _drop_echoes(chunk: list[str], title: str | None, removed: Counter) -> list[str]:
    """The chunk without the title lines a site repeats near its start (two or three times, after an intro too)."""
    if not title:
        return chunk
    kept = [line for line in chunk[:ECHO_LINES] if not _is_echo(line, title)] + chunk[ECHO_LINES:]
    kept = kept or chunk[-1:]  # a chunk of echoes alone keeps its last line
    removed["title_echo"] += len(chunk) - len(kept)
    return kept


def split_documents(lines: list[tuple[str, bool]], min_chars: int = 300) -> list[RawDoc]:
    """Split normalised (line, led_by_space) pairs into documents."""
    starts = _starts(lines)
    chunks = [[t for t, _ in lines[a:b]] for a, b in zip(starts, starts[1:] + [len(lines)])]
    docs: list[RawDoc] = []
    title: str | None = None
    removed: Counter = Counter()
    for k, chunk in enumerate(chunks):
        body_next = chunks[k + 1] if k + 1 < len(chunks) else []
        head = title_line(chunk[0])
        marked = head is not None  # a numbered title line: a document, however short
        if marked:
            title, chunk = (head[0] or title), [head[1]] * bool(head[1]) + chunk[1:]
        cut, next_title = preview_tail(chunk, body_next)
        if cut < len(chunk):
            removed["preview"] += len(chunk) - cut
        chunk = chunk[:cut]
        if chunk and (body := strip_inline_preview(chunk[0])) is not None:
            chunk[0] = body
            removed["preview"] += 1
        chunk = _drop_echoes(chunk, title, removed)
        if not docs and title is None and not marked and chunk and (top := page_head(chunk, body_next, min_chars)):
            title, chunk = top[0], []
            removed["boilerplate:page_header"] += top[1]
        if chunk:
            if title is None and (bare := plain_title(chunk)):
                subtitle = len(chunk) > 2 and _RE_SUBTITLE_LINE.match(chunk[1]) is not None
                title = bare + chunk[1] if subtitle else bare
                chunk = _drop_echoes(chunk[1 + subtitle:], bare, removed)
            elif below := title_block(chunk, title):
                title, chunk = below
            elif title is None and (glued := glued_title(chunk[0])):
                title, chunk[0] = glued
            if docs and title is None and not marked and sum(map(len, chunk)) < min_chars:
                docs[-1].lines.extend(chunk)  # a fragment, not a whole document
                docs[-1].removed.update(removed)
            else:
                docs.append(RawDoc(title, chunk, removed))
            title, removed = None, Counter()
        title = next_title or title
    if docs:
        docs[-1].removed.update(removed)
    return docs
