"""Open data: the whole catalogue as JSON and the course finder's files; the tables, their schemas
and the rest of the data package are in datapackage.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from learning_city.data.catalogue import Catalogue
from learning_city.data.figures import figure
from learning_city.data.recognitions import published
from learning_city.site import datapackage, enrolment
from learning_city.site.incremental import made
from learning_city.site.text import course_anchor, course_start, fee_text, times_of_day, when_text

JSON_KEYS = {"resources": "online_resources"}


def catalogue_json(catalogue: Catalogue, piece=made) -> bytes:
    """Every record as the model defines it, plus each target's actual figure (what it counts, and
    of how many: datapackage.TARGET_FIGURE): the bytes of
    `json.dumps` of the whole, written record by record (`piece`: each record's JSON made, or
    kept, by incremental.Pieces)."""
    targets = []
    for target in catalogue.targets:
        fig = figure(catalogue, target)
        targets.append({**target.model_dump(mode="json"), **datapackage.target_figure(fig)})
    head = {
        "policy": catalogue.policy.model_dump(mode="json"),
        "targets": targets,
        "regions": catalogue.regions.model_dump(mode="json"),
        "leading_group": catalogue.leading_group.model_dump(mode="json"),
        "recognitions": [published(r).model_dump(mode="json") for r in catalogue.recognitions],  # names only with consent
        "statistics": [s.model_dump(mode="json") for s in catalogue.statistics],
    }
    records = {
        collection: ", ".join(
            piece("json", f"{collection}/{r.id}.md", lambda r=r: json.dumps(r.model_dump(mode="json"), ensure_ascii=False))
            for r in found.values()
        )
        for collection, found in (
            ("providers", catalogue.providers),
            ("venues", catalogue.venues),
            ("teams", catalogue.teams),
            ("resources", catalogue.resources),
            ("events", catalogue.events),
        )
    }
    # issue 22: online resources under "online_resources": a JSON file with "resources" reads as a data package descriptor
    tail = "".join(f', "{JSON_KEYS.get(collection, collection)}": [{text}]' for collection, text in records.items())
    return (json.dumps(head, ensure_ascii=False)[:-1] + tail + "}").encode("utf-8")


def finder_shard(catalogue: Catalogue, county, lang: str, piece=made) -> list[dict]:
    """The course finder's data for one county, as plain text the browser never parses as HTML."""
    items = []
    for provider in sorted(catalogue.providers.values(), key=lambda p: p.id):
        if catalogue.county_of(provider.region) is county:
            items += piece("finder", f"providers/{provider.id}.md", lambda provider=provider: finder_items(catalogue, provider, lang))
    return items


def finder_items(catalogue: Catalogue, provider, lang: str) -> list[dict]:
    """A provider's courses in the finder."""
    county = catalogue.county(provider.region)
    town = catalogue.town_of(provider.region)
    items = []
    for course in provider.courses:
        words = [course.title.zh, course.title.en, provider.name.zh, provider.name.en, county.name.zh, county.name.en]
        if course.description:
            words += [course.description.zh, course.description.en]
        if town:
            words += [town.name.zh, town.name.en]
        items.append(
            {
                "href": f"providers/{provider.id}/#{course_anchor(course.id)}",
                "title": course.title.get(lang),
                "title_lang": "zh" if course.title.is_fallback(lang) else lang,
                "provider": provider.name.get(lang),
                "provider_lang": "zh" if provider.name.is_fallback(lang) else lang,
                "when": when_text(course, lang),
                "fee": fee_text(course, lang),
                "county": county.id,
                "town": town.id if town else "",
                "category": course.category.value,
                "audience": [a.value for a in course.audience],
                "mode": course.mode.value,
                "free": course.fee.amount == 0,
                "days": [d.value for d in course.schedule.days],
                "times": times_of_day(course),
                "kind": provider.kind.value,
                "start": course_start(provider, course),
                "enrolment": enrolment.facts(provider, course),  # the status, worked out in the browser
                "text": " ".join(w for w in words if w).lower(),
            }
        )
    return items


def write(catalogue: Catalogue, lang: str, site_dir: Path, site: str, today: dt.date, piece=made) -> None:
    """The finder's per-county files in each language; the data package once, in the Chinese root
    (`site` is its absolute address, `today` the day enrolment status is given for)."""
    data = site_dir / "data"
    (data / "courses").mkdir(parents=True, exist_ok=True)
    for county in catalogue.regions.counties:  # a county's file reads what its area page reads
        text = piece(
            "finder-file",
            f"areas/{county.id}.md",
            lambda county=county: json.dumps(finder_shard(catalogue, county, lang, piece), ensure_ascii=False),
        )
        (data / "courses" / f"{county.id}.json").write_text(text, encoding="utf-8")
    if lang == "zh":  # language-independent: both languages are in it
        for name, content in datapackage.files(catalogue, site, today, catalogue_json(catalogue, piece), piece).items():
            (data / name).write_bytes(content)
