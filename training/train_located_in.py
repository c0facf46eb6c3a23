"""Train kg's located-in model (``kg/data/located_in_model.json``) on Re-DocRED dev.

kg builds the even-numbered Re-DocRED dev documents (the half its spaCy pipeline was
also trained on) end to end, exactly as ``kg build`` does; every candidate pair of
:func:`kg.infer.features.candidate_pairs` whose two entities map to gold entities
(:func:`kg.eval.redocred.gold_vertices`) becomes one example, labelled 1 when the gold
marks the pair with a property of kg's ``located_in`` (P131, P17, P276, P706, P30,
P159). A logistic regression (L2, full-batch gradient descent, fixed steps:
deterministic) is fitted on them with numpy. The odd-numbered documents are never used
here; ``python benchmarks/redocred.py`` measures the model on them (``with_inferred``).

Retrain whenever the pipeline, the extraction rules or the features change, since the
features are computed from kg's own entities and statements.

Usage: ``python training/train_located_in.py [--shared ../shared] [--limit N] [--out PATH]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build_articles  # noqa: E402
from kg.eval.redocred import gold_vertices, is_heldout, read_redocred  # noqa: E402
from kg.infer.features import ArticleContext, candidate_pairs, pair_features  # noqa: E402
from kg.infer.model import LocatedInModel  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.schema import RELATION_TYPES  # noqa: E402

L2 = 1e-3
STEPS = 3000
LEARNING_RATE = 0.5
THRESHOLD = 0.5  # state an inference when it is more likely right than wrong


def examples(docs, graph) -> tuple[list[dict[str, float]], list[int]]:
    """(features, label) of every candidate pair both of whose entities map to the gold."""
    located = set(RELATION_TYPES["located_in"].wikidata)
    contexts = ArticleContext.every(graph)
    mentions = {article: found for article, (found, _) in graph.by_article().items()}
    rows, labels = [], []
    for doc in docs:
        article = f"d{doc.index}"
        if article not in contexts:
            continue  # no entity found
        context = contexts[article]
        vertex_of = gold_vertices(doc, mentions[article])
        gold = {(r.head, r.tail) for r in doc.relations if r.property in located}
        for subject, place in candidate_pairs(context):
            head, tail = vertex_of.get(subject), vertex_of.get(place)
            if head is None or tail is None or head == tail:
                continue
            rows.append(pair_features(context, subject, place))
            labels.append(int((head, tail) in gold))
    return rows, labels


def fit(rows: list[dict[str, float]], labels: list[int]) -> dict[str, float]:
    """Logistic regression weights by feature name."""
    names = sorted({name for row in rows for name in row})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row.items():
            x[i, column[name]] = value
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= LEARNING_RATE * (x.T @ (p - y) / len(y) + L2 * w)
    return {name: round(float(weight), 4) for name, weight in zip(names, w, strict=True)}


def main(argv: list[str] | None = None) -> LocatedInModel:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--out", default=str(ROOT / "kg/data/located_in_model.json"))
    args = parser.parse_args(argv)
    path = Path(args.shared) / "corpora/re-docred/dev_revised.json"
    if not path.is_file():
        sys.exit(f"train_located_in: {path} not found (pass --shared)")
    docs = [d for d in read_redocred(path)[: args.limit] if not is_heldout(d.index)]
    graph = build_articles([Article(f"d{d.index}", d.title, d.text, source=f"re-docred dev #{d.index}")
                            for d in docs])
    rows, labels = examples(docs, graph)
    if not any(labels) or all(labels):
        sys.exit(f"train_located_in: {len(rows)} examples, {sum(labels)} positive: nothing to learn")
    weights = fit(rows, labels)
    model = LocatedInModel(weights, THRESHOLD)
    chosen = [label for row, label in zip(rows, labels, strict=True)
              if model.probability(row) >= THRESHOLD]
    about = {"trained on": f"Re-DocRED dev, the {len(docs)} even-numbered documents",
             "examples": len(rows), "positive": sum(labels), "l2": L2, "steps": STEPS,
             "training precision at threshold": round(sum(chosen) / max(len(chosen), 1), 3),
             "training recall at threshold": round(sum(chosen) / sum(labels), 3)}
    model = LocatedInModel(weights, THRESHOLD, about)
    atomic_write_text(args.out, model.to_json())
    print(f"{len(rows)} examples ({sum(labels)} located in) from {len(docs)} documents; "
          f"at {THRESHOLD}: precision {about['training precision at threshold']}, "
          f"recall {about['training recall at threshold']} (training half) -> {args.out}")
    return model


if __name__ == "__main__":
    main()
