"""SIGKILL ``kg build`` at random points, into a folder that holds a previous build.

Each round runs ``kg build --fresh`` (the seed articles, or only the first of them, in turn,
so the old and the new set differ) into the same folder and kills it after a random delay, from
before the exports start to after they end. After each kill the folder must hold one whole
set: every export names the same number of articles (the old build's or the new one's).
After a last, unkilled build no temporary may be left beside the folder.

Usage: ``python benchmarks/kill_build.py [--rounds 20] [--seed 1]``
Writes ``benchmarks/reports/kill_build.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.io import atomic_write_text  # noqa: E402


def articles_per_file(folder: Path) -> dict[str, int]:
    """How many articles each export of the folder holds."""
    nq = (folder / "graph.nq").read_text(encoding="utf-8")
    return {
        "graph.json": len(json.loads((folder / "graph.json").read_text(encoding="utf-8"))["articles"]),
        "graph.nq": nq.count("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle>"),
        "graph.trig": (folder / "graph.trig").read_text(encoding="utf-8").count("schema:NewsArticle"),
        "graph.jsonld": (folder / "graph.jsonld").read_text(encoding="utf-8").count("schema.org/NewsArticle"),
    }


def build(inputs: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "kg", "build", str(inputs), "-o", str(out), "-q", "--fresh",
               "--formats", "all"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/kill_build.json"))
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = [ROOT / "seeds", work / "one"]
        inputs[1].mkdir()
        first = sorted((ROOT / "seeds").glob("*.txt"))[0]
        shutil.copy(first, inputs[1] / first.name)
        out = work / "exports"
        start = time.perf_counter()
        assert build(inputs[0], out).wait() == 0
        full = time.perf_counter() - start
        rounds = []
        for number in range(args.rounds):
            process = build(inputs[number % 2], out)
            delay = rng.uniform(0.5, full * 1.1)
            time.sleep(delay)
            killed = process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.wait()
            counts = articles_per_file(out)
            rounds.append({"delay_s": round(delay, 2), "killed": killed, "articles": counts,
                           "whole": len(set(counts.values())) == 1})
        assert build(inputs[0], out).wait() == 0
        stray = sorted(p.name for p in work.iterdir() if p.name.startswith(".exports.tmp"))
    report = {"rounds": len(rounds), "killed": sum(r["killed"] for r in rounds),
              "whole_every_time": all(r["whole"] for r in rounds), "stray_after_next_run": stray,
              "build_seconds": round(full, 1), "details": rounds}
    print(f"{report['rounds']} rounds ({report['killed']} killed mid-run, build {full:.1f} s): the folder "
          f"held one whole set every time: {report['whole_every_time']}; temporaries left after the "
          f"next build: {stray or 'none'}")
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
