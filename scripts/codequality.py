#!/usr/bin/env python3
"""Turn the validator's lines into a GitLab Code Quality report, shown on the merge request.

    python scripts/validate.py catalogue | python scripts/codequality.py > gl-code-quality-report.json

Reads `PATH:LINE:COL: error|warning: KEY: message` lines (the validator's documented output) and
writes the report's JSON; any other line is ignored. The fingerprint identifies a problem across
pipelines, so GitLab can tell new problems from old ones.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<key>[^:]*): (?P<message>.*)$")
SEVERITY = {"error": "major", "warning": "minor"}


def report(lines: list[str]) -> list[dict]:
    issues = []
    for line in lines:
        match = LINE.match(line.rstrip("\n"))
        if not match:
            continue
        found = match.groupdict()
        issues.append(
            {
                "description": f"{found['key']}: {found['message']}",
                "check_name": found["key"],
                "fingerprint": hashlib.sha256(f"{found['path']}|{found['key']}|{found['message']}".encode()).hexdigest(),
                "severity": SEVERITY[found["severity"]],
                "location": {"path": found["path"], "lines": {"begin": int(found["line"])}},
            }
        )
    return issues


if __name__ == "__main__":
    json.dump(report(sys.stdin.readlines()), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
