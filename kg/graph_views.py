"""Parts and unions of a graph, and an entity's aliases from its mentions: what
:meth:`kg.graph.KnowledgeGraph.restricted`, ``remove_article``, ``article_graph``, ``merge``
and ``refresh_entities`` do.

>>> from kg.model import Mention
>>> mention_alias(Mention("a", 0, 20, "The Tesla C.E.O.'s", "elon-musk", "role"))
'the Tesla C.E.O.'
>>> mention_alias(Mention("a", 0, 3, "his", "elon-musk", "pronoun")) is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import Entity, Mention

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["restricted", "merged", "mention_alias", "entity_from_mentions"]


def restricted(graph: KnowledgeGraph, *, entities: set[str] | None = None,
               articles: set[str] | None = None) -> KnowledgeGraph:
    """A new graph with only these entities and/or articles of ``graph``, and what lies
    within them (each entity's counts, articles and aliases recomputed)."""
    from kg.graph import KnowledgeGraph  # noqa: F811 (the class, at run time)

    keep_articles = set(graph.articles) if articles is None else set(articles)
    mentioned = {m.entity for m in graph.mentions}
    result = KnowledgeGraph()
    for article_id in sorted(keep_articles & set(graph.articles)):
        result.add_article(graph.articles[article_id])
    mentions = [m for m in graph.mentions if m.article in keep_articles
                and (entities is None or m.entity in entities)]
    present = {m.entity for m in mentions}
    for entity in graph.entity_list():
        wanted = entities is None or entity.id in entities
        in_articles = entity.id in present or (entity.id not in mentioned and articles is None)
        if wanted and in_articles:
            result.add_entity(entity)
    for mention in mentions:
        result.add_mention(mention)
    for relation in graph.relation_list():
        if relation.evidence.article in keep_articles and relation.subject in result.graph \
                and relation.object in result.graph:
            result.add_relation(relation)
    result.refresh_entities()
    return result


def merged(first: KnowledgeGraph, second: KnowledgeGraph) -> KnowledgeGraph:
    """A new graph with both graphs' articles, entities, mentions and relations; an entity
    in both keeps ``first``'s label, type and Wikidata id."""
    from kg.graph import KnowledgeGraph  # noqa: F811 (the class, at run time)

    union = KnowledgeGraph()
    for source in (first, second):
        for article in source.articles.values():
            union.add_article(article)
    for entity in [*second.entity_list(), *first.entity_list()]:  # first's record wins
        union.graph.add_node(entity.id, entity=entity)
    seen = set()
    for mention in [*first.mentions, *second.mentions]:
        if mention not in seen:
            seen.add(mention)
            union.add_mention(mention)
    for source in (first, second):
        for relation in source.relation_list():
            union.add_relation(relation)
    union.refresh_entities()
    return union


def mention_alias(mention: Mention) -> str | None:
    """The alias a mention gives its entity: names, appositions and descriptions, cleaned."""
    if mention.kind not in ("name", "appos", "role"):
        return None
    text = " ".join(mention.text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.strip(" ,;:-—")
    if mention.kind != "name" and text.startswith("The "):
        text = "the " + text[4:]  # a description, capitalised at a sentence start
    return text or None


def entity_from_mentions(entity: Entity, mentions: list[Mention]) -> Entity:
    aliases = {mention_alias(m) for m in mentions} - {None, entity.label}
    return Entity(
        id=entity.id, label=entity.label, type=entity.type,
        aliases=tuple(sorted(aliases, key=lambda a: (a.lower(), a))),
        wikidata=entity.wikidata,
        mention_count=sum(1 for m in mentions if m.kind != "demonym"),
        articles=tuple(sorted({m.article for m in mentions})),
    )
