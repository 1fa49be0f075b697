"""MkDocs hooks: language-dependent configuration, one page per record, and the open data.

One mkdocs.yml serves both languages (SITE_LANG=zh|en); the site's name, description and
the language switch come from `learning_city/ui.yml`, so no translation lives in config.
Record pages hold only a macro call with the record's id (a validated slug), never its text.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.files import File

from learning_city import exports, i18n
from learning_city.loader import COLLECTIONS, load, resolve_root

# Where each language's site lives, relative to the Chinese root.
ROOTS = {"zh": "", "en": "en/"}
RECORD_PAGE = "# {{{{ record_title('{collection}', '{id}') }}}}\n\n{{{{ {macro}('{id}') }}}}\n"
MACRO = {"providers": "provider", "venues": "venue"}


def _root(config) -> Path:
    return resolve_root(config["extra"]["catalogue"], Path(config["config_file_path"]).parent)


def on_config(config):
    lang = config["theme"]["language"]
    config["site_name"] = i18n.t("site.name", lang)
    config["site_description"] = i18n.t("site.description", lang)
    if config.get("site_url") and ROOTS[lang]:
        config["site_url"] = config["site_url"].rstrip("/") + "/" + ROOTS[lang]
    back = "../" * ROOTS[lang].count("/")
    config["extra"]["alternate"] = [
        {"name": i18n.t(f"language.{other}", lang), "lang": other, "root": back + ROOTS[other], "current": other == lang}
        for other in i18n.LANGUAGES
    ]
    return config


def on_files(files, config):
    """A page for every provider and venue file; the id is its validated file name."""
    for collection in COLLECTIONS:
        for path in sorted((_root(config) / collection).glob("*.yml")):
            content = RECORD_PAGE.format(collection=collection, id=path.stem, macro=MACRO[collection])
            files.append(File.generated(config, f"{collection}/{path.stem}.md", content=content))
    return files


def on_post_build(config):
    """Open data, written once, by the Chinese (root) build: it holds both languages."""
    if config["theme"]["language"] != "zh":
        return
    catalogue, problems = load(_root(config))
    if problems:
        return  # the macros already stopped the build with every problem
    data = Path(config["site_dir"]) / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "catalogue.json").write_text(json.dumps(exports.catalogue_json(catalogue), ensure_ascii=False), encoding="utf-8")
    (data / "courses.csv").write_text(exports.courses_csv(catalogue), encoding="utf-8")


def on_serve(server, config, builder):
    """Live reload when the catalogue changes, wherever CATALOGUE points."""
    server.watch(str(_root(config)))
    return server
