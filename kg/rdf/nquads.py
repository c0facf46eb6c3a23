"""A graph's N-Quads, one graph at a time, reusing the blocks of unchanged articles.

``graph.nq`` holds the default graph (articles' metadata and text, every entity) first, then
each article's named graph in id order, each block's lines sorted. Beside it,
``graph.nq.blocks.json`` says where each article's block lies in the file, a digest of its
bytes, and what it was made from (a hash of the article's mentions and relations, its text,
which attributions name an entity, and the base IRI). When kg writes the N-Quads into a
folder that holds earlier ones, an article whose hash is unchanged gets its old block back,
read from the old file and checked against its digest, instead of being turned into quads
again: adding one article to an archive makes one article's block and the default graph's,
not every article's.

Examples
--------
>>> import tempfile, pathlib
>>> from kg.graph import KnowledgeGraph
>>> from kg.model import Article
>>> g = KnowledgeGraph()
>>> g.add_article(Article("x", "A title", "Some text."))
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_nquads(g, folder / "graph.nq").made  # no article has a graph of its own
[]
>>> (folder / "graph.nq").read_text().splitlines()[0].endswith(' "Some text." .')
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

import pyoxigraph as ox

from kg.graph import KnowledgeGraph
from kg.io import atomic_write_chunks, atomic_write_text
from kg.model import Evidence, Mention, Relation
from kg.rdf.quads import article_quads, default_subjects

__all__ = ["nquads_blocks", "default_pieces", "write_nquads", "NquadsChange", "BLOCKS_SUFFIX"]

BLOCKS_SUFFIX = ".blocks.json"


def nquads_blocks(graph: KnowledgeGraph, base: str | None = None, *, source_paths: bool = False,
                  reuse: Callable[[str, str], bytes | None] | None = None,
                  made: dict[str, str] | None = None) -> Iterator[tuple[str, bytes]]:
    """(graph, block) pairs: ``""`` and the default graph's N-Quads, a subject at a time
    (several pairs), then each article's id and its named graph's, in id order; the lines of
    the default graph, and of each article's, sorted. ``reuse(article_id, hash)`` gives an
    earlier build's block of an article whose hash is unchanged (else None); ``made``
    collects each article's hash."""
    for piece in default_pieces(graph, base, source_paths=source_paths):
        yield "", piece
    by_article = graph.by_article()
    for article_id in sorted(by_article):
        mentions, relations = by_article[article_id]
        key = block_hash(graph, article_id, mentions, relations, base)
        if made is not None:
            made[article_id] = key
        earlier = reuse(article_id, key) if reuse else None
        yield article_id, earlier if earlier is not None else _sorted_block(
            article_quads(graph, mentions, relations, base))


def default_pieces(graph: KnowledgeGraph, base: str | None = None, *,
                   source_paths: bool = False) -> Iterator[bytes]:
    """The default graph's N-Quads, its lines sorted, one subject's lines at a time (never
    the whole graph, which holds every article's text, at once). Every line starts with its
    subject's ``<IRI>`` and no IRI holds a ``>``, so subjects in the order of ``<IRI>``, each
    with its lines sorted, are all the lines sorted."""
    subjects = sorted(default_subjects(graph, base, source_paths=source_paths),
                      key=lambda pair: str(pair[0]))
    for _, facts in subjects:
        yield _sorted_block(facts())


def block_hash(graph: KnowledgeGraph, article_id: str, mentions: list[Mention],
               relations: list[Relation], base: str | None) -> str:
    """A hash of everything an article's named graph is made from, whatever order its
    mentions and relations come in (a graph read from ``graph.json`` holds them sorted, one
    just built in the order they were read; both make the same block), and of the code that
    turns them into quads, so that another version of kg makes every block again."""
    article = graph.articles.get(article_id)
    attributed = sorted({r.evidence.attributed_to for r in relations
                         if r.evidence.attributed_to and r.evidence.attributed_to in graph.graph})
    made_from = (_quads_code(), base, article.sha256 if article else None,
                 sorted(map(_mention_fields, mentions)), sorted(map(_relation_fields, relations)),
                 attributed)
    digest = hashlib.sha256(repr(made_from).encode("utf-8"))
    return digest.hexdigest()[:32]


# a record's fields as a tuple, whose repr is made in C (a dataclass's repr is Python: it
# took 5 of the 59 s of adding one article to 20,000)
_mention_fields = attrgetter(*(f.name for f in fields(Mention)))
_evidence_fields = attrgetter(*(f.name for f in fields(Evidence)))


def _relation_fields(relation: Relation) -> tuple:
    return (relation.subject, relation.predicate, relation.object, relation.type,
            _evidence_fields(relation.evidence))


@lru_cache(maxsize=1)
def _quads_code() -> str:
    """A hash of the modules that make an article's quads."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("quads.py", "namespaces.py"):
        digest.update((root / name).read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()[:16]


@dataclass
class NquadsChange:
    """What writing ``graph.nq`` changed against the file it replaced: the articles whose
    block was made (new or changed; every article's when there was no earlier file), those
    the earlier file had and this one has not, and digests of both indexes (``earlier`` is
    None where there was none), by which a store made from the earlier file is known."""

    made: list[str]
    gone: list[str]
    blocks: dict[str, list]  # article id -> [hash, offset, length, digest]
    digest: str
    earlier: str | None
    # the default graph's lines (N-Quads) the earlier file had and this one has not, and
    # the other way round; None where there was no earlier file
    default_removed: list[bytes] | None = None
    default_added: list[bytes] | None = None


def write_nquads(graph: KnowledgeGraph, path: Path, base: str | None = None, *,
                 source_paths: bool = False) -> NquadsChange:
    """Write ``graph.nq`` and its blocks index at ``path`` atomically, reusing the blocks of
    the N-Quads already there (read, one at a time, before they are replaced) where an
    article is unchanged; say what changed."""
    index_path = path.with_name(path.name + BLOCKS_SUFFIX)
    earlier, earlier_default, earlier_digest = _earlier_index(index_path, base, source_paths)
    made: dict[str, str] = {}
    reused: set[str] = set()
    where: dict[str, list] = {}
    default: list = [0, 0, ""]
    lines: dict[str, list[bytes]] = {}

    def chunks() -> Iterator[bytes]:
        offset = 0
        stream = path.open("rb") if earlier else None
        default_digest = hashlib.sha256()
        diff = _LineDiff(path, earlier_default) if stream is not None and earlier_default else None

        def reuse(article_id: str, key: str) -> bytes | None:
            found = earlier.get(article_id)
            if stream is None or found is None or found[0] != key:
                return None
            stream.seek(found[1])
            block = stream.read(found[2])
            if _digest(block) != found[3]:  # changed since it was written: make it again
                return None
            reused.add(article_id)
            return block

        try:
            for name, block in nquads_blocks(graph, base, source_paths=source_paths, reuse=reuse,
                                             made=made):
                if name:
                    if diff is not None:  # the default graph is whole: what came and went
                        if diff.finish():  # the earlier file's default graph was intact
                            lines["removed"], lines["added"] = diff.removed, diff.added
                        diff = None
                    where[name] = [made[name], offset, len(block), _digest(block)]
                else:
                    default_digest.update(block)
                    default[1] += len(block)
                    if diff is not None:
                        diff.feed(block.splitlines())
                offset += len(block)
                yield block
            if diff is not None and diff.finish():  # a graph of no article
                lines["removed"], lines["added"] = diff.removed, diff.added
            default[2] = default_digest.hexdigest()[:16]
        finally:
            if stream is not None:
                stream.close()  # before the new file takes the old one's place

    atomic_write_chunks(path, chunks())
    index = json.dumps({"base": base, "source_paths": source_paths, "default": list(default),
                        "articles": where}, sort_keys=True) + "\n"
    atomic_write_text(index_path, index)
    return NquadsChange(sorted(set(where) - reused), sorted(set(earlier) - set(where)), where,
                        _digest(index.encode("utf-8")), earlier_digest if lines else None,
                        lines.get("removed"), lines.get("added"))


class _LineDiff:
    """The lines of an earlier file's default graph that are gone, and the new ones that
    were not there: a merge of the two sorted runs of lines, the earlier one read from the
    file a line at a time, the new one fed as it is made."""

    def __init__(self, path: Path, where: list) -> None:
        self.removed: list[bytes] = []
        self.added: list[bytes] = []
        self._digest, self._expected = hashlib.sha256(), where[2]
        self._old = self._read(path, where[0], where[1])
        self._next = next(self._old, None)

    def _read(self, path: Path, start: int, length: int) -> Iterator[bytes]:
        with path.open("rb") as stream:  # its own handle: the blocks are read apart
            stream.seek(start)
            while length > 0:
                line = stream.readline(length)
                if not line:
                    return
                length -= len(line)
                self._digest.update(line)
                yield line.rstrip(b"\n")

    def feed(self, new_lines: list[bytes]) -> None:
        for line in new_lines:
            while self._next is not None and self._next < line:
                self.removed.append(self._next)
                self._next = next(self._old, None)
            if self._next == line:
                self._next = next(self._old, None)
            else:
                self.added.append(line)

    def finish(self) -> bool:
        """Take the rest of the earlier lines as gone; say whether the earlier block was
        what its index says (else the diff is not to be trusted)."""
        while self._next is not None:
            self.removed.append(self._next)
            self._next = next(self._old, None)
        return self._digest.hexdigest()[:16] == self._expected


def _earlier_index(index_path: Path, base: str | None,
                   source_paths: bool) -> tuple[dict[str, list], list | None, str | None]:
    """Where the earlier build's article blocks lie, with their hashes; where its default
    graph's block lies; and the digest of its index. Nothing where there is no earlier build
    (or its N-Quads), it is damaged, or it had another base or options."""
    try:
        text = index_path.read_text(encoding="utf-8")
        index = json.loads(text)
        if index.get("base") != base or index.get("source_paths") != source_paths:
            return {}, None, None
        if not index_path.with_name(index_path.name[: -len(BLOCKS_SUFFIX)]).is_file():
            return {}, None, None
        blocks = {str(k): [str(v[0]), int(v[1]), int(v[2]), str(v[3])]
                  for k, v in index["articles"].items()}
        default = [int(index["default"][0]), int(index["default"][1]), str(index["default"][2])]
        return blocks, default, _digest(text.encode("utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return {}, None, None


def _digest(block: bytes) -> str:
    return hashlib.sha256(block).hexdigest()[:16]


def _sorted_block(found: Iterable[ox.Quad]) -> bytes:
    """Quads as N-Quads (Oxigraph's serialiser), lines sorted, each once."""
    block = list(found)
    if not block:
        return b""
    lines = ox.serialize(block, format=ox.RdfFormat.N_QUADS).split(b"\n")
    return b"\n".join(sorted(set(line for line in lines if line.strip()))) + b"\n"
