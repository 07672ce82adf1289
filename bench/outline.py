"""Benchmark the outline stage on the sample corpus repeated, and check its output is unchanged.

    .venv/bin/python bench/outline.py                          # time, compare with --expect
    .venv/bin/python bench/outline.py --save /tmp/outline_before.parquet
    .venv/bin/python bench/outline.py --baseline /tmp/outline_orig   # time an old copy too

Rates are characters per CPU-second of this process (time.process_time, best of
--repeat runs), so other work on a shared machine disturbs them less. --baseline
loads a copy of an earlier pipeline/outline folder as a package and times it in the
same run, so both rates come from the same machine state; outputs must be equal.
"""
import argparse
import cProfile
import importlib.util
import json
import pstats
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import RunConfig  # noqa: E402
from pipeline.outline import OutlineStage  # noqa: E402
from pipeline.runner import apply_stages  # noqa: E402

SAMPLE = ROOT / "corpus" / "sample"
TABLES = OutlineStage.reads  # documents, sentences
CACHE = Path("/tmp/outline_bench_input")


def upstream(refresh: bool = False) -> dict[str, pa.Table]:
    """ingest → segment over the sample corpus, cached as Parquet while the corpus is unchanged."""
    files = [(p, p.name) for p in sorted(SAMPLE.glob("*.txt"))]
    key = json.dumps([(name, p.stat().st_size, p.stat().st_mtime_ns) for p, name in files])
    marker = CACHE / "corpus.json"
    if not refresh and marker.exists() and marker.read_text() == key:
        return {t: pq.read_table(CACHE / f"{t}.parquet") for t in TABLES}
    out = apply_stages(("ingest", "segment"), RunConfig(), files)
    CACHE.mkdir(parents=True, exist_ok=True)
    for t in TABLES:
        pq.write_table(out[t], CACHE / f"{t}.parquet")
    marker.write_text(key)
    return {t: out[t] for t in TABLES}


def _renamed(table: pa.Table, k: int) -> pa.Table:
    """The table with doc_id suffixed by copy number k."""
    i = table.column_names.index("doc_id")
    return table.set_column(i, "doc_id", pc.binary_join_element_wise(table["doc_id"], pa.scalar(f"~{k}"), ""))


def replicate(batch: dict[str, pa.Table], times: int) -> dict[str, pa.Table]:
    """Every table copied `times` times with distinct doc_ids."""
    return {t: pa.concat_tables([_renamed(v, k) for k in range(times)]) for t, v in batch.items()}


def load_baseline(folder: Path):
    """The OutlineStage of an old copy of pipeline/outline, imported as pipeline._outline_baseline."""
    name = "pipeline._outline_baseline"
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.OutlineStage


def best_time(stage, batch: dict, repeat: int) -> tuple[float, dict[str, pa.Table]]:
    """Best CPU seconds of `repeat` runs, and the stage's output tables."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.process_time()
        out = stage(batch)
        best = min(best, time.process_time() - t0)
    return best, out


def same(a: pa.Table, b: pa.Table) -> bool:
    """True when two tables hold the same rows in the same order (all columns, exact values)."""
    if a.schema != b.schema or a.num_rows != b.num_rows:
        return False
    return all(a[c].to_pylist() == b[c].to_pylist() for c in a.column_names)


def main() -> None:
    """Time the stage (and a baseline), print chars/s, compare sections (and sentences with a baseline)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--times", type=int, default=20, help="copies of the sample corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="folder holding an older pipeline/outline")
    ap.add_argument("--save", type=Path, help="write this run's sections here")
    ap.add_argument("--expect", type=Path, default=Path("/tmp/outline_before.parquet"))
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--refresh", action="store_true", help="rerun ingest/segment")
    args = ap.parse_args()

    batch = replicate(upstream(args.refresh), args.times)
    chars = sum(len(t) for t in batch["documents"]["text"].to_pylist())
    print(f"{batch['documents'].num_rows} documents, {chars:,} chars")
    cfg = RunConfig().outline
    stage = OutlineStage(cfg)
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(stage, batch)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    secs, out = best_time(stage, batch, args.repeat)
    secs_table = out["sections"]
    print(f"outline now:      {secs:7.3f} s CPU  {chars / secs:12,.0f} chars/s  {secs_table.num_rows} sections")
    if args.baseline:
        base_secs, base = best_time(load_baseline(args.baseline)(cfg), batch, args.repeat)
        print(f"outline baseline: {base_secs:7.3f} s CPU  {chars / base_secs:12,.0f} chars/s  "
              f"speed-up {base_secs / secs:.2f}x  same sections: {same(secs_table, base['sections'])}  "
              f"same sentences: {same(out['sentences'], base['sentences'])}")
    if args.save:
        pq.write_table(secs_table, args.save)
        print(f"saved {args.save}")
    elif args.expect.exists():
        print(f"same as {args.expect}: {same(secs_table, pq.read_table(args.expect))}")


if __name__ == "__main__":
    main()
