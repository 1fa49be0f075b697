"""Mistaken and hostile files: each class of input with the error it must give, and a control.

Every case is a change to a copy of the real catalogue and the exact report it must produce
(file, line, column, key, words of the message); its control is the nearest correct input,
which must not produce that report, so each check is shown able to fail.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from conftest import CATALOGUE
from test_validate import VALID

import validate  # scripts/validate.py

PROVIDER = "providers/test-school.yml"


@dataclass
class Case:
    """A change to a catalogue copy, and what the validator must say about it."""

    make: Callable[[Path], None]
    file: str  # relative to the catalogue
    at: str  # "LINE:COL"
    key: str
    words: tuple[str, ...]
    control: Callable[[Path], None]  # the nearest correct input
    severity: str = "error"


def write(relative: str, text: str | bytes) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)

    return make


def record(old: str, new: str) -> Callable[[Path], None]:
    assert old in VALID, old
    return write(PROVIDER, VALID.replace(old, new))


GOOD = write(PROVIDER, VALID)
WITH_TERM = VALID.replace("courses:\n", "terms:\n  - id: autumn\n    name:\n      zh: 秋季\n    dates:\n      start: 2026-09-01\n      end: 2026-12-31\ncourses:\n")


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


CASES: dict[str, Case] = {
    # files that would vanish without a word
    "yaml extension": Case(write("providers/新学校.yaml", VALID), "providers/新学校.yaml", "1:1", "-", ("新学校.yml", "rename"), GOOD),
    "upper-case extension": Case(write("providers/test-school.YML", VALID), "providers/test-school.YML", "1:1", "-", ("test-school.yml",), GOOD),
    "double extension": Case(write("providers/test-school.yml.txt", VALID), "providers/test-school.yml.txt", "1:1", "-", ("test-school.yml",), GOOD),
    "record at the top": Case(write("test-school.yml", VALID), "test-school.yml", "1:1", "-", ("providers/", "does not belong"), GOOD),
    "misnamed folder": Case(write("provider/test-school.yml", VALID), "provider/test-school.yml", "1:1", "-", ("does not belong",), GOOD),
    "venue in the providers folder": Case(write("providers/haining-library.yml", (CATALOGUE / "venues" / "haining-library.yml").read_text(encoding="utf-8")), "providers/haining-library.yml", "4:7", "kind", ("venues/",), GOOD),
    "stray file": Case(write("providers/README.md", "# notes\n"), "providers/README.md", "1:1", "-", ("does not belong",), GOOD),
    "folder named like a record": Case(folder_named_like_a_record, "providers/folder.yml", "1:1", "-", ("folder does not belong",), GOOD),
    # files that must never be opened
    "symlink to a secret": Case(symlink_to_secret, "providers/leak.yml", "1:1", "-", ("symbolic link", "not read"), secret_as_a_file),
    "symlinked single file": Case(linked_single_file, "regions.yml", "1:1", "-", ("symbolic link",), GOOD),
    "symlinked folder": Case(linked_folder, "venues", "1:1", "-", ("symbolic link",), GOOD),
    "named pipe": Case(fifo, "providers/pipe.yml", "1:1", "-", ("not a regular file",), GOOD),
    # bytes that are not text
    "NUL byte": Case(record("  zh: 测试社区学校", "  zh: 测试\x00社区学校"), PROVIDER, "5:9", "name.zh", ("U+0000",), GOOD),
    "escape byte": Case(record("  zh: 测试社区学校", "  zh: 测试\x1b[31m社区学校"), PROVIDER, "5:9", "name.zh", ("U+001B",), GOOD),
    "invalid UTF-8 after Chinese": Case(write(PROVIDER, VALID.encode().replace("测试社区学校".encode(), "测试".encode() + b"\xff\xfe\xfa")), PROVIDER, "5:9", "-", ("UTF-8",), GOOD),
    # text that shows other than it is
    "right-to-left override": Case(record("  zh: 测试社区学校", "  zh: 测试\u202e社区学校"), PROVIDER, "5:9", "name.zh", ("U+202E", "invisible"), GOOD),
    "bidi isolate in an address": Case(record("  zh: 大桥镇示例路 1 号", "  zh: 大桥镇\u2066示例路 1 号"), PROVIDER, "10:10", "address.zh", ("U+2066",), GOOD),
    "zero-width space in a title": Case(record("      zh: 太极拳入门", "      zh: 太极\u200b拳入门"), PROVIDER, "16:13", "courses[0].title.zh", ("U+200B",), GOOD),
    "escaped override in quotes": Case(record("  zh: 测试社区学校", '  zh: "测试\\u202e社区学校"'), PROVIDER, "5:7", "name.zh", ("U+202E",), GOOD),
    "hidden character in a key": Case(record("    capacity: 30", "    capa\u200bcity: 30"), PROVIDER, "30:9", "courses[0].capa\ufffdcity", ("U+200B",), GOOD),
    "full-width id": Case(record("  - id: tai-chi", "  - id: ｔａｉ-ｃｈｉ"), PROVIDER, "14:9", "courses[0].id", ("tai-chi", "full-width"), GOOD),
    "full-width clock": Case(record('start: "09:00"', 'start: "０９:００"'), PROVIDER, "22:14", "courses[0].schedule.start", ("09:00", "ASCII"), GOOD),
    "full-width phone": Case(record("contact:\n", "contact:\n  phone: ０５７３-８２０００００\n"), PROVIDER, "12:10", "contact.phone", ("0573-8200000",), GOOD),
    # ordered pairs
    "ages out of order": Case(record("courses:\n", "age_rule:\n  min_age: 60\n  max_age: 50\ncourses:\n"), PROVIDER, "15:12", "age_rule.max_age", ("min_age",), write(PROVIDER, VALID.replace("courses:\n", "age_rule:\n  min_age: 50\n  max_age: 60\ncourses:\n"))),
    "class ends before it starts": Case(record('end: "10:30"', 'end: "08:30"'), PROVIDER, "23:12", "courses[0].schedule.end", ("ends before",), GOOD),
    "enrolment opens after classes end": Case(record("      method: on-site\n", "      method: on-site\n      opens: 2027-01-05\n"), PROVIDER, "33:14", "courses[0].enrolment.opens", ("2027-01-05", "2026-12-31"), GOOD),
    "enrolment closes after classes start": Case(record("      method: on-site\n", "      method: on-site\n      closes: 2026-09-10\n"), PROVIDER, "33:15", "courses[0].enrolment.closes", ("after classes start",), write(PROVIDER, VALID.replace("      method: on-site\n", "      method: on-site\n      closes: 2026-08-25\n")), severity="warning"),
    "more sessions than class days": Case(record("        end: 2026-12-31\n", "        end: 2026-09-30\n      sessions: 10\n"), PROVIDER, "27:17", "courses[0].schedule.sessions", ("10 sessions", "4 class day"), write(PROVIDER, VALID.replace("        end: 2026-12-31\n", "        end: 2026-09-30\n      sessions: 4\n"))),
    "course outside its term": Case(write(PROVIDER, WITH_TERM.replace("    schedule:\n", "    term: autumn\n    schedule:\n").replace("end: 2026-12-31\n    hours", "end: 2027-01-31\n    hours")), PROVIDER, "33:9", "courses[0].schedule.dates", ("outside its term",), write(PROVIDER, WITH_TERM.replace("    schedule:\n", "    term: autumn\n    schedule:\n")), severity="warning"),
    # attacks on the reader itself
    "deep nesting": Case(nested(200), PROVIDER, "34:46", "description.zh" + "[0]" * 38, ("nested more than 40",), write(PROVIDER, VALID + 'description:\n  zh: "[[[x]]]"\n')),
    "huge file": Case(write(PROVIDER, VALID + "# " + "x" * 5_000_001 + "\n"), PROVIDER, "1:1", "-", ("too large",), GOOD),
}


def run(root: Path, capsys, *options: str) -> tuple[int, str]:
    status = validate.main([*options, "--today", "2026-08-01", str(root)])
    out, err = capsys.readouterr()
    return status, out + err


def rows_for(output: str, root: Path, file: str) -> list[str]:
    return [row for row in output.splitlines() if row.startswith(f"{root}/{file}:")]


@pytest.mark.parametrize("name", CASES)
def test_each_class_of_bad_input_is_reported_where_it_is(name, catalogue_copy, capsys):
    case = CASES[name]
    case.make(catalogue_copy)
    status, output = run(catalogue_copy, capsys, "--verbose")
    assert "Traceback" not in output and "internal error" not in output
    assert status == (1 if case.severity == "error" else 0), output
    expected = f"{catalogue_copy}/{case.file}:{case.at}: {case.severity}: {case.key}: "
    rows = [row for row in output.splitlines() if row.startswith(expected)]
    assert rows, f"nothing reported as {expected!r}:\n{output[-3000:]}"
    assert any(all(word in row for word in case.words) for row in rows), rows


@pytest.mark.parametrize("name", CASES)
def test_the_nearest_correct_input_passes(name, catalogue_copy, capsys):
    case = CASES[name]
    case.control(catalogue_copy)
    status, output = run(catalogue_copy, capsys, "--verbose")
    if case.control is secret_as_a_file:  # read as a file, its key would be printed: why links are refused
        assert status == 1 and "aws_secret_access_key" in output
        return
    assert status == 0, output[-3000:]
    at = f"{catalogue_copy}/{case.file}:{case.at}:"
    assert not [row for row in output.splitlines() if row.startswith(at) and any(w in row for w in case.words)]


def test_a_linked_file_is_never_read(catalogue_copy, capsys):
    symlink_to_secret(catalogue_copy)
    _, output = run(catalogue_copy, capsys, "--verbose")
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
    for case in CASES.values():
        case.make(catalogue_copy)
    status, output = run(catalogue_copy, capsys, "--verbose")
    assert status == 1
    problems = [row for row in output.splitlines() if ": error: " in row or ": warning: " in row]
    assert problems and all(row.startswith(f"{catalogue_copy}/") for row in problems), problems
