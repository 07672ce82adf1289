import io
import tarfile
import zipfile

import pytest

from pipeline.segment import pkuseg_model

MODEL_FILES = {"model.txt": b"5\n7\n", "tagIndex.txt": b"B 0\n", "featureIndex.txt_0": b"1.$$ 0\n"}


def test_model_files_come_out_of_a_wheel(tmp_path):
    wheel = tmp_path / "pkuseg-0.0.12-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        for name, data in MODEL_FILES.items():
            z.writestr(f"pkuseg/models/ctb8/{name}", data)
        z.writestr("pkuseg/__init__.py", b"")
    pkuseg_model._extract_model(wheel, tmp_path / "raw")
    assert {p.name: p.read_bytes() for p in (tmp_path / "raw").iterdir()} == MODEL_FILES


def test_model_files_come_out_of_an_sdist(tmp_path):
    sdist = tmp_path / "pkuseg-0.0.12.tar.gz"
    with tarfile.open(sdist, "w:gz") as t:
        for name, data in MODEL_FILES.items():
            info = tarfile.TarInfo(f"pkuseg-0.0.12/pkuseg/models/ctb8/{name}")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    pkuseg_model._extract_model(sdist, tmp_path / "raw")
    assert {p.name for p in (tmp_path / "raw").iterdir()} == set(MODEL_FILES)


def test_an_archive_without_the_model_is_an_error(tmp_path):
    wheel = tmp_path / "pkuseg-0.0.12-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("pkuseg/__init__.py", b"")
    with pytest.raises(RuntimeError, match="model.txt"):
        pkuseg_model._extract_model(wheel, tmp_path / "raw")


def test_setup_is_a_no_op_when_the_cache_is_ready(tmp_path, monkeypatch):
    folder = pkuseg_model.model_dir(tmp_path)
    folder.mkdir(parents=True)
    for name in (*pkuseg_model.MODEL_FILES, pkuseg_model.CARD):
        (folder / name).write_bytes(b"x")
    monkeypatch.setattr(pkuseg_model, "_download", lambda dest: pytest.fail("downloaded although ready"))
    assert pkuseg_model.setup(tmp_path) == folder
    assert pkuseg_model.require_model_dir(tmp_path) == folder
