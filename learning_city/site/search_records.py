"""Courses as search results of their own: one Pagefind record per course and language, linking to
the course's anchor on its provider's page, with what a reader decides by shown under its title
(provider, days and time, place, fee, enrolment). Written by the plugin, indexed by
scripts/search_index.mjs with the site's pages; no page is made per course.

Pagefind's memory grows with the records one run indexes (issue 23: at city scale, 20,000 courses
and the pages held 1.3 GB in Chinese, 1.1 GB in English), so the courses are split into bundles of
at most `size`: the first is indexed with the pages, the teams, resources and events into the
language's index (pagefind/); each further one by a run of its own into pagefind/<lang>-<n>/,
which the search page merges into its results (Pagefind's mergeIndex). A catalogue of fewer
courses than `size` has one index per language, as before.
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
    words = [  # the description first: the excerpt shown for a word found in it reads as its sentence
        description,
        title,
        provider.name.get(lang),
        *(r.name.get(lang) for r in regions),
        t(f"category.{course.category.value}", lang),
    ]
    meta = {"title": title, "provider": provider.name.get(lang), "when": when, "place": place, "fee": fee_text(course, lang)}
    meta.update({f"enrolment_{key}": value for key, value in enrolment.facts(provider, course).items()})
    if course.title.is_fallback(lang):  # the search page tags and marks it (search.js)
        meta["untranslated"] = "1"
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


BUNDLE_SIZE = 5000  # at city scale 5,000 courses and the pages: 0.61 GB in Chinese, 0.45 GB in English


def bundle_ranges(courses: int, size: int) -> list[range]:
    """Which courses (by their place in `course_records`) each search bundle holds; one bundle at least."""
    return [range(start, min(start + size, courses)) for start in range(0, max(courses, 1), size)]


def merged_folders(catalogue: Catalogue, lang: str, size: int) -> list[str]:
    """The bundles after the first, as folders of the language's index (pagefind/), for the search page."""
    courses = sum(len(provider.courses) for provider in catalogue.providers.values())
    return [bundle_folder(lang, number) for number in range(1, len(bundle_ranges(courses, size)))]


def bundle_folder(lang: str, number: int) -> str:
    """Where a bundle's index goes in pagefind/: the first is the language's index itself."""
    return f"{lang}-{number}/" if number else ""


def bundles(catalogue: Catalogue, lang: str, size: int) -> list[list[dict]]:
    courses = course_records(catalogue, lang)
    others = teams.team_records(catalogue, lang) + teams.resource_records(catalogue, lang) + events.search_records(catalogue, lang)
    split = [courses[r.start : r.stop] for r in bundle_ranges(len(courses), size)]
    return [others + split[0], *split[1:]]


def write(catalogue: Catalogue, lang: str, target: Path, size: int) -> None:
    """The records, as a list of bundles, into `target` (the plugin's `search_records` setting),
    where scripts/build.py hands each bundle to a Pagefind run of its own."""
    target.write_text(json.dumps(bundles(catalogue, lang, size), ensure_ascii=False), encoding="utf-8")
