"""kg's own lossless graph format: ``graph.json``.

One JSON object with ``kg_format`` (1), then the articles, entities, mentions and relations of
a :class:`~kg.graph.KnowledgeGraph`, each a list of records in a fixed order, one compact
line per record (json's C encoder; the indenting encoder is pure Python and made this file
cost more than the parse of a large archive). The same graph gives the same bytes.

>>> from kg.graph import KnowledgeGraph
>>> from kg.model import Article, Entity
>>> g = KnowledgeGraph()
>>> g.add_article(Article("x", "A title", "Some text."))
>>> g.add_entity(Entity("a", "A", "PERSON"))
>>> fill_from_dict(KnowledgeGraph(), graph_dict(g)) == g
True
>>> b"".join(json_lines(g)).splitlines()[0]
b'{"kg_format": 1,'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import fields
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from kg.model import Article, Entity, Evidence, Mention, Relation

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["FORMAT_VERSION", "graph_dict", "fill_from_dict", "json_lines", "plain"]

FORMAT_VERSION = 1
_PARTS = ("articles", "entities", "mentions", "relations")


def plain(item) -> dict:
    """A record (article, entity, mention, relation) as the dict ``dataclasses.asdict``
    gives, without its deep copies: kg's records hold strings, numbers and tuples, and a
    relation its evidence."""
    names, values = _fields_of(type(item))
    data = dict(zip(names, values(item), strict=True))
    if "evidence" in data:
        names, values = _fields_of(Evidence)
        data["evidence"] = dict(zip(names, values(data["evidence"]), strict=True))
    return data


@lru_cache(maxsize=16)
def _fields_of(cls) -> tuple[tuple[str, ...], Callable]:
    """A record class's field names, and what gives an instance's values as a tuple."""
    names = tuple(f.name for f in fields(cls))
    getter = attrgetter(*names)
    return names, (getter if len(names) > 1 else lambda item: (getter(item),))


def graph_dict(graph: KnowledgeGraph) -> dict:
    """The graph as a JSON-ready dict."""
    return {"kg_format": FORMAT_VERSION,
            **{name: [plain(item) for item in items] for name, items in zip(_PARTS, graph._content(),
                                                                              strict=True)}}


def fill_from_dict(graph: KnowledgeGraph, data: dict) -> KnowledgeGraph:
    """``graph`` (empty) with what :func:`graph_dict` describes."""
    if data.get("kg_format") != FORMAT_VERSION:
        raise ValueError(f"not a kg graph file (kg_format {data.get('kg_format')!r})")
    for item in data["articles"]:
        graph.add_article(Article(**item))
    for item in data["entities"]:
        graph.add_entity(Entity(**{**item, "aliases": tuple(item["aliases"]),
                                   "articles": tuple(item["articles"])}))
    for item in data["mentions"]:
        graph.add_mention(Mention(**item))
    for item in data["relations"]:
        graph.add_relation(Relation(**{**item, "evidence": Evidence(**item["evidence"])}))
    return graph


def json_lines(graph: KnowledgeGraph) -> Iterator[bytes]:
    """``graph.json``'s bytes, in pieces: one compact line per record."""
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    yield f'{{"kg_format": {FORMAT_VERSION}'.encode()
    for name, items in zip(_PARTS, graph._content(), strict=True):
        yield f',\n"{name}": ['.encode()
        separator = "\n"
        for item in items:
            yield (separator + encode(plain(item))).encode("utf-8")
            separator = ",\n"
        yield b"\n]"
    yield b"}\n"
