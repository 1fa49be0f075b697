"""The policy page carries the document exactly, and its numbers come from the targets."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from learning_city.plugin import build

pytestmark = pytest.mark.build

SEED = ROOT / "tests" / "fixtures" / "policy-seed.txt"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def policy_text(site: Path, lang: str = "") -> str:
    page = site / lang / "policy" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(".lc-policy-text").get_text()


def test_chinese_policy_equals_the_issued_document(site):
    seed = squash(SEED.read_text(encoding="utf-8"))
    start, end = seed.index("各县(市、区)教育局"), seed.index("2017年6月6日") + len("2017年6月6日")
    assert squash(policy_text(site)) == seed[start:end]


def test_english_policy_is_complete(site):
    soup = BeautifulSoup((site / "en" / "policy" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = soup.select_one(".lc-policy-text")
    assert text.find(lang="zh") is None, "every paragraph of the policy is translated"
    headings = [h.get("id") for h in text.select("h3, h4")]  # under the document's title, an h2
    assert headings == [
        h.get("id")
        for h in BeautifulSoup((site / "policy" / "index.html").read_text(encoding="utf-8"), "html.parser").select(
            ".lc-policy-text h3, .lc-policy-text h4"
        )
    ]
    assert "section-3-2" in headings and "section-4-5" in headings
    assert "{target:" not in text.get_text() and "{members}" not in text.get_text()


def test_each_page_exists_at_the_same_path_in_both_languages(site):
    # the web editor (admin/) is one app for both languages, at the Chinese site's root only
    chinese = {p.relative_to(site) for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("en", "admin")}
    english = {p.relative_to(site / "en") for p in (site / "en").rglob("*.html")}
    assert chinese == english
    assert Path("policy/index.html") in chinese and Path("targets/index.html") in chinese


def test_a_changed_target_value_shows_in_the_policy_and_the_table(catalogue_copy, tmp_path):
    targets = catalogue_copy / "targets.yml"
    text = targets.read_text(encoding="utf-8")
    before = "    unit: courses\n"
    assert "    value: 10\n" + before in text
    targets.write_text(text.replace("    value: 10\n" + before, "    value: 17\n" + before), encoding="utf-8")
    out = tmp_path / "site"
    build.build(catalogue_copy, out)
    for lang in ("", "en"):
        policy = BeautifulSoup((out / lang / "policy" / "index.html").read_text(encoding="utf-8"), "html.parser")
        section = policy.find(id="section-3-2").find_parent("section")
        refs = [a.get_text() for a in section.select('a[data-target="vocational-community-courses"][data-part="target"]')]
        assert refs == ["17"], refs
        table = BeautifulSoup((out / lang / "targets" / "index.html").read_text(encoding="utf-8"), "html.parser")
        row = table.find(id="target-vocational-community-courses")
        assert "17" in row.select_one(".lc-target-value").get_text()
        assert "10" not in row.select_one(".lc-target-value").get_text()


# --- the document's own title (review of 2026-12-06) ---------------------------------------


def _policy_article(catalogue, lang: str) -> BeautifulSoup:
    from conftest import TEMPLATES

    from learning_city.site import pages

    return BeautifulSoup(pages.policy(catalogue, lang, "../", templates=TEMPLATES), "html.parser")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_policy_is_headed_by_its_own_title_above_its_number(lang):
    """As the issued document has it: the title, then the number and the date; the sections under it."""
    from learning_city.data.loader import load

    catalogue, problems = load(ROOT / "catalogue")
    assert catalogue is not None, problems
    article = _policy_article(catalogue, lang)
    title = article.select_one(".lc-policy > h2")
    assert title is not None and title.get_text() == catalogue.policy.title.get(lang)
    assert title.get_text() in ("关于推进学习型城市建设的实施意见", "Implementation Opinions on Advancing the Building of a Learning City")
    order = [el for el in article.select(".lc-policy > h2, .lc-meta, .lc-policy-text")]
    assert [el.name for el in order] == ["h2", "dl", "div"]  # title, number and date, text
    assert article.select(".lc-policy-text h2") == [] and article.select(".lc-policy-text h3")  # sections below the title
    # control: another title in the catalogue is the one shown, so the heading is the data, not the words
    renamed = catalogue.policy.model_copy(update={"title": catalogue.policy.title.model_copy(update={lang: "X 意见 X"})})
    import dataclasses

    again = _policy_article(dataclasses.replace(catalogue, policy=renamed), lang)
    assert again.select_one(".lc-policy > h2").get_text() == "X 意见 X"
