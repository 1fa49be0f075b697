"""Targets as the document states them: a deadline, every year, or standing; a frequency; a proxy unscored."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import CATALOGUE, assert_reported, validate

from learning_city.data.figures import figure
from learning_city.data.loader import load
from learning_city.data.model import TargetKind

# 每年要求有60%…, 每年一次的…活动周: every year; 依法按照…提取, the leading group's membership: standing.
ANNUAL = {"residents-in-community-education", "lifelong-learning-week"}
STANDING = {"payroll-training-share", "leading-group-members"}


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(CATALOGUE)
    assert found is not None, problems
    return found


def row(site, lang: str, target_id: str):
    page = BeautifulSoup((site / lang / "targets" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page.find(id=f"target-{target_id}")


def test_only_targets_the_document_dates_have_a_deadline(catalogue):
    kinds = {target.id: target.kind for target in catalogue.targets}
    assert {tid for tid, kind in kinds.items() if kind is TargetKind.annual} == ANNUAL
    assert {tid for tid, kind in kinds.items() if kind is TargetKind.standing} == STANDING
    for target in catalogue.targets:
        if target.kind is TargetKind.deadline:
            assert target.deadline == dt.date(2020, 12, 31), target.id
        else:
            assert target.deadline is None, target.id


def test_the_page_says_every_year_or_standing_where_there_is_no_deadline(site):
    for lang, annual, standing in (("", "每年", "长期"), ("en", "every year", "standing")):
        for target_id in ANNUAL | STANDING:
            cell = row(site, lang, target_id).select_one(".lc-when").get_text()
            assert cell == (annual if target_id in ANNUAL else standing), (lang, target_id, cell)
            assert "2020" not in cell
        assert row(site, lang, "vocational-community-courses").select_one(".lc-when").get_text() == "2020"


def test_the_lifelong_learning_week_is_a_frequency(site):
    for lang, value in (("", "每年一次"), ("en", "once a year")):
        shown = row(site, lang, "lifelong-learning-week").select_one(".lc-target-value").get_text()
        assert shown == value
    assert "week" not in row(site, "en", "lifelong-learning-week").select_one(".lc-target-value").get_text()
    policy = BeautifulSoup((site / "en" / "policy" / "index.html").read_text(encoding="utf-8"), "html.parser")
    ref = policy.select_one('a[data-target="lifelong-learning-week"]')
    assert ref.get_text() == "once" and "held once a year" in ref.parent.get_text()


def test_the_village_target_shows_the_town_figure_as_an_unscored_proxy(site, catalogue):
    for lang, words in (("", "参考数字，不评定"), ("en", "proxy, not scored")):
        tr = row(site, lang, "teaching-points-every-village")
        assert tr["data-status"] == "proxy"
        assert words in tr.select_one(".lc-target-status").get_text()
        assert re.match(r"\d+(\.\d)?%", tr.select_one(".lc-actual").get_text())  # the town-level figure is still shown
    target = catalogue.target_index["teaching-points-every-village"]
    assert target.proxy and figure(catalogue, target).met is None
    exported = json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))
    entry = next(t for t in exported["targets"] if t["id"] == "teaching-points-every-village")
    assert entry["met"] is None and entry["actual"] is not None


def test_control_without_proxy_the_same_figure_would_be_scored(catalogue_copy):
    targets = catalogue_copy / "targets.yml"
    text = targets.read_text(encoding="utf-8")
    assert text.count("    proxy: true\n") == 1
    targets.write_text(text.replace("    proxy: true\n", ""), encoding="utf-8")
    copy, problems = load(catalogue_copy)
    assert copy is not None, problems
    assert figure(copy, copy.target_index["teaching-points-every-village"]).met is not None


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_an_annual_target_with_a_deadline_is_refused(catalogue_copy):
    targets = catalogue_copy / "targets.yml"
    text = targets.read_text(encoding="utf-8")
    text = text.replace(
        "    kind: annual\n    comparator: at-least\n    value: 60\n    unit: percent\n",
        "    kind: annual\n    comparator: at-least\n    value: 60\n    unit: percent\n    deadline: 2020-12-31\n",
    )
    targets.write_text(text, encoding="utf-8")
    line = _line(text, "    unit: percent\n    deadline: 2020-12-31\n    scope: city-wide\n    measure: reported") + 1
    assert_reported(validate(catalogue_copy), "targets.yml", line, "deadline", "remove deadline")


def test_a_deadline_target_without_a_deadline_is_refused(catalogue_copy):
    targets = catalogue_copy / "targets.yml"
    text = targets.read_text(encoding="utf-8")
    assert "    unit: courses\n    deadline: 2020-12-31\n" in text
    targets.write_text(text.replace("    unit: courses\n    deadline: 2020-12-31\n", "    unit: courses\n"), encoding="utf-8")
    assert_reported(validate(catalogue_copy), "targets.yml", _line(text, "    kind: deadline\n"), "kind", "needs a deadline")


def test_a_policy_token_asking_for_a_deadline_the_target_lacks_is_refused(catalogue_copy):
    policy = catalogue_copy / "policy.yml"
    text = policy.read_text(encoding="utf-8")
    token = "{deadline:new-labour-education-years}"
    assert text.count(token) == 2
    text = text.replace(token, "{deadline:payroll-training-share}")
    policy.write_text(text, encoding="utf-8")
    result = validate(catalogue_copy)
    row = assert_reported(result, "policy.yml", _line(text, "{deadline:payroll-training-share}"), "{deadline:payroll-training-share}")
    assert "asks for the deadline of a target that has none" in row
    assert "Traceback" not in result.stdout + result.stderr
