"""kg: news articles to a knowledge graph whose every edge carries its source.

>>> import kg
>>> graph = kg.build(["seeds/"])
>>> graph.entity("the Tesla C.E.O.").label
'Elon Musk'
"""

from kg.build import build
from kg.graph import AmbiguousEntity, EntityNotFound, KnowledgeGraph
from kg.rdf.export import load, write_exports

__all__ = ["build", "load", "write_exports", "KnowledgeGraph", "EntityNotFound", "AmbiguousEntity"]
__version__ = "0.1.0"
