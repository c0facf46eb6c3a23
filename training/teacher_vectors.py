"""The teacher's whole static vector table, made small, as the student's vectors.

``training/export_vectors.py`` keeps vectors only for the words of the training texts, so
a name the texts never hold ("Goldman", "Sachs") has none, though the teacher knows it. This
keeps every word the teacher has a vector for: en_core_web_md 3.7.1 maps some 514,000 words
onto 20,000 rows of 300 numbers (its vectors: "Explosion Vectors (OSCAR 2109 + Wikipedia +
OpenSubtitles + WMT News Crawl)", CC0, in the MIT package). The rows are projected on their
first ``DIMENSIONS`` principal components (:func:`reduce_vectors.principal_components`), and every
word keeps its row, so the table costs 20,000 x ``DIMENSIONS`` floats and the word-to-row
index.

Runs in kg's own venv (spaCy 3.8 reads the teacher's vector files as they are); writes a
blank English pipeline holding the vectors, for ``[paths] vectors`` of
``training/config_vectors.cfg``.

Usage: ``python training/teacher_vectors.py TEACHER_MODEL_DIR OUT_DIR [--dimensions D]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reduce_vectors import principal_components  # noqa: E402

DIMENSIONS = 96


def teacher_vectors(teacher: str | Path, out: str | Path,
                    dimensions: int = DIMENSIONS) -> tuple[int, int, int]:
    """Write the reduced table; (words, rows, dimensions)."""
    import spacy
    from spacy.vectors import Vectors

    source = Vectors()
    source.from_disk(Path(teacher) / "vocab")
    reduced = principal_components(source.data, dimensions).astype("float32")
    vectors = Vectors(data=reduced)
    for key, row in source.key2row.items():
        vectors.add(key, row=row)
    nlp = spacy.blank("en")
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    return len(source.key2row), reduced.shape[0], reduced.shape[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("teacher")
    parser.add_argument("out")
    parser.add_argument("--dimensions", type=int, default=DIMENSIONS)
    args = parser.parse_args(argv)
    words, rows, dimensions = teacher_vectors(args.teacher, args.out, args.dimensions)
    print(f"{words} words on {rows} rows x {dimensions} dimensions -> {args.out}")


if __name__ == "__main__":
    main()
