"""The shared sidebar: filter widgets bound to the URL, parsed once into :class:`QueryFilters`.

Every widget's key is its URL parameter (see :mod:`components.ui.state`), and
``bind="query-params"`` keeps the address bar in sync, across pages.
Other code changes a filter only through :func:`request_filter`, which is
applied at the top of the next run (before the widgets exist), as Streamlit
requires.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from ..store.filters import QueryFilters
from . import loaders
from .state import LIST_FIELDS, URL_KEYS, parse_filters

_PENDING = "_na_pending_filters"
FILTERS_STATE = "_na_filters"


def request_filter(field: str, values: Any) -> None:
    """Ask for ``field`` (a :class:`QueryFilters` field) to become ``values`` on the next run.

    Safe to call anywhere (callbacks, page bodies); follow with ``st.rerun()``
    outside callbacks.
    """
    st.session_state.setdefault(_PENDING, {})[URL_KEYS[field]] = values


def _apply_pending() -> None:
    pending = st.session_state.pop(_PENDING, None) or {}
    for key, value in pending.items():
        st.session_state[key] = value


def _country_label(code: str) -> str:
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code)
        return f"{code} · {c.name}" if c else code
    except (ImportError, LookupError, KeyError):
        return code


def _with_requested(options: list[str], key: str, field: str) -> list[str]:
    """Add values asked for by the URL or session that the capped option list lacks (if the store knows them)."""
    wanted = list(st.query_params.get_all(key)) if key in st.query_params else []
    current = st.session_state.get(key) or []
    extra = [v for v in dict.fromkeys(wanted + list(current)) if v and v not in options]
    if not extra:
        return options
    known = loaders.q("known_values", field, tuple(extra[:20]))
    return options + [v for v in extra if v in set(known)]


def render_filters() -> QueryFilters:
    """Draw the filter widgets in the sidebar and return the validated filters.

    Also stores them in ``st.session_state["_na_filters"]`` for the pages and
    shows notices for values that were dropped (see the URL policy).
    """
    _apply_pending()
    opts = loaders.q("filter_options")
    labels = loaders.collection_labels()
    topics = loaders.topic_labels()
    defaults = tuple(c for c in loaders.default_collections() if c in opts["collections"]) or tuple(
        opts["collections"]
    )
    sb = st.sidebar
    sb.header("Filters")
    sb.multiselect("Collection", opts["collections"], default=list(defaults), key="collection",
                   bind="query-params", format_func=lambda c: labels.get(c, c),
                   help="Empty = all collections. The seed is selected at start.")
    sb.multiselect("Country", opts["countries"], key="country", bind="query-params", format_func=_country_label,
                   help="Speaker's country, or a place mentioned in the article.")
    sb.multiselect("Topic", opts["topics"], key="topic", bind="query-params",
                   format_func=lambda t: topics.get(t, t))
    speakers = _with_requested(list(opts["speakers"]), "speaker", "speakers")
    sb.multiselect("Speaker", speakers, key="speaker", bind="query-params")
    places = _with_requested(list(opts["places"]), "place", "places")
    sb.multiselect("Place", places, key="place", bind="query-params", help="Also set by selecting points on the map.")
    titles = opts["articles"]
    articles = _with_requested(list(titles), "article", "articles")
    sb.multiselect("Article", articles, key="article", bind="query-params",
                   format_func=lambda a: (titles.get(a) or a)[:80])
    sb.multiselect("Outlet", opts["outlets"], key="outlet", bind="query-params")
    dmin, dmax = opts["date_min"], opts["date_max"]
    lo = dmin if isinstance(dmin, dt.date) else dt.date(1900, 1, 1)
    hi = dmax if isinstance(dmax, dt.date) else dt.date(2100, 1, 1)
    c1, c2 = sb.columns(2)
    c1.date_input("From", value=None, min_value=lo, max_value=hi, key="from", bind="query-params")
    c2.date_input("To", value=None, min_value=lo, max_value=hi, key="to", bind="query-params")
    sb.multiselect("Quote kind", list(opts["kinds"]), key="kind", bind="query-params")
    sb.text_input("Search quote text", key="q", bind="query-params", max_chars=200,
                  placeholder="e.g. ceasefire")
    sb.button("Reset filters", on_click=_reset, args=(list(defaults),))

    raw: dict[str, Any] = {}
    for field in LIST_FIELDS:
        raw[URL_KEYS[field]] = st.session_state.get(URL_KEYS[field]) or []
    raw["from"] = st.session_state.get("from")
    raw["to"] = st.session_state.get("to")
    raw["q"] = st.session_state.get("q") or ""
    allowed = {
        "collections": opts["collections"], "countries": opts["countries"], "topics": opts["topics"],
        "speakers": speakers, "articles": articles, "outlets": opts["outlets"], "places": places,
    }
    filters, notices = parse_filters(raw, allowed, defaults)
    for n in notices:
        sb.caption(f"⚠ {n}")
    st.session_state[FILTERS_STATE] = filters
    return filters


def _reset(defaults: list[str]) -> None:
    for field in LIST_FIELDS:
        st.session_state[URL_KEYS[field]] = list(defaults) if field == "collections" else []
    st.session_state["from"] = None
    st.session_state["to"] = None
    st.session_state["q"] = ""


def current_filters() -> QueryFilters:
    """The filters parsed by :func:`render_filters` in this run."""
    return st.session_state.get(FILTERS_STATE, QueryFilters())
