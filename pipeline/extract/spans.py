"""Text scanning several finders share: stop characters, clause bounds, character offsets, literal alternations, 《》 and “” titles."""
import re

CLAUSE_STOPS = "，。；：！？,;:!?\n\r\t （）()【】[]<>「」…"
SENT_STOPS = "。；！？;!?\n"
CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_STOPS) + "]")
SENT_RE = re.compile("[" + re.escape(SENT_STOPS) + "]")
TITLE_MAX = 60  # chars a 《》 or “” title may span; also bounds every scan (linear time)
OPEN_CLOSE = {"《": "》", "“": "”"}
LIST_JOINERS = ("以及", "和", "与", "及", "、")  # what joins two items of one list: awards, quoted names
_YEAR = r"(?:\d{2,4}|20[xX]{2}|[xX]{2})"
YEARS = rf"{_YEAR}(?:[—–\-~至到]{_YEAR})?年度?"  # a year or a span of years: 2019年, 20xx年, 2018—2020年度


def alt(words) -> str:
    """A regex alternation of literals, longest first (linear: no quantifiers)."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


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


def bracketed_titles(text: str) -> list[tuple[int, int, str]]:
    """Every 《…》 and “…” title as (start, end, bracket); a 《 left open closes at the next 《."""
    out, n = [], len(text)
    for i in char_offsets(text, "".join(OPEN_CLOSE)):
        ch = text[i]
        lim = i + TITLE_MAX if i + TITLE_MAX < n else n
        close, nl = text.find(OPEN_CLOSE[ch], i + 1, lim), text.find("\n", i + 1, lim)
        nl = nl if nl >= 0 else lim
        reopen = text.find("《", i + 1, lim) if ch == "《" else -1
        if 0 < reopen < nl and (close < 0 or reopen < close):
            out.append((i, reopen, ch))  # 《我是小导游小学语文口语交际研究《苗族歌舞走进校园》
        elif i + 1 < close < nl:
            out.append((i, close + 1, ch))
    return out
