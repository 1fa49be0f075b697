"""Skeletons of new records, with guidance in Chinese, that validate as they are written."""

from __future__ import annotations

import io

from ruamel.yaml import YAML

from learning_city.data.model import Category, ProviderKind, VenueKind
from learning_city.tools.fmt import tidy

PROVIDER = """\
# 新机构记录。请按注释修改，保存后运行 make validate 检查；示例内容请改成本机构的真实信息。
id: {id}  # 编号，必须与文件名相同
sample: false  # 示例数据填 true
kind: {kind}  # 类型：{kinds}
name:
  zh: {name}  # 中文名称（必填）
  # en: English name  # 英文名称（可选，去掉行首的 # 即可）
{parent}region: {region}  # 所在县（市、区）或镇（街道）的编号，见 catalogue/regions.yml
address:
  zh: （请填写地址）
contact:
  phone: 0573-0000-0000  # 机构的公开电话，不要填个人手机
maintainers: []  # 维护人 GitHub 账号，如 [my-school-staff]
courses: []  # 课程：运行 python scripts/new.py course {id} 课程编号 --title 课程名
"""

VENUE = """\
# 新场馆记录。请按注释修改，保存后运行 make validate 检查。
id: {id}  # 编号，必须与文件名相同
sample: false
kind: {kind}  # 类型：{kinds}
name:
  zh: {name}
  # en: English name
region: {region}
address:
  zh: （请填写地址）
maintainers: []
opening_hours:  # 开放时间，时间要加引号
  - days: [tue, wed, thu, fri, sat, sun]
    opens: "09:00"
    closes: "17:00"
closed:
  zh: 每周一闭馆
admission:
  free: true  # 是否免费
booking:
  required: false  # 是否需要预约
accessibility:  # 无障碍设施：有的改为 true
  step_free: false
  lift: false
  accessible_toilet: false
  hearing_loop: false
"""

COURSE = """\
- id: {id}  # 课程编号，本机构内不重复
  title:
    zh: {title}
    # en: English title
  category: civic  # 类别：{categories}
  audience: [everyone]  # 对象，可多选：older-people, workers, new-residents, families …
  mode: in-person  # in-person 面授 / online 线上 / blended 结合
  schedule:
    days: [mon]  # 星期：mon tue wed thu fri sat sun
    start: "19:00"  # 时间一定要加引号
    end: "20:30"
  hours: 10  # 总课时
  fee:
    amount: 0  # 免费填 0
  capacity: 20  # 名额
  enrolment:
    method: on-site  # online 网上 / on-site 现场 / phone 电话 / lottery 摇号
"""


def provider(record_id: str, kind: str, name: str, region: str, parent: str | None) -> str:
    kinds = ", ".join(k.value for k in ProviderKind)
    parent_line = f"parent: {parent}  # 上级机构编号（四级网络）\n" if parent else ""
    text = PROVIDER.format(id=record_id, kind=kind, kinds=kinds, name=name, region=region, parent=parent_line)
    return tidy(text, f"providers/{record_id}.yml")


def venue(record_id: str, kind: str, name: str, region: str) -> str:
    kinds = ", ".join(k.value for k in VenueKind)
    return tidy(VENUE.format(id=record_id, kind=kind, kinds=kinds, name=name, region=region), f"venues/{record_id}.yml")


def add_course(provider_text: str, provider_file: str, course_id: str, title: str) -> str:
    """The provider's file with a new course at the end of its courses, comments kept."""
    yaml = YAML(typ="rt")
    data = yaml.load(provider_text)
    categories = ", ".join(c.value for c in Category)
    course = yaml.load(COURSE.format(id=course_id, title=title, categories=categories))[0]
    if "courses" not in data or data["courses"] is None or not len(data["courses"]):
        data["courses"] = yaml.load("- x\n")  # a block sequence, whatever style the file had
        data["courses"].pop()
    data["courses"].append(course)
    out = io.StringIO()
    yaml.dump(data, out)
    return tidy(out.getvalue(), provider_file)
