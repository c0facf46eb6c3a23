"""How fast ``kg build`` is, and how much memory it takes, on a folder of many articles.

Makes a temporary folder of N articles (the seed articles again and again, each copy with
its own closing line so none is a duplicate) plus three bad files (empty, binary, not
UTF-8), builds it with 1 and 2 processes, writes the exports, and reports articles/s,
words/s, the exports' time and the peak resident memory. Checks that the N articles were
built and the three bad files reported.

Usage: ``python benchmarks/build_speed.py [--articles 300]``
Writes ``benchmarks/reports/build_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.rdf.export import write_exports  # noqa: E402


def make_corpus(folder: Path, n_articles: int) -> int:
    """Write ``n_articles`` articles and three bad files; return the number of words."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    words = 0
    for i in range(n_articles):
        text = seeds[i % len(seeds)] + f"\n\nCopy {i} of this article, for the benchmark.\n"
        (folder / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    (folder / "bad_empty.txt").write_text("", encoding="utf-8")
    (folder / "bad_binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "bad_latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    return words


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/build_speed.json"))
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = make_corpus(folder, args.articles)
        build([ROOT / "seeds"])  # load the pipeline once, outside the timings
        for processes in (1, 2):
            start = time.perf_counter()
            graph = build([folder], n_process=processes, batch_size=32)
            seconds = time.perf_counter() - start
            assert graph.report.articles_read == args.articles, graph.report.articles_read
            assert len(graph.report.problems) == 3, graph.report.problems
            start = time.perf_counter()
            write_exports(graph, Path(tmp) / f"exports{processes}")
            export_seconds = time.perf_counter() - start
            rows.append({
                "processes": processes, "articles": args.articles, "words": words,
                "seconds": round(seconds, 1), "articles_per_second": round(args.articles / seconds, 1),
                "words_per_second": round(words / seconds), "export_seconds": round(export_seconds, 1),
                "entities": graph.number_of_entities(), "relations": graph.number_of_relations(),
                "bad_files_reported": len(graph.report.problems),
            })
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'processes':>9} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'words/s':>8} "
          f"{'exports s':>9} {'relations':>9}")
    for r in rows:
        print(f"{r['processes']:>9} {r['articles']:>8} {r['seconds']:>8} {r['articles_per_second']:>10} "
              f"{r['words_per_second']:>8} {r['export_seconds']:>9} {r['relations']:>9}")
    print(f"peak resident memory: {peak_mb:.0f} MB; 3 bad files reported, the rest built")
    report = {"rows": rows, "peak_rss_mb": round(peak_mb)}
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
