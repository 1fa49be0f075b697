"""Shared fixtures: the repository's paths, a built site, and scratch catalogues."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "catalogue"
sys.path.insert(0, str(ROOT / "scripts"))

import build  # noqa: E402  (scripts/build.py)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real catalogue built in both languages, once per test run."""
    out = tmp_path_factory.mktemp("site")
    build.build(CATALOGUE, out)
    return out


@pytest.fixture
def catalogue_copy(tmp_path) -> Path:
    """A scratch copy of the catalogue that a test may change."""
    copy = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, copy)
    return copy
