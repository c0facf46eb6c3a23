"""Load an export into a SPARQL server through the SPARQL 1.1 Graph Store HTTP Protocol.

One ``PUT`` per graph, in bulk: each article's named graph goes to ``URL?graph=<article IRI>``
and the default graph (entities, articles) to ``URL?default``. Servers without a default
graph (Virtuoso) take it into a named graph given as ``default_graph``; their SPARQL
endpoint reads the union of all graphs by default, so kg's queries work unchanged.

A ``PUT`` replaces the graph, so pushing the same export twice leaves the same data.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

__all__ = ["push", "PushError", "PushReport"]


class PushError(RuntimeError):
    """The server refused a graph, or could not be reached; the message says which and why."""


@dataclass(frozen=True)
class PushReport:
    graphs: int
    triples: int


def _dataset(export: str | Path) -> Dataset:
    path = Path(export)
    if path.is_dir():
        path = next((path / n for n in ("graph.nq", "graph.trig") if (path / n).is_file()), path / "graph.nq")
    if not path.is_file():
        raise PushError(f"{path}: no such export (give graph.nq, graph.trig or their folder)")
    dataset = Dataset()
    dataset.parse(path, format="nquads" if path.suffix == ".nq" else "trig")
    return dataset


def _put(url: str, body: bytes, auth: str | None) -> None:
    headers = {"Content-Type": "application/n-triples"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
    request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8", "replace")
        reason = _server_message(text) or error.reason
        hint = ""
        if "default" in url and "default graph" in text:
            hint = " (this server has no default graph: pass a graph IRI for it with --default-graph)"
        raise PushError(f"{url} answered {error.code}: {reason}{hint}") from None
    except (urllib.error.URLError, OSError) as error:
        raise PushError(f"cannot reach {url}: {getattr(error, 'reason', error)}") from None


def _server_message(text: str) -> str:
    lines = [line.strip() for line in text.replace("<xmp>", "\n").replace("</xmp>", "\n").splitlines()]
    useful = [line for line in lines if line and not line.startswith("<")]
    return useful[-1] if useful else ""


def push(export: str | Path, url: str, *, default_graph: str | None = None,
         auth: str | None = None) -> PushReport:
    """PUT every graph of ``export`` to the Graph Store endpoint ``url``.

    Parameters
    ----------
    export
        ``graph.nq``, ``graph.trig`` or the exports folder.
    url
        The Graph Store endpoint, e.g. ``http://localhost:8890/sparql-graph-crud``.
    default_graph
        Where to put the default graph on servers without one (an IRI).
    auth
        ``user:password`` for HTTP basic authentication, if the server wants it.
    """
    dataset = _dataset(export)
    graphs = triples = 0
    separator = "&" if "?" in url else "?"
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        plain = Graph()
        for triple in context:
            plain.add(triple)
        body = plain.serialize(format="nt", encoding="utf-8")
        if context.identifier == DATASET_DEFAULT_GRAPH_ID:
            target = (f"{url}{separator}graph={urllib.parse.quote(default_graph, safe='')}"
                      if default_graph else f"{url}{separator}default")
        else:
            target = f"{url}{separator}graph={urllib.parse.quote(str(context.identifier), safe='')}"
        _put(target, body, auth)
        graphs += 1
        triples += len(context)
    return PushReport(graphs, triples)
