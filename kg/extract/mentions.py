"""What coreference works on: mentions, clusters of them, role facts, and shared helpers.

A :class:`MentionSpan` is a stretch of tokens that names, describes or stands for an entity
(kind ``name``, ``appos``, ``title``, ``role``, ``pronoun`` or ``demonym``); a
:class:`Cluster` holds one entity's mentions within an article; a :class:`RoleFact` records
that the text says an entity holds a role ("the President of Russia, Vladimir Putin"); an
:class:`ArticleEntities` is all of them for one article. The modules that fill it:
:mod:`kg.extract.names` (finding names), :mod:`kg.extract.demonyms`, :mod:`kg.extract.entity_types` (what
the text says a name is), :mod:`kg.extract.roles` (appositions, titles, descriptions) and
:mod:`kg.extract.pronouns`; :func:`kg.extract.coref.resolve_mentions` runs them in order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract.lexicon import (
    AFFILIATION_NOUNS,
    DESCRIPTOR_NOUNS,
    ROLE_NOUNS,
    TYPE_NOUNS,
)
from kg.gazetteer import Gazetteer, KnownEntity
from kg.names import normalize_name
from kg.nlp.tokens import TokenView

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["MentionSpan", "Cluster", "RoleFact", "ArticleEntities", "role_noun", "cluster_label",
           "stance", "is_possessor", "OBJECT_DEPS", "cluster_labelled", "place_cluster", "is_free",
           "token_texts", "singular", "compound_start", "naming_noun", "NOUN_TYPES",
           "AMBIGUOUS_NAME_ENDINGS", "TEAM_KIND"]


_TYPE_PRIORITY = {t: i for i, t in enumerate(
    ("PERSON", "ORG", "GPE", "PRODUCT", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART"))}


#: What a country's cluster is called (``Cluster.kinds``) once a match report reads it as its
#: national team (:mod:`kg.extract.teams`).
TEAM_KIND = "national team"


@dataclass


class MentionSpan:
    """Tokens ``start..end`` (exclusive) of the Doc; kind name/appos/title/role/pronoun/demonym."""

    start: int
    end: int
    kind: str

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


@dataclass


class Cluster:
    """The mentions of one entity within one article."""

    id: int
    mentions: list[MentionSpan] = field(default_factory=list)
    ner_labels: Counter = field(default_factory=Counter)
    known: KnownEntity | None = None
    label: str = ""
    place: str = ""  # the place a demonym-only cluster stands for ("Turkish" -> "Turkey")
    kinds: set[str] = field(default_factory=set)  # what the text calls it: "town", "company"

    @property
    def type(self) -> str:
        if self.known:
            return self.known.type
        if not self.ner_labels:
            return "ORG"
        return max(self.ner_labels, key=lambda t: (self.ner_labels[t], -_TYPE_PRIORITY.get(t, 99)))

    def first_token(self) -> int:
        return min(m.start for m in self.mentions)


@dataclass(frozen=True)


class RoleFact:
    """The text says ``entity`` holds ``noun`` (``preposition`` ``holder``: "spokesman for
    NASA", "president of Russia"), at tokens ``start..end``."""

    entity: int
    noun: str
    holder: int | None
    start: int
    end: int
    via: str  # "appos", "title" or "role"
    preposition: str = "of"


@dataclass


class ArticleEntities:
    """Clusters of one article, and which cluster each mention token belongs to."""

    doc: Doc
    clusters: dict[int, Cluster] = field(default_factory=dict)
    token_cluster: dict[int, int] = field(default_factory=dict)
    token_kind: dict[int, str] = field(default_factory=dict)
    role_facts: list[RoleFact] = field(default_factory=list)
    quoted: dict[int, int] = field(default_factory=dict)  # token in a quotation -> its speaker's cluster

    def __post_init__(self) -> None:  # the rules walk the tokens often: make them once
        if not isinstance(self.doc, TokenView):
            self.doc = TokenView(self.doc)

    def cluster_of(self, token: Token | int) -> Cluster | None:
        i = token if isinstance(token, int) else token.i
        cid = self.token_cluster.get(i)
        return self.clusters[cid] if cid is not None else None

    def add_mention(self, cluster: Cluster, start: int, end: int, kind: str) -> None:
        cluster.mentions.append(MentionSpan(start, end, kind))
        for i in range(start, end):  # a name or pronoun inside a description keeps its own
            if kind in ("appos", "role", "title") and self.doc[i].tag_ in ("PRP", "PRP$"):
                continue
            if i not in self.token_cluster:
                self.token_cluster[i] = cluster.id
                self.token_kind[i] = kind

    def merge(self, source: Cluster, target: Cluster) -> None:
        """Move every mention of ``source`` into ``target`` (they name one entity)."""
        for mention in source.mentions:
            target.mentions.append(mention)
        for token, cluster_id in self.token_cluster.items():
            if cluster_id == source.id:
                self.token_cluster[token] = target.id
        target.ner_labels.update(source.ner_labels)
        target.known = target.known or source.known
        target.kinds |= source.kinds
        del self.clusters[source.id]

    def new_cluster(self) -> Cluster:
        cluster = Cluster(max(self.clusters, default=-1) + 1)
        self.clusters[cluster.id] = cluster
        return cluster

    def find_by_name(self, text: str) -> Cluster | None:
        """The cluster a name refers to ("The Journal" -> The Wall Street Journal), or None."""
        words = normalize_name(text).split()
        if not words:
            return None
        found = []
        for cluster, names in self._names_by_cluster():
            for name in names:
                if name.split() and name.split()[-1] == words[-1] and set(words) <= set(name.split()):
                    found.append(cluster)
                    break
        return found[0] if len(found) == 1 else None

    def cluster_named(self, text: str) -> Cluster | None:
        """The one cluster with a name mention of exactly these words ("Aner Shalev"), or None."""
        name = normalize_name(text)
        found = [cluster for cluster, names in self._names_by_cluster() if name in names]
        return found[0] if len(found) == 1 else None

    def _names_by_cluster(self) -> list[tuple[Cluster, set[str]]]:
        """Each cluster's normalised names (kept until a mention is added or a cluster made)."""
        version = (len(self.clusters), sum(len(c.mentions) for c in self.clusters.values()))
        if getattr(self, "_names_version", None) != version:
            self._names_cache = []
            for cluster in self.clusters.values():
                names = {normalize_name(m.span(self.doc).text) for m in cluster.mentions if m.kind == "name"}
                if cluster.known:
                    names.update(normalize_name(n) for n in cluster.known.names)
                self._names_cache.append((cluster, names))
            self._names_version = version
        return self._names_cache

    def mentions_in_order(self) -> list[tuple[MentionSpan, Cluster]]:
        pairs = [(m, c) for c in self.clusters.values() for m in c.mentions]
        return sorted(pairs, key=lambda p: p[0].start)


def role_noun(token: Token) -> str | None:
    """The role a noun names, normalised: "C.E.O." -> "ceo", "prime minister", or None
    (worked out once per token of a Doc: the rules ask often)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    known = token.doc.user_data.setdefault("kg_role_nouns", {})
    if token.i not in known:
        known[token.i] = _role_noun(token)
    return known[token.i]


def _role_noun(token: Token) -> str | None:
    word = normalize_name(token.lemma_ or token.text) or normalize_name(token.text)
    text = normalize_name(token.text)
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            two = f"{normalize_name(child.text)} {text}"
            if two in ROLE_NOUNS:
                return two
    for candidate in (word, text, text.rstrip("s")):
        if candidate in ROLE_NOUNS or candidate in DESCRIPTOR_NOUNS or candidate in AFFILIATION_NOUNS:
            return candidate
    return None


def token_texts(doc: Doc) -> list[str]:
    """The text of each token of ``doc`` (worked out once per Doc)."""
    texts = doc.user_data.get("kg_texts")
    if texts is None or len(texts) != len(doc):
        texts = doc.user_data["kg_texts"] = [t.text for t in doc]
    return texts


#: A verb's object dependencies (spaCy's English labels).
OBJECT_DEPS = ("dobj", "attr", "dative", "oprd", "obj")


def is_possessor(token: Token) -> bool:
    """"Musk's" in "Musk's contact": a poss, or a name the parser left as a modifier of
    the noun, or as an object beside it, but that is followed by a possessive 's."""
    if token.dep_ == "poss":
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("nmod", "compound", "npadvmod", *OBJECT_DEPS) and \
        following is not None and following.tag_ == "POS"


_STANCES = {"pro", "anti"}


def stance(doc: Doc, start: int) -> bool:
    """Whether the word at ``start`` is what a stance is for or against ("pro-Beijing",
    "Anti-Trump"), not a mention of it: a "pro-Russian activist" is no Russian's.

    >>> import spacy
    >>> doc = spacy.blank("en")("pro-Beijing councillors met Anti - Trump crowds")
    >>> [t.text for t in doc if stance(doc, t.i)]
    ['Beijing', 'Trump']
    """
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _STANCES


def is_free(result: ArticleEntities, start: int, end: int) -> bool:
    return all(i not in result.token_cluster for i in range(start, end))


def singular(word: str) -> str:
    return word[:-1] if word not in NOUN_TYPES and word.endswith("s") else word


def compound_start(head: Token) -> int:
    """Where the proper-noun compound ending in ``head`` starts ("Giske Municipality")."""
    doc, start = head.doc, head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i and \
            doc[start - 1].dep_ == "compound":
        start -= 1
    return start


NOUN_TYPES = {noun: label for label, nouns in TYPE_NOUNS.items() for noun in nouns}


AMBIGUOUS_NAME_ENDINGS = {"state", "city", "union", "division", "league", "network", "label",
                           "government", "brand", "model", "general", "hall", "camp"}


def naming_noun(word: str, people: bool = False) -> str | None:
    """The type noun ``word`` is (singular: "Mountains" -> "mountain") when it can type a
    name: not one that ends other kinds of names too, and not a person's noun ("The
    Painter" names a work) unless ``people`` (a noun before the name: "singer Christina
    Aguilera")."""
    noun = singular(word)
    label = NOUN_TYPES.get(noun)
    if label in ("WORK_OF_ART", "PRODUCT") and not people:
        return None
    return noun if label and (people or label != "PERSON") and \
        noun not in AMBIGUOUS_NAME_ENDINGS else None


def cluster_label(cluster: Cluster, doc: Doc) -> str:
    """The cluster's name: the alias-table label, else its longest name mention ("Sweden
    national team" for a country a match report reads as its team, :mod:`kg.extract.teams`)."""
    if cluster.known:
        return cluster.known.label
    names = [m.span(doc) for m in cluster.mentions if m.kind == "name"]
    if not names and cluster.place:
        return cluster.place
    if not names:
        names = [m.span(doc) for m in cluster.mentions]
    texts = Counter(" ".join(_without_opening_the(span, cluster.type).text.split()) for span in names)
    label = max(texts, key=lambda t: (len(t.split()), texts[t], -len(t), t))
    return f"{label} {TEAM_KIND}" if TEAM_KIND in cluster.kinds else label


def _without_opening_the(span: Span, entity_type: str) -> Span:
    """An organisation's or a place's name of two words or more without the "The" that opens
    its sentence: a capital there says nothing of the name ("The Democratic Party said ..."
    names the Democratic Party). Elsewhere "The" is the name's own ("read The Guardian"), and
    so it is before one word ("The Hague", "The Beatles") and in a work's or a product's
    title ("The Hurting")."""
    if len(span) > 2 and span[0].lower_ == "the" and span[0].is_sent_start and \
            entity_type in ("ORG", "GPE", "LOC", "FAC", "NORP"):
        return span[1:]
    return span


def cluster_labelled(result: ArticleEntities, place: str) -> Cluster | None:
    key = normalize_name(place)
    return next((c for c in result.clusters.values()
                 if normalize_name(cluster_label(c, result.doc)) == key), None)


def place_cluster(result: ArticleEntities, gazetteer: Gazetteer, place: str, start: int,
                   end: int) -> Cluster:
    """The cluster of ``place`` (found by its label, else created), given the demonym at
    tokens ``start..end`` as a mention."""
    cluster = cluster_labelled(result, place)
    if cluster is None:
        cluster = result.new_cluster()
        cluster.known = gazetteer.lookup(place)
        cluster.place = place
        cluster.ner_labels["GPE"] += 1
    result.add_mention(cluster, start, end, "demonym")
    return cluster
