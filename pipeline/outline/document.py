"""The outline of one document: candidates and features, then decisions and the section tree."""
from typing import NamedTuple

import numpy as np

from .candidates import Candidate, Lines, links, scan
from .features import batch_matrix, paragraph_lists
from .markers import STYLES
from .tree import nest


class Prepared(NamedTuple):
    """A document's lines, heading candidates and their sibling links (before classifying)."""

    text: str  # documents.text: titles are cut from it
    view: str  # the text analysed: a same-length simplified copy of a traditional document
    lines: Lines
    cands: list[Candidate]
    prev: list[int]  # candidates.Links, one value per candidate
    nxt: list[int]
    rank: list[int]
    run: list[int]
    plan: bool  # documents.kind == "plan"


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


def prepare(text: str, title: str | None = None, kind: str | None = None,
            view: str | None = None) -> Prepared:
    """Candidates and sibling links of one document; `view` is a same-length simplified copy."""
    # a traditional document is analysed through its simplified view (問題 → 问题); offsets
    # and titles still come from `text`
    view = text if view is None or len(view) != len(text) else view
    lines, cands = scan(view, title)
    return Prepared(text, view, lines, cands, *links(cands), kind == "plan")


def feature_matrices(docs: list[Prepared]) -> list[np.ndarray]:
    """Each document's feature matrix, computed for the whole batch at once."""
    x, _ = batch_matrix(docs)
    return np.split(x, np.cumsum([len(d.cands) for d in docs])[:-1])


def batch_scores(model, docs: list[Prepared]) -> list[np.ndarray]:
    """Heading scores of each document's candidates, from one matrix product for the batch."""
    # each score is blended with its sibling run's mean (SPEC §3: a list item is a heading when
    # its siblings are); runs of numbered paragraphs are vetoed (features.paragraph_lists)
    x, run = batch_matrix(docs)
    p = model.proba(x)
    if len(p) and model.run_blend != 1.0:
        mean = np.bincount(run, weights=p) / np.maximum(np.bincount(run), 1)
        p = model.run_blend * p + (1.0 - model.run_blend) * mean[run]
    p = np.where(paragraph_lists(x, run), 0.0, p)
    return np.split(p, np.cumsum([len(d.cands) for d in docs])[:-1])


def sections(doc: Prepared, proba: np.ndarray, threshold: float) -> list[Section]:
    """The document's sections from the heading score of each candidate (batch_scores)."""
    keep = np.flatnonzero(proba >= threshold).tolist()
    if not keep:
        return []
    heads = [doc.cands[i] for i in keep]
    text = doc.text
    levels, parents, ends = nest(heads, doc.lines.starts, doc.view)
    return [Section(levels[k], parents[k], h.marker or None, STYLES[h.style],
                    text[h.title_start:h.title_end], h.start, h.title_end, ends[k],
                    h.body_start < h.line_end, float(proba[i]))
            for k, (i, h) in enumerate(zip(keep, heads))]


def outline(text: str, title: str | None, model, threshold: float = 0.5) -> list[Section]:
    """Sections of one document with a loaded LinearModel (for tests and notebooks)."""
    doc = prepare(text, title)
    return sections(doc, batch_scores(model, [doc])[0], threshold)
