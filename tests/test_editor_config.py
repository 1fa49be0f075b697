"""The web editor's generated configuration and its file writer (format.js, run under Node)."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ADMIN, CATALOGUE, NEW_RECOGNITION, ROOT, indexed_count, node

from learning_city.data import model as m
from learning_city.data.loader import load
from learning_city.data.yamlfile import parse
from learning_city.i18n import t
from learning_city.tools import editor
from learning_city.tools.fmt import tidy
from learning_city.tools.schema import schema_for


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], capture_output=True, text=True, cwd=ROOT)


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


# --- the configuration ------------------------------------------------------------------------


def test_committed_editor_files_match_the_model(tmp_path):
    assert run("editor_config.py", "--check").returncode == 0
    stale = tmp_path / "admin"
    stale.mkdir()
    for name in ("config.yml", "model.js"):
        (stale / name).write_text((ADMIN / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert run("editor_config.py", "--check", "--dir", str(stale)).returncode == 0
    config = stale / "config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("name: capacity", "name: capacty"), encoding="utf-8")
    result = run("editor_config.py", "--check", "--dir", str(stale))
    assert result.returncode == 1 and "config.yml" in result.stdout


def mismatches(fields: list[dict], cls) -> list[str]:
    """Where the editor's fields differ from the model: names, order, required, widgets."""
    schema = schema_for(cls)
    found = []
    model_fields = list(cls.model_fields)
    if [f["name"] for f in fields] != model_fields:
        found.append(f"{cls.__name__}: fields {[f['name'] for f in fields]} != {model_fields}")
        return found
    required = set(schema.get("required", []))
    for field in fields:
        made = field["widget"] == "lc-id"  # left empty, it is made from the name before saving (ids.js)
        if field["required"] != (field["name"] in required and not made):
            found.append(f"{cls.__name__}.{field['name']}: required {field['required']}")
    return found


def collection(name: str) -> dict:
    config = yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))
    return next(c for c in config["collections"] if c["name"] == name)


def form_fields(collection: dict) -> list[dict]:
    """A collection's fields: a folder's record form, or the forms of a `files` collection's files."""
    return collection.get("fields") or [field for file in collection["files"] for field in file["fields"]]


def test_the_form_has_every_field_of_the_model_in_order_required_as_the_model_says():
    providers, venues = collection("providers"), collection("venues")
    assert mismatches(providers["fields"], m.Provider) == [] and mismatches(venues["fields"], m.Venue) == []
    course = next(f for f in providers["fields"] if f["name"] == "courses")
    assert mismatches(course["fields"], m.Course) == []
    # control: a field dropped or made optional is found
    assert mismatches(providers["fields"][1:], m.Provider)
    assert mismatches([{**f, "required": False} for f in course["fields"]], m.Course)


def test_widgets_follow_the_types_with_the_validators_rules_and_labels():
    config = yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "zh_Hans" and config["publish_mode"] == "editorial_workflow"
    providers = {f["name"]: f for f in collection("providers")["fields"]}
    courses = {f["name"]: f for f in providers["courses"]["fields"]}
    schedule = {f["name"]: f for f in courses["schedule"]["fields"]}
    name = providers["name"]
    assert name["widget"] == "object" and [(f["name"], f["required"]) for f in name["fields"]] == [("zh", True), ("en", False)]
    assert providers["kind"]["widget"] == "select"
    assert {o["value"]: o["label"] for o in providers["kind"]["options"]}["adult-school"] == t("kind.adult-school", "zh")
    assert schedule["start"]["widget"] == "lc-clock" and schedule["start"]["pattern"] == [m.CLOCK, t("editor.clock", "zh")]
    assert schedule["days"]["multiple"] is True and len(schedule["days"]["options"]) == 7
    dates = {f["name"]: f for f in schedule["dates"]["fields"]}
    assert dates["start"]["widget"] == "lc-date"  # typed or picked, shown 2027-03-02 (Decap's datetime: mm/dd/yyyy, UTC)
    assert courses["capacity"]["widget"] == "number" and courses["capacity"]["min"] == 1 and courses["capacity"]["value_type"] == "int"
    assert courses["hours"]["value_type"] == "float" and courses["hours"]["pattern"]
    assert "title.zh" in providers["courses"]["summary"] and "schedule.start" in providers["courses"]["summary"]
    assert providers["parent"]["widget"] == "relation" and providers["parent"]["collection"] == "providers"
    assert courses["venue"]["widget"] == "relation" and courses["term"]["widget"] == "lc-term"
    region = {o["value"]: o["label"] for o in providers["region"]["options"]}
    assert region["nanhu-daqiao"] == "南湖区 · 大桥镇" and region["nanhu"] == "南湖区"
    assert providers["address"]["label"] == "地址"
    # inside an optional part nothing is required in the form (Decap would demand it even when left empty)
    place = courses["place"]
    assert place["required"] is False and place["fields"][0]["required"] is False


def test_every_list_item_is_summarised_by_its_own_fields():
    """A collapsed list item shows its summary; one that names no field of the item is empty, and
    Decap then shows "No <its first field>" in English: the venue's 临时闭馆 showed "No dates", as
    the closures fell back to {{fields.id}}, which a closure does not have. Every list of records
    names only its items' own fields, with words between them, so it is never empty. Control: the
    closures' summary as it was is found."""

    def names_its_own_fields(listed: dict) -> bool:
        paths = re.findall(r"\{\{fields\.([\w.]+)\}\}", listed["summary"])
        literal = re.sub(r"\{\{[^}]*\}\}", "", listed["summary"]).strip()
        return bool(paths and literal) and all(_has_field(listed["fields"], path.split(".")) for path in paths)

    lists = [
        (c["name"], f)
        for c in yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))["collections"]
        for f in walk(form_fields(c))
        if f["widget"] == "list" and "fields" in f
    ]
    assert [f"{name}.{listed['name']}: {listed['summary']}" for name, listed in lists if not names_its_own_fields(listed)] == []
    closures = next(listed for name, listed in lists if listed["name"] == "closures")
    assert closures["summary"] == "{{fields.dates.start}}–{{fields.dates.end}} · {{fields.reason.zh}}"
    assert not names_its_own_fields({**closures, "summary": "{{fields.id}}"})  # control


def _has_field(fields: list[dict], path: list[str]) -> bool:
    field = next((f for f in fields if f["name"] == path[0]), None)
    return field is not None and (len(path) == 1 or _has_field(field.get("fields", []), path[1:]))


def test_the_bureaus_recognitions_are_one_file_edited_as_a_list_in_chinese():
    """recognitions.yml is one file of many records: a `files` collection whose one field is the list,
    each item the model's Recognition in order, its choices and relations named in Chinese, its id
    made from what it recognises, and its consent box the widget that says when a name stays unpublished."""
    recognitions = collection("recognitions")
    assert "folder" not in recognitions and [f["file"] for f in recognitions["files"]] == ["catalogue/recognitions.yml"]
    assert recognitions["label"] == t("nav.recognitions", "zh") and recognitions["format"] == "lc-recognitions"
    (listed,) = form_fields(recognitions)
    assert (listed["name"], listed["widget"], listed["label_singular"], listed["add_to_top"]) == ("recognitions", "list", "荣誉称号", True)
    assert mismatches(listed["fields"], m.Recognition) == []
    assert mismatches(listed["fields"][1:], m.Recognition)  # control: a field dropped is found
    fields = {f["name"]: f for f in listed["fields"]}
    for name, field in fields.items():  # labels: the Chinese of the model's description, up to its first aside
        description = m.Recognition.model_fields[name].description or ""
        label = re.split(r"[，（：]", description.split(" / ")[0])[0].strip()
        picked = field["widget"] == "relation" or name == "region"  # chosen by name: "获评地区", not "获评地区编号"
        assert field["label"] == (label.removesuffix("编号") if picked else label), name
    assert (fields["region"]["label"], fields["provider"]["label"]) == ("获评地区", "获评机构")
    assert {o["value"]: o["label"] for o in fields["kind"]["options"]} == {
        kind.value: t(f"recognitions.kind.{kind.value}", "zh") for kind in m.RecognitionKind
    }
    assert [o["label"] for o in fields["level"]["options"]] == ["国家级", "省级", "市级"] and fields["level"]["widget"] == "select"
    assert {o["value"]: o["label"] for o in fields["region"]["options"]}["nanhu-chengnan"] == "南湖区 · 城南街道"
    provider = fields["provider"]
    assert (provider["widget"], provider["collection"], provider["display_fields"]) == ("relation", "providers", ["name.zh"])
    assert fields["year"]["widget"] == "number" and (fields["year"]["min"], fields["year"]["max"]) == (2000, 2100)
    assert fields["id"]["widget"] == "lc-id" and fields["id"]["hint"] == t("editor.id_made_hint", "zh")
    assert (fields["name_public"]["widget"], fields["name_public"]["consent_of"]) == ("lc-consent", "person")
    assert "{{fields.provider}}" in listed["summary"] and "{{fields.kind}}" in listed["summary"]
    spec = editor.spec()["recognitions"]
    assert spec["schema_line"] == "# yaml-language-server: $schema=../schema/recognitions.schema.json"
    item = spec["fields"][0]["item"]["fields"]
    assert item[0]["made_of"] == ["provider", "region", "kind", "year"] and "from" not in item[0]
    assert "made_of" not in editor.spec()["providers"]["fields"][0]  # a named record's id is made from its name


def walk(fields):
    for field in fields:
        yield field
        yield from walk(field.get("fields", []))
        if "field" in field:
            yield from walk([field["field"]])


def test_the_form_speaks_chinese_only():
    """Labels, hints and messages a secretary reads: no English beside them, no file syntax in a hint
    whose widget writes that syntax for her (a choice, a switch, a date, a time)."""
    config = yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))
    english = re.compile(r"[A-Za-z]{3,}")
    found = []
    for collection in config["collections"]:
        for text in (collection["label"], collection["label_singular"]):
            found += [text] if english.search(text) else []
        for field in walk(form_fields(collection)):
            found += [f"{field['name']}: {field['label']}"] if english.search(field["label"]) or " / " in field["label"] else []
            if "pattern" in field:
                found += [f"{field['name']}: {field['pattern'][1]}"] if " / " in field["pattern"][1] else []
            if field.get("hint") and field["widget"] in editor.SYNTAX_WIDGETS:
                found += (
                    [f"{field['name']}: {field['hint']}"]
                    if re.search(r'[A-Za-z"]', field["hint"].replace(":", "")) and field["widget"] != "lc-clock"
                    else []
                )
    assert found == []
    # control: the labels as they were ("名额 / number of places") are found
    old = {**collection, "fields": [{**f, "label": f"{f['label']} / {f['name']}"} for f in form_fields(collection)]}
    assert any(english.search(f["label"]) for f in walk(old["fields"]))


def test_backends_github_by_default_gitlab_forgejo_and_gitea_by_one_setting():
    repo = "https://github.com/jx-learning-city/catalogue"
    github = editor.backend(repo, {})
    assert github.pop("commit_messages")["update"] == "修改 {{collection}}：{{slug}} / Update {{collection}}: {{slug}}"
    assert github == {"name": "github", "repo": "jx-learning-city/catalogue", "branch": "main", "open_authoring": True}
    assert editor.backend(repo, {"auth_url": "https://auth.example.org"})["base_url"] == "https://auth.example.org"
    gitlab = editor.backend("https://gitlab.example.org/jx/catalogue", {"backend": "gitlab", "app_id": "abc"})
    assert gitlab["name"] == "gitlab" and gitlab["auth_type"] == "pkce" and gitlab["app_id"] == "abc"
    assert gitlab["api_root"] == "https://gitlab.example.org/api/v4" and gitlab["repo"] == "jx/catalogue"
    forgejo = editor.backend("https://git.example.org/jx/catalogue", {"backend": "forgejo", "app_id": "xyz"})
    assert forgejo["api_root"] == "https://git.example.org/api/v1" and forgejo["app_id"] == "xyz" and forgejo["open_authoring"] is True
    assert editor.publish_mode({"backend": "forgejo"}) == editor.publish_mode({}) == "editorial_workflow"
    gitea = editor.backend("https://git.example.org/jx/catalogue", {"backend": "gitea", "app_id": "xyz"})
    assert (
        gitea["api_root"] == "https://git.example.org/api/v1"
        and gitea["base_url"] == "https://git.example.org"
        and gitea["app_id"] == "xyz"
    )
    assert gitea["branch"] == "editor" and editor.publish_mode({"backend": "gitea"}) == "simple"
    with pytest.raises(ValueError):
        editor.backend(repo, {"backend": "svn"})


# --- the file writer -----------------------------------------------------------------------------


def catalogue_texts() -> dict[str, str]:
    """Every file the editor writes: a record's file in each folder, and the bureau's recognitions.yml."""
    paths = [path for folder in ("providers", "venues") for path in sorted((ROOT / "catalogue" / folder).glob("*.yml"))]
    paths.append(ROOT / "catalogue" / "recognitions.yml")  # issue 22
    return {path.relative_to(ROOT / "catalogue").as_posix(): path.read_text(encoding="utf-8") for path in paths}


def test_saving_a_record_unchanged_gives_back_every_file_byte_for_byte():
    files = catalogue_texts()
    out = node(
        "output = {};\n"
        "for (const [path, text] of Object.entries(input)) {\n"
        "  const f = format.formatter(model.SPEC[path.split('/')[0].replace(/\\.yml$/, '')]);\n"
        "  output[path] = f.toFile(JSON.parse(JSON.stringify(f.fromFile(text))));\n"
        "}",
        files,
    )
    assert len(out) == len(files) > 100
    assert [path for path, text in files.items() if out[path] != text] == []


ONE_FIELD = """
const f = format.formatter(model.SPEC.providers);
const data = f.fromFile(input.text);
data.courses[0].capacity = 45;
output = { ours: f.toFile(data), decap: (await import('yaml')).stringify(data) };
"""


def test_a_one_field_save_is_that_fields_line_only_and_tidy():
    path = ROOT / "catalogue" / "providers" / "nanhu-daqiao-adult-school.yml"
    before = path.read_text(encoding="utf-8")
    out = node(ONE_FIELD, {"text": before})
    assert changed_lines(before, out["ours"]) == ["-    capacity: 30", "+    capacity: 45"]
    assert tidy(out["ours"], "providers/nanhu-daqiao-adult-school.yml") == out["ours"]
    # control: a plain YAML writer (what Decap's own yml format does) loses the schema line and the quotes
    decap = changed_lines(before, out["decap"])
    assert len(decap) > 10 and '-      start: "09:30"' in decap and any("yaml-language-server" in line for line in decap)


def test_a_new_record_and_new_parts_are_written_in_the_canonical_form(catalogue_copy):
    path = ROOT / "catalogue" / "providers" / "nanhu-daqiao-adult-school.yml"
    out = node(
        """
const f = format.formatter(model.SPEC.providers);
const data = f.fromFile(input.text);
data.courses[1].description = { zh: "讲给孩子听: 南湖的故事", en: "" };
data.courses[2].schedule.days = ["thu", "sat"];
data.contact.email = "mailto:daqiao@example.org";
data.maintainers.push("daqiao-staff");
delete data.courses[0].place;
const created = JSON.parse(JSON.stringify(data));
created.id = "nanhu-daqiao-new-school"; created.kind = "community-school"; created.parent = "nanhu-daqiao-adult-school";
created.projects = []; created.sample = false;
output = { changed: f.toFile(data), created: format.formatter(model.SPEC.providers).toFile(created) };
""",
        {"text": path.read_text(encoding="utf-8")},
    )
    changed = changed_lines(path.read_text(encoding="utf-8"), out["changed"])
    assert changed == [
        "+  email: mailto:daqiao@example.org",
        "+  - daqiao-staff",
        "-    place:",
        "-      zh: 技能实训中心",
        "-      en: Skills training centre",
        "+    description:",
        '+      zh: "讲给孩子听: 南湖的故事"',
        "-      days: [thu]",
        "+      days: [thu, sat]",
    ]
    for name, text in (("nanhu-daqiao-adult-school", out["changed"]), ("nanhu-daqiao-new-school", out["created"])):
        assert tidy(text, f"providers/{name}.yml") == text, name
        (catalogue_copy / "providers" / f"{name}.yml").write_text(text, encoding="utf-8")
    assert out["created"].startswith("# yaml-language-server: $schema=../../schema/provider.schema.json\nid: nanhu-daqiao-new-school\n")
    assert "sample:" not in out["created"] and "projects:" not in out["created"]  # defaults left out
    result = run("validate.py", str(catalogue_copy))
    assert result.returncode == 0 and " error: " not in result.stdout, result.stdout


def test_a_recognition_added_is_its_own_lines_and_the_files_comments_stay(catalogue_copy):
    """The bureau adds a 百姓学习之星 as the form holds it (on top, defaults off): the save is the new
    item's lines in the canonical form, the comments of recognitions.yml kept, and the file valid.
    Control: a writer that has not read the file (as format.js was, keyed by a record's own id,
    which a file of many records has not) writes it anew and drops its comments."""
    path = ROOT / "catalogue" / "recognitions.yml"
    before = path.read_text(encoding="utf-8")
    out = node(
        """
const f = format.formatter(model.SPEC.recognitions);
const data = f.fromFile(input.text);
data.recognitions.unshift({ id: "nanhu-daqiao-learning-star-2024", kind: "learning-star", level: "municipal", year: 2024,
  region: "nanhu-daqiao", provider: "", issuer: { zh: "嘉兴市教育局", en: "" }, sample: false, person: { zh: "王小明" }, name_public: false });
output = { ours: f.toFile(data), unread: format.formatter(model.SPEC.recognitions).toFile(data) };
""",
        {"text": before},
    )
    assert changed_lines(before, out["ours"]) == ["+" + line for line in NEW_RECOGNITION.splitlines()]
    assert tidy(out["ours"], "recognitions.yml") == out["ours"]
    (catalogue_copy / "recognitions.yml").write_text(out["ours"], encoding="utf-8")
    result = run("validate.py", str(catalogue_copy))
    assert result.returncode == 0 and " error: " not in result.stdout, result.stdout
    comments = [line for line in before.splitlines() if line.lstrip().startswith("# ") and "yaml-language-server" not in line]
    assert len(comments) >= 4 and not any(line in out["unread"].splitlines() for line in comments)  # control


def test_a_recognitions_id_is_made_of_what_it_recognises_its_kind_and_year():
    """ids.js on the form's data before saving: an empty id made as the file's ids are
    (nanhu-chengnan-learning-star-2023), another number when a sibling has it, a typed one kept."""
    made = node(
        f"const ids = await import({json.dumps((ADMIN / 'ids.js').as_uri())});\noutput = ids.madeIds(input, model.SPEC.recognitions);",
        {
            "recognitions": [
                {"id": "nanhu-chengnan-learning-star-2023", "kind": "learning-star", "year": 2023, "region": "nanhu-chengnan"},
                {"kind": "learning-star", "year": 2023, "region": "nanhu-chengnan"},
                {"kind": "standardised-adult-school", "year": 2024, "provider": "nanhu-daqiao-adult-school"},
                {"kind": "demonstration-learning-city", "year": 2025},  # a city-wide title
                {"id": "typed-by-hand", "kind": "learning-star", "year": 2024, "region": "jiashan"},
            ]
        },
    )
    assert made == [
        [["recognitions", 1, "id"], "nanhu-chengnan-learning-star-2023-2"],
        [["recognitions", 2, "id"], "nanhu-daqiao-adult-school-standardised-adult-school-2024"],
        [["recognitions", 3, "id"], "demonstration-learning-city-2025"],
    ]


TRICKY = [
    "yes",
    "No",
    "19:30",
    "0573",
    "12.5",
    "2027-03-02",
    "a: b",
    "#tag",
    "- item",
    "'quoted'",
    '"q"',
    "trailing ",
    "null",
    "~",
    "x #y",
    "@home",
    "*star",
    "[list]",
    "100%",
    "普通中文：全角冒号",
    "It's fine",
    "Tai chi, qigong",
]


# every ASCII sign at the start, the end and inside a text, tripled, and text longer than a YAML
# writer's line (4,096 characters): each once saved the form, then failed the check as "not tidy"
# (2026-12-06: "...待定" and a 4,499-character description)
SIGNS = [c for c in map(chr, range(33, 127)) if not c.isalnum()]
EVERY_SIGN = [f(c) for c in SIGNS for f in (lambda c: c + "x", lambda c: "x" + c, lambda c: c * 3 + "x", lambda c: "a " + c + " b")]
LONG = ["Daqiao Town Adult School trains farmers and factory workers. " * 80, "大桥镇成人学校" * 700]


def test_every_sign_and_a_long_text_is_written_as_the_check_keeps_it():
    texts = EVERY_SIGN + LONG
    written = node("output = input.map((s) => `zh: ${format.scalar(s)}\\n`);", texts)
    for text, line in zip(texts, written, strict=True):
        doc = parse(line.encode(), "t.yml")
        assert not doc.problems and doc.data == {"zh": text}, (text[:40], line[:60], doc.problems)
        assert tidy(line, "providers/x.yml").split("\n", 1)[1] == line, line[:60]


def test_text_the_yaml_tools_could_misread_is_quoted_and_reads_back_the_same():
    written = node("output = input.map((s) => `zh: ${format.scalar(s)}\\n`);", TRICKY)
    for text, line in zip(TRICKY, written, strict=True):
        doc = parse(line.encode(), "t.yml")
        assert not doc.problems and doc.data == {"zh": text}, (text, line, doc.problems)
        assert tidy(line, "providers/x.yml").split("\n", 1)[1] == line, line  # fmt.py keeps it as written
    plain = [text for text, line in zip(TRICKY, written, strict=True) if not line.startswith('zh: "')]
    assert plain == ["100%", "普通中文：全角冒号", "It's fine", "Tai chi, qigong"]


def test_checks_before_saving_find_what_the_validator_refuses_within_a_record():
    path = ROOT / "catalogue" / "providers" / "nanhu-daqiao-adult-school.yml"
    out = node(
        """
const spec = model.SPEC.providers;
const data = format.read(input.text);
const clean = checks.problems(data, spec, model.MESSAGES);
data.courses[0].schedule.end = "09:00";
data.courses[0].place = { en: "Hall" };
data.courses[1].schedule.dates.end = "2020-01-01";
data.courses[2].enrolment = { method: "", note: { zh: "电话" } };
output = { clean, found: checks.problems(data, spec, model.MESSAGES) };
""",
        {"text": path.read_text(encoding="utf-8")},
    )
    assert out["clean"] == []
    assert out["found"] == [
        "courses[0].schedule.end: 须晚于开始（开始为 09:30） / must be after the start (09:30)",
        "courses[0].place.zh: 缺少中文内容（zh） / Chinese text (zh) is required",
        "courses[1].schedule.dates.end: 结束早于开始（开始为 2026-10-10） / ends before it starts (start 2026-10-10)",
        "courses[2].enrolment.method: 缺少必填项 / required field is missing",
    ]


# --- the built site ----------------------------------------------------------------------------------


def test_the_admin_is_served_from_the_site_itself_and_kept_out_of_search_sitemap_and_english(site: Path):
    admin = site / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000 and (admin / "vendor" / "yaml" / "index.js").is_file()
    assert "://" not in html.replace('"http-equiv"', "")  # every script is loaded from beside it
    assert "data-pagefind-body" not in html and 'name="robots" content="noindex' in html
    assert f"<title>{t('editor.title', 'zh')}</title>" in html  # the people editing read Chinese
    assert "admin" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "admin/" not in (site / "index.html").read_text(encoding="utf-8")  # not in the navigation
    assert not (site / "en" / "admin").exists()
    built = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert built["backend"]["repo"] == "jx-learning-city/catalogue" and built["collections"][0]["fields"]
    # Pagefind indexes exactly the pages that mark their body, which the admin page does not
    indexed = indexed_count(site, "zh")
    marked = [
        p
        for p in site.rglob("*.html")
        if "en" not in p.relative_to(site).parts[:1] and "data-pagefind-body" in p.read_text(encoding="utf-8")
    ]
    catalogue = load(CATALOGUE)[0]
    courses = sum(len(p.courses) for p in catalogue.providers.values())  # a search record each (search_records.py)
    courses += (
        len(catalogue.teams) + len(catalogue.resources) + len(catalogue.events)
    )  # so is each team, online resource and event (issue 22)
    assert indexed == len(marked) + courses and len(marked) > 100


def test_the_one_field_save_shown_in_contributing_is_what_the_editor_writes():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in guide.split("```diff\n")[1:]]
    assert len(blocks) == 2 and blocks[0] == blocks[1]  # the same in Chinese and English
    path = ROOT / "catalogue" / "providers" / "nanhu-daqiao-adult-school.yml"
    before = path.read_text(encoding="utf-8")
    after = node(ONE_FIELD, {"text": before})["ours"]
    name = "catalogue/providers/nanhu-daqiao-adult-school.yml"
    shown = difflib.unified_diff(before.splitlines(), after.splitlines(), f"a/{name}", f"b/{name}", lineterm="", n=3)
    lines = list(shown)
    lines[2] += " courses:"  # git names the enclosing key after the hunk's line numbers
    assert blocks[0] == "\n".join(lines) + "\n"


def test_make_edit_refuses_a_clone_decap_server_could_damage(tmp_path):
    from learning_city.tools import local_editor as edit

    repo = edit.scratch_repo(ROOT / "catalogue", tmp_path / "repo")
    assert edit.problems(repo) == []
    (repo / "catalogue" / "notes.txt").write_text("mine\n", encoding="utf-8")  # decap-server would commit it
    assert "uncommitted changes" in edit.problems(repo)[0]
    (repo / "catalogue" / "notes.txt").unlink()
    subprocess.run(["git", "branch", "-m", "main", "master"], cwd=repo, check=True)
    assert "no branch named main" in edit.problems(repo)[0]
