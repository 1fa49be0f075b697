"""Recognitions as the public may see them (issue 22): a resident's name only with their consent,
and each title placed in its county and year for the recognitions page.

Every published form of a recognition (the site's page, the open data) goes through `published`,
so a name given without consent is left out in one place.
"""

from __future__ import annotations

from learning_city.data.catalogue import Catalogue
from learning_city.data.model import County, Recognition, RecognitionKind


def published(recognition: Recognition) -> Recognition:
    """The recognition without the resident's name unless they agreed to its publication."""
    if recognition.person is None or recognition.name_public:
        return recognition
    return recognition.model_copy(update={"person": None})


def county_of(catalogue: Catalogue, recognition: Recognition) -> County | None:
    """The county of the region or provider recognised (None for a city-wide title)."""
    if recognition.region:
        return catalogue.county_of(recognition.region)
    provider = catalogue.providers.get(recognition.provider or "")
    return catalogue.county_of(provider.region) if provider else None


def by_kind_and_year(catalogue: Catalogue) -> dict[RecognitionKind, dict[int, list[Recognition]]]:
    """Published recognitions by kind (the model's order), the latest year first, and within a
    year by county (the catalogue's order, city-wide titles last), then id."""
    order = {county.id: n for n, county in enumerate(catalogue.regions.counties)}

    def place(recognition: Recognition) -> tuple[int, str]:
        county = county_of(catalogue, recognition)
        return (order[county.id] if county else len(order), recognition.id)

    found: dict[RecognitionKind, dict[int, list[Recognition]]] = {}
    for kind in RecognitionKind:
        of_kind = [published(r) for r in catalogue.recognitions if r.kind is kind]
        years = sorted({r.year for r in of_kind}, reverse=True)
        if years:
            found[kind] = {year: sorted((r for r in of_kind if r.year == year), key=place) for year in years}
    return found
