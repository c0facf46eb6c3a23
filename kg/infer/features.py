"""What kg knows about a pair of entities from a whole article: the located-in model's input.

For every article, :func:`candidate_pairs` yields the (subject, place) pairs the
located-in model (:mod:`kg.infer.model`) may judge: a place or organisation the article
names, and another place it names, when the article does not already state that the
subject is located in that place. :func:`pair_features` describes a pair by named
features, every one something a reader can check in the article: how many countries it
names, whether the two share a sentence, whether the article states the subject is in
some other place, ... Training (``training/train_located_in.py``) and inference call the
same functions, so the model sees at run time what it saw in training.

Sentences are counted among those that mention some entity (kg keeps no other sentence
boundaries in a graph).

Examples
--------
>>> from kg.build import build_articles
>>> from kg.model import Article
>>> text = "The festival opened in Bergen on Friday. Crowds came from Oslo and from across Norway."
>>> graph = build_articles([Article("a1", "Bergen", text)])
>>> context = ArticleContext.of(graph, "a1")
>>> [(s, o) for s, o in candidate_pairs(context) if o == "norway"]
[('bergen', 'norway'), ('oslo', 'norway')]
>>> features = pair_features(context, "bergen", "norway")
>>> features["countries=1"], features["sentences apart=1"], features.get("same sentence", 0.0)
(1.0, 1.0, 0.0)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.extract.lexicon import PLACE_TYPES
from kg.gazetteer import Gazetteer
from kg.graph import KnowledgeGraph
from kg.model import Mention

__all__ = ["ArticleContext", "candidate_pairs", "pair_features", "PLACE_TYPES", "SUBJECT_TYPES"]

SUBJECT_TYPES = (*PLACE_TYPES, "ORG")


@dataclass
class ArticleContext:
    """One article's entities as the located-in model sees them.

    ``kinds`` holds each place's kind from the demonym table ("country", "state", ...;
    None for a place the table does not know, "" for an entity that is no place).
    """

    article: str
    types: dict[str, str]
    kinds: dict[str, str | None]
    mentions: Counter
    sentences: dict[str, set[int]]
    first: dict[str, tuple[int, int]]  # (sentence, character offset) of the first mention
    first_mentions: dict[str, Mention]
    stated_in: dict[str, set[str]] = field(default_factory=dict)  # located_in, stated
    related: set[frozenset] = field(default_factory=set)  # pairs with any stated relation
    countries: list[str] = field(default_factory=list)  # most mentioned first
    place_mentions: int = 0  # mentions of all places together
    first_named: str | None = None  # the entity the article names first

    @classmethod
    def every(cls, graph: KnowledgeGraph, gazetteer: Gazetteer | None = None) -> dict[str, ArticleContext]:
        """The context of every article of ``graph`` that mentions an entity, by article id."""
        gazetteer = gazetteer or Gazetteer.bundled()
        return {article: cls.of(graph, article, gazetteer, mentions, relations)
                for article, (mentions, relations) in sorted(graph.by_article().items()) if mentions}

    @classmethod
    def of(cls, graph: KnowledgeGraph, article: str, gazetteer: Gazetteer | None = None,
           mentions: list[Mention] | None = None, relations: list | None = None) -> ArticleContext:
        """The context of ``article`` in ``graph``; ``mentions``/``relations`` of that article
        may be passed when the caller has grouped them already."""
        gazetteer = gazetteer or Gazetteer.bundled()
        if mentions is None:
            mentions = [m for m in graph.mentions if m.article == article]
        if relations is None:
            relations = [r for r in graph.relation_list() if r.evidence.article == article]
        ordered = sorted(mentions, key=lambda m: (m.start, m.end, m.entity))
        sentence_index = {start: i for i, start in
                          enumerate(sorted({m.sentence_start for m in ordered}))}
        context = cls(article, {}, {}, Counter(), {}, {}, {})
        for mention in ordered:
            if mention.kind not in ("name", "demonym"):
                continue
            entity = mention.entity
            if entity not in context.types:
                record = graph.get_entity(entity)
                context.types[entity] = record.type
                context.kinds[entity] = (gazetteer.place_kind(record.label)
                                         if record.type in PLACE_TYPES else "")
            sentence = sentence_index[mention.sentence_start]
            context.mentions[entity] += 1
            context.sentences.setdefault(entity, set()).add(sentence)
            context.first.setdefault(entity, (sentence, mention.start))
            if mention.kind == "name":
                context.first_mentions.setdefault(entity, mention)
        for relation in relations:
            if relation.evidence.negated or relation.evidence.inferred:
                continue
            context.related.add(frozenset((relation.subject, relation.object)))
            if relation.type == "located_in":
                context.stated_in.setdefault(relation.subject, set()).add(relation.object)
        context.countries = sorted((e for e, kind in context.kinds.items() if kind == "country"),
                                   key=lambda e: (-context.mentions[e], context.first[e]))
        context.place_mentions = sum(context.mentions[e] for e, t in context.types.items()
                                     if t in PLACE_TYPES)
        context.first_named = min(context.first, key=context.first.get, default=None)
        return context


def candidate_pairs(context: ArticleContext) -> Iterator[tuple[str, str]]:
    """(subject, place) pairs the model judges: a subject named by name (a place that is no
    country, or an organisation), another place, no stated "located in" between them."""
    places = [e for e, t in context.types.items() if t in PLACE_TYPES]
    for subject in sorted(context.first_mentions):
        if context.types[subject] not in SUBJECT_TYPES or context.kinds[subject] == "country":
            continue
        for place in sorted(places):
            if place != subject and place not in context.stated_in.get(subject, ()):
                yield subject, place


def pair_features(context: ArticleContext, subject: str, place: str) -> dict[str, float]:
    """Named features of "``subject`` is located in ``place``"; absent features are 0."""
    kinds, types, mentions = context.kinds, context.types, context.mentions
    place_kind = str(kinds[place])
    features = {
        "bias": 1.0,
        f"subject type={types[subject]}": 1.0,
        f"subject kind={kinds[subject]}": 1.0,
        f"place type={types[place]}": 1.0,
        f"place kind={place_kind}": 1.0,
        f"subject type={types[subject]}, place kind={place_kind}": 1.0,
        "log mentions of subject": math.log1p(mentions[subject]),
        "log mentions of place": math.log1p(mentions[place]),
    }
    features["place's share of place mentions"] = mentions[place] / context.place_mentions
    countries = context.countries
    if place_kind == "country":
        features[f"countries={min(len(countries), 3)}"] = 1.0
        features[f"country rank={min(countries.index(place), 2)}"] = 1.0
        features["country's share of country mentions"] = (
            mentions[place] / sum(mentions[c] for c in countries))
        if any(mentions[c] >= mentions[place] for c in countries if c != place):
            features["another country named as often"] = 1.0
    stated_in = context.stated_in.get(subject, set())
    shared = len(context.sentences[subject] & context.sentences[place])
    apart = min(abs(a - b) for a in context.sentences[subject] for b in context.sentences[place])
    features.update({
        "same sentence": float(shared > 0),
        "log sentences shared": math.log1p(shared),
        f"sentences apart={min(apart, 3)}": 1.0,
        "place stated in subject": float(subject in context.stated_in.get(place, ())),
        "subject stated in a place stated in place": float(
            any(place in context.stated_in.get(middle, ()) for middle in stated_in)),
        "subject stated in another place": float(bool(stated_in)),
        "subject stated in a country": float(any(kinds.get(o) == "country" for o in stated_in)),
        "another relation stated": float(frozenset((subject, place)) in context.related),
        "subject named first in article": float(context.first_named == subject),
        "place in first sentence": float(0 in context.sentences[place]),
        "subject in first sentence": float(0 in context.sentences[subject]),
        "place named before subject": float(context.first[place] < context.first[subject]),
    })
    return {name: value for name, value in features.items() if value}
