"""kg on real news: GUM's Wikinews articles and interviews (and its other genres), gold by people.

Builds each of GUM's official splits (train / dev / test) as one corpus with kg, and reports
for every split and genre (``kg.eval.news`` says how each is counted):

- named person / organisation / place mentions against GUM's named entities (P / R / F);
- resolution of the pronouns and descriptions GUM links to a named person, organisation or
  place: right, wrong, unresolved (a description holding the entity's own name, "Biologist
  Nick Bos", counted apart: kg knows it by the name);
- entities against GUM's Wikipedia links: wrong merges, splits within a document and across
  the split's corpus;
- relations against the tables people read for every news and interview document
  (``benchmarks/gold/gum/``): precision and recall, by confidence threshold, and how often a
  relation in each confidence bin is right (calibration).

Train documents are kg's to study (``--errors`` lists what went wrong there); dev and test
are reported, never tuned on.

Usage: ``python benchmarks/news.py [--shared ../shared] [--limit N] [--errors]``
Writes ``benchmarks/reports/news.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build_articles  # noqa: E402
from kg.eval.gum import read_gum  # noqa: E402
from kg.eval.news import (  # noqa: E402
    GUM_KINDS,
    MISS_REASONS,
    NAMING_DESCRIPTION,
    entity_names,
    judgment_key,
    miss_reasons,
    prf,
    read_judgments,
    read_news_gold,
    score_entities,
    score_mentions,
    score_relations,
    score_resolution,
)
from kg.extract.confidence import confidence_model  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402

GOLD = ROOT / "benchmarks/gold/gum"
JUDGMENTS = ROOT / "benchmarks/gold/judgments"
SPLITS = ("train", "dev", "test")
NEWS_GENRES = ("news", "interview")
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
BINS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def _add(total: dict, part: dict) -> None:
    for key, counts in part.items():
        total.setdefault(key, Counter()).update(counts)


def _resolution_row(counts: Counter) -> dict:
    right, wrong, unresolved = counts["right"], counts["wrong"], counts["unresolved"]
    total = right + wrong + unresolved
    return {"total": total, "right": right, "wrong": wrong, "unresolved": unresolved,
            "right_share": round(right / total, 3) if total else None,
            "precision": round(right / (right + wrong), 3) if right + wrong else None,
            "unresolved_share": round(unresolved / total, 3) if total else None}


def _relation_rows(judged: list, missed: int) -> dict:
    """P / R at each threshold and the calibration bins, for (relation, gold row or None,
    person's judgment or "") triples: precision against the tables (a relation right when it
    states a row), and precision by judgment (over the judged relations)."""
    gold_rows = {id(g) for _, g, _ in judged if g is not None}
    curve = []
    for threshold in sorted({*THRESHOLDS, confidence_model().threshold}):
        kept = [(r, g, j) for r, g, j in judged if r.evidence.confidence >= threshold]
        right = sum(1 for _, g, _ in kept if g is not None)
        found = {id(g) for _, g, _ in kept if g is not None}
        verdicts = [j == "right" for _, _, j in kept if j]
        total_gold = len(gold_rows) + missed
        curve.append({"threshold": threshold, "relations": len(kept), "right": right,
                      "p": round(right / len(kept), 3) if kept else None,
                      "judged": len(verdicts),
                      "judged_p": round(sum(verdicts) / len(verdicts), 3) if verdicts else None,
                      "found": len(found), "gold": total_gold,
                      "r": round(len(found) / total_gold, 3) if total_gold else None})
    calibration = []
    for low, high in BINS:
        inside = [j == "right" for r, _, j in judged if j and low <= r.evidence.confidence < high]
        calibration.append({"bin": f"{low:.1f}-{min(high, 1.0):.1f}", "judged": len(inside),
                            "right": round(sum(inside) / len(inside), 3) if inside else None})
    return {"curve": curve, "calibration": calibration}


def evaluate_split(docs, tables, judgments, model=None) -> dict:
    """All scores for one split's documents, built together as one corpus (every relation
    kept, whatever its confidence: the curve shows each threshold, the default among them)."""
    graph = build_articles([d.to_article() for d in docs], model=model, min_confidence=0.0)
    by_article = graph.by_article()
    types = {e.id: e.type for e in graph.entity_list()}
    label = {e.id: e.label for e in graph.entity_list()}
    mentions: dict[str, dict] = defaultdict(dict)
    resolution: dict[str, dict] = defaultdict(dict)
    judged_by_genre: dict[str, list] = defaultdict(list)
    missed_by_genre: dict[str, list] = defaultdict(list)
    reasons: Counter = Counter()  # why news and interview rows are missed
    names = entity_names(graph)
    for doc in docs:
        doc_mentions, doc_relations = by_article.get(doc.name, ([], []))
        _add(mentions[doc.genre], score_mentions(doc, doc_mentions, types))
        _add(resolution[doc.genre], score_resolution(doc, doc_mentions))
        if doc.name in tables:
            judged, missed = score_relations(doc_relations, tables[doc.name], graph)
            verdicts = judgments.get(doc.name, {})
            judged_by_genre[doc.genre] += [(r, g, verdicts.get(judgment_key(doc, r, label), ""))
                                           for r, g in judged]
            missed_by_genre[doc.genre] += missed
            if doc.genre in NEWS_GENRES:
                reasons.update(miss_reasons(doc, missed, doc_mentions, doc_relations, names))
    out = {"documents": len(docs), "genres": {}, "entities": score_entities(docs, graph)}
    for genre in sorted({d.genre for d in docs}):
        row = {"mentions": {k: prf(**{x: mentions[genre].get(k, Counter())[x] for x in ("tp", "fp", "fn")})
                            for k in GUM_KINDS},
               "resolution": {k: _resolution_row(c) for k, c in sorted(resolution[genre].items())}}
        if genre in judged_by_genre or genre in missed_by_genre:
            row["relations"] = _relation_rows(judged_by_genre[genre], len(missed_by_genre[genre]))
        out["genres"][genre] = row
    out["resolution_summary"] = {
        name: {kind: _resolution_row(sum((resolution[g].get(kind, Counter()) for g in genres), Counter()))
               for kind in ("third-person pronoun", "description", "other pronoun", NAMING_DESCRIPTION)}
        for name, genres in (("news and interviews", NEWS_GENRES), ("all genres", tuple(resolution)))}
    news_judged = [j for g in NEWS_GENRES for j in judged_by_genre[g]]
    news_missed = [m for g in NEWS_GENRES for m in missed_by_genre[g]]
    out["news_and_interview_relations"] = _relation_rows(news_judged, len(news_missed))
    out["all_table_relations"] = _relation_rows([j for g in judged_by_genre for j in judged_by_genre[g]],
                                                sum(len(m) for m in missed_by_genre.values()))
    out["missed_news_and_interview_rows"] = {reason: reasons[reason] for reason in MISS_REASONS}
    out["_judged"], out["_missed"] = news_judged, news_missed
    return out


def _print(report: dict) -> None:
    print(f"{'split':>5} {'genre':>9} {'PER F':>6} {'ORG F':>6} {'PLACE F':>7}   "
          f"{'3rd-pron right/wrong/unres':>26} {'desc right/wrong/unres':>22}")
    for split in SPLITS:
        for genre, row in report["splits"].get(split, {}).get("genres", {}).items():
            f = [row["mentions"][k]["f"] for k in GUM_KINDS]
            res = row["resolution"]

            def cell(kind, res=res):
                r = res.get(kind)
                return f"{r['right']}/{r['wrong']}/{r['unresolved']}" if r else "-"
            print(f"{split:>5} {genre:>9} {f[0]:>6} {f[1]:>6} {f[2]:>7}   "
                  f"{cell('third-person pronoun'):>26} {cell('description'):>22}")
    print(f"\nresolution of what GUM links to a named person, organisation or place:\n"
          f"{'split':>5} {'genres':>19} {'kind':>20} {'total':>6} {'right':>6} {'wrong':>6} "
          f"{'precision':>9} {'right share':>11}")
    for split in SPLITS:
        for name, kinds in report["splits"].get(split, {}).get("resolution_summary", {}).items():
            for kind, r in kinds.items():
                shown = {"other pronoun": "I, you ... pronoun"}.get(kind, kind)
                print(f"{split:>5} {name:>19} {shown:>20} {r['total']:>6} {r['right']:>6} "
                      f"{r['wrong']:>6} {r['precision'] if r['precision'] is not None else '-':>9} "
                      f"{r['right_share'] if r['right_share'] is not None else '-':>11}")
    print(f"\n{'split':>5} {'entities: nodes with a link':>28} {'wrong merges':>13} "
          f"{'splits in doc':>14} {'splits in corpus':>17}")
    for split in SPLITS:
        e = report["splits"].get(split, {}).get("entities")
        if e:
            print(f"{split:>5} {e['nodes_with_a_link']:>28} {e['wrong_merges']:>13} "
                  f"{e['splits_in_a_document']:>14} {e['splits_across_corpus']:>17}")
    default = confidence_model().threshold
    for key, title in (("news_and_interview_relations", "news and interviews"),
                       ("all_table_relations", "news, interviews and biographies")):
        print(f"\nrelations against the people's tables, {title} (default threshold {default}):")
        print(f"{'split':>5} {'threshold':>9} {'kg':>5} {'P table':>7} {'P judged':>8} "
              f"{'(judged)':>8} {'gold':>5} {'R':>6}")
        for split in SPLITS:
            rel = report["splits"].get(split, {}).get(key)
            for point in rel["curve"] if rel else []:
                mark = "  <- default" if point["threshold"] == default else ""
                print(f"{split:>5} {point['threshold']:>9} {point['relations']:>5} "
                      f"{point['p'] if point['p'] is not None else '-':>7} "
                      f"{point['judged_p'] if point['judged_p'] is not None else '-':>8} "
                      f"{point['judged']:>8} {point['gold']:>5} "
                      f"{point['r'] if point['r'] is not None else '-':>6}{mark}")
        print(f"calibration: how often a judged relation of each confidence is right "
              f"({'dev':>11} | {'test':>11})")
        for index, low_high in enumerate(BINS):
            cells = []
            for split in ("dev", "test"):
                rel = report["splits"].get(split, {}).get(key)
                cell = rel["calibration"][index] if rel else None
                cells.append(f"{cell['right'] if cell and cell['right'] is not None else '-'!s:>5} of "
                             f"{cell['judged'] if cell else 0:>3}")
            print(f"  {low_high[0]:.1f}-{min(low_high[1], 1.0):.1f}: {cells[0]:>11} | {cells[1]:>11}")


def _print_misses(report: dict) -> None:
    print("\nwhy the news and interview rows kg misses (at --min-confidence 0) are missed:")
    for split in SPLITS:
        counts = report["splits"].get(split, {}).get("missed_news_and_interview_rows")
        if counts:
            print(f"{split:>5} " + "; ".join(f"{reason}: {n}" for reason, n in counts.items()))


def _errors(split_report: dict) -> None:
    print("\nrelations kg states that no gold row of the train documents has:")
    for relation, gold, _ in split_report["_judged"]:
        if gold is None:
            print(f"  {relation.evidence.article} {relation.subject} [{relation.predicate}] "
                  f"{relation.object} ({relation.evidence.confidence})")
    print("\ngold rows of the train documents kg does not state:")
    for row in split_report["_missed"]:
        print(f"  {row.document}:{row.sentence} {row.subject[0]} [{row.predicate}] {row.object[0]}")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--limit", type=int, default=0, help="documents per split (0: all)")
    parser.add_argument("--splits", default=",".join(SPLITS))
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", action="store_true", help="list the train split's relation errors")
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/news.json"))
    args = parser.parse_args(argv)
    docs = read_gum(Path(args.shared) / "corpora/gum")
    tables = read_news_gold(GOLD)
    report = {"gold_tables": len(tables), "gold_rows": sum(len(t) for t in tables.values()),
              "default_min_confidence": confidence_model().threshold, "splits": {}}
    for split in args.splits.split(","):
        chosen = [d for d in docs if d.split == split]
        if args.limit:  # one document of each genre in turn, news and interviews first
            rank = Counter()
            order = []
            for doc in sorted(chosen, key=lambda d: (d.genre not in NEWS_GENRES, d.genre, d.name)):
                rank[doc.genre] += 1
                order.append((rank[doc.genre], doc.genre not in NEWS_GENRES, doc.genre, doc))
            chosen = [item[-1] for item in sorted(order, key=lambda item: item[:3])][:args.limit]
        report["splits"][split] = evaluate_split(chosen, tables, read_judgments(JUDGMENTS),
                                                 model=args.model)
    _print(report)
    _print_misses(report)
    if args.errors and "train" in report["splits"]:
        _errors(report["splits"]["train"])
    for split_report in report["splits"].values():
        del split_report["_judged"], split_report["_missed"]
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
