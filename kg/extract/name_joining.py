"""Which cluster a name joins within an article: step 1 of coreference, with
:mod:`kg.extract.names`.

A name joins the cluster of the same alias-table row; else one with the same words; else,
for a part of a person's name ("Musk", "Elon"), the one person of the article so named, the
first-named of several, or none (the name starts a cluster of its own); else, for a shorter form of another
name with the same last word, that name ("the Journal" of "The Wall Street Journal"), when
the words it drops may go (:func:`may_shorten`); else the name an acronym abbreviates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import PLACE_TYPES
from kg.extract.mentions import NOUN_TYPES, Cluster, naming_noun, singular
from kg.names import normalize_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["matching_cluster", "may_shorten", "is_acronym"]


def matching_cluster(result, known, words: list[str], label: str,
                     names: dict[int, list[tuple[str, ...]]]) -> Cluster | None:
    """The cluster a name joins: the same alias-table row; the same words; a part of a
    person's name (the article's one person so named, or the first-named of them); or a
    shorter form of another name with the same last word. None: a cluster of its own ("Jones"
    after Tom Jones and Mary Jones)."""
    clusters = list(result.clusters.values())
    if known:
        for cluster in clusters:
            if cluster.known and cluster.known.id == known.id:
                return cluster
    key = set(words)
    comparable = [c for c in reversed(clusters)  # most recent first
                  if not (c.known and known and c.known.id != known.id)]
    for cluster in comparable:
        if any(set(name) == key for name in names[cluster.id]):
            return cluster
    if label == "PERSON" and len(words) >= 3:  # "Jared Tristan Padalecki" after "Jared Padalecki"
        for cluster in comparable:
            if cluster.type == "PERSON" and not _another_known_person(cluster, words) and \
                    any(_fuller_name(words, name) for name in names[cluster.id]):
                return cluster
    if label == "PERSON" and len(key) <= 2:
        people = [c for c in comparable if c.type == "PERSON" and not _another_known_person(c, words)
                  and not _named_as_a_thing(names[c.id])
                  and (key <= set().union(*names[c.id]) or set().union(*names[c.id]) <= key)]
        if people:
            first_person = min((c for c in clusters if c.type == "PERSON"), key=lambda c: c.first_token())
            return _one_person(people, names, first_person)
    for cluster in comparable:
        seen = set().union(*names[cluster.id])
        same_head = any(name[-1] == words[-1] for name in names[cluster.id]) or (
            label not in PLACE_TYPES and cluster.type not in PLACE_TYPES and
            any(_head(name)[-1] == _head(words)[-1] for name in names[cluster.id]))
        if label != "PERSON" and cluster.type != "PERSON" and same_head and \
                (key <= seen or seen <= key) and not _place_and_organisation(label, cluster.type) \
                and may_shorten(key, seen, label, cluster.type, _capitals(result.doc)) and \
                _shortened_by_its_head(words, names[cluster.id], label, cluster.type):
            return cluster
        if label == "ORG" and cluster.type == "ORG" and _named_with_its_kind(words, names[cluster.id]):
            return cluster
        if len(words) == 1 and words[0].isalpha() and len(words[0]) >= 2 and is_acronym(
            words[0], cluster, result.doc
        ):
            return cluster
    return None


def _named_as_a_thing(names: list[tuple[str, ...]]) -> bool:
    """Whether a cluster the NER called a person has a name ending in the noun of another
    kind of thing ("Andy Warhol Foundation"): no part of a person's name joins it.

    >>> _named_as_a_thing([("andy", "warhol", "foundation")]), _named_as_a_thing([("andy", "warhol")])
    (True, False)
    """
    return any(len(name) >= 2 and naming_noun(name[-1]) is not None for name in names)


def _fuller_name(words: list[str], name: tuple[str, ...]) -> bool:
    """Whether ``words`` are the same person's name as ``name`` said more fully: the same first
    and last word with middle names or initials between ("Matthew William Goode" of "Matthew
    Goode", "Eugene A. Nida" of "Eugene Nida"). Not a word after it: "Shah Abbas II" is not
    "Shah Abbas".

    >>> _fuller_name(["eugene", "a", "nida"], ("eugene", "nida"))
    True
    >>> _fuller_name(["shah", "abbas", "ii"], ("shah", "abbas"))
    False
    >>> _fuller_name(["john", "paul", "jones"], ("paul", "jones"))
    False
    """
    return len(name) >= 2 and len(words) > len(name) and name[0] == words[0] and \
        name[-1] == words[-1] and set(name) <= set(words)


def _one_person(people: list[Cluster], names: dict[int, list[tuple[str, ...]]],
                first_person: Cluster) -> Cluster | None:
    """Of the people a part of a name fits (most recent first), the one it means: the most
    recent when all their names nest ("Daniel Bernoulli", "Daniel Bernoulli FRS"); else the
    first person the article named, when that is one of them (in Zaha Hadid's biography,
    "Hadid" is Zaha, not her father); else None."""
    full = [set().union(*names[c.id]) for c in people]
    if all(a <= b or b <= a for a in full for b in full):
        return people[0]
    return first_person if first_person in people else None


def _shortened_by_its_head(words: list[str], others: list[tuple[str, ...]], label: str,
                           other: str) -> bool:
    """An organisation's shorter name ends its longer one ("the Journal", "Security Council"
    of "the UN Security Council"), or the words of it before "of" ("the Society" of "the
    Society of the Cincinnati"); "University of California" is not "University of Southern
    California". Places have their own test (:func:`may_shorten`)."""
    if label in PLACE_TYPES or other in PLACE_TYPES:
        return True
    new = tuple(words)
    for name in others:
        shorter, longer = (new, name) if len(new) <= len(name) else (name, new)
        if longer[len(longer) - len(shorter):] == shorter:
            return True
        head = _head(longer)  # "the Society" of "the Society of the Cincinnati"
        if len(head) < len(longer) and head[len(head) - len(shorter):] == shorter:
            return True
    return False


def _head(name) -> tuple[str, ...]:
    """The words of a name before its first "of": ("society",) of "Society of the
    Cincinnati", the whole name when it has none.

    >>> _head(("society", "of", "the", "cincinnati")), _head(("wall", "street", "journal"))
    (('society',), ('wall', 'street', 'journal'))
    """
    words = tuple(name)
    return words[:words.index("of")] if "of" in words[1:] else words


#: Type nouns an organisation's name may drop and still be its name ("Harvard" of "Harvard
#: University", "Labour" of "the Labour Party"); not "Foundation", "Institute" or "Fund",
#: which name another body (the Ford Foundation is not Ford).
_DROPPABLE_KINDS = {"university", "college", "company", "corporation", "magazine", "newspaper",
                    "party", "airline", "airlines", "club", "band"}


def _named_with_its_kind(words: list[str], others: list[tuple[str, ...]]) -> bool:
    """Whether one organisation's name is the other's followed by nouns of its kind:
    "Harvard" and "Harvard University", "Freedom" and "Freedom Magazine".

    >>> _named_with_its_kind(["harvard"], [("harvard", "university")])
    True
    >>> _named_with_its_kind(["ford"], [("ford", "foundation")])
    False
    """
    new = tuple(words)
    for name in others:
        shorter, longer = (new, name) if len(new) < len(name) else (name, new)
        if len(shorter) < len(longer) and longer[:len(shorter)] == shorter and \
                all(w in _DROPPABLE_KINDS for w in longer[len(shorter):]):
            return True
    return False


def _another_known_person(cluster: Cluster, words: list[str]) -> bool:
    """A full name the alias table does not give the known person the cluster is ("Ashley
    Biden" after "Biden", known as Joe Biden): a relative, not the same person."""
    if cluster.known is None or len(words) < 2:
        return False
    return " ".join(words) not in {normalize_name(n) for n in cluster.known.names}


def _capitals(doc: Doc) -> set[str]:
    """The words an article writes in capitals ("AI", "NATO"), lower-cased (kept on the Doc)."""
    if not doc.user_data.get("kg_capitals_ready"):
        doc.user_data["kg_capitals"] = {t.lower_ for t in doc if t.text.isupper() and len(t.text) > 1}
        doc.user_data["kg_capitals_ready"] = True
    return doc.user_data["kg_capitals"]


def may_shorten(key: set[str], seen: set[str], label: str, other: str,
                capitals: set[str] | None = None) -> bool:
    """Whether the shorter of two names with the same last word can stand for the longer:
    "the Journal" for "The Wall Street Journal", "Lambton" for "Lambton County". A place is
    not shortened by dropping the words before its last ("Mexico" is not "New Mexico",
    "Ireland" not "Northern Ireland"): only "of" or a type noun of the shorter name's own type
    may go ("the Province of Rieti" is Rieti, "the Gulf of Mexico" is not Mexico). An acronym
    stands only for the words it abbreviates ("AI" is not "Clipboard AI").

    >>> may_shorten({"mexico"}, {"new", "mexico"}, "GPE", "GPE")
    False
    >>> may_shorten({"mexico"}, {"gulf", "of", "mexico"}, "GPE", "LOC")
    False
    >>> may_shorten({"rieti"}, {"province", "of", "rieti"}, "GPE", "GPE")
    True
    >>> may_shorten({"journal"}, {"wall", "street", "journal"}, "ORG", "ORG")
    True
    """
    shorter, longer = (key, seen) if len(key) <= len(seen) else (seen, key)
    shorter_type = label if len(key) <= len(seen) else other
    extra = longer - shorter
    if label in PLACE_TYPES or other in PLACE_TYPES:  # a province may be its city, a gulf not its country
        return all(w in ("of", "the") or NOUN_TYPES.get(singular(w)) == shorter_type for w in extra)
    return not (len(shorter) == 1 and capitals is not None and next(iter(shorter)) in capitals)


def _place_and_organisation(label: str, other: str) -> bool:
    """One is a place, the other an organisation: "Illinois" is not short for "the
    University of Illinois", nor "Canada" for "HGTV Canada"."""
    return {label in PLACE_TYPES, other in PLACE_TYPES} == {True, False} and "ORG" in (label, other)


def is_acronym(word: str, cluster: Cluster, doc: Doc) -> bool:
    """Whether ``word`` is the initials of one of the cluster's mentions ("OCA" of "Olympic
    Council of Asia")."""
    for mention in cluster.mentions:
        initials = "".join(t.text[0] for t in mention.span(doc)
                           if (t.is_title or t.is_upper) and t.dep_ != "det")
        if len(initials) >= 2 and initials.lower() == word.lower():
            return True
    return False
