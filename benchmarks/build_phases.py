"""Where one ``kg build`` spends its time: each phase of a one-process build, timed inside it.

The build is ``kg build DIR -o OUT --fresh -q`` (default exports) run in this process, with
timers wrapped around kg's own functions: the parse (``extract_articles`` less the rules),
the reading rules (``extract_article``, once per article), loading the pipeline, the graph,
and the exports (the store's bulk load, N-Quads, GraphML, the overview diagram, the rest).
Nothing else is changed, so the phases add up to the build's time less Python's start.

Usage: ``python benchmarks/build_phases.py DIR [--report benchmarks/reports/build_phases.json]``
Prints a table; writes a JSON report.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.io import atomic_write_text  # noqa: E402

#: (module, function) pairs timed, each where its caller looks it up, and the phase it is
PHASES = (
    ("kg.incremental", "extract_articles", "parsing and reading"),
    ("kg.build", "extract_article", "reading rules"),
    ("kg.build", "load_pipeline", "loading the pipeline"),
    ("kg.cli", "read_articles", "reading the files"),
    ("kg.incremental", "graph_of", "the graph"),
    ("kg.incremental", "write_exports", "exports"),
    ("kg.rdf.export", "write_store", "exports: the store"),
    ("kg.rdf.export", "write_nquads", "exports: N-Quads"),
    ("kg.rdf.export", "write_graphml", "exports: GraphML"),
    ("kg.draw", "write_overview", "exports: the overview diagram"),
)


@contextlib.contextmanager
def timed(phases=PHASES):
    """Wrap each function of ``phases`` with a timer; yield the seconds by phase."""
    seconds: dict[str, float] = {}
    originals = []
    for module_name, name, phase in phases:
        module = importlib.import_module(module_name)
        original = getattr(module, name)
        originals.append((module, name, original))

        @functools.wraps(original)
        def wrapper(*args, _original=original, _phase=phase, **kwargs):
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                seconds[_phase] = seconds.get(_phase, 0.0) + time.perf_counter() - start

        setattr(module, name, wrapper)
    try:
        yield seconds
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="articles to build (a folder, as kg build takes)")
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/build_phases.json"))
    args = parser.parse_args(argv)
    from kg.cli import app

    with tempfile.TemporaryDirectory() as out, timed() as seconds:
        start = time.perf_counter()
        with contextlib.suppress(SystemExit):  # typer's app exits when done
            app(["build", str(args.folder), "-o", out, "--fresh", "-q"])
        total = time.perf_counter() - start
    phases = dict(seconds)
    phases["parsing"] = phases.get("parsing and reading", 0.0) - phases.get("reading rules", 0.0) \
        - phases.get("loading the pipeline", 0.0)
    report = {"folder": str(args.folder), "seconds": round(total, 2),
              "phases": {k: round(v, 2) for k, v in sorted(phases.items(), key=lambda kv: -kv[1])}}
    print(f"kg build {args.folder}, one process: {total:.1f} s")
    for phase, value in report["phases"].items():
        print(f"  {phase:<32} {value:7.2f} s")
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
