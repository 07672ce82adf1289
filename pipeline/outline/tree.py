"""The outline tree of one document: relative levels, parents and section spans."""
from .candidates import LABEL, MONTH, Candidate, next_ordinal
from .markers import STYLES

CN_PAREN = STYLES.index("cn_paren")
# No school document nests this deep; a list restarting at 1 under its own style stops
# nesting here, so a scraped line repeated thousands of times (`一、工作总结` ×14,000) cannot
# build a 14,000-level tree, which also made every heading scan the whole stack (quadratic).
MAX_DEPTH = 8


def nest(heads: list[Candidate], line_starts: list[int], text: str) -> tuple[list[int], list[int], list[int]]:
    """(level, parent index or -1, body_end) of each heading, by a stack of open headings."""
    # a section's body ends at the line break before the heading that closes it (the next one
    # of the same or a higher level), or at the end of the text
    stack: list[int] = []  # indices into heads, outermost first: the open sections
    levels, parents, ends = [], [], [len(text)] * len(heads)
    for k, h in enumerate(heads):
        under = bool(stack) and stack[-1] == k - 1 and _opens_below(heads[k - 1], h, text)
        keep = _keep(heads, stack, h, under)
        cut = max(line_starts[h.line] - 1, 0)
        for j in stack[keep:]:
            ends[j] = cut
        del stack[keep:]
        parents.append(stack[-1] if stack else -1)
        stack.append(k)
        levels.append(len(stack))
    return levels, parents, ends


def _opens_below(g: Candidate, h: Candidate, text: str) -> bool:
    """`h` is right below `g`, a whole-line heading that can hold children (`三、行事历` then `九月份`)."""
    # not `6、…课程建设。` then `1、…`: a full sentence ending in 。 opens nothing
    return h.line == g.line + 1 and g.body_start == g.line_end and text[g.line_end - 1] not in "。；，;,"


def _keep(heads: list[Candidate], stack: list[int], h: Candidate, under: bool) -> int:
    """How many open headings stay open when `h` comes (the rest are closed by it)."""
    # - a list restarting at 1 right under a heading of its own style nests (`3、注重青年教师的
    # 培养` then `1、开展月循环听评课活动`);
    # - a style already open closes everything inside it, choosing the open heading that `h`
    # continues (`2、` after `1、` in a nested list; `4、` after `3、` outside it);
    # - a month block (`九月份`) starts at the top unless it opens right under a heading;
    # - a new numbered style nests under the innermost heading unless a canonically inner
    # numbered style is open (`（一）` after `1、`…`6、` at the top: SPEC §3 order cn_dun >
    # cn_paren > num_dun > num_paren > circled); labels and months are left open, except
    # that `一、` `（一）` close a label or month that has no numbered heading above it.
    n = len(stack)
    if n and heads[stack[-1]].style == h.style and next_ordinal(heads[stack[-1]]) == h.ordinal:
        return n - 1  # the common case: the next sibling
    same = [i for i, j in enumerate(stack) if heads[j].style == h.style]
    if same:
        if under and h.ordinal == 1 and heads[stack[-1]].style == h.style and n < MAX_DEPTH:
            return n
        exact = [i for i in same if next_ordinal(heads[stack[i]]) == h.ordinal]
        below = [i for i in same if heads[stack[i]].ordinal < h.ordinal]
        return (exact or below or same[:1])[-1]
    if h.style == MONTH:
        return n if under else 0
    if h.style == LABEL:
        return n
    numbered = [i for i, j in enumerate(stack) if heads[j].style < MONTH]
    while numbered and heads[stack[numbered[-1]]].style > h.style:
        n = numbered.pop()
    if not numbered and h.style <= CN_PAREN:  # `现将工作总结如下：` does not hold `一、`
        return 0
    return n
