"""Read an .xlsx file a person sent, safely: nothing in it is run, nothing grows without bound.

An .xlsx is a zip of XML. Before openpyxl sees it, the zip's declared sizes are capped (a zip
bomb is refused unread; Python's zip reader never unpacks more than a member declares); openpyxl
parses the XML through defusedxml (installed with it), which refuses entity declarations (the
"billion laughs"). Sheets are streamed (read-only mode) and stop at a row limit. Formulas are
read as their text, never evaluated; the import refuses them.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass, field

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils import get_column_letter

# A term of a city's courses is a few thousand rows; far more is a mistake or an attack.
MAX_ROWS = 10_000
# Unpacked size of all the XML in the file: 10,000 rows of courses are about 15 MB.
MAX_UNPACKED = 100_000_000
MAX_MEMBERS = 1_000


@dataclass(frozen=True)
class Cell:
    ref: str  # "B7"
    value: object
    data_type: str  # openpyxl's: n number, s text, b bool, d date, f formula, e error


@dataclass
class RawSheet:
    """A sheet as read: its cells by row and column number, and the merged ranges."""

    name: str
    rows: dict[int, dict[int, Cell]] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)
    too_many_rows: bool = False


class Unreadable(Exception):
    """The file cannot be read as a workbook; args: message code and its arguments."""

    def __init__(self, code: str, **args):
        super().__init__(code)
        self.code, self.args_ = code, args


def check_zip(data: bytes) -> zipfile.ZipFile:
    """The file as a zip, or Unreadable when it is none or would unpack to too much."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise Unreadable("not_xlsx", detail=str(err) or type(err).__name__) from None
    size = sum(member.file_size for member in members)
    if size > MAX_UNPACKED or len(members) > MAX_MEMBERS:
        raise Unreadable("too_big_unpacked", size=size, limit=MAX_UNPACKED)
    return archive


def read(data: bytes) -> list[RawSheet]:
    """Every worksheet's cells; Unreadable when the file is not a safe, readable workbook."""
    check_zip(data)
    with warnings.catch_warnings():  # openpyxl warns of what it skips (extensions, odd dates): cells say enough
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
            return [_read_sheet(book, sheet) for sheet in book.worksheets]
        except Unreadable:
            raise
        except Exception as err:  # openpyxl says a malformed file in many ways; none is a traceback here
            if any(isinstance(cause, DefusedXmlException) for cause in _causes(err)):  # openpyxl wraps it
                raise Unreadable("unsafe_xml") from None
            raise Unreadable("not_xlsx", detail=type(err).__name__) from None


def _causes(err: BaseException | None):
    seen = 0
    while err is not None and seen < 20:
        yield err
        err, seen = err.__cause__ or err.__context__, seen + 1


def _read_sheet(book, sheet) -> RawSheet:
    # openpyxl's streaming parser, driven directly: it yields the rows, then reads the merged
    # ranges that follow them in the XML (its read-only worksheet does not keep them).
    from openpyxl.worksheet._reader import WorkSheetParser

    raw = RawSheet(sheet.title)
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source, sheet._shared_strings, data_only=False, epoch=book.epoch,
            date_formats=book._date_formats, timedelta_formats=book._timedelta_formats,
        )  # fmt: skip
        for number, cells in parser.parse():
            kept = {c["column"]: Cell(f"{get_column_letter(c['column'])}{number}", c["value"], c["data_type"]) for c in cells}
            kept = {column: cell for column, cell in kept.items() if cell.value is not None and str(cell.value).strip()}
            if not kept:
                continue
            if len(raw.rows) > MAX_ROWS:  # the header row and MAX_ROWS rows read: enough to say so
                raw.too_many_rows = True
                return raw
            raw.rows[number] = kept
        merged = getattr(parser, "merged_cells", None)
        raw.merged = [str(cell.ref) for cell in merged.mergeCell] if merged else []
    return raw
