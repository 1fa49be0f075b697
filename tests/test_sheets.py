"""Spreadsheets: the template comes from the model, export and import are byte for byte each other's
inverse, a filled template gives files the checks accept, and every hostile or mistaken sheet gets
its exact error at its cell, in Chinese and English, with nothing written.

Workbooks are built here with openpyxl as a secretary's spreadsheet program would save them; the
XML attack is made by editing the zip. Each case's control is the correct workbook it was made from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from conftest import CATALOGUE, ROOT
from pydantic import Field

from learning_city.data import model as m
from learning_city.data.loader import load
from learning_city.tools.sheets import layout, records, summary, workbook, yamlout

NEW = "nanhu-daqiao-test-community-school"  # the provider the filled template adds
COURSES, PROVIDERS = "课程列表", "办学机构"


@pytest.fixture(scope="module")
def catalogue():
    loaded, problems = load(CATALOGUE)
    assert loaded is not None, problems[:3]
    return loaded


@pytest.fixture(scope="module")
def labels(catalogue):
    return records.reference_labels(catalogue)


def saved(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def add_row(ws, values: dict[str, object]) -> int:
    """Fill the next row by header, as a person would; returns the row number."""
    headers = {cell.value: cell.column for cell in ws[1]}
    row = ws.max_row + 1
    for header, value in values.items():
        ws.cell(row, headers[header], value)
    return row


def filled(catalogue) -> openpyxl.Workbook:
    """The providers template with a new community school and two courses, typed as a secretary would:
    Chinese choices, the region by its name, date and time cells, weekdays separated by 、."""
    book = openpyxl.load_workbook(io.BytesIO(saved(records.template(catalogue)["providers.xlsx"])))
    owner = f"所属{PROVIDERS}·机构编号"
    add_row(book[PROVIDERS], {
        "机构编号": NEW, "示例数据": "是", "机构类型": "社区学校", "机构名称": "测试社区学校",
        "上级机构编号": catalogue.providers["nanhu-daqiao-adult-school"].name.zh, "所在地区编号": "南湖区大桥镇",
        "地址": "大桥镇示例路 1 号", "公开联系方式·公开电话": "0573-82000000",
    })  # fmt: skip
    add_row(book[COURSES], {
        owner: NEW, "课程编号": "tai-chi", "课程名称": "太极拳", "课程类别": "体育健身", "面向对象": "老年人、所有人",
        "上课形式": "面授", "上课时间·上课日": "周二、周四", "上课时间·开始时间": dt.time(18, 30),
        "上课时间·结束时间": dt.time(20, 0), "上课时间·课程起止日期·开始日期": dt.datetime(2026, 9, 1),
        "上课时间·课程起止日期·结束日期": dt.datetime(2026, 12, 31), "总课时": 30, "费用·费用": 0, "名额": 25,
        "本课程的报名·报名方式": "现场报名", "本课程的报名·报名开始日期": dt.datetime(2026, 8, 1),
        "本课程的报名·报名截止日期": dt.datetime(2026, 8, 25),
    })  # fmt: skip
    add_row(book[COURSES], {
        owner: NEW, "课程编号": "phone-basics", "课程名称": "智能手机入门", "课程类别": "数字技能", "面向对象": "老年人",
        "上课形式": "面授", "上课时间·上课日": "周一", "上课时间·开始时间": "09:00", "上课时间·结束时间": '"10:30"',
        "总课时": 12.5, "费用·费用": 0, "名额": 20, "本课程的报名·报名方式": "电话报名",
    })  # fmt: skip
    return book


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True)


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


# --- the template ----------------------------------------------------------------------------


def headers(book: openpyxl.Workbook, sheet: str) -> list[str]:
    return [cell.value for cell in book[sheet][1] if cell.value]


def test_template_columns_are_the_models_fields(catalogue):
    book = openpyxl.load_workbook(io.BytesIO(saved(records.template(catalogue)["providers.xlsx"])))
    assert book.sheetnames == ["说明", "选项", PROVIDERS, "加挂牌子", "特色培训项目", "学期", COURSES]
    assert book["选项"].sheet_state == "hidden"
    courses = headers(book, COURSES)
    # one column per leaf field of Course below the owner column, in the model's order
    leaves = [c.key for c in layout.book("providers").sheet(COURSES).columns]
    assert len(courses) == 1 + len(leaves) == 32
    assert leaves[:3] == ["id", "title.zh", "title.en"] and "schedule.dates.start" in leaves and "fee.amount" in leaves
    assert courses[:4] == [f"所属{PROVIDERS}·机构编号", "课程编号", "课程名称", "课程名称（英文）"]
    comment = book[COURSES].cell(1, courses.index("名额") + 1).comment.text
    assert "number of places" in comment and "(capacity)" in comment
    # choices are drop-downs of their Chinese labels; weekdays a hint; dates and times formatted
    rules = {str(rule.sqref): rule for rule in book[COURSES].data_validations.dataValidation}
    column = {header: openpyxl.utils.get_column_letter(i) for i, header in enumerate(courses, start=1)}
    category = rules[f"{column['课程类别']}2:{column['课程类别']}{workbook.MAX_ROWS + 1}"]
    assert category.type == "list" and category.formula1.startswith("='选项'!")
    days = rules[f"{column['上课时间·上课日']}2:{column['上课时间·上课日']}{workbook.MAX_ROWS + 1}"]
    assert days.type is None and "周一、周二" in days.prompt
    assert book[COURSES].column_dimensions[column["上课时间·开始时间"]].number_format == "hh:mm"
    assert book[COURSES].column_dimensions[column["本课程的报名·报名截止日期"]].number_format == "yyyy-mm-dd"
    top = book[PROVIDERS]
    original = next(cell for cell in top[1] if cell.value == "原编号（请勿修改）")
    assert top.column_dimensions[original.column_letter].hidden
    assert "make import" in book["说明"]["A1"].value


def test_a_field_added_to_the_model_gets_its_column(catalogue, monkeypatch):
    """Control: the columns are derived, not listed; a field added to a copy of the model appears."""

    class RoomCourse(m.Course):
        room: int | None = Field(None, description="教室号 / room number")

    class RoomProvider(m.Provider):
        courses: list[RoomCourse] = Field(default_factory=list, description="课程列表 / courses")

    before = headers(openpyxl.load_workbook(io.BytesIO(saved(records.template(catalogue)["providers.xlsx"]))), COURSES)
    monkeypatch.setattr(m, "Provider", RoomProvider)
    after = headers(openpyxl.load_workbook(io.BytesIO(saved(records.template(catalogue)["providers.xlsx"]))), COURSES)
    assert "教室号" not in before and after == before + ["教室号"]


def test_template_per_kind_and_the_figures_sheet(catalogue):
    books = records.template(catalogue)
    assert sorted(books) == ["providers.xlsx", "statistics.xlsx", "venues.xlsx"]
    venues = openpyxl.load_workbook(io.BytesIO(saved(books["venues.xlsx"])))
    assert venues.sheetnames[2:] == ["开放场馆", "开放时间", "临时闭馆", "学习服务"]
    figures = openpyxl.load_workbook(io.BytesIO(saved(books["statistics.xlsx"])))
    assert headers(figures, "填报数字") == ["目标编号", "数据年份", "填报数值", "数据来源", "数据来源（英文）", "数据来源链接", "示例数据"]


# --- export and import, byte for byte ----------------------------------------------------------


@pytest.mark.slow
def test_export_then_import_gives_every_shipped_file_byte_for_byte(catalogue, labels, catalogue_copy):
    """Every provider and venue (from its county's workbook) and the figures, imported into a scratch
    catalogue: each file comes back byte for byte, whether updated in place or written new."""
    books = records.export(catalogue)
    shipped = {p.relative_to(CATALOGUE).as_posix() for folder in ("providers", "venues") for p in (CATALOGUE / folder).glob("*.yml")}
    compared: set[str] = set()
    readings = {name: records.read_books(saved(book), name, labels) for name, book in books.items()}
    for name, book in books.items():
        reading = readings[name]
        assert reading.problems == [], name
        if name.startswith("providers/"):  # the same records as in its county's workbook
            county = readings[f"counties/{catalogue.county_of(catalogue.providers[name[10:-5]].region).id}.xlsx"]
            assert reading.files == {target: county.files[target] for target in reading.files}
            continue
        data = saved(book)
        texts, problems = records.import_workbook(data, name, catalogue_copy)
        assert problems == [] and set(texts) == set(reading.files), name
        for target, text in texts.items():
            original = (CATALOGUE / target).read_text(encoding="utf-8")
            assert text == original, target  # updated in place
            existing = original if target == "statistics.yml" else None  # its comments are not in the sheet
            assert yamlout.write(reading.files[target], reading.models[target], target, existing) == original, target  # written new
            compared.add(target)
    assert compared == shipped | {"statistics.yml"}
    assert len(compared) == len(catalogue.providers) + len(catalogue.venues) + 1


def test_one_changed_cell_changes_one_line(catalogue, labels, catalogue_copy):
    """Control of the round trip: an import into the catalogue writes the sheet's values, not the old file."""
    pid = "haining-changan-adult-school"
    book = records.export(catalogue)[f"providers/{pid}.xlsx"]
    before = (catalogue_copy / f"providers/{pid}.yml").read_text(encoding="utf-8")
    texts, problems = records.import_workbook(saved(book), "a.xlsx", catalogue_copy)
    assert (problems, texts) == ([], {f"providers/{pid}.yml": before})
    ws = book[COURSES]
    capacity = next(cell.column for cell in ws[1] if cell.value == "名额")
    assert ws.cell(2, capacity).value == 20
    ws.cell(2, capacity).value = 24
    texts, problems = records.import_workbook(saved(book), "a.xlsx", catalogue_copy)
    after = texts[f"providers/{pid}.yml"]
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert problems == [] and changed == [("    capacity: 20", "    capacity: 24")]


def test_export_writes_text_as_text_never_a_formula(catalogue, labels):
    provider = catalogue.providers["haining-changan-adult-school"]
    data = records._plain(provider)
    data["address"] = {"zh": "=cmd|' /C calc'!A0", "en": "+1 @SUM(A1) -2"}
    book = records.lay.book("providers")
    wb = openpyxl.load_workbook(io.BytesIO(saved(records.write_workbook([book], records.rows_of(book, [data], labels), labels))))
    row = {cell.value: cell for cell in wb[PROVIDERS][2]}
    assert row["=cmd|' /C calc'!A0"].data_type == "s" and row["+1 @SUM(A1) -2"].data_type == "s"
    xml = zipfile.ZipFile(io.BytesIO(saved(wb))).read("xl/worksheets/sheet3.xml").decode()
    assert "<f>" not in xml


@pytest.mark.slow
def test_a_filled_template_imports_to_files_the_checks_accept(catalogue, catalogue_copy, tmp_path):
    sheet = tmp_path / "新课程.xlsx"
    filled(catalogue).save(sheet)
    result = run("scripts/sheets.py", "import", str(sheet), "--catalogue", str(catalogue_copy))
    assert result.returncode == 0, result.stderr
    written = (catalogue_copy / f"providers/{NEW}.yml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../schema/provider.schema.json\n")
    for line in ("kind: community-school", "parent: nanhu-daqiao-adult-school", "region: nanhu-daqiao",
                 "audience: [older-people, everyone]", "days: [tue, thu]", 'start: "18:30"', "start: 2026-09-01",
                 "hours: 12.5", 'end: "10:30"', "method: on-site", "closes: 2026-08-25", "phone: 0573-82000000"):  # fmt: skip
        assert f"{line}\n" in written, line
    assert run("scripts/validate.py", str(catalogue_copy)).returncode == 0
    assert run("scripts/fmt.py", "--check", str(catalogue_copy)).returncode == 0
    # the template's row did not come from the catalogue: importing it again would overwrite the record
    again = run("scripts/sheets.py", "import", str(sheet), "--catalogue", str(catalogue_copy))
    assert (
        again.returncode == 1
        and again.stdout == ""
        and again.stderr.splitlines()[0]
        == (
            f"新课程.xlsx!办学机构!A2: 编号“{NEW}”重复，已在 providers/{NEW}.yml 使用 / id '{NEW}' is used twice, first at providers/{NEW}.yml"
        )
    )


def test_figures_are_imported_into_statistics_yml_keeping_its_comments(catalogue, catalogue_copy):
    book = records.export(catalogue)["statistics.xlsx"]
    add_row(book["填报数字"], {"目标编号": catalogue.targets[0].title.zh, "数据年份": 2025, "填报数值": 70, "数据来源": "年度统计"})
    texts, problems = records.import_workbook(saved(book), "s.xlsx", catalogue_copy)
    assert problems == []
    text = texts["statistics.yml"]
    assert text.startswith((CATALOGUE / "statistics.yml").read_text(encoding="utf-8").rstrip("\n"))
    assert text.endswith(f"  - target: {catalogue.targets[0].id}\n    year: 2025\n    value: 70\n    source:\n      zh: 年度统计\n")


def test_the_hidden_original_id_keeps_ids_and_other_records_safe(catalogue, catalogue_copy):
    """A row exported from the catalogue carries its id in a hidden column: changing the id (an address
    other records refer to) is refused, and a new row may not take the id of a record that exists."""
    pid = "haining-changan-chunhui-teaching-point"
    book = records.export(catalogue)[f"providers/{pid}.xlsx"]
    assert records.import_workbook(saved(book), "r.xlsx", catalogue_copy)[1] == []  # control: as exported
    book[PROVIDERS]["A2"] = "haining-changan-chunhui-school"
    for row in book[COURSES].iter_rows(min_row=2):
        row[0].value = "haining-changan-chunhui-school"
    texts, problems = records.import_workbook(saved(book), "r.xlsx", catalogue_copy)
    assert texts == {} and [str(p) for p in problems] == [
        f"r.xlsx!办学机构!A2: 编号不能在表格中修改（原为“{pid}”）：编号是网址，也被其他记录引用；改名请联系维护者 / the id cannot be changed in a sheet (it was '{pid}'): ids are addresses that other records refer to; ask a maintainer to rename",
    ]
    template = openpyxl.load_workbook(io.BytesIO(saved(records.template(catalogue)["providers.xlsx"])))
    add_row(
        template[PROVIDERS],
        {"机构编号": pid, "机构类型": "教学点", "机构名称": "另一个教学点", "所在地区编号": "海宁市", "地址": "某路 1 号"},
    )
    texts, problems = records.import_workbook(saved(template), "t.xlsx", catalogue_copy)
    assert texts == {} and [str(p) for p in problems] == [
        f"t.xlsx!办学机构!A2: 编号“{pid}”重复，已在 providers/{pid}.yml 使用 / id '{pid}' is used twice, first at providers/{pid}.yml",
    ]


# --- hostile and mistaken sheets ---------------------------------------------------------------


def zip_edit(data: bytes, member: str, change: Callable[[str], str]) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content.decode()).encode() if info.filename == member else content)
    return out.getvalue()


def entities(xml: str) -> str:
    """A "billion laughs": entities that expand to gigabytes, used in a cell."""
    dtd = (
        '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]>"
    )
    body = xml.split("?>", 1)[-1]
    return '<?xml version="1.0"?>' + dtd + body.replace("<t>太极拳</t>", "<t>&i;</t>", 1)


def bomb(_: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (workbook.MAX_UNPACKED + 1))
    return out.getvalue()


@dataclass
class Case:
    change: Callable  # (workbook) -> None, or (bytes) -> bytes with bytes=True
    expected: list[str]  # the exact report, one line per problem
    bytes: bool = False


def cell(sheet: str, header: str, row: int = 2):
    def change(book):
        column = next(c.column for c in book[sheet][1] if c.value == header)
        return book[sheet].cell(row, column)

    return change


def setting(sheet: str, header: str, value, row: int = 2) -> Callable:
    return lambda book: setattr(cell(sheet, header, row)(book), "value", value)


def text_cell(sheet: str, header: str, value: str) -> Callable:
    def change(book):
        target = cell(sheet, header)(book)
        target.value = value
        target.data_type = "s"

    return change


CASES = {
    "dde formula": Case(setting(COURSES, "课程名称", "=cmd|' /C calc'!A0"), [
        "f.xlsx!课程列表!C2: 单元格是公式（=cmd|' /C calc'!A0），不接受公式：请直接填写内容 / the cell holds a formula (=cmd|' /C calc'!A0); formulas are refused: type the value itself",
    ]),
    "formula for a number": Case(setting(COURSES, "名额", "=20+5"), [
        "f.xlsx!课程列表!V2: 单元格是公式（=20+5），不接受公式：请直接填写内容 / the cell holds a formula (=20+5); formulas are refused: type the value itself",
    ]),
    "text starting with =": Case(text_cell(PROVIDERS, "地址", "=HYPERLINK(\"http://x\")"), [
        "f.xlsx!办学机构!J2: 单元格是公式（=HYPERLINK(\"http://x\")），不接受公式：请直接填写内容 / the cell holds a formula (=HYPERLINK(\"http://x\")); formulas are refused: type the value itself",
    ]),
    # text that a spreadsheet runs, though it does not begin with = (data/formulas.py: one rule with the CSV files)
    "dde text starting with +": Case(text_cell(PROVIDERS, "地址", "+cmd|' /C calc'!A0"), [
        "f.xlsx!办学机构!J2: 单元格以 = + - @ 或制表符、换行开头，表格软件会把它当作公式（+cmd|' /C calc'!A0）：请去掉开头的符号，或改写 / the cell begins with = + - @, a tab or a line break, which a spreadsheet takes for a formula (+cmd|' /C calc'!A0): remove the sign or reword it",
    ]),
    "text starting with @": Case(text_cell(COURSES, "课程名称", "@SUM(1+1)*cmd|' /C calc'!A0"), [
        "f.xlsx!课程列表!C2: 单元格以 = + - @ 或制表符、换行开头，表格软件会把它当作公式（@SUM(1+1)*cmd|' /C calc'!A0）：请去掉开头的符号，或改写 / the cell begins with = + - @, a tab or a line break, which a spreadsheet takes for a formula (@SUM(1+1)*cmd|' /C calc'!A0): remove the sign or reword it",
    ]),
    "text starting with a tab and =": Case(text_cell(COURSES, "课程名称", "\t=1+1"), [
        "f.xlsx!课程列表!C2: 单元格以 = + - @ 或制表符、换行开头，表格软件会把它当作公式（\\t=1+1）：请去掉开头的符号，或改写 / the cell begins with = + - @, a tab or a line break, which a spreadsheet takes for a formula (\\t=1+1): remove the sign or reword it",
    ]),
    "text starting with a full-width minus": Case(text_cell(COURSES, "课程名称", "－1+cmd|' /C calc'!A0"), [
        "f.xlsx!课程列表!C2: 单元格以 = + - @ 或制表符、换行开头，表格软件会把它当作公式（－1+cmd|' /C calc'!A0）：请去掉开头的符号，或改写 / the cell begins with = + - @, a tab or a line break, which a spreadsheet takes for a formula (－1+cmd|' /C calc'!A0): remove the sign or reword it",
    ]),
    # a number in a text column: a General cell dropped the 0 of 0573… (Excel), or an id typed as digits
    "a phone that became a number": Case(setting(PROVIDERS, "公开联系方式·公开电话", 57300000173), [
        "f.xlsx!办学机构!L2: 这里应为文字，单元格却是数字 57300000173：表格软件会去掉开头的 0、改写很长的数字。请把单元格格式设为“文本”后重新输入（如 0573-82000000） / text is expected but the cell holds the number 57300000173: a spreadsheet drops a leading 0 and rewrites long numbers. Format the cell as text and type it again (e.g. 0573-82000000)",
    ]),
    "an id that became a number": Case(setting(COURSES, "课程编号", 2026.0), [
        "f.xlsx!课程列表!B2: 这里应为文字，单元格却是数字 2026：表格软件会去掉开头的 0、改写很长的数字。请把单元格格式设为“文本”后重新输入（如 0573-82000000） / text is expected but the cell holds the number 2026: a spreadsheet drops a leading 0 and rewrites long numbers. Format the cell as text and type it again (e.g. 0573-82000000)",
    ]),
    "merged cells": Case(lambda book: book[COURSES].merge_cells("C3:D3"), [
        "f.xlsx!课程列表!C3: 单元格 C3:D3 是合并的：请取消合并，每格分别填写 / the cells C3:D3 are merged: unmerge them and fill each cell",
    ]),
    "excel serial date": Case(setting(COURSES, "本课程的报名·报名开始日期", 46235, row=3), [
        "f.xlsx!课程列表!AA3: 这里应为日期，单元格却是数字 46235：请把单元格格式设为日期，或写成 YYYY-MM-DD / a date is expected but the cell holds the number 46235: format the cell as a date, or type YYYY-MM-DD",
    ]),
    "excel serial time": Case(setting(COURSES, "上课时间·开始时间", 0.75, row=3), [
        "f.xlsx!课程列表!L3: 这里应为时间，单元格却是数字 0.75：请把单元格格式设为时间，或写成 HH:MM，如 19:30 / a time is expected but the cell holds the number 0.75: format the cell as a time, or type HH:MM, e.g. 19:30",
    ]),
    "full-width time": Case(setting(COURSES, "上课时间·开始时间", "１８：３０"), [
        "f.xlsx!课程列表!L2: “１８：３０”含全角字符，请改为半角：18:30 / '１８：３０' has full-width characters; write it in ASCII: 18:30",
    ]),
    "full-width digits": Case(setting(COURSES, "名额", "２５"), [
        "f.xlsx!课程列表!V2: “２５”含全角字符，请改为半角：25 / '２５' has full-width characters; write it in ASCII: 25",
    ]),
    "a number with a unit": Case(setting(COURSES, "名额", "25人"), [
        "f.xlsx!课程列表!V2: “25人”不是数字：只写阿拉伯数字，需要时加小数点，如 24 或 1.5（不要空格、下划线、单位） / '25人' is not a plain number: write digits, with a decimal point if needed, e.g. 24 or 1.5 (no spaces, underscores or units)",
    ]),
    "a yes/no cell in other words": Case(setting(PROVIDERS, "示例数据", "对"), [
        "f.xlsx!办学机构!B2: 这里请从下拉列表选“是”或“否” / choose 是 (yes) or 否 (no) from the cell's list here",
    ]),
    "a weekday not in the list": Case(setting(COURSES, "上课时间·上课日", "周二、火曜日"), [
        "f.xlsx!课程列表!K2: 只能取以下之一：周一、周二、周三、周四、周五、周六、周日 / must be one of: 周一、周二、周三、周四、周五、周六、周日",
    ]),
    "unknown region": Case(setting(PROVIDERS, "所在地区编号", "火星"), [
        "f.xlsx!办学机构!I2: 引用了不存在的地区“火星” / refers to a region '火星' that does not exist",
    ]),
    "a model rule: enrolment closes before it opens": Case(setting(COURSES, "本课程的报名·报名截止日期", dt.datetime(2026, 7, 1)), [
        "f.xlsx!课程列表!AB2: 结束早于开始（开始为 2026-08-01） / ends before it starts (start 2026-08-01)",
    ]),
    "a model bound: no places": Case(setting(COURSES, "名额", 0, row=3), [
        "f.xlsx!课程列表!V3: 不能小于 1 / must be at least 1",
    ]),
    "a required cell left blank": Case(setting(COURSES, "课程名称", None, row=3), [
        "f.xlsx!课程列表!C3: 缺少必填项 / required field is missing",
    ]),
    "a course id twice": Case(setting(COURSES, "课程编号", "tai-chi", row=3), [
        "f.xlsx!课程列表!B3: 编号“tai-chi”重复，已在 课程列表!B2 使用 / id 'tai-chi' is used twice, first at 课程列表!B2",
    ]),
    "a course of a provider not in the workbook": Case(setting(COURSES, f"所属{PROVIDERS}·机构编号", "no-such-school", row=3), [
        "f.xlsx!课程列表!A3: 引用了不存在的机构“no-such-school” / refers to a provider 'no-such-school' that does not exist",
    ]),
    "a course of a provider in the catalogue but not in the workbook": Case(
        setting(COURSES, f"所属{PROVIDERS}·机构编号", "nanhu-daqiao-adult-school", row=3), [
        "f.xlsx!课程列表!A3: “nanhu-daqiao-adult-school”不在本表格的“办学机构”工作表中：一行是整条记录，请从 make export 导出的该记录表格开始填写 / 'nanhu-daqiao-adult-school' is not on this workbook's 办学机构 sheet: a row is the whole record, so start from the workbook make export wrote for it",
    ]),
    "a date with a time of day": Case(setting(COURSES, "本课程的报名·报名开始日期", dt.datetime(2026, 8, 1, 9, 30)), [
        "f.xlsx!课程列表!AA2: 日期“2026-08-01 09:30:00”不对：请写成 2026-09-06 这样的年-月-日（数字之间用“-”），而且须是日历上有的日子 / '2026-08-01 09:30:00' is not a date: write it YYYY-MM-DD, e.g. 2026-09-06, and a day the calendar has",
    ]),
    "a hidden character (Trojan Source)": Case(setting(COURSES, "课程名称", "太极\u202e拳"), [
        "f.xlsx!课程列表!C2: 含有看不见的字符 U+202E RIGHT-TO-LEFT OVERRIDE，请删除（它会让文字显示得与内容不同） / contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE; delete it (it makes text show other than it is)",
    ]),
    "a row of spaces is a blank row, the required cell of the row above is not": Case(
        lambda book: [setting(COURSES, "课程名称", "   ", row=3)(book), setting(COURSES, "课程编号", " ", row=4)(book)], [
        "f.xlsx!课程列表!C3: 缺少必填项 / required field is missing",
    ]),
    "renamed sheet": Case(lambda book: setattr(book[COURSES], "title", "课程"), [
        "f.xlsx!课程列表!A1: 缺少工作表“课程列表” / the sheet '课程列表' is missing",
        "f.xlsx!课程!A1: 未知的工作表“课程”，其内容不会导入：工作表应为 办学机构、加挂牌子、特色培训项目、学期、课程列表、开放场馆、开放时间、临时闭馆、学习服务、填报数字 / unknown sheet '课程', its content would not be imported: the sheets are 办学机构、加挂牌子、特色培训项目、学期、课程列表、开放场馆、开放时间、临时闭馆、学习服务、填报数字",
    ]),
    "a header deleted": Case(lambda book: book[COURSES].delete_cols(22), [
        "f.xlsx!课程列表!AF1: 缺少列“名额”（请用 make template 生成的表格） / the column '名额' is missing (use the sheet make template writes)",
    ]),
    "a header mistyped": Case(setting(COURSES, "名额", "名 额", row=1), [
        "f.xlsx!课程列表!AG1: 缺少列“名额”（请用 make template 生成的表格） / the column '名额' is missing (use the sheet make template writes)",
        "f.xlsx!课程列表!V1: 未知的列“名 额”，其内容不会导入，是否应为“名额”？ / unknown column '名 额', its content would not be imported; did you mean '名额'?",
    ]),
    "not a workbook": Case(lambda data: "课程,名额\n太极拳,25\n".encode(), [
        "f.xlsx!-!-: 不是 Excel 工作簿（.xlsx），未读取：File is not a zip file / not an Excel workbook (.xlsx), not read: File is not a zip file",
    ], bytes=True),
    "zip bomb": Case(bomb, [
        f"f.xlsx!-!-: 解压后太大（{workbook.MAX_UNPACKED + 1} 字节，上限 {workbook.MAX_UNPACKED}），未读取 / too large when unpacked ({workbook.MAX_UNPACKED + 1} bytes, limit {workbook.MAX_UNPACKED}), not read",
    ], bytes=True),
    "xml entities": Case(lambda data: zip_edit(data, "xl/worksheets/sheet7.xml", entities), [
        "f.xlsx!-!-: 文件含有不安全的 XML（DTD 或实体），未读取 / the file holds unsafe XML (a DTD or entities), not read",
    ], bytes=True),
}  # fmt: skip


@pytest.fixture(scope="module")
def filled_bytes(catalogue) -> bytes:
    return saved(filled(catalogue))


def test_the_filled_template_is_the_control_of_every_case(filled_bytes):
    texts, problems = records.import_workbook(filled_bytes, "f.xlsx", CATALOGUE)
    assert problems == [] and list(texts) == [f"providers/{NEW}.yml"]
    assert "<t>太极拳</t>" in zipfile.ZipFile(io.BytesIO(filled_bytes)).read("xl/worksheets/sheet7.xml").decode()


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_or_mistaken_sheet_gets_its_exact_error(name, filled_bytes):
    case = CASES[name]
    if case.bytes:
        data = case.change(filled_bytes)
    else:
        book = openpyxl.load_workbook(io.BytesIO(filled_bytes))
        case.change(book)
        data = saved(book)
    texts, problems = records.import_workbook(data, "f.xlsx", CATALOGUE)
    assert texts == {}
    assert [str(problem) for problem in problems] == case.expected


def test_nothing_is_written_on_error_and_no_traceback(catalogue_copy, filled_bytes, tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(filled_bytes))
    setting(COURSES, "课程名称", "=cmd|' /C calc'!A0")(book)
    setting(COURSES, "名额", 0, row=3)(book)
    sheet = tmp_path / "bad.xlsx"
    book.save(sheet)
    before = tree_hash(catalogue_copy)
    result = run("scripts/sheets.py", "import", str(sheet), "--catalogue", str(catalogue_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-3:] == [
        "bad.xlsx!课程列表!C2: 单元格是公式（=cmd|' /C calc'!A0），不接受公式：请直接填写内容 / the cell holds a formula (=cmd|' /C calc'!A0); formulas are refused: type the value itself",
        "bad.xlsx!课程列表!V3: 不能小于 1 / must be at least 1",
        "2 个问题，未写入任何文件 / 2 problem(s), nothing written",
    ]
    assert tree_hash(catalogue_copy) == before and not (catalogue_copy / f"providers/{NEW}.yml").exists()
    not_a_file = run("scripts/sheets.py", "import", str(tmp_path / "missing.xlsx"), "--catalogue", str(catalogue_copy))
    assert not_a_file.returncode == 2 and "Traceback" not in not_a_file.stderr


def test_a_hundred_thousand_rows_stop_at_the_limit(catalogue):
    """Streamed and cut off: the rows kept are bounded by the limit, whatever the file holds."""
    book = openpyxl.Workbook()
    book.active.title = "填报数字"
    book.active.append(headers(openpyxl.load_workbook(io.BytesIO(saved(records.template(catalogue)["statistics.xlsx"]))), "填报数字"))
    book.active.append(["residents-in-community-education", 2000, 1, "统计"])
    row = book.active[2]  # openpyxl's own XML for one row, repeated 100,000 times (far faster than appending)
    one = (
        '<row r="{n}">'
        + "".join(
            f'<c r="{c.column_letter}{{n}}" t="inlineStr"><is><t>{c.value}</t></is></c>'
            if isinstance(c.value, str)
            else f'<c r="{c.column_letter}{{n}}"><v>{c.value}</v></c>'
            for c in row
            if c.value is not None
        )
        + "</row>"
    )
    rows = "".join(one.format(n=n) for n in range(2, 100_002))
    data = zip_edit(saved(book), "xl/worksheets/sheet1.xml", lambda xml: re.sub(r'<row r="2".*?</row>', lambda _: rows, xml))
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml").file_size > 15_000_000
    raw = workbook.read(data)
    assert len(raw[0].rows) == workbook.MAX_ROWS + 1 and raw[0].too_many_rows
    _, problems = records.import_workbook(data, "big.xlsx", CATALOGUE)
    assert [str(p) for p in problems] == [
        "big.xlsx!填报数字!A10002: 行数超过 10000：请分成几个文件导入 / more than 10000 rows: split it into several files",
    ]


def test_control_a_phone_with_a_plus_and_digits_typed_as_text_import_as_typed(filled_bytes):
    """The rule is not wider than formulas: +86 phones and 0573 numbers typed as text are kept as typed."""
    book = openpyxl.load_workbook(io.BytesIO(filled_bytes))
    text_cell(PROVIDERS, "公开联系方式·公开电话", "+86 573 8222 1234")(book)
    text_cell(COURSES, "课程编号", "2026")(book)
    texts, problems = records.import_workbook(saved(book), "f.xlsx", CATALOGUE)
    assert problems == []
    written = texts[f"providers/{NEW}.yml"]
    assert "  phone: +86 573 8222 1234\n" in written and '  - id: "2026"\n' in written


def test_the_template_formats_every_text_column_as_text(catalogue):
    """So that Excel keeps the 0 of 0573… typed in a phone or id cell (a General cell drops it)."""
    for name, template in records.template(catalogue).items():
        book = openpyxl.load_workbook(io.BytesIO(saved(template)))
        for kind in layout.KINDS:
            for sheet in layout.book(kind).sheets:
                if sheet.name not in book.sheetnames:
                    continue
                ws, offset = book[sheet.name], 1 if sheet.owner else 0
                formats = {column.kind: set() for column in sheet.columns}
                for index, column in enumerate(sheet.columns, start=1 + offset):
                    formats[column.kind].add(ws.column_dimensions[openpyxl.utils.get_column_letter(index)].number_format)
                assert formats.get(layout.TEXT, {"@"}) == {"@"} and formats.get(layout.TEXTS, {"@"}) == {"@"}, (name, sheet.name)
                assert layout.INTEGER not in formats or formats[layout.INTEGER] == {"0"}  # control: numbers stay numbers
                if sheet.owner:
                    assert ws.column_dimensions["A"].number_format == "@", (name, sheet.name)


def test_the_import_names_each_course_added_changed_and_removed(catalogue, catalogue_copy, tmp_path):
    """A cleared course row removes the course: the import says so, per record, before the file count."""
    pid = "haining-changan-adult-school"
    book = records.export(catalogue)[f"providers/{pid}.xlsx"]
    ws = book[COURSES]
    column = {c.value: c.column for c in ws[1]}
    kept, cleared = ws.cell(2, column["课程编号"]).value, ws.cell(3, column["课程编号"]).value
    titles = {c.id: c.title.zh for c in catalogue.providers[pid].courses}
    ws.cell(2, column["名额"]).value = 24
    for cell in ws[3]:
        cell.value = None  # the row cleared, as a secretary clears it
    add_row(ws, {"所属办学机构·机构编号": pid, **{ws.cell(1, c).value: ws.cell(4, c).value for c in range(2, ws.max_column + 1)}})
    new_row = ws.max_row
    ws.cell(new_row, column["课程编号"]).value = "new-course"
    sheet = tmp_path / "改.xlsx"
    book.save(sheet)
    result = run("scripts/sheets.py", "import", str(sheet), "--catalogue", str(catalogue_copy))
    assert result.returncode == 0, result.stderr
    file = f"providers/{pid}.yml"
    new_title = titles[ws.cell(4, column["课程编号"]).value]
    assert result.stdout.splitlines() == [
        f"{file}: 删除（课程列表）：{cleared}（{titles[cleared]}） / removed (courses): {cleared} ({titles[cleared]})",
        f"{file}: 修改（课程列表）：{kept}（{titles[kept]}），改了 名额 / changed (courses): {kept} ({titles[kept]}), in capacity",
        f"{file}: 新增（课程列表）：new-course（{new_title}） / added (courses): new-course ({new_title})",
        str(catalogue_copy / file),
        "已写入 1 个文件 / 1 file written",
        "注意：上面标为“删除”的 1 项在表格中没有了，导入会把它从目录中删掉。如果不是有意删除，请在表格中补回这一行后重新导入，并且不要提交这次改动。"
        " / note: the item marked removed above is no longer in the workbook, and the import deletes it from the catalogue."
        " If that was not meant, put the row back and import again, and do not commit this change.",
    ]
    assert f"id: {cleared}\n" not in (catalogue_copy / file).read_text(encoding="utf-8")  # it was removed indeed


def test_control_a_new_provider_is_named_once_with_its_courses_and_an_unchanged_sheet_names_nothing(catalogue, catalogue_copy):
    texts, problems = records.import_workbook(saved(filled(catalogue)), "f.xlsx", catalogue_copy)
    assert problems == [] and [str(c).split(": ", 1)[1] for c in summary.changes(texts, catalogue_copy)] == [
        "新增（办学机构）：nanhu-daqiao-test-community-school（测试社区学校） / added (Providers): nanhu-daqiao-test-community-school (测试社区学校)",
        "新增（课程列表）：tai-chi（太极拳） / added (courses): tai-chi (太极拳)",
        "新增（课程列表）：phone-basics（智能手机入门） / added (courses): phone-basics (智能手机入门)",
    ]
    pid = "haining-changan-adult-school"
    texts, problems = records.import_workbook(saved(records.export(catalogue)[f"providers/{pid}.xlsx"]), "a.xlsx", catalogue_copy)
    assert problems == [] and list(texts) == [f"providers/{pid}.yml"] and summary.changes(texts, catalogue_copy) == []


def test_a_figure_whose_value_changed_is_named_changed_not_removed(catalogue, catalogue_copy):
    """Rows without an id (figures) are matched by content, then by target and year."""
    book = records.export(catalogue)["statistics.xlsx"]
    ws = book["填报数字"]
    assert ws.cell(2, 2).value == catalogue.statistics[0].year and ws.cell(1, 3).value == "填报数值"
    ws.cell(2, 3).value = 99
    texts, problems = records.import_workbook(saved(book), "s.xlsx", catalogue_copy)
    first = catalogue.statistics[0]
    assert problems == [] and [str(c) for c in summary.changes(texts, catalogue_copy)] == [
        f"statistics.yml: 修改（填报数字）：{first.target} {first.year}，改了 填报数值 / changed (statistics): {first.target} {first.year}, in value"
    ]
