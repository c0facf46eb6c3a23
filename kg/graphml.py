"""GraphML of a graph, streamed: the bytes networkx's ``write_graphml`` writes, made faster.

networkx builds an ElementTree of the whole graph, indents it and writes it; on a large
archive that took longer than any other export but the N-Quads. This writes the same
document line by line from :meth:`kg.graph.KnowledgeGraph.to_networkx` (the same nodes,
edges and order; attribute keys declared as networkx declares them: ``d0`` ... in the order
first seen, listed last first), so ``networkx.read_graphml`` and every other GraphML reader
read it as before.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.model import Entity
>>> g = KnowledgeGraph()
>>> g.add_entity(Entity("a", "A & B", "ORG"))
>>> text = graphml_text(g)
>>> '<data key="d0">A &amp; B</data>' in text
True
>>> import io, networkx as nx
>>> nx.read_graphml(io.BytesIO(text.encode("utf-8"))).nodes["a"]["label"]
'A & B'
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.io import atomic_write_chunks

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["graphml_lines", "graphml_text", "write_graphml"]

_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
         '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
         'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
# GraphML's name of each Python type of a value (networkx's table, for the types kg writes)
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _text(value: str) -> str:  # as ElementTree escapes element text
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:  # as ElementTree escapes attribute values
    return (_text(value).replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#09;"))


def graphml_lines(graph: KnowledgeGraph) -> Iterator[str]:
    """The GraphML document of ``graph``, a line at a time."""
    plain = graph.to_networkx()
    keys: dict[tuple[str, str], str] = {}  # (scope, name) -> key id, in the order first seen
    declared: list[str] = []

    def key(scope: str, name: str, value) -> str:
        found = keys.get((scope, name))
        if found is None:
            found = keys[(scope, name)] = f"d{len(keys)}"
            declared.append(f'  <key id="{found}" for="{scope}" attr.name="{_attribute(name)}" '
                            f'attr.type="{_TYPES.get(type(value), "string")}" />\n')
        return found

    def element(tag: str, attributes: str, data: dict) -> list[str]:
        if not data:
            return [f"    <{tag} {attributes} />\n"]
        lines = [f"    <{tag} {attributes}>\n"]
        for name, value in data.items():
            text = _text(str(value))
            at = key(tag, name, value)
            lines.append(f'      <data key="{at}">{text}</data>\n' if text
                         else f'      <data key="{at}" />\n')
        lines.append(f"    </{tag}>\n")
        return lines

    body = []
    for node, data in plain.nodes(data=True):
        body += element("node", f'id="{_attribute(str(node))}"', data)
    for source, target, edge_key, data in plain.edges(data=True, keys=True):
        body += element("edge", f'source="{_attribute(str(source))}" target="{_attribute(str(target))}" '
                                f'id="{_attribute(str(edge_key))}"', data)
    yield _HEAD + "\n"
    yield from reversed(declared)
    if body:
        yield '  <graph edgedefault="directed">\n'
        yield from body
        yield "  </graph>\n"
    else:
        yield '  <graph edgedefault="directed" />\n'
    yield "</graphml>\n"


def graphml_text(graph: KnowledgeGraph) -> str:
    """The GraphML document of ``graph`` as one string."""
    return "".join(graphml_lines(graph))


def write_graphml(graph: KnowledgeGraph, path: str | Path) -> None:
    """Write ``graph``'s GraphML to ``path`` atomically, in pieces."""
    atomic_write_chunks(path, (line.encode("utf-8") for line in graphml_lines(graph)))
