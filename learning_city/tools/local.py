"""A built site on this machine, as a reader's browser sees it: for the tests, the benchmark,
the screenshots and `make edit`, which all serve a site and drive Chromium the same way.

Everything listens on 127.0.0.1 only. Chromium is Debian's (`make browser`): Playwright cannot
download its own here.
"""

from __future__ import annotations

import contextlib
import functools
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from learning_city.tools import publish

CHROMIUM = "/usr/bin/chromium"
# nothing reaches out to the network, and it runs as root in a container
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# The types the site needs beyond the standard library's: the editor's YAML, Pagefind's WebAssembly
MEDIA_TYPES = {**SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml", ".js": "text/javascript", ".wasm": "application/wasm"}


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files with the types the site needs (MEDIA_TYPES), no log; a missing address answered
    with the site's 404.html, as the hosting's error document (README, "Publishing")."""

    extensions_map = MEDIA_TYPES  # an instance attribute to the type checker, shared here as the base class shares its own

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class AsPublished(SimpleHTTPRequestHandler):
    """Serves the site as `make publish` stores it: each file with its content type, caching and
    gzip encoding from learning_city/tools/publish.py (text compressed, Pagefind's files as they are)."""

    def do_GET(self):
        path, status = Path(self.translate_path(self.path)), 200
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():  # the bucket's error document
            path, status = Path(self.directory) / "404.html", 404
            if not path.is_file():
                self.send_error(404)
                return
        relative = path.relative_to(self.directory).as_posix()
        headers = publish.headers_for(relative)
        content = publish.body(path.read_bytes(), headers)
        self.send_response(status)
        self.send_header("Content-Type", headers.content_type)
        self.send_header("Cache-Control", headers.cache_control)
        if headers.content_encoding:
            self.send_header("Content-Encoding", headers.content_encoding)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # Lighthouse drops connections it no longer needs
            self.wfile.write(content)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory: Path, port: int = 0, handler: type | None = None) -> Iterator[str]:
    """A built site on 127.0.0.1 (any free port unless given); yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler or QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def stop(process: subprocess.Popen) -> None:
    """End a server started for a test or a preview: politely, then for sure."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def launch_chromium(playwright):
    """Debian's Chromium under Playwright."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# Asks the built Pagefind index directly, as the search page's script does, from an instance of its
# own (the page's Pagefind UI has one too); the page must be the search page of the language to
# search (Pagefind picks its index by <html lang>, and the page names the further bundles to merge
# and the ranking). The instance runs on the page's own thread (noWorker): Pagefind 1.6 runs every
# instance of a page in one shared worker with one WebAssembly module, and two instances loading it
# at once (the UI's starts when its box takes focus) can leave one pointing into the other's memory:
# "memory access out of bounds", seen once in CI. A reader's page has one instance only.
PAGEFIND_SEARCH = """async ([bundle, query, limit]) => {
    if (!window.lcPagefind) {
        const pagefind = await import(bundle + "pagefind.js");
        const box = document.getElementById("lc-search");
        window.lcPagefind = pagefind.createInstance({basePath: bundle, baseUrl: "/", noWorker: true});
        await window.lcPagefind.options({ranking: JSON.parse(box.dataset.ranking)});
        for (const folder of JSON.parse(box.dataset.merge)) {
            await window.lcPagefind.mergeIndex(bundle + folder, {baseUrl: "/"});
        }
    }
    const search = await window.lcPagefind.search(query);
    const data = await Promise.all(search.results.slice(0, limit).map(r => r.data()));
    return data.map(d => d.url);
}"""


def pagefind_urls(page, base: str, query: str, limit: int = 10) -> list[str]:
    """The first `limit` result URLs for a query, from the page's language's index."""
    return page.evaluate(PAGEFIND_SEARCH, [base + "pagefind/", query, limit])
