"""What a sentence says a named thing is: types from the text, not only from the NER.

"X is a town", "X, a software company", "the village of X", lists of one kind, what is
directed, published or acquired: this evidence overrules the NER's type, and what the text
calls a thing ("town", "company") helps :mod:`kg.extract.definites` resolve "the town" or
"the company" later.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.extract.lexicon import (
    COMPASS_POINTS,
    COPULAS,
    ORGANISATION_DESIGNATORS,
    ORGANISATION_MEMBER_NOUNS,
    PLACE_TYPES,
)
from kg.extract.mentions import (
    NOUN_TYPES,
    ArticleEntities,
    Cluster,
    MentionSpan,
    naming_noun,
    singular,
)
from kg.extract.pronouns import first_name_gender
from kg.gazetteer import Gazetteer
from kg.names import normalize_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["types_from_descriptions", "first_conjunct"]


def types_from_descriptions(result: ArticleEntities, gazetteer: Gazetteer) -> None:
    """What the text says a named thing is overrules the NER's guess: "Nîmes is a
    city" (a place, though tagged a person), "Roketsan, a Turkish manufacturer" (an
    organisation), "Lambton County", "the village of Groveton", "towns ... include
    Wereta" (``_kind_exemplified``); so does a name of the
    demonym table ("India" is a country, "Africa" a continent); then where it stands:
    "born in Sudbury, Ontario", "in Nîmes", "west of Jacksboro" (see ``_followed_by_place``,
    ``_inside_of``, ``_bearing_from``), "acquired by Windstream", "plays for Partick
    Thistle" (``_organisation_context``); last, the other names of its list
    (``_types_from_lists``). What a sentence says outright (copula, apposition) weighs most.
    Alias-table entities keep their table type."""
    doc = result.doc
    said: list[tuple[int, str]] = []  # (cluster, noun) what a sentence says it is
    for token in doc:  # "X is a town and comune in ..."
        if token.dep_ != "attr" or token.head.lemma_.lower() not in COPULAS:
            continue
        for subject in token.head.children:
            if subject.dep_ == "nsubj" and result.token_kind.get(subject.i) == "name":
                said.append((result.token_cluster[subject.i], token.lemma_.lower()))
    said += [(cluster.id, mention.span(doc).root.lemma_.lower())  # "X, a Turkish manufacturer"
             for cluster in result.clusters.values() for mention in cluster.mentions
             if mention.kind == "appos"]
    # what a sentence says outweighs the noun a name ends in: "its album, Evil Empire"
    _add_type_evidence(result, said, 20)
    evidence: list[tuple[int, str]] = []
    for cluster in result.clusters.values():
        for mention in cluster.mentions:
            if mention.kind == "name" and (noun := _type_noun_of_name(doc, mention)
                                             or _place_noun_before_of(doc, mention)
                                             or _kind_exemplified(doc, mention)):
                evidence.append((cluster.id, noun))
        kinds = {gazetteer.place_kind(m.span(doc).text) for m in cluster.mentions if m.kind == "name"}
        if len(kinds) == 1 and None not in kinds:
            kind = kinds.pop()
            evidence.append((cluster.id, kind if kind in NOUN_TYPES else "place"))
    _add_type_evidence(result, evidence, 10)
    _add_type_evidence(result, [(cluster.id, "city") for cluster in result.clusters.values()
                                for mention in cluster.mentions if mention.kind == "name"
                                and _city_of_next_place(result, mention, gazetteer)], 20)
    for cluster in result.clusters.values():  # "Trento" alone, tagged a person
        if _big_city_called_a_person(doc, cluster, gazetteer):
            _add_type_evidence(result, [(cluster.id, "city")], cluster.ner_labels["PERSON"] + 1)
    evidence = [(cluster.id, "place") for cluster in result.clusters.values()  # then context,
                for mention in cluster.mentions if mention.kind == "name" and (  # which weighs
                    _followed_by_place(result, mention) or _inside_of(doc, mention, cluster)
                    or _bearing_from(doc, mention))]
    _add_type_evidence(result, evidence, 3)  # less: a person named often stays a person
    evidence = [(cluster.id, "organisation") for cluster in result.clusters.values()
                for mention in cluster.mentions
                if mention.kind == "name" and _organisation_context(result, mention)]
    _add_type_evidence(result, evidence, 3)
    _types_from_lists(result)


# what only organisations have or do: "the CEO of Idealab", "a division of Samsung",
# "published by Nintendo"
_ORGANISATION_NOUNS = {"ceo", "chairman", "chairwoman", "director", "executive", "employee",
                       "subsidiary", "division", "shareholder"}


_ORGANISATION_VERBS = {"publish", "acquire", "manufacture", "distribute"}


def _organisation_context(result: ArticleEntities, mention: MentionSpan) -> bool:
    """"Managing Director of Idealab", "a division of Samsung", "acquired by Windstream",
    "plays for Partick Thistle", "an Altınordu S.K. player", "Frederick Fung of ADPL": what
    one directs, is a division of, is acquired by, plays for or is a player or member of, and
    the acronym a person is "of", is an organisation.
    Not a name another name stands between it and the preposition: in "CEO of the Refugee
    Council Enver Solomon" the Refugee Council is what "of" is about, whatever the parse hung
    on it.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("The game was published by Nintendo.")
    >>> _organisation_context(ArticleEntities(doc), MentionSpan(5, 6, "name"))
    True
    """
    doc = result.doc
    last = doc[mention.end - 1]
    if last.dep_ == "compound" and last.head.i == mention.end and \
            last.head.lemma_.lower() in ORGANISATION_MEMBER_NOUNS:
        return True  # "the first Altınordu S.K. player"
    token = first_conjunct(last)
    preposition = token.head
    if token.dep_ != "pobj" or preposition.i >= mention.start:
        return False
    if token.i == last.i and any(result.token_kind.get(i) == "name" and
                             result.token_cluster.get(i) != result.token_cluster.get(mention.start)
                             for i in range(preposition.i + 1, mention.start)):
        return False
    governor = preposition.head.lemma_.lower()
    if preposition.lower_ == "for" and governor in ("play", "sign"):
        return True  # "plays for Partick Thistle"
    if preposition.lower_ == "of" and mention.end - mention.start == 1 and last.is_upper and \
            len(last) >= 3 and result.token_kind.get(preposition.head.i) == "name" and \
            result.clusters[result.token_cluster[preposition.head.i]].type == "PERSON":
        return True  # "Frederick Fung of ADPL": a person's acronym-named organisation
    if preposition.lower_ in ("of", "for"):
        return governor in _ORGANISATION_NOUNS and preposition.head.pos_ in ("NOUN", "PROPN")
    return preposition.lower_ == "by" and governor in _ORGANISATION_VERBS


def _place_noun_before_of(doc: Doc, mention: MentionSpan) -> str | None:
    """"the village of Groveton", "the island of Maui", "the cities of Siena and Forlì":
    the place noun a name is "of".

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("It drains near the village of Groveton.")
    >>> _place_noun_before_of(doc, MentionSpan(6, 7, "name"))
    'village'
    """
    token = first_conjunct(doc[mention.end - 1])
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.i >= mention.start:
        return None
    noun = token.head.head
    if noun.pos_ != "NOUN" or not noun.is_lower or noun.i > token.head.i:
        return None
    word = singular(noun.lemma_.lower())
    return word if NOUN_TYPES.get(word) in ("GPE", "LOC") else None


def _kind_exemplified(doc: Doc, mention: MentionSpan) -> str | None:
    """"Towns in this zone include Addis Zemen and Wereta", "companies such as Aselsan":
    the type noun a list of examples is given for.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("Towns and cities in this zone include Addis Zemen and Wereta.")
    >>> _kind_exemplified(doc, MentionSpan(10, 11, "name"))
    'town'
    """
    token = first_conjunct(doc[mention.end - 1])
    if token.dep_ == "dobj" and token.head.lemma_.lower() == "include":
        kinds = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif token.dep_ == "pobj" and token.head.lower_ in ("as", "including") and (
            token.head.lower_ == "including" or doc[token.head.i - 1].lower_ == "such"):
        kinds = [token.head.head]
    else:
        return None
    for kind in kinds:  # a plural noun, also capitalised first in its sentence: "Towns"
        word = singular(kind.lemma_.lower() if kind.tag_ == "NNS" else kind.lower_)
        plural = kind.tag_ == "NNS" or (kind.i == kind.sent.start and word != kind.lower_)
        if plural and not kind.ent_type_ and NOUN_TYPES.get(word) not in (None, "PERSON"):
            return word
    return None


def first_conjunct(token: Token) -> Token:
    """The first item of the list ``token`` ends or is in ("Forlì" in "Florence, Siena and
    Forlì" -> "Florence"); ``token`` itself when it is in no list."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _types_from_lists(result: ArticleEntities) -> None:
    """Names in one list are things of one kind: in "Mozambique, Zimbabwe, Cape Verde,
    Lesotho and South Africa", names the NER took for people among three places are
    places too. When most of a name's fellow list members, two at least, are of one kind,
    each of them adds 2 to that kind."""
    doc = result.doc
    groups: dict[int, set[int]] = {}  # first conjunct -> clusters named in the list
    for token in doc:
        if result.token_kind.get(token.i) != "name" or token.dep_ == "compound":
            continue
        first = first_conjunct(token)
        if first is token and not any(c.dep_ == "conj" for c in token.children):
            continue
        groups.setdefault(first.i, set()).add(result.token_cluster[token.i])
    for clusters in groups.values():
        kinds = {c: _coarse_kind(result.clusters[c].type) for c in clusters}
        for cluster_id in clusters:
            cluster = result.clusters[cluster_id]
            others = Counter(kinds[c] for c in clusters if c != cluster_id)
            if not others or cluster.known is not None or _full_personal_name(doc, cluster):
                continue
            kind, count = others.most_common(1)[0]
            if kind in _KIND_LABELS and kind != kinds[cluster_id] and count >= 2 and \
                    2 * count > sum(others.values()):
                cluster.ner_labels[_KIND_LABELS[kind]] += 2 * count


def _full_personal_name(doc: Doc, cluster: Cluster) -> bool:
    """Whether the NER named ``cluster`` a person by a first name and a surname at least once
    ("Edward Steichen", not "Lesotho" nor "Santa Cruz")."""
    return any(m.kind == "name" and m.end - m.start >= 2 and doc[m.start].ent_type_ == "PERSON"
               and first_name_gender(doc[m.start].text) is not None for m in cluster.mentions)


_KIND_LABELS = {"person": "PERSON", "organisation": "ORG", "place": "GPE"}


def _coarse_kind(label: str) -> str:
    if label in PLACE_TYPES:
        return "place"
    return {"PERSON": "person", "ORG": "organisation"}.get(label, label)


def _add_type_evidence(result: ArticleEntities, evidence: list[tuple[int, str]], weight: int) -> None:
    for cluster_id, noun in evidence:
        cluster = result.clusters[cluster_id]
        label = "GPE" if noun == "place" else NOUN_TYPES.get(noun)
        if label:
            cluster.kinds.add(noun)
            if cluster.known is None:
                cluster.ner_labels[label] += weight


def _type_noun_of_name(doc: Doc, mention: MentionSpan) -> str | None:
    """The type noun a name ends in, has before its "of", or is next to: "Lambton
    County", "Kunene River", "University of Alberta", "Moscow School of Painting", "Møre og
    Romsdal county", "rock group Led Zeppelin". Words that also end other kinds of names
    ("Ohio State", "Manchester City") and people's nouns ("The Painter") say nothing.

    >>> import spacy
    >>> doc = spacy.blank("en")("Roald is in Giske Municipality and Ohio State")
    >>> _type_noun_of_name(doc, MentionSpan(3, 5, "name")), _type_noun_of_name(doc, MentionSpan(6, 8, "name"))
    ('municipality', None)
    """
    last = doc[mention.end - 1]
    candidates = [last] if mention.end - mention.start > 1 else []
    first = doc[mention.start]
    of = next((t for t in doc[mention.start + 1:mention.end - 1] if t.lower_ == "of"), None)
    if of is not None and doc[of.i - 1].is_title:  # "University of Alberta", "Gulf of
        candidates.insert(0, doc[of.i - 1])  # Mexico", "Moscow School of Painting"
    elif mention.end - mention.start == 2 and first.lower_ in _NAME_STARTS:
        return _NAME_STARTS[first.lower_]  # "Lake Tana"; not "Fort Wayne Pistons"
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and after.is_lower and last.head == after and \
            singular(after.lower_) not in _BODIES_OF_PLACES:
        candidates.append(after)  # "Møre og Romsdal county", not "Texas courts"
    before = doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.is_lower and before.pos_ == "NOUN" and \
            before.head.i in range(mention.start, mention.end):
        candidates.append(before)  # "English rock group Led Zeppelin"
    for token in candidates:
        noun = naming_noun((token.lemma_ or token.lower_).lower(), people=token is before)
        if noun:
            return noun
    if mention.end - mention.start > 1 and (first.text in ORGANISATION_DESIGNATORS or
                                            last.text in ORGANISATION_DESIGNATORS):
        return "organisation"  # "FC Brno", "Beşiktaş JK", "Shed Media Ltd"
    return None


# first words of place and storm names: "Mount Guna", "Lake Tana", "Fort Worth", "Port Louis"
# (not "Cape": "Cape Verde" is a country); "Cyclone Phailin", "Hurricane Sandy"
_NAME_STARTS = {"mount": "mountain", "lake": "lake", "fort": "fort", "port": "town",
                "cyclone": "storm", "hurricane": "storm", "typhoon": "storm"}


# what places have: "Texas courts" are not what "Texas" names
_BODIES_OF_PLACES = {"court", "police", "senate", "congress", "parliament", "assembly",
                     "legislature", "government", "army", "navy", "council"}


_PLACE_PREPOSITIONS = {"in", "near", "outside", "from", "of"}


def _followed_by_place(result: ArticleEntities, mention: MentionSpan) -> bool:
    """"born in Sudbury, Ontario": a name after a preposition and before ", <a place>" is a
    place too, unless a list goes on ("in Paris, France and Madrid"); so is one inside such a
    chain ("Sangamon" in "in Springfield, Sangamon, Illinois")."""
    doc = result.doc
    start = mention.start
    while start >= 2 and doc[start - 1].text == "," and result.token_kind.get(start - 2) == "name":
        before = result.cluster_of(start - 2)  # back over ", <name>" to the chain's first
        start = next(m.start for m in before.mentions if m.start <= start - 2 < m.end)
    if start == 0 or doc[start - 1].lower_ not in _PLACE_PREPOSITIONS:
        return False
    if mention.end + 1 >= len(doc) or doc[mention.end].text != ",":
        return False
    outer = result.cluster_of(mention.end + 1)
    if outer is None or outer.type != "GPE" or result.token_kind.get(mention.end + 1) != "name":
        return False
    after = next((m.end for m in outer.mentions if m.start == mention.end + 1), mention.end + 2)
    return doc[after].lower_ not in ("and", "or") if after < len(doc) else True


def _city_of_next_place(result: ArticleEntities, mention: MentionSpan, gazetteer: Gazetteer) -> bool:
    """"Trento, Italy", "Fayetteville, Arkansas": a name that the cities table has in the
    country or US state named right after it, after a comma, is that city, whatever the NER
    said.

    >>> from kg.extract.coref import resolve_mentions
    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("Shalev is in Levico Terme, Trento, Italy for a conference.")
    >>> [c.type for c in resolve_mentions(doc, Gazetteer.bundled()).clusters.values()
    ...  if c.label == "Trento"]
    ['GPE']
    """
    doc = result.doc
    if mention.end + 1 >= len(doc) or doc[mention.end].text != "," or \
            result.token_kind.get(mention.end + 1) != "name":
        return False
    outer = result.cluster_of(mention.end + 1)
    after = next((m for m in outer.mentions if m.start == mention.end + 1), None) if outer else None
    if after is None:
        return False
    text = after.span(doc).text
    known = gazetteer.lookup(text)
    outer_names = {normalize_name(text), normalize_name(known.label) if known else ""}
    return any(normalize_name(city.country) in outer_names or
               (city.state and normalize_name(city.state) in outer_names)
               for city in gazetteer.cities(mention.span(doc).text))


_BIG_CITY = 100_000  # people: a city this big is what its name alone means, not a person


def _big_city_called_a_person(doc: Doc, cluster: Cluster, gazetteer: Gazetteer) -> bool:
    """A name the NER took for a person's that is only ever the name of a city of 100,000
    people or more, and no first name, and that is once where one goes, comes from or is:
    "flights to Tehran and Mashhad", "born in Tianjin" (never "Paris Hilton", not "Jackson"
    once "Michael Jackson" is named, and not "the voice of Batman")."""
    if cluster.known is not None or cluster.type != "PERSON":
        return False
    names = [m for m in cluster.mentions if m.kind == "name"]
    return bool(names) and all(
        first_name_gender(doc[m.start].text) is None and
        any(city.population >= _BIG_CITY for city in gazetteer.cities(m.span(doc).text))
        for m in names) and any(
        (root := first_conjunct(doc[m.end - 1])).dep_ == "pobj" and
        root.head.lower_ in _GOING_PREPOSITIONS for m in names)


_GOING_PREPOSITIONS = {"in", "from", "to", "via", "near", "at", "outside", "into"}


def _bearing_from(doc: Doc, mention: MentionSpan) -> bool:
    """"west of Jacksboro", "bordered on the north by Semien Gondar": what lies in a
    direction from something, or borders it, is a place.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("The river joins the Missouri west of Culbertson.")
    >>> _bearing_from(doc, MentionSpan(7, 8, "name"))
    True
    """
    token = first_conjunct(doc[mention.end - 1])
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in ("of", "by") or \
            preposition.i >= mention.start:
        return False
    governor = preposition.head
    if governor.lower_ in COMPASS_POINTS or governor.lemma_.lower() == "border":
        return True
    # "bordered on the north by X": "by" hangs on the direction's phrase or on the verb
    return preposition.lower_ == "by" and any(
        t.lower_ in COMPASS_POINTS for t in doc[max(0, preposition.i - 4):preposition.i])


# what one is in when it is a place: "born in", "based in", "a town in"
_SITING_WORDS = {"bear", "die", "locate", "base", "live", "situate", "grow", "raise", "settle",
                 "bury", "reside", "headquarter", "town", "city", "village"}


def _inside_of(doc: Doc, mention: MentionSpan, cluster: Cluster) -> bool:
    """"in Nîmes": what something is in is no person ("in Obama's view" is possessive); and
    what one is born, based or buried in is a place, whatever the NER said ("based in
    Nashville")."""
    root = doc[mention.end - 1]
    if root.dep_ != "pobj" or root.head.lower_ != "in" or root.head.i != mention.start - 1:
        return False
    if any(c.dep_ == "case" for c in root.children):
        return False
    said_person = bool(cluster.ner_labels) and cluster.ner_labels.most_common(1)[0][0] == "PERSON"
    return said_person or root.head.head.lemma_.lower() in _SITING_WORDS
