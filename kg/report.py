"""Plain-text reports on a graph, as ``kg stats`` and ``kg show`` print them.

Examples
--------
>>> from kg.build import build
>>> graph = build(["seeds/"])
>>> print(graph_stats(graph).splitlines()[0])
articles: 3
>>> print(describe_entity(graph, "musk").splitlines()[0])
Elon Musk (PERSON, wikidata Q317521)
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections import Counter

from kg.graph import KnowledgeGraph
from kg.infer import explain_inferred
from kg.model import Relation
from kg.records import evidence_flags

__all__ = ["graph_stats", "describe_entity", "format_relation", "format_rows"]


def graph_stats(graph: KnowledgeGraph) -> str:
    """Counts of articles, entities by type, relations by type, flags and top predicates."""
    relations = graph.relation_list()
    types = Counter(e.type for e in graph.entity_list())
    rel_types = Counter(r.type or "(untyped)" for r in relations)
    predicates = Counter(r.predicate for r in relations)
    lines = [
        f"articles: {len(graph.articles)}",
        f"entities: {graph.number_of_entities()}",
        *[f"  {t}: {n}" for t, n in sorted(types.items(), key=lambda x: (-x[1], x[0]))],
        f"relations: {len(relations)}",
        f"  negated: {sum(r.evidence.negated for r in relations)}",
        f"  hedged: {sum(r.evidence.hedged for r in relations)}",
        *([f"  inferred: {inferred}"] if (inferred := sum(r.evidence.inferred for r in relations)) else []),
        f"  attributed: {sum(bool(r.evidence.attributed_to) for r in relations)}",
        f"  dated: {sum(bool(r.evidence.time) for r in relations)}",
        "relation types:",
        *[f"  {t}: {n}" for t, n in sorted(rel_types.items(), key=lambda x: (-x[1], x[0]))],
        "top predicates:",
        *[f"  {p}: {n}" for p, n in sorted(predicates.items(), key=lambda x: (-x[1], x[0]))[:15]],
    ]
    return "\n".join(lines)


def _name(graph: KnowledgeGraph, entity_id: str | None) -> str:
    if entity_id and entity_id in graph.graph:
        return graph.get_entity(entity_id).label
    return entity_id or ""


def format_relation(graph: KnowledgeGraph, relation: Relation, *, width: int = 100) -> str:
    """One relation on a line, its qualifiers, and its sentence indented below."""
    ev = relation.evidence
    flags = evidence_flags(ev, lambda entity_id: _name(graph, entity_id), time_text=True)
    flags.append(f"confidence {ev.confidence:.2f}")
    head = (f"{_name(graph, relation.subject)} --[{relation.predicate}]--> "
            f"{_name(graph, relation.object)}" + (f"  <{relation.type}>" if relation.type else ""))
    where = f"{ev.article} [{ev.start}:{ev.end}]"
    sentence = textwrap.fill(" ".join(ev.sentence.split()), width=width,
                             initial_indent="      \"", subsequent_indent="       ")
    why = ""
    if ev.inferred and (reasons := explain_inferred(graph, relation)):
        why = "\n      why: " + ", ".join(f"{name} {weight:+.2f}" for name, weight in reasons)
    return f"  {head}\n      {where}; {'; '.join(flags)}{why}\n{sentence}\""


def describe_entity(graph: KnowledgeGraph, name: str) -> str:
    """An entity's label, type, ids, aliases, articles and every relation with its sentence."""
    entity = graph.entity(name)
    head = f"{entity.label} ({entity.type}" + (
        f", wikidata {entity.wikidata})" if entity.wikidata else ")")
    lines = [
        head,
        f"  id: {entity.id}",
        f"  mentions: {entity.mention_count} in {len(entity.articles)} article(s): "
        + ", ".join(entity.articles),
        "  aliases: " + (", ".join(entity.aliases) or "(none)"),
    ]
    related = [r for r in graph.relation_list() if entity.id in (r.subject, r.object)]
    lines.append(f"relations ({len(related)}):")
    lines += [format_relation(graph, r) for r in related]
    return "\n".join(lines)


def format_rows(rows: list[dict], fmt: str = "table", *, width: int = 60) -> str:
    """Query rows as an aligned text table (long cells cut at ``width``), CSV, TSV or JSON.

    >>> print(format_rows([{"a": "x", "n": 2}, {"a": None, "n": 10}]), end="")
    a  n
    -  --
    x  2
       10
    """
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    columns = list(rows[0]) if rows else []
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if r[c] is None else r[c] for c in columns] for r in rows])
        return buffer.getvalue()
    if not rows:
        return "(no rows)\n"

    def cell(value) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    table = [[cell(r[c]) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in table)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in table]
    return "\n".join(lines) + "\n"
