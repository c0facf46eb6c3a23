"""kg's learned parts: log-linear models whose weights ship as JSON in ``kg/data/``.

A binary model gives the probability of one example (``probability``); a ranking model the
probability of each of several options (``choice_probabilities``, a softmax).

Each model is fitted by a script under ``training/`` (scikit-learn or scipy, ``pip install
"kg[train]"``) and scored here in plain Python: a weighted sum of named features through
the logistic or softmax function. So kg needs no learning library at run time, the same input gives
the same probability everywhere, and a probability can be explained feature by feature.

Examples
--------
>>> model = LogisticModel({"bias": -1.0, "same sentence": 2.0}, threshold=0.5)
>>> round(model.probability({"bias": 1.0, "same sentence": 1.0}), 3)
0.731
>>> model.explain({"bias": 1.0, "same sentence": 1.0})
[('same sentence', 2.0), ('bias', -1.0)]
>>> LogisticModel.from_json(model.to_json()) == model
True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["LogisticModel", "bundled_model"]


@dataclass(frozen=True)
class LogisticModel:
    """Weights by feature name, the probability from which kg acts, and a model card."""

    weights: dict[str, float]
    threshold: float = 0.5
    about: dict = field(default_factory=dict)  # data, licence, how it was fitted and measured

    def score(self, features: dict[str, float]) -> float:
        """The weighted sum of the features (the log-odds, for a binary model)."""
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        """The probability the example described by ``features`` is positive."""
        score = self.score(features)
        if score < -50:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))

    def choice_probabilities(self, options: list[dict[str, float]]) -> list[float]:
        """For a ranking model: the probability of each option being the one, all summing
        to 1 (the softmax of their scores).

        >>> model = LogisticModel({"near": 2.0})
        >>> [round(p, 3) for p in model.choice_probabilities([{"near": 1.0}, {}])]
        [0.881, 0.119]
        """
        scores = [self.score(option) for option in options]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def best_option(self, options: list[dict[str, float]],
                    none: dict[str, float]) -> tuple[float, int | None]:
        """For a ranking model: the most probable of ``options`` (the first of equals) and its
        probability, with "none of them" (``none``'s features) competing in the same softmax;
        index None when there are no options.

        >>> model = LogisticModel({"near": 2.0, "none": 1.0})
        >>> probability, index = model.best_option([{}, {"near": 1.0}], {"none": 1.0})
        >>> round(probability, 3), index
        (0.665, 1)
        """
        if not options:
            return 0.0, None
        probabilities = self.choice_probabilities([*options, none])
        best = max(range(len(options)), key=lambda i: (probabilities[i], -i))
        return probabilities[best], best

    def explain(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature's contribution to the score, largest first."""
        parts = [(name, self.weights.get(name, 0.0) * value) for name, value in features.items()]
        return sorted((p for p in parts if p[1]), key=lambda p: (-abs(p[1]), p[0]))

    def to_json(self) -> str:
        """The model as its ``kg/data`` file holds it (sorted, stable)."""
        return json.dumps({"threshold": self.threshold, "about": self.about,
                           "weights": dict(sorted(self.weights.items()))},
                          indent=1, ensure_ascii=False, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str):
        data = json.loads(text)
        return cls(dict(data["weights"]), float(data["threshold"]), dict(data.get("about", {})))


@cache
def bundled_model(filename: str) -> LogisticModel:
    """A model shipped in ``kg/data/`` (read once).

    >>> bundled_model("located_in_model.json").threshold
    0.5
    """
    text = resources.files("kg").joinpath(f"data/{filename}").read_text(encoding="utf-8")
    return LogisticModel.from_json(text)
