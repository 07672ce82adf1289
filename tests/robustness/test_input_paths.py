"""Input paths that are not plain files: unreadable files, symbolic links, pipes, odd names, OUT inside INPUT."""
import builtins
import os
import threading
from pathlib import Path

import pytest

import pipeline
from pipeline.config import RunConfig
from pipeline.inputs import discover

from .inputs import GOOD, cli, folder, outcome


# --- unreadable files -------------------------------------------------------------------------

@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway: see the simulated tests below")
def test_unreadable_file_gives_read_os_error(tmp_path):
    inp = folder(tmp_path, "good.txt", "locked.txt")
    (inp / "locked.txt").chmod(0)
    try:
        pipeline.run([inp], tmp_path / "out")
    finally:
        (inp / "locked.txt").chmod(0o644)
    docs, errors = outcome(tmp_path / "out")
    assert set(docs.source) == {"good.txt"} and errors.error.tolist() == ["read:os_error"]


def test_file_unreadable_at_discovery_gives_read_os_error(tmp_path, monkeypatch):
    # tests run as root, where chmod 000 does not stop reading: simulate EACCES on open
    from pipeline import inputs

    inp = folder(tmp_path, "good.txt", "locked.txt")

    def deny(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", deny, raising=False)
    pipeline.run([inp], tmp_path / "out")
    docs, errors = outcome(tmp_path / "out")
    assert set(docs.source) == {"good.txt"}
    assert errors[["source", "stage", "error"]].values.tolist() == [["locked.txt", "discover", "read:os_error"]]
    assert "Permission denied" in errors.detail[0]


def test_file_unreadable_at_ingest_gives_read_os_error(tmp_path, monkeypatch):
    # readable when discovered, denied when ingest reads it (permissions changed, file removed mid-run)
    inp = folder(tmp_path, "good.txt", "locked.txt")
    read_bytes = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    pipeline.run([inp], tmp_path / "out")
    docs, errors = outcome(tmp_path / "out")
    assert set(docs.source) == {"good.txt"}
    assert errors[["source", "stage", "error"]].values.tolist() == [["locked.txt", "ingest", "read:os_error"]]


# --- symbolic links ---------------------------------------------------------------------------

def test_symlink_outside_input_is_reported_by_default_and_followed_on_request(tmp_path):
    inp = folder(tmp_path, "good.txt")
    (tmp_path / "outside.txt").write_text("校外文件。" + GOOD, encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", inp / "link.txt")
    pipeline.run([inp], tmp_path / "out")
    docs, errors = outcome(tmp_path / "out")
    assert set(docs.source) == {"good.txt"}
    assert errors[["source", "error"]].values.tolist() == [["link.txt", "input:symlink"]]
    pipeline.run([inp], tmp_path / "out_follow", RunConfig(follow_symlinks=True))
    docs, errors = outcome(tmp_path / "out_follow")
    assert set(docs.source) == {"good.txt", "link.txt"} and errors.empty
    assert docs.set_index("source").text["link.txt"].startswith("校外文件。")


def test_symlinked_directory_is_reported_not_silently_skipped(tmp_path):
    inp = folder(tmp_path, "good.txt")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", inp / "linked_dir")
    os.symlink(".", inp / "loop")
    _, errors = discover([inp])
    assert {(e["source"], e["error"]) for e in errors} == {("linked_dir", "input:symlink"), ("loop", "input:symlink")}


def test_symlink_loop_with_follow_symlinks_gives_an_error_row(tmp_path):
    inp = folder(tmp_path, "good.txt")
    os.symlink("b", inp / "a")
    os.symlink("a", inp / "b")
    pipeline.run([inp], tmp_path / "out", RunConfig(follow_symlinks=True))
    docs, errors = outcome(tmp_path / "out")
    assert set(docs.source) == {"good.txt"} and set(errors.source) == {"a", "b"}


def test_directory_loop_with_follow_symlinks_visits_each_file_once(tmp_path):
    inp = folder(tmp_path, "good.txt")
    os.symlink(".", inp / "loop")
    files, errors = discover([inp], follow_symlinks=True)
    assert [f.source for f in files] == ["good.txt"]
    assert [(e["source"], e["error"]) for e in errors] == [("loop", "input:symlink")]


# --- pipes, names and folders ------------------------------------------------------------------

def test_named_pipe_in_input_does_not_hang_the_run(tmp_path):
    inp = folder(tmp_path, "good.txt")
    fifo = inp / "pipe.txt"
    os.mkfifo(fifo)
    found: list = []
    worker = threading.Thread(target=lambda: found.append(discover([inp])), daemon=True)
    worker.start()
    worker.join(3)
    finished = not worker.is_alive()
    if not finished:  # open the pipe for writing and close it, so the blocked reader sees its end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(3)
    assert finished, "discover blocked on a named pipe"
    files, errors = found[0]
    assert [f.source for f in files] == ["good.txt"] and [e["source"] for e in errors] == ["pipe.txt"]


def test_file_name_in_gbk_does_not_stop_the_run(tmp_path):
    inp = folder(tmp_path, "good.txt")
    with open(os.path.join(os.fsencode(inp), "工作总结.txt".encode("gbk")), "wb") as f:
        f.write(GOOD.encode())
    pipeline.run([inp], tmp_path / "out")
    docs, errors = outcome(tmp_path / "out")
    assert "good.txt" in set(docs.source)
    assert len(set(docs.source) | set(errors.source)) == 2  # the GBK-named file is accounted for too


def test_out_inside_input_is_not_read_as_input(tmp_path):
    inp = folder(tmp_path, "good.txt")
    pipeline.run([inp], inp / "out")
    pipeline.run([inp], inp / "out")
    docs, errors = outcome(inp / "out")
    assert set(docs.source) == {"good.txt"} and errors.empty


def test_cli_on_an_empty_folder_exits_cleanly(tmp_path):
    (tmp_path / "empty").mkdir()
    r = cli("run", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert r.returncode in (0, 2) and "Traceback" not in r.stderr, r.stderr[-500:]
