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
   Wikidata's direction, against the gold labels of those properties.

(b) and (c) are scored twice: on what the documents state (kg's default), and with the
relations ``kg build --infer`` adds (:mod:`kg.infer`), reported under ``with_inferred``.

The even-numbered documents were the teacher's training text for kg's pipeline (their
silver labels, and gold PER/ORG mentions); the odd ones were not. Both halves are reported.

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
from kg.eval.redocred import is_heldout, read_redocred  # noqa: E402
from kg.infer import add_inferred  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.schema import RELATION_TYPES  # noqa: E402

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def span_key(text: str, start: int, end: int) -> tuple[int, int]:
    """A mention's span without a leading "the".

    >>> span_key("in the United States", 3, 20), span_key("in Theresienstadt", 3, 17)
    ((7, 20), (3, 17))
    """
    return (start + 4, end) if text[start:start + 4].lower() == "the " else (start, end)


def evaluate(docs, graph) -> dict:
    mentions_by_doc = defaultdict(list)
    for mention in graph.mentions:
        mentions_by_doc[mention.article].append(mention)
    relations_by_doc = defaultdict(list)
    for relation in graph.relation_list():
        relations_by_doc[relation.evidence.article].append(relation)
    mapped_properties = {p for t in RELATION_TYPES.values() for p in t.wikidata}
    counts = Counter()
    per_type = defaultdict(Counter)
    per_property = defaultdict(Counter)  # gold relations of each property, and how many kg found
    for doc in docs:
        article = f"d{doc.index}"
        text = doc.text
        gold_spans = {(*span_key(text, m.start, m.end), e.type) for e in doc.entities
                      if e.type in ("PER", "ORG", "LOC") for m in e.mentions}
        names = [m for m in mentions_by_doc[article] if m.kind in ("name", "demonym")]
        predicted_spans = {(*span_key(text, m.start, m.end),
                            TYPE_MAP.get(graph.get_entity(m.entity).type)) for m in names}
        predicted_spans = {s for s in predicted_spans if s[2]}
        for gold_type in ("PER", "ORG", "LOC"):
            g = {s for s in gold_spans if s[2] == gold_type}
            p = {s for s in predicted_spans if s[2] == gold_type}
            per_type[gold_type]["tp"] += len(g & p)
            per_type[gold_type]["pred"] += len(p)
            per_type[gold_type]["gold"] += len(g)
        # map kg entities to gold vertices by shared exact name spans
        span_to_vertex = {span_key(text, m.start, m.end): v for v, e in enumerate(doc.entities)
                          for m in e.mentions}
        votes = defaultdict(Counter)
        for m in mentions_by_doc[article]:
            vertex = span_to_vertex.get(span_key(text, m.start, m.end))
            if vertex is not None:
                votes[m.entity][vertex] += 1
        vertex_of = {entity: c.most_common(1)[0][0] for entity, c in votes.items()}
        gold_pairs = {frozenset((r.head, r.tail)) for r in doc.relations if r.head != r.tail}
        predicted_pairs = set()
        predicted_typed = set()
        for relation in relations_by_doc[article]:
            if relation.evidence.negated:
                continue
            h, t = vertex_of.get(relation.subject), vertex_of.get(relation.object)
            pair = frozenset((h, t)) if h is not None and t is not None and h != t else None
            predicted_pairs.add(pair or (relation.subject, relation.object))
            rtype = RELATION_TYPES.get(relation.type) if relation.type else None
            if rtype and rtype.wikidata and pair:
                for prop in rtype.wikidata:
                    predicted_typed.add((t, h, prop) if rtype.inverse else (h, t, prop))
        gold_typed = {(r.head, r.tail, r.property) for r in doc.relations if r.property in mapped_properties}
        counts["pair_tp"] += len(gold_pairs & predicted_pairs)
        counts["pair_pred"] += len(predicted_pairs)
        counts["pair_gold"] += len(gold_pairs)
        # a predicted type with several properties (P35/P6) counts once, as a hit if any is gold
        typed_groups = defaultdict(set)
        for h, t, prop in predicted_typed:
            typed_groups[(h, t)].add(prop)
        for (h, t), props in typed_groups.items():
            counts["typed_pred"] += 1
            counts["typed_tp"] += any((h, t, p) in gold_typed for p in props)
        counts["typed_gold"] += len(gold_typed)
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


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--model", default=None)
    parser.add_argument("--report", default=str(ROOT / "benchmarks/reports/redocred.json"))
    args = parser.parse_args(argv)
    path = Path(args.shared) / "corpora/re-docred/dev_revised.json"
    if not path.is_file():
        sys.exit(f"redocred: {path} not found (pass --shared)")
    docs = read_redocred(path)[: args.limit]
    articles = [Article(f"d{d.index}", d.title, d.text, source=f"re-docred dev #{d.index}")
                for d in docs]
    start = time.perf_counter()
    graph = build_articles(articles, model=args.model)
    seconds = time.perf_counter() - start
    heldout = [d for d in docs if is_heldout(d.index)]
    report = {"documents": len(docs), "seconds": round(seconds, 1),
              "failed_documents": [f"{source}: {reason}" for source, reason in graph.report.problems],
              "all": evaluate(docs, graph),
              "heldout_odd": evaluate(heldout, graph),
              "mapped_properties": sorted({p for t in RELATION_TYPES.values() for p in t.wikidata})}
    inferred = add_inferred(graph)
    report["with_inferred"] = {"inferred_relations": inferred, "all": evaluate(docs, graph),
                               "heldout_odd": evaluate(heldout, graph)}
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
    recall = report["all"]["recall_by_property"]
    print("recall by property (all documents): " + ", ".join(
        f"{p} {c['found']}/{c['gold']}" for p, c in recall.items()))
    atomic_write_text(args.report, json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
