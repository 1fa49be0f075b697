#!/usr/bin/env python3
"""Check a catalogue folder and report every problem at once.

    python scripts/validate.py [--format text|github] [--verbose] [--changed BASE]
                               [--today YYYY-MM-DD] [DIR]

Each problem is one line, `PATH:LINE:COL: error: KEY: message`, in Chinese and English;
`--format github` prints GitHub Actions annotations instead, shown on the changed lines of
a pull request. Errors are always shown in full. Warnings (no English, enrolment closed, not
checked for a year) never fail; in text they are summarised by kind unless `--verbose`.
`--changed BASE` shows warnings only for the files changed since the git commit BASE, so a
school sees its own, not the whole city's. Today is SOURCE_DATE_EPOCH's date when it is set.
Exit status: 0 valid, 1 errors found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from learning_city.data.characters import visible
from learning_city.data.loader import load
from learning_city.data.problems import Problem
from learning_city.data.store import Store
from learning_city.data.today import today

# Files named per kind of warning in the summary.
MOST_FILES = 3


def github(problem: Problem) -> str:
    """One GitHub Actions workflow command; its data and properties escaped as GitHub requires."""

    def data(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(value: str) -> str:
        return data(value).replace(":", "%3A").replace(",", "%2C")

    title = prop(visible(problem.key) or "catalogue")
    return (
        f"::{problem.severity} file={prop(visible(problem.path))},line={problem.line},col={problem.col},"
        f"title={title}::{data(problem.message())}"
    )


def summary(warnings: list[Problem]) -> list[str]:
    """Warnings by kind: how many, one example, and the files with the most."""
    lines = []
    by_code = Counter(problem.code for problem in warnings)
    for code, count in by_code.most_common():
        mine = [problem for problem in warnings if problem.code == code]
        files = Counter(visible(problem.path) for problem in mine).most_common(MOST_FILES)
        most = ", ".join(f"{path} ({n})" for path, n in files)
        lines.append(f"  {count} × {code}: {mine[0].message()}")
        lines.append(f"      最多 / most in: {most}")
    return lines


def changed_files(root: Path, base: str) -> set[Path] | None:
    """Files under root that differ from the commit `base` (committed or not), or None if git cannot say."""
    try:
        result = subprocess.run(
            ["git", "diff", "--name-only", "--relative", "--no-renames", base, "--", "."],
            cwd=root, capture_output=True, text=True, check=True,
        )  # fmt: skip
        untracked = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard", "--", "."],
            cwd=root, capture_output=True, text=True, check=True,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    names = result.stdout.splitlines() + untracked.stdout.splitlines()
    return {(root / name).resolve() for name in names if name}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the Learning City catalogue / 检查学习资源目录")
    parser.add_argument("catalogue", nargs="?", default="catalogue", help="catalogue folder (default: catalogue)")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    parser.add_argument("--verbose", action="store_true", help="print every warning, not a summary")
    parser.add_argument("--changed", metavar="BASE", help="warnings only for files changed since this git commit")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="date for the warnings (default: SOURCE_DATE_EPOCH or now)")
    args = parser.parse_args(argv)
    root = Path(args.catalogue)
    if not root.is_dir():
        print(f"{visible(str(root))}: error: 目录不存在 / no such catalogue folder", file=sys.stderr)
        return 2
    try:
        date = args.today or today(os.environ)
    except ValueError as err:
        print(f"error: 日期设置不对 / bad date setting: {err}", file=sys.stderr)
        return 2
    changed = changed_files(root, args.changed) if args.changed else None
    if args.changed and changed is None:
        print(f"error: 无法与提交 {args.changed} 比较 / cannot compare with commit {args.changed}", file=sys.stderr)
        return 2
    try:
        catalogue, problems = load(root, today=date, disk=Store.default())  # the builds reuse its work
    except Exception as err:  # a bug of ours: say so in one line, never a traceback
        print(f"{visible(str(root))}: error: 程序内部错误，请报告 / internal error, please report it: {err!r}", file=sys.stderr)
        return 1

    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    elsewhere = []
    if changed is not None:
        elsewhere = [p for p in warnings if Path(p.path).resolve() not in changed]
        warnings = [p for p in warnings if Path(p.path).resolve() in changed]
    if args.format == "github":
        for problem in errors + warnings:
            print(github(problem))
    else:
        for problem in errors:
            print(problem)
        if args.verbose or len(warnings) <= 10:
            for problem in warnings:
                print(problem)
        else:
            print(
                f"{len(warnings)} 个警告（不影响合并，--verbose 逐条显示）/ {len(warnings)} warning(s), which do not block (--verbose lists each):"
            )
            print("\n".join(summary(warnings)))
    if elsewhere:
        print(
            f"另有 {len(elsewhere)} 个警告在本次未改动的文件中 / {len(elsewhere)} more warning(s) in files this change did not touch",
            file=sys.stderr,
        )
    if errors:
        print(f"{len(errors)} 个错误 / {len(errors)} error(s)", file=sys.stderr)
        return 1
    assert catalogue is not None  # load gives a catalogue whenever it finds no error
    courses = sum(len(p.courses) for p in catalogue.providers.values())
    print(
        f"目录有效 / catalogue valid: {len(catalogue.providers)} providers, {courses} courses, "
        f"{len(catalogue.venues)} venues, {len(catalogue.teams)} learning teams, {len(catalogue.resources)} online resources, "
        f"{len(catalogue.targets)} targets; {len(problems)} warning(s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
