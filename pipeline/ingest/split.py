"""Split a bundled scrape into documents: boundaries, preview lines, titles (SPEC §1)."""
import re
from collections import Counter
from dataclasses import dataclass, field

NUM = "一二三四五六七八九十百零两〇"
_KIND_WORD = r"(?:工作总结|工作计划|工作汇报|工作要点|总结|计划|小结|汇报|方案|报告|安排|规划)"
# 小学校本教研工作计划篇三 / 教科室期末工作总结6 / 第二篇:校本教研工作总结2 / 篇1
_RE_TITLE_LINE = re.compile(
    rf"^(?:第[{NUM}\d]{{1,3}}篇[:：]?)?(?P<t>[^，。；！？：:]{{2,40}}?{_KIND_WORD})"
    rf"(?:[（(]?(?:篇[{NUM}\d]{{1,3}}|[{NUM}]{{1,3}}|\d{{1,3}})[）)]?)$"
    rf"|^(?:第[{NUM}\d]{{1,3}}篇[:：]?)(?P<t2>[^，。；！？]{{2,40}})$"
    rf"|^篇[{NUM}\d]{{1,3}}$")
# a title glued to the first sentence: 20xx学年小学校本教研工作总结本学年，我校……
_RE_GLUED = re.compile(
    rf"^(?:第[{NUM}\d]{{1,3}}篇[:：]?)?(?P<t>[^，。；！？：:“”、.\s]{{2,36}}?{_KIND_WORD})"
    rf"(?:篇[{NUM}\d]{{1,3}}|\d{{1,2}})?(?=[\u4e00-\u9fff“])")
_RE_BODY_OPENER = re.compile(r"^[本我今现在为随根按以时转弹回]")
_RE_TITLE_TAIL = re.compile(rf"(?:[（(]?篇[{NUM}\d]{{1,3}}[）)]?|[（(]?\d{{1,3}}[）)]?)$")
_RE_CUT = re.compile(r"(……|\.\.\.|…)$")


@dataclass
class RawDoc:
    """A document as found in a file: its title, its lines, what was removed and why."""

    title: str | None
    lines: list[str]
    removed: Counter = field(default_factory=Counter)


def clean_title(title: str | None) -> str | None:
    """Drop the bundle's numbering (篇三, trailing 6, 第二篇:) from a title."""
    if not title:
        return None
    title = re.sub(rf"^第[{NUM}\d]{{1,3}}篇[:：]?", "", title.strip())
    return _RE_TITLE_TAIL.sub("", title).strip() or None


def title_line(line: str) -> str | None:
    """The title when the line is a numbered title line, '' for a bare 篇N, else None."""
    m = _RE_TITLE_LINE.match(line)
    if not m:
        return None
    return clean_title(m.group("t") or m.group("t2")) or ""


_RE_PLAIN_TITLE = re.compile(rf"^[^，。；！？：:、“”]{{4,40}}{_KIND_WORD}$")


def plain_title(lines: list[str]) -> str | None:
    """A document's first line when it is a bare title (阳光小学2023-2024学年教科室工作总结)."""
    if len(lines) > 1 and _RE_PLAIN_TITLE.match(lines[0]) and not _RE_BODY_OPENER.match(lines[0]):
        return lines[0]
    return None


def glued_title(line: str) -> tuple[str, str] | None:
    """(title, rest) when a title is glued to the body's first sentence."""
    m = _RE_GLUED.match(line)
    if not m or len(line) - m.end() < 20 or _RE_BODY_OPENER.match(line):
        return None
    return clean_title(m.group(0)) or m.group("t"), line[m.end():]


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


def split_documents(lines: list[tuple[str, bool]], min_chars: int = 300) -> list[RawDoc]:
    """Split normalised (line, led_by_space) pairs into documents."""
    starts = _starts(lines)
    chunks = [[t for t, _ in lines[a:b]] for a, b in zip(starts, starts[1:] + [len(lines)])]
    docs: list[RawDoc] = []
    title: str | None = None
    removed: Counter = Counter()
    for k, chunk in enumerate(chunks):
        body_next = chunks[k + 1] if k + 1 < len(chunks) else []
        t = title_line(chunk[0])
        marked = t is not None  # a numbered title line: a document, however short
        if marked:
            title, chunk = (t or title), chunk[1:]
        cut, next_title = preview_tail(chunk, body_next)
        if cut < len(chunk):
            removed["preview"] += len(chunk) - cut
        chunk = chunk[:cut]
        if chunk and (body := strip_inline_preview(chunk[0])) is not None:
            chunk[0] = body
            removed["preview"] += 1
        if chunk:
            if title is None and (bare := plain_title(chunk)):
                title, chunk = bare, chunk[1:]
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
