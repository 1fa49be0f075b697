"""The date the validator and the build treat as today.

One setting for every date a page shows or a check computes: `SOURCE_DATE_EPOCH` (seconds since
1970, the reproducible-builds convention, which MkDocs reads too) when it is set, so that two
builds of one commit with the same setting are byte-identical; otherwise the date in Jiaxing now.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from zoneinfo import ZoneInfo

JIAXING = ZoneInfo("Asia/Shanghai")


def today(environ: Mapping[str, str]) -> dt.date:
    """The date in Jiaxing at SOURCE_DATE_EPOCH, or now when it is not set."""
    return dt.datetime.fromtimestamp(epoch(environ), JIAXING).date()


def epoch(environ: Mapping[str, str]) -> int:
    """SOURCE_DATE_EPOCH as whole seconds, or the clock's."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return int(time.time())
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {value!r}")
    return int(value)
