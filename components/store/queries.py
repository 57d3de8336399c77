"""Every SQL query of the dashboard: parameterised, aggregated in DuckDB, paged.

Filters are a table of definitions (:data:`FILTER_DEFS`), in the manner of
Datasette's ``filters.py``: each definition maps a field of
:class:`QueryFilters` to one SQL fragment per *target* (the entity a query
returns), with ``?`` placeholders. :func:`where_clauses` turns the active
filters into ``(sql_bits, params)``; values are always bound, never formatted
into SQL. Identifiers (table aliases, sort columns) come from fixed tables in
this module only.

Targets and their base tables (:data:`TARGET_FROM`): ``quote`` (``quotes q``),
``place`` (``places p``), ``casualty`` (``casualties c``), ``stance``
(``stances st``), ``article`` (``articles a``). For speed at a million quotes,
filters never join: article-level filters become one semi-join
``<target>.article_id IN (SELECT a.id FROM articles a WHERE ...)``, the
speaker's country an ``EXISTS`` on ``article_speakers``, and quote filters
seen from other targets ``article_id IN (SELECT q.article_id FROM quotes q
WHERE ...)``. Queries join ``articles`` or ``article_speakers`` only to output
their columns, and where possible only for the rows of the page.

Filter semantics (what a person sees):

- collection, article, outlet, date range: on the article, for every target.
- speaker, topic: on the quote (topic: the quote has any of the topics) and on
  the stance; places, casualties and articles are kept when their article has
  at least one quote that passes the quote filters (speaker, topic, kind, text).
- quote kind, text search: on the quote; other targets through their article
  as above. Text search is a case-insensitive literal substring match
  (``contains(lower(text), lower(search))``: no wildcards, ``100%`` matches literally).
- country: a quote or stance passes when its speaker's country is one of them
  or its article mentions a place in one of them; places and casualties by
  their own country; articles when they mention such a place or speaker.
- place (set by selecting map points): places and casualties by their place
  name; quotes, stances and articles when their article mentions the place.

Nothing here imports Streamlit; caching lives in :mod:`components.ui.loaders`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Callable

import pandas as pd

from . import Store

QUOTE_KINDS = ("direct", "mixed", "indirect", "transcript")
TARGETS = ("quote", "place", "casualty", "stance", "article")

# Base table of each target. Article columns are joined only by the queries that output them, after
# filtering; article-level filters become one semi-join (``... IN (SELECT a.id FROM articles a WHERE ...)``).
TARGET_FROM: dict[str, str] = {
    "quote": "quotes q",
    "place": "places p",
    "casualty": "casualties c",
    "stance": "stances st",
    "article": "articles a",
}
# Column holding the article id for each target (used for article-level semi-joins).
TARGET_ARTICLE_ID = {"quote": "q.article_id", "place": "p.article_id", "casualty": "c.article_id",
                     "stance": "st.article_id", "article": "a.id"}


@dataclass(frozen=True)
class QueryFilters:
    """The filter state every dashboard query takes (already validated).

    Empty tuples and None mean "no filter". Build it with
    :func:`components.ui.state.parse_filters`, which applies the URL policy.

    Attributes:
        collections (tuple[str, ...]): collection names.
        countries (tuple[str, ...]): ISO 3166-1 alpha-2 codes.
        topics (tuple[str, ...]): topic ids.
        speakers (tuple[str, ...]): canonical speaker names.
        articles (tuple[str, ...]): article ids.
        outlets (tuple[str, ...]): outlet names.
        date_from, date_to (datetime.date | None): inclusive bounds on the article's date.
        kinds (tuple[str, ...]): quote kinds (subset of :data:`QUOTE_KINDS`).
        text (str): substring searched in quote text ("" = none).
        places (tuple[str, ...]): place names (from the map selection).
    """

    collections: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kinds: tuple[str, ...] = ()
    text: str = ""
    places: tuple[str, ...] = ()

    def active(self) -> dict[str, Any]:
        """The fields that filter something, as ``{name: value}``."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in ((), None, "")}


def lower_text(text: str) -> str:
    """The search text lower-cased: matched literally (no wildcards) by ``contains(lower(q.text), ?)``."""
    return text.lower()


@dataclass(frozen=True)
class FilterDef:
    """One filter: which :class:`QueryFilters` field, its scope and SQL per target.

    Attributes:
        name (str): field of :class:`QueryFilters`.
        scope (str): ``"article"`` (fragment ``sql["article"]`` applies to every
            target through alias ``a``) or ``"quote"`` (targets without their own
            fragment keep rows whose article has a matching quote) or
            ``"entity"`` (every target has its own fragment).
        sql (dict[str, str]): target -> fragment; each ``?`` is bound to the value.
        convert (Callable | None): value -> bound parameter (default: list for
            tuples, the value itself otherwise).
    """

    name: str
    scope: str
    sql: dict[str, str]
    convert: Callable[[Any], Any] | None = None


_PLACE_ARTICLES = "(SELECT article_id FROM places WHERE list_contains(?, country))"
_SPEAKER_COUNTRY = ("EXISTS (SELECT 1 FROM article_speakers s WHERE s.article_id = {t}.article_id "
                    "AND s.name = {t}.speaker AND list_contains(?, s.country))")
_PLACE_NAME_ARTICLES = "(SELECT article_id FROM places WHERE list_contains(?, name))"

FILTER_DEFS: tuple[FilterDef, ...] = (
    FilterDef("collections", "article", {"article": "list_contains(?, a.collection)"}),
    FilterDef("articles", "article", {"article": "list_contains(?, a.id)"}),
    FilterDef("outlets", "article", {"article": "list_contains(?, a.outlet)"}),
    FilterDef("date_from", "article", {"article": "a.published >= ?"}),
    FilterDef("date_to", "article", {"article": "a.published <= ?"}),
    FilterDef("speakers", "quote", {"quote": "list_contains(?, q.speaker)", "stance": "list_contains(?, st.speaker)"}),
    FilterDef("topics", "quote", {"quote": "list_has_any(q.topics, ?)", "stance": "list_contains(?, st.topic)"}),
    FilterDef("kinds", "quote", {"quote": "list_contains(?, q.kind)"}),
    FilterDef("text", "quote", {"quote": "contains(lower(q.text), ?)"}, convert=lower_text),
    FilterDef("countries", "entity", {
        "quote": f"({_SPEAKER_COUNTRY.format(t='q')} OR q.article_id IN {_PLACE_ARTICLES})",
        "stance": f"({_SPEAKER_COUNTRY.format(t='st')} OR st.article_id IN {_PLACE_ARTICLES})",
        "place": "list_contains(?, p.country)",
        "casualty": "list_contains(?, c.country)",
        "article": (f"(a.id IN {_PLACE_ARTICLES} OR a.id IN "
                    "(SELECT article_id FROM article_speakers WHERE list_contains(?, country)))"),
    }),
    FilterDef("places", "entity", {
        "quote": f"q.article_id IN {_PLACE_NAME_ARTICLES}",
        "stance": f"st.article_id IN {_PLACE_NAME_ARTICLES}",
        "place": "list_contains(?, p.name)",
        "casualty": "list_contains(?, c.place)",
        "article": f"a.id IN {_PLACE_NAME_ARTICLES}",
    }),
)
_DEFS_BY_NAME = {d.name: d for d in FILTER_DEFS}


def _param(d: FilterDef, value: Any) -> Any:
    if d.convert:
        return d.convert(value)
    if isinstance(value, tuple):
        return list(value)
    return value


QUOTE_SCOPE_CTE = "quote_scope"  # the one CTE name where_clauses may reference (see quote_scope_cte)


def quote_scope_cte(filters: QueryFilters) -> tuple[str, list[Any]] | None:
    """A materialised CTE of the articles that have a quote passing the quote-level filters.

    Returns:
        tuple[str, list] | None: ``("quote_scope AS MATERIALIZED (...)", params)`` to put in a ``WITH``
        clause, so a statement evaluates the quote filters once however many targets use them; None
        when no quote-level filter is active.
    """
    bits, params = [], []
    for name, value in filters.active().items():
        d = _DEFS_BY_NAME[name]
        if d.scope == "quote":
            bits.append(d.sql["quote"])
            params += [_param(d, value)] * d.sql["quote"].count("?")
    if not bits:
        return None
    return (f"{QUOTE_SCOPE_CTE} AS MATERIALIZED (SELECT DISTINCT q.article_id FROM quotes q "
            f"WHERE {' AND '.join(bits)})"), params


def where_clauses(filters: QueryFilters, target: str, use_quote_scope: bool = False) -> tuple[list[str], list[Any]]:
    """Build the WHERE fragments and bound parameters of ``filters`` for ``target``.

    Args:
        filters (QueryFilters): the validated filter state.
        target (str): one of :data:`TARGETS`.
        use_quote_scope (bool): refer to the CTE of :func:`quote_scope_cte` (which the
            caller defines) instead of an inline subquery for quote-level filters.

    Returns:
        tuple[list[str], list]: SQL fragments to join with ``AND`` (aliases as in
        :data:`TARGET_FROM`) and the parameters in placeholder order.

    Raises:
        ValueError: unknown target.
    """
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}; expected one of {TARGETS}")
    bits: list[str] = []
    params: list[Any] = []
    art_bits: list[str] = []
    art_params: list[Any] = []
    quote_bits: list[str] = []
    quote_params: list[Any] = []
    for name, value in filters.active().items():
        d = _DEFS_BY_NAME[name]
        p = _param(d, value)
        if target in d.sql:
            frag = d.sql[target]
        elif d.scope == "article":
            frag = d.sql["article"]
            art_bits.append(frag)
            art_params += [p] * frag.count("?")
            continue
        elif d.scope == "quote":
            frag = d.sql["quote"]
            quote_bits.append(frag)
            quote_params += [p] * frag.count("?")
            continue
        else:  # pragma: no cover - every entity filter defines all targets
            raise AssertionError(f"filter {name} has no SQL for {target}")
        bits.append(frag)
        params += [p] * frag.count("?")
    if art_bits:
        bits.insert(0, f"{TARGET_ARTICLE_ID[target]} IN (SELECT a.id FROM articles a WHERE {' AND '.join(art_bits)})")
        params[:0] = art_params
    if quote_bits and use_quote_scope:
        bits.append(f"{TARGET_ARTICLE_ID[target]} IN (SELECT article_id FROM {QUOTE_SCOPE_CTE})")
    elif quote_bits:
        bits.append(f"{TARGET_ARTICLE_ID[target]} IN (SELECT q.article_id FROM quotes q WHERE {' AND '.join(quote_bits)})")
        params += quote_params
    return bits, params


def _where(filters: QueryFilters, target: str, use_quote_scope: bool = False) -> tuple[str, list[Any]]:
    bits, params = where_clauses(filters, target, use_quote_scope)
    return (" WHERE " + " AND ".join(bits) if bits else ""), params


_JOIN_ARTICLE = {
    "quote": " JOIN articles a ON a.id = q.article_id",
    "place": " JOIN articles a ON a.id = p.article_id",
    "casualty": " JOIN articles a ON a.id = c.article_id",
    "stance": " JOIN articles a ON a.id = st.article_id",
    "article": "",
}


_JOIN_SPEAKER = " LEFT JOIN article_speakers s ON s.article_id = q.article_id AND s.name = q.speaker"


def _from_where(filters: QueryFilters, target: str, with_article: bool = False,
                extra_join: str = "", use_quote_scope: bool = False) -> tuple[str, list[Any]]:
    """`` FROM <target table> [JOIN articles a] [extra_join] WHERE ...`` and its parameters.

    ``extra_join`` must be one of this module's fixed join constants.
    """
    where, params = _where(filters, target, use_quote_scope)
    join = _JOIN_ARTICLE[target] if with_article else ""
    return f" FROM {TARGET_FROM[target]}{join}{extra_join}{where}", params


# Indexes the dashboard needs (none today): DuckDB answers the per-article look-ups with zone-map
# pruned scans, and EXPLAIN shows it does not use ART indexes for them (2.0.1), so extra indexes only
# cost memory and start-up time. Rows of one article are stored together (one ingest transaction per
# batch), which is what makes the pruning work.
DASHBOARD_INDEXES: tuple[str, ...] = ()


def ensure_indexes(store: Store) -> None:
    """Create :data:`DASHBOARD_INDEXES` if missing (idempotent; currently none, see the note above)."""
    for sql in DASHBOARD_INDEXES:
        store.execute(sql)


# ---------------------------------------------------------------- options


def filter_options(store: Store, max_items: int = 5000) -> dict[str, Any]:
    """Values offered by the sidebar widgets, over the whole store.

    Args:
        store (Store): the store.
        max_items (int): cap on speakers, places and articles (most frequent first).

    Returns:
        dict: ``collections`` (list of names), ``countries``, ``topics``,
        ``speakers``, ``outlets``, ``places`` (lists of str), ``articles``
        (dict id -> title), ``kinds`` (tuple), ``date_min``/``date_max``
        (datetime.date | None).
    """
    def col(sql: str, params: list | None = None) -> list:
        return [r[0] for r in store.execute(sql, params).fetchall()]

    articles = store.execute(
        "SELECT id, coalesce(title, id) FROM articles ORDER BY published DESC NULLS LAST, id LIMIT ?", [max_items]
    ).fetchall()
    dmin, dmax = store.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return {
        "collections": col("SELECT collection FROM articles GROUP BY collection ORDER BY collection"),
        "countries": col(
            "SELECT country FROM (SELECT country FROM places UNION SELECT country FROM article_speakers) "
            "WHERE country IS NOT NULL ORDER BY country"
        ),
        "topics": col(
            "SELECT t FROM (SELECT unnest(topics) AS t FROM quotes UNION SELECT topic FROM stances) "
            "WHERE t IS NOT NULL ORDER BY t"
        ),
        "speakers": col(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker "
            "ORDER BY count(*) DESC, speaker LIMIT ?", [max_items]
        ),
        "outlets": col("SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY outlet"),
        "places": col(
            "SELECT name FROM places GROUP BY name ORDER BY count(*) DESC, name LIMIT ?", [max_items]
        ),
        "articles": {r[0]: r[1] for r in articles},
        "kinds": QUOTE_KINDS,
        "date_min": dmin,
        "date_max": dmax,
    }


_KNOWN_SQL = {
    "speakers": "SELECT DISTINCT speaker FROM quotes WHERE list_contains(?, speaker)",
    "places": "SELECT DISTINCT name FROM places WHERE list_contains(?, name)",
    "articles": "SELECT id FROM articles WHERE list_contains(?, id)",
}


def known_values(store: Store, field: str, values: tuple[str, ...]) -> list[str]:
    """Which of ``values`` the store knows for ``field`` (``speakers``, ``places`` or ``articles``).

    Used to accept a shared URL's value that is outside the capped option lists.

    Raises:
        ValueError: unsupported field.
    """
    if field not in _KNOWN_SQL:
        raise ValueError(f"unsupported field {field!r}; expected one of {sorted(_KNOWN_SQL)}")
    return [r[0] for r in store.execute(_KNOWN_SQL[field], [list(values)]).fetchall()]


# ---------------------------------------------------------------- overview


def overview_counts(store: Store, f: QueryFilters) -> dict[str, int]:
    """Counts under the filters.

    Returns:
        dict[str, int]: ``articles``, ``quotes``, ``speakers`` (distinct names),
        ``places`` (distinct place names), ``mentions`` (place mentions),
        ``casualty_events``, ``killed``, ``injured``, ``missing`` (sums of the
        lower bounds ``*_min``; vague words count as their lower bound).
    """
    scope = quote_scope_cte(f)
    fw_q, pq = _from_where(f, "quote")
    fw_a, pa = _from_where(f, "article", use_quote_scope=True)
    fw_p, pp = _from_where(f, "place", use_quote_scope=True)
    fw_c, pc = _from_where(f, "casualty", use_quote_scope=True)
    head, hp = (scope[0] + ", ", scope[1]) if scope else ("", [])
    row = store.execute(
        f"WITH {head}aa AS (SELECT count(*) AS n{fw_a}), "
        f"qa AS (SELECT count(*) AS n, count(DISTINCT q.speaker) AS sp{fw_q}), "
        f"pa AS (SELECT count(DISTINCT p.name) AS names, count(*) AS n{fw_p}), "
        f"ca AS (SELECT count(*) AS n, sum(c.killed_min) AS k, sum(c.injured_min) AS i, sum(c.missing_min) AS m"
        f"{fw_c}) SELECT aa.n, qa.n, qa.sp, pa.names, pa.n, ca.n, ca.k, ca.i, ca.m FROM aa, qa, pa, ca",
        hp + pa + pq + pp + pc,
    ).fetchone()
    keys = ("articles", "quotes", "speakers", "places", "mentions", "casualty_events", "killed", "injured", "missing")
    return {k: int(v or 0) for k, v in zip(keys, row)}


def top_speakers(store: Store, f: QueryFilters, limit: int = 10) -> pd.DataFrame:
    """Speakers with the most quotes under the filters.

    Returns:
        DataFrame: ``speaker``, ``quotes``, ``articles``, ``role``, ``country`` (most frequent), sorted by quotes desc.
    """
    fw, params = _from_where(f, "quote")
    andw = "AND" if "WHERE" in fw else "WHERE"
    return store.df(
        f"""
        WITH fq AS MATERIALIZED (SELECT q.speaker, q.article_id{fw} {andw} q.speaker IS NOT NULL),
             t AS (SELECT speaker, count(*) AS quotes FROM fq GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT ?),
             n AS (SELECT speaker, count(DISTINCT article_id) AS articles FROM fq
                   WHERE speaker IN (SELECT speaker FROM t) GROUP BY speaker),
             sp AS (SELECT name, mode(role) AS role, mode(country) AS country FROM article_speakers
                    WHERE name IN (SELECT speaker FROM t) GROUP BY name)
        SELECT t.speaker, t.quotes, n.articles, sp.role, sp.country
        FROM t JOIN n ON n.speaker = t.speaker LEFT JOIN sp ON sp.name = t.speaker
        ORDER BY t.quotes DESC, t.speaker
        """,
        params + [limit],
    )


def top_places(store: Store, f: QueryFilters, limit: int = 10) -> pd.DataFrame:
    """Most mentioned places under the filters.

    Returns:
        DataFrame: ``place``, ``country``, ``mentions``, ``articles``, sorted by mentions desc.
    """
    scope = quote_scope_cte(f)
    fw, params = _from_where(f, "place", use_quote_scope=True)
    andw = "AND" if "WHERE" in fw else "WHERE"
    head, hp = (scope[0] + ", ", scope[1]) if scope else ("", [])
    return store.df(
        f"""
        WITH {head}t AS (SELECT p.name AS place, count(*) AS mentions{fw} GROUP BY p.name
                   ORDER BY mentions DESC, place LIMIT ?),
             d AS (SELECT p.name, mode(p.country) AS country, count(DISTINCT p.article_id) AS articles{fw}
                   {andw} p.name IN (SELECT place FROM t) GROUP BY p.name)
        SELECT t.place, d.country, t.mentions, d.articles FROM t JOIN d ON d.name = t.place
        ORDER BY t.mentions DESC, t.place
        """,
        hp + params + [limit] + params,
    )


# ---------------------------------------------------------------- quotes

# Sort key -> ORDER BY (fixed SQL, never user text); "article" needs no join with articles.
QUOTE_SORTS = {
    "date": "a.published DESC NULLS LAST, q.article_id, q.start",
    "speaker": "q.speaker NULLS LAST, a.published DESC NULLS LAST, q.article_id, q.start",
    "article": "q.article_id, q.start",
}


QUOTE_PAGE_COLUMNS = ("id", "speaker", "role", "country", "quote", "kind", "topics", "stance", "article", "date",
                      "article_id")


def count_quotes(store: Store, f: QueryFilters) -> int:
    """Number of quotes under the filters."""
    fw, params = _from_where(f, "quote")
    return int(store.execute(f"SELECT count(*){fw}", params).fetchone()[0])


def quotes_page(store: Store, f: QueryFilters, limit: int = 50, offset: int = 0, sort: str = "date") -> pd.DataFrame:
    """One page of quotes under the filters (only the page's rows leave DuckDB).

    Args:
        limit (int): rows per page (1..1000). offset (int): rows to skip (>= 0).
        sort (str): key of :data:`QUOTE_SORTS`.

    Returns:
        DataFrame: ``id``, ``speaker``, ``role``, ``country``, ``quote``, ``kind``,
        ``topics`` (list[str]), ``stance`` (e.g. ``"nato: support"``, ``"; "``-joined,
        from stances whose evidence includes the quote), ``article``
        (title), ``date`` (date), ``article_id``.

    Raises:
        ValueError: unknown sort, or limit/offset out of bounds.
    """
    if sort not in QUOTE_SORTS:
        raise ValueError(f"unknown sort {sort!r}; expected one of {sorted(QUOTE_SORTS)}")
    if not (1 <= limit <= 1000) or offset < 0:
        raise ValueError(f"limit must be 1..1000 and offset >= 0 (got {limit}, {offset})")
    fw, params = _from_where(f, "quote", with_article=sort != "article")
    # late materialisation: sort and cut only the sort keys, then fetch the page's rows by primary key
    ids = store.execute(
        f"SELECT q.id, q.article_id{fw} ORDER BY {QUOTE_SORTS[sort]} LIMIT ? OFFSET ?", params + [limit, offset]
    ).fetchall()
    if not ids:
        return pd.DataFrame(columns=list(QUOTE_PAGE_COLUMNS))
    qids = [r[0] for r in ids]
    aids = sorted({r[1] for r in ids})
    qph = ", ".join("?" for _ in qids)  # one placeholder per id: the count comes from our own query
    aph = ", ".join("?" for _ in aids)
    sql = f"""
    WITH page AS (
        SELECT q.id, q.speaker, q.text AS quote, q.kind, q.topics, q.article_id FROM quotes q WHERE q.id IN ({qph})
    ), st AS (
        SELECT e.quote_id, string_agg(e.topic || ': ' || e.polarity, '; ' ORDER BY e.topic) AS stance
        FROM (SELECT unnest(evidence) AS quote_id, topic, polarity FROM stances WHERE article_id IN ({aph})) e
        GROUP BY e.quote_id
    )
    SELECT page.id, page.speaker, s.role, s.country, page.quote, page.kind, page.topics,
           st.stance, coalesce(a2.title, a2.id) AS article, a2.published AS "date", page.article_id
    FROM page LEFT JOIN st ON st.quote_id = page.id
    LEFT JOIN (SELECT article_id, name, role, country FROM article_speakers WHERE article_id IN ({aph})) s
           ON s.article_id = page.article_id AND s.name = page.speaker
    LEFT JOIN (SELECT id, title, published FROM articles WHERE id IN ({aph})) a2 ON a2.id = page.article_id
    ORDER BY list_position(?, page.id)
    """
    return store.df(sql, qids + aids + aids + aids + [qids])


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
        averaged over articles); None when the name is unknown.
    """
    row = None
    if article_id is not None:
        row = store.execute(
            "SELECT name, role, org, country, type, aliases FROM article_speakers WHERE article_id = ? AND name = ?",
            [article_id, name],
        ).fetchone()
    if row is None:
        row = store.execute(
            "SELECT name, role, org, country, type, aliases FROM speakers WHERE name = ?", [name]
        ).fetchone()
    n_quotes, n_articles = store.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM quotes WHERE speaker = ?", [name]
    ).fetchone()
    if row is None and not n_quotes:
        return None
    card = dict(zip(("name", "role", "org", "country", "type", "aliases"), row or (name, None, None, None, None, [])))
    card.update(n_quotes=int(n_quotes), n_articles=int(n_articles))
    card["stances"] = [
        (t, p, float(sc)) for t, p, sc in store.execute(
            "SELECT topic, CASE WHEN avg(score) > 0.15 THEN 'support' WHEN avg(score) < -0.15 THEN 'oppose' "
            "ELSE 'neutral' END, avg(score) FROM stances WHERE speaker = ? GROUP BY topic ORDER BY topic",
            [name],
        ).fetchall()
    ]
    return card


# ---------------------------------------------------------------- places / map


MAP_MENTION_SAMPLE = 40  # mentions per place searched for surrounding quotes (newest articles first)
MAP_HOVER_PLACES = 150  # the most mentioned places get quotes in their hover


def map_places(store: Store, f: QueryFilters, limit: int = 500, quotes_per_place: int = 3) -> pd.DataFrame:
    """Places to draw on the map: one row per geocoded place name, aggregated.

    Args:
        limit (int): most-mentioned places kept (markers drawn).
        quotes_per_place (int): quotes listed in the hover.

    Returns:
        DataFrame: ``place``, ``country``, ``lat``, ``lon``, ``mentions``, ``killed`` (sum of ``killed_min`` of casualty events at
        the place under the filters), ``injured``, ``top_quotes`` (list of
        ``"Speaker: text"`` for quotes whose span contains a mention of the
        place, shortest first, searched among the place's :data:`MAP_MENTION_SAMPLE`
        newest mentions, for the :data:`MAP_HOVER_PLACES` most mentioned places), sorted by mentions desc.
    """
    fw, params = _from_where(f, "place")
    fwc, pc = _from_where(f, "casualty")
    wq, pq = _where(f, "quote")
    andw = "AND" if "WHERE" in fw else "WHERE"
    sql = f"""
    WITH pl AS (
        SELECT p.name AS place, min(p.country) AS country, avg(p.lat) AS lat, avg(p.lon) AS lon,
               count(*) AS mentions
        {fw} {andw} p.lat IS NOT NULL AND p.lon IS NOT NULL
        GROUP BY p.name ORDER BY mentions DESC, place LIMIT ?
    ), cas AS (
        SELECT c.place, sum(coalesce(c.killed_min, 0)) AS killed, sum(coalesce(c.injured_min, 0)) AS injured
        {fwc} {'AND' if 'WHERE' in fwc else 'WHERE'} c.place IN (SELECT place FROM pl) GROUP BY c.place
    ), cand AS (  -- a bounded sample of each place's mentions, to look for quotes around them
        SELECT p.name, p.article_id, p.start, p."end" {fw} {andw}
               p.name IN (SELECT place FROM pl ORDER BY mentions DESC, place LIMIT ?)
        QUALIFY row_number() OVER (PARTITION BY p.name ORDER BY p.article_id DESC, p.start) <= ?
    ), qp AS (
        SELECT cand.name AS place, coalesce(q.speaker, 'unknown') || ': ' || q.text AS line,
               row_number() OVER (PARTITION BY cand.name ORDER BY length(q.text), q.id) AS rn
        FROM cand JOIN quotes q ON q.article_id = cand.article_id AND cand.start >= q.start AND cand."end" <= q."end"
        {wq}
        QUALIFY rn <= ?
    ), qpl AS (SELECT place, list(line ORDER BY rn) AS top_quotes FROM qp GROUP BY place)
    SELECT pl.*, coalesce(cas.killed, 0) AS killed, coalesce(cas.injured, 0) AS injured,
           coalesce(qpl.top_quotes, []::VARCHAR[]) AS top_quotes
    FROM pl LEFT JOIN cas ON cas.place = pl.place LEFT JOIN qpl ON qpl.place = pl.place
    ORDER BY mentions DESC, pl.place
    """
    return store.df(sql, params + [limit] + pc + params + [MAP_HOVER_PLACES, MAP_MENTION_SAMPLE] + pq
                    + [quotes_per_place])


def places_table(store: Store, f: QueryFilters, limit: int | None = None) -> pd.DataFrame:
    """Place mentions under the filters (for downloads), newest articles first.

    Returns:
        DataFrame: ``article_id``, ``place``, ``mention``, ``kind``, ``country``, ``admin1``,
        ``lat``, ``lon``, ``geonameid``, ``start``, ``end``.
    """
    fw, params = _from_where(f, "place", with_article=True)
    lim = " LIMIT ?" if limit else ""
    return store.df(
        f"SELECT p.article_id, p.name AS place, p.mention, p.kind, p.country, p.admin1, p.lat, p.lon, p.geonameid, "
        f"p.start, p.\"end\"{fw} ORDER BY a.published DESC NULLS LAST, p.article_id, p.idx{lim}",
        params + ([limit] if limit else []),
    )


# ---------------------------------------------------------------- casualties

_CAS_COLS = (
    "c.article_id, c.idx, c.place, c.country, c.lat, c.lon, c.date, c.killed_min, c.killed_max, c.killed_qualifier, "
    "c.injured_min, c.injured_max, c.injured_qualifier, c.missing_min, c.missing_max, c.perpetrator_killed_min, "
    "c.cause, c.actor, c.start, c.\"end\", coalesce(a.title, a.id) AS article, a.published"
)


def count_casualties(store: Store, f: QueryFilters) -> int:
    """Number of casualty events under the filters."""
    fw, params = _from_where(f, "casualty")
    return int(store.execute(f"SELECT count(*){fw}", params).fetchone()[0])


def casualty_totals(store: Store, f: QueryFilters) -> dict[str, int]:
    """Casualty totals under the filters: ``events``, ``killed``, ``injured``, ``missing`` (sums of lower bounds)."""
    fw, params = _from_where(f, "casualty")
    row = store.execute(
        f"SELECT count(*), sum(c.killed_min), sum(c.injured_min), sum(c.missing_min){fw}", params
    ).fetchone()
    return {k: int(v or 0) for k, v in zip(("events", "killed", "injured", "missing"), row)}


def casualties_page(store: Store, f: QueryFilters, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    """One page of casualty events (latest date first), with their article title.

    Returns:
        DataFrame: the casualties columns plus ``article`` (title) and ``published``.

    Raises:
        ValueError: limit outside 1..1000 or negative offset.
    """
    if not (1 <= limit <= 1000) or offset < 0:
        raise ValueError(f"limit must be 1..1000 and offset >= 0 (got {limit}, {offset})")
    fw, params = _from_where(f, "casualty", with_article=True)
    return store.df(
        f"SELECT {_CAS_COLS}{fw} ORDER BY coalesce(c.date, a.published) DESC NULLS LAST, c.article_id, c.idx "
        "LIMIT ? OFFSET ?",
        params + [limit, offset],
    )


def casualties_table(store: Store, f: QueryFilters, limit: int | None = None) -> pd.DataFrame:
    """All casualty events under the filters (for downloads). Same columns as :func:`casualties_page`."""
    fw, params = _from_where(f, "casualty", with_article=True)
    lim = " LIMIT ?" if limit else ""
    return store.df(
        f"SELECT {_CAS_COLS}{fw} ORDER BY coalesce(c.date, a.published) DESC NULLS LAST, c.article_id, c.idx{lim}",
        params + ([limit] if limit else []),
    )


def casualties_by_place_date(store: Store, f: QueryFilters, limit: int = 2000) -> pd.DataFrame:
    """Casualty totals per (place, date): the chart's data.

    Returns:
        DataFrame: ``place`` ("unknown" when not resolved), ``date`` (event date,
        else the article's), ``killed``, ``injured``, ``events``, ordered by date.
    """
    fw, params = _from_where(f, "casualty", with_article=True)
    return store.df(
        f"SELECT coalesce(c.place, 'unknown') AS place, coalesce(c.date, a.published) AS date, "
        f"sum(coalesce(c.killed_min, 0)) AS killed, sum(coalesce(c.injured_min, 0)) AS injured, count(*) AS events"
        f"{fw} GROUP BY ALL ORDER BY date NULLS LAST, place LIMIT ?",
        params + [limit],
    )


# ---------------------------------------------------------------- stance


def stance_matrix(store: Store, f: QueryFilters, max_speakers: int = 25) -> pd.DataFrame:
    """Speaker x topic stance under the filters, for the most quoted speakers.

    Returns:
        DataFrame: ``speaker``, ``topic``, ``score`` (mean, -1 oppose .. +1 support),
        ``polarity`` (support if mean > 0.15, oppose if < -0.15, else neutral),
        ``support``, ``oppose``, ``neutral`` (counts of article-level stances), ``evidence`` (quote count).
    """
    fw, params = _from_where(f, "stance")
    return store.df(
        f"""
        WITH sm AS (
            SELECT st.speaker, st.topic, avg(st.score) AS score,
                   count(*) FILTER (WHERE st.polarity = 'support') AS support,
                   count(*) FILTER (WHERE st.polarity = 'oppose') AS oppose,
                   count(*) FILTER (WHERE st.polarity = 'neutral') AS neutral,
                   sum(len(st.evidence)) AS evidence
            {fw} GROUP BY st.speaker, st.topic
        ), top AS (
            SELECT speaker FROM sm GROUP BY speaker ORDER BY sum(evidence) DESC, speaker LIMIT ?
        )
        SELECT speaker, topic, score,
               CASE WHEN score > 0.15 THEN 'support' WHEN score < -0.15 THEN 'oppose' ELSE 'neutral' END AS polarity,
               support, oppose, neutral, evidence
        FROM sm WHERE speaker IN (SELECT speaker FROM top) ORDER BY speaker, topic
        """,
        params + [max_speakers],
    )


def stance_evidence(store: Store, f: QueryFilters, speaker: str, topic: str, limit: int = 50) -> pd.DataFrame:
    """Evidence quotes of one speaker's stance on one topic, under the filters.

    Returns:
        DataFrame: ``quote_id``, ``quote``, ``polarity``, ``score``, ``cues`` (list), ``article``, ``date``, ``article_id``.
    """
    fw, params = _from_where(f, "stance", with_article=True)
    extra = ("AND" if "WHERE" in fw else "WHERE") + " st.speaker = ? AND st.topic = ?"
    return store.df(
        f"""
        WITH ev AS (SELECT st.article_id, unnest(st.evidence) AS quote_id, st.polarity, st.score, st.cues,
                           coalesce(a.title, a.id) AS article, a.published AS date {fw} {extra})
        SELECT ev.quote_id, q.text AS quote, ev.polarity, ev.score, ev.cues, ev.article, ev.date, ev.article_id
        FROM ev JOIN quotes q ON q.id = ev.quote_id ORDER BY ev.date DESC NULLS LAST, ev.quote_id LIMIT ?
        """,
        params + [speaker, topic, limit],
    )


# ---------------------------------------------------------------- articles


def count_articles(store: Store, f: QueryFilters) -> int:
    """Number of articles under the filters."""
    fw, params = _from_where(f, "article")
    return int(store.execute(f"SELECT count(*){fw}", params).fetchone()[0])


def articles_page(store: Store, f: QueryFilters, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    """One page of articles (newest first) with their quote counts.

    Returns:
        DataFrame: ``id``, ``title``, ``outlet``, ``published``, ``collection``, ``quotes``.
    """
    if not (1 <= limit <= 1000) or offset < 0:
        raise ValueError(f"limit must be 1..1000 and offset >= 0 (got {limit}, {offset})")
    fw, params = _from_where(f, "article")
    return store.df(
        f"""
        WITH page AS (SELECT a.id, coalesce(a.title, a.id) AS title, a.outlet, a.published, a.collection
                      {fw} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?)
        SELECT page.*, (SELECT count(*) FROM quotes q WHERE q.article_id = page.id) AS quotes
        FROM page ORDER BY published DESC NULLS LAST, id
        """,
        params + [limit, offset],
    )


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
        ``country``, ``quote``, ``kind``, ``cue``, ``topics``, ``start``, ``end``, ``article``, ``published``,
        ``outlet``, ``collection``.
    """
    fw, params = _from_where(f, "quote", with_article=True, extra_join=_JOIN_SPEAKER)
    lim = " LIMIT ?" if limit else ""
    return store.df(
        f"SELECT q.id, q.article_id, q.speaker, q.speaker_type, s.role, s.org, s.country, q.text AS quote, q.kind, "
        f"q.cue, q.topics, q.start, q.\"end\", coalesce(a.title, a.id) AS article, a.published, a.outlet, "
        f"a.collection{fw} ORDER BY {QUOTE_SORTS['date']}{lim}",
        params + ([limit] if limit else []),
    )
