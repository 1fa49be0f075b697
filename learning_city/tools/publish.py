"""Publishing a built site to S3-compatible object storage (Aliyun OSS, Tencent COS, Huawei OBS, AWS).

The planning is plain data: what each file's headers are, which files changed (by the SHA-256 of
their uncompressed content, kept in the object's metadata) and in what order to upload them.
Talking to the storage is kept to `remote_state` and `apply`, so the plan can be tested alone.
It imports nothing from the site's renderers: it publishes any folder of static files.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Pages and data revalidate after five minutes: a corrected course time reaches readers soon.
REVALIDATE = "public, max-age=300, must-revalidate"
# Files whose name holds a hash of their content never change under that name.
IMMUTABLE = "public, max-age=31536000, immutable"
# Material's bundles (bundle.5cf534bf.min.js, main.484c7ddc.min.css) and Pagefind's index
# chunks, fragments, filters and metadata (zh_1f2e3d4.pf_fragment, pagefind.zh_9a8b7c6.pf_meta).
# Not pagefind.js or pagefind-entry.json: those keep their name and say which hashes to load.
FINGERPRINTED = (
    re.compile(r"(^|/)assets/.*\.[0-9a-f]{8,}\.min\.(js|css)(\.map)?$"),
    re.compile(r"(^|/)pagefind/(.*/)?[^/]*_[0-9a-f]{7,}\.pf_(index|fragment|filter|meta)$"),
)
TEXT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".ics": "text/calendar",
    ".md": "text/markdown",
    ".yml": "text/yaml",
    ".yaml": "text/yaml",
}
BINARY_TYPES = {
    ".gz": "application/gzip",  # sitemap.xml.gz: already compressed, served as is
    ".wasm": "application/wasm",
    ".woff2": "font/woff2",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
}
# Pagefind's own files (.pf_*, .pagefind) are compressed by Pagefind and served as bytes.
OCTET = "application/octet-stream"
# Python's built-in table only, not this machine's /etc/mime.types: every machine plans alike.
MIME = mimetypes.MimeTypes()


@dataclass(frozen=True)
class Headers:
    content_type: str
    cache_control: str
    content_encoding: str | None  # "gzip" for text, stored compressed


@dataclass(frozen=True)
class SiteFile:
    """A file of the built site, or an object already published: its site path, content hash, headers."""

    path: str
    sha256: str
    headers: Headers


@dataclass(frozen=True)
class Plan:
    upload: tuple[str, ...]  # in upload order: assets first, HTML last
    unchanged: tuple[str, ...]
    delete: tuple[str, ...]  # done only after every upload


def is_fingerprinted(path: str) -> bool:
    return any(pattern.search(path) for pattern in FINGERPRINTED)


def headers_for(path: str) -> Headers:
    """Content type (with charset for text), caching and compression of one site path."""
    suffix = PurePosixPath(path).suffix.lower()
    cache = IMMUTABLE if is_fingerprinted(path) else REVALIDATE
    if suffix in TEXT_TYPES:
        return Headers(f"{TEXT_TYPES[suffix]}; charset=utf-8", cache, "gzip")
    kind = BINARY_TYPES.get(suffix) or MIME.guess_type(path)[0] or OCTET
    return Headers(kind, cache, None)


def site_file(path: str, content: bytes) -> SiteFile:
    return SiteFile(path, hashlib.sha256(content).hexdigest(), headers_for(path))


def upload_order(path: str) -> tuple[int, str]:
    """Fingerprinted assets, then other files, then pages; the home pages and 404 last of all."""
    name = PurePosixPath(path).name
    if is_fingerprinted(path):
        rank = 0
    elif not name.endswith(".html"):
        rank = 1
    elif path in ("index.html", "404.html") or re.fullmatch(r"[a-z]{2}/(index|404)\.html", path):
        rank = 3
    else:
        rank = 2
    return rank, path


def plan(local: dict[str, SiteFile], remote: dict[str, SiteFile | None]) -> Plan:
    """What to upload (new, changed content or changed headers), leave alone and delete.

    `remote` maps each published path to what its metadata says, or None when it was not
    published by us (no hash recorded): such an object is replaced.
    """
    upload = [path for path, file in local.items() if remote.get(path) != file]
    unchanged = [path for path, file in local.items() if remote.get(path) == file]
    delete = [path for path in remote if path not in local]
    return Plan(tuple(sorted(upload, key=upload_order)), tuple(sorted(unchanged)), tuple(sorted(delete)))


def body(content: bytes, headers: Headers) -> bytes:
    """The bytes to store: gzip without a timestamp or name, so the same page gives the same object."""
    if headers.content_encoding == "gzip":
        return gzip.compress(content, compresslevel=9, mtime=0)
    return content


def summary(result: Plan, dry_run: bool = False) -> str:
    n, m, k = len(result.upload), len(result.unchanged), len(result.delete)
    if dry_run:
        return f"将上传 {n}，未变 {m}，将删除 {k}（试运行，未做任何改动） / would upload {n}, unchanged {m}, would delete {k} (dry run, nothing changed)"
    return f"已上传 {n}，未变 {m}，已删除 {k} / uploaded {n}, unchanged {m}, deleted {k}"


def parse_target(target: str) -> tuple[str, str]:
    """s3://BUCKET[/PREFIX] -> (bucket, "prefix/" or "")."""
    match = re.fullmatch(r"s3://([a-z0-9][a-z0-9.\-]{1,61}[a-z0-9])(?:/(.*))?", target)
    if not match:
        raise ValueError(target)
    prefix = (match.group(2) or "").strip("/")
    return match.group(1), prefix + "/" if prefix else ""


# ---------------------------------------------------------------- reading the site and the bucket


def read_site(site_dir: Path) -> dict[str, SiteFile]:
    """Every file of the built site by its path, with its hash and headers."""
    site = {}
    for file in sorted(site_dir.rglob("*")):
        if file.is_file():
            path = file.relative_to(site_dir).as_posix()
            site[path] = site_file(path, file.read_bytes())
    return site


def remote_state(client, bucket: str, prefix: str, wanted: set[str]) -> dict[str, SiteFile | None]:
    """Every object under the prefix; for the paths the site still has, their hash and headers."""
    paths: list[str] = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        paths.extend(item["Key"][len(prefix) :] for item in page.get("Contents", []) if not item["Key"].endswith("/"))
    kept = [path for path in paths if path in wanted]

    def described(path: str) -> SiteFile | None:
        head = client.head_object(Bucket=bucket, Key=prefix + path)
        sha = head.get("Metadata", {}).get("sha256")
        if not sha:
            return None
        headers = Headers(head.get("ContentType", ""), head.get("CacheControl", ""), head.get("ContentEncoding"))
        return SiteFile(path, sha, headers)

    with ThreadPoolExecutor(max_workers=8) as pool:
        heads = dict(zip(kept, pool.map(described, kept), strict=True))
    return {path: heads.get(path) for path in paths}


def apply(client, bucket: str, prefix: str, site_dir: Path, local: dict[str, SiteFile], result: Plan) -> None:
    """Upload in plan order (the pages after everything they load), then delete what is gone."""

    def put(path: str) -> None:
        file = local[path]
        extra = {"ContentEncoding": file.headers.content_encoding} if file.headers.content_encoding else {}
        client.put_object(
            Bucket=bucket,
            Key=prefix + path,
            Body=body((site_dir / path).read_bytes(), file.headers),
            ContentType=file.headers.content_type,
            CacheControl=file.headers.cache_control,
            Metadata={"sha256": file.sha256},
            **extra,
        )

    # each rank finishes before the next starts: no page goes up before the assets it loads;
    # deletions one by one (DeleteObjects needs a Content-MD5 that boto3 no longer sends and
    # several S3-compatible services insist on)
    with ThreadPoolExecutor(max_workers=8) as pool:
        for rank in sorted({upload_order(path)[0] for path in result.upload}):
            list(pool.map(put, [path for path in result.upload if upload_order(path)[0] == rank]))
        list(pool.map(lambda path: client.delete_object(Bucket=bucket, Key=prefix + path), result.delete))
