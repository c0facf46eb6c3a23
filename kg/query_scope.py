"""Which part of the archive a query reads: some articles by id, or a page.

Every article is a named graph of its own, so a query can be asked of some articles only:
its ``GRAPH`` patterns then see those articles' statements, mentions and evidence, while
the default graph (entities, labels, the articles' texts) stays whole. On Oxigraph this is
the query's dataset (``named_graphs``), not a filter: a page of 25 articles of a
20,000-article store is answered in tens of milliseconds where the whole archive takes
seconds (``benchmarks/README.md``).

- ``articles``: these article ids (``kg query OUT relations --article ID``);
- ``page`` and ``page_size``: the archive's articles in id order, ``page_size`` at a time,
  pages counted from 1 (``--page 3 --page-size 25``).

Queries that list the archive's summary, counted when the exports were written
(:mod:`kg.rdf.summary`), page by rank instead: a query whose header says ``# Paged by:
?rank`` (``entities``, ``corroborated``) gets ``?rank`` bound to the page's ranks, ``VALUES
?rank { 26 27 ... 50 }`` for page 2, and the store looks those nodes up instead of sorting
every entity (a ``FILTER`` on a range of ranks, or ``LIMIT`` and ``OFFSET``, read them all).
Its pages together are its whole answer. Asked of some articles (``--article``), such a
query is refused, as is any query that reads neither named graphs nor ranks (``neighbors``):
nothing would narrow it, and an answer that looks narrowed but is not would mislead.

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
>>> [row["label"] for row in query(out, "entities", page=1, page_size=2)]
['Elon Musk', 'Russia']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["article_graphs", "ArticleScope", "PER_ARTICLE_QUERIES", "RANKED_QUERIES", "check_scope",
           "rank_values"]

#: The shipped queries whose rows each come from one article: asked page by page, they give
#: every row of the whole answer once.
PER_ARTICLE_QUERIES = ("relations", "relations_between", "negated_or_hedged", "attributed_claims",
                       "sources_of", "timeline")
#: The shipped queries that page by rank (``# Paged by: ?rank``). ``neighbors`` pages by
#: neither: it reads one entity's links, counted over the archive.
RANKED_QUERIES = ("entities", "corroborated")
MAX_PAGE_SIZE = 10_000
_GRAPH_KEYWORD = re.compile(r"\bGRAPH\b", re.IGNORECASE)


class ArticleScope:
    """The articles a query is asked of: ids, or a page; None of both: every article."""

    def __init__(self, articles: Sequence[str] | None = None, page: int | None = None,
                 page_size: int = 25) -> None:
        from kg.query_text import QueryError

        if articles is not None and page is not None:
            raise QueryError("ask for articles by id or for a page, not both")
        if page is not None and (page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE):
            raise QueryError(f"pages count from 1 and hold 1 to {MAX_PAGE_SIZE:,} articles or rows "
                             f"(page {page}, page size {page_size})")
        self.articles = list(articles) if articles is not None else None
        self.page = page
        self.page_size = page_size

    @property
    def everything(self) -> bool:
        return self.articles is None and self.page is None


def check_scope(named, scope: ArticleScope, engine: str) -> None:
    """Raise a QueryError where ``named`` (a :class:`kg.query_text.NamedQuery`) cannot be asked of
    ``scope``: on another engine than Oxigraph, a ranked query asked of articles, or a query
    that neither reads named graphs nor declares a rank."""
    from kg.query_text import QueryError, code_of

    if engine != "oxigraph":
        raise QueryError("asking a query of some articles or a page (--article, --page) needs "
                         "the oxigraph engine")
    if named.paged_by:
        if scope.articles is not None:
            raise QueryError(f"{named.source} lists the whole archive, a page of ranks at a time "
                             f"(--page); it cannot be asked of some articles (--article)")
        return
    if not _GRAPH_KEYWORD.search(code_of(named.text)):
        raise QueryError(f"{named.source} reads no article's graph (no GRAPH pattern) and pages by "
                         f"no rank: --article and --page do not narrow it")


def rank_values(variable: str, scope: ArticleScope) -> str:
    """The ``VALUES`` block that binds ``?variable`` to the ranks of ``scope``'s page.

    >>> rank_values("rank", ArticleScope(page=2, page_size=3))
    ' VALUES ?rank { 4 5 6 }'
    """
    first = (scope.page - 1) * scope.page_size + 1
    ranks = " ".join(str(rank) for rank in range(first, first + scope.page_size))
    return f" VALUES ?{variable} {{ {ranks} }}"


def article_graphs(store, scope: ArticleScope) -> list:
    """The named graphs (Oxigraph terms) of the articles in ``scope``; a QueryError names
    any article id the store does not hold."""
    import pyoxigraph as ox

    from kg.query_text import QueryError
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
