"""How long every shipped query takes on an export, per engine.

Times each query in ``queries/`` (with the parameters below) on each engine: the median of
``--repeat`` runs of ``kg.query.query``, loading the export included (that is what one
``kg query`` call costs), and, for rdflib, the parse once and then the query alone. A query
that passes ``--timeout`` is reported as such, not waited for.

With ``--page-size N`` each query whose rows each come from one article
(``kg.query_scope.PER_ARTICLE_QUERIES``) is also timed asked of the first page of N articles
(``kg query ... --page 1 --page-size N``, Oxigraph), as a reader paging through an archive
would, and each query that pages by rank (``RANKED_QUERIES``: ``entities``,
``corroborated``) asked of its first N ranks.

Usage: ``python benchmarks/query_speed.py EXPORT_DIR [--engines oxigraph,rdflib] [--repeat 3]
[--page-size 25]`` or ``python benchmarks/query_speed.py --gum ../shared`` to build the 108
GUM documents first. Writes ``benchmarks/reports/query_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build_articles  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.query import QueryError, _rdflib_dataset, query, query_names  # noqa: E402
from kg.query_scope import PER_ARTICLE_QUERIES, RANKED_QUERIES  # noqa: E402
from kg.rdf.export import write_exports  # noqa: E402

PARAMS = {
    "relations_between": {"a": "United States", "b": "Australia"},
    "neighbors": {"entity": "United States"},
    "sources_of": {"entity": "United States"},
    "timeline": {"entity": "United States"},
    "corroborated": {"n": 2},
}


def time_queries(export: Path, engines: list[str], repeat: int, timeout: float,
                 page_size: int | None = None) -> list[dict]:
    """One row per engine and query: median seconds, rows, or that it timed out; with
    ``page_size``, one more row per query of ``PER_ARTICLE_QUERIES`` and ``RANKED_QUERIES``
    asked of the first page."""
    rows = []
    for engine in engines:
        parsed = None
        if engine == "rdflib":
            start = time.perf_counter()
            parsed = _rdflib_dataset(export)
            parse_seconds = time.perf_counter() - start
        for name in query_names():
            seconds, count = [], None
            for _ in range(repeat):
                start = time.perf_counter()
                try:
                    found = query(parsed if parsed is not None else export, name,
                                  params=PARAMS.get(name), engine=engine, timeout=timeout)
                except QueryError:
                    seconds = None
                    break
                seconds.append(time.perf_counter() - start)
                count = len(found)
            row = {"engine": engine, "query": name, "rows": count,
                   "median_seconds": round(statistics.median(seconds), 3) if seconds else None,
                   "timed_out": seconds is None}
            if parsed is not None:
                row["parse_seconds"] = round(parse_seconds, 2)
            rows.append(row)
            if page_size and engine == "oxigraph" and name in (*PER_ARTICLE_QUERIES, *RANKED_QUERIES):
                rows.append(_time_page(export, name, page_size, repeat, timeout))
    return rows


def _time_page(export: Path, name: str, page_size: int, repeat: int, timeout: float) -> dict:
    seconds, count = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            found = query(export, name, params=PARAMS.get(name), timeout=timeout, page=1,
                          page_size=page_size)
        except QueryError:
            return {"engine": "oxigraph", "query": name, "page_size": page_size, "rows": None,
                    "median_seconds": None, "timed_out": True}
        seconds.append(time.perf_counter() - start)
        count = len(found)
    return {"engine": "oxigraph", "query": name, "page_size": page_size, "rows": count,
            "median_seconds": round(statistics.median(seconds), 3), "timed_out": False}


def gum_export(shared: Path, folder: Path) -> Path:
    from kg.eval.gum import read_gum

    graph = build_articles([d.to_article() for d in read_gum(shared / "corpora/gum")])
    write_exports(graph, folder, formats=("nq",))
    return folder


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", nargs="?")
    parser.add_argument("--gum", help="the shared folder: build GUM's 108 documents and time those")
    parser.add_argument("--engines", default="oxigraph,rdflib")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--page-size", type=int, default=None,
                        help="also time the first page of this many articles (per-article queries)")
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/query_speed.json"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        export = gum_export(Path(args.gum), Path(tmp)) if args.gum else Path(args.export)
        size = (export / "graph.nq").stat().st_size if (export / "graph.nq").exists() else None
        rows = time_queries(export, args.engines.split(","), args.repeat, args.timeout, args.page_size)
    megabytes = f", N-Quads {size / 1e6:.1f} MB" if size else ""
    print(f"export: {args.export or 'GUM, 108 documents'}{megabytes}")
    print(f"{'engine':>8} {'query':>18} {'rows':>6} {'median s':>9}  (loading included; rdflib: parse apart)")
    for r in rows:
        took = "timed out" if r["timed_out"] else f"{r['median_seconds']:.3f}"
        unit = "ranks" if r["query"] in RANKED_QUERIES else "articles"
        scope = f"  (first page of {r['page_size']} {unit})" if "page_size" in r else ""
        print(f"{r['engine']:>8} {r['query']:>18} {r['rows'] if r['rows'] is not None else '':>6} "
              f"{took:>9}{scope}")
    parse = next((r["parse_seconds"] for r in rows if "parse_seconds" in r), None)
    if parse is not None:
        print(f"rdflib parse, once before its queries: {parse} s")
    report = {"export": args.export or "gum", "nquads_bytes": size, "repeat": args.repeat, "rows": rows}
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
