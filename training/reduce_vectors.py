"""Shrink the teacher's word vectors for the student: the most frequent rows, fewer dimensions.

``training/export_vectors.py`` writes the teacher's 300-dimensional vectors for the training
texts' words, most frequent first. Pruning them to a few thousand rows (``spacy init vectors
--prune``) maps every rarer word, most names among them, onto a frequent word's vector. This
keeps more rows and fewer dimensions instead: the first ``ROWS`` words, projected on their
first ``DIMENSIONS`` principal components (numpy's SVD of the centred matrix), so that the
table stays small (``ROWS x DIMENSIONS`` floats) while rare words keep vectors of their own.

Usage: ``python training/reduce_vectors.py vectors.txt reduced.txt [--rows N] [--dimensions D]``

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "v.txt").write_text("3 4\\na 1 0 0 0\\nb 0 1 0 0\\nc 0 0 1 1\\n")
>>> reduce_vectors(folder / "v.txt", folder / "r.txt", rows=2, dimensions=1)
(2, 1)
>>> (folder / "r.txt").read_text().splitlines()[0]
'2 1'
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROWS = 30000
DIMENSIONS = 96


def principal_components(table, dimensions: int):
    """``table`` (rows x columns) centred and projected on its first ``dimensions``
    principal components (numpy's SVD)."""
    import numpy as np

    centred = np.asarray(table, dtype=np.float64)
    centred = centred - centred.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    return centred @ components[:dimensions].T


def reduce_vectors(source: str | Path, target: str | Path, rows: int = ROWS,
                   dimensions: int = DIMENSIONS) -> tuple[int, int]:
    """Write the first ``rows`` vectors of ``source`` (word2vec text format) projected on
    their first ``dimensions`` principal components to ``target``; the table's shape."""
    import numpy as np

    words, values = [], []
    with open(source, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split(" ")
            words.append(parts[0])
            values.append([float(x) for x in parts[1:]])
            if len(words) == rows:
                break
    reduced = principal_components(np.array(values), dimensions)
    dimensions = reduced.shape[1]
    with open(target, "w", encoding="utf-8") as out:
        out.write(f"{len(words)} {dimensions}\n")
        for word, row in zip(words, reduced, strict=True):
            out.write(word + " " + " ".join(f"{x:.4f}" for x in row) + "\n")
    return len(words), dimensions


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--dimensions", type=int, default=DIMENSIONS)
    args = parser.parse_args(argv)
    shape = reduce_vectors(args.source, args.target, args.rows, args.dimensions)
    print(f"{shape[0]} words x {shape[1]} dimensions -> {args.target}")


if __name__ == "__main__":
    main()
