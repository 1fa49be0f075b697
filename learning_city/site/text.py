"""Plain text about a course, and the addresses of pages, shared by the pages and the open-data exports.

Nothing here is HTML: the pages escape it (templates autoescape), the exports write it as data.
"""

from __future__ import annotations

import datetime as dt

from learning_city import i18n
from learning_city.data.model import Course, Provider, Weekday
from learning_city.i18n import t


def course_anchor(course_id: str) -> str:
    return f"course-{course_id}"


def provider_url(base: str, provider_id: str) -> str:
    return f"{base}providers/{provider_id}/"


def venue_url(base: str, venue_id: str) -> str:
    return f"{base}venues/{venue_id}/"


def area_url(base: str, county_id: str) -> str:
    return f"{base}areas/{county_id}/"


def county_courses_url(base: str, county_id: str) -> str:
    return f"{base}courses/{county_id}/"


def county_courses_page_url(base: str, county_id: str, number: int) -> str:
    return county_courses_url(base, county_id) + (f"{number}/" if number > 1 else "")


def email_address(link: str) -> str:
    """An e-mail link as people read it: the address without "mailto:"."""
    return link.removeprefix("mailto:")


def days_text(days: list[Weekday], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(t(f"day.{d.value}", lang) for d in days)


def audience_text(course: Course, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(t(f"audience.{a.value}", lang) for a in course.audience)


def when_text(course: Course, lang: str) -> str:
    """Days and hours as plain text: "周二 09:00–10:30"."""
    return f"{days_text(course.schedule.days, lang)} {course.schedule.start}–{course.schedule.end}"


def dates_text(start: dt.date, end: dt.date, lang: str) -> str:
    """A span of days: "2026年3月1日至6月30日", "1 March 2026 to 30 June 2026"."""
    return t("label.dates", lang, start=i18n.date(start, lang), end=i18n.date(end, lang))


def fee_text(course: Course, lang: str) -> str:
    amount = course.fee.amount
    return t("label.free", lang) if amount == 0 else t("label.yuan", lang, amount=i18n.number(amount))


def times_of_day(course: Course) -> list[str]:
    start = course.schedule.start
    slots = ["morning" if start < "12:00" else "afternoon" if start < "18:00" else "evening"]
    if {Weekday.sat, Weekday.sun} & set(course.schedule.days):
        slots.append("weekend")
    return slots


def course_start(provider: Provider, course: Course) -> str:
    """The first day of a course: its own dates, or its term's."""
    if course.schedule.dates:
        return course.schedule.dates.start.isoformat()
    term = provider.term_of(course)
    return term.dates.start.isoformat() if term else ""
