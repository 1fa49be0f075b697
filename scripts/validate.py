#!/usr/bin/env python3
"""Check a catalogue folder and report every problem at once.

    python scripts/validate.py [DIR]

Each problem is one line, `PATH:LINE:COL: error: KEY: message`, in Chinese and English.
Exit status: 0 valid, 1 problems found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from learning_city.loader import load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the Learning City catalogue / 检查学习资源目录")
    parser.add_argument("catalogue", nargs="?", default="catalogue", help="catalogue folder (default: catalogue)")
    args = parser.parse_args(argv)
    root = Path(args.catalogue)
    if not root.is_dir():
        print(f"{root}: error: 目录不存在 / no such catalogue folder", file=sys.stderr)
        return 2
    try:
        catalogue, problems = load(root)
    except Exception as err:  # a bug of ours: say so in one line, never a traceback
        print(f"{root}: error: 程序内部错误，请报告 / internal error, please report it: {err!r}", file=sys.stderr)
        return 1
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} 个问题 / {len(problems)} problem(s)", file=sys.stderr)
        return 1
    courses = sum(len(p.courses) for p in catalogue.providers.values())
    print(
        f"目录有效 / catalogue valid: {len(catalogue.providers)} providers, {courses} courses, "
        f"{len(catalogue.venues)} venues, {len(catalogue.targets)} targets",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
