"""A number on a page and what it stands for agree: a count of courses names every provider behind
it; a link with a count leads to as many (review of 2026-12-06)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import CATALOGUE, TEMPLATES

from learning_city.data.loader import load
from learning_city.site import lists


@pytest.fixture(scope="module")
def catalogue(parse_cache):
    loaded, problems = load(CATALOGUE, cache=parse_cache)
    assert loaded is not None, problems
    return loaded


def unnamed_on_area_pages(catalogue, lang: str) -> dict[str, list[str]]:
    """Per county, the providers its area page counts (their courses are in its total) but never links."""
    missing = {}
    for county in catalogue.regions.counties:
        page = BeautifulSoup(lists.area(catalogue, county, lang, "../../", templates=TEMPLATES), "html.parser")
        linked = {a["href"].removeprefix("../../providers/").rstrip("/") for a in page.select('a[href^="../../providers/"]')}
        counted = {p.id for p in catalogue.providers.values() if catalogue.county_of(p.region) is county}
        missing[county.id] = sorted(counted - linked)
    return missing


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_area_page_names_every_provider_it_counts(catalogue, lang):
    missing = unnamed_on_area_pages(catalogue, lang)
    assert len(missing) == 7 and all(found == [] for found in missing.values()), missing
    nanhu = BeautifulSoup(lists.area(catalogue, catalogue.counties["nanhu"], lang, "../../", templates=TEMPLATES), "html.parser")
    first = nanhu.select_one("#network + ul.lc-tree > li > a")
    assert first["href"] == "../../providers/jiaxing-city-university/"  # tier 1 heads its county's network


def test_control_without_the_unplaced_the_city_university_is_left_out(catalogue, monkeypatch):
    monkeypatch.setattr(lists, "_unplaced", lambda *args: [])
    missing = unnamed_on_area_pages(catalogue, "en")
    assert missing["nanhu"] == ["jiaxing-city-university"]
    assert sum(len(found) for found in missing.values()) == 1
