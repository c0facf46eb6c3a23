"""From articles to a :class:`~kg.graph.KnowledgeGraph`: the whole pipeline in one call.

ingest -> spaCy (``nlp.pipe``) -> mentions and coreference -> relations -> cross-article
entity resolution -> graph. Bad inputs are reported in ``graph.report.problems`` and
skipped; everything else is built.

Examples
--------
>>> graph = build(["seeds/"])
>>> graph.report.articles_read, graph.report.problems
(3, [])
>>> graph.get_entity("elon-musk").label
'Elon Musk'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kg.extract.confidence import confidence_model
from kg.extract.coref import ArticleEntities, resolve_mentions
from kg.extract.lexicon import ENTITY_LABELS
from kg.extract.qualifiers import parse_time
from kg.extract.relations import EXTRACTOR, LocalRelation, extract_relations, sentence_bounds
from kg.gazetteer import Gazetteer
from kg.graph import KnowledgeGraph
from kg.graph_views import mention_alias
from kg.infer import add_inferred
from kg.ingest import DEFAULT_MAX_BYTES, read_articles
from kg.learned import LogisticModel
from kg.model import Article, Evidence, Mention, Relation
from kg.nlp.pipeline import load_pipeline, resolve_model
from kg.resolve import ClusterSummary, resolve_entities
from kg.schema import relation_type

DEFAULT_MAX_CHARS = 300_000  # about 50,000 words: a long report, in about 0.7 GB

__all__ = ["build", "build_articles", "extract_articles", "graph_of", "Extracted", "cut_text",
           "DEFAULT_MAX_CHARS", "ArticleExtraction", "extract_article", "assemble",
           "assemble_with_ids", "local_to_relation", "shards_of", "read_shard"]

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class ArticleExtraction:
    """Everything kg read from one article, with per-article cluster ids."""

    article: Article
    clusters: list[ClusterSummary]
    mentions: list[tuple[int, int, int, str, int, int]]  # cluster, start, end, kind, sent start/end
    relations: list[LocalRelation]


def extract_article(article: Article, doc, gazetteer: Gazetteer,
                    labels: tuple[str, ...] = ENTITY_LABELS, *, min_confidence: float = 0.0,
                    calibration: LogisticModel | None = None) -> ArticleExtraction:
    """Run coreference and relation extraction over one parsed article; keep the relations
    whose calibrated confidence is at least ``min_confidence``."""
    entities: ArticleEntities = resolve_mentions(doc, gazetteer, labels)
    relations = [r for r in extract_relations(entities, calibration) if r.confidence >= min_confidence]
    summaries, mentions = [], []
    for cluster in entities.clusters.values():
        names = []
        for mention in cluster.mentions:
            span = mention.span(doc)
            sent_start, sent_end = sentence_bounds(span[0])
            mentions.append((cluster.id, span.start_char, span.end_char, mention.kind,
                             sent_start, sent_end))
            alias = mention_alias(Mention(article.id, span.start_char, span.end_char, span.text,
                                          "", mention.kind))
            if alias:
                names.append(alias)
        summaries.append(ClusterSummary(
            article.id, cluster.id, cluster.label, cluster.type,
            cluster.known.id if cluster.known else None, tuple(n for n in names if n),
            sum(1 for m in cluster.mentions if m.kind != "demonym"),
        ))
    return ArticleExtraction(article, summaries, mentions, relations)


def build(
    paths: Iterable[str | Path],
    *,
    model: str | Path | None = None,
    labels: tuple[str, ...] = ENTITY_LABELS,
    gazetteer: Gazetteer | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = 16,
    n_process: int = 1,
    progress: Progress | None = None,
    stdin: bytes | None = None,
    infer: bool = False,
    min_confidence: float | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> KnowledgeGraph:
    """Build a knowledge graph from the articles at ``paths``.

    Parameters
    ----------
    paths
        Files, folders, glob patterns, or ``-`` for standard input (see :mod:`kg.ingest`).
    model
        A spaCy pipeline name or folder; by default ``$KG_SPACY_MODEL`` or the bundled one.
    labels
        The spaCy entity labels that become graph entities.
    n_process
        Worker processes on large runs, each parsing and reading its shards of the articles
        (with a ``gazetteer`` of your own, spaCy's ``nlp.pipe`` workers parse and this
        process reads).
    progress
        Called as ``progress(done, total)`` after each article.
    infer
        Also add the relations :mod:`kg.infer` infers from whole articles, marked
        ``inferred``; by default the graph holds only what the articles state.
    min_confidence
        State only relations at least this probably right (:mod:`kg.extract.confidence`);
        by default the confidence model's threshold, chosen for precision. 0 keeps all.
    max_chars
        A longer article is cut at a paragraph or sentence end before it (reported in
        ``graph.report.cut``).
    """
    result = read_articles(paths, max_bytes=max_bytes, stdin=stdin)
    graph = build_articles(result.articles, model=model, labels=labels, gazetteer=gazetteer,
                           batch_size=batch_size, n_process=n_process, progress=progress,
                           infer=infer, min_confidence=min_confidence, max_chars=max_chars)
    graph.report.problems = [(p.source, p.reason) for p in result.problems] + graph.report.problems
    return graph


def build_articles(
    articles: list[Article],
    *,
    model: str | Path | None = None,
    labels: tuple[str, ...] = ENTITY_LABELS,
    gazetteer: Gazetteer | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    progress: Progress | None = None,
    infer: bool = False,
    min_confidence: float | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> KnowledgeGraph:
    """Build a knowledge graph from articles already read (options as in :func:`build`).

    An article longer than ``max_chars`` characters is cut at the last paragraph or
    sentence end before the limit, and the cut reported (``graph.report.cut``)."""
    extracted = extract_articles(articles, model=model, labels=labels, gazetteer=gazetteer,
                                 batch_size=batch_size, n_process=n_process, progress=progress,
                                 max_chars=max_chars)
    return graph_of(extracted, gazetteer=gazetteer or Gazetteer.bundled(),
                    min_confidence=min_confidence, infer=infer)


@dataclass
class Extracted:
    """What kg read from a batch of articles, before it became a graph."""

    extractions: list[ArticleExtraction]
    problems: list[tuple[str, str]]
    cut: list[tuple[str, str]]
    model: str

    @classmethod
    def joined(cls, parts: list[Extracted], model: str) -> Extracted:
        """What shards of the articles gave, one after another (workers' results, in the
        articles' order)."""
        return cls([e for p in parts for e in p.extractions], [x for p in parts for x in p.problems],
                   [c for p in parts for c in p.cut], model)


def extract_articles(
    articles: list[Article],
    *,
    model: str | Path | None = None,
    labels: tuple[str, ...] = ENTITY_LABELS,
    gazetteer: Gazetteer | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    progress: Progress | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Extracted:
    """Parse and read each article: its entities' clusters, mentions and every relation the
    rules read, whatever its confidence (:func:`graph_of` applies the threshold)."""
    if not articles:  # nothing to parse: no pipeline to load (an incremental build with nothing new)
        return Extracted([], [], [], resolve_model(model)[0])
    if n_process > 1 and gazetteer is None and len(articles) >= 2 * n_process:
        return _extract_in_processes(articles, n_process, model=model, labels=labels,
                                     max_chars=max_chars, progress=progress)
    gazetteer = gazetteer or Gazetteer.bundled()
    nlp = load_pipeline(model)
    problems: list[tuple[str, str]] = []
    cut: list[tuple[str, str]] = []
    usable = []
    limit = min(max_chars, nlp.max_length)
    for article in articles:
        if len(article.text) > limit:
            shorter = cut_text(article.text, limit)
            cut.append((article.source, f"cut to its first {len(shorter):,} characters (of "
                                        f"{len(article.text):,}; the limit is {limit:,})"))
            article = replace(article, text=shorter)
        usable.append(article)
    extractions = []
    docs = nlp.pipe((a.text for a in usable), batch_size=batch_size, n_process=n_process)
    for done, (article, doc) in enumerate(zip(usable, docs, strict=True), start=1):
        try:
            extractions.append(extract_article(article, doc, gazetteer, labels))
        except Exception as error:  # one bad article must not sink the run
            problems.append((article.source, f"extraction failed: {type(error).__name__}: {error}"))
        if progress:
            progress(done, len(usable))
    return Extracted(extractions, problems, cut, resolve_model(model)[0])


def shards_of(articles: list, shards: int) -> list[list]:
    """``articles`` cut into at most ``shards`` runs of consecutive articles, in order.

    >>> [len(s) for s in shards_of([None] * 7, 3)]
    [3, 2, 2]
    """
    shards = max(1, min(shards, len(articles)))
    size, extra = divmod(len(articles), shards)
    out, start = [], 0
    for index in range(shards):
        end = start + size + (1 if index < extra else 0)
        out.append(articles[start:end])
        start = end
    return [shard for shard in out if shard]


def read_shard(articles: list[Article], model, labels: tuple[str, ...], max_chars: int) -> Extracted:
    """One worker's part of a build: :func:`extract_articles` of a shard, in one process."""
    return extract_articles(articles, model=model, labels=labels, max_chars=max_chars)


def _extract_in_processes(articles: list[Article], n_process: int, *, model, labels: tuple[str, ...],
                          max_chars: int, progress: Progress | None) -> Extracted:
    """:func:`extract_articles` in ``n_process`` worker processes (the standard library's
    process pool), each parsing *and reading* shards of consecutive articles, so that the
    rules run in parallel too (spaCy's own ``n_process`` parses in workers but leaves the
    reading, and unpickling every parsed document, to the parent). The records come back in
    the articles' order: the same as one process reads."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pieces = shards_of(articles, max(4 * n_process, len(articles) // 50))
    results: list[Extracted | None] = [None] * len(pieces)
    done = 0
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        futures = {pool.submit(read_shard, piece, model, tuple(labels), max_chars): i
                   for i, piece in enumerate(pieces)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            done += len(pieces[futures[future]])
            if progress:
                progress(done, len(articles))
    return Extracted.joined(results, resolve_model(model)[0])


def graph_of(extracted: Extracted, *, gazetteer: Gazetteer | None = None,
             min_confidence: float | None = None, infer: bool = False) -> KnowledgeGraph:
    """The graph of what was read: relations at or above ``min_confidence`` (by default the
    confidence model's threshold), entities resolved across articles, inferences if asked."""
    gazetteer = gazetteer or Gazetteer.bundled()
    if min_confidence is None:
        min_confidence = confidence_model().threshold
    kept = [replace(e, relations=[r for r in e.relations if r.confidence >= min_confidence])
            for e in extracted.extractions]
    graph = assemble(kept, gazetteer)
    if infer:
        add_inferred(graph, gazetteer)
    graph.report.articles_read = len(kept)
    graph.report.problems = list(extracted.problems)
    graph.report.cut = list(extracted.cut)
    graph.report.model = extracted.model
    graph.report.min_confidence = min_confidence
    return graph


def cut_text(text: str, limit: int) -> str:
    """The text up to ``limit`` characters, ending at a paragraph break, else a sentence
    end, else a line break, within the last fifth before the limit; else at the limit.

    >>> len(cut_text("a" * 90 + ". " + "b" * 20, 100))
    91
    """
    if len(text) <= limit:
        return text
    head = text[:limit]
    for mark, keep in (("\n\n", 0), (". ", 1), ("\n", 0)):
        at = head.rfind(mark)
        if at >= limit * 4 // 5:
            return head[:at + keep]
    return head


def assemble(extractions: list[ArticleExtraction], gazetteer: Gazetteer) -> KnowledgeGraph:
    """Resolve entities across articles and put everything into one graph."""
    return assemble_with_ids(extractions, gazetteer)[0]


def assemble_with_ids(extractions: list[ArticleExtraction],
                      gazetteer: Gazetteer) -> tuple[KnowledgeGraph, dict[tuple[str, int], str]]:
    """:func:`assemble`, and the entity id each (article, cluster) became. Articles are taken
    in id order, so the graph does not depend on the order they were read in."""
    extractions = sorted(extractions, key=lambda e: e.article.id)
    clusters = [c for e in extractions for c in e.clusters]
    entities, ids = resolve_entities(clusters, gazetteer)
    graph = KnowledgeGraph()
    for extraction in extractions:
        graph.add_article(extraction.article)
    for entity in sorted(entities.values(), key=lambda e: e.id):
        graph.add_entity(entity)
    for extraction in extractions:
        article = extraction.article
        for cluster, start, end, kind, sent_start, sent_end in extraction.mentions:
            graph.add_mention(Mention(article.id, start, end, article.text[start:end],
                                      ids[(article.id, cluster)], kind, sent_start, sent_end))
        for local in extraction.relations:
            graph.add_relation(local_to_relation(local, article, ids))
    graph.refresh_entities()
    return graph, ids


def local_to_relation(local: LocalRelation, article: Article, ids: dict) -> Relation:
    """The graph relation of one article's local relation (cluster ids -> entity ids)."""
    attributed = local.attributed_to
    if isinstance(attributed, int):
        attributed = ids[(article.id, attributed)]
    time = parse_time(local.time_text, article.published) if local.time_text else None
    if time is None and local.time_text is None and article.published:
        time = article.published[:10]
    evidence = Evidence(
        article=article.id,
        sentence=article.text[local.sentence_start:local.sentence_end],
        start=local.sentence_start,
        end=local.sentence_end,
        confidence=local.confidence,
        negated=local.negated,
        hedged=local.hedged,
        attributed_to=attributed,
        time=time,
        time_text=local.time_text,
        extractor=EXTRACTOR,
    )
    return Relation(ids[(article.id, local.subject)], local.predicate,
                    ids[(article.id, local.object)],
                    relation_type(local.predicate, local.subject_type or None,
                                  local.object_type or None), evidence)
