#!/usr/bin/env python3
"""Build the site in both languages, then its search index (learning_city/plugin/build.py).

python scripts/build.py [--catalogue DIR] [--site-dir DIR] [--serial]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from learning_city.plugin.build import build


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", default=os.environ.get("CATALOGUE", "catalogue"))
    parser.add_argument("--site-dir", default="site")
    parser.add_argument("--serial", action="store_true", help="one language after the other (less memory)")
    args = parser.parse_args()
    try:
        build(Path(args.catalogue), Path(args.site_dir), parallel=not args.serial)
    except (subprocess.CalledProcessError, ValueError) as err:
        print(f"build failed / 构建失败: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
