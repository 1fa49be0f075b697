"""The web editor's configuration (Decap CMS at /admin/), generated from the model.

Like the JSON Schema, the editor's form is derived, never written by hand: every field of a
provider or venue in the model's order, the widget chosen by the field's type, required exactly
as the model says, labels and hints from the field descriptions, choices labelled from ui.yml,
and the validator's own patterns and messages. Besides the Decap `config.yml`, it writes a small
ES module (`model.js`) that the editor's scripts read: each record's fields (so a save is written
in the catalogue's canonical form) and the interface strings the preview pane shows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel

from learning_city import i18n
from learning_city.data import model as m
from learning_city.data import places
from learning_city.data.characters import hidden_pattern
from learning_city.data.figures import recognition_kind
from learning_city.data.files import schema_line
from learning_city.data.problems import MESSAGES, REFERENCES
from learning_city.data.yamlfile import read
from learning_city.tools.schema import ENUM_LABELS, schema_for

# Collections the editor offers: one YAML file per record, named by its id.
COLLECTIONS: dict[str, tuple[type[BaseModel], str]] = {
    "providers": (m.Provider, "nav.providers"),
    "venues": (m.Venue, "nav.venues"),
    # issue 22: learning teams and online resources
    "teams": (m.Team, "nav.teams"),
    "resources": (m.Resource, "nav.resources"),
    "events": (m.Event, "nav.events"),  # issue 22: the learning week and other events
}
# Collections kept in one file as a list of records (Decap's `files` collection, the list its one
# field): issue 22, the bureau's recognitions.yml.
LISTS: dict[str, tuple[type[BaseModel], str]] = {"recognitions": (m.Recognitions, "nav.recognitions")}
# Fields holding the id of another record, shown as a choice of names.
RELATIONS = {"parent": "providers", "venue": "venues", "provider": "providers"}  # provider: a team's supporting school
# What a collapsed list item shows: a course its title, days and time.
SUMMARIES = {
    "courses": "{{fields.title.zh}} · {{fields.schedule.days}} {{fields.schedule.start}}–{{fields.schedule.end}}",
    "terms": "{{fields.name.zh}} · {{fields.dates.start}}–{{fields.dates.end}}",
    "projects": "{{fields.name.zh}} · {{fields.year}}",
    "opening_hours": "{{fields.days}} {{fields.opens}}–{{fields.closes}}",
    # a closure has no id: without its own summary Decap showed "No dates" (its English for an empty one)
    "closures": "{{fields.dates.start}}–{{fields.dates.end}} · {{fields.reason.zh}}",
    "services": "{{fields.kind}} · {{fields.description.zh}}",
    "meetings": "{{fields.days}} {{fields.start}}–{{fields.end}}",  # a team's meetings
    "recognitions": "{{fields.year}} {{fields.region}}{{fields.provider}} · {{fields.kind}}",  # issue 22: a school by name
}
# A yes/no that consents to publishing another field (issue 22: a resident's name): the form says,
# while the box is unticked, that the site leaves that field out (widgets.js lc-consent).
CONSENTS = {"name_public": "person"}
# Decap's local proxy (decap-server) for `make edit`; only used when /admin/ is opened on this machine.
LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
# The forges the editor can save to; `extra.editor.backend` in mkdocs.yml picks one.
BACKENDS = ("github", "gitlab", "forgejo", "gitea")
# The form's own words (editor.js, widgets.js, refusals.js, the preview's switch): ui.yml's "editor.*";
# Decap's own, worded over, are "decap.*" (locale.js). The preview takes the page's words from
# admin/preview.json, as the page does.
FORM_PREFIX = "editor."
DECAP_PREFIX = "decap."


def _message(code: str) -> str:
    """A validator message without the offending value, for a form that shows it beside the field."""
    zh, en = MESSAGES[code]
    zh = re.sub(r"“\{value\}”", "", zh)
    en = re.sub(r" ?'\{value\}'", "", en)
    return f"{zh} / {en}"


PATTERNS = {  # the validator's pattern for a JSON Schema pattern, with its message
    m.CLOCK: "clock",
    m.SLUG: "slug",
    m.WEB: "web_link",  # a web address: a website, a link to enrol, book or join, a resource
    m.EMAIL: "email_link",
    **m.PATTERN_CODES,  # a phone, an account
}
# Text of the model (Text: prose; Line: one line), a Chinese and an English input in the form.
TEXTS = ("Text", "Line")


def _text_spec(definition: str, defs: dict) -> dict:
    """What checks.js checks of a text's Chinese and English: its length, and whether it is one line
    (the model's own bounds, read from the schema's `zh`)."""
    zh = defs[definition]["properties"]["zh"]
    return {"max_length": zh["maxLength"], **({"line": True} if zh.get("pattern") == m.ONE_LINE else {})}


def _scalar_spec(schema: dict) -> dict:
    """What checks.js checks of a typed value beyond the widget's own check: a length bound, ids the
    site reserves, the range of dates (of a date, or of each date of a list)."""
    spec: dict = {}
    if "maxLength" in schema:
        spec["max_length"] = schema["maxLength"]
    if schema.get("pattern") == m.SLUG and "not" in schema:
        spec["reserved"] = schema["not"]["enum"]
    if "formatMinimum" in schema:
        spec.update(earliest=schema["formatMinimum"], latest=schema["formatMaximum"])
    return spec


def form_message(code: str) -> str:
    """A validator message for the form, in Chinese only (the people using it read Chinese), without
    the offending value, which the form shows beside it."""
    return re.sub(r"“\{value\}”", "", MESSAGES[code][0])


def _split(description: str) -> tuple[str, str]:
    zh, _, en = description.partition(" / ")
    return zh, en


def label(name: str, prop: dict) -> str:
    """A short Chinese label, "名额": the Chinese of the field's help up to its first aside. The form
    is Chinese only; the English help is for people editing the YAML (the JSON Schema)."""
    zh, _ = _split(prop.get("description") or name)
    return re.split(r"[，（：]", zh)[0].strip()


# Widgets that write the file's syntax for the person (choices, yes/no, times, dates): a help that
# spells that syntax out ("open 可报名", "true 时", "加引号") is for the YAML, not for the form.
SYNTAX_WIDGETS = ("select", "boolean", "lc-yesno", "lc-consent", "lc-clock", "lc-date", "lc-phone", "lc-email")


def _hint(name: str, prop: dict, widget: str) -> str | None:
    zh, _ = _split(prop.get("description", ""))
    if not zh or zh == label(name, prop) or (widget in SYNTAX_WIDGETS and re.search(r'[A-Za-z"]', zh)):
        return None
    return zh


def _singular(text: str) -> str:
    """What one item of a list is called, for "新增课程": 课程列表 is a list of 课程."""
    return text.removesuffix("列表")


def _unwrap(prop: dict, defs: dict) -> tuple[dict, str | None]:
    """The property's own schema (Optional and $ref resolved) and the name of its definition."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    inner = {**prop, **options[0]}
    inner.pop("anyOf", None)
    ref = inner.pop("$ref", None)
    if ref:
        name = ref.rsplit("/", 1)[1]
        return {**defs[name], **{k: v for k, v in inner.items() if k == "description"}}, name
    return inner, None


def _options(definition: str, values: list[str]) -> list[dict]:
    strings = i18n.strings()
    prefix = ENUM_LABELS[definition]
    return [{"label": strings[prefix + v]["zh"], "value": v} for v in values]


def _field(name: str, prop: dict, defs: dict, required: bool, regions: list[dict], within_optional: bool = False) -> tuple[dict, dict]:
    """One model field as (Decap field, spec for the canonical writer and the checks before saving).

    Decap requires a field whenever its object is shown, even an optional object left empty; so
    inside an optional object nothing is required in the form, and editor.js checks before
    saving that an object given has what the model requires (spec "required")."""
    schema, definition = _unwrap(prop, defs)
    strings = i18n.strings()
    field: dict = {"name": name, "label": label(name, prop), "required": required and not within_optional}
    spec: dict = {"name": name, "label": field["label"], "required": required}  # label: where a refusal is (locale.js)
    inner_optional = within_optional or not required
    if "default" in prop and prop["default"] not in (None, [], {}):
        spec["default"] = prop["default"]
    if definition in TEXTS:
        field.update(
            widget="object",
            collapsed=False,
            fields=[
                {"name": "zh", "label": strings["editor.chinese"]["zh"], "widget": "string", "required": not inner_optional},
                {"name": "en", "label": strings["editor.english"]["zh"], "widget": "string", "required": False},
            ],
        )
        spec.update(type="text", **_text_spec(definition, defs))
    elif definition and "enum" in schema:
        field.update(widget="select", options=_options(definition, schema["enum"]))
        spec["type"] = "string"
    elif definition:  # a nested record
        fields, specs = _fields(schema, defs, regions, inner_optional)
        field.update(widget="object", collapsed=not required, fields=fields)
        spec.update(type="object", fields=specs)
    elif schema.get("type") == "array":
        items, item_definition = _unwrap(schema["items"], defs)
        if item_definition and "enum" in items:
            field.update(widget="select", multiple=True, options=_options(item_definition, items["enum"]))
            spec.update(type="list", flow=True)
        elif item_definition in TEXTS:
            text, _ = _field(
                "text", {"$ref": f"#/$defs/{item_definition}", "description": prop.get("description", "")}, defs, True, regions
            )
            field.update(widget="list", field={**text, "label": field["label"]})
            spec.update(type="list", item={"type": "text", **_text_spec(item_definition, defs)})
        elif item_definition:
            fields, specs = _fields(items, defs, regions)
            field.update(widget="list", collapsed=True, summary=SUMMARIES.get(name, "{{fields.id}}"), fields=fields)
            spec.update(type="list", item={"type": "object", "fields": specs})
        elif items.get("format") == "date":
            field.update(widget="list", field={"name": "item", "label": field["label"], "widget": "lc-date"})
            spec.update(type="list", flow=False, **_scalar_spec(items))
        else:
            item = {"name": "item", "label": field["label"], "widget": "string"}
            _pattern(item, items)
            field.update(widget="list", field=item)
            spec.update(type="list", flow=False)
        if schema.get("uniqueItems"):  # each item once (checks.js): a holiday picked twice
            spec["unique"] = True
        if field["widget"] == "list":
            field["label_singular"] = _singular(field["label"])
        if schema.get("minItems"):
            field["min"] = schema["minItems"]
        if not required:
            field["required"] = False
    elif schema.get("type") == "string" and schema.get("format") == "date":
        field.update(widget="lc-date")  # typed or picked, always shown 2027-03-02 (widgets.js)
        spec.update(type="date", **_scalar_spec(schema))
    elif name == "region":
        field.update(widget="select", options=regions, label=_picked(field["label"]))
        spec.update(type="string", label=field["label"], refers="regions")  # checked against records.json (checks.js)
    elif name in RELATIONS:
        spec["refers"] = RELATIONS[name]
        field.update(
            label=_picked(field["label"]),
            widget="relation",
            collection=RELATIONS[name],
            value_field="id",
            search_fields=["name.zh", "name.en", "id"],
            display_fields=["name.zh"],
        )
        spec.update(type="string", label=field["label"])
    elif name == "term":  # a term of the same record: a choice among its terms by name (editor.js)
        field.update(widget="lc-term", label=_picked(field["label"]))
        spec.update(type="string", label=field["label"])
    elif schema.get("type") in ("number", "integer"):
        field.update(widget="number", value_type="int" if schema["type"] == "integer" else "float")
        for bound, key in (("minimum", "min"), ("maximum", "max")):
            if bound in schema:
                field[key] = schema[bound]
        if "exclusiveMinimum" in schema:  # Decap's bounds are inclusive: a pattern says "more than"
            field["pattern"] = [r"^(?!0*(?:\.0*)?$)\d*\.?\d+$", f"须大于 {schema['exclusiveMinimum']}"]
            field["min"] = schema["exclusiveMinimum"]
        spec["type"] = "number"
    elif schema.get("type") == "boolean" and name in CONSENTS:
        field.update(widget="lc-consent", consent_of=CONSENTS[name])
        spec.update(type="boolean", consent_of=CONSENTS[name])
    elif schema.get("type") == "boolean" and "default" not in prop:  # to state: 是 or 否, neither until chosen
        field.update(widget="lc-yesno")
        spec["type"] = "boolean"
    elif schema.get("type") == "boolean":  # a switch always shows yes or no: off is "no" until turned on
        field.update(widget="boolean", default=prop["default"])
        spec["type"] = "boolean"
    elif schema.get("pattern") == m.EMAIL:  # the address alone is typed; "mailto:" is the form's (widgets.js)
        field.update(widget="lc-email", pattern=[m.EMAIL, strings["editor.email"]["zh"]])
        spec.update(type="string", **_scalar_spec(schema))
    elif schema.get("pattern") == m.PHONE:  # full-width digits and dashes typed are made ASCII (widgets.js)
        field.update(widget="lc-phone")
        _pattern(field, schema)
        spec.update(type="string", **_scalar_spec(schema))
    elif schema.get("pattern") == m.CLOCK:  # a full-width colon typed is made ":" (widgets.js)
        field.update(widget="lc-clock", pattern=[m.CLOCK, strings["editor.clock"]["zh"]], hint=strings["editor.clock_hint"]["zh"])
        spec["type"] = "clock"
    else:
        field.update(widget="string")
        _pattern(field, schema)
        spec.update(type="string", **_scalar_spec(schema))
    hint = _hint(name, prop, field["widget"])
    if hint and "hint" not in field:
        field["hint"] = hint
    return field, spec


def _picked(label: str) -> str:
    """A field that holds another record's id is chosen by that record's name: "上级机构", not
    "上级机构编号" (which asks the person to type an id)."""
    return label.removesuffix("编号")


def _pattern(field: dict, schema: dict) -> None:
    pattern = schema.get("pattern")
    if pattern:
        code = PATTERNS.get(pattern)
        field["pattern"] = [pattern, form_message(code) if code else f"{field['label']}：{form_message('bad_format')}"]


# A record or part that has a Chinese name has its id made from it (ids.js): a secretary never
# invents a slug. The form leaves such an id optional; editor.js fills an empty one before saving.
NAMED_BY = ("name", "title")
# A record without a name (issue 22: a recognition) has its id made of what it recognises, its kind
# and year, the ids and choices it holds: nanhu-chengnan-learning-star-2023.
MADE_OF = ("provider", "region", "kind", "year")


def _fields(schema: dict, defs: dict, regions: list[dict], within_optional: bool = False) -> tuple[list[dict], list[dict]]:
    required = set(schema.get("required", []))
    pairs = [_field(name, prop, defs, name in required, regions, within_optional) for name, prop in schema["properties"].items()]
    fields, specs = [f for f, _ in pairs], [s for _, s in pairs]
    ordered = m.ordered_fields(getattr(m, schema.get("title", ""), m.Record))  # the model's ordered pairs (checks.js)
    for field_spec in specs:
        if field_spec["name"] in ordered:
            earlier, strictly, code = ordered[field_spec["name"]]
            field_spec["after"] = {"field": earlier, "strictly": strictly, "code": code}
    named = next((s["name"] for s in specs if s["name"] in NAMED_BY and s.get("type") == "text"), None)
    made_of = not named and set(MADE_OF) <= {s["name"] for s in specs}
    if (named or made_of) and fields and fields[0]["name"] == "id":
        hint = "editor.id_hint" if named else "editor.id_made_hint"
        fields[0].update(widget="lc-id", required=False, hint=i18n.strings()[hint]["zh"])
        if named:
            specs[0]["from"] = named
        else:
            specs[0]["made_of"] = list(MADE_OF)
    return fields, specs


def _form(cls: type[BaseModel], regions: list[dict]) -> tuple[list[dict], list[dict]]:
    """A record's form fields and specs, from its JSON Schema."""
    schema = schema_for(cls)
    return _fields(schema, schema.get("$defs", {}), regions)


def region_options(regions: m.Regions) -> list[dict]:
    """Every county and town, labelled "南湖区 · 大桥镇" so people pick by name."""
    options = []
    for county in regions.counties:
        options.append({"label": county.name.zh, "value": county.id})
        options += [{"label": f"{county.name.zh} · {town.name.zh}", "value": town.id} for town in county.towns]
    return options


def backend(repository: str, settings: dict) -> dict:
    """Decap's backend for the forge in `settings["backend"]`, saving to the repository's main branch.

    github: open authoring (people without write access work in a fork and open a pull request),
    logging in through the OAuth proxy at `auth_url`. gitlab: merge requests, PKCE login with the
    OAuth application `app_id`. forgejo: open authoring and PKCE login with `app_id`. gitea: Decap
    3.16's Gitea backend refuses the editorial workflow, so saves go to the branch `editor`, which
    one standing pull request brings to main (see `publish_mode`).
    """
    kind = settings.get("backend") or "github"
    if kind not in BACKENDS:
        raise ValueError(f"extra.editor.backend: {kind!r} is not one of {BACKENDS}")
    url = urlsplit(repository)
    origin, repo = f"{url.scheme}://{url.netloc}", url.path.strip("/").removesuffix(".git")
    strings = i18n.strings()
    found = {
        "name": kind,
        "repo": repo,
        "branch": "main",
        "commit_messages": {
            action: f"{strings['editor.' + action]['zh']} / {strings['editor.' + action]['en']}"
            for action in ("create", "update", "delete")
        },
    }
    if kind == "github":
        found["open_authoring"] = True
        if settings.get("auth_url"):
            found["base_url"] = settings["auth_url"]
        if url.netloc != "github.com":  # GitHub Enterprise
            found["api_root"] = f"{origin}/api/v3"
    elif kind == "gitlab":
        found.update(auth_type="pkce", app_id=settings.get("app_id") or "", base_url=origin, api_root=f"{origin}/api/v4")
    else:
        found.update(app_id=settings.get("app_id") or "", base_url=origin, api_root=f"{origin}/api/v1")
        if kind == "forgejo":
            found["open_authoring"] = True
        else:
            found["branch"] = "editor"
    return found


def publish_mode(settings: dict) -> str:
    """Every save a branch and a pull request, except on Gitea, whose Decap backend cannot (see backend)."""
    return "simple" if settings.get("backend") == "gitea" else "editorial_workflow"


def config(repository: str, settings: dict, regions: m.Regions) -> dict:
    """The whole Decap configuration (config.yml); `settings` is mkdocs.yml's `extra.editor`."""
    strings = i18n.strings()
    collections = []
    for name, (cls, title) in COLLECTIONS.items():
        fields, _ = _form(cls, region_options(regions))
        collections.append(
            {
                "name": name,
                "label": strings[title]["zh"],
                "label_singular": strings[title]["zh"],
                "folder": f"catalogue/{name}",
                "extension": "yml",
                "format": f"lc-{name}",
                "identifier_field": "id",
                "slug": "{{id}}",
                "summary": "{{name.zh}}",
                "sortable_fields": ["id"],
                "create": True,
                "delete": False,
                "fields": fields,
            }
        )
    for name, (cls, title) in LISTS.items():  # one file, its records in a list (issue 22)
        fields, _ = _form(cls, region_options(regions))
        fields[0]["add_to_top"] = True  # a new record under 新增, not below the file's last on a phone
        label = strings[title]["zh"]
        collections.append(
            {
                "name": name,
                "label": label,
                "label_singular": label,
                "format": f"lc-{name}",
                "extension": "yml",
                "delete": False,
                "files": [{"name": name, "label": label, "file": f"catalogue/{name}.yml", "fields": fields}],
            }
        )
    return {
        "locale": "zh_Hans",
        "publish_mode": publish_mode(settings),
        "backend": backend(repository, settings),
        "local_backend": {"url": settings.get("local_backend") or LOCAL_BACKEND},
        "media_folder": "docs/assets/uploads",
        "public_folder": "/assets/uploads",
        "show_preview_links": False,
        "collections": collections,
    }


def spec() -> dict:
    """What the canonical writer (format.js) needs: each record's fields in order, and its first line."""
    out = {}
    for name, (cls, _) in COLLECTIONS.items():
        out[name] = {"schema_line": schema_line(f"{name}/x.yml"), "fields": _form(cls, [])[1]}
    for name, (cls, _) in LISTS.items():
        out[name] = {"schema_line": schema_line(f"{name}.yml"), "fields": _form(cls, [])[1]}
    return out


# The site's own words the form quotes: what the recognitions page shows for a resident not named.
QUOTED = ("recognitions.a_resident",)


def form_strings() -> dict[str, dict[str, str]]:
    return {key: texts for key, texts in i18n.strings().items() if key.startswith(FORM_PREFIX) or key in QUOTED}


def decap_strings() -> dict[str, dict[str, str]]:
    """Decap's own interface strings that ui.yml words over, by Decap's key (locale.js)."""
    return {key.removeprefix(DECAP_PREFIX): texts for key, texts in i18n.strings().items() if key.startswith(DECAP_PREFIX)}


CONFIG_HEADER = "# Generated by scripts/editor_config.py from learning_city/data/model.py and learning_city/i18n/ui.yml: do not edit.\n"


def config_yaml(data: dict) -> str:
    """config.yml as text, in the model's order."""
    return CONFIG_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


# What checks.js `problems` refuses of one field beyond its widget (the spec's max_length, line,
# reserved, earliest and latest), with the validator's own messages.
FIELD_CODES = ("too_long", "line_break", "reserved_id", "date_out_of_range", "repeated")

# What the form refuses across a record's parts and across records (checks.js crossProblems),
# with the validator's own messages, the record's values in them.
CROSS_CODES = (
    "hidden_character",
    "less_than",
    "duplicate_id",
    "id_mismatch",
    "unknown_ref",
    "no_kind_tier",
    "wrong_parent_tier",
    "children_wrong_tier",
    "enrolment_after_end",
    "not_a_class_day",
    "too_many_sessions",
    "event_no_host",
    "event_no_place",
    "event_no_link",
    "not_for_kind",
    "consent_without_person",
    "not_yet",
    "no_class_day",
    "hours_overlap",
    "repeated_recognition",
    "parent_other_county",
    "children_other_county",
    "venue_other_county",
)  # issue 22: events and recognitions (docs/admin/checks.js eventProblems, recognitionProblems)


def model_js() -> str:
    messages = {code: _message(code) for code in ("missing", "missing_zh", "end_before_start", "not_after_start")}
    messages |= {code: " / ".join(MESSAGES[code]) for code in FIELD_CODES}
    messages |= {code: " / ".join(MESSAGES[code]) for code in CROSS_CODES}
    tiers = {kind.value: tier for kind, tier in m.TIER.items()}
    for_kind = {
        name: {"kinds": [k.value for k in kinds], "required": required} for name, (kinds, required) in m.RECOGNITION_FOR_KIND.items()
    }
    kinds = {o["value"]: o["label"] for o in _options("RecognitionKind", [kind.value for kind in m.RecognitionKind])}
    provider_kinds = {o["value"]: o["label"] for o in _options("ProviderKind", [kind.value for kind in m.ProviderKind])}
    weekday_names = {o["value"]: o["label"] for o in _options("Weekday", [day.value for day in m.Weekday])}
    return (
        "// Generated by scripts/editor_config.py from learning_city/data/model.py and learning_city/i18n/ui.yml: do not edit.\n"
        f"export const SPEC = {json.dumps(spec(), ensure_ascii=False, indent=1)};\n"
        f"export const STRINGS = {json.dumps(form_strings(), ensure_ascii=False, indent=1)};\n"
        f"export const DECAP = {json.dumps(decap_strings(), ensure_ascii=False, indent=1)};\n"
        f"export const MESSAGES = {json.dumps(messages, ensure_ascii=False, indent=1)};\n"
        f"export const TIERS = {json.dumps(tiers, indent=1)};\n"
        f"export const HELD = {json.dumps(HELD, indent=1)};\n"
        f"export const COUNTY_TIER = {places.COUNTY_TIER};\n"  # a parent of this tier and below in its county (checks.js)
        # each kind of provider as the form's choice names it, for a message that names a kind (checks.js)
        f"export const PROVIDER_KINDS = {json.dumps(provider_kinds, ensure_ascii=False, indent=1)};\n"
        f"export const FOR_KIND = {json.dumps({'recognitions': {'fields': for_kind, 'kinds': kinds}}, ensure_ascii=False, indent=1)};\n"
        f"export const HIDDEN = {json.dumps(hidden_js())};\n"
        f"export const REFERENCES = {json.dumps(REFERENCES, ensure_ascii=False, indent=1)};\n"
        f"export const WEEKDAYS = {json.dumps([day.value for day in m.Weekday])};\n"
        f"export const WEEKDAY_NAMES = {json.dumps(weekday_names, ensure_ascii=False)};\n"  # 周六, for a message (checks.js)
        f"export const LINK_SCHEMES = {json.dumps(m.LINK_SCHEMES)};\n"  # the links a page makes (site/links.py, page.js)
    )


def hidden_js() -> str:
    """The validator's hidden characters as a JavaScript regular expression (flag u)."""
    return hidden_pattern(lambda ranges: "[" + "".join(f"\\u{{{a:x}}}-\\u{{{b:x}}}" for a, b in ranges) + "]")


# What admin/records.json holds of each record by its id: the field the form's checks read (a
# provider's kind, for the tiers; for the others, an id a new record may not take). editor.js keeps
# the records saved since the build the same way (model.js HELD).
HELD = {"providers": "kind", "venues": "kind", "teams": "category", "resources": "kind", "events": "kind"}


def records_json(catalogue) -> str:
    """admin/records.json: the ids the form checks a record against (a new id must be new, a
    parent one tier up, a venue real), from the catalogue this site is built from; and under
    "names" what the preview shows for an id, as the page does: names, parents (so a provider's
    children, whose tiers a school's kind must still fit: checks.js childrenFit), and each
    region's county and town."""

    def name(record) -> dict:
        return record.name.model_dump(exclude_none=True)

    regions = {county.id: [name(county)] for county in catalogue.regions.counties}
    regions |= {town.id: [name(county), name(town)] for county, town in catalogue.towns.values()}
    return json.dumps(
        {
            **{
                collection: {record.id: getattr(record, held).value for record in getattr(catalogue, collection).values()}
                for collection, held in HELD.items()
            },
            "names": {
                "providers": {
                    p.id: {"name": name(p), "parent": p.parent, "region": p.region, "tier": p.tier} for p in catalogue.providers.values()
                },
                "venues": {
                    venue.id: {"name": name(venue), "address": venue.address.model_dump(exclude_none=True), "region": venue.region}
                    for venue in catalogue.venues.values()
                },
                "regions": regions,
                # issue 22's previews: a region's county (recognitions by county, in this order) and the targets counting each kind of recognition
                "counties": [county.id for county in catalogue.regions.counties],
                "county_of": {region: catalogue.county_of(region).id for region in regions},
                "recognition_targets": recognition_targets(catalogue),
            },
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def recognition_targets(catalogue) -> dict[str, list[dict]]:
    """The targets that count each kind of recognition (the recognitions page links them), by kind."""
    found: dict[str, list[dict]] = {}
    for target in catalogue.targets:
        kind = recognition_kind(target)
        if kind is not None:
            found.setdefault(kind.value, []).append({"id": target.id, "title": target.title.model_dump(exclude_none=True)})
    return found


def load_regions(catalogue: Path) -> m.Regions:
    doc = read(catalogue / "regions.yml")
    if doc.problems:
        raise ValueError("\n".join(map(str, doc.problems)))
    return m.Regions.model_validate(doc.data)


def generated(catalogue: Path, repository: str, settings: dict) -> dict[str, str]:
    """The editor's generated files, by name inside admin/."""
    return {
        "config.yml": config_yaml(config(repository, settings, load_regions(catalogue))),
        "model.js": model_js(),
    }


# --- the settings in mkdocs.yml, as committed -------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml with each `!ENV [NAME, default]` taken at its default: the committed files
    do not depend on this machine's environment."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None)


def settings(config: Path) -> tuple[str, dict]:
    """The repository (the learning-city plugin's setting) and the editor's settings (extra.editor)."""
    loaded = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)
    plugin = next(entry["learning-city"] for entry in loaded["plugins"] if isinstance(entry, dict) and "learning-city" in entry)
    return plugin["repository"], loaded["extra"].get("editor") or {}
