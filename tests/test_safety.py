"""Reading untrusted queries, exports and HTML reaches nothing outside (issue #19).

Every test here fails the run if anything opens a network connection.
"""

from __future__ import annotations

import json
import socket

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.query import QueryError, query
from kg.rdf.export import write_exports


@pytest.fixture()
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"kg tried to open a connection: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def export(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    write_exports(seed_graph, out, formats=("nq",))
    return out


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_service_and_from_outside_the_export_are_refused(export, engine, no_network, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    for text, what in ((f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}", "FROM"),
                       ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
                       (f"SELECT * FROM NAMED <{secret.as_uri()}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                        "FROM NAMED")):
        with pytest.raises(QueryError, match=f"{what} <.*> reaches outside the loaded exports"):
            query(export, text, engine=engine)
    article = "https://example.org/kg/data/article/000_f041676349017ce9"
    text = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{article}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    rows = query(export, text, engine=engine)
    assert rows[0]["n"] > 0  # a graph of the export itself is fine


def test_allow_remote_runs_what_the_user_asked_for(export, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    rows = query(export, f"SELECT ?s FROM <{secret.as_uri()}> WHERE {{ ?s <urn:b> ?o }}", engine="rdflib",
                 allow_remote=True)
    assert rows == [{"s": "urn:a"}]
    text = f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"
    refused = CliRunner().invoke(app, ["query", str(export), text])
    assert refused.exit_code == 1 and "--allow-remote" in refused.output


def test_a_jsonld_export_with_a_remote_context_is_not_fetched(tmp_path, no_network):
    path = tmp_path / "evil.jsonld"
    path.write_text(json.dumps({"@context": "http://127.0.0.1:9/context.jsonld", "@id": "urn:x",
                                "name": "x"}), encoding="utf-8")
    with pytest.raises(ValueError, match="never fetches a remote context"):
        kg.load(path)


def test_our_own_jsonld_loads_offline(seed_graph, tmp_path, no_network):
    write_exports(seed_graph, tmp_path, formats=("jsonld",))
    assert kg.load(tmp_path / "graph.jsonld") == seed_graph


def test_html_ingest_fetches_nothing(tmp_path, no_network):
    (tmp_path / "a.html").write_text(
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/s.css">'
        '<script src="http://127.0.0.1:9/x.js"></script></head><body><article>'
        '<h1>Musk meets Putin</h1><img src="http://127.0.0.1:9/p.png">'
        '<iframe src="http://127.0.0.1:9/"></iframe><p>Elon Musk met Vladimir Putin in Moscow.</p>'
        '</article></body></html>', encoding="utf-8")
    graph = kg.build([tmp_path / "a.html"], min_confidence=0)
    assert {"Elon Musk", "Vladimir Putin"} <= {e.label for e in graph.entity_list()}
