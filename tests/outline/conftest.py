"""Shared fixtures for the outline tests: the trained model, loaded once."""
import pytest

from pipeline.config import OutlineConfig
from pipeline.outline import classify, outline
from pipeline.outline.features import FEATURES


@pytest.fixture(scope="session")
def model():
    return classify.load(str(OutlineConfig().model), FEATURES)


@pytest.fixture(scope="session")
def heads(model):
    """The outline of a text as (marker, title, level) triples, checking every span."""

    def run(text: str, title: str | None = None):
        secs = outline(text, title, model)
        for s in secs:
            assert text[s.start:s.end].startswith(s.marker or s.title)
            assert text[s.start:s.end].endswith(s.title)
            assert s.end <= s.body_end <= len(text)
        return [(s.marker, s.title, s.level) for s in secs]

    return run
