"""Small reusable page parts: a pager, download buttons, a speaker card, the unnamed-sources switch."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
from typing import Callable

import numpy as np
import pandas as pd
import streamlit as st

from .highlight import escape_markdown
from .sidebar import UNNAMED_STATE

PAGE_SIZES = (25, 50, 100, 200)


def pager(total: int, key: str, noun: str = "rows", singular: str | None = None) -> tuple[int, int]:
    """Show the row count and page controls; return ``(limit, offset)`` for the query.

    ``noun`` is the plural ("quotes"), ``singular`` the word for one (default: ``noun`` without its "s").

    The page number is clamped to the available pages when filters shrink the result.
    """
    c1, c2, c3 = st.columns([3, 1, 1])
    size = c3.selectbox("Rows per page", PAGE_SIZES, index=1, key=f"{key}_size")
    pages = max(1, math.ceil(total / size))
    # the page lives in the session state only (no widget default beside it, which Streamlit warns about)
    st.session_state[f"{key}_page"] = min(max(1, int(st.session_state.get(f"{key}_page", 1))), pages)
    page = c2.number_input("Page", min_value=1, max_value=pages, step=1, key=f"{key}_page")
    first = 0 if total == 0 else (page - 1) * size + 1
    word = (singular or noun.removesuffix("s")) if total == 1 else noun
    c1.markdown(f"**{total:,} {word}** · showing {first:,}–{min(total, page * size):,} · page {page} of {pages}")
    return size, (page - 1) * size


def sort_control(key: str, columns: list[str], default: str, descending_first: frozenset[str]) -> tuple[str, bool]:
    """"Sort by" (any column of the table's allowlist) and a direction switch; return ``(column, descending)``.

    The whole filtered result is sorted in DuckDB before paging (a click on a table header sorts only the
    page shown). The direction starts at the column's natural order (newest, largest first for
    ``descending_first`` columns) whenever the column changes.
    """
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    prev = st.session_state.get(f"{key}_sort_prev")
    col = c1.selectbox("Sort by", columns, index=columns.index(default), key=f"{key}_sort")
    if prev != col:
        st.session_state[f"{key}_desc"] = col in descending_first
        st.session_state[f"{key}_sort_prev"] = col
    desc = c2.toggle("Descending", key=f"{key}_desc")
    return col, bool(desc)


_UNNAMED_BOX = "unnamed_box"


def _unnamed_changed() -> None:
    st.session_state[UNNAMED_STATE] = bool(st.session_state.get(_UNNAMED_BOX))


def include_unnamed() -> bool:
    """The checkbox "include unnamed sources" (off by default), kept in the URL as ``?unnamed=true``.

    Off: the speaker rankings show people and organisations only (the speakers with a card); on: also groups
    ("officials"), documents ("initial reports") and unknown sources. The value lives in the
    session (``components.ui.sidebar.UNNAMED_STATE``), which the sidebar reads from and mirrors
    into the URL on every page, so it survives page switches and shared links.
    """
    return st.checkbox("Include unnamed sources (officials, reports …)", key=_UNNAMED_BOX,
                       value=bool(st.session_state.get(UNNAMED_STATE)), on_change=_unnamed_changed,
                       help="Off: only people and organisations (named, or a body such as 'the security forces'). "
                            "On: also sources such as 'officials', "
                            "'health officials' or 'initial reports'.")


def _to_json(df: pd.DataFrame) -> str:
    """``df`` as a JSON array of records; dates written as the CSV and ``extract --json`` write them
    (``YYYY-MM-DD`` for a column of dates without time of day, ISO 8601 otherwise)."""
    import datetime as dt

    out = df.copy()
    for col in out.columns:
        values = out[col]
        if pd.api.types.is_datetime64_any_dtype(values) and (values.dropna() == values.dropna().dt.normalize()).all():
            out[col] = values.dt.strftime("%Y-%m-%d").where(values.notna(), None)
        elif values.dtype == object and len(values.dropna()) and all(
                isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values.dropna()):
            out[col] = [v.isoformat() if isinstance(v, dt.date) else None for v in values]  # DuckDB DATE: Python dates
    return out.to_json(orient="records", date_format="iso", force_ascii=False, indent=1)


# Shown under every casualties download: the file holds events and their parts side by side.
CASUALTY_PARTS_NOTE = ("The casualties download holds each event and, after it, its parts (a breakdown by place or "
                       "group, `part_of` set to the event's `idx`). To add up tolls, sum only rows whose `part_of` "
                       "is empty, and count each `event_id` once: several articles can report the same event.")


def download_buttons(name: str, fetch: Callable[[], pd.DataFrame], key: str, filters=None) -> None:
    """CSV, JSON and Parquet download buttons; ``fetch`` runs only when a button is clicked (deferred data).

    Args:
        name (str): what is exported, e.g. ``"quotes"``.
        fetch (Callable[[], DataFrame]): returns every filtered row.
        key (str): widget key prefix.
        filters (QueryFilters | None): the filters in force, written into the file name with the time
            of the page (:func:`export_stem`).
    """
    stem = export_stem(name, filters)
    c1, c2, c3 = st.columns(3)
    c1.download_button(f"Download {name} (CSV)", data=lambda: to_csv(fetch()), file_name=f"{stem}.csv",
                       mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:")
    c2.download_button(f"Download {name} (JSON)", data=lambda: _to_json(fetch()), file_name=f"{stem}.json",
                       mime="application/json", key=f"{key}_json", on_click="ignore", icon=":material/download:")
    c3.download_button(f"Download {name} (Parquet)", data=lambda: _to_parquet(fetch()), file_name=f"{stem}.parquet",
                       mime="application/vnd.apache.parquet", key=f"{key}_parquet", on_click="ignore",
                       icon=":material/download:")


def export_stem(name: str, filters=None, now: dt.datetime | None = None) -> str:
    """File name stem saying what was exported, under which filters, and when (UTC):
    ``quotes_country-UA_topic-sanctions_2026-12-06T0240Z`` (``_all_`` without filters). Characters other
    than letters, digits, ``.`` and ``-`` become ``-``; the filter part is cut at 80 characters."""
    now = now or dt.datetime.now(dt.timezone.utc)
    parts = []
    for k, v in (filters.active().items() if filters is not None else ()):
        vals = v if isinstance(v, (tuple, list)) else (v,)
        parts.append(re.sub(r"[^A-Za-z0-9.+-]+", "-", f"{k}-" + "+".join(str(x) for x in vals)))
    what = "_".join(parts)[:80] or "all"
    return f"{name}_{what}_{now.strftime('%Y-%m-%dT%H%MZ')}"


# A text cell starting with one of these is read as a formula by spreadsheet programs (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_csv(df: pd.DataFrame) -> str:
    """``df`` as CSV text, safe to open in a spreadsheet: a text cell that starts like a formula
    (:data:`FORMULA_STARTS`, e.g. a title ``=HYPERLINK(...)`` from an upload) gets a leading ``'``,
    so it shows as text and never runs. Numbers are written as they are (-3 stays a number). A list cell
    (a quote's topics) is written as its items joined by ``"; "`` (``nato; sanctions``), not as a Python list."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v)
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return out.to_csv(index=False)


def _to_parquet(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def speaker_card(card: dict | None, topic_labels: dict[str, str]) -> None:
    """Render a speaker's card (all user text escaped)."""
    if not card:
        st.info("No speaker was attributed to this quote.")
        return
    with st.container(border=True):
        st.markdown(f"#### {escape_markdown(card['name'])}")
        facts = [escape_markdown(x) for x in (card.get("role"), card.get("org"), card.get("country")) if x]
        if facts:
            st.markdown(" · ".join(facts))
        st.caption(f"{plural(card['n_quotes'], 'quote')} in {plural(card['n_articles'], 'article')} · type: "
                   f"{escape_markdown(card.get('type') or 'unknown')}")
        aliases = [a for a in (card.get("aliases") or []) if a != card["name"]]
        if aliases:
            st.caption("also written: " + ", ".join(escape_markdown(a) for a in aliases))
        for topic, pol, score in card.get("stances", []):
            st.markdown(f"- {escape_markdown(topic_labels.get(topic, topic))}: **{pol}** ({score:+.2f})")
        person = card.get("person")
        if person:
            with st.expander(f"Same person across articles: {plural(len(person['variants']), 'name')}, "
                             f"{plural(len({a['id'] for a in person['articles']}), 'article')}"):
                st.markdown("\n".join(f"- {escape_markdown(n)} ({plural(k, 'article')}; {escape_markdown(r)})"
                                      for n, r, k in person["variants"]))
                st.dataframe([{"article": a["title"] or a["id"], "outlet": a["outlet"], "published": a["published"],
                               "named": a["name"], "quotes": a["n_quotes"]} for a in person["articles"]],
                             hide_index=True)


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """``"1 place"``, ``"2 places"``, ``"1,204 casualty reports"`` (``plural_form`` for irregular nouns)."""
    return f"{n:,} {noun if n == 1 else (plural_form or noun + 's')}"


def display_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` for ``st.dataframe`` with missing values shown as empty cells, never "None"/"nan".

    Columns holding a missing value become text (numbers written as integers when whole), and so do
    timestamp columns (``YYYY-MM-DD``); the others are left as they are (so they keep their number
    formatting and sort numerically).
    """
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_datetime64_any_dtype(s):  # dates as days, not "2024-12-01 00:00:00"
            out[col] = [("" if pd.isna(v) else v.strftime("%Y-%m-%d")) for v in s]
            continue
        try:
            missing = s.isna()
        except (TypeError, ValueError):
            continue
        if not missing.any():
            continue
        if pd.api.types.is_float_dtype(s) and (s.dropna() % 1 == 0).all():
            s = s.astype("Int64")
        out[col] = [("" if m else str(v)) for v, m in zip(s, missing)]
    return out


def _sync_dates(key: str, lo, hi) -> None:
    a, b = st.session_state[key]
    st.session_state["from"] = None if a <= lo else a
    st.session_state["to"] = None if b >= hi else b


def date_range_slider(key: str, f) -> None:
    """A slider over the published dates of the articles under the other filters, two-way bound to the
    sidebar's From/To dates.

    The span is that of the current selection (:func:`components.store.options.date_span`: the seed alone
    spans its own days, not the whole store's). Moving it sets ``from``/``to`` (so the range is in the URL,
    ``?from=...&to=...``, and filters every page); the full span means no date filter. Nothing is drawn
    when the selection has fewer than two dates.
    """
    import datetime as dt

    from . import loaders

    lo, hi = loaders.q("date_span", f)
    if not isinstance(lo, dt.date) or not isinstance(hi, dt.date) or lo >= hi:
        return
    a = min(max(f.date_from or lo, lo), hi)
    b = max(min(f.date_to or hi, hi), a)
    st.session_state[key] = (a, b)
    st.slider("Dates", min_value=lo, max_value=hi, key=key, format="YYYY-MM-DD", on_change=_sync_dates,
              args=(key, lo, hi), help="The span of the articles under the other filters; the same range as "
                                       "From/To in the sidebar.")


def _duration(seconds: float) -> str:
    """``"45 s"``, ``"3 min"``, ``"1 h 05 min"``."""
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{int(seconds // 3600)} h {round(seconds % 3600 / 60):02d} min"


def build_status_text(state) -> str:
    """The one line of the background build: ``"Building the bundled collections: 120 of 477 articles
    (3.1 per second, about 2 min left) …"`` (``state``: :class:`components.ui.loaders.BuildProgress`)."""
    if state.total == 0:
        return "Building the bundled collections: reading the files…"
    rate, left = state.rate(), state.seconds_left()
    speed = f" ({rate:.1f} per second, about {_duration(left)} left)" if rate and left is not None else ""
    return (f"Building the bundled collections: {state.done:,} of {state.total:,} articles{speed}. "
            "Pages show what is stored so far; more is coming.")


def build_status(state) -> None:
    """One progress bar for the whole background build, redrawn every 2 s (a fragment) while it runs.

    Done/total, rate and time left come from the shared :class:`components.ui.loaders.BuildProgress`, so
    the bar never restarts (one total for all collections) and every session sees the same. A button shows
    the articles stored since the page was drawn; when the build ends the whole page is redrawn once.
    """
    if not state.running and not state.finished:
        return
    if state.finished and (st.session_state.get("_na_build_done")
                           or not (state.error or st.session_state.get("_na_build_seen_running"))):
        return  # said once, and only to the sessions that watched the build

    @st.fragment(run_every=2.0 if state.running else None)
    def _bar() -> None:
        if state.finished:
            st.session_state["_na_build_done"] = True
            if state.error:
                st.error(f"The background build stopped: {escape_markdown(state.error)}. Restart the dashboard "
                         "to resume it (articles already stored are kept).")
            else:
                st.success(f"The bundled collections are built: {state.added:,} articles added.")
            if st.session_state.pop("_na_build_seen_running", None):
                st.rerun(scope="app")
            return
        st.session_state["_na_build_seen_running"] = True
        st.progress(state.done / state.total if state.total else 0.0, text=build_status_text(state))
        if state.done and st.button("Show the articles stored so far", key="_na_build_refresh",
                                    icon=":material/refresh:"):
            st.rerun(scope="app")

    _bar()


def dumps(obj) -> str:
    """JSON text of ``obj`` (dates as ISO strings)."""
    return json.dumps(obj, default=str, ensure_ascii=False)
