#!/usr/bin/env python3
"""Write .github/CODEOWNERS from MAINTAINERS and each record's maintainers (`--check`: fail if stale).

    python scripts/codeowners.py [--check [--base COMMIT]] [--catalogue DIR] [--output FILE]

With --base (a pull request's base commit), the check also passes when the file is unchanged
since that commit: a school's pull request that adds a record or changes `maintainers:` does not
touch CODEOWNERS, and a maintainer regenerates it on main after merging (`make codeowners`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from learning_city.data.loader import load
from learning_city.tools.owners import acceptable, codeowners, committed_at, read_maintainers

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not what the data says")
    parser.add_argument("--catalogue", type=Path, default=ROOT / "catalogue")
    parser.add_argument("--maintainers", type=Path, default=ROOT / "MAINTAINERS")
    parser.add_argument("--base", help="with --check: also pass if the file is unchanged since this commit")
    parser.add_argument("--output", type=Path, default=ROOT / ".github" / "CODEOWNERS")
    args = parser.parse_args(argv)
    catalogue, _problems = load(args.catalogue)
    if catalogue is None:
        print("目录有错误，请先运行 validate / the catalogue has errors: run validate first", file=sys.stderr)
        return 1
    text = codeowners(catalogue, read_maintainers(args.maintainers.read_text(encoding="utf-8")))
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if args.check:
        base = committed_at(args.output, args.base) if args.base else None
        if args.base and base is None:
            print(f"{args.base}: 找不到该提交中的 CODEOWNERS，只与数据比较 / no CODEOWNERS at this commit: compared with the data only")
        if not acceptable(current, text, base):
            print(
                f"{args.output}: stale or edited by hand, run make codeowners (or leave it as the base has it)"
                " / 已过期或被手工修改，请运行 make codeowners（或保持与目标分支相同）"
            )
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
