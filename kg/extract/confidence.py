"""How sure kg is of a relation: the measured probability that a reader would state it too.

Every relation the rules read (:mod:`kg.extract.relations`) is described by what tells a
sound reading from a shaky one: which reading found it (a verb and its object, a passive, an
apposition, a demonym ...), how the sentence names each side (a name, a pronoun resolved by
the model, a description), whether it has a relation type and which, the two entity types,
how long the predicate and the sentence are, whether it is hedged, negated or attributed.
The confidence model (``kg/data/confidence_model.json``, a logistic regression fitted by
``training/train_confidence.py`` on the relations kg finds in GUM's train documents,
labelled by people's judgments of each with its sentence) turns that into a probability, so that a relation of
confidence 0.8 is right about 8 times in 10 on text like GUM's (``benchmarks/news.py``
shows it per bin on the dev and test documents). Its threshold is ``kg build``'s default
``--min-confidence``: below it a relation is not stated.

Examples
--------
>>> from kg.extract.relations import LocalRelation
>>> relation = LocalRelation(0, "meet", 1, 0, 20, 0.95, False, False, None, None, 1,
...                          "PERSON", "PERSON", "verb", "name", "pronoun", 0.71)
>>> features = relation_features(relation, sentence_words=12)
>>> features["pattern verb"], features["object pronoun"], features["type contacts"]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import math

from kg.learned import LogisticModel, bundled_model
from kg.schema import relation_type

__all__ = ["relation_features", "confidence_model", "MODEL_FILE"]

MODEL_FILE = "confidence_model.json"
_GROUPS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
           "NORP": "group", "PRODUCT": "product", "EVENT": "event", "WORK_OF_ART": "work"}


def confidence_model() -> LogisticModel:
    """The bundled confidence model."""
    return bundled_model(MODEL_FILE)


def relation_features(relation, sentence_words: int, question: bool = False) -> dict[str, float]:
    """What a reader would weigh in judging one relation (a LocalRelation), from a sentence
    of ``sentence_words`` tokens that is a ``question`` or not (a question states little:
    "How did Elon Musk rely on the Russians ...?")."""
    rtype = relation_type(relation.predicate, relation.subject_type or None, relation.object_type or None)
    subject = _GROUPS.get(relation.subject_type, "other")
    obj = _GROUPS.get(relation.object_type, "other")
    words = relation.predicate.split()
    features = {
        "bias": 1.0,
        f"pattern {relation.pattern}": 1.0,
        f"subject {relation.subject_kind or 'name'}": 1.0,
        f"object {relation.object_kind or 'name'}": 1.0,
        f"type {rtype or 'none'}": 1.0,
        f"{subject} -> {obj}": 1.0,
        f"predicate words={min(len(words), 5)}": 1.0,
        "log sentence words": math.log1p(sentence_words),
        "rule score": relation.rule_score,
    }
    if rtype:
        features[f"type {rtype}, {subject} -> {obj}"] = 1.0
    if words and words[-1] in ("in", "at", "near", "from"):
        features[f"ends in a place preposition, object {obj}"] = 1.0
    for flag in ("negated", "hedged"):
        if getattr(relation, flag):
            features[flag] = 1.0
    if relation.attributed_to is not None:
        features["attributed"] = 1.0
    if question:
        features["in a question"] = 1.0
    return features
