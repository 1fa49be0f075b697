"""Two builds of one commit with the same "today" are byte-identical, search index included."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import BUILD_ENV, CATALOGUE, SOURCE_DATE_EPOCH

from learning_city.plugin import build

pytestmark = pytest.mark.slow


def hashes(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_of_one_commit_are_identical(site, tmp_path):
    again = tmp_path / "elsewhere" / "site"
    build.build(CATALOGUE, again, environ=BUILD_ENV)
    first, second = hashes(site), hashes(again)
    assert len(first) > 300 and any(name.startswith("pagefind/") for name in first)
    # the open data is compared too: calendars, both feeds and the whole data package
    opendata = {
        "feed.xml",
        "en/feed.xml",
        "data/datapackage.json",
        "data/providers.csv",
        "data/courses.csv",
        "data/venues.csv",
        "calendars/providers/jiaxing-city-university.ics",
        "en/calendars/deadlines/nanhu.ics",
    }
    assert opendata <= first.keys() and sum(name.endswith(".ics") for name in first) > 1000
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_control_another_today_changes_the_build(site, tmp_path):
    """The comparison can fail: a build on another day differs (sitemaps carry the date)."""
    other = tmp_path / "site"
    build.build(CATALOGUE, other, environ={**BUILD_ENV, "SOURCE_DATE_EPOCH": str(int(SOURCE_DATE_EPOCH) + 86400 * 3)})
    first, second = hashes(site), hashes(other)
    changed = [name for name in first if first[name] != second.get(name)]
    assert "sitemap.xml" in changed and "en/sitemap.xml" in changed
