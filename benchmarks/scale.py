"""kg at archive sizes: speed against bare spaCy, peak memory, export sizes, adding one
article, and every shipped query, on replicated real text (issue #17 item 6).

For each size (``--sizes 1000,5000,20000``) a folder of that many articles is written from
the texts of ``../shared/corpora`` (GUM's documents and Re-DocRED's dev documents, over and
over, each copy with its own closing line so none is a duplicate). Then, each in its own
process so that its peak resident memory is its own:

- bare ``nlp.pipe`` over the same texts (1 process): words/s of spaCy's own loading of the
  bundled pipeline (``spacy.load``), and of kg's pipeline (:func:`kg.nlp.pipeline.load_pipeline`:
  its cached rule components, line sentences and entity rulers), the parse ``kg build`` runs;
- ``kg build DIR -o OUT --fresh`` with the default exports (1 process, and with
  ``--processes 2`` also 2): seconds, words/s, the share of bare ``nlp.pipe``'s words/s,
  peak RSS, the exports' sizes;
- at the largest size: ``kg build ONE_NEW_ARTICLE -o OUT`` (incremental: one article read,
  the rest kept), seconds; and the median latency of every shipped query on ``OUT`` on
  the default engine (``benchmarks/query_speed.py``'s parameters), on the store the default
  build writes (what ``kg query OUT`` opens), and loading ``graph.nq`` alone.

Usage: ``python benchmarks/scale.py [--sizes 1000,5000,20000] [--processes 1,2] [--store-only]``
Writes ``benchmarks/reports/scale.json``. Needs ``../shared``; hours at 20,000 articles.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.query_speed import time_queries  # noqa: E402
from kg.eval.gum import read_gum  # noqa: E402
from kg.eval.redocred import read_redocred  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.query_scope import RANKED_QUERIES  # noqa: E402

# runs a command, then prints the peak resident memory of its process tree (KiB, Linux)
_MEASURED = ("import resource, subprocess, sys\n"
             "code = subprocess.run(sys.argv[1:]).returncode\n"
             "print('PEAK_KIB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
             "sys.exit(code)\n")
# nlp.pipe alone over the corpus: argv[3] "spacy" is spaCy's own loading of the bundled pipeline
# (bare spaCy, the yardstick), "kg" is kg's pipeline (its cached rule components, line
# sentences and entity rulers), the parse that kg build runs
_BARE = ("import sys, time\n"
         "from pathlib import Path\n"
         "import spacy\n"
         "from kg.nlp.pipeline import BUNDLED_MODEL, load_pipeline\n"
         "texts = [p.read_text(encoding='utf-8') for p in sorted(Path(sys.argv[1]).glob('*.txt'))]\n"
         "nlp = spacy.load(BUNDLED_MODEL) if sys.argv[3] == 'spacy' else load_pipeline()\n"
         "start = time.perf_counter()\n"
         "for _ in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2])):\n"
         "    pass\n"
         "print('SECONDS', time.perf_counter() - start)\n")


def source_texts(shared: Path) -> list[str]:
    """Real text to replicate: GUM's documents and Re-DocRED's dev documents."""
    texts = [doc.to_article().text for doc in read_gum(shared / "corpora/gum")]
    texts += [doc.text for doc in read_redocred(shared / "corpora/re-docred/dev_revised.json")]
    return [t for t in texts if t.strip()]


def write_corpus(folder: Path, texts: list[str], size: int) -> int:
    """``size`` articles in ``folder``; returns their words."""
    folder.mkdir(parents=True)
    words = 0
    for i in range(size):
        text = f"{texts[i % len(texts)]}\n\nCopy {i} of this text, for the benchmark.\n"
        (folder / f"article_{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def measured(command: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) and output of ``command`` run in its own process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, *command], capture_output=True,
                          text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some input skipped, and said so
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    peak = next(int(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("PEAK_KIB"))
    return seconds, round(peak / 1024, 1), done.stdout


def bare_words_per_second(folder: Path, words: int, processes: int, pipeline: str = "spacy") -> float:
    """Words per second of ``nlp.pipe`` alone: ``pipeline`` "spacy" (``spacy.load`` of the
    bundled pipeline) or "kg" (:func:`kg.nlp.pipeline.load_pipeline`)."""
    done = subprocess.run([sys.executable, "-c", _BARE, str(folder), str(processes), pipeline],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    seconds = float(next(line.split()[1] for line in done.stdout.splitlines() if line.startswith("SECONDS")))
    return round(words / seconds)


def export_sizes(out: Path) -> dict[str, float]:
    sizes = {}
    for path in sorted(out.iterdir()):
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        sizes[path.name] = round(sum(f.stat().st_size for f in files) / 1e6, 2)
    return sizes


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--processes", default="1", help="comma-separated: 1,2")
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/scale.json"))
    parser.add_argument("--store-only", action="store_true",
                        help="time the queries on the store only, not loading graph.nq for each "
                             "(minutes a query at 20,000 articles)")
    args = parser.parse_args(argv)
    texts = source_texts(Path(args.shared))
    sizes = [int(s) for s in args.sizes.split(",")]
    processes = [int(p) for p in args.processes.split(",")]
    kg = str(Path(sys.executable).with_name("kg"))
    report: dict = {"source_texts": len(texts), "sizes": []}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            corpus, out = Path(tmp) / f"corpus_{size}", Path(tmp) / f"out_{size}"
            words = write_corpus(corpus, texts, size)
            bare = bare_words_per_second(corpus, words, 1)
            row: dict = {"articles": size, "words": words, "bare_nlp_pipe_words_per_second": bare,
                         "kg_pipeline_nlp_pipe_words_per_second":
                             bare_words_per_second(corpus, words, 1, "kg")}
            for n in processes:
                seconds, peak, _ = measured([kg, "build", str(corpus), "-o", str(out), "--fresh", "-q",
                                             "--n-process", str(n)])
                row[f"build_{n}_process"] = {
                    "seconds": round(seconds, 1), "articles_per_second": round(size / seconds, 1),
                    "words_per_second": round(words / seconds),
                    "share_of_bare_nlp_pipe": round(words / seconds / bare, 3),
                    "share_of_kg_pipeline_nlp_pipe": round(
                        words / seconds / row["kg_pipeline_nlp_pipe_words_per_second"], 3),
                    "peak_rss_mb": peak}
            row["export_sizes_mb"] = export_sizes(out)
            report["sizes"].append(row)
            _print_row(row, processes)
        largest = Path(tmp) / f"out_{sizes[-1]}"
        new = Path(tmp) / "new" / "one_new_article.txt"
        new.parent.mkdir()
        new.write_text(f"{texts[1]}\n\nOne article added to the archive.\n", encoding="utf-8")
        seconds, peak, output = measured([kg, "build", str(new), "-o", str(largest), "-q"])
        report["add_one_article"] = {"to_articles": sizes[-1], "seconds": round(seconds, 1),
                                     "peak_rss_mb": peak, "incremental": "kept" in output}
        print(f"\nadding one article to {sizes[-1]:,}: {seconds:.1f} s, peak {peak} MB")
        # the default build writes the store, which kg query opens; graph.nq loaded in memory
        # is what a query on the file alone costs
        # and each per-article query asked of the first page of 25 articles, each ranked one
        # of its first 25 ranks (kg.query_scope)
        report["queries_on_store"] = time_queries(largest, ["oxigraph"], repeat=3, timeout=120,
                                                  page_size=25)
        if not args.store_only:
            report["queries"] = time_queries(largest / "graph.nq", ["oxigraph"], repeat=3, timeout=120)
        print(f"\nqueries on {sizes[-1]:,} articles (median of 3, seconds): loading graph.nq | "
              f"on the store")
        for stored in report["queries_on_store"]:
            if "page_size" in stored:
                unit = "ranks" if stored["query"] in RANKED_QUERIES else "articles"
                print(f"  {stored['query']:<20} first page of {stored['page_size']} {unit}: "
                      f"{stored['median_seconds']}  ({stored['rows']} rows)")
                continue
            loaded = next((q["median_seconds"] for q in report.get("queries", [])
                           if q["query"] == stored["query"]), "-")
            print(f"  {stored['query']:<20} {loaded} | {stored['median_seconds']}  ({stored['rows']} rows)")
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


def _print_row(row: dict, processes: list[int]) -> None:
    line = (f"{row['articles']:>7,} articles {row['words']:>11,} words | bare nlp.pipe "
            f"{row['bare_nlp_pipe_words_per_second']:>6,} w/s | kg's pipeline alone "
            f"{row['kg_pipeline_nlp_pipe_words_per_second']:>6,} w/s")
    for n in processes:
        b = row[f"build_{n}_process"]
        line += (f" | kg build ({n}p) {b['seconds']:>7} s {b['words_per_second']:>6,} w/s "
                 f"({b['share_of_bare_nlp_pipe']:.2f} of bare) peak {b['peak_rss_mb']} MB")
    print(line)
    print("          exports (MB): " + ", ".join(f"{k} {v}" for k, v in row["export_sizes_mb"].items()))


if __name__ == "__main__":
    main()
