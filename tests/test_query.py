"""SPARQL over the seed export: the query library on Oxigraph (the default), rdflib and Virtuoso."""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from typer.testing import CliRunner

from kg.cli import app
from kg.push import PushError, push
from kg.query import QueryError, load_query, query, query_names
from kg.query_scope import PER_ARTICLE_QUERIES
from kg.rdf.export import write_exports

PARAMS = {
    "relations_between": {"a": "Musk", "b": "Putin"},
    "neighbors": {"entity": "Xi Jinping"},
    "sources_of": {"entity": "the Russian president"},
    "corroborated": {"n": 2},
    "timeline": {"entity": "putin"},
}
HOSTILE = ['Musk" } DROP ALL ; #', "Putin'}}\nDELETE WHERE { ?s ?p ?o }", "} UNION { ?x ?y ?z",
           '\\"', "DROP GRAPH <x>"]


@pytest.fixture(scope="module")
def export(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    write_exports(seed_graph, out, formats=("nq", "trig"))
    return out


def _canonical(rows):
    def fix(row):
        return {k: (" | ".join(sorted(v.split(" | "))) if k == "aliases" and v else v)
                for k, v in row.items()}
    return sorted(repr(fix(r)) for r in rows)


def test_every_query_file_has_a_documented_header():
    assert len(query_names()) >= 9
    for name in query_names():
        named = load_query(name)
        assert named.description, name
        assert f"Example: kg query exports/ {name}" in named.text, name
        assert set(named.params) == set(PARAMS.get(name, {})), name


@pytest.mark.parametrize("name", query_names())
def test_each_query_gives_the_same_rows_on_rdflib_and_oxigraph(export, name):
    rows = query(export, name, params=PARAMS.get(name))
    assert rows, name
    assert _canonical(rows) == _canonical(query(export, name, params=PARAMS.get(name), engine="rdflib"))


def _joins(node, found):
    if isinstance(node, CompValue):
        if node.name == "Join":
            found.append(node.get("lazy") or _only_values_joins(node.p2))
        for value in node.values():
            _joins(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _joins(value, found)
    return found


def _only_values_joins(node) -> bool:
    """Whether every join inside ``node`` joins a VALUES table with a pattern: rdflib then
    reads the pattern once, unbound (linear in the graph, never a product of two)."""
    inner = []

    def walk(part):
        if isinstance(part, CompValue):
            if part.name == "Join":
                inner.append(part)
            for value in part.values():
                walk(value)
        elif isinstance(part, (list, tuple)):
            for value in part:
                walk(value)

    walk(node)
    return bool(inner) and all("ToMultiSet" in (j.p1.name, j.p2.name) for j in inner)


@pytest.mark.parametrize("name", query_names())
def test_no_query_makes_rdflib_join_everything_with_everything(name):
    # rdflib evaluates a join "lazily" (its right side once per row of its left, with that
    # row's bindings) only when neither side holds another join; otherwise it evaluates the
    # right side unbound: a group of label lookups became every label times every label, and
    # relations_between ran 857 s on 84 articles. The shipped queries keep every join lazy,
    # but for one whose other side only joins a VALUES table with a pattern (neighbors).
    assert all(_joins(prepareQuery(load_query(name).text).algebra, [])), name


def test_an_entity_without_relations_has_no_neighbors_on_any_engine(export):
    # an empty GROUP BY must not turn into one row of unbound variables (rdflib did)
    for engine in ("oxigraph", "rdflib"):
        assert query(export, "neighbors", params={"entity": "Taiwan"}, engine=engine) == [], engine


def test_a_query_past_its_timeout_is_stopped_with_a_clear_message(export):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(QueryError, match=r"ran longer than 0.5 s and was stopped"):
            query(export, endless, engine=engine, timeout=0.5)
    assert query(export, "corroborated", params={"n": 2}, timeout=60) == \
        query(export, "corroborated", params={"n": 2})
    with pytest.raises(QueryError, match="needs parameter b"):  # errors in the child come back
        query(export, "relations_between", params={"a": "Musk"}, timeout=60)
    result = CliRunner().invoke(app, ["query", str(export), endless, "--timeout", "0.5"])
    assert result.exit_code == 1 and "ran longer than 0.5 s" in result.output


def test_relations_between_musk_and_putin(export):
    rows = query(export, "relations_between", params={"a": "musk", "b": "Vladimir Putin"})
    first = [r for r in rows if r["article"] == "000_f041676349017ce9"]
    assert any("tweeted out an invitation" in r["sentence"] for r in first)
    contact = [r for r in rows if r["predicate"] == "be in contact with" and not r["hedged"]]
    assert len(contact) == 1  # the headline asks the same as a (hedged) question
    assert contact[0]["article"] == "002_3cfeafbf2c412ff4"
    assert contact[0]["according_to"] == "The Wall Street Journal"
    assert (contact[0]["time"], contact[0]["time_text"]) == ("2022", "since late 2022")
    swapped = query(export, "relations_between", params={"a": "Putin", "b": "Musk"})
    assert _canonical(swapped) == _canonical(rows)


def test_other_queries_answer_what_they_say(export):
    neighbors = {r["neighbor"] for r in query(export, "neighbors", params={"entity": "xi"})}
    assert neighbors == {"China", "Vladimir Putin"}
    corroborated = query(export, "corroborated", params={"n": 2})
    assert all(r["articles"] >= 2 for r in corroborated)
    assert ("Vladimir Putin", "leader of", "Russia") in {(r["subject"], r["predicate"], r["object"])
                                                          for r in corroborated}
    sources = query(export, "sources_of", params={"entity": "The Tesla C.E.O."})
    assert {r["article"] for r in sources} == {"000_f041676349017ce9", "001_7f1dbf2819e5e0b1",
                                               "002_3cfeafbf2c412ff4"}
    claims = query(export, "attributed_claims")
    assert all(r["according_to"] for r in claims)
    flagged = query(export, "negated_or_hedged")
    assert all(r["negated"] or r["hedged"] for r in flagged)
    assert any(r["negated"] and r["predicate"] == "activate" for r in flagged)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameters_match_nothing_and_change_nothing(export, engine, value):
    before = query(export, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", engine=engine)
    assert query(export, "relations_between", params={"a": value, "b": "Putin"}, engine=engine) == []
    assert query(export, "timeline", params={"entity": value}, engine=engine) == []
    after = query(export, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", engine=engine)
    assert before == after


def test_errors_are_clear(export):
    with pytest.raises(QueryError, match=r"syntax error at line 2, column \d+"):
        query(export, "SELECT ?x\nWHERE { ?x ?y }")
    with pytest.raises(QueryError, match="needs parameter b"):
        query(export, "relations_between", params={"a": "Musk"})
    with pytest.raises(QueryError, match="has no parameter 'c'"):
        query(export, "relations_between", params={"a": "Musk", "b": "Putin", "c": "x"})
    with pytest.raises(QueryError, match="no query named 'relation'"):
        query(export, "relation")
    with pytest.raises(QueryError, match="must be an integer"):
        query(export, "corroborated", params={"n": "2; DROP"})


def test_cli_query_formats(export):
    runner = CliRunner()
    table = runner.invoke(app, ["query", str(export), "neighbors", "-p", "entity=Xi"])
    assert table.exit_code == 0 and table.output.splitlines()[0].split()[:2] == ["neighbor", "type"]
    csv_out = runner.invoke(app, ["query", str(export), "corroborated", "-p", "n=2", "-f", "csv"])
    assert csv_out.output.startswith("subject,predicate,object,articles\n")
    bad = runner.invoke(app, ["query", str(export), "SELECT ?x WHERE {"])
    assert bad.exit_code == 1 and bad.output.startswith("kg: inline query: SPARQL syntax error at line 1")


def test_oxigraph_on_disk_store(export, tmp_path):
    rows = query(export, "entities", engine="oxigraph", store=str(tmp_path / "store"))
    assert len(rows) == len(query(export, "entities"))


def test_the_store_a_build_writes_holds_that_build_whatever_the_order_of_formats(seed_graph, tmp_path):
    from kg.graph import KnowledgeGraph
    from kg.model import Article

    one = KnowledgeGraph()
    one.add_article(Article("x", "A title", "Some text."))
    count = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
    write_exports(seed_graph, tmp_path, formats=("nq", "store"))
    assert query(tmp_path, count) == [{"n": 3}]
    write_exports(one, tmp_path, formats=("store", "nq"))  # the old graph.nq is still there
    assert query(tmp_path, count) == [{"n": 1}]


def test_virtuoso_loaded_by_kg_push_gives_the_same_rows(export, virtuoso):
    with pytest.raises(PushError, match="--default-graph"):
        push(export, f"{virtuoso}/sparql-graph-crud")
    report = push(export, f"{virtuoso}/sparql-graph-crud", default_graph="urn:kg:default")
    assert report.graphs == 4
    endpoint = f"{virtuoso}/sparql"
    for name in query_names():
        expected = query(export, name, params=PARAMS.get(name))
        assert _canonical(query(None, name, params=PARAMS.get(name), engine=endpoint)) == \
            _canonical(expected), name
    for value in HOSTILE[:2]:  # every hostile value is tried on rdflib and Oxigraph above
        assert query(None, "relations_between", params={"a": value, "b": "Putin"}, engine=endpoint) == []
    result = CliRunner().invoke(app, ["push", str(export), f"{virtuoso}/sparql-graph-crud",
                                      "--default-graph", "urn:kg:default"])
    assert result.exit_code == 0 and "pushed 4 graphs" in result.output


def test_an_on_disk_store_written_with_the_exports_answers_the_same(seed_graph, tmp_path):
    write_exports(seed_graph, tmp_path / "out", formats=("nq", "store"))
    assert (tmp_path / "out" / "store").is_dir()
    for name in query_names():
        from_store = query(tmp_path / "out", name, params=PARAMS.get(name))
        from_nq = query(tmp_path / "out" / "graph.nq", name, params=PARAMS.get(name))
        assert _canonical(from_store) == _canonical(from_nq), name
    write_exports(seed_graph.article_graph("000_f041676349017ce9"), tmp_path / "out", formats=("nq", "store"))
    count = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
    articles = query(tmp_path / "out", count)
    assert articles == [{"n": 1}]  # the store was rebuilt with the set, not added to


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_every_sentence_a_query_gives_is_its_articles_text_at_its_offsets(seed_graph, export, engine):
    for name in ("relations", "sources_of", "timeline"):
        rows = query(export, name, params=PARAMS.get(name, {}), engine=engine)
        assert rows, name
        for row in rows:
            text = seed_graph.articles[row["article"]].text
            assert row["sentence"] == text[int(row["begin"]):int(row["end"])], (name, row)


def test_a_sentence_is_stored_once_in_its_articles_text(export):
    quads = (export / "graph.nq").read_text(encoding="utf-8")
    assert "vocab#sentenceText>" not in quads
    sentence = "The Tesla C.E.O. has been in regular contact with Putin since late 2022"
    assert quads.count(sentence) == 1  # in the article's nif:isString only


@pytest.mark.parametrize("name", PER_ARTICLE_QUERIES)
def test_pages_of_articles_together_give_the_whole_answer(export, name):
    whole = query(export, name, params=PARAMS.get(name))
    pages = [query(export, name, params=PARAMS.get(name), page=n, page_size=1) for n in (1, 2, 3)]
    assert query(export, name, params=PARAMS.get(name), page=4, page_size=1) == []  # 3 articles
    assert _canonical([row for page in pages for row in page]) == _canonical(whole)
    assert name in ("relations_between", "timeline", "attributed_claims") or \
        sum(1 for page in pages if page) > 1  # the rows really are spread over the pages


def test_a_query_asked_of_one_article_sees_only_that_article(export):
    rows = query(export, "relations", articles=["001_7f1dbf2819e5e0b1"])
    assert rows and {r["article"] for r in rows} == {"001_7f1dbf2819e5e0b1"}
    labels = {r["subject"] for r in rows}  # entities and labels stay whole: the default graph
    assert "Elon Musk" in labels


def test_asking_for_articles_that_are_not_there_or_on_another_engine_is_a_clear_error(export):
    with pytest.raises(QueryError, match="no article 'nope' in these exports"):
        query(export, "relations", articles=["nope"])
    with pytest.raises(QueryError, match="needs the oxigraph engine"):
        query(export, "relations", page=1, engine="rdflib")
    with pytest.raises(QueryError, match="by id or for a page, not both"):
        query(export, "relations", page=1, articles=["001_7f1dbf2819e5e0b1"])
    runner = CliRunner()
    result = runner.invoke(app, ["query", str(export), "relations", "--page", "1", "--page-size", "1",
                                 "-f", "csv"])
    assert result.exit_code == 0
    assert {line.split(",")[4] for line in result.output.splitlines()[1:] if line} == {"000_f041676349017ce9"}


# The archive's counts (kg:articleCount, kg:statedCount, kg:rank: kg/rdf/summary.py) are
# written with the exports; counted again here from every article's statements and mentions.
_COUNTED_ENTITIES = """
PREFIX kg: <https://example.org/kg/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?entity kg:entityId ?id ; rdfs:label ?label . OPTIONAL { ?entity kg:mentionedIn ?article }
} GROUP BY ?entity ?label"""
_COUNTED_LINKS = """
PREFIX kg: <https://example.org/kg/vocab#>
PREFIX pq: <https://example.org/kg/pq/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?subject ?predicate ?object (COUNT(DISTINCT ?g) AS ?articles)
       (COUNT(DISTINCT ?stated) AS ?in_sentences) WHERE {
  GRAPH ?g { ?st kg:subject ?s ; kg:predicateLabel ?predicate ; kg:object ?o ; pq:negated false .
             OPTIONAL { ?st kg:inferred ?inferred } }
  BIND (IF(BOUND(?inferred), ?nothing, ?g) AS ?stated)
  ?s rdfs:label ?subject . ?o rdfs:label ?object .
} GROUP BY ?subject ?predicate ?object"""


@pytest.fixture(scope="module")
def inferred_export(tmp_path_factory):
    """Every seed relation, and one of them inferred again in each other article (as
    ``kg build --infer`` does: support for the link, but not corroboration)."""
    from dataclasses import replace

    import kg

    graph = kg.build(["seeds/"], min_confidence=0)
    stated = next(r for r in graph.relation_list() if not r.evidence.negated)
    for article in sorted(set(graph.articles) - {stated.evidence.article}):
        text = graph.articles[article].text
        sentence = text[: text.index(".") + 1]
        graph.add_relation(replace(stated, evidence=replace(
            stated.evidence, article=article, sentence=sentence, start=0, end=len(sentence),
            inferred=True, extractor="test")))
    out = tmp_path_factory.mktemp("inferred")
    write_exports(graph, out, formats=("nq",))
    return out


def test_the_archive_counts_are_what_counting_every_article_gives(inferred_export):
    counted = {r["label"]: r["articles"] for r in query(inferred_export, _COUNTED_ENTITIES)}
    listed = query(inferred_export, "entities")
    assert {r["label"]: r["articles"] for r in listed} == counted
    assert [r["articles"] for r in listed] == sorted(counted.values(), reverse=True)
    links = query(inferred_export, _COUNTED_LINKS)
    assert any(r["articles"] > r["in_sentences"] for r in links)  # inferred ones are there
    corroborated = query(inferred_export, "corroborated", params={"n": 2})
    assert corroborated and _canonical(corroborated) == _canonical(
        [{"subject": r["subject"], "predicate": r["predicate"], "object": r["object"],
          "articles": r["in_sentences"]} for r in links if r["in_sentences"] >= 2])
    for entity in ("Elon Musk", "Vladimir Putin"):
        rows = query(inferred_export, "neighbors", params={"entity": entity})
        expected = [{"neighbor": r["object"], "direction": "out", "predicate": r["predicate"],
                     "articles": r["articles"]} for r in links if r["subject"] == entity]
        expected += [{"neighbor": r["subject"], "direction": "in", "predicate": r["predicate"],
                      "articles": r["articles"]} for r in links if r["object"] == entity]
        assert rows and _canonical([{k: v for k, v in r.items() if k != "type"} for r in rows]) == \
            _canonical(expected)


@pytest.mark.parametrize("name", ["entities", "corroborated"])
def test_pages_of_ranks_together_give_the_whole_answer_in_order(inferred_export, name):
    params = {"n": 1} if name == "corroborated" else None
    whole = query(inferred_export, name, params=params)
    pages, number = [], 1
    while page := query(inferred_export, name, params=params, page=number, page_size=4):
        assert len(page) <= 4
        pages.append(page)
        number += 1
    assert len(pages) > 2 and [row for page in pages for row in page] == whole


def test_queries_a_page_cannot_narrow_say_so(export):
    with pytest.raises(QueryError, match="no GRAPH pattern.*do not narrow it"):
        query(export, "neighbors", params={"entity": "Xi"}, page=1)
    with pytest.raises(QueryError, match="cannot be asked of some articles"):
        query(export, "entities", articles=["001_7f1dbf2819e5e0b1"])
    with pytest.raises(QueryError, match="hold 1 to 10,000"):
        query(export, "entities", page=1, page_size=100_000)
    result = CliRunner().invoke(app, ["query", str(export), "entities", "--page", "2", "--page-size", "3",
                                      "-f", "csv"])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 4


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_exports_written_without_the_archive_counts_say_so(export, tmp_path, engine):
    # an earlier kg's exports: the same quads without kg:rank, kg:articleCount and the links
    counts = ("vocab#rank>", "vocab#articleCount>", "vocab#statedCount>", "/link/")
    lines = (export / "graph.nq").read_text(encoding="utf-8").splitlines()
    old = tmp_path / "graph.nq"
    old.write_text("".join(line + "\n" for line in lines if not any(c in line for c in counts)),
                   encoding="utf-8")
    for name, params in (("entities", None), ("neighbors", {"entity": "Xi"}), ("corroborated", {"n": 1})):
        with pytest.raises(QueryError, match="written without .* write them again"):
            query(old, name, params=params, engine=engine)
    assert query(old, "relations", engine=engine)  # queries of the articles' graphs still answer
