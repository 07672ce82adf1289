"""Site boilerplate: lines a scraping site added around the documents, with a named reason.

Lines are read on the simplified view, so each pattern lists simplified forms only.
"""
import functools
import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from .split import KIND_WORD, NUM, RE_HEADING, SITE_QUALIFIERS

PAGE_HEADER_LINES = 12  # a site's page header (title, meta, collection header, blurb) is shorter
# A footer opens a block of related-article links that runs until real text resumes.
_RE_FOOTER = re.compile(r"^(相关推荐|相关文章|相关阅读|推荐阅读|猜你喜欢|热门推荐|精选推荐|延伸阅读|最新文章|更多[^，。]{0,8}(文章|范文))[:：]?$")
_RE_AD = re.compile(r"^[\[【][^\]】]{1,12}(范文|文库|网|资料)[\]】]|(下载|复制)本文|本文(来源|来自|由)|转载请|版权(归|所有)"
                    r"|免费下载|点击(查看|下载)|更多[^，。]{0,6}资讯|尽在[^，。]{0,12}(网|微信|公众号)|扫描下方二维码")
# a web address makes a line an ad only when the line is no sentence: `我校网站（www.x.cn）发布新闻200余篇。` is text
_RE_URL = re.compile(r"www\.|https?://|\.(com|cn|net)\b")
# `当前位置：随笔吧心得体会内容页` names itself a breadcrumb; `首页` needs a separator after it
# and any short line of three or more parts joined by > › » (`找总结网 > 总结报告范文 > 期末工作总结 > …`)
_RE_CRUMB = re.compile(r"^(首页|当前位置|您现在的位置|您的位置|位置)[:：]?.{0,40}(>|›|»|/).{0,60}$"
                       r"|^(当前位置|您现在的位置|您的位置)([:：].{0,80})?$"
                       r"|^[^，。；！？>›»]{1,30}(?:[>›»][^，。；！？>›»]{1,50}){2,}$")
# … and a row of site links (`设为首页 | 收藏本站 | 后台管理`)
_RE_NAV = re.compile(r"^[-·•*\s]*(上一篇|下一篇|上一页|下一页)[:：]"
                     r"|^(?:(?:设为首页|收藏本站|加入收藏|后台管理|网站首页|返回首页|联系我们|关于我们|网站地图|会员登录"
                     r"|用户登录|登录|注册|手机版)[\s|｜/·]*){2,}$")
# document-site furniture: `X_第1页`, `已阅读5页,还剩5页未读`, `继续免费阅读`, `版权说明:本文档由用户提供并上传`
# and `第1页 / 共6页`, a file's name or size (`….docx`, `- 26.00 KB`), a row of page actions (`下载 相关 举报`),
# a bulleted file card (`• 约3.2千字`, `• 约7页`, `• 2026-01-20 发布于四川`, `• 0`, `• 举报`), a document
# site's terms (`- 1、原创力文档（book118）网站文档一经付费…`, `每下载1次，网站将根据…`), page marks (`—PAGE1—`)
_RE_DOCSITE = re.compile(r"_第\d{1,3}页$|已阅读\d{1,3}页|还剩\d{1,3}页|继续免费阅读|版权说明[:：]|本文档由用户|^文档简介$"
                         r"|^第\d{1,3}页\s*/\s*共\d{1,3}页$|全文预览已结束|由会员分享|^(资源描述|下载资源|资源下载|资源简介)$"
                         r"|原创力文档|文档一经付费|网站将根据"
                         r"|\.(docx?|pdf|pptx?|wps)(VIP)?$|^[-·•*\s]*\d+(\.\d+)?\s*[KM]B$|客服QQ"
                         r"|^[-·•*\s]+(?:\d+|约?[\d.]+[千万]?[字页]|举报|[\d-]+\s*发布于\S{0,8})$"
                         r"|^(?:(?:下载|相关|举报|收藏|分享|打印|评论|点赞)\s*){2,}$|^[—-]+PAGE\d{1,3}[—-]+$"
                         r"|^[^，。；！？]{0,20}(?:文档|范文|资料)下载$")  # 文档视界 最新最全的文档下载
# a document site's numbered terms, however long (`- 2、本站所有内容均由合作方或网友上传，…`)
_RE_TERMS = re.compile(r"[-·•*]\s*\d{1,2}、.{0,60}(?:本站|VIP|侵权|版权|会员|付费|客服)")
# page meta that no school document writes: `作者:佚名 新闻来源:本站原创 点击数:670`, `2024-06-19 版权声明 我要投稿`
# (a publishing field opens the line or follows a space: `成绩发布时间：` is a plan's own field)
_RE_META = re.compile(r"(点击数|点击量|阅读次数|浏览次数|信息来源|新闻来源|文章来源|责任编辑)[:：]"
                      r"|(^|\s)(发布时间|更新时间|发布日期|发表日期|发表时间|录入时间|添加时间|上传时间|字号|字体)[:：]"
                      r"|有\d*位读者读过|^[\d\-/\s:]*人已围观$"  # a school site's view counter: `…作者:王杨 有位读者读过`
                      r"|我要投稿|访问手机版|版权声明|作者[:：]佚名"
                      r"|^[-·•*\s]*\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2}|\s*发布$)|\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}"
                      r"|^导读[:：]"  # a site's preview of the body
                      # two publishing fields in one line: `推荐人： 来源： 阅读： 2.44W 次`
                      r"|(推荐人|来源|阅读|作者|编辑|发布)[:：][^:：]{0,30}(推荐人|来源|阅读|作者|编辑|发布)[:：]")
# `时间：`, `时间：2021-08-31`, a bare `2024-06-18`: page meta only in the page header, since a
# plan's activity block may hold `时间：2023-03-05` as a field of its own
_DATE = r"(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)"
_RE_TOKEN = re.compile(r"[A-Za-z0-9_]{2,12}$")  # a page's stray ID or code in its header (`cwl2`)
_RE_HEAD_META = re.compile(rf"^((时间|日期)[:：]\s*{_DATE}?|{_DATE})\s*$")
# a collection page's header: `小学教研工作计划（精选7篇）`, `述职报告格式【三篇】`, `有关教研组年终工作总结8篇`
_RE_HEADER = re.compile(rf"[（【《]\s*({SITE_QUALIFIERS})?[\d{NUM}]{{1,3}}篇\s*[）】》]$|({SITE_QUALIFIERS})[\d{NUM}]{{1,3}}篇[）】》]?$"
                        rf"|^(有关|关于)[^，。；！？]{{2,40}}[\d{NUM}]{{1,3}}篇$")
_RE_HEADER_KIND = re.compile(r"总结|计划|报告|方案|规划|心得|体会|范文")
# a site's intro blurb says it collected the texts for the reader, and invites them to read
_RE_BLURB_WHO = re.compile(r"小编|[为给帮](大家|你们|您)(精心)?(整理|收集|搜集|分享|准备|带来|推荐|汇总|讲一讲|介绍)|以下是[^，。]{0,20}(整理|收集|分享)的")
# the site speaks first: nothing, or `下面` `以下` `这里` … before it; `王主任为大家介绍了…` is a report's sentence
_RE_BLURB_LEAD = re.compile(r"(?:(?:下面|以下|这里|今天|本文|接下来|那么|在此)[^，。！？]{0,4})?")
_RE_BLURB_ASK = re.compile(r"欢迎(阅读|借鉴|参考|大家)|希望[^。]{0,12}(帮助|喜欢|借鉴|参考|有所|启发)|仅供参考|供大家|一起来|方便大家")
# SEO spam lines are strings of such phrases (`男人天堂日韩,中文字幕18页,…`); three make a line spam
_RE_SPAM = re.compile(r"日韩|欧美|伊人|无码|中文字幕|免费视频|成人|自拍|色情|激情|性生|午夜|博彩|娱乐城|天堂")
_RE_LINK = re.compile(r"^[^，。；！？]{4,40}$")  # a bare title line inside a footer block
_RE_SENTENCE = re.compile(r"[，。；！？]")
# A literal every footer, breadcrumb, header, meta, ad or spam line holds (blurbs are found by
# their own pattern): one scan of the whole text finds the few lines worth the patterns above
# (per-line matching was a tenth of ingest). Rare literals only: a common first character
# (大, 上, 时) makes the scan stop everywhere.
_RE_CANDIDATE = re.compile(r"相关|推荐阅读|猜你喜欢|热门推荐|精选推荐|延伸阅读|最新文章|更多|首页|位置|\[|【"
                           r"|本文|转载请|版权|免费|点击|www\.|http|\.com|\.cn|\.net|尽在|维码|>|›|»|收藏|读者读过|围观|- |PAGE"
                           r"|篇|页|档简|读次|览次|来源|编辑|间：|布日|字号|字体|投稿|手机版|佚名|:\d|韩|伊人|字幕|色情"
                           r"|下载|举报|KB|QQ|预览|会员|资源|\.doc|\.pdf|\.ppt|\.wps|推荐人|发布|导读|•|千字|原创力|付费|网站将|本站|VIP|侵权")


def _is_header(line: str, in_page_header: bool = False) -> bool:
    """A collection page's header line: a title with its `（精选7篇）` count and no sentence in it."""
    if len(line) > 60 or _RE_SENTENCE.search(line) or RE_HEADING.match(line):
        return False
    m = _RE_HEADER.search(line)
    if not m:
        return False
    # `（2篇）` alone could close a plan's list item (`撰写学期工作总结（2篇）`): without 精选-style
    # words it is the site's header after a kind of text, in 【】《》 or in the page header
    return (m.group(1) is not None or m.group(2) is not None or m.group(3) is not None
            or (in_page_header or line[m.start()] in "【《") and bool(_RE_HEADER_KIND.search(line[:m.start()])))


# what a blurb says the page holds: 下面就是小编给大家带来的幼儿园班级工作计划，…
_RE_BLURB_TOPIC = re.compile(r"(?:带来|整理|收集|搜集|分享|准备|推荐|精选)的([^，。！？]{2,40})")


def blurb_topic(blurb: str) -> str | None:
    """The kind of text a site's blurb says it collected (幼儿园班级工作计划), or None."""
    m = _RE_BLURB_TOPIC.search(blurb)
    return m.group(1) if m else None


def blurb_start(line: str) -> int | None:
    """Where a site's intro blurb starts in the line (0: the whole line), or None when there is none.

    The blurb is the sentence naming who collected the texts and the rest of the line:
    `…制定以下校本教研工作计划。下面就是小编给大家带来的…，希望能帮助到大家！`
    """
    who = _RE_BLURB_WHO.search(line) if len(line) < 400 else None
    if not who or not _RE_BLURB_ASK.search(line, who.start()):
        return None
    start = max(line.rfind(stop, 0, who.start()) for stop in "。！？") + 1
    return start if _RE_BLURB_LEAD.fullmatch(line, start, who.start()) else None


def line_reason(line: str) -> str | None:
    """The boilerplate reason of one normalised line, or None for document text."""
    if _RE_FOOTER.match(line):
        return "boilerplate:footer"
    if _RE_CRUMB.match(line):
        return "boilerplate:breadcrumb"
    if _RE_NAV.match(line):
        return "boilerplate:nav"
    if _is_header(line):
        return "boilerplate:header"
    if blurb_start(line) == 0:
        return "boilerplate:blurb"
    if _RE_TERMS.match(line):
        return "boilerplate:docsite"
    if len(line) < 120:
        if _RE_AD.search(line) or "。" not in line and _RE_URL.search(line):
            return "boilerplate:ad"
        if _RE_DOCSITE.search(line):
            return "boilerplate:docsite"
        if _RE_META.search(line):
            return "boilerplate:meta"
        if "。" not in line and len(set(_RE_SPAM.findall(line))) >= 3:
            return "boilerplate:spam"
    return None


def _page_header(lines: list[str], reasons: list[str | None]) -> None:
    """Mark the page header's `时间：` and date lines, stray codes, and its blurbs whole (their site prose
    before `下面是小编…` too): the lines before the first body line or heading, among the first few."""
    for i, line in enumerate(lines[:PAGE_HEADER_LINES]):
        if reasons[i] is not None:
            continue
        if _RE_HEAD_META.match(line) or _RE_TOKEN.match(line):
            reasons[i] = "boilerplate:meta"
        elif _is_header(line, in_page_header=True):
            reasons[i] = "boilerplate:header"
        elif blurb_start(line) is not None:
            reasons[i] = "boilerplate:blurb"
        elif len(line) >= 30 or RE_HEADING.match(line):
            return


@functools.cache
def _to_line_end(pattern: re.Pattern) -> re.Pattern:
    """The pattern and the rest of its line: one match per line at most (`篇` and `【` recur in a line)."""
    return re.compile(f"(?:{pattern.pattern})[^\n]*")


def _hit_lines(pattern: re.Pattern, lines: list[str]) -> list[int]:
    """Indices of the lines where `pattern` occurs, from one scan of the whole text."""
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    return [bisect_right(starts, m.start()) - 1 for m in _to_line_end(pattern).finditer("\n".join(lines))]


# A page's name for its document, in the page header: `第二学期工作总结 - 作文大全` (then `作文大全` alone),
# `县教研工作总结综述Word格式.docx`, `…工作總結_第1頁`. The name holds a kind word; a site name holds none.
_RE_PAGE_NAME = re.compile(
    rf"^(?P<t>[^，。；！？：]{{2,40}}?{KIND_WORD}[^，。；！？：\s]{{0,8}}?)"
    r"(?:(?:word格式|Word格式|WORD格式|格式|word版|Word版)?\.(?:docx?|pdf|wps)|_第\d{1,3}页"
    rf"|\s*[-_|－—]\s*(?P<site>(?!.*{KIND_WORD})[^\s，。；！？_|]{{2,10}}))$")


class Boilerplate(NamedTuple):
    """What to drop from a file's lines."""

    reasons: list[str | None]  # a reason per line, None = keep
    cuts: dict[int, int]  # kept lines that end in a site's blurb after document text: line → where it starts
    page_name: tuple[int, int, int] | None = None  # (line, start, end) of the page's name for its document


def mark_boilerplate(lines: list[str]) -> Boilerplate:
    """The boilerplate of a file's lines; footer blocks swallow the link titles after them."""
    blurbs = _hit_lines(_RE_BLURB_WHO, lines)
    candidates = sorted(set(_hit_lines(_RE_CANDIDATE, lines)) | set(blurbs))
    reasons: list[str | None] = [None] * len(lines)
    for i in candidates:
        reasons[i] = line_reason(lines[i])
    for i in candidates:
        if reasons[i] == "boilerplate:footer":
            j = i + 1
            while j < len(lines) and reasons[j] is None and _RE_LINK.match(lines[j]):
                reasons[j] = "boilerplate:footer"
                j += 1
    _page_header(lines, reasons)
    cuts = {i: blurb_start(lines[i]) for i in blurbs if reasons[i] is None}
    return Boilerplate(reasons, {i: c for i, c in cuts.items() if c}, _page_name(lines, reasons))


def _page_name(lines: list[str], reasons: list[str | None]) -> tuple[int, int, int] | None:
    """Where the page header names its document; marks `name - site` lines and the bare site name lines.

    The name is a title only where the header is furniture: a file or page name already marked,
    or a `name - site` line whose site name stands alone on a line of the header too.
    """
    head = lines[:PAGE_HEADER_LINES]
    for i, line in enumerate(head):
        m = _RE_PAGE_NAME.match(line)
        if not m:
            continue
        site = m.group("site")
        if site is None and reasons[i] == "boilerplate:docsite":
            return i, m.start("t"), m.end("t")
        if site is not None and reasons[i] is None and site in head[:i] + head[i + 1:]:
            for j, other in enumerate(head):
                if other == site or j == i:
                    reasons[j] = "boilerplate:page_name"
            return i, m.start("t"), m.end("t")
    return None
