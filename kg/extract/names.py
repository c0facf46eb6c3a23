"""Finding the names an article uses, and grouping them: step 1 of coreference.

"Musk" and "Elon" join "Elon Musk" (their words are part of a person's name); "The Journal"
joins "The Wall Street Journal" (same head word); "U.S." joins "United States" (same row of
the alias table). Names the NER missed that the text says what they are ("Brigden is a
community"), and acronyms in brackets ("the Olympic Council of Asia (OCA)"), are added.
Last, demonyms used as modifiers ("an American actor") become ``demonym`` mentions of their
place.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.lexicon import (
    COPULAS,
    DATE_WORDS,
    PLACE_TYPES,
    ROLE_NOUNS,
)
from kg.extract.mentions import (
    NOUN_TYPES,
    ArticleEntities,
    Cluster,
    MentionSpan,
    compound_start,
    is_free,
    naming_noun,
    place_cluster,
    role_noun,
    singular,
    token_texts,
)
from kg.gazetteer import Gazetteer
from kg.names import normalize_name

__all__ = ["cluster_names", "described_names", "defined_aliases", "demonyms",
           "is_demonym_modifier"]


_MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
         "yesterday", "tomorrow"}  # not months: Theresa May


def _name_span(ent: Span) -> Span | None:
    """The entity span without leading titles ("President") or trailing possessives."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_space or doc[end - 1].text == "-" or
                           (end - start > 1 and doc[end - 1].lower_ in _DAYS)):
        end -= 1  # "Wikinews Saturday": the NER took the day into the name
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


def _words(span: Span) -> list[str]:
    return [normalize_name(t.text) for t in span if t.dep_ != "det" and t.tag_ != "POS"
            and normalize_name(t.text)]


def cluster_names(result: ArticleEntities, gazetteer: Gazetteer, labels) -> None:
    doc = result.doc
    names: dict[int, list[tuple[str, ...]]] = {}  # cluster id -> the word sequences of its names
    for span, label in _names(doc, labels, gazetteer):
        if label == "NORP" and span.root.dep_ in ("amod", "compound", "nmod"):
            continue  # "the Russian president": a modifier, used for roles, not a node
        known = gazetteer.lookup(span.text)
        words = _words(span)
        if not words:
            continue
        cluster = _matching_cluster(result, known, words, label, names)
        if cluster is None or cluster is AMBIGUOUS:  # "Bernoulli" among three Bernoullis: its own
            cluster = result.new_cluster()
            names[cluster.id] = []
        if known and cluster.known is None:
            cluster.known = known
        cluster.ner_labels[label] += 1
        names[cluster.id].append(tuple(words))
        result.add_mention(cluster, span.start, span.end, "name")


def _names(doc: Doc, labels, gazetteer: Gazetteer):
    """(name span, NER label) of the entities kg keeps. A "person" ending in a role noun is
    a description, not a name: "The Tesla C.E.O." yields the organisation "Tesla" (its
    alias-table type if known), and the description is read in step 3."""
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        span = _name_span(ent)
        if span is None or is_demonym_modifier(span, ent.label_, gazetteer) or \
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
            NOUN_TYPES.get(head.lower_) != "ORG":
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
    if NOUN_TYPES.get(words[-1]) != "PERSON" and words[-1] not in ROLE_NOUNS:
        return False
    return all(w in _TITLE_MODIFIERS or w in ROLE_NOUNS or gazetteer.demonym(w) for w in words[:-1])


def described_names(result: ArticleEntities) -> None:
    """Names the NER missed that a sentence says what they are ("Brigden is a community in
    ...", "Kiirunavaara is a mountain") or that end in a type noun ("the Sawtooth
    Mountains", "Lambton County"). Their later occurrences join them."""
    doc = result.doc
    for token in doc:
        label = NOUN_TYPES.get(token.lemma_.lower())
        if token.dep_ != "attr" or label is None or token.head.lemma_.lower() not in COPULAS:
            continue
        for subject in token.head.children:
            if subject.dep_ == "nsubj" and subject.pos_ == "PROPN" and subject.is_title:
                _new_name(result, compound_start(subject), subject.i + 1, label)
    for token in doc:
        start = compound_start(token)
        if start == token.i or token.dep_ == "compound":
            continue
        noun = naming_noun(token.lower_)
        if noun is None:
            continue
        label = NOUN_TYPES[noun]
        if token.pos_ == "PROPN" and token.is_title:  # "the Sawtooth Mountains"
            _new_name(result, start, token.i + 1, label)
        elif token.is_lower and label in ("GPE", "LOC"):  # "Møre og Romsdal county": the
            if doc[start].is_lower and start > 0 and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].is_title:  # name without its noun; not "Iraq war"
                start -= 1  # "Møre" parsed apart from "og Romsdal"
            if not doc[start].is_lower:
                _new_name(result, start, token.i, label)


def _new_name(result: ArticleEntities, start: int, end: int, label: str) -> None:
    """A name cluster for tokens ``start..end`` and every free repetition of its words."""
    if not is_free(result, start, end):
        return
    cluster = result.new_cluster()
    cluster.ner_labels[label] += 1
    _add_repetitions(result, cluster, start, end)


def _add_repetitions(result: ArticleEntities, cluster: Cluster, start: int, end: int) -> None:
    """Every free stretch of the article with the words of tokens ``start..end`` becomes a
    name mention of ``cluster``."""
    texts = token_texts(result.doc)
    words, width = texts[start:end], end - start
    for i in range(len(texts) - width + 1):
        if texts[i] == words[0] and texts[i:i + width] == words and is_free(result, i, i + width):
            result.add_mention(cluster, i, i + width, "name")


def _looks_like_name(span: Span, gazetteer: Gazetteer) -> bool:
    """No name is all lower case ("raise turkey for Thanksgiving") or a date ("Wednesday"),
    and one capitalised word that is a place, event, person's or role noun is a fragment
    ("State", "Church", "Queen", "Doge"), unless the alias table knows it; a work's noun may
    be a name ("Epic").

    >>> import spacy
    >>> doc = spacy.blank("en")("raise turkey in the State of Ohio for Apple")
    >>> [_looks_like_name(doc[i:i + 1], Gazetteer.bundled()) for i in (1, 4, 8)]
    [False, False, True]
    """
    if not any(c.isupper() for c in span.text):
        return False
    if all(t.lower_.rstrip("s") in DATE_WORDS or t.lower_ in DATE_WORDS or t.like_num or t.is_punct
           for t in span):
        return False  # "Wednesday", "May 2021": a date the NER called a place or a person
    if len(span) == 1 and gazetteer.lookup(span.text) is None:
        word = span.text.lower()  # "the Army", "the Council" do name an organisation
        return NOUN_TYPES.get(word) not in (*PLACE_TYPES, "EVENT", "PERSON") and \
            word not in ROLE_NOUNS
    return True


def is_demonym_modifier(span: Span, label: str, gazetteer: Gazetteer) -> bool:
    """"a Malagasy politician" where the NER said "Malagasy" is a person: a demonym
    modifying a common noun is a demonym, whatever the NER's label."""
    last = span[-1]
    return label not in ("NORP", "GPE", "LOC") and last.dep_ in ("amod", "compound") and \
        last.head.pos_ == "NOUN" and last.head.i > last.i and gazetteer.demonym(span.text) is not None


#: What :func:`_matching_cluster` returns for a part of a name several people share.
AMBIGUOUS = Cluster(-1)


def _matching_cluster(result, known, words, label, names) -> Cluster | None:
    """The cluster a name joins: the same alias-table row; the same words; a part of a
    person's name (the article's one person so named, or the first-named of them, else
    :data:`AMBIGUOUS`); or a shorter form of another name with the same last word."""
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
    if label == "PERSON" and len(key) <= 2:
        people = [c for c in comparable if c.type == "PERSON" and not _another_known_person(c, words)
                  and (key <= set().union(*names[c.id]) or set().union(*names[c.id]) <= key)]
        if people:
            first_person = min((c for c in clusters if c.type == "PERSON"), key=lambda c: c.first_token())
            return _one_person(people, names, first_person)
    for cluster in comparable:
        seen = set().union(*names[cluster.id])
        same_head = any(name[-1] == words[-1] for name in names[cluster.id])
        if label != "PERSON" and cluster.type != "PERSON" and same_head and \
                (key <= seen or seen <= key) and not _place_and_organisation(label, cluster.type) \
                and _may_shorten(key, seen, label, cluster.type, _capitals(result.doc)) and \
                _shortened_by_its_head(words, names[cluster.id], label, cluster.type):
            return cluster
        if len(words) == 1 and words[0].isalpha() and len(words[0]) >= 2 and _is_acronym(
            words[0], cluster, result.doc
        ):
            return cluster
    return None


def _one_person(people: list[Cluster], names: dict[int, list[tuple[str, ...]]],
                first_person: Cluster) -> Cluster:
    """Of the people a part of a name fits (most recent first), the one it means: the most
    recent when all their names nest ("Daniel Bernoulli", "Daniel Bernoulli FRS"); else the
    first person the article named, when that is one of them (in Zaha Hadid's biography,
    "Hadid" is Zaha, not her father); else :data:`AMBIGUOUS`."""
    full = [set().union(*names[c.id]) for c in people]
    if all(a <= b or b <= a for a in full for b in full):
        return people[0]
    return first_person if first_person in people else AMBIGUOUS


def _shortened_by_its_head(words: list[str], others: list[tuple[str, ...]], label: str,
                           other: str) -> bool:
    """An organisation's shorter name ends its longer one ("the Journal", "Security Council"
    of "the UN Security Council"); "University of California" is not "University of Southern
    California". Places have their own test (:func:`_may_shorten`)."""
    if label in PLACE_TYPES or other in PLACE_TYPES:
        return True
    new = tuple(words)
    for name in others:
        shorter, longer = (new, name) if len(new) <= len(name) else (name, new)
        if longer[len(longer) - len(shorter):] == shorter:
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


def _may_shorten(key: set[str], seen: set[str], label: str, other: str,
                 capitals: set[str] | None = None) -> bool:
    """Whether the shorter of two names with the same last word can stand for the longer:
    "the Journal" for "The Wall Street Journal", "Lambton" for "Lambton County". A place is
    not shortened by dropping the words before its last ("Mexico" is not "New Mexico",
    "Ireland" not "Northern Ireland"): only "of" or a type noun of the shorter name's own type
    may go ("the Province of Rieti" is Rieti, "the Gulf of Mexico" is not Mexico). An acronym
    stands only for the words it abbreviates ("AI" is not "Clipboard AI").

    >>> _may_shorten({"mexico"}, {"new", "mexico"}, "GPE", "GPE")
    False
    >>> _may_shorten({"mexico"}, {"gulf", "of", "mexico"}, "GPE", "LOC")
    False
    >>> _may_shorten({"rieti"}, {"province", "of", "rieti"}, "GPE", "GPE")
    True
    >>> _may_shorten({"journal"}, {"wall", "street", "journal"}, "ORG", "ORG")
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


_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*")


def defined_aliases(result: ArticleEntities) -> None:
    """Other names an article gives a name: "the Olympic Council of Asia (OCA)" (an acronym
    in brackets starting with the name's first letter), "the International Court of
    Justice, or World Court,", "X, also known as Y". The other name is the same entity here
    and wherever it recurs, whether the NER took it for no name or for a name of its own.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("The Olympic Council of Asia (OCA) runs the Games. OCA is in Kuwait.")
    >>> from kg.extract.coref import resolve_mentions
    >>> result = resolve_mentions(doc, Gazetteer.bundled())
    >>> [doc[m.start:m.end].text for m in result.cluster_of(1).mentions]
    ['The Olympic Council of Asia', 'OCA', 'OCA']
    """
    doc = result.doc
    for cluster in list(result.clusters.values()):
        if cluster.id not in result.clusters:
            continue  # merged into another already
        for mention in [m for m in cluster.mentions if m.kind == "name"]:
            alias = _alias_after(doc, mention)
            if alias is None:
                continue
            start, end = alias
            other = {result.token_cluster.get(i) for i in range(start, end)} - {None, cluster.id}
            if len(other) == 1:
                owner = result.clusters[other.pop()]
                names = {doc[m.start:m.end].text for m in owner.mentions if m.kind == "name"}
                if names == {doc[start:end].text}:
                    result.merge(owner, cluster)
                continue
            if other:
                continue
            _add_repetitions(result, cluster, start, end)


_ALIAS_MARKERS = (("or",), ("also", "known", "as"), ("known", "as"), ("also", "called"), ("aka",))


def _alias_after(doc: Doc, mention: MentionSpan) -> tuple[int, int] | None:
    """Tokens of the other name given right after a name mention, or None."""
    end = mention.end
    if end + 2 < len(doc) and doc[end].text == "(" and _ACRONYM.fullmatch(doc[end + 1].text) and \
            doc[end + 2].text == ")":
        first = next(t for t in mention.span(doc) if t.dep_ != "det" or t.i == end - 1)
        return (end + 1, end + 2) if doc[end + 1].text[0] == first.text[0] else None
    if end >= len(doc) or doc[end].text != ",":
        return None
    for marker in _ALIAS_MARKERS:
        after = end + 1 + len(marker)
        if [t.lower_ for t in doc[end + 1:after]] != list(marker):
            continue
        stop = after
        while stop < len(doc) and (doc[stop].is_title or doc[stop].is_upper) and not doc[stop].is_punct:
            stop += 1
        closed = stop >= len(doc) or doc[stop].text in (",", ")", ".", ";")
        return (after, stop) if stop > after and closed else None
    return None


def _is_acronym(word: str, cluster: Cluster, doc: Doc) -> bool:
    for mention in cluster.mentions:
        initials = "".join(t.text[0] for t in mention.span(doc)
                           if (t.is_title or t.is_upper) and t.dep_ != "det")
        if len(initials) >= 2 and initials.lower() == word.lower():
            return True
    return False


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
               not role_noun(t) and NOUN_TYPES.get(t.lower_) != "PERSON" for t in following)


def _describing(result: ArticleEntities, span: Span) -> bool:
    """True when no name, pronoun or demonym covers the span (a description may)."""
    kinds = {result.token_kind.get(t.i) for t in span}
    return kinds <= {None, "appos", "role", "title"}


def demonyms(result: ArticleEntities, gazetteer: Gazetteer) -> None:
    """Demonyms used as modifiers ("an American actor", "a Turkish manufacturer", "he is
    Swedish") become mentions of their place, so the graph knows the text ties the two.
    Nouns ("the Russians"), languages ("in English") and words inside a name ("American
    Airlines") are left alone."""
    doc = result.doc
    i = 0
    while i < len(doc):
        if not (doc[i].is_title or doc[i].is_upper):  # every demonym starts with a capital
            i += 1
            continue
        for width in (2, 1):
            span = doc[i:i + width]
            if len(span) < width:
                continue
            last = span[-1]
            if not all(t.is_title or t.is_upper for t in span) or last.dep_ not in _DEMONYM_DEPS or \
                    not _describing(result, span):
                continue
            if last.ent_type_ and last.ent_type_ not in ("NORP", "GPE", "LOC") and \
                    not is_demonym_modifier(span, last.ent_type_, gazetteer):
                continue
            if _starts_a_name(span):
                continue
            place = gazetteer.demonym(span.text)
            if place is not None:
                place_cluster(result, gazetteer, place, span.start, span.end)
                i += width - 1
                break
        i += 1
