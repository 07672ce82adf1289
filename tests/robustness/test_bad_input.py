"""Hostile files through the real runner and CLI: each gives documents or a clear errors row, and the run goes on."""
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.config import RunConfig
from pipeline.ingest import ingest_file
from pipeline.inputs import discover

from ..conftest import ROOT
from .inputs import GOOD, MB, SECRET, cli, folder, make_bad_inputs, outcome

SHARED = ROOT.parent / "shared"


def input_files(inp: Path) -> set[str]:
    """Every file name under inp (symlinks included, not followed), relative to inp."""
    return {str((Path(d) / f).relative_to(inp)) for d, _, names in os.walk(inp) for f in names}


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    """A folder of hostile files, the error code each should give, and one in-process run over it."""
    root = tmp_path_factory.mktemp("bad")
    expected = make_bad_inputs(root)
    pipeline.run([root / "in"], root / "out")
    return root, expected


def test_each_file_gives_documents_or_its_error_code(bad):
    root, expected = bad
    docs, errors = outcome(root / "out")
    got = {s: None for s in docs.source} | dict(zip(errors.source, errors.error))
    wrong = {s: (code, got.get(s, "missing")) for s, code in expected.items() if got.get(s, "missing") != code}
    assert not wrong, wrong  # source: (expected, got)
    assert errors.source.is_unique and not set(errors.source) & set(docs.source)


def test_every_input_file_is_accounted_for(bad):
    root, _ = bad
    docs, errors = outcome(root / "out")
    assert input_files(root / "in") <= set(docs.source) | set(errors.source)
    assert errors.detail.str.len().min() > 10 and errors.stage.isin(["discover", "ingest"]).all()


def test_documents_of_hostile_files_are_whole_and_clean(bad):
    root, _ = bad
    docs, _ = outcome(root / "out")
    text = docs.groupby("source").text.apply("\n".join)
    for source in ("good.txt", "nul_inside.txt", "truncated_utf8.txt", "gb18030.txt", "utf16_bom.txt",
                   "docx_as.txt", "entity.docx"):
        assert "我校现有教师66名，学生1015人。" in text[source], source
    assert "本学期" in text["mixed_encodings.txt"] and "这学期" in text["mixed_encodings.txt"]
    assert docs.set_index("source").encoding.loc[["mixed_encodings.txt"]].eq("gb18030+utf-8").all()
    assert text["truncated_utf8.txt"].endswith("结束")  # the cut character is dropped, the rest kept
    assert docs[docs.source == "long_line.txt"].n_chars.sum() >= 199_000
    assert not docs.text.str.contains("[\x00-\x09\x0b-\x1f\ufffd]").any()
    assert not docs.text.str.contains(SECRET).any()  # the external entity was never resolved


def test_the_other_tables_still_index_the_documents(bad):
    root, _ = bad
    docs, _ = outcome(root / "out")
    text = dict(zip(docs.doc_id, docs.text))
    for name in ("sentences", "tokens", "entities"):
        table = pd.read_parquet(root / "out" / name)
        assert len(table) and set(table.doc_id) <= set(text), name
        assert all(text[d][s:e] == t for d, s, e, t in zip(table.doc_id, table.start, table.end, table.text)), name
    secs = pd.read_parquet(root / "out" / "sections")
    assert all(0 <= s <= e <= b <= len(text[d]) for d, s, e, b in zip(secs.doc_id, secs.start, secs.end, secs.body_end))


@pytest.mark.skipif(not (SHARED / "tools" / "check_contract.py").exists(), reason="../shared not beside the repo")
def test_the_shared_contract_check_passes(bad):
    root, _ = bad
    script = SHARED / "tools" / "check_contract.py"
    r = subprocess.run([sys.executable, str(script), str(root / "out"), str(root / "in")],
                       capture_output=True, text=True, timeout=120)
    assert "contract: ok" in r.stdout, r.stdout


def test_cli_exit_status_and_every_other_document_written(bad, tmp_path):
    root, expected = bad
    r = cli("run", str(root / "in"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1, r.stderr
    docs, errors = outcome(tmp_path / "out")
    assert set(errors.source) == {s for s, code in expected.items() if code}
    assert set(docs.source) == {s for s, code in expected.items() if code is None}
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "a.txt").write_text(GOOD, encoding="utf-8")
    r = cli("run", str(tmp_path / "good"), "--out", str(tmp_path / "out_good"))
    assert r.returncode == 0, r.stderr
    r = cli("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out_missing"))
    assert r.returncode == 2 and "input not found" in r.stderr


def _peak_mb(call) -> tuple[object, float]:
    """call()'s result and the peak of Python allocations while it ran, in MB."""
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name, code", [("huge.txt", "size:too_large"), ("bomb.docx", "docx:too_large"),
                                        ("laughs.docx", "docx:broken")])
def test_huge_files_and_zip_bombs_are_refused_in_bounded_memory(bad, name, code):
    # reading the 100 MB file or inflating the 80 MB document.xml would peak at 80-200 MB
    root, _ = bad
    (docs, errors), peak = _peak_mb(lambda: ingest_file(root / "in" / name, name))
    assert not docs and errors[0]["error"] == code
    assert peak < 16, f"{name}: {peak:.0f} MB"


def test_discovery_hashes_a_huge_file_in_bounded_memory(bad):
    root, _ = bad
    (files, _), peak = _peak_mb(lambda: discover([root / "in" / "huge.txt"]))
    assert files[0].size == 100 * MB and peak < 16


def test_lying_zip_bomb_is_refused_in_bounded_memory(bad):
    root, _ = bad
    (docs, errors), peak = _peak_mb(lambda: ingest_file(root / "in" / "lying_bomb.docx", "lying_bomb.docx"))
    assert not docs and errors[0]["error"] in ("docx:too_large", "docx:broken")
    assert peak < 16, f"{peak:.0f} MB"


# --- padding and crashes ---------------------------------------------------------------------

def test_text_padded_with_nul_bytes_gives_its_documents(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "padded.txt").write_bytes(GOOD.encode() + b"\x00" * 4096)
    pipeline.run([inp], tmp_path / "out")
    docs, errors = outcome(tmp_path / "out")
    assert errors.empty and "教师66名" in docs.text[0]


def test_a_stage_crash_is_an_error_row_and_the_run_goes_on(tmp_path, monkeypatch):
    import pipeline.extract as extract

    find_counts = extract.find_counts

    def crash_on_marker(text, *args, **kwargs):
        if "触发崩溃" in text:
            raise ValueError("boom")
        return find_counts(text, *args, **kwargs)

    monkeypatch.setattr(extract, "find_counts", crash_on_marker)
    inp = folder(tmp_path, "good.txt")
    (inp / "crash.txt").write_text(GOOD + "触发崩溃。\n", encoding="utf-8")
    pipeline.run([inp], tmp_path / "out", RunConfig(batch_files=1))  # one batch per file
    docs, errors = outcome(tmp_path / "out")
    assert errors[["source", "stage", "error"]].values.tolist() == [["crash.txt", "extract", "crash:extract"]]
    assert "ValueError: boom" in errors.detail[0]
    ents = pd.read_parquet(tmp_path / "out" / "entities")
    good = set(docs[docs.source == "good.txt"].doc_id)
    assert set(ents.doc_id) == good and len(ents) >= 4  # the other file's entities are all there
