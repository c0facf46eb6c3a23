"""How long diagrams take: the seed overview and synthetic graphs of 100-300 entities.

Prints a table and writes ``benchmarks/reports/draw_speed.json``. A synthetic graph has
a few hubs (like a news corpus: many stories about a few people) and random relations,
all seeded.

Usage: ``python benchmarks/draw_speed.py``
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.model import Article, Entity, Evidence, Mention, Relation  # noqa: E402

TYPES = ["PERSON", "ORG", "GPE", "PRODUCT", "NORP", "EVENT"]
PREDICATES = ["meet", "criticize", "support", "be in contact with", "leader of", "sue", "visit"]


def synthetic_graph(n_entities: int, n_relations: int | None = None, seed: int = 1) -> KnowledgeGraph:
    """A reproducible graph of ``n_entities`` entities with hub-heavy random relations."""
    rng = random.Random(seed)
    graph = KnowledgeGraph()
    text = "A sentence about them."
    for a in range(max(1, n_entities // 10)):
        graph.add_article(Article(f"a{a}", f"Article {a}", text))
    ids = [f"e{i}" for i in range(n_entities)]
    for i, entity_id in enumerate(ids):
        graph.add_entity(Entity(entity_id, f"Entity {i} {rng.choice(['Smith', 'Corp', 'Land'])}",
                                TYPES[i % len(TYPES)], mention_count=rng.randint(1, 30)))
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n_entities)]
    for r in range(n_relations or n_entities * 2):
        s, o = rng.choices(ids, weights=weights, k=2)
        if s == o:
            continue
        article = f"a{r % max(1, n_entities // 10)}"
        ev = Evidence(article, text, 0, len(text), hedged=rng.random() < 0.2)
        graph.add_relation(Relation(s, rng.choice(PREDICATES), o, None, ev))
        graph.add_mention(Mention(article, 0, 1, "A", s))
    return graph


def main() -> dict:
    from kg.build import build
    from kg.draw import draw, save_figure

    rows = []
    cases = [("seeds overview", build([ROOT / "seeds"]))] + [
        (f"synthetic {n} entities", synthetic_graph(n)) for n in (100, 200, 300)]
    out = ROOT / "benchmarks/reports"
    for name, graph in cases:
        start = time.perf_counter()
        figure = draw(graph)
        save_figure(figure, out / "draw_speed_last.png")
        seconds = time.perf_counter() - start
        rows.append({"case": name, "entities": graph.number_of_entities(),
                     "relations": graph.number_of_relations(), "seconds": round(seconds, 2)})
    print(f"{'case':28} {'entities':>9} {'relations':>10} {'seconds':>8}")
    for row in rows:
        print(f"{row['case']:28} {row['entities']:>9} {row['relations']:>10} {row['seconds']:>8}")
    report = {"rows": rows}
    (out / "draw_speed.json").write_text(json.dumps(report, indent=1) + "\n")
    return report


if __name__ == "__main__":
    main()
