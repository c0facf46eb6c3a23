"""Scoring open information extraction the way the CaRB benchmark does (own implementation).

A tuple is (relation, arg1, arg2, ...). This follows CaRB's published default matcher
(``binary_linient_tuple_match`` in its ``matcher.py``):

- both tuples are made binary: every argument after arg1 is joined into one arg2;
- a prediction matches a gold tuple when their relations share at least one word (a
  predicted "be" matches any form of *be*), and it has an arg1 and an arg2 where the gold
  tuple has them;
- the match is scored by word overlap, slot by slot (words as written, each gold word
  used once): *recall* is the share of the gold tuple's words found in the prediction,
  *precision* the share of the prediction's words found in the gold tuple;
- for a gold relation of saying ("said", "told", "added", "says", "adds"), the
  prediction's arguments are also tried the other way round, and the better score kept.

Per sentence, a gold tuple's recall is its best recall over all predictions; precision
comes from a greedy one-to-one matching (highest precision first; CaRB's own script takes
each prediction's best precision, which is more lenient). Sums over the corpus divided by
the number of gold tuples (recall) and of predicted tuples (precision) give one point;
sweeping a confidence threshold over the predictions gives the PR curve, its area (AUC)
and the best-threshold F1.

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


_FORMS_OF_BE = ("be", "is", "am", "are", "was", "were", "been", "being")
_SAYING = ("said", "told", "added", "adds", "says")


def _overlap(gold: list[str], predicted: list[str]) -> int:
    """Matching words, each predicted word used at most once."""
    remaining = list(predicted)
    matched = 0
    for word in gold:
        if word in remaining:
            remaining.remove(word)
            matched += 1
    return matched


def _binary(args: tuple[str, ...]) -> tuple[str, ...]:
    return (args[0], " ".join(args[1:])) if len(args) >= 2 else args


def _match_binary(relation: tuple[str, str], gold_args, predicted_args) -> tuple[float, float]:
    gold_relation, predicted_relation = relation[0].split(), relation[1].split()
    matched = _overlap(gold_relation, predicted_relation)
    if "be" in predicted_relation and any(form in gold_relation for form in _FORMS_OF_BE):
        matched += 1
    if matched == 0:
        return 0.0, 0.0
    hits, gold_total, predicted_total = matched, len(gold_relation), len(predicted_relation)
    for i, gold_arg in enumerate(gold_args):
        gold_words = gold_arg.split()
        gold_total += len(gold_words)
        if i >= len(predicted_args):
            return 0.0, 0.0
        predicted_words = predicted_args[i].split()
        predicted_total += len(predicted_words)
        hits += _overlap(gold_words, predicted_words)
    precision = hits / predicted_total if predicted_total else 0.0
    recall = hits / gold_total if gold_total else 0.0
    return precision, recall


def _match_strict(gold: Tuple, predicted: Tuple) -> tuple[float, float]:
    """CaRB's ``--strictMatch`` (``tuple_match``): no binarising; arg1 and arg2 must each
    share a word with the gold tuple's."""
    gold_relation, predicted_relation = gold.relation.split(), predicted.relation.split()
    matched = sum(1 for w in predicted_relation if w in gold_relation)
    if matched == 0:
        return 0.0, 0.0
    hits, gold_total, predicted_total = matched, len(gold_relation), len(predicted_relation)
    for i, gold_arg in enumerate(gold.args):
        gold_words = gold_arg.split()
        gold_total += len(gold_words)
        if i >= len(predicted.args):
            if i < 2:
                return 0.0, 0.0
            continue
        predicted_words = predicted.args[i].split()
        matched = sum(1 for w in predicted_words if w in gold_words)
        if matched == 0 and i < 2:
            return 0.0, 0.0
        hits += matched
        predicted_total += len(predicted_words)
    return hits / predicted_total, hits / gold_total


def match(gold: Tuple, predicted: Tuple, strict: bool = False) -> tuple[float, float]:
    """(precision, recall) of a prediction against one gold tuple; (0, 0) when no match.
    ``strict`` uses CaRB's stricter ``--strictMatch`` instead of its default.

    >>> match(Tuple("made offer on", ("Bush", "the wage")), Tuple("made", ("Bush", "an offer on the wage")))
    (0.5714285714285714, 0.6666666666666666)
    >>> match(Tuple("said", ("He", "it rains")), Tuple("said", ("it rains", "He")))
    (1.0, 1.0)
    >>> match(Tuple("visited", ("He", "Paris")), Tuple("visited", ("She", "Paris")))[1]
    0.6666666666666666
    >>> match(Tuple("visited", ("He", "Paris")), Tuple("visited", ("She", "Paris")), strict=True)
    (0.0, 0.0)
    """
    if strict:
        return _match_strict(gold, predicted)
    gold_args, predicted_args = _binary(gold.args), _binary(predicted.args)
    relations = (gold.relation, predicted.relation)
    straight = _match_binary(relations, gold_args, predicted_args)
    if not any(verb in gold.relation for verb in _SAYING) or len(predicted_args) < 2:
        return straight
    reverse = _match_binary(relations, gold_args, (predicted_args[1], predicted_args[0]))
    return max(straight, reverse)


def _sentence_counts(gold: list[Tuple], predicted: list[Tuple], strict: bool) -> tuple[float, float]:
    """(precision sum over predictions, recall sum over gold) for one sentence."""
    if not predicted or not gold:
        return 0.0, 0.0
    scores = [[match(g, p, strict) for p in predicted] for g in gold]
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
          thresholds: Iterable[float] | None = None, strict: bool = False) -> Result:
    """Precision and recall at every confidence threshold (default: every distinct
    confidence); ``strict`` matches with CaRB's ``--strictMatch``."""
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
            p, r = _sentence_counts(gold_tuples, kept, strict)
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
