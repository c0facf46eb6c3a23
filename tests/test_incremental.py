"""Incremental builds (issue #17 item 4): adding, changing and removing articles gives the
exports a full rebuild of the same articles gives."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
FILES = ("graph.json", "graph.nq", "graph.trig", "extractions.jsonl", "skipped.json")
runner = CliRunner()


def build(out: Path, *inputs: Path, extra: tuple[str, ...] = ()):
    result = runner.invoke(app, ["build", *map(str, inputs), "-o", str(out), "--no-diagram", "-q",
                                 "--formats", "json,nq,trig", *extra])
    assert result.exit_code == 0, result.output
    return result


def same(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_adding_changing_and_removing_articles_equals_a_full_rebuild(tmp_path):
    full = tmp_path / "full"
    build(full, *SEEDS)
    step = tmp_path / "step"
    build(step, *SEEDS[:2])
    added = build(step, SEEDS[2])
    assert "read 1 new or changed articles; kept 2" in added.output
    same(step, full)
    again = build(step, *SEEDS)  # nothing new: every record kept
    assert "read 0 new or changed articles; kept 3" in again.output
    same(step, full)

    changed = tmp_path / "changed"
    changed.mkdir()
    edited = changed / SEEDS[1].name  # the same article (same id), its text changed
    text = SEEDS[1].read_text(encoding="utf-8") + "\nElon Musk met Xi Jinping.\n"
    edited.write_text(text, encoding="utf-8")
    build(step, edited)
    rebuilt = tmp_path / "rebuilt"
    build(rebuilt, SEEDS[0], edited, SEEDS[2])
    same(step, rebuilt)

    removed = runner.invoke(app, ["remove", SEEDS[2].stem, "-o", str(step)])
    assert removed.exit_code == 0 and "removed 1 articles; 2 remain" in removed.output
    fewer = tmp_path / "fewer"
    build(fewer, SEEDS[0], edited)
    for name in ("graph.json", "graph.nq", "extractions.jsonl"):
        assert (step / name).read_bytes() == (fewer / name).read_bytes(), name
    unknown = runner.invoke(app, ["remove", "nope", "-o", str(step)])
    assert unknown.exit_code == 2 and "no article 'nope'" in unknown.output


def test_other_settings_read_every_article_again(tmp_path):
    out = tmp_path / "out"
    build(out, *SEEDS[:2])
    result = build(out, SEEDS[2], extra=("--labels", "PERSON,ORG,GPE"))
    assert "kept" not in result.output  # another setting: all read again, from the records' texts
    fresh = tmp_path / "fresh"
    build(fresh, *SEEDS, extra=("--labels", "PERSON,ORG,GPE"))
    same(out, fresh)


def test_remove_writes_the_exports_as_the_build_did(tmp_path):
    out = tmp_path / "out"
    build(out, *SEEDS, extra=("--infer", "--base", "https://news.example/", "--min-confidence", "0"))
    removed = runner.invoke(app, ["remove", SEEDS[0].stem, "-o", str(out)])
    assert removed.exit_code == 0, removed.output
    # the same formats, no others
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES, "graph.nq.blocks.json"])
    assert "https://news.example/" in (out / "graph.nq").read_text(encoding="utf-8")
    fewer = tmp_path / "fewer"
    build(fewer, *SEEDS[1:], extra=("--infer", "--base", "https://news.example/", "--min-confidence", "0"))
    same(out, fewer)


def test_damaged_records_are_named_not_a_traceback(tmp_path):
    out = tmp_path / "out"
    build(out, SEEDS[0])
    (out / "extractions.jsonl").write_text('{"settings": {}}\n{"article": 3}\n', encoding="utf-8")
    result = runner.invoke(app, ["build", str(SEEDS[1]), "-o", str(out), "--no-diagram"])
    assert result.exit_code == 2
    assert "extractions.jsonl: not a records file kg can read" in result.output
    assert "--fresh" in result.output and "Traceback" not in result.output
    build(out, SEEDS[1], extra=("--fresh",))  # --fresh starts over
    nowhere = runner.invoke(app, ["remove", "x", "-o", str(tmp_path / "empty")])
    assert nowhere.exit_code == 2 and "no extractions.jsonl here" in nowhere.output


def test_records_of_other_reading_code_are_read_again(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(out, *SEEDS[:2])
    assert "/" not in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()[0].split(
        '"model": ')[1].split('"')[1]  # the bundled pipeline by name, not by where it sits
    import kg.incremental

    monkeypatch.setattr(kg.incremental, "code_fingerprint", lambda: "another version")
    result = build(out, SEEDS[2])
    assert "kept" not in result.output  # every article read again, with this code
    fresh = tmp_path / "fresh"
    build(fresh, *SEEDS)
    assert (out / "graph.nq").read_bytes() == (fresh / "graph.nq").read_bytes()


def test_unchanged_articles_keep_their_n_quads_blocks(seed_graph, tmp_path, monkeypatch):
    from kg.rdf import nquads
    from kg.rdf.export import nquads_text

    made = []
    real = nquads.article_quads
    monkeypatch.setattr(nquads, "article_quads", lambda graph, ms, rs, base=None: (
        made.append(ms[0].article if ms else rs[0].evidence.article), real(graph, ms, rs, base))[1])
    first = seed_graph.remove_article(sorted(seed_graph.articles)[2])
    path = tmp_path / "graph.nq"
    nquads.write_nquads(first, path)
    assert len(made) == 2
    made.clear()
    nquads.write_nquads(seed_graph, path)  # the third article added: only its block is made
    assert made == [sorted(seed_graph.articles)[2]]
    assert path.read_text(encoding="utf-8") == nquads_text(seed_graph)
    index = (tmp_path / "graph.nq.blocks.json").read_text(encoding="utf-8")
    first_block = json.loads(index)["articles"][sorted(seed_graph.articles)[0]]
    data = bytearray(path.read_bytes())
    data[first_block[1] + 5] ^= 1  # an edited block is made again, not copied
    path.write_bytes(bytes(data[:-10]))  # and so is a cut one
    made.clear()
    nquads.write_nquads(seed_graph, path)
    assert made == [sorted(seed_graph.articles)[0], sorted(seed_graph.articles)[2]]
    assert path.read_text(encoding="utf-8") == nquads_text(seed_graph)
    assert (tmp_path / "graph.nq.blocks.json").read_text(encoding="utf-8") == index
    # another version of the code that makes quads makes every block again
    monkeypatch.setattr(nquads, "_quads_code", lambda: "another version")
    made.clear()
    nquads.write_nquads(seed_graph, path)
    assert made == sorted(seed_graph.articles)


def test_the_store_brought_up_to_date_holds_what_a_fresh_one_holds(tmp_path):
    import pyoxigraph

    def stored(out: Path) -> list[str]:
        store = pyoxigraph.Store.read_only(str(out / "store"))
        quads = sorted(str(q) for q in store)
        del store
        return quads

    def run(out: Path, *inputs: Path) -> None:
        result = runner.invoke(app, ["build", *map(str, inputs), "-o", str(out), "--no-diagram", "-q"])
        assert result.exit_code == 0, result.output

    full, step = tmp_path / "full", tmp_path / "step"
    run(full, *SEEDS)
    run(step, *SEEDS[:2])
    first_store = stored(step)
    run(step, SEEDS[2])  # the store of the first two, updated
    assert (step / "store" / "kg-source.txt").is_file()
    assert stored(step) == stored(full) != first_store
    removed = runner.invoke(app, ["remove", SEEDS[2].stem, "-o", str(step)])
    assert removed.exit_code == 0, removed.output
    assert stored(step) == first_store
    (step / "store" / "CURRENT").unlink()  # a damaged store is made afresh, not updated
    run(step, SEEDS[2])
    assert stored(step) == stored(full)


def test_a_graph_read_back_from_its_json_reuses_every_article_block(seed_graph, tmp_path):
    from kg.graph import KnowledgeGraph
    from kg.rdf.export import write_exports
    from kg.rdf.nquads import write_nquads

    write_exports(seed_graph, tmp_path, formats=("nq", "json"))
    before = (tmp_path / "graph.nq").read_bytes()
    again = KnowledgeGraph.load_json(tmp_path / "graph.json")  # mentions in another order
    change = write_nquads(again, tmp_path / "graph.nq")
    assert change.made == [] and change.gone == []
    assert change.default_removed == [] and change.default_added == []
    assert (tmp_path / "graph.nq").read_bytes() == before


def test_kept_records_are_copied_from_their_file_and_made_again_if_it_changed(tmp_path):
    from kg.incremental import RECORDS, read_records, records_lines

    out = tmp_path / "out"
    assert build(out, *SEEDS).exit_code == 0
    original = (out / RECORDS).read_bytes()
    found = read_records(out)
    extractions = list(found.by_id.values())
    copied = b"".join(records_lines(extractions, found.settings, found.exports, found.lines))
    assert copied == original
    # a line whose bytes changed since it was read is made again from its record
    changed = original.replace(b'"article": {', b'"article":  {', 1)
    assert changed != original and len(changed.splitlines()) == len(original.splitlines())
    (out / RECORDS).write_bytes(changed)
    remade = b"".join(records_lines(extractions, found.settings, found.exports, found.lines))
    assert remade == original
