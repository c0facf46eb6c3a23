"""How long, and how much memory, ``kg build`` takes on inputs built to hurt it (issue #19).

Each case runs ``kg build`` in a process of its own and reports its wall time, its peak
resident memory and its exit status:

- an HTML page of 100,000 nested ``<div>`` around one sentence (parsing was quadratic:
  746 s and 2.1 GB before);
- 50 MB of zeros on standard input, against the default 20 MB ``--max-bytes`` (it was read
  whole);
- one article of 300,000 characters (the seed articles again and again: it took 348 s),
  the default ``--max-chars``;
- one of 1,000,000 characters, cut to the default 300,000.

Usage: ``python benchmarks/hostile_inputs.py``; writes ``benchmarks/reports/hostile_inputs.json``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.io import atomic_write_text  # noqa: E402

# kg build in-process, then its own peak resident memory on the last line of stderr
WRAPPER = """
import resource, sys
from kg.cli import main
sys.argv = ["kg", "build", *sys.argv[1:]]
try:
    main()
finally:
    print(f"PEAK_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def run(args: list[str], stdin: bytes | None = None) -> dict:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *args, "--no-diagram", "-q"],
                          input=stdin, capture_output=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    peak = int(lines[-1].split("=")[1]) if lines and lines[-1].startswith("PEAK_KB=") else 0
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak / 1024), "exit": done.returncode,
            "stderr": " | ".join(lines[:-1])[:200]}


def main() -> dict:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    cases = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        nested = work / "nested.html"
        nested.write_text("<html><body>" + "<div>" * 100_000 + "<p>Elon Musk met Vladimir Putin.</p>"
                          + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
        cases["HTML, 100,000 nested divs"] = run([str(nested), "-o", str(work / "o1")])
        cases["stdin, 50 MB of zeros (limit 20 MB)"] = run(["-", "-o", str(work / "o2")], b"0" * 50_000_000)
        for size in (300_000, 1_000_000):
            path = work / f"long{size}.txt"
            text = ("Long\n\n" + (seeds + "\n\n") * (size // len(seeds) + 1))[:size]
            path.write_text(text, encoding="utf-8")
            cases[f"one article of {size:,} characters"] = run([str(path), "-o", str(work / f"o{size}")])
    print(f"{'case':40} {'seconds':>8} {'peak MB':>8} {'exit':>5}")
    for name, row in cases.items():
        print(f"{name:40} {row['seconds']:>8} {row['peak_rss_mb']:>8} {row['exit']:>5}")
    atomic_write_text(ROOT / "benchmarks/reports/hostile_inputs.json", json.dumps(cases, indent=1) + "\n")
    return cases


if __name__ == "__main__":
    main()
