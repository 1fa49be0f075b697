"""The web editor on a local clone, with no account: Decap's local git proxy (decap-server) on a
repository, a copy of the built site pointed at it, and what stops it working. `make edit`
(scripts/edit.py), the tests and the screenshots use it."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from learning_city.tools.editor import LOCAL_BACKEND, generated, settings
from learning_city.tools.local import stop

ROOT = Path(__file__).resolve().parents[2]  # the repository: mkdocs.yml, catalogue/, node_modules
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
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="editor",
        GIT_AUTHOR_EMAIL="editor@example.org",
        GIT_COMMITTER_NAME="editor",
        GIT_COMMITTER_EMAIL="editor@example.org",
    )
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
    repository, editor = settings(ROOT / "mkdocs.yml")
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
