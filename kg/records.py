"""Result records of graph walks, printable in a terminal and as tables in a notebook.

:class:`RelationTable` is a list of relations with a text ``__repr__`` and an HTML table
``_repr_html_``; :class:`Neighbor`, :class:`Step`, :class:`Path` and :class:`Source` are
small frozen records.

>>> from kg.model import Evidence, Relation
>>> table = RelationTable([Relation("a", "meet", "b", "contacts", Evidence("x", "A met B.", 0, 8))])
>>> print(repr(table))
a --[meet]--> b  (x [0:8])  "A met B."
>>> "<table" in table._repr_html_()
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from kg.model import Entity, Relation

__all__ = ["RelationTable", "Neighbor", "Step", "Path", "Source", "relation_line", "evidence_flags"]


def evidence_flags(evidence, name=str, *, time_text: bool = False) -> list[str]:
    """What a sentence says of its relation: negated, hedged, who says so, when; and
    ``inferred`` when kg inferred it from the whole article (:mod:`kg.infer`).

    ``name`` turns an entity id into what to print (its label, say).

    >>> from kg.model import Evidence
    >>> evidence_flags(Evidence("a", "s", 0, 1, hedged=True, time="2022", time_text="since 2022"),
    ...                time_text=True)
    ['hedged', 'time 2022 (since 2022)']
    """
    flags = ["inferred"] if evidence.inferred else []
    if evidence.negated:
        flags.append("negated")
    if evidence.hedged:
        flags.append("hedged")
    if evidence.attributed_to:
        flags.append(f"according to {name(evidence.attributed_to)}")
    if evidence.time:
        words = f" ({evidence.time_text})" if time_text and evidence.time_text else ""
        flags.append(f"time {evidence.time}{words}")
    return flags


def _flags(relation: Relation) -> str:
    return ", ".join(evidence_flags(relation.evidence))


def relation_line(relation: Relation) -> str:
    """One line: subject --[predicate]--> object (article [start:end], flags) "sentence"."""
    ev = relation.evidence
    flags = _flags(relation)
    where = f"{ev.article} [{ev.start}:{ev.end}]" + (f"; {flags}" if flags else "")
    sentence = " ".join(ev.sentence.split())
    return f'{relation.subject} --[{relation.predicate}]--> {relation.object}  ({where})  "{sentence}"'


class RelationTable(list):
    """A list of relations that prints one per line, and as a table in Jupyter."""

    def __repr__(self) -> str:
        return "\n".join(relation_line(r) for r in self) if self else "RelationTable([])"

    def _repr_html_(self) -> str:
        head = ("<tr><th>subject</th><th>predicate</th><th>object</th><th>type</th>"
                "<th>article</th><th>flags</th><th>sentence</th></tr>")
        rows = []
        for r in self:
            ev = r.evidence
            cells = [r.subject, r.predicate, r.object, r.type or "", f"{ev.article} [{ev.start}:{ev.end}]",
                     _flags(r), " ".join(ev.sentence.split())]
            rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
        return f"<table>{head}{''.join(rows)}</table>"


@dataclass(frozen=True)
class Neighbor:
    """An entity ``distance`` steps away, and the relations that reached it."""

    entity: Entity
    distance: int
    relations: tuple[Relation, ...]

    def __repr__(self) -> str:
        predicates = sorted({r.predicate for r in self.relations})
        return f"Neighbor({self.entity.label!r}, distance={self.distance}, via={predicates})"


@dataclass(frozen=True)
class Step:
    """One step of a path: from one entity to the next, with every relation between them."""

    source: str
    target: str
    relations: tuple[Relation, ...]


@dataclass(frozen=True)
class Path:
    """A connection between two entities, step by step, each step with its evidence."""

    entities: tuple[str, ...]
    steps: tuple[Step, ...]

    def __len__(self) -> int:
        return len(self.steps)

    def __str__(self) -> str:
        lines = [" -> ".join(self.entities)]
        for step in self.steps:
            lines.append(f"  {step.source} ~ {step.target}")
            lines += [f"    {relation_line(r)}" for r in step.relations]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Path({' -> '.join(self.entities)})"

    def _repr_html_(self) -> str:
        relations = RelationTable(r for step in self.steps for r in step.relations)
        return f"<p>{html.escape(' → '.join(self.entities))}</p>{relations._repr_html_()}"


@dataclass(frozen=True)
class Source:
    """An article sentence that mentions an entity or states a relation."""

    article: str
    title: str
    sentence: str
    start: int
    end: int

    def __repr__(self) -> str:
        return f"Source({self.article} [{self.start}:{self.end}] {' '.join(self.sentence.split())!r})"
