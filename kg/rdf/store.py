"""The on-disk Oxigraph store ``kg query`` opens: made afresh, or brought up to date.

A fresh store is bulk-loaded from ``graph.nq``. When the exports folder already holds a
store made from the earlier ``graph.nq`` (a marker inside it, ``kg-source.txt``, names the
digest of that file's blocks index), the new store is a copy of it with only what changed
replaced: the named graphs of articles whose block was made again or that are gone, and the
quads of the default graph that came or went (entities change as articles come and go). Its
quads are the same as a fresh store's (a test checks it); adding one article to an archive
then costs a copy of the store (a RocksDB checkpoint, mostly hard links) and one article's
quads, not a bulk load of every article's.

Examples
--------
>>> import tempfile, pathlib
>>> from kg.build import build
>>> from kg.rdf.nquads import write_nquads
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> change = write_nquads(build(["seeds/"]), folder / "graph.nq")
>>> write_store(folder / "graph.nq", folder / "store", change)
'fresh'
>>> write_store(folder / "graph.nq", folder / "store", write_nquads(build(["seeds/"]), folder / "graph.nq"))
'updated'
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from kg.rdf.namespaces import DataNamespaces
from kg.rdf.nquads import NquadsChange

__all__ = ["write_store", "MARKER"]

MARKER = "kg-source.txt"


def write_store(nquads: str | Path, folder: Path, change: NquadsChange | None = None,
                base: str | None = None) -> str:
    """Make the store in ``folder`` hold ``nquads`` (N-Quads text, or the path of
    ``graph.nq``); return ``"fresh"`` or ``"updated"``.

    With ``change`` (what :func:`kg.rdf.nquads.write_nquads` wrote into that ``graph.nq``)
    and a store in ``folder`` made from the file it replaced, the store is updated (in a
    checkpoint of it: the one in ``folder`` may be shared, hard-linked, with the exports it
    belongs to); otherwise, or where more than half of the articles' graphs changed, it is
    made afresh."""
    import pyoxigraph as ox

    marker = folder / MARKER
    earlier = marker.read_text(encoding="utf-8").strip() if marker.is_file() else None
    updating = (change is not None and isinstance(nquads, Path) and change.earlier is not None
                and earlier == change.earlier and not _mostly_changed(change))
    fresh = folder.with_name(folder.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    store = None
    if updating:  # a RocksDB checkpoint: table files hard-linked (never written again), the
        # files RocksDB appends to copied, so the store in ``folder`` is left as it was
        try:
            ox.Store.read_only(str(folder)).backup(str(fresh))
            store = ox.Store(str(fresh))
            _apply(store, nquads, change, base)
        except (OSError, ValueError, SyntaxError):  # a damaged store: made afresh instead
            store, updating = None, False
            shutil.rmtree(fresh, ignore_errors=True)
    if store is None:
        store = ox.Store(str(fresh))
        text = nquads.open("rb") if isinstance(nquads, Path) else io.BytesIO(nquads.encode("utf-8"))
        with text as stream:
            _bulk_load(store, stream)
    store.flush()
    del store  # closed, so that readers may open it
    if change is not None:
        (fresh / MARKER).write_text(change.digest + "\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    fresh.rename(folder)
    return "updated" if updating else "fresh"


def _mostly_changed(change: NquadsChange) -> bool:
    """Whether more than half of the articles' graphs changed: then a fresh bulk load is
    cheaper than replacing them one by one (on 20,000 articles whose blocks were all made
    again, replacing took ten minutes and 3.4 GB).

    >>> _mostly_changed(NquadsChange(["a", "b"], [], {"a": [], "b": [], "c": []}, "", None))
    True
    """
    return 2 * (len(change.made) + len(change.gone)) > max(len(change.blocks), 1)


def _bulk_load(store, stream, piece: int = 8 << 20) -> None:
    """Bulk-load N-Quads from ``stream`` a few megabytes at a time, each piece ending at a
    line's end: Oxigraph's bulk loader holds what it is given in memory (a whole 77 MB file
    took 420 MB; pieces of 8 MB, 93 MB, and less time)."""
    import pyoxigraph as ox

    while True:
        data = stream.read(piece)
        if not data:
            return
        data += stream.readline()  # an N-Quads line holds no raw line break
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)


def _apply(store, nquads: Path, change: NquadsChange, base: str | None) -> None:
    """Replace, in ``store``, the default graph and the graphs of the articles ``change``
    made or dropped, with their blocks from ``nquads``."""
    import pyoxigraph as ox

    data = DataNamespaces(base) if base else DataNamespaces()
    if change.default_removed:
        for quad in ox.parse(b"\n".join(change.default_removed), format=ox.RdfFormat.N_QUADS):
            store.remove(quad)
    if change.default_added:
        store.load(b"\n".join(change.default_added), format=ox.RdfFormat.N_QUADS)
    for article_id in [*change.made, *change.gone]:
        graph = ox.NamedNode(str(data.article(article_id)))
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
    with nquads.open("rb") as stream:
        for start, length in [change.blocks[a][1:3] for a in change.made]:
            stream.seek(start)
            block = stream.read(length)
            if block:
                store.load(block, format=ox.RdfFormat.N_QUADS)
