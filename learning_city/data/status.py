"""What a course's enrolment and a venue's doors are on a given day.

Pages, search results, calendars and exports all say the same thing, so the rules live here once;
the browser re-applies the same rules to the dates written in the page (see the site's status
script), which keeps a page cached for a week truthful.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from learning_city.data import model as m

WEEKDAYS = list(m.Weekday)

StatusKind = Literal["cancelled", "closed", "not-yet", "full", "waitlist", "open"]


@dataclass(frozen=True)
class Window:
    """The days a course admits: enrolment from the course, else its term; classes likewise."""

    opens: dt.date | None
    closes: dt.date | None
    ends: dt.date | None  # the last day of classes; nobody can enrol after it


@dataclass(frozen=True)
class Status:
    kind: StatusKind
    date: dt.date | None = None  # opens on (not-yet) or open until (open)


def class_dates(course: m.Course, term: m.Term | None) -> m.DateRange | None:
    """The course's own dates, else its term's."""
    return course.schedule.dates or (term.dates if term else None)


def window(course: m.Course, term: m.Term | None) -> Window:
    own, shared = course.enrolment, term.enrolment if term else None
    dates = class_dates(course, term)
    return Window(
        opens=own.opens or (shared.opens if shared else None),
        closes=own.closes or (shared.closes if shared else None),
        ends=dates.end if dates else None,
    )


def enrolment_status(course: m.Course, term: m.Term | None, today: dt.date) -> Status:
    """Cancelled and past dates override what the provider says; then not yet open; then full/waitlist."""
    if course.status is m.CourseStatus.cancelled:
        return Status("cancelled")
    days = window(course, term)
    if (days.closes and today > days.closes) or (days.ends and today > days.ends):
        return Status("closed")
    if days.opens and today < days.opens:
        return Status("not-yet", days.opens)
    if course.status is m.CourseStatus.full:
        return Status("full")
    if course.status is m.CourseStatus.waitlist:
        return Status("waitlist")
    return Status("open", days.closes)


def days(dates: m.DateRange) -> Iterator[dt.date]:
    """Every day from the first to the last, counted by ordinal: no step past the calendar's end."""
    for number in range(dates.start.toordinal(), dates.end.toordinal() + 1):
        yield dt.date.fromordinal(number)


def meetings(schedule: m.Schedule, dates: m.DateRange) -> Iterator[dt.date]:
    """Every day the class meets: its weekdays within the dates, less the holidays."""
    wanted = {WEEKDAYS.index(day) for day in schedule.days}
    skipped = set(schedule.except_dates)
    for day in days(dates):
        if day.weekday() in wanted and day not in skipped:
            yield day


def meeting_count(schedule: m.Schedule, dates: m.DateRange) -> int:
    """How many days the class meets, counted without walking the days (the loader asks for every course)."""
    wanted = {WEEKDAYS.index(day) for day in schedule.days}
    weeks, rest = divmod((dates.end - dates.start).days + 1, 7)
    first = dates.start.weekday()
    days = weeks * len(wanted) + sum((first + i) % 7 in wanted for i in range(rest))
    return days - sum(1 for day in set(schedule.except_dates) if dates.start <= day <= dates.end and day.weekday() in wanted)


def closure_on(venue: m.Venue, day: dt.date) -> m.Closure | None:
    """The dated closure covering the day, if any."""
    return next((c for c in venue.closures if c.dates.start <= day <= c.dates.end), None)


def hours_on(venue: m.Venue, day: dt.date) -> list[m.OpeningHours]:
    """The rows of weekly hours that apply on the day; none when a closure covers it."""
    if closure_on(venue, day):
        return []
    weekday = WEEKDAYS[day.weekday()]
    return [row for row in venue.opening_hours if weekday in row.days]
