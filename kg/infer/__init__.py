"""Relations kg infers from a whole article, not from one sentence: opt-in, always marked.

kg's edges are what an article states. Some facts an article only implies: a report from
Norway that names Bergen and Oslo may never say they are in Norway. ``kg build
--infer`` adds such facts as *inferred* statements, kept apart from stated ones:

- their evidence has ``inferred=True``, names the model in ``extractor``
  (``kg.infer/located-in-model``) and carries the model's probability as ``confidence``;
  its sentence is where the article first names the subject;
- they get no truthy ``rel:`` edge in RDF (SPARQL over truthy edges sees stated facts only);
- drawings show them dash-dotted, and ``kg show`` flags them ``inferred``.

One relation type is inferred for now, ``located in``, by the **located-in model**
(:mod:`kg.infer.model`): for every place or organisation an article names and every
other place it names, a logistic regression over what the article shows about the pair
(:mod:`kg.infer.features`: how many countries the article names and how often, whether
the two share a sentence, whether the article states the subject is in some other place
...) gives the probability that the subject is located in the place; kg states the pair
when that probability is at least the model's threshold (0.5). It was trained on half of
the Re-DocRED dev documents (Wikipedia; ``training/train_located_in.py``) and is measured
on the other half by ``python benchmarks/redocred.py`` (benchmarks/README.md).

Examples
--------
>>> from kg.build import build_articles
>>> from kg.model import Article
>>> text = ("Bergen is a city on the west coast of Norway. The festival opened in Bergen "
...         "on Friday. Crowds came from Oslo and from across Norway.")
>>> graph = build_articles([Article("a1", "Bergen", text)])
>>> for relation in infer_relations(graph):  # confidences to one decimal: refits move the second
...     print(relation.subject, relation.object, round(relation.evidence.confidence, 1))
bergen norway 0.9
oslo norway 0.8
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer
from kg.graph import KnowledgeGraph
from kg.infer.features import ArticleContext, candidate_pairs, pair_features
from kg.infer.model import LocatedInModel
from kg.model import Evidence, Mention, Relation

__all__ = ["LOCATED_IN_MODEL", "add_inferred", "explain_inferred", "infer_relations"]

LOCATED_IN_MODEL = "kg.infer/located-in-model"


def infer_relations(graph: KnowledgeGraph, gazetteer: Gazetteer | None = None,
                    model: LocatedInModel | None = None) -> list[Relation]:
    """The relations inferred for every article of ``graph``, sorted; none are added."""
    model = model or LocatedInModel.bundled()
    inferred = []
    for context in ArticleContext.every(graph, gazetteer).values():
        for subject, place in candidate_pairs(context):
            probability = model.probability(pair_features(context, subject, place))
            if probability >= model.threshold:
                inferred.append(_located_in(graph, context.first_mentions[subject], place,
                                            probability))
    return sorted(inferred, key=Relation.sort_key)


def add_inferred(graph: KnowledgeGraph, gazetteer: Gazetteer | None = None,
                 model: LocatedInModel | None = None) -> int:
    """Add :func:`infer_relations` to ``graph``; returns how many were added."""
    relations = infer_relations(graph, gazetteer, model)
    for relation in relations:
        graph.add_relation(relation)
    return len(relations)


def explain_inferred(graph: KnowledgeGraph, relation: Relation, top: int = 3,
                     model: LocatedInModel | None = None) -> list[tuple[str, float]]:
    """Why the located-in model inferred ``relation``: its ``top`` largest feature
    contributions (the constant term left out), largest first; [] for a relation the model
    did not infer.

    >>> from kg.build import build_articles
    >>> from kg.model import Article
    >>> text = ("Bergen is a city on the west coast of Norway. The festival opened in Bergen "
    ...         "on Friday. Crowds came from Oslo and from across Norway.")
    >>> graph = build_articles([Article("a1", "Bergen", text)], infer=True)
    >>> oslo = next(r for r in graph.relation_list() if r.subject == "oslo")
    >>> [name for name, _ in explain_inferred(graph, oslo)]
    ['place in first sentence', "country's share of country mentions", 'subject type=GPE']
    """
    if relation.evidence.extractor != LOCATED_IN_MODEL:
        return []
    model = model or LocatedInModel.bundled()
    context = ArticleContext.of(graph, relation.evidence.article)
    features = pair_features(context, relation.subject, relation.object)
    return [part for part in model.explain(features) if part[0] != "bias"][:top]


def _located_in(graph: KnowledgeGraph, mention: Mention, place: str, probability: float) -> Relation:
    text = graph.articles[mention.article].text
    evidence = Evidence(
        article=mention.article,
        sentence=text[mention.sentence_start:mention.sentence_end],
        start=mention.sentence_start,
        end=mention.sentence_end,
        confidence=round(probability, 2),
        extractor=LOCATED_IN_MODEL,
        inferred=True,
    )
    return Relation(mention.entity, "located in", place, "located_in", evidence)
