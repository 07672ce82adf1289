"""Input discovery: the files under INPUT, their content digests, and rows for what cannot be read."""
import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import DocError, UsageError


@dataclass(frozen=True)
class InputFile:
    path: str  # absolute
    source: str  # relative to the input root (or the file name for a file argument)
    sha1: str
    size: int


def _source(rel: Path) -> str:
    """A path as text for the tables: names that are not UTF-8 (GBK archives) decoded as GB18030."""
    raw = os.fsencode(rel)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="backslashreplace")


def _walk(top: Path, follow: bool, skip: set[Path], seen: set[tuple[int, int]]):
    """(path, DocError or None) for every entry under top, in name order.

    Symbolic links are reported unless `follow`; a followed link back into a folder
    already walked is reported as a loop; `skip` (the OUT folder) is never entered.
    """
    st = top.stat()
    seen.add((st.st_dev, st.st_ino))
    for entry in sorted(os.scandir(top), key=lambda e: os.fsencode(e.name)):
        path = Path(entry.path)
        if entry.is_symlink() and not follow:
            yield path, DocError("input:symlink", "symbolic link not followed (use --follow-symlinks)")
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=follow)
            key = (entry.stat().st_dev, entry.stat().st_ino) if is_dir else None
        except OSError as e:  # a link loop (ELOOP) or a vanished entry
            yield path, DocError("input:symlink" if e.errno == errno.ELOOP else "read:os_error",
                                 f"{type(e).__name__}: {e.strerror or e}")
            continue
        if is_dir:
            if path.resolve() in skip:
                continue
            if key in seen:
                yield path, DocError("input:symlink", "symbolic link loops back into a folder already read")
            else:
                yield from _walk(path, follow, skip, seen)
        else:
            yield path, None


def discover(inputs: list[Path], follow_symlinks: bool = False, skip: tuple[Path, ...] = ()) -> tuple[list[InputFile], list[dict]]:
    """Input files with content digests, and error rows for entries that cannot be read.

    `skip` names folders never read as input (the run's own OUT, when it sits inside INPUT).
    """
    files, errors = [], []
    skip_set = {Path(p).resolve() for p in skip}
    for inp in inputs:
        inp = Path(inp)
        if not inp.exists():
            raise UsageError(f"input not found: {inp}")
        root = inp if inp.is_dir() else inp.parent
        entries = _walk(inp, follow_symlinks, skip_set, set()) if inp.is_dir() else [(inp, None)]
        for p, err in entries:
            source = _source(p.relative_to(root))
            try:
                if err is None:
                    st = p.stat()
                    if not stat.S_ISREG(st.st_mode):
                        err = DocError("input:not_regular", "not a regular file (a pipe, socket or device)")
                    else:
                        files.append(InputFile(str(p.resolve()), source, _sha1(p), st.st_size))
            except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop in resolve()
                err = DocError("read:os_error", f"{type(e).__name__}: {getattr(e, 'strerror', None) or e}")
            if err is not None:
                errors.append(err.row("discover", source))
    return sorted(files, key=lambda f: f.source), sorted(errors, key=lambda e: e["source"])


def _sha1(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha1").hexdigest()
