"""Print a GUM document as a person reads it: numbered sentences, paragraph breaks.

This is what the relation tables in ``benchmarks/gold/gum/`` were written from (never
from kg's output). Usage: ``python benchmarks/gum_read.py GUM_news_iodine [--shared ../shared]``
"""

from __future__ import annotations

import argparse
from pathlib import Path


def sentences(conllu: Path) -> list[tuple[int, str, bool]]:
    """(number, text, starts a paragraph) for each sentence of a GUM CoNLL-U file."""
    out, new_paragraph = [], False
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            new_paragraph = True
        elif line.startswith("# sent_id = "):
            number = int(line.rsplit("-", 1)[1])
        elif line.startswith("# text = "):
            out.append((number, line[len("# text = "):], new_paragraph))
            new_paragraph = False
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document")
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    args = parser.parse_args()
    conllu = Path(args.shared) / "corpora/gum/dep" / f"{args.document}.conllu"
    for number, text, paragraph in sentences(conllu):
        if paragraph:
            print()
        print(f"[{number}] {text}")


if __name__ == "__main__":
    main()
