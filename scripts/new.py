#!/usr/bin/env python3
"""Start a new record from a valid skeleton with guidance in Chinese.

    python scripts/new.py provider ID --kind KIND --name 名称 --region REGION [--parent ID]
    python scripts/new.py venue ID --kind KIND --name 名称 --region REGION
    python scripts/new.py course PROVIDER_ID COURSE_ID --title 课程名

Refuses an id that exists. `--catalogue DIR` writes into another catalogue folder.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from learning_city.data.model import SLUG, ProviderKind, VenueKind
from learning_city.data.yamlfile import read
from learning_city.tools import skeleton


def slug(value: str) -> str:
    if not re.fullmatch(SLUG, value):
        raise argparse.ArgumentTypeError(f"“{value}”不是合规编号（小写字母、数字、连字符）/ not a safe id")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", type=Path, default=Path("catalogue"))
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("provider", help="a school or other provider / 办学机构")
    p.add_argument("id", type=slug)
    p.add_argument("--kind", required=True, choices=[k.value for k in ProviderKind])
    p.add_argument("--name", required=True, help="中文名称")
    p.add_argument("--region", required=True, type=slug)
    p.add_argument("--parent", type=slug)
    v = sub.add_parser("venue", help="an open venue / 开放场馆")
    v.add_argument("id", type=slug)
    v.add_argument("--kind", required=True, choices=[k.value for k in VenueKind])
    v.add_argument("--name", required=True)
    v.add_argument("--region", required=True, type=slug)
    c = sub.add_parser("course", help="a course of an existing provider / 课程")
    c.add_argument("provider", type=slug)
    c.add_argument("id", type=slug)
    c.add_argument("--title", required=True, help="中文课程名")
    args = parser.parse_args(argv)

    if args.what == "course":
        path = args.catalogue / "providers" / f"{args.provider}.yml"
        if not path.exists():
            print(f"{path}: error: 机构不存在 / no such provider", file=sys.stderr)
            return 1
        doc = read(path)
        if not isinstance(doc.data, dict):  # unreadable, or not a provider's mapping
            print(f"{path}: error: 文件有错误，请先修正 / fix the file's errors first (make validate)", file=sys.stderr)
            return 1
        if any(isinstance(course, dict) and course.get("id") == args.id for course in doc.data.get("courses") or []):
            print(f"{path}: error: 课程编号“{args.id}”已存在 / course id already exists", file=sys.stderr)
            return 1
        text = skeleton.add_course(path.read_text(encoding="utf-8-sig"), f"providers/{args.provider}.yml", args.id, args.title)
    else:
        folder = "providers" if args.what == "provider" else "venues"
        path = args.catalogue / folder / f"{args.id}.yml"
        if path.exists():
            print(f"{path}: error: 编号“{args.id}”已存在 / this id exists already", file=sys.stderr)
            return 1
        if args.what == "provider":
            text = skeleton.provider(args.id, args.kind, args.name, args.region, args.parent)
        else:
            text = skeleton.venue(args.id, args.kind, args.name, args.region)
    path.write_text(text, encoding="utf-8")
    print(f"{path}: 已写入，请按注释填写 / written, fill it in following the comments")
    return 0


if __name__ == "__main__":
    sys.exit(main())
