"""zongjie: Chinese school work summaries and plans to structured Parquet datasets.

Public API: run(), run_stage(), open(OUT), the ordered STAGES and their factory.
"""
__version__ = "0.1.0"

from .config import RunConfig  # noqa: E402
from .datasets import open  # noqa: E402,A004
from .stage import Stage  # noqa: E402
from .runner import STAGES, run, run_stage  # noqa: E402


def stage_factory(name: str, cfg: RunConfig) -> Stage:
    """Build the named stage from its settings (loads its models)."""
    if name == "ingest":
        from .ingest import IngestStage

        return IngestStage(cfg.ingest)
    if name == "segment":
        from .segment import SegmentStage

        return SegmentStage(cfg.segment)
    if name == "outline":
        from .outline import OutlineStage

        return OutlineStage(cfg.outline)
    if name == "extract":
        from .extract import ExtractStage

        return ExtractStage(cfg.extract)
    raise KeyError(f"unknown stage {name!r}; stages are {STAGES}")


__all__ = ["STAGES", "RunConfig", "Stage", "open", "run", "run_stage", "stage_factory", "__version__"]
