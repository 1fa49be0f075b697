"""What a change to the catalogue means, in words: records added, removed and changed, per school.

A reviewer reads this instead of the YAML diff. Both sides are read from git, so a file
that does not validate is still compared.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from learning_city.data.files import COLLECTIONS
from learning_city.data.yamlfile import parse

RECORD_FOLDERS = tuple(COLLECTIONS)  # a file per record: providers, venues, teams, resources


def snapshot(repo: Path, rev: str, folder: str = "catalogue") -> dict[str, object]:
    """Every catalogue file at a git revision: path inside the catalogue -> its data."""
    names = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", rev, "--", folder], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.split()
    files = {}
    for name in names:
        if name.endswith(".yml"):
            raw = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=repo, check=True, capture_output=True).stdout
            files[name[len(folder) + 1 :]] = parse(raw, name).data
    return files


def flatten(value, prefix: str = "") -> dict[str, str]:
    """Nested data as dotted keys; lists of records are keyed by their id."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list) and all(isinstance(i, dict) and "id" in i for i in value) and value:
        for item in value:
            out.update(flatten({k: v for k, v in item.items() if k != "id"}, f"{prefix}[{item['id']}]"))
    elif isinstance(value, list):
        out[prefix] = ", ".join(str(i) for i in value)
    else:
        out[prefix] = "" if value is None else str(value)
    return out


@dataclass
class Change:
    path: str
    record: str
    name: str
    status: str  # "added", "removed", "changed"
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (key, old, new)
    courses: dict[str, list] = field(default_factory=dict)  # added / removed / changed


def _name(data) -> str:
    if isinstance(data, dict) and isinstance(data.get("name"), dict):
        return str(data["name"].get("zh", ""))
    return ""


def _field_changes(old, new) -> list[tuple[str, str, str]]:
    a, b = flatten(old or {}), flatten(new or {})
    return [(key, a.get(key, ""), b.get(key, "")) for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)]


def compare(base: dict[str, object], head: dict[str, object]) -> list[Change]:
    changes = []
    for path in sorted(set(base) | set(head)):
        old, new = base.get(path), head.get(path)
        if old == new:
            continue
        record = Path(path).stem
        name = _name(new) or _name(old)
        if old is None or new is None:
            changes.append(Change(path, record, name, "added" if old is None else "removed"))
            continue
        change = Change(path, record, name, "changed")
        if path.split("/")[0] in RECORD_FOLDERS and isinstance(old, dict) and isinstance(new, dict):
            old_courses = {c.get("id"): c for c in old.get("courses") or [] if isinstance(c, dict)}
            new_courses = {c.get("id"): c for c in new.get("courses") or [] if isinstance(c, dict)}
            change.courses = {
                "added": [(cid, new_courses[cid]) for cid in new_courses if cid not in old_courses],
                "removed": [(cid, old_courses[cid]) for cid in old_courses if cid not in new_courses],
                "changed": [
                    (cid, new_courses[cid], _field_changes(old_courses[cid], new_courses[cid]))
                    for cid in new_courses
                    if cid in old_courses and old_courses[cid] != new_courses[cid]
                ],
            }
            old, new = ({k: v for k, v in d.items() if k != "courses"} for d in (old, new))
        change.fields = _field_changes(old, new)
        changes.append(change)
    return changes


def _cell(value: str) -> str:
    return escape(value).replace("|", "\\|").replace("\n", " ") or "–"


def _table(fields: list[tuple[str, str, str]]) -> list[str]:
    rows = ["| 字段 / Field | 原值 / Old | 新值 / New |", "|---|---|---|"]
    return rows + [f"| `{_cell(key)}` | {_cell(old)} | {_cell(new)} |" for key, old, new in fields]


def _title(course) -> str:
    title = course.get("title") if isinstance(course, dict) else None
    return escape(str(title.get("zh", ""))) if isinstance(title, dict) else ""


def markdown(changes: list[Change], owners: dict[str, list[str]] | None = None, author: str | None = None) -> str:
    """The summary a reviewer reads; flags changes to more than one school, or to others' records."""
    lines = ["## 目录变更摘要 / Catalogue changes", ""]
    if not changes:
        return "\n".join(lines + ["没有目录变更。 / No catalogue changes.", ""])
    records = [c for c in changes if c.path.split("/")[0] in RECORD_FOLDERS]
    if len(records) > 1:
        names = ", ".join(f"`{c.record}`" for c in records)
        lines += [f"> ⚠️ 本次修改涉及 {len(records)} 个机构或场馆 / This change touches {len(records)} schools or venues: {names}", ""]
    if author and owners is not None:
        foreign = [c.record for c in records if owners.get(c.path) and author not in owners[c.path]]
        if foreign:
            listed = ", ".join(f"`{r}`" for r in foreign)
            lines += [f"> ⚠️ @{escape(author)} 不是以下记录的维护人 / is not a maintainer of: {listed}", ""]
    label = {"added": "新增 / added", "removed": "删除 / removed", "changed": "修改 / changed"}
    for change in changes:
        lines += [f"### {escape(change.name) or change.record} (`{change.path}`) — {label[change.status]}", ""]
        for cid, course in change.courses.get("added", []):
            lines.append(f"- 新增课程 / course added: `{cid}` {_title(course)}")
        for cid, course in change.courses.get("removed", []):
            lines.append(f"- 删除课程 / course removed: `{cid}` {_title(course)}")
        for cid, course, fields in change.courses.get("changed", []):
            lines += [f"- 修改课程 / course changed: `{cid}` {_title(course)}", ""]
            lines += ["  " + row for row in _table(fields)]
        if change.fields:
            lines += ["", *_table(change.fields)]
        lines.append("")
    return "\n".join(lines)
