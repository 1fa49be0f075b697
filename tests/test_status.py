"""Enrolment status and venue hours on a given day: the rules every page, export and script share."""

import datetime as dt

import pytest

from learning_city.data import model as m
from learning_city.data.status import Status, closure_on, enrolment_status, hours_on, meeting_count, meetings

D = dt.date.fromisoformat


def course(status="open", opens=None, closes=None, start="2026-09-07", end="2026-12-28", except_dates=()):
    return m.Course.model_validate(
        {
            "id": "tai-chi",
            "title": {"zh": "太极"},
            "category": "health",
            "audience": ["older-people"],
            "mode": "in-person",
            "hours": 20,
            "fee": {"amount": 0},
            "capacity": 30,
            "status": status,
            "schedule": {
                "days": ["mon"],
                "start": "09:00",
                "end": "10:00",
                "dates": {"start": start, "end": end},
                "except_dates": list(except_dates),
            },
            "enrolment": {"method": "on-site", **({"opens": opens} if opens else {}), **({"closes": closes} if closes else {})},
        }
    )


TERM = m.Term.model_validate(
    {
        "id": "autumn",
        "name": {"zh": "秋季"},
        "dates": {"start": "2026-09-01", "end": "2027-01-15"},
        "enrolment": {"method": "online", "opens": "2026-08-01", "closes": "2026-09-10"},
    }
)

CASES = {
    "open with a closing day": (course(opens="2026-08-20", closes="2026-09-03"), None, "2026-08-25", Status("open", D("2026-09-03"))),
    "open on its closing day": (course(closes="2026-09-03"), None, "2026-09-03", Status("open", D("2026-09-03"))),
    "closed the day after": (course(closes="2026-09-03"), None, "2026-09-04", Status("closed")),
    "not yet open": (course(opens="2026-08-20"), None, "2026-08-19", Status("not-yet", D("2026-08-20"))),
    "open without dates until classes end": (course(), None, "2026-12-28", Status("open")),
    "closed once classes end": (course(), None, "2026-12-29", Status("closed")),
    "full while open": (course("full", closes="2026-09-03"), None, "2026-09-01", Status("full")),
    "closed beats full": (course("full", closes="2026-09-03"), None, "2026-09-05", Status("closed")),
    "waiting list": (course("waitlist"), None, "2026-10-01", Status("waitlist")),
    "cancelled beats every date": (course("cancelled", opens="2026-08-20"), None, "2026-08-01", Status("cancelled")),
    "the term's window when the course has none": (course(), TERM, "2026-09-11", Status("closed")),
    "the term's opening day": (course(), TERM, "2026-07-31", Status("not-yet", D("2026-08-01"))),
    "the course's own closing day beats the term's": (course(closes="2026-09-20"), TERM, "2026-09-15", Status("open", D("2026-09-20"))),
}


@pytest.mark.parametrize("name", CASES)
def test_enrolment_status(name):
    record, term, today, expected = CASES[name]
    assert enrolment_status(record, term, D(today)) == expected


def test_meetings_skip_holidays():
    every = list(meetings(course().schedule, course().schedule.dates))
    skipped = list(meetings(course(except_dates=["2026-10-05"]).schedule, course().schedule.dates))
    assert len(every) == 17 and every[0] == D("2026-09-07") and every[-1] == D("2026-12-28")
    assert len(skipped) == 16 and D("2026-10-05") in every and D("2026-10-05") not in skipped


@pytest.mark.parametrize("start", ["2026-09-01", "2026-09-06", "2026-09-07"])
@pytest.mark.parametrize("days", [["mon"], ["mon", "thu", "sun"], list(m.Weekday)])
def test_meeting_count_agrees_with_the_days_walked(start, days):
    """The loader counts; calendars walk. A holiday twice (the model refuses it now: set past it, as
    code may), one outside the dates, one on a day off."""
    skipped = [D(day) for day in ("2026-10-05", "2026-10-05", "2027-03-01", "2026-10-06")]
    schedule = course(start=start).schedule.model_copy(update={"days": [m.Weekday(d) for d in days], "except_dates": skipped})
    dates = schedule.dates
    assert meeting_count(schedule, dates) == len(list(meetings(schedule, dates)))


def test_venue_hours_and_closures():
    venue = m.Venue.model_validate(
        {
            "id": "museum",
            "kind": "museum",
            "name": {"zh": "博物馆"},
            "region": "nanhu",
            "address": {"zh": "路"},
            "opening_hours": [{"days": ["tue", "wed"], "opens": "09:00", "closes": "17:00"}],
            "closures": [{"dates": {"start": "2026-10-01", "end": "2026-10-07"}, "reason": {"zh": "国庆闭馆"}}],
            "admission": {"free": True},
            "booking": {"required": False},
        }
    )
    assert [row.opens for row in hours_on(venue, D("2026-09-29"))] == ["09:00"]  # a Tuesday
    assert hours_on(venue, D("2026-09-28")) == []  # Monday: no row
    assert hours_on(venue, D("2026-10-06")) == [] and closure_on(venue, D("2026-10-06")).reason.zh == "国庆闭馆"
    assert closure_on(venue, D("2026-10-08")) is None and hours_on(venue, D("2026-10-13"))
