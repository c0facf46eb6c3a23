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

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

__all__ = ["line_sentences", "NameFiller"]


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    after_break = True
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break or token.i > 0 and "\n" in token.doc[token.i - 1].whitespace_:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
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
        for _, start, end in self.matcher(doc):
            label = self.labels[doc[start:end].text]
            overlapping = [e for e in entities if e.start < end and start < e.end]
            if not overlapping:
                entities.append(Span(doc, start, end, label=label))
            elif len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (start, end):
                entities[entities.index(overlapping[0])] = Span(doc, start, end, label=label)
        doc.ents = filter_spans(entities)
        return doc
