"""Load a catalogue folder: read every file, validate it against the model, check references.

`load(root)` returns the catalogue and every problem found, all at once. The catalogue is
None when any error was found: the site is never built from a catalogue that lost a record.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import re
import typing
import unicodedata
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from learning_city.data import events, inventory, places, store, teams
from learning_city.data import model as m
from learning_city.data.catalogue import Catalogue
from learning_city.data.figures import METRICS
from learning_city.data.files import COLLECTIONS, SINGLE_FILES, schema_line
from learning_city.data.problems import REFERENCES, Problem, dotted, reference
from learning_city.data.status import WEEKDAYS, meeting_count
from learning_city.data.tokens import iter_tokens
from learning_city.data.yamlfile import MAX_BYTES, Document, parse


def resolve_root(value: str | Path, base: Path) -> Path:
    """A catalogue folder given relative to `base` (the config's folder) or absolute."""
    root = Path(value)
    return root if root.is_absolute() else base / root


def catalogue_files(root: Path) -> list[Path]:
    """Every file the catalogue is made of, in a stable order (links and strays left out)."""
    found = inventory.take(root, list(SINGLE_FILES), list(COLLECTIONS))
    return [found.single[name] for name in SINGLE_FILES if name in found.single] + [
        path for folder in COLLECTIONS for path in found.records[folder]
    ]


# Parsed and validated files by (model, file content): a caller that loads again and again (tests,
# a live preview) passes one in, and only files whose bytes changed are parsed again.
Cache = dict[tuple[type, bytes], tuple[Document, BaseModel | None]]
Raw = dict[Path, bytes | Problem]


def load(
    root: Path | str,
    today: dt.date | None = None,
    cache: Cache | None = None,
    disk: store.Store | None = None,
    *,
    whole: bool = True,
) -> tuple[Catalogue | None, list[Problem]]:
    """The catalogue, or None if any error; with `today`, warnings that do not block are added.

    With `disk` (validation and the builds pass `Store.default()`), parsed and validated files and
    whole results are kept on disk by content and code version: validation parses, both language
    builds reuse its work, and a run with nothing changed reads one entry. Problems are kept with
    the records, so an entry gives back exactly what checking the files again would. `whole=False`
    skips the whole-result entry, for a live preview that keeps every file parsed in `cache`.
    """
    # Reading builds millions of small objects that all stay alive until the end; Python's cycle
    # collector would walk them again and again (9 s instead of 3 s at city scale). Nothing
    # here makes reference cycles, so it is paused while loading.
    with _collector_paused():
        return _load(Path(root), today, {} if cache is None else cache, disk or store.Store(None), whole)


@contextlib.contextmanager
def _collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(root: Path, today: dt.date | None, cache: Cache, disk: store.Store, whole: bool) -> tuple[Catalogue | None, list[Problem]]:
    found = inventory.take(root, list(SINGLE_FILES), list(COLLECTIONS))
    paths = list(found.single.values()) + [path for folder in COLLECTIONS for path in found.records[folder]]
    raw: Raw = {path: inventory.read_bytes(path, MAX_BYTES) for path in paths}
    if not whole:
        return _check(root, today, cache, disk, found, raw)
    name = _load_key(root, today, found, raw)
    kept = disk.get("load", name)
    if kept is not store.MISSING:  # the store keeps what it is given: what `_check` returned
        return cast(tuple[Catalogue | None, list[Problem]], kept)
    result = _check(root, today, cache, disk, found, raw)
    disk.put("load", name, result)
    return result


def _load_key(root: Path, today: dt.date | None, found: inventory.Inventory, raw: Raw) -> str:
    """What a whole load depends on: the code, the folder, today, and every file's path and bytes."""
    parts = [store.code_version("data"), str(root), today.isoformat() if today else "", repr(found.problems)]
    for path, content in raw.items():
        parts += [str(path), repr(content) if isinstance(content, Problem) else store.key(content)]
    return store.key(*parts)


def _check(
    root: Path, today: dt.date | None, cache: Cache, disk: store.Store, found: inventory.Inventory, raw: Raw
) -> tuple[Catalogue | None, list[Problem]]:
    problems: list[Problem] = list(found.problems)
    docs: dict[str, Document] = {}
    records: dict[str, Any] = {}  # each file's model, its class chosen by name at run time (SINGLE_FILES)
    record: Any  # a model of the class its file or folder names; those of COLLECTIONS each have an id

    for name, cls in SINGLE_FILES.items():
        path = found.single.get(name)
        if path is None:
            if not any(p.path == str(root / name) for p in problems):  # a link or folder is named already
                problems.append(Problem(str(root / name), 1, 1, "", "missing_file"))
            continue
        doc, record = _read_record(raw[path], str(path), cls, cache, disk)
        docs[name], problems = doc, problems + doc.problems
        if record is not None:
            records[name] = record

    collections: dict[str, dict[str, tuple[Any, Document]]] = {}  # by folder: its records' class is COLLECTIONS[folder]
    sources: dict[tuple[str, str], str] = {}
    unreadable: set[str] = set()  # ids of files with errors: references to them are not errors too
    refused: list[tuple[Document, type[BaseModel]]] = []  # files the model refused: their references are still checked
    for folder, cls in COLLECTIONS.items():
        collections[folder] = {}
        for path in found.records[folder]:
            doc, record = _read_record(raw[path], str(path), cls, cache, disk)
            problems += doc.problems
            if record is None:
                unreadable.add(path.stem)
                problems += _misplaced(doc, folder)
                refused.append((doc, cls))
                continue
            if record.id != path.stem:  # a copy ("x (1).yml") or a renamed file: not the record of its id
                problems.append(doc.problem(("id",), "id_mismatch", value=record.id, stem=path.stem))
                unreadable.add(path.stem)
                continue
            if record.id in collections[folder]:
                first = collections[folder][record.id][1].path
                problems.append(doc.problem(("id",), "duplicate_id", value=record.id, first=first))
                continue
            collections[folder][record.id] = (record, doc)
            sources[(folder, record.id)] = str(path.relative_to(root))

    # a provider's own rules need nothing else: they run on a file the model refused, and when the
    # whole-catalogue rules cannot
    problems += [p for provider, doc in collections["providers"].values() for p in _within_provider(doc, provider)]
    problems += [p for doc, cls in refused if cls is m.Provider for p in _within_provider(doc, None)]
    if len(records) < len(SINGLE_FILES):  # the whole-catalogue rules need these: only the references that can be
        kept = [(doc, COLLECTIONS[folder]) for folder, found in collections.items() for _, doc in found.values()]
        return None, sorted(set(problems + _references(_known_ids(records, collections, unreadable), kept + refused)))

    catalogue = Catalogue(
        policy=records["policy.yml"],
        targets=records["targets.yml"].targets,
        regions=records["regions.yml"],
        leading_group=records["leading-group.yml"],
        recognitions=records["recognitions.yml"].recognitions,
        statistics=records["statistics.yml"].statistics,
        glossary=records["glossary.yml"].terms,
        providers={pid: rec for pid, (rec, _) in collections["providers"].items()},
        venues={vid: rec for vid, (rec, _) in collections["venues"].items()},
        events={eid: rec for eid, (rec, _) in collections["events"].items()},
        sources=sources,
        teams={tid: rec for tid, (rec, _) in collections["teams"].items()},
        resources={rid: rec for rid, (rec, _) in collections["resources"].items()},
    )
    problems += _check_references(catalogue, docs, collections, unreadable)
    problems += _references(_known_ids(records, collections, unreadable), refused)
    problems += teams.check(catalogue, collections, unreadable)
    if today:
        problems += _not_yet(catalogue, docs, today)
    if problems:
        return None, sorted(set(problems))
    warnings = _advise(root, collections, today, raw) if today else []
    return catalogue, sorted(set(warnings))


def _not_yet(catalogue: Catalogue, docs: dict[str, Document], today: dt.date) -> list[Problem]:
    """Years that can only be past, given as still to come: a title awarded next year, a figure
    reported for it, which the targets would count now. A typing slip (a record's check day still
    to come is a warning: _advise)."""
    years = [("recognitions", i, r.year) for i, r in enumerate(catalogue.recognitions)]
    years += [("statistics", i, s.year) for i, s in enumerate(catalogue.statistics)]
    return [
        docs[f"{name}.yml"].problem((name, index, "year"), "not_yet", value=year, today=today)
        for name, index, year in years
        if year > today.year
    ]


def _misplaced(doc: Document, folder: str) -> list[Problem]:
    """A record whose kind belongs to another folder (a venue saved in providers/) is told where it goes."""
    kind = doc.data.get("kind") if isinstance(doc.data, dict) else None
    for other, cls in COLLECTIONS.items():
        if "kind" not in cls.model_fields:  # a team has no kind
            continue
        kinds = cls.model_fields["kind"].annotation
        choices = [item.value for item in kinds] if isinstance(kinds, type) and issubclass(kinds, Enum) else []
        if other != folder and kind in choices:
            return [doc.problem(("kind",), "wrong_folder", value=kind, folder=f"{other}/")]
    return []


def _read_record(
    raw: bytes | Problem, shown: str, cls: type[BaseModel], cache: Cache, disk: store.Store
) -> tuple[Document, BaseModel | None]:
    if isinstance(raw, Problem):
        return Document(shown, problems=[raw]), None
    key = (cls, raw)
    if key not in cache:
        name = store.key(store.code_version("data"), cls.__name__, raw)
        kept = cast(tuple[Document, BaseModel | None], disk.get("file", name))  # or MISSING
        if kept is store.MISSING:
            try:
                kept = _validate(parse(raw, shown), cls)
            except Exception as err:  # a bug of ours; still named with its file, and nothing else stops
                kept = Document(shown, problems=[Problem(shown, 1, 1, "", "internal", {"detail": repr(err)})]), None
            disk.put("file", name, kept)
        cache[key] = kept
    doc, record = cache[key]
    return (doc, record) if doc.path == shown else (doc.moved(shown), record)


def _validate(doc: Document, cls: type[BaseModel]) -> tuple[Document, BaseModel | None]:
    if doc.data is None:
        return doc, None
    try:
        return doc, cls.model_validate(doc.data)
    except ValidationError as err:
        doc.problems += [_problem_from(doc, error, cls) for error in err.errors(include_url=False)]
        return doc, None


def _model_at(cls: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model of the mapping at `loc` in a record of `cls` (list indexes skipped)."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = cls.model_fields.get(str(part))
        inner = next(iter(_models_in(info.annotation)), None) if info else None
        if inner is None:
            return None
        cls = inner
    return cls


def _key_hint(key: str, model: type[BaseModel] | None) -> dict[str, str]:
    """A key the model does not know: the field of this mapping it looks like, or, when it is a
    field of another part of the record, that it stands at the wrong indentation."""
    here = set(model.model_fields) if model else set()
    guess = difflib.get_close_matches(key, here, n=1)
    if guess:
        return {"hint": f"，是否应为“{guess[0]}”？", "hint_en": f"; did you mean '{guess[0]}'?"}
    if key in _FIELD_NAMES:
        return {"hint": "：这一项不属于这里，请检查缩进（行首空格）", "hint_en": ": it does not belong here; check the indentation"}
    return {"hint": "", "hint_en": ""}


def _all_field_names() -> set[str]:
    names: set[str] = set()
    for obj in vars(m).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            names |= set(obj.model_fields)
    return names


_FIELD_NAMES = _all_field_names()
_TYPE_CODES = {
    "string_type": "expected_text",
    "int_parsing": "expected_number",
    "int_type": "expected_number",
    "float_parsing": "expected_number",
    "float_type": "expected_number",
    "finite_number": "expected_number",  # nan, inf
    "list_type": "expected_list",
    "model_type": "expected_mapping",
    "dict_type": "expected_mapping",
    "model_attributes_type": "expected_mapping",
    "bool_parsing": "expected_bool",
    "bool_type": "expected_bool",
}


# Codes raised by the model's own checks (model.py PydanticCustomError), each a message of problems.py.
_OWN_CODES = {
    "slug", "reserved_id", "clock", "plain_number", "expected_number", "repeated", "blank", "link_scheme", "web_link", "email_link", "line_break", "bad_date", "date_out_of_range",
    "end_before_start", "not_after_start", "less_than", "not_for_kind", "consent_without_person",
}  # fmt: skip
_BOUNDS = {"greater_than_equal": ("too_small", "ge"), "greater_than": ("not_above", "gt"),
           "less_than_equal": ("too_big", "le")}  # fmt: skip
# Full-width forms of ASCII (ＡＢＣ１２３：－) and the ideographic space, typed by Chinese input methods.
_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")


def _problem_from(doc: Document, error: ErrorDetails, cls: type[BaseModel]) -> Problem:
    """Turn one pydantic error into a problem at the right line, with our own message."""
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if isinstance(value, str) and _FULLWIDTH.search(value) and kind not in ("extra_forbidden", "missing", "blank"):
        return doc.problem(loc, "fullwidth", value=value, ascii=unicodedata.normalize("NFKC", value).strip())
    if kind == "missing":  # point at the key that holds the missing field
        line, col = doc.where(loc[:-1], key=True)
        code = "missing_zh" if loc[-1] == "zh" else "missing"
        return Problem(doc.path, line, col, dotted(loc), code)
    if kind == "string_too_short" and loc and loc[-1] == "zh":
        return doc.problem(loc, "missing_zh")
    if kind == "extra_forbidden":
        return doc.problem(loc, "unknown_key", key=True, **_key_hint(str(loc[-1]), _model_at(cls, loc[:-1])))
    if kind in _OWN_CODES:  # the model's own checks: their code is the message's
        return doc.problem(loc, kind, **ctx)
    if kind == "string_too_long":
        return doc.problem(loc, "too_long", limit=ctx.get("max_length", ""))
    if kind in _BOUNDS:
        code, bound = _BOUNDS[kind]
        limit = ctx.get(bound, "")
        return doc.problem(loc, code, limit=f"{limit:g}" if isinstance(limit, float) else limit)  # 0, not 0.0
    if kind == "too_short":
        return doc.problem(loc, "too_few", limit=ctx.get("min_length", 1))
    if kind == "string_pattern_mismatch":
        return doc.problem(loc, m.PATTERN_CODES.get(str(ctx.get("pattern")), "bad_format"), value=str(value))
    if kind.startswith("date") or kind.startswith("datetime"):  # pydantic's own words stay out of the message
        return doc.problem(loc, "bad_date", value=str(value))
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))  # pydantic's "'mon', 'tue' or 'sun'"
        return doc.problem(loc, "bad_choice", choices="、".join(choices), choices_en=", ".join(choices))
    if kind in ("int_from_float", "int_parsing") and re.fullmatch(m.PLAIN_NUMBER, str(value)):  # 2.5 places
        return doc.problem(loc, "not_whole", value=str(value), whole=round(float(str(value))) or 1)
    if kind in _TYPE_CODES:
        return doc.problem(loc, _TYPE_CODES[kind])
    return doc.problem(loc, "bad_value", detail=error["msg"])


def _duplicates(doc: Document, loc: tuple, items: Iterable, what: str = "id") -> list[Problem]:
    """duplicate_id for each item (a record, or its data as a dict) whose `what` an earlier one has."""
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        value = item.get(what) if isinstance(item, dict) else getattr(item, what, None)  # a refused file's item may be anything
        if not isinstance(value, str):
            continue
        if value in seen:
            first = doc.where(loc + (seen[value], what))
            problems.append(doc.problem(loc + (index, what), "duplicate_id", value=value, first=f"{doc.path}:{first[0]}"))
        else:
            seen[value] = index
    return problems


def _check_references(catalogue: Catalogue, docs: dict[str, Document], collections: dict, unreadable: set[str]) -> list[Problem]:
    """Cross-file rules: ids unique, references resolve, tokens point at real targets."""
    problems: list[Problem] = []
    providers = set(catalogue.providers) | unreadable
    venues = set(catalogue.venues) | unreadable
    problems += _region_duplicates(docs["regions.yml"], catalogue.regions)
    region_ids = set(catalogue.counties) | set(catalogue.towns)

    targets_doc = docs["targets.yml"]
    problems += _duplicates(targets_doc, ("targets",), catalogue.targets)
    sections = set(_section_ids(catalogue.policy.sections))
    for ti, target in enumerate(catalogue.targets):
        loc = ("targets", ti)
        if target.section not in sections:
            problems.append(targets_doc.problem(loc + ("section",), "unknown_ref", **reference("section"), value=target.section))
        if target.measure is m.Measure.computed and not target.metric:
            problems.append(targets_doc.problem(loc + ("measure",), "metric_missing"))
        if target.metric and target.metric not in METRICS:
            problems.append(targets_doc.problem(loc + ("metric",), "unknown_metric", value=target.metric, choices=", ".join(METRICS)))
        if target.comparator is m.Comparator.range and target.value_max is None:
            problems.append(targets_doc.problem(loc + ("comparator",), "range_needs_max"))
        if target.kind is m.TargetKind.deadline and target.deadline is None:
            problems.append(targets_doc.problem(loc + ("kind",), "deadline_missing"))
        if target.kind is not m.TargetKind.deadline and target.deadline is not None:
            problems.append(targets_doc.problem(loc + ("deadline",), "deadline_not_allowed", kind=target.kind.value))

    policy_doc = docs["policy.yml"]
    for loc, text in _policy_texts(catalogue.policy):
        for token in iter_tokens(text):
            named = catalogue.target_index.get(token.target) if token.target else None
            if token.kind != "members" and named is None:
                problems.append(policy_doc.problem(loc, "bad_token", value=token.source))
            elif token.kind == "deadline" and named is not None and named.deadline is None:
                problems.append(policy_doc.problem(loc, "token_without_deadline", value=token.source))

    stats_doc = docs["statistics.yml"]
    for si, stat in enumerate(catalogue.statistics):
        if stat.target not in catalogue.target_index:
            problems.append(stats_doc.problem(("statistics", si, "target"), "unknown_ref", **reference("target"), value=stat.target))
        elif catalogue.target_index[stat.target].unit == m.Unit.percent and stat.value > 100:
            problems.append(stats_doc.problem(("statistics", si, "value"), "percent_over_100", value=f"{stat.value:g}"))

    group_doc = docs["leading-group.yml"]
    problems += _duplicates(group_doc, ("members",), catalogue.leading_group.members)

    rec_doc = docs["recognitions.yml"]
    problems += _duplicates(rec_doc, ("recognitions",), catalogue.recognitions)
    problems += _recognitions_once(rec_doc, catalogue.recognitions)
    for ri, rec in enumerate(catalogue.recognitions):
        if rec.region and rec.region not in region_ids:
            problems.append(rec_doc.problem(("recognitions", ri, "region"), "unknown_ref", **reference("region"), value=rec.region))
        if rec.provider and rec.provider not in providers:
            problems.append(rec_doc.problem(("recognitions", ri, "provider"), "unknown_ref", **reference("provider"), value=rec.provider))

    for provider, doc in collections["providers"].values():
        problems += _check_provider(catalogue, provider, doc, region_ids, providers, venues)
    for venue, doc in collections["venues"].values():
        if venue.region not in region_ids:
            problems.append(doc.problem(("region",), "unknown_ref", **reference("region"), value=venue.region))
        problems += _hours_apart(doc, venue.opening_hours)
    problems += events.check(collections["events"].values(), region_ids, providers, venues)
    for event, doc in collections["events"].values():
        problems += places.venue(catalogue, doc, event.region, event.venue, ("venue",))
    return problems


def _region_duplicates(doc: Document, regions: m.Regions) -> list[Problem]:
    """County and town ids are one set: a record's region names either, and pages and the
    catalogue's towns are found by it, so a town id used twice (in two counties, or as a county's)
    would lose one of them."""
    problems: list[Problem] = []
    seen: dict[str, tuple] = {}
    for ci, county in enumerate(regions.counties):
        places = [(("counties", ci), county)] + [(("counties", ci, "towns", ti), town) for ti, town in enumerate(county.towns)]
        for loc, region in places:
            if region.id in seen:
                first = doc.where(seen[region.id] + ("id",))[0]
                problems.append(doc.problem(loc + ("id",), "duplicate_id", value=region.id, first=f"{doc.path}:{first}"))
            else:
                seen[region.id] = loc
    return problems


def _known_ids(records: dict[str, Any], collections: dict, unreadable: set[str]) -> dict[str, set[object]]:
    """The ids each kind of reference may name (regions only when regions.yml was read)."""
    known: dict[str, set[object]] = {
        "provider": set(collections["providers"]) | unreadable,
        "parent": set(collections["providers"]) | unreadable,
        "venue": set(collections["venues"]) | unreadable,
    }
    if "regions.yml" in records:
        regions = records["regions.yml"]
        known["region"] = {county.id for county in regions.counties} | {town.id for county in regions.counties for town in county.towns}
    return known


def _references(known: dict[str, set[object]], files: list[tuple[Document, type[BaseModel]]]) -> list[Problem]:
    """unknown_ref for each record's references read from its data, for a record the model refused
    or a catalogue whose whole-catalogue rules cannot run (a policy, target or region file refused):
    every problem of a file at once, not its references only once its other errors are mended. A
    reference that is not a well-formed id has its own error already."""
    problems: list[Problem] = []
    for doc, cls in files:
        data = doc.data if isinstance(doc.data, dict) else {}
        terms = data.get("terms")
        own = {**known, "term": {term.get("id") for term in terms if isinstance(term, dict)} if isinstance(terms, list) else set()}
        for loc, name, value in _references_in(data, cls, ()):
            if name in own and re.fullmatch(m.SLUG, value) and value not in m.RESERVED_IDS and value not in own[name]:
                problems.append(doc.problem(loc, "unknown_ref", **reference(name), value=value))
    return problems


def _references_in(data: object, cls: type[BaseModel], loc: tuple) -> Iterable[tuple[tuple, str, str]]:
    """(where, field, id) of every field of `cls` that names another record (problems.REFERENCES),
    at any depth, in data the model may have refused."""
    if not isinstance(data, dict):
        return
    for name, info in cls.model_fields.items():
        value = data.get(name)
        if name in REFERENCES and isinstance(value, str):
            yield loc + (name,), name, value
        for inner in _models_in(info.annotation):
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield from _references_in(item, inner, loc + (name, index))
            else:
                yield from _references_in(value, inner, loc + (name,))


def _models_in(annotation: object) -> Iterable[type[BaseModel]]:
    """The model classes an annotation holds: Course in list[Course], Enrolment in Enrolment | None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def _check_provider(
    catalogue: Catalogue, provider: m.Provider, doc: Document, region_ids: set, providers: set, venues: set
) -> list[Problem]:
    problems: list[Problem] = []
    if provider.region not in region_ids:
        problems.append(doc.problem(("region",), "unknown_ref", **reference("region"), value=provider.region))
    if provider.parent:
        parent = catalogue.providers.get(provider.parent)
        if provider.parent not in providers:
            problems.append(doc.problem(("parent",), "unknown_ref", **reference("parent"), value=provider.parent))
        elif parent is None:
            pass  # the parent's own file has errors, reported there
        elif provider.tier is None:
            problems.append(doc.problem(("parent",), "no_kind_tier", kind=provider.kind.value))
        elif parent.tier != provider.tier - 1:
            problems.append(doc.problem(("parent",), "wrong_parent_tier", tier=provider.tier - 1))
    problems += _children_fit(catalogue, provider, doc)
    problems += places.provider(catalogue, provider, doc)
    for ci, course in enumerate(provider.courses):
        if course.venue and course.venue not in venues:
            problems.append(doc.problem(("courses", ci, "venue"), "unknown_ref", **reference("venue"), value=course.venue))
    return problems


def _children_fit(catalogue: Catalogue, provider: m.Provider, doc: Document) -> list[Problem]:
    """A provider whose kind no longer fits the providers under it (its type changed in the editor):
    told on its own kind, naming them, and not only on their files, which the person never opened."""
    wrong: dict[int, list[m.Provider]] = {}
    for child in catalogue.children.get(provider.id, []):
        if child.tier is not None and provider.tier != child.tier - 1:  # a child outside the network: its own no_kind_tier
            wrong.setdefault(child.tier - 1, []).append(child)
    return [
        doc.problem(
            ("kind",),
            "children_wrong_tier",
            children="、".join(child.name.zh for child in children),
            children_en=", ".join(child.id for child in children),
            tier=tier,
            kind=provider.kind.value,
        )
        for tier, children in sorted(wrong.items())
    ]


def _within_provider(doc: Document, provider: m.Provider | None) -> list[Problem]:
    """The rules inside one provider's file: ids unique, enrolment within the classes, class days
    real. For a file the model refused, on each term and course that is valid on its own: every
    problem of a file at once, not these only once its other errors are mended."""
    data = doc.data if isinstance(doc.data, dict) else {}
    items: dict[str, list]
    if provider is not None:
        items = {"projects": provider.projects, "terms": provider.terms, "courses": provider.courses}
        terms, courses = list(enumerate(provider.terms)), list(enumerate(provider.courses))
    else:
        items = {name: _list(data.get(name)) for name in ("projects", "terms", "courses")}
        terms, courses = _valid_items(items["terms"], m.Term), _valid_items(items["courses"], m.Course)
    problems: list[Problem] = []
    for name in ("terms", "courses", "projects"):
        problems += _duplicates(doc, (name,), items[name])
    by_id = {term.id: term for _, term in terms}
    for ti, term in terms:
        problems += _enrolment_fits(doc, ("terms", ti, "enrolment"), term.enrolment, term.dates)
    for ci, course in courses:
        loc = ("courses", ci)
        if course.term and course.term not in by_id and provider is not None:  # a refused file's: _references
            problems.append(doc.problem(loc + ("term",), "unknown_ref", **reference("term"), value=course.term))
        dates = course.schedule.dates or (by_id[course.term].dates if course.term in by_id else None)
        problems += _enrolment_fits(doc, loc + ("enrolment",), course.enrolment, dates)
        for di, day in enumerate(course.schedule.except_dates):
            if dates and not (dates.start <= day <= dates.end and WEEKDAYS[day.weekday()] in course.schedule.days):
                problems.append(doc.problem(loc + ("schedule", "except_dates", di), "not_a_class_day", date=day.isoformat()))
        if dates is None:
            continue
        possible = meeting_count(course.schedule, dates)
        if possible == 0:  # a course that never meets: its page, calendar and sessions would say nothing true
            days = [day.value for day in course.schedule.days]
            problems.append(
                doc.problem(
                    loc + ("schedule", "days"),
                    "no_class_day",
                    start=dates.start.isoformat(),
                    end=dates.end.isoformat(),
                    days="、".join(days),
                    days_en=", ".join(days),
                )
            )
        elif course.schedule.sessions and course.schedule.sessions > possible:
            problems.append(
                doc.problem(loc + ("schedule", "sessions"), "too_many_sessions", sessions=course.schedule.sessions, possible=possible)
            )
    return problems


def _recognitions_once(doc: Document, recognitions: list[m.Recognition]) -> list[Problem]:
    """A title listed twice (under two ids: the editor makes "-2" of a second) would be counted twice
    by the targets and shown twice; on the later, naming the earlier (1-based, as the form counts).
    Learning stars with no name given are each a resident of their own, and may repeat."""
    first: dict[tuple, int] = {}
    problems = []
    for index, rec in enumerate(recognitions):
        if rec.kind is m.RecognitionKind.learning_star and not rec.person:
            continue
        key = (rec.kind, rec.level, rec.year, rec.region, rec.provider, rec.person, rec.organisation)
        if key in first:
            problems.append(doc.problem(("recognitions", index, "kind"), "repeated_recognition", row=first[key] + 1))
        else:
            first[key] = index
    return problems


def _hours_apart(doc: Document, hours: list[m.OpeningHours]) -> list[Problem]:
    """A day's rows of opening hours apart from each other: an evening row added while the day's row
    already ran to the evening would show the day twice, and "open now" by either. On the later row,
    naming the earlier (1-based, as the form counts)."""
    problems = []
    for later, row in enumerate(hours):
        for earlier, other in enumerate(hours[:later]):
            day = next((d for d in row.days if d in other.days), None)
            if day and row.opens < other.closes and other.opens < row.closes:
                problems.append(
                    doc.problem(
                        ("opening_hours", later),
                        "hours_overlap",
                        day=day.value,
                        day_en=day.value,
                        row=earlier + 1,
                        opens=other.opens,
                        closes=other.closes,
                    )
                )
                break
    return problems


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _valid_items(items: list, cls: type[BaseModel]) -> list[tuple[int, Any]]:
    """(index, model) of each item valid on its own; the others' errors are reported already."""
    valid = []
    for index, item in enumerate(items):
        with contextlib.suppress(ValidationError):
            valid.append((index, cls.model_validate(item)))
    return valid


def _enrolment_fits(doc: Document, loc: tuple, enrolment: m.Enrolment | None, dates: m.DateRange | None) -> list[Problem]:
    """Enrolment may not open or close after the last day of the classes it admits to."""
    if enrolment is None or dates is None:
        return []
    return [
        doc.problem(loc + (key,), "enrolment_after_end", date=day.isoformat(), end=dates.end.isoformat())
        for key, day in (("opens", enrolment.opens), ("closes", enrolment.closes))
        if day and day > dates.end
    ]


def _section_ids(sections: list[m.PolicySection]) -> Iterable[str]:
    for section in sections:
        yield section.id
        yield from _section_ids(section.sections)


def _policy_texts(policy: m.Policy) -> Iterable[tuple[tuple, str]]:
    """Every piece of policy prose with its location, both languages."""

    def texts(loc: tuple, text: m.Text):
        yield loc + ("zh",), text.zh
        if text.en:
            yield loc + ("en",), text.en

    yield from texts(("addressees",), policy.addressees)
    for pi, para in enumerate(policy.preamble):
        yield from texts(("preamble", pi), para)

    def walk(sections, loc):
        for si, section in enumerate(sections):
            yield from texts(loc + (si, "heading"), section.heading)
            for pi, para in enumerate(section.paragraphs):
                yield from texts(loc + (si, "paragraphs", pi), para)
            yield from walk(section.sections, loc + (si, "sections"))

    yield from walk(policy.sections, ("sections",))


def _advise(root: Path, collections: dict, today: dt.date, raw: Raw) -> list[Problem]:
    """Warnings: what readers would miss or be misled by, but which must not block a change."""
    warnings: list[Problem] = []

    def warn(doc: Document, loc: tuple, code: str, **args) -> None:
        warnings.append(doc.problem(loc, code, severity="warning", **args))

    for folder, records in collections.items():
        for record, doc in records.values():
            path = Path(doc.path)
            expected = schema_line(path.relative_to(root).as_posix())
            content = raw[path]  # bytes: the record was read from them, valid UTF-8
            if isinstance(content, bytes) and content.decode("utf-8-sig").splitlines()[:1] != [expected]:
                warnings.append(Problem(doc.path, 1, 1, "", "schema_line", {"line": expected}, "warning"))
            if not record.name.en:
                warn(doc, ("name",), "no_english")
            if record.last_verified and (today - record.last_verified).days > 365:
                warn(doc, ("last_verified",), "stale", date=record.last_verified.isoformat())
            if record.last_verified and record.last_verified > today:  # the page would say 2099
                warn(doc, ("last_verified",), "not_yet", value=record.last_verified, today=today)
            if folder != "providers":
                continue
            terms = {term.id: term for term in record.terms}
            for ti, term in enumerate(record.terms):
                loc = ("terms", ti, "enrolment", "closes")
                if term.enrolment and term.enrolment.closes and term.enrolment.closes < today:
                    warn(doc, loc, "enrolment_passed", closes=term.enrolment.closes.isoformat())
                if term.enrolment and term.enrolment.closes and term.dates.start < term.enrolment.closes <= term.dates.end:
                    warn(doc, loc, "enrolment_after_start", closes=term.enrolment.closes.isoformat(), start=term.dates.start.isoformat())
            for ci, course in enumerate(record.courses):
                if not course.title.en:
                    warn(doc, ("courses", ci, "title"), "no_english")
                closes = course.enrolment.closes
                if closes and closes < today:
                    warn(doc, ("courses", ci, "enrolment", "closes"), "enrolment_passed", closes=closes.isoformat())
                term = terms.get(course.term) if course.term else None
                dates = course.schedule.dates or (term.dates if term else None)
                if closes and dates and dates.start < closes <= dates.end:
                    warn(
                        doc,
                        ("courses", ci, "enrolment", "closes"),
                        "enrolment_after_start",
                        closes=closes.isoformat(),
                        start=dates.start.isoformat(),
                    )
                own = course.schedule.dates
                if term and own and (own.start < term.dates.start or own.end > term.dates.end):
                    warn(
                        doc,
                        ("courses", ci, "schedule", "dates"),
                        "dates_outside_term",
                        start=own.start,
                        end=own.end,
                        term_start=term.dates.start,
                        term_end=term.dates.end,
                    )
    return warnings
