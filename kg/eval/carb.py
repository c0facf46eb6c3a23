"""Scoring open information extraction the way the CaRB benchmark does (own implementation).

A tuple is (relation, arg1, arg2, ...). One predicted tuple matches one gold tuple when
the relations share at least one word and so do arg1 and arg2; the match is then scored
by word overlap, slot by slot (words compared lower-cased, each gold word used once):

- its *recall* is the share of the gold tuple's words (relation and every argument) found
  in the corresponding slots of the prediction;
- its *precision* is the share of the prediction's words found in the gold tuple.

Per sentence, a gold tuple's recall is its best recall over all predictions; precision
comes from a greedy one-to-one matching (highest precision first). Sums over the corpus
divided by the number of gold tuples (recall) and of predicted tuples (precision) give one
point; sweeping a confidence threshold over the predictions gives the PR curve, its area
(AUC) and the best-threshold F1.

Examples
--------
>>> gold = {"s": [Tuple("served as", ("He", "the first Prime Minister"))]}
>>> pred = {"s": [Tuple("served", ("He", "as the first Prime Minister"), 0.9)]}
>>> result = score(gold, pred)
>>> round(result.best.precision, 3), round(result.best.recall, 3)
(0.857, 0.857)
>>> score(gold, {"s": [Tuple("visited", ("He", "Paris"), 0.9)]}).best.f1
0.0
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Tuple", "Point", "Result", "match", "score", "read_gold", "auc"]


@dataclass(frozen=True)
class Tuple:
    """An extraction: relation words, arguments (arg1 first), confidence."""

    relation: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class Point:
    threshold: float
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Result:
    curve: list[Point] = field(default_factory=list)

    @property
    def best(self) -> Point:
        return max(self.curve, key=lambda p: (p.f1, p.recall), default=Point(0.0, 0.0, 0.0))

    @property
    def auc(self) -> float:
        return auc(self.curve)


def _words(text: str) -> list[str]:
    return text.lower().split()


def _overlap(gold: str, predicted: str) -> tuple[int, int, int]:
    """(matching words, gold words, predicted words), each gold word used at most once."""
    gold_words, predicted_words = _words(gold), _words(predicted)
    remaining = list(predicted_words)
    matched = 0
    for word in gold_words:
        if word in remaining:
            remaining.remove(word)
            matched += 1
    return matched, len(gold_words), len(predicted_words)


def match(gold: Tuple, predicted: Tuple) -> tuple[float, float]:
    """(precision, recall) of a prediction against one gold tuple; (0, 0) when no match.

    >>> match(Tuple("made offer on", ("Bush", "the wage")), Tuple("made", ("Bush", "an offer on the wage")))
    (0.5714285714285714, 0.6666666666666666)
    """
    matched, gold_total, predicted_total = _overlap(gold.relation, predicted.relation)
    if matched == 0:
        return 0.0, 0.0
    hits_p = hits_r = matched
    for i, gold_arg in enumerate(gold.args):
        if i >= len(predicted.args):
            if i < 2:
                return 0.0, 0.0
            gold_total += len(_words(gold_arg))
            continue
        m, g, p = _overlap(gold_arg, predicted.args[i])
        if m == 0 and i < 2:
            return 0.0, 0.0
        hits_p += m
        hits_r += m
        gold_total += g
        predicted_total += p
    for extra in predicted.args[len(gold.args):]:
        predicted_total += len(_words(extra))
    precision = hits_p / predicted_total if predicted_total else 0.0
    recall = hits_r / gold_total if gold_total else 0.0
    return precision, recall


def _sentence_counts(gold: list[Tuple], predicted: list[Tuple]) -> tuple[float, float]:
    """(precision sum over predictions, recall sum over gold) for one sentence."""
    if not predicted or not gold:
        return 0.0, 0.0
    scores = [[match(g, p) for p in predicted] for g in gold]
    recall_sum = sum(max(s[1] for s in row) for row in scores)
    pairs = sorted(((scores[i][j][0], i, j) for i in range(len(gold)) for j in range(len(predicted))
                    if scores[i][j][0] > 0), reverse=True)
    used_gold, used_pred = set(), set()
    precision_sum = 0.0
    for value, i, j in pairs:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        precision_sum += value
    return precision_sum, recall_sum


def score(gold: dict[str, list[Tuple]], predicted: dict[str, list[Tuple]],
          thresholds: Iterable[float] | None = None) -> Result:
    """Precision and recall at every confidence threshold (default: every distinct confidence)."""
    n_gold = sum(len(v) for v in gold.values())
    confidences = sorted({t.confidence for tuples in predicted.values() for t in tuples})
    levels = sorted(set(thresholds)) if thresholds is not None else confidences
    result = Result()
    for threshold in levels:
        precision_sum = recall_sum = 0.0
        n_predicted = 0
        for sentence, gold_tuples in gold.items():
            kept = [t for t in predicted.get(sentence, []) if t.confidence >= threshold]
            n_predicted += len(kept)
            p, r = _sentence_counts(gold_tuples, kept)
            precision_sum += p
            recall_sum += r
        precision = precision_sum / n_predicted if n_predicted else 0.0
        recall = recall_sum / n_gold if n_gold else 0.0
        result.curve.append(Point(threshold, precision, recall))
    return result


def auc(curve: list[Point]) -> float:
    """Area under the precision-recall curve (trapezoids over recall, from recall 0).

    >>> round(auc([Point(0.9, 1.0, 0.5), Point(0.5, 0.5, 1.0)]), 3)
    0.875
    """
    points = sorted((p.recall, p.precision) for p in curve)
    if not points:
        return 0.0
    area = points[0][0] * points[0][1]
    for (r0, p0), (r1, p1) in zip(points, points[1:], strict=False):
        area += (r1 - r0) * (p0 + p1) / 2
    return area


def read_gold(path) -> dict[str, list[Tuple]]:
    """Read CaRB's gold file: ``sentence<TAB>relation<TAB>arg1<TAB>arg2...`` per line."""
    gold: dict[str, list[Tuple]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                gold.setdefault(parts[0], []).append(Tuple(parts[1], tuple(parts[2:])))
    return gold
