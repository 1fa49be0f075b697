#!/usr/bin/env python3
"""Tidy the catalogue's YAML files (key order, quoting, indentation), keeping every comment.

    python scripts/fmt.py [--check] [DIR]

With --check nothing is written: exit 1 and list the files that are not tidy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from learning_city.data.loader import catalogue_files
from learning_city.tools.fmt import tidy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report untidy files, change nothing")
    parser.add_argument("catalogue", nargs="?", default="catalogue")
    args = parser.parse_args(argv)
    root = Path(args.catalogue)
    untidy = []
    for path in catalogue_files(root):
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8-sig")
        try:
            tidied = tidy(text, path.relative_to(root).as_posix())
        except Exception as err:  # a file YAML cannot read: the validator explains it
            print(f"{path}: error: 无法整理，请先运行 validate / cannot tidy, run validate first: {type(err).__name__}")
            return 1
        if tidied != text:
            untidy.append(path)
            if not args.check:
                path.write_text(tidied, encoding="utf-8")
    for path in untidy:
        print(f"{path}: {'未整理 / not tidy' if args.check else '已整理 / tidied'}")
    return 1 if args.check and untidy else 0


if __name__ == "__main__":
    sys.exit(main())
