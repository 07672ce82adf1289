"""Shared fixtures: the sample corpus and one pipeline run over it per test session."""
from pathlib import Path

import pytest

import pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
GOLD = ROOT / "corpus" / "gold"


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory) -> Path:
    """OUT of a full run over the sample corpus (default settings)."""
    out = tmp_path_factory.mktemp("sample_out")
    pipeline.run([SAMPLE], out)
    return out
