"""Build ``kg/data/us_congress.tsv`` from the CC0 US Congress gazetteer in ``../shared``.

Source: github.com/unitedstates/congress-legislators (CC0), as
``gazetteer/us-congress/us_congress_and_executive_qid_names.tsv``: Wikidata id, official
name, name variants, chamber, state, party.

Each row becomes an entity with its Wikidata id, the shortest two-word name variant as
label, every variant as alias, and a role (``president:United States``,
``senator:United States``...). A president's or vice-president's bare surname
("Biden") becomes an alias too, unless another row shares that surname ("Harris").

Usage: ``python training/build_gazetteer.py ../shared kg/data/us_congress.tsv``
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROLES = {
    "prez": "president:United States",
    "viceprez": "vice president:United States",
    "sen": "senator:United States",
    "rep": "representative:United States",
}
HEADER = ["id", "label", "type", "wikidata", "aliases", "roles"]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main(shared: str, out: str) -> None:
    source = Path(shared) / "gazetteer/us-congress/us_congress_and_executive_qid_names.tsv"
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    surnames = Counter(r["official_full"].split()[-1] for r in rows)
    entities = []
    for row in rows:
        variants = [v for v in row["name_variants"].split("|") if v and "(" not in v]
        variants = variants or [row["official_full"]]
        label = min((v for v in variants if len(v.split()) >= 2), key=len, default=variants[0])
        aliases = sorted({row["official_full"], *variants} - {label})
        surname = row["official_full"].split()[-1]
        if row["chamber"] in ("prez", "viceprez") and surnames[surname] == 1:
            aliases.append(surname)
        entities.append([
            slug(label), label, "PERSON", row["qid"], "|".join(aliases),
            ROLES.get(row["chamber"], ""),
        ])
    ids = Counter(e[0] for e in entities)
    for entity in entities:
        if ids[entity[0]] > 1:
            entity[0] = f"{entity[0]}-{entity[3].lower()}"
    entities.sort()
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write("# US Congress members and recent presidents/vice-presidents. CC0: "
                     "github.com/unitedstates/congress-legislators. Built by training/build_gazetteer.py.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(entities)
    print(f"{len(entities)} entities -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
