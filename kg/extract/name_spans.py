"""What span of text names an entity the NER found, corrected where the small NER errs.

The NER's span is trimmed of what is no part of a name (a title, a possessive, a day, a
conjunction it ran into, honours after the name, a caption's credit word) and extended where
it stopped short (a hyphenated name, a university's campus after "at"); an occupation before a
first name and a surname is a person ("Biologist Nick Bos"), and a place or people's name
that begins an organisation's is the organisation ("the United States Senate"). Used by
:mod:`kg.extract.names`.

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Zaha Hadid DBE RA designed the stadium.")
>>> [(e.text, name_span(e).text) for e in doc.ents]
[('Zaha Hadid DBE RA', 'Zaha Hadid')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.mentions import NOUN_TYPES, role_noun, stance
from kg.extract.pronouns import first_name_gender

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["name_span", "is_stance", "occupation_before_person", "campus_end",
           "organisation_named_after", "joined_names"]


_MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
         "yesterday", "tomorrow"}  # not months: Theresa May


#: Honours and degrees written after a name ("Zaha Hadid DBE RA", "Daniel Bernoulli FRS").
_POST_NOMINALS = {"DBE", "CBE", "OBE", "MBE", "KBE", "GBE", "KCMG", "RA", "FRS", "FRSE", "FBA",
                  "FREng", "QC", "KC", "PhD", "MD"}

#: What a caption's credit line calls the picture before a colon ("X Image: Reuters").
_CAPTION_WORDS = {"image", "photo", "picture", "photograph", "video", "file"}


def name_span(ent: Span) -> Span | None:
    """The entity span without leading titles ("President") or trailing possessives,
    conjunctions and commas ("American Airlines and": the NER ran into the next name)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_space or doc[end - 1].text == "-" or
                           doc[end - 1].pos_ == "CCONJ" or doc[end - 1].text in (",", ";") or
                           (end - start > 1 and doc[end - 1].lower_ in _DAYS)):
        end -= 1  # "Wikinews Saturday": the NER took the day into the name
    while end - start > 1 and doc[end - 1].text.rstrip(".") in _POST_NOMINALS:
        end -= 1  # "Daniel Bernoulli FRS", "Zaha Hadid DBE RA": honours after a name
    if all(t.text.rstrip(".") in _POST_NOMINALS for t in doc[start:end]):
        return None  # the honours alone, cut from their name
    if end - start > 1 and end < len(doc) and doc[end].text == ":" and \
            doc[end - 1].lower_ in _CAPTION_WORDS:
        end -= 1  # a caption's credit line: "Ahmed Mohamed Image: ..." names Ahmed Mohamed
    while start < end and doc[start].is_space:
        start += 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and doc[end + 1].is_alpha and not doc[end + 1].ent_type_ and \
            doc[end - 1].head.i == end + 1 and doc[end + 1].dep_ not in _MODIFIER_DEPS:
        end += 2  # "Wong Kwok-kin", "Lam Cheuk-ting": the NER stopped at the hyphen; not "Blair-style"
    if ent.label_ == "PERSON":
        while end - start > 1 and role_noun(doc[start]) and doc[start].is_title:
            start += 1
    if end - start > 1 and doc[start].text == "the":  # "the Defense Department"
        start += 1
    return doc[start:end] if end > start else None


def is_stance(span: Span) -> bool:
    """"pro-Beijing", "Anti-Trump": a stance, named for what it is for or against."""
    doc = span.doc
    return stance(doc, span.start) or (len(span) >= 3 and span[0].lower_ in ("pro", "anti")
                                       and span[1].text == "-")


def occupation_before_person(span: Span) -> bool:
    """"Biologist Nick Bos", which the NER took for an organisation: an occupation noun, then
    a first name and a surname.

    >>> import spacy
    >>> doc = spacy.blank("en")("Biologist Nick Bos tells Wikinews about ants")
    >>> occupation_before_person(doc[0:3]), occupation_before_person(doc[1:3])
    (True, False)
    """
    return len(span) >= 3 and NOUN_TYPES.get(span[0].lower_) == "PERSON" and \
        span[1].is_title and span[-1].is_title and first_name_gender(span[1].text) is not None


def campus_end(span: Span) -> int | None:
    """Where a university's name ends that goes on with "at" and its campus ("the University
    of North Carolina at Greensboro", which the NER ends before "at"), or None.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("She taught at the University of Texas at Austin for years.")
    >>> doc[4:campus_end(doc[4:7])].text
    'University of Texas at Austin'
    """
    doc = span.doc
    words = [t.lower_ for t in span[:2]]
    end = span.end
    if words != ["university", "of"] or end + 1 >= len(doc) or doc[end].lower_ != "at":
        return None
    campus = end + 1
    while campus < len(doc) and ((doc[campus].is_title and doc[campus].pos_ == "PROPN") or (
            doc[campus].text == "-" and not doc[campus].whitespace_ and campus + 1 < len(doc)
            and doc[campus + 1].is_title)):
        campus += 1
    return campus if campus > end + 1 else None


def organisation_named_after(span: Span, label: str) -> int | None:
    """Where the organisation a place or people's name begins ends: "the United States
    Senate", "the British Army", "the Malagasy National Assembly" (the NER tagged only the
    place or the people). None when the name is not the start of an organisation's.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("He was elected to the United States Senate in 1990.")
    >>> doc[5:organisation_named_after(doc[5:7], "GPE")].text
    'United States Senate'
    """
    if label not in ("GPE", "NORP", "LOC"):
        return None
    doc = span.doc
    head = span.root.head
    if span.root.dep_ not in ("compound", "amod", "nmod") or head.i < span.end or \
            NOUN_TYPES.get(head.lower_) != "ORG":
        return None
    between = doc[span.end:head.i + 1]
    if all(t.pos_ == "PROPN" and t.is_title and not t.ent_type_ for t in between):
        return head.i + 1
    return None


def joined_names(span: Span) -> list[Span]:
    """The two names an NER span ran together with "and", each with its own type noun ("the
    University of California and Columbia University"), or just the span: "Bosnia and
    Herzegovina", "Procter and Gamble" and "the Department of Health and Human Services" are
    one name.

    >>> import spacy
    >>> doc = spacy.blank("en")("University of California and Columbia University")
    >>> [s.text for s in joined_names(doc[:])]
    ['University of California', 'Columbia University']
    >>> [s.text for s in joined_names(spacy.blank("en")("Bosnia and Herzegovina")[:])]
    ['Bosnia and Herzegovina']
    """
    for token in span:
        if token.lower_ == "and" and span.start < token.i < span.end - 1:
            left, right = span.doc[span.start:token.i], span.doc[token.i + 1:span.end]
            if _has_type_noun(left) and _has_type_noun(right) and right[0].is_title:
                return [left, right]
    return [span]


def _has_type_noun(span: Span) -> bool:
    return any(t.is_title and NOUN_TYPES.get(t.lower_) in ("ORG", "FAC", "GPE", "LOC") for t in span)
