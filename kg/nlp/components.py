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

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

__all__ = ["line_sentences", "NameFiller"]


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
