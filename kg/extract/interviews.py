"""Who "I" is in an interview's answers, and "you" in its questions: the person interviewed.

News sites publish interviews as questions and answers: a lead that says who was
interviewed ("Wikinews interviews Simon Ličen about ...", "Interview with LibriVox founder
Hugh McGuire", "Wikinews spoke with William Evans, president of ...", "Nick Bos tells
Wikinews about ..."), then paragraphs that end in a question mark, each followed by the
answer. A reader takes every "I", "me" and "my" of an answer, and every "you" and "your" of
a question, for the person interviewed; kg does the same, and a relation read in an answer
is attributed to them (they said it).

An article is read this way only when both hold: its text before the first question names
exactly one person as interviewed (the object of "interview", "interview with", "speak
with", "talk to", "sit down with", "catch up with"; the subject of "tell" a proper noun such
as "Wikinews", or of "speak to" an organisation; several people, or none, and nothing is
given), and some paragraph after that lead is a question. Quotations keep their own speaker
(:mod:`kg.extract.speakers`), and the lead's own "I" (the reporter's) is left alone.

>>> from kg.extract.coref import resolve_mentions
>>> from kg.gazetteer import Gazetteer
>>> from kg.nlp import load_pipeline
>>> text = ("Wikinews interviews Hugh McGuire about LibriVox.\\n\\n"
...         "Why did you start LibriVox?\\n\\nI launched LibriVox because I love books.")
>>> doc = load_pipeline()(text)
>>> result = resolve_mentions(doc, Gazetteer.bundled())
>>> [(t.text, result.cluster_of(t).label) for t in doc if t.lower_ in ("i", "you")]
[('you', 'Hugh McGuire'), ('I', 'Hugh McGuire'), ('I', 'Hugh McGuire')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.clauses import asks, expand, prepositional_objects
from kg.extract.speakers import FIRST_PERSON, quotations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["paragraphs", "interviewee", "interview_speakers", "SECOND_PERSON"]

#: The pronouns a question addresses the person interviewed by.
SECOND_PERSON = {"you", "your", "yours", "yourself"}
#: The most tokens a question paragraph holds (GUM's train interviews: at most 86).
QUESTION_WORDS = 100
# verbs and the preposition that introduces the person met: "spoke with X", "talked to X"
_MEETING_VERBS = {"speak": ("with", "to"), "talk": ("with", "to"), "sit": ("with",),
                  "catch": ("with",), "chat": ("with",)}


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of the paragraphs (blank-line separated) of ``doc``."""
    found, start = [], 0
    for token in doc:
        if "\n\n" in token.text_with_ws:
            found.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        found.append((start, len(doc)))
    return [(s, e) for s, e in found if any(not t.is_space for t in doc[s:e])]


def _is_question(doc: Doc, start: int, end: int) -> bool:
    """A paragraph that ends in a question mark and is short: a long one that does is an
    answer ending in a question of its own ("... with no pretense of defense?")."""
    words = [t for t in doc[start:end] if not t.is_space and not t.is_quote]
    return asks(words) and len(words) <= QUESTION_WORDS


def _interviewed_tokens(doc: Doc, end: int, *, met: bool) -> list[Token]:
    """Tokens before ``end`` that a sentence says were interviewed ("interviewed X", "an
    interview with X"), or with ``met``, spoken with ("spoke with X", "sat down with X")."""
    found: list[Token] = []
    for token in doc[:end]:
        lemma = token.lemma_.lower()
        if lemma == "interview" and not met:  # a headline's "interviews" may be parsed as a noun
            deps = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in token.children) else ("dobj",)
            found += [t for c in token.children if c.dep_ in deps for t in expand(c)]
            found += prepositional_objects(token, ("with",))
            name = _name_after(doc, token.i)  # a headline parsed as nouns: "Wikinews
            if name is not None:  # interviews Marymegan Daly on", "... interviews academic Simon Ličen"
                while name.dep_ == "compound" and name.head.i > name.i:
                    name = name.head
                found += expand(name)
        elif lemma == "tell" and not met and any(  # "Nick Bos tells Wikinews about ants"
                c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" for c in token.children):
            found += [t for c in token.children if c.dep_ == "nsubj" for t in expand(c)]
        elif lemma in _MEETING_VERBS and token.pos_ == "VERB" and met:
            met_with = prepositional_objects(token, _MEETING_VERBS[lemma])
            for particle in (c for c in token.children if c.dep_ == "prt"):  # "sat down with"
                met_with += prepositional_objects(particle, _MEETING_VERBS[lemma])
            if met_with and all(t.ent_type_ == "ORG" for t in met_with):  # "X spoke to Wikinews"
                met_with = [t for c in token.children if c.dep_ == "nsubj" for t in expand(c)]
            found += met_with
    return found


def _name_after(doc: Doc, i: int) -> Token | None:
    """The proper noun right after token ``i``, past a few lower-case words that describe it
    ("academic", "Israeli mathematician and writer"), or None."""
    for j in range(i + 1, min(len(doc), i + 5)):
        if doc[j].pos_ == "PROPN":
            return doc[j]
        if doc[j].pos_ not in ("ADJ", "NOUN", "CCONJ") or not (doc[j].is_lower or doc[j].pos_ == "ADJ"):
            return None  # not past "about", "on": "interviews meteorologists about Cyclone X"
    return None


def interviewee(result, lead_end: int):
    """The one person cluster the text before token ``lead_end`` says was interviewed, or
    None (no one, or several)."""
    for met in (False, True):  # "spoke with X" only where no sentence says who was interviewed
        people = set()
        for token in _interviewed_tokens(result.doc, lead_end, met=met):
            cluster = result.cluster_of(token)  # "Hugh McGuire", "the site's founder", "him"
            if cluster is not None and cluster.type == "PERSON":
                people.add(cluster.id)
            elif cluster is None:  # "LibriVox founder Hugh McGuire", "Professor ... Simon Ličen"
                people |= {c.id for c in map(result.cluster_of, token.subtree)
                           if c is not None and c.type == "PERSON"}
        if people:
            return result.clusters[people.pop()] if len(people) == 1 else None
    return None


def interview_speakers(result) -> int:
    """Give the first-person pronouns of an interview's answers and the second-person ones
    of its questions to the person interviewed, and attribute what the answers say to them;
    how many pronouns were given (0 for an article that is no interview)."""
    doc = result.doc
    if "?" not in doc.text:  # no question, no interview
        return 0
    parts = paragraphs(doc)
    questions = {i for i, (s, e) in enumerate(parts) if _is_question(doc, s, e)}
    if not questions:
        return 0
    first = min(questions)
    person = interviewee(result, parts[first][0])
    if person is None:
        return 0
    quoted = {i for s, e in quotations(doc) for i in range(s, e)}
    given = 0
    opening = _first_exchange(result, parts, first, person.id, quoted)
    if opening < first and _says(doc, parts[opening], quoted, SECOND_PERSON):
        questions.add(opening)  # "How did you come to be involved with this discovery"
    for index in range(opening, len(parts)):
        start, end = parts[index]
        asked = index in questions
        pronouns = SECOND_PERSON if asked else FIRST_PERSON
        for token in doc[start:end]:
            if token.i in quoted:
                continue
            if not asked:
                result.quoted.setdefault(token.i, person.id)
            if token.lower_ in pronouns and token.tag_ in ("PRP", "PRP$") and \
                    token.i not in result.token_cluster:
                result.add_mention(person, token.i, token.i + 1, "pronoun")
                given += 1
    return given


def _first_exchange(result, parts: list[tuple[int, int]], first: int, person: int,
                    quoted: set[int]) -> int:
    """The paragraph the questions and answers start at: the first question, or before it
    the first paragraph after the one that names the person interviewed that speaks in the
    first or second person outside quotation marks: an interview printed from its middle
    (an answer), or whose first question has no question mark (it says "you"). What follows
    it up to the first question is answer."""
    named = [i for i, (s, e) in enumerate(parts[:first])
             if any(result.token_cluster.get(t) == person for t in range(s, e))]
    for index in range(named[0] + 1 if named else first, first):
        if _says(result.doc, parts[index], quoted, FIRST_PERSON | SECOND_PERSON):
            return index
    return first


def _says(doc: Doc, part: tuple[int, int], quoted: set[int], pronouns: set[str]) -> bool:
    """Whether a paragraph uses one of ``pronouns`` outside quotation marks."""
    return any(doc[i].lower_ in pronouns and doc[i].tag_ in ("PRP", "PRP$")
               for i in range(*part) if i not in quoted)
