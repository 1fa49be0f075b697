"""The page templates: Jinja with autoescaping, so catalogue text is data and never markup.

Only values a renderer marks safe (`markupsafe.Markup`: a QR code's SVG, policy prose whose
number tokens were filled) go into a page as HTML; everything else is escaped. Templates are
looked up in a list of folders, the theme's `custom_dir` first, so a site can replace any of
them from `overrides/lc/`. A template's lines are joined with their indentation dropped: the
markup is written readably and comes out on one line, as Markdown needs it (a block of HTML
with no blank line in it). Write a space that must stay inside a line, never at its ends.

The editor's preview renders the provider, venue and recognitions templates and the event, team and
resource fragments (lc/event.html, team.html, resource.html) with Nunjucks (docs/admin/page.js),
which reads Jinja's syntax with a few differences; tests/test_preview.py compares the two. In them:
no tuple literals (a list), no Python string methods (a filter or a helper of text.py), a macro's
output tested with `| length` (Nunjucks' safe strings are always true), a call block's body
sees the macro's arguments but not what the macro `set`, and a choice compared by its `.value`
(the preview gives a choice as an object, which `==` compares by identity).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from learning_city import i18n
from learning_city.data.model import Text
from learning_city.site import enrolment, links, text

# plain-text helpers the templates call (learning_city/site/text.py)
PLAIN_TEXT = (
    "course_anchor",
    "when_text",
    "dates_text",
    "fee_text",
    "audience_text",
    "days_text",
    "email_address",
    "provider_url",
    "venue_url",
    "area_url",
    "county_courses_url",
    "county_courses_page_url",
)
PACKAGE_FOLDER = Path(__file__).with_name("templates")


def html(value: object) -> Markup:
    """A value as HTML: kept if already safe, else escaped (quotes as &quot; and &#x27;, as the site always wrote them)."""
    if isinstance(value, Markup):
        return value
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(escape(str(value), quote=True))


def sentence(key: str, lang: str, **parts) -> Markup:
    """An interface string with HTML put into its {placeholders}: the words escaped, each part escaped unless safe."""
    return html(i18n.strings()[key][lang]).format(**{name: html(part) for name, part in parts.items()})


class _JoinedLines(FileSystemLoader):
    """Reads a template with each line stripped and the lines joined (see the module's note)."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return "".join(line.strip() for line in source.splitlines()), filename, uptodate


class Templates:
    """The templates of one site: the first folder holding a name wins."""

    def __init__(self, folders: Iterable[Path | str], today: dt.date):
        """`today`: the build's day, for the enrolment statuses the pages show."""
        self.folders = [Path(folder) for folder in folders]
        self.loader = _JoinedLines(self.folders)
        self.env = Environment(
            loader=self.loader,
            autoescape=True,
            undefined=StrictUndefined,
            finalize=html,  # every {{ value }}: escaped the one way (autoescape then keeps it)
            auto_reload=False,
        )
        self.env.globals.update(t=i18n.t, i18n=i18n, sentence=sentence, text=self.text)
        self.env.globals.update({name: getattr(text, name) for name in PLAIN_TEXT})
        self.env.globals.update(enrolment.template_globals(today))
        self.env.globals["safe_link"] = links.safe_link  # an address from the catalogue is a link only if it is safe

    def text(self, value: Text | None, lang: str, shown: Markup | None = None) -> Markup:
        """Catalogue text in the reader's language, escaped; `shown` is HTML made from it (policy prose).

        Untranslated text is the Chinese, tagged and marked, by lc/untranslated.html. A function,
        not a macro: pages call it for every name and title, and a macro call costs ten times more.
        """
        if value is None:
            return Markup("")
        if value.is_fallback(lang):
            return Markup(self.render("lc/untranslated.html", text=value.zh if shown is None else shown, lang=lang))
        return html(value.get(lang) if shown is None else shown)

    def render(self, name: str, **context) -> str:
        return self.env.get_template(name).render(**context)

    def sources(self) -> dict[str, str]:
        """The page templates (lc/) as this site reads them, overrides first and lines joined: the
        editor's preview renders the same files with Nunjucks (docs/admin/page.js)."""
        return {name: self.loader.get_source(self.env, name)[0] for name in self.env.list_templates() if name.startswith("lc/")}

    def macro(self, name: str, macro: str):
        """A macro of a template, to call from Python (it returns Markup)."""
        return getattr(self.env.get_template(name).module, macro)
