"""The bundled alias table: known entities, their names, Wikidata ids and roles.

Two tab-separated files ship in ``kg/data``: ``curated_entities.tsv`` (world-news
entities, hand-checked) and ``us_congress.tsv`` (CC0, built by
``training/build_gazetteer.py``). A user can add their own file of the same shape.
Wikidata ids come only from these tables; kg never guesses one. A third, ``cities.tsv``
(GeoNames' cities of 15,000 people or more, CC BY 4.0, built by
``training/build_cities.py``), says which country or US state has a city of a name: it
types places, and never makes an entity of its own.

Examples
--------
>>> gaz = Gazetteer.bundled()
>>> gaz.lookup("the U.S.").label
'United States'
>>> gaz.lookup("Biden").wikidata
'Q6279'
>>> [e.label for e in gaz.holders("president", "Russia")]
['Vladimir Putin']
>>> gaz.demonym("Russian")
'Russia'
>>> gaz.place_kind("the U.S."), gaz.place_kind("Europe"), gaz.place_kind("Paris"), gaz.place_kind("Lyon")
('country', 'continent', 'city', None)
>>> [(c.country, c.state) for c in gaz.cities("Fayetteville") if c.population > 80_000]
[('United States', 'Arkansas'), ('United States', 'North Carolina')]
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from kg.names import normalize_name

__all__ = ["City", "KnownEntity", "Gazetteer"]

BUNDLED_FILES = ("curated_entities.tsv", "us_congress.tsv")


@dataclass(frozen=True)
class City:
    """A row of the cities table: one name of a GeoNames city."""

    name: str
    geonameid: int
    country: str
    state: str  # the US state, "" elsewhere
    population: int


@dataclass(frozen=True)
class KnownEntity:
    """A row of the alias table."""

    id: str
    label: str
    type: str
    wikidata: str | None
    aliases: tuple[str, ...]
    roles: tuple[str, ...]  # "president:Russia", or a bare descriptor such as "billionaire"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


class Gazetteer:
    """Known entities indexed by normalised name and by role."""

    def __init__(self, entities: list[KnownEntity], demonyms: dict[str, str],
                 place_kinds: dict[str, str] | None = None) -> None:
        self.entities = {e.id: e for e in entities}
        self._by_name: dict[str, list[KnownEntity]] = defaultdict(list)
        self._by_role: dict[tuple[str, str], list[KnownEntity]] = defaultdict(list)
        for entity in entities:
            for name in entity.names:
                bucket = self._by_name[normalize_name(name)]
                if entity not in bucket:
                    bucket.append(entity)
            for role in entity.roles:
                noun, _, holder = role.partition(":")
                self._by_role[(normalize_name(noun), normalize_name(holder))].append(entity)
        self._demonyms = {normalize_name(k): v for k, v in demonyms.items()}
        self._place_kinds = {normalize_name(k): v for k, v in (place_kinds or {}).items()}

    @classmethod
    @cache
    def bundled(cls) -> Gazetteer:
        """The tables shipped with kg (cached)."""
        folder = resources.files("kg") / "data"
        entities = [e for name in BUNDLED_FILES for e in _read_entities(folder / name)]
        rows = _rows(folder / "demonyms.tsv")
        return cls(entities, {r[0]: r[1] for r in rows}, {r[1]: r[2] for r in rows})

    @classmethod
    def from_files(cls, *paths: str | Path) -> Gazetteer:
        """The bundled tables plus the user's own files of the same shape."""
        base = cls.bundled()
        extra = [e for path in paths for e in _read_entities(Path(path))]
        return cls([*base.entities.values(), *extra], base._demonyms, base._place_kinds)

    def lookup(self, name: str) -> KnownEntity | None:
        """The one known entity called ``name``, or None when none or several are."""
        found = self._by_name.get(normalize_name(name), [])
        return found[0] if len(found) == 1 else None

    def holders(self, role: str, of: str = "") -> list[KnownEntity]:
        """Known entities holding ``role`` (of ``of``): ``holders("ceo", "Tesla")``."""
        return list(self._by_role.get((normalize_name(role), normalize_name(of)), []))

    def cities(self, name: str) -> tuple[City, ...]:
        """The cities of 15,000 people or more called ``name`` (any country)."""
        return _cities(normalize_name(name))

    def demonym(self, word: str) -> str | None:
        """The place a demonym names: ``"Chinese"`` -> ``"China"``."""
        return self._demonyms.get(normalize_name(word))

    def place_kind(self, name: str) -> str | None:
        """"country", "continent", "region", "state" ... for places in the demonym table,
        by any of their names: ``place_kind("the U.S.")`` -> ``"country"``."""
        known = self.lookup(name)
        for candidate in (name, self.demonym(name), known.label if known else None):
            if candidate and normalize_name(candidate) in self._place_kinds:
                return self._place_kinds[normalize_name(candidate)]
        return None


@cache
def _city_rows() -> dict[str, list[str]]:
    """The cities table's rows by their first column, the normalised name (read, not parsed:
    a tenth of a second, where normalising every name took more than half a second)."""
    table: dict[str, list[str]] = defaultdict(list)
    text = (resources.files("kg") / "data/cities.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, row = line.partition("\t")
            table[key].append(row)
    return table


@lru_cache(maxsize=4096)
def _cities(key: str) -> tuple[City, ...]:
    found = []
    for row in _city_rows().get(key, ()):
        name, geonameid, country, state, population = row.split("\t")
        found.append(City(name, int(geonameid), country, state, int(population)))
    return tuple(found)


def _rows(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t") if row]


def _read_entities(path) -> list[KnownEntity]:
    rows = _rows(path)
    header, body = rows[0], rows[1:]
    entities = []
    for row in body:
        record = dict(zip(header, row + [""] * (len(header) - len(row)), strict=False))
        entities.append(KnownEntity(
            id=record["id"],
            label=record["label"],
            type=record["type"],
            wikidata=record["wikidata"] or None,
            aliases=tuple(a for a in record["aliases"].split("|") if a),
            roles=tuple(r for r in record["roles"].split("|") if r),
        ))
    return entities
