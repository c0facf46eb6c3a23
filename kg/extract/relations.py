"""Relations an article states between its entities, read from the dependency parse.

Patterns (each yields subject, readable predicate, object):

- verbs with subject and object, particle or prepositional object: "Musk tweeted out an
  invitation to ... Putin" -> ``tweet out invitation to``; "the Defense Department uses it";
- noun-mediated objects: "has been in regular contact with Putin" -> ``be in contact with``;
  "controls NASA's rocket launch schedule" -> ``control schedule of``;
- passives ("Starlink services are used by U.S. embassies" -> embassies ``use`` Starlink),
  conjunctions of subjects, objects and verbs, and understood subjects ("asked Musk not
  to activate" -> Musk ``activate`` Starlink, negated; "... to help China's leader" -> the
  asker ``help`` Xi);
- relational nouns: "Musk's contact with Putin" -> ``contact with``; "the conflict between
  Russia and Ukraine" -> ``conflict with``;
- nationalities and countries from demonyms: "Robeson is an American singer" -> Robeson
  ``citizen of`` United States; "Roketsan, a Turkish manufacturer" -> ``located in`` Turkey;
- appositions, titles and possessives, from coreference role facts: "China's leader, Xi
  Jinping" -> Xi ``leader of`` China; "SpaceX, his rocket company" -> SpaceX ``company of``
  Musk; "The Tesla C.E.O." -> Musk ``ceo of`` Tesla.

:func:`extract_relations` returns :class:`LocalRelation` records whose arguments are
cluster ids of one article; :mod:`kg.build` maps them to graph entities. Which entity a
token stands for and which entities a verb's objects lead to is
:mod:`kg.extract.arguments`; what a demonym or a name used as a modifier describes,
:mod:`kg.extract.described`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.extract.arguments import ArgumentReader, is_possessor, word_lemma
from kg.extract.clauses import acts_as_verb, asks, clause_subjects, expand
from kg.extract.confidence import confidence_model, relation_features
from kg.extract.coref import ArticleEntities, role_noun
from kg.extract.described import (
    affiliated_by,
    described_by,
    described_by_country,
    described_from,
    is_workplace,
    organisations_of,
)
from kg.extract.lexicon import (
    AFFILIATION_NOUNS,
    COPULAS,
    EMPTY_PREDICATES,
    NATIONALITY_NOUNS,
)
from kg.extract.places import PLACES, SITED, place_links
from kg.extract.qualifiers import (
    attribution_token,
    is_hedged,
    is_negated,
    time_phrase,
)
from kg.gazetteer import Gazetteer
from kg.learned import LogisticModel
from kg.schema import relation_type

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["LocalRelation", "extract_relations", "EXTRACTOR", "sentence_bounds"]

EXTRACTOR = "kg.rules/0.1"

_CLOSERS = {"”", "’", '"', "'", ")", "]", "»"}
_OPENERS = {"“", "‘", "(", "[", "«"}
# prepositions after a relational noun that name its second party ("contact with", "ties to")
_NOUN_PREPOSITIONS = {"with", "to", "between", "against", "toward", "towards"}
# verbs whose conjoined subjects act on each other: "Biden and Xi met"
_RECIPROCAL = {"meet", "talk", "speak", "negotiate", "clash", "fight", "agree", "disagree",
               "cooperate", "collaborate", "compete", "marry", "trade", "spar", "confer"}


@dataclass(frozen=True, slots=True)
class LocalRelation:
    """A relation between two clusters of one article, with what the sentence says of it."""

    subject: int
    predicate: str
    object: int
    sentence_start: int  # character offsets of the sentence in the article text
    sentence_end: int
    confidence: float
    negated: bool
    hedged: bool
    attributed_to: int | str | None  # a cluster id, or the words when no entity
    time_text: str | None
    anchor: int  # token index of the verb or noun the relation hangs on
    subject_type: str = ""  # the subject's entity type in this article (PERSON, ORG, ...)
    object_type: str = ""
    pattern: str = ""  # which reading found it: verb, passive, role appos, place link ...
    subject_kind: str = ""  # how the sentence names each: name, pronoun, role, appos ...
    object_kind: str = ""
    rule_score: float = 0.0  # the reading's own score; ``confidence`` is the calibrated one


def sentence_bounds(token: Token) -> tuple[int, int]:
    """Character offsets of the token's sentence, without surrounding whitespace (worked
    out once per sentence of a Doc: every mention asks)."""
    sentence = token.sent
    known = token.doc.user_data.setdefault("kg_sentence_bounds", {})
    if sentence.start not in known:
        known[sentence.start] = _bounds(sentence)
    return known[sentence.start]


def _bounds(sentence: Span) -> tuple[int, int]:
    words = [t for t in sentence if not t.is_space]
    # a closing quote or bracket the parser left at the start belongs to the sentence before
    while len(words) > 1 and words[0].text in _CLOSERS:
        words = words[1:]
    while len(words) > 1 and words[-1].text in _OPENERS:
        words = words[:-1]
    if not words:
        return sentence.start_char, sentence.start_char
    start = words[0].idx
    end = words[-1].idx + len(words[-1].text)
    return start, end


def _verb_phrase(verb: Token) -> str:
    words = [word_lemma(verb)]
    words += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join(words)


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    # "being overtaken by X", parsed as a participle complementing "be"
    if verb.tag_ == "VBN" and verb.dep_ in ("acomp", "xcomp", "attr") and \
            verb.head.lemma_.lower() == "be":
        return True
    # "Marbles was born and raised in Rochester": a participle joined to a passive is one
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.i != verb.i and \
            _is_passive(verb.head) and not any(c.dep_ in ("nsubj", "aux", "dobj", "obj")
                                               for c in verb.children):
        return True
    # "a label started by Julie Doiron", "a writer born in 1958", "the only candidate born and
    # raised in Virginia": a participle on a noun is passive unless it has an object of its own
    participle = verb
    while participle.dep_ == "conj" and participle.head.tag_ == "VBN":
        participle = participle.head
    return verb.tag_ == "VBN" and participle.dep_ == "acl" and \
        not any(c.dep_ in ("dobj", "obj") for c in verb.children)


def extract_relations(entities: ArticleEntities,
                      calibration: LogisticModel | None = None) -> list[LocalRelation]:
    """All relations the article states between its clusters, in text order, each with the
    confidence the calibration model (by default the bundled one,
    :mod:`kg.extract.confidence`) gives it."""
    reader = ArgumentReader(entities)
    found: dict[tuple, LocalRelation] = {}

    def add(subject, predicate, obj, anchor: Token, factor: float, negated=None, *,
            pattern: str, time_text: str | None = None) -> None:
        if subject is None or obj is None:  # "The book was written by X": no entity subject
            return
        (s_id, s_factor, s_kind, *_), (o_id, o_factor, o_kind, *_) = (*subject, "name"), (*obj, "name")
        if s_id == o_id or not predicate or predicate in EMPTY_PREDICATES:
            return
        start, end = sentence_bounds(anchor)
        attributed = entities.quoted.get(anchor.i)  # a quotation's speaker
        source = attribution_token(anchor) if attributed is None else None
        if source is not None:
            words = source.doc[source.left_edge.i:source.right_edge.i + 1].text
            cluster = entities.cluster_of(source) or entities.find_by_name(words)
            attributed = cluster.id if cluster else words
        when = (time_text,) if time_text else time_phrase(anchor)
        relation = LocalRelation(
            s_id, predicate, o_id, start, end,
            round(min(0.95, factor * s_factor * o_factor), 2),
            is_negated(anchor) if negated is None else negated,
            is_hedged(anchor),
            attributed,
            when[0] if when else None,
            anchor.i,
            entities.clusters[s_id].type,
            entities.clusters[o_id].type,
            pattern, s_kind, o_kind, round(min(0.95, factor * s_factor * o_factor), 2),
        )
        key = (s_id, predicate, o_id, start)
        if key not in found or found[key].confidence < relation.confidence:
            found[key] = relation

    doc = entities.doc
    for verb in doc:
        if not acts_as_verb(verb) or verb.dep_ in ("aux", "auxpass"):
            continue
        if verb.lower_ == "according":  # "according to X" is attribution, not a relation
            continue
        if any(c.dep_ == "expl" for c in verb.children):
            continue  # "there should be more communication between A and B": the noun says it
        passive = _is_passive(verb)
        subjects = clause_subjects(verb)
        objects = reader.objects(verb)
        phrase = _verb_phrase(verb)
        if passive:
            agents = [(o, w, f) for o, w, f in objects if w[:1] == ["by"]]
            if agents:  # "Starlink is used by embassies": embassies use Starlink
                for agent, words, factor in agents:
                    for patient in subjects:
                        add(reader.arg(agent), phrase + " ".join([""] + words[1:]),
                            reader.arg(patient), verb, 0.9 * factor, pattern="passive")
                objects = [o for o in objects if o[1][:1] != ["by"]]
            phrase = f"be {verb.lower_}"
        for subject in subjects:
            s = reader.arg(subject)
            if s is None:
                continue
            for obj, words, factor in objects:
                predicate = " ".join([phrase, *words])
                add(s, predicate, reader.arg(obj), verb, 0.95 * factor,
                    pattern="passive" if passive else "verb")
        if verb.lemma_.lower() in _RECIPROCAL and not passive and not any(  # not "agreed
                c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in verb.children):  # that ..."
            parties = [t for t in subjects if reader.arg(t) is not None]
            for i, first in enumerate(parties):  # "Biden and Xi met": each met the other
                for second in parties[i + 1:]:
                    add(reader.arg(first), phrase, reader.arg(second), verb, 0.9, pattern="reciprocal")

    for verb in doc:  # "The capital of South Sudan is Juba", "Its capital is Juba"
        if verb.lemma_.lower() not in COPULAS:
            continue
        for subject in clause_subjects(verb):
            if reader.arg(subject) is not None or subject.pos_ != "NOUN" or subject.tag_ != "NN":
                continue
            holders = [c for c in subject.children if is_possessor(c) and reader.arg(c)]
            holders += [p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj" and reader.arg(p)]
            named = [t for c in verb.children if c.dep_ == "attr" for t in expand(c) if reader.arg(t)]
            for thing in named:
                for holder in holders:
                    noun = role_noun(subject) or word_lemma(subject)
                    add(reader.arg(thing), f"be {noun} of", reader.arg(holder), verb, 0.9,
                        pattern="copula noun")

    for noun in doc:  # relational nouns: "Musk's contact with Putin", "conflict between A and B"
        if noun.pos_ not in ("NOUN",) or noun.i in reader.used_nouns or role_noun(noun):
            continue
        if noun.i in entities.token_cluster or reader.arg(noun) is not None:
            continue
        owners = [c for c in noun.children if reader.arg(c) and is_possessor(c)]
        preps = [p for c in noun.children if c.dep_ == "prep" for p in expand(c)]
        for prep in preps:  # "relationships with the government and with Trump"
            if prep.lower_ not in _NOUN_PREPOSITIONS:
                continue
            pobjs = [t for c in prep.children if c.dep_ == "pobj" for t in expand(c)]
            args = [t for t in pobjs if reader.arg(t)]
            if prep.lower_ == "between" and len(args) >= 2:
                for other in args[1:]:
                    add(reader.arg(args[0]), f"{word_lemma(noun)} with", reader.arg(other), noun, 0.85,
                        pattern="relational noun")
                continue
            for owner in owners:
                for other in args:
                    add(reader.arg(owner), f"{word_lemma(noun)} {prep.lower_}", reader.arg(other),
                        noun, 0.85, pattern="relational noun")

    links = place_links(entities)
    for inner, outer, anchor, factor in links:  # "Evanston, Illinois"
        add((inner, 1.0), "located in", (outer, 1.0), anchor, factor, negated=False,
            pattern="place link")
    for stated in list(found.values()):  # "a hamlet in Guilderland, Albany County": both
        if stated.negated or stated.hedged or \
                relation_type(stated.predicate, stated.subject_type) != "located_in":
            continue
        for inner, outer, anchor, _ in links:
            if inner == stated.object and outer != stated.subject and \
                    sentence_bounds(anchor)[0] == stated.sentence_start:
                add((stated.subject, 1.0), "located in", (outer, 1.0), doc[stated.anchor], 0.7,
                    negated=False, pattern="place chain")

    for mention, cluster in entities.mentions_in_order():  # "an American actor", "a Turkish firm"
        origin = False  # the place is where the thing described comes from
        if mention.kind == "demonym":
            found_for = described_by(reader, doc[mention.end - 1])
        elif mention.kind == "name" and Gazetteer.bundled().place_kind(cluster.label) == "country":
            found_for = described_by_country(reader, doc[mention.end - 1])
        elif mention.kind == "name" and cluster.type in PLACES:  # "a club from Bergen"
            found_for, origin = described_from(reader, doc[mention.end - 1]), True
        else:
            continue
        if found_for is None:
            continue
        described, anchor = found_for
        kind = entities.clusters[described].type
        nation = Gazetteer.bundled().place_kind(cluster.label) in ("country", "nation", None)
        if kind == "PERSON" and origin:
            predicate = "come from"  # "a boy from Irving": where he comes from, not lives
        else:
            predicate = ("citizen of" if nation else None) if kind == "PERSON" else \
                "located in" if kind in SITED else None  # "a Texan oilman" is no citizen of Texas
        if predicate:
            add((described, 1.0), predicate, (cluster.id, 1.0, mention.kind), anchor, 0.75,
                pattern="demonym" if mention.kind == "demonym" else "described by place")

    for mention, cluster in entities.mentions_in_order():  # "a BBC journalist"
        if mention.kind != "name" or cluster.type != "ORG":
            continue
        found_for = affiliated_by(reader, doc[mention.end - 1], cluster.label)
        if found_for is not None:
            described, anchor, predicate = found_for
            add((described, 1.0), predicate, (cluster.id, 1.0), anchor, 0.75, pattern="affiliation")
    for mention, cluster in entities.mentions_in_order():  # "Gary Fan of the Neo Democrats"
        if mention.kind == "name" and cluster.type == "PERSON":
            roles = {f.holder for f in entities.role_facts if f.entity == cluster.id}
            for organisation in set(organisations_of(reader, mention.span(doc))) - roles:
                works = is_workplace(entities.clusters[organisation])  # "of Slate Magazine"
                add((cluster.id, 1.0), "work for" if works else "member of", (organisation, 1.0),
                    doc[mention.start], 0.8, pattern="person of organisation")

    for fact in entities.role_facts:  # appositions, titles, descriptions
        anchor = doc[fact.start]
        factor = 0.9 if fact.via in ("appos", "title") else 0.8
        holder = entities.clusters[fact.holder]
        predicate = f"{fact.noun} {fact.preposition}"
        if fact.noun in NATIONALITY_NOUNS and fact.preposition == "of" and holder.type in PLACES:
            # "US political activist Noam Chomsky": a country gives a nationality, a state or
            # a city nothing ("a Texas lawyer"); a place kg does not know may be an
            # organisation the NER took for one, and keeps its role
            kind = Gazetteer.bundled().place_kind(holder.label)
            if kind in ("country", "nation"):
                predicate = "citizen of"
            elif kind is not None or Gazetteer.bundled().cities(holder.label) or \
                    fact.noun not in AFFILIATION_NOUNS:
                continue
        add((fact.entity, 1.0, fact.via), predicate, (holder.id, 1.0), anchor, factor,
            negated=False, pattern=f"role {fact.via}", time_text=past_role(doc, fact))

    calibration = calibration or confidence_model()
    calibrated = [replace(r, confidence=round(calibration.probability(relation_features(
        r, len(doc[r.anchor].sent), asks(doc[r.anchor].sent))), 2))
        for r in _without_prefixes(found.values())]
    return sorted(calibrated, key=lambda r: (r.sentence_start, r.anchor, r.subject, r.predicate, r.object))


#: Words that put a role in the past: "a former member of", "ex-president of".
PAST_ROLE_WORDS = {"former", "ex", "onetime", "one-time", "erstwhile", "retired"}


def past_role(doc, fact) -> str | None:
    """"former" when the words of a role fact put the role itself in the past ("Tina
    McKenzie, a former member of the Gliders"; not "president of the former Soviet Union"):
    the relation's time is then no point in time, and not the article's date."""
    noun = fact.noun.split()[-1]
    start = fact.start
    while start and (doc[start - 1].lower_ in PAST_ROLE_WORDS or doc[start - 1].text == "-"):
        start -= 1  # "Former Labour leader", "ex-president"
    for token in doc[start:fact.end]:
        if token.lower_ not in PAST_ROLE_WORDS or token.head.i == token.i:
            continue
        head = token.head
        if role_noun(head) == fact.noun or head.lower_.rstrip("s") == noun or (
                token.i < fact.start and not fact.start <= head.i < fact.end):
            return "former"  # "Former Labour leader Neil Kinnock": "Former" hangs on the name
    return None


def _without_prefixes(relations) -> list[LocalRelation]:
    """Drop "tweet out" where the same sentence also gives "tweet out invitation to" for the
    same two entities: the longer predicate says more."""
    relations = list(relations)
    by_pair: dict[tuple, list[list[str]]] = {}
    for relation in relations:
        by_pair.setdefault((relation.subject, relation.object, relation.sentence_start), []).append(
            relation.predicate.split())
    kept = []
    for relation in relations:
        words = relation.predicate.split()
        others = by_pair[(relation.subject, relation.object, relation.sentence_start)]
        if not any(len(other) > len(words) and other[:len(words)] == words for other in others):
            kept.append(relation)
    return kept
