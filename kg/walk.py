"""Walking a knowledge graph: networkx-style free functions ``f(graph, ...)``.

Each is also a method of :class:`~kg.graph.KnowledgeGraph` (``graph.paths(a, b)``).
Entities can be given by id, label or alias. Negated statements say a relation does
*not* hold, so walks (neighbours, paths, centrality, communities) ignore them.

Examples
--------
>>> import kg
>>> graph = kg.build(["seeds/"], min_confidence=0)
>>> [n.entity.label for n in neighbors(graph, "Xi Jinping")]
['China', 'Vladimir Putin']
>>> path = paths(graph, "Musk", "Xi")[0]
>>> path.entities
('elon-musk', 'vladimir-putin', 'xi-jinping')
>>> any("Taiwan" in r.evidence.sentence for r in path.steps[1].relations)
True
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.model import Entity, Relation
from kg.records import Neighbor, Path, RelationTable, Source, Step

__all__ = ["relations", "neighbors", "paths", "ego", "subgraph", "timeline", "sources",
           "centrality", "communities"]


def _id(graph, entity) -> str:
    return graph.entity(entity).id


def _matches_predicate(relation: Relation, predicate) -> bool:
    if predicate is None:
        return True
    wanted = {predicate} if isinstance(predicate, str) else set(predicate)
    return relation.predicate in wanted or (relation.type is not None and relation.type in wanted)


def relations(graph, subject=None, predicate=None, object=None, *, article=None,
              include_negated=False, include_hedged=True, include_inferred=True,
              min_confidence=0.0) -> RelationTable:
    """Relations matching every filter given, in article and text order.

    ``predicate`` is a readable predicate ("be in contact with") or a relation type
    ("contacts"), or a collection of them. Inferred relations (:mod:`kg.infer`) are only
    in graphs built with ``infer=True``; ``include_inferred=False`` leaves them out there.

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> table = relations(graph, "Putin", "ask", "Musk")
    >>> [(r.evidence.attributed_to, r.evidence.negated) for r in table]
    [('the-wall-street-journal', False)]
    >>> len(relations(graph, "Musk", "activate")), len(relations(graph, "Musk", "activate",
    ...                                                          include_negated=True))
    (0, 1)
    """
    s = _id(graph, subject) if subject is not None else None
    o = _id(graph, object) if object is not None else None
    found = RelationTable()
    for relation in graph.relation_list():
        ev = relation.evidence
        if (s and relation.subject != s) or (o and relation.object != o):
            continue
        if not _matches_predicate(relation, predicate):
            continue
        if article is not None and ev.article != article:
            continue
        if (ev.negated and not include_negated) or (ev.hedged and not include_hedged):
            continue
        if ev.inferred and not include_inferred:
            continue
        if ev.confidence < min_confidence:
            continue
        found.append(relation)
    return found


def _walkable(graph, predicate=None, include_negated=False) -> list[Relation]:
    return [r for r in graph.relation_list()
            if (include_negated or not r.evidence.negated) and _matches_predicate(r, predicate)]


def neighbors(graph, entity, *, direction="both", predicate=None, depth=1,
              include_negated=False) -> list[Neighbor]:
    """Entities up to ``depth`` steps away, nearest first, with the relations that reach them.

    ``direction`` is ``"out"`` (entity is the subject), ``"in"`` (the object) or ``"both"``.
    Negated statements are not walked unless ``include_negated=True``.

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> [n.entity.label for n in neighbors(graph, "SpaceX", direction="out")]
    ['Elon Musk', 'NASA']
    """
    if direction not in ("out", "in", "both"):
        raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
    start = _id(graph, entity)
    reached: dict[str, int] = {start: 0}
    via: dict[str, list[Relation]] = {}
    frontier = [start]
    edges = _walkable(graph, predicate, include_negated)
    for distance in range(1, depth + 1):
        layer: dict[str, list[Relation]] = {}
        for relation in edges:
            for here, there, ok in ((relation.subject, relation.object, direction != "in"),
                                    (relation.object, relation.subject, direction != "out")):
                if ok and here in frontier and there not in reached:
                    layer.setdefault(there, []).append(relation)
        for node, found in layer.items():
            reached[node] = distance
            via[node] = found
        frontier = list(layer)
    result = [Neighbor(graph.get_entity(n), reached[n], tuple(via[n])) for n in via]
    return sorted(result, key=lambda n: (n.distance, n.entity.label.lower(), n.entity.id))


def _undirected(graph, predicates=None) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.graph.nodes))
    for relation in _walkable(graph, predicates):
        if relation.subject != relation.object:
            simple.add_edge(relation.subject, relation.object)
    return simple


def paths(graph, a, b, *, max_length=3, predicates=None, limit=20) -> list[Path]:
    """The shortest connections between ``a`` and ``b`` (at most ``max_length`` steps).

    Each :class:`~kg.records.Path` lists its entities and, for every step, all relations
    between the two entities (either direction) with their evidence. Empty when the
    entities are not connected within ``max_length``.
    """
    source, target = _id(graph, a), _id(graph, b)
    simple = _undirected(graph, predicates)
    try:
        found = list(nx.all_shortest_paths(simple, source, target))
    except nx.NetworkXNoPath:
        return []
    found = sorted(p for p in found if len(p) - 1 <= max_length)[:limit]
    edges = _walkable(graph, predicates)
    result = []
    for nodes in found:
        steps = tuple(
            Step(x, y, tuple(r for r in edges if {r.subject, r.object} == {x, y}))
            for x, y in zip(nodes, nodes[1:], strict=False)
        )
        result.append(Path(tuple(nodes), steps))
    return result


def subgraph(graph, entities: Iterable) -> object:
    """A new KnowledgeGraph with these entities, the relations among them, and their mentions.

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> small = subgraph(graph, ["Musk", "Putin"])
    >>> sorted(e.id for e in small.entity_list()), {r.predicate for r in small.relation_list()} >= {"ask"}
    (['elon-musk', 'vladimir-putin'], True)
    """
    keep = {_id(graph, e) for e in entities}
    return graph.restricted(entities=keep)


def ego(graph, entity, radius=1, *, predicate=None, include_negated=False) -> object:
    """The entity, everything within ``radius`` steps, and the relations among them.

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> sorted(e.label for e in ego(graph, "Xi Jinping").entity_list())
    ['China', 'Vladimir Putin', 'Xi Jinping']
    """
    center = _id(graph, entity)
    around = {n.entity.id for n in neighbors(graph, center, depth=radius, predicate=predicate,
                                             include_negated=include_negated)}
    return graph.restricted(entities=around | {center})


def timeline(graph, entity, *, include_negated=False) -> RelationTable:
    """The entity's dated relations, oldest first (time, then article and position).

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> [(r.evidence.time, r.predicate) for r in timeline(graph, "Putin")]
    [('2022', 'be in contact with')]
    """
    center = _id(graph, entity)
    dated = [r for r in graph.relation_list()
             if center in (r.subject, r.object) and r.evidence.time
             and (include_negated or not r.evidence.negated)]
    return RelationTable(sorted(dated, key=lambda r: (r.evidence.time, r.sort_key())))


def sources(graph, item) -> list[Source]:
    """Article sentences behind an entity (every mention) or a relation (every statement
    of the same subject, predicate and object).

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> [s.article for s in sources(graph, "Xi")]
    ['002_3cfeafbf2c412ff4']
    >>> rel = relations(graph, "Musk", "be in contact with")[0]
    >>> [s.sentence[:36] for s in sources(graph, rel)]
    ['Is Elon Musk in regular contact with', 'The Tesla C.E.O. has been in regular']
    """
    found: dict[tuple[str, int, int], Source] = {}
    if isinstance(item, Relation):
        for relation in graph.relation_list():
            if (relation.subject, relation.predicate, relation.object) == (
                    item.subject, item.predicate, item.object):
                ev = relation.evidence
                found[(ev.article, ev.start, ev.end)] = _source(graph, ev.article, ev.start, ev.end)
    else:
        entity_id = _id(graph, item)
        for mention in graph.mentions:
            if mention.entity == entity_id:
                key = (mention.article, mention.sentence_start, mention.sentence_end)
                found[key] = _source(graph, *key)
    return [found[k] for k in sorted(found)]


def _source(graph, article_id: str, start: int, end: int) -> Source:
    article = graph.articles[article_id]
    return Source(article_id, article.title, article.text[start:end], start, end)


def centrality(graph, kind="degree") -> list[tuple[Entity, float]]:
    """Entities with their centrality (``degree``, ``pagerank`` or ``betweenness``), highest first.

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> centrality(graph)[0][0].label
    'Elon Musk'
    """
    simple = _undirected(graph)
    if kind == "degree":
        scores = nx.degree_centrality(simple)
    elif kind == "pagerank":
        scores = nx.pagerank(simple)
    elif kind == "betweenness":
        scores = nx.betweenness_centrality(simple)
    else:
        raise ValueError(f"kind must be 'degree', 'pagerank' or 'betweenness', not {kind!r}")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(graph.get_entity(node), round(score, 6)) for node, score in ranked]


def communities(graph) -> list[list[Entity]]:
    """Groups of densely connected entities (greedy modularity; deterministic), largest first.
    Entities without relations are left out.

    >>> import kg
    >>> graph = kg.build(["seeds/"], min_confidence=0)
    >>> groups = communities(graph)
    >>> sum(len(g) for g in groups) == len({n for r in graph.relations() for n in (r.subject, r.object)})
    True
    """
    simple = _undirected(graph)
    simple.remove_nodes_from([n for n in list(simple.nodes) if simple.degree(n) == 0])
    if simple.number_of_edges() == 0:
        return []
    groups = nx.community.greedy_modularity_communities(simple)
    ordered = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))
    return [[graph.get_entity(n) for n in group] for group in ordered]
