"""Finding the names an article uses, and grouping them: step 1 of coreference.

"Musk" and "Elon" join "Elon Musk" (their words are part of a person's name); "The Journal"
joins "The Wall Street Journal" (same head word); "U.S." joins "United States" (same row of
the alias table). Acronyms in brackets ("the Olympic Council of Asia (OCA)") are added;
names the NER missed that the text shows to be names are :mod:`kg.extract.missed_names`.
Which cluster a name joins is :mod:`kg.extract.name_joining`; demonyms used as modifiers
("an American actor") are :mod:`kg.extract.demonyms`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.lexicon import (
    DATE_WORDS,
    MEMBER_NOUNS,
    PLACE_TYPES,
    ROLE_NOUNS,
)
from kg.extract.mentions import (
    NOUN_TYPES,
    ArticleEntities,
    Cluster,
    MentionSpan,
    is_free,
    role_noun,
    token_texts,
)
from kg.extract.name_joining import matching_cluster
from kg.extract.name_spans import (
    campus_end,
    compass_and_place,
    heading_capitals,
    is_part_of_title,
    is_stance,
    is_title,
    joined_names,
    name_span,
    occupation_before_person,
    organisation_named_after,
)
from kg.gazetteer import Gazetteer
from kg.names import normalize_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span

__all__ = ["cluster_names", "defined_aliases", "repeated_names", "is_demonym_modifier",
           "new_name", "heading_test", "is_date"]


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
        cluster = matching_cluster(result, known, words, label, names)
        if cluster is None:  # a new name, or "Bernoulli" among three Bernoullis
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
    alias-table type if known), and the description is read in step 3; so is an
    "organisation" ending in a member's noun ("Labour MP", "an Arsenal player")."""
    taken = 0  # tokens before this one belong to a name already given
    common = heading_test(doc, gazetteer)
    ents = list(doc.ents)
    for index, ent in enumerate(ents):
        if ent.label_ not in labels or ent.start < taken:
            continue
        place = compass_and_place(ent, ents[index + 1] if index + 1 < len(ents) else None)
        if place is not None:  # "the East" + "Los Angeles": East Los Angeles
            taken = place.end
            yield place, "GPE"
            continue
        span = name_span(ent)
        if span is not None and span.end > ent.end:
            taken = span.end  # a name extended over what the NER tagged apart: "Battle of Chudnov"
        if span is None or is_demonym_modifier(span, ent.label_, gazetteer) or \
                _is_language(span, gazetteer) or common(span) or \
                not _looks_like_name(span, gazetteer) or is_stance(span) or is_part_of_title(span):
            continue
        if ent.label_ != "PERSON" and occupation_before_person(span):
            yield doc[span.start + 1:span.end], "PERSON"  # "Biologist Nick Bos", tagged ORG
            continue
        if ent.label_ == "ORG" and (campus := campus_end(span)):
            taken = campus  # "University of Texas at Austin": one university, not two
            yield doc[span.start:campus], "ORG"
            continue
        last = doc[span.end - 1]
        if ent.label_ == "PERSON" and is_title(span, gazetteer):
            continue
        # a member's noun ends no organisation's name ("Labour MP"); a job's noun may be a
        # title ("Emeritus Professor"), so only members' nouns
        if len(span) > 1 and (ent.label_ in ("PERSON", "ORG") and role_noun(last) in ROLE_NOUNS or
                              ent.label_ == "ORG" and last.lower_ in MEMBER_NOUNS):
            holder = doc[span.start:span.end - 1]
            while len(holder) and role_noun(holder[-1]) in ROLE_NOUNS:
                holder = holder[:-1]
            known = gazetteer.lookup(holder.text) if len(holder) else None
            if len(holder) and holder[-1].pos_ == "PROPN":
                yield holder, known.type if known else "ORG"
            continue
        organisation_end = organisation_named_after(span, ent.label_)
        if organisation_end:
            yield doc[span.start:organisation_end], "ORG"
            continue
        for part in joined_names(span):  # "the University of California and Columbia University"
            yield part, ent.label_


def heading_test(doc: Doc, gazetteer: Gazetteer):
    """``span -> bool``: :func:`heading_capitals` with the article's lower-case words and the
    alias and demonym tables as what is known."""
    lowercase = {t.text for t in doc if t.is_lower and t.is_alpha}

    def is_known(text: str) -> bool:
        return gazetteer.lookup(text) is not None or gazetteer.demonym(text) is not None

    return lambda span: heading_capitals(span, lowercase, is_known)


def is_date(span: Span) -> bool:
    """Days, months and numbers only: "Wednesday", "May 2021", "8 September"."""
    return all(t.lower_.rstrip("s") in DATE_WORDS or t.lower_ in DATE_WORDS or t.like_num or t.is_punct
               for t in span)


def repeated_names(result: ArticleEntities) -> int:
    """A name the NER found in one sentence and missed in another ("LibriVox", "the Mets"):
    each other free occurrence of its words joins it, where the parser reads it as a proper
    noun and it stands alone (no capitalised proper noun beside it: "Boston" of "Boston Globe"
    is not Boston). One sense per article, as a reader assumes; but not words that are part of
    another entity's name ("Bernoulli" of two Bernoullis), nor a person's one-word name (lone
    surnames follow :mod:`kg.extract.surnames`). How many were added.

    >>> import spacy
    >>> doc = spacy.blank("en")("Boeing sold jets to Ryanair . Ryanair flies Boston Globe staff .")
    >>> for token in doc:
    ...     token.pos_ = "PROPN" if token.is_title and token.i else "NOUN"
    >>> result = ArticleEntities(doc)
    >>> cluster = result.new_cluster()  # the NER found the first Ryanair only
    >>> cluster.ner_labels["ORG"] += 1
    >>> result.add_mention(cluster, 4, 5, "name")
    >>> repeated_names(result), [m.start for m in cluster.mentions]
    (1, [4, 6])
    """
    doc, texts, added = result.doc, token_texts(result.doc), 0
    starts: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        starts.setdefault(text, []).append(i)
    names = {cluster.id: {tuple(texts[m.start:m.end]) for m in cluster.mentions if m.kind == "name"}
             for cluster in result.clusters.values()}
    owners: dict[tuple[str, ...], set[int]] = {}  # every run of words in a name -> its clusters
    for cluster_id, theirs in names.items():
        for name in theirs:
            for i in range(len(name)):
                for j in range(i + 1, len(name) + 1):
                    owners.setdefault(name[i:j], set()).add(cluster_id)
    for cluster in list(result.clusters.values()):
        for words in sorted(names[cluster.id]):
            width = len(words)
            if not any(w[:1].isupper() for w in words) or owners[words] != {cluster.id} \
                    or (width == 1 and cluster.type == "PERSON"):
                continue  # a lone surname is :mod:`kg.extract.surnames`' to settle
            for i in _free_runs(result, words, starts):
                if doc[i + width - 1].pos_ == "PROPN" and not _beside_a_name(doc, i, i + width):
                    result.add_mention(cluster, i, i + width, "name")
                    added += 1
    return added


def _free_runs(result: ArticleEntities, words: tuple[str, ...],
               starts: dict[str, list[int]] | None = None) -> Iterator[int]:
    """Where the article's tokens spell ``words`` and no mention holds them yet (checked as
    each is reached, so mentions added meanwhile count); ``starts`` indexes where each word
    stands, else the whole article is scanned."""
    texts, width = token_texts(result.doc), len(words)
    positions = starts.get(words[0], ()) if starts is not None else range(len(texts) - width + 1)
    for i in positions:
        if tuple(texts[i:i + width]) == words and is_free(result, i, i + width):
            yield i


def _beside_a_name(doc: Doc, start: int, end: int) -> bool:
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title
               for i in (start - 1, end))


def new_name(result: ArticleEntities, start: int, end: int, label: str) -> None:
    """A name cluster for tokens ``start..end`` and every free repetition of its words; none
    for a date ("8 September 1841 - 1 May 1904) was a Czech composer": the parser made
    "September" the subject)."""
    if not is_free(result, start, end) or is_date(result.doc[start:end]):
        return
    # the same words named elsewhere in the article (a headline the NER read) are that entity
    cluster = result.cluster_named(result.doc[start:end].text) or result.new_cluster()
    cluster.ner_labels[label] += 1
    _add_repetitions(result, cluster, start, end)


def _add_repetitions(result: ArticleEntities, cluster: Cluster, start: int, end: int) -> None:
    """Every free stretch of the article with the words of tokens ``start..end`` becomes a
    name mention of ``cluster``."""
    for i in _free_runs(result, tuple(token_texts(result.doc)[start:end])):
        result.add_mention(cluster, i, i + end - start, "name")


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
    if is_date(span):
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


def _is_language(span: Span, gazetteer: Gazetteer) -> bool:
    """"followed up his invite in Russian": a people's word alone after "in" is a language,
    whatever the NER's label ("in Russia", "in the Russian army" name no language).

    >>> import spacy
    >>> doc = spacy.blank("en")("He wrote in Russian")
    >>> doc[3].dep_, doc[3].head = "pobj", doc[2]
    >>> _is_language(doc[3:4], Gazetteer.bundled())
    True
    """
    word = span[0]
    return len(span) == 1 and word.dep_ == "pobj" and word.head.lower_ == "in" and \
        not list(word.children) and not word.text.endswith("s") and \
        gazetteer.demonym(word.text) is not None


_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*")


def defined_aliases(result: ArticleEntities) -> None:
    """Other names an article gives a name: "the Olympic Council of Asia (OCA)" (an acronym
    in brackets starting with the name's first letter), "the International Court of
    Justice, or World Court,", "X, also known as Y", "X (born 1986), better known by her
    pseudonym Y". The other name is the same entity here and wherever it recurs, whether the
    NER took it for no name or for a name of its own (with its shorter forms: "Marbles").

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
                alias_words = set(doc[start:end].text.split())
                if all(set(name.split()) <= alias_words for name in names):  # "Jenna Marbles", "Marbles"
                    result.merge(owner, cluster)
                continue
            if other:
                continue
            _add_repetitions(result, cluster, start, end)


_ALIAS_MARKERS = (("or",), ("also", "known", "as"), ("known", "as"), ("also", "called"), ("aka",),
                  ("better", "known", "as"), ("commonly", "known", "as"), ("professionally", "known", "as"),
                  ("better", "known", "by"), ("known", "by"))
_NAME_NOUNS = {"pseudonym", "name", "nickname", "stage", "pen", "ring", "screen"}


def _alias_after(doc: Doc, mention: MentionSpan) -> tuple[int, int] | None:
    """Tokens of the other name given right after a name mention, or None."""
    end = mention.end
    if end + 2 < len(doc) and doc[end].text == "(" and _ACRONYM.fullmatch(doc[end + 1].text) and \
            doc[end + 2].text == ")":
        first = next(t for t in mention.span(doc) if t.dep_ != "det" or t.i == end - 1)
        return (end + 1, end + 2) if doc[end + 1].text[0] == first.text[0] else None
    if end < len(doc) and doc[end].text == "(":  # "Jenna Nicole Mourey (born 1986), better known as"
        closing = next((t.i for t in doc[end:min(len(doc), end + 20)] if t.text == ")"), None)
        end = closing + 1 if closing is not None else end
    if end >= len(doc) or doc[end].text != ",":
        return None
    for marker in _ALIAS_MARKERS:
        after = end + 1 + len(marker)
        if [t.lower_ for t in doc[end + 1:after]] != list(marker):
            continue
        if after < len(doc) and marker[-1] == "by" and doc[after].lower_ in ("her", "his", "the", "their"):
            after += 1  # "better known by her pseudonym Jenna Marbles"
            while after < len(doc) and doc[after].lower_ in _NAME_NOUNS:
                after += 1
        stop = after
        while stop < len(doc) and (doc[stop].is_title or doc[stop].is_upper) and not doc[stop].is_punct:
            stop += 1
        closed = stop >= len(doc) or doc[stop].text in (",", ")", ".", ";")
        return (after, stop) if stop > after and closed else None
    return None


