"""Train kg's definite description model (``kg/data/definite_model.json``).

kg parses every GUM train document (all genres) and resolves mentions exactly as ``kg
build`` does, except that at each definite description of a thing ("the city", "the
company": :func:`kg.extract.definites.description_nouns`) the chooser records every
candidate with its gold label and then follows the gold answer. A candidate is right when
its mentions fall (mostly) in the gold chain of the GUM mention the description heads; a
description GUM links to no candidate (a city never named, a generic "the company") makes
"no antecedent" right. The mention-ranking model is fitted as the pronoun model is
(``training/train_resolution.py``: a softmax over the candidates and "no antecedent", L2).

The threshold: the model resolves GUM's dev documents (never its test ones); the lowest
probability at which the descriptions it resolves are right at least ``TARGET`` of the time
becomes the model's threshold.

Usage: ``python training/train_definites.py [--shared ../shared]`` (``pip install -e ".[train]"``)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from train_resolution import _cluster_chain, fit  # noqa: E402

from kg.eval.gum import GumDocument, read_gum  # noqa: E402
from kg.extract import definites  # noqa: E402
from kg.extract.coref import resolve_mentions  # noqa: E402
from kg.gazetteer import Gazetteer  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.learned import LogisticModel  # noqa: E402
from kg.nlp.pipeline import load_pipeline  # noqa: E402

DATA = ROOT / "kg/data"
TARGET = 0.85  # dev precision the threshold must reach (issue #16 asks 0.85 on dev and test)
L2 = 0.3  # penalty on the squared weights (0.1-3.0 tried: 0.3 best on train, all alike on dev)


def decisions_of(spacy_docs, docs: list[GumDocument], gazetteer, decisions: list,
                 outcomes: list | None = None, model: LogisticModel | None = None) -> None:
    """Record each description's candidates and which are right (none: "no antecedent"), then
    follow the gold answer; or, with ``model``, record its best candidate's probability and
    whether it is right, resolving it only at the model's threshold (the dev pass gives a
    threshold above 1, so every description is scored against the same candidates)."""
    for doc, spacy_doc in zip(docs, spacy_docs, strict=True):
        head_chain = {doc.tokens[m.head].start: m.chain for m in doc.mentions if m.kind != "pronoun"}
        cache: dict = {}

        def choose(token, found, head_chain=head_chain, doc=doc, spacy_doc=spacy_doc, cache=cache):
            gold = head_chain.get(token.idx)
            right = [i for i, c in enumerate(found) if gold is not None and
                     _cluster_chain(spacy_doc, c.cluster, doc.mentions, cache) == gold]
            if model is not None:
                probability, best = definites.choice(model, token, found)
                if best is None:
                    return None
                outcomes.append((probability, best in right))
                return found[best].cluster if probability >= model.threshold else None
            if found:
                decisions.append(([c.features for c in found], definites.no_antecedent(token, found),
                                  right))
            return found[right[0]].cluster if right else None

        resolve_mentions(spacy_doc, gazetteer, choose_definite=choose)


def main(argv: list[str] | None = None) -> LogisticModel:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--out", default=str(DATA / definites.MODEL_FILE))
    args = parser.parse_args(argv)
    gum = read_gum(Path(args.shared) / "corpora/gum")
    train = [d for d in gum if d.split == "train"]
    dev = [d for d in gum if d.split == "dev"]
    nlp, gazetteer = load_pipeline(), Gazetteer.bundled()
    decisions: list = []
    decisions_of(list(nlp.pipe(d.text for d in train)), train, gazetteer, decisions)
    weights = fit(decisions, L2)
    outcomes: list = []
    dev_docs = list(nlp.pipe(d.text for d in dev))
    decisions_of(dev_docs, dev, gazetteer, [], outcomes, LogisticModel(weights, threshold=1.1))
    threshold, precision, resolved = 0.95, 0.0, 0
    for step in range(19, 5, -1):  # the lowest threshold whose resolutions are right >= TARGET
        kept = [right for p, right in outcomes if p >= step / 20]
        print(f"  dev at {step / 20:.2f}: {len(kept)} resolved, precision "
              f"{sum(kept) / len(kept) if kept else 0:.3f}")
        if kept and sum(kept) / len(kept) >= TARGET:
            threshold, precision, resolved = step / 20, sum(kept) / len(kept), len(kept)
    about = {
        "trained on": f"GUM train ({len(train)} documents, {len(decisions)} descriptions with a "
                      f"candidate)",
        "licences": "GUM annotations CC BY 4.0",
        "model": "mention ranking: softmax over the candidates and 'no antecedent'",
        "with a right candidate": sum(1 for _, _, right in decisions if right), "l2": L2,
        "threshold chosen on": f"GUM dev ({len(dev)} documents): the lowest with precision >= {TARGET}",
        "dev precision at threshold": round(precision, 3), "dev descriptions resolved at threshold": resolved,
        "dev descriptions with a candidate": len(outcomes),
    }
    model = LogisticModel(weights, threshold, about)
    atomic_write_text(args.out, model.to_json())
    print(f"{len(decisions)} descriptions ({about['with a right candidate']} with a right candidate); "
          f"threshold {threshold}: dev precision {precision:.3f} on {resolved} of {len(outcomes)} "
          f"-> {args.out}")
    return model


if __name__ == "__main__":
    main()
