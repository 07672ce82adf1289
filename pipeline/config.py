"""Frozen settings per stage, with their defaults; the only place options are validated."""
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
SEGMENTERS = ("jieba", "pkuseg")


@dataclass(frozen=True)
class IngestConfig:
    max_bytes: int = 64 * 2**20  # larger files get an errors row: "size:too_large"
    max_docx_xml_bytes: int = 64 * 2**20  # uncompressed document.xml cap (zip bombs)
    min_doc_chars: int = 300  # shorter space-led chunks stay with the document before
    min_text_ratio: float = 0.85  # share of printable characters below which a file is binary
    dedup_threshold: float = 0.7  # estimated Jaccard above which a document is a near-duplicate
    num_perm: int = 128
    shingle: int = 5  # character n-grams for MinHash

    def __post_init__(self):
        if not 0 < self.dedup_threshold <= 1:
            raise ValueError("dedup_threshold must be in (0, 1]")
        if self.max_bytes <= 0 or self.min_doc_chars < 0:
            raise ValueError("max_bytes must be positive and min_doc_chars non-negative")


@dataclass(frozen=True)
class SegmentConfig:
    segmenter: str = "jieba"
    user_dict: Path = MODELS / "user_dict.txt"

    def __post_init__(self):
        if self.segmenter not in SEGMENTERS:
            raise ValueError(f"segmenter must be one of {SEGMENTERS}, not {self.segmenter!r}")


@dataclass(frozen=True)
class OutlineConfig:
    model: Path = MODELS / "heading_clf.json"
    threshold: float = 0.5


@dataclass(frozen=True)
class ExtractConfig:
    patterns: Path = MODELS / "patterns"


@dataclass(frozen=True)
class RunConfig:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    segment: SegmentConfig = field(default_factory=SegmentConfig)
    outline: OutlineConfig = field(default_factory=OutlineConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    workers: int = 1
    batch_files: int = 32  # average files per batch (content-defined boundaries)
    batch_bytes: int = 8 * 2**20  # a batch closes once it holds this many input bytes
    follow_symlinks: bool = False
    force: bool = False

    def __post_init__(self):
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.batch_files < 1 or self.batch_bytes < 1:
            raise ValueError("batch_files and batch_bytes must be positive")
