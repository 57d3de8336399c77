"""Values offered by the sidebar widgets, and checks of values a shared URL brings.

Parameterised SQL over the whole store (no filters); cached per store by
:mod:`components.ui.loaders`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from . import Store, aggregates
from .filters import QUOTE_KINDS, QueryFilters, from_where


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


def date_span(store: Store, f: QueryFilters) -> tuple[Any, Any]:
    """``(first, last)`` published date (``datetime.date``, None when no dated article) of the articles under
    ``f`` with its own date range left out: the span a date slider offers for the current selection (the
    seed alone spans its day, not the whole store)."""
    fw, params = from_where(replace(f, date_from=None, date_to=None), "article", index=aggregates.index_available(store))
    return tuple(store.execute(f"SELECT min(a.published), max(a.published){fw}", params).fetchone())


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


# Facet -> (filter target, SQL of "value, count" over the rows passing the other filters). {fw} is the
# FROM ... WHERE of :func:`from_where` for the target (aliases q = quote_facts, a = articles); the counts
# are articles (distinct article ids) for every facet but ``articles``, whose count is its quotes.
_FACET_SQL: dict[str, tuple[str, str]] = {
    "collections": ("article", "SELECT a.collection, count(*) {fw} GROUP BY 1"),
    "outlets": ("article", "SELECT a.outlet, count(*) {fw} AND a.outlet IS NOT NULL GROUP BY 1"),
    "countries": ("article", "SELECT x.country, count(DISTINCT x.article_id) FROM (SELECT article_id, country FROM "
                             "places UNION ALL SELECT article_id, country FROM article_speakers) x WHERE "
                             "x.country IS NOT NULL AND x.article_id IN (SELECT a.id {fw}) GROUP BY 1"),
    "places": ("article", "SELECT pl.name, count(DISTINCT pl.article_id) FROM places pl "
                          "WHERE pl.article_id IN (SELECT a.id {fw}) GROUP BY 1"),
    "topics": ("quote", "SELECT t, count(DISTINCT article_id) FROM (SELECT q.article_id, unnest(q.topics) AS t "
                        "{fw}) GROUP BY 1"),
    "speakers": ("quote", "SELECT q.speaker, count(DISTINCT q.article_id) {fw} AND q.speaker IS NOT NULL GROUP BY 1"),
    "kinds": ("quote", "SELECT q.kind, count(DISTINCT q.article_id) {fw} GROUP BY 1"),
    "articles": ("quote", "SELECT q.article_id, count(*) {fw} GROUP BY 1"),
}
FACETS = tuple(_FACET_SQL)


def facet_counts(store: Store, f: QueryFilters, field: str) -> dict[str, int]:
    """Counts of each value of one sidebar filter under all the *other* filters (Datasette-style facets).

    Args:
        store (Store): the store.
        f (QueryFilters): the current filters; ``field`` itself is ignored, so every value shows what
            choosing it (too) would bring.
        field (str): one of :data:`FACETS` (a list field of :class:`QueryFilters`).

    Returns:
        dict[str, int]: value -> number of articles having it (for ``articles``: the article's quotes under
        the other filters); values with no row are absent (count 0).

    Raises:
        ValueError: unsupported field.
    """
    if field not in _FACET_SQL:
        raise ValueError(f"unsupported facet {field!r}; expected one of {sorted(_FACET_SQL)}")
    target, sql = _FACET_SQL[field]
    fw, params = from_where(replace(f, **{field: ()}), target, index=aggregates.index_available(store))
    if " WHERE " not in fw:
        fw += " WHERE TRUE"
    return {r[0]: int(r[1]) for r in store.execute(sql.format(fw=fw), params).fetchall() if r[0] is not None}
