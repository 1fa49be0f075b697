"""Page content as HTML, from the catalogue, with every piece of catalogue text escaped.

The markup is in templates/lc/ (see templates.py): renderers gather the records and words a
page shows and hand them to its template as data. Renderers take data and return a string of HTML that starts with a block element, so
Markdown passes it through untouched: catalogue text is never read as Markdown or as a
template. `base` is the relative path from the current page to the site root, so links
work in both languages and under any sub-path.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from markupsafe import Markup

from learning_city import i18n
from learning_city.data.catalogue import Catalogue
from learning_city.data.figures import Evidence, Figure, figure, recognition_kind
from learning_city.data.model import Measure, Scope, Target, TargetKind, Text, Unit
from learning_city.data.tokens import Token, split
from learning_city.i18n import t
from learning_city.site.recognitions import recognition_anchor, recognitions_url
from learning_city.site.templates import Templates, html
from learning_city.site.text import area_url, provider_url

SPEECH_LANG = {"zh": "zh-CN", "en": "en-GB"}


def section_anchor(section_id: str) -> str:
    return "section-" + section_id.replace(".", "-")


def target_anchor(target_id: str) -> str:
    return f"target-{target_id}"


# --- search ---------------------------------------------------------------------------------

# Pagefind's ranking, for every search of the site (search.js; the tests' and the bench's own
# searches read it from the page): length counted at 0.3, not Pagefind's 0.75. The pages that
# explain a general word (the policy, the targets) are long, and at 0.75 short records that only
# name it (a learning-week event, an online resource) came first: `终身` and `lifelong learning`
# missed the policy page in the top 5. Measured on bench/relevance.yml, sample and city (README).
SEARCH_RANKING = {"pageLength": 0.3}

SEARCH_STRINGS = ("placeholder", "zero_results", "many_results", "one_result", "load_more", "clear_search", "searching")


def search_box(bundle: str, merged: list[str], lang: str, *, templates: Templates) -> str:
    """Where Pagefind's UI goes (docs/assets/search.js), with its words from our interface strings,
    the folders of the language's further bundles (search_records.merged_folders) to merge, and
    how results are ranked."""
    translations = json.dumps({key: t(f"search.{key}", lang) for key in SEARCH_STRINGS}, ensure_ascii=False)
    return templates.render(
        "lc/search_box.html",
        bundle=bundle,
        merged=json.dumps(merged),
        ranking=json.dumps(SEARCH_RANKING),
        translations=translations,
        lang=lang,
    )


# --- accessibility statement ---------------------------------------------------------------


def accessibility(lang: str, repository: str, *, templates: Templates) -> str:
    report = f"{repository}/issues/new?{urlencode({'title': t('a11y.report_link', lang), 'labels': 'accessibility'})}"
    return templates.render("lc/accessibility.html", report=report, lang=lang)


# --- home -------------------------------------------------------------------------------

HOME_PAGES = ("courses", "venues", "elderly", "policy", "targets", "data")


def home(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    return templates.render(
        "lc/home.html",
        lang=lang,
        base=base,
        pages=HOME_PAGES,
        providers=len(catalogue.providers),
        venues=len(catalogue.venues),
        courses=sum(len(p.courses) for p in catalogue.providers.values()),
    )


# --- policy ------------------------------------------------------------------------------


def policy(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    """The whole policy document, one anchor per section, numbers filled from the targets."""
    return templates.render(
        "lc/policy.html",
        doc=catalogue.policy,
        lang=lang,
        speech_lang=SPEECH_LANG[lang],
        fill=_Prose(catalogue, lang, base, templates),
        section_anchor=section_anchor,
    )


class _Prose:
    """Policy prose as HTML: the words escaped, each number token replaced by its linked target value."""

    def __init__(self, catalogue: Catalogue, lang: str, base: str, templates: Templates):
        self.catalogue, self.lang, self.base = catalogue, lang, base
        self.text = templates.text
        self.target_ref = templates.macro("lc/macros.html", "target_ref")

    def __call__(self, value: Text) -> Markup:
        return Markup("").join(html(piece) if isinstance(piece, str) else self.token(piece) for piece in split(value.get(self.lang)))

    def token(self, token: Token) -> Markup:
        if token.kind == "members" or token.target is None:  # {members} alone names no target
            return self.members()
        target = self.catalogue.target_index[token.target]
        if token.kind == "deadline" and target.deadline:  # the loader refuses this token for a target without a deadline
            shown = str(target.deadline.year)
        elif token.style == "hanzi":
            shown = i18n.hanzi(target.value)
        elif token.style == "times":
            shown = i18n.times(target.value, self.lang)
        else:
            shown = i18n.value(target, self.lang)
        return self.target_ref(f"{self.base}targets/#{target_anchor(target.id)}", target.id, token.kind, shown)

    def members(self) -> Markup:
        names = [self.text(member.name, self.lang) for member in self.catalogue.leading_group.members]
        if self.lang == "en":  # running text: "the Municipal Education Bureau"
            names = [
                Markup("the ") + name if member.article else name
                for member, name in zip(self.catalogue.leading_group.members, names, strict=True)
            ]
        if self.lang == "zh":
            return Markup("、").join(names[:-1]) + Markup("和") + names[-1]
        return Markup(", ").join(names[:-1]) + Markup(" and ") + names[-1]


# --- targets ----------------------------------------------------------------------------


def targets(catalogue: Catalogue, lang: str, base: str, *, templates: Templates) -> str:
    """The targets table: value, deadline, actual figure and status, with the records behind it."""
    rows = [_target_row(catalogue, target, figure(catalogue, target), lang) for target in catalogue.targets]
    return templates.render(
        "lc/targets.html",
        rows=rows,
        href=lambda record: record_href(catalogue, record, base),
        lang=lang,
        base=base,
        has_sample=_has_sample(catalogue),
        target_anchor=target_anchor,
        section_anchor=section_anchor,
    )


def _target_row(catalogue: Catalogue, target: Target, fig: Figure, lang: str) -> dict:
    """What the targets table shows of one target, as plain text; the records behind a computed figure."""
    computed = target.measure is Measure.computed  # computed figures have their records listed below
    row = {
        "target": target,
        "fig": fig,
        "computed": computed,
        "status": _status(target, fig),
        "when": _when(target, lang),
        "section": _section_label(catalogue, target.section, lang),
        "actual": _actual(target, fig, lang),
        "missing": t("targets.not_reported" if target.measure is Measure.reported else "targets.none", lang),
        "short": bool(fig.short),
        "records": fig.short or fig.counted,
        "recognitions": recognitions_url("", recognition_kind(target)) if recognition_kind(target) else None,  # issue 22
    }
    if computed:
        row["heading"] = t("targets.counted" if not fig.short else "targets.proxy_gaps" if target.proxy else "targets.short", lang)
    return row


def record_href(catalogue: Catalogue, record: Evidence, base: str) -> str | None:
    """Where a record behind a figure is shown: a provider's page; a county's area page, or its
    town's place on it; a title the catalogue holds no page for, on the recognitions page. None
    for a leading group member, which has no page."""
    if record.collection == "recognitions":
        recognition = next(r for r in catalogue.recognitions if r.id == record.id)
        if recognition.provider in catalogue.providers:
            return provider_url(base, recognition.provider)
        return _region_href(catalogue, recognition.region, base) or f"{recognitions_url(base)}#{recognition_anchor(recognition.id)}"
    if record.collection == "providers":
        return provider_url(base, record.id)
    if record.collection == "regions":
        return _region_href(catalogue, record.id, base)
    return None


def _region_href(catalogue: Catalogue, region_id: str | None, base: str) -> str | None:
    """A county's area page; a town's heading on it when it has one (a town with providers)."""
    county = catalogue.county_of(region_id or "")
    if county is None:
        return None
    if region_id != county.id and any(p.region == region_id for p in catalogue.providers.values()):
        return f"{area_url(base, county.id)}#town-{region_id}"
    return area_url(base, county.id)


def _has_sample(catalogue: Catalogue) -> bool:
    return any(r.sample for r in catalogue.recognitions) or any(s.sample for s in catalogue.statistics)


def _status(target: Target, fig: Figure) -> str:
    """A proxy figure is shown but never scored: it measures something coarser than the target."""
    if target.proxy:
        return "proxy"
    return "unknown" if fig.met is None else ("met" if fig.met else "not_met")


def _when(target: Target, lang: str) -> str:
    """By when the target holds: the deadline's year, every year, or standing, as the document says."""
    if target.kind is TargetKind.deadline and target.deadline:  # the loader requires it of this kind
        return str(target.deadline.year)
    return t(f"targets.kind.{target.kind.value}", lang)


def _section_label(catalogue: Catalogue, section_id: str, lang: str) -> str:
    """Short label of a policy section: 三(二) in Chinese, III.2 in English."""
    top, _, sub = section_id.partition(".")
    if lang == "zh":
        numerals = "零一二三四五六七八九"
        return numerals[int(top)] + (f"（{numerals[int(sub)]}）" if sub else "")
    roman = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return roman[int(top)] + (f".{sub}" if sub else "")


def _actual(target: Target, fig: Figure, lang: str) -> str | None:
    """The actual figure as the table words it, or None when there is none."""
    if fig.value is None:
        return None
    whole = i18n.counted(f"whole.{fig.of}", fig.total, lang) if fig.total is not None else None  # "23 adult schools"
    if target.scope is Scope.per_school:
        return t("targets.per_school", lang, meeting=i18n.number(fig.value), whole=whole)
    if whole is not None:
        return t("targets.share", lang, value=i18n.quantity(target, fig.value, lang), whole=whole)
    if target.unit in (Unit.percent, Unit.times_a_year):
        return i18n.quantity(target, fig.value, lang)
    return i18n.number(fig.value)  # the unit stands in the target value column
