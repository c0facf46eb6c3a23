"""kg build on a Dask cluster (issue #17 item 5): the same exports as the local path, on the
seeds and on 200 articles, read by a local cluster of two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

pytest.importorskip("dask.distributed", reason='Dask is not installed (pip install ".[dask]")')

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
FILES = ("graph.json", "graph.nq", "graph.trig", "extractions.jsonl", "skipped.json")
runner = CliRunner()


def build(out: Path, inputs: list[Path], *extra: str):
    result = runner.invoke(app, ["build", *map(str, inputs), "-o", str(out), "--no-diagram", "-q",
                                 "--formats", "json,nq,trig", "--fresh", *extra])
    assert result.exit_code == 0, result.output
    return result


def same(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def two_hundred_articles(folder: Path) -> list[Path]:
    """200 short articles: runs of paragraphs of the seed articles, each its own file."""
    paragraphs = [p.strip() for seed in SEEDS for p in seed.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 12]
    folder.mkdir()
    paths = []
    for number in range(200):
        start = (number * 7) % len(paragraphs)
        text = "\n\n".join(paragraphs[start:start + 1 + number % 3])
        path = folder / f"article_{number:03d}.txt"
        path.write_text(f"Article {number}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_dask_gives_the_local_exports_on_the_seeds_and_on_200_articles(tmp_path):
    build(tmp_path / "local", SEEDS)
    build(tmp_path / "dask", SEEDS, "--engine", "dask", "--n-process", "2")
    same(tmp_path / "local", tmp_path / "dask")

    corpus = two_hundred_articles(tmp_path / "corpus")
    build(tmp_path / "local200", corpus)
    result = build(tmp_path / "dask200", corpus, "--engine", "dask", "--n-process", "2")
    assert "articles read: 200" in result.output, result.output
    same(tmp_path / "local200", tmp_path / "dask200")


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS[0]), "-o", str(tmp_path / "out"), "--no-diagram",
                                 "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output
    assert not (tmp_path / "out").exists()


def test_an_unknown_engine_is_named(tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS[0]), "-o", str(tmp_path / "out"), "--engine", "spark"])
    assert result.exit_code == 2 and "unknown engine 'spark'" in result.output
