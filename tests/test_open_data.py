"""Open data in process, no site build: calendars, JSON-LD, the data package and the feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CATALOGUE, TEMPLATES
from frictionless import Package
from icalendar import Calendar

from learning_city.data import model as m
from learning_city.data.loader import load
from learning_city.data.status import meetings
from learning_city.site import calendars, datapackage, exports, feed, structured

SITE = "https://learning-city.example.org/"
HOST = "learning-city.example.org"
JIAXING = dt.timezone(dt.timedelta(hours=8))
# Catalogue text that would end a script, open a comment, start a calendar line or an XML element
HOSTILE = "</script><!-- <b>\"x\" & 'y'</b>\r\nBEGIN:VEVENT;X=1,2\\ ]]>"
# a title is one line (the model refuses line breaks there); a description may hold them
HOSTILE_LINE = HOSTILE.replace("\r\n", " ")
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def catalogue(parse_cache):
    loaded, problems = load(CATALOGUE, cache=parse_cache)
    assert loaded is not None, problems
    return loaded


def provider(**course_changes) -> m.Provider:
    """A provider with one course that meets on Tuesdays and Thursdays, with a holiday."""
    course = {
        "id": "tai-chi",
        "title": {"zh": "太极拳", "en": "Tai chi"},
        "category": "health",
        "audience": ["older-people"],
        "mode": "in-person",
        "hours": 20,
        "fee": {"amount": 120, "note": {"zh": "含教材"}},
        "capacity": 30,
        "schedule": {
            "days": ["tue", "thu"],
            "start": "09:00",
            "end": "10:30",
            "dates": {"start": "2026-09-07", "end": "2026-10-30"},
            "except_dates": ["2026-10-01", "2026-10-06"],
        },
        "enrolment": {"method": "on-site", "opens": "2026-08-20", "closes": "2026-09-03"},
        **course_changes,
    }
    return m.Provider.model_validate(
        {
            "id": "nanhu-demo-school",
            "kind": "community-school",
            "name": {"zh": "南湖示例社区学校", "en": "Nanhu Demo Community School"},
            "region": "nanhu",
            "address": {"zh": "南湖路 1 号", "en": "1 Nanhu Road"},
            "last_verified": "2026-10-12",
            "courses": [course],
        }
    )


def with_provider(catalogue, record: m.Provider):
    """The real catalogue with one more provider."""
    return replace(catalogue, providers={**catalogue.providers, record.id: record})


def events(ics: bytes) -> list:
    return [c for c in Calendar.from_ical(ics).walk("VEVENT")]


# --- calendars -------------------------------------------------------------------------------


def expand(event) -> set[dt.date]:
    """The days a calendar client shows: weekly on BYDAY from DTSTART until UNTIL, less EXDATE."""
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    start, until = event.decoded("DTSTART"), rule["UNTIL"][0]
    days = {["MO", "TU", "WE", "TH", "FR", "SA", "SU"].index(d) for d in rule["BYDAY"]}
    excluded = {
        d.dt.date()
        for ex in (event.get("EXDATE") if isinstance(event.get("EXDATE"), list) else [event.get("EXDATE")])
        if ex
        for d in ex.dts
    }
    shown, moment = set(), start
    while moment <= until:
        if moment.weekday() in days and moment.date() not in excluded:
            shown.add(moment.date())
        moment += dt.timedelta(days=1)
    return shown


def test_a_course_calendar_has_its_uid_stamp_recurrence_holidays_and_zone(catalogue):
    record = provider()
    course = record.courses[0]
    ics = calendars.course_calendar(with_provider(catalogue, record), record, course, "en", SITE + "en/")
    cal = Calendar.from_ical(ics)
    classes, enrolment = events(ics)
    assert classes["UID"] == f"nanhu-demo-school/tai-chi@{HOST}"
    assert enrolment["UID"] == f"nanhu-demo-school/tai-chi/enrolment@{HOST}"
    assert classes.decoded("DTSTAMP") == dt.datetime(2026, 10, 12, tzinfo=dt.UTC)  # the record's last_verified, not the clock
    start = classes.decoded("DTSTART")
    assert start == dt.datetime(2026, 9, 8, 9, 0, tzinfo=JIAXING) and classes["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert classes.decoded("DTEND") - start == dt.timedelta(minutes=90)
    assert classes["RRULE"]["BYDAY"] == ["TU", "TH"]
    assert classes["RRULE"]["UNTIL"][0] == dt.datetime(2026, 10, 30, 2, 30, tzinfo=dt.UTC)  # 10:30 in Jiaxing, in UTC
    assert expand(classes) == set(meetings(course.schedule, course.schedule.dates))  # the days the site counts
    assert len(expand(classes)) == 14
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert str(classes["SUMMARY"]) == "Tai chi" and str(enrolment["SUMMARY"]) == "Enrolment: Tai chi"
    assert enrolment.decoded("DTSTART") == D("2026-08-20") and enrolment.decoded("DTEND") == D("2026-09-04")  # all day, end exclusive
    assert str(classes["URL"]) == SITE + "en/providers/nanhu-demo-school/#course-tai-chi"


def test_control_without_holidays_there_is_no_exdate_and_every_weekday_is_shown(catalogue):
    schedule = {**provider().courses[0].schedule.model_dump(mode="json"), "except_dates": []}
    record = provider(schedule=schedule)
    (classes, _) = events(calendars.course_calendar(with_provider(catalogue, record), record, record.courses[0], "zh", SITE))
    assert "EXDATE" not in classes and len(expand(classes)) == 16


def test_summaries_in_the_page_language_and_chinese_when_english_is_missing(catalogue):
    record = provider(title={"zh": "太极拳"})
    cat = with_provider(catalogue, record)
    zh = events(calendars.course_calendar(cat, record, record.courses[0], "zh", SITE))
    en = events(calendars.course_calendar(cat, record, record.courses[0], "en", SITE + "en/"))
    assert str(zh[0]["SUMMARY"]) == "太极拳" and str(zh[1]["SUMMARY"]) == "报名：太极拳"
    assert str(en[0]["SUMMARY"]) == "太极拳" and str(en[1]["SUMMARY"]) == "Enrolment: 太极拳"


def test_hostile_text_stays_one_summary_escaped_and_folded(catalogue):
    record = provider(title={"zh": HOSTILE_LINE, "en": HOSTILE_LINE}, description={"zh": HOSTILE, "en": HOSTILE})
    ics = calendars.course_calendar(with_provider(catalogue, record), record, record.courses[0], "en", SITE + "en/")
    found = events(ics)
    assert len(found) == 2 and str(found[0]["SUMMARY"]) == HOSTILE_LINE
    assert str(found[0]["DESCRIPTION"]).endswith(HOSTILE.replace("\r\n", "\n"))
    lines = ics.split(b"\r\n")
    assert sum(line == b"BEGIN:VEVENT" for line in lines) == 2
    assert max(len(line) for line in lines) <= 75


def library_events(catalogue, record: m.Provider, course: m.Course, lang: str, site_url: str) -> list[bytes]:
    """The same events written by the icalendar library, property by property: the oracle for
    calendars.py's own writer (the library took most of a city build's time)."""
    from icalendar import Event

    stamp = dt.datetime.combine(record.last_verified or calendars.catalogue_date(catalogue), dt.time(), dt.UTC)
    dates = calendars.status.class_dates(course, record.term_of(course))
    window = calendars.status.window(course, record.term_of(course))
    zone = calendars.JIAXING
    local = lambda day, clock: dt.datetime.combine(day, dt.time(*map(int, clock.split(":"))), zone)  # noqa: E731
    url = f"{site_url}providers/{record.id}/#course-{course.id}"
    days = [calendars.status.WEEKDAYS.index(d) for d in course.schedule.days]
    first = min(dates.start + dt.timedelta(days=(d - dates.start.weekday()) % 7) for d in days)
    classes = Event()
    classes.add("uid", f"{record.id}/{course.id}@{HOST}")
    classes.add("dtstamp", stamp)
    classes.add("summary", course.title.get(lang))
    classes.add("dtstart", local(first, course.schedule.start))
    classes.add("dtend", local(first, course.schedule.end))
    until = local(dates.end, course.schedule.end).astimezone(dt.UTC)
    classes.add("rrule", {"freq": "weekly", "byday": [calendars.BYDAY[d.value] for d in course.schedule.days], "until": until})
    for day in sorted(course.schedule.except_dates):
        classes.add("exdate", local(day, course.schedule.start))
    classes.add("location", calendars._location(catalogue, record, course, lang))
    classes.add("url", url)
    about = course.description.get(lang) if course.description else ""
    classes.add("description", f"{record.name.get(lang)}\n{about}".strip())
    if course.status is m.CourseStatus.cancelled:
        classes.add("status", "CANCELLED")
    enrolment = Event()
    enrolment.add("uid", f"{record.id}/{course.id}/enrolment@{HOST}")
    enrolment.add("dtstamp", stamp)
    enrolment.add("summary", calendars.t("calendar.enrolment", lang, title=course.title.get(lang)))
    enrolment.add("dtstart", window.opens)
    enrolment.add("dtend", window.closes + dt.timedelta(days=1))
    enrolment.add("url", url)
    enrolment.add("transp", "TRANSPARENT")
    return [classes.to_ical(), enrolment.to_ical()]


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"title": {"zh": HOSTILE_LINE, "en": HOSTILE_LINE}, "description": {"zh": HOSTILE, "en": HOSTILE}},
        {"title": {"zh": "长" * 60, "en": "x\\" * 40}, "description": {"zh": "甲,乙;丙\\丁^" * 20}},
        {"status": "cancelled"},
    ],
    ids=["holidays", "hostile", "long", "cancelled"],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_events_are_the_bytes_icalendar_writes(catalogue, changes, lang):
    record = provider(**changes)
    cat, course = with_provider(catalogue, record), record.courses[0]
    site_url = SITE + ("en/" if lang == "en" else "")
    assert calendars.course_events(cat, record, course, lang, site_url) == library_events(cat, record, course, lang, site_url)


def test_control_a_changed_property_is_not_the_libraries_bytes(catalogue):
    record = provider()
    ours = calendars.course_events(with_provider(catalogue, record), record, record.courses[0], "zh", SITE)
    other = provider(schedule={**record.courses[0].schedule.model_dump(mode="json"), "except_dates": ["2026-10-01"]})
    assert ours != library_events(with_provider(catalogue, other), other, other.courses[0], "zh", SITE)


def test_a_provider_calendar_holds_each_class_and_enrolment_window(catalogue):
    record = catalogue.providers["jiaxing-city-university"]
    found = events(calendars.provider_calendar(catalogue, record, "zh", SITE))
    uids = [str(e["UID"]) for e in found]
    assert len(uids) == len(set(uids)) and len(uids) >= len(record.courses)
    assert {f"jiaxing-city-university/{c.id}@{HOST}" for c in record.courses} <= set(uids)
    assert all(isinstance(e.decoded("DTSTART"), dt.datetime) == ("RRULE" in e) for e in found)  # classes timed, enrolment all day


def test_a_county_calendar_holds_each_last_day_of_enrolment(catalogue):
    county = catalogue.counties["nanhu"]
    found = events(calendars.deadlines_calendar(catalogue, county, "en", SITE + "en/"))
    expected = [
        (p.id, c.id)
        for p in catalogue.providers.values()
        if catalogue.county_of(p.region) is county
        for c in p.courses
        if calendars.status.window(c, p.term_of(c)).closes
    ]
    assert len(found) == len(expected) > 0
    assert {str(e["UID"]) for e in found} == {f"{p}/{c}/enrolment-closes@{HOST}" for p, c in expected}
    assert all(type(e.decoded("DTSTART")) is dt.date for e in found)


# --- JSON-LD -----------------------------------------------------------------------------------


def test_script_json_cannot_end_its_script():
    shown = structured.script_json({"name": HOSTILE})
    assert "<" not in shown and ">" not in shown and "&" not in shown
    assert json.loads(shown) == {"name": HOSTILE}
    soup = BeautifulSoup(f'<script type="application/ld+json">{shown}</script><p id="after">x</p>', "html.parser")
    assert json.loads(soup.script.string) == {"name": HOSTILE} and soup.find(id="after")


def test_control_plain_json_would_end_the_script():
    raw = json.dumps({"name": HOSTILE}, ensure_ascii=False)
    soup = BeautifulSoup(f'<script type="application/ld+json">{raw}</script>', "html.parser")
    with pytest.raises(json.JSONDecodeError):
        json.loads(soup.script.string)


def test_a_provider_is_an_organisation_with_a_course_node_per_course(catalogue):
    record = catalogue.providers["jiaxing-city-university"]
    page = SITE + "en/providers/jiaxing-city-university/"
    graph = structured.provider_graph(catalogue, record, "en", page)["@graph"]
    organisation, courses = graph[0], [n for n in graph if n["@type"] == "Course"]
    assert organisation["@type"] == "EducationalOrganization" and organisation["name"] == "Jiaxing City University"
    assert [c["@id"] for c in courses] == [f"{page}#course-{c.id}" for c in record.courses]
    venues = {f"{SITE}en/venues/{v}/#venue" for v in catalogue.venues}
    for node, course in zip(courses, record.courses, strict=True):
        assert node["provider"] == {"@id": organisation["@id"]} and node["name"] == course.title.en
        offer = node["offers"][0]
        assert offer["priceCurrency"] == "CNY" and offer["price"] == course.fee.amount
        assert offer["category"] == ("Free" if course.fee.amount == 0 else "Paid")
        instance = node["hasCourseInstance"][0]
        schedule = instance["courseSchedule"]
        assert instance["courseMode"] in {"Onsite", "Online", "Blended"}
        location = instance["location"]  # a named room in the provider's premises, the provider itself, or a venue
        assert (
            (location["name"] == course.place.en and location["containedInPlace"])
            if course.place
            else location["@id"] in {"#provider"} | venues
        )
        assert schedule["repeatFrequency"] == "P1W" and schedule["scheduleTimezone"] == "Asia/Shanghai"
        assert schedule["startTime"] == course.schedule.start and schedule["endTime"] == course.schedule.end
        assert len(schedule["byDay"]) == len(course.schedule.days) and schedule["startDate"] <= schedule["endDate"]


def test_a_venue_has_its_type_hours_and_closures(catalogue):
    venue = m.Venue.model_validate(
        {
            "id": "nanhu-museum",
            "kind": "museum",
            "name": {"zh": "南湖博物馆"},
            "region": "nanhu",
            "address": {"zh": "路 1 号"},
            "opening_hours": [
                {"days": ["tue", "wed"], "opens": "09:00", "closes": "17:00"},
                {"days": ["sat"], "opens": "10:00", "closes": "16:00"},
            ],
            "closures": [{"dates": {"start": "2026-10-01", "end": "2026-10-07"}, "reason": {"zh": "国庆", "en": "National Day"}}],
            "admission": {"free": True},
            "booking": {"required": False},
        }
    )
    cat = catalogue
    node = structured.venue_node(cat, venue, "en", SITE + "en/venues/nanhu-museum/")
    assert node["@type"] == "Museum" and node["isAccessibleForFree"] is True
    assert [h["dayOfWeek"] for h in node["openingHoursSpecification"]] == [
        ["https://schema.org/Tuesday", "https://schema.org/Wednesday"],
        ["https://schema.org/Saturday"],
    ]
    assert node["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-10-01",
            "validThrough": "2026-10-07",
            "opens": "00:00",
            "closes": "00:00",
            "description": "National Day",
        }
    ]
    library = structured.venue_node(cat, venue.model_copy(update={"kind": m.VenueKind.library_branch}), "en", SITE)
    assert library["@type"] == "Library"


# --- the data package ------------------------------------------------------------------------


def write_package(catalogue, folder: Path) -> Path:
    for name, content in datapackage.files(catalogue, SITE, D("2026-11-29"), exports.catalogue_json(catalogue)).items():
        (folder / name).write_bytes(content)
    return folder / "datapackage.json"


def test_the_package_is_valid_frictionless_with_keys_and_a_bom(catalogue, tmp_path):
    path = write_package(catalogue, tmp_path)
    report = Package(str(path)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    described = json.loads(path.read_text(encoding="utf-8"))
    courses = next(r for r in described["resources"] if r["name"] == "courses")
    assert {fk["reference"]["resource"] for fk in courses["schema"]["foreignKeys"]} == {"providers", "venues"}
    assert described["licenses"][0]["name"] == "CC-BY-4.0" and described["modified"] == "2026-11-15"
    for table in datapackage.TABLES:
        content = (tmp_path / table.path).read_bytes()
        assert content.startswith(b"\xef\xbb\xbf" + b"id,")
    rows = (tmp_path / "courses.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) - 1 == sum(len(p.courses) for p in catalogue.providers.values())


@pytest.mark.parametrize("damage", ["unknown provider", "status out of range"])
def test_control_a_broken_key_or_value_makes_the_package_invalid(catalogue, tmp_path, damage):
    path = write_package(catalogue, tmp_path)
    courses = tmp_path / "courses.csv"
    text = courses.read_text(encoding="utf-8-sig")
    first = text.splitlines()[1]
    if damage == "unknown provider":
        broken = first.replace("," + first.split(",")[1] + ",", ",no-such-provider,", 1)
    else:
        broken = first.replace(",closed,", ",maybe,", 1).replace(",open,", ",maybe,", 1)
    assert broken != first
    courses.write_bytes(("\ufeff" + text.replace(first, broken)).encode("utf-8"))
    described = json.loads(path.read_text(encoding="utf-8"))
    for resource in described["resources"]:  # the damage is the test's, not a size or hash mismatch
        resource.pop("hash"), resource.pop("bytes")
    path.write_text(json.dumps(described), encoding="utf-8")
    report = Package(str(path)).validate()
    assert not report.valid
    types = {error[0] for error in report.flatten(["type"])}
    assert types & {"foreign-key", "constraint-error"}, types


def test_the_data_page_lists_every_field_of_every_table(catalogue):
    for lang, base, root in (("zh", "../", "../"), ("en", "../", "../../")):
        html = datapackage.page(catalogue, lang, base, root, SITE + ("en/" if lang == "en" else ""), templates=TEMPLATES)
        soup = BeautifulSoup(html, "html.parser")
        for table in datapackage.TABLES:
            shown = [row.code.get_text() for row in soup.select(f'table[data-table="{table.name}"] tbody tr')]
            assert shown == [field["name"] for field in table.schema()["fields"]]
            assert soup.select_one(f'a[href="{root}data/{table.path}"]')
        dataset = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert dataset["@type"] == "Dataset" and dataset["license"] == datapackage.LICENCE["path"]
        assert {d["contentUrl"] for d in dataset["distribution"]} >= {SITE + "data/courses.csv", SITE + "data/datapackage.json"}


# What spreadsheets take for a formula (OWASP "CSV Injection"), and text that only looks near it.
FORMULAS = [
    '=HYPERLINK("http://evil.example/","点我")',
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "＝1+1",
    "－1+cmd|' /C calc'!A0",
]
NOT_FORMULAS = ["+86 573 8222 1234", "0573-8222 1234 转 8", "-5", "太极拳 = 健康", "a@b", "1+1"]


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.parametrize("text", FORMULAS)
def test_a_text_cell_a_spreadsheet_reads_as_a_formula_gets_a_quote_in_every_table(text):
    columns = [(table.name, column) for table in datapackage.TABLES for column in table.columns if column.type == "string"]
    assert len(columns) > 60  # every text column of every CSV the site writes
    for table, column in columns:
        assert replace(column, value=lambda row: text).cell(None) == "'" + text, (table, column.name)


@pytest.mark.parametrize("text", NOT_FORMULAS)
def test_control_a_phone_a_number_and_plain_text_are_written_as_they_are(text):
    for table in datapackage.TABLES:
        for column in table.columns:
            assert replace(column, value=lambda row: text).cell(None) == text


def test_a_course_title_and_a_team_contact_that_are_formulas_reach_the_csv_as_text(catalogue):
    record = provider(title={"zh": FORMULAS[0], "en": FORMULAS[2]})
    team = next(iter(catalogue.teams.values()))
    team = team.model_copy(update={"contact": team.contact.model_copy(update={"name": m.Text(zh="王老师", en=FORMULAS[1])})})
    hostile = replace(with_provider(catalogue, record), teams={**catalogue.teams, team.id: team})
    courses = csv_rows(datapackage.table_csv(datapackage.COURSES, hostile, SITE, D("2026-11-29")))
    row = next(r for r in courses if r["provider"] == record.id)
    assert (row["title_zh"], row["title_en"]) == ("'" + FORMULAS[0], "'" + FORMULAS[2])
    teams = csv_rows(datapackage.table_csv(datapackage.TEAMS, hostile, SITE, D("2026-11-29")))
    assert next(r for r in teams if r["id"] == team.id)["contact_name_en"] == "'" + FORMULAS[1]
    plain = csv_rows(datapackage.table_csv(datapackage.COURSES, catalogue, SITE, D("2026-11-29")))
    assert not any(cell.startswith("'") for r in plain for cell in r.values())  # control: the shipped catalogue is untouched


# --- the feed ----------------------------------------------------------------------------------


def git(folder: Path, *args: str, when: str = "2026-11-01T10:00:00+08:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def course_yaml(course_id: str, title: str, capacity: int = 20, extra: str = "") -> str:
    return f"  - id: {course_id}\n    title:\n      zh: '{title}'\n      en: '{title}'\n    capacity: {capacity}\n{extra}"


@pytest.fixture
def history_repo(tmp_path) -> Path:
    """A catalogue folder in git: one commit adds three courses, the next changes, removes, adds and cancels."""
    repo = tmp_path / "repo"
    providers = repo / "catalogue" / "providers"
    providers.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (providers / "demo.yml").write_text(
        "id: demo\ncourses:\n" + course_yaml("a", "甲") + course_yaml("b", "乙") + course_yaml("d", "丁"), encoding="utf-8"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    (providers / "demo.yml").write_text(
        "id: demo\ncourses:\n"
        + course_yaml("a", "甲", 30)
        + course_yaml("c", HOSTILE.replace("'", "''").replace("\r\n", " "))
        + course_yaml("d", "丁", extra="    status: cancelled\n"),
        encoding="utf-8",
    )
    git(repo, "commit", "-q", "-am", "second", when="2026-11-20T09:30:00+08:00")
    return repo / "catalogue"


def test_history_gives_added_changed_and_withdrawn_with_commit_dates(history_repo):
    changes = feed.history(history_repo)
    second = dt.datetime(2026, 11, 20, 9, 30, tzinfo=JIAXING)
    first = dt.datetime(2026, 11, 1, 10, 0, tzinfo=JIAXING)
    got = {(c.course, c.kind, c.when) for c in changes}
    assert got == {
        ("a", "changed", second),
        ("b", "withdrawn", second),
        ("c", "added", second),
        ("d", "withdrawn", second),
        ("a", "added", first),
        ("b", "added", first),
        ("d", "added", first),
    }
    assert next(c for c in changes if c.course == "b").title.zh == "乙"  # a withdrawn course keeps its last title


def test_the_feed_parses_with_stable_ids_and_data_dates(catalogue, history_repo):
    zh = feedparser.parse(feed.feed(catalogue, history_repo, "zh", SITE))
    again = feedparser.parse(feed.feed(catalogue, history_repo, "zh", SITE))
    en = feedparser.parse(feed.feed(catalogue, history_repo, "en", SITE + "en/"))
    assert not zh.bozo and not en.bozo
    for parsed in (zh, again, en):  # the courses' changes; the catalogue's learning events follow them (tests/test_events.py)
        parsed.entries = [e for e in parsed.entries if e.tags[0].term != "event"]
    assert len(zh.entries) == 7 and [e.id for e in zh.entries] == [e.id for e in again.entries] == [e.id for e in en.entries]
    assert len({e.id for e in zh.entries}) == 7 and all(e.id.startswith(f"tag:{HOST},2026-11-") for e in zh.entries)
    assert zh.feed.updated == "2026-11-20T09:30:00+08:00"  # the commit's date, never the build's
    withdrawn = [e for e in en.entries if e.tags[0].term == "withdrawn"]
    assert {e.title for e in withdrawn} == {"Course withdrawn: 乙", "Course withdrawn: 丁"}
    hostile = next(e for e in en.entries if "added" in e.id and "/c/" in e.id)
    assert hostile.title == "New course: " + HOSTILE.replace("\r\n", " ")


def test_control_without_history_the_feed_comes_from_the_records(catalogue, tmp_path):
    assert feed.history(tmp_path) is None
    parsed = feedparser.parse(feed.feed(catalogue, tmp_path, "en", SITE + "en/"))
    courses = sum(len(p.courses) for p in catalogue.providers.values())
    assert not parsed.bozo and len(parsed.entries) == min(
        feed.FEED_SIZE, courses + len(catalogue.events)
    )  # learning events too (test_events.py)
    newest = max(r.last_verified for r in (*catalogue.providers.values(), *catalogue.events.values()))  # events: entries too
    assert parsed.feed.updated.startswith(newest.isoformat())


def alias_bomb(depth: int) -> str:
    """YAML lines whose last alias expands to 9**depth copies of "lol": PyYAML builds it, str() prints it."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{n}: &l{n} [{','.join([f'*l{n - 1}'] * 9)}]" for n in range(1, depth + 1)]
    return "\n".join(lines) + "\n"


# Past versions a branch's earlier commit can leave in main's history (only its last commit is validated).
HOSTILE_VERSIONS = {
    "alias bomb": alias_bomb(4) + "id: demo\ncourses:\n  - id: b\n    title:\n      zh: *l4\n    capacity: 20\n",
    "title a long list": "id: demo\ncourses:\n  - id: b\n    title:\n      zh: [" + ",".join(["lol"] * 20_000) + "]\n",
    "title a mapping": "id: demo\ncourses:\n  - id: b\n    title: {zh: {a: " + "x" * 50_000 + "}}\n",
    "id not an id": "id: demo\ncourses:\n  - id: {a: b}\n    title: {zh: 乙}\n",
    "a tag": "id: demo\ncourses:\n  - id: b\n    title: {zh: !!binary aGVsbG8=}\n",
}


def old_titles(text: str) -> list[str]:
    """How the feed read a past version before: PyYAML with aliases, and str() of the title."""
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return [str((c.get("title") or {}).get("zh") if isinstance(c.get("title"), dict) else c.get("title")) for c in data["courses"]]


@pytest.fixture
def hostile_history(tmp_path, request) -> Path:
    """A valid first commit; a branch's first commit with a hostile version; its last commit valid again."""
    repo = tmp_path / "repo"
    providers = repo / "catalogue" / "providers"
    providers.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    demo = providers / "demo.yml"
    demo.write_text("id: demo\ncourses:\n" + course_yaml("a", "甲"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    demo.write_bytes(HOSTILE_VERSIONS[request.param].encode("utf-8"))
    git(repo, "commit", "-q", "-am", "hostile", when="2026-11-10T10:00:00+08:00")
    demo.write_text("id: demo\ncourses:\n" + course_yaml("a", "甲") + course_yaml("b", "乙"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "valid again", when="2026-11-20T10:00:00+08:00")
    return repo / "catalogue"


@pytest.mark.parametrize("hostile_history", list(HOSTILE_VERSIONS), indirect=True)
def test_a_hostile_past_version_is_skipped_counted_and_never_shown(catalogue, hostile_history, caplog):
    caplog.set_level("INFO", logger="mkdocs.plugins.learning_city.feed")
    past = feed.read_history(hostile_history)
    hostile = subprocess.run(["git", "-C", str(hostile_history), "rev-parse", "HEAD^"], capture_output=True, text=True).stdout.strip()
    assert past.skipped == [f"{hostile}:catalogue/providers/demo.yml"]  # read once, counted once
    assert f"{hostile}:catalogue/providers/demo.yml" in caplog.text
    assert past.changes is not None and [(c.course, c.kind) for c in past.changes] == [("a", "added")]  # the valid first commit
    title = m.Course.model_fields["title"].annotation
    assert all(isinstance(c.title, title) for c in past.changes)  # what the model lets a title be
    xml = feed.feed(catalogue, hostile_history, "zh", SITE)
    assert len(xml) < 200_000 and not feedparser.parse(xml).bozo


@pytest.mark.parametrize("name", [n for n in HOSTILE_VERSIONS if n not in ("id not an id", "a tag")])
def test_control_read_as_before_a_hostile_version_is_a_huge_title(name):
    assert max(len(title) for title in old_titles(HOSTILE_VERSIONS[name])) > 50_000  # 9**4 copies of "'lol'" for the bomb
