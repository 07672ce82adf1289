"""Document metadata read from the title and text: kind, year, term, school level, org."""
import re

_PLAN = re.compile(r"计划|安排|方案|打算|要点|规划")
_SUMMARY = re.compile(r"总结|小结|汇报|回顾|述职|报告")
# a title naming another kind of text: 教学研究制度, 校本培训心得体会, 开学典礼讲话, 喜报：…
_OTHER = re.compile(r"制度|办法|细则|章程|讲话|发言稿|致辞|倡议书|通知|通报|决定|批复|心得|体会|喜报|捷报|简报|快讯|简讯")
# Summaries report what was done (了, 取得); plans say what will be (将, 要, 力争).
_PAST = re.compile(r"了|取得|完成|回顾|已经|过去")
_FUTURE = re.compile(r"将(?<!即将)(?!近)|力争|争取|拟|打算|准备|要(?<![重主需只必]要)(?![求点])")
# An opening that says what the document is decides before any counting.
_OPEN_SUMMARY = re.compile(r"即将结束|已经结束|悄然而逝|过去的一|回顾|总结如下|汇报如下|小结如下")
_OPEN_PLAN = re.compile(r"计划如下|特制定|制定如下|安排如下|新学期(的工作)?(已经)?开始")
_YEAR = re.compile(r"(?:19|20)(?:\d\d|[xX×_]{2})(?:\s?[-—~至]\s?(?:19|20)?(?:\d\d|[xX×_]{2}))?(?=学年|年|学期|第)")
_TERM = re.compile(r"上学期|下学期|第一学期|第二学期|春季|秋季|学年|寒假|暑假|期末|期中")
_LEVEL = re.compile(r"幼儿园|小学|初中|高中|中学|职业学校|中职|九年一贯制|特殊教育")
_ORG = re.compile(r"^[^，。；：]{2,24}(?:中心校|中心小学|小学|中学|初中|高中|学校|幼儿园|教育局|教研室|教体局|学区)$")
# 20xx, 20__, 20_年, 202X, 201*, xx, x余/x名/x人, 郭z校长: written x-first, since a pattern that starts
# with one character set (not an alternation or a lookbehind) lets sre skip to candidates fast
_PLACEHOLDER = re.compile(r"[xXzZ_*](?:(?<=20[xX_*])[xX_*年]|(?<=20\d[xX*])(?![A-Za-z\d])|(?<=[xX])[xX余名人]"
                          r"|(?<=[\u4e00-\u9fff][xXzZ])(?:校长|老师|主任))")


def doc_kind(title: str | None, text: str, topic: str | None = None) -> str:
    """summary, plan or other: the title decides; otherwise tense words in the text, and where
    there are none, the topic a page's blurb names (…带来的幼儿园班级工作计划)."""
    if named := _named_kind(title):
        return named
    opening = text[:150]
    if _OPEN_SUMMARY.search(opening) and not _OPEN_PLAN.search(opening):
        return "summary"
    if _OPEN_PLAN.search(opening) and not _OPEN_SUMMARY.search(opening):
        return "plan"
    head = text[:3000]
    past, future = len(_PAST.findall(head)), len(_FUTURE.findall(head))
    if past + future == 0:
        return _named_kind(topic) or "other"
    return "summary" if past >= future else "plan"


def _named_kind(name: str | None) -> str | None:
    """The kind a title or topic names (…工作计划, …工作总结, …心得体会), or None."""
    if not name:
        return None
    plan, summary = _PLAN.search(name), _SUMMARY.search(name)
    if plan and not summary:
        return "plan"
    if summary and not plan:
        return "summary"
    if not plan and not summary and _OTHER.search(name):
        return "other"
    return None


def doc_meta(title: str | None, lines: list[str], text: str) -> dict:
    """year, term, school_level, org and the placeholder flag of one document (text: its lines joined)."""
    probe = " ".join(filter(None, [title, lines[0][:120] if lines else ""]))
    year = _YEAR.search(probe)
    term = _TERM.search(probe)
    level = _LEVEL.search(probe) or _LEVEL.search(" ".join(lines[:3])[:400])
    org = next((s for s in reversed(lines[-3:]) if _ORG.match(s)), None)
    return {
        "year": year.group(0) if year else None,
        "term": term.group(0) if term else None,
        "school_level": level.group(0) if level else None,
        "org": org,
        "placeholders": bool(_PLACEHOLDER.search(text) or title and _PLACEHOLDER.search(title)),
    }
