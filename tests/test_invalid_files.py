"""The table of invalid files: each mistaken or hostile input with the problem it must give.

Every case is a change to a copy of the real catalogue and the exact report it must produce
(message code, file, line, column, key, words of the message); its control is the nearest
correct input, which must not produce that report, so each check is shown able to fail. Every
message code the validator has is produced by at least one case (a test checks).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import validate  # scripts/validate.py
from conftest import CATALOGUE, VALID

from learning_city.data import inventory, loader
from learning_city.data import model as m
from learning_city.data.loader import load
from learning_city.data.problems import MESSAGES, Problem

PROVIDER = "providers/test-school.yml"
EVENT = "events/jiaxing-learning-week-opening.yml"
ONLINE_EVENT = "events/haining-learning-week-online-lecture.yml"  # online only, run by a provider
ADULT = "providers/nanhu-daqiao-adult-school.yml"  # tier 3, parent of nanhu-daqiao-jiangnan-community-school
JIANGNAN = "providers/nanhu-daqiao-jiangnan-community-school.yml"  # tier 4, under ADULT


@dataclass
class Case:
    """A change to a catalogue copy, and what the validator must say about it."""

    code: str
    make: Callable[[Path], None]
    file: str  # relative to the catalogue
    at: str  # "LINE:COL", or "TEXT@COL": the first line holding TEXT in the changed file
    key: str
    words: tuple[str, ...]
    control: Callable[[Path], None]  # the nearest correct input
    severity: str = "error"

    def position(self, root: Path) -> tuple[int, int]:
        where, col = self.at.rsplit("@" if "@" in self.at else ":", 1)
        if "@" not in self.at:
            return int(where), int(col)
        lines = (root / self.file).read_text(encoding="utf-8").splitlines()
        return next(n for n, line in enumerate(lines, 1) if where in line), int(col)


def write(relative: str, text: str | bytes) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)

    return make


def record(old: str, new: str) -> Callable[[Path], None]:
    assert old in VALID, old
    return write(PROVIDER, VALID.replace(old, new))


def edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    """A change to one of the real catalogue's files."""

    def make(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return make


def remove(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


GOOD = write(PROVIDER, VALID)
WITH_TERM = VALID.replace(
    "courses:\n",
    "terms:\n  - id: autumn\n    name:\n      zh: 秋季\n    dates:\n      start: 2026-09-01\n      end: 2026-12-31\ncourses:\n",
)


def symlink_to_secret(root: Path) -> None:
    secret = root.parent / "outside" / "secret.yml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text("aws_secret_access_key: TOPSECRET-1234\n", encoding="utf-8")
    (root / "providers" / "leak.yml").symlink_to(secret)


def secret_as_a_file(root: Path) -> None:
    write("providers/leak.yml", "aws_secret_access_key: TOPSECRET-1234\n")(root)


def linked_single_file(root: Path) -> None:
    moved = root.parent / "outside" / "regions.yml"
    moved.parent.mkdir(exist_ok=True)
    shutil.move(root / "regions.yml", moved)
    (root / "regions.yml").symlink_to(moved)


def linked_folder(root: Path) -> None:
    moved = root.parent / "outside-venues"
    shutil.move(root / "venues", moved)
    (root / "venues").symlink_to(moved, target_is_directory=True)


def fifo(root: Path) -> None:
    os.mkfifo(root / "providers" / "pipe.yml")


def folder_named_like_a_record(root: Path) -> None:
    (root / "providers" / "folder.yml").mkdir()


def nested(depth: int) -> Callable[[Path], None]:
    return write(PROVIDER, VALID + "description:\n  zh: " + "[" * depth + "x" + "]" * depth + "\n")


# issue 22: learning teams and online resources, each change to a shipped record beside its nearest correct input
TEAM = "teams/nanhu-chengnan-reading-club.yml"
RESOURCE = "resources/online-safety-course.yml"
RESOURCE_URL = "url: https://example.org/resources/online-safety\n"
TEAM_CASES: dict[str, Case] = {
    "resource linked by e-mail": Case(
        "web_link",
        edit(RESOURCE, RESOURCE_URL, "url: mailto:desk@example.org\n"),
        RESOURCE,
        "url: mailto@6",
        "url",
        ("http://", "mailto:desk@example.org"),
        edit(RESOURCE, RESOURCE_URL, "url: http://example.org/resources/online-safety\n"),
    ),
    "resource linked to a script": Case(
        "link_scheme",
        edit(RESOURCE, RESOURCE_URL, "url: javascript:alert(1)\n"),
        RESOURCE,
        "url: javascript@6",
        "url",
        ("javascript:alert(1)",),
        GOOD,
    ),
    "resource of no subject we know": Case(
        "bad_choice",
        edit(RESOURCE, "subject: digital-skills", "subject: gardening"),
        RESOURCE,
        "subject: gardening@10",
        "subject",
        ("digital-skills",),
        GOOD,
    ),
    "team in no region we know": Case(
        "unknown_ref",
        edit(TEAM, "region: nanhu-chengnan", "region: nanhu-nowhere"),
        TEAM,
        "region: nanhu-nowhere@9",
        "region",
        ("nanhu-nowhere",),
        GOOD,
    ),
    "team meets in no venue we know": Case(
        "unknown_ref",
        edit(TEAM, "venue: jiaxing-library-chengnan", "venue: no-such-library"),
        TEAM,
        "venue: no-such-library@12",
        "meetings[0].venue",
        ("no-such-library",),
        GOOD,
    ),
    "team supported by no provider we know": Case(
        "unknown_ref",
        edit(TEAM, "region: nanhu-chengnan\n", "region: nanhu-chengnan\nprovider: no-such-school\n"),
        TEAM,
        "provider: no-such-school@11",
        "provider",
        ("no-such-school",),
        edit(TEAM, "region: nanhu-chengnan\n", "region: nanhu-chengnan\nprovider: nanhu-jiefang-qili-community-school\n"),
    ),
    "team meeting ends before it starts": Case(
        "not_after_start", edit(TEAM, 'end: "16:00"', 'end: "13:00"'), TEAM, 'end: "13:00"@10', "meetings[0].end", ("14:00",), GOOD
    ),
    "team without a way to join": Case(
        "missing",
        edit(
            TEAM,
            "join:\n  zh: 到城南分馆服务台登记，领取本月书目。\n  en: Sign up at the Chengnan branch's service desk and collect this month's book list.\n",
            "",
        ),
        TEAM,
        "2:1",
        "join",
        ("required",),
        GOOD,
    ),
    "team's private home address": Case(
        "unknown_key",
        edit(TEAM, "contact:\n", "contact:\n  address: 城南小区 3 幢 201 室\n"),
        TEAM,
        "address: 城南@3",
        "contact.address",
        ("unknown key",),
        GOOD,
    ),
    "resource in the teams folder": Case(
        "wrong_folder",
        write("teams/online-safety-course.yml", (CATALOGUE / RESOURCE).read_text(encoding="utf-8")),
        "teams/online-safety-course.yml",
        "kind: course@7",
        "kind",
        ("resources/",),
        GOOD,
    ),
}

# issue 22: recognitions of residents and organisations, each change beside its nearest correct input
RECOGNITIONS = "recognitions.yml"
UNNAMED_STAR = "    year: 2022\n    region: jiashan\n"
NAME = "    person:\n      zh: 张丽\n"
# the district's national title, as the file has it first (line 5), and added again under another id
ZONE = (CATALOGUE / RECOGNITIONS).read_text(encoding="utf-8").split("recognitions:\n", 1)[1].split("  - id: ", 2)[1]
RECOGNITION_CASES: dict[str, Case] = {
    # a title added twice (the editor gives the second id "-2"): the targets would count it twice
    "a recognition listed twice": Case(
        "repeated_recognition",
        edit(
            RECOGNITIONS,
            "recognitions:\n",
            "recognitions:\n  - id: " + ZONE.replace("nanhu-national-demonstration-zone", "nanhu-zone-again", 1),
        ),
        RECOGNITIONS,
        "15:11",
        "recognitions[1].kind",  # the file's own, now the later of the two
        ("item 1",),
        edit(
            RECOGNITIONS,
            "recognitions:\n",
            "recognitions:\n  - id: "
            + ZONE.replace("nanhu-national-demonstration-zone", "nanhu-zone-again", 1).replace("year: 2018", "year: 2019"),
        ),
    ),
    "a resident's name on a district's title": Case(
        "not_for_kind",
        edit(RECOGNITIONS, "    region: nanhu\n", "    region: nanhu\n" + NAME),
        RECOGNITIONS,
        "zh: 张丽@7",
        "recognitions[0].person",
        ("learning-star", "demonstration-zone"),
        edit(RECOGNITIONS, UNNAMED_STAR, UNNAMED_STAR + NAME),
    ),
    # a school's title names the school, any other a region or none (2026-12-06: a school's title with
    # no school was listed as "全市 · 标准化成人学校"; one with a region too, under that region)
    "a school's title without the school": Case(
        "missing",
        edit(RECOGNITIONS, "    provider: nanhu-daqiao-adult-school\n", ""),
        RECOGNITIONS,
        "id: daqiao-adult-school-standardised@5",
        "recognitions[2].provider",
        ("required",),
        GOOD,
    ),
    "a school's title given to a region": Case(
        "not_for_kind",
        edit(RECOGNITIONS, "    provider: nanhu-daqiao-adult-school\n", "    region: nanhu\n"),
        RECOGNITIONS,
        "27:13",
        "recognitions[2].region",
        ("standardised-adult-school", "learning-star, learning-organisation"),
        GOOD,
    ),
    "consent to publish a name that is not given": Case(
        "consent_without_person",
        edit(RECOGNITIONS, UNNAMED_STAR, UNNAMED_STAR + "    name_public: true  # 本人已签字同意\n"),
        RECOGNITIONS,
        "name_public: true  # 本人@18",
        "recognitions[55].name_public",
        ("person",),
        edit(RECOGNITIONS, UNNAMED_STAR, UNNAMED_STAR + NAME + "    name_public: true  # 本人已签字同意\n"),
    ),
    "consent written as yes": Case(
        "yes_no",
        edit(RECOGNITIONS, "    name_public: true\n", "    name_public: yes\n"),
        RECOGNITIONS,
        "name_public: yes@18",
        "recognitions[53].name_public",
        ("yes",),
        GOOD,
    ),
    "learning organisation without its name": Case(
        "missing",
        edit(
            RECOGNITIONS,
            "    organisation:\n      zh: 海宁市某经编企业（学习型企业）\n      en: A warp-knitting company in Haining (learning enterprise)\n",
            "",
        ),
        RECOGNITIONS,
        "id: haining-learning-enterprise-2022@5",
        "recognitions[57].organisation",
        ("required",),
        GOOD,
    ),
}


# A tester's review: the mistakes school secretaries make typing YAML, each named on the line where
# it is, in words (no "scalar", "mapping", "token"), with what to type instead; the controls are
# the nearest correct lines, including those that only look like a mistake (a time, a link, a colon
# inside quotes or inside text).
DAQIAO = "providers/nanhu-daqiao-adult-school.yml"
CATEGORY = "    category: vocational-skills\n"  # line 39, in the first course
TITLE = "      zh: 育婴员培训\n"  # line 34, the first course's Chinese title
NOTE = "        zh: 工作日电话报名。\n"  # line 115, the third course's enrolment note
TYPING_CASES: dict[str, Case] = {
    "no space after a colon": Case(
        "colon_without_space",
        edit(DAQIAO, CATEGORY, "    category:vocational-skills\n"),
        DAQIAO,
        "39:13",
        "category",
        ("category: vocational-skills", "冒号后面少了一个空格", "no space after the colon"),
        edit(DAQIAO, "      zh: 婴幼儿生活照料", "      zh: 时间:周六上午 09:30，地址:https://example.org 婴幼儿生活照料"),
    ),
    "a link typed without the space after its key": Case(
        "colon_without_space",
        edit(RESOURCE, RESOURCE_URL, "url:https://example.org/resources/online-safety\n"),
        RESOURCE,
        "url:https@4",
        "url",
        ("url: https://example.org/",),
        GOOD,
    ),
    "indented with full-width spaces": Case(
        "fullwidth_space",
        edit(DAQIAO, CATEGORY, "\u3000\u3000category: vocational-skills\n"),
        DAQIAO,
        "39:1",
        "-",
        ("全角空格", "full-width space", "English mode"),
        edit(DAQIAO, "      zh: 婴幼儿生活照料", "      zh: \u3000\u3000婴幼儿生活照料"),  # a paragraph's indent is text
    ),
    "a full-width space after a colon": Case(
        "fullwidth_space",
        edit(DAQIAO, CATEGORY, "    category:\u3000vocational-skills\n"),
        DAQIAO,
        "39:14",
        "category",
        ("全角空格",),
        GOOD,
    ),
    "a key one space short": Case(
        "indent",
        edit(DAQIAO, CATEGORY, "   category: vocational-skills\n"),
        DAQIAO,
        "39:4",
        "category",
        ("前面有 3 个空格", "第 36 行的“description”", "4 个空格", "after 4 spaces"),
        GOOD,
    ),
    "a key one space too far": Case(
        "indent",
        edit(DAQIAO, CATEGORY, "     category: vocational-skills\n"),
        DAQIAO,
        "39:6",
        "category",
        ("前面有 5 个空格", "'description' on line 36", "after 4 spaces"),
        GOOD,
    ),
    "the first key of a level one space short": Case(
        "indent",
        edit(DAQIAO, TITLE, "     zh: 育婴员培训\n"),  # PyYAML names the line after it
        DAQIAO,
        "34:6",
        "zh",
        ("前面有 5 个空格", "'en' on line 35", "after 6 spaces"),
        GOOD,
    ),
    "a key indented deeper than the one above": Case(
        "indent",
        edit(DAQIAO, "      en: Infant care worker training\n", "       en: Infant care worker training\n"),
        DAQIAO,
        "35:8",
        "en",
        ("'zh' on line 34", "after 6 spaces"),
        GOOD,
    ),
    "a key without its colon": Case(
        "no_colon",
        edit(DAQIAO, CATEGORY, "    category vocational-skills\n"),
        DAQIAO,
        "39:5",
        "-",
        ("缺少冒号", "category: vocational-skills"),
        GOOD,
    ),
    "a quote not closed": Case(
        "unclosed_quote",
        edit(DAQIAO, TITLE, '      zh: "育婴员培训\n'),  # PyYAML names line 44, where the next quote is
        DAQIAO,
        "34:11",
        "zh",
        ('zh: "育婴员培训"', "引号没有配对", "not closed"),
        edit(DAQIAO, TITLE, '      zh: "育婴员培训"\n'),
    ),
    "a single quote not closed": Case(
        "unclosed_quote",
        edit(DAQIAO, TITLE, "      zh: '育婴员培训\n"),  # PyYAML names the end of the file
        DAQIAO,
        "34:11",
        "zh",
        ("zh: '育婴员培训'",),
        edit(DAQIAO, TITLE, "      zh: '育婴员''培训'\n"),
    ),
    "text after a closing quote": Case(
        "text_after_quote",
        edit(DAQIAO, TITLE, '      zh: "育婴员" 培训\n'),
        DAQIAO,
        "34:17",
        "zh",
        ("zh: '\"育婴员\" 培训'", "中文引号"),
        edit(DAQIAO, TITLE, "      zh: '\"育婴员\" 培训'  # 引号: 整段\n"),
    ),
    "a list item without a space": Case(
        "dash_without_space",
        edit(DAQIAO, "      days: [sat]\n", "      days:\n        -sat\n"),  # YAML reads the text "-sat"
        DAQIAO,
        "44:9",
        "-",
        ("- sat", "“-”后面少了一个空格"),
        edit(DAQIAO, "      days: [sat]\n", "      days:\n        - sat\n"),
    ),
    "a colon and space inside a value": Case(
        "colon_in_value",
        edit(DAQIAO, NOTE, "        zh: 地址: 南湖路\n"),
        DAQIAO,
        "115:15",
        "zh",
        ('zh: "地址: 南湖路"', "中文冒号", "colon followed by a space"),
        edit(DAQIAO, NOTE, '        zh: "地址: 南湖路"\n'),
    ),
    "a list in brackets not closed": Case(
        "unclosed_bracket",
        edit(DAQIAO, "    audience: [workers, new-residents]\n", "    audience: [workers, new-residents\n"),
        DAQIAO,
        "40:15",
        "audience",
        ("“]”", "[sat, sun]"),
        GOOD,
    ),
    # a value may not begin with a character YAML keeps for itself; quoted, it is text
    **{
        f"a value beginning with {char}": Case(
            "reserved_start",
            edit(DAQIAO, TITLE, f"      zh: {value}\n"),
            DAQIAO,
            "34:11",
            "zh",
            (f"“{char}”", f"'{char}'", f'zh: "{value}"'),
            edit(DAQIAO, TITLE, f'      zh: "{value}"\n'),
        )
        for char, value in [("@", "@张老师"), ("`", "`x`"), ("%", "% off"), ("[", "[特色] 课程"), ("*", "*号"), ("&", "&"), ("|", "| 课程")]
    },
}

# A hostile-input review (2026-12-06): each input the validator passed though the build crashed on it,
# the site broke or the editor disagreed; the control is the nearest input that is right.
DATE_END = "        end: 2026-12-31\n"
ENROL = "      method: on-site\n"
WEBSITE = "https://example.org/test"
VENUE_FILE = (CATALOGUE / "venues" / "haining-library.yml").read_text(encoding="utf-8")
HOSTILE_CASES: dict[str, Case] = {
    "a last day in year 9999": Case(
        "date_out_of_range",
        record(DATE_END, "        end: 9999-12-31\n"),
        PROVIDER,
        "26:14",
        "courses[0].schedule.dates.end",
        ("9999-12-31", "2000-01-01", "2099-12-31"),
        write(PROVIDER, VALID.replace(DATE_END, "        end: 2027-06-30\n")),
    ),
    "enrolment closing in year 9999": Case(
        "date_out_of_range",
        record(ENROL, ENROL + "      closes: 9999-12-31\n"),
        PROVIDER,
        "33:15",
        "courses[0].enrolment.closes",
        ("9999-12-31",),
        write(PROVIDER, VALID.replace(ENROL, ENROL + "      closes: 2026-08-25\n")),
    ),
    "a date as seconds since 1970": Case(
        "bad_date",
        record("start: 2026-09-01", "start: 1788652800"),
        PROVIDER,
        "25:16",
        "courses[0].schedule.dates.start",
        ("1788652800", "2026-09-06", "YYYY-MM-DD"),
        GOOD,
    ),
    "a date as a bare zero": Case(
        "bad_date", record("start: 2026-09-01", "start: 0"), PROVIDER, "25:16", "courses[0].schedule.dates.start", ("2026-09-06",), GOOD
    ),
    "a date written with slashes": Case(
        "bad_date",
        record("start: 2026-09-01", "start: 2026/09/01"),
        PROVIDER,
        "25:16",
        "courses[0].schedule.dates.start",
        ("2026/09/01", "2026-09-06"),
        GOOD,
    ),
    "an id that is a section's page": Case(
        "reserved_id",
        write("providers/index.yml", VALID.replace("id: test-school", "id: index")),
        "providers/index.yml",
        "1:5",
        "id",
        ("index", "reserved"),
        GOOD,
    ),
    "a venue id that is a section's page": Case(
        "reserved_id",
        write("venues/index.yml", VENUE_FILE.replace("id: haining-library", "id: index")),
        "venues/index.yml",
        "id: index@5",
        "id",
        ("index",),
        write("venues/haining-library-2.yml", VENUE_FILE.replace("id: haining-library", "id: haining-library-2")),
    ),
    "a county id that is a section's page": Case(
        "reserved_id",
        edit("regions.yml", "  - id: xiuzhou\n", "  - id: index\n"),
        "regions.yml",
        "id: index@9",
        "counties[1].id",
        ("index",),
        GOOD,
    ),
    "a course id longer than a file name may be": Case(
        "too_long",
        record("  - id: tai-chi", "  - id: " + "tai-chi-" * 40 + "x"),
        PROVIDER,
        "14:9",
        "courses[0].id",
        ("100",),
        write(PROVIDER, VALID.replace("  - id: tai-chi", "  - id: " + "x" * 100)),
    ),
    "a line break in a name": Case(
        "line_break",
        record("  zh: 测试社区学校", '  zh: "甲\\n===\\n\\n<b>乙</b>"'),
        PROVIDER,
        "5:7",
        "name.zh",
        ("one line",),
        write(PROVIDER, VALID + 'description:\n  zh: "第一行\\n===\\n第二行"\n'),  # a description keeps its lines
    ),
    "a tab in an English title": Case(
        "line_break",
        record("      zh: 太极拳入门\n", '      zh: 太极拳入门\n      en: "Tai\\tchi"\n'),
        PROVIDER,
        "17:11",
        "courses[0].title.en",
        ("one line",),
        write(PROVIDER, VALID.replace("      zh: 太极拳入门\n", "      zh: 太极拳入门\n      en: Tai chi\n")),
    ),
    "a name of 201 characters": Case(
        "too_long",
        record("  zh: 测试社区学校", "  zh: " + "测" * 201),
        PROVIDER,
        "5:7",
        "name.zh",
        ("200",),
        write(PROVIDER, VALID.replace("  zh: 测试社区学校", "  zh: " + "测" * 200)),
    ),
    "a description of a million characters": Case(
        "too_long",
        write(PROVIDER, VALID + "description:\n  zh: " + "长" * 1_000_000 + "\n"),
        PROVIDER,
        "34:7",
        "description.zh",
        ("10000",),
        write(PROVIDER, VALID + "description:\n  zh: " + "长" * 10_000 + "\n"),
    ),
    "a website with a user name and password": Case(
        "web_link", record(WEBSITE, "http://user:pass@evil.example/"), PROVIDER, "12:12", "contact.website", ("password",), GOOD
    ),
    "a website with a line break": Case(
        "web_link", record(WEBSITE, '"https://evil.example/\\nX"'), PROVIDER, "12:12", "contact.website", ("https://",), GOOD
    ),
    "a website with no host": Case("web_link", record(WEBSITE, "https://"), PROVIDER, "12:12", "contact.website", ("https://",), GOOD),
    "a website that is a phone number": Case(
        "web_link", record(WEBSITE, "tel:0573-82000000"), PROVIDER, "12:12", "contact.website", ("tel:0573",), GOOD
    ),
    "a website of 100,000 characters": Case(
        "too_long", record(WEBSITE, WEBSITE + "/" + "a" * 100_000), PROVIDER, "12:12", "contact.website", ("2000",), GOOD
    ),
    "an enrolment link to a phone": Case(
        "web_link",
        record(ENROL, ENROL + "      url: tel:0573-12345678\n"),
        PROVIDER,
        "33:12",
        "courses[0].enrolment.url",
        ("http://",),
        write(PROVIDER, VALID.replace(ENROL, ENROL + "      url: https://example.org/enrol\n")),
    ),
    "an e-mail that is a web address": Case(
        "email_link",
        record("contact:\n", "contact:\n  email: https://example.org/\n"),
        PROVIDER,
        "12:10",
        "contact.email",
        ("mailto:",),
        write(PROVIDER, VALID.replace("contact:\n", "contact:\n  email: mailto:office@example.org\n")),
    ),
    "an e-mail hiding a script": Case(
        "email_link",
        record("contact:\n", "contact:\n  email: mailto:javascript:alert(1)//@x\n"),
        PROVIDER,
        "12:10",
        "contact.email",
        ("mailto:",),
        GOOD,
    ),
    "a target of nan": Case(
        "plain_number",
        edit("targets.yml", "    value: 10\n", "    value: nan\n"),
        "targets.yml",
        "value: nan@12",
        "targets[0].value",
        ("number",),
        GOOD,
    ),
    "hours of infinity": Case(
        "plain_number", record("    hours: 20", "    hours: inf"), PROVIDER, "27:12", "courses[0].hours", ("'inf'", "number"), GOOD
    ),
    "a town id repeated in another county": Case(
        "duplicate_id",
        edit("regions.yml", "      - id: xiuzhou-xincheng-jiedao\n", "      - id: nanhu-jiefang\n"),
        "regions.yml",
        "88:13",
        "counties[1].towns[0].id",
        ("nanhu-jiefang", "regions.yml:16"),
        GOOD,
    ),
    "a town with its county's id": Case(
        "duplicate_id",
        edit("regions.yml", "      - id: nanhu-jiefang\n", "      - id: nanhu\n"),
        "regions.yml",
        "16:13",
        "counties[0].towns[0].id",
        ("regions.yml:9",),
        GOOD,
    ),
}


CASES: dict[str, Case] = {
    # files that would vanish without a word
    "yaml extension": Case(
        "wrong_extension", write("providers/新学校.yaml", VALID), "providers/新学校.yaml", "1:1", "-", ("新学校.yml", "rename"), GOOD
    ),
    "upper-case extension": Case(
        "wrong_extension", write("providers/test-school.YML", VALID), "providers/test-school.YML", "1:1", "-", ("test-school.yml",), GOOD
    ),
    "double extension": Case(
        "wrong_extension",
        write("providers/test-school.yml.txt", VALID),
        "providers/test-school.yml.txt",
        "1:1",
        "-",
        ("test-school.yml",),
        GOOD,
    ),
    "record at the top": Case(
        "stray_file", write("test-school.yml", VALID), "test-school.yml", "1:1", "-", ("providers/", "does not belong"), GOOD
    ),
    "misnamed folder": Case(
        "stray_file", write("provider/test-school.yml", VALID), "provider/test-school.yml", "1:1", "-", ("does not belong",), GOOD
    ),
    "misnamed folder itself": Case(
        "stray_folder", write("provider/test-school.yml", VALID), "provider", "1:1", "-", ("folder does not belong",), GOOD
    ),
    "venue in the providers folder": Case(
        "wrong_folder",
        write("providers/haining-library.yml", (CATALOGUE / "venues" / "haining-library.yml").read_text(encoding="utf-8")),
        "providers/haining-library.yml",
        "4:7",
        "kind",
        ("venues/",),
        GOOD,
    ),
    "stray file": Case(
        "stray_file", write("providers/README.md", "# notes\n"), "providers/README.md", "1:1", "-", ("does not belong",), GOOD
    ),
    "folder named like a record": Case(
        "stray_folder", folder_named_like_a_record, "providers/folder.yml", "1:1", "-", ("folder does not belong",), GOOD
    ),
    "share over 100%": Case(
        "percent_over_100",
        edit("statistics.yml", "    value: 62.5\n", "    value: 625\n"),
        "statistics.yml",
        "6:12",
        "statistics[0].value",
        ("625", "100"),
        edit("statistics.yml", "    value: 62.5\n", "    value: 100\n"),
    ),
    "negative figure": Case(
        "too_small",
        edit("statistics.yml", "    value: 24\n", "    value: -24\n"),
        "statistics.yml",
        "13:12",
        "statistics[1].value",
        ("不能小于 0", "at least 0"),
        GOOD,
    ),
    "missing single file": Case("missing_file", remove("statistics.yml"), "statistics.yml", "1:1", "-", ("missing",), GOOD),
    # files that must never be opened
    "symlink to a secret": Case(
        "symlink", symlink_to_secret, "providers/leak.yml", "1:1", "-", ("symbolic link", "not read"), secret_as_a_file
    ),
    "symlinked single file": Case("symlink", linked_single_file, "regions.yml", "1:1", "-", ("symbolic link",), GOOD),
    "symlinked folder": Case("symlink", linked_folder, "venues", "1:1", "-", ("symbolic link",), GOOD),
    "named pipe": Case("not_regular", fifo, "providers/pipe.yml", "1:1", "-", ("not a regular file",), GOOD),
    "huge file": Case("too_large", write(PROVIDER, VALID + "# " + "x" * 5_000_001 + "\n"), PROVIDER, "1:1", "-", ("too large",), GOOD),
    # bytes that are not text
    "NUL byte": Case(
        "hidden_character", record("  zh: 测试社区学校", "  zh: 测试\x00社区学校"), PROVIDER, "5:9", "name.zh", ("U+0000",), GOOD
    ),
    "escape byte": Case(
        "hidden_character", record("  zh: 测试社区学校", "  zh: 测试\x1b[31m社区学校"), PROVIDER, "5:9", "name.zh", ("U+001B",), GOOD
    ),
    "invalid UTF-8 after Chinese": Case(
        "not_utf8",
        write(PROVIDER, VALID.encode().replace("测试社区学校".encode(), "测试".encode() + b"\xff\xfe\xfa")),
        PROVIDER,
        "5:9",
        "-",
        ("UTF-8",),
        GOOD,
    ),
    "GBK": Case("gbk", write(PROVIDER, VALID.encode("gbk")), PROVIDER, "5:7", "-", ("GBK",), GOOD),
    "empty file": Case("empty", write(PROVIDER, "# only a comment\n"), PROVIDER, "1:1", "-", ("empty",), GOOD),
    # YAML as people type it
    "tab indentation": Case(
        "tab", record("  en: Test Community School", "\ten: Test Community School"), PROVIDER, "6:1", "-", ("Tab",), GOOD
    ),
    "full-width colon": Case(
        "fullwidth_colon", record("region: nanhu-daqiao", "region：nanhu-daqiao"), PROVIDER, "8:7", "region", ("full-width colon",), GOOD
    ),
    "syntax": Case(  # what no message of ours names: PyYAML's words, and where to look
        "syntax",
        record("  en: Test Community School", '  en: "Test \\q School"'),
        PROVIDER,
        "6:13",
        "-",
        ("YAML syntax error", "unknown escape", "请检查这一行"),
        record("  en: Test Community School", '  en: "Test \\\\q School"'),
    ),
    **TYPING_CASES,
    "duplicate key": Case(
        "duplicate_key",
        record("    capacity: 30\n", "    capacity: 30\n    capacity: 40\n"),
        PROVIDER,
        "31:5",
        "courses[0].capacity",
        ("line 30",),
        GOOD,
    ),
    "anchor": Case(
        "anchor",
        record("    audience: [older-people]", "    audience: &who [older-people]"),
        PROVIDER,
        "18:15",
        "courses[0].audience",
        ("anchors",),
        GOOD,
    ),
    "tag": Case(
        "tag",
        record("    capacity: 30", "    capacity: !!int 30"),
        PROVIDER,
        "30:15",
        "courses[0].capacity",
        ("tag:yaml.org,2002:int",),
        GOOD,
    ),
    "two documents": Case("multiple_documents", write(PROVIDER, VALID + "---\nid: x\n"), PROVIDER, "33:1", "-", ("---",), GOOD),
    "yes as text": Case("yes_no", record("  zh: 大桥镇示例路 1 号", "  zh: yes"), PROVIDER, "10:7", "address.zh", ("true or false",), GOOD),
    "list as a key": Case(
        "non_string_key",
        record("    capacity: 30", "    ? [a, b]\n    : 1\n    capacity: 30"),
        PROVIDER,
        "30:7",
        "courses[0]",
        ("keys must be text",),
        GOOD,
    ),
    "a list at the top": Case("top_not_mapping", write(PROVIDER, "- id: test-school\n"), PROVIDER, "1:1", "-", ("top level",), GOOD),
    "nesting": Case(
        "too_deep",
        nested(200),
        PROVIDER,
        "34:46",
        "description.zh" + "[0]" * 38,
        ("nested more than 40",),
        write(PROVIDER, VALID + 'description:\n  zh: "[[[x]]]"\n'),
    ),
    # a joiner between two letters hides in a name (two names that look one); between two pictures it
    # joins them into one, as phones type 👩‍🏫 (the secretary probe: refused as "U+200D"): it passes
    "a zero-width joiner inside a name": Case(
        "hidden_character",
        record("  zh: 测试社区学校", "  zh: 测试\u200d社区学校"),
        PROVIDER,
        "5:9",
        "name.zh",
        ("U+200D",),
        record("  zh: 测试社区学校", "  zh: 测试社区学校👩\u200d🏫"),
    ),
    # text that shows other than it is
    "right-to-left override": Case(
        "hidden_character",
        record("  zh: 测试社区学校", "  zh: 测试\u202e社区学校"),
        PROVIDER,
        "5:9",
        "name.zh",
        ("U+202E", "invisible"),
        GOOD,
    ),
    "bidi isolate in an address": Case(
        "hidden_character",
        record("  zh: 大桥镇示例路 1 号", "  zh: 大桥镇\u2066示例路 1 号"),
        PROVIDER,
        "10:10",
        "address.zh",
        ("U+2066",),
        GOOD,
    ),
    "zero-width space in a title": Case(
        "hidden_character",
        record("      zh: 太极拳入门", "      zh: 太极\u200b拳入门"),
        PROVIDER,
        "16:13",
        "courses[0].title.zh",
        ("U+200B",),
        GOOD,
    ),
    "escaped override in quotes": Case(
        "hidden_character", record("  zh: 测试社区学校", '  zh: "测试\\u202e社区学校"'), PROVIDER, "5:7", "name.zh", ("U+202E",), GOOD
    ),
    "hidden character in a key": Case(
        "hidden_character",
        record("    capacity: 30", "    capa\u200bcity: 30"),
        PROVIDER,
        "30:9",
        "courses[0].capa\ufffdcity",
        ("U+200B",),
        GOOD,
    ),
    "full-width id": Case(
        "fullwidth", record("  - id: tai-chi", "  - id: ｔａｉ-ｃｈｉ"), PROVIDER, "14:9", "courses[0].id", ("tai-chi", "full-width"), GOOD
    ),
    "full-width clock": Case(
        "fullwidth",
        record('start: "09:00"', 'start: "０９:００"'),
        PROVIDER,
        "22:14",
        "courses[0].schedule.start",
        ("09:00", "ASCII"),
        GOOD,
    ),
    "full-width phone": Case(
        "fullwidth",
        record("contact:\n", "contact:\n  phone: ０５７３-８２０００００\n"),
        PROVIDER,
        "12:10",
        "contact.phone",
        ("0573-8200000",),
        GOOD,
    ),
    # the model's rules
    "required field": Case("missing", record("    capacity: 30\n", ""), PROVIDER, "14:5", "courses[0].capacity", ("required",), GOOD),
    "no Chinese": Case(
        "missing_zh", record("      zh: 太极拳入门\n", "      en: Tai chi\n"), PROVIDER, "15:5", "courses[0].title.zh", ("Chinese",), GOOD
    ),
    "empty Chinese": Case(
        "missing_zh", record("      zh: 太极拳入门", '      zh: ""'), PROVIDER, "16:11", "courses[0].title.zh", ("Chinese",), GOOD
    ),
    "misspelt key": Case(
        "unknown_key",
        record("    capacity: 30", "    capacty: 30"),
        PROVIDER,
        "30:5",
        "courses[0].capacty",
        ("did you mean 'capacity'",),
        GOOD,
    ),
    # a guess only from the fields of that mapping (schedule's `start`, not targets' `target`), and a
    # key of another part of the record named as misplaced (2026-12-06)
    "misspelt key in a nested part": Case(
        "unknown_key",
        record('      start: "09:00"', '      strat: "09:00"'),
        PROVIDER,
        'strat: "09:00"@7',
        "courses[0].schedule.strat",
        ("did you mean 'start'",),
        GOOD,
    ),
    "key indented into the wrong part": Case(
        "unknown_key",
        record("    hours: 20", "      hours: 20"),
        PROVIDER,
        "      hours: 20@7",
        "courses[0].schedule.hours",
        ("缩进", "check the indentation"),
        GOOD,
    ),
    "unsafe id": Case("slug", record("  - id: tai-chi", '  - id: "../x"'), PROVIDER, "14:9", "courses[0].id", ("slug",), GOOD),
    "malformed time": Case("clock", record('end: "10:30"', 'end: "1030"'), PROVIDER, "23:12", "courses[0].schedule.end", ("HH:MM",), GOOD),
    # midnight as people say it: the message says what to write instead (the secretary probe: "24:00
    # is 24-hour time", and the old message said only that)
    "a class ending at 24:00": Case(
        "clock", record('end: "10:30"', 'end: "24:00"'), PROVIDER, "23:12", "courses[0].schedule.end", ("23:59",), GOOD
    ),
    "hour 25": Case("clock", record('end: "10:30"', 'end: "25:00"'), PROVIDER, "23:12", "courses[0].schedule.end", ("25:00",), GOOD),
    "javascript link": Case(
        "link_scheme",
        record("https://example.org/test", '"javascript:alert(1)"'),
        PROVIDER,
        "12:12",
        "contact.website",
        ("javascript:",),
        GOOD,
    ),
    "merge conflict left in": Case(
        "conflict_marker",
        record(
            "  en: Test Community School\n",
            "<<<<<<< HEAD\n  en: Test Community School\n=======\n  en: Test School\n>>>>>>> cms/providers/test-school\n",
        ),
        PROVIDER,
        "6:1",
        "-",
        ("merge conflict", "<<<<<<<"),
        write(PROVIDER, VALID.replace("  en: Test Community School\n", '  en: "<<<<<<< not a marker"\n')),
    ),
    "merge conflict's middle line": Case(
        "conflict_marker",
        record(
            "  en: Test Community School\n",
            "<<<<<<< HEAD\n  en: Test Community School\n=======\n  en: Test School\n>>>>>>> cms/providers/test-school\n",
        ),
        PROVIDER,
        "8:1",
        "-",
        ("=======",),
        GOOD,
    ),
    "impossible date": Case(
        "bad_date",
        record("start: 2026-09-01", "start: 2026-02-30"),
        PROVIDER,
        "25:16",
        "courses[0].schedule.dates.start",
        ("YYYY-MM-DD",),
        GOOD,
    ),
    "unknown choice": Case(
        "bad_choice", record("    mode: in-person", "    mode: in-persn"), PROVIDER, "19:11", "courses[0].mode", ("in-person",), GOOD
    ),
    "a weekday twice": Case(
        "repeated",
        record("      days: [mon]", "      days: [mon, mon]"),
        PROVIDER,
        "days: [mon, mon]@13",
        "courses[0].schedule.days",
        ("'mon'",),
        GOOD,
    ),
    "a title of spaces": Case(
        "blank", record("      zh: 太极拳入门", "      zh: '\u3000 '"), PROVIDER, "16:11", "courses[0].title.zh", ("only spaces",), GOOD
    ),
    "web address without http": Case(  # its own kind's message, not "unsafe" (2026-12-06)
        "web_link",
        record("  website: https://example.org/test", "  website: www.example.org/test"),
        PROVIDER,
        "website: www@12",
        "contact.website",
        ("https://",),
        GOOD,
    ),
    "weekday in Chinese": Case(  # the Chinese half lists the codes with 、, no English "or"
        "bad_choice",
        record("      days: [mon]", "      days: [周六]"),
        PROVIDER,
        "days: [周六]@14",
        "courses[0].schedule.days[0]",
        ("sat、sun /",),
        GOOD,
    ),
    "true as text": Case(
        "expected_text",
        record("  en: Test Community School", "  en: true"),
        PROVIDER,
        "6:7",
        "name.en",
        ("text expected",),
        write(PROVIDER, VALID.replace("  en: Test Community School", '  en: "true"')),
    ),
    "text as number": Case(
        "plain_number",
        record("    capacity: 30", "    capacity: thirty"),
        PROVIDER,
        "30:15",
        "courses[0].capacity",
        ("'thirty'", "number"),
        GOOD,
    ),
    "yes/no as number": Case(
        "expected_number", record("    capacity: 30", "    capacity: true"), PROVIDER, "30:15", "courses[0].capacity", ("number",), GOOD
    ),
    "text as list": Case(
        "expected_list",
        record("    audience: [older-people]", "    audience: older-people"),
        PROVIDER,
        "18:15",
        "courses[0].audience",
        ("list",),
        GOOD,
    ),
    "text as mapping": Case(
        "expected_mapping",
        record("    fee:\n      amount: 0\n", "    fee: free\n"),
        PROVIDER,
        "28:10",
        "courses[0].fee",
        ("mapping",),
        GOOD,
    ),
    "text as yes/no": Case("expected_bool", record("sample: true", "sample: maybe"), PROVIDER, "2:9", "sample", ("true or false",), GOOD),
    # pydantic alone is lax: "1", "t" and "on" read as true, "2_0" as 20, "25.0" as 25 (2026-12-06)
    "1 as yes/no": Case("expected_bool", record("sample: true", "sample: 1"), PROVIDER, "2:9", "sample", ("true or false",), GOOD),
    "quoted true": Case("expected_bool", record("sample: true", 'sample: "true"'), PROVIDER, "2:9", "sample", ("without quotes",), GOOD),
    "number with an underscore": Case(
        "plain_number", record("    capacity: 30", "    capacity: 3_0"), PROVIDER, "30:15", "courses[0].capacity", ("'3_0'",), GOOD
    ),
    "number with a unit": Case(
        "plain_number", record("    hours: 20", "    hours: 20小时"), PROVIDER, "27:12", "courses[0].hours", ("plain number",), GOOD
    ),
    # a bound's number as written (0, not 0.0), "more than" where 0 itself is refused (2026-12-06)
    "no hours": Case(
        "not_above", record("    hours: 20", "    hours: 0"), PROVIDER, "27:12", "courses[0].hours", ("须大于 0 /", "more than 0"), GOOD
    ),
    "half a place": Case(
        "not_whole",
        record("    capacity: 30", "    capacity: 2.5"),
        PROVIDER,
        "30:15",
        "courses[0].capacity",
        ("'2.5'", "whole number"),
        GOOD,
    ),
    "number in scientific notation": Case(
        "plain_number", record("      amount: 0", "      amount: 1e3"), PROVIDER, "29:15", "courses[0].fee.amount", ("1e3",), GOOD
    ),
    "negative fee": Case(
        "too_small", record("      amount: 0", "      amount: -5"), PROVIDER, "29:15", "courses[0].fee.amount", ("at least 0",), GOOD
    ),
    "capacity with extra zeros": Case(
        "too_big",
        record("    capacity: 30", "    capacity: 300000"),
        PROVIDER,
        "30:15",
        "courses[0].capacity",
        ("at most 10000",),
        write(PROVIDER, VALID.replace("    capacity: 30", "    capacity: 10000")),
    ),
    "hours typed as a year": Case(
        "too_big",
        record("    hours: 20", "    hours: 2026"),
        PROVIDER,
        "27:12",
        "courses[0].hours",
        ("at most 2000",),
        write(PROVIDER, VALID.replace("    hours: 20", "    hours: 2000")),
    ),
    "fee with extra zeros": Case(
        "too_big",
        record("      amount: 0", "      amount: 1200000"),
        PROVIDER,
        "29:15",
        "courses[0].fee.amount",
        ("at most 100000",),
        write(PROVIDER, VALID.replace("      amount: 0", "      amount: 1200")),
    ),
    "sessions typed as a year": Case(
        "too_big",
        record("        end: 2026-12-31\n", "        end: 2026-12-31\n      sessions: 2026\n"),
        PROVIDER,
        "27:17",
        "courses[0].schedule.sessions",
        ("at most 1000",),
        write(PROVIDER, VALID.replace("        end: 2026-12-31\n", "        end: 2026-12-31\n      sessions: 16\n")),
    ),
    "age 200": Case(
        "too_big",
        record("courses:\n", "age_rule:\n  min_age: 200\ncourses:\n"),
        PROVIDER,
        "14:12",
        "age_rule.min_age",
        ("at most 120",),
        GOOD,
    ),
    "no weekday": Case(
        "too_few", record("      days: [mon]", "      days: []"), PROVIDER, "21:13", "courses[0].schedule.days", ("at least 1",), GOOD
    ),
    "maintainer with @": Case(  # what to type, not "malformed" (2026-12-06)
        "bad_handle",
        record("contact:\n", "maintainers: ['@someone']\ncontact:\n"),
        PROVIDER,
        "11:15",
        "maintainers[0]",
        ("'@someone'", "without @"),
        write(PROVIDER, VALID.replace("contact:\n", "maintainers: [someone]\ncontact:\n")),
    ),
    # an area code in brackets, as people write it, is a phone; full-width digits in the file are not
    # (the form makes them ASCII as they are typed; a file typed by hand is told)
    "a phone in full-width digits": Case(
        "fullwidth",
        record("  website: https://example.org/test\n", "  website: https://example.org/test\n  phone: ０５７３-８２０００００\n"),
        PROVIDER,
        "13:10",
        "contact.phone",
        ("0573-8200000",),
        write(
            PROVIDER,
            VALID.replace("  website: https://example.org/test\n", "  website: https://example.org/test\n  phone: (0573)82000000\n"),
        ),
    ),
    "two phones in one": Case(
        "bad_phone",
        record("  website: https://example.org/test\n", "  website: https://example.org/test\n  phone: 0573-82000000、13800000000\n"),
        PROVIDER,
        "phone: 0573@10",
        "contact.phone",
        ("one number", "转"),
        write(
            PROVIDER,
            VALID.replace("  website: https://example.org/test\n", "  website: https://example.org/test\n  phone: 0573-82000000 转 8001\n"),
        ),
    ),
    "a code of letters": Case(  # a pattern with no message of its own keeps the general one
        "bad_format",
        edit("regions.yml", 'code: "330400"', "code: jiaxing"),
        "regions.yml",
        "code: jiaxing@9",
        "city.code",
        ("malformed",),
        GOOD,
    ),
    # ordered pairs
    "ages out of order": Case(
        "less_than",
        record("courses:\n", "age_rule:\n  min_age: 60\n  max_age: 50\ncourses:\n"),
        PROVIDER,
        "15:12",
        "age_rule.max_age",
        ("min_age",),
        write(PROVIDER, VALID.replace("courses:\n", "age_rule:\n  min_age: 50\n  max_age: 60\ncourses:\n")),
    ),
    "class ends before it starts": Case(
        "not_after_start", record('end: "10:30"', 'end: "08:30"'), PROVIDER, "23:12", "courses[0].schedule.end", ("after the start",), GOOD
    ),
    "a class that ends when it starts": Case(  # a strict pair: "after the start", not "ends before it starts"
        "not_after_start", record('end: "10:30"', 'end: "09:00"'), PROVIDER, "23:12", "courses[0].schedule.end", ("须晚于开始",), GOOD
    ),
    "dates end before they start": Case(
        "end_before_start",
        record("end: 2026-12-31", "end: 2026-08-01"),
        PROVIDER,
        "26:14",
        "courses[0].schedule.dates.end",
        ("ends before",),
        GOOD,
    ),
    "venue closes before it opens": Case(
        "not_after_start",
        edit("venues/haining-library.yml", 'closes: "20:00"', 'closes: "08:00"'),
        "venues/haining-library.yml",
        'closes: "08:00"@13',
        "opening_hours[0].closes",
        ("after the start",),
        GOOD,
    ),
    # evening hours added as a row of their own while the day's row already ran into the evening
    "a venue's evening row overlapping the day's": Case(
        "hours_overlap",
        edit(
            "venues/haining-library.yml",
            "  - days: [sat, sun]\n",
            '  - days: [fri]\n    opens: "18:00"\n    closes: "21:00"\n  - days: [sat, sun]\n',
        ),
        "venues/haining-library.yml",
        "24:5",
        "opening_hours[1]",
        ("fri", "09:00–20:00", "row 1"),
        edit(
            "venues/haining-library.yml",
            "  - days: [sat, sun]\n",
            '  - days: [fri]\n    opens: "20:00"\n    closes: "21:00"\n  - days: [sat, sun]\n',
        ),
    ),
    "target range upside down": Case(
        "less_than",
        edit("targets.yml", "    value: 10\n", "    value: 10\n    value_max: 5\n"),
        "targets.yml",
        "value_max: 5@16",
        "targets[0].value_max",
        ("value",),
        GOOD,
    ),
    "enrolment opens after classes end": Case(
        "enrolment_after_end",
        record("      method: on-site\n", "      method: on-site\n      opens: 2027-01-05\n"),
        PROVIDER,
        "33:14",
        "courses[0].enrolment.opens",
        ("2027-01-05", "2026-12-31"),
        GOOD,
    ),
    "enrolment closes after classes start": Case(
        "enrolment_after_start",
        record("      method: on-site\n", "      method: on-site\n      closes: 2026-09-10\n"),
        PROVIDER,
        "33:15",
        "courses[0].enrolment.closes",
        ("after classes start",),
        write(PROVIDER, VALID.replace("      method: on-site\n", "      method: on-site\n      closes: 2026-08-25\n")),
        severity="warning",
    ),
    "more sessions than class days": Case(
        "too_many_sessions",
        record("        end: 2026-12-31\n", "        end: 2026-09-30\n      sessions: 10\n"),
        PROVIDER,
        "27:17",
        "courses[0].schedule.sessions",
        ("10 sessions", "4 class day"),
        write(PROVIDER, VALID.replace("        end: 2026-12-31\n", "        end: 2026-09-30\n      sessions: 4\n")),
    ),
    # a course that never meets: its page, calendar and enrolment status would say nothing true
    "a course with no class day between its dates": Case(
        "no_class_day",
        record("        end: 2026-12-31\n", "        end: 2026-09-06\n"),  # Tuesday 1st to Sunday 6th; it meets on Mondays
        PROVIDER,
        "21:13",
        "courses[0].schedule.days",
        ("2026-09-01", "2026-09-06", "mon"),
        write(PROVIDER, VALID.replace("        end: 2026-12-31\n", "        end: 2026-09-07\n")),
    ),
    "a course whose every class day is a day off": Case(
        "no_class_day",
        record("        end: 2026-12-31\n", "        end: 2026-09-14\n      except_dates: [2026-09-07, 2026-09-14]\n"),
        PROVIDER,
        "21:13",
        "courses[0].schedule.days",
        ("days off",),
        write(PROVIDER, VALID.replace("        end: 2026-12-31\n", "        end: 2026-09-14\n      except_dates: [2026-09-07]\n")),
    ),
    "holiday that is not a class day": Case(
        "not_a_class_day",
        record("        end: 2026-12-31\n", "        end: 2026-12-31\n      except_dates: [2026-10-02]\n"),
        PROVIDER,
        "27:22",
        "courses[0].schedule.except_dates[0]",
        ("2026-10-02",),
        write(PROVIDER, VALID.replace("        end: 2026-12-31\n", "        end: 2026-12-31\n      except_dates: [2026-10-05]\n")),
    ),
    "course outside its term": Case(
        "dates_outside_term",
        write(
            PROVIDER,
            WITH_TERM.replace("    schedule:\n", "    term: autumn\n    schedule:\n").replace(
                "end: 2026-12-31\n    hours", "end: 2027-01-31\n    hours"
            ),
        ),
        PROVIDER,
        "33:9",
        "courses[0].schedule.dates",
        ("outside its term",),
        write(PROVIDER, WITH_TERM.replace("    schedule:\n", "    term: autumn\n    schedule:\n")),
        severity="warning",
    ),
    # across files
    "id and file name differ": Case(
        "id_mismatch", write("providers/other-school.yml", VALID), "providers/other-school.yml", "1:5", "id", ("other-school",), GOOD
    ),
    "two courses with one id": Case(
        "duplicate_id",
        write(PROVIDER, VALID + VALID[VALID.index("  - id: tai-chi") :]),
        PROVIDER,
        "33:9",
        "courses[1].id",
        ("used twice",),
        GOOD,
    ),
    "missing parent": Case(
        "unknown_ref",
        record("parent: nanhu-daqiao-adult-school", "parent: no-such-school"),
        PROVIDER,
        "7:9",
        "parent",
        ("no-such-school",),
        GOOD,
    ),
    "unknown policy token": Case(
        "bad_token",
        edit("policy.yml", "{target:vocational-community-courses}门", "{target:no-such-target}门"),
        "policy.yml",
        "{target:no-such-target}@17",
        "sections[2].sections[1].paragraphs[0].zh",
        ("no-such-target",),
        GOOD,
    ),
    "computed target without metric": Case(
        "metric_missing",
        edit("targets.yml", "    metric: vocational-school-courses\n", ""),
        "targets.yml",
        "measure: computed@14",
        "targets[0].measure",
        ("metric",),
        GOOD,
    ),
    "unknown metric": Case(
        "unknown_metric",
        edit("targets.yml", "metric: vocational-school-courses", "metric: no-such-metric"),
        "targets.yml",
        "no-such-metric@13",
        "targets[0].metric",
        ("no-such-metric",),
        GOOD,
    ),
    "range without maximum": Case(
        "range_needs_max",
        edit("targets.yml", "    comparator: at-least\n    value: 10\n", "    comparator: range\n    value: 10\n"),
        "targets.yml",
        "comparator: range@17",
        "targets[0].comparator",
        ("value_max",),
        GOOD,
    ),
    "deadline target without a date": Case(
        "deadline_missing",
        edit("targets.yml", "    deadline: 2020-12-31\n", ""),
        "targets.yml",
        "kind: deadline@11",
        "targets[0].kind",
        ("deadline",),
        GOOD,
    ),
    "annual target with a date": Case(
        "deadline_not_allowed",
        edit("targets.yml", "kind: deadline", "kind: annual"),
        "targets.yml",
        "deadline: 2020-12-31@15",
        "targets[0].deadline",
        ("annual",),
        GOOD,
    ),
    "policy asks a date of an annual target": Case(
        "token_without_deadline",
        edit("policy.yml", "{deadline:vocational-community-courses}", "{deadline:residents-in-community-education}"),
        "policy.yml",
        "{deadline:residents-in-community-education}@17",
        "sections[2].sections[1].paragraphs[0].zh",
        ("residents-in-community-education",),
        GOOD,
    ),
    "parent of a school outside the network": Case(
        "no_kind_tier", record("kind: community-school", "kind: vocational-school"), PROVIDER, "7:9", "parent", ("vocational-school",), GOOD
    ),
    "parent two tiers up": Case(
        "wrong_parent_tier",
        record("parent: nanhu-daqiao-adult-school", "parent: nanhu-community-college"),
        PROVIDER,
        "7:9",
        "parent",
        ("tier 3",),
        GOOD,
    ),
    # a school's type changed in the editor: the schools under it fail where the secretary never looked,
    # so the school changed is told, naming them (its nearest correct kind: another of tier 3)
    "a parent's kind changed under its children": Case(
        "children_wrong_tier",
        lambda root: (
            edit(ADULT, "kind: adult-school\nname:", "kind: elderly-school\nname:")(root),
            edit(ADULT, "parent: nanhu-community-college\n", "")(root),  # an elderly school has none
        ),
        ADULT,
        "kind:@7",
        "kind",
        ("江南村社区学校", "nanhu-daqiao-jiangnan-community-school", "tier 3"),
        edit(ADULT, "kind: adult-school\nname:", "kind: community-education-centre\nname:"),
    ),
    # where things are (places.py): a school picked as parent from another county (a select of a
    # hundred schools, two 大…镇 a line apart), a school moved away from those under it, a venue
    # picked in another county; the nearest correct input is in another town of the same county
    "a village school under a town school of another county": Case(
        "parent_other_county",
        edit(JIANGNAN, "parent: nanhu-daqiao-adult-school", "parent: jiashan-dayun-adult-school"),
        JIANGNAN,
        "7:9",
        "parent",
        ("大云镇", "嘉善县", "南湖区", "Jiashan County"),
        edit(JIANGNAN, "parent: nanhu-daqiao-adult-school", "parent: nanhu-fengqiao-adult-school"),
    ),
    "a town school moved to another county above its schools": Case(
        "children_other_county",
        edit(ADULT, "region: nanhu-daqiao", "region: jiashan-dayun"),
        ADULT,
        "12:9",
        "region",
        ("江南村社区学校", "nanhu-daqiao-jiangnan-community-school", "南湖区", "嘉善县"),
        edit(ADULT, "region: nanhu-daqiao", "region: nanhu-fengqiao"),
    ),
    "an event at a venue of another county": Case(
        "venue_other_county",
        edit(EVENT, "region: nanhu", "region: haiyan"),
        EVENT,
        "15:8",
        "venue",
        ("嘉兴市图书馆", "南湖区", "海盐县", "Haiyan County"),
        edit(EVENT, "region: nanhu", "region: nanhu-jiefang"),
    ),
    "a team meeting at a venue of another county": Case(
        "venue_other_county",
        edit(TEAM, "region: nanhu-chengnan", "region: xiuzhou"),
        TEAM,
        "19:12",
        "meetings[0].venue",
        ("秀洲区", "南湖区"),
        edit(TEAM, "region: nanhu-chengnan", "region: nanhu"),
    ),
    # warnings
    "no English": Case(
        "no_english",
        GOOD,
        PROVIDER,
        "16:7",
        "courses[0].title",
        ("no English",),
        write(PROVIDER, VALID.replace("      zh: 太极拳入门\n", "      zh: 太极拳入门\n      en: Tai chi\n")),
        severity="warning",
    ),
    "enrolment has closed": Case(
        "enrolment_passed",
        record("      method: on-site\n", "      method: on-site\n      closes: 2026-07-01\n"),
        PROVIDER,
        "33:15",
        "courses[0].enrolment.closes",
        ("2026-07-01",),
        write(PROVIDER, VALID.replace("      method: on-site\n", "      method: on-site\n      closes: 2026-08-25\n")),
        severity="warning",
    ),
    "not checked for a year": Case(
        "stale",
        record("contact:\n", "last_verified: 2024-01-31\ncontact:\n"),
        PROVIDER,
        "11:16",
        "last_verified",
        ("2024-01-31",),
        write(PROVIDER, VALID.replace("contact:\n", "last_verified: 2026-01-31\ncontact:\n")),
        severity="warning",
    ),
    "schema line of a file saved with Windows line ends": Case(  # control: no warning asks for the line it has
        "schema_line",
        GOOD,
        PROVIDER,
        "1:1",
        "-",
        ("yaml-language-server",),
        write(PROVIDER, ("# yaml-language-server: $schema=../../schema/provider.schema.json\n" + VALID).replace("\n", "\r\n")),
        severity="warning",
    ),
    "checked in a year still to come": Case(  # the page would say 信息核实日期：2062年11月20日
        "not_yet",
        write(PROVIDER, VALID.replace("contact:\n", "last_verified: 2062-11-20\ncontact:\n")),
        PROVIDER,
        "last_verified: 2062@16",
        "last_verified",
        ("2062-11-20", "still to come"),
        write(PROVIDER, VALID.replace("contact:\n", "last_verified: 2026-07-20\ncontact:\n")),
        severity="warning",
    ),
    "a title awarded in a year still to come": Case(  # the targets would count it now
        "not_yet",
        edit(RECOGNITIONS, "    year: 2019\n", "    year: 2062\n"),
        RECOGNITIONS,
        "year: 2062@11",
        "recognitions[2].year",
        ("2062", "still to come"),
        GOOD,
    ),
    "no schema line": Case(
        "schema_line",
        GOOD,
        PROVIDER,
        "1:1",
        "-",
        ("yaml-language-server",),
        write(PROVIDER, "# yaml-language-server: $schema=../../schema/provider.schema.json\n" + VALID),
        severity="warning",
    ),
    # issue 22: learning teams and online resources
    **TEAM_CASES,
    # events (issue 22): each rule with the nearest correct event
    # on the field to fill (a missing key: at the top of the file, as "missing" is): the venue, or for
    # an event held online only, its provider; not on its name, where the editor's refusal went
    "event with neither venue nor provider": Case(
        "event_no_host",
        edit(EVENT, "venue: jiaxing-library\n", "place:\n  zh: 示例路 1 号\n"),
        EVENT,
        "id:@1",
        "venue",
        ("provider",),
        edit(EVENT, "venue: jiaxing-library\n", "provider: nanhu-community-college\nplace:\n  zh: 示例路 1 号\n"),
    ),
    "online event with no provider": Case(
        "event_no_host",
        edit(ONLINE_EVENT, "provider: haining-community-college\n", ""),
        ONLINE_EVENT,
        "id:@1",
        "provider",
        ("provider",),
        edit(ONLINE_EVENT, "provider: haining-community-college\n", "provider: haining-community-college\n"),
    ),
    "in-person event with no place": Case(
        "event_no_place",
        edit(EVENT, "venue: jiaxing-library\n", "provider: nanhu-community-college\n"),
        EVENT,
        "mode:@7",
        "mode",
        ("place",),
        edit(EVENT, "venue: jiaxing-library\n", "provider: nanhu-community-college\nvenue: jiaxing-library\n"),
    ),
    "online event with no link": Case(
        "event_no_link",
        edit(EVENT, "mode: in-person", "mode: blended"),
        EVENT,
        "mode:@7",
        "mode",
        ("online_url",),
        edit(EVENT, "mode: in-person", "mode: blended\nonline_url: https://example.org/live"),
    ),
    "event at an unknown venue": Case(
        "unknown_ref",
        edit(EVENT, "venue: jiaxing-library", "venue: no-such-library"),
        EVENT,
        "venue:@8",
        "venue",
        ("no-such-library",),
        edit(EVENT, "venue: jiaxing-library", "venue: jiaxing-library-chengnan"),
    ),
    "event ends before it starts": Case(
        "not_after_start",
        edit(EVENT, 'end: "11:00"', 'end: "08:00"'),
        EVENT,
        'end: "08:00"@6',
        "end",
        ("after the start",),
        edit(EVENT, 'end: "11:00"', 'end: "09:30"'),
    ),
    "event with an unsafe online link": Case(
        "link_scheme",
        edit(EVENT, "mode: in-person", "mode: blended\nonline_url: javascript:alert(1)"),
        EVENT,
        "online_url:@13",
        "online_url",
        ("javascript:alert(1)",),
        edit(EVENT, "mode: in-person", "mode: blended\nonline_url: https://example.org/live"),
    ),
    "event joined online by phone": Case(
        "web_link",
        edit(EVENT, "mode: in-person", "mode: blended\nonline_url: tel:0573-12345678"),
        EVENT,
        "online_url:@13",
        "online_url",
        ("http://", "tel:0573-12345678"),
        edit(EVENT, "mode: in-person", "mode: blended\nonline_url: https://example.org/live"),
    ),
    # issue 22: recognitions
    **RECOGNITION_CASES,
    **HOSTILE_CASES,
}


TODAY = dt.date(2026, 8, 1)


def run(root: Path, capsys, *options: str) -> tuple[int, str]:
    status = validate.main([*options, "--today", TODAY.isoformat(), str(root)])
    out, err = capsys.readouterr()
    return status, out + err


def reported(case: Case, root: Path, problems: list[Problem]) -> list[Problem]:
    """The problems of the case's kind at the case's file and position."""
    line, col = case.position(root)
    path = str(root / case.file)
    return [p for p in problems if (p.code, p.path, p.line, p.col) == (case.code, path, line, col)]


@pytest.mark.parametrize("name", CASES)
def test_each_invalid_file_gives_its_problem(name, catalogue_copy, parse_cache):
    case = CASES[name]
    case.make(catalogue_copy)
    catalogue, problems = load(catalogue_copy, today=TODAY, cache=parse_cache)
    mine = reported(case, catalogue_copy, problems)
    assert mine, f"no {case.code} at {case.file}:{case.at}:\n" + "\n".join(str(p) for p in problems if case.file in p.path)
    problem = mine[0]
    assert (problem.key or "-", problem.severity) == (case.key, case.severity), str(problem)
    assert all(word in str(problem) for word in case.words), str(problem)
    assert (catalogue is None) == (case.severity == "error")


@pytest.mark.parametrize("name", CASES)
def test_the_nearest_correct_input_passes(name, catalogue_copy, parse_cache):
    case = CASES[name]
    case.control(catalogue_copy)
    catalogue, problems = load(catalogue_copy, today=TODAY, cache=parse_cache)
    if case.control is secret_as_a_file:  # read as a file, its key would be printed: why links are refused
        assert any("aws_secret_access_key" in str(p) for p in problems)
        return
    assert catalogue is not None, [str(p) for p in problems if p.severity == "error"]
    assert not [p for p in problems if p.code == case.code and p.path == str(catalogue_copy / case.file)]


def test_every_message_has_a_case():
    tested_here = {case.code for case in CASES.values()}
    tested_below = {"bad_value", "internal", "unreadable"}  # need a fault of ours or of the system
    assert set(MESSAGES) - tested_here == tested_below


def test_an_unforeseen_model_error_still_gets_a_bilingual_message():
    doc = loader.parse(VALID.encode(), "providers/x.yml")
    problem = loader._problem_from(doc, {"type": "brand_new_check", "loc": ("courses", 0, "hours"), "msg": "odd"}, m.Provider)
    assert (problem.code, problem.line, problem.key) == ("bad_value", 27, "courses[0].hours")
    assert "取值不对" in str(problem) and "invalid value: odd" in str(problem)


def test_a_bug_of_ours_names_the_file_and_stops_nothing_else(catalogue_copy, monkeypatch):
    GOOD(catalogue_copy)
    real = loader._validate

    def broken(doc, cls):
        if doc.path.endswith("test-school.yml"):
            raise RuntimeError("a bug")
        return real(doc, cls)

    monkeypatch.setattr(loader, "_validate", broken)
    catalogue, problems = load(catalogue_copy)
    assert catalogue is None
    assert [(p.code, Path(p.path).name) for p in problems] == [("internal", "test-school.yml")]


def test_a_file_that_cannot_be_opened_is_named(catalogue_copy, monkeypatch):
    GOOD(catalogue_copy)
    real = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("test-school.yml"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(inventory.os, "open", refuse)
    catalogue, problems = load(catalogue_copy)
    assert catalogue is None
    assert [(p.code, Path(p.path).name) for p in problems if p.severity == "error"] == [("unreadable", "test-school.yml")]
    assert "Permission denied" in str(problems[0])


def test_a_linked_file_is_never_read(catalogue_copy, capsys):
    symlink_to_secret(catalogue_copy)
    status, output = run(catalogue_copy, capsys, "--verbose")
    assert status == 1
    assert "TOPSECRET" not in output and "aws_secret_access_key" not in output


def test_a_file_name_cannot_forge_a_line_of_output(catalogue_copy, capsys):
    write("providers/x.yml\n::error file=forged.yml::forged", VALID)(catalogue_copy)
    status, output = run(catalogue_copy, capsys, "--verbose")
    assert status == 1
    assert not [row for row in output.splitlines() if row.startswith("::error")]
    assert "x.yml\\u000a::error" in output  # shown, escaped, on the line of its own problem
    status, output = run(catalogue_copy, capsys, "--format", "github")
    assert status == 1
    assert not [row for row in output.splitlines() if row.startswith("::error file=forged.yml")]


def test_every_case_names_a_file_inside_the_catalogue(catalogue_copy, capsys):
    """All cases in one catalogue at once (those that edit a file another case already changed
    cannot apply): the validator still answers with every problem inside the catalogue."""
    applied = set()
    for case in CASES.values():
        try:
            case.make(catalogue_copy)
            applied.add(case.file)
        except (AssertionError, FileExistsError, FileNotFoundError):
            pass
    assert applied == {case.file for case in CASES.values()}  # each file broken by one case at least
    status, output = run(catalogue_copy, capsys, "--verbose")
    assert status == 1
    assert "Traceback" not in output and "internal error" not in output
    problems = [row for row in output.splitlines() if ": error: " in row or ": warning: " in row]
    assert problems and all(row.startswith(f"{catalogue_copy}/") for row in problems), problems


def test_two_learning_stars_with_no_name_given_are_two_residents(catalogue_copy):
    """Unnamed learning stars of one county and year are each a resident of their own: not one
    title listed twice. Control: with one name given to both, they are."""
    path = catalogue_copy / RECOGNITIONS
    text = path.read_text(encoding="utf-8")
    star = "  - id: jiashan-learning-star-2022\n" + text.split("  - id: jiashan-learning-star-2022\n", 1)[1].split("  - id: ", 1)[0]
    path.write_text(text.replace(star, star + star.replace("jiashan-learning-star-2022", "jiashan-learning-star-2022-2")), encoding="utf-8")
    _, problems = load(catalogue_copy, today=TODAY)
    assert not [p for p in problems if p.code == "repeated_recognition"]
    named = path.read_text(encoding="utf-8").replace(UNNAMED_STAR, UNNAMED_STAR + NAME)
    path.write_text(named, encoding="utf-8")
    _, problems = load(catalogue_copy, today=TODAY)
    assert len([p for p in problems if p.code == "repeated_recognition"]) == 1
