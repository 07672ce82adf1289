"""End to end: the contract, bad input in a real run, reruns and workers."""
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline.config import RunConfig
from pipeline.errors import UsageError

from .conftest import ROOT, SAMPLE

SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "tools" / "check_contract.py").exists(), reason="../shared not beside the repo")
def test_sample_output_passes_the_shared_contract_check(sample_out):
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(sample_out), str(SAMPLE)],
                       capture_output=True, text=True)
    assert "contract: ok" in r.stdout, r.stdout


def test_eval_agrees_with_the_reference_scorer(sample_out):
    if not (SHARED / "tools" / "score.py").exists():
        pytest.skip("../shared not beside the repo")
    from pipeline.evaluate import format_scores, score

    ref = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(sample_out), str(ROOT / "corpus" / "gold")],
                         capture_output=True, text=True, check=True).stdout
    assert format_scores(score(sample_out, ROOT / "corpus" / "gold")).strip() == ref.strip()


def make_input(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(SAMPLE / "003_8c6cd234ada55600.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n ")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 50)
    (folder / "sub").mkdir()
    (folder / "sub" / "gbk.txt").write_bytes((SAMPLE / "000_e606f8fd88592476.txt").read_text().encode("gb18030"))
    return folder


def test_bad_files_give_error_rows_and_the_rest_is_written(tmp_path):
    inp = make_input(tmp_path / "in")
    pipeline.run([inp], tmp_path / "out")
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    errors = pd.read_parquet(tmp_path / "out" / "errors")
    assert set(docs.source) == {"good.txt", "sub/gbk.txt"}
    assert dict(zip(errors.source, errors.error)) == {
        "empty.txt": "empty:file", "blank.txt": "empty:whitespace", "binary.bin": "decode:binary"}


def tables(out: Path) -> dict[str, pd.DataFrame]:
    names = [p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith("_")]
    return {n: pd.read_parquet(out / n).sort_values(list(pq.read_schema(next((out / n).glob("*.parquet"))).names[:3]))
            .reset_index(drop=True) for n in names}


def assert_same(a: Path, b: Path):
    ta, tb = tables(a), tables(b)
    assert ta.keys() == tb.keys()
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


def test_rerun_is_incremental_and_equals_a_fresh_run(tmp_path):
    inp = make_input(tmp_path / "in")
    out = tmp_path / "out"
    cfg = RunConfig(batch_files=1)  # one batch per file
    first = pipeline.run([inp], out, cfg)
    again = pipeline.run([inp], out, cfg)
    assert again["done"] == 0 and again["skipped"] == first["batches"]
    (inp / "good.txt").write_text((SAMPLE / "002_de4ba366cc12e037.txt").read_text())
    (inp / "sub" / "gbk.txt").unlink()
    changed = pipeline.run([inp], out, cfg)
    assert (changed["done"], changed["skipped"], changed["stale"]) == (1, 3, 2)
    pipeline.run([inp], tmp_path / "fresh", cfg)
    assert_same(out, tmp_path / "fresh")


def test_two_workers_equal_one(tmp_path):
    pipeline.run([SAMPLE], tmp_path / "w1", RunConfig(workers=1, batch_files=1))
    pipeline.run([SAMPLE], tmp_path / "w2", RunConfig(workers=2, batch_files=1))
    assert_same(tmp_path / "w1", tmp_path / "w2")


def test_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="input not found"):
        pipeline.run([tmp_path / "nope"], tmp_path / "out")


def test_dask_local_cluster_run_equals_a_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        pipeline.run([SAMPLE], tmp_path / "dask", RunConfig(batch_files=1), executor=client.get_executor())
    pipeline.run([SAMPLE], tmp_path / "local", RunConfig(batch_files=1))
    assert_same(tmp_path / "dask", tmp_path / "local")


def test_a_run_killed_mid_way_then_rerun_equals_a_clean_run(tmp_path):
    import signal
    import time

    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(24):
        for f in SAMPLE.glob("*.txt"):
            (inp / f"{i:02d}_{f.name}").write_text(f.read_text() + f"\n第{i}份。")
    out = tmp_path / "out"
    cmd = [sys.executable, str(ROOT / "cli.py"), "run", str(inp), "--out", str(out), "--workers", "1", "--quiet", "--batch-files", "3"]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / "_batches").glob("*.json"))) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = {p.stem for p in (out / "_batches").glob("*.json")}
    assert 2 <= len(finished) < len(pipeline.runner.plan_batches(pipeline.inputs.discover([inp])[0], 3, 8 * 2**20))
    docs = pd.read_parquet(out / "documents")  # readable, and complete for the finished batches
    assert len(docs) > 0
    subprocess.run(cmd, cwd=ROOT, check=True)
    pipeline.run([inp], tmp_path / "clean", RunConfig(batch_files=3))
    assert_same(out, tmp_path / "clean")


@pytest.mark.skipif(not (SHARED / "tools" / "check_contract.py").exists(), reason="../shared not beside the repo")
def test_the_pkuseg_backend_passes_the_contract_check_too(tmp_path):
    from pipeline.config import SegmentConfig

    pipeline.run([SAMPLE], tmp_path / "pku", RunConfig(segment=SegmentConfig(segmenter="pkuseg")))
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(tmp_path / "pku"), str(SAMPLE)],
                       capture_output=True, text=True)
    assert "contract: ok" in r.stdout, r.stdout
    assert set(pd.read_parquet(tmp_path / "pku" / "tokens", columns=["segmenter"]).segmenter) == {"pkuseg"}
