"""The sheets of a workbook, derived from the data model: never a hand-written column list.

A record kind (providers, venues, the bureau's figures) becomes one sheet per level of nesting:
the record's own fields on the first sheet, each list of nested records (a provider's courses,
terms, projects) on a sheet of its own with one row per item and a column naming the record it
belongs to. Nested single records (a course's schedule, fee, enrolment) become dotted columns
(`schedule.start`), lists of plain values (audience, weekdays) one cell with the values separated
by 、. Headers are the fields' Chinese labels; choices are labelled from ui.yml.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from enum import Enum

from pydantic import BaseModel

from learning_city import i18n
from learning_city.data import model as m
from learning_city.tools.editor import label
from learning_city.tools.schema import ENUM_LABELS

# How a cell holds a field's value.
TEXT, INTEGER, NUMBER, BOOL, DATE, CLOCK, CHOICE, CHOICES, TEXTS, DATES = (
    "text", "integer", "number", "bool", "date", "clock", "choice", "choices", "texts", "dates",
)  # fmt: skip
# Fields that hold the id of another record: the sheet offers the records' names in a list.
REFERENCE_FIELDS = {"region": "region", "parent": "provider", "venue": "venue", "target": "target", "term": "term"}
# The separator of several values in one cell, and the ones a person may type instead.
SEPARATOR = "、"
SEPARATORS = "、,，;；\n"


@dataclass
class Column:
    """One column: the field's path below the sheet's record, its header and how cells hold it."""

    path: tuple[str, ...]
    header: str  # Chinese, unique in the sheet
    english: str
    help: str  # the field's full bilingual description
    kind: str
    required: bool  # required whenever its record (or the optional part holding it) is given
    choices: dict[str, str] = field(default_factory=dict)  # value -> Chinese label
    reference: str | None = None  # "region", "provider", "venue", "target"; "term": one in the workbook

    @property
    def key(self) -> str:
        return ".".join(self.path)


@dataclass
class Sheet:
    """The rows of one model: the records themselves, or the items of a list of theirs."""

    name: str  # Chinese sheet name
    english: str
    model: type[BaseModel]
    field: tuple[str, ...]  # the list field within the parent record; () for the records
    columns: list[Column]
    owner: str | None = None  # header of the column naming the record a row belongs to


@dataclass
class Book:
    """A workbook layout for one kind of catalogue file."""

    kind: str  # "providers", "venues", "statistics"
    model: type[BaseModel]
    sheets: list[Sheet]
    folder: bool  # a file per record (providers/<id>.yml) or one file (statistics.yml)

    def sheet(self, name: str) -> Sheet | None:
        return next((sheet for sheet in self.sheets if sheet.name == name), None)


def _inner(annotation) -> object:
    """The type inside Optional[...] / X | None, without its checks (model.Date is a dt.date)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _plain(args[0]) if len(args) == 1 else annotation
    return _plain(annotation)


def _plain(annotation) -> object:
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation


def _is_model(annotation) -> typing.TypeGuard[type[BaseModel]]:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _list_item(annotation) -> object | None:
    return _plain(typing.get_args(annotation)[0]) if typing.get_origin(annotation) is list else None


def choices(annotation) -> dict[str, str]:
    """A choice's values with their Chinese labels from ui.yml (the value itself where none)."""
    if typing.get_origin(annotation) is typing.Literal:
        values = [str(v) for v in typing.get_args(annotation)]
        prefix = None
    else:
        values = [item.value for item in annotation]
        prefix = ENUM_LABELS.get(annotation.__name__)
    strings = i18n.strings()
    labels = {value: strings.get(f"{prefix}{value}", {}).get("zh", value) if prefix else value for value in values}
    if len(set(labels.values())) < len(labels):  # two values alike in Chinese: show the values
        labels = {value: value for value in values}
    return labels


def _is_choice(annotation) -> bool:
    return typing.get_origin(annotation) is typing.Literal or (isinstance(annotation, type) and issubclass(annotation, Enum))


def _kind(info, annotation) -> str:
    if _is_choice(annotation):
        return CHOICE
    if annotation is bool:
        return BOOL
    if annotation is int:
        return INTEGER
    if annotation is float:
        return NUMBER
    if annotation is dt.date:
        return DATE
    if any(getattr(meta, "func", None) is m._clock for meta in info.metadata):
        return CLOCK
    return TEXT


def _labels(info, name: str) -> tuple[str, str]:
    zh, _, en = label(name, {"description": info.description or ""}).partition(" / ")
    return zh, en


def _columns(cls: type[BaseModel], prefix: tuple, header: str, english: str, required: bool) -> tuple[list[Column], list]:
    """The columns of cls's fields, and the list-of-record fields left for sheets of their own."""
    columns: list[Column] = []
    lists: list = []
    for name, info in cls.model_fields.items():
        annotation = _inner(info.annotation)
        zh, en = _labels(info, name)
        if issubclass(cls, m.Text):  # a bilingual text (prose or a line): the Chinese under the field's own header
            zh, en = (header, english) if name == "zh" else (f"{header}（英文）", f"{english} (English)")
        elif header:
            zh, en = f"{header}·{zh}", f"{english}: {en}"
        path = prefix + (name,)
        needed = required and info.is_required()
        item = _list_item(annotation)
        if item is not None and _is_model(item):
            lists.append((path, info, item))
        elif _is_model(annotation):
            inner, more = _columns(annotation, path, zh, en, needed)
            columns += inner
            lists += more
        else:
            kind = _kind(info, annotation)
            if item is not None:
                kind = CHOICES if _is_choice(item) else DATES if item is dt.date else TEXTS
            column = Column(path, zh, en, info.description or "", kind, needed)
            if kind in (CHOICE, CHOICES):
                column.choices = choices(item if kind == CHOICES else annotation)
            column.reference = REFERENCE_FIELDS.get(name) if kind == TEXT else None
            columns.append(column)
    return columns, lists


def _sheets(cls: type[BaseModel], name: str, english: str, path: tuple, owner_of: Sheet | None) -> list[Sheet]:
    text = issubclass(cls, m.Text)  # a list of texts (a provider's plaques): the sheet's name heads its column
    columns, lists = _columns(cls, (), name if text else "", english if text else "", True)
    sheet = Sheet(name, english, cls, path, columns)
    if owner_of is not None:
        id_column = owner_of.columns[0]
        sheet.owner = f"所属{owner_of.name}·{id_column.header}"
    sheets = [sheet] if columns else []
    for list_path, info, item in lists:
        zh, en = _labels(info, list_path[-1])
        if any(_list_item(_inner(i.annotation)) and _is_model(_list_item(_inner(i.annotation))) for i in item.model_fields.values()):
            raise NotImplementedError(f"{item.__name__}: a list of records inside a list item needs a layout")
        sheets += _sheets(item, zh, en, list_path, sheet if columns else None)
    return sheets


def book(kind: str) -> Book:
    """The workbook layout of a record kind, from the model."""
    strings = i18n.strings()
    if kind in ("providers", "venues"):
        cls: type[BaseModel] = m.Provider if kind == "providers" else m.Venue
        nav = strings[f"nav.{kind}"]
        return Book(kind, cls, _sheets(cls, nav["zh"], nav["en"], (), None), folder=True)
    if kind == "statistics":
        return Book(kind, m.Statistics, _sheets(m.Statistics, "", "", (), None), folder=False)
    raise KeyError(kind)


KINDS = ("providers", "venues", "statistics")
