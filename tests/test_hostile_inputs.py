"""Inputs a hostile-input review (2026-12-06) found the validator passing, or answering badly.

Each test states the rule for the whole class of input, not the one example: dates one way and
within range, and the site's date arithmetic safe at the calendar's end; link fields of one kind
each, the same pattern in the validator, the JSON Schema and the web editor; every problem of a file
at once; a too large file told by its size; one line for a file of aliases. The table of invalid
files (test_invalid_files.py) holds a case for each message; these check what a table row cannot.
Controls: each test failed on the code before this change (noted on each).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import VALID, node
from pydantic import BaseModel, TypeAdapter, ValidationError

from learning_city.data import model as m
from learning_city.data import status
from learning_city.data.loader import load
from learning_city.data.problems import MESSAGES
from learning_city.data.yamlfile import MAX_BYTES
from learning_city.site import calendars
from learning_city.tools.schema import SCHEMAS, schema_for

PROVIDER = "providers/test-school.yml"


def problems_of(root: Path, text: str, file: str = PROVIDER) -> list:
    (root / file).write_text(text, encoding="utf-8")
    catalogue, problems = load(root)
    assert catalogue is None
    return [p for p in problems if p.path == str(root / file)]


@pytest.mark.parametrize(
    "typed", ["0", "1788652800", "20260906", "2026/09/06", "2026年9月6日", "2026-9-6", "2026-09-06T00:00", "[2026, 9, 6]"]
)
def test_a_date_is_written_one_way_and_told_so_in_our_words(catalogue_copy, typed):
    """Control: before, 0 and 1788652800 passed as Unix time, and the others' messages carried
    pydantic's English ("Datetimes provided to dates should have zero time…") in both halves."""
    found = problems_of(catalogue_copy, VALID.replace("start: 2026-09-01", f"start: {typed}"))
    dates = [p for p in found if p.key == "courses[0].schedule.dates.start"]
    assert [p.code for p in dates] == ["bad_date"], [str(p) for p in found]
    value = dates[0].args["value"]
    zh, en = MESSAGES["bad_date"]
    assert dates[0].message() == f"{zh.format(value=value)} / {en.format(value=value)}"  # nothing but our words
    assert "2026-09-06" in zh and "2026-09-06" in en  # the form it must take


def test_every_date_field_is_bounded_by_the_one_range():
    """Every date of every model class, wherever it sits, takes the one checked Date type: a date
    field added later with plain dt.date would be unbounded again. Control: before, none was."""
    dates = []
    for cls in [c for c in vars(m).values() if isinstance(c, type) and issubclass(c, BaseModel)]:
        for name, info in cls.model_fields.items():
            if "datetime.date" not in repr(info.annotation):
                continue
            dates.append((cls.__name__, name))
            many = "list" in repr(info.annotation)
            adapter = TypeAdapter(info.rebuild_annotation())
            for out_of_range in ("1999-12-31", "2100-01-01", "9999-12-31"):
                with pytest.raises(ValidationError) as refused:
                    adapter.validate_python([out_of_range] if many else out_of_range)
                assert refused.value.errors()[0]["type"] == "date_out_of_range", (cls.__name__, name)
            adapter.validate_python(["2099-12-31"] if many else "2000-01-01")
    assert len(dates) >= 10, dates


def test_the_calendars_cannot_step_past_the_last_day():
    """The site's date arithmetic holds even for a date the model would refuse. Control: before,
    `last + ONE_DAY` raised OverflowError on 9999-12-31 and the build stopped with a traceback."""
    last = dt.date.max
    assert calendars._day_after(last) == last
    assert calendars._day_after(dt.date(2026, 9, 6)) == dt.date(2026, 9, 7)
    assert list(status.days(m.DateRange.model_construct(start=last - dt.timedelta(days=2), end=last)))[-1] == last
    schedule = m.Schedule.model_construct(days=[m.Weekday.fri], except_dates=[])
    dates = m.DateRange.model_construct(start=last - dt.timedelta(days=13), end=last)
    assert list(status.meetings(schedule, dates)) == [last - dt.timedelta(days=7), last]  # 9999-12-31 is a Friday


LINK_SAMPLES = [
    "https://example.org/",
    "https://example.org/课程?id=1#top",
    "http://a.example:8080/x",
    "mailto:office@example.org",
    "https://evil.example/\nX",
    "https://a b",
    "https://",
    "http://user:pass@evil.example/",
    "http://user@evil.example/",
    "tel:javascript:alert(1)",
    "mailto:javascript:alert(1)//@x",
    'tel:+86 573"><img src=x>',
    'https://example.org/"><img src=x>',
    "javascript:alert(1)",
    "tel:0573-82000000",
    " https://example.org/",
]


def _link_fields() -> dict[tuple[str, str], str]:
    """Every link field of every file's JSON Schema, at any depth: (definition, field) -> its pattern."""
    found = {}
    for cls, _ in SCHEMAS.values():
        schema = schema_for(cls)
        for name, definition in [(cls.__name__, schema), *schema.get("$defs", {}).items()]:
            for field, prop in definition.get("properties", {}).items():
                for option in prop.get("anyOf", [prop]):
                    if option.get("pattern") in (m.WEB, m.EMAIL):
                        found[(name, field)] = option["pattern"]
    return found


def test_each_link_field_takes_one_kind_and_the_validator_schema_and_editor_agree():
    """For every link field: the validator accepts exactly what the schema's pattern matches in
    JavaScript (as the web editor and editors reading the schema test it); the kind follows the
    field's name (an e-mail field mailto only, every other link a web address). Control: before,
    one pattern (`\\S+`) for all, which the validator contradicted (a line break, a space passed)."""
    fields = _link_fields()
    assert len(fields) == 10, fields
    patterns = sorted(set(fields.values()))
    in_js = node(
        "output = input.patterns.map((p) => input.samples.map((s) => new RegExp(p).test(s)));",
        {"patterns": patterns, "samples": LINK_SAMPLES},
    )
    js = dict(zip(patterns, in_js, strict=True))
    for (definition, field), pattern in fields.items():
        assert pattern == (m.EMAIL if field == "email" else m.WEB), (definition, field)
        cls = getattr(m, definition)
        for sample, matched in zip(LINK_SAMPLES, js[pattern], strict=True):
            try:
                TypeAdapter(cls.model_fields[field].rebuild_annotation()).validate_python(sample)
                accepted = True
            except ValidationError:
                accepted = False
            assert accepted == matched == bool(re.fullmatch(pattern, sample)), (definition, field, sample)
    accepted = {s for s, ok in zip(LINK_SAMPLES, js[m.WEB], strict=True) if ok} | {
        s for s, ok in zip(LINK_SAMPLES, js[m.EMAIL], strict=True) if ok
    }
    assert accepted == {"https://example.org/", "https://example.org/课程?id=1#top", "http://a.example:8080/x", "mailto:office@example.org"}


def test_a_refused_file_has_its_references_checked_too(catalogue_copy):
    """Every problem at once: an id and characters wrong, and a parent, a venue and a term that do
    not exist, all in one run. Control: before, only the id error; the references showed on a
    second run, once the id was mended."""
    text = VALID.replace("id: test-school", "id: Test_School").replace("parent: nanhu-daqiao-adult-school", "parent: no-such-school")
    text = text.replace("    mode: in-person\n", "    mode: in-person\n    venue: no-such-venue\n    term: no-such-term\n")
    found = problems_of(catalogue_copy, text)
    assert sorted((p.key, p.code) for p in found) == [
        ("courses[0].term", "unknown_ref"),
        ("courses[0].venue", "unknown_ref"),
        ("id", "slug"),
        ("parent", "unknown_ref"),
    ]
    # nearest correct input: the same references, real, raise none of them
    text = VALID.replace("id: test-school", "id: Test_School").replace(
        "    mode: in-person\n", "    mode: in-person\n    venue: haining-library\n    term: autumn\n"
    )
    text = text.replace(
        "courses:\n",
        "terms:\n  - id: autumn\n    name:\n      zh: 秋季\n    dates:\n      start: 2026-09-01\n      end: 2026-12-31\ncourses:\n",
    )
    assert [(p.key, p.code) for p in problems_of(catalogue_copy, text)] == [("id", "slug")]


def test_a_too_large_file_is_told_by_its_real_size(catalogue_copy):
    """Control: before, a 10 MB file was said to be 5000001 bytes (what was read to find it too large)."""
    size = 10_000_000
    found = problems_of(catalogue_copy, VALID + "# " + "x" * (size - len(VALID.encode()) - 3) + "\n")
    assert [(p.code, p.args["size"]) for p in found] == [("too_large", size)]
    assert f"{size} bytes, limit {MAX_BYTES}" in str(found[0])


def test_a_file_of_aliases_gives_one_line(catalogue_copy):
    """A billion laughs: every alias named would be thousands of lines. Control: before, 81 here."""
    laughs = 'lol0: &a0 ["lol"]\n' + "".join(f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
    found = problems_of(catalogue_copy, VALID + laughs)
    assert [(p.code, p.line) for p in found] == [("anchor", 33)]


def test_the_schema_names_the_rules_editors_read():
    """The JSON Schema carries the model's own bounds for editors: dates, one-line text, lengths, reserved ids."""
    schema = json.loads(json.dumps(schema_for(m.Provider)))
    defs = schema["$defs"]
    assert defs["Line"]["properties"]["zh"]["pattern"] == m.ONE_LINE and defs["Line"]["properties"]["zh"]["maxLength"] == m.LINE_MAX
    assert defs["Text"]["properties"]["zh"]["maxLength"] == m.PROSE_MAX and "pattern" not in defs["Text"]["properties"]["zh"]
    assert schema["properties"]["id"]["not"] == {"enum": list(m.RESERVED_IDS)}
    start = defs["DateRange"]["properties"]["start"]
    assert (start["pattern"], start["formatMinimum"], start["formatMaximum"]) == (m.ISO_DATE, "2000-01-01", "2099-12-31")


def test_no_record_or_region_id_can_take_a_section_page():
    """The pages a record's page sits beside (docs/providers/index.md…, and the pages the site
    makes: teams/index.md beside teams/<county>.md, courses.md served at courses/ beside
    courses/<county>/) each have a stem the model refuses as an id. Control: before, `index`
    validated and providers/index.yml replaced /providers/."""
    from conftest import ROOT

    section_pages = {page.stem for folder in ("providers", "venues") for page in (ROOT / "docs" / folder).glob("*.md")}
    section_pages |= {Path(path).stem for path in ("teams/index.md", "events/index.md", "resources/index.md", "recognitions/index.md")}
    assert section_pages == {"index"}
    for stem in section_pages:
        with pytest.raises(ValidationError) as refused:
            TypeAdapter(m.Id).validate_python(stem)
        assert refused.value.errors()[0]["type"] == "reserved_id"
    TypeAdapter(m.Id).validate_python("index-school")  # control: an id that only begins so is fine


def test_references_are_checked_while_a_whole_catalogue_file_is_refused(catalogue_copy):
    """A refused statistics.yml stops the rules that need the whole catalogue, not the references a
    record's data names. Control: before, only the statistics error showed; the parent on a second run."""
    statistics = catalogue_copy / "statistics.yml"
    statistics.write_text(statistics.read_text(encoding="utf-8").replace("    value: 62.5\n", "    value: many\n"), encoding="utf-8")
    (catalogue_copy / PROVIDER).write_text(VALID.replace("parent: nanhu-daqiao-adult-school", "parent: no-such-school"), encoding="utf-8")
    catalogue, problems = load(catalogue_copy)
    assert catalogue is None
    assert sorted((Path(p.path).name, p.key, p.code) for p in problems if p.severity == "error") == [
        ("statistics.yml", "statistics[0].value", "plain_number"),
        ("test-school.yml", "parent", "unknown_ref"),
    ]
    (catalogue_copy / PROVIDER).write_text(VALID, encoding="utf-8")  # control: a real parent raises nothing more
    assert [Path(p.path).name for p in load(catalogue_copy)[1] if p.severity == "error"] == ["statistics.yml"]


def test_a_provider_the_model_refuses_still_gets_its_own_rules_checked(catalogue_copy):
    """Every problem of a file at once: one course the model refuses (no hours) no longer hides a
    course id used twice, sessions that do not fit and enrolment after the last class, which the
    secretary otherwise meets one pull request at a time. Control: without the refused value, the
    same three are found as before."""
    path = catalogue_copy / "providers" / "nanhu-daqiao-adult-school.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    hours: 12\n") == 1 and text.count("  - id: south-lake-stories\n") == 1
    mistakes = (
        text.replace("  - id: south-lake-stories\n", "  - id: childcare-worker\n")
        .replace("      sessions: 6\n", "      sessions: 60\n")
        .replace("      closes: 2026-11-02\n", "      closes: 2027-01-04\n")
    )
    own_rules = ["duplicate_id", "enrolment_after_end", "too_many_sessions"]
    for hours, refused in (("0", ["not_above"]), ("12", [])):  # the control last
        path.write_text(mistakes.replace("    hours: 12\n", f"    hours: {hours}\n"), encoding="utf-8")
        _, problems = load(catalogue_copy)
        assert sorted(p.code for p in problems if p.severity == "error") == sorted(own_rules + refused), hours


@pytest.mark.parametrize("item", ["  -\n", "  - 42\n", "  - [tai-chi]\n"])
def test_a_refused_provider_with_an_empty_or_odd_course_item_gets_messages_not_a_crash(catalogue_copy, item):
    """The provider's own rules run on a refused file's raw items (every problem at once): an empty
    item, a number or a list where a course goes is named, never a traceback (found by the fuzz test)."""
    (catalogue_copy / PROVIDER).write_text(VALID.replace("courses:\n", "courses:\n" + item), encoding="utf-8")
    catalogue, problems = load(catalogue_copy)
    assert catalogue is None
    assert [p.key for p in problems if p.severity == "error"] == ["courses[0]"]
