"""Calendars (RFC 5545) of classes and enrolment, so a reader can put a course in the phone's calendar.

A class is one weekly recurring event (RRULE with UNTIL from the course's dates, EXDATE for its
holidays, local times in Asia/Shanghai with the zone's VTIMEZONE); enrolment is an all-day event.
Nothing here reads the clock: UIDs come from ids and the site's host, DTSTAMP from the record's
last-verified date (else the catalogue's), so two builds of one commit give the same bytes.

The events are written by the few lines below (`_line`: the RFC's text escaping and 75-octet
folding) rather than by the `icalendar` library: at city scale a build writes 40,000 events per
language, and the library took about 26 s of CPU for them, most of it folding each line one
character at a time. Their bytes are the library's, property for property (tests/test_open_data.py
writes each event both ways); the library still makes the zone's VTIMEZONE and reads every
calendar back in the tests.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from urllib.parse import urlsplit

from icalendar import Timezone

from learning_city.data import status
from learning_city.data.catalogue import Catalogue
from learning_city.data.model import County, Course, CourseStatus, Provider, Venue
from learning_city.data.today import JIAXING
from learning_city.i18n import t
from learning_city.site.incremental import made
from learning_city.site.text import course_anchor, provider_url

TZID = "Asia/Shanghai"
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
ONE_DAY = dt.timedelta(days=1)


def provider_path(provider_id: str) -> str:
    """Where a provider's calendar lives, relative to the language's root."""
    return f"calendars/providers/{provider_id}.ics"


def course_path(provider_id: str, course_id: str) -> str:
    return f"calendars/courses/{provider_id}/{course_id}.ics"


def deadlines_path(county_id: str) -> str:
    return f"calendars/deadlines/{county_id}.ics"


def host(site_url: str) -> str:
    """The site's host, the right-hand side of every UID."""
    return urlsplit(site_url).hostname or "localhost"


def uid(provider: Provider, course: Course, site_url: str, part: str = "") -> str:
    """`<provider>/<course>@<host>` for the classes; `<provider>/<course>/<part>@<host>` for enrolment."""
    return f"{provider.id}/{course.id}{'/' + part if part else ''}@{host(site_url)}"


def catalogue_date(catalogue: Catalogue) -> dt.date:
    """The catalogue's own date: the latest day a record was checked, else the policy's issue date."""
    records: list[Provider | Venue] = [*catalogue.providers.values(), *catalogue.venues.values()]
    days = [r.last_verified for r in records if r.last_verified]
    return max(days, default=catalogue.policy.issued)


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _local(day: dt.date, clock: str) -> dt.datetime:
    hour, minute = map(int, clock.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), JIAXING)


def _course_url(site_url: str, provider: Provider, course: Course) -> str:
    return provider_url(site_url, provider.id) + "#" + course_anchor(course.id)


def _location(catalogue: Catalogue, provider: Provider, course: Course, lang: str) -> str:
    venue = catalogue.venues.get(course.venue) if course.venue else None
    parts = [course.place.get(lang) if course.place else None]
    parts += [venue.name.get(lang), venue.address.get(lang)] if venue else [provider.name.get(lang), provider.address.get(lang)]
    return ", ".join(p for p in parts if p)


def class_event(catalogue: Catalogue, provider: Provider, course: Course, lang: str, site_url: str, stamp: dt.date) -> bytes | None:
    """The course's meetings as one weekly event; None when the course has no dates to bound it."""
    dates = status.class_dates(course, provider.term_of(course))
    wanted = {status.WEEKDAYS.index(day) for day in course.schedule.days}
    first = next((day for day in status.days(dates) if day.weekday() in wanted), None) if dates else None
    if first is None or dates is None:
        return None
    schedule = course.schedule
    until = _local(dates.end, schedule.end).astimezone(dt.UTC)  # UNTIL is UTC when DTSTART has a zone (RFC 5545 3.3.10)
    about = course.description.get(lang) if course.description else ""
    return _event(
        ("SUMMARY", _text(course.title.get(lang))),
        ("DTSTART;TZID=" + TZID, _clock(_local(first, schedule.start))),
        ("DTEND;TZID=" + TZID, _clock(_local(first, schedule.end))),
        ("DTSTAMP", _clock(_stamp(stamp))),
        ("UID", _text(uid(provider, course, site_url))),
        ("RRULE", f"FREQ=WEEKLY;UNTIL={_clock(until)};BYDAY={','.join(BYDAY[d.value] for d in schedule.days)}"),
        *(("EXDATE;TZID=" + TZID, _clock(_local(day, schedule.start))) for day in sorted(schedule.except_dates)),
        ("DESCRIPTION", _text(f"{provider.name.get(lang)}\n{about}".strip())),
        ("LOCATION", _text(_location(catalogue, provider, course, lang))),
        *((("STATUS", "CANCELLED"),) if course.status is CourseStatus.cancelled else ()),
        ("URL", _course_url(site_url, provider, course)),
    )


def _day_after(day: dt.date) -> dt.date:
    """The end of an all-day event (the day after, as the RFC counts). The model keeps every date
    far inside the calendar; this keeps the arithmetic from failing on the calendar's last day."""
    return day + ONE_DAY if day < dt.date.max else day


def enrolment_event(provider: Provider, course: Course, lang: str, site_url: str, stamp: dt.date) -> bytes | None:
    """The enrolment window as an all-day event (DTEND is the day after, as the RFC counts); None without dates."""
    days = status.window(course, provider.term_of(course))
    first, last = days.opens or days.closes, days.closes or days.opens
    if first is None or last is None:
        return None
    summary = t("calendar.enrolment", lang, title=course.title.get(lang))
    return _all_day(
        summary, first, _day_after(last), uid(provider, course, site_url, "enrolment"), stamp, _course_url(site_url, provider, course)
    )


def deadline_event(provider: Provider, course: Course, lang: str, site_url: str, stamp: dt.date) -> bytes | None:
    """The last day of enrolment, all day; None when enrolment has no closing date."""
    closes = status.window(course, provider.term_of(course)).closes
    if closes is None:
        return None
    summary = t("calendar.deadline", lang, title=course.title.get(lang), provider=provider.name.get(lang))
    return _all_day(
        summary,
        closes,
        _day_after(closes),
        uid(provider, course, site_url, "enrolment-closes"),
        stamp,
        _course_url(site_url, provider, course),
    )


def _all_day(summary: str, start: dt.date, end: dt.date, event_uid: str, stamp: dt.date, url: str) -> bytes:
    """Days to enrol in, not time taken (TRANSPARENT)."""
    return _event(
        ("SUMMARY", _text(summary)),
        ("DTSTART;VALUE=DATE", start.strftime("%Y%m%d")),
        ("DTEND;VALUE=DATE", end.strftime("%Y%m%d")),
        ("DTSTAMP", _clock(_stamp(stamp))),
        ("UID", _text(event_uid)),
        ("TRANSP", "TRANSPARENT"),
        ("URL", url),
    )


# --- RFC 5545 content lines ---------------------------------------------------------------------


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _clock(moment: dt.datetime) -> str:
    """DATE-TIME: local time of the event's TZID, or UTC with Z."""
    return moment.strftime("%Y%m%dT%H%M%SZ" if moment.tzinfo is dt.UTC else "%Y%m%dT%H%M%S")


def _line(name: str, value: str) -> str:
    """One content line, folded before 75 octets (RFC 5545 3.1) without splitting a character
    or an escape, as icalendar folds."""
    line = f"{name}:{value}"
    if len(line) < 75 and (line.isascii() or len(line.encode()) < 75):
        return line + "\r\n"
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode())
        if current and size + width >= 75:
            carried = [current.pop()] if len(current) > 1 and current[-1] in "\\^" else []
            parts.append("".join(current))
            current, size = carried, sum(len(c.encode()) for c in carried)
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def _event(*lines: tuple[str, str]) -> bytes:
    return ("BEGIN:VEVENT\r\n" + "".join(_line(name, value) for name, value in lines) + "END:VEVENT\r\n").encode()


@cache
def _timezone() -> bytes:
    """Asia/Shanghai's rules for the years a course can be in: one STANDARD part (China has kept
    +08:00 without summer time since 1992), not the full history the zone database holds."""
    return Timezone.from_tzid(TZID, first_date=dt.date(2000, 1, 1), last_date=dt.date(2100, 1, 1)).to_ical()


def _calendar(name: str, events: list[bytes], lang: str) -> bytes:
    """A VCALENDAR around events already written (each once, then shared by the course's and the
    provider's calendars), with the zone when an event's times are local."""
    head = "BEGIN:VCALENDAR\r\n" + "".join(
        _line(key, value)
        for key, value in (
            ("VERSION", "2.0"),
            ("PRODID", f"-//Jiaxing Learning City//{t('site.name', 'en')}//{lang.upper()}"),
            ("CALSCALE", "GREGORIAN"),
            ("X-WR-CALNAME", _text(name)),
            ("X-WR-TIMEZONE", TZID),
        )
    )
    zone = _timezone() if any(b";TZID=" in event for event in events) else b""  # a class, or an event (events.py)
    return head.encode() + zone + b"".join(events) + b"END:VCALENDAR\r\n"


def _stamp_of(catalogue: Catalogue, provider: Provider) -> dt.date:
    return provider.last_verified or catalogue_date(catalogue)


def course_events(catalogue: Catalogue, provider: Provider, course: Course, lang: str, site_url: str) -> list[bytes]:
    """The course's classes and its enrolment window, serialised."""
    stamp = _stamp_of(catalogue, provider)
    events = [class_event(catalogue, provider, course, lang, site_url, stamp), enrolment_event(provider, course, lang, site_url, stamp)]
    return [event for event in events if event is not None]


def provider_calendar(catalogue: Catalogue, provider: Provider, lang: str, site_url: str, events: dict | None = None) -> bytes:
    """Every class of the provider and every enrolment window."""
    events = events or {c.id: course_events(catalogue, provider, c, lang, site_url) for c in provider.courses}
    return _calendar(provider.name.get(lang), [e for course in provider.courses for e in events[course.id]], lang)


def course_calendar(
    catalogue: Catalogue, provider: Provider, course: Course, lang: str, site_url: str, events: list[bytes] | None = None
) -> bytes:
    """One course: its classes and its enrolment window, for the "add to calendar" link."""
    events = events if events is not None else course_events(catalogue, provider, course, lang, site_url)
    return _calendar(f"{course.title.get(lang)} · {provider.name.get(lang)}", events, lang)


def deadlines_calendar(catalogue: Catalogue, county: County, lang: str, site_url: str, piece=made) -> bytes:
    """The last day of enrolment of every course in a county, for one subscription per county
    (`piece`: each provider's events made, or kept, by incremental.Pieces)."""
    events = []
    for provider in sorted(catalogue.providers.values(), key=lambda p: p.id):
        if catalogue.county_of(provider.region) is county:
            events += piece(
                "deadlines", f"providers/{provider.id}.md", lambda provider=provider: deadline_events(catalogue, provider, lang, site_url)
            )
    return _calendar(t("calendar.deadlines_name", lang, county=county.name.get(lang)), events, lang)


def deadline_events(catalogue: Catalogue, provider: Provider, lang: str, site_url: str) -> list[bytes]:
    stamp = _stamp_of(catalogue, provider)
    events = [deadline_event(provider, course, lang, site_url, stamp) for course in provider.courses]
    return [event for event in events if event is not None]


def provider_calendars(catalogue: Catalogue, provider: Provider, lang: str, site_url: str) -> dict[str, bytes]:
    """A provider's calendar and one per course, by path: what one record's page links to."""
    events = {course.id: course_events(catalogue, provider, course, lang, site_url) for course in provider.courses}
    files = {provider_path(provider.id): provider_calendar(catalogue, provider, lang, site_url, events)}
    for course in provider.courses:
        files[course_path(provider.id, course.id)] = course_calendar(catalogue, provider, course, lang, site_url, events[course.id])
    return files


def county_calendars(catalogue: Catalogue, lang: str, site_url: str, piece=made) -> dict[str, bytes]:
    """Each county's enrolment deadlines, by path."""
    return {
        deadlines_path(county.id): deadlines_calendar(catalogue, county, lang, site_url, piece) for county in catalogue.regions.counties
    }


def calendars(catalogue: Catalogue, lang: str, site_url: str) -> dict[str, bytes]:
    """Every calendar of one language, by path under the language's root."""
    files = {}
    for provider in sorted(catalogue.providers.values(), key=lambda p: p.id):
        files.update(provider_calendars(catalogue, provider, lang, site_url))
    return files | county_calendars(catalogue, lang, site_url)
