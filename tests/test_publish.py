"""Publishing to S3-compatible storage, against a real S3 API (moto's server on 127.0.0.1).

The plan (what to upload, leave and delete, with which headers, in which order) is tested in
process; scripts/publish.py is run as a user runs it, against the server, for the rest.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3
import pytest
from conftest import ROOT, crawl

from learning_city.tools import publish
from learning_city.tools.local import stop
from learning_city.tools.publish import IMMUTABLE, REVALIDATE, Headers, SiteFile

SECRET = "sEcReT-k3y-that-must-never-be-printed-0123456789"
KEY_ID = "AKIATESTPUBLISHER001"
HTML = "text/html; charset=utf-8"


# ---------------------------------------------------------------- the plan, in process


@pytest.mark.parametrize(
    ("path", "content_type", "cache", "encoding"),
    [
        ("index.html", HTML, REVALIDATE, "gzip"),
        ("en/providers/nanhu-adult-school/index.html", HTML, REVALIDATE, "gzip"),
        ("sitemap.xml", "application/xml; charset=utf-8", REVALIDATE, "gzip"),
        ("sitemap.xml.gz", "application/gzip", REVALIDATE, None),
        ("data/courses.csv", "text/csv; charset=utf-8", REVALIDATE, "gzip"),
        ("data/courses/nanhu.json", "application/json; charset=utf-8", REVALIDATE, "gzip"),
        ("courses/nanhu.ics", "text/calendar; charset=utf-8", REVALIDATE, "gzip"),
        ("assets/site.css", "text/css; charset=utf-8", REVALIDATE, "gzip"),
        ("assets/javascripts/bundle.a5f9d56c.min.js", "text/javascript; charset=utf-8", IMMUTABLE, "gzip"),
        ("en/assets/stylesheets/main.57a0d79d.min.css", "text/css; charset=utf-8", IMMUTABLE, "gzip"),
        ("assets/javascripts/lunr/min/lunr.zh.min.js", "text/javascript; charset=utf-8", REVALIDATE, "gzip"),
        ("assets/images/favicon.png", "image/png", REVALIDATE, None),
        ("assets/lc-pointer.svg", "image/svg+xml; charset=utf-8", REVALIDATE, "gzip"),
        ("pagefind/pagefind.js", "text/javascript; charset=utf-8", REVALIDATE, "gzip"),
        ("pagefind/pagefind-entry.json", "application/json; charset=utf-8", REVALIDATE, "gzip"),
        ("pagefind/fragment/zh_08e459f.pf_fragment", "application/octet-stream", IMMUTABLE, None),
        ("pagefind/index/en_2a9c9c8.pf_index", "application/octet-stream", IMMUTABLE, None),
        ("pagefind/pagefind.zh_cb941db4a4.pf_meta", "application/octet-stream", IMMUTABLE, None),
        ("pagefind/wasm.unknown.pagefind", "application/octet-stream", REVALIDATE, None),
    ],
)
def test_headers_per_kind_of_file(path, content_type, cache, encoding):
    assert publish.headers_for(path) == Headers(content_type, cache, encoding)


def files(*paths: str, content: bytes = b"x") -> dict[str, SiteFile]:
    return {path: publish.site_file(path, content) for path in paths}


def test_plan_for_an_empty_bucket_uploads_assets_first_and_pages_last():
    local = files(
        "index.html",
        "policy/index.html",
        "assets/site.css",
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "404.html",
        "en/index.html",
        "data/courses.csv",
    )
    result = publish.plan(local, {})
    assert result.upload == (
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/site.css",
        "data/courses.csv",
        "policy/index.html",
        "404.html",
        "en/index.html",
        "index.html",
    )
    assert result.unchanged == () and result.delete == ()


def test_plan_uploads_only_what_changed_and_deletes_what_is_gone():
    local = files("index.html", "policy/index.html", "assets/site.css")
    remote: dict[str, SiteFile | None] = dict(local)
    remote["policy/index.html"] = publish.site_file("policy/index.html", b"older text")
    remote["gone/index.html"] = publish.site_file("gone/index.html", b"x")
    result = publish.plan(local, remote)
    assert result.upload == ("policy/index.html",)
    assert result.unchanged == ("assets/site.css", "index.html")
    assert result.delete == ("gone/index.html",)
    # control: the same remote state as the site plans nothing
    assert publish.plan(local, dict(local)) == publish.Plan((), tuple(sorted(local)), ())


def test_plan_replaces_objects_with_other_headers_or_no_recorded_hash():
    local = files("index.html", "assets/site.css")
    stale = SiteFile("index.html", local["index.html"].sha256, Headers("text/html", REVALIDATE, None))
    result = publish.plan(local, {"index.html": stale, "assets/site.css": None})
    assert result.upload == ("assets/site.css", "index.html")


def test_text_is_gzipped_deterministically():
    page = "<p>嘉兴学习型城市</p>".encode() * 200
    stored = publish.body(page, publish.headers_for("index.html"))
    assert stored == publish.body(page, publish.headers_for("index.html"))
    assert stored[4:8] == b"\0\0\0\0"  # no timestamp in the gzip header
    assert gzip.decompress(stored) == page and len(stored) < len(page) / 3
    assert publish.body(b"\x89PNG", publish.headers_for("a.png")) == b"\x89PNG"


@pytest.mark.parametrize(
    ("target", "expected"),
    [("s3://city-site", ("city-site", "")), ("s3://city-site/", ("city-site", "")), ("s3://city-site/a/b/", ("city-site", "a/b/"))],
)
def test_targets(target, expected):
    assert publish.parse_target(target) == expected


@pytest.mark.parametrize("target", ["city-site", "s3://", "s3://AB", "https://city-site/x", "s3://Bad_Bucket"])
def test_bad_targets(target):
    with pytest.raises(ValueError):
        publish.parse_target(target)


def test_summary_in_both_languages():
    result = publish.Plan(("a",), ("b", "c"), ())
    assert publish.summary(result) == "已上传 1，未变 2，已删除 0 / uploaded 1, unchanged 2, deleted 0"
    assert "would upload 1" in publish.summary(result, dry_run=True)


# ---------------------------------------------------------------- against the S3 server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_moto(env_extra: dict[str, str] | None = None):
    """moto's S3 server on a free port of 127.0.0.1; returns the process and its URL once it answers."""
    port = free_port()
    command = [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(command, env={**os.environ, **(env_extra or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if process.poll() is not None:
            pytest.fail(f"moto_server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1).close()
            return process, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    process.kill()
    pytest.fail("moto_server did not answer within 30 s")


@pytest.fixture(scope="module")
def s3():
    process, url = start_moto()
    yield url
    stop(process)


def client(url: str, key_id: str = KEY_ID, secret: str = SECRET):
    return boto3.client("s3", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key_id, aws_secret_access_key=secret)


def run_publish(
    site: Path, target: str, url: str, *extra: str, key_id: str = KEY_ID, secret: str = SECRET
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=key_id, AWS_SECRET_ACCESS_KEY=secret, AWS_REGION="us-east-1")
    command = [sys.executable, str(ROOT / "scripts" / "publish.py"), str(site), target, "--endpoint-url", url, *extra]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert secret not in proc.stdout + proc.stderr, "the secret key was printed"
    return proc


def counts(output: str) -> tuple[int, int, int]:
    found = re.search(r"uploaded (\d+), unchanged (\d+), deleted (\d+)", output)
    assert found, output
    return tuple(int(n) for n in found.groups())


def keys(url: str, bucket: str, prefix: str = "") -> dict[str, int]:
    found = {}
    for page in client(url).get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        found.update({item["Key"]: item["Size"] for item in page.get("Contents", [])})
    return found


def site_paths(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def published(site, s3, tmp_path_factory):
    """The built site published once to a fresh bucket: (copy of the site, first run, second run)."""
    copy = tmp_path_factory.mktemp("published") / "site"
    shutil.copytree(site, copy)
    client(s3).create_bucket(Bucket="city-site")
    first = run_publish(copy, "s3://city-site", s3)
    second = run_publish(copy, "s3://city-site", s3)
    return copy, first, second


@pytest.fixture
def few_pages(site, tmp_path) -> Path:
    """A few pages and assets of the built site: what an upload plan does with a file does not
    depend on how many there are, and each publish of the whole site to moto takes seconds."""
    copy = tmp_path / "few"
    providers = sorted(p.relative_to(site).as_posix() for p in (site / "providers").iterdir() if p.is_dir())[:3]
    for path in ("index.html", "policy", "en/policy", "assets/site.css", "sitemap.xml", *providers):
        source, target = site / path, copy / path
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    return copy


def test_first_publish_uploads_every_file_and_the_second_nothing(published, s3):
    copy, first, second = published
    paths = site_paths(copy)
    assert first.returncode == 0, first.stderr
    assert counts(first.stdout) == (len(paths), 0, 0)
    assert "已上传" in first.stdout
    assert sorted(keys(s3, "city-site")) == paths
    assert second.returncode == 0, second.stderr
    assert counts(second.stdout) == (0, len(paths), 0)


def test_a_changed_page_is_uploaded_alone_and_a_removed_page_deleted(few_pages, s3, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(few_pages, copy)
    total = len(site_paths(copy))
    (copy / "policy" / "index.html").write_text("<!doctype html><p>changed</p>", encoding="utf-8")
    removed = next(p for p in sorted((copy / "providers").iterdir()) if p.is_dir())
    shutil.rmtree(removed)
    client(s3).create_bucket(Bucket="changing-site")
    assert counts(run_publish(few_pages, "s3://changing-site", s3).stdout) == (total, 0, 0)

    proc = run_publish(copy, "s3://changing-site", s3)
    assert proc.returncode == 0, proc.stderr
    assert counts(proc.stdout) == (1, total - 2, 1)
    stored = keys(s3, "changing-site")
    assert f"providers/{removed.name}/index.html" not in stored
    assert "policy/index.html" in stored and len(stored) == total - 1
    body = client(s3).get_object(Bucket="changing-site", Key="policy/index.html")["Body"].read()
    assert gzip.decompress(body) == b"<!doctype html><p>changed</p>"


def test_objects_carry_type_cache_and_encoding(published, s3):
    copy = published[0]
    s3_client = client(s3)
    bundle = next(p for p in site_paths(copy) if re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", p))
    fragment = next(p for p in site_paths(copy) if p.startswith("pagefind/fragment/"))
    expected = {
        "index.html": (HTML, REVALIDATE, "gzip"),
        "en/policy/index.html": (HTML, REVALIDATE, "gzip"),
        "sitemap.xml": ("application/xml; charset=utf-8", REVALIDATE, "gzip"),
        "data/courses.csv": ("text/csv; charset=utf-8", REVALIDATE, "gzip"),
        "data/catalogue.json": ("application/json; charset=utf-8", REVALIDATE, "gzip"),
        bundle: ("text/javascript; charset=utf-8", IMMUTABLE, "gzip"),
        fragment: ("application/octet-stream", IMMUTABLE, None),
        "pagefind/pagefind-entry.json": ("application/json; charset=utf-8", REVALIDATE, "gzip"),
        "pagefind/pagefind.js": ("text/javascript; charset=utf-8", REVALIDATE, "gzip"),
        "assets/images/favicon.png": ("image/png", REVALIDATE, None),
    }
    for key, (content_type, cache, encoding) in expected.items():
        obj = s3_client.get_object(Bucket="city-site", Key=key)
        assert (obj["ContentType"], obj["CacheControl"], obj.get("ContentEncoding")) == (content_type, cache, encoding), key
        stored = obj["Body"].read()
        original = (copy / key).read_bytes()
        assert (gzip.decompress(stored) if encoding else stored) == original, key
        assert obj["Metadata"]["sha256"] == publish.site_file(key, original).sha256


def test_text_is_stored_in_about_a_third_of_its_bytes(published, s3):
    copy = published[0]
    stored = keys(s3, "city-site")
    text = [p for p in site_paths(copy) if publish.headers_for(p).content_encoding == "gzip"]
    raw = sum((copy / p).stat().st_size for p in text)
    compressed = sum(stored[p] for p in text)
    assert len(text) > 300
    assert compressed < raw / 3, (raw, compressed)
    html = [p for p in text if p.endswith(".html")]
    assert sum(stored[p] for p in html) < sum((copy / p).stat().st_size for p in html) / 3


def test_dry_run_prints_the_plan_and_changes_nothing(few_pages, s3):
    copy = few_pages
    s3_client = client(s3)
    s3_client.create_bucket(Bucket="dry-site")
    proc = run_publish(copy, "s3://dry-site/preview", s3, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    paths = site_paths(copy)
    assert f"would upload {len(paths)}, unchanged 0, would delete 0" in proc.stdout
    planned = [line.split()[1] for line in proc.stdout.splitlines() if line.startswith("upload ")]
    assert planned[0].startswith("preview/") and planned[-1] == "preview/index.html"
    pages = [i for i, key in enumerate(planned) if key.endswith(".html")]
    assert max(i for i, key in enumerate(planned) if not key.endswith(".html")) < min(pages)  # pages last
    assert sorted(planned) == sorted("preview/" + p for p in paths)
    assert keys(s3, "dry-site") == {}
    # control: the same command without --dry-run does change the bucket
    assert run_publish(copy, "s3://dry-site/preview", s3).returncode == 0
    assert len(keys(s3, "dry-site")) == len(paths)


def test_a_missing_bucket_is_a_clear_error(published, s3):
    proc = run_publish(published[0], "s3://no-such-bucket", s3)
    assert proc.returncode == 1
    assert "存储桶 no-such-bucket 不存在" in proc.stderr and "no such bucket: no-such-bucket" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unreachable_endpoint_is_a_clear_error(published):
    proc = run_publish(published[0], "s3://city-site", f"http://127.0.0.1:{free_port()}")
    assert proc.returncode == 1
    assert "连不上存储服务" in proc.stderr and "cannot reach the storage service" in proc.stderr
    assert "Traceback" not in proc.stderr


class Busy(BaseHTTPRequestHandler):
    """A storage service that is always busy: 503 SlowDown, and counts the attempts."""

    attempts = 0

    def answer(self):
        Busy.attempts += 1
        body = b"<Error><Code>SlowDown</Code><Message>busy</Message></Error>"
        self.send_response(503)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = answer

    def log_message(self, *args):
        pass


def test_transient_errors_are_retried_then_reported(tmp_path):
    small = tmp_path / "site"
    small.mkdir()
    (small / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Busy)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        proc = run_publish(small, "s3://busy-site", f"http://127.0.0.1:{httpd.server_address[1]}")
    finally:
        httpd.shutdown()
    assert Busy.attempts == 6  # the first request, and five retries with backoff
    assert proc.returncode == 1
    assert "存储服务返回错误" in proc.stderr and "the storage service answered with an error [503]" in proc.stderr


def test_bad_usage_exits_2(published, tmp_path, s3):
    assert run_publish(published[0], "city-site", s3).returncode == 2
    proc = run_publish(tmp_path, "s3://city-site", s3)
    assert proc.returncode == 2 and "make site" in proc.stderr


@pytest.fixture(scope="module")
def s3_with_keys():
    """A server that checks signatures: after its first three requests (which make the publisher's
    user, key and policy) every request must be signed with a key it knows."""
    process, url = start_moto({"INITIAL_NO_AUTH_ACTION_COUNT": "3"})
    iam = boto3.client("iam", endpoint_url=url, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    iam.create_user(UserName="publisher")
    key = iam.create_access_key(UserName="publisher")["AccessKey"]
    policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}'
    iam.put_user_policy(UserName="publisher", PolicyName="publish", PolicyDocument=policy)
    client(url, key["AccessKeyId"], key["SecretAccessKey"]).create_bucket(Bucket="signed-site")
    yield url, key["AccessKeyId"], key["SecretAccessKey"]
    stop(process)


def test_wrong_credentials_are_a_clear_error_without_the_secret(tmp_path, s3_with_keys):
    url, key_id, secret = s3_with_keys
    small = tmp_path / "site"
    (small / "assets").mkdir(parents=True)
    (small / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    (small / "assets" / "site.css").write_text("body{}", encoding="utf-8")
    # control: the right key publishes
    good = run_publish(small, "s3://signed-site", url, key_id=key_id, secret=secret)
    assert good.returncode == 0, good.stderr
    assert counts(good.stdout) == (2, 0, 0)
    for wrong_id, wrong_secret in ((key_id, SECRET), ("AKIAUNKNOWNKEY000000", SECRET)):
        proc = run_publish(small, "s3://signed-site", url, key_id=wrong_id, secret=wrong_secret)
        assert proc.returncode == 1, proc.stdout
        assert "访问被拒绝" in proc.stderr and "access denied" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr and proc.stdout == ""


def fetch_from_bucket(url: str) -> tuple[str, bytes]:
    """What a static-website endpoint or CDN does in front of the bucket: a folder's address
    serves its index.html, and the stored gzip is decoded as a browser decodes it."""
    url = url.split("?", 1)[0].split("#", 1)[0]  # the host serves the object; the query is the page script's
    if url.endswith("/"):
        url += "index.html"
    with urllib.request.urlopen(url) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return response.headers.get_content_type(), body


def public_bucket(url: str, bucket: str) -> None:
    """A bucket that serves a website: anyone may read its objects (as behind a CDN)."""
    statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
    client(url).create_bucket(Bucket=bucket)
    client(url).put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [statement]}))


def test_site_under_a_prefix_has_no_broken_link(published, s3):
    public_bucket(s3, "prefixed-site")
    proc = run_publish(published[0], "s3://prefixed-site/city/learning", s3)
    assert proc.returncode == 0, proc.stderr
    sub_path = "/prefixed-site/city/learning/"
    broken, pages = crawl(s3, [s3 + sub_path, s3 + sub_path + "en/"], sub_path=sub_path, fetch=fetch_from_bucket)
    assert len(pages) > 300, len(pages)
    assert broken == [], broken[:20]
    # control: the same crawl finds the pages missing from a bucket that holds nothing there
    broken, _ = crawl(s3, [s3 + "/prefixed-site/elsewhere/"], sub_path="/prefixed-site/elsewhere/", fetch=fetch_from_bucket)
    assert broken, "a crawl of an empty prefix found nothing broken"


def test_make_publish_passes_its_variables(few_pages, s3):
    client(s3).create_bucket(Bucket="made-site")
    assert run_publish(few_pages, "s3://made-site", s3).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    command = [
        "make",
        "--no-print-directory",
        "publish",
        f"SITE_DIR={few_pages}",
        "PUBLISH_TARGET=s3://made-site",
        f"ENDPOINT_URL={s3}",
        "DRY_RUN=1",
    ]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert f"would upload 0, unchanged {len(site_paths(few_pages))}, would delete 0" in proc.stdout
    assert SECRET not in proc.stdout + proc.stderr
    # control: without a target, make stops and says what to set
    proc = subprocess.run(["make", "publish", f"SITE_DIR={few_pages}"], env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode != 0 and "PUBLISH_TARGET" in proc.stderr
