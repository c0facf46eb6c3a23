"""How a verb or a noun reaches the entities it relates: the arguments of a relation.

:class:`ArgumentReader` answers, over one article's clusters, which entity a token stands
for (a name, a pronoun, a description, or a product named as a modifier: "his Starlink
satellite service") and which entities a verb's objects lead to, directly ("met Putin"),
through a preposition ("spoke with Putin"), through a noun ("in contact with Putin", "the
town of Guilderland", "a role in his administration"), through examples ("departments,
like the Forest Service") or through the places a phrase nests in ("in the northeastern
part of the Province of Rieti in the Lazio region"). :mod:`kg.extract.relations` turns
what it finds into relations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.clauses import expand, introduces_examples, inverted_subjects
from kg.extract.coref import ArticleEntities, role_noun
from kg.extract.lexicon import (
    COPULAS,
    RELATIONAL_PREPOSITIONS,
)
from kg.extract.mentions import OBJECT_DEPS, is_possessor
from kg.extract.places import PLACE_NOUNS, PLACES
from kg.names import normalize_name

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ArgumentReader", "word_lemma", "is_possessor", "OBJECT_DEPS", "NOT_ARGUMENTS"]

_KIND_FACTOR = {"name": 1.0, "demonym": 0.95, "appos": 0.9, "role": 0.85, "pronoun": 0.75}
# prepositions that never introduce a verb's argument: attribution, and examples of a noun
# ("departments, like the U.S. Forest Service", "such as", "including")
NOT_ARGUMENTS = {"according", "like", "such", "including", "unlike"}
# a part of a place, through which "in the north of Italy" still names the place
_PART_NOUNS = {"part", "north", "south", "east", "west", "centre", "center", "heart", "shore",
               "coast", "bank", "side", "edge", "outskirts", "area", "corner", "tip", "end"}
# verbs taking "object + participle": "get Donald Trump elected", "want him removed"
_SMALL_CLAUSE_VERBS = {"get", "have", "see", "want", "need", "keep", "like"}
# verbs that give a name: a name as their object predicate is what something is called
_NAMING_VERBS = {"call", "name", "dub", "title", "nickname", "christen", "rename", "term"}
# prepositions after a noun that lead on to its object ("contact with", "a role in", "an
# investigation into", "expand its service into")
_NOUN_LINKS = (RELATIONAL_PREPOSITIONS - {"between"}) | {"in", "at", "into"}


def word_lemma(token: Token) -> str:
    lemma = token.lemma_ if token.lemma_ and token.lemma_ != "-PRON-" else token.text
    return normalize_name(lemma) if token.pos_ in ("NOUN", "PROPN") else lemma.lower()


class ArgumentReader:
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
            if kind == "name" and _owned_by_pronoun(token) and \
                    self.entities.clusters[cid].type in ("ORG", "PRODUCT"):
                return None
            return cid, _KIND_FACTOR.get(kind, 0.8), kind
        if token.pos_ in ("NOUN", "PROPN") and role_noun(token) is None:
            for child in _modifiers(token):  # "his Starlink satellite service" -> Starlink
                cluster = self.entities.cluster_of(child)
                if cluster and cluster.type in ("PRODUCT", "ORG") and not is_possessor(child):
                    return cluster.id, 0.85, "modifier"
        return None

    def objects(self, verb: Token) -> list[tuple[Token, list[str], float]]:
        """(object token, predicate words after the verb, confidence factor)."""
        found = []
        children = list(verb.children)
        for subject in inverted_subjects(verb):  # "Is Musk in contact with Putin?"
            children += [c for c in subject.children if c.dep_ == "prep"]
        possessed = _stranded_possessors(children)  # possessed noun -> possessor
        thing = self._thing_done(children)
        for child in children:
            if child.dep_ in OBJECT_DEPS and child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                found.extend(self._through_noun(verb.head, []))  # "Twitter, which Musk bought"
            elif child in possessed.values():
                continue  # read with the noun it possesses
            elif child.dep_ in OBJECT_DEPS and _after_dash(child):
                continue  # "push to change rules — a big imperative for Tesla —" is an aside
            elif child.dep_ == "oprd" and verb.lemma_.lower() in _NAMING_VERBS and \
                    self.arg(child) is not None and \
                    not any(c.dep_ == "oprd" and c.i > child.i for c in children):
                continue  # "I called it Character", "the group called the Sea Org": a name
                # given (not "called [Putin] [a killer]", parsed as two object predicates)
            elif child.dep_ in OBJECT_DEPS:
                # "Putin is the president of Russia", "Musk was named head of DOGE"
                stated_role = (child.dep_ == "attr" and verb.lemma_.lower() in COPULAS) or \
                    child.dep_ == "oprd"
                for obj in expand(child):
                    extra = [*obj.children, possessed[obj]] if obj in possessed else None
                    words = _small_clause(verb, obj)
                    if child.dep_ == "dative" and thing is not None and not words:
                        words = [word_lemma(thing), "to"]  # "gave Mohamed an internship"
                    found.extend(self._through_noun(obj, words, role=stated_role, children=extra))
            elif child.dep_ in ("ccomp", "xcomp") and child.tag_ in ("VBN", "VBD") and \
                    verb.lemma_.lower() in _SMALL_CLAUSE_VERBS:
                for subject in child.children:  # "get Donald Trump elected": a small clause
                    if subject.dep_ in ("nsubj", "nsubjpass") and self.arg(subject) is not None:
                        found.append((subject, [child.lower_], 0.9))
            elif child.dep_ == "acomp":  # "is married to Donald Trump", "is critical of"
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ not in NOT_ARGUMENTS:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                for obj in expand(pobj):
                                    found.extend(self._through_noun(obj, [child.lower_, prep.lower_]))
            elif child.dep_ in ("prep", "agent") and child.lower_ not in NOT_ARGUMENTS:
                # "bought a house in Texas": what was bought is part of what is said
                done = [word_lemma(thing)] if thing is not None and thing.i < child.i and \
                    child.dep_ == "prep" else []
                for prep in expand(child):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            for obj in expand(pobj):
                                found.extend(self._through_noun(obj, [*done, prep.lower_]))
        # "used by embassies and departments, like the Forest Service": the parser hangs the
        # examples on the verb; they stand for the nearest noun argument before them
        nouns = [(t, [c.lower_] if c.dep_ != "dobj" else []) for c in children
                 if c.dep_ in ("dobj", "agent", "prep") and c.lower_ not in NOT_ARGUMENTS
                 for t in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"])
                 if t.pos_ == "NOUN" and self.arg(t) is None]
        for prep in children:
            before = [(t, w) for t, w in nouns if t.i < prep.i]
            if before and prep.dep_ == "prep" and introduces_examples(prep):
                noun, words = before[-1]
                found.extend(self.examples(noun, [prep], words))
        return found

    def _thing_done(self, children: list[Token]) -> Token | None:
        """The common noun a verb acts on, which a relation through one of its prepositions
        must keep ("bought a house in Texas": buy house in; "obtain military employment in
        Scotland": obtain employment in); None when the object is an entity, a pronoun, a
        role or an amount ("donated 75 million dollars to": donate to)."""
        for child in children:
            if child.dep_ in ("dobj", "obj") and child.pos_ == "NOUN" and self.arg(child) is None \
                    and role_noun(child) is None and not child.ent_type_ and \
                    not any(c.dep_ in ("nummod", "quantmod") for c in child.children):
                return child
        return None

    def _through_noun(self, token: Token, words: list[str], depth: int = 0, role: bool = False,
                      children: list[Token] | None = None) -> list[tuple[Token, list[str], float]]:
        """Objects reached through a noun: "contact with Putin", "the town of Guilderland",
        and through "in" one noun further, to its owner: "a role in his administration"
        (``depth`` 1). "A large following in Russia" names a place, not a party. A role
        noun the verb acts on that coreference left unresolved leads on to the office's
        holder ("met the president of Mexico": meet president of, typed by the verb,
        :func:`kg.schema.relation_type`); one further along only where a copula states the
        role (``role``: "Putin is the president of Russia"). A preposition the parser hung on a noun before a
        conjoined one belongs to the nearer ("a filmmaker and founder of Steelyard Pictures":
        founder of); ``children`` are the dependents to read, by default all. A noun that
        stands for the product or organisation modifying it is still a noun, whose own
        prepositions lead on, one step and to no owner: "expand Starlink service into
        Russia" -> Starlink, and Russia through "expand service into"."""
        standing_for = self.arg(token)
        if standing_for is not None and (standing_for[2] != "modifier" or depth > 0):
            return [(token, words, 1.0)]
        itself = [] if standing_for is None else [(token, words, 1.0)]
        if token.lower_ == "one" and depth == 0:  # "one of Tanzania's regions": the regions
            return [found for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children if pobj.dep_ == "pobj"
                    for found in self._through_noun(pobj, words)]
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        if depth == 0:  # "government departments, like the Forest Service"
            examples = self.examples(token, token.children, words)
            if examples:
                return itself + examples
        noun = role_noun(token)
        if noun and not role and depth > 0:
            return []
        found = []
        place_noun = token.lemma_.lower() in PLACE_NOUNS
        here = [*words, noun or word_lemma(token)]
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
                        # "shared an apartment in Cambridge" says where it happened; "has a
                        # large following in Russia" says who follows, of no place
                        where = depth == 0 and self._is_place(obj) and token.head.lemma_.lower() != "have"
                        if self.arg(obj) is not None and (child.lower_ != "in" or place_noun or where):
                            found.append((obj, [*here, child.lower_], factor))
                        elif place_noun and child.lower_ == "in":
                            found.extend(self._places_within(obj, [*here, "in"]))
                        elif depth == 0 and child.lower_ == "in" and obj.pos_ == "NOUN" and not itself:
                            found.extend(self._through_noun(obj, [*here, "in"], depth + 1))
            elif is_possessor(child) and self.arg(child) is not None and not itself:
                found.append((child, [*here, "of"], factor))
        if found:
            self.used_nouns.add(token.i)
        return itself + found

    def _is_place(self, token: Token) -> bool:
        cluster = self.entities.cluster_of(token)
        return cluster is not None and cluster.type in PLACES

    def examples(self, noun: Token, candidates, words: list[str]) -> list[tuple[Token, list[str], float]]:
        """Entities a "like", "including" or "such as" phrase among ``candidates`` gives as
        instances of ``noun``, each taking the noun's place in the relation."""
        found = []
        for prep in candidates:
            if prep.dep_ == "prep" and introduces_examples(prep) and prep.i > noun.i:
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
                        found.append((pobj, [*words, word_lemma(noun), "of"], 0.9))
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
                    more = [word_lemma(token), "of"] if token is noun and child.lower_ == "of" and \
                        place is None and token.lemma_.lower() in PLACE_NOUNS else []
                    frontier.extend((p, [*words, *more]) for p in child.children if p.dep_ == "pobj")
        return found


def _owned_by_pronoun(name: Token) -> bool:
    """Whether a name is owned by a pronoun: "bots in his Twitter (feed)", "drove her
    Tesla". An organisation or product someone has is their account, car or share of it,
    not the organisation."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in name.children)


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
                return [word_lemma(child)]
    if verb.lemma_.lower() not in _SMALL_CLAUSE_VERBS:
        return []
    for child in obj.children:
        if child.dep_ in ("acl", "ccomp", "xcomp") and child.tag_ in ("VBN", "VBD") and \
                child.i == obj.i + 1:
            return [child.lower_]
    return []


def _after_dash(token: Token) -> bool:
    """Whether the phrase of ``token`` opens right after a dash: an aside the parser may
    have hung on a verb as its object."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in ("—", "–", "--")


def _stranded_possessors(children: list[Token]) -> dict[Token, Token]:
    """Objects the parser split at a possessive: "controls [NASA]dobj ’s launch
    [schedule]dobj" -> {schedule: NASA}."""
    objects = [c for c in children if c.dep_ in OBJECT_DEPS]
    return {noun: owner for owner, noun in zip(objects, objects[1:], strict=False)
            if is_possessor(owner) and noun.pos_ == "NOUN"}
