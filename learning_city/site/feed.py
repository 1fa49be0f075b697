"""An Atom feed (RFC 4287) per language of courses added, changed and withdrawn.

What changed comes from the catalogue's git history: the commits that touched `providers/`,
newest first, each provider file compared with its version before the commit, course by course,
until the feed is full. The cost follows the feed's length, not the catalogue's size, and every
date is a commit's date, so two builds of one commit give the same feed. A course removed from
its file, or set to `status: cancelled`, is withdrawn. Without history (a tarball, or the edge of
a shallow clone) the feed falls back to the records themselves: each course as last checked
(`last_verified`), cancelled ones as withdrawn. Learning events (issue 22, events.py) come first, at
most FEED_EVENTS of them, each dated by its record's check. Written with xml.etree, which escapes all text.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from learning_city.data.catalogue import Catalogue
from learning_city.data.model import CourseStatus, Text
from learning_city.i18n import t
from learning_city.site import events
from learning_city.site.calendars import catalogue_date, host
from learning_city.site.text import course_anchor, fee_text, provider_url, when_text

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 100  # entries per feed
FEED_EVENTS = 20  # of which at most this many are learning events (issue 22), the most recently checked
MAX_COMMITS = 1000  # how far back to look for them
PATH = "feed.xml"
ET.register_namespace("", ATOM)  # Atom as the default namespace: <feed xmlns="…">, no prefixes

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: ten times faster

Kind = Literal["added", "changed", "withdrawn"]


@dataclass(frozen=True)
class Change:
    provider: str
    course: str
    kind: Kind
    when: dt.datetime
    revision: str  # the commit, or "" when read from the records
    title: Text  # the course's title as it was (a withdrawn course is no longer in the catalogue)


def _git(root: Path, *args: str, input: bytes | None = None) -> bytes | None:
    try:
        run = subprocess.run(["git", "-C", str(root), *args], input=input, capture_output=True, check=False)
    except OSError:  # no git on this machine
        return None
    return run.stdout if run.returncode == 0 else None


def _commits(root: Path) -> list[tuple[str, dt.datetime, bool, list[str]]]:
    """(commit, date, has a known parent, provider files it changed), newest first."""
    out = _git(root, "log", f"-{MAX_COMMITS}", "--no-renames", "--relative", "--name-only", "--format=%x01%H %cI %P", "--", "providers")
    if not out:
        return []
    commits = []
    for block in out.decode("utf-8").split("\x01")[1:]:
        head, *paths = block.strip().split("\n")
        sha, when, *parents = head.split(" ")
        paths = [p for p in paths if p.endswith(".yml")]
        commits.append((sha, dt.datetime.fromisoformat(when), bool(parents), paths))
    return commits


def _courses(text: bytes | None) -> tuple[dict[str, dict], bool]:
    """The courses of a provider file by id, and whether the file was readable."""
    if text is None:
        return {}, True  # no file: no courses
    try:
        data = yaml.load(text.decode("utf-8"), Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}, False
    courses = data.get("courses") if isinstance(data, dict) else None
    if not isinstance(courses, list):
        return {}, isinstance(data, dict)
    return {c["id"]: c for c in courses if isinstance(c, dict) and isinstance(c.get("id"), str)}, True


def _title(course: dict) -> Text:
    title = course.get("title")
    if not isinstance(title, dict):
        title = {}
    return Text(zh=str(title.get("zh") or course["id"]), en=str(title["en"]) if title.get("en") else None)


def _withdrawn(course: dict) -> bool:
    return course.get("status") == CourseStatus.cancelled.value


def _read(root: Path, specs: list[str]) -> list[bytes | None]:
    """Many `<commit>:<path>` at once (git cat-file --batch); None for a path absent there."""
    out = _git(root, "cat-file", "--batch", input="".join(s + "\n" for s in specs).encode("utf-8"))
    if out is None:
        return [None] * len(specs)
    found: list[bytes | None] = []
    at = 0
    for _ in specs:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        if header[-1] == b"missing":
            found.append(None)
            at = end + 1
            continue
        size = int(header[2])
        found.append(out[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return found


def history(root: Path, limit: int = FEED_SIZE) -> list[Change] | None:
    """The latest course changes from the catalogue's git history; None when it has none."""
    prefix = _git(root, "rev-parse", "--show-prefix")
    commits = _commits(root) if prefix is not None else []
    if prefix is None or not commits:
        return None
    prefix_text = prefix.decode("utf-8").strip()
    changes: list[Change] = []
    for sha, when, has_parent, paths in commits:
        if not has_parent and _git(root, "rev-parse", "--is-shallow-repository") == b"true\n":
            break  # the edge of a shallow clone: what came before is unknown
        specs = [f"{sha}^:{prefix_text}{p}" for p in paths] + [f"{sha}:{prefix_text}{p}" for p in paths]
        none: list[bytes | None] = [None] * len(paths)  # a first commit: nothing before it
        texts = _read(root, specs) if has_parent else none + _read(root, specs[len(paths) :])
        for number, path in enumerate(paths):
            (before, ok_before), (after, ok_after) = _courses(texts[number]), _courses(texts[number + len(paths)])
            if not (ok_before and ok_after):
                continue  # a broken file in the history says nothing about its courses
            provider = Path(path).stem
            for course_id in sorted(before.keys() | after.keys()):
                old, new = before.get(course_id), after.get(course_id)
                if old == new:
                    continue
                kind: Kind | None
                if new is None or (_withdrawn(new) and not (old and _withdrawn(old))):
                    kind = "withdrawn" if old and not _withdrawn(old) else None
                elif old is None:
                    kind = "added"
                else:
                    kind = "changed"
                shown = new or old  # one of them: they differ
                if kind and shown:
                    changes.append(Change(provider, course_id, kind, when, sha, _title(shown)))
        if len(changes) >= limit:
            break
    return _newest(changes, limit) if changes else None


def from_records(catalogue: Catalogue, limit: int = FEED_SIZE) -> list[Change]:
    """Without history: each course as its record was last checked; a cancelled course as withdrawn."""
    fallback = catalogue_date(catalogue)
    changes = [
        Change(
            provider.id,
            course.id,
            "withdrawn" if course.status is CourseStatus.cancelled else "changed",
            dt.datetime.combine(provider.last_verified or fallback, dt.time(), dt.UTC),
            "",
            course.title,
        )
        for provider in catalogue.providers.values()
        for course in provider.courses
    ]
    return _newest(changes, limit)


def _newest(changes: list[Change], limit: int) -> list[Change]:
    return sorted(changes, key=lambda c: (-c.when.timestamp(), c.provider, c.course, c.kind))[:limit]


def _entry_id(change: Change, site_url: str) -> str:
    """A tag URI (RFC 4151): the same change has the same id in every build and both languages."""
    what = f"{change.provider}/{change.course}/{change.kind}" + (f"/{change.revision[:12]}" if change.revision else "")
    return f"tag:{host(site_url)},{change.when.date().isoformat()}:{what}"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom(catalogue: Catalogue, changes: list[Change], lang: str, site_url: str) -> bytes:
    """The feed of one language; `site_url` is that language's absolute root."""
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN" if lang == "zh" else "en"})
    _add(feed, "id", site_url + PATH)
    _add(feed, "title", t("feed.title", lang))
    _add(feed, "subtitle", t("feed.subtitle", lang))
    happenings = events.feed_entries(catalogue, lang, site_url)[:FEED_EVENTS]  # issue 22: learning events, after the courses
    changes = changes[: FEED_SIZE - len(happenings)]  # the feed keeps its length
    newest = max(
        [c.when for c in changes] + [e["updated"] for e in happenings],
        default=dt.datetime.combine(catalogue_date(catalogue), dt.time(), dt.UTC),
    )
    _add(feed, "updated", newest.isoformat())
    _add(feed, "link", rel="self", type="application/atom+xml", href=site_url + PATH)
    _add(feed, "link", rel="alternate", type="text/html", href=site_url)
    author = _add(feed, "author")
    _add(author, "name", catalogue.leading_group.name.get(lang))
    for change in changes:
        provider = catalogue.providers.get(change.provider)
        course = next((c for c in provider.courses if c.id == change.course), None) if provider else None
        entry = _add(feed, "entry")
        _add(entry, "id", _entry_id(change, site_url))
        title = (course.title if course else change.title).get(lang)
        _add(entry, "title", t(f"feed.{change.kind}", lang, title=title))
        _add(entry, "updated", change.when.isoformat())
        _add(entry, "category", term=change.kind, label=t(f"feed.kind.{change.kind}", lang))
        page = provider_url(site_url, change.provider) if provider else site_url
        if course and change.kind != "withdrawn":
            page += "#" + course_anchor(course.id)
        _add(entry, "link", rel="alternate", type="text/html", href=page)
        lines = [provider.name.get(lang)] if provider else []
        if course:
            lines += [when_text(course, lang), fee_text(course, lang)]
            if course.description:
                lines.append(course.description.get(lang))
        _add(entry, "summary", " · ".join(lines) or title)
    for happening in happenings:
        entry = _add(feed, "entry")
        _add(entry, "id", happening["id"])
        _add(entry, "title", happening["title"])
        _add(entry, "updated", happening["updated"].isoformat())
        _add(entry, "category", term="event", label=t("feed.kind.event", lang))
        _add(entry, "link", rel="alternate", type="text/html", href=happening["link"])
        _add(entry, "summary", happening["summary"])
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def feed(catalogue: Catalogue, root: Path, lang: str, site_url: str, changes: list[Change] | None = None) -> bytes:
    """The feed from the catalogue's history when it has one, else from its records."""
    if changes is None:
        changes = history(root)
    return atom(catalogue, changes if changes is not None else from_records(catalogue), lang, site_url)
