"""Finding an entity by name: its id, label or any alias, ignoring case and accents (what
:meth:`kg.graph.KnowledgeGraph.entity`, ``kg show`` and ``kg draw --focus`` ask).

A label match wins over an alias match, and an alias match over one word of a person's name
("Xi" for "Xi Jinping"); places and organisations are never found by a word of their name
("Mexico" is not "New Mexico"). No match raises :class:`EntityNotFound` with close matches;
several raise :class:`AmbiguousEntity` with every candidate.

>>> import kg
>>> graph = kg.build(["seeds/"], min_confidence=0)
>>> find_entity(graph, "the Tesla C.E.O.").id
'elon-musk'
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from kg.model import Entity
from kg.names import normalize_name

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["EntityNotFound", "AmbiguousEntity", "find_entity"]


class EntityNotFound(LookupError):
    """No entity goes by the name; the message lists close matches."""


class AmbiguousEntity(LookupError):
    """Several entities go by the name; ``candidates`` lists them all."""

    def __init__(self, message: str, candidates: list[Entity]) -> None:
        super().__init__(message)
        self.candidates = candidates


def find_entity(graph: KnowledgeGraph, name: str | Entity) -> Entity:
    """The entity of ``graph`` called ``name`` (see the module's docstring for the order)."""
    if isinstance(name, Entity):
        return name
    if name in graph.graph:
        return graph.get_entity(name)
    key = normalize_name(name)
    by_label = [e for e in graph.entity_list() if normalize_name(e.label) == key]
    if len(by_label) == 1:
        return by_label[0]
    matches = by_label or [e for e in graph.entity_list()
                           if key in {normalize_name(a) for a in e.aliases}]
    if len(matches) == 1:
        return matches[0]
    if not matches and len(key.split()) == 1:  # one of a person's names: "Xi", "Jinping"
        matches = [e for e in graph.entity_list()  # (not "Mexico" for "New Mexico")
                   if e.type == "PERSON" and key in normalize_name(e.label).split()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listing = "; ".join(f"{e.label} ({e.type}, id {e.id})" for e in matches)
        raise AmbiguousEntity(f"{name!r} may mean: {listing}", matches)
    names = {normalize_name(n): e.label for e in graph.entity_list()
             for n in (e.label, *e.aliases)}
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    hint = f"; close matches: {', '.join(sorted({names[c] for c in close}))}" if close else ""
    raise EntityNotFound(f"no entity called {name!r}{hint}")
