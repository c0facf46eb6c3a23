"""The archive's summary, counted at build time and kept in the default graph.

Three shipped queries count over the whole archive: ``entities`` (how many articles mention
each entity), ``neighbors`` and ``corroborated`` (how many articles state a relation).
Counting them at query time reads every article's statements: seconds on a 20,000-article
store. kg counts them once, when it writes the exports, and the default graph holds:

- per entity, ``kg:articleCount`` (articles that mention it) and ``kg:rank`` (1 for the
  entity most articles mention; ties by label, then id);
- per *link*, a subject, a predicate and an object that some article states and does not
  negate: a ``kg:Link`` node with ``kg:subject``, ``kg:predicateLabel``, ``kg:object``,
  ``kg:articleCount`` (articles that state it, ``kg build --infer``'s inferred statements
  included), ``kg:statedCount`` (articles that state it in a sentence: inferred statements
  are not support) and ``kg:rank`` (1 for the link most articles state; ties by subject
  label, predicate, object label).

Ranks let a query be asked a page at a time (``kg query OUT entities --page 2``): the page's
ranks are bound as a ``VALUES`` block, so the store looks up 25 nodes by rank instead of
sorting the archive (:mod:`kg.query_scope`).

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.model import Article, Entity, Evidence, Relation
>>> g = KnowledgeGraph()
>>> for i in ("x", "y"): g.add_article(Article(i, "A and B", "A met B."))
>>> for e in ("a", "b"): g.add_entity(Entity(e, e.upper(), "PERSON"))
>>> for i in ("x", "y"):
...     _ = g.add_relation(Relation("a", "meet", "b", "contacts", Evidence(i, "A met B.", 0, 8)))
>>> [(link.subject, link.predicate, link.object, link.articles, link.stated, link.rank)
...  for link in links(g)]
[('a', 'meet', 'b', 2, 2, 1)]
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kg.graph import KnowledgeGraph

__all__ = ["Link", "links", "entity_ranks", "link_id"]


@dataclass(frozen=True)
class Link:
    """A subject, predicate and object some article states and does not negate, with how
    many articles state it (inferred statements included) and how many in a sentence."""

    subject: str
    predicate: str
    object: str
    articles: int
    stated: int
    rank: int


def link_id(subject: str, predicate: str, obj: str) -> str:
    """A link's IRI local name: a digest of its subject, predicate and object.

    >>> len(link_id("a", "meet", "b")), link_id("a", "meet", "b") == link_id("a", "meet", "c")
    (24, False)
    """
    key = f"{subject}\x1f{predicate}\x1f{obj}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def links(graph: KnowledgeGraph) -> list[Link]:
    """Every link of the graph, in rank order."""
    every: dict[tuple[str, str, str], tuple[set[str], set[str]]] = {}
    for _, _, data in graph.graph.edges(data=True):
        relation = data["relation"]
        evidence = relation.evidence
        if evidence.negated:
            continue
        found = every.setdefault((relation.subject, relation.predicate, relation.object), (set(), set()))
        found[0].add(evidence.article)
        if not evidence.inferred:
            found[1].add(evidence.article)

    def label(entity_id: str) -> str:
        node = graph.graph.nodes.get(entity_id)
        return node["entity"].label if node else entity_id

    def order(item) -> tuple:
        (subject, predicate, obj), (articles, stated) = item
        return (-len(stated), -len(articles), label(subject), predicate, label(obj), subject, obj)

    return [Link(s, p, o, len(articles), len(stated), rank)
            for rank, ((s, p, o), (articles, stated)) in enumerate(sorted(every.items(), key=order), 1)]


def entity_ranks(graph: KnowledgeGraph) -> dict[str, tuple[int, int]]:
    """Each entity's id -> (articles that mention it, its rank).

    >>> from kg.model import Entity
    >>> g = KnowledgeGraph()
    >>> g.add_entity(Entity("b", "B", "PERSON", articles=("x",)))
    >>> g.add_entity(Entity("a", "A", "PERSON", articles=("x", "y")))
    >>> g.add_entity(Entity("c", "C", "PERSON", articles=("y",)))
    >>> entity_ranks(g)
    {'a': (2, 1), 'b': (1, 2), 'c': (1, 3)}
    """
    counted = [(len(set(e.articles)), e.label, e.id) for e in graph.entity_list()]
    counted.sort(key=lambda item: (-item[0], item[1], item[2]))
    return {entity_id: (count, rank) for rank, (count, _, entity_id) in enumerate(counted, 1)}
