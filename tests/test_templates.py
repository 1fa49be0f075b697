"""The page templates: catalogue text is data in every renderer, a site can override a template,
and a template naming a variable it was not given fails instead of printing nothing.

In-process: the renderers are called on the repository's catalogue with records renamed.
"""

from __future__ import annotations

import dataclasses
from html import escape
from pathlib import Path

import pytest
from conftest import TEMPLATES, TODAY
from jinja2 import UndefinedError
from markupsafe import Markup

from learning_city.data.loader import load
from learning_city.data.model import Text
from learning_city.site import lists, pages, records
from learning_city.site import templates as templates_module
from learning_city.site.templates import PACKAGE_FOLDER, Templates

CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue"
# markup, template syntax (Jinja's and the macros plugin's), quotes and ampersands
EVIL = '<script>alert("x")</script> {{ 7*7 }} {% raw %} Tom & Jerry\'s <b>'
# untranslated in English: the Chinese is shown, tagged, through the other branch of the text macro
EVIL_ZH_ONLY = Text(zh=EVIL)
EVIL_BOTH = Text(zh=EVIL, en=EVIL)
REPOSITORY = "https://example.org/r"


@pytest.fixture(scope="module")
def catalogue():
    """The repository's catalogue with the text of every kind of record replaced by EVIL."""
    loaded, problems = load(CATALOGUE)
    assert problems == []
    providers = {
        pid: p.model_copy(update={"name": EVIL_ZH_ONLY, "courses": [c.model_copy(update={"title": EVIL_BOTH}) for c in p.courses]})
        for pid, p in loaded.providers.items()
    }
    venues = {vid: v.model_copy(update={"name": EVIL_ZH_ONLY, "description": EVIL_BOTH}) for vid, v in loaded.venues.items()}
    counties = [
        c.model_copy(update={"name": EVIL_BOTH, "towns": [town.model_copy(update={"name": EVIL_ZH_ONLY}) for town in c.towns]})
        for c in loaded.regions.counties
    ]
    members = [m.model_copy(update={"name": EVIL_BOTH}) for m in loaded.leading_group.members]
    policy = loaded.policy.model_copy(
        update={"number": EVIL_ZH_ONLY, "preamble": [Text(zh=EVIL + "{members}", en=EVIL + "{members}")], **{"issuers": [EVIL_BOTH]}}
    )
    return dataclasses.replace(
        loaded,
        providers=providers,
        venues=venues,
        regions=loaded.regions.model_copy(update={"counties": counties}),
        leading_group=loaded.leading_group.model_copy(update={"members": members}),
        policy=policy,
        targets=[target.model_copy(update={"title": EVIL_BOTH}) for target in loaded.targets],
    )


def renderers(catalogue, lang: str, templates: Templates = TEMPLATES) -> dict:
    """Every kind of page renderer that shows catalogue text (the home page shows only counts)."""
    provider = next(p for p in catalogue.providers.values() if p.courses and p.description)
    venue = next(iter(catalogue.venues.values()))
    county = catalogue.county_of(provider.region)
    kw = {"templates": templates}
    return {
        "policy": lambda: pages.policy(catalogue, lang, "../", **kw),
        "targets": lambda: pages.targets(catalogue, lang, "../", **kw),
        "search_box": lambda: pages.search_box(EVIL, [EVIL], lang, **kw),
        "accessibility": lambda: pages.accessibility(lang, EVIL, **kw),
        "provider": lambda: records.provider_page(catalogue, provider, lang, "../../", REPOSITORY, REPOSITORY + "/p/", **kw),
        "venue": lambda: records.venue_page(catalogue, venue, lang, "../../", REPOSITORY, REPOSITORY + "/v/", **kw, today=TODAY),
        "providers_directory": lambda: lists.providers_directory(catalogue, lang, "../", **kw),
        "venues_directory": lambda: lists.venues_directory(catalogue, lang, "../", **kw),
        "area": lambda: lists.area(catalogue, county, lang, "../../", **kw),
        "network": lambda: lists.network(catalogue, lang, "../", **kw),
        "elderly": lambda: lists.elderly(catalogue, lang, "../", **kw),
        "finder": lambda: lists.finder(catalogue, lang, "../", **kw),
        "county_courses": lambda: lists.county_courses(catalogue, county, 1, lang, "../../", **kw),
    }


def unescaped(html: str) -> list[str]:
    """What shows the text went into the page as markup (or was never there, escaped)."""
    problems = []
    if escape(EVIL) not in html:
        problems.append("the escaped text is missing")
    if '<script>alert("x")' in html or "<b>" in html:  # the text's own markup (a page's own scripts are not text)
        problems.append("markup from the catalogue is in the page")
    if escape(escape(EVIL)) in html:
        problems.append("the text is escaped twice")
    return problems


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_catalogue_text_is_escaped_in_every_renderer(catalogue, lang):
    found = {name: unescaped(render()) for name, render in renderers(catalogue, lang).items()}
    assert {name: problems for name, problems in found.items() if problems} == {}
    assert len(found) == 13


def test_control_unescaped_rendering_is_found(catalogue, monkeypatch):
    """Templates whose values go out unescaped: the check above catches it in every renderer."""
    monkeypatch.setattr(templates_module, "html", lambda value: Markup(str(value)))
    careless = Templates([PACKAGE_FOLDER], TODAY)
    found = {name: unescaped(render()) for name, render in renderers(catalogue, "en", careless).items()}
    assert sorted(name for name, problems in found.items() if "markup from the catalogue is in the page" in problems) == sorted(found)
    assert len(found) == 13


def test_control_an_override_that_marks_text_safe_is_found(catalogue, tmp_path):
    """A site's template that marks untranslated text safe: caught on the pages that show untranslated names."""
    careless = (PACKAGE_FOLDER / "lc" / "untranslated.html").read_text(encoding="utf-8").replace("{{ text }}", "{{ text | safe }}")
    assert "| safe" in careless
    (tmp_path / "lc").mkdir()
    (tmp_path / "lc" / "untranslated.html").write_text(careless, encoding="utf-8")
    found = {name: unescaped(render()) for name, render in renderers(catalogue, "en", Templates([tmp_path, PACKAGE_FOLDER], TODAY)).items()}
    caught = sorted(name for name, problems in found.items() if "markup from the catalogue is in the page" in problems)
    # every page that shows untranslated text here: the policy's number, providers' and towns' names
    # (the venue page shows its description and county, both translated; two pages show no record)
    assert caught == sorted(set(found) - {"search_box", "accessibility", "venue"})
    assert len(caught) == 10


def test_template_in_the_override_folder_replaces_the_package_one(catalogue, tmp_path):
    (tmp_path / "lc").mkdir()
    (tmp_path / "lc" / "home.html").write_text('<div class="site-home">\n  {{ t("home.intro", lang) }}\n</div>\n', encoding="utf-8")
    site = Templates([tmp_path, PACKAGE_FOLDER], TODAY)
    intro = escape(pages.t("home.intro", "en"))
    assert pages.home(catalogue, "en", "", templates=site) == f'<div class="site-home">{intro}</div>'
    # control: without the override the package's home page is rendered
    assert pages.home(catalogue, "en", "", templates=TEMPLATES).startswith('<div class="lc-home">')
    # a template the site does not override still comes from the package
    assert pages.targets(catalogue, "en", "", templates=site) == pages.targets(catalogue, "en", "", templates=TEMPLATES)


def test_undefined_variable_in_a_template_raises(catalogue, tmp_path):
    (tmp_path / "lc").mkdir()
    (tmp_path / "lc" / "home.html").write_text("<p>{{ lang }} {{ no_such_variable }}</p>", encoding="utf-8")
    with pytest.raises(UndefinedError, match="no_such_variable"):
        pages.home(catalogue, "en", "", templates=Templates([tmp_path, PACKAGE_FOLDER], TODAY))
    # control: the same template without the unknown name renders
    (tmp_path / "lc" / "home.html").write_text("<p>{{ lang }}</p>", encoding="utf-8")
    assert pages.home(catalogue, "en", "", templates=Templates([tmp_path, PACKAGE_FOLDER], TODAY)) == "<p>en</p>"


def test_a_phone_with_an_extension_dials_the_extension_after_a_pause(catalogue):
    """0573-82000000 转 8001 (the pattern allows 转): a tel: link with 转 in it dials nothing; the number,
    then a pause (a comma), then the extension. Control: a number without one is linked as typed."""
    provider = next(p for p in catalogue.providers.values() if p.contact.phone)
    for phone, href in (("0573-82000000 转 8001", "tel:0573-82000000,8001"), ("0573 8200 0000", "tel:057382000000")):
        changed = provider.model_copy(update={"contact": provider.contact.model_copy(update={"phone": phone})})
        html = records.provider_page(catalogue, changed, "zh", "../../", REPOSITORY, REPOSITORY + "/p/", templates=TEMPLATES)
        assert f'<a href="{href}">{phone}</a>' in html
