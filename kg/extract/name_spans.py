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
[('Zaha Hadid DBE', 'Zaha Hadid')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import COMPASS_POINTS, ORGANISATION_DESIGNATORS, PLACE_TYPES, ROLE_NOUNS
from kg.extract.mentions import NOUN_TYPES, role_noun, stance
from kg.extract.pronouns import first_name_gender

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

    from kg.gazetteer import Gazetteer

__all__ = ["name_span", "proper_phrase_end", "heading_capitals", "is_stance",
           "occupation_before_person", "campus_end", "organisation_named_after", "joined_names",
           "compass_and_place", "is_title", "is_part_of_title"]


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
    elif ent.label_ in ("ORG", "FAC", "EVENT"):
        end = proper_phrase_end(doc, end)
    if end - start > 1 and doc[start].text == "the":  # "the Defense Department"
        start += 1
    return doc[start:end] if end > start else None


def proper_phrase_end(doc: Doc, end: int) -> int:
    """Where the name ending at ``end`` ends when the NER stopped inside the proper-noun phrase
    the parser reads: at "of" after its type noun ("Metropolitan Museum" of Art), right after
    "of" ("the Battle of" Chudnov, whatever the NER made of the rest), inside a list after
    "of" ("the Moscow School of Painting", Sculpture and Architecture), or before a
    company's or club's designator ("Altınordu" S.K.). What it runs on is capitalised and no
    other entity; ``end`` itself where nothing is left out.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("She visited New York's Metropolitan Museum of Art.")
    >>> doc[5:proper_phrase_end(doc, 7)].text
    'Metropolitan Museum of Art'
    """
    if end < len(doc) and doc[end].text in ORGANISATION_DESIGNATORS and \
            doc[end - 1].head.i == end and not doc[end].ent_type_:
        return end + 1
    last = doc[end - 1]
    if last.lower_ == "of" and end < len(doc):
        # a name never ends in "of": "the Battle of" + "Chudnov", which the NER took for a place
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.left_edge.i == end and all(
                t.is_title or t.is_upper or t.text in (",", "and", "&", "-")
                for t in doc[end:pobj.right_edge.i + 1]):
            return pobj.right_edge.i + 1
        return end
    if end < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == last.i and \
            NOUN_TYPES.get(last.lower_) in ("ORG", "FAC", "EVENT"):
        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    elif last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.i >= end - 3:
        pobj = last
    else:
        return end
    if pobj is None or pobj.right_edge.i < end or not doc[pobj.right_edge.i].is_title:
        return end
    if all(not t.ent_type_ and ((t.pos_ == "PROPN" and t.is_title) or t.text in (",", "and", "&"))
           for t in doc[max(end, pobj.left_edge.i):pobj.right_edge.i + 1]):
        return pobj.right_edge.i + 1
    return end


def heading_capitals(span: Span, lowercase: set[str], is_known: Callable[[str], bool]) -> bool:
    """Whether ``span`` is capitalised only as every word of a title-case heading is
    ("Musk's Participation in the Russian Marathon", "The Unlikelihood of Putin's
    Impeachment") while the article writes its words in lower case elsewhere ("the Russian
    marathon", "Putin's impeachment"): common words, no name. ``lowercase`` holds the
    article's lower-case words; ``is_known(text)`` says whether a name table knows a text
    (a people's name, or the whole name, counts as known, and is left alone).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
    <...>
    >>> doc = nlp("The Unlikelihood of Putin's Impeachment")
    >>> heading_capitals(doc[5:6], {"impeachment"}, lambda text: False)
    True
    >>> heading_capitals(doc[3:4], {"impeachment"}, lambda text: False)
    False
    """
    if is_known(span.text) or not _is_title_case_heading(span.sent):
        return False
    words = [t for t in span if t.is_alpha and not is_known(t.text)]
    return bool(words) and all(t.lower_ in lowercase for t in words)


# words a title-case heading may leave in lower case
_HEADING_SMALL_WORDS = {"with", "from", "into", "about", "over", "after", "than", "that", "this",
                        "upon", "onto", "amid"}


def _is_title_case_heading(sentence: Span) -> bool:
    """A line with no final full stop whose longer words all begin with a capital."""
    tokens = [t for t in sentence if not t.is_space]
    if not tokens or tokens[-1].text in (".", "!", ":", ";"):
        return False
    long_words = [t for t in tokens
                  if t.is_alpha and len(t) >= 4 and t.lower_ not in _HEADING_SMALL_WORDS]
    return len(long_words) >= 2 and all(t.text[0].isupper() for t in long_words)


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
    if all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) and not t.ent_type_ for t in between):
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


def compass_and_place(ent: Span, following: Span | None) -> Span | None:
    """A point of the compass the NER cut from the place it names: "the East" + "Los
    Angeles" is East Los Angeles (a capitalised "East" right before a place's name)."""
    words = [t for t in ent if t.lower_ != "the"]
    if following is None or len(words) != 1 or words[0].lower_ not in COMPASS_POINTS or \
            not words[0].is_title or following.start != ent.end or \
            following.label_ not in PLACE_TYPES or words[0].is_sent_start:
        return None
    return ent.doc[words[0].i:following.end]


_TITLE_MODIFIERS = {"holy", "chief", "petty", "top", "grand", "high", "deputy", "vice", "senior",
                    "junior", "supreme", "prime", "foreign", "first", "lord", "roman", "royal",
                    "imperial"}


#: Words that name an office's field or standing inside a title ("Home Secretary", "Shadow
#: Home Secretary", "Defence Minister", "Professor Emeritus"): not organisations of their own.
#: Not "Treasury" or "Labour": those name a department and a party as well.
PORTFOLIO_WORDS = {
    "home", "foreign", "interior", "finance", "defence", "defense", "justice", "health",
    "education", "energy", "environment", "culture", "transport", "trade", "agriculture",
    "economy", "communications", "housing", "immigration", "security", "affairs", "internal",
    "development", "industry", "tourism", "science", "technology", "information", "employment",
    "shadow", "emeritus", "acting", "interim",
}


# ranks and honours that stand alone as a title ("made a Dame", "promoted to Major")
_RANKS = {"dame", "sir", "major", "colonel", "lieutenant", "sergeant", "corporal", "brigadier",
          "commodore", "marshal"}


def is_title(span: Span, gazetteer: Gazetteer) -> bool:
    """A title, not a name: "Holy Roman Emperor", "Petty Officer", "Top Scorer" (a
    person's noun after modifiers and demonyms only), a rank alone ("promoted to Major"),
    unless a person of the article is so called ("John Major").

    >>> import spacy
    >>> doc = spacy.blank("en")("Holy Roman Emperor Isaac Bashevis Singer")
    >>> from kg.gazetteer import Gazetteer
    >>> is_title(doc[0:3], Gazetteer.bundled()), is_title(doc[3:6], Gazetteer.bundled())
    (True, False)
    """
    words = [t.lower_ for t in span]
    if len(words) == 1 and words[0] in _RANKS:
        return not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == words[0]
                       for e in span.doc.ents)
    if NOUN_TYPES.get(words[-1]) != "PERSON" and words[-1] not in ROLE_NOUNS:
        return False
    return all(w in _TITLE_MODIFIERS or w in ROLE_NOUNS or gazetteer.demonym(w) for w in words[:-1])


def is_part_of_title(span: Span) -> bool:
    """Words the NER took for a name that are part of a title beside them: an office's field
    or standing ("Home", "Shadow Home", "Defence", "Emeritus") right before or after a
    capitalised role noun ("Home Secretary Suella Braverman", "Professor Emeritus John
    Burrows").

    >>> import spacy
    >>> doc = spacy.blank("en")("Shadow Home Secretary Yvette Cooper met Home Depot staff")
    >>> is_part_of_title(doc[0:2]), is_part_of_title(doc[6:8])
    (True, False)
    """
    if not all(t.lower_ in PORTFOLIO_WORDS | _TITLE_MODIFIERS for t in span):
        return False
    doc = span.doc
    beside = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.is_title and t.lower_ in ROLE_NOUNS for t in beside)
