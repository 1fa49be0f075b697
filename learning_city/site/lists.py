"""Pages that list many records: directories, areas, the network, older people's classes, the finder.

A page's size must not grow with the records of the whole city: city-wide pages show
counts and the few records of small kinds, and link to one page per county (`areas/<county>/`,
`courses/<county>/`) that lists the rest.
"""

from __future__ import annotations

from collections import Counter

from learning_city.data.catalogue import Catalogue
from learning_city.site.i18n import t
from learning_city.data.model import Audience, Category, County, Course, Mode, Provider, ProviderKind, Weekday
from learning_city.site.pages import esc, sample_notice, text
from learning_city.site.records import age_rule, course_anchor, enrolment, fee, provider_url, schedule, venue_url

ELDERLY_KINDS = (ProviderKind.elderly_university, ProviderKind.elderly_school)
# Kinds with a few schools per county: listed on city-wide pages. The others are on area pages.
FEW_KINDS = (
    ProviderKind.city_university,
    ProviderKind.community_college,
    ProviderKind.vocational_school,
    ProviderKind.elderly_university,
    ProviderKind.elderly_school,
)


def area_url(base: str, county_id: str) -> str:
    return f"{base}areas/{county_id}/"


def county_courses_url(base: str, county_id: str) -> str:
    return f"{base}courses/{county_id}/"


def _sorted(records):
    return sorted(records, key=lambda r: r.id)


def _in_county(catalogue: Catalogue, records, county: County):
    return [r for r in records if catalogue.county_of(r.region) is county]


def _sample_notice(records, lang: str) -> str:
    return sample_notice(lang) if any(r.sample for r in records) else ""


def _link(url: str, name: str) -> str:
    return f'<a href="{esc(url)}">{name}</a>'


def _provider_item(provider: Provider, lang: str, base: str) -> str:
    kind = esc(t("kind." + provider.kind.value, lang))
    return f"<li>{_link(provider_url(base, provider.id), text(provider.name, lang))} <small>{kind}</small></li>"


def _county_table(catalogue, providers, rows, first: str, lang: str, base: str, caption: str = "") -> str:
    """A table of provider counts: one row per (label, test), one column per county, and a total."""
    counties = catalogue.regions.counties
    head = "".join(f'<th scope="col">{_link(area_url(base, c.id), text(c.name, lang))}</th>' for c in counties)
    body = ""
    for label, test in rows:
        per_county = [sum(1 for p in _in_county(catalogue, providers, c) if test(p)) for c in counties]
        cells = "".join(f"<td>{n}</td>" for n in per_county)
        body += f'<tr><th scope="row">{esc(label)}</th>{cells}<td>{sum(per_county)}</td></tr>'
    caption = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="lc-counts">{caption}'
        f'<thead><tr><th scope="col">{esc(first)}</th>{head}<th scope="col">{esc(t("directory.total", lang))}</th></tr></thead>'
        f"<tbody>{body}</tbody></table></div></div>"
    )


# --- directories ---------------------------------------------------------------------------


def providers_directory(catalogue: Catalogue, lang: str, base: str) -> str:
    """Counts by county and kind, the small kinds listed, each county's page for the rest."""
    providers = list(catalogue.providers.values())
    counties = catalogue.regions.counties
    table = _county_table(
        catalogue, providers, [(t("kind." + k.value, lang), lambda p, k=k: p.kind is k) for k in ProviderKind],
        t("label.kind", lang), lang, base,
    )
    by_county = "".join(
        f"<li>{_link(area_url(base, c.id), text(c.name, lang))} · "
        f"{esc(t('label.providers_in', lang, count=len(_in_county(catalogue, providers, c))))}</li>"
        for c in counties
    )
    by_kind = ""
    for kind in FEW_KINDS:
        items = "".join(_provider_item(p, lang, base) for p in _sorted(catalogue.providers_of(kind)))
        if items:
            by_kind += f'<h3 id="kind-{kind.value}">{esc(t("kind." + kind.value, lang))}</h3><ul>{items}</ul>'
    return (
        f'<div class="lc-directory">{_sample_notice(providers, lang)}<p>{esc(t("directory.providers_intro", lang))}</p>'
        f'<h2 id="by-county">{esc(t("directory.by_county", lang))}</h2><ul>{by_county}</ul>{table}'
        f'<h2 id="by-kind">{esc(t("directory.by_kind", lang))}</h2>{by_kind}</div>'
    )


def venues_directory(catalogue: Catalogue, lang: str, base: str) -> str:
    venues = list(catalogue.venues.values())
    parts = [_sample_notice(venues, lang), f"<p>{esc(t('directory.venues_intro', lang))}</p>"]
    for county in catalogue.regions.counties:
        here = _in_county(catalogue, venues, county)
        if here:
            parts.append(f'<h2 id="county-{county.id}">{text(county.name, lang)}</h2>{_venues_by_kind(here, lang, base, 3)}')
    return f'<div class="lc-directory">{"".join(parts)}</div>'


def _venues_by_kind(venues, lang: str, base: str, level: int) -> str:
    html = ""
    for kind in sorted({v.kind for v in venues}, key=lambda k: k.value):
        items = "".join(f"<li>{_link(venue_url(base, v.id), text(v.name, lang))}</li>" for v in _sorted(v for v in venues if v.kind is kind))
        html += f"<h{level}>{esc(t('venue.' + kind.value, lang))}</h{level}><ul>{items}</ul>"
    return html


def area(catalogue: Catalogue, county: County, lang: str, base: str) -> str:
    """One county: its network tree, its other providers by town and kind, its venues."""
    providers = _in_county(catalogue, catalogue.providers.values(), county)
    venues = _in_county(catalogue, catalogue.venues.values(), county)
    courses = sum(len(p.courses) for p in providers)
    parts = [
        _sample_notice(providers + venues, lang),
        f"<p>{esc(t('area.intro', lang, county=county.name.get(lang)))}</p>",
        f'<p>{_link(county_courses_url(base, county.id), esc(t("area.courses", lang)))} · {esc(t("label.courses_in", lang, count=courses))}</p>',
    ]
    children = _children(catalogue)
    colleges = [p for p in providers if p.kind is ProviderKind.community_college]
    tree = "".join(_branch(catalogue, c, children, lang, base, depth=None) for c in _sorted(colleges))
    parts.append(f'<h2 id="network">{esc(t("area.network", lang))}</h2><ul class="lc-tree">{tree}</ul>')
    others = [p for p in providers if p.tier is None]
    if others:
        groups = ""
        for kind in sorted({p.kind for p in others}, key=lambda k: k.value):
            items = "".join(_provider_item(p, lang, base) for p in _sorted(p for p in others if p.kind is kind))
            groups += f"<h3>{esc(t('kind.' + kind.value, lang))}</h3><ul>{items}</ul>"
        parts.append(f'<h2 id="other-providers">{esc(t("area.other_providers", lang))}</h2>{groups}')
    by_town = ""
    for town in county.towns:
        here = [p for p in providers if p.region == town.id]
        if here:
            by_town += f'<h3 id="town-{town.id}">{text(town.name, lang)}</h3><ul>{"".join(_provider_item(p, lang, base) for p in _sorted(here))}</ul>'
    if by_town:
        parts.append(f'<h2 id="by-town">{esc(t("area.by_town", lang))}</h2>{by_town}')
    if venues:
        parts.append(f'<h2 id="venues">{esc(t("area.venues", lang))}</h2>{_venues_by_kind(venues, lang, base, 3)}')
    return f'<div class="lc-area">{"".join(parts)}</div>'


# --- the four-tier network ----------------------------------------------------------------


def _children(catalogue: Catalogue) -> dict[str | None, list[Provider]]:
    children: dict[str | None, list[Provider]] = {}
    for provider in catalogue.providers.values():
        if provider.tier:
            children.setdefault(provider.parent, []).append(provider)
    return children


def _branch(catalogue, provider: Provider, children, lang: str, base: str, depth: int | None) -> str:
    """A provider and what hangs below it; below tier `depth` only a count is shown."""
    link = _link(provider_url(base, provider.id), text(provider.name, lang))
    below = _sorted(children.get(provider.id, []))
    if not below:
        return f"<li>{link}</li>"
    if depth is not None and provider.tier >= depth:
        return f"<li>{link} <small>{esc(t('network.more', lang, count=len(below)))}</small></li>"
    return f"<li>{link}<ul>{''.join(_branch(catalogue, c, children, lang, base, depth) for c in below)}</ul></li>"


def network(catalogue: Catalogue, lang: str, base: str) -> str:
    """Counts per tier and county, and the tree down to the towns, opened county by county."""
    providers = [p for p in catalogue.providers.values() if p.tier]
    table = _county_table(
        catalogue, providers, [(t(f"tier.{n}", lang), lambda p, n=n: p.tier == n) for n in (1, 2, 3, 4)],
        t("label.tier", lang), lang, base, caption=t("network.by_county", lang),
    )
    children = _children(catalogue)
    tree = ""
    for root in _sorted(children.get(None, [])):
        counties_html = ""
        for college in _sorted(children.get(root.id, [])):
            county = catalogue.county_of(college.region)
            size = _size(children, college)
            counties_html += (
                f'<li><details id="network-{esc(college.id)}"><summary>{text(county.name, lang) if county else ""} · '
                f"{esc(t('label.providers_in', lang, count=size))}</summary>"
                f"<ul>{_branch(catalogue, college, children, lang, base, depth=3)}</ul>"
                + (f"<p>{_link(area_url(base, county.id), esc(t('area.network', lang)))}</p>" if county else "")
                + "</details></li>"
            )
        tree += f"<li>{_link(provider_url(base, root.id), text(root.name, lang))}<ul>{counties_html}</ul></li>"
    return (
        f'<div class="lc-network">{_sample_notice(providers, lang)}<p>{esc(t("network.intro", lang))}</p>'
        f'{table}<ul class="lc-tree">{tree}</ul></div>'
    )


def _size(children: dict, provider: Provider) -> int:
    return 1 + sum(_size(children, c) for c in children.get(provider.id, []))


# --- older people ----------------------------------------------------------------------------


def elderly(catalogue: Catalogue, lang: str, base: str) -> str:
    """Classes for older people counted by term and category, then each school's age rule and enrolment.

    A school takes a few lines here; its classes are on its own page, by term.
    """
    schools = _sorted(catalogue.providers_of(*ELDERLY_KINDS))
    parts = [_sample_notice(schools, lang), f"<p>{esc(t('elderly.intro', lang))}</p>"]
    offer = Counter((term.name.get(lang), course.category) for school in schools for term in school.terms for course in school.courses if course.term == term.id)
    terms = sorted({name for name, _ in offer})
    categories = sorted({category for _, category in offer}, key=lambda c: c.value)
    if terms:
        head = "".join(f'<th scope="col">{esc(name)}</th>' for name in terms)
        rows = "".join(
            f'<tr><th scope="row">{esc(t("category." + c.value, lang))}</th>' + "".join(f"<td>{offer.get((name, c), 0)}</td>" for name in terms) + "</tr>"
            for c in categories
        )
        parts.append(
            f'<h2 id="offer">{esc(t("elderly.offer", lang))}</h2><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f'<table><thead><tr><th scope="col">{esc(t("label.category", lang))}</th>{head}</tr></thead><tbody>{rows}</tbody></table></div></div>'
        )
    parts.append(f'<h2 id="schools">{esc(t("elderly.schools", lang))}</h2>')
    for county in catalogue.regions.counties:
        here = [s for s in schools if catalogue.county_of(s.region) is county]
        if not here:
            continue
        parts.append(f'<h3 id="county-{county.id}">{text(county.name, lang)}</h3>')
        for school in here:
            facts = f"<dt>{esc(t('label.age_rule', lang))}</dt><dd>{age_rule(school, lang)}</dd>" if school.age_rule else ""
            for term in school.terms:
                name = _link(f"{provider_url(base, school.id)}#term-{term.id}", text(term.name, lang))
                facts += f"<dt>{name}</dt><dd>{enrolment(term.enrolment, lang)}</dd>"
            title = _link(provider_url(base, school.id), text(school.name, lang))
            parts.append(f'<section class="lc-elderly-school"><h4 id="{esc(school.id)}">{title}</h4><dl class="lc-facts">{facts}</dl></section>')
    return f'<div class="lc-elderly">{"".join(parts)}</div>'


# --- the course finder -------------------------------------------------------------------------


def times_of_day(course: Course) -> list[str]:
    start = course.schedule.start
    slots = ["morning" if start < "12:00" else "afternoon" if start < "18:00" else "evening"]
    if {Weekday.sat, Weekday.sun} & set(course.schedule.days):
        slots.append("weekend")
    return slots


def course_start(provider: Provider, course: Course) -> str:
    """The first day of a course: its own dates, or its term's."""
    if course.schedule.dates:
        return course.schedule.dates.start.isoformat()
    term = next((term for term in provider.terms if term.id == course.term), None)
    return term.dates.start.isoformat() if term else ""


def _select(name: str, label: str, options: list[tuple[str, str]], lang: str) -> str:
    opts = f'<option value="">{esc(t("finder.any", lang))}</option>' + "".join(
        f'<option value="{esc(value)}">{shown}</option>' for value, shown in options
    )
    return f'<div class="lc-field"><label for="f-{name}">{esc(label)}</label><select id="f-{name}" name="{name}">{opts}</select></div>'


def finder(catalogue: Catalogue, lang: str, base: str) -> str:
    """The filter form; results come from per-county data files. Without JavaScript: links by county."""
    counties = catalogue.regions.counties
    towns = "".join(
        f'<optgroup label="{esc(c.name.get(lang))}">'
        + "".join(f'<option value="{esc(town.id)}">{text(town.name, lang)}</option>' for town in c.towns)
        + "</optgroup>"
        for c in counties
    )
    fields = [
        f'<div class="lc-field lc-wide"><label for="f-q">{esc(t("finder.keyword", lang))}</label>'
        f'<input id="f-q" name="q" type="search" placeholder="{esc(t("finder.keyword_hint", lang))}"></div>',
        _select("county", t("label.county", lang), [(c.id, text(c.name, lang)) for c in counties], lang),
        f'<div class="lc-field"><label for="f-town">{esc(t("label.town", lang))}</label><select id="f-town" name="town">'
        f'<option value="">{esc(t("finder.any", lang))}</option>{towns}</select></div>',
        _select("category", t("label.category", lang), [(c.value, esc(t("category." + c.value, lang))) for c in Category], lang),
        _select("audience", t("label.audience", lang), [(a.value, esc(t("audience." + a.value, lang))) for a in Audience if a is not Audience.everyone], lang),
        _select("mode", t("label.mode", lang), [(m.value, esc(t("mode." + m.value, lang))) for m in Mode], lang),
        _select("day", t("finder.weekday", lang), [(d.value, esc(t("day." + d.value, lang))) for d in Weekday], lang),
        _select("time", t("finder.time", lang), [(s, esc(t("time." + s, lang))) for s in ("morning", "afternoon", "evening", "weekend")], lang),
        _select("kind", t("finder.kind", lang), [(k.value, esc(t("kind." + k.value, lang))) for k in ProviderKind], lang),
        f'<div class="lc-field"><label for="f-start">{esc(t("finder.start", lang))}</label><input id="f-start" name="start" type="date"></div>',
        f'<div class="lc-field lc-check"><input id="f-free" name="free" type="checkbox" value="1"><label for="f-free">{esc(t("finder.free", lang))}</label></div>',
        f'<div class="lc-field"><button type="reset" class="md-button">{esc(t("finder.reset", lang))}</button></div>',
    ]
    shards = " ".join(c.id for c in counties)
    messages = {key: t(f"finder.{key}", lang, count="{count}") for key in ("count", "more", "loading", "failed")}
    data = " ".join(f'data-{key}="{esc(value)}"' for key, value in messages.items())
    courses = Counter(catalogue.county_of(p.region).id for p in catalogue.providers.values() for _ in p.courses)
    by_county = "".join(
        f"<li>{_link(county_courses_url(base, c.id), text(c.name, lang))} · {esc(t('label.courses_in', lang, count=courses.get(c.id, 0)))}</li>"
        for c in counties
    )
    return (
        f'<div class="lc-finder">{_sample_notice(catalogue.providers.values(), lang)}'
        f'<p class="lc-finder-intro">{esc(t("finder.intro", lang))}</p>'
        f'<form class="lc-finder-form" hidden data-base="{esc(base)}" data-counties="{esc(shards)}" {data}>{"".join(fields)}</form>'
        f'<p class="lc-count" role="status" aria-live="polite"></p>'
        f'<ul class="lc-results" id="lc-results"></ul>'
        f'<p><button type="button" class="md-button lc-more" hidden>{esc(t("finder.more", lang))}</button></p>'
        f'<noscript><p>{esc(t("finder.noscript", lang))}</p></noscript>'
        f'<h2 id="by-county">{esc(t("finder.by_county", lang))}</h2><ul class="lc-by-county">{by_county}</ul></div>'
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


def county_courses_page_url(base: str, county_id: str, number: int) -> str:
    return county_courses_url(base, county_id) + (f"{number}/" if number > 1 else "")


def county_courses(catalogue: Catalogue, county: County, number: int, lang: str, base: str) -> str:
    """One page of a county's courses, by town and provider: the finder's list without JavaScript."""
    pages = course_list_pages(catalogue, county)
    providers = pages[number - 1]
    parts = [_sample_notice(providers, lang), f"<p>{esc(t('courses.county_intro', lang, county=county.name.get(lang)))}</p>"]
    pager = _pager(county, len(pages), number, lang, base)
    parts.append(pager)
    current_place = None
    for provider in providers:
        town = catalogue.town_of(provider.region)
        place = town.id if town else None
        if place != current_place or provider is providers[0]:
            current_place = place
            label = text(town.name, lang) if town else esc(t("label.county_level", lang))
            parts.append(f'<h2 id="{f"town-{town.id}" if town else "county-level"}">{label}</h2>')
        items = "".join(course_item(catalogue, provider, c, lang, base) for c in provider.courses)
        parts.append(f"<h3>{_link(provider_url(base, provider.id), text(provider.name, lang))}</h3><ul class=\"lc-results\">{items}</ul>")
    parts.append(pager)
    return f'<div class="lc-county-courses">{"".join(parts)}</div>'


def _pager(county: County, count: int, current: int, lang: str, base: str) -> str:
    if count < 2:
        return ""
    current_mark = ' aria-current="page"'
    items = "".join(
        f'<li><a href="{esc(county_courses_page_url(base, county.id, n))}"{current_mark if n == current else ""}>'
        f'{esc(t("courses.page", lang, n=n))}</a></li>'
        for n in range(1, count + 1)
    )
    return f'<nav class="lc-pager" aria-label="{esc(t("courses.pages", lang))}"><ul>{items}</ul></nav>'


def course_item(catalogue: Catalogue, provider: Provider, course: Course, lang: str, base: str) -> str:
    href = f"{provider_url(base, provider.id)}#{course_anchor(course.id)}"
    return (
        f'<li class="lc-result">{_link(href, f"<strong>{text(course.title, lang)}</strong>")}<br>'
        f"<small>{schedule(course, lang)} · {fee(course, lang)}</small></li>"
    )
