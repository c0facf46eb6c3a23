"""Shared fixtures: the bundled pipeline and the seed graph, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_graph():
    return build([SEEDS])


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here (it holds the licensed corpora; a fresh clone has none)")
    return SHARED
