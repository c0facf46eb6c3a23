"""A person's surname on its own, where the NER missed it: "Bos obtained his doctorate".

News names a person in full once ("Nick Bos, of the University of Helsinki") and by surname
after. The NER finds most of these repetitions, not all: a surname that opens a paragraph,
or one in a sentence the NER reads badly, is left out, and with it every relation and
pronoun that goes through it. Here every capitalised proper noun that is the last word of
exactly one person's full name in the article, stands alone (no other capitalised word
beside it: not "Bos Street") and belongs to no other mention becomes a mention of that
person. A title or a type noun ("Professor", "Street") is no surname. A surname two people
of the article share is the first-named person's when that is one of them, as for the names
the NER found (:func:`kg.extract.name_joining.matching_cluster`: in Jared Padalecki's
biography "Padalecki" is Jared, not "Sherri Padalecki", his mother), else left alone; a word
that is also a given or middle name there ("Rulan Chao Pian"), or the name of a place or
organisation of the article, is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from kg.extract.mentions import ArticleEntities, Cluster, is_free, naming_noun, role_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["repeated_surnames"]


def _surnames(result: ArticleEntities) -> dict[str, set[int]]:
    """Surname -> the person clusters whose full name (two words or more) ends in it, and -1
    where the word is also another word of a person's name, or some other entity's name."""
    owners: dict[str, set[int]] = defaultdict(set)
    doc = result.doc
    for cluster in result.clusters.values():
        if cluster.type == "PERSON":
            for mention in cluster.mentions:
                words = [t for t in doc[mention.start:mention.end] if t.is_alpha]
                if mention.kind == "name" and len(words) >= 2:
                    for word in words:  # any word: "Chao" of "Rulan Chao Pian" too
                        owners[word.text].add(cluster.id if word.i == words[-1].i else -1)
        else:  # a surname some other entity is named by
            for mention in cluster.mentions:
                span = doc[mention.start:mention.end]
                if mention.kind == "name" and len(span) == 1:
                    owners[span.text].add(-1)
    return owners


def _stands_alone(token: Token) -> bool:
    doc = token.doc
    beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return token.pos_ == "PROPN" and token.is_title and \
        not any(t.is_title and t.pos_ == "PROPN" for t in beside) and \
        role_noun(token) is None and naming_noun(token.lower_) is None  # "was Professor of"


def repeated_surnames(result: ArticleEntities) -> int:
    """Add the lone surnames of the article's people as name mentions; how many were added.

    >>> import spacy
    >>> from kg.extract.mentions import ArticleEntities
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Nick Bos studies ants . Bos obtained a doctorate .")
    >>> for token, pos in zip(doc, "PROPN PROPN VERB NOUN PUNCT PROPN VERB DET NOUN PUNCT".split()):
    ...     token.pos_ = pos
    >>> result = ArticleEntities(doc)
    >>> person = result.new_cluster()
    >>> person.ner_labels["PERSON"] += 1
    >>> result.add_mention(person, 0, 2, "name")
    >>> repeated_surnames(result), [m.span(doc).text for m in person.mentions]
    (1, ['Nick Bos', 'Bos'])
    """
    owners = _surnames(result)
    named = [c for c in result.clusters.values() if c.type == "PERSON" and c.mentions]
    first = min(named, key=lambda c: c.first_token()).id if named else None
    people: dict[str, Cluster] = {}
    for surname, clusters in owners.items():
        if -1 in clusters:
            continue
        if len(clusters) == 1:
            people[surname] = result.clusters[next(iter(clusters))]
        elif first in clusters:  # in Padalecki's biography "Padalecki" is Jared, not his mother
            people[surname] = result.clusters[first]
    added = 0
    for token in result.doc:
        cluster = people.get(token.text)
        if cluster is not None and is_free(result, token.i, token.i + 1) and _stands_alone(token):
            result.add_mention(cluster, token.i, token.i + 1, "name")
            added += 1
    return added
