"""Precision, recall and F1 from counts, as the benchmark reports write them.

>>> prf(3, predicted=4, gold=6)
{'p': 0.75, 'r': 0.5, 'f': 0.6, 'tp': 3, 'predicted': 4, 'gold': 6}
>>> prf(0, predicted=0, gold=2)["f"]
0.0
"""

from __future__ import annotations

__all__ = ["prf"]


def prf(tp: int, predicted: int, gold: int) -> dict:
    """Precision ``tp/predicted``, recall ``tp/gold`` and their F1, rounded to 4 places."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp,
            "predicted": predicted, "gold": gold}
