"""The command line: thin commands, each with help and an example, clear errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    result = runner.invoke(app, ["build", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_every_command_has_help_and_an_example():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        doc = command.callback.__doc__
        assert doc and re.search(rf"Example: kg {name} ", doc), name


def test_reading_commands_do_not_load_spacy():
    """kg query, stats, show and draw read exports: importing the command line and the query
    module must not import spaCy (a second of start-up for every query)."""
    code = "import sys, kg.cli, kg.query, kg.report; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_build_summary_and_files(exports):
    out, output = exports
    assert "articles read: 3" in output and "articles skipped: 0" in output
    assert re.search(r"entities: \d+", output) and re.search(r"relations: \d+", output)
    names = {p.name for p in out.iterdir()}
    assert {"graph.nq", "graph.graphml", "graph.json", "vocab.ttl", "store"} <= names
    assert not {"graph.trig", "graph.ttl", "graph.jsonld"} & names  # on request


def test_build_formats_all_then_default_leaves_no_stale_export(tmp_path):
    seed = "seeds/000_f041676349017ce9.txt"
    every = runner.invoke(app, ["build", seed, "-o", str(tmp_path), "-q", "--formats", "all",
                                "--no-diagram"])
    assert every.exit_code == 0
    assert {"graph.trig", "graph.ttl", "graph.jsonld", "store"} <= {p.name for p in tmp_path.iterdir()}
    fewer = runner.invoke(app, ["build", seed, "-o", str(tmp_path), "-q", "--formats", "nq,json",
                                "--no-diagram"])
    assert fewer.exit_code == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"graph.nq", "graph.json"} <= names
    assert not {"graph.trig", "graph.ttl", "graph.jsonld", "store", "graph.graphml"} & names


def test_build_reports_bad_files_and_builds_the_rest(tmp_path):
    (tmp_path / "ok.txt").write_text("Elon Musk met Vladimir Putin.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01 binary")
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1  # some inputs skipped
    assert f"kg: skipped {tmp_path / 'bad.txt'}: binary file" in result.output
    assert "articles read: 1" in result.output


def test_build_with_nothing_readable_fails(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "missing"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no article could be read" in result.output


def test_build_with_a_missing_model_fails_in_one_line(tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS), "--model", "en_core_web_nope",
                                 "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip() == ("kg: cannot load spaCy pipeline 'en_core_web_nope' "
                                     "(from the model argument): it is neither an installed "
                                     "package nor a folder")


def test_stats_and_show(exports):
    out, _ = exports
    stats = runner.invoke(app, ["stats", str(out)])
    assert stats.exit_code == 0 and "articles: 3" in stats.output
    show = runner.invoke(app, ["show", str(out / "graph.nq"), "the tesla c.e.o."])
    assert show.exit_code == 0
    assert show.output.startswith("Elon Musk (PERSON, wikidata Q317521)")
    # the default threshold keeps Musk's "tie to" Putin (the contact statements are below it)
    assert "tie to" in show.output and "Vladimir Putin" in show.output
    missing = runner.invoke(app, ["show", str(out), "Muskk"])
    assert missing.exit_code == 1 and "close matches: Elon Musk" in missing.output
    broken = runner.invoke(app, ["show", str(out / "vocab.ttl") + ".nope", "Musk"])
    assert broken.exit_code == 1 and "no such file" in broken.output


def test_draw_views_to_files(exports, tmp_path):
    out, _ = exports
    for args, name in ((["--focus", "Elon Musk"], "ego.png"), (["--path", "Musk", "Xi"], "path.svg"),
                       ([], "all.pdf"), (["--types", "PERSON,ORG", "--min-sources", "1"], "people.png")):
        result = runner.invoke(app, ["draw", str(out), "-o", str(tmp_path / name), *args])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 1000
    bad = runner.invoke(app, ["draw", str(out), "--focus", "Nobody Atall", "-o", str(tmp_path / "x.png")])
    assert bad.exit_code == 1 and bad.output.startswith("kg: no entity called 'Nobody Atall'")
    wrong = runner.invoke(app, ["draw", str(out), "-o", str(tmp_path / "x.gif")])
    assert wrong.exit_code == 1 and "choose a .png, .svg or .pdf file" in wrong.output
