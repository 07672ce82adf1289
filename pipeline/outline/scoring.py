"""Heading scores of the leave-one-file-out runs, with pipeline.evaluate (SPEC §6, score.py)."""
import pandas as pd

from ..evaluate import compare, gold_items, level_accuracy, norm, prf

__all__ = ["heading_scores", "norm"]


def heading_scores(gold: dict[str, list[dict]], pred: dict[str, list[tuple[str, int]]]) -> dict:
    """Heading P/R/F1 and level accuracy per file and micro, from (title, level) lists per file."""
    files, totals = {}, [0, 0, 0, 0, 0]
    for source, gold_docs in gold.items():
        g = gold_items(gold_docs)
        p = {k: [] for k in g}
        p["headings"] = [(norm(t), int(lv)) for t, lv in pred.get(source, [])]
        p["heading_titles"] = [t for t, _ in p["headings"]]
        res = compare(g, p)
        level = _level_accuracy({source: gold_docs}, {source: pred.get(source, [])})
        files[source] = _scores(*res["headings"], res["heading_titles"][0], level)
        for k, v in enumerate((*res["headings"], res["heading_titles"][0])):
            totals[k] += v
    level = _level_accuracy(gold, pred)
    return {"files": files, "micro": _scores(*totals[:4], level)}


def _scores(tp: int, npred: int, ngold: int, title_tp: int, level: float) -> dict:
    """One row of scores, rounded for the model card."""
    p, r, f = prf(tp, npred, ngold)
    title_f = prf(title_tp, npred, ngold)[2]
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4), "level_acc": round(level, 4),
            "title_F1": round(title_f, 4), "tp": tp, "pred": npred, "gold": ngold}


def _level_accuracy(gold: dict[str, list[dict]], pred: dict[str, list[tuple[str, int]]]) -> float:
    """pipeline.evaluate.level_accuracy over predicted (title, level) lists."""
    rows = [(source, t, lv) for source, items in pred.items() for t, lv in items]
    sections = pd.DataFrame(rows, columns=["doc_id", "title", "level"])
    documents = pd.DataFrame({"doc_id": list(pred), "source": list(pred)})
    return level_accuracy(sections, documents, gold)
