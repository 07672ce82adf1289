"""Site boilerplate: lines a scraping site added around the documents, with a named reason."""
import re
from bisect import bisect_right
from itertools import accumulate

# A footer opens a block of related-article links that runs until real text resumes.
_RE_FOOTER = re.compile(r"^(相关推荐|相关文章|相关阅读|推荐阅读|猜你喜欢|热门推荐|精选推荐|延伸阅读|最新文章|更多[^，。]{0,8}(文章|范文))[:：]?$")
_RE_AD = re.compile(r"^[\[【][^\]】]{1,12}(范文|文库|网|资料)[\]】]|(下载|复制)本文|本文(来源|来自|由)|转载请|版权(归|所有)|免费下载|点击(查看|下载)|www\.|https?://|\.(com|cn|net)\b")
_RE_CRUMB = re.compile(r"^(首页|当前位置|您现在的位置|位置)[:：]?.{0,40}(>|›|»|/).{0,60}$")
_RE_LINK = re.compile(r"^[^，。；！？]{4,40}$")  # a bare title line inside a footer block
# A literal every footer, breadcrumb or ad line holds: one scan of the whole text finds
# the few lines worth the three patterns above (per-line matching was a tenth of ingest).
_RE_CANDIDATE = re.compile(r"相关|推荐阅读|猜你喜欢|热门推荐|精选推荐|延伸阅读|最新文章|更多|首页|位置|\[|【"
                           r"|本文|转载请|版权|免费下载|点击|www\.|http|\.com|\.cn|\.net")


def line_reason(line: str) -> str | None:
    """The boilerplate reason of one normalised line, or None for document text."""
    if _RE_FOOTER.match(line):
        return "boilerplate:footer"
    if _RE_CRUMB.match(line):
        return "boilerplate:breadcrumb"
    if len(line) < 120 and _RE_AD.search(line):
        return "boilerplate:ad"
    return None


def mark_boilerplate(lines: list[str]) -> list[str | None]:
    """A reason per line (None = keep); footer blocks swallow the link titles after them."""
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    candidates = sorted({bisect_right(starts, m.start()) - 1 for m in _RE_CANDIDATE.finditer("\n".join(lines))})
    reasons: list[str | None] = [None] * len(lines)
    for i in candidates:
        reasons[i] = line_reason(lines[i])
    for i in candidates:
        if reasons[i] == "boilerplate:footer":
            j = i + 1
            while j < len(lines) and reasons[j] is None and _RE_LINK.match(lines[j]):
                reasons[j] = "boilerplate:footer"
                j += 1
    return reasons
