"""Shared pytest fixtures: the repository root, and TEI's own schema compiled once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

REPO_ROOT = Path(__file__).resolve().parent.parent
# The official schema is not ours to ship: it lies in shared/, beside the checkout.
TEI_ALL_RNG = next((path for path in (REPO_ROOT.parent / "shared" / "tei-all" / "tei_all.rng",
                                      Path("/work/shared/tei-all/tei_all.rng")) if path.is_file()),
                   REPO_ROOT.parent / "shared" / "tei-all" / "tei_all.rng")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder (holds schemas/, seeds/, tests/)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """tei_all.rng (TEI P5, every module) compiled by lxml: 10-17 s, so once per session.

    Skips the tests that need it when the file is not installed.
    """
    if not TEI_ALL_RNG.is_file():
        pytest.skip(f"{TEI_ALL_RNG} is not installed")
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))
