#!/usr/bin/env python3
"""Write the web editor's configuration (docs/admin/config.yml, docs/admin/model.js) from the model.

    python scripts/editor_config.py [--check] [--dir docs/admin]

The forge it saves to comes from mkdocs.yml (`extra.repository`, `extra.editor`); the build
writes the same files again with the settings it is built with (REPO_URL, EDITOR_BACKEND…).
With --check nothing is written: exit 1 if the files differ from what the model gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from learning_city.tools.editor import generated, settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    parser.add_argument("--dir", type=Path, default=ROOT / "docs" / "admin")
    parser.add_argument("--catalogue", type=Path, default=ROOT / "catalogue")
    args = parser.parse_args(argv)
    repository, editor = settings(ROOT / "mkdocs.yml")
    files = {args.dir / name: text for name, text in generated(args.catalogue, repository, editor).items()}
    stale = [path for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path}: stale, run python scripts/editor_config.py / 已过期，请运行 python scripts/editor_config.py")
        return 1 if stale else 0
    args.dir.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
