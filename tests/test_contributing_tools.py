"""The tools school staff rely on: schema for their editor, fmt, new, diff and CODEOWNERS."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import jsonschema
import pytest
from conftest import ROOT, git, validate
from ruamel.yaml import YAML

from learning_city.data.loader import catalogue_files
from learning_city.tools.fmt import tidy
from learning_city.tools.schema import SCHEMAS, schema_for


def run(script: str, *args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], capture_output=True, text=True, cwd=cwd)


# --- schema ---------------------------------------------------------------------------------


def test_committed_schemas_match_the_model():
    for name, (cls, _) in SCHEMAS.items():
        committed = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
        assert committed == schema_for(cls), f"schema/{name} is stale: run python scripts/schema.py"
    assert run("schema.py", "--check").returncode == 0


def test_schema_check_fails_when_a_schema_drifts(tmp_path):
    stale = tmp_path / "schema"
    stale.mkdir()
    for name in SCHEMAS:
        (stale / name).write_text((ROOT / "schema" / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert run("schema.py", "--check", "--dir", str(stale)).returncode == 0
    provider = json.loads((stale / "provider.schema.json").read_text(encoding="utf-8"))
    provider["properties"]["capacity_typo"] = {"type": "integer"}
    (stale / "provider.schema.json").write_text(json.dumps(provider), encoding="utf-8")
    result = run("schema.py", "--check", "--dir", str(stale))
    assert result.returncode == 1 and "provider.schema.json" in result.stdout


def test_every_field_in_the_schemas_is_described_in_both_languages():
    for name, (cls, _) in SCHEMAS.items():
        schema = schema_for(cls)
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for field, prop in definition.get("properties", {}).items():
                description = prop.get("description", "")
                zh, _, en = description.partition(" / ")
                assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) and en, f"{name}: {field}: {description!r}"


def _yaml12(path):
    """The file as a YAML 1.2 editor sees it (dates become text, as in VS Code's YAML extension)."""

    def plain(node):
        if isinstance(node, dict):
            return {k: plain(v) for k, v in node.items()}
        if isinstance(node, list):
            return [plain(v) for v in node]
        return node.isoformat() if isinstance(node, dt.date) else node

    return plain(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


@pytest.mark.slow  # every catalogue file, or a subprocess per step
def test_the_schemas_accept_the_catalogue_and_reject_a_mistake():
    root = ROOT / "catalogue"
    validators = {name: jsonschema.Draft202012Validator(schema_for(cls)) for name, (cls, _) in SCHEMAS.items()}
    for path in catalogue_files(root):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        name = first.rsplit("/", 1)[1]
        errors = list(validators[name].iter_errors(_yaml12(path)))
        assert not errors, f"{path}: {errors[0].message}"
    provider = _yaml12(root / "providers" / "jiaxing-city-university.yml")
    provider["courses"][0]["capacty"] = 3
    assert list(validators["provider.schema.json"].iter_errors(provider))


# --- fmt ------------------------------------------------------------------------------------


UNTIDY = """\
# A school's file, written by hand.
id: fmt-school   # the id
region: nanhu-daqiao
kind: community-school

# names in both languages
name:
    en: Fmt School
    zh: 整理学校
address:
  zh: 示例路 1 号
courses:
  - id: evening-class
    schedule:
      end: 20:30   # when it ends
      start: 19:00
      days: [mon]
    title:
      zh: 夜校
    category: civic
    audience: [everyone]
    mode: in-person
    hours: 10
    fee: {amount: 0}
    capacity: 20
    enrolment:
      method: on-site
"""


def test_fmt_keeps_every_comment_and_tidies(tmp_path):
    tidied = tidy(UNTIDY, "providers/fmt-school.yml")
    for comment in ("# A school's file, written by hand.", "# the id", "# names in both languages", "# when it ends"):
        assert comment in tidied
    assert tidied.startswith("# yaml-language-server: $schema=../../schema/provider.schema.json\n")
    assert 'start: "19:00"' in tidied and 'end: "20:30"' in tidied
    assert tidied.index("kind:") < tidied.index("region:") and tidied.index("zh: 整理学校") < tidied.index("en: Fmt School")
    assert tidied.index("title:") < tidied.index("schedule:")
    assert tidy(tidied, "providers/fmt-school.yml") == tidied


@pytest.mark.slow  # every catalogue file, or a subprocess per step
def test_fmt_round_trips_every_tidy_catalogue_file_byte_for_byte():
    root = ROOT / "catalogue"
    for path in catalogue_files(root):
        text = path.read_text(encoding="utf-8")
        assert tidy(text, path.relative_to(root).as_posix()) == text, path


@pytest.mark.slow  # every catalogue file, or a subprocess per step
def test_fmt_check_fails_on_an_untidy_file_and_fixes_it(catalogue_copy):
    path = catalogue_copy / "providers" / "fmt-school.yml"
    path.write_text(UNTIDY, encoding="utf-8")
    assert run("fmt.py", "--check", str(catalogue_copy)).returncode == 1
    assert path.read_text(encoding="utf-8") == UNTIDY  # --check writes nothing
    assert run("fmt.py", str(catalogue_copy)).returncode == 0
    assert run("fmt.py", "--check", str(catalogue_copy)).returncode == 0
    assert run("validate.py", str(catalogue_copy)).returncode == 0


# --- new.py ---------------------------------------------------------------------------------


@pytest.mark.slow  # every catalogue file, or a subprocess per step
def test_new_records_validate_and_an_existing_id_is_refused(catalogue_copy):
    cat = str(catalogue_copy)
    assert (
        run(
            "new.py",
            "--catalogue",
            cat,
            "provider",
            "nanhu-new-school",
            "--kind",
            "community-school",
            "--name",
            "新学校",
            "--region",
            "nanhu-daqiao",
            "--parent",
            "nanhu-daqiao-adult-school",
        ).returncode
        == 0
    )
    assert run("new.py", "--catalogue", cat, "course", "nanhu-new-school", "first-course", "--title", "第一门课").returncode == 0
    assert run("new.py", "--catalogue", cat, "course", "jiaxing-city-university", "new-course", "--title", "新课").returncode == 0
    assert run("new.py", "--catalogue", cat, "venue", "new-hall", "--kind", "museum", "--name", "新馆", "--region", "nanhu").returncode == 0
    result = run("validate.py", cat)
    assert result.returncode == 0, result.stdout
    assert run("fmt.py", "--check", cat).returncode == 0
    text = (catalogue_copy / "providers" / "nanhu-new-school.yml").read_text(encoding="utf-8")
    assert "# 编号，必须与文件名相同" in text and "时间一定要加引号" in text
    # comments elsewhere in an existing file survive the new course
    university = (catalogue_copy / "providers" / "jiaxing-city-university.yml").read_text(encoding="utf-8")
    assert university.startswith("# yaml-language-server") and "id: new-course" in university
    for args in (
        ["provider", "nanhu-new-school", "--kind", "community-school", "--name", "x", "--region", "nanhu"],
        ["venue", "jiaxing-library", "--kind", "library", "--name", "x", "--region", "nanhu"],
        ["course", "nanhu-new-school", "first-course", "--title", "x"],
    ):
        result = run("new.py", "--catalogue", cat, *args)
        assert result.returncode == 1 and "已存在" in result.stderr, args
    assert (
        run(
            "new.py", "--catalogue", cat, "provider", "../evil", "--kind", "community-school", "--name", "x", "--region", "nanhu"
        ).returncode
        == 2
    )


# --- diff.py --------------------------------------------------------------------------------


def catalogue_repo(tmp_path):
    """A git repository holding a copy of the catalogue, committed once as the base."""
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "catalogue", repo / "catalogue")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    return repo


@pytest.mark.slow  # a subprocess per step
def test_diff_reports_added_removed_and_changed_courses_per_school(tmp_path):
    repo = catalogue_repo(tmp_path)
    path = repo / "catalogue" / "providers" / "jiaxing-city-university.yml"
    text = path.read_text(encoding="utf-8")
    assert "capacity: 30" in text and "id: south-lake-stories" in text
    text = text.replace("capacity: 30", "capacity: 45", 1)  # the first course: smartphone-basics
    path.write_text(text, encoding="utf-8")
    assert (
        run(
            "new.py", "--catalogue", str(repo / "catalogue"), "course", "jiaxing-city-university", "added-course", "--title", "新增的课"
        ).returncode
        == 0
    )
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["courses"] = [c for c in data["courses"] if c["id"] != "south-lake-stories"]
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    git(repo, "commit", "-qam", "head")
    result = run("diff.py", "HEAD~1", "HEAD", "--author", "someone-else", cwd=repo)
    assert result.returncode == 0, result.stderr
    summary = result.stdout
    assert "### 嘉兴城市大学 (`providers/jiaxing-city-university.yml`)" in summary
    assert "course added: `added-course` 新增的课" in summary
    assert "course removed: `south-lake-stories`" in summary
    assert "course changed: `smartphone-basics`" in summary
    assert "| `capacity` | 30 | 45 |" in summary
    assert "is not a maintainer of: `jiaxing-city-university`" in summary
    assert "touches" not in summary  # one school only


@pytest.mark.slow  # a subprocess per step
def test_diff_flags_a_change_to_more_than_one_school(tmp_path):
    repo = catalogue_repo(tmp_path)
    for name in ("jiaxing-city-university", "nanhu-community-college"):
        path = repo / "catalogue" / "providers" / f"{name}.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("sample: true", "sample: false", 1), encoding="utf-8")
    git(repo, "commit", "-qam", "two schools")
    summary = run("diff.py", "HEAD~1", cwd=repo).stdout
    assert "touches 2 schools or venues" in summary and "| `sample` | True | False |" in summary


# --- codeowners.py ---------------------------------------------------------------------------


@pytest.mark.slow  # a subprocess per step
def test_codeowners_is_current_and_check_fails_after_a_maintainer_change(catalogue_copy, tmp_path):
    assert run("codeowners.py", "--check").returncode == 0
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "\n* @" in owners and "/catalogue/providers/jiaxing-city-university.yml @" in owners
    output = tmp_path / "CODEOWNERS"
    args = ["--catalogue", str(catalogue_copy), "--output", str(output)]
    assert run("codeowners.py", *args).returncode == 0
    assert run("codeowners.py", "--check", *args).returncode == 0
    path = catalogue_copy / "providers" / "jiaxing-city-university.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("maintainers:\n", "maintainers:\n  - new-staff-member\n", 1), encoding="utf-8")
    result = run("codeowners.py", "--check", *args)
    assert result.returncode == 1 and "stale" in result.stdout
    assert run("codeowners.py", *args).returncode == 0
    assert "@new-staff-member" in output.read_text(encoding="utf-8")


@pytest.mark.slow  # a subprocess per step
def test_the_worked_example_in_contributing_is_valid(catalogue_copy):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    after = guide[guide.index('<a id="example"></a>') :]
    block = after[after.index("```yaml\n") + len("```yaml\n") : after.index("```\n", after.index("```yaml\n") + 8)]
    path = catalogue_copy / "providers" / "nanhu-daqiao-adult-school.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("last_verified:", block + "last_verified:", 1), encoding="utf-8")
    result = run("validate.py", "--today", "2027-01-04", str(catalogue_copy))
    assert result.returncode == 0, result.stdout
    new_index = len(YAML(typ="safe").load(text)["courses"])  # the example is the last course
    assert not [r for r in result.stdout.splitlines() if "nanhu-daqiao-adult-school" in r and f"courses[{new_index}]" in r]
    assert run("fmt.py", "--check", str(catalogue_copy)).returncode == 0


# --- the guide's examples of typing mistakes ------------------------------------------------


def test_the_typing_mistakes_in_contributing_quote_the_real_output(catalogue_copy):
    """What CONTRIBUTING.md section 5 shows for a typing mistake is what the check prints, in
    the Chinese guide and in the English one (one mistake a line, all in one file)."""
    path = catalogue_copy / "providers" / "nanhu-daqiao-adult-school.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("      zh: 育婴员培训\n", "      zh： 育婴员培训\n"),  # 4.2 a full-width colon
        ("    category: vocational-skills\n", "    category:vocational-skills\n"),  # 4.3 no space after the colon
        ("    capacity: 30\n", "\tcapacity: 30\n"),  # 4.4 a tab
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    result = validate(catalogue_copy)
    rows = [row.replace(str(catalogue_copy), "catalogue", 1) for row in result.stdout.splitlines() if ": error: " in row]
    assert len(rows) == 3, rows
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for row in rows:
        assert guide.count(f"\n{row}\n") == 2, row
