"""Incremental builds: what kg read of each article is kept beside the exports.

``kg build`` writes ``extractions.jsonl`` into its exports folder: one line of settings (the
pipeline, the entity labels, the character cap, a fingerprint of kg's reading code and
data), then one line per article with the article itself and what kg read of it (its
entity clusters, mentions, and every relation the rules read, with its confidence). The
first line also keeps how the exports were written (formats, base IRI, threshold,
``--infer`` ...), which ``kg remove`` writes them with again. A later ``kg build`` into the
same folder parses only the articles that are new or whose text changed (same id, another
SHA-256), keeps the others' records, and resolves entities across all of them again, so its
exports equal a full rebuild of the same articles. ``kg remove`` drops articles the same
way. When the settings differ (another pipeline, or another version of kg's reading code),
every kept article is read again from the text its record holds.

Examples
--------
>>> import tempfile, pathlib
>>> from kg.ingest import read_articles
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> first = read_articles(["seeds/000_f041676349017ce9.txt"]).articles
>>> graph, report = update(out, first)
>>> graph, report = update(out, read_articles(["seeds/"]).articles)
>>> (report.read, report.kept, len(graph.articles))
(2, 1, 3)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.build import DEFAULT_MAX_CHARS, ArticleExtraction, Extracted, extract_articles, graph_of
from kg.extract.lexicon import ENTITY_LABELS
from kg.extract.relations import EXTRACTOR, LocalRelation
from kg.graph import KnowledgeGraph
from kg.model import Article
from kg.nlp.pipeline import BUNDLED_MODEL, resolve_model
from kg.rdf.export import EXPORT_FORMATS, write_exports
from kg.resolve import ClusterSummary

__all__ = ["RECORDS", "Records", "RecordsError", "UpdateReport", "update", "remove", "read_records",
           "records_lines", "KeptLines"]

RECORDS = "extractions.jsonl"


class RecordsError(ValueError):
    """An exports folder's records cannot be used: damaged, missing, or no such article."""


@dataclass
class UpdateReport:
    """How an incremental build went: articles read now, kept from before, removed."""

    read: int = 0
    kept: int = 0
    removed: list[str] = field(default_factory=list)
    fresh: bool = False  # every article read again (no records, or other settings)


def _settings(model, labels: tuple[str, ...], max_chars: int) -> dict:
    return {"model": model_identity(model), "labels": list(labels), "max_chars": max_chars,
            "extractor": EXTRACTOR, "code": code_fingerprint()}


# what a record depends on: the reading rules, the pipeline's glue, kg's data tables and models
_CODE = ("extract/*.py", "nlp/*.py", "data/*", "build.py", "gazetteer.py", "names.py",
         "schema.py", "model.py", "learned.py")


def code_fingerprint() -> str:
    """A hash of the code and data that turn an article into its record, so that records
    read by another version of kg are read again rather than kept.

    >>> len(code_fingerprint())
    16
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted({p for pattern in _CODE for p in root.glob(pattern) if p.is_file()}):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:16]


def model_identity(model=None) -> str:
    """The pipeline as the records name it: the bundled one by name and version (not by the
    folder it is installed in, so the records are the same bytes on every machine), any
    other as given.

    >>> model_identity().startswith("bundled ")
    True
    """
    name = resolve_model(model)[0]
    if Path(name) == BUNDLED_MODEL:
        meta = json.loads((BUNDLED_MODEL / "meta.json").read_text(encoding="utf-8"))
        return f"bundled {meta['lang']}_{meta['name']} {meta['version']}"
    return name


def records_lines(extractions: list[ArticleExtraction], settings: dict, exports: dict | None = None,
                  kept: KeptLines | None = None, *, consume: bool = False) -> Iterator[bytes]:
    """The records file, a line at a time: settings (and the export options), then one JSON
    line per article in id order. A kept record's line is copied from the file it was read
    from (``kept``), not made again. With ``consume``, ``extractions`` is emptied and each
    record let go once its line is made."""
    head = {"settings": settings, "exports": exports or {}}
    yield (json.dumps(head, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    ordered = sorted(extractions, key=lambda e: e.article.id, reverse=True)
    if consume:
        extractions.clear()
    with kept or KeptLines(None, {}) as lines:
        while ordered:
            extraction = ordered.pop()
            line = lines.get(extraction.article.id)
            if line is None:
                line = json.dumps(asdict(extraction), sort_keys=True, ensure_ascii=False).encode("utf-8")
            yield line + b"\n"


class KeptLines:
    """Where each record's line lies in the records file it was read from (offset, length
    and a digest of its bytes), so that writing the records again copies the lines of kept
    articles instead of holding them all in memory (250 MB at 20,000 articles). A line whose
    bytes changed since is made again from its record. Used as a context manager, which
    opens the file once."""

    def __init__(self, path: Path | None, spans: dict[str, tuple[int, int, bytes]]) -> None:
        self.path, self.spans = path, spans
        self._file = None

    def only(self, article_ids) -> KeptLines:
        """The same file's lines of these articles only."""
        return KeptLines(self.path, {i: self.spans[i] for i in article_ids if i in self.spans})

    def __enter__(self) -> KeptLines:
        if self.path is not None and self.spans and self.path.is_file():
            self._file = self.path.open("rb")
        return self

    def __exit__(self, *_) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def get(self, article_id: str) -> bytes | None:
        span = self.spans.get(article_id)
        if self._file is None or span is None:
            return None
        self._file.seek(span[0])
        line = self._file.read(span[1])
        return line if _digest(line) == span[2] else None


def _digest(line: bytes) -> bytes:
    return hashlib.blake2b(line, digest_size=8).digest()


@dataclass
class Records:
    """An exports folder's records: extraction settings, export options, records by id."""

    settings: dict
    exports: dict
    by_id: dict[str, ArticleExtraction]
    lines: KeptLines | None = None  # where each record's line lies in the file read


def read_records(folder: str | Path) -> Records | None:
    """The records of an exports folder, or None where there are none; a damaged file is a
    :class:`RecordsError` naming it."""
    path = Path(folder) / RECORDS
    if not path.is_file():
        return None
    with path.open("rb") as stream:  # a line at a time: the whole file is not held
        first = stream.readline()
        if not first.strip():
            return None
        try:
            head = json.loads(first)
            records, spans = {}, {}
            offset = len(first)
            for raw in stream:
                line = raw.rstrip(b"\r\n")
                data = json.loads(line)
                extraction = ArticleExtraction(
                    Article(**data["article"]),
                    [ClusterSummary(**{**c, "names": tuple(c["names"])}) for c in data["clusters"]],
                    [tuple(m) for m in data["mentions"]],
                    [LocalRelation(**r) for r in data["relations"]],
                )
                records[extraction.article.id] = extraction
                spans[extraction.article.id] = (offset, len(line), _digest(line))
                offset += len(raw)
            return Records(head["settings"], head.get("exports", {}), records, KeptLines(path, spans))
        except (ValueError, KeyError, TypeError) as error:
            raise RecordsError(f"{path}: not a records file kg can read ({error}); "
                               "build again with --fresh") from None


def update(folder: str | Path, articles: list[Article], *, model=None,
           labels: tuple[str, ...] = ENTITY_LABELS, max_chars: int = DEFAULT_MAX_CHARS,
           min_confidence: float | None = None, infer: bool = False, fresh: bool = False,
           problems: list[tuple[str, str]] = (), n_process: int = 1, progress=None,
           formats: tuple[str, ...] | None = None, engine: str = "local",
           scheduler: str | None = None,
           **export_options) -> tuple[KnowledgeGraph, UpdateReport]:
    """Add ``articles`` to what the exports folder holds (new ones, and those whose text
    changed), build the graph of all of them and write the exports with their records.
    ``fresh`` ignores the records there; ``problems`` (inputs skipped before) go into the
    skip report; ``engine="dask"`` reads the articles on a Dask cluster (the one at
    ``scheduler``, else a local one of ``n_process`` workers: :mod:`kg.dask_build`); other
    keywords go to :func:`kg.rdf.export.write_exports`."""
    settings = _settings(model, labels, max_chars)
    found = None if fresh else read_records(folder)
    report = UpdateReport()
    kept: dict[str, ArticleExtraction] = {}
    if found is not None:
        if found.settings == settings:
            kept = found.by_id
        else:  # another pipeline or other settings: read the kept texts again
            given = {a.id for a in articles}
            articles = [r.article for i, r in sorted(found.by_id.items()) if i not in given] + list(articles)
            report.fresh = True
    else:
        report.fresh = True
    todo = [a for a in articles if a.id not in kept or kept[a.id].article.sha256 != a.sha256]
    if engine == "dask" or scheduler:
        from kg.dask_build import extract_on_dask

        extracted = extract_on_dask(todo, scheduler=scheduler, n_workers=n_process, model=model,
                                    labels=labels, max_chars=max_chars, progress=progress)
    else:
        extracted = extract_articles(todo, model=model, labels=labels, max_chars=max_chars,
                                     n_process=n_process, progress=progress)
    report.read = len(extracted.extractions)
    new_ids = {e.article.id for e in extracted.extractions}
    keep = [e for i, e in kept.items() if i not in new_ids]
    report.kept = len(keep)
    combined = Extracted(keep + extracted.extractions, [*problems, *extracted.problems], extracted.cut,
                         extracted.model)
    exports = {"min_confidence": min_confidence, "infer": infer,
               "formats": list(formats or EXPORT_FORMATS), **export_options}
    kept_lines = found.lines.only(e.article.id for e in keep) if kept else None
    del kept, keep, extracted, todo  # the records are let go as they are written (_write)
    if found is not None:
        found.by_id.clear()
    return _write(folder, combined, settings, exports, kept_lines), report


def remove(folder: str | Path, article_ids: list[str], **changes) -> tuple[KnowledgeGraph, UpdateReport]:
    """Drop articles (by id) from an exports folder and write it again as it was written
    (same formats, base, threshold, ...; ``changes`` override those, e.g. ``infer=True``).
    An unknown id, or a folder without records, is a :class:`RecordsError` naming it."""
    found = read_records(folder)
    if found is None:
        raise RecordsError(f"{folder}: no {RECORDS} here (was it written by kg build?)")
    unknown = [i for i in article_ids if i not in found.by_id]
    if unknown:
        raise RecordsError(f"{folder}: no article {unknown[0]!r} (it holds {len(found.by_id)} articles)")
    extracted = Extracted([e for i, e in sorted(found.by_id.items()) if i not in set(article_ids)],
                          [], [], found.settings["model"])
    kept = len(extracted.extractions)
    found.by_id.clear()  # the records are let go as they are written (_write)
    exports = {**found.exports, **{k: v for k, v in changes.items() if v is not None}}
    graph = _write(folder, extracted, found.settings, exports, found.lines)
    return graph, UpdateReport(kept=kept, removed=sorted(article_ids))


def _write(folder, extracted: Extracted, settings: dict, exports: dict,
           kept_lines: KeptLines | None = None) -> KnowledgeGraph:
    """Make the graph of ``extracted`` and write it with its records. The records are
    written first, and each article's record is let go once its line is written (the caller
    holds none of them), so the exports are written with the graph alone in memory."""
    kept = {k: v for k, v in exports.items() if k != "wait"}  # a callback: used, never kept
    options = dict(kept)
    graph = graph_of(extracted, min_confidence=options.pop("min_confidence", None),
                     infer=options.pop("infer", False))
    formats = tuple(options.pop("formats", EXPORT_FORMATS))
    records = {RECORDS: records_lines(extracted.extractions, settings, kept, kept_lines, consume=True)}
    write_exports(graph, folder, formats=formats, extra=records, skipped=graph.report.problems,
                  cut=graph.report.cut, wait=exports.get("wait"), **options)
    return graph
