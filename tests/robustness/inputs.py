"""Hostile input files (encodings, huge and sparse files, malicious .docx, symlinks) and helpers to run them."""
import io
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd

from ..conftest import ROOT

GOOD = ("本学期，我校校本教研工作在郭光恒校长的带领下扎实开展。\n"
        "一、加强队伍建设\n我校现有教师66名，学生1015人。王建民老师荣获市级一等奖。\n"
        "二、课题研究\n课题《村校管理模式的研究》已顺利结题。\n")
SECRET = "XXE-SECRET-7f3a"  # text of the file an external entity points at: must never reach the output
MB = 2**20


def docx_bytes(text: str = GOOD) -> bytes:
    """A real .docx (python-docx) with one paragraph per line of text."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _rebuild(data: bytes, name: str, write_part) -> bytes:
    """The .docx `data` with part `name` replaced by what write_part(stream) writes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != name:
                out.writestr(info, src.read(info))
        with out.open(name, "w") as stream:
            write_part(stream)
    return buf.getvalue()


def zip_bomb(inflated: int = 80 * MB) -> bytes:
    """A .docx whose document.xml inflates to `inflated` bytes (a few hundred kB on disk)."""
    def write(stream):
        block = b" " * MB
        for _ in range(inflated // MB):
            stream.write(block)

    return _rebuild(docx_bytes(), "word/document.xml", write)


def lying_zip_bomb(inflated: int = 80 * MB, declared: int = 1000) -> bytes:
    """A zip bomb whose headers declare a tiny document.xml: the size check alone cannot see it."""
    data = bytearray(zip_bomb(inflated))
    name = b"word/document.xml"
    # central directory entry: uncompressed size at offset 24; local header: at offset 22
    for sig, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            name_at = pos + (46 if sig == b"PK\x01\x02" else 30)
            if data[name_at:name_at + len(name)] == name:
                data[pos + offset:pos + offset + 4] = declared.to_bytes(4, "little")
            pos += 4
    return bytes(data)


def entity_docx(secret_path: Path) -> bytes:
    """A .docx whose document.xml declares an external entity (file://) and uses it in a paragraph."""
    data = docx_bytes("占位文字\n" + GOOD)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    head, sep, rest = xml.partition("?>")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>'
    xml = head + sep + doctype + rest.replace("占位文字", "&xxe;", 1)
    return _rebuild(data, "word/document.xml", lambda s: s.write(xml.encode("utf-8")))


def laughs_docx() -> bytes:
    """A .docx with a billion-laughs internal entity: expanding it would take gigabytes."""
    data = docx_bytes("占位文字\n" + GOOD)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    head, sep, rest = xml.partition("?>")
    ents = ['<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    xml = head + sep + f"<!DOCTYPE w:document [{''.join(ents)}]>" + rest.replace("占位文字", "&l9;", 1)
    return _rebuild(data, "word/document.xml", lambda s: s.write(xml.encode("utf-8")))


def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space (a hole) and no time to write."""
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def make_bad_inputs(root: Path) -> dict[str, str | None]:
    """Write every hostile file under root/in; returns source → expected error code (None: documents)."""
    inp = root / "in"
    (inp / "links").mkdir(parents=True)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    good_gb = GOOD.replace("本学期", "这学期").encode("gb18030")
    files = {
        "good.txt": (GOOD.encode(), None),
        "empty.txt": (b"", "empty:file"),
        "blank.txt": (" \n\t\r\n\u3000\n\n".encode(), "empty:whitespace"),
        "binary.bin": (random.Random(9).randbytes(20_000), "decode:binary"),
        "nul_only.txt": (b"\x00" * 5000, "empty:file"),
        "nul_inside.txt": (GOOD.replace("\n", "\x00\n").encode(), None),
        "truncated_utf8.txt": ((GOOD + "结束语").encode()[:-2], None),
        "mixed_encodings.txt": (GOOD.encode() + good_gb, None),
        "gb18030.txt": (good_gb, None),
        "utf16_bom.txt": (GOOD.encode("utf-16"), None),
        "long_line.txt": (("我校教师王明老师获得市级一等奖，课题《小学语文阅读研究》结题，教师66名。" * 5500)[:200_000].encode(),
                          None),
        "broken.docx": (b"PK\x03\x04" + random.Random(3).randbytes(3000), "docx:broken"),
        "docx_as.txt": (docx_bytes(), None),
        "bomb.docx": (zip_bomb(), "docx:too_large"),
        "lying_bomb.docx": (lying_zip_bomb(), "docx:broken"),
        "entity.docx": (entity_docx(outside / "secret.txt"), None),
        "laughs.docx": (laughs_docx(), "docx:broken"),  # lxml refuses the entity amplification
    }
    for name, (data, _) in files.items():
        (inp / name).write_bytes(data)
    sparse_file(inp / "huge.txt", 100 * MB)
    os.symlink("b", inp / "links" / "a")  # a → b → a: a loop
    os.symlink("a", inp / "links" / "b")
    os.symlink("self", inp / "links" / "self")
    os.symlink(outside / "secret.txt", inp / "links" / "outside.txt")
    expected = {name: code for name, (_, code) in files.items()}
    expected.update({"huge.txt": "size:too_large", "links/a": "input:symlink", "links/b": "input:symlink",
                     "links/self": "input:symlink", "links/outside.txt": "input:symlink"})
    return expected


def cli(*args: str) -> subprocess.CompletedProcess:
    """`cli.py args` in a fresh interpreter, one worker, no progress bar."""
    return subprocess.run([sys.executable, "cli.py", *args, "--workers", "1", "--quiet"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def outcome(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents and errors tables of a run."""
    return pd.read_parquet(out / "documents"), pd.read_parquet(out / "errors")


def folder(tmp_path: Path, *names: str) -> Path:
    """tmp_path/in holding a copy of GOOD under each name."""
    inp = tmp_path / "in"
    inp.mkdir()
    for name in names:
        (inp / name).write_text(GOOD, encoding="utf-8")
    return inp
