"""Chains stages over batches of input files; completion markers; any concurrent.futures Executor.

Layout of OUT: one folder per table holding one Parquet file per batch
(`OUT/<table>/<batch_id>.parquet`), and `OUT/_batches/<batch_id>.json`, the batch's
completion marker, written last. A batch without its marker is redone; a marker
names the files (and their content digests) the batch covers, so a rerun skips
unchanged work and drops the rows of files that changed or disappeared.
"""
import functools
import hashlib
import json
import os
import resource
import shutil
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import io
from .config import RunConfig
from .errors import DocError, UsageError
from .inputs import InputFile, discover
from .schemas import TABLES, from_rows

STAGES = ("ingest", "segment", "outline", "extract")
BATCHES = "_batches"


@dataclass(frozen=True)
class Batch:
    batch_id: str
    files: tuple[InputFile, ...]


def plan_batches(files: list[InputFile], batch_files: int, batch_bytes: int) -> list[Batch]:
    """Group sorted files into batches with content-defined boundaries.

    A batch closes after a file whose name hashes to 0 mod batch_files (or once it
    holds batch_bytes): adding or changing one file changes one batch, not all after it.
    """
    batches, current, size = [], [], 0
    for f in files:
        current.append(f)
        size += f.size
        if int(hashlib.sha1(f.source.encode()).hexdigest()[:8], 16) % batch_files == 0 or size >= batch_bytes:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return [Batch(_batch_id(b), tuple(b)) for b in batches]


def _batch_id(files: list[InputFile]) -> str:
    return hashlib.sha1("\n".join(f"{f.source}\0{f.sha1}" for f in files).encode()).hexdigest()[:16]


@functools.cache
def _content_digest(path: Path) -> str:
    """Digest of a model file, or of every file under a model folder."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.exists() else []
    h = hashlib.sha1()
    for p in files:
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


def fingerprint(cfg: RunConfig, stage: str) -> str:
    """What a stage's output depends on besides its input: version, settings, model contents."""
    from . import __version__

    settings = asdict(getattr(cfg, stage)) if hasattr(cfg, stage) else {}
    models = {k: _content_digest(v) for k, v in settings.items() if isinstance(v, Path)}
    key = json.dumps([__version__, stage, settings, models], default=str, sort_keys=True)
    return hashlib.sha1(key.encode()).hexdigest()[:12]


@functools.cache
def _stage(name: str, cfg: RunConfig):
    """Each worker builds (and loads the models of) each stage once."""
    from . import stage_factory

    return stage_factory(name, cfg)


def apply_stages(stages: tuple[str, ...], cfg: RunConfig, files: list[tuple[Path, str]] = (),
                 read=None, timings: dict | None = None) -> dict[str, pa.Table]:
    """Run stages in memory over input files (ingest) or over tables `read(name)` gives.

    Returns every table the stages wrote, plus `errors`. A stage that raises turns
    into one errors row per file and the later stages are skipped.
    """
    tables: dict[str, pa.Table] = {}
    written: dict[str, pa.Table] = {}
    errors: list[pa.Table] = []
    for name in stages:
        stage = _stage(name, cfg)
        t0 = time.perf_counter()
        try:
            if name == "ingest":
                result = stage(list(files))
            else:
                for t in stage.reads:
                    if t not in tables:
                        tables[t] = read(t)
                result = stage({t: tables[t] for t in stage.reads})
        except Exception as e:  # a stage bug must not stop the corpus: name it per file
            detail = f"{type(e).__name__}: {e}"
            errors.append(from_rows("errors", [DocError(f"crash:{name}", detail).row(name, s) for _, s in files]))
            break
        if "errors" in result:
            errors.append(result.pop("errors"))
        tables.update(result)
        written.update(result)
        if timings is not None:
            timings[name] = time.perf_counter() - t0
    written["errors"] = pa.concat_tables(errors) if errors else TABLES["errors"].empty_table()
    return written


def process_batch(batch: Batch, stages: tuple[str, ...], out: str, cfg: RunConfig) -> dict:
    """Run `stages` over one batch and publish their tables; returns counts for the summary."""
    t0 = time.perf_counter()
    out = Path(out)
    timings: dict[str, float] = {}
    written = apply_stages(stages, cfg, [(Path(f.path), f.source) for f in batch.files],
                           lambda t: io.read_part(out, t, batch.batch_id), timings)
    suffix = "" if stages[0] == "ingest" else "." + stages[0]
    _publish(out, batch, {t: (batch.batch_id + suffix if t == "errors" else batch.batch_id, table)
                          for t, table in written.items()}, stages, cfg)
    docs = written.get("documents")
    return {
        "batch": batch.batch_id, "files": len(batch.files), "seconds": time.perf_counter() - t0,
        "documents": docs.num_rows if docs is not None else 0,
        "chars": int(pc.sum(docs["n_chars"]).as_py() or 0) if docs is not None else 0,
        "errors": written["errors"].num_rows, "stage_seconds": timings,
        "pid": os.getpid(), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _publish(out: Path, batch: Batch, parts: dict[str, tuple[str, pa.Table]], stages, cfg) -> None:
    """Stage every part, rename them into place, then write the completion marker.

    Parts go to OUT/_staging/<batch>/ first, so a killed run leaves only whole
    batches visible; the stages after those run are marked undone (their input changed).
    """
    staging = out / "_staging" / batch.batch_id
    for t, (part, table) in parts.items():
        io.write_part(staging, t, part, table)
    for t, (part, _) in parts.items():
        (out / t).mkdir(exist_ok=True)
        os.replace(staging / t / f"{part}.parquet", out / t / f"{part}.parquet")
    marker = _read_marker(out, batch.batch_id) or {"files": [[f.source, f.sha1] for f in batch.files], "stages": {}}
    marker["stages"].update({s: fingerprint(cfg, s) for s in stages})
    for later in STAGES[max(STAGES.index(s) for s in stages) + 1:]:
        marker["stages"].pop(later, None)
    io.write_json(out / BATCHES / f"{batch.batch_id}.json", marker)
    shutil.rmtree(staging, ignore_errors=True)


def _read_marker(out: Path, batch_id: str) -> dict | None:
    path = Path(out) / BATCHES / f"{batch_id}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _done(out: Path, batch: Batch, stages: tuple[str, ...], cfg: RunConfig) -> bool:
    marker = _read_marker(out, batch.batch_id)
    return bool(marker) and all(marker["stages"].get(s) == fingerprint(cfg, s) for s in stages)


def _remove_stale(out: Path, keep: set[str]) -> int:
    """Delete the parts and markers of batches no longer in the input (changed or gone)."""
    removed = 0
    for marker in (Path(out) / BATCHES).glob("*.json"):
        if marker.stem not in keep:
            for name in TABLES:
                for p in (Path(out) / name).glob(f"{marker.stem}*.parquet"):
                    p.unlink()
            marker.unlink()
            removed += 1
    return removed


def local_executor(workers: int) -> Executor:
    """A process pool; 'spawn' so no worker inherits a half-initialised thread pool."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))


def dask_executor(address: str) -> Executor:
    """The same map over a Dask distributed cluster (optional dependency)."""
    from distributed import Client

    return Client(address).get_executor()


def _execute(batches, stages, out, cfg, executor, progress) -> list[dict]:
    """Map process_batch over batches: through the given Executor, a local pool
    (cfg.workers > 1), or in this process."""
    own = executor is None and cfg.workers > 1 and len(batches) > 1
    if own:
        executor = local_executor(min(cfg.workers, len(batches)))
    try:
        if executor is None:
            results = (process_batch(b, stages, str(out), cfg) for b in batches)
        else:
            futures = [executor.submit(process_batch, b, stages, str(out), cfg) for b in batches]
            results = (f.result() for f in futures)
        if progress:
            progress.start(len(batches), sum(f.size for b in batches for f in b.files))
        done = []
        for r in results:
            done.append(r)
            if progress:
                progress.advance(r)
        return done
    finally:
        if own:
            executor.shutdown()


def run(inputs: list[Path], out: Path, cfg: RunConfig = RunConfig(), stages: tuple[str, ...] = STAGES,
        executor: Executor | None = None, progress=None) -> dict:
    """Run the pipeline over input files or folders into OUT; incremental unless cfg.force."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out must be a folder: {out}")
    files, discover_errors = discover(inputs, cfg.follow_symlinks, skip=(out,))
    if not files and not discover_errors:
        raise UsageError(f"no input files in {', '.join(map(str, inputs))}")
    batches = plan_batches(files, cfg.batch_files, cfg.batch_bytes)
    out.mkdir(parents=True, exist_ok=True)
    stale = _remove_stale(out, {b.batch_id for b in batches})
    todo = [b for b in batches if cfg.force or not _done(out, b, stages, cfg)]
    results = _execute(todo, stages, out, cfg, executor, progress)
    io.write_part(out, "errors", "discover", from_rows("errors", discover_errors))
    if "ingest" in stages:
        mark_duplicates(out, cfg.ingest.dedup_threshold, cfg.ingest.num_perm)
    write_manifests(out, cfg)
    shutil.rmtree(out / "_staging", ignore_errors=True)
    return {"files": len(files), "batches": len(batches), "done": len(results), "skipped": len(batches) - len(todo),
            "stale": stale, "results": results}


def run_stage(out: Path, stage: str, cfg: RunConfig = RunConfig(), executor: Executor | None = None,
              progress=None) -> dict:
    """Run one stage (not ingest) over every batch already in OUT, reading its inputs there."""
    out = Path(out)
    if not (out / BATCHES).is_dir():
        raise UsageError(f"no pipeline output in {out}: run `ingest` or `run` first")
    batches = []
    for marker in sorted((out / BATCHES).glob("*.json")):
        files = json.loads(marker.read_text(encoding="utf-8"))["files"]
        batches.append(Batch(marker.stem, tuple(InputFile("", s, h, 0) for s, h in files)))
    if stage not in STAGES[1:]:
        raise UsageError(f"run_stage takes one of {STAGES[1:]}, not {stage!r}")
    todo = [b for b in batches if cfg.force or not _done(out, b, (stage,), cfg)]
    results = _execute(todo, (stage,), out, cfg, executor, progress)
    write_manifests(out, cfg)
    return {"batches": len(batches), "done": len(results), "skipped": len(batches) - len(todo), "results": results}


def mark_duplicates(out: Path, threshold: float, num_perm: int) -> int:
    """Fill documents.dup_of over the whole OUT in corpus order; rewrite only changed parts."""
    from .ingest.dedup import find_duplicates

    docs = io.read_table(out, "documents", ["doc_id", "source", "part"])
    sigs = io.read_table(out, "_minhash")
    order = docs.join(sigs, "doc_id").sort_by([("source", "ascending"), ("part", "ascending")])
    del docs, sigs
    rows = (row for batch in order.select(["doc_id", "text_sha1", "signature"]).to_batches(8192)
            for row in zip(*(col.to_pylist() for col in batch.columns)))  # a batch of Python objects at a time
    dups = find_duplicates(rows, threshold, num_perm)
    for path in io.parts(out, "documents"):
        table = io.read_part(out, "documents", path.stem)
        ids = table["doc_id"].to_pylist()
        dup_of = pa.array([dups[d][0] if d in dups else None for d in ids], pa.string())
        score = pa.array([dups[d][1] if d in dups else None for d in ids], pa.float32())
        if dup_of.equals(table["dup_of"].combine_chunks()) and score.equals(table["dup_score"].combine_chunks()):
            continue
        table = table.set_column(table.schema.get_field_index("dup_of"), "dup_of", dup_of)
        table = table.set_column(table.schema.get_field_index("dup_score"), "dup_score", score)
        io.write_part(out, "documents", path.stem, table)
    return len(dups)


def model_hashes() -> dict[str, str]:
    """Digests of every artefact under models/ that a run may read."""
    from .config import MODELS

    return {str(p.relative_to(MODELS)): hashlib.sha1(p.read_bytes()).hexdigest()[:12]
            for p in sorted(MODELS.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def write_manifests(out: Path, cfg: RunConfig) -> None:
    """OUT/<table>/_manifest.json: how the dataset was made (version, settings, models, inputs)."""
    from . import __version__

    files = []
    for marker in sorted((Path(out) / BATCHES).glob("*.json")):
        files += json.loads(marker.read_text(encoding="utf-8"))["files"]
    files.sort()
    common = {
        "pipeline_version": __version__, "segmenter": cfg.segment.segmenter,
        "stages": {s: fingerprint(cfg, s) for s in STAGES}, "models": model_hashes(),
        "inputs_sha1": hashlib.sha1(json.dumps(files).encode()).hexdigest(), "inputs": files,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),  # the one run-time field
    }
    for name in TABLES:
        if (Path(out) / name).is_dir():
            rows = sum(pq.ParquetFile(p).metadata.num_rows for p in io.parts(out, name))
            io.write_json(Path(out) / name / "_manifest.json", {"table": name, "rows": rows, **common})
