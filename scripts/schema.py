#!/usr/bin/env python3
"""Write the JSON Schema files in schema/ from the data model (`--check`: fail if they are stale).

    python scripts/schema.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from learning_city.schema import SCHEMAS, schema_for

ROOT = Path(__file__).resolve().parent.parent


def rendered() -> dict[Path, str]:
    return {
        ROOT / "schema" / name: json.dumps(schema_for(cls), ensure_ascii=False, indent=2) + "\n"
        for name, (cls, _) in SCHEMAS.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if schema/ differs from the model")
    args = parser.parse_args()
    stale = [path for path, text in rendered().items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)}: stale, run python scripts/schema.py / 已过期，请运行 python scripts/schema.py")
        return 1 if stale else 0
    (ROOT / "schema").mkdir(exist_ok=True)
    for path, text in rendered().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
