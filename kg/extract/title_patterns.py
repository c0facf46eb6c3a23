"""Titles read from the order of words around a name, whatever the parse made of them.

News gives a person's role right beside the name: "Malaysia's Prime Minister, Najib Razak",
"CEO of the Refugee Council Enver Solomon", "Co-founder of Google, Sergey Brin", "Labour's
Shadow Home Secretary Yvette Cooper", "Kendrick Moxon, an attorney for Scientology". The
parse-based readings of :mod:`kg.extract.roles` miss these when a small parser attaches
the name to the organisation ("Solomon" as the object of "of"). Here four orders of words
are matched over the article's entity mentions instead:

- holder, title, name: ``[ORG/place]('s) [words] ROLE (,) [PERSON]``;
- title, holder, name: ``ROLE of|to|at|for (the) [ORG/place] (noun) (,) [PERSON]``;
- name, title, holder: ``[PERSON] , (a|an|the) [words] ROLE of|to|at|for (the) [ORG/place]``;
  here also a resident or native of a place ("Halston, a former resident of Evansville");
- name, holder, title: ``[PERSON] , (a|an|the) [words] [ORG] [words] ROLE`` ("Kiara Perkins,
  a second year USI art major", "Hilary Braysmith, USI associate professor of art history").

A student of a school is read in every order ("USI art major Kiara Perkins", "a student at
Harvard University"), and only of an organisation.

Each records a role fact (the person holds ROLE of the holder) as the parse-based readings
do; the holder is an organisation, a place or a demonym ("Afghan"), and a person only for
the jobs held for someone (:data:`~kg.extract.lexicon.PERSONAL_ROLE_NOUNS`), named with a
possessive or after "to" / "for": "Obama's national security advisor James Jones",
"Kellyanne Conway, an adviser to Donald Trump". The words between may be at most a few
modifiers ("interior and overseas", "Shadow Home").

The first order also reads what an organisation or a country has, named after it: "the
Scientology propaganda publication Freedom Magazine" is a publication of Scientology
(owned_by; the nouns are :data:`~kg.extract.lexicon.OWNED_THING_NOUNS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import (
    AFFILIATION_NOUNS,
    NATIONALITY_NOUNS,
    OWNED_THING_NOUNS,
    PERSONAL_ROLE_NOUNS,
    PLACE_TYPES,
    ROLE_NOUNS,
    STUDENT_NOUNS,
)
from kg.extract.mentions import ArticleEntities, stance
from kg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["title_patterns", "role_at"]

_PREPOSITIONS = ("of", "to", "at", "for")
_ARTICLES = ("the", "a", "an")
_HOLDER_TYPES = ("ORG", "GPE", "NORP", "LOC")
RESIDENCE_NOUNS = frozenset({"resident", "native", "inhabitant"})  # of a place
_THING_TYPES = ("PRODUCT", "FAC", "WORK_OF_ART", "ORG")  # what an organisation or country has
_MAX_MODIFIERS = 4
_NO_MODIFIER = ("VERB", "AUX", "ADP", "DET", "PRON", "SCONJ")


def role_at(doc: Doc, i: int, also: frozenset[str] | set[str] = frozenset()) -> tuple[str, int] | None:
    """The role noun ending at token ``i`` and the token it starts at ("prime minister" over
    two tokens, "co-founder" over three), or None; ``also`` are more nouns to accept.

    >>> import spacy
    >>> doc = spacy.blank("en")("Malaysia's Prime Minister and Google co-founder spoke")
    >>> role_at(doc, 3), role_at(doc, 8), role_at(doc, 9)
    (('prime minister', 2), ('co-founder', 6), None)
    """
    if i < 0 or not doc[i].is_alpha:
        return None
    word = doc[i].lower_
    if i >= 2 and doc[i - 1].text == "-" and f"{doc[i - 2].lower_}-{word}" in ROLE_NOUNS:
        return f"{doc[i - 2].lower_}-{word}", i - 2
    if i >= 1 and f"{doc[i - 1].lower_} {word}" in ROLE_NOUNS:
        return f"{doc[i - 1].lower_} {word}", i - 1
    if i >= 1 and f"{doc[i - 1].lower_} {word}" in PERSONAL_ROLE_NOUNS:
        return f"{doc[i - 1].lower_} {word}", i - 1
    for candidate in (word, word[:-1] if word.endswith("s") else word):
        if candidate in ROLE_NOUNS or candidate in AFFILIATION_NOUNS or candidate in PERSONAL_ROLE_NOUNS \
                or candidate in also:
            return candidate, i
    return None


class _Reader:
    """Which entity mention each token belongs to, for the patterns."""

    def __init__(self, result: ArticleEntities, gazetteer: Gazetteer) -> None:
        self.result, self.doc, self.gazetteer = result, result.doc, gazetteer
        self.person = -1  # the cluster whose name the patterns are read around

    def free(self, start: int, stop: int) -> bool:
        """No token of ``start..stop`` belongs to a mention, but to the person's own title or
        apposition (which the parse-based readings may have left without its holder)."""
        result = self.result
        return all(i not in result.token_cluster or (
            result.token_cluster[i] == self.person and result.token_kind[i] in ("title", "appos"))
            for i in range(start, stop))

    def name_cluster(self, i: int):
        cluster = self.result.cluster_of(i) if 0 <= i < len(self.doc) else None
        if cluster is None or self.result.token_kind.get(i) != "name":
            return None
        return cluster

    def is_holder(self, i: int, noun: str | None = None) -> bool:
        """Token ``i`` names an organisation or place, or is a demonym ("Afghan"); not a
        stance ("pro-Beijing"). Given a job held for someone (``noun``), also another person."""
        if 0 <= i < len(self.doc) and stance(self.doc, i):
            return False
        cluster = self.name_cluster(i)
        if cluster is not None:
            return cluster.type in _HOLDER_TYPES or (
                noun in PERSONAL_ROLE_NOUNS and cluster.type == "PERSON" and cluster.id != self.person)
        return 0 <= i < len(self.doc) and self.doc[i].is_title and \
            self.gazetteer.demonym(self.doc[i].text) is not None

    def holder_start(self, last: int) -> int:
        """The first token of the holder name ending at ``last``."""
        cluster = self.result.token_cluster.get(last)
        start = last
        while start > 0 and cluster is not None and self.result.token_cluster.get(start - 1) == cluster:
            start -= 1
        return start

    def modifiers_then_role(self, start: int, stop: int, also: frozenset[str] | set[str] = frozenset()
                            ) -> tuple[str, int] | None:
        """A role noun (or one of ``also``) ending right before ``stop``, after at most a few
        free modifier words starting at ``start``."""
        found = role_at(self.doc, stop - 1, also)
        if found is None or found[1] < start or found[1] - start > _MAX_MODIFIERS:
            return None
        if not all((t.is_alpha and t.pos_ not in _NO_MODIFIER) or t.text == "-"
                   for t in self.doc[start:found[1]]):
            return None  # "USI includes Polaroids of actor Dennis Hopper": a clause, no title
        return found if self.free(start, stop) else None


def title_patterns(result: ArticleEntities, holders: list, gazetteer: Gazetteer) -> int:
    """Record the role facts the three orders of words state, as (cluster, role noun, holder
    token, start, end, "title", preposition) entries of ``holders`` (as
    :func:`kg.extract.roles.appositions_and_titles` does); how many were new."""
    reader = _Reader(result, gazetteer)
    known = {(entry[0], entry[1], entry[2]) for entry in holders}
    added = 0
    for cluster in list(result.clusters.values()):
        if cluster.type not in ("PERSON", *_THING_TYPES):
            continue
        reader.person = cluster.id
        facts = _facts if cluster.type == "PERSON" else _owner_facts
        for mention in [m for m in cluster.mentions if m.kind == "name"]:
            for noun, holder, start, end, preposition in facts(reader, mention.start, mention.end):
                if (cluster.id, noun, holder) not in known:
                    known.add((cluster.id, noun, holder))
                    holders.append((cluster.id, noun, holder, start, end, "title", preposition))
                    added += 1
    return added


def _holder_title_name(reader: _Reader, name_start: int, name_end: int, things: bool):
    """Holder, title, name: "Malaysia's Prime Minister, Najib Razak"; with ``things``, what
    the holder has: "the Scientology propaganda publication Freedom Magazine"."""
    doc = reader.doc
    before = name_start - 1 if name_start > 0 and doc[name_start - 1].text == "," else name_start
    for gap in range(1, _MAX_MODIFIERS + 3):
        first = before - gap
        if first < 1:
            break
        possessive = doc[first - 1].text in ("'s", "’s")
        holder_end = first - 1 if possessive else first
        if reader.is_holder(holder_end - 1) or (possessive and reader.name_cluster(holder_end - 1)):
            # a country before "activist" or "philosopher" gives a nationality (kg.extract.relations)
            cluster = reader.name_cluster(holder_end - 1)
            place = cluster.type in PLACE_TYPES if cluster is not None else not possessive
            also = OWNED_THING_NOUNS if things else NATIONALITY_NOUNS if place else STUDENT_NOUNS
            found = reader.modifiers_then_role(first, before, also)
            if found is not None and things != (found[0] in OWNED_THING_NOUNS):
                found = None  # a person holds a title, a thing is had
            if found is not None and reader.is_holder(holder_end - 1, found[0]):
                yield found[0], holder_end - 1, reader.holder_start(holder_end - 1), name_end, "of"
            break


def _owner_facts(reader: _Reader, name_start: int, name_end: int):
    yield from _holder_title_name(reader, name_start, name_end, things=True)


def _facts(reader: _Reader, name_start: int, name_end: int):
    doc = reader.doc
    before = name_start - 1 if name_start > 0 and doc[name_start - 1].text == "," else name_start
    yield from _holder_title_name(reader, name_start, name_end, things=False)
    yield from _name_holder_title(reader, name_start, name_end)
    # title, holder, name: "CEO of the Refugee Council Enver Solomon", "The secretary general
    # of CEI (Italian Episcopal Conference), Nunzio Galantino"
    last = _before_parenthesis(doc, before - 1)
    if last >= 0 and not reader.is_holder(last) and doc[last].pos_ == "NOUN" and doc[last].is_lower:
        last -= 1  # "the Lombardy region"
    if last >= 0 and reader.is_holder(last):
        start = reader.holder_start(last)
        at = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
        if at > 0 and doc[at - 1].lower_ in _PREPOSITIONS:
            found = role_at(doc, at - 2, STUDENT_NOUNS)
            if found is not None and reader.free(found[1], at - 1):
                yield found[0], last, found[1], name_end, doc[at - 1].lower_
    # name, title, holder: "Kendrick Moxon, an attorney for Scientology", "Cynthia Thompson,
    # curator and director of exhibits at the University of Arkansas"
    if name_end + 3 < len(doc) and doc[name_end].text == ",":
        first = name_end + 2 if doc[name_end + 1].lower_ in _ARTICLES else name_end + 1
        for at in range(first + 1, min(len(doc) - 1, first + _MAX_MODIFIERS + 2)):
            if doc[at].lower_ not in _PREPOSITIONS:
                continue
            found = reader.modifiers_then_role(first, at, RESIDENCE_NOUNS | STUDENT_NOUNS)
            if found is None:
                break
            noun, preposition = found[0], at
            field_end = _field_end(reader, at)
            if field_end is not None:  # "director of exhibits at": a role in a field
                noun, preposition = f"{noun} {doc[at:field_end].text.lower()}", field_end
            holder = preposition + 2 if preposition + 2 < len(doc) and \
                doc[preposition + 1].lower_ == "the" else preposition + 1
            person_ok = noun if doc[preposition].lower_ in ("to", "for") else None
            if reader.result.token_kind.get(holder) != "name" and \
                    doc[holder].head.i > holder and doc[holder].head.pos_ == "NOUN":
                break  # "a spokesman for the Indonesian military": the military's, not Indonesia's
            cluster = reader.name_cluster(holder)
            if noun in RESIDENCE_NOUNS and (cluster is None or cluster.type not in PLACE_TYPES):
                break  # a resident of a place only: "Halston, a former resident of Evansville"
            if noun in STUDENT_NOUNS and (cluster is None or cluster.type != "ORG"):
                break  # a student of a school: not "a student in Boston"
            if reader.is_holder(holder, person_ok):
                end, cluster = holder + 1, reader.result.token_cluster.get(holder)
                owner = reader.result.token_cluster
                while cluster is not None and end < len(doc) and owner.get(end) == cluster:
                    end += 1  # to the end of the holder's name (a demonym is one word)
                yield noun, holder, name_start, end, doc[preposition].lower_
            break


def _name_holder_title(reader: _Reader, name_start: int, name_end: int):
    """Name, holder, title: "Sarah Levitt, an Amnesty International lawyer", "Kiara Perkins,
    a second year Harvard art major": an apposition of a few lower-case words, an
    organisation's name and a role noun that ends it (or leads to its field: "Harvard
    associate professor of art history")."""
    doc = reader.doc
    if name_end + 3 >= len(doc) or doc[name_end].text != ",":
        return
    first = name_end + 2 if doc[name_end + 1].lower_ in _ARTICLES else name_end + 1
    holder = first
    while holder < min(len(doc), first + 3) and (doc[holder].is_lower or doc[holder].like_num) \
            and doc[holder].is_alpha and reader.free(holder, holder + 1):
        holder += 1  # "second year"
    cluster = reader.name_cluster(holder)
    if cluster is None or cluster.type != "ORG" or cluster.id == reader.person:
        return
    end = holder
    while end < len(doc) and reader.result.token_cluster.get(end) == cluster.id:
        end += 1
    for stop in range(end + 1, min(len(doc), end + _MAX_MODIFIERS + 1)):
        if doc[stop].text in (",", ".", ";") or doc[stop].lower_ in ("of", "in"):
            found = reader.modifiers_then_role(end, stop, STUDENT_NOUNS)
            if found is not None:
                yield found[0], end - 1, name_start, stop, "of"
            return


def _before_parenthesis(doc: Doc, last: int) -> int:
    """The token before a short parenthesis that ends at ``last`` (an alias: "CEI (Italian
    Episcopal Conference)"); ``last`` itself when none ends there."""
    if last < 0 or doc[last].text != ")":
        return last
    for opening in range(last - 1, max(-1, last - 8), -1):
        if doc[opening].text == "(":
            return opening - 1
    return last


#: Prepositions that give the organisation a role in a field is held at ("director of
#: exhibits at", "professor of economics at", "head of research for").
_FIELD_HOLDER_PREPOSITIONS = ("at", "for", "with")
_MAX_FIELD_WORDS = 3


def _field_end(reader: _Reader, at: int) -> int | None:
    """Where "of|in FIELD" after a role ends, at the preposition before the holder
    ("of exhibits at"): the field is a few lower-case words of no mention; None when there
    is no field."""
    doc = reader.doc
    if doc[at].lower_ not in ("of", "in"):
        return None
    for end in range(at + 2, min(len(doc), at + _MAX_FIELD_WORDS + 2)):
        if doc[end].lower_ in _FIELD_HOLDER_PREPOSITIONS:
            words = doc[at + 1:end]
            if all(t.is_alpha and t.is_lower for t in words) and reader.free(at + 1, end):
                return end
            return None
    return None
