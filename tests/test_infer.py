"""Relations inferred from a whole article (kg.infer): opt-in, marked, kept off truthy edges."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.build import build_articles
from kg.cli import app
from kg.infer import COUNTRY_OF_ARTICLE, infer_relations
from kg.model import Article
from kg.query import query
from kg.rdf.convert import from_rdf, to_dataset
from kg.rdf.namespaces import KG, REL
from kg.records import evidence_flags

# article text -> the (place, country) pairs inferred
COUNTRY_OF_ARTICLE_CASES = [
    ("The festival opened in Bergen on Friday. Crowds came from Oslo and from across Norway.",
     {("bergen", "norway"), ("oslo", "norway")}),
    # two countries: no single country of the article
    ("The festival opened in Bergen on Friday. Crowds came from Sweden and Norway.", set()),
    # the article states it already: nothing inferred twice
    ("The summit was held in Bergen, Norway, on Friday.", set()),
    # a continent is not inside the country
    ("Ministers from Europe met in Bergen. Norway hosted them.", {("bergen", "norway")}),
    # people and organisations are not places
    ("Equinor opened an office in Stavanger. Norway owns most of Equinor.",
     {("stavanger", "norway")}),
]


def _build(text: str, **options):
    return build_articles([Article("a1", "Test", text)], **options)


@pytest.mark.parametrize(("text", "expected"), COUNTRY_OF_ARTICLE_CASES)
def test_country_of_article(text, expected):
    graph = _build(text)
    inferred = infer_relations(graph)
    assert {(r.subject, r.object) for r in inferred} == expected
    for relation in inferred:
        ev = relation.evidence
        assert relation.type == "located_in" and relation.predicate == "located in"
        assert ev.inferred and ev.extractor == COUNTRY_OF_ARTICLE and not ev.negated
        assert text[ev.start:ev.end] == ev.sentence  # where the article first names the place
        assert graph.get_entity(relation.subject).label in ev.sentence


def test_stated_only_by_default_and_inferred_on_request():
    text = COUNTRY_OF_ARTICLE_CASES[0][0]
    assert not any(r.evidence.inferred for r in _build(text).relation_list())
    graph = _build(text, infer=True)
    inferred = [r for r in graph.relation_list() if r.evidence.inferred]
    assert {(r.subject, r.object) for r in inferred} == {("bergen", "norway"), ("oslo", "norway")}
    assert evidence_flags(inferred[0].evidence)[0] == "inferred"
    assert not any(r.evidence.inferred for r in graph.relations(include_inferred=False))


def test_inferred_statements_have_no_truthy_edge_and_survive_rdf():
    graph = _build(COUNTRY_OF_ARTICLE_CASES[0][0], infer=True)
    dataset = to_dataset(graph)
    assert len(list(dataset.quads((None, KG.inferred, None, None)))) == 2
    assert list(dataset.quads((None, KG.subject, None, None)))  # statements are there
    assert not list(dataset.quads((None, REL["located-in"], None, None)))  # truthy: stated only
    assert from_rdf(dataset) == graph


def test_cli_build_infer(tmp_path):
    (tmp_path / "a.txt").write_text(COUNTRY_OF_ARTICLE_CASES[0][0], encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                                      "--infer", "--no-diagram", "--formats", "json"])
    assert result.exit_code == 0, result.output
    assert "(2 inferred)" in result.output
    relations = json.loads((tmp_path / "out/graph.json").read_text())["relations"]
    assert sum(r["evidence"]["inferred"] for r in relations) == 2


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_queries_mark_inferred_statements_and_do_not_count_them_as_support(engine):
    text = ("The festival opened in Bergen on Friday. Crowds came from Oslo and from across "
            "Norway.")
    graph = build_articles([Article("a1", "One", text), Article("a2", "Two", text)], infer=True)
    rows = query(graph, "relations", engine=engine)
    inferred = {(r["subject"], r["object"], r["article"]) for r in rows if r["inferred"] is True}
    assert inferred == {(p, "Norway", a) for p in ("Bergen", "Oslo") for a in ("a1", "a2")}
    corroborated = query(graph, "corroborated", params={"n": 2}, engine=engine)
    assert not any(r["predicate"] == "located in" for r in corroborated)


def test_graphml_and_networkx_carry_the_inferred_flag(tmp_path):
    import networkx as nx

    from kg.rdf.export import write_exports

    graph = _build(COUNTRY_OF_ARTICLE_CASES[0][0], infer=True)
    write_exports(graph, tmp_path, formats=("graphml",))
    edges = nx.read_graphml(tmp_path / "graph.graphml").edges(data=True)
    assert sorted((a, b) for a, b, data in edges if data["inferred"]) == [("bergen", "norway"),
                                                                        ("oslo", "norway")]


def test_drawings_mark_inferred_edges():
    from kg.draw import draw

    figure = draw(_build(COUNTRY_OF_ARTICLE_CASES[0][0], infer=True))
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend() is not None]
    assert "inferred" in [text.get_text() for legend in legends for text in legend.get_texts()]
    assert "inferred" not in [text.get_text() for ax in draw(_build(COUNTRY_OF_ARTICLE_CASES[0][0])).axes
                              if ax.get_legend() for text in ax.get_legend().get_texts()]
