"""KnowledgeGraph <-> RDF, following the statement model of ``docs`` and ``vocab.ttl``.

Per article, a named graph (the article's IRI) holds its statements, evidence and
mentions::

    ent:elon-musk rel:be-in-contact-with ent:vladimir-putin .      # truthy edge (not if negated or inferred)
    ent:elon-musk p:be-in-contact-with st:7f3a... .
    st:7f3a... a kg:Statement ; ps:be-in-contact-with ent:vladimir-putin ;
        kg:predicateLabel "be in contact with" ; kg:relationType kgt:contacts ;
        pq:accordingTo ent:the-wall-street-journal ; pq:since "2022"^^xsd:gYear ;
        pq:timeText "since late 2022" ; pq:negated false ; pq:hedged false ;
        pq:confidence 0.73 ; prov:wasDerivedFrom ev:7f3a... .
    ev:7f3a... a kg:Evidence ; prov:wasQuotedFrom doc:002_3cfeafbf2c412ff4 ;
        nif:beginIndex 1234 ; nif:endIndex 1321 .

A sentence is stored once, in its article's text (``nif:isString``); evidence and mentions
point into it by character offsets, and the shipped queries cut it out with
``SUBSTR(?text, ?begin + 1, ?end - ?begin)``. Only evidence whose sentence is not its
article's text at those offsets (a graph made by hand) carries the sentence itself, as
``nif:anchorOf``. Exports of kg before 2026-11 repeated the sentence on every mention
(``kg:sentenceText``) and evidence (``nif:anchorOf``); :func:`from_rdf` reads those too.

The default graph holds entities (label, aliases, type, Wikidata id) and articles
(headline, text, date, publisher).

Examples
--------
>>> from kg.model import Entity, Evidence, Relation
>>> from kg.graph import KnowledgeGraph
>>> from kg.model import Article
>>> g = KnowledgeGraph()
>>> g.add_article(Article("x", "A and B", "A met B."))
>>> for e in ("a", "b"): g.add_entity(Entity(e, e.upper(), "PERSON"))
>>> _ = g.add_relation(Relation("a", "meet", "b", "contacts", Evidence("x", "A met B.", 0, 8)))
>>> dataset = to_dataset(g)
>>> from_rdf(dataset) == g
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.graph import KnowledgeGraph, statement_id
from kg.model import Article, Entity, Evidence, Mention, Relation
from kg.names import normalize_name, slugify
from kg.rdf.namespaces import (
    KG,
    KGT,
    NIF,
    PQ,
    PS,
    REL,
    SCHEMA,
    WD,
    DataNamespaces,
    P,
    bind_all,
)

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["to_dataset", "quads", "from_rdf", "predicate_slug", "name_keys", "TYPE_CLASSES"]

TYPE_CLASSES = {
    "PERSON": SCHEMA.Person, "ORG": SCHEMA.Organization, "GPE": SCHEMA.Place,
    "LOC": SCHEMA.Place, "FAC": SCHEMA.Place, "NORP": KG.Group, "PRODUCT": SCHEMA.Product,
    "EVENT": SCHEMA.Event, "WORK_OF_ART": SCHEMA.CreativeWork,
}


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


def _mention_id(mention: Mention) -> str:
    key = f"{mention.article}\x1f{mention.start}\x1f{mention.end}\x1f{mention.entity}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _time_literal(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.string)
    return Literal(value, datatype=datatype)


def quads(graph: KnowledgeGraph, base: str | None = None, *,
          source_paths: bool = False) -> Iterator[tuple[URIRef, URIRef, Node, URIRef | None]]:
    """Every quad of the graph's RDF, as rdflib terms: (subject, predicate, object, the
    article's named graph, or None for the default graph): the default graph's
    (:func:`default_quads`), then each article's graph in id order (:func:`article_quads`).
    :func:`to_dataset` and the exports (:func:`kg.rdf.nquads.nquads_blocks`) are made of
    these.

    The local path each article was read from (``kg:sourcePath``) is left out unless
    ``source_paths``: published data should not depend on where a file sat."""
    yield from default_quads(graph, base, source_paths=source_paths)
    by_article = graph.by_article()
    for article_id in sorted(by_article):
        yield from article_quads(graph, *by_article[article_id], base)


def default_quads(graph: KnowledgeGraph, base: str | None = None, *,
                  source_paths: bool = False) -> Iterator[tuple[URIRef, URIRef, Node, None]]:
    """The default graph's quads: every article's metadata and text, every entity."""
    data = DataNamespaces(base) if base else DataNamespaces()

    for article in sorted(graph.articles.values(), key=lambda a: a.id):
        doc = data.article(article.id)
        yield doc, RDF.type, SCHEMA.NewsArticle, None
        yield doc, KG.articleId, Literal(article.id), None
        yield doc, SCHEMA.headline, Literal(article.title), None
        yield doc, NIF.isString, Literal(article.text), None
        yield doc, KG.sha256, Literal(article.sha256), None
        if source_paths and article.source:
            yield doc, KG.sourcePath, Literal(article.source), None
        if article.url:
            yield doc, SCHEMA.url, Literal(article.url), None
        if article.published:
            yield doc, SCHEMA.datePublished, Literal(article.published), None
        if article.publisher:
            yield doc, KG.publisherName, Literal(article.publisher), None

    for entity in graph.entity_list():
        node = data.entity(entity.id)
        yield node, RDF.type, TYPE_CLASSES.get(entity.type, KG.Entity), None
        yield node, KG.entityId, Literal(entity.id), None
        yield node, KG.entityType, Literal(entity.type), None
        yield node, RDFS.label, Literal(entity.label), None
        yield node, KG.mentionCount, Literal(entity.mention_count), None
        for alias in entity.aliases:
            yield node, SKOS.altLabel, Literal(alias), None
        for key in name_keys(entity):
            yield node, KG.nameKey, Literal(key), None
        for article_id in entity.articles:
            yield node, KG.mentionedIn, data.article(article_id), None
        if entity.wikidata:
            yield node, OWL.sameAs, WD[entity.wikidata], None


def article_quads(graph: KnowledgeGraph, mentions: list[Mention], relations: list[Relation],
                  base: str | None = None) -> Iterator[tuple[URIRef, URIRef, Node, URIRef]]:
    """One article's named graph: its ``mentions`` and the statements of its ``relations``
    (as :meth:`KnowledgeGraph.by_article` gives them), each with its evidence."""
    data = DataNamespaces(base) if base else DataNamespaces()

    for mention in mentions:
        named = data.article(mention.article)
        node = data.mention(_mention_id(mention))
        yield node, RDF.type, KG.Mention, named
        yield node, KG.refersTo, data.entity(mention.entity), named
        yield node, NIF.referenceContext, data.article(mention.article), named
        yield node, NIF.anchorOf, Literal(mention.text), named
        yield node, NIF.beginIndex, Literal(mention.start), named
        yield node, NIF.endIndex, Literal(mention.end), named
        yield node, KG.mentionKind, Literal(mention.kind), named
        yield node, KG.sentenceBegin, Literal(mention.sentence_start), named
        yield node, KG.sentenceEnd, Literal(mention.sentence_end), named

    for relation in relations:
        key = statement_id(relation)
        ev = relation.evidence
        named = data.article(ev.article)
        subject, obj = data.entity(relation.subject), data.entity(relation.object)
        slug = predicate_slug(relation.predicate)
        statement, evidence = data.statement(key), data.evidence(key)
        if not ev.negated and not ev.inferred:
            yield subject, REL[slug], obj, named
        yield subject, P[slug], statement, named
        yield statement, RDF.type, KG.Statement, named
        yield statement, PS[slug], obj, named
        yield statement, KG.subject, subject, named
        yield statement, KG.object, obj, named
        yield statement, KG.predicateLabel, Literal(relation.predicate), named
        if relation.type:
            yield statement, KG.relationType, KGT[relation.type], named
        yield statement, PQ.negated, Literal(ev.negated), named
        yield statement, PQ.hedged, Literal(ev.hedged), named
        yield statement, PQ.confidence, Literal(Decimal(str(ev.confidence))), named
        if ev.attributed_to:
            if ev.attributed_to in graph.graph:
                yield statement, PQ.accordingTo, data.entity(ev.attributed_to), named
            else:
                yield statement, PQ.accordingToText, Literal(ev.attributed_to), named
        if ev.time:
            since = (ev.time_text or "").lower().startswith("since")
            yield statement, PQ.since if since else PQ.pointInTime, _time_literal(ev.time), named
        if ev.time_text:
            yield statement, PQ.timeText, Literal(ev.time_text), named
        yield statement, PROV.wasDerivedFrom, evidence, named
        yield evidence, RDF.type, KG.Evidence, named
        yield evidence, PROV.wasQuotedFrom, data.article(ev.article), named
        article = graph.articles.get(ev.article)
        if article is None or article.text[ev.start:ev.end] != ev.sentence:
            yield evidence, NIF.anchorOf, Literal(ev.sentence), named
        yield evidence, NIF.beginIndex, Literal(ev.start), named
        yield evidence, NIF.endIndex, Literal(ev.end), named
        yield evidence, KG.extractor, Literal(ev.extractor), named
        if ev.inferred:
            yield statement, KG.inferred, Literal(True), named


def to_dataset(graph: KnowledgeGraph, base: str | None = None, *,
               source_paths: bool = False) -> Dataset:
    """The graph as an rdflib Dataset: default graph + one named graph per article
    (:func:`quads`)."""
    dataset = Dataset()
    bind_all(dataset, DataNamespaces(base) if base else DataNamespaces())
    graphs = {None: dataset.graph(DATASET_DEFAULT_GRAPH_ID)}
    for subject, predicate, obj, name in quads(graph, base, source_paths=source_paths):
        target = graphs.get(name)
        if target is None:
            target = graphs[name] = dataset.graph(name)
        target.add((subject, predicate, obj))
    return dataset


def _one(graph: Graph, subject, predicate, default=None):
    value = next(graph.objects(subject, predicate), None)
    return default if value is None else value


def _local(ids: dict[URIRef, str], iri: URIRef) -> str:
    """The id of an article IRI; its last path segment when the article is not described."""
    return ids.get(iri) or str(iri).rsplit("/", 1)[-1]


def _article_text(graph: KnowledgeGraph, article_id: str) -> str:
    article = graph.articles.get(article_id)
    return article.text if article is not None else ""


def _text(value) -> str | None:
    return None if value is None else str(value)


def from_rdf(rdf: Graph | Dataset) -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from kg's RDF (a Dataset, or all quads merged in one Graph)."""
    union = Graph()
    if isinstance(rdf, Dataset):
        for s, p, o, _ in rdf.quads((None, None, None, None)):
            union.add((s, p, o))
    else:
        union = rdf
    graph = KnowledgeGraph()
    article_ids: dict[URIRef, str] = {}
    for doc in sorted(union.subjects(RDF.type, SCHEMA.NewsArticle)):
        article_id = str(_one(union, doc, KG.articleId))
        article_ids[doc] = article_id
        graph.add_article(Article(
            id=article_id,
            title=str(_one(union, doc, SCHEMA.headline, "")),
            text=str(_one(union, doc, NIF.isString, "")),
            url=_text(_one(union, doc, SCHEMA.url)),
            published=_text(_one(union, doc, SCHEMA.datePublished)),
            publisher=_text(_one(union, doc, KG.publisherName)),
            sha256=str(_one(union, doc, KG.sha256, "")),
            source=str(_one(union, doc, KG.sourcePath, "")),
        ))
    entity_ids: dict[URIRef, str] = {}
    for node in sorted(union.subjects(KG.entityId, None)):
        entity_id = str(_one(union, node, KG.entityId))
        entity_ids[node] = entity_id
        wikidata = _one(union, node, OWL.sameAs)
        graph.add_entity(Entity(
            id=entity_id,
            label=str(_one(union, node, RDFS.label, entity_id)),
            type=str(_one(union, node, KG.entityType, "")),
            aliases=tuple(sorted((str(a) for a in union.objects(node, SKOS.altLabel)),
                                 key=lambda a: (a.lower(), a))),
            wikidata=str(wikidata).rsplit("/", 1)[-1] if wikidata is not None else None,
            mention_count=int(_one(union, node, KG.mentionCount, 0)),
            articles=tuple(sorted(article_ids.get(a, str(a).rsplit("/", 1)[-1])
                                  for a in union.objects(node, KG.mentionedIn))),
        ))
    for node in union.subjects(RDF.type, KG.Mention):
        graph.add_mention(Mention(
            article=_local(article_ids, _one(union, node, NIF.referenceContext)),
            start=int(_one(union, node, NIF.beginIndex)),
            end=int(_one(union, node, NIF.endIndex)),
            text=str(_one(union, node, NIF.anchorOf)),
            entity=entity_ids[_one(union, node, KG.refersTo)],
            kind=str(_one(union, node, KG.mentionKind, "name")),
            sentence_start=int(_one(union, node, KG.sentenceBegin, 0)),
            sentence_end=int(_one(union, node, KG.sentenceEnd, 0)),
        ))
    for statement in union.subjects(RDF.type, KG.Statement):
        evidence_node = _one(union, statement, PROV.wasDerivedFrom)
        according = _one(union, statement, PQ.accordingTo)
        attributed = entity_ids.get(according) if according is not None else _text(
            _one(union, statement, PQ.accordingToText))
        time = _one(union, statement, PQ.since) or _one(union, statement, PQ.pointInTime)
        relation_type = _one(union, statement, KG.relationType)
        article_id = _local(article_ids, _one(union, evidence_node, PROV.wasQuotedFrom))
        start = int(_one(union, evidence_node, NIF.beginIndex))
        end = int(_one(union, evidence_node, NIF.endIndex))
        sentence = _one(union, evidence_node, NIF.anchorOf)  # else the article's text there
        evidence = Evidence(
            article=article_id,
            sentence=str(sentence) if sentence is not None else _article_text(graph, article_id)[start:end],
            start=start,
            end=end,
            confidence=float(_one(union, statement, PQ.confidence, 1.0)),
            negated=bool(_one(union, statement, PQ.negated, False).toPython()),
            hedged=bool(_one(union, statement, PQ.hedged, False).toPython()),
            attributed_to=attributed,
            time=_text(time),
            time_text=_text(_one(union, statement, PQ.timeText)),
            extractor=str(_one(union, evidence_node, KG.extractor, "")),
            inferred=bool(_one(union, statement, KG.inferred, Literal(False)).toPython()),
        )
        relation = Relation(
            subject=entity_ids[_one(union, statement, KG.subject)],
            predicate=str(_one(union, statement, KG.predicateLabel)),
            object=entity_ids[_one(union, statement, KG.object)],
            type=str(relation_type).rsplit("/", 1)[-1] if relation_type is not None else None,
            evidence=evidence,
        )
        graph.add_relation(relation)
    return graph

