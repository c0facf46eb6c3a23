"""A query's text: where it comes from, what its header declares, its parameters bound,
and what it reaches outside the loaded exports.

A query is a file, the name of one in ``queries/`` (``relations_between``), or inline
text (:func:`load_query`). A query file's header declares its parameters::

    # Parameters:
    #   a (name): an entity's label or alias, in any case

and, for a query that lists ranked nodes, the variable a page binds (``# Paged by: ?rank``:
:mod:`kg.query_scope`). Types: ``name`` (normalised like kg's names and matched against
``kg:nameKey``, so case, accents, periods and a leading "the" do not matter), ``string``,
``integer``, ``iri``. Parameters are bound as typed RDF terms (:func:`bindings`), never
pasted: as rdflib's ``initBindings``, or (Oxigraph, whose ``substitutions`` only reach
projected variables, and remote endpoints) as a ``VALUES`` block of serialised terms at the
start of the outer ``WHERE`` (:func:`inject_values`). ``SERVICE`` and ``FROM`` clauses, which fetch data from
elsewhere, are found (:func:`check_syntax`) so that :mod:`kg.query` can refuse them.

>>> load_query("entities").paged_by
'rank'
>>> sorted(load_query("relations_between").params.items())
[('a', 'name'), ('b', 'name')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.names import normalize_name

__all__ = ["QueryError", "NamedQuery", "QUERIES_DIR", "query_names", "load_query", "bindings",
           "inject_values", "inject_block", "code_of", "reads_counts", "reaches_out", "check_syntax",
           "syntax_error", "refuse_outside"]

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
_PARAM_LINE = re.compile(r"^#\s+(\w+)\s+\((name|string|integer|iri)\):\s*(.*)$")
_PAGED_LINE = re.compile(r"^#\s+Paged by:\s*\?(\w+)\s*$")


class QueryError(ValueError):
    """A query that cannot run: unknown name, syntax error (with line and column), bad or
    missing parameter, unreadable export, endpoint error."""


@dataclass(frozen=True)
class NamedQuery:
    """A query's text, where it came from, its declared parameters (name -> type), and the
    variable a page binds to its ranks, where the header declares one (``# Paged by: ?rank``:
    :mod:`kg.query_scope`)."""

    text: str
    source: str
    params: dict[str, str]
    description: str = ""
    paged_by: str | None = None


def _query_folder() -> Path | None:
    if QUERIES_DIR.is_dir():  # a checkout or editable install
        return QUERIES_DIR
    packaged = resources.files("kg") / "queries"
    return Path(str(packaged)) if packaged.is_dir() else None


def query_names() -> list[str]:
    """The names of the ready-made queries.

    >>> "relations_between" in query_names()
    True
    """
    folder = _query_folder()
    return sorted(p.stem for p in folder.glob("*.rq")) if folder else []


def load_query(query: str) -> NamedQuery:
    """Resolve ``query``: an existing file, a name from ``queries/``, else inline text."""
    path = Path(query)
    folder = _query_folder()
    if path.suffix == ".rq" or (len(query) < 200 and "\n" not in query and path.is_file()):
        if not path.is_file() and folder and (folder / path.name).is_file():
            path = folder / path.name
        if not path.is_file():
            raise QueryError(f"no query file {query!r}")
        return _parse_header(path.read_text(encoding="utf-8"), str(path))
    if folder and re.fullmatch(r"[\w-]+", query):
        named = folder / f"{query}.rq"
        if named.is_file():
            return _parse_header(named.read_text(encoding="utf-8"), str(named))
        raise QueryError(f"no query named {query!r}; ready-made ones: {', '.join(query_names())}")
    return _parse_header(query, "inline query")


def _parse_header(text: str, source: str) -> NamedQuery:
    params = {}
    description = ""
    paged_by = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        found = _PARAM_LINE.match(line)
        if found:
            params[found.group(1)] = found.group(2)
        elif _PAGED_LINE.match(line):
            paged_by = _PAGED_LINE.match(line).group(1)
        elif not description and ":" in line:
            description = line.split(":", 1)[1].strip()
    return NamedQuery(text, source, params, description, paged_by)


def _term(name: str, kind: str, value):
    if kind == "name":
        return Literal(normalize_name(str(value)))
    if kind == "integer":
        try:
            return Literal(int(value), datatype=XSD.integer)
        except (TypeError, ValueError):
            raise QueryError(f"parameter {name} must be an integer, not {value!r}") from None
    if kind == "iri":
        text = str(value)
        if not re.fullmatch(r"[^\s<>\"{}|\\^`]+:[^\s<>\"{}|\\^`]*", text):
            raise QueryError(f"parameter {name} must be an IRI, not {value!r}")
        return URIRef(text)
    return Literal(str(value))


def bindings(named: NamedQuery, params: dict | None) -> dict:
    params = dict(params or {})
    unknown = sorted(set(params) - set(named.params))
    if unknown:
        declared = ", ".join(f"{k} ({t})" for k, t in named.params.items()) or "none"
        raise QueryError(f"{named.source} has no parameter {unknown[0]!r}; its parameters: {declared}")
    missing = [k for k in named.params if k not in params]
    if missing:
        raise QueryError(f"{named.source} needs parameter {missing[0]} ({named.params[missing[0]]})")
    return {k: _term(k, named.params[k], v) for k, v in params.items()}


# one left-to-right pass over a query's tokens that can hide a keyword: IRIs, strings, comments
_HIDING = re.compile(r'<[^\s<>"{}|^`\\]*>|"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_REACHING_OUT = re.compile(r"\b(?:SERVICE|FROM)\b", re.IGNORECASE)


def code_of(text: str) -> str:
    """A query's text with its IRIs, strings and comments blanked out: what is left is
    keywords, variables and punctuation.

    >>> code_of('SELECT ?s WHERE { ?s ?p "GRAPH" } # GRAPH').split()
    ['SELECT', '?s', 'WHERE', '{', '?s', '?p', '}']
    """
    return _HIDING.sub(" ", text)


_COUNT_TERMS = re.compile(r"\bkg:(?:articleCount|statedCount|rank|Link)\b|"
                          r"https://example\.org/kg/vocab#(?:articleCount|statedCount|rank|Link)\b")


def reads_counts(text: str) -> bool:
    """Whether a query reads the archive's counts kept in the default graph (``kg:rank``,
    ``kg:articleCount``, ``kg:statedCount``, ``kg:Link``: :mod:`kg.rdf.summary`).

    >>> reads_counts(load_query("entities").text), reads_counts(load_query("relations").text)
    (True, False)
    """
    return bool(_COUNT_TERMS.search(_HIDING.sub(lambda m: m.group(0) if m.group(0).startswith("<")
                                                else " ", text)))


def reaches_out(text: str) -> bool:
    """Whether a query's text holds the keyword ``SERVICE`` or ``FROM`` outside its IRIs,
    strings and comments (then :func:`check_syntax` parses it to see what it names).

    >>> reaches_out('SELECT * WHERE { ?s ?p "from here" } # FROM nowhere')
    False
    >>> reaches_out("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    True
    """
    return bool(_REACHING_OUT.search(code_of(text)))


def check_syntax(named: NamedQuery, engine: str = "rdflib") -> list[tuple[str, str]]:
    """Parse the query; return what it reaches for outside the dataset it runs on:
    ("SERVICE", url) and ("FROM" / "FROM NAMED", iri) pairs. On Oxigraph a query without
    those keywords is not parsed here (rdflib's parser took longer than most queries): it
    reaches nowhere, and Oxigraph checks its syntax (:func:`syntax_error`)."""
    if engine == "oxigraph" and not reaches_out(named.text):
        return []
    return _parsed_outside(named.text, named.source)


def syntax_error(named: NamedQuery, error: Exception) -> QueryError:
    """Oxigraph's syntax error, told as rdflib's parser tells it (line and column) where
    rdflib fails too."""
    _parsed_outside(named.text, named.source)  # raises the QueryError where rdflib cannot parse
    return QueryError(f"{named.source}: SPARQL syntax error: {error}")


@lru_cache(maxsize=64)
def _parsed_outside(text: str, source: str) -> list[tuple[str, str]]:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        return _outside(prepareQuery(text).algebra)
    except ParseException as error:
        raise QueryError(f"{source}: SPARQL syntax error at line {error.lineno}, "
                         f"column {error.col}: {error.line.strip()!r}") from None
    except Exception as error:  # rdflib raises several kinds for bad prefixes etc.
        raise QueryError(f"{source}: {type(error).__name__}: {error}") from None


def _outside(algebra) -> list[tuple[str, str]]:
    from rdflib.plugins.sparql.parserutils import CompValue

    found = [("FROM NAMED", str(clause["named"])) if "named" in clause else ("FROM", str(clause["default"]))
             for clause in algebra.get("datasetClause") or []]

    def walk(node) -> None:
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                found.append(("SERVICE", str(node.get("term"))))
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    walk(algebra.get("p"))
    return found


def refuse_outside(named: NamedQuery, outside: list[tuple[str, str]], graphs: set[str]) -> None:
    """SERVICE and FROM / FROM NAMED to anything but the loaded graphs fetch data from
    elsewhere (rdflib reads a FROM <file:///...> from disk): refused unless allowed."""
    for keyword, iri in outside:
        if keyword == "SERVICE" or iri not in graphs:
            raise QueryError(f"{named.source}: {keyword} <{iri}> reaches outside the loaded exports; "
                             f"kg runs it only when allowed (--allow-remote, allow_remote=True)")


def inject_values(text: str, bindings: dict) -> str:
    """The query with a ``VALUES`` block of the bound terms at the start of its outer WHERE.

    Terms are serialised by rdflib (``Literal.n3()``), which escapes quotes, backslashes and
    line breaks, so a value cannot end the literal it is in.

    >>> from rdflib import Literal
    >>> inject_values("SELECT ?x WHERE { ?x ?p ?a }", {"a": Literal('x" } DROP ALL #')})
    'SELECT ?x WHERE { VALUES (?a) { ("x\\\\" } DROP ALL #") } ?x ?p ?a }'
    """
    if not bindings:
        return text
    names = sorted(bindings)
    block = (" VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
             + " ".join(bindings[n].n3() for n in names) + ") }")
    return inject_block(text, block)


def inject_block(text: str, block: str) -> str:
    """The query with ``block`` (SPARQL made by kg, never user text) at the start of its
    outer WHERE group."""
    position = _outer_where_brace(text)
    return text[: position + 1] + block + text[position + 1:]


def _outer_where_brace(text: str) -> int:
    """Index of the ``{`` opening the outermost WHERE group (comments, IRIs, strings skipped)."""
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif char == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            i += re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]).end()
            continue
        elif char in "\"'":
            end = i + 1
            while end < n and text[end] != char:
                end += 2 if text[end] == "\\" else 1
            i = end
        elif char == "{":
            return i
        i += 1
    raise QueryError("the query has no WHERE { ... } group to bind parameters in")
