"""The web editor refuses before saving what the pull request's check would refuse.

A differential test: each mistake a form can make is made to a real record; the record is written
as the editor writes it (format.js) into a copy of the catalogue and checked by the validator, and
the same data is checked by the form (checks.js, as editor.js calls it before saving). Wherever the
validator reports an error, the form must refuse at the same key. The form must not refuse any
record of the shipped catalogue (no false alarms)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from collections.abc import Callable

import pytest
from conftest import ADMIN, CATALOGUE, node
from pydantic import BaseModel

from learning_city.data import model as m
from learning_city.data.characters import hidden_characters
from learning_city.data.loader import load
from learning_city.data.problems import MESSAGES, REFERENCES
from learning_city.data.yamlfile import read
from learning_city.tools import editor

SCHOOL = "nanhu-daqiao-jiangnan-community-school"  # tier 4, parent nanhu-daqiao-adult-school; its second course is dated
ADULT = "nanhu-daqiao-adult-school"  # tier 3, the parent of SCHOOL
ELDERLY = "nanhu-elderly-university"  # courses in terms
EVENT = "events/jiaxing-learning-week-opening"  # at a venue, in person
ONLINE_EVENT = "events/haining-learning-week-online-lecture"  # online only, run by a provider
VENUE = "venues/haining-library"
TEAM = "teams/haining-xiashi-tea-culture-team"  # a provider, one meeting
# issue 22: the bureau's recognitions.yml, one file of many records ("<collection>/" names such a file)
RECOGNITIONS = "recognitions/"
RECOGNITION_IDS = [r["id"] for r in read(CATALOGUE / "recognitions.yml").data["recognitions"]]
ZONE = RECOGNITION_IDS.index("nanhu-national-demonstration-zone")  # a region's title
SCHOOL_TITLE = RECOGNITION_IDS.index("daqiao-adult-school-standardised")  # a provider's title
STAR = RECOGNITION_IDS.index("jiashan-learning-star-2022")  # a 百姓学习之星 with no name given
ORGANISATION = RECOGNITION_IDS.index("haining-learning-enterprise-2022")  # a 学习型组织
SCHOOL_TITLE = RECOGNITION_IDS.index("daqiao-adult-school-standardised")  # a school's title
TODAY = "2026-11-29"  # the day the validator and the form judge on (the tests' build day)

# Codes a form cannot produce: they come from how a file is typed, stored or named, or concern files
# the editor does not write (targets, policy, statistics, regions), or are warnings the check allows.
FILE_ONLY = {
    "not_utf8",
    "gbk",
    "empty",
    "tab",
    "fullwidth_colon",
    "fullwidth_space",
    "colon_without_space",
    "dash_without_space",
    "unclosed_quote",
    "text_after_quote",
    "reserved_start",
    "colon_in_value",
    "no_colon",
    "indent",
    "unclosed_bracket",
    "syntax",
    "duplicate_key",
    "anchor",
    "tag",
    "multiple_documents",
    "yes_no",
    "non_string_key",
    "top_not_mapping",
    "unknown_key",
    "bad_token",
    "missing_file",
    "metric_missing",
    "unknown_metric",
    "range_needs_max",
    "deadline_missing",
    "deadline_not_allowed",
    "token_without_deadline",
    "no_english",
    "enrolment_passed",
    "stale",
    "schema_line",
    "internal",
    "symlink",
    "not_regular",
    "wrong_extension",
    "stray_file",
    "stray_folder",
    "unreadable",
    "wrong_folder",
    "too_large",
    "too_deep",
    "conflict_marker",
    "enrolment_after_start",
    "dates_outside_term",
    "percent_over_100",
}
# Codes the form's fields refuse by themselves (config.yml: required, pattern, min/max, choices,
# typed widgets) or checks.js's `problems` (required parts of optional objects, ends before starts).
BY_FIELD = {
    "missing",
    "missing_zh",
    "slug",
    "clock",
    "link_scheme",
    "bad_format",
    "bad_phone",
    "bad_handle",
    "too_small",
    "too_big",
    "too_few",
    "bad_choice",
    "bad_date",
    "bad_value",
    "expected_text",
    "expected_number",
    "expected_list",
    "expected_mapping",
    "expected_bool",
    "fullwidth",
    "end_before_start",
    "not_after_start",
    "web_link",  # issue 22: an online resource's address, by its http/https pattern (config.yml)
    # the hostile-input review (2026-12-06): a link's kind by its pattern (config.yml); the others by
    # checks.js `problems` from the spec (editor.FIELD_CODES), each with a mistake below
    "email_link",
    "too_long",
    "line_break",
    "reserved_id",
    "date_out_of_range",
    "repeated",  # a list's items (days, audience by their choices widget; holidays by checks.js)
    # numbers as typed (2026-12-06): the form's number widgets hold digits only, whole where the
    # field is (value_type int), and "more than 0" by their pattern (editor.py, exclusiveMinimum)
    "plain_number",
    "not_whole",
    "not_above",
    # the form trims text (format.js tidy): spaces only are no text, refused as missing
    "blank",
}


def test_every_message_code_is_refused_by_the_form_or_cannot_come_from_it():
    """A new validator error must be placed here: checked by the form, or impossible from it."""
    placed = FILE_ONLY | BY_FIELD | set(editor.CROSS_CODES)
    assert set(MESSAGES) - placed == set(), "codes the form neither checks nor rules out"
    assert placed - set(MESSAGES) == set(), "codes that no longer exist"
    assert not (FILE_ONLY & (BY_FIELD | set(editor.CROSS_CODES)))


def records() -> dict:
    catalogue, _ = load(CATALOGUE)
    return json.loads(editor.records_json(catalogue))


def file_of(collection: str, record_id: str) -> str:
    """A record's file in the catalogue; a collection kept in one file (recognitions) is that file."""
    return f"{collection}/{record_id}.yml" if record_id else f"{collection}.yml"


def data_of(record_id: str, collection: str = "providers") -> dict:
    """A record's data as the form holds it: dates and times as text."""
    return json.loads(json.dumps(read(CATALOGUE / file_of(collection, record_id)).data, default=str))


def form_refusals(cases: list[dict]) -> list[list]:
    """checks.js on each {collection, data, slug}: [[where, code], ...] per case."""
    return node(
        "output = input.cases.map((c) => ["
        "...checks.problems(c.data, model.SPEC[c.collection], model.MESSAGES).map((m) => [m.split(': ')[0], 'field']),"
        "...checks.crossProblems(c.collection, format.tidy(c.data, model.SPEC[c.collection].fields),"
        " { records: input.records, tiers: model.TIERS, slug: c.slug ?? undefined, hidden: model.HIDDEN, today: input.today })"
        ".map(([w, code]) => [w, code])]);",
        {"cases": cases, "records": records(), "today": TODAY},
    )


def test_the_form_refuses_nothing_in_the_shipped_catalogue():
    cases = [
        {"collection": folder, "data": data_of(path.stem, folder), "slug": path.stem}
        for folder in ("providers", "venues", "events")
        for path in sorted((CATALOGUE / folder).glob("*.yml"))
    ]
    cases.append({"collection": "recognitions", "data": data_of("", "recognitions"), "slug": "recognitions"})  # issue 22
    found = form_refusals(cases)
    assert {c["data"].get("id", c["collection"]): f for c, f in zip(cases, found, strict=True) if f} == {}
    assert len(cases) > 100 and len(cases[-1]["data"]["recognitions"]) == len(RECOGNITION_IDS) > 50


def _course(data: dict, index: int = 0) -> dict:
    return data["courses"][index]


def _plus(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


# name -> (record, mutation of its data, the file the editor would write it to, whether it is new,
#          the validator's code, the key both must name, the form's code where it says it otherwise)
Mutation = Callable[[dict], None]
MISTAKES: dict[str, tuple[str, Mutation, str | None, bool, str, str, str | None]] = {
    "enrolment closes after the last class day": (
        SCHOOL,
        lambda d: _course(d, 1)["enrolment"].update(closes=_plus(_course(d, 1)["schedule"]["dates"]["end"], 10)),
        None,
        False,
        "enrolment_after_end",
        "courses[1].enrolment.closes",
        None,
    ),
    "enrolment closes after the last class day of the course's term": (
        ELDERLY,
        lambda d: _course(d)["enrolment"].update(closes=_plus(d["terms"][0]["dates"]["end"], 1)),
        None,
        False,
        "enrolment_after_end",
        "courses[0].enrolment.closes",
        None,
    ),
    "a term's enrolment closes after the term": (
        ELDERLY,
        lambda d: d["terms"][0].setdefault("enrolment", {"method": "on-site"}).update(closes=_plus(d["terms"][0]["dates"]["end"], 1)),
        None,
        False,
        "enrolment_after_end",
        "terms[0].enrolment.closes",
        None,
    ),
    # Decap saves a new record whose id is taken as `<id>-1.yml`: the validator sees a misnamed file
    "a new provider with an id already used": (SCHOOL, lambda d: None, f"{SCHOOL}-1", True, "id_mismatch", "id", "duplicate_id"),
    "an existing provider's id changed": (
        SCHOOL,
        lambda d: d.update(id="nanhu-daqiao-jiangnan-school"),
        SCHOOL,
        False,
        "id_mismatch",
        "id",
        None,
    ),
    "two courses with one id": (
        SCHOOL,
        lambda d: d["courses"].append(copy.deepcopy(_course(d))),
        None,
        False,
        "duplicate_id",
        "courses[3].id",
        None,
    ),
    "two terms with one id": (
        ELDERLY,
        lambda d: d["terms"].append(copy.deepcopy(d["terms"][0])),
        None,
        False,
        "duplicate_id",
        "terms[2].id",
        None,
    ),
    "a parent two tiers up": (
        SCHOOL,
        lambda d: d.update(parent="nanhu-community-college"),
        None,
        False,
        "wrong_parent_tier",
        "parent",
        None,
    ),
    # a school's type changed: the validator also fails the schools under it, files never opened
    "a school's kind changed under the schools it runs": (
        ADULT,
        lambda d: (d.update(kind="elderly-school"), d.pop("parent")),
        None,
        False,
        "children_wrong_tier",
        "kind",
        None,
    ),
    # where things are (places.py), each on the field the person picked
    "a village school under a town school of another county": (
        SCHOOL,
        lambda d: d.update(parent="jiashan-dayun-adult-school"),
        None,
        False,
        "parent_other_county",
        "parent",
        None,
    ),
    "a town school moved to another county above its schools": (
        ADULT,
        lambda d: d.update(region="jiashan-dayun"),
        None,
        False,
        "children_other_county",
        "region",
        None,
    ),
    "an event at a venue of another county": (EVENT, lambda d: d.update(region="haiyan"), None, False, "venue_other_county", "venue", None),
    "a team meeting at a venue of another county": (
        TEAM,
        lambda d: d["meetings"][0].update(venue="jiaxing-library"),
        None,
        False,
        "venue_other_county",
        "meetings[0].venue",
        None,
    ),
    "a venue's evening row overlapping the day's": (
        VENUE,
        lambda d: d["opening_hours"].append({"days": ["fri"], "opens": "18:00", "closes": "21:00"}),
        None,
        False,
        "hours_overlap",
        "opening_hours[2]",
        None,
    ),
    "a parent for a kind outside the network": (
        ELDERLY,
        lambda d: d.update(parent="nanhu-community-college"),
        None,
        False,
        "no_kind_tier",
        "parent",
        None,
    ),
    "a parent that does not exist": (SCHOOL, lambda d: d.update(parent="nanhu-no-such-school"), None, False, "unknown_ref", "parent", None),
    "a venue that does not exist": (
        SCHOOL,
        lambda d: _course(d).update(venue="no-such-venue"),
        None,
        False,
        "unknown_ref",
        "courses[0].venue",
        None,
    ),
    "a term removed while a course keeps it": (ELDERLY, lambda d: d["terms"].pop(1), None, False, "unknown_ref", "courses[1].term", None),
    "a course whose every class day is a day off": (
        SCHOOL,
        lambda d: _course(d, 1)["schedule"].update(except_dates=["2026-10-13", "2026-10-16", "2026-10-20", "2026-10-23", "2026-10-27"]),
        None,
        False,
        "no_class_day",
        "courses[1].schedule.days",
        None,
    ),
    "more sessions than class days": (
        SCHOOL,
        lambda d: _course(d, 1)["schedule"].update(sessions=6),
        None,
        False,
        "too_many_sessions",
        "courses[1].schedule.sessions",
        None,
    ),
    "a holiday that is not a class day": (
        SCHOOL,
        lambda d: _course(d, 1)["schedule"].update(except_dates=[_plus(_course(d, 1)["schedule"]["dates"]["end"], 7)]),
        None,
        False,
        "not_a_class_day",
        "courses[1].schedule.except_dates[0]",
        None,
    ),
    "a zero-width space pasted into a title": (
        SCHOOL,
        lambda d: _course(d)["title"].update(zh="太极\u200b拳"),
        None,
        False,
        "hidden_character",
        "courses[0].title.zh",
        None,
    ),
    "ages the wrong way round": (
        SCHOOL,
        lambda d: d.update(age_rule={"min_age": 60, "max_age": 50}),
        None,
        False,
        "less_than",
        "age_rule.max_age",
        "field",
    ),
    # the model's bounds of one value (editor.FIELD_CODES, checks.js valueProblems; FIELD_MISTAKES below)
    "a line break pasted into a school's name": (
        SCHOOL,
        lambda d: d["name"].update(zh=d["name"]["zh"] + "\n===\n<b>乙</b>"),
        None,
        False,
        "line_break",
        "name.zh",
        "field",
    ),
    "a course title of a thousand characters": (
        SCHOOL,
        lambda d: _course(d)["title"].update(zh="长" * 1000),
        None,
        False,
        "too_long",
        "courses[0].title.zh",
        "field",
    ),
    "a new provider with the section page's id": (SCHOOL, lambda d: d.update(id="index"), "index", True, "reserved_id", "id", "field"),
    "a class ending in year 9999": (
        SCHOOL,
        lambda d: _course(d, 1)["schedule"]["dates"].update(end="9999-12-31"),
        None,
        False,
        "date_out_of_range",
        "courses[1].schedule.dates.end",
        "field",
    ),
    "the same holiday picked twice": (
        SCHOOL,
        lambda d: _course(d, 1)["schedule"].update(except_dates=[_plus(_course(d, 1)["schedule"]["dates"]["start"], 7)] * 2),
        None,
        False,
        "repeated",
        "courses[1].schedule.except_dates",
        "field",
    ),
    "a holiday in year 2100": (
        SCHOOL,
        lambda d: _course(d, 1)["schedule"].update(except_dates=["2100-01-01"]),
        None,
        False,
        "date_out_of_range",
        "courses[1].schedule.except_dates[0]",
        "field",
    ),
    # every ordered pair of the model (model.ordered_fields; ORDERED below ties each to its case)
    "a new event whose last day is before its first": (
        EVENT,
        lambda d: d.update(id="jiaxing-new-event", date="2027-03-06", end_date="2027-03-05"),
        "jiaxing-new-event",
        True,
        "end_before_start",
        "end_date",
        "field",
    ),
    "an event that ends before it starts": (EVENT, lambda d: d.update(end=d["start"]), None, False, "not_after_start", "end", "field"),
    "a term that ends before it starts": (
        ELDERLY,
        lambda d: d["terms"][0]["dates"].update(end=_plus(d["terms"][0]["dates"]["start"], -1)),
        None,
        False,
        "end_before_start",
        "terms[0].dates.end",
        "field",
    ),
    "enrolment that closes before it opens": (
        ELDERLY,
        lambda d: d["terms"][0]["enrolment"].update(closes=_plus(d["terms"][0]["enrolment"]["opens"], -1)),
        None,
        False,
        "end_before_start",
        "terms[0].enrolment.closes",
        "field",
    ),
    "a class that ends when it starts": (
        SCHOOL,
        lambda d: _course(d)["schedule"].update(end=_course(d)["schedule"]["start"]),
        None,
        False,
        "not_after_start",
        "courses[0].schedule.end",
        "field",
    ),
    "a venue that closes before it opens": (
        VENUE,
        lambda d: d["opening_hours"][0].update(closes="08:00"),
        None,
        False,
        "not_after_start",
        "opening_hours[0].closes",
        "field",
    ),
    "a team meeting that ends before it starts": (
        TEAM,
        lambda d: d["meetings"][0].update(end="14:00"),
        None,
        False,
        "not_after_start",
        "meetings[0].end",
        "field",
    ),
    # every reference of a record the form writes (REFERRED below ties each to its case)
    "a provider in a region that does not exist": (
        SCHOOL,
        lambda d: d.update(region="nanhu-nowhere"),
        None,
        False,
        "unknown_ref",
        "region",
        None,
    ),
    "a venue in a region that does not exist": (
        VENUE,
        lambda d: d.update(region="nanhu-nowhere"),
        None,
        False,
        "unknown_ref",
        "region",
        None,
    ),
    "an event in a region that does not exist": (
        EVENT,
        lambda d: d.update(region="nanhu-nowhere"),
        None,
        False,
        "unknown_ref",
        "region",
        None,
    ),
    "an event at a venue that does not exist": (
        EVENT,
        lambda d: d.update(venue="no-such-venue"),
        None,
        False,
        "unknown_ref",
        "venue",
        None,
    ),
    "an event run by a provider that does not exist": (
        EVENT,
        lambda d: d.update(provider="nanhu-no-such-school"),
        None,
        False,
        "unknown_ref",
        "provider",
        None,
    ),
    "a team in a region that does not exist": (
        TEAM,
        lambda d: d.update(region="nanhu-nowhere"),
        None,
        False,
        "unknown_ref",
        "region",
        None,
    ),
    "a team supported by a provider that does not exist": (
        TEAM,
        lambda d: d.update(provider="nanhu-no-such-school"),
        None,
        False,
        "unknown_ref",
        "provider",
        None,
    ),
    "a team meeting at a venue that does not exist": (
        TEAM,
        lambda d: d["meetings"][0].update(venue="no-such-venue"),
        None,
        False,
        "unknown_ref",
        "meetings[0].venue",
        None,
    ),
    # issue 22: events (a record named "<collection>/<id>" is in that collection)
    "an event with neither venue nor provider": (
        EVENT,
        lambda d: (d.pop("venue"), d.update(place={"zh": "示例路 1 号"})),
        None,
        False,
        "event_no_host",
        "venue",
        None,
    ),
    "an online event with no provider": (
        ONLINE_EVENT,
        lambda d: d.pop("provider"),
        None,
        False,
        "event_no_host",
        "provider",
        None,
    ),
    "an in-person event with no place": (
        EVENT,
        lambda d: (d.pop("venue"), d.update(provider="nanhu-community-college")),
        None,
        False,
        "event_no_place",
        "mode",
        None,
    ),
    "a blended event with no online link": (EVENT, lambda d: d.update(mode="blended"), None, False, "event_no_link", "mode", None),
    # issue 22: the bureau's recognitions (model.Recognition's rules and the loader's references)
    "a resident's name on a demonstration zone": (
        RECOGNITIONS,
        lambda d: d["recognitions"][ZONE].update(person={"zh": "张三"}),
        None,
        False,
        "not_for_kind",
        f"recognitions[{ZONE}].person",
        None,
    ),
    "an organisation's name on a learning star": (
        RECOGNITIONS,
        lambda d: d["recognitions"][STAR].update(organisation={"zh": "某社区"}),
        None,
        False,
        "not_for_kind",
        f"recognitions[{STAR}].organisation",
        None,
    ),
    "a learning organisation without the organisation's name": (
        RECOGNITIONS,
        lambda d: d["recognitions"][ORGANISATION].pop("organisation"),
        None,
        False,
        "missing",
        f"recognitions[{ORGANISATION}].organisation",
        None,
    ),
    "a school's title with no school": (
        RECOGNITIONS,
        lambda d: d["recognitions"][SCHOOL_TITLE].pop("provider"),
        None,
        False,
        "missing",
        f"recognitions[{SCHOOL_TITLE}].provider",
        None,
    ),
    "a school's title given to a region": (
        RECOGNITIONS,
        lambda d: d["recognitions"][SCHOOL_TITLE].update(region="nanhu"),
        None,
        False,
        "not_for_kind",
        f"recognitions[{SCHOOL_TITLE}].region",
        None,
    ),
    "a title awarded next year": (
        RECOGNITIONS,
        lambda d: d["recognitions"][ZONE].update(year=2027),
        None,
        False,
        "not_yet",
        f"recognitions[{ZONE}].year",
        None,
    ),
    "consent to publish a name with no name": (
        RECOGNITIONS,
        lambda d: d["recognitions"][STAR].update(name_public=True),
        None,
        False,
        "consent_without_person",
        f"recognitions[{STAR}].name_public",
        None,
    ),
    "a recognised region that does not exist": (
        RECOGNITIONS,
        lambda d: d["recognitions"][ZONE].update(region="nanhu-no-such-town"),
        None,
        False,
        "unknown_ref",
        f"recognitions[{ZONE}].region",
        None,
    ),
    "a recognised provider that does not exist": (
        RECOGNITIONS,
        lambda d: d["recognitions"][SCHOOL_TITLE].update(provider="nanhu-no-such-school"),
        None,
        False,
        "unknown_ref",
        f"recognitions[{SCHOOL_TITLE}].provider",
        None,
    ),
    "a recognition listed twice, under another id": (
        RECOGNITIONS,
        lambda d: d["recognitions"].append({**copy.deepcopy(d["recognitions"][ZONE]), "id": "nanhu-zone-again"}),
        None,
        False,
        "repeated_recognition",
        f"recognitions[{len(RECOGNITION_IDS)}].kind",
        None,
    ),
    "two recognitions with one id": (
        RECOGNITIONS,
        lambda d: d["recognitions"].append(copy.deepcopy(d["recognitions"][ZONE])),
        None,
        False,
        "duplicate_id",
        f"recognitions[{len(RECOGNITION_IDS)}].id",
        None,
    ),
}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory):
    """For each mistake: what the validator says of the file, and what the form says of the data."""
    cases, files = [], []
    for record, mutate, file, new, _code, _key, _form in MISTAKES.values():
        collection, _, record_id = record.rpartition("/")
        data = data_of(record_id, collection or "providers")
        mutate(data)
        cases.append({"collection": collection or "providers", "data": data, "slug": None if new else record_id or collection})
        files.append(file_of(collection or "providers", file or record_id))
    written = node("output = input.map((c) => format.write(c.data, model.SPEC[c.collection]));", cases)
    found = form_refusals(cases)
    out = {}
    for name, text, file, form in zip(MISTAKES, written, files, found, strict=True):
        root = tmp_path_factory.mktemp("catalogue") / "catalogue"
        shutil.copytree(CATALOGUE, root)
        (root / file).write_text(text, encoding="utf-8")
        _, problems = load(root, today=dt.date.fromisoformat(TODAY))
        errors = {(p.key, p.code) for p in problems if p.severity == "error" and p.path.endswith(f"/{file}")}
        out[name] = (errors, {tuple(f) for f in form})
    return out


@pytest.mark.parametrize("name", MISTAKES)
def test_the_form_refuses_what_the_validator_refuses(verdicts, name):
    _record, _mutate, _file, _new, code, key, form_code = MISTAKES[name]
    validator, form = verdicts[name]
    assert (key, code) in validator, f"the validator does not see this mistake: {validator}"  # the case is real
    assert (key, form_code or code) in form, f"the form would save it: {form}"


# Dates the wrong way round (a year mistyped): the validator refuses the dates and judges nothing by
# them (the model refuses the term or course, so its class days, sessions and enrolment go unchecked);
# the form says that one thing too. Control: checks.js counted class days between reversed dates,
# and refused each course of the term "课次 15 多于日期范围内的上课日（-19 天）".
REVERSED: dict[str, tuple[str, Mutation, str]] = {  # name -> (record, mutation, the one key refused)
    "a term's last day a year early": (
        ELDERLY,
        lambda d: d["terms"][0]["dates"].update(end=_plus(d["terms"][0]["dates"]["end"], -365)),
        "terms[0].dates.end",
    ),
    "a class's last day a year early, with holidays and sessions": (
        SCHOOL,
        lambda d: (
            _course(d, 1)["schedule"]["dates"].update(end=_plus(_course(d, 1)["schedule"]["dates"]["end"], -365)),
            _course(d, 1)["schedule"].update(sessions=4, except_dates=[_plus(_course(d, 1)["schedule"]["dates"]["start"], 3)]),
        ),
        "courses[1].schedule.dates.end",
    ),
}


@pytest.mark.parametrize("name", REVERSED)
def test_dates_the_wrong_way_round_are_refused_for_their_order_only(name, tmp_path):
    record, mutate, key = REVERSED[name]
    data = data_of(record)
    mutate(data)
    [form] = form_refusals([{"collection": "providers", "data": data, "slug": record}])
    assert form == [[key, "field"]]
    root = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, root)
    (root / file_of("providers", record)).write_text(node("output = format.write(input, model.SPEC.providers);", data), encoding="utf-8")
    _, problems = load(root, today=dt.date.fromisoformat(TODAY))
    assert [(p.key, p.code) for p in problems if p.severity == "error"] == [(key, "end_before_start")]


def test_the_cross_record_checks_answer_from_the_catalogue_they_are_given():
    """The verdict comes from records.json, not from the record alone: given a catalogue that holds
    the id and a parent of the same tier, both are refused; given none, the parent cannot be looked
    up and is refused as unknown rather than saved unchecked."""
    data = data_of(SCHOOL)
    data["parent"] = "nanhu-community-college"
    found = node(
        "output = checks.crossProblems('providers', input, { records: { providers: { [input.id]: 'community-school',"
        " 'nanhu-community-college': 'community-school' } }, tiers: model.TIERS });",
        data,
    )
    # with a catalogue that says otherwise (and names no region, so the school's region is unknown)
    assert [(where, code) for where, code, _args in found] == [
        ("region", "unknown_ref"),
        ("id", "duplicate_id"),
        ("parent", "wrong_parent_tier"),
    ]
    alone = node("output = checks.crossProblems('providers', input, { tiers: model.TIERS });", data)
    assert ["parent", "unknown_ref"] in [[where, code] for where, code, _args in alone]


def test_every_refusal_has_the_validators_message():
    """The form's message for each code is the validator's, with the record's values filled in."""
    messages = node("output = model.MESSAGES;")
    for code in editor.CROSS_CODES:
        assert messages[code] == " / ".join(MESSAGES[code])
    shown = node(
        "output = checks.crossMessages('providers', input.data, model.SPEC.providers, { records: input.records, tiers: model.TIERS }, model.MESSAGES);",
        {"data": {**data_of(SCHOOL), "id": "nanhu-daqiao-adult-school"}, "records": records()},
    )
    assert shown == [
        "id: 编号“nanhu-daqiao-adult-school”重复，已在 catalogue/providers/nanhu-daqiao-adult-school.yml 使用 / "
        "id 'nanhu-daqiao-adult-school' is used twice, first at catalogue/providers/nanhu-daqiao-adult-school.yml"
    ]


def test_a_kind_changed_under_other_schools_names_them_as_the_validator_does():
    """A school made an elderly school (no tier) is refused on its kind, naming the school under it
    by its Chinese name, with the validator's message and arguments (loader.py _children_fit);
    control: the same school made another kind of tier 3 is not refused."""
    data = data_of(ADULT)
    data["parent"] = None
    shown = node(
        "output = ['elderly-school', 'community-education-centre'].map((kind) => checks.crossMessages('providers',"
        " { ...input.data, kind }, model.SPEC.providers, { records: input.records, tiers: model.TIERS, slug: input.data.id }, model.MESSAGES));",
        {"data": data, "records": records()},
    )
    args = {"children": "江南村社区学校", "children_en": SCHOOL, "tier": 3, "kind": "elderly-school"}
    assert shown == [[f"kind: {' / '.join(MESSAGES['children_wrong_tier']).format(**args)}"], []]


def test_a_kind_outside_the_network_is_named_in_chinese():
    """A parent given to a kind outside the four tiers is refused with the validator's message, the
    kind in it as the form's choice names it (中职学校, not vocational-school; the validator, read by
    people editing YAML, keeps the id). Control: with the validator's own argument the message differs."""
    data = {**data_of(ELDERLY), "kind": "vocational-school", "parent": "nanhu-community-college"}
    shown = node(
        "output = checks.crossMessages('providers', input.data, model.SPEC.providers, { records: input.records, tiers: model.TIERS,"
        " slug: input.data.id }, model.MESSAGES);",
        {"data": data, "records": records()},
    )
    assert [line.split(" / ")[0] for line in shown] == ["parent: “中职学校”不属于四级网络，不能有上级"]
    assert MESSAGES["no_kind_tier"][0].format(kind="vocational-school") != "“中职学校”不属于四级网络，不能有上级"


def test_a_recognition_refused_names_the_kinds_in_chinese():
    """The bureau's clerk reads Chinese: a field for another kind of title is refused with the
    validator's message, the kinds in it as the form's choices name them (百姓学习之星, not learning-star).
    Control: with the validator's own arguments (the kinds' ids) the message differs."""
    data = data_of("", "recognitions")
    data["recognitions"][ZONE]["person"] = {"zh": "张三"}
    shown = node(
        "output = checks.crossMessages('recognitions', input.data, model.SPEC.recognitions, { records: input.records }, model.MESSAGES);",
        {"data": data, "records": records()},
    )
    assert [line.split(" / ")[0] for line in shown] == [
        f"recognitions[{ZONE}].person: 此项只用于称号类型为“百姓学习之星”的称号，本条是“社区教育示范区”：请删除此项，或改正称号类型"
    ]


# Each rule of the validator that a form's save can break, by (model class, field), and the mistake
# above that breaks it: a rule added to the model without a case here fails the test below, and its
# case then fails until checks.js refuses it (control: checks.js compared only start/end and
# opens/closes, and the event's end_date case failed).
ORDERED = {  # model.ordered_fields: a field that may not come before another
    ("AgeRule", "max_age"): "ages the wrong way round",
    ("DateRange", "end"): "a term that ends before it starts",
    ("Enrolment", "closes"): "enrolment that closes before it opens",
    ("Schedule", "end"): "a class that ends when it starts",
    ("OpeningHours", "closes"): "a venue that closes before it opens",
    ("Meeting", "end"): "a team meeting that ends before it starts",
    ("Event", "end_date"): "a new event whose last day is before its first",
    ("Event", "end"): "an event that ends before it starts",
}
REFERRED = {  # loader.py, events.py, teams.py: unknown_ref, a field named as problems.REFERENCES names it
    ("Provider", "region"): "a provider in a region that does not exist",
    ("Provider", "parent"): "a parent that does not exist",
    ("Course", "term"): "a term removed while a course keeps it",
    ("Course", "venue"): "a venue that does not exist",
    ("Venue", "region"): "a venue in a region that does not exist",
    ("Event", "region"): "an event in a region that does not exist",
    ("Event", "venue"): "an event at a venue that does not exist",
    ("Event", "provider"): "an event run by a provider that does not exist",
    ("Team", "region"): "a team in a region that does not exist",
    ("Team", "provider"): "a team supported by a provider that does not exist",
    ("Meeting", "venue"): "a team meeting at a venue that does not exist",
    ("Recognition", "region"): "a recognised region that does not exist",
    ("Recognition", "provider"): "a recognised provider that does not exist",
}


def _classes_the_form_writes() -> list[type[BaseModel]]:
    """The model classes of every collection the editor writes, and every class within them."""
    names = set()
    for cls, _title in [*editor.COLLECTIONS.values(), *editor.LISTS.values()]:
        names |= {cls.__name__, *cls.model_json_schema().get("$defs", {})}
    return [cls for cls in map(vars(m).get, names) if isinstance(cls, type) and issubclass(cls, BaseModel)]


FIELD_MISTAKES = {  # editor.FIELD_CODES: each bound of one value that checks.js refuses, and its mistake above
    "line_break": "a line break pasted into a school's name",
    "too_long": "a course title of a thousand characters",
    "reserved_id": "a new provider with the section page's id",
    "date_out_of_range": "a class ending in year 9999",
    "repeated": "the same holiday picked twice",
}


def test_every_bound_of_a_value_has_a_mistake_the_form_refuses():
    """A code added to editor.FIELD_CODES without a mistake here fails (each mistake is then checked
    against the form by test_the_form_refuses_what_the_validator_refuses)."""
    assert set(FIELD_MISTAKES) == set(editor.FIELD_CODES) and set(FIELD_MISTAKES.values()) <= set(MISTAKES)
    assert all(MISTAKES[name][4] == code for code, name in FIELD_MISTAKES.items())


def test_every_rule_between_fields_or_records_has_a_mistake_the_form_refuses():
    """Fails for a rule of the validator that no mistake above breaks (each mistake is then checked
    against the form by test_the_form_refuses_what_the_validator_refuses)."""
    classes = _classes_the_form_writes()
    ordered = {(cls.__name__, later) for cls in classes for later in m.ordered_fields(cls)}
    referred = {(cls.__name__, field) for cls in classes for field in cls.model_fields if field in REFERENCES}
    assert ordered == set(ORDERED) and len(ordered) == 8
    assert referred == set(REFERRED) and len(referred) == 13
    assert set(ORDERED.values()) | set(REFERRED.values()) <= set(MISTAKES)


def test_a_refusals_place_names_an_item_by_its_name_never_its_id():
    """The panel says where a refusal is by the labels around it and each list item by its name: a
    recognition has none, and was named by its id, English made from its parts
    ("第 1 项“nanhu-daqiao-jiangnan-community-school-standardised-2”"). Control: a course, by its title."""
    uri = json.dumps((ADMIN / "locale.js").as_uri())
    said = node(
        f"const locale = await import({uri});\n"
        "output = [locale.saying('recognitions[0].year: x', model.SPEC.recognitions, input.recognitions, model.STRINGS).where,"
        " locale.saying('courses[0].hours: x', model.SPEC.providers, input.provider, model.STRINGS).where];",
        {"recognitions": read(CATALOGUE / "recognitions.yml").data, "provider": data_of(SCHOOL)},
    )
    course = data_of(SCHOOL)["courses"][0]["title"]["zh"]
    assert said == ["荣誉称号 › 第 1 项 › 获评年份", f"课程列表 › 第 1 项“{course}” › 总课时"], said


def test_an_emoji_of_joined_pictures_passes_the_form_as_the_validator_and_a_joiner_in_a_name_does_not():
    """The form's hidden characters are the validator's (model.js HIDDEN from characters.py): 👩‍🏫
    and 🏃‍♀️ (pictures joined by U+200D) pass; the joiner between two letters does not."""
    texts = ["欢迎👩\u200d🏫老师", "🏃\u200d♀️ 晨跑", "南\u200d湖", "👩\u200d"]
    found = node("const hidden = new RegExp(model.HIDDEN, 'u'); output = input.map((t) => Boolean(t.match(hidden)));", texts)
    assert found == [False, False, True, True]
    assert found == [bool(hidden_characters().search(text)) for text in texts]
