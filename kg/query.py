"""SPARQL over kg's exports, with bound parameters, on Oxigraph, rdflib or any endpoint.

Oxigraph (pyoxigraph, a dependency) is the default engine: it answers the ready-made
queries on a graph of thousands of articles in well under a second, where rdflib's
pure-Python engine takes seconds on a hundred articles (``--engine rdflib`` stays, for small
graphs and for rdflib users). ``timeout`` bounds any query: past it the query is stopped and
a :class:`QueryError` says so.

A query is a file, the name of one in ``queries/`` (``relations_between``), or inline
text; its header declares its parameters, which are always *bound*, never pasted into the
query text (:mod:`kg.query_text`): a value full of quotes, braces or ``DROP`` is just a
string that matches nothing. ``articles=`` or ``page=`` ask it of part of the archive
(:mod:`kg.query_scope`).

Examples
--------
>>> import kg
>>> from kg.rdf.export import write_exports
>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> _ = write_exports(kg.build(["seeds/"], min_confidence=0), out, formats=("nq",))
>>> rows = query(out, "relations_between", params={"a": "Musk", "b": "Putin"})
>>> [r["predicate"] for r in rows if r["according_to"] == "The Wall Street Journal"][:2]
['be in contact with', 'ask']
>>> query(out, "relations_between", params={"a": 'Musk" } DROP ALL #', "b": "Putin"})
[]
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Literal

from kg.query_scope import ArticleScope, article_graphs, check_scope, rank_values
from kg.query_text import (
    QUERIES_DIR,
    NamedQuery,
    QueryError,
    bindings,
    check_syntax,
    inject_block,
    inject_values,
    load_query,
    query_names,
    reads_counts,
    refuse_outside,
    syntax_error,
)

__all__ = ["query", "load_query", "QueryError", "NamedQuery", "query_names", "QUERIES_DIR",
           "inject_values", "ENGINES"]

ENGINES = ("rdflib", "oxigraph")



def _python(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Literal):  # a datatype rdflib has no Python type for (xsd:gYear)
            return str(value)
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, (bool, int, float, str)):
            return value
        return str(term)
    return str(term)


def query(source, query: str, *, params: dict | None = None, engine: str = "oxigraph",
          store: str | None = None, timeout: float | None = None,
          allow_remote: bool = False, articles: Sequence[str] | None = None,
          page: int | None = None, page_size: int = 25) -> list[dict]:
    """Run a SPARQL SELECT over an export and return its rows as dicts.

    Parameters
    ----------
    source
        An export file or folder (``graph.nq``/``graph.trig`` is read), a KnowledgeGraph,
        or, with ``engine`` a URL, ignored.
    query
        A ``.rq`` file, a name from ``queries/``, or SPARQL text.
    params
        Parameter values by name (see the query's header).
    engine
        ``oxigraph`` (default; in memory, or on disk with ``store``), ``rdflib`` (in
        memory), or the URL of a SPARQL 1.1 endpoint.
    timeout
        Seconds the query may run (loading the export included); past them it is stopped
        and :class:`QueryError` raised. None (the default) waits as long as it takes.
    allow_remote
        Run ``SERVICE`` clauses, and ``FROM`` / ``FROM NAMED`` naming anything but a graph
        of the loaded export (which fetch data from the network or the disk). Refused by
        default, with a :class:`QueryError`.
    articles, page, page_size
        Ask the query of these article ids only, or of one page of the archive's articles
        (in id order, ``page_size`` a page, from 1): its ``GRAPH`` patterns see only them.
        A query whose header says ``# Paged by: ?rank`` (``entities``, ``corroborated``)
        gives its rows of ranks ``page_size`` a page instead (:mod:`kg.query_scope`).
        Oxigraph only.

    >>> query("exports/", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }",
    ...       timeout=60)
    [{'n': 3}]
    """
    named = load_query(query)
    outside = check_syntax(named, engine)
    if allow_remote:
        outside = []
    bound = bindings(named, params)
    scope = ArticleScope(articles, page, page_size)
    if not scope.everything:
        check_scope(named, scope, engine)
    if timeout is not None:
        return _with_timeout(timeout, _run, source, named, bound, engine, store, outside, scope)
    return _run(source, named, bound, engine, store, outside, scope)


def _run(source, named: NamedQuery, bindings: dict, engine: str, store: str | None,
         outside: list[tuple[str, str]], scope: ArticleScope | None = None) -> list[dict]:
    if engine.startswith(("http://", "https://")):
        refuse_outside(named, [o for o in outside if o[0] == "SERVICE"], set())
        return _endpoint(engine, inject_values(named.text, bindings))
    if engine == "rdflib":
        dataset = _rdflib_dataset(source)
        if outside:
            refuse_outside(named, outside, {str(g.identifier) for g in dataset.graphs()})
        if reads_counts(named.text) and not bool(dataset.query(_HAS_COUNTS).askAnswer):
            raise QueryError(_NO_COUNTS.format(named.source))
        result = dataset.query(named.text, initBindings=bindings)
        variables = [str(v) for v in result.vars]
        return [{v: _python(row[v]) for v in variables} for row in result]
    if engine == "oxigraph":
        return _oxigraph(source, named, bindings, store, outside, scope or ArticleScope())
    raise QueryError(f"unknown engine {engine!r}: use rdflib, oxigraph or an endpoint URL")


# exports written before kg kept the archive's counts (kg/rdf/summary.py) have entities
# without a rank: a query that reads the counts would answer nothing, and seem to say so
_HAS_COUNTS = ("ASK { { ?e <https://example.org/kg/vocab#rank> ?r } UNION "
               "{ FILTER NOT EXISTS { ?x <https://example.org/kg/vocab#entityId> ?i } } }")
_NO_COUNTS = ("{} reads the archive's counts (kg:articleCount, kg:rank, kg:Link), which these "
              "exports were written without (by an earlier kg); write them again: kg build "
              "SOURCES -o OUT reads only new articles and writes every export anew")


def _with_timeout(seconds: float, function, *args) -> list[dict]:
    """``function(*args)`` in a child process, stopped after ``seconds``.

    Neither rdflib nor Oxigraph can interrupt a running query, so it runs in a process of
    its own (forked where the platform can, so the export is not sent over); its rows or
    its error come back through a pipe.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_child, args=(sender, function, args), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise QueryError(f"the query ran longer than {seconds:g} s and was stopped; give it "
                             f"more time (--timeout) or ask for less")
        status, payload = receiver.recv()
    except EOFError:
        raise QueryError("the query process ended without an answer (out of memory?)") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if status == "error":
        raise QueryError(payload)
    return payload


def _child(sender, function, args) -> None:
    try:
        sender.send(("rows", function(*args)))
    except QueryError as error:
        sender.send(("error", str(error)))
    except Exception as error:  # reported in the parent, never a traceback
        sender.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        sender.close()


def _export_file(source) -> Path:
    path = Path(source)
    if path.is_dir():
        for name in ("graph.nq", "graph.trig"):
            if (path / name).is_file():
                return path / name
        raise QueryError(f"{path}: no graph.nq or graph.trig in this folder")
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    return path


def _rdflib_dataset(source) -> Dataset:
    from kg.graph import KnowledgeGraph
    from kg.rdf.convert import to_dataset

    if isinstance(source, Dataset):
        return source
    if isinstance(source, KnowledgeGraph):
        return to_dataset(source)
    path = _export_file(source).resolve()
    stat = path.stat()
    return _parsed(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _parsed(path: str, size: int, mtime_ns: int) -> Dataset:
    """An export parsed once per version of the file (queries only read it)."""
    dataset = Dataset()
    formats = {".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}
    try:
        dataset.parse(path, format=formats.get(Path(path).suffix, "trig"))
    except Exception as error:
        raise QueryError(f"{path}: cannot read it as RDF ({error})") from None
    return dataset


def _oxigraph(source, named: NamedQuery, bindings: dict, store_path: str | None,
              outside: list[tuple[str, str]], scope: ArticleScope) -> list[dict]:
    try:
        import pyoxigraph as ox
    except ImportError:
        raise QueryError("the oxigraph engine needs pyoxigraph: pip install 'kg[oxigraph]'") from None
    from kg.graph import KnowledgeGraph

    built = Path(source) / "store" if isinstance(source, (str, Path)) and Path(source).is_dir() else None
    if store_path is None and built is not None and built.is_dir():  # kg build --formats ...,store
        store = ox.Store.read_only(str(built))
        source = None
    else:
        store = ox.Store(store_path) if store_path else ox.Store()
    if isinstance(source, KnowledgeGraph):
        from kg.rdf.export import serialize

        store.load(serialize(source, "nq").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    elif source is not None and not (store_path and len(store) and source == store_path):
        path = _export_file(source)
        fmt = ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TRIG
        store.bulk_load(path=str(path), format=fmt) if store_path else store.load(path=str(path), format=fmt)
    if outside:
        refuse_outside(named, outside, {g.value for g in store.named_graphs()})
    if reads_counts(named.text) and not bool(store.query(_HAS_COUNTS)):
        raise QueryError(_NO_COUNTS.format(named.source))
    # Oxigraph substitutes only projected variables, so parameters travel as VALUES
    text = inject_values(named.text, bindings)
    graphs = None
    if named.paged_by and scope.page is not None:
        text = inject_block(text, rank_values(named.paged_by, scope))
    elif not scope.everything:
        graphs = article_graphs(store, scope)
    try:
        result = store.query(text, named_graphs=graphs)
    except SyntaxError as error:
        raise syntax_error(named, error) from None
    variables = [v.value for v in result.variables]
    rows = []
    for solution in result:
        rows.append({v: _ox_python(ox, solution[v]) for v in variables})
    return rows


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def _ox_python(ox, term):
    """An Oxigraph term as the Python value :func:`_python` gives for the same term."""
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    return _literal_python(term.value, term.datatype.value)


def _literal_python(value: str, datatype: str | None):
    """A literal's Python value, read straight from its lexical form and datatype, as
    :func:`_python` gives it for the rdflib term (building an rdflib Literal per cell took
    most of a query's time): integers, floats (decimals too) and booleans; anything else
    stays its text.

    >>> _literal_python("3", _XSD + "integer"), _literal_python("0.85", _XSD + "decimal")
    (3, 0.85)
    >>> _literal_python("true", _XSD + "boolean"), _literal_python("2022", _XSD + "gYear")
    (True, '2022')
    """
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _FLOATS:
            return float(value)
    except ValueError:  # an ill-formed lexical form stays text, as rdflib leaves it
        return value
    if datatype == _XSD + "boolean" and value in ("true", "false", "1", "0"):
        return value in ("true", "1")
    return value




def _endpoint(url: str, text: str) -> list[dict]:
    data = urllib.parse.urlencode({"query": text}).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{url} answered {error.code}: {detail[0] if detail else error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        raise QueryError(f"cannot reach {url}: {getattr(error, 'reason', error)}") from None
    variables = payload["head"]["vars"]
    return [{v: _json_python(b.get(v)) for v in variables} for b in payload["results"]["bindings"]]


def _json_python(binding: dict | None):
    if binding is None:
        return None
    if binding["type"] in ("literal", "typed-literal"):
        return _literal_python(binding["value"], binding.get("datatype"))
    return binding["value"]
