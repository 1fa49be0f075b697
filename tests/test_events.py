"""Events (issue 22 item 1), tested as readers use them: the events page of the built site in both
languages (this week, by month, past; each event's facts and links), its calendars read back with
icalendar, its JSON-LD, the feed, events.csv and the search records ("only this week" in Chromium is
in tests/test_browser.py, beside the finder's filters). Most checks read the session's built site (conftest `site`) or call the plain functions;
each has its control, an input or page without the behaviour, which the same check must reject."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from zoneinfo import ZoneInfo

import feedparser
import pytest
from conftest import CATALOGUE, TEMPLATES
from icalendar import Calendar

from learning_city.data import events as data_events
from learning_city.data.loader import load
from learning_city.data.model import EventKind, Mode
from learning_city.i18n import t
from learning_city.site import events, feed

LANGS = {"zh": "", "en": "en/"}
BUILT = dt.date(2026, 11, 29)  # conftest's SOURCE_DATE_EPOCH, in Jiaxing
SITE = "https://learning-city.example.org/"
JIAXING = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(CATALOGUE)
    assert found is not None, problems
    return found


def page_of(site, lang: str) -> str:
    return (site / LANGS[lang] / "events" / "index.html").read_text(encoding="utf-8")


def section(html: str, event_id: str) -> str:
    part = html[html.index(f'id="{events.event_anchor(event_id)}"') :]
    return part[: part.index("</section>")]


def anchors(html: str) -> list[str]:
    return re.findall(r'<h[34] id="event-([a-z0-9-]+)"', html)


# --- the sample data and the week ------------------------------------------------------------------


def test_the_sample_has_a_learning_week_across_counties_and_events_before_and_after_it(catalogue):
    every = list(catalogue.events.values())
    week = [e for e in every if e.kind is EventKind.learning_week]
    assert all(e.sample for e in every) and len(week) >= 4
    assert len({catalogue.county_of(e.region).id for e in every}) >= 5
    # the pinned build day sees some events this week, one later and one past: every list has something to show
    assert 0 < len(data_events.this_week(every, BUILT)) < len(data_events.upcoming(every, BUILT)) < len(every)
    assert data_events.past(every, BUILT)


# --- the page in both languages ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_lists_upcoming_events_by_month_then_the_past_and_marks_this_week(site, catalogue, lang):
    html = page_of(site, lang)
    assert re.search(r'<html lang="([a-z]+)', html).group(1) == lang
    every = list(catalogue.events.values())
    upcoming, past = data_events.upcoming(every, BUILT), data_events.past(every, BUILT)
    assert anchors(html) == [e.id for e in upcoming + past]  # control: past events are not before upcoming ones
    before, after = html.split('id="past"')
    assert all(f'id="event-{e.id}"' in before for e in upcoming) and all(f'id="event-{e.id}"' in after for e in past)
    months = re.findall(r'<h3 class="lc-month[^"]*">([^<]+)</h3>', html)
    assert months == (["2026年11月", "2026年12月"] if lang == "zh" else ["November 2026", "December 2026"])
    now = set(re.findall(r'class="lc-event[^"]* lc-now" aria-labelledby="event-([a-z0-9-]+)"', html))
    assert now == {e.id for e in data_events.this_week(every, BUILT)} and len(now) == 5
    assert "haiyan-museum-open-day" not in now  # control: an upcoming event three weeks on is not this week
    # the week's label names the build's week, never the clock's
    assert ("2026年11月29日 至 2026年12月5日" if lang == "zh" else "29 November 2026 to 5 December 2026") in html


def test_an_event_shows_when_where_who_and_how_to_join_with_safe_links(site, catalogue):
    en, zh = page_of(site, "en"), page_of(site, "zh")
    opening = section(en, "jiaxing-learning-week-opening")
    for shown in (
        "30 November 2026 09:00–11:00",
        'href="../venues/jiaxing-library/"',
        ">everyone</dd>",
        "Free · No booking needed",
        'href="tel:0573-0000-0201"',
        "Lifelong Learning for All Activity Week",
        "Sample data",
        'href="../calendars/events/jiaxing-learning-week-opening.ics"',
    ):
        assert shown in opening, shown
    assert 'class="lc-event lc-learning-week lc-now" aria-labelledby="event-jiaxing-learning-week-opening"' in en
    online = section(en, "haining-learning-week-online-lecture")
    event = catalogue.events["haining-learning-week-online-lecture"]
    for shown in (
        f'href="{event.online_url}" rel="noopener noreferrer"',
        f'href="{event.join.url}" rel="noopener noreferrer"',
        'href="../providers/haining-community-college/"',
        "Booking required",
        "older people",
    ):
        assert shown in online, shown
    fair = section(zh, "jiashan-learning-week-fair")
    assert "2026年12月1日 至 2026年12月3日，每天 09:00–16:00" in fair
    open_day = section(en, "haiyan-museum-open-day")
    assert "Lifelong Learning for All Activity Week" not in open_day  # control: not a learning-week event, no badge
    assert all(
        re.match(r"https?://|tel:|\.\./|#", href) for href in re.findall(r'href="([^"]+)"', en.split('class="lc-directory lc-events"')[1])
    )


def test_event_text_is_escaped_and_untranslated_text_is_marked(catalogue):
    event = catalogue.events["pinghu-learning-week-smartphone-workshop"]
    hostile = event.model_copy(update={"name": event.name.model_copy(update={"zh": "<script>alert(1)</script>手机课", "en": None})})
    changed = dataclasses.replace(catalogue, events={**catalogue.events, event.id: hostile})
    html = events.page(changed, "en", "../", BUILT, templates=TEMPLATES)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;手机课" in html
    assert '<span lang="zh">&lt;script&gt;' in html and "not yet translated" in section(html, event.id)
    control = events.page(catalogue, "en", "../", BUILT, templates=TEMPLATES)
    assert '<span lang="zh">' not in section(control, event.id).split("</h4>")[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_week_without_events_offers_no_filter_that_would_empty_the_page(catalogue, lang):
    """The "only this week" box is offered when this week has events; in a week without any the page
    says so instead (a ticked box would leave "Coming up" with nothing under it)."""
    quiet = max(e.end_date or e.date for e in catalogue.events.values()) + dt.timedelta(days=30)
    assert not data_events.this_week(catalogue.events.values(), quiet)
    html = events.page(catalogue, lang, "../", quiet, templates=TEMPLATES)
    assert 'id="e-this-week"' not in html and t("events.none_this_week", lang) in html
    busy = events.page(catalogue, lang, "../", BUILT, templates=TEMPLATES)  # control: the build day's week has events
    assert 'id="e-this-week"' in busy and t("events.none_this_week", lang) not in busy


# --- calendars ------------------------------------------------------------------------------------------


def test_the_calendars_parse_with_local_times_in_jiaxing(site, catalogue):
    whole = Calendar.from_ical((site / events.ALL_CALENDAR).read_bytes())
    found = {str(e["UID"]).split("/")[1].split("@")[0]: e for e in whole.walk("VEVENT")}
    assert sorted(found) == sorted(catalogue.events)
    assert [str(z["TZID"]) for z in whole.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    for event_id, ical in found.items():
        event = catalogue.events[event_id]
        start, end = ical.decoded("DTSTART"), ical.decoded("DTEND")
        assert start == dt.datetime.combine(event.date, dt.time.fromisoformat(event.start), JIAXING)
        assert end == dt.datetime.combine(event.date, dt.time.fromisoformat(event.end), JIAXING)
        assert start.utcoffset() == dt.timedelta(hours=8)  # control: a floating or UTC time would not be 8 hours ahead
        assert str(ical["URL"]).endswith("events/#" + events.event_anchor(event_id))
    fair = found["jiashan-learning-week-fair"]
    until = fair["RRULE"]["UNTIL"][0]
    assert until.astimezone(JIAXING) == dt.datetime(2026, 12, 3, 16, 0, tzinfo=JIAXING)  # three days, each 09:00–16:00
    assert "RRULE" not in found["jiaxing-learning-week-opening"]  # control: a one-day event does not repeat
    single = Calendar.from_ical((site / "en" / events.calendar_path("jiaxing-learning-week-opening")).read_bytes())
    assert len(single.walk("VEVENT")) == 1 and single.walk("VTIMEZONE")  # its TZID is defined in the file (RFC 5545 3.2.19)
    assert str(single.walk("VEVENT")[0]["SUMMARY"]) == catalogue.events["jiaxing-learning-week-opening"].name.en


# --- JSON-LD, feed, open data, search ------------------------------------------------------------------


def test_the_page_describes_each_event_as_a_schema_org_event(site, catalogue):
    html = page_of(site, "en")
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    nodes = [n for b in blocks for n in b.get("@graph", [b]) if n.get("@type") == "Event"]
    assert len(nodes) == len(catalogue.events)
    opening = next(n for n in nodes if n["@id"].endswith("#event-jiaxing-learning-week-opening"))
    assert opening["startDate"] == "2026-11-30T09:00:00+08:00" and opening["endDate"] == "2026-11-30T11:00:00+08:00"
    assert opening["location"][0]["url"].endswith("/en/venues/jiaxing-library/") and opening["isAccessibleForFree"] is True
    online = next(n for n in nodes if n["@id"].endswith("#event-haining-learning-week-online-lecture"))
    assert online["eventAttendanceMode"].endswith("OnlineEventAttendanceMode") and online["location"][0]["@type"] == "VirtualLocation"
    teams_page = (site / "en" / "teams" / "index.html").read_text(encoding="utf-8")
    assert '"Event"' not in teams_page  # control: a page without events carries none


def test_the_feed_has_an_entry_per_event_linked_to_its_anchor(site, catalogue, tmp_path):
    parsed = feedparser.parse(feed.feed(catalogue, tmp_path, "en", SITE + "en/"))
    entries = [e for e in parsed.entries if e.tags[0].term == "event"]
    assert not parsed.bozo and len(entries) == len(catalogue.events)
    assert len(parsed.entries) > len(entries)  # control: the courses' entries are still there, and not events
    html = page_of(site, "en")
    for entry in entries:
        assert entry.link.startswith(SITE + "en/events/#") and f'id="{entry.link.split("#")[1]}"' in html
    opening = next(e for e in entries if e.link.endswith("jiaxing-learning-week-opening"))
    assert opening.title == "Learning event: Opening of the Jiaxing Lifelong Learning for All Activity Week"
    assert opening.updated.startswith("2026-11-20")  # the record's check date, never the clock


def test_events_csv_has_a_row_per_event_in_the_data_package(site, catalogue):
    rows = list(csv.DictReader(io.StringIO((site / "data" / "events.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == sorted(catalogue.events)
    fair = next(r for r in rows if r["id"] == "jiashan-learning-week-fair")
    assert (fair["date"], fair["last_day"], fair["start"], fair["end"], fair["county"]) == (
        "2026-12-01",
        "2026-12-03",
        "09:00",
        "16:00",
        "jiashan",
    )
    for row in rows:
        path = row["event_calendar_en"].removeprefix(SITE)
        assert (site / path).is_file(), path
        assert row["url_zh"] == SITE + "events/#event-" + row["id"]
        assert row["online_url"] == (catalogue.events[row["id"]].online_url or "")
    online = [r["id"] for r in rows if r["mode"] == Mode.online.value]
    assert online == ["haining-learning-week-online-lecture"]  # control: in-person events are not online
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    described = next(r for r in package["resources"] if r["name"] == "events")
    assert [f["name"] for f in described["schema"]["fields"]] == list(rows[0])
    assert len(json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))["events"]) == len(catalogue.events)


@pytest.mark.parametrize("lang", LANGS)
def test_each_event_is_a_search_result_that_lands_on_its_anchor(site, catalogue, lang):
    records = events.search_records(catalogue, lang)
    assert len(records) == len(catalogue.events)
    html = page_of(site, lang)
    for record in records:
        assert record["url"] == "/" + LANGS[lang] + "events/#" + record["url"].split("#")[1]
        assert f'id="{record["url"].split("#")[1]}"' in html and record["meta"]["title"] in record["content"]
    week = next(r for r in records if r["url"].endswith("jiaxing-learning-week-opening"))
    other = next(r for r in records if r["url"].endswith("haiyan-museum-open-day"))
    word = "全民终身学习活动周" if lang == "zh" else "Lifelong Learning for All Activity Week"
    assert word in week["content"] and word not in other["content"]  # control: only the learning week's events
