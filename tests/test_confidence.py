"""Relation confidence: the calibrated probability, the default threshold, and what is no
relation at all (predicates that carry nothing, dates taken for places)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.build import build_articles
from kg.cli import app
from kg.extract.confidence import confidence_model
from kg.model import Article

TEXT = ("Noam Chomsky is a libertarian socialist. Chomsky told Wikinews that Barack Obama had "
        "met Vladimir Putin in Moscow. Rajnath Singh said on Wednesday that India would answer "
        "Pakistan. Elon Musk founded SpaceX in 2002.")


def _triples(graph):
    label = {e.id: e.label for e in graph.entity_list()}
    return {(label[r.subject], r.predicate, label[r.object]): r.evidence.confidence
            for r in graph.relation_list()}


def test_the_bundled_model_says_how_it_was_fitted_and_chosen():
    model = confidence_model()
    assert 0.3 <= model.threshold <= 0.9
    assert "GUM" in model.about["trained on"] and "dev" in model.about["threshold chosen on"]
    assert model.about["examples"] > 200


def test_the_default_threshold_drops_what_kg_is_unsure_of():
    article = Article("a", "Chomsky", TEXT)
    everything = _triples(build_articles([article], min_confidence=0.0))
    default = _triples(build_articles([article]))
    threshold = confidence_model().threshold
    assert default == {k: c for k, c in everything.items() if c >= threshold}
    assert all(0.0 < c < 1.0 for c in everything.values())
    assert ("Elon Musk", "found", "SpaceX") in everything


@pytest.mark.parametrize("empty", [("Noam Chomsky", "be"), ("Rajnath Singh", "say")])
def test_predicates_that_carry_nothing_are_no_relations(empty):
    triples = _triples(build_articles([Article("a", "Chomsky", TEXT)], min_confidence=0.0))
    assert not [t for t in triples if (t[0], t[1]) == empty]


def test_whom_a_person_told_is_a_relation():
    """"Chomsky told Wikinews that ...": what was said is not read, whom he said it to is."""
    triples = _triples(build_articles([Article("a", "Chomsky", TEXT)], min_confidence=0.0))
    assert [t for t in triples if t[:2] == ("Noam Chomsky", "tell")] == [
        ("Noam Chomsky", "tell", "Wikinews")]


def test_a_weekday_is_no_entity():
    graph = build_articles([Article("a", "Singh", TEXT)], min_confidence=0.0)
    assert "Wednesday" not in {e.label for e in graph.entity_list()}
    assert {"Rajnath Singh", "India", "Pakistan"} <= {e.label for e in graph.entity_list()}


def test_cli_min_confidence(tmp_path):
    (tmp_path / "a.txt").write_text("Chomsky\n\n" + TEXT, encoding="utf-8")
    runner = CliRunner()
    low = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "low"),
                              "--min-confidence", "0", "--formats", "json", "--no-diagram", "-q"])
    high = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "high"),
                               "--min-confidence", "0.99", "--formats", "json", "--no-diagram", "-q"])
    assert low.exit_code == 0 and high.exit_code == 0
    count = {line.split(": ")[0]: line.split(": ")[1] for line in low.output.splitlines() if ": " in line}
    assert int(count["relations"].split()[0]) > 0
    assert "relations: 0" in high.output


def test_a_question_states_less_than_a_statement():
    asked = _triples(build_articles([Article("q", "Q", "Did Elon Musk meet Vladimir Putin?")],
                                    min_confidence=0.0))
    said = _triples(build_articles([Article("s", "S", "Elon Musk met Vladimir Putin.")],
                                   min_confidence=0.0))
    key = ("Elon Musk", "meet", "Vladimir Putin")
    assert key in asked and key in said
    assert asked[key] < said[key]
