"""Small reusable page parts: a pager, download buttons, a speaker card, the unnamed-sources switch."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
from typing import Callable

import pandas as pd
import streamlit as st

from .highlight import escape_markdown
from .sidebar import UNNAMED_STATE

PAGE_SIZES = (25, 50, 100, 200)


def pager(total: int, key: str, noun: str = "rows") -> tuple[int, int]:
    """Show the row count and page controls; return ``(limit, offset)`` for the query.

    The page number is clamped to the available pages when filters shrink the result.
    """
    c1, c2, c3 = st.columns([3, 1, 1])
    size = c3.selectbox("Rows per page", PAGE_SIZES, index=1, key=f"{key}_size")
    pages = max(1, math.ceil(total / size))
    if st.session_state.get(f"{key}_page", 1) > pages:
        st.session_state[f"{key}_page"] = pages
    page = c2.number_input("Page", min_value=1, max_value=pages, value=1, step=1, key=f"{key}_page")
    first = 0 if total == 0 else (page - 1) * size + 1
    c1.markdown(f"**{total:,} {noun}** · showing {first:,}–{min(total, page * size):,} · page {page} of {pages}")
    return size, (page - 1) * size


_UNNAMED_BOX = "unnamed_box"


def _unnamed_changed() -> None:
    st.session_state[UNNAMED_STATE] = bool(st.session_state.get(_UNNAMED_BOX))


def include_unnamed() -> bool:
    """The checkbox "include unnamed sources" (off by default), kept in the URL as ``?unnamed=true``.

    Off: the speaker rankings show named people and organisations only; on: also groups
    ("officials"), documents ("initial reports") and unknown sources. The value lives in the
    session (``components.ui.sidebar.UNNAMED_STATE``), which the sidebar reads from and mirrors
    into the URL on every page, so it survives page switches and shared links.
    """
    return st.checkbox("Include unnamed sources (officials, reports …)", key=_UNNAMED_BOX,
                       value=bool(st.session_state.get(UNNAMED_STATE)), on_change=_unnamed_changed,
                       help="Off: only named people and organisations. On: also sources such as 'officials', "
                            "'health officials' or 'initial reports'.")


def _to_json(df: pd.DataFrame) -> str:
    return df.to_json(orient="records", date_format="iso", force_ascii=False, indent=1)


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
    c1.download_button(f"Download {name} (CSV)", data=lambda: fetch().to_csv(index=False), file_name=f"{stem}.csv",
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
        st.caption(f"{card['n_quotes']} quote(s) in {card['n_articles']} article(s) · type: "
                   f"{escape_markdown(card.get('type') or 'unknown')}")
        aliases = [a for a in (card.get("aliases") or []) if a != card["name"]]
        if aliases:
            st.caption("also written: " + ", ".join(escape_markdown(a) for a in aliases))
        for topic, pol, score in card.get("stances", []):
            st.markdown(f"- {escape_markdown(topic_labels.get(topic, topic))}: **{pol}** ({score:+.2f})")
        person = card.get("person")
        if person:
            with st.expander(f"Same person across articles: {len(person['variants'])} names, "
                             f"{len({a['id'] for a in person['articles']})} article(s)"):
                st.markdown("\n".join(f"- {escape_markdown(n)} ({k} article(s); {escape_markdown(r)})"
                                      for n, r, k in person["variants"]))
                st.dataframe([{"article": a["title"] or a["id"], "outlet": a["outlet"], "published": a["published"],
                               "named": a["name"], "quotes": a["n_quotes"]} for a in person["articles"]],
                             hide_index=True)


def dumps(obj) -> str:
    """JSON text of ``obj`` (dates as ISO strings)."""
    return json.dumps(obj, default=str, ensure_ascii=False)
