"""Relations kg infers from a whole article, not from one sentence: opt-in, always marked.

kg's edges are what an article states. Some facts an article only implies: a report from
Norway that names Bergen and Oslo may never say they are in Norway. ``kg build
--infer`` adds such facts as *inferred* statements, kept apart from stated ones:

- their evidence has ``inferred=True`` and names the rule in ``extractor``
  (``kg.infer/country-of-article``), and its sentence is where the article first names
  the subject;
- they get no truthy ``rel:`` edge in RDF (SPARQL over truthy edges sees stated facts only);
- drawings show them dash-dotted, and ``kg show`` flags them ``inferred``.

One rule for now, **country of article**: when an article names exactly one country, every
other place it names (city, region, building, landmark; not a continent, a region spanning
countries, or a union) is ``located in`` that country, unless the article states that
place is located in a country (any country). Measured on the Re-DocRED dev documents
(Wikipedia, ``python benchmarks/redocred.py``): 0.64 of the inferred pairs that map to gold
entities are gold "located in" or "country" facts (0.69 on the half kg's pipeline never
trained on); the rule's ``confidence`` is that precision, rounded.

Examples
--------
>>> from kg.build import build_articles
>>> from kg.model import Article
>>> text = "The festival opened in Bergen on Friday. Crowds came from Oslo and from across Norway."
>>> graph = build_articles([Article("a1", "Bergen", text)])
>>> for relation in infer_relations(graph):
...     print(relation.subject, relation.object, relation.evidence.sentence)
bergen norway The festival opened in Bergen on Friday.
oslo norway Crowds came from Oslo and from across Norway.
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer
from kg.graph import KnowledgeGraph
from kg.model import Evidence, Mention, Relation

__all__ = ["COUNTRY_OF_ARTICLE", "COUNTRY_OF_ARTICLE_CONFIDENCE", "add_inferred", "infer_relations"]

COUNTRY_OF_ARTICLE = "kg.infer/country-of-article"
COUNTRY_OF_ARTICLE_CONFIDENCE = 0.65  # measured precision on Re-DocRED dev, rounded

PLACE_TYPES = ("GPE", "LOC", "FAC")
# kinds of place (kg/data/demonyms.tsv) that lie inside one country; a place the table does
# not know (None) is a town, a river, a building ...
_INSIDE_ONE_COUNTRY = (None, "state", "province", "territory")


def infer_relations(graph: KnowledgeGraph, gazetteer: Gazetteer | None = None) -> list[Relation]:
    """The relations the rules infer for every article of ``graph``, sorted; none are added."""
    gazetteer = gazetteer or Gazetteer.bundled()
    first_mentions: dict[str, dict[str, Mention]] = {}
    for mention in sorted(graph.mentions, key=lambda m: (m.article, m.start, m.end, m.entity)):
        if mention.kind == "name":
            first_mentions.setdefault(mention.article, {}).setdefault(mention.entity, mention)
    stated_in: dict[tuple[str, str], set[str]] = {}
    for relation in graph.relation_list():
        if relation.type == "located_in" and not relation.evidence.negated:
            key = (relation.evidence.article, relation.subject)
            stated_in.setdefault(key, set()).add(relation.object)
    inferred = []
    for article, mentions in sorted(first_mentions.items()):
        kinds = {entity: _place_kind(graph, gazetteer, entity) for entity in mentions}
        countries = [entity for entity, kind in kinds.items() if kind == "country"]
        if len(countries) != 1:
            continue
        country = countries[0]
        for entity, mention in sorted(mentions.items()):
            if entity == country or kinds[entity] not in _INSIDE_ONE_COUNTRY:
                continue  # not a place ("" kind), or a country, continent, region, union
            if any(_place_kind(graph, gazetteer, o) == "country"
                   for o in stated_in.get((article, entity), ())):
                continue
            inferred.append(_country_relation(graph, mention, country))
    return sorted(inferred, key=Relation.sort_key)


def add_inferred(graph: KnowledgeGraph, gazetteer: Gazetteer | None = None) -> int:
    """Add :func:`infer_relations` to ``graph``; returns how many were added."""
    relations = infer_relations(graph, gazetteer)
    for relation in relations:
        graph.add_relation(relation)
    return len(relations)


def _place_kind(graph: KnowledgeGraph, gazetteer: Gazetteer, entity: str) -> str | None:
    """"country", "continent", "state" ... for a place entity; "" for anything not a place."""
    record = graph.get_entity(entity)
    if record.type not in PLACE_TYPES:
        return ""
    return gazetteer.place_kind(record.label)


def _country_relation(graph: KnowledgeGraph, mention: Mention, country: str) -> Relation:
    text = graph.articles[mention.article].text
    evidence = Evidence(
        article=mention.article,
        sentence=text[mention.sentence_start:mention.sentence_end],
        start=mention.sentence_start,
        end=mention.sentence_end,
        confidence=COUNTRY_OF_ARTICLE_CONFIDENCE,
        extractor=COUNTRY_OF_ARTICLE,
        inferred=True,
    )
    return Relation(mention.entity, "located in", country, "located_in", evidence)
