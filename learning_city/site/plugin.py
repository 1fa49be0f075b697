"""The MkDocs plugin: one build of one language, from the catalogue to the written site.

It holds the build's state — the catalogue, loaded and checked once, and the HTML set aside for
pages (`Slots`) — and every event of the build: the language's configuration, one generated page
per provider, venue and county, the page HTML put back after Markdown, the web editor's files,
open data after the build, and live reload on the catalogue. It registers the page macros
(macros/main.py: thin wrappers that read this state) with mkdocs-macros' `register_macros`; all
markup comes from the renderers in `learning_city.site`.
"""

from __future__ import annotations

import functools
import gc
import importlib.util
import json
import os
import shutil
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import cast

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from learning_city.data import store
from learning_city.data.catalogue import Catalogue
from learning_city.data.loader import load, resolve_root
from learning_city.data.model import Provider, Venue
from learning_city.data.store import Store
from learning_city.data.today import today
from learning_city.site import calendars, enrolment, exports, feed, government, i18n, incremental, search_records, sharing
from learning_city.site import events as render_events
from learning_city.site import lists as render_lists
from learning_city.site import recognitions as render_recognitions
from learning_city.site import records as render_records
from learning_city.site import teams as render_teams
from learning_city.site.config import CatalogueConfig
from learning_city.site.slots import Slots
from learning_city.site.templates import PACKAGE_FOLDER, Templates
from learning_city.tools import editor

# A record page is its escaped name and a marker for its HTML, made when the page is written.
# It skips the macros' template step: thousands of pages would each be compiled as a Jinja
# template only to call one function.
RECORD_PAGE = "---\nrender_macros: false\n---\n# {title}\n{marker}"
RENDERERS: dict[str, Callable[..., str]] = {"providers": render_teams.provider_page, "venues": render_records.venue_page}  # a provider's page ends with online resources
# Pages for the lists too long for a city-wide page: each county's area page, and its courses
# in pages of whole providers (the first at courses/<county>/, then courses/<county>/2/ …).
LIST_PAGE = "---\nsearch: exclude\nhide:\n  - toc\n---\n# {{{{ {title}({args}) }}}}\n\n{{{{ {body}({args}) }}}}\n"
# The few interface strings the theme's templates show themselves.
TEMPLATE_STRINGS = ("elderly.toggle", "elderly.toggle_help", "a11y.link", "feed.title")
# The web editor lives once, at /admin/ of the Chinese site; its bundle comes from npm (make install).
ADMIN = "admin/"
# npm files copied beside the editor: Decap's bundle, the YAML library (vendor/yaml), pinyin for ids (vendor/pinyin-pro),
# Nunjucks for the preview (vendor/nunjucks)
EDITOR_BUNDLE = {"decap-cms/dist": ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt"), "yaml/browser/dist": ("**/*.js",),
                 "pinyin-pro/dist": ("index.js",), "nunjucks/browser": ("nunjucks.min.js",)}
VENDORED = ("yaml", "pinyin-pro", "nunjucks")  # packages that go to vendor/NAME rather than beside index.html


_THEME_VERSIONS = tuple(metadata.version(name) for name in ("mkdocs", "mkdocs-material"))


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    def __init__(self):
        self.catalogue: Catalogue  # loaded by on_config, before any other event reads it
        self.slots = Slots()
        self.lang = "zh"
        self.root = Path("catalogue")
        self.templates = Templates([PACKAGE_FOLDER])
        self.page = None  # the page mkdocs-macros is about to render (see on_page_markdown)
        self.site_url = ""  # this language's address, from site_url
        self.parsed: dict | None = None  # serve: every file parsed, kept between rebuilds
        self.keys: dict[str, str] = {}  # each page's inputs (incremental.py)
        self.pieces = incremental.Pieces()  # serve: the whole-catalogue files' parts, kept by record
        self.builds = incremental.Builds()  # serve: what the last build wrote, for the next
        self.unchanged_nav: set[str] = set()  # serve: pages read for their titles, not written again
        self.disk = Store.default()

    def on_startup(self, command, dirty):
        """`make serve` keeps parsed files between rebuilds (the plugin lives as long as the server)."""
        self.parsed = {} if command == "serve" else None

    @property
    def repository(self) -> str:
        return self.config.repository.rstrip("/")

    def on_config(self, config):
        """The language's site name and switch, and the catalogue, loaded and checked once."""
        self.lang = lang = config["theme"]["language"]
        self.root = resolve_root(self.config.catalogue, Path(config["config_file_path"]).parent)
        i18n.strings.cache_clear()  # ui.yml read afresh, so a live preview shows a changed string
        serving = self.parsed is not None
        # A build loads with the day validation used (`make site` validates first), so validation's
        # whole load is found on disk; a live preview keeps parsed files instead, and needs no warnings.
        day = None if serving else today(os.environ)
        catalogue, problems = load(self.root, day, cache=self.parsed, disk=self.disk, whole=not serving)
        incremental.load_qr_codes(self.disk, lang)
        if catalogue is None:  # PluginError stops the build with the message and no traceback
            raise PluginError("catalogue has problems / 目录有错误:\n" + "\n".join(map(str, problems)))
        self.catalogue, self.slots = catalogue, Slots()
        # a site overrides any page template from the theme's custom_dir (overrides/lc/<name>.html)
        custom_dir = config["theme"].custom_dir
        self.templates = Templates([custom_dir, PACKAGE_FOLDER] if custom_dir else [PACKAGE_FOLDER])
        self.templates.env.bytecode_cache = incremental.template_cache(self.disk, "lc", store.code_version("site"))
        macros = config["plugins"].get("macros")
        if macros is None:
            raise PluginError("learning-city needs the macros plugin listed after it / 须在 learning-city 之后列出 macros 插件")
        macros.register_macros(_page_macros(self.config.macros)(self))
        config["site_name"] = i18n.t("site.name", lang)
        config["site_description"] = i18n.t("site.description", lang)
        site_root = (config.get("site_url") or "").rstrip("/") + "/"  # the Chinese root: hreflang links name pages by full URL
        if config.get("site_url") and i18n.ROOTS[lang]:
            config["site_url"] = config["site_url"].rstrip("/") + "/" + i18n.ROOTS[lang]
        self.site_url = config["site_url"] or ""
        config["extra"]["lc_ui"] = {key: i18n.t(key, lang) for key in TEMPLATE_STRINGS}
        settings = config["extra"].get("government")  # empty: no footer lines, no meta tags
        config["extra"]["lc_gov"] = {
            "footer": government.footer(settings, lang, templates=self.templates),
            "meta": government.meta_tags(settings, config["site_name"], config["site_url"], templates=self.templates),
        }
        back = "../" * i18n.ROOTS[lang].count("/")
        # The language switch and the hreflang links are ours (overrides/): `alternate` only tells Material
        # to show the switch. Its own <link rel="alternate"> would name each language's root, not the page.
        config["extra"]["alternate"] = True
        config["extra"]["lc_languages"] = [
            {
                "name": i18n.t(f"language.{other}", lang), "lang": other, "root": back + i18n.ROOTS[other], "current": other == lang,
                "site": site_root + i18n.ROOTS[other] if config.get("site_url") else "",
            }
            for other in i18n.LANGUAGES
        ]
        return config

    def on_files(self, files, config):
        """A page for every provider, venue and county; ids are validated slugs, never text."""
        catalogue, lang = self.catalogue, self.lang
        paged: list[tuple[str, Mapping[str, Provider | Venue]]] = [("providers", catalogue.providers), ("venues", catalogue.venues)]
        for collection, records in paged:
            for record_id, record in sorted(records.items()):
                url = f"{collection}/{record_id}/"
                render: Callable[..., str] = functools.partial(
                    RENDERERS[collection], catalogue, record, lang, "../" * url.count("/"), self.repository, config["site_url"] + url,
                    templates=self.templates,
                )
                title = render_records.heading_text(record.name.get(lang))
                if record.name.is_fallback(lang):  # untranslated: the Chinese, tagged as Chinese
                    title = f'<span lang="zh">{title}</span>'
                content = RECORD_PAGE.format(title=title, marker=self.slots.put(render))
                files.append(File.generated(config, f"{collection}/{record_id}.md", content=content))
        for county in catalogue.regions.counties:
            args = f"'{county.id}'"
            files.append(File.generated(config, f"areas/{county.id}.md", content=LIST_PAGE.format(title="area_title", body="area", args=args)))
            for number in range(1, len(render_lists.course_list_pages(catalogue, county)) + 1):
                path = f"courses/{county.id}.md" if number == 1 else f"courses/{county.id}/{number}.md"
                args = f"'{county.id}', {number}"
                content = LIST_PAGE.format(title="county_courses_title", body="county_courses", args=args)
                files.append(File.generated(config, path, content=content))
        # issue 22: learning teams (an index, a page per county) and online resources, through the slots
        for path, title, render in render_teams.pages(catalogue, lang):
            marker = self.slots.put(functools.partial(render, render_teams.page_base(path), templates=self.templates))
            files.append(File.generated(config, path, content=render_teams.PAGE.format(title=render_records.heading_text(title), marker=marker)))
        # issue 22: events, one page with this week's first, by the build's today
        for path, title, render in render_events.pages(catalogue, lang, today(os.environ), config["site_url"] or ""):
            marker = self.slots.put(functools.partial(render, render_teams.page_base(path), templates=self.templates))
            files.append(File.generated(config, path, content=render_teams.PAGE.format(title=render_records.heading_text(title), marker=marker)))
        # issue 22: the recognitions page, through the slots like the teams' pages
        for path, title, render in render_recognitions.pages(catalogue, lang):
            marker = self.slots.put(functools.partial(render, render_teams.page_base(path), templates=self.templates))
            files.append(File.generated(config, path, content=render_recognitions.PAGE.format(title=render_records.heading_text(title), marker=marker)))
        # the page scripts' interface strings, once per language rather than in every page
        strings = json.dumps(enrolment.script_strings(lang), ensure_ascii=False, sort_keys=True)
        files.append(File.generated(config, "assets/strings.js", content=f"window.lcStrings = {strings};\n"))
        setting = incremental.setting(config, lang, self.repository)
        self._admin_files(files, config, setting)
        self.keys = incremental.page_keys(self.root, catalogue, setting, [f.src_uri for f in files.documentation_pages()])
        self.pieces.keys = self.keys
        self.unchanged_nav = self.builds.mark(files, self.keys, config["site_dir"], incremental.nav_sources(config["nav"]))
        self.files = files
        return files

    def _admin_files(self, files, config, setting: str) -> None:
        """/admin/ in the Chinese build only, its config.yml written for the repository and forge of this build."""
        admin = [f for f in files if f.src_uri.startswith(ADMIN)]
        if not admin:
            return
        for file in admin:
            if self.lang != "zh" or file.src_uri in (ADMIN + "config.yml", ADMIN + "model.js"):
                files.remove(file)
        if self.lang != "zh":
            return
        settings = config["extra"].get("editor") or {}
        inputs = setting + repr(settings) + (self.root / "regions.yml").read_text("utf-8")
        made = self.builds.remembered("editor", inputs, lambda: editor.generated(self.root, self.config.repository, settings))
        for name, text in made.items():
            files.append(File.generated(config, ADMIN + name, content=text))
        files.append(File.generated(config, ADMIN + "records.json", content=editor.records_json(self.catalogue)))
        scripts = [str(s) for s in config["extra_javascript"] if not (getattr(s, "defer", False) or getattr(s, "async_", False))]
        preview = render_records.preview_json(self.templates, self.repository, config["site_url"] or "", scripts)
        files.append(File.generated(config, ADMIN + "preview.json", content=preview))

    def on_page_markdown(self, markdown, page, config, files):
        """The page the macros render next (this plugin's events run before mkdocs-macros')."""
        self.page = page
        if page.file.src_uri in self.unchanged_nav:
            incremental.keep(page.file)
        return markdown

    def on_env(self, env, config, files):
        """The theme's templates compiled once and kept (Jinja checks each against its source)."""
        env.bytecode_cache = incremental.template_cache(self.disk, "theme", store.code_version("site"), *_THEME_VERSIONS)
        return env

    def on_page_context(self, context, page, config, nav):
        """Put the pages' HTML where their markers stand (see Slots), just before the page is
        written: MkDocs reads every page before it writes any, so HTML made earlier would all be
        held at once (about 700 MB a language at city scale)."""
        page.content = self.slots.fill(page.content)
        if self.site_url and page.url is not None:  # what WeChat and other apps show of a shared page (sharing.py)
            title = Markup(page.title or "").striptags()
            context["lc_share"] = sharing.tags(self.catalogue, page.file.src_uri, title, self.lang, self.site_url, page.url)
            page.meta["description"] = context["lc_share"]["og:description"]
        return context

    def on_post_page(self, output, page, config):
        """The page is written: its HTML is not needed again."""
        page.content = None
        return output

    def on_post_build(self, config):
        """Open data from the catalogue this build loaded — the data package, this language's
        calendars and feed —, the courses' search records, and the editor's bundle beside /admin/."""
        site_dir, site_url = Path(config["site_dir"]), config["site_url"]
        first = self.builds.first(config["site_dir"])
        piece = self.pieces if self.parsed is not None else incremental.made  # a clean build keeps nothing
        exports.write(self.catalogue, self.lang, site_dir, site_url, today(os.environ), piece)
        self._write_calendars(config["site_dir"], site_url, first)
        _write_files(site_dir, calendars.county_calendars(self.catalogue, self.lang, site_url, piece))
        _write_files(site_dir, render_events.calendar_files(self.catalogue, self.lang, site_url))  # issue 22: events
        (site_dir / feed.PATH).write_bytes(feed.feed(self.catalogue, self.root, self.lang, site_url))
        search_records.write(self.catalogue, self.lang)
        _copy_npm_files(site_dir / "assets" / "vendor", {"qrcode-generator/dist": ("qrcode.js",)})
        if self.lang == "zh" and first:
            _copy_editor_bundle(site_dir / ADMIN)
        pages = self.files.documentation_pages()
        self.builds.finished(self.keys, config["site_dir"], {f.src_uri: f.dest_uri for f in pages})
        addresses = {site_url + f.url for f in pages if f.src_uri.split("/")[0] in RENDERERS}
        incremental.save_qr_codes(self.disk, self.lang, addresses)
        if first and self.parsed is not None:
            # A live preview keeps millions of objects (parsed files, the catalogue, kept parts);
            # Python's collector would walk them all in its full passes during every rebuild.
            # Frozen, they are left out of those passes (still freed when no longer referred to).
            gc.freeze()

    def _write_calendars(self, site_dir: str, site_url: str, first: bool) -> None:
        """Each provider's calendars, kept on disk under its page's key (the calendars read what the
        page reads); in a live preview only those whose key changed are written again."""
        for provider_id, provider in sorted(self.catalogue.providers.items()):
            uri = f"providers/{provider_id}.md"
            if not first and not self.builds.changed(self.keys, site_dir, uri):
                continue  # a live preview: an earlier build wrote them, from the same inputs
            key = self.keys.get(uri)
            name = store.key("calendars", key or "", self.lang, site_url)
            files = self.disk.get("calendars", name) if key else store.MISSING
            if files is store.MISSING:
                files = calendars.provider_calendars(self.catalogue, provider, self.lang, site_url)
                if key:
                    self.disk.put("calendars", name, files)
            _write_files(Path(site_dir), cast(dict[str, bytes], files))  # what provider_calendars made, or kept

    def on_serve(self, server, config, builder):
        """Live reload when the catalogue changes, wherever it is."""
        server.watch(str(self.root))
        return server


def _write_files(site_dir: Path, files: dict[str, bytes]) -> None:
    for path, content in files.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(content)


def _page_macros(path: str):
    """`page_macros` of the macros module named in mkdocs.yml (a file beside it, not a package)."""
    spec = importlib.util.spec_from_file_location("learning_city_page_macros", path)
    if spec is None or spec.loader is None:
        raise PluginError(f"macros: not a Python file / 不是 Python 文件: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.page_macros


def _copy_editor_bundle(target: Path) -> None:
    """Decap's bundle, the YAML, pinyin and Nunjucks libraries beside the editor: nothing loads from another host."""
    _copy_npm_files(target, EDITOR_BUNDLE)


def _copy_npm_files(target: Path, bundle: dict) -> None:
    """Files of npm packages into the site (the editor's bundle; the QR code library that draws one
    course's printed card, docs/assets/course.js): nothing loads from another host."""
    modules = Path(editor.__file__).resolve().parents[2] / "node_modules"  # npm ci in this repository
    for folder, patterns in bundle.items():
        source = modules / folder
        if not source.is_dir():
            raise PluginError(f"{source} 不存在，请运行 make install（npm ci） / is missing: run make install (npm ci)")
        package = folder.split("/")[0]
        into = target / ("vendor/" + package if package in VENDORED else "")
        for pattern in patterns:
            for path in source.glob(pattern):
                (into / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, into / path.relative_to(source))
