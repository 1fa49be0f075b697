"""The test tiers are honest: `make test-fast` (no `build`, `browser` or `slow` mark) builds no
site, every test build has one pinned "today", and test modules share helpers only through
conftest.py, never by importing each other."""

from __future__ import annotations

import ast

import conftest
import pytest
from conftest import CATALOGUE, ROOT

from learning_city.plugin import build

TESTS = ROOT / "tests"


def imported_test_modules(source: str) -> set[str]:
    """The test modules a test file's source imports."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        names = (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
        found |= {name for name in names if name.split(".")[0].startswith("test_")}
    return found


def test_no_test_module_imports_another():
    files = sorted(TESTS.glob("test_*.py"))
    assert len(files) > 30
    found = {path.name: imported_test_modules(path.read_text("utf-8")) for path in files}
    assert {name: modules for name, modules in found.items() if modules} == {}


def test_control_an_import_of_a_test_module_is_found():
    assert imported_test_modules("from test_links import crawl\nimport test_validate as v\n") == {"test_links", "test_validate"}
    assert imported_test_modules("from conftest import crawl\nimport testing\n") == set()


class Unmarked:
    """A test without the `build` or `slow` mark, as `make test-fast` selects."""

    nodeid = "tests/test_x.py::test_fast"

    def get_closest_marker(self, name):
        return None


class Marked(Unmarked):
    def get_closest_marker(self, name):
        return name == "build" or None


def test_a_test_outside_the_build_tier_cannot_build(tmp_path, monkeypatch):
    monkeypatch.setitem(conftest.RUNNING, "item", Unmarked())
    with pytest.raises(pytest.fail.Exception, match="not marked build or slow"):
        build.build(CATALOGUE, tmp_path / "site")
    assert not (tmp_path / "site").exists()
    # control: the same call from a test marked `build` reaches the builder
    reached = []
    monkeypatch.setattr(conftest, "UNGUARDED_BUILD", lambda *args, **kwargs: reached.append(kwargs["environ"]["SOURCE_DATE_EPOCH"]))
    monkeypatch.setitem(conftest.RUNNING, "item", Marked())
    build.build(CATALOGUE, tmp_path / "site")
    assert reached == [conftest.SOURCE_DATE_EPOCH]


def test_a_test_build_without_a_pinned_today_is_refused(tmp_path, monkeypatch):
    monkeypatch.setitem(conftest.RUNNING, "item", Marked())
    monkeypatch.setattr(conftest, "UNGUARDED_BUILD", lambda *args, **kwargs: None)
    with pytest.raises(pytest.fail.Exception, match="SOURCE_DATE_EPOCH"):
        build.build(CATALOGUE, tmp_path / "site", environ={"PATH": "/usr/bin"})
    build.build(CATALOGUE, tmp_path / "site", environ={"SOURCE_DATE_EPOCH": "1795924800"})  # control
