"""Clauses read from the dependency parse: who does what, to whom, where and when.

:func:`clause_subjects` finds a verb's subjects, explicit or understood; the entity
extractor (:mod:`kg.extract.relations`) and the open extractor below share it.
:func:`open_tuples` is kg's *open* mode: arguments may be any noun phrase, not only named
entities, as open information extraction benchmarks (CaRB) expect.

Examples
--------
>>> import spacy
>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("He served as the first Prime Minister of Australia.")
>>> [(t.relation, t.args) for t in open_tuples(doc)]
[('served as', ('He', 'the first Prime Minister of Australia'))]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.lexicon import COPULAS, OBJECT_CONTROL_VERBS, RAISING_ADJECTIVES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["acts_as_verb", "asks", "clause_subjects", "example_of", "expand", "introduces_examples",
           "inverted_subjects", "open_tuples", "OpenTuple"]

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_OBJECT_DEPS = ("dobj", "dative", "attr", "oprd", "acomp", "obj")


def asks(tokens) -> bool:
    """Whether a stretch of text (a sentence, a paragraph) ends in a question mark, past
    spaces, closing quotes and brackets: "How did Elon Musk rely on the Russians?" asks, and so
    does "(Why now?)".

    >>> import spacy
    >>> asks(spacy.blank("en")('He said: "Why now?"')), asks(spacy.blank("en")("He went."))
    (True, False)
    """
    words = [t for t in tokens if not t.is_space and not t.is_quote and t.text not in (")", "]")]
    return bool(words) and words[-1].text == "?"


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun but the parser gave a subject and a
    direct object ("SpaceX essentially controls NASA's schedule", "controls" tagged NNS)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children) and \
        any(c.dep_ == "dobj" for c in token.children)


def expand(token: Token) -> list[Token]:
    """The token and the tokens conjoined with it ("Russia and Ukraine")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "VERB", "ADP"):
            found.extend(expand(child))
    return found


def introduces_examples(prep: Token) -> bool:
    """"like", "including", "such as": what follows are instances of the noun before."""
    if prep.lower_ in ("like", "including"):
        return True
    return prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


def example_of(name: Token) -> Token | None:
    """The noun that a name (or a name conjoined with it) is given as an example of: "members"
    in "former members of Scientology, including musician Tiziano Lugli and actor Jason
    Beghe"; else None."""
    while name.dep_ == "conj" and name.head.i < name.i:
        name = name.head
    prep = name.head
    if name.dep_ == "pobj" and prep.dep_ == "prep" and introduces_examples(prep) and \
            prep.head.pos_ == "NOUN" and prep.head.i < prep.i:
        return prep.head
    return None


def prepositional_objects(token: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """The objects, conjuncts included, of the token's prepositions among ``prepositions``:
    "spoke with X and Y" -> X, Y."""
    return [t for prep in token.children if prep.dep_ == "prep" and prep.lower_ in prepositions
            for p in prep.children if p.dep_ == "pobj" for t in expand(p)]


#: Participles that say where something is ("located", "based", "headquartered").
_SITED_PARTICIPLES = {"locate", "located", "base", "based", "headquarter", "headquartered",
                      "situate", "situated"}


def clause_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The subjects of a verb, explicit or understood.

    Understood subjects: an infinitive under an object-control verb takes its object
    ("asked Musk not to activate" -> Musk); a purpose clause ("to help ...") takes the
    subject of the nearest verb above it that has one; conjoined and adverbial verbs take
    their head's; a relative or participial clause takes the noun it modifies.
    """
    explicit = [t for c in verb.children if c.dep_ in _SUBJECT_DEPS for t in expand(c)]
    explicit = [t for e in explicit
                for t in (_described(verb.head, depth) if e.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"
                          else [e])]
    explicit = list(dict.fromkeys(_name_before_brackets(t, verb) for t in explicit))
    if explicit or depth > 4:
        return explicit
    misparsed = [c for c in verb.children if is_misparsed_subject(c)]
    if misparsed:
        return misparsed[:1]
    bracketed = _subject_before_brackets(verb)
    if bracketed:
        return bracketed
    inverted = inverted_subjects(verb)
    if inverted:
        return inverted
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":
        objects = _controllers(head, verb)
        if objects:
            return objects
        return clause_subjects(head, depth + 1)
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        objects = _controllers(head, verb)  # "appointed Musk to lead", misparsed
        if objects:
            return objects
        # a purpose clause belongs to whoever has an explicit subject above it
        while head.dep_ == "xcomp" and not any(c.dep_ in _SUBJECT_DEPS for c in head.children):
            head = head.head
        return clause_subjects(head, depth + 1)
    if verb.dep_ in ("acomp", "xcomp", "attr") and verb.tag_ == "VBN" and head.lemma_.lower() == "be":
        return clause_subjects(head, depth + 1)  # "being overtaken": the passive's subject
    if verb.dep_ == "acomp" and verb.lower_ in RAISING_ADJECTIVES and head.lemma_.lower() == "be":
        return clause_subjects(head, depth + 1)  # "Obama is likely to meet Xi": Obama
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
        # "Before being overtaken by X, Russia was ...": the verb the preposition hangs on
        return clause_subjects(head.head, depth + 1)
    if verb.tag_ == "VBN" and verb.lemma_.lower() in _SITED_PARTICIPLES and verb.i >= 2 and \
            verb.doc[verb.i - 1].text == "," and verb.doc[verb.i - 2].pos_ == "PROPN":
        # "Duke University, located in Durham": where something is, is said of the name
        # right before the comma, however the parser attached the participle
        return [verb.doc[verb.i - 2]]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _after_comma(verb):
        # "Musk has ramped up his campaign to get Trump elected, rallying hard in ...":
        # a participle set off by a comma describes the main clause's subject, however
        # deep the verb the parser hung it on
        while head.dep_ in ("ccomp", "xcomp", "acl", "relcl", "pobj", "dobj") and head.head.i != head.i:
            head = head.head
        return clause_subjects(head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "pcomp"):
        return clause_subjects(head, depth + 1)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "his campaign to get Trump elected": the noun's owner acts; else the noun
        owners = [c for c in head.children if c.dep_ == "poss"]
        return owners or [head]
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        return _described(head, depth)
    return []


def _controllers(head: Token, verb: Token) -> list[Token]:
    """The object of an object-control verb, which is the subject of its infinitive: "asked
    Musk not to activate", "appointed Musk to lead"; not "what he wants to talk about"."""
    if head.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return []
    return [t for c in head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i
            and c.tag_ not in ("WP", "WDT") for t in expand(c)]


def _described(noun: Token, depth: int) -> list[Token]:
    """What a clause on a noun is about: the noun, or, for the complement of a copula, its
    subject ("Sappy Records is a label based in Sackville": Sappy Records is based there)."""
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
        subjects = clause_subjects(noun.head, depth + 1)
        if subjects:
            return subjects
    return [noun]


def _subject_before_brackets(verb: Token) -> list[Token]:
    """"Guido Bonatti (died between 1296 and 1300) was an Italian mathematician": the parser
    gave the subject to the verb in brackets; the verb after them has it too."""
    for child in verb.children:
        if child.i > verb.i or child.dep_ not in ("ccomp", "advcl", "parataxis", "dep"):
            continue
        for subject in child.children:
            if subject.dep_ in _SUBJECT_DEPS and subject.i < child.i and any(
                    t.text == "(" for t in verb.doc[subject.i + 1:child.i]):
                return expand(subject)
    return []


def _name_before_brackets(subject: Token, verb: Token) -> Token:
    """"Kurt Tucholsky (; 9 January 1890 – 21 December 1935) was a German journalist": the
    parser gave the verb after the brackets a subject inside them; the name before them is
    the subject."""
    doc = subject.doc
    if subject.i > verb.i or not any(t.text == ")" for t in doc[subject.i + 1:verb.i]):
        return subject
    opening = next((t for t in reversed(doc[subject.sent.start:subject.i]) if t.text in ("(", ")")), None)
    if opening is None or opening.text != "(" or opening.i == 0:
        return subject
    name = doc[opening.i - 1]
    if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"):
        return name
    return subject


def _after_comma(verb: Token) -> bool:
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].text == ","


def is_misparsed_subject(token: Token) -> bool:
    """"SpaceX, his rocket company, controls ...": a name before a finite verb without a
    subject, which the parser took for a clause or modifier of it (and the tagger, maybe,
    for a plural noun)."""
    verb = token.head
    return token.i < verb.i and token.dep_ in ("advcl", "npadvmod", "dep") and \
        token.pos_ in ("PROPN", "NOUN") and \
        token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "PRODUCT") and \
        verb.tag_ in ("VBZ", "VBD", "VBP") and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def inverted_subjects(verb: Token) -> list[Token]:
    """"Is Elon Musk in regular contact with Putin?": a question's subject, parsed as attr."""
    if verb.lemma_.lower() != "be" or verb.i != verb.sent.start:
        return []
    if not verb.sent.text.rstrip().endswith("?") or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return []
    return [t for c in verb.children if c.dep_ == "attr" for t in expand(c)]


@dataclass(frozen=True)
class OpenTuple:
    """An open extraction: relation words, arguments (arg1 first), confidence."""

    relation: str
    args: tuple[str, ...]
    confidence: float


def _phrase(token: Token, drop: set[int] = frozenset(), *, conjuncts: bool = True) -> str:
    """The words of a token's subtree, without clauses hanging off it and edge punctuation;
    without its conjuncts ("taxes" of "taxes and credits") when ``conjuncts`` is False."""
    words = []
    skip: set[int] = set(drop)
    for child in token.children:
        if child.dep_ in ("relcl", "advcl", "parataxis", "mark") or (
            child.dep_ == "punct" and child.i > token.i
        ) or (not conjuncts and child.dep_ in ("conj", "cc", "preconj")):
            skip.update(t.i for t in child.subtree)
    words = [t for t in token.subtree if t.i not in skip]
    while words and words[0].is_punct:
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return " ".join(t.text for t in words)


def _relation_words(verb: Token) -> list[Token]:
    before = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    after = [c for c in verb.children if c.dep_ == "prt"]
    return sorted([*before, verb, *after], key=lambda t: t.i)


def _adjective_complement(verb: Token) -> Token | None:
    """The adjective of a copula without object ("is very difficult"), or None."""
    if verb.lemma_.lower() not in ("be", "become", "remain", "seem", "appear"):
        return None
    complements = [c for c in verb.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    if len(complements) != 1 or any(c.dep_ in ("dobj", "attr") for c in verb.children):
        return None
    return complements[0]


def _is_clause_head(token: Token) -> bool:
    if not acts_as_verb(token) or token.dep_ in ("aux", "auxpass", "amod", "compound"):
        return False
    return not (token.tag_ == "VBG" and token.dep_ in ("pobj", "pcomp") and not list(token.children))


def _is_argument(child: Token) -> bool:
    """Prepositional phrases, time expressions and clausal complements of a verb."""
    if child.dep_ in ("prep", "agent"):
        return any(c.dep_ in ("pobj", "pcomp") for c in child.children)
    if child.dep_ in ("npadvmod", "tmod"):
        return child.ent_type_ in ("DATE", "TIME")
    return child.dep_ == "ccomp"


def open_tuples(doc: Doc | Span) -> list[OpenTuple]:
    """One tuple per clause: (relation; subject; objects and prepositional phrases in order).

    Infinitives under a verb join its relation ("wants to expand"); appositions give an
    "is" tuple ("Bush; is; President"). Confidence is a ranking score: explicit subjects
    and objects score higher than understood ones; long sentences score lower.
    """
    found: list[OpenTuple] = []
    tokens = list(doc)
    length_factor = 0.9 if len(tokens) > 40 else 1.0
    for verb in tokens:
        if not _is_clause_head(verb):
            continue
        if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children) and not any(
            c.dep_ in _OBJECT_DEPS for c in verb.head.children
        ):
            continue  # folded into the governing verb's relation
        explicit = any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
        subjects = clause_subjects(verb)
        if not subjects:
            continue
        relation = _relation_words(verb)
        head = verb
        for child in verb.children:  # "wants to expand": the relation continues
            if child.dep_ == "xcomp" and any(c.lower_ == "to" for c in child.children) and not any(
                c.dep_ in _OBJECT_DEPS for c in verb.children
            ):
                relation += [t for t in child.children if t.dep_ in ("aux", "neg")] + [child]
                relation += [t for t in child.children if t.dep_ == "prt"]
                head = child
                break
        objects: list[list[str]] = []  # one slot per object; a slot's conjuncts are alternatives
        after, before = [], []  # other arguments after and before the verb
        preposition = None
        complement = _adjective_complement(head)
        if complement is not None:  # CaRB's "is tighter | The supply": the adjective is relation
            relation += [t for t in complement.subtree if t.i <= complement.i and t.dep_ != "punct"]
            after += [c for c in complement.children if c.i > complement.i and _is_argument(c)]
            after += [c for c in complement.children if c.dep_ == "xcomp"]
        for child in head.children:
            if complement is not None and child.i == complement.i:
                continue
            if child.dep_ in _OBJECT_DEPS:
                objects.append([_phrase(t, conjuncts=False) for t in expand(child)])
            elif _is_argument(child):
                (after if child.i > verb.i else before).append(child)
        if not objects and after and after[0].dep_ == "prep":
            # no object: the first preposition joins the relation ("apologized to | X")
            preposition = after[0]
            objects.append([_phrase(t, conjuncts=False) for c in preposition.children
                            if c.dep_ == "pobj" for t in expand(c)] or [_phrase(preposition)])
            relation.append(preposition)
            after = after[1:]
        after = [_phrase(c) for c in after]
        before = [_phrase(c) for c in before]
        confidence = (0.95 if explicit else 0.75) * (1.0 if objects or after else 0.7) * length_factor
        relation_text = " ".join(t.text for t in sorted(relation, key=lambda t: t.i))
        first = objects[0] if objects else [None]
        rest = [" ".join(slot) for slot in objects[1:]]
        for subject in subjects:
            # "the shows which toured": the subject's phrase without the clause on it
            drop = {t.i for t in verb.subtree} if verb.i in {t.i for t in subject.subtree} else set()
            for obj in first:  # CaRB's convention: one tuple per conjoined object
                args = [a for a in (obj, *rest, *after, *before) if a]
                found.append(OpenTuple(relation_text, (_phrase(subject, drop, conjuncts=False), *args),
                                       round(confidence, 3)))
    for token in tokens:  # appositions: "Christopher Drogoul ; is ; the branch 's former manager"
        head = token.head
        if token.dep_ != "appos" or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if {token.ent_type_, head.ent_type_} <= {"GPE", "LOC", "FAC"} or token.lower_ in _SUFFIXES:
            continue  # "Hoboken , New Jersey" is a place in a place; "Jr." a name's part
        outer = _phrase(head, {t.i for t in token.subtree})
        inner = _phrase(token)
        name_first = token.pos_ == "PROPN" and head.pos_ != "PROPN"
        args = (inner, outer) if name_first else (outer, inner)
        found.append(OpenTuple("is", args, round(0.6 * length_factor, 3)))
    return found


_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "inc.", "ltd.", "co."}
