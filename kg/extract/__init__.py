"""Rule-based extraction over spaCy parses: mentions and coreference, relations, qualifiers."""

from kg.extract.coref import ArticleEntities, resolve_mentions
from kg.extract.relations import LocalRelation, extract_relations

__all__ = ["ArticleEntities", "LocalRelation", "extract_relations", "resolve_mentions"]
