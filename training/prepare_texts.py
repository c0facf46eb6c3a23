"""Collect the raw English text the teacher annotates, with its source and licence.

Sources (all permissively licensed, read from ``../shared``; nothing is copied into the repo):

- GAP coreference corpus (Google, Apache-2.0): the ``Text`` column of
  ``corpora/gap/gap-{development,test,validation}.tsv``, about 318k words of Wikipedia.
  Its two annotated names per paragraph (columns ``A``/``B`` with their offsets) are
  people, kept as gold PERSON mentions.
- Re-DocRED (MIT): the even-numbered documents of ``corpora/re-docred/dev_revised.json``,
  rebuilt as text. Odd-numbered ones are held out for ``benchmarks/model_quality.py``.
  Their gold mentions are kept: PER as PERSON, ORG as ORG, LOC as PLACE (the teacher's
  GPE/LOC/FAC decides which), MISC as MISC (not a person, organisation or place).
  ``make_docbins.py`` lets these gold mentions overrule the teacher.

Usage: ``python training/prepare_texts.py SHARED_DIR OUT.jsonl``
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from kg.eval.redocred import is_heldout, read_redocred

SOURCES = {
    "gap": {"licence": "Apache-2.0", "path": "corpora/gap"},
    "re-docred": {"licence": "MIT", "path": "corpora/re-docred/dev_revised.json"},
}

GOLD_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "MISC"}


def gap_texts(shared: Path):
    seen = set()
    csv.field_size_limit(1 << 24)
    for name in ("gap-development.tsv", "gap-test.tsv", "gap-validation.tsv"):
        with open(shared / "corpora/gap" / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                text = row["Text"].strip()
                if text and text not in seen:
                    seen.add(text)
                    yield {"id": f"gap/{row['ID']}", "source": "gap", "text": text,
                           "gold": gap_names(row, text)}


def gap_names(row: dict, text: str) -> list[list]:
    """The paragraph's two annotated person names, as [start, end, "PERSON"] where they match."""
    names = []
    for column in ("A", "B"):
        name, start = row[column], int(row[f"{column}-offset"])
        if name and text[start : start + len(name)] == name:
            names.append([start, start + len(name), "PERSON"])
    return names


def redocred_texts(shared: Path):
    for doc in read_redocred(shared / SOURCES["re-docred"]["path"]):
        if is_heldout(doc.index):
            continue
        gold = [
            [m.start, m.end, GOLD_LABELS[e.type]]
            for e in doc.entities
            if e.type in GOLD_LABELS
            for m in e.mentions
        ]
        yield {"id": f"re-docred/{doc.index}", "source": "re-docred", "text": doc.text, "gold": gold}


def main(shared: str, out: str) -> None:
    shared_dir = Path(shared)
    records = [*gap_texts(shared_dir), *redocred_texts(shared_dir)]
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} texts, {words} words -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
