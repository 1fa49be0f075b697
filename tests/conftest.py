"""Shared fixtures: the repository's paths, a built site, and scratch catalogues."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "catalogue"
sys.path.insert(0, str(ROOT / "scripts"))

import build  # noqa: E402  (scripts/build.py)


def pytest_collection_modifyitems(items):
    """Mark tests by what they need, so `make test-fast` can leave out builds and browsers:
    `build` for a built site, `browser` for Chromium; `slow` is marked by hand."""
    for item in items:
        if "site" in item.fixturenames:
            item.add_marker(pytest.mark.build)
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


# The "today" of every test build (2026-11-29 12:00 in Jiaxing): tests do not change with the clock.
SOURCE_DATE_EPOCH = "1795924800"
BUILD_ENV = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real catalogue built in both languages, once per test run."""
    out = tmp_path_factory.mktemp("site")
    build.build(CATALOGUE, out, environ=BUILD_ENV)
    return out


@pytest.fixture(scope="session")
def parse_cache() -> dict:
    """Parsed files by content, shared by the in-process tests: a copy of the catalogue that
    changes one file parses only that file again."""
    return {}


@pytest.fixture
def catalogue_copy(tmp_path) -> Path:
    """A scratch copy of the catalogue that a test may change."""
    copy = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, copy)
    return copy


# Debian's Chromium, as root, with nothing reaching out to the network (see STACK-NOTES).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory: Path):
    """A built site on a local HTTP server; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
