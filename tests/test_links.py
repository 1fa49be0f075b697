"""Served from a sub-path, as a GitHub Pages project site is, the built site has no broken internal link."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest
from conftest import CATALOGUE, crawl

from learning_city.plugin import build
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
        broken, pages = crawl(origin, [origin + SUB_PATH, origin + SUB_PATH + "en/"], SUB_PATH)
    finally:
        httpd.shutdown()
    assert len(pages) > 300, len(pages)
    assert broken == [], broken[:20]
