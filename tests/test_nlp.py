"""The bundled pipeline: loads offline, finds the seed entities, fails clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from kg.nlp.pipeline import BUNDLED_MODEL, ModelError, load_pipeline, resolve_model

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_bundled_pipeline_loads_with_plain_spacy_and_names_its_sources():
    nlp = spacy.load(BUNDLED_MODEL)
    assert {"tagger", "parser", "ner", "attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names)
    meta = json.loads((BUNDLED_MODEL / "meta.json").read_text())
    assert meta["license"] == "MIT"
    assert any("GAP" in s["name"] for s in meta["sources"])
    doc = nlp("The ministers were talking about their plans.")
    assert [t.lemma_ for t in doc][:4] == ["the", "minister", "be", "talk"]


def _seed_entities():
    nlp = load_pipeline()
    found = set()
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        found |= {(e.text, e.label_) for e in doc.ents}
    return found


def test_seed_entities_are_found():
    found = _seed_entities()
    for name in ("Elon Musk", "Vladimir Putin", "Donald Trump", "Xi Jinping", "Biden"):
        assert (name, "PERSON") in found, name
    for name in ("SpaceX", "NASA", "Tesla", "The Wall Street Journal"):
        assert (name, "ORG") in found, name
    assert ("Starlink", "ORG") in found or ("Starlink", "PRODUCT") in found


def test_model_choice_order(monkeypatch):
    monkeypatch.delenv("KG_SPACY_MODEL", raising=False)
    assert resolve_model() == (str(BUNDLED_MODEL), "the bundled pipeline")
    monkeypatch.setenv("KG_SPACY_MODEL", "en_core_web_sm")
    assert resolve_model() == ("en_core_web_sm", "$KG_SPACY_MODEL")
    assert resolve_model("en_core_web_trf") == ("en_core_web_trf", "the model argument")


def test_missing_or_broken_model_is_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SPACY_MODEL", "en_core_web_xl_not_installed")
    with pytest.raises(ModelError) as missing:
        load_pipeline()
    assert str(missing.value) == (
        "cannot load spaCy pipeline 'en_core_web_xl_not_installed' (from $KG_SPACY_MODEL): "
        "it is neither an installed package nor a folder")
    broken = tmp_path / "broken_model"
    broken.mkdir()
    (broken / "config.cfg").write_text("not a config", encoding="utf-8")
    with pytest.raises(ModelError) as bad:
        load_pipeline(broken)
    assert str(bad.value).startswith(f"cannot load spaCy pipeline '{broken}' (from the model argument): ")
    assert "\n" not in str(bad.value)


@pytest.mark.parametrize(("text", "lemmas"), [
    # singular nouns ending in "s" stay whole; plurals lose it
    ("The business campus faced a crisis in the pass.",
     {"business": "business", "campus": "campus", "crisis": "crisis", "pass": "pass",
      "faced": "face"}),
    ("Two businesses hope to cross the passes.", {"businesses": "business", "passes": "pass"}),
    # "be" in every form; verbs ending in "e"
    ("They are here, I am here, and she hopes he was.",
     {"are": "be", "am": "be", "hopes": "hope", "was": "be"}),
])
def test_lemmas(text, lemmas):
    doc = load_pipeline()(text)
    assert {t.text: t.lemma_ for t in doc if t.text in lemmas} == lemmas


@pytest.mark.parametrize(("text", "tokens"), [
    # a full stop after a name ending in a capital letter ends the sentence
    ("He runs SpaceX.", ["He", "runs", "SpaceX", "."]),
    # captions glued to a headline
    ("Will Musk meet Putin?Credit…Doug Mills", ["Will", "Musk", "meet", "Putin", "?", "Credit", "…",
                                                 "Doug", "Mills"]),
    # a bracket whose first words were cut is no emoticon
    ("Michael Giacchino (; born 1967) is a composer.",
     ["Michael", "Giacchino", "(", ";", "born", "1967", ")", "is", "a", "composer", "."]),
])
def test_tokenizer_adjustments(text, tokens):
    assert [t.text for t in load_pipeline().tokenizer(text)] == tokens


def test_cached_rule_components_give_spacys_own_attributes():
    """kg's lemmatizer and attribute ruler are spaCy's, asked once per word and tag: every
    attribute of every seed token is what spaCy's own components give."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    from kg.gazetteer import Gazetteer
    from kg.nlp.components import CachedAttributeRuler, CachedLemmatizer
    from kg.nlp.pipeline import _adjust_tokenizer, add_entity_ruler

    ours = load_pipeline()
    assert isinstance(ours.get_pipe("lemmatizer"), CachedLemmatizer)
    assert isinstance(ours.get_pipe("attribute_ruler"), CachedAttributeRuler)
    reference = spacy.load(BUNDLED_MODEL)  # spaCy's components, with kg's other additions
    _adjust_tokenizer(reference)
    reference.add_pipe("kg_line_sentences", before="parser")
    add_entity_ruler(reference, Gazetteer.bundled())
    assert reference.pipe_names == ours.pipe_names
    attrs = [POS, MORPH, LEMMA, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("The ministers were talking about their plans; she's sure it'll pass.")
    for theirs, mine in zip(reference.pipe(texts), ours.pipe(texts), strict=True):
        assert (theirs.to_array(attrs) == mine.to_array(attrs)).all()
