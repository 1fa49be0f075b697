"""Where records are, county by county: what a record names must be in the county it says it is in.

A town or village school's parent is a school of its own county; an event's venue and a team's
meeting venue are in the county of the region it gives. Each pair is checked only when both of its
records are loaded and their regions known: a missing one is unknown_ref, reported apart. A region
is a county or a town (model.py), so every loaded record has a county.
"""

from __future__ import annotations

from typing import Any

from learning_city.data import model as m
from learning_city.data.catalogue import Catalogue
from learning_city.data.problems import Problem
from learning_city.data.yamlfile import Document

# The tier from which a provider's parent is a school of its own county: a county's community
# college (tier 2) answers to the city's (tier 1), wherever that one stands.
COUNTY_TIER = 3


def county_names(prefix: str, county: m.County) -> dict[str, Any]:
    """A county as a message names it, in each language ({prefix}county, {prefix}county_en)."""
    return {f"{prefix}county": county.name.zh, f"{prefix}county_en": county.name.en or county.name.zh}


def _name_en(record: m.Provider | m.Venue) -> str:
    return record.name.en or record.id


def provider(catalogue: Catalogue, record: m.Provider, doc: Document) -> list[Problem]:
    """A school's parent in its county (on its parent field), and the schools under it in its county
    (on its region: a school moved to another county would otherwise fail their files, never opened)."""
    county = catalogue.county_of(record.region)
    if county is None:  # a region not known: unknown_ref
        return []
    problems: list[Problem] = []
    parent = catalogue.providers.get(record.parent or "")
    parent_county = parent and catalogue.county_of(parent.region)
    if parent and parent_county and record.tier is not None and record.tier >= COUNTY_TIER and parent_county.id != county.id:
        problems.append(
            doc.problem(
                ("parent",),
                "parent_other_county",
                parent=parent.name.zh,
                parent_en=_name_en(parent),
                **county_names("", county),
                **county_names("parent_", parent_county),
            )
        )
    away: dict[str, list[m.Provider]] = {}
    for child in catalogue.children.get(record.id, []):
        child_county = catalogue.county_of(child.region)
        if child_county and child.tier is not None and child.tier >= COUNTY_TIER and child_county.id != county.id:
            away.setdefault(child_county.id, []).append(child)
    for county_id, children in sorted(away.items()):
        problems.append(
            doc.problem(
                ("region",),
                "children_other_county",
                children="、".join(child.name.zh for child in children),
                children_en=", ".join(child.id for child in children),
                **county_names("", county),
                **county_names("children_", catalogue.counties[county_id]),
            )
        )
    return problems


def venue(catalogue: Catalogue, doc: Document, region: str, venue_id: str | None, where: tuple) -> list[Problem]:
    """The venue an event or a team's meeting names, in the county of the region it gives."""
    county = catalogue.county_of(region)
    held = catalogue.venues.get(venue_id or "")
    venue_county = held and catalogue.county_of(held.region)
    if not (county and held and venue_county) or venue_county.id == county.id:
        return []
    return [
        doc.problem(
            where,
            "venue_other_county",
            venue=held.name.zh,
            venue_en=_name_en(held),
            **county_names("", county),
            **county_names("venue_", venue_county),
        )
    ]
