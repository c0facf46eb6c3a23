"""Who "his father" or "its spokesman" is: the person the article said holds that role for the
possessor.

"His father, John Smith, ... Ahmed and his father will visit ...": once the possessive is
resolved, a kinship or role noun with a possessor joins the one person known to hold that role
for the possessor. What is known is the role facts (appositions and titles: "John Smith, the
father of Ahmed") and, for kinship, what a copula says ("Daniel was a son of Johann
Bernoulli", "X was born to Y and Z") read both ways: a son's father or mother is his parent,
of the gender the noun asks when a first name says it; a wife's husband is her spouse.

>>> from kg.extract.coref import resolve_mentions
>>> from kg.gazetteer import Gazetteer
>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Daniel Bernoulli was a son of Johann Bernoulli. His father taught him.")
>>> result = resolve_mentions(doc, Gazetteer.bundled())
>>> result.cluster_of(doc[10]).label  # "father"
'Johann Bernoulli'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.clauses import clause_subjects
from kg.extract.lexicon import COPULAS, KIN_NOUNS
from kg.extract.mentions import ArticleEntities, role_noun
from kg.extract.pronouns import first_name_gender
from kg.extract.qualifiers import is_negated

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["possessed_roles"]

#: A kinship noun -> (the noun said the other way round, the gender the first asks: m, f or None).
_INVERSE = {
    "father": (("son", "daughter", "child"), "m"), "mother": (("son", "daughter", "child"), "f"),
    "son": (("father", "mother", "parent"), "m"), "daughter": (("father", "mother", "parent"), "f"),
    "husband": (("wife", "spouse"), "m"), "wife": (("husband", "spouse"), "f"),
}


def possessed_roles(result: ArticleEntities) -> int:
    """Join each possessed kinship or role noun ("his father", "its spokesman") to the one
    person known to hold it for the possessor; how many were joined."""
    doc = result.doc
    facts = [(f.entity, f.noun, f.holder) for f in result.role_facts] + _kin_facts(result)
    holders: dict[tuple[str, int], set[int]] = {}
    for entity, noun, holder in facts:
        holders.setdefault((noun, holder), set()).add(entity)
    joined = 0
    for token in doc:
        noun = token.lemma_.lower() if token.lemma_.lower() in KIN_NOUNS else role_noun(token)
        if noun is None or token.tag_ != "NN" or token.i in result.token_cluster:
            continue
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        owner = result.cluster_of(possessor) if possessor is not None else None
        if owner is None:
            continue
        people = holders.get((noun, owner.id), set()) or _inverse(result, facts, noun, owner.id)
        if len(people) == 1:  # (the set stays whole: a second "his father" is the same man)
            result.add_mention(result.clusters[next(iter(people))], possessor.i, token.i + 1, "role")
            joined += 1
    return joined


def _inverse(result: ArticleEntities, facts: list[tuple[int, str, int]], noun: str, owner: int) -> set[int]:
    """The people a kinship said the other way round makes the owner's ``noun`` ("Daniel was a
    son of Johann": Daniel's father is Johann), of the noun's gender where the article says it."""
    if noun not in _INVERSE:
        return set()
    inverse, gender = _INVERSE[noun]
    people = {holder for entity, said, holder in facts
              if entity == owner and said in inverse and holder is not None}
    return {p for p in people if _gender(result, p) in (None, gender)}


def _gender(result: ArticleEntities, cluster_id: int) -> str | None:
    cluster = result.clusters[cluster_id]
    names = [m.span(result.doc) for m in cluster.mentions if m.kind == "name"]
    return next((g for span in names if (g := first_name_gender(span[0].text))), None)


def _kin_facts(result: ArticleEntities) -> list[tuple[int, str, int]]:
    """(entity, kinship noun, holder) for "X was a son of Y", "X is the wife of Y", and "X was
    born to Y and Z" (X is their child)."""
    found = []
    for token in result.doc:
        if token.lemma_.lower() == "bear" and any(c.dep_ == "auxpass" for c in token.children):
            subjects, noun, preposition = [c for c in token.children if c.dep_ == "nsubjpass"], "child", "to"
        elif token.dep_ == "attr" and token.lemma_.lower() in KIN_NOUNS and \
                token.head.lemma_.lower() in COPULAS and not is_negated(token.head):
            subjects, noun, preposition = clause_subjects(token.head), token.lemma_.lower(), "of"
        else:
            continue
        entity = result.cluster_of(subjects[0]) if subjects else None
        for holder in _objects(token, preposition) if entity is not None else ():
            cluster = result.cluster_of(holder)
            if cluster is not None and cluster.id != entity.id and cluster.type == "PERSON":
                found.append((entity.id, noun, cluster.id))
    return found


def _objects(head: Token, preposition: str) -> list[Token]:
    """The words after ``preposition`` under ``head``, and those joined to them by "and": "a son
    of Johann Bernoulli", "born to Gerald and Sherri"."""
    return [t for prep in head.children if prep.dep_ == "prep" and prep.lower_ == preposition
            for pobj in prep.children if pobj.dep_ == "pobj"
            for t in (pobj, *(c for c in pobj.children if c.dep_ == "conj"))]
