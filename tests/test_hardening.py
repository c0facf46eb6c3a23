"""Whatever a scraper returns, kg builds what it can and names what it skipped (issue #19).

1,000 articles with 50 corrupted in 10 ways: exactly the 950 are built, the 50 named with
their reasons, the exit status is 1, and the graph is the graph of the 950 built alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ["Elon Musk", "Vladimir Putin", "Joe Biden", "Angela Merkel", "Xi Jinping", "Emmanuel Macron"]


def _article(i: int) -> str:
    a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 1) % len(PEOPLE)]
    return f"Report {i}\n\n{a} met {b} in Berlin on day {i}. The talks lasted {i % 9 + 1} hours.\n"


CORRUPT = {  # ten ways, five files each: name -> (bytes, reason fragment)
    "empty": (lambda i: b"", "empty"),
    "blank": (lambda i: "\u200b\u200b \n\ufeff".encode(), "no visible text"),
    "nul_late": (lambda i: _article(i).encode() + b"x" * 9000 + b"\x00tail", "NUL byte"),
    "latin1": (lambda i: "Caf\xe9 Berlin".encode("latin-1"), "not UTF-8"),
    "binary": (lambda i: bytes(range(256)) * 4, "NUL byte"),
    "bad_json": (lambda i: b'{"text": "unterminated\n', "malformed JSON"),
    "no_text": (lambda i: b'{"title": "only a title"}\n', "no 'text' field"),
    "surrogate": (lambda i: b'{"text": "Elon Musk \\ud800 met Putin."}\n', "lone surrogate"),
    "utf16_bad": (lambda i: b"\xff\xfe\x00\xd8A\x00", "UTF-16"),
    "too_big": (lambda i: b"x" * 2_000_001, "too large"),
}


def _corpus(folder: Path, good: range) -> None:
    for i in good:
        (folder / f"good_{i:04d}.txt").write_text(_article(i), encoding="utf-8")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    _corpus(folder, range(950))
    for kind, (make, _) in CORRUPT.items():
        for n in range(5):
            suffix = ".jsonl" if kind in ("bad_json", "no_text", "surrogate") else ".txt"
            (folder / f"bad_{kind}_{n}{suffix}").write_bytes(make(n))
    return folder


def test_a_thousand_inputs_fifty_corrupted_in_ten_ways(mixed, tmp_path):
    result = CliRunner().invoke(app, ["build", str(mixed), "-o", str(tmp_path / "out"), "--no-diagram",
                                      "--formats", "json,nq", "--max-bytes", "2000000", "-q"])
    assert result.exit_code == 1, result.output
    report = json.loads((tmp_path / "out" / "skipped.json").read_text())
    skipped = {Path(row["source"].split(":")[0]).name: row["reason"] for row in report["skipped"]}
    assert len(skipped) == 50 and all(name.startswith("bad_") for name in skipped)
    for kind, (_, reason) in CORRUPT.items():
        for n in range(5):
            name = next(k for k in skipped if k.startswith(f"bad_{kind}_{n}."))
            assert reason in skipped[name], (name, skipped[name])
    built = kg.load(tmp_path / "out" / "graph.json")
    assert len(built.articles) == 950
    alone = tmp_path / "alone"
    alone.mkdir()
    _corpus(alone, range(950))
    assert built == kg.build([alone])


def test_exit_status_zero_when_all_built_two_when_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(_article(1), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o1"),
                             "--no-diagram", "-q"])
    assert ok.exit_code == 0
    assert json.loads((tmp_path / "o1" / "skipped.json").read_text()) == {"skipped": [], "cut": []}
    (tmp_path / "e.txt").write_bytes(b"")
    none = runner.invoke(app, ["build", str(tmp_path / "e.txt"), "-o", str(tmp_path / "o2"), "-q"])
    assert none.exit_code == 2 and "nothing was written" in none.output
    usage = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--formats", "xml"])
    assert usage.exit_code == 2


@pytest.mark.parametrize(("base", "problem"), [
    ("http://ex.org/a b/", "holds ' '"), ("ex.org/", "not an absolute IRI"),
    ("http://ex.org/kg", "must end in '/' or '#'"),
])
def test_a_bad_base_is_refused_before_the_build(tmp_path, base, problem):
    (tmp_path / "a.txt").write_text(_article(1), encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o"),
                                      "--base", base])
    assert result.exit_code == 2 and problem in result.output and not (tmp_path / "o").exists()


def test_every_odd_path_is_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(_article(1), encoding="utf-8")
    (folder / "utf16.txt").write_bytes(_article(2).encode("utf-16"))
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "up").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    from kg.ingest import read_articles

    result = read_articles([folder])
    assert sorted(a.id for a in result.articles) == ["a", "utf16"]
    reasons = {Path(p.source).name: p.reason for p in result.problems}
    assert reasons == {"loop": "symbolic link loop", "dangling.txt": "dangling symbolic link",
                       "up": "symbolic link to a folder, not followed", "pipe.txt": "a FIFO, not a file",
                       ".hidden.txt": "hidden, skipped"}


def test_no_local_path_in_the_rdf_unless_asked(tmp_path):
    (tmp_path / "a.txt").write_text(_article(1), encoding="utf-8")
    graph = kg.build([tmp_path / "a.txt"])
    kg.write_exports(graph, tmp_path / "o1", formats=("nq",))
    kg.write_exports(graph, tmp_path / "o2", formats=("nq",), source_paths=True)
    assert str(tmp_path) not in (tmp_path / "o1" / "graph.nq").read_text()
    assert "sourcePath" in (tmp_path / "o2" / "graph.nq").read_text()


def test_stdin_and_long_articles_have_limits(tmp_path):
    zeros = subprocess.run([sys.executable, "-m", "kg", "build", "-", "-o", str(tmp_path / "z"),
                            "--max-bytes", "100000", "-q"], input=b"0" * 300_000, capture_output=True,
                           cwd=ROOT, timeout=300)
    assert zeros.returncode == 2 and b"<stdin>: too large" in zeros.stderr
    long = "Long\n\n" + "\n\n".join(_article(i) for i in range(300))
    (tmp_path / "long.txt").write_text(long, encoding="utf-8")
    graph = kg.build([tmp_path / "long.txt"], max_chars=5000)
    text = graph.articles["long"].text
    assert len(text) <= 5000 and long.startswith(text) and long[len(text):].startswith("\n\n")
    assert graph.report.cut and "cut to its first" in graph.report.cut[0][1]
