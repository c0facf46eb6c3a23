"""Cross-article entity resolution: one graph node per real-world entity.

Per-article clusters (from :mod:`kg.extract.coref`) are merged when

1. they are linked to the same row of the alias table (same Wikidata id, if any);
2. their names normalise to the same key ("The Wall Street Journal" = "Wall Street Journal");
3. a one-word name ("Biden", "The Journal") is the last word of exactly one
   longer name of the same kind elsewhere in the corpus ("Joe Biden"): people or one other
   type ("Canada" is not short for "HGTV Canada"), never places ("Mexico" is not short for
   "New Mexico") and never an acronym ("AI" is not short for "Clipboard AI").

Examples
--------
>>> a = ClusterSummary("a1", 0, "Elon Musk", "PERSON", None, ("Elon Musk", "Musk"), 3)
>>> b = ClusterSummary("a2", 0, "Musk", "PERSON", None, ("Musk",), 2)
>>> c = ClusterSummary("a2", 1, "Wall Street Journal", "ORG", None, ("Wall Street Journal",), 1)
>>> entities, ids = resolve_entities([a, b, c])
>>> ids[("a1", 0)] == ids[("a2", 0)] == "elon-musk"
True
>>> entities["elon-musk"].mention_count, entities["elon-musk"].articles
(5, ('a1', 'a2'))
>>> d = ClusterSummary("a3", 0, "Journal", "ORG", None, ("Journal",), 1)
>>> e = ClusterSummary("a3", 1, "HGTV Canada", "ORG", None, ("HGTV Canada",), 1)
>>> f = ClusterSummary("a4", 0, "Canada", "GPE", None, ("Canada",), 1)
>>> entities, ids = resolve_entities([c, d, e, f])
>>> ids[("a3", 0)] == ids[("a2", 1)], ids[("a4", 0)] == ids[("a3", 1)]
(True, False)
>>> g = ClusterSummary("a5", 0, "New Mexico", "GPE", None, ("New Mexico",), 1)
>>> h = ClusterSummary("a6", 0, "Mexico", "GPE", None, ("Mexico",), 1)
>>> entities, ids = resolve_entities([g, h], Gazetteer([], {}))
>>> ids[("a5", 0)] == ids[("a6", 0)]
False
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.extract.lexicon import PLACE_TYPES
from kg.gazetteer import Gazetteer
from kg.model import Entity
from kg.names import normalize_name, slugify

__all__ = ["ClusterSummary", "resolve_entities"]


@dataclass(frozen=True)
class ClusterSummary:
    """What cross-article resolution needs to know of one article's cluster."""

    article: str
    local_id: int
    label: str
    type: str
    known_id: str | None
    names: tuple[str, ...]  # the texts it is called in the article (names, descriptions)
    mention_count: int


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def resolve_entities(
    clusters: list[ClusterSummary], gazetteer: Gazetteer | None = None
) -> tuple[dict[str, Entity], dict[tuple[str, int], str]]:
    """Merge clusters into entities.

    Returns the entities by id, and the entity id of every ``(article, local_id)``.
    """
    gazetteer = gazetteer or Gazetteer.bundled()
    groups = _UnionFind(len(clusters))
    first_by_key: dict[str, int] = {}
    for index, cluster in enumerate(clusters):
        key = f"known:{cluster.known_id}" if cluster.known_id else f"name:{normalize_name(cluster.label)}"
        if key in first_by_key:
            groups.union(first_by_key[key], index)
        else:
            first_by_key[key] = index
    # an unlinked name that equals a known entity's label joins it
    for index, cluster in enumerate(clusters):
        if cluster.known_id:
            continue
        known = gazetteer.lookup(cluster.label)
        if known and f"known:{known.id}" in first_by_key:
            groups.union(first_by_key[f"known:{known.id}"], index)
    _merge_short_names(clusters, groups)

    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(clusters)):
        members[groups.find(index)].append(index)

    entities: dict[str, Entity] = {}
    ids: dict[tuple[str, int], str] = {}
    for root in sorted(members):
        group = [clusters[i] for i in members[root]]
        entity = _entity(group, gazetteer, entities)
        entities[entity.id] = entity
        for cluster in group:
            ids[(cluster.article, cluster.local_id)] = entity.id
    return entities, ids


def _merge_short_names(clusters: list[ClusterSummary], groups: _UnionFind) -> None:
    long_names: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        words = normalize_name(cluster.label).split()
        if len(words) >= 2:
            long_names[(_coarse(cluster.type), words[-1])].add(groups.find(index))
    for index, cluster in enumerate(clusters):
        words = normalize_name(cluster.label).split()
        if len(words) != 1 or cluster.known_id or cluster.type in PLACE_TYPES or \
                (cluster.label.isupper() and len(cluster.label) > 1):
            continue
        targets = {groups.find(i) for i in long_names.get((_coarse(cluster.type), words[0]), ())}
        if len(targets) == 1:
            groups.union(targets.pop(), index)


def _coarse(entity_type: str) -> str:
    """Person, place, or the type itself: "Biden" joins "Joe Biden", but "Canada" never
    joins "HGTV Canada" and "Illinois" never "University of Illinois"."""
    return "PLACE" if entity_type in PLACE_TYPES else entity_type


def _entity(group: list[ClusterSummary], gazetteer: Gazetteer, taken: dict[str, Entity]) -> Entity:
    known_ids = Counter(c.known_id for c in group if c.known_id)
    known = gazetteer.entities.get(known_ids.most_common(1)[0][0]) if known_ids else None
    types: Counter = Counter()
    labels: Counter = Counter()
    for cluster in group:
        types[cluster.type] += cluster.mention_count
        labels[cluster.label] += cluster.mention_count
    if known:
        label, entity_type = known.label, known.type
    else:
        label = max(labels, key=lambda t: (len(t.split()), labels[t], t))
        entity_type = max(types, key=lambda t: (types[t], t))
    aliases = sorted({" ".join(n.split()) for c in group for n in c.names} - {label},
                     key=lambda a: (a.lower(), a))
    base = known.id if known else slugify(label)
    entity_id = base
    if entity_id in taken:
        entity_id = f"{base}-{entity_type.lower()}"
    suffix = 2
    while entity_id in taken:
        entity_id = f"{base}-{suffix}"
        suffix += 1
    articles = tuple(sorted({c.article for c in group}))
    return Entity(
        id=entity_id,
        label=label,
        type=entity_type,
        aliases=tuple(aliases),
        wikidata=known.wikidata if known else None,
        mention_count=sum(c.mention_count for c in group),
        articles=articles,
    )
