"""Benchmark the extract stage on the sample corpus repeated, and check its output is unchanged.

    .venv/bin/python bench/extract.py                          # time, compare with --expect
    .venv/bin/python bench/extract.py --save /tmp/extract_before.parquet
    .venv/bin/python bench/extract.py --baseline /tmp/extract_orig   # time an old copy too

Rates are characters per CPU-second of this process (time.process_time, best of
--repeat runs), so other work on a shared machine disturbs them less. --baseline
loads a copy of an earlier pipeline/extract folder as a package and times it in the
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
from pipeline.extract import ExtractStage  # noqa: E402
from pipeline.runner import apply_stages  # noqa: E402

SAMPLE = ROOT / "corpus" / "sample"
TABLES = ("documents", "sentences", "tokens", "sections")
CACHE = Path("/tmp/extract_bench_input")


def upstream(refresh: bool = False) -> dict[str, pa.Table]:
    """ingest → segment → outline over the sample corpus, cached as Parquet while the corpus is unchanged."""
    files = [(p, p.name) for p in sorted(SAMPLE.glob("*.txt"))]
    key = json.dumps([(name, p.stat().st_size, p.stat().st_mtime_ns) for p, name in files])
    marker = CACHE / "corpus.json"
    if not refresh and marker.exists() and marker.read_text() == key:
        return {t: pq.read_table(CACHE / f"{t}.parquet") for t in TABLES}
    out = apply_stages(("ingest", "segment", "outline"), RunConfig(), files)
    CACHE.mkdir(parents=True, exist_ok=True)
    for t in TABLES:
        pq.write_table(out[t], CACHE / f"{t}.parquet")
    marker.write_text(key)
    return {t: out[t] for t in TABLES}


def _renamed(table: pa.Table, k: int) -> pa.Table:
    """The table with doc_id (and section_id) suffixed by copy number k."""
    suffix = f"~{k}"
    for col in ("doc_id", "section_id"):
        if col in table.column_names:
            i = table.column_names.index(col)
            table = table.set_column(i, col, pc.binary_join_element_wise(table[col], pa.scalar(suffix), ""))
    return table


def replicate(batch: dict[str, pa.Table], times: int) -> dict[str, pa.Table]:
    """Every table copied `times` times with distinct doc_ids."""
    return {t: pa.concat_tables([_renamed(v, k) for k in range(times)]) for t, v in batch.items()}


def load_baseline(folder: Path):
    """The ExtractStage of an old copy of pipeline/extract, imported as pipeline._extract_baseline."""
    name = "pipeline._extract_baseline"
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.ExtractStage


def best_time(stage, batch: dict, repeat: int) -> tuple[float, pa.Table]:
    """Best CPU seconds of `repeat` runs, and the entities table."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.process_time()
        out = stage(batch)["entities"]
        best = min(best, time.process_time() - t0)
    return best, out


def same(a: pa.Table, b: pa.Table) -> bool:
    """True when two entities tables hold the same rows in the same order (all columns)."""
    if a.schema != b.schema or a.num_rows != b.num_rows:
        return False
    return all(a[c].to_pylist() == b[c].to_pylist() for c in a.column_names)


def main() -> None:
    """Time the stage (and a baseline), print chars/s, compare entities."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--times", type=int, default=10, help="copies of the sample corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="folder holding an older pipeline/extract")
    ap.add_argument("--save", type=Path, help="write this run's entities here")
    ap.add_argument("--expect", type=Path, default=Path("/tmp/extract_before.parquet"))
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--refresh", action="store_true", help="rerun ingest/segment/outline")
    args = ap.parse_args()

    batch = replicate(upstream(args.refresh), args.times)
    chars = sum(len(t) for t in batch["documents"]["text"].to_pylist())
    print(f"{batch['documents'].num_rows} documents, {chars:,} chars")
    cfg = RunConfig().extract
    stage = ExtractStage(cfg)
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(stage, batch)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    secs, ents = best_time(stage, batch, args.repeat)
    print(f"extract now:      {secs:7.3f} s CPU  {chars / secs:12,.0f} chars/s  {ents.num_rows} entities")
    if args.baseline:
        base_secs, base = best_time(load_baseline(args.baseline)(cfg), batch, args.repeat)
        print(f"extract baseline: {base_secs:7.3f} s CPU  {chars / base_secs:12,.0f} chars/s  "
              f"speed-up {base_secs / secs:.2f}x  same output: {same(ents, base)}")
    if args.save:
        pq.write_table(ents, args.save)
        print(f"saved {args.save}")
    elif args.expect.exists():
        print(f"same as {args.expect}: {same(ents, pq.read_table(args.expect))}")


if __name__ == "__main__":
    main()
