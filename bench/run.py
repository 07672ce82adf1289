"""End-to-end benchmark: synthetic corpora resampled from the sample, the pipeline on each.

usage: python bench/run.py [--sizes 10 50 200] [--workers 1 2] [--segmenter jieba] [--dedup 10000 100000]

Prints and saves (bench/results/<time>.json): chars/s per core per stage and end to end,
docs/s, peak RSS of the main process and of each worker, and, in the same run on the
same text, bare rjieba.tag / jieba.cut / jieba.posseg.cut (and pkuseg) throughput: the
ratios are the figures, absolute numbers move with the machine.
"""
import argparse
import io
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.config import RunConfig, SegmentConfig  # noqa: E402
from pipeline.ingest import ingest_file  # noqa: E402

NUM = "一二三四五六七八九十"


def sample_documents() -> list[tuple[str | None, str]]:
    """(title, text) of every document in the sample corpus."""
    docs = []
    for path in sorted((ROOT / "corpus" / "sample").glob("*.txt")):
        rows, _ = ingest_file(path, path.name)
        docs += [(r["title"], r["text"]) for r in rows]
    return docs


def bundle(docs: list[tuple[str | None, str]], rng: random.Random) -> str:
    """One scraped-looking file: 1-8 documents joined with a random boundary style."""
    style = rng.choice(("space", "pian", "number"))
    parts = []
    for k, (title, text) in enumerate(rng.sample(docs, rng.randint(1, min(8, len(docs))))):
        text = text.replace("。", f"。本学期共有教师{rng.randint(2, 999)}名。", 1)  # no two files are exact copies
        head = title or "学校教研工作总结"
        if style == "space":
            parts.append(" " + text)
        elif style == "pian":
            parts.append(f"{head}篇{NUM[k % 10]}\n{text}")
        else:
            parts.append(f"{head}{k + 1}\n{text}")
    return "\n".join(parts) + "\n"


def encode(text: str, rng: random.Random) -> tuple[bytes, str]:
    """Encode as real corpora come: mostly UTF-8, then GB18030, UTF-16 and .docx."""
    r = rng.random()
    if r < 0.6:
        return text.encode("utf-8"), ".txt"
    if r < 0.85:
        return text.encode("gb18030"), ".txt"
    if r < 0.95:
        return text.encode("utf-16"), ".txt"
    import docx

    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue(), ".docx"


def build_corpus(dest: Path, megabytes: float, seed: int = 7) -> dict:
    """Write files until the corpus holds `megabytes` of UTF-8-equivalent text."""
    rng, docs = random.Random(seed), sample_documents()
    dest.mkdir(parents=True, exist_ok=True)
    total = n = 0
    while total < megabytes * 2**20:
        text = bundle(docs, rng)
        data, ext = encode(text, rng)
        (dest / f"{n // 500:04d}" ).mkdir(exist_ok=True)
        (dest / f"{n // 500:04d}" / f"f{n:06d}{ext}").write_bytes(data)
        total += len(text.encode("utf-8"))
        n += 1
    return {"files": n, "utf8_bytes": total}


def bare_baselines(texts: list[str], budget_chars: int = 3_000_000) -> dict:
    """Bare segmenter loops over the same text (slow ones on a prefix), chars/s."""
    import jieba
    import jieba.posseg
    import rjieba

    out = {}
    joined = "\n".join(texts)
    big, small = joined[:budget_chars], joined[:300_000]
    tok = jieba.Tokenizer()
    tok.initialize()
    pos = jieba.posseg.POSTokenizer(tok)
    for name, fn, text in (("rjieba.tag", lambda t: rjieba.tag(t), big), ("rjieba.cut", lambda t: rjieba.cut(t), big),
                           ("jieba.cut", lambda t: list(tok.cut(t)), small),
                           ("jieba.posseg.cut", lambda t: list(pos.cut(t)), small)):
        fn(text[:1000])
        t0 = time.process_time()
        for line in text.split("\n"):
            fn(line)
        out[name] = len(text) / (time.process_time() - t0)
    try:
        from pipeline.segment.words import load_segmenter

        cut = load_segmenter("pkuseg", str(SegmentConfig().user_dict)).pkuseg_cut  # the bare pkuseg cut
        t0 = time.process_time()
        for line in small.split("\n"):
            cut(line)
        out["pkuseg.cut"] = len(small) / (time.process_time() - t0)
    except Exception as e:  # the pkuseg model cache may be missing: say so, do not fail
        out["pkuseg.cut"] = f"unavailable: {e}"
    return out


def run_once(corpus: Path, workers: int, segmenter: str, stages: tuple[str, ...] = pipeline.STAGES) -> dict:
    """One run into a fresh OUT; wall time, per-stage CPU seconds, peak RSS."""
    out = Path(tempfile.mkdtemp(prefix="zj-bench-"))
    try:
        t0 = time.perf_counter()
        res = pipeline.run([corpus], out, RunConfig(workers=workers, segment=SegmentConfig(segmenter=segmenter)),
                           stages=stages)
        wall = time.perf_counter() - t0
        docs = pipeline.open(out).sql("SELECT count(*) n, sum(n_chars) c FROM documents").iloc[0]
    finally:
        shutil.rmtree(out, ignore_errors=True)
    stages: dict[str, float] = {}
    peak: dict[int, float] = {}
    for r in res["results"]:
        for s, sec in r["stage_seconds"].items():
            stages[s] = stages.get(s, 0) + sec
        peak[r["pid"]] = max(peak.get(r["pid"], 0), r["peak_rss_mb"])
    chars = int(docs.c)
    return {
        "workers": workers, "segmenter": segmenter, "documents": int(docs.n), "chars": chars, "wall_s": wall,
        "chars_per_s": chars / wall, "chars_per_s_per_core": chars / wall / workers, "docs_per_s": int(docs.n) / wall,
        "stage_chars_per_s_per_core": {s: chars / sec for s, sec in stages.items()},
        "stage_share": {s: sec / sum(stages.values()) for s, sec in stages.items()},
        # start-up, Parquet writes, the dedup pass and manifests: wall time no stage accounts for
        "outside_stages_share": 1 - sum(stages.values()) / (wall * workers),
        "peak_rss_mb_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_mb_workers": sorted(peak.values()),
    }


def linearity(runs: list[dict]) -> dict:
    """How far wall time is from a straight line in the corpus size (one worker).

    A least-squares line time = startup + chars / rate: its intercept is the fixed
    start-up (imports, dictionaries, models), and the largest residual says how far
    any run strays from linear growth. Also the plain ratio of time per character,
    largest corpus over smallest, which start-up alone pushes below 1.
    """
    import numpy as np

    chars = np.array([r["chars"] for r in runs], dtype=float)
    wall = np.array([r["wall_s"] for r in runs])
    slope, intercept = np.polyfit(chars, wall, 1)
    fit = intercept + slope * chars
    return {"startup_s": round(float(intercept), 2), "marginal_chars_per_s": round(float(1 / slope)),
            "max_deviation_from_line": round(float(np.max(np.abs(wall - fit) / fit)), 3),
            "time_per_char_largest_over_smallest": round(float(wall[-1] / chars[-1] / (wall[0] / chars[0])), 3)}


def dedup_scaling(n_docs: int, seed: int = 3) -> dict:
    """find_duplicates docs/s on n signatures of resampled, perturbed sample documents."""
    import numpy as np

    from pipeline.ingest.dedup import find_duplicates, signature

    rng = random.Random(seed)
    base = [signature(t) for _, t in sample_documents()]
    rows = []
    for i in range(n_docs):
        sig = np.frombuffer(rng.choice(base), dtype=np.uint32).copy()
        if rng.random() < 0.7:  # most documents distinct: replace most of the signature
            sig[rng.sample(range(len(sig)), 110)] = np.random.default_rng(i).integers(0, 2**32, 110, dtype=np.uint32)
        rows.append((f"d{i}", f"h{i}", sig.tobytes()))
    t0 = time.perf_counter()
    dups = find_duplicates(rows, 0.7)
    sec = time.perf_counter() - t0
    return {"documents": n_docs, "seconds": sec, "docs_per_s": n_docs / sec, "duplicates": len(dups)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 50, 200], help="corpus sizes in MB")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--segmenter", default="jieba")
    ap.add_argument("--dedup", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--stages", nargs="+", default=list(pipeline.STAGES), help="e.g. --stages ingest")
    ap.add_argument("--keep", type=Path, default=ROOT / "bench" / "data", help="where corpora are built (reused)")
    args = ap.parse_args()
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # baselines load jieba, its HMM and pkuseg: keep them out of this process's peak RSS
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as ex:
        baselines = ex.submit(bare_baselines, [t for _, t in sample_documents()] * 30).result()
    report = {"baselines": baselines, "runs": [], "dedup": []}
    print("bare chars/s:", {k: (f"{v / 1e3:,.0f}K" if isinstance(v, float) else v) for k, v in report["baselines"].items()})
    for size in args.sizes:
        corpus = args.keep / f"{size:g}MB"
        if not corpus.exists():
            print(f"building {corpus} ...", build_corpus(corpus, size))
        for w in args.workers if size >= 50 or len(args.sizes) == 1 else [1]:
            with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as ex:  # each run's own peak RSS
                r = ex.submit(run_once, corpus, w, args.segmenter, tuple(args.stages)).result()
            r |= {"size_mb": size, "stages": args.stages}
            r["ratio_to_rjieba_tag"] = r["chars_per_s_per_core"] / report["baselines"]["rjieba.tag"]
            r["ratio_to_jieba_posseg"] = r["chars_per_s_per_core"] / report["baselines"]["jieba.posseg.cut"]
            report["runs"].append(r)
            print(f"{size:g} MB, {w} worker(s): {r['chars_per_s_per_core'] / 1e3:,.0f}K chars/s/core "
                  f"({r['ratio_to_rjieba_tag']:.0%} of rjieba.tag, {r['ratio_to_jieba_posseg']:.1f}x jieba.posseg), "
                  f"{r['docs_per_s']:,.0f} docs/s, stages {({s: f'{v / 1e3:,.0f}K' for s, v in r['stage_chars_per_s_per_core'].items()})} "
                  f"(+{r['outside_stages_share']:.0%} of the time outside them), "
                  f"peak RSS main {r['peak_rss_mb_main']:,.0f} MB workers {[round(x) for x in r['peak_rss_mb_workers']]} MB")
    by = {(r["size_mb"], r["workers"]): r for r in report["runs"]}
    for size in args.sizes:
        if (size, 1) in by and (size, 2) in by:
            report.setdefault("scaling", {})[f"{size:g}MB"] = by[size, 2]["chars_per_s"] / by[size, 1]["chars_per_s"]
    ones = [r for r in report["runs"] if r["workers"] == 1]
    if len(ones) > 1:
        report["linearity"] = linearity(ones)
    for n in args.dedup:
        report["dedup"].append(dedup_scaling(n))
        print(f"dedup {n:,} docs: {report['dedup'][-1]['docs_per_s']:,.0f} docs/s")
    print("scaling 1->2 workers:", report.get("scaling"), " linearity:", report.get("linearity"))
    dest = ROOT / "bench" / "results"
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / time.strftime("%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print("saved", path)


if __name__ == "__main__":
    main()
