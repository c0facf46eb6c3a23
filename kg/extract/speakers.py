"""Who "I" is in a quotation: the person the article says spoke it.

'"I have no doubt that the ban will be lifted," said Levitt.' A reader takes "I" for Levitt
because the sentence attributes the quotation to her; kg does the same. For each quotation
(the words between opening and closing quotation marks within a paragraph) the speaker is
the person a reporting verb right after or before it names ('"...," said Levitt', '"...,"
Levitt told reporters', 'Levitt said: "..."', '"...," she said'), else the one the parse
attributes its first or last words to (:func:`kg.extract.qualifiers.attribution_token`), so a
quotation of several sentences ending in '..., she said.' is hers throughout. Every
first-person singular pronoun inside (I, me, my, mine, myself) then becomes a ``pronoun``
mention of that person, and a relation read inside the quotation is attributed to them. A
quotation with no such speaker, or whose speaker is no person, is left alone; so is "we" (a
speaker's "we" is a group whose members the text seldom says).

>>> from kg.extract.coref import resolve_mentions
>>> from kg.gazetteer import Gazetteer
>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()('"I met Putin twice," said Elon Musk.')
>>> result = resolve_mentions(doc, Gazetteer.bundled())
>>> result.cluster_of(doc[1]).label
'Elon Musk'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import REPORTING_VERBS
from kg.extract.qualifiers import attribution_token, reporter_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["quotations", "quoted_speakers", "FIRST_PERSON"]

#: The first-person singular pronouns a quotation's speaker is referred to by.
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
_SINGLE_QUOTES = ("'", "’", "‘")
_NEAR = 5  # words between a quotation mark and its reporting verb


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` between opening and closing double quotation marks,
    within a paragraph (an unclosed quotation ends with its paragraph)."""
    found: list[tuple[int, int]] = []
    start = None
    for token in doc:
        if token.is_quote and token.text not in _SINGLE_QUOTES:
            if start is None:
                start = token.i + 1
            else:
                found.append((start, token.i))
                start = None
        elif start is not None and "\n\n" in token.text_with_ws:
            found.append((start, token.i + 1))
            start = None
    if start is not None:
        found.append((start, len(doc)))
    return [(s, e) for s, e in found if e > s]


def _speaker(result, start: int, end: int):
    """The person cluster a quotation ``start..end`` is attributed to, or None: the one a
    reporting verb right after or right before it names ('"...," Smith told reporters',
    'Smith said: "..."'), else whoever the parse attributes its words to."""
    doc = result.doc
    sources = [reporter_of(verb) for verb in _reporting_verbs_beside(doc, start, end)]
    words = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
    sources += [attribution_token(anchor) for anchor in (words[-1:] + words[:1])]
    for source in sources:
        if source is None or start <= source.i < end:
            continue
        cluster = result.cluster_of(source)
        if cluster is not None and cluster.type == "PERSON":
            return cluster
    return None


def _reporting_verbs_beside(doc: Doc, start: int, end: int) -> list[Token]:
    """Reporting verbs within a few words after the closing quotation mark (in its
    sentence), then before the opening one."""
    after = [t for t in doc[end + 1:min(len(doc), end + 1 + _NEAR)]
             if t.sent.start == doc[min(end, len(doc) - 1)].sent.start]
    before = list(reversed(doc[max(0, start - 1 - _NEAR):max(0, start - 1)]))
    return [t for t in after + before if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS]


def quoted_speakers(result) -> int:
    """Give the first-person singular pronouns of each attributed quotation of ``result``
    (an ArticleEntities) to its speaker, and record who speaks each quoted token
    (``result.quoted``: what a relation read there is attributed to); how many pronouns
    were given."""
    doc = result.doc
    given = 0
    for start, end in quotations(doc):
        speaker = _speaker(result, start, end)
        if speaker is None:
            continue
        result.quoted.update(dict.fromkeys(range(start, end), speaker.id))
        for token in [t for t in doc[start:end] if _first_person(t) and t.i not in result.token_cluster]:
            result.add_mention(speaker, token.i, token.i + 1, "pronoun")
            given += 1
    return given


def _first_person(token: Token) -> bool:
    return token.lower_ in FIRST_PERSON and token.tag_ in ("PRP", "PRP$")
