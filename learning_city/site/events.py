"""Events (issue 22): the learning week 全民终身学习活动周 (policy 四(五)) and other activities.

One page, `events/`, holds every event at its anchor: this week's first (the build's today decides
the week, learning_city/data/today.py), then the upcoming ones by month, then the past ones. The
same page carries each event as a schema.org `Event` (JSON-LD); each event also has a calendar
file (RFC 5545, written like the courses' in calendars.py), an entry in the feed, a row in
events.csv and a search result of its own. Everything here is plain data or escaped by the
templates; links are the record's own, already limited to safe schemes by the model.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from learning_city import i18n
from learning_city.data import events as data_events
from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Event, EventKind, Mode
from learning_city.i18n import t
from learning_city.site import calendars, structured
from learning_city.site.slots import Pages
from learning_city.site.templates import Templates
from learning_city.site.text import audience_text, provider_url, venue_url

PATH = "events/index.md"
ALL_CALENDAR = "calendars/events.ics"
EVENT_STATUS = {
    Mode.in_person: "OfflineEventAttendanceMode",
    Mode.online: "OnlineEventAttendanceMode",
    Mode.blended: "MixedEventAttendanceMode",
}


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def events_url(base: str) -> str:
    return f"{base}events/"


def event_url(base: str, event_id: str) -> str:
    return events_url(base) + "#" + event_anchor(event_id)


def calendar_path(event_id: str) -> str:
    """Where an event's calendar lives, relative to the language's root."""
    return f"calendars/events/{event_id}.ics"


def _sorted(catalogue: Catalogue) -> list[Event]:
    return sorted(catalogue.events.values(), key=lambda e: (e.date, e.start, e.id))


# --- plain text, shared by the page, the calendars, the feed and the search records ------------


def when_text(event: Event, lang: str) -> str:
    """ "2026年11月30日 09:00–11:00"; a longer event "2026年12月1日 至 2026年12月3日，每天 09:00–16:00"."""
    hours = f"{event.start}–{event.end}"
    if event.end_date and event.end_date != event.date:
        return t(
            "events.days_hours",
            lang,
            days=t("label.dates", lang, start=i18n.date(event.date, lang), end=i18n.date(event.end_date, lang)),
            hours=hours,
        )
    return f"{i18n.date(event.date, lang)} {hours}"


def host_name(catalogue: Catalogue, event: Event, lang: str) -> str:
    provider = catalogue.providers.get(event.provider) if event.provider else None
    return provider.name.get(lang) if provider else ""


def place_text(catalogue: Catalogue, event: Event, lang: str) -> str:
    """Where to go: the place and the venue with its address; an online-only event says so."""
    venue = catalogue.venues.get(event.venue) if event.venue else None
    parts = [event.place.get(lang) if event.place else None]
    if venue:
        parts += [venue.name.get(lang), venue.address.get(lang)]
    if event.mode is Mode.online and not any(parts):
        parts.append(t("mode.online", lang))
    return ", ".join(p for p in parts if p)


def join_text(event: Event, lang: str) -> str:
    """Free or not, booking or not, and the organiser's note."""
    parts = [t("label.free" if event.free else "events.paid", lang), t("events.booking" if event.join.booking else "events.walk_in", lang)]
    if event.join.note:
        parts.append(event.join.note.get(lang))
    return " · ".join(parts)


# --- the page ----------------------------------------------------------------------------------


def months(events: list[Event], lang: str) -> list[tuple[str, list[Event]]]:
    """Events under the heading of their (first day's) month, in the order given."""
    return [
        (t("events.month", lang, year=year, month=month, month_name=i18n.MONTHS[month - 1]), list(group))
        for (year, month), group in groupby(events, key=lambda e: (e.date.year, e.date.month))
    ]


def page(catalogue: Catalogue, lang: str, base: str, today: dt.date, site_url: str = "", *, templates: Templates) -> str:
    """The events page; `base` leads to the language's root, `site_url` is its absolute address (for JSON-LD)."""
    every = list(catalogue.events.values())
    upcoming, this_week = data_events.upcoming(every, today), data_events.this_week(every, today)
    graph = {"@context": structured.CONTEXT, "@graph": [event_node(catalogue, e, lang, site_url or base) for e in _sorted(catalogue)]}
    return templates.render(
        "lc/events.html",
        lang=lang,
        base=base,
        this_week=this_week,
        now={e.id for e in this_week},
        months=months(upcoming, lang),
        week=t("label.dates", lang, start=i18n.date(today, lang), end=i18n.date(today + dt.timedelta(days=6), lang)),
        past=data_events.past(every, today),
        has_sample=any(e.sample for e in every),
        anchor=event_anchor,
        providers=catalogue.providers,
        venues=catalogue.venues,
        county_of=catalogue.county_of,
        when_text=when_text,
        audience_text=audience_text,
        join_text=join_text,
        calendar_path=calendar_path,
        all_calendar=ALL_CALENDAR,
        learning_week=EventKind.learning_week.value,
        jsonld=structured.script_json(graph),
    )


def pages(catalogue: Catalogue, lang: str, today: dt.date, site_url: str) -> Pages:
    """(source path, plain title, renderer taking base and templates), as teams.pages gives them."""
    return [(PATH, t("nav.events", lang), lambda base, templates: page(catalogue, lang, base, today, site_url, templates=templates))]


# --- schema.org ----------------------------------------------------------------------------------


def _moment(day: dt.date, clock: str) -> str:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), calendars.JIAXING).isoformat()


def event_node(catalogue: Catalogue, event: Event, lang: str, root: str) -> dict:
    """An Event with its times in Jiaxing, where (a Place, or the online link), who organises it and its offer."""
    venue = catalogue.venues.get(event.venue) if event.venue else None
    provider = catalogue.providers.get(event.provider) if event.provider else None
    where = []
    place = event.place or (venue.name if venue else None)
    if place:
        where.append(
            structured._clean(
                {
                    "@type": "Place",
                    "name": place.get(lang),
                    "address": venue.address.get(lang) if venue else None,
                    "containedInPlace": {"@id": venue_url(root, venue.id) + "#venue"} if venue and event.place else None,
                    "url": venue_url(root, venue.id) if venue else None,
                }
            )
        )
    if event.online_url:
        where.append({"@type": "VirtualLocation", "url": event.online_url})
    return structured._clean(
        {
            "@type": "Event",
            "@id": event_url(root, event.id),
            "name": event.name.get(lang),
            "description": event.description.get(lang) if event.description else None,
            "startDate": _moment(event.date, event.start),
            "endDate": _moment(event.last_day, event.end),
            "eventAttendanceMode": "https://schema.org/" + EVENT_STATUS[event.mode],
            "eventStatus": "https://schema.org/EventScheduled",
            "location": where,
            "organizer": {"@type": "EducationalOrganization", "name": provider.name.get(lang), "url": provider_url(root, provider.id)}
            if provider
            else None,
            "audience": [{"@type": "Audience", "audienceType": t(f"audience.{a.value}", lang)} for a in event.audience],
            "isAccessibleForFree": event.free,
            "offers": structured._clean(
                {
                    "@type": "Offer",
                    "url": event.join.url,
                    "price": 0 if event.free else None,
                    "priceCurrency": "CNY" if event.free else None,
                }
            ),
            "inLanguage": structured.TEACHING_LANGUAGE,
        }
    )


# --- calendars (RFC 5545), written as the courses' are (calendars.py) ---------------------------


def ics_event(catalogue: Catalogue, event: Event, lang: str, site_url: str) -> bytes:
    """The event with local times in Asia/Shanghai; a longer event repeats daily to its last day."""
    until = calendars._local(event.last_day, event.end).astimezone(dt.UTC)  # UNTIL is UTC when DTSTART has a zone
    about = [event.description.get(lang) if event.description else "", host_name(catalogue, event, lang), join_text(event, lang)]
    return calendars._event(
        ("SUMMARY", calendars._text(event.name.get(lang))),
        ("DTSTART;TZID=" + calendars.TZID, calendars._clock(calendars._local(event.date, event.start))),
        ("DTEND;TZID=" + calendars.TZID, calendars._clock(calendars._local(event.date, event.end))),
        ("DTSTAMP", calendars._clock(calendars._stamp(event.last_verified or calendars.catalogue_date(catalogue)))),
        ("UID", calendars._text(f"events/{event.id}@{calendars.host(site_url)}")),
        *((("RRULE", f"FREQ=DAILY;UNTIL={calendars._clock(until)}"),) if event.last_day != event.date else ()),
        ("DESCRIPTION", calendars._text("\n".join(p for p in about if p))),
        ("LOCATION", calendars._text(place_text(catalogue, event, lang) or event.online_url or "")),
        ("URL", event_url(site_url, event.id)),
    )


def calendar_files(catalogue: Catalogue, lang: str, site_url: str) -> dict[str, bytes]:
    """One calendar per event and one with them all, by path under the language's root."""
    written = {e.id: ics_event(catalogue, e, lang, site_url) for e in _sorted(catalogue)}
    files = {calendar_path(e.id): calendars._calendar(e.name.get(lang), [written[e.id]], lang) for e in _sorted(catalogue)}
    files[ALL_CALENDAR] = calendars._calendar(t("calendar.events_name", lang), list(written.values()), lang)
    return files


# --- feed, search, open data -----------------------------------------------------------------------


def feed_entries(catalogue: Catalogue, lang: str, site_url: str) -> list[dict]:
    """One Atom entry per event, the most recently checked first, dated by that day (never the clock)."""
    found = []
    for event in sorted(_sorted(catalogue), key=lambda e: e.last_verified or dt.date.min, reverse=True):
        checked = event.last_verified or calendars.catalogue_date(catalogue)
        summary = [when_text(event, lang), place_text(catalogue, event, lang), host_name(catalogue, event, lang), join_text(event, lang)]
        found.append(
            {
                "id": f"tag:{calendars.host(site_url)},{checked.isoformat()}:events/{event.id}",
                "title": t("feed.event", lang, title=event.name.get(lang)),
                "updated": dt.datetime.combine(checked, dt.time(), dt.UTC),
                "link": event_url(site_url, event.id),
                "summary": " · ".join(p for p in summary if p),
            }
        )
    return found


def search_records(catalogue: Catalogue, lang: str) -> list[dict]:
    """One search result per event, linked to its anchor on the events page."""
    root = "/" + i18n.ROOTS[lang]
    found = []
    for event in _sorted(catalogue):
        county, town = catalogue.county_of(event.region), catalogue.town_of(event.region)
        when, place = when_text(event, lang), place_text(catalogue, event, lang)
        words = [
            event.name.get(lang),
            event.description.get(lang) if event.description else "",
            t(f"events.kind.{event.kind.value}", lang),
            *(r.name.get(lang) for r in (town, county) if r is not None),
            host_name(catalogue, event, lang),
            place,
            when,
            audience_text(event, lang),
        ]
        if event.kind is EventKind.learning_week:
            words.append(t("events.learning_week", lang))
        found.append(
            {
                "url": event_url(root, event.id),
                "content": "\n".join(w for w in words if w),
                "language": lang,
                "meta": {
                    "title": event.name.get(lang),
                    "host": host_name(catalogue, event, lang),
                    "when": when,
                    "place": place,
                    "join": join_text(event, lang),
                },
            }
        )
    return found
