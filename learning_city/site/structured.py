"""schema.org structured data (JSON-LD) for provider, venue and open-data pages.

Each function returns a plain dict; `script_json` serialises it for a `<script
type="application/ld+json">` with `<`, `>` and `&` written as \\u escapes, so a title holding
`</script>` or `<!--` can neither end the script nor start markup: the data stays data.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

from learning_city.data import status
from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Course, CourseStatus, Mode, Provider, Text, Venue, VenueKind, Weekday
from learning_city.site.calendars import TZID
from learning_city.site.text import course_anchor, venue_url

CONTEXT = "https://schema.org"
DAY = {
    d: f"https://schema.org/{name}"
    for d, name in zip(Weekday, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), strict=True)
}
COURSE_MODE = {Mode.in_person: "Onsite", Mode.online: "Online", Mode.blended: "Blended"}
VENUE_TYPE = {
    VenueKind.library: "Library",
    VenueKind.library_branch: "Library",
    VenueKind.museum: "Museum",
    VenueKind.science_museum: "Museum",
    VenueKind.memorial: "Museum",
    VenueKind.art_gallery: "ArtGallery",
    VenueKind.cultural_centre: "CivicStructure",
}
LANGUAGE = {"zh": "zh-CN", "en": "en"}
# The classes are taught in Chinese: a course's inLanguage is that, whichever page describes it.
TEACHING_LANGUAGE = "zh-CN"
# The provider's node, relative to the page (JSON-LD resolves it against the page's address): a
# page holds one provider and is referred to once per course, so the short form keeps pages small.
PROVIDER = "#provider"
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script_json(data: dict) -> Markup:
    """JSON safe inside a <script> element: no `<`, `>` or `&` left to end it or open a comment."""
    return Markup(json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":")).translate(_ESCAPES))


# How the pages carry it; what a browser lays out is the page without it (page weight, issue 5).
SCRIPT = re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S)


def laid_out(page: bytes) -> bytes:
    """A page's HTML without its structured data, which software reads and no browser lays out."""
    return SCRIPT.sub(b"", page)


def _text(value: Text | None, lang: str) -> str | None:
    return value.get(lang) if value else None


def _address(record: Provider | Venue, catalogue: Catalogue, lang: str) -> dict:
    county, town = catalogue.county_of(record.region), catalogue.town_of(record.region)
    return _clean(
        {
            "@type": "PostalAddress",
            "streetAddress": record.address.get(lang),
            "addressLocality": " ".join(r.name.get(lang) for r in (county, town) if r),
            "addressRegion": catalogue.regions.city.name.get(lang),
            "addressCountry": "CN",
        }
    )


def _clean(node: dict) -> dict:
    return {key: value for key, value in node.items() if value not in (None, "", [])}


def _contact(record: Provider | Venue) -> dict:
    c = record.contact
    return _clean({"telephone": c.phone, "email": c.email.removeprefix("mailto:") if c.email else None, "sameAs": c.website})


def course_node(catalogue: Catalogue, provider: Provider, course: Course, lang: str, page: str) -> dict:
    """A Course with its offer and its one instance (mode, weekly schedule, place)."""
    schedule = course.schedule
    dates = status.class_dates(course, provider.term_of(course))
    timetable = _clean(
        {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": [DAY[d] for d in schedule.days],
            "startTime": schedule.start,
            "endTime": schedule.end,
            "startDate": dates.start.isoformat() if dates else None,
            "endDate": dates.end.isoformat() if dates else None,
            "exceptDate": [d.isoformat() for d in sorted(schedule.except_dates)],
            "scheduleTimezone": TZID,
        }
    )
    venue = catalogue.venues.get(course.venue) if course.venue else None
    # the provider is itself a place (EducationalOrganization is a CivicStructure): referred to, not repeated
    location: dict[str, object] = {"@id": venue_url(_root(page), venue.id) + "#venue"} if venue else {"@id": PROVIDER}
    if course.place:
        location = {"@type": "Place", "name": course.place.get(lang), "containedInPlace": location}
    instance = {"@type": "CourseInstance", "courseMode": COURSE_MODE[course.mode], "courseSchedule": timetable, "location": location}
    if course.status is CourseStatus.cancelled:
        instance["eventStatus"] = "https://schema.org/EventCancelled"
    offer = _clean(
        {
            "@type": "Offer",
            "price": course.fee.amount,
            "priceCurrency": "CNY",
            "category": "Free" if course.fee.amount == 0 else "Paid",
            "description": _text(course.fee.note, lang),
        }
    )
    return _clean(
        {
            "@type": "Course",
            "@id": page + "#" + course_anchor(course.id),
            "name": course.title.get(lang),
            "description": _text(course.description, lang),
            "inLanguage": TEACHING_LANGUAGE,
            "provider": {"@id": PROVIDER},
            "offers": [offer],
            "hasCourseInstance": [instance],
        }
    )


def _root(page: str) -> str:
    """The language's root from a record page's address (…/providers/<id>/ or …/venues/<id>/)."""
    return page.rstrip("/").rsplit("/", 2)[0] + "/"


def provider_graph(catalogue: Catalogue, provider: Provider, lang: str, page: str) -> dict:
    """The provider as an EducationalOrganization and a Course node per course; `page` is its absolute address."""
    organisation = _clean(
        {
            "@type": "EducationalOrganization",
            "@id": PROVIDER,
            "name": provider.name.get(lang),
            "alternateName": [p.get(lang) for p in provider.plaques],
            "description": _text(provider.description, lang),
            "url": page,
            "address": _address(provider, catalogue, lang),
            **_contact(provider),
            "parentOrganization": {"@id": f"{_root(page)}providers/{provider.parent}/#provider"} if provider.parent else None,
        }
    )
    courses = [course_node(catalogue, provider, course, lang, page) for course in provider.courses]
    return {"@context": CONTEXT, "@graph": [organisation, *courses]}


def venue_node(catalogue: Catalogue, venue: Venue, lang: str, page: str) -> dict:
    """A venue as the fitting type, its weekly hours and its dated closures."""
    hours = [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [DAY[d] for d in row.days], "opens": row.opens, "closes": row.closes}
        for row in venue.opening_hours
    ]
    closures = [  # closed all day: opens and closes both at midnight, as schema.org describes it
        _clean(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": c.dates.start.isoformat(),
                "validThrough": c.dates.end.isoformat(),
                "opens": "00:00",
                "closes": "00:00",
                "description": c.reason.get(lang),
            }
        )
        for c in venue.closures
    ]
    return _clean(
        {
            "@context": CONTEXT,
            "@type": VENUE_TYPE[venue.kind],
            "@id": page + "#venue",
            "name": venue.name.get(lang),
            "description": _text(venue.description, lang),
            "url": page,
            "address": _address(venue, catalogue, lang),
            **_contact(venue),
            "isAccessibleForFree": venue.admission.free,
            "openingHoursSpecification": hours,
            "specialOpeningHoursSpecification": closures,
        }
    )


def dataset_node(
    name: str, description: str, page: str, publisher: str, modified: str, licence: str, downloads: list[tuple[str, str]], lang: str
) -> dict:
    """The open data as a schema.org Dataset, one DataDownload per file (address, media type)."""
    return {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": page + "#dataset",
        "name": name,
        "description": description,
        "url": page,
        "inLanguage": LANGUAGE[lang],
        "license": licence,
        "isAccessibleForFree": True,
        "dateModified": modified,
        "publisher": {"@type": "GovernmentOrganization", "name": publisher},
        "distribution": [{"@type": "DataDownload", "contentUrl": url, "encodingFormat": kind} for url, kind in downloads],
    }
