"""Places a sentence nests in each other: "Evanston, Illinois", "in Buttenhausen in
Münsingen", "the town of Guilderland", and what such chains imply.

:func:`place_links` reads them from an article's clusters; :mod:`kg.extract.relations`
turns them into ``located in`` relations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.coref import ArticleEntities
from kg.extract.lexicon import PLACE_TYPES
from kg.gazetteer import Gazetteer
from kg.schema import RELATION_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PLACES", "PLACE_NOUNS", "place_links"]

PLACES = PLACE_TYPES
SITED = ("ORG", *PLACES)  # what can be inside a place
PLACE_NOUNS = RELATION_TYPES["located_in"].nouns - {"headquarters", "capital"}
_COMPASS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east",
            "west", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
            "lower", "far", "part", "the"}


# place nouns whose "X noun of Y" goes both ways: "the Melbourne suburb of Preston" (Preston
# in Melbourne), "the Williamsburg neighborhood of Brooklyn" (Williamsburg in Brooklyn)
#: Places "the <A> town of <B>" names B as: B is the town, inside A.
_SETTLEMENT_NOUNS = {"city", "town", "village", "hamlet", "suburb", "neighborhood", "neighbourhood",
                     "borough", "township", "municipality", "commune", "settlement"}


def place_links(entities: ArticleEntities) -> list[tuple[int, int, Token, float]]:
    """(inner, outer, anchor, confidence): places a sentence nests in each other.

    "Brigden, Lambton County, Ontario, Canada", "in Buttenhausen in Münsingen",
    "the Province of Rieti in the Lazio region of central Italy", "the city of Klamath Falls
    in the U.S. state of Oregon", an organisation "of" a country ("the University of
    Sheffield of the UK"); then what these chains imply ("Brigden ... in Canada").
    Lists ("France, Germany, and Italy") and a country inside a smaller place are not links.

    >>> from kg.extract.coref import resolve_mentions
    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("He was born in Buttenhausen in Münsingen, Württemberg.")
    >>> entities = resolve_mentions(doc, Gazetteer.bundled())
    >>> label = lambda i: entities.clusters[i].label
    >>> for inner, outer, _, confidence in sorted(place_links(entities), key=lambda x: x[:2]):
    ...     print(label(inner), "in", label(outer), confidence)
    Buttenhausen in Münsingen 0.8
    Buttenhausen in Württemberg 0.7
    Münsingen in Württemberg 0.8
    """
    doc = entities.doc
    gazetteer = Gazetteer.bundled()
    places = [(m, c) for m, c in entities.mentions_in_order()
              if m.kind == "name" and c.type in (*SITED, "EVENT")]
    direct: dict[tuple[int, int], Token] = {}
    for (m, c), (n, d) in zip(places, places[1:], strict=False):
        if c.id == d.id or doc[m.start].sent.start != doc[n.start].sent.start:
            continue
        if doc[m.end - 1].pos_ != "PROPN":
            continue  # "the crisis in Ukraine" names no place
        between = doc[m.end:n.start]
        words = [t.lower_ for t in between]
        comma = words[-1:] == [","] and all(  # "Ontario, Canada"; "Møre og Romsdal county, Norway"
            t.lemma_.lower() in PLACE_NOUNS for t in between[:-1])
        nested = "in" in words and all(w in (",", "in", "of") or w in _COMPASS or
                                       t.lemma_.lower() in PLACE_NOUNS
                                       for w, t in zip(words, between, strict=True))
        core = len(words)  # without compass words after "of": "the Lazio region of central Italy"
        while core > 2 and words[core - 1] in _COMPASS and words[core - 2] != ",":
            core -= 1
        of_noun = not comma and not nested and core >= 2 and words[core - 1] == "of" and \
            between[core - 2].lemma_.lower() in PLACE_NOUNS and all(
                w in _COMPASS or t.lemma_.lower() in PLACE_NOUNS or w == "of"
                for w, t in zip(words, between, strict=True))  # "Lazio region of Italy"
        # "Colorado State University of the US": an organisation "of" a country is in it
        of_country = words in (["of"], ["of", "the"]) and c.type in ("ORG", "FAC") and \
            doc[m.end].head.i in range(m.start, m.end) and \
            gazetteer.place_kind(d.label) == "country"
        if c.type == "EVENT" and not nested:
            continue  # an event is held "in" a place: "the World Cup in the Netherlands"
        if not (comma or nested or of_noun or of_country) or d.type not in ("GPE", "LOC") or \
                (comma and c.type not in PLACES and not gazetteer.cities(doc[n.start:n.end].text)):
            continue  # nothing is inside an organisation or a building; an organisation
            # is only "X, <a city>" ("the University of Arkansas, Fayetteville")
        if of_noun and doc[m.end - 1].head.i not in range(n.start - len(words), n.start):
            continue
        if of_noun and _names_the_noun(gazetteer, between[core - 2], c, d):
            if not _country_inside(gazetteer, d, c):  # "the Texas town of Uvalde"
                direct.setdefault((d.id, c.id), doc[n.start])
            continue
        if _is_list(entities, n, gazetteer) or (comma and _is_series(entities, places, n, gazetteer)):
            continue  # "Paris, France, and Madrid"; "the crisis in Ukraine and Russia"
        outer, modifier = _state_of(entities, n, d)  # "the U.S. state of Oregon"
        if modifier is not None:
            direct.setdefault((outer, d.id), doc[n.start])
        if _country_inside(gazetteer, c, entities.clusters[outer]):
            continue
        direct.setdefault((c.id, outer), doc[m.start])
    for m, c in entities.mentions_in_order():  # "the Australian state of New South Wales"
        if m.kind == "demonym" and c.type in PLACES:
            for inner in _places_of_noun(entities, doc[m.end - 1]):
                direct.setdefault((inner, c.id), doc[m.start])
        elif m.kind == "appos" and c.type in SITED:  # "Instituto Gonzaga, a school in Milan"
            for outer in _described_as_in(entities, doc[m.start:m.end].root):
                if outer != c.id and not _country_inside(gazetteer, c, entities.clusters[outer]):
                    direct.setdefault((c.id, outer), doc[m.start])
    for owner, place, anchor in _headquarters(entities):  # "Google headquarters in California"
        direct.setdefault((owner, place), anchor)
    implied = dict(direct)
    changed = True
    while changed:  # what the chains imply: inside B inside C is inside C
        changed = False
        for (a, b), anchor in list(implied.items()):
            for (b2, c2) in list(implied):
                if b2 == b and c2 != a and (a, c2) not in implied:
                    implied[(a, c2)] = anchor
                    changed = True
    return [(a, b, anchor, 0.8 if (a, b) in direct else 0.7) for (a, b), anchor in implied.items()]


def _names_the_noun(gazetteer: Gazetteer, noun: Token, before, after) -> bool:
    """Whether "<before> <noun> of <after>" names ``after`` as the noun, inside ``before``
    ("the Texas town of Uvalde", "the Melbourne suburb of Preston", "the U.S. state of
    Oregon"), rather than ``before`` inside ``after`` ("the Lazio region of Italy"): so when
    ``before`` is a country, or the noun a settlement and ``after`` no country."""
    if gazetteer.place_kind(after.label) == "country":
        return False
    return gazetteer.place_kind(before.label) == "country" or noun.lemma_.lower() in _SETTLEMENT_NOUNS


def _is_series(entities: ArticleEntities, places: list, mention, gazetteer: Gazetteer) -> bool:
    """"Lutsk, Lviv, Rivne, Ternopil": three or more names joined by commas alone, none of
    them a country, a continent or a state of the demonym table, nor a name ending in a
    place noun, are a series, not places nested in each other ("Brigden, Lambton County,
    Ontario, Canada" is nested)."""
    doc = entities.doc
    by_start = {m.start: (m, c) for m, c in places}
    by_end = {m.end: (m, c) for m, c in places}
    run = [by_start[mention.start]]
    while run[0][0].start >= 2 and doc[run[0][0].start - 1].text == "," and \
            run[0][0].start - 1 in by_end:
        run.insert(0, by_end[run[0][0].start - 1])
    while run[-1][0].end + 1 < len(doc) and doc[run[-1][0].end].text == "," and \
            run[-1][0].end + 1 in by_start:
        run.append(by_start[run[-1][0].end + 1])
    return len(run) >= 3 and not any(gazetteer.place_kind(c.label) is not None or
                                     doc[m.end - 1].lemma_.lower() in PLACE_NOUNS for m, c in run)


def _is_list(entities: ArticleEntities, mention, gazetteer: Gazetteer) -> bool:
    """"France, Germany, and Italy", "Manaus, Macapá, Belém and Santarém": a place followed,
    after any more ", <name>", by "and"/"or" and another name. "McGill University in
    Montreal, Quebec, and at INSEAD" is no list of places, nor is "Los Angeles, California
    and Detroit, Michigan" a list of California's: each state follows its city."""
    doc = entities.doc
    end = mention.end
    while end + 1 < len(doc) and doc[end].text == "," and end + 1 in entities.token_cluster:
        end = _end_of_name(entities, end + 1)
    if end < len(doc) and doc[end].text == ",":
        end += 1
    if end >= len(doc) or doc[end].lower_ not in ("and", "or"):
        return False
    following = end + 1  # the list goes on with another name: "and Madrid", "and the Netherlands"
    while following < len(doc) and doc[following].dep_ == "det":
        following += 1
    if following not in entities.token_cluster or \
            entities.clusters[entities.token_cluster[following]].type not in PLACES:
        return False  # "Saratoga Springs, New York and an Edward Steichen exhibit": no list
    after = _end_of_name(entities, following)  # "and Detroit, Michigan": a pair like the first
    return not (_is_region(entities, gazetteer, mention.start) and after + 1 < len(doc)
                and doc[after].text == "," and _is_region(entities, gazetteer, after + 1))


def _end_of_name(entities: ArticleEntities, start: int) -> int:
    """The end of the name whose first token is ``start``."""
    cluster, end = entities.token_cluster[start], start
    while end < len(entities.doc) and entities.token_cluster.get(end) == cluster:
        end += 1
    return end


def _is_region(entities: ArticleEntities, gazetteer: Gazetteer, token: int) -> bool:
    """Whether the name at ``token`` is a country, state or province of the demonym table."""
    cluster = entities.token_cluster.get(token)
    return cluster is not None and gazetteer.place_kind(entities.clusters[cluster].label) in (
        "country", "state", "province", "territory")


def _state_of(entities: ArticleEntities, mention, cluster) -> tuple[int, Token | None]:
    """For "U.S." in "the U.S. state of Oregon": (Oregon's cluster, the noun); else the
    mention's own cluster and None."""
    root = entities.doc[mention.end - 1]
    inner = _places_of_noun(entities, root)
    return (inner[0], root.head) if inner else (cluster.id, None)


def _places_of_noun(entities: ArticleEntities, modifier: Token) -> list[int]:
    """The places named by "<modifier> state(s) of X (and Y)": the Mexican states of
    Chihuahua and Sonora -> Chihuahua, Sonora."""
    noun = modifier.head
    if modifier.dep_ not in ("amod", "compound", "nmod") or noun.lemma_.lower() not in PLACE_NOUNS:
        return []
    found = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for place in [pobj, *[c for c in pobj.children if c.dep_ == "conj"]]:
                    cluster = entities.cluster_of(place)
                    if cluster is not None and cluster.type in PLACES:
                        found.append(cluster.id)
    return found


def _described_as_in(entities: ArticleEntities, noun: Token) -> list[int]:
    """The places an apposition says its thing is in: "a catholic school in Milan",
    "a village in Lazio and Umbria", "the capital of New Zealand", "a suburb of Melbourne"
    (not "a professor in Boston": people are not in places this way, and a noun that is a
    role is a role fact).

    >>> from kg.extract.coref import resolve_mentions
    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("Bocconi University, a private university in Milan, must pay.")
    >>> entities = resolve_mentions(doc, Gazetteer.bundled())
    >>> [(entities.clusters[i].label, entities.clusters[o].label) for i, o, _, _ in place_links(entities)]
    [('Bocconi University', 'Milan')]
    """
    found = []
    preps = list(noun.children)
    if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].head.i < noun.i:
        preps.append(noun.doc[noun.i + 1])  # "in" right after the noun, hung on the verb
    part_of = noun.lemma_.lower() in PLACE_NOUNS | {"capital"}  # "the capital of New Zealand"
    for prep in preps:
        if prep.dep_ == "prep" and (prep.lower_ == "in" or (prep.lower_ == "of" and part_of)):
            for pobj in prep.children:
                for place in ([pobj, *[c for c in pobj.children if c.dep_ == "conj"]]
                              if pobj.dep_ == "pobj" else []):
                    cluster = entities.cluster_of(place)
                    if cluster is not None and cluster.type in ("GPE", "LOC") and \
                            entities.token_kind.get(place.i) == "name":
                        found.append(cluster.id)
    return found


def _headquarters(entities: ArticleEntities):
    """(organisation, place, anchor) where a sentence says where an organisation's
    headquarters are: "Google headquarters in California", "Google's headquarters in
    Mountain View" (not "the UN headquarters in New York" said of a place that is no name).

    >>> from kg.extract.coref import resolve_mentions
    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("He toured Google headquarters in California.")
    >>> entities = resolve_mentions(doc, Gazetteer.bundled())
    >>> [(entities.clusters[o].label, entities.clusters[p].label) for o, p, _ in _headquarters(entities)]
    [('Google', 'California')]
    """
    for token in entities.doc:
        if token.lower_ != "headquarters":
            continue
        owners = [c for c in token.children if c.dep_ in ("compound", "poss")
                  and entities.token_kind.get(c.i) == "name" and entities.cluster_of(c).type == "ORG"]
        places = _described_as_in(entities, token)
        for owner in owners[:1]:
            for place in places:
                yield entities.cluster_of(owner).id, place, token


def _country_inside(gazetteer: Gazetteer, inner, outer) -> bool:
    """A country is never inside another country or a smaller place (it is a list, or a
    misparse); England, a nation, may be inside the United Kingdom."""
    if gazetteer.place_kind(inner.label) != "country":
        return False
    return gazetteer.place_kind(outer.label) not in ("continent", "union", "region")
