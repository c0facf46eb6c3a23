"""Read Re-DocRED documents as plain text with gold entity mentions and relations.

Re-DocRED (MIT licence) stores each Wikipedia document as tokenised sentences. kg
needs real text, so the tokens are joined back with ordinary English spacing
("Schneider ( born 1963 )" becomes "Schneider (born 1963)"), and every gold
mention keeps its exact character span in the rebuilt text.

Examples
--------
>>> text, offsets = detokenize([["He", "said", '"', "yes", '"', "(", "twice", ")", "."]])
>>> text
'He said "yes" (twice).'
>>> text[offsets[0][3][0]:offsets[0][3][1]]
'yes'
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "GoldMention",
    "GoldEntity",
    "GoldRelation",
    "RedocredDocument",
    "detokenize",
    "read_redocred",
    "is_heldout",
    "span_key",
    "gold_vertices",
]

_NO_SPACE_BEFORE = {
    ",", ".", ")", "]", "}", ";", ":", "%", "!", "?", "'s", "'S", "n't", "'re", "'ve",
    "'ll", "'d", "'m", "'",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


@dataclass(frozen=True)
class GoldMention:
    """One gold mention: its text, character span in the rebuilt text, and sentence."""

    text: str
    start: int
    end: int
    sent_id: int


@dataclass(frozen=True)
class GoldEntity:
    """A gold entity (a Re-DocRED vertex): its type and all its mentions."""

    type: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True)
class GoldRelation:
    """A gold relation between two entities (indices into ``entities``), a Wikidata property."""

    head: int
    tail: int
    property: str
    evidence: tuple[int, ...]


@dataclass
class RedocredDocument:
    """A Re-DocRED document rebuilt as text, with gold entities and relations."""

    index: int
    title: str
    text: str
    sentence_spans: list[tuple[int, int]]
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)


def detokenize(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Join tokenised sentences into text; return it with each token's (start, end).

    Sentences are separated by one space. Straight double quotes alternate between
    opening (no space after) and closing (no space before).
    """
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    length = 0
    glue_next = True  # no space before the very first token
    quote_open = False
    for sentence in sentences:
        sentence_offsets = []
        for token in sentence:
            glue = glue_next or token in _NO_SPACE_BEFORE
            if token == '"':
                glue = glue_next or quote_open
            if not glue:
                parts.append(" ")
                length += 1
            parts.append(token)
            sentence_offsets.append((length, length + len(token)))
            length += len(token)
            glue_next = token in _NO_SPACE_AFTER
            if token == '"':
                glue_next = not quote_open
                quote_open = not quote_open
        offsets.append(sentence_offsets)
    return "".join(parts), offsets


def is_heldout(index: int) -> bool:
    """Whether Re-DocRED document ``index`` is held out from model training.

    Odd-numbered documents are never shown to the teacher or the student, so the
    model's accuracy on their gold mentions is an honest measurement.

    >>> [is_heldout(i) for i in range(4)]
    [False, True, False, True]
    """
    return index % 2 == 1


def read_redocred(path: str | Path) -> list[RedocredDocument]:
    """Read a Re-DocRED JSON file (e.g. ``dev_revised.json``) into documents."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    documents = []
    for index, item in enumerate(raw):
        text, offsets = detokenize(item["sents"])
        sentence_spans = [(s[0][0], s[-1][1]) for s in offsets if s]
        entities = []
        for vertex in item["vertexSet"]:
            mentions = []
            for mention in vertex:
                sent = offsets[mention["sent_id"]]
                start = sent[mention["pos"][0]][0]
                end = sent[mention["pos"][1] - 1][1]
                mentions.append(GoldMention(text[start:end], start, end, mention["sent_id"]))
            entities.append(GoldEntity(vertex[0]["type"], tuple(mentions)))
        relations = [
            GoldRelation(label["h"], label["t"], label["r"], tuple(label.get("evidence", ())))
            for label in item.get("labels", [])
        ]
        documents.append(
            RedocredDocument(index, item["title"], text, sentence_spans, entities, relations)
        )
    return documents


def span_key(text: str, start: int, end: int) -> tuple[int, int]:
    """A mention's span without a leading "the".

    Re-DocRED's annotators included a leading "the" or not ("the United States" 64 times,
    "United States" 32 in dev), so spans are compared without it.

    >>> span_key("in the United States", 3, 20), span_key("in Theresienstadt", 3, 17)
    ((7, 20), (3, 17))
    """
    return (start + 4, end) if text[start:start + 4].lower() == "the " else (start, end)


def gold_vertices(document: RedocredDocument, mentions: Iterable) -> dict[str, int]:
    """Map kg entities to gold entities (indices into ``document.entities``).

    A kg entity maps to the gold entity that shares most of its mentions' exact spans
    (:func:`span_key`); entities sharing none are left out. ``mentions`` are kg
    :class:`~kg.model.Mention` objects of this document's article.

    >>> from kg.model import Mention
    >>> doc = RedocredDocument(0, "t", "Oslo is in Norway.", [(0, 18)], [
    ...     GoldEntity("LOC", (GoldMention("Oslo", 0, 4, 0),)),
    ...     GoldEntity("LOC", (GoldMention("Norway", 11, 17, 0),))])
    >>> gold_vertices(doc, [Mention("d0", 0, 4, "Oslo", "oslo"), Mention("d0", 11, 17, "Norway", "norway"),
    ...                     Mention("d0", 8, 10, "is", "x")])
    {'oslo': 0, 'norway': 1}
    """
    text = document.text
    span_to_vertex = {span_key(text, m.start, m.end): vertex
                      for vertex, entity in enumerate(document.entities) for m in entity.mentions}
    votes: dict[str, Counter] = {}
    for mention in mentions:
        vertex = span_to_vertex.get(span_key(text, mention.start, mention.end))
        if vertex is not None:
            votes.setdefault(mention.entity, Counter())[vertex] += 1
    return {entity: counts.most_common(1)[0][0] for entity, counts in votes.items()}
