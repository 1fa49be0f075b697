"""Hold the English to the glossary: each Chinese term keeps its one fixed rendering.

For every text that exists in both languages (the policy, the targets, the leading group,
the interface strings, the records' names), each glossary term in the Chinese must be
rendered in the English as often as it occurs, by its rendering or a declared variant;
a banned rendering (a known mistranslation) may appear in none of them, nor anywhere in
the records' English. Matching ignores case and takes whole words only, so "advance" is
not found in "advanced".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from learning_city.data.catalogue import Catalogue
from learning_city.data.model import GlossaryTerm, PolicySection, Text


@dataclass(frozen=True)
class Pair:
    """One text in both languages, and where it lives (for the message)."""

    where: str
    zh: str
    en: str


@cache
def _phrases(*phrases: str) -> re.Pattern:
    """Any of the phrases as whole words, longest first, ignoring case."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)


def occurrences(term: GlossaryTerm, zh: str) -> int:
    """How often the term stands in the Chinese, not counting longer words that merely contain it."""
    for word in term.not_in:
        zh = zh.replace(word, "\x00")
    return zh.count(term.zh)


def renderings(term: GlossaryTerm, en: str) -> int:
    return len(_phrases(term.en, *term.variants).findall(en))


def banned_in(term: GlossaryTerm, en: str) -> list[str]:
    return _phrases(*term.banned).findall(en) if term.banned else []


def check(glossary: list[GlossaryTerm], pairs: Iterable[Pair]) -> list[str]:
    """Every way the English departs from the glossary, one line each."""
    problems = []
    for pair in pairs:
        for term in glossary:
            for found in banned_in(term, pair.en):
                problems.append(f"{pair.where}: “{found}” is a banned rendering of {term.zh} (use “{term.en}”)")
            wanted = 0 if term.imperative else occurrences(term, pair.zh)
            if wanted and renderings(term, pair.en) < wanted:
                have = renderings(term, pair.en)
                problems.append(f"{pair.where}: {term.zh} occurs {wanted}× in the Chinese, “{term.en}” {have}× in the English")
    return problems


def check_banned(glossary: list[GlossaryTerm], texts: Iterable[tuple[str, str]]) -> list[str]:
    """Banned renderings in free English text (a record's description, a course's place).

    The verbs of obligation are left out: "must" in a course description translates no 要.
    """
    return [
        f"{where}: “{found}” is a banned rendering of {term.zh} (use “{term.en}”)"
        for where, en in texts
        for term in glossary
        if not term.imperative
        for found in banned_in(term, en)
    ]


def record_texts(catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    """Every English text of every provider and venue, with where it is."""
    for folder, records in (("providers", catalogue.providers), ("venues", catalogue.venues)):
        for record in records.values():
            yield from _english(f"{folder}/{record.id}.yml", record)


def _english(where: str, value) -> Iterator[tuple[str, str]]:
    if isinstance(value, Text):
        if value.en:
            yield where, value.en
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _english(f"{where} {name}", getattr(value, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _english(f"{where}[{index}]", item)


def pairs(catalogue: Catalogue, ui: dict[str, dict[str, str]]) -> Iterator[Pair]:
    """Every text of the policy, targets, leading group, interface and records' names in both languages."""

    def both(where: str, text: Text | None) -> Iterator[Pair]:
        if text is not None and text.en:
            yield Pair(where, text.zh, text.en)

    policy = catalogue.policy
    for where, text in (("policy.title", policy.title), ("policy.number", policy.number), ("policy.addressees", policy.addressees)):
        yield from both(where, text)
    for index, issuer in enumerate(policy.issuers):
        yield from both(f"policy.issuers[{index}]", issuer)
    for index, paragraph in enumerate(policy.preamble):
        yield from both(f"policy.preamble[{index}]", paragraph)
    yield from _sections(policy.sections, both)
    for target in catalogue.targets:
        yield from both(f"targets.yml {target.id}.title", target.title)
        yield from both(f"targets.yml {target.id}.note", target.note)
    group = catalogue.leading_group
    yield from both("leading-group.yml name", group.name)
    for member in group.members:
        yield from both(f"leading-group.yml {member.id}", member.name)
    for statistic in catalogue.statistics:  # issue 22: the reported figures' sources are read on the targets page
        yield from both(f"statistics.yml {statistic.target} {statistic.year}", statistic.source)
    for key, texts in ui.items():
        yield Pair(f"ui.yml {key}", texts["zh"], texts["en"])
    for folder, records in (("providers", catalogue.providers), ("venues", catalogue.venues)):
        for record in records.values():
            yield from both(f"{folder}/{record.id}.yml name", record.name)
            for index, plaque in enumerate(getattr(record, "plaques", [])):
                yield from both(f"{folder}/{record.id}.yml plaques[{index}]", plaque)


def _sections(sections: list[PolicySection], both) -> Iterator[Pair]:
    for section in sections:
        yield from both(f"policy {section.id} heading", section.heading)
        for index, paragraph in enumerate(section.paragraphs):
            yield from both(f"policy {section.id} paragraph {index + 1}", paragraph)
        yield from _sections(section.sections, both)
