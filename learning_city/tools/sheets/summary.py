"""What an import changes, record by record, in Chinese and English: a secretary who cleared a
course's row sees that the course is about to disappear, not only "1 file written".

Each file the import writes is compared with the file as it is now, sheet by sheet as the workbook
shows it: the record itself (added, or the columns that changed), and each row of its other sheets
(a course, a term, a closure) added, changed (with the columns that changed) or removed. Rows with
an id (courses, terms, projects) are matched by id; rows without one (plaques, opening hours,
figures) by their content, then by their first two cells (a figure's target and year): a row
changed in those shows as removed and added.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from learning_city.data.characters import visible
from learning_city.data.yamlfile import parse
from learning_city.i18n import t
from learning_city.tools.sheets import layout as lay
from learning_city.tools.sheets.layout import Sheet

Kind = Literal["added", "changed", "removed"]
_ABSENT = object()


@dataclass(frozen=True)
class Change:
    """One record or row the import adds, changes or removes."""

    file: str  # the catalogue file, relative to the catalogue
    kind: Kind
    sheet: str  # the sheet's name, as the workbook shows it
    sheet_en: str
    name: str  # the row's id, or its first cells
    title: str = ""  # its Chinese title or name, if it has one
    fields: tuple[str, ...] = ()  # the headers of the columns that changed
    keys: tuple[str, ...] = ()  # the same columns as the file's keys

    def __str__(self) -> str:
        key = f"sheets.summary_{self.kind}"
        zh = t(key, "zh", sheet=self.sheet, name=f"{self.name}（{self.title}）" if self.title else self.name, fields="、".join(self.fields))
        en = t(
            key,
            "en",
            sheet_en=self.sheet_en,
            name=f"{self.name} ({self.title})" if self.title else self.name,
            fields_en=", ".join(self.keys),
        )
        return f"{visible(self.file)}: {visible(zh)} / {visible(en)}"


def changes(texts: dict[str, str], root: Path) -> list[Change]:
    """What writing `texts` (catalogue file -> its new text) into the catalogue at `root` changes."""
    found: list[Change] = []
    for target, text in sorted(texts.items()):
        path = root / target
        old = parse(path.read_bytes(), target).data if path.is_file() else None
        new = parse(text.encode("utf-8"), target).data
        book = lay.book(target.split("/")[0] if "/" in target else Path(target).stem)
        for sheet in book.sheets:
            found += _sheet(target, sheet, _rows(old, sheet), _rows(new, sheet))
    return found


def _rows(data: object, sheet: Sheet) -> list[dict]:
    """The rows a sheet shows of a file's data: the record itself, or the items of one of its lists."""
    if not isinstance(data, dict):
        return []
    if not sheet.field:
        return [data]
    items = _get(data, sheet.field)
    return [item if isinstance(item, dict) else {"zh": item} for item in items] if isinstance(items, list) else []


def _get(data: object, path: tuple):
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return _ABSENT
        data = data[part]
    return data


def _sheet(file: str, sheet: Sheet, old: list[dict], new: list[dict]) -> list[Change]:
    english = sheet.english or sheet.field[-1]
    if not sheet.field or "id" in sheet.model.model_fields:  # matched by id (the record itself has one too)
        before, after = {str(row.get("id")): row for row in old}, {str(row.get("id")): row for row in new}
    else:  # matched by content, then a row left on each side by its name (a figure: its target and year)
        before, after = {repr(row): row for row in old}, {repr(row): row for row in new}
        gone = {_name(sheet, row): key for key, row in before.items() if key not in after}
        for key, row in list(after.items()):
            if key not in before and gone.get(_name(sheet, row)):
                before[key] = before.pop(gone.pop(_name(sheet, row)))
    found = []
    for key in [k for k in before if k not in after]:
        found.append(Change(file, "removed", sheet.name, english, *_name(sheet, before[key])))
    for key, row in after.items():
        if key not in before:
            found.append(Change(file, "added", sheet.name, english, *_name(sheet, row)))
            continue
        differ = [column for column in sheet.columns if _get(before[key], column.path) != _get(row, column.path)]
        if differ:
            headers, keys = tuple(c.header for c in differ), tuple(c.key for c in differ)
            found.append(Change(file, "changed", sheet.name, english, *_name(sheet, row), headers, keys))
    return found


def _name(sheet: Sheet, row: dict) -> tuple[str, str]:
    """A row as a person recognises it: its id and Chinese title or name, else its first two cells."""
    title = next((str(row[k]["zh"]) for k in ("title", "name") if isinstance(row.get(k), dict) and row[k].get("zh")), "")
    if "id" in row:
        return str(row["id"]), title
    cells = [_get(row, column.path) for column in sheet.columns[:2]]
    shown = ["、".join(map(str, c)) if isinstance(c, list) else str(c) for c in cells if c is not _ABSENT and c is not None]
    return " ".join(shown), title
