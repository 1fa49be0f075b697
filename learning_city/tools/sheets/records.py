"""Catalogue records as workbook rows and back: the template, the export and the import.

Export and import are each other's inverse on a valid catalogue: a cell left blank is a key the
file does not have, so a record exported and imported again is written byte for byte as it was.
The import reads every cell, then checks the records with the validator itself (the catalogue is
copied to a scratch folder with the new files in it and loaded), and maps each problem back to the
cell it came from. Nothing is written unless there is no problem at all.

Cells are read as typed, never evaluated: a formula is refused, and so is text a spreadsheet would
take for one (`+cmd|…`, `@SUM(…)`: data/formulas.py, the rule the open data's CSV files follow). A
number in a text column is refused (a General cell turns 0573… into 573… and rounds long numbers):
the template's text columns are formatted as text, so that a typed 0 stays. A date cell holds a date (Excel
stores dates as numbers with a date format, which openpyxl converts); a plain number in a date or
time column (a serial pasted into a General cell, or 20260901 typed) is refused with its own
message rather than converted, because it is as likely a slip as a date. Full-width digits and
colons are left for the validator, which names them (`１８：３０` → 18:30) at the cell.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import coordinate_to_tuple, get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from learning_city import i18n
from learning_city.data import loader
from learning_city.data.catalogue import Catalogue
from learning_city.data.characters import visible
from learning_city.data.formulas import looks_like_formula
from learning_city.data.model import SLUG
from learning_city.data.problems import Problem, dotted, reference
from learning_city.tools.sheets import layout as lay
from learning_city.tools.sheets import workbook, yamlout
from learning_city.tools.sheets.layout import Book, Column, Sheet

ABSENT = object()  # a blank cell: the key is not in the record
YES, NO = "是", "否"
TRUE_WORDS, FALSE_WORDS = {YES, "true", "TRUE", "True"}, {NO, "false", "FALSE", "False"}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HELP = Font(italic=True, color="555555")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def strings(key: str) -> str:
    return i18n.strings()[f"sheets.{key}"]["zh"]


@dataclass(frozen=True, order=True)
class SheetProblem:
    """A problem at a cell: printed `FILE!SHEET!CELL: 中文 / English`."""

    order: tuple  # (sheet number, row, column): problems print in the order of the workbook
    file: str
    sheet: str
    cell: str
    code: str
    args: dict = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        message = Problem(self.file, 0, 0, "", self.code, self.args).message()
        return f"{visible(self.file)}!{visible(self.sheet)}!{self.cell}: {message}"


# --- names of the records a cell may point at -----------------------------------------------


def reference_labels(catalogue: Catalogue) -> dict[str, dict[str, str]]:
    """For each kind of reference, id -> the Chinese name a cell shows (the id where names repeat)."""
    regions = {}  # each county followed by its towns, as a drop-down lists them
    for county in catalogue.regions.counties:
        regions[county.id] = county.name.zh
        regions |= {town.id: county.name.zh + town.name.zh for town in county.towns}
    labels = {
        "region": regions,
        "provider": {pid: p.name.zh for pid, p in catalogue.providers.items()},
        "venue": {vid: v.name.zh for vid, v in catalogue.venues.items()},
        "target": {t.id: t.title.zh for t in catalogue.targets},
    }
    for kind, names in labels.items():
        seen = [name for name in names.values()]
        labels[kind] = {key: (name if seen.count(name) == 1 and not re.fullmatch(SLUG, name) else key) for key, name in names.items()}
    return labels


# --- export: a value of the record as a cell ---------------------------------------------


def to_cell(column: Column, value, labels: dict) -> object:
    if isinstance(value, Enum):
        value = value.value
    if column.kind == lay.BOOL:
        return YES if value else NO
    if column.kind == lay.CLOCK:
        hour, minute = value.split(":")  # a catalogue clock, HH:MM
        return dt.time(int(hour), int(minute))
    if column.kind == lay.CHOICE:
        return column.choices.get(value, value)
    if column.kind == lay.CHOICES:
        return lay.SEPARATOR.join(column.choices.get(getattr(v, "value", v), str(v)) for v in value)
    if column.kind in (lay.TEXTS, lay.DATES):
        return lay.SEPARATOR.join(v.isoformat() if isinstance(v, dt.date) else str(v) for v in value)
    if column.kind in (lay.INTEGER, lay.NUMBER) and isinstance(value, float) and value.is_integer():
        return int(value)
    if column.reference and column.reference in labels:
        return labels[column.reference].get(value, value)
    return value


def _get(data: dict, path: tuple):
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return ABSENT
        data = data[part]
    return ABSENT if data is None else data


def rows_of(book: Book, records: list[dict], labels: dict) -> dict[str, list[list]]:
    """Each sheet's rows (cell values, None for blank) for records given as plain data."""
    rows: dict[str, list[list]] = {sheet.name: [] for sheet in book.sheets}
    for record in records:
        for sheet in book.sheets:
            items = [record] if not sheet.field else (_get(record, sheet.field) or [])
            for item in items if items is not ABSENT else []:
                row = [] if sheet.owner is None else [record["id"]]
                for column in sheet.columns:
                    value = _get(item, column.path)
                    row.append(None if value is ABSENT else to_cell(column, value, labels))
                if book.folder and not sheet.field:
                    row.append(record["id"])  # the hidden original id
                rows[sheet.name].append(row)
    return rows


# --- writing a workbook --------------------------------------------------------------------


def _header(sheet: Sheet) -> list[str]:
    return ([sheet.owner] if sheet.owner else []) + [column.header for column in sheet.columns]


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def write_workbook(books: list[Book], rows: dict[str, list[list]], labels: dict) -> Workbook:
    """A workbook with the instructions, every sheet of the books with its rows, and the lists
    its drop-downs offer (on a hidden sheet)."""
    wb = Workbook()
    guide = wb.worksheets[0]  # a new workbook's one sheet
    guide.title = strings("guide_sheet")
    for number, line in enumerate(strings("guide").splitlines(), start=1):
        guide.cell(number, 1, line)
    guide.column_dimensions["A"].width = 120
    lists = wb.create_sheet(strings("lists_sheet"))
    lists.sheet_state = "hidden"
    list_ranges: dict[tuple, str] = {}

    def list_range(key: tuple, values: list[str]) -> str:
        if key not in list_ranges:
            col = len(list_ranges) + 1
            lists.cell(1, col, " ".join(map(str, key)))
            for row, value in enumerate(values, start=2):
                _text(lists.cell(row, col), value)
            letter = get_column_letter(col)
            list_ranges[key] = f"{_quoted(lists.title)}!${letter}$2:${letter}${max(len(values), 1) + 1}"
        return list_ranges[key]

    last = workbook.MAX_ROWS + 1
    for book in books:
        for sheet in book.sheets:
            ws = wb.create_sheet(sheet.name)
            headers = _header(sheet)
            offset = 1 if sheet.owner else 0
            for col, header in enumerate(headers, start=1):
                cell = ws.cell(1, col, header)
                cell.font, cell.fill = Font(bold=True), HEADER_FILL
                ws.column_dimensions[get_column_letter(col)].width = max(12, 2 * len(header) + 2)
            ws.freeze_panes = "B2"
            if sheet.owner:
                top = book.sheets[0]
                ws.cell(1, 1).comment = Comment(f"{top.columns[0].help}", "make template")
                ws.column_dimensions["A"].number_format = "@"  # an id: text, as the id column it names
                _list(ws, 1, f"{_quoted(top.name)}!$A$2:$A${last}", last)
            for index, column in enumerate(sheet.columns, start=1 + offset):
                letter = get_column_letter(index)
                note = f"{column.english}\n{column.help}\n({column.key})"
                if column.kind == lay.CHOICES:
                    note += "\n" + strings("several") + lay.SEPARATOR.join(column.choices.values())
                ws.cell(1, index).comment = Comment(note, "make template")
                ws.column_dimensions[letter].number_format = _FORMATS.get(column.kind, "@")
                if column.kind == lay.CHOICE:
                    _list(ws, index, list_range(("choice", column.key), list(column.choices.values())), last)
                elif column.kind == lay.BOOL:
                    _list(ws, index, list_range(("bool",), [YES, NO]), last)
                elif column.reference == "term" and book.sheet(term_sheet(book)):
                    _list(ws, index, f"{_quoted(term_sheet(book))}!$B$2:$B${last}", last)
                elif column.reference in labels:
                    _list(ws, index, list_range(("ref", column.reference), list(labels[column.reference].values())), last)
                elif column.kind == lay.CHOICES:
                    hint = DataValidation(allow_blank=True, showInputMessage=True)
                    hint.prompt = (strings("several") + lay.SEPARATOR.join(column.choices.values()))[:250]
                    hint.add(f"{letter}2:{letter}{last}")
                    ws.add_data_validation(hint)
            if book.folder and not sheet.field:  # the hidden original id: a row from the catalogue keeps its id
                col = len(headers) + 1
                ws.cell(1, col, strings("original")).font = HELP
                ws.column_dimensions[get_column_letter(col)].hidden = True
            for row_number, row in enumerate(rows.get(sheet.name, []), start=2):
                for col, value in enumerate(row, start=1):
                    if value is not None:
                        cell = ws.cell(row_number, col)
                        _put(cell, value, sheet.columns[col - 1 - offset] if offset < col <= offset + len(sheet.columns) else None)
    return wb


_FORMATS = {lay.DATE: "yyyy-mm-dd", lay.CLOCK: "hh:mm", lay.INTEGER: "0", lay.NUMBER: "General", lay.BOOL: "@"}


def term_sheet(book: Book) -> str:
    """The sheet of a provider's terms, which a course's term names."""
    return next((sheet.name for sheet in book.sheets if sheet.field == ("terms",)), "")


def _text(cell, value: str) -> None:
    """A text cell that stays text: openpyxl takes a string starting with = for a formula."""
    cell.value = value
    cell.data_type = "s"
    cell.number_format = "@"


def _put(cell, value, column: Column | None) -> None:
    if isinstance(value, str):
        _text(cell, value)
        return
    cell.value = value
    if column is not None:
        cell.number_format = _FORMATS.get(column.kind, "General")


def _list(ws, col: int, source: str, last: int) -> None:
    letter = get_column_letter(col)
    rule = DataValidation(type="list", formula1=f"={source}", allow_blank=True, showErrorMessage=True)
    rule.error = "请从下拉列表中选择 / choose from the list"
    rule.add(f"{letter}2:{letter}{last}")
    ws.add_data_validation(rule)


# --- import: a cell as a value of the record ------------------------------------------------


class CellError(Exception):
    def __init__(self, code: str, **args):
        super().__init__(code)
        self.code, self.args_ = code, args


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(f"[{lay.SEPARATORS}]", text) if part.strip()]


def _choice(column: Column, text: str) -> str:
    by_label = {label: value for value, label in column.choices.items()}
    text = text.strip()
    if text in by_label or text in column.choices:
        return by_label.get(text, text)
    choices = lay.SEPARATOR.join(column.choices.values())  # the cell's own words, in both halves
    raise CellError("bad_choice", choices=choices, choices_en=choices)


# Tab and line ends echoed in a message as escapes: the report stays one line per problem.
_SHOWN = str.maketrans({"\t": "\\t", "\r": "\\r", "\n": "\\n"})


def _number(value: int | float) -> str:
    """A number as the cell holds it, without a float's .0."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def from_cell(column: Column, cell: workbook.Cell, ids: dict) -> object:
    """The record's value for a cell, or CellError naming what is wrong with it."""
    value, kind = cell.value, column.kind
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        raise CellError("formula", value=str(value)[:40])
    if isinstance(value, str) and looks_like_formula(value):  # + - @ …: text a spreadsheet would run (data/formulas.py)
        raise CellError("formula_text", value=value[:40].translate(_SHOWN))
    if cell.data_type == "e":
        raise CellError("error_cell", value=value)
    if isinstance(value, str) and not value.strip():
        return ABSENT
    if kind == lay.BOOL:
        text = str(value).strip() if not isinstance(value, bool) else None
        if isinstance(value, bool):
            return value
        if text in TRUE_WORDS or text in FALSE_WORDS:
            return text in TRUE_WORDS
        raise CellError("yes_no_cell")
    if kind == lay.DATE:
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0):
                raise CellError("bad_date", value=value.isoformat(sep=" "))
            return value.date()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise CellError("number_for_date", value=value)
        if isinstance(value, dt.time):
            raise CellError("bad_date", value=value.isoformat())
        return str(value).strip()
    if kind == lay.CLOCK:
        if isinstance(value, dt.timedelta) and value < dt.timedelta(days=1):
            value = (dt.datetime.min + value).time()
        if isinstance(value, dt.time):
            if value.second or value.microsecond:
                raise CellError("clock", value=value.isoformat())
            return f"{value.hour:02}:{value.minute:02}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise CellError("number_for_clock", value=value)
        if isinstance(value, (dt.datetime, dt.timedelta)):
            raise CellError("clock", value=str(value))
        return str(value).strip().strip("\"'“”‘’")  # the field's help says to quote a time in YAML: quotes typed here are dropped
    if kind in (lay.INTEGER, lay.NUMBER):
        if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
            raise CellError("expected_number")
        if isinstance(value, str) and NUMBER.match(value.strip()):
            value = float(value) if "." in value else int(value)
        return int(value) if isinstance(value, float) and value.is_integer() else value
    if kind == lay.CHOICE:
        return _choice(column, str(value))
    if kind == lay.CHOICES:
        return [_choice(column, part) for part in _split(str(value))] or ABSENT
    if kind == lay.DATES:
        if isinstance(value, dt.datetime):
            return [value.date()]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise CellError("number_for_date", value=value)
        return _split(str(value)) or ABSENT
    if kind == lay.TEXTS:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise CellError("number_for_text", value=_number(value))
        return _split(str(value)) or ABSENT
    # text
    if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
        raise CellError("expected_text")
    if isinstance(value, (int, float)):  # a General cell: 0573… became 573…, a long number was rounded
        raise CellError("number_for_text", value=_number(value))
    text = str(value)
    if column.reference is not None and column.reference in ids:
        names = ids[column.reference]
        if text.strip() in names or text.strip() in names.values():
            return names.get(text.strip(), text.strip())
        raise CellError("unknown_ref", **reference(column.reference), value=text)
    return text


def _put_path(data: dict, path: tuple, value) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


# --- import: sheets to records -----------------------------------------------------------


@dataclass
class Reading:
    """What the import gathered: files to write, and problems."""

    files: dict[str, dict] = field(default_factory=dict)  # catalogue file -> data
    models: dict[str, type] = field(default_factory=dict)
    cells: dict[str, dict[str, tuple]] = field(default_factory=dict)  # file -> dotted loc -> (sheet, ref, order)
    problems: list[SheetProblem] = field(default_factory=list)


def _columns_of(sheet: Sheet, header: dict[int, workbook.Cell], display: str, order: int, reading: Reading, optional: set) -> dict:
    """Header text -> column number; missing, unknown and repeated headers are problems."""
    found: dict[str, int] = {}
    for col, cell in sorted(header.items()):
        text = str(cell.value).strip()
        if text in found:
            reading.problems.append(SheetProblem((order, 1, col), display, sheet.name, cell.ref, "duplicate_column", {"value": text}))
        found.setdefault(text, col)
    expected = _header(sheet)
    for text, col in found.items():
        if text not in expected and text not in optional:
            guess = difflib.get_close_matches(text, expected, n=1)
            args = {
                "value": text,
                "hint": f"，是否应为“{guess[0]}”？" if guess else "",
                "hint_en": f"; did you mean '{guess[0]}'?" if guess else "",
            }
            reading.problems.append(SheetProblem((order, 1, col), display, sheet.name, header[col].ref, "unknown_column", args))
    free = get_column_letter(max(header, default=0) + 1)
    for text in expected:
        if text not in found:
            reading.problems.append(SheetProblem((order, 1, 0), display, sheet.name, f"{free}1", "missing_column", {"value": text}))
    return found


def read_books(data: bytes, display: str, labels: dict) -> Reading:
    """The records a workbook holds, with every problem found in its cells."""
    reading = Reading()
    try:
        raw_sheets = workbook.read(data)
    except workbook.Unreadable as err:
        reading.problems.append(SheetProblem((0, 0, 0), display, "-", "-", err.code, err.args_))
        return reading
    ids = {kind: {label: key for key, label in names.items()} for kind, names in labels.items()}
    books = [lay.book(kind) for kind in lay.KINDS]
    known = {sheet.name: (book, sheet) for book in books for sheet in book.sheets}
    skipped = {strings("guide_sheet"), strings("lists_sheet")}
    by_name = {raw.name: (order, raw) for order, raw in enumerate(raw_sheets, start=1)}
    for order, raw in by_name.values():
        if raw.name not in known and raw.name not in skipped:
            reading.problems.append(
                SheetProblem((order, 0, 0), display, raw.name, "A1", "unknown_sheet", {"value": raw.name, "names": "、".join(known)})
            )
    present = [book for book in books if any(sheet.name in by_name for sheet in book.sheets)]
    if not present:
        reading.problems.append(SheetProblem((0, 0, 0), display, "-", "-", "nothing_to_import"))
    for book in present:
        missing = [sheet.name for sheet in book.sheets if sheet.name not in by_name]
        for name in missing:
            reading.problems.append(SheetProblem((0, 0, 0), display, name, "A1", "no_sheet", {"value": name}))
        if not missing:
            _read_book(book, by_name, display, ids, reading)
    return reading


def _read_book(book: Book, by_name: dict, display: str, ids: dict, reading: Reading) -> None:
    records: dict[str, dict] = {}  # id -> data, for a folder of records; "" for a single file
    first_cell: dict[str, str] = {}
    item_ids: dict[tuple, str] = {}  # (sheet, owner, id) -> the cell that gave it first
    refused: set[str] = set()  # records already refused: their rows on other sheets add nothing
    single = "" if book.folder else f"{book.kind}.yml"
    if single:
        records[single] = {}
        reading.cells[single] = {}
    for sheet in book.sheets:
        order, raw = by_name[sheet.name]
        problems_before = len(reading.problems)
        optional = {strings("original")} if book.folder and not sheet.field else set()
        header = raw.rows.get(1, {})
        columns = _columns_of(sheet, header, display, order, reading, optional)
        if raw.too_many_rows:
            reading.problems.append(
                SheetProblem((order, 0, 0), display, sheet.name, f"A{workbook.MAX_ROWS + 2}", "too_many_rows", {"limit": workbook.MAX_ROWS})
            )
        if len(reading.problems) > problems_before:
            continue  # rows read against a wrong header would only add confusion
        for ref in raw.merged:
            row, col = coordinate_to_tuple(ref.split(":")[0])
            reading.problems.append(SheetProblem((order, row, col), display, sheet.name, ref.split(":")[0], "merged", {"value": ref}))
        owner_col = columns.get(sheet.owner) if sheet.owner else None
        for number, cells in sorted(raw.rows.items()):
            if number == 1:
                continue

            def problem(col: int, ref: str, code: str, **args) -> None:
                reading.problems.append(SheetProblem((order, number, col), display, sheet.name, ref, code, args))  # noqa: B023

            item: dict = {}
            at: dict[tuple, tuple] = {}
            for column in sheet.columns:
                col = columns[column.header]
                ref = f"{get_column_letter(col)}{number}"
                at[column.path] = (sheet.name, ref, (order, number, col))
                cell = cells.get(col)
                if cell is None:
                    continue
                try:
                    value = from_cell(column, cell, ids)
                except CellError as err:
                    problem(col, ref, err.code, **err.args_)
                    continue
                if value is not ABSENT:
                    _put_path(item, column.path, value)
            row_ref = f"A{number}"
            if not sheet.field:  # a record of its own: its id names its file
                id_column = sheet.columns[0]
                rid = item.get("id")
                where = at[id_column.path]
                if rid is None or not isinstance(rid, str) or not re.fullmatch(SLUG, rid):
                    problem(where[2][2], where[1], "missing" if rid is None else "slug", value=str(rid))
                    continue
                if rid in records:
                    problem(where[2][2], where[1], "duplicate_id", value=rid, first=first_cell[rid])
                    continue
                target = f"{book.kind}/{rid}.yml"
                old_col = columns.get(strings("original"))
                old = cells.get(old_col) if old_col else None
                was = str(old.value).strip() if old is not None else ""
                if was and was != rid:  # ids are addresses and references: a rename is a maintainer's change
                    problem(where[2][2], where[1], "id_changed", value=rid, old=was)
                    refused.add(rid)
                    continue
                if not was and rid in ids.get(book.kind[:-1], {}).values():  # a new row would overwrite a record
                    problem(where[2][2], where[1], "duplicate_id", value=rid, first=target)
                    refused.add(rid)
                    continue
                records[rid] = item
                first_cell[rid] = f"{sheet.name}!{where[1]}"
                reading.cells[target] = {"": (sheet.name, row_ref, (order, number, 0))} | _places((), at)
                continue
            if single:
                owner = single
            else:
                assert owner_col is not None  # a sheet of items has its owner's column: _columns_of checked the header
                owner_cell = cells.get(owner_col)
                owner = str(owner_cell.value).strip() if owner_cell is not None else ""
                if owner not in records:
                    ref = f"{get_column_letter(owner_col)}{number}"
                    if owner in refused:
                        pass
                    elif owner_cell is None:
                        problem(owner_col, ref, "missing")
                    elif owner in ids.get(book.kind[:-1], {}).values():  # in the catalogue, not in this workbook
                        problem(owner_col, ref, "owner_not_in_book", value=owner, sheet=book.sheets[0].name)
                    elif re.fullmatch(SLUG, owner) and owner not in first_cell:
                        problem(owner_col, ref, "unknown_ref", **reference(book.kind[:-1]), value=owner)
                    continue
            items = records[owner].setdefault(sheet.field[-1], [])
            target = single or f"{book.kind}/{owner}.yml"
            if isinstance(item.get("id"), str):  # a course id twice in one provider: named by the first cell
                where = at[("id",)]
                first = item_ids.setdefault((sheet.name, owner, item["id"]), f"{sheet.name}!{where[1]}")
                if first != f"{sheet.name}!{where[1]}":
                    problem(where[2][2], where[1], "duplicate_id", value=item["id"], first=first)
            loc = sheet.field + (len(items),)
            items.append(item)
            reading.cells[target][dotted(loc)] = (sheet.name, row_ref, (order, number, 0))
            reading.cells[target] |= _places(loc, at)
    for rid, data in records.items():
        target = single or f"{book.kind}/{rid}.yml"
        reading.files[target] = data
        reading.models[target] = book.model


def _places(loc: tuple, at: dict[tuple, tuple]) -> dict[str, tuple]:
    """Dotted key -> cell for a row's columns; a nested part (`title`, `schedule.dates`) is placed
    at its first column, where a problem with the whole part (missing) is shown."""
    places: dict[str, tuple] = {}
    for path, place in at.items():
        for end in range(1, len(path)):
            places.setdefault(dotted(loc + path[:end]), place)
        places[dotted(loc + path)] = place
    return places


def _place(cells: dict[str, tuple], key: str) -> tuple | None:
    """The cell of a dotted key, or of its nearest ancestor that has one."""
    while True:
        if key in cells:
            return cells[key]
        if not key:
            return None
        key = re.sub(r"(\[\d+\]|\.?[^.\[]+)$", "", key)


# Files parsed by content: the scratch copy parses again only the files the import writes.
_PARSED: loader.Cache = {}


def import_workbook(data: bytes, display: str, root: Path) -> tuple[dict[str, str], list[SheetProblem]]:
    """The catalogue files a filled workbook gives (relative path -> text), checked by the validator
    on a scratch copy of the catalogue; or every problem found."""
    catalogue, problems = loader.load(root, cache=_PARSED)
    if catalogue is None:
        return {}, [SheetProblem((0, 0, 0), str(p.path), "-", f"{p.line}:{p.col}", p.code, p.args) for p in problems]
    reading = read_books(data, display, reference_labels(catalogue))
    texts: dict[str, str] = {}
    for target, record in reading.files.items():
        path = root / target
        existing = path.read_text(encoding="utf-8-sig") if path.is_file() else None
        texts[target] = yamlout.write(record, reading.models[target], target, existing)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "catalogue"
        shutil.copytree(root, copy, symlinks=True)
        for target, text in texts.items():
            (copy / target).write_text(text, encoding="utf-8")
        _, found = loader.load(copy, cache=_PARSED)
        taken = {(p.sheet, p.cell) for p in reading.problems}
        for problem in found:
            if problem.severity != "error":
                continue
            target = Path(problem.path).relative_to(copy).as_posix() if Path(problem.path).is_relative_to(copy) else problem.path
            problem = dataclasses.replace(problem, args={k: str(v).replace(f"{copy}{os.sep}", "") for k, v in problem.args.items()})
            place = _place(reading.cells.get(target, {}), problem.key)
            if place is None:  # a problem elsewhere in the catalogue: named by its file and line
                reading.problems.append(SheetProblem((0, 0, 0), target, "-", f"{problem.line}:{problem.col}", problem.code, problem.args))
            elif (place[0], place[1]) not in taken:
                taken.add((place[0], place[1]))
                reading.problems.append(SheetProblem(place[2], display, place[0], place[1], problem.code, problem.args))
    if reading.problems:
        return {}, sorted(reading.problems)
    return texts, []


# --- what the commands write ---------------------------------------------------------------


def _plain(record) -> dict:
    return record.model_dump(mode="python", exclude_unset=True)


def template(catalogue: Catalogue) -> dict[str, Workbook]:
    """An empty workbook per record kind, named by kind."""
    labels = reference_labels(catalogue)
    return {f"{kind}.xlsx": write_workbook([lay.book(kind)], {}, labels) for kind in lay.KINDS}


def export(catalogue: Catalogue) -> dict[str, Workbook]:
    """The catalogue as workbooks: one per provider, one per county (its providers and venues),
    and the bureau's figures; keyed by a relative file name."""
    labels = reference_labels(catalogue)
    providers, venues, stats = (lay.book(kind) for kind in lay.KINDS)
    books: dict[str, Workbook] = {}
    for pid, provider in catalogue.providers.items():
        books[f"providers/{pid}.xlsx"] = write_workbook([providers], rows_of(providers, [_plain(provider)], labels), labels)
    for county in catalogue.regions.counties:
        mine = [_plain(p) for p in catalogue.providers.values() if catalogue.county_of(p.region) is county]
        places = [_plain(v) for v in catalogue.venues.values() if catalogue.county_of(v.region) is county]
        rows = rows_of(providers, mine, labels) | rows_of(venues, places, labels)
        books[f"counties/{county.id}.xlsx"] = write_workbook([providers, venues], rows, labels)
    figures = {"statistics": [_plain(s) for s in catalogue.statistics]}
    books["statistics.xlsx"] = write_workbook([stats], rows_of(stats, [figures], labels), labels)
    return books
