"""JSON Schema for each kind of catalogue file, generated from the model.

Editors (VS Code's YAML extension) read these through the first line of every catalogue
file, `# yaml-language-server: $schema=…`, to complete fields and flag mistakes as people type.
Enum values carry their Chinese and English labels from the interface strings.
"""

from __future__ import annotations

from pydantic import BaseModel

from learning_city import i18n
from learning_city.data.files import FILES

# schema file -> (model, the catalogue files it describes, relative to the catalogue root)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {entry.schema: (entry.model, entry.pattern) for entry in FILES}
# enum -> prefix of its labels in ui.yml
ENUM_LABELS = {
    "ProviderKind": "kind.",
    "VenueKind": "venue.",
    "Category": "category.",
    "Audience": "audience.",
    "Mode": "mode.",
    "Weekday": "day.",
    "EnrolmentMethod": "enrol.",
    "CourseStatus": "status.",
    "ServiceKind": "service.",
    "ResourceKind": "resources.kind.",  # issue 22
    "ResourceLanguage": "resources.lang.",
    "EventKind": "events.kind.",
    "RecognitionKind": "recognitions.kind.",  # issue 22: recognitions
    "Level": "recognitions.level.",
}


def schema_for(cls: type[BaseModel]) -> dict:
    schema = cls.model_json_schema()
    strings = i18n.strings()
    for name, definition in schema.get("$defs", {}).items():
        prefix = ENUM_LABELS.get(name)
        if prefix and "enum" in definition:
            labels = [f"{v}: {strings[prefix + v]['zh']} / {strings[prefix + v]['en']}" for v in definition["enum"]]
            definition["description"] = "; ".join(labels)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
