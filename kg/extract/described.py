"""What a name or a demonym describes: the entity a modifier, an apposition or a copula
says something of ("Robeson is an American singer", "a pastor from Nigeria", "Gallagher, a
CNN analyst", "Gary Fan of the Neo Democrats"). :mod:`kg.extract.relations` turns these into
nationality, location, membership and employer relations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.arguments import ArgumentReader
from kg.extract.clauses import clause_subjects
from kg.extract.coref import role_noun
from kg.extract.lexicon import (
    COPULAS,
    JOB_NOUNS,
    MEMBER_NOUNS,
    ROLE_NOUNS,
    WORKPLACE_NOUNS,
)
from kg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["described_by", "described_by_country", "described_from", "affiliated_by",
           "organisations_of", "is_workplace"]

_TEAM_STAFF = {"coach", "manager", "trainer"}  # a team's, hired from anywhere


def described_by(reader: ArgumentReader, demonym: Token) -> tuple[int, Token] | None:
    """The entity a demonym describes, and the token whose clause says so: "Robeson is an
    American singer", "Robeson, an American singer", "American singer Paul Robeson", "he is
    Swedish". Roles ("the Russian president") are role facts, not nationalities.
    """
    if demonym.dep_ == "acomp":
        return _copula_subject(reader, demonym.head)
    noun = demonym.head
    while noun.dep_ in ("amod", "compound", "nmod") and Gazetteer.bundled().demonym(noun.text):
        noun = noun.head  # "a Soviet Armenian grandmaster", "a German-Jewish journalist"
    if demonym.dep_ not in ("amod", "compound", "nmod") or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return _described_noun(reader, noun)


def described_by_country(reader: ArgumentReader, name: Token) -> tuple[int, Token] | None:
    """The entity a country's name describes as a modifier ("Hochstein is a U.S.
    businessman"), after "from" ("Ajayi is a pastor from Nigeria"), or as the possessor of a
    name ("Italy's Franca Raimondi", "China's Huawei"), as for a demonym. A country's coach or
    manager ("Panama coach Hernan Dario Gomez", "Tunisia's coach Nabil Maaloul") is its team's,
    whatever his own country."""
    doc = name.doc
    if any(t.lemma_.lower() in _TEAM_STAFF for t in doc[name.i + 1:min(len(doc), name.i + 4)]):
        return None
    if name.dep_ == "compound" and name.head.pos_ == "NOUN":
        return _described_noun(reader, name.head)
    owner = reader.entities.token_cluster.get(name.head.i)
    if name.dep_ == "poss" and owner is not None and reader.entities.token_kind[name.head.i] == "name":
        return owner, name.head
    return described_from(reader, name)


def described_from(reader: ArgumentReader, name: Token) -> tuple[int, Token] | None:
    """The entity a noun describes that ``name`` follows "from": "a pastor from Nigeria",
    "a football club from Fyllingsdalen"; or the named thing a place's name is the possessor
    of: "New York's Metropolitan Museum of Art"."""
    prep = name.head
    if name.dep_ == "pobj" and prep.lower_ == "from" and prep.head.pos_ == "NOUN":
        return _described_noun(reader, prep.head)
    owned = reader.entities.token_cluster.get(prep.i)
    if name.dep_ == "poss" and owned is not None and reader.entities.token_kind[prep.i] == "name":
        return owned, prep
    return None


def affiliated_by(reader: ArgumentReader, name: Token, label: str) -> tuple[int, Token, str] | None:
    """The person an organisation's name before a person's noun describes, the token whose
    clause says so, and ``member of`` or ``work for``: "Burton is a Labour Party
    politician", "Gallagher, a CNN analyst", "a NASA engineer", "Hlophe, an ANC MP" said of
    someone."""
    noun = name.head
    lemma = noun.lemma_.lower()
    if name.dep_ != "compound" or noun.i < name.i or not (
            noun.pos_ == "NOUN" or lemma in MEMBER_NOUNS):  # "MP" is a proper noun; a
        return None  # capitalised job is a title: "Emeritus Professor John Burrows"
    if lemma in MEMBER_NOUNS or label.lower().endswith(" party"):
        predicate = "member of"
    elif lemma in JOB_NOUNS:
        predicate = "work for"
    else:
        return None
    found = _described_noun(reader, noun)
    if found is None or reader.entities.clusters[found[0]].type != "PERSON":
        return None
    return found[0], found[1], predicate


def organisations_of(reader: ArgumentReader, name: Span) -> list[int]:
    """Organisations a person's name is given with: "Gary Fan of the Neo Democrats", "Cyd Ho
    from the Labour Party", "DAB's Starry Lee" (an organisation's possessive before the name,
    shared by a name joined to it: "DAB's Starry Lee and Holden Chow");
    also where the parser hung the name on a noun right before it ("veteran Cyd Ho from ...")."""
    found = []
    root = name.root
    children = list(root.children)
    if root.dep_ == "conj" and root.head.pos_ == "PROPN" and \
            not any(c.dep_ == "poss" for c in children):  # "DAB's Starry Lee and Holden Chow"
        children += [c for c in root.head.children if c.dep_ == "poss"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i == name.start - 1:
        children += [c for c in root.head.children if c.i >= name.end]
    for child in children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            targets = [child] if child.dep_ == "poss" else [t for t in child.children if t.dep_ == "pobj"]
            for target in targets:
                cluster = reader.entities.cluster_of(target)
                if cluster is not None and cluster.type == "ORG" and \
                        reader.entities.token_kind.get(target.i) == "name":
                    found.append(cluster.id)
    return found


def is_workplace(cluster) -> bool:
    """Whether a person "of" the organisation of ``cluster`` works for it rather than
    belongs to it: its name or what the text calls it says it is a university, a paper, a
    company ... (:data:`~kg.extract.lexicon.WORKPLACE_NOUNS`).

    >>> from kg.extract.mentions import Cluster
    >>> is_workplace(Cluster(1, label="Slate Magazine")), is_workplace(Cluster(2, label="Neo Democrats"))
    (True, False)
    """
    words = {word.lower().strip(".,") for word in cluster.label.split()} | cluster.kinds
    return bool(words & WORKPLACE_NOUNS)


def _described_noun(reader: ArgumentReader, noun: Token) -> tuple[int, Token] | None:
    """The entity ``noun`` describes (an apposition, a copula's complement, a title), and the
    token whose clause says so; None for roles ("the Russian president")."""
    entities = reader.entities
    while True:
        if role_noun(noun) in ROLE_NOUNS:
            return None
        if noun.i in entities.token_cluster:  # a description of its cluster, not a name
            if entities.token_kind[noun.i] not in ("appos", "role", "title"):
                return None
            return entities.token_cluster[noun.i], noun
        for child in noun.children:
            if child.dep_ == "appos" and reader.arg(child):
                return reader.arg(child)[0], noun
        if noun.dep_ in ("appos", "compound", "nmod") and reader.arg(noun.head):
            return reader.arg(noun.head)[0], noun
        if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
            return _copula_subject(reader, noun.head)
        if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "a Turkish weapons manufacturer"
            continue
        return None


def _copula_subject(reader: ArgumentReader, verb: Token) -> tuple[int, Token] | None:
    if verb.lemma_.lower() not in COPULAS:
        return None
    for subject in clause_subjects(verb):
        found = reader.arg(subject)
        if found:
            return found[0], verb
    return None
