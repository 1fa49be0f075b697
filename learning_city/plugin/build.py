"""Build the site in both languages, then its search index (scripts/build.py is the command).

Chinese goes to SITE_DIR, English to SITE_DIR/en. The two builds run at the same time, each
into a folder of its own (a clean build empties its folder), and are put together after. Pagefind
(npm) indexes each language once both are built (its memory is the build's peak), one language and
one bundle of records at a time, into SITE_DIR/pagefind, each course a result of its own
(scripts/search_index.mjs, learning_city/site/search_records.py). Both builds share one "today",
SOURCE_DATE_EPOCH (set to now when it is not set): two builds of one commit with the same
setting give byte-identical trees, search index included. Builds are strict: a warning,
a macro error or an undefined variable fails them (never add --quiet: it hides warnings from
strict mode, so they stop failing the build).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from learning_city.data.store import Store
from learning_city.data.today import epoch
from learning_city.i18n import ROOTS
from learning_city.site import incremental, search_records

ROOT = Path(__file__).resolve().parents[2]  # the repository: mkdocs.yml, scripts/search_index.mjs, node_modules


def build(catalogue: Path, site_dir: Path, config: Path = ROOT / "mkdocs.yml", parallel: bool = True, environ=os.environ) -> None:
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(site_dir.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    source_date = str(epoch(environ))  # one "today" for both languages, even across midnight
    # Nothing changed since the last build into site_dir, and its files untouched: it is what this
    # build would write, byte for byte (tests/test_incremental.py), so it is kept as it is.
    disk = Store.default(environ)
    inputs = incremental.build_inputs(config, catalogue, site_dir, {**environ, "SOURCE_DATE_EPOCH": source_date})
    if incremental.up_to_date(disk, site_dir, inputs):
        print("网站已是最新 / site up to date: nothing changed since the last build", file=sys.stderr)
        return
    staging.mkdir(parents=True)
    languages: dict = {}
    failed: list[subprocess.CalledProcessError] = []

    def language(lang: str) -> None:
        """One language's pages into staging/<lang> (laid out as in the site: English in en/)."""
        folder = staging / lang
        env = dict(
            environ,
            SOURCE_DATE_EPOCH=source_date,
            SITE_LANG=lang,
            SITE_DIR=str(folder / ROOTS[lang]),
            CATALOGUE=str(catalogue.resolve()),
            NO_MKDOCS_2_WARNING="1",
            LC_SEARCH_RECORDS=str(staging / f"{lang}.records.json"),  # the courses as search records (plugin)
        )
        step([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], env)

    def index(lang: str) -> None:
        """One language's search index into staging/pagefind, once every page is built, a bundle
        at a time (search_records.py): Pagefind is the build's peak of memory, which grows with
        what one run indexes, and run beside the other language's build it added that build's
        memory (issue 23)."""
        records = staging / f"{lang}.records.json"
        for bundle in range(len(json.loads(records.read_text(encoding="utf-8")))):
            out = staging / "pagefind" / search_records.bundle_folder(lang, bundle)
            command = [
                "node",
                str(ROOT / "scripts" / "search_index.mjs"),
                str(staging / lang),
                str(records),
                str(bundle),
                ROOTS[lang],
                str(out),
            ]
            if not step(command, environ):
                return
        # Pagefind's entry file names the languages of the run that wrote it
        languages.update(json.loads((staging / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"])

    def step(command: list[str], env) -> bool:
        run = subprocess.run(command, env=env, cwd=config.parent, check=False)
        if run.returncode != 0:
            failed.append(subprocess.CalledProcessError(run.returncode, command))
        return run.returncode == 0

    if disk.folder is not None:  # both builds then read the catalogue's load from the store (plugin/warm.py)
        warm = [sys.executable, "-m", "learning_city.plugin.warm", str(catalogue.resolve())]
        subprocess.run(warm, env={**environ, "SOURCE_DATE_EPOCH": source_date}, cwd=config.parent, capture_output=True, check=False)
    threads = [threading.Thread(target=language, args=(lang,)) for lang in ROOTS]
    for thread in threads:
        thread.start()
        if not parallel:
            thread.join()
    for thread in threads:
        thread.join()
    if not failed:
        for lang in ROOTS:
            index(lang)
    if failed:
        shutil.rmtree(staging, ignore_errors=True)
        raise failed[0]
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.move(staging / "zh", site_dir)
    for lang, sub in ROOTS.items():
        if sub:
            shutil.move(staging / lang / sub.strip("/"), site_dir / sub.strip("/"))
    shutil.move(staging / "pagefind", site_dir / "pagefind")
    shutil.rmtree(staging)
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    _write_pagefind_entry(entry, languages)
    incremental.built(disk, site_dir, inputs)


def _write_pagefind_entry(path: Path, languages: dict) -> None:
    """Pagefind's entry file names the languages of the run that wrote it: every language's, in
    order of name, so the file is the same for the same index (its readers look languages up by name)."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(languages.items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
