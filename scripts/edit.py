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
import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from editor_config import settings  # scripts/editor_config.py

from learning_city.tools.editor import LOCAL_BACKEND, generated
from learning_city.tools.local import serving, stop

ROOT = Path(__file__).resolve().parent.parent
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return json.load(response).get("type") == "local_git"
    except OSError:
        return False


@contextlib.contextmanager
def decap_server(repo: Path, url: str = LOCAL_BACKEND, log=None):
    """decap-server in git mode on `repo`, listening on 127.0.0.1 at `url`'s port; stopped on exit."""
    port = urlsplit(url).port
    env = dict(os.environ, MODE="git", GIT_REPO_DIRECTORY=str(repo.resolve()), PORT=str(port), BIND_HOST="127.0.0.1", LOG_LEVEL="warn")
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(300):  # up to about 30 s on a busy machine
            if process.poll() is not None:
                raise RuntimeError(f"decap-server stopped (exit {process.returncode}): is port {port} free?")
            if _answers(url):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("decap-server did not answer")
        yield url
    finally:
        stop(process)


def _git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="editor", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="editor", GIT_COMMITTER_EMAIL="editor@example.org")
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def scratch_repo(catalogue: Path, into: Path) -> Path:
    """A new repository holding a copy of `catalogue`, committed on main (for tests and screenshots)."""
    shutil.copytree(catalogue, into / "catalogue")
    _git(into, "init", "-q", "-b", "main")
    _git(into, "config", "user.name", "editor")
    _git(into, "config", "user.email", "editor@example.org")
    _git(into, "add", ".")
    _git(into, "commit", "-qm", "catalogue")
    return into


def free_url() -> str:
    """A decap-server address on a free port of 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/api/v1"


def site_for(site: Path, into: Path, local_backend: str, catalogue: Path = ROOT / "catalogue") -> Path:
    """A copy of the built site whose /admin/ looks for decap-server at `local_backend`."""
    shutil.copytree(site, into)
    repository, editor = settings()
    config = generated(catalogue, repository, {**editor, "local_backend": local_backend})["config.yml"]
    (into / "admin" / "config.yml").write_text(config, encoding="utf-8")
    return into


def problems(repo: Path) -> list[str]:
    """Why decap-server cannot work on `repo`, in both languages (nothing when it can)."""
    git = functools.partial(subprocess.run, cwd=repo, capture_output=True, text=True)
    if git(["git", "rev-parse", "--verify", "--quiet", "refs/heads/main"]).returncode != 0:
        return ["没有 main 分支 / the repository has no branch named main"]
    if git(["git", "status", "--porcelain"]).stdout.strip():
        return ["有未提交的修改，请先提交或暂存（git stash） / there are uncommitted changes: commit or stash them first"]
    return []


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
