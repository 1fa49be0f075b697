"""Page content as HTML, from the catalogue, with every piece of catalogue text escaped.

Renderers take data and return a string of HTML that starts with a block element, so
Markdown passes it through untouched: catalogue text is never read as Markdown or as a
template. `base` is the relative path from the current page to the site root, so links
work in both languages and under any sub-path.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlencode

import segno

from learning_city.site import i18n
from learning_city.data.catalogue import Catalogue
from learning_city.site.i18n import t
from learning_city.data.model import Measure, PolicySection, Scope, Target, TargetKind, Text, Unit
from learning_city.data.tokens import Token, split
from learning_city.data.figures import Figure, figure


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def text(value: Text | None, lang: str) -> str:
    """Catalogue text in the reader's language; untranslated text is Chinese, tagged and marked."""
    if value is None:
        return ""
    if value.is_fallback(lang):
        return (
            f'<span lang="zh">{esc(value.zh)}</span>'
            f' <small class="lc-untranslated">({esc(t("untranslated", lang))})</small>'
        )
    return esc(value.get(lang))


def sample_badge(lang: str) -> str:
    return f'<span class="lc-badge lc-sample">{esc(t("sample.badge", lang))}</span>'


def sample_notice(lang: str) -> str:
    return f'<div class="admonition warning lc-sample-notice" data-pagefind-ignore><p>{esc(t("sample.notice", lang))}</p></div>'


SPEECH_LANG = {"zh": "zh-CN", "en": "en-GB"}


def read_aloud(lang: str) -> str:
    """The read-aloud buttons; docs/assets/elderly.js shows them where the browser can speak."""
    return (
        f'<p class="lc-read-aloud-bar" data-lang="{SPEECH_LANG[lang]}" data-pagefind-ignore hidden>'
        f'<button type="button" class="md-button lc-read-aloud">{esc(t("read.start", lang))}</button> '
        f'<button type="button" class="md-button lc-read-stop" hidden>{esc(t("read.stop", lang))}</button></p>'
    )


def qr_code(url: str, lang: str) -> str:
    """The page's address as a QR code, made at build time and shown only when printed."""
    # A fixed mask: choosing the best of eight would triple the cost of every page (4 ms vs 1.3 ms).
    svg = segno.make(url, error="m", micro=False, mask=0).svg_inline(scale=4, border=2, omitsize=False)
    label = esc(t("print.qr", lang))
    return (
        f'<figure class="lc-qr"><span role="img" aria-label="{label}: {esc(url)}">{svg}</span>'
        f"<figcaption>{label}<br>{esc(url)}</figcaption></figure>"
    )


def section_anchor(section_id: str) -> str:
    return "section-" + section_id.replace(".", "-")


def target_anchor(target_id: str) -> str:
    return f"target-{target_id}"


# --- search ---------------------------------------------------------------------------------

SEARCH_STRINGS = ("placeholder", "zero_results", "many_results", "one_result", "load_more", "clear_search", "searching")


def search_box(bundle: str, lang: str) -> str:
    """Where Pagefind's UI goes (docs/assets/search.js), with its words from our interface strings."""
    translations = json.dumps({key: t(f"search.{key}", lang) for key in SEARCH_STRINGS}, ensure_ascii=False)
    return (
        f'<div class="lc-search" id="lc-search" data-bundle="{esc(bundle)}" data-translations="{esc(translations)}"></div>'
        f'<noscript><p>{esc(t("search.noscript", lang))}</p></noscript>'
    )


# --- accessibility statement ---------------------------------------------------------------


def accessibility(lang: str, repository: str) -> str:
    parts = []
    for part in ("standard", "features", "testing", "gaps", "report"):
        parts.append(f'<h2 id="{part}">{esc(t(f"a11y.{part}_title", lang))}</h2><p>{esc(t(f"a11y.{part}", lang))}</p>')
    report = f"{repository}/issues/new?{urlencode({'title': t('a11y.report_link', lang), 'labels': 'accessibility'})}"
    parts.append(f'<p><a class="md-button" href="{esc(report)}" rel="noopener">{esc(t("a11y.report_link", lang))}</a></p>')
    return f'<div class="lc-accessibility">{"".join(parts)}</div>'


# --- home -------------------------------------------------------------------------------


def home(catalogue: Catalogue, lang: str, base: str) -> str:
    courses = sum(len(p.courses) for p in catalogue.providers.values())
    counts = t("home.counts", lang, providers=len(catalogue.providers), courses=courses, venues=len(catalogue.venues))
    cards = "".join(
        f'<li><p><a href="{esc(base + page)}/"><strong>{esc(t(f"home.{page}", lang))}</strong></a></p>'
        f'<p>{esc(t(f"home.{page}_help", lang))}</p></li>'
        for page in ("courses", "venues", "elderly", "policy", "targets")
    )
    return (
        f'<div class="lc-home"><p class="lc-lead">{esc(t("home.intro", lang))}</p>'
        f"<p>{esc(counts)}</p>"
        f'<div class="grid cards"><ul>{cards}</ul></div></div>'
    )


# --- policy ------------------------------------------------------------------------------


def policy(catalogue: Catalogue, lang: str, base: str) -> str:
    """The whole policy document, one anchor per section, numbers filled from the targets."""
    doc = catalogue.policy
    prose = _Prose(catalogue, lang, base)
    meta = (
        f'<dl class="lc-meta"><dt>{esc(t("policy.number", lang))}</dt><dd>{text(doc.number, lang)}</dd>'
        f'<dt>{esc(t("policy.issued", lang))}</dt><dd>{esc(i18n.date(doc.issued, lang))}</dd></dl>'
    )
    note = f'<p class="lc-note">{esc(t("policy.translation_note", lang))}</p>' if lang != "zh" else ""
    toc = f'<nav class="lc-toc" aria-label="{esc(t("policy.contents", lang))}"><ul>{_toc(doc.sections, lang)}</ul></nav>'
    body = [f'<p class="lc-addressees">{prose(doc.addressees)}</p>']
    body += [f"<p>{prose(paragraph)}</p>" for paragraph in doc.preamble]
    body += [_section(section, prose, level=2) for section in doc.sections]
    signature = "".join(f"<p>{text(issuer, lang)}</p>" for issuer in doc.issuers)
    body.append(f'<div class="lc-signature">{signature}<p>{esc(i18n.date(doc.issued, lang))}</p></div>')
    return f'<div class="lc-policy">{read_aloud(lang)}{meta}{note}{toc}<div class="lc-policy-text">{"".join(body)}</div></div>'


def _toc(sections: list[PolicySection], lang: str) -> str:
    items = []
    for section in sections:
        sub = f"<ul>{_toc(section.sections, lang)}</ul>" if section.sections else ""
        items.append(f'<li><a href="#{section_anchor(section.id)}">{text(section.heading, lang)}</a>{sub}</li>')
    return "".join(items)


def _section(section: PolicySection, prose: _Prose, level: int) -> str:
    anchor = section_anchor(section.id)
    parts = [f'<h{level} id="{anchor}">{prose(section.heading)}</h{level}>']
    parts += [f"<p>{prose(paragraph)}</p>" for paragraph in section.paragraphs]
    parts += [_section(child, prose, level + 1) for child in section.sections]
    return f'<section>{"".join(parts)}</section>'


class _Prose:
    """Renders policy prose: escaped text with tokens replaced by linked target values."""

    def __init__(self, catalogue: Catalogue, lang: str, base: str):
        self.catalogue, self.lang, self.base = catalogue, lang, base

    def __call__(self, value: Text) -> str:
        source = value.get(self.lang)
        html = "".join(esc(piece) if isinstance(piece, str) else self.token(piece) for piece in split(source))
        if value.is_fallback(self.lang):
            return f'<span lang="zh">{html}</span> <small class="lc-untranslated">({esc(t("untranslated", self.lang))})</small>'
        return html

    def token(self, token: Token) -> str:
        if token.kind == "members":
            return self.members()
        target = self.catalogue.target_index[token.target]
        if token.kind == "deadline":  # the loader refuses this token for a target without a deadline
            shown = str(target.deadline.year)
        elif token.style == "hanzi":
            shown = i18n.hanzi(target.value)
        elif token.style == "times":
            shown = i18n.times(target.value, self.lang)
        else:
            shown = i18n.value(target, self.lang)
        href = f"{self.base}targets/#{target_anchor(target.id)}"
        return (
            f'<a class="lc-target-ref" href="{esc(href)}" data-target="{esc(target.id)}" data-part="{token.kind}">'
            f"{esc(shown)}</a>"
        )

    def members(self) -> str:
        names = [text(member.name, self.lang) for member in self.catalogue.leading_group.members]
        if self.lang == "zh":
            return "、".join(names[:-1]) + "和" + names[-1]
        return ", ".join(names[:-1]) + " and " + names[-1]


# --- targets ----------------------------------------------------------------------------


def targets(catalogue: Catalogue, lang: str, base: str) -> str:
    """The targets table: value, deadline, actual figure and status, with the records behind it."""
    rows, details = [], []
    for target in catalogue.targets:
        fig = figure(catalogue, target)
        rows.append(_target_row(catalogue, target, fig, lang, base))
        details.append(_target_details(catalogue, target, fig, lang, base))
    head = "".join(
        f'<th scope="col">{esc(t(f"targets.col.{col}", lang))}</th>'
        for col in ("target", "value", "deadline", "actual", "status")
    )
    notice = sample_notice(lang) if _has_sample(catalogue) else ""
    return (
        f'<div class="lc-targets">{notice}<p>{esc(t("targets.intro", lang))}</p>'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="lc-targets-table">'
        f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>'
        f'{"".join(details)}</div>'
    )


def _has_sample(catalogue: Catalogue) -> bool:
    return any(r.sample for r in catalogue.recognitions) or any(s.sample for s in catalogue.statistics)


def _target_row(catalogue: Catalogue, target: Target, fig: Figure, lang: str, base: str) -> str:
    section = f'<a href="{esc(base)}policy/#{section_anchor(target.section)}">{esc(_section_label(catalogue, target.section, lang))}</a>'
    title = text(target.title, lang)
    if target.measure is Measure.computed:  # computed figures have their records listed below
        title = f'<a href="#{target_anchor(target.id)}-details">{title}</a>'
    title += f'<br><small>{section} · {esc(t("scope." + target.scope.value, lang))}</small>'
    if target.note:
        title += f'<br><small class="lc-target-note">{text(target.note, lang)}</small>'
    value = f'<span class="lc-target-value">{esc(i18n.target_value(target, lang))}</span>'
    status = _status(target, fig)
    return (
        f'<tr id="{target_anchor(target.id)}" data-status="{status}" data-kind="{target.kind.value}"><th scope="row">{title}</th><td>{value}</td>'
        f'<td class="lc-when">{esc(_when(target, lang))}</td><td>{_actual(target, fig, lang)}</td>'
        f'<td class="lc-status lc-status-{status}">{esc(t("targets.status." + status, lang))}</td></tr>'
    )


def _status(target: Target, fig: Figure) -> str:
    """A proxy figure is shown but never scored: it measures something coarser than the target."""
    if target.proxy:
        return "proxy"
    return "unknown" if fig.met is None else ("met" if fig.met else "not_met")


def _when(target: Target, lang: str) -> str:
    """By when the target holds: the deadline's year, every year, or standing, as the document says."""
    if target.kind is TargetKind.deadline:
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


def _actual(target: Target, fig: Figure, lang: str) -> str:
    if fig.value is None:
        note = t("targets.not_reported", lang) if target.measure is Measure.reported else t("targets.none", lang)
        return f'<span class="lc-actual">–</span><br><small>{esc(note)}</small>'
    if target.scope is Scope.per_school:
        shown = t("targets.per_school", lang, meeting=i18n.number(fig.value), total=fig.total)
    elif fig.total is not None:
        shown = t("targets.share", lang, value=i18n.quantity(target, fig.value, lang), total=fig.total)
    elif target.unit in (Unit.percent, Unit.times_a_year):
        shown = i18n.quantity(target, fig.value, lang)
    else:  # the unit stands in the target value column
        shown = i18n.number(fig.value)
    if fig.report:
        report = fig.report
        source = text(report.source, lang)
        if report.url:
            source = f'<a href="{esc(report.url)}" rel="nofollow noopener">{source}</a>'
        # the sentence is escaped first, then the (already escaped) source link goes into its place
        how = esc(t("targets.reported", lang, year=report.year, source="\x00")).replace("\x00", source)
        badge = " " + sample_badge(lang) if report.sample else ""
        return f'<span class="lc-actual">{esc(shown)}</span><br><small>{how}{badge}</small>'
    return f'<span class="lc-actual">{esc(shown)}</span><br><small>{esc(t("targets.computed", lang))}</small>'


def _target_details(catalogue: Catalogue, target: Target, fig: Figure, lang: str, base: str) -> str:
    """The records behind a computed figure: who falls short and by how much, or who counts."""
    if target.measure is not Measure.computed:
        return ""
    items = []
    if fig.short:
        for record in fig.short:
            by = ""
            if record.actual is not None:
                by = " — " + esc(t("targets.short_by", lang, actual=i18n.number(record.actual), missing=i18n.number(record.missing)))
            items.append(f"<li>{_record_link(record, lang, base)}{by}</li>")
        heading = t("targets.proxy_gaps" if target.proxy else "targets.short", lang)
    else:
        items = [f"<li>{_record_link(record, lang, base)}</li>" for record in fig.counted]
        heading = t("targets.counted", lang)
    listing = f"<ul>{''.join(items)}</ul>" if items else f"<p>{esc(t('targets.none', lang))}</p>"
    return (
        f'<details class="lc-target-details" id="{target_anchor(target.id)}-details">'
        f"<summary>{text(target.title, lang)} — {esc(heading)} ({len(items)})</summary>{listing}</details>"
    )


def _record_link(record, lang: str, base: str) -> str:
    """A provider links to its page; other records (regions, departments) are named."""
    if record.collection == "providers":
        return f'<a href="{esc(base)}providers/{esc(record.id)}/">{text(record.name, lang)}</a>'
    return text(record.name, lang)
