#!/usr/bin/env python3
"""Publish a built site to S3-compatible object storage, uploading only what changed.

    python scripts/publish.py SITE_DIR s3://BUCKET[/PREFIX] [--endpoint-url URL] [--dry-run]

Credentials come from the standard AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_REGION)
variables; --endpoint-url (or AWS_ENDPOINT_URL) names Aliyun OSS, Tencent COS, Huawei OBS or
any other S3-compatible service. Objects under the prefix that the site no longer has are
deleted, after every new file is in place. Exit status: 0 published, 1 storage error, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError, NoCredentialsError

from learning_city.tools import publish

# Transient errors (throttling, 5xx, dropped connections) are retried with backoff. Checksums only
# where the API requires them: several S3-compatible services reject boto3's newer default ones.
CLIENT_CONFIG = Config(
    retries={"max_attempts": 5, "mode": "standard"},  # five retries after the first attempt
    connect_timeout=10,
    read_timeout=60,
    request_checksum_calculation="when_required",
    response_checksum_validation="when_required",
)
DENIED = {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "Forbidden", "403", "InvalidToken", "ExpiredToken"}
MISSING = {"NoSuchBucket", "404", "NotFound"}


def problem(code: str, bucket: str, endpoint: str) -> str:
    """A storage error in both languages; never the service's own text, which may echo request details."""
    if code in DENIED:
        return (
            f"访问被拒绝：访问密钥错误，或无权写入存储桶 {bucket}（请检查 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY）"
            f" / access denied: the access key is wrong or may not write to bucket {bucket}"
            f" (check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) [{code}]"
        )
    if code in MISSING:
        return f"存储桶 {bucket} 不存在（{endpoint}） / no such bucket: {bucket} at {endpoint} [{code}]"
    return f"存储服务返回错误 / the storage service answered with an error [{code}]"


def run(site_dir: Path, target: str, endpoint: str | None, dry_run: bool) -> int:
    bucket, prefix = publish.parse_target(target)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1",
        config=CLIENT_CONFIG,
    )
    where = endpoint or "AWS S3"
    try:
        client.head_bucket(Bucket=bucket)
        local = publish.read_site(site_dir)
        result = publish.plan(local, publish.remote_state(client, bucket, prefix, set(local)))
        if dry_run:
            for path in result.upload:
                headers = local[path].headers
                print(f"upload  {prefix}{path}  {headers.content_type} | {headers.cache_control} | {headers.content_encoding or '-'}")
            for path in result.delete:
                print(f"delete  {prefix}{path}")
        else:
            publish.apply(client, bucket, prefix, site_dir, local, result)
    except NoCredentialsError:
        print(
            "没有访问密钥：请设置 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY / no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
            file=sys.stderr,
        )
        return 1
    except EndpointConnectionError:
        print(
            f"连不上存储服务 {where}，请检查 --endpoint-url / cannot reach the storage service at {where}: check --endpoint-url",
            file=sys.stderr,
        )
        return 1
    except ClientError as err:
        print(problem(str(err.response.get("Error", {}).get("Code", "?")), bucket, where), file=sys.stderr)
        return 1
    except BotoCoreError as err:  # the class name only: botocore's messages may quote the request
        print(f"发布失败 / publishing failed: {type(err).__name__}", file=sys.stderr)
        return 1
    print(publish.summary(result, dry_run))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Publish the built site to S3-compatible storage / 将网站发布到对象存储")
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site")
    parser.add_argument("target", help="s3://BUCKET or s3://BUCKET/PREFIX")
    parser.add_argument(
        "--endpoint-url",
        default=os.environ.get("AWS_ENDPOINT_URL") or None,
        help="the service's endpoint, e.g. https://oss-cn-shanghai.aliyuncs.com",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(
            f"{args.site_dir}: error: 不是构建好的网站（没有 index.html），请先运行 make site / not a built site (no index.html): run make site first",
            file=sys.stderr,
        )
        return 2
    try:
        publish.parse_target(args.target)
    except ValueError:
        print(f"{args.target}: error: 目标应为 s3://存储桶[/前缀] / the target must be s3://BUCKET[/PREFIX]", file=sys.stderr)
        return 2
    return run(args.site_dir, args.target, args.endpoint_url, args.dry_run)


if __name__ == "__main__":
    sys.exit(main())
