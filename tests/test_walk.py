"""The Python API over the seed graph (issue #6)."""

from __future__ import annotations

import pytest

import kg
from kg.graph import AmbiguousEntity, EntityNotFound
from kg.model import Entity


def test_path_from_musk_to_xi_goes_through_putin_with_the_taiwan_sentence(seed_graph):
    found = seed_graph.paths("Musk", "Xi")
    assert found and all(p.entities == ("elon-musk", "vladimir-putin", "xi-jinping") for p in found)
    last = found[0].steps[1]
    assert any("Starlink satellite service over Taiwan" in r.evidence.sentence for r in last.relations)
    assert "elon-musk -> vladimir-putin -> xi-jinping" in str(found[0])
    assert "<table>" in found[0]._repr_html_()


def test_paths_respect_max_length(seed_graph):
    assert seed_graph.paths("Musk", "Xi", max_length=1) == []


def test_remove_an_article_and_add_it_back(seed_graph):
    for article in seed_graph.articles:
        part = seed_graph.article_graph(article)
        rest = seed_graph.remove_article(article)
        assert article not in rest.articles
        assert all(r.evidence.article != article for r in rest.relation_list())
        kept = [r for r in seed_graph.relation_list() if r.evidence.article != article]
        assert rest.relation_list() == kept  # every other edge stays
        assert rest.merge(part) == seed_graph
    with pytest.raises(KeyError):
        seed_graph.remove_article("no-such-article")


def test_lookup_errors_list_candidates():
    graph = kg.KnowledgeGraph()
    graph.add_entity(Entity("george-bush", "George Bush", "PERSON", aliases=("Bush",)))
    graph.add_entity(Entity("jeb-bush", "Jeb Bush", "PERSON", aliases=("Bush",)))
    with pytest.raises(AmbiguousEntity) as ambiguous:
        graph.entity("bush")
    assert [e.id for e in ambiguous.value.candidates] == ["george-bush", "jeb-bush"]
    with pytest.raises(EntityNotFound, match="close matches: George Bush"):
        graph.entity("George Busch")


def test_relations_filters(seed_graph):
    everything = seed_graph.relations(include_negated=True)
    assert len(everything) == seed_graph.number_of_relations()
    assert all(not r.evidence.negated for r in seed_graph.relations())
    assert all(not r.evidence.hedged for r in seed_graph.relations(include_hedged=False))
    typed = seed_graph.relations(predicate="contacts")
    assert typed and all(r.type == "contacts" for r in typed)
    assert all(r.evidence.confidence >= 0.9 for r in seed_graph.relations(min_confidence=0.9))
    in_third = seed_graph.relations(article="002_3cfeafbf2c412ff4")
    assert in_third and all(r.evidence.article == "002_3cfeafbf2c412ff4" for r in in_third)
    assert "<table>" in in_third._repr_html_()


def test_neighbors_depth_and_direction(seed_graph):
    first = {n.entity.id for n in seed_graph.neighbors("Xi Jinping")}
    second = {n.entity.id: n.distance for n in seed_graph.neighbors("Xi Jinping", depth=2)}
    assert first == {"china", "vladimir-putin"}
    assert "elon-musk" in second and second["elon-musk"] == 2
    incoming = {n.entity.id for n in seed_graph.neighbors("Xi Jinping", direction="in")}
    assert incoming == {"vladimir-putin"}


def test_ego_subgraph_timeline_sources_and_rankings(seed_graph):
    ego = seed_graph.ego("Musk")
    assert "vladimir-putin" in {e.id for e in ego.entity_list()}
    assert all({r.subject, r.object} <= set(ego.graph.nodes) for r in ego.relation_list())
    times = [r.evidence.time for r in seed_graph.timeline("Musk")]
    assert times == sorted(times) and "2022" in times
    musk_sources = seed_graph.sources("Musk")
    assert {s.article for s in musk_sources} == set(seed_graph.articles)
    assert all(seed_graph.articles[s.article].text[s.start:s.end] == s.sentence for s in musk_sources)
    top = seed_graph.centrality("pagerank")[0][0]
    assert top.id == "elon-musk"
    assert seed_graph.to_networkx().number_of_edges() == seed_graph.number_of_relations()
