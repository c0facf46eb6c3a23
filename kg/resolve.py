"""Cross-article entity resolution: one graph node per real-world entity.

Per-article clusters (from :mod:`kg.extract.coref`) are merged when

1. they are linked to the same row of the alias table (same Wikidata id, if any);
2. their names normalise to the same key ("The Wall Street Journal" = "Wall Street Journal")
   and both or neither are people (Douglass North is not "the North"); a name that is only
   a type noun ("the Court", "the Navy"), a point of the compass ("the North"), or type
   nouns after words that place them relative to the article ("Supreme Court", "Main
   Street") stays in its article: every article has its own;
3. a person's one-word name ("Biden") is the last word of exactly one longer person's name
   elsewhere in the corpus ("Joe Biden"). Never for other kinds: "the Society" of one
   article is not "the Royal Society" of another, "Mexico" not "New Mexico", "AI" not
   "Clipboard AI".

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
(False, False)
>>> courts = [ClusterSummary(a, 0, "Court", "ORG", None, ("the Court",), 1) for a in ("a7", "a8")]
>>> entities, ids = resolve_entities(courts)
>>> ids[("a7", 0)] == ids[("a8", 0)]
False
>>> g = ClusterSummary("a5", 0, "New Mexico", "GPE", None, ("New Mexico",), 1)
>>> h = ClusterSummary("a6", 0, "Mexico", "GPE", None, ("Mexico",), 1)
>>> entities, ids = resolve_entities([g, h], Gazetteer([], {}))
>>> ids[("a5", 0)] == ids[("a6", 0)]
False
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.extract.lexicon import COMPASS_POINTS, TYPE_NOUNS
from kg.extract.mentions import singular
from kg.gazetteer import Gazetteer
from kg.model import Entity
from kg.names import normalize_name, slugify

__all__ = ["ClusterSummary", "resolve_entities"]

_TYPE_NOUNS = {noun for nouns in TYPE_NOUNS.values() for noun in nouns}
# words that name an institution or a place relative to where the article is
_RELATIVE = {"supreme", "high", "grand", "main", "central", "downtown", "national", "federal",
             "municipal", "provincial", "regional", "local", "city", "town", "old"}
_PARTS_OF_TOWN = {"downtown", "uptown", "midtown"}


@dataclass(frozen=True, slots=True)
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
        key = _key(cluster)
        if key in first_by_key:
            groups.union(first_by_key[key], index)
        else:
            first_by_key[key] = index
    # an unlinked name that equals a known entity's label joins it
    for index, cluster in enumerate(clusters):
        if cluster.known_id or _generic(cluster):
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


def _key(cluster: ClusterSummary) -> str:
    """What clusters of one entity share: the alias-table row, else the name (and whether
    it is a person's; the article too for a name that is only a type noun)."""
    if cluster.known_id:
        return f"known:{cluster.known_id}"
    name = normalize_name(cluster.label)
    person = "person" if cluster.type == "PERSON" else "other"
    return f"name:{name}:{person}" + (f":{cluster.article}" if _generic(cluster) else "")


def _generic(cluster: ClusterSummary) -> bool:
    """A name that is only a type noun ("the Court", "the Navy", "the University") or a
    point of the compass ("the North" of a Korean article, "Southwest" of an airline's), or
    type nouns after words that place them relative to wherever the article is: every
    country has its "Supreme Court" and "National Assembly", every city its "Main Street",
    "Grand Mosque" and "Downtown".

    >>> [_generic(ClusterSummary("a", 0, n, "ORG", None, (n,), 1)) for n in
    ...  ("Supreme Court", "Downtown", "Main Street", "Democratic Party", "Mexico")]
    [True, True, True, False, False]
    """
    words = [singular(w) for w in normalize_name(cluster.label).split()]
    if len(words) == 1:
        return words[0] in _TYPE_NOUNS or words[0] in COMPASS_POINTS or words[0] in _PARTS_OF_TOWN
    return words[-1] in _TYPE_NOUNS and all(w in _RELATIVE or w in _TYPE_NOUNS or w in COMPASS_POINTS
                                           for w in words[:-1])


def _merge_short_names(clusters: list[ClusterSummary], groups: _UnionFind) -> None:
    long_names: dict[str, set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        words = normalize_name(cluster.label).split()
        if len(words) >= 2 and cluster.type == "PERSON":
            long_names[words[-1]].add(groups.find(index))
    for index, cluster in enumerate(clusters):
        words = normalize_name(cluster.label).split()
        if len(words) != 1 or cluster.known_id or cluster.type != "PERSON":
            continue
        targets = {groups.find(i) for i in long_names.get(words[0], ())}
        if len(targets) == 1:
            groups.union(targets.pop(), index)


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
