"""Courses as search results of their own: one Pagefind record per course and language, linking to
the course's anchor on its provider's page, with what a reader decides by shown under its title
(provider, days and time, place, fee, enrolment). Written by the plugin, indexed by
scripts/search_index.mjs with the site's pages; no page is made per course.
"""

from __future__ import annotations

import json
from pathlib import Path

from learning_city import i18n
from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Course, Provider
from learning_city.i18n import t
from learning_city.site import enrolment, events, teams
from learning_city.site.text import course_anchor, dates_text, fee_text, provider_url, when_text


def place_text(catalogue: Catalogue, course: Course, lang: str) -> str:
    venue = catalogue.venues[course.venue] if course.venue else None
    return " · ".join(x for x in (course.place.get(lang) if course.place else "", venue.name.get(lang) if venue else "") if x)


def course_record(catalogue: Catalogue, provider: Provider, course: Course, lang: str) -> dict:
    regions = [r for r in (catalogue.town_of(provider.region), catalogue.county_of(provider.region)) if r is not None]
    dates = course.schedule.dates or (term.dates if (term := provider.term_of(course)) else None)
    when = when_text(course, lang) + (f" · {dates_text(dates.start, dates.end, lang)}" if dates else "")
    place = place_text(catalogue, course, lang) or provider.address.get(lang)
    title = course.title.get(lang)
    # Indexed: what a reader finds a course by (title, provider, town and county, subject, and the
    # words of its description: 积分落户, 渔舟唱晚). Pagefind's memory for the Chinese index grows with
    # every indexed character of every record (issue 23: at city scale the time, dates and place
    # cost about 130 MB): time and place are not searched by, they stay in the meta, shown under
    # the title. The description (about 220 MB) is kept: a word only there must still find its
    # course, since the provider's page leaves its courses to their records (data-pagefind-ignore).
    description = course.description.get(lang) if course.description else ""
    words = [
        title,
        provider.name.get(lang),
        *(r.name.get(lang) for r in regions),
        t(f"category.{course.category.value}", lang),
        description,
    ]
    meta = {"title": title, "provider": provider.name.get(lang), "when": when, "place": place, "fee": fee_text(course, lang)}
    meta.update({f"enrolment_{key}": value for key, value in enrolment.facts(provider, course).items()})
    return {
        "url": "/" + provider_url(i18n.ROOTS[lang], provider.id) + "#" + course_anchor(course.id),
        "content": "\n".join(w for w in words if w),
        "language": lang,
        "meta": meta,
    }


def course_records(catalogue: Catalogue, lang: str) -> list[dict]:
    """Every course of the catalogue, in a stable order (the index is the same for the same catalogue)."""
    return [
        course_record(catalogue, provider, course, lang)
        for provider in sorted(catalogue.providers.values(), key=lambda p: p.id)
        for course in provider.courses
    ]


def write(catalogue: Catalogue, lang: str, target: Path) -> None:
    """The records into `target` (the plugin's `search_records` setting), where scripts/build.py
    hands them to Pagefind."""
    found = (
        course_records(catalogue, lang)
        + teams.team_records(catalogue, lang)
        + teams.resource_records(catalogue, lang)
        + events.search_records(catalogue, lang)
    )
    target.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
