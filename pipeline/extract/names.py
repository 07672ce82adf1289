"""Person-name shapes: surnames, given names, and where a name starts or ends in running text."""
import functools
import json
import re
from pathlib import Path
from typing import NamedTuple

from ..segment.userdict import jieba_dict_path

PATTERNS = Path(__file__).resolve().parents[2] / "models" / "patterns"
PLACEHOLDER = "xXzZ_×*＊"
CN_NUMERALS = "零〇一二两三四五六七八九十百千万"
MIDDLE_NUMERALS = "一二三四五六七八九"
MIDDLE_ONLY = MIDDLE_NUMERALS + "之"  # given characters a name holds in the middle only: 刘四方, 茅之怡
COUNT_UNITS = "位名人节个篇次项件堂课期份岁等"
# POS tags of jieba's dictionary that still allow a person name (nr 人名, ns 地名
# such as 王国 in 王国奇); any other dictionary word (高效, 方法, 主任) is not a name.
NAME_POS = ("nr", "ns")
COMMON_NAME_WORD = 100  # frequency above which a jieba "nr" word is an ordinary word
FAMOUS = 500  # a person word jieba saw this often names a public figure (邓小平, 鲁迅)
RARE_WORD = 5  # jieba words seen fewer times (方明 n 4) are too rare to rule a name out
VERBAL = ("v", "vn", "vd", "d", "c", "p", "u", "ad")
COMMON_VERB = 500  # 建明 (v, 2) is a given name; 实践 (v, 5441) is not
COMMON_NOUN = 2000  # jieba frequency of an institution noun too common to be a given name (学院, 中学)
INSTITUTION_ENDS = "院学校局厅司室所部处会馆站"  # … and how such nouns end (海军, 森林 stay names)


class Lexicon(NamedTuple):
    """The teacher finder's word lists (models/patterns/surnames.json, teachers.json)."""

    common: frozenset
    ambiguous: frozenset
    compound: frozenset  # 欧阳, 司马
    titles_after: tuple
    titles_before: tuple
    followers: tuple
    field_labels: tuple
    students: tuple
    bad_given: frozenset
    heads: frozenset  # every character a name can start with
    public: frozenset  # public figures, never teachers
    follows: re.Pattern  # any of the followers, as one alternation
    field_suffixes: tuple  # endings that make any label a person label (联络员：)
    byline_orgs: tuple  # school and office words a byline's name follows (…中心小学钟明书)
    title_words: frozenset  # two-character titles and labels, never a given name (任成员, 任组长)


@functools.cache
def load_lexicon(folder: str = str(PATTERNS)) -> Lexicon:
    """Read the surname and title lexicons once per process."""
    sur = json.loads((Path(folder) / "surnames.json").read_text(encoding="utf-8"))
    tea = json.loads((Path(folder) / "teachers.json").read_text(encoding="utf-8"))

    def longest_first(words):
        return tuple(sorted(set(words), key=len, reverse=True))

    return Lexicon(
        frozenset(sur["common"]), frozenset(sur["ambiguous"]), frozenset(sur["compound"]),
        longest_first(tea["titles_after"]), longest_first(tea["titles_before"]),
        longest_first(tea["followers"]), longest_first(tea["field_labels"]),
        tuple(tea["students"]), frozenset(tea["bad_given"] + CN_NUMERALS + "师"),
        frozenset(sur["common"] + sur["ambiguous"] + "".join(c[0] for c in sur["compound"]) + "_＿"),
        frozenset(tea.get("public_figures", ())),
        re.compile("|".join(map(re.escape, longest_first(tea["followers"]))) or "(?!)"),
        longest_first(tea["field_suffixes"]), longest_first(tea["byline_orgs"]),
        frozenset(w for w in tea["titles_after"] + tea["titles_before"] + tea["field_labels"] if len(w) == 2),
    )


def first_char_alternation(words: list[str], tails: list[str], sep: str = "") -> str:
    """Regex matching words[k] + tails[k] (a regex), the first alternative that matches winning, as `|`.join would.

    sep (a regex) may come between the characters of a word. The alternatives are grouped by their
    first character, keeping their order within a group: at any position only one group can match,
    so the matches are the plain alternation's, but the regex engine tries one group at a candidate
    position instead of every alternative (about 15% less scanning).
    """
    groups = {}
    for word, tail in zip(words, tails):
        groups.setdefault(word[0], []).append("".join(sep + re.escape(c) for c in word[1:]) + tail)
    return "|".join(re.escape(c) + "(?:%s)" % "|".join(alts) for c, alts in groups.items())


@functools.cache
def load_words() -> dict:
    """jieba's dictionary words of two or three characters: word -> (POS tag, frequency)."""
    words = {}
    with open(jieba_dict_path(), "rb") as f:
        for line in f:
            parts = line.decode("utf-8").split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 3:
                words[parts[0]] = (parts[2], int(parts[1]))
    return words


def is_cjk(c: str) -> bool:
    """True for a CJK ideograph."""
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _opens_name(c: str) -> bool:
    """True when c may follow a surname: an ideograph or a blank (王明, 郭z); also at the text end."""
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c in PLACEHOLDER


def surname_len(s: str, lex: Lexicon, ambiguous: bool = False) -> int:
    """Length of the surname that opens s (2 for 欧阳), or 0 when none does."""
    if s[:2] in lex.compound:
        return 2
    if s[:1] in lex.common or (ambiguous and s[:1] in lex.ambiguous):
        return 1
    return 0


def is_famous(name: str, lex: Lexicon, limit: int = FAMOUS) -> bool:
    """True for a public figure (邓小平 nr 4055 in jieba's dictionary, or listed), not a teacher."""
    pos, freq = load_words().get(name, ("", 0))
    return name in lex.public or (pos.startswith("nr") and freq >= limit)


def is_word(s: str, strict: bool = False) -> bool:
    """True when s is a dictionary word that is not a person name (高效, 主任, 昌乐).

    strict also refuses two-character words that jieba tags as names but that are
    common words (沙龙 160 nr, 孙子 871 nr): real teachers are rarely in the dictionary.
    """
    pos, freq = load_words().get(s, ("", 0))
    if not pos.startswith("nr"):
        return bool(pos) and freq >= RARE_WORD
    return strict and len(s) == 2 and (pos == "nrt" or (pos == "nr" and freq >= COMMON_NAME_WORD))


def name_ok(s: str, lex: Lexicon, ambiguous: bool = False, strict: bool = True, whole: bool = False) -> bool:
    """True when s has the shape of a name: surname + 1-2 given characters, or anonymised.

    whole: s fills a list item by itself (、师建平、), so 师 + a word may still be a name.
    """
    n = len(s)
    if not 2 <= n <= 4 or s[0] not in lex.heads or not _opens_name(s[1]):
        return False
    if s[0] in "_＿" and all(is_cjk(c) and c not in lex.bad_given for c in s.lstrip("_＿")):
        return len(s.lstrip("_＿")) in (1, 2)  # _岩: the surname itself was blanked
    k = surname_len(s, lex, ambiguous)
    if not k or not 1 <= n - k <= 2:
        return False
    given = s[k:]
    if not given.strip(PLACEHOLDER):
        return True  # 郭z, 陈xx
    if given in lex.title_words:
        return False  # 教导主任任成员: 任 is the verb "serve as", 成员 no given name
    bad = lex.bad_given
    if given[-1] in PLACEHOLDER:  # 李俊x: one given character kept, the other blanked
        return len(given) == 2 and is_cjk(given[0]) and given[0] not in bad
    for c in given:  # 刘四方 may hold a numeral in the middle; 周一 高三 may not
        if not ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf") \
                or c in bad and not (c in MIDDLE_ONLY and c == s[-2] and n == 3):
            return False
    return not (is_word(s, strict) or (n == 3 and k == 1 and _word_inside(s, lex, whole)))


def _word_inside(s: str, lex: Lexicon, whole: bool = False) -> bool:
    """True when a three-character candidate is really a word plus one character."""
    words = load_words()
    head, _ = words.get(s[:2], ("nr", 0))
    tail, freq = words.get(s[1:], ("", 0))
    if not head.startswith(NAME_POS):
        return True  # 高兴地
    if tail in VERBAL and freq >= COMMON_VERB or tail == "n" and freq >= COMMON_NOUN and s[-1] in INSTITUTION_ENDS:
        return True  # 边实践; 师范学院 → 范学院, 城关中学 → 关中学: an institution is no given name
    return not whole and s[0] in lex.ambiguous and bool(tail) and not tail.startswith("nr")  # 区骨干


def name_before(text: str, p: int, lex: Lexicon, ambiguous: bool = False, alone: bool = False,
                strict: bool = True) -> tuple[int, str] | None:
    """The name that ends at p (王晓洁 in 组内王晓洁老师), choosing its start; None if none."""
    heads = lex.heads
    if heads.isdisjoint(text[p - 4 if p > 4 else 0:p]):
        return None  # no surname or blank among the four characters before p
    if p and text[p - 1] in PLACEHOLDER:
        tail = text[p - 2 if p > 2 else 0:p]
        i = p - (len(tail) - len(tail.rstrip(PLACEHOLDER))) - 1
        if i >= 0 and surname_len(text[i], lex) and not is_word(text[i - 1:i + 1] if i else ""):
            return i, text[i:p]  # 郭z校长
        i -= 1  # 李俊x老师: a given character before the blank; 金牌x老师 is a word, 感谢x老师 glued to one
        if i >= 0 and i == p - 3 and name_ok(text[i:p], lex) and not is_word(text[i:i + 2]) \
                and not is_word(text[i - 1:i + 1] if i else ""):
            return i, text[i:p]
        return None
    c = text[p - 1:p]
    if _may_end_name(c, text[p - 2:p - 1], lex):
        # 欧阳娜娜: a compound surname four characters back goes first (阳 alone is a surname too)
        for n in (4, 3, 2) if text[p - 4 if p > 4 else 0:p - 2] in lex.compound else (3, 2, 4):
            i = p - n
            if i < 0 or text[i] not in heads:
                continue  # name_ok would refuse it: spare the call
            cand = text[i:p]
            if not name_ok(cand, lex, ambiguous and n == 3, strict) or _prefer_shorter(text, i, p, lex, alone):
                continue
            if n == 2 and i and is_word(text[i - 1:i + 1]):
                continue  # 新时代好老师: 代 ends the word 时代, it opens no name
            return i, cand
    if alone and text[p - 2 if p > 2 else 0:p] in lex.compound:
        return p - 2, text[p - 2:p]  # 欧阳老师: compound surname only
    if alone and p >= 1 and c in lex.common and not is_word(text[p - 2:p] if p >= 2 else ""):
        if p < 2 or not text[p - 2].isascii() or not text[p - 2].isalnum():
            return p - 1, c  # 潘老师: surname only
    return None


def _may_end_name(c: str, before: str, lex: Lexicon) -> bool:
    """False when name_ok refuses every name whose last given character is c (before: the character before c).

    The test name_ok applies to each given character, hoisted out of name_before's loop over lengths.
    """
    return ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf") and (
        c not in lex.bad_given or c in MIDDLE_NUMERALS and c == before)


PREPOSITIONS = "由向和将"  # surnames far more often prepositions after a word (not 让: 市级让光辉等5人)


def _prefer_shorter(text: str, i: int, p: int, lex: Lexicon, alone: bool) -> bool:
    """True when text[i:p] should give way to the name one character shorter.

    教师王萌: 师 ends the word 教师, so the name is 王萌; 感谢马校长: 谢 ends 感谢, so 马;
    向王明老师: 向 is more often a word than a surname, so 王明; glued to a word before it, such a
    surname gives no longer name even when the rest is none (会议由承波: not 由承波).
    """
    rest = text[i + 1:p]
    shorter_ok = name_ok(rest, lex, strict=False) if len(rest) >= 2 else (alone and rest in lex.common)
    if text[i] in lex.ambiguous and (shorter_ok or text[i] in PREPOSITIONS and len(rest) >= 2 and i > 0
                                     and is_cjk(text[i - 1])):
        return True  # 会议由承波副校长主持: 由 after a word is the preposition, whether or not 承 is known
    glued = i > 0 and (is_word(text[i - 1:i + 1]) or text[i - 1] in PLACEHOLDER)
    return glued and (shorter_ok or (len(rest) >= 2 and is_word(rest)))


def follower_at(text: str, j: int, lex: Lexicon, extra: tuple = ()) -> bool:
    """True when a name may end at j: punctuation, a numeral, or a closing word follows."""
    n = len(text)
    if j >= n:
        return True
    c = text[j]
    if c.isdigit() or c in CN_NUMERALS:
        k = j + 1
        while k < n and k - j < 6 and (text[k].isdigit() or text[k] in CN_NUMERALS):
            k += 1
        return k < n and text[k] in COUNT_UNITS  # 王超十二位, 张洪岩88节; not 昌乐二中
    return lex.follows.match(text, j) is not None or (extra and text.startswith(extra, j))


def name_before_word(text: str, s: int, lex: Lexicon) -> tuple[int, str] | None:
    """The name that starts at s and ends where a dictionary word starts (肖培东 in 肖培东引领); None if none.

    For names after a title (特级教师肖培东引领, 教研员张晓斌入校), where no follower closes them.
    When the last character also makes a word with the next one, the more frequent word wins:
    主任韩立平定期 gives 韩立平 (定期 1389 > 平定 756), 组长杜鹏召开学 gives 杜鹏 (召开 > 开学);
    主任王刚检查 gives 王刚, since 查工 is no word.
    """
    for n in (3, 2, 4):
        j = s + n
        after, overlap = _word_freq(text[j:j + 2]), _word_freq(text[j - 1:j + 1]) if n > 2 else 0
        if after and after >= overlap and name_ok(text[s:j], lex) and not _common_given(text[j - 2:j] if n > 2 else ""):
            return j, text[s:j]
    return None


def _word_freq(s: str) -> int:
    """jieba's frequency of s when it is a dictionary word that is not a name (is_word), else 0."""
    return load_words()[s][1] if is_word(s) else 0


def _common_given(s: str) -> bool:
    """True when a two-character given name is a common word (校长查中层领导: 中层 n 405); 建华 nz, 国庆 t pass."""
    pos, freq = load_words().get(s, ("", 0))
    return freq >= COMMON_NAME_WORD and not pos.startswith(("nr", "ns", "nz", "t"))


def name_after(text: str, s: int, lex: Lexicon, ambiguous: bool = False, extra: tuple = (),
               strict: bool = True) -> tuple[int, str] | None:
    """The name that starts at s and is closed by a follower (陈彦 in 陈彦主持); None if none."""
    if text[s:s + 1] not in lex.heads or not _opens_name(text[s + 1:s + 2]):
        return None
    if text[s] not in "_＿" and not surname_len(text[s:s + 2], lex, ambiguous):
        return None  # every candidate below opens with these two characters: none has a surname
    tail = text[s + 1:s + 3]
    blanks = len(tail) - len(tail.lstrip(PLACEHOLDER))  # 郭z, 陈xx
    if blanks and surname_len(text[s:s + 1], lex, ambiguous):
        j = s + 1 + blanks
        # 李xx接二连三: two blanks end a name whatever follows; one (郭z) needs a follower or title
        closed = blanks >= 2 or follower_at(text, j, lex, extra) or text.startswith(lex.titles_after, j)
        return (j, text[s:j]) if closed else None
    for n in (3, 2, 4):
        cand = text[s:s + n]
        if len(cand) == n and follower_at(text, s + n, lex, extra) and name_ok(cand, lex, ambiguous and n == 3, strict):
            return s + n, cand
    return None
