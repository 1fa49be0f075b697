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


# --- a count beside a link to the course finder ----------------------------------------------

# The finder's filters (docs/assets/finder.js `matches`) that compare one field of a course for equality
FINDER_EQUALS = ("county", "town", "category", "mode", "kind")


def finder_shows(catalogue, href: str, lang: str) -> int:
    """How many courses the finder lists at a link's address, from the finder's own data."""
    from urllib.parse import parse_qsl, urlsplit

    from learning_city.site import exports

    query = dict(parse_qsl(urlsplit(href).query))
    assert set(query) <= set(FINDER_EQUALS), query  # a filter this check does not know would be a new test
    items = [item for p in catalogue.providers.values() for item in exports.finder_items(catalogue, p, lang)]
    return sum(1 for item in items if all(item[key] == value for key, value in query.items()))


def finder_links(catalogue, lang: str) -> list[tuple[int, int]]:
    """Each link to the finder on the resources page: (the number it says, the number the finder shows)."""
    import re

    from learning_city.site import teams

    page = BeautifulSoup(teams.resources_page(catalogue, lang, "../", templates=TEMPLATES), "html.parser")
    links = page.select('a[href^="../courses/?"]')
    return [(int(re.search(r"\d+", a.get_text()).group()), finder_shows(catalogue, a["href"], lang)) for a in links]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_count_beside_a_finder_link_is_what_the_finder_shows(catalogue, lang):
    links = finder_links(catalogue, lang)
    assert len(links) >= 5
    assert all(said == shown for said, shown in links), links
    assert any(said == 42 for said, _ in links)  # digital skills, online courses included


def test_control_counting_only_courses_met_in_a_room_disagrees(catalogue, monkeypatch):
    from learning_city.data.model import Mode
    from learning_city.site import teams

    every = teams.on_subject
    monkeypatch.setattr(teams, "on_subject", lambda c, category: [(p, x) for p, x in every(c, category) if x.mode is not Mode.online])
    wrong = [(said, shown) for said, shown in finder_links(catalogue, "en") if said != shown]
    assert (36, 42) in wrong
