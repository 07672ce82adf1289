"""The heading classifier: a standardised linear model stored as JSON, applied with numpy."""
import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    """P(heading | line features) = sigmoid(((x - mean) / scale) · coef + intercept)."""

    # run_blend: weight of a line's own probability against its sibling run's mean
    # (document.batch_scores). The decision threshold chosen by leave-one-file-out is folded
    # into `intercept`, so a line is a heading when its score is at least 0.5.

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    run_blend: float = 1.0

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Heading probability of each row of `x` (columns in `features` order)."""
        if x.shape[0] == 0:
            return np.zeros(0)
        z = x - self.mean
        z /= self.scale  # in place: one temporary matrix instead of two
        z = z @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def fit(x: np.ndarray, y: np.ndarray, features: tuple[str, ...], c: float,
        threshold: float = 0.5, run_blend: float = 1.0) -> LinearModel:
    """Fit a standardised L2 logistic regression with scikit-learn; fold `threshold` in."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    clf = LogisticRegression(C=c, max_iter=5000).fit((x - scaler.mean_) / scale, y)
    shift = float(np.log(threshold / (1.0 - threshold)))
    return LinearModel(tuple(features), scaler.mean_.copy(), scale, clf.coef_[0].copy(),
                       float(clf.intercept_[0]) - shift, run_blend)


def to_json(model: LinearModel, card: dict) -> dict:
    """The model as a JSON-ready dict: weights by feature name, plus its card."""
    return {
        "model": "standardised logistic regression: p = sigmoid(((x - mean) / scale) . coef + intercept)",
        "features": list(model.features),
        "mean": [round(float(v), 8) for v in model.mean],
        "scale": [round(float(v), 8) for v in model.scale],
        "coef": [round(float(v), 8) for v in model.coef],
        "intercept": round(model.intercept, 8),
        "run_blend": model.run_blend,
        "weights_by_feature": {f: round(float(w), 4) for f, w in zip(model.features, model.coef)},
        **card,
    }


def save(model: LinearModel, path: Path, card: dict) -> None:
    """Write the model and its card as readable JSON (no pickle)."""
    data = json.dumps(to_json(model, card), ensure_ascii=False, indent=1)
    Path(path).write_text(data + "\n", encoding="utf-8")


@functools.cache
def load(path: str, features: tuple[str, ...]) -> LinearModel:
    """Load a model written by `save`; its feature list must be the code's."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != features:
        raise ValueError(f"{path}: features differ from pipeline.outline.features.FEATURES; "
                         "retrain with `python -m pipeline.outline.train`")
    return LinearModel(tuple(data["features"]), np.asarray(data["mean"]), np.asarray(data["scale"]),
                       np.asarray(data["coef"]), float(data["intercept"]), float(data["run_blend"]))
