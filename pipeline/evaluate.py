"""SPEC.md §6 scoring against corpus/gold: the same matching as ../shared/tools/score.py."""
import functools
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

from . import io

KINDS = ("docs", "headings", "heading_titles", "teachers", "counts", "awards", "projects")
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


@functools.cache
def _t2s():
    try:  # traditional and simplified copies compare equal, as in the reference scorer
        import opencc
    except ImportError:
        return lambda s: s
    return opencc.OpenCC("t2s").convert


def norm(s) -> str:
    """NFKC, traditional to simplified, punctuation and spaces removed."""
    if s is None or (isinstance(s, float) and s != s):
        return ""
    return _PUNCT.sub("", _t2s()(unicodedata.normalize("NFKC", str(s))))


def strip_brackets(s) -> str:
    return norm(re.sub(r"[《》“”\"「」『』]", "", s or ""))


def value_norm(v):
    if v is None or (isinstance(v, float) and v != v):
        return None
    try:
        return round(float(v), 2)
    except (TypeError, ValueError):
        return None


def _lcs_len(a: str, b: str) -> int:
    """Longest common substring length (quadratic, on short award texts only)."""
    best, prev = 0, [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def award_ok(g, p) -> bool:
    rank_ok = g[0] == p[0] or not g[0] or not p[0]
    return rank_ok and (g[1] in p[1] or p[1] in g[1] or _lcs_len(g[1], p[1]) >= 4)


def _greedy_tp(gold, pred, ok) -> int:
    used, tp = [False] * len(pred), 0
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and ok(g, p):
                used[i], tp = True, tp + 1
                break
    return tp


def gold_items(docs: list[dict]) -> dict[str, list]:
    """The comparable items of one gold file's documents."""
    g = {k: [] for k in KINDS}
    for d in docs:
        g["docs"].append(1)
        g["headings"] += [(norm(h["title"]), int(h["level"])) for h in d.get("headings", [])]
        g["teachers"] += [norm(t) for t in d.get("teachers", [])]
        g["counts"] += [(value_norm(c.get("value")), norm(c.get("unit"))) for c in d.get("counts", [])]
        g["awards"] += [(norm(a.get("rank")), norm(a.get("text"))) for a in d.get("awards", [])]
        g["projects"] += [strip_brackets(p.get("name")) for p in d.get("projects", [])]
    g["heading_titles"] = [t for t, _ in g["headings"]]
    return g


def predicted_items(n_docs: int, sections: pd.DataFrame, entities: pd.DataFrame) -> dict[str, list]:
    """The comparable items of one source file's pipeline output."""
    p = {k: [] for k in KINDS}
    p["docs"] = [1] * n_docs
    p["headings"] = [(norm(t), int(lv)) for t, lv in zip(sections["title"], sections["level"])]
    p["heading_titles"] = [t for t, _ in p["headings"]]
    for r in entities.itertuples(index=False):
        if r.type == "teacher":
            p["teachers"].append(norm(r.name or r.text))
        elif r.type == "count":
            p["counts"].append((value_norm(r.value), norm(r.unit)))
        elif r.type == "award":
            p["awards"].append((norm(r.rank), norm(r.text)))
        elif r.type == "project":
            p["projects"].append(strip_brackets(r.name or r.text))
    return p


def compare(g: dict, p: dict) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per kind, matched as SPEC §6 says."""
    res = {"docs": (min(len(g["docs"]), len(p["docs"])), len(p["docs"]), len(g["docs"]))}
    for k in ("headings", "heading_titles", "counts"):
        res[k] = (sum((Counter(g[k]) & Counter(p[k])).values()), len(p[k]), len(g[k]))
    gs, ps = set(g["teachers"]) - {""}, set(p["teachers"]) - {""}
    res["teachers"] = (len(gs & ps), len(ps), len(gs))
    res["awards"] = (_greedy_tp(g["awards"], p["awards"], award_ok), len(p["awards"]), len(g["awards"]))
    gp, pp = sorted(set(g["projects"]) - {""}), sorted(set(p["projects"]) - {""})
    res["projects"] = (_greedy_tp(gp, pp, lambda a, b: a in b or b in a), len(pp), len(gp))
    return {k: res[k] for k in ("docs", "headings", "heading_titles", "teachers", "counts", "awards", "projects")}


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if ngold == 0 else 0.0)
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_gold(gold_dir: Path) -> dict[str, list[dict]]:
    """Gold documents per source file name."""
    out = {}
    for path in sorted(Path(gold_dir).glob("*.jsonl")):
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if docs:
            out[docs[0]["source"]] = docs
    return out


def score_frames(documents: pd.DataFrame, sections: pd.DataFrame, entities: pd.DataFrame,
                 gold: dict[str, list[dict]]) -> list[dict]:
    """Score in-memory tables against gold: rows per (file, kind) plus MICRO rows."""
    src = documents["source"].map(lambda s: Path(str(s)).name)
    rows, totals = [], {}
    for source, gold_docs in gold.items():
        ids = set(documents["doc_id"][src == source])
        p = predicted_items(len(ids), sections[sections["doc_id"].isin(ids)], entities[entities["doc_id"].isin(ids)])
        for kind, (tp, npred, ngold) in compare(gold_items(gold_docs), p).items():
            rows.append(_row(source, kind, tp, npred, ngold))
            t = totals.setdefault(kind, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + tp, t[1] + npred, t[2] + ngold
    return rows + [_row("MICRO", k, *t) for k, t in totals.items()]


def _row(file, kind, tp, npred, ngold) -> dict:
    p, r, f = prf(tp, npred, ngold)
    return {"file": file, "kind": kind, "P": p, "R": r, "F1": f, "tp": tp, "pred": npred, "gold": ngold}


def score(out: Path, gold_dir: Path) -> list[dict]:
    """Score a pipeline output folder against a gold folder."""
    documents = io.read_table(out, "documents", ["doc_id", "source"]).to_pandas()
    sections = io.read_table(out, "sections", ["doc_id", "title", "level"]).to_pandas()
    entities = io.read_table(out, "entities", ["doc_id", "type", "text", "name", "value", "unit", "rank"]).to_pandas()
    return score_frames(documents, sections, entities, read_gold(gold_dir))


def level_accuracy(sections: pd.DataFrame, documents: pd.DataFrame, gold: dict[str, list[dict]]) -> float:
    """Among predicted headings whose title matches a gold heading of the file, the share at the gold level."""
    src = documents.set_index("doc_id")["source"].map(lambda s: Path(str(s)).name)
    hit = total = 0
    for source, gold_docs in gold.items():
        levels = Counter((norm(h["title"]), int(h["level"])) for d in gold_docs for h in d.get("headings", []))
        titles = Counter(t for t, _ in levels.elements())
        mine = sections[sections["doc_id"].map(src) == source]
        for t, lv in zip(mine["title"].map(norm), mine["level"]):
            if titles[t] > 0:
                titles[t] -= 1
                total += 1
                if levels[(t, int(lv))] > 0:
                    levels[(t, int(lv))] -= 1
                    hit += 1
    return hit / total if total else 1.0


def format_scores(rows: list[dict]) -> str:
    """One line per (file, kind), as the reference scorer prints them."""
    return "\n".join(
        f"{r['file'][:28]:28s} {r['kind']:15s} P={r['P']:.3f} R={r['R']:.3f} F1={r['F1']:.3f}  "
        f"tp={r['tp']} pred={r['pred']} gold={r['gold']}" for r in rows)
