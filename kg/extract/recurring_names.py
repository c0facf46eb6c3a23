"""Names the NER never tagged but the article keeps using: "Scientology", "Twitter", "Tulsa".

A reader meets a capitalised word again and again in the middle of sentences and takes it
for a name, whether or not it is in any list. kg does the same for a run of capitalised
proper nouns (as the parser reads them) that no mention holds, that the NER left untagged
everywhere, and that the article uses at least ``MIN_USES`` times, at least ``MIN_INSIDE``
of them inside a sentence (not first: "Okay", "Um"). Not a date, an honorific, a stop
word, a role ("Prime Minister"), a one-word type noun ("County", "Terminal"), a label before
a number ("Figure 3", "Listing 2"), part of something longer ("pro-Beijing", "Budweiser
Man of the Match"), a name the alias table knows (the NER's to find), or a
word of a name the article already has ("Padalecki" of "Jared
Padalecki": lone surnames are :mod:`kg.extract.surnames`'). Such a name is an organisation
until the text says otherwise ("in Tulsa", "Tulsa is a city": :mod:`kg.extract.entity_types`).

>>> from kg.gazetteer import Gazetteer
>>> from kg.nlp import load_pipeline
>>> from kg.extract.mentions import ArticleEntities
>>> doc = load_pipeline()("Scientology denied it. Members left Scientology in May. "
...                       "A spokesman for Scientology said so.")
>>> result = ArticleEntities(doc)
>>> [cluster_label for cluster_label in recurring_names(result, Gazetteer.bundled())]
['Scientology']
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from kg.extract.lexicon import ROLE_NOUNS
from kg.extract.mentions import ArticleEntities, is_free, token_texts
from kg.extract.names import looks_like_name, new_name
from kg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["recurring_names", "MIN_USES", "MIN_INSIDE"]

MIN_USES = 3
MIN_INSIDE = 2
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "st", "mt"}


def recurring_names(result: ArticleEntities, gazetteer: Gazetteer) -> list[str]:
    """Make a cluster of each recurring untagged name (see the module); return their texts."""
    doc = result.doc
    runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for start, end in _untagged_runs(doc):
        if is_free(result, start, end) and not _in_compound(doc, start, end):
            runs[tuple(token_texts(doc)[start:end])].append(start)
    owned = {word for cluster in result.clusters.values() for m in cluster.mentions
             if m.kind == "name" for word in token_texts(doc)[m.start:m.end]}
    found = []
    for words, starts in sorted(runs.items(), key=lambda item: item[1][0]):
        width = len(words)
        inside = [s for s in starts if not doc[s].is_sent_start]
        span = doc[starts[0]:starts[0] + width]
        if len(starts) < MIN_USES or len(inside) < MIN_INSIDE or sum(c.isalpha() for c in span.text) < 3:
            continue
        if any(w.lower().rstrip(".") in _HONORIFICS for w in words) or set(words) & owned or \
                span[0].is_stop or span.text.lower() in ROLE_NOUNS or gazetteer.lookup(span.text):
            continue  # "All", "Prime Minister"; a name the alias table knows is its type's
        if not looks_like_name(span, gazetteer) or any(_before_number(doc, s + width) for s in starts):
            continue
        new_name(result, starts[0], starts[0] + width, "ORG")
        found.append(span.text)
    return found


def _untagged_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper nouns that the NER left untagged."""
    runs, start = [], None
    for token in doc:
        if token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_:
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append((start, token.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _before_number(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].like_num


def _in_compound(doc: Doc, start: int, end: int) -> bool:
    """Part of something longer: a hyphenated word ("pro-Beijing"), or a name that goes on
    past "of" ("Budweiser Man of the Match", "Church of Scientology")."""
    hyphen_before = start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
    hyphen_after = end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    of_name = end + 1 < len(doc) and doc[end].lower_ == "of" and \
        any(t.text[:1].isupper() for t in doc[end + 1:end + 3])
    return hyphen_before or hyphen_after or of_name
