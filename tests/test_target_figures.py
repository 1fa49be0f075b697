"""Each target's actual figure says what it counts and of how many: in the open data, on the targets page.

A review of 2026-12-06 read data/catalogue.json's `"value": 10, "unit": "courses", "actual": 6` as
six courses: it is six schools that meet the target, of nine, and the nine were not exported.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from conftest import CATALOGUE, TEMPLATES

from learning_city.data.figures import TOWNS, figure
from learning_city.data.loader import load
from learning_city.data.model import ProviderKind, Scope, Unit
from learning_city.site import datapackage, exports

SITE = "https://learning-city.example.org/"


@pytest.fixture(scope="module")
def catalogue(parse_cache):
    loaded, problems = load(CATALOGUE, cache=parse_cache)
    assert loaded is not None, problems
    return loaded


def exported_targets(catalogue) -> list[dict]:
    return json.loads(exports.catalogue_json(catalogue))["targets"]


def mislabelled(entry: dict, catalogue) -> list[str]:
    """How an exported target's figure could be misread: each problem, by target id."""
    target = catalogue.target_index[entry["id"]]
    problems = []
    if entry.get("actual_unit") not in {u.value for u in Unit}:
        problems.append(f"{target.id}: actual counts nothing named")
    if target.scope is Scope.per_school and entry.get("actual_unit") != Unit.schools.value:
        problems.append(f"{target.id}: a per-school figure counts schools, not {target.unit.value}")
    if target.unit is Unit.percent and target.measure.value == "computed" and not entry.get("total"):
        problems.append(f"{target.id}: a share without its whole")
    if entry.get("total") is not None and entry.get("total_of") not in {k.value for k in ProviderKind} | {TOWNS}:
        problems.append(f"{target.id}: a total of nothing named")
    return problems


def test_every_exported_figure_says_what_it_counts_and_of_how_many(catalogue):
    entries = exported_targets(catalogue)
    assert len(entries) == len(catalogue.targets) == 16
    assert [p for entry in entries for p in mislabelled(entry, catalogue)] == []
    by_id = {entry["id"]: entry for entry in entries}
    # worked out here from the records, not from the figures code
    vocational = catalogue.providers_of(ProviderKind.vocational_school)
    meeting = sum(1 for p in vocational if len(p.courses) >= 10)
    wanted = {"unit": "courses", "actual": meeting, "actual_unit": "schools", "total": len(vocational), "total_of": "vocational-school"}
    assert {key: by_id["vocational-community-courses"][key] for key in wanted} == wanted
    assert (meeting, len(vocational)) == (6, 9)
    adult = catalogue.providers_of(ProviderKind.adult_school)
    assert by_id["adult-school-featured-projects"]["total"] == len(adult) == 23
    assert by_id["adult-school-featured-projects"]["actual_unit"] == "schools"
    for share in ("adult-school-standardisation", "provincial-modern-adult-schools"):
        assert (by_id[share]["actual_unit"], by_id[share]["total"], by_id[share]["total_of"]) == ("percent", 23, "adult-school")
    towns = sum(len(c.towns) for c in catalogue.regions.counties)
    assert (by_id["teaching-points-every-village"]["total"], by_id["teaching-points-every-village"]["total_of"]) == (towns, "towns")
    # a count of recognitions, a reported figure: in the target's own unit, with no whole
    assert (by_id["national-demonstration-towns"]["actual_unit"], by_id["national-demonstration-towns"]["total"]) == ("towns", None)
    assert by_id["lifelong-learning-week"]["actual_unit"] == "times-a-year"


def test_control_the_old_export_is_misread(catalogue):
    """catalogue.json's targets as they were: only the value and whether it is met."""
    old = [{**t.model_dump(mode="json"), "actual": figure(catalogue, t).value, "met": figure(catalogue, t).met} for t in catalogue.targets]
    problems = [p for entry in old for p in mislabelled(entry, catalogue)]
    assert "vocational-community-courses: a per-school figure counts schools, not courses" in problems
    assert "adult-school-standardisation: a share without its whole" in problems
    assert len(problems) == 16 + 2 + 3  # nothing named for each; two per-school; three computed shares


def test_each_figure_field_is_described_in_the_package_and_on_the_data_page(catalogue, tmp_path):
    model_fields = set(catalogue.targets[0].model_dump(mode="json"))
    added = [name for name in exported_targets(catalogue)[0] if name not in model_fields]
    assert added == ["actual", "actual_unit", "total", "total_of", "met"]
    files = datapackage.files(catalogue, SITE, catalogue.policy.issued, exports.catalogue_json(catalogue))
    package = json.loads(files["datapackage.json"])
    (resource,) = [r for r in package["resources"] if r["path"] == "catalogue.json"]
    described = {f["name"]: f["description"] for f in resource["target_fields"]}
    assert list(described) == added
    assert all(" / " in text and len(text) > 40 for text in described.values())  # both languages
    assert "schools" in described["actual_unit"] and "所学校" in described["total"]
    for lang, root in (("zh", "../"), ("en", "../../")):
        page = datapackage.page(catalogue, lang, "../", root, SITE, templates=TEMPLATES)
        rows = BeautifulSoup(page, "html.parser").select('table[data-table="catalogue-targets"] tbody tr')
        assert [row.code.get_text() for row in rows] == added
    # the package with these fields is still a valid data package
    from frictionless import Package

    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])


# --- the records behind a figure are linked where they are shown -----------------------------


def unlinked_and_broken(catalogue, html: str, lang: str) -> tuple[list[str], list[str]]:
    """On a targets page: the records behind the figures that are plain text, and the links that lead
    nowhere (a provider, county, town or title the site does not show there)."""
    from learning_city.site import lists, recognitions

    soup = BeautifulSoup(html, "html.parser")
    titles = BeautifulSoup(recognitions.page(catalogue, lang, "../", templates=TEMPLATES), "html.parser")
    unlinked, broken = [], []
    for details in soup.select("details.lc-target-details"):
        if details["id"] == "target-leading-group-members-details":  # member departments have no page
            continue
        for item in details.select("li"):
            link = item.find("a")
            if link is None:
                unlinked.append(item.get_text(" ", strip=True))
                continue
            path, _, anchor = link["href"].removeprefix("../").partition("#")
            kind, _, rest = path.partition("/")
            record = rest.rstrip("/")
            if kind == "providers":
                ok = record in catalogue.providers and link.get_text().startswith(catalogue.providers[record].name.get(lang))
            elif kind == "areas":
                county = catalogue.counties.get(record)
                area = county and lists.area(catalogue, county, lang, "../../", templates=TEMPLATES)
                ok = bool(area) and (not anchor or BeautifulSoup(area, "html.parser").find(id=anchor) is not None)
            elif kind == "recognitions":
                ok = bool(anchor) and titles.find(id=anchor) is not None
            else:
                ok = False
            if not ok:
                broken.append(link["href"])
    return unlinked, broken


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_record_behind_a_figure_links_to_where_it_is_shown(catalogue, lang):
    from learning_city.site import pages

    html = pages.targets(catalogue, lang, "../", templates=TEMPLATES)
    assert unlinked_and_broken(catalogue, html, lang) == ([], [])
    soup = BeautifulSoup(html, "html.parser")
    counted = {
        target: len(soup.select(f"#target-{target}-details li a"))
        for target in (
            "municipal-standardised-community-schools",
            "national-demonstration-zones",
            "national-experimental-zones",
            "national-demonstration-towns",
            "provincial-demonstration-learning-cities",
        )
    }
    assert counted == {
        "municipal-standardised-community-schools": 14,
        "national-demonstration-zones": 1,
        "national-experimental-zones": 2,
        "national-demonstration-towns": 6,
        "provincial-demonstration-learning-cities": 3,
    }
    school = soup.select_one("#target-municipal-standardised-community-schools-details a")
    assert school["href"].startswith("../providers/")  # a provider of the catalogue: its own page
    assert soup.select_one("#target-national-demonstration-towns-details a")["href"].startswith("../areas/")


def test_control_records_named_without_links_are_found(catalogue, monkeypatch):
    """The old rule, a link for providers only: the 26 titles' records are plain text again."""
    from learning_city.site import pages

    monkeypatch.setattr(pages, "record_href", lambda c, r, base: pages.provider_url(base, r.id) if r.collection == "providers" else None)
    unlinked, broken = unlinked_and_broken(catalogue, pages.targets(catalogue, "en", "../", templates=TEMPLATES), "en")
    assert broken == [] and len(unlinked) >= 26
    assert "Guanchao Village Community School" in unlinked
