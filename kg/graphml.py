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
    """The GraphML document of ``graph``, a line at a time: the keys first (a pass over the
    attributes finds them), then each node and edge as it is written, never the whole
    document at once."""
    plain = graph.to_networkx()
    keys: dict[tuple[str, str], str] = {}  # (scope, name) -> key id, in the order first seen
    declared: list[str] = []
    for scope, items in (("node", plain.nodes(data=True)), ("edge", plain.edges(data=True))):
        for *_, data in items:
            for name, value in data.items():
                if (scope, name) not in keys:
                    keys[(scope, name)] = f"d{len(keys)}"
                    declared.append(f'  <key id="{keys[(scope, name)]}" for="{scope}" '
                                    f'attr.name="{_attribute(name)}" '
                                    f'attr.type="{_TYPES.get(type(value), "string")}" />\n')

    def element(tag: str, attributes: str, data: dict) -> str:
        if not data:
            return f"    <{tag} {attributes} />\n"
        lines = [f"    <{tag} {attributes}>\n"]
        for name, value in data.items():
            text, at = _text(str(value)), keys[(tag, name)]
            lines.append(f'      <data key="{at}">{text}</data>\n' if text
                         else f'      <data key="{at}" />\n')
        lines.append(f"    </{tag}>\n")
        return "".join(lines)

    yield _HEAD + "\n"
    yield from reversed(declared)
    if not plain:
        yield '  <graph edgedefault="directed" />\n</graphml>\n'
        return
    yield '  <graph edgedefault="directed">\n'
    for node, data in plain.nodes(data=True):
        yield element("node", f'id="{_attribute(str(node))}"', data)
    for source, target, edge_key, data in plain.edges(data=True, keys=True):
        yield element("edge", f'source="{_attribute(str(source))}" target="{_attribute(str(target))}" '
                              f'id="{_attribute(str(edge_key))}"', data)
    yield "  </graph>\n</graphml>\n"


def graphml_text(graph: KnowledgeGraph) -> str:
    """The GraphML document of ``graph`` as one string."""
    return "".join(graphml_lines(graph))


def write_graphml(graph: KnowledgeGraph, path: str | Path) -> None:
    """Write ``graph``'s GraphML to ``path`` atomically, an element at a time."""
    atomic_write_chunks(path, (line.encode("utf-8") for line in graphml_lines(graph)))
