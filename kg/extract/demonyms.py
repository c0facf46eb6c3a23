"""Demonyms used as modifiers ("an American actor", "a Turkish manufacturer", "he is
Swedish") become ``demonym`` mentions of their place: the last step of coreference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.mentions import NOUN_TYPES, ArticleEntities, place_cluster, role_noun, stance
from kg.extract.names import is_demonym_modifier
from kg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["demonyms"]


_DEMONYM_DEPS = ("amod", "compound", "nmod", "acomp", "npadvmod")


def _starts_a_name(span: Span) -> bool:
    """"the French Resistance", "a British Army officer", "the Asian Games": a demonym
    modifying a capitalised name the NER missed is a word of that name, not a demonym.
    A role or a person after it keeps it one ("Russian President Vladimir Putin", "the
    Mughal Emperor").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["the", "French", "Resistance", "and", "Russian", "President", "Putin"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 6, 6, 2],
    ...           deps=["det", "amod", "ROOT", "cc", "amod", "compound", "conj"],
    ...           pos=["DET", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN"])
    >>> _starts_a_name(doc[1:2]), _starts_a_name(doc[4:5])
    (True, False)
    """
    doc = span.doc
    head = span[-1].head
    if head.i <= span.end - 1 or head.pos_ != "PROPN" or not head.is_title:
        return False
    following = doc[span.end:head.i + 1]
    return all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and not t.ent_type_ and
               not role_noun(t) and NOUN_TYPES.get(t.lower_) != "PERSON" for t in following)


def _describing(result: ArticleEntities, span: Span) -> bool:
    """True when no name, pronoun or demonym covers the span (a description may)."""
    kinds = {result.token_kind.get(t.i) for t in span}
    return kinds <= {None, "appos", "role", "title"}


def demonyms(result: ArticleEntities, gazetteer: Gazetteer) -> None:
    """Demonyms used as modifiers ("an American actor", "a Turkish manufacturer", "he is
    Swedish") become mentions of their place, so the graph knows the text ties the two.
    Nouns ("the Russians"), languages ("in English") and words inside a name ("American
    Airlines") are left alone."""
    doc = result.doc
    i = 0
    while i < len(doc):
        if not (doc[i].is_title or doc[i].is_upper):  # every demonym starts with a capital
            i += 1
            continue
        for width in (2, 1):
            span = doc[i:i + width]
            if len(span) < width:
                continue
            last = span[-1]
            if not all(t.is_title or t.is_upper for t in span) or last.dep_ not in _DEMONYM_DEPS or \
                    not _describing(result, span):
                continue
            if last.ent_type_ and last.ent_type_ not in ("NORP", "GPE", "LOC") and \
                    not is_demonym_modifier(span, last.ent_type_, gazetteer):
                continue
            if _starts_a_name(span) or stance(doc, span.start):  # "a pro-Russian activist"
                continue
            place = gazetteer.demonym(span.text)
            if place is not None:
                place_cluster(result, gazetteer, place, span.start, span.end)
                i += width - 1
                break
        i += 1
