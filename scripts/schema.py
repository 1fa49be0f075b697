#!/usr/bin/env python3
"""Write the JSON Schema files in schema/ from the data model (`--check`: fail if they are stale).

python scripts/schema.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from learning_city.tools.schema import SCHEMAS, schema_for

ROOT = Path(__file__).resolve().parent.parent


def rendered(folder: Path) -> dict[Path, str]:
    return {folder / name: json.dumps(schema_for(cls), ensure_ascii=False, indent=2) + "\n" for name, (cls, _) in SCHEMAS.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the schema files differ from the model")
    parser.add_argument("--dir", type=Path, default=ROOT / "schema", help="where the schema files are (default: schema/)")
    args = parser.parse_args()
    files = rendered(args.dir)
    stale = [path for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path}: stale, run python scripts/schema.py / 已过期，请运行 python scripts/schema.py")
        return 1 if stale else 0
    args.dir.mkdir(exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
