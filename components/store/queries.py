"""The dashboard's page queries: parameterised, aggregated in DuckDB, paged.

Each function takes the :class:`~components.store.filters.QueryFilters` of the
sidebar and returns only what its view shows (counts, aggregates, one page of
rows). The filters' SQL comes from :mod:`components.store.filters` (values
bound, identifiers from fixed tables); the sidebar's option lists are in
:mod:`components.store.options`. This module re-exports both modules' public
names, so ``queries`` stays the one entry point of :mod:`components.ui.loaders`.

Nothing here imports Streamlit; caching lives in :mod:`components.ui.loaders`.
"""

from __future__ import annotations

import pandas as pd

from . import Store, aggregates, casualty_facts, numbers, stance_facts
from .filters import (  # noqa: F401  (re-exported)
    FILTER_DEFS, JOIN_QUOTE_ROW, JOIN_SPEAKER, QUOTE_KINDS, QUOTE_SCOPE_CTE, TARGETS, FilterDef, QueryFilters, from_where,
    needs_quote_scope, quote_scope_cte, quote_scope_filters, where_clauses, where_sql,
)
from .options import FACETS, date_span, facet_counts, filter_options, known_values  # noqa: F401  (re-exported)

# Indexes the dashboard needs: the per-article and per-speaker look-ups of the detail views (article
# reader, quote detail, speaker card, stance evidence). Rows of one article are stored together, but
# ids are not in sorted order, so zone maps cannot prune and each look-up would scan the column
# (~30 ms at 1M quotes); with these ART indexes DuckDB 2.0 answers them in ~2 ms. Names are fixed here.
DASHBOARD_INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS quotes_article_idx ON quotes (article_id)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_idx ON quotes (speaker)",
    "CREATE INDEX IF NOT EXISTS places_article_idx ON places (article_id)",
    "CREATE INDEX IF NOT EXISTS casualties_article_idx ON casualties (article_id)",
    "CREATE INDEX IF NOT EXISTS stances_article_idx ON stances (article_id)",
    "CREATE INDEX IF NOT EXISTS stances_speaker_idx ON stances (speaker)",
    "CREATE INDEX IF NOT EXISTS article_speakers_article_idx ON article_speakers (article_id)",
    "CREATE INDEX IF NOT EXISTS casualty_facts_event_idx ON casualty_facts (event_id)",
)


def _ix(store: Store) -> bool:
    """Whether the filters may read ``article_index`` (:func:`components.store.aggregates.index_available`)."""
    return aggregates.index_available(store)


def _scope(store: Store, f: QueryFilters, target: str | None = None) -> str | None:
    """The table of the article numbers passing the quote-level filters of ``f`` that ``target``'s rows are kept by
    (:func:`~components.store.filters.quote_scope_filters`; all of them without ``target``), kept by the store for that
    state (:meth:`~components.store.Store.filter_scope`; a read-only reader keeps them), or None: the filters
    are then evaluated in the statement. With ``target``, None also when that target's rows do not need it (its
    own columns answer every active quote-level filter: :func:`~components.store.filters.needs_quote_scope`), so
    no table is made for a page that does not read it."""
    if not needs_quote_scope(f, target):
        return None
    return store.filter_scope(quote_scope_filters(f, target), _ix(store))


def _article_key(store: Store) -> str:
    """The column counting distinct articles: ``article_no`` (an INTEGER, :mod:`components.store.numbers`) when
    the store has the numbers with its index, else ``article_id``; one number per id, so the counts are equal."""
    return "article_no" if _ix(store) else "article_id"


def ensure_indexes(store: Store) -> None:
    """Create :data:`DASHBOARD_INDEXES` if missing (idempotent; once per store file, seconds at 1M quotes)."""
    for sql in DASHBOARD_INDEXES:
        store.execute(sql)


# ---------------------------------------------------------------- overview


def _event_of(idx: str = "c.idx") -> str:
    """SQL of the event across articles (components/store/events.py) of the casualty record ``c`` with index
    ``idx`` (its own key when not grouped); ``coalesce(c.part_of, c.idx)`` gives a part its event's."""
    return (f"coalesce((SELECT e.event_id FROM casualty_events e WHERE e.article_id = c.article_id AND e.idx = {idx}), "
            f"c.article_id || ':' || CAST({idx} AS VARCHAR))")


_EVENT_OF = _event_of()


def _sum(col: str) -> str:
    """SQL summing the counts in ``col`` (a fixed column) as BIGINT, as ``count(*)`` gives them (DuckDB
    sums BIGINTs as HUGEINT, which pandas reads as float)."""
    return f"CAST(sum({col}) AS BIGINT)"


def _cite(store: Store, df: pd.DataFrame) -> pd.DataFrame:
    from .citations import add_citations

    return add_citations(store, df)


def _cas_target(store: Store) -> str:
    """The filter target of casualty records: ``casualty_fact`` (one table with each record's article fields,
    event and rank: :mod:`components.store.casualty_facts`) when the store has it, else ``casualty``."""
    return "casualty_fact" if casualty_facts.available(store) else "casualty"


def _event_maxima(target: str, fw: str) -> str:
    """CTEs ``cr`` (the event rows passing ``fw``, a FROM-WHERE of ``target``), ``ce`` (per event its reports
    and the largest lower bounds) and ``ca`` (one row: ``n`` events, ``r`` reports, ``k``, ``i``, ``m`` the
    summed maxima), ending with a comma. Without filters on ``casualty_facts`` the events' rank-1 rows carry
    their totals (no grouping)."""
    if target == "casualty_fact" and "WHERE" not in fw:
        return ("ca AS (SELECT count(*) AS n, sum(ev_reports) AS r, "
                "sum(ev_killed) AS k, sum(ev_injured) AS i, sum(ev_missing) AS m FROM casualty_facts c "
                "WHERE c.part_of IS NULL AND c.ev_rank = 1),")
    ev = "c.event_id" if target == "casualty_fact" else _EVENT_OF
    return (f"cr AS (SELECT {ev} AS ev, c.killed_min, c.injured_min, c.missing_min{fw} {_and(fw)} c.part_of IS NULL), "
            "ce AS (SELECT count(*) AS n, max(killed_min) AS k, max(injured_min) AS i, max(missing_min) AS m "
            "FROM cr GROUP BY ev), "
            "ca AS (SELECT count(*) AS n, sum(n) AS r, sum(k) AS k, sum(i) AS i, sum(m) AS m FROM ce),")


def overview_counts(store: Store, f: QueryFilters) -> dict[str, int]:
    """Counts under the filters.

    Returns:
        dict[str, int]: ``articles``, ``quotes``, ``speakers`` (distinct names),
        ``places`` (distinct place names), ``mentions`` (place mentions),
        ``casualty_events`` (events across articles, :mod:`components.store.events`), ``killed``,
        ``injured``, ``missing`` (per event the largest lower bound ``*_min`` of its reports, summed;
        vague words count as their lower bound; a breakdown's parts
        are inside their event's count, never added).
    """
    scope = quote_scope_cte(f, index=_ix(store), scope_table=_scope(store, f))
    fw_q, pq = from_where(f, "quote", index=_ix(store))
    fw_a, pa = from_where(f, "article", use_quote_scope=True, index=_ix(store), scope_table=_scope(store, f, "article"))
    fw_p, pp = from_where(f, "place", use_quote_scope=True, index=_ix(store), scope_table=_scope(store, f, "place"))
    ct = _cas_target(store)
    fw_c, pc = from_where(f, ct, use_quote_scope=True, index=_ix(store), scope_table=_scope(store, f, ct))
    head, hp = (scope[0] + ", ", scope[1]) if scope else ("", [])
    qa = f"SELECT count(*) AS n, count(DISTINCT q.speaker) AS sp{fw_q}"
    pla = f"SELECT count(DISTINCT p.name) AS names, count(*) AS n{fw_p}"
    # the same counts from the aggregate tables when the filters name only their keys (aggregates.py)
    qrows, prows = aggregates.quote_rows(store, f), aggregates.place_rows(store, f)
    if qrows:
        qa, pq = f"SELECT {_sum('quotes')} AS n, count(DISTINCT speaker) AS sp FROM {qrows[0]}", qrows[1]
    if prows:
        pla, pp = f"SELECT count(DISTINCT name) AS names, {_sum('mentions')} AS n FROM ({prows[0]})", prows[1]
    elif (groups := _place_groups(store, f)) is not None:  # the passing mentions grouped once for the state
        pla, pp = f"SELECT count(DISTINCT name) AS names, {_sum('mentions')} AS n FROM {groups}", []
    row = store.execute(
        f"WITH {head}aa AS (SELECT count(*) AS n{fw_a}), "
        f"qa AS ({qa}), "
        f"pa AS ({pla}), "
        f"{_event_maxima(ct, fw_c)} SELECT aa.n, qa.n, qa.sp, pa.names, pa.n, ca.n, ca.k, ca.i, ca.m FROM aa, qa, pa, ca",
        hp + pa + pq + pp + pc,
    ).fetchone()
    keys = ("articles", "quotes", "speakers", "places", "mentions", "casualty_events", "killed", "injured", "missing")
    return {k: int(v or 0) for k, v in zip(keys, row)}


# Speaker types that are named sources (people and organisations, with a speaker card); groups
# ("officials"), documents ("initial reports") and unknown sources are not.
NAMED_SPEAKER_TYPES = aggregates.NAMED_TYPES  # ("person", "organisation")
# semi-join keeping named speakers: a name some article's speaker card gives a named type
_NAMED = "{col} IN (SELECT name FROM article_speakers WHERE type IN ('person', 'organisation'))"


def _named(store: Store, col: str) -> str:
    """SQL keeping the named speakers in ``col`` (a fixed column of the caller): from ``named_speakers`` (one
    row per name, aggregates.py) when the store has it, else the semi-join over every speaker card."""
    if aggregates.available(store):
        return f"{col} IN (SELECT name FROM named_speakers)"
    return _NAMED.format(col=col)


def top_speakers(store: Store, f: QueryFilters, limit: int = 10, named_only: bool = False) -> pd.DataFrame:
    """Speakers with the most quotes under the filters.

    Args:
        named_only (bool): only named sources (:data:`NAMED_SPEAKER_TYPES`), not "officials" or
            "a report".

    Returns:
        DataFrame: ``speaker``, ``quotes``, ``articles``, ``role``, ``country`` (most frequent), sorted by quotes desc.
    """
    fw, params = from_where(f, "quote", index=_ix(store))
    andw = "AND" if "WHERE" in fw else "WHERE"
    named = f" AND {_named(store, 'q.speaker')}" if named_only else ""
    aid = _article_key(store)
    rows = aggregates.quote_rows(store, f)
    if rows:  # from the aggregates (aggregates.py); articles per speaker summed there unless kinds filter
        arts = (f"SELECT speaker, {_sum('articles')} AS articles FROM fq "
                "WHERE speaker IN (SELECT speaker FROM t) GROUP BY speaker")
        aparams = []
        if f.kinds or f.topics:  # an article with quotes of two kinds (topic sets) is in both rows: count on the rows
            arts = (f"SELECT q.speaker, count(DISTINCT q.{aid}) AS articles{fw} {andw} "
                    "q.speaker IN (SELECT speaker FROM t) GROUP BY q.speaker")
            aparams = params
        named = f" AND {_named(store, 'speaker')}" if named_only else ""
        return store.df(
            f"""
            WITH fq AS MATERIALIZED (SELECT speaker, quotes, articles FROM {rows[0]} WHERE speaker IS NOT NULL{named}),
                 t AS (SELECT speaker, {_sum('quotes')} AS quotes FROM fq GROUP BY speaker
                       ORDER BY quotes DESC, speaker LIMIT ?),
                 n AS ({arts}),
                 sp AS (SELECT name, mode(role) AS role, mode(country) AS country FROM article_speakers
                        WHERE name IN (SELECT speaker FROM t) GROUP BY name)
            SELECT t.speaker, t.quotes, n.articles, sp.role, sp.country
            FROM t JOIN n ON n.speaker = t.speaker LEFT JOIN sp ON sp.name = t.speaker
            ORDER BY t.quotes DESC, t.speaker
            """,
            rows[1] + [limit] + aparams,
        )
    return store.df(
        f"""
        WITH fq AS MATERIALIZED (SELECT q.speaker, q.{aid} AS article{fw} {andw} q.speaker IS NOT NULL{named}),
             t AS (SELECT speaker, count(*) AS quotes FROM fq GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT ?),
             n AS (SELECT speaker, count(DISTINCT article) AS articles FROM fq
                   WHERE speaker IN (SELECT speaker FROM t) GROUP BY speaker),
             sp AS (SELECT name, mode(role) AS role, mode(country) AS country FROM article_speakers
                    WHERE name IN (SELECT speaker FROM t) GROUP BY name)
        SELECT t.speaker, t.quotes, n.articles, sp.role, sp.country
        FROM t JOIN n ON n.speaker = t.speaker LEFT JOIN sp ON sp.name = t.speaker
        ORDER BY t.quotes DESC, t.speaker
        """,
        params + [limit],
    )


# a place name's country: the one its mentions give most often, the first in alphabetical order on a tie
# (over rows ``name, country, m`` of mention counts; "Porto" of Portugal and of Brazil)
_MOST_MENTIONED = "first(country ORDER BY m DESC, country)"


def _hold_mentions(f: QueryFilters) -> bool:
    """Whether a page may hold the place mentions passing ``f`` (materialised once, counted several ways)
    rather than semi-join ``places`` once per count: not under a text search, a substring that passes many
    articles ('health': 19 % of them, 3.7 M of the 16.6 M mentions at 10M quotes), where holding them cost
    more than the joins (map 1.25 -> 1.5 s), while under topic, kind or country filters it saves one to two
    of the 0.3 s joins (map 1.2 -> 0.45-0.95 s, top places 0.46 -> 0.15-0.29 s)."""
    return not f.text


# the place mentions passing a filter state grouped by name and country (the shape of the aggregates' place rows,
# aggregates.py, without distinct articles or coordinates)
_PLACE_GROUPS = "SELECT p.name, p.country, count(*) AS mentions"


def _place_groups(store: Store, f: QueryFilters) -> str | None:
    """The name of a table of the place mentions passing ``f`` grouped by ``name`` and ``country`` (column
    ``mentions``), kept by the store for that state (:meth:`~components.store.Store.state_table`; a read-only reader
    keeps them), or None: when the aggregate tables answer ``f`` (:func:`~components.store.aggregates.place_rows`),
    when a page may hold the passing mentions instead (:func:`_hold_mentions`: not under a text search) or when the
    store keeps none. One scan of the passing mentions then serves the overview's counts and the top places'
    mentions and countries (which scanned them three times more), on the overview and again on a later visit under
    the same state. Under a text search 3.4 M of the 15.2 M mentions pass at 10M quotes, in about 5,000 groups.
    Under topic and kind filters (0.4 M mentions) the groups cost more than they saved (the overview's CPU time
    0.61-0.66 -> 0.73-0.84 s at load 3.4-3.9), as the page holds the passing mentions there."""
    if _hold_mentions(f) or aggregates.place_rows(store, f) is not None:
        return None
    scope = quote_scope_cte(f, index=_ix(store), scope_table=_scope(store, f))
    fw, params = from_where(f, "place", use_quote_scope=True, index=_ix(store), scope_table=_scope(store, f, "place"))
    head, hp = (f"WITH {scope[0]} ", scope[1]) if scope else ("", [])
    return store.state_table(("place_groups", f, _ix(store)), f"{head}{_PLACE_GROUPS}{fw} GROUP BY p.name, p.country",
                             hp + params)


def top_places(store: Store, f: QueryFilters, limit: int = 10) -> pd.DataFrame:
    """Most mentioned places under the filters.

    Returns:
        DataFrame: ``place``, ``country`` (the one most of its mentions give; on a tie the first in
        alphabetical order), ``mentions``, ``articles``, sorted by mentions desc.
    """
    scope = quote_scope_cte(f, index=_ix(store), scope_table=_scope(store, f))
    fw, params = from_where(f, "place", use_quote_scope=True, index=_ix(store), scope_table=_scope(store, f, "place"))
    andw = "AND" if "WHERE" in fw else "WHERE"
    head, hp = (scope[0] + ", ", scope[1]) if scope else ("", [])
    aid = _article_key(store)
    prows = aggregates.place_rows(store, f)
    if prows:  # from the aggregates (aggregates.py); with a country filter the articles are counted on the rows
        d = (f"SELECT name, {_sum('name_articles')} AS articles FROM pr "
             "WHERE name IN (SELECT place FROM t) GROUP BY name")
        dp: list = []
        if f.countries:  # an article naming a place in two of the countries is in both countries' counts
            d = (f"SELECT p.name, count(DISTINCT p.{aid}) AS articles{fw} {andw} p.name IN (SELECT place FROM t) "
                 "GROUP BY p.name")
            dp = params
        return store.df(
            f"""
            WITH pr AS MATERIALIZED ({prows[0]}),
                 t AS (SELECT name AS place, {_sum('mentions')} AS mentions FROM pr GROUP BY name
                       ORDER BY mentions DESC, place LIMIT ?),
                 dc AS (SELECT name, {_MOST_MENTIONED} AS country FROM (
                            SELECT name, country, sum(mentions) AS m FROM pr
                            WHERE country IS NOT NULL AND name IN (SELECT place FROM t) GROUP BY ALL) GROUP BY name),
                 d AS ({d})
            SELECT t.place, dc.country, t.mentions, d.articles FROM t JOIN d ON d.name = t.place
            LEFT JOIN dc ON dc.name = t.place ORDER BY t.mentions DESC, t.place
            """,
            prows[1] + [limit] + dp,
        )
    groups = _place_groups(store, f)
    if groups is not None:  # mentions and countries from the state's groups; distinct articles of the top names
        return store.df(
            f"""
            WITH {head}t AS (SELECT name AS place, {_sum('mentions')} AS mentions FROM {groups} GROUP BY name
                             ORDER BY mentions DESC, place LIMIT ?),
                 dc AS (SELECT name, {_MOST_MENTIONED} AS country FROM (
                            SELECT name, country, sum(mentions) AS m FROM {groups}
                            WHERE country IS NOT NULL AND name IN (SELECT place FROM t) GROUP BY ALL) GROUP BY name),
                 d AS (SELECT p.name, count(DISTINCT p.{aid}) AS articles{fw} {andw} p.name IN (SELECT place FROM t)
                       GROUP BY p.name)
            SELECT t.place, dc.country, t.mentions, d.articles FROM t JOIN d ON d.name = t.place
            LEFT JOIN dc ON dc.name = t.place ORDER BY t.mentions DESC, t.place
            """,
            hp + [limit] + params,
        )
    # the filters are evaluated once: the passing mentions' name, country and article, counted three ways
    fp = (f"fp AS MATERIALIZED (SELECT p.name, p.country, p.{aid} AS article{fw})" if _hold_mentions(f) else
          f"fp AS NOT MATERIALIZED (SELECT p.name, p.country, p.{aid} AS article{fw})")
    return store.df(
        f"""
        WITH {head}{fp},
             t AS (SELECT name AS place, count(*) AS mentions FROM fp GROUP BY name
                   ORDER BY mentions DESC, place LIMIT ?),
             d AS (SELECT name, count(DISTINCT article) AS articles FROM fp
                   WHERE name IN (SELECT place FROM t) GROUP BY name),
             dc AS (SELECT name, {_MOST_MENTIONED} AS country FROM (
                        SELECT name, country, count(*) AS m FROM fp WHERE country IS NOT NULL
                        AND name IN (SELECT place FROM t) GROUP BY ALL) GROUP BY name)
        SELECT t.place, dc.country, t.mentions, d.articles FROM t JOIN d ON d.name = t.place
        LEFT JOIN dc ON dc.name = t.place ORDER BY t.mentions DESC, t.place
        """,
        hp + params + [limit],
    )


# ---------------------------------------------------------------- quotes

# Sort key (a page column) -> its SQL expression (fixed SQL, never user text) over quote_facts q: no join with
# articles. Ties are broken by the article and the position in it.
QUOTE_SORTS = {
    "date": "q.published",
    "speaker": "q.speaker",
    "quote": "q.text",
    "kind": "q.kind",
    "stance": "q.stance",
    "article": "q.article_id",
    "confidence": "q.confidence",
}
# columns whose natural order is the largest or newest first
DESCENDING_FIRST = frozenset({"date", "published", "killed_min", "killed_max", "injured_min", "injured_max",
                              "quotes"})


def order_by(sorts: dict[str, str], sort: str, descending: bool | None, tie: str) -> str:
    """``ORDER BY`` text for the column ``sort`` of an allowlist (``sorts``: key -> SQL expression).

    Args:
        sort (str): a key of ``sorts``.
        descending (bool | None): direction; None = the column's natural one (:data:`DESCENDING_FIRST`).
        tie (str): fixed SQL appended to break ties.

    Raises:
        ValueError: ``sort`` is not in the allowlist.
    """
    if sort not in sorts:
        raise ValueError(f"unknown sort {sort!r}; expected one of {sorted(sorts)}")
    desc = sort in DESCENDING_FIRST if descending is None else descending
    return f"{sorts[sort]} {'DESC' if desc else 'ASC'} NULLS LAST, {tie}"


_QUOTE_TIE = "q.published DESC NULLS LAST, q.article_id, q.start"

QUOTE_PAGE_COLUMNS = ("id", "speaker", "role", "country", "quote", "kind", "topics", "stance", "article", "date",
                      "confidence", "article_id")


def count_quotes(store: Store, f: QueryFilters) -> int:
    """Number of quotes under the filters (from the aggregates when the filters name only their keys)."""
    rows = aggregates.quote_rows(store, f)
    if rows:
        return int(store.execute(f"SELECT coalesce(sum(quotes), 0) FROM {rows[0]}", rows[1]).fetchone()[0])
    fw, params = from_where(f, "quote", index=_ix(store))
    return int(store.execute(f"SELECT count(*){fw}", params).fetchone()[0])


def quotes_page(store: Store, f: QueryFilters, limit: int = 50, offset: int = 0, sort: str = "date",
                descending: bool | None = None) -> pd.DataFrame:
    """One page of quotes under the filters (only the page's rows leave DuckDB).

    Args:
        limit (int): rows per page (1..1000). offset (int): rows to skip (>= 0).
        sort (str): key of :data:`QUOTE_SORTS`. descending (bool | None): see :func:`order_by`.

    Returns:
        DataFrame: ``id``, ``speaker``, ``role``, ``country``, ``quote``, ``kind``,
        ``topics`` (list[str]), ``stance`` (e.g. ``"nato: support"``, ``"; "``-joined,
        from stances whose evidence includes the quote), ``article``
        (title), ``date`` (date), ``confidence`` (in [0, 1], NaN for quotes stored before it existed;
        :mod:`components.extract.confidence`), ``article_id``.

    Raises:
        ValueError: unknown sort, or limit/offset out of bounds.
    """
    order = order_by(QUOTE_SORTS, sort, descending, _QUOTE_TIE)
    if not (1 <= limit <= 1000) or offset < 0:
        raise ValueError(f"limit must be 1..1000 and offset >= 0 (got {limit}, {offset})")
    fw, params = from_where(f, "quote", index=_ix(store))
    if sort == "date" and descending in (None, True):
        # newest first: the page's rows lie in the months from newest_month on (aggregates.py), so only
        # those rows are sorted (a top-n over every quote at 10M costs ~0.3 s)
        since = aggregates.newest_month(store, f, offset + limit)
        if since is not None:
            fw += f" {_and(fw)} q.published >= ?"
            params = params + [since]
    # quote_facts carries every column of the row but role and title: sort and cut there (the row numbers of
    # the page first, from the sort keys alone, then its rows: a top-n carrying every column of the passing
    # quotes cost 2-3 times more at 10M), then look up the page's speakers and articles (at most `limit` of
    # each) by key
    page = store.df(
        f"SELECT q.id, q.speaker, q.text AS quote, q.kind, q.topics, q.stance, q.published AS \"date\", "
        f"q.confidence, q.article_id FROM quote_facts q WHERE q.rowid IN "
        f"(SELECT q.rowid{fw} ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}",
        params + [limit, offset],
    )
    if page.empty:
        return pd.DataFrame(columns=list(QUOTE_PAGE_COLUMNS))
    aids = sorted(set(page["article_id"]))
    aph = ", ".join("?" for _ in aids)  # one placeholder per id: the count comes from our own query
    spk = store.df(f"SELECT article_id, name AS speaker, role, country FROM article_speakers WHERE article_id IN ({aph})",
                   aids)
    titles = dict(store.execute(f"SELECT id, coalesce(title, id) FROM articles WHERE id IN ({aph})", aids).fetchall())
    page = page.merge(spk, how="left", on=["article_id", "speaker"])
    for col in ("role", "country"):  # a speaker without a card: None, as SQL NULL gives, not NaN
        page[col] = page[col].astype(object).where(page[col].notna(), None)
    page["article"] = page["article_id"].map(titles)
    page["confidence"] = page["confidence"].astype(float)
    return page[list(QUOTE_PAGE_COLUMNS)]


def quote_detail(store: Store, quote_id: str) -> dict | None:
    """One quote with its article and its speaker's card, or None if unknown.

    Returns:
        dict: ``quote`` (dict of the quotes row), ``article`` (dict: id, title,
        outlet, published, url, collection, text), ``speaker`` (dict: name,
        role, org, country, type, aliases, n_articles, n_quotes, stances
        (list of (topic, polarity, score))) or None when the quote has no speaker.
    """
    cur = store.execute("SELECT * FROM quotes WHERE id = ?", [quote_id])
    row = cur.fetchone()
    if row is None:
        return None
    quote = dict(zip([d[0] for d in cur.description], row))
    art = store.execute(
        "SELECT id, title, outlet, published, url, collection, text FROM articles WHERE id = ?", [quote["article_id"]]
    ).fetchone()
    article = dict(zip(("id", "title", "outlet", "published", "url", "collection", "text"), art)) if art else None
    speaker = None
    if quote["speaker"]:
        speaker = speaker_card(store, quote["speaker"], quote["article_id"])
    return {"quote": quote, "article": article, "speaker": speaker}


def speaker_card(store: Store, name: str, article_id: str | None = None) -> dict | None:
    """A speaker's card: identity in the article (else merged across articles), counts, stances.

    Returns:
        dict | None: ``name``, ``role``, ``org``, ``country``, ``type``, ``aliases``,
        ``n_articles``, ``n_quotes``, ``stances`` (list of ``(topic, polarity, score)``
        averaged over articles), ``person`` (the same person across articles when stored under
        several names: :func:`components.store.identities.identity`, else None); None when the name
        is unknown.
    """
    row = None
    if article_id is not None:  # the article's cards by its id alone: DuckDB uses the article_id index only for
        # a single equality (with "AND name = ?" it scans every card, ~0.1-0.4 s at 10 M quotes)
        row = next((r for r in store.execute(
            "SELECT name, role, org, country, type, aliases FROM article_speakers WHERE article_id = ?", [article_id],
        ).fetchall() if r[0] == name), None)
    if row is None:
        row = store.execute(
            "SELECT name, role, org, country, type, aliases FROM speakers WHERE name = ?", [name]
        ).fetchone()
    if aggregates.available(store):  # summed over quote_totals' keys: each quote once, each article once
        n_quotes, n_articles = store.execute(
            "SELECT coalesce(CAST(sum(quotes) AS BIGINT), 0), coalesce(CAST(sum(articles) AS BIGINT), 0) "
            "FROM quote_totals WHERE speaker = ?", [name]).fetchone()
    else:
        n_quotes, n_articles = store.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM quotes WHERE speaker = ?", [name]
        ).fetchone()
    if row is None and not n_quotes:
        return None
    card = dict(zip(("name", "role", "org", "country", "type", "aliases"), row or (name, None, None, None, None, [])))
    card.update(n_quotes=int(n_quotes), n_articles=int(n_articles))
    from .identities import canonical_of, identity

    # the person's names and articles only when the name has other forms (a look-up in speaker_identities;
    # identity() lists every article of the person, two scans of quotes at 10 M)
    others = store.execute("SELECT count(*) FROM speaker_identities WHERE canonical = ?",
                           [canonical_of(store, name)]).fetchone()[0]
    person = identity(store, name) if others > 1 else None
    card["person"] = person if person is not None and len(person["variants"]) > 1 else None
    # the Stance page's rule (stance_matrix): the polarity most of the speaker's articles hold, neutral on a
    # tie, with the mean score (a mean above 0.15 read as "support" disagreed with that page)
    card["stances"] = [
        (t, p, float(sc)) for t, p, sc in store.execute(
            f"""SELECT topic, {STANCE_MAJORITY}, avg(score) FROM (
                    SELECT topic, score, polarity = 'support' AS s, polarity = 'oppose' AS o, polarity = 'neutral' AS n
                    FROM stances WHERE speaker = ?)
                GROUP BY topic ORDER BY topic""",
            [name],
        ).fetchall()
    ]
    return card


# ---------------------------------------------------------------- places / map


MAP_MENTION_SAMPLE = aggregates.PLACE_SAMPLE  # mentions per place searched for surrounding quotes (greatest article numbers first)
MAP_HOVER_PLACES = 150  # the most mentioned places get quotes in their hover


# how many times the sample a hover place needs (MAP_MENTION_SAMPLE) its newest articles are expected to hold, when
# the hover's scan of the mentions first reads the newest article numbers only (_hover_window)
MAP_WINDOW_MARGIN = 3.0


def _hover_window(store: Store, f: QueryFilters, markers: str, limit: int) -> tuple[int, int, set[str]] | None:
    """The article numbers the hover's scan of the mentions reads first, from the state's markers (see
    :func:`map_places`): ``(first, lowest, places)``, the smallest number of the window, the smallest of the
    articles passing ``f`` (a scan from it reads them all) and the hover places; or None when a window would hold
    every passing article. The window holds the newest articles in which each hover place is expected to have
    :data:`MAP_WINDOW_MARGIN` times the sample's mentions (its mentions with coordinates spread evenly over the
    passing articles' numbers); the mentions of a store's tables are in article-number order, so the scan skips
    the row groups before it (under a text search at 10M quotes about four fifths of them)."""
    scope = _scope(store, f, "place")
    if scope is None or not _ix(store):
        return None
    lo, hi = store.execute(f"SELECT min(article_no), max(article_no) FROM {scope}").fetchone()
    top = dict(store.execute(f"SELECT place, mentions FROM {markers} ORDER BY mentions DESC, place LIMIT ?",
                             [min(limit, MAP_HOVER_PLACES)]).fetchall())
    if lo is None or not top:
        return None
    span = (hi - lo + 1) * MAP_WINDOW_MARGIN * MAP_MENTION_SAMPLE / min(top.values())
    if span >= hi - lo + 1:
        return None
    return hi - int(span), lo, set(top)


def map_places(store: Store, f: QueryFilters, limit: int = 500, quotes_per_place: int = 3) -> pd.DataFrame:
    """Places to draw on the map: one row per geocoded place name, aggregated.

    Args:
        limit (int): most-mentioned places kept (markers drawn).
        quotes_per_place (int): quotes listed in the hover.

    Returns:
        DataFrame: ``place``, ``country``, ``lat``, ``lon``, ``mentions``, ``killed`` (sum of ``killed_min`` at
        the place under the filters, each event counted once: see :func:`_leaf_sql`), ``injured``, ``top_quotes`` (list of
        ``"Speaker: text"`` for quotes whose span contains a mention of the
        place, shortest first, searched among the place's :data:`MAP_MENTION_SAMPLE`
        newest mentions, for the :data:`MAP_HOVER_PLACES` most mentioned places), sorted by mentions desc.
    """
    scope = quote_scope_cte(f, index=_ix(store), scope_table=_scope(store, f))
    head, hp = (scope[0] + ", ", scope[1]) if scope else ("", [])
    fw, params = from_where(f, "place", use_quote_scope=True, index=_ix(store), scope_table=_scope(store, f, "place"))
    leaf, pc = _leaf_sql(f, facts=casualty_facts.available(store), index=_ix(store),
                             scope_table=_scope(store, f, "casualty"))
    wq, pq = where_sql(f, "quote", index=_ix(store))
    andw = "AND" if "WHERE" in fw else "WHERE"
    nd = aggregates.COORD_DECIMALS
    pl = (f"SELECT p.name AS place, min(p.country) AS country, round(avg(p.lat), {nd}) AS lat, "
          f"round(avg(p.lon), {nd}) AS lon, count(*) AS mentions {fw} {andw} p.lat IS NOT NULL AND p.lon IS NOT NULL "
          "GROUP BY p.name")
    plp = params
    prows = aggregates.place_rows(store, f)
    if prows:  # the same markers from the aggregates (aggregates.py): coordinates are summed there
        pl = (f"SELECT name AS place, min(country) AS country, round(sum(lat_sum) / sum(geo_mentions), {nd}) AS lat, "
              f"round(sum(lon_sum) / sum(geo_mentions), {nd}) AS lon, {_sum('geo_mentions')} AS mentions "
              f"FROM ({prows[0]}) WHERE geo_mentions > 0 GROUP BY name")
        plp = prows[1]
    # under a text search, every marker (not only the limit's) kept for the state, once its scan is made
    markers = None if prows or _hold_mentions(f) else store.state_table(
        ("map_markers", f, _ix(store)), f"WITH {scope[0]} {pl}" if scope else pl, hp + params)
    if markers is not None:
        pl, plp = f"SELECT place, country, lat, lon, mentions FROM {markers}", []
    top = "SELECT place FROM pl ORDER BY mentions DESC, place LIMIT ?"
    # the hover's quotes: from each place's sampled mentions, the quotes around them, shortest first
    aid = _article_key(store)  # the quotes around a sampled mention are joined on its article's number
    # the sample's order: the greatest article number first, as place_samples (aggregates.py), in a store with
    # numbers; a read-only reader of one without them orders by article id (and has no sample table ordered so)
    ono = "article_no" if aid == "article_no" or numbers.available(store) else "article_id"
    # with the state's markers, the newest articles first (_hover_window), counting each place's mentions there
    window = _hover_window(store, f, markers, limit) if markers is not None and aid == "article_no" else None
    hover = f"""sample AS {"MATERIALIZED " if window else ""}(  -- a bounded sample of each place's mentions (top-n aggregate: no sort of all mentions)
        SELECT p.name, {"count(*) AS n, " if window else ""}max_by(struct_pack(article := p.{aid}, "start" := p.start, "end" := p."end"),
                              struct_pack(a := p.{ono}, s := -p.start), ?) AS m
        {fw} {andw} {"p.article_no >= ? AND " if window else ""}p.name IN ({top})
        GROUP BY p.name
    ), cand AS (SELECT name, unnest(m, recursive := true) FROM sample
    ), qp AS (  -- quote_facts has the text's length, so the text is read only for the chosen quotes
        SELECT cand.name AS place, q.id, coalesce(q.speaker, 'unknown') AS speaker,
               row_number() OVER (PARTITION BY cand.name ORDER BY q.text_len, q.id) AS rn
        FROM cand JOIN quote_facts q ON q.{aid} = cand.article AND cand.start >= q.start
                                        AND cand."end" <= q."end"
        {wq}
        QUALIFY rn <= ?
    )"""
    hover_p = [MAP_MENTION_SAMPLE] + params + ([window[0]] if window else []) + [MAP_HOVER_PLACES] + pq
    srows = aggregates.sample_rows(store, f)
    if srows:  # the sampled mentions and their quotes stored per key (aggregates.py); the quote filters
        # (collections, outlets, countries, places of the article) hold for every quote around a passing mention
        hover = f"""cand AS (SELECT s.name, s.quotes FROM ({srows[0]}) s WHERE s.name IN ({top})
        QUALIFY row_number() OVER (PARTITION BY s.name ORDER BY s.article_no DESC, s.start, s.idx) <= ?
    ), qp AS (
        SELECT place, id, coalesce(speaker, 'unknown') AS speaker,
               row_number() OVER (PARTITION BY place ORDER BY text_len, id) AS rn
        FROM (SELECT cand.name AS place, unnest(cand.quotes, recursive := true) FROM cand)
        QUALIFY rn <= ?
    )"""
        hover_p = srows[1] + [MAP_HOVER_PLACES, MAP_MENTION_SAMPLE]
    elif not prows and _hold_mentions(f):  # markers and sample from the passing mentions, read once
        cols = ", ".join(dict.fromkeys(f"p.{c}" for c in (aid, ono)))  # no article id when numbered
        head += f'fp AS MATERIALIZED (SELECT p.name, p.country, p.lat, p.lon, {cols}, p.start, p."end"{fw}), '
        hp = hp + params
        pl = (f"SELECT p.name AS place, min(p.country) AS country, round(avg(p.lat), {nd}) AS lat, "
              f"round(avg(p.lon), {nd}) AS lon, count(*) AS mentions FROM fp p WHERE p.lat IS NOT NULL "
              "AND p.lon IS NOT NULL GROUP BY p.name")
        plp = []
        hover = hover.replace(f"{fw} {andw} p.name IN", "FROM fp p WHERE p.name IN")
        hover_p = [MAP_MENTION_SAMPLE, MAP_HOVER_PLACES] + pq
    sw = (", coalesce(sw.n, 0) AS _n", " LEFT JOIN sample sw ON sw.name = pl.place") if window else ("", "")
    sql = f"""
    WITH {head}pl AS ({pl} ORDER BY mentions DESC, place LIMIT ?
    ), cas AS (
        SELECT place, sum(killed) AS killed, sum(injured) AS injured FROM ({leaf})
        WHERE place IN (SELECT place FROM pl) GROUP BY place
    ), {hover}, qpl AS (SELECT place, list(id ORDER BY rn) AS ids, list(speaker ORDER BY rn) AS speakers FROM qp GROUP BY place)
    SELECT pl.*, coalesce(cas.killed, 0) AS killed, coalesce(cas.injured, 0) AS injured,
           coalesce(qpl.ids, []::VARCHAR[]) AS ids, coalesce(qpl.speakers, []::VARCHAR[]) AS speakers{sw[0]}
    FROM pl LEFT JOIN cas ON cas.place = pl.place LEFT JOIN qpl ON qpl.place = pl.place{sw[1]}
    ORDER BY mentions DESC, pl.place
    """
    df = store.df(sql, hp + plp + [limit] + pc + hover_p + [quotes_per_place])
    if window and any(n < MAP_MENTION_SAMPLE for p, n in zip(df["place"], df["_n"]) if p in window[2]):
        hover_p[1 + len(params)] = window[1]  # a hover place with fewer mentions there than its sample: all of them
        df = store.df(sql, hp + plp + [limit] + pc + hover_p + [quotes_per_place])
    texts = quote_texts(store, [i for ids in df["ids"] for i in ids])
    df["top_quotes"] = [[f"{sp}: {texts[i]}" for i, sp in zip(ids, sps) if i in texts]
                        for ids, sps in zip(df["ids"], df["speakers"])]
    return df.drop(columns=["ids", "speakers"] + (["_n"] if window else []))


def quote_texts(store: Store, ids: list[str]) -> dict[str, str]:
    """The text of each quote id in ``ids`` (unknown ids are left out), by primary-key look-ups.

    One placeholder per id (their number comes from the caller's own query, at most a few hundred).
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    ph = ", ".join("?" for _ in ids)
    return dict(store.execute(f"SELECT id, text FROM quotes WHERE id IN ({ph})", ids).fetchall())


def places_table(store: Store, f: QueryFilters, limit: int | None = None) -> pd.DataFrame:
    """Place mentions under the filters (for downloads), newest articles first.

    Returns:
        DataFrame: ``article_id``, ``place``, ``mention``, ``kind``, ``country``, ``admin1``,
        ``lat``, ``lon``, ``geonameid``, ``start``, ``end``, and the citation: ``title``, ``outlet``,
        ``published``, ``url``, ``sentence`` (:func:`~.citations.add_citations`).
    """
    fw, params = from_where(f, "place", with_article=True, index=_ix(store), scope_table=_scope(store, f, "place"))
    lim = " LIMIT ?" if limit else ""
    return _cite(store, store.df(
        f"SELECT p.article_id, p.name AS place, p.mention, p.kind, p.country, p.admin1, p.lat, p.lon, p.geonameid, "
        f"p.start, p.\"end\"{fw} ORDER BY a.published DESC NULLS LAST, p.article_id, p.idx{lim}",
        params + ([limit] if limit else []),
    ))


# ---------------------------------------------------------------- casualties

_CAS_COLS = (
    "c.article_id, c.idx, c.place, c.country, c.lat, c.lon, c.date, c.killed_min, c.killed_max, c.killed_qualifier, "
    "c.injured_min, c.injured_max, c.injured_qualifier, c.missing_min, c.missing_max, c.perpetrator_killed_min, "
    "c.cause, c.actor, c.start, c.\"end\", c.part_of, c.victims, coalesce(a.title, a.id) AS article, a.published"
)
# an event's parts, listed as "Malatya 27 killed; Adiyaman 14 killed" (one string per event row)
_PARTS_LIST = (
    "string_agg(concat_ws(' ', p.place, CAST(coalesce(p.killed_min, p.injured_min, p.missing_min) AS VARCHAR), "
    "p.victims, CASE WHEN p.killed_min IS NOT NULL THEN 'killed' WHEN p.injured_min IS NOT NULL THEN 'injured' "
    "ELSE 'missing' END), '; ' ORDER BY p.idx)"
)
_CAS_PARTS = f"(SELECT {_PARTS_LIST} FROM casualties p WHERE p.article_id = c.article_id AND p.part_of = c.idx) AS parts"
def _and(fw: str) -> str:
    return "AND" if "WHERE" in fw else "WHERE"


# each event's parts summed, joined to the event row
_JOIN_PART_SUMS = (
    " LEFT JOIN (SELECT article_id, part_of, sum(killed_min) AS k, sum(injured_min) AS i FROM casualties "
    "WHERE part_of IS NOT NULL GROUP BY ALL) ps ON ps.article_id = c.article_id AND ps.part_of = c.idx"
)


def _leaf_sql(f: QueryFilters, with_article: bool = False, date_expr: str = "c.date",
              extra_cols: str = "", facts: bool = False, index: bool = False,
              scope_table: str | None = None) -> tuple[str, list]:
    """SELECT of the casualty rows that place each death once, and its parameters.

    - **One report per event.** Of an event's reports (records of one or several articles that
      :mod:`components.store.events` joins), only the one with the highest figure counts (the largest
      ``killed_min``, then ``injured_min``; ties by article id and index), with its own parts: three articles
      on one bombing (12, 15, then 21 killed) give 21 at its place, not 48 — the same rule as
      :func:`casualty_totals`.
    - **Parts at their own places.** The chosen report's parts are at their own places, and the report at
      its place with what its parts leave (its count minus its parts' counts, at least 0: "41 killed, 27 in
      Malatya and 14 in Adiyaman" gives Malatya 27, Adiyaman 14 and 0 at the event's place). A part whose
      report the filters leave out (a place filter naming the part's place) counts on its own.

    Columns ``place``, ``date``, ``is_event``, ``killed``, ``injured``, then ``extra_cols`` (fixed SQL over
    ``c``, e.g. ``", c.lat, c.lon"``), then the bookkeeping columns ``_a``, ``_top`` (the report's article
    and index); ``date_expr`` may read ``a`` when ``with_article``.

    ``facts``: read ``casualty_facts`` (:mod:`components.store.casualty_facts`), where each record carries its
    event, its report's rank in the event and what it leaves at its place: the chosen report of an event is
    the passing one of smallest rank (rank 1 for all when nothing filters), no window or join per change;
    ``a.`` in ``date_expr`` then reads the record's own copy of the article's columns."""
    if facts:
        return _leaf_facts_sql(f, date_expr.replace("a.published", "c.published"), extra_cols,
                               use_quote_scope=not with_article, index=index, scope_table=scope_table)
    fw, params = from_where(f, "casualty", with_article=with_article, use_quote_scope=not with_article,
                            extra_join=_JOIN_PART_SUMS, index=index, scope_table=scope_table)
    sql = (
        f"WITH leaf AS (SELECT c.place, {date_expr} AS date, c.part_of IS NULL AS is_event, "
        "CASE WHEN c.part_of IS NULL THEN greatest(coalesce(c.killed_min, 0) - coalesce(ps.k, 0), 0) "
        "ELSE coalesce(c.killed_min, 0) END AS killed, "
        "CASE WHEN c.part_of IS NULL THEN greatest(coalesce(c.injured_min, 0) - coalesce(ps.i, 0), 0) "
        f"ELSE coalesce(c.injured_min, 0) END AS injured{extra_cols}, "
        "c.article_id AS _a, coalesce(c.part_of, c.idx) AS _top, "
        f"CASE WHEN c.part_of IS NULL THEN {_EVENT_OF} END AS _ev, c.killed_min AS _k, c.injured_min AS _i{fw}), "
        "chosen AS (SELECT _a, _top FROM leaf WHERE is_event QUALIFY row_number() OVER "
        "(PARTITION BY _ev ORDER BY _k DESC NULLS LAST, _i DESC NULLS LAST, _a, _top) = 1) "
        "SELECT * EXCLUDE (_ev, _k, _i) FROM leaf "
        "WHERE (_a, _top) IN (SELECT (_a, _top) FROM chosen) "
        "OR (NOT is_event AND (_a, _top) NOT IN (SELECT (_a, _top) FROM leaf WHERE is_event))"
    )
    return sql, params


def _leaf_facts_sql(f: QueryFilters, date_expr: str, extra_cols: str, use_quote_scope: bool,
                    index: bool = False, scope_table: str | None = None) -> tuple[str, list]:
    """:func:`_leaf_sql` over ``casualty_facts`` (same columns and rows)."""
    fw, params = from_where(f, "casualty_fact", use_quote_scope=use_quote_scope, index=index, scope_table=scope_table)
    cols = (f"c.place, {date_expr} AS date, c.part_of IS NULL AS is_event, c.leaf_killed AS killed, "
            f"c.leaf_injured AS injured{extra_cols}, c.article_id AS _a, coalesce(c.part_of, c.idx) AS _top")
    if "WHERE" not in fw:  # every report passes: the rank-1 reports and their parts (and parts without a report)
        return f"SELECT {cols}{fw} WHERE c.ev_rank = 1 OR c.ev_rank IS NULL", params
    sql = (
        f"WITH leaf AS (SELECT {cols}, c.event_id AS _ev, c.ev_rank AS _r{fw}), "
        "chosen AS (SELECT _ev, min(_r) AS _r FROM leaf WHERE is_event GROUP BY _ev) "
        "SELECT l.* EXCLUDE (_ev, _r) FROM leaf l LEFT JOIN chosen ch ON ch._ev = l._ev "
        "WHERE l._r = ch._r OR (NOT l.is_event AND NOT EXISTS "
        "(SELECT 1 FROM leaf e WHERE e.is_event AND e._a = l._a AND e._top = l._top))"
    )
    return sql, params


def count_casualties(store: Store, f: QueryFilters) -> int:
    """Number of casualty events under the filters (their parts are not counted)."""
    fw, params = from_where(f, _cas_target(store), index=_ix(store), scope_table=_scope(store, f, _cas_target(store)))
    return int(store.execute(f"SELECT count(*){fw} {_and(fw)} c.part_of IS NULL", params).fetchone()[0])


def casualty_totals(store: Store, f: QueryFilters) -> dict[str, int]:
    """Casualty totals under the filters, each event counted once (:mod:`components.store.events`).

    Returns:
        dict[str, int]: ``events`` (distinct events), ``reports`` (casualty records), ``killed``,
        ``injured``, ``missing``: per event the largest lower bound of its reports under the filters
        (its highest credible figure), summed over events; a breakdown's parts are inside their event's
        count, never added.
    """
    ct = _cas_target(store)
    fw, params = from_where(f, ct, index=_ix(store), scope_table=_scope(store, f, ct))
    row = store.execute(f"WITH {_event_maxima(ct, fw)[:-1]} SELECT n, r, k, i, m FROM ca", params).fetchone()
    return {k: int(v or 0) for k, v in zip(("events", "reports", "killed", "injured", "missing"), row)}


def casualty_event_summary(store: Store, event_ids: list[str]) -> pd.DataFrame:
    """Per event (all its stored reports): ``event_id``, ``reports`` (records), ``articles``,
    ``killed_best`` (largest lower bound), ``killed_low`` / ``killed_high`` (the reports' range; high is
    missing when a report is open-ended, "3+"), ``injured_best`` / ``missing_best`` (largest lower
    bounds, NaN when no report gives one), and
    ``event_killed``, the reader's text ("at least 4 killed; reports 3-4")."""
    from .events import describe

    # from casualty_facts (each event record carries its event: no join) when the store has it
    ids = list(event_ids)
    params: list = [ids]
    src, c, ev = ("casualty_events e JOIN casualties c ON c.article_id = e.article_id AND c.idx = e.idx "
                  "WHERE list_contains(?, e.event_id)"), "c", ""
    if casualty_facts.available(store):  # by the event_id index (one placeholder per id of the caller's page)
        src = f"casualty_facts e WHERE e.event_id IN ({', '.join('?' for _ in ids) or 'NULL'})"
        params, c, ev = ids, "e", " FILTER (WHERE e.part_of IS NULL)"  # the event records, not their parts
    df = store.df(
        f"""
        SELECT e.event_id, count(*){ev} AS reports, count(DISTINCT e.article_id){ev} AS articles,
               max({c}.killed_min){ev} AS killed_best, min({c}.killed_min){ev} AS killed_low,
               max({c}.injured_min){ev} AS injured_best, max({c}.missing_min){ev} AS missing_best,
               CASE WHEN count({c}.killed_max){ev} < count({c}.killed_min){ev} THEN NULL
                    ELSE max({c}.killed_max){ev} END AS killed_high
        FROM {src} GROUP BY e.event_id ORDER BY e.event_id
        """, params)
    df["event_killed"] = [
        describe(None if pd.isna(b) else int(b), None if pd.isna(lo) else int(lo), None if pd.isna(hi) else int(hi),
                 int(n))
        for b, lo, hi, n in zip(df["killed_best"], df["killed_low"], df["killed_high"], df["reports"])]
    return df


# Sort key (a table column) -> SQL expression over casualties c joined with articles a (fixed SQL).
CASUALTY_SORTS = {
    "date": "coalesce(c.date, a.published)", "place": "c.place", "country": "c.country",
    "killed_min": "c.killed_min", "killed_max": "c.killed_max", "injured_min": "c.injured_min",
    "injured_max": "c.injured_max", "cause": "c.cause", "actor": "c.actor", "article": "coalesce(a.title, a.id)",
    "published": "a.published", "confidence": "c.confidence",
}


def casualties_page(store: Store, f: QueryFilters, limit: int = 50, offset: int = 0, sort: str = "date",
                    descending: bool | None = None) -> pd.DataFrame:
    """One page of casualty events (latest date first by default), with their article title.

    Args:
        sort (str): key of :data:`CASUALTY_SORTS`. descending (bool | None): see :func:`order_by`.

    Returns:
        DataFrame: the casualties columns plus ``article`` (title), ``published``, ``event_id`` (the
        event across articles), ``reports`` (its number of reports) and ``event_killed`` ("at least 4
        killed; reports 3-4"), ``parts`` (the event's breakdown, "Malatya 27 killed; Adiyaman 14
        killed", or None) and ``confidence`` (in [0, 1], NaN for records stored before it existed).

    Raises:
        ValueError: limit outside 1..1000, negative offset, or unknown sort.
    """
    order = order_by(CASUALTY_SORTS, sort, descending, "c.article_id, c.idx")
    if not (1 <= limit <= 1000) or offset < 0:
        raise ValueError(f"limit must be 1..1000 and offset >= 0 (got {limit}, {offset})")
    facts = casualty_facts.available(store)
    if facts:  # one table: the article's columns are the record's own (casualty_facts.py), no join
        order = order.replace("a.published", "c.published").replace("coalesce(a.title, a.id)", "c.article")
        fw, params = from_where(f, "casualty_fact", index=_ix(store), scope_table=_scope(store, f, "casualty_fact"))
        cols = _CAS_COLS.replace("coalesce(a.title, a.id) AS article, a.published", "c.article, c.published")
    else:
        fw, params = from_where(f, "casualty", with_article=True, index=_ix(store), scope_table=_scope(store, f, "casualty"))
        cols = _CAS_COLS
    # the page is cut first; its rows' parts and events are then looked up for those rows only (computed in
    # the same statement they were computed for every filtered record before the sort: ~0.5 s at 1M quotes)
    if facts:  # the row ids of the page from the sort keys alone, then its rows' wide columns (a top-n carrying
        # every column of the passing records cost 0.53 s under topic+kind at 10M quotes)
        page = store.df(
            f"SELECT {cols}, c.confidence, c.event_id FROM casualty_facts c WHERE c.rowid IN "
            f"(SELECT c.rowid{fw} {_and(fw)} c.part_of IS NULL ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}",
            params + [limit, offset],
        )
    else:
        page = store.df(
            f"SELECT {cols}, c.confidence{fw} {_and(fw)} c.part_of IS NULL ORDER BY {order} LIMIT ? OFFSET ?",
            params + [limit, offset],
        )
    if page.empty:
        return page.drop(columns=["event_id"], errors="ignore").assign(
            parts=pd.Series(dtype=object), event_id=pd.Series(dtype=object))
    keys = [f"{a}:{i}" for a, i in zip(page["article_id"], page["idx"])]
    aids = sorted(set(page["article_id"]))
    if facts:  # the event came with the page; the parts by the article_id index (one placeholder per id)
        extra = store.df(
            f"SELECT p.article_id, p.part_of AS idx, {_PARTS_LIST} AS parts FROM casualties p "
            f"WHERE p.article_id IN ({', '.join('?' for _ in aids)}) AND p.part_of IS NOT NULL GROUP BY ALL", aids)
    else:
        extra = store.df(
            f"SELECT c.article_id, c.idx, {_CAS_PARTS}, {_EVENT_OF} AS event_id FROM casualties c "
            "WHERE c.article_id IN (SELECT unnest(?::VARCHAR[])) AND c.article_id || ':' || c.idx IN (SELECT unnest(?::VARCHAR[]))",
            [aids, keys])
    page = page.merge(extra, on=["article_id", "idx"], how="left")
    page["parts"] = page["parts"].astype(object).where(page["parts"].notna(), None)  # no parts: None, as SQL gives
    cols = [c for c in page.columns if c not in ("parts", "confidence", "event_id")]
    page = page[cols[:cols.index("published") + 1] + ["parts", "confidence", "event_id"] + cols[cols.index("published") + 1:]]
    summary = casualty_event_summary(store, sorted(set(page["event_id"])))
    return page.merge(summary[["event_id", "reports", "event_killed"]], on="event_id", how="left")


def casualties_table(store: Store, f: QueryFilters, limit: int | None = None) -> pd.DataFrame:
    """All casualty rows under the filters (for downloads): events and their parts (``part_of`` =
    the event's ``idx``; sum only rows whose ``part_of`` is empty, one per ``event_id``: several articles'
    reports of one event share it, and a part carries its event's), with the citation: ``title``,
    ``outlet``, ``published``, ``url``, ``sentence`` (:func:`~.citations.add_citations`)."""
    fw, params = from_where(f, "casualty", with_article=True, index=_ix(store), scope_table=_scope(store, f, "casualty"))
    lim = " LIMIT ?" if limit else ""
    # a part carries its event's id (it is no report of its own); the title comes once, with the citation
    event_of = _event_of("coalesce(c.part_of, c.idx)")
    return _cite(store, store.df(
        f"SELECT {_CAS_COLS}, {event_of} AS event_id{fw} ORDER BY coalesce(c.date, a.published) DESC NULLS LAST, "
        f"c.article_id, coalesce(c.part_of, c.idx), c.part_of NULLS FIRST, c.idx{lim}",
        params + ([limit] if limit else []),
    )).drop(columns=["article"])


def casualties_by_place_date(store: Store, f: QueryFilters, limit: int = 2000) -> pd.DataFrame:
    """Casualty totals per (place, date): the chart's data, each death counted once (a part at
    its place, what an event's parts leave at the event's place: :func:`_leaf_sql`).

    Returns:
        DataFrame: ``place`` ("unknown" when not resolved), ``date`` (event date,
        else the article's), ``killed``, ``injured``, ``events`` (events at the place, parts not
        counted), ordered by date.
    """
    if casualty_facts.available(store) and not f.active():  # the chart kept for no filters (casualty_facts.py)
        return store.df("SELECT place, date, CAST(killed AS HUGEINT) AS killed, CAST(injured AS HUGEINT) AS injured, "
                        "events FROM casualty_chart ORDER BY date NULLS LAST, place LIMIT ?", [limit])
    leaf, params = _leaf_sql(f, with_article=True, date_expr="coalesce(c.date, a.published)",
                             facts=casualty_facts.available(store), index=_ix(store),
                             scope_table=_scope(store, f, "casualty"))
    return store.df(
        f"SELECT coalesce(place, 'unknown') AS place, date, sum(killed) AS killed, sum(injured) AS injured, "
        f"count(*) FILTER (WHERE is_event) AS events FROM ({leaf}) "
        "GROUP BY ALL ORDER BY date NULLS LAST, place LIMIT ?",
        params + [limit],
    )


def casualty_points(store: Store, f: QueryFilters, limit: int = 5000) -> pd.DataFrame:
    """Geocoded casualty rows for the map's playback: one row per (place, date, cause), each death
    counted once (:func:`_leaf_sql`), rows without coordinates, date or death left out.

    Returns:
        DataFrame: ``place``, ``lat``, ``lon``, ``date`` (event date, else the article's), ``cause``
        (None when the text names none), ``killed``, ``injured``, ordered by date then place.
    """
    leaf, params = _leaf_sql(f, with_article=True, date_expr="coalesce(c.date, a.published)",
                             extra_cols=", c.lat, c.lon, c.cause", facts=casualty_facts.available(store), index=_ix(store),
                             scope_table=_scope(store, f, "casualty"))
    return store.df(
        f"SELECT place, avg(lat) AS lat, avg(lon) AS lon, date, cause, sum(killed) AS killed, "
        f"sum(injured) AS injured FROM ({leaf}) WHERE lat IS NOT NULL AND lon IS NOT NULL AND date IS NOT NULL "
        "AND killed > 0 GROUP BY place, date, cause ORDER BY date, place, cause NULLS LAST LIMIT ?",
        params + [limit],
    )


# ---------------------------------------------------------------- stance


# a speaker's polarity on a topic from its article-level stances (booleans s, o, n per row): the one most
# rows hold, neutral on a tie, as the Stance page and the speaker card both show it
STANCE_MAJORITY = ("CASE WHEN count_if(s) > count_if(o) AND count_if(s) > count_if(n) THEN 'support' "
                   "WHEN count_if(o) > count_if(s) AND count_if(o) > count_if(n) THEN 'oppose' ELSE 'neutral' END")


def _stance_target(store: Store) -> str:
    """The filter target of stances: ``stance_fact`` (the stances without their evidence lists, with their
    article's fields and speaker card's country: :mod:`components.store.stance_facts`) when the store has it,
    else ``stance``."""
    return "stance_fact" if stance_facts.available(store) else "stance"


def stance_matrix(store: Store, f: QueryFilters, max_speakers: int = 25, named_only: bool = False) -> pd.DataFrame:
    """Speaker x topic stance under the filters, for the most quoted speakers (``named_only``: only
    named sources, as in :func:`top_speakers`).

    Returns:
        DataFrame: ``speaker``, ``topic``, ``score`` (mean, -1 oppose .. +1 support; rounded to
        :data:`~components.store.aggregates.STANCE_DECIMALS` decimals, as the confidence),
        ``polarity`` (the stored article-level polarity; with several articles the one held by
        most rows, and ``neutral`` on a tie, so it never disagrees with the extraction),
        ``support``, ``oppose``, ``neutral`` (counts of article-level stances), ``articles``
        (their sum), ``evidence`` (quote count), ``confidence`` (mean of the article-level stance
        confidences, NaN for rows stored before it existed), ``cues`` (up to five distinct deciding words, the
        first in alphabetical order, so every run shows the same).
    """
    target = _stance_target(store)
    fw, params = from_where(f, target, index=_ix(store), scope_table=_scope(store, f, target))
    n_evidence = "st.n_evidence" if target == "stance_fact" else "len(st.evidence)"  # the same number
    # named sources only: a filter on the ranked speakers, not on every stance row (the same speakers, since the
    # ranking sums per speaker; as a semi-join on the rows it cost ~90 ms more at 10M quotes)
    named_top = f" HAVING {_named(store, 'speaker')}" if named_only else ""
    nd = aggregates.STANCE_DECIMALS
    matrix = f"""
        SELECT speaker, topic, score,
               CASE WHEN support > oppose AND support > neutral THEN 'support'
                    WHEN oppose > support AND oppose > neutral THEN 'oppose'
                    ELSE 'neutral' END AS polarity,
               support, oppose, neutral, support + oppose + neutral AS articles, evidence, confidence, cues
        FROM sm ORDER BY speaker, topic"""
    rows, cue_rows = aggregates.stance_rows(store, f), aggregates.stance_cue_rows(store, f)
    if rows and cue_rows:  # all from the aggregates: the speakers, then their counts, sums and words
        named = f" WHERE {_named(store, 'speaker')}" if named_only else ""
        top = [r[0] for r in store.execute(
            f"SELECT speaker FROM ({rows[0]}){named} GROUP BY speaker ORDER BY sum(evidence) DESC, speaker LIMIT ?",
            rows[1] + [max_speakers]).fetchall()]
        counts = ", ".join(f"CAST(sum({c}) AS BIGINT) AS {c}" for c in ("support", "oppose", "neutral"))
        return store.df(
            f"""
            WITH sm0 AS (SELECT speaker, topic, round(sum(score_sum) / sum(stances), {nd}) AS score, {counts},
                                sum(evidence) AS evidence,
                                round(sum(conf_sum) / nullif(sum(conf_n), 0), {nd}) AS confidence
                         FROM ({rows[0]}) WHERE list_contains(?, speaker) GROUP BY speaker, topic),
                 cu AS (SELECT speaker, topic, list(cue ORDER BY cue)[1:6] AS cues FROM (
                            SELECT speaker, topic, cue FROM ({cue_rows[0]}) WHERE list_contains(?, speaker)
                            GROUP BY ALL HAVING sum(n) > 0) GROUP BY ALL),
                 sm AS (SELECT sm0.*, coalesce(cu.cues, []::VARCHAR[]) AS cues FROM sm0
                        LEFT JOIN cu ON cu.speaker = sm0.speaker AND cu.topic = sm0.topic)
            {matrix}
            """,
            rows[1] + [top] + cue_rows[1] + [top])
    # the passing stances read once (the scan of their evidence lists is the costly part: reading them twice, for
    # the ranking and the matrix, cost 0.8-1.0 s under topic+kind at 10M quotes, once 0.4 s; stance_facts holds
    # their lengths, and the speaker card's country, which spares the lists and the EXISTS), then the speakers
    # (one sum per speaker), then the per-topic aggregates, whose lists of cues are the costly part of the
    # grouping, for their rows only (aggregating every speaker's cues cost ~0.9 s at 1M quotes)
    return store.df(
        f"""
        WITH fs AS MATERIALIZED (SELECT st.speaker, st.topic, st.score, st.polarity, {n_evidence} AS n_evidence,
                                        st.confidence, st.cues{fw}),
        top AS (SELECT speaker FROM fs GROUP BY speaker{named_top} ORDER BY coalesce(sum(n_evidence), 0) DESC, speaker
                LIMIT ?),
        sm AS (
            SELECT speaker, topic, round(avg(score), {nd}) AS score,
                   count(*) FILTER (WHERE polarity = 'support') AS support,
                   count(*) FILTER (WHERE polarity = 'oppose') AS oppose,
                   count(*) FILTER (WHERE polarity = 'neutral') AS neutral,
                   coalesce(sum(n_evidence), 0) AS evidence, round(avg(confidence), {nd}) AS confidence,
                   list_sort(list_distinct(flatten(list(cues))))[1:6] AS cues
            FROM fs WHERE speaker IN (SELECT speaker FROM top) GROUP BY speaker, topic
        )
        {matrix}
        """,
        params + [max_speakers],
    )


def stance_evidence(store: Store, f: QueryFilters, speaker: str, topic: str, limit: int = 50) -> pd.DataFrame:
    """Evidence quotes of one speaker's stance on one topic, under the filters, newest article first (ties by
    quote id).

    Two steps, so the wide columns are read for the page's stances only: the matching stances' keys and
    article dates (one scan of the narrow columns of ``stance_facts``, :mod:`components.store.stance_facts`, else
    of ``stances`` joined with ``articles``; from the month on which the page's rows lie,
    :func:`~components.store.aggregates.newest_evidence_month`, when the filters name only aggregate keys), then
    ``evidence``, ``cues`` and the other columns of the newest of them by row id (with ``stance_facts``, the row
    ids of their keys, article number, speaker and topic, first), and the titles of their articles by key. A
    speaker's stances lie in every row group, so one statement reading ``evidence`` for all of them cost ~0.8 s
    at 10 M quotes. The newest
    ``limit`` stances (and those tied with the last one's date) hold the page's rows unless some have no
    evidence; then the cut is widened until it holds ``limit`` rows or every stance.

    Returns:
        DataFrame: ``quote_id``, ``quote``, ``polarity``, ``score``, ``confidence``, ``cues`` (list), ``article``,
        ``date``, ``article_id``.
    """
    facts = _stance_target(store) == "stance_fact"
    if facts:  # the narrow rows carry the article's date: no join (stance_facts.py)
        fw, params = from_where(f, "stance_fact", index=_ix(store), scope_table=_scope(store, f, "stance_fact"))
        date = "st.published"
    else:
        fw, params = from_where(f, "stance", with_article=True, index=_ix(store), scope_table=_scope(store, f, "stance"))
        date = "a.published"
    extra = ("AND" if "WHERE" in fw else "WHERE") + " st.speaker = ? AND st.topic = ?"
    params = params + [speaker, topic]
    since = aggregates.newest_evidence_month(store, f, speaker, topic, limit)
    if since is not None:  # the page's rows lie in the months from there on (aggregates.py)
        extra += f" AND {date} >= ?"
        params.append(since)
    # the stances' keys: from stance_facts their article numbers (or ids, in a store without numbers; one stance
    # per article, speaker and topic), from stances their row ids
    key = ("st.article_no" if _ix(store) else "st.article_id") if facts else "st.rowid"
    cur = store.cursor()
    cur.execute("BEGIN TRANSACTION")  # one snapshot: the keys of the first step stay those of the second
    try:
        cand = cur.execute(f"SELECT {key}, {date}{fw} {extra} ORDER BY {date} DESC NULLS LAST",
                           params).fetchall()
        k = limit
        while True:
            # the k newest stances and every one dated as the k-th (NULL dates sort last)
            cut = cand[:k] if k >= len(cand) else [r for r in cand if _not_older(r[1], cand[k - 1][1])]
            ids = [r[0] for r in cut]
            if facts:  # the stances rows of the cut's keys: their row ids from the narrow key columns (a filter
                # that reads the evidence lists reads them whole for every row group it scans)
                kind = "INTEGER" if key == "st.article_no" else "VARCHAR"  # fixed: a number or an id
                ids = [r[0] for r in cur.execute(
                    f"SELECT st.rowid FROM stances st WHERE {key} IN (SELECT unnest(?::{kind}[])) "
                    "AND st.speaker = ? AND st.topic = ?", [ids, speaker, topic]).fetchall()]
            df = cur.execute(
                """
                WITH ev AS (SELECT st.article_id, unnest(st.evidence) AS quote_id, st.polarity, st.score,
                                   st.confidence, st.cues FROM stances st WHERE st.rowid IN (SELECT unnest(?::BIGINT[])))
                SELECT ev.quote_id, ev.polarity, ev.score, ev.confidence, ev.cues, ev.article_id FROM ev
                """, [ids]).df()
            if len(df) >= limit or len(cut) == len(cand):
                break
            k *= 4
        aids = sorted(set(df["article_id"]))
        ph = ", ".join("?" for _ in aids) or "NULL"  # one placeholder per article of the page's stances
        arts = cur.execute(f"SELECT id AS article_id, coalesce(title, id) AS article, published AS date "
                           f"FROM articles WHERE id IN ({ph})", aids).df()
    finally:
        cur.execute("ROLLBACK")  # a read: nothing to keep, and an error leaves no open transaction
    df = df.merge(arts, how="left", on="article_id")
    df = (df.assign(_nodate=df["date"].isna())
          .sort_values(["_nodate", "date", "quote_id"], ascending=[True, False, True], kind="stable")
          .head(limit)[["quote_id", "polarity", "score", "confidence", "cues", "article", "date", "article_id"]])
    # the quotes' texts are fetched by primary key for the kept rows only (a join would scan every quote)
    texts = quote_texts(store, list(df["quote_id"]))
    df.insert(1, "quote", df["quote_id"].map(texts))
    return df[df["quote"].notna()].reset_index(drop=True)


def _not_older(date, cut) -> bool:
    """Whether a stance dated ``date`` sorts no later than the cut's ``cut`` (newest first, None last)."""
    return cut is None or (date is not None and date >= cut)


# ---------------------------------------------------------------- articles


def count_articles(store: Store, f: QueryFilters) -> int:
    """Number of articles under the filters."""
    fw, params = from_where(f, "article", index=_ix(store), scope_table=_scope(store, f, "article"))
    return int(store.execute(f"SELECT count(*){fw}", params).fetchone()[0])


ARTICLE_SORTS = {"published": "a.published", "title": "coalesce(a.title, a.id)", "outlet": "a.outlet",
                 "collection": "a.collection", "id": "a.id"}


def articles_page(store: Store, f: QueryFilters, limit: int = 50, offset: int = 0, sort: str = "published",
                  descending: bool | None = None) -> pd.DataFrame:
    """One page of articles (newest first by default) with their quote counts.

    Args:
        sort (str): key of :data:`ARTICLE_SORTS`. descending (bool | None): see :func:`order_by`.

    Returns:
        DataFrame: ``id``, ``title``, ``outlet``, ``published``, ``collection``, ``quotes``.

    Raises:
        ValueError: limit outside 1..1000, negative offset, or unknown sort.
    """
    order = order_by(ARTICLE_SORTS, sort, descending, "a.id")
    if not (1 <= limit <= 1000) or offset < 0:
        raise ValueError(f"limit must be 1..1000 and offset >= 0 (got {limit}, {offset})")
    fw, params = from_where(f, "article", index=_ix(store), scope_table=_scope(store, f, "article"))
    page = store.df(
        f"SELECT a.id, coalesce(a.title, a.id) AS title, a.outlet, a.published, a.collection"
        f"{fw} ORDER BY {order} LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    # quote counts of the page's articles only, by key (an IN list uses the article_id index; a join scans)
    ids = list(page["id"])
    ph = ", ".join("?" for _ in ids)  # one placeholder per id of our own page
    counts = dict(store.execute(
        f"SELECT article_id, count(*) FROM quotes WHERE article_id IN ({ph}) GROUP BY article_id", ids
    ).fetchall()) if ids else {}
    page["quotes"] = [int(counts.get(i, 0)) for i in ids]
    return page


def article_bundle(store: Store, article_id: str) -> dict | None:
    """An article and every record to highlight in it, or None if unknown.

    Returns:
        dict: ``article`` (dict: id, title, outlet, published, url, collection,
        text), ``quotes``, ``speakers``, ``places``, ``casualties`` (DataFrames of
        their tables' rows for this article, in text order).
    """
    art = store.execute(
        "SELECT id, title, outlet, published, url, collection, text FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if art is None:
        return None
    return {
        "article": dict(zip(("id", "title", "outlet", "published", "url", "collection", "text"), art)),
        "quotes": store.df('SELECT * FROM quotes WHERE article_id = ? ORDER BY "start"', [article_id]),
        "speakers": store.df("SELECT * FROM article_speakers WHERE article_id = ? ORDER BY name", [article_id]),
        "places": store.df('SELECT * FROM places WHERE article_id = ? ORDER BY "start"', [article_id]),
        "casualties": store.df('SELECT * FROM casualties WHERE article_id = ? ORDER BY "start"', [article_id]),
    }


# ---------------------------------------------------------------- exports


def quotes_export(store: Store, f: QueryFilters, limit: int | None = None) -> pd.DataFrame:
    """All quotes under the filters for download (no paging), in date order.

    Returns:
        DataFrame: ``id``, ``article_id``, ``speaker``, ``speaker_type``, ``role``, ``org``,
        ``country``, ``quote``, ``kind``, ``cue``, ``topics`` (list of topic ids), ``confidence`` (0–1, 3
        decimals), ``start``, ``end`` (character offsets in the article text), ``collection``, and the
        citation (:func:`~.citations.add_citations`): ``title``, ``outlet``, ``published``, ``url``,
        ``sentence``.
    """
    fw, params = from_where(f, "quote", with_article=True, extra_join=JOIN_SPEAKER + JOIN_QUOTE_ROW, index=_ix(store))
    lim = " LIMIT ?" if limit else ""
    return _cite(store, store.df(
        f"SELECT q.id, q.article_id, q.speaker, qt.speaker_type, s.role, s.org, s.country, qt.text AS quote, q.kind, "
        f"qt.cue, q.topics, round(qt.confidence, 3) AS confidence, q.start, q.\"end\", a.collection{fw} ORDER BY {order_by(QUOTE_SORTS, 'date', True, _QUOTE_TIE)}{lim}",
        params + ([limit] if limit else []),
    ))


# ---------------------------------------------------------------- review


REVIEW_KINDS = ("quote", "casualty", "stance")
_JOIN_EVENT = " LEFT JOIN casualty_events e ON e.article_id = c.article_id AND e.idx = c.idx"


def review_queue(store: Store, f: QueryFilters, limit: int = 50, kinds: tuple[str, ...] = REVIEW_KINDS) -> pd.DataFrame:
    """Quotes, casualty records and stances under the filters, least confident first (the review queue).

    Confidences: quotes and casualty records by :mod:`components.extract.confidence`, stances by
    :func:`components.extract.stance.stance_confidence`. Records stored before they had one (NaN) come first.

    Args:
        f (QueryFilters): the filters. limit (int): rows at most (over all kinds).
        kinds (tuple[str, ...]): which of :data:`REVIEW_KINDS` to list.

    Returns:
        DataFrame: ``confidence``, ``record`` (``quote`` / ``casualty`` / ``stance``), ``ref`` (the
        record's permalink value: quote id for ``?quote=``, event id for ``?event=``, ``speaker|topic``
        for a stance), ``speaker``, ``what`` (the quote's text, the casualty's "N killed at PLACE", the
        stance's "polarity topic"), ``detail`` (cue; qualifier; the stance's deciding words, comma-joined),
        ``article``, ``article_id``, ``start``, ``end`` (the record's offsets; NULL for stances).
    """
    parts, params = [], []
    if "quote" in kinds:
        fw, p = from_where(f, "quote", with_article=True, extra_join=JOIN_QUOTE_ROW, index=_ix(store))
        parts.append(
            "SELECT qt.confidence, 'quote' AS record, q.id AS ref, q.speaker, qt.text AS what, qt.cue AS detail, "
            f"coalesce(a.title, a.id) AS article, q.article_id, q.start, q.\"end\"{fw}")
        params += p
    if "casualty" in kinds:
        fw, p = from_where(f, "casualty", with_article=True, extra_join=_JOIN_EVENT, index=_ix(store), scope_table=_scope(store, f, "casualty"))
        parts.append(
            "SELECT c.confidence, 'casualty' AS record, e.event_id AS ref, NULL AS speaker, "
            "coalesce(CAST(c.killed_min AS VARCHAR), '?') || ' killed at ' || coalesce(c.place, 'unknown place') AS what, "
            "c.killed_qualifier AS detail, coalesce(a.title, a.id) AS article, c.article_id, c.start, c.\"end\""
            f"{fw}{' AND' if ' WHERE ' in fw else ' WHERE'} c.part_of IS NULL")  # events, not their parts
        params += p
    if "stance" in kinds:
        fw, p = from_where(f, "stance", with_article=True, index=_ix(store), scope_table=_scope(store, f, "stance"))
        parts.append(
            "SELECT st.confidence, 'stance' AS record, st.speaker || '|' || st.topic AS ref, st.speaker, "
            "st.polarity || ' ' || st.topic AS what, array_to_string(st.cues, ', ') AS detail, "
            f"coalesce(a.title, a.id) AS article, st.article_id, NULL::INTEGER AS start, NULL::INTEGER AS \"end\"{fw}")
        params += p
    if not parts:
        raise ValueError(f"kinds must name some of {REVIEW_KINDS}")
    return store.df(
        " UNION ALL ".join(f"({x})" for x in parts)
        + " ORDER BY confidence ASC NULLS FIRST, record, article_id, start NULLS LAST, ref LIMIT ?",
        params + [limit])


def speaker_names(store: Store) -> pd.DataFrame:
    """Every stored speaker name with its person (``speaker_identities``, reviewers' merges and splits
    applied): ``name``, ``canonical``, ``rule``, ``group_size`` (names of that person); by canonical, name."""
    return store.df(
        "SELECT name, canonical, rule, count(*) OVER (PARTITION BY canonical) AS group_size "
        "FROM speaker_identities ORDER BY canonical, name")


def article_people(store: Store, article_id: str) -> list[str]:
    """Names of the persons of an article (its speaker cards of type person), for picking a speaker."""
    # by the article id alone (the index serves a single equality only, see speaker_card)
    return sorted(n for n, t in store.execute(
        "SELECT name, type FROM article_speakers WHERE article_id = ?", [article_id]).fetchall() if t == "person")


def article_casualties(store: Store, article_id: str) -> pd.DataFrame:
    """An article's casualty records with their sentence: ``idx``, ``place``, ``killed_min``,
    ``killed_max``, ``start``, ``end``, ``confidence``, ``sentence`` (the article text between the offsets)."""
    return store.df(
        'SELECT c.idx, c.place, c.killed_min, c.killed_max, c."start", c."end", c.confidence, '
        'substr(a.text, c."start" + 1, c."end" - c."start") AS sentence '
        "FROM casualties c JOIN articles a ON a.id = c.article_id WHERE c.article_id = ? ORDER BY c.idx",
        [article_id],
    )


def casualty_event_reports(store: Store, event_id: str) -> pd.DataFrame:
    """The reports (casualty records) of one event across articles, with their ``parts`` ("Malatya 27
    killed; Elazig 14 killed", None without a breakdown), ``confidence`` and citation (``title``,
    ``outlet``, ``published``, ``url``, ``sentence``); empty for an unknown id."""
    df = store.df(
        f"SELECT {_CAS_COLS}, {_CAS_PARTS}, c.confidence, e.event_id FROM casualty_events e "
        "JOIN casualties c ON c.article_id = e.article_id AND c.idx = e.idx JOIN articles a ON a.id = c.article_id "
        "WHERE e.event_id = ? ORDER BY a.published NULLS LAST, c.article_id, c.idx", [event_id])
    return _cite(store, df)
