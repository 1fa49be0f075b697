"""What a catalogue folder holds: the files the loader reads, and a problem for everything else.

Nothing under the folder is passed over in silence: a record saved as `.yaml`, a file in the
wrong folder, a stray `README.md` are all named, so no school's record can vanish without a word.
Symbolic links and anything that is not a regular file are refused without being opened: a pull
request could otherwise point the validator at a file of the machine it runs on and have its
content printed into a public log.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from learning_city.data.problems import Problem

RECORD_SUFFIX = ".yml"
# Suffixes people give YAML files by mistake, compared in lower case (`.YML`, `.yml.txt` …).
_MISTAKEN_SUFFIXES = (".yml.txt", ".yaml.txt", ".yml.bak", ".yaml.bak", ".yaml", ".yml")


@dataclass
class Inventory:
    """Paths of the single files found (by name) and of the record files in each folder."""

    single: dict[str, Path] = field(default_factory=dict)
    records: dict[str, list[Path]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def take(root: Path, single_files: list[str], folders: list[str]) -> Inventory:
    """Sort every entry under `root` into single files, record files and problems."""
    found = Inventory(records={folder: [] for folder in folders})
    where = ", ".join(f"{folder}/" for folder in folders)
    for entry in _entries(root, found):
        if _refused(entry, found):
            continue
        if entry.name in single_files and entry.is_file(follow_symlinks=False):
            found.single[entry.name] = Path(entry.path)
        elif entry.name in folders and entry.is_dir(follow_symlinks=False):
            for inner in _entries(Path(entry.path), found):
                if _refused(inner, found):
                    continue
                if inner.name.endswith(RECORD_SUFFIX) and inner.is_file(follow_symlinks=False):
                    found.records[entry.name].append(Path(inner.path))
                else:
                    _stray(inner, where, found)
        else:
            _stray(entry, where, found)
    for files in found.records.values():
        files.sort()
    found.problems.sort()
    return found


def read_bytes(path: Path, limit: int) -> bytes | Problem:
    """A regular file's bytes, opened without following a symbolic link; or the problem that stops it
    being read (a link, a special file, more than `limit` bytes: said with its real size)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        code = "symlink" if err.errno == errno.ELOOP else "unreadable"
        return Problem(str(path), 1, 1, "", code, {"detail": err.strerror or str(err)})
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            return Problem(str(path), 1, 1, "", "not_regular")
        content = file.read(limit + 1)
        if len(content) > limit:  # named with its real size, not the bytes read to find it too large
            return Problem(str(path), 1, 1, "", "too_large", {"size": max(info.st_size, len(content)), "limit": limit})
        return content


def _entries(folder: Path, found: Inventory) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as err:
        found.problems.append(Problem(str(folder), 1, 1, "", "unreadable", {"detail": err.strerror or str(err)}))
        return []


def _refused(entry: os.DirEntry, found: Inventory) -> bool:
    """True (and the problem noted) for a link or a special file, which is never opened."""
    if entry.is_symlink():
        found.problems.append(Problem(entry.path, 1, 1, "", "symlink"))
        return True
    if not entry.is_dir(follow_symlinks=False) and not entry.is_file(follow_symlinks=False):
        found.problems.append(Problem(entry.path, 1, 1, "", "not_regular"))
        return True
    return False


def _stray(entry: os.DirEntry, where: str, found: Inventory) -> None:
    """A file or folder that is not part of the catalogue's layout; a folder's files are named too."""
    if entry.is_dir(follow_symlinks=False):
        found.problems.append(Problem(entry.path, 1, 1, "", "stray_folder", {"folders": where}))
        for inner in _entries(Path(entry.path), found):
            if not _refused(inner, found):
                _stray(inner, where, found)
        return
    lower = entry.name.lower()
    for suffix in _MISTAKEN_SUFFIXES:
        if lower.endswith(suffix) and len(entry.name) > len(suffix):
            name = entry.name[: -len(suffix)] + RECORD_SUFFIX
            if name != entry.name:
                found.problems.append(Problem(entry.path, 1, 1, "", "wrong_extension", {"name": name}))
                return
    found.problems.append(Problem(entry.path, 1, 1, "", "stray_file", {"folders": where}))
