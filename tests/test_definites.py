"""Definite descriptions of things (kg.extract.definites): sentences -> the entity each
"the city", "the company" joins.

A description absent from the expected list stays unresolved: nothing fits, two things do
("Toyota and Honda ... the company"), or it names its own referent ("the city of
Cupertino"); no relation is stated through it.
"""

from __future__ import annotations

import pytest

from kg.extract.coref import resolve_mentions
from kg.extract.definites import definite_model, description_nouns
from kg.gazetteer import Gazetteer
from kg.nlp.pipeline import load_pipeline


def resolved(text: str, **choosers) -> list[tuple[str, str]]:
    doc = load_pipeline()(text)
    result = resolve_mentions(doc, Gazetteer.bundled(), **choosers)
    return [(m.span(doc).text, cluster.label) for m, cluster in result.mentions_in_order()
            if m.kind == "role" and doc[m.end - 1].pos_ == "NOUN" and doc[m.start].lower_ == "the"]


@pytest.mark.parametrize(("text", "expected"), [
    # what the text called it
    ("Westmere is a hamlet in Guilderland. The hamlet's school closed in 1990.",
     [("The hamlet", "Westmere")]),
    ("Nîmes is a city in France. The city has a Roman arena.", [("The city", "Nîmes")]),
    ("SpaceX is a rocket company. The company signed a contract with NASA.",
     [("The company", "SpaceX")]),
    # what its name says
    ("Duke University opened a lab. The university said it would hire fifty people.",
     [("The university", "Duke University")]),
    # the one place of the article
    ("Paris hosted the talks with Google. The city was calm.", [("The city", "Paris")]),
    # two companies: either could be meant
    ("Toyota and Honda reported sales. The company expects growth.", []),
    # no company named before it
    ("The company said profits fell.", []),
    # "the city of Cupertino" names its own city
    ("Apple sued Samsung. The city of Cupertino said nothing.", []),
])
def test_descriptions_of_things(text, expected):
    assert resolved(text) == expected


def test_the_chooser_decides():
    """Training walks the same candidates with the gold answer: a chooser that picks none
    leaves every description alone."""
    text = "Nîmes is a city in France. The city has a Roman arena."
    assert resolved(text, choose_definite=lambda token, found: None) == []
    seen = []
    resolved(text, choose_definite=lambda token, found: seen.append((token.text, len(found))))
    assert seen == [("city", 2)]  # Nîmes and France: the non-person entities before it


def test_what_counts_as_a_description():
    doc = load_pipeline()("The towns grew. The town of Guilderland grew. This town grew. The old town grew.")
    result = resolve_mentions(doc, Gazetteer.bundled(), choose_definite=lambda t, f: None)
    assert [t.text for t, _ in description_nouns(result)] == ["town", "town"]  # "This town", "The old town"


def test_the_model_card():
    model = definite_model()
    assert 0.0 < model.threshold < 1.0
    assert "GUM train" in model.about["trained on"]
    assert model.about["dev precision at threshold"] >= 0.8
