"""The recognitions page (issue 22): every title in the catalogue, 百姓学习之星 and 学习型组织 first,
by kind, then year (latest first), then county; each kind linked both ways with the targets that
count it. A resident is named only with their consent (data/recognitions.published); otherwise
the page says "a resident" of their county.
"""

from __future__ import annotations

from learning_city.data.catalogue import Catalogue
from learning_city.data.figures import recognition_kind
from learning_city.data.model import Recognition, RecognitionKind, Text
from learning_city.data.recognitions import by_kind_and_year, county_of
from learning_city.i18n import t
from learning_city.site.slots import Pages
from learning_city.site.templates import Templates

# The policy's own programme (三(一), 三(三)) leads the page; the network's titles follow.
FIRST = (RecognitionKind.learning_star, RecognitionKind.learning_organisation)
ORDER = tuple(dict.fromkeys((*FIRST, *RecognitionKind)))


def kind_anchor(kind: RecognitionKind) -> str:
    return f"recognitions-{kind.value}"


def year_anchor(kind: RecognitionKind, year: int) -> str:
    return f"recognitions-{kind.value}-{year}"


def recognition_anchor(recognition_id: str) -> str:
    return f"recognition-{recognition_id}"


def recognitions_url(base: str, kind: RecognitionKind | None = None) -> str:
    return f"{base}recognitions/" + (f"#{kind_anchor(kind)}" if kind else "")


def recipient(catalogue: Catalogue, recognition: Recognition) -> Text | None:
    """Who holds a (published) title: the organisation, the resident (None: not named), the
    provider, or the town or county."""
    if recognition.organisation:
        return recognition.organisation
    if recognition.kind is RecognitionKind.learning_star:
        return recognition.person
    if recognition.provider in catalogue.providers:
        return catalogue.providers[recognition.provider].name
    region = catalogue.town_of(recognition.region or "") or catalogue.county_of(recognition.region or "")
    return region.name if region else None


def _entry(catalogue: Catalogue, recognition: Recognition) -> dict:
    county = county_of(catalogue, recognition)
    town = catalogue.town_of(recognition.region or "")
    who = recipient(catalogue, recognition)
    return {
        "record": recognition,
        "county": county,
        "town": town if town and town.name != who else None,
        "who": None if county and who == county.name else who,  # a county's own title: named once
        "resident": recognition.kind is RecognitionKind.learning_star and who is None,
        "provider": recognition.provider if recognition.provider in catalogue.providers else None,
    }


def page(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    from learning_city.site.pages import target_anchor  # pages links here: imported when used, not in a cycle

    found = by_kind_and_year(catalogue)
    kinds = [kind for kind in ORDER if kind in found]
    sections = [
        {
            "kind": kind,
            "years": [(year, [_entry(catalogue, r) for r in held]) for year, held in found[kind].items()],
            "count": sum(len(held) for held in found[kind].values()),
            "targets": [target for target in catalogue.targets if recognition_kind(target) is kind],
        }
        for kind in kinds
    ]
    return templates.render(
        "lc/recognitions.html",
        lang=lang,
        base=base,
        sections=sections,
        kind_anchor=kind_anchor,
        year_anchor=year_anchor,
        recognition_anchor=recognition_anchor,
        target_anchor=target_anchor,
        has_sample=any(r.sample for r in catalogue.recognitions),
    )


# A page made by the plugin, like the teams' pages (site/teams.py PAGE_META): its front matter.
PAGE_META = {"hide": ["toc"]}


def pages(catalogue: Catalogue, lang: str) -> Pages:
    """(source path, plain title, renderer taking base and templates) of the recognitions page."""
    return [
        ("recognitions/index.md", t("nav.recognitions", lang), lambda base, templates: page(catalogue, lang, base, templates=templates))
    ]
