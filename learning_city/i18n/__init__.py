"""Interface strings and the formatting of numbers and dates in each language."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import cast

from learning_city.data.model import Comparator, Target, Unit
from learning_city.data.yamlfile import read

LANGUAGES = ("zh", "en")
# Where each language's site lives, relative to the Chinese root: /policy/ and /en/policy/.
ROOTS = {"zh": "", "en": "en/"}
UI_FILE = Path(__file__).with_name("ui.yml")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
HANZI_DIGITS = "零一二三四五六七八九"


@cache
def strings() -> dict[str, dict[str, str]]:
    doc = read(UI_FILE)
    if doc.problems:
        raise ValueError("\n".join(map(str, doc.problems)))
    found = cast(dict[str, dict[str, str]], doc.data)  # ui.yml: each key's text by language
    missing = [key for key, texts in found.items() if set(texts) != set(LANGUAGES)]
    if missing:
        raise ValueError(f"{UI_FILE}: strings without both languages: {missing}")
    return found


def t(key: str, lang: str, **args) -> str:
    """The interface string `key` in `lang`, with {placeholders} filled (not escaped)."""
    return strings()[key][lang].format(**args)


def keys() -> list[str]:
    return list(strings())


def number(value: float) -> str:
    return f"{value:g}"


def hanzi(value: float) -> str:
    """Small whole numbers as Chinese numerals (一, 十二, 九十九), as the policy writes them."""
    n = int(value)
    if n != value or not 0 <= n < 100:
        return number(value)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return HANZI_DIGITS[ones]
    return ("" if tens == 1 else HANZI_DIGITS[tens]) + "十" + (HANZI_DIGITS[ones] if ones else "")


def value(target: Target, lang: str) -> str:
    """The target's number as the policy prose writes it: 10, 60%, 1.5%-2.5%."""
    suffix = "%" if target.unit is Unit.percent else ""
    low = number(target.value) + suffix
    if target.comparator is Comparator.range and target.value_max is not None:
        dash = "-" if lang == "zh" else "–"
        return f"{low}{dash}{number(target.value_max)}{suffix}"
    return low


def counted(key: str, amount: float, lang: str, **args) -> str:
    """A string about a number of things, in the form for that number: `key.1` ("1 team"), `key.2`
    ("twice") where ui.yml has one, else `key.n` ("3 teams"); {count} is the number."""
    exact = f"{key}.{number(amount)}"
    return t(exact if exact in strings() else f"{key}.n", lang, count=number(amount), **args)


def times(amount: float, lang: str) -> str:
    """How many times, in words: "once", "twice", "3 times"; 一次, 两次, 3次."""
    return counted("frequency", amount, lang)


def quantity(target: Target, amount: float, lang: str) -> str:
    """A number with the target's unit: "10 门", "10 courses", "60%", "once a year"."""
    if target.unit is Unit.percent:
        return f"{number(amount)}%"
    if target.unit is Unit.times_a_year:
        return t("frequency.per_year", lang, times=times(amount, lang))
    unit = t(f"unit.{target.unit.value}", lang)
    return f"{number(amount)} {unit}".strip()


def target_value(target: Target, lang: str) -> str:
    """The target phrased for the table: "不少于 10 门", "at least 10 courses", "about 30%"."""
    if target.unit is Unit.times_a_year:  # a frequency: "once a year", 每年一次
        return t(f"comparator.{target.comparator.value}", lang, value=quantity(target, target.value, lang))
    shown = value(target, lang)
    if target.unit is Unit.percent and target.value == 100 and target.comparator is Comparator.at_least:
        return shown  # nothing is above 100%: "100%", never "at least 100%"
    if target.unit is not Unit.percent:
        unit = t(f"unit.{target.unit.value}", lang)
        shown = f"{shown} {unit}".strip()
    return t(f"comparator.{target.comparator.value}", lang, value=shown)


def date(day: dt.date, lang: str) -> str:
    return t("date.format", lang, year=day.year, month=day.month, day=day.day, month_name=MONTHS[day.month - 1])
