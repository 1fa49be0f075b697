"""Open data: the whole catalogue as JSON and the courses as CSV, both languages, stable ids."""

from __future__ import annotations

import csv
import io

from .catalogue import Catalogue
from .targets import figure


def catalogue_json(catalogue: Catalogue) -> dict:
    """Every record as the model defines it, plus each target's actual figure."""
    targets = []
    for target in catalogue.targets:
        fig = figure(catalogue, target)
        targets.append({**target.model_dump(mode="json"), "actual": fig.value, "met": fig.met})
    return {
        "policy": catalogue.policy.model_dump(mode="json"),
        "targets": targets,
        "regions": catalogue.regions.model_dump(mode="json"),
        "leading_group": catalogue.leading_group.model_dump(mode="json"),
        "recognitions": [r.model_dump(mode="json") for r in catalogue.recognitions],
        "statistics": [s.model_dump(mode="json") for s in catalogue.statistics],
        "providers": [p.model_dump(mode="json") for p in catalogue.providers.values()],
        "venues": [v.model_dump(mode="json") for v in catalogue.venues.values()],
    }


COURSE_COLUMNS = [
    "id", "provider", "title_zh", "title_en", "category", "audience", "mode", "days", "start", "end",
    "hours", "fee", "capacity", "county", "town", "enrolment", "sample",
]


def courses_csv(catalogue: Catalogue) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COURSE_COLUMNS)
    for provider in catalogue.providers.values():
        county = catalogue.county_of(provider.region)
        town = catalogue.town_of(provider.region)
        for course in provider.courses:
            writer.writerow([
                f"{provider.id}/{course.id}", provider.id, course.title.zh, course.title.en or "",
                course.category.value, " ".join(a.value for a in course.audience), course.mode.value,
                " ".join(d.value for d in course.schedule.days), course.schedule.start, course.schedule.end,
                f"{course.hours:g}", f"{course.fee.amount:g}", course.capacity, county.id if county else "",
                town.id if town else "", course.enrolment.method.value, str(provider.sample).lower(),
            ])
    return out.getvalue()
