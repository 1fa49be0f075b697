"""Pages that list many records: directories, areas, the network, older people's classes, the finder.

A page's size must not grow with the records of the whole city: city-wide pages show
counts and the few records of small kinds, and link to one page per county (`areas/<county>/`,
`courses/<county>/`) that lists the rest. The markup is in templates/lc/; here the records are
chosen, grouped and counted.
"""

from __future__ import annotations

from collections import Counter

from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Audience, Category, County, Mode, Provider, ProviderKind, Weekday
from learning_city.i18n import t
from learning_city.site.templates import Templates
from learning_city.site.text import (  # noqa: F401 (the addresses and course helpers, for callers of this module)
    area_url,
    county_courses_page_url,
    county_courses_url,
    course_start,
    times_of_day,
)

ELDERLY_KINDS = (ProviderKind.elderly_university, ProviderKind.elderly_school)
# Kinds with a few schools per county: listed on city-wide pages. The others are on area pages.
FEW_KINDS = (
    ProviderKind.city_university,
    ProviderKind.community_college,
    ProviderKind.vocational_school,
    ProviderKind.elderly_university,
    ProviderKind.elderly_school,
)


def _sorted(records):
    return sorted(records, key=lambda r: r.id)


def _in_county(catalogue: Catalogue, records, county: County):
    return [r for r in records if catalogue.county_of(r.region) is county]


def _has_sample(records) -> bool:
    return any(r.sample for r in records)


def _county_counts(catalogue: Catalogue, providers, rows) -> list[tuple[str, list[int]]]:
    """Provider counts for a table: per row (label, test), the number in each county."""
    counties = catalogue.regions.counties
    return [(label, [sum(1 for p in _in_county(catalogue, providers, c) if test(p)) for c in counties]) for label, test in rows]


def _by_kind(records) -> list[tuple]:
    """Records grouped by kind, kinds in order of their value, records by id."""
    kinds = sorted({r.kind for r in records}, key=lambda k: k.value)
    return [(kind, _sorted(r for r in records if r.kind is kind)) for kind in kinds]


# --- directories ---------------------------------------------------------------------------


def providers_directory(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    """Counts by county and kind, the small kinds listed, each county's page for the rest."""
    providers = list(catalogue.providers.values())
    counties = catalogue.regions.counties
    counts = _county_counts(catalogue, providers, [(t("kind." + k.value, lang), lambda p, k=k: p.kind is k) for k in ProviderKind])
    return templates.render(
        "lc/providers_directory.html",
        lang=lang,
        base=base,
        has_sample=_has_sample(providers),
        counties=counties,
        counts=counts,
        by_county=[(c, len(_in_county(catalogue, providers, c))) for c in counties],
        by_kind=[(kind, _sorted(catalogue.providers_of(kind))) for kind in FEW_KINDS],
    )


def venues_directory(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    venues = list(catalogue.venues.values())
    by_county = [(county, _by_kind(_in_county(catalogue, venues, county))) for county in catalogue.regions.counties]
    return templates.render("lc/venues_directory.html", lang=lang, base=base, has_sample=_has_sample(venues), by_county=by_county)


def area(catalogue: Catalogue, county: County, lang: str, base: str, *, templates: Templates) -> str:
    """One county: its network tree, its other providers by town and kind, its venues."""
    providers = _in_county(catalogue, catalogue.providers.values(), county)
    venues = _in_county(catalogue, catalogue.venues.values(), county)
    by_town = [(town, _sorted(p for p in providers if p.region == town.id)) for town in county.towns]
    children = _children(catalogue)
    colleges = _sorted(p for p in providers if p.kind is ProviderKind.community_college)
    return templates.render(
        "lc/area.html",
        lang=lang,
        base=base,
        county=county,
        has_sample=_has_sample(providers + venues),
        courses=sum(len(p.courses) for p in providers),
        children=children,
        colleges=colleges,
        unplaced=_unplaced(county, providers, colleges, children),
        others=_by_kind([p for p in providers if p.tier is None]),
        by_town=[(town, here) for town, here in by_town if here],
        venues=_by_kind(venues),
    )


def _unplaced(county: County, providers: list[Provider], colleges: list[Provider], children: dict) -> list[Provider]:
    """The county's network providers that neither hang below one of its colleges nor stand in one
    of its towns: the city university in its county, or any provider whose parent is elsewhere.
    Listed at the top of the area's network, so the page names every provider its counts include."""
    below = {p.id for college in colleges for p in _tree(children, college)}
    towns = {town.id for town in county.towns}
    return sorted((p for p in providers if p.tier and p.id not in below and p.region not in towns), key=lambda p: (p.tier, p.id))


def _tree(children: dict, provider: Provider) -> list[Provider]:
    return [provider, *(p for child in children.get(provider.id, []) for p in _tree(children, child))]


# --- the four-tier network ----------------------------------------------------------------


def _children(catalogue: Catalogue) -> dict[str | None, list[Provider]]:
    """The network's tree: each provider's children (by id), the city's root under None."""
    children: dict[str | None, list[Provider]] = {}
    for provider in catalogue.providers.values():
        if provider.tier:
            children.setdefault(provider.parent, []).append(provider)
    return {parent: _sorted(below) for parent, below in children.items()}


def network(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    """Counts per tier and county, and the tree down to the towns, opened county by county."""
    providers = [p for p in catalogue.providers.values() if p.tier]
    counts = _county_counts(catalogue, providers, [(t(f"tier.{n}", lang), lambda p, n=n: p.tier == n) for n in (1, 2, 3, 4)])
    children = _children(catalogue)
    return templates.render(
        "lc/network.html",
        catalogue=catalogue,
        lang=lang,
        base=base,
        has_sample=_has_sample(providers),
        counties=catalogue.regions.counties,
        counts=counts,
        children=children,
        size=lambda provider: _size(children, provider),
    )


def _size(children: dict, provider: Provider) -> int:
    return len(_tree(children, provider))


# --- older people ----------------------------------------------------------------------------


def elderly(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    """Classes for older people counted by term and category, then each school's age rule and enrolment.

    A school takes a few lines here; its classes are on its own page, by term.
    """
    schools = _sorted(catalogue.providers_of(*ELDERLY_KINDS))
    offer = Counter(
        (term.name.get(lang), course.category)
        for school in schools
        for term in school.terms
        for course in school.courses
        if course.term == term.id
    )
    return templates.render(
        "lc/elderly.html",
        lang=lang,
        base=base,
        has_sample=_has_sample(schools),
        offer=offer,
        terms=sorted({name for name, _ in offer}),
        categories=sorted({category for _, category in offer}, key=lambda c: c.value),
        by_county=[(county, [s for s in schools if catalogue.county_of(s.region) is county]) for county in catalogue.regions.counties],
    )


# --- the course finder -------------------------------------------------------------------------

FINDER_FIELDS = {
    "category": [c.value for c in Category],
    "audience": [a.value for a in Audience if a is not Audience.everyone],
    "mode": [m.value for m in Mode],
    "day": [d.value for d in Weekday],
    "time": ["morning", "afternoon", "evening", "weekend"],
    "kind": [k.value for k in ProviderKind],
}


def finder(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    """The filter form; results come from per-county data files. Without JavaScript: links by county."""
    counties = catalogue.regions.counties
    return templates.render(
        "lc/finder.html",
        lang=lang,
        base=base,
        counties=counties,
        fields=FINDER_FIELDS,
        has_sample=_has_sample(catalogue.providers.values()),
        shards=" ".join(c.id for c in counties),
        messages={
            **{key: t(f"finder.{key}", lang) for key in ("more", "loading", "failed", "change")},
            # the number of courses found is the script's: each form of the sentence, {count} left in it
            "count": t("finder.count.n", lang, count="{count}"),
            "count-one": t("finder.count.1", lang, count="{count}"),
            "show": t("finder.show.n", lang, count="{count}"),
            "show-one": t("finder.show.1", lang, count="{count}"),
        },
        courses=Counter(catalogue.county(p.region).id for p in catalogue.providers.values() for _ in p.courses),
    )


# A course list page holds at most this many courses, so it stays under 100 KB at city scale.
COURSES_PER_PAGE = 120


def course_list_pages(catalogue: Catalogue, county: County) -> list[list[Provider]]:
    """A county's providers with courses, in order of town, cut into pages of whole providers."""
    providers = _in_county(catalogue, catalogue.providers.values(), county)
    order = {county.id: 0, **{town.id: i + 1 for i, town in enumerate(county.towns)}}
    ordered = sorted((p for p in providers if p.courses), key=lambda p: (order.get(p.region, 0), p.id))
    pages: list[list[Provider]] = [[]]
    for provider in ordered:
        if pages[-1] and sum(len(p.courses) for p in pages[-1]) + len(provider.courses) > COURSES_PER_PAGE:
            pages.append([])
        pages[-1].append(provider)
    return pages


def county_courses(catalogue: Catalogue, county: County, number: int, lang: str, base: str, *, templates: Templates) -> str:
    """One page of a county's courses, by town and provider: the finder's list without JavaScript."""
    pages = course_list_pages(catalogue, county)
    providers = pages[number - 1]
    sections, current_place = [], None
    for provider in providers:
        town = catalogue.town_of(provider.region)
        place = town.id if town else None
        heading = place != current_place or provider is providers[0]  # a town's heading where its providers start
        current_place = place
        sections.append((heading, town, provider))
    return templates.render(
        "lc/county_courses.html",
        lang=lang,
        base=base,
        county=county,
        number=number,
        count=len(pages),
        has_sample=_has_sample(providers),
        sections=sections,
    )
