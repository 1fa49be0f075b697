"""The published open data of a built site: calendars, JSON-LD, the data package, the feed."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BUILD_ENV, CATALOGUE
from icalendar import Calendar

from learning_city.plugin import build

pytestmark = pytest.mark.build

HOST = "learning-city.example.org"
FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def raw(kind: str) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((CATALOGUE / kind).glob("*.yml"))}


def jsonld(path: Path) -> list[dict]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


def test_every_calendar_parses_with_stable_uids_and_stamps_from_the_data(site):
    providers = raw("providers")
    for lang in ("", "en"):
        root = site / lang / "calendars"
        files = sorted(root.rglob("*.ics"))
        courses = sum(len(p.get("courses", [])) for p in providers.values())
        assert len(files) == len(providers) + courses + 7 + len(raw("events")) + 1  # per provider, course, county; per event and all events
        for path in files:
            cal = Calendar.from_ical(path.read_bytes())
            events = cal.walk("VEVENT")
            for event in events:
                assert str(event["UID"]).endswith("@" + HOST)
                stamp = event.decoded("DTSTAMP")
                assert stamp.time() == dt.time(0) and stamp.date() <= dt.date(2026, 11, 29)  # a record's date, not the build's clock
                if "RRULE" in event:
                    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai" and event["RRULE"]["UNTIL"][0].utcoffset() == dt.timedelta(0)
            assert bool(cal.walk("VTIMEZONE")) == any("TZID" in e["DTSTART"].params for e in events)  # a local time has its zone
    university = Calendar.from_ical((site / "calendars/providers/jiaxing-city-university.ics").read_bytes())
    uids = {str(e["UID"]) for e in university.walk("VEVENT")}
    assert {f"jiaxing-city-university/{c['id']}@{HOST}" for c in providers["jiaxing-city-university"]["courses"]} <= uids


def test_each_course_links_to_its_calendar_in_both_languages(site):
    for lang, summary_lang in (("", "zh"), ("en", "en")):
        page = BeautifulSoup((site / lang / "providers/jiaxing-city-university/index.html").read_text(encoding="utf-8"), "html.parser")
        articles = page.select("article.lc-course")
        assert len(articles) == len(raw("providers")["jiaxing-city-university"]["courses"])
        for article in articles:
            href = article.select_one(".lc-calendar a")["href"]
            course_id = article["id"].removeprefix("course-")
            assert href == f"../../calendars/courses/jiaxing-city-university/{course_id}.ics"
            cal = Calendar.from_ical((site / lang / "providers/jiaxing-city-university" / href).resolve().read_bytes())
            title = article.h3.get_text()
            assert str(cal.walk("VEVENT")[0]["SUMMARY"]) == title, summary_lang


@pytest.mark.parametrize("lang", ["", "en"])
def test_every_provider_page_has_a_course_node_per_course(site, lang):
    for provider_id, record in raw("providers").items():
        path = site / lang / "providers" / provider_id / "index.html"
        (data,) = jsonld(path)
        nodes = data["@graph"]
        courses = [n for n in nodes if n["@type"] == "Course"]
        assert nodes[0]["@type"] == "EducationalOrganization"
        assert len(courses) == len(record.get("courses", []))
        anchors = {a["id"] for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("article.lc-course")}
        for node in courses:
            url, anchor = node["@id"].split("#")
            assert url == f"https://{HOST}/{lang + '/' if lang else ''}providers/{provider_id}/" and anchor in anchors
            assert node["offers"][0]["priceCurrency"] == "CNY" and node["inLanguage"] == "zh-CN"
            schedule = node["hasCourseInstance"][0]["courseSchedule"]
            assert schedule["repeatFrequency"] == "P1W" and schedule["scheduleTimezone"] == "Asia/Shanghai" and schedule["byDay"]


def test_every_venue_page_has_its_venue_node(site):
    types = {
        "library": "Library",
        "library-branch": "Library",
        "museum": "Museum",
        "science-museum": "Museum",
        "memorial": "Museum",
        "art-gallery": "ArtGallery",
        "cultural-centre": "CivicStructure",
    }
    for venue_id, record in raw("venues").items():
        for lang in ("", "en"):
            (node,) = jsonld(site / lang / "venues" / venue_id / "index.html")
            assert node["@type"] == types[record["kind"]]
            assert len(node["openingHoursSpecification"]) == len(record["opening_hours"])
            assert len(node.get("specialOpeningHoursSpecification", [])) == len(record.get("closures", []))


def test_frictionless_validate_accepts_the_package(site, tmp_path):
    run = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(site / "data" / "datapackage.json")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
    assert json.loads(run.stdout)["valid"] is True
    # control: the same package with one course's provider misspelt is refused
    copy = tmp_path / "data"
    shutil.copytree(site / "data", copy)
    courses = copy / "courses.csv"
    courses.write_bytes(courses.read_bytes().replace(b"\n" + b"haining-changan-adult-school/", b"\n" + b"haining-changan-adult-schoo/", 1))
    broken = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(copy / "datapackage.json")], capture_output=True, text=True)
    assert broken.returncode != 0 and json.loads(broken.stdout)["valid"] is False


def test_the_data_page_in_both_languages_lists_each_download_and_field(site):
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for lang, root in (("", "../"), ("en", "../../")):
        page = BeautifulSoup((site / lang / "data" / "index.html").read_text(encoding="utf-8"), "html.parser")
        for resource in package["resources"]:
            link = page.select_one(f'a[href="{root}data/{resource["path"]}"]')
            assert link is not None and (site / lang / "data" / link["href"]).resolve().is_file()
            if "schema" in resource:
                shown = [row.code.get_text() for row in page.select(f'table[data-table="{resource["name"]}"] tbody tr')]
                assert shown == [f["name"] for f in resource["schema"]["fields"]]
        assert page.select_one('a[rel="license"]')["href"] == package["licenses"][0]["path"]
        (dataset,) = jsonld(site / lang / "data" / "index.html")
        assert dataset["@type"] == "Dataset" and dataset["dateModified"] == package["modified"]
    home = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one('a[href="./data/"]') or home.select_one('a[href="data/"]')


def test_the_feed_in_each_language_parses_and_is_linked_from_home_and_course_pages(site):
    for lang in ("", "en"):
        parsed = feedparser.parse((site / lang / "feed.xml").read_bytes())
        assert not parsed.bozo and 0 < len(parsed.entries) <= 100
        assert len({e.id for e in parsed.entries}) == len(parsed.entries)
        assert all(e.tags[0].term in {"added", "changed", "withdrawn", "event"} for e in parsed.entries)
        for page in ("index.html", "providers/jiaxing-city-university/index.html"):
            soup = BeautifulSoup((site / lang / page).read_text(encoding="utf-8"), "html.parser")
            link = soup.select_one('link[rel="alternate"][type="application/atom+xml"]')
            assert (site / lang / Path(page).parent / link["href"]).resolve() == (site / lang / "feed.xml").resolve()


HOSTILE = "</script><script>window.__x=1</script><!-- & ]]>"


def test_hostile_title_stays_inert_in_json_ld_calendars_and_feed(catalogue_copy, tmp_path):
    path = catalogue_copy / "providers" / "jiaxing-city-university.yml"
    text = path.read_text(encoding="utf-8")
    old = "      zh: 智能手机入门\n      en: Getting started with a smartphone\n"
    assert old in text
    text = text.replace(old, f"      zh: '{HOSTILE}'\n      en: '{HOSTILE}'\n", 1)
    path.write_text(re.sub(r"last_verified: .*", "last_verified: 2026-11-28", text), encoding="utf-8")  # the newest: in the feed
    out = tmp_path / "site"
    build.build(catalogue_copy, out, environ=BUILD_ENV)
    for lang in ("", "en"):
        html = (out / lang / "providers/jiaxing-city-university/index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        scripts = soup.select('script[type="application/ld+json"]')
        assert len(scripts) == 1 and "window.__x" not in "".join(s.string or "" for s in soup.select("script:not([type])"))
        course = next(n for n in json.loads(scripts[0].string)["@graph"] if n["@id"].endswith("#course-smartphone-basics"))
        assert course["name"] == HOSTILE
        cal = Calendar.from_ical((out / lang / "calendars/courses/jiaxing-city-university/smartphone-basics.ics").read_bytes())
        assert str(cal.walk("VEVENT")[0]["SUMMARY"]) == HOSTILE
        content = (out / lang / "feed.xml").read_bytes()  # a copy outside git: the feed from the records
        parsed = feedparser.parse(content)
        assert not parsed.bozo and b"<script>" not in content
        (entry,) = [e for e in parsed.entries if e.link.endswith("/jiaxing-city-university/#course-smartphone-basics")]
        assert entry.title.endswith(HOSTILE)
