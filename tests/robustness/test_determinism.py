"""Two runs on the same input write byte-identical Parquet files, whatever the hash seed and worker count."""
import json
import os
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT, SAMPLE
from .inputs import GOOD, make_bad_inputs


def run_cli(inputs: list[Path], out: Path, seed: str, workers: str) -> None:
    """`cli.py run` in a fresh interpreter with its own PYTHONHASHSEED (set and dict orders differ per seed)."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    r = subprocess.run([sys.executable, "cli.py", "run", *map(str, inputs), "--out", str(out), "--workers", workers,
                        "--batch-files", "2", "--quiet"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode in (0, 1), r.stderr


def files(out: Path) -> dict[str, Path]:
    """Every file of a run by path relative to OUT (hidden temporaries excluded)."""
    return {str(p.relative_to(out)): p for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def test_two_runs_write_identical_bytes(tmp_path):
    import opencc

    make_bad_inputs(tmp_path)  # hostile files: encodings, docx, a 200,000-character line …
    (tmp_path / "in" / "traditional.txt").write_text(opencc.OpenCC("s2t").convert(GOOD * 3), encoding="utf-8")
    inputs = [SAMPLE, tmp_path / "in"]
    run_cli(inputs, tmp_path / "a", seed="1", workers="1")
    run_cli(inputs, tmp_path / "b", seed="2", workers="2")
    a, b = files(tmp_path / "a"), files(tmp_path / "b")
    assert a.keys() == b.keys()
    parquet = [k for k in a if k.endswith(".parquet")]
    assert {k.split("/")[0] for k in parquet} >= {"documents", "sentences", "tokens", "sections", "entities", "errors"}
    assert [k for k in parquet if a[k].read_bytes() != b[k].read_bytes()] == []
    for k in a.keys() - set(parquet):
        ja, jb = json.loads(a[k].read_text(encoding="utf-8")), json.loads(b[k].read_text(encoding="utf-8"))
        if k.endswith("_manifest.json"):
            assert ja.pop("created") and jb.pop("created")  # the one run-time field
        assert ja == jb, k
