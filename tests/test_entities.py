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
])
def test_a_name_is_not_merged_into_a_longer_name_of_something_else(texts, apart):
    graph = nodes(*texts)
    labels = {e.label: e for e in graph.entity_list()}
    longer, shorter = apart
    assert longer in labels, sorted(labels)
    assert shorter not in labels[longer].aliases
    if shorter in labels:
        assert labels[shorter].id != labels[longer].id


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
