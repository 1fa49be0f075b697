"""A venue's doors today: the week from the build's day, written into the page, and the weekly hours
and dated closures as data, from which the site's venue script (docs/assets/venue.js) says whether
it is open now on the reader's day. The rules are learning_city/data/status.py's (hours_on, closure_on).
"""

from __future__ import annotations

import datetime as dt
import json

from learning_city import i18n
from learning_city.data import status as rules
from learning_city.data.model import Venue
from learning_city.i18n import t


def week(venue: Venue, today: dt.date, lang: str) -> list[dict]:
    """Seven days from the build's: each day's hours, or why it is closed."""
    days = []
    for offset in range(7):
        day = today + dt.timedelta(days=offset)
        closure = rules.closure_on(venue, day)
        hours = rules.hours_on(venue, day)
        if closure:
            shown = t("today.closed_reason", lang, reason=closure.reason.get(lang))
        elif hours:
            shown = ", ".join(f"{row.opens}–{row.closes}" for row in hours)
        else:
            shown = t("label.closed_days", lang)
        weekday = t(f"day.{rules.WEEKDAYS[day.weekday()].value}", lang)
        label = t("date.with_weekday", lang, date=i18n.date(day, lang), weekday=weekday)
        days.append({"date": day.isoformat(), "label": label, "hours": shown, "open": bool(hours)})
    return days


def facts(venue: Venue, lang: str) -> str:
    """The weekly hours and the closures as JSON, for the venue script (the page escapes it)."""
    return json.dumps(
        {
            "hours": [{"days": [d.value for d in row.days], "opens": row.opens, "closes": row.closes} for row in venue.opening_hours],
            "closures": [
                {"start": c.dates.start.isoformat(), "end": c.dates.end.isoformat(), "reason": c.reason.get(lang)} for c in venue.closures
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
