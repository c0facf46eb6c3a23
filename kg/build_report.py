"""What a build read, skipped and made: counts and problems, as ``kg build`` prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["BuildReport"]


@dataclass
class BuildReport:
    """What a build read, skipped and made."""

    articles_read: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    model: str = ""
    min_confidence: float = 0.0  # relations below it were not stated
    cut: list[tuple[str, str]] = field(default_factory=list)  # (source, how) of articles cut short

    def summary(self, graph: KnowledgeGraph, *, problems: bool = True) -> str:
        """Counts of articles read and skipped, entities and relations; then each problem."""
        lines = [
            f"articles read: {self.articles_read}",
            f"articles skipped: {len(self.problems)}",
            f"entities: {graph.number_of_entities()}",
            f"relations: {graph.number_of_relations()}",
        ]
        inferred = sum(r.evidence.inferred for r in graph.relation_list())
        if inferred:
            lines[-1] += f" ({inferred} inferred)"
        if problems:
            lines += [f"  skipped {source}: {reason}" for source, reason in self.problems]
        return "\n".join(lines)
