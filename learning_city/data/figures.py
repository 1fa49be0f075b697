"""Actual figures for the policy's targets: computed from the catalogue, or as reported.

Each computed target names a metric in `METRICS`; the function takes the catalogue and
returns a Figure with the records behind it, so the targets page can show which
schools fall short and by how much.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Comparator, Level, Measure, ProviderKind, RecognitionKind, Statistic, Target, Text, Unit

# What a figure's `total` counts besides a kind of provider (ProviderKind's values): the towns.
TOWNS = "towns"


@dataclass(frozen=True)
class Evidence:
    """A record behind a figure: a provider that falls short, a recognition that counts."""

    collection: str  # "providers", "recognitions", "regions", "leading-group"
    id: str
    name: Text
    actual: float | None = None
    missing: float | None = None


@dataclass(frozen=True)
class Figure:
    value: float | None  # the actual figure in the target's unit; None when nobody knows
    met: bool | None
    counted: list[Evidence] = field(default_factory=list)  # records that make up the figure
    short: list[Evidence] = field(default_factory=list)  # records that fall short
    total: int | None = None  # the whole the value is taken from: how many schools (or towns) there are
    report: Statistic | None = None
    # What `value` counts, a Unit's value: not always the target's unit. A per-school target ("10
    # courses each") counts the schools that meet it; a share counts percent of `total`.
    unit: str | None = None
    of: str | None = None  # what `total` counts: a provider kind's value, or TOWNS


def compare(target: Target, actual: float) -> bool:
    if target.comparator is Comparator.at_least:
        return actual >= target.value
    if target.comparator is Comparator.exactly:
        return actual == target.value
    if target.comparator is Comparator.about:  # "about 30%": within a tenth of the target
        return abs(actual - target.value) <= abs(target.value) / 10
    return target.value <= actual <= (target.value_max if target.value_max is not None else target.value)


def _per_school(kind: ProviderKind, count: Callable) -> Callable[[Catalogue, Target], Figure]:
    """Every school of a kind must reach the target on its own: list those that do not."""

    def metric(catalogue: Catalogue, target: Target) -> Figure:
        schools = sorted(catalogue.providers_of(kind), key=lambda p: p.id)
        short = []
        for school in schools:
            actual = count(school)
            if not compare(target, actual):
                short.append(Evidence("providers", school.id, school.name, actual, max(target.value - actual, 0)))
        meeting = len(schools) - len(short)
        return Figure(meeting, bool(schools) and not short, short=short, total=len(schools), unit=Unit.schools.value, of=kind.value)

    return metric


def _recognised(kind: RecognitionKind, level: Level) -> Callable[[Catalogue, Target], Figure]:
    def metric(catalogue: Catalogue, target: Target) -> Figure:
        counted = [
            Evidence("recognitions", r.id, _recognised_name(catalogue, r))
            for r in catalogue.recognitions
            if r.kind is kind and r.level is level
        ]
        return Figure(len(counted), compare(target, len(counted)), counted=counted, unit=target.unit.value)

    return metric


def _recognised_name(catalogue: Catalogue, recognition) -> Text:
    if recognition.provider and recognition.provider in catalogue.providers:
        return catalogue.providers[recognition.provider].name
    if recognition.region:
        region = catalogue.counties.get(recognition.region) or catalogue.town_of(recognition.region)
        if region:
            return region.name
    return recognition.issuer


def _share_of_adult_schools(kind: RecognitionKind, level: Level | None) -> Callable[[Catalogue, Target], Figure]:
    """Percentage of adult schools holding a recognition; the others are listed as short."""

    def metric(catalogue: Catalogue, target: Target) -> Figure:
        holders = {r.provider for r in catalogue.recognitions if r.kind is kind and (level is None or r.level is level)}
        schools = sorted(catalogue.providers_of(ProviderKind.adult_school), key=lambda p: p.id)
        share = Figure(None, None, total=len(schools), unit=Unit.percent.value, of=ProviderKind.adult_school.value)
        if not schools:
            return share
        short = [Evidence("providers", s.id, s.name) for s in schools if s.id not in holders]
        value = round(100 * (len(schools) - len(short)) / len(schools), 1)
        return replace(share, value=value, met=compare(target, value), short=short)

    return metric


def _towns_with_teaching_point(catalogue: Catalogue, target: Target) -> Figure:
    """Towns (subdistricts) with at least one tier-4 community school (teaching point)."""
    reached = {p.region for p in catalogue.providers.values() if p.tier == 4}
    towns = [town for county in catalogue.regions.counties for town in county.towns]
    share = Figure(None, None, total=len(towns), unit=Unit.percent.value, of=TOWNS)
    if not towns:
        return share
    short = [Evidence("regions", t.id, t.name) for t in towns if t.id not in reached]
    value = round(100 * (len(towns) - len(short)) / len(towns), 1)
    return replace(share, value=value, met=compare(target, value), short=short)


def _leading_group_members(catalogue: Catalogue, target: Target) -> Figure:
    members = catalogue.leading_group.members
    counted = [Evidence("leading-group", m.id, m.name) for m in members]
    return Figure(len(members), compare(target, len(members)), counted=counted, unit=target.unit.value)


# Metrics that count recognitions: the kind (and level, None for any) each counts. The targets page
# links each such target to that kind on the recognitions page, and that page links back.
RECOGNITION_COUNTS: dict[str, tuple[RecognitionKind, Level]] = {
    "national-demonstration-zones": (RecognitionKind.demonstration_zone, Level.national),
    "national-experimental-zones": (RecognitionKind.experimental_zone, Level.national),
    "national-demonstration-towns": (RecognitionKind.demonstration_town, Level.national),
    "provincial-demonstration-learning-cities": (RecognitionKind.demonstration_learning_city, Level.provincial),
    "municipal-standardised-community-schools": (RecognitionKind.standardised_community_school, Level.municipal),
}
RECOGNITION_SHARES: dict[str, tuple[RecognitionKind, Level | None]] = {
    "adult-school-standardisation": (RecognitionKind.standardised_adult_school, None),
    "provincial-modern-adult-schools": (RecognitionKind.modern_adult_school, Level.provincial),
}

METRICS: dict[str, Callable[[Catalogue, Target], Figure]] = {
    "vocational-school-courses": _per_school(ProviderKind.vocational_school, lambda p: len(p.courses)),
    "adult-school-projects": _per_school(ProviderKind.adult_school, lambda p: len(p.projects)),
    **{metric: _recognised(*counted) for metric, counted in RECOGNITION_COUNTS.items()},
    **{metric: _share_of_adult_schools(*counted) for metric, counted in RECOGNITION_SHARES.items()},
    "towns-with-teaching-point": _towns_with_teaching_point,
    "leading-group-members": _leading_group_members,
}


def recognition_kind(target: Target) -> RecognitionKind | None:
    """The kind of recognition a target counts, or None if it counts none."""
    if target.metric is None or target.measure is not Measure.computed:
        return None
    counted = RECOGNITION_COUNTS.get(target.metric) or RECOGNITION_SHARES.get(target.metric)
    return counted[0] if counted else None


def figure(catalogue: Catalogue, target: Target) -> Figure:
    """The actual figure for a target: computed, or the latest report, or unknown.

    A proxy (a figure measured at a coarser level than the target asks) is never scored:
    `met` stays None, so no page or export can say it is met or not.
    """
    if target.measure is Measure.computed and target.metric is not None:  # the loader refuses a computed target without one
        found = METRICS[target.metric](catalogue, target)
        return replace(found, met=None) if target.proxy else found
    reports = catalogue.reports_for(target.id)
    if not reports:
        return Figure(None, None, unit=target.unit.value)
    latest = reports[0]  # reported in the target's own unit
    return Figure(latest.value, None if target.proxy else compare(target, latest.value), report=latest, unit=target.unit.value)
