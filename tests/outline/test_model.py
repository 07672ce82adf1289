"""The heading model file: inspectable JSON, loaded with json + numpy, and its card."""
import json

import numpy as np

from pipeline.config import OutlineConfig
from pipeline.outline import classify
from pipeline.outline.features import FEATURES


def test_model_card_is_inspectable():
    data = json.loads(OutlineConfig().model.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert len(data["coef"]) == len(data["mean"]) == len(data["scale"]) == len(FEATURES)
    keys = ("intercept", "run_blend", "versions", "training_data", "command", "leave_one_file_out", "params")
    assert set(keys) <= set(data)
    assert set(data["versions"]) >= {"numpy", "scikit-learn", "python"}
    assert len(data["training_data"]["sha1"]) == 40
    assert set(data["leave_one_file_out"]["micro"]) >= {"P", "R", "F1", "level_acc"}


def test_numpy_model_matches_its_formula():
    m = classify.load(str(OutlineConfig().model), FEATURES)
    x = np.random.default_rng(0).random((5, len(FEATURES)))
    z = ((x - m.mean) / m.scale) @ m.coef + m.intercept
    assert np.allclose(m.proba(x), 1 / (1 + np.exp(-z)))


def test_fit_and_roundtrip(tmp_path):
    rng = np.random.default_rng(1)
    x = rng.random((200, len(FEATURES)))
    y = (x[:, 0] > 0.5).astype(int)
    m = classify.fit(x, y, FEATURES, c=1.0, threshold=0.5, run_blend=0.5)
    path = tmp_path / "m.json"
    classify.save(m, path, {"command": "test"})
    back = classify.load(str(path), FEATURES)
    assert np.allclose(back.proba(x), m.proba(x), atol=1e-6)
    assert ((back.proba(x) >= 0.5) == y).mean() > 0.9
