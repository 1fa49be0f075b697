#!/usr/bin/env python3
"""Spreadsheets for loading catalogue records in bulk.

    python scripts/sheets.py template [--out sheets/template] [--catalogue catalogue]
    python scripts/sheets.py export [--out sheets] [--catalogue catalogue]
    python scripts/sheets.py import FILE.xlsx [--catalogue catalogue]

`template` writes an empty workbook per record kind, `export` the catalogue as workbooks (one per
provider, one per county, and the bureau's figures), `import` writes a filled workbook's records
into the catalogue in its canonical form. Every problem is printed as FILE!SHEET!CELL: message,
in Chinese and English, and then nothing is written. Exit status: 0 done, 1 problems, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from learning_city.data.characters import visible
from learning_city.data.loader import load
from learning_city.i18n import counted, t
from learning_city.tools.sheets import records, summary, workbook


def _catalogue(root: Path):
    catalogue, problems = load(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    return catalogue


def _save(books: dict, out: Path) -> None:
    for name, book in books.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        print(f"{path}")


def both(key: str, count: int) -> str:
    """A count in both languages, each in the form for its number."""
    return f"{counted(key, count, 'zh')} / {counted(key, count, 'en')}"


def _import(file: Path, root: Path) -> int:
    try:
        with file.open("rb") as stream:
            data = stream.read(workbook.MAX_UNPACKED + 1)
    except OSError as err:
        print(f"{visible(str(file))}: error: 无法读取 / cannot be read: {err.strerror}", file=sys.stderr)
        return 2
    if len(data) > workbook.MAX_UNPACKED:
        problem = records.SheetProblem(
            (0, 0, 0), file.name, "-", "-", "too_big_unpacked", {"size": len(data), "limit": workbook.MAX_UNPACKED}
        )
        print(problem, file=sys.stderr)
        return 1
    texts, problems = records.import_workbook(data, file.name, root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} 个问题，未写入任何文件 / {len(problems)} problem(s), nothing written", file=sys.stderr)
        return 1
    changed = {
        target: text
        for target, text in texts.items()
        if not (root / target).is_file() or (root / target).read_text(encoding="utf-8") != text
    }
    found = summary.changes(changed, root)  # before writing: what is there now
    for line in found:  # record by record: a course whose row was cleared is named as removed
        print(line)
    for target, text in changed.items():
        (root / target).write_text(text, encoding="utf-8")
        print(f"{root / target}")
    # a secretary who sees nothing printed wonders whether anything happened
    written = len(changed)
    print(both("sheets.written", written) if written else f"{t('sheets.unchanged', 'zh')} / {t('sheets.unchanged', 'en')}")
    removed = sum(change.kind == "removed" for change in found)
    if removed:
        print(both("sheets.summary_removed_note", removed))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["template", "export", "import"])
    parser.add_argument("file", nargs="?", type=Path, help="the workbook to import")
    parser.add_argument("--catalogue", type=Path, default=Path("catalogue"))
    parser.add_argument("--out", type=Path, help="folder for the workbooks (template: sheets/template, export: sheets)")
    args = parser.parse_args(argv)
    if args.command == "import":
        if args.file is None:
            parser.error("import needs a FILE / 请给出要导入的文件：make import FILE=x.xlsx")
        return _import(args.file, args.catalogue)
    catalogue = _catalogue(args.catalogue)
    if catalogue is None:
        return 1
    if args.command == "template":
        _save(records.template(catalogue), args.out or Path("sheets/template"))
    else:
        _save(records.export(catalogue), args.out or Path("sheets"))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as err:  # a bug of ours: one line, never a traceback
        print(f"error: 程序内部错误 / internal error: {type(err).__name__}: {visible(str(err))}", file=sys.stderr)
        sys.exit(1)
