"""The relation schema and its published vocabulary agree."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDFS, Graph

from kg.rdf.namespaces import KG, KGT
from kg.schema import RELATION_TYPES


def test_vocabulary_lists_every_relation_type_with_its_wikidata_properties():
    vocab = Graph().parse(Path(__file__).resolve().parent.parent / "kg/rdf/vocab.ttl")
    for type_id, rtype in RELATION_TYPES.items():
        published = {str(p).rsplit("/", 1)[-1] for p in vocab.objects(KGT[type_id], KG.wikidataProperty)}
        assert published == set(rtype.wikidata), type_id
        assert str(vocab.value(KGT[type_id], RDFS.label)) == rtype.label, type_id
        assert str(vocab.value(KGT[type_id], RDFS.comment)) == rtype.description, type_id
        inverse = vocab.value(KGT[type_id], KG.wikidataInverse)
        assert (inverse.toPython() if inverse is not None else False) == rtype.inverse, type_id
