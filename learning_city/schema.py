"""JSON Schema for each kind of catalogue file, generated from the model.

Editors (VS Code's YAML extension) read these through the first line of every catalogue
file, `# yaml-language-server: $schema=…`, to complete fields and flag mistakes as people type.
Enum values carry their Chinese and English labels from the interface strings.
"""

from __future__ import annotations

from pydantic import BaseModel

from . import model as m
from .i18n import _strings

# schema file -> (model, the catalogue files it describes, relative to the catalogue root)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "provider.schema.json": (m.Provider, "providers/*.yml"),
    "venue.schema.json": (m.Venue, "venues/*.yml"),
    "policy.schema.json": (m.Policy, "policy.yml"),
    "targets.schema.json": (m.Targets, "targets.yml"),
    "regions.schema.json": (m.Regions, "regions.yml"),
    "leading-group.schema.json": (m.LeadingGroup, "leading-group.yml"),
    "recognitions.schema.json": (m.Recognitions, "recognitions.yml"),
    "statistics.schema.json": (m.Statistics, "statistics.yml"),
    "glossary.schema.json": (m.Glossary, "glossary.yml"),
}
# enum -> prefix of its labels in ui.yml
ENUM_LABELS = {
    "ProviderKind": "kind.",
    "VenueKind": "venue.",
    "Category": "category.",
    "Audience": "audience.",
    "Mode": "mode.",
    "Weekday": "day.",
    "EnrolmentMethod": "enrol.",
    "ServiceKind": "service.",
}


def schema_for(cls: type[BaseModel]) -> dict:
    schema = cls.model_json_schema()
    definitions = [schema, *schema.get("$defs", {}).values()]
    for definition in definitions:
        for name, prop in definition.get("properties", {}).items():
            if "description" not in prop and name in m.FIELD_HELP:
                zh, en = m.FIELD_HELP[name]
                prop["description"] = f"{zh} / {en}"
    strings = _strings()
    for name, definition in schema.get("$defs", {}).items():
        prefix = ENUM_LABELS.get(name)
        if prefix and "enum" in definition:
            labels = [f"{v}: {strings[prefix + v]['zh']} / {strings[prefix + v]['en']}" for v in definition["enum"]]
            definition["description"] = "; ".join(labels)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_line(catalogue_file: str) -> str:
    """The first line a catalogue file carries, e.g. for "providers/x.yml"."""
    depth = catalogue_file.count("/") + 1
    for filename, (_, pattern) in SCHEMAS.items():
        folder, _, _stem = pattern.rpartition("/")
        if (folder and catalogue_file.startswith(folder + "/")) or catalogue_file == pattern:
            return f"# yaml-language-server: $schema={'../' * depth}schema/{filename}"
    raise KeyError(catalogue_file)
