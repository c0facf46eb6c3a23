"""Write the teacher's static word vectors for the words of the training texts.

Runs in the teacher's venv (spaCy 3.7 with en_core_web_md 3.7.1, whose vectors are
"Explosion Vectors (OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl)", CC0, in an
MIT package). Only words that occur in ``texts.jsonl`` at least ``MIN_COUNT`` times and have
a vector are written, in word2vec text format, for ``spacy init vectors --prune`` to shrink
into the student's table (see ``training/train.sh``).

Usage: ``python training/export_vectors.py MODEL_DIR texts.jsonl vectors.txt``
"""

import json
import sys
from collections import Counter

import spacy

MIN_COUNT = 2


def main(model_dir: str, texts_path: str, out_path: str) -> None:
    nlp = spacy.load(model_dir, exclude=["tagger", "parser", "ner", "lemmatizer", "attribute_ruler"])
    counts = Counter()
    with open(texts_path, encoding="utf-8") as handle:
        for line in handle:
            counts.update(t.text for t in nlp.tokenizer(json.loads(line)["text"]))
    vectors = nlp.vocab.vectors
    words = [w for w, n in counts.most_common() if n >= MIN_COUNT and nlp.vocab.strings.add(w) in vectors]
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"{len(words)} {vectors.shape[1]}\n")
        for word in words:
            row = vectors[nlp.vocab.strings[word]]
            out.write(word + " " + " ".join(f"{x:.4f}" for x in row) + "\n")
    print(f"{len(words)} words with vectors -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
