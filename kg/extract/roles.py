"""Appositions, titles and descriptions: who holds which role, and who "the president" is.

"the President of Russia, Vladimir Putin", "SpaceX, his rocket company", "President
Vladimir Putin of Russia" each record a *role fact* (Putin is president of Russia); a later
definite description ("the Russian president", "The Tesla C.E.O.") is resolved to the person
known, from this article or else from the alias table, to hold that role, preferring people
not already named in the same sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.clauses import example_of
from kg.extract.lexicon import (
    KIN_NOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
)
from kg.extract.mentions import (
    NOUN_TYPES,
    ArticleEntities,
    Cluster,
    RoleFact,
    cluster_label,
    cluster_labelled,
    is_free,
    is_possessor,
    place_cluster,
    role_noun,
    stance,
)
from kg.gazetteer import Gazetteer
from kg.names import normalize_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["appositions_and_titles", "descriptions", "record_role", "titles", "holder_token",
           "holder_cluster", "np_span"]


_NP_LEFT = ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "advmod")


def _np_left(head: Token) -> int:
    """Where the noun phrase of ``head`` starts: its own left modifiers, contiguous."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _NP_LEFT or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    return start


def np_span(head: Token) -> tuple[int, int]:
    """A noun phrase around ``head``: its left modifiers, and an "of ..." complement."""
    start = _np_left(head)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    return start, end


_BARE_ROLES = {"member", "executive"}


def appositions_and_titles(result: ArticleEntities, holders: list) -> None:
    doc = result.doc
    for cluster in list(result.clusters.values()):
        for mention in [m for m in cluster.mentions if m.kind == "name"]:
            span = mention.span(doc)
            for head in _appositive_heads(span, result):
                if cluster.type != "PERSON" and _names_a_person(head):
                    continue  # "born in Paris, the daughter of ...": about whoever was born
                start, end = np_span(head) if head.i > span.start else (
                    _np_left(head), span.start)
                while end > start and doc[end - 1].is_punct:
                    end -= 1
                if end <= start or not is_free(result, head.i, head.i + 1):
                    continue
                result.add_mention(cluster, start, end, "appos")
                record_role(cluster.id, head, holders, "appos", span, result)
            if cluster.type == "PERSON":
                titles(cluster, span, holders, result)
                noun = example_of(span.root)  # "members of Scientology, including X"
                if noun is not None and (role_noun(noun) or noun.lemma_.lower() in _BARE_ROLES):
                    record_role(cluster.id, noun, holders, "appos", span, result)


def _appositive_heads(span: Span, result: ArticleEntities) -> list[Token]:
    doc = result.doc
    heads = []
    root = span.root
    # "X, his rocket company, ...": a noun phrase right after the name, between commas (past
    # an age: "Daniel Montalvo, 19, a member of ...")
    begin = span.end + 1
    if begin + 2 < len(doc) and doc[begin].like_num and doc[begin + 1].text == ",":
        begin += 2
    if begin < len(doc) and doc[span.end].text == ",":
        for token in doc[begin: min(len(doc), begin + 7)]:
            if token.pos_ not in ("NOUN", "PROPN") or token.left_edge.i != begin:
                continue
            after = token.right_edge.i + 1
            closes = after >= len(doc) or doc[after].text in (",", "—", "–", ")", ".", ";")
            linked = (token.dep_ == "appos" and token.head.i in range(span.start, span.end)) or (
                closes and (token.head == root.head or root.head == token or token.head == root))
            if token.lemma_.lower() in REPORTING_VERBS or token.lower_ in REPORTING_VERBS:
                continue  # ", The Journal reports." mis-parsed as an apposition
            if token.pos_ == "PROPN" and role_noun(token) not in ROLE_NOUNS and \
                    not is_possessor(token) and not _modifies_a_noun(token):
                # "Dmitry Peskov, Putin's spokesman, ..." and "Hernan Dario Gomez, Panama
                # coach, ..." go on
                break  # another name in a list the NER missed: "Willie Nelson, Band of Horses"
            if linked and token.i not in result.token_cluster and token.tag_ not in ("PRP",):
                heads.append(token)
                break
    # "the President of Russia, Vladimir Putin": the name is the appositive
    head = root.head
    between = doc[head.i + 1:span.start] if head.i < span.start else None
    # "the President of Russia, Vladimir Putin": the head's own noun phrase, then a comma
    head_words = set(range(head.i + 1, np_span(head)[1]))
    only_comma = between is not None and len(between) > 0 and between[-1].text == "," and all(
        t.text == "," or t.i in head_words for t in between)
    # "the scientist Constantine Salkovsky": a common noun right before the name
    adjacent = between is not None and len(between) == 0 and head.pos_ == "NOUN" and root.dep_ == "appos"
    # a proper noun before the comma is a description only as a title ("the President of
    # Russia, Vladimir Putin"); else it is a name the NER missed ("Taipei, Taiwan")
    described = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and role_noun(head) is not None)
    if (adjacent or only_comma and described) and \
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


def _names_a_person(noun: Token) -> bool:
    """"daughter", "actor", "spokesman": a noun only a person is."""
    lemma = noun.lemma_.lower()
    return NOUN_TYPES.get(lemma) == "PERSON" or lemma in KIN_NOUNS


def _modifies_a_noun(token: Token) -> bool:
    """"Panama" of "Panama coach", "USI" of "USI associate professor", "Donald" of "Donald
    Trump's daughter": a proper noun that modifies a common noun after it, or is the first
    word of a possessor's name."""
    while token.dep_ in ("compound", "nmod") and token.head.i > token.i:
        token = token.head
        if token.pos_ == "NOUN" or is_possessor(token):
            return True
    return False


def record_role(cluster_id: int, head: Token, holders: list, via: str, anchor: Span, result):
    # "a member of Scientology": "member" and "executive" are roles here, though alone ("the
    # member") they describe no one in particular
    noun = role_noun(head) or (head.lemma_.lower() if head.lemma_.lower() in _BARE_ROLES else None)
    if noun is None:
        # "SpaceX, his rocket company", "Starlink, a SpaceX subsidiary": a possessed or
        # modified noun still links the two ("company of", "subsidiary of")
        holder = next((c for c in head.children if c.dep_ == "poss"), None)
        if holder is None and (NOUN_TYPES.get(head.lemma_.lower()) == "ORG" or
                               head.lemma_.lower() in KIN_NOUNS):
            # "a SpaceX subsidiary", "Marie, the wife of Johan Angell"; not "Romsdal county, Norway"
            holder = holder_token(head)
        if holder is not None:
            holders.append((cluster_id, normalize_name(head.lemma_ or head.text), holder.i,
                            min(head.left_edge.i, anchor.start), max(head.i + 1, anchor.end), via,
                            _preposition(holder, head)))
        return
    holder = holder_token(head)
    if holder is not None:
        holders.append((cluster_id, noun, holder.i, min(head.left_edge.i, anchor.start),
                        max(head.i + 1, anchor.end), via, _preposition(holder, head)))


def _preposition(holder: Token, head: Token) -> str:
    """How the holder hangs on the role noun: "for" in "a spokesman for NASA", else "of"."""
    nouns = {head.i, *(c.i for c in head.children if c.dep_ == "conj")}
    return holder.head.lower_ if holder.dep_ == "pobj" and holder.head.head.i in nouns else "of"


def holder_token(head: Token) -> Token | None:
    """What a role noun is a role *of*: "of Russia", "China's", "Tesla", "Russian"; for a
    job or membership also "for" and "at" ("a spokesman for NASA", "a professor at Yale"). Nouns
    joined by "and" share theirs ("chief financial officer and treasurer at the Foundation")."""
    prepositions = ("of",) if role_noun(head) in ROLE_NOUNS else ("of", "for", "at", "with")
    found = _prepositional_holder(head, prepositions)
    if found is not None:
        return found
    for conjunct in head.children:  # "chief financial officer and treasurer at the Foundation"
        if conjunct.dep_ == "conj" and conjunct.pos_ == "NOUN":
            found = _prepositional_holder(conjunct, prepositions)
            if found is not None:
                return found
    for child in head.children:
        if child.dep_ == "poss":
            return child
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i and (
            child.ent_type_ in ("ORG", "GPE", "NORP", "PRODUCT") or child.pos_ == "PROPN"
        ) and not role_noun(child):
            return child
    return None


def _prepositional_holder(noun: Token, prepositions: tuple[str, ...]) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def titles(cluster: Cluster, span: Span, holders: list, result: ArticleEntities) -> None:
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
        if before.tag_ == "POS" and first > 1 and result.token_kind.get(first - 2) == "name":
            holder = doc[first - 2]  # "Putin's spokesman Dmitry Peskov": whoever is named
        elif before.ent_type_ in ("NORP", "GPE", "ORG"):
            holder = before
        elif before.pos_ == "PROPN" and before.is_title and before.i not in result.token_cluster \
                and not title.is_title:
            holder = _organisation_before(result, before)  # "TD Economics director Andrew Hencic"
    if holder is None and not title.is_title:
        return  # "the singer Zella Lehr": no title, and nothing it is held in
    result.add_mention(cluster, title.i, title.i + 1, "title")
    if holder is not None:
        end = max(span.end, holder.i + 1)
        holders.append((cluster.id, noun, holder.i, min(title.i, holder.i), end, "title", "of"))


def _organisation_before(result: ArticleEntities, last: Token) -> Token | None:
    """A capitalised name right before a lower-case title ("TD Economics director Andrew
    Hencic") names what the title is held in: an organisation, though the NER missed it."""
    doc = result.doc
    start = last.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in result.token_cluster \
            and (doc[start - 1].is_title or doc[start - 1].is_upper) and not doc[start].is_sent_start:
        start -= 1
    if doc[start].is_sent_start and start == last.i:
        return None  # one capitalised word opening a sentence may be no name at all
    cluster = result.new_cluster()
    cluster.ner_labels["ORG"] += 1
    result.add_mention(cluster, start, last.i + 1, "name")
    return last


def holder_cluster(result: ArticleEntities, token_index: int, gazetteer: Gazetteer) -> int | None:
    doc = result.doc
    if stance(doc, token_index):  # "pro-Beijing councillors" hold no office of Beijing
        return None
    cluster = result.cluster_of(token_index)
    if cluster is not None and result.token_kind[token_index] not in ("appos", "role", "title"):
        return cluster.id  # a holder inside the description itself is not the described
    token = doc[token_index]
    place = gazetteer.demonym(token.text)
    if place is None:
        return None
    existing = cluster_labelled(result, place)
    if existing is not None:
        return existing.id
    return place_cluster(result, gazetteer, place, token.i, token.i + 1).id


def descriptions(result: ArticleEntities, gazetteer: Gazetteer) -> None:
    doc = result.doc
    found = []
    for token in doc:
        if token.i in result.token_cluster:
            continue
        noun = role_noun(token)
        if noun is None or token.dep_ in ("compound", "appos"):
            continue
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        holder = holder_token(token)
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
        holder_id = holder_cluster(result, holder.i, gazetteer) if holder is not None else None
        result.add_mention(cluster, start, token.i + 1, "role")
        if holder_id is not None and holder_id != cluster.id:
            result.role_facts.append(RoleFact(cluster.id, noun, holder_id, start, token.i + 1, "role"))


def _holder_name(result: ArticleEntities, holder: Token | None, gazetteer: Gazetteer) -> str:
    if holder is None:
        return ""
    cluster = result.cluster_of(holder)
    if cluster is not None:
        return cluster.known.label if cluster.known else cluster_label(cluster, result.doc)
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
                cluster_label(result.clusters[f.holder], doc)) == holder_key)
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
