"""Rebuild only what changed (`make serve`, which builds with MkDocs' `--dirty`).

Each page gets a key made from everything its content is read from: a record page from its own
file, the files of the records it names (parent, children, venues), the shared files (regions,
policy, targets …) and the build's setting; a county's area page from the files of that county's
records and their network; a page of a county's course list from which provider is on which of
its pages and the files of the providers on it (and what they name); any other page from the
whole catalogue. Every key also holds the code, the templates, `ui.yml`, `mkdocs.yml`, `docs/`
and the theme overrides, read afresh on each build, and "today". Between two builds of one plugin
(a live preview's, `Builds`) a page is written again only when its key changed; pages that vanished
(a deleted record) are deleted. MkDocs asks `File.is_modified()` in a dirty build; we answer it
from the key. The whole-catalogue files are put together from parts kept under the key of the
record they come from (`Pieces`).

The keys also name each provider's calendars on disk, and the QR codes are kept by address, so a
clean build also skips what an earlier build already made.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import jinja2

from learning_city import i18n
from learning_city.data import store
from learning_city.data.catalogue import Catalogue
from learning_city.data.files import SINGLE_FILES
from learning_city.site import lists, pages
from learning_city.site.context import BuildContext

_SITE_PACKAGE = Path(pages.__file__).resolve().parent


class _DirtyIsExact(logging.Filter):
    """MkDocs warns that a dirty build may be inaccurate, which strict mode turns into a failure;
    ours decides per page from its inputs, and a test checks it equals a clean build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


logging.getLogger("mkdocs.commands.build").addFilter(_DirtyIsExact())


def _digest(*parts: bytes | str) -> str:
    return store.key(*parts)


def _tree(*folders: Path) -> str:
    """Every file's path and bytes under the folders (templates, docs, overrides)."""
    digest = hashlib.sha256()
    for folder in folders:
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def setting(config, context: BuildContext) -> str:
    """What every page of a build depends on besides the catalogue."""
    config_file = Path(config["config_file_path"])
    custom_dir = config["theme"].custom_dir
    folders = [_SITE_PACKAGE / "templates", Path(config["docs_dir"])] + ([Path(custom_dir)] if custom_dir else [])
    return _digest(
        store.code_version("data", "i18n", "site"),
        _tree(*folders),
        i18n.UI_FILE.read_bytes(),
        config_file.read_bytes(),
        context.lang,
        context.repository,
        context.site_url,
        context.today.isoformat(),
    )


def record_digests(root: Path, catalogue: Catalogue) -> tuple[str, dict[tuple[str, str], str]]:
    """The shared files' digest, and each record's file digest by (collection, id)."""
    shared = _digest(*[(root / name).read_bytes() for name in SINGLE_FILES])
    return shared, {source: _digest((root / path).read_bytes()) for source, path in catalogue.sources.items()}


# Pages that show nothing of providers or venues: the policy (with the targets' numbers), the
# search page, the accessibility statement.
SHARED_ONLY = ("policy.md", "search.md", "accessibility.md")


def page_keys(root: Path, catalogue: Catalogue, setting_key: str, uris: list[str]) -> dict[str, str]:
    """The key of every page, by its source in docs (generated or not)."""
    shared, records = record_digests(root, catalogue)
    whole = _digest(shared, *[f"{c}/{i}:{d}" for (c, i), d in sorted(records.items())])
    layouts: dict[str, list] = {}  # a county's course list pages, once for all of them
    keys = {}
    for uri in uris:
        parts = uri.removesuffix(".md").split("/")
        if parts[0] in ("providers", "venues") and len(parts) == 2 and (parts[0], parts[1]) in records:
            related = _related(catalogue, parts[0], parts[1])
            keys[uri] = _digest(setting_key, uri, shared, *[f"{c}/{i}:{records[(c, i)]}" for c, i in related])
        elif parts[0] == "courses" and len(parts) >= 2 and parts[1] in catalogue.counties:
            layout = layouts.get(parts[1]) or layouts.setdefault(parts[1], lists.course_list_pages(catalogue, catalogue.counties[parts[1]]))
            number = int(parts[2]) if len(parts) > 2 else 1
            on_page = layout[number - 1] if number <= len(layout) else []
            related = sorted({r for provider in on_page for r in _related(catalogue, "providers", provider.id)})
            pages_of = ";".join(",".join(p.id for p in page) for page in layout)  # which provider is on which page
            keys[uri] = _digest(setting_key, uri, shared, pages_of, *[f"{c}/{i}:{records[(c, i)]}" for c, i in related])
        elif parts[0] == "areas" and len(parts) == 2 and parts[1] in catalogue.counties:
            related = _in_county(catalogue, parts[1])
            keys[uri] = _digest(setting_key, uri, shared, *[f"{c}/{i}:{records[(c, i)]}" for c, i in related])
        elif uri in SHARED_ONLY:
            keys[uri] = _digest(setting_key, uri, shared)
        else:
            keys[uri] = _digest(setting_key, uri, whole)
    return keys


def _related(catalogue: Catalogue, collection: str, record_id: str) -> list[tuple[str, str]]:
    """The record and the records its page names: parent, children, the venues of its courses."""
    found = [(collection, record_id)]
    if collection == "providers":
        provider = catalogue.providers[record_id]
        if provider.parent:
            found.append(("providers", provider.parent))
        found += [("providers", child.id) for child in catalogue.children.get(record_id, [])]
        found += sorted({("venues", course.venue) for course in provider.courses if course.venue})
        subjects = {course.category for course in provider.courses}  # issue 22: online resources on its subjects
        found += sorted(("resources", r.id) for r in catalogue.resources.values() if r.subject in subjects)
    return found


def _in_county(catalogue: Catalogue, county_id: str) -> list[tuple[str, str]]:
    """A county's records, and every provider below them in the network (its tree is on the page)."""
    county = catalogue.counties[county_id]
    found = {("venues", v.id) for v in catalogue.venues.values() if catalogue.county_of(v.region) is county}
    todo = [p.id for p in catalogue.providers.values() if catalogue.county_of(p.region) is county]
    while todo:
        provider_id = todo.pop()
        if ("providers", provider_id) not in found:
            found.add(("providers", provider_id))
            todo += [child.id for child in catalogue.children.get(provider_id, [])]
    return sorted(found)


def nav_sources(nav) -> set[str]:
    """The pages named in the navigation (mkdocs.yml's `nav`: names, or titles mapped to names or lists)."""
    found: set[str] = set()
    for item in nav or []:
        for value in item.values() if isinstance(item, dict) else [item]:
            found |= nav_sources(value) if isinstance(value, list) else {value} if isinstance(value, str) else set()
    return found


class Builds:
    """What the builds of one plugin wrote, by site folder, and work kept between them. A live
    preview's plugin lives as long as its server (it has `on_startup`), so its rebuilds see what
    the one before wrote; a plain build starts with nothing."""

    def __init__(self):
        # site folder -> ({page source: key}, {page source: file written}) of the last build there
        self._written: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
        self._remembered: dict[str, tuple[str, object]] = {}

    def mark(self, files, keys: dict[str, str], site_dir: str, nav: set[str]) -> set[str]:
        """Tell a dirty build which pages to write again. Pages in the navigation are always read
        again (every page written shows their titles, which MkDocs takes from the pages it reads);
        those whose key did not change are returned, to be kept as written once read (`keep`)."""
        before = self._written.get(site_dir, ({}, {}))[0]
        unchanged_nav = set()
        for file in files.documentation_pages():
            modified = before.get(file.src_uri) != keys.get(file.src_uri, "")
            if file.src_uri in nav and not modified:
                unchanged_nav.add(file.src_uri)
            file.is_modified = (lambda value: lambda: value)(modified or file.src_uri in nav)  # what MkDocs asks in a dirty build
        return unchanged_nav

    def finished(self, keys: dict[str, str], site_dir: str, dests: dict[str, str]) -> None:
        """Remember what this build wrote; delete the pages of sources gone since the last build."""
        if site_dir in self._written:
            before, before_dests = self._written[site_dir]
            for uri in set(before) - set(keys):
                (Path(site_dir) / before_dests[uri]).unlink(missing_ok=True)
        self._written[site_dir] = (dict(keys), dict(dests))

    def changed(self, keys: dict[str, str], site_dir: str, uri: str) -> bool:
        """Whether a page's inputs differ from the last build (always, on the first)."""
        return self._written.get(site_dir, ({}, {}))[0].get(uri) != keys.get(uri, "")

    def first(self, site_dir: str) -> bool:
        return site_dir not in self._written

    def remembered(self, kind: str, key: str, make):
        """A value made from inputs that `key` names, kept for the next build (a live preview's)."""
        if self._remembered.get(kind, ("",))[0] != key:
            self._remembered[kind] = (key, make())
        return self._remembered[kind][1]


def keep(file) -> None:
    """A page read for its title only: MkDocs will not write it again (it asks `is_modified`)."""
    file.is_modified = lambda: False


def made(kind: str, record: str, make):
    """A part of a whole-catalogue file, made afresh (a clean build: nothing kept)."""
    return make()


class Pieces:
    """Parts of the whole-catalogue files — the finder's data, the data package, the counties'
    calendars — made per record and kept, in a live preview, under the key of the record's page
    (the page reads what the part reads): after an edit only the edited record's parts are made
    again. Called as `pieces(kind, "providers/<id>.md", make)`, like `made`."""

    def __init__(self):
        self.keys: dict[str, str] = {}
        self._kept: dict[tuple[str, str], tuple[str, object]] = {}

    def __call__(self, kind: str, record: str, make):
        key = self.keys.get(record)
        if key is None:
            return make()
        kept = self._kept.get((kind, record))
        if kept is None or kept[0] != key:
            kept = self._kept[(kind, record)] = (key, make())
        return kept[1]


# --- a whole build with nothing changed --------------------------------------------------------

_ENV_NAMES = re.compile(r"!ENV\s*\[?\s*([A-Z_][A-Z0-9_]*)")
# Files whose change changes how the site is built: the pinned tools, the build and index scripts.
_TOOLING = ("requirements.txt", "package-lock.json", "pyproject.toml", "scripts/build.py", "scripts/search_index.mjs")


def build_inputs(config_file: Path, catalogue: Path, site_dir: Path, environ) -> str:
    """Everything a build of both languages reads: the code, templates, ui.yml, docs, overrides,
    mkdocs.yml and every setting it takes from the environment, the pinned tools, the catalogue's
    files (all of them, strays too) and "today" to the second (SOURCE_DATE_EPOCH, as build.py sets it)."""
    project = config_file.parent
    text = config_file.read_text(encoding="utf-8")
    settings = sorted({*_ENV_NAMES.findall(text), "SOURCE_DATE_EPOCH"})
    catalogue_files = sorted(p for p in catalogue.rglob("*") if p.is_file() or p.is_symlink())
    return _digest(
        store.code_version("data", "i18n", "site", "tools", "plugin"),
        text,
        i18n.UI_FILE.read_bytes(),
        _tree(project / "docs", project / "overrides", project / "macros", _SITE_PACKAGE / "templates"),
        *[(project / name).read_bytes() if (project / name).is_file() else b"" for name in _TOOLING],
        *[f"{name}={environ.get(name, '')}" for name in settings],
        str(catalogue.resolve()),
        str(site_dir.resolve()),
        *[f"{p.relative_to(catalogue)}:{'link' if p.is_symlink() else _digest(p.read_bytes())}" for p in catalogue_files],
    )


def _manifest(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Each file of a built site with its size and modification time: any change to the output shows."""
    return {p.relative_to(site_dir).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in site_dir.rglob("*") if p.is_file()}


def up_to_date(disk: store.Store, site_dir: Path, inputs: str) -> bool:
    """True when site_dir holds, untouched, what a build of these inputs wrote."""
    kept = disk.get("site", _digest(str(site_dir.resolve())))
    return isinstance(kept, tuple) and kept[0] == inputs and site_dir.is_dir() and kept[1] == _manifest(site_dir)


def built(disk: store.Store, site_dir: Path, inputs: str) -> None:
    disk.put("site", _digest(str(site_dir.resolve())), (inputs, _manifest(site_dir)))


# --- compiled templates and other work kept between builds ------------------------------------------


def template_cache(disk: store.Store, *versions: str) -> jinja2.BytecodeCache | None:
    """Compiled Jinja templates on disk. Jinja checks each entry against its template's source; the
    folder is named by the versions of what compiles them (Jinja, the theme, our code), so a change
    of environment never reads code compiled for another."""
    if disk.folder is None:
        return None
    folder = disk.folder / "jinja" / _digest(jinja2.__version__, *versions)[:32]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
