"""The editor's preview is the public page: every shipped provider and venue, read from its file as
the editor reads it and rendered by docs/admin/page.js (the site's templates under Nunjucks, with
JavaScript twins of the Python helpers), gives the HTML the site's renderer gives it.

Under Node (conftest's `node`), in both languages, on the test builds' day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from conftest import ADMIN, CATALOGUE, ROOT, SOURCE_DATE_EPOCH, node

from learning_city.data.loader import load
from learning_city.data.model import Provider, Venue
from learning_city.data.today import today
from learning_city.site import records
from learning_city.site.templates import PACKAGE_FOLDER, Templates
from learning_city.tools import editor

REPOSITORY = "https://example.org/r"
SITE_URL = "https://example.org/s/"
BASE = "../../"
# markup, template syntax (Jinja's and Nunjucks'), quotes, an ampersand and a backslash
EVIL = '<script>alert("x")</script> {{ 7*7 }} {% raw %} Tom & Jerry\'s <b> \\'
NUNJUCKS = ROOT / "node_modules" / "nunjucks" / "browser" / "nunjucks.min.js"  # the file the build copies to admin/vendor/

# What the preview leaves out, and why it must differ: the QR code is drawn by segno at build time
# and shown only when the page is printed; the JSON-LD is data for other software, never seen.
# Both are replaced by nothing on the site's side, and the preview's stay empty.
NOT_ON_SCREEN = [
    (re.compile(r'(<span role="img" aria-label="[^"]*">)<svg.*?</svg>(</span>)', re.S), r"\1\2"),
    (re.compile(r'(<script type="application/ld\+json">).*?(</script>)', re.S), r"\1\2"),
]


def on_screen(html: str) -> str:
    for pattern, replacement in NOT_ON_SCREEN:
        html = pattern.sub(replacement, html)
    return html


@pytest.fixture(scope="module")
def day() -> dt.date:
    return today({"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


@pytest.fixture(scope="module")
def site_pages(day):
    """Each record's page content as the site renders it, by (collection, id, lang)."""
    catalogue, problems = load(CATALOGUE)
    assert problems == []
    templates = Templates([PACKAGE_FOLDER], day)  # the templates' "today" for course statuses
    pages = {}
    for lang in ("zh", "en"):
        for pid, provider in catalogue.providers.items():
            url = f"{SITE_URL}providers/{pid}/"
            pages["providers", pid, lang] = records.provider_page(catalogue, provider, lang, BASE, REPOSITORY, url, templates=templates)
        for vid, venue in catalogue.venues.items():
            url = f"{SITE_URL}venues/{vid}/"
            pages["venues", vid, lang] = records.venue_page(catalogue, venue, lang, BASE, REPOSITORY, url, templates=templates, today=day)
    return catalogue, templates, pages


def preview_pages(catalogue, templates, day, keys, change: str = "", data: dict | None = None) -> dict:
    """The pages as the preview renders them from the records' files (or `data`, the form's data
    by (collection, id)); `change` runs on the renderer first."""
    entries = [
        {
            "collection": c,
            "lang": lang,
            "path": f"catalogue/{catalogue.sources[c, rid]}",
            "text": (CATALOGUE / catalogue.sources[c, rid]).read_text("utf-8"),
            "data": (data or {}).get((c, rid)),
        }
        for c, rid, lang in keys
    ]
    data = {
        "kit": json.loads(records.preview_json(templates, REPOSITORY, SITE_URL)),
        "records": json.loads(editor.records_json(catalogue)),
        "entries": entries,
        "today": day.isoformat(),
        "base": BASE,
        "nunjucks": str(NUNJUCKS),
        "page": (ADMIN / "page.js").as_uri(),
    }
    code = f"""
import {{ createRequire }} from "module";
const nunjucks = createRequire(import.meta.url)(input.nunjucks);
const {{ pages }} = await import(input.page);
const renderer = pages(nunjucks, input.kit, input.records);
{change}
output = input.entries.map((e) => renderer.render(e.collection, e.data || format.read(e.text), {{ lang: e.lang, base: input.base, today: input.today, path: e.path }}));
"""
    return dict(zip(keys, node(code, data), strict=True))


def differences(site: dict, preview: dict) -> dict:
    return {key: (on_screen(site[key]), html) for key, html in preview.items() if on_screen(site[key]) != html}


def test_the_preview_renders_every_shipped_record_as_its_page(site_pages, day):
    catalogue, templates, pages = site_pages
    keys = sorted(pages)
    found = differences(pages, preview_pages(catalogue, templates, day, keys))
    assert found == {}
    assert len(keys) == 2 * (len(catalogue.providers) + len(catalogue.venues)) > 200
    # what the issue asks the preview to show is in what was compared
    zh = "".join(pages[key] for key in keys if key[2] == "zh")
    for shown in ('id="children"', "第三级", "lc-status", "calendars/courses/", "lc-calendar-all", "上级机构"):
        assert shown in zh


def test_control_a_helper_that_differs_is_caught(site_pages, day):
    """The schedule's dash written as a hyphen in the preview's twin of when_text: every page
    with a course differs, and only those."""
    catalogue, templates, pages = site_pages
    keys = sorted(key for key in pages if key[2] == "zh")
    change = 'renderer.env.addGlobal("when_text", (course, lang) => `${course.schedule.days.join(" ")} ${course.schedule.start}-${course.schedule.end}`);'
    found = differences(pages, preview_pages(catalogue, templates, day, keys, change))
    with_courses = {("providers", pid, "zh") for pid, p in catalogue.providers.items() if p.courses}
    assert set(found) == with_courses and len(with_courses) > 10


def test_control_nunjucks_own_escaping_is_caught(site_pages, day):
    """Without the site's escaping (Nunjucks writes a quote as &#39;), pages with a quote written by
    the templates (an English interface string, a link) differ; catalogue text goes through `text`."""
    catalogue, templates, pages = site_pages
    keys = sorted(pages)
    change = 'renderer.env.opts.autoescape = true; (await import("module")).createRequire(import.meta.url)(input.nunjucks).lib.escape = (s) => s.replace(/[&"\'<>]/g, (c) => ({"&": "&amp;", \'"\': "&quot;", "\'": "&#39;", "<": "&lt;", ">": "&gt;"})[c]);'
    found = differences(pages, preview_pages(catalogue, templates, day, keys, change))
    quoted = {key for key, html in pages.items() if "&#x27;" in on_screen(html)}
    assert len(found) > 50 and set(found) <= quoted


def test_text_and_statuses_the_catalogue_does_not_ship(site_pages, day):
    """A provider and a venue with markup, template syntax and quotes in their text (Chinese only,
    so the English page marks it untranslated), every course status, a minimum age of 0, fees and
    hours with decimals, a course outside the terms, a closure today: the preview writes what the
    page writes, the text escaped the site's way."""
    catalogue, templates, _ = site_pages
    soon = (day + dt.timedelta(days=20)).isoformat()
    provider = json.loads((catalogue.providers["haining-elderly-university"]).model_dump_json(exclude_none=True))
    provider.update(
        name={"zh": EVIL},
        description={"zh": EVIL, "en": EVIL},
        age_rule={"min_age": 0, "note": {"zh": EVIL}},
        contact={"phone": "0573 8000 0000", "email": "mailto:office@example.org", "website": "https://example.org/?a=1&b='2'"},
    )
    first = provider["courses"][0]
    courses = [
        {
            **first,
            "id": f"c-{status}",
            "status": status,
            "title": {"zh": EVIL},
            "place": {"zh": EVIL},
            "hours": 1.5,
            "fee": {"amount": 12.5, "note": {"zh": EVIL}},
            "enrolment": {"method": "online", "url": "https://example.org/a?b=1&c=2", "closes": soon},
        }
        for status in ("open", "full", "waitlist", "cancelled")
    ]
    provider["courses"] = [*provider["courses"], *courses, {**first, "id": "no-term", "term": None}]
    venue = json.loads(catalogue.venues["jiaxing-library"].model_dump_json(exclude_none=True))
    venue.update(
        name={"zh": EVIL}, description={"zh": EVIL}, closures=[{"dates": {"start": day.isoformat(), "end": soon}, "reason": {"zh": EVIL}}]
    )
    changed = dataclasses.replace(
        catalogue,
        providers={**catalogue.providers, provider["id"]: Provider.model_validate(provider)},
        venues={**catalogue.venues, venue["id"]: Venue.model_validate(venue)},
    )
    pages = {}
    for lang in ("zh", "en"):
        url = f"{SITE_URL}providers/{provider['id']}/"
        pages["providers", provider["id"], lang] = records.provider_page(
            changed, changed.providers[provider["id"]], lang, BASE, REPOSITORY, url, templates=templates
        )
        url = f"{SITE_URL}venues/{venue['id']}/"
        pages["venues", venue["id"], lang] = records.venue_page(
            changed, changed.venues[venue["id"]], lang, BASE, REPOSITORY, url, templates=templates, today=day
        )
    data = {("providers", provider["id"]): provider, ("venues", venue["id"]): venue}
    assert differences(pages, preview_pages(changed, templates, day, sorted(pages), data=data)) == {}
    zh = pages["providers", provider["id"], "zh"]
    for shown in ("名额已满", "可候补", "已取消", "可报名，", "0 周岁以上", "12.5", "其他课程", "Tom &amp; Jerry&#x27;s &lt;b&gt;"):
        assert shown in zh, shown
    assert "<script>alert" not in zh and "lc-untranslated" in pages["providers", provider["id"], "en"]


@pytest.mark.parametrize(
    "collection, data",
    [
        ("providers", {}),
        ("venues", {}),
        (
            "providers",
            {
                "id": "new-school",
                "kind": "community-school",
                "parent": "no-such-school",
                "name": {"zh": "新学校"},
                "terms": [{"id": "t"}],
                "courses": [{"title": {"zh": "太极"}, "term": "t"}, {"venue": "no-such-venue", "schedule": {"days": ["mon"]}}, None],
            },
        ),
        ("venues", {"opening_hours": [{"days": ["sat"]}, {}], "closures": [{"reason": {"zh": "修缮"}}], "services": [{}]}),
    ],
)
def test_a_record_half_filled_in_is_previewed(site_pages, day, collection, data):
    """The form is previewed while it is being filled in: an empty record, parts left empty, ids of
    records not yet published (shown as the id) render as a page, without an error."""
    catalogue, templates, _ = site_pages
    code = """
import { createRequire } from "module";
const nunjucks = createRequire(import.meta.url)(input.nunjucks);
const { pages } = await import(input.page);
output = pages(nunjucks, input.kit, input.records).render(input.collection, input.data, { lang: "zh", base: "../", today: input.today });
"""
    html = node(
        code,
        {
            "kit": json.loads(records.preview_json(templates, REPOSITORY, SITE_URL)),
            "records": json.loads(editor.records_json(catalogue)),
            "nunjucks": str(NUNJUCKS),
            "page": (ADMIN / "page.js").as_uri(),
            "collection": collection,
            "data": data,
            "today": day.isoformat(),
        },
    )
    assert html.startswith(f'<div class="lc-record lc-{collection[:-1]}">') and html.endswith("</figure></div>")
    assert re.findall(r".{60}(?:undefined|null|NaN).{20}", html) == []
    if data.get("parent"):
        assert ">no-such-school</a>" in html and ">no-such-venue</a>" in html and "太极" in html
