"""MkDocs hooks: language-dependent configuration and one page per record and per county.

One mkdocs.yml serves both languages (SITE_LANG=zh|en); the site's name, description and
the language switch come from `learning_city/ui.yml`, so no translation lives in config.
Record pages hold only a macro call with the record's id (a validated slug), never its text.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from learning_city import i18n
from learning_city.loader import COLLECTIONS, load_regions, resolve_root

RECORD_PAGE = "# {{{{ record_title('{collection}', '{id}') }}}}\n\n{{{{ {macro}('{id}') }}}}\n"
MACRO = {"providers": "provider", "venues": "venue"}
# One page per county for the lists too long for a city-wide page: (path, title macro, body macro).
COUNTY_PAGES = [("areas/{id}.md", "area_title", "area"), ("courses/{id}.md", "county_courses_title", "county_courses")]
COUNTY_PAGE = "---\nsearch: exclude\nhide:\n  - toc\n---\n# {{{{ {title}('{id}') }}}}\n\n{{{{ {body}('{id}') }}}}\n"


def _root(config) -> Path:
    return resolve_root(config["extra"]["catalogue"], Path(config["config_file_path"]).parent)


def on_config(config):
    lang = config["theme"]["language"]
    config["site_name"] = i18n.t("site.name", lang)
    config["site_description"] = i18n.t("site.description", lang)
    if config.get("site_url") and i18n.ROOTS[lang]:
        config["site_url"] = config["site_url"].rstrip("/") + "/" + i18n.ROOTS[lang]
    back = "../" * i18n.ROOTS[lang].count("/")
    config["extra"]["alternate"] = [
        {"name": i18n.t(f"language.{other}", lang), "lang": other, "root": back + i18n.ROOTS[other], "current": other == lang}
        for other in i18n.LANGUAGES
    ]
    return config


def on_files(files, config):
    """A page for every provider, venue and county; ids are validated slugs, never text."""
    root = _root(config)
    for collection in COLLECTIONS:
        for path in sorted((root / collection).glob("*.yml")):
            content = RECORD_PAGE.format(collection=collection, id=path.stem, macro=MACRO[collection])
            files.append(File.generated(config, f"{collection}/{path.stem}.md", content=content))
    regions, _ = load_regions(root)  # problems stop the build in the macros, with every one listed
    for county in regions.counties if regions else []:
        for path, title, body in COUNTY_PAGES:
            content = COUNTY_PAGE.format(title=title, body=body, id=county.id)
            files.append(File.generated(config, path.format(id=county.id), content=content))
    return files


def on_serve(server, config, builder):
    """Live reload when the catalogue changes, wherever CATALOGUE points."""
    server.watch(str(_root(config)))
    return server
