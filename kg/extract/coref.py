"""Within-article coreference: which stretches of an article name the same entity.

Four kinds of mention are grouped into clusters, in this order:

1. ``name``: named-entity spans. "Musk" and "Elon" join "Elon Musk" (their words are
   part of a person's name); "The Journal" joins "The Wall Street Journal" (same head
   word); "U.S." joins "United States" (same row of the alias table).
2. ``appos``: appositions and titles. "the President of Russia, Vladimir Putin",
   "SpaceX, his rocket company", "President Vladimir Putin of Russia". Each records a
   *role fact* (Putin is president of Russia) that later descriptions are resolved by.
3. ``role``: definite descriptions such as "the Russian president" or "The Tesla C.E.O.",
   resolved to the person known (from this article, else from the alias table) to hold
   that role, preferring people not already named in the same sentence.
4. ``pronoun``: third-person pronouns, resolved by a learned mention-ranking model
   (:mod:`kg.extract.pronouns`) or left alone when it is unsure.

Along the way: what a sentence says a named thing is ("X is a town", "X, a software
company") overrules the NER's type, and "the town" or "the company" later joins it (as a
``role`` mention); last, demonyms used as modifiers ("an American actor") become
``demonym`` mentions of their place.

Everything is rule-based over the spaCy parse: transparent, fast, and wrong in ways
one can read. :func:`resolve_mentions` returns an :class:`ArticleEntities`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import (
    COMPASS_POINTS,
    COPULAS,
    DESCRIPTOR_NOUNS,
    ENTITY_LABELS,
    KIN_NOUNS,
    ORGANISATION_MEMBER_NOUNS,
    PLACE_TYPES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TYPE_NOUNS,
)
from kg.extract.pronouns import Chooser, model_chooser, resolve_pronouns
from kg.gazetteer import Gazetteer, KnownEntity
from kg.names import normalize_name

__all__ = ["MentionSpan", "Cluster", "RoleFact", "ArticleEntities", "resolve_mentions",
           "role_noun"]

_TYPE_PRIORITY = {t: i for i, t in enumerate(
    ("PERSON", "ORG", "GPE", "PRODUCT", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART"))}


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
    """The text says ``entity`` holds ``noun`` (of ``holder``), at tokens ``start..end``."""

    entity: int
    noun: str
    holder: int | None
    start: int
    end: int
    via: str  # "appos", "title" or "role"


@dataclass
class ArticleEntities:
    """Clusters of one article, and which cluster each mention token belongs to."""

    doc: Doc
    clusters: dict[int, Cluster] = field(default_factory=dict)
    token_cluster: dict[int, int] = field(default_factory=dict)
    token_kind: dict[int, str] = field(default_factory=dict)
    role_facts: list[RoleFact] = field(default_factory=list)

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

    def new_cluster(self) -> Cluster:
        cluster = Cluster(len(self.clusters))
        self.clusters[cluster.id] = cluster
        return cluster

    def find_by_name(self, text: str) -> Cluster | None:
        """The cluster a name refers to ("The Journal" -> The Wall Street Journal), or None."""
        words = normalize_name(text).split()
        if not words:
            return None
        found = []
        for cluster in self.clusters.values():
            names = {normalize_name(m.span(self.doc).text) for m in cluster.mentions
                     if m.kind == "name"}
            if cluster.known:
                names.update(normalize_name(n) for n in cluster.known.names)
            for name in names:
                if name.split() and name.split()[-1] == words[-1] and set(words) <= set(name.split()):
                    found.append(cluster)
                    break
        return found[0] if len(found) == 1 else None

    def mentions_in_order(self) -> list[tuple[MentionSpan, Cluster]]:
        pairs = [(m, c) for c in self.clusters.values() for m in c.mentions]
        return sorted(pairs, key=lambda p: p[0].start)


def role_noun(token: Token) -> str | None:
    """The role a noun names, normalised: "C.E.O." -> "ceo", "prime minister", or None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    word = normalize_name(token.lemma_ or token.text) or normalize_name(token.text)
    text = normalize_name(token.text)
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            two = f"{normalize_name(child.text)} {text}"
            if two in ROLE_NOUNS:
                return two
    for candidate in (word, text, text.rstrip("s")):
        if candidate in ROLE_NOUNS or candidate in DESCRIPTOR_NOUNS:
            return candidate
    return None


def resolve_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    labels: tuple[str, ...] = ENTITY_LABELS,
    *,
    choose_pronoun: Chooser | None = None,
) -> ArticleEntities:
    """Group the mentions of ``doc`` into per-entity clusters.

    ``choose_pronoun`` picks a pronoun's antecedent among its candidates; by default the
    bundled resolution model (:mod:`kg.extract.pronouns`)."""
    result = ArticleEntities(doc)
    # (cluster, role noun, holder token, start, end, via), resolved once pronouns are
    holder_tokens: list[tuple[int, str, int, int, int, str]] = []
    _cluster_names(result, gazetteer, labels)
    _described_names(result)
    _bracketed_acronyms(result)
    _appositions_and_titles(result, holder_tokens)
    _types_from_descriptions(result, gazetteer)
    _descriptions(result, gazetteer)
    _definite_things(result)
    resolve_pronouns(result, choose_pronoun or model_chooser())
    _demonyms(result, gazetteer)
    for cluster_id, noun, holder_token, start, end, via in holder_tokens:
        holder = _holder_cluster(result, holder_token, gazetteer)
        if holder is not None and holder != cluster_id:
            result.role_facts.append(RoleFact(cluster_id, noun, holder, start, end, via))
    for cluster in result.clusters.values():
        cluster.label = _label(cluster, doc)
    return result


# --- 1. names -----------------------------------------------------------------------

def _name_span(ent: Span) -> Span | None:
    """The entity span without leading titles ("President") or trailing possessives."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_space):
        end -= 1
    while start < end and doc[start].is_space:
        start += 1
    if ent.label_ == "PERSON":
        while end - start > 1 and role_noun(doc[start]) and doc[start].is_title:
            start += 1
    if end - start > 1 and doc[start].text == "the":  # "the Defense Department"
        start += 1
    return doc[start:end] if end > start else None


def _words(span: Span) -> list[str]:
    return [normalize_name(t.text) for t in span if t.dep_ != "det" and t.tag_ != "POS"
            and normalize_name(t.text)]


def _cluster_names(result: ArticleEntities, gazetteer: Gazetteer, labels) -> None:
    doc = result.doc
    name_words: dict[int, set[str]] = {}
    last_word: dict[int, set[str]] = {}
    for span, label in _names(doc, labels, gazetteer):
        if label == "NORP" and span.root.dep_ in ("amod", "compound", "nmod"):
            continue  # "the Russian president": a modifier, used for roles, not a node
        known = gazetteer.lookup(span.text)
        words = _words(span)
        if not words:
            continue
        cluster = _matching_cluster(result, known, words, label, name_words, last_word)
        if cluster is None:
            cluster = result.new_cluster()
            name_words[cluster.id] = set()
            last_word[cluster.id] = set()
        if known and cluster.known is None:
            cluster.known = known
        cluster.ner_labels[label] += 1
        name_words[cluster.id].update(words)
        last_word[cluster.id].add(words[-1])
        result.add_mention(cluster, span.start, span.end, "name")


def _names(doc: Doc, labels, gazetteer: Gazetteer):
    """(name span, NER label) of the entities kg keeps. A "person" ending in a role noun is
    a description, not a name: "The Tesla C.E.O." yields the organisation "Tesla" (its
    alias-table type if known), and the description is read in step 3."""
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        span = _name_span(ent)
        if span is None or _is_demonym_modifier(span, ent.label_, gazetteer) or \
                not _looks_like_name(span, gazetteer):
            continue
        last = doc[span.end - 1]
        if ent.label_ == "PERSON" and _is_title(span, gazetteer):
            continue
        if ent.label_ in ("PERSON", "ORG") and len(span) > 1 and role_noun(last) in ROLE_NOUNS:
            holder = doc[span.start:span.end - 1]
            while len(holder) and role_noun(holder[-1]) in ROLE_NOUNS:
                holder = holder[:-1]
            known = gazetteer.lookup(holder.text) if len(holder) else None
            if len(holder) and holder[-1].pos_ == "PROPN":
                yield holder, known.type if known else "ORG"
            continue
        organisation_end = _organisation_named_after(span, ent.label_)
        if organisation_end:
            yield doc[span.start:organisation_end], "ORG"
            continue
        yield span, ent.label_


def _organisation_named_after(span: Span, label: str) -> int | None:
    """Where the organisation a place or people's name begins ends: "the United States
    Senate", "the British Army", "the Malagasy National Assembly" (the NER tagged only the
    place or the people). None when the name is not the start of an organisation's.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("He was elected to the United States Senate in 1990.")
    >>> doc[5:_organisation_named_after(doc[5:7], "GPE")].text
    'United States Senate'
    """
    if label not in ("GPE", "NORP", "LOC"):
        return None
    doc = span.doc
    head = span.root.head
    if span.root.dep_ not in ("compound", "amod", "nmod") or head.i < span.end or \
            _NOUN_TYPES.get(head.lower_) != "ORG":
        return None
    between = doc[span.end:head.i + 1]
    if all(t.pos_ == "PROPN" and t.is_title and not t.ent_type_ for t in between):
        return head.i + 1
    return None


_TITLE_MODIFIERS = {"holy", "chief", "petty", "top", "grand", "high", "deputy", "vice", "senior",
                    "junior", "supreme", "prime", "foreign", "first", "lord", "roman", "royal",
                    "imperial"}


def _is_title(span: Span, gazetteer: Gazetteer) -> bool:
    """A title, not a name: "Holy Roman Emperor", "Petty Officer", "Top Scorer" (a
    person's noun after modifiers and demonyms only).

    >>> import spacy
    >>> doc = spacy.blank("en")("Holy Roman Emperor Isaac Bashevis Singer")
    >>> _is_title(doc[0:3], Gazetteer.bundled()), _is_title(doc[3:6], Gazetteer.bundled())
    (True, False)
    """
    words = [t.lower_ for t in span]
    if _NOUN_TYPES.get(words[-1]) != "PERSON" and words[-1] not in ROLE_NOUNS:
        return False
    return all(w in _TITLE_MODIFIERS or w in ROLE_NOUNS or gazetteer.demonym(w) for w in words[:-1])


def _described_names(result: ArticleEntities) -> None:
    """Names the NER missed that a sentence says what they are ("Brigden is a community in
    ...", "Kiirunavaara is a mountain") or that end in a type noun ("the Sawtooth
    Mountains", "Lambton County"). Their later occurrences join them."""
    doc = result.doc
    for token in doc:
        label = _NOUN_TYPES.get(token.lemma_.lower())
        if token.dep_ != "attr" or label is None or token.head.lemma_.lower() not in COPULAS:
            continue
        for subject in token.head.children:
            if subject.dep_ == "nsubj" and subject.pos_ == "PROPN" and subject.is_title:
                _new_name(result, _compound_start(subject), subject.i + 1, label)
    for token in doc:
        start = _compound_start(token)
        if start == token.i or token.dep_ == "compound":
            continue
        noun = _naming_noun(token.lower_)
        if noun is None:
            continue
        label = _NOUN_TYPES[noun]
        if token.pos_ == "PROPN" and token.is_title:  # "the Sawtooth Mountains"
            _new_name(result, start, token.i + 1, label)
        elif token.is_lower and label in ("GPE", "LOC"):  # "Møre og Romsdal county": the
            if doc[start].is_lower and start > 0 and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].is_title:  # name without its noun; not "Iraq war"
                start -= 1  # "Møre" parsed apart from "og Romsdal"
            if not doc[start].is_lower:
                _new_name(result, start, token.i, label)


def _singular(word: str) -> str:
    return word[:-1] if word not in _NOUN_TYPES and word.endswith("s") else word


def _compound_start(head: Token) -> int:
    """Where the proper-noun compound ending in ``head`` starts ("Giske Municipality")."""
    doc, start = head.doc, head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i and \
            doc[start - 1].dep_ == "compound":
        start -= 1
    return start


def _new_name(result: ArticleEntities, start: int, end: int, label: str) -> None:
    """A name cluster for tokens ``start..end`` and every free repetition of its words."""
    doc = result.doc
    if not _free(result, start, end):
        return
    cluster = result.new_cluster()
    cluster.ner_labels[label] += 1
    words = [t.text for t in doc[start:end]]
    for i in range(len(doc) - len(words) + 1):
        if [t.text for t in doc[i:i + len(words)]] == words and _free(result, i, i + len(words)):
            result.add_mention(cluster, i, i + len(words), "name")


def _looks_like_name(span: Span, gazetteer: Gazetteer) -> bool:
    """No name is all lower case ("raise turkey for Thanksgiving"), and one capitalised
    word that is a place, event, person's or role noun is a fragment ("State", "Church",
    "Queen", "Doge"), unless the alias table knows it; a work's noun may be a name ("Epic").

    >>> import spacy
    >>> doc = spacy.blank("en")("raise turkey in the State of Ohio for Apple")
    >>> [_looks_like_name(doc[i:i + 1], Gazetteer.bundled()) for i in (1, 4, 8)]
    [False, False, True]
    """
    if not any(c.isupper() for c in span.text):
        return False
    if len(span) == 1 and gazetteer.lookup(span.text) is None:
        word = span.text.lower()  # "the Army", "the Council" do name an organisation
        return _NOUN_TYPES.get(word) not in (*PLACE_TYPES, "EVENT", "PERSON") and \
            word not in ROLE_NOUNS
    return True


def _is_demonym_modifier(span: Span, label: str, gazetteer: Gazetteer) -> bool:
    """"a Malagasy politician" where the NER said "Malagasy" is a person: a demonym
    modifying a common noun is a demonym, whatever the NER's label."""
    last = span[-1]
    return label not in ("NORP", "GPE", "LOC") and last.dep_ in ("amod", "compound") and \
        last.head.pos_ == "NOUN" and last.head.i > last.i and gazetteer.demonym(span.text) is not None


def _matching_cluster(result, known, words, label, name_words, last_word) -> Cluster | None:
    clusters = list(result.clusters.values())
    if known:
        for cluster in clusters:
            if cluster.known and cluster.known.id == known.id:
                return cluster
    key = set(words)
    for cluster in reversed(clusters):  # most recent first
        if cluster.known and known and cluster.known.id != known.id:
            continue
        seen = name_words[cluster.id]
        if key == seen:
            return cluster
        person = cluster.type == "PERSON" or label == "PERSON"
        if person and len(key) <= 2 and (key <= seen or seen <= key) and cluster.type == "PERSON":
            return cluster
        same_head = words[-1] in last_word[cluster.id]
        if not person and same_head and (key <= seen or seen <= key) and \
                not _place_and_organisation(label, cluster.type):
            return cluster
        if len(words) == 1 and words[0].isalpha() and len(words[0]) >= 2 and _is_acronym(
            words[0], cluster, result.doc
        ):
            return cluster
    return None


def _place_and_organisation(label: str, other: str) -> bool:
    """One is a place, the other an organisation: "Illinois" is not short for "the
    University of Illinois", nor "Canada" for "HGTV Canada"."""
    return {label in PLACE_TYPES, other in PLACE_TYPES} == {True, False} and "ORG" in (label, other)


_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*")


def _bracketed_acronyms(result: ArticleEntities) -> None:
    """"the Olympic Council of Asia (OCA)": an acronym in brackets right after a name,
    starting with the name's first letter, is that name, here and wherever it recurs,
    though the NER took it for no name ("OCA" later in the article).

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("The Olympic Council of Asia (OCA) runs the Games. OCA is in Kuwait.")
    >>> result = resolve_mentions(doc, Gazetteer.bundled())
    >>> [doc[m.start:m.end].text for m in result.cluster_of(1).mentions]
    ['The Olympic Council of Asia', 'OCA', 'OCA']
    """
    doc = result.doc
    for cluster in list(result.clusters.values()):
        for mention in [m for m in cluster.mentions if m.kind == "name"]:
            end = mention.end
            if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
                continue
            acronym = doc[end + 1].text
            first = next(t for t in mention.span(doc) if t.dep_ != "det" or t.i == end - 1)
            if not _ACRONYM.fullmatch(acronym) or acronym[0] != first.text[0] or \
                    result.token_cluster.get(end + 1, cluster.id) != cluster.id:
                continue
            for token in doc:
                if token.text == acronym and _free(result, token.i, token.i + 1):
                    result.add_mention(cluster, token.i, token.i + 1, "name")


def _is_acronym(word: str, cluster: Cluster, doc: Doc) -> bool:
    for mention in cluster.mentions:
        initials = "".join(t.text[0] for t in mention.span(doc)
                           if (t.is_title or t.is_upper) and t.dep_ != "det")
        if len(initials) >= 2 and initials.lower() == word.lower():
            return True
    return False


# --- 2. appositions and titles ------------------------------------------------------

_NP_LEFT = ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "advmod")


def _np_left(head: Token) -> int:
    """Where the noun phrase of ``head`` starts: its own left modifiers, contiguous."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _NP_LEFT or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    return start


def _np_span(head: Token) -> tuple[int, int]:
    """A noun phrase around ``head``: its left modifiers, and an "of ..." complement."""
    start = _np_left(head)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    return start, end


def _free(result: ArticleEntities, start: int, end: int) -> bool:
    return all(i not in result.token_cluster for i in range(start, end))


def _appositions_and_titles(result: ArticleEntities, holders: list) -> None:
    doc = result.doc
    for cluster in list(result.clusters.values()):
        for mention in [m for m in cluster.mentions if m.kind == "name"]:
            span = mention.span(doc)
            for head in _appositive_heads(span, result):
                start, end = _np_span(head) if head.i > span.start else (
                    _np_left(head), span.start)
                while end > start and doc[end - 1].is_punct:
                    end -= 1
                if end <= start or not _free(result, head.i, head.i + 1):
                    continue
                result.add_mention(cluster, start, end, "appos")
                _record_role(cluster.id, head, holders, "appos", span, result)
            if cluster.type == "PERSON":
                _titles(cluster, span, holders, result)


def _appositive_heads(span: Span, result: ArticleEntities) -> list[Token]:
    doc = result.doc
    heads = []
    root = span.root
    # "X, his rocket company, ...": a noun phrase right after the name, between commas
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        for token in doc[span.end + 1: min(len(doc), span.end + 8)]:
            if token.pos_ not in ("NOUN", "PROPN") or token.left_edge.i != span.end + 1:
                continue
            after = token.right_edge.i + 1
            closes = after >= len(doc) or doc[after].text in (",", "—", "–", ")", ".", ";")
            linked = (token.dep_ == "appos" and token.head.i in range(span.start, span.end)) or (
                closes and (token.head == root.head or root.head == token or token.head == root))
            if token.lemma_.lower() in REPORTING_VERBS or token.lower_ in REPORTING_VERBS:
                continue  # ", The Journal reports." mis-parsed as an apposition
            if token.pos_ == "PROPN" and role_noun(token) not in ROLE_NOUNS:
                break  # another name in a list the NER missed: "Willie Nelson, Band of Horses"
            if linked and token.i not in result.token_cluster and token.tag_ not in ("PRP",):
                heads.append(token)
                break
    # "the President of Russia, Vladimir Putin": the name is the appositive
    head = root.head
    between = doc[head.i + 1:span.start] if head.i < span.start else None
    # "the President of Russia, Vladimir Putin": the head's own noun phrase, then a comma
    head_words = set(range(head.i + 1, _np_span(head)[1]))
    only_comma = between is not None and len(between) > 0 and between[-1].text == "," and all(
        t.text == "," or t.i in head_words for t in between)
    # "the scientist Constantine Salkovsky": a common noun right before the name
    adjacent = between is not None and len(between) == 0 and head.pos_ == "NOUN" and root.dep_ == "appos"
    if (adjacent or only_comma and head.pos_ in ("NOUN", "PROPN")) and \
            head.i not in result.token_cluster and (
                root.dep_ == "appos" or (root.dep_ == "conj" and role_noun(head))):  # parsed as a list
        heads.append(head)
    elif span.start >= 2 and doc[span.start - 1].text == "," and (
        span.end >= len(doc) or doc[span.end].text in (",", ".", ";", "—")
    ):  # "the President of Russia, Vladimir Putin, ...", however the name was attached
        for candidate in reversed(doc[max(0, span.start - 8):span.start - 1]):
            last_word = max((t.i for t in candidate.subtree if not t.is_punct), default=candidate.i)
            if role_noun(candidate) and candidate.i not in result.token_cluster and \
                    last_word == span.start - 2:
                heads.append(candidate)
                break
    return heads


_NOUN_TYPES = {noun: label for label, nouns in TYPE_NOUNS.items() for noun in nouns}


def _types_from_descriptions(result: ArticleEntities, gazetteer: Gazetteer) -> None:
    """What the text says a named thing is overrules the NER's guess: "Nîmes is a
    city" (a place, though tagged a person), "Roketsan, a Turkish manufacturer" (an
    organisation), "Lambton County", "the village of Groveton", "towns ... include
    Wereta" (``_kind_exemplified``); so does a name of the
    demonym table ("India" is a country, "Africa" a continent); then where it stands:
    "born in Sudbury, Ontario", "in Nîmes", "west of Jacksboro" (see ``_followed_by_place``,
    ``_inside_of``, ``_bearing_from``), "acquired by Windstream", "plays for Partick
    Thistle" (``_organisation_context``); last, the other names of its list
    (``_types_from_lists``). What a sentence says outright (copula, apposition) weighs most.
    Alias-table entities keep their table type."""
    doc = result.doc
    said: list[tuple[int, str]] = []  # (cluster, noun) what a sentence says it is
    for token in doc:  # "X is a town and comune in ..."
        if token.dep_ != "attr" or token.head.lemma_.lower() not in COPULAS:
            continue
        for subject in token.head.children:
            if subject.dep_ == "nsubj" and result.token_kind.get(subject.i) == "name":
                said.append((result.token_cluster[subject.i], token.lemma_.lower()))
    said += [(cluster.id, mention.span(doc).root.lemma_.lower())  # "X, a Turkish manufacturer"
             for cluster in result.clusters.values() for mention in cluster.mentions
             if mention.kind == "appos"]
    # what a sentence says outweighs the noun a name ends in: "its album, Evil Empire"
    _add_type_evidence(result, said, 20)
    evidence: list[tuple[int, str]] = []
    for cluster in result.clusters.values():
        for mention in cluster.mentions:
            if mention.kind == "name" and (noun := _type_noun_of_name(doc, mention)
                                             or _place_noun_before_of(doc, mention)
                                             or _kind_exemplified(doc, mention)):
                evidence.append((cluster.id, noun))
        kinds = {gazetteer.place_kind(m.span(doc).text) for m in cluster.mentions if m.kind == "name"}
        if len(kinds) == 1 and None not in kinds:
            kind = kinds.pop()
            evidence.append((cluster.id, kind if kind in _NOUN_TYPES else "place"))
    _add_type_evidence(result, evidence, 10)
    evidence = [(cluster.id, "place") for cluster in result.clusters.values()  # then context,
                for mention in cluster.mentions if mention.kind == "name" and (  # which weighs
                    _followed_by_place(result, mention) or _inside_of(doc, mention, cluster)
                    or _bearing_from(doc, mention))]
    _add_type_evidence(result, evidence, 3)  # less: a person named often stays a person
    evidence = [(cluster.id, "organisation") for cluster in result.clusters.values()
                for mention in cluster.mentions
                if mention.kind == "name" and _organisation_context(doc, mention)]
    _add_type_evidence(result, evidence, 3)
    _types_from_lists(result)


# what only organisations have or do: "the CEO of Idealab", "a division of Samsung",
# "published by Nintendo"
_ORGANISATION_NOUNS = {"ceo", "chairman", "chairwoman", "director", "executive", "employee",
                       "subsidiary", "division", "shareholder"}
_ORGANISATION_VERBS = {"publish", "acquire", "manufacture", "distribute"}


def _organisation_context(doc: Doc, mention: MentionSpan) -> bool:
    """"Managing Director of Idealab", "a division of Samsung", "acquired by Windstream",
    "plays for Partick Thistle", "an Altınordu S.K. player": what one directs, is a
    division of, is acquired by, plays for or is a player or member of is an organisation.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("The game was published by Nintendo.")
    >>> _organisation_context(doc, MentionSpan(5, 6, "name"))
    True
    """
    last = doc[mention.end - 1]
    if last.dep_ == "compound" and last.head.i == mention.end and \
            last.head.lemma_.lower() in ORGANISATION_MEMBER_NOUNS:
        return True  # "the first Altınordu S.K. player"
    token = _first_conjunct(last)
    preposition = token.head
    if token.dep_ != "pobj" or preposition.i >= mention.start:
        return False
    governor = preposition.head.lemma_.lower()
    if preposition.lower_ == "for" and governor in ("play", "sign"):
        return True  # "plays for Partick Thistle"
    if preposition.lower_ in ("of", "for"):
        return governor in _ORGANISATION_NOUNS and preposition.head.pos_ in ("NOUN", "PROPN")
    return preposition.lower_ == "by" and governor in _ORGANISATION_VERBS


def _place_noun_before_of(doc: Doc, mention: MentionSpan) -> str | None:
    """"the village of Groveton", "the island of Maui", "the cities of Siena and Forlì":
    the place noun a name is "of".

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("It drains near the village of Groveton.")
    >>> _place_noun_before_of(doc, MentionSpan(6, 7, "name"))
    'village'
    """
    token = _first_conjunct(doc[mention.end - 1])
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.i >= mention.start:
        return None
    noun = token.head.head
    if noun.pos_ != "NOUN" or not noun.is_lower or noun.i > token.head.i:
        return None
    word = _singular(noun.lemma_.lower())
    return word if _NOUN_TYPES.get(word) in ("GPE", "LOC") else None


def _kind_exemplified(doc: Doc, mention: MentionSpan) -> str | None:
    """"Towns in this zone include Addis Zemen and Wereta", "companies such as Aselsan":
    the type noun a list of examples is given for.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("Towns and cities in this zone include Addis Zemen and Wereta.")
    >>> _kind_exemplified(doc, MentionSpan(10, 11, "name"))
    'town'
    """
    token = _first_conjunct(doc[mention.end - 1])
    if token.dep_ == "dobj" and token.head.lemma_.lower() == "include":
        kinds = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif token.dep_ == "pobj" and token.head.lower_ in ("as", "including") and (
            token.head.lower_ == "including" or doc[token.head.i - 1].lower_ == "such"):
        kinds = [token.head.head]
    else:
        return None
    for kind in kinds:
        word = _singular(kind.lemma_.lower())
        if kind.pos_ == "NOUN" and kind.tag_ == "NNS" and _NOUN_TYPES.get(word) not in (
                None, "PERSON"):
            return word
    return None


def _first_conjunct(token: Token) -> Token:
    """The first item of the list ``token`` ends or is in ("Forlì" in "Florence, Siena and
    Forlì" -> "Florence"); ``token`` itself when it is in no list."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _types_from_lists(result: ArticleEntities) -> None:
    """Names in one list are things of one kind: in "Mozambique, Zimbabwe, Cape Verde,
    Lesotho and South Africa", names the NER took for people among three places are
    places too. When most of a name's fellow list members, two at least, are of one kind,
    each of them adds 2 to that kind."""
    doc = result.doc
    groups: dict[int, set[int]] = {}  # first conjunct -> clusters named in the list
    for token in doc:
        if result.token_kind.get(token.i) != "name" or token.dep_ == "compound":
            continue
        first = _first_conjunct(token)
        if first is token and not any(c.dep_ == "conj" for c in token.children):
            continue
        groups.setdefault(first.i, set()).add(result.token_cluster[token.i])
    for clusters in groups.values():
        kinds = {c: _coarse_kind(result.clusters[c].type) for c in clusters}
        for cluster_id in clusters:
            cluster = result.clusters[cluster_id]
            others = Counter(kinds[c] for c in clusters if c != cluster_id)
            if not others or cluster.known is not None:
                continue
            kind, count = others.most_common(1)[0]
            if kind in _KIND_LABELS and kind != kinds[cluster_id] and count >= 2 and \
                    2 * count > sum(others.values()):
                cluster.ner_labels[_KIND_LABELS[kind]] += 2 * count


_KIND_LABELS = {"person": "PERSON", "organisation": "ORG", "place": "GPE"}


def _coarse_kind(label: str) -> str:
    if label in PLACE_TYPES:
        return "place"
    return {"PERSON": "person", "ORG": "organisation"}.get(label, label)


def _add_type_evidence(result: ArticleEntities, evidence: list[tuple[int, str]], weight: int) -> None:
    for cluster_id, noun in evidence:
        cluster = result.clusters[cluster_id]
        label = "GPE" if noun == "place" else _NOUN_TYPES.get(noun)
        if label:
            cluster.kinds.add(noun)
            if cluster.known is None:
                cluster.ner_labels[label] += weight


_AMBIGUOUS_NAME_ENDINGS = {"state", "city", "union", "division", "league", "network", "label",
                           "government", "brand", "model", "general", "hall", "camp"}


def _type_noun_of_name(doc: Doc, mention: MentionSpan) -> str | None:
    """The type noun a name ends in, has before its "of", or is next to: "Lambton
    County", "Kunene River", "University of Alberta", "Moscow School of Painting", "Møre og
    Romsdal county", "rock group Led Zeppelin". Words that also end other kinds of names
    ("Ohio State", "Manchester City") and people's nouns ("The Painter") say nothing.

    >>> import spacy
    >>> doc = spacy.blank("en")("Roald is in Giske Municipality and Ohio State")
    >>> _type_noun_of_name(doc, MentionSpan(3, 5, "name")), _type_noun_of_name(doc, MentionSpan(6, 8, "name"))
    ('municipality', None)
    """
    last = doc[mention.end - 1]
    candidates = [last] if mention.end - mention.start > 1 else []
    first = doc[mention.start]
    of = next((t for t in doc[mention.start + 1:mention.end - 1] if t.lower_ == "of"), None)
    if of is not None and doc[of.i - 1].is_title:  # "University of Alberta", "Gulf of
        candidates.insert(0, doc[of.i - 1])  # Mexico", "Moscow School of Painting"
    elif mention.end - mention.start == 2 and first.lower_ in _PLACE_NAME_STARTS:
        return _PLACE_NAME_STARTS[first.lower_]  # "Lake Tana"; not "Fort Wayne Pistons"
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and after.is_lower and last.head == after and \
            _singular(after.lower_) not in _BODIES_OF_PLACES:
        candidates.append(after)  # "Møre og Romsdal county", not "Texas courts"
    before = doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.is_lower and before.pos_ == "NOUN" and \
            before.head.i in range(mention.start, mention.end):
        candidates.append(before)  # "English rock group Led Zeppelin"
    for token in candidates:
        noun = _naming_noun((token.lemma_ or token.lower_).lower(), people=token is before)
        if noun:
            return noun
    if mention.end - mention.start > 1 and (first.text in _ORGANISATION_DESIGNATORS or
                                            last.text in _ORGANISATION_DESIGNATORS):
        return "organisation"  # "FC Brno", "Beşiktaş JK", "Shed Media Ltd"
    return None


# first words of place names: "Mount Guna", "Lake Tana", "Fort Worth", "Port Louis" (not
# "Cape": "Cape Verde" is a country)
_PLACE_NAME_STARTS = {"mount": "mountain", "lake": "lake", "fort": "fort", "port": "town"}

# what places have: "Texas courts" are not what "Texas" names
_BODIES_OF_PLACES = {"court", "police", "senate", "congress", "parliament", "assembly",
                     "legislature", "government", "army", "navy", "council"}

# what companies and clubs add to their names
_ORGANISATION_DESIGNATORS = {
    "FC", "F.C.", "AFC", "CF", "SC", "SK", "S.K.", "JK", "FK", "AC", "BK", "IF", "IK", "SV",
    "VfB", "VfL", "ŠK", "MŠK", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "plc", "PLC", "GmbH", "AG",
    "S.A.", "SpA", "S.p.A.", "NV", "N.V.", "ASA", "Oyj", "Corp", "Corp.", "Co.", "LLP", "Pty",
}


def _naming_noun(word: str, people: bool = False) -> str | None:
    """The type noun ``word`` is (singular: "Mountains" -> "mountain") when it can type a
    name: not one that ends other kinds of names too, and not a person's noun ("The
    Painter" names a work) unless ``people`` (a noun before the name: "singer Christina
    Aguilera")."""
    noun = _singular(word)
    label = _NOUN_TYPES.get(noun)
    if label in ("WORK_OF_ART", "PRODUCT") and not people:
        return None
    return noun if label and (people or label != "PERSON") and \
        noun not in _AMBIGUOUS_NAME_ENDINGS else None


_PLACE_PREPOSITIONS = {"in", "near", "outside", "from", "of"}


def _followed_by_place(result: ArticleEntities, mention: MentionSpan) -> bool:
    """"born in Sudbury, Ontario": a name after a preposition and before ", <a place>" is a
    place too, unless a list goes on ("in Paris, France and Madrid")."""
    doc = result.doc
    if mention.start == 0 or doc[mention.start - 1].lower_ not in _PLACE_PREPOSITIONS:
        return False
    if mention.end + 1 >= len(doc) or doc[mention.end].text != ",":
        return False
    outer = result.cluster_of(mention.end + 1)
    if outer is None or outer.type != "GPE" or result.token_kind.get(mention.end + 1) != "name":
        return False
    after = next((m.end for m in outer.mentions if m.start == mention.end + 1), mention.end + 2)
    return doc[after].lower_ not in ("and", "or") if after < len(doc) else True


def _bearing_from(doc: Doc, mention: MentionSpan) -> bool:
    """"west of Jacksboro", "bordered on the north by Semien Gondar": what lies in a
    direction from something, or borders it, is a place.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("The river joins the Missouri west of Culbertson.")
    >>> _bearing_from(doc, MentionSpan(7, 8, "name"))
    True
    """
    token = _first_conjunct(doc[mention.end - 1])
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in ("of", "by") or \
            preposition.i >= mention.start:
        return False
    governor = preposition.head
    if governor.lower_ in COMPASS_POINTS or governor.lemma_.lower() == "border":
        return True
    # "bordered on the north by X": "by" hangs on the direction's phrase or on the verb
    return preposition.lower_ == "by" and any(
        t.lower_ in COMPASS_POINTS for t in doc[max(0, preposition.i - 4):preposition.i])


# what one is in when it is a place: "born in", "based in", "a town in"
_SITING_WORDS = {"bear", "die", "locate", "base", "live", "situate", "grow", "raise", "settle",
                 "bury", "reside", "headquarter", "town", "city", "village"}


def _inside_of(doc: Doc, mention: MentionSpan, cluster: Cluster) -> bool:
    """"in Nîmes": what something is in is no person ("in Obama's view" is possessive); and
    what one is born, based or buried in is a place, whatever the NER said ("based in
    Nashville")."""
    root = doc[mention.end - 1]
    if root.dep_ != "pobj" or root.head.lower_ != "in" or root.head.i != mention.start - 1:
        return False
    if any(c.dep_ == "case" for c in root.children):
        return False
    said_person = bool(cluster.ner_labels) and cluster.ner_labels.most_common(1)[0][0] == "PERSON"
    return said_person or root.head.head.lemma_.lower() in _SITING_WORDS


def _definite_things(result: ArticleEntities) -> None:
    """"The town", "the company": the nearest thing before it that the text called a town
    or a company ("Westmere is a hamlet ... The hamlet's school ..."). People are left to
    the role descriptions of step 3."""
    doc = result.doc
    for token in doc:
        noun = token.lemma_.lower()
        if token.pos_ != "NOUN" or token.i in result.token_cluster or \
                _NOUN_TYPES.get(noun) in (None, "PERSON"):
            continue
        determiners = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound")]
        if [c.lower_ for c in determiners] != ["the"] or token.tag_ != "NN":
            continue  # only a bare "the town", not "the old town" or "the towns"
        if any(c.dep_ in ("prep", "appos", "acl", "relcl") and c.lower_ not in ("in", "on", "at")
               for c in token.children):
            continue  # "the town of Guilderland", "the company Havelsan" name their own
        before = [(m.start, c) for c in result.clusters.values() if noun in c.kinds
                  for m in c.mentions if m.start < token.i]
        if before:
            _, cluster = max(before, key=lambda item: item[0])
            result.add_mention(cluster, determiners[0].i, token.i + 1, "role")


def _record_role(cluster_id: int, head: Token, holders: list, via: str, anchor: Span, result):
    noun = role_noun(head)
    if noun is None:
        # "SpaceX, his rocket company", "Starlink, a SpaceX subsidiary": a possessed or
        # modified noun still links the two ("company of", "subsidiary of")
        holder = next((c for c in head.children if c.dep_ == "poss"), None)
        if holder is None and (_NOUN_TYPES.get(head.lemma_.lower()) == "ORG" or
                               head.lemma_.lower() in KIN_NOUNS):
            # "a SpaceX subsidiary", "Marie, the wife of Johan Angell"; not "Romsdal county, Norway"
            holder = _holder_token(head)
        if holder is not None:
            holders.append((cluster_id, normalize_name(head.lemma_ or head.text), holder.i,
                            min(head.left_edge.i, anchor.start), max(head.i + 1, anchor.end), via))
        return
    holder = _holder_token(head)
    if holder is not None:
        holders.append((cluster_id, noun, holder.i, min(head.left_edge.i, anchor.start),
                        max(head.i + 1, anchor.end), via))


def _holder_token(head: Token) -> Token | None:
    """What a role noun is a role *of*: "of Russia", "China's", "Tesla", "Russian"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for child in head.children:
        if child.dep_ == "poss":
            return child
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i and (
            child.ent_type_ in ("ORG", "GPE", "NORP", "PRODUCT") or child.pos_ == "PROPN"
        ) and not role_noun(child):
            return child
    return None


def _titles(cluster: Cluster, span: Span, holders: list, result: ArticleEntities) -> None:
    """"President Vladimir Putin of Russia", "Russian President Vladimir Putin", "Afghan
    Prime Minister Gulbuddin Hekmatyar"; lower-case only before a holder: "Soviet leader
    Leonid Brezhnev"."""
    doc = result.doc
    title = doc[span.start - 1] if span.start > 0 else None
    noun = role_noun(title) if title is not None else None
    if noun is None:
        return
    if not title.is_title and not (noun in ROLE_NOUNS and title.dep_ == "compound"
                                   and span.start <= title.head.i < span.end):
        return
    holder = None
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            holder = next((t for t in child.children if t.dep_ == "pobj"), None)
    first = title.i - noun.count(" ")  # "Prime Minister" begins at "Prime"
    if holder is None and first > 0:
        before = doc[first - 1]
        if before.ent_type_ in ("NORP", "GPE", "ORG"):
            holder = before
    if holder is None and not title.is_title:
        return  # "the singer Zella Lehr": no title, and nothing it is held in
    result.add_mention(cluster, title.i, title.i + 1, "title")
    if holder is not None:
        end = max(span.end, holder.i + 1)
        holders.append((cluster.id, noun, holder.i, min(title.i, holder.i), end, "title"))


def _holder_cluster(result: ArticleEntities, token_index: int, gazetteer: Gazetteer) -> int | None:
    doc = result.doc
    cluster = result.cluster_of(token_index)
    if cluster is not None and result.token_kind[token_index] not in ("appos", "role", "title"):
        return cluster.id  # a holder inside the description itself is not the described
    token = doc[token_index]
    place = gazetteer.demonym(token.text)
    if place is None:
        return None
    existing = _cluster_labelled(result, place)
    if existing is not None:
        return existing.id
    return _place_cluster(result, gazetteer, place, token.i, token.i + 1).id


def _cluster_labelled(result: ArticleEntities, place: str) -> Cluster | None:
    key = normalize_name(place)
    return next((c for c in result.clusters.values() if normalize_name(_label(c, result.doc)) == key),
                None)


def _place_cluster(result: ArticleEntities, gazetteer: Gazetteer, place: str, start: int,
                   end: int) -> Cluster:
    """The cluster of ``place`` (found by its label, else created), given the demonym at
    tokens ``start..end`` as a mention."""
    cluster = _cluster_labelled(result, place)
    if cluster is None:
        cluster = result.new_cluster()
        cluster.known = gazetteer.lookup(place)
        cluster.place = place
        cluster.ner_labels["GPE"] += 1
    result.add_mention(cluster, start, end, "demonym")
    return cluster


# --- 3b. demonyms ---------------------------------------------------------------------

_DEMONYM_DEPS = ("amod", "compound", "nmod", "acomp", "npadvmod")


def _starts_a_name(span: Span) -> bool:
    """"the French Resistance", "a British Army officer", "the Asian Games": a demonym
    modifying a capitalised name the NER missed is a word of that name, not a demonym.
    A role or a person after it keeps it one ("Russian President Vladimir Putin", "the
    Mughal Emperor").

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("The French Resistance fought on. The Russian President Vladimir Putin spoke.")
    >>> _starts_a_name(doc[1:2]), _starts_a_name(doc[6:7])
    (True, False)
    """
    doc = span.doc
    head = span[-1].head
    if head.i <= span.end - 1 or head.pos_ != "PROPN" or not head.is_title:
        return False
    following = doc[span.end:head.i + 1]
    return all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and not t.ent_type_ and
               not role_noun(t) and _NOUN_TYPES.get(t.lower_) != "PERSON" for t in following)


def _describing(result: ArticleEntities, span: Span) -> bool:
    """True when no name, pronoun or demonym covers the span (a description may)."""
    kinds = {result.token_kind.get(t.i) for t in span}
    return kinds <= {None, "appos", "role", "title"}


def _demonyms(result: ArticleEntities, gazetteer: Gazetteer) -> None:
    """Demonyms used as modifiers ("an American actor", "a Turkish manufacturer", "he is
    Swedish") become mentions of their place, so the graph knows the text ties the two.
    Nouns ("the Russians"), languages ("in English") and words inside a name ("American
    Airlines") are left alone."""
    doc = result.doc
    i = 0
    while i < len(doc):
        for width in (2, 1):
            span = doc[i:i + width]
            if len(span) < width or not _describing(result, span):
                continue
            last = span[-1]
            if not all(t.is_title or t.is_upper for t in span) or last.dep_ not in _DEMONYM_DEPS:
                continue
            if last.ent_type_ and last.ent_type_ not in ("NORP", "GPE", "LOC") and \
                    not _is_demonym_modifier(span, last.ent_type_, gazetteer):
                continue
            if _starts_a_name(span):
                continue
            place = gazetteer.demonym(span.text)
            if place is not None:
                _place_cluster(result, gazetteer, place, span.start, span.end)
                i += width - 1
                break
        i += 1


# --- 3. descriptions ----------------------------------------------------------------

def _descriptions(result: ArticleEntities, gazetteer: Gazetteer) -> None:
    doc = result.doc
    found = []
    for token in doc:
        if token.i in result.token_cluster:
            continue
        noun = role_noun(token)
        if noun is None or token.dep_ in ("compound", "appos"):
            continue
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        holder = _holder_token(token)
        if "the" not in determiners and holder is None:
            continue
        if holder is not None and holder.tag_ in ("PRP$", "PRP"):
            continue  # "his president" is not a description of a person
        found.append((token, noun, holder))
    # descriptions naming a holder first, so "the former president" can skip the person
    # "the Russian leader" already names in the same sentence
    found.sort(key=lambda item: (item[2] is None, item[0].i))
    for token, noun, holder in found:
        cluster = _describe(result, gazetteer, token, noun, holder)
        if cluster is None:
            continue
        start = token.left_edge.i
        while start < token.i and doc[start].is_punct:
            start += 1
        # the holder first: the description's span covers it ("the Russian president")
        holder_id = _holder_cluster(result, holder.i, gazetteer) if holder is not None else None
        result.add_mention(cluster, start, token.i + 1, "role")
        if holder_id is not None and holder_id != cluster.id:
            result.role_facts.append(RoleFact(cluster.id, noun, holder_id, start, token.i + 1, "role"))


def _holder_name(result: ArticleEntities, holder: Token | None, gazetteer: Gazetteer) -> str:
    if holder is None:
        return ""
    cluster = result.cluster_of(holder)
    if cluster is not None:
        return cluster.known.label if cluster.known else _label(cluster, result.doc)
    return gazetteer.demonym(holder.text) or holder.text


def _describe(result, gazetteer, token: Token, noun: str, holder: Token | None) -> Cluster | None:
    doc = result.doc
    holder_name = _holder_name(result, holder, gazetteer)
    holder_key = normalize_name(holder_name)
    people = [c for c in result.clusters.values() if c.type == "PERSON"]
    candidates = []
    for cluster in people:
        facts = [f for f in result.role_facts if f.entity == cluster.id and f.noun == noun]
        learned = any(
            not holder_key or (f.holder is not None and normalize_name(
                _label(result.clusters[f.holder], doc)) == holder_key)
            for f in facts
        )
        known_roles = cluster.known.roles if cluster.known else ()
        listed = any(
            normalize_name(r.partition(":")[0]) == noun
            and (not holder_key or normalize_name(r.partition(":")[2]) == holder_key)
            for r in known_roles
        )
        if learned or listed:
            candidates.append(cluster)
    if not candidates:
        return None
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    named_here = {result.token_cluster[t.i] for t in clause.subtree
                  if t.i in result.token_cluster and not token.left_edge.i <= t.i <= token.i}
    remaining = [c for c in candidates if c.id not in named_here]
    if not remaining:
        return None

    def recency(cluster: Cluster) -> tuple[int, int]:
        before = [m.start for m in cluster.mentions if m.start < token.i]
        return (1, max(before)) if before else (0, -min(m.start for m in cluster.mentions))

    return max(remaining, key=recency)


# --- labels -------------------------------------------------------------------------

def _label(cluster: Cluster, doc: Doc) -> str:
    """The cluster's name: the alias-table label, else its longest name mention."""
    if cluster.known:
        return cluster.known.label
    names = [m.span(doc) for m in cluster.mentions if m.kind == "name"]
    if not names and cluster.place:
        return cluster.place
    if not names:
        names = [m.span(doc) for m in cluster.mentions]
    texts = Counter(" ".join(span.text.split()) for span in names)
    return max(texts, key=lambda t: (len(t.split()), texts[t], -len(t), t))
