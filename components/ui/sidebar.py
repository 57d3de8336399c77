"""The shared sidebar: filter widgets kept in the URL, parsed once into :class:`QueryFilters`.

Every widget's key is its URL parameter (see :mod:`components.ui.state`). The
text boxes use ``bind="query-params"``; the list filters, whose options show a
label and a facet count for an id ("UA · Ukraine (132)", sorted by count, counted
under the other filters by :func:`components.store.options.facet_counts`), and
the dates are mirrored into ``st.query_params`` by this module, so the URL
carries ids and codes (``collection=seed``, ``country=UA``), never labels.
Other code changes a filter only through :func:`request_filter`, which is
applied at the top of the next run (before the widgets exist), as Streamlit
requires.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable, Mapping

import streamlit as st

from ..store.filters import QueryFilters
from . import loaders
from .highlight import escape_markdown
from .state import LIST_FIELDS, UNNAMED_KEY, URL_KEYS, parse_filters, parse_flag, to_query_params

_PENDING = "_na_pending_filters"
_URL_READ = "_na_url_read"
_NOTICES = "_na_url_notices"
FILTERS_STATE = "_na_filters"
# "include unnamed sources" (Overview, Stance): kept under a non-widget key so it survives page
# switches (the checkbox exists only on those pages), mirrored into the URL as ?unnamed=true on every page
UNNAMED_STATE = "_na_unnamed"
UPLOAD_COLLECTION = "uploads"
# URL keys mirrored by this module instead of Streamlit's bind="query-params" (their
# widgets show a label for an id, and a bound widget would put the label into the URL;
# the dates accept any valid day, which a bound date_input clamps to its range)
# (every list filter: their options show a count beside the value, "UA (132)", which a bound widget would write)
MANUAL_KEYS = ("collection", "country", "topic", "speaker", "place", "article", "outlet", "kind", "from", "to")
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)


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


def _country_name(code: str) -> str:
    """"Ukraine (UA)" for "UA"; the code alone when pycountry does not know it."""
    label = _country_label(code)
    return f"{label.split(' · ', 1)[1]} ({code})" if " · " in label else code


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


def _raw_url() -> dict[str, Any]:
    """The filter parameters of the address bar, as :func:`parse_filters` takes them."""
    raw: dict[str, Any] = {}
    for field, key in URL_KEYS.items():
        if key in st.query_params:
            values = st.query_params.get_all(key)
            raw[key] = values if field in LIST_FIELDS else (values[-1] if values else "")
    return raw


def _read_url_once(allowed: dict[str, Any], defaults: tuple[str, ...]) -> None:
    """On a session's first run, parse the address bar (before any widget exists) and seed the widgets.

    Streamlit silently drops a bound widget's URL value it does not offer, so the
    values are checked here first and every dropped one becomes a notice shown in
    the sidebar (until dismissed). The widgets kept out of Streamlit's binding
    (:data:`MANUAL_KEYS`, those showing a label for an id) are seeded from the
    parsed filters; the bound ones seed themselves from the URL.
    """
    if st.session_state.get(_URL_READ):
        return
    st.session_state[_URL_READ] = True
    filters, notices = parse_filters(_raw_url(), allowed, defaults)
    unnamed, flag_notices = parse_flag(UNNAMED_KEY, st.query_params.get_all(UNNAMED_KEY)
                                       if UNNAMED_KEY in st.query_params else None)
    st.session_state[UNNAMED_STATE] = unnamed
    st.session_state[_NOTICES] = notices + flag_notices
    for field, key in URL_KEYS.items():
        if key in MANUAL_KEYS:
            value = getattr(filters, field)
            st.session_state[key] = list(value) if field in LIST_FIELDS else value


def _write_url(filters: QueryFilters, defaults: tuple[str, ...]) -> None:
    """Mirror the unbound filters (and ``unnamed``) into ``st.query_params`` (ids and codes, never labels)."""
    want = to_query_params(filters, defaults)
    for key in MANUAL_KEYS:
        value = want.get(key)
        current = st.query_params.get_all(key) if key in st.query_params else None
        if value is None:
            if current is not None:
                del st.query_params[key]
            continue
        values = value if isinstance(value, list) else [value]
        if current != values:
            st.query_params[key] = values if len(values) > 1 else values[0]
    if st.session_state.get(UNNAMED_STATE):
        if st.query_params.get_all(UNNAMED_KEY) != ["true"]:
            st.query_params[UNNAMED_KEY] = "true"
    elif UNNAMED_KEY in st.query_params:
        del st.query_params[UNNAMED_KEY]


def _dismiss_notices() -> None:
    st.session_state[_NOTICES] = []


def render_filters() -> QueryFilters:
    """Draw the filter widgets in the sidebar and return the validated filters.

    Also stores them in ``st.session_state["_na_filters"]`` for the pages, keeps
    the address bar in sync, and shows notices for URL values that were dropped
    (see the URL policy in :mod:`components.ui.state`).
    """
    _apply_pending()
    opts = loaders.q("filter_options")
    labels = loaders.collection_labels()
    topics = loaders.topic_labels()
    defaults = default_collection_selection(opts["collections"], loaders.default_collections(),
                                            tuple(loaders.collection_labels()))
    titles = opts["articles"]
    speakers = _with_requested(list(opts["speakers"]), "speaker", "speakers")
    places = _with_requested(list(opts["places"]), "place", "places")
    articles = _with_requested(list(titles), "article", "articles")
    allowed = {
        "collections": opts["collections"], "countries": opts["countries"], "topics": opts["topics"],
        "speakers": speakers, "articles": articles, "outlets": opts["outlets"], "places": places,
    }
    _read_url_once(allowed, defaults)
    st.session_state.setdefault("collection", list(defaults))
    # URL key -> (options, label of an option without its count)
    shown = {
        "collection": (opts["collections"], lambda c: labels.get(c, c)), "country": (opts["countries"], _country_label),
        "topic": (opts["topics"], lambda t: topics.get(t, t)), "speaker": (speakers, str), "place": (places, str),
        "article": (articles, lambda a: (titles.get(a) or a)[:80]), "outlet": (opts["outlets"], str),
        "kind": (list(opts["kinds"]), str),
    }
    for key, (options, label) in shown.items():
        _unformat(key, options, label)
    # the filters as they stand before this run's widgets: each facet is counted under the others
    current, _ = parse_filters(_session_raw(), allowed, defaults)

    def faceted(field: str, options: list[str], label=lambda v: v):
        counts = loaders.q("facet_counts", current, field)
        order = {v: i for i, v in enumerate(options)}
        ranked = sorted(options, key=lambda v: (-counts.get(v, 0), order[v]))
        return ranked, lambda v: f"{label(v)} ({counts.get(v, 0):,})"

    sb = st.sidebar
    sb.header("Filters")
    notices = st.session_state.get(_NOTICES) or []
    if notices:
        box = sb.container(border=True)
        box.markdown("**⚠ Some values of the address were not used:**")
        for n in notices:
            box.caption(escape_markdown(n))
        box.button("Dismiss", key="_na_dismiss", on_click=_dismiss_notices)
    # The list widgets are not bound by Streamlit (a bound widget writes the shown label, count included,
    # into the URL): _read_url_once seeds them and _write_url mirrors them. Options are sorted by their
    # count under the other filters. select_all=False everywhere: "no value" already means "no filter",
    # and selecting all countries would exclude the quotes without a country and write a huge URL.
    opts_c, fmt = faceted("collections", *shown["collection"])
    sb.multiselect("Collection", opts_c, key="collection", select_all=False, format_func=fmt,
                   help="Empty = all collections. The seed (with uploads and collections made by ingest, "
                        "when there are any) is selected at start. Counts: articles under the other filters.")
    opts_c, fmt = faceted("countries", *shown["country"])
    sb.multiselect("Country", opts_c, key="country", format_func=fmt, select_all=False,
                   help="Speaker's country, or a place mentioned in the article. "
                        "Empty = no country filter (quotes without a country included). Counts: articles.")
    opts_c, fmt = faceted("topics", *shown["topic"])
    sb.multiselect("Topic", opts_c, key="topic", select_all=False, format_func=fmt,
                   help="Counts: articles with a quote on the topic under the other filters.")
    opts_c, fmt = faceted("speakers", speakers)
    sb.multiselect("Speaker", opts_c, key="speaker", select_all=False, format_func=fmt,
                   help="Counts: articles quoting the speaker under the other filters.")
    opts_c, fmt = faceted("places", places)
    sb.multiselect("Place", opts_c, key="place", select_all=False, format_func=fmt,
                   help="Also set by selecting points on the map. Counts: articles mentioning the place.")
    opts_c, fmt = faceted("articles", *shown["article"])
    sb.multiselect("Article", opts_c, key="article", select_all=False, format_func=fmt,
                   help="Counts: the article's quotes under the other filters.")
    opts_c, fmt = faceted("outlets", opts["outlets"])
    sb.multiselect("Outlet", opts_c, key="outlet", select_all=False, format_func=fmt)
    dmin, dmax = opts["date_min"], opts["date_max"]
    # any valid date is accepted (a range outside the data gives an empty view, said below); one box per
    # line: side by side in the sidebar they were too narrow to show a set date
    sb.date_input("From", value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="from")
    sb.date_input("To", value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="to")
    opts_c, fmt = faceted("kinds", list(opts["kinds"]))
    sb.multiselect("Quote kind", opts_c, key="kind", select_all=False, format_func=fmt)
    sb.text_input("Search quote text", key="q", bind="query-params", max_chars=200,
                  placeholder="e.g. ceasefire")
    sb.text_input("Search article text", key="aq", bind="query-params", max_chars=200,
                  placeholder="e.g. drone attack", help="Quotes, places and casualties of the articles whose "
                                                         "text contains these words (in that order, any case).")
    sb.button("Reset filters", on_click=_reset, args=(list(defaults),))

    raw = _session_raw()
    filters, problems = parse_filters(raw, allowed, defaults)
    for n in problems:
        sb.caption(f"⚠ {escape_markdown(n)}")
    if isinstance(dmin, dt.date) and isinstance(dmax, dt.date) and (
        (filters.date_from and filters.date_from > dmax) or (filters.date_to and filters.date_to < dmin)
    ):
        sb.info(f"No article in the chosen dates: the data run from {dmin:%Y-%m-%d} to {dmax:%Y-%m-%d}.")
    _write_url(filters, defaults)
    st.session_state[FILTERS_STATE] = filters
    return filters


_COUNTED = re.compile(r"^(?P<label>.*) \((?P<n>\d[\d,]*)\)$")


def _unformat(key: str, options: list[str], label) -> None:
    """Put back the id of a list filter's value that came back from the browser as its shown label with
    its facet count ("extra (3)" for ``extra``).

    The browser sends a multiselect's choices as the labels it shows; when a change of another filter
    changes a count ("(3)" -> "(2)") and the next run starts before the browser has the new labels (two
    quick moves of the date slider), the old label is no option any more and the choice would be dropped.
    """
    values = st.session_state.get(key)
    if not values or all(v in options for v in values):
        return
    by_label = {label(o): o for o in options}
    fixed = []
    for v in values:
        m = None if v in options else _COUNTED.match(str(v))
        fixed.append(by_label.get(m.group("label"), v) if m else v)
    st.session_state[key] = list(dict.fromkeys(fixed))


def _session_raw() -> dict[str, Any]:
    """The filter widgets' values in the session, as :func:`parse_filters` takes them."""
    raw: dict[str, Any] = {}
    for field in LIST_FIELDS:
        raw[URL_KEYS[field]] = st.session_state.get(URL_KEYS[field]) or []
    for key in ("from", "to"):
        raw[key] = st.session_state.get(key)
    for key in ("q", "aq"):  # bound text boxes: from the URL until the widget exists
        raw[key] = (st.session_state.get(key) if key in st.session_state else st.query_params.get(key)) or ""
    return raw


def default_collection_selection(available: list[str], configured: tuple[str, ...],
                                 embedded: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The collections selected at start: the configured defaults (the seed), ``uploads`` when it exists,
    and, when the ``embedded`` collections (those of ``data/collections.yaml``) are given, every other
    collection of the store: the ones users made with ``ingest`` (``user`` by default, or ``--collection
    NAME``), so what someone added shows without picking it. The other embedded collections (the
    evaluation sets) stay one click away. Falls back to every collection when none of these exists.
    """
    chosen = [c for c in configured if c in available]
    ours = set(embedded) - {UPLOAD_COLLECTION}
    added = [c for c in available if c == UPLOAD_COLLECTION or (embedded and c not in ours)]
    chosen += [c for c in added if c not in chosen]
    return tuple(chosen) or tuple(available)


def _reset(defaults: list[str]) -> None:
    for field in LIST_FIELDS:
        st.session_state[URL_KEYS[field]] = list(defaults) if field == "collections" else []
    st.session_state["from"] = None
    st.session_state["to"] = None
    st.session_state["q"] = ""
    st.session_state["aq"] = ""
    st.session_state[UNNAMED_STATE] = False


def _show_all_collections() -> None:
    st.session_state["collection"] = []


# QueryFilters field -> the word the sidebar uses for it (the summary above every page)
_FILTER_WORDS = {"countries": "country", "topics": "topic", "speakers": "speaker", "articles": "article",
                 "outlets": "outlet", "date_from": "from", "date_to": "to", "kinds": "kind", "text": "quote text",
                 "places": "place", "article_text": "article text"}


def filters_in_force(filters: QueryFilters, shown: int = 3,
                     labels: Mapping[str, Callable[[str], str]] | None = None) -> str | None:
    """One Markdown line naming the filters other than the collection ("Filtered by country: UA · topic:
    sanctions"), at most ``shown`` values each ("+2 more"), user text escaped; None without any. Shown above
    every page, so a shared link opened on a phone (sidebar closed) says what it filters.

    ``labels`` maps a :class:`QueryFilters` field to a function giving the label of one value (an article's
    title for its id, a topic's title for its id); values of other fields are shown as they are."""
    parts = []
    labels = labels or {}
    for name, value in filters.active().items():
        if name == "collections":
            continue
        values = value if isinstance(value, tuple) else (value,)
        label = labels.get(name, str)
        text = ", ".join(escape_markdown(str(label(v))[:60]) for v in values[:shown])
        more = f" +{len(values) - shown} more" if len(values) > shown else ""
        parts.append(f"{_FILTER_WORDS.get(name, name)}: {text}{more}")
    return ("Filtered by " + " · ".join(parts) + " (change them in the sidebar)") if parts else None


def hidden_articles_notice(filters: QueryFilters) -> None:
    """Name the filters in force (:func:`filters_in_force`); under a collection filter, say how many stored
    articles the other collections hold, with one click ("Show all collections") to clear it; nothing when
    no filter is set and no article is hidden that way."""
    notices = st.session_state.get(_NOTICES) or []
    if notices:
        # also on the page: on a phone the sidebar, where the notices can be dismissed, starts closed
        st.warning("Some values of the address were not used: "
                   + "; ".join(escape_markdown(n) for n in notices[:4])
                   + (f" (+{len(notices) - 4} more)" if len(notices) > 4 else ""), icon="⚠")
    titles = loaders.q("filter_options")["articles"]
    topics = loaders.topic_labels()
    summary = filters_in_force(filters, labels={
        "articles": lambda a: titles.get(a) or a, "topics": lambda t: topics.get(t, t), "countries": _country_name})
    if summary:
        st.caption(summary)
    if not filters.collections:
        return
    counts = loaders.q("facet_counts", filters, "collections")
    hidden = sum(n for c, n in counts.items() if c not in filters.collections)
    if hidden <= 0:
        return
    c1, c2 = st.columns([4, 1], vertical_alignment="center")
    shown = ", ".join(escape_markdown(c) for c in filters.collections)
    c1.caption(f"Showing the collection{'s' if len(filters.collections) > 1 else ''} {shown}: "
               f"{hidden:,} more {'article' if hidden == 1 else 'articles'} in other collections "
               "match the other filters.")
    c2.button("Show all collections", key="_na_show_all", on_click=_show_all_collections)


def current_filters() -> QueryFilters:
    """The filters parsed by :func:`render_filters` in this run."""
    return st.session_state.get(FILTERS_STATE, QueryFilters())
