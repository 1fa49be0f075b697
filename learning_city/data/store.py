"""Work kept on disk between runs: parsed and validated files, whole loads, rendered pieces.

A value is stored under a key made from everything it was computed from — the input's bytes and
the version of the code that computed it (`code_version`, a hash of this package's source) — so a
changed file, a changed model or a changed loader can never be answered from an old entry.
Each entry carries the SHA-256 of its bytes: a truncated, corrupt or half-written entry is
ignored and computed again, never trusted. Entries are written to a temporary file and renamed,
so two builds running at once (both languages) never see each other's half-written file.
The folder is `LEARNING_CITY_CACHE`, else `.cache/learning-city` in the repository (git-ignored);
`LEARNING_CITY_CACHE=off` keeps nothing. It holds pickles: it is this machine's own folder,
like `.venv`, and never comes from a pull request.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path

import pydantic

MISSING = object()
PACKAGE = Path(__file__).resolve().parent.parent  # learning_city/
DEFAULT_FOLDER = PACKAGE.parent / ".cache" / "learning-city"


@cache
def code_version(*folders: str) -> str:
    """A hash of the source of learning_city/<folder> (every .py, .html, .yml file under it),
    the Python and pydantic versions: what decides how a value is computed and how it unpickles."""
    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}|{pickle.HIGHEST_PROTOCOL}".encode())
    for folder in folders:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".yml") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts: bytes | str) -> str:
    """One key from many parts; each part's length is hashed too, so ("ab", "c") ≠ ("a", "bc")."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class Store:
    """Pickled values on disk by key, in `folder/<kind>/<key[:2]>/<key>`; no folder: keeps nothing."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    @classmethod
    def default(cls, environ=os.environ) -> Store:
        setting = environ.get("LEARNING_CITY_CACHE", "")
        if setting == "off":
            return cls(None)
        return cls(Path(setting) if setting else DEFAULT_FOLDER)

    @staticmethod
    def _path(folder: Path, kind: str, name: str) -> Path:
        return folder / kind / name[:2] / name

    def get(self, kind: str, name: str) -> object:
        """The value stored, or MISSING when there is none or it cannot be trusted."""
        if self.folder is None:
            return MISSING
        try:
            blob = self._path(self.folder, kind, name).read_bytes()
        except OSError:
            return MISSING
        checksum, payload = blob[:32], blob[32:]
        if len(blob) < 32 or hashlib.sha256(payload).digest() != checksum:
            return MISSING
        try:
            return pickle.loads(payload)
        except Exception:  # an entry from a version that no longer unpickles: computed again
            return MISSING

    def put(self, kind: str, name: str, value: object) -> None:
        """Store a value; a folder that cannot be written only means no cache."""
        if self.folder is None:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = self._path(self.folder, kind, name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as file:
                file.write(hashlib.sha256(payload).digest() + payload)
            os.replace(file.name, path)
        except OSError:
            return
