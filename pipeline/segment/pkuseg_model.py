"""Set-up: fetch pkuseg 0.0.12's CTB8 model once and convert it into the local cache spacy-pkuseg reads.

Run `python -m pipeline.segment.pkuseg_model`; it is idempotent and returns at once when
the cache is ready. Nothing is downloaded at run time: `require_model_dir()` raises when
the cache is missing.
"""
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from ..config import ROOT
from ..errors import UsageError

PACKAGE = "pkuseg==0.0.12"
MODEL = "ctb8"
CACHE = ROOT / ".cache" / "pkuseg"
MODEL_FILES = ("features.msgpack", "weights.npz")  # what spacy-pkuseg writes from the old format
CARD = "model.json"


def model_dir(cache: Path = CACHE) -> Path:
    """Folder of the converted CTB8 model inside the cache."""
    return Path(cache) / MODEL


def is_ready(cache: Path = CACHE) -> bool:
    """True when the converted model and its card are in the cache."""
    folder = model_dir(cache)
    return all((folder / name).is_file() for name in (*MODEL_FILES, CARD))


def require_model_dir(cache: Path = CACHE) -> Path:
    """The converted model folder, or a UsageError saying how to make it."""
    if not is_ready(cache):
        raise UsageError(
            f"pkuseg model not found in {model_dir(cache)}: run `python -m pipeline.segment.pkuseg_model` "
            "once to download pkuseg==0.0.12 and convert its CTB8 model (nothing is downloaded at run time)")
    return model_dir(cache)


def _download(dest: Path) -> Path:
    """pip-download the pkuseg 0.0.12 distribution (wheel, else sdist) into dest."""
    cmd = [sys.executable, "-m", "pip", "download", PACKAGE, "--no-deps", "--disable-pip-version-check",
           "-d", str(dest)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    found = sorted(dest.glob("pkuseg-0.0.12*"))
    if not found:
        raise RuntimeError(f"pip download {PACKAGE} left no distribution in {dest}")
    return min(found, key=lambda p: not p.name.endswith(".whl"))  # prefer the wheel


def _extract_model(archive: Path, dest: Path) -> None:
    """Copy the pkuseg/models/ctb8/ files out of a wheel or an sdist into dest."""
    marker = f"pkuseg/models/{MODEL}/"
    dest.mkdir(parents=True)
    if archive.name.endswith(".whl"):
        with zipfile.ZipFile(archive) as z:
            members = [(m, z.open(m)) for m in z.namelist() if marker in m and not m.endswith("/")]
            _copy_members(members, dest)
    else:
        with tarfile.open(archive) as t:
            members = [(m.name, t.extractfile(m)) for m in t.getmembers() if marker in m.name and m.isfile()]
            _copy_members(members, dest)
    if not (dest / "model.txt").is_file():
        raise RuntimeError(f"{archive.name} holds no {marker}model.txt")


def _copy_members(members, dest: Path) -> None:
    """Write archive members flat into dest (names only: no path from the archive is trusted)."""
    for name, src in members:
        with src, open(dest / Path(name).name, "wb") as out:
            shutil.copyfileobj(src, out)


def _convert(raw: Path) -> None:
    """Let spacy-pkuseg read the old text format once; it writes features.msgpack and weights.npz."""
    from spacy_pkuseg.feature_extractor import FeatureExtractor
    from spacy_pkuseg.model import Model

    FeatureExtractor.load(str(raw))
    Model.load(str(raw))


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _card(archive: Path, folder: Path) -> dict:
    """Provenance of the cached model: source distribution, digests, library versions."""
    from importlib.metadata import version

    return {
        "model": MODEL, "source": f"{PACKAGE} from PyPI ({archive.name})",
        "source_sha256": _sha256(archive),
        "files": {name: _sha256(folder / name) for name in MODEL_FILES},
        "spacy_pkuseg": version("spacy-pkuseg"), "spacy": version("spacy"),
    }


def setup(cache: Path = CACHE) -> Path:
    """Make the converted model cache if it is missing; return its folder."""
    if is_ready(cache):
        return model_dir(cache)
    cache = Path(cache)
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".setup-") as tmp:
        tmp = Path(tmp)
        archive = _download(tmp / "dist")
        raw = tmp / "raw"
        _extract_model(archive, raw)
        _convert(raw)
        staged = tmp / MODEL
        staged.mkdir()
        for name in (*MODEL_FILES, "tagIndex.txt"):
            shutil.move(str(raw / name), staged / name)
        (staged / CARD).write_text(json.dumps(_card(archive, staged), indent=1), encoding="utf-8")
        shutil.rmtree(model_dir(cache), ignore_errors=True)  # a half-made folder from a killed run
        staged.rename(model_dir(cache))  # atomic: the cache is either whole or absent
    return model_dir(cache)


def main() -> None:
    """Command-line entry: set up the cache and say where it is."""
    ready = is_ready()
    folder = setup()
    print(f"pkuseg {MODEL} model {'already ' if ready else ''}ready in {folder}")


if __name__ == "__main__":
    main()
