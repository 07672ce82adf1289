"""Encodings decode to the same documents; every kind of bad input gets a named error."""
import io
import zipfile
from pathlib import Path

import pytest

from pipeline.config import IngestConfig
from pipeline.errors import DocError
from pipeline.ingest import ingest_file
from pipeline.ingest.decode import decode_bytes

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "sample" / "003_8c6cd234ada55600.txt"
TEXT = SAMPLE.read_text(encoding="utf-8")


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def ingest_bytes(tmp_path, data: bytes, name="f.txt", cfg=IngestConfig()):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest_file(path, name, cfg)


@pytest.mark.parametrize("encoding, expected", [
    ("gb18030", "gb18030"), ("gbk", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8"),
    ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16")])
def test_encodings_decode_to_the_utf8_twin(tmp_path, encoding, expected):
    twin, _ = ingest_bytes(tmp_path, TEXT.encode("utf-8"), "twin.txt")
    docs, errors = ingest_bytes(tmp_path, TEXT.encode(encoding), "other.txt")
    assert errors == []
    assert [d["text"] for d in docs] == [d["text"] for d in twin]
    assert {d["encoding"] for d in docs} == {expected}


def test_docx_under_a_txt_name_decodes_to_its_twin(tmp_path):
    twin, _ = ingest_bytes(tmp_path, TEXT.encode("utf-8"), "twin.txt")
    docs, errors = ingest_bytes(tmp_path, docx_bytes(TEXT.split("\n")), "saved_as.txt")
    assert errors == []
    assert [d["text"] for d in docs] == [d["text"] for d in twin]
    assert docs[0]["encoding"] == "docx"


def test_docx_paragraphs_read_as_python_docx_reads_them_and_tables_in_place():
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    p = d.add_paragraph("一、")
    p.add_run("甲\t乙").add_break()
    p.add_run("丙").add_break(WD_BREAK.PAGE)
    table = d.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("姓名", "作品", "奖项")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("王丽", "《春》", "一等奖")):
        cell.text = text
    table.rows[1].cells[2].add_table(rows=1, cols=1).cell(0, 0).text = "市级"
    d.add_paragraph("")
    d.add_paragraph("  两端空格  ")
    buf = io.BytesIO()
    d.save(buf)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(buf.getvalue())).paragraphs]
    assert paragraphs == ["一、甲\t乙\n丙", "", "  两端空格  "]
    text, encoding = decode_bytes(buf.getvalue())
    assert encoding == "docx"
    assert text.split("\n") == ["一、甲\t乙", "丙", "姓名\t作品\t奖项", "王丽\t《春》\t一等奖 市级", "", "  两端空格  "]


def test_docx_content_controls_keep_their_paragraphs():
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("正文第一段")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    d.element.body.insert(1, parse_xml(
        f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    buf = io.BytesIO()
    d.save(buf)
    assert decode_bytes(buf.getvalue())[0].split("\n") == ["正文第一段", "控件里的段落"]


def test_a_zip_that_is_not_a_word_document_is_broken():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("_rels/.rels", "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'/>")
    with pytest.raises(DocError, match="no main document part"):
        decode_bytes(buf.getvalue())


def test_mixed_utf8_and_gb18030_lines():
    data = "第一行是UTF-8编码的文字。\n".encode() + "第二行是国标编码的文字。".encode("gb18030")
    text, encoding = decode_bytes(data)
    assert text == "第一行是UTF-8编码的文字。\n第二行是国标编码的文字。"
    assert encoding == "gb18030+utf-8"


def test_utf8_cut_in_the_middle_of_a_character():
    data = "本学期教研工作总结".encode()[:-1]
    assert decode_bytes(data) == ("本学期教研工作总", "utf-8")


@pytest.mark.parametrize("data, error", [
    (b"", "empty:file"),
    (b" \n\t\r\n\xe3\x80\x80 ", "empty:whitespace"),
    (bytes(range(256)) * 40, "decode:binary"),
    (b"\x00\x01\x02\x03" * 1000, "decode:binary"),
    (b"PK\x03\x04 this is not a zip", "docx:broken"),
])
def test_bad_input_gives_a_named_error(tmp_path, data, error):
    docs, errors = ingest_bytes(tmp_path, data)
    assert docs == []
    assert [e["error"] for e in errors] == [error]
    assert errors[0]["detail"] and errors[0]["stage"] == "ingest" and errors[0]["source"] == "f.txt"


def test_nul_bytes_inside_text_are_removed(tmp_path):
    docs, errors = ingest_bytes(tmp_path, TEXT.replace("，", "，\x00", 5).encode())
    assert errors == [] and "\x00" not in docs[0]["text"]


def test_file_over_the_size_limit(tmp_path):
    docs, errors = ingest_bytes(tmp_path, TEXT.encode(), cfg=IngestConfig(max_bytes=1000))
    assert docs == [] and errors[0]["error"] == "size:too_large"


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a>" + b" " * (80 * 2**20) + b"</a>")
    docs, errors = ingest_bytes(tmp_path, buf.getvalue(), "bomb.docx")
    assert errors[0]["error"] == "docx:too_large"


def test_docx_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    good = docx_bytes(["本学期教研工作总结。"])
    src, buf = zipfile.ZipFile(io.BytesIO(good)), io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", f'?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'.encode(), 1)
                data = data.replace("本学期".encode(), b"&x;")
            zf.writestr(info, data)
    docs, errors = ingest_bytes(tmp_path, buf.getvalue(), "xxe.docx")
    assert all("TOP-SECRET" not in d["text"] for d in docs)


def test_a_200000_character_line(tmp_path):
    line = "本学期我校开展了丰富多彩的教研活动，教师积极参与，" * 8000
    docs, errors = ingest_bytes(tmp_path, line.encode())
    assert errors == [] and sum(d["n_chars"] for d in docs) >= len(line) * 0.99
