"""The knowledge graph: entities as nodes, relations as edges, one edge per evidence.

A :class:`KnowledgeGraph` wraps a networkx ``MultiDiGraph``. Nodes are entity ids with
the :class:`~kg.model.Entity` under ``"entity"``; edges are keyed by a stable statement id
with the :class:`~kg.model.Relation` under ``"relation"``. It also keeps the articles and
the entity mentions, so that every edge and node can be traced back to the text.

Examples
--------
>>> from kg.model import Entity, Evidence, Relation
>>> graph = KnowledgeGraph()
>>> graph.add_entity(Entity("elon-musk", "Elon Musk", "PERSON"))
>>> graph.add_entity(Entity("vladimir-putin", "Vladimir Putin", "PERSON"))
>>> ev = Evidence("a1", "Musk met Putin.", 0, 15)
>>> key = graph.add_relation(Relation("elon-musk", "meet", "vladimir-putin", "contacts", ev))
>>> graph.number_of_entities(), graph.number_of_relations()
(2, 1)
>>> [r.predicate for r in graph.relation_list()]
['meet']
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg.build_report import BuildReport
from kg.graph_views import entity_from_mentions, merged, restricted
from kg.io import atomic_write_chunks
from kg.lookup import AmbiguousEntity, EntityNotFound, find_entity
from kg.model import Article, Entity, Mention, Relation

__all__ = ["KnowledgeGraph", "BuildReport", "statement_id", "EntityNotFound", "AmbiguousEntity"]


def statement_id(relation: Relation) -> str:
    """A stable id for one relation as stated in one place of one article.

    >>> from kg.model import Evidence, Relation
    >>> statement_id(Relation("a", "meet", "b", None, Evidence("x", "s", 0, 1)))
    'e5dae52dd9fedb8e'
    """
    ev = relation.evidence
    parts = [relation.subject, relation.predicate, relation.object]
    if ev is not None:
        parts += [ev.article, str(ev.start), str(ev.end), str(ev.negated)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


class KnowledgeGraph:
    """Entities, relations with evidence, articles and mentions."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.articles: dict[str, Article] = {}
        self.mentions: list[Mention] = []
        self.report = BuildReport()

    # building -------------------------------------------------------------------------
    def add_article(self, article: Article) -> None:
        self.articles[article.id] = article

    def add_entity(self, entity: Entity) -> None:
        self.graph.add_node(entity.id, entity=entity)

    def add_mention(self, mention: Mention) -> None:
        self.mentions.append(mention)

    def add_relation(self, relation: Relation) -> str:
        """Add an edge for the relation; return its statement id (the edge key)."""
        for end in (relation.subject, relation.object):
            if end not in self.graph:
                raise KeyError(f"unknown entity {end!r}; add it before its relations")
        key = statement_id(relation)
        self.graph.add_edge(relation.subject, relation.object, key=key, relation=relation)
        return key

    # reading --------------------------------------------------------------------------
    def number_of_entities(self) -> int:
        return self.graph.number_of_nodes()

    def number_of_relations(self) -> int:
        return self.graph.number_of_edges()

    def entity_list(self) -> list[Entity]:
        """All entities, sorted by id.

        >>> ids = [e.id for e in graph.entity_list()]  # graph: the seed graph, as below
        >>> ids == sorted(ids) and "elon-musk" in ids
        True
        """
        return [self.graph.nodes[n]["entity"] for n in sorted(self.graph.nodes)]

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id (``KeyError`` if none; see :meth:`entity` for names).

        >>> graph.get_entity("xi-jinping").wikidata
        'Q15031'
        """
        return self.graph.nodes[entity_id]["entity"]

    def entity(self, name: str | Entity) -> Entity:
        """The entity called ``name``: its id, label or any alias, ignoring case and accents.

        A label match wins over an alias match, and an alias match over one word of a
        person's name ("Xi" for "Xi Jinping"; places and organisations are never found by a
        word of their name: "Mexico" is not "New Mexico"). Raises :class:`EntityNotFound`
        (with close matches) or :class:`AmbiguousEntity` (with every candidate).

        >>> import kg
        >>> graph = kg.build(["seeds/"], min_confidence=0)
        >>> [graph.entity(n).id for n in ("musk", "Elon", "the Tesla C.E.O.", "Xi", "Putín")]
        ['elon-musk', 'elon-musk', 'elon-musk', 'xi-jinping', 'vladimir-putin']
        >>> graph.entity("Vladimir Putn")
        Traceback (most recent call last):
        ...
        kg.lookup.EntityNotFound: no entity called 'Vladimir Putn'; close matches: Vladimir Putin
        """
        return find_entity(self, name)

    def relation_list(self) -> list[Relation]:
        """All relations, in article and text order.

        >>> graph.relation_list()[0].evidence.article
        '000_f041676349017ce9'
        """
        return sorted((d["relation"] for _, _, d in self.graph.edges(data=True)),
                      key=Relation.sort_key)

    def by_article(self) -> dict[str, tuple[list[Mention], list[Relation]]]:
        """Each article's mentions (in graph order) and relations (in text order), by
        article id, for every article with either.

        >>> mentions, relations = graph.by_article()["000_f041676349017ce9"]
        >>> {m.article for m in mentions} | {r.evidence.article for r in relations}
        {'000_f041676349017ce9'}
        """
        grouped: dict[str, tuple[list[Mention], list[Relation]]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.article, ([], []))[0].append(mention)
        for relation in self.relation_list():
            grouped.setdefault(relation.evidence.article, ([], []))[1].append(relation)
        return grouped

    def iter_statements(self) -> Iterator[tuple[str, Relation]]:
        """(statement id, relation) pairs in article and text order.

        >>> key, relation = next(graph.iter_statements())
        >>> key == statement_id(relation)
        True
        """
        pairs = [(k, d["relation"]) for _, _, k, d in self.graph.edges(keys=True, data=True)]
        yield from sorted(pairs, key=lambda p: p[1].sort_key())

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy with plain attributes (strings, numbers, booleans), for any networkx use.

        >>> plain = graph.to_networkx()
        >>> plain.nodes["elon-musk"]["label"], plain.number_of_edges() == graph.number_of_relations()
        ('Elon Musk', True)
        """
        plain = nx.MultiDiGraph()
        for entity in self.entity_list():
            plain.add_node(entity.id, label=entity.label, type=entity.type,
                           aliases="|".join(entity.aliases), wikidata=entity.wikidata or "",
                           mention_count=entity.mention_count, articles="|".join(entity.articles))
        for key, rel in self.iter_statements():
            ev = rel.evidence
            plain.add_edge(
                rel.subject, rel.object, key=key, predicate=rel.predicate, type=rel.type or "",
                article=ev.article, sentence=ev.sentence, start=ev.start, end=ev.end,
                confidence=ev.confidence, negated=ev.negated, hedged=ev.hedged,
                attributed_to=ev.attributed_to or "", time=ev.time or "",
                time_text=ev.time_text or "", extractor=ev.extractor, inferred=ev.inferred,
            )
        return plain

    # equality and persistence ---------------------------------------------------------
    def _content(self) -> tuple:
        """Articles, entities, mentions and relations, each in a fixed order."""
        return (
            sorted(self.articles.values(), key=lambda a: a.id),
            self.entity_list(),
            sorted(self.mentions, key=lambda m: (m.article, m.start, m.end, m.entity)),
            self.relation_list(),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return self._content() == other._content()

    def __repr__(self) -> str:
        return (f"<KnowledgeGraph: {self.number_of_entities()} entities, "
                f"{self.number_of_relations()} relations, {len(self.articles)} articles>")

    def to_dict(self) -> dict:
        """A JSON-ready dict of everything in the graph (kg's own lossless format:
        :mod:`kg.graph_json`).

        >>> KnowledgeGraph.from_dict(graph.to_dict()) == graph
        True
        """
        from kg.graph_json import graph_dict

        return graph_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> KnowledgeGraph:
        """The graph :meth:`to_dict` describes."""
        from kg.graph_json import fill_from_dict

        return fill_from_dict(cls(), data)

    def save(self, path: str | Path) -> None:
        """Write the graph as JSON (atomically; byte-identical for the same graph): the dict
        of :meth:`to_dict`, one article, entity, mention or relation per line, streamed.

        >>> import tempfile
        >>> path = tempfile.mkdtemp() + "/graph.json"
        >>> graph.save(path)
        >>> KnowledgeGraph.load_json(path) == graph
        True
        """
        atomic_write_chunks(path, self.json_lines())

    def json_lines(self) -> Iterator[bytes]:
        """The bytes :meth:`save` writes, in pieces (:func:`kg.graph_json.json_lines`)."""
        from kg.graph_json import json_lines

        return json_lines(self)

    @classmethod
    def load_json(cls, path: str | Path) -> KnowledgeGraph:
        """Read a graph written by :meth:`save` (``kg.load`` reads every export)."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    # views and incremental updates --------------------------------------------------
    def refresh_entities(self) -> None:
        """Recompute each entity's mention count, articles and aliases from its mentions.

        Entities with no mentions at all (built by hand) are left as they are.

        >>> copy = KnowledgeGraph.from_dict(graph.to_dict())
        >>> copy.refresh_entities()
        >>> copy == graph
        True
        """
        by_entity: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            by_entity.setdefault(mention.entity, []).append(mention)
        for entity in self.entity_list():
            found = by_entity.get(entity.id)
            if found:
                self.graph.nodes[entity.id]["entity"] = entity_from_mentions(entity, found)

    def restricted(self, *, entities: set[str] | None = None,
                   articles: set[str] | None = None) -> KnowledgeGraph:
        """A new graph with only these entities and/or articles, and what lies within them.

        >>> small = graph.restricted(articles={"002_3cfeafbf2c412ff4"})
        >>> sorted(small.articles), small.get_entity("elon-musk").articles
        (['002_3cfeafbf2c412ff4'], ('002_3cfeafbf2c412ff4',))
        """
        return restricted(self, entities=entities, articles=articles)

    def remove_article(self, article_id: str) -> KnowledgeGraph:
        """A new graph without the article: its mentions and relations go; entities that
        only it mentioned go; every other edge stays.

        >>> smaller = graph.remove_article("002_3cfeafbf2c412ff4")
        >>> "xi-jinping" in smaller.graph, "elon-musk" in smaller.graph
        (False, True)
        """
        if article_id not in self.articles:
            raise KeyError(f"no article {article_id!r} in the graph")
        return self.restricted(articles=set(self.articles) - {article_id})

    def article_graph(self, article_id: str) -> KnowledgeGraph:
        """The part of the graph one article contributes (its entities, mentions, relations).

        >>> part = graph.article_graph("001_7f1dbf2819e5e0b1")
        >>> {r.evidence.article for r in part.relation_list()}
        {'001_7f1dbf2819e5e0b1'}
        """
        if article_id not in self.articles:
            raise KeyError(f"no article {article_id!r} in the graph")
        return self.restricted(articles={article_id})

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """A new graph with both graphs' articles, entities, mentions and relations.

        Entities with the same id are one entity (this graph's label, type and Wikidata id);
        counts, articles and aliases are recomputed from the merged mentions.

        >>> import kg
        >>> graph = kg.build(["seeds/"], min_confidence=0)
        >>> article = "001_7f1dbf2819e5e0b1"
        >>> smaller = graph.remove_article(article)
        >>> article in smaller.articles, smaller.number_of_relations() < graph.number_of_relations()
        (False, True)
        >>> smaller.merge(graph.article_graph(article)) == graph
        True
        """
        return merged(self, other)

    # walking (see kg.walk) --------------------------------------------------------------
    def relations(self, subject=None, predicate=None, object=None, **filters):
        """Relations matching the filters; see :func:`kg.walk.relations`.

        >>> [r.evidence.attributed_to for r in graph.relations("Putin", "ask", "Musk")]
        ['the-wall-street-journal']
        """
        from kg import walk

        return walk.relations(self, subject, predicate, object, **filters)

    def neighbors(self, entity, **options):
        """Nearby entities; see :func:`kg.walk.neighbors`.

        >>> [n.entity.label for n in graph.neighbors("Xi")]
        ['China', 'Vladimir Putin']
        """
        from kg import walk

        return walk.neighbors(self, entity, **options)

    def paths(self, a, b, **options):
        """Shortest connections with evidence; see :func:`kg.walk.paths`.

        >>> graph.paths("Musk", "Xi")[0].entities
        ('elon-musk', 'vladimir-putin', 'xi-jinping')
        """
        from kg import walk

        return walk.paths(self, a, b, **options)

    def ego(self, entity, radius: int = 1, **options) -> KnowledgeGraph:
        """The graph around one entity; see :func:`kg.walk.ego`.

        >>> sorted(e.label for e in graph.ego("Xi").entity_list())
        ['China', 'Vladimir Putin', 'Xi Jinping']
        """
        from kg import walk

        return walk.ego(self, entity, radius, **options)

    def subgraph(self, entities) -> KnowledgeGraph:
        """The graph among some entities; see :func:`kg.walk.subgraph`.

        >>> graph.subgraph(["Musk", "Putin"]).number_of_entities()
        2
        """
        from kg import walk

        return walk.subgraph(self, entities)

    def timeline(self, entity, **options):
        """Dated relations in order; see :func:`kg.walk.timeline`.

        >>> [r.evidence.time for r in graph.timeline("Putin")]
        ['2022']
        """
        from kg import walk

        return walk.timeline(self, entity, **options)

    def sources(self, item):
        """Sentences behind an entity or relation; see :func:`kg.walk.sources`.

        >>> [s.article for s in graph.sources("Xi")]
        ['002_3cfeafbf2c412ff4']
        """
        from kg import walk

        return walk.sources(self, item)

    def centrality(self, kind: str = "degree"):
        """Entities by centrality; see :func:`kg.walk.centrality`.

        >>> graph.centrality()[0][0].label
        'Elon Musk'
        """
        from kg import walk

        return walk.centrality(self, kind)

    def communities(self):
        """Groups of connected entities; see :func:`kg.walk.communities`.

        >>> any({"Elon Musk", "Vladimir Putin"} & {e.label for e in c} for c in graph.communities())
        True
        """
        from kg import walk

        return walk.communities(self)
