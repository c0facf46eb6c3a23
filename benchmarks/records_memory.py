"""What holding an exports folder's records, and the graph made of them, costs in memory.

An incremental ``kg build`` (or ``kg remove``) reads every kept article's record
(``extractions.jsonl``) and makes the graph of all of them before it writes the exports; this
measures those two steps alone, in this process: resident memory after the records are read
and after the graph is made (and the peak), with their times.

Usage: ``python benchmarks/records_memory.py OUT [--report PATH]`` on the output of a
``kg build`` (for instance ``benchmarks/scale.py``'s largest). Writes
``benchmarks/reports/records_memory.json``.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import Extracted, graph_of  # noqa: E402
from kg.incremental import read_records  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402


def _resident_mb() -> float:
    """This process's resident memory now (Linux: /proc; elsewhere the peak)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return _peak_mb()


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="an exports folder written by kg build")
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/records_memory.json"))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    records = read_records(args.out)
    if records is None:
        raise SystemExit(f"{args.out}: no extractions.jsonl here")
    gc.collect()
    report: dict = {"export": str(args.out), "articles": len(records.by_id),
                    "records": {"resident_mb": _resident_mb(), "peak_mb": _peak_mb(),
                                "seconds": round(time.perf_counter() - start, 1)}}
    graph = graph_of(Extracted(list(records.by_id.values()), [], [], records.settings.get("model", "")))
    gc.collect()
    report["graph"] = {"resident_mb": _resident_mb(), "peak_mb": _peak_mb(),
                       "seconds": round(time.perf_counter() - start, 1),
                       "entities": graph.number_of_entities(), "relations": graph.number_of_relations()}
    print(f"{report['articles']:,} articles' records: {report['records']['resident_mb']} MB "
          f"(peak {report['records']['peak_mb']}), {report['records']['seconds']} s")
    print(f"and their graph ({report['graph']['entities']:,} entities, {report['graph']['relations']:,} "
          f"relations): {report['graph']['resident_mb']} MB (peak {report['graph']['peak_mb']}), "
          f"{report['graph']['seconds']} s")
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
