"""What a clause says about its own truth: negation, hedging, attribution and time.

Each function takes the token that anchors a relation (its verb, or its relational noun)
and reads the dependency parse around it.

Examples
--------
>>> parse_time("since late 2022")
'2022'
>>> parse_time("on October 5, 2024"), parse_time("in March 2021")
('2024-10-05', '2021-03')
>>> parse_time("last year", published="2024-10-20"), parse_time("last year")
('2023', None)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.lexicon import (
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_GOVERNORS,
    HEDGE_MODALS,
    REPORTING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_negated", "is_hedged", "attribution_token", "time_phrase", "parse_time",
           "ancestors_in_clause", "reporter_of"]

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()}
_YEAR = r"(1[5-9]\d\d|20\d\d)"


def ancestors_in_clause(anchor: Token) -> list[Token]:
    """The anchor and the tokens above it, up to the sentence root."""
    chain = [anchor]
    token = anchor
    while token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def _own_clause(anchor: Token) -> list[Token]:
    """The anchor and the tokens above it, up to the head of a relative clause it is in: what
    a relative clause says is said as a fact whatever the main clause's mood ("Musk may buy
    the company that launched Starlink": the company did launch it)."""
    chain = [anchor]
    token = anchor
    while token.head.i != token.i and token.dep_ not in ("relcl", "acl"):
        token = token.head
        chain.append(token)
    return chain


#: Words whose infinitive did not happen: "failed to obtain", "unable to obtain", "refused
#: to meet", "declined to comment".
NOT_DONE_GOVERNORS = {"fail", "unable", "refuse", "decline"}


def is_negated(anchor: Token) -> bool:
    """True when the anchor is negated: "not", "n't", "never", or "no" on its object, or it
    is what someone failed, was unable, refused or declined to do."""
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in NOT_DONE_GOVERNORS:
        return True
    for child in anchor.children:
        if child.dep_ == "neg" or child.lower_ in ("not", "n't", "never"):
            return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
    return False


def is_hedged(anchor: Token) -> bool:
    """True when the statement is uncertain: modals, hedge adverbs, questions, conditions,
    desires and speculation governing it ("maybe he wants to expand ...")."""
    sentence = anchor.sent
    if sentence.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return True
    for position, token in enumerate(_own_clause(anchor)):
        if position > 0 and token.lemma_.lower() in HEDGE_GOVERNORS:
            return True
        if position > 0 and token.lower_ in HEDGE_ADJECTIVES:
            return True
        for child in token.children:
            lower = child.lower_
            if child.dep_ == "aux" and lower in HEDGE_MODALS:
                return True
            if child.dep_ in ("advmod", "cc", "intj") and lower in HEDGE_ADVERBS:
                return True
            if child.dep_ == "mark" and lower in ("if", "whether", "unless"):
                return True
            if child.dep_ == "acomp" and lower in HEDGE_ADJECTIVES:
                return True
    return False


def attribution_token(anchor: Token) -> Token | None:
    """The head token of who the statement is attributed to, if the sentence says so.

    "..., according to The Wall Street Journal" -> "Journal"; "..., The Journal reports."
    -> "Journal"; "Bob Woodward reported that ..." -> "Woodward".
    """
    chain = ancestors_in_clause(anchor)
    for token in chain:
        for child in token.children:
            if child.lower_ == "according":
                for prep in child.children:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    for below, token in zip(chain, chain[1:], strict=False):
        if token.lemma_.lower() in REPORTING_VERBS and below.dep_ in ("ccomp", "parataxis"):
            subject = reporter_of(token)
            if subject is not None:
                return subject
    surface = _trailing_reporter(anchor)
    if surface is not None:
        return surface
    root = chain[-1]
    for child in root.children:
        if child.dep_ in ("parataxis", "ccomp", "advcl") and child.i > anchor.i and \
                child.lemma_.lower() in REPORTING_VERBS and child.i != anchor.i:
            subject = reporter_of(child)
            if subject is not None and not any(c.dep_ in ("ccomp",) for c in child.children):
                return subject
    return None


def _trailing_reporter(anchor: Token) -> Token | None:
    """", The Journal reports." / ", Reuters said." at the end of the sentence, however parsed."""
    words = [t for t in anchor.sent if not t.is_space]
    while words and words[-1].is_punct:
        words = words[:-1]
    if len(words) < 3 or words[-1].lower_ not in _REPORTING_FORMS:
        return None
    name = []
    for token in reversed(words[:-1]):
        if token.text == ",":
            break
        name.append(token)
    if not name or len(name) > 6 or not any(t.pos_ == "PROPN" for t in name):
        return None
    if anchor.i > name[-1].i:  # the anchor is inside the reporting clause itself
        return None
    return name[0]


_REPORTING_FORMS = {"says", "said", "reports", "reported", "writes", "wrote", "claims",
                    "claimed", "tells", "told", "notes", "noted", "adds", "added"}


def reporter_of(verb: Token) -> Token | None:
    """Who a reporting verb's subject is (the one who says); after the verb too, where the parser took it for
    an object ('"...," said Elon Musk')."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    for child in verb.children:
        if child.dep_ in ("dobj", "attr") and child.i > verb.i and child.pos_ in ("PROPN", "NOUN") and \
                verb.i > 0 and verb.doc[verb.i - 1].is_punct:
            return child
    return None


def time_phrase(anchor: Token) -> tuple[str, int, int] | None:
    """The time expression attached to the anchor's clause: (text, start_char, end_char)."""
    for token in ancestors_in_clause(anchor)[:2]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("since", "in", "on", "during", "until",
                                                        "after", "before", "by", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("DATE", "TIME"):
                        words = child.doc[child.i:pobj.right_edge.i + 1]  # not doc.text: O(article)
                        return words.text, words.start_char, words.end_char
            if child.dep_ in ("npadvmod", "tmod") and child.ent_type_ == "DATE":
                words = child.doc[child.left_edge.i:child.right_edge.i + 1]
                return words.text, words.start_char, words.end_char
    return None


def parse_time(text: str, published: str | None = None) -> str | None:
    """An ISO 8601 value (year, year-month or date) for a time expression, or None."""
    lower = text.lower()
    month_names = "|".join(sorted(_MONTHS, key=len, reverse=True) + list(_MONTH_ABBR))
    full = re.search(rf"\b({month_names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", lower)
    if full:
        month = _MONTHS.get(full.group(1)) or _MONTH_ABBR[full.group(1)[:3]]
        return f"{full.group(3)}-{month:02d}-{int(full.group(2)):02d}"
    month_year = re.search(rf"\b({month_names})\.?\s+(?:of\s+)?{_YEAR}\b", lower)
    if month_year:
        month = _MONTHS.get(month_year.group(1)) or _MONTH_ABBR[month_year.group(1)[:3]]
        return f"{month_year.group(2)}-{month:02d}"
    iso = re.search(rf"\b{_YEAR}-(\d\d)-(\d\d)\b", lower)
    if iso:
        return iso.group(0)
    year = re.search(rf"\b{_YEAR}\b", lower)
    if year:
        return year.group(1)
    if published and re.match(r"\d{4}", published):
        this_year = int(published[:4])
        if re.search(r"\blast year\b", lower):
            return str(this_year - 1)
        if re.search(r"\bthis year\b", lower):
            return str(this_year)
        if re.search(r"\bnext year\b", lower):
            return str(this_year + 1)
    return None
