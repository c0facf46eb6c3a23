"""Relations kg states in the GUM documents with a relation table, for a person to judge.

The relation tables (``benchmarks/gold/gum/``) were written before anyone saw kg's output:
they measure recall, and precision only up to wording (a table's "win" and kg's "receive"
of the same prize do not match). A judgment is the other half: a person reads each relation
kg states with its sentence, in the article, and says whether the article states it
(``right``) or not (``wrong``): right entities, right direction, a predicate that says what
the sentence says, negation as the sentence has it. ``benchmarks/news.py`` reports the
judged precision beside the table's, and ``training/train_confidence.py`` learns from the
train documents' judgments.

This script writes, for each such document, ``benchmarks/gold/judgments/DOC.tsv`` with the
relations kg states now (every one, whatever its confidence) that have no judgment yet,
appended below the judged ones with an empty judgment column; judged rows are never changed.

Usage: ``python benchmarks/news_judgments.py [--shared ../shared] [--split train|dev|test]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build_articles  # noqa: E402
from kg.eval.gum import read_gum  # noqa: E402
from kg.eval.news import judgment_key, read_judgments, read_news_gold  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402

TABLES = ROOT / "benchmarks/gold/gum"
JUDGMENTS = ROOT / "benchmarks/gold/judgments"
HEADER = ("# {doc}: kg's relations, judged by reading each with its sentence in the article.\n"
          "# judgment: right (the article states it: entities, direction, meaning, negation)"
          " or wrong; a note may say why.\n"
          "# sentence\tsubject\tpredicate\tobject\tnegated\tjudgment\tnote\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--split", default=None, help="only this split's documents")
    args = parser.parse_args(argv)
    tables = read_news_gold(TABLES)
    docs = [d for d in read_gum(Path(args.shared) / "corpora/gum")
            if d.name in tables and (args.split is None or d.split == args.split)]
    JUDGMENTS.mkdir(parents=True, exist_ok=True)
    added = 0
    for split in sorted({d.split for d in docs}):  # each split one corpus, as news.py builds it
        added += _add_unjudged([d for d in docs if d.split == split])
    print(f"{added} relations to judge, in {JUDGMENTS}")
    return added


def _add_unjudged(docs) -> int:
    graph = build_articles([d.to_article() for d in docs], min_confidence=0.0)
    label = {e.id: e.label for e in graph.entity_list()}
    by_article = graph.by_article()
    added = 0
    for doc in docs:
        path = JUDGMENTS / f"{doc.name}.tsv"
        judged = read_judgments(JUDGMENTS).get(doc.name, {})
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else \
            [HEADER.format(doc=doc.name)]
        for relation in by_article.get(doc.name, ([], []))[1]:
            key = judgment_key(doc, relation, label)
            if key in judged:
                continue
            judged[key] = ""
            lines.append("\t".join([str(key[0]), *key[1:4], "negated" if key[4] else "", "", ""]) + "\n")
            added += 1
        atomic_write_text(path, "".join(lines))
    return added


if __name__ == "__main__":
    main()
