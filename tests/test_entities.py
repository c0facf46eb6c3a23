"""One node per real entity, and never two entities in one node (issue #16, item 5).

Tables of article texts -> the nodes kg must make: a name is never merged into a longer
name that names something else, aliases an article defines are kept, and the bundled alias
table knows the common world-news short forms.
"""

from __future__ import annotations

import pytest

from kg.build import build_articles
from kg.graph import EntityNotFound
from kg.model import Article


def nodes(*texts: str):
    articles = [Article(f"a{i}", text.split(".")[0], text) for i, text in enumerate(texts)]
    return build_articles(articles, min_confidence=0.0)


@pytest.mark.parametrize(("texts", "apart"), [
    (["Officials in New Mexico said the plan would hurt Mexico. Mexico rejected it."],
     ("New Mexico", "Mexico")),
    (["Israel Katz, the defence minister, said Israel would respond. Katz spoke in Jerusalem."],
     ("Israel Katz", "Israel")),
    (["Voters in Northern Ireland watched Ireland closely. Ireland said nothing."],
     ("Northern Ireland", "Ireland")),
    (["Clipboard AI raised money. Investors said AI would change offices."], ("Clipboard AI", "AI")),
    (["The New Mexico governor met officials.", "Mexico signed the deal with Canada."],
     ("New Mexico", "Mexico")),
    (["She studied at the University of California and later taught at the University of "
      "Southern California for ten years."],
     ("University of Southern California", "University of California")),
    (["The Navy said the boat sank.", "The United States Navy sent a destroyer to the Gulf."],
     ("United States Navy", "Navy")),
    # a point of the compass the NER cut from the place it names is part of its name
    (["Officials went to the East Los Angeles sheriff's station. Police in Los Angeles agreed."],
     ("East Los Angeles", "Los Angeles")),
])
def test_a_name_is_not_merged_into_a_longer_name_of_something_else(texts, apart):
    graph = nodes(*texts)
    labels = {e.label: e for e in graph.entity_list()}
    longer, shorter = apart
    assert longer in labels, sorted(labels)
    assert shorter not in labels[longer].aliases
    if shorter in labels:
        assert labels[shorter].id != labels[longer].id


def test_a_generic_name_stays_in_its_article():
    graph = nodes("The Court dismissed the appeal on Monday.",
                  "The Supreme Court of Ohio heard the case. The Court said it would rule in May.")
    courts = [e for e in graph.entity_list() if e.label == "Court"]
    assert [e.articles for e in courts] == [("a0",)]
    ohio = [e for e in graph.entity_list() if e.label.endswith("Supreme Court of Ohio")]
    assert [e.articles for e in ohio] == [("a1",)]  # its "Court" is the Ohio court's


def test_an_institution_named_relative_to_the_article_stays_in_its_article():
    graph = nodes("The Supreme Court ruled on the tax. The Democratic Party welcomed it.",
                  "In Honolulu, the Supreme Court heard the appeal. The Democratic Party objected.")
    courts = [e for e in graph.entity_list() if e.label.endswith("Supreme Court")]
    parties = [e for e in graph.entity_list() if e.label.endswith("Democratic Party")]
    assert sorted(e.articles for e in courts) == [("a0",), ("a1",)]
    assert [e.articles for e in parties] == [("a0", "a1")]  # a party's name is its own


def test_an_organisation_is_one_node_with_or_without_its_kind_noun():
    graph = nodes("John Smith studied at Harvard University. At Harvard, he met Jane Doe.")
    harvard = graph.entity("Harvard University")
    assert "Harvard" in harvard.aliases and harvard.type == "ORG"
    graph = nodes("Henry Ford built Ford into a giant. The Ford Foundation gives money to Ford's "
                  "rivals.")
    others = [e for e in graph.entity_list() if e.label != "Ford Foundation"]
    assert all("Ford Foundation" not in e.aliases for e in others)


def test_an_organisation_is_named_again_by_the_words_before_its_of():
    graph = nodes("He joined the Society of the Cincinnati in 1783. The Society met in May.")
    assert "Society" in graph.entity("Society of the Cincinnati").aliases
    graph = nodes("She studied at the University of California and later taught at the "
                  "University of Southern California for ten years.")
    assert len([e for e in graph.entity_list() if e.label.startswith("University of")]) == 2


def test_a_shared_surname_goes_to_the_first_named_person_or_to_no_one():
    graph = nodes("Daniel Bernoulli was born in Groningen. His father, Johann Bernoulli, taught "
                  "mathematics there. Bernoulli moved to Basel in 1705.")
    assert "Bernoulli" in graph.entity("Daniel Bernoulli").aliases
    assert "Bernoulli" not in graph.entity("Johann Bernoulli").aliases
    graph = nodes("Reporters met Anna Smith in Paris. Later, Tom Jones and Mary Jones arrived from "
                  "London. Jones spoke first.")
    for person in ("Tom Jones", "Mary Jones"):
        assert "Jones" not in graph.entity(person).aliases
    assert [e.label for e in graph.entity_list() if e.label == "Jones"] == ["Jones"]


def test_the_same_name_for_a_person_and_a_place_is_two_nodes():
    from kg.gazetteer import Gazetteer
    from kg.resolve import ClusterSummary, resolve_entities

    person = ClusterSummary("a1", 0, "North", "PERSON", None, ("North",), 2)
    place = ClusterSummary("a2", 0, "North", "GPE", None, ("the North",), 1)
    _, ids = resolve_entities([person, place], Gazetteer([], {}))
    assert ids[("a1", 0)] != ids[("a2", 0)]


def test_graph_entity_never_gives_a_longer_place_for_a_short_one():
    graph = nodes("Officials in New Mexico met Joe Biden.")
    with pytest.raises(EntityNotFound):
        graph.entity("Mexico")
    assert graph.entity("Biden").label == "Joe Biden"  # people go by one of their names


@pytest.mark.parametrize(("texts", "label", "wikidata", "names"), [
    (["The UK will leave. Britain said the United Kingdom would stay."], "United Kingdom", "Q145",
     {"UK", "Britain"}),
    (["The EU met. Ministers of the European Union agreed."], "European Union", "Q458", {"EU"}),
    (["The UN said so. The United Nations voted."], "United Nations", "Q1065", {"UN"}),
    (["NATO met in Brussels. The North Atlantic Treaty Organization agreed."], "NATO", "Q7184",
     {"North Atlantic Treaty Organization"}),
    (["The International Court of Justice, or World Court, ruled on Friday. The World Court said "
      "Israel must comply. The ICJ is in The Hague."], "International Court of Justice", "Q7801",
     {"World Court", "ICJ"}),
    # a city whose name holds a comma is one place, not a Washington inside a D.C.
    (["He designed the plan for Washington, D.C. in 1791. Washington D.C. grew."],
     "Washington, D.C.", "Q61", {"Washington D.C."}),
    (["Steve Whitmore, a spokesman in LA, said so. Police in Los Angeles agreed."],
     "Los Angeles", "Q65", {"LA"}),
    (["He moved to New York City in 1990. NYC was cheap then."], "New York City", "Q60", {"NYC"}),
])
def test_common_short_forms_are_one_node(texts, label, wikidata, names):
    graph = nodes(*texts)
    entity = graph.entity(label)
    assert entity.wikidata == wikidata
    assert names <= set(entity.aliases) | {entity.label}, entity.aliases
    assert [e for e in graph.entity_list() if e.label in names] == []


def test_an_alias_the_article_defines_is_kept():
    graph = nodes("The Federal Institute of Technology, or ETH, opened a lab. ETH said it would grow.")
    entity = graph.entity("ETH")
    assert entity.label.removeprefix("The ") == "Federal Institute of Technology"


@pytest.mark.parametrize("text", [
    "Jenna Nicole Mourey (born September 15, 1986), better known as Jenna Marbles, is an American "
    "YouTube personality. Marbles lives in Los Angeles.",
    "Jenna Nicole Mourey (born September 15, 1986), better known by her pseudonym Jenna Marbles, is "
    "an American YouTube personality. Marbles lives in Los Angeles.",
])
def test_a_name_a_person_is_better_known_by_is_the_same_person(text):
    graph = nodes(text)
    assert [e.label for e in graph.entity_list() if e.type == "PERSON"] == ["Jenna Nicole Mourey"]
    assert {"Jenna Marbles", "Marbles"} <= set(graph.entity("Jenna Marbles").aliases)
    assert not [r for r in graph.relation_list() if r.predicate == "be known as"]


def test_a_persons_name_never_joins_an_organisation_named_after_the_person():
    graph = nodes("The exhibit opened with Polaroids donated by the Andy Warhol Foundation for the "
                  "Visual Arts. Andy Warhol took thousands of them. Warhol liked the format.")
    person = graph.entity("Warhol")
    assert (person.label, person.type) == ("Andy Warhol", "PERSON")
    assert graph.entity("Andy Warhol Foundation").type == "ORG"


def test_a_lone_surname_the_ner_missed_is_the_person():
    text = ("Biologist Nick Bos tells Wikinews about ants.\n\nNick Bos, of the University of "
            "Helsinki, studies ants.\n\nBos obtained his doctorate from the University of "
            "Copenhagen. He also runs the AntyScience blog.")
    graph = nodes(text)
    mentions, relations = graph.by_article()["a0"]
    bos = text.index("\n\nBos ") + 2
    assert [m.entity for m in mentions if m.start == bos] == ["nick-bos"]
    assert ("nick-bos", "university-of-copenhagen") in {(r.subject, r.object) for r in relations}


def _joined(words: str, tags: str, names: list[tuple[int, int, str]], at: int) -> list[int]:
    """The cluster word ``at`` joins (none: []), on a hand-tagged Doc (no NER in the way)."""
    import spacy

    from kg.extract.mentions import ArticleEntities
    from kg.extract.surnames import repeated_surnames

    doc = spacy.blank("en")(words)
    for token, tag in zip(doc, tags.split(), strict=True):
        token.pos_ = tag
    result = ArticleEntities(doc)
    for start, end, label in names:
        cluster = result.new_cluster()
        cluster.ner_labels[label] += 1
        result.add_mention(cluster, start, end, "name")
    repeated_surnames(result)
    cluster = result.cluster_of(at)
    return [cluster.id] if cluster else []


@pytest.mark.parametrize(("words", "tags", "names", "at", "joins"), [
    ("Nick Bos spoke . Then Bos left .", "PROPN PROPN VERB PUNCT ADV PROPN VERB PUNCT",
     [(0, 2, "PERSON")], 5, [0]),
    # two people share the surname: the first-named person's ("Padalecki" in Jared
    # Padalecki's biography, not his mother Sherri's), as for a surname the NER found
    ("Jacob Bernoulli and Johann Bernoulli wrote . Then Bernoulli left .",
     "PROPN PROPN CCONJ PROPN PROPN VERB PUNCT ADV PROPN VERB PUNCT",
     [(0, 2, "PERSON"), (3, 5, "PERSON")], 8, [0]),
    # ... and no one's when the first-named person is someone else
    ("Maria Lopez said Jacob Bernoulli and Johann Bernoulli wrote . Then Bernoulli left .",
     "PROPN PROPN VERB PROPN PROPN CCONJ PROPN PROPN VERB PUNCT ADV PROPN VERB PUNCT",
     [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON")], 11, []),
    # also another person's middle name: left alone
    ("Yuen Ren Chao and Rulan Chao Pian sang . Then Chao left .",
     "PROPN PROPN PROPN CCONJ PROPN PROPN PROPN VERB PUNCT ADV PROPN VERB PUNCT",
     [(0, 3, "PERSON"), (4, 7, "PERSON")], 10, []),
    # also a place's name in the article: left alone
    ("George Washington went to Washington . Then Washington left .",
     "PROPN PROPN VERB ADP PROPN PUNCT ADV PROPN VERB PUNCT",
     [(0, 2, "PERSON"), (4, 5, "GPE")], 7, []),
    # part of a longer name ("Bos Street"): left alone
    ("Nick Bos spoke . Bos Street closed .", "PROPN PROPN VERB PUNCT PROPN PROPN VERB PUNCT",
     [(0, 2, "PERSON")], 4, []),
])
def test_a_lone_surname_joins_only_a_person_it_names_alone(words, tags, names, at, joins):
    assert _joined(words, tags, names, at) == joins


def test_a_title_is_no_surname():
    # "Agassiz Professor" (a name the NER made of a title) does not take "Professor" later
    assert _joined("Agassiz Professor spoke . She was Professor there .",
                   "PROPN PROPN VERB PUNCT PRON AUX PROPN ADV PUNCT", [(0, 2, "PERSON")], 6) == []


def test_the_cities_table_is_keyed_by_the_names_kg_normalises():
    """kg/data/cities.tsv stores each name's normalised form so that it loads fast; a change
    to kg.names.normalize_name must come with the table built again."""
    from importlib import resources

    from kg.names import normalize_name

    text = (resources.files("kg") / "data/cities.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) > 60_000
    assert all(key == normalize_name(name) for key, name, *_ in rows)


def test_a_name_said_more_fully_is_the_same_person_but_not_a_regnal_number():
    graph = nodes("Jared Padalecki is an actor. Jared Tristan Padalecki was born in San Antonio "
                  "and Matthew Goode, or Matthew William Goode, was born in Exeter.")
    labels = sorted(e.label for e in graph.entity_list() if e.type == "PERSON")
    assert len(labels) == 2, labels  # one node each, whichever name labels it
    graph = nodes("Shah Abbas built the square. His great-grandson Shah Abbas II built a palace.")
    assert len([e for e in graph.entity_list() if e.type == "PERSON"]) == 2


def test_a_point_of_the_compass_is_named_anew_in_each_article():
    graph = nodes("The North fired artillery at the South on Friday.",
                  "Voters in the North backed the Labour Party.")
    assert sorted(e.articles for e in graph.entity_list() if e.label == "North") == [("a0",), ("a1",)]


def test_a_name_the_ner_missed_before_a_comma_is_no_description_of_the_next():
    """"Taipei, Taiwan": a proper noun before ", <a name>" describes it only as a title ("the
    President of Russia, Vladimir Putin"); Taipei is not Taiwan."""
    graph = nodes("Lantern Festival in Taipei lights up the night\n\nTaipei, Taiwan — The Taipei City "
                  "Lantern Festival was off to a bright start on Saturday Night.")
    taiwan = graph.entity("Taiwan")
    assert [m.text for m in graph.mentions if m.entity == taiwan.id] == ["Taiwan"]


def test_honours_after_a_name_are_no_part_of_it():
    graph = nodes("Daniel Bernoulli FRS was a Swiss mathematician. Dame Zaha Hadid DBE RA was an "
                  "architect.")
    labels = [e.label for e in graph.entity_list() if e.type == "PERSON"]
    assert "Daniel Bernoulli" in labels and len(labels) == 2
    assert not any({"FRS", "DBE", "RA"} & set(label.split()) for label in labels), labels


def test_the_that_opens_a_sentence_is_no_part_of_a_name():
    graph = nodes("The Democratic Party won the vote. Voters backed it.")
    assert graph.entity("Democratic Party").label == "Democratic Party"
    graph = nodes("The Wall Street Journal reported it first.")  # the alias table's name
    assert graph.entity("Wall Street Journal").label == "The Wall Street Journal"


def test_names_shaped_as_names_are_entities_however_the_tagger_read_them():
    graph = nodes("Jack Herrick, wikiHow founder, once ran eHow. Other sites, notably "
                  "podiobooks.com, host audiobooks, e.g. novels.")
    labels = {e.label: e.type for e in graph.entity_list()}
    assert {"wikiHow": "ORG", "eHow": "ORG", "podiobooks.com": "ORG"}.items() <= labels.items()
    assert "e.g." not in labels
