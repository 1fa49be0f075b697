"""Provider and venue pages: one record each, everything a reader needs to go and enrol."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from learning_city.site import i18n
from learning_city.data.catalogue import Catalogue
from learning_city.site.i18n import t
from learning_city.data.model import Course, Enrolment, Provider, Venue, Weekday
from learning_city.site.pages import esc, qr_code, read_aloud, sample_notice, text

_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!>"


def heading_text(value: str) -> str:
    """Record text safe for a Markdown heading: HTML escaped, Markdown punctuation escaped."""
    escaped = escape(value, quote=False)
    return "".join("\\" + char if char in _MARKDOWN_SPECIALS else char for char in escaped)


def course_anchor(course_id: str) -> str:
    return f"course-{course_id}"


def provider_url(base: str, provider_id: str) -> str:
    return f"{base}providers/{provider_id}/"


def venue_url(base: str, venue_id: str) -> str:
    return f"{base}venues/{venue_id}/"


PLACE_SUFFIXES = ("街道", "镇", "区", "县", "市")


def search_keywords(catalogue: Catalogue, region_id: str) -> str:
    """Place names as people type them (西塘 for 西塘镇, 嘉善 for 嘉善县), for the search index only.

    The browser splits a query it has no word for into single characters (嘉善 -> 嘉, 善) while
    the index keeps words, so each name is given as a word and as its characters too.
    Pagefind indexes the attribute named in data-pagefind-index-attrs; nothing is shown or read aloud.
    """
    names = [r.name.zh for r in (catalogue.county_of(region_id), catalogue.town_of(region_id)) if r]
    short = [name.removesuffix(next((s for s in PLACE_SUFFIXES if name.endswith(s)), "")) for name in names]
    words = " ".join(w + " " + " ".join(w) for w in short if len(w) >= 2)
    return f'<span data-pagefind-index-attrs="data-keywords" data-keywords="{esc(words)}"></span>'


def region_name(catalogue: Catalogue, region_id: str, lang: str) -> str:
    county = catalogue.county_of(region_id)
    town = catalogue.town_of(region_id)
    return " · ".join(text(r.name, lang) for r in (county, town) if r is not None)


def record_links(repository: str, source: str, name: str, anchor: str, page: str | None, lang: str) -> str:
    """"Edit this record" (the file in GitHub's editor) and "Report an error" (a new issue).

    Without `page` the report carries only its title: a course's links stay short, so a page
    with many courses stays light.
    """
    path = f"catalogue/{source}"
    query = {"title": t("record.report_title", lang, name=name, id=anchor)}
    if page:
        query["body"] = t("record.report_body", lang, page=page, file=path)
    report = f"{repository}/issues/new?{urlencode(query)}"
    return (
        f'<p class="lc-record-links" data-pagefind-ignore><a href="{esc(repository)}/edit/main/{esc(path)}" rel="noopener">'
        f'{esc(t("record.edit", lang))}</a> · <a href="{esc(report)}" rel="noopener">{esc(t("record.report", lang))}</a></p>'
    )


def _row(label_key: str, value: str, lang: str) -> str:
    return f"<dt>{esc(t(label_key, lang))}</dt><dd>{value}</dd>" if value else ""


def contact(record: Provider | Venue, lang: str) -> str:
    c = record.contact
    rows = _row("label.address", text(record.address, lang), lang)
    if c.phone:
        rows += _row("label.phone", f'<a href="tel:{esc(c.phone.replace(" ", ""))}">{esc(c.phone)}</a>', lang)
    if c.email:
        rows += _row("label.email", f'<a href="{esc(c.email)}">{esc(c.email.removeprefix("mailto:"))}</a>', lang)
    if c.website:
        rows += _row("label.website", f'<a href="{esc(c.website)}" rel="noopener">{esc(c.website)}</a>', lang)
    return rows


def _dates(start, end, lang: str) -> str:
    return esc(t("label.dates", lang, start=i18n.date(start, lang), end=i18n.date(end, lang)))


def days_text(days: list[Weekday], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(t(f"day.{d.value}", lang) for d in days)


def _days(days: list[Weekday], lang: str) -> str:
    return esc(days_text(days, lang))


def when_text(course: Course, lang: str) -> str:
    """Days and hours as plain text: "周二 09:00–10:30"."""
    return f"{days_text(course.schedule.days, lang)} {course.schedule.start}–{course.schedule.end}"


def enrolment(value: Enrolment | None, lang: str) -> str:
    if value is None:
        return ""
    parts = [esc(t(f"enrol.{value.method.value}", lang))]
    if value.opens and value.closes:
        parts.append(_dates(value.opens, value.closes, lang))
    if value.note:
        parts.append(text(value.note, lang))
    if value.url:
        parts.append(f'<a href="{esc(value.url)}" rel="noopener">{esc(t("label.enrol_link", lang))}</a>')
    return " · ".join(parts)


def fee_text(course: Course, lang: str) -> str:
    amount = course.fee.amount
    return t("label.free", lang) if amount == 0 else t("label.yuan", lang, amount=i18n.number(amount))


def fee(course: Course, lang: str) -> str:
    note = f" ({text(course.fee.note, lang)})" if course.fee.note else ""
    return esc(fee_text(course, lang)) + note


def schedule(course: Course, lang: str) -> str:
    s = course.schedule
    shown = esc(when_text(course, lang))
    if s.dates:
        shown += f"<br>{_dates(s.dates.start, s.dates.end, lang)}"
    return shown


def course_block(catalogue: Catalogue, provider: Provider, course: Course, lang: str, base: str, links: str = "") -> str:
    where = text(course.place, lang)
    if course.venue:
        venue = catalogue.venues[course.venue]
        link = f'<a href="{esc(venue_url(base, venue.id))}">{text(venue.name, lang)}</a>'
        where = f"{where} · {link}" if where else link
    audience = esc(("、" if lang == "zh" else ", ").join(t(f"audience.{a.value}", lang) for a in course.audience))
    rows = "".join(
        [
            _row("label.schedule", schedule(course, lang), lang),
            _row("label.hours", esc(i18n.number(course.hours)), lang),
            _row("label.fee", fee(course, lang), lang),
            _row("label.capacity", esc(course.capacity), lang),
            _row("label.audience", audience, lang),
            _row("label.mode", esc(t(f"mode.{course.mode.value}", lang)), lang),
            _row("label.category", esc(t(f"category.{course.category.value}", lang)), lang),
            _row("label.place", where, lang),
            _row("label.enrolment", enrolment(course.enrolment, lang), lang),
        ]
    )
    description = f"<p>{text(course.description, lang)}</p>" if course.description else ""
    return (
        f'<article class="lc-course" id="{course_anchor(course.id)}">'
        f"<h3>{text(course.title, lang)}</h3>{description}<dl class=\"lc-facts\">{rows}</dl>{links}</article>"
    )


def provider_page(catalogue: Catalogue, provider: Provider, lang: str, base: str, repository: str, page: str) -> str:
    """`page` is the page's address, quoted in error reports."""
    source = catalogue.sources[("providers", provider.id)]
    parts = [sample_notice(lang)] if provider.sample else []
    parts.append(search_keywords(catalogue, provider.region))
    parts.append(record_links(repository, source, provider.name.zh, provider.id, page, lang))
    parts.append(read_aloud(lang))
    tier = t(f"tier.{provider.tier}", lang) if provider.tier else t("tier.none", lang)
    facts = _row("label.kind", esc(t(f"kind.{provider.kind.value}", lang)), lang)
    facts += _row("label.tier", esc(tier), lang)
    if provider.plaques:
        facts += _row("label.plaques", "<br>".join(text(p, lang) for p in provider.plaques), lang)
    if provider.parent:
        parent = catalogue.providers[provider.parent]
        facts += _row("label.parent", f'<a href="{esc(provider_url(base, parent.id))}">{text(parent.name, lang)}</a>', lang)
    facts += _row("label.region", region_name(catalogue, provider.region, lang), lang)
    facts += contact(provider, lang)
    if provider.age_rule:
        facts += _row("label.age_rule", age_rule(provider, lang), lang)
    if provider.description:
        parts.append(f"<p>{text(provider.description, lang)}</p>")
    parts.append(f'<dl class="lc-facts">{facts}</dl>')
    children = catalogue.children.get(provider.id, [])
    if children:
        items = "".join(f'<li><a href="{esc(provider_url(base, c.id))}">{text(c.name, lang)}</a></li>' for c in children)
        parts.append(f'<h2 id="children">{esc(t("label.children", lang))}</h2><ul>{items}</ul>')
    if provider.projects:
        items = "".join(f"<li>{text(p.name, lang)} ({p.year})</li>" for p in provider.projects)
        parts.append(f'<h2 id="projects">{esc(t("label.projects", lang))}</h2><ul>{items}</ul>')
    parts.append(f'<h2 id="courses">{esc(t("label.courses", lang))}</h2>')
    course_links = {
        course.id: record_links(repository, source, course.title.zh, f"{provider.id}#{course_anchor(course.id)}", None, lang)
        for course in provider.courses
    }
    parts.append(courses_by_term(catalogue, provider, lang, base, course_links))
    if provider.last_verified:
        parts.append(f'<p class="lc-verified"><small>{esc(t("label.last_verified", lang))}: {esc(i18n.date(provider.last_verified, lang))}</small></p>')
    parts.append(qr_code(page, lang))
    return f'<div class="lc-record lc-provider">{"".join(parts)}</div>'


def age_rule(provider: Provider, lang: str) -> str:
    rule = provider.age_rule
    if rule.min_age is not None and rule.max_age is not None:
        shown = esc(t("label.age_range", lang, min=rule.min_age, max=rule.max_age))
    elif rule.min_age is not None:
        shown = esc(t("label.age_min", lang, min=rule.min_age))
    else:
        shown = ""
    if rule.note:
        shown = f"{shown} · {text(rule.note, lang)}" if shown else text(rule.note, lang)
    return shown


def courses_by_term(catalogue: Catalogue, provider: Provider, lang: str, base: str, links: dict[str, str]) -> str:
    if not provider.courses:
        return f"<p>{esc(t('label.no_courses', lang))}</p>"
    parts = []
    for term in provider.terms:
        courses = [c for c in provider.courses if c.term == term.id]
        if not courses:
            continue
        window = enrolment(term.enrolment, lang)
        head = f'<h3 class="lc-term" id="term-{term.id}">{text(term.name, lang)}</h3>'
        meta = f"<p>{_dates(term.dates.start, term.dates.end, lang)}"
        meta += f"<br>{esc(t('label.enrolment', lang))}: {window}</p>" if window else "</p>"
        blocks = "".join(course_block(catalogue, provider, c, lang, base, links[c.id]) for c in courses)
        parts.append(f'<section class="lc-term-courses">{head}{meta}{blocks}</section>')
    others = [c for c in provider.courses if not c.term]
    if others:
        head = f'<h3 class="lc-term">{esc(t("label.other_courses", lang))}</h3>' if parts else ""
        blocks = "".join(course_block(catalogue, provider, c, lang, base, links[c.id]) for c in others)
        parts.append(f'<section class="lc-term-courses">{head}{blocks}</section>')
    return "".join(parts)


def venue_page(catalogue: Catalogue, venue: Venue, lang: str, base: str, repository: str, page: str) -> str:
    parts = [sample_notice(lang)] if venue.sample else []
    parts.append(search_keywords(catalogue, venue.region))
    parts.append(record_links(repository, catalogue.sources[("venues", venue.id)], venue.name.zh, venue.id, page, lang))
    parts.append(read_aloud(lang))
    if venue.description:
        parts.append(f"<p>{text(venue.description, lang)}</p>")
    facts = _row("label.kind", esc(t(f"venue.{venue.kind.value}", lang)), lang)
    facts += _row("label.region", region_name(catalogue, venue.region, lang), lang)
    facts += contact(venue, lang)
    parts.append(f'<dl class="lc-facts">{facts}</dl>')
    rows = "".join(f"<tr><td>{_days(h.days, lang)}</td><td>{esc(h.opens)}–{esc(h.closes)}</td></tr>" for h in venue.opening_hours)
    open_days = {d for h in venue.opening_hours for d in h.days}
    closed = [d for d in Weekday if d not in open_days]
    closed_text = _days(closed, lang) if closed else ""
    if venue.closed:
        closed_text = f"{closed_text} · {text(venue.closed, lang)}" if closed_text else text(venue.closed, lang)
    parts.append(
        f'<h2 id="opening-hours">{esc(t("label.opening_hours", lang))}</h2>'
        f'<table class="lc-hours"><thead><tr><th scope="col">{esc(t("finder.weekday", lang))}</th>'
        f'<th scope="col">{esc(t("label.opening_hours", lang))}</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    if closed_text:
        parts.append(f"<p><strong>{esc(t('label.closed_days', lang))}</strong>: {closed_text}</p>")
    admission = t("label.free_admission" if venue.admission.free else "label.paid_admission", lang)
    booking = t("label.booking_required" if venue.booking.required else "label.booking_not_required", lang)
    visit = _row("label.admission", esc(admission) + (f" · {text(venue.admission.note, lang)}" if venue.admission.note else ""), lang)
    booking_html = esc(booking)
    if venue.booking.note:
        booking_html += f" · {text(venue.booking.note, lang)}"
    if venue.booking.url:
        booking_html += f' · <a href="{esc(venue.booking.url)}" rel="noopener">{esc(venue.booking.url)}</a>'
    visit += _row("label.booking", booking_html, lang)
    parts.append(f'<dl class="lc-facts">{visit}</dl>')
    access = venue.accessibility
    items = "".join(
        f'<li>{"✓" if getattr(access, name) else "✗"} {esc(t("access." + name, lang))}: '
        f'{esc(t("label.yes" if getattr(access, name) else "label.no", lang))}</li>'
        for name in ("step_free", "lift", "accessible_toilet", "hearing_loop", "braille", "wheelchair_loan")
    )
    note = f"<p>{text(access.note, lang)}</p>" if access.note else ""
    parts.append(f'<h2 id="accessibility">{esc(t("label.accessibility", lang))}</h2><ul class="lc-access">{items}</ul>{note}')
    if venue.services:
        items = "".join(f"<li><strong>{esc(t('service.' + s.kind.value, lang))}</strong>: {text(s.description, lang)}</li>" for s in venue.services)
        parts.append(f'<h2 id="services">{esc(t("label.services", lang))}</h2><ul>{items}</ul>')
    if venue.last_verified:
        parts.append(f'<p class="lc-verified"><small>{esc(t("label.last_verified", lang))}: {esc(i18n.date(venue.last_verified, lang))}</small></p>')
    parts.append(qr_code(page, lang))
    return f'<div class="lc-record lc-venue">{"".join(parts)}</div>'
