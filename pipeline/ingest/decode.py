"""Bytes to text: encoding detection, .docx reading, and the bad-input reasons."""
import codecs
import io
import re
import zipfile
from collections.abc import Iterator

from charset_normalizer import from_bytes

from ..errors import DocError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names every Chinese legacy code page separately; GB18030 is
# their superset, so decoding with it never loses a character the others know.
GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "big5", "cp936", "euc_cn"}
DOCX_MAGIC = b"PK\x03\x04"
_RE_TEXTLIKE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2010-\u2027\x20-\x7e\n\r\t]")
_RE_NONTEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")
CONTROL = [b for b in range(32) if b not in (9, 10, 12, 13, 27)]


def decode_bytes(data: bytes, max_docx_xml_bytes: int = 64 * 2**20, min_text_ratio: float = 0.85) -> tuple[str, str]:
    """Decode a file's bytes; return (text, encoding name) or raise DocError."""
    if not data:
        raise DocError("empty:file", "the file has no bytes")
    if data.startswith(DOCX_MAGIC):
        return read_docx(data, max_docx_xml_bytes), "docx"
    padding = len(data) - len(data.rstrip(b"\x00"))
    if padding >= 2:  # a cut-off download or preallocated file: even steps keep UTF-16 whole
        data = data[: len(data) - padding + padding % 2]
        if not data.strip(b"\x00"):
            raise DocError("empty:file", "the file holds only NUL bytes")
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name.replace("-sig", "")
    text, encoding = _decode_plain(data)
    check_text(text, min_text_ratio)
    return text, encoding


def _decode_plain(data: bytes) -> tuple[str, str]:
    """Strict UTF-8 first (most files), then GB18030, a detector, then line by line."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        # cut in the middle of a character: only the last 1-3 bytes are broken
        if e.start >= len(data) - 3 and _is_tail_cut(data, e.start):
            return data[: e.start].decode("utf-8"), "utf-8"
    guess = _utf16_without_bom(data) if len(data) % 2 == 0 else None
    if guess:
        return guess
    if data.count(0) > len(data) // 8:
        raise DocError("decode:binary", "NUL bytes throughout and not UTF-16: a binary file")
    if _control_bytes(data) > 0.02:
        raise DocError("decode:binary", "too many control bytes for text: a binary file")
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in GB_FAMILY and best.encoding != "utf_8":
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return _decode_mixed(data)


def _control_bytes(data: bytes) -> float:
    sample = data[:200_000]
    return sum(sample.count(b) for b in CONTROL) / max(1, len(sample))


def _is_tail_cut(data: bytes, start: int) -> bool:
    lead = data[start]
    return lead >= 0xC0 and len(data) - start < (2 if lead < 0xE0 else 3 if lead < 0xF0 else 4)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # Chinese UTF-16 has control bytes in a tenth of its code units, so try both byte
    # orders first; random bytes read as UTF-16 are far from 90% CJK, ASCII and punctuation.
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:200_000].decode(name)
        except UnicodeDecodeError:
            continue
        if text and len(_RE_TEXTLIKE.findall(text)) > 0.9 * len(text):
            return data.decode(name, errors="replace"), "utf-16"
    return None


def _decode_mixed(data: bytes) -> tuple[str, str]:
    """Files that mix UTF-8 and GB18030: decode each line with whichever fits."""
    lines, used, bad = [], set(), 0
    for raw in data.split(b"\n"):
        for name in ("utf-8", "gb18030"):
            try:
                lines.append(raw.decode(name))
                used.add(name)
                break
            except UnicodeDecodeError:
                continue
        else:
            lines.append(raw.decode("utf-8", errors="replace"))
            bad += 1
    if bad > max(3, len(lines) // 4):
        raise DocError("decode:undecodable", f"{bad} of {len(lines)} lines fit no known encoding")
    return "\n".join(lines), "+".join(sorted(used)) or "utf-8"


def _printable_ratio(text: str) -> float:
    """Share of characters that are not control, surrogate, private-use or replacement."""
    if not text:
        return 0.0
    sample = text[:100_000]
    return 1 - len(_RE_NONTEXT.findall(sample)) / len(sample)


def check_text(text: str, min_ratio: float = 0.85) -> None:
    """Refuse binary content that happened to decode."""
    if not text.strip():
        raise DocError("empty:whitespace", "the file holds only whitespace")
    if _printable_ratio(text) < min_ratio:
        raise DocError("decode:binary", "mostly control or unassigned characters: a binary file")


def _inflated_size(data: bytes, limit: int) -> int:
    """Bytes the zip's members really inflate to, counted in 1 MB chunks, stopping past `limit`.

    Declared sizes can lie (a bomb that says 1,000 bytes), so nothing is trusted or
    held whole: memory stays at one chunk however large the member.
    """
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if info.file_size > limit:
                return info.file_size
            with zf.open(info) as member:
                while chunk := member.read(1 << 20):
                    total += len(chunk)
                    if total > limit:
                        return total
    return total


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
# What python-docx's Run.text makes of each run child; w:br is a newline only as a line break.
_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}


def _xml(data: bytes):
    """Parse one package part as python-docx does: entities never resolved, nothing fetched."""
    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser)


def _run_text(run) -> str:
    out = []
    for e in run:
        if e.tag == W + "t":
            out.append(e.text or "")
        elif e.tag == W + "br":
            out.append("\n" if e.get(W + "type", "textWrapping") == "textWrapping" else "")
        else:
            out.append(_RUN_TEXT.get(e.tag, ""))
    return "".join(out)


def _paragraph_text(p) -> str:
    """python-docx's Paragraph.text: the runs, and the runs of hyperlinks, that are children of w:p."""
    out = []
    for child in p:
        if child.tag == W + "r":
            out.append(_run_text(child))
        elif child.tag == W + "hyperlink":
            out.extend(_run_text(r) for r in child if r.tag == W + "r")
    return "".join(out)


def _block_lines(container) -> Iterator[str]:
    """Lines of a body, table cell or content control in document order.

    A paragraph is a line (its text as python-docx's Paragraph.text gives it); a table row
    is a line of its non-empty cells joined by tabs, so award and staff tables, which
    python-docx's document.paragraphs leaves out, reach the text. Nested tables flatten
    into their cell.
    """
    for child in container:
        if child.tag == W + "p":
            yield _paragraph_text(child)
        elif child.tag == W + "tbl":
            for row in child:
                if row.tag == W + "tr":
                    cells = (" ".join(_block_lines(cell)).strip() for cell in row if cell.tag == W + "tc")
                    yield "\t".join(c for c in cells if c)
        elif child.tag == W + "sdt":  # a content control wrapping paragraphs or tables
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _block_lines(content)


def _docx_lines(data: bytes) -> list[str]:
    """The lines of the main document part, read straight from its XML with lxml.

    python-docx loads every part and wraps each element in a Python class, which made
    .docx files ten times slower than text, and it skips tables.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = _xml(zf.read("_rels/.rels"))
        target = next((r.get("Target") for r in rels if r.get("Type") == _OFFICE_DOCUMENT), None)
        if target is None:
            raise DocError("docx:broken", "the package names no main document part")
        body = _xml(zf.read(target.lstrip("/"))).find(W + "body")
    if body is None:
        raise DocError("docx:broken", "the main part is not a WordprocessingML document")
    return list(_block_lines(body))


def read_docx(data: bytes, max_xml_bytes: int) -> str:
    """The text of a .docx (paragraphs and table rows), refusing zip bombs before inflating."""
    try:
        total = _inflated_size(data, max_xml_bytes)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as e:  # zlib errors surface as these
        raise DocError("docx:broken", f"not a readable zip/.docx file: {e}") from e
    if total > max_xml_bytes:
        raise DocError("docx:too_large", f"its parts inflate to over {max_xml_bytes:,} bytes (a zip bomb?)")
    try:
        text = "\n".join(_docx_lines(data))
    except DocError:
        raise
    except Exception as e:  # zipfile, lxml and malformed packages raise many types
        raise DocError("docx:broken", f"{type(e).__name__}: {e}") from e
    if not text.strip():
        raise DocError("empty:whitespace", "the .docx holds no text")
    return text
