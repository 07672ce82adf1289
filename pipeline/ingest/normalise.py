"""One canonical text form: what `documents.text` holds and every offset indexes.

The form: LF line ends, one paragraph per line, no blank lines, no leading or
trailing spaces, none between Chinese text and a digit or punctuation; ASCII digits
and letters half-width; Chinese punctuation full-width (，：；！？（）) wherever it
touches Chinese text; paired straight quotes as “”; 3+ dots as ……; scraping
artefacts (`>` before headings, `\\"`, doubled markers, HTML, hidden-text markers,
page numbers, converter pinyin and injected `?`s, bracketed site names and watermarks, table pipes
at line ends) removed.
Traditional characters are kept as they are (documents.script says which).
"""
import html
import re
from collections import Counter

CJK = "\u3400-\u9fff\uf900-\ufaff"

_FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for c in range(r[0], r[1] + 1)}
_TRANSLATE = {
    **_FULLWIDTH,
    0x3000: " ", 0xA0: " ", 0x09: " ", 0x0B: " ", 0x0C: " ",
    0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None,
    ord("("): "（", ord(")"): "）", ord("﹙"): "（", ord("﹚"): "）",
    ord("．"): ".",  # full-width full stop: a marker (一．) or decimal point, never 。
    0xFE50: "，",
}
_TRANSLATE.update({c: None for c in range(32) if c not in (9, 10, 11, 12)})
_TRANSLATE.update({c: None for c in range(0x7F, 0xA0)})
# str.translate looks every character up in the dict (most of normalising's time on
# Chinese text); a regex finds the rare runs that change, and only those are translated.
_RE_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]+")

# Every pattern below starts with a character set (lookarounds come after the first
# character): sre then skips ahead to candidate characters instead of trying each position.

# Text copied out of a PDF spaces digits and punctuation off the Chinese around them
# (`投资近 5 千元`, `5 、安全工作`, `食品 ; 对寝室、 厕所`, a placeholder too: `李 xx 老师`). Those
# spaces go; a space between two Chinese characters stays, as it may part names in a list
# (`王明 李华`) or pad a label (`组  长：`).
_PUNCT_AFTER = "，。、；：！？）》”“,;:!?"  # punctuation a space before is debris (幼儿园 “…”)
_PUNCT_BEFORE = "，。、；：！？（《“”,;:!?"  # punctuation a space after is debris (“…” 课题)
# One space opens a match (a literal first character: sre skips ahead to it; tabs are spaces by
# now) and the rest of its run is taken possessively, so a run is tried once.
_RE_PDF_SPACE = re.compile(rf" (?:(?<=[{CJK}] ) *+(?=[0-9xX×])|(?<=[0-9xX×] ) *+(?=[{CJK}])"
                           rf"|(?<=[{CJK}0-9）》”] ) *+(?=[{re.escape(_PUNCT_AFTER)}])"
                           rf"|(?<=[{re.escape(_PUNCT_BEFORE)}] ) *+(?=[{CJK}0-9“（《]))")
_RE_ITEM_START = re.compile(r"[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.)）](?!\d)")
WRAP_SHORTFALL = 0.85  # a wrapped line fills at least this share of the wrap width
_HALF_PUNCT = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_RE_HALF_PUNCT = re.compile(rf"[,;:!?](?:(?<=[{CJK}].)|(?=[{CJK}“”]))")
# `<?xml:namespace … />` and `<o:p>` are Word-HTML debris; the spaces after a tag are markup
# (`<p> ——璧山中学…`), not the leading space that marks a new document
_RE_TAG = re.compile(r"(?:<(?:br|/p|/div|p|div)\b[^<>]{0,200}>|<[a-zA-Z/!?][^<>]{0,200}>)"
                     r"(?:[ \t\u3000\xa0]|&nbsp;|&#160;|&#12288;)*", re.I)
_RE_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_RE_HIDDEN = re.compile(r"[.…。]{0,12}此处隐藏[0-9,，]{0,9}个字[.…。]{0,12}")
_RE_PAGE = re.compile(r"[-第](?:(?<=-)(?<![0-9A-Za-z\-]-)[ \t]?\d{1,3}[ \t]?-(?![0-9A-Za-z\-])"
                      r"|(?<=第)[ \t]?\d{1,3}[ \t]?[页頁][ \t]?共[ \t]?\d{1,3}[ \t]?[页頁])")
# 繼續(xù); where the converter lost the character itself it leaves `?qū)W` (向?qū)W校 for 向學校)
_RE_PINYIN = re.compile(rf"[（?？][a-zü]{{0,6}}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{{0,6}}）(?P<letter>[A-Z](?=[{CJK}]))?")
_PIPE_OR_SPACE = "|" + "".join(c for c in map(chr, range(0x3001)) if c.isspace())  # what str.strip() strips, and |
# a site's name in brackets injected mid-sentence: `…教学反思活动，[百范文]不断提高…`
_RE_SITE_TAG = re.compile(r"[\[【][^\W_]{0,10}(?:范文|範文|文库|文庫|网|網|资料|資料)[\]】]")
# a document site's watermark glued before a line (`精品文档---下载后可任意编辑中小学…工作总结`)
_RE_WATERMARK = re.compile(r"精品文档-*下载后可任意编辑|精品文檔-*下載後可任意編輯")
_RE_GT = re.compile(rf">(?<=[{CJK}]>)(?=[{CJK}])")  # 互联>网; a line's leading >s go in the line loop
_RE_DOUBLE = re.compile(r"[、，。](?:(?<=、)、+|(?<=，)，+|(?<=。)(?<!。。)。(?!。))")  # 、、 ，， 。。 but not 。。。
_RE_DOTS = re.compile(r"[.。…](?:(?<=\.)\.\.+|(?<=。)。。+|(?<=…))(?:\.{3,}|。{3,}|…)*")  # runs of ... 。。。 …
# 實踐,、思考 / 成長,。 / 1,、: a converter's stray commas (a run is tried once, from its first comma)
_RE_COMMA_DEBRIS = re.compile(r"[,，](?<![,，].)[,，]*+(?=[、。？！；：])")
# A converter that lost characters leaves `?` every few characters (`小學第二學?期科學教研?組工作總結?`):
# a line is debris when its marks are dense and some touch a comma or full stop, where a real
# question mark never stands (`文?化。一、?校園`).
_QMARK_MIN, _QMARK_SPACING = 8, 12
_RE_QMARK_TOUCH = re.compile(r"[?？](?:(?<=[，,、。：:][?？])|(?=[，,、。]))")
_RE_MARKER_DUN = re.compile(r"^((?:（[^（）\n]{1,3}）)|[①-⑳])、", re.M)  # （1）、 → （1）


def _block_breaks(text: str) -> str:
    """Turn HTML block tags into line breaks, drop other tags, decode entities."""
    if "<" in text:
        text = _RE_TAG.sub(lambda m: "\n" if m.group(0)[1:3].lower() in ("br", "/p", "/d", "p>", "p ", "di") else "", text)
    if "&" in text:
        text = _RE_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text


def _quotes(line: str) -> str:
    """Paired straight double quotes become “”; an odd count is left alone."""
    if line.count('"') % 2:
        return line
    parts = line.split('"')
    return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]


def _drop_qmark_debris(text: str) -> str:
    """Remove the `?`s of lines where a converter injected them every few characters."""
    out = []
    for line in text.split("\n"):
        marks = line.count("?") + line.count("？")
        if marks >= _QMARK_MIN and marks * _QMARK_SPACING >= len(line) and len(_RE_QMARK_TOUCH.findall(line)) >= 2:
            line = line.replace("?", "").replace("？", "")
        out.append(line)
    return "\n".join(out)


def normalise_lines(lines: list[str]) -> list[str]:
    """Normalise paragraphs (no newlines inside) to the canonical form, one output per input.

    The substitutions run once over the joined text, each only when its trigger
    character is present: per-line calls were most of ingest's time.
    """
    if not lines:
        return []
    text = _RE_TRANSLATE.sub(lambda m: m.group(0).translate(_TRANSLATE), "\n".join(lines))
    if "\\" in text:
        text = text.replace('\\"', '"').replace("\\'", "'")
    if "此处隐藏" in text:
        text = _RE_HIDDEN.sub("", text)
    if "-" in text or "页" in text or "頁" in text:
        text = _RE_PAGE.sub("", text)
    if ">" in text:
        text = _RE_GT.sub("", text)
        text = "\n".join(line.lstrip(" \t").lstrip(">") for line in text.split("\n"))
    if "）" in text:  # before punctuation: 繼續(xù)! must end as 繼續！
        text = _RE_PINYIN.sub(lambda m: (m.group("letter") or "") if m.group(0)[0] == "（" else "", text)
    if "[" in text or "【" in text:
        text = _RE_SITE_TAG.sub("", text)
    if "任意编辑" in text or "任意編輯" in text:
        text = _RE_WATERMARK.sub("", text)
    if text.count("?") + text.count("？") >= _QMARK_MIN:
        text = _drop_qmark_debris(text)
    if " " in text:
        text = _RE_PDF_SPACE.sub("", text)
    text = _RE_HALF_PUNCT.sub(lambda m: _HALF_PUNCT[m.group(0)], text)
    text = _RE_COMMA_DEBRIS.sub("", text)
    if "..." in text or "。。。" in text or "…" in text:
        text = _RE_DOTS.sub("……", text)
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if "|" in line:  # table-cell pipes left at a line's ends by a scraped page layout
            line = line.strip(_PIPE_OR_SPACE)
        if '"' in line:
            line = _quotes(line)
        out.append(line)
    text = "\n".join(out)
    if "、、" in text or "，，" in text or "。。" in text:
        text = _RE_DOUBLE.sub(lambda m: m.group(0)[0], text)
    return _RE_MARKER_DUN.sub(r"\1", text).split("\n")


def normalise_line(line: str) -> str:
    """Normalise one paragraph (no newlines inside) to the canonical form."""
    return normalise_lines([line])[0]


def raw_lines(text: str) -> list[tuple[str, bool]]:
    """Split decoded text into (line, led_by_space) pairs before normalising.

    A leading space is a document-boundary signal in scraped bundles (SPEC §1), so
    it is recorded before the line is stripped.
    """
    text = _block_breaks(text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for line in text.split("\n"):
        led = line[:1] in (" ", "\u3000", "\t", "\xa0")
        out.append((line, led))
    return out


PAGE_CHUNK_MIN = 300  # a page of a document site's text view holds at least this many characters
_RE_PAGE_NUMBER = re.compile(r"\s*(\d{1,3})、")
_SENTENCE_ENDS = "。！？!?；;…”’」』）)》"


def join_pages(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines of a text shown page by page, each page opened by its number (`1、…借助…影` / `2、响和带动…`),
    joined back into one line without the numbers.

    A run of such pages numbers them 1, 2, 3…, and every page but the last is long and
    breaks off mid-sentence: a list item (`2、开展教研活动`) follows a finished sentence.
    """
    out, i = [], 0
    while i < len(lines):
        if "1、" not in lines[i][0][:6]:  # nearly every line: no first page opens here
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and (m := _RE_PAGE_NUMBER.match(lines[j][0])) and int(m.group(1)) == j - i + 1 \
                and (j == i or _breaks_off(lines[j - 1][0])):
            j += 1
        if j - i >= 2 and _breaks_off(lines[i][0]):
            out.append(("".join(_RE_PAGE_NUMBER.sub("", line, count=1) for line, _ in lines[i:j]), lines[i][1]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _breaks_off(line: str) -> bool:
    """A long line that stops mid-sentence: a page cut out of running text."""
    line = line.rstrip()
    return len(line) >= PAGE_CHUNK_MIN and line[-1] not in _SENTENCE_ENDS


def _width(line: str) -> int:
    """Display width: a Chinese character or full-width mark (3 UTF-8 bytes) takes two columns, ASCII one."""
    return (len(line) + len(line.encode("utf-8", "surrogatepass"))) // 2


def unwrap(lines: list[str]) -> list[str]:
    """Join lines hard-wrapped at a fixed width back into their paragraphs.

    Widths are display widths: a PDF wraps at a column, so a line holding digits has fewer
    characters, and justified lines fall a few columns short of it.
    """
    lengths = Counter(len(s) for s in lines if len(s) >= 20)
    if sum(lengths.values()) < 10:
        return lines
    mode = lengths.most_common(1)[0][0]
    if sum(n for k, n in lengths.items() if abs(k - mode) <= 3) < 0.3 * sum(lengths.values()):
        return lines  # most files: no common line length, nothing to measure in columns
    widths = [_width(s) for s in lines]
    wide = [w for w in widths if w >= 40]
    if len(wide) < 10:
        return lines
    width, _ = Counter(wide).most_common(1)[0]
    if sum(abs(w - width) <= 2 for w in wide) < 0.3 * len(wide):
        return lines
    out: list[str] = []
    joining = False
    for line, w in zip(lines, widths):
        if joining and out and not _RE_ITEM_START.match(line):  # a list item opens its own line
            out[-1] += line
        else:
            out.append(line)
        joining = WRAP_SHORTFALL * width <= w <= width + 2 and line[-1:] not in "。！？；：”…"
    return out


# after a sentence or an intro's colon (`…总结如下：一、加强理论学习。`)
_RE_INLINE_HEAD = re.compile(r"(?<=[。！？；：])(?=(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}、)[^，。]{2,30}[。：\n])")
# A list marker after a clause end, before a Chinese head (`…如下：一、加强教师的业务学习，…`,
# `…。（1）、积极组织…`), or after a bundle's `篇N` (`…教学总结 篇1一、本学年…`); the numeral is
# captured to tell the list's first two items. The clause end opens the pattern, so sre skips
# ahead to it; the line is cut at the match's end.
_MARKER = r"[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]|\d{1,2}[、.．](?!\d)"
_RE_LIST_ITEM = re.compile(rf"(?:[。！？；：;:!?]|[0-9一二三四五六七八九十](?<=篇.))\s?(?=({_MARKER})、?\s?[\u4e00-\u9fff“《])")
# A sub-list's first item glued to its heading, no clause end between: `…。一、优化育人环境，
# 创设教育氛围1.美化校园。…`, `二、具体工作（一）、高校课堂1、加强领导，…`. Matched from a list item's
# start, it ends where the line is cut, before the first item's marker (captured).
_RE_GLUED_FIRST = re.compile(rf"(?:{_MARKER})、?\s?[\u4e00-\u9fff“《][^。！？；：;:!?\n]{{0,30}}?[\u4e00-\u9fff”》]"
                             r"(?=([（(]一[）)]|1[、.．](?!\d)|[（(]1[）)])、?\s?[\u4e00-\u9fff“《])")
_LIST_PAIRS = (("一、", "二、"), ("（一）", "（二）"), ("1、", "2、"), ("1.", "2."), ("（1）", "（2）"))
ALONE_MIN = 200  # a shorter line holding a file's text is a note, not a document run together


def _glued_firsts(line: str, starts: list[int]) -> list[re.Match]:
    """Matches of _RE_GLUED_FIRST from each list item's start, and on from each sub-item they find."""
    found = []
    for pos in starts:
        while m := _RE_GLUED_FIRST.match(line, pos):
            found.append(m)
            pos = m.end()
    return found


def reflow(line: str, alone: bool = False, max_len: int = 1000) -> list[str]:
    """Break a whole document on one line before its inline headings.

    A line holding most of its file (`alone`) is a document run together: it is broken
    before every list marker after a clause end, and before a sub-list's first marker
    glued to its heading, once the first two items of one list are both there
    (`…如下：一、…。二、…`). Any other line longer than max_len (a bundle
    of one-line documents) is broken only before short heads that end a clause.
    """
    if alone and len(line) >= ALONE_MIN:
        items = [*_RE_LIST_ITEM.finditer(line)]
        items += _glued_firsts(line, [m.end() for m in items])
        items.sort(key=lambda m: m.end())
        found = {m.group(1).replace("(", "（").replace(")", "）").replace("．", ".") for m in items}
        if any(first in found and second in found for first, second in _LIST_PAIRS):
            cuts = [0] + [m.end() for m in items] + [len(line)]
            return [line[a:b].strip() for a, b in zip(cuts, cuts[1:]) if line[a:b].strip()]
    if len(line) <= max_len:
        return [line]
    return [s for s in _RE_INLINE_HEAD.split(line) if s]
