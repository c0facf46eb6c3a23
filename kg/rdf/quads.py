"""A graph's RDF as Oxigraph quads: the statement model of :mod:`kg.rdf.convert`, made once.

Every export starts here: ``graph.nq`` (:mod:`kg.rdf.nquads`) is these quads serialised by
Oxigraph, the store is loaded from it, and TriG, Turtle, JSON-LD and the rdflib dataset of
:func:`kg.rdf.convert.to_dataset` are read from it. The terms are made as Oxigraph terms
directly: making them as rdflib terms first and converting them cost more than half of
writing the exports of a large archive.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.model import Article, Entity
>>> g = KnowledgeGraph()
>>> g.add_article(Article("x", "A and B", "A met B."))
>>> g.add_entity(Entity("a", "A", "PERSON"))
>>> first = next(default_quads(g))
>>> str(first.subject), str(first.object)
('<https://example.org/kg/data/article/x>', '<https://schema.org/NewsArticle>')
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache, partial

import pyoxigraph as ox
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.graph import KnowledgeGraph, statement_id
from kg.model import Article, Entity, Mention, Relation
from kg.names import normalize_name, slugify
from kg.rdf.namespaces import KG, KGT, NIF, PQ, PS, REL, SCHEMA, WD, DataNamespaces, P
from kg.rdf.summary import Link, entity_ranks, link_id, links

__all__ = ["quads", "default_quads", "default_subjects", "article_quads", "name_keys",
           "predicate_slug", "TYPE_CLASSES"]


class _Terms:
    """Oxigraph IRIs of one namespace, each made once: ``_Terms(KG).refersTo``, ``_Terms(REL)["meet"]``.

    >>> _Terms(RDFS).label
    <NamedNode value=http://www.w3.org/2000/01/rdf-schema#label>
    """

    def __init__(self, namespace: str) -> None:
        self._namespace = str(namespace)
        self._made: dict[str, ox.NamedNode] = {}

    def __getitem__(self, name: str) -> ox.NamedNode:
        node = self._made.get(name)
        if node is None:
            node = self._made[name] = ox.NamedNode(self._namespace + name)
        return node

    def __getattr__(self, name: str) -> ox.NamedNode:  # the first time only: then an attribute
        if name.startswith("_"):
            raise AttributeError(name)
        node = self[name]
        setattr(self, name, node)
        return node


_RDF, _RDFS, _SKOS, _OWL, _PROV, _XSD = (_Terms(n) for n in (RDF, RDFS, SKOS, OWL, PROV, XSD))
_KG, _KGT, _NIF, _PQ, _PS, _REL, _P, _SCHEMA, _WD = (
    _Terms(n) for n in (KG, KGT, NIF, PQ, PS, REL, P, SCHEMA, WD))
_DEFAULT = ox.DefaultGraph()
_TRUE, _FALSE = ox.Literal("true", datatype=_XSD.boolean), ox.Literal("false", datatype=_XSD.boolean)

#: The class of an entity of each spaCy type.
TYPE_CLASSES = {
    "PERSON": _SCHEMA.Person, "ORG": _SCHEMA.Organization, "GPE": _SCHEMA.Place,
    "LOC": _SCHEMA.Place, "FAC": _SCHEMA.Place, "NORP": _KG.Group, "PRODUCT": _SCHEMA.Product,
    "EVENT": _SCHEMA.Event, "WORK_OF_ART": _SCHEMA.CreativeWork,
}


class _Data:
    """Oxigraph IRIs of the data under a base: :class:`kg.rdf.namespaces.DataNamespaces`'
    namespaces, as :class:`_Terms`."""

    def __init__(self, base: str | None) -> None:
        namespaces = (DataNamespaces(base) if base else DataNamespaces()).prefixes()
        self.entity, self.article = _Terms(namespaces["ent"]), _Terms(namespaces["doc"])
        self.statement, self.evidence = _Terms(namespaces["st"]), _Terms(namespaces["ev"])
        self.mention, self.link = _Terms(namespaces["mn"]), _Terms(namespaces["lk"])


def predicate_slug(predicate: str) -> str:
    """The IRI-safe local name of a readable predicate: "be in contact with" -> "be-in-contact-with"."""
    return slugify(predicate)


def name_keys(entity: Entity) -> list[str]:
    """Normalised names SPARQL queries match on: label, aliases, and a person's single names.

    >>> name_keys(Entity("xi-jinping", "Xi Jinping", "PERSON", aliases=("the Chinese leader",)))
    ['chinese leader', 'jinping', 'xi', 'xi jinping']
    """
    keys = {normalize_name(n) for n in (entity.label, *entity.aliases)}
    if entity.type == "PERSON":
        keys.update(normalize_name(entity.label).split())
    return sorted(k for k in keys if k)


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


@lru_cache(maxsize=1 << 16)
def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD.integer)


def _boolean(value: bool) -> ox.Literal:
    return _TRUE if value else _FALSE


def _time(value: str) -> ox.Literal:
    datatype = {4: "gYear", 7: "gYearMonth", 10: "date"}.get(len(value), "string")
    return ox.Literal(value, datatype=_XSD[datatype])


def _mention_id(mention: Mention) -> str:
    key = f"{mention.article}\x1f{mention.start}\x1f{mention.end}\x1f{mention.entity}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def quads(graph: KnowledgeGraph, base: str | None = None, *,
          source_paths: bool = False) -> Iterator[ox.Quad]:
    """Every quad of the graph's RDF: the default graph's (:func:`default_quads`), then each
    article's named graph in id order (:func:`article_quads`).

    The local path each article was read from (``kg:sourcePath``) is left out unless
    ``source_paths``: published data should not depend on where a file sat."""
    yield from default_quads(graph, base, source_paths=source_paths)
    by_article = graph.by_article()
    for article_id in sorted(by_article):
        yield from article_quads(graph, *by_article[article_id], base)


def default_quads(graph: KnowledgeGraph, base: str | None = None, *,
                  source_paths: bool = False) -> Iterator[ox.Quad]:
    """The default graph's quads: every article's metadata and text, every entity."""
    for _, facts in default_subjects(graph, base, source_paths=source_paths):
        yield from facts()


def default_subjects(graph: KnowledgeGraph, base: str | None = None, *, source_paths: bool = False
                     ) -> Iterator[tuple[ox.NamedNode, Callable[[], Iterator[ox.Quad]]]]:
    """The default graph a subject at a time: each article's, each entity's and each link's
    IRI (:mod:`kg.rdf.summary`), with what makes its quads (articles in id order, then
    entities, then links in rank order)."""
    data = _Data(base)
    for article in sorted(graph.articles.values(), key=lambda a: a.id):
        node = data.article[article.id]
        yield node, partial(_article_facts, article, node, source_paths)
    ranks = entity_ranks(graph)
    for entity in graph.entity_list():
        node = data.entity[entity.id]
        yield node, partial(_entity_facts, entity, node, data, ranks[entity.id])
    for link in links(graph):
        node = data.link[link_id(link.subject, link.predicate, link.object)]
        yield node, partial(_link_facts, link, node, data)


def _article_facts(article: Article, doc: ox.NamedNode, source_paths: bool) -> Iterator[ox.Quad]:
    def fact(predicate, obj) -> ox.Quad:
        return ox.Quad(doc, predicate, obj, _DEFAULT)

    yield fact(_RDF.type, _SCHEMA.NewsArticle)
    yield fact(_KG.articleId, _text(article.id))
    yield fact(_SCHEMA.headline, _text(article.title))
    yield fact(_NIF.isString, _text(article.text))
    yield fact(_KG.sha256, _text(article.sha256))
    if source_paths and article.source:
        yield fact(_KG.sourcePath, _text(article.source))
    if article.url:
        yield fact(_SCHEMA.url, _text(article.url))
    if article.published:
        yield fact(_SCHEMA.datePublished, _text(article.published))
    if article.publisher:
        yield fact(_KG.publisherName, _text(article.publisher))


def _entity_facts(entity: Entity, node: ox.NamedNode, data: _Data, counted: tuple[int, int]
                  ) -> Iterator[ox.Quad]:
    def fact(predicate, obj) -> ox.Quad:
        return ox.Quad(node, predicate, obj, _DEFAULT)

    yield fact(_RDF.type, TYPE_CLASSES.get(entity.type, _KG.Entity))
    yield fact(_KG.entityId, _text(entity.id))
    yield fact(_KG.entityType, _text(entity.type))
    yield fact(_RDFS.label, _text(entity.label))
    yield fact(_KG.mentionCount, _integer(entity.mention_count))
    yield fact(_KG.articleCount, _integer(counted[0]))
    yield fact(_KG.rank, _integer(counted[1]))
    for alias in entity.aliases:
        yield fact(_SKOS.altLabel, _text(alias))
    for key in name_keys(entity):
        yield fact(_KG.nameKey, _text(key))
    for article_id in entity.articles:
        yield fact(_KG.mentionedIn, data.article[article_id])
    if entity.wikidata:
        yield fact(_OWL.sameAs, _WD[entity.wikidata])


def _link_facts(link: Link, node: ox.NamedNode, data: _Data) -> Iterator[ox.Quad]:
    yield ox.Quad(node, _RDF.type, _KG.Link, _DEFAULT)
    yield ox.Quad(node, _KG.subject, data.entity[link.subject], _DEFAULT)
    yield ox.Quad(node, _KG.predicateLabel, _text(link.predicate), _DEFAULT)
    yield ox.Quad(node, _KG.object, data.entity[link.object], _DEFAULT)
    yield ox.Quad(node, _KG.articleCount, _integer(link.articles), _DEFAULT)
    yield ox.Quad(node, _KG.statedCount, _integer(link.stated), _DEFAULT)
    yield ox.Quad(node, _KG.rank, _integer(link.rank), _DEFAULT)


def article_quads(graph: KnowledgeGraph, mentions: list[Mention], relations: list[Relation],
                  base: str | None = None) -> Iterator[ox.Quad]:
    """One article's named graph: its ``mentions`` and the statements of its ``relations``
    (as :meth:`KnowledgeGraph.by_article` gives them), each with its evidence."""
    data = _Data(base)

    for mention in mentions:
        named = data.article[mention.article]
        node = data.mention[_mention_id(mention)]
        yield ox.Quad(node, _RDF.type, _KG.Mention, named)
        yield ox.Quad(node, _KG.refersTo, data.entity[mention.entity], named)
        yield ox.Quad(node, _NIF.referenceContext, named, named)
        yield ox.Quad(node, _NIF.anchorOf, _text(mention.text), named)
        yield ox.Quad(node, _NIF.beginIndex, _integer(mention.start), named)
        yield ox.Quad(node, _NIF.endIndex, _integer(mention.end), named)
        yield ox.Quad(node, _KG.mentionKind, _text(mention.kind), named)
        yield ox.Quad(node, _KG.sentenceBegin, _integer(mention.sentence_start), named)
        yield ox.Quad(node, _KG.sentenceEnd, _integer(mention.sentence_end), named)

    for relation in relations:
        yield from _statement_quads(graph, relation, data)


def _statement_quads(graph: KnowledgeGraph, relation: Relation, data: _Data) -> Iterator[ox.Quad]:
    key = statement_id(relation)
    ev = relation.evidence
    named = data.article[ev.article]
    subject, obj = data.entity[relation.subject], data.entity[relation.object]
    slug = predicate_slug(relation.predicate)
    statement, evidence = data.statement[key], data.evidence[key]

    def fact(s, p, o) -> ox.Quad:
        return ox.Quad(s, p, o, named)

    if not ev.negated and not ev.inferred:
        yield fact(subject, _REL[slug], obj)
    yield fact(subject, _P[slug], statement)
    yield fact(statement, _RDF.type, _KG.Statement)
    yield fact(statement, _PS[slug], obj)
    yield fact(statement, _KG.subject, subject)
    yield fact(statement, _KG.object, obj)
    yield fact(statement, _KG.predicateLabel, _text(relation.predicate))
    if relation.type:
        yield fact(statement, _KG.relationType, _KGT[relation.type])
    yield fact(statement, _PQ.negated, _boolean(ev.negated))
    yield fact(statement, _PQ.hedged, _boolean(ev.hedged))
    yield fact(statement, _PQ.confidence, ox.Literal(str(Decimal(str(ev.confidence))),
                                                     datatype=_XSD.decimal))
    if ev.attributed_to:
        if ev.attributed_to in graph.graph:
            yield fact(statement, _PQ.accordingTo, data.entity[ev.attributed_to])
        else:
            yield fact(statement, _PQ.accordingToText, _text(ev.attributed_to))
    if ev.time:
        since = (ev.time_text or "").lower().startswith("since")
        yield fact(statement, _PQ.since if since else _PQ.pointInTime, _time(ev.time))
    if ev.time_text:
        yield fact(statement, _PQ.timeText, _text(ev.time_text))
    yield fact(statement, _PROV.wasDerivedFrom, evidence)
    yield fact(evidence, _RDF.type, _KG.Evidence)
    yield fact(evidence, _PROV.wasQuotedFrom, named)
    article = graph.articles.get(ev.article)
    if article is None or article.text[ev.start:ev.end] != ev.sentence:
        yield fact(evidence, _NIF.anchorOf, _text(ev.sentence))
    yield fact(evidence, _NIF.beginIndex, _integer(ev.start))
    yield fact(evidence, _NIF.endIndex, _integer(ev.end))
    yield fact(evidence, _KG.extractor, _text(ev.extractor))
    if ev.inferred:
        yield fact(statement, _KG.inferred, _TRUE)
