"""Turn the teacher's silver annotations into spaCy 3 training data (DocBin files).

- Paragraph-break whitespace tokens get an empty dependency label from the teacher; they
  are labelled ``dep`` and attached to the previous token, as spaCy 3 expects. Left
  empty, every break would become a sentence and the scorer's UAS would be wrong.
- Gold mentions (GAP's person names; the Re-DocRED training half's PER/ORG/LOC/MISC
  mentions) overrule the teacher's entities where they overlap: see ``apply_gold``.
- Gold tags (GUM's PTB tags) overrule the teacher's on every token whose characters are
  exactly a gold token's: see ``gold_tags``.
- The split is by document: a stable hash of the id (or of the ``group`` a chunk belongs
  to, e.g. its State of the Union address) sends about 10% to dev.

Usage: ``python training/make_docbins.py silver.jsonl OUT_DIR``
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PERSON_ORG_PLACE = {"PERSON", "ORG"} | PLACE_LABELS


def to_doc(vocab, record: dict) -> Doc:
    tokens = record["tokens"]
    words = [t[0] for t in tokens]
    spaces = [bool(t[1]) for t in tokens]
    tags = gold_tags(tokens, record.get("gold_tags", []))
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
    teacher = [Span(doc, start, end, label=label) for start, end, label in entities]
    spans, missing = apply_gold(doc, teacher, record.get("gold", []))
    doc.set_ents(spans, missing=missing, default="outside")
    return doc


def gold_tags(tokens: list[list], gold: list[list]) -> list[str]:
    """The teacher's fine tags, with a gold tag wherever a token's characters match a gold token's.

    >>> tokens = [["Musk", " ", "NN"], ["met", " ", "VBD"], ["Putin", "", "NNP"]]
    >>> gold_tags(tokens, [[0, 4, "NNP"], [5, 8, "VBD"], [9, 12, "NNP"]])
    ['NNP', 'VBD', 'NNP']
    """
    by_span = {(start, end): tag for start, end, tag in gold}
    tags, offset = [], 0
    for token in tokens:
        end = offset + len(token[0])
        tags.append(by_span.get((offset, end), token[2]))
        offset = end + len(token[1])
    return tags


def apply_gold(doc: Doc, teacher: list[Span], gold: list[list]) -> tuple[list[Span], list[Span]]:
    """Entity spans for training: gold mentions overrule the teacher where they exist.

    - PERSON/ORG gold mentions replace every teacher entity they overlap.
    - PLACE gold mentions do the same, labelled GPE, LOC or FAC as the teacher labelled that
      exact span, else GPE; but where the teacher said NORP (Re-DocRED counts "Turkish" as
      a place), the teacher's NORP stays: OntoNotes, and kg, treat demonyms as NORP.
    - MISC gold mentions (works, events, nationalities ...) are not people, organisations or
      places: a teacher PERSON/ORG/GPE/LOC/FAC on exactly that span is dropped and its tokens
      are left unannotated (missing), since the right OntoNotes label is unknown.
    Returns (entity spans, missing spans).

    >>> import spacy
    >>> doc = spacy.blank("en")("Tesla founder Musk met Paris Hilton in French Paris .")
    >>> teacher = [Span(doc, 0, 1, "GPE"), Span(doc, 4, 5, "GPE"), Span(doc, 7, 8, "NORP"),
    ...            Span(doc, 8, 9, "LOC")]
    >>> gold = [[0, 5, "ORG"], [23, 35, "PERSON"], [39, 45, "PLACE"], [46, 51, "PLACE"]]
    >>> spans, missing = apply_gold(doc, teacher, gold)
    >>> [(s.text, s.label_) for s in spans], missing
    ([('Tesla', 'ORG'), ('Paris Hilton', 'PERSON'), ('French', 'NORP'), ('Paris', 'LOC')], [])
    """
    teacher_labels = {(s.start, s.end): s.label_ for s in teacher}
    chosen: list[Span] = []
    missing: list[Span] = []
    taken: set[int] = set()
    for start, end, kind in sorted(gold, key=lambda g: (g[0], -g[1])):
        span = doc.char_span(start, end, alignment_mode="strict")
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        teacher_label = teacher_labels.get((span.start, span.end))
        if kind == "PLACE" and teacher_label == "NORP":
            continue
        if kind == "MISC":
            if teacher_label in PERSON_ORG_PLACE:
                missing.append(span)
                taken.update(range(span.start, span.end))
            continue
        if kind == "PLACE":
            kind = teacher_label if teacher_label in PLACE_LABELS else "GPE"
        chosen.append(Span(doc, span.start, span.end, label=kind))
        taken.update(range(span.start, span.end))
    for span in teacher:
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start), missing


def is_dev(doc_id: str) -> bool:
    return hashlib.sha256(doc_id.encode()).digest()[0] < 26  # about 10%


def main(silver: str, out_dir: str) -> None:
    nlp = spacy.blank("en")
    train, dev = DocBin(), DocBin()
    counts = {"train": 0, "dev": 0}
    with open(silver, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            split = "dev" if is_dev(record.get("group", record["id"])) else "train"
            (dev if split == "dev" else train).add(to_doc(nlp.vocab, record))
            counts[split] += len(record["tokens"])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")
    print(f"train: {len(train)} docs, {counts['train']} tokens; dev: {len(dev)} docs, {counts['dev']} tokens")


if __name__ == "__main__":
    main(*sys.argv[1:3])
