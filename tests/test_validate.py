"""Every kind of bad input gets its own clear message at the right line; good input passes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, VALID, assert_reported, validate

from learning_city.data import yamllines
from learning_city.data.loader import load


def put(catalogue, text: str | bytes, name: str = "test-school") -> str:
    path = catalogue / "providers" / f"{name}.yml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return f"providers/{name}.yml"


def test_the_real_catalogue_is_valid():
    result = validate(ROOT / "catalogue")
    assert result.returncode == 0, result.stdout
    assert ": error: " not in result.stdout


def test_valid_record_passes_and_bom_is_accepted(catalogue_copy):
    put(catalogue_copy, "\ufeff" + VALID)
    result = validate(catalogue_copy)
    assert result.returncode == 0, result.stdout


def test_unquoted_time_is_kept_as_text(catalogue_copy):
    put(catalogue_copy, VALID.replace('start: "09:00"', "start: 09:00").replace('end: "10:30"', "end: 19:30"))
    catalogue, problems = load(catalogue_copy)
    assert problems == []
    schedule = catalogue.providers["test-school"].courses[0].schedule
    assert (schedule.start, schedule.end) == ("09:00", "19:30")


def test_malformed_time(catalogue_copy):
    file = put(catalogue_copy, VALID.replace('end: "10:30"', 'end: "1030"'))
    assert_reported(validate(catalogue_copy), file, 23, "courses[0].schedule.end", "HH:MM")


def test_duplicate_key(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("    capacity: 30\n", "    capacity: 30\n    capacity: 40\n"))
    assert_reported(validate(catalogue_copy), file, 31, "capacity", "键重复", "duplicate key", "line 30")


def test_yes_where_text_is_meant(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("  zh: 大桥镇示例路 1 号", "  zh: yes"))
    assert_reported(validate(catalogue_copy), file, 10, "address.zh", "true or false")


def test_tab_indentation(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("  en: Test Community School", "\ten: Test Community School"))
    assert_reported(validate(catalogue_copy), file, 6, "Tab")


def test_gbk_file_is_told_to_be_saved_as_utf8(catalogue_copy):
    file = put(catalogue_copy, VALID.encode("gbk"))
    assert_reported(validate(catalogue_copy), file, 5, "GBK", "UTF-8")


def test_fullwidth_colon(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("region: nanhu-daqiao", "region：nanhu-daqiao"))
    assert_reported(validate(catalogue_copy), file, 8, "region", "全角冒号", "full-width colon")


# Lines that only look like typing mistakes (yamllines.py): text in a block, a link, a time, a
# colon inside quotes, a comment, a value that goes on over two lines, a paragraph's full-width indent.
LOOKALIKES = """\
description:
  zh: |
    地址:南湖路 1 号
    -周六上午
    note: 备注: 带好证件
    @张老师　　`代码`
    \t制表符
  en: >-
    Opening hours:
      9:00 to 17:00 — [note] {x}: "y"
address:
  zh: "大桥镇示例路: 1 号"  # 地址: 示例
  en: 'It''s at: 1 Example Road'
contact:
  website: https://example.org/test#top
name:
  zh: 测试社区学校
  en: Test Community
    School, Daqiao
"""


def test_what_only_looks_like_a_typing_mistake_passes(catalogue_copy):
    text = VALID.replace("name:\n  zh: 测试社区学校\n  en: Test Community School\n", "")
    text = text.replace("address:\n  zh: 大桥镇示例路 1 号\n", "").replace("contact:\n  website: https://example.org/test\n", "")
    put(catalogue_copy, text + LOOKALIKES)
    catalogue, problems = load(catalogue_copy)
    assert [str(p) for p in problems if p.severity == "error"] == []
    school = catalogue.providers["test-school"]
    assert school.description.zh.startswith("地址:南湖路 1 号\n-周六上午\nnote: 备注: 带好证件\n@张老师")
    assert (school.address.zh, school.name.en) == ("大桥镇示例路: 1 号", "Test Community School, Daqiao")


def test_every_typing_mistake_is_named_at_once_on_its_line(catalogue_copy):
    text = VALID.replace("region: nanhu-daqiao", "region:nanhu-daqiao")
    text = text.replace("  zh: 大桥镇示例路 1 号", '  zh: "大桥镇示例路 1 号')
    text = text.replace("    category: sports", "\u3000\u3000category: sports")
    text = text.replace("      days: [mon]", "      days:\n        -mon")
    text = text.replace("      method: on-site", "      method: on-site: 现场")
    file = put(catalogue_copy, text)
    result = validate(catalogue_copy)
    assert_reported(result, file, 8, "region:", "region: nanhu-daqiao", "冒号后面少了一个空格")
    assert_reported(result, file, 10, "zh:", '"大桥镇示例路 1 号"', "引号没有配对")
    assert_reported(result, file, 17, "全角空格")
    assert_reported(result, file, 22, "- mon")
    assert_reported(result, file, 33, "method:", '"on-site: 现场"')
    assert "YAML syntax error" not in result.stdout


def test_the_line_scan_finds_nothing_wrong_in_the_real_catalogue():
    """Nothing flagged, and every key lines up: the reading of a broken file's indentation never
    blames a line the real catalogue writes."""
    for path in sorted((ROOT / "catalogue").rglob("*.yml")):
        lines, mistakes = yamllines.scan(path.read_text(encoding="utf-8"), str(path))
        assert mistakes == [], [str(p) for p in mistakes]
        assert yamllines._misplaced(str(path), lines, len(lines), continued=False) is None, path


def test_misspelt_key_suggests_the_right_one(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("    capacity: 30", "    capacty: 30"))
    row = assert_reported(validate(catalogue_copy), file, 30, "courses[0].capacty", "unknown key", "capacity")
    assert "did you mean 'capacity'" in row


def test_missing_chinese_text(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("      zh: 太极拳入门\n", "      en: Tai chi\n"))
    assert_reported(validate(catalogue_copy), file, 15, "courses[0].title.zh", "缺少中文")


def test_impossible_date(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("start: 2026-09-01", "start: 2026-02-30"))
    assert_reported(validate(catalogue_copy), file, 25, "courses[0].schedule.dates.start", "日期", "date")


def test_end_before_start(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("end: 2026-12-31", "end: 2026-08-01"))
    assert_reported(validate(catalogue_copy), file, 26, "courses[0].schedule.dates.end", "ends before it starts")


def test_reference_to_a_record_that_does_not_exist(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("parent: nanhu-daqiao-adult-school", "parent: no-such-school"))
    assert_reported(validate(catalogue_copy), file, 7, "parent", "no-such-school", "does not exist")


def test_two_records_with_one_id(catalogue_copy):
    put(catalogue_copy, VALID)
    file = put(catalogue_copy, VALID, name="test-school-copy")
    row = assert_reported(validate(catalogue_copy), file, 1, "id", "test-school")
    assert "does not match" in row
    # the copy is named, not the original: it is not the record of its id (a copy saved as "x (1).yml"
    # used to make the original "used twice, first in the copy"); control: the copy alone is the error
    assert validate(catalogue_copy).stdout.count(": error: ") == 1


def test_two_courses_with_one_id(catalogue_copy):
    course = VALID[VALID.index("  - id: tai-chi") :]
    file = put(catalogue_copy, VALID + course)
    assert_reported(validate(catalogue_copy), file, 33, "courses[1].id", "used twice")


@pytest.mark.parametrize("bad", ["../x", "two words", "Upper"])
def test_unsafe_id(catalogue_copy, bad):
    file = put(catalogue_copy, VALID.replace("  - id: tai-chi", f'  - id: "{bad}"'))
    assert_reported(validate(catalogue_copy), file, 14, "courses[0].id", "slug")


def test_unsafe_link_scheme(catalogue_copy):
    file = put(catalogue_copy, VALID.replace("https://example.org/test", '"javascript:alert(1)"'))
    assert_reported(validate(catalogue_copy), file, 12, "contact.website", "javascript:", "https, mailto")


def test_empty_file(catalogue_copy):
    file = put(catalogue_copy, "# only a comment\n")
    assert_reported(validate(catalogue_copy), file, 1, "empty")


def test_anchors_and_aliases_are_refused(catalogue_copy):
    text = VALID.replace("    audience: [older-people]", "    audience: &who [older-people]")
    text = text.replace("    mode: in-person", "    mode: *who")
    file = put(catalogue_copy, text)
    result = validate(catalogue_copy)
    assert_reported(result, file, 18, "anchors")
    assert f"{file}:19:" not in result.stdout  # one line a file: a file of aliases is not thousands of lines


def test_every_problem_is_reported_at_once(catalogue_copy):
    text = VALID.replace("    capacity: 30", "    capacty: 30").replace('end: "10:30"', 'end: "1030"')
    file = put(catalogue_copy, text)
    put(catalogue_copy, VALID.replace("id: test-school", "id: other").replace("region: nanhu-daqiao", "region: nowhere"), "other")
    result = validate(catalogue_copy)
    assert_reported(result, file, 23, "schedule.end")
    assert_reported(result, file, 30, "capacty")
    assert_reported(result, "providers/other.yml", 8, "nowhere")


def test_bad_usage_exits_2(tmp_path):
    result = validate(tmp_path / "does-not-exist")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--no-such-flag"], capture_output=True, text=True)
    assert result.returncode == 2


def test_github_format_annotates_the_right_file_and_line(catalogue_copy):
    put(catalogue_copy, VALID.replace('end: "10:30"', 'end: "1030"'))
    result = validate(catalogue_copy, "--format", "github")
    assert result.returncode == 1
    rows = [row for row in result.stdout.splitlines() if row.startswith("::error ")]
    assert len(rows) == 1, result.stdout
    assert rows[0].startswith(f"::error file={catalogue_copy}/providers/test-school.yml,line=23,col=12,title=courses[0].schedule.end::")
    assert "HH%3AMM" not in rows[0] and "HH:MM" in rows[0]  # the message is data: colons stay


def test_warnings_are_annotations_that_do_not_fail(catalogue_copy):
    text = VALID.replace(
        "    enrolment:\n      method: on-site\n",
        "    enrolment:\n      method: on-site\n      opens: 2026-01-01\n      closes: 2026-02-01\n",
    )
    text = text.replace("contact:", "last_verified: 2024-01-31\ncontact:")
    put(catalogue_copy, text)
    result = validate(catalogue_copy, "--format", "github", "--today", "2026-03-01")
    assert result.returncode == 0, result.stdout
    mine = [row for row in result.stdout.splitlines() if "test-school.yml" in row]
    assert all(row.startswith("::warning ") for row in mine)
    keys = {row.split("title=")[1].split("::")[0] for row in mine}
    assert {"courses[0].title", "courses[0].enrolment.closes", "last_verified"} <= keys, mine
    assert any("line=1," in row and "yaml-language-server" in row for row in mine)  # no schema line
