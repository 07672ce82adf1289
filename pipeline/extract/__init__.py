"""Extract stage: teachers, counts, awards and projects with offsets, sentence and section.

Public API: ExtractStage, find_teachers, find_counts, parse_number, extract_document, extract_batch.
"""
from pathlib import Path

import numpy as np
import pyarrow as pa

from ..config import ExtractConfig
from ..segment.simplify import simplified_view
from .awards import find_awards
from .counts import count_regex, count_starts, find_counts
from .names import load_lexicon, load_words
from .numbers import parse_number
from .projects import find_projects
from ..outline import section_at
from .tables import column, entity_columns, group_by_doc, order_entities, sentence_ids
from .teachers import find_teachers, find_teachers_batch

def extract_document(view: str, tokens: dict | None = None, patterns: Path | None = None) -> list[dict]:
    """All entities of one document's (simplified) text, ordered by start, without ids."""
    return extract_batch([view], [tokens], patterns)[0]


def extract_batch(views: list[str], tokens: list[dict | None], patterns: Path | None = None) -> list[list[dict]]:
    """extract_document for each view, running one finder over the whole batch at a time.

    Finder by finder keeps one finder's code and lexicons hot in the CPU caches: about
    10% faster than all finders document by document, with the same entities.
    """
    kwargs = {"patterns": str(patterns)} if patterns else {}
    found = find_teachers_batch(views, **kwargs)
    for k, ents in enumerate(find_counts(v, t, **kwargs) for v, t in zip(views, tokens)):
        found[k] += ents
    for finder in (find_awards, find_projects):
        for k, view in enumerate(views):
            found[k] += finder(view, **kwargs)
    return [order_entities(f) for f in found]


class ExtractStage:
    """documents (+ sentences, tokens, sections) → entities."""

    name = "extract"
    reads = ("documents", "sentences", "tokens", "sections")
    writes = ("entities",)

    def __init__(self, cfg: ExtractConfig):
        """Store settings and load the lexicons and dictionary once per worker."""
        self.cfg = cfg
        folder = str(cfg.patterns)
        load_lexicon(folder), count_regex(folder), count_starts(folder), load_words()  # load once per worker

    def __call__(self, batch: dict[str, pa.Table]) -> dict[str, pa.Table]:
        """The entities table of a batch; sentences, sections and tokens are optional."""
        docs = batch["documents"]
        sentences = group_by_doc(batch.get("sentences"), ("start", "sent_id"))
        tokens = group_by_doc(batch.get("tokens"), ("start", "end", "pos"))
        ids, texts = column(docs, "doc_id"), column(docs, "text", "")
        views = [simplified_view(text, script) for text, script in zip(texts, column(docs, "script", "simplified"))]
        found = extract_batch(views, [tokens.get(i) for i in ids], self.cfg.patterns)
        rows = []
        for doc_id, text, ents in zip(ids, texts, found):
            starts = np.array([e["start"] for e in ents], dtype=np.int64)
            rows.append((doc_id, text, ents, sentence_ids(starts, sentences.get(doc_id))))
        table = entity_columns(rows)
        sections = section_at(table["doc_id"], table["start"].to_numpy(), batch.get("sections"), ids)
        return {"entities": table.set_column(table.schema.get_field_index("section_id"), "section_id", sections)}


__all__ = ["ExtractStage", "extract_batch", "extract_document", "find_awards", "find_counts", "find_projects",
           "find_teachers", "parse_number"]
