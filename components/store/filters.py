"""The dashboard's filters: a table of definitions turned into ``(sql_bits, params)``.

Filters are a table of definitions (:data:`FILTER_DEFS`), in the manner of
Datasette's ``filters.py``: each definition maps a field of
:class:`QueryFilters` to one SQL fragment per *target* (the entity a query
returns), with ``?`` placeholders. :func:`where_clauses` turns the active
filters into ``(sql_bits, params)``; values are always bound, never formatted
into SQL. Identifiers (table aliases, joins) come from fixed tables in this
module only.

Targets and their base tables (:data:`TARGET_FROM`): ``quote`` (``quote_facts q``,
the derived table of :mod:`components.store.facts`, a copy of each quote with
its article's date, collection and outlet and its speaker's country), ``place``
(``places p``), ``casualty`` (``casualties c``), ``stance`` (``stances st``), ``article`` (``articles a``),
``casualty_fact`` (``casualty_facts c``, :mod:`components.store.casualty_facts`: the casualty records with
their article's date, collection and outlet, filtered on those columns as quotes are), ``stance_fact``
(``stance_facts st``, :mod:`components.store.stance_facts`: the stances without their evidence lists, with
their article's date, collection and outlet and their speaker card's country, filtered on those columns).
For speed at a million quotes, filters never join: quotes are filtered on
their own ``quote_facts`` columns; for other targets, article-level filters
become one semi-join ``<target>.article_id IN (SELECT a.id FROM articles a
WHERE ...)``, the speaker's country an ``EXISTS`` on ``article_speakers``, and
quote filters ``article_id IN (SELECT q.article_id FROM quote_facts q WHERE
...)``. Queries join ``articles`` or ``article_speakers`` only to output
their columns, and where possible only for the rows of the page. When the
store has ``article_index`` (an inverted index, key -> article id, kept by
:mod:`components.store.aggregates`; ``index=True``), the articles of a country
(its places or speaker cards) and those with a quote of the filtered topics
and kinds are read from it instead of a scan of ``places``, ``article_speakers``
or ``quote_facts`` (same rows; speaker and text filters still scan the quotes), and the semi-joins compare
the INTEGER article numbers the store's tables carry (:mod:`components.store.numbers`,
:data:`TARGET_ARTICLE_NO`) instead of the VARCHAR ids.

Filter semantics (what a person sees):

- collection, article, outlet, date range: on the article, for every target.
- speaker, topic: on the quote (topic: the quote has any of the topics) and on
  the stance; places, casualties and articles are kept when their article has
  at least one quote that passes the quote filters (speaker, topic, kind, text).
- article text search: on the article (case-insensitive literal substring of its text), for every target.
- quote kind, text search: on the quote; other targets through their article
  as above. Text search is a case-insensitive literal substring match
  (``contains(lower(text), lower(search))``: no wildcards, ``100%`` matches literally).
- country: a quote or stance passes when its speaker's country is one of them
  or its article mentions a place in one of them; places and casualties by
  their own country (a casualty event also by its parts'); articles when they mention such a place or speaker.
- place (set by selecting map points): places and casualties by their place
  name (a casualty event also by its parts' places); quotes, stances and articles when their article mentions the place.

Nothing here imports Streamlit or runs a query; the page queries are in
:mod:`components.store.queries`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any, Callable

QUOTE_KINDS = ("direct", "mixed", "indirect", "transcript")
TARGETS = ("quote", "place", "casualty", "stance", "article", "casualty_fact", "stance_fact")

# Base table of each target. Article columns are joined only by the queries that output them, after
# filtering; article-level filters become one semi-join (``... IN (SELECT a.id FROM articles a WHERE ...)``).
TARGET_FROM: dict[str, str] = {
    "quote": "quote_facts q",
    "place": "places p",
    "casualty": "casualties c",
    "stance": "stances st",
    "article": "articles a",
    "casualty_fact": "casualty_facts c",
    "stance_fact": "stance_facts st",
}
# Column holding the article id for each target (used for article-level semi-joins).
TARGET_ARTICLE_ID = {"quote": "q.article_id", "place": "p.article_id", "casualty": "c.article_id",
                     "stance": "st.article_id", "article": "a.id", "casualty_fact": "c.article_id",
                     "stance_fact": "st.article_id"}
# Column holding the article number (:mod:`components.store.numbers`), for the targets whose table carries it:
# with ``index=True`` their semi-joins compare INTEGERs (2-9 times faster than the VARCHAR ids at 10 M quotes)
TARGET_ARTICLE_NO = {"quote": "q.article_no", "place": "p.article_no", "stance": "st.article_no",
                     "article": "a.article_no", "casualty_fact": "c.article_no", "stance_fact": "st.article_no"}


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
        article_text (str): substring searched in the article's text ("" = none): a quote passes when
            its article contains it, wherever the quote stands.
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
    article_text: str = ""

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
        index_sql (dict[str, str] | None): target -> fragment used instead of ``sql[target]`` when the
            store has ``article_index`` (:mod:`components.store.aggregates`): the same rows, read from
            the index instead of a scan of ``places`` or ``article_speakers``.
    """

    name: str
    scope: str
    sql: dict[str, str]
    convert: Callable[[Any], Any] | None = None
    index_sql: dict[str, str] | None = None


_PLACE_ARTICLES = "(SELECT article_id FROM places WHERE list_contains(?, country))"
# a speaker filter keeps every name of the same person across articles (``speaker_identities``, see
# components/store/identities.py): ``?speaker=Donald+Trump`` also keeps "Donald J. Trump"
_SAME_PERSON = ("(list_contains(?, {col}) OR {col} IN (SELECT i.name FROM speaker_identities i "
                "JOIN speaker_identities j ON i.canonical = j.canonical WHERE list_contains(?, j.name)))")
_SPEAKER_COUNTRY = ("EXISTS (SELECT 1 FROM article_speakers s WHERE s.article_id = {t}.article_id "
                    "AND s.name = {t}.speaker AND list_contains(?, s.country))")
_PLACE_NAME_ARTICLES = "(SELECT article_id FROM places WHERE list_contains(?, name))"
# the same articles as _PLACE_ARTICLES (and as those of article_speakers of the countries), from the inverted
# index ``article_index`` (key ``p:<country>`` / ``s:<country>`` -> article number, sorted by key: a range read)
INDEX_TABLE = "article_index"
_INDEX_ARTICLES = (f"(SELECT article_no FROM {INDEX_TABLE} "
                   "WHERE list_contains(list_transform(?, lambda c: '{prefix}:' || c), key))")
_PLACE_NAME_NUMBERS = "(SELECT article_no FROM places WHERE list_contains(?, name))"
_INDEX_PLACE_ARTICLES = _INDEX_ARTICLES.format(prefix="p")
# the articles with a place or a speaker card in the countries: every quote or stance passing a country filter
# lies in one (its speaker's card is one of its article's), so this semi-join in front of the filter's OR
# (which DuckDB answers by marking every row) keeps the same rows and lets the scan skip the others
# (the stance rows for UA at 10M quotes: 0.83 -> 0.47 s)
_INDEX_COUNTRY_ARTICLES = (f"({_INDEX_ARTICLES.format(prefix='p')[1:-1]} "
                           f"UNION ALL {_INDEX_ARTICLES.format(prefix='s')[1:-1]})")

# a casualty event passes a place or country filter also when one of its parts is there (the
# event "41 killed in Turkey" with a part "27 in Malatya" is listed under Malatya); a semi-join on the
# parts that are there, not a correlated EXISTS, which DuckDB answered by grouping every record's key
# (0.35-0.6 s against 0.14-0.35 s for the casualty totals and page at 10M quotes)
_PART_AT = ("(c.article_id, c.idx) IN (SELECT (cp.article_id, cp.part_of) FROM casualties cp "
            "WHERE cp.part_of IS NOT NULL AND list_contains(?, cp.{col}))")
# the same on casualty_facts (a copy of every record, parts too, with its article's number): a pair of integers
# (0.038 -> 0.017 s for the events of UA at 10M quotes)
_PART_AT_NO = ("(c.article_no, c.idx) IN (SELECT (cp.article_no, cp.part_of) FROM casualty_facts cp "
               "WHERE cp.part_of IS NOT NULL AND list_contains(?, cp.{col}))")
FILTER_DEFS: tuple[FilterDef, ...] = (
    FilterDef("collections", "article", {"article": "list_contains(?, a.collection)",
                                         "quote": "list_contains(?, q.collection)",
                                         "casualty_fact": "list_contains(?, c.collection)",
                                         "stance_fact": "list_contains(?, st.collection)"}),
    FilterDef("articles", "article", {"article": "list_contains(?, a.id)", "quote": "list_contains(?, q.article_id)",
                                      "casualty_fact": "list_contains(?, c.article_id)",
                                      "stance_fact": "list_contains(?, st.article_id)"}),
    FilterDef("outlets", "article", {"article": "list_contains(?, a.outlet)", "quote": "list_contains(?, q.outlet)",
                                     "casualty_fact": "list_contains(?, c.outlet)",
                                     "stance_fact": "list_contains(?, st.outlet)"}),
    FilterDef("date_from", "article", {"article": "a.published >= ?", "quote": "q.published >= ?",
                                       "casualty_fact": "c.published >= ?", "stance_fact": "st.published >= ?"}),
    FilterDef("date_to", "article", {"article": "a.published <= ?", "quote": "q.published <= ?",
                                     "casualty_fact": "c.published <= ?", "stance_fact": "st.published <= ?"}),
    FilterDef("article_text", "article", {"article": "contains(lower(a.text), ?)"}, convert=lower_text),
    FilterDef("speakers", "quote", {"quote": _SAME_PERSON.format(col="q.speaker"), "stance": _SAME_PERSON.format(col="st.speaker"),
                                    "stance_fact": _SAME_PERSON.format(col="st.speaker")}),
    FilterDef("topics", "quote", {"quote": "list_has_any(q.topics, ?)", "stance": "list_contains(?, st.topic)",
                                  "stance_fact": "list_contains(?, st.topic)"}),
    FilterDef("kinds", "quote", {"quote": "list_contains(?, q.kind)"}),
    FilterDef("text", "quote", {"quote": "contains(lower(q.text), ?)"}, convert=lower_text),
    FilterDef("countries", "entity", {
        "quote": f"(list_contains(?, q.speaker_country) OR q.article_id IN {_PLACE_ARTICLES})",
        "stance": f"({_SPEAKER_COUNTRY.format(t='st')} OR st.article_id IN {_PLACE_ARTICLES})",
        # stance_facts carries the country of the stance's speaker card (one card per article and name)
        "stance_fact": f"(list_contains(?, st.speaker_country) OR st.article_id IN {_PLACE_ARTICLES})",
        "place": "list_contains(?, p.country)",
        "casualty": f"(list_contains(?, c.country) OR {_PART_AT.format(col='country')})",
        "casualty_fact": f"(list_contains(?, c.country) OR {_PART_AT.format(col='country')})",
        "article": (f"(a.id IN {_PLACE_ARTICLES} OR a.id IN "
                    "(SELECT article_id FROM article_speakers WHERE list_contains(?, country)))"),
    }, index_sql={
        "quote": (f"(q.article_no IN {_INDEX_COUNTRY_ARTICLES} AND "
                  f"(list_contains(?, q.speaker_country) OR q.article_no IN {_INDEX_PLACE_ARTICLES}))"),
        "stance": (f"(st.article_no IN {_INDEX_COUNTRY_ARTICLES} AND "
                   f"({_SPEAKER_COUNTRY.format(t='st')} OR st.article_no IN {_INDEX_PLACE_ARTICLES}))"),
        "stance_fact": (f"(st.article_no IN {_INDEX_COUNTRY_ARTICLES} AND "
                        f"(list_contains(?, st.speaker_country) OR st.article_no IN {_INDEX_PLACE_ARTICLES}))"),
        "casualty_fact": f"(list_contains(?, c.country) OR {_PART_AT_NO.format(col='country')})",
        # two reads of the index, not one of both key lists: DuckDB folds a list_transform of a parameter into
        # a constant its zone maps prune by, but not the concatenation of two (0.15 s against 0.45-0.85 s); one
        # semi-join on their union, not an OR of two (which DuckDB answers with two mark joins over every article)
        "article": f"a.article_no IN {_INDEX_COUNTRY_ARTICLES}",
    }),
    FilterDef("places", "entity", {
        "quote": f"q.article_id IN {_PLACE_NAME_ARTICLES}",
        "stance": f"st.article_id IN {_PLACE_NAME_ARTICLES}",
        "stance_fact": f"st.article_id IN {_PLACE_NAME_ARTICLES}",
        "place": "list_contains(?, p.name)",
        "casualty": f"(list_contains(?, c.place) OR {_PART_AT.format(col='place')})",
        "casualty_fact": f"(list_contains(?, c.place) OR {_PART_AT.format(col='place')})",
        "article": f"a.id IN {_PLACE_NAME_ARTICLES}",
    }, index_sql={
        "quote": f"q.article_no IN {_PLACE_NAME_NUMBERS}",
        "stance": f"st.article_no IN {_PLACE_NAME_NUMBERS}",
        "stance_fact": f"st.article_no IN {_PLACE_NAME_NUMBERS}",
        "casualty_fact": f"(list_contains(?, c.place) OR {_PART_AT_NO.format(col='place')})",
        "article": f"a.article_no IN {_PLACE_NAME_NUMBERS}",
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


# quote filters the index answers: "the article has a quote of one of the kinds with one of the topics"
INDEXED_QUOTE_FILTERS = frozenset({"topics", "kinds"})


def quote_index_keys(topics: tuple[str, ...] | list[str], kinds: tuple[str, ...] | list[str]) -> list[str]:
    """The ``article_index`` keys of the articles that have a quote of one of ``kinds`` with one of ``topics``
    (an empty tuple: any): ``q:<kind>:<topic>``, ``*`` for any (see :mod:`components.store.aggregates`)."""
    return [f"q:{k}:{t}" for k in (kinds or ("*",)) for t in (topics or ("*",))]


def _index_scope(filters: QueryFilters, names: list[str]) -> list[str] | None:
    """The index keys of the quote filters ``names`` of ``filters``, or None when one of them is not indexed."""
    if not names or not set(names) <= INDEXED_QUOTE_FILTERS:
        return None
    return quote_index_keys(filters.topics if "topics" in names else (), filters.kinds if "kinds" in names else ())


# the name of a table holding a filter state's article numbers (SnapshotReader.filter_scope): made by the code, never
# from input; checked before it is put into SQL
_SCOPE_TABLE = re.compile(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){0,2}")


def _checked_table(name: str) -> str:
    if not _SCOPE_TABLE.fullmatch(name):
        raise ValueError(f"not a scope table name: {name!r}")
    return name


QUOTE_SCOPE_FIELDS = ("speakers", "topics", "kinds", "text")  # the quote-level fields (scope "quote")


def quote_scope_key(filters: QueryFilters, index: bool = False) -> tuple | None:
    """The part of ``filters`` that decides :func:`quote_scope_select` (its quote-level fields and ``index``), as a
    hashable key, or None when no quote-level filter is active: two filter states with the same key pass the
    same articles through their quotes."""
    vals = tuple(getattr(filters, n) for n in QUOTE_SCOPE_FIELDS)
    if not any(v not in ((), None, "") for v in vals):
        return None
    return vals + (index,)


def needs_quote_scope(filters: QueryFilters, target: str | None = None) -> bool:
    """Whether ``target``'s rows are kept through the articles of :func:`quote_scope_select`: a quote-level
    filter is active that ``target`` has no fragment of its own for (``target`` None: any quote-level filter)."""
    return any(_DEFS_BY_NAME[n].scope == "quote" and (target is None or target not in _DEFS_BY_NAME[n].sql)
               for n in filters.active())


def quote_scope_filters(filters: QueryFilters, target: str | None = None) -> QueryFilters:
    """The quote-level filters of ``filters`` by which ``target``'s rows are kept through their articles (those it
    has no fragment of its own for; ``target`` None: all of them), every other field empty: a stance is kept by
    its own speaker and topic, and by the articles with a quote of the filtered kinds, so its articles are those of
    the kinds alone."""
    return QueryFilters(**{n: getattr(filters, n) for n in QUOTE_SCOPE_FIELDS
                           if target is None or target not in _DEFS_BY_NAME[n].sql})


def quote_scope_select(filters: QueryFilters, index: bool = False,
                       distinct: bool = True) -> tuple[str, list[Any]] | None:
    """``SELECT DISTINCT <article key> FROM ...`` of the articles that have a quote passing the quote-level
    filters (``article_no`` with ``index``, read from ``article_index`` for topic and kind filters alone; else
    ``article_id`` from ``quote_facts``) and its parameters; None when no quote-level filter is active.
    ``distinct`` False: read from ``article_index``, an article may come more than once, once per key it has
    (for a semi-join, which keeps the same rows; a DISTINCT over the 1.03 M articles with a direct quote at 10M
    quotes cost 0.15 s, the rows alone 0.01 s); from ``quote_facts`` (one row per passing quote, up to every
    quote) the articles stay distinct, so a table of them holds at most one number per article."""
    bits, params, names = [], [], []
    for name, value in filters.active().items():
        d = _DEFS_BY_NAME[name]
        if d.scope == "quote":
            bits.append(d.sql["quote"])
            names.append(name)
            params += [_param(d, value)] * d.sql["quote"].count("?")
    if not bits:
        return None
    keys = _index_scope(filters, names) if index else None
    cols = "article_no" if index else "article_id"  # numbers: see TARGET_ARTICLE_NO
    if keys is not None:
        return f"SELECT {'DISTINCT ' if distinct else ''}{cols} FROM {INDEX_TABLE} WHERE list_contains(?, key)", [keys]
    return f"SELECT DISTINCT q.{cols} FROM quote_facts q WHERE {' AND '.join(bits)}", params


def quote_scope_cte(filters: QueryFilters, index: bool = False,
                    scope_table: str | None = None) -> tuple[str, list[Any]] | None:
    """A materialised CTE of the articles that have a quote passing the quote-level filters.

    Args:
        index (bool): the store has ``article_index`` and article numbers: topic and kind filters alone are
            read from it (the same articles) instead of a scan of ``quote_facts``; the CTE then holds the
            articles' numbers (``article_no``, :data:`TARGET_ARTICLE_NO`) instead of their ids.
        scope_table (str | None): a table already holding those article numbers (``article_no``; made by
            :meth:`components.store.swap.SnapshotReader.filter_scope` from :func:`quote_scope_select` of the same
            filters, with ``index``): the CTE reads it instead of evaluating the filters again.

    Returns:
        tuple[str, list] | None: ``("quote_scope AS MATERIALIZED (...)", params)`` to put in a ``WITH``
        clause, so a statement evaluates the quote filters once however many targets use them; None
        when no quote-level filter is active.
    """
    sel = quote_scope_select(filters, index)
    if sel is None:
        return None
    if scope_table and index:
        return f"{QUOTE_SCOPE_CTE} AS (SELECT article_no FROM {_checked_table(scope_table)})", []
    return f"{QUOTE_SCOPE_CTE} AS MATERIALIZED ({sel[0]})", sel[1]


def where_clauses(filters: QueryFilters, target: str, use_quote_scope: bool = False,
                  index: bool = False, scope_table: str | None = None) -> tuple[list[str], list[Any]]:
    """Build the WHERE fragments and bound parameters of ``filters`` for ``target``.

    Args:
        filters (QueryFilters): the validated filter state.
        target (str): one of :data:`TARGETS`.
        use_quote_scope (bool): refer to the CTE of :func:`quote_scope_cte` (which the
            caller defines) instead of an inline subquery for quote-level filters.
        index (bool): the store has ``article_index`` and article numbers
            (:func:`components.store.aggregates.index_available`): country filters and topic/kind filters of
            other targets read it (:attr:`FilterDef.index_sql`, :func:`quote_index_keys`), and the semi-joins
            of the targets of :data:`TARGET_ARTICLE_NO` compare article numbers; the rows are the same.

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
    quote_names: list[str] = []
    for name, value in filters.active().items():
        d = _DEFS_BY_NAME[name]
        p = _param(d, value)
        if index and d.index_sql and target in d.index_sql:
            frag = d.index_sql[target]
        elif target in d.sql:
            frag = d.sql[target]
        elif d.scope == "article":
            frag = d.sql["article"]
            art_bits.append(frag)
            art_params += [p] * frag.count("?")
            continue
        elif d.scope == "quote":
            frag = d.sql["quote"]
            quote_bits.append(frag)
            quote_names.append(name)
            quote_params += [p] * frag.count("?")
            continue
        else:  # pragma: no cover - every entity filter defines all targets
            raise AssertionError(f"filter {name} has no SQL for {target}")
        bits.append(frag)
        params += [p] * frag.count("?")
    # the semi-joins compare article numbers where the store and the target's table have them, else ids
    numbered = index and target in TARGET_ARTICLE_NO
    col = TARGET_ARTICLE_NO[target] if numbered else TARGET_ARTICLE_ID[target]
    sub = "article_no" if numbered else "article_id"
    if art_bits:
        bits.insert(0, f"{col} IN (SELECT a.{sub if numbered else 'id'} FROM articles a WHERE {' AND '.join(art_bits)})")
        params[:0] = art_params
    keys = _index_scope(filters, quote_names) if index else None
    if quote_bits and use_quote_scope and index and not numbered:  # the CTE holds numbers: their ids
        bits.append(f"{col} IN (SELECT a.id FROM articles a WHERE a.article_no IN "
                    f"(SELECT article_no FROM {QUOTE_SCOPE_CTE}))")
    elif quote_bits and use_quote_scope:
        bits.append(f"{col} IN (SELECT {sub} FROM {QUOTE_SCOPE_CTE})")
    elif quote_bits and scope_table and index:  # the filter state's articles, computed once (filter_scope)
        table = _checked_table(scope_table)
        bits.append(f"{col} IN (SELECT article_no FROM {table})" if numbered else
                    f"{col} IN (SELECT a.id FROM articles a WHERE a.article_no IN (SELECT article_no FROM {table}))")
    elif keys is not None:
        bits.append(f"{col} IN (SELECT {sub} FROM {INDEX_TABLE} WHERE list_contains(?, key))")
        params.append(keys)
    elif quote_bits:
        bits.append(f"{col} IN (SELECT q.{sub} FROM quote_facts q WHERE {' AND '.join(quote_bits)})")
        params += quote_params
    return bits, params


def where_sql(filters: QueryFilters, target: str, use_quote_scope: bool = False,
              index: bool = False, scope_table: str | None = None) -> tuple[str, list[Any]]:
    """`` WHERE ...`` (or ``""`` when nothing filters) and its parameters; see :func:`where_clauses`."""
    bits, params = where_clauses(filters, target, use_quote_scope, index, scope_table)
    return (" WHERE " + " AND ".join(bits) if bits else ""), params


_JOIN_ARTICLE = {
    "quote": " JOIN articles a ON a.id = q.article_id",
    "place": " JOIN articles a ON a.id = p.article_id",
    "casualty": " JOIN articles a ON a.id = c.article_id",
    "casualty_fact": " JOIN articles a ON a.id = c.article_id",
    "stance": " JOIN articles a ON a.id = st.article_id",
    "stance_fact": " JOIN articles a ON a.id = st.article_id",
    "article": "",
}


JOIN_SPEAKER = " LEFT JOIN article_speakers s ON s.article_id = q.article_id AND s.name = q.speaker"
# The quote target reads quote_facts; the quotes columns it lacks (cue, speaker_type) come from quotes.
JOIN_QUOTE_ROW = " JOIN quotes qt ON qt.article_id = q.article_id AND qt.id = q.id"


def from_where(filters: QueryFilters, target: str, with_article: bool = False,
                extra_join: str = "", use_quote_scope: bool = False, index: bool = False,
                scope_table: str | None = None) -> tuple[str, list[Any]]:
    """`` FROM <target table> [JOIN articles a] [extra_join] WHERE ...`` and its parameters.

    Args:
        filters (QueryFilters): the validated filter state.
        target (str): one of :data:`TARGETS`.
        with_article (bool): also join ``articles a`` (to output or sort by its columns).
        extra_join (str): ``""``, one of this module's fixed join constants (:data:`JOIN_SPEAKER`,
            :data:`JOIN_QUOTE_ROW`) or their concatenation.
        use_quote_scope, index (bool), scope_table (str | None): as in :func:`where_clauses`.
    """
    where, params = where_sql(filters, target, use_quote_scope, index, scope_table)
    join = _JOIN_ARTICLE[target] if with_article else ""
    return f" FROM {TARGET_FROM[target]}{join}{extra_join}{where}", params
