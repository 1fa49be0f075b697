"""The loaded catalogue: every record, indexed by id, and where each came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from learning_city.data.model import (
    County,
    Event,
    GlossaryTerm,
    LeadingGroup,
    Policy,
    Provider,
    ProviderKind,
    Recognition,
    Regions,
    Resource,
    Statistic,
    Target,
    Team,
    Town,
    Venue,
)


@dataclass(repr=False)
class Catalogue:
    policy: Policy
    targets: list[Target]
    regions: Regions
    leading_group: LeadingGroup
    recognitions: list[Recognition] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    providers: dict[str, Provider] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    # (collection, id) -> file path relative to the catalogue root, for "edit this record"
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    # issue 22: residents' learning teams and online resources, by id
    teams: dict[str, Team] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)

    def __repr__(self) -> str:  # short: tools that print their variables would otherwise dump it all
        return f"<Catalogue: {len(self.providers)} providers, {len(self.venues)} venues>"

    @cached_property
    def children(self) -> dict[str, list[Provider]]:
        """Each provider's children in the network, by id."""
        found: dict[str, list[Provider]] = {}
        for provider in sorted(self.providers.values(), key=lambda p: p.id):
            if provider.parent:
                found.setdefault(provider.parent, []).append(provider)
        return found

    @cached_property
    def target_index(self) -> dict[str, Target]:
        return {target.id: target for target in self.targets}

    @cached_property
    def counties(self) -> dict[str, County]:
        return {county.id: county for county in self.regions.counties}

    @cached_property
    def towns(self) -> dict[str, tuple[County, Town]]:
        return {town.id: (county, town) for county in self.regions.counties for town in county.towns}

    def county_of(self, region_id: str) -> County | None:
        if region_id in self.counties:
            return self.counties[region_id]
        found = self.towns.get(region_id)
        return found[0] if found else None

    def county(self, region_id: str) -> County:
        """The county of a loaded record's region: the loader refuses a region it does not know."""
        found = self.county_of(region_id)
        if found is None:
            raise KeyError(region_id)
        return found

    def town_of(self, region_id: str) -> Town | None:
        found = self.towns.get(region_id)
        return found[1] if found else None

    def providers_of(self, *kinds: ProviderKind) -> list[Provider]:
        return [provider for provider in self.providers.values() if provider.kind in kinds]

    def reports_for(self, target_id: str) -> list[Statistic]:
        """Reported figures for a target, the latest year first."""
        return sorted((s for s in self.statistics if s.target == target_id), key=lambda s: -s.year)
