"""The small records kg passes around: articles, mentions, entities, relations, evidence.

They are frozen dataclasses with plain-value fields, so they compare by value,
hash, sort and serialise without surprises.

Examples
--------
>>> ev = Evidence(article="a1", sentence="Musk met Putin.", start=0, end=15)
>>> rel = Relation("elon-musk", "meet", "vladimir-putin", evidence=ev)
>>> rel.predicate, rel.evidence.negated
('meet', False)
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "Mention", "Entity", "Evidence", "Relation"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``text`` is exactly what evidence offsets index.

    For ``.txt``/``.md`` files it is the file's text (title line included); for HTML it
    is the extracted main text; for JSONL it is the ``text`` field.
    """

    id: str
    title: str
    text: str
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    sha256: str = ""
    source: str = field(default="", compare=False)  # where it was read: local, not content


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of an article's text that refers to an entity.

    ``kind`` is ``name`` (a named-entity span), ``role`` ("the Russian president"),
    ``appos`` or ``pronoun``. ``start``/``end`` are character offsets into the article
    text; ``sentence_start``/``sentence_end`` bound its sentence.
    """

    article: str
    start: int
    end: int
    text: str
    entity: str
    kind: str = "name"
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity: one node of the graph, however the articles name it."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    mention_count: int = 0
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where and how an article states a relation.

    ``start``/``end`` index the article text and bound ``sentence`` exactly:
    ``article.text[start:end] == sentence``. ``time`` is an ISO 8601 value (``2022``,
    ``2022-10``, ``2022-10-05``) and ``time_text`` the words it was read from.
    ``inferred`` marks a relation kg inferred from the whole article (:mod:`kg.infer`,
    named in ``extractor``) rather than read from ``sentence``, which then is only where
    the article first names the subject.
    """

    article: str
    sentence: str
    start: int
    end: int
    confidence: float = 1.0
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    time: str | None = None
    time_text: str | None = None
    extractor: str = ""
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation an article states: subject -predicate-> object, with its evidence.

    ``subject`` and ``object`` are entity ids; ``predicate`` is a readable lemma phrase
    (``ask``, ``be in contact with``, ``leader of``); ``type`` is a relation type from
    :mod:`kg.schema` when one fits.
    """

    subject: str
    predicate: str
    object: str
    type: str | None = None
    evidence: Evidence | None = None

    def sort_key(self) -> tuple:
        """A total order: article, position, then subject, predicate, object."""
        ev = self.evidence
        where = (ev.article, ev.start, ev.end) if ev else ("", 0, 0)
        return (*where, self.subject, self.predicate, self.object, self.type or "")
