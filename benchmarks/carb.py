"""kg's open extractor on the CaRB dev set, scored by kg's own implementation of CaRB.

Reads ``../shared/eval/carb/dev.txt`` and ``gold/dev.tsv`` (MIT), runs
:func:`kg.extract.clauses.open_tuples` over each sentence (on CaRB's own tokens), scores with
:mod:`kg.eval.carb` with CaRB's default matcher (the one the published anchors were
measured with) and with its stricter ``--strictMatch``, prints a table beside the published
anchors and writes ``benchmarks/reports/carb.json``.

Usage: ``python benchmarks/carb.py [--shared ../shared] [--limit N] [--report PATH]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.carb import Tuple, read_gold, score  # noqa: E402
from kg.extract.clauses import open_tuples  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.nlp.pipeline import load_pipeline  # noqa: E402

ANCHORS = {"Stanford OpenIE": 0.23, "ClausIE": 0.45, "OpenIE4": 0.49, "OpenIE6 (neural, GPU)": 0.53}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--limit", type=int, default=None, help="Only the first N sentences.")
    parser.add_argument("--model", default=None)
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/carb.json"))
    args = parser.parse_args(argv)
    folder = Path(args.shared) / "eval/carb"
    if not (folder / "gold/dev.tsv").is_file():
        sys.exit(f"carb: {folder}/gold/dev.tsv not found (pass --shared)")
    sentences = [line.strip() for line in (folder / "dev.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip()][: args.limit]
    gold_all = read_gold(folder / "gold/dev.tsv")
    gold = {s: gold_all.get(s, []) for s in sentences}
    nlp = load_pipeline(args.model)
    start = time.perf_counter()
    docs = nlp.pipe(Doc(nlp.vocab, words=s.split()) for s in sentences)
    predicted = {s: [Tuple(t.relation, t.args, t.confidence) for t in open_tuples(doc)]
                 for s, doc in zip(sentences, docs, strict=True)}
    seconds = time.perf_counter() - start
    result = score(gold, predicted)
    strict = score(gold, predicted, strict=True)
    best = result.best
    report = {
        "sentences": len(sentences),
        "gold_tuples": sum(len(v) for v in gold.values()),
        "predicted_tuples": sum(len(v) for v in predicted.values()),
        "best_threshold": best.threshold,
        "precision": round(best.precision, 4),
        "recall": round(best.recall, 4),
        "f1": round(best.f1, 4),
        "auc": round(result.auc, 4),
        "seconds": round(seconds, 2),
        "matcher": "CaRB default (binary_linient_tuple_match)",
        "strict_matcher": {"f1": round(strict.best.f1, 4), "precision": round(strict.best.precision, 4),
                           "recall": round(strict.best.recall, 4), "auc": round(strict.auc, 4)},
        "anchors_best_f1": ANCHORS,
        "curve": [{"threshold": p.threshold, "precision": round(p.precision, 4),
                   "recall": round(p.recall, 4)} for p in result.curve],
    }
    print(f"CaRB dev, {report['sentences']} sentences, {report['gold_tuples']} gold tuples, "
          f"{report['predicted_tuples']} predicted")
    print(f"{'system':24} {'F1':>6} {'P':>6} {'R':>6} {'AUC':>6}")
    print(f"{'kg (open mode)':24} {best.f1:6.3f} {best.precision:6.3f} {best.recall:6.3f} {result.auc:6.3f}")
    s_best = strict.best
    print(f"{'kg, --strictMatch':24} {s_best.f1:6.3f} {s_best.precision:6.3f} {s_best.recall:6.3f} "
          f"{strict.auc:6.3f}")
    for name, f1 in ANCHORS.items():
        print(f"{name:24} {f1:6.2f} {'':>6} {'':>6} {'':>6}   (published)")
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
