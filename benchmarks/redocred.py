"""kg end to end on Re-DocRED dev documents: entities, related pairs, typed relations.

Each document's text is rebuilt from its tokens (:mod:`kg.eval.redocred`) and built with
``kg.build.build_articles``: kg finds its own entities; nothing from the gold is given to it.
Scores, against the gold vertexSet and labels:

a. entity mentions (names kg found, and demonyms it tied to their place, exact character
   spans, but for a leading "the", which Re-DocRED's annotators included or not: "the
   United States" 64 times, "United States" 32) by type: PERSON -> PER, ORG -> ORG,
   GPE/LOC/FAC -> LOC (Re-DocRED, like kg, counts "Turkish" in "a Turkish manufacturer" as
   a mention of Turkey);
b. entity pairs for "some relation is stated": kg's relations whose two ends map to gold
   entities (a kg entity maps to the gold entity sharing most of its name mentions),
   unordered, against the gold pairs with any label;
c. typed relations for the Wikidata properties kg's schema maps to (``kg.schema``), in
   Wikidata's direction, counted as facts in kg's relation types on both sides: a gold
   pair labelled with several properties of one kg type (P17 and P131, both "located in")
   is one fact, as is a kg relation of a type that maps to several (P35/P6). Recall by
   property counts each gold label found.

(b) and (c) are scored twice: on what the documents state (kg's default), and with the
relations ``kg build --infer`` adds (:mod:`kg.infer`), reported under ``with_inferred``
with the precision of the inferred relations by confidence (does 0.7 mean 7 in 10?).

The even-numbered documents were the teacher's training text for kg's pipeline (their
silver labels, and gold PER/ORG mentions) and the located-in model's training data
(``training/train_located_in.py``); the odd ones were not. Both halves are reported; the
odd (held-out) half is the fair measurement.

Usage: ``python benchmarks/redocred.py [--shared ../shared] [--limit N] [--report PATH]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build_articles  # noqa: E402
from kg.eval.metrics import prf  # noqa: E402
from kg.eval.redocred import gold_vertices, is_heldout, read_redocred, span_key  # noqa: E402
from kg.infer import add_inferred  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.schema import RELATION_TYPES  # noqa: E402

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
# each mapped Wikidata property -> the properties of the kg relation type it belongs to:
# a gold pair labelled both P17 and P131 is one "located in" fact, as kg states it once
PROPERTY_GROUP = {p: t.wikidata for t in RELATION_TYPES.values() for p in t.wikidata}


def evaluate(docs, graph) -> dict:
    by_article = graph.by_article()
    mapped_properties = set(PROPERTY_GROUP)
    counts = Counter()
    per_type = defaultdict(Counter)
    per_property = defaultdict(Counter)  # gold relations of each property, and how many kg found
    for doc in docs:
        mentions, relations = by_article.get(f"d{doc.index}", ([], []))
        text = doc.text
        gold_spans = {(*span_key(text, m.start, m.end), e.type) for e in doc.entities
                      if e.type in ("PER", "ORG", "LOC") for m in e.mentions}
        names = [m for m in mentions if m.kind in ("name", "demonym")]
        predicted_spans = {(*span_key(text, m.start, m.end),
                            TYPE_MAP.get(graph.get_entity(m.entity).type)) for m in names}
        predicted_spans = {s for s in predicted_spans if s[2]}
        for gold_type in ("PER", "ORG", "LOC"):
            g = {s for s in gold_spans if s[2] == gold_type}
            p = {s for s in predicted_spans if s[2] == gold_type}
            per_type[gold_type]["tp"] += len(g & p)
            per_type[gold_type]["pred"] += len(p)
            per_type[gold_type]["gold"] += len(g)
        vertex_of = gold_vertices(doc, mentions)  # shared exact spans
        gold_pairs = {frozenset((r.head, r.tail)) for r in doc.relations if r.head != r.tail}
        predicted_pairs = set()
        predicted_typed = set()  # (head, tail, property), every property kg's type maps to
        predicted_facts = set()  # (head, tail, property group): one per kg relation type
        for relation in relations:
            if relation.evidence.negated:
                continue
            h, t = vertex_of.get(relation.subject), vertex_of.get(relation.object)
            pair = frozenset((h, t)) if h is not None and t is not None and h != t else None
            predicted_pairs.add(pair or (relation.subject, relation.object))
            rtype = RELATION_TYPES.get(relation.type) if relation.type else None
            if rtype and rtype.wikidata and pair:
                head, tail = (t, h) if rtype.inverse else (h, t)
                predicted_facts.add((head, tail, rtype.wikidata))
                predicted_typed.update((head, tail, prop) for prop in rtype.wikidata)
        gold_typed = {(r.head, r.tail, r.property) for r in doc.relations if r.property in mapped_properties}
        gold_facts = {(h, t, PROPERTY_GROUP[prop]) for h, t, prop in gold_typed}
        counts["pair_tp"] += len(gold_pairs & predicted_pairs)
        counts["pair_pred"] += len(predicted_pairs)
        counts["pair_gold"] += len(gold_pairs)
        counts["typed_tp"] += len(gold_facts & predicted_facts)
        counts["typed_pred"] += len(predicted_facts)
        counts["typed_gold"] += len(gold_facts)
        for h, t, prop in gold_typed:
            per_property[prop]["gold"] += 1
            per_property[prop]["found"] += (h, t, prop) in predicted_typed
    entity_all = Counter()
    for c in per_type.values():
        entity_all.update(c)
    return {
        "entity_mentions": {k: prf(v["tp"], v["pred"], v["gold"]) for k, v in per_type.items()}
        | {"ALL": prf(entity_all["tp"], entity_all["pred"], entity_all["gold"])},
        "related_pairs": prf(counts["pair_tp"], counts["pair_pred"], counts["pair_gold"]),
        "typed_relations": prf(counts["typed_tp"], counts["typed_pred"], counts["typed_gold"]),
        "recall_by_property": {p: {"gold": c["gold"], "found": c["found"],
                                   "r": round(c["found"] / c["gold"], 4)}
                               for p, c in sorted(per_property.items(), key=lambda x: -x[1]["gold"])},
    }


def calibration(docs, graph) -> list[dict]:
    """Precision of the inferred relations by their confidence: does 0.7 mean 7 in 10?

    Counts inferred relations whose two ends map to gold entities; a hit is a gold fact of
    a property the relation's type maps to.
    """
    by_article = graph.by_article()
    bins = Counter()
    for doc in docs:
        mentions, relations = by_article.get(f"d{doc.index}", ([], []))
        vertex_of = gold_vertices(doc, mentions)
        gold = {(r.head, r.tail, r.property) for r in doc.relations}
        for relation in (r for r in relations if r.evidence.inferred):
            h, t = vertex_of.get(relation.subject), vertex_of.get(relation.object)
            if h is None or t is None or h == t:
                continue
            low = min(int(relation.evidence.confidence * 10), 9) / 10
            hit = any((h, t, p) in gold for p in RELATION_TYPES[relation.type].wikidata)
            bins[low, "n"] += 1
            bins[low, "hit"] += hit
    return [{"confidence": f"{low:.1f}-{low + 0.1:.1f}", "relations": bins[low, "n"],
             "precision": round(bins[low, "hit"] / bins[low, "n"], 3)}
            for low in sorted({low for low, _ in bins})]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--model", default=None)
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="kg build's threshold (default: kg's default; 0 keeps every relation)")
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/redocred.json"))
    args = parser.parse_args(argv)
    path = Path(args.shared) / "corpora/re-docred/dev_revised.json"
    if not path.is_file():
        sys.exit(f"redocred: {path} not found (pass --shared)")
    docs = read_redocred(path)[: args.limit]
    articles = [Article(f"d{d.index}", d.title, d.text, source=f"re-docred dev #{d.index}")
                for d in docs]
    start = time.perf_counter()
    graph = build_articles(articles, model=args.model, min_confidence=args.min_confidence)
    seconds = time.perf_counter() - start
    heldout = [d for d in docs if is_heldout(d.index)]
    report = {"documents": len(docs), "seconds": round(seconds, 1),
              "min_confidence": graph.report.min_confidence,
              "failed_documents": [f"{source}: {reason}" for source, reason in graph.report.problems],
              "all": evaluate(docs, graph),
              "heldout_odd": evaluate(heldout, graph),
              "mapped_properties": sorted({p for t in RELATION_TYPES.values() for p in t.wikidata})}
    inferred = add_inferred(graph)
    report["with_inferred"] = {"inferred_relations": inferred, "all": evaluate(docs, graph),
                               "heldout_odd": evaluate(heldout, graph),
                               "calibration_heldout_odd": calibration(heldout, graph)}
    print(f"Re-DocRED dev, {len(docs)} documents, kg end to end ({seconds:.0f} s), "
          f"{len(graph.report.problems)} failed")
    print(f"{'':28} {'all P':>7} {'R':>6} {'F':>6}   {'held-out P':>10} {'R':>6} {'F':>6}")
    stated, inferred = report, report["with_inferred"]
    rows = [(f"entity mentions {t}", stated, ("entity_mentions", t)) for t in ("PER", "ORG", "LOC", "ALL")]
    rows += [("related pairs", stated, ("related_pairs",)),
             ("typed (mapped properties)", stated, ("typed_relations",)),
             ("with --infer: related pairs", inferred, ("related_pairs",)),
             ("with --infer: typed", inferred, ("typed_relations",))]
    for name, source, keys in rows:
        a, h = source["all"], source["heldout_odd"]
        for key in keys:
            a, h = a[key], h[key]
        print(f"{name:28} {a['p']:7.3f} {a['r']:6.3f} {a['f']:6.3f}   "
              f"{h['p']:10.3f} {h['r']:6.3f} {h['f']:6.3f}")
    print("inferred relations on the held-out half, precision by confidence: " + ", ".join(
        f"{row['confidence']} {row['precision']:.2f} ({row['relations']})"
        for row in report["with_inferred"]["calibration_heldout_odd"]))
    recall = report["all"]["recall_by_property"]
    print("recall by property (all documents): " + ", ".join(
        f"{p} {c['found']}/{c['gold']}" for p, c in recall.items()))
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
