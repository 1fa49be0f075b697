"""Shared fixtures and helpers: the repository's paths, a built site, scratch catalogues, the
validator run in process, a link crawler and zizmor; test modules import from here, never from
each other."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "catalogue"
ADMIN = ROOT / "docs" / "admin"  # the web editor
sys.path.insert(0, str(ROOT / "scripts"))

import validate as validate_script  # noqa: E402  (scripts/validate.py)

from learning_city.data.today import today  # noqa: E402
from learning_city.plugin import build  # noqa: E402
from learning_city.site.templates import PACKAGE_FOLDER, Templates  # noqa: E402
from learning_city.tools import local_editor as edit  # noqa: E402  (the web editor on a scratch clone)
from learning_city.tools.local import launch_chromium, serving  # noqa: E402  (serving: for the tests)

# Fixtures that build a site: a test using one (directly or through another fixture) is `build`.
BUILDS = {"site", "government_site"}


def pytest_collection_modifyitems(items):
    """Mark tests by what they need, so `make test-fast` can leave out builds and browsers:
    `build` for a built site, `browser` for Chromium; `slow` is marked by hand."""
    for item in items:
        if BUILDS & set(item.fixturenames):
            item.add_marker(pytest.mark.build)
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


# The "today" of every test build (2026-11-29 12:00 in Jiaxing): tests do not change with the clock.
SOURCE_DATE_EPOCH = "1795924800"
# Search bundles of 250 courses: the sample's 579 courses make three per language, so every search
# test runs over merged bundles, as a city's site does (learning_city/site/search_records.py).
BUILD_ENV = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "LC_SEARCH_BUNDLE_SIZE": "250"}
TODAY = today({"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
# The package's page templates on that day, for tests that call a renderer directly.
TEMPLATES = Templates([PACKAGE_FOLDER], TODAY)

# The test being set up or run, for the guard on builds below.
RUNNING: dict[str, pytest.Item | None] = {"item": None}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    RUNNING["item"] = item


def pytest_runtest_teardown(item):
    RUNNING["item"] = None


def may_build(item: pytest.Item | None) -> bool:
    return item is None or any(item.get_closest_marker(mark) for mark in ("build", "slow"))


def pinned_build(catalogue, site_dir, *args, environ=None, **kwargs):
    """Every build in the tests: only from a test marked `build` or `slow` (so `make test-fast`,
    which leaves those out, builds nothing), and on the tests' one "today" unless the test sets
    its own: a build never reads the clock."""
    if not may_build(RUNNING["item"]):
        pytest.fail(f"{RUNNING['item'].nodeid} builds a site but is not marked build or slow", pytrace=False)
    environ = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH} if environ is None else environ
    if "SOURCE_DATE_EPOCH" not in environ:
        pytest.fail("a test build without SOURCE_DATE_EPOCH would depend on the clock", pytrace=False)
    return UNGUARDED_BUILD(catalogue, site_dir, *args, environ=environ, **kwargs)


UNGUARDED_BUILD, build.build = build.build, pinned_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real catalogue built in both languages, once per test run."""
    out = tmp_path_factory.mktemp("site")
    build.build(CATALOGUE, out, environ=BUILD_ENV)
    return out


@pytest.fixture(scope="session")
def parse_cache() -> dict:
    """Parsed files by content, shared by the in-process tests: a copy of the catalogue that
    changes one file parses only that file again."""
    return {}


@pytest.fixture
def catalogue_copy(tmp_path) -> Path:
    """A scratch copy of the catalogue that a test may change."""
    copy = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, copy)
    return copy


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


# every layout shift since the page started, summed as CLS sums them when no input came between:
# read once five frames in a row have brought no new shift (a shift is counted when its frame is
# painted, which on a loaded machine can come frames after the script that caused it: two frames
# once missed one, and the control below then saw nothing move)
LAYOUT_SHIFT = """() => new Promise(done => {
  const entries = [];
  const observer = new PerformanceObserver(list => entries.push(...list.getEntries()));
  observer.observe({type: "layout-shift", buffered: true});
  const frame = then => requestAnimationFrame(() => setTimeout(then, 0));
  let quiet = 0, frames = 0, seen = -1;
  const settle = () => {
    entries.push(...observer.takeRecords());
    quiet = entries.length === seen ? quiet + 1 : 0;
    seen = entries.length;
    frames += 1;
    if (quiet < 5 && frames < 120) return frame(settle);
    observer.disconnect();
    const counted = entries.filter(e => !e.hadRecentInput);
    const what = n => n ? (n.nodeName + "." + (n.className || "") + " " + (n.textContent || "").trim().slice(0, 30)) : "?";
    const inTable = n => Boolean(n && (n.nodeType === 1 ? n : n.parentElement)?.closest("table"));
    const sum = list => list.reduce((total, e) => total + e.value, 0);
    done({total: sum(counted), tables: sum(counted.filter(e => e.sources.some(s => inTable(s.node)))),
          moved: counted.map(e => [e.value, e.sources.map(s => [what(s.node), s.previousRect.y, s.currentRect.y, s.previousRect.height, s.currentRect.height])])});
  };
  frame(settle);
})"""


def layout_shifts(page) -> dict:
    """CLS so far ("total"), the part of it inside tables ("tables"), and each shift with what
    moved ("moved": name, top before and after, height before and after), for a message."""
    return page.evaluate(LAYOUT_SHIFT)


@contextlib.contextmanager
def watched_page(browser, **context_options):
    """A page in a context of its own; a script error or a dialog on it fails the test."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    yield page
    context.close()
    assert errors == [], errors


def node(code: str, data: object = None) -> object:
    """Run ES module code with format.js, checks.js and model.js imported; `input` is `data`; returns `output`."""
    prelude = "".join(f"import * as {name} from {json.dumps((ADMIN / f'{name}.js').as_uri())};\n" for name in ("format", "checks", "model"))
    prelude += "import { readFileSync } from 'fs';\nconst input = JSON.parse(readFileSync(0, 'utf8'));\n"
    script = f"{prelude}let output;\n{code}\nprocess.stdout.write(JSON.stringify(output));\n"
    result = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- the web editor (tests/test_editor*.py): decap-server on a scratch clone, the form by its labels ---


# who commits in the tests' scratch repositories: a fresh machine has no git identity
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env={**os.environ, **GIT_IDENTITY}).stdout


def cms_branches(repo: Path) -> list[str]:
    """The editor's branches, by name (`git branch` marks the one checked out with "*", and
    decap-server checks branches out while it saves)."""
    return git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/").split()


@pytest.fixture
def clone(tmp_path) -> Path:
    """The catalogue in a fresh repository whose default branch is main, as decap-server needs."""
    return edit.scratch_repo(ROOT / "catalogue", tmp_path / "clone")


@pytest.fixture
def admin(site, tmp_path):
    """The built site with /admin/'s config.yml pointing at this test's decap-server."""
    url = edit.free_url()
    return edit.site_for(site, tmp_path / "site", url), url


def indexed_count(site: Path, lang: str) -> int:
    """Pages and records in a language's search index, over all its bundles (search_records.py:
    the tests' site has its courses in bundles of 250)."""
    entries = [site / "pagefind" / "pagefind-entry.json", *sorted(site.glob(f"pagefind/{lang}-*/pagefind-entry.json"))]
    return sum(json.loads(entry.read_text(encoding="utf-8"))["languages"][lang]["page_count"] for entry in entries)


def open_record(browser, base: str, collection: str, record: str, width: int = 412, height: int = 900):
    """A new page logged in to the editor at `base`, showing the record's form and preview (a
    secretary's phone unless a width is given)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(base + "admin/")
    page.get_by_role("button", name="登录").click()
    page.goto(f"{base}admin/#/collections/{collection}/entries/{record}")
    return page


def visible(locator):
    return locator.locator("visible=true")


def field(scope, label: str):
    """The input of the visible field labelled `label` inside `scope`."""
    return visible(scope.get_by_label(_labelled(label))).first


def _labelled(label: str) -> re.Pattern:
    """A label as Decap shows it: an optional field's with " (可选)" after it."""
    return re.compile(f"^{re.escape(label)}( \\(可选\\))?$")


def box(scope, label: str):
    """The visible control (label, widget and nested fields) of the field labelled `label`."""
    return visible(scope.locator("label", has_text=_labelled(label))).first.locator("xpath=../..")


def choose(scope, label: str, *options: str):
    """Pick options of a select by their Chinese labels, as a person types and presses Enter."""
    control = box(scope, label)
    for option in options:
        control.locator("input").first.fill(option)
        control.page.keyboard.press("Enter")


# ---------------------------------------------------------------- helpers shared by test modules

# A 百姓学习之星 the bureau adds to recognitions.yml in the editor (its id made, its name not
# published), as the file then holds it: tests/test_editor_config.py and test_editor_words.py.
NEW_RECOGNITION = """\
  - id: nanhu-daqiao-learning-star-2024
    kind: learning-star
    level: municipal
    year: 2024
    region: nanhu-daqiao
    issuer:
      zh: 嘉兴市教育局
    person:
      zh: 王小明
"""

# A provider file that passes every check; tests break one thing in it.
VALID = """\
id: test-school
sample: true
kind: community-school
name:
  zh: 测试社区学校
  en: Test Community School
parent: nanhu-daqiao-adult-school
region: nanhu-daqiao
address:
  zh: 大桥镇示例路 1 号
contact:
  website: https://example.org/test
courses:
  - id: tai-chi
    title:
      zh: 太极拳入门
    category: sports
    audience: [older-people]
    mode: in-person
    schedule:
      days: [mon]
      start: "09:00"
      end: "10:30"
      dates:
        start: 2026-09-01
        end: 2026-12-31
    hours: 20
    fee:
      amount: 0
    capacity: 30
    enrolment:
      method: on-site
"""


def validate(catalogue, *options: str) -> subprocess.CompletedProcess:
    """The validator's command line, run in this process (a subprocess per test is ten times slower)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = validate_script.main([*options, str(catalogue)])
    return subprocess.CompletedProcess([], status, out.getvalue(), err.getvalue())


def assert_reported(result, file: str, line: int, *words: str) -> str:
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "Traceback" not in out + result.stderr
    matching = [row for row in out.splitlines() if f"{file}:{line}:" in row]
    assert matching, f"nothing reported at {file}:{line}:\n{out}"
    row = matching[0]
    assert ": error: " in row
    for word in words:
        assert word in row, f"{word!r} not in {row!r}"
    return row


def fetch(url: str) -> tuple[str, bytes]:
    """A URL's content type and body; an HTTPError when it is missing."""
    with urllib.request.urlopen(url) as response:
        return response.headers.get_content_type(), response.read()


def crawl(origin: str, starts: list[str], sub_path: str, fetch=fetch) -> tuple[list[str], dict[str, set[str]]]:
    """Follow every same-origin link from the start pages; return broken links and the pages' ids."""
    pages: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    broken: list[str] = []
    queue = list(starts)
    seen = set(queue)
    while queue:
        url = queue.pop()
        try:
            kind, body = fetch(url)
        except urllib.error.HTTPError as err:
            broken.append(f"{url}: {err.code}")
            continue
        if kind != "text/html":
            continue
        soup = BeautifulSoup(body, "html.parser")
        pages[url] = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        for tag in soup.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith(("mailto:", "tel:", "javascript:")):
                continue
            target, fragment = urldefrag(urljoin(url, ref))
            if urlparse(target).netloc != urlparse(origin).netloc:
                continue
            if not urlparse(target).path.startswith(sub_path):
                broken.append(f"{url}: {ref} leaves the sub-path")
                continue
            if fragment:
                fragments.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for page, target, fragment in fragments:
        if target in pages and fragment not in pages[target]:
            broken.append(f"{page}: #{fragment} not found in {target}")
    return broken, pages


def zizmor_command() -> list[str]:
    """zizmor as installed next to this Python (it ships a binary, not an importable module)."""
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if found is None:
        pytest.fail("zizmor is not installed: pip install -r requirements.txt")
    return [found]


def run_zizmor(target: Path) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    proc = subprocess.run(
        [
            *zizmor_command(),
            "--offline",
            "--persona",
            "auditor",
            "--no-config",
            "--no-ignores",
            "--strict-collection",
            "--format",
            "json",
            "--no-progress",
            "--color",
            "never",
            str(target),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=target,
    )
    try:
        findings = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError:
        pytest.fail(f"zizmor printed no JSON (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc, findings


def triggers(workflow: dict) -> set[str]:
    """The trigger names; PyYAML (YAML 1.1) reads the key `on` as True."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    assert isinstance(on, dict), "workflow has no `on:` triggers"
    return set(on)
