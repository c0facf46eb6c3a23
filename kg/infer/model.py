"""The located-in model: a logistic regression over :mod:`kg.infer.features`.

Its weights live in ``kg/data/located_in_model.json``, written by
``python training/train_located_in.py`` (trained on the even-numbered Re-DocRED dev
documents; the odd ones measure it). Scoring is plain Python: a weighted sum of the
pair's features through the logistic function, so the probability can be explained
feature by feature (:meth:`LocatedInModel.explain`).

Examples
--------
>>> model = LocatedInModel({"bias": -1.0, "same sentence": 2.0}, threshold=0.5)
>>> round(model.probability({"bias": 1.0, "same sentence": 1.0}), 3)
0.731
>>> model.explain({"bias": 1.0, "same sentence": 1.0})
[('same sentence', 2.0), ('bias', -1.0)]
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["LocatedInModel"]


@dataclass(frozen=True)
class LocatedInModel:
    """Weights by feature name, and the probability from which kg states an inference."""

    weights: dict[str, float]
    threshold: float = 0.5
    about: dict = field(default_factory=dict)  # how it was trained and measured

    def probability(self, features: dict[str, float]) -> float:
        """The probability that the pair described by ``features`` is "located in"."""
        score = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-score))

    def explain(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature's contribution to the score, largest first."""
        parts = [(name, self.weights.get(name, 0.0) * value) for name, value in features.items()]
        return sorted((p for p in parts if p[1]), key=lambda p: (-abs(p[1]), p[0]))

    def to_json(self) -> str:
        """The model as the JSON ``kg/data/located_in_model.json`` holds (sorted, stable)."""
        return json.dumps({"threshold": self.threshold, "about": self.about,
                           "weights": dict(sorted(self.weights.items()))},
                          indent=1, ensure_ascii=False, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LocatedInModel:
        data = json.loads(text)
        return cls(dict(data["weights"]), float(data["threshold"]), dict(data.get("about", {})))

    @classmethod
    def bundled(cls) -> LocatedInModel:
        """The model shipped in ``kg/data/located_in_model.json``."""
        return _bundled()


@cache
def _bundled() -> LocatedInModel:
    text = resources.files("kg").joinpath("data/located_in_model.json").read_text(encoding="utf-8")
    return LocatedInModel.from_json(text)
