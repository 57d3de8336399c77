"""Dates in English news text: month names and date phrases, on the standard ``calendar`` module
and ``dateparser`` (pinned in requirements.txt). One place for what the ingest and casualty
stages read ("Jan. 25, 2013", "3 January 2024", "last Tuesday", "June")."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import datetime
from typing import Optional

_NAMES = [m.lower() for m in calendar.month_name[1:]]  # english names (the C locale)
_ABBRS = [m.lower() for m in calendar.month_abbr[1:]]
# a month name or its abbreviation with an optional dot: "Jan", "Jan.", "January", "Sept", "Sept."
MONTH_PATTERN = "(?:" + "|".join(
    f"{a}(?:{n[len(a):]}|t)?" if a == "sep" else f"{a}(?:{n[len(a):]})?" if n != a else a
    for a, n in zip(_ABBRS, _NAMES)
) + ")"
MONTH_RE = re.compile(rf"\b{MONTH_PATTERN}\b\.?", re.I)


def month_number(name: str) -> Optional[int]:
    """1-12 for an English month name or abbreviation ("June", "Sept.", "oct"), else None."""
    key = name.lower().rstrip(".")
    if key in _NAMES:
        return _NAMES.index(key) + 1
    if len(key) >= 3 and any(n.startswith(key) for n in _NAMES):
        return next(i for i, n in enumerate(_NAMES, 1) if n.startswith(key))
    return None


def parse_date(text: str, base: Optional[datetime]) -> Optional[str]:
    """ISO date of a date phrase ("on Sunday", "Jan. 25", "last Tuesday", "3 March 2014") read by
    ``dateparser`` against ``base`` (the report's day; relative days resolve to the past of it).

    Returns:
        str | None: ``YYYY-MM-DD``; None when the phrase is no date, is a bare number, or lies
        after ``base``. A weekday that is ``base``'s own is ``base``; a month without a day is its first day
        ("August of 2008": 2008-08-01), whatever the day the text is read. Results are cached per
        (phrase, base): an article repeats its days.
    """
    text = re.sub(r"^(on|last|this|early|late|on the)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"['’]s$", "", text)
    if not text or re.fullmatch(r"\d+", text):
        return None
    return _parse_cached(text, base)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, base: Optional[datetime]) -> Optional[str]:
    import dateparser

    # a month without a day ("August of 2008", "in March") is its first day, not the day of the month of the
    # base or of today (dateparser's default: a record's date must not change with the day the article is read)
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": [],
                "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
        if base.strftime("%A").lower() == text.lower():
            return base.date().isoformat()
    try:
        d = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    if d is None or base is not None and d.date() > base.date():
        return None
    return d.date().isoformat()
