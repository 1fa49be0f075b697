#!/usr/bin/env python3
"""Build the site in both languages: Chinese into SITE_DIR, English into SITE_DIR/en.

    python scripts/build.py [--catalogue DIR] [--site-dir DIR]

The Chinese build runs first because a clean build empties its folder, en/ included.
Builds are strict: a warning, a macro error or an undefined variable fails them
(never add --quiet: it hides warnings from strict mode, so they stop failing the build).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_DIRS = {"zh": "", "en": "en"}


def build(catalogue: Path, site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> None:
    for lang, sub in LANGUAGE_DIRS.items():
        env = dict(
            os.environ,
            SITE_LANG=lang,
            SITE_DIR=str((site_dir / sub).resolve()),
            CATALOGUE=str(catalogue.resolve()),
            NO_MKDOCS_2_WARNING="1",
        )
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
            check=True,
            env=env,
            cwd=config.parent,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", default=os.environ.get("CATALOGUE", "catalogue"))
    parser.add_argument("--site-dir", default="site")
    args = parser.parse_args()
    try:
        build(Path(args.catalogue), Path(args.site_dir))
    except subprocess.CalledProcessError as err:
        print(f"build failed / 构建失败: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
