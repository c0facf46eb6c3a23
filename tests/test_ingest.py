"""Reading articles: formats, offsets, and every kind of bad input reported by name."""

from __future__ import annotations

import json

import pytest

from kg.ingest import parse_html, read_articles


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "good.txt").write_text("Title line\n\nElon Musk met Putin.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "huge.txt").write_text("word " * 3000, encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "title": "T", "text": "Joe Biden spoke.", "published": "2024-10-05"}),
        "{not json",
        json.dumps({"id": "j3", "title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "j5", "text": "Xi Jinping met Putin.", "url": 5.5}),
        json.dumps({"id": "j6", "text": "Putin spoke."}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_good_inputs_are_built_and_every_bad_one_is_reported(folder):
    result = read_articles([folder], max_bytes=10_000)
    assert sorted(a.id for a in result.articles) == ["good", "j1", "j6"]
    reasons = {p.source.replace(str(folder) + "/", ""): p.reason for p in result.problems}
    assert reasons == {
        "binary.txt": "binary file (a NUL byte at offset 3), not text",
        "empty.txt": "empty (no visible text)",
        "latin1.txt": "not UTF-8 text (invalid byte 0xe9 at offset 3)",
        "notes.pdf": "unsupported file type '.pdf'",
        "huge.txt": "too large (15,000 bytes; the limit is 10,000)",
        "batch.jsonl:2": "malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        "batch.jsonl:3": "no 'text' field with text in it",
        "batch.jsonl:4": "a JSON object is expected on each line",
        "batch.jsonl:5": "field 'url' must be a string",
    }


def test_text_offsets_index_the_original_file(folder):
    article = read_articles([folder / "good.txt"]).articles[0]
    assert article.title == "Title line"
    assert article.text == (folder / "good.txt").read_text(encoding="utf-8")
    start = article.text.index("Elon")
    assert article.text[start:start + 9] == "Elon Musk"
    assert len(article.sha256) == 64


def test_jsonl_fields(folder):
    article = next(a for a in read_articles([folder / "batch.jsonl"]).articles if a.id == "j1")
    assert (article.title, article.text, article.published) == ("T", "Joe Biden spoke.", "2024-10-05")


def test_glob_and_stdin(folder):
    assert [a.id for a in read_articles([str(folder / "go*.txt")]).articles] == ["good"]
    result = read_articles(["-"], stdin=b"Headline\nBody text about NASA.")
    assert [(a.id, a.title) for a in result.articles] == [("stdin", "Headline")]
    result = read_articles(["-"], stdin=b'{"id": "x", "text": "NASA flew."}\n')
    assert [a.id for a in result.articles] == ["x"]


def test_missing_path_and_empty_glob_are_reported(tmp_path):
    result = read_articles([tmp_path / "nope.txt", str(tmp_path / "*.html")])
    assert [p.reason for p in result.problems] == [
        "no such file or folder", "pattern matches no supported files"]


def test_same_stem_in_two_folders_gets_distinct_ids_and_duplicates_are_reported(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    (tmp_path / "a" / "story.txt").write_text("One story.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("Another story.", encoding="utf-8")
    (tmp_path / "b" / "copy.txt").write_text("One story.", encoding="utf-8")
    result = read_articles([tmp_path])
    ids = [a.id for a in result.articles]
    assert len(ids) == 2 and ids[0] == "story" and ids[1].startswith("story-")
    assert [p.reason for p in result.problems] == ["same text as article 'story'"]


def test_html_main_text_leaves_out_menus_and_scripts():
    page = """<html><head><title>Musk and Putin - News</title><script>var x=1;</script></head>
    <body><header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
    <main><article><h1>Musk and Putin</h1>
    <p>Elon Musk has been in regular contact with Vladimir Putin, according to
    <a href="#">The Wall Street Journal</a>.</p><aside>Subscribe now!</aside>
    <p>The Kremlin denied it.</p></article></main>
    <footer>&copy; 2024 News Corp</footer></body></html>"""
    title, text = parse_html(page)
    assert title == "Musk and Putin - News"
    assert text == ("Musk and Putin\n\nElon Musk has been in regular contact with Vladimir Putin, "
                    "according to The Wall Street Journal.\n\nThe Kremlin denied it.")


def test_html_file_is_read(tmp_path):
    (tmp_path / "page.html").write_text("<p>Joe Biden met Xi Jinping.</p>", encoding="utf-8")
    article = read_articles([tmp_path]).articles[0]
    assert (article.id, article.text) == ("page", "Joe Biden met Xi Jinping.")


def test_line_separators_and_control_characters_never_break_an_export(tmp_path):
    # issue #19: U+2028 and the like made graph.nq and graph.trig unparseable, \x05 graph.graphml
    import networkx as nx
    import pyoxigraph
    from rdflib import Dataset

    import kg
    from kg.rdf.export import write_exports

    text = "T\n\nElon Musk met Vladimir Putin.\u2028Putin smiled.\x0b Then\x05 Musk\u2029left.\x85\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    graph = kg.build([tmp_path / "a.txt"], min_confidence=0)
    article = graph.articles["a"]
    assert len(article.text) == len(text) and "\u2028" not in article.text and "\x05" not in article.text
    out = tmp_path / "out"
    write_exports(graph, out, formats=("nq", "trig", "graphml", "json"))
    for name, fmt in (("graph.nq", "nquads"), ("graph.trig", "trig")):
        Dataset().parse(out / name, format=fmt)
        assert kg.load(out / name) == graph
    pyoxigraph.Store().load(path=str(out / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    nx.read_graphml(out / "graph.graphml")


def test_a_lone_surrogate_skips_its_record_only(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "x \\ud800 Elon Musk met Putin."}\n'
                                      '{"text": "Elon Musk met Putin.\\u2028Then he left.", "title": "ok"}\n',
                                      encoding="utf-8")
    result = read_articles([tmp_path / "a.jsonl"])
    assert [a.title for a in result.articles] == ["ok"]
    assert result.articles[0].text == "Elon Musk met Putin.\nThen he left."
    assert [(p.source.endswith("a.jsonl:1"), "lone surrogate" in p.reason) for p in result.problems] == \
        [(True, True)]
