"""A course's enrolment status as the pages show it: words for the build's day, and the dates
behind them as data attributes, so the site's status script (docs/assets/status.js) says the same
for the reader's day. The rules are learning_city/data/status.py's; here they are only shown.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from markupsafe import Markup

from learning_city import i18n
from learning_city.data import status as rules
from learning_city.data.model import Course, CourseStatus, Enrolment, Provider, Schedule, Term
from learning_city.i18n import t

# the interface strings the status script needs (given to every page by the plugin)
SCRIPT_STRINGS = (
    "status.open",
    "status.open_until",
    "status.not_yet",
    "status.closed",
    "status.full",
    "status.waitlist",
    "status.cancelled",
    "status.as_of",
    "date.format",
    "course.copy_link",
    "course.copied",
    "course.copy_failed",
    "course.print",
    "header.menu",
    "header.close_menu",
    "today.open_now",
    "today.open_later",
    "today.closed",
    "today.closed_reason",
    "punct.colon",
)
# The facts a search result shows under its title (search_records.py, events.py, teams.py meta),
# in this order, each with its label: the search page writes them in the page's language.
SEARCH_LABELS = (
    ("provider", "search.provider"),
    ("host", "events.host"),
    ("publisher", "resources.publisher"),
    ("subject", "label.category"),
    ("when", "search.when"),
    ("place", "search.place"),
    ("fee", "search.fee"),
    ("join", "events.join"),
    ("status", "search.status"),
)
# statuses under which a reader can still put their name down (now or when enrolment opens)
CAN_ENROL = ("open", "not-yet", "waitlist")


def text(status: rules.Status, lang: str) -> str:
    """ "Open until 3 September 2026", "Enrolment closed", …"""
    if status.kind == "open":
        return t("status.open_until", lang, date=i18n.date(status.date, lang)) if status.date else t("status.open", lang)
    if status.kind == "not-yet" and status.date:  # a window not yet open has its first day
        return t("status.not_yet", lang, date=i18n.date(status.date, lang))
    return t(f"status.{status.kind}", lang)


def window_facts(word: str, window: rules.Window) -> dict[str, str]:
    """What the browser works the status out from: the provider's word and the three dates."""
    return {
        "status": word,
        "opens": window.opens.isoformat() if window.opens else "",
        "closes": window.closes.isoformat() if window.closes else "",
        "ends": window.ends.isoformat() if window.ends else "",
    }


def facts(provider: Provider, course: Course) -> dict[str, str]:
    return window_facts(course.status.value, rules.window(course, provider.term_of(course)))


def live(facts: dict[str, str], today: dt.date) -> dict[str, str]:
    """Only the facts that can still change the status on `today` or later, as a page carries them
    (a list may hold 120 courses): "open" is the default word; a day of opening already past, or
    the last day of classes after enrolment closes, no longer decides anything."""
    kept = {"status": facts["status"]} if facts["status"] != "open" else {}
    if facts["status"] == "cancelled":
        return kept
    if facts["opens"] and today.isoformat() < facts["opens"]:
        kept["opens"] = facts["opens"]
    if facts["closes"]:
        kept["closes"] = facts["closes"]
    if facts["ends"] and not (facts["closes"] and facts["closes"] <= facts["ends"]):
        kept["ends"] = facts["ends"]
    return kept


def of(provider: Provider, course: Course, today: dt.date) -> rules.Status:
    return rules.enrolment_status(course, provider.term_of(course), today)


def _element(status: rules.Status, facts: dict[str, str], lang: str, today: dt.date) -> Markup:
    attrs = "".join(f' data-{name}="{value}"' for name, value in live(facts, today).items())
    return Markup(f'<span class="lc-status"{attrs}>{escape(text(status, lang))}</span>')


def badge(provider: Provider, course: Course, lang: str, today: dt.date) -> Markup:
    """The status element of a course: words for the build's day, and the dates as data attributes
    (the script rewrites the words for the reader's day). A function, not a template macro: it is
    called for every course of every list."""
    return _element(of(provider, course, today), facts(provider, course), lang, today)


def term_badge(term: Term, lang: str, today: dt.date) -> Markup:
    """A term's enrolment (the older people's page lists terms, not courses): the status of a course
    of that term with no dates or word of its own, by the same rules."""
    course = Course.model_construct(
        status=CourseStatus.open,
        enrolment=Enrolment.model_construct(opens=None, closes=None),
        schedule=Schedule.model_construct(dates=None),
    )
    status = rules.enrolment_status(course, term, today)
    return _element(status, window_facts("open", rules.window(course, term)), lang, today)


def as_of(lang: str, today: dt.date) -> Markup:
    """Once above a list of statuses: the day they were true (the script names the reader's day once it has redone them)."""
    return Markup(f'<p class="lc-status-as-of"><small>{escape(t("status.as_of", lang, date=i18n.date(today, lang)))}</small></p>')


def template_globals(today: dt.date) -> dict:
    """What the page templates call: `course_status(provider, course, lang)` and the build's day."""
    return {
        "course_status": lambda provider, course, lang: badge(provider, course, lang, today),
        "term_status": lambda term, lang: term_badge(term, lang, today),
        "status_as_of": lambda lang: as_of(lang, today),
    }


def script_strings(lang: str) -> dict:
    """The interface strings of the page scripts, their {placeholders} left for the script to fill,
    and the statuses under which a reader can still enrol (status.js hides the link for the others)."""
    words = {key: i18n.strings()[key][lang] for key in SCRIPT_STRINGS}
    labels = [[name, i18n.strings()[key][lang]] for name, key in SEARCH_LABELS]  # a list: the order is kept
    return {**words, "months": i18n.MONTHS, "lang": lang, "canEnrol": list(CAN_ENROL), "searchLabels": labels}
