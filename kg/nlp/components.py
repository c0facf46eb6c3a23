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
from spacy.tokens import Doc

__all__ = ["line_sentences"]


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
