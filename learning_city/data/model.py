"""The catalogue's data model, defined once.

Every record a YAML file can hold is a class here. The validator, the JSON Schema
(`scripts/schema.py`) and the field reference in the docs are all derived from these
classes, so a rule added here is enforced, documented and offered by editors at once.

Human-readable fields are `Text`: Chinese required, English optional. Ids are slugs,
because they become file names, URLs and anchors.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CLOCK = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"
LINK_SCHEMES = ("http", "https", "mailto", "tel")
# Every date of the catalogue: a term, a class, an event, a deadline, a check. Far wider than any
# record needs, and narrow enough that the site's date arithmetic (the day after, a week on) cannot
# leave the calendar. A date outside it is a typing slip (9999-12-31, 2206-09-01).
DATE_RANGE = (dt.date(2000, 1, 1), dt.date(2099, 12, 31))
# Dates are written one way only, 2026-09-06: never a bare number (read as seconds since 1970 by
# lax parsers), never 2026/09/06 or 2026年9月6日, which tools read differently.
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# Ids that become file names beside a section's own page: `providers/index.md` *is* the page at
# /providers/ (MkDocs serves a folder's index.md at the folder's address), so a record, county or
# town with such an id would replace the section page. Refused for every id.
RESERVED_IDS = ("index",)


def _slug(value: str) -> str:
    if not re.fullmatch(SLUG, value):
        raise PydanticCustomError("slug", "not a slug", {"value": value})
    if value in RESERVED_IDS:
        raise PydanticCustomError("reserved_id", "reserved id", {"value": value})
    return value


def _iso_date(value: object) -> object:
    """A date as the YAML holds it: text written 2026-09-06 (a date object from code passes as it is)."""
    if type(value) is dt.date:
        return value
    if isinstance(value, str) and re.fullmatch(ISO_DATE, value):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise PydanticCustomError("bad_date", "not a date written YYYY-MM-DD", {"value": str(value)})


def _date_in_range(value: dt.date) -> dt.date:
    first, last = DATE_RANGE
    if not first <= value <= last:
        raise PydanticCustomError(
            "date_out_of_range", "date out of range", {"value": value.isoformat(), "min": first.isoformat(), "max": last.isoformat()}
        )
    return value


def _one_line(value: str) -> str:
    if not re.fullmatch(ONE_LINE, value):
        raise PydanticCustomError("line_break", "line break in a one-line field", {})
    return value


def _clock(value: str) -> str:
    if not re.fullmatch(CLOCK, value):
        raise PydanticCustomError("clock", "not a clock time", {"value": value})
    return value


def _link(pattern: str, code: str):
    """A link field's check: an unsafe scheme is named as such (javascript:), any other mismatch
    with the field's kind (`pattern`, the same the JSON Schema and the web editor use) as `code`."""

    def check(value: str) -> str:
        # no scheme at all (office@example.org, www.example.org) is this kind's mistake, not an unsafe link
        scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
        if scheme and scheme not in LINK_SCHEMES:
            raise PydanticCustomError("link_scheme", "unsafe link", {"value": value})
        if not re.fullmatch(pattern, value):
            raise PydanticCustomError(code, "not a link of this kind", {"value": value})
        return value

    return check


def not_before(earlier: str, *, strictly: bool = False, code: str | None = None):
    """A field validator: this field may not come before (or, strictly, equal) the field `earlier`.

    One rule for every ordered pair (dates, clock times, ages, bounds); the error sits on the later
    field, where the contributor will look. Fields are validated in order, so `earlier` must be
    declared first. Strictly, equal is refused too, and the message says "after"."""
    code = code or ("not_after_start" if strictly else "end_before_start")

    def check(cls, value, info: ValidationInfo):
        start = info.data.get(earlier)
        if value is not None and start is not None and (value <= start if strictly else value < start):
            raise PydanticCustomError(code, "out of order", {"start": str(start), "other": earlier})
        return value

    check.order = (earlier, strictly, code)  # type: ignore[attr-defined]  # read by ordered_fields
    return check


def ordered_fields(cls: type[BaseModel]) -> dict[str, tuple[str, bool, str]]:
    """Each field of `cls` that `not_before` orders: later field -> (earlier field, strictly, code).

    The web editor's checks before saving are generated from this (docs/admin/model.js), so an
    ordered pair added to the model is refused by the form too."""
    found: dict[str, tuple[str, bool, str]] = {}
    for decorator in cls.__pydantic_decorators__.field_validators.values():
        order = getattr(decorator.func, "order", None)
        if order is not None:
            found |= {name: order for name in decorator.info.fields}
    return found


def _described(zh: str, en: str, **extra) -> dict:
    """Bilingual field description, shown by editors through the JSON Schema."""
    return {"description": f"{zh} / {en}", **extra}


# An id becomes a file name (providers/<id>/, calendars/courses/<provider>/<course>.ics), which file
# systems bound at 255 bytes; the longest shipped is about 60 characters.
ID_MAX = 100
Id = Annotated[
    str, Field(max_length=ID_MAX), AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG, "not": {"enum": list(RESERVED_IDS)}})
]
Date = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    AfterValidator(_date_in_range),
    Field(json_schema_extra={"pattern": ISO_DATE, "formatMinimum": DATE_RANGE[0].isoformat(), "formatMaximum": DATE_RANGE[1].isoformat()}),
]
# A GitHub user (jx-nanhu-cc) or team (org/team), without the @; it goes into CODEOWNERS.
HANDLE = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?$"
Handle = Annotated[str, Field(pattern=HANDLE)]
# Digits, with + ( ) - and spaces as people write them, and an extension after 转.
PHONE = r"^\+?[0-9(][0-9 ()-]*(?: ?转 ?[0-9]+)?$"  # "(0573)82012345" as people write an area code too
Clock = Annotated[str, AfterValidator(_clock), Field(json_schema_extra={"pattern": CLOCK})]
Phone = Annotated[str, Field(max_length=40, pattern=PHONE)]
# The message of a value that does not match its field's pattern, by pattern (the validator's, and
# the form's through config.yml): one that says what to type, not "malformed".
PATTERN_CODES = {PHONE: "bad_phone", HANDLE: "bad_handle"}
# 行政区划代码: six digits for a city or county (GB/T 2260).
DivisionCode = Annotated[
    str, Field(pattern=r"^[0-9]{6}$", **_described("行政区划代码（6 位数字）", "administrative division code (6 digits)"))
]
# A link's kind, one pattern each, checked alike by the validator, the JSON Schema and the web
# editor. A web address: http or https, a host, no user name or password (user:pass@host hides the
# real host), no space, quote, angle bracket or control character. An e-mail: mailto and an address.
WEB = r'^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][^\s\x00-\x1f\x7f"<>\\^`{|}]*)?$'
EMAIL = r"^mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$"
# Longer than any address people paste (search results run to a few hundred characters).
LINK_MAX = 2000
WebLink = Annotated[str, Field(max_length=LINK_MAX), AfterValidator(_link(WEB, "web_link")), Field(json_schema_extra={"pattern": WEB})]
EmailLink = Annotated[
    str, Field(max_length=LINK_MAX), AfterValidator(_link(EMAIL, "email_link")), Field(json_schema_extra={"pattern": EMAIL})
]


# Text comes in two kinds. One line (a name, a title, an address, a heading): a line break or a tab
# would split a page's heading or a table's cell (other control characters are refused everywhere,
# characters.py). Prose (a description, a note, a paragraph) keeps its lines. Both are bounded: the
# longest name shipped is about 100 characters, the longest policy paragraph about 3,500.
ONE_LINE = r"^[^\n\r\t]*$"
LINE_MAX = 200
PROSE_MAX = 10_000
OneLine = Annotated[str, Field(max_length=LINE_MAX), AfterValidator(_one_line), Field(json_schema_extra={"pattern": ONE_LINE})]
Prose = Annotated[str, Field(max_length=PROSE_MAX)]


# Numbers and yes/no as people type them. The YAML reader keeps `24` as text for the model to read
# by field type, and pydantic alone is lax: it reads "2_4" as 24, " 20" as 20 and "1", "t" or "on"
# as true. A number is digits, a minus and a decimal point; yes/no is true or false, unquoted.
PLAIN_NUMBER = r"-?[0-9]+(?:\.[0-9]+)?"


def _plain_number(value: object) -> object:
    if isinstance(value, bool):  # pydantic reads true as 1
        raise PydanticCustomError("expected_number", "a number, not true or false", {})
    if isinstance(value, str) and not re.fullmatch(PLAIN_NUMBER, value):
        raise PydanticCustomError("plain_number", "not a plain number", {"value": value})
    return value


Whole = Annotated[int, BeforeValidator(_plain_number)]
Number = Annotated[float, BeforeValidator(_plain_number)]
# optional, with the check outside the union: the JSON Schema keeps its minimum and maximum
WholeOrNone = Annotated[int | None, BeforeValidator(_plain_number)]
NumberOrNone = Annotated[float | None, BeforeValidator(_plain_number)]
YesNo = Annotated[bool, Strict()]


def _distinct(values: list) -> list:
    """A list of choices names each once: "周六、周六" on a page is a slip of the hand."""
    seen = set()
    for value in values:
        if value in seen:
            shown = value.value if isinstance(value, Enum) else str(value)
            raise PydanticCustomError("repeated", "an item given twice", {"value": shown})
        seen.add(value)
    return values


Distinct = [AfterValidator(_distinct), Field(json_schema_extra={"uniqueItems": True})]


class Record(BaseModel):
    """Base of every catalogue class: unknown keys are errors, never ignored."""

    # nan and inf are no count, share or fee: they slip past every bound (nan compares false)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)


class Text(Record):
    """Text in Chinese (required) and English (optional: the site falls back to Chinese); prose,
    which may run to several lines (a description, a note). A name or a title is a `Line`."""

    zh: Prose = Field(min_length=1, **_described("中文", "Chinese"))
    en: Prose | None = Field(None, **_described("英文（可选）", "English (optional)"))

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        """Spaces only ("   ", a full-width space) would be a blank heading on the page."""
        if value is not None and value and not value.strip():
            raise PydanticCustomError("blank", "only spaces", {})
        return value

    def get(self, lang: str) -> str:
        return (self.en if lang == "en" else None) or self.zh

    def is_fallback(self, lang: str) -> bool:
        return lang == "en" and not self.en


class Line(Text):
    """Text on one line, in Chinese and English: a name, a title, an address, a heading."""

    zh: OneLine = Field(min_length=1, **_described("中文（一行）", "Chinese (one line)"))
    en: OneLine | None = Field(None, **_described("英文（可选，一行）", "English (optional, one line)"))


class Weekday(str, Enum):
    mon = "mon"
    tue = "tue"
    wed = "wed"
    thu = "thu"
    fri = "fri"
    sat = "sat"
    sun = "sun"


class DateRange(Record):
    """A from–until pair; the end may not come before the start."""

    start: Date = Field(**_described("开始日期", "first day"))
    end: Date = Field(**_described("结束日期", "last day"))

    _ordered = field_validator("end")(not_before("start"))


class Contact(Record):
    """Public contact of an institution: never a private person's number."""

    phone: Phone | None = Field(None, **_described("公开电话，如 0573-82000000", "public phone, e.g. 0573-82000000"))
    email: EmailLink | None = Field(None, **_described("公开邮箱（mailto:）", "public e-mail (mailto:)"))
    website: WebLink | None = Field(None, **_described("网址", "website"))


# --- regions -------------------------------------------------------------------------


class Town(Record):
    id: Id = Field(**_described("镇（街道）编号", "town or subdistrict id"))
    kind: Literal["town", "street"] = Field(**_described("镇或街道", "town or street"))
    name: Line = Field(**_described("镇（街道）名称", "name of the town or subdistrict"))


class County(Record):
    id: Id = Field(**_described("县（市、区）编号", "county id"))
    code: DivisionCode = Field(**_described("行政区划代码", "administrative division code"))
    kind: Literal["district", "county", "county-level-city"] = Field(
        **_described("区、县或县级市", "district, county or county-level city")
    )
    name: Line = Field(**_described("县（市、区）名称", "name of the county"))
    towns: list[Town] = Field(default_factory=list, **_described("镇（街道）", "towns and streets"))


class City(Record):
    id: Id = Field(**_described("市编号", "city id"))
    code: DivisionCode = Field(**_described("行政区划代码", "administrative division code"))
    name: Line = Field(**_described("市名", "name of the city"))


class Regions(Record):
    """Jiaxing and its seven county-level divisions with their towns and streets."""

    city: City = Field(**_described("市", "the city"))
    counties: list[County] = Field(**_described("县（市、区）", "county-level divisions"))


# --- policy and targets ----------------------------------------------------------------


class PolicySection(Record):
    id: str = Field(pattern=r"^[1-9](?:\.[1-9])?$", **_described("章节编号，如 3.2", "section number, e.g. 3.2"))
    heading: Line = Field(**_described("标题", "heading"))
    paragraphs: list[Text] = Field(default_factory=list, **_described("段落", "paragraphs"))
    sections: list[PolicySection] = Field(default_factory=list, **_described("下级章节", "subsections"))


class Policy(Record):
    """The policy document. Numbers in its prose are tokens that point at targets."""

    id: Id = Field(**_described("文件编号", "document id"))
    sample: YesNo = Field(False, **_described("示例数据（true 时网站会标明）", "sample data (the site says so when true)"))
    title: Line = Field(**_described("文件标题", "title of the document"))
    number: Line = Field(**_described("文号", "document number"))
    issued: Date = Field(**_described("发布日期", "date issued"))
    issuers: list[Line] = Field(**_described("发文单位", "issuing bodies"))
    addressees: Text = Field(**_described("主送单位", "addressees"))
    preamble: list[Text] = Field(**_described("序言", "preamble"))
    sections: list[PolicySection] = Field(**_described("下级章节", "subsections"))


class Comparator(str, Enum):
    at_least = "at-least"
    about = "about"
    exactly = "exactly"
    range = "range"


class Unit(str, Enum):
    percent = "percent"
    courses = "courses"
    projects = "projects"
    zones = "zones"
    towns = "towns"
    cities = "cities"
    schools = "schools"
    years = "years"
    times_a_year = "times-a-year"
    departments = "departments"


class Scope(str, Enum):
    per_school = "per-school"
    city_wide = "city-wide"
    per_enterprise = "per-enterprise"


class Measure(str, Enum):
    computed = "computed"
    reported = "reported"


class TargetKind(str, Enum):
    """How the document states a target: by a date, every year, or as a standing rule."""

    deadline = "deadline"  # 到2020年: reached by a date
    annual = "annual"  # 每年: holds every year, no date
    standing = "standing"  # 依法, 长期: a rule that always holds, no date


class Target(Record):
    """A quantitative target or norm of the policy; its number lives only here."""

    id: Id = Field(**_described("目标编号", "target id"))
    title: Line = Field(**_described("目标名称", "what the target is"))
    section: OneLine = Field(**_described("出自政策的章节编号", "policy section it comes from"))
    kind: TargetKind = Field(
        **_described(
            "deadline：限期目标（须有 deadline）；annual：每年的要求；standing：长期规定（annual、standing 不写 deadline）",
            "deadline: reached by a date (needs deadline); annual: every year; standing: a standing rule (annual and standing have no deadline)",
        )
    )
    comparator: Comparator = Field(**_described("不少于 / 约 / 等于 / 范围", "at least / about / exactly / range"))
    value: Number = Field(**_described("目标值（范围时为下限）", "target value (lower bound for a range)"))
    value_max: NumberOrNone = Field(None, **_described("范围上限", "upper bound of a range"))
    unit: Unit = Field(**_described("单位", "unit"))
    deadline: Date | None = Field(None, **_described("完成期限（仅 kind: deadline）", "deadline (kind: deadline only)"))
    scope: Scope = Field(**_described("适用范围", "scope"))
    measure: Measure = Field(**_described("computed：由目录计算；reported：填报数据", "computed from the catalogue, or reported"))
    metric: OneLine | None = Field(None, **_described("计算方法名（computed 时必填）", "metric name (computed only)"))
    proxy: YesNo = Field(
        False,
        **_described(
            "数字只能在比目标更粗的层级上计算（如按镇统计村一级的目标）：只作参考，不评定是否达标",
            "the figure is measured at a coarser level than the target asks (towns for a village target): shown as a proxy, never scored",
        ),
    )
    note: Text | None = Field(None, **_described("目标说明", "note on the target"))

    _ordered = field_validator("value_max")(not_before("value", code="less_than"))


class Targets(Record):
    targets: list[Target] = Field(**_described("目标", "targets"))


# --- glossary ------------------------------------------------------------------------------


class GlossaryTerm(Record):
    """One Chinese term and its fixed English: the policy, the interface and the records use it."""

    zh: OneLine = Field(min_length=1, **_described("中文术语", "the Chinese term"))
    en: OneLine = Field(min_length=1, **_described("固定英文译法", "its fixed English rendering"))
    variants: list[OneLine] = Field(
        default_factory=list, **_described("允许的其他形式（复数、词形变化）", "declared variants (plural, inflected forms)")
    )
    banned: list[OneLine] = Field(
        default_factory=list, **_described("禁止的误译，任何英文中都不得出现", "mistranslations that must appear in no English text")
    )
    not_in: list[OneLine] = Field(
        default_factory=list,
        **_described(
            "含有该术语但意思不同的词（如“应”之于“适应”）", "longer words that contain the term but mean something else (适应 for 应)"
        ),
    )
    imperative: YesNo = Field(
        False,
        **_described(
            "义务动词：任务清单中也可译为祈使句，因此只检查禁用译法，且只在政策、界面和名称中检查",
            "an obligation verb: task lists may render it as a plain imperative, so only its banned renderings are checked, and only where it is translated (policy, interface, names)",
        ),
    )
    note: Prose = Field(min_length=1, **_described("说明：为何这样译", "why it is rendered so"))


class Glossary(Record):
    """The fixed English of the policy's terms, verbs of obligation and names of bodies."""

    terms: list[GlossaryTerm] = Field(**_described("术语", "terms"))


class Statistic(Record):
    """A reported figure for a target that the catalogue cannot compute."""

    target: Id = Field(**_described("目标编号", "target id"))
    year: Whole = Field(ge=2000, le=2100, **_described("数据年份", "year of the figure"))
    # A figure is a count or a share, never negative; a million is beyond any count the targets
    # name (schools, courses, towns…). A share over 100 is refused against its target's unit (loader).
    value: Number = Field(ge=0, le=1_000_000, **_described("填报数值", "reported value"))
    source: Line = Field(**_described("数据来源", "source"))
    url: WebLink | None = Field(None, **_described("数据来源链接（http、https）", "link to the source (http, https)"))
    sample: YesNo = Field(False, **_described("示例数据（true 时网站会标明）", "sample data (the site says so when true)"))


class Statistics(Record):
    statistics: list[Statistic] = Field(default_factory=list, **_described("填报数字", "reported figures"))


class Department(Record):
    id: Id = Field(**_described("成员单位编号", "department id"))
    name: Line = Field(**_described("成员单位名称", "name of the department"))
    # issue 22: "the Municipal Education Bureau" in running English; a proper name such as "Jiaxing City University" takes none
    article: YesNo = Field(
        True,
        **_described(
            "英文行文中名称前加 the（专有名称如大学写 false）",
            "the English name takes 'the' in running text (false for a proper name such as a university)",
        ),
    )


class LeadingGroup(Record):
    """The municipal leading group and its member departments (units)."""

    name: Line = Field(**_described("领导小组名称", "name of the leading group"))
    members: list[Department] = Field(**_described("成员单位", "member departments"))


def for_kind(kinds: tuple, required: bool = False):
    """A field validator: this field belongs to records of the given `kinds` only (and, if `required`,
    every record of those kinds has it). The error sits on the field; `kind` must be declared first."""

    def check(cls, value, info: ValidationInfo):
        given = info.data.get("kind")
        if given is None:  # the kind itself is wrong: reported there
            return value
        if value is not None and given not in kinds:
            raise PydanticCustomError(
                "not_for_kind",
                "not for this kind",
                {"kind": given.value, "only": "、".join(k.value for k in kinds), "only_en": ", ".join(k.value for k in kinds)},
            )
        if value is None and required and given in kinds:
            raise PydanticCustomError("missing", "required for this kind", {})
        return value

    return check


class RecognitionKind(str, Enum):
    demonstration_zone = "demonstration-zone"
    experimental_zone = "experimental-zone"
    demonstration_town = "demonstration-town"
    demonstration_learning_city = "demonstration-learning-city"
    standardised_community_school = "standardised-community-school"
    standardised_adult_school = "standardised-adult-school"
    modern_adult_school = "modern-adult-school"
    # issue 22: the policy's 三(一) 百姓学习之星 (a resident) and 三(三) 学习型组织 (an organisation)
    learning_star = "learning-star"
    learning_organisation = "learning-organisation"


class Level(str, Enum):
    national = "national"
    provincial = "provincial"
    municipal = "municipal"


# Fields of a recognition that belong to one kind only, and whether every recognition of that kind
# has it: read by the validator (Recognition) and by the web editor's checks (docs/admin/checks.js).
# A school's title names the school; any other title names a region, or none (the whole city).
SCHOOL_TITLES = (
    RecognitionKind.standardised_community_school,
    RecognitionKind.standardised_adult_school,
    RecognitionKind.modern_adult_school,
)
# The fields of a recognition that belong to some kinds only: field -> (those kinds, required for them).
RECOGNITION_FOR_KIND = {
    "person": ((RecognitionKind.learning_star,), False),
    "organisation": ((RecognitionKind.learning_organisation,), True),
    "region": (tuple(kind for kind in RecognitionKind if kind not in SCHOOL_TITLES), False),
    "provider": (SCHOOL_TITLES, True),
}


class Recognition(Record):
    """A title awarded to a region or a provider (demonstration zone, standardised school…), to a
    resident (百姓学习之星, named only with consent) or to an organisation (学习型组织)."""

    id: Id = Field(**_described("称号编号", "recognition id"))
    kind: RecognitionKind = Field(**_described("称号类型", "kind of recognition"))
    level: Level = Field(**_described("级别：国家级、省级或市级", "level: national, provincial or municipal"))
    year: Whole = Field(ge=2000, le=2100, **_described("获评年份", "year awarded"))
    region: Id | None = Field(None, **_described("获评地区编号", "region recognised"))
    provider: Id | None = Field(None, validate_default=True, **_described("获评机构编号", "provider recognised"))
    issuer: Line = Field(**_described("授予单位", "awarded by"))
    sample: YesNo = Field(False, **_described("示例数据（true 时网站会标明）", "sample data (the site says so when true)"))
    # issue 22: who a 百姓学习之星 or a 学习型组织 title went to; a resident's name is shown only with consent
    person: Line | None = Field(
        None,
        **_described("获评居民姓名（仅“百姓学习之星”）", "name of the resident (learning stars only)"),
    )
    name_public: YesNo = Field(
        False,
        **_described(
            "本人已书面同意在网站公开姓名（否则网站只写“一位居民”）",
            "the resident agreed in writing to their name being published (otherwise the site says 'a resident')",
        ),
    )
    organisation: Line | None = Field(
        None,
        validate_default=True,
        **_described("获评组织名称（“学习型组织”必填）", "name of the organisation (required for learning organisations)"),
    )

    _person = field_validator("person")(for_kind(*RECOGNITION_FOR_KIND["person"]))
    _organisation = field_validator("organisation")(for_kind(*RECOGNITION_FOR_KIND["organisation"]))
    _region = field_validator("region")(for_kind(*RECOGNITION_FOR_KIND["region"]))
    _provider = field_validator("provider")(for_kind(*RECOGNITION_FOR_KIND["provider"]))

    @field_validator("name_public")
    @classmethod
    def _consent_names_someone(cls, value: bool, info: ValidationInfo) -> bool:
        """Consent without a name is a slip: the name was forgotten, or the flag belongs elsewhere."""
        if value and "person" in info.data and info.data["person"] is None:  # absent from data: reported there
            raise PydanticCustomError("consent_without_person", "consent without a name", {})
        return value


class Recognitions(Record):
    recognitions: list[Recognition] = Field(default_factory=list, **_described("荣誉称号", "recognitions"))


# --- providers, courses and venues ---------------------------------------------------------


class ProviderKind(str, Enum):
    city_university = "city-university"
    community_college = "community-college"
    adult_school = "adult-school"
    community_education_centre = "community-education-centre"
    community_school = "community-school"
    teaching_point = "teaching-point"
    vocational_school = "vocational-school"
    elderly_university = "elderly-university"
    elderly_school = "elderly-school"


# The four tiers of the community education network (policy 三(三)); other kinds stand outside it.
TIER = {
    ProviderKind.city_university: 1,
    ProviderKind.community_college: 2,
    ProviderKind.adult_school: 3,
    ProviderKind.community_education_centre: 3,
    ProviderKind.community_school: 4,
    ProviderKind.teaching_point: 4,
}


class EnrolmentMethod(str, Enum):
    online = "online"
    on_site = "on-site"
    phone = "phone"
    lottery = "lottery"


class Enrolment(Record):
    method: EnrolmentMethod = Field(**_described("报名方式", "how to enrol"))
    opens: Date | None = Field(None, **_described("报名开始日期", "first day of enrolment"))
    closes: Date | None = Field(None, **_described("报名截止日期", "last day of enrolment"))
    url: WebLink | None = Field(None, **_described("报名链接（http、https）", "enrolment link (http, https)"))
    note: Text | None = Field(None, **_described("报名说明", "about enrolling"))

    _ordered = field_validator("closes")(not_before("opens"))


class Term(Record):
    """A term (semester) of a provider; courses name the term they belong to."""

    id: Id = Field(**_described("学期编号", "term id"))
    name: Line = Field(**_described("学期名称，如 2026 年秋季", "name of the term, e.g. autumn 2026"))
    dates: DateRange = Field(**_described("学期起止日期", "first and last day of the term"))
    enrolment: Enrolment | None = Field(None, **_described("本学期的报名", "enrolment for the term"))


class AgeRule(Record):
    min_age: WholeOrNone = Field(None, ge=0, le=120, **_described("最低年龄", "minimum age"))
    max_age: WholeOrNone = Field(None, ge=0, le=120, **_described("最高年龄", "maximum age"))
    note: Text | None = Field(None, **_described("年龄说明", "about the age rule"))

    _ordered = field_validator("max_age")(not_before("min_age", code="less_than"))


class Category(str, Enum):
    digital_skills = "digital-skills"
    health = "health"
    arts = "arts"
    calligraphy_painting = "calligraphy-painting"
    music_dance = "music-dance"
    language = "language"
    vocational_skills = "vocational-skills"
    family_education = "family-education"
    culture_history = "culture-history"
    cooking = "cooking"
    sports = "sports"
    civic = "civic"
    agriculture = "agriculture"
    finance = "finance"


class Audience(str, Enum):
    everyone = "everyone"
    older_people = "older-people"
    workers = "workers"
    new_residents = "new-residents"
    rural_residents = "rural-residents"
    families = "families"
    young_people = "young-people"
    people_with_disabilities = "people-with-disabilities"


class Mode(str, Enum):
    in_person = "in-person"
    online = "online"
    blended = "blended"


class Schedule(Record):
    days: Annotated[list[Weekday], *Distinct] = Field(min_length=1, **_described("上课日", "weekdays"))
    start: Clock = Field(**_described('开始时间，加引号，如 "19:00"', 'start time, quoted, e.g. "19:00"'))
    end: Clock = Field(**_described('结束时间，如 "20:30"', 'end time, e.g. "20:30"'))
    dates: DateRange | None = Field(None, **_described("课程起止日期", "first and last day of classes"))
    # Upper bounds catch typing slips (an extra zero, a year typed into a count), not real limits:
    # a course meeting every day for two years has about 730 sessions.
    sessions: WholeOrNone = Field(None, ge=1, le=1000, **_described("课次", "number of sessions"))
    except_dates: Annotated[list[Date], *Distinct] = Field(
        default_factory=list, **_described("不上课的日期（节假日），如 2026-10-01", "days it does not meet (holidays), e.g. 2026-10-01")
    )

    _ordered = field_validator("end")(not_before("start", strictly=True))


class Fee(Record):
    # The dearest vocational programme here costs a few thousand yuan a term; 100,000 is a slip.
    amount: Number = Field(ge=0, le=100_000, **_described("费用（元），免费填 0", "fee in yuan, 0 for free"))
    note: Text | None = Field(None, **_described("费用说明，如教材费", "about the fee, e.g. materials"))


class CourseStatus(str, Enum):
    """What the provider says of the places; dates alone decide the rest."""

    open = "open"
    full = "full"
    waitlist = "waitlist"
    cancelled = "cancelled"


class Course(Record):
    id: Id = Field(**_described("课程编号", "course id"))
    title: Line = Field(**_described("课程名称", "course title"))
    description: Text | None = Field(None, **_described("课程简介", "about the course"))
    category: Category = Field(**_described("课程类别", "course category"))
    audience: Annotated[list[Audience], *Distinct] = Field(min_length=1, **_described("面向对象，可多选", "who it is for (one or more)"))
    mode: Mode = Field(**_described("上课形式", "mode of study"))
    term: Id | None = Field(None, **_described("所属学期编号", "id of the provider's term"))
    schedule: Schedule = Field(**_described("上课时间", "when it meets"))
    # Bounds against typing slips: a full-time year of vocational training is about 1,000 hours,
    # and 10,000 places is beyond any hall here and any online class a provider runs.
    hours: Number = Field(gt=0, le=2000, **_described("总课时", "total class hours"))
    fee: Fee = Field(**_described("费用", "fee"))
    capacity: Whole = Field(ge=1, le=10_000, **_described("名额", "number of places"))
    place: Line | None = Field(None, **_described("上课地点", "where it meets"))
    venue: Id | None = Field(None, **_described("场馆编号", "id of an open venue"))
    enrolment: Enrolment = Field(**_described("本课程的报名", "enrolment for the course"))
    status: CourseStatus = Field(
        CourseStatus.open,
        **_described("名额情况：open 可报名、full 已满、waitlist 候补、cancelled 取消", "places: open, full, waitlist, cancelled"),
    )


class Project(Record):
    """A featured training project (特色培训项目) of an adult school."""

    id: Id = Field(**_described("项目编号", "project id"))
    name: Line = Field(**_described("项目名称", "name of the project"))
    year: Whole = Field(ge=2000, le=2100, **_described("开始年份", "year started"))
    description: Text | None = Field(None, **_described("项目简介", "about the project"))


class Provider(Record):
    """A school or other institution that offers courses; one file each."""

    id: Id = Field(**_described("机构编号，与文件名相同", "provider id, the same as the file name"))
    sample: YesNo = Field(False, **_described("示例数据", "sample data"))
    kind: ProviderKind = Field(**_described("机构类型", "kind of provider"))
    name: Line = Field(**_described("机构名称", "name of the provider"))
    plaques: list[Line] = Field(default_factory=list, **_described("加挂牌子", "additional plaques carried"))
    description: Text | None = Field(None, **_described("机构简介", "about the provider"))
    parent: Id | None = Field(None, **_described("上级机构编号（四级网络）", "parent in the four-tier network"))
    region: Id = Field(**_described("所在地区编号：县（市、区）或镇（街道）", "region id: a county or a town"))
    address: Line = Field(**_described("地址", "address"))
    contact: Contact = Field(default_factory=Contact, **_described("公开联系方式", "public contact"))
    maintainers: list[Handle] = Field(
        default_factory=list,
        **_described(
            "维护人账号（代码托管平台 GitHub、GitLab 等上的用户名，不带 @）", "users on the forge (GitHub, GitLab…) who maintain it (no @)"
        ),
    )
    age_rule: AgeRule | None = Field(None, **_described("报名年龄要求", "age rule for enrolment"))
    projects: list[Project] = Field(default_factory=list, **_described("特色培训项目", "featured training projects"))
    terms: list[Term] = Field(default_factory=list, **_described("学期", "terms"))
    courses: list[Course] = Field(default_factory=list, **_described("课程列表", "courses"))
    last_verified: Date | None = Field(None, **_described("最近核实日期", "date the record was last checked"))

    @property
    def tier(self) -> int | None:
        return TIER.get(self.kind)

    def term_of(self, course: Course) -> Term | None:
        """The term a course names (its dates and enrolment window when it gives none itself)."""
        return next((term for term in self.terms if term.id == course.term), None)


class VenueKind(str, Enum):
    library = "library"
    library_branch = "library-branch"
    cultural_centre = "cultural-centre"
    museum = "museum"
    science_museum = "science-museum"
    memorial = "memorial"
    art_gallery = "art-gallery"


class OpeningHours(Record):
    days: Annotated[list[Weekday], *Distinct] = Field(min_length=1, **_described("星期几（mon…sun）", "weekdays (mon…sun)"))
    opens: Clock = Field(**_described('开门时间，如 "09:00"', 'opening time, e.g. "09:00"'))
    closes: Clock = Field(**_described('闭馆时间，如 "17:00"', 'closing time, e.g. "17:00"'))

    _ordered = field_validator("closes")(not_before("opens", strictly=True))


class Closure(Record):
    """Days a venue is shut beyond its weekly hours: a holiday, works, an exhibition change."""

    dates: DateRange = Field(**_described("闭馆起止日期", "first and last day closed"))
    reason: Line = Field(**_described("闭馆原因", "why it is closed"))


class Admission(Record):
    free: YesNo = Field(**_described("是否免费", "free of charge"))
    note: Text | None = Field(None, **_described("入场说明", "about admission"))


class Booking(Record):
    required: YesNo = Field(**_described("是否须预约", "booking required"))
    url: WebLink | None = Field(None, **_described("预约链接（http、https）", "booking link (http, https)"))
    note: Text | None = Field(None, **_described("预约说明", "about booking"))


class Accessibility(Record):
    step_free: YesNo = Field(False, **_described("无障碍通道", "step-free access"))
    lift: YesNo = Field(False, **_described("电梯", "lift"))
    accessible_toilet: YesNo = Field(False, **_described("无障碍卫生间", "accessible toilet"))
    hearing_loop: YesNo = Field(False, **_described("助听环路", "hearing loop"))
    braille: YesNo = Field(False, **_described("盲文标识", "braille signage"))
    wheelchair_loan: YesNo = Field(False, **_described("轮椅借用", "wheelchair loan"))
    note: Text | None = Field(None, **_described("无障碍说明", "about accessibility"))


class ServiceKind(str, Enum):
    lectures = "lectures"
    reading = "reading"
    exhibitions = "exhibitions"
    workshops = "workshops"
    digital_learning = "digital-learning"
    guided_tours = "guided-tours"


class Service(Record):
    kind: ServiceKind = Field(**_described("服务类型", "kind of service"))
    description: Text = Field(**_described("服务简介", "about the service"))


class Venue(Record):
    """An open public venue (library, cultural centre, museum…); one file each."""

    id: Id = Field(**_described("场馆编号，与文件名相同", "venue id, the same as the file name"))
    sample: YesNo = Field(False, **_described("示例数据（true 时网站会标明）", "sample data (the site says so when true)"))
    kind: VenueKind = Field(**_described("场馆类型", "kind of venue"))
    name: Line = Field(**_described("场馆名称", "name of the venue"))
    description: Text | None = Field(None, **_described("场馆简介", "about the venue"))
    region: Id = Field(**_described("所在地区编号", "region id"))
    address: Line = Field(**_described("地址", "address"))
    contact: Contact = Field(default_factory=Contact, **_described("公开联系方式", "public contact"))
    maintainers: list[Handle] = Field(
        default_factory=list,
        **_described(
            "维护人账号（代码托管平台 GitHub、GitLab 等上的用户名，不带 @）", "users on the forge (GitHub, GitLab…) who maintain it (no @)"
        ),
    )
    opening_hours: list[OpeningHours] = Field(min_length=1, **_described("开放时间", "opening hours"))
    closed: Text | None = Field(None, **_described("闭馆日说明", "closing days"))
    closures: list[Closure] = Field(default_factory=list, **_described("临时闭馆（日期与原因）", "dated closures, with the reason"))
    admission: Admission = Field(**_described("入场是否免费", "admission"))
    booking: Booking = Field(**_described("是否需要预约", "booking"))
    accessibility: Accessibility = Field(default_factory=Accessibility, **_described("无障碍设施", "accessibility features"))
    services: list[Service] = Field(default_factory=list, **_described("学习服务", "learning services"))
    last_verified: Date | None = Field(None, **_described("最近核实日期", "date the record was last checked"))


# --- learning teams and online resources (issue 22: policy 三(三) 居民自主学习团队, 三(六) 数字化资源库) ---


class Meeting(Record):
    """When and where a learning team meets, week by week."""

    days: Annotated[list[Weekday], *Distinct] = Field(min_length=1, **_described("活动日", "weekdays it meets"))
    start: Clock = Field(**_described('开始时间，加引号，如 "19:00"', 'start time, quoted, e.g. "19:00"'))
    end: Clock = Field(**_described('结束时间，如 "20:30"', 'end time, e.g. "20:30"'))
    place: Line = Field(**_described("活动地点，如 社区活动室", "where it meets, e.g. the community room"))
    venue: Id | None = Field(None, **_described("场馆编号（在场馆活动时）", "id of the venue it meets in, if any"))
    note: Text | None = Field(None, **_described("时间说明，如 每月第一周", "about the times, e.g. first week of the month"))

    _ordered = field_validator("end")(not_before("start", strictly=True))


class TeamContact(Record):
    """How to reach a team. Everything here is published on the site as written: only what the
    team has agreed to make public, never a member's private number or address."""

    name: Line | None = Field(
        None, **_described("联系人称呼，如 王老师（会在网站上公开）", "who to ask, e.g. Ms Wang (published on the site)")
    )
    phone: Phone | None = Field(
        None,
        **_described(
            "公开电话（会在网站上公开，只填同意公开的号码）", "public phone (published on the site: only a number agreed for publication)"
        ),
    )
    email: EmailLink | None = Field(
        None, **_described("公开邮箱（mailto:，会在网站上公开）", "public e-mail (mailto:, published on the site)")
    )
    website: WebLink | None = Field(None, **_described("网址（会在网站上公开）", "website (published on the site)"))


class Team(Record):
    """A residents' self-organised learning team (居民自主学习团队); one file each."""

    id: Id = Field(**_described("团队编号，与文件名相同", "team id, the same as the file name"))
    sample: YesNo = Field(False, **_described("示例数据（true 时网站会标明）", "sample data (the site says so when true)"))
    name: Line = Field(**_described("团队名称", "name of the team"))
    description: Text | None = Field(None, **_described("团队简介", "about the team"))
    category: Category = Field(**_described("学习领域", "what it learns (area)"))
    region: Id = Field(**_described("所在地区编号：县（市、区）或镇（街道）", "region id: a county or a town"))
    provider: Id | None = Field(
        None, **_described("指导机构编号（如社区学校）", "id of the provider that supports it (a community school…)")
    )
    meetings: list[Meeting] = Field(min_length=1, **_described("活动时间和地点", "when and where it meets"))
    contact: TeamContact = Field(
        default_factory=TeamContact, **_described("公开联系方式（会在网站上公开）", "public contact (published on the site)")
    )
    join: Text = Field(**_described("如何加入", "how to join"))
    maintainers: list[Handle] = Field(
        default_factory=list,
        **_described(
            "维护人账号（代码托管平台 GitHub、GitLab 等上的用户名，不带 @）", "users on the forge (GitHub, GitLab…) who maintain it (no @)"
        ),
    )
    last_verified: Date | None = Field(None, **_described("最近核实日期", "date the record was last checked"))


class ResourceKind(str, Enum):
    course = "course"
    video = "video"


class ResourceLanguage(str, Enum):
    zh = "zh"
    en = "en"


class Resource(Record):
    """An online course or video of the digital learning library (数字化资源库); one file each.
    Its subject is a course category, so it is linked with in-person courses on the same subject."""

    id: Id = Field(**_described("资源编号，与文件名相同", "resource id, the same as the file name"))
    sample: YesNo = Field(False, **_described("示例数据（true 时网站会标明）", "sample data (the site says so when true)"))
    kind: ResourceKind = Field(**_described("资源类型：在线课程或视频", "kind: online course or video"))
    name: Line = Field(**_described("资源名称", "title of the resource"))
    description: Text | None = Field(None, **_described("资源简介", "about the resource"))
    publisher: Line = Field(**_described("提供方（平台或机构）", "provider (platform or institution)"))
    subject: Category = Field(**_described("学科（与课程类别相同）", "subject (the same as course categories)"))
    languages: Annotated[list[ResourceLanguage], *Distinct] = Field(
        min_length=1, **_described("授课语言，可多选", "languages (one or more)")
    )
    free: YesNo = Field(**_described("是否免费", "free of charge"))
    fee_note: Text | None = Field(None, **_described("收费说明", "about the fee"))
    url: WebLink = Field(**_described("资源网址（http、https）", "address of the resource (http, https)"))
    maintainers: list[Handle] = Field(
        default_factory=list,
        **_described(
            "维护人账号（代码托管平台 GitHub、GitLab 等上的用户名，不带 @）", "users on the forge (GitHub, GitLab…) who maintain it (no @)"
        ),
    )
    last_verified: Date | None = Field(None, **_described("最近核实日期", "date the record was last checked"))


# --- events (issue 22): the learning week (policy 四(五)) and other activities --------------


class EventKind(str, Enum):
    learning_week = "learning-week"  # 全民终身学习活动周
    lecture = "lecture"
    workshop = "workshop"
    exhibition = "exhibition"
    performance = "performance"
    reading = "reading"
    open_day = "open-day"


class EventJoin(Record):
    """How a resident takes part: walk in, or book (by link or phone)."""

    booking: YesNo = Field(False, **_described("是否须预约报名", "booking required"))
    url: WebLink | None = Field(None, **_described("报名链接（http、https）", "booking link (http, https)"))
    phone: Phone | None = Field(None, **_described("报名电话（公开号码）", "booking phone (a public number)"))
    note: Text | None = Field(None, **_described("参加说明", "how to take part"))


class Event(Record):
    """A learning activity on given days: a learning-week event, a lecture, an open day; one file each."""

    id: Id = Field(**_described("活动编号，与文件名相同", "event id, the same as the file name"))
    sample: YesNo = Field(False, **_described("示例数据（true 时网站会标明）", "sample data (the site says so when true)"))
    kind: EventKind = Field(**_described("活动类型", "kind of event"))
    name: Line = Field(**_described("活动名称", "name of the event"))
    description: Text | None = Field(None, **_described("活动简介", "about the event"))
    date: Date = Field(**_described("活动日期（多日活动为第一天）", "date (the first day of a longer event)"))
    end_date: Date | None = Field(None, **_described("最后一天（多日活动）", "last day (a longer event)"))
    start: Clock = Field(**_described('每天开始时间，如 "09:00"', 'start time each day, e.g. "09:00"'))
    end: Clock = Field(**_described('每天结束时间，如 "11:30"', 'end time each day, e.g. "11:30"'))
    region: Id = Field(**_described("所在地区编号：县（市、区）或镇（街道）", "region id: a county or a town"))
    venue: Id | None = Field(None, **_described("举办场馆编号", "id of the venue it takes place in"))
    provider: Id | None = Field(None, **_described("主办机构编号", "id of the provider that runs it"))
    place: Line | None = Field(None, **_described("其他地点（不在场馆时写地址）", "other place (an address, when not at a venue)"))
    mode: Mode = Field(**_described("参加形式：现场、线上或线上线下结合", "in person, online or both"))
    online_url: WebLink | None = Field(
        None, **_described("线上参加链接（http、https；线上活动必填）", "link to join online (http, https; online events)")
    )
    audience: Annotated[list[Audience], *Distinct] = Field(min_length=1, **_described("面向对象，可多选", "who it is for (one or more)"))
    free: YesNo = Field(True, **_described("是否免费", "free of charge"))
    join: EventJoin = Field(default_factory=EventJoin, **_described("如何参加", "how to take part"))
    contact: Contact = Field(default_factory=Contact, **_described("公开联系方式", "public contact"))
    maintainers: list[Handle] = Field(
        default_factory=list,
        **_described(
            "维护人账号（代码托管平台 GitHub、GitLab 等上的用户名，不带 @）", "users on the forge (GitHub, GitLab…) who maintain it (no @)"
        ),
    )
    last_verified: Date | None = Field(None, **_described("最近核实日期", "date the record was last checked"))

    _ordered_days = field_validator("end_date")(not_before("date"))
    _ordered_times = field_validator("end")(not_before("start", strictly=True))

    @property
    def last_day(self) -> dt.date:
        return self.end_date or self.date
