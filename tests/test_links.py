"""Served from a sub-path, as a GitHub Pages project site is, the built site has no broken internal link."""

from __future__ import annotations

import functools
import threading
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer
from urllib.parse import urldefrag, urljoin, urlparse

import build
import pytest
from bs4 import BeautifulSoup
from conftest import CATALOGUE

from learning_city.tools.local import QuietHandler

pytestmark = pytest.mark.build

SUB_PATH = "/learning-city/"


def test_no_broken_internal_link_under_a_sub_path(tmp_path, monkeypatch):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    monkeypatch.setenv("SITE_URL", origin + SUB_PATH)
    build.build(CATALOGUE, tmp_path / SUB_PATH.strip("/"))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        broken, pages = crawl(origin, [origin + SUB_PATH, origin + SUB_PATH + "en/"])
    finally:
        httpd.shutdown()
    assert len(pages) > 300, len(pages)
    assert broken == [], broken[:20]


def fetch(url: str) -> tuple[str, bytes]:
    """A URL's content type and body; an HTTPError when it is missing."""
    with urllib.request.urlopen(url) as response:
        return response.headers.get_content_type(), response.read()


def crawl(origin: str, starts: list[str], sub_path: str = SUB_PATH, fetch=fetch) -> tuple[list[str], dict[str, set[str]]]:
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
