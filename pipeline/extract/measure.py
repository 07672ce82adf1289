"""Score the teacher and count finders on corpus/gold the way tools/score.py does.

Run: `python -m pipeline.extract.measure [--show]` from the project root. Each source
file is ingested, every document's text goes through the finders, and items are
compared per file (teachers: distinct names; counts: multiset of (value, unit)).
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from .counts import find_counts
from .teachers import find_teachers

ROOT = Path(__file__).resolve().parents[2]
PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def norm(s) -> str:
    """score.py's normal form: NFKC, no punctuation or spaces."""
    return PUNCT.sub("", unicodedata.normalize("NFKC", str(s or "")))


def value_key(v):
    """score.py's value form: rounded float, or None."""
    return None if v is None else round(float(v), 2)


def gold_items(gold_docs: list[dict]) -> tuple[set, Counter]:
    """Gold teacher names and (value, unit) counts of one file."""
    names = {norm(t) for d in gold_docs for t in d.get("teachers", [])} - {""}
    counts = Counter((value_key(c.get("value")), norm(c.get("unit"))) for d in gold_docs for c in d.get("counts", []))
    return names, counts


def predicted_items(texts: list[str]) -> tuple[set, Counter, dict]:
    """Predicted teacher names and counts over the documents of one file, plus examples."""
    names, counts, where = set(), Counter(), {}
    for text in texts:
        for e in find_teachers(text):
            if e["type"] == "teacher":
                names.add(norm(e["name"]))
                where.setdefault(norm(e["name"]), text[max(0, e["start"] - 10):e["end"] + 8])
        for e in find_counts(text):
            key = (value_key(e["value"]), norm(e["unit"]))
            counts[key] += 1
            where.setdefault(key, text[max(0, e["start"] - 8):e["end"] + 6])
    return names, counts, where


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 as score.py computes them."""
    p = tp / npred if npred else float(ngold == 0)
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def measure(gold_dir: Path = ROOT / "corpus" / "gold", show: bool = False) -> dict:
    """Micro P/R/F1 for teachers and counts over every gold file."""
    from pipeline.ingest import ingest_file

    totals = {"teachers": [0, 0, 0], "counts": [0, 0, 0]}
    for gf in sorted(gold_dir.glob("*.jsonl")):
        gold_docs = [json.loads(line) for line in gf.read_text(encoding="utf-8").splitlines() if line.strip()]
        source = gold_docs[0]["source"]
        path = next((p for p in (gold_dir.parent / source, gold_dir.parent / "sample" / source) if p.exists()))
        docs, _ = ingest_file(path, source)
        g_names, g_counts = gold_items(gold_docs)
        p_names, p_counts, where = predicted_items([d["text"] for d in docs])
        rows = {
            "teachers": (len(g_names & p_names), len(p_names), len(g_names)),
            "counts": (sum((g_counts & p_counts).values()), sum(p_counts.values()), sum(g_counts.values())),
        }
        for kind, (tp, npred, ngold) in rows.items():
            totals[kind] = [a + b for a, b in zip(totals[kind], (tp, npred, ngold))]
            print(f"{source[:24]:24s} {kind:9s} P={prf(tp, npred, ngold)[0]:.3f} "
                  f"R={prf(tp, npred, ngold)[1]:.3f} F1={prf(tp, npred, ngold)[2]:.3f} {tp}/{npred}/{ngold}")
        if show:
            print("  teacher FP:", sorted((n, where.get(n)) for n in p_names - g_names))
            print("  teacher FN:", sorted(g_names - p_names))
            print("  count FP:", [(k, n, where.get(k)) for k, n in (p_counts - g_counts).items()])
            print("  count FN:", dict(g_counts - p_counts))
    out = {}
    for kind, (tp, npred, ngold) in totals.items():
        out[kind] = prf(tp, npred, ngold)
        print(f"MICRO {kind:9s} P={out[kind][0]:.3f} R={out[kind][1]:.3f} F1={out[kind][2]:.3f} {tp}/{npred}/{ngold}")
    return out


if __name__ == "__main__":
    measure(show="--show" in sys.argv)
