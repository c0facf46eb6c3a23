"""Diagrams: each view renders to PNG and SVG and shows what it should, legibly."""

from __future__ import annotations

import pytest

from kg.draw import draw, drawn_texts, footer_text, save_figure

SEVEN = ["Elon Musk", "Vladimir Putin", "Starlink", "SpaceX", "Joe Biden", "Donald Trump", "Xi Jinping"]


def _legend(figure):
    return [t.get_text() for t in figure.axes[0].get_legend().get_texts()]


def _boxes(figure):
    renderer = figure.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for t in figure.axes[0].texts
            if t.get_text()]  # arrows are empty annotations


def _assert_legible(figure):
    boxes = _boxes(figure)
    frame = figure.axes[0].get_window_extent(figure.canvas.get_renderer())
    for i, (text_a, a) in enumerate(boxes):
        assert frame.x0 - 1 <= a.x0 and a.x1 <= frame.x1 + 1, f"{text_a!r} runs off the figure"
        assert frame.y0 - 1 <= a.y0 and a.y1 <= frame.y1 + 1, f"{text_a!r} runs off the figure"
        for text_b, b in boxes[i + 1:]:
            overlap = min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1
            assert not overlap, f"{text_a!r} overlaps {text_b!r}"


@pytest.fixture(scope="module")
def overview(seed_graph):
    return draw(seed_graph)


def test_overview_shows_the_design_card_entities_and_predicates(seed_graph, overview):
    texts = drawn_texts(overview)
    for label in SEVEN:  # Biden has no stated relation in the seeds: he is drawn faint
        assert label in texts, label
    assert {"leader of", "control schedule of"} <= set(texts)
    assert {"PERSON", "ORG", "GPE", "PRODUCT", "stated", "hedged"} <= set(_legend(overview))
    assert "3 articles" in overview._suptitle.get_text()
    assert "drawn faint" in footer_text(overview)
    _assert_legible(overview)


def test_ego_view(seed_graph):
    figure = draw(seed_graph, focus="Musk")
    texts = drawn_texts(figure)
    assert {"Elon Musk", "Vladimir Putin", "SpaceX", "company of"} <= set(texts)
    assert "Xi Jinping" not in texts  # two steps away
    assert figure._suptitle.get_text().startswith("Around Elon Musk (radius 1)")
    _assert_legible(figure)


def test_path_view(seed_graph):
    figure = draw(seed_graph, path=("Musk", "Xi"))
    texts = set(drawn_texts(figure))
    assert {"Elon Musk", "Vladimir Putin", "Xi Jinping", "help"} <= texts
    assert "SpaceX" not in texts
    _assert_legible(figure)


def test_negated_statements_only_when_asked(seed_graph):
    hidden = drawn_texts(draw(seed_graph, focus="Starlink"))
    shown = draw(seed_graph, focus="Starlink", include_negated=True)
    assert "activate" not in hidden and "activate" in drawn_texts(shown)
    assert "negated" in _legend(shown)


def test_min_sources_and_types_filter(seed_graph):
    people = drawn_texts(draw(seed_graph, types=["PERSON"]))
    assert "Russia" not in people and "Elon Musk" in people
    corroborated = draw(seed_graph, min_sources=2)
    assert "at least 2 articles" in footer_text(corroborated)


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_saved_files_are_reproducible(seed_graph, tmp_path, suffix):
    first = save_figure(draw(seed_graph, focus="Xi"), tmp_path / f"a.{suffix}").read_bytes()
    second = save_figure(draw(seed_graph, focus="Xi"), tmp_path / f"b.{suffix}").read_bytes()
    assert first == second and len(first) > 1000
    if suffix == "svg":
        assert b"Xi Jinping" in first and b"leader of" in first


def test_large_graphs_are_reduced_with_a_note():
    from benchmarks.draw_speed import synthetic_graph

    figure = draw(synthetic_graph(300), max_nodes=40)
    entities = [t for t in figure.axes[0].texts if t.get_gid() == "entity"]
    assert len(entities) == 40
    assert "showing the 40 most connected of" in footer_text(figure)


VIEWS = {
    "overview": ({}, ["Elon Musk", "Joe Biden", "leader of"]),
    "ego": ({"focus": "Musk"}, ["Elon Musk", "Vladimir Putin", "company of"]),
    "paths": ({"path": ("Musk", "Xi")}, ["Elon Musk", "Xi Jinping", "help"]),
}


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_each_view_renders_to_png_and_svg(seed_graph, tmp_path, view, suffix):
    options, expected = VIEWS[view]
    path = save_figure(draw(seed_graph, **options), tmp_path / f"{view}.{suffix}")
    data = path.read_bytes()
    if suffix == "png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    else:
        text = data.decode("utf-8")
        assert text.lstrip().startswith("<?xml") and "<svg" in text
        for label in expected:  # svg.fonttype none keeps labels as text
            assert label in text, label
