"""Which articles a query reads: some by id, or a page of the archive.

Every article is a named graph of its own, so a query can be asked of some articles only:
its ``GRAPH`` patterns then see those articles' statements, mentions and evidence, while
the default graph (entities, labels, the articles' texts) stays whole. On Oxigraph this is
the query's dataset (``named_graphs``), not a filter: a page of 25 articles of a
20,000-article store is answered in tens of milliseconds where the whole archive takes
seconds (``benchmarks/README.md``).

- ``articles``: these article ids (``kg query OUT relations --article ID``);
- ``page`` and ``page_size``: the archive's articles in id order, ``page_size`` at a time,
  pages counted from 1 (``--page 3 --page-size 25``).

Queries that only read the default graph (``entities``: every entity and how many articles
mention it) are not narrowed: they count over the archive.

>>> import kg
>>> from kg.rdf.export import write_exports
>>> from kg.query import query
>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> _ = write_exports(kg.build(["seeds/"], min_confidence=0), out, formats=("nq",))
>>> rows = query(out, "relations", page=1, page_size=1)
>>> sorted({r["article"] for r in rows})
['000_f041676349017ce9']
>>> len(query(out, "relations", articles=["001_7f1dbf2819e5e0b1"])) > 0
True
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["article_graphs", "ArticleScope", "PER_ARTICLE_QUERIES"]

#: The shipped queries whose rows each come from one article: asked page by page, they give
#: every row of the whole answer once. The others count over articles (``neighbors``,
#: ``corroborated``: within the page) or read only the default graph (``entities``).
PER_ARTICLE_QUERIES = ("relations", "relations_between", "negated_or_hedged", "attributed_claims",
                       "sources_of", "timeline")


class ArticleScope:
    """The articles a query is asked of: ids, or a page; None of both: every article."""

    def __init__(self, articles: Sequence[str] | None = None, page: int | None = None,
                 page_size: int = 25) -> None:
        from kg.query import QueryError

        if articles is not None and page is not None:
            raise QueryError("ask for articles by id or for a page, not both")
        if page is not None and (page < 1 or page_size < 1):
            raise QueryError(f"pages count from 1 and hold at least one article "
                             f"(page {page}, page size {page_size})")
        self.articles = list(articles) if articles is not None else None
        self.page = page
        self.page_size = page_size

    @property
    def everything(self) -> bool:
        return self.articles is None and self.page is None


def article_graphs(store, scope: ArticleScope) -> list:
    """The named graphs (Oxigraph terms) of the articles in ``scope``; a QueryError names
    any article id the store does not hold."""
    import pyoxigraph as ox

    from kg.query import QueryError
    from kg.rdf.namespaces import KG

    article_id = ox.NamedNode(str(KG.articleId))
    if scope.page is not None:
        found = store.query(f"SELECT ?g WHERE {{ ?g <{article_id.value}> ?id }} ORDER BY ?id "
                            f"LIMIT {int(scope.page_size)} OFFSET {(scope.page - 1) * int(scope.page_size)}")
        return [solution["g"] for solution in found]
    graphs, missing = [], []
    for wanted in scope.articles:
        quads = list(store.quads_for_pattern(None, article_id, ox.Literal(str(wanted)), ox.DefaultGraph()))
        if quads:
            graphs.append(quads[0].subject)
        else:
            missing.append(wanted)
    if missing:
        raise QueryError(f"no article {missing[0]!r} in these exports"
                         + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    return graphs
