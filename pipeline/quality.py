"""Per-document comparison with corpus/gold for notebooks/quality.ipynb: F1, missed and spurious items, levels."""
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from . import evaluate

SCORED = ("headings", "teachers", "counts", "awards", "projects")


def match_gold(documents: pd.DataFrame, gold: dict[str, list[dict]]) -> list[tuple[str, dict, str | None]]:
    """(file, gold document, doc_id) for each gold document: same file, same opening, else same part."""
    files = documents["source"].map(lambda s: Path(str(s)).name)
    pairs = []
    for source, gdocs in gold.items():
        mine = documents[files == source]
        heads = dict(zip(mine["doc_id"], mine["text"].str[:400].map(evaluate.norm)))
        by_part, used = dict(zip(mine["part"], mine["doc_id"])), set()
        for g in gdocs:
            start = evaluate.norm(g.get("starts_with", ""))
            hit = next((d for d, h in heads.items() if d not in used and start and h.startswith(start)), None)
            hit = hit or (by_part.get(g.get("part")) if by_part.get(g.get("part")) not in used else None)
            used.add(hit)
            pairs.append((source, g, hit))
        pairs += [(source, {}, d) for d in mine["doc_id"] if d not in used]  # predicted, no gold: all spurious
    return pairs


def _unmatched(gold: list, pred: list, ok) -> tuple[list, list]:
    """Greedy one-to-one matching as evaluate.compare does it: what is left on each side."""
    left, missed = list(pred), []
    for g in gold:
        i = next((i for i, p in enumerate(left) if ok(g, p)), None)
        if i is None:
            missed.append(g)
        else:
            left.pop(i)
    return missed, left


def item_errors(g: dict, p: dict) -> list[dict]:
    """Missed (gold only) and spurious (predicted only) items per kind, matched as SPEC §6 says."""
    show = {"headings": lambda x: f"{x[0]} (L{x[1]})",
            "counts": lambda x: f"{'?' if x[0] is None else f'{x[0]:g}'} {x[1]}",
            "awards": lambda x: f"{x[1]} [{x[0] or '-'}]", "teachers": str, "projects": str}
    out = {k: (list((Counter(g[k]) - Counter(p[k])).elements()), list((Counter(p[k]) - Counter(g[k])).elements()))
           for k in ("headings", "counts")}
    gt, pt = set(g["teachers"]) - {""}, set(p["teachers"]) - {""}
    out["teachers"] = (sorted(gt - pt), sorted(pt - gt))
    out["awards"] = _unmatched(g["awards"], p["awards"], evaluate.award_ok)  # noqa: SLF001 - the scorer's own rule
    out["projects"] = _unmatched(sorted(set(g["projects"]) - {""}), sorted(set(p["projects"]) - {""}),
                                 lambda a, b: a in b or b in a)
    return [{"kind": k, "error": err, "item": show[k](x)}
            for k in SCORED for err, items in zip(("missed", "spurious"), out[k]) for x in items]


def doc_scores(documents: pd.DataFrame, sections: pd.DataFrame, entities: pd.DataFrame,
               gold: dict[str, list[dict]]) -> pd.DataFrame:
    """Per document: tp/pred/gold over headings, teachers, counts, awards and projects, F1, and its errors."""
    rows = []
    for source, g, doc_id in match_gold(documents, gold):
        p = evaluate.predicted_items(int(doc_id is not None), sections[sections["doc_id"] == doc_id],
                                     entities[entities["doc_id"] == doc_id])
        gi = evaluate.gold_items([g] if g else [])
        res = evaluate.compare(gi, p)
        tp, npred, ngold = (sum(res[k][i] for k in SCORED) for i in range(3))
        row = {"file": source, "part": g.get("part"), "doc_id": doc_id, "starts_with": g.get("starts_with"),
               "tp": tp, "pred": npred, "gold": ngold, "F1": evaluate.prf(tp, npred, ngold)[2]}
        row |= {f"{k} F1": evaluate.prf(*res[k])[2] for k in SCORED}
        rows.append(row | {"errors": item_errors(gi, p)})
    return pd.DataFrame(rows).sort_values(["F1", "file"], kind="stable").reset_index(drop=True)


def level_pairs(documents: pd.DataFrame, sections: pd.DataFrame, gold: dict[str, list[dict]]) -> pd.DataFrame:
    """Predicted headings whose title matches a gold heading of the same file: gold and predicted level."""
    src = documents.set_index("doc_id")["source"].map(lambda s: Path(str(s)).name)
    order = documents.set_index("doc_id")["part"]
    secs = sections.assign(file=sections["doc_id"].map(src), part=sections["doc_id"].map(order))
    rows = []
    for source, gdocs in gold.items():
        left = defaultdict(Counter)
        for h in (h for d in gdocs for h in d.get("headings", [])):
            left[evaluate.norm(h["title"])][int(h["level"])] += 1
        for r in secs[secs["file"] == source].sort_values(["part", "start"]).itertuples(index=False):
            levels = left.get(evaluate.norm(r.title))
            if not levels or not +levels:
                continue
            gl = int(r.level) if levels[int(r.level)] > 0 else min(k for k, v in levels.items() if v > 0)
            levels[gl] -= 1
            rows.append({"file": source, "title": r.title, "gold_level": gl, "pred_level": int(r.level)})
    return pd.DataFrame(rows, columns=["file", "title", "gold_level", "pred_level"])
