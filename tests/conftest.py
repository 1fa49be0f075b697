"""Shared fixtures: the repository's paths, a built site, and scratch catalogues."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "catalogue"
ADMIN = ROOT / "docs" / "admin"  # the web editor
sys.path.insert(0, str(ROOT / "scripts"))

import build  # noqa: E402  (scripts/build.py)
import edit  # noqa: E402  (scripts/edit.py: the web editor on a scratch clone)

from learning_city.tools.local import launch_chromium, serving  # noqa: E402  (serving: for the tests)


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




@pytest.fixture(scope="module")
def server(site):
    with serving(site) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def watched_page(browser, **context_options):
    """A page in a context of its own; a script error or a dialog on it fails the test."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    yield page
    context.close()
    assert errors == [], errors


def node(code: str, data: object = None) -> object:
    """Run ES module code with format.js, checks.js and model.js imported; `input` is `data`; returns `output`."""
    prelude = "".join(
        f"import * as {name} from {json.dumps((ADMIN / f'{name}.js').as_uri())};\n" for name in ("format", "checks", "model")
    )
    prelude += "import { readFileSync } from 'fs';\nconst input = JSON.parse(readFileSync(0, 'utf8'));\n"
    script = f"{prelude}let output;\n{code}\nprocess.stdout.write(JSON.stringify(output));\n"
    result = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- the web editor (tests/test_editor*.py): decap-server on a scratch clone, the form by its labels ---


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def cms_branches(repo: Path) -> list[str]:
    """The editor's branches, by name (`git branch` marks the one checked out with "*", and
    decap-server checks branches out while it saves)."""
    return git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/").split()


@pytest.fixture
def clone(tmp_path) -> Path:
    """The catalogue in a fresh repository whose default branch is main, as decap-server needs."""
    return edit.scratch_repo(ROOT / "catalogue", tmp_path / "clone")


@pytest.fixture
def admin(site, tmp_path):
    """The built site with /admin/'s config.yml pointing at this test's decap-server."""
    url = edit.free_url()
    return edit.site_for(site, tmp_path / "site", url), url


def visible(locator):
    return locator.locator("visible=true")


def field(scope, label: str):
    """The input of the visible field labelled `label` inside `scope`."""
    return visible(scope.get_by_label(_labelled(label))).first


def _labelled(label: str) -> re.Pattern:
    """A label as Decap shows it: an optional field's with " (可选)" after it."""
    return re.compile(f"^{re.escape(label)}( \\(可选\\))?$")


def box(scope, label: str):
    """The visible control (label, widget and nested fields) of the field labelled `label`."""
    return visible(scope.locator("label", has_text=_labelled(label))).first.locator("xpath=../..")


def choose(scope, label: str, *options: str):
    """Pick options of a select by their Chinese labels, as a person types and presses Enter."""
    control = box(scope, label)
    for option in options:
        control.locator("input").first.fill(option)
        control.page.keyboard.press("Enter")
