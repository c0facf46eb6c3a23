"""Scoring a graph against a hand-made table of the relations articles state.

A gold row is ``article, subject, predicate, object, type, flags`` (tab-separated; flags
among ``negated``, ``hedged``, ``according to:<entity id>``). A predicted relation matches
a gold row when it comes from the same article, links the same subject and object (either
way round for symmetric types: contacts, associated_with, opposes, spouse_of; and the other
way round under the inverse type: "X parent_of Y" is "Y child_of X"), and says the same
thing: the same relation type when both have one, else a shared content word in the
predicates. Matching is one to one.

>>> from kg.model import Evidence, Relation
>>> gold = [GoldRelation("a", "x", "meet", "y", "contacts")]
>>> found = [Relation("y", "talk to", "x", "contacts", Evidence("a", "s", 0, 1))]
>>> result = score_relations(found, gold)
>>> (result.precision, result.recall)
(1.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Relation

__all__ = ["GoldRelation", "RelationScore", "read_gold_relations", "score_relations",
           "SYMMETRIC", "INVERSE", "states"]

SYMMETRIC = {"contacts", "associated_with", "opposes", "spouse_of"}
#: Types that say the same thing with subject and object the other way round.
INVERSE = {"parent_of": "child_of", "child_of": "parent_of", "owner_of": "owned_by",
           "owned_by": "owner_of"}
_FUNCTION_WORDS = {"be", "of", "to", "with", "in", "for", "on", "at", "by", "from", "into", "out",
                   "up", "the", "a", "an", "have", "get", "over", "about"}


@dataclass(frozen=True)
class GoldRelation:
    article: str
    subject: str
    predicate: str
    object: str
    type: str | None = None
    negated: bool = False
    hedged: bool = False
    according_to: str | None = None


@dataclass
class RelationScore:
    matched: list[tuple[GoldRelation, Relation]] = field(default_factory=list)
    missed: list[GoldRelation] = field(default_factory=list)
    spurious: list[Relation] = field(default_factory=list)

    @property
    def precision(self) -> float:
        total = len(self.matched) + len(self.spurious)
        return len(self.matched) / total if total else 0.0

    @property
    def recall(self) -> float:
        total = len(self.matched) + len(self.missed)
        return len(self.matched) / total if total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def flag_agreement(self) -> dict[str, float]:
        """Among matched pairs, how often negated, hedged and attribution agree."""
        if not self.matched:
            return {}
        n = len(self.matched)
        return {
            "negated": sum(g.negated == p.evidence.negated for g, p in self.matched) / n,
            "hedged": sum(g.hedged == p.evidence.hedged for g, p in self.matched) / n,
            "according_to": sum(g.according_to == p.evidence.attributed_to for g, p in self.matched) / n,
        }


def read_gold_relations(path: str | Path) -> list[GoldRelation]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + ["", ""])[:6]
        flags = [f.strip() for f in cells[5].split(",") if f.strip()]
        according = next((f.split(":", 1)[1] for f in flags if f.startswith("according to:")), None)
        rows.append(GoldRelation(cells[0], cells[1], cells[2], cells[3], cells[4] or None,
                                 "negated" in flags, "hedged" in flags, according))
    return rows


def _content(predicate: str) -> set[str]:
    """A predicate's content words, each cut to its stem ("quoted" and "quote" are one): a
    person writes a table's predicates in any form, kg its own as lemmas."""
    return {_stem(w) for w in predicate.lower().split() if w not in _FUNCTION_WORDS}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _passive(predicate: str) -> bool:
    """"be quoted by": a row in the passive, which an active relation states the other way."""
    words = predicate.lower().split()
    return len(words) >= 3 and words[0] == "be" and words[-1] == "by"


def states(gold_type: str | None, gold_predicate: str, relation: Relation, same: bool,
           swapped: bool) -> bool:
    """Whether ``relation`` says what a gold row says, given whether it links the row's
    subject and object the same way round (``same``) or the other way (``swapped``).

    >>> from kg.model import Evidence
    >>> child = Relation("y", "son of", "x", "child_of", Evidence("a", "s", 0, 1))
    >>> states("parent_of", "father of", child, same=False, swapped=True)
    True
    >>> states("parent_of", "father of", child, same=True, swapped=False)
    False
    >>> came = Relation("x", "come from", "y", None, Evidence("a", "s", 0, 1))
    >>> states(None, "be from", came, same=True, swapped=False), states(None, "be in", came, True, False)
    (True, False)
    >>> quote = Relation("press", "quote", "santorum", None, Evidence("a", "s", 0, 1))
    >>> states(None, "be quoted by", quote, same=False, swapped=True)
    True
    """
    if gold_type and relation.type:
        if same and gold_type == relation.type:
            return True
        return swapped and (INVERSE.get(gold_type) == relation.type or
                            (gold_type == relation.type and gold_type in SYMMETRIC))
    if not same and not (swapped and (gold_type in SYMMETRIC or relation.type in SYMMETRIC or
                                      _passive(gold_predicate))):
        return False
    wanted = _content(gold_predicate)
    if not wanted:  # "be from", "be in": only its preposition says what it says
        return set(gold_predicate.lower().split()) - {"be"} <= set(relation.predicate.lower().split())
    return bool(wanted & _content(relation.predicate))


def _compatible(gold: GoldRelation, relation: Relation) -> bool:
    if relation.evidence.article != gold.article:
        return False
    same = (relation.subject, relation.object) == (gold.subject, gold.object)
    swapped = (relation.object, relation.subject) == (gold.subject, gold.object)
    return states(gold.type, gold.predicate, relation, same, swapped)


def score_relations(relations: list[Relation], gold: list[GoldRelation]) -> RelationScore:
    """Match predicted relations to gold rows one to one (exact predicates first)."""
    result = RelationScore()
    free = list(relations)
    rows = sorted(gold, key=lambda g: (g.article, g.subject, g.object, g.predicate))
    unmatched = []
    for row in rows:  # first the rows whose exact predicate was read
        exact = [r for r in free if _compatible(row, r) and r.predicate == row.predicate]
        if exact:
            best = max(exact, key=lambda r: r.evidence.confidence)
            free.remove(best)
            result.matched.append((row, best))
        else:
            unmatched.append(row)
    for row in unmatched:  # then any compatible relation of the same pair
        candidates = [r for r in free if _compatible(row, r)]
        if not candidates:
            result.missed.append(row)
            continue
        best = max(candidates, key=lambda r: r.evidence.confidence)
        free.remove(best)
        result.matched.append((row, best))
    result.spurious = free
    return result
