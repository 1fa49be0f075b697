"""What a Chinese government website shows in its footer and head: sponsor, site code, filings.

The settings live once, in mkdocs.yml `extra.government`, all empty (nothing shown) by default.
The footer lines and the SiteName/SiteDomain/SiteIDCode meta tags are made here from them, in the
page's language, by templates/lc/government.html (the settings escaped as data).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from learning_city.site.templates import Templates

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


def line(key: str, value: str, lang: str, href: str | None = None, value_lang: str = "zh", *, templates: Templates) -> str:
    """One labelled footer item; a value in the other language is tagged with its language."""
    return str(templates.macro("lc/government.html", "line")(key, value, lang, href, value_lang))


def footer(settings: dict, lang: str, *, templates: Templates) -> list[str]:
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
        lines.append(line("sponsor", sponsor, lang, value_lang=sponsor_lang, templates=templates))
    if code:
        lines.append(line("site_code", code, lang, templates=templates))
    if icp:
        lines.append(line("icp", icp, lang, ICP_SITE, "zh", templates=templates))
    if police:
        number = "".join(re.findall(r"\d", police))
        lines.append(line("police", police, lang, POLICE_SITE.format(code=quote(number)), "zh", templates=templates))
    if contact:
        lines.append(line("contact", contact, lang, value_lang=contact_lang, templates=templates))
    return lines


def meta_tags(settings: dict, site_name: str, site_url: str, *, templates: Templates) -> list[str]:
    """The head's SiteName, SiteDomain and SiteIDCode tags, when the site has its code (网站标识码)."""
    code = text((settings or {}).get("site_code"), "zh")[0]
    if not code:
        return []
    domain = urlsplit(site_url or "").hostname or ""
    values = {"SiteName": site_name, "SiteDomain": domain, "SiteIDCode": code}
    meta = templates.macro("lc/government.html", "meta")
    return [str(meta(name, value)) for name, value in values.items()]
