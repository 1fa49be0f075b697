"""Pages that list many records: directories, the network tree, older people's classes, the finder.

Long lists are grouped in <details> by county, so a reader opens only the part near them.
"""

from __future__ import annotations

from collections import Counter

from .catalogue import Catalogue
from .i18n import t
from .model import Audience, Category, Course, Mode, Provider, ProviderKind, Weekday
from .render import esc, text
from .render_records import age_rule, course_anchor, enrolment, fee, provider_url, schedule, venue_url

ELDERLY_KINDS = (ProviderKind.elderly_university, ProviderKind.elderly_school)


def _by_name(records):
    return sorted(records, key=lambda r: r.id)


def providers_directory(catalogue: Catalogue, lang: str, base: str) -> str:
    parts = [f"<p>{esc(t('directory.providers_intro', lang))}</p>"]
    for county in catalogue.regions.counties:
        in_county = [p for p in catalogue.providers.values() if catalogue.county_of(p.region) is county]
        groups = [(None, [p for p in in_county if p.region == county.id])]
        groups += [(town, [p for p in in_county if p.region == town.id]) for town in county.towns]
        body = ""
        for town, providers in groups:
            if not providers:
                continue
            label = text(town.name, lang) if town else esc(t("label.county_level", lang))
            items = "".join(
                f'<li><a href="{esc(provider_url(base, p.id))}">{text(p.name, lang)}</a>'
                f' <small>{esc(t("kind." + p.kind.value, lang))}</small></li>'
                for p in _by_name(providers)
            )
            body += f"<h3>{label}</h3><ul>{items}</ul>"
        count = esc(t("label.providers_in", lang, count=len(in_county)))
        parts.append(f'<details class="lc-group" id="county-{county.id}"><summary>{text(county.name, lang)} · {count}</summary>{body}</details>')
    return f'<div class="lc-directory">{"".join(parts)}</div>'


def venues_directory(catalogue: Catalogue, lang: str, base: str) -> str:
    parts = [f"<p>{esc(t('directory.venues_intro', lang))}</p>"]
    for county in catalogue.regions.counties:
        venues = [v for v in catalogue.venues.values() if catalogue.county_of(v.region) is county]
        if not venues:
            continue
        body = ""
        for kind in sorted({v.kind for v in venues}, key=lambda k: k.value):
            items = "".join(
                f'<li><a href="{esc(venue_url(base, v.id))}">{text(v.name, lang)}</a></li>'
                for v in _by_name(v for v in venues if v.kind is kind)
            )
            body += f"<h3>{esc(t('venue.' + kind.value, lang))}</h3><ul>{items}</ul>"
        parts.append(f'<details class="lc-group" id="county-{county.id}" open><summary>{text(county.name, lang)} · {len(venues)}</summary>{body}</details>')
    return f'<div class="lc-directory">{"".join(parts)}</div>'


def network(catalogue: Catalogue, lang: str, base: str) -> str:
    """The four tiers as a tree the reader opens county by county."""
    tiers = Counter(p.tier for p in catalogue.providers.values() if p.tier)
    counts = "".join(f"<tr><th scope=\"row\">{esc(t(f'tier.{n}', lang))}</th><td>{tiers.get(n, 0)}</td></tr>" for n in (1, 2, 3, 4))
    children: dict[str | None, list[Provider]] = {}
    for provider in catalogue.providers.values():
        if provider.tier:
            children.setdefault(provider.parent, []).append(provider)

    def branch(provider: Provider) -> str:
        link = f'<a href="{esc(provider_url(base, provider.id))}">{text(provider.name, lang)}</a>'
        below = _by_name(children.get(provider.id, []))
        if not below:
            return f"<li>{link}</li>"
        return f"<li>{link}<ul>{''.join(branch(c) for c in below)}</ul></li>"

    tree = ""
    for root in _by_name(children.get(None, [])):
        link = f'<a href="{esc(provider_url(base, root.id))}">{text(root.name, lang)}</a>'
        colleges = _by_name(children.get(root.id, []))
        counties = "".join(
            f'<li><details id="network-{c.id}"><summary>{text(c.name, lang)} · '
            f"{esc(t('label.providers_in', lang, count=_size(children, c)))}</summary><ul>{branch(c)}</ul></details></li>"
            for c in colleges
        )
        tree += f"<li>{link}<ul>{counties}</ul></li>"
    return (
        f'<div class="lc-network"><p>{esc(t("network.intro", lang))}</p>'
        f'<table><caption>{esc(t("network.counts", lang))}</caption><tbody>{counts}</tbody></table>'
        f'<ul class="lc-tree">{tree}</ul></div>'
    )


def _size(children: dict, provider: Provider) -> int:
    return 1 + sum(_size(children, c) for c in children.get(provider.id, []))


def elderly(catalogue: Catalogue, lang: str, base: str) -> str:
    parts = [f"<p>{esc(t('elderly.intro', lang))}</p>"]
    for school in _by_name(catalogue.providers_of(*ELDERLY_KINDS)):
        head = f'<h2 id="{esc(school.id)}"><a href="{esc(provider_url(base, school.id))}">{text(school.name, lang)}</a></h2>'
        facts = ""
        if school.age_rule:
            facts += f"<dt>{esc(t('label.age_rule', lang))}</dt><dd>{age_rule(school, lang)}</dd>"
        for term in school.terms:
            facts += f"<dt>{text(term.name, lang)}</dt><dd>{enrolment(term.enrolment, lang)}</dd>"
        body = ""
        for term in school.terms + [None]:
            courses = [c for c in school.courses if c.term == (term.id if term else None)]
            if not courses:
                continue
            by_category = {}
            for course in courses:
                by_category.setdefault(course.category, []).append(course)
            items = "".join(
                f"<li><strong>{esc(t('category.' + cat.value, lang))}</strong>: "
                + "、".join(f'<a href="{esc(provider_url(base, school.id))}#{course_anchor(c.id)}">{text(c.title, lang)}</a>' for c in cs)
                + "</li>"
                for cat, cs in sorted(by_category.items(), key=lambda kv: kv[0].value)
            )
            label = text(term.name, lang) if term else esc(t("label.other_courses", lang))
            body += f"<h3>{label}</h3><ul>{items}</ul>"
        parts.append(f'<section class="lc-elderly-school">{head}<dl class="lc-facts">{facts}</dl>{body}</section>')
    return f'<div class="lc-elderly">{"".join(parts)}</div>'


# --- the course finder -------------------------------------------------------------------


def times_of_day(course: Course) -> list[str]:
    start = course.schedule.start
    slots = ["morning" if start < "12:00" else "afternoon" if start < "18:00" else "evening"]
    if {Weekday.sat, Weekday.sun} & set(course.schedule.days):
        slots.append("weekend")
    return slots


def course_start(provider: Provider, course: Course) -> str:
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
    """Filters above a list of every course grouped by county; without JavaScript, just the list."""
    counties = [(c.id, text(c.name, lang)) for c in catalogue.regions.counties]
    towns = "".join(
        f'<optgroup label="{esc(c.name.get(lang))}">'
        + "".join(f'<option value="{esc(town.id)}" data-county="{esc(c.id)}">{text(town.name, lang)}</option>' for town in c.towns)
        + "</optgroup>"
        for c in catalogue.regions.counties
    )
    fields = [
        f'<div class="lc-field lc-wide"><label for="f-q">{esc(t("finder.keyword", lang))}</label>'
        f'<input id="f-q" name="q" type="search" placeholder="{esc(t("finder.keyword_hint", lang))}"></div>',
        _select("county", t("label.county", lang), counties, lang),
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
    ]
    form = (
        f'<form class="lc-finder-form" hidden aria-controls="lc-results">{"".join(fields)}'
        f'<div class="lc-field"><button type="reset" class="md-button">{esc(t("finder.reset", lang))}</button></div></form>'
        f'<p class="lc-count" role="status" aria-live="polite" hidden data-template="{esc(t("finder.count", lang, count="{count}"))}"></p>'
    )
    groups = []
    for county in catalogue.regions.counties:
        items = []
        for provider in _by_name(p for p in catalogue.providers.values() if catalogue.county_of(p.region) is county):
            for course in provider.courses:
                items.append(_finder_item(catalogue, provider, course, lang, base))
        if items:
            count = esc(t("label.courses_in", lang, count=len(items)))
            groups.append(
                f'<section class="lc-county-courses" data-county="{esc(county.id)}"><h2 id="courses-{esc(county.id)}">'
                f'{text(county.name, lang)} <small>{count}</small></h2><ul class="lc-results">{"".join(items)}</ul></section>'
            )
    return (
        f'<div class="lc-finder"><p class="lc-finder-intro">{esc(t("finder.intro", lang))}</p>{form}'
        f'<noscript><p>{esc(t("finder.noscript", lang))}</p></noscript>'
        f'<div id="lc-results">{"".join(groups)}</div></div>'
    )


def _finder_item(catalogue: Catalogue, provider: Provider, course: Course, lang: str, base: str) -> str:
    town = catalogue.town_of(provider.region)
    county = catalogue.county_of(provider.region)
    words = " ".join(
        filter(None, [course.title.zh, course.title.en, provider.name.zh, provider.name.en,
                      course.description.zh if course.description else None, course.description.en if course.description else None,
                      town.name.zh if town else None, town.name.en if town else None, county.name.zh, county.name.en])
    ).lower()
    data = {
        "county": county.id,
        "town": town.id if town else "",
        "category": course.category.value,
        "audience": " ".join(a.value for a in course.audience),
        "mode": course.mode.value,
        "free": "1" if course.fee.amount == 0 else "0",
        "days": " ".join(d.value for d in course.schedule.days),
        "times": " ".join(times_of_day(course)),
        "kind": provider.kind.value,
        "start": course_start(provider, course),
        "text": words,
    }
    attrs = " ".join(f'data-{key}="{esc(value)}"' for key, value in data.items())
    href = f"{provider_url(base, provider.id)}#{course_anchor(course.id)}"
    return (
        f'<li class="lc-result" {attrs}><a href="{esc(href)}"><strong>{text(course.title, lang)}</strong></a><br>'
        f"<small>{text(provider.name, lang)} · {schedule(course, lang)} · {fee(course, lang)}</small></li>"
    )
