"""Provider and venue pages: one record each, everything a reader needs to go and enrol."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Sequence
from urllib.parse import quote_plus

from learning_city import i18n
from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Course, Provider, Term, Venue, Weekday
from learning_city.i18n import t
from learning_city.site import calendars, qr, recognitions, structured, venue_today
from learning_city.site.pages import SPEECH_LANG
from learning_city.site.templates import Templates
from learning_city.site.text import course_anchor, provider_url, venue_url  # noqa: F401 (the addresses, for callers of this module)


def _regions(catalogue: Catalogue, region_id: str) -> list:
    """The county and town a record is in (a county-level record has no town)."""
    return [r for r in (catalogue.county_of(region_id), catalogue.town_of(region_id)) if r is not None]


def report_url(repository: str, path: str, name: str, anchor: str, page: str | None, lang: str) -> str:
    """ "Report an error": a new issue titled with the record. Without `page` the report carries
    only its title: a course's links stay short, so a page with many courses stays light."""
    query = {"title": t("record.report_title", lang, name=name, id=anchor)}
    if page:
        query["body"] = t("record.report_body", lang, page=page, file=path)
    return f"{repository}/issues/new?{query_string(query)}"


def query_string(query: dict[str, str]) -> str:
    """`urlencode`, except that letters, digits and punctuation beyond ASCII stay as they are (the
    link is an IRI; the browser encodes them as it follows it): a Chinese character costs 3 bytes
    in the page, not 9, and a provider page lists a report link for each of its courses."""
    return "&".join(f"{quote_plus(key)}={_iri_quote(value)}" for key, value in query.items())


def _iri_quote(value: str) -> str:
    return "".join(char if ord(char) >= 0xA0 and unicodedata.category(char)[0] not in "CZ" else quote_plus(char) for char in value)


def preview_json(templates: Templates, repository: str, site_url: str, scripts: Sequence[str] = ()) -> str:
    """admin/preview.json: what the editor's preview renders a record's page with (docs/admin/page.js):
    this site's templates, the interface strings, the addresses the page names, and the page's
    scripts that run as it loads (`scripts`, from the site's root: the course's copy and print buttons)."""
    return json.dumps(
        {
            "templates": templates.sources(),
            "strings": i18n.strings(),
            "months": i18n.MONTHS,
            "speech_lang": SPEECH_LANG,
            "repository": repository.rstrip("/"),
            "site_url": site_url,
            "scripts": list(scripts),
            "recognition_kinds": [kind.value for kind in recognitions.ORDER],  # the recognitions page's sections, in order
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def provider_page(
    catalogue: Catalogue,
    provider: Provider,
    lang: str,
    base: str,
    repository: str,
    page: str,
    *,
    templates: Templates,
) -> str:
    """`page` is the page's address, quoted in error reports."""
    path = f"catalogue/{catalogue.sources[('providers', provider.id)]}"
    groups: list[tuple[Term | None, list[Course]]] = [(term, [c for c in provider.courses if c.term == term.id]) for term in provider.terms]
    groups = [(term, courses) for term, courses in groups if courses]
    others = [c for c in provider.courses if not c.term]
    if others:
        groups.append((None, others))
    reports = {
        course.id: report_url(repository, path, course.title.zh, f"{provider.id}#{course_anchor(course.id)}", None, lang)
        for course in provider.courses
    }
    return templates.render(
        "lc/provider.html",
        catalogue=catalogue,
        provider=provider,
        lang=lang,
        base=base,
        repository=repository,
        path=path,
        page=page,
        speech_lang=SPEECH_LANG[lang],
        qr=qr.svg(page),
        regions=_regions(catalogue, provider.region),
        report=report_url(repository, path, provider.name.zh, provider.id, page, lang),
        reports=reports,
        parent=catalogue.providers[provider.parent] if provider.parent else None,
        children=_by_tier(catalogue.children.get(provider.id, [])),
        groups=groups,
        jsonld=structured.script_json(structured.provider_graph(catalogue, provider, lang, page)),
        calendar=calendars.provider_path(provider.id),
        course_calendar=calendars.course_path,
    )


def _by_tier(children: list[Provider]) -> list[tuple[int | None, list[Provider]]]:
    """A provider's children in the network, by tier (the model's TIER): the heading says what they are."""
    tiers = sorted({child.tier for child in children}, key=lambda tier: tier or 0)
    return [(tier, [child for child in children if child.tier == tier]) for tier in tiers]


def venue_page(
    catalogue: Catalogue,
    venue: Venue,
    lang: str,
    base: str,
    repository: str,
    page: str,
    *,
    templates: Templates,
    today: dt.date,
) -> str:
    """`today`: the build's day, for the week shown without JavaScript."""
    path = f"catalogue/{catalogue.sources[('venues', venue.id)]}"
    open_days = {d for h in venue.opening_hours for d in h.days}
    return templates.render(
        "lc/venue.html",
        venue=venue,
        lang=lang,
        repository=repository,
        path=path,
        page=page,
        speech_lang=SPEECH_LANG[lang],
        qr=qr.svg(page),
        regions=_regions(catalogue, venue.region),
        report=report_url(repository, path, venue.name.zh, venue.id, page, lang),
        closed=[d for d in Weekday if d not in open_days],
        jsonld=structured.script_json(structured.venue_node(catalogue, venue, lang, page)),
        week=venue_today.week(venue, today, lang),
        today_facts=venue_today.facts(venue, lang),
        today=today,
    )
