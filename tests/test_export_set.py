"""Exports are one atomic set (issue #19): a killed writer leaves the old set or the new one,
a second writer waits, and the next run removes what a killed one left behind."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from kg.io import atomic_write_text, export_set

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys, itertools
import kg
from kg.rdf.export import write_exports
graphs = [kg.load(sys.argv[1]), kg.load(sys.argv[2])]
print("ready", flush=True)
for n in itertools.count():
    write_exports(graphs[n % 2], sys.argv[3], formats=("nq", "json", "trig"))
"""


def _articles(folder: Path) -> set[int]:
    """How many articles each file of the set holds (one number when the set is whole)."""
    nq = (folder / "graph.nq").read_text(encoding="utf-8")
    trig = (folder / "graph.trig").read_text(encoding="utf-8")
    return {len(json.loads((folder / "graph.json").read_text())["articles"]),
            nq.count("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle>"),
            trig.count("schema:NewsArticle")}


def test_a_killed_writer_leaves_a_whole_set(seed_graph, tmp_path):
    one = seed_graph.article_graph("000_f041676349017ce9")
    seed_graph.save(tmp_path / "all.json")
    one.save(tmp_path / "one.json")
    out = tmp_path / "exports"
    rng = random.Random(7)
    for _ in range(6):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path / "all.json"),
                                   str(tmp_path / "one.json"), str(out)],
                                  stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 1.5))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        if out.exists():
            assert len(_articles(out)) == 1, _articles(out)  # old or new, never a mix
    with export_set(out) as folder:
        atomic_write_text(folder / "note.txt", "done\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".exports")) == [".exports.lock"]
    assert (out / "graph.nq").exists() and (out / "note.txt").exists()


def test_a_second_writer_waits_for_the_first(tmp_path):
    out = tmp_path / "exports"
    order, waited = [], []

    def first():
        with export_set(out) as folder:
            order.append("first in")
            time.sleep(0.5)
            atomic_write_text(folder / "a.txt", "first\n")
            order.append("first written")

    thread = threading.Thread(target=first)
    thread.start()
    while not order:
        time.sleep(0.01)
    with export_set(out, wait=lambda: waited.append(True)) as folder:
        # the first set is whole and in place before the second starts from it (the first
        # thread's own return after releasing the lock may come before or after this)
        order.append("second in")
        assert (folder / "a.txt").read_text() == "first\n"
        atomic_write_text(folder / "b.txt", "second\n")
    thread.join()
    assert order == ["first in", "first written", "second in"] and waited == [True]
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
