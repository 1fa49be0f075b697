"""What a Chinese government website shows in its footer and head: sponsor, site code, filings.

The settings live once, in mkdocs.yml `extra.government`, all empty (nothing shown) by default.
The footer lines and the SiteName/SiteDomain/SiteIDCode meta tags are made here from them, as
escaped HTML, in the page's language.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote, urlsplit

from learning_city.site import i18n

ICP_SITE = "https://beian.miit.gov.cn/"  # the national ICP filing system (工信部)
POLICE_SITE = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"  # the public security filing system


def text(value, lang: str) -> tuple[str, str]:
    """A setting's text and its language: one string (Chinese), or {zh: ..., en: ...} where
    English falls back to Chinese."""
    if isinstance(value, dict):
        if str(value.get(lang) or "").strip():
            return str(value[lang]).strip(), lang
        value = value.get("zh")
    return str(value or "").strip(), "zh"


def line(key: str, value: str, lang: str, href: str | None = None, value_lang: str = "zh") -> str:
    """One labelled footer item; a value in the other language is tagged with its language."""
    shown = escape(value)
    if value_lang != lang:
        shown = f'<span lang="{value_lang}">{shown}</span>'
    if href:
        shown = f'<a href="{escape(href)}" rel="noopener">{shown}</a>'
    return f'<span class="lc-gov-{key}">{escape(i18n.t(f"gov.{key}", lang))}{shown}</span>'


def footer(settings: dict, lang: str) -> list[str]:
    """The footer's lines, each only when its setting is filled in; none by default."""
    settings = settings or {}
    lines = []
    sponsor, sponsor_lang = text(settings.get("sponsor"), lang)
    code = text(settings.get("site_code"), lang)[0]
    # the filing numbers are official Chinese text (浙ICP备…号), the same on English pages
    icp = text(settings.get("icp"), lang)[0]
    police = text(settings.get("police"), lang)[0]
    contact, contact_lang = text(settings.get("contact"), lang)
    if sponsor:
        lines.append(line("sponsor", sponsor, lang, value_lang=sponsor_lang))
    if code:
        lines.append(line("site_code", code, lang))
    if icp:
        lines.append(line("icp", icp, lang, ICP_SITE, "zh"))
    if police:
        number = "".join(re.findall(r"\d", police))
        lines.append(line("police", police, lang, POLICE_SITE.format(code=quote(number)), "zh"))
    if contact:
        lines.append(line("contact", contact, lang, value_lang=contact_lang))
    return lines


def meta_tags(settings: dict, site_name: str, site_url: str) -> list[str]:
    """The head's SiteName, SiteDomain and SiteIDCode tags, when the site has its code (网站标识码)."""
    code = text((settings or {}).get("site_code"), "zh")[0]
    if not code:
        return []
    domain = urlsplit(site_url or "").hostname or ""
    values = {"SiteName": site_name, "SiteDomain": domain, "SiteIDCode": code}
    return [f'<meta name="{name}" content="{escape(value)}">' for name, value in values.items()]
