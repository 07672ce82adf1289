"""The outline trees of a batch of documents: relative levels and parents of the headings."""
import numpy as np

from .candidates import LABEL, MONTH, next_ordinal
from .markers import STYLES

CN_PAREN = STYLES.index("cn_paren")
# No school document nests this deep; a list restarting at 1 under its own style stops
# nesting here, so a scraped line repeated thousands of times (`一、工作总结` ×14,000) cannot
# build a 14,000-level tree, which also made every heading scan the whole stack (quadratic).
MAX_DEPTH = 8


def nest(doc: np.ndarray, line: np.ndarray, style: np.ndarray, ordinal: np.ndarray,
         whole_line: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(level, parent, closer) of each heading of a batch in text order, by a stack of open headings.

    Parent and closer index the headings, -1 for none: the closer is the heading whose arrival
    closes the section (its body ends at the line break before it), -1 when the section runs
    to the end of its document. `whole_line`: the heading is alone on its line and does not end
    like a sentence, so it can hold the heading right below it (`三、行事历` then `九月份`).
    """
    n = len(doc)
    if n == 0:
        return (np.zeros(0, dtype=np.int64),) * 3
    new_doc = np.r_[True, doc[1:] != doc[:-1]]
    following = next_ordinal(style, ordinal)  # the ordinal of each heading's next sibling
    # the common case: the next sibling of the previous heading takes its place on the stack
    # (same level and parent; it closes the previous one), so only the others go through it
    sibling = ~new_doc & np.r_[False, (style[1:] == style[:-1]) & (following[:-1] == ordinal[1:])]
    under = ~new_doc & np.r_[False, (line[1:] == line[:-1] + 1) & whole_line[:-1]]
    others = np.flatnonzero(~sibling)
    style_of, ordinal_of, following_of = style.tolist(), ordinal.tolist(), following.tolist()
    stack: list[int] = []  # the open headings of the current document, outermost first
    levels, parents, closer = [], [], [-1] * n
    for k, fresh, held in zip(others.tolist(), new_doc[others].tolist(), under[others].tolist()):
        if fresh:
            stack = []  # the previous document's open sections run to its end
        else:
            stack[-1] = k - 1  # the previous heading is on top: the last sibling of its run
        keep = _keep(style_of, ordinal_of, following_of, stack, k, held)
        for j in stack[keep:]:
            closer[j] = k
        del stack[keep:]
        parents.append(stack[-1] if stack else -1)
        stack.append(k)
        levels.append(len(stack))
    closer = np.array(closer)
    successors = np.flatnonzero(sibling)
    closer[successors - 1] = successors  # a next sibling closes the one before it
    place = np.cumsum(~sibling) - 1  # the place among `others` of the first heading of each run of siblings
    return np.array(levels, dtype=np.int64)[place], np.array(parents, dtype=np.int64)[place], closer


def _keep(style: list[int], ordinal: list[int], following: list[int], stack: list[int], k: int,
          under: bool) -> int:
    """How many open headings stay open when heading `k` comes (the rest are closed by it).

    `following[j]` is the ordinal of the next sibling of heading j (months wrap: 十二月份 → 一月份);
    `under`: heading k is right below the previous one, which can hold it.
    """
    # - a list restarting at 1 right under a heading of its own style nests (`3、注重青年教师的
    # 培养` then `1、开展月循环听评课活动`);
    # - a style already open closes everything inside it, choosing the open heading that `k`
    # continues (`2、` after `1、` in a nested list; `4、` after `3、` outside it);
    # - a month block (`九月份`) starts at the top unless it opens right under a heading;
    # - a new numbered style nests under the innermost heading unless a canonically inner
    # numbered style is open (`（一）` after `1、`…`6、` at the top: SPEC §3 order cn_dun >
    # cn_paren > num_dun > num_paren > circled); labels and months are left open, except
    # that `一、` `（一）` close a label or month that has no numbered heading above it.
    n, s, o = len(stack), style[k], ordinal[k]
    same = [i for i, j in enumerate(stack) if style[j] == s]
    if same:
        if under and o == 1 and style[stack[-1]] == s and n < MAX_DEPTH:
            return n
        exact = [i for i in same if following[stack[i]] == o]
        below = [i for i in same if ordinal[stack[i]] < o]
        return (exact or below or same[:1])[-1]
    if s == MONTH:
        return n if under else 0
    if s == LABEL:
        return n
    numbered = [i for i, j in enumerate(stack) if style[j] < MONTH]
    while numbered and style[stack[numbered[-1]]] > s:
        n = numbered.pop()
    if not numbered and s <= CN_PAREN:  # `现将工作总结如下：` does not hold `一、`
        return 0
    return n
