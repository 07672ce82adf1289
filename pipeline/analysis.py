"""pandas helpers for notebooks/explore.ipynb: corpus overview, outlines, entities, keywords per section type."""
import re

import numpy as np
import pandas as pd

from . import evaluate
from .datasets import Dataset

UNSTATED = "未注明 n/a"
LEVELS = {"national": "国家级 national", "provincial": "省级 provincial", "municipal": "市级 municipal",
          "district": "区级 district", "county": "县级 county", "school": "校级 school"}
RANKS = ("特等奖", "一等奖", "二等奖", "三等奖", "金奖", "银奖", "铜奖", "优秀奖", "鼓励奖", "第一名", "第二名", "第三名", "称号")
STATUSES = ("申报", "立项", "开题", "中期", "结题")
# first match wins: "教研活动时间安排" is a schedule before it is 教研, "存在的不足" a problem before anything else
SECTION_TYPES = (
    ("指导思想 guiding ideas", r"指导思想|指导方针|总体思路|工作思路|基本思路|总体要求"),
    ("工作目标 goals", r"目标|任务"),
    ("活动安排 schedule", r"安排|行事历|日程|月份|^[一二三四五六七八九十]{1,2}月"),
    ("成绩成效 achievements", r"成绩|成效|成果|收获|获奖|荣誉"),
    ("问题不足 problems", r"不足|问题|困惑|差距|缺点"),
    ("今后打算 next steps", r"今后|努力方向|打算|设想|展望|下一步"),
    ("课题科研 research", r"课题|科研"),
    ("教师发展 teacher development", r"培训|培养|队伍|青年教师|新教师|师徒|青蓝|业务学习|理论学习|读书|专业|成长"),
    ("教研活动 teaching research", r"教研|听课|评课|公开课|研讨|集体备课|观摩|沙龙"),
    ("课程教学 teaching", r"课堂|常规|教学|质量|课程|课标|教材|作业"),
    ("措施 measures", r"措施|做法|重点|主要工作|工作内容|具体工作|实施"),
)
OTHER, OPENING = "其他 other", "开头 opening"
# (label, units, item pattern or None): "76人 任课教师" counts teachers, "604人次 培训" trainings
MEASURES = (
    ("培训人次 training person-times", frozenset({"人次"}), None),
    ("教师 teachers", frozenset({"名", "人", "位"}), r"教师|老师|校长|干部|领导|骨干|同志|专家|班主任|组长"),
    ("学生 students", frozenset({"名", "人", "位"}), r"学生|同学|幼儿|学员"),
    ("课时 lessons", frozenset({"课时", "节", "堂", "学时"}), None),
    ("金额 money (元)", frozenset({"元", "千元", "万元", "亿元"}), None),
    ("论文作品 papers & works", frozenset({"篇", "件"}), None),
    ("课题项目 projects", frozenset({"项", "个"}), r"课题|立项|项目"),
    ("次数 sessions", frozenset({"次", "期", "场"}), None),
)
COUNT_STATUS = ("数值 number", "占位 placeholder", "无数值 no number")
YUAN = {"元": 1, "千元": 1e3, "万元": 1e4, "亿元": 1e8}
KEEP_POS = re.compile(r"^(n(?!r)|v|a|i|l|j)")  # nouns (not person names), verbs, adjectives, idioms
STOPWORDS = frozenset("进行 开展 加强 提高 做好 认真 积极 努力 我们 通过 各种 一些 这些 没有 能够 已经".split())


# ---- corpus overview -------------------------------------------------------------------------------

def year_label(year) -> str:
    """The year as written, one bin for placeholders (20xx, 20__) and one for documents naming none."""
    if not isinstance(year, str) or not year.strip():
        return "未注明 not stated"
    return "占位 placeholder (20xx)" if re.search(r"[xX_＿]", year) else year


def dup_clusters(documents: pd.DataFrame) -> pd.DataFrame:
    """Near-duplicate clusters: the original, its copies and their lowest similarity."""
    copies = documents[documents["dup_of"].notna()]
    titles = documents.set_index("doc_id")["title"]
    rows = [{"original": root, "title": titles.get(root), "copies": len(g), "copy_ids": ", ".join(g["doc_id"]),
             "min_score": g["dup_score"].min()} for root, g in copies.groupby("dup_of")]
    return pd.DataFrame(rows, columns=["original", "title", "copies", "copy_ids", "min_score"])


def originals(documents: pd.DataFrame) -> set[str]:
    """doc_ids of documents that are not near-duplicates of an earlier one."""
    return set(documents.loc[documents["dup_of"].isna(), "doc_id"])


def documents_about(documents: pd.DataFrame, word: str, head: int = 300) -> pd.Series:
    """True for documents whose title or opening names `word` (校本教研)."""
    return documents["title"].fillna("").str.contains(word, regex=False) | \
        documents["text"].str[:head].str.contains(word, regex=False)


# ---- outline ---------------------------------------------------------------------------------------

def normalise_title(title) -> str:
    """First clause of a heading title, simplified, without punctuation or 的: 存在的不足： → 存在不足."""
    first = re.split(r"[，,：:；;。！!？?（(]", str(title or ""), maxsplit=1)[0]
    return evaluate.norm(first).replace("的", "")


def section_type(title) -> str:
    """The kind of section a heading title opens (SECTION_TYPES), else 其他 other."""
    text = evaluate.norm(title)
    return next((label for label, pattern in SECTION_TYPES if re.search(pattern, text)), OTHER)


def top_sections(sections: pd.DataFrame) -> pd.DataFrame:
    """Level-1 sections with normalised title, type, length in characters and position in the document."""
    s = sections[sections["level"] == 1].sort_values(["doc_id", "start"]).copy()
    s["norm_title"] = s["title"].map(normalise_title)
    s["type"] = s["title"].map(section_type)
    s["n_chars"] = s["body_end"] - s["start"]
    s["position"] = s.groupby("doc_id").cumcount() + 1
    return s


def section_order(top: pd.DataFrame, max_position: int = 8) -> pd.DataFrame:
    """Documents per (section type, position), types sorted by their mean position."""
    pos = top["position"].clip(upper=max_position)
    table = pd.crosstab(top["type"], pos)
    return table.loc[top.groupby("type")["position"].mean().sort_values().index]


def typical_order(top: pd.DataFrame, min_share: float = 0.2) -> list[str]:
    """Section types found in at least `min_share` of the documents, by median position."""
    docs = top.groupby("type")["doc_id"].nunique()
    common = docs[docs >= max(2, min_share * top["doc_id"].nunique())].index
    return list(top[top["type"].isin(common)].groupby("type")["position"].median().sort_values(kind="stable").index)


# ---- entities --------------------------------------------------------------------------------------

def _ordered(values, order) -> list:
    present = list(dict.fromkeys(values))
    return [v for v in order if v in present] + sorted(v for v in present if v not in order and v != UNSTATED) + \
        ([UNSTATED] if UNSTATED in present else [])


def award_table(entities: pd.DataFrame) -> pd.DataFrame:
    """Awards per level (rows, national first) and rank (columns, 特等奖 first)."""
    a = entities[entities["type"] == "award"]
    level, rank = a["level"].map(LEVELS).fillna(UNSTATED), a["rank"].fillna(UNSTATED)
    table = pd.crosstab(level, rank)
    return table.loc[_ordered(table.index, LEVELS.values()), _ordered(table.columns, RANKS)]


def award_events(entities: pd.DataFrame, top: int = 10) -> pd.Series:
    """The most frequent competitions named with an award."""
    events = entities.loc[entities["type"] == "award", "event"].dropna().str.strip("“”\"'《》 ")
    return events[events != ""].value_counts().head(top)


def count_measures(entities: pd.DataFrame) -> pd.DataFrame:
    """Count entities with the measure they report, the amount (money in 元) and whether it is a number."""
    c = entities[entities["type"] == "count"].copy()
    item = c["item"].fillna("")
    c["measure"] = OTHER
    for label, units, pattern in reversed(MEASURES):  # first listed wins
        hit = c["unit"].isin(units) & (item.str.contains(pattern) if pattern else True)
        c.loc[hit, "measure"] = label
    c["amount"] = c["value"] * c["unit"].map(YUAN).where(c["measure"] == MEASURES[4][0], 1).fillna(1)
    c["status"] = np.where(c["placeholder"].fillna(False).astype(bool), COUNT_STATUS[1],
                           np.where(c["value"].isna(), COUNT_STATUS[2], COUNT_STATUS[0]))
    return c


def measure_summary(counts: pd.DataFrame) -> pd.DataFrame:
    """Per measure: mentions by status, and sum, median and max of the numeric amounts."""
    by = pd.crosstab(counts["measure"], counts["status"]).reindex(columns=list(COUNT_STATUS), fill_value=0)
    num = counts[counts["status"] == COUNT_STATUS[0]].groupby("measure")["amount"]
    docs = counts.groupby("measure")["doc_id"].nunique().rename("documents")
    table = by.join(num.agg(["sum", "median", "max"])).join(docs)
    return table.loc[[m for m in [label for label, _, _ in MEASURES] + [OTHER] if m in table.index]]


def project_table(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per (document, project): kind, level and the latest status stated."""
    p = entities[entities["type"] == "project"].copy()
    p["name"] = p["name"].fillna(p["text"])
    p["order"] = p["status"].map({s: i for i, s in enumerate(STATUSES)})
    p = p.sort_values("order", na_position="first")
    return p.groupby(["doc_id", "name"], as_index=False).agg(kind=("kind", "first"), level=("level", "first"),
                                                              status=("status", "last"))


def teachers_per_doc(entities: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Per document: distinct teachers named, of which anonymised (郭z), and mentions."""
    t = entities[entities["type"] == "teacher"].assign(who=lambda d: d["name"].fillna(d["text"]))
    anon = t[t["placeholder"].fillna(False).astype(bool)]
    table = pd.DataFrame({"teachers": t.groupby("doc_id")["who"].nunique(), "mentions": t.groupby("doc_id").size(),
                          "anonymised": anon.groupby("doc_id")["who"].nunique()})
    table = documents.set_index("doc_id")[["kind", "title"]].join(table)
    return table.fillna(0).astype({"teachers": int, "mentions": int, "anonymised": int})


# ---- keywords --------------------------------------------------------------------------------------

def _level1(sections: pd.DataFrame) -> dict[str, str]:
    """Each section id mapped to its level-1 ancestor."""
    parent = dict(zip(sections["section_id"], sections["parent_id"]))
    top = {}
    for sid in parent:
        cur, seen = sid, 0
        while isinstance(parent.get(cur), str) and seen < 64:  # guard against a cycle in bad data
            cur, seen = parent[cur], seen + 1
        top[sid] = cur
    return top


def section_tokens(ds: Dataset, doc_ids: set[str] | None = None) -> pd.DataFrame:
    """Content tokens of each level-1 section (text before the first heading is the 开头 opening) with its type."""
    sections = ds.table("sections", ["doc_id", "section_id", "parent_id", "title"])
    sents = ds.table("sentences", ["doc_id", "sent_id", "section_id"])
    toks = ds.table("tokens", ["doc_id", "sent_id", "text", "pos"])
    if doc_ids is not None:
        sents, toks = sents[sents["doc_id"].isin(doc_ids)], toks[toks["doc_id"].isin(doc_ids)]
    top, types = _level1(sections), dict(zip(sections["section_id"], sections["title"].map(section_type)))
    unit = sents["section_id"].map(top)
    sents = sents.assign(unit=unit.fillna(sents["doc_id"] + "-opening"), type=unit.map(types).fillna(OPENING))
    keep = toks["text"].str.len().ge(2) & toks["text"].str.contains(r"[\u4e00-\u9fff]") & \
        ~toks["text"].isin(STOPWORDS) & (toks["pos"].isna() | toks["pos"].fillna("").str.match(KEEP_POS))
    return toks[keep].merge(sents, on=["doc_id", "sent_id"])[["unit", "type", "text"]]


def section_keywords(ds: Dataset, doc_ids: set[str] | None = None, top: int = 8) -> pd.DataFrame:
    """Top TF-IDF terms per section type: each level-1 section is a document, scores averaged per type."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    toks = section_tokens(ds, doc_ids)
    units = toks.groupby("unit").agg(type=("type", "first"), terms=("text", list))
    # terms are tokens already; max_df drops words such as 工作 found in most sections
    vec = TfidfVectorizer(analyzer=list, min_df=2, max_df=0.5, sublinear_tf=True)
    x, vocab = vec.fit_transform(units["terms"]), vec.get_feature_names_out()
    rows = []
    for kind, idx in units.reset_index().groupby("type").indices.items():
        mean = np.asarray(x[idx].mean(axis=0)).ravel()
        best = [i for i in np.argsort(-mean, kind="stable")[:top] if mean[i] > 0]
        rows += [{"type": kind, "sections": len(idx), "rank": r + 1, "term": vocab[i],
                  "score": round(float(mean[i]), 4)} for r, i in enumerate(best)]
    return pd.DataFrame(rows)


def keywords_side_by_side(jieba_kw: pd.DataFrame, pkuseg_kw: pd.DataFrame) -> pd.DataFrame:
    """Section types whose top terms differ between two segmenters, with the terms only one of them found."""
    a, b = (kw.groupby("type")["term"].agg(list) for kw in (jieba_kw, pkuseg_kw))
    rows = [{"type": t, "jieba": "、".join(a.get(t, [])), "pkuseg": "、".join(b.get(t, [])),
             "only jieba": "、".join(x for x in a.get(t, []) if x not in b.get(t, [])),
             "only pkuseg": "、".join(x for x in b.get(t, []) if x not in a.get(t, []))}
            for t in sorted(set(a.index) | set(b.index)) if set(a.get(t, [])) != set(b.get(t, []))]
    return pd.DataFrame(rows, columns=["type", "jieba", "pkuseg", "only jieba", "only pkuseg"])
