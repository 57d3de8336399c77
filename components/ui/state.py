"""URL state: one parse of the filter parameters into a typed :class:`QueryFilters`.

Every sidebar widget is kept in a URL query parameter (Streamlit's
``bind="query-params"`` for speaker, place, outlet, kind and text; mirrored
by :mod:`components.ui.sidebar` for collection, country, topic, article and
the dates, whose widgets show labels for ids), so the address bar always
holds the view, in ids and codes, and copying it reproduces the view on any
page. The parameter names (:data:`URL_KEYS`) are the widget keys:

=============  ==========  ===============================================
field          URL key     example
=============  ==========  ===============================================
collections    collection  ``?collection=seed&collection=isaf-afghanistan``
countries      country     ``?country=UA``
topics         topic       ``?topic=nato-membership``
speakers       speaker     ``?speaker=Kaja%20Kallas``
articles       article     ``?article=d227dde8fd7d9ec0``
outlets        outlet      ``?outlet=World%20Today%20News``
places         place       ``?place=Kherson`` (also set by selecting map points)
date_from/to   from / to   ``?from=2024-12-01&to=2024-12-31``
kinds          kind        ``?kind=direct&kind=mixed``
text           q           ``?q=ceasefire`` (in the quote's text)
article_text   aq          ``?aq=drone`` (in the text of the quote's article)
(view)         unnamed     ``?unnamed=true``: Overview and Stance also rank
                           unnamed sources (officials, reports); not a filter
=============  ==========  ===============================================

Policy for bad values (one per parameter, applied by :func:`parse_filters`):

- List parameters: values not known to the store (not in ``allowed``) are
  **dropped** and reported in the returned notices; duplicates are removed;
  values longer than :data:`MAX_VALUE_CHARS` are dropped; at most
  :data:`MAX_VALUES` values are kept (the first ones). Countries are
  upper-cased first. An empty list means "no filter".
- ``collection`` absent: the default collections (``default: true`` in
  ``data/collections.yaml``); present but empty (``?collection=``): all collections.
- ``from``/``to``: ISO ``YYYY-MM-DD``, else dropped; any valid date is kept,
  also outside the data's range (an empty view); when ``from`` is after
  ``to`` the two are **swapped**.
- ``q``, ``aq``: whitespace stripped, **clamped** to :data:`MAX_TEXT_CHARS` characters.
- ``unnamed``: ``true``/``1`` or ``false``/``0`` (absent: false); any other value is
  dropped with a notice (:func:`parse_flag`).
- Unknown parameters are ignored.

Streamlit silently drops values a bound widget does not offer, so the sidebar
parses the address with this policy on a session's first run, before any
widget exists, and shows every notice to the user.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

from ..store.filters import QUOTE_KINDS, QueryFilters

URL_KEYS: dict[str, str] = {
    "collections": "collection",
    "countries": "country",
    "topics": "topic",
    "speakers": "speaker",
    "articles": "article",
    "outlets": "outlet",
    "places": "place",
    "date_from": "from",
    "date_to": "to",
    "kinds": "kind",
    "text": "q",
    "article_text": "aq",
}
LIST_FIELDS = ("collections", "countries", "topics", "speakers", "articles", "outlets", "places", "kinds")
MAX_VALUES = 20
MAX_VALUE_CHARS = 300
MAX_TEXT_CHARS = 200


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def parse_filters(
    raw: Mapping[str, Any],
    allowed: Mapping[str, Iterable[str] | None],
    default_collections: Iterable[str] = (),
) -> tuple[QueryFilters, list[str]]:
    """Validate raw URL/widget values into :class:`QueryFilters` (see the module policy).

    Args:
        raw (Mapping[str, Any]): URL key (:data:`URL_KEYS` values) -> str, list of
            str, or ``datetime.date`` (widget values). Missing keys mean "absent".
        allowed (Mapping[str, Iterable[str] | None]): field name -> the values
            the store knows; None accepts any value (after the length checks).
            ``kinds`` is always checked against :data:`QUOTE_KINDS`.
        default_collections (Iterable[str]): used when ``collection`` is absent, unless the address
            names articles (``?article=ID``: all collections, so a permalink opens an uploaded article).

    Returns:
        tuple[QueryFilters, list[str]]: the filters and human-readable notices
        about every value that was dropped, clamped or swapped.
    """
    notices: list[str] = []
    values: dict[str, Any] = {}
    for field in LIST_FIELDS:
        key = URL_KEYS[field]
        items = _as_list(raw.get(key))
        if field == "countries":
            items = [i.strip().upper() for i in items]
        known = set(QUOTE_KINDS) if field == "kinds" else allowed.get(field)
        known = set(known) if known is not None else None
        kept: list[str] = []
        for item in items:
            if not item or item in kept:
                continue
            if len(item) > MAX_VALUE_CHARS or (known is not None and item not in known):
                notices.append(f"ignored unknown {key} {item[:60]!r}")
                continue
            kept.append(item)
        if len(kept) > MAX_VALUES:
            notices.append(f"kept the first {MAX_VALUES} of {len(kept)} {key} values")
            kept = kept[:MAX_VALUES]
        values[field] = tuple(kept)
    values["collections"] = _collections_in_force(raw, values, tuple(default_collections), notices)
    for field in ("date_from", "date_to"):
        key = URL_KEYS[field]
        d = _as_date(raw.get(key))
        if raw.get(key) not in (None, "") and d is None:
            notices.append(f"ignored {key}={str(raw.get(key))[:30]!r}: not a YYYY-MM-DD date")
        values[field] = d
    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        notices.append("swapped from/to: the start date was after the end date")
        values["date_from"], values["date_to"] = values["date_to"], values["date_from"]
    for field in ("text", "article_text"):
        text = str(raw.get(URL_KEYS[field]) or "").strip()
        if len(text) > MAX_TEXT_CHARS:
            notices.append(f"search text ({URL_KEYS[field]}) clamped to {MAX_TEXT_CHARS} characters")
            text = text[:MAX_TEXT_CHARS]
        values[field] = text
    return QueryFilters(**values), notices


def _collections_in_force(raw: Mapping[str, Any], values: dict[str, Any], defaults: tuple[str, ...],
                          notices: list[str]) -> tuple[str, ...]:
    """The collection filter once the other list fields are validated: absent, the defaults, or all
    collections when the address names a known article (a permalink opens it in whatever collection it
    is); ``collection=`` (empty), all; only unknown names, the defaults again, with a notice, so a
    mistyped link never widens the view to every collection."""
    key = URL_KEYS["collections"]
    if key not in raw:
        return () if values["articles"] else defaults
    if not values["collections"] and any(i for i in _as_list(raw.get(key))) and defaults:
        notices.append("showing the default collections instead")
        return defaults
    return values["collections"]


UNNAMED_KEY = "unnamed"
_TRUE = ("true", "1")
_FALSE = ("false", "0", "")


def parse_flag(key: str, raw: Any) -> tuple[bool, list[str]]:
    """A yes/no URL parameter (``?unnamed=true``): ``true``/``1`` or ``false``/``0``, absent = False.

    Returns:
        tuple[bool, list[str]]: the value and notices (an unknown value is dropped: False).
    """
    values = _as_list(raw)
    if not values:
        return False, []
    value = str(values[-1]).strip().lower()
    if value in _TRUE:
        return True, []
    if value in _FALSE:
        return False, []
    return False, [f"ignored {key}={values[-1][:30]!r}: use {key}=true or {key}=false"]


def to_query_params(f: QueryFilters, default_collections: Iterable[str] = ()) -> dict[str, list[str] | str]:
    """The URL query parameters that reproduce ``f`` (inverse of :func:`parse_filters`).

    Returns:
        dict: URL key -> str or list of str; fields at their default are left out
        (``collection`` is written as an empty string when ``f`` has no collection
        filter but defaults exist).
    """
    out: dict[str, list[str] | str] = {}
    for field in LIST_FIELDS:
        v = getattr(f, field)
        if field == "collections":
            if tuple(v) == tuple(default_collections):
                continue
            if not v:
                out["collection"] = ""
                continue
        if v:
            out[URL_KEYS[field]] = list(v)
    for field in ("date_from", "date_to"):
        if getattr(f, field):
            out[URL_KEYS[field]] = getattr(f, field).isoformat()
    if f.text:
        out["q"] = f.text
    if f.article_text:
        out["aq"] = f.article_text
    return out
