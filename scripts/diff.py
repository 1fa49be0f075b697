#!/usr/bin/env python3
"""Summarise in Markdown what changed in the catalogue between two git revisions.

    python scripts/diff.py BASE [HEAD] [--author GITHUB_LOGIN]

HEAD defaults to the working tree's HEAD commit. With --author, records the author does not
maintain are flagged. The summary goes to standard output (CI appends it to the job summary).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from learning_city.tools.diff import RECORD_FOLDERS, compare, markdown, snapshot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("head", nargs="?", default="HEAD")
    parser.add_argument("--author", help="GitHub login of the change's author")
    parser.add_argument("--catalogue", default="catalogue", help="catalogue folder inside the repository")
    parser.add_argument("--repo", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    try:
        base = snapshot(args.repo, args.base, args.catalogue)
        head = snapshot(args.repo, args.head, args.catalogue)
    except subprocess.CalledProcessError as err:
        print(f"error: git 无法读取该版本 / git cannot read that revision: {err.stderr.strip() if err.stderr else err}", file=sys.stderr)
        return 2
    owners = {
        path: list(data.get("maintainers") or [])
        for path, data in head.items()
        if isinstance(data, dict) and path.split("/")[0] in RECORD_FOLDERS
    }
    print(markdown(compare(base, head), owners, args.author))
    return 0


if __name__ == "__main__":
    sys.exit(main())
