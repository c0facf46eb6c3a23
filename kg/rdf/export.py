"""Write a graph's exports, and load a graph back from any of them.

``write_exports(graph, "exports/")`` writes, atomically and byte-identically for the
same graph:

=================  ===========================================================
``graph.trig``     TriG: default graph + one named graph per article
``graph.nq``       N-Quads: the default graph, then each article's, one quad per line, sorted
                   within each graph; written one article at a time, an unchanged article's
                   block taken from the earlier file (:mod:`kg.rdf.nquads`, whose index
                   ``graph.nq.blocks.json`` lies beside it)
``graph.ttl``      Turtle: every triple in one graph (provenance stays in PROV/NIF)
``graph.jsonld``   JSON-LD of the dataset, with named graphs
``graph.graphml``  GraphML for Gephi, yEd, Cytoscape (one edge per evidence)
``graph.json``     kg's own lossless format (``KnowledgeGraph.save``)
``vocab.ttl``      the kg vocabulary, with labels and comments
``store/``         an on-disk Oxigraph store of the same quads, bulk-loaded, which
                   ``kg query`` opens instead of loading the N-Quads (a binary index: not
                   byte-identical run to run)
=================  ===========================================================

By default (:data:`EXPORT_FORMATS`) N-Quads, GraphML, JSON, the vocabulary and the store;
TriG, Turtle and JSON-LD on request (:data:`ALL_FORMATS` names every format). An export of
kg's that a set leaves out is removed from the folder, so no file of an earlier build
lingers beside the new ones.

Examples
--------
>>> import tempfile
>>> from kg.build import build
>>> out = tempfile.mkdtemp()
>>> graph = build(["seeds/"])
>>> sorted(p.name for p in write_exports(graph, out, formats=ALL_FORMATS))[:3]
['graph.graphml', 'graph.json', 'graph.jsonld']
>>> load(f"{out}/graph.nq") == graph == load(f"{out}/graph.trig")
True
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph

from kg.graph import KnowledgeGraph
from kg.graphml import graphml_text, write_graphml
from kg.io import atomic_write_chunks, atomic_write_text, export_set
from kg.rdf.convert import from_rdf
from kg.rdf.namespaces import DataNamespaces, kg_prefixes
from kg.rdf.nquads import BLOCKS_SUFFIX, nquads_blocks, write_nquads
from kg.rdf.store import write_store

__all__ = ["write_exports", "load", "EXPORT_FORMATS", "ALL_FORMATS", "serialize", "nquads_text",
           "vocabulary_text", "check_base", "write_store"]

# what kg build writes unless told otherwise: N-Quads and the store that kg query opens (a
# query on it takes milliseconds where loading the N-Quads took seconds), GraphML, kg's own
# JSON and the vocabulary; TriG, Turtle and JSON-LD (a tenth of a large build's time) on request
EXPORT_FORMATS = ("nq", "graphml", "json", "vocab", "store")
ALL_FORMATS = ("trig", "nq", "ttl", "jsonld", "graphml", "json", "vocab", "store")
_RDF_SUFFIXES = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
                 ".jsonld": "json-ld", ".nt": "nt", ".rdf": "xml", ".xml": "xml"}


def vocabulary_text() -> str:
    """The kg vocabulary (``kg/rdf/vocab.ttl``) as Turtle text."""
    return (resources.files("kg") / "rdf" / "vocab.ttl").read_text(encoding="utf-8")


def nquads_text(graph: KnowledgeGraph, base: str | None = None, *, source_paths: bool = False) -> str:
    """The graph's RDF as N-Quads (:func:`kg.rdf.nquads.nquads_blocks`, joined): the default
    graph, then each article's, each sorted.

    >>> from kg.graph import KnowledgeGraph
    >>> from kg.model import Article
    >>> g = KnowledgeGraph()
    >>> g.add_article(Article("x", "A title", "Some text."))
    >>> first = nquads_text(g).splitlines()[0]
    >>> first.startswith("<https://example.org/kg/data/article/x> "), first.endswith(' "Some text." .')
    (True, True)
    """
    blocks = nquads_blocks(graph, base, source_paths=source_paths)
    return b"".join(block for _, block in blocks).decode("utf-8")


def _oxigraph_text(fmt: str, nquads: str, prefixes: dict[str, str]) -> str:
    """TriG (graphs in IRI order, the default graph first), Turtle (every triple in one
    graph) or JSON-LD (named graphs), written by Oxigraph's serialisers from the sorted
    N-Quads (``nquads``) with kg's ``prefixes``: it escapes every character a literal may hold
    (rdflib's long-string form did not, for a text ending in a backslash and quotes), and is
    many times faster than rdflib's writers."""
    import pyoxigraph as ox

    parsed = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    if fmt in ("trig", "jsonld"):
        def order(quad):
            default = isinstance(quad.graph_name, ox.DefaultGraph)
            return (not default, str(quad.graph_name), str(quad.subject), str(quad.predicate),
                    str(quad.object))

        parsed.sort(key=order)  # grouped by graph
        if fmt == "jsonld":  # full IRIs, no @context: nothing for a reader to fetch
            return ox.serialize(parsed, format=ox.RdfFormat.JSON_LD).decode("utf-8") + "\n"
        data = ox.serialize(parsed, format=ox.RdfFormat.TRIG, prefixes=prefixes)
    else:
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in parsed},
                         key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    # Oxigraph writes one "@prefix" line per prefix first, in its own map's order: sort them
    lines = data.decode("utf-8").split("\n")
    return "\n".join(sorted(lines[:len(prefixes)]) + lines[len(prefixes):])


def serialize(graph: KnowledgeGraph, fmt: str, base: str | None = None) -> str:
    """One export format as text: ``trig``, ``nq``, ``ttl``, ``jsonld``, ``graphml``, ``json``."""
    if fmt == "json":
        return b"".join(graph.json_lines()).decode("utf-8")
    if fmt == "graphml":
        return graphml_text(graph)
    if fmt == "vocab":
        return vocabulary_text()
    if fmt not in ("trig", "ttl", "nq", "jsonld"):
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(ALL_FORMATS)}")
    return _rdf_text(fmt, nquads_text(graph, base), base)


def _rdf_text(fmt: str, nquads: str, base: str | None) -> str:
    prefixes = kg_prefixes(DataNamespaces(base) if base else DataNamespaces())
    return nquads if fmt == "nq" else _oxigraph_text(fmt, nquads, prefixes)


_FILE_NAMES = {"trig": "graph.trig", "nq": "graph.nq", "ttl": "graph.ttl",
               "jsonld": "graph.jsonld", "graphml": "graph.graphml", "json": "graph.json",
               "vocab": "vocab.ttl", "store": "store"}


def write_exports(
    graph: KnowledgeGraph,
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] = EXPORT_FORMATS,
    base: str | None = None,
    overview: bool = False,
    wait: Callable[[], None] | None = None,
    source_paths: bool = False,
    skipped: list[tuple[str, str]] | None = None,
    cut: list[tuple[str, str]] | None = None,
    extra: dict[str, str | Iterable[bytes]] | None = None,
) -> list[Path]:
    """Write the chosen export formats (and, with ``overview``, the overview diagrams) into
    ``out_dir`` as one set (:func:`kg.io.export_set`: all replaced at once, one writer at a
    time, ``wait`` called if another is writing); return the paths written.

    ``source_paths`` puts the local path each article was read from into the RDF
    (``kg:sourcePath``; left out by default). ``skipped`` (source, reason) pairs, and ``cut``
    (source, how) ones, are written as ``skipped.json``, the build's report of its inputs.
    ``extra`` files (name -> text, or its bytes in pieces) join the set (the build's
    records, say)."""
    out = Path(out_dir)
    if base is not None:
        check_base(base)
    rdf = {"trig", "nq", "ttl", "jsonld", "store"}
    names = []
    with export_set(out, wait=wait) as folder:
        for fmt in set(ALL_FORMATS) - set(formats):  # left out now: no stale copy stays
            left_out = folder / _FILE_NAMES.get(fmt, fmt)
            shutil.rmtree(left_out) if left_out.is_dir() else left_out.unlink(missing_ok=True)
        for name, text in (extra or {}).items():  # first: what they are made of can then go
            if isinstance(text, str):
                atomic_write_text(folder / name, text)
            else:  # streamed
                atomic_write_chunks(folder / name, text)
            names.append(name)
        nq_file = folder / _FILE_NAMES["nq"]
        change = None
        if rdf & set(formats):  # first, article by article: every RDF format starts from it
            change = write_nquads(graph, nq_file, base, source_paths=source_paths)
        for fmt in formats:
            if fmt == "store":  # brought up to date where it was made from the earlier graph.nq
                write_store(nq_file, folder / "store", change, base)
            elif fmt in ("trig", "ttl", "jsonld"):  # on request; whole in memory
                atomic_write_text(folder / _FILE_NAMES[fmt],
                                  _rdf_text(fmt, nq_file.read_text(encoding="utf-8"), base))
            elif fmt == "json":  # streamed
                graph.save(folder / _FILE_NAMES[fmt])
            elif fmt == "graphml":  # streamed
                write_graphml(graph, folder / _FILE_NAMES[fmt])
            elif fmt != "nq":
                atomic_write_text(folder / _FILE_NAMES[fmt], serialize(graph, fmt, base))
            names.append(_FILE_NAMES[fmt])
        if "nq" not in formats:
            nq_file.unlink(missing_ok=True)
            nq_file.with_name(nq_file.name + BLOCKS_SUFFIX).unlink(missing_ok=True)
        else:
            names.append(nq_file.name + BLOCKS_SUFFIX)
        if skipped is not None or cut is not None:
            report = {"skipped": [{"source": source, "reason": reason} for source, reason in skipped or []],
                      "cut": [{"source": source, "how": how} for source, how in cut or []]}
            text = json.dumps(report, indent=1, ensure_ascii=False) + "\n"
            atomic_write_text(folder / "skipped.json", text)
            names.append("skipped.json")
        if overview:
            from kg.draw import write_overview

            names += [p.name for p in write_overview(graph, folder)]
    return [out / name for name in names]


def _remote_contexts(value) -> list[str]:
    """The contexts a JSON-LD document would fetch: string (URL) values of ``@context`` and
    ``@import``, at any depth. kg's own exports have none.

    >>> _remote_contexts({"@context": "https://evil.example/c.jsonld", "@id": "x"})
    ['https://evil.example/c.jsonld']
    >>> _remote_contexts([{"@context": {"name": "https://schema.org/name"}}])
    []
    """
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("@context", "@import"):
                contexts = item if isinstance(item, list) else [item]
                found += [c for c in contexts if isinstance(c, str)]
                found += [u for c in contexts if isinstance(c, dict) for u in _remote_contexts(c)]
            else:
                found += _remote_contexts(item)
    elif isinstance(value, list):
        for item in value:
            found += _remote_contexts(item)
    return found


def check_base(base: str) -> None:
    """Raise ValueError unless ``base`` can prefix kg's IRIs: an absolute IRI (a scheme),
    without spaces or characters IRIs forbid, ending in "/" or "#".

    >>> check_base("https://example.org/kg/data/")
    >>> check_base("example.org/")
    Traceback (most recent call last):
    ...
    ValueError: --base 'example.org/' is not an absolute IRI (it needs a scheme such as https://)
    """
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base):
        raise ValueError(f"--base {base!r} is not an absolute IRI (it needs a scheme such as https://)")
    bad = re.search(r'[\s<>"{}|\\^`]', base)
    if bad:
        raise ValueError(f"--base {base!r} holds {bad.group()!r}, which no IRI may hold")
    if not base.endswith(("/", "#")):
        raise ValueError(f"--base {base!r} must end in '/' or '#' (kg appends 'entity/...' to it)")


def load(path: str | Path) -> KnowledgeGraph:
    """Load a graph from any kg export: ``.json`` (saved graph), TriG, N-Quads, Turtle, JSON-LD.

    Raises
    ------
    ValueError
        When the file is not one kg can read, naming the file and the problem.
    """
    file = Path(path)
    if file.is_dir():
        for name in ("graph.json", "graph.trig", "graph.nq"):
            if (file / name).exists():
                return load(file / name)
        raise ValueError(f"{file}: no graph.json, graph.trig or graph.nq in this folder")
    if not file.exists():
        raise ValueError(f"{file}: no such file")
    suffix = file.suffix.lower()
    try:
        if suffix == ".json":
            return KnowledgeGraph.load_json(file)
        rdf_format = _RDF_SUFFIXES.get(suffix)
        if rdf_format is None:
            raise ValueError(f"unknown export type {suffix!r} (use .json, .trig, .nq, .ttl, .jsonld)")
        if rdf_format == "json-ld":
            remote = _remote_contexts(json.loads(file.read_text(encoding="utf-8")))
            if remote:
                raise ValueError(f"its JSON-LD context {remote[0]!r} is not in the file; kg never "
                                 f"fetches a remote context (inline it, or convert the file)")
        if rdf_format in ("trig", "nquads", "json-ld"):
            dataset = Dataset()
            dataset.parse(file, format=rdf_format)
            return from_rdf(dataset)
        single = Graph()
        single.parse(file, format=rdf_format)
        return from_rdf(single)
    except ValueError as error:
        raise ValueError(f"{file}: {error}") from None
    except Exception as error:  # parser errors from rdflib or json
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ValueError(f"{file}: cannot read it as a kg export ({first})") from None

