"""Relationship diagrams with matplotlib: the whole graph, one entity's neighbourhood, or
the paths between two entities.

- nodes: colour and shape by entity type (legend), size by mention count;
- edges: all relations between two entities merged into one line, labelled with their
  predicates (the most supported first, with a count); width by the number of supporting
  articles; dashed and faded when every statement is hedged, dash-dotted and faded when
  every statement is inferred (:mod:`kg.infer`); negated statements left out unless
  ``include_negated=True`` (then dotted red);
- labels pushed apart until none overlap, all kept inside the figure;
- a title naming the view and the source articles; a note when the view was reduced.

Layouts are deterministic (``seed``), so the same graph gives the same picture.

Examples
--------
>>> import kg
>>> graph = kg.build(["seeds/"], min_confidence=0)
>>> figure = draw(graph, focus="Xi Jinping")
>>> sorted(t for t in drawn_texts(figure) if t in {"Xi Jinping", "Vladimir Putin", "leader of"})
['Vladimir Putin', 'Xi Jinping', 'leader of']
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from kg.draw_labels import fit_and_separate  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402
from kg.io import atomic_write_bytes  # noqa: E402
from kg.model import Entity, Relation  # noqa: E402

__all__ = ["draw", "save_figure", "write_overview", "drawn_texts", "footer_text", "TYPE_STYLE",
           "LAYOUTS"]

#: colour and marker of each entity type
TYPE_STYLE = {
    "PERSON": ("#4e79a7", "o"), "ORG": ("#f28e2b", "s"), "GPE": ("#59a14f", "^"),
    "LOC": ("#76b7b2", "^"), "FAC": ("#9c755f", "p"), "NORP": ("#b07aa1", "h"),
    "PRODUCT": ("#e15759", "D"), "EVENT": ("#edc948", "*"), "WORK_OF_ART": ("#ff9da7", "v"),
}
_OTHER = ("#bab0ac", "o")
LAYOUTS = ("auto", "kamada-kawai", "spring", "circular", "shell")


@dataclass
class _Edge:
    a: str
    b: str
    relations: list[Relation] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len({r.evidence.article for r in self.relations})

    @property
    def hedged(self) -> bool:
        return all(r.evidence.hedged for r in self.relations)

    @property
    def negated(self) -> bool:
        return all(r.evidence.negated for r in self.relations)

    @property
    def inferred(self) -> bool:
        return all(r.evidence.inferred for r in self.relations)

    def label(self, names: int = 2) -> str:
        counts = Counter(r.predicate for r in self.relations)
        ranked = sorted(counts, key=lambda p: (-counts[p], p))
        parts = [p if counts[p] == 1 else f"{p} ×{counts[p]}" for p in ranked[:names]]
        if len(ranked) > names:
            parts.append(f"+{len(ranked) - names} more")
        return "\n".join(parts)

    def direction(self) -> tuple[str, str]:
        forward = sum(1 for r in self.relations if r.subject == self.a)
        return (self.a, self.b) if forward >= len(self.relations) - forward else (self.b, self.a)


def _merged_edges(relations: list[Relation]) -> dict[tuple, _Edge]:
    """One edge per pair of entities, and a separate one for the pair's negated statements."""
    edges: dict[tuple, _Edge] = {}
    for relation in relations:
        if relation.subject == relation.object:
            continue
        a, b = sorted((relation.subject, relation.object))
        edges.setdefault((a, b, relation.evidence.negated), _Edge(a, b)).relations.append(relation)
    return edges


def _view(graph: KnowledgeGraph, focus, radius, path, types, min_sources, include_negated,
          max_nodes) -> tuple[list[Entity], list[_Edge], str, list[str]]:
    """Which entities and merged edges to draw, the title, and notes."""
    notes: list[str] = []
    if path is not None:
        a, b = (graph.entity(x) for x in path)
        found = graph.paths(a.id, b.id, max_length=6)
        keep = {n for p in found for n in p.entities}
        allowed = {frozenset((s.source, s.target)) for p in found for s in p.steps}
        relations = [r for r in graph.relation_list() if frozenset((r.subject, r.object)) in allowed]
        title = f"Connections between {a.label} and {b.label}"
        if not found:
            notes.append("no connection found")
            keep = {a.id, b.id}
    elif focus is not None:
        center = graph.entity(focus)
        view = graph.ego(center.id, radius, include_negated=include_negated)
        keep = set(view.graph.nodes)
        relations = view.relation_list()
        title = f"Around {center.label} (radius {radius})"
    else:
        keep = set(graph.graph.nodes)
        relations = graph.relation_list()
        title = "Knowledge graph"
    if types:
        wanted = {t.upper() for t in types}
        keep = {n for n in keep if graph.get_entity(n).type in wanted}
    relations = [r for r in relations if r.subject in keep and r.object in keep
                 and (include_negated or not r.evidence.negated)]
    edges = [e for e in _merged_edges(relations).values() if e.articles >= min_sources]
    if min_sources > 1:
        notes.append(f"edges stated by at least {min_sources} articles")
    connected = {n for e in edges for n in (e.a, e.b)}
    anchors = {graph.entity(x).id for x in (path or ())} | (
        {graph.entity(focus).id} if focus is not None else set())
    isolated = set()
    if focus is None and path is None:  # the overview also shows who matters but relates to no one
        isolated = {n for n in keep - connected if _notable(graph.get_entity(n))}
    nodes = sorted(connected | isolated | (anchors & keep))
    dropped = len(keep) - len(nodes)
    if isolated:
        notes.append(f"{len(isolated)} entities mentioned without a stated relation drawn faint")
    if dropped and focus is None and path is None:
        notes.append(f"{dropped} other entities without relations not shown")
    if len(nodes) > max_nodes:
        degree = Counter()
        for e in edges:
            degree[e.a] += len(e.relations)
            degree[e.b] += len(e.relations)
        ranked = sorted(nodes, key=lambda n: (n not in anchors, -degree[n], n))
        shown = set(ranked[:max_nodes])
        notes.append(f"showing the {max_nodes} most connected of {len(nodes)} entities")
        nodes = sorted(shown)
        edges = [e for e in edges if e.a in shown and e.b in shown]
    articles = sorted({r.evidence.article for e in edges for r in e.relations})
    if articles:
        shown_articles = ", ".join(articles[:3]) + (f" +{len(articles) - 3}" if len(articles) > 3 else "")
        title += f"\nfrom {len(articles)} article{'s' if len(articles) > 1 else ''}: {shown_articles}"
    edges.sort(key=lambda e: (e.a, e.b, e.negated))
    return [graph.get_entity(n) for n in nodes], edges, title, notes, isolated


def _notable(entity: Entity) -> bool:
    """Worth drawing without relations: in the alias table (Wikidata id), or mentioned often."""
    return entity.wikidata is not None or entity.mention_count >= 3


def _layout(nodes: list[Entity], edges: list[_Edge], layout: str, seed: int) -> dict[str, tuple]:
    """Positions of the related entities; entities without relations in a row beneath them."""
    related = {n for e in edges for n in (e.a, e.b)}
    alone = [e.id for e in nodes if e.id not in related]
    placed = _layout_related([e for e in nodes if e.id in related], edges, layout, seed)
    if alone:
        xs = [p[0] for p in placed.values()] or [0.0]
        ys = [p[1] for p in placed.values()] or [0.0]
        width = (max(xs) - min(xs)) or 1.0
        below = min(ys) - 0.25 * ((max(ys) - min(ys)) or 1.0)
        for k, node in enumerate(alone):
            x = min(xs) + width * (k + 0.5) / len(alone) if len(alone) > 1 else (min(xs) + max(xs)) / 2
            placed[node] = (x, below)
    return placed


def _layout_related(nodes: list[Entity], edges: list[_Edge], layout: str,
                    seed: int) -> dict[str, tuple]:
    simple = nx.Graph()
    simple.add_nodes_from(e.id for e in nodes)
    for edge in edges:
        simple.add_edge(edge.a, edge.b, weight=len(edge.relations))
    if len(nodes) <= 1:
        return {e.id: (0.0, 0.0) for e in nodes}
    if layout == "auto":
        layout = "kamada-kawai" if len(nodes) <= 60 else "spring"
    if layout == "kamada-kawai":
        return nx.kamada_kawai_layout(simple)
    if layout == "circular":
        return nx.circular_layout(simple)
    if layout == "shell":
        return nx.shell_layout(simple)
    if layout == "spring":
        return nx.spring_layout(simple, seed=seed, k=2.2 / math.sqrt(len(nodes)), iterations=200)
    raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")


def draw(
    graph: KnowledgeGraph,
    *,
    focus=None,
    radius: int = 1,
    path: tuple | None = None,
    types: list[str] | None = None,
    min_sources: int = 1,
    include_negated: bool = False,
    layout: str = "auto",
    seed: int = 7,
    max_nodes: int = 40,
    max_edge_labels: int = 45,
    title: str | None = None,
) -> Figure:
    """Draw the graph (or the ego network of ``focus``, or the paths ``path=(a, b)``).

    Views with more than ``max_nodes`` entities keep the most connected ones; only the
    ``max_edge_labels`` strongest edges (most statements, then most articles) are labelled.
    Returns a matplotlib Figure; save it with :func:`save_figure` or ``figure.savefig``.
    """
    nodes, edges, auto_title, notes, faint = _view(graph, focus, radius, path, types, min_sources,
                                                   include_negated, max_nodes)
    positions = _layout(nodes, edges, layout, seed) if nodes else {}
    strength = sorted(edges, key=lambda e: (-len(e.relations), -e.articles, e.a, e.b, e.negated))
    labelled = {id(e) for e in strength[:max_edge_labels]}
    if len(edges) > max_edge_labels:
        notes.append(f"labels on the {max_edge_labels} strongest of {len(edges)} edges")
    size = min(22.0, 7.0 + 0.35 * len(nodes))
    figure = Figure(figsize=(size, size * 0.72), dpi=100)
    FigureCanvasAgg(figure)  # a renderer to measure label extents with
    ax = figure.add_subplot()
    ax.set_axis_off()
    figure.suptitle(title or auto_title, fontsize=13)

    for edge in edges:
        (x0, y0), (x1, y1) = positions[edge.a], positions[edge.b]
        start, end = edge.direction()
        if start != edge.a:
            (x0, y0), (x1, y1) = (x1, y1), (x0, y0)
        style = ":" if edge.negated else "-." if edge.inferred else "--" if edge.hedged else "-"
        faded = edge.hedged or edge.inferred
        colour = "#c0392b" if edge.negated else "#555555"
        unlabelled = id(edge) not in labelled
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), zorder=1,
                    arrowprops={"arrowstyle": "-|>", "color": colour,
                                "lw": 0.6 if unlabelled else 1.0 + 1.5 * (edge.articles - 1),
                                "linestyle": style,
                                "alpha": 0.25 if unlabelled else 0.45 if faded else 0.85,
                                "shrinkA": 14, "shrinkB": 14, "mutation_scale": 14,
                                "connectionstyle": f"arc3,rad={0.25 if edge.negated else 0.0}"})
    present_types = []
    for entity in nodes:
        colour, marker = TYPE_STYLE.get(entity.type, _OTHER)
        if entity.type not in present_types:
            present_types.append(entity.type)
        x, y = positions[entity.id]
        ax.scatter([x], [y], s=180 + 90 * math.sqrt(max(entity.mention_count, 1)), c=colour,
                   marker=marker, edgecolors="white", linewidths=1.5, zorder=2,
                   alpha=0.35 if entity.id in faint else 1.0)

    texts = []
    curved = []  # (label, start, end) of curved (negated) edges
    lifts = []  # pixels to lift each entity label above its marker
    for entity in nodes:
        x, y = positions[entity.id]
        area = 180 + 90 * math.sqrt(max(entity.mention_count, 1))
        lifts.append(math.sqrt(area) / 2 * figure.dpi / 72 + 2)
        texts.append(ax.text(x, y, entity.label, fontsize=11, ha="center",
                             fontweight="normal" if entity.id in faint else "bold",
                             color="#777777" if entity.id in faint else "black",
                             va="bottom", zorder=4, gid="entity",
                             bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}))
    for edge in edges:
        if id(edge) not in labelled:
            continue
        (x0, y0), (x1, y1) = positions[edge.a], positions[edge.b]
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        texts.append(ax.text(mx, my, edge.label(), fontsize=8.5, ha="center",
                             va="center", color="#c0392b" if edge.negated else "#333333",
                             zorder=3, gid="predicate",
                             bbox={"boxstyle": "round,pad=0.1", "fc": "#fbfbfb", "ec": "#dddddd",
                                   "alpha": 0.9}))
        if edge.negated:
            start, end = edge.direction()
            curved.append((texts[-1], positions[start], positions[end]))
    fit_and_separate(figure, ax, texts, [positions[e.id] for e in nodes], lifts, curved)

    handles = [Line2D([], [], marker=TYPE_STYLE.get(t, _OTHER)[1], color="white", markersize=10,
                      markerfacecolor=TYPE_STYLE.get(t, _OTHER)[0], label=t) for t in present_types]
    handles.append(Line2D([], [], color="#555555", label="stated"))
    if any(e.hedged for e in edges):
        handles.append(Line2D([], [], color="#555555", linestyle="--", alpha=0.5, label="hedged"))
    if any(e.inferred and not e.negated for e in edges):
        handles.append(Line2D([], [], color="#555555", linestyle="-.", alpha=0.5, label="inferred"))
    if any(e.negated for e in edges):
        handles.append(Line2D([], [], color="#c0392b", linestyle=":", label="negated"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, -0.08), ncol=min(len(handles), 6),
              frameon=False, fontsize=9)
    footer = "Line width: number of supporting articles."
    if notes:
        footer = "; ".join(notes) + ". " + footer
    figure.text(0.99, 0.01, footer, ha="right", va="bottom", fontsize=8, color="#666666", gid="footer")
    return figure


def footer_text(figure: Figure) -> str:
    """The figure's footer note (reductions, filters, how to read line widths)."""
    return next(t.get_text() for t in figure.texts if t.get_gid() == "footer")


def drawn_texts(figure: Figure) -> list[str]:
    """Every label drawn on the figure's axes (entities and predicates, one line each)."""
    return [line for ax in figure.axes for t in ax.texts for line in t.get_text().split("\n")]


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Save as PNG, SVG or PDF (by suffix), atomically and reproducibly."""
    import io

    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"{target}: choose a .png, .svg or .pdf file")
    buffer = io.BytesIO()
    metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
    with plt.rc_context({"svg.hashsalt": "kg", "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight", dpi=110)
    atomic_write_bytes(target, buffer.getvalue())
    return target


def write_overview(graph: KnowledgeGraph, out_dir: str | Path) -> list[Path]:
    """Write ``overview.png`` and ``overview.svg`` of the whole graph into ``out_dir``."""
    figure = draw(graph)
    return [save_figure(figure, Path(out_dir) / f"overview.{fmt}") for fmt in ("png", "svg")]

