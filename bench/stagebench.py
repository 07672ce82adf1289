"""Time one stage on the sample corpus repeated, and check its output is unchanged (bench/outline.py, bench/extract.py).

Rates are characters per CPU-second of this process (time.process_time, best of
--repeat runs), so other work on a shared machine disturbs them less. --baseline
loads a copy of an earlier pipeline/<stage> folder as a package and times it in the
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

from pipeline import STAGES, RunConfig, stage_factory  # noqa: E402
from pipeline.runner import apply_stages  # noqa: E402

SAMPLE = ROOT / "corpus" / "sample"


def upstream(stage: str, refresh: bool = False) -> dict[str, pa.Table]:
    """What `stage` reads, from the stages before it over the sample corpus; cached as Parquet while the corpus is unchanged."""
    before = STAGES[:STAGES.index(stage)]
    tables = stage_factory(stage, RunConfig()).reads
    cache = Path(f"/tmp/{stage}_bench_input")
    files = [(p, p.name) for p in sorted(SAMPLE.glob("*.txt"))]
    key = json.dumps([(name, p.stat().st_size, p.stat().st_mtime_ns) for p, name in files])
    marker = cache / "corpus.json"
    if not refresh and marker.exists() and marker.read_text() == key:
        return {t: pq.read_table(cache / f"{t}.parquet") for t in tables}
    out = apply_stages(before, RunConfig(), files)
    cache.mkdir(parents=True, exist_ok=True)
    for t in tables:
        pq.write_table(out[t], cache / f"{t}.parquet")
    marker.write_text(key)
    return {t: out[t] for t in tables}


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


def load_baseline(stage: str, folder: Path):
    """The stage built from an old copy of pipeline/<stage>, imported as pipeline._<stage>_baseline."""
    name = f"pipeline._{stage}_baseline"
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    stage_class = next(v for k, v in vars(module).items() if k.endswith("Stage") and getattr(v, "name", None) == stage)
    return stage_class(getattr(RunConfig(), stage))


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


def main(stage_name: str, times: int) -> None:
    """Time the stage (and a baseline), print chars/s, compare every table it writes."""
    ap = argparse.ArgumentParser(description=f"Benchmark the {stage_name} stage")
    ap.add_argument("--times", type=int, default=times, help="copies of the sample corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help=f"folder holding an older pipeline/{stage_name}")
    ap.add_argument("--save", type=Path, help="write this run's main output table here")
    ap.add_argument("--expect", type=Path, default=Path(f"/tmp/{stage_name}_before.parquet"))
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--refresh", action="store_true", help="rerun the stages before it")
    args = ap.parse_args()

    batch = replicate(upstream(stage_name, args.refresh), args.times)
    chars = sum(len(t) for t in batch["documents"]["text"].to_pylist())
    print(f"{batch['documents'].num_rows} documents, {chars:,} chars")
    stage = stage_factory(stage_name, RunConfig())
    main_table = stage.writes[0]
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(stage, batch)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    secs, out = best_time(stage, batch, args.repeat)
    print(f"{stage_name} now:      {secs:7.3f} s CPU  {chars / secs:12,.0f} chars/s  {out[main_table].num_rows} {main_table}")
    if args.baseline:
        base_secs, base = best_time(load_baseline(stage_name, args.baseline), batch, args.repeat)
        print(f"{stage_name} baseline: {base_secs:7.3f} s CPU  {chars / base_secs:12,.0f} chars/s  "
              f"speed-up {base_secs / secs:.2f}x  same output: {all(same(out[t], base[t]) for t in stage.writes)}")
    if args.save:
        pq.write_table(out[main_table], args.save)
        print(f"saved {args.save}")
    elif args.expect.exists():
        print(f"same as {args.expect}: {same(out[main_table], pq.read_table(args.expect))}")
