"""The located-in model: a :class:`~kg.learned.LogisticModel` over :mod:`kg.infer.features`.

Its weights live in ``kg/data/located_in_model.json``, written by
``python training/train_located_in.py`` (trained on the even-numbered Re-DocRED dev
documents; the odd ones measure it).

Examples
--------
>>> model = LocatedInModel({"bias": -1.0, "same sentence": 2.0}, threshold=0.5)
>>> round(model.probability({"bias": 1.0, "same sentence": 1.0}), 3)
0.731
"""

from __future__ import annotations

from kg.learned import LogisticModel, bundled_model

__all__ = ["LocatedInModel"]


class LocatedInModel(LogisticModel):
    """The probability that a subject is located in a place, from what its article shows."""

    @classmethod
    def bundled(cls) -> LocatedInModel:
        """The model shipped in ``kg/data/located_in_model.json``."""
        model = bundled_model("located_in_model.json")
        return cls(model.weights, model.threshold, model.about)
