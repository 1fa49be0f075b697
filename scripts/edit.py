#!/usr/bin/env python3
"""Use the web editor on this clone, with no account: the built site and Decap's local git proxy.

    python scripts/edit.py [--site site] [--repo .] [--port 8000]

Serves the built site on http://127.0.0.1:PORT/ and runs `decap-server` in git mode on REPO
(127.0.0.1:8081, where /admin/'s config.yml looks for it). Open http://127.0.0.1:PORT/admin/,
click 登录 (log in): each save is a commit on a branch `cms/<collection>/<id>` of REPO, as a pull
request would be. decap-server switches REPO's branches while it saves, so REPO must have no
uncommitted changes. Ctrl-C stops both servers.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from pathlib import Path

from learning_city.tools.local import serving
from learning_city.tools.local_editor import decap_server, problems

ROOT = Path(__file__).resolve().parent.parent
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make site)")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the git clone the editor saves to")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not (args.site / "admin" / "config.yml").is_file():
        print(f"{args.site}/admin/ is missing: build the site first (make site)", file=sys.stderr)
        return 1
    found = problems(args.repo)
    for problem in found:
        print(f"{args.repo}: error: {problem}", file=sys.stderr)
    if found:
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop both servers on `kill` too
    with decap_server(args.repo), serving(args.site, args.port) as base:
        print(f"编辑器 / editor: {base}admin/  (Ctrl-C 停止 / to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
