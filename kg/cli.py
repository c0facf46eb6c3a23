"""The ``kg`` command line: thin commands over the library.

Every command calls one documented function (:func:`kg.build.build`,
:func:`kg.rdf.export.write_exports`, :func:`kg.rdf.export.load`, :mod:`kg.report`) and
turns its errors into one clear line on stderr with exit status 1 (2 for usage errors).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.build import DEFAULT_MAX_CHARS
from kg.dask_build import DaskUnavailable
from kg.extract.lexicon import ENTITY_LABELS
from kg.graph import AmbiguousEntity, EntityNotFound, KnowledgeGraph
from kg.incremental import RecordsError, update
from kg.incremental import remove as remove_articles
from kg.ingest import DEFAULT_MAX_BYTES, read_articles
from kg.nlp.pipeline import ModelError
from kg.rdf.export import ALL_FORMATS, EXPORT_FORMATS, check_base, load
from kg.report import describe_entity, graph_stats

app = typer.Typer(
    name="kg",
    help="Turn news articles into a knowledge graph whose every edge carries its source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


def _load(export: str) -> KnowledgeGraph:
    try:
        return load(export)
    except ValueError as error:
        _fail(str(error))
        raise  # unreachable; for type checkers


@app.command()
def build(
    paths: list[str] = typer.Argument(..., help="Files, folders, glob patterns, or - for stdin."),
    output: Path = typer.Option(Path("exports"), "-o", "--output", help="Folder for the exports."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline name or folder "
                              "(default: $KG_SPACY_MODEL, else the bundled en_kg_sm)."),
    base: str = typer.Option(None, "--base", help="Base IRI of entities, articles, statements."),
    labels: str = typer.Option(",".join(ENTITY_LABELS), "--labels",
                               help="Comma-separated spaCy entity labels that become nodes."),
    formats: str = typer.Option(",".join(EXPORT_FORMATS), "--formats",
                                help="Comma-separated export formats, or 'all' (also TriG, Turtle "
                                     f"and JSON-LD): {', '.join(ALL_FORMATS)}."),
    n_process: int = typer.Option(1, "--n-process", help="Worker processes, each parsing and "
                                  "reading shards of the articles."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes",
                                  help="Skip (and report) larger input files."),
    diagram: bool = typer.Option(True, "--diagram/--no-diagram",
                                 help="Also draw overview.png and overview.svg."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    infer: bool = typer.Option(False, "--infer", help="Also add relations inferred from whole "
                               "articles (where the places and organisations an article names "
                               "are located, by kg's located-in model), marked inferred."),
    min_confidence: float = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                         help="State only relations at least this probably right "
                                              "(default: the confidence model's threshold; 0 keeps all)."),
    source_paths: bool = typer.Option(False, "--source-paths",
                                      help="Put the local path of each article into the RDF."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1000,
                                  help="Cut (and report) longer articles at a paragraph or sentence end."),
    fresh: bool = typer.Option(False, "--fresh", help="Read every article again: ignore (and replace) "
                                                       "what the exports folder holds."),
    engine: str = typer.Option("local", "--engine", help="Where articles are read: 'local', or 'dask' "
                               "(a local Dask cluster of --n-process workers, or the one at --scheduler)."),
    scheduler: str = typer.Option(None, "--scheduler", help="A Dask scheduler's address "
                                  "(tcp://host:8786): read the articles on its cluster."),
) -> None:
    """Build a knowledge graph from news articles and write its exports.

    Into a folder kg built before, only new or changed articles are read; the others are
    kept from its extractions.jsonl (--fresh starts over). Exit status: 0 when every input
    was built, 1 when some were skipped (each is named, with the reason, on stderr and in
    skipped.json beside the exports), 2 when nothing could be built or the command was used
    wrongly.

    Example: kg build seeds/ -o exports/
    """
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    chosen = ALL_FORMATS if chosen == ("all",) else chosen
    unknown = [f for f in chosen if f not in ALL_FORMATS]
    if unknown:
        _fail(f"unknown export format {unknown[0]!r}; choose from {', '.join(ALL_FORMATS)}", 2)
    if engine not in ("local", "dask"):
        _fail(f"unknown engine {engine!r}; choose local or dask", 2)
    if base is not None:
        try:
            check_base(base)
        except ValueError as error:
            _fail(str(error), 2)
    bar = None
    show_bar = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if not show_bar or total < 5:
            return
        if bar is None:
            bar = typer.progressbar(length=total, label="articles", file=sys.stderr)
            bar.__enter__()
        bar.update(1)

    result = read_articles(paths, max_bytes=max_bytes)  # "-" reads standard input, up to the limit
    skipped = [(p.source, p.reason) for p in result.problems]
    for source, reason in skipped:
        typer.echo(f"kg: skipped {source}: {reason}", err=True)
    if not result.articles:
        _fail("no article could be read; nothing was written", 2)
    try:
        graph, report = update(output, result.articles, model=model, labels=tuple(labels.split(",")),
                               max_chars=max_chars, min_confidence=min_confidence, infer=infer,
                               fresh=fresh, problems=skipped, n_process=n_process, progress=progress,
                               engine=engine, scheduler=scheduler,
                               formats=chosen, base=base, overview=diagram, source_paths=source_paths,
                               wait=lambda: typer.echo(f"kg: another kg is writing {output}/; waiting",
                                                       err=True))
    except (ModelError, RecordsError, DaskUnavailable) as error:
        _fail(str(error), 2)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for source, reason in graph.report.problems[len(skipped):]:
        typer.echo(f"kg: skipped {source}: {reason}", err=True)
    for source, how in graph.report.cut:
        typer.echo(f"kg: {source}: {how}", err=True)
    typer.echo(graph.report.summary(graph, problems=False))  # problems went to stderr above
    if not report.fresh:
        typer.echo(f"read {report.read} new or changed articles; kept {report.kept} from {output}/")
    typer.echo(f"wrote the exports to {output}/")
    if graph.report.problems:
        raise typer.Exit(1)


@app.command()
def remove(
    articles: list[str] = typer.Argument(..., help="Ids of the articles to drop."),
    output: Path = typer.Option(Path("exports"), "-o", "--output", help="The exports folder."),
) -> None:
    """Drop articles from an exports folder kg built: their named graphs go, entities are
    resolved again, and the exports are written as kg build wrote them (same formats, base,
    threshold, --infer).

    Example: kg remove 002_3cfeafbf2c412ff4 -o exports/
    """
    try:
        graph, report = remove_articles(
            output, articles,
            wait=lambda: typer.echo(f"kg: another kg is writing {output}/; waiting", err=True))
    except RecordsError as error:
        _fail(str(error), 2)
    typer.echo(graph.report.summary(graph, problems=False))
    typer.echo(f"removed {len(report.removed)} articles; {report.kept} remain in {output}/")


@app.command()
def stats(export: str = typer.Argument(..., help="An export file or folder.")) -> None:
    """Counts of articles, entities by type, relations by type and predicate.

    Example: kg stats exports/
    """
    typer.echo(graph_stats(_load(export)))


@app.command()
def show(
    export: str = typer.Argument(..., help="An export file or folder."),
    entity: str = typer.Argument(..., help="A name, alias or id: 'Musk', 'the Tesla C.E.O.'"),
) -> None:
    """An entity's aliases, relations and the sentences behind them.

    Example: kg show exports/ "Musk"
    """
    graph = _load(export)
    try:
        typer.echo(describe_entity(graph, entity))
    except (EntityNotFound, AmbiguousEntity) as error:
        _fail(str(error))


@app.command()
def draw(
    export: str = typer.Argument(..., help="An export file or folder."),
    output: Path = typer.Option(Path("diagram.png"), "-o", "--output",
                                help="A .png, .svg or .pdf file."),
    focus: str = typer.Option(None, "--focus", help="Draw the neighbourhood of this entity."),
    radius: int = typer.Option(1, "--radius", help="Steps around --focus."),
    path: tuple[str, str] | None = typer.Option(None, "--path", help="Draw the paths between A and B."),
    types: str = typer.Option(None, "--types", help="Comma-separated entity types, e.g. PERSON,ORG."),
    min_sources: int = typer.Option(1, "--min-sources", help="Only edges stated by N+ articles."),
    layout: str = typer.Option("auto", "--layout", help="auto, kamada-kawai, spring, circular, shell."),
    include_negated: bool = typer.Option(False, "--include-negated", help="Draw negated statements."),
    max_nodes: int = typer.Option(40, "--max-nodes", help="Reduce larger views to the most connected."),
    seed: int = typer.Option(7, "--seed", help="Layout seed."),
) -> None:
    """Draw the graph, an entity's neighbourhood, or the paths between two entities.

    Example: kg draw exports/ --focus "Elon Musk" -o musk.png
    """
    from kg.draw import draw as draw_graph
    from kg.draw import save_figure

    graph = _load(export)
    try:
        figure = draw_graph(graph, focus=focus, radius=radius,
                            path=tuple(path) if path else None,
                            types=types.split(",") if types else None, min_sources=min_sources,
                            include_negated=include_negated, layout=layout, seed=seed,
                            max_nodes=max_nodes)
        save_figure(figure, output)
    except (EntityNotFound, AmbiguousEntity, ValueError) as error:
        _fail(str(error))
    typer.echo(f"wrote {output}")


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            _fail(f"--param takes name=value, not {pair!r}")
        params[name.strip()] = value
    return params


@app.command()
def query(
    export: str = typer.Argument(..., help="An export file or folder (ignored with --engine URL)."),
    query_text: str = typer.Argument(..., metavar="QUERY",
                                     help="A .rq file, a name from queries/, or SPARQL text."),
    param: list[str] = typer.Option([], "--param", "-p", help="A parameter: name=value (repeatable)."),
    output_format: str = typer.Option("table", "--format", "-f", help="table, csv, tsv or json."),
    engine: str = typer.Option("oxigraph", "--engine", help="oxigraph, rdflib, or a SPARQL endpoint URL."),
    store: str = typer.Option(None, "--store", help="With oxigraph: an on-disk store folder."),
    timeout: float = typer.Option(120.0, "--timeout", min=0.1,
                                  help="Seconds the query may run before it is stopped."),
    allow_remote: bool = typer.Option(False, "--allow-remote",
                                      help="Run SERVICE, and FROM / FROM NAMED beyond the loaded export "
                                           "(they fetch data from elsewhere; refused by default)."),
    article: list[str] = typer.Option([], "--article", "-a",
                                      help="Ask the query of this article only (repeatable; oxigraph)."),
    page: int = typer.Option(None, "--page", min=1,
                             help="Ask the query of one page of the articles, in id order; a ranked query "
                                  "(entities, corroborated) gives one page of its ranks (oxigraph)."),
    page_size: int = typer.Option(25, "--page-size", min=1, help="Articles (or ranks) a page holds."),
) -> None:
    """Run a SPARQL query over an export, with bound parameters.

    Example: kg query exports/ relations_between --param a=Musk --param b=Putin
    """
    from kg.query import QueryError
    from kg.query import query as run_query
    from kg.report import format_rows

    if output_format not in ("table", "csv", "tsv", "json"):
        _fail(f"unknown format {output_format!r}: use table, csv, tsv or json")
    try:
        rows = run_query(export, query_text, params=_parse_params(param), engine=engine, store=store,
                         timeout=timeout, allow_remote=allow_remote, articles=article or None,
                         page=page, page_size=page_size)
    except QueryError as error:
        _fail(str(error))
    typer.echo(format_rows(rows, output_format), nl=False)


@app.command()
def push(
    export: str = typer.Argument(..., help="graph.nq, graph.trig or an exports folder."),
    url: str = typer.Argument(..., help="The SPARQL 1.1 Graph Store endpoint."),
    default_graph: str = typer.Option(None, "--default-graph",
                                      help="Graph IRI for the default graph, on servers without one."),
    auth: str = typer.Option(None, "--auth", help="user:password for HTTP basic authentication."),
) -> None:
    """Load an export into a SPARQL server (Graph Store protocol, one PUT per graph).

    Example: kg push exports/ http://localhost:8890/sparql-graph-crud --default-graph urn:kg:default
    """
    from kg.push import PushError
    from kg.push import push as push_export

    try:
        report = push_export(export, url, default_graph=default_graph, auth=auth)
    except PushError as error:
        _fail(str(error))
    typer.echo(f"pushed {report.graphs} graphs, {report.triples} triples to {url}")


def main() -> None:  # pragma: no cover
    app()
