"""Segment stage: every document's sentences and tokens (jieba by default, or pkuseg).

Public API: SegmentStage, split_sentences, to_simplified, load_segmenter.
"""
import pyarrow as pa

from ..config import SegmentConfig
from .sentences import split_sentences
from .simplify import to_simplified
from .tables import segment_documents
from .words import load_segmenter


class SegmentStage:
    """documents → sentences (section_id left null for outline) and tokens."""

    name = "segment"
    reads = ("documents",)
    writes = ("sentences", "tokens")

    def __init__(self, cfg: SegmentConfig):
        self.cfg = cfg
        self.segmenter = load_segmenter(cfg.segmenter, str(cfg.user_dict) if cfg.user_dict else "")

    def __call__(self, batch: dict[str, pa.Table]) -> dict[str, pa.Table]:
        docs = batch["documents"]
        scripts = docs["script"].to_pylist() if "script" in docs.column_names else ["simplified"] * docs.num_rows
        texts = [t or "" for t in docs["text"].to_pylist()]
        return segment_documents(docs["doc_id"].to_pylist(), texts, scripts, self.segmenter)


__all__ = ["SegmentStage", "load_segmenter", "split_sentences", "to_simplified"]
