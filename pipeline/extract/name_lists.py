"""Names in 、-lists (张红芳、陈永祥、房玉老师; 物理组孙洪顺、刘玉兰、袁晓伟): where lists with room for
names are, and which of their items hold one. teachers.listed_names decides teacher or pupil."""
import re

from .names import Lexicon, name_after, name_before, name_ok, surname_len
from .numbers import parse_number

CLAUSE_BREAK = "，。；：！？\n（）“”《》,;:!?()"
BREAK = re.compile(f"[{re.escape(CLAUSE_BREAK)}]")
JOINERS = ("和", "与", "及")
JOINER_SET = frozenset("".join(JOINERS))
# the title after a list of names, maybe with their count (王明、李娜两位老师)
TEACHER_TAIL = re.compile(r"等?(?P<count>[0-9一二两三四五六七八九十]{0,3})[位名]?(?:老师|教师|同志|校长|主任|领导|专家)")


def list_names(text: str, lex: Lexicon) -> list[list[tuple[int, str]]]:
    """(start, name) of the names of each 、-list clause that holds enough of them, in text order."""
    found = (_list_names(text, e, count, named, lex) for e, count, named in _roomy_lists(text, lex))
    return [names for names in found if names]


def _item_names(text: str, s: int, e: int, lex: Lexicon, strict: bool) -> list[tuple[int, str]]:
    """Names opening one list item, following 和/与/及 (赵成平和邬亚祥六位教师)."""
    names = []
    while s < e:
        found = name_after(text, s, lex, ambiguous=True, strict=strict)
        if not found or found[0] > e:
            break
        names.append((s, found[1]))
        s = found[0]
        if not text.startswith(JOINERS, s):
            break
        s += 1
    return names


def _names_of_item(text: str, a: int, b: int, e: int, lex: Lexicon, strict: bool) -> list[tuple[int, str]]:
    """The names of one list item: the whole item, names opening it, and the name closing it.

    An item may end one list and open the next (`…、刘建的汇报课和李宏梅、陈严两位…`).
    """
    item = text[a:b]
    if name_ok(item.replace(" ", "") if 0 < item.count(" ") < len(item) - 1 else item, lex, ambiguous=True,
               strict=strict, whole=True):
        return [(a, item)]  # 、师建平、 fills its item, and so does 、刘 帆、 (a name padded to three characters)
    found = _item_names(text, a, b, lex, strict)
    if b >= e:
        return found
    before = name_before(text, b, lex, ambiguous=True, strict=strict)  # 认真组织张良国、
    free = name_end(found[-1]) + 1 if found else a
    return found + [before] if before and before[0] >= free else found


def _list_names(text: str, e: int, count: int, named: list, lex: Lexicon) -> list[tuple[int, str]]:
    """Names of one 、-list clause ending at e, from its `count` items, `named` those with room for one.

    Strong names pass the strict test; weak ones only the loose one (王明, 李娜 are
    jieba words for famous people): a list needs a strong name, or a title after it,
    and half its items named.
    """
    if counted := _counted_names(text, count, named, lex):
        return counted
    strong, weak = [], []
    for a, b in named:
        # most items with room hold a name that passes both tests (the strict one passes a
        # subset of what the loose one does): test strictly first, loosely only if that fails
        found = _names_of_item(text, a, b, e, lex, True)
        strong += found
        weak += [] if found else _names_of_item(text, a, b, e, lex, False)
    names = sorted(strong + weak)
    if len(names) >= 3 and len({n[:1] for _, n in names}) == 1:
        return []  # 边实践、边研究、边总结 is a parallel phrase, not three 边s
    if len(names) < 2 or 2 * len(names) < count:
        return []
    # 王明、李娜两位老师: the title after the list vouches for weak names too
    return names if strong or TEACHER_TAIL.match(text, name_end(names[-1]), name_end(names[-1]) + 10) else []


def _counted_names(text: str, count: int, named: list, lex: Lexicon) -> list[tuple[int, str]]:
    """Every item of a list of bare names closed by a count of teachers equal to its length.

    `吴风琴、成群两位老师`: the count vouches for each item as a name, words too (成群, 白云),
    so long as each is two or three characters opening on a surname (the first may
    close a longer item, as the name before its 、).
    """
    if len(named) != count:
        return []
    last = named[-1][0]
    m = TEACHER_TAIL.match(text, last + 2) or TEACHER_TAIL.match(text, last + 3)
    number = m and m.group("count") and parse_number(m.group("count"))
    if not number or number.value != count:
        return []
    names = [(a, text[a:b]) for a, b in named[:-1]] + [(last, text[last:m.start()])]
    a, b = named[0]
    if b - a > 3 and (before := name_before(text, b, lex, ambiguous=True, strict=False)):
        names[0] = before  # the first item runs from the clause start: 本学期吴风琴、
    return names if all(2 <= len(n) <= 3 and surname_len(n, lex) for _, n in names) else []


def _roomy_lists(text: str, lex: Lexicon):
    """(end, items, items with room for a name) of the 、-list clauses with room for 2+ names and half their items.

    Clauses are reached from the 、s, not by testing every clause. Names have 2+ characters
    and open on a surname or a blank: at the item start (then more only after 和/与/及), or
    two to four characters before a 、 that closes the item; 听课、评课 has no room for one.
    """
    i, n, heads = text.find("、"), len(text), lex.heads
    back = text[::-1] if i >= 0 else ""  # a forward search in it finds the last break before i
    while i >= 0:
        j = text.find("、", i + 1)  # the clause's second 、, or else the first of the next clause holding one
        m = BREAK.search(text, i)
        e = m.start() if m else n
        m = BREAK.search(back, n - i)
        a = n - m.start() if m else 0
        # i is the clause's first 、. Most clauses have no other: then the last item has no room unless it
        # opens on a surname, and the first has room for one name at most unless 和/与/及 join several.
        if not 0 <= j < e and text[i + 1:i + 2] not in heads and JOINER_SET.isdisjoint(text[a:i]):
            i = j
            continue
        clause = text[a:e]
        if heads.isdisjoint(clause):
            i = text.find("、", e)
            continue  # no surname or blank: no item has room for a name
        items = clause.split("、")
        room, named = 0, []
        for item in items:
            b = a + len(item)
            if item and item[0] in heads:
                k = len(item) // 2 if not JOINER_SET.isdisjoint(item) else 1 if len(item) > 1 else 0
            else:
                k = b < e and not heads.isdisjoint(item[-4:-1])
            if k:
                room += k
                named.append((a, b))
            a = b + 1
        if room >= 2 and 2 * room >= len(items):
            yield e, len(items), named
        i = text.find("、", e)


def name_end(name: tuple[int, str]) -> int:
    """End offset of a (start, name) pair."""
    return name[0] + len(name[1])
