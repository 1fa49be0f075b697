"""The MkDocs plugin: one build of one language, from the catalogue to the written site.

It puts a build together and holds its state: the build's context (language, day, addresses,
templates: learning_city/site/context.py), decided once in `on_config`; the catalogue, loaded and
checked once; the HTML set aside for pages (`Slots`). Its events: the language's configuration,
one generated page per provider, venue and county, the page HTML put back after Markdown, the web
editor's files (learning_city/tools/editor.py), open data after the build, and live reload on the
catalogue. The page macros (macros/main.py) are registered through macros.py; all markup comes
from the renderers in `learning_city.site`.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import shutil
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import cast

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from learning_city import i18n
from learning_city.data import store
from learning_city.data.catalogue import Catalogue
from learning_city.data.loader import load, resolve_root
from learning_city.data.model import Provider, Text, Venue
from learning_city.data.store import Store
from learning_city.data.today import today
from learning_city.plugin import macros as page_macros
from learning_city.plugin.config import CatalogueConfig, EditorConfig, GovernmentConfig, checked
from learning_city.site import calendars, context, enrolment, exports, feed, government, incremental, qr, search_records, sharing
from learning_city.site import events as render_events
from learning_city.site import lists as render_lists
from learning_city.site import recognitions as render_recognitions
from learning_city.site import records as render_records
from learning_city.site import teams as render_teams
from learning_city.site.slots import Slots
from learning_city.site.templates import html
from learning_city.tools import editor

# A page the plugin makes has no text of the catalogue in its Markdown: only its front matter and
# one marker for its heading and body (Slots), so neither Markdown nor mkdocs-macros ever reads a
# name. mkdocs-macros skips it (`render_macros: false`: its content comes from the slots, and
# thousands of pages would each be compiled as a Jinja template only to call one function). Its
# title is decided here, plain text (see _set_title).
GENERATED_PAGE = "---\n{meta}\n---\n{marker}"
# The id of their heading: the theme's skip link goes to the first entry of page.toc (_set_title).
HEADING = "title"
RECORDS = ("providers", "venues")  # a page each
# The lists too long for a city-wide page: each county's area page, and its courses in pages of
# whole providers (the first at courses/<county>/, then courses/<county>/2/ …); out of the search.
LIST_META = {"search": "exclude", "hide": ["toc"]}
# The few interface strings the theme's templates show themselves.
TEMPLATE_STRINGS = (
    "elderly.toggle",
    "elderly.toggle_help",
    "a11y.link",
    "feed.title",
    "notfound.title",
    "notfound.text",
    "notfound.home",
    "notfound.search",
)
# ui.yml's keys that word over Material's own (its "action.skip" as "material.action.skip").
MATERIAL_PREFIX = "material."
# The web editor lives once, at /admin/ of the Chinese site; its bundle comes from npm (make install).
ADMIN = "admin/"
# npm files copied beside the editor: Decap's bundle, the YAML library (vendor/yaml), pinyin for ids (vendor/pinyin-pro),
# Nunjucks for the preview (vendor/nunjucks)
EDITOR_BUNDLE = {
    "decap-cms/dist": ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt"),
    "yaml/browser/dist": ("**/*.js",),
    "pinyin-pro/dist": ("index.js",),
    "nunjucks/browser": ("nunjucks.min.js",),
}
VENDORED = ("yaml", "pinyin-pro", "nunjucks")  # packages that go to vendor/NAME rather than beside index.html


_THEME_VERSIONS = tuple(metadata.version(name) for name in ("mkdocs", "mkdocs-material"))


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    def __init__(self):
        self.context: context.BuildContext  # decided by on_config, before any other event reads it
        self.catalogue: Catalogue  # loaded by on_config, before any other event reads it
        self.slots = Slots()
        self.root = Path("catalogue")
        self.page = None  # the page mkdocs-macros is about to render (see on_page_markdown)
        self.editor: dict = {}  # extra.editor, checked
        self.parsed: dict | None = None  # serve: every file parsed, kept between rebuilds
        self.keys: dict[str, str] = {}  # each page's inputs (incremental.py)
        self.pieces = incremental.Pieces()  # serve: the whole-catalogue files' parts, kept by record
        self.builds = incremental.Builds()  # serve: what the last build wrote, for the next
        self.unchanged_nav: set[str] = set()  # serve: pages read for their titles, not written again
        self.titles: dict[str, str] = {}  # the plugin's pages' titles, plain text, by source path
        self.heading: Callable[..., str]  # their headings (lc/macros.html page_heading), found by on_files
        self.disk = Store.default()

    def on_startup(self, command, dirty):
        """`make serve` keeps parsed files between rebuilds (the plugin lives as long as the server)."""
        self.parsed = {} if command == "serve" else None

    @property
    def lang(self) -> str:
        return self.context.lang

    @event_priority(100)  # before mkdocs-macros, wherever mkdocs.yml lists the two
    def on_config(self, config):
        """The build's context, the language's site name and switch, and the catalogue, loaded and checked once."""
        lang = config["theme"]["language"]
        self.root = resolve_root(self.config.catalogue, Path(config["config_file_path"]).parent)
        i18n.strings.cache_clear()  # ui.yml read afresh, so a live preview shows a changed string
        serving = self.parsed is not None
        # A build loads with the day validation used (`make site` validates first), so validation's
        # whole load is found on disk; a live preview keeps parsed files instead, and needs no warnings.
        build_day = today(os.environ)  # the one read of the day: SOURCE_DATE_EPOCH, else today in Jiaxing
        catalogue, problems = load(self.root, None if serving else build_day, cache=self.parsed, disk=self.disk, whole=not serving)
        qr.load(self.disk, lang)
        if catalogue is None:  # PluginError stops the build with the message and no traceback
            raise PluginError("catalogue has problems / 目录有错误:\n" + "\n".join(map(str, problems)))
        self.catalogue, self.slots = catalogue, Slots()
        self.context = ctx = context.make(
            lang,
            build_day,
            config.get("site_url") or "",
            self.config.repository,
            config["theme"].custom_dir,
            search_bundle_size=self.config.search_bundle_size,
        )
        ctx.templates.env.bytecode_cache = incremental.template_cache(self.disk, "lc", store.code_version("i18n", "site"))
        page_macros.register(config["plugins"], self.config.macros, ctx, catalogue, self.slots, self._page_url)
        config["site_name"] = i18n.t("site.name", lang)
        config["site_description"] = i18n.t("site.description", lang)
        if ctx.site_url:
            config["site_url"] = ctx.site_url  # this language's root: /en/ for English
        config["extra"]["lc_ui"] = {key: i18n.t(key, lang) for key in TEMPLATE_STRINGS}
        config["extra"]["lc_material"] = {  # Material's words we word over (overrides/partials/language.html)
            key.removeprefix(MATERIAL_PREFIX): i18n.t(key, lang) for key in i18n.strings() if key.startswith(MATERIAL_PREFIX)
        }
        for palette in config["theme"].get("palette") or []:  # the colour switch's words, in this language
            if palette.get("toggle"):
                palette["toggle"]["name"] = i18n.t(f"palette.{palette['scheme']}", lang)
        settings = checked(GovernmentConfig, config["extra"].get("government"), "extra.government")  # empty: nothing shown
        self.editor = checked(EditorConfig, config["extra"].get("editor"), "extra.editor")
        config["extra"]["lc_gov"] = {
            "footer": government.footer(settings, lang, templates=ctx.templates),
            "meta": government.meta_tags(settings, config["site_name"], ctx.site_url, templates=ctx.templates),
        }
        back = "../" * i18n.ROOTS[lang].count("/")
        # The language switch and the hreflang links are ours (overrides/): `alternate` only tells Material
        # to show the switch. Its own <link rel="alternate"> would name each language's root, not the page.
        config["extra"]["alternate"] = True
        config["extra"]["lc_languages"] = [
            {
                "name": i18n.t(f"language.{other}", lang),
                "lang": other,
                "root": back + i18n.ROOTS[other],
                "current": other == lang,
                "site": ctx.site_root + i18n.ROOTS[other] if ctx.site_root else "",
            }
            for other in i18n.LANGUAGES
        ]
        return config

    def on_files(self, files, config):
        """A page for every provider, venue and county; ids are validated slugs, never text."""
        catalogue, ctx, lang = self.catalogue, self.context, self.context.lang
        paged: list[tuple[str, Mapping[str, Provider | Venue]]] = [("providers", catalogue.providers), ("venues", catalogue.venues)]
        self.titles = {}
        self.heading = ctx.templates.macro("lc/macros.html", "page_heading")  # a macro: 25 times faster than a template
        for collection, records in paged:
            for record_id, record in sorted(records.items()):
                render: Callable[[], str] = functools.partial(_record_page, collection, catalogue, record, ctx)
                files.append(self._generated(config, f"{collection}/{record_id}.md", record.name, render, {}))
        for county in catalogue.regions.counties:
            path = f"areas/{county.id}.md"
            area = functools.partial(render_lists.area, catalogue, county, lang, render_teams.page_base(path), templates=ctx.templates)
            files.append(self._generated(config, path, county.name, area, LIST_META))
            for number in range(1, len(render_lists.course_list_pages(catalogue, county)) + 1):
                path = f"courses/{county.id}.md" if number == 1 else f"courses/{county.id}/{number}.md"
                title = i18n.t("courses.county_title", lang, county=county.name.get(lang))
                if number > 1:
                    title += " · " + i18n.t("courses.page", lang, n=number)
                courses = functools.partial(
                    render_lists.county_courses, catalogue, county, number, lang, render_teams.page_base(path), templates=ctx.templates
                )
                files.append(self._generated(config, path, title, courses, LIST_META))
        # issue 22: learning teams (an index, a page per county), online resources, events (this week's
        # first, by the build's day) and recognitions, each page through the slots
        made_pages = (
            (render_teams.pages(catalogue, lang), render_teams.PAGE_META),
            (render_events.pages(catalogue, lang, ctx.today, ctx.site_url), render_teams.PAGE_META),
            (render_recognitions.pages(catalogue, lang), render_recognitions.PAGE_META),  # searchable, unlike the others
        )
        for pages, meta in made_pages:
            for path, title, made in pages:
                render = functools.partial(made, render_teams.page_base(path), templates=ctx.templates)
                files.append(self._generated(config, path, title, render, meta))
        # the page scripts' interface strings, once per language rather than in every page
        strings = json.dumps(enrolment.script_strings(lang), ensure_ascii=False, sort_keys=True)
        files.append(File.generated(config, "assets/strings.js", content=f"window.lcStrings = {strings};\n"))
        setting = incremental.setting(config, ctx)
        self._admin_files(files, config, setting)
        self.keys = incremental.page_keys(self.root, catalogue, setting, [f.src_uri for f in files.documentation_pages()])
        self.pieces.keys = self.keys
        self.unchanged_nav = self.builds.mark(files, self.keys, config["site_dir"], incremental.nav_sources(config["nav"]))
        self.files = files
        return files

    def _generated(self, config, path: str, title: str | Text, render: Callable[[], str], meta: dict) -> File:
        """A page the plugin makes (GENERATED_PAGE): its title kept as plain text for _set_title; its
        heading (the title, escaped by lc/macros.html page_heading; untranslated catalogue text tagged
        as Chinese) and its body rendered into one slot when the page is written."""
        lang = self.lang
        plain = title.get(lang) if isinstance(title, Text) else title
        tagged = "zh" if isinstance(title, Text) and title.is_fallback(lang) else None
        self.titles[path] = plain
        heading = self.heading
        marker = self.slots.put(lambda: str(heading(HEADING, plain, tagged)) + render())  # str: Markup + str would escape the body
        front = json.dumps({"render_macros": False, **meta})  # YAML, as JSON is; json writes it ~100 times faster (2.6 µs, measured)
        return File.generated(config, path, content=GENERATED_PAGE.format(meta=front, marker=marker))

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
        inputs = setting + repr(self.editor) + (self.root / "regions.yml").read_text("utf-8")
        made = self.builds.remembered("editor", inputs, lambda: editor.generated(self.root, self.config.repository, self.editor))
        for name, text in made.items():
            files.append(File.generated(config, ADMIN + name, content=text))
        files.append(File.generated(config, ADMIN + "records.json", content=editor.records_json(self.catalogue)))
        scripts = [str(s) for s in config["extra_javascript"] if not (getattr(s, "defer", False) or getattr(s, "async_", False))]
        preview = render_records.preview_json(self.context.templates, self.context.repository, self.context.site_url, scripts)
        files.append(File.generated(config, ADMIN + "preview.json", content=preview))

    def _page_url(self) -> str:
        """The address of the page mkdocs-macros is rendering (the macros make links relative to it)."""
        if self.page is None:
            raise PluginError("a page macro ran outside a page / 宏只能在页面中使用")
        return self.page.url

    @event_priority(100)  # before mkdocs-macros renders the page
    def on_page_markdown(self, markdown, page, config, files):
        """The page the macros render next."""
        self.page = page
        if page.file.src_uri in self.titles:
            # mkdocs-macros renders a page's title as a template when it looks like one ({{, {%, {#),
            # whatever the page's `render_macros` says; until Markdown is done this page has none
            page.title = ""
        if page.file.src_uri in self.unchanged_nav:
            incremental.keep(page.file)
        return markdown

    def on_env(self, env, config, files):
        """The theme's templates compiled once and kept (Jinja checks each against its source)."""
        env.bytecode_cache = incremental.template_cache(self.disk, "theme", store.code_version("i18n", "site"), *_THEME_VERSIONS)
        return env

    @event_priority(-100)  # after every other plugin's
    def on_page_content(self, html, page, config, files):
        """A generated page's title, now that Markdown and mkdocs-macros are done with the page."""
        self._set_title(page)
        return html

    def _set_title(self, page) -> None:
        """Where the theme reads a page's title — page.meta.title (the <title> and the header, as
        it is), page.title (navigation, tabs, footer) and the table of contents' one entry (the skip
        link's target, the heading), all HTML — the plain title escaped once. Material's
        `page.title | striptags` would turn escaped text back into markup; with meta.title set, it is not used."""
        title = self.titles.get(page.file.src_uri)
        if title is not None:
            page.meta["title"] = page.title = str(html(title))
            page.toc = get_toc([{"level": 1, "id": HEADING, "name": page.title, "children": []}])

    def on_page_context(self, context, page, config, nav):
        """Put the pages' HTML where their markers stand (see Slots), just before the page is
        written: MkDocs reads every page before it writes any, so HTML made earlier would all be
        held at once (about 700 MB a language at city scale)."""
        page.content = self.slots.fill(page.content)
        self._set_title(page)  # again: nothing after on_page_content may have changed it
        if self.context.site_url and page.url is not None:  # what WeChat and other apps show of a shared page (sharing.py)
            title = self.titles.get(page.file.src_uri) or Markup(page.title or "").striptags()
            context["lc_share"] = sharing.tags(self.catalogue, page.file.src_uri, title, self.lang, self.context.site_url, page.url)
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
        exports.write(self.catalogue, self.lang, site_dir, site_url, self.context.today, piece)
        self._write_calendars(config["site_dir"], site_url, first)
        _write_files(site_dir, calendars.county_calendars(self.catalogue, self.lang, site_url, piece))
        _write_files(site_dir, render_events.calendar_files(self.catalogue, self.lang, site_url))  # issue 22: events
        (site_dir / feed.PATH).write_bytes(feed.feed(self.catalogue, self.root, self.lang, site_url))
        if self.config.search_records:
            search_records.write(self.catalogue, self.lang, Path(self.config.search_records), self.config.search_bundle_size)
        _copy_npm_files(site_dir / "assets" / "vendor", {"qrcode-generator/dist": ("qrcode.js",)})
        if self.lang == "zh" and first:
            _copy_editor_bundle(site_dir / ADMIN)
        pages = self.files.documentation_pages()
        self.builds.finished(self.keys, config["site_dir"], {f.src_uri: f.dest_uri for f in pages})
        addresses = {site_url + f.url for f in pages if f.src_uri.split("/")[0] in RECORDS}
        qr.save(self.disk, self.lang, addresses)
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


def _record_page(collection: str, catalogue: Catalogue, record: Provider | Venue, ctx: context.BuildContext) -> str:
    """A provider's page (it ends with the online resources on its subjects) or a venue's."""
    url = f"{collection}/{record.id}/"
    base, page = "../" * url.count("/"), ctx.site_url + url
    if isinstance(record, Provider):
        return render_teams.provider_page(catalogue, record, ctx.lang, base, ctx.repository, page, templates=ctx.templates)
    return render_records.venue_page(catalogue, record, ctx.lang, base, ctx.repository, page, templates=ctx.templates, today=ctx.today)


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
