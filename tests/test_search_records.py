"""The courses' search records (issue 23 item 6): Pagefind's memory for the Chinese index grows with
every indexed character of every record, so a record indexes only what a reader finds a course by
(title, provider, town and county, subject, description) and carries time, dates, place, fee and
enrolment in its meta, shown under the title. Built from the sample catalogue, no site build;
that the courses are still found by such words in the browser is tests/test_reader_today.py."""

from __future__ import annotations

import pytest
from conftest import CATALOGUE

from learning_city.data.loader import load
from learning_city.site import search_records
from learning_city.site.search_records import course_records

SHOWN = ("when", "place", "fee")  # shown under the title, not searched by


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(CATALOGUE)
    assert found is not None, problems
    return found


def unsearched_lines(record: dict) -> list[str]:
    """The lines of a record's indexed content that are only shown: its time, place or fee."""
    shown = {record["meta"][key] for key in SHOWN}
    return [line for line in record["content"].split("\n") if line in shown]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_course_record_indexes_what_a_course_is_found_by_only(catalogue, lang):
    records = course_records(catalogue, lang)
    assert len(records) == sum(len(p.courses) for p in catalogue.providers.values())
    for record in records:
        lines = record["content"].split("\n")
        start = lines.index(record["meta"]["title"])  # after the description, if any
        assert start <= 1 and lines[start + 1] == record["meta"]["provider"], record["url"]
        assert 3 <= len(lines) <= 6, record  # title, provider, town and county (if any), subject, description (if any)
        assert unsearched_lines(record) == [], record["url"]
        assert record["meta"]["when"] and record["meta"]["place"], record["url"]  # still shown

    # control: a record as built before issue 23, its time and place indexed too, is rejected
    old = dict(records[0], content="\n".join([records[0]["content"], records[0]["meta"]["place"], records[0]["meta"]["when"]]))
    assert len(unsearched_lines(old)) == 2


def test_a_word_only_in_a_description_still_finds_its_course(catalogue):
    """积分落户 is in the description of 新居民融入课堂 only: a new resident searching it finds the course.
    Control: the word is in none of what the record shows (title, provider, time, place, fee)."""
    records = [r for r in course_records(catalogue, "zh") if "积分落户" in r["content"]]
    assert records
    assert all("积分落户" not in value for r in records for value in r["meta"].values())


def test_the_chinese_records_index_under_half_of_what_they_did(catalogue):
    """A size, the control of the memory the bench measures: the indexed characters of the sample's
    Chinese course records, against the same records with their time and place indexed as before."""
    records = course_records(catalogue, "zh")
    indexed = sum(len(r["content"]) for r in records)
    before = sum(len(r["content"]) + len(r["meta"]["place"]) + len(r["meta"]["when"]) + 2 for r in records)
    assert indexed < 0.5 * before, (indexed, before)


# --- bundles: at most `size` courses per Pagefind run (issue 23 item 6) --------------------------


@pytest.mark.parametrize(
    "courses, size, expected", [(0, 5, [0]), (5, 5, [5]), (6, 5, [5, 1]), (20000, 5000, [5000] * 4), (20001, 5000, [5000] * 4 + [1])]
)
def test_bundles_hold_at_most_size_courses_each(courses, size, expected):
    ranges = search_records.bundle_ranges(courses, size)
    assert [len(r) for r in ranges] == expected
    assert [i for r in ranges for i in r] == list(range(courses))  # each course once, in order


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_record_is_in_one_bundle_and_the_search_page_names_the_others(catalogue, lang):
    """The sample in bundles of 250 courses: every course once, the teams, resources and events
    with the pages' bundle, and the search page merges exactly the bundles written after the first."""
    bundles = search_records.bundles(catalogue, lang, 250)
    whole = search_records.bundles(catalogue, lang, search_records.BUNDLE_SIZE)
    assert len(whole) == 1  # the sample is one bundle as it is published
    assert [len(b) for b in bundles[1:]] == [250, len(course_records(catalogue, lang)) - 500]
    assert sorted(r["url"] for b in bundles for r in b) == sorted(r["url"] for r in whole[0])
    assert all("#course-" in r["url"] for b in bundles[1:] for r in b)
    assert search_records.merged_folders(catalogue, lang, 250) == [f"{lang}-1/", f"{lang}-2/"]
    assert search_records.merged_folders(catalogue, lang, search_records.BUNDLE_SIZE) == []
    # control: a size that leaves a course out of every bundle is seen
    assert sum(len(r) for r in search_records.bundle_ranges(579, 250)[:2]) < 579
