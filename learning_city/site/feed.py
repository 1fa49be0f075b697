"""An Atom feed (RFC 4287) per language of courses added, changed and withdrawn.

What changed comes from the catalogue's git history: the commits that touched `providers/`,
newest first, each provider file compared with its version before the commit, course by course,
until the feed is full. The cost follows the feed's length, not the catalogue's size, and every
date is a commit's date, so two builds of one commit give the same feed. A course removed from
its file, or set to `status: cancelled`, is withdrawn. Without history (a tarball, or the edge of
a shallow clone) the feed falls back to the records themselves: each course as last checked
(`last_verified`), cancelled ones as withdrawn. Learning events (issue 22, events.py) come first, at
most FEED_EVENTS of them, each dated by its record's check. Written with xml.etree, which escapes all text.

The history is not validated as the catalogue is: only a branch's last commit passes CI, and its
earlier commits stay in main's history once merged. So each past version of a file is read with
the project's own parser (yamlfile.py: no anchors or aliases, no tags, bounded size and depth),
and what the feed shows of a course (its id, title and status) is checked by the model's own
fields; a version that fails either is skipped, counted and named in the build's log, never
shown. A feed entry so carries at most what the model lets a course title be.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from learning_city.data.catalogue import Catalogue
from learning_city.data.model import Course, CourseStatus, Text
from learning_city.data.yamlfile import parse
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

_log = logging.getLogger("mkdocs.plugins.learning_city.feed")
# What the feed reads of a course, checked by the model's own fields (types, bounds, defaults);
# the rest of a past course is only compared, to tell a changed course from an unchanged one.
_SEEN = ("id", "title", "status")
Seen = create_model(  # type: ignore[call-overload]  # fields built from the model's, by name
    "Seen",
    __config__=ConfigDict(extra="ignore"),
    **{name: (Course.model_fields[name].annotation, Course.model_fields[name]) for name in _SEEN},
)

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


def _commits(root: Path) -> list[tuple[str, dt.datetime, str | None, list[str]]]:
    """(commit, date, its first parent if known, provider files it changed), newest first."""
    out = _git(root, "log", f"-{MAX_COMMITS}", "--no-renames", "--relative", "--name-only", "--format=%x01%H %cI %P", "--", "providers")
    if not out:
        return []
    commits = []
    for block in out.decode("utf-8").split("\x01")[1:]:
        head, *paths = block.strip().split("\n")
        sha, when, *parents = head.split(" ")
        paths = [p for p in paths if p.endswith(".yml")]
        commits.append((sha, dt.datetime.fromisoformat(when), parents[0] if parents else None, paths))
    return commits


def _courses(text: bytes | None, shown: str) -> dict[str, tuple[dict, BaseModel]] | None:
    """A provider file's courses by id, each as written and as the model checked it; {} for no file,
    None for a version that does not parse (yamlfile.py) or whose courses fail the model's checks."""
    if text is None:
        return {}  # no file: no courses
    doc = parse(text, shown)
    if doc.problems or not isinstance(doc.data, dict):
        return None
    courses = doc.data.get("courses") or []
    if not isinstance(courses, list):
        return None
    found: dict[str, tuple[dict, BaseModel]] = {}
    for course in courses:
        try:
            seen = Seen.model_validate(course)
        except ValidationError:
            return None
        found[seen.id] = (course, seen)  # type: ignore[attr-defined]  # a field of Seen
    return found


def _version(text: bytes, shown: str) -> dict[str, tuple[dict, BaseModel]] | None:
    try:
        return _courses(text, shown)
    except Exception:  # a bug of ours must not stop a build over a past version: counted as one that fails
        return None


def _withdrawn(seen: BaseModel | None) -> bool:
    return seen is not None and seen.status is CourseStatus.cancelled  # type: ignore[attr-defined]  # a field of Seen


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


@dataclass(frozen=True)
class History:
    changes: list[Change] | None  # None: no history
    skipped: list[str]  # `<commit>:<path>` of each past version left out: it does not parse or check


def history(root: Path, limit: int = FEED_SIZE) -> list[Change] | None:
    """The latest course changes from the catalogue's git history; None when it has none."""
    return read_history(root, limit).changes


def read_history(root: Path, limit: int = FEED_SIZE) -> History:
    """The latest course changes, and the past versions skipped; each skipped one is logged."""
    prefix = _git(root, "rev-parse", "--show-prefix")
    commits = _commits(root) if prefix is not None else []
    if prefix is None or not commits:
        return History(None, [])
    prefix_text = prefix.decode("utf-8").strip()
    changes: list[Change] = []
    # By content, kept from one commit to the next: the version a commit made is the one the next
    # (older) commit changed, read once. Bad versions are remembered by digest, to be counted once.
    previous: dict[bytes, dict[str, tuple[dict, BaseModel]] | None] = {}
    bad: set[bytes] = set()
    skipped: list[str] = []
    for sha, when, parent, paths in commits:
        if parent is None and _git(root, "rev-parse", "--is-shallow-repository") == b"true\n":
            break  # the edge of a shallow clone: what came before is unknown
        specs = [f"{parent}:{prefix_text}{p}" for p in paths] + [f"{sha}:{prefix_text}{p}" for p in paths]
        none: list[bytes | None] = [None] * len(paths)  # a first commit: nothing before it
        texts = _read(root, specs) if parent else none + _read(root, specs[len(paths) :])
        read: dict[bytes, dict[str, tuple[dict, BaseModel]] | None] = {}
        for spec, text in zip(specs, texts, strict=True):
            if text is not None and text not in read:
                read[text] = previous[text] if text in previous else _version(text, spec)
                digest = hashlib.sha256(text).digest()
                if read[text] is None and digest not in bad:
                    bad.add(digest)
                    skipped.append(spec)
        previous = read
        versions = [{} if text is None else read[text] for text in texts]
        for number, path in enumerate(paths):
            before, after = versions[number], versions[number + len(paths)]
            if before is None or after is None:
                continue  # a broken version says nothing about its courses
            provider = Path(path).stem
            for course_id in sorted(before.keys() | after.keys()):
                (old, old_seen), (new, new_seen) = before.get(course_id, (None, None)), after.get(course_id, (None, None))
                if old == new:
                    continue
                kind: Kind | None
                if new_seen is None or (_withdrawn(new_seen) and not _withdrawn(old_seen)):
                    kind = "withdrawn" if old_seen is not None and not _withdrawn(old_seen) else None
                elif old_seen is None:
                    kind = "added"
                else:
                    kind = "changed"
                shown = new_seen or old_seen  # one of them: they differ
                if kind and shown:
                    changes.append(Change(provider, course_id, kind, when, sha, shown.title))  # type: ignore[attr-defined]
        if len(changes) >= limit:
            break
    if skipped:
        _log.info(
            "feed: %d past versions of provider files left out (they do not parse or fail the model's checks): %s",
            len(skipped),
            ", ".join(skipped[:5]),
        )
    return History(_newest(changes, limit) if changes else None, skipped)


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
