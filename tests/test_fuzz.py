"""Property tests (hypothesis): any text survives ingest, build and every export (issue #19).

Three targets, from fast to slow:

1. ``clean_text``: one character for one, nothing left that a reader takes for a line end
   or a control, and cleaning twice changes nothing;
2. the writers: a graph holding arbitrary (cleaned) text in every field it exports, written
   in every format, parses back with rdflib and Oxigraph (and GraphML with networkx), and
   ``kg.load`` of each RDF export equals the graph;
3. end to end: arbitrary text around two names, built by ``kg build``, exports that parse.

CI runs a bounded number of examples; ``KG_FUZZ_EXAMPLES=10000 KG_FUZZ_BUILD_EXAMPLES=10000
python -m pytest tests/test_fuzz.py`` is the long run (its result is in the README; without
``KG_FUZZ_BUILD_EXAMPLES`` the end-to-end target runs a fiftieth of ``KG_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import networkx as nx
import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

import kg
from kg.graph import KnowledgeGraph
from kg.ingest import _CONTROLS, _LINE_BREAKS, clean_text, read_articles
from kg.model import Article, Entity, Evidence, Mention, Relation
from kg.rdf.export import write_exports

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "0"))
FAST = settings(max_examples=EXAMPLES or 200, deadline=None)
BUILD_EXAMPLES = int(os.environ.get("KG_FUZZ_BUILD_EXAMPLES", "0"))  # each one a whole build
SLOW = settings(max_examples=BUILD_EXAMPLES or EXAMPLES // 50 or 5, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# the characters that broke exports, and others a scraper returns: separators, controls,
# right-to-left text, emoji, zero-width characters, combining marks, quotes and backslashes
HOSTILE = list("\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e\x00\x05\x7f\x9f\t\r\n\u200b\u200d\ufeff"
               "\u202e\u05d0\u0627\U0001f600\u0301\u0308\"'\\<>&{}")
PIECE = st.one_of(st.sampled_from(HOSTILE), st.characters(blacklist_categories=("Cs",)),
                  st.sampled_from(["\r\n", "\\n", "\\u0000", "@prefix", "<http://x>", "\"\"\""]))
TEXT = st.lists(PIECE, max_size=40).map("".join)


@FAST
@given(TEXT)
def test_clean_text_keeps_length_and_leaves_no_separator(text):
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert not set(cleaned) & set(_LINE_BREAKS + _CONTROLS)
    assert clean_text(cleaned) == cleaned


def _graph(title: str, words: str, label: str, alias: str) -> KnowledgeGraph:
    title, words, label, alias = (clean_text(x) for x in (title, words, label, alias))
    text = f"{title}\n\n{label} met {alias}. {words}"
    graph = KnowledgeGraph()
    graph.add_article(Article("a1", title, text, url=f"https://example.org/{words[:5]}",
                              publisher=words or None))  # kg keeps no empty publisher
    graph.add_entity(Entity("e1", label or "X", "PERSON", aliases=(alias,) if alias else ()))
    graph.add_entity(Entity("e2", alias or "Y", "ORG"))
    sentence = text[len(title) + 2:]
    graph.add_mention(Mention("a1", len(title) + 2, len(title) + 2 + len(label), label, "e1", "name",
                              len(title) + 2, len(text)))
    graph.add_relation(Relation("e1", f"meet {words[:10]}".strip(), "e2", None,
                                Evidence("a1", sentence, len(title) + 2, len(text), 0.5,
                                         attributed_to=words[:8] or None, time_text=words[:4] or None)))
    graph.refresh_entities()
    return graph


@FAST
@given(TEXT, TEXT, TEXT, TEXT)
def test_every_writer_round_trips_every_character_it_accepts(title, words, label, alias):
    graph = _graph(title, words, label, alias)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_exports(graph, out, formats=("nq", "trig", "jsonld", "graphml", "json"))
        for name, fmt in (("graph.nq", "nquads"), ("graph.trig", "trig"), ("graph.jsonld", "json-ld")):
            Dataset().parse(out / name, format=fmt)
            assert kg.load(out / name) == graph, name
        for name, fmt in (("graph.nq", pyoxigraph.RdfFormat.N_QUADS),
                          ("graph.trig", pyoxigraph.RdfFormat.TRIG)):
            pyoxigraph.Store().load(path=str(out / name), format=fmt)
        nx.read_graphml(out / "graph.graphml")
        assert kg.load(out / "graph.json") == graph


@SLOW
@given(TEXT, TEXT, st.booleans())
def test_any_text_around_two_names_builds_and_exports(before, after, as_jsonl):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        body = f"{before} Elon Musk met Vladimir Putin in Moscow. {after}"
        if as_jsonl:
            import json

            record = json.dumps({"text": body, "title": before}) + "\n"
            (folder / "a.jsonl").write_text(record, encoding="utf-8")
        else:
            (folder / "a.txt").write_text("Title\n\n" + body, encoding="utf-8")
        result = read_articles([folder])
        if not result.articles:
            return  # nothing visible to build: reported, not built
        graph = kg.build([folder], min_confidence=0)
        write_exports(graph, folder / "out", formats=("nq", "trig", "graphml", "json"))
        assert kg.load(folder / "out" / "graph.nq") == graph == kg.load(folder / "out" / "graph.trig")
        pyoxigraph.Store().load(path=str(folder / "out" / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
        nx.read_graphml(folder / "out" / "graph.graphml")
