"""Names the NER missed that the text around them shows to be names.

- A sentence says what they are ("Brigden is a community in ...", "Kiirunavaara is a
  mountain"), or they end in a type noun ("the Sawtooth Mountains", "Lambton County", "an
  MK Party MP").
- A person is "of" them: "Gary Chan of DAB", "Raymond Chan of People Power".
- Their shape is a name's: a web site's address ("Secunia.com", "podiobooks.com") or a
  word capitalised inside after a lower-case start ("wikiHow", "eHow"), which the tagger
  may take for anything.

Each becomes a name cluster, and its other occurrences in the article join it
(:func:`kg.extract.names.new_name`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.lexicon import COPULAS, MEMBER_NOUNS, PLACE_TYPES, ROLE_NOUNS
from kg.extract.mentions import (
    NOUN_TYPES,
    ArticleEntities,
    compound_start,
    is_free,
    naming_noun,
    role_noun,
)
from kg.extract.name_spans import proper_phrase_end
from kg.extract.names import heading_test, is_date, new_name
from kg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["described_names", "affiliation_names", "shaped_names"]

#: A web site's address as a name: "Secunia.com", "Change.org" (no scheme, no path).
_SITE = re.compile(r"[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*\.(com|org|net|info|co\.uk|io|tv)")
#: A word capitalised inside after a short lower-case start: "wikiHow", "eHow", "eBay".
_INNER_CAPITAL = re.compile(r"[a-z]{1,5}[A-Z][a-z]+[A-Za-z]*")


def described_names(result: ArticleEntities) -> None:
    """Names the NER missed that a sentence says what they are ("Brigden is a community in
    ...", "Kiirunavaara is a mountain") or that end in a type noun ("the Sawtooth
    Mountains", "Lambton County"). Their later occurrences join them."""
    doc = result.doc
    common = heading_test(doc, Gazetteer.bundled())
    for token in doc:
        label = NOUN_TYPES.get(token.lemma_.lower())
        if token.dep_ != "attr" or label is None or token.head.lemma_.lower() not in COPULAS:
            continue
        for subject in token.head.children:
            if subject.dep_ == "nsubj" and subject.pos_ == "PROPN" and subject.is_title:
                new_name(result, compound_start(subject), subject.i + 1, label)
    for token in doc:
        start = compound_start(token)
        if token.dep_ == "compound" and token.pos_ == "PROPN" and _before_a_role(token):
            start = _name_start_before_role(token)  # "an MK Party MP": "MK Party"
        elif token.dep_ == "compound":
            continue
        if start == token.i:
            continue
        noun = naming_noun(token.lower_)
        if noun is None:
            continue
        label = NOUN_TYPES[noun]
        if token.pos_ == "PROPN" and token.is_title:  # "the Sawtooth Mountains", "the
            end = proper_phrase_end(doc, token.i + 1)  # Museum of Art", not a heading's
            if not common(doc[start:end]):  # "the Russian Marathon" (of "the Russian marathon")
                new_name(result, start, end, label)
        elif token.is_lower and label in ("GPE", "LOC"):  # "Møre og Romsdal county": the
            if doc[start].is_lower and start > 0 and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].is_title:  # name without its noun; not "Iraq war"
                start -= 1  # "Møre" parsed apart from "og Romsdal"
            if not doc[start].is_lower:
                new_name(result, start, token.i, label)


_NAME_JOINERS = ("and", "&", "of", "-")


def affiliation_names(result: ArticleEntities, gazetteer: Gazetteer) -> int:
    """Names the NER missed that a person is "of": "Gary Chan of DAB", "Raymond Chan of
    People Power", "Gary Fan of the Neo Democrats". A person's full name followed by "of" and
    a run of capitalised proper nouns that no entity holds (an acronym, or two words or more)
    names the party, company or club the person belongs to, unless the alias table knows the
    run as a place. Not one capitalised word, which is as often a seat ("Alexander Gordon of
    Auchintoul"), nor after a lone first name ("Joan of Arc"). How many were added.

    >>> from kg.extract.coref import resolve_mentions
    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("Other candidates elected were Gary Chan of DAB and Eunice Yung.")
    >>> result = resolve_mentions(doc, Gazetteer.bundled())
    >>> result.cluster_named("DAB").type
    'ORG'
    """
    doc, added = result.doc, 0
    for token in doc:
        before = result.token_cluster.get(token.i - 1)
        if token.lower_ != "of" or before is None or result.clusters[before].type != "PERSON" \
                or token.i < 2 or result.token_cluster.get(token.i - 2) != before:
            continue  # a full name: not "Joan" of Arc
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        start = pobj.left_edge.i + (doc[pobj.left_edge.i].lower_ == "the")
        end = start  # up to a word of no name: "NWSC" of "NWSC and James To"
        while end <= pobj.right_edge.i and (doc[end].text in _NAME_JOINERS or (
                doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and
                (doc[end].is_title or doc[end].is_upper))):
            end += 1
        while end > start and doc[end - 1].text in _NAME_JOINERS:
            end -= 1
        words = doc[start:end]
        if not words or words[0].text in _NAME_JOINERS or \
                (len(words) == 1 and not words[0].is_upper):
            continue  # one capitalised word may be a seat: "Alexander Gordon of Auchintoul"
        if not is_free(result, start, end) or is_date(words):
            continue
        known = gazetteer.lookup(doc[start:end].text)
        if known is not None and known.type in PLACE_TYPES:
            continue
        before_count = len(result.clusters)
        new_name(result, start, end, "ORG")
        added += len(result.clusters) > before_count
    return added


def _before_a_role(token: Token) -> bool:
    """Whether ``token`` modifies the role noun right after it ("Party" of "MK Party MP")."""
    return token.head.i == token.i + 1 and role_noun(token.head) in ROLE_NOUNS | MEMBER_NOUNS


def _name_start_before_role(token: Token) -> int:
    """Where the capitalised proper nouns before ``token`` that modify it or the role noun
    after it start ("MK" of "MK Party MP", both compounds of "MP")."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i in (token.i, token.head.i) and \
            (doc[start - 1].is_title or doc[start - 1].is_upper):
        start -= 1
    return start


def shaped_names(result: ArticleEntities) -> int:
    """Names the NER missed that are shaped as names: a web site's address ("Secunia.com",
    "podiobooks.com") or a word capitalised inside after a short lower-case start
    ("wikiHow", "eHow"; the tagger took "wikiHow" for a conjunction). Each is an
    organisation (a site and the business behind it), unless the text later says what it is,
    and never a person, whatever the NER guessed. How many were added.

    >>> from kg.extract.coref import resolve_mentions
    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("Jack Herrick, wikiHow founder, once ran a site called eHow.")
    >>> result = resolve_mentions(doc, Gazetteer.bundled())
    >>> result.cluster_named("wikiHow").type, result.cluster_named("eHow").type
    ('ORG', 'ORG')
    """
    added = 0
    for token in result.doc:
        if not (_SITE.fullmatch(token.text) or _INNER_CAPITAL.fullmatch(token.text)):
            continue
        if token.i not in result.token_cluster:
            before = len(result.clusters)
            new_name(result, token.i, token.i + 1, "ORG")
            added += len(result.clusters) > before
        cluster = result.cluster_of(token)
        if cluster is not None and cluster.ner_labels.get("PERSON") and cluster.known is None:
            del cluster.ner_labels["PERSON"]  # no one's name is shaped so: "eHow" is a site
            cluster.ner_labels["ORG"] += 1
    return added
