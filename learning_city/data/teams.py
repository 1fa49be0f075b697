"""Cross-file rules of learning teams and online resources (issue 22): what they name must exist.

A team names its region, the provider that supports it and the venues it meets in; each must be
in the catalogue, and its venues in its region's county (places.py) (a record whose own file has errors is reported there, not again here).
"""

from __future__ import annotations

from learning_city.data import places
from learning_city.data.catalogue import Catalogue
from learning_city.data.problems import Problem, reference


def check(catalogue: Catalogue, collections: dict, unreadable: set[str]) -> list[Problem]:
    regions = set(catalogue.counties) | set(catalogue.towns)
    providers = set(catalogue.providers) | unreadable
    venues = set(catalogue.venues) | unreadable
    problems: list[Problem] = []
    for team, doc in collections["teams"].values():
        if team.region not in regions:
            problems.append(doc.problem(("region",), "unknown_ref", **reference("region"), value=team.region))
        if team.provider and team.provider not in providers:
            problems.append(doc.problem(("provider",), "unknown_ref", **reference("provider"), value=team.provider))
        for mi, meeting in enumerate(team.meetings):
            if meeting.venue and meeting.venue not in venues:
                problems.append(doc.problem(("meetings", mi, "venue"), "unknown_ref", **reference("venue"), value=meeting.venue))
            problems += places.venue(catalogue, doc, team.region, meeting.venue, ("meetings", mi, "venue"))
    return problems
