"""Fixtures for the tests and for the doctests in kg/: the seed graph, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent / "seeds"


@pytest.fixture(scope="session")
def seed_graph():
    """The graph of the three seed articles."""
    from kg.build import build

    return build([SEEDS])


@pytest.fixture(autouse=True)
def _doctest_graph(request, doctest_namespace):
    """Doctests of KnowledgeGraph methods use ``graph``: ``kg.build(["seeds/"])``."""
    if request.node.__class__.__name__ == "DoctestItem":
        doctest_namespace["graph"] = request.getfixturevalue("seed_graph")
