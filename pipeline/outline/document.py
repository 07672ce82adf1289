"""The outlines of a batch of documents: candidates and features, then decisions and section trees."""
from typing import NamedTuple

import numpy as np

from ..segment.words import codepoints
from .candidates import MONTH, Candidates, Lines, Links, lines_of, links, scan
from .codes import Symbols, isin
from .features import batch_matrix, paragraph_lists
from .markers import MONTH_STRIP, STYLES
from .tree import nest


class Prepared(NamedTuple):
    """A batch of documents joined into one text by "\\n", with its lines, candidates and their links."""

    text: str  # the documents' texts joined: titles are cut from it
    view: str  # the texts analysed, joined the same way (same length as `text`)
    cp: np.ndarray  # code points of `view`
    symbols: Symbols  # its characters other than ideographs
    doc_start: np.ndarray  # offset of each document, then len(text) + 1
    lines: Lines
    cands: Candidates
    links: Links
    plan: np.ndarray  # per document: documents.kind == "plan"


class Section(NamedTuple):
    """One heading and its section; offsets index the document text."""

    level: int
    parent: int  # index of the parent section in the document, -1 at the top
    marker: str | None  # None for label headings
    style: str
    title: str
    start: int
    end: int  # end of the title
    body_end: int
    run_in: bool
    score: float


class Sections(NamedTuple):
    """The sections of a batch as columns, in document and text order; then as Section's fields."""

    doc: np.ndarray  # index of the document in the batch
    index: np.ndarray  # index of the section in its document
    level: np.ndarray
    parent: np.ndarray  # index of the parent section in the document, -1 at the top
    marker: list[str | None]
    style: np.ndarray  # index into STYLES
    title: list[str]
    start: np.ndarray
    end: np.ndarray
    body_end: np.ndarray
    run_in: np.ndarray
    score: np.ndarray


def prepare(texts: list[str], titles: list[str | None] | None = None, kinds: list[str | None] | None = None,
            views: list[str | None] | None = None) -> Prepared:
    """Candidates and sibling links of a batch of documents; `views` are same-length simplified copies."""
    # a traditional document is analysed through its simplified view (問題 → 问题); offsets
    # and titles still come from its text
    n = len(texts)
    views = [t if v is None or len(v) != len(t) else v for t, v in zip(texts, views or [None] * n)]
    view = "\n".join(views)
    cp = codepoints(view)
    symbols = Symbols.of(cp)
    doc_start = np.cumsum([0] + [len(t) + 1 for t in texts])
    lines, cands = scan(view, cp, symbols, lines_of(len(cp), symbols, doc_start[:-1]), titles or [None] * n)
    return Prepared("\n".join(texts), view, cp, symbols, doc_start, lines, cands, links(cands),
                    np.array([k == "plan" for k in kinds or [None] * n], dtype=bool))


def batch_scores(model, batch: Prepared) -> np.ndarray:
    """Heading score of each candidate of the batch, from one matrix product."""
    # each score is blended with its sibling run's mean (SPEC §3: a list item is a heading when
    # its siblings are); runs of numbered paragraphs are vetoed (features.paragraph_lists)
    x, run = batch_matrix(batch), batch.links.run
    p = model.proba(x)
    if len(p) and model.run_blend != 1.0:
        mean = np.bincount(run, weights=p) / np.maximum(np.bincount(run), 1)
        p = model.run_blend * p + (1.0 - model.run_blend) * mean[run]
    return np.where(paragraph_lists(x, run), 0.0, p)


def section_columns(batch: Prepared, proba: np.ndarray, threshold: float) -> Sections:
    """The sections of the batch from the heading score of each candidate (batch_scores)."""
    keep = np.flatnonzero(proba >= threshold)
    h = Candidates(*(col[keep] for col in batch.cands))  # the headings
    # a heading alone on its line can hold the heading right below it (`三、行事历` then `九月份`),
    # unless it ends like a sentence (`6、…课程建设。` then `1、…`)
    whole_line = (h.body_start == h.line_end) & ~isin(batch.cp[np.maximum(h.line_end - 1, 0)], "。；，;,")
    levels, parents, closer = nest(h.doc, h.line, h.style, h.ordinal, whole_line)
    # a section's body ends where the line before the heading that closes it ends (its line
    # break, or the heading itself when the break was lost), or at the end of its document
    lines = batch.lines
    cut = np.where(h.line > lines.doc_first[h.doc], lines.end[np.maximum(h.line - 1, 0)], batch.doc_start[h.doc])
    body_end = np.where(closer >= 0, cut[np.maximum(closer, 0)], batch.doc_start[h.doc + 1] - 1)
    first = np.searchsorted(h.doc, h.doc)  # the first section of each one's document
    offset = batch.doc_start[h.doc]
    view, text = batch.view, batch.text
    markers = [(view[s:e].rstrip(MONTH_STRIP) if k == MONTH else view[s:e].rstrip()) or None
               for s, e, k in zip(h.start.tolist(), h.marker_end.tolist(), h.style.tolist())]
    titles = [text[s:e] for s, e in zip(h.title_start.tolist(), h.title_end.tolist())]
    return Sections(h.doc, np.arange(len(keep)) - first, levels, np.where(parents >= 0, parents - first, -1),
                    markers, h.style, titles, h.start - offset, h.title_end - offset, body_end - offset,
                    h.body_start < h.line_end, proba[keep])


def sections(batch: Prepared, proba: np.ndarray, threshold: float) -> list[list[Section]]:
    """Each document's sections, as Section tuples (for tests, training and notebooks)."""
    cols = section_columns(batch, proba, threshold)
    cols = cols._replace(style=[STYLES[k] for k in cols.style.tolist()])
    rows = zip(*(v.tolist() if isinstance(v, np.ndarray) else v for v in cols[2:]))  # Section's fields
    out: list[list[Section]] = [[] for _ in range(len(batch.doc_start) - 1)]
    for d, row in zip(cols.doc.tolist(), rows):
        out[d].append(Section(*row))
    return out


def outline(text: str, title: str | None, model, threshold: float = 0.5) -> list[Section]:
    """Sections of one document with a loaded LinearModel (for tests and notebooks)."""
    batch = prepare([text], [title])
    return sections(batch, batch_scores(model, batch), threshold)[0]
