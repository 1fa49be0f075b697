"""Nothing is lost between the YAML and the site, and the targets page computes what the YAML says."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CATALOGUE


def raw_records(folder: str) -> list[dict]:
    """The catalogue read with plain PyYAML: independent of the project's own loader."""
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((CATALOGUE / folder).glob("*.yml"))]


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["", "en"])
def test_every_provider_and_course_appears_once_on_its_page(site, lang):
    for provider in raw_records("providers"):
        page = html(site / lang / "providers" / provider["id"] / "index.html")
        anchors = Counter(article["id"] for article in page.select("article.lc-course"))
        expected = Counter(f"course-{course['id']}" for course in provider.get("courses", []))
        assert anchors == expected, provider["id"]
        assert all(n == 1 for n in anchors.values())


@pytest.mark.parametrize("lang", ["", "en"])
def test_every_venue_has_its_page(site, lang):
    for venue in raw_records("venues"):
        page = html(site / lang / "venues" / venue["id"] / "index.html")
        name = venue["name"].get("en") if lang == "en" else None
        assert (name or venue["name"]["zh"]) in page.h1.get_text()


@pytest.mark.parametrize("lang", ["", "en"])
def test_every_course_is_in_the_finder_data_once(site, lang):
    ids = Counter()
    for shard in (site / lang / "data" / "courses").glob("*.json"):
        ids.update(item["href"] for item in json.loads(shard.read_text(encoding="utf-8")))
    expected = Counter(f"providers/{p['id']}/#course-{c['id']}" for p in raw_records("providers") for c in p.get("courses", []))
    assert ids == expected


def test_open_data_holds_every_record_once(site):
    data = json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))
    providers = raw_records("providers")
    assert Counter(p["id"] for p in data["providers"]) == Counter(p["id"] for p in providers)
    assert Counter(v["id"] for v in data["venues"]) == Counter(v["id"] for v in raw_records("venues"))
    courses = Counter((p["id"], c["id"]) for p in data["providers"] for c in p["courses"])
    assert courses == Counter((p["id"], c["id"]) for p in providers for c in p.get("courses", []))
    assert {t["id"] for t in data["targets"]} == {
        t["id"] for t in yaml.safe_load((CATALOGUE / "targets.yml").read_text(encoding="utf-8"))["targets"]
    }
    rows = (site / "data" / "courses.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) - 1 == sum(courses.values())


def figure_cell(site, target_id: str, lang: str = "") -> str:
    row = html(site / lang / "targets" / "index.html").find(id=f"target-{target_id}")
    return row.select_one(".lc-actual").get_text()


def test_targets_page_shows_figures_recomputed_from_the_yaml(site):
    providers = raw_records("providers")
    recognitions = yaml.safe_load((CATALOGUE / "recognitions.yml").read_text(encoding="utf-8"))["recognitions"]
    regions = yaml.safe_load((CATALOGUE / "regions.yml").read_text(encoding="utf-8"))
    members = yaml.safe_load((CATALOGUE / "leading-group.yml").read_text(encoding="utf-8"))["members"]

    vocational = [p for p in providers if p["kind"] == "vocational-school"]
    meeting = sum(1 for p in vocational if len(p.get("courses", [])) >= 10)
    assert figure_cell(site, "vocational-community-courses") == f"{len(vocational)} 所中职学校中 {meeting} 所达标"
    assert figure_cell(site, "vocational-community-courses", "en") == f"{meeting} of {len(vocational)} secondary vocational schools meet it"

    adult = [p for p in providers if p["kind"] == "adult-school"]
    meeting = sum(1 for p in adult if len(p.get("projects", [])) >= 3)
    assert figure_cell(site, "adult-school-featured-projects") == f"{len(adult)} 所成人学校中 {meeting} 所达标"

    def count(kind, level):
        return sum(1 for r in recognitions if r["kind"] == kind and r["level"] == level)

    assert figure_cell(site, "national-demonstration-zones") == str(count("demonstration-zone", "national"))
    assert figure_cell(site, "national-demonstration-towns") == str(count("demonstration-town", "national"))
    assert figure_cell(site, "municipal-standardised-community-schools") == str(count("standardised-community-school", "municipal"))

    standardised = {r["provider"] for r in recognitions if r["kind"] == "standardised-adult-school"}
    share = round(100 * sum(1 for p in adult if p["id"] in standardised) / len(adult), 1)
    assert figure_cell(site, "adult-school-standardisation").startswith(f"{share:g}%")

    towns = [town["id"] for county in regions["counties"] for town in county["towns"]]
    reached = {p["region"] for p in providers if p["kind"] in ("community-school", "teaching-point")}
    share = round(100 * sum(1 for t in towns if t in reached) / len(towns), 1)
    assert figure_cell(site, "teaching-points-every-village").startswith(f"{share:g}%")
    assert figure_cell(site, "leading-group-members") == str(len(members))


def test_targets_page_lists_the_schools_that_fall_short_and_by_how_much(site):
    page = html(site / "en" / "targets" / "index.html")
    details = page.find(id="target-vocational-community-courses-details")
    for provider in raw_records("providers"):
        if provider["kind"] == "vocational-school" and len(provider.get("courses", [])) < 10:
            n = len(provider["courses"])
            item = details.find("a", href=f"../providers/{provider['id']}/").parent
            assert f"has {n}, {10 - n} short" in item.get_text()


def test_report_links_keep_chinese_readable_and_encode_the_rest():
    """A report link's query: Chinese as it is (a third of the bytes: a provider page has one per
    course), everything that would break the URL or hide in it encoded; parsed back, the same text."""
    from urllib.parse import parse_qs

    from learning_city.site.records import query_string

    value = "信息有误：太极拳（a#b）& c=d+e%\n\u3000\u202e\x85 ü"
    encoded = query_string({"title": value, "body": "页面：x?y"})
    assert encoded.startswith("title=信息有误：太极拳（a%23b）%26+c%3Dd%2Be%25%0A%E3%80%80%E2%80%AE%C2%85+ü&body=")
    assert parse_qs(encoded) == {"title": [value], "body": ["页面：x?y"]}


@pytest.mark.parametrize("lang", ["", "en"])
def test_each_course_reports_itself_by_name_and_anchor(site, lang):
    from urllib.parse import parse_qs, urlsplit

    for provider in raw_records("providers"):
        page = html(site / lang / "providers" / provider["id"] / "index.html")
        for course in provider.get("courses", []):
            href = page.select_one(f"#course-{course['id']} .lc-record-links a")["href"]
            assert "%E" not in href, href  # the Chinese kept readable (issue 23: page weight)
            title = parse_qs(urlsplit(href).query)["title"][0]
            assert course["title"]["zh"] in title and f"{provider['id']}#course-{course['id']}" in title
