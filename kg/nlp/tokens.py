"""A parsed document whose tokens are made once: what kg's reading rules walk over.

spaCy makes a new Python ``Token`` object each time a ``Doc`` is indexed or iterated
(``doc[i]``, ``for token in doc``). kg's rules walk each article's tokens a few dozen times
over: under a profiler, making token objects was about a third of the time kg spends reading
an article after the parse (reading 300 articles took 4.2 s before this view, 3.8 s with
it). :class:`TokenView` holds each token once and hands out the same objects; everything
else (slices as spaCy ``Span``\\ s, ``ents``, ``sents``, ``text``, ``user_data`` ...) is the
``Doc``'s own.

>>> import spacy
>>> doc = spacy.blank("en")("Musk met Putin.")
>>> view = TokenView(doc)
>>> [t.text for t in view], view[1] is view[1], view[0:2].text, len(view)
(['Musk', 'met', 'Putin', '.'], True, 'Musk met', 4)
>>> view.text == doc.text and view.doc is doc and TokenView(view).doc is doc
True
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["TokenView"]


class TokenView:
    """``doc`` with its tokens made once: integer indexing and iteration give the same
    ``Token`` objects every time; slices and every other attribute are the ``Doc``'s."""

    __slots__ = ("doc", "_tokens")

    def __init__(self, doc: Doc | TokenView) -> None:
        self.doc: Doc = doc.doc if isinstance(doc, TokenView) else doc
        self._tokens: list[Token] = list(self.doc)

    def __iter__(self) -> Iterator[Token]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, key: int | slice) -> Token | Span:
        if isinstance(key, int):
            return self._tokens[key]
        return self.doc[key]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)
