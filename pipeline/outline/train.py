"""Training data from corpus/ + corpus/gold/, training, and the leave-one-file-out score.

Run: python -m pipeline.outline.train [--tune] [--gold corpus/gold] [--corpus corpus/sample] [--out models/heading_clf.json]
"""
import argparse
import hashlib
import json
import platform
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..config import MODELS, ROOT
from ..evaluate import read_gold
from ..segment.simplify import simplified_view
from . import classify
from .document import Prepared, batch_scores, prepare, sections
from .features import FEATURES, batch_matrix
from .scoring import heading_scores, norm


# Chosen by `cli.py train-outline --tune` (leave-one-file-out over GRID) on the gold of
# corpus/gold/GUIDELINES.md: SPEC §3 makes every numbered line a heading unless its run is
# all paragraph-length items, so a low threshold wins ("a heading unless the evidence is against it").
PARAMS = {"c": 0.01, "threshold": 0.1, "run_blend": 0.0}


class FileData(NamedTuple):
    """One sample file: its prepared documents, candidate labels and gold headings."""

    source: str
    batch: Prepared  # the file's documents, prepared together
    x: np.ndarray  # feature matrix of its candidates
    y: np.ndarray  # 1 where the candidate aligns with a gold heading


def load_documents(corpus: Path, source: str) -> list[dict]:
    """The ingested documents of one sample file."""
    from ..ingest import ingest_file

    docs, _ = ingest_file(Path(corpus) / source, source)
    return docs


def _match(cand: tuple[str, str], gold: str) -> int:
    """2 when titles are equal, 1 when one line starts with the other's title, else 0."""
    title, line = cand
    if title == gold:
        return 2
    if len(gold) >= 2 and (line.startswith(gold) or gold.startswith(title) and len(title) >= 4):
        return 1
    return 0


def align(cands: list[tuple[str, str]], gold: list[str]) -> list[int]:
    """Monotone alignment of candidates to gold headings (max total match): gold index or -1."""
    n, m = len(cands), len(gold)
    dp = np.zeros((n + 1, m + 1), dtype=np.int32)
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = _match(cands[i], gold[j])
            dp[i, j] = max(dp[i + 1, j], dp[i, j + 1], dp[i + 1, j + 1] + s if s else 0)
    out = [-1] * n
    i = j = 0
    while i < n and j < m:
        s = _match(cands[i], gold[j])
        if s and dp[i, j] == dp[i + 1, j + 1] + s:
            out[i] = j
            i, j = i + 1, j + 1
        elif dp[i, j] == dp[i + 1, j]:
            i += 1
        else:
            j += 1
    return out


def file_data(corpus: Path, source: str, gold_docs: list[dict]) -> FileData:
    """Prepare a sample file's documents and label their candidates from its gold."""
    docs = load_documents(corpus, source)
    batch = prepare([d["text"] for d in docs], [d.get("title") for d in docs], [d.get("kind") for d in docs],
                    [simplified_view(d["text"], d.get("script")) for d in docs])
    c, text = batch.cands, batch.text
    keys = [(norm(text[s:e]), norm(text[s:le]))
            for s, e, le in zip(c.title_start.tolist(), c.title_end.tolist(), c.line_end.tolist())]
    gold = [norm(h["title"]) for g in gold_docs for h in g.get("headings", [])]
    matched = align(keys, gold)
    return FileData(source, batch, batch_matrix(batch), np.array([j >= 0 for j in matched], dtype=np.int8))


def stack(files: list[FileData]) -> tuple[np.ndarray, np.ndarray]:
    """All feature rows and labels of some files."""
    x = np.vstack([f.x for f in files]) if files else np.zeros((0, len(FEATURES)))
    return x, np.concatenate([f.y for f in files])


def predict_file(model: classify.LinearModel, f: FileData) -> list[tuple[str, int]]:
    """(title, level) of every heading the model finds in a file."""
    per_doc = sections(f.batch, batch_scores(model, f.batch), 0.5)
    return [(s.title, s.level) for secs in per_doc for s in secs]


def lofo_report(gold_dir: Path = ROOT / "corpus" / "gold", corpus: Path = ROOT / "corpus" / "sample",
                params: dict = PARAMS) -> dict:
    """Leave-one-file-out heading scores for the gold folder (per file and micro)."""
    gold = read_gold(gold_dir)
    return leave_one_file_out([file_data(corpus, src, gold[src]) for src in sorted(gold)], gold, params)


def leave_one_file_out(files: list[FileData], gold: dict[str, list[dict]], params: dict = PARAMS) -> dict:
    """Per sample file: train on the others, score this one; plus the micro totals."""
    pred = {}
    for held in files:
        x, y = stack([f for f in files if f is not held])
        pred[held.source] = predict_file(classify.fit(x, y, FEATURES, **params), held)
    return heading_scores({f.source: gold[f.source] for f in files}, pred)


def digest(files: list[FileData], corpus: Path, gold_dir: Path) -> str:
    """SHA-1 over the sample files and gold files used for training."""
    h = hashlib.sha1()
    for f in files:
        h.update((Path(corpus) / f.source).read_bytes())
    for p in sorted(Path(gold_dir).glob("*.jsonl")):
        h.update(p.read_bytes())
    return h.hexdigest()


NOTES = (
    "Labels: a candidate line is a heading when it aligns with a gold heading of its file "
    "(normalised title); gold follows corpus/gold/GUIDELINES.md. Numbered runs whose items are "
    "all long sentences (title > 40 characters) are vetoed by rule (SPEC §3), whatever the "
    "model says. The settings were picked by the same leave-one-file-out folds that score "
    "them, so the card's figure is slightly optimistic."
)


GRID = {"c": (0.01, 0.03, 0.1, 0.3, 1.0), "threshold": (0.1, 0.2, 0.3, 0.4, 0.5), "run_blend": (0.0, 0.5, 1.0)}


def tune(files: list[FileData], gold: dict[str, list[dict]], grid: dict = GRID) -> dict:
    """The settings with the best leave-one-file-out heading F1 (ties: the earlier in the grid)."""
    best, best_f = None, -1.0
    for c in grid["c"]:
        for threshold in grid["threshold"]:
            for run_blend in grid["run_blend"]:
                params = {"c": c, "threshold": threshold, "run_blend": run_blend}
                f = leave_one_file_out(files, gold, params)["micro"]["F1"]
                if f > best_f:
                    best, best_f = params, f
    return best


def train(gold_dir: Path = ROOT / "corpus" / "gold", out: Path = MODELS / "heading_clf.json",
          params: dict | None = PARAMS, command: str | None = None, corpus: Path = ROOT / "corpus" / "sample") -> dict:
    """Retrain on every sample file, score leave-one-file-out, write the model and card.

    params=None searches GRID by leave-one-file-out first.
    """
    import sklearn

    gold = read_gold(gold_dir)
    files = [file_data(corpus, src, gold[src]) for src in sorted(gold)]
    if params is None:
        params = tune(files, gold)
    lofo = leave_one_file_out(files, gold, params)
    x, y = stack(files)
    model = classify.fit(x, y, FEATURES, **params)
    card = {
        "versions": {"python": platform.python_version(), "numpy": np.__version__,
                     "scikit-learn": sklearn.__version__},
        "training_data": {"files": [f.source for f in files], "sha1": digest(files, corpus, gold_dir),
                          "candidates": int(len(y)), "headings": int(y.sum())},
        "params": {**params, "class_weight": None, "penalty": "l2",
                   "note": "threshold is folded into intercept: a heading scores >= 0.5"},
        "command": command or f"pipeline.outline.train.train(params={params})",
        "leave_one_file_out": lofo,
        "notes": NOTES,
    }
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    classify.save(model, out, card)
    return card


def main(argv: list[str] | None = None) -> None:
    """Command line: retrain and print the leave-one-file-out score."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "sample")
    ap.add_argument("--out", type=Path, default=MODELS / "heading_clf.json")
    ap.add_argument("--tune", action="store_true", help="search GRID by leave-one-file-out first")
    ap.add_argument("--threshold", type=float, default=PARAMS["threshold"])
    ap.add_argument("-C", type=float, default=PARAMS["c"])
    ap.add_argument("--run-blend", type=float, default=PARAMS["run_blend"])
    args = ap.parse_args(argv)
    params = None if args.tune else {"c": args.C, "threshold": args.threshold, "run_blend": args.run_blend}
    command = "python -m pipeline.outline.train " + " ".join(argv if argv is not None else sys.argv[1:])
    card = train(args.gold, args.out, params, command.strip(), args.corpus)
    print(json.dumps(card["leave_one_file_out"], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
