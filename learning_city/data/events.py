"""Events' cross-file rules: where an event is, who runs it, and how one reaches it.

The model checks each field; these rules need the rest of the catalogue (regions, venues,
providers) or several fields together, and report at the key a contributor would change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from learning_city.data import model as m
from learning_city.data.problems import Problem, reference
from learning_city.data.yamlfile import Document

IN_PERSON = (m.Mode.in_person, m.Mode.blended)
ONLINE = (m.Mode.online, m.Mode.blended)


def check(events: Iterable[tuple[m.Event, Document]], region_ids: set, providers: set, venues: set) -> list[Problem]:
    """Every event's references resolve; it names who holds it, and a place or link for its mode."""
    problems: list[Problem] = []
    for event, doc in events:
        for key, known in (("region", region_ids), ("venue", venues), ("provider", providers)):
            value = getattr(event, key)
            if value and value not in known:
                problems.append(doc.problem((key,), "unknown_ref", **reference(key), value=value))
        if not event.venue and not event.provider:  # on the field to fill: an event held online only has no venue
            problems.append(doc.problem((host_field(event.mode),), "event_no_host", key=True))
        if event.mode in IN_PERSON and not event.venue and not event.place:
            problems.append(doc.problem(("mode",), "event_no_place", mode=event.mode.value))
        if event.mode in ONLINE and not event.online_url:
            problems.append(doc.problem(("mode",), "event_no_link", mode=event.mode.value))
    return problems


def host_field(mode: m.Mode) -> str:
    """The field that names who holds an event (event_no_host's key, and the form's: checks.js)."""
    return "provider" if mode is m.Mode.online else "venue"


def this_week(events: Iterable[m.Event], today: dt.date) -> list[m.Event]:
    """Events on any day from today to six days on, soonest first: the finder's "this week"."""
    until = today + dt.timedelta(days=6)
    return sorted((e for e in events if e.date <= until and e.last_day >= today), key=lambda e: (e.date, e.start, e.id))


def upcoming(events: Iterable[m.Event], today: dt.date) -> list[m.Event]:
    """Events not over yet, soonest first; past ones are kept on their pages but listed apart."""
    return sorted((e for e in events if e.last_day >= today), key=lambda e: (e.date, e.start, e.id))


def past(events: Iterable[m.Event], today: dt.date) -> list[m.Event]:
    """Events that are over, the latest first."""
    return sorted((e for e in events if e.last_day < today), key=lambda e: (e.date, e.start, e.id), reverse=True)
