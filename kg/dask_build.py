"""Reading articles on a Dask cluster: ``kg build --engine dask [--scheduler ADDRESS]``.

Parsing and reading each article is the whole cost of a build and needs nothing from the
other articles, so it is what goes out to the cluster: the articles are cut into shards,
each shard is read by :func:`kg.build.extract_articles` on a worker (which loads the
pipeline once and keeps it), and the workers send back each article's record (its entity
clusters, mentions and relations, as ``extractions.jsonl`` keeps them). Entity resolution
across articles, the threshold, ``--infer`` and the exports then run where ``kg build``
runs, as they do without Dask, so the exports are the same bytes (tested on the seeds and
on 200 articles in ``tests/test_dask_build.py``). Dask's own scheduler does the
distribution: without an address a local cluster of ``n_workers`` processes is started
for the build, and with one (``tcp://host:8786``) the build joins that cluster; its
workers need the same kg installed (``pip install ".[dask]"`` in its folder), and the same
pipeline.

Example (a local cluster of two processes):

>>> from kg.ingest import read_articles
>>> articles = read_articles(["seeds/"]).articles
>>> extracted = extract_on_dask(articles, n_workers=1)  # doctest: +SKIP
>>> len(extracted.extractions)  # doctest: +SKIP
3
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from kg.build import DEFAULT_MAX_CHARS, Extracted, Progress, read_shard, shards_of
from kg.extract.lexicon import ENTITY_LABELS
from kg.model import Article
from kg.nlp.pipeline import resolve_model

__all__ = ["extract_on_dask", "shards_of", "DaskUnavailable"]


class DaskUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


@contextmanager
def _client(scheduler: str | None, n_workers: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable('Dask is not installed: pip install ".[dask]" in the kg folder') from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise DaskUnavailable(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def extract_on_dask(
    articles: list[Article],
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    shards: int | None = None,
    model: str | Path | None = None,
    labels: tuple[str, ...] = ENTITY_LABELS,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: Progress | None = None,
) -> Extracted:
    """What :func:`kg.build.extract_articles` returns, read on a Dask cluster: the one at
    ``scheduler``, else a local one of ``n_workers`` processes. ``shards`` (by default four
    per worker) sets how many pieces the articles are cut into."""
    if not articles:
        return Extracted([], [], [], resolve_model(model)[0])
    with _client(scheduler, n_workers) as client:
        from dask.distributed import as_completed

        workers = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
        pieces = shards_of(articles, shards or 4 * workers)
        futures = [client.submit(read_shard, piece, model, tuple(labels), max_chars, pure=False)
                   for piece in pieces]
        index = {future.key: i for i, future in enumerate(futures)}
        results: list[Extracted | None] = [None] * len(futures)
        done = 0
        for future in as_completed(futures):
            results[index[future.key]] = future.result()
            done += len(pieces[index[future.key]])
            if progress:
                progress(done, len(articles))
    return Extracted.joined(results, resolve_model(model)[0])  # in the articles' order
