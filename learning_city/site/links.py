"""Which addresses from the catalogue a page links to: only those of the model's schemes.

The validator checks each link field (learning_city/data/model.py); the pages check again where
they write an href, so no address of another scheme — javascript:, data:, one hidden behind a
space or a control character — is ever a link, whatever reached the catalogue or the editor's
form. The editor's preview has the twin of `safe_link` (docs/admin/page.js), built from the same
schemes (docs/admin/model.js LINK_SCHEMES).
"""

from __future__ import annotations

import re

from learning_city.data.model import LINK_SCHEMES

# one of the schemes as written, in any case, with nothing (space, control character, entity) before the colon
SAFE_LINK = re.compile("^(?:" + "|".join(LINK_SCHEMES) + "):", re.IGNORECASE)


def safe_link(link: object) -> bool:
    """Whether a page may make this address a link (lc/macros.html `link`); else it shows as text."""
    return isinstance(link, str) and SAFE_LINK.match(link) is not None
