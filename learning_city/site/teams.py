"""Learning teams and online resources (issue 22): their pages, the links between online resources
and in-person courses on the same subject, and their search records.

Teams are listed one page per county (`teams/<county>/`, each team at an anchor), under an index
with the counts (`teams/`); online resources on one page by subject (`resources/`), each subject
beside the in-person courses on it, and each provider page names the online resources on the
subjects of its courses. The subject of a resource is a course category, so the two meet by value.
"""

from __future__ import annotations

import functools

from learning_city import i18n
from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Category, County, Course, Mode, Provider, Resource, Team
from learning_city.i18n import t
from learning_city.site import records
from learning_city.site.slots import Pages
from learning_city.site.templates import Templates
from learning_city.site.text import course_anchor, days_text

# In-person courses shown by name under a subject; the finder, filtered by the subject, has them all.
COURSES_SHOWN = 5


def team_anchor(team_id: str) -> str:
    return f"team-{team_id}"


def resource_anchor(resource_id: str) -> str:
    return f"resource-{resource_id}"


def subject_anchor(category: Category) -> str:
    return f"subject-{category.value}"


def teams_url(base: str, county_id: str | None = None) -> str:
    return f"{base}teams/{county_id}/" if county_id else f"{base}teams/"


def resources_url(base: str, category: Category | None = None) -> str:
    return f"{base}resources/" + (f"#{subject_anchor(category)}" if category else "")


def finder_url(base: str, category: Category) -> str:
    """The course finder with the subject chosen (docs/assets/finder.js reads its filters from the query)."""
    return f"{base}courses/?category={category.value}"


def _sorted(records):
    return sorted(records, key=lambda r: r.id)


def teams_in(catalogue: Catalogue, county: County) -> list[Team]:
    return _sorted(team for team in catalogue.teams.values() if catalogue.county_of(team.region) is county)


def team_counties(catalogue: Catalogue) -> list[County]:
    """Counties with a team: each has its page."""
    return [county for county in catalogue.regions.counties if teams_in(catalogue, county)]


def by_subject(catalogue: Catalogue) -> dict[Category, list[Resource]]:
    """Online resources by subject, subjects in the model's order."""
    found = {category: _sorted(r for r in catalogue.resources.values() if r.subject is category) for category in Category}
    return {category: resources for category, resources in found.items() if resources}


def on_subject(catalogue: Catalogue, category: Category) -> list[tuple[Provider, Course]]:
    """Every course on a subject, by provider and course id: what `finder_url` shows."""
    return [
        (provider, course)
        for provider in _sorted(catalogue.providers.values())
        for course in provider.courses
        if course.category is category
    ]


def in_person(catalogue: Catalogue, category: Category) -> list[tuple[Provider, Course]]:
    """Courses on a subject that meet in a room (in person or blended), by provider and course id."""
    return [(provider, course) for provider, course in on_subject(catalogue, category) if course.mode is not Mode.online]


# --- pages -----------------------------------------------------------------------------------


def teams_index(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    counties = [(county, len(teams_in(catalogue, county))) for county in catalogue.regions.counties]
    return templates.render(
        "lc/teams_index.html",
        lang=lang,
        base=base,
        counties=counties,
        teams_url=teams_url,
        has_sample=any(team.sample for team in catalogue.teams.values()),
    )


def teams_county(catalogue: Catalogue, county: County, lang: str, base: str, *, templates: Templates) -> str:
    teams = teams_in(catalogue, county)
    return templates.render(
        "lc/teams_county.html",
        lang=lang,
        base=base,
        county=county,
        teams=teams,
        team_anchor=team_anchor,
        has_sample=any(team.sample for team in teams),
        providers=catalogue.providers,
        venues=catalogue.venues,
        town_of=catalogue.town_of,
        teams_url=teams_url,
    )


def resources_page(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    subjects = []
    for category, resources in by_subject(catalogue).items():
        courses = in_person(catalogue, category)
        # the finder's link counts what the finder shows for the subject: online courses too (it
        # filters by one mode at a time, so "in a room" cannot be its query)
        subjects.append(
            {
                "category": category,
                "resources": resources,
                "courses": courses[:COURSES_SHOWN],
                "in_finder": len(on_subject(catalogue, category)),
            }
        )
    return templates.render(
        "lc/resources.html",
        lang=lang,
        base=base,
        subjects=subjects,
        subject_anchor=subject_anchor,
        resource_anchor=resource_anchor,
        finder_url=finder_url,
        course_anchor=course_anchor,
        has_sample=any(r.sample for r in catalogue.resources.values()),
    )


def provider_resources(catalogue: Catalogue, provider: Provider, lang: str, base: str, *, templates: Templates) -> str:
    """Under a provider's page: the online resources on the subjects of its courses ("" if none)."""
    subjects = by_subject(catalogue)
    shown = [
        (category, subjects[category])
        for category in Category
        if category in subjects and any(c.category is category for c in provider.courses)
    ]
    if not shown:
        return ""
    return templates.render(
        "lc/provider_resources.html",
        lang=lang,
        base=base,
        subjects=shown,
        resources_url=resources_url,
    )


# --- search ----------------------------------------------------------------------------------


def _record(url: str, title: str, words: list[str], lang: str, meta: dict) -> dict:
    return {"url": url, "content": "\n".join(w for w in words if w), "language": lang, "meta": {"title": title, **meta}}


def team_records(catalogue: Catalogue, lang: str) -> list[dict]:
    """One search result per team, linked to its anchor on its county's page."""
    root = "/" + i18n.ROOTS[lang]
    found = []
    for team in _sorted(catalogue.teams.values()):
        county, town = catalogue.county(team.region), catalogue.town_of(team.region)
        when = "; ".join(f"{days_text(m.days, lang)} {m.start}–{m.end} · {m.place.get(lang)}" for m in team.meetings)
        words = [
            team.name.get(lang),
            team.description.get(lang) if team.description else "",
            t(f"category.{team.category.value}", lang),
            *(r.name.get(lang) for r in (town, county) if r is not None),
            when,
            team.join.get(lang),
        ]
        found.append(
            _record(
                teams_url(root, county.id) + "#" + team_anchor(team.id),
                team.name.get(lang),
                words,
                lang,
                {"place": " · ".join(r.name.get(lang) for r in (county, town) if r is not None), "when": when},
            )
        )
    return found


def resource_records(catalogue: Catalogue, lang: str) -> list[dict]:
    """One search result per online resource, linked to its anchor on the resources page."""
    root = "/" + i18n.ROOTS[lang]
    found = []
    for resource in _sorted(catalogue.resources.values()):
        subject = t(f"category.{resource.subject.value}", lang)
        words = [
            resource.name.get(lang),
            resource.description.get(lang) if resource.description else "",
            resource.publisher.get(lang),
            subject,
            t(f"resources.kind.{resource.kind.value}", lang),
        ]
        found.append(
            _record(
                resources_url(root) + "#" + resource_anchor(resource.id),
                resource.name.get(lang),
                words,
                lang,
                {
                    "publisher": resource.publisher.get(lang),
                    "subject": subject,
                    "fee": t("label.free" if resource.free else "resources.paid", lang),
                },
            )
        )
    return found


# --- the plugin's pages ------------------------------------------------------------------------

# A page of teams or resources, made by the plugin (its title and HTML through the plugin's Slots):
# its front matter. Out of the site's page index: every team and resource is a search result of its own.
PAGE_META = {"search": "exclude", "hide": ["toc"]}


def pages(catalogue: Catalogue, lang: str) -> Pages:
    """(source path, plain title, renderer taking base and templates) of every page of this module."""
    found: Pages = [
        ("teams/index.md", t("nav.teams", lang), lambda base, templates: teams_index(catalogue, lang, base, templates=templates))
    ]
    for county in team_counties(catalogue):
        title = t("teams.county_title", lang, county=county.name.get(lang))
        found.append((f"teams/{county.id}.md", title, functools.partial(teams_county, catalogue, county, lang)))
    found.append(
        ("resources/index.md", t("nav.resources", lang), lambda base, templates: resources_page(catalogue, lang, base, templates=templates))
    )
    return found


def page_base(path: str) -> str:
    """From the page's address to the site root: teams/index.md is at teams/, teams/nanhu.md at teams/nanhu/."""
    return "../" * (path.count("/") + (0 if path.endswith("/index.md") else 1))


def provider_page(
    catalogue: Catalogue, provider: Provider, lang: str, base: str, repository: str, page: str, *, templates: Templates
) -> str:
    """A provider's page (records.provider_page, which the editor's preview renders too), then the
    online resources on the subjects of its courses."""
    return records.provider_page(catalogue, provider, lang, base, repository, page, templates=templates) + provider_resources(
        catalogue, provider, lang, base, templates=templates
    )
