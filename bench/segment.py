"""Benchmark the segment stage against bare segmenter loops over the same text, in one run.

    .venv/bin/python bench/segment.py            # 20 MB corpus (the sample texts repeated)
    .venv/bin/python bench/segment.py --mb 2     # quick run

Rates are characters per CPU-second of this process (time.process_time), so other
work on a shared machine disturbs them less; ratios compare measurements of this run.
Bare jieba.posseg and bare pkuseg run on a subsample (--sub-mb) to keep time reasonable.
"""
import argparse
import cProfile
import json
import pstats
import re
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import SegmentConfig  # noqa: E402
from pipeline.segment import SegmentStage  # noqa: E402
from pipeline.segment.userdict import read_user_dict  # noqa: E402
from pipeline.segment.words import load_rjieba, load_segmenter  # noqa: E402

SAMPLE = ROOT / "corpus" / "sample"
BATCH_BYTES = 8 * 2**20  # as the runner's default batch_bytes


def sample_documents() -> list[str]:
    """The sample files cut into documents at lines led by a space (SPEC §1), blank lines dropped."""
    docs = []
    for path in sorted(SAMPLE.glob("*.txt")):
        current: list[str] = []
        for line in path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n"):
            if line.startswith(" ") and current:
                docs.append("\n".join(current))
                current = []
            if line.strip():
                current.append(line.strip())
        if current:
            docs.append("\n".join(current))
    return docs


def corpus(mb: float) -> list[str]:
    """Sample documents repeated until they hold at least `mb` MB of UTF-8."""
    docs = sample_documents()
    unit = sum(len(d.encode("utf-8")) for d in docs)
    return docs * max(1, int(np.ceil(mb * 2**20 / unit)))


def subsample(docs: list[str], mb: float) -> list[str]:
    """The first documents up to `mb` MB."""
    out, size = [], 0
    for d in docs:
        if size >= mb * 2**20:
            break
        out.append(d)
        size += len(d.encode("utf-8"))
    return out


def timed(fn, *args) -> tuple[float, float, object]:
    """(CPU seconds, wall seconds, result) of fn(*args)."""
    c, w = time.process_time(), time.perf_counter()
    result = fn(*args)
    return time.process_time() - c, time.perf_counter() - w, result


def batches(docs: list[str], script: str) -> list[dict]:
    """Documents tables of about BATCH_BYTES each, as the runner hands them to the stage."""
    out, lo, size = [], 0, 0
    for i, d in enumerate(docs + [None]):
        if d is None or size >= BATCH_BYTES:
            part = docs[lo:i]
            out.append({"documents": pa.table({
                "doc_id": [f"d{j}" for j in range(lo, i)], "text": part, "script": [script] * len(part)})})
            lo, size = i, 0
        if d is not None:
            size += len(d.encode("utf-8"))
    return [b for b in out if b["documents"].num_rows]


def posseg():
    """The jieba package's POS tokenizer with the user dictionary (as the bare rjieba has it), initialised."""
    import jieba
    import jieba.posseg

    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(SegmentConfig().user_dict))
    pos = jieba.posseg.POSTokenizer(tokenizer)
    list(pos.cut("预热一下词典"))  # jieba loads its dictionary on the first call
    return pos


def run_stage(stage, tables) -> int:
    return sum(stage(t)["tokens"].num_rows for t in tables)


def bare_rjieba(docs, seg) -> int:
    return sum(len(seg.tag(d, True)) for d in docs)


def bare_posseg(docs, pos) -> int:
    return sum(len(list(pos.cut(d))) for d in docs)


def bare_pkuseg(docs, cut) -> int:
    return sum(len(cut(d)) for d in docs)


def report(rows: dict, base: str | None = None) -> None:
    """Print chars/s per core, and the ratio to `base` when given."""
    for name, (chars, cpu, wall) in rows.items():
        ratio = f"  {rows[base][0] and (chars / cpu) / (rows[base][0] / rows[base][1]):6.1%} of {base}" if base else ""
        print(f"  {name:38s} {chars / cpu:>12,.0f} chars/s/core  ({chars:,} chars, {cpu:.1f} s cpu, {wall:.1f} s wall){ratio}")


def peak_mb() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def agreement(a: pa.Table, b: pa.Table) -> tuple[float, float]:
    """Share of (doc, start, end) token spans, and of (span, POS), that two token tables share."""
    def keys(t, pos):
        cols = [t[c].to_pylist() for c in (("doc_id", "start", "end", "pos") if pos else ("doc_id", "start", "end"))]
        return set(zip(*cols))
    spans = len(keys(a, False) & keys(b, False)) / max(1, a.num_rows)
    tagged = len(keys(a, True) & keys(b, True)) / max(1, a.num_rows)
    return spans, tagged


def traditional(docs: list[str], sub: list[str], stage_j, posseg_chars: int) -> None:
    """Speed and agreement on an OpenCC s2t copy: bare on traditional text vs through the simplified view."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    trad = [s2t.convert(d) for d in docs]
    chars = sum(map(len, trad))
    seg = load_rjieba(str(SegmentConfig().user_dict))
    rows = {
        "bare rjieba.tag, simplified": (chars,) + timed(bare_rjieba, docs, seg)[:2],
        "bare rjieba.tag, traditional": (chars,) + timed(bare_rjieba, trad, seg)[:2],
        "jieba stage, traditional (view)": (chars,) + timed(run_stage, stage_j, batches(trad, "traditional"))[:2],
    }
    print(f"\nTraditional copy (OpenCC s2t) of the same {chars:,} chars:")
    report(rows, "bare rjieba.tag, simplified")
    pos = posseg()
    tsub = [s2t.convert(d) for d in sub]
    tiny = ["\n".join(sub)[:posseg_chars]]  # jieba.posseg crawls on traditional text
    ttiny = [s2t.convert(d) for d in tiny]
    subrows = {
        f"bare jieba.posseg, simplified ({len(tiny[0]):,} chars)": (len(tiny[0]),) + timed(bare_posseg, tiny, pos)[:2],
        f"bare jieba.posseg, traditional ({len(ttiny[0]):,} chars)": (len(ttiny[0]),) + timed(bare_posseg, ttiny, pos)[:2],
    }
    report(subrows, next(iter(subrows)))
    simp = stage_j(batches(sub, "simplified")[0])["tokens"]
    view = stage_j(batches(tsub, "traditional")[0])["tokens"]
    raw = stage_j(batches(tsub, "simplified")[0])["tokens"]  # traditional text cut as it is
    for label, t in (("through the simplified view", view), ("cut as traditional text", raw)):
        spans, tagged = agreement(t, simp)
        print(f"  agreement with the simplified segmentation, {label}: spans {spans:.2%}, (span, POS) {tagged:.2%}")


def gold_names() -> set[str]:
    """Full teacher names of the gold files (no placeholder, no surname-only mention)."""
    names = set()
    for path in sorted((ROOT / "corpus" / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            names.update(n for n in json.loads(line).get("teachers", []) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", n))
    return names


def port_quality() -> None:
    """rjieba against the jieba package on the sample corpus: agreement, user terms, names."""
    user_dict = str(SegmentConfig().user_dict)
    text = "\n".join(sample_documents())
    fast, ref = load_segmenter("jieba", user_dict).segment(text), load_segmenter("jieba-py", user_dict).segment(text)
    keyed = [{(s, e): p for s, e, p in zip(t.starts.tolist(), t.ends.tolist(), t.pos.to_pylist())} for t in (fast, ref)]
    tagged = len(set(keyed[0].items()) & set(keyed[1].items())) / len(keyed[1])
    print(f"\nrjieba vs jieba.posseg on the sample corpus ({len(text):,} chars, user dictionary loaded): "
          f"spans {len(keyed[0].keys() & keyed[1].keys()) / len(keyed[1]):.2%}, (span, POS) {tagged:.2%}")
    terms = [e.word for e in read_user_dict(user_dict)]
    names = gold_names()
    for label, k in (("rjieba", keyed[0]), ("jieba.posseg", keyed[1])):
        occ = [(m.span(), w) for w in terms for m in re.finditer(re.escape(w), text)]
        whole = sum(span in k for span, _ in occ)
        found = [m.span() for n in names for m in re.finditer(re.escape(n), text)]
        nr = sum(k.get(span) == "nr" for span in found)
        one = sum(span in k for span in found)
        print(f"  {label:13s} user-dictionary terms whole {whole:,}/{len(occ):,}; gold teacher names "
              f"one token {one}/{len(found)}, tagged nr {nr}/{len(found)}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8 (default 20)")
    ap.add_argument("--sub-mb", type=float, default=0.5, help="subsample for bare jieba.posseg and pkuseg")
    ap.add_argument("--posseg-trad-chars", type=int, default=8000, help="traditional text for bare jieba.posseg")
    ap.add_argument("--skip-pkuseg", action="store_true", help="leave the pkuseg backend out")
    ap.add_argument("--profile", action="store_true", help="cProfile the jieba stage and print the top")
    args = ap.parse_args(argv)

    docs = corpus(args.mb)
    sub = subsample(docs, args.sub_mb)
    chars, sub_chars = sum(map(len, docs)), sum(map(len, sub))
    print(f"corpus: {len(docs):,} documents, {chars:,} chars, "
          f"{sum(len(d.encode('utf-8')) for d in docs) / 2**20:.1f} MB; subsample {sub_chars:,} chars")

    stage_j = SegmentStage(SegmentConfig(segmenter="jieba"))
    seg = load_rjieba(str(SegmentConfig().user_dict))
    tables = batches(docs, "simplified")
    bare_rjieba(sub[:20], seg)  # warm up the HMM tables
    rows = {"bare rjieba.tag": (chars,) + timed(bare_rjieba, docs, seg)[:2],
            "jieba stage": (chars,) + timed(run_stage, stage_j, tables)[:2]}
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(run_stage, stage_j, tables[:1])
        pstats.Stats(prof).sort_stats("cumulative").print_stats(18)
    pos = posseg()
    rows["bare jieba.posseg.cut (subsample)"] = (sub_chars,) + timed(bare_posseg, sub, pos)[:2]
    print("\njieba backend:")
    report(rows, "bare rjieba.tag")
    print(f"  peak memory so far: {peak_mb():,.0f} MB")

    if not args.skip_pkuseg:
        stage_p = SegmentStage(SegmentConfig(segmenter="pkuseg"))
        cut = stage_p.segmenter.pkuseg_cut
        sub_tables = batches(sub, "simplified")
        prow = {"bare pkuseg cut (subsample)": (sub_chars,) + timed(bare_pkuseg, sub, cut)[:2],
                "pkuseg stage (subsample)": (sub_chars,) + timed(run_stage, stage_p, sub_tables)[:2],
                "pkuseg stage (whole corpus)": (chars,) + timed(run_stage, stage_p, tables)[:2]}
        print("\npkuseg backend:")
        report(prow, "bare pkuseg cut (subsample)")

    traditional(docs, sub, stage_j, args.posseg_trad_chars)
    port_quality()
    print(f"\npeak memory (ru_maxrss, whole run, all segmenters loaded): {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
