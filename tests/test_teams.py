"""Learning teams and online resources (issue 22 items 2 and 3), tested as readers and editors use them:
the pages of the built site in both languages, the links between online resources and in-person
courses on the same subject, the search records, the open data and the web editor. Each test has
its control: the input or the page as it would be without the behaviour, which must fail the check."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import CATALOGUE, ROOT, TEMPLATES, box, field, git, indexed_count, open_record, serving, visible

from learning_city.data.loader import load
from learning_city.data.model import Mode, TeamContact
from learning_city.site import datapackage, teams
from learning_city.tools import local_editor as edit

LANGS = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(CATALOGUE)
    assert found is not None, problems
    return found


def anchors(html: str, prefix: str) -> list[str]:
    return re.findall(rf'<h[23] id="({prefix}-[a-z0-9-]+)"', html)


# --- the sample data ------------------------------------------------------------------------------


def test_the_sample_has_teams_across_counties_and_resources_on_the_courses_subjects(catalogue):
    counties = {catalogue.county_of(team.region).id for team in catalogue.teams.values()}
    assert 6 <= len(catalogue.teams) <= 10 and len(counties) >= 5
    assert 6 <= len(catalogue.resources) <= 10
    assert all(r.sample for r in [*catalogue.teams.values(), *catalogue.resources.values()])
    subjects = {course.category for p in catalogue.providers.values() for course in p.courses}
    assert {r.subject for r in catalogue.resources.values()} <= subjects  # so every resource's subject shows both ways


# --- pages in both languages ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_county_page_shows_its_teams_and_only_its_teams(site, catalogue, lang):
    shown = {}
    for county in catalogue.regions.counties:
        page = site / LANGS[lang] / "teams" / county.id / "index.html"
        here = teams.teams_in(catalogue, county)
        assert page.is_file() == bool(here), county.id  # control: a county without teams has no page
        if here:
            html = page.read_text(encoding="utf-8")
            shown[county.id] = anchors(html, "team")
            assert shown[county.id] == [teams.team_anchor(t.id) for t in here]
            assert re.search(r'<html lang="([a-z]+)', html).group(1) == lang
    assert sum(len(a) for a in shown.values()) == len(catalogue.teams)
    index = (site / LANGS[lang] / "teams" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="\.\./teams/([a-z]+)/"', index))
    assert links == set(shown)  # the index links every county page, and no county without one


def test_a_team_shows_what_it_learns_when_and_where_it_meets_its_public_contact_and_how_to_join(site, catalogue):
    team = catalogue.teams["nanhu-qili-taiji-team"]
    html = (site / "en" / "teams" / "nanhu" / "index.html").read_text(encoding="utf-8")
    section = html[html.index(f'id="{teams.team_anchor(team.id)}"') :]
    section = section[: section.index("</section>")]
    for shown in (
        "Health",
        "Tuesday, Thursday, Saturday 06:30–07:30",
        "Qili community square",
        "Ms Li",
        'href="tel:0573-0000-2101"',
        team.join.en,
        'href="../../providers/nanhu-jiefang-qili-community-school/"',
    ):
        assert shown in section, shown
    reading = (site / "teams" / "nanhu" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../venues/jiaxing-library-chengnan/"' in reading  # a meeting in a venue links the venue


def test_catalogue_text_is_escaped_and_untranslated_text_is_marked(catalogue):
    team = catalogue.teams["nanhu-chengnan-reading-club"]
    hostile = team.model_copy(update={"name": team.name.model_copy(update={"zh": "<script>alert(1)</script>读书会", "en": None})})
    county = catalogue.counties["nanhu"]
    changed = dataclasses.replace(catalogue, teams={**catalogue.teams, team.id: hostile})
    html = teams.teams_county(changed, county, "en", "../../", templates=TEMPLATES)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;读书会" in html
    assert '<span lang="zh">&lt;script&gt;' in html  # the Chinese, tagged as Chinese, on the English page
    control = teams.teams_county(catalogue, county, "en", "../../", templates=TEMPLATES)
    assert '<span lang="zh">' not in control.split(teams.team_anchor(team.id))[1].split("</h2>")[0]


# --- online resources and in-person courses, both ways ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_resources_page_puts_each_subject_beside_its_in_person_courses(site, catalogue, lang):
    html = (site / LANGS[lang] / "resources" / "index.html").read_text(encoding="utf-8")
    assert anchors(html, "resource") != [] and len(anchors(html, "resource")) == len(catalogue.resources)
    subjects = teams.by_subject(catalogue)
    assert re.findall(r'<h2 id="subject-([a-z-]+)"', html) == [c.value for c in subjects]
    for category in subjects:
        part = html.split(f'<h2 id="subject-{category.value}"')[1].split("<h2 ")[0]
        courses = teams.in_person(catalogue, category)
        assert len(courses) > 0
        assert f'href="../courses/?category={category.value}"' in part
        linked = re.findall(r'href="\.\./providers/([a-z0-9-]+)/#course-([a-z0-9-]+)"', part)
        assert len(linked) == min(len(courses), teams.COURSES_SHOWN)
        for provider_id, course_id in linked:  # each a course on this subject, met in a room
            course = next(c for c in catalogue.providers[provider_id].courses if c.id == course_id)
            assert course.category is category and course.mode is not Mode.online


def test_a_provider_page_names_the_online_resources_on_its_courses_subjects(site, catalogue):
    with_resources = [
        p for p in catalogue.providers.values() if teams.provider_resources(catalogue, p, "zh", "../../", templates=TEMPLATES)
    ]
    without = [p for p in catalogue.providers.values() if p not in with_resources]
    assert with_resources and without  # control: providers whose subjects have no resource show no section
    for provider in with_resources:
        html = (site / "providers" / provider.id / "index.html").read_text(encoding="utf-8")
        part = html.split('id="online-resources"')[1].split("</section>")[0]
        subjects = set(re.findall(r'href="\.\./\.\./resources/#subject-([a-z-]+)"', part))
        assert subjects == {c.category.value for c in provider.courses} & {r.subject.value for r in catalogue.resources.values()}
    for provider in without:
        assert 'id="online-resources"' not in (site / "providers" / provider.id / "index.html").read_text(encoding="utf-8")


def test_resource_links_are_the_records_own_web_links_and_open_no_window_handle(site, catalogue):
    html = (site / "resources" / "index.html").read_text(encoding="utf-8")
    outside = re.findall(r'<a href="(https?://[^"]+)" rel="([^"]+)"', html)
    assert sorted(url for url, _ in outside) == sorted(r.url for r in catalogue.resources.values())
    assert all("noopener" in rel and "noreferrer" in rel for _, rel in outside)


# --- search ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_team_and_resource_is_a_search_result_that_lands_on_its_anchor(site, catalogue, lang):
    records = teams.team_records(catalogue, lang) + teams.resource_records(catalogue, lang)
    assert len(records) == len(catalogue.teams) + len(catalogue.resources)
    for record in records:
        path, anchor = record["url"].lstrip("/").split("#")
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, record["url"]
        assert record["language"] == lang and record["meta"]["title"] in record["content"]
    assert 'id="team-no-such-team"' not in (site / LANGS[lang] / "teams" / "nanhu" / "index.html").read_text(encoding="utf-8")  # control


def test_the_search_index_holds_the_team_and_resource_records(site, catalogue):
    """Pagefind's index counts one more record per team and resource than the pages and courses (control: without them it would not)."""
    pages = [
        p for p in site.glob("**/index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8") and not p.is_relative_to(site / "en")
    ]
    courses = sum(len(p.courses) for p in catalogue.providers.values())
    assert indexed_count(site, "zh") == len(pages) + courses + len(catalogue.teams) + len(catalogue.resources) + len(catalogue.events)


# --- open data -----------------------------------------------------------------------------------------


def test_open_data_has_a_row_per_team_and_resource_and_only_public_contact_fields(site, catalogue):
    data = site / "data"
    teams_rows = list(csv.DictReader(io.StringIO((data / "teams.csv").read_text(encoding="utf-8-sig"))))
    resource_rows = list(csv.DictReader(io.StringIO((data / "resources.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(r["id"] for r in teams_rows) == sorted(catalogue.teams)
    assert sorted(r["id"] for r in resource_rows) == sorted(catalogue.resources)
    contact_columns = {name for name in teams_rows[0] if name.startswith(("contact", "phone", "email", "website"))}
    public = (set(TeamContact.model_fields) - {"name"}) | {"contact_name_zh", "contact_name_en"}
    assert contact_columns == public  # the model's contact fields, all of them published ones
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert {"teams", "resources"} <= {r["name"] for r in package["resources"]}
    whole = json.loads((data / datapackage.CATALOGUE_JSON).read_text(encoding="utf-8"))
    assert len(whole["teams"]) == len(catalogue.teams) and len(whole["online_resources"]) == len(catalogue.resources)
    page = (site / "en" / "data" / "index.html").read_text(encoding="utf-8")
    assert "teams.csv" in page and "resources.csv" in page
    assert [t.name for t in datapackage.TABLES][3:5] == ["teams", "resources"]


# --- the editor -----------------------------------------------------------------------------------------

TEAM = "haiyan-xinqiao-choir"
NEW_JOIN = "周二晚上直接来听排练即可。"


def test_a_team_edited_in_the_editor_is_a_small_valid_diff(browser, admin, clone):
    site, url = admin
    with edit.decap_server(clone, url), serving(site) as base:
        page = open_record(browser, base, "teams", TEAM)
        field(box(page, "如何加入"), "中文").fill(NEW_JOIN)
        page.get_by_role("button", name="保存", exact=True).click()
        page.get_by_text("内容已保存").wait_for()
        page.close()
    branch = f"cms/teams/{TEAM}"
    diff = git(clone, "diff", "-U0", "main", branch)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-  zh: 周二晚上来听一次排练，再和声部长约时间试唱。", f"+  zh: {NEW_JOIN}"], diff
    git(clone, "checkout", "-q", branch)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(clone / "catalogue")], capture_output=True, text=True
    )
    assert result.returncode == 0 and " error: " not in result.stdout, result.stdout


def test_the_editor_refuses_a_resource_address_that_is_not_a_web_link(browser, admin, clone):
    site, url = admin
    resource = "online-safety-course"
    with edit.decap_server(clone, url), serving(site) as base:
        page = open_record(browser, base, "resources", resource)
        address = field(page, "资源网址")
        address.fill("mailto:desk@example.org")
        page.get_by_role("button", name="保存", exact=True).click()
        visible(page.get_by_text("网址应以 http:// 或 https:// 开头")).first.wait_for()
        assert f"cms/resources/{resource}" not in git(clone, "branch", "--list", "cms/*")  # nothing saved
        address.fill("")
        address.fill("https://example.org/resources/online-safety-2")  # control: a web link saves
        page.get_by_role("button", name="保存", exact=True).click()
        page.get_by_text("内容已保存").wait_for()
        assert f"cms/resources/{resource}" in git(clone, "branch", "--list", "cms/*")
        page.close()


# --- a reviewer's summary of a pull request -----------------------------------------------------------


def test_the_pull_request_summary_reads_a_team_change_as_a_record(tmp_path):
    """scripts/diff.py counts a changed team as a record, like a school, so a pull request that
    touches a school and a team is flagged as touching two (before, teams were not counted: with the
    old folders the warning is missing, the control)."""
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(CATALOGUE, repo / "catalogue")
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "base"]):
        git(repo, *args)
    team = repo / "catalogue" / "teams" / f"{TEAM}.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("周二晚上来听一次排练", "周三晚上来听一次排练"), encoding="utf-8")
    school = repo / "catalogue" / "providers" / "jiaxing-city-university.yml"
    school.write_text(school.read_text(encoding="utf-8").replace("capacity: 30", "capacity: 45", 1), encoding="utf-8")
    git(repo, "commit", "-qam", "head")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "diff.py"), "HEAD~1", "HEAD"], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"touches 2 schools or venues: `jiaxing-city-university`, `{TEAM}`" in result.stdout
    assert f"### 武原街道新桥社区合唱团 (`teams/{TEAM}.yml`)" in result.stdout
    assert "| `join.zh` | 周二晚上来听一次排练，再和声部长约时间试唱。 | 周三晚上来听一次排练，再和声部长约时间试唱。 |" in result.stdout
