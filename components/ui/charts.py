"""Plotly figures of the dashboard. Each function takes a DataFrame from a query and returns a figure.

User text (place names, speaker names, quotes) is HTML-escaped before it goes
into labels and hovers, because Plotly renders a subset of HTML there.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ..models import SUPPORT_THRESHOLD
from .highlight import escape_label

OFFLINE_MAP_STYLE = "white-bg"
DEFAULT_MAP_STYLE = "carto-positron"
MAP_STYLES = ("carto-positron", "open-street-map", "carto-darkmatter", "white-bg")
POLARITY_COLOURS = {"support": "#1b7837", "neutral": "#8c8c8c", "oppose": "#b2182b"}
# blue = no casualty reported, then yellow -> dark red as killed grows
CASUALTY_SCALE = [[0.0, "#3b6fd6"], [0.0001, "#fdd835"], [0.5, "#f4511e"], [1.0, "#7f0000"]]


_esc = escape_label


def _short(text: str, n: int = 140) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# Room above the plot (px) for a title under Plotly's mode bar, which floats over the figure's top right
# corner: the title sits on the plot's top edge, below the bar, so no toolbar covers it on a phone
TITLE_MARGIN = 70


def title_below_toolbar(text: str, size: int = 14) -> dict:
    """A left-aligned figure title anchored on the plot's top edge (inside :data:`TITLE_MARGIN`), below the
    mode bar's row at the figure's top; ``text`` is used as given (escape user text first)."""
    return dict(text=text, x=0.0, xref="paper", xanchor="left", y=1.0, yref="paper", yanchor="bottom",
                pad=dict(b=10), font=dict(size=size))


def bar_top(df: pd.DataFrame, label: str, value: str, title: str) -> go.Figure:
    """Horizontal bar chart of ``df[value]`` by ``df[label]`` (largest on top)."""
    d = df.iloc[::-1].copy()
    d["_label"] = d[label].map(_esc)
    fig = px.bar(d, x=value, y="_label", orientation="h", text=value)
    fig.update_layout(yaxis_title=None, xaxis_title=value, margin=dict(l=10, r=10, t=TITLE_MARGIN, b=10),
                      height=max(220, 28 * len(d) + 80 + TITLE_MARGIN - 40), title=title_below_toolbar(title))
    fig.update_traces(marker_color="#3b6fd6", hovertemplate="%{y}: %{x}<extra></extra>", textangle=0)
    return fig


def _zoom_for(df: pd.DataFrame) -> tuple[dict, float]:
    if df.empty:
        return {"lat": 20.0, "lon": 10.0}, 0.8
    lat_span = float(df["lat"].max() - df["lat"].min())
    lon_span = float(df["lon"].max() - df["lon"].min())
    span = max(lat_span, lon_span, 0.5)
    zoom = max(0.5, min(9.0, math.log2(360.0 / span) - 1.2))
    return {"lat": float(df["lat"].mean()), "lon": float(df["lon"].mean())}, zoom


NEARBY_KM = 50.0
CONTEXT_COLOUR = "#9e9e9e"


def _nearby(d: pd.DataFrame, km: float = NEARBY_KM) -> list[list[str]]:
    """For each row, the other places within ``km`` (haversine on lat/lon), largest first: the places a
    marker may sit on or under at world zoom, listed in its hover."""
    import numpy as np

    if len(d) < 2:
        return [[] for _ in range(len(d))]
    lat, lon = np.radians(d["lat"].to_numpy(float)), np.radians(d["lon"].to_numpy(float))
    dlat, dlon = lat[:, None] - lat[None, :], lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    names = list(d["place"])
    return [[names[j] for j in np.argsort(-d["mentions"].to_numpy()) if j != i and dist[i, j] <= km][:5]
            for i in range(len(d))]


def _country_label(code) -> str:
    """A place's country code for a hover, "?" when it has none (None, NaN or empty: seas and regions)."""
    return code if isinstance(code, str) and code else "?"


def map_figure(
    df: pd.DataFrame, map_style: str = OFFLINE_MAP_STYLE, height: int = 560, outlines: dict | None = None,
    context: pd.DataFrame | None = None,
) -> go.Figure:
    """MapLibre scatter map of places (``px.scatter_map``, no token).

    Args:
        df (DataFrame): :func:`components.store.queries.map_places` rows.
        map_style (str): base style (one of :data:`MAP_STYLES`; ``white-bg`` needs no network).
        outlines (dict | None): GeoJSON drawn as grey lines under the markers (used with
            ``white-bg``: :func:`components.ui.basemap.country_outlines`).
        context (DataFrame | None): places to draw in grey beneath ``df`` (the neighbours of a selection:
            the same query without the place filter); rows of ``df`` are left out of it. With a context the
            selected places are labelled and the view is centred on them at a zoom that shows neighbours.

    Returns:
        Figure: marker size = mentions, colour = killed (blue when none); hover lists place, country,
        mentions, casualties, the top quotes and the places within :data:`NEARBY_KM` km (those a marker
        may cover); ``customdata[0]`` is the place name (for selections); ``uirevision`` keeps pan/zoom
        across reruns. Markers are drawn largest first, so a marker is never hidden under a larger one
        (a small marker on top of a big place leaves the big one's ring to click).
    """
    d = df.copy()
    if d.empty:
        d = pd.DataFrame({"place": [], "lat": [], "lon": [], "mentions": [], "killed": [], "injured": [],
                          "country": [], "top_quotes": []})
    # drawing order = row order (later rows on top): largest first, casualty places last among equals
    d = d.sort_values(["mentions", "killed"], ascending=[False, True], kind="stable").reset_index(drop=True)
    near = _nearby(d)
    d["hover"] = [
        f"<b>{_esc(r.place)}</b> ({_esc(_country_label(r.country))})<br>mentions: {int(r.mentions)}"
        f"<br>killed: {int(r.killed)} · injured: {int(r.injured)}"
        + "".join(f"<br>• {_esc(_short(line))}" for line in (list(r.top_quotes) if r.top_quotes is not None else []))
        + (f"<br><i>also here: {', '.join(_esc(n) for n in nb)}</i>" if nb else "")
        for r, nb in zip(d.itertuples(index=False), near)
    ]
    center, zoom = _zoom_for(d)
    if context is not None and len(d):
        zoom = min(zoom, 5.0)
    kmax = max(1.0, float(d["killed"].max()) if len(d) else 1.0)
    fig = px.scatter_map(
        d, lat="lat", lon="lon", size="mentions", color="killed", custom_data=["place"],
        size_max=38, zoom=zoom, center=center, map_style=map_style, height=height,
        color_continuous_scale=CASUALTY_SCALE, range_color=[0, kmax],
    )
    fig.update_traces(hovertext=d["hover"], hovertemplate="%{hovertext}<extra></extra>",
                      marker=dict(sizemin=6, opacity=0.85))
    if context is not None and len(d) and len(d) <= 5:
        fig.update_traces(mode="markers+text", text=[_esc(p) for p in d["place"]], textposition="top right",
                          textfont=dict(size=13, color="#111"))
    if context is not None:
        ctx = context[~context["place"].isin(set(d["place"]))]
        if len(ctx):
            fig.add_trace(go.Scattermap(
                lat=ctx["lat"], lon=ctx["lon"], mode="markers", name="other places",
                marker=dict(size=7, color=CONTEXT_COLOUR, opacity=0.7), customdata=ctx[["place"]].to_numpy(),
                hovertext=[f"{_esc(p)} ({_esc(_country_label(c))}): {int(m)} mentions"
                           for p, c, m in zip(ctx["place"], ctx["country"], ctx["mentions"])],
                hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            ))
            fig.data = (fig.data[-1],) + tuple(fig.data[:-1])  # beneath the selection
    # the colour key lies under the map (not beside it), so the map keeps the full width of a phone;
    # whole people only on its ticks
    fig.update_layout(uirevision="news-atlas-map", margin=dict(l=0, r=0, t=0, b=44), clickmode="event+select",
                      coloraxis_colorbar=dict(title=dict(text="killed", side="top"), orientation="h", x=0.0,
                                              xanchor="left", y=0.0, yanchor="top", len=0.6, thickness=10,
                                              tickformat=",d", **({"dtick": 1} if kmax <= 8 else {})))
    if outlines and outlines.get("features"):
        fig.update_layout(map_layers=[dict(sourcetype="geojson", source=outlines, type="line", color="#9e9e9e",
                                           line=dict(width=0.7), below="traces")])
    return fig


def _stance_basis(pol: str, su: int, ne: int, op: int) -> str:
    """How the shown polarity was decided (for the hover): one article's stored stance, or the majority."""
    n = int(su) + int(ne) + int(op)
    if n <= 1:
        return f"stored stance of 1 article: {pol}"
    counts = sorted((int(su), int(ne), int(op)), reverse=True)
    how = "tie between articles, shown as neutral" if counts[0] == counts[1] else "majority of the articles"
    return f"{how} ({n} articles: support {su} · neutral {ne} · oppose {op})"


def _stance_why(row: dict) -> str:
    """Hover lines with the stance's confidence and the words that decided it (escaped), when known."""
    out = ""
    conf = row.get("confidence")
    if conf is not None and conf == conf:  # NaN for rows stored before confidences existed
        out += f"<br>confidence {float(conf):.2f}"
    cues = row.get("cues")
    if cues is not None and len(cues):
        out += "<br>decided by: " + ", ".join(_esc(str(c)) for c in cues)
    return out


def stance_figure(df: pd.DataFrame, topic_labels: dict[str, str] | None = None) -> go.Figure:
    """Diverging bars: one bar per (speaker, topic), x = mean score from oppose (-1) to support (+1).

    The colour and the text are the **stored** polarity (``df["polarity"]``: the extraction's
    verdict, the majority when several articles, neutral on a tie), with the mean score beside it;
    the hover says how the polarity was decided. Each bar's label (speaker · topic) is written
    *above* the bar across the full width, so narrow (mobile) screens do not clip it; the stance
    text sits inside long bars and beside short ones. ``customdata`` holds ``[speaker, topic]``
    for selections.
    """
    topic_labels = topic_labels or {}
    d = df.copy()
    d["label"] = [f"{_esc(s)} · {_esc(topic_labels.get(t, t))}" for s, t in zip(d["speaker"], d["topic"])]
    # a neutral verdict of articles that disagree whose mean leans as far as a polarity would (one oppose, one neutral)
    # is drawn hatched and called mixed, so the grey colour and the bar's length do not seem to contradict each other
    mixed = [p == "neutral" and abs(sc) >= SUPPORT_THRESHOLD and (su > 0) + (ne > 0) + (op > 0) >= 2
             for p, sc, su, ne, op in zip(d["polarity"], d["score"], d["support"], d["neutral"], d["oppose"])]
    d["text"] = [f"{'neutral (mixed)' if mx else p} {sc:+.2f}" for p, sc, mx in zip(d["polarity"], d["score"], mixed)]
    d["pattern"] = ["/" if mx else "" for mx in mixed]
    # bars need some length to be clickable even when the mean is 0
    d["bar"] = [sc if abs(sc) >= 0.04 else (0.04 if sc >= 0 else -0.04) for sc in d["score"]]
    fig = go.Figure()
    for pol in ("oppose", "neutral", "support"):
        part = d[d["polarity"] == pol]
        if part.empty:
            continue
        fig.add_bar(
            x=part["bar"], y=part["label"], orientation="h", name=pol, marker_color=POLARITY_COLOURS[pol],
            marker_pattern_shape=list(part["pattern"]),
            text=part["text"], textposition=["inside" if abs(b) >= 0.6 else "outside" for b in part["bar"]],
            insidetextanchor="middle", cliponaxis=False, textfont=dict(size=11), width=0.5,
            customdata=part[["speaker", "topic"]].to_numpy(),
            hovertext=[
                f"<b>{lbl}</b><br>stance: {pol} · mean score {sc:+.2f}<br>{_stance_basis(pol, su, ne, op)}"
                f"<br>evidence quotes: {int(ev)}{_stance_why(row)}"
                for lbl, sc, su, ne, op, ev, row in zip(part["label"], part["score"], part["support"], part["neutral"],
                                                       part["oppose"], part["evidence"], part.to_dict("records"))
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    # labels above the bars (left-aligned at the plot's left edge), not as y tick labels; the zero line is
    # drawn beside each bar only (a segment per row), so a long label, which crosses the middle of a
    # phone-wide chart, never has the axis through it
    for i, lbl in enumerate(d["label"]):
        fig.add_annotation(x=0, xref="paper", y=lbl, yref="y", text=lbl, showarrow=False, xanchor="left",
                           yanchor="bottom", yshift=14, font=dict(size=12, color="#222"))
        fig.add_shape(type="line", xref="x", yref="y", x0=0, x1=0, y0=i - 0.25, y1=i + 0.25, layer="above",
                      line=dict(color="#444", width=2))
    fig.update_layout(
        barmode="overlay", height=max(260, 46 * len(d) + 120), margin=dict(l=6, r=6, t=60, b=40),
        xaxis=dict(range=[-1.3, 1.3], zeroline=False, fixedrange=True,
                   tickvals=[-1, 0, 1], ticktext=["oppose −1", "neutral 0", "support +1"]),
        yaxis=dict(autorange="reversed", title=None, categoryorder="array", categoryarray=list(d["label"]),
                   showticklabels=False, fixedrange=True),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", title="stance"),
        clickmode="event+select",
    )
    return fig


def time_bin(span_days: int) -> str:
    """The bar width for a date span: ``"day"`` up to 62 days, ``"week"`` up to 2 years, else ``"month"``."""
    if span_days <= 62:
        return "day"
    if span_days <= 730:
        return "week"
    return "month"


def date_bins(dates: pd.Series) -> tuple[pd.Series, str]:
    """The start of each date's bin (Timestamps) and the bin name, day, week or month by the dates' span
    (:func:`time_bin`); a week starts on Monday, a month on its first day."""
    d = pd.to_datetime(dates)
    unit = time_bin(int((d.max() - d.min()).days) if len(d) else 0)
    if unit == "day":
        return d.dt.normalize(), unit
    if unit == "week":
        return (d - pd.to_timedelta(d.dt.day_of_week, unit="D")).dt.normalize(), unit
    return d.dt.to_period("M").dt.start_time, unit


_BIN_MS = {"day": 86_400_000, "week": 7 * 86_400_000, "month": 30.4 * 86_400_000}
UNKNOWN_PLACE = "place not resolved"
CHART_PLACES = 12  # places with their own colour in the casualty chart (most killed first); the rest share one
# the places' colours: Plotly's default qualitative palette repeats after 10, so 12 places take a 24-colour one
# (its first 12 are distinct at a glance); the grouped "N other places" and the unresolved ones are grey
PLACE_COLOURS = px.colors.qualitative.Dark24[:CHART_PLACES]
OTHER_PLACES_COLOUR = "#b0b0b0"


def bin_casualties(df: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Sum (place, date) casualty rows into day, week or month bins chosen by the data's span.

    Args:
        df (DataFrame): ``place``, ``date``, ``killed``, ``injured``, ``events`` (dated rows only).

    Returns:
        tuple[DataFrame, str]: rows per (``bin`` start as Timestamp, ``place``) with the sums, and the bin
        name (:func:`time_bin`); a week starts on Monday, a month on its first day.
    """
    d = df.copy()
    d["bin"], unit = date_bins(d["date"])
    out = d.groupby(["bin", "place"], as_index=False, dropna=False)[["killed", "injured", "events"]].sum()
    return out, unit


def casualty_figure(df: pd.DataFrame) -> go.Figure:
    """Stacked bars of people killed per day, week or month (by the data's span), one colour per place.

    Bars are as wide as their bin; the y axis has integer ticks only; a casualty whose place was not
    resolved is one legend entry, :data:`UNKNOWN_PLACE`. The :data:`CHART_PLACES` places with most people
    killed keep their own colour; the others are one entry, "N other places" (so the key stays short on a
    phone; the table lists every place). The hover gives the bin, place, killed, injured and events;
    ``customdata[0]`` is the place (select a bar to show it on the map), :data:`UNKNOWN_PLACE` for the
    grouped ones.
    """
    d, unit = bin_casualties(df)
    d["place"] = d["place"].where(d["place"].notna() & (d["place"] != "unknown"), UNKNOWN_PLACE)
    known = d[d["place"] != UNKNOWN_PLACE].groupby("place")["killed"].sum().sort_values(ascending=False, kind="stable")
    if len(known) > CHART_PLACES:
        rest = set(known.index[CHART_PLACES:])
        other = f"{len(rest)} other places"
        d["place_label"] = d["place"].map(lambda p: other if p in rest else _esc(p))
        d["place"] = d["place"].where(~d["place"].isin(rest), UNKNOWN_PLACE)
        d = d.groupby(["bin", "place", "place_label"], as_index=False, sort=False)[["killed", "injured", "events"]].sum()
    else:
        d["place_label"] = d["place"].map(_esc)
    fmt = {"day": "%Y-%m-%d", "week": "week of %Y-%m-%d", "month": "%B %Y"}[unit]
    d["when"] = d["bin"].dt.strftime(fmt)
    own = [_esc(p) for p in known.index[:CHART_PLACES]]
    grey = {label: OTHER_PLACES_COLOUR for label in d["place_label"].unique() if label not in own}
    fig = px.bar(d, x="bin", y="killed", color="place_label", custom_data=["place", "injured", "events", "place_label",
                                                                            "when"],
                 labels={"place_label": "place", "killed": f"killed (at least) per {unit}"},
                 color_discrete_map={**dict(zip(own, PLACE_COLOURS)), **grey})
    fig.update_traces(hovertemplate="%{customdata[4]}<br>%{customdata[3]}<br>killed ≥ %{y} · injured ≥ "
                                    "%{customdata[1]}<br>events: %{customdata[2]}<extra></extra>")
    fig.update_traces(width=_BIN_MS[unit] * 0.85, offset=0)  # bars start at their bin and span it
    fig.update_xaxes(type="date", title=None, tickformat="%Y-%m-%d" if unit != "month" else "%b %Y")
    if len(d) and d["bin"].nunique() == 1:  # keep a single bin readable instead of zooming to milliseconds
        day = pd.Timestamp(d["bin"].iloc[0])
        fig.update_xaxes(range=[day - pd.Timedelta(days=3), day + pd.Timedelta(milliseconds=_BIN_MS[unit])
                                + pd.Timedelta(days=3)])
    top = float(d.groupby("bin")["killed"].sum().max()) if len(d) else 0.0
    fig.update_yaxes(tickformat=",d", rangemode="tozero", **({"dtick": 1} if top <= 8 else {}))
    fig.update_layout(height=390, margin=dict(l=10, r=10, t=TITLE_MARGIN, b=10), barmode="stack",
                      clickmode="event+select", title=title_below_toolbar(f"People killed per {unit}"),
                      # the key under the chart, so a phone keeps the bars' width
                      legend=dict(title_text="place", orientation="h", x=0.0, xanchor="left", y=-0.12,
                                  yanchor="top"))
    return fig


# Cause groups of the map's playback, in legend order, with their colours.
CAUSE_VIOLENCE = "attacks and armed violence"
CAUSE_DISASTER = "disasters and accidents"
CAUSE_NONE = "no cause named (disease outbreaks among them)"
CAUSE_COLOURS = {CAUSE_VIOLENCE: "#b2182b", CAUSE_DISASTER: "#ef8a00", CAUSE_NONE: "#6a3d9a"}


def cause_group(cause: str | None) -> str:
    """The colour group of a casualty ``cause`` (a label of ``CASUALTY_CAUSES``): :data:`CAUSE_DISASTER` for the
    natural disasters and accidents of ``DISASTER_CAUSES``, :data:`CAUSE_NONE` when no cause was named (deaths
    of an epidemic, of an unnamed cause), else :data:`CAUSE_VIOLENCE` (strikes, shelling, shooting, bombs ...)."""
    from components.lexicon import DISASTER_CAUSES

    if cause is None or (isinstance(cause, float) and math.isnan(cause)) or not str(cause).strip():
        return CAUSE_NONE
    return CAUSE_DISASTER if str(cause).strip().lower() in DISASTER_CAUSES else CAUSE_VIOLENCE


def playback_frames(df: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Casualty points (:func:`components.store.queries.casualty_points`) summed per period, place and cause group.

    Returns:
        tuple[DataFrame, str]: rows ``bin`` (period start), ``period`` (its label), ``place``, ``group``
        (:func:`cause_group`), ``lat``, ``lon``, ``killed``, ``injured``, ordered by period; and the period
        unit (day, week or month by the data's span, :func:`time_bin`).
    """
    d = df.copy()
    d["group"] = [cause_group(c) for c in d["cause"]]
    d["bin"], unit = date_bins(d["date"])
    out = (d.groupby(["bin", "place", "group"], as_index=False)
           .agg(lat=("lat", "mean"), lon=("lon", "mean"), killed=("killed", "sum"), injured=("injured", "sum")))
    fmt = {"day": "%Y-%m-%d", "week": "week of %Y-%m-%d", "month": "%B %Y"}[unit]
    out["period"] = out["bin"].dt.strftime(fmt)
    return out.sort_values(["bin", "place", "group"]).reset_index(drop=True), unit


def playback_figure(df: pd.DataFrame, map_style: str = OFFLINE_MAP_STYLE, height: int = 520,
                    outlines: dict | None = None) -> go.Figure:
    """Casualty events played over time: one animation frame per period (Plotly frames, a Play button and a
    period slider), a marker per place and cause group, area ~ people killed, colour = cause group
    (:data:`CAUSE_COLOURS`), so deaths in attacks, in disasters and of no named cause never share a colour.

    Args:
        df (DataFrame): :func:`components.store.queries.casualty_points` rows (empty: an empty map).

    Returns:
        Figure: one ``Scattermap`` trace per cause group (all present in every frame, so a group first seen
        late still shows), ``frames`` named by period label, ``layout.sliders[0]`` with one step per period,
        and the colour key as the annotation above the map (every group, whatever the frame shows).
    """
    d, unit = playback_frames(df)
    periods = list(dict.fromkeys(d["period"]))
    kmax = max(1.0, float(d["killed"].max()) if len(d) else 1.0)

    def traces(rows: pd.DataFrame) -> list[go.Scattermap]:
        out = []
        for group, colour in CAUSE_COLOURS.items():
            g = rows[rows["group"] == group]
            out.append(go.Scattermap(
                lat=list(g["lat"]), lon=list(g["lon"]), mode="markers", name=group, legendgroup=group,
                marker=dict(size=[8 + 34 * math.sqrt(k / kmax) for k in g["killed"]], color=colour, opacity=0.8),
                hovertext=[f"<b>{_esc(p)}</b> · {_esc(w)}<br>killed ≥ {int(k)} · injured ≥ {int(i)}<br>{_esc(group)}"
                           for p, w, k, i in zip(g["place"], g["period"], g["killed"], g["injured"])],
                hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            ))
        return out

    first = d[d["period"] == periods[0]] if periods else d
    fig = go.Figure(data=traces(first), frames=[go.Frame(name=p, data=traces(d[d["period"] == p])) for p in periods])
    center, zoom = _zoom_for(d)
    play = dict(frame=dict(duration=900, redraw=True), transition=dict(duration=0), fromcurrent=True, mode="immediate")
    fig.update_layout(
        map=dict(style=map_style, center=center, zoom=zoom), height=height, margin=dict(l=0, r=0, t=30, b=0),
        # a fixed key instead of Plotly's legend, which lists only the groups of the frame shown first
        annotations=[dict(text="killed by: " + " ".join(f'<span style="color:{c}">●</span> {_esc(g)}'
                                                        for g, c in CAUSE_COLOURS.items()),
                          x=0.0, y=1.0, xref="paper", yref="paper", xanchor="left", yanchor="bottom",
                          showarrow=False, font=dict(size=12))],
        updatemenus=[dict(type="buttons", direction="left", x=0.0, y=0.0, xanchor="left", yanchor="top",
                          pad=dict(t=40, r=10), showactive=False,
                          buttons=[dict(label="▶ Play", method="animate", args=[None, play]),
                                   dict(label="❚❚ Pause", method="animate",
                                        args=[[None], dict(frame=dict(duration=0, redraw=False), mode="immediate")])])],
        sliders=[dict(active=0, x=0.16, len=0.84, y=0.0, yanchor="top", pad=dict(t=30),
                      currentvalue=dict(prefix=f"{unit}: ", font=dict(size=13)),
                      steps=[dict(label=p, method="animate",
                                  args=[[p], dict(frame=dict(duration=0, redraw=True), mode="immediate")])
                             for p in periods])],
    )
    if outlines and outlines.get("features"):
        fig.update_layout(map_layers=[dict(sourcetype="geojson", source=outlines, type="line", color="#9e9e9e",
                                           line=dict(width=0.7), below="traces")])
    return fig
