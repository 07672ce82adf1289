"""Ingest stage: raw files to clean documents (decode, normalise, split, boilerplate, dedup)."""
import functools
import hashlib
import re
from collections import Counter
from pathlib import Path

import pyarrow as pa

from ..config import IngestConfig
from ..errors import DocError
from ..schemas import from_columns, from_rows
from ..segment.simplify import to_simplified
from .boilerplate import blurb_topic, mark_boilerplate
from .decode import decode_bytes
from .dedup import signature, text_sha1
from .meta import doc_kind, doc_meta
from .normalise import join_pages, normalise_lines, raw_lines, reflow, unwrap
from .split import clean_title, page_title, split_documents

# Space-led lines mark bundle boundaries (SPEC §1) only while they are rare: the sample's
# bundles have at most 5%; a page that indents every paragraph has half or more.
INDENTED_SHARE = 0.3


@functools.cache
def _traditional_chars() -> re.Pattern:
    """A character class of every CJK character that OpenCC t2s changes (built once)."""
    import opencc

    cjk = "".join(map(chr, range(0x4E00, 0xA000)))
    simple = opencc.OpenCC("t2s").convert(cjk)
    changed = "".join(a for a, b in zip(cjk, simple) if a != b) if len(simple) == len(cjk) else ""
    return re.compile(f"[{changed}]")


def script_of(text: str) -> str:
    """'traditional' when over 4% of a sample's characters are traditional-only, else 'simplified'."""
    sample = text[:4000]
    changed = len(_traditional_chars().findall(sample))
    return "traditional" if changed > 0.04 * max(1, len(sample)) else "simplified"


def normalised_lines(text: str) -> list[tuple[str, bool]]:
    """Decoded text to non-empty normalised (line, led_by_space) pairs."""
    pieces, leds = [], []
    raw = join_pages(raw_lines(text))
    total = sum(len(line) for line, _ in raw)
    for line, led in raw:
        for k, piece in enumerate(reflow(line, alone=2 * len(line) > total)):
            pieces.append(piece)
            leds.append(led and k == 0)
    out = [(line, led) for line, led in zip(normalise_lines(pieces), leds) if line]
    joined = unwrap([t for t, _ in out])
    if len(joined) == len(out) and sum(led for _, led in out) <= INDENTED_SHARE * len(out):
        return out
    # hard-wrapped, or every paragraph indented (`  一学期的工作又进入尾声…`): layout carries no boundary signal
    return [(t, False) for t in joined]


def _restore(docs: list, view: list[str], original: list[str]) -> None:
    """Swap simplified-view lines and titles back to the original characters, in place.

    Splitting only drops whole lines and strips a line's prefix, in order, so each doc
    line is a suffix of the next view line that ends with it, at the same offsets.
    """
    j = 0
    for doc in docs:
        first = None
        for k, line in enumerate(doc.lines):
            while not view[j].endswith(line):
                j += 1
            first = j if first is None else first
            doc.lines[k] = original[j][len(original[j]) - len(line):]
            j += 1
        if doc.title and first is not None:  # the title is in the lines just above, or glued to the first
            lo = max(0, first - 3)
            pos = "".join(view[lo:first + 1]).rfind(doc.title)  # a title may span two lines (a subtitle's)
            if pos >= 0:
                doc.title = "".join(original[lo:first + 1])[pos:pos + len(doc.title)]


def _headline_above_meta(view: list[str], reasons: list, top: int, lines: list[str]) -> bool:
    """The page's first text line is a headline: a short phrase right above the page meta
    (`团结协作 共促教科研工作辉煌—…评选活动` / `作者：… 来源：… 发布时间：…`)."""
    return (len(lines) > 1 and top + 1 < len(reasons) and reasons[top + 1] == "boilerplate:meta"
            and view[top] == lines[0] and page_title(lines[0]))


def documents_of(text: str, source: str, encoding: str, file_sha1: str, cfg: IngestConfig) -> list[dict]:
    """The document rows of one decoded file.

    Boundaries, boilerplate and metadata are read on a simplified view (same length,
    OpenCC t2s), so a traditional-character copy splits like its simplified twin.
    """
    lines = normalised_lines(text)
    original = [t for t, _ in lines]
    traditional = script_of("\n".join(original[:200])) == "traditional"
    view = to_simplified("\n".join(original)).split("\n") if traditional else original
    reasons, cuts, page_name = mark_boilerplate(view)
    # what the page header's blurb says the page holds tells an untitled document's kind (…带来的…工作计划)
    top = next((i for i, r in enumerate(reasons) if r is None), len(reasons))  # the page's first text line
    heads = [i for i in range(min(top + 1, len(view))) if reasons[i] == "boilerplate:blurb" or i in cuts]
    topic = next(filter(None, (blurb_topic(view[i][cuts.get(i, 0):]) for i in heads)), None)
    dropped = Counter(r for r in reasons if r)
    for i, cut in cuts.items():  # same offsets in both scripts: t2s keeps lengths
        view[i], original[i] = view[i][:cut].rstrip(), original[i][:cut].rstrip()
        dropped["boilerplate:blurb"] += 1
    kept = [(v, led) for v, (_, led), r in zip(view, lines, reasons) if r is None]
    raws = split_documents(kept, cfg.min_doc_chars)
    if raws and raws[0].title is None and _headline_above_meta(view, reasons, top, raws[0].lines):
        raws[0].title, raws[0].lines = clean_title(raws[0].lines[0]), raws[0].lines[1:]
    simple = ["\n".join(raw.lines) for raw in raws]  # each document on the simplified view
    meta = [(doc_kind(raw.title, s, topic), doc_meta(raw.title, raw.lines, s)) for raw, s in zip(raws, simple)]
    if traditional:
        _restore(raws, [v for v, _ in kept], [t for t, r in zip(original, reasons) if r is None])
    if raws and raws[0].title is None and page_name:
        line, start, end = page_name  # same offsets in both scripts
        raws[0].title = clean_title(original[line][start:end])
    rows = []
    for part, (raw, view_text, (kind, extra)) in enumerate(zip(raws, simple, meta)):
        body = "\n".join(raw.lines) if traditional else view_text
        if part == 0:
            raw.removed.update(dropped)
        rows.append({
            "doc_id": hashlib.sha1(f"{source}\0{part}\0{body}".encode()).hexdigest()[:16],
            "source": source, "part": part, "title": raw.title, "kind": kind, "text": body,
            "n_chars": len(body), "encoding": encoding, "script": script_of(body), "file_sha1": file_sha1,
            "removed": ";".join(f"{k}={v}" for k, v in sorted(raw.removed.items()) if v) or None,
            "_view": view_text,  # for MinHash: a traditional copy matches its simplified twin
            **extra,
        })
    return rows


def ingest_file(path: Path, source: str, cfg: IngestConfig = IngestConfig()) -> tuple[list[dict], list[dict]]:
    """One input file to (document rows, error rows); never raises for bad content."""
    try:
        size = path.stat().st_size
        if size > cfg.max_bytes:
            raise DocError("size:too_large", f"{size:,} bytes is over the {cfg.max_bytes:,}-byte limit")
        data = path.read_bytes()
        text, encoding = decode_bytes(data, cfg.max_docx_xml_bytes, cfg.min_text_ratio)
        rows = documents_of(text, source, encoding, hashlib.sha1(data).hexdigest(), cfg)
        if not rows:
            raise DocError("empty:no_documents", "nothing but boilerplate or blank lines")
        return rows, []
    except DocError as e:
        return [], [e.row("ingest", source)]
    except OSError as e:
        return [], [DocError("read:os_error", f"{type(e).__name__}: {e.strerror or e}").row("ingest", source)]


class IngestStage:
    """Reads input files; writes documents, errors and the MinHash signatures for dedup."""

    name = "ingest"
    reads: tuple[str, ...] = ()
    writes = ("documents", "errors", "_minhash")

    def __init__(self, cfg: IngestConfig):
        self.cfg = cfg

    def __call__(self, files: list[tuple[Path, str]]) -> dict[str, pa.Table]:
        docs, errors = [], []
        for path, source in files:
            d, e = ingest_file(path, source, self.cfg)
            docs += d
            errors += e
        minhash = {
            "doc_id": [d["doc_id"] for d in docs],
            "text_sha1": [text_sha1(d["text"]) for d in docs],
            "signature": [signature(d["_view"], self.cfg.num_perm, self.cfg.shingle) for d in docs],
        }
        return {
            "documents": from_rows("documents", docs),
            "errors": from_rows("errors", errors),
            "_minhash": from_columns("_minhash", minhash),
        }
