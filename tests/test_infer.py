"""Relations inferred from a whole article (kg.infer): opt-in, marked, kept off truthy edges."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.build import build_articles
from kg.cli import app
from kg.infer import LOCATED_IN_MODEL, infer_relations
from kg.infer.features import ArticleContext, candidate_pairs, pair_features
from kg.infer.model import LocatedInModel
from kg.model import Article
from kg.query import query
from kg.rdf.convert import from_rdf, to_dataset
from kg.rdf.namespaces import KG, REL
from kg.records import evidence_flags

NORWAY = ("Bergen is a city on the west coast of Norway. The festival opened in Bergen on Friday. "
          "Crowds came from Oslo and from across Norway.")

SIEMENS = ("Siemens will build a new research campus in Erlangen, the company said on Tuesday. "
           "The engineering group, based in Munich, plans to invest 500 million euros in the site "
           "and to hire staff in Berlin and Dresden. Siemens is the largest industrial employer in "
           "Germany. Its chief executive said the campus would open in 2026.")

# article text -> the (subject, place) pairs the located-in model infers
LOCATED_IN_CASES = [
    (NORWAY, {("bergen", "norway"), ("oslo", "norway")}),
    # an organisation, and a town named only once
    ("Stavanger is a city in western Norway. The oil company Equinor opened an office in "
     "Stavanger on Monday. Crowds gathered in Sandnes.", {("equinor", "norway"), ("sandnes", "norway")}),
    # two countries named as often: neither is the article's country
    ("The festival opened in Bergen on Friday. Crowds came from Sweden and Norway.", set()),
    # stated already: nothing inferred twice
    ("The summit was held in Bergen, Norway, on Friday.", set()),
    # news naming several countries (a seed article's opening): nothing
    ("Elon Musk is in talks with Russia, the United States and Saudi Arabia about SpaceX.", set()),
    # a report naming its country only in its third sentence: the cities it names with the
    # company are put in it, barely (0.55), and so, at the threshold, is the campus town
    # named once before the country and apart from it (0.50), and, barely, the company
    # (0.51: "the largest industrial employer in Germany" is stated, but as no located-in
    # relation; the README quotes these)
    (SIEMENS, {("munich", "germany"), ("berlin", "germany"), ("dresden", "germany"),
               ("erlangen", "germany"), ("siemens", "germany")}),
]


def _build(text: str, **options):
    return build_articles([Article("a1", "Test", text)], **options)


@pytest.mark.parametrize(("text", "expected"), LOCATED_IN_CASES)
def test_located_in_model(text, expected):
    graph = _build(text)
    inferred = infer_relations(graph)
    assert {(r.subject, r.object) for r in inferred} == expected
    for relation in inferred:
        ev = relation.evidence
        assert relation.type == "located_in" and relation.predicate == "located in"
        assert ev.inferred and ev.extractor == LOCATED_IN_MODEL and not ev.negated
        assert 0.5 <= ev.confidence < 1
        assert text[ev.start:ev.end] == ev.sentence  # where the article first names the subject
        assert graph.get_entity(relation.subject).label in ev.sentence


def test_pair_features_describe_the_article():
    graph = _build(NORWAY)
    context = ArticleContext.of(graph, "a1")
    assert context.countries == ["norway"]
    assert context.mentions["bergen"] == 2 and context.sentences["oslo"] == {2}
    assert ("norway", "bergen") not in set(candidate_pairs(context))  # a country is no subject
    features = pair_features(context, "oslo", "norway")
    assert features["countries=1"] == features["country rank=0"] == 1
    assert features["same sentence"] == 1 and features["sentences apart=0"] == 1
    assert features["place in first sentence"] == 1 and "subject in first sentence" not in features
    assert features["country's share of country mentions"] == 1
    assert all(value for value in features.values())  # absent features are left out


def test_located_in_model_scores_and_round_trips():
    model = LocatedInModel({"bias": -1.0, "countries=1": 3.0}, threshold=0.5, about={"examples": 2})
    assert model.probability({"bias": 1}) < 0.5 < model.probability({"bias": 1, "countries=1": 1})
    assert model.probability({"unknown feature": 1}) == 0.5
    assert model.explain({"bias": 1, "countries=1": 1}) == [("countries=1", 3.0), ("bias", -1.0)]
    assert LocatedInModel.from_json(model.to_json()) == model
    bundled = LocatedInModel.bundled()
    assert bundled.threshold == 0.5 and "examples" in bundled.about
    # the bundled weights name only features pair_features can produce
    graph = _build(NORWAY)
    context = ArticleContext.of(graph, "a1")
    produced = {name for pair in candidate_pairs(context) for name in pair_features(context, *pair)}
    assert produced <= set(bundled.weights)


def test_stated_only_by_default_and_inferred_on_request():
    text = NORWAY
    assert not any(r.evidence.inferred for r in _build(text).relation_list())
    graph = _build(text, infer=True)
    inferred = [r for r in graph.relation_list() if r.evidence.inferred]
    assert {(r.subject, r.object) for r in inferred} == {("bergen", "norway"), ("oslo", "norway")}
    assert evidence_flags(inferred[0].evidence)[0] == "inferred"
    assert not any(r.evidence.inferred for r in graph.relations(include_inferred=False))


def test_inferred_statements_have_no_truthy_edge_and_survive_rdf():
    graph = _build(NORWAY, infer=True)
    dataset = to_dataset(graph)
    assert len(list(dataset.quads((None, KG.inferred, None, None)))) == 2
    assert list(dataset.quads((None, KG.subject, None, None)))  # statements are there
    assert not list(dataset.quads((None, REL["located-in"], None, None)))  # truthy: stated only
    assert from_rdf(dataset) == graph


def test_cli_build_infer(tmp_path):
    (tmp_path / "a.txt").write_text(NORWAY, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                                      "--infer", "--no-diagram", "--formats", "json"])
    assert result.exit_code == 0, result.output
    assert "(2 inferred)" in result.output
    relations = json.loads((tmp_path / "out/graph.json").read_text())["relations"]
    assert sum(r["evidence"]["inferred"] for r in relations) == 2
    shown = CliRunner().invoke(app, ["show", str(tmp_path / "out"), "Oslo"])
    assert shown.exit_code == 0, shown.output
    oslo = next(r for r in relations if r["subject"] == "oslo" and r["evidence"]["inferred"])
    assert f"inferred; confidence {oslo['evidence']['confidence']:.2f}" in shown.output
    # the model's largest reason, with its weight (which moves when the model is refitted)
    assert re.search(r"why: place in first sentence \+\d\.\d\d, ", shown.output)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_queries_mark_inferred_statements_and_do_not_count_them_as_support(engine):
    graph = build_articles([Article("a1", "One", NORWAY), Article("a2", "Two", NORWAY)], infer=True)
    rows = query(graph, "relations", engine=engine)
    inferred = {(r["subject"], r["object"], r["article"]) for r in rows if r["inferred"] is True}
    assert inferred == {(p, "Norway", a) for p in ("Bergen", "Oslo") for a in ("a1", "a2")}
    corroborated = query(graph, "corroborated", params={"n": 2}, engine=engine)
    assert not any(r["predicate"] == "located in" for r in corroborated)


def test_graphml_and_networkx_carry_the_inferred_flag(tmp_path):
    import networkx as nx

    from kg.rdf.export import write_exports

    graph = _build(NORWAY, infer=True)
    write_exports(graph, tmp_path, formats=("graphml",))
    edges = nx.read_graphml(tmp_path / "graph.graphml").edges(data=True)
    assert sorted((a, b) for a, b, data in edges if data["inferred"]) == [("bergen", "norway"),
                                                                        ("oslo", "norway")]


def test_drawings_mark_inferred_edges():
    from kg.draw import draw

    figure = draw(_build(NORWAY, infer=True))
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend() is not None]
    assert "inferred" in [text.get_text() for legend in legends for text in legend.get_texts()]
    assert "inferred" not in [text.get_text() for ax in draw(_build(NORWAY)).axes
                              if ax.get_legend() for text in ax.get_legend().get_texts()]
