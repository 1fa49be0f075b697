"""A course's enrolment status as the pages show it: words for the build's day, and the dates
behind them as data attributes, so the site's status script (docs/assets/status.js) says the same
for the reader's day. The rules are learning_city/data/status.py's; here they are only shown.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from markupsafe import Markup

from learning_city.data import status as rules
from learning_city.data.model import Course, Provider, Term
from learning_city.site import i18n
from learning_city.site.i18n import t

# the interface strings the status script needs (given to every page by the plugin)
SCRIPT_STRINGS = (
    "status.open", "status.open_until", "status.not_yet", "status.closed", "status.full",
    "status.waitlist", "status.cancelled", "date.format",
    "course.copy_link", "course.copied", "course.copy_failed", "course.print",
    "today.open_now", "today.open_later", "today.closed", "today.closed_reason",
    "search.provider", "search.when", "search.place", "search.fee", "search.status",
)
# statuses under which a reader can still put their name down (now or when enrolment opens)
CAN_ENROL = ("open", "not-yet", "waitlist")


def term_of(provider: Provider, course: Course) -> Term | None:
    return next((term for term in provider.terms if term.id == course.term), None)


def text(status: rules.Status, lang: str) -> str:
    """"Open until 3 September 2026", "Enrolment closed", …"""
    if status.kind == "open":
        return t("status.open_until", lang, date=i18n.date(status.date, lang)) if status.date else t("status.open", lang)
    if status.kind == "not-yet":
        return t("status.not_yet", lang, date=i18n.date(status.date, lang))
    return t(f"status.{status.kind}", lang)


def facts(provider: Provider, course: Course) -> dict[str, str]:
    """What the browser recomputes the status from: the provider's word and the three dates."""
    window = rules.window(course, term_of(provider, course))
    return {
        "status": course.status.value,
        "opens": window.opens.isoformat() if window.opens else "",
        "closes": window.closes.isoformat() if window.closes else "",
        "ends": window.ends.isoformat() if window.ends else "",
    }


def of(provider: Provider, course: Course, today: dt.date) -> rules.Status:
    return rules.enrolment_status(course, term_of(provider, course), today)


def badge(provider: Provider, course: Course, lang: str, today: dt.date) -> Markup:
    """The status element of a course: words for the build's day, and the facts as data attributes
    (the script rewrites the words for the reader's day). A function, not a template macro: it is
    called for every course of every list, and kept short, as a list may hold 120 courses."""
    status = of(provider, course, today)
    attrs = "".join(f' data-{name}="{value}"' for name, value in facts(provider, course).items() if value)
    return Markup(f'<span class="lc-status" data-kind="{status.kind}"{attrs}>{escape(text(status, lang))}</span>')


def as_of(lang: str, today: dt.date) -> Markup:
    """Once above a list of statuses: the day they were true (the script hides it once it has redone them)."""
    return Markup(f'<p class="lc-status-as-of"><small>{escape(t("status.as_of", lang, date=i18n.date(today, lang)))}</small></p>')


def template_globals(today: dt.date) -> dict:
    """What the page templates call: `course_status(provider, course, lang)` and the build's day."""
    return {
        "course_status": lambda provider, course, lang: badge(provider, course, lang, today),
        "status_as_of": lambda lang: as_of(lang, today),
    }


def script_strings(lang: str) -> dict:
    """The interface strings of the page scripts, their {placeholders} left for the script to fill."""
    return {**{key: i18n.strings()[key][lang] for key in SCRIPT_STRINGS}, "months": i18n.MONTHS, "lang": lang}
