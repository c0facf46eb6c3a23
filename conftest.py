"""Fixtures for the tests and for the doctests in kg/: the seed graph, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent / "seeds"


@pytest.fixture(scope="session")
def seed_graph():
    """The graph of the three seed articles, with every relation the rules read
    (``min_confidence=0``): walks, drawings, queries and exports are tested on the whole
    graph; the default threshold, which states fewer, is tested in tests/test_confidence.py."""
    from kg.build import build

    return build([SEEDS], min_confidence=0.0)


@pytest.fixture(autouse=True)
def _doctest_graph(request, doctest_namespace):
    """Doctests of KnowledgeGraph methods use ``graph``: ``kg.build(["seeds/"], min_confidence=0)``."""
    if request.node.__class__.__name__ == "DoctestItem":
        doctest_namespace["graph"] = request.getfixturevalue("seed_graph")
