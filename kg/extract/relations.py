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
cluster ids of one article; :mod:`kg.build` maps them to graph entities.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.extract.clauses import acts_as_verb, clause_subjects, expand, inverted_subjects
from kg.extract.confidence import confidence_model, relation_features
from kg.extract.coref import ArticleEntities, role_noun
from kg.extract.lexicon import (
    COPULAS,
    EMPTY_PREDICATES,
    JOB_NOUNS,
    MEMBER_NOUNS,
    RELATIONAL_PREPOSITIONS,
    ROLE_NOUNS,
)
from kg.extract.places import PLACE_NOUNS, PLACES, SITED, place_links
from kg.extract.qualifiers import (
    attribution_token,
    is_hedged,
    is_negated,
    time_phrase,
)
from kg.gazetteer import Gazetteer
from kg.learned import LogisticModel
from kg.names import normalize_name
from kg.schema import relation_type

__all__ = ["LocalRelation", "extract_relations", "EXTRACTOR", "sentence_bounds"]

EXTRACTOR = "kg.rules/0.1"

_CLOSERS = {"”", "’", '"', "'", ")", "]", "»"}
_OPENERS = {"“", "‘", "(", "[", "«"}
_KIND_FACTOR = {"name": 1.0, "demonym": 0.95, "appos": 0.9, "role": 0.85, "pronoun": 0.75}
_OBJECT_DEPS = ("dobj", "attr", "dative", "oprd", "obj")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# prepositions after a relational noun that name its second party ("contact with", "ties to")
_NOUN_PREPOSITIONS = {"with", "to", "between", "against", "toward", "towards"}
# prepositions that never introduce a verb's argument: attribution, and examples of a noun
# ("departments, like the U.S. Forest Service", "such as", "including")
_NOT_ARGUMENTS = {"according", "like", "such", "including", "unlike"}
# a part of a place, through which "in the north of Italy" still names the place
_PART_NOUNS = {"part", "north", "south", "east", "west", "centre", "center", "heart", "shore",
               "coast", "bank", "side", "edge", "outskirts", "area", "corner", "tip", "end"}


@dataclass(frozen=True)
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
    """Character offsets of the token's sentence, without surrounding whitespace."""
    sentence = token.sent
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


def _lemma(token: Token) -> str:
    lemma = token.lemma_ if token.lemma_ and token.lemma_ != "-PRON-" else token.text
    return normalize_name(lemma) if token.pos_ in ("NOUN", "PROPN") else lemma.lower()


class _Reader:
    def __init__(self, entities: ArticleEntities) -> None:
        self.entities = entities
        self.doc = entities.doc
        self.used_nouns: set[int] = set()

    # arguments ------------------------------------------------------------------------
    def arg(self, token: Token) -> tuple[int, float, str] | None:
        """The cluster a token stands for, with a confidence factor and the kind of mention
        it is (name, pronoun, role ...), or None."""
        cid = self.entities.token_cluster.get(token.i)
        if cid is not None:
            kind = self.entities.token_kind[token.i]
            return cid, _KIND_FACTOR.get(kind, 0.8), kind
        if token.pos_ in ("NOUN", "PROPN") and role_noun(token) is None:
            for child in _modifiers(token):  # "his Starlink satellite service" -> Starlink
                cluster = self.entities.cluster_of(child)
                if cluster and cluster.type in ("PRODUCT", "ORG") and not _is_possessor(child):
                    return cluster.id, 0.85, "modifier"
        return None

    def objects(self, verb: Token) -> list[tuple[Token, list[str], float]]:
        """(object token, predicate words after the verb, confidence factor)."""
        found = []
        children = list(verb.children)
        for subject in inverted_subjects(verb):  # "Is Musk in contact with Putin?"
            children += [c for c in subject.children if c.dep_ == "prep"]
        possessed = _stranded_possessors(children)  # possessed noun -> possessor
        for child in children:
            if child.dep_ in _OBJECT_DEPS and child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                found.extend(self._through_noun(verb.head, []))  # "Twitter, which Musk bought"
            elif child in possessed.values():
                continue  # read with the noun it possesses
            elif child.dep_ in _OBJECT_DEPS and _after_dash(child):
                continue  # "push to change rules — a big imperative for Tesla —" is an aside
            elif child.dep_ in _OBJECT_DEPS:
                # "Putin is the president of Russia", "Musk was named head of DOGE"
                stated_role = (child.dep_ == "attr" and verb.lemma_.lower() in COPULAS) or \
                    child.dep_ == "oprd"
                for obj in expand(child):
                    extra = [*obj.children, possessed[obj]] if obj in possessed else None
                    found.extend(self._through_noun(obj, _small_clause(verb, obj), role=stated_role,
                                                    children=extra))
            elif child.dep_ in ("ccomp", "xcomp") and child.tag_ in ("VBN", "VBD") and \
                    verb.lemma_.lower() in _SMALL_CLAUSE_VERBS:
                for subject in child.children:  # "get Donald Trump elected": a small clause
                    if subject.dep_ in ("nsubj", "nsubjpass") and self.arg(subject) is not None:
                        found.append((subject, [child.lower_], 0.9))
            elif child.dep_ == "acomp":  # "is married to Donald Trump", "is critical of"
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ not in _NOT_ARGUMENTS:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                for obj in expand(pobj):
                                    found.extend(self._through_noun(obj, [child.lower_, prep.lower_]))
            elif child.dep_ in ("prep", "agent") and child.lower_ not in _NOT_ARGUMENTS:
                for prep in expand(child):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            for obj in expand(pobj):
                                found.extend(self._through_noun(obj, [prep.lower_]))
        # "used by embassies and departments, like the Forest Service": the parser hangs the
        # examples on the verb; they stand for the nearest noun argument before them
        nouns = [(t, [c.lower_] if c.dep_ != "dobj" else []) for c in children
                 if c.dep_ in ("dobj", "agent", "prep") and c.lower_ not in _NOT_ARGUMENTS
                 for t in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"])
                 if t.pos_ == "NOUN" and self.arg(t) is None]
        for prep in children:
            before = [(t, w) for t, w in nouns if t.i < prep.i]
            if before and prep.dep_ == "prep" and _introduces_examples(prep):
                noun, words = before[-1]
                found.extend(self.examples(noun, [prep], words))
        return found

    def _through_noun(self, token: Token, words: list[str], depth: int = 0, role: bool = False,
                      children: list[Token] | None = None) -> list[tuple[Token, list[str], float]]:
        """Objects reached through a noun: "contact with Putin", "the town of Guilderland",
        and through "in" one noun further, to its owner: "a role in his administration"
        (``depth`` 1). "A large following in Russia" names a place, not a party. A role
        noun leads on only where a copula states the role (``role``: "Putin is the
        president of Russia"); elsewhere "the president of Russia" is a description, which
        coreference resolves to its holder. A preposition the parser hung on a noun before a
        conjoined one belongs to the nearer ("a filmmaker and founder of Steelyard Pictures":
        founder of); ``children`` are the dependents to read, by default all."""
        if self.arg(token) is not None:
            return [(token, words, 1.0)]
        if token.lower_ == "one" and depth == 0:  # "one of Tanzania's regions": the regions
            return [found for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children if pobj.dep_ == "pobj"
                    for found in self._through_noun(pobj, words)]
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        if depth == 0:  # "government departments, like the Forest Service"
            examples = self.examples(token, token.children, words)
            if examples:
                return examples
        noun = role_noun(token)
        if noun and not role:
            return []
        found = []
        place_noun = token.lemma_.lower() in PLACE_NOUNS
        here = [*words, noun or _lemma(token)]
        factor = 0.9 if depth == 0 else 0.8
        for child in token.children if children is None else children:
            nearer = _conjunct_before(token, child)
            if nearer is not None:
                found.extend(self._through_noun(nearer, words, depth, role, [child]))
            elif child.dep_ == "prep" and child.lower_ == "of" and place_noun:
                found.extend(self._place_of(token, words))  # "the town of Guilderland"
            elif child.dep_ == "prep" and child.lower_ in _NOUN_LINKS and (
                    depth == 0 or child.lower_ == "of"):
                for pobj in child.children:  # "a community in (the township of) St. Clair"
                    if pobj.dep_ != "pobj":
                        continue
                    for obj in expand(pobj):
                        if self.arg(obj) is not None and (child.lower_ != "in" or place_noun):
                            found.append((obj, [*here, child.lower_], factor))
                        elif place_noun and child.lower_ == "in":
                            found.extend(self._places_within(obj, [*here, "in"]))
                        elif depth == 0 and child.lower_ == "in" and obj.pos_ == "NOUN":
                            found.extend(self._through_noun(obj, [*here, "in"], depth + 1))
            elif _is_possessor(child) and self.arg(child) is not None:
                found.append((child, [*here, "of"], factor))
        if found:
            self.used_nouns.add(token.i)
        return found

    def examples(self, noun: Token, candidates, words: list[str]) -> list[tuple[Token, list[str], float]]:
        """Entities a "like", "including" or "such as" phrase among ``candidates`` gives as
        instances of ``noun``, each taking the noun's place in the relation."""
        found = []
        for prep in candidates:
            if prep.dep_ == "prep" and _introduces_examples(prep) and prep.i > noun.i:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found.extend((obj, words, 0.85) for obj in expand(pobj)
                                     if self.arg(obj) is not None)
        return found

    def _place_of(self, noun: Token, words: list[str]) -> list[tuple[Token, list[str], float]]:
        """The place in "the town of Guilderland", as an object of ``noun``."""
        if noun.lemma_.lower() not in PLACE_NOUNS:
            return []
        found = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    place = self.entities.cluster_of(pobj)
                    if pobj.dep_ == "pobj" and place is not None and place.type in PLACES:
                        found.append((pobj, [*words, _lemma(noun), "of"], 0.9))
        return found


    def _places_within(self, noun: Token, words: list[str]) -> list[tuple[Token, list[str], float]]:
        """The places a noun phrase nests in: "in the far northeastern part of the Province
        of Rieti in the Lazio region of central Italy" -> Lazio, Italy (and Rieti, were it a
        name). Only through place nouns and words for a part ("part", "shore") joined by
        "of", "in", "on" or "within"; "near", "next to" or a list stop it. The nearest
        place gets the highest confidence."""
        found: list[tuple[Token, list[str], float]] = []
        frontier, seen = [(noun, words)], set()
        while frontier:
            token, said = frontier.pop(0)
            if token.i in seen:
                continue
            seen.add(token.i)
            place = self.entities.cluster_of(token)
            if place is not None:
                if place.type in PLACES:
                    found.append((token, said, 0.9 if not found else 0.8))
                else:
                    continue
            elif token.lemma_.lower() not in PLACE_NOUNS | _PART_NOUNS:
                continue
            for child in token.children:
                if child.dep_ == "compound" and child.i not in seen:
                    cluster = self.entities.cluster_of(child)  # "the Lazio region"
                    if cluster is not None and cluster.type in PLACES and place is None:
                        frontier.append((child, words))
                elif child.dep_ == "prep" and child.lower_ in ("of", "in", "on", "within"):
                    # "in the town of Guilderland" says "town of"; further hops say only "in"
                    more = [_lemma(token), "of"] if token is noun and child.lower_ == "of" and \
                        place is None and token.lemma_.lower() in PLACE_NOUNS else []
                    frontier.extend((p, [*words, *more]) for p in child.children if p.dep_ == "pobj")
        return found


def _modifiers(noun: Token) -> list[Token]:
    """The compound and adjectival modifiers before ``noun``, and theirs: "Starlink" and
    "satellite" in "his Starlink satellite service", however the parser nested them."""
    found = []
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            found += [child, *_modifiers(child)]
    return found


def _conjunct_before(noun: Token, prep: Token) -> Token | None:
    """The noun conjoined with ``noun`` that stands right before ``prep``, when the parser
    hung ``prep`` on ``noun``: "filmmaker and founder of X" -> founder."""
    if prep.dep_ != "prep" or prep.i < noun.i:
        return None
    conjuncts = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i < prep.i]
    nearest = max(conjuncts, key=lambda c: c.i, default=None)
    return nearest if nearest is not None and nearest.right_edge.i == prep.i - 1 else None


def _small_clause(verb: Token, obj: Token) -> list[str]:
    """["elected"] for "get Donald Trump elected" parsed as object + participle; ["killer"]
    for "called Vladimir Putin a killer" (an object predicate); else []."""
    if obj.dep_ in ("dobj", "obj", "dative", "oprd"):  # "called [Putin]oprd [a killer]oprd" too
        for child in verb.children:
            if child.dep_ == "oprd" and child.i > obj.i and child.pos_ in ("NOUN", "ADJ"):
                return [_lemma(child)]
    if verb.lemma_.lower() not in _SMALL_CLAUSE_VERBS:
        return []
    for child in obj.children:
        if child.dep_ in ("acl", "ccomp", "xcomp") and child.tag_ in ("VBN", "VBD") and \
                child.i == obj.i + 1:
            return [child.lower_]
    return []


def _introduces_examples(prep: Token) -> bool:
    """"like", "including", "such as": what follows are instances of the noun."""
    if prep.lower_ in ("like", "including"):
        return True
    return prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


def _is_possessor(token: Token) -> bool:
    """"Musk's" in "Musk's contact": a poss, or a name the parser left as a modifier of
    the noun, or as an object beside it, but that is followed by a possessive 's."""
    if token.dep_ == "poss":
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("nmod", "compound", "npadvmod", *_OBJECT_DEPS) and \
        following is not None and following.tag_ == "POS"


def _after_dash(token: Token) -> bool:
    """Whether the phrase of ``token`` opens right after a dash: an aside the parser may
    have hung on a verb as its object."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in ("—", "–", "--")


def _stranded_possessors(children: list[Token]) -> dict[Token, Token]:
    """Objects the parser split at a possessive: "controls [NASA]dobj ’s launch
    [schedule]dobj" -> {schedule: NASA}."""
    objects = [c for c in children if c.dep_ in _OBJECT_DEPS]
    return {noun: owner for owner, noun in zip(objects, objects[1:], strict=False)
            if _is_possessor(owner) and noun.pos_ == "NOUN"}


def _verb_phrase(verb: Token) -> str:
    words = [_lemma(verb)]
    words += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join(words)


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    # "being overtaken by X", parsed as a participle complementing "be"
    if verb.tag_ == "VBN" and verb.dep_ in ("acomp", "xcomp", "attr") and \
            verb.head.lemma_.lower() == "be":
        return True
    # "a label started by Julie Doiron": a participle on a noun, with an agent
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and any(c.dep_ == "agent" for c in verb.children)


def extract_relations(entities: ArticleEntities,
                      calibration: LogisticModel | None = None) -> list[LocalRelation]:
    """All relations the article states between its clusters, in text order, each with the
    confidence the calibration model (by default the bundled one,
    :mod:`kg.extract.confidence`) gives it."""
    reader = _Reader(entities)
    found: dict[tuple, LocalRelation] = {}

    def add(subject, predicate, obj, anchor: Token, factor: float, negated=None, *,
            pattern: str) -> None:
        if subject is None or obj is None:  # "The book was written by X": no entity subject
            return
        (s_id, s_factor, s_kind, *_), (o_id, o_factor, o_kind, *_) = (*subject, "name"), (*obj, "name")
        if s_id == o_id or not predicate or predicate in EMPTY_PREDICATES:
            return
        start, end = sentence_bounds(anchor)
        source = attribution_token(anchor)
        attributed = None
        if source is not None:
            words = source.doc[source.left_edge.i:source.right_edge.i + 1].text
            cluster = entities.cluster_of(source) or entities.find_by_name(words)
            attributed = cluster.id if cluster else words
        when = time_phrase(anchor)
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
        if verb.lemma_.lower() in _RECIPROCAL and not passive and not any(
                c.dep_ in ("dobj", "obj") for c in verb.children):
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
            holders = [c for c in subject.children if _is_possessor(c) and reader.arg(c)]
            holders += [p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj" and reader.arg(p)]
            named = [t for c in verb.children if c.dep_ == "attr" for t in expand(c) if reader.arg(t)]
            for thing in named:
                for holder in holders:
                    noun = role_noun(subject) or _lemma(subject)
                    add(reader.arg(thing), f"be {noun} of", reader.arg(holder), verb, 0.9,
                        pattern="copula noun")

    for noun in doc:  # relational nouns: "Musk's contact with Putin", "conflict between A and B"
        if noun.pos_ not in ("NOUN",) or noun.i in reader.used_nouns or role_noun(noun):
            continue
        if noun.i in entities.token_cluster or reader.arg(noun) is not None:
            continue
        owners = [c for c in noun.children if reader.arg(c) and _is_possessor(c)]
        preps = [p for c in noun.children if c.dep_ == "prep" for p in expand(c)]
        for prep in preps:  # "relationships with the government and with Trump"
            if prep.lower_ not in _NOUN_PREPOSITIONS:
                continue
            pobjs = [t for c in prep.children if c.dep_ == "pobj" for t in expand(c)]
            args = [t for t in pobjs if reader.arg(t)]
            if prep.lower_ == "between" and len(args) >= 2:
                for other in args[1:]:
                    add(reader.arg(args[0]), f"{_lemma(noun)} with", reader.arg(other), noun, 0.85,
                        pattern="relational noun")
                continue
            for owner in owners:
                for other in args:
                    add(reader.arg(owner), f"{_lemma(noun)} {prep.lower_}", reader.arg(other),
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
        if mention.kind == "demonym":
            found_for = _described_by(reader, doc[mention.end - 1])
        elif mention.kind == "name" and Gazetteer.bundled().place_kind(cluster.label) == "country":
            found_for = _described_by_country(reader, doc[mention.end - 1])
        elif mention.kind == "name" and cluster.type in PLACES:  # "a club from Bergen"
            found_for = _described_from(reader, doc[mention.end - 1])
            if found_for is not None and entities.clusters[found_for[0]].type == "PERSON":
                continue  # "a singer from Boston" says where she comes from, not lives
        else:
            continue
        if found_for is None:
            continue
        described, anchor = found_for
        kind = entities.clusters[described].type
        nation = Gazetteer.bundled().place_kind(cluster.label) in ("country", "nation", None)
        predicate = ("citizen of" if nation else None) if kind == "PERSON" else \
            "located in" if kind in SITED else None  # "a Texan oilman" is no citizen of Texas
        if predicate:
            add((described, 1.0), predicate, (cluster.id, 1.0, mention.kind), anchor, 0.75,
                pattern="demonym" if mention.kind == "demonym" else "described by place")

    for mention, cluster in entities.mentions_in_order():  # "a BBC journalist"
        if mention.kind != "name" or cluster.type != "ORG":
            continue
        found_for = _affiliated_by(reader, doc[mention.end - 1], cluster.label)
        if found_for is not None:
            described, anchor, predicate = found_for
            add((described, 1.0), predicate, (cluster.id, 1.0), anchor, 0.75, pattern="affiliation")
    for mention, cluster in entities.mentions_in_order():  # "Gary Fan of the Neo Democrats"
        if mention.kind == "name" and cluster.type == "PERSON":
            roles = {f.holder for f in entities.role_facts if f.entity == cluster.id}
            for organisation in set(_organisations_of(reader, mention.span(doc))) - roles:
                add((cluster.id, 1.0), "member of", (organisation, 1.0), doc[mention.start], 0.8,
                    pattern="person of organisation")

    for fact in entities.role_facts:  # appositions, titles, descriptions
        anchor = doc[fact.start]
        factor = 0.9 if fact.via in ("appos", "title") else 0.8
        holder = entities.clusters[fact.holder]
        add((fact.entity, 1.0, fact.via), f"{fact.noun} {fact.preposition}", (holder.id, 1.0), anchor, factor,
            negated=False, pattern=f"role {fact.via}")

    calibration = calibration or confidence_model()
    calibrated = [replace(r, confidence=round(calibration.probability(
        relation_features(r, len(doc[r.anchor].sent))), 2)) for r in _without_prefixes(found.values())]
    return sorted(calibrated, key=lambda r: (r.sentence_start, r.anchor, r.subject, r.predicate, r.object))


# verbs whose conjoined subjects act on each other: "Biden and Xi met"
_RECIPROCAL = {"meet", "talk", "speak", "negotiate", "clash", "fight", "agree", "disagree",
               "cooperate", "collaborate", "compete", "marry", "trade", "spar", "confer"}
# verbs taking "object + participle": "get Donald Trump elected", "want him removed"
_SMALL_CLAUSE_VERBS = {"get", "have", "see", "want", "need", "keep", "like"}
# prepositions after a noun that lead on to its object ("contact with", "a role in")
_NOUN_LINKS = (RELATIONAL_PREPOSITIONS - {"between"}) | {"in", "at"}


def _described_by(reader: _Reader, demonym: Token) -> tuple[int, Token] | None:
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


def _described_by_country(reader: _Reader, name: Token) -> tuple[int, Token] | None:
    """The entity a country's name describes as a modifier ("Hochstein is a U.S.
    businessman"), after "from" ("Ajayi is a pastor from Nigeria"), or as the possessor of a
    name ("Italy's Franca Raimondi", "China's Huawei"), as for a demonym."""
    if name.dep_ == "compound" and name.head.pos_ == "NOUN":
        return _described_noun(reader, name.head)
    owner = reader.entities.token_cluster.get(name.head.i)
    if name.dep_ == "poss" and owner is not None and reader.entities.token_kind[name.head.i] == "name":
        return owner, name.head
    return _described_from(reader, name)


def _described_from(reader: _Reader, name: Token) -> tuple[int, Token] | None:
    """The entity a noun describes that ``name`` follows "from": "a pastor from Nigeria",
    "a football club from Fyllingsdalen"."""
    prep = name.head
    if name.dep_ == "pobj" and prep.lower_ == "from" and prep.head.pos_ == "NOUN":
        return _described_noun(reader, prep.head)
    return None


def _affiliated_by(reader: _Reader, name: Token, label: str) -> tuple[int, Token, str] | None:
    """The person an organisation's name before a person's noun describes, the token whose
    clause says so, and ``member of`` or ``work for``: "Burton is a Labour Party
    politician", "Gallagher, a CNN analyst", "a NASA engineer" said of someone."""
    noun = name.head
    if name.dep_ != "compound" or noun.pos_ != "NOUN" or noun.i < name.i:
        return None
    lemma = noun.lemma_.lower()
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


def _organisations_of(reader: _Reader, name: Span) -> list[int]:
    """Organisations a person's name is given with: "Gary Fan of the Neo Democrats",
    "DAB's Starry Lee" (an organisation's possessive before the name)."""
    found = []
    for child in name.root.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
            targets = [child] if child.dep_ == "poss" else [t for t in child.children if t.dep_ == "pobj"]
            for target in targets:
                cluster = reader.entities.cluster_of(target)
                if cluster is not None and cluster.type == "ORG" and \
                        reader.entities.token_kind.get(target.i) == "name":
                    found.append(cluster.id)
    return found


def _described_noun(reader: _Reader, noun: Token) -> tuple[int, Token] | None:
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


def _copula_subject(reader: _Reader, verb: Token) -> tuple[int, Token] | None:
    if verb.lemma_.lower() not in COPULAS:
        return None
    for subject in clause_subjects(verb):
        found = reader.arg(subject)
        if found:
            return found[0], verb
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
