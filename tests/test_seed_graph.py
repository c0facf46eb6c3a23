"""The seed graph: what issue #3 promises about the three seed articles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.names import normalize_name
from kg.rdf.export import ALL_FORMATS, load, write_exports

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


SEVEN = {
    "Musk": "Elon Musk", "Putin": "Vladimir Putin", "Starlink": "Starlink", "SpaceX": "SpaceX",
    "Biden": "Joe Biden", "Trump": "Donald Trump", "Xi": "Xi Jinping",
}


@pytest.mark.parametrize(("name", "label"), SEVEN.items())
def test_exactly_one_node_per_design_card_entity(seed_graph, name, label):
    key = normalize_name(name)
    nodes = [e for e in seed_graph.entity_list()
             if any(key in normalize_name(n).split() for n in (e.label, *e.aliases))]
    assert [e.label for e in nodes] == [label]


def _between(graph, a, b, article=None):
    return [r for r in graph.relation_list()
            if {r.subject, r.object} == {a, b} and (article is None or r.evidence.article == article)]


@pytest.mark.parametrize("article", ["000_f041676349017ce9", "001_7f1dbf2819e5e0b1", "002_3cfeafbf2c412ff4"])
def test_musk_putin_edge_in_each_article_that_states_one(seed_graph, article):
    edges = _between(seed_graph, "elon-musk", "vladimir-putin", article)
    assert edges
    text = seed_graph.articles[article].text
    for edge in edges:
        assert text[edge.evidence.start:edge.evidence.end] == edge.evidence.sentence


def test_putin_asked_musk_attributed_to_the_wall_street_journal(seed_graph):
    asks = [r for r in seed_graph.relation_list()
            if (r.subject, r.predicate, r.object) == ("vladimir-putin", "ask", "elon-musk")]
    assert len(asks) == 1
    ev = asks[0].evidence
    assert ev.attributed_to == "the-wall-street-journal"
    assert "asked Musk not to activate his Starlink" in ev.sentence
    assert not ev.negated  # the asking happened; what was asked for is negated
    activations = [r for r in seed_graph.relation_list()
                   if (r.subject, r.predicate, r.object) == ("elon-musk", "activate", "starlink")]
    assert activations and all(r.evidence.negated for r in activations)


def test_regular_contact_since_2022_according_to_the_journal(seed_graph):
    contact = [r for r in seed_graph.relation_list() if r.predicate == "be in contact with"]
    headline = [r for r in contact if r.evidence.start == 0]
    assert len(headline) == 1 and headline[0].evidence.hedged  # "Is Elon Musk in regular contact ...?"
    body = [r for r in contact if r.evidence.start > 0]
    assert len(body) == 1
    rel = body[0]
    assert (rel.subject, rel.object, rel.type) == ("elon-musk", "vladimir-putin", "contacts")
    ev = rel.evidence
    assert (ev.attributed_to, ev.time, ev.time_text) == (
        "the-wall-street-journal", "2022", "since late 2022")
    assert ev.sentence.startswith("The Tesla C.E.O. has been in regular contact with Putin")


def test_xi_leader_of_china(seed_graph):
    assert any((r.subject, r.predicate, r.object, r.type) ==
               ("xi-jinping", "leader of", "china", "leader_of") for r in seed_graph.relation_list())


def test_spacex_linked_to_musk(seed_graph):
    edges = _between(seed_graph, "spacex", "elon-musk")
    assert any(r.predicate == "company of" and r.type == "owned_by" for r in edges)


def test_starlink_expansion_in_first_article_is_hedged(seed_graph):
    edges = [r for r in seed_graph.relation_list()
             if r.evidence.article == "000_f041676349017ce9" and "expand" in r.predicate]
    assert edges and all(r.evidence.hedged for r in edges)
    assert any(r.object == "starlink" for r in edges)


def test_descriptions_resolve_to_people(seed_graph):
    assert seed_graph.entity("the Tesla C.E.O.").id == "elon-musk"
    assert seed_graph.entity("the Russian president").id == "vladimir-putin"
    assert seed_graph.get_entity("elon-musk").wikidata == "Q317521"


def test_every_edge_span_is_its_sentence(seed_graph, tmp_path):
    write_exports(seed_graph, tmp_path, formats=ALL_FORMATS)
    for name in ("graph.json", "graph.nq", "graph.trig", "graph.ttl", "graph.jsonld"):
        graph = load(tmp_path / name)
        assert graph == seed_graph, name
        for rel in graph.relation_list():
            ev = rel.evidence
            assert ev.article in graph.articles
            assert graph.articles[ev.article].text[ev.start:ev.end] == ev.sentence


def test_no_truthy_edge_for_negated_statements(seed_graph, tmp_path):
    write_exports(seed_graph, tmp_path, formats=("nq",))
    quads = (tmp_path / "graph.nq").read_text(encoding="utf-8")
    assert "/rel/activate>" not in quads  # only negated activate statements exist
    assert "/ps/activate>" in quads


def test_same_input_gives_byte_identical_exports(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "build", str(SEEDS), "-o", str(out), "-q",
                        "--formats", "all"], check=True, cwd=ROOT, env=env, capture_output=True)
        # every file (the store is a binary index, not byte-identical run to run)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()})
    assert (tmp_path / "1" / "store").is_dir()
    assert outputs[0].keys() == outputs[1].keys()
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name


def test_older_exports_with_a_sentence_on_every_mention_still_load(seed_graph, tmp_path):
    """Exports of kg before 2026-11 repeated the sentence on mentions and evidence."""
    write_exports(seed_graph, tmp_path, formats=("nq",))
    lines = (tmp_path / "graph.nq").read_text(encoding="utf-8").splitlines()
    older = list(lines)
    for line in lines:
        if "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>" in line \
                and line.startswith("<https://example.org/kg/data/evidence/"):
            node, graph_name = line.split(" ")[0], line.rsplit(" ", 2)[-2]
            older.append(f'{node} <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> '
                         f'"the sentence as it was written then" {graph_name} .')
        if "vocab#sentenceBegin>" in line:
            node, graph_name = line.split(" ")[0], line.rsplit(" ", 2)[-2]
            older.append(f'{node} <https://example.org/kg/vocab#sentenceText> "a sentence" {graph_name} .')
    (tmp_path / "older.nq").write_text("\n".join(older) + "\n", encoding="utf-8")
    graph = load(tmp_path / "older.nq")
    assert {r.evidence.sentence for r in graph.relation_list()} == {"the sentence as it was written then"}
    assert sorted(map(repr, graph.mentions)) == sorted(map(repr, seed_graph.mentions))


def test_evidence_whose_sentence_is_not_its_articles_text_keeps_it(tmp_path):
    from kg.graph import KnowledgeGraph
    from kg.model import Article, Entity, Evidence, Relation

    graph = KnowledgeGraph()
    graph.add_article(Article("x", "A and B", "A met B. They talked."))
    for e in ("a", "b"):
        graph.add_entity(Entity(e, e.upper(), "PERSON"))
    graph.add_relation(Relation("a", "meet", "b", "contacts", Evidence("x", "A met B", 0, 8)))
    graph.add_relation(Relation("a", "talk to", "b", "contacts", Evidence("y", "A talked to B.", 0, 14)))
    write_exports(graph, tmp_path, formats=("nq", "trig"))
    for name in ("graph.nq", "graph.trig"):
        assert load(tmp_path / name) == graph, name
