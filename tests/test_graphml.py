"""GraphML: kg's streamed writer gives the document networkx's writer gives."""

from __future__ import annotations

import io

import networkx as nx

from kg.graph import KnowledgeGraph
from kg.graphml import graphml_text
from kg.model import Article, Entity, Evidence, Relation


def networkx_text(graph: KnowledgeGraph) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(graph.to_networkx(), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def test_the_seed_graph_as_networkx_writes_it(seed_graph):
    assert graphml_text(seed_graph) == networkx_text(seed_graph)


def test_escaping_and_empty_graphs_as_networkx_writes_them():
    tricky = KnowledgeGraph()
    tricky.add_article(Article("x", "t", 'A & <B> said "no"\tthen\nleft.'))
    tricky.add_entity(Entity("a", 'A & <B> "x"', "ORG", aliases=("A\tB",)))
    tricky.add_entity(Entity("b", "B", "PERSON"))
    tricky.add_relation(Relation("a", "say", "b", None,
                                 Evidence("x", 'A & <B> said "no"\tthen\nleft.', 0, 31)))
    for graph in (tricky, KnowledgeGraph()):
        assert graphml_text(graph) == networkx_text(graph)
    read = nx.read_graphml(io.BytesIO(graphml_text(tricky).encode("utf-8")))
    assert read.nodes["a"]["label"] == 'A & <B> "x"'
