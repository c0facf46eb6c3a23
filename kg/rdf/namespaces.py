"""Namespaces of kg's RDF model.

The vocabulary (``kg:``, ``rel:``, ``p:``, ``ps:``, ``pq:``, ``kgt:``) is fixed and
published in ``kg/rdf/vocab.ttl``. Data IRIs (entities, articles, statements, evidence,
mentions, links) hang off a configurable base IRI.

>>> ns = DataNamespaces("https://news.example/")
>>> ns.entity("elon-musk")
rdflib.term.URIRef('https://news.example/entity/elon-musk')
>>> REL["be-in-contact-with"]
rdflib.term.URIRef('https://example.org/kg/rel/be-in-contact-with')
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = ["KG", "REL", "P", "PS", "PQ", "KGT", "SCHEMA", "NIF", "WD", "DataNamespaces",
           "DEFAULT_BASE", "bind_all", "kg_prefixes", "RDF", "RDFS", "SKOS", "OWL", "PROV", "XSD"]

VOCAB_ROOT = "https://example.org/kg/"
KG = Namespace(VOCAB_ROOT + "vocab#")
REL = Namespace(VOCAB_ROOT + "rel/")  # truthy edges: ent:a rel:meet ent:b
P = Namespace(VOCAB_ROOT + "p/")  # subject -> statement node
PS = Namespace(VOCAB_ROOT + "ps/")  # statement node -> object
PQ = Namespace(VOCAB_ROOT + "pq/")  # statement qualifiers
KGT = Namespace(VOCAB_ROOT + "type/")  # relation types of kg.schema
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")

DEFAULT_BASE = "https://example.org/kg/data/"


@dataclass(frozen=True)
class DataNamespaces:
    """IRIs of the data, under ``base``."""

    base: str = DEFAULT_BASE

    def entity(self, entity_id: str) -> URIRef:
        return URIRef(f"{self.base}entity/{entity_id}")

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}")

    def statement(self, statement_id: str) -> URIRef:
        return URIRef(f"{self.base}statement/{statement_id}")

    def evidence(self, statement_id: str) -> URIRef:
        return URIRef(f"{self.base}evidence/{statement_id}")

    def mention(self, mention_id: str) -> URIRef:
        return URIRef(f"{self.base}mention/{mention_id}")

    def link(self, link_id: str) -> URIRef:
        return URIRef(f"{self.base}link/{link_id}")

    def prefixes(self) -> dict[str, str]:
        return {"ent": f"{self.base}entity/", "doc": f"{self.base}article/",
                "st": f"{self.base}statement/", "ev": f"{self.base}evidence/",
                "mn": f"{self.base}mention/", "lk": f"{self.base}link/"}


def kg_prefixes(data: DataNamespaces) -> dict[str, str]:
    """Every prefix kg writes, to its namespace: the vocabulary's and the data's.

    >>> kg_prefixes(DataNamespaces("https://news.example/"))["ent"]
    'https://news.example/entity/'
    """
    fixed = {"kg": KG, "rel": REL, "p": P, "ps": PS, "pq": PQ, "kgt": KGT, "schema": SCHEMA,
             "nif": NIF, "wd": WD, "prov": PROV, "skos": SKOS, "owl": OWL, "xsd": XSD,
             "rdfs": RDFS, "rdf": RDF}
    return {prefix: str(namespace) for prefix, namespace in {**fixed, **data.prefixes()}.items()}


def bind_all(graph, data: DataNamespaces) -> None:
    """Bind every kg prefix on an rdflib graph or dataset."""
    for prefix, namespace in kg_prefixes(data).items():
        graph.bind(prefix, Namespace(namespace), override=True, replace=True)
