"""The recognitions page (issue 22 item 4): 百姓学习之星 and 学习型组织 titles by kind, year and
county in both languages, a resident named only with their consent, and each counted kind linked
both ways with its targets. Plain functions first (no build); two checks read the shared built
site. Each test has its control: the input as it would be without the behaviour, which fails."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from conftest import CATALOGUE, TEMPLATES

from learning_city.data import figures
from learning_city.data.loader import load
from learning_city.data.model import Measure, RecognitionKind
from learning_city.data.recognitions import by_kind_and_year, published
from learning_city.site import exports, recognitions

LANGS = {"zh": "", "en": "en/"}
STAR = "nanhu-chengnan-learning-star-2023"  # named, with consent
UNNAMED = "xiuzhou-gaozhao-learning-star-2023"  # a name in the file, no consent


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(CATALOGUE)
    assert found is not None, problems
    return found


def record(catalogue, rid):
    return next(r for r in catalogue.recognitions if r.id == rid)


def with_record(catalogue, rid, **update):
    """The catalogue with one recognition changed."""
    changed = [r.model_copy(update=update) if r.id == rid else r for r in catalogue.recognitions]
    return dataclasses.replace(catalogue, recognitions=changed)


def entry(html: str, rid: str) -> str:
    return html.split(f'id="{recognitions.recognition_anchor(rid)}"')[1].split("</li>")[0]


def test_the_sample_has_stars_and_organisations_marked_sample(catalogue):
    kinds = [r.kind for r in catalogue.recognitions]
    assert kinds.count(RecognitionKind.learning_star) == 3 and kinds.count(RecognitionKind.learning_organisation) == 2
    assert all(r.sample for r in catalogue.recognitions)
    assert record(catalogue, UNNAMED).person is not None and not record(catalogue, UNNAMED).name_public


@pytest.mark.parametrize("lang", LANGS)
def test_a_resident_is_named_only_with_consent(catalogue, lang):
    html = recognitions.page(catalogue, lang, "../", templates=TEMPLATES)
    named, unnamed = record(catalogue, STAR), record(catalogue, UNNAMED)
    assert named.person.get(lang) in entry(html, STAR)
    assert unnamed.person.get(lang) not in html and unnamed.person.zh not in html
    resident = {"zh": "一位居民", "en": "a resident"}[lang]
    assert resident in entry(html, UNNAMED) and {"zh": "秀洲区", "en": "Xiuzhou"}[lang] in entry(html, UNNAMED)
    # control: with consent the same record is named, and "a resident" is gone
    consented = recognitions.page(with_record(catalogue, UNNAMED, name_public=True), lang, "../", templates=TEMPLATES)
    assert unnamed.person.get(lang) in entry(consented, UNNAMED) and resident not in entry(consented, UNNAMED)


def test_the_open_data_leaves_out_a_name_given_without_consent(catalogue):
    rows = {r["id"]: r for r in json.loads(exports.catalogue_json(catalogue))["recognitions"]}
    assert rows[STAR]["person"]["zh"] == record(catalogue, STAR).person.zh
    assert rows[UNNAMED]["person"] is None
    # control: the record as the file holds it would publish the name
    assert record(catalogue, UNNAMED).model_dump(mode="json")["person"] is not None
    assert published(record(catalogue, UNNAMED)).person is None


def test_titles_are_listed_by_kind_then_latest_year_then_county(catalogue):
    found = by_kind_and_year(catalogue)
    assert sum(len(held) for years in found.values() for held in years.values()) == len(catalogue.recognitions)
    order = [c.id for c in catalogue.regions.counties]
    for years in found.values():
        assert list(years) == sorted(years, reverse=True)
        for held in years.values():
            places = [order.index(catalogue.county_of(r.region or catalogue.providers[r.provider].region).id) for r in held]
            assert places == sorted(places)
    html = recognitions.page(catalogue, "en", "../", templates=TEMPLATES)
    kinds = re.findall(r'<h2 id="recognitions-([a-z-]+)"', html)
    assert kinds[:2] == ["learning-star", "learning-organisation"] and len(kinds) == len(found)
    assert re.findall(r'<h3 id="recognitions-learning-star-(\d+)"', html) == ["2023", "2022"]


def test_catalogue_text_is_escaped_and_untranslated_text_is_marked(catalogue):
    hostile = record(catalogue, "nanhu-jiefang-learning-community-2023").organisation.model_copy(
        update={"zh": "<script>x</script>社区", "en": None}
    )
    html = recognitions.page(
        with_record(catalogue, "nanhu-jiefang-learning-community-2023", organisation=hostile), "en", "../", templates=TEMPLATES
    )
    shown = entry(html, "nanhu-jiefang-learning-community-2023")
    assert "<script>" not in html and '<span lang="zh">&lt;script&gt;x&lt;/script&gt;社区' in shown
    assert '<span lang="zh">' not in entry(
        recognitions.page(catalogue, "en", "../", templates=TEMPLATES), "nanhu-jiefang-learning-community-2023"
    )  # control


def test_each_target_that_counts_recognitions_links_to_its_kind_and_back(catalogue):
    counting = {t.id: figures.recognition_kind(t) for t in catalogue.targets if figures.recognition_kind(t)}
    assert len(counting) == 7  # five counts and two shares of adult schools
    assert figures.recognition_kind(next(t for t in catalogue.targets if t.measure is Measure.reported)) is None  # control
    from learning_city.site import pages

    table = pages.targets(catalogue, "en", "../", templates=TEMPLATES)
    page = recognitions.page(catalogue, "en", "../", templates=TEMPLATES)
    for target_id, kind in counting.items():
        row = table.split(f'id="target-{target_id}"')[1].split("</tr>")[0]
        assert f'href="../recognitions/#{recognitions.kind_anchor(kind)}"' in row
        section = page.split(f'<h2 id="{recognitions.kind_anchor(kind)}"')[1].split("</section>")[0]
        assert f'href="../targets/#target-{target_id}"' in section
    # control: a target that counts no recognition links to none
    other = table.split('id="target-residents-in-community-education"')[1].split("</tr>")[0]
    assert "recognitions/" not in other


@pytest.mark.parametrize("lang", LANGS)
def test_the_built_page_is_in_both_languages_and_in_the_navigation(site, catalogue, lang):
    html = (site / LANGS[lang] / "recognitions" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}' in html
    assert html.count('<li id="recognition-') == len(catalogue.recognitions)
    assert record(catalogue, UNNAMED).person.zh not in html and record(catalogue, STAR).person.get(lang) in html
    home = (site / LANGS[lang] / "index.html").read_text(encoding="utf-8")
    assert 'href="recognitions/"' in home or 'href="./recognitions/"' in home
    # control: the page of a language holds the other language's words only where untranslated
    other = {"zh": "Awarded by", "en": "授予单位"}[lang]
    assert other not in html
