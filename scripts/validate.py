#!/usr/bin/env python3
"""Check a catalogue folder and report every problem at once.

    python scripts/validate.py [--format text|github] [--today YYYY-MM-DD] [DIR]

Each problem is one line, `PATH:LINE:COL: error: KEY: message`, in Chinese and English;
`--format github` prints GitHub Actions annotations instead, shown on the changed lines of
a pull request. Warnings (no English, enrolment closed, not checked for a year) never fail.
Exit status: 0 valid, 1 errors found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from learning_city.loader import load
from learning_city.problems import Problem


def github(problem: Problem) -> str:
    """One GitHub Actions workflow command; its data and properties escaped as GitHub requires."""

    def data(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(value: str) -> str:
        return data(value).replace(":", "%3A").replace(",", "%2C")

    title = prop(problem.key or "catalogue")
    return (
        f"::{problem.severity} file={prop(problem.path)},line={problem.line},col={problem.col},"
        f"title={title}::{data(problem.message())}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the Learning City catalogue / 检查学习资源目录")
    parser.add_argument("catalogue", nargs="?", default="catalogue", help="catalogue folder (default: catalogue)")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="date for the warnings")
    args = parser.parse_args(argv)
    root = Path(args.catalogue)
    if not root.is_dir():
        print(f"{root}: error: 目录不存在 / no such catalogue folder", file=sys.stderr)
        return 2
    try:
        catalogue, problems = load(root, today=args.today)
    except Exception as err:  # a bug of ours: say so in one line, never a traceback
        print(f"{root}: error: 程序内部错误，请报告 / internal error, please report it: {err!r}", file=sys.stderr)
        return 1
    for problem in problems:
        print(github(problem) if args.format == "github" else problem)
    errors = sum(1 for p in problems if p.severity == "error")
    if errors:
        print(f"{errors} 个错误 / {errors} error(s)", file=sys.stderr)
        return 1
    courses = sum(len(p.courses) for p in catalogue.providers.values())
    print(
        f"目录有效 / catalogue valid: {len(catalogue.providers)} providers, {courses} courses, "
        f"{len(catalogue.venues)} venues, {len(catalogue.targets)} targets; {len(problems)} warning(s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
