"""KnowledgeGraph <-> RDF, following the statement model of ``docs`` and ``vocab.ttl``: the
graph as an rdflib Dataset (:func:`to_dataset`, made from the Oxigraph quads of
:mod:`kg.rdf.quads`, which every export is written from) and back (:func:`from_rdf`).

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

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.graph import KnowledgeGraph
from kg.model import Article, Entity, Evidence, Mention, Relation
from kg.rdf.namespaces import (
    KG,
    NIF,
    PQ,
    SCHEMA,
    DataNamespaces,
    bind_all,
)
from kg.rdf.quads import quads

__all__ = ["to_dataset", "from_rdf"]


def to_dataset(graph: KnowledgeGraph, base: str | None = None, *,
               source_paths: bool = False) -> Dataset:
    """The graph as an rdflib Dataset: default graph + one named graph per article, the
    quads of :func:`kg.rdf.quads.quads` (read through their N-Quads)."""
    text = ox.serialize(quads(graph, base, source_paths=source_paths), format=ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    bind_all(dataset, DataNamespaces(base) if base else DataNamespaces())
    dataset.parse(data=text.decode("utf-8"), format="nquads")
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

