"""spaCy components kg adds to whatever pipeline it loads.

``kg_line_sentences`` starts a new sentence after every line break, before the parser
runs (the parser keeps preset boundaries). Headlines, bylines and captions have no final
full stop; without it they would be glued to the next paragraph's first sentence.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_line_sentences")
>>> doc = nlp("A Musk-Putin bombshell\\nElon Musk has ramped up his campaign.")
>>> [t.text for t in doc if t.is_sent_start]
['A', 'Elon']
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import filter_spans

__all__ = ["line_sentences", "NameFiller", "CachedLemmatizer", "CachedAttributeRuler"]


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start (all at once: setting
    ``is_sent_start`` token by token costs a pass over the document each time)."""
    starts = doc.to_array([SENT_START])
    after_break = True
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break or token.i > 0 and "\n" in doc[token.i - 1].whitespace_:
            starts[token.i] = 1
        after_break = "\n" in token.whitespace_
    if len(doc):
        doc.from_array([SENT_START], starts)
    return doc


@Language.factory("kg_name_filler", default_config={"names": {}})
def make_name_filler(nlp: Language, name: str, names: dict[str, str]) -> NameFiller:
    return NameFiller(nlp, names)


class NameFiller:
    """After the NER: one-word names of the alias table (``{"SpaceX": "ORG"}``).

    A name the model missed becomes an entity; a name the model found with the same span
    gets the table's label; a name inside a longer entity ("America" in "North America")
    is left alone.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_name_filler", config={"names": {"SpaceX": "ORG", "America": "GPE"}})
    >>> doc = nlp.make_doc("SpaceX flew over North America.")
    >>> doc.ents = [Span(doc, 3, 5, label="LOC")]
    >>> [(e.text, e.label_) for e in nlp.get_pipe("kg_name_filler")(doc).ents]
    [('SpaceX', 'ORG'), ('North America', 'LOC')]
    """

    def __init__(self, nlp: Language, names: dict[str, str]) -> None:
        self.labels = dict(names)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("kg_names", [nlp.make_doc(n) for n in sorted(names)])

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.ents)
        at = {i: index for index, e in enumerate(entities) for i in range(e.start, e.end)}
        added = []
        for _, start, end in self.matcher(doc):
            label = self.labels[doc[start:end].text]
            overlapping = {at[i] for i in range(start, end) if i in at}
            if not overlapping:
                added.append(Span(doc, start, end, label=label))
            elif len(overlapping) == 1:
                index = overlapping.pop()
                if (entities[index].start, entities[index].end) == (start, end):
                    entities[index] = Span(doc, start, end, label=label)
        doc.ents = filter_spans(entities + added)
        return doc


@Language.factory("kg_cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """Wraps the pipeline's rule lemmatizer, which it then replaces
    (:func:`kg.nlp.pipeline.load_pipeline`)."""
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


class CachedLemmatizer:
    """spaCy's rule lemmatizer, asked once per word, part of speech and morphology.

    The rule lemmatizer already keeps its answers, but it is still called token by token
    from Python: about a fifth of the bundled pipeline's time. This reads each document's
    words, tags and morphology as one array, looks each up in its own table, asks the
    lemmatizer only for combinations it has not seen, and writes the lemmas back as one
    array. The lemmas are the lemmatizer's own; those already set (by the attribute ruler)
    are kept, as the lemmatizer keeps them.

    >>> from kg.nlp import load_pipeline
    >>> nlp = load_pipeline()
    >>> [t.lemma_ for t in nlp("The companies were running to better markets.")]
    ['the', 'company', 'be', 'run', 'to', 'well', 'market', '.']
    """

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            found = self.lemmas.get((orth, pos, morph))
            if found is None:
                text = self.lemmatizer.lemmatize(doc[i])[0]
                found = self.lemmas[(orth, pos, morph)] = doc.vocab.strings.add(text)
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("kg_cached_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """Wraps the pipeline's attribute ruler, which it then replaces
    (:func:`kg.nlp.pipeline.load_pipeline`)."""
    return CachedAttributeRuler(nlp.get_pipe("attribute_ruler"))


class CachedAttributeRuler:
    """spaCy's attribute ruler, for rules that each look at one token's tag and lower-case
    form (a tag map: "NNS" is a plural noun; "'s" after a verb is "be"), worked out once
    per combination of tag, form and the attributes the token already has.

    spaCy runs the rules as a matcher over every document and sets each match's attributes
    token by token: about a tenth of the bundled pipeline's time. Here each document's tags
    and forms are read as one array; for a combination not seen before, the rules that match
    it are applied in their order (a later rule wins, as in spaCy) to that token with spaCy's
    own setter, and the outcome kept; every token then gets its combination's outcome,
    written back as one array. Only for rules of that shape (:meth:`fits`); any other
    attribute ruler is left as it is.

    >>> from kg.nlp import load_pipeline
    >>> nlp = load_pipeline()
    >>> [(t.pos_, str(t.morph)) for t in nlp("Prices rose.")]
    [('NOUN', 'Number=Plur'), ('VERB', 'Tense=Past|VerbForm=Fin'), ('PUNCT', 'PunctType=Peri')]
    """

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.rules = []  # (alternatives: [(tag hash | None, lower hash | None)], attrs)
        for entry, attrs in zip(ruler.patterns, ruler.attrs, strict=True):
            alternatives = [(strings.add(p[0]["TAG"]) if "TAG" in p[0] else None,
                             strings.add(p[0]["LOWER"]) if "LOWER" in p[0] else None)
                            for p in entry["patterns"]]
            self.rules.append((alternatives, attrs))
        self.outcomes: dict[tuple[int, ...], tuple[int, int, int]] = {}

    @staticmethod
    def fits(ruler) -> bool:
        """Whether every rule is one token's tag and/or lower-case form."""
        return all(entry.get("index", 0) == 0 and all(
            len(p) == 1 and p[0] and set(p[0]) <= {"TAG", "LOWER"} and
            all(isinstance(v, str) for v in p[0].values()) for p in entry["patterns"])
            for entry in ruler.patterns)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, POS, MORPH, LEMMA])
        results = rows[:, 2:].copy()
        for i, row in enumerate(rows.tolist()):
            key = tuple(row)
            found = self.outcomes.get(key)
            if found is None:
                token = doc[i]
                for alternatives, attrs in self.rules:
                    if any((tag is None or tag == row[0]) and (lower is None or lower == row[1])
                           for tag, lower in alternatives):
                        set_token_attrs(token, attrs)
                found = self.outcomes[key] = (token.pos, token.morph.key, token.lemma)
            results[i] = found
        doc.from_array([POS, MORPH, LEMMA], results)
        return doc
