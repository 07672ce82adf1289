"""The counted noun next to a count (SPEC §4 `item`): from the segmenter's tokens, else from the dictionary."""
import numpy as np

from .names import load_words

# characters no item runs through (获 too: 2人获教学比赛奖项 counts people, not 获教学比)
STOP_ITEM = set("获的了和与及在是为有等对把被将从向都也还并又就其各每共达约近个未不没，。；：、！？（）()“”《》 \n")
NOUNISH = frozenset({"n", "vn", "nz", "nt", "ng", "j", "b", "an", "l"})
HEAD_NOUNS = NOUNISH - {"b", "an", "l"}  # what may follow the first noun of an item: nouns proper
MODIFIERS = frozenset({"b", "a", "t"})  # 省级 in 省级课题, 优秀 in 优秀教师, 青年 in 青年教师
BEFORE_FILLERS = ("不少于", "不低于", "至少", "共计", "达到", "共", "达", "有")


def _items_from_tokens(tokens: dict, spans: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """The span of each count's item: the noun tokens right after it (三个/教研组), else the noun right before
    (教师/66名). One search per document for all its counts: a NumPy call costs more than the reading."""
    t_start, t_end, pos = tokens["start"], tokens["end"], tokens["pos"]
    after = np.searchsorted(t_start, [e for _, e in spans]).tolist()
    before = (np.searchsorted(t_end, [s for s, _ in spans], side="right") - 1).tolist()
    return [_token_item(t_start, t_end, pos, s, e, k, b) for (s, e), k, b in zip(spans, after, before)]


def _token_item(t_start, t_end, pos, start: int, end: int, k: int, b: int) -> tuple[int, int] | None:
    """_items_from_tokens for one count [start, end): k is the first token from its end, b the last before it."""
    # the six tokens from k as plain Python values: one optional skip plus four nouns is all we read;
    # their offsets only when a noun follows (else the item is the noun before). None when a token
    # crosses the count's end (2人获 read as 人获): the next word is glued to the unit, so nothing after is counted
    tp = pos[k:k + 6].tolist() if k == 0 or t_end[k - 1] <= end else []
    i = 1 if tp and tp[0] in ("uj", "f") and t_end[k] - t_start[k] <= 2 else 0  # 8节以上的公开课: skip 以上 / 的
    if tp[:2] == ["a", "uj"] and t_end[k] - t_start[k] <= 2:
        i = 2  # 12个不同的班级, 3位优秀的教师: skip the adjective and its 的
    if i < len(tp) and tp[i] in NOUNISH:
        ts, te, j = t_start[k:k + 6].tolist(), t_end[k:k + 6].tolist(), i + 1
        # only nouns extend the head noun: 76项微型课题立项 (立项 b), 11名教师榜上有名 (l) stop at it
        while j < len(ts) and j - i < 4 and tp[j] in HEAD_NOUNS and ts[j] == te[j - 1]:
            j += 1
        return None if ts[i] - end > 3 else (ts[i], te[j - 1])
    if b >= 0 and t_end[b] == start and pos[b] in NOUNISH:
        a = b  # 教师/机/1台: the nouns glued before it make one item (教师机)
        while a > 0 and b - a < 2 and t_end[a - 1] == t_start[a] and pos[a - 1] in HEAD_NOUNS:
            a -= 1
        return int(t_start[a]), int(t_end[b])
    return None


def _item(text: str, start: int, end: int) -> str | None:
    """The counted noun next to the count, from the dictionary: after it (三个课题) or before it (教师66名)."""
    j = end
    for filler in ("以上的", "以下的", "左右的", "以上", "以下", "的"):
        if text.startswith(filler, j):
            j += len(filler)
            break
    after = _dictionary_nouns(text, j) or _char_run(text, j)
    if after:
        return after
    k = start
    for filler in BEFORE_FILLERS:
        if text.endswith(filler, 0, k):
            k -= len(filler)
            break
    words = load_words()
    # an activity may be counted in lessons or times (听课不少于4节), money never in verbs (投入30万元)
    allowed = NOUNISH | {"v"} if text[end - 1] in "节次时堂" else NOUNISH
    return next((text[k - n:k] for n in (3, 2) if words.get(text[k - n:k], ("",))[0] in allowed), None)


def _char_run(text: str, j: int) -> str | None:
    """Up to four characters of an unknown noun (子课题组), unless a dictionary verb starts there."""
    if load_words().get(text[j:j + 2], ("n",))[0] not in NOUNISH:
        return None
    k = j
    while k < len(text) and k - j < 4 and text[k] not in STOP_ITEM and "\u4e00" <= text[k] <= "\u9fff":
        k += 1
    return text[j:k] if k - j >= 2 else None


def _dictionary_nouns(text: str, j: int) -> str | None:
    """The noun at j by longest dictionary match, with any modifiers before it (市级课题, 优秀教师)."""
    words, k = load_words(), j
    for _ in range(3):
        word = next((text[k:k + n] for n in (3, 2) if text[k:k + n] in words), None)
        if word is None:
            return None
        k += len(word)
        if words[word][0] in MODIFIERS or word.endswith("级"):
            continue
        return text[j:k] if words[word][0] in NOUNISH else None
    return None


def set_items(text: str, counts: list[dict], tokens: dict | None) -> None:
    """Fill in each count's item: from the tokens when there are some, else from the dictionary."""
    if tokens is not None and len(tokens.get("start", ())) and counts:
        spans = _items_from_tokens(tokens, [(e["start"], e["end"]) for e in counts])
        for e, span in zip(counts, spans):
            e["item"] = text[span[0]:span[1]] if span else None
    else:
        for e in counts:
            e["item"] = _item(text, e["start"], e["end"])
