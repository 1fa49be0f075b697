"""The open-data package (Frictionless Data Package): providers, courses and venues as CSV with
their Table Schemas, the whole catalogue as JSON, a licence and dataset metadata.

Each table is defined once, as its columns: name, type, allowed values and how the value comes
from a record. The CSV writer, the Table Schema in `datapackage.json` and the /data/ page's list
of fields all read that one definition, so a column cannot be documented one way and written
another. Descriptions of the columns are interface strings (`data.field.*` in ui.yml).
A text cell that a spreadsheet would take for a formula (`=HYPERLINK(…)`, `+cmd|…`) is written
with a ' before it (data/formulas.py), in every table: the files carry a BOM so that Excel opens them.
"""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import functools
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, get_args

from markupsafe import Markup

from learning_city import i18n
from learning_city.data import formulas, status
from learning_city.data.catalogue import Catalogue
from learning_city.data.model import (
    SLUG,
    Audience,
    Category,
    CourseStatus,
    EnrolmentMethod,
    EventKind,
    Mode,
    ProviderKind,
    ResourceKind,
    ResourceLanguage,
    VenueKind,
    Weekday,
)
from learning_city.i18n import t
from learning_city.site import calendars, events, structured, teams
from learning_city.site.incremental import made
from learning_city.site.templates import Templates
from learning_city.site.text import course_anchor, provider_url, venue_url

# Open government data under the licence most open-data portals use or accept (README: "Open data").
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
BOM = "\ufeff"  # Excel on a Chinese Windows reads UTF-8 only when the file says so
STATUS_KINDS = list(get_args(status.StatusKind))  # the rules in learning_city/data/status.py
DATE_LIST = r"^(\d{4}-\d{2}-\d{2})?( \d{4}-\d{2}-\d{2})*$"


@dataclass(frozen=True)
class Row:
    """What a column reads its value from: the catalogue, the record (and course), the site and the day."""

    catalogue: Catalogue
    site: str  # the Chinese root, absolute
    today: dt.date
    # Which records a row holds depends on its table, and each table's columns read only those:
    # Any, not `X | None`, so a column need not re-check what its table guarantees.
    provider: Any = None
    course: Any = None
    venue: Any = None
    team: Any = None  # issue 22
    resource: Any = None
    event: Any = None

    @property
    def record(self):
        return self.event or self.team or self.venue or self.provider

    @property
    def county(self):
        return self.catalogue.county_of(self.record.region)

    @property
    def town(self):
        return self.catalogue.town_of(self.record.region)


@dataclass(frozen=True)
class Column:
    name: str
    value: Callable[[Row], object]
    type: str = "string"
    required: bool = False
    enum: builtins.type[Enum] | list[str] | None = None  # `type` here is the field above
    pattern: str | None = None
    format: str | None = None
    minimum: int | None = None

    def schema(self) -> dict:
        constraints: dict[str, object] = {}
        if self.required:
            constraints["required"] = True
        if self.enum is not None:
            constraints["enum"] = [e.value if isinstance(e, Enum) else e for e in self.enum]
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        described: dict[str, object] = {"name": self.name, "type": self.type, "description": _both(f"data.field.{self.name}")}
        if self.format:
            described["format"] = self.format
        if constraints:
            described["constraints"] = constraints
        return described

    def cell(self, row: Row) -> str:
        value = self.value(row)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return f"{value:g}"
        if isinstance(value, dt.date):
            return value.isoformat()
        return formulas.as_text(str(value)) if self.type == "string" else str(value)  # never a formula in a spreadsheet


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[Column]
    primary_key: str = "id"
    foreign_keys: list[dict] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def schema(self) -> dict:
        return {"fields": [c.schema() for c in self.columns], "primaryKey": [self.primary_key], "foreignKeys": self.foreign_keys}


def _both(key: str, **args) -> str:
    return " / ".join(t(key, lang, **args) for lang in i18n.LANGUAGES)


def _en(text) -> str | None:
    return text.en if text else None


def _zh(text) -> str | None:
    return text.zh if text else None


def _page(row: Row, lang: str) -> str:
    root = row.site + i18n.ROOTS[lang]
    if row.venue:
        return venue_url(root, row.venue.id)
    url = provider_url(root, row.provider.id)
    return url + "#" + course_anchor(row.course.id) if row.course else url


def _calendar(row: Row, lang: str) -> str:
    return row.site + i18n.ROOTS[lang] + calendars.course_path(row.provider.id, row.course.id)


def _term(row: Row):
    return row.provider.term_of(row.course)


def _dates(row: Row):
    return status.class_dates(row.course, _term(row))


def _window(row: Row):
    return status.window(row.course, _term(row))


def _hours(row: Row) -> str:
    return "; ".join(f"{' '.join(d.value for d in h.days)} {h.opens}-{h.closes}" for h in row.venue.opening_hours)


def _closures(row: Row) -> str:
    return " ".join(f"{c.dates.start.isoformat()}/{c.dates.end.isoformat()}" for c in row.venue.closures)


CLOCK = "%H:%M"  # how the catalogue writes a time of day
DAYS = "^(" + "|".join(d.value for d in Weekday) + ")( (" + "|".join(d.value for d in Weekday) + "))*$"
AUDIENCES = "^(" + "|".join(a.value for a in Audience) + ")( (" + "|".join(a.value for a in Audience) + "))*$"


def _place() -> list[Column]:
    """Where a record is: its county and town, its address in both languages."""
    return [
        Column("county", lambda r: r.county.id if r.county else None, pattern=SLUG),
        Column("town", lambda r: r.town.id if r.town else None, pattern=SLUG),
        Column("address_zh", lambda r: r.record.address.zh, required=True),
        Column("address_en", lambda r: r.record.address.en),
    ]


def _contact() -> list[Column]:
    return [
        Column("phone", lambda r: r.record.contact.phone),
        Column("website", lambda r: r.record.contact.website, format="uri"),
    ]


def _pages() -> list[Column]:
    return [Column(f"url_{lang}", functools.partial(_page, lang=lang), format="uri", required=True) for lang in i18n.LANGUAGES]


PROVIDERS = Table(
    "providers",
    [
        Column("id", lambda r: r.provider.id, required=True, pattern=SLUG),
        Column("kind", lambda r: r.provider.kind.value, required=True, enum=ProviderKind),
        Column("tier", lambda r: r.provider.tier, type="integer", minimum=1),
        Column("name_zh", lambda r: r.provider.name.zh, required=True),
        Column("name_en", lambda r: r.provider.name.en),
        Column("parent", lambda r: r.provider.parent, pattern=SLUG),
        *_place(),
        *_contact(),
        Column("courses", lambda r: len(r.provider.courses), type="integer", required=True, minimum=0),
        *_pages(),
        Column("last_verified", lambda r: r.provider.last_verified, type="date"),
        Column("sample", lambda r: r.provider.sample, type="boolean", required=True),
    ],
    foreign_keys=[{"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}}],
)

COURSES = Table(
    "courses",
    [
        Column("id", lambda r: f"{r.provider.id}/{r.course.id}", required=True, pattern=SLUG[:-1] + "/" + SLUG[1:]),
        Column("provider", lambda r: r.provider.id, required=True, pattern=SLUG),
        Column("course", lambda r: r.course.id, required=True, pattern=SLUG),
        Column("title_zh", lambda r: r.course.title.zh, required=True),
        Column("title_en", lambda r: r.course.title.en),
        Column("category", lambda r: r.course.category.value, required=True, enum=Category),
        Column("audience", lambda r: " ".join(a.value for a in r.course.audience), required=True, pattern=AUDIENCES),
        Column("mode", lambda r: r.course.mode.value, required=True, enum=Mode),
        Column("term", lambda r: r.course.term, pattern=SLUG),
        Column("days", lambda r: " ".join(d.value for d in r.course.schedule.days), required=True, pattern=DAYS),
        Column("start", lambda r: r.course.schedule.start, type="time", format=CLOCK, required=True),
        Column("end", lambda r: r.course.schedule.end, type="time", format=CLOCK, required=True),
        Column("start_date", lambda r: _dates(r).start if _dates(r) else None, type="date"),
        Column("end_date", lambda r: _dates(r).end if _dates(r) else None, type="date"),
        Column("except_dates", lambda r: " ".join(d.isoformat() for d in sorted(r.course.schedule.except_dates)), pattern=DATE_LIST),
        Column("sessions", lambda r: r.course.schedule.sessions, type="integer", minimum=1),
        Column("hours", lambda r: r.course.hours, type="number", required=True),
        Column("fee", lambda r: r.course.fee.amount, type="number", required=True, minimum=0),
        Column("fee_note_zh", lambda r: _zh(r.course.fee.note)),
        Column("fee_note_en", lambda r: _en(r.course.fee.note)),
        Column("capacity", lambda r: r.course.capacity, type="integer", required=True, minimum=1),
        Column("venue", lambda r: r.course.venue, pattern=SLUG),
        *_place()[:2],
        Column("enrolment", lambda r: r.course.enrolment.method.value, required=True, enum=EnrolmentMethod),
        Column("enrolment_opens", lambda r: _window(r).opens, type="date"),
        Column("enrolment_closes", lambda r: _window(r).closes, type="date"),
        Column("enrolment_url", lambda r: r.course.enrolment.url, format="uri"),
        Column("status", lambda r: status.enrolment_status(r.course, _term(r), r.today).kind, required=True, enum=STATUS_KINDS),
        Column("provider_status", lambda r: r.course.status.value, required=True, enum=CourseStatus),
        *_pages(),
        Column("calendar_zh", lambda r: _calendar(r, "zh"), format="uri", required=True),
        Column("calendar_en", lambda r: _calendar(r, "en"), format="uri", required=True),
        Column("last_verified", lambda r: r.provider.last_verified, type="date"),
        Column("sample", lambda r: r.provider.sample, type="boolean", required=True),
    ],
    foreign_keys=[
        {"fields": ["provider"], "reference": {"resource": "providers", "fields": ["id"]}},
        {"fields": ["venue"], "reference": {"resource": "venues", "fields": ["id"]}},
    ],
)

VENUES = Table(
    "venues",
    [
        Column("id", lambda r: r.venue.id, required=True, pattern=SLUG),
        Column("kind", lambda r: r.venue.kind.value, required=True, enum=VenueKind),
        Column("name_zh", lambda r: r.venue.name.zh, required=True),
        Column("name_en", lambda r: r.venue.name.en),
        *_place(),
        *_contact(),
        Column("opening_hours", _hours, required=True),
        Column("closures", _closures),
        Column("free_admission", lambda r: r.venue.admission.free, type="boolean", required=True),
        Column("booking_required", lambda r: r.venue.booking.required, type="boolean", required=True),
        *_pages(),
        Column("last_verified", lambda r: r.venue.last_verified, type="date"),
        Column("sample", lambda r: r.venue.sample, type="boolean", required=True),
    ],
)

# --- issue 22: learning teams and online resources ---------------------------------------------
LANGUAGE_LIST = "^(" + "|".join(x.value for x in ResourceLanguage) + ")( (" + "|".join(x.value for x in ResourceLanguage) + "))*$"


def _meetings(row: Row) -> str:
    """Each weekly meeting as "sat 14:00-16:00 PLACE", separated by "; "."""
    return "; ".join(f"{' '.join(d.value for d in m.days)} {m.start}-{m.end} {m.place.zh}" for m in row.team.meetings)


def _team_page(row: Row, lang: str) -> str:
    county = row.catalogue.county(row.team.region)
    return teams.teams_url(row.site + i18n.ROOTS[lang], county.id) + "#" + teams.team_anchor(row.team.id)


def _resource_page(row: Row, lang: str) -> str:
    return teams.resources_url(row.site + i18n.ROOTS[lang]) + "#" + teams.resource_anchor(row.resource.id)


TEAMS = Table(
    "teams",
    [
        Column("id", lambda r: r.team.id, required=True, pattern=SLUG),
        Column("name_zh", lambda r: r.team.name.zh, required=True),
        Column("name_en", lambda r: r.team.name.en),
        Column("category", lambda r: r.team.category.value, required=True, enum=Category),
        *_place()[:2],
        Column("provider", lambda r: r.team.provider, pattern=SLUG),
        Column("meetings", _meetings, required=True),
        Column("contact_name_zh", lambda r: _zh(r.team.contact.name)),
        Column("contact_name_en", lambda r: _en(r.team.contact.name)),
        Column("phone", lambda r: r.team.contact.phone),
        Column("email", lambda r: r.team.contact.email, format="uri"),
        Column("website", lambda r: r.team.contact.website, format="uri"),
        Column("join_zh", lambda r: r.team.join.zh, required=True),
        Column("join_en", lambda r: r.team.join.en),
        *[Column(f"url_{lang}", functools.partial(_team_page, lang=lang), format="uri", required=True) for lang in i18n.LANGUAGES],
        Column("last_verified", lambda r: r.team.last_verified, type="date"),
        Column("sample", lambda r: r.team.sample, type="boolean", required=True),
    ],
    foreign_keys=[{"fields": ["provider"], "reference": {"resource": "providers", "fields": ["id"]}}],
)

RESOURCES = Table(
    "resources",
    [
        Column("id", lambda r: r.resource.id, required=True, pattern=SLUG),
        Column("kind", lambda r: r.resource.kind.value, required=True, enum=ResourceKind),
        Column("name_zh", lambda r: r.resource.name.zh, required=True),
        Column("name_en", lambda r: r.resource.name.en),
        Column("publisher_zh", lambda r: r.resource.publisher.zh, required=True),
        Column("publisher_en", lambda r: r.resource.publisher.en),
        Column("subject", lambda r: r.resource.subject.value, required=True, enum=Category),
        Column("languages", lambda r: " ".join(x.value for x in r.resource.languages), required=True, pattern=LANGUAGE_LIST),
        Column("free", lambda r: r.resource.free, type="boolean", required=True),
        Column("fee_note_zh", lambda r: _zh(r.resource.fee_note)),
        Column("fee_note_en", lambda r: _en(r.resource.fee_note)),
        Column("link", lambda r: r.resource.url, format="uri", required=True),
        *[Column(f"url_{lang}", functools.partial(_resource_page, lang=lang), format="uri", required=True) for lang in i18n.LANGUAGES],
        Column("last_verified", lambda r: r.resource.last_verified, type="date"),
        Column("sample", lambda r: r.resource.sample, type="boolean", required=True),
    ],
)


def _rows_of(catalogue: Catalogue, site: str, today: dt.date, kind: str, record: Any) -> list[Row]:
    """The rows one record gives: a row per course of a provider ("course"), else the record's one row."""
    if kind == "course":
        return [Row(catalogue, site, today, provider=record, course=c) for c in record.courses]
    return [Row(catalogue, site, today, **{kind: record})]


def _issue22_rows(table: Table, catalogue: Catalogue, site: str, today: dt.date) -> list[tuple[str, Callable[[], list[Row]]]]:
    """Rows of the teams and resources tables, by record: no page of its own has a key, so a live preview makes them afresh."""
    if table is TEAMS:
        return [
            (f"teams/{x.id}", functools.partial(_rows_of, catalogue, site, today, "team", x))
            for x in sorted(catalogue.teams.values(), key=lambda x: x.id)
        ]
    return [
        (f"resources/{x.id}", functools.partial(_rows_of, catalogue, site, today, "resource", x))
        for x in sorted(catalogue.resources.values(), key=lambda x: x.id)
    ]


# --- issue 22: learning events -------------------------------------------------------------------
def _event_link(row: Row, lang: str, path) -> str:
    return row.site + i18n.ROOTS[lang] + path(row.event.id)


EVENTS = Table(
    "events",
    [
        Column("id", lambda r: r.event.id, required=True, pattern=SLUG),
        Column("kind", lambda r: r.event.kind.value, required=True, enum=EventKind),
        Column("name_zh", lambda r: r.event.name.zh, required=True),
        Column("name_en", lambda r: r.event.name.en),
        Column("date", lambda r: r.event.date, type="date", required=True),
        Column("last_day", lambda r: r.event.last_day, type="date", required=True),
        Column("start", lambda r: r.event.start, type="time", format=CLOCK, required=True),
        Column("end", lambda r: r.event.end, type="time", format=CLOCK, required=True),
        *_place()[:2],
        Column("venue", lambda r: r.event.venue, pattern=SLUG),
        Column("provider", lambda r: r.event.provider, pattern=SLUG),
        Column("place_zh", lambda r: _zh(r.event.place)),
        Column("place_en", lambda r: _en(r.event.place)),
        Column("mode", lambda r: r.event.mode.value, required=True, enum=Mode),
        Column("online_url", lambda r: r.event.online_url, format="uri"),
        Column("audience", lambda r: " ".join(a.value for a in r.event.audience), required=True, pattern=AUDIENCES),
        Column("free", lambda r: r.event.free, type="boolean", required=True),
        Column("booking_required", lambda r: r.event.join.booking, type="boolean", required=True),
        Column("booking_url", lambda r: r.event.join.url, format="uri"),
        Column("booking_phone", lambda r: r.event.join.phone),
        Column("phone", lambda r: r.event.contact.phone),
        *[
            Column(
                f"url_{lang}",
                functools.partial(_event_link, lang=lang, path=functools.partial(events.event_url, "")),
                format="uri",
                required=True,
            )
            for lang in i18n.LANGUAGES
        ],
        *[
            Column(
                f"event_calendar_{lang}", functools.partial(_event_link, lang=lang, path=events.calendar_path), format="uri", required=True
            )
            for lang in i18n.LANGUAGES
        ],
        Column("last_verified", lambda r: r.event.last_verified, type="date"),
        Column("sample", lambda r: r.event.sample, type="boolean", required=True),
    ],
    foreign_keys=[
        {"fields": ["provider"], "reference": {"resource": "providers", "fields": ["id"]}},
        {"fields": ["venue"], "reference": {"resource": "venues", "fields": ["id"]}},
    ],
)


TABLES = [PROVIDERS, COURSES, VENUES, TEAMS, RESOURCES, EVENTS]
CATALOGUE_JSON = "catalogue.json"
# Each target in catalogue.json carries its actual figure in these fields, beside the target as the
# model defines it; each is described (data.field.target_*) in datapackage.json and on the /data/ page.
# `actual` is not always in the target's unit: "at least 10 courses" in each school counts the
# schools that meet it, of `total` schools, so `actual_unit` says what it counts.
TARGET_FIGURE = {
    "actual": lambda fig: fig.value,
    "actual_unit": lambda fig: fig.unit,
    "total": lambda fig: fig.total,
    "total_of": lambda fig: fig.of,
    "met": lambda fig: fig.met,
}


def target_figure(fig) -> dict:
    """A target's figure (data/figures.py) as catalogue.json gives it."""
    return {name: value(fig) for name, value in TARGET_FIGURE.items()}


def rows(table: Table, catalogue: Catalogue, site: str, today: dt.date) -> list[tuple[str, Callable[[], list[Row]]]]:
    """The table's rows, grouped by the record they come from (its page's source), made when asked."""
    providers = sorted(catalogue.providers.values(), key=lambda p: p.id)
    if table is PROVIDERS:
        return [(f"providers/{p.id}.md", functools.partial(_rows_of, catalogue, site, today, "provider", p)) for p in providers]
    if table is COURSES:
        return [(f"providers/{p.id}.md", functools.partial(_rows_of, catalogue, site, today, "course", p)) for p in providers]
    if table is EVENTS:  # no page of its own: made afresh in a live preview
        return [
            (f"events/{x.id}", functools.partial(_rows_of, catalogue, site, today, "event", x))
            for x in sorted(catalogue.events.values(), key=lambda x: x.id)
        ]
    if table in (TEAMS, RESOURCES):
        return _issue22_rows(table, catalogue, site, today)
    return [
        (f"venues/{v.id}.md", functools.partial(_rows_of, catalogue, site, today, "venue", v))
        for v in sorted(catalogue.venues.values(), key=lambda v: v.id)
    ]


def table_csv(table: Table, catalogue: Catalogue, site: str, today: dt.date, piece=made) -> bytes:
    """The table as CSV, UTF-8 with a byte-order mark, one header row, then a row per record
    (`piece`: each record's cells made, or kept, by incremental.Pieces)."""
    lines = [_csv([[c.name for c in table.columns]])]
    for record, group in rows(table, catalogue, site, today):
        lines.append(piece(f"csv:{table.name}", record, lambda group=group: _csv([c.cell(row) for c in table.columns] for row in group())))
    return (BOM + "".join(lines)).encode("utf-8")


def _csv(cells) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(cells)
    return out.getvalue()


def modified(catalogue: Catalogue) -> dt.date:
    """The data's own date (never the clock): the latest day a record was checked."""
    return calendars.catalogue_date(catalogue)


def descriptor(catalogue: Catalogue, site: str, files: dict[str, bytes]) -> dict:
    """datapackage.json: the dataset's metadata and each file with its schema, size and hash."""
    resources = []
    for table in TABLES:
        content = files[table.path]
        resources.append(
            {
                "name": table.name,
                "path": table.path,
                "title": _both(f"data.table.{table.name}"),
                "description": _both(f"data.table.{table.name}_help"),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "bytes": len(content),
                "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
                "schema": table.schema(),
            }
        )
    content = files[CATALOGUE_JSON]
    resources.append(
        {
            "name": "catalogue",
            "path": CATALOGUE_JSON,
            "title": _both("data.table.catalogue"),
            "description": _both("data.table.catalogue_help"),
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "bytes": len(content),
            "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
            "target_fields": [{"name": name, "description": _both(f"data.field.target_{name}")} for name in TARGET_FIGURE],
        }
    )
    return {
        "name": "jiaxing-learning-city",
        "title": _both("data.title"),
        "description": _both("data.description"),
        "homepage": site + "data/",
        "licenses": [LICENCE],
        "contributors": [{"title": _both_text(catalogue.leading_group.name), "role": "publisher"}],
        "keywords": ["learning city", "lifelong learning", "community education", "Jiaxing", "学习型城市", "社区教育"],
        "modified": modified(catalogue).isoformat(),
        "resources": resources,
    }


def _both_text(text) -> str:
    return text.zh if not text.en else f"{text.zh} / {text.en}"


def files(catalogue: Catalogue, site: str, today: dt.date, catalogue_json: bytes, piece=made) -> dict[str, bytes]:
    """Every file of the package, by name under data/: the CSVs, the JSON and datapackage.json."""
    written = {table.path: table_csv(table, catalogue, site, today, piece) for table in TABLES}
    written[CATALOGUE_JSON] = catalogue_json
    package = descriptor(catalogue, site, written)
    written["datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return written


# --- the /data/ page: the same tables, described for people -------------------------------


def _field_rows(table: Table, lang: str) -> list[dict]:
    keys = {fk["fields"][0]: fk["reference"]["resource"] or table.name for fk in table.foreign_keys}
    rows = []
    for column in table.columns:
        schema = column.schema()
        constraints = schema.get("constraints", {})
        rows.append(
            {
                "name": column.name,
                "type": schema["type"] + (f" ({column.format})" if column.format else ""),
                "about": t(f"data.field.{column.name}", lang),
                "allowed": " ".join(constraints.get("enum", [])),
                "required": constraints.get("required", False),
                "primary": column.name == table.primary_key,
                "refers": f"{keys[column.name]}.csv" if column.name in keys else "",
            }
        )
    return rows


def page(catalogue: Catalogue, lang: str, base: str, root: str, site_url: str, *, templates: Templates) -> str:
    """The /data/ page: every download with its fields and the licence, and the Dataset's JSON-LD.
    `base` leads to this language's root, `root` to the Chinese one where the data files are;
    `site_url` is this language's absolute root."""
    home = site_url[: len(site_url) - len(i18n.ROOTS[lang])] if i18n.ROOTS[lang] else site_url
    files = ["datapackage.json", *(table.path for table in TABLES), CATALOGUE_JSON]
    media = {"json": "application/json", "csv": "text/csv"}
    downloads = [(f"{home}data/{name}", media[name.rsplit(".", 1)[1]]) for name in files]
    downloads.append((site_url + "feed.xml", "application/atom+xml"))
    publisher = catalogue.leading_group.name.get(lang)
    dataset = structured.dataset_node(
        t("data.title", lang) + " · " + t("site.name", lang),
        t("data.description", lang),
        site_url + "data/",
        publisher,
        modified(catalogue).isoformat(),
        LICENCE["path"],
        downloads,
        lang,
    )
    licence = Markup('<a href="{}" rel="license">{}</a>').format(LICENCE["path"], f"{LICENCE['title']} ({LICENCE['name']})")
    return templates.render(
        "lc/open_data.html",
        lang=lang,
        base=base,
        root=root,
        tables=TABLES,
        fields={table.name: _field_rows(table, lang) for table in TABLES},
        target_fields=list(TARGET_FIGURE),
        licence=licence,
        publisher=publisher,
        modified=modified(catalogue),
        counties=catalogue.regions.counties,
        deadlines_path=calendars.deadlines_path,
        jsonld=structured.script_json(dataset),
    )
