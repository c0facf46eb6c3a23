"""Turn the teacher's silver annotations into spaCy 3 training data (DocBin files).

- Paragraph-break whitespace tokens get an empty dependency label from the teacher; they
  are labelled ``dep`` and attached to the previous token, as spaCy 3 expects. Left
  empty, every break would become a sentence and the scorer's UAS would be wrong.
- Gold PERSON/ORG mentions from the Re-DocRED training half are added where the teacher
  found no overlapping entity (the teacher misses e.g. "SpaceX").
- The split is by document: a stable hash of the id sends about 10% to dev.

Usage: ``python training/make_docbins.py silver.jsonl OUT_DIR``
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span


def to_doc(vocab, record: dict) -> Doc:
    tokens = record["tokens"]
    words = [t[0] for t in tokens]
    spaces = [bool(t[1]) for t in tokens]
    tags = [t[2] for t in tokens]
    heads, deps = [], []
    for i, (_, _, _, head, dep, _, _) in enumerate(tokens):
        if not dep:  # whitespace token from the teacher
            dep, head = "dep", (i - 1 if i > 0 else min(1, len(tokens) - 1))
        heads.append(head)
        deps.append(dep)
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, heads=heads, deps=deps)
    entities = []
    for i, token in enumerate(tokens):
        iob, label = token[5], token[6]
        if iob == "B" or (iob == "I" and not entities):
            entities.append([i, i + 1, label])
        elif iob == "I":
            entities[-1][1] = i + 1
    spans = [Span(doc, start, end, label=label) for start, end, label in entities]
    taken = {i for span in spans for i in range(span.start, span.end)}
    for start, end, label in record.get("gold", []):
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def is_dev(doc_id: str) -> bool:
    return hashlib.sha256(doc_id.encode()).digest()[0] < 26  # about 10%


def main(silver: str, out_dir: str) -> None:
    nlp = spacy.blank("en")
    train, dev = DocBin(), DocBin()
    counts = {"train": 0, "dev": 0}
    with open(silver, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            split = "dev" if is_dev(record["id"]) else "train"
            (dev if split == "dev" else train).add(to_doc(nlp.vocab, record))
            counts[split] += len(record["tokens"])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")
    print(f"train: {len(train)} docs, {counts['train']} tokens; dev: {len(dev)} docs, {counts['dev']} tokens")


if __name__ == "__main__":
    main(*sys.argv[1:3])
