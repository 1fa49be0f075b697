"""The catalogue's files, named once: each file (or folder of records), its model and its schema.

The loader reads by this table, the schema generator writes a schema per row, the formatter and
the synthetic city write each file's first line from it, so a new kind of file is one new row.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from learning_city.data import model as m


@dataclass(frozen=True)
class CatalogueFile:
    """One file of the catalogue (`policy.yml`) or one folder with a file per record (`providers`)."""

    name: str  # "policy.yml", or the folder "providers"
    model: type[BaseModel]
    schema: str  # file name under schema/
    folder: bool = False

    @property
    def pattern(self) -> str:
        """The files it covers, relative to the catalogue root: "policy.yml", "providers/*.yml"."""
        return f"{self.name}/*.yml" if self.folder else self.name


FILES: list[CatalogueFile] = [
    CatalogueFile("providers", m.Provider, "provider.schema.json", folder=True),
    CatalogueFile("venues", m.Venue, "venue.schema.json", folder=True),
    CatalogueFile("policy.yml", m.Policy, "policy.schema.json"),
    CatalogueFile("targets.yml", m.Targets, "targets.schema.json"),
    CatalogueFile("regions.yml", m.Regions, "regions.schema.json"),
    CatalogueFile("leading-group.yml", m.LeadingGroup, "leading-group.schema.json"),
    CatalogueFile("recognitions.yml", m.Recognitions, "recognitions.schema.json"),
    CatalogueFile("statistics.yml", m.Statistics, "statistics.schema.json"),
    CatalogueFile("glossary.yml", m.Glossary, "glossary.schema.json"),
    # issue 22: learning teams and online resources
    CatalogueFile("teams", m.Team, "team.schema.json", folder=True),
    CatalogueFile("resources", m.Resource, "resource.schema.json", folder=True),
    CatalogueFile("events", m.Event, "event.schema.json", folder=True),
]
SINGLE_FILES: dict[str, type[BaseModel]] = {f.name: f.model for f in FILES if not f.folder}
COLLECTIONS: dict[str, type[BaseModel]] = {f.name: f.model for f in FILES if f.folder}


def schema_line(catalogue_file: str) -> str:
    """The first line a catalogue file carries, e.g. for "providers/x.yml": editors read its schema there."""
    depth = catalogue_file.count("/") + 1
    for entry in FILES:
        if (entry.folder and catalogue_file.startswith(entry.name + "/")) or catalogue_file == entry.name:
            return f"# yaml-language-server: $schema={'../' * depth}schema/{entry.schema}"
    raise ValueError(f"not a catalogue file: {catalogue_file}")
